"""Transactions: what one rolls back is its own, never another coroutine's rows.

On SQLite every coroutine of the process shares one connection, so a statement sent
by another coroutine while a transaction is open would run inside it: the
transaction's ROLLBACK would erase a row already acknowledged (an outbox row written
before Slack's ack). The transaction has the connection to itself instead.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from bot.storage.db import IntegrityError, SqliteDatabase, connect
from bot.storage.store import Store, open_store

HANDLED = "INSERT INTO handled_events (event_id, handled_at) VALUES (?, '2026-11-02T09:00:00')"


class Abandoned(Exception):
    """Raised inside a transaction to roll it back."""


class Watched(SqliteDatabase):
    """The real SQLite database, which tells the test when a statement naming `marker`
    is handed to it (before it reaches the connection)."""

    def __init__(self, database: SqliteDatabase, marker: str) -> None:
        super().__init__(database.connection, database.location)
        self.marker = marker
        self.issued = asyncio.Event()

    async def fetch(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        if self.marker in sql:
            self.issued.set()
        return await super().fetch(sql, params)


def committed(path: Path, sql: str) -> list[tuple[Any, ...]]:
    """Rows as another connection to the file sees them: committed ones only."""
    with sqlite3.connect(path) as check:
        return check.execute(sql).fetchall()


async def test_a_rollback_keeps_the_outbox_row_another_coroutine_wrote_meanwhile(
    tmp_path: Path,
) -> None:
    """A request acknowledged while a transaction is open keeps its outbox row when the
    transaction rolls back; the transaction's own row is undone."""
    path = tmp_path / "f.db"
    async with connect(str(path)) as plain:
        assert isinstance(plain, SqliteDatabase)
        db = Watched(plain, "INTO outbox")
        store = Store(db)
        await store.migrate()
        transaction_open = asyncio.Event()

        async def acknowledge() -> int | None:
            await transaction_open.wait()
            reply = await store.accept_reply(surface="command", request_key="trigger:T1", text="q")
            return None if reply is None else reply.id

        other = asyncio.create_task(acknowledge())
        with pytest.raises(Abandoned):
            async with db.transaction() as tx:
                await tx.execute(HANDLED, ("own",))
                transaction_open.set()
                await db.issued.wait()  # the outbox INSERT is on its way to the connection
                raise Abandoned
        reply_id = await other
        assert reply_id is not None
        await store.flush(closing=True)
    assert committed(path, "SELECT id, request_key FROM outbox") == [(reply_id, "trigger:T1")]
    assert committed(path, "SELECT event_id FROM handled_events") == []


async def test_a_transaction_commits_or_undoes_its_statements_whole(database: str) -> None:
    async with open_store(database) as store:
        db = store._db
        with pytest.raises(Abandoned):
            async with db.transaction() as tx:
                await tx.execute(HANDLED, ("undone-1",))
                await tx.execute(HANDLED, ("undone-2",))
                raise Abandoned
        async with db.transaction() as tx:
            await tx.execute(HANDLED, ("kept",))
            with pytest.raises(Abandoned):
                async with tx.transaction() as inner:  # nested: undone alone
                    await inner.execute(HANDLED, ("inner",))
                    raise Abandoned
            await tx.executemany(HANDLED, [("many-1",), ("many-2",)])
        rows = await db.fetch("SELECT event_id FROM handled_events ORDER BY event_id")
    assert rows == [("kept",), ("many-1",), ("many-2",)]


async def test_statements_of_the_transactions_own_task_go_in_at_once(tmp_path: Path) -> None:
    """Inside a transaction, its task's statements run in it, through the handle or not
    (on one connection they cannot run anywhere else), and never wait for it to end."""
    async with open_store(str(tmp_path / "f.db")) as store:
        db = store._db
        with pytest.raises(Abandoned):
            async with db.transaction() as tx:
                await asyncio.gather(tx.execute(HANDLED, ("a",)), tx.execute(HANDLED, ("b",)))
                await db.execute(HANDLED, ("c",))
                assert len(await db.fetch("SELECT 1 FROM handled_events")) == 3
                await db.executemany(HANDLED, [("d",)])
                raise Abandoned
        assert await db.fetch("SELECT 1 FROM handled_events") == []


async def test_a_commit_that_fails_leaves_no_transaction_open(tmp_path: Path) -> None:
    """A COMMIT refused by a deferred constraint is rolled back: the next statement (any
    coroutine's) is committed on its own, not left inside a transaction nobody ends."""
    path = tmp_path / "f.db"
    async with open_store(str(path)) as store:
        db = store._db
        await db.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)")
        await db.execute(
            "CREATE TABLE child (parent_id INTEGER"
            " REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)"
        )
        with pytest.raises(IntegrityError):
            async with db.transaction() as tx:
                await tx.execute("INSERT INTO child (parent_id) VALUES (7)")
        await db.execute(HANDLED, ("after",))
        assert committed(path, "SELECT event_id FROM handled_events") == [("after",)]
    assert committed(path, "SELECT parent_id FROM child") == []
