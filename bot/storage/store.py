"""Everything the bot remembers, in SQLite or PostgreSQL: with `bot.storage.curation`,
the only code that speaks SQL.

The database is a `bot.storage.db.Database`: one aiosqlite connection (the default;
WAL so a curator can read the file while the bot writes, a busy timeout so a
concurrent reader never turns into an error), or an asyncpg pool shared by several
workers. The SQL is written once for both. The schema is an ordered list of
migrations, each applied once in its own transaction together with its record in
`schema_migrations`, under a lock so that processes starting at once apply each
one once; later features append to `MIGRATIONS`, never edit it.

Methods are named after what the bot means to do (`record_question`,
`mark_event_handled`), not after tables, so callers never see SQL.

The writes on every request (the outbox row written before the ack, the question
log row, the outbox row marked sent once Slack confirmed the reply, the event id
that makes an App Home event answered once) are group-committed on SQLite: while
one batch is in SQLite, the rows that arrive queue up and go in together as the next one, in one
statement and one trip to aiosqlite's thread. A lone request is written at once,
as before; fifty at a time cost a few trips instead of fifty. Each caller still
waits for its own row to be committed, so nothing is acknowledged before it is
written, and a locked database delays a batch, never drops it. On PostgreSQL each
write goes at once on a connection of the pool, concurrently.
"""

from __future__ import annotations

import asyncio
import copy
import json
import logging
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any, Generic, TypeVar

from bot.core.records import (
    Clock,
    DayStats,
    DigestPost,
    FeedbackCounts,
    LoggedQuestion,
    PendingReply,
    ReplyTrouble,
    Subscription,
    Vote,
    WorkspaceSettings,
    utc_now,
)
from bot.storage.cluster import MIGRATION_NAME as CLUSTER_MIGRATION
from bot.storage.cluster import MIGRATION_SQL as CLUSTER_SQL
from bot.storage.cluster import ClusterStore
from bot.storage.curation import (
    MIGRATION_NAME,
    MIGRATION_SQL,
    PROPOSAL_TEAM_MIGRATION,
    PROPOSAL_TEAM_SQL,
    CurationStore,
)
from bot.storage.db import PG_POOL_SIZE, Database, IntegrityError, PostgresDatabase, connect
from bot.storage.installations import MIGRATION_NAME as INSTALLATIONS
from bot.storage.installations import MIGRATION_SQL as INSTALLATIONS_SQL
from bot.storage.installations import InstallationsStore
from bot.storage.workers import Borrowed, Liveness, PostgresWorkers, Workers

logger = logging.getLogger(__name__)


#: How long an event id is remembered. Slack's last retry comes about 5 minutes
#: after the first delivery; a day leaves room for a bot that was down a while.
EVENT_MEMORY = timedelta(days=1)
#: Old event ids are purged at most this often (one statement fewer on most events).
EVENT_PURGE_EVERY = timedelta(minutes=10)


#: Rows in one group-committed statement: at most 11 parameters a row, well under
#: SQLite's limit of 32,766 bound parameters.
MAX_BATCH = 256

#: How long a claim on an outbox row keeps other processes from sending its reply. Its
#: holder renews it before any attempt once half of it has gone, and an attempt lasts at
#: most the client's timeout (10 s), so an attempt always ends inside the claim. A claim
#: whose process is known dead (bot.storage.workers) is taken over at once.
OUTBOX_LEASE = timedelta(seconds=60)
#: Slack's response_url takes replies for 30 minutes. A reply not sent within this of its
#: question is recorded as expired instead (a minute early: the send itself takes time).
REPLY_DEADLINE = timedelta(minutes=29)
#: Claims of one outbox row (the first is at the ack) before the bot gives up on it.
MAX_REPLY_CLAIMS = 3
#: How long a sent reply's row is kept: the memory that answers a trigger_id or an
#: event_id once. Rows of replies that never arrived are kept for `/facts stats`.
OUTBOX_MEMORY = timedelta(days=1)
OUTBOX_TROUBLE_MEMORY = timedelta(days=90)
#: Outbox rows claimed at once by one recovery pass.
RECOVERY_BATCH = 200
#: Outbox outcomes that are final: the reply reached Slack, or never will.
REPLY_DONE = ("sent", "expired", "failed", "unconfirmed")


Item = TypeVar("Item")
Result = TypeVar("Result")


class StoreClosed(RuntimeError):
    """A write arrived after the store began closing: it is refused, not half-written."""


class WriteInterrupted(RuntimeError):
    """The group-commit writer stopped (cancelled) before this write was confirmed."""


class WriteMismatch(RuntimeError):
    """Rows went in but their ids could not be matched to them (never retried)."""


#: Errors raised before SQLite runs a statement (a value it cannot bind): nothing of
#: the batch was written, so each row can be tried alone and only the bad one fails.
#: Any other error is not retried: the rows may be in, and writing them twice (or
#: calling a new event a repeat) is worse.
_BEFORE_WRITING: tuple[type[Exception], ...] = (
    UnicodeEncodeError,
    OverflowError,
    sqlite3.InterfaceError,
    sqlite3.ProgrammingError,
    sqlite3.DataError,
)


class GroupCommit(Generic[Item, Result]):
    """Writes that arrive while a batch is in SQLite wait and go in together, next.

    `write_batch` gets the items in arrival order and returns one result each.
    A value SQLite cannot bind fails only its own caller: that batch is written
    row by row. A caller that stops waiting (cancelled at shutdown) does not take
    its row back: it is written anyway, and `flush` waits for every queued row.
    Whatever happens to the writer, no caller is left waiting for ever.
    """

    def __init__(
        self,
        what: str,
        write_batch: Callable[[list[Item]], Awaitable[list[Result]]],
        *,
        batched: bool = True,
    ) -> None:
        self.what = what  # for logs: "question", "event_id"
        self._write_batch = write_batch
        #: False on PostgreSQL: each write goes at once, alone, beside the others.
        self._batched = batched
        self._queue: list[tuple[Item, asyncio.Future[Result]]] = []
        self._writer: asyncio.Task[None] | None = None
        self._alone: set[asyncio.Task[list[Result]]] = set()
        self._closing = False

    @property
    def idle(self) -> bool:
        return not self._queue and (self._writer is None or self._writer.done()) and not self._alone

    async def submit(self, item: Item) -> Result:
        if self._closing:
            raise StoreClosed(f"the store is closing: {self.what} not written")
        if not self._batched:
            # A task of its own, so a caller that stops waiting does not take its row back.
            task = asyncio.create_task(self._write_alone(item), name=f"write-{self.what}")
            self._alone.add(task)
            task.add_done_callback(self._alone.discard)
            results = await asyncio.shield(task)
            return results[0]
        future: asyncio.Future[Result] = asyncio.get_running_loop().create_future()
        self._queue.append((item, future))
        self._start_writer()
        return await future

    async def _write_alone(self, item: Item) -> list[Result]:
        return await self._write_batch([item])

    def close(self) -> None:
        """Refuse new writes from now on (those queued are still written by `flush`)."""
        self._closing = True

    async def flush(self) -> None:
        """Wait until every row queued so far is written."""
        if self._alone:
            await asyncio.gather(*self._alone, return_exceptions=True)
        while not self.idle:
            self._start_writer()
            assert self._writer is not None
            try:
                await asyncio.shield(self._writer)
            except asyncio.CancelledError:
                task = asyncio.current_task()
                if task is not None and task.cancelling():
                    raise  # this flush itself was cancelled
                # The writer was cancelled; its callers were told. Write what is left.
            except Exception:  # noqa: BLE001 - each caller was handed the error already
                pass

    def _start_writer(self) -> None:
        if self._queue and (self._writer is None or self._writer.done()):
            self._writer = asyncio.create_task(
                self._write_queued(), name=f"sqlite-group-commit-{self.what}"
            )

    async def _write_queued(self) -> None:
        batch: list[tuple[Item, asyncio.Future[Result]]] = []
        try:
            while self._queue:
                batch, self._queue = self._queue[:MAX_BATCH], self._queue[MAX_BATCH:]
                await self._write(batch)
                batch = []
        except BaseException as exc:
            # The writer itself stopped: fail the batch in hand, leave the rest queued
            # for the next writer (a later submit, or flush).
            error = exc if isinstance(exc, Exception) else WriteInterrupted(self.what)
            for _, future in batch:
                _fail(future, error, self.what)
            raise

    async def _write(self, batch: list[tuple[Item, asyncio.Future[Result]]]) -> None:
        try:
            results = await self._write_batch([item for item, _ in batch])
        except _BEFORE_WRITING as exc:
            if len(batch) == 1:
                _fail(batch[0][1], exc, self.what)
                return
            for item, future in batch:  # one row may be at fault: try each alone
                try:
                    (result,) = await self._write_batch([item])
                except Exception as one:  # noqa: BLE001 - handed to its caller
                    _fail(future, one, self.what)
                else:
                    _resolve(future, result)
            return
        except Exception as exc:  # noqa: BLE001 - locked past the busy timeout, disk...
            for _, future in batch:
                _fail(future, exc, self.what)
            return
        if len(results) != len(batch):
            mismatch = WriteMismatch(f"{len(batch)} {self.what} rows, {len(results)} results")
            for _, future in batch:
                _fail(future, mismatch, self.what)
            return
        for (_, future), result in zip(batch, results, strict=True):
            _resolve(future, result)


