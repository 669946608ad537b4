"""`@factbot <question>` in a channel: the answer goes into the thread.

The question is written to the outbox before bolt acks the event (a listener
middleware, bot.services.outbox); a redelivery of the same event_id is acked
there and goes no further.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from slack_bolt.async_app import AsyncApp, AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.services.deps import Deps
from bot.services.outbox import answer, pending_reply, record_before_ack


def _thread(event: Mapping[str, Any]) -> str | None:
    """Inside a thread: answer there. A top-level mention starts a thread under itself."""
    thread = event.get("thread_ts") or event.get("ts")
    return thread if isinstance(thread, str) else None


def _has_ts(event: Mapping[str, Any]) -> bool:
    return isinstance(event.get("ts"), str)


def register(app: AsyncApp, deps: Deps) -> None:
    async def app_mention(context: AsyncBoltContext, client: AsyncWebClient) -> None:
        pending = pending_reply(context)
        if pending is not None:
            await answer(deps, client, pending)

    recorded = record_before_ack(deps, "mention", thread=_thread, wanted=_has_ts)
    app.event("app_mention", middleware=[recorded])(app_mention)
