"""One way to talk to either database: SQLite (aiosqlite, the default) or PostgreSQL (asyncpg).

The Store's SQL is written once, with `?` placeholders, in the subset both dialects
agree on (`INSERT ... ON CONFLICT DO NOTHING RETURNING`, `UPDATE ... FROM`,
`CAST(? AS BIGINT)` where PostgreSQL cannot guess a parameter's type). What differs
lives here: placeholders, the error classes, how a migration is serialised between
processes, column types in the schema, and whether writes are group-committed.

`connect(location)` picks the backend from the location: a `postgresql://` (or
`postgres://`) URL opens an asyncpg pool; anything else is a SQLite file path.
"""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import logging
import re
import sqlite3
import time
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from functools import lru_cache
from typing import Any, ClassVar

import aiosqlite
import asyncpg

logger = logging.getLogger(__name__)

#: How long a write waits for another connection's lock (a curator's sqlite3 shell, a
#: second bot process) before SQLite gives up: a locked database delays, never drops, a row.
BUSY_TIMEOUT_MS = 5000
#: Connections one process keeps open to PostgreSQL. Each request holds one for a few
#: statements; more than this many at once wait for a free one.
PG_POOL_SIZE = 10
#: The advisory lock key every `migrate` takes on PostgreSQL (any constant; this one
#: spells "factbot" in ASCII), so processes starting at once migrate one after another.
MIGRATION_LOCK_KEY = 0x66616374626F74


class IntegrityError(Exception):
    """A row broke a constraint (a vote for an answer that does not exist, a taken id)."""


class DatabaseUnavailable(Exception):
    """The database cannot be opened: the message is one sentence saying why."""


class BadValue(ValueError):
    """A value the database cannot store (text that is not valid UTF-8, say): nothing written."""


