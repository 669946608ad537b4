"""The review's buttons: teach a question to a fact, close it, skip it, "Still true".

`/facts review` itself is a registry subcommand (bot.services.subcommands); the
buttons it shows come here. Each click answers in place of the message clicked:
what was done, then the review as it stands now. The Home tab's "Open the
review" sends the review to the curator's DM with the bot.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.curation import Teach
from bot.core.records import Where
from bot.render.blocks import ANSWER_GONE, Message, render_notice
from bot.render.curation import (
    ACTION_GAP,
    ACTION_KEEP_ANYWAY,
    ACTION_OPEN_REVIEW,
    ACTION_SKIP,
    ACTION_STILL_TRUE,
    ACTION_TEACH,
    parse_ids,
    parse_keep_anyway,
    render_review,
    render_teach,
)
from bot.services.curation import (
    curation_refusal,
    mark_questions,
    review_queue,
    still_true,
    teach,
)
from bot.services.deps import Deps

logger = logging.getLogger(__name__)


def _where(deps: Deps, body: dict[str, Any], context: AsyncBoltContext) -> Where:
    user = body.get("user")
    channel = body.get("channel")
    return deps.where(
        context,
        "action",
        str(user["id"]) if isinstance(user, dict) and isinstance(user.get("id"), str) else None,
        str(channel["id"]) if isinstance(channel, dict) and "id" in channel else None,
    )


def register(app: AsyncApp, deps: Deps) -> None:
    delivery = deps.delivery

    async def replace_with(body: dict[str, Any], message: Message) -> None:
        """The clicked message becomes `message` (ephemeral or not, response_url knows)."""
        payload = {"replace_original": True, **message.as_kwargs()}
        await delivery.respond(None, body.get("response_url"), payload)

    async def with_review(notice: Message) -> Message:
        return render_review(await review_queue(deps), notice=notice)

    async def curator_action(
        ack: AsyncAck, body: dict[str, Any], action: dict[str, Any], context: AsyncBoltContext
    ) -> None:
        """Every review button: only curators; the work, then the review as it is now."""
        await ack()
        where = _where(deps, body, context)
        action_id = str(action.get("action_id") or "")
        async with delivery.handling(
            "action", action=action_id, user_id=where.user_id, channel_id=where.channel_id
        ):
            refused = await curation_refusal(deps, "review", where)
            if refused is not None:
                payload = {"response_type": "ephemeral", "replace_original": False}
                await delivery.respond(
                    None, body.get("response_url"), {**payload, **refused.as_kwargs()}
                )
                return
            await replace_with(body, await _carry_out(action_id, action.get("value"), where))

    async def _carry_out(action_id: str, value: object, where: Where) -> Message:
        if ACTION_TEACH.match(action_id):
            question_id, _, fact_id = str(value or "").partition(":")
            question = (
                await deps.store.review_question(int(question_id))
                if question_id.isdigit()
                else None
            )
            if question is None:
                return await with_review(render_notice(ANSWER_GONE))
            result = await teach(deps, Teach(fact_id, question), where)
            notice = render_notice(result) if isinstance(result, str) else render_teach(result)
            return await with_review(notice)
        if action_id == ACTION_KEEP_ANYWAY:
            parsed = parse_keep_anyway(value)
            if parsed is None:
                return render_notice(ANSWER_GONE)
            result = await teach(deps, Teach(parsed[0], parsed[1], anyway=True), where)
            return render_notice(result) if isinstance(result, str) else render_teach(result)
        if action_id in (ACTION_GAP, ACTION_SKIP):
            verdict = "gap" if action_id == ACTION_GAP else "skip"
            marked = await mark_questions(deps, parse_ids(value), verdict, where)
            said = (
                "Marked as not in the sources (counted in `/facts stats`)"
                if verdict == "gap"
                else "Skipped until someone asks again"
            )
            return await with_review(render_notice(f"{said}: {len(marked)} question(s)."))
        fact = await still_true(deps, str(value or ""), where)
        if fact is None:
            return await with_review(render_notice("That fact is no longer in the fact base."))
        return await with_review(
            render_notice(f"Stamped `{fact.id}` as still true today. Thank you!")
        )

    async def open_review(
        ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, context: AsyncBoltContext
    ) -> None:
        """The Home tab's button: the review, in the curator's DM with the bot."""
        await ack()
        where = _where(deps, body, context)
        user = where.user_id
        if user is None:
            return
        async with delivery.handling("action", action=ACTION_OPEN_REVIEW, user_id=user) as handled:
            message = await curation_refusal(deps, "review", where) or render_review(
                await review_queue(deps)
            )
            await delivery.send(
                handled,
                lambda: client.chat_postMessage(channel=user, **message.as_kwargs()),
                what="chat.postMessage",
            )

    for action_id in (ACTION_TEACH, ACTION_KEEP_ANYWAY, ACTION_GAP, ACTION_SKIP, ACTION_STILL_TRUE):
        app.action(action_id)(curator_action)
    app.action(ACTION_OPEN_REVIEW)(open_review)
