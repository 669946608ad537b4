"""PostgreSQL session advisory locks on a connection of their own, watched.

Shared by the worker liveness lock (`bot.storage.workers.PostgresWorkers`) and the
digest leader lock (`bot.storage.cluster.PostgresLeaderLock`).

The server drops a session's advisory locks when its connection ends: that is what
makes such a lock answer for a dead process. It also means a process that lives on
while the server ends its lock's connection (a server restart, a proxy or an
administrator cutting it, an idle timeout) has lost the lock, and another process
may take it at once. So the connection is watched: asyncpg calls `on_end` when it
ends, however it ends, and the holder acts on it then, not at its next query.
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable

import asyncpg

#: What a connection the server ended (or never opened) raises: asyncpg's protocol may be
#: left mid-operation (InternalClientError, "another operation is in progress"), which is
#: no PostgresError; a timeout is an OSError.
CONNECTION_LOST = (
    OSError,
    asyncpg.PostgresError,
    asyncpg.InterfaceError,
    asyncpg.InternalClientError,
)
#: Seconds to close a connection politely (the server then drops its locks before it answers).
CLOSE_TIMEOUT = 5.0


class LockUnavailable(Exception):
    """The lock's connection could not be had; the message names the error, for the log line."""


async def watched_connection(
    dsn: str,
    on_end: Callable[[object], None],
    *,
    timeout: float,
    setup: Callable[[asyncpg.Connection], Awaitable[None]] | None = None,
) -> asyncpg.Connection:
    """A fresh connection, `setup` run on it (taking a lock, say), then watched: asyncpg
    calls `on_end(connection)` once it ends, closed by us or not. LockUnavailable if it
    cannot be had.

    Whatever goes wrong after the connection opens, it is closed: a connection left open
    could hold a lock with nobody watching it."""
    try:
        connection = await asyncpg.connect(dsn, timeout=timeout)
    except CONNECTION_LOST as exc:
        raise LockUnavailable(type(exc).__name__) from exc
    try:
        if setup is not None:
            await setup(connection)
        connection.add_termination_listener(on_end)
    except CONNECTION_LOST as exc:
        with contextlib.suppress(Exception):  # (close() aborts it when it cannot say goodbye)
            await connection.close(timeout=CLOSE_TIMEOUT)
        raise LockUnavailable(type(exc).__name__) from exc
    except BaseException:  # cancelled, or a bug: still never leave it open
        connection.terminate()
        raise
    return connection
