"""`/facts`: answers privately (ephemeral), with a button to share the answer.

The question is written to the outbox before the ack (bot.services.outbox), so
once Slack has its 200 the answer is owed even if the process dies; the same
command delivered again (same trigger_id) is acked and not answered twice.
"""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.i18n import COMMAND
from bot.services.deps import Deps
from bot.services.outbox import accept_command, answer, pending_reply, request_store


def register(app: AsyncApp, deps: Deps) -> None:
    async def facts_command(
        ack: AsyncAck, command: dict[str, Any], client: AsyncWebClient, context: AsyncBoltContext
    ) -> None:
        # Recorded first, then the ack (in HTTP mode the edge recorded it before its ack).
        store = request_store(deps.store, context, workspaces=deps.workspaces)
        pending = pending_reply(context) or await accept_command(store, command)
        await ack()  # within Slack's 3 s; the answer follows through response_url
        if pending is not None:
            await answer(deps, client, pending)

    app.command(COMMAND)(facts_command)
