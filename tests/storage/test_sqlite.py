"""Storage: real SQLite files in tmp_path, migrations from fresh and from an older schema."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.core.records import Vote
from bot.storage.db import BadValue, is_postgres
from bot.storage.store import (
    EVENT_MEMORY,
    MIGRATIONS,
    OUTBOX_LEASE,
    GroupCommit,
    Migration,
    Store,
    StoreClosed,
    WriteInterrupted,
    WriteMismatch,
    open_store,
)


class Clock:
    """Time as a parameter: tests move it by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as db:
        return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


async def test_fresh_database_gets_the_whole_schema_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "f.db"
    async with open_store(str(path)) as store:
        assert await store.applied_migrations() == [m.name for m in MIGRATIONS]
    assert {"questions", "feedback", "handled_events", "schema_migrations"} <= tables(path)
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


async def test_reopening_applies_nothing_and_keeps_the_data(database: str) -> None:
    path = database
    async with open_store(path) as store:
        qid = await store.record_question(question="q?", surface="dm", answered=False)
    async with open_store(path) as store:
        assert await store.migrate() == []
        row = await store.question(qid)
    assert row is not None and row.question == "q?" and row.surface == "dm"


async def test_a_database_at_the_previous_version_is_brought_up_to_date(tmp_path: Path) -> None:
    """A database made by an older release gets the later migrations; its rows survive."""
    path = str(tmp_path / "f.db")
    async with open_store(path, migrations=MIGRATIONS[:1]):
        pass
    with sqlite3.connect(path) as db:  # a row as the first release wrote it
        qid = db.execute(
            "INSERT INTO questions (asked_at, surface, question, answered, fact_id, fact_ids)"
            " VALUES ('2026-11-01T09:00:00.000000+00:00', 'command', 'old', 1, 'a', '[\"a\"]')"
        ).lastrowid
    assert qid is not None
    digest = Migration(
        "0099_later_feature",
        "CREATE TABLE digests (id INTEGER PRIMARY KEY, sent_at TEXT NOT NULL);"
        "ALTER TABLE questions ADD COLUMN digest_id INTEGER REFERENCES digests (id);",
    )
    async with open_store(path, migrations=(*MIGRATIONS, digest)) as store:
        assert await store.applied_migrations() == [m.name for m in MIGRATIONS] + [
            "0099_later_feature"
        ]
        row = await store.question(qid)
        assert row is not None and row.fact_ids == ("a",)
    with sqlite3.connect(path) as db:
        columns = [r[1] for r in db.execute("PRAGMA table_info(questions)")]
    assert "digest_id" in columns
    async with open_store(path, migrations=(*MIGRATIONS, digest)) as store:
        assert await store.migrate((*MIGRATIONS, digest)) == []


async def test_a_failing_migration_leaves_no_trace(tmp_path: Path) -> None:
    path = str(tmp_path / "f.db")
    broken = Migration("0099_broken", "CREATE TABLE half (x INTEGER); CREATE TABLE oops (;")
    with pytest.raises(sqlite3.OperationalError):
        async with open_store(path, migrations=(*MIGRATIONS, broken)):
            pass
    assert "half" not in tables(Path(path))
    async with open_store(path) as store:
        assert await store.applied_migrations() == [m.name for m in MIGRATIONS]


async def test_question_log_keeps_what_curators_need(database: str) -> None:
    clock = Clock()
    async with open_store(database, clock=clock) as store:
        hostile = "BCIJ' OR 1=1; -- \" NEAR/3 * ^ AND OR NOT ( ) abc\x00def"
        a = await store.record_question(
            question=hostile,
            surface="command",
            answered=False,
            user_id="U1",
            channel_id="C1",
            fact_id="f",
            score=1.5,
            suggestion_ids=["f", "g"],
        )
        clock.now += timedelta(hours=1)
        b = await store.record_question(
            question="fine", surface="dm", answered=True, fact_id="h", fact_ids=["h"]
        )
        since = clock.now - timedelta(minutes=30)
        assert [q.id for q in await store.questions_since(since)] == [b]
        unanswered = await store.questions_since(since - timedelta(hours=1), answered=False)
        assert [q.id for q in unanswered] == [a]
        row = unanswered[0]
    # Stored verbatim (every query is parameterised); PostgreSQL's text cannot hold NUL.
    kept = hostile if not is_postgres(database) else hostile.replace("\x00", "\ufffd")
    assert row.question == kept
    assert (row.user_id, row.channel_id, row.fact_id, row.score) == ("U1", "C1", "f", 1.5)
    assert row.suggestion_ids == ("f", "g") and not row.answered
    assert row.asked_at == datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


