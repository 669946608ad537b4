"""From what someone wrote to what the bot replies, the same on every surface.

The slash command, mentions, DMs and the console all come through `reply_to`:
parse the `/facts` grammar, match, log the question, render. Handlers only
translate Slack payloads into a `Where`; `bot.services.outbox` records each
question before its ack and sends the resulting `Message`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from bot.core.browse import find_entity
from bot.core.factbase import Fact
from bot.core.grammar import Ask
from bot.core.records import LoggedQuestion, Where
from bot.core.text import text_language
from bot.core.usertext import clip_question
from bot.engine import Answer, Chatter, Match
from bot.render.answers import render_answer, render_chatter, render_usage
from bot.render.blocks import Message
from bot.render.browse import render_card
from bot.services.deps import Deps
from bot.services.subcommands import SUBCOMMANDS, Call, Registry, Usage

logger = logging.getLogger(__name__)


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
    registry: Registry = SUBCOMMANDS,
) -> Reply:
    """The reply to one message or `/facts` text (already plain text, not Slack wire text)."""
    command = registry.parse(text, deps.base, strict=strict)
    if isinstance(command, Ask) and not strict:
        # "BCIJ?" in a mention or a DM: the institution's card, not a guess at one fact.
        entity = find_entity(deps.base, command.question)
        if entity is not None and entity.kind in ("institution", "programme", "group"):
            language = await _language(deps, command.question, where)
            return Reply(render_card(deps.base, entity, language))
    if isinstance(command, Ask) and find_entity(deps.base, command.question) is None:
        meant = registry.meant(command.question)
        if meant is not None:  # "/facts topcis": a mistyped subcommand, not a question
            language = await _language(deps, command.question, where)
            return Reply(render_chatter(Chatter.COMMAND, language, meant))
    if isinstance(command, Ask):
        return await answer_question(
            deps,
            command.question,
            where,
            shareable=shareable,
            echo_question=echo_question,
            logged=logged,
        )
    if isinstance(command, Usage):
        return Reply(render_usage(command.subcommand.usage, command.problem, lang=command.lang))
    return Reply(await registry.reply(Call(deps, where, registry), command))


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
    if text_language(question) is None:  # no clue of its own: the workspace's language
        answer = replace(answer, language=(await deps.workspace(where)).language)
    if answer.chatter is not None:  # nothing asked of the fact base: help, not a fact, no log
        mistyped = answer.chatter in (Chatter.BARE_WORD, Chatter.COMMAND)
        meant = SUBCOMMANDS.meant(question) if mistyped else None
        return Reply(render_chatter(answer.chatter, answer.language, meant))
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


async def _language(deps: Deps, text: str, where: Where) -> str:
    """The language to reply in: the text's own, else the workspace's (English by default)."""
    return text_language(text) or (await deps.workspace(where)).language


async def _log(deps: Deps, answer: Answer, where: Where) -> int:
    answered = answer.answered and answer.best is not None
    lead = answer.best if answered else (answer.suggestions[0] if answer.suggestions else None)
    return await deps.store_for(where).record_question(
        question=answer.question,
        surface=where.surface,
        answered=answered,
        user_id=where.user_id,
        channel_id=where.channel_id,
        fact_id=lead.fact.id if lead else None,
        score=lead.score if lead else None,
        fact_ids=[m.fact.id for m in answer.facts] if answered else [],
        suggestion_ids=[m.fact.id for m in answer.suggestions],
        outbox_id=where.outbox_id,
    )


def _match(fact: Fact, score: float | None) -> Match:
    return Match(fact=fact, score=score or 0.0, coverage=1.0)


async def stored_answer(
    deps: Deps, question_id: int, where: Where
) -> tuple[LoggedQuestion, Answer] | None:
    """The answer given to a logged question of the workspace of `where`, rebuilt from the
    log (for "Share").

    Built from the fact ids that were shown, not by matching again, so what is
    shared is what the person saw even if the matcher changed since.
    """
    row = await deps.store_for(where).question(question_id)
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
        language=(await deps.workspace(where)).language,
    )
    return row, answer


async def answer_with_fact(
    deps: Deps, question_id: int, fact_id: str, where: Where
) -> Reply | None:
    """Someone picked one of the closest facts offered for an unanswered question."""
    fact = deps.base.fact(fact_id)
    if fact is None:
        return None
    row = await deps.store_for(where).question(question_id)
    question = row.question if row is not None else fact.title
    answer = Answer(
        question=question,
        answered=True,
        facts=(_match(fact, None),),
        suggestions=(),
        asks_for=None,
        language=(await deps.workspace(where)).language,
    )
    new_id = await _log(deps, answer, where)
    logger.info("suggestion_opened id=%d from=%d fact_id=%s", new_id, question_id, fact_id)
    return Reply(
        render_answer(answer, question_id=new_id, shareable=True, echo_question=True),
        new_id,
        fact.id,
    )
