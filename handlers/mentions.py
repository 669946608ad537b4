"""`@factbot <question>` in a channel: the answer goes into the thread."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp, AsyncBoltContext, AsyncBoltRequest
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.records import Where
from bot.services.deps import Deps
from bot.services.events import first_delivery
from bot.services.replies import answer_in_conversation


def register(app: AsyncApp, deps: Deps) -> None:
    async def app_mention(
        event: dict[str, Any],
        body: dict[str, Any],
        request: AsyncBoltRequest,
        context: AsyncBoltContext,
        client: AsyncWebClient,
    ) -> None:
        channel, ts = event.get("channel"), event.get("ts")
        if not isinstance(channel, str) or not isinstance(ts, str):
            return
        if not await first_delivery(deps, body, request):
            return  # Slack delivered it again; it was answered (or is being)
        user = event.get("user") if isinstance(event.get("user"), str) else None
        # Inside a thread: answer there. A top-level mention starts a thread under itself.
        await answer_in_conversation(
            deps,
            client,
            Where("mention", user, channel),
            str(event.get("text") or ""),
            bot_user_id=context.bot_user_id,
            thread_ts=event.get("thread_ts") or ts,
        )

    app.event("app_mention")(app_mention)
