"""The `/facts` subcommands: one registry entry each, holding all of a subcommand.

An entry carries its grammar (`parse`: the words after the name -> a command
record or `Invalid`), its help text (`usage`, `summary`, `summary_fr`, French
`aliases`), its handler (`run`: does the work, returns what to show) and its
renderer (`render`: that result -> a Slack message). `Subcommand` is generic in
the command record and the result, so mypy checks that the parser feeds the
handler and the handler feeds the renderer; a missing piece is a TypeError at
import. Adding a subcommand is one entry in `SUBCOMMANDS` (and, for a new kind of
command, its record). The help text, the usage replies and docs/slack.md all
come from this registry, and a test checks that every entry is documented.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Generic, TypeVar
from zoneinfo import available_timezones

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from bot.core.browse import find_entity, parse_timeline
from bot.core.curation import Propose, ShowReview, Teach
from bot.core.digest import parse_hhmm
from bot.core.factbase import Entity, Fact, FactBase
from bot.core.grammar import (
    STATS_MAX_DAYS,
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
    WorkspaceCommand,
)
from bot.core.i18n import COMMAND
from bot.core.records import Where, Workspace
from bot.core.text import escape_mrkdwn
from bot.render.admin import render_settings
from bot.render.answers import (
    render_help,
    render_source,
    render_topic_list,
    render_topics,
)
from bot.render.blocks import Message
from bot.render.browse import render_card, render_timeline
from bot.services.admin import refusal, run_stats
from bot.services.curation import (
    CuratedBy,
    run_propose,
    run_reload,
    run_review,
    run_teach,
    who_curates,
)
from bot.services.deps import Deps
from bot.services.digest_runner import digest_reply

#: The command typed without its slash or mistyped ("facts", "/fact", "/facst"): before a
#: subcommand it says the message was meant as one.
_COMMAND_TYPED = re.compile(r"/?(?:facts?|fatcs|facst|fcats|fcts|factz)|/\w+")

logger = logging.getLogger(__name__)

Command = TypeVar("Command")
Result = TypeVar("Result")

ASK_USAGE = "<question>"
#: With many workspaces, the help's last line for someone who does not curate: who does.
CURATED_BY = {
    "en": "Curators (`{command} review`, `teach`, approving proposed facts) are the admins of "
    "the {workspace} workspace; anyone may propose a fact.",
    "fr": "Les curateurs (`{command} revue`, `enseigner`, validation des faits proposés) sont "
    "les admins de l'espace de travail {workspace} ; tout le monde peut proposer un fait.",
}
NOT_CURATED = {
    "en": "Curation (`{command} review`, `teach`, approving proposed facts) is not set up for "
    "this deployment.",
    "fr": "La curation (`{command} revue`, `enseigner`, validation des faits proposés) n'est pas "
    "configurée pour ce déploiement.",
}


@dataclass(frozen=True, slots=True)
class Invalid:
    """The words after a subcommand do not fit its grammar: what went wrong (mrkdwn, escaped)."""

    problem: str


@dataclass(frozen=True, slots=True)
class Call:
    """What a handler may use besides its command: the dependencies, who asked, the registry."""

    deps: Deps
    where: Where
    registry: Registry


@dataclass(frozen=True, slots=True)
class Subcommand(Generic[Command, Result]):
    """One subcommand, whole: grammar, help text, handler and renderer."""

    name: str
    usage: str  # what to type after `/facts`
    summary: str
    summary_fr: str
    command: type[Command]  # the record `parse` returns; replies are dispatched on it
    parse: Callable[[list[str], FactBase, str], Command | Invalid]  # (args, base, lang)
    run: Callable[[Call, Command], Awaitable[Result]]
    render: Callable[[Result], Message]
    aliases: tuple[str, ...] = ()  # French names: `/facts aide` is `/facts help`

    async def reply(self, call: Call, command: Command) -> Message:
        return self.render(await self.run(call, command))

    def french_usage(self) -> str:
        return self.aliases[0] + self.usage[len(self.name) :] if self.aliases else self.usage


@dataclass(frozen=True, slots=True)
class Usage:
    """A subcommand used wrongly: its entry and what went wrong (mrkdwn, escaped)."""

    subcommand: Subcommand[Any, Any]
    problem: str
    lang: str = "en"


class Registry:
    """The subcommands of `/facts`, looked up by name, French alias and command record."""

    def __init__(self, entries: Sequence[Subcommand[Any, Any]]) -> None:
        self.entries = tuple(entries)
        self._by_word: dict[str, Subcommand[Any, Any]] = {}
        self._by_command: dict[type, Subcommand[Any, Any]] = {}
        for entry in self.entries:
            for word in (entry.name, *entry.aliases):
                if word in self._by_word:
                    raise ValueError(f"two subcommands are called {word!r}")
                self._by_word[word] = entry
            if entry.command in self._by_command:
                raise ValueError(f"two subcommands return {entry.command.__name__}")
            self._by_command[entry.command] = entry

    def __iter__(self) -> Any:
        return iter(self.entries)

    def plus(self, *entries: Subcommand[Any, Any]) -> Registry:
        return Registry((*self.entries, *entries))

    def parse(self, text: str, base: FactBase, *, strict: bool = True) -> object:
        """Read what follows `/facts` (strict) or a conversational message (not strict).

        Returns `Ask`, `Usage` or the record of the subcommand used. In a conversation
        ("@factbot list laws", a DM) a subcommand is recognised only when it is used
        correctly, so "list the trainings in 2019" stays a question. `/facts`
        promises its grammar, so there a misused subcommand gets its usage.
        """
        words = text.split()
        if not words:
            return Help()
        head, args = words[0].lower(), words[1:]
        entry = self._by_word.get(head)
        if entry is None:
            return Ask(" ".join(words))
        lang = "fr" if head in entry.aliases else "en"
        parsed = entry.parse(args, base, lang)
        if isinstance(parsed, Invalid):
            return Usage(entry, parsed.problem, lang) if strict else Ask(" ".join(words))
        return parsed

    async def reply(self, call: Call, command: object) -> Message:
        """Carry out a parsed subcommand and render its reply."""
        return await self._by_command[type(command)].reply(call, command)

    def meant(self, text: str) -> str | None:
        """The subcommand a mistyped word was probably meant to be: "hlep" -> "help",
        "/facts topcis", "/fact topics" or "facts help" -> "topics" / "help"; None when none
        is that close (one edit for words of up to five letters, so "hello" is not "help";
        two for longer ones)."""
        words = text.replace(COMMAND, " ").split()
        if len(words) == 2 and _COMMAND_TYPED.fullmatch(words[0].lower()):
            words = words[1:]  # "/fact topcis", "facts help": the command, mistyped or bare
        if len(words) != 1:
            return None
        word = words[0].lower().lstrip("/")
        found = process.extractOne(
            word,
            list(self._by_word),
            scorer=DamerauLevenshtein.distance,
            score_cutoff=1 if len(word) <= 5 else 2,
        )
        return self._by_word[found[0]].name if found is not None else None

    def help_lines(
        self, command: str = COMMAND, lang: str = "en", *, curated_by: CuratedBy | None = None
    ) -> list[str]:
        """One mrkdwn line per way to use the command, for the help reply and the App Home;
        then, for someone who does not curate (`curated_by`), who does."""
        if lang == "fr":
            lines = [
                f"`{command} <question>` : répondre à une question à partir de la base de faits"
            ]
            lines.extend(
                f"`{command} {escape_mrkdwn(s.french_usage())}` : {s.summary_fr or s.summary}"
                for s in self.entries
            )
        else:
            lines = [
                f"`{command} {escape_mrkdwn(ASK_USAGE)}`: answer a question from the fact base"
            ]
            lines.extend(f"`{command} {escape_mrkdwn(s.usage)}`: {s.summary}" for s in self.entries)
        if curated_by is not None:
            said = NOT_CURATED if curated_by.workspace is None else CURATED_BY
            lines.append(
                said["fr" if lang == "fr" else "en"].format(
                    command=command, workspace=curated_by.workspace
                )
            )
        return lines


def _echo(word: str) -> str:
    """User text going back into mrkdwn: short, and escaped so it cannot ping anyone."""
    return escape_mrkdwn(word if len(word) <= 60 else word[:59] + "…")


# ------------------------------------------------------------------ grammars


def _no_arguments(record: Callable[[str], Any], name: str) -> Callable[..., Any]:
    def parse(args: list[str], base: FactBase, lang: str) -> Any:
        return Invalid(f"`{name}` takes no arguments.") if args else record(lang)

    return parse


def _parse_timeline(args: list[str], base: FactBase, lang: str) -> Timeline | Invalid:
    query = parse_timeline(base, args)
    if isinstance(query, str):
        return Invalid(escape_mrkdwn(query))
    return Timeline(query, 0, lang)


def _parse_about(args: list[str], base: FactBase, lang: str) -> About | Invalid:
    if not args:
        return Invalid("Name an institution or an acronym, e.g. `about BCIJ`.")
    entity = find_entity(base, " ".join(args))
    if entity is None:
        return Invalid(
            f"I have no card for `{_echo(' '.join(args))}`. Try an acronym: INL, BCIJ, "
            "DGSN, CNDH, UNODC, GLO.ACT..."
        )
    return About(entity.id, lang)


def _parse_list(args: list[str], base: FactBase, lang: str) -> ListTopic | Invalid:
    if len(args) != 1:
        return Invalid("Name one topic: " + ", ".join(base.topics) + ".")
    topic = args[0].lower()
    if topic not in base.topics:
        return Invalid(f"There is no topic `{_echo(topic)}`. Topics: {', '.join(base.topics)}.")
    return ListTopic(topic)


def _parse_source(args: list[str], base: FactBase, lang: str) -> ShowSource | Invalid:
    if len(args) != 1:
        return Invalid("Give one fact id, as shown by `/facts list &lt;topic&gt;`.")
    fact_id = args[0].lower()
    if base.fact(fact_id) is None:
        return Invalid(
            f"There is no fact `{_echo(fact_id)}`; `/facts list &lt;topic&gt;` shows the ids."
        )
    return ShowSource(fact_id)


def _parse_digest(args: list[str], base: FactBase, lang: str) -> DigestCommand | Invalid:
    words = [a.lower() for a in args]
    if not words:
        return Invalid("Say what to do with the digest: on, off, status, preview or curators.")
    action, rest = words[0], words[1:]
    if action == "on" and len(rest) <= 1:
        if rest and parse_hhmm(rest[0]) is None:
            return Invalid(f"`{_echo(rest[0])}` is not a time of day: use HH:MM, e.g. 08:30.")
        at = parse_hhmm(rest[0]) if rest else None
        return DigestCommand("on", at.strftime("%H:%M") if at else None)
    if action in ("off", "status", "preview") and not rest:
        return DigestCommand(action)
    if action == "curators" and rest in (["on"], ["off"]):
        return DigestCommand(f"curators-{rest[0]}")
    if action in ("lang", "langue") and rest in (["en"], ["fr"]):
        return DigestCommand("lang", rest[0])
    return Invalid(f"I don't know `digest {_echo(' '.join(words))}`.")


def _parse_stats(args: list[str], base: FactBase, lang: str) -> ShowStats | Invalid:
    if not args:
        return ShowStats()
    days = args[0] if len(args) == 1 else ""
    if days.isascii() and days.isdigit() and 0 < int(days) <= STATS_MAX_DAYS:
        return ShowStats(int(days))
    return Invalid(f"Give a number of days from 1 to {STATS_MAX_DAYS}, e.g. `stats 30`.")


def _parse_teach(args: list[str], base: FactBase, lang: str) -> Teach | Invalid:
    anyway = bool(args) and args[0].lower() in ("--anyway", "—anyway")
    words = args[1:] if anyway else args
    if not words:
        return Invalid(
            "Give a fact id, then the question, e.g. `teach bcij-established who set up the BCIJ?`."
        )
    fact_id = words[0].lower()
    if base.fact(fact_id) is None:
        return Invalid(
            f"There is no fact `{_echo(fact_id)}`; `/facts list &lt;topic&gt;` shows the ids."
        )
    if len(words) < 2:
        return Invalid(f"Give the question to teach after `{_echo(fact_id)}`.")
    return Teach(fact_id, " ".join(words[1:]), anyway)


#: The words that name each workspace setting (English and French).
_SETTING_NAMES = {
    "tz": "tz",
    "timezone": "tz",
    "fuseau": "tz",
    "language": "language",
    "lang": "language",
    "langue": "language",
    "admins": "admins",
}
#: A Slack user id, as typed (`U123`, `@U123`) or as Slack sends a mention (`<@U123|name>`).
_USER_ID = re.compile(r"^(?:<@|@)?([UW][A-Z0-9]{2,})(?:\|[^<>]*)?>?$")


@lru_cache(maxsize=1)
def _zones() -> dict[str, str]:
    """Every IANA time zone known here, by its name folded to lower case."""
    return {name.lower(): name for name in available_timezones()}


def _parse_settings(args: list[str], base: FactBase, lang: str) -> WorkspaceCommand | Invalid:
    if not args:
        return WorkspaceCommand("show", lang=lang)
    head, rest = args[0].lower(), args[1:]
    if head == "reset":
        name = _SETTING_NAMES.get(rest[0].lower()) if len(rest) == 1 else None
        if name is None:
            return Invalid("Say which setting to reset: `tz`, `language` or `admins`.")
        return WorkspaceCommand("reset", name, lang=lang)
    name = _SETTING_NAMES.get(head)
    if name is None:
        return Invalid(f"There is no setting `{_echo(head)}`: use `tz`, `language` or `admins`.")
    if name == "tz":
        zone = _zones().get(rest[0].lower()) if len(rest) == 1 else None
        if zone is None:
            shown = _echo(" ".join(rest)) if rest else "nothing"
            return Invalid(
                f"`{shown}` is not a time zone: give one IANA name, e.g. `Africa/Casablanca`."
            )
        return WorkspaceCommand("set", "tz", (zone,), lang)
    if name == "language":
        if [w.lower() for w in rest] not in (["en"], ["fr"]):
            return Invalid("Give `en` or `fr`.")
        return WorkspaceCommand("set", "language", (rest[0].lower(),), lang)
    users = [_USER_ID.match(word) for word in rest]
    if not users or not all(users):
        return Invalid(
            "Give the admins' Slack user ids (a profile's _Copy member ID_), e.g. "
            "`admins U012AB3CD U045EF6GH`."
        )
    ids = tuple(dict.fromkeys(m.group(1) for m in users if m is not None))
    return WorkspaceCommand("set", "admins", ids, lang)


# ------------------------------------------------------------------ handlers


async def _help(call: Call, command: Help) -> tuple[list[str], str]:
    curated_by = await who_curates(call.deps)
    if curated_by is not None and await call.deps.curators.is_curator(call.where):
        curated_by = None  # a curator needs no telling
    return call.registry.help_lines(lang=command.lang, curated_by=curated_by), command.lang


async def _topics(call: Call, command: Topics) -> FactBase:
    return call.deps.base


async def _list(call: Call, command: ListTopic) -> tuple[FactBase, str]:
    return call.deps.base, command.topic


async def _source(call: Call, command: ShowSource) -> Fact:
    fact = call.deps.base.fact(command.fact_id)
    if fact is None:  # the fact base was reloaded between parse and reply
        raise LookupError(command.fact_id)
    return fact


async def _timeline(call: Call, command: Timeline) -> tuple[FactBase, Timeline]:
    return call.deps.base, command


async def _about(call: Call, command: About) -> tuple[FactBase, Entity, str]:
    base = call.deps.base
    return base, base.entity_by_id[command.entity_id], command.lang


async def _digest(call: Call, command: DigestCommand) -> Message:
    return await digest_reply(call.deps, command, call.where)


async def _reload(call: Call, command: Reload) -> Message:
    return await run_reload(call.deps, call.where)


async def _stats(call: Call, command: ShowStats) -> Message:
    return await run_stats(call.deps, command.days, call.where)


async def _review(call: Call, command: ShowReview) -> Message:
    return await run_review(call.deps, call.where)


async def _teach(call: Call, command: Teach) -> Message:
    return await run_teach(call.deps, command, call.where)


async def _propose(call: Call, command: Propose) -> Message:
    return await run_propose(call.deps, call.where)


async def _settings(
    call: Call, command: WorkspaceCommand
) -> Message | tuple[Workspace, str | None, str]:
    """Anyone sees the workspace's settings; only its admins change them."""
    deps, where = call.deps, call.where
    if command.action != "show" and command.name is not None:
        refused = await refusal(deps, "settings", where)
        if refused is not None:
            return refused
        value: str | tuple[str, ...] | None = None
        if command.action == "set":
            value = command.value if command.name == "admins" else command.value[0]
        await deps.store_for(where).set_workspace_setting(
            command.name, value, by=where.user_id or where.surface
        )
        logger.info(
            "workspace_setting team=%s name=%s action=%s user=%s",
            where.team_id,
            command.name,
            command.action,
            where.user_id,
        )
    return await deps.workspace(where), command.name, command.lang


