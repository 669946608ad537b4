"""Block Kit for every reply: pure functions from our types to Slack's dicts.

Nothing here does I/O or knows about bolt, so every reply can be tested (and
shown in the console) without Slack. Every piece of text is escaped for mrkdwn
and clipped to the Block Kit limits in ../shared/slack-fixtures/block_kit_limits.yaml;
`check_limits` states those limits once, and the tests run it on long answers.
Lengths are counted in UTF-16 code units, which is never less than Slack's
character count, so emoji and CJK text stay inside the limits too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.services.subcommands import EXAMPLE_QUESTIONS, EXAMPLE_QUESTIONS_FR, ListTopic, Subcommand, help_lines
from bot.core.digest import Digest
from bot.core.factbase import Fact, FactBase
from bot.core.i18n import format_day, tr
from bot.matching import Answer, Match
from bot.render.plain import format_date, source_line
from bot.storage.sqlite import DigestPost, Subscription, Vote
from bot.core.text import escape_mrkdwn

Block = dict[str, Any]

# Limits (block_kit_limits.yaml).
MESSAGE_BLOCKS_MAX = 50
HOME_BLOCKS_MAX = 100
SECTION_TEXT_MAX = 3000
SECTION_FIELDS_MAX = 10
FIELD_TEXT_MAX = 2000
HEADER_TEXT_MAX = 150
CONTEXT_ELEMENTS_MAX = 10
ACTIONS_ELEMENTS_MAX = 25
BUTTON_TEXT_MAX = 75
BUTTON_VALUE_MAX = 2000
ID_MAX = 255  # action_id and block_id
#: Slack rejects messages whose blocks add up to about 13,000 characters even when every
#: block is within its own limit (msg_blocks_too_long); stay well under it.
MESSAGE_TOTAL_TEXT_MAX = 12000
#: The fallback `text` is shown in notifications; Slack advises under 4,000 characters.
FALLBACK_TEXT_MAX = 3000
QUESTION_ECHO_MAX = 300
#: Closest facts offered when abstaining (the matcher offers 3).
SUGGESTIONS_MAX = 5
SOURCE_URL_MAX = 2000

# Action ids: the handlers in handlers/actions.py listen for these.
ACTION_SHARE = "share_answer"
ACTION_HELPFUL = "feedback_helpful"
ACTION_NOT_HELPFUL = "feedback_not_helpful"
ACTION_SUGGESTION_PREFIX = "open_suggestion_"
ACTION_SUGGESTION = re.compile(rf"^{ACTION_SUGGESTION_PREFIX}\d+$")


@dataclass(frozen=True)
class Message:
    """A message as chat.postMessage / response_url take it: fallback text and blocks."""

    text: str
    blocks: list[Block] = field(default_factory=list)

    def as_kwargs(self) -> dict[str, Any]:
        return {"text": self.text, "blocks": self.blocks}


# ------------------------------------------------------------------ text helpers


def slack_len(text: str) -> int:
    """Length in UTF-16 code units: an upper bound on what Slack counts."""
    if text.isascii():  # most text: one unit a character, without encoding it
        return len(text)
    return len(text.encode("utf-16-le")) // 2


def _cut(text: str, limit: int, encode: Callable[[str], str]) -> str:
    """The longest prefix of `text` that, encoded and marked with "…", fits `limit`."""
    whole = encode(text)
    if slack_len(whole) <= limit:
        return whole
    lo, hi = 0, len(text)
    while lo < hi:  # binary search: escaping makes the encoded length non-linear
        mid = (lo + hi + 1) // 2
        if slack_len(encode(text[:mid].rstrip()) + "…") <= limit:
            lo = mid
        else:
            hi = mid - 1
    return encode(text[:lo].rstrip()) + "…"


def clip(text: str, limit: int) -> str:
    """Cut plain text to `limit`, marking the cut with an ellipsis."""
    return _cut(text, limit, lambda t: t)


def mrkdwn(text: str, limit: int) -> str:
    """Escape raw text for mrkdwn and clip it, never cutting an entity such as `&amp;`."""
    return _cut(text, limit, escape_mrkdwn)


def quote(text: str, limit: int) -> str:
    """A mrkdwn block quote of raw text (every line starts with `>`)."""
    lines = mrkdwn(text, limit - 2 * (text.count("\n") + 1)).split("\n")
    return "\n".join("> " + line for line in lines)


def _section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text or " "}}


def _context(*texts: str) -> Block:
    return {
        "type": "context",
        "elements": [{"type": "mrkdwn", "text": t or " "} for t in texts[:CONTEXT_ELEMENTS_MAX]],
    }


def _header(text: str) -> Block:
    return {
        "type": "header",
        "text": {"type": "plain_text", "text": clip(text, HEADER_TEXT_MAX), "emoji": True},
    }


def _button(label: str, action_id: str, value: str, *, style: str | None = None) -> Block:
    button: Block = {
        "type": "button",
        "text": {"type": "plain_text", "text": clip(label, BUTTON_TEXT_MAX), "emoji": True},
        "action_id": action_id[:ID_MAX],
        "value": value[:BUTTON_VALUE_MAX],
    }
    if style:
        button["style"] = style
    return button


def _sections(lines: Iterable[str], limit: int = SECTION_TEXT_MAX) -> list[Block]:
    """Pack lines of mrkdwn into as few sections as fit, each within the section limit."""
    blocks: list[Block] = []
    chunk = ""
    for line in lines:
        line = mrkdwn_clip_line(line, limit)
        candidate = f"{chunk}\n{line}" if chunk else line
        if slack_len(candidate) > limit:
            blocks.append(_section(chunk))
            chunk = line
        else:
            chunk = candidate
    if chunk:
        blocks.append(_section(chunk))
    return blocks


def _fit(blocks: list[Block], max_blocks: int, note: str = "…and more") -> list[Block]:
    """Keep a message within the block count and total size, saying when it was cut."""
    out: list[Block] = []
    total = 0
    for block in blocks:
        size = _text_size(block)
        if len(out) >= max_blocks - 1 or total + size > MESSAGE_TOTAL_TEXT_MAX - 200:
            out.append(_context(escape_mrkdwn(note)))
            return out
        out.append(block)
        total += size
    return out


def _fallback(*parts: str) -> str:
    return mrkdwn("\n".join(p for p in parts if p), FALLBACK_TEXT_MAX)


# ------------------------------------------------------------------ answers


def answer_line(fact: Fact, lang: str) -> str:
    """The curated answer in the asker's language (French when the fact has it)."""
    return fact.answer_fr if lang == "fr" and fact.answer_fr else fact.answer