def _resolve(future: asyncio.Future[Result], result: Result) -> None:
    if not future.done():  # done: its caller stopped waiting; the row is written all the same
        future.set_result(result)


def _fail(future: asyncio.Future[Any], exc: BaseException, what: str) -> None:
    """Hand a failed write to its caller, or log it if the caller stopped waiting."""
    if future.done():
        logger.error("write_failed what=%s caller=gone", what, exc_info=exc)
    else:
        future.set_exception(exc)


@dataclass(frozen=True, slots=True)
class Migration:
    """One step of the schema: a name that is recorded once applied, and its SQL."""

    name: str
    sql: str


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        "0001_initial",
        """
        CREATE TABLE questions (
            id          INTEGER PRIMARY KEY,
            asked_at    TEXT    NOT NULL,          -- ISO 8601, UTC
            surface     TEXT    NOT NULL,          -- command | mention | dm | console | suggestion
            user_id     TEXT,
            channel_id  TEXT,
            question    TEXT    NOT NULL,
            answered    INTEGER NOT NULL,          -- 1 answered, 0 abstained
            fact_id     TEXT,                      -- best fact (answer or closest suggestion)
            score       REAL,
            fact_ids    TEXT    NOT NULL DEFAULT '[]',  -- JSON: facts shown as the answer
            suggestion_ids TEXT NOT NULL DEFAULT '[]'   -- JSON: facts offered when abstaining
        );
        CREATE INDEX questions_asked_at ON questions (asked_at);
        CREATE INDEX questions_unanswered ON questions (answered, asked_at);

        CREATE TABLE feedback (
            question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
            user_id     TEXT    NOT NULL,
            helpful     INTEGER NOT NULL,          -- 1 helpful, 0 not helpful
            voted_at    TEXT    NOT NULL,
            PRIMARY KEY (question_id, user_id)
        );

        CREATE TABLE handled_events (
            event_id    TEXT PRIMARY KEY,
            handled_at  TEXT NOT NULL
        );
        CREATE INDEX handled_events_at ON handled_events (handled_at);
        """,
    ),
    Migration(
        "0002_digest",
        """
        CREATE TABLE digest_subscriptions (
            channel_id    TEXT PRIMARY KEY,
            post_at       TEXT    NOT NULL,          -- HH:MM, local time in FACTBOT_TZ
            active        INTEGER NOT NULL DEFAULT 1,
            curators      INTEGER NOT NULL DEFAULT 0, -- 1: add unanswered questions and votes
            language      TEXT    NOT NULL DEFAULT 'en',
            paused_reason TEXT,                      -- why the bot stopped posting here
            subscribed_by TEXT,
            updated_at    TEXT    NOT NULL
        );

        -- One row per channel and local day: the claim that makes a digest go out once.
        CREATE TABLE digest_posts (
            channel_id  TEXT    NOT NULL,
            day         TEXT    NOT NULL,            -- YYYY-MM-DD, local
            status      TEXT    NOT NULL,            -- claimed | posted | failed | skipped
            worker      TEXT    NOT NULL,            -- who claimed it last
            claimed_at  TEXT    NOT NULL,
            attempts    INTEGER NOT NULL DEFAULT 1,
            posted_at   TEXT,
            message_ts  TEXT,
            error       TEXT,
            fact_id     TEXT,                        -- the fact of the day it showed
            PRIMARY KEY (channel_id, day)
        );

        -- The fact-of-the-day rotation: facts a channel has seen in its current cycle.
        CREATE TABLE digest_shown (
            channel_id  TEXT    NOT NULL,
            cycle       INTEGER NOT NULL,
            fact_id     TEXT    NOT NULL,
            day         TEXT    NOT NULL,
            PRIMARY KEY (channel_id, cycle, fact_id)
        );

        -- When each fact was first seen and last changed, for "new and changed" lists.
        CREATE TABLE fact_versions (
            fact_id     TEXT PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            first_seen  TEXT NOT NULL,
            changed_at  TEXT NOT NULL
        );
        """,
    ),
    Migration(
        "0003_outbox",
        """
        -- One row per acknowledged question, written before the ack: where its reply goes,
        -- and whether Slack confirmed it. Unsent rows are answered after a crash.
        CREATE TABLE outbox (
            id           INTEGER PRIMARY KEY,
            received_at  TEXT    NOT NULL,          -- when it was acknowledged (UTC)
            surface      TEXT    NOT NULL,          -- command | mention | dm
            request_key  TEXT    NOT NULL UNIQUE,   -- trigger:<trigger_id> | event:<event_id>
            user_id      TEXT,
            channel_id   TEXT,
            text         TEXT    NOT NULL,          -- the question, plain text
            response_url TEXT,                      -- a command's reply target
            thread_ts    TEXT,                      -- a mention's or DM's thread (with channel_id)
            -- pending | sent | expired | failed | unconfirmed
            status       TEXT    NOT NULL DEFAULT 'pending',
            worker       TEXT    NOT NULL,          -- the process holding the claim
            claim        TEXT    NOT NULL,          -- unique per claim: <worker>/<n>
            claimed_at   TEXT    NOT NULL,
            attempts     INTEGER NOT NULL DEFAULT 1, -- claims so far
            done_at      TEXT,
            error        TEXT                       -- why it was never sent
        );
        CREATE INDEX outbox_pending ON outbox (status, claimed_at);
        CREATE INDEX outbox_received ON outbox (received_at);

        -- The outbox row a question came in, so a reply sent again replaces its question row.
        ALTER TABLE questions ADD COLUMN outbox_id INTEGER;
        CREATE INDEX questions_outbox ON questions (outbox_id) WHERE outbox_id IS NOT NULL;
        """,
    ),
    Migration(
        "0004_digest_intent",
        """
        -- Set just before a digest is posted: a post may then be in the channel even if
        -- the row says nothing more, so a runner taking the claim over reads the channel first.
        ALTER TABLE digest_posts ADD COLUMN intent_at TEXT;
        """,
    ),
    Migration(MIGRATION_NAME, MIGRATION_SQL),  # "0005_curation", in bot/storage/curation.py
    Migration(
        "0006_workspaces",
        """
        -- Workers that held a liveness lock (PostgreSQL: bot.storage.workers).
        CREATE TABLE workers (
            name        TEXT PRIMARY KEY,
            started_at  TEXT NOT NULL
        );

        -- The workspace (and Enterprise Grid org) each tenant row belongs to. '' is the
        -- single workspace of a bot run with SLACK_BOT_TOKEN (and every row from before).
        ALTER TABLE questions ADD COLUMN team_id TEXT NOT NULL DEFAULT '';
        ALTER TABLE questions ADD COLUMN enterprise_id TEXT NOT NULL DEFAULT '';
        CREATE INDEX questions_team ON questions (team_id, asked_at);
        ALTER TABLE outbox ADD COLUMN team_id TEXT NOT NULL DEFAULT '';
        ALTER TABLE outbox ADD COLUMN enterprise_id TEXT NOT NULL DEFAULT '';
        CREATE INDEX outbox_team ON outbox (team_id);
        ALTER TABLE digest_subscriptions ADD COLUMN team_id TEXT NOT NULL DEFAULT '';
        ALTER TABLE digest_subscriptions ADD COLUMN enterprise_id TEXT NOT NULL DEFAULT '';
        ALTER TABLE digest_posts ADD COLUMN team_id TEXT NOT NULL DEFAULT '';
        ALTER TABLE digest_shown ADD COLUMN team_id TEXT NOT NULL DEFAULT '';
        ALTER TABLE feedback ADD COLUMN team_id TEXT NOT NULL DEFAULT '';

        -- What a workspace's admins set from Slack (/facts settings); NULL: the default
        -- from the environment (FACTBOT_TZ, FACTBOT_ADMINS, English).
        CREATE TABLE workspace_settings (
            team_id     TEXT PRIMARY KEY,
            tz_name     TEXT,
            language    TEXT,
            admins      TEXT,                         -- JSON list of user ids
            updated_by  TEXT,
            updated_at  TEXT NOT NULL
        );
        """,
    ),
    Migration(INSTALLATIONS, INSTALLATIONS_SQL),  # "0007_installations", in installations.py
    Migration(CLUSTER_MIGRATION, CLUSTER_SQL),  # "0008_cluster", in bot/storage/cluster.py
    Migration(
        "0009_tenancy",
        """
        -- A channel is a workspace's: a channel shared between two workspaces (Slack Connect)
        -- has one id in both, and each workspace keeps its own digest there. The keys gain
        -- the team, so the tables are rebuilt (SQLite cannot change a primary key in place).
        CREATE TABLE digest_subscriptions_0009 (
            team_id       TEXT    NOT NULL DEFAULT '',
            enterprise_id TEXT    NOT NULL DEFAULT '',
            channel_id    TEXT    NOT NULL,
            post_at       TEXT    NOT NULL,
            active        INTEGER NOT NULL DEFAULT 1,
            curators      INTEGER NOT NULL DEFAULT 0,
            language      TEXT    NOT NULL DEFAULT 'en',
            paused_reason TEXT,
            subscribed_by TEXT,
            updated_at    TEXT    NOT NULL,
            PRIMARY KEY (team_id, channel_id)
        );
        INSERT INTO digest_subscriptions_0009 (team_id, enterprise_id, channel_id, post_at,
            active, curators, language, paused_reason, subscribed_by, updated_at)
            SELECT team_id, enterprise_id, channel_id, post_at, active, curators, language,
            paused_reason, subscribed_by, updated_at FROM digest_subscriptions;
        DROP TABLE digest_subscriptions;
        ALTER TABLE digest_subscriptions_0009 RENAME TO digest_subscriptions;

        CREATE TABLE digest_posts_0009 (
            team_id     TEXT    NOT NULL DEFAULT '',
            channel_id  TEXT    NOT NULL,
            day         TEXT    NOT NULL,
            status      TEXT    NOT NULL,
            worker      TEXT    NOT NULL,
            claimed_at  TEXT    NOT NULL,
            attempts    INTEGER NOT NULL DEFAULT 1,
            posted_at   TEXT,
            message_ts  TEXT,
            error       TEXT,
            fact_id     TEXT,
            intent_at   TEXT,
            PRIMARY KEY (team_id, channel_id, day)
        );
        INSERT INTO digest_posts_0009 (team_id, channel_id, day, status, worker, claimed_at,
            attempts, posted_at, message_ts, error, fact_id, intent_at)
            SELECT team_id, channel_id, day, status, worker, claimed_at, attempts, posted_at,
            message_ts, error, fact_id, intent_at FROM digest_posts;
        DROP TABLE digest_posts;
        ALTER TABLE digest_posts_0009 RENAME TO digest_posts;

        CREATE TABLE digest_shown_0009 (
            team_id     TEXT    NOT NULL DEFAULT '',
            channel_id  TEXT    NOT NULL,
            cycle       INTEGER NOT NULL,
            fact_id     TEXT    NOT NULL,
            day         TEXT    NOT NULL,
            PRIMARY KEY (team_id, channel_id, cycle, fact_id)
        );
        INSERT INTO digest_shown_0009 (team_id, channel_id, cycle, fact_id, day)
            SELECT team_id, channel_id, cycle, fact_id, day FROM digest_shown;
        DROP TABLE digest_shown;
        ALTER TABLE digest_shown_0009 RENAME TO digest_shown;

        -- Votes and the questions a workspace's stats and review read, by team.
        CREATE INDEX feedback_team ON feedback (team_id, voted_at);
        """,
    ),
    # "0010_proposal_team", in bot/storage/curation.py
    Migration(PROPOSAL_TEAM_MIGRATION, PROPOSAL_TEAM_SQL),
    Migration(
        "0011_settings_enterprise",
        """
        -- A workspace's settings know its Enterprise Grid org, so that an org-wide
        -- uninstall forgets the settings of every workspace of the org. Rows from before
        -- take the org their workspace's other rows name ('' if none does).
        ALTER TABLE workspace_settings ADD COLUMN enterprise_id TEXT NOT NULL DEFAULT '';
        UPDATE workspace_settings SET enterprise_id = COALESCE((
            SELECT MAX(known.enterprise_id) FROM (
                SELECT team_id, enterprise_id FROM digest_subscriptions
                UNION ALL SELECT team_id, enterprise_id FROM outbox
                UNION ALL SELECT team_id, enterprise_id FROM questions
            ) AS known
            WHERE known.team_id = workspace_settings.team_id AND known.enterprise_id != ''
        ), '');
        """,
    ),
)

