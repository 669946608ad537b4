"""Proposing a fact: the form (views.open), its submission, Approve and Reject.

Three ways open the form: `/facts propose` (this module's slash-command listener
is registered before handlers.commands, so it sees that one subcommand first),
the message shortcut "Propose a fact" (`propose_fact` in manifest.yml, the
message's text pre-fills the question), and the "Propose a fact" button that
`/facts propose` shows where no form can open (a DM).

On submission the quote is checked verbatim against the archived source, as lint
checks a snippet; a bad quote is refused inside the form (`response_action:
errors`) with the reason. A valid proposal goes to FACTBOT_CURATORS_CHANNEL with
Approve / Reject. Approving (a curator, not the proposer) serves the fact at
once; rejecting asks why in a second form and tells the proposer.

Anyone in any workspace may propose. The curators' channel is in the curators'
workspace: the proposal is posted there, and its message updated once decided,
with that workspace's client, whichever workspace the proposer or the decider is
in; the proposer is told of the decision with their own workspace's client
(`bot.services.curation.curators_client`, `proposer_client`).
"""

from __future__ import annotations

import json
import logging
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.curation import Decision
from bot.core.i18n import COMMAND
from bot.core.usertext import from_slack
from bot.render.blocks import Message, render_notice
from bot.render.curation import (
    ACTION_APPROVE,
    ACTION_OPEN_PROPOSAL,
    ACTION_REJECT,
    SHORTCUT_PROPOSE,
    VIEW_PROPOSE,
    VIEW_REJECT,
    form_errors,
    read_proposal_form,
    read_reject_form,
    render_decided,
    render_decision,
    render_decision_for_proposer,
    render_proposal_form,
    render_proposal_post,
    render_proposal_received,
    render_reject_form,
)
from bot.services.curation import (
    approve,
    curators_client,
    may_reject,
    propose,
    proposer_client,
    reject,
)
from bot.services.deps import Deps

logger = logging.getLogger(__name__)

#: The `/facts` subcommand this module answers itself (English and French).
PROPOSE_WORDS = frozenset({"propose", "proposer"})


def _user(body: dict[str, Any]) -> str | None:
    user = body.get("user")
    if isinstance(user, dict) and isinstance(user.get("id"), str):
        return str(user["id"])
    user_id = body.get("user_id")  # slash commands
    return user_id if isinstance(user_id, str) else None


async def _is_propose(body: dict[str, Any]) -> bool:
    """`/facts propose` with nothing after it (anything else is the registry's)."""
    text = body.get("text")
    return isinstance(text, str) and text.strip().lower() in PROPOSE_WORDS


def _ephemeral(message: Message) -> dict[str, Any]:
    return {"response_type": "ephemeral", "replace_original": False, **message.as_kwargs()}


