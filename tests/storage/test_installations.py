"""Installations (OAuth): tokens encrypted at rest, states used once, a workspace forgotten.

Every test runs on both backends (the `database` fixture: SQLite and PostgreSQL).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from cryptography.fernet import Fernet
from slack_sdk.oauth.installation_store.models.installation import Installation

from bot.storage.installations import STATE_LIFETIME, OAuthStateStore, StatesExhausted
from bot.storage.store import MIGRATIONS, Store, open_store

KEY = Fernet.generate_key().decode()
TOKEN_A = "xoxb-111-222-plaintokenA"
TOKEN_B = "xoxb-333-444-plaintokenB"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def installation(team: str, token: str, *, user_token: str | None = None) -> Installation:
    return Installation(
        app_id="A0FACTBOT",
        team_id=team,
        team_name=f"Workspace {team}",
        user_id=f"U0ADMIN{team}",
        user_token=user_token,
        bot_token=token,
        bot_id=f"B{team}",
        bot_user_id=f"UBOT{team}",
        bot_scopes="chat:write,commands",
    )


async def test_tokens_are_encrypted_at_rest_and_read_back(database: str) -> None:
    async with open_store(database) as store:
        installations = store.installation_store(KEY)
        await installations.async_save(installation("TA", TOKEN_A, user_token="xoxp-9-secretuser"))
        rows = await store._db.fetch("SELECT * FROM installations")
        raw = repr(rows)
        assert "TA" in raw and "UBOTTA" in raw  # ids are stored plainly...
        assert TOKEN_A not in raw and "plaintokenA" not in raw  # ...tokens never
        assert "xoxp-9-secretuser" not in raw
        bot = await installations.async_find_bot(enterprise_id=None, team_id="TA")
        assert bot is not None and bot.bot_token == TOKEN_A and bot.bot_user_id == "UBOTTA"
        found = await installations.async_find_installation(enterprise_id=None, team_id="TA")
        assert found is not None and found.user_token == "xoxp-9-secretuser"
        assert found.user_id == "U0ADMINTA" and found.bot_scopes == ["chat:write", "commands"]
        # Another key cannot read them: the workspace must install again, nothing leaks.
        other = store.installation_store(Fernet.generate_key().decode())
        assert await other.async_find_bot(enterprise_id=None, team_id="TA") is None


async def test_installing_again_replaces_the_token(database: str) -> None:
    async with open_store(database) as store:
        installations = store.installation_store(KEY)
        await installations.async_save(installation("TA", TOKEN_A))
        await installations.async_save(installation("TA", TOKEN_B))
        bot = await installations.async_find_bot(enterprise_id=None, team_id="TA")
        assert bot is not None and bot.bot_token == TOKEN_B
        assert await store._db.fetch("SELECT COUNT(*) FROM installations") == [(1,)]
        assert await installations.async_find_bot(enterprise_id=None, team_id="TB") is None
        await installations.async_delete_all(enterprise_id=None, team_id="TA")
        assert await installations.async_find_bot(enterprise_id=None, team_id="TA") is None


async def test_a_state_is_consumed_once(database: str) -> None:
    async with open_store(database) as store:
        states = store.oauth_state_store()
        first, second = await states.async_issue(), await states.async_issue()
        assert first != second and len(first) >= 32
        assert await states.async_consume(first) is True
        assert await states.async_consume(first) is False  # used
        assert await states.async_consume("never-issued") is False
        assert await states.async_consume(second) is True


async def test_a_state_expires(database: str) -> None:
    clock = Clock()
    async with open_store(database, clock=clock) as store:
        states = store.oauth_state_store()
        late, in_time = await states.async_issue(), await states.async_issue()
        clock.now += STATE_LIFETIME - timedelta(seconds=1)
        assert await states.async_consume(in_time) is True
        clock.now += timedelta(seconds=2)
        assert await states.async_consume(late) is False
        # Expired states are purged when the next is issued.
        await states.async_issue()
        assert await store._db.fetch("SELECT COUNT(*) FROM oauth_states") == [(1,)]


async def test_live_states_are_capped_and_expired_ones_make_room(database: str) -> None:
    """Anyone may start an install: at the cap no state is issued (none is added), until
    the oldest expire and are purged."""
    clock = Clock()
    async with open_store(database, clock=clock) as store:
        states = OAuthStateStore(store._db, clock, capacity=3)
        first = await states.async_issue()
        clock.now += timedelta(minutes=5)
        await states.async_issue()
        await states.async_issue()
        for _ in range(5):
            with pytest.raises(StatesExhausted):
                await states.async_issue()
        assert await store._db.fetch("SELECT COUNT(*) FROM oauth_states") == [(3,)]
        # A state consumed frees its place.
        assert await states.async_consume(first) is True
        fourth = await states.async_issue()
        clock.now += timedelta(minutes=5, seconds=1)  # the three issued at +5 min: live
        with pytest.raises(StatesExhausted):
            await states.async_issue()
        clock.now += timedelta(minutes=5)  # now they have expired: purged at the next issue
        latest = await states.async_issue()
        assert await store._db.fetch("SELECT COUNT(*) FROM oauth_states") == [(1,)]
        assert await states.async_consume(latest) is True
        assert await states.async_consume(fourth) is False


#: Tables with rows of a workspace, and how many `seed` puts in each for one team.
SEEDED = {
    "installations": 1,
    "feedback": 2,
    "questions": 2,
    "outbox": 1,
    "digest_posts": 1,
    "digest_shown": 1,
    "digest_subscriptions": 1,
    "workspace_settings": 1,
}


async def seed(store: Store, team: str, channel: str) -> None:
    """A workspace with data in every table, written through its own view of the Store."""
    await store.installation_store(KEY).async_save(installation(team, f"xoxb-{team}-1-tok"))
    own = store.for_team(team)
    first = await own.record_question(question="q1", surface="mention", answered=True)
    second = await own.record_question(question="q2", surface="dm", answered=False)
    await own.record_feedback(first, "U1", helpful=True)
    await own.record_feedback(second, "U2", helpful=False)
    await own.accept_reply(surface="mention", request_key=f"event:{team}", text="q1")
    await own.subscribe_digest(channel, "09:00", "U1")
    await own.claim_digest(channel, "2025-03-01", "w1")
    await own.record_shown(channel, 1, "fact-1", "2025-03-01")
    await own.set_workspace_setting("language", "fr", by="U1")


async def counts(store: Store, team: str) -> dict[str, int]:
    """Rows of `team` in each table."""
    found = {}
    for table in SEEDED:
        rows = await store._db.fetch(f"SELECT COUNT(*) FROM {table} WHERE team_id = ?", (team,))
        found[table] = int(rows[0][0])
    return found


async def test_forget_workspace_deletes_its_rows_and_only_its_rows(database: str) -> None:
    async with open_store(database) as store:
        await seed(store, "TA", "CA")
        await seed(store, "TB", "CB")
        assert await counts(store, "TA") == SEEDED
        assert await counts(store, "TB") == SEEDED
        forgotten = await store.forget_workspace("TA")
        assert forgotten == SEEDED
        assert await counts(store, "TA") == dict.fromkeys(SEEDED, 0)
        assert await counts(store, "TB") == SEEDED  # the other workspace is untouched
        assert await store.installation_store(KEY).async_find_bot(enterprise_id=None, team_id="TB")
        assert await store.uninstalled_at("TA") is not None
        assert await store.uninstalled_at("TB") is None
        # Slack delivers the event again: nothing more to delete.
        assert await store.forget_workspace("TA") == dict.fromkeys(SEEDED, 0)
        # Installing again clears the record that it left.
        await store.installation_store(KEY).async_save(installation("TA", TOKEN_A))
        assert await store.uninstalled_at("TA") is None


async def test_a_channel_shared_by_two_workspaces_keeps_the_other_ones_digests(
    database: str,
) -> None:
    """A Slack Connect channel has one id in both workspaces: forgetting one workspace
    leaves the other's subscription, posts and rotation in that channel."""
    async with open_store(database) as store:
        await seed(store, "TA", "CSHARED")
        await seed(store, "TB", "CSHARED")
        await store.forget_workspace("TA")
        assert await counts(store, "TA") == dict.fromkeys(SEEDED, 0)
        assert await counts(store, "TB") == SEEDED


