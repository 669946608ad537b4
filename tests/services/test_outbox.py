"""The outbox: every acknowledged question is written down first, and answered exactly once.

Real SQLite files, the loopback fake Slack, requests signed as Slack signs them,
and a real process killed with SIGKILL where a test needs a dead process. The
whole crash under load is tests/services/test_outbox_crash.py.
"""

from __future__ import annotations

import asyncio
import sqlite3
import sys
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp
import payloads as p
import pytest
from fakeslack import WAIT, FakeSlack, Waits, no_wait_policy, running_bot, slack_env
from httpbot import ANSWERED, UNANSWERED, Bot, LogWatch
from slack_bolt.async_app import AsyncBoltRequest
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.factbase import FactBase
from bot.core.records import Where
from bot.engine import Matcher
from bot.services.delivery import Delivery, RetryPolicy
from bot.services.deps import Deps
from bot.services.outbox import answer, recover
from bot.services.replies import reply_to
from bot.settings import Settings
from bot.slack.app import build_app, make_client
from bot.storage.store import OUTBOX_LEASE, REPLY_DEADLINE, Store, open_store

ROOT = Path(__file__).resolve().parents[2]
ADMIN = "UADMIN"


@dataclass
class Clock:
    now: datetime

    def __call__(self) -> datetime:
        return self.now


@asynccontextmanager
async def bot_deps(
    fake: FakeSlack, db: Path, factbase: FactBase, matcher: Matcher, clock: Clock | None = None
) -> AsyncIterator[tuple[Deps, AsyncWebClient]]:
    """What one bot process holds: its store (its own worker), delivery and Web API client."""
    settings = Settings.from_env({**slack_env(fake, str(db), mode="http"), "FACTBOT_ADMINS": ADMIN})
    now = clock or (lambda: datetime.now(UTC))
    async with open_store(str(db), clock=now) as store:
        delivery = Delivery(no_wait_policy())
        deps = Deps(settings, factbase, matcher, store, now, delivery=delivery)
        try:
            yield deps, make_client(settings, delivery.policy, delivery.http_session())
        finally:
            await store.flush()
            await delivery.close()


@contextmanager
def write_lock(path: Path) -> Iterator[None]:
    """Hold SQLite's write lock on `path`, as a curator's `BEGIN IMMEDIATE` would."""
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("COMMIT")
        other.close()


async def statement_started(store: Store, prefix: str) -> asyncio.Event:
    """Set when the store's connection starts a statement beginning with `prefix`."""
    loop = asyncio.get_running_loop()
    started = asyncio.Event()

    def trace(sql: str) -> None:  # aiosqlite's thread
        if sql.lstrip().upper().startswith(prefix):
            loop.call_soon_threadsafe(started.set)

    await store._db.connection.set_trace_callback(trace)
    return started


