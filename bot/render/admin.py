"""Replies to the admin commands: a reload's outcome, usage statistics, workspace settings."""

from __future__ import annotations

from bot.core.records import (
    WORKSPACE_SETTINGS,
    ReloadOutcome,
    ReplyTrouble,
    UsageStats,
    Workspace,
)
from bot.render.blocks import Message, mrkdwn, sections

#: Problems listed in a refused reload; the rest are counted.
PROBLEMS_SHOWN = 15


def render_reload(outcome: ReloadOutcome) -> Message:
    if not outcome.ok:
        n = len(outcome.problems)
        lines = [
            f"*Reload refused*: the fact base on disk has {n} problem{'s' if n != 1 else ''} "
            f"(`python -m bot lint` lists them). I am still serving the last good fact base "
            f"({outcome.facts} facts).",
        ]
        lines += [f"• {mrkdwn(str(p), 280)}" for p in outcome.problems[:PROBLEMS_SHOWN]]
        if n > PROBLEMS_SHOWN:
            lines.append(f"…and {n - PROBLEMS_SHOWN} more.")
        return Message(text=mrkdwn(f"Reload refused: {n} problems", 300), blocks=sections(lines))
    changes = (
        f"{len(outcome.added)} added, {len(outcome.changed)} changed, "
        f"{len(outcome.removed)} removed"
    )
    text = (
        f"*Reloaded*: {outcome.facts} facts ({changes}) in {outcome.seconds:.1f} s. "
        "New questions get the new fact base now."
    )
    details = []
    for label, ids in (
        ("Added", outcome.added),
        ("Changed", outcome.changed),
        ("Removed", outcome.removed),
    ):
        if ids:
            shown = ", ".join(f"`{mrkdwn(i, 80)}`" for i in ids[:20])
            details.append(f"{label}: {shown}" + (" …" if len(ids) > 20 else ""))
    return Message(
        text=f"Reloaded: {outcome.facts} facts ({changes})", blocks=sections([text, *details])
    )


def render_stats(stats: UsageStats) -> Message:
    n = len(stats.days)
    asked = stats.asked
    head = (
        f"*factbot over the last {n} day{'s' if n != 1 else ''}* ({mrkdwn(stats.tz_name, 60)}): "
        f"{asked} question{'s' if asked != 1 else ''}, "
        f"{stats.answered} answered ({_rate(stats.answered, asked)}); "
        f"votes: {stats.helpful} helpful, {stats.not_helpful} not helpful."
    )
    rows = [f"{'day':<10}  {'asked':>5}  {'answered':>8}  {'rate':>4}  {'helpful':>7}  {'not':>4}"]
    rows += [
        f"{d.day:<10}  {d.asked:>5}  {d.answered:>8}  {_rate(d.answered, d.asked):>4}  "
        f"{d.helpful:>7}  {d.not_helpful:>4}"
        for d in stats.days
    ]
    lines = [head, "```\n" + "\n".join(rows) + "\n```"]
    if stats.unanswered:
        lines.append("*Top unanswered questions*")
        lines += [f"• {mrkdwn(q, 200)} ({count}×)" for q, count in stats.unanswered]
    else:
        lines.append("No unanswered questions in this period.")
    if stats.known_gaps:
        lines.append(
            f"Known gaps (marked “not in the sources” in `/facts review`): {stats.known_gaps}."
        )
    lines.append(_delivery(stats.undelivered, stats.replies_waiting))
    summary = f"factbot, last {n} days: {asked} questions, {_rate(stats.answered, asked)} answered"
    return Message(text=summary, blocks=sections(lines))


#: What each outcome of a reply that never reached Slack means, for an admin.
TROUBLE = {
    "expired": "too late to send",
    "failed": "refused by Slack or failed",
    "unconfirmed": "sent, but Slack never confirmed it",
}


def _delivery(troubles: tuple[ReplyTrouble, ...], waiting: int) -> str:
    """The replies owed to acknowledged questions that never reached Slack, by reason."""
    total = sum(t.count for t in troubles)
    lines = []
    if total:
        lines.append(f"*Replies that never reached Slack*: {total}")
        lines += [
            f"• {t.count} {TROUBLE.get(t.status, t.status)} (`{mrkdwn(t.reason or '-', 60)}`)"
            for t in troubles[:10]
        ]
    else:
        lines.append("Every reply to an acknowledged question reached Slack.")
    if waiting:
        lines.append(f"{waiting} repl{'ies' if waiting != 1 else 'y'} waiting to be sent now.")
    return "\n".join(lines)


def _rate(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "-"


_SETTING_LABELS = {
    "en": {"tz": "Time zone", "language": "Language", "admins": "Admins"},
    "fr": {"tz": "Fuseau horaire", "language": "Langue", "admins": "Admins"},
}
_DEFAULT_SOURCES = {
    "tz": "FACTBOT_TZ",
    "language": "English",
    "admins": "FACTBOT_ADMINS",
}


def render_settings(workspace: Workspace, changed: str | None = None, lang: str = "en") -> Message:
    """`/facts settings`: each setting in effect and where it comes from."""
    labels = _SETTING_LABELS.get(lang, _SETTING_LABELS["en"])
    fr = lang == "fr"
    lines = ["*Réglages de cet espace de travail*" if fr else "*This workspace's settings*"]
    if changed is not None:
        lines.append(
            f"Réglage modifié : {labels[changed]}." if fr else f"Changed: {labels[changed]}."
        )
    values = {
        "tz": f"`{mrkdwn(workspace.tz_name, 80)}`",
        "language": "français (fr)" if workspace.language == "fr" else "English (en)",
        "admins": ", ".join(f"<@{a}>" for a in sorted(workspace.admins))
        or ("aucun (admins Slack seulement)" if fr else "none (Slack admins only)"),
    }
    stored = workspace.stored
    for name in WORKSPACE_SETTINGS:
        if workspace.source(name) == "workspace":
            by = f" <@{stored.updated_by}>" if stored.updated_by else ""
            source = f"réglé ici{by}" if fr else f"set here{' by' + by if by else ''}"
        else:
            default = _DEFAULT_SOURCES[name]
            source = f"par défaut : {default}" if fr else f"default: {default}"
        colon = " :" if fr else ":"
        lines.append(f"• {labels[name]}{colon} {values[name]} _({source})_")
    lines.append(
        "Les admins changent un réglage avec `/facts parametres tz|language|admins ...`, "
        "et le remettent par défaut avec `/facts parametres reset <nom>`."
        if fr
        else "Admins change one with `/facts settings tz|language|admins ...`, and put it back "
        "to the default with `/facts settings reset <name>`."
    )
    return Message(text=lines[0].strip("*"), blocks=sections(lines))
