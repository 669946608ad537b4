"""Several workers on one database: a reload on one reaches all; one digest scheduler leads.

Two `Deps` (two workers) on one database, once per backend: a reload or a taught
phrasing on one is served by the other after its next look at the facts generation.
The scheduler loop runs digests only while its worker holds the leader lock, and a
dead leader's lock is taken over on the next try.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from pathlib import Path

import asyncpg
import pytest
from factdir import write_base as write_factbase

from bot.core.records import Where
from bot.render.blocks import to_text
from bot.services.admin import reload_facts
from bot.services.cluster import catch_up, follow_reloads, lead_digests
from bot.services.deps import Deps, open_deps
from bot.services.replies import reply_to
from bot.settings import Settings
from bot.storage.cluster import LeaderLock
from bot.storage.store import open_store

CURATOR = Where("command", "UCURATOR", "C1")
FACTS = """\
- id: court-opened
  topic: laws
  title: The new Rabat court opened in 2019
  answer: The new court in Rabat opened in 2019.
  answer_fr: Le nouveau tribunal de Rabat a ouvert en 2019.
  snippet: The new court in Rabat opened in 2019
  source: news
  ask: [When did the new Rabat court open?]
- id: prison-opened
  topic: laws
  title: The Tiflet prison opened in 2015
  answer: The Tiflet prison opened in 2015.
  answer_fr: La prison de Tiflet a ouvert en 2015.
  snippet: The Tiflet prison opened in 2015
  source: news
  ask: [When did the Tiflet prison open?, How big is the Tiflet prison?]
"""
ARCHIVE = (
    "The new court in Rabat opened in 2019 after years of work. The Tiflet prison opened in "
    "2015 with room for a thousand inmates. The new court in Rabat opened in 2019, in May.\n"
)
NEW_WORDING = "what year did the Rabat tribunal start hearing cases"


def write_base(root: Path) -> Path:
    return write_factbase(root, ARCHIVE, FACTS)


@pytest.fixture
async def workers(tmp_path: Path, database: str) -> AsyncIterator[tuple[Deps, Deps, Path]]:
    """Two workers' dependencies on one database and one fact base on disk."""
    facts = write_base(tmp_path / "facts")
    env = {"FACTBOT_FACTS": str(facts), "FACTBOT_ADMINS": "UCURATOR"}
    if database.startswith("postgresql://"):
        env["FACTBOT_DATABASE_URL"] = database
    else:
        env["FACTBOT_DB"] = database
    settings = Settings.from_env(env)
    async with AsyncExitStack() as stack:
        one = await stack.enter_async_context(open_deps(settings))
        two = await stack.enter_async_context(open_deps(settings))
        yield one, two, facts


def answer_of(deps: Deps, fact_id: str) -> str:
    fact = deps.base.fact(fact_id)
    assert fact is not None
    return fact.answer


def best(deps: Deps, question: str) -> str | None:
    answer = deps.matcher.ask(question)
    return answer.best.fact.id if answer.answered and answer.best else None


# ------------------------------------------------------------------ reloads reach every worker


async def test_a_reload_on_one_worker_is_served_by_the_other_after_its_next_look(
    workers: tuple[Deps, Deps, Path],
) -> None:
    one, two, facts = workers
    laws = facts / "laws.yaml"
    laws.write_text(
        laws.read_text().replace(
            "answer: The new court in Rabat opened in 2019.",
            "answer: The new court in Rabat opened in 2019, in May.",
        )
    )
    assert await catch_up(two) is False  # nobody reloaded yet: nothing to do
    outcome = await reload_facts(one, by="UADMIN")  # /facts reload and SIGHUP come here
    assert outcome.ok and answer_of(one, "court-opened").endswith("in May.")
    assert answer_of(two, "court-opened").endswith("in 2019.")  # not yet
    assert await catch_up(two) is True
    assert answer_of(two, "court-opened").endswith("in May.")
    # Each is up to date now: neither reloads again, the one that reloaded first included.
    assert await catch_up(two) is False
    assert await catch_up(one) is False
    assert one.facts.cluster_generation == two.facts.cluster_generation == 1


