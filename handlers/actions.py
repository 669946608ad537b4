"""Buttons: share an ephemeral answer, vote on an answer, open a suggested fact.

Every button carries the id of a logged question in its value, so a click
needs nothing but the log to know which answer it is about.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.deps import Deps
from bot.render import (
    ACTION_HELPFUL,
    ACTION_NOT_HELPFUL,
    ACTION_SHARE,
    ACTION_SUGGESTION,
    ANSWER_GONE,
    CANNOT_POST_HERE,
    render_answer,
    render_notice,
    render_vote,
)
from bot.replies import Where, answer_with_fact, stored_answer
from bot.storage import Vote

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


def register(app: AsyncApp, deps: Deps) -> None:
    async def share(
        ack: AsyncAck,
        body: dict[str, Any],
        action: dict[str, Any],
        respond: AsyncRespond,
        client: AsyncWebClient,
    ) -> None:
        """Post the answer someone saw privately to the channel, in their name."""
        await ack()
        user = body["user"]["id"]
        question_id, channel = _question_id(action.get("value")), _channel(body)
        found = await stored_answer(deps, question_id) if question_id is not None else None
        if found is None or channel is None:
            await respond(text=ANSWER_GONE, response_type="ephemeral", replace_original=False)
            return
        _, answer = found
        message = render_answer(answer, question_id=question_id, shared_by=user)
        try:
            await client.chat_postMessage(
                channel=channel, unfurl_links=False, unfurl_media=False, **message.as_kwargs()
            )
        except SlackApiError as exc:
            error = exc.response.get("error")
            if error not in CANNOT_POST_ERRORS:
                raise
            logger.info(
                "share_refused question_id=%s channel=%s error=%s", question_id, channel, error
            )
            notice = render_notice(CANNOT_POST_HERE)
            await respond(response_type="ephemeral", replace_original=False, **notice.as_kwargs())
            return
        logger.info("answer_shared question_id=%s channel=%s", question_id, channel)
        await respond(delete_original=True)

    async def feedback(
        ack: AsyncAck, body: dict[str, Any], action: dict[str, Any], respond: AsyncRespond
    ) -> None:
        """One vote per person per answer; clicking the other button changes it."""
        await ack()
        helpful = action.get("action_id") == ACTION_HELPFUL
        question_id = _question_id(action.get("value"))
        user = body["user"]["id"]
        vote = (
            Vote.UNKNOWN_ANSWER
            if question_id is None
            else await deps.store.record_feedback(question_id, user, helpful=helpful)
        )
        logger.info("feedback question_id=%s helpful=%s vote=%s", question_id, helpful, vote.value)
        await respond(
            response_type="ephemeral",
            replace_original=False,
            **render_vote(vote, helpful=helpful).as_kwargs(),
        )

    async def suggestion(
        ack: AsyncAck, body: dict[str, Any], action: dict[str, Any], respond: AsyncRespond
    ) -> None:
        """Show a fact offered as "closest" when the bot could not answer."""
        await ack()
        question_id = _question_id(action.get("value"))
        fact_id = str(action.get("value") or "").partition(":")[2]
        where = Where("suggestion", body["user"]["id"], _channel(body))
        reply = (
            await answer_with_fact(deps, question_id, fact_id, where)
            if question_id is not None
            else None
        )
        if reply is None:
            await respond(text=ANSWER_GONE, response_type="ephemeral", replace_original=False)
            return
        await respond(
            response_type="ephemeral", replace_original=False, **reply.message.as_kwargs()
        )

    app.action(ACTION_SHARE)(share)
    app.action(ACTION_HELPFUL)(feedback)
    app.action(ACTION_NOT_HELPFUL)(feedback)
    app.action(ACTION_SUGGESTION)(suggestion)