async def test_one_vote_per_person_per_answer_changeable(database: str) -> None:
    async with open_store(database) as store:
        qid = await store.record_question(question="q", surface="dm", answered=True)
        assert await store.record_feedback(qid, "U1", helpful=True) is Vote.NEW
        assert await store.record_feedback(qid, "U1", helpful=True) is Vote.UNCHANGED
        assert await store.record_feedback(qid, "U1", helpful=False) is Vote.CHANGED
        assert await store.record_feedback(qid, "U2", helpful=True) is Vote.NEW
        assert await store.record_feedback(qid + 1, "U1", helpful=True) is Vote.UNKNOWN_ANSWER
        counts = await store.feedback_counts(qid)
    assert (counts.helpful, counts.not_helpful) == (1, 1)


async def test_an_event_id_is_handled_once_even_when_deliveries_race(database: str) -> None:
    async with open_store(database) as store:
        results = await asyncio.gather(*(store.mark_event_handled("Ev1") for _ in range(10)))
        assert sorted(results) == [False] * 9 + [True]
        assert await store.mark_event_handled("Ev2") is True


async def test_event_ids_are_forgotten_after_a_day(database: str) -> None:
    clock = Clock()
    async with open_store(database, clock=clock) as store:
        assert await store.mark_event_handled("Ev1")
        clock.now += timedelta(minutes=5)  # Slack's last retry
        assert not await store.mark_event_handled("Ev1")
        clock.now += EVENT_MEMORY + timedelta(seconds=1)
        assert await store.mark_event_handled("Ev1")


async def test_in_memory_store_for_the_console() -> None:
    async with open_store(":memory:") as store:
        assert await store.record_question(question="q", surface="console", answered=False) == 1


async def count_statements(store: Store, prefix: str) -> list[str]:
    """Every statement the store's connection runs that starts with `prefix` (from now on)."""
    seen: list[str] = []

    def trace(sql: str) -> None:  # aiosqlite's thread; list.append is atomic
        if sql.lstrip().upper().startswith(prefix):
            seen.append(sql)

    await store._db.connection.set_trace_callback(trace)
    return seen


async def test_questions_asked_together_are_written_together_each_with_its_own_id(
    tmp_path: Path,
) -> None:
    """Group commit: 100 concurrent questions take a few INSERTs, and each caller gets the
    id of its own row (the id is what the answer's buttons carry)."""
    async with open_store(str(tmp_path / "f.db")) as store:
        inserts = await count_statements(store, "INSERT INTO QUESTIONS")
        texts = [f"question {n}?" for n in range(100)]
        ids = await asyncio.gather(
            *(
                store.record_question(question=t, surface="dm", answered=n % 2 == 0, user_id=t)
                for n, t in enumerate(texts)
            )
        )
        assert len(set(ids)) == 100
        for n, (text, qid) in enumerate(zip(texts, ids, strict=True)):
            row = await store.question(qid)
            assert row is not None
            assert (row.question, row.user_id, row.answered) == (text, text, n % 2 == 0)
        assert 1 <= len(inserts) <= 5
    # A lone question is written at once, alone: no waiting for company.
    async with open_store(str(tmp_path / "f.db")) as store:
        inserts = await count_statements(store, "INSERT INTO QUESTIONS")
        qid = await store.record_question(question="alone?", surface="dm", answered=False)
        assert len(inserts) == 1 and qid == max(ids) + 1


async def test_a_row_sqlite_refuses_fails_only_its_own_caller(database: str) -> None:
    """A lone surrogate cannot be stored as UTF-8: that caller gets the error; the rest of
    its batch is written."""
    async with open_store(database) as store:
        results = await asyncio.gather(
            store.record_question(question="before", surface="dm", answered=True),
            store.record_question(question="bad \ud800", surface="dm", answered=True),
            store.record_question(question="after", surface="dm", answered=True),
            return_exceptions=True,
        )
        assert isinstance(results[1], UnicodeEncodeError | BadValue)
        for qid, text in ((results[0], "before"), (results[2], "after")):
            assert isinstance(qid, int)
            row = await store.question(qid)
            assert row is not None and row.question == text


