"""A locked database delays a write, never drops it (WAL and a busy timeout).

Another connection (a curator's sqlite3 shell, a second bot process) holds the
write lock. The bot's insert starts, waits inside SQLite's busy handler, and
lands once the lock is released. SQLite's trace callback says when the bot's
statement has started, so the test knows the bot is blocked without sleeping.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import sqlite3
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import payloads as p
import pytest
from fakeslack import FakeSlack, running_fake
from httpbot import ANSWERED, http_bot

from bot.core.factbase import FactBase
from bot.core.records import Vote
from bot.engine import Matcher
from bot.render.blocks import ACTION_HELPFUL
from bot.storage.db import BUSY_TIMEOUT_MS, connect
from bot.storage.store import Store, open_store


@contextmanager
def write_lock(path: Path) -> Iterator[sqlite3.Connection]:
    """Hold SQLite's write lock on `path` (as `BEGIN IMMEDIATE` in a sqlite3 shell does)."""
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield other
    finally:
        if other.in_transaction:
            other.execute("COMMIT")
        other.close()


async def statement_started(store: Store, prefix: str) -> asyncio.Event:
    """An event set when the store's connection starts a statement beginning with `prefix`."""
    loop = asyncio.get_running_loop()
    started = asyncio.Event()

    def trace(sql: str) -> None:  # runs on aiosqlite's thread
        if sql.lstrip().upper().startswith(prefix):
            loop.call_soon_threadsafe(started.set)

    await store._db.connection.set_trace_callback(trace)
    return started


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    async with open_store(str(tmp_path / "f.db")) as s:
        yield s


async def test_wal_and_a_busy_timeout_are_set(tmp_path: Path, store: Store) -> None:
    rows = await store._db.fetch("PRAGMA busy_timeout")
    assert list(rows)[0][0] == BUSY_TIMEOUT_MS
    rows = await store._db.fetch("PRAGMA journal_mode")
    assert list(rows)[0][0] == "wal"


async def test_a_question_row_waits_for_the_lock_and_is_written(
    tmp_path: Path, store: Store
) -> None:
    with write_lock(tmp_path / "f.db"):
        started = await statement_started(store, "INSERT INTO QUESTIONS")
        write = asyncio.create_task(
            store.record_question(question="during the lock?", surface="dm", answered=False)
        )
        await started.wait()
        assert not write.done()  # the insert is inside SQLite, waiting for the lock
    question_id = await write
    row = await store.question(question_id)
    assert row is not None and row.question == "during the lock?"


async def test_a_vote_waits_for_the_lock_and_is_written(tmp_path: Path, store: Store) -> None:
    question_id = await store.record_question(question="q", surface="dm", answered=True)
    with write_lock(tmp_path / "f.db"):
        started = await statement_started(store, "INSERT INTO FEEDBACK")
        vote = asyncio.create_task(store.record_feedback(question_id, "U1", helpful=True))
        await started.wait()
        assert not vote.done()
    assert await vote is Vote.NEW
    counts = await store.feedback_counts(question_id)
    assert (counts.helpful, counts.not_helpful) == (1, 0)


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlack]:
    async with running_fake() as fake_slack:
        yield fake_slack


async def test_questions_and_votes_sent_while_locked_are_all_answered_after(
    fake: FakeSlack, tmp_path: Path, factbase: FactBase, matcher: Matcher
) -> None:
    """End to end: a click is acked at once; a question's ack waits for its outbox row
    (tests/services/test_outbox.py), so it follows a short lock; replies and rows follow."""
    async with http_bot(fake, tmp_path, factbase, matcher) as bot:
        first = await bot.ask(ANSWERED)
        qid = next(
            e["value"] for b in first["blocks"] for e in b.get("elements", []) if "value" in e
        )
        with write_lock(bot.db):
            command = asyncio.create_task(bot.command("law 27-14?"))
            event = asyncio.create_task(bot.event(p.message_im(ANSWERED, event_id="EvLOCKED")))
            vote = p.block_actions(ACTION_HELPFUL, qid, response_url=fake.response_url("vote"))
            assert (await bot.click(vote))[0] == 200  # not a question: acked at once
            assert not command.done() and not event.done()  # their rows wait for the lock
            assert len(fake.calls_to("response_url")) == 1  # only the first answer, so far
            assert fake.calls_to("chat.postMessage") == []
        assert (await command)[0] == 200 and (await event)[0] == 200
        await fake.wait_for("response_url", 3)
        await fake.wait_for("chat.postMessage")
    with sqlite3.connect(bot.db) as db:
        assert db.execute("SELECT COUNT(*) FROM questions").fetchone()[0] == 3
        assert db.execute(
            "SELECT request_key, status FROM outbox WHERE surface = 'dm'"
        ).fetchall() == [("event:EvLOCKED", "sent")]
        assert db.execute("SELECT helpful FROM feedback").fetchall() == [(1,)]
    texts = [c.body["text"] for c in fake.calls_to("response_url")]
    assert any("Thanks" in t for t in texts)


def _open_at(path: str, start: Any) -> str:
    """In a process of its own: open `path` once `start` lets every process go."""
    start.wait()

    async def opened() -> str:
        async with connect(path) as db:
            rows = await db.fetch("PRAGMA journal_mode")
            return str(rows[0][0])

    try:
        return asyncio.run(opened())
    except sqlite3.Error as exc:
        return f"failed: {exc}"


def test_workers_started_together_on_a_new_file_all_open_it(tmp_path: Path) -> None:
    """Two processes opening a new file at the same instant race to put it in WAL mode;
    SQLite tells the loser "database is locked" at once, without its busy timeout (about
    1 open in 12 here before the retry). Every open succeeds, in WAL mode."""
    context = multiprocessing.get_context("fork")
    results: list[str] = []
    with context.Manager() as manager, context.Pool(2) as pool:
        start = manager.Barrier(2)  # both processes open the file at the same instant
        for n in range(30):
            path = str(tmp_path / f"new{n}.db")
            results += pool.starmap(_open_at, [(path, start), (path, start)])
    assert results == ["wal"] * 60
