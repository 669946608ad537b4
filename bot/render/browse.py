"""Block Kit for browsing: entity cards and timelines (pure, within Block Kit limits).

A timeline pages: each message holds at most PAGE entries and a "More" button
whose value says how to fetch the next page, so a long timeline never breaks
the 50-block or size limits.
"""

from __future__ import annotations

import json

from bot.core.browse import (
    TimelineQuery,
    facts_involving,
    grouped_by_topic,
    timeline,
    when_label,
)
from bot.core.factbase import Entity, FactBase
from bot.core.i18n import tr
from bot.core.text import escape_mrkdwn
from bot.render.blocks import (
    MESSAGE_BLOCKS_MAX,
    SECTION_TEXT_MAX,
    Block,
    Message,
    answer_line,
    button,
    context,
    fallback,
    fit,
    header,
    mrkdwn,
    section,
    sections,
)

PAGE = 15
ACTION_TIMELINE_MORE = "timeline_more"


def timeline_token(query: TimelineQuery, offset: int, lang: str) -> str:
    """The "More" button's value: enough to rebuild the next page, nothing else."""
    return json.dumps(
        {
            "s": query.subject,
            "t": query.topic,
            "e": query.entity,
            "k": query.keyword,
            "a": query.start,
            "b": query.end,
            "o": offset,
            "l": lang,
        },
        separators=(",", ":"),
    )


def parse_timeline_token(value: str) -> tuple[TimelineQuery, int, str] | None:
    try:
        data = json.loads(value)
        query = TimelineQuery(data["s"], data["t"], data["e"], data["k"], data["a"], data["b"])
        return query, int(data["o"]), str(data["l"])
    except (ValueError, KeyError, TypeError):
        return None


def _describe(query: TimelineQuery) -> str:
    what = query.subject or "the fact base"
    if query.start is not None:
        years = str(query.start) if query.start == query.end else f"{query.start}–{query.end}"
        what += f", {years}"
    return what


def render_timeline(
    base: FactBase, query: TimelineQuery, offset: int = 0, lang: str = "en"
) -> Message:
    """One page of a timeline: a line per dated fact with its date and source."""
    facts = timeline(base, query)
    what = _describe(query)
    if not facts:
        text = tr("timeline_empty", lang, what=escape_mrkdwn(what))
        return Message(text=text, blocks=[section(text)])
    page = facts[offset : offset + PAGE]
    title = f"{tr('timeline_title', lang)}: {what} ({len(facts)})"
    blocks: list[Block] = [header(title)]
    lines = []
    for fact in page:
        label = escape_mrkdwn(when_label(fact, lang))
        source = mrkdwn(fact.source.display_title, 120)
        lines.append(
            f"*{label}* · {mrkdwn(answer_line(fact, lang), 500)} _({source})_ "
            f"`{escape_mrkdwn(fact.id)}`"
        )
    blocks.extend(sections(lines, SECTION_TEXT_MAX))
    shown_to = offset + len(page)
    if shown_to < len(facts):
        blocks.append(context(f"{offset + 1}–{shown_to} / {len(facts)}"))
        blocks.append(
            {
                "type": "actions",
                "block_id": f"timeline_{offset}",
                "elements": [
                    button(
                        tr("more", lang),
                        ACTION_TIMELINE_MORE,
                        timeline_token(query, shown_to, lang),
                    )
                ],
            }
        )
    plain = [title] + [f"{when_label(f, lang)}: {answer_line(f, lang)}" for f in page]
    return Message(text=fallback(*plain), blocks=fit(blocks, MESSAGE_BLOCKS_MAX))


def render_card(base: FactBase, entity: Entity, lang: str = "en") -> Message:
    """Who an institution is (names in English and French) and every fact involving it."""
    title = entity.label
    blocks: list[Block] = [header(title)]
    names = []
    if entity.acronyms:
        names.append(" / ".join(entity.acronyms))
    if entity.en:
        names.append("EN: " + "; ".join(entity.en[:3]))
    if entity.fr:
        names.append("FR: " + "; ".join(entity.fr[:3]))
    fields = [f"*{tr('card_names', lang)}*: {mrkdwn(' · '.join(names), 1500)}"]
    parents = [base.entity_by_id[p].label for p in entity.part_of if p in base.entity_by_id]
    if parents:
        fields.append(f"*{tr('card_part_of', lang)}*: {mrkdwn(', '.join(parents), 500)}")
    blocks.append(section("\n".join(fields)))
    facts = facts_involving(base, entity)
    if not facts:
        blocks.append(context(tr("card_none", lang)))
    else:
        blocks.append(section(f"*{tr('card_facts', lang)}* ({len(facts)})"))
        for topic, group in grouped_by_topic(facts):
            lines = [f"*{escape_mrkdwn(topic)}*"]
            lines.extend(
                f"• {mrkdwn(answer_line(f, lang), 400)} `{escape_mrkdwn(f.id)}`" for f in group
            )
            blocks.extend(sections(lines))
    note = (
        f"…`/facts timeline {escape_mrkdwn(entity.acronyms[0] if entity.acronyms else entity.id)}`"
    )
    plain = [title, *(answer_line(f, lang) for f in facts[:10])]
    return Message(text=fallback(*plain), blocks=fit(blocks, MESSAGE_BLOCKS_MAX, note))