#: A claim older than this belongs to a process that died: another may take it over.
DIGEST_LEASE = timedelta(minutes=10)
#: Attempts at one channel-day before the bot gives up on it.
DIGEST_MAX_ATTEMPTS = 5


def _iso(moment: datetime) -> str:
    """Store every time the same way (UTC, microseconds) so text order is time order."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


class _Shared:
    """What a store and its workspace views (`Store.for_team`) change together."""

    __slots__ = ("closing", "purged_at", "outbox_purged_at")

    def __init__(self) -> None:
        self.closing = False  # set once the lifespan starts closing the store
        self.purged_at: datetime | None = None  # last purge of old event ids
        self.outbox_purged_at: datetime | None = None


class Store(CurationStore, ClusterStore, InstallationsStore):
    """The bot's memory over one `Database`; build it with `open_store`.

    The curation methods (taught phrasings, review marks, proposals) come from
    `bot.storage.curation.CurationStore`; they are the one curated fact base's, shared
    by every workspace. Leadership and the facts generation shared by several workers
    come from `bot.storage.cluster.ClusterStore`; the installations (OAuth, uninstall)
    from `bot.storage.installations.InstallationsStore`.

    Tenant rows (questions, votes, the outbox, digests, workspace settings) belong to
    one Slack workspace. `for_team` gives a view of the same store (same database,
    same group-commit queues) that reads and writes only that workspace's rows; the
    store itself is the workspace '' (a bot run with SLACK_BOT_TOKEN, the console),
    except for what serves every workspace: `claim_unsent_replies`,
    `active_subscriptions`, and the curators' review of the deployment's question log
    (`review_candidates`, `review_question`: question wordings only).
    """

    def __init__(
        self,
        db: Database,
        clock: Clock = utc_now,
        workers: Liveness | None = None,
        *,
        location: str | None = None,
    ) -> None:
        self._db = db
        self._location = location or db.location
        self._clock = clock
        self._workers = workers or Workers(":memory:")
        self._shared = _Shared()
        self._team_id = ""
        self._enterprise_id = ""
        #: False on the store itself: the passes over every workspace see them all.
        self._scoped = False
        batched = db.group_commits
        self._questions: GroupCommit[tuple[object, ...], int] = GroupCommit(
            "question", self._insert_questions, batched=batched
        )
        self._events: GroupCommit[tuple[str, str], bool] = GroupCommit(
            "event_id", self._insert_events, batched=batched
        )
        self._accepted: GroupCommit[tuple[object, ...], int | None] = GroupCommit(
            "outbox", self._insert_replies, batched=batched
        )
        self._finished: GroupCommit[tuple[int, str, str | None, str], None] = GroupCommit(
            "outbox_done", self._finish_replies, batched=batched
        )

    def for_team(self, team_id: str, enterprise_id: str = "") -> Store:
        """This store, seen from one workspace: every tenant read and write is that team's."""
        view = copy.copy(self)
        view._team_id = team_id
        view._enterprise_id = enterprise_id
        view._scoped = True
        return view

    @property
    def team_id(self) -> str:
        """The workspace this store reads and writes ('' on the store itself)."""
        return self._team_id

    @property
    def closing(self) -> bool:
        """Set once the lifespan starts closing the store (seen by every view)."""
        return self._shared.closing

    @closing.setter
    def closing(self, value: bool) -> None:
        self._shared.closing = value

    @property
    def _queues(self) -> tuple[GroupCommit[Any, Any], ...]:
        return (self._accepted, self._events, self._questions, self._finished)

    @property
    def worker(self) -> str:
        """This process's name in outbox claims."""
        return self._workers.name

    @property
    def liveness(self) -> Liveness:
        """This worker's lock, for a second store of the same process to borrow (`open_store`)."""
        return self._workers

    async def hold_worker_lock(self) -> None:
        """Take this worker's lock now, before any row is written under its name."""
        await self._workers.hold()

    async def until_worker_gone(self) -> None:
        """Return once this worker lost its lock for good: it must stop (bot.storage.workers)."""
        await self._workers.gone.wait()

    async def flush(self, *, closing: bool = False) -> None:
        """Wait for the group-committed writes still queued; with `closing`, refuse any
        that arrive after (a late event handler gets StoreClosed, not a closed database).

        A request's writes come in steps (its outbox row, its question, its reply marked
        sent), so every queue is drained until none has anything left. With `closing`,
        `closing` is set first: a reply not sent by then is left to the next process.
        """
        if closing:
            self.closing = True
        while not all(queue.idle for queue in self._queues):
            for queue in self._queues:
                await queue.flush()
        if closing:
            for queue in self._queues:
                queue.close()

    @property
    def dialect(self) -> str:
        """ "sqlite" or "postgresql"."""
        return self._db.dialect

    # ------------------------------------------------------------ schema

    async def migrate(self, migrations: Sequence[Migration] = MIGRATIONS) -> list[str]:
        """Apply the migrations not yet recorded, in order; return their names.

        Each runs in one transaction with its record, under `migration_lock`, so that
        of several processes starting at once each migration is applied by one; the
        others wait, then find it recorded.
        """
        async with self._db.migration_lock() as tx:
            await tx.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                " name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
        applied: list[str] = []
        for migration in migrations:
            async with self._db.migration_lock() as tx:
                rows = await tx.fetch(
                    "SELECT 1 FROM schema_migrations WHERE name = ?", (migration.name,)
                )
                if rows:
                    continue
                for statement in _statements(migration.sql):
                    await tx.execute(tx.schema(statement))
                await tx.execute(
                    "INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)",
                    (migration.name, _iso(self._clock())),
                )
            logger.info("migration_applied name=%s", migration.name)
            applied.append(migration.name)
        return applied

    async def applied_migrations(self) -> list[str]:
        rows = await self._db.fetch("SELECT name FROM schema_migrations ORDER BY name")
        return [row[0] for row in rows]

    # ------------------------------------------------------------ questions

    async def record_question(
        self,
        *,
        question: str,
        surface: str,
        answered: bool,
        user_id: str | None = None,
        channel_id: str | None = None,
        fact_id: str | None = None,
        score: float | None = None,
        fact_ids: Sequence[str] = (),
        suggestion_ids: Sequence[str] = (),
        outbox_id: int | None = None,
    ) -> int:
        """Log one question and what the bot did with it; the id names the answer."""
        return await self._questions.submit(
            (
                self._team_id,
                self._enterprise_id,
                _iso(self._clock()),
                surface,
                user_id,
                channel_id,
                question,
                int(answered),
                fact_id,
                score,
                json.dumps(list(fact_ids)),
                json.dumps(list(suggestion_ids)),
                outbox_id,
            )
        )

    async def _insert_questions(self, rows: list[tuple[object, ...]]) -> list[int]:
        """Several question rows in one INSERT; their ids, in the order of `rows`.

        A new row's id is one more than the largest id before it, and the rows of
        one INSERT go in in order, so the ids sorted are the rows' ids in order.
        """
        values = ", ".join(["(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"] * len(rows))
        inserted = await self._db.fetch(
            "INSERT INTO questions (team_id, enterprise_id, asked_at, surface, user_id,"
            " channel_id, question, answered, fact_id, score, fact_ids, suggestion_ids,"
            f" outbox_id) VALUES {values} RETURNING id",
            [value for row in rows for value in row],
        )
        ids = sorted(int(row[0]) for row in inserted)
        if len(ids) != len(rows) or ids[-1] - ids[0] != len(rows) - 1:
            # Only if the largest id was ever used (SQLite then picks ids at random).
            raise WriteMismatch(f"question ids {ids[:3]}... do not follow each other")
        return ids

    async def question(self, question_id: int) -> LoggedQuestion | None:
        """A logged question of this workspace (another workspace's id reads as None)."""
        rows = await self._db.fetch(
            f"SELECT {_QUESTION_COLUMNS} FROM questions WHERE id = ? AND team_id = ?",
            (question_id, self._team_id),
        )
        row = rows[0] if rows else None
        return _logged(row) if row is not None else None

    async def questions_since(
        self, since: datetime, *, answered: bool | None = None
    ) -> list[LoggedQuestion]:
        """Questions asked at or after `since`, oldest first (curators, and the digest)."""
        sql = f"SELECT {_QUESTION_COLUMNS} FROM questions WHERE team_id = ? AND asked_at >= ?"
        params: list[object] = [self._team_id, _iso(since)]
        if answered is not None:
            sql += " AND answered = ?"
            params.append(int(answered))
        rows = await self._db.fetch(sql + " ORDER BY asked_at, id", params)
        return [_logged(row) for row in rows]

    # ------------------------------------------------------------ feedback

    async def record_feedback(self, question_id: int, user_id: str, *, helpful: bool) -> Vote:
        """One vote per person per answer; voting again replaces the earlier vote.

        A vote on an answer this workspace did not give (another workspace's id) is
        UNKNOWN_ANSWER, like one on an answer the log never had.
        """
        rows = await self._db.fetch(
            "SELECT f.helpful FROM questions q LEFT JOIN feedback f ON f.question_id = q.id"
            " AND f.user_id = ? WHERE q.id = ? AND q.team_id = ?",
            (user_id, question_id, self._team_id),
        )
        if not rows:
            return Vote.UNKNOWN_ANSWER
        prior = rows[0] if rows[0][0] is not None else None
        if prior is not None and bool(prior[0]) == helpful:
            return Vote.UNCHANGED
        try:
            await self._db.execute(
                "INSERT INTO feedback (question_id, user_id, helpful, voted_at, team_id)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (question_id, user_id)"
                " DO UPDATE SET helpful = excluded.helpful, voted_at = excluded.voted_at",
                (question_id, user_id, int(helpful), _iso(self._clock()), self._team_id),
            )
        except IntegrityError:
            return Vote.UNKNOWN_ANSWER
        return Vote.NEW if prior is None else Vote.CHANGED

    async def feedback_counts(self, question_id: int) -> FeedbackCounts:
        rows = await self._db.fetch(
            "SELECT COALESCE(SUM(helpful), 0), COALESCE(SUM(1 - helpful), 0)"
            " FROM feedback WHERE question_id = ? AND team_id = ?",
            (question_id, self._team_id),
        )
        row = rows[0] if rows else None
        assert row is not None
        return FeedbackCounts(helpful=int(row[0]), not_helpful=int(row[1]))

    # ------------------------------------------------------------ event ids

    async def mark_event_handled(self, event_id: str) -> bool:
        """Remember an Events API delivery; False if this event id was seen already.

        Slack redelivers the same `event_id` when it thinks a delivery failed; the
        insert is atomic, so of any number of deliveries exactly one gets True.
        """
        return await self._events.submit((event_id, _iso(self._clock())))

    async def _insert_events(self, events: list[tuple[str, str]]) -> list[bool]:
        """Insert event ids, ignoring known ones; True for each that was new (the first
        of several deliveries in one batch, if any)."""
        now = self._clock()
        shared = self._shared
        if shared.purged_at is None or abs(now - shared.purged_at) >= EVENT_PURGE_EVERY:
            shared.purged_at = now
            await self._db.fetch(
                "DELETE FROM handled_events WHERE handled_at < ?", (_iso(now - EVENT_MEMORY),)
            )
        values = ", ".join(["(?, ?)"] * len(events))
        inserted = await self._db.fetch(
            f"INSERT INTO handled_events (event_id, handled_at) VALUES {values}"
            " ON CONFLICT DO NOTHING RETURNING event_id",
            [value for event in events for value in event],
        )
        new = {str(row[0]) for row in inserted}
        first: list[bool] = []
        for event_id, _ in events:
            first.append(event_id in new)
            new.discard(event_id)  # a second delivery in the same batch is a duplicate
        return first

    # ------------------------------------------------------------ the outbox (replies owed)

    async def accept_reply(
        self,
        *,
        surface: str,
        request_key: str,
        text: str,
        user_id: str | None = None,
        channel_id: str | None = None,
        response_url: str | None = None,
        thread_ts: str | None = None,
    ) -> PendingReply | None:
        """Record an acknowledged question and where its reply goes, claimed by this worker.

        Call it before the ack: once it returns, the reply is owed even if the process
        dies. None when `request_key` (a trigger_id, an event_id) was accepted before:
        the same request delivered again, which gets no second reply.
        """
        await self._workers.hold()
        now = self._clock()
        claim = self._new_claim()
        reply_id = await self._accepted.submit(
            (
                self._team_id,
                self._enterprise_id,
                _iso(now),
                surface,
                request_key,
                user_id,
                channel_id,
                text,
                response_url,
                thread_ts,
                self.worker,
                claim,
                _iso(now),
            )
        )
        if reply_id is None:
            return None
        return PendingReply(
            id=reply_id,
            surface=surface,
            text=text,
            received_at=now,
            claim=claim,
            claimed_at=now,
            user_id=user_id,
            channel_id=channel_id,
            response_url=response_url,
            thread_ts=thread_ts,
            team_id=self._team_id,
            enterprise_id=self._enterprise_id,
        )

    def _new_claim(self) -> str:
        return self._workers.new_claim()

    async def _insert_replies(self, rows: list[tuple[object, ...]]) -> list[int | None]:
        """Outbox rows in one INSERT; each row's id, or None for a request key seen before
        (or earlier in the same batch)."""
        values = ", ".join(["(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"] * len(rows))
        inserted = await self._db.fetch(
            "INSERT INTO outbox (team_id, enterprise_id, received_at, surface, request_key,"
            " user_id, channel_id, text, response_url, thread_ts, worker, claim, claimed_at)"
            f" VALUES {values} ON CONFLICT DO NOTHING RETURNING request_key, id",
            [value for row in rows for value in row],
        )
        new = {str(key): int(reply_id) for key, reply_id in inserted}
        return [new.pop(str(row[4]), None) for row in rows]

    async def finish_reply(self, reply_id: int, status: str, error: str | None = None) -> None:
        """Record what became of a reply: sent (Slack confirmed it), or why it never will be."""
        assert status in REPLY_DONE, status
        detail = None if error is None else error[:200]
        await self._finished.submit((reply_id, status, detail, _iso(self._clock())))

    async def _finish_replies(self, rows: list[tuple[int, str, str | None, str]]) -> list[None]:
        # PostgreSQL types a VALUES list's parameters as text unless told.
        values = ", ".join(["(CAST(? AS BIGINT), ?, ?, ?)"] * len(rows))
        await self._db.fetch(
            f"WITH done (id, status, error, done_at) AS (VALUES {values})"
            " UPDATE outbox SET status = done.status, error = done.error,"
            " done_at = done.done_at FROM done WHERE outbox.id = done.id",
            [value for row in rows for value in row],
        )
        return [None] * len(rows)

    async def keep_claim(self, reply: PendingReply) -> PendingReply | None:
        """Still ours to send? The claim, renewed if half its lease has gone; None if lost.

        Called before every attempt to send: an attempt starts with at least half a
        lease left, and lasts at most the client's timeout, well inside it. Once the
        store is closing nothing more is sent: the row stays for the next process,
        since its outcome could no longer be written down.

        A peer takes a claim over only once its lease has run out or this worker's lock
        is free (bot.storage.workers). So while the lock has been held without a break
        and half the lease is left, the database can only say "ours", and is not asked.
        Once the lock was lost (PostgreSQL: its connection ended), peers may have taken
        any claim: it is taken back first, and every attempt then asks the database.
        Without the lock nothing is sent: a peer may be sending it.
        """
        if self.closing:
            return None
        workers = self._workers
        await workers.settle()  # a lost lock being taken back: its outcome first
        if not workers.vouches:
            return None
        now = self._clock()
        if workers.never_lost and now - reply.claimed_at < OUTBOX_LEASE / 2:
            return reply
        changed = await self._db.execute(
            "UPDATE outbox SET claimed_at = ? WHERE id = ? AND claim = ? AND status = 'pending'",
            (_iso(now), reply.id, reply.claim),
        )
        renewed = changed == 1
        return replace(reply, claimed_at=now) if renewed else None

    async def claim_unsent_replies(
        self, limit: int = RECOVERY_BATCH
    ) -> tuple[list[PendingReply], int, int]:
        """Take over replies nobody is sending: (claimed, expired, given up).

        A row is free when its claim is older than the lease, or its worker is dead
        (bot.storage.workers). Free rows older than REPLY_DEADLINE are recorded as
        expired, rows claimed MAX_REPLY_CLAIMS times as failed; the rest are claimed for
        this worker in one UPDATE, atomic however many processes share the file.
        """
        await self._workers.hold()
        now = self._clock()
        shared = self._shared
        if shared.outbox_purged_at is None or abs(now - shared.outbox_purged_at) >= (
            EVENT_PURGE_EVERY
        ):  # here, not on the ack's path: old rows go while nobody waits for them
            shared.outbox_purged_at = now
            await self._db.fetch(
                "DELETE FROM outbox WHERE (status = 'sent' AND received_at < ?)"
                " OR (status != 'pending' AND received_at < ?)",
                (_iso(now - OUTBOX_MEMORY), _iso(now - OUTBOX_TROUBLE_MEMORY)),
            )
        stale = _iso(now - OUTBOX_LEASE)
        others = await self._db.fetch(
            "SELECT DISTINCT worker FROM outbox WHERE status = 'pending' AND worker != ?"
            " AND claimed_at >= ?",
            (self.worker, stale),
        )
        # The dead stay dead (their locks held here) until their rows are taken over.
        async with self._workers.dead_among([str(w) for (w,) in others]) as dead:
            return await self._take_over(now, stale, dead, limit)

    async def _take_over(
        self, now: datetime, stale: str, dead: list[str], limit: int
    ) -> tuple[list[PendingReply], int, int]:
        """claim_unsent_replies's writes: rows of the `dead` workers, or older than `stale`."""
        free = "status = 'pending' AND (claimed_at < ?"
        if dead:
            free += f" OR worker IN ({', '.join('?' * len(dead))})"
        free += ")"
        free_params: list[object] = [stale, *dead]
        changed = await self._db.execute(
            "UPDATE outbox SET status = 'expired', done_at = ?, error = CASE surface"
            " WHEN 'command' THEN 'response_url_expired' ELSE 'too_late' END"
            f" WHERE {free} AND received_at < ?",
            [_iso(now), *free_params, _iso(now - REPLY_DEADLINE)],
        )
        expired = changed
        changed = await self._db.execute(
            "UPDATE outbox SET status = 'failed', done_at = ?, error = 'gave_up'"
            f" WHERE {free} AND attempts >= ?",
            [_iso(now), *free_params, MAX_REPLY_CLAIMS],
        )
        given_up = changed
        claim = self._new_claim()
        rows = await self._db.fetch(
            "UPDATE outbox SET worker = ?, claim = ?, claimed_at = ?, attempts = attempts + 1"
            f" WHERE {free} AND id IN (SELECT id FROM outbox WHERE {free} ORDER BY id LIMIT ?)"
            f" RETURNING {_REPLY_COLUMNS}",
            [self.worker, claim, _iso(now), *free_params, *free_params, limit],
        )
        for worker in dead:
            left = await self._db.fetch(
                "SELECT 1 FROM outbox WHERE status = 'pending' AND worker = ? LIMIT 1", (worker,)
            )
            if not left:
                await self._workers.forget(worker)
        claimed = sorted((_pending(row) for row in rows), key=lambda r: r.id)
        return claimed, expired, given_up

    async def forget_question_of_reply(self, reply_id: int) -> None:
        """Drop the question row an earlier attempt at this reply logged (it is logged again)."""
        await self._db.execute("DELETE FROM questions WHERE outbox_id = ?", (reply_id,))

    async def reply_troubles(self, since: datetime, until: datetime) -> list[ReplyTrouble]:
        """Replies to questions asked in [since, until) that never reached Slack, by reason."""
        rows = await self._db.fetch(
            "SELECT status, COALESCE(error, ''), COUNT(*) AS n FROM outbox"
            " WHERE team_id = ? AND status IN ('expired', 'failed', 'unconfirmed')"
            " AND received_at >= ? AND received_at < ? GROUP BY status, error"
            " ORDER BY n DESC, status, error",
            (self._team_id, _iso(since), _iso(until)),
        )
        return [ReplyTrouble(str(r[0]), str(r[1]), int(r[2])) for r in rows]

    async def replies_waiting(self) -> int:
        """Acknowledged questions whose reply Slack has not confirmed yet."""
        rows = await self._db.fetch(
            "SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND team_id = ?",
            (self._team_id,),
        )
        return int(rows[0][0])

    # ------------------------------------------------------------ digest subscriptions

    async def subscribe_digest(self, channel_id: str, post_at: str, user_id: str | None) -> None:
        """Start (or move, or resume) a channel's daily digest."""
        await self._db.execute(
            "INSERT INTO digest_subscriptions (team_id, enterprise_id, channel_id, post_at,"
            " active, subscribed_by, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)"
            " ON CONFLICT (team_id, channel_id) DO UPDATE SET"
            " post_at = excluded.post_at, active = 1, paused_reason = NULL,"
            " subscribed_by = excluded.subscribed_by, updated_at = excluded.updated_at",
            (
                self._team_id,
                self._enterprise_id,
                channel_id,
                post_at,
                user_id,
                _iso(self._clock()),
            ),
        )

    async def unsubscribe_digest(self, channel_id: str) -> bool:
        """Stop a channel's digest; False if it had none running."""
        changed = await self._db.execute(
            "UPDATE digest_subscriptions SET active = 0, updated_at = ?"
            " WHERE team_id = ? AND channel_id = ? AND active = 1",
            (_iso(self._clock()), self._team_id, channel_id),
        )
        return changed == 1

    async def set_digest_option(
        self, channel_id: str, *, curators: bool | None = None, language: str | None = None
    ) -> bool:
        """Change a subscribed channel's options; False if the channel has no subscription."""
        changed = await self._db.execute(
            "UPDATE digest_subscriptions SET curators = COALESCE(?, curators),"
            " language = COALESCE(?, language), updated_at = ? WHERE team_id = ?"
            " AND channel_id = ?",
            (
                None if curators is None else int(curators),
                language,
                _iso(self._clock()),
                self._team_id,
                channel_id,
            ),
        )
        return changed == 1

    async def pause_digest(self, channel_id: str, reason: str) -> None:
        """Stop posting where Slack will not let us (archived, removed); say why in status."""
        await self._db.execute(
            "UPDATE digest_subscriptions SET active = 0, paused_reason = ?, updated_at = ?"
            " WHERE team_id = ? AND channel_id = ?",
            (reason, _iso(self._clock()), self._team_id, channel_id),
        )

    async def digest_subscription(self, channel_id: str) -> Subscription | None:
        rows = await self._db.fetch(
            f"SELECT {_SUBSCRIPTION_COLUMNS} FROM digest_subscriptions"
            " WHERE team_id = ? AND channel_id = ?",
            (self._team_id, channel_id),
        )
        row = rows[0] if rows else None
        return _subscription(row) if row is not None else None

    async def active_subscriptions(self) -> list[Subscription]:
        """The digests running: every workspace's on the store itself (each with its team,
        for the digest runner), this workspace's on a view."""
        sql = f"SELECT {_SUBSCRIPTION_COLUMNS} FROM digest_subscriptions WHERE active = 1"
        params: list[object] = []
        if self._scoped:
            sql += " AND team_id = ?"
            params.append(self._team_id)
        rows = await self._db.fetch(sql + " ORDER BY team_id, channel_id", params)
        return [_subscription(row) for row in rows]

    # ------------------------------------------------------------ digest posts (exactly once)

    async def claim_digest(
        self, channel_id: str, day: str, worker: str, *, now: datetime | None = None
    ) -> DigestPost | None:
        """Take the right to post one channel's digest for one day; the row if ours.

        Atomic in SQLite however many processes share the file: the first insert
        wins. A failed attempt, or a claim whose process died (older than the
        lease, judged at `now`), can be taken over, a bounded number of times. The
        row's `intent_at` says whether an earlier holder may have posted already.
        """
        now = now or self._clock()
        rows = await self._db.fetch(
            "INSERT INTO digest_posts (team_id, channel_id, day, status, worker, claimed_at)"
            " VALUES (?, ?, ?, 'claimed', ?, ?) ON CONFLICT DO NOTHING"
            f" RETURNING {_POST_COLUMNS}",
            (self._team_id, channel_id, day, worker, _iso(now)),
        )
        if rows:
            return _post(rows[0])
        rows = await self._db.fetch(
            "UPDATE digest_posts SET status = 'claimed', worker = ?, claimed_at = ?,"
            " attempts = attempts + 1 WHERE team_id = ? AND channel_id = ? AND day = ?"
            " AND attempts < ? AND"
            " (status = 'failed' OR (status IN ('claimed', 'posting') AND claimed_at < ?))"
            f" RETURNING {_POST_COLUMNS}",
            (
                worker,
                _iso(now),
                self._team_id,
                channel_id,
                day,
                DIGEST_MAX_ATTEMPTS,
                _iso(now - DIGEST_LEASE),
            ),
        )
        return _post(rows[0]) if rows else None

    async def begin_digest_post(
        self, channel_id: str, day: str, worker: str, *, now: datetime | None = None
    ) -> bool:
        """Record the intent to post, just before posting: from here on the digest may be in
        the channel even if this process dies before `finish_digest`. False if the claim
        was lost meanwhile (then do not post)."""
        changed = await self._db.execute(
            "UPDATE digest_posts SET status = 'posting', intent_at = ? WHERE team_id = ?"
            " AND channel_id = ? AND day = ? AND worker = ? AND status = 'claimed'",
            (_iso(now or self._clock()), self._team_id, channel_id, day, worker),
        )
        return changed == 1

    async def finish_digest(
        self,
        channel_id: str,
        day: str,
        worker: str,
        *,
        message_ts: str | None,
        fact_id: str | None,
        now: datetime | None = None,
    ) -> None:
        await self._db.execute(
            "UPDATE digest_posts SET status = 'posted', posted_at = ?, message_ts = ?,"
            " fact_id = ?, error = NULL WHERE team_id = ? AND channel_id = ? AND day = ?"
            " AND worker = ?",
            (
                _iso(now or self._clock()),
                message_ts,
                fact_id,
                self._team_id,
                channel_id,
                day,
                worker,
            ),
        )

    async def fail_digest(
        self,
        channel_id: str,
        day: str,
        worker: str,
        error: str,
        *,
        final: bool = False,
        maybe_posted: bool = False,
    ) -> None:
        """Record a failed post: retried later, unless `final` (it can never succeed).

        Unless `maybe_posted` (an error whose meaning is unknown), Slack said the post
        was not made, so the intent is cleared: the next holder need not look first.
        """
        await self._db.execute(
            "UPDATE digest_posts SET status = ?, error = ?,"
            " intent_at = CASE WHEN ? THEN intent_at END"
            " WHERE team_id = ? AND channel_id = ? AND day = ? AND worker = ?",
            (
                "skipped" if final else "failed",
                error[:500],
                maybe_posted,
                self._team_id,
                channel_id,
                day,
                worker,
            ),
        )

    async def digest_post(self, channel_id: str, day: str) -> DigestPost | None:
        rows = await self._db.fetch(
            f"SELECT {_POST_COLUMNS} FROM digest_posts WHERE team_id = ? AND channel_id = ?"
            " AND day = ?",
            (self._team_id, channel_id, day),
        )
        row = rows[0] if rows else None
        return _post(row) if row is not None else None

    async def last_digest_posted(
        self, channel_id: str, before_day: str | None = None
    ) -> DigestPost | None:
        """The channel's latest posted digest (before a day, if given)."""
        sql = (
            f"SELECT {_POST_COLUMNS} FROM digest_posts WHERE team_id = ? AND channel_id = ?"
            " AND status = 'posted'"
        )
        params: list[object] = [self._team_id, channel_id]
        if before_day is not None:
            sql += " AND day < ?"
            params.append(before_day)
        rows = await self._db.fetch(sql + " ORDER BY day DESC LIMIT 1", params)
        row = rows[0] if rows else None
        return _post(row) if row is not None else None

    # ------------------------------------------------------------ rotation and versions

    async def digest_rotation(self, channel_id: str) -> tuple[int, set[str]]:
        """The channel's current rotation cycle and the facts it has seen in it."""
        rows = await self._db.fetch(
            "SELECT COALESCE(MAX(cycle), 0) FROM digest_shown WHERE team_id = ? AND channel_id = ?",
            (self._team_id, channel_id),
        )
        row = rows[0] if rows else None
        cycle = int(row[0]) if row is not None else 0
        rows = await self._db.fetch(
            "SELECT fact_id FROM digest_shown WHERE team_id = ? AND channel_id = ? AND cycle = ?",
            (self._team_id, channel_id, cycle),
        )
        return cycle, {str(r[0]) for r in rows}

    async def record_shown(self, channel_id: str, cycle: int, fact_id: str, day: str) -> None:
        await self._db.execute(
            "INSERT INTO digest_shown (team_id, channel_id, cycle, fact_id, day)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (self._team_id, channel_id, cycle, fact_id, day),
        )

    async def sync_fact_versions(
        self, fingerprints: Mapping[str, str], *, now: datetime | None = None
    ) -> None:
        """Note facts that are new or changed since the last sync (by fingerprint)."""
        at = _iso(now or self._clock())
        await self._db.executemany(
            "INSERT INTO fact_versions (fact_id, fingerprint, first_seen, changed_at)"
            " VALUES (?, ?, ?, ?) ON CONFLICT (fact_id) DO UPDATE SET"
            " fingerprint = excluded.fingerprint, changed_at = excluded.changed_at"
            " WHERE fact_versions.fingerprint != excluded.fingerprint",
            [(fid, fp, at, at) for fid, fp in sorted(fingerprints.items())],
        )

    async def facts_changed_since(self, since: datetime) -> tuple[set[str], set[str]]:
        """(added, changed) fact ids after `since`."""
        rows = await self._db.fetch(
            "SELECT fact_id, first_seen > ? FROM fact_versions WHERE changed_at > ?",
            (_iso(since), _iso(since)),
        )
        rows = rows
        added = {str(r[0]) for r in rows if r[1]}
        return added, {str(r[0]) for r in rows if not r[1]}

    async def not_helpful_since(self, since: datetime, until: datetime) -> list[tuple[str, int]]:
        """Facts voted not helpful in [since, until), most votes first (for curators)."""
        rows = await self._db.fetch(
            "SELECT q.fact_id, COUNT(*) AS n FROM feedback f JOIN questions q"
            " ON q.id = f.question_id WHERE f.team_id = ? AND q.team_id = ? AND f.helpful = 0"
            " AND f.voted_at >= ? AND f.voted_at < ?"
            " AND q.fact_id IS NOT NULL GROUP BY q.fact_id ORDER BY n DESC, q.fact_id",
            (self._team_id, self._team_id, _iso(since), _iso(until)),
        )
        return [(str(r[0]), int(r[1])) for r in rows]

    async def unanswered_since(self, since: datetime, until: datetime) -> list[tuple[str, int]]:
        """Questions the bot could not answer in [since, until), most asked first."""
        rows = await self._db.fetch(
            "SELECT MIN(question), COUNT(*) AS n FROM questions WHERE team_id = ? AND answered = 0"
            " AND asked_at >= ? AND asked_at < ? GROUP BY lower(question)"
            " ORDER BY n DESC, MIN(asked_at)",
            (self._team_id, _iso(since), _iso(until)),
        )
        return [(str(r[0]), int(r[1])) for r in rows]

    # ------------------------------------------------------------ usage statistics

    async def daily_stats(self, days: Sequence[tuple[str, datetime, datetime]]) -> list[DayStats]:
        """Questions asked and answered, and votes cast, in each (day, start, end) window.

        The caller gives the windows (local midnights in UTC), so days follow the
        bot's time zone, DST included. A suggestion opened from an unanswered
        question is not a new question, so it is not counted as one.
        """
        if not days:
            return []
        values = ", ".join("(?, ?, ?)" for _ in days)
        params: list[object] = []
        for day, start, end in days:
            params += [day, _iso(start), _iso(end)]
        params += [self._team_id] * 4
        rows = await self._db.fetch(
            f"WITH days (day, start, stop) AS (VALUES {values})"
            " SELECT d.day,"
            " (SELECT COUNT(*) FROM questions q WHERE q.team_id = ? AND q.asked_at >= d.start"
            "  AND q.asked_at < d.stop AND q.surface != 'suggestion'),"
            " (SELECT COUNT(*) FROM questions q WHERE q.team_id = ? AND q.asked_at >= d.start"
            "  AND q.asked_at < d.stop AND q.surface != 'suggestion' AND q.answered = 1),"
            " (SELECT COUNT(*) FROM feedback f WHERE f.team_id = ? AND f.voted_at >= d.start"
            "  AND f.voted_at < d.stop AND f.helpful = 1),"
            " (SELECT COUNT(*) FROM feedback f WHERE f.team_id = ? AND f.voted_at >= d.start"
            "  AND f.voted_at < d.stop AND f.helpful = 0)"
            " FROM days d ORDER BY d.day",
            params,
        )
        return [DayStats(str(r[0]), int(r[1]), int(r[2]), int(r[3]), int(r[4])) for r in rows]

    # ------------------------------------------------------------ workspace settings

    async def workspace_settings(self) -> WorkspaceSettings:
        """What this workspace's admins set with `/facts settings` (None: the default)."""
        rows = await self._db.fetch(
            "SELECT tz_name, language, admins, updated_by, updated_at FROM workspace_settings"
            " WHERE team_id = ?",
            (self._team_id,),
        )
        if not rows:
            return WorkspaceSettings(self._team_id)
        tz_name, language, admins, updated_by, updated_at = rows[0]
        return WorkspaceSettings(
            team_id=self._team_id,
            tz_name=None if tz_name is None else str(tz_name),
            language=None if language is None else str(language),
            admins=None if admins is None else tuple(str(a) for a in json.loads(str(admins))),
            updated_by=None if updated_by is None else str(updated_by),
            updated_at=datetime.fromisoformat(str(updated_at)),
        )

    async def set_workspace_setting(
        self, name: str, value: str | Sequence[str] | None, *, by: str | None
    ) -> WorkspaceSettings:
        """Set one of this workspace's settings (`tz`, `language`, `admins`); None resets it
        to the environment's default. The settings as they now stand."""
        column = _SETTING_COLUMNS[name]
        stored = value if value is None or isinstance(value, str) else json.dumps(list(value))
        # The org is kept once known: a view that does not name it never erases it.
        await self._db.execute(
            "INSERT INTO workspace_settings"
            f" (team_id, enterprise_id, {column}, updated_by, updated_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (team_id) DO UPDATE SET"
            f" {column} = excluded.{column}, updated_by = excluded.updated_by,"
            " updated_at = excluded.updated_at, enterprise_id ="
            " COALESCE(NULLIF(excluded.enterprise_id, ''), workspace_settings.enterprise_id)",
            (self._team_id, self._enterprise_id, stored, by, _iso(self._clock())),
        )
        return await self.workspace_settings()


