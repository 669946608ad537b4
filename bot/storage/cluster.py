"""Several workers on one database: who runs the digests, and which facts to serve.

`ClusterStore` is mixed into `bot.storage.store.Store`, like `CurationStore`; the
`0008_cluster` migration below is its table.

* **Leadership.** `Store.leader_lock(name)` is a lock one process at a time holds.
  On PostgreSQL it is a session advisory lock (`pg_try_advisory_lock`) on a
  connection of its own, held for as long as the process leads: when the process
  dies, or its machine, or the network between, the server ends the session and
  drops the lock, and another worker takes it on its next try. On SQLite it is an
  exclusive `flock` on a file beside the database (`<database>-leader-<name>`),
  which the kernel drops when its process dies; a database in memory has one
  process, which always leads.
* **The facts generation.** A counter each reload (and each curation change that
  rebuilds the matcher) bumps; every worker reads it every few seconds and
  reloads when it moved (`bot.services.cluster`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC
from pathlib import Path
from typing import IO, Any

import asyncpg

from bot.core.records import Clock
from bot.storage.db import Database, PostgresDatabase, advisory_key

try:  # POSIX only; elsewhere a SQLite process always leads (the claims keep posts single)
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

logger = logging.getLogger(__name__)

MIGRATION_NAME = "0008_cluster"
MIGRATION_SQL = """
    -- Counters every worker follows: 'facts' moves on each reload and curation change,
    -- and a worker that sees it move reloads its fact base (bot.services.cluster).
    CREATE TABLE cluster_generations (
        name        TEXT PRIMARY KEY,
        generation  INTEGER NOT NULL,
        bumped_by   TEXT,
        bumped_at   TEXT NOT NULL
    );
"""

#: The generation of the fact base every worker serves (a row of cluster_generations).
FACTS = "facts"


class LeaderLock(ABC):
    """A lock that one process at a time holds; `lead` takes it, or says it is held."""

    name: str

    @abstractmethod
    async def lead(self) -> bool:
        """Whether this process leads now: keeps the lock if held, else tries to take it."""

    @abstractmethod
    async def release(self) -> None:
        """Give leadership up (the next `lead` of another process takes it)."""


#: What a connection the server ended raises: asyncpg's protocol may be left mid-operation
#: (InternalClientError, "another operation is in progress"), which is no PostgresError.
_CONNECTION_LOST = (
    OSError,
    asyncpg.PostgresError,
    asyncpg.InterfaceError,
    asyncpg.InternalClientError,
)


class PostgresLeaderLock(LeaderLock):
    """A session advisory lock on a connection held for as long as this process leads."""

    def __init__(self, dsn: str, name: str) -> None:
        self.name = name
        self._dsn = dsn
        self._key = advisory_key(f"leader:{name}")
        self._connection: Any = None  # kept between tries, leading or not
        self._leading = False

    async def lead(self) -> bool:
        try:
            if self._connection is None or self._connection.is_closed():
                self._leading = False
                self._connection = await asyncpg.connect(self._dsn)
            if self._leading:
                # The lock lives as long as the session: a session that answers still has it.
                await self._connection.fetchval("SELECT 1")
            else:
                self._leading = bool(
                    await self._connection.fetchval("SELECT pg_try_advisory_lock($1)", self._key)
                )
        except _CONNECTION_LOST as exc:
            logger.warning(
                "leader_lock_unavailable name=%s error=%s", self.name, type(exc).__name__
            )
            await self._drop()
        return self._leading

    async def _drop(self) -> None:
        connection, self._connection, self._leading = self._connection, None, False
        if connection is not None:
            connection.terminate()  # the lock, if the session still had it, goes with it

    async def release(self) -> None:
        connection, self._connection, self._leading = self._connection, None, False
        if connection is not None:
            with contextlib.suppress(*_CONNECTION_LOST):
                await asyncio.wait_for(connection.close(), 5)
            if not connection.is_closed():
                connection.terminate()


class FileLeaderLock(LeaderLock):
    """An exclusive flock on a file beside the SQLite database, held while leading."""

    def __init__(self, db_path: str, name: str) -> None:
        self.name = name
        memory = db_path == ":memory:" or db_path.startswith("file:")
        self._path = None if memory or fcntl is None else Path(f"{db_path}-leader-{name}")
        self._held: IO[bytes] | None = None

    async def lead(self) -> bool:
        if self._path is None:
            return True  # one process (a database in memory, or no flock): it leads
        if self._held is not None:
            return True
        try:
            handle = open(self._path, "ab")  # noqa: SIM115 - held while leading
        except OSError as exc:
            logger.warning("leader_lock_unavailable name=%s error=%s", self.name, exc)
            return False
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False  # another process leads
        self._held = handle
        return True

    async def release(self) -> None:
        if self._held is not None:
            self._held.close()  # the lock goes with the file descriptor
            self._held = None


class ClusterStore:
    """Leadership and the facts generation; mixed into `Store`."""

    _db: Database
    _clock: Clock
    #: The database as given to `open_store` (a PostgreSQL URL with its password).
    _location: str

    @asynccontextmanager
    async def leader_lock(self, name: str) -> AsyncIterator[LeaderLock]:
        """A lock named `name` that one process sharing the database holds at a time,
        released on the way out (or when the process dies)."""
        lock: LeaderLock
        if isinstance(self._db, PostgresDatabase):
            lock = PostgresLeaderLock(self._location, name)
        else:
            lock = FileLeaderLock(self._location, name)
        try:
            yield lock
        finally:
            await lock.release()

    async def facts_generation(self) -> int:
        """How many times the fact base was reloaded or changed by curators, all workers
        together (0 before the first time)."""
        rows = await self._db.fetch(
            "SELECT generation FROM cluster_generations WHERE name = ?", (FACTS,)
        )
        return int(rows[0][0]) if rows else 0

    async def bump_facts_generation(self, by: str) -> int:
        """Tell every worker that the fact base changed; the new generation."""
        rows = await self._db.fetch(
            "INSERT INTO cluster_generations (name, generation, bumped_by, bumped_at)"
            " VALUES (?, 1, ?, ?) ON CONFLICT (name) DO UPDATE SET"
            " generation = cluster_generations.generation + 1,"
            " bumped_by = excluded.bumped_by, bumped_at = excluded.bumped_at"
            " RETURNING generation",
            (FACTS, by, self._clock().astimezone(UTC).isoformat(timespec="microseconds")),
        )
        return int(rows[0][0])
