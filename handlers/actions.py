"""Buttons: share an ephemeral answer, vote on an answer, open a suggested fact.

Every button carries the id of a logged question in its value, so a click
needs nothing but the log to know which answer it is about.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.records import Vote
from bot.render.answers import render_answer, render_vote
from bot.render.blocks import (
    ACTION_HELPFUL,
    ACTION_NOT_HELPFUL,
    ACTION_SHARE,
    ACTION_SUGGESTION,
    ANSWER_GONE,
    CANNOT_POST_HERE,
    Message,
    render_notice,
)
from bot.services.deps import Deps
from bot.services.replies import answer_with_fact, stored_answer

logger = logging.getLogger(__name__)

#: chat.postMessage errors that mean "not allowed here", not "something broke".
CANNOT_POST_ERRORS = frozenset(
    {
        "not_in_channel",
        "channel_not_found",
        "is_archived",
        "restricted_action",
        "cant_post_in_channel",
        "no_permission",
    }
)


def _question_id(value: object) -> int | None:
    text = str(value or "").partition(":")[0]
    return int(text) if text.isascii() and text.isdigit() else None


def _channel(body: dict[str, Any]) -> str | None:
    channel = body.get("channel")
    if isinstance(channel, dict) and isinstance(channel.get("id"), str):
        return str(channel["id"])
    container = body.get("container")
    if isinstance(container, dict) and isinstance(container.get("channel_id"), str):
        return str(container["channel_id"])
    return None


def _user(body: dict[str, Any]) -> str | None:
    user = body.get("user")
    return str(user["id"]) if isinstance(user, dict) and isinstance(user.get("id"), str) else None


def _ephemeral(message: Message) -> dict[str, Any]:
    return {"response_type": "ephemeral", "replace_original": False, **message.as_kwargs()}


def register(app: AsyncApp, deps: Deps) -> None:
    delivery = deps.delivery

    async def share(
        ack: AsyncAck,
        body: dict[str, Any],
        action: dict[str, Any],
        client: AsyncWebClient,
        context: AsyncBoltContext,
    ) -> None:
        """Post the answer someone saw privately to the channel, in their name."""
        await ack()
        user, channel = _user(body), _channel(body)
        where = deps.where(context, "action", user, channel)
        question_id = _question_id(action.get("value"))
        response_url = body.get("response_url")
        async with delivery.handling(
            "action", action="share", user_id=user, channel_id=channel
        ) as handled:
            handled.question_id = question_id
            found = (
                await stored_answer(deps, question_id, where) if question_id is not None else None
            )
            if found is None or channel is None or user is None:
                await delivery.respond(
                    handled, response_url, _ephemeral(render_notice(ANSWER_GONE))
                )
                return
            row, answer = found
            handled.text = row.question
            message = render_answer(answer, question_id=question_id, shared_by=user)
            try:
                posted = await delivery.send(
                    handled,
                    lambda: client.chat_postMessage(
                        channel=channel,
                        unfurl_links=False,
                        unfurl_media=False,
                        **message.as_kwargs(),
                    ),
                    what="chat.postMessage",
                    expected=CANNOT_POST_ERRORS,
                )
            except SlackApiError as exc:
                error = exc.response.get("error")
                logger.info(
                    "share_refused question_id=%s channel=%s error=%s", question_id, channel, error
                )
                notice = render_notice(CANNOT_POST_HERE)
                await delivery.respond(handled, response_url, _ephemeral(notice))
                return
            if posted is None:
                return  # logged as failed or unconfirmed; the private answer stays
            logger.info("answer_shared question_id=%s channel=%s", question_id, channel)
            # Removing the private copy is idempotent: retrying it can do no harm.
            await delivery.respond(None, response_url, {"delete_original": True}, idempotent=True)

    async def feedback(
        ack: AsyncAck, body: dict[str, Any], action: dict[str, Any], context: AsyncBoltContext
    ) -> None:
        """One vote per person per answer (of the workspace's); the other button changes it."""
        await ack()
        helpful = action.get("action_id") == ACTION_HELPFUL
        question_id = _question_id(action.get("value"))
        user = _user(body)
        store = deps.store_for(deps.where(context, "action", user))
        async with delivery.handling(
            "action", action="feedback", user_id=user, channel_id=_channel(body)
        ) as handled:
            handled.question_id = question_id
            vote = (
                Vote.UNKNOWN_ANSWER
                if question_id is None or user is None
                else await store.record_feedback(question_id, user, helpful=helpful)
            )
            logger.info(
                "feedback question_id=%s helpful=%s vote=%s", question_id, helpful, vote.value
            )
            await delivery.respond(
                handled, body.get("response_url"), _ephemeral(render_vote(vote, helpful=helpful))
            )

    async def suggestion(
        ack: AsyncAck, body: dict[str, Any], action: dict[str, Any], context: AsyncBoltContext
    ) -> None:
        """Show a fact offered as "closest" when the bot could not answer."""
        await ack()
        question_id = _question_id(action.get("value"))
        fact_id = str(action.get("value") or "").partition(":")[2]
        user, channel = _user(body), _channel(body)
        async with delivery.handling(
            "action", action="suggestion", user_id=user, channel_id=channel
        ) as handled:
            reply = (
                await answer_with_fact(
                    deps, question_id, fact_id, deps.where(context, "suggestion", user, channel)
                )
                if question_id is not None
                else None
            )
            if reply is None:
                message = render_notice(ANSWER_GONE)
            else:
                handled.note(reply.question_id, reply.fact_id)
                message = reply.message
            await delivery.respond(handled, body.get("response_url"), _ephemeral(message))

    app.action(ACTION_SHARE)(share)
    app.action(ACTION_HELPFUL)(feedback)
    app.action(ACTION_NOT_HELPFUL)(feedback)
    app.action(ACTION_SUGGESTION)(suggestion)