#: The column of each setting `/facts settings` may change (fixed names, never user text).
_SETTING_COLUMNS = {"tz": "tz_name", "language": "language", "admins": "admins"}


_SUBSCRIPTION_COLUMNS = (
    "channel_id, post_at, active, curators, language, paused_reason, subscribed_by, team_id,"
    " enterprise_id"
)
_POST_COLUMNS = (
    "channel_id, day, status, worker, claimed_at, attempts, posted_at, message_ts, error, fact_id,"
    " intent_at"
)


def _subscription(row: Sequence[object]) -> Subscription:
    return Subscription(
        channel_id=str(row[0]),
        post_at=str(row[1]),
        active=bool(row[2]),
        curators=bool(row[3]),
        language=str(row[4]),
        paused_reason=None if row[5] is None else str(row[5]),
        subscribed_by=None if row[6] is None else str(row[6]),
        team_id=str(row[7]),
        enterprise_id=str(row[8]),
    )


def _post(row: Sequence[object]) -> DigestPost:
    return DigestPost(
        channel_id=str(row[0]),
        day=str(row[1]),
        status=str(row[2]),
        worker=str(row[3]),
        claimed_at=datetime.fromisoformat(str(row[4])),
        attempts=int(str(row[5])),
        posted_at=None if row[6] is None else datetime.fromisoformat(str(row[6])),
        message_ts=None if row[7] is None else str(row[7]),
        error=None if row[8] is None else str(row[8]),
        fact_id=None if row[9] is None else str(row[9]),
        intent_at=None if row[10] is None else datetime.fromisoformat(str(row[10])),
    )


