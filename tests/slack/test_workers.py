"""Three stateless HTTP workers on one PostgreSQL database behave as one bot, exactly once.

Real processes: three `python -m bot run --mode http`, each on a port of its own, on
one fresh database, all talking to one loopback fake Slack (tests/botprocs.py).

* One event delivered to all three at once, and Slack's retries of it to each, is
  answered once (the outbox row keyed by the event id is written once, before the ack).
* 600 slash commands spread over the three at concurrency 60 are each answered once.
* Three `python -m bot digest --run-once` at once post one digest per channel.
* Three `python -m bot migrate` at once on a fresh database give the schema one gives.
* A worker stopped (SIGTERM) while Slack is slow to take its replies keeps them until sent.
* A worker whose lock's connection is cut and cannot be had again stops, in one line.
"""

from __future__ import annotations

import asyncio
import collections
import itertools
import signal
import sqlite3
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from pathlib import Path

import aiohttp
import asyncpg
import payloads as p
import pytest
from botprocs import Worker, bot_env, run_command, start_worker, start_workers, stop_workers
from conftest import PG_SERVER, fresh_postgres
from cryptography.fernet import Fernet
from fakeslack import FakeSlack, no_wait_policy
from pgdb import lock_holder
from slack_sdk.oauth.installation_store.models.installation import Installation

from bot.core.factbase import FactBase
from bot.engine import Matcher
from bot.services.deps import open_deps
from bot.services.outbox import Recovered, recover
from bot.settings import Settings
from bot.slack.app import make_client
from bot.storage.store import open_store

QUESTIONS = ("When was the BCIJ created?", "law 27-14?", "What is the BCIJ budget?", "help")


@pytest.fixture
async def cluster(fake: FakeSlack, postgres: str, tmp_path: Path) -> AsyncIterator[list[Worker]]:
    """Three workers on one fresh database; the test stops them (to count after the drain)."""
    workers = await start_workers(fake, postgres, tmp_path, 3)
    try:
        yield workers
    finally:
        await stop_workers(workers)  # again if the test did: harmless


async def post(
    session: aiohttp.ClientSession, url: str, body: bytes, content_type: str, **sign: object
) -> int:
    headers = p.signed_headers(body, content_type, **sign)  # type: ignore[arg-type]
    async with session.post(url, data=body, headers=headers) as resp:
        await resp.read()
        return resp.status


@pytest.mark.postgres
async def test_one_event_delivered_to_three_workers_with_retries_gets_one_reply(
    fake: FakeSlack, cluster: list[Worker], postgres: str
) -> None:
    event = p.app_mention("When was the BCIJ created?", event_id="Ev0CLUSTER001")
    body = p.json_body(event)
    async with aiohttp.ClientSession() as session:
        # The first delivery reaches all three at once; then Slack retries to each.
        first = await asyncio.gather(*(post(session, w.url, body, p.JSON) for w in cluster))
        retries = await asyncio.gather(
            *(post(session, w.url, body, p.JSON, retry_num=n) for w in cluster for n in (1, 2, 3))
        )
    assert first == [200, 200, 200] and retries == [200] * 9
    assert sum(w.logged("leader_acquired") for w in cluster) == 1  # one digest scheduler leads
    await fake.wait_for("chat.postMessage")
    codes = await stop_workers(cluster)  # drains: any reply still owed would be sent now
    assert codes == [0, 0, 0]
    replies = [c for c in fake.calls_to("chat.postMessage") if c.error is None]
    assert len(replies) == 1, [c.body.get("text") for c in replies]
    assert replies[0].body["thread_ts"] == event["event"]["ts"]
    assert [e for w in cluster for e in w.errors] == []
    connection = await asyncpg.connect(postgres)
    try:
        rows = await connection.fetchval(
            "SELECT count(*) FROM outbox WHERE request_key = 'event:Ev0CLUSTER001'"
        )
    finally:
        await connection.close()
    assert rows == 1


@pytest.mark.postgres
async def test_600_slash_commands_over_three_workers_are_each_answered_once(
    fake: FakeSlack, cluster: list[Worker]
) -> None:
    count, concurrency = 600, 60
    paths = [f"/hooks/w{i}" for i in range(count)]
    bodies = [
        p.slash_command(
            QUESTIONS[i % len(QUESTIONS)],
            response_url=f"http://127.0.0.1:{fake.port}{path}",
            user_id=f"U{i % 31:05d}",
        )
        for i, path in enumerate(paths)
    ]
    targets = itertools.cycle(cluster)
    gate = asyncio.Semaphore(concurrency)
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def one(url: str, body: bytes) -> int:
            async with gate:
                return await post(session, url, body, p.FORM)

        statuses = await asyncio.gather(*(one(next(targets).url, body) for body in bodies))
    assert statuses == [200] * count

    def answered() -> set[str]:
        return {c.path for c in fake.calls_to("response_url")}

    await fake.wait_until(lambda: answered() >= set(paths), 60)
    codes = await stop_workers(cluster)
    assert codes == [0, 0, 0]
    per_command = collections.Counter(c.path for c in fake.calls_to("response_url"))
    assert set(per_command) == set(paths)
    assert [path for path, n in per_command.items() if n != 1] == []
    assert [c for c in fake.calls_to("response_url") if c.error is not None] == []
    assert [e for w in cluster for e in w.errors] == []
    for worker in cluster:  # each took its share and answered it
        assert sum(" request surface=command" in line for line in worker.lines) == count // 3


