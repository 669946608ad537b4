"""`@factbot <question>` in a channel: the answer goes into the thread."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp, AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.deps import Deps
from bot.replies import Where, reply_to
from bot.usertext import from_slack, strip_mentions


def register(app: AsyncApp, deps: Deps) -> None:
    async def app_mention(
        event: dict[str, Any], context: AsyncBoltContext, client: AsyncWebClient
    ) -> None:
        channel, ts = event.get("channel"), event.get("ts")
        if not isinstance(channel, str) or not isinstance(ts, str):
            return
        text = from_slack(strip_mentions(str(event.get("text") or ""), context.bot_user_id))
        reply = await reply_to(
            deps, text, Where("mention", event.get("user"), channel), strict=False
        )
        # Inside a thread: answer there. A top-level mention starts a thread under itself.
        await client.chat_postMessage(
            channel=channel,
            thread_ts=event.get("thread_ts") or ts,
            unfurl_links=False,
            unfurl_media=False,
            **reply.message.as_kwargs(),
        )

    app.event("app_mention")(app_mention)