async def test_forget_workspace_of_an_org_wide_install_keeps_the_single_workspace_rows(
    database: str,
) -> None:
    async with open_store(database) as store:
        await store.record_question(question="legacy", surface="dm", answered=True)
        org = Installation(
            enterprise_id="E1",
            is_enterprise_install=True,
            user_id="U0ADMIN",
            bot_token=TOKEN_A,
            bot_id="B1",
            bot_user_id="UB1",
        )
        await store.installation_store(KEY).async_save(org)
        assert await store.is_installed("T-in-org", "E1")  # any workspace of the org
        forgotten = await store.forget_workspace("", "E1")
        assert forgotten["installations"] == 1 and forgotten["questions"] == 0
        assert await store._db.fetch("SELECT question FROM questions") == [("legacy",)]
        assert not await store.is_installed("T-in-org", "E1")


def org_wide(enterprise: str) -> Installation:
    return Installation(
        enterprise_id=enterprise,
        is_enterprise_install=True,
        user_id="U0ADMIN",
        bot_token=TOKEN_A,
        bot_id="B1",
        bot_user_id="UB1",
    )


async def test_an_org_wide_uninstall_forgets_the_settings_of_every_workspace_of_the_org(
    database: str,
) -> None:
    """The settings a workspace of the org set (and the org's own, when Slack named no
    workspace) go with the org; another org's and the single workspace's stay."""
    async with open_store(database) as store:
        await store.installation_store(KEY).async_save(org_wide("E1"))
        await store.set_workspace_setting("language", "fr", by="U0")  # the single workspace
        await store.for_team("T1-in-E1", "E1").set_workspace_setting("tz", "UTC", by="U1")
        await store.for_team("T2-in-E1", "E1").set_workspace_setting("language", "fr", by="U2")
        await store.for_team("E1", "E1").set_workspace_setting("language", "fr", by="U3")
        await store.for_team("T-in-E2", "E2").set_workspace_setting("tz", "UTC", by="U4")
        # A view that does not name the org keeps the org it is known to be in.
        await store.for_team("T1-in-E1").set_workspace_setting("language", "fr", by="U1")
        forgotten = await store.forget_workspace("", "E1")
        assert forgotten["workspace_settings"] == 3
        rows = await store._db.fetch("SELECT team_id FROM workspace_settings ORDER BY team_id")
        assert rows == [("",), ("T-in-E2",)]
        assert (await store.for_team("T-in-E2", "E2").workspace_settings()).tz_name == "UTC"


