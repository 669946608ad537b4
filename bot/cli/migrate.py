"""`python -m bot migrate`: bring the database's schema up to date, and say what was applied.

The Procfile's `release:` step runs it once per deploy, before any worker starts;
workers also migrate when they open the store, so a missed release step is not an
outage. Several at once are safe: each migration is applied under a lock, once.
"""

from __future__ import annotations

import argparse
import asyncio
import sys

from bot.settings import Settings
from bot.storage.db import DatabaseUnavailable, redacted
from bot.storage.store import open_store


async def _migrate(location: str) -> list[str]:
    async with open_store(location, migrate=False) as store:
        return await store.migrate()


def main(args: argparse.Namespace, settings: Settings) -> int:
    problem = settings.db_folder_problem()
    if problem is not None:
        print(f"factbot: {problem}", file=sys.stderr)
        return 2
    try:
        applied = asyncio.run(_migrate(settings.database))
    except DatabaseUnavailable as exc:
        print(f"factbot: {settings.database_name}: {exc}.", file=sys.stderr)
        return 2
    where = redacted(settings.database)
    if applied:
        print(f"{where}: applied {len(applied)} migration(s): {', '.join(applied)}")
    else:
        print(f"{where}: the schema is up to date")
    return 0