async def test_a_phrasing_taught_on_one_worker_is_answered_by_the_other(
    workers: tuple[Deps, Deps, Path],
) -> None:
    one, two, _ = workers
    said = await reply_to(one, f"teach court-opened {NEW_WORDING}", CURATOR, strict=True)
    assert "court-opened" in to_text(said.message)
    assert best(one, NEW_WORDING) == "court-opened"
    assert best(two, NEW_WORDING) is None
    assert await catch_up(two) is True
    assert best(two, NEW_WORDING) == "court-opened"
    assert await catch_up(one) is False


async def test_the_follower_task_reloads_within_its_poll(
    workers: tuple[Deps, Deps, Path],
) -> None:
    one, two, _ = workers
    stop = asyncio.Event()
    follower = asyncio.create_task(follow_reloads(two, stop, poll=0.01))
    try:
        before = two.facts.current.generation
        await reload_facts(one, by="SIGHUP")

        async def reloaded() -> None:
            while two.facts.current.generation == before:
                await asyncio.sleep(0.01)

        await asyncio.wait_for(reloaded(), 10)
    finally:
        stop.set()
        await asyncio.wait_for(follower, 5)


# ------------------------------------------------------------------ the leader lock


async def test_one_store_at_a_time_leads_and_the_next_takes_over_on_release(
    database: str,
) -> None:
    async with (
        open_store(database) as a,
        open_store(database) as b,
        a.leader_lock("digest-scheduler") as lock_a,
        b.leader_lock("digest-scheduler") as lock_b,
    ):
        assert await lock_a.lead() is True
        assert await lock_b.lead() is False
        assert await lock_a.lead() is True  # kept, not taken again
        assert await lock_b.lead() is False
        await lock_a.release()
        assert await lock_b.lead() is True
        assert await lock_a.lead() is False
        async with b.leader_lock("another") as other:
            assert await other.lead() is True  # locks of other names are apart


@pytest.mark.postgres
async def test_a_dead_leaders_lock_is_dropped_by_the_server_and_taken_over(
    postgres: str,
) -> None:
    async with (
        open_store(postgres) as a,
        open_store(postgres) as b,
        a.leader_lock("digest-scheduler") as lock_a,
        b.leader_lock("digest-scheduler") as lock_b,
    ):
        assert await lock_a.lead() is True
        assert await lock_b.lead() is False
        # The leader's session ends as a dead process's would: the server ends it.
        admin = await asyncpg.connect(postgres)
        try:
            ended = await admin.fetchval(
                # This test's database only: other tests may hold locks on the same server.
                "SELECT count(pg_terminate_backend(pid)) FROM pg_locks"
                " WHERE locktype = 'advisory' AND granted AND pid != pg_backend_pid()"
                " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            )
        finally:
            await admin.close()
        assert ended >= 1
        assert await lock_b.lead() is True
        assert await lock_a.lead() is False  # it finds out on its next try


class ScriptedLock(LeaderLock):
    """Leads as the script says, one answer per try; sets `stop` when it runs out."""

    def __init__(self, script: list[bool], stop: asyncio.Event) -> None:
        self.name = "digest-scheduler"
        self.script = list(script)
        self.stop = stop
        self.now = False

    async def lead(self) -> bool:
        self.now = self.script.pop(0)
        if not self.script:
            self.stop.set()
        return self.now

    async def release(self) -> None:
        pass


class SpyRunner:
    """What `lead_digests` needs of a DigestRunner; records whether it led at each run."""

    worker = "spy"

    def __init__(self, lock: ScriptedLock) -> None:
        self.lock = lock
        self.runs: list[bool] = []

    async def run_due(self, *, stop: asyncio.Event | None = None) -> list[object]:
        self.runs.append(self.lock.now)
        return []

    async def seconds_until_next(self) -> float:
        return 0.0  # due again at once: every try that leads runs


async def test_the_scheduler_runs_digests_only_while_it_leads(
    caplog: pytest.LogCaptureFixture,
) -> None:
    stop = asyncio.Event()
    lock = ScriptedLock([False, True, True, False, False, True, True], stop)
    runner = SpyRunner(lock)
    with caplog.at_level(logging.INFO, logger="bot.services.cluster"):
        await asyncio.wait_for(lead_digests(runner, lock, stop, poll=0.001), 5)  # type: ignore[arg-type]
    assert runner.runs == [True, True, True, True]  # one run per try that led, none otherwise
    events = [r.getMessage().split()[0] for r in caplog.records if r.name == "bot.services.cluster"]
    assert events == ["leader_acquired", "leader_lost", "leader_acquired", "leader_released"]
