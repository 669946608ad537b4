"""The digest leader lock on PostgreSQL (bot.storage.cluster): watched, given up at once.

Real PostgreSQL and the loopback fake Slack; two workers are two stores in this
process, each with its own leader lock and its own scheduler (`lead_digests`), as
two processes would have. The leader's connection is cut the way a server restart,
a proxy or an administrator cuts it: `pg_terminate_backend`. A digest post is held
at the fake Slack (`hold`) so the cut lands while the leader is mid-run; every wait
is on a log line, a call the fake recorded, or a row.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

import asyncpg
import pytest
from fakeslack import FakeSlack, no_wait_policy
from httpbot import LogWatch
from payloads import BOT_TOKEN
from pgdb import lock_holder

from bot.core.factbase import FactBase
from bot.services.cluster import DIGEST_LEADER, lead_digests
from bot.services.delivery import Delivery
from bot.services.digest_runner import DigestRunner, slack_poster
from bot.settings import Settings
from bot.slack.app import make_client
from bot.storage.store import Store, open_store

pytestmark = pytest.mark.postgres

CASA = ZoneInfo("Africa/Casablanca")
NOW = datetime.fromisoformat("2026-11-23T09:00:10+01:00")  # every 09:00 digest is due
DAY = "2026-11-23"
#: Cut a server process's connection, and wait (up to 5 s) until it has ended.
TERMINATE = "SELECT pg_terminate_backend($1, 5000)"


@dataclass
class Scheduler:
    """One worker's digest scheduler, running under its leader lock."""

    name: str
    store: Store


