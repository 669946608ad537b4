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

A peer takes a dead worker's claims over while holding that worker's lock itself
(`dead_among`): a worker that comes back (PostgreSQL: its liveness connection was
lost, and it takes its lock again on a fresh one) waits until the takeover is
written, and then finds those rows' claims are no longer its own.
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
from collections.abc import AsyncIterator, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import IO

import asyncpg

from bot.storage.advisory import LockUnavailable, watched_connection
from bot.storage.db import advisory_key

try:  # POSIX only; elsewhere every claim waits for its lease
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

logger = logging.getLogger(__name__)

#: Seconds a worker whose liveness connection was lost waits for its lock on a fresh
#: one. A peer taking its replies over holds it for the few milliseconds that takes; a
#: lock still held after this is held by a session of ours the server has not yet seen
#: die, and the worker stops rather than answer without one.
RETAKE_TIMEOUT = 10.0
#: Seconds before the second try to take a lost lock back (then twice as long each time).
RETAKE_FIRST_PAUSE = 0.1


def new_worker_name() -> str:
    """A name no other process ever had: host, pid, and a random part (pids are reused)."""
    host = socket.gethostname().replace("/", "_")[:40]
    return f"{host}:{os.getpid()}:{secrets.token_hex(4)}"


class Liveness(ABC):
    """This process's lock, and a way to tell whether another worker is dead."""

    def __init__(self, name: str | None = None) -> None:
        self.name = name or new_worker_name()
        self._claims = itertools.count(1)
        #: Set when the lock was lost and could not be taken back: the worker must stop.
        self.gone = asyncio.Event()
        self._ever_held = False
        self._lost = False

    def new_claim(self) -> str:
        """A claim no other claim of this worker has (several stores may share the worker)."""
        return f"{self.name}/{next(self._claims)}"

    @property
    @abstractmethod
    def holding(self) -> bool:
        """True while this worker holds its lock (it has claimed outbox rows)."""

    @property
    def never_lost(self) -> bool:
        """False once the lock was lost after being held: peers may have taken claims over."""
        return not self._lost

    @property
    def vouches(self) -> bool:
        """True while no peer can take this worker's claims before their lease runs out:
        it holds its lock, or never had one (peers then wait out the lease)."""
        return self.holding or not self._ever_held

    @abstractmethod
    async def hold(self) -> None:
        """Take this worker's lock (once). Without it, others fall back to the lease."""

    async def settle(self) -> None:
        """Wait while a lost lock is being taken back (at most RETAKE_TIMEOUT s)."""
        return None

    @abstractmethod
    async def release(self, *, keep_file: bool = False) -> None:
        """Drop the lock (`keep_file`: leave a trace that this worker left claims behind)."""

    @abstractmethod
    def dead_among(self, workers: Sequence[str]) -> AbstractAsyncContextManager[list[str]]:
        """Those of `workers` certainly gone, each kept from coming back (its lock held)
        until the block ends; when unsure, a worker is left out (the lease decides)."""

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
        self._ever_held = True

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

    @asynccontextmanager
    async def dead_among(self, workers: Sequence[str]) -> AsyncIterator[list[str]]:
        """Those whose lock file exists and is free; their locks held until the block ends."""
        held: dict[str, IO[bytes]] = {}
        try:
            for worker in workers:
                handle = self._lock_if_dead(worker)
                if handle is not None:
                    held[worker] = handle
            yield list(held)
        finally:
            for handle in held.values():
                handle.close()

    def _lock_if_dead(self, worker: str) -> IO[bytes] | None:
        if self._dir is None or fcntl is None or worker == self.name or "/" in worker:
            return None
        try:
            handle = open(self._dir / worker, "rb")  # noqa: SIM115 - closed by dead_among
        except OSError:
            return None  # never held here, or cleaned up: the lease decides
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return None  # held: alive
        return handle

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

    The connection is watched (asyncpg calls back when it ends). When it ends while
    the worker lives (the server restarted, a proxy or an administrator cut it),
    peers see the worker as dead and may take its replies over. So the worker takes
    its lock back at once on a fresh connection (trying again for up to
    RETAKE_TIMEOUT s: a restarting server), and from then on checks every claim in
    the database before sending (`Store.keep_claim`): a reply a peer took meanwhile is
    the peer's. Meanwhile nothing is sent. If the lock cannot be had back, `gone` is
    set, with one ERROR line, and the worker stops (bot.runner).
    """

    def __init__(self, dsn: str, pool: asyncpg.Pool) -> None:
        super().__init__()
        self._dsn = dsn
        self._pool = pool
        self._held: asyncpg.Connection | None = None  # the connection holding the lock
        self._taking = asyncio.Lock()
        self._retaking: asyncio.Task[None] | None = None
        self._released = False

    @property
    def holding(self) -> bool:
        return self._held is not None and not self._held.is_closed()

    async def hold(self) -> None:
        """Take the lock the first time (a lost one is taken back by `_retake`, not waited
        for here: a row written meanwhile under this worker's name is checked before it is
        sent, like any other)."""
        if self._held is not None or self._released or self.gone.is_set():
            return
        if self._retaking is not None and not self._retaking.done():
            return
        async with self._taking:
            if self._held is not None or self._released or self.gone.is_set():
                return
            try:
                self._held = await self._take(RETAKE_TIMEOUT)
            except LockUnavailable as exc:
                logger.warning("worker_lock_unavailable error=%s", exc)
                return
            self._ever_held = True

    async def settle(self) -> None:
        if self._held is not None and self._held.is_closed():
            self._on_connection_end(self._held)  # before asyncpg's callback has run
        if self._retaking is not None and not self._retaking.done():
            await asyncio.shield(self._retaking)

    def _on_connection_end(self, connection: object) -> None:
        """asyncpg's callback when the lock's connection ended: take the lock back."""
        if self._released or connection is not self._held:
            return
        self._lost = True
        if self._retaking is None or self._retaking.done():
            self._retaking = asyncio.get_running_loop().create_task(
                self._retake(), name="worker-lock-retake"
            )

    async def _retake(self) -> None:
        """Take the lock back on a fresh connection within RETAKE_TIMEOUT, or set `gone`."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + RETAKE_TIMEOUT
        pause = RETAKE_FIRST_PAUSE
        async with self._taking:
            self._held = None
            while True:
                try:
                    self._held = await self._take(max(0.1, deadline - loop.time()))
                except LockUnavailable as exc:
                    left = deadline - loop.time()
                    if left > 0:
                        await asyncio.sleep(min(pause, left))
                        pause *= 2
                        continue
                    logger.error(
                        "worker_lock_lost worker=%s error=%s action=stopping", self.name, exc
                    )
                    self.gone.set()
                    return
                logger.warning("worker_lock_retaken worker=%s", self.name)
                return

    async def _take(self, timeout: float) -> asyncpg.Connection:
        """A fresh, watched connection holding this worker's lock (LockUnavailable if it
        cannot be had; `watched_connection` closes it on any failure)."""

        async def lock(connection: asyncpg.Connection) -> None:
            await connection.execute(
                "SELECT pg_advisory_lock($1)", advisory_key(self.name), timeout=timeout
            )
            await connection.execute(
                "INSERT INTO workers (name, started_at) VALUES ($1, now()::text)"
                " ON CONFLICT DO NOTHING",
                self.name,
            )

        return await watched_connection(
            self._dsn, self._on_connection_end, timeout=timeout, setup=lock
        )

    async def release(self, *, keep_file: bool = False) -> None:
        self._released = True
        if self._retaking is not None:
            self._retaking.cancel()
            await asyncio.gather(self._retaking, return_exceptions=True)
        async with self._taking:
            connection, self._held = self._held, None
        if connection is None:
            return
        connection.remove_termination_listener(self._on_connection_end)
        if connection.is_closed():
            return
        try:
            if not keep_file:
                await connection.execute("DELETE FROM workers WHERE name = $1", self.name)
        finally:
            await connection.close()  # the advisory lock goes with the session

    @asynccontextmanager
    async def dead_among(self, workers: Sequence[str]) -> AsyncIterator[list[str]]:
        """Those that once held a lock which is free now; their locks held (on a connection
        of the pool) until the block ends, so none of them takes its lock back meanwhile."""
        others = [worker for worker in workers if worker != self.name]
        if not others:
            yield []
            return
        async with self._pool.acquire() as connection:
            rows = await connection.fetch(
                "SELECT name FROM workers WHERE name = ANY($1::text[])", others
            )
            known = {str(row[0]) for row in rows}  # never held a lock: the lease decides
            dead: list[str] = []
            try:
                for worker in others:
                    key = advisory_key(worker)
                    if worker in known and await connection.fetchval(
                        "SELECT pg_try_advisory_lock($1)", key
                    ):
                        dead.append(worker)
                yield dead
            finally:  # (the pool's reset on release unlocks them too, should this fail)
                if dead:
                    await connection.execute(
                        "SELECT pg_advisory_unlock(key) FROM unnest($1::bigint[]) AS key",
                        [advisory_key(worker) for worker in dead],
                    )

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

    @asynccontextmanager
    async def dead_among(self, workers: Sequence[str]) -> AsyncIterator[list[str]]:
        yield []

    async def forget(self, worker: str) -> None:
        return None