def source_context(fact: Fact, lang: str = "en") -> str:
    """The context line under a quote: title, publisher, date and link, escaped."""
    source = fact.source
    bits = [f"*{mrkdwn(source.display_title, 400)}*", mrkdwn(source.publisher, 300)]
    date = format_day(source.date, lang)
    bits.append(mrkdwn(date, 100) if date else tr("undated", lang))
    url = escape_mrkdwn(source.url or "")
    if url and slack_len(url) <= SOURCE_URL_MAX:  # a link is whole or absent, never cut
        bits.append(f"<{url}>")
    return " · ".join(bits)


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
        blocks.append(_context(f"<@{escape_mrkdwn(shared_by)}> shared an answer to: {asked}"))
    elif echo_question:
        blocks.append(_context(tr("you_asked", lang, question=asked)))
    blocks.append(_section(mrkdwn(line, SECTION_TEXT_MAX)))
    if lang == "fr":
        # The quote stays in its original language, and says so.
        blocks.append(_context(f"_{tr('original_quote', lang)}_"))
    blocks.append(_section(quote(fact.snippet, SECTION_TEXT_MAX)))
    blocks.append(_context(source_context(fact, lang), f"fact `{escape_mrkdwn(fact.id)}`"))
    others = answer.facts[1:]
    if others:
        see_also = "; ".join(
            f"{mrkdwn(m.fact.title, 200)} (`{escape_mrkdwn(m.fact.id)}`)" for m in others
        )
        blocks.append(_context(mrkdwn_clip_line(tr("see_also", lang) + see_also, SECTION_TEXT_MAX)))
    if clipped:
        blocks.append(_context(tr("long_question", lang)))
    buttons: list[Block] = []
    if question_id is not None:
        value = str(question_id)
        if shareable:
            buttons.append(_button(tr("share", lang), ACTION_SHARE, value, style="primary"))
        buttons.append(_button(tr("helpful", lang), ACTION_HELPFUL, value))
        buttons.append(_button(tr("not_helpful", lang), ACTION_NOT_HELPFUL, value))
        blocks.append({"type": "actions", "block_id": f"answer_{value}", "elements": buttons})
    text = _fallback(line, f"> {fact.snippet}", f"— {source_line(fact.source)}")
    if shared_by is not None:
        text = f"<@{escape_mrkdwn(shared_by)}> shared: " + text
        text = text[:FALLBACK_TEXT_MAX]
    return Message(text=text, blocks=_fit(blocks, MESSAGE_BLOCKS_MAX))