@asynccontextmanager
async def scheduler(
    fake: FakeSlack, url: str, factbase: FactBase, name: str
) -> AsyncIterator[Scheduler]:
    """A worker's store, its leader lock and its scheduler loop (polling every 10 ms), as
    bot.runner runs them; the loop is stopped and the lock released on the way out."""
    settings = Settings.from_env(
        {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_API_URL": fake.api_url}, need_mode=False
    )
    delivery = Delivery(no_wait_policy())
    async with open_store(url, clock=lambda: NOW) as store:
        poster = slack_poster(make_client(settings, delivery.policy), delivery)
        runner = DigestRunner(factbase, store, CASA, poster, clock=lambda: NOW, worker=name, pace=0)
        stop = asyncio.Event()
        async with store.leader_lock(DIGEST_LEADER) as lock:
            loop = asyncio.create_task(lead_digests(runner, lock, stop, poll=0.01))
            try:
                yield Scheduler(name, store)
            finally:
                stop.set()
                await asyncio.wait_for(loop, 5)
        await delivery.close()


async def subscribe(url: str, channels: list[str]) -> None:
    async with open_store(url, clock=lambda: NOW) as store:
        for channel in channels:
            await store.subscribe_digest(channel, "09:00", "U1")


async def posted_by(store: Store, channels: list[str]) -> dict[str, str | None]:
    """Which worker posted each channel's digest today (None: not posted)."""
    found: dict[str, str | None] = {}
    for channel in channels:
        post = await store.digest_post(channel, DAY)
        found[channel] = post.worker if post is not None and post.status == "posted" else None
    return found


async def until_another_session_asks(admin: asyncpg.Connection, leader: int) -> None:
    """Until a session other than the leader's has asked for the leader lock and is idle:
    a follower's try (a leader asks `SELECT 1` of its session, not for the lock)."""
    while not await admin.fetchval(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
        " AND pid != $1 AND state = 'idle' AND query LIKE 'SELECT pg_try_advisory_lock%'",
        leader,
    ):
        await asyncio.sleep(0.01)


def events(logs: LogWatch) -> list[str]:
    """The leader and digest lines, in order, as 'event worker-or-channel'."""
    kept = []
    for record in logs.records:
        words = record.getMessage().split()
        fields = dict(w.split("=", 1) for w in words[1:] if "=" in w)
        if words[0].startswith("leader_"):
            kept.append(f"{words[0]} {fields['worker']}")
        elif words[0] == "digest_posted":
            kept.append(f"{words[0]} {fields['channel']}")
    return kept


async def test_a_leader_whose_connection_is_cut_stops_at_once_and_the_next_worker_leads(
    fake: FakeSlack, postgres: str, factbase: FactBase, logs: LogWatch
) -> None:
    """Mid-run (its first digest held at Slack), the leader's lock connection is cut, and the
    other worker takes the lead (its first digest held in turn). The former leader finishes
    the post it had sent and posts nothing more: it is back to trying for the lock, and
    every other channel is the new leader's."""
    channels = ["C1", "C2", "C3", "C4"]
    await subscribe(postgres, channels)
    first, second = asyncio.Event(), asyncio.Event()
    fake.queue("chat.postMessage", hold=first)  # the leader's first post
    fake.queue("chat.postMessage", hold=second)  # the next leader's first post
    admin = await asyncpg.connect(postgres)
    try:
        async with scheduler(fake, postgres, factbase, "A") as a:
            await logs.wait_for("leader_acquired")
            await fake.wait_for("chat.postMessage")
            async with scheduler(fake, postgres, factbase, "B"):
                backend = await lock_holder(admin, f"leader:{DIGEST_LEADER}")
                assert backend is not None
                assert await admin.fetchval(TERMINATE, backend)
                await logs.wait_for("leader_lost")  # A, at once: mid-run, its post still held
                await logs.wait_for("leader_acquired", count=2)  # B
                await fake.wait_for("chat.postMessage", 2)  # B's first post, held
                leader = await lock_holder(admin, f"leader:{DIGEST_LEADER}")
                assert leader is not None and leader != backend
                first.set()
                await logs.wait_for("digest_posted")  # C1, A's
                await asyncio.wait_for(until_another_session_asks(admin, leader), 5)  # A's next try
                second.set()
                await logs.wait_for("digest_posted", count=len(channels))
                assert await posted_by(a.store, channels) == {
                    "C1": "A",  # sent before the cut: A finished it
                    "C2": "B",
                    "C3": "B",
                    "C4": "B",
                }
                seen = events(logs)
    finally:
        await admin.close()
    assert sorted(c.body["channel"] for c in fake.calls_to("chat.postMessage")) == channels
    assert sorted(e for e in seen if e.startswith("leader_")) == [
        "leader_acquired A",
        "leader_acquired B",
        "leader_lost A",
    ]


async def test_a_leader_whose_connection_is_cut_leads_again_only_once_it_retook_the_lock(
    fake: FakeSlack, postgres: str, factbase: FactBase, logs: LogWatch
) -> None:
    """Alone, the leader loses its lock's connection mid-run: it stops leading at once,
    takes the lock again on a fresh connection like any follower, and only then posts the
    rest of the day's digests."""
    channels = ["C1", "C2", "C3"]
    await subscribe(postgres, channels)
    held = asyncio.Event()
    fake.queue("chat.postMessage", hold=held)
    admin = await asyncpg.connect(postgres)
    try:
        async with scheduler(fake, postgres, factbase, "A") as a:
            await logs.wait_for("leader_acquired")
            await fake.wait_for("chat.postMessage")
            backend = await lock_holder(admin, f"leader:{DIGEST_LEADER}")
            assert backend is not None
            assert await admin.fetchval(TERMINATE, backend)
            await logs.wait_for("leader_lost")
            held.set()
            await logs.wait_for("digest_posted", count=len(channels))
            assert await posted_by(a.store, channels) == {c: "A" for c in channels}
            again = await lock_holder(admin, f"leader:{DIGEST_LEADER}")
            assert again is not None and again != backend
            seen = events(logs)
    finally:
        await admin.close()
    assert seen == [
        "leader_acquired A",
        "leader_lost A",
        "digest_posted C1",  # sent before the cut
        "leader_acquired A",
        "digest_posted C2",
        "digest_posted C3",
    ]
