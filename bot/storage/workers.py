"""Which processes sharing the database are still alive: a lock each, held for life.

On SQLite the lock is a file (below); on PostgreSQL it is a session advisory lock
(`PostgresWorkers`), which the server drops when the holder's connection ends, so
it answers for workers on any machine.

A process that claims outbox rows first takes an exclusive `flock` on a file of
its own, `<database>-workers/<worker>`, and keeps it until it exits. The kernel
drops the lock when the process dies, however it dies (SIGKILL included), so a
lock that another process can take means its owner is gone and its claims can
be taken over at once instead of after the lease.

This only answers for processes on the same machine, which is also the only
way SQLite in WAL mode may share a file. When it cannot tell (no lock file, no
`fcntl`, a database in memory), it says "alive" and the lease decides: slower,
never wrong.

One process has one lock, whatever number of stores it opens: the HTTP edge's
store borrows the bot's (`Borrowed`), so the rows it writes at the ack are covered
by the lock the bot gives up only after its last reply (bot.runner).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import os
import secrets
import socket
from abc import ABC, abstractmethod
from pathlib import Path
from typing import IO, Any

import asyncpg

from bot.storage.db import advisory_key

try:  # POSIX only; elsewhere every claim waits for its lease
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

logger = logging.getLogger(__name__)


def new_worker_name() -> str:
    """A name no other process ever had: host, pid, and a random part (pids are reused)."""
    host = socket.gethostname().replace("/", "_")[:40]
    return f"{host}:{os.getpid()}:{secrets.token_hex(4)}"


class Liveness(ABC):
    """This process's lock, and a way to tell whether another worker is dead."""

    def __init__(self, name: str | None = None) -> None:
        self.name = name or new_worker_name()
        self._claims = itertools.count(1)

    def new_claim(self) -> str:
        """A claim no other claim of this worker has (several stores may share the worker)."""
        return f"{self.name}/{next(self._claims)}"

    @property
    @abstractmethod
    def holding(self) -> bool:
        """True once this worker holds its lock (it has claimed outbox rows)."""

    @abstractmethod
    async def hold(self) -> None:
        """Take this worker's lock (once). Without it, others fall back to the lease."""

    @abstractmethod
    async def release(self, *, keep_file: bool = False) -> None:
        """Drop the lock (`keep_file`: leave a trace that this worker left claims behind)."""

    @abstractmethod
    async def dead(self, worker: str) -> bool:
        """True only when `worker` is certainly gone; when unsure, False (the lease decides)."""

    @abstractmethod
    async def forget(self, worker: str) -> None:
        """Drop what is known of a dead worker once nothing it claimed is left."""


class Workers(Liveness):
    """A lock file per worker beside the SQLite database."""

    def __init__(self, db_path: str) -> None:
        super().__init__()
        self._dir = None if db_path == ":memory:" else Path(f"{db_path}-workers")
        self._held: IO[bytes] | None = None

    @property
    def holding(self) -> bool:
        return self._held is not None

    async def hold(self) -> None:
        if self._held is not None or self._dir is None or fcntl is None:
            return
        path = self._dir / self.name
        try:
            self._dir.mkdir(exist_ok=True)
            handle = open(path, "wb")  # noqa: SIM115 - held until release()
        except OSError as exc:
            logger.warning("worker_lock_unavailable dir=%s error=%s", self._dir, exc)
            self._dir = None
            return
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:  # a file without its lock would read as "dead": remove it
            handle.close()
            with contextlib.suppress(OSError):
                path.unlink()
            logger.warning("worker_lock_unavailable dir=%s error=%s", self._dir, exc)
            self._dir = None
            return
        self._held = handle

    async def release(self, *, keep_file: bool = False) -> None:
        """Drop the lock. With `keep_file` the unlocked file stays, telling the next process
        at once that this worker is gone (it left claims behind)."""
        if self._held is not None:
            path = Path(self._held.name)
            self._held.close()  # the lock goes with the file descriptor
            self._held = None
            if not keep_file:
                with contextlib.suppress(OSError):
                    path.unlink()

    async def dead(self, worker: str) -> bool:
        """True only when `worker` is certainly gone: its lock file exists and is free."""
        if self._dir is None or fcntl is None or worker == self.name or "/" in worker:
            return False
        path = self._dir / worker
        try:
            with open(path, "rb") as handle:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except FileNotFoundError:
            return False  # never held here, or cleaned up: the lease decides
        except OSError:
            return False  # held: alive
        return True

    async def forget(self, worker: str) -> None:
        """Remove a dead worker's lock file once nothing it claimed is left."""
        if self._dir is not None and worker != self.name and "/" not in worker:
            with contextlib.suppress(OSError):
                (self._dir / worker).unlink()


