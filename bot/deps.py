"""What every handler needs, built and torn down in one place (the lifespan).

`open_deps` loads the fact base (failing fast on a bad one), builds the matcher,
opens the single database connection and closes it on the way out. Handlers get
the `Deps` object through `register(app, deps)`; nothing lives in module globals.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from bot.factbase import FactBase, load_factbase
from bot.matching import Matcher
from bot.settings import Settings
from bot.storage import Clock, Store, open_store, utc_now

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Deps:
    settings: Settings
    base: FactBase
    matcher: Matcher
    store: Store
    clock: Clock = utc_now


@asynccontextmanager
async def open_deps(
    settings: Settings,
    *,
    base: FactBase | None = None,
    matcher: Matcher | None = None,
    db_path: str | None = None,
    clock: Clock = utc_now,
) -> AsyncIterator[Deps]:
    """Load facts, open the store, yield the dependencies, close in reverse order.

    `base`, `matcher` and `db_path` let tests (and the console) reuse a loaded
    fact base or keep the database in memory; the bot itself passes only settings.
    """
    if base is None:
        base = load_factbase(settings.facts_dir)
    if matcher is None:
        matcher = Matcher(base)
    path = db_path or settings.db_path
    async with open_store(path, clock=clock) as store:
        logger.info("deps_ready facts=%d topics=%d", len(base.facts), len(base.topics))
        yield Deps(settings=settings, base=base, matcher=matcher, store=store, clock=clock)
