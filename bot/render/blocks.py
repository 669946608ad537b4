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

from bot.core.factbase import Fact
from bot.core.i18n import format_day, undated_label
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


def section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text or " "}}


def context(*texts: str) -> Block:
    return {
        "type": "context",
        "elements": [{"type": "mrkdwn", "text": t or " "} for t in texts[:CONTEXT_ELEMENTS_MAX]],
    }


def header(text: str) -> Block:
    return {
        "type": "header",
        "text": {"type": "plain_text", "text": clip(text, HEADER_TEXT_MAX), "emoji": True},
    }


def button(label: str, action_id: str, value: str, *, style: str | None = None) -> Block:
    button: Block = {
        "type": "button",
        "text": {"type": "plain_text", "text": clip(label, BUTTON_TEXT_MAX), "emoji": True},
        "action_id": action_id[:ID_MAX],
        "value": value[:BUTTON_VALUE_MAX],
    }
    if style:
        button["style"] = style
    return button


def sections(lines: Iterable[str], limit: int = SECTION_TEXT_MAX) -> list[Block]:
    """Pack lines of mrkdwn into as few sections as fit, each within the section limit."""
    blocks: list[Block] = []
    chunk = ""
    for line in lines:
        line = mrkdwn_clip_line(line, limit)
        candidate = f"{chunk}\n{line}" if chunk else line
        if slack_len(candidate) > limit:
            blocks.append(section(chunk))
            chunk = line
        else:
            chunk = candidate
    if chunk:
        blocks.append(section(chunk))
    return blocks


def fit(blocks: list[Block], max_blocks: int, note: str = "…and more") -> list[Block]:
    """Keep a message within the block count and total size, saying when it was cut."""
    out: list[Block] = []
    total = 0
    for block in blocks:
        size = _text_size(block)
        if len(out) >= max_blocks - 1 or total + size > MESSAGE_TOTAL_TEXT_MAX - 200:
            out.append(context(escape_mrkdwn(note)))
            return out
        out.append(block)
        total += size
    return out


def fallback(*parts: str) -> str:
    return mrkdwn("\n".join(p for p in parts if p), FALLBACK_TEXT_MAX)


def mrkdwn_clip_line(already_escaped: str, limit: int) -> str:
    """Clip text that is already mrkdwn, at a space if it can, never inside an entity."""
    if slack_len(already_escaped) <= limit:
        return already_escaped
    cut = re.sub(r"&[a-z]{0,4}$", "", clip(already_escaped, limit)[:-1])
    if " " in cut[len(cut) // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut + "…"


def render_notice(text: str) -> Message:
    """A one-line reply of our own words (mrkdwn allowed, no user text)."""
    return Message(text=text, blocks=[section(text)])


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


# ------------------------------------------------------------------ one fact, one line


def answer_line(fact: Fact, lang: str) -> str:
    """The curated answer in the asker's language (French when the fact has it)."""
    return fact.answer_fr if lang == "fr" and fact.answer_fr else fact.answer


def source_context(fact: Fact, lang: str = "en") -> str:
    """The context line under a quote: title, publisher, date and link, escaped."""
    source = fact.source
    bits = [f"*{mrkdwn(source.display_title, 400)}*", mrkdwn(source.publisher, 300)]
    date = format_day(source.date, lang)
    bits.append(mrkdwn(date, 100) if date else undated_label(source.circa, source.not_before, lang))
    url = escape_mrkdwn(source.url or "")
    if url and slack_len(url) <= SOURCE_URL_MAX:  # a link is whole or absent, never cut
        bits.append(f"<{url}>")
    return " · ".join(bits)