class Database(ABC):
    """A connection (SQLite) or a pool (PostgreSQL), speaking `?`-placeholder SQL."""

    #: "sqlite" or "postgresql": for the few statements that must differ.
    dialect: ClassVar[str]
    #: Whether writes on every request are batched (one SQLite connection: yes; a
    #: PostgreSQL pool writes concurrently, and its ids need not follow each other).
    group_commits: ClassVar[bool]
    #: Where it is, for logs and error messages (a PostgreSQL URL without its password).
    location: str

    @abstractmethod
    async def fetch(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        """Run one statement and return all its rows (fetched in one step)."""

    @abstractmethod
    async def execute(self, sql: str, params: Sequence[object] = ()) -> int:
        """Run one statement; how many rows it changed."""

    @abstractmethod
    async def executemany(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        """Run one statement once per row, all in one transaction."""

    @abstractmethod
    async def has_table(self, name: str) -> bool:
        """Whether the schema has this table (a database from before a migration may not)."""

    @abstractmethod
    def transaction(self) -> AbstractAsyncContextManager[Database]:
        """A connection inside one transaction: committed on exit, rolled back on error.

        Its statements go through the handle it yields. Statements of other coroutines
        never land in it (on SQLite, whose one connection every coroutine shares, they
        wait until it ends). A transaction opened inside one is a savepoint in it.
        """

    @abstractmethod
    def migration_lock(self) -> AbstractAsyncContextManager[Database]:
        """A transaction that no other process's migration runs beside (see `migrate`)."""

    @abstractmethod
    def schema(self, ddl: str) -> str:
        """A migration's DDL in this dialect (written in SQLite's)."""

    @abstractmethod
    async def close(self) -> None: ...


class _Turns:
    """Whose turn it is on the one SQLite connection: any statements, or one transaction.

    Every coroutine of the process shares the connection, and SQLite has one
    transaction per connection: a statement sent while another coroutine's transaction
    is open would run inside it, erased by its ROLLBACK (an outbox row already
    acknowledged to Slack) or committed by its COMMIT. So a transaction has the
    connection alone: it shuts the door to new statements, waits for those already
    sent to finish, and only then begins; statements arriving meanwhile wait for it to
    end. Its own task's statements go in at once: they are part of it.

    Used as `async with turns:` around one statement; costs nothing while no
    transaction is open.
    """

    def __init__(self) -> None:
        self._one_transaction = asyncio.Lock()
        #: The task whose transaction has (or is about to have) the connection.
        self.holder: asyncio.Task[Any] | None = None
        self._free = asyncio.Event()  # set while no transaction holds the connection
        self._free.set()
        self._running = 0  # statements sent and not finished
        self._idle = asyncio.Event()  # set while none is
        self._idle.set()

    async def __aenter__(self) -> None:
        if self.holder is not None:
            me = asyncio.current_task()
            while self.holder is not None and self.holder is not me:
                await self._free.wait()
        self._running += 1
        self._idle.clear()

    async def __aexit__(self, *exc_info: object) -> None:
        self._running -= 1
        if not self._running:
            self._idle.set()

    @asynccontextmanager
    async def alone(self) -> AsyncIterator[None]:
        """The connection to this task alone, once the statements already sent are done."""
        async with self._one_transaction:
            self.holder = asyncio.current_task()
            self._free.clear()
            try:
                await self._idle.wait()
                yield
            finally:
                self.holder = None
                self._free.set()


class _Sqlite(Database):
    """What the database and a transaction on it share: one aiosqlite connection."""

    dialect = "sqlite"
    group_commits = True
    connection: aiosqlite.Connection

    async def has_table(self, name: str) -> bool:
        rows = await self.fetch(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
        )
        return bool(rows)

    def migration_lock(self) -> AbstractAsyncContextManager[Database]:
        # BEGIN IMMEDIATE takes SQLite's write lock: other processes wait (busy timeout).
        return self.transaction()

    def schema(self, ddl: str) -> str:
        return ddl


class SqliteDatabase(_Sqlite):
    """One aiosqlite connection in autocommit mode (transactions are explicit), shared by
    every coroutine; a transaction has it to itself (`_Turns`)."""

    def __init__(self, connection: aiosqlite.Connection, location: str) -> None:
        self.connection = connection
        self.location = location
        self._turns = _Turns()
        self._open: _SqliteTransaction | None = None  # the transaction holding the connection

    async def fetch(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        async with self._turns:
            return await _sqlite_fetch(self.connection, sql, params)

    async def execute(self, sql: str, params: Sequence[object] = ()) -> int:
        async with self._turns:
            return await _sqlite_execute(self.connection, sql, params)

    async def executemany(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        async with self.transaction() as tx:
            await tx.executemany(sql, rows)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Database]:
        if self._open is not None and self._turns.holder is asyncio.current_task():
            # Asked again by the task already inside one: a savepoint in it (waiting for
            # the open transaction to end would wait for ever).
            async with self._open.transaction() as nested:
                yield nested
            return
        async with self._turns.alone():
            transaction = _SqliteTransaction(self.connection, self.location)
            await self.connection.execute("BEGIN IMMEDIATE")
            self._open = transaction
            try:
                yield transaction
            except BaseException:
                await self.connection.execute("ROLLBACK")
                raise
            finally:
                self._open = None
            try:
                await self.connection.execute("COMMIT")
            except sqlite3.Error as exc:
                # A failed COMMIT (a deferred constraint) leaves the transaction open:
                # end it here, or the next statements, anyone's, would land in it.
                if self.connection.in_transaction:
                    await self.connection.execute("ROLLBACK")
                if isinstance(exc, sqlite3.IntegrityError):
                    raise IntegrityError(str(exc)) from exc
                raise

    async def close(self) -> None:
        await self.connection.close()


class _SqliteTransaction(_Sqlite):
    """The connection inside a transaction that holds it alone: statements go at once.

    What `SqliteDatabase.transaction` yields; its statements (even several at once,
    gathered) are the transaction's.
    """

    def __init__(self, connection: aiosqlite.Connection, location: str) -> None:
        self.connection = connection
        self.location = location

    async def fetch(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        return await _sqlite_fetch(self.connection, sql, params)

    async def execute(self, sql: str, params: Sequence[object] = ()) -> int:
        return await _sqlite_execute(self.connection, sql, params)

    async def executemany(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        try:
            await self.connection.executemany(sql, rows)
        except sqlite3.IntegrityError as exc:
            raise IntegrityError(str(exc)) from exc

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Database]:
        # Nested: a savepoint, undone alone on error (as PostgreSQL's nested transaction).
        name = f"nested_{next(_SAVEPOINTS)}"
        await self.execute(f"SAVEPOINT {name}")
        try:
            yield self
        except BaseException:
            await self.execute(f"ROLLBACK TO {name}")
            await self.execute(f"RELEASE {name}")
            raise
        await self.execute(f"RELEASE {name}")

    async def close(self) -> None:
        """Nothing: the connection is the database's, which closes it."""


_SAVEPOINTS = itertools.count(1)


async def _sqlite_fetch(
    connection: aiosqlite.Connection, sql: str, params: Sequence[object]
) -> list[tuple[Any, ...]]:
    try:
        return [tuple(row) for row in await connection.execute_fetchall(sql, params)]
    except sqlite3.IntegrityError as exc:
        raise IntegrityError(str(exc)) from exc


async def _sqlite_execute(
    connection: aiosqlite.Connection, sql: str, params: Sequence[object]
) -> int:
    try:
        async with connection.execute(sql, params) as cursor:
            return max(0, cursor.rowcount)
    except sqlite3.IntegrityError as exc:
        raise IntegrityError(str(exc)) from exc


class PostgresDatabase(Database):
    """An asyncpg pool. `?` placeholders become `$1, $2...`; each call borrows a connection."""

    dialect = "postgresql"
    group_commits = False

    def __init__(self, pool: asyncpg.Pool, location: str, connection: Any = None) -> None:
        self.pool = pool
        self.location = location
        self._connection = connection  # set inside a transaction: every call uses it

    @asynccontextmanager
    async def _borrow(self) -> AsyncIterator[Any]:
        if self._connection is not None:
            yield self._connection
        else:
            async with self.pool.acquire() as connection:
                yield connection

    async def fetch(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        try:
            async with self._borrow() as connection:
                rows = await connection.fetch(_numbered(sql), *_storable(params))
        except asyncpg.IntegrityConstraintViolationError as exc:
            raise IntegrityError(str(exc)) from exc
        except asyncpg.DataError as exc:
            raise BadValue(str(exc)) from exc
        return [tuple(row) for row in rows]

    async def execute(self, sql: str, params: Sequence[object] = ()) -> int:
        try:
            async with self._borrow() as connection:
                status = await connection.execute(_numbered(sql), *_storable(params))
        except asyncpg.IntegrityConstraintViolationError as exc:
            raise IntegrityError(str(exc)) from exc
        except asyncpg.DataError as exc:
            raise BadValue(str(exc)) from exc
        return _rowcount(status)

    async def has_table(self, name: str) -> bool:
        rows = await self.fetch("SELECT to_regclass(?) IS NOT NULL", (name,))
        return bool(rows[0][0])

    async def executemany(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        async with self._borrow() as connection:
            await connection.executemany(_numbered(sql), [_storable(row) for row in rows])

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Database]:
        if self._connection is not None:  # nested: a savepoint on the same connection
            async with self._connection.transaction():
                yield self
            return
        async with self.pool.acquire() as connection, connection.transaction():
            yield PostgresDatabase(self.pool, self.location, connection)

    @asynccontextmanager
    async def migration_lock(self) -> AsyncIterator[Database]:
        async with self.transaction() as tx:
            # Held until the transaction ends; a second process waits here, then finds
            # the migration recorded and skips it.
            await tx.execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK_KEY,))
            yield tx

    def schema(self, ddl: str) -> str:
        return _postgres_ddl(ddl)

    async def close(self) -> None:
        await self.pool.close()


def is_postgres(location: str) -> bool:
    """True for a PostgreSQL URL (postgresql://... or postgres://...)."""
    return location.startswith(("postgresql://", "postgres://"))


def redacted(location: str) -> str:
    """The location without a password, for logs."""
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", location)


@asynccontextmanager
async def connect(location: str, *, pool_size: int = PG_POOL_SIZE) -> AsyncIterator[Database]:
    """Open the database at `location` (a SQLite path or a PostgreSQL URL); close it after.

    A SQLite `file:` URI (read-only, say: `file:/path?mode=ro`) is opened as a URI and
    its journal mode left as it is. `pool_size`: at most this many PostgreSQL
    connections at once.
    """
    database: Database
    if is_postgres(location):
        try:
            pool = await asyncpg.create_pool(
                location, min_size=1, max_size=pool_size, command_timeout=60
            )
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError, ValueError) as exc:
            raise DatabaseUnavailable(
                f"PostgreSQL at {redacted(location)} cannot be reached ({_reason(exc)})"
            ) from exc
        database = PostgresDatabase(pool, redacted(location))
    else:
        uri = location.startswith("file:")
        try:
            connection = await aiosqlite.connect(location, isolation_level=None, uri=uri)
        except sqlite3.Error as exc:
            raise DatabaseUnavailable(
                f"the SQLite file {location} cannot be opened ({_reason(exc)})"
            ) from exc
        try:
            await connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            await connection.execute("PRAGMA foreign_keys = ON")
            if location != ":memory:" and not uri:
                await _write_ahead(connection)
                await connection.execute("PRAGMA synchronous = NORMAL")
        except BaseException:
            await connection.close()
            raise
        database = SqliteDatabase(connection, location)
    try:
        yield database
    finally:
        await database.close()


async def _write_ahead(connection: aiosqlite.Connection) -> None:
    """Put the file in WAL mode. Workers started together on a new file race to convert
    it, and SQLite answers the loser "database is locked" at once, without waiting its
    busy timeout (1 open in 12 in a two-process test): so wait and try again, as long
    as a busy timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            await connection.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            await asyncio.sleep(WAL_RETRY_S)


#: Seconds between two tries at the WAL conversion another process holds.
WAL_RETRY_S = 0.02


def _reason(exc: BaseException) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def advisory_key(name: str) -> int:
    """A signed 64-bit advisory lock key for a name (PostgreSQL's lock keys are bigint)."""
    return int.from_bytes(
        hashlib.blake2b(name.encode(), digest_size=8).digest(), "big", signed=True
    )


@lru_cache(maxsize=512)
def _numbered(sql: str) -> str:
    """`?` placeholders as PostgreSQL's `$1, $2...` (our SQL has no `?` inside literals)."""
    counter = iter(range(1, sql.count("?") + 1))
    return re.sub(r"\?", lambda _: f"${next(counter)}", sql)


def _storable(params: Sequence[object]) -> list[object]:
    """PostgreSQL's text cannot hold NUL: it becomes U+FFFD, the replacement character,
    rather than failing the write (SQLite keeps it)."""
    return [
        p.replace("\x00", "\ufffd") if isinstance(p, str) and "\x00" in p else p for p in params
    ]


def _rowcount(status: str) -> int:
    """Rows changed, from a command tag such as 'UPDATE 3' or 'INSERT 0 1'."""
    last = status.rsplit(" ", 1)[-1]
    return int(last) if last.isdigit() else 0


_TYPES = (
    (re.compile(r"\bINTEGER PRIMARY KEY\b"), "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"),
    (re.compile(r"\bINTEGER\b"), "BIGINT"),
    (re.compile(r"\bREAL\b"), "DOUBLE PRECISION"),
)


def _postgres_ddl(ddl: str) -> str:
    """SQLite's column types as PostgreSQL's: ids are identities, integers 64-bit, reals double.

    Times stay TEXT (ISO 8601, UTC) on both, so every comparison is the same SQL.
    """
    for pattern, replacement in _TYPES:
        ddl = pattern.sub(replacement, ddl)
    return ddl
