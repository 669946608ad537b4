"""The `/facts` grammar: one registry of subcommands, a pure parser, the help text.

The help text, the usage replies and docs/slack.md all come from `SUBCOMMANDS`,
and a test checks that every entry is documented, so the three cannot drift.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.browse import TimelineQuery, find_entity, parse_timeline
from bot.core.factbase import FactBase
from bot.core.text import escape_mrkdwn

#: The slash command, as declared in manifest.yml.
COMMAND = "/facts"


@dataclass(frozen=True, slots=True)
class Subcommand:
    name: str
    usage: str  # what to type after `/facts`
    summary: str
    summary_fr: str = ""
    aliases: tuple[str, ...] = ()  # French names: `/facts aide` is `/facts help`


SUBCOMMANDS: tuple[Subcommand, ...] = (
    Subcommand("help", "help", "show this help", "afficher cette aide", ("aide",)),
    Subcommand(
        "topics",
        "topics",
        "list the topics and how many facts each holds",
        "les sujets et le nombre de faits de chacun",
        ("sujets",),
    ),
    Subcommand(
        "list",
        "list <topic>",
        "list the facts of one topic, with their ids",
        "les faits d'un sujet, avec leurs identifiants",
        ("liste",),
    ),
    Subcommand(
        "source",
        "source <fact-id>",
        "show one fact with its full source entry",
        "un fait avec sa source complète",
    ),
    Subcommand(
        "timeline",
        "timeline [topic or institution] [from-to]",
        "dated facts in order, e.g. `timeline counterterrorism 2010-2016`",
        "les faits datés dans l'ordre, par ex. `chronologie BCIJ 2014-2016`",
        ("chronologie",),
    ),
    Subcommand(
        "about",
        "about <institution or acronym>",
        "who an institution is, and every fact that involves it",
        "qui est une institution, et tous les faits qui la concernent",
        ("apropos", "qui"),
    ),
    Subcommand(
        "digest",
        "digest on [HH:MM] | off | status | preview | curators on|off | lang en|fr",
        "a daily digest in this channel (default 09:00); curator notes are for admins",
        "un point quotidien dans ce canal (09:00 par défaut) ; notes curateurs : admins",
    ),
    Subcommand(
        "reload",
        "reload",
        "admins: reload the fact base from disk (refused if it has lint errors)",
        "admins : recharger la base de faits (refusé si elle a des erreurs)",
    ),
    Subcommand(
        "stats",
        "stats [days]",
        "admins: questions, answer rate, top unanswered questions and votes, by day (default 7)",
        "admins : questions, taux de réponse, questions sans réponse et votes, par jour",
    ),
)
BY_NAME = {s.name: s for s in SUBCOMMANDS}
BY_ALIAS = {alias: s for s in SUBCOMMANDS for alias in s.aliases}
ASK_USAGE = "<question>"
EXAMPLE_QUESTIONS = (
    "When was the BCIJ created?",
    "Which law covers human trafficking?",
    "How many prosecutors were trained in Casablanca?",
)
EXAMPLE_QUESTIONS_FR = (
    "Quand le BCIJ a-t-il été créé ?",
    "Quelle loi réprime la traite des êtres humains ?",
    "Combien de procureurs ont été formés à Casablanca ?",
)


# ------------------------------------------------------------------ parsed commands


@dataclass(frozen=True, slots=True)
class Ask:
    question: str


@dataclass(frozen=True, slots=True)
class Help:
    lang: str = "en"


@dataclass(frozen=True, slots=True)
class Topics:
    pass


@dataclass(frozen=True, slots=True)
class Timeline:
    query: TimelineQuery
    offset: int = 0
    lang: str = "en"


@dataclass(frozen=True, slots=True)
class About:
    entity_id: str
    lang: str = "en"


@dataclass(frozen=True, slots=True)
class ListTopic:
    topic: str


@dataclass(frozen=True, slots=True)
class ShowSource:
    fact_id: str


@dataclass(frozen=True, slots=True)
class DigestCommand:
    """`/facts digest ...`: action is on | off | status | preview | curators-on | curators-off."""

    action: str
    at: str | None = None  # HH:MM for "on"; "en" or "fr" for "lang"


@dataclass(frozen=True, slots=True)
class Reload:
    """`/facts reload` (admins): load the fact base from disk again."""


@dataclass(frozen=True, slots=True)
class ShowStats:
    """`/facts stats [days]` (admins): usage over the last `days` local days."""

    days: int = 7


#: The most days `/facts stats` covers.
STATS_MAX_DAYS = 90


@dataclass(frozen=True, slots=True)
class Usage:
    """A subcommand used wrongly: its usage line and what went wrong (mrkdwn, escaped)."""

    subcommand: Subcommand
    problem: str
    lang: str = "en"


Command = (
    Ask
    | Help
    | Topics
    | ListTopic
    | ShowSource
    | Timeline
    | About
    | DigestCommand
    | Reload
    | ShowStats
    | Usage
)


def parse(text: str, base: FactBase, *, strict: bool = True) -> Command:
    """Read what follows `/facts` (strict) or a conversational message (not strict).

    In a conversation ("@factbot list laws", a DM) a subcommand is recognised only
    when it is used correctly, so "list the trainings in 2019" stays a question.
    `/facts` promises its grammar, so there a misused subcommand gets its usage.
    """
    words = text.split()
    if not words:
        return Help()
    head, args = words[0].lower(), words[1:]
    sub = BY_NAME.get(head) or BY_ALIAS.get(head)
    if sub is None:
        return Ask(" ".join(words))
    lang = "fr" if head in sub.aliases else "en"
    command = _subcommand(sub, args, base, lang)
    if isinstance(command, Usage) and not strict:
        return Ask(" ".join(words))
    return command


def _subcommand(sub: Subcommand, args: list[str], base: FactBase, lang: str) -> Command:
    if sub.name in ("help", "topics"):
        if args:
            return Usage(sub, f"`{sub.name}` takes no arguments.", lang)
        return Help(lang) if sub.name == "help" else Topics()
    if sub.name == "timeline":
        query = parse_timeline(base, args)
        if isinstance(query, str):
            return Usage(sub, escape_mrkdwn(query), lang)
        return Timeline(query, 0, lang)
    if sub.name == "about":
        if not args:
            return Usage(sub, "Name an institution or an acronym, e.g. `about BCIJ`.", lang)
        entity = find_entity(base, " ".join(args))
        if entity is None:
            return Usage(
                sub,
                f"I have no card for `{_echo(' '.join(args))}`. Try an acronym: INL, BCIJ, "
                "DGSN, CNDH, UNODC, GLO.ACT...",
                lang,
            )
        return About(entity.id, lang)
    if sub.name == "list":
        if len(args) != 1:
            return Usage(sub, "Name one topic: " + ", ".join(base.topics) + ".")
        topic = args[0].lower()
        if topic not in base.topics:
            return Usage(
                sub, f"There is no topic `{_echo(topic)}`. Topics: {', '.join(base.topics)}."
            )
        return ListTopic(topic)
    if sub.name == "digest":
        return _digest(sub, [a.lower() for a in args])
    if sub.name == "reload":
        return Usage(sub, "`reload` takes no arguments.", lang) if args else Reload()
    if sub.name == "stats":
        if not args:
            return ShowStats()
        days = args[0] if len(args) == 1 else ""
        if days.isascii() and days.isdigit() and 0 < int(days) <= STATS_MAX_DAYS:
            return ShowStats(int(days))
        return Usage(sub, f"Give a number of days from 1 to {STATS_MAX_DAYS}, e.g. `stats 30`.")
    if len(args) != 1:
        return Usage(sub, "Give one fact id, as shown by `/facts list &lt;topic&gt;`.")
    fact_id = args[0].lower()
    if base.fact(fact_id) is None:
        return Usage(
            sub, f"There is no fact `{_echo(fact_id)}`; `/facts list &lt;topic&gt;` shows the ids."
        )
    return ShowSource(fact_id)


def _digest(sub: Subcommand, args: list[str]) -> Command:
    from bot.core.digest import parse_hhmm

    if not args:
        return Usage(sub, "Say what to do with the digest: on, off, status, preview or curators.")
    action, rest = args[0], args[1:]
    if action == "on" and len(rest) <= 1:
        if rest and parse_hhmm(rest[0]) is None:
            return Usage(sub, f"`{_echo(rest[0])}` is not a time of day: use HH:MM, e.g. 08:30.")
        at = parse_hhmm(rest[0]) if rest else None
        return DigestCommand("on", at.strftime("%H:%M") if at else None)
    if action in ("off", "status", "preview") and not rest:
        return DigestCommand(action)
    if action == "curators" and rest in (["on"], ["off"]):
        return DigestCommand(f"curators-{rest[0]}")
    if action in ("lang", "langue") and rest in (["en"], ["fr"]):
        return DigestCommand("lang", rest[0])
    return Usage(sub, f"I don't know `digest {_echo(' '.join(args))}`.")


def _echo(word: str) -> str:
    """User text going back into mrkdwn: short, and escaped so it cannot ping anyone."""
    return escape_mrkdwn(word if len(word) <= 60 else word[:59] + "…")


def help_lines(command: str = COMMAND, lang: str = "en") -> list[str]:
    """One mrkdwn line per way to use the command, for the help reply and the App Home."""
    if lang == "fr":
        lines = [f"`{command} <question>` : répondre à une question à partir de la base de faits"]
        lines.extend(
            f"`{command} {escape_mrkdwn(_french_usage(s))}` : {s.summary_fr or s.summary}"
            for s in SUBCOMMANDS
        )
        return lines
    lines = [f"`{command} {escape_mrkdwn(ASK_USAGE)}`: answer a question from the fact base"]
    lines.extend(f"`{command} {escape_mrkdwn(s.usage)}`: {s.summary}" for s in SUBCOMMANDS)
    return lines


def _french_usage(sub: Subcommand) -> str:
    return sub.aliases[0] + sub.usage[len(sub.name) :] if sub.aliases else sub.usage
