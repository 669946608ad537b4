"""`/facts`: answers privately (ephemeral), with a button to share the answer."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncRespond

from bot.commands import COMMAND
from bot.deps import Deps
from bot.replies import Where, reply_to
from bot.usertext import from_slack


def register(app: AsyncApp, deps: Deps) -> None:
    async def facts_command(ack: AsyncAck, command: dict[str, Any], respond: AsyncRespond) -> None:
        await ack()  # within Slack's 3 s; the answer follows through response_url
        where = Where("command", command.get("user_id"), command.get("channel_id"))
        reply = await reply_to(
            deps,
            from_slack(command.get("text") or ""),
            where,
            strict=True,
            shareable=True,
            echo_question=True,
        )
        await respond(response_type="ephemeral", **reply.message.as_kwargs())

    app.command(COMMAND)(facts_command)
