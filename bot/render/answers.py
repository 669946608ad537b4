"""Answers, abstentions, help, topics, sources and the App Home, as Block Kit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.core.factbase import Fact, FactBase
from bot.core.i18n import COMMAND, EXAMPLE_QUESTIONS, EXAMPLE_QUESTIONS_FR, tr, undated_label
from bot.core.records import Vote
from bot.core.text import escape_mrkdwn
from bot.engine import Answer, Match
from bot.engine.conversation import Chatter
from bot.render.blocks import (
    ACTION_HELPFUL,
    ACTION_NOT_HELPFUL,
    ACTION_SHARE,
    ACTION_SUGGESTION_PREFIX,
    FALLBACK_TEXT_MAX,
    FIELD_TEXT_MAX,
    HOME_BLOCKS_MAX,
    MESSAGE_BLOCKS_MAX,
    QUESTION_ECHO_MAX,
    SECTION_FIELDS_MAX,
    SECTION_TEXT_MAX,
    SOURCE_URL_MAX,
    SUGGESTIONS_MAX,
    Block,
    Message,
    answer_line,
    button,
    context,
    fallback,
    fit,
    header,
    mrkdwn,
    mrkdwn_clip_line,
    quote,
    section,
    sections,
    slack_len,
    source_context,
)
from bot.render.plain import format_date, source_line

# ------------------------------------------------------------------ answers


def render_answer(
    answer: Answer,
    *,
    question_id: int | None,
    shareable: bool = False,
    shared_by: str | None = None,
    echo_question: bool = False,
    clipped: bool = False,
    logged: bool = True,
) -> Message:
    """An answer (or an abstention) as a message.

    `shareable` adds "Share in channel" (the answer is ephemeral); `shared_by` says
    who shared it; `question_id` is the logged question the buttons refer to.
    """
    if not answer.answered or answer.best is None:
        return render_abstention(answer, question_id=question_id, clipped=clipped, logged=logged)
    fact = answer.best.fact
    lang = answer.language
    line = answer_line(fact, lang)
    blocks: list[Block] = []
    asked = mrkdwn(answer.question, QUESTION_ECHO_MAX)
    if shared_by is not None:
        blocks.append(context(f"<@{escape_mrkdwn(shared_by)}> shared an answer to: {asked}"))
    elif echo_question:
        blocks.append(context(tr("you_asked", lang, question=asked)))
    blocks.append(section(mrkdwn(line, SECTION_TEXT_MAX)))
    if lang == "fr":
        # The quote stays in its original language, and says so.
        blocks.append(context(f"_{tr('original_quote', lang)}_"))
    blocks.append(section(quote(fact.snippet, SECTION_TEXT_MAX)))
    blocks.append(context(source_context(fact, lang), f"fact `{escape_mrkdwn(fact.id)}`"))
    others = answer.facts[1:]
    if others:
        see_also = "; ".join(
            f"{mrkdwn(m.fact.title, 200)} (`{escape_mrkdwn(m.fact.id)}`)" for m in others
        )
        blocks.append(context(mrkdwn_clip_line(tr("see_also", lang) + see_also, SECTION_TEXT_MAX)))
    if clipped:
        blocks.append(context(tr("long_question", lang)))
    buttons: list[Block] = []
    if question_id is not None:
        value = str(question_id)
        if shareable:
            buttons.append(button(tr("share", lang), ACTION_SHARE, value, style="primary"))
        buttons.append(button(tr("helpful", lang), ACTION_HELPFUL, value))
        buttons.append(button(tr("not_helpful", lang), ACTION_NOT_HELPFUL, value))
        blocks.append({"type": "actions", "block_id": f"answer_{value}", "elements": buttons})
    text = fallback(line, f"> {fact.snippet}", f"— {source_line(fact.source)}")
    if shared_by is not None:
        text = f"<@{escape_mrkdwn(shared_by)}> shared: " + text
        text = text[:FALLBACK_TEXT_MAX]
    return Message(text=text, blocks=fit(blocks, MESSAGE_BLOCKS_MAX))


def render_abstention(
    answer: Answer, *, question_id: int | None, clipped: bool = False, logged: bool = True
) -> Message:
    """Say plainly that the fact base does not answer, and offer the closest facts."""
    lang = answer.language
    asked = mrkdwn(answer.question, QUESTION_ECHO_MAX)
    said = tr("dont_know", lang, question=asked)
    if logged:
        said += tr("noted", lang)
    blocks: list[Block] = [section(said)]
    suggestions = answer.suggestions[:SUGGESTIONS_MAX]
    if suggestions:
        lines = [tr("closest", lang)]
        lines.extend(_suggestion_line(m) for m in suggestions)
        blocks.extend(sections(lines))
        if question_id is not None:
            blocks.append(
                {
                    "type": "actions",
                    "block_id": f"suggestions_{question_id}",
                    "elements": [
                        button(
                            m.fact.title,
                            f"{ACTION_SUGGESTION_PREFIX}{i}",
                            f"{question_id}:{m.fact.id}",
                        )
                        for i, m in enumerate(suggestions)
                    ],
                }
            )
    if clipped:
        blocks.append(context(tr("long_question", lang)))
    blocks.append(context(tr("try_other_words", lang)))
    text = fallback(
        tr("dont_know", lang, question=answer.question),
        *(f"- {m.fact.title}" for m in suggestions),
    )
    return Message(text=text, blocks=fit(blocks, MESSAGE_BLOCKS_MAX))


_CHATTER_KEYS = {
    Chatter.EMPTY: "chatter_greeting",
    Chatter.GREETING: "chatter_greeting",
    Chatter.THANKS: "chatter_thanks",
    Chatter.TEST: "chatter_test",
    Chatter.ABOUT_BOT: "chatter_about_bot",
    Chatter.LINK: "chatter_link",
    Chatter.COMMAND: "chatter_word",
    Chatter.BARE_WORD: "chatter_word",
    Chatter.ELSEWHERE: "chatter_elsewhere",
    Chatter.HOW_TO: "chatter_how_to",
    Chatter.OFF_TOPIC: "chatter_how_to",
}


def render_chatter(kind: Chatter, lang: str = "en", meant: str | None = None) -> Message:
    """A short, helpful reply to a message that asks the fact base nothing; never a fact.

    `meant` is the subcommand a mistyped word was probably meant to be ("hlep" -> help).
    """
    examples = EXAMPLE_QUESTIONS_FR if lang == "fr" else EXAMPLE_QUESTIONS
    said = tr(_CHATTER_KEYS[kind], lang, example=examples[0], command=COMMAND)
    if meant is not None:
        said = tr("did_you_mean", lang, command=COMMAND, name=escape_mrkdwn(meant)) + " " + said
    return Message(text=fallback(said), blocks=[section(mrkdwn_clip_line(said, SECTION_TEXT_MAX))])


def _suggestion_line(match: Match) -> str:
    line = f"• {mrkdwn(match.fact.title, 200)} (`{escape_mrkdwn(match.fact.id)}`)"
    if match.why_not:
        line += f": {mrkdwn(match.why_not, 200)}"
    return line


# ------------------------------------------------------------------ browsing


def render_help(help_lines: Sequence[str], lang: str = "en") -> Message:
    """The help reply: one line per way to use the command (from the subcommand registry)."""
    examples = EXAMPLE_QUESTIONS_FR if lang == "fr" else EXAMPLE_QUESTIONS
    blocks = [
        section(tr("help_intro", lang)),
        section("\n".join(help_lines)),
        context(tr("help_more", lang) + " · ".join(f"_{q}_" for q in examples)),
    ]
    text = "factbot: " + " | ".join(help_lines)
    return Message(text=mrkdwn_clip_line(text, FALLBACK_TEXT_MAX), blocks=blocks)


def render_usage(
    usage_line: str, problem: str, command: str = COMMAND, lang: str = "en"
) -> Message:
    """A misused subcommand: what went wrong (already mrkdwn) and how to use it."""
    usage, helpword = tr("usage", lang), "aide" if lang == "fr" else "help"
    blocks = [
        section(mrkdwn_clip_line(problem, SECTION_TEXT_MAX - 100)),
        context(
            f"{usage}: `{command} {escape_mrkdwn(usage_line)}` · `{command} {helpword}` "
            + tr("for_more", lang)
        ),
    ]
    text = f"{problem} {usage}: {command} {escape_mrkdwn(usage_line)}"
    return Message(text=mrkdwn_clip_line(text, FALLBACK_TEXT_MAX), blocks=blocks)


def topic_counts(base: FactBase) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for fact in base.facts:
        counts[fact.topic] = counts.get(fact.topic, 0) + 1
    return sorted(counts.items())


def plural_facts(n: int) -> str:
    return f"{n} fact" if n == 1 else f"{n} facts"


def render_topics(base: FactBase) -> Message:
    lines = [f"• *{escape_mrkdwn(t)}*: {plural_facts(n)}" for t, n in topic_counts(base)]
    blocks = sections(["Topics in the fact base:", *lines])
    blocks.append(context("`/facts list &lt;topic&gt;` lists a topic's facts."))
    return Message(text=fallback("Topics: " + ", ".join(base.topics)), blocks=fit(blocks, 50))


def render_topic_list(base: FactBase, topic: str) -> Message:
    facts = [f for f in base.facts if f.topic == topic]
    head = f"*{escape_mrkdwn(topic)}*: {plural_facts(len(facts))}"
    lines = [f"• {mrkdwn(f.title, 300)}: `{escape_mrkdwn(f.id)}`" for f in facts]
    blocks = sections([head, *lines])
    blocks.append(context("`/facts source &lt;fact-id&gt;` shows a fact with its source."))
    blocks = fit(blocks, MESSAGE_BLOCKS_MAX, "…and more: the list is too long for one message")
    text = fallback(f"{topic}: " + ", ".join(f.id for f in facts))
    return Message(text=text, blocks=blocks)


def render_source(fact: Fact) -> Message:
    """One fact with its full source entry, for people checking a quote."""
    source = fact.source
    fields = [
        ("Source", source.display_title),
        ("Publisher", source.publisher),
        ("Date", format_date(source.date) or undated_label(source.circa, source.not_before)),
        ("Source id", source.id),
        ("Archive", source.archive),
        ("Topic", fact.topic),
    ]
    if fact.when is not None:
        fields.append(("When", fact.when.raw))
    if fact.where:
        fields.append(("Where", fact.where))
    field_blocks = [
        {"type": "mrkdwn", "text": f"*{name}*\n{mrkdwn(value, FIELD_TEXT_MAX - 50)}"}
        for name, value in fields[:SECTION_FIELDS_MAX]
    ]
    blocks: list[Block] = [
        section(f"*{mrkdwn(fact.title, 500)}* (`{escape_mrkdwn(fact.id)}`)"),
        section(mrkdwn(fact.answer, SECTION_TEXT_MAX)),
        section(quote(fact.snippet, SECTION_TEXT_MAX)),
        {"type": "section", "fields": field_blocks},
    ]
    url = escape_mrkdwn(source.url or "")
    if url and slack_len(url) <= SOURCE_URL_MAX:
        blocks.append(context(f"<{url}>"))
    text = fallback(fact.answer, f"> {fact.snippet}", f"— {source_line(source)}")
    return Message(text=text, blocks=fit(blocks, MESSAGE_BLOCKS_MAX))


def render_home(base: FactBase, help_lines: Sequence[str]) -> dict[str, Any]:
    """The App Home tab: what the bot knows, topic by topic, and how to ask."""
    blocks: list[Block] = [
        header("factbot"),
        section(
            "Sourced answers about rule-of-law cooperation with Morocco. Every answer "
            "comes from a curated fact base, with a verbatim quote and its source."
        ),
        header("How to ask"),
        section(
            "\n".join(help_lines)
            + "\nOr mention me in a channel (I answer in the thread), or write to me here in "
            "*Messages*."
        ),
        {"type": "divider"},
        header("Topics"),
    ]
    counts = topic_counts(base)
    for start in range(0, len(counts), SECTION_FIELDS_MAX):
        chunk = counts[start : start + SECTION_FIELDS_MAX]
        blocks.append(
            {
                "type": "section",
                "fields": [
                    {"type": "mrkdwn", "text": f"*{escape_mrkdwn(t)}*\n{plural_facts(n)}"}
                    for t, n in chunk
                ],
            }
        )
    blocks.append(context(f"{plural_facts(len(base.facts))} from {len(base.sources)} sources."))
    return {"type": "home", "blocks": fit(blocks, HOME_BLOCKS_MAX)}


def render_vote(vote: Vote, *, helpful: bool) -> Message:
    word = "helpful" if helpful else "not helpful"
    text = {
        Vote.NEW: f"Thanks: I've noted that you found this answer {word}.",
        Vote.CHANGED: f"Changed: your vote on this answer is now “{word}”.",
        Vote.UNCHANGED: f"You had already marked this answer {word}.",
        Vote.UNKNOWN_ANSWER: "I can no longer find that answer, so I couldn't record your vote.",
    }[vote]
    return Message(text=text, blocks=[section(text)])
