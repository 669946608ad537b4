"""The daily digest and its status, as Block Kit."""

from __future__ import annotations

from bot.core.digest import Digest
from bot.core.factbase import Fact
from bot.core.i18n import format_day, tr
from bot.core.records import DigestPost, Subscription
from bot.core.text import escape_mrkdwn
from bot.render.blocks import (
    MESSAGE_BLOCKS_MAX,
    SECTION_TEXT_MAX,
    Block,
    Message,
    answer_line,
    context,
    fallback,
    fit,
    header,
    mrkdwn,
    quote,
    section,
    sections,
    source_context,
)
from bot.render.plain import source_line

# ------------------------------------------------------------------ the daily digest


def _digest_fact(fact: Fact, language: str) -> list[Block]:
    """One fact in a digest: its answer (in the channel's language), the quote, the source."""
    return [
        section(mrkdwn(answer_line(fact, language), SECTION_TEXT_MAX)),
        section(quote(fact.snippet, SECTION_TEXT_MAX)),
        context(source_context(fact, language), f"fact `{escape_mrkdwn(fact.id)}`"),
    ]


def render_digest(digest: Digest, *, preview: bool = False) -> Message:
    """A channel's daily digest: fact of the day, on this day, new and changed, curators."""
    lang = digest.language
    day = format_day(digest.day.isoformat(), lang) or digest.day.isoformat()
    title = tr("digest_title", lang, day=day)
    blocks: list[Block] = [header(title)]
    if preview:
        blocks.append(context(tr("digest_preview", lang)))
    lines = [title + (" (preview)" if preview else "")]
    if digest.fact_of_the_day is not None:
        fotd = digest.fact_of_the_day
        blocks.append(section(f"*{tr('fact_of_the_day', lang)}*"))
        blocks.extend(_digest_fact(fotd, lang))
        lines += [answer_line(fotd, lang), f"> {fotd.snippet}", f"— {source_line(fotd.source)}"]
    if digest.on_this_day:
        blocks.append({"type": "divider"})
        blocks.append(section(f"*{tr('on_this_day', lang)}*"))
        for fact in digest.on_this_day:
            assert fact.when is not None
            blocks.append(context(f"*{fact.when.start.year}*"))
            blocks.extend(_digest_fact(fact, lang))
            lines.append(
                f"{tr('on_this_day', lang)} ({fact.when.start.year}): " + answer_line(fact, lang)
            )
    if digest.added or digest.changed:
        blocks.append({"type": "divider"})
        entries = [(tr("new", lang), f) for f in digest.added] + [
            (tr("updated", lang), f) for f in digest.changed
        ]
        blocks.append(section(f"*{tr('new_and_updated', lang)}*"))
        blocks.extend(
            sections(
                f"{label}: {mrkdwn(answer_line(f, lang), 600)} "
                f"({mrkdwn(source_line(f.source), 400)})"
                for label, f in entries
            )
        )
        lines += [f"{label}: {answer_line(f, lang)}" for label, f in entries]
    if digest.curator is not None:
        blocks.append({"type": "divider"})
        blocks.append(section(f"*{tr('for_curators', lang)}*"))
        if digest.curator.empty:
            blocks.append(context(tr("curators_nothing", lang)))
        if digest.curator.unanswered:
            blocks.append(section(tr("curators_unanswered", lang)))
            blocks.extend(
                sections(f"• {mrkdwn(q, 300)} ({n}×)" for q, n in digest.curator.unanswered[:8])
            )
        if digest.curator.not_helpful:
            blocks.append(section(tr("curators_not_helpful", lang)))
            blocks.extend(
                sections(
                    f"• `{escape_mrkdwn(fid)}` ({n}×)" for fid, n in digest.curator.not_helpful[:8]
                )
            )
        if digest.curator.overdue:
            blocks.append(section(tr("curators_overdue", lang)))
            blocks.extend(
                sections(
                    f"• `{escape_mrkdwn(o.fact.id)}` {mrkdwn(o.fact.title, 200)} "
                    f"({tr('due_since', lang)} {o.due.isoformat()})"
                    for o in digest.curator.overdue[:8]
                )
            )
        lines.append(
            f"Curators: {len(digest.curator.unanswered)} unanswered, "
            f"{len(digest.curator.not_helpful)} not helpful, "
            f"{len(digest.curator.overdue)} due for review"
        )
    return Message(text=fallback(*lines), blocks=fit(blocks, MESSAGE_BLOCKS_MAX))


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
    return Message(text=text, blocks=[section(text)])
