"""A workspace leaves: `app_uninstalled`, or `tokens_revoked` naming the bot's token.

Either way the bot can no longer act there, so the workspace is forgotten at once
(`Store.forget_workspace`): its installation and tokens, its questions and votes,
outbox rows, digests and settings; only a bare record that it left stays. The event
is acked before this runs (the edge in HTTP mode, bolt otherwise), and bolt calls
no `auth.test` for these events: nothing is sent to Slack on the workspace's behalf.
Forgetting twice (Slack delivers an event again) deletes nothing more.

With SLACK_BOT_TOKEN the bot serves one workspace whose rows carry team_id '':
that is what an uninstall forgets.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncApp, AsyncBoltContext

from bot.services.deps import Deps
from bot.services.logs import logfmt

logger = logging.getLogger(__name__)


def register(app: AsyncApp, deps: Deps) -> None:
    async def forget(reason: str, context: AsyncBoltContext) -> None:
        if deps.settings.multi_workspace:
            team_id = "" if context.is_enterprise_install else context.team_id or ""
            enterprise_id = context.enterprise_id or ""
        else:
            team_id, enterprise_id = "", ""
        if deps.settings.multi_workspace and not (team_id or enterprise_id):
            logger.warning("workspace_forget_skipped reason=%s detail=no_team_id", reason)
            return
        counts = await deps.store.forget_workspace(team_id, enterprise_id)
        logger.info(
            "workspace_forgotten %s",
            logfmt(
                reason=reason,
                team_id=context.team_id,
                enterprise_id=context.enterprise_id,
                **{k: v for k, v in counts.items() if v},
            ),
        )

    async def app_uninstalled(context: AsyncBoltContext) -> None:
        await forget("app_uninstalled", context)

    async def tokens_revoked(event: dict[str, Any], context: AsyncBoltContext) -> None:
        tokens = event.get("tokens")
        bots = tokens.get("bot") if isinstance(tokens, dict) else None
        if not bots:  # only people's tokens: factbot asks for none, so holds none
            logger.info("tokens_revoked_ignored team_id=%s reason=no_bot_token", context.team_id)
            return
        await forget("tokens_revoked", context)

    app.event("app_uninstalled")(app_uninstalled)
    app.event("tokens_revoked")(tokens_revoked)