_REPLY_COLUMNS = (
    "id, surface, text, received_at, claim, claimed_at, user_id, channel_id, response_url,"
    " thread_ts, attempts, team_id, enterprise_id"
)


def _pending(row: Sequence[object]) -> PendingReply:
    return PendingReply(
        id=int(str(row[0])),
        surface=str(row[1]),
        text=str(row[2]),
        received_at=datetime.fromisoformat(str(row[3])),
        claim=str(row[4]),
        claimed_at=datetime.fromisoformat(str(row[5])),
        user_id=None if row[6] is None else str(row[6]),
        channel_id=None if row[7] is None else str(row[7]),
        response_url=None if row[8] is None else str(row[8]),
        thread_ts=None if row[9] is None else str(row[9]),
        attempts=int(str(row[10])),
        team_id=str(row[11]),
        enterprise_id=str(row[12]),
    )


_QUESTION_COLUMNS = (
    "id, asked_at, surface, user_id, channel_id, question, answered, fact_id, score,"
    " fact_ids, suggestion_ids"
)


def _logged(row: Sequence[object]) -> LoggedQuestion:
    return LoggedQuestion(
        id=int(str(row[0])),
        asked_at=datetime.fromisoformat(str(row[1])),
        surface=str(row[2]),
        user_id=None if row[3] is None else str(row[3]),
        channel_id=None if row[4] is None else str(row[4]),
        question=str(row[5]),
        answered=bool(row[6]),
        fact_id=None if row[7] is None else str(row[7]),
        score=None if row[8] is None else float(str(row[8])),
        fact_ids=tuple(json.loads(str(row[9]))),
        suggestion_ids=tuple(json.loads(str(row[10]))),
    )


