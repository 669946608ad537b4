"""The timeline's "More" button: the next page replaces the one clicked.

The button's value holds the timeline query and the offset (bot.render.browse),
so a click needs no state: render the next page and swap it in, through the
same delivery (retries, request log line) as every other reply.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp

from bot.render.browse import ACTION_TIMELINE_MORE, parse_timeline_token, render_timeline
from bot.services.deps import Deps

logger = logging.getLogger(__name__)


def register(app: AsyncApp, deps: Deps) -> None:
    async def timeline_more(ack: AsyncAck, body: dict[str, Any], action: dict[str, Any]) -> None:
        await ack()
        user = body.get("user")
        user_id = str(user["id"]) if isinstance(user, dict) and "id" in user else None
        async with deps.delivery.handling("action", action="timeline_more", user_id=user_id):
            parsed = parse_timeline_token(str(action.get("value") or ""))
            if parsed is None:
                logger.info("timeline_more_rejected reason=bad_value")
                return
            query, offset, lang = parsed
            message = render_timeline(deps.base, query, max(0, offset), lang)
            await deps.delivery.respond(
                None, body.get("response_url"), {"replace_original": True, **message.as_kwargs()}
            )

    app.action(ACTION_TIMELINE_MORE)(timeline_more)
