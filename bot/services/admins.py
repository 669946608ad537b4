"""Two roles, kept apart: a workspace's admins, and the deployment's curators.

A workspace admin (`Admins.is_workspace_admin`) runs the admin commands of that one
workspace (`/facts settings`, `stats`, `reload`, digest curator notes): the people
the workspace named (`/facts settings admins`, else FACTBOT_ADMINS), or a workspace
admin or owner according to Slack.

A curator (`Curators.is_curator`) changes the one fact base every workspace is
answered from: teaches it, reviews the question log, approves proposed facts. With
one workspace (SLACK_BOT_TOKEN) the curators are its admins. With many (OAuth), they
are the admins of one home workspace only (FACTBOT_CURATORS_TEAM): the admins of any
other workspace that installed the app are never curators, and with no home
workspace set nobody curates.

Slack's `users.info` answer is remembered for ADMIN_TTL per workspace and user, so a
busy admin costs one lookup every few minutes, and one workspace's answer never
stands for another's. Someone at the local console is both.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.records import Clock, Where
from bot.services.delivery import ClientFor, classify, one_client
from bot.storage.store import Store

logger = logging.getLogger(__name__)

#: How long a users.info answer (admin or not) is trusted.
ADMIN_TTL = timedelta(minutes=10)
#: How long a failed users.info lookup counts as "not an admin" before asking again.
ADMIN_ERROR_TTL = timedelta(minutes=1)


class Admins:
    """Decides who is an admin of the workspace asking; remembers Slack's answers a while."""

    def __init__(
        self,
        ids: frozenset[str],
        *,
        clock: Clock,
        ttl: timedelta = ADMIN_TTL,
        store: Store | None = None,
    ) -> None:
        self.ids = ids  # FACTBOT_ADMINS: the admins of a workspace that named none
        self._clock = clock
        self._ttl = ttl
        self._store = store  # where each workspace's own admins are kept
        self._client_for: ClientFor | None = None
        #: (team, user) -> (admin?, until when the answer holds)
        self._cache: dict[tuple[str, str], tuple[bool, datetime]] = {}

    def attach(self, client: AsyncWebClient | ClientFor) -> None:
        """Ask Slack about workspace admins: with the app's client (one workspace), or with
        each workspace's own client (several workspaces: `client(team_id, enterprise_id)`)."""
        if isinstance(client, AsyncWebClient):
            self._client_for = one_client(client)
        else:
            self._client_for = client

    async def is_workspace_admin(self, where: Where) -> bool:
        """May `where`'s user run the admin commands of `where`'s workspace?"""
        if where.surface == "console":  # whoever runs the process owns it
            return True
        user = where.user_id
        if not user:
            return False
        if user in await self._named(where):
            return True
        if self._client_for is None:
            return False
        now = self._clock()
        key = (where.team_id, user)
        cached = self._cache.get(key)
        if cached is not None and cached[1] > now:
            return cached[0]
        client = await self._client_for(where.team_id, where.enterprise_id)
        if client is None:  # the workspace has no installation (any more)
            return False
        allowed, ttl = await self._ask_slack(client, user)
        self._cache[key] = (allowed, now + ttl)
        return allowed

    async def _named(self, where: Where) -> frozenset[str]:
        """The admins named for the workspace asking: its own list, else FACTBOT_ADMINS."""
        if self._store is None:
            return self.ids
        stored = await self._store.for_team(where.team_id, where.enterprise_id).workspace_settings()
        return self.ids if stored.admins is None else frozenset(stored.admins)

    async def _ask_slack(self, client: AsyncWebClient, user: str) -> tuple[bool, timedelta]:
        try:
            response = await client.users_info(user=user)
        except SlackApiError as exc:
            # missing_scope: the app was installed before users:read was added to the manifest.
            logger.warning("admin_lookup_failed user=%s error=%s", user, classify(exc).reason)
            return False, ADMIN_ERROR_TTL
        except (aiohttp.ClientError, TimeoutError) as exc:
            logger.warning("admin_lookup_failed user=%s error=%s", user, type(exc).__name__)
            return False, ADMIN_ERROR_TTL
        profile = response.get("user")
        allowed = isinstance(profile, dict) and any(
            profile.get(flag) is True for flag in ("is_admin", "is_owner", "is_primary_owner")
        )
        logger.info("admin_lookup user=%s admin=%s", user, allowed)
        return allowed, self._ttl


class Curators:
    """Decides who curates the one fact base: a role of the deployment, not of a workspace.

    `home_team`: the curators' workspace (FACTBOT_CURATORS_TEAM); `several_workspaces`:
    requests come from many workspaces, each with its own admins.
    """

    def __init__(self, admins: Admins, *, home_team: str | None, several_workspaces: bool) -> None:
        self._admins = admins
        self._home_team = home_team
        self._several = several_workspaces

    @property
    def several_workspaces(self) -> bool:
        return self._several

    @property
    def home_team(self) -> str | None:
        """The curators' workspace ('' with one workspace); None: curation is not set up."""
        return self._home_team if self._several else ""

    async def is_curator(self, where: Where) -> bool:
        """May `where`'s user teach, review and approve? Only in the curators' workspace."""
        if where.surface == "console":
            return True
        home = self.home_team
        if home is None or where.team_id != home:
            return False
        return await self._admins.is_workspace_admin(where)