def outbox(db: Path) -> list[tuple[str, str, str | None]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT request_key, status, error FROM outbox ORDER BY id").fetchall()


# ------------------------------------------------------------------ recorded before the ack


def request_for(surface: str, fake: FakeSlack) -> tuple[bytes, str, str]:
    """A signed-able body for one surface, its content type, and the method its reply uses."""
    if surface == "command":
        body = p.slash_command(ANSWERED, response_url=fake.response_url("ack"))
        return body, p.FORM, "response_url"
    event = (
        p.app_mention(ANSWERED, event_id="EvACK")
        if surface == "mention"
        else p.message_im(ANSWERED, event_id="EvACK")
    )
    return p.json_body(event), p.JSON, "chat.postMessage"


@pytest.mark.parametrize("surface", ["command", "mention", "dm"])
async def test_a_question_is_acked_only_once_its_outbox_row_is_written(
    surface: str, fake: FakeSlack, tmp_path: Path, factbase: FactBase, matcher: Matcher
) -> None:
    """The row is in SQLite, held up by a lock, and bolt has not acked: the ack waits for it."""
    db = tmp_path / "f.db"
    async with bot_deps(fake, db, factbase, matcher) as (deps, _):
        app = build_app(deps.settings, deps)
        body, content_type, method = request_for(surface, fake)
        request = AsyncBoltRequest(body=body.decode(), headers=p.signed_headers(body, content_type))
        with write_lock(db):
            started = await statement_started(deps.store, "INSERT INTO OUTBOX")
            dispatched = asyncio.create_task(app.async_dispatch(request))
            await asyncio.wait_for(started.wait(), WAIT)  # the row is in SQLite, held up
            assert request.context.ack.response is None  # and Slack has no ack yet
        assert (await dispatched).status == 200
        await fake.wait_for(method)
        await deps.delivery.drain(5)
        await deps.store.flush()
    ((_, status, _),) = outbox(db)
    assert status == "sent"


# ------------------------------------------------------------------ once per trigger_id


async def test_the_same_slash_command_sent_three_times_is_answered_once(
    bot: Bot, logs: LogWatch
) -> None:
    """One signed body (one trigger_id) posted three times, as a replay would: one reply."""
    body = p.slash_command(ANSWERED, response_url=bot.new_response_url())
    assert [(await bot.post(body, p.FORM))[0] for _ in range(3)] == [200, 200, 200]
    await logs.wait_for("request_duplicate", 2)
    await logs.wait_for("request", 1)
    (reply,) = bot.fake.calls_to("response_url")
    assert "May 2015" in reply.body["text"]
    other = p.slash_command(ANSWERED, response_url=bot.new_response_url())  # a new trigger_id
    assert (await bot.post(other, p.FORM))[0] == 200
    await bot.fake.wait_for("response_url", 2)


async def test_a_request_key_is_accepted_once_even_when_deliveries_race(tmp_path: Path) -> None:
    async with open_store(str(tmp_path / "f.db")) as store:
        accepted = await asyncio.gather(
            *(
                store.accept_reply(surface="command", request_key="trigger:T1", text="q")
                for _ in range(10)
            )
        )
    assert sum(a is not None for a in accepted) == 1


# ------------------------------------------------------------------ after a crash

DEAD_PROCESS = """
import asyncio, sys
from bot.storage.store import open_store

async def main(db, url):
    async with open_store(db) as store:
        first = await store.accept_reply(surface="command", request_key="trigger:T1",
            text="When was the BCIJ created?", user_id="U1", channel_id="C1", response_url=url)
        await store.record_question(question="When was the BCIJ created?", surface="command",
            answered=True, outbox_id=first.id)  # logged, then killed before the reply went out
        await store.accept_reply(surface="mention", request_key="event:Ev1",
            text="law 27-14?", user_id="U2", channel_id="C2", thread_ts="1700000000.000100")
        print("accepted", flush=True)
        await asyncio.Event().wait()

asyncio.run(main(sys.argv[1], sys.argv[2]))
"""


async def accepted_then_killed(db: Path, response_url: str) -> None:
    """A real process accepts two questions (their acks went out), then dies by SIGKILL."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        DEAD_PROCESS,
        str(db),
        response_url,
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
    )
    assert proc.stdout is not None
    assert await asyncio.wait_for(proc.stdout.readline(), 30) == b"accepted\n"
    proc.kill()
    assert await proc.wait() == -9


async def test_replies_a_killed_process_owed_are_sent_once_by_the_next_at_once(
    fake: FakeSlack, tmp_path: Path, factbase: FactBase, matcher: Matcher
) -> None:
    """Two processes start after the crash and recover together: each reply goes out once,
    at once (the dead process's lock file is free: no lease to wait for)."""
    db = tmp_path / "f.db"
    async with open_store(str(db)):
        pass  # the schema, as the bot's first start would make it
    await accepted_then_killed(db, fake.response_url("owed"))
    async with (
        bot_deps(fake, db, factbase, matcher) as (one, client_one),
        bot_deps(fake, db, factbase, matcher) as (two, client_two),
    ):
        done = await asyncio.gather(recover(one, client_one), recover(two, client_two))
        assert sorted(d.claimed for d in done) == [0, 2]  # one claimed both, atomically
        assert await recover(one, client_one) == await recover(two, client_two)  # nothing left
    (reply,) = fake.calls_to("response_url")
    assert "May 2015" in reply.body["text"] and reply.path == "/hooks/owed"
    (post,) = fake.calls_to("chat.postMessage")
    assert post.body["channel"] == "C2" and post.body["thread_ts"] == "1700000000.000100"
    assert [row[1] for row in outbox(db)] == ["sent", "sent"]
    with sqlite3.connect(db) as conn:  # each question logged once, with its outbox row
        assert conn.execute("SELECT outbox_id FROM questions ORDER BY id").fetchall() == [
            (1,),
            (2,),
        ]


async def test_a_reply_taken_over_is_never_sent_by_its_first_holder(
    fake: FakeSlack, tmp_path: Path, factbase: FactBase, matcher: Matcher
) -> None:
    """A live process's claim stops others until its lease runs out; then another process
    may take it, and the first, waking late, checks its claim before sending: one reply."""
    db = tmp_path / "f.db"
    clock = Clock(datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
    async with (
        bot_deps(fake, db, factbase, matcher, clock) as (slow, slow_client),
        bot_deps(fake, db, factbase, matcher, clock) as (other, other_client),
    ):
        pending = await slow.store.accept_reply(
            surface="command",
            request_key="trigger:SLOW",
            text=ANSWERED,
            response_url=fake.response_url("slow"),
        )
        assert pending is not None
        assert (await recover(other, other_client)).claimed == 0  # alive and fresh: not taken
        clock.now += OUTBOX_LEASE + timedelta(seconds=1)
        assert (await recover(other, other_client)).claimed == 1
        await answer(slow, slow_client, pending)  # the first holder, too late
    assert len(fake.calls_to("response_url")) == 1
    assert outbox(db) == [("trigger:SLOW", "sent", None)]


# ------------------------------------------------------------------ what never reached Slack


async def test_replies_too_late_or_refused_are_recorded_and_shown_in_stats(
    fake: FakeSlack, tmp_path: Path, factbase: FactBase, matcher: Matcher
) -> None:
    db = tmp_path / "f.db"
    clock = Clock(datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
    async with (
        bot_deps(fake, db, factbase, matcher, clock) as (deps, client),
        bot_deps(fake, db, factbase, matcher, clock) as (later, later_client),
    ):
        late = await deps.store.accept_reply(
            surface="command", request_key="trigger:LATE", text=ANSWERED,
            response_url=fake.response_url("late"),
        )  # fmt: skip
        assert late is not None  # its process hangs; its claim runs out; then half an hour
        clock.now += REPLY_DEADLINE + timedelta(seconds=1)
        refused = await deps.store.accept_reply(
            surface="command", request_key="trigger:USED", text=UNANSWERED,
            response_url=fake.response_url("used"),
        )  # fmt: skip
        assert refused is not None
        fake.queue("response_url", status=404, text="used_url")
        await answer(deps, client, refused)
        assert (await recover(later, later_client)).expired == 1
        stats = await reply_to(deps, "stats", Where("command", ADMIN, "C1"), strict=True)
    assert outbox(db) == [
        ("trigger:LATE", "expired", "response_url_expired"),
        ("trigger:USED", "failed", "used_url"),
    ]
    assert [c.path for c in fake.calls_to("response_url")] == ["/hooks/used"]
    text = str(stats.message.blocks)
    assert "*Replies that never reached Slack*: 2" in text
    assert "1 too late to send (`response_url_expired`)" in text
    assert "1 refused by Slack or failed (`used_url`)" in text


# ------------------------------------------------------------------ cut off by a shutdown


async def test_replies_cut_off_by_shutdown_go_out_at_the_next_start_unless_already_sent(
    fake: FakeSlack, tmp_path: Path, factbase: FactBase, matcher: Matcher
) -> None:
    """Shutdown's grace runs out on two replies. One was waiting to retry (Slack answered 429):
    it is still owed, and the next start sends it at once. The other was in flight (Slack may
    have it): it is recorded as unconfirmed and never sent again."""
    db = tmp_path / "f.db"
    settings = Settings.from_env(slack_env(fake, str(db), mode="http"))
    stuck = Waits()

    async def forever(seconds: float) -> None:
        await asyncio.Event().wait()

    stuck.during = forever
    release = asyncio.Event()
    fake.queue("response_url", {"ok": False}, 429, **{"Retry-After": "1"})
    fake.queue("response_url", hold=release)
    async with (
        running_bot(settings, factbase, matcher, retry=RetryPolicy(sleep=stuck), grace=0.2) as port,
        aiohttp.ClientSession() as session,
    ):
        url = f"http://127.0.0.1:{port}/slack/events"
        for name, question in (("waiting", ANSWERED), ("in-flight", UNANSWERED)):
            body = p.slash_command(question, response_url=fake.response_url(name))
            async with session.post(url, data=body, headers=p.signed_headers(body, p.FORM)) as r:
                assert r.status == 200
            await fake.wait_until(lambda n=name: any(c.path == f"/hooks/{n}" for c in fake.calls))
    release.set()
    async with running_bot(settings, factbase, matcher):
        await fake.wait_for("response_url", 3)
    paths = [c.path for c in fake.calls_to("response_url")]
    assert paths == ["/hooks/waiting", "/hooks/in-flight", "/hooks/waiting"]
    assert [row[1:] for row in outbox(db)] == [
        ("sent", None),
        ("unconfirmed", "abandoned_in_flight"),
    ]


async def test_replies_owed_in_several_workspaces_go_out_with_each_ones_client(
    fake: FakeSlack, tmp_path: Path, factbase: FactBase, matcher: Matcher
) -> None:
    """Recovered replies are sent with their workspace's own token; one owed in a workspace
    that has no installation any more is recorded as failed, and nothing is sent."""
    db = tmp_path / "f.db"
    clock = Clock(datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
    async with bot_deps(fake, db, factbase, matcher, clock) as (deps, _):
        for team, channel in (("TA", "CA"), ("TB", "CB"), ("TGONE", "CG")):
            owed = await deps.store.for_team(team).accept_reply(
                surface="mention",
                request_key=f"event:Ev{team}",
                text=ANSWERED,
                channel_id=channel,
                thread_ts="1700000000.000100",
            )
            assert owed is not None and owed.team_id == team
        clock.now += OUTBOX_LEASE + timedelta(seconds=1)
        clients = {
            team: AsyncWebClient(token=f"xoxb-{team}", base_url=fake.api_url, retry_handlers=[])
            for team in ("TA", "TB")
        }

        async def client_for(team_id: str, enterprise_id: str) -> AsyncWebClient | None:
            return clients.get(team_id)

        assert (await recover(deps, client_for)).claimed == 3
    tokens = {
        c.body["channel"]: c.headers["Authorization"] for c in fake.calls_to("chat.postMessage")
    }
    assert tokens == {"CA": "Bearer xoxb-TA", "CB": "Bearer xoxb-TB"}
    assert sorted(outbox(db)) == [
        ("event:EvTA", "sent", None),
        ("event:EvTB", "sent", None),
        ("event:EvTGONE", "failed", "not_installed"),
    ]
