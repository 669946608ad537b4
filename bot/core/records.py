"""The records the layers hand each other: plain frozen dataclasses, no I/O.

Storage returns them, services pass them on, renderers show them. They live in
the core so that rendering a digest status or a vote never imports the module
that speaks SQL, and admin results never import the service that produced them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum

from bot.core.factbase import Problem

#: Where "now" comes from: tests pass a fixed or stepping clock.
Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Where:
    """Who asked, where, and through which surface (it goes into the question log)."""

    surface: str  # "command" | "mention" | "dm" | "console" | "suggestion"
    user_id: str | None = None
    channel_id: str | None = None
    #: The outbox row of the acknowledged request this question came in (None: no outbox,
    #: the console say). The question log keeps it, so a reply sent again after a crash
    #: replaces the question row its first attempt wrote instead of adding a second.
    outbox_id: int | None = None
    #: The Slack workspace (and Enterprise Grid org) asking: '' is the single workspace of
    #: a bot run with SLACK_BOT_TOKEN, and the console. Every tenant row carries it.
    team_id: str = ""
    enterprise_id: str = ""


def workspace_of(team_id: object, enterprise_id: object) -> tuple[str, str]:
    """(team, enterprise) of a request: the workspace, or the org when Slack names no
    workspace (an Enterprise Grid org-wide install); '' for what Slack did not say."""
    enterprise = enterprise_id if isinstance(enterprise_id, str) else ""
    team = team_id if isinstance(team_id, str) and team_id else enterprise
    return team, enterprise


@dataclass(frozen=True, slots=True)
class PendingReply:
    """An acknowledged question whose reply has not been confirmed yet (an outbox row).

    The reply goes to `response_url` (a slash command) or into `channel_id`, in
    `thread_ts` if set (a mention or a DM). `claim` names who may send it now; only
    the holder of the claim sends, and only while the claim is fresh.
    """

    id: int
    surface: str  # "command" | "mention" | "dm"
    text: str  # what was asked, as plain text (already read from Slack's wire format)
    received_at: datetime
    claim: str  # unique per claim: "<worker>/<n>"
    claimed_at: datetime
    user_id: str | None = None
    channel_id: str | None = None
    response_url: str | None = None
    thread_ts: str | None = None
    attempts: int = 1  # claims so far, the first (at the ack) included
    #: Whose question it is: the reply goes out with that workspace's token.
    team_id: str = ""
    enterprise_id: str = ""


@dataclass(frozen=True, slots=True)
class ReplyTrouble:
    """Replies that never reached Slack, grouped, for `/facts stats`."""

    status: str  # "expired" | "failed" | "unconfirmed"
    reason: str  # response_url_expired, http_404, timeout, ...
    count: int


class Vote(Enum):
    """What a feedback click did, so the reply can say so."""

    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    UNKNOWN_ANSWER = "unknown"  # the answer is not in the log (a message older than the DB)


@dataclass(frozen=True, slots=True)
class LoggedQuestion:
    id: int
    asked_at: datetime
    surface: str
    user_id: str | None
    channel_id: str | None
    question: str
    answered: bool
    fact_id: str | None
    score: float | None
    fact_ids: tuple[str, ...]
    suggestion_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FeedbackCounts:
    helpful: int
    not_helpful: int


@dataclass(frozen=True, slots=True)
class DayStats:
    """One day of use, for `/facts stats`: questions asked and answered, votes cast."""

    day: str  # YYYY-MM-DD, local
    asked: int
    answered: int
    helpful: int
    not_helpful: int


@dataclass(frozen=True, slots=True)
class Subscription:
    channel_id: str
    post_at: str  # HH:MM
    active: bool
    curators: bool
    language: str
    paused_reason: str | None
    subscribed_by: str | None
    team_id: str = ""  # the workspace the channel's digest belongs to
    enterprise_id: str = ""


@dataclass(frozen=True, slots=True)
class WorkspaceSettings:
    """What a workspace's admins set with `/facts settings`; None: the environment's default
    (FACTBOT_TZ, FACTBOT_ADMINS, English)."""

    team_id: str
    tz_name: str | None = None
    language: str | None = None
    admins: tuple[str, ...] | None = None
    updated_by: str | None = None
    updated_at: datetime | None = None


#: The settings `/facts settings` may change, in the order they are shown.
WORKSPACE_SETTINGS = ("tz", "language", "admins")


@dataclass(frozen=True, slots=True)
class Workspace:
    """A workspace's settings in effect: what its admins set, else the environment's."""

    stored: WorkspaceSettings
    tz_name: str
    language: str  # "en" | "fr": answers to a question that gives no clue of its own
    admins: frozenset[str]

    def source(self, name: str) -> str:
        """ "workspace" when the workspace set `name`, "default" when the environment's."""
        value = {
            "tz": self.stored.tz_name,
            "language": self.stored.language,
            "admins": self.stored.admins,
        }[name]
        return "default" if value is None else "workspace"


@dataclass(frozen=True, slots=True)
class DigestPost:
    channel_id: str
    day: str
    status: str  # claimed | posting | posted | failed | skipped
    worker: str
    claimed_at: datetime
    attempts: int
    posted_at: datetime | None
    message_ts: str | None
    error: str | None
    fact_id: str | None
    #: When a post was about to be sent and may have reached Slack (None: it cannot have).
    intent_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class ReloadOutcome:
    ok: bool
    generation: int  # of the fact base serving now
    facts: int  # facts serving now
    problems: tuple[Problem, ...] = ()
    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class UsageStats:
    days: tuple[DayStats, ...]  # oldest first
    unanswered: tuple[tuple[str, int], ...]  # question, times asked; most asked first
    tz_name: str
    known_gaps: int = 0  # questions curators marked "not in the sources"
    undelivered: tuple[ReplyTrouble, ...] = ()  # replies that never reached Slack
    replies_waiting: int = 0  # acknowledged questions whose reply is not confirmed yet

    @property
    def asked(self) -> int:
        return sum(d.asked for d in self.days)

    @property
    def answered(self) -> int:
        return sum(d.answered for d in self.days)

    @property
    def helpful(self) -> int:
        return sum(d.helpful for d in self.days)

    @property
    def not_helpful(self) -> int:
        return sum(d.not_helpful for d in self.days)
