"""Answers as the JSON contract (`ask --jsonl`) and as plain text for a terminal.

Pure functions of an `Answer`; the Block Kit rendering lives in `bot.render.blocks`.
"""

from __future__ import annotations

from typing import Any

from bot.core.factbase import Fact, Source
from bot.core.i18n import format_day, undated_label
from bot.engine import Answer


def format_date(raw: str | None) -> str | None:
    """ "2018-10-04" -> "4 October 2018", "2025-02" -> "February 2025", "2025" -> "2025"."""
    return format_day(raw, "en")


def source_line(source: Source) -> str:
    """ "Title — Publisher, 4 October 2018 — url": what a reader needs to check a quote."""
    bits = [source.display_title, source.publisher]
    line = " — ".join(bits)
    date = format_date(source.date)
    line += f", {date}" if date else f" ({undated_label(source.circa, source.not_before)})"
    if source.url:
        line += f" — {source.url}"
    return line


def source_json(source: Source) -> dict[str, Any]:
    return {
        "id": source.id,
        "title": source.title,
        "publisher": source.publisher,
        "date": source.date,
        "url": source.url,
    }


def fact_json(fact: Fact, language: str = "en") -> dict[str, Any]:
    """A fact in the contract: `answer` in the asker's language, `snippet` verbatim."""
    return {
        "id": fact.id,
        "answer": fact.answer_fr if language == "fr" and fact.answer_fr else fact.answer,
        "snippet": fact.snippet,
        "source": source_json(fact.source),
    }


def answer_json(answer: Answer) -> dict[str, Any]:
    """One line of `python -m bot ask --jsonl` (see ../shared/eval/CONTRACT.md)."""
    return {
        "question": answer.question,
        "answered": answer.answered,
        "facts": [fact_json(m.fact, answer.language) for m in answer.facts]
        if answer.answered
        else [],
        "suggestions": [
            {"id": m.fact.id, "title": m.fact.title, "topic": m.fact.topic}
            for m in answer.suggestions
        ],
    }


def answer_text(answer: Answer) -> str:
    """A readable answer for a terminal: the answer, the quote, where it comes from."""
    french = answer.language == "fr"
    if not answer.answered or answer.best is None:
        lines = [
            "Je ne sais pas : la base de faits ne répond pas à cette question."
            if french
            else "I don't know: the fact base does not answer that."
        ]
        if answer.suggestions:
            lines.append("Faits les plus proches :" if french else "Closest facts:")
            lines.extend(
                f"  - {m.fact.title} [{m.fact.id}]" + (f" ({m.why_not})" if m.why_not else "")
                for m in answer.suggestions
            )
        return "\n".join(lines)
    fact = answer.best.fact
    lines = [
        fact.answer_fr if french and fact.answer_fr else fact.answer,
        "",
        *(["  (citation originale, en anglais)"] if french else []),
        f"  > {fact.snippet}",
        f"  — {source_line(fact.source)}",
        f"  [{fact.id}]",
    ]
    if len(answer.facts) > 1:
        lines.append("")
        lines.append("Voir aussi :" if french else "See also:")
        lines.extend(f"  - {m.fact.title} [{m.fact.id}]" for m in answer.facts[1:])
    return "\n".join(lines)
