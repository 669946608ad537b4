"""What a `/facts` subcommand asks for, once parsed: plain frozen dataclasses.

The parsers, help text, handlers and renderers that go with them are registered
together in `bot.services.subcommands`; these records sit in the core so that the
services carrying out a command (digest, admin) can name them without importing
the registry.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.browse import TimelineQuery


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
class WorkspaceCommand:
    """`/facts settings ...`: show the workspace's settings, set one (admins), or reset one
    to the environment's default (admins).

    `name` is one of `bot.core.records.WORKSPACE_SETTINGS`; `value` a time zone, a
    language or user ids, already checked.
    """

    action: str  # show | set | reset
    name: str | None = None
    value: tuple[str, ...] = ()
    lang: str = "en"
