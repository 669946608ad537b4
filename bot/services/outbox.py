"""Nothing acknowledged is lost: every question is written down before Slack gets its ack.

The path of a question (slash command, mention, DM):

1. `accept_command` / `accept_event`, before the ack, write an outbox row: the
   question, where its reply goes (the response_url, or the channel and thread)
   and a claim by this process. The row goes in with the group commit of
   `bot.storage`, so fifty questions arriving together cost one write. A request
   whose key was seen before (the same `trigger_id`, the same `event_id`) gets
   None: it is acked and not answered a second time.
2. The ack goes out. From now on the reply is owed, whatever happens to the process.
3. `answer` works out the reply and sends it. Before each attempt it checks that
   the claim is still this process's (renewing it if half the lease has gone), so
   a reply another process took over is never sent by both. Once Slack confirms
   it, the row is marked sent (group-committed as well); a reply Slack refused or
   may not have taken is recorded with the reason.
4. `keep_answering`, running in the serving process from start-up, takes over rows
   nobody is sending: those of a process that died (its lock file is free:
   `bot.storage.workers`) at once, any other after the claim's lease. It claims
   them in one atomic statement, so two processes never both send one, and
   answers them again from the question. A row older than REPLY_DEADLINE (the
   response_url lives 30 minutes) is recorded as expired instead.

The one reply that can arrive twice is one Slack received in the instant before
the process died, before its row was marked sent: docs/reliability.md bounds it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from slack_bolt.async_app import AsyncBoltContext, AsyncBoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.records import PendingReply, Where, workspace_of
from bot.core.usertext import from_slack, strip_mentions
from bot.services.delivery import ClientFor, Handled, one_client
from bot.services.deps import Deps
from bot.services.events import HUMAN_SUBTYPES
from bot.services.replies import reply_to
from bot.storage.store import RECOVERY_BATCH, Store

logger = logging.getLogger(__name__)

#: Seconds between two looks for replies nobody is sending, in the serving process.
RECOVERY_EVERY = 5.0
#: Replies answered at once by recovery (after a crash there may be hundreds).
RECOVERY_CONCURRENCY = 20
#: Where the event middleware leaves the accepted question for its listener.
PENDING = "factbot_pending_reply"

EventMiddleware = Callable[..., Awaitable[BoltResponse | None]]


def _key(kind: str, value: object) -> str:
    """The key that makes a request answered once; a fresh one if Slack sent none."""
    if isinstance(value, str) and value:
        return f"{kind}:{value}"
    return f"none:{uuid.uuid4().hex}"


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def request_store(store: Store, context: Mapping[str, Any], *, workspaces: bool) -> Store:
    """The store as the workspace of a request sees it (bolt's context names the team, or
    only the org in an Enterprise Grid org-wide install); '' when the bot serves one."""
    if not workspaces:
        return store
    return store.for_team(*workspace_of(context.get("team_id"), context.get("enterprise_id")))


async def accept_command(store: Store, command: Mapping[str, Any]) -> PendingReply | None:
    """Record a `/facts` before its ack; None when its trigger_id was answered already.

    `store` is the asking workspace's (`request_store`): the team goes on the row.
    """
    raw = command.get("text")
    pending = await store.accept_reply(
        surface="command",
        request_key=_key("trigger", command.get("trigger_id")),
        text=from_slack(raw if isinstance(raw, str) else ""),
        user_id=_text(command.get("user_id")),
        channel_id=_text(command.get("channel_id")),
        response_url=_text(command.get("response_url")),
    )
    if pending is None:
        logger.info(
            "request_duplicate surface=command trigger_id=%s user=%s",
            command.get("trigger_id"),
            command.get("user_id"),
        )
    return pending


async def accept_event(
    store: Store,
    body: Mapping[str, Any],
    *,
    surface: str,
    text: str,
    channel_id: str,
    user_id: str | None,
    thread_ts: str | None,
    retry_num: str = "0",
) -> PendingReply | None:
    """Record a mention or a DM before its ack; None when its event_id was seen already.

    Slack redelivers an event (same event_id) when unsure we got it. Retries are
    not dropped by their retry number: an event first delivered while we were down
    only ever arrives as a retry.
    """
    event_id = body.get("event_id")
    pending = await store.accept_reply(
        surface=surface,
        request_key=_key("event", event_id),
        text=text,
        user_id=user_id,
        channel_id=channel_id,
        thread_ts=thread_ts,
    )
    if pending is None:
        logger.info("event_duplicate event_id=%s retry_num=%s", event_id, retry_num)
    return pending


async def admit(
    store: Store, request: AsyncBoltRequest, kind: str, *, workspaces: bool = False
) -> bool:
    """Record a question before the HTTP edge acks it; False when it was seen before.

    In HTTP mode the edge acks before bolt runs any listener, so the outbox row is
    written here, first, through the edge's own connection to the database (`store`),
    so that no answer work on the bot's loop can delay the ack; the command listener
    and the event middleware then find it in the request's context (`pending_reply`)
    instead of writing it again.
    """
    body = request.body
    store = request_store(store, request.context, workspaces=workspaces)
    if kind == "command":
        pending = await accept_command(store, body)
    elif kind == "event":
        event = body.get("event")
        if not isinstance(event, dict):
            return True
        question = _event_question(event)
        if question is None:
            return True  # not a question (a home tab, a bot's message): nothing owed
        surface, channel, thread = question
        user = event.get("user")
        pending = await accept_event(
            store,
            body,
            surface=surface,
            text=from_slack(strip_mentions(str(event.get("text") or ""), None)),
            channel_id=channel,
            user_id=user if isinstance(user, str) else None,
            thread_ts=thread,
            retry_num=request.headers.get("x-slack-retry-num", ["0"])[0],
        )
    else:
        return True  # a click: answered by its listener, nothing owed before the ack
    if pending is None:
        return False
    request.context[PENDING] = pending
    return True


def _event_question(event: Mapping[str, Any]) -> tuple[str, str, str | None] | None:
    """(surface, channel, thread) of an event that asks a question, else None.

    The same rules as the handlers: a mention is answered in its thread, or in a new
    thread under itself; a direct message from a person in its thread, if any.
    """
    channel, ts = event.get("channel"), event.get("ts")
    if not isinstance(channel, str) or not isinstance(ts, str):
        return None
    thread = event.get("thread_ts")
    if event.get("type") == "app_mention":
        return "mention", channel, thread if isinstance(thread, str) else ts
    human = event.get("bot_id") is None and event.get("subtype") in HUMAN_SUBTYPES
    if event.get("type") == "message" and event.get("channel_type") == "im" and human:
        return "dm", channel, thread if isinstance(thread, str) else None
    return None


def record_before_ack(
    deps: Deps,
    surface: str,
    *,
    thread: Callable[[Mapping[str, Any]], str | None],
    wanted: Callable[[Mapping[str, Any]], bool] = lambda event: True,
) -> EventMiddleware:
    """A bolt listener middleware: accept the event's question before bolt acks the event.

    Listener middleware runs before bolt's automatic ack of an event, so the ack waits
    for the outbox row. A redelivery is acked here and reaches no listener; the
    listener finds the accepted question with `pending_reply(context)`. Events that
    are not questions (`wanted` says no, or no channel) pass through untouched.
    """

    async def middleware(
        body: dict[str, Any],
        context: AsyncBoltContext,
        request: AsyncBoltRequest,
        next: Callable[[], Awaitable[None]],
    ) -> BoltResponse | None:
        if pending_reply(context) is not None:  # the HTTP edge recorded it before its ack
            await next()
            return None
        event = body.get("event")
        channel = event.get("channel") if isinstance(event, dict) else None
        if not isinstance(event, dict) or not isinstance(channel, str) or not wanted(event):
            await next()  # nothing to answer: the listener ignores it
            return None
        user = event.get("user")
        pending = await accept_event(
            request_store(deps.store, context, workspaces=deps.workspaces),
            body,
            surface=surface,
            text=from_slack(strip_mentions(str(event.get("text") or ""), context.bot_user_id)),
            channel_id=channel,
            user_id=user if isinstance(user, str) else None,
            thread_ts=thread(event),
            retry_num=request.headers.get("x-slack-retry-num", ["0"])[0],
        )
        if pending is None:
            return BoltResponse(status=200, body="")  # delivered again: answered (or being)
        context[PENDING] = pending
        await next()
        return None

    return middleware


def pending_reply(context: AsyncBoltContext) -> PendingReply | None:
    """The question `record_before_ack` accepted for this event, if any."""
    pending = context.get(PENDING)
    return pending if isinstance(pending, PendingReply) else None


async def answer(
    deps: Deps, client: AsyncWebClient, pending: PendingReply, *, recovered: bool = False
) -> None:
    """Work out the reply to an accepted question, send it while the claim is ours, record it."""
    surface = pending.surface
    where = Where(
        surface,
        pending.user_id,
        pending.channel_id,
        outbox_id=pending.id,
        team_id=pending.team_id,
        enterprise_id=pending.enterprise_id,
    )
    async with deps.delivery.handling(
        surface, user_id=pending.user_id, channel_id=pending.channel_id, text=pending.text
    ) as handled:
        try:
            if recovered:  # an earlier attempt may have logged the question: log it once
                await deps.store.forget_question_of_reply(pending.id)
            if surface == "command":
                reply = await reply_to(
                    deps, pending.text, where, strict=True, shareable=True, echo_question=True
                )
            else:
                reply = await reply_to(deps, pending.text, where, strict=False)
        except Exception as exc:
            await deps.store.finish_reply(pending.id, "failed", type(exc).__name__)
            raise
        handled.note(reply.question_id, reply.fact_id)
        try:
            await _send(deps, client, pending, reply.message.as_kwargs(), handled)
        except asyncio.CancelledError:  # shutdown ran out of time for it
            if handled.in_flight:  # it may have reached Slack: never sent again
                await deps.store.finish_reply(pending.id, "unconfirmed", "abandoned_in_flight")
            raise  # otherwise it stays owed: the next start sends it
        await _record(deps, pending, handled)


async def _send(
    deps: Deps,
    client: AsyncWebClient,
    pending: PendingReply,
    message: dict[str, Any],
    handled: Handled,
) -> None:
    """Send the reply where it goes, each attempt only while the claim is still ours."""
    claim = pending

    async def still_ours() -> bool:
        nonlocal claim
        kept = await deps.store.keep_claim(claim)
        if kept is None:
            return False
        claim = kept
        return True

    if pending.surface == "command":
        await deps.delivery.respond(
            handled,
            pending.response_url,
            {"response_type": "ephemeral", **message},
            guard=still_ours,
        )
    else:
        await deps.delivery.send(
            handled,
            lambda: client.chat_postMessage(
                channel=pending.channel_id or "",
                thread_ts=pending.thread_ts,
                unfurl_links=False,
                unfurl_media=False,
                **message,
            ),
            what="chat.postMessage",
            guard=still_ours,
        )


async def _record(deps: Deps, pending: PendingReply, handled: Handled) -> None:
    """Write down what became of the reply (a reply taken over is the new holder's to record)."""
    if handled.delivery == "sent":
        await deps.store.finish_reply(pending.id, "sent")
    elif handled.delivery in ("failed", "unconfirmed"):
        await deps.store.finish_reply(pending.id, handled.delivery, handled.reason)


@dataclass(frozen=True, slots=True)
class Recovered:
    """One recovery pass: replies claimed (and answered), expired, given up."""

    claimed: int
    expired: int
    given_up: int


async def recover(deps: Deps, client: AsyncWebClient | ClientFor) -> Recovered:
    """Answer one batch of replies nobody is sending; record those too late to send.

    `client` sends them: the app's client (one workspace), or a function giving each
    workspace's own (several workspaces); a reply owed in a workspace that has no
    installation any more is recorded as failed.
    """
    client_for = one_client(client) if isinstance(client, AsyncWebClient) else client
    claimed, expired, given_up = await deps.store.claim_unsent_replies()
    if expired or given_up:
        logger.warning("replies_not_sent expired=%d gave_up=%d", expired, given_up)
    if not claimed:
        return Recovered(0, expired, given_up)
    logger.info("replies_recovering count=%d", len(claimed))
    gate = asyncio.Semaphore(RECOVERY_CONCURRENCY)

    async def one(pending: PendingReply) -> None:
        async with gate:
            age = (deps.clock() - pending.received_at).total_seconds()
            logger.info(
                "reply_recovered id=%d surface=%s age_s=%.1f claims=%d",
                pending.id,
                pending.surface,
                age,
                pending.attempts,
            )
            try:
                team_client = await client_for(pending.team_id, pending.enterprise_id)
                if team_client is None:
                    await deps.store.finish_reply(pending.id, "failed", "not_installed")
                    return
                await answer(deps, team_client, pending, recovered=True)
            except Exception:  # recorded as failed by answer(); the others go on
                logger.exception("reply_recovery_failed id=%d", pending.id)

    await asyncio.gather(*(one(p) for p in claimed))
    return Recovered(len(claimed), expired, given_up)


async def keep_answering(
    deps: Deps, client: AsyncWebClient | ClientFor, stop: asyncio.Event
) -> None:
    """From start-up until `stop`: answer what a dead or stuck process left unanswered."""
    while not stop.is_set():
        try:
            while not stop.is_set():
                done = await recover(deps, client)
                if done.claimed < RECOVERY_BATCH:
                    break
        except Exception:
            logger.exception("outbox_recovery_error")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=RECOVERY_EVERY)