@pytest.mark.postgres
async def test_one_worker_leads_the_digests_and_another_takes_over_when_it_dies(
    cluster: list[Worker],
) -> None:
    leaders = [w for w in cluster if w.logged("leader_acquired")]
    assert len(leaders) == 1, [w.lines for w in cluster]
    leader = leaders[0]
    leader.proc.kill()  # SIGKILL: no goodbye, the server ends its session
    assert await leader.proc.wait() == -signal.SIGKILL
    others = [w for w in cluster if w is not leader]
    # The next try of one of the others (every LEADER_POLL = 5 s) takes the lock.
    waits = [asyncio.create_task(w.wait_for_log("leader_acquired", timeout=20)) for w in others]
    done, pending = await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    assert [t.exception() for t in done] == [None]
    assert sum(w.logged("leader_acquired") for w in others) == 1
    assert await stop_workers(others) == [0, 0]


@pytest.mark.postgres
async def test_three_digest_run_once_at_once_post_one_digest_per_channel(
    fake: FakeSlack, postgres: str, tmp_path: Path
) -> None:
    channels = ("CDIGEST1", "CDIGEST2", "CDIGEST3")
    async with open_store(postgres) as store:
        for channel in channels:
            await store.subscribe_digest(channel, "09:00", "U1")
    env = {**bot_env(fake, postgres, tmp_path), "FACTBOT_TZ": "Africa/Casablanca"}
    args = ("digest", "--run-once", "--now", "2026-11-23T09:00:10+01:00")
    results = await asyncio.gather(*(run_command(args, env) for _ in range(3)))
    assert [code for code, _ in results] == [0, 0, 0], results
    posts = collections.Counter(
        c.body["channel"] for c in fake.calls_to("chat.postMessage") if c.error is None
    )
    assert posts == dict.fromkeys(channels, 1)
    posted = sum(out.count("posted C") for _, out in results)
    assert posted == 3, results


async def _schema(location: str) -> list[tuple[object, ...]]:
    """Every table's columns and every index, in an order that does not depend on timing."""
    if location.startswith("postgresql://"):
        connection = await asyncpg.connect(location)
        try:
            columns = await connection.fetch(
                "SELECT table_name, column_name, ordinal_position, data_type, is_nullable,"
                " column_default FROM information_schema.columns WHERE table_schema = 'public'"
                " ORDER BY table_name, ordinal_position"
            )
            indexes = await connection.fetch(
                "SELECT tablename, indexname, indexdef FROM pg_indexes"
                " WHERE schemaname = 'public' ORDER BY tablename, indexname"
            )
            migrations = await connection.fetch("SELECT name FROM schema_migrations ORDER BY name")
        finally:
            await connection.close()
        return [tuple(r) for r in (*columns, *indexes, *migrations)]
    with sqlite3.connect(location) as db:
        objects = db.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()
        migrations = db.execute("SELECT name FROM schema_migrations ORDER BY name").fetchall()
    return [tuple(r) for r in (*objects, *migrations)]


@pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
async def test_three_migrates_at_once_give_the_schema_of_one_and_then_up_to_date(
    backend: str, tmp_path: Path
) -> None:
    async with AsyncExitStack() as stack:
        if backend == "sqlite":
            together, alone = str(tmp_path / "together.db"), str(tmp_path / "alone.db")
        else:
            together = await stack.enter_async_context(fresh_postgres())
            alone = await stack.enter_async_context(fresh_postgres())
        env_together = bot_env(None, together, tmp_path)
        results = await asyncio.gather(*(run_command(["migrate"], env_together) for _ in range(3)))
        assert [code for code, _ in results] == [0, 0, 0], results
        assert any("applied" in out for _, out in results), results
        code, out = await run_command(["migrate"], bot_env(None, alone, tmp_path))
        assert code == 0 and "applied" in out, out
        assert await _schema(together) == await _schema(alone)
        code, out = await run_command(["migrate"], env_together)
        assert code == 0 and "the schema is up to date" in out, out


