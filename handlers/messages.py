"""Direct messages to the bot: answered in the DM (in the thread, if one was used)."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp, AsyncBoltContext, AsyncBoltRequest
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.records import Where
from bot.services.deps import Deps
from bot.services.events import first_delivery
from bot.services.replies import answer_in_conversation


def register(app: AsyncApp, deps: Deps) -> None:
    async def direct_message(
        event: dict[str, Any],
        body: dict[str, Any],
        request: AsyncBoltRequest,
        context: AsyncBoltContext,
        client: AsyncWebClient,
    ) -> None:
        # Bots, edits and other subtypes were already dropped by the app's middleware.
        if event.get("channel_type") != "im":
            return
        channel = event.get("channel")
        if not isinstance(channel, str):
            return
        if not await first_delivery(deps, body, request):
            return  # Slack delivered it again; it was answered (or is being)
        user = event.get("user") if isinstance(event.get("user"), str) else None
        await answer_in_conversation(
            deps,
            client,
            Where("dm", user, channel),
            str(event.get("text") or ""),
            bot_user_id=context.bot_user_id,
            thread_ts=event.get("thread_ts"),
        )

    app.event("message")(direct_message)