def _statements(sql: str) -> list[str]:
    """Split a migration into statements (no triggers here, so ';' ends a statement)."""
    lines = [line.split("--", 1)[0] for line in sql.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


@asynccontextmanager
async def open_store(
    location: str,
    *,
    clock: Clock = utc_now,
    migrations: Sequence[Migration] = MIGRATIONS,
    migrate: bool = True,
    pool_size: int = PG_POOL_SIZE,
    borrow: Liveness | None = None,
) -> AsyncIterator[Store]:
    """Open the database (a SQLite path or a PostgreSQL URL), bring its schema up to date
    (unless `migrate` is False), and close it on the way out. `pool_size`: PostgreSQL
    connections at most (the HTTP edge, which only writes outbox rows, needs few).
    `borrow`: the lock of another store of this process (`Store.liveness`), under whose
    name this one writes outbox rows; that store, not this one, gives it up."""
    async with connect(location, pool_size=pool_size) as db:
        workers: Liveness
        if borrow is not None:
            workers = Borrowed(borrow)
        elif isinstance(db, PostgresDatabase):
            workers = PostgresWorkers(location, db.pool)
        else:
            workers = Workers(location)
        left: list[tuple[Any, ...]] = []
        store = Store(db, clock, workers, location=location)
        if migrate:
            await store.migrate(migrations)
        try:
            yield store
        finally:
            try:
                await store.flush(closing=True)
                if workers.holding:
                    left = await db.fetch(
                        "SELECT 1 FROM outbox WHERE status = 'pending' AND worker = ? LIMIT 1",
                        (workers.name,),
                    )
            finally:
                # Replies left unsent (cancelled at shutdown): keep the unlocked lock file,
                # so the next process knows at once that they are its to send.
                await workers.release(keep_file=bool(left))