async def test_digest_run_once_posts_each_workspaces_digest_with_its_own_token(
    fake: FakeSlack, database: str, tmp_path: Path
) -> None:
    """Several workspaces (OAuth): cron's `digest --run-once` posts each workspace's digest
    with that workspace's token, and nothing for a workspace with no installation."""
    key = Fernet.generate_key().decode()
    async with open_store(database) as store:
        for team in ("TA", "TB"):
            await store.installation_store(key).async_save(
                Installation(
                    app_id="A0FACTBOT",
                    team_id=team,
                    user_id=f"U0ADMIN{team}",
                    bot_token=f"xoxb-{team}-token",
                    bot_id=f"B{team}",
                    bot_user_id=f"UBOT{team}",
                )
            )
        for team in ("TA", "TB", "TGONE"):
            await store.for_team(team).subscribe_digest(f"C{team}", "09:00", "U1")
    env = bot_env(fake, database, tmp_path)
    del env["SLACK_BOT_TOKEN"]
    env.update(
        SLACK_CLIENT_ID="1234.5678",
        SLACK_CLIENT_SECRET="client-secret-value",
        FACTBOT_ENCRYPTION_KEY=key,
        FACTBOT_TZ="Africa/Casablanca",
    )
    code, out = await run_command(
        ("digest", "--run-once", "--now", "2026-11-23T09:00:10+01:00"), env
    )
    assert code == 0, out
    tokens = {
        c.body["channel"]: c.headers["Authorization"] for c in fake.calls_to("chat.postMessage")
    }
    assert tokens == {"CTA": "Bearer xoxb-TA-token", "CTB": "Bearer xoxb-TB-token"}


async def recovery_pass(
    fake: FakeSlack, database: str, workdir: Path, factbase: FactBase, matcher: Matcher
) -> Recovered:
    """One recovery pass of a peer (each worker runs one every 5 s: bot.services.outbox),
    run here so that the test knows when it happened and what it took over."""
    settings = Settings.from_env(bot_env(fake, database, workdir))
    async with open_deps(settings, base=factbase, matcher=matcher, retry=no_wait_policy()) as deps:
        client = make_client(settings, deps.delivery.policy, deps.delivery.http_session())
        return await recover(deps, client)


async def test_a_worker_stopped_while_slack_is_slow_keeps_its_replies_until_they_are_sent(
    fake: FakeSlack, database: str, tmp_path: Path, factbase: FactBase, matcher: Matcher
) -> None:
    """SIGTERM to one of two workers while Slack holds its replies: it stops taking requests,
    finishes the replies, and only then gives up its lock. So no peer takes them over
    meanwhile (a peer's recovery pass run right then finds nothing), the other worker goes
    on answering, and each question gets exactly one reply."""
    slack_answers = asyncio.Event()
    fake.queue("chat.postMessage", hold=slack_answers)
    fake.queue("response_url", hold=slack_answers)
    mention = p.app_mention(QUESTIONS[0], event_id="Ev0STOPPING1")
    workers = await start_workers(fake, database, tmp_path, 2)
    stopping, peer = workers
    try:
        async with aiohttp.ClientSession() as session:
            command = p.slash_command(QUESTIONS[1], response_url=fake.response_url("stopping"))
            assert await post(session, stopping.url, p.json_body(mention), p.JSON) == 200
            assert await post(session, stopping.url, command, p.FORM) == 200
            await fake.wait_until(lambda: len(fake.messages) == 2)  # both held by Slack
            stopping.proc.send_signal(signal.SIGTERM)
            await stopping.wait_for_log("shutdown_started")  # no longer listening
            recovered = await recovery_pass(fake, database, tmp_path, factbase, matcher)
            command = p.slash_command(QUESTIONS[0], response_url=fake.response_url("peer"))
            assert await post(session, peer.url, command, p.FORM) == 200
            slack_answers.set()
        codes = await stop_workers(workers)
    finally:
        await stop_workers(workers)
    posts = [c.body["thread_ts"] for c in fake.calls_to("chat.postMessage")]
    assert posts == [mention["event"]["ts"]]
    assert sorted(c.path for c in fake.calls_to("response_url")) == [
        "/hooks/peer",
        "/hooks/stopping",
    ]
    assert recovered == Recovered(0, 0, 0)
    assert codes == [0, 0]
    assert [e for w in workers for e in w.errors] == []
    async with open_store(database) as store:
        assert await store.replies_waiting() == 0


@pytest.mark.postgres
async def test_a_worker_that_loses_its_lock_for_good_stops_in_one_line(
    fake: FakeSlack, postgres: str, tmp_path: Path
) -> None:
    """Its lock's connection is cut and the database takes no new connection, so the lock
    cannot be had again: its peers may be sending its replies now. It says so in one line,
    stops the way SIGTERM stops it, and exits 1 (a platform restarts it)."""
    one = await start_worker(fake, postgres, tmp_path)
    database = postgres.rpartition("/")[2]
    admin = await asyncpg.connect(PG_SERVER)
    try:
        own = await asyncpg.connect(postgres)
        try:
            name = await own.fetchval("SELECT name FROM workers")  # the one worker's
        finally:
            await own.close()
        holder = await lock_holder(admin, name)
        await admin.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS false')
        try:
            assert await admin.fetchval("SELECT pg_terminate_backend($1, 5000)", holder)
            code = await asyncio.wait_for(one.proc.wait(), 30)
        finally:
            await admin.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS true')
    finally:
        await admin.close()
        await stop_workers([one])
    assert code == 1
    assert [line for line in one.errors if " worker_lock_lost " not in line] == []
    assert one.logged("worker_lock_lost") == 1
    assert one.logged("shutdown_complete") == 1
