"""Direct messages to the bot: answered in the DM (in the thread, if one was used)."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp, AsyncBoltContext, AsyncBoltRequest
from slack_sdk.web.async_client import AsyncWebClient

from bot.app import first_delivery
from bot.deps import Deps
from bot.replies import Where, reply_to
from bot.usertext import from_slack, strip_mentions


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
        text = from_slack(strip_mentions(str(event.get("text") or ""), context.bot_user_id))
        async with deps.delivery.handling(
            "dm", user_id=user, channel_id=channel, text=text
        ) as handled:
            reply = await reply_to(deps, text, Where("dm", user, channel), strict=False)
            handled.note(reply.question_id, reply.fact_id)
            await deps.delivery.send(
                handled,
                lambda: client.chat_postMessage(
                    channel=channel,
                    thread_ts=event.get("thread_ts"),
                    unfurl_links=False,
                    unfurl_media=False,
                    **reply.message.as_kwargs(),
                ),
                what="chat.postMessage",
            )

    app.event("message")(direct_message)
