"""A throwaway PostgreSQL database on a server the tests (or a benchmark) may use."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg

from bot.storage.db import advisory_key


@asynccontextmanager
async def throwaway_database(server: str, prefix: str = "factbot_test") -> AsyncIterator[str]:
    """A new, empty database on `server` (a superuser URL), dropped afterwards: its URL."""
    name = f"{prefix}_{secrets.token_hex(6)}"
    admin = await asyncpg.connect(server)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    try:
        yield f"{server.rpartition('/')[0]}/{name}"
    finally:
        admin = await asyncpg.connect(server)
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin.close()


async def lock_holder(admin: asyncpg.Connection, name: str) -> int | None:
    """The server process holding the session advisory lock `name`, if any (a bigint key
    is two oids in pg_locks)."""
    key = advisory_key(name)
    pid = await admin.fetchval(
        "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted"
        " AND classid = $1 AND objid = $2 AND objsubid = 1",
        (key >> 32) & 0xFFFFFFFF,
        key & 0xFFFFFFFF,
    )
    return None if pid is None else int(pid)
