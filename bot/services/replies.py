"""From what someone wrote to what the bot replies, the same on every surface.

The slash command, mentions, DMs and the console all come through `reply_to`:
parse the `/facts` grammar, match, log the question, render. Handlers only
translate Slack payloads into a `Where` and post the resulting `Message`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.core.browse import find_entity
from bot.services.subcommands import (
    About,
    Ask,
    DigestCommand,
    Help,
    ListTopic,
    Reload,
    ShowSource,
    ShowStats,
    Timeline,
    Topics,
    Usage,
    parse,
)
from bot.services.deps import Deps
from bot.core.factbase import Fact
from bot.matching import Answer, Match, detect_language
from bot.render.blocks import (
    Message,
    render_answer,
    render_digest_status,
    render_help,
    render_notice,
    render_source,
    render_topic_list,
    render_topics,
    render_usage,
)
from bot.render.browse import render_card, render_timeline
from bot.storage.sqlite import LoggedQuestion
from bot.core.text import escape_mrkdwn
from bot.core.usertext import clip_question, from_slack, strip_mentions

if TYPE_CHECKING:
    from slack_sdk.web.async_client import AsyncWebClient

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Where:
    """Who asked, where, and through which surface (it goes into the question log)."""

    surface: str  # "command" | "mention" | "dm" | "console" | "suggestion"
    user_id: str | None = None
    channel_id: str | None = None


@dataclass(frozen=True, slots=True)
class Reply:
    message: Message
    question_id: int | None = None  # set when the text was a question (answered or not)
    fact_id: str | None = None  # the fact it was answered with (None when unanswered)


async def reply_to(
    deps: Deps,
    text: str,
    where: Where,
    *,
    strict: bool,
    shareable: bool = False,
    echo_question: bool = False,
    logged: bool = True,
) -> Reply:
    """The reply to one message or `/facts` text (already plain text, not Slack wire text)."""
    command = parse(text, deps.base, strict=strict)
    if isinstance(command, Ask) and not strict:
        # "BCIJ?" in a mention or a DM: the institution's card, not a guess at one fact.
        entity = find_entity(deps.base, command.question)
        if entity is not None and entity.kind in ("institution", "programme", "group"):
            language = detect_language(command.question)
            return Reply(render_card(deps.base, entity, language))
    if isinstance(command, Ask):
        return await answer_question(
            deps,
            command.question,
            where,
            shareable=shareable,
            echo_question=echo_question,
            logged=logged,
        )
    if isinstance(command, Help):
        return Reply(render_help(lang=command.lang))
    if isinstance(command, Timeline):
        return Reply(render_timeline(deps.base, command.query, command.offset, command.lang))
    if isinstance(command, About):
        return Reply(
            render_card(deps.base, deps.base.entity_by_id[command.entity_id], command.lang)
        )
    if isinstance(command, Topics):
        return Reply(render_topics(deps.base))
    if isinstance(command, ListTopic):
        return Reply(render_topic_list(deps.base, command))
    if isinstance(command, ShowSource):
        fact = deps.base.fact(command.fact_id)
        assert fact is not None  # parse() checked it
        return Reply(render_source(fact))
    if isinstance(command, DigestCommand):
        return Reply(await digest_reply(deps, command, where))
    if isinstance(command, Reload | ShowStats):
        from bot.services.admin import admin_reply

        return Reply(await admin_reply(deps, command, where))
    assert isinstance(command, Usage)
    return Reply(render_usage(command.subcommand, command.problem, lang=command.lang))


async def digest_reply(deps: Deps, command: DigestCommand, where: Where) -> Message:
    """Subscribe, unsubscribe, inspect or preview the digest of the channel asked in."""
    from bot.core.digest import next_slot, parse_hhmm
    from bot.services.digest_runner import DEFAULT_TIME, DigestRunner

    channel = where.channel_id or "console"
    store, settings = deps.store, deps.settings
    if command.action == "on":
        sub = await store.digest_subscription(channel)
        at = command.at or (sub.post_at if sub else DEFAULT_TIME)
        await store.subscribe_digest(channel, at, where.user_id)
        logger.info("digest_subscribed channel=%s at=%s", channel, at)
        return render_notice(
            f"Daily digest on: every day at {at} ({escape_mrkdwn(settings.tz_name)}) in this "
            "conversation. `/facts digest preview` shows the next one."
        )
    if command.action == "off":
        stopped = await store.unsubscribe_digest(channel)
        return render_notice(
            "Daily digest off for this conversation."
            if stopped
            else "There was no digest running here."
        )
    if command.action == "lang":
        language = command.at or "en"
        if not await store.set_digest_option(channel, language=language):
            return render_notice("Start a digest first: `/facts digest on 09:00`.")
        return render_notice(
            "Le point quotidien sera en français."
            if language == "fr"
            else "The daily digest will be in English."
        )
    if command.action in ("curators-on", "curators-off"):
        if where.surface != "console" and not await deps.admins.allows(where):
            return render_notice(
                "Only factbot admins can turn curator notes on or off: they list other people's "
                "questions."
            )
        on = command.action == "curators-on"
        if not await store.set_digest_option(channel, curators=on):
            return render_notice("Start a digest first: `/facts digest on 09:00`.")
        return render_notice(
            "Curator notes on: each digest lists yesterday's unanswered questions and answers "
            "marked not helpful."
            if on
            else "Curator notes off."
        )
    runner = DigestRunner(deps.base, store, settings.tz, _no_post, clock=deps.clock)
    if command.action == "preview":
        return await runner.preview(channel)
    sub = await store.digest_subscription(channel)
    last = await store.last_digest_posted(channel)
    next_at = None
    if sub is not None and sub.active:
        post_at = parse_hhmm(sub.post_at)
        if post_at is not None:
            next_at = next_slot(deps.clock(), post_at, settings.tz).strftime("%Y-%m-%d %H:%M")
    return render_digest_status(sub, last, settings.tz_name, next_at)


async def _no_post(channel: str, message: Message) -> str | None:
    raise RuntimeError("previews never post")


async def answer_question(
    deps: Deps,
    question: str,
    where: Where,
    *,
    shareable: bool = False,
    echo_question: bool = False,
    logged: bool = True,
) -> Reply:
    """Match, log the question (answered or not, for the curators), render."""
    question, clipped = clip_question(question)
    answer = deps.matcher.ask(question)
    question_id = await _log(deps, answer, where)
    best = answer.best if answer.answered else None
    # DEBUG: the handler's one `request` line (bot.services.delivery) says answered and fact_id.
    if best is not None:
        logger.debug(
            "question_answered id=%d surface=%s fact_id=%s score=%.2f",
            question_id,
            where.surface,
            best.fact.id,
            best.score,
        )
    else:
        logger.debug(
            "question_unanswered id=%d surface=%s suggestions=%d",
            question_id,
            where.surface,
            len(answer.suggestions),
        )
    message = render_answer(
        answer,
        question_id=question_id,
        shareable=shareable,
        echo_question=echo_question,
        clipped=clipped,
        logged=logged,
    )
    return Reply(message, question_id, best.fact.id if best is not None else None)


async def _log(deps: Deps, answer: Answer, where: Where) -> int:
    answered = answer.answered and answer.best is not None
    lead = answer.best if answered else (answer.suggestions[0] if answer.suggestions else None)
    return await deps.store.record_question(
        question=answer.question,
        surface=where.surface,
        answered=answered,
        user_id=where.user_id,
        channel_id=where.channel_id,
        fact_id=lead.fact.id if lead else None,
        score=lead.score if lead else None,
        fact_ids=[m.fact.id for m in answer.facts] if answered else [],
        suggestion_ids=[m.fact.id for m in answer.suggestions],
    )


def _match(fact: Fact, score: float | None) -> Match:
    return Match(fact=fact, score=score or 0.0, coverage=1.0)


async def stored_answer(deps: Deps, question_id: int) -> tuple[LoggedQuestion, Answer] | None:
    """The answer given to a logged question, rebuilt from the log (for "Share").

    Built from the fact ids that were shown, not by matching again, so what is
    shared is what the person saw even if the matcher changed since.
    """
    row = await deps.store.question(question_id)
    if row is None or not row.answered:
        return None
    facts = [f for f in (deps.base.fact(i) for i in row.fact_ids) if f is not None]
    if not facts:
        return None
    matches = tuple(_match(f, row.score if i == 0 else None) for i, f in enumerate(facts))
    answer = Answer(
        question=row.question,
        answered=True,
        facts=matches,
        suggestions=(),
        asks_for=None,
        language="en",
    )
    return row, answer


async def answer_with_fact(
    deps: Deps, question_id: int, fact_id: str, where: Where
) -> Reply | None:
    """Someone picked one of the closest facts offered for an unanswered question."""
    fact = deps.base.fact(fact_id)
    if fact is None:
        return None
    row = await deps.store.question(question_id)
    question = row.question if row is not None else fact.title
    answer = Answer(
        question=question,
        answered=True,
        facts=(_match(fact, None),),
        suggestions=(),
        asks_for=None,
        language="en",
    )
    new_id = await _log(deps, answer, where)
    logger.info("suggestion_opened id=%d from=%d fact_id=%s", new_id, question_id, fact_id)
    return Reply(
        render_answer(answer, question_id=new_id, shareable=True, echo_question=True),
        new_id,
        fact.id,
    )


async def answer_in_conversation(
    deps: Deps,
    client: AsyncWebClient,
    where: Where,
    wire_text: str,
    *,
    bot_user_id: str | None,
    thread_ts: str | None,
) -> None:
    """A mention or a DM: read the Slack text, reply with chat.postMessage in `thread_ts`.

    Both conversational surfaces share this; they differ only in which thread they
    answer in, which the handler decides.
    """
    text = from_slack(strip_mentions(wire_text, bot_user_id))
    async with deps.delivery.handling(
        where.surface, user_id=where.user_id, channel_id=where.channel_id, text=text
    ) as handled:
        reply = await reply_to(deps, text, where, strict=False)
        handled.note(reply.question_id, reply.fact_id)
        await deps.delivery.send(
            handled,
            lambda: client.chat_postMessage(
                channel=where.channel_id or "",
                thread_ts=thread_ts,
                unfurl_links=False,
                unfurl_media=False,
                **reply.message.as_kwargs(),
            ),
            what="chat.postMessage",
        )