async def test_settings_saved_before_they_knew_their_org_learn_it_from_the_workspaces_rows(
    database: str,
) -> None:
    """Settings rows written before the `0011_settings_enterprise` migration take the org
    their workspace's questions, outbox rows or digests name, so an org-wide uninstall
    forgets them too."""
    before = [m for m in MIGRATIONS if m.name < "0011_settings_enterprise"]
    async with open_store(database, migrations=before) as store:
        await store.for_team("T1-in-E1", "E1").record_question(
            question="q", surface="dm", answered=True
        )
        await store.for_team("T2-in-E1", "E1").subscribe_digest("C2", "09:00", "U1")
        for team in ("T1-in-E1", "T2-in-E1", "T-alone"):
            await store._db.execute(
                "INSERT INTO workspace_settings (team_id, language, updated_at)"
                " VALUES (?, 'fr', '2025-03-01T09:00:00.000000+00:00')",
                (team,),
            )
    async with open_store(database) as store:
        rows = await store._db.fetch(
            "SELECT team_id, enterprise_id FROM workspace_settings ORDER BY team_id"
        )
        assert rows == [("T-alone", ""), ("T1-in-E1", "E1"), ("T2-in-E1", "E1")]
        await store.installation_store(KEY).async_save(org_wide("E1"))
        assert (await store.forget_workspace("", "E1"))["workspace_settings"] == 2
        assert await store._db.fetch("SELECT team_id FROM workspace_settings") == [("T-alone",)]


async def test_is_installed_finds_what_bolts_authorize_finds(database: str) -> None:
    """An org-wide request (is_enterprise_install) is the org's installation, not a
    workspace's; a workspace's request is its own installation, or its org's."""
    async with open_store(database) as store:
        workspace_in_org = installation("T2", TOKEN_B)
        workspace_in_org.enterprise_id = "E2"
        await store.installation_store(KEY).async_save(workspace_in_org)
        await store.installation_store(KEY).async_save(org_wide("E1"))
        assert await store.is_installed("", "E1", is_enterprise_install=True)
        assert await store.is_installed("T1", "E1", is_enterprise_install=True)
        assert await store.is_installed("T1", "E1")
        assert await store.is_installed("T2", "E2")
        # E2 has one workspace installed, not the app org-wide.
        assert not await store.is_installed("T2", "E2", is_enterprise_install=True)
        assert not await store.is_installed("", "E2", is_enterprise_install=True)


async def test_is_installed_says_which_workspaces_have_an_installation(database: str) -> None:
    async with open_store(database) as store:
        assert not await store.is_installed("TA")
        await store.installation_store(KEY).async_save(installation("TA", TOKEN_A))
        assert await store.is_installed("TA")
        assert not await store.is_installed("TB")
        assert not await store.is_installed("")
