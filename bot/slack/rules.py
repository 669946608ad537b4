"""Slack's delivery rules, applied before any listener: rate-limit notices and bots get a 200."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.async_app import AsyncBoltRequest
from slack_bolt.middleware.async_middleware import AsyncMiddleware
from slack_bolt.response import BoltResponse

from bot.services.events import HUMAN_SUBTYPES

logger = logging.getLogger(__name__)


class DeliveryRules(AsyncMiddleware):
    """Slack's delivery rules, before any listener: rate-limit notices and bots get a 200.

    A subclass of bolt's middleware class rather than a decorated function: bolt
    calls it directly, without building the keyword arguments of a function
    middleware on every request (measurable under load, bench/load_http.py).
    """

    async def async_process(
        self,
        *,
        req: AsyncBoltRequest,
        resp: BoltResponse,
        next: Callable[[], Awaitable[BoltResponse]],
    ) -> BoltResponse | None:
        body = req.body
        kind = body.get("type")
        if kind == "app_rate_limited":
            # Slack tells us when it stops delivering events for a while; log it, say ok.
            logger.warning(
                "events_rate_limited team=%s minute=%s",
                body.get("team_id"),
                body.get("minute_rate_limited"),
            )
            return BoltResponse(status=200, body="")
        event = body.get("event") if kind == "event_callback" else None
        if isinstance(event, dict) and _from_bot(event, req.context.bot_user_id):
            logger.debug("event_ignored reason=bot event_id=%s", body.get("event_id"))
            return BoltResponse(status=200, body="")
        await next()  # bolt's next() returns nothing: the listener's response is bolt's
        return None


def _from_bot(event: dict[str, Any], bot_user_id: str | None) -> bool:
    """Never answer a bot, ourselves included: two bots answering each other never stop.

    bolt already drops our own events (by the ids auth.test gave it); this also
    drops other bots' messages and non-human message subtypes such as edits.
    """
    if event.get("type") not in ("message", "app_mention"):
        return False
    return (
        event.get("bot_id") is not None
        or event.get("subtype") not in HUMAN_SUBTYPES
        or (bot_user_id is not None and event.get("user") == bot_user_id)
    )