def _render_settings(shown: Message | tuple[Workspace, str | None, str]) -> Message:
    return shown if isinstance(shown, Message) else render_settings(*shown)


def _as_is(message: Message) -> Message:
    """For handlers that choose among several replies (a refusal, a notice) themselves."""
    return message


SUBCOMMANDS = Registry(
    (
        Subcommand(
            "help",
            "help",
            "show this help",
            "afficher cette aide",
            Help,
            _no_arguments(Help, "help"),
            _help,
            lambda shown: render_help(shown[0], lang=shown[1]),
            ("aide",),
        ),
        Subcommand(
            "topics",
            "topics",
            "list the topics and how many facts each holds",
            "les sujets et le nombre de faits de chacun",
            Topics,
            _no_arguments(lambda lang: Topics(), "topics"),
            _topics,
            render_topics,
            ("sujets",),
        ),
        Subcommand(
            "list",
            "list <topic>",
            "list the facts of one topic, with their ids",
            "les faits d'un sujet, avec leurs identifiants",
            ListTopic,
            _parse_list,
            _list,
            lambda shown: render_topic_list(*shown),
            ("liste",),
        ),
        Subcommand(
            "source",
            "source <fact-id>",
            "show one fact with its full source entry",
            "un fait avec sa source complète",
            ShowSource,
            _parse_source,
            _source,
            render_source,
        ),
        Subcommand(
            "timeline",
            "timeline [topic or institution] [from-to]",
            "dated facts in order, e.g. `timeline counterterrorism 2010-2016`",
            "les faits datés dans l'ordre, par ex. `chronologie BCIJ 2014-2016`",
            Timeline,
            _parse_timeline,
            _timeline,
            lambda shown: render_timeline(shown[0], shown[1].query, shown[1].offset, shown[1].lang),
            ("chronologie",),
        ),
        Subcommand(
            "about",
            "about <institution or acronym>",
            "who an institution is, and every fact that involves it",
            "qui est une institution, et tous les faits qui la concernent",
            About,
            _parse_about,
            _about,
            lambda shown: render_card(*shown),
            ("apropos", "qui"),
        ),
        Subcommand(
            "digest",
            "digest on [HH:MM] | off | status | preview | curators on|off | lang en|fr",
            "a daily digest in this channel (default 09:00); curator notes are for admins",
            "un point quotidien dans ce canal (09:00 par défaut) ; notes curateurs : admins",
            DigestCommand,
            _parse_digest,
            _digest,
            _as_is,
        ),
        Subcommand(
            "reload",
            "reload",
            "curators: reload the fact base from disk (refused if it has lint errors)",
            "curateurs : recharger la base de faits (refusé si elle a des erreurs)",
            Reload,
            _no_arguments(lambda lang: Reload(), "reload"),
            _reload,
            _as_is,
        ),
        Subcommand(
            "stats",
            "stats [days]",
            "admins: questions, answer rate, top unanswered questions and votes, by day "
            "(default 7)",
            "admins : questions, taux de réponse, questions sans réponse et votes, par jour",
            ShowStats,
            _parse_stats,
            _stats,
            _as_is,
        ),
        Subcommand(
            "settings",
            "settings [tz <zone> | language en|fr | admins <user-id>... | reset <name>]",
            "this workspace's time zone, default language and admins (admins change them)",
            "le fuseau horaire, la langue par défaut et les admins de cet espace (admins)",
            WorkspaceCommand,
            _parse_settings,
            _settings,
            _render_settings,
            ("parametres",),
        ),
        Subcommand(
            "review",
            "review",
            "curators: questions to teach or close, facts due for review, proposed facts",
            "curateurs : questions à enseigner ou clore, faits à revoir, faits proposés",
            ShowReview,
            _no_arguments(lambda lang: ShowReview(), "review"),
            _review,
            _as_is,
            ("revue",),
        ),
        Subcommand(
            "teach",
            "teach <fact-id> <question>",
            "curators: teach a fact a question, checked first (`teach --anyway ...` keeps it "
            "even if it moves other answers)",
            "curateurs : apprendre une question à un fait, vérifiée d'abord",
            Teach,
            _parse_teach,
            _teach,
            _as_is,
            ("enseigner",),
        ),
        Subcommand(
            "propose",
            "propose",
            "propose a new fact with a verbatim quote from a source (a form; a curator approves)",
            "proposer un fait avec une citation exacte d'une source (un formulaire)",
            Propose,
            _no_arguments(lambda lang: Propose(), "propose"),
            _propose,
            _as_is,
            ("proposer",),
        ),
    )
)


def parse(text: str, base: FactBase, *, strict: bool = True) -> object:
    """`SUBCOMMANDS.parse`: the `/facts` grammar as the bot serves it."""
    return SUBCOMMANDS.parse(text, base, strict=strict)


def help_lines(
    command: str = COMMAND, lang: str = "en", *, curated_by: CuratedBy | None = None
) -> list[str]:
    return SUBCOMMANDS.help_lines(command, lang, curated_by=curated_by)