async def test_rows_of_callers_that_stop_waiting_are_written_before_the_store_closes(
    tmp_path: Path,
) -> None:
    """Shutdown cancels replies still in flight; their question rows are not lost: closing
    the store waits for every queued row, and refuses writes that come after."""
    path = tmp_path / "f.db"
    async with open_store(str(path)) as store:
        await store.record_question(question="before", surface="dm", answered=True)
        tasks = [
            asyncio.create_task(
                store.record_question(question=f"q{n}", surface="dm", answered=True)
            )
            for n in range(20)
        ]
        await asyncio.sleep(0)  # yield once: each task runs to its first await (queued)
        for task in tasks:
            task.cancel()
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT COUNT(*) FROM questions").fetchone()[0] == 21
    with pytest.raises(StoreClosed):
        await store.record_question(question="after", surface="dm", answered=True)


async def _gathered(commit: GroupCommit[str, str], items: list[str]) -> list[object]:
    return await asyncio.gather(*(commit.submit(i) for i in items), return_exceptions=True)


async def test_a_value_sqlite_cannot_bind_is_retried_row_by_row() -> None:
    calls: list[list[str]] = []

    async def write(items: list[str]) -> list[str]:
        calls.append(items)
        if any(i == "bad" for i in items):
            raise UnicodeEncodeError("utf-8", "bad", 0, 1, "surrogates not allowed")
        return [i.upper() for i in items]

    results = await _gathered(GroupCommit("test", write), ["a", "bad", "c"])
    assert results[0] == "A" and results[2] == "C"
    assert isinstance(results[1], UnicodeEncodeError)
    assert calls == [["a", "bad", "c"], ["a"], ["bad"], ["c"]]


async def test_an_error_after_writing_may_have_begun_is_not_retried() -> None:
    """A failure that may follow the commit (a locked database, a mismatch) goes to every
    caller of the batch; retrying could write rows twice or call a new event a repeat."""
    calls: list[list[str]] = []

    async def write(items: list[str]) -> list[str]:
        calls.append(items)
        raise sqlite3.OperationalError("database is locked")

    results = await _gathered(GroupCommit("test", write), ["a", "b"])
    assert all(isinstance(r, sqlite3.OperationalError) for r in results)
    assert calls == [["a", "b"]]

    async def too_few(items: list[str]) -> list[str]:
        return items[:1]

    results = await _gathered(GroupCommit("test", too_few), ["a", "b"])
    assert all(isinstance(r, WriteMismatch) for r in results)


async def test_a_cancelled_writer_leaves_no_caller_waiting() -> None:
    release = asyncio.Event()
    started = asyncio.Event()

    async def write(items: list[str]) -> list[str]:
        started.set()
        await release.wait()
        return items

    commit: GroupCommit[str, str] = GroupCommit("test", write)
    first = asyncio.gather(*(commit.submit(i) for i in ("a", "b")), return_exceptions=True)
    await started.wait()
    later = asyncio.ensure_future(commit.submit("c"))  # queued behind the batch in SQLite
    assert commit._writer is not None
    commit._writer.cancel()
    assert all(isinstance(r, WriteInterrupted) for r in await first)
    release.set()
    await commit.flush()  # a new writer takes what was still queued
    assert await later == "c"
    assert commit.idle


async def test_event_ids_delivered_together_are_written_together(tmp_path: Path) -> None:
    async with open_store(str(tmp_path / "f.db")) as store:
        inserts = await count_statements(store, "INSERT INTO HANDLED_EVENTS")
        assert await store.mark_event_handled("Ev0")
        firsts = await asyncio.gather(*(store.mark_event_handled(f"Ev{n % 30}") for n in range(60)))
        # Ev0 was known; Ev1..Ev29 each new once, their second delivery a duplicate.
        assert sum(firsts) == 29
        assert [firsts[n] for n in range(1, 30)] == [True] * 29
        assert 1 <= len(inserts) <= 4


async def test_processes_claiming_at_once_never_claim_the_same_reply(database: str) -> None:
    """Four connections (four processes' workers) claim free outbox rows at the same time,
    a few at a time, until none is left: every row is claimed exactly once."""
    path = database
    clock = Clock()
    async with open_store(path, clock=clock) as owner:
        for n in range(60):
            await owner.accept_reply(surface="command", request_key=f"trigger:{n}", text="q")
        clock.now += OUTBOX_LEASE + timedelta(seconds=1)  # its claims run out: all are free
        async with (
            open_store(path, clock=clock) as a,
            open_store(path, clock=clock) as b,
            open_store(path, clock=clock) as c,
            open_store(path, clock=clock) as d,
        ):
            claimed: list[int] = []
            while True:
                rounds = await asyncio.gather(
                    *(s.claim_unsent_replies(limit=4) for s in (a, b, c, d))
                )
                batch = [r.id for replies, _, _ in rounds for r in replies]
                if not batch:
                    break
                claimed += batch
    assert sorted(claimed) == list(range(1, 61))  # each once: no row went to two workers