def register(app: AsyncApp, deps: Deps) -> None:
    delivery = deps.delivery
    settings = deps.settings

    async def open_form(
        client: AsyncWebClient, trigger_id: object, user: str | None, question: str, origin: str
    ) -> None:
        if not isinstance(trigger_id, str):
            return
        view = render_proposal_form(deps.base, question=question, origin=origin)
        async with delivery.handling("propose", action="open_form", user_id=user) as handled:
            await delivery.send(
                handled,
                lambda: client.views_open(trigger_id=trigger_id, view=view),
                what="views.open",
            )

    async def propose_command(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()  # the trigger lives 3 s: open the form at once
        await open_form(client, body.get("trigger_id"), _user(body), "", "command")

    async def propose_shortcut(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        message = body.get("message")
        text = message.get("text") if isinstance(message, dict) else None
        channel = body.get("channel")
        origin = json.dumps(
            {
                "channel": channel.get("id") if isinstance(channel, dict) else None,
                "ts": message.get("ts") if isinstance(message, dict) else None,
            }
        )
        question = from_slack(text) if isinstance(text, str) else ""
        await open_form(client, body.get("trigger_id"), _user(body), question, origin)

    async def propose_button(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        await open_form(client, body.get("trigger_id"), _user(body), "", "button")

    async def submitted(
        ack: AsyncAck,
        body: dict[str, Any],
        view: dict[str, Any],
        client: AsyncWebClient,
        context: AsyncBoltContext,
    ) -> None:
        """Check the quote (and the rest) before the form closes; a refusal stays in the form."""
        user = _user(body) or "unknown"
        where = deps.where(context, "action", user)
        values = view.get("state", {}).get("values", {})
        outcome = await propose(deps, read_proposal_form(values), where)
        if isinstance(outcome, dict):
            await ack(response_action="errors", errors=form_errors(outcome))
            return
        await ack()
        async with delivery.handling("propose", action="submitted", user_id=user) as handled:
            proposal = await deps.store.proposal(outcome)
            assert proposal is not None
            channel = settings.curators_channel
            curators = await curators_client(deps) if channel else None
            if channel and curators is not None:
                post = render_proposal_post(proposal, deps.base)
                sent = await delivery.send(
                    handled,
                    lambda: curators.chat_postMessage(
                        channel=channel, unfurl_links=False, **post.as_kwargs()
                    ),
                    what="chat.postMessage",
                )
                ts = sent.get("ts") if sent is not None else None
                if isinstance(ts, str):
                    await deps.store.note_proposal_message(proposal.id, channel, ts)
            elif channel:  # no curators' workspace, or it has no installation
                logger.warning("proposal_not_posted id=%d reason=no_curators_client", proposal.id)
            # The channel's link means something in the curators' workspace only.
            named = channel if where.team_id == deps.curators.home_team else None
            thanks = render_proposal_received(proposal.id, channel=named)
            await delivery.send(
                handled,
                lambda: client.chat_postMessage(channel=user, **thanks.as_kwargs()),
                what="chat.postMessage",
            )

    async def tell(decision: Decision, handled: Any) -> None:
        """After a decision: the curators' message says it (in the curators' workspace), and
        the proposer hears of it (in theirs), each with that workspace's client."""
        proposal = decision.proposal
        curators = await curators_client(deps)
        if proposal.channel_id and proposal.message_ts and curators is not None:
            decided = render_decided(proposal, deps.base)
            channel, ts = proposal.channel_id, proposal.message_ts
            await delivery.send(
                handled,
                lambda: curators.chat_update(channel=channel, ts=ts, **decided.as_kwargs()),
                what="chat.update",
                idempotent=True,
            )
        proposer = await proposer_client(deps, proposal)
        if proposer is None:  # the proposer's workspace uninstalled the app meanwhile
            logger.info("proposal_decision_untold id=%d reason=not_installed", proposal.id)
            return
        news = render_decision_for_proposer(proposal)
        await delivery.send(
            handled,
            lambda: proposer.chat_postMessage(channel=proposal.proposed_by, **news.as_kwargs()),
            what="chat.postMessage",
        )

    async def approve_clicked(
        ack: AsyncAck, body: dict[str, Any], action: dict[str, Any], context: AsyncBoltContext
    ) -> None:
        await ack()
        where = deps.where(context, "action", _user(body), _channel(body))
        value = str(action.get("value") or "")
        async with delivery.handling(
            "action", action=ACTION_APPROVE, user_id=where.user_id, channel_id=where.channel_id
        ) as handled:
            outcome = (
                await approve(deps, int(value), where)
                if value.isdigit()
                else render_decision_gone()
            )
            reply = outcome if isinstance(outcome, Message) else render_decision(outcome)
            await delivery.respond(handled, body.get("response_url"), _ephemeral(reply))
            if isinstance(outcome, Decision) and outcome.done:
                await tell(outcome, handled)

    async def reject_clicked(
        ack: AsyncAck,
        body: dict[str, Any],
        action: dict[str, Any],
        client: AsyncWebClient,
        context: AsyncBoltContext,
    ) -> None:
        await ack()
        where = deps.where(context, "action", _user(body), _channel(body))
        value = str(action.get("value") or "")
        async with delivery.handling(
            "action", action=ACTION_REJECT, user_id=where.user_id, channel_id=where.channel_id
        ) as handled:
            found = (
                await may_reject(deps, int(value), where)
                if value.isdigit()
                else render_decision_gone()
            )
            if isinstance(found, Message):
                await delivery.respond(handled, body.get("response_url"), _ephemeral(found))
                return
            form = render_reject_form(found)
            trigger = body.get("trigger_id")
            await delivery.send(
                handled,
                lambda: client.views_open(trigger_id=trigger, view=form),
                what="views.open",
            )

    async def reject_submitted(
        ack: AsyncAck,
        body: dict[str, Any],
        view: dict[str, Any],
        client: AsyncWebClient,
        context: AsyncBoltContext,
    ) -> None:
        reason = read_reject_form(view.get("state", {}).get("values", {}))
        if not reason:
            await ack(response_action="errors", errors={"reason": "Say why, for the proposer."})
            return
        await ack()
        where = deps.where(context, "action", _user(body))
        raw_id = str(view.get("private_metadata") or "")
        async with delivery.handling(
            "action", action="reject_submitted", user_id=where.user_id
        ) as handled:
            outcome = (
                await reject(deps, int(raw_id), reason, where)
                if raw_id.isdigit()
                else render_decision_gone()
            )
            if isinstance(outcome, Decision) and outcome.done:
                await tell(outcome, handled)
            elif where.user_id is not None:
                reply = outcome if isinstance(outcome, Message) else render_decision(outcome)
                user = where.user_id
                await delivery.send(
                    handled,
                    lambda: client.chat_postMessage(channel=user, **reply.as_kwargs()),
                    what="chat.postMessage",
                )

    app.command(COMMAND, matchers=[_is_propose])(propose_command)
    app.shortcut(SHORTCUT_PROPOSE)(propose_shortcut)
    app.action(ACTION_OPEN_PROPOSAL)(propose_button)
    app.view(VIEW_PROPOSE)(submitted)
    app.action(ACTION_APPROVE)(approve_clicked)
    app.action(ACTION_REJECT)(reject_clicked)
    app.view(VIEW_REJECT)(reject_submitted)


def _channel(body: dict[str, Any]) -> str | None:
    channel = body.get("channel")
    if isinstance(channel, dict) and isinstance(channel.get("id"), str):
        return str(channel["id"])
    return None


def render_decision_gone() -> Message:
    return render_notice("I can no longer find that proposal.")
