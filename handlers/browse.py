"""The timeline's "More" button: the next page replaces the one clicked.

The button's value holds the timeline query and the offset (bot.render_browse),
so a click needs no state: render the next page and swap it in.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncRespond

from bot.deps import Deps
from bot.render_browse import ACTION_TIMELINE_MORE, parse_timeline_token, render_timeline

logger = logging.getLogger(__name__)


def register(app: AsyncApp, deps: Deps) -> None:
    async def timeline_more(ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond) -> None:
        await ack()
        actions = body.get("actions") or [{}]
        parsed = parse_timeline_token(str(actions[0].get("value") or ""))
        if parsed is None:
            logger.info("timeline_more_rejected reason=bad_value")
            return
        query, offset, lang = parsed
        message = render_timeline(deps.base, query, max(0, offset), lang)
        await respond(replace_original=True, **message.as_kwargs())

    app.action(ACTION_TIMELINE_MORE)(timeline_more)
