"""Which processes sharing the database are still alive: a lock file each, held for life.

A process that claims outbox rows first takes an exclusive `flock` on a file of
its own, `<database>-workers/<worker>`, and keeps it until it exits. The kernel
drops the lock when the process dies, however it dies (SIGKILL included), so a
lock that another process can take means its owner is gone and its claims can
be taken over at once instead of after the lease.

This only answers for processes on the same machine, which is also the only
way SQLite in WAL mode may share a file. When it cannot tell (no lock file, no
`fcntl`, a database in memory), it says "alive" and the lease decides: slower,
never wrong.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import socket
from pathlib import Path
from typing import IO

try:  # POSIX only; elsewhere every claim waits for its lease
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

logger = logging.getLogger(__name__)


def new_worker_name() -> str:
    """A name no other process ever had: host, pid, and a random part (pids are reused)."""
    host = socket.gethostname().replace("/", "_")[:40]
    return f"{host}:{os.getpid()}:{secrets.token_hex(4)}"


class Workers:
    """This process's lock file, and a way to tell whether another worker is dead."""

    def __init__(self, db_path: str) -> None:
        self.name = new_worker_name()
        self._dir = None if db_path == ":memory:" else Path(f"{db_path}-workers")
        self._held: IO[bytes] | None = None

    @property
    def holding(self) -> bool:
        """True once this worker holds its lock (it has claimed outbox rows)."""
        return self._held is not None

    def hold(self) -> None:
        """Take this worker's lock (once). Without it, others fall back to the lease."""
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

    def release(self, *, keep_file: bool = False) -> None:
        """Drop the lock. With `keep_file` the unlocked file stays, telling the next process
        at once that this worker is gone (it left claims behind)."""
        if self._held is not None:
            path = Path(self._held.name)
            self._held.close()  # the lock goes with the file descriptor
            self._held = None
            if not keep_file:
                with contextlib.suppress(OSError):
                    path.unlink()

    def dead(self, worker: str) -> bool:
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

    def forget(self, worker: str) -> None:
        """Remove a dead worker's lock file once nothing it claimed is left."""
        if self._dir is not None and worker != self.name and "/" not in worker:
            with contextlib.suppress(OSError):
                (self._dir / worker).unlink()
