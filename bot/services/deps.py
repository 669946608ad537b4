"""What every handler needs, built and torn down in one place (the lifespan).

`open_deps` loads the fact base (failing fast on a bad one), builds the matcher,
opens the single database connection and closes it on the way out. Handlers get
the `Deps` object through `register(app, deps)`; nothing lives in module globals.

The fact base and its matcher can be replaced while the bot runs (`/facts
reload`, SIGHUP). They sit together in one `FactsHolder`, swapped in one
assignment, so a reader never sees a new fact base with an old matcher.
`deps.base` and `deps.matcher` read the holder each time.
"""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.core.curation import apply_curation
from bot.core.factbase import FactBase, load_factbase
from bot.core.records import Clock, Where, Workspace, utc_now, workspace_of
from bot.engine import Matcher
from bot.services.admins import Admins, Curators
from bot.services.delivery import ClientFor, Delivery, RetryPolicy, one_client
from bot.settings import Settings
from bot.storage.db import redacted
from bot.storage.store import Store, open_store

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class LoadedFacts:
    """One fact base and the matcher built from it; `generation` counts reloads."""

    base: FactBase
    matcher: Matcher
    generation: int
    loaded_at: datetime


class FactsHolder:
    """The fact base being served. Replaced whole by `swap`, never changed in place."""

    def __init__(self, base: FactBase, matcher: Matcher, clock: Clock = utc_now) -> None:
        self._clock = clock
        self._current = LoadedFacts(base, matcher, 1, clock())
        #: Held while a reload loads and indexes, so two reloads never overlap.
        self.reloading = asyncio.Lock()
        #: The facts generation of the database (every worker's reloads and curation
        #: changes) that the fact base served here includes (bot.services.cluster).
        self.cluster_generation = 0

    @property
    def current(self) -> LoadedFacts:
        """Read it once per request when both parts are needed."""
        return self._current

    def swap(self, base: FactBase, matcher: Matcher) -> LoadedFacts:
        """Serve `base` from now on (one assignment: atomic for every reader)."""
        new = LoadedFacts(base, matcher, self._current.generation + 1, self._clock())
        self._current = new
        return new


def freeze_long_lived_objects() -> None:
    """Keep the fact base, the matcher's index and the libraries out of the cyclic GC.

    They live as long as the process (or until a reload), yet each full collection
    would walk all of them while every request waits (bench/load_http.py: median
    ack p99 150 ms without this, 61 ms with it). Frozen objects are still freed by
    reference counting; a reload unfreezes, collects and freezes again.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()


class Deps:
    """The bot's dependencies: settings, fact base, store, admins and curators, and reply
    delivery.

    `workspaces`: one bot serves several Slack workspaces, each request in its own
    (`team_of`); False (a bot run with SLACK_BOT_TOKEN) puts every request in the one
    workspace '', where the rows of earlier releases are. `client_for` acts in any one
    workspace (the Slack app attaches it: `attach`); None at the console.
    """

    __slots__ = (
        "settings",
        "facts",
        "store",
        "clock",
        "admins",
        "curators",
        "delivery",
        "workspaces",
        "client_for",
    )

    def __init__(
        self,
        settings: Settings,
        base: FactBase,
        matcher: Matcher,
        store: Store,
        clock: Clock = utc_now,
        *,
        delivery: Delivery | None = None,
        workspaces: bool = False,
    ) -> None:
        self.settings = settings
        self.facts = FactsHolder(base, matcher, clock)
        self.store = store
        self.clock = clock
        self.admins = Admins(settings.admins, clock=clock, store=store)
        self.curators = Curators(
            self.admins, home_team=settings.curators_team, several_workspaces=workspaces
        )
        self.delivery = delivery or Delivery()
        self.workspaces = workspaces
        self.client_for: ClientFor | None = None

    def attach(self, client: AsyncWebClient | ClientFor) -> None:
        """Act in Slack with the app's client (one workspace), or with each workspace's own
        (several: `client(team_id, enterprise_id)`): admin lookups, curators' messages."""
        client_for = one_client(client) if isinstance(client, AsyncWebClient) else client
        self.client_for = client_for
        self.admins.attach(client_for)

    def team_of(self, team_id: object, enterprise_id: object) -> tuple[str, str]:
        """(team, enterprise) a request from Slack belongs to ('', '' with one workspace)."""
        return workspace_of(team_id, enterprise_id) if self.workspaces else ("", "")

    def where(
        self,
        context: Mapping[str, Any],
        surface: str,
        user_id: str | None = None,
        channel_id: str | None = None,
    ) -> Where:
        """Who asked, where, in which workspace (bolt's context names the team)."""
        team, enterprise = self.team_of(context.get("team_id"), context.get("enterprise_id"))
        return Where(surface, user_id, channel_id, team_id=team, enterprise_id=enterprise)

    def store_for(self, where: Where) -> Store:
        """The store as the workspace asking sees it."""
        return self.store.for_team(where.team_id, where.enterprise_id)

    async def workspace(self, where: Where) -> Workspace:
        """The settings in effect where the request came from."""
        return await workspace_settings(self.store_for(where), self.settings)

    @property
    def base(self) -> FactBase:
        return self.facts.current.base

    @property
    def matcher(self) -> Matcher:
        return self.facts.current.matcher


async def workspace_settings(store: Store, settings: Settings) -> Workspace:
    """The settings in effect in `store`'s workspace: its own, else the environment's."""
    stored = await store.workspace_settings()
    return Workspace(
        stored,
        tz_name=stored.tz_name or settings.tz_name,
        language=stored.language or "en",
        admins=settings.admins if stored.admins is None else frozenset(stored.admins),
    )


@asynccontextmanager
async def open_deps(
    settings: Settings,
    *,
    base: FactBase | None = None,
    matcher: Matcher | None = None,
    db_path: str | None = None,
    clock: Clock = utc_now,
    retry: RetryPolicy | None = None,
    workspaces: bool = False,
) -> AsyncIterator[Deps]:
    """Load facts, open the store, yield the dependencies, close in reverse order.

    `base`, `matcher` and `db_path` let tests (and the console) reuse a loaded
    fact base or keep the database in memory; `retry` lets tests record the
    waits between retries instead of waiting. The bot itself passes only settings.
    """
    if base is None:
        base = load_factbase(settings.facts_dir)
    if matcher is None:
        matcher = Matcher(base)
    path = db_path or settings.database
    async with open_store(path, clock=clock) as store:
        generation = await store.facts_generation()  # read first: a change after it reloads
        curation = await store.curation()  # what curators taught from Slack (bot.services.curation)
        if not curation.empty:
            base = apply_curation(base, curation)
            matcher = await asyncio.to_thread(Matcher, base)
        logger.info("deps_ready facts=%d topics=%d", len(base.facts), len(base.topics))
        delivery = Delivery(retry)
        try:
            deps = Deps(
                settings, base, matcher, store, clock, delivery=delivery, workspaces=workspaces
            )
            deps.facts.cluster_generation = generation
            yield deps
        finally:
            await delivery.close()
    logger.info("database_closed path=%s", redacted(path))
