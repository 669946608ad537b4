"""Many workspaces, end to end: "Add to Slack", each workspace's own token, uninstall.

The bot runs as `python -m bot` runs it (bot.runner.serve) in multi-workspace mode,
on each backend (the `database` fixture), against the loopback fake Slack, which
exchanges OAuth codes and records the Authorization header of every call. Events
are signed as Slack signs them. Nothing sleeps: tests wait for the fake's calls.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp
import payloads as p
import pytest
from fakeslack import FakeSlack
from httpbot import ANSWERED, watching_logs
from oauthbot import KEY, PUBLIC, browser, come_back, edge, install, start_install

from bot.core.factbase import FactBase
from bot.engine import Matcher
from bot.slack.oauth import BOT_SCOPES, STATE_COOKIE
from bot.storage.installations import MAX_LIVE_STATES
from bot.storage.store import open_store


def mention(team: str, channel: str, text: str, event_id: str) -> dict[str, Any]:
    body = p.app_mention(text, channel=channel, event_id=event_id)
    body["team_id"] = team
    for authorization in body.get("authorizations", []):
        authorization["team_id"] = team
    return body


async def send(session: aiohttp.ClientSession, url: str, body: dict[str, Any]) -> int:
    raw = p.json_body(body)
    async with session.post(
        f"{url}/slack/events", data=raw, headers=p.signed_headers(raw, p.JSON)
    ) as resp:
        return resp.status


def calls_in(fake: FakeSlack, channel: str) -> list[Any]:
    return [c for c in fake.calls if c.body.get("channel") == channel]


async def test_install_starts_on_one_worker_and_finishes_on_another(
    fake: FakeSlack, database: str, factbase: FactBase, matcher: Matcher
) -> None:
    async with (
        edge(fake, database, factbase, matcher, FACTBOT_PUBLIC_URL=PUBLIC) as one,
        edge(fake, database, factbase, matcher, FACTBOT_PUBLIC_URL=PUBLIC) as two,
        browser() as session,
    ):
        query = await start_install(session, one)
        assert query["client_id"] == ["1234.5678"]
        assert query["scope"] == [",".join(BOT_SCOPES)]
        assert query["redirect_uri"] == [f"{PUBLIC}/slack/oauth_redirect"]
        token = fake.add_install_code("code-T1", "T1")
        status, page = await come_back(session, two, code="code-T1", state=query["state"][0])
        assert status == 200 and "Workspace T1" in page
        (exchange,) = fake.calls_to("oauth.v2.access")
        assert exchange.body["code"] == "code-T1"
        assert exchange.body["redirect_uri"] == f"{PUBLIC}/slack/oauth_redirect"
        # The state was consumed: the same redirect, replayed (cookie and all), installs
        # nothing more.
        fake.add_install_code("code-T1-again", "T1")
        session.cookie_jar.update_cookies({STATE_COOKIE: query["state"][0]})
        status, page = await come_back(session, one, code="code-T1-again", state=query["state"][0])
        assert status == 400 and "expired or was already used" in page
        assert len(fake.calls_to("oauth.v2.access")) == 1
    async with open_store(database) as store:
        bot = await store.installation_store(KEY).async_find_bot(enterprise_id=None, team_id="T1")
        assert bot is not None and bot.bot_token == token and bot.bot_id == "B0BOTT1"
        raw = repr(await store._db.fetch("SELECT * FROM installations"))
        assert token not in raw


async def test_each_workspace_is_answered_with_its_own_token_until_it_uninstalls(
    fake: FakeSlack, database: str, factbase: FactBase, matcher: Matcher
) -> None:
    """Two workers share the database: each workspace is installed across both, and
    answered by either with its own token; the uninstall reaches one worker, and the
    other makes no call for that workspace any more."""
    async with (
        edge(fake, database, factbase, matcher) as one,
        edge(fake, database, factbase, matcher) as two,
        browser() as session,
    ):
        token_a = await install(fake, session, one, two, "TA")
        token_b = await install(fake, session, two, one, "TB")
        assert await send(session, two, mention("TA", "CA", ANSWERED, "EvA1")) == 200
        assert await send(session, one, mention("TB", "CB", ANSWERED, "EvB1")) == 200
        await fake.wait_until(lambda: bool(calls_in(fake, "CA")) and bool(calls_in(fake, "CB")))
        assert {c.headers["Authorization"] for c in calls_in(fake, "CA")} == {f"Bearer {token_a}"}
        assert {c.headers["Authorization"] for c in calls_in(fake, "CB")} == {f"Bearer {token_b}"}
        async with open_store(database) as store:
            assert await store._db.fetch(
                "SELECT COUNT(*) FROM outbox WHERE request_key = 'event:EvA1'"
            ) == [(1,)]
            # Each workspace's rows carry its team.
            for table in ("outbox", "questions"):
                for team in ("TA", "TB"):
                    rows = await store._db.fetch(
                        f"SELECT COUNT(*) FROM {table} WHERE team_id = ?", (team,)
                    )
                    assert rows == [(1,)], (table, team)

        uninstalled = {
            "team_id": "TA",
            "api_app_id": "A0FACTBOT",
            "type": "event_callback",
            "event_id": "EvA-gone",
            "event_time": 1700000000,
            "event": {"type": "app_uninstalled", "event_ts": "1700000000.000100"},
        }
        calls_before = len(fake.calls)
        with watching_logs("handlers") as logs:
            assert await send(session, one, uninstalled) == 200
            (line,) = await logs.wait_for("workspace_forgotten")  # handled after its ack
        assert "team_id=TA" in line and "installations=1" in line
        async with open_store(database) as store:
            assert await store.uninstalled_at("TA") is not None
            for table in ("installations", "questions", "outbox"):
                rows = await store._db.fetch(f"SELECT COUNT(*) FROM {table} WHERE team_id = 'TA'")
                assert rows == [(0,)], table
                kept = await store._db.fetch(f"SELECT COUNT(*) FROM {table} WHERE team_id = 'TB'")
                assert kept == [(1,)], table
            assert await store.is_installed("TB")

        # TA's events now make no Web API call and leave no row; TB is still answered.
        assert await send(session, two, mention("TA", "CA", ANSWERED, "EvA2")) == 200
        assert await send(session, two, mention("TB", "CB", ANSWERED, "EvB2")) == 200
        await fake.wait_until(lambda: len(calls_in(fake, "CB")) >= 2)
        new_calls = fake.calls[calls_before:]
        assert all(c.headers.get("Authorization") != f"Bearer {token_a}" for c in new_calls)
        assert not [c for c in new_calls if c.body.get("channel") == "CA"]
        async with open_store(database) as store:
            assert await store._db.fetch(
                "SELECT COUNT(*) FROM outbox WHERE request_key = 'event:EvA2'"
            ) == [(0,)]


def connect_mention(
    outer_team: str, delivered_to: str, channel: str, text: str, event_id: str
) -> dict[str, Any]:
    """A mention in a Slack Connect channel, as Slack delivers it to one installation.

    The outer `team_id` (and the event's `team`, `user_team`) is the asker's
    workspace, another organisation's; `authorizations[0]` names the installation the
    event is delivered to (https://docs.slack.dev/apis/events-api/#callback-field).
    """
    body = p.app_mention(text, channel=channel, event_id=event_id)
    body["team_id"] = outer_team
    body["event"].update(team=outer_team, user_team=outer_team, source_team=outer_team)
    body["is_ext_shared_channel"] = True
    body["event_context"] = f"4-app_mention-{outer_team}-{channel}"
    (authorization,) = body["authorizations"]
    authorization["team_id"] = delivered_to
    return body


async def test_a_slack_connect_event_is_answered_as_the_installation_it_is_delivered_to(
    fake: FakeSlack, database: str, factbase: FactBase, matcher: Matcher
) -> None:
    """In a channel shared with another organisation, an event's outer team_id can be
    that organisation's workspace: the event is ours by `authorizations[0]`, as bolt
    authorizes it. An event whose authorizations name no installation is dropped, even
    when its outer team_id is an installed workspace."""
    async with edge(fake, database, factbase, matcher) as url, browser() as session:
        token_a = await install(fake, session, url, url, "TA")
        shared = connect_mention("TOTHER", "TA", "CSHARED", ANSWERED, "EvConnect1")
        assert await send(session, url, shared) == 200
        await fake.wait_until(lambda: bool(calls_in(fake, "CSHARED")))
        assert {c.headers["Authorization"] for c in calls_in(fake, "CSHARED")} == {
            f"Bearer {token_a}"
        }
        async with open_store(database) as store:
            for table in ("outbox", "questions"):
                rows = await store._db.fetch(f"SELECT team_id FROM {table}")
                assert rows == [("TA",)], table

        # Delivered to a workspace with no installation: acked, no row, no call.
        stranger = connect_mention("TA", "TNOBODY", "CSTRANGE", ANSWERED, "EvConnect2")
        assert await send(session, url, stranger) == 200
        async with open_store(database) as store:
            assert await store._db.fetch(
                "SELECT COUNT(*) FROM outbox WHERE request_key = 'event:EvConnect2'"
            ) == [(0,)]
        # A later question is answered; the dropped one never was.
        assert await send(session, url, mention("TA", "CLATER", ANSWERED, "EvA3")) == 200
        await fake.wait_until(lambda: bool(calls_in(fake, "CLATER")))
        assert not calls_in(fake, "CSTRANGE")


@pytest.mark.parametrize(
    ("query", "status", "says"),
    [
        ({"error": "access_denied", "state": "x"}, 403, "cancelled"),
        ({"code": "c"}, 400, "needs the state and code"),
        ({"code": "c", "state": "never-issued"}, 400, "another browser"),
        ({"error": "invalid_team_for_non_distributed_app"}, 400, "did not install"),
    ],
)
async def test_bad_redirects_get_a_plain_error_page(
    fake: FakeSlack,
    tmp_path: Path,
    factbase: FactBase,
    matcher: Matcher,
    query: dict[str, str],
    status: int,
    says: str,
) -> None:
    async with edge(fake, str(tmp_path / "f.db"), factbase, matcher) as url, browser() as s:
        got, page = await come_back(s, url, **query)
        assert got == status and says in page
        assert 'href="/slack/install"' in page  # a way to try again
        assert not fake.calls_to("oauth.v2.access")


async def test_a_code_slack_refuses_and_a_stale_state_get_error_pages(
    fake: FakeSlack, tmp_path: Path, factbase: FactBase, matcher: Matcher
) -> None:
    db = str(tmp_path / "f.db")
    async with edge(fake, db, factbase, matcher) as url, browser() as session:
        query = await start_install(session, url)
        status, page = await come_back(session, url, code="unknown", state=query["state"][0])
        assert status == 400 and "Slack refused the installation (invalid_code)" in page
        # A state issued more than 10 minutes ago.
        query = await start_install(session, url)
        async with open_store(db) as store:
            await store._db.execute(
                "UPDATE oauth_states SET created_at = '2000-01-01T00:00:00+00:00'"
            )
        fake.add_install_code("good", "T9")
        status, page = await come_back(session, url, code="good", state=query["state"][0])
        assert status == 400 and "expired" in page
        assert len(fake.calls_to("oauth.v2.access")) == 1  # the stale state never got that far


async def test_forwarded_headers_build_the_redirect_uri_only_when_trusted(
    fake: FakeSlack, tmp_path: Path, factbase: FactBase, matcher: Matcher
) -> None:
    forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "bot.example.net"}
    for trust, expected in (("", "http://127.0.0.1:"), ("1", "https://bot.example.net/")):
        env = {"FACTBOT_TRUST_FORWARDED": trust}
        async with (
            edge(fake, str(tmp_path / f"f{trust}.db"), factbase, matcher, **env) as url,
            browser() as session,
        ):
            async with session.get(
                f"{url}/slack/install", headers=forwarded, allow_redirects=False
            ) as resp:
                location = resp.headers["Location"]
            assert f"redirect_uri={expected}".replace(":", "%3A").replace("/", "%2F") in location


async def test_the_state_cookie_is_set_for_the_browser_that_started(
    fake: FakeSlack, tmp_path: Path, factbase: FactBase, matcher: Matcher
) -> None:
    async with edge(fake, str(tmp_path / "f.db"), factbase, matcher) as url:
        async with browser() as session:
            query = await start_install(session, url)
            cookies = {c.key: c.value for c in session.cookie_jar}
            assert cookies[STATE_COOKIE] == query["state"][0]
        async with browser() as other:  # another browser, the same link: refused, unused
            fake.add_install_code("c1", "T1")
            status, page = await come_back(other, url, code="c1", state=query["state"][0])
            assert status == 400 and "another browser" in page


async def test_install_hits_cannot_grow_the_states_past_their_bound(
    fake: FakeSlack, database: str, factbase: FactBase, matcher: Matcher
) -> None:
    """GET /slack/install needs no login: a crawler hitting it adds states until the cap,
    then gets a 503 page that adds none. Once those states expire, a person's install
    starts (purging them) and completes."""
    async with edge(fake, database, factbase, matcher) as url, browser() as session:
        async with open_store(database) as store:
            now = datetime.now(UTC).isoformat(timespec="microseconds")
            await store._db.executemany(
                "INSERT INTO oauth_states (state, created_at) VALUES (?, ?)",
                [(f"crawled-{n}", now) for n in range(MAX_LIVE_STATES - 3)],
            )
        statuses = []
        async with aiohttp.ClientSession() as crawler:
            for _ in range(10):
                async with crawler.get(f"{url}/slack/install", allow_redirects=False) as resp:
                    statuses.append(resp.status)
                    page = await resp.text()
                    retry_after = resp.headers.get("Retry-After")
        assert statuses == [302] * 3 + [503] * 7
        assert "try again in a few minutes" in page and retry_after == "60"
        async with open_store(database) as store:
            live = await store._db.fetch("SELECT COUNT(*) FROM oauth_states")
            assert live == [(MAX_LIVE_STATES,)]
            # Ten minutes later, as far as the states can tell.
            await store._db.execute(
                "UPDATE oauth_states SET created_at = '2000-01-01T00:00:00.000000+00:00'"
            )
        await install(fake, session, url, url, "TA")
        async with open_store(database) as store:
            assert await store._db.fetch("SELECT COUNT(*) FROM oauth_states") == [(0,)]
            assert await store.is_installed("TA")