def mrkdwn_clip_line(already_escaped: str, limit: int) -> str:
    """Clip text that is already mrkdwn, at a space if it can, never inside an entity."""
    if slack_len(already_escaped) <= limit:
        return already_escaped
    cut = re.sub(r"&[a-z]{0,4}$", "", clip(already_escaped, limit)[:-1])
    if " " in cut[len(cut) // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut + "…"


def render_abstention(
    answer: Answer, *, question_id: int | None, clipped: bool = False, logged: bool = True
) -> Message:
    """Say plainly that the fact base does not answer, and offer the closest facts."""
    lang = answer.language
    asked = mrkdwn(answer.question, QUESTION_ECHO_MAX)
    said = tr("dont_know", lang, question=asked)
    if logged:
        said += tr("noted", lang)
    blocks: list[Block] = [_section(said)]
    suggestions = answer.suggestions[:SUGGESTIONS_MAX]
    if suggestions:
        lines = [tr("closest", lang)]
        lines.extend(_suggestion_line(m) for m in suggestions)
        blocks.extend(_sections(lines))
        if question_id is not None:
            blocks.append(
                {
                    "type": "actions",
                    "block_id": f"suggestions_{question_id}",
                    "elements": [
                        _button(
                            m.fact.title,
                            f"{ACTION_SUGGESTION_PREFIX}{i}",
                            f"{question_id}:{m.fact.id}",
                        )
                        for i, m in enumerate(suggestions)
                    ],
                }
            )
    if clipped:
        blocks.append(_context(tr("long_question", lang)))
    blocks.append(_context(tr("try_other_words", lang)))
    text = _fallback(
        tr("dont_know", lang, question=answer.question),
        *(f"- {m.fact.title}" for m in suggestions),
    )
    return Message(text=text, blocks=_fit(blocks, MESSAGE_BLOCKS_MAX))


def _suggestion_line(match: Match) -> str:
    line = f"• {mrkdwn(match.fact.title, 200)} (`{escape_mrkdwn(match.fact.id)}`)"
    if match.why_not:
        line += f": {mrkdwn(match.why_not, 200)}"
    return line


# ------------------------------------------------------------------ browsing


def render_help(command: str = "/facts", lang: str = "en") -> Message:
    examples = EXAMPLE_QUESTIONS_FR if lang == "fr" else EXAMPLE_QUESTIONS
    blocks = [
        _section(tr("help_intro", lang)),
        _section("\n".join(help_lines(command, lang))),
        _context(tr("help_more", lang) + " · ".join(f"_{q}_" for q in examples)),
    ]
    text = "factbot: " + " | ".join(help_lines(command))
    return Message(text=mrkdwn_clip_line(text, FALLBACK_TEXT_MAX), blocks=blocks)


def render_usage(
    sub: Subcommand, problem: str, command: str = "/facts", lang: str = "en"
) -> Message:
    """A misused subcommand: what went wrong (already mrkdwn) and how to use it."""
    usage, helpword = tr("usage", lang), "aide" if lang == "fr" else "help"
    blocks = [
        _section(mrkdwn_clip_line(problem, SECTION_TEXT_MAX - 100)),
        _context(
            f"{usage}: `{command} {escape_mrkdwn(sub.usage)}` · `{command} {helpword}` "
            + tr("for_more", lang)
        ),
    ]
    text = f"{problem} {usage}: {command} {escape_mrkdwn(sub.usage)}"
    return Message(text=mrkdwn_clip_line(text, FALLBACK_TEXT_MAX), blocks=blocks)


def topic_counts(base: FactBase) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for fact in base.facts:
        counts[fact.topic] = counts.get(fact.topic, 0) + 1
    return sorted(counts.items())


def _plural(n: int) -> str:
    return f"{n} fact" if n == 1 else f"{n} facts"


def render_topics(base: FactBase) -> Message:
    lines = [f"• *{escape_mrkdwn(t)}*: {_plural(n)}" for t, n in topic_counts(base)]
    blocks = _sections(["Topics in the fact base:", *lines])
    blocks.append(_context("`/facts list &lt;topic&gt;` lists a topic's facts."))
    return Message(text=_fallback("Topics: " + ", ".join(base.topics)), blocks=_fit(blocks, 50))


def render_topic_list(base: FactBase, command: ListTopic) -> Message:
    facts = [f for f in base.facts if f.topic == command.topic]
    head = f"*{escape_mrkdwn(command.topic)}*: {_plural(len(facts))}"
    lines = [f"• {mrkdwn(f.title, 300)}: `{escape_mrkdwn(f.id)}`" for f in facts]
    blocks = _sections([head, *lines])
    blocks.append(_context("`/facts source &lt;fact-id&gt;` shows a fact with its source."))
    blocks = _fit(blocks, MESSAGE_BLOCKS_MAX, "…and more: the list is too long for one message")
    text = _fallback(f"{command.topic}: " + ", ".join(f.id for f in facts))
    return Message(text=text, blocks=blocks)


def render_source(fact: Fact) -> Message:
    """One fact with its full source entry, for people checking a quote."""
    source = fact.source
    fields = [
        ("Source", source.display_title),
        ("Publisher", source.publisher),
        ("Date", format_date(source.date) or "undated"),
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
        _section(f"*{mrkdwn(fact.title, 500)}* (`{escape_mrkdwn(fact.id)}`)"),
        _section(mrkdwn(fact.answer, SECTION_TEXT_MAX)),
        _section(quote(fact.snippet, SECTION_TEXT_MAX)),
        {"type": "section", "fields": field_blocks},
    ]
    url = escape_mrkdwn(source.url or "")
    if url and slack_len(url) <= SOURCE_URL_MAX:
        blocks.append(_context(f"<{url}>"))
    text = _fallback(fact.answer, f"> {fact.snippet}", f"— {source_line(source)}")
    return Message(text=text, blocks=_fit(blocks, MESSAGE_BLOCKS_MAX))


def render_home(base: FactBase, command: str = "/facts") -> dict[str, Any]:
    """The App Home tab: what the bot knows, topic by topic, and how to ask."""
    blocks: list[Block] = [
        _header("factbot"),
        _section(
            "Sourced answers about rule-of-law cooperation with Morocco. Every answer "
            "comes from a curated fact base, with a verbatim quote and its source."
        ),
        _header("How to ask"),
        _section(
            "\n".join(help_lines(command))
            + "\nOr mention me in a channel (I answer in the thread), or write to me here in "
            "*Messages*."
        ),
        {"type": "divider"},
        _header("Topics"),
    ]
    counts = topic_counts(base)
    for start in range(0, len(counts), SECTION_FIELDS_MAX):
        chunk = counts[start : start + SECTION_FIELDS_MAX]
        blocks.append(
            {
                "type": "section",
                "fields": [
                    {"type": "mrkdwn", "text": f"*{escape_mrkdwn(t)}*\n{_plural(n)}"}
                    for t, n in chunk
                ],
            }
        )
    blocks.append(_context(f"{_plural(len(base.facts))} from {len(base.sources)} sources."))
    return {"type": "home", "blocks": _fit(blocks, HOME_BLOCKS_MAX)}


# ------------------------------------------------------------------ the daily digest


def _digest_fact(fact: Fact, language: str) -> list[Block]:
    """One fact in a digest: its answer (in the channel's language), the quote, the source."""
    return [
        _section(mrkdwn(answer_line(fact, language), SECTION_TEXT_MAX)),
        _section(quote(fact.snippet, SECTION_TEXT_MAX)),
        _context(source_context(fact, language), f"fact `{escape_mrkdwn(fact.id)}`"),
    ]


def render_digest(digest: Digest, *, preview: bool = False) -> Message:
    """A channel's daily digest: fact of the day, on this day, new and changed, curators."""
    lang = digest.language
    day = format_day(digest.day.isoformat(), lang) or digest.day.isoformat()
    title = tr("digest_title", lang, day=day)
    blocks: list[Block] = [_header(title)]
    if preview:
        blocks.append(_context(tr("digest_preview", lang)))
    lines = [title + (" (preview)" if preview else "")]
    if digest.fact_of_the_day is not None:
        fotd = digest.fact_of_the_day
        blocks.append(_section(f"*{tr('fact_of_the_day', lang)}*"))
        blocks.extend(_digest_fact(fotd, lang))
        lines += [answer_line(fotd, lang), f"> {fotd.snippet}", f"— {source_line(fotd.source)}"]
    if digest.on_this_day:
        blocks.append({"type": "divider"})
        blocks.append(_section(f"*{tr('on_this_day', lang)}*"))
        for fact in digest.on_this_day:
            assert fact.when is not None
            blocks.append(_context(f"*{fact.when.start.year}*"))
            blocks.extend(_digest_fact(fact, lang))
            lines.append(
                f"{tr('on_this_day', lang)} ({fact.when.start.year}): " + answer_line(fact, lang)
            )
    if digest.added or digest.changed:
        blocks.append({"type": "divider"})
        entries = [(tr("new", lang), f) for f in digest.added] + [
            (tr("updated", lang), f) for f in digest.changed
        ]
        blocks.append(_section(f"*{tr('new_and_updated', lang)}*"))
        blocks.extend(
            _sections(
                f"{label}: {mrkdwn(answer_line(f, lang), 600)} "
                f"({mrkdwn(source_line(f.source), 400)})"
                for label, f in entries
            )
        )
        lines += [f"{label}: {answer_line(f, lang)}" for label, f in entries]
    if digest.curator is not None:
        blocks.append({"type": "divider"})
        blocks.append(_section(f"*{tr('for_curators', lang)}*"))
        if digest.curator.empty:
            blocks.append(_context(tr("curators_nothing", lang)))
        if digest.curator.unanswered:
            blocks.append(_section(tr("curators_unanswered", lang)))
            blocks.extend(
                _sections(f"• {mrkdwn(q, 300)} ({n}×)" for q, n in digest.curator.unanswered[:8])
            )
        if digest.curator.not_helpful:
            blocks.append(_section(tr("curators_not_helpful", lang)))
            blocks.extend(
                _sections(
                    f"• `{escape_mrkdwn(fid)}` ({n}×)" for fid, n in digest.curator.not_helpful[:8]
                )
            )
        lines.append(
            f"Curators: {len(digest.curator.unanswered)} unanswered, "
            f"{len(digest.curator.not_helpful)} not helpful"
        )
    return Message(text=_fallback(*lines), blocks=_fit(blocks, MESSAGE_BLOCKS_MAX))


def render_digest_status(
    sub: Subscription | None, last: DigestPost | None, tz_name: str, next_at: str | None
) -> Message:
    """Where a channel's digest stands: on or off, when, paused and why, last post."""
    if sub is None:
        text = "No daily digest here. Start one with `/facts digest on 09:00`."
    elif not sub.active and sub.paused_reason:
        text = (
            f"The daily digest is *paused*: Slack answered `{escape_mrkdwn(sub.paused_reason)}` "
            "when I tried to post here. Invite me to the channel (or unarchive it), then "
            "`/facts digest on` to resume."
        )
    elif not sub.active:
        text = "The daily digest is *off* here. `/facts digest on 09:00` starts it again."
    else:
        text = f"The daily digest is *on*: every day at {sub.post_at} ({escape_mrkdwn(tz_name)})."
        if next_at:
            text += f" Next: {escape_mrkdwn(next_at)}."
        if sub.curators:
            text += " Curator notes are included."
        if sub.language != "en":
            text += f" Language: {escape_mrkdwn(sub.language)}."
    if last is not None and last.posted_at is not None:
        text += f"\nLast digest: {last.day}."
    return Message(text=text, blocks=[_section(text)])


# ------------------------------------------------------------------ short replies


def render_vote(vote: Vote, *, helpful: bool) -> Message:
    word = "helpful" if helpful else "not helpful"
    text = {
        Vote.NEW: f"Thanks: I've noted that you found this answer {word}.",
        Vote.CHANGED: f"Changed: your vote on this answer is now “{word}”.",
        Vote.UNCHANGED: f"You had already marked this answer {word}.",
        Vote.UNKNOWN_ANSWER: "I can no longer find that answer, so I couldn't record your vote.",
    }[vote]
    return Message(text=text, blocks=[_section(text)])


def render_notice(text: str) -> Message:
    """A one-line reply of our own words (mrkdwn allowed, no user text)."""
    return Message(text=text, blocks=[_section(text)])


CANNOT_POST_HERE = (
    "I can't post in this conversation. Invite me with `/invite @factbot` and share again."
)
APOLOGY = "Sorry, something went wrong on my side; it has been logged. Please try again."
ANSWER_GONE = "I can no longer find that answer. Ask the question again and share the new answer."


# ------------------------------------------------------------------ limits


def check_limits(blocks: Sequence[Block], *, max_blocks: int = MESSAGE_BLOCKS_MAX) -> list[str]:
    """Every Block Kit limit a block list breaks, as readable problems (empty if none)."""
    problems: list[str] = []
    if len(blocks) > max_blocks:
        problems.append(f"{len(blocks)} blocks > {max_blocks}")
    total = 0
    for i, block in enumerate(blocks):
        where = f"block {i} ({block.get('type')})"
        total += _text_size(block)
        if len(str(block.get("block_id", ""))) > ID_MAX:
            problems.append(f"{where}: block_id too long")
        kind = block.get("type")
        if kind == "section":
            text = block.get("text")
            if text is not None and not 0 < slack_len(text["text"]) <= SECTION_TEXT_MAX:
                problems.append(f"{where}: text length {slack_len(text['text'])}")
            fields = block.get("fields", [])
            if len(fields) > SECTION_FIELDS_MAX:
                problems.append(f"{where}: {len(fields)} fields")
            problems.extend(
                f"{where}: field too long" for f in fields if slack_len(f["text"]) > FIELD_TEXT_MAX
            )
            if text is None and not fields:
                problems.append(f"{where}: neither text nor fields")
        elif kind == "header":
            if block["text"]["type"] != "plain_text":
                problems.append(f"{where}: header must be plain_text")
            if not 0 < slack_len(block["text"]["text"]) <= HEADER_TEXT_MAX:
                problems.append(f"{where}: header length")
        elif kind == "context":
            if not 0 < len(block["elements"]) <= CONTEXT_ELEMENTS_MAX:
                problems.append(f"{where}: {len(block['elements'])} elements")
            problems.extend(
                f"{where}: element text length"
                for e in block["elements"]
                if not 0 < slack_len(e.get("text", "")) <= SECTION_TEXT_MAX
            )
        elif kind == "actions":
            if not 0 < len(block["elements"]) <= ACTIONS_ELEMENTS_MAX:
                problems.append(f"{where}: {len(block['elements'])} elements")
            action_ids = [e.get("action_id") for e in block["elements"]]
            if len(set(action_ids)) != len(action_ids):
                problems.append(f"{where}: duplicate action_id")
            for e in block["elements"]:
                if not 0 < slack_len(e["text"]["text"]) <= BUTTON_TEXT_MAX:
                    problems.append(f"{where}: button text length")
                if len(e.get("value", "")) > BUTTON_VALUE_MAX:
                    problems.append(f"{where}: button value length")
                if len(e.get("action_id", "")) > ID_MAX:
                    problems.append(f"{where}: action_id length")
    if total > MESSAGE_TOTAL_TEXT_MAX:
        problems.append(f"blocks hold {total} characters of text > {MESSAGE_TOTAL_TEXT_MAX}")
    return problems


def _text_size(value: object) -> int:
    """All the text in a block, counted the way the size limits count it."""
    if isinstance(value, str):
        return slack_len(value)
    if isinstance(value, dict):
        total = 0
        for key in _TEXT_KEYS:
            inner = value.get(key)
            if inner is not None:
                total += _text_size(inner)
        return total
    if isinstance(value, list):
        return sum(map(_text_size, value))
    return 0


_TEXT_KEYS = ("text", "fields", "elements")


# ------------------------------------------------------------------ terminal


_LINK = re.compile(r"<([^<>|]+)\|([^<>]+)>|<([^<>]+)>")


def _readable(mrkdwn_text: str) -> str:
    def link(m: re.Match[str]) -> str:
        if m.group(3) is not None:
            return m.group(3)
        return f"{m.group(2)} ({m.group(1)})"

    text = _LINK.sub(link, mrkdwn_text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def to_text(message: Message | dict[str, Any]) -> str:
    """What a message would look like in Slack, as plain text for a terminal."""
    blocks = message.blocks if isinstance(message, Message) else message.get("blocks", [])
    lines: list[str] = []
    for block in blocks:
        kind = block.get("type")
        if kind == "header":
            title = block["text"]["text"]
            lines.extend(["", title, "=" * len(title)])
        elif kind == "section":
            if "text" in block:
                lines.append(_readable(block["text"]["text"]))
            for f in block.get("fields", []):
                lines.append("  " + _readable(f["text"]).replace("\n", ": ", 1))
        elif kind == "context":
            lines.append("  " + "  ".join(_readable(e.get("text", "")) for e in block["elements"]))
        elif kind == "actions":
            lines.append("  " + " ".join(f"[{e['text']['text']}]" for e in block["elements"]))
        elif kind == "divider":
            lines.append("-" * 40)
    return "\n".join(lines).strip("\n")