class PostgresWorkers(Liveness):
    """A session advisory lock per worker, on a connection of its own held for life.

    PostgreSQL drops a session's advisory locks when its connection ends: the
    process died, or its machine did. A worker's row in `workers` says it once held
    its lock; a row whose lock another session can take belongs to a dead worker.
    """

    def __init__(self, dsn: str, pool: asyncpg.Pool) -> None:
        super().__init__()
        self._dsn = dsn
        self._pool = pool
        self._held: Any = None  # the connection holding the lock
        self._taking = asyncio.Lock()

    @property
    def holding(self) -> bool:
        return self._held is not None

    async def hold(self) -> None:
        if self._held is not None:
            return
        async with self._taking:
            if self._held is not None:
                return
            try:
                connection = await asyncpg.connect(self._dsn)
            except (OSError, asyncpg.PostgresError) as exc:
                logger.warning("worker_lock_unavailable error=%s", type(exc).__name__)
                return
            await connection.execute("SELECT pg_advisory_lock($1)", advisory_key(self.name))
            await connection.execute(
                "INSERT INTO workers (name, started_at) VALUES ($1, now()::text)"
                " ON CONFLICT DO NOTHING",
                self.name,
            )
            self._held = connection

    async def release(self, *, keep_file: bool = False) -> None:
        if self._held is None:
            return
        connection, self._held = self._held, None
        try:
            if not keep_file:
                await connection.execute("DELETE FROM workers WHERE name = $1", self.name)
        finally:
            await connection.close()  # the advisory lock goes with the session

    async def dead(self, worker: str) -> bool:
        if worker == self.name:
            return False
        async with self._pool.acquire() as connection:
            known = await connection.fetchval("SELECT 1 FROM workers WHERE name = $1", worker)
            if not known:
                return False  # never held a lock: the lease decides
            key = advisory_key(worker)
            if not await connection.fetchval("SELECT pg_try_advisory_lock($1)", key):
                return False  # held: alive
            await connection.execute("SELECT pg_advisory_unlock($1)", key)
            return True

    async def forget(self, worker: str) -> None:
        if worker != self.name:
            async with self._pool.acquire() as connection:
                await connection.execute("DELETE FROM workers WHERE name = $1", worker)


class Borrowed(Liveness):
    """Another store's lock in this same process, seen from a second store (the HTTP edge's).

    The rows the second store writes carry the owner's name and claims, so the owner's
    lock covers them; the owner takes and gives it up. This store never takes claims
    over (the edge only writes rows before the ack), so it finds no worker dead.
    """

    def __init__(self, owner: Liveness) -> None:
        super().__init__(owner.name)
        self._owner = owner

    def new_claim(self) -> str:
        return self._owner.new_claim()

    @property
    def holding(self) -> bool:
        return False  # not this store's to give up when it closes

    async def hold(self) -> None:
        return None

    async def release(self, *, keep_file: bool = False) -> None:
        return None

    async def dead(self, worker: str) -> bool:
        return False

    async def forget(self, worker: str) -> None:
        return None
