"""Direct messages to the bot: answered in the DM (in the thread, if one was used).

As for mentions, the question is written to the outbox before bolt acks the
event, and a redelivery of the same event_id goes no further. Bots, edits and
other subtypes were already dropped by the app's middleware.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from slack_bolt.async_app import AsyncApp, AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.services.deps import Deps
from bot.services.outbox import answer, pending_reply, record_before_ack


def _thread(event: Mapping[str, Any]) -> str | None:
    thread = event.get("thread_ts")
    return thread if isinstance(thread, str) else None


def _is_dm(event: Mapping[str, Any]) -> bool:
    return event.get("channel_type") == "im"


def register(app: AsyncApp, deps: Deps) -> None:
    async def direct_message(context: AsyncBoltContext, client: AsyncWebClient) -> None:
        pending = pending_reply(context)
        if pending is not None:
            await answer(deps, client, pending)

    recorded = record_before_ack(deps, "dm", thread=_thread, wanted=_is_dm)
    app.event("message", middleware=[recorded])(direct_message)
