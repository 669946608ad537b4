"""A worker's lock on PostgreSQL (bot.storage.workers): watched, taken back, never leaked.

Real PostgreSQL and the loopback fake Slack; two workers are two stores in this
process, each with its own pool and its own lock, as two processes would have. A
lock's connection is cut the way a server restart, a proxy or an administrator
cuts it: `pg_terminate_backend`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime

import asyncpg
import pytest
from conftest import PG_SERVER
from fakeslack import FakeSlack, no_wait_policy
from httpbot import ANSWERED, LogWatch
from pgdb import lock_holder
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.factbase import FactBase
from bot.engine import Matcher
from bot.services.delivery import Delivery
from bot.services.deps import Deps
from bot.services.outbox import answer, recover
from bot.settings import Settings
from bot.slack.app import make_client
from bot.storage.db import advisory_key
from bot.storage.store import open_store
from bot.storage.workers import RETAKE_TIMEOUT, PostgresWorkers

pytestmark = pytest.mark.postgres

#: Cut a server process's connection, and wait (up to 5 s) until it has ended.
TERMINATE = "SELECT pg_terminate_backend($1, 5000)"


@asynccontextmanager
async def worker(
    fake: FakeSlack, url: str, factbase: FactBase, matcher: Matcher
) -> AsyncIterator[tuple[Deps, AsyncWebClient]]:
    """What one worker process holds: its store (its own lock), delivery and Web API client."""
    settings = Settings.from_env(
        {
            "SLACK_BOT_TOKEN": "xoxb-test",
            "SLACK_SIGNING_SECRET": "secret",
            "SLACK_API_URL": fake.api_url,
            "FACTBOT_DATABASE_URL": url,
        }
    )
    async with open_store(url) as store:
        delivery = Delivery(no_wait_policy())
        deps = Deps(
            settings, factbase, matcher, store, lambda: datetime.now(UTC), delivery=delivery
        )
        try:
            await store.hold_worker_lock()
            yield deps, make_client(settings, delivery.policy, delivery.http_session())
        finally:
            await store.flush()
            await delivery.close()


@asynccontextmanager
async def admin_connection(url: str) -> AsyncIterator[asyncpg.Connection]:
    connection = await asyncpg.connect(url)
    try:
        yield connection
    finally:
        await connection.close()


async def warm(deps: Deps, connections: int = 3) -> None:
    """Open `connections` of the store's pool now (they stay open for the test)."""
    pool = deps.store._db.pool  # type: ignore[attr-defined]
    held = [await pool.acquire() for _ in range(connections)]
    for connection in held:
        await pool.release(connection)


async def test_a_worker_whose_lock_connection_is_cut_takes_its_lock_back_and_answers_once(
    fake: FakeSlack, postgres: str, factbase: FactBase, matcher: Matcher, logs: LogWatch
) -> None:
    """Its peers see it dead the moment its connection ends; it takes its lock back at once,
    on a fresh connection, and is alive again: its reply goes out once, from itself."""
    async with (
        worker(fake, postgres, factbase, matcher) as (one, client),
        worker(fake, postgres, factbase, matcher) as (peer, peer_client),
        admin_connection(postgres) as admin,
    ):
        pending = await one.store.accept_reply(
            surface="command",
            request_key="trigger:CUT",
            text=ANSWERED,
            response_url=fake.response_url("cut"),
        )
        assert pending is not None
        first = await lock_holder(admin, one.store.worker)
        assert first is not None
        assert await admin.fetchval(TERMINATE, first)
        await logs.wait_for("worker_lock_retaken")
        second = await lock_holder(admin, one.store.worker)
        assert second is not None and second != first
        assert (await recover(peer, peer_client)).claimed == 0  # alive again: nothing taken
        await answer(one, client, pending)
    assert [c.path for c in fake.calls_to("response_url")] == ["/hooks/cut"]
    assert logs.lines("worker_lock_lost") == []


async def test_a_reply_taken_over_while_a_worker_had_lost_its_lock_is_not_sent_by_it(
    fake: FakeSlack, postgres: str, factbase: FactBase, matcher: Matcher, logs: LogWatch
) -> None:
    """Its lock's connection is cut while the database takes no new connection, so the lock
    stays free a while: a peer takes its reply over at once and sends it. Then the worker
    takes its lock back; within its claim's first half lease though it is, it asks the
    database before sending, and sends nothing: one reply."""
    database = postgres.rpartition("/")[2]
    async with (
        worker(fake, postgres, factbase, matcher) as (one, client),
        worker(fake, postgres, factbase, matcher) as (peer, peer_client),
        admin_connection(PG_SERVER) as admin,
    ):
        pending = await one.store.accept_reply(
            surface="command",
            request_key="trigger:TAKEN",
            text=ANSWERED,
            response_url=fake.response_url("taken"),
        )
        assert pending is not None
        await warm(one)
        await warm(peer)
        holder = await lock_holder(admin, one.store.worker)
        await admin.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS false')
        try:
            assert await admin.fetchval(TERMINATE, holder)
            assert (await recover(peer, peer_client)).claimed == 1  # dead to its peers
        finally:
            await admin.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS true')
        await logs.wait_for("worker_lock_retaken", timeout=RETAKE_TIMEOUT)
        await answer(one, client, pending)  # too late: the peer's now
    assert [c.path for c in fake.calls_to("response_url")] == ["/hooks/taken"]
    assert logs.lines("worker_lock_lost") == []


async def test_a_lock_that_fails_after_its_connection_opened_closes_that_connection(
    postgres: str,
) -> None:
    """The lock taken, the next statement fails (here: no `workers` table, an unmigrated
    database): the connection is closed, not left holding the lock with nobody watching."""
    pool = await asyncpg.create_pool(postgres, min_size=1, max_size=1)
    try:
        async with admin_connection(postgres) as admin:
            others = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            before = await admin.fetchval(others)
            workers = PostgresWorkers(postgres, pool)
            await workers.hold()
            assert not workers.holding
            assert await admin.fetchval(others) == before
            assert await lock_holder(admin, workers.name) is None
    finally:
        await pool.close()


async def test_whoever_takes_a_dead_workers_replies_over_holds_its_lock_until_done(
    postgres: str,
) -> None:
    """A worker that comes back (its lock's connection was cut, not its process) takes its
    lock again; while a peer is taking its replies over, the peer holds that lock, so the
    worker gets it only once the takeover is written, and then sees the rows are not its own
    (a lock merely tested and let go would let it back in between)."""
    async with open_store(postgres):
        pass  # the schema
    pool = await asyncpg.create_pool(postgres, min_size=1, max_size=2)
    try:
        gone = PostgresWorkers(postgres, pool)
        await gone.hold()
        await gone.release(keep_file=True)  # free, but known: a dead worker that left claims
        peer = PostgresWorkers(postgres, pool)
        key = advisory_key(gone.name)
        async with admin_connection(postgres) as admin:
            take_and_let_go = "SELECT pg_try_advisory_lock($1) AND pg_advisory_unlock($1)"
            async with peer.dead_among([gone.name, peer.name, "never-held"]) as dead:
                assert dead == [gone.name]
                assert not await admin.fetchval(take_and_let_go, key)  # the peer holds it
            assert await admin.fetchval(take_and_let_go, key)
    finally:
        await pool.close()
