"""Several workers on one database: who runs the digests, and which facts to serve.

`ClusterStore` is mixed into `bot.storage.store.Store`, like `CurationStore`; the
`0008_cluster` migration below is its table.

* **Leadership.** `Store.leader_lock(name)` is a lock one process at a time holds.
  On PostgreSQL it is a session advisory lock (`pg_try_advisory_lock`) on a
  connection of its own, held for as long as the process leads: when the process
  dies, or its machine, or the network between, the server ends the session and
  drops the lock, and another worker takes it on its next try. The connection is
  watched (`bot.storage.advisory`): if the server ends it while the process lives,
  the process stops leading at once (`LeaderLock.until_lost`) and tries for the lock
  again like any follower. On SQLite it is an exclusive `flock` on a file beside
  the database (`<database>-leader-<name>`), which the kernel drops when its
  process dies; a database in memory has one process, which always leads.
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
from typing import IO

import asyncpg

from bot.core.records import Clock
from bot.storage.advisory import (
    CLOSE_TIMEOUT,
    CONNECTION_LOST,
    LockUnavailable,
    watched_connection,
)
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

    async def until_lost(self) -> None:
        """Return once this process no longer leads (at once if it does not): the lock was
        lost under it, or released. A lock that cannot be lost while held never returns."""
        await asyncio.get_running_loop().create_future()


#: Seconds one try at the lead may take (connecting, asking the server): a lock that cannot
#: be confirmed within it counts as lost.
LEAD_TIMEOUT = 10.0


class PostgresLeaderLock(LeaderLock):
    """A session advisory lock on a connection held for as long as this process leads.

    The connection is watched (`bot.storage.advisory`): when it ends while this process
    leads (a server restart, a proxy or an administrator cutting it), the lock is gone
    and another worker may take it at once, so this process stops leading then and
    there (`until_lost` returns), not at its next try. Its next `lead` tries for the
    lock again on a fresh connection, like any follower's.
    """

    def __init__(self, dsn: str, name: str) -> None:
        self.name = name
        self._dsn = dsn
        self._key = advisory_key(f"leader:{name}")
        self._connection: asyncpg.Connection | None = None  # kept between tries, leading or not
        self._leading = False
        self._lead_over = asyncio.Event()  # the current lead's end: set while not leading
        self._lead_over.set()

    async def lead(self) -> bool:
        if self._connection is not None and self._connection.is_closed():
            self._on_connection_end(self._connection)  # before asyncpg's callback has run
        try:
            if self._connection is None:
                self._connection = await watched_connection(
                    self._dsn, self._on_connection_end, timeout=LEAD_TIMEOUT
                )
            if self._leading:
                # The lock lives as long as the session: a session that answers still has it.
                await self._connection.fetchval("SELECT 1", timeout=LEAD_TIMEOUT)
            elif await self._connection.fetchval(
                "SELECT pg_try_advisory_lock($1)", self._key, timeout=LEAD_TIMEOUT
            ):
                self._leading = True
                self._lead_over = asyncio.Event()
        except (*CONNECTION_LOST, LockUnavailable) as exc:
            error = str(exc) if isinstance(exc, LockUnavailable) else type(exc).__name__
            logger.warning("leader_lock_unavailable name=%s error=%s", self.name, error)
            self._drop()
        return self._leading

    async def until_lost(self) -> None:
        await self._lead_over.wait()

    def _on_connection_end(self, connection: object) -> None:
        """asyncpg's callback when the lock's connection ended: the lead, if held, is over."""
        if connection is self._connection:
            self._connection = None
            self._stop_leading()

    def _stop_leading(self) -> None:
        self._leading = False
        self._lead_over.set()

    def _drop(self) -> None:
        connection, self._connection = self._connection, None
        self._stop_leading()
        if connection is not None:
            connection.terminate()  # the lock, if the session still had it, goes with it

    async def release(self) -> None:
        connection, self._connection = self._connection, None
        self._stop_leading()
        if connection is not None:
            with contextlib.suppress(*CONNECTION_LOST):
                await asyncio.wait_for(connection.close(), CLOSE_TIMEOUT)
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
