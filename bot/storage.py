"""Everything the bot remembers, in one SQLite file: the only module that speaks SQL.

One aiosqlite connection (one owner, opened by the lifespan), WAL so a curator can
read the file while the bot writes, a busy timeout so a concurrent reader never
turns into an error. The schema is an ordered list of migrations, each applied
once in its own transaction together with its record in `schema_migrations`;
later features (the weekly digest, say) append to `MIGRATIONS`, never edit it.

Methods are named after what the bot means to do (`record_question`,
`mark_event_handled`), not after tables, so callers never see SQL.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import Enum

import aiosqlite

logger = logging.getLogger(__name__)

Clock = Callable[[], datetime]

#: How long an event id is remembered. Slack's last retry comes about 5 minutes
#: after the first delivery; a day leaves room for a bot that was down a while.
EVENT_MEMORY = timedelta(days=1)


def utc_now() -> datetime:
    return datetime.now(UTC)


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
)


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


def _iso(moment: datetime) -> str:
    """Store every time the same way (UTC, microseconds) so text order is time order."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


class Store:
    """The bot's memory over one aiosqlite connection; build it with `open_store`."""

    def __init__(self, db: aiosqlite.Connection, clock: Clock = utc_now) -> None:
        self._db = db
        self._clock = clock

    # ------------------------------------------------------------ schema

    async def migrate(self, migrations: Sequence[Migration] = MIGRATIONS) -> list[str]:
        """Apply the migrations not yet recorded, in order; return their names."""
        await self._db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        done = set(await self.applied_migrations())
        applied: list[str] = []
        for migration in migrations:
            if migration.name in done:
                continue
            await self._db.execute("BEGIN IMMEDIATE")
            try:
                for statement in _statements(migration.sql):
                    await self._db.execute(statement)
                await self._db.execute(
                    "INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)",
                    (migration.name, _iso(self._clock())),
                )
            except BaseException:
                await self._db.execute("ROLLBACK")
                raise
            await self._db.execute("COMMIT")
            logger.info("migration_applied name=%s", migration.name)
            applied.append(migration.name)
        return applied

    async def applied_migrations(self) -> list[str]:
        async with self._db.execute("SELECT name FROM schema_migrations ORDER BY name") as cur:
            return [row[0] for row in await cur.fetchall()]

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
    ) -> int:
        """Log one question and what the bot did with it; the id names the answer."""
        async with self._db.execute(
            "INSERT INTO questions (asked_at, surface, user_id, channel_id, question, answered,"
            " fact_id, score, fact_ids, suggestion_ids) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
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
            ),
        ) as cur:
            question_id = cur.lastrowid
        assert question_id is not None
        return question_id

    async def question(self, question_id: int) -> LoggedQuestion | None:
        async with self._db.execute(
            f"SELECT {_QUESTION_COLUMNS} FROM questions WHERE id = ?", (question_id,)
        ) as cur:
            row = await cur.fetchone()
        return _logged(row) if row is not None else None

    async def questions_since(
        self, since: datetime, *, answered: bool | None = None
    ) -> list[LoggedQuestion]:
        """Questions asked at or after `since`, oldest first (curators, and the digest)."""
        sql = f"SELECT {_QUESTION_COLUMNS} FROM questions WHERE asked_at >= ?"
        params: list[object] = [_iso(since)]
        if answered is not None:
            sql += " AND answered = ?"
            params.append(int(answered))
        async with self._db.execute(sql + " ORDER BY asked_at, id", params) as cur:
            return [_logged(row) for row in await cur.fetchall()]

    # ------------------------------------------------------------ feedback

    async def record_feedback(self, question_id: int, user_id: str, *, helpful: bool) -> Vote:
        """One vote per person per answer; voting again replaces the earlier vote."""
        async with self._db.execute(
            "SELECT helpful FROM feedback WHERE question_id = ? AND user_id = ?",
            (question_id, user_id),
        ) as cur:
            prior = await cur.fetchone()
        if prior is not None and bool(prior[0]) == helpful:
            return Vote.UNCHANGED
        try:
            await self._db.execute(
                "INSERT INTO feedback (question_id, user_id, helpful, voted_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (question_id, user_id)"
                " DO UPDATE SET helpful = excluded.helpful, voted_at = excluded.voted_at",
                (question_id, user_id, int(helpful), _iso(self._clock())),
            )
        except aiosqlite.IntegrityError:
            return Vote.UNKNOWN_ANSWER
        return Vote.NEW if prior is None else Vote.CHANGED

    async def feedback_counts(self, question_id: int) -> FeedbackCounts:
        async with self._db.execute(
            "SELECT COALESCE(SUM(helpful), 0), COALESCE(SUM(1 - helpful), 0)"
            " FROM feedback WHERE question_id = ?",
            (question_id,),
        ) as cur:
            row = await cur.fetchone()
        assert row is not None
        return FeedbackCounts(helpful=int(row[0]), not_helpful=int(row[1]))

    # ------------------------------------------------------------ event ids

    async def mark_event_handled(self, event_id: str) -> bool:
        """Remember an Events API delivery; False if this event id was seen already.

        Slack redelivers the same `event_id` when it thinks a delivery failed; the
        insert is atomic, so of any number of deliveries exactly one gets True.
        """
        now = self._clock()
        await self._db.execute(
            "DELETE FROM handled_events WHERE handled_at < ?", (_iso(now - EVENT_MEMORY),)
        )
        async with self._db.execute(
            "INSERT OR IGNORE INTO handled_events (event_id, handled_at) VALUES (?, ?)",
            (event_id, _iso(now)),
        ) as cur:
            return cur.rowcount == 1


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
    path: str,
    *,
    clock: Clock = utc_now,
    migrations: Sequence[Migration] = MIGRATIONS,
) -> AsyncIterator[Store]:
    """Open the database, bring its schema up to date, and close it on the way out."""
    async with aiosqlite.connect(path, isolation_level=None) as db:
        await db.execute("PRAGMA busy_timeout = 5000")
        await db.execute("PRAGMA foreign_keys = ON")
        if path != ":memory:":
            await db.execute("PRAGMA journal_mode = WAL")
            await db.execute("PRAGMA synchronous = NORMAL")
        store = Store(db, clock)
        await store.migrate(migrations)
        yield store
