"""`/facts`: answers privately (ephemeral), with a button to share the answer."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp

from bot.core.i18n import COMMAND
from bot.core.records import Where
from bot.core.usertext import from_slack
from bot.services.deps import Deps
from bot.services.replies import reply_to


def register(app: AsyncApp, deps: Deps) -> None:
    async def facts_command(ack: AsyncAck, command: dict[str, Any]) -> None:
        await ack()  # within Slack's 3 s; the answer follows through response_url
        raw = command.get("text")
        text = from_slack(raw if isinstance(raw, str) else "")
        user, channel = command.get("user_id"), command.get("channel_id")
        async with deps.delivery.handling(
            "command", user_id=user, channel_id=channel, text=text
        ) as handled:
            reply = await reply_to(
                deps,
                text,
                Where("command", user, channel),
                strict=True,
                shareable=True,
                echo_question=True,
            )
            handled.note(reply.question_id, reply.fact_id)
            await deps.delivery.respond(
                handled,
                command.get("response_url"),
                {"response_type": "ephemeral", **reply.message.as_kwargs()},
            )

    app.command(COMMAND)(facts_command)
