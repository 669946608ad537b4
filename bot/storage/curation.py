"""What curators teach the bot from Slack: the `0005_curation` tables (and
`0010_proposal_team`) and their methods.

`CurationStore` is mixed into `bot.storage.store.Store`, so callers see one Store
with intent-named methods (`teach_phrasing`, `stamp_reviewed`, `add_proposal`...);
keeping them here keeps the curation schema in one place. `read_curation` opens a
database read-only for the commands that only read what was taught (`python -m
bot ask`), without creating or migrating anything.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import quote

from bot.core.curation import (
    Curation,
    Proposal,
    ProposalDraft,
    ReviewStamp,
    TaughtPhrasing,
    question_key,
)
from bot.core.records import Clock, utc_now
from bot.storage.db import Database, IntegrityError, connect, is_postgres

MIGRATION_NAME = "0005_curation"
MIGRATION_SQL = """
    -- Phrasings taught from Slack (/facts teach, the review's "Answer with" buttons).
    CREATE TABLE taught_phrasings (
        fact_id     TEXT NOT NULL,
        phrasing    TEXT NOT NULL,
        taught_by   TEXT NOT NULL,
        taught_at   TEXT NOT NULL,
        PRIMARY KEY (fact_id, phrasing)
    );

    -- Questions a curator dealt with in the review, by their folded words.
    CREATE TABLE review_marks (
        question_key TEXT PRIMARY KEY,
        question     TEXT NOT NULL,
        verdict      TEXT NOT NULL,              -- gap | skip | taught
        fact_id      TEXT,                       -- taught: the fact it now asks for
        marked_by    TEXT NOT NULL,
        marked_at    TEXT NOT NULL
    );

    -- "Still true": a curator checked a fact on a local day.
    CREATE TABLE fact_reviews (
        fact_id     TEXT NOT NULL,
        reviewed_on TEXT NOT NULL,               -- YYYY-MM-DD, local
        reviewed_by TEXT NOT NULL,
        stamped_at  TEXT NOT NULL,
        PRIMARY KEY (fact_id, reviewed_on)
    );

    -- Facts proposed from Slack, and what the curators decided.
    CREATE TABLE proposals (
        id          INTEGER PRIMARY KEY,
        proposed_by TEXT    NOT NULL,
        proposed_at TEXT    NOT NULL,
        status      TEXT    NOT NULL DEFAULT 'pending',  -- pending | approved | rejected
        source_id   TEXT    NOT NULL,
        snippet     TEXT    NOT NULL,
        answer      TEXT    NOT NULL,
        answer_fr   TEXT    NOT NULL,
        question    TEXT    NOT NULL,
        topic       TEXT    NOT NULL,
        when_text   TEXT,
        where_text  TEXT,
        fact_id     TEXT UNIQUE,                 -- given at approval
        decided_by  TEXT,
        decided_at  TEXT,
        reviewed_on TEXT,                        -- the approver's local day
        reason      TEXT,                        -- why it was rejected
        channel_id  TEXT,                        -- the curators' message, for chat.update
        message_ts  TEXT
    );
    CREATE INDEX proposals_status ON proposals (status, id);
"""

#: The proposer's workspace on each proposal: the decision is told there, with its token.
PROPOSAL_TEAM_MIGRATION = "0010_proposal_team"
PROPOSAL_TEAM_SQL = """
    -- The workspace (and org) a proposal came from; '' for one workspace, and for
    -- proposals from before.
    ALTER TABLE proposals ADD COLUMN team_id TEXT NOT NULL DEFAULT '';
    ALTER TABLE proposals ADD COLUMN enterprise_id TEXT NOT NULL DEFAULT '';
"""

#: How many questions the review reads from the log at most.
REVIEW_ROWS = 500


@dataclass(frozen=True, slots=True)
class ReviewCandidate:
    """A logged question a curator may want to look at."""

    id: int
    asked_at: datetime
    question: str
    voted_down: str | None  # the fact voted not helpful, or None: unanswered


@dataclass(frozen=True, slots=True)
class ReviewMark:
    verdict: str  # gap | skip | taught
    marked_at: datetime


def _iso(moment: datetime) -> str:
    """As bot.storage.store stores times: UTC, microseconds, so text order is time order."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


_PROPOSAL_COLUMNS = (
    "id, proposed_by, proposed_at, status, source_id, snippet, answer, answer_fr, question,"
    " topic, when_text, where_text, fact_id, decided_by, decided_at, reviewed_on, reason,"
    " channel_id, message_ts"
)
#: With the proposer's workspace (0010_proposal_team): what the bot itself reads.
#: `curation()` reads without it, so `read_curation` reads a database from before.
_PROPOSAL_COLUMNS_TEAM = _PROPOSAL_COLUMNS + ", team_id, enterprise_id"


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _proposal(row: Sequence[object]) -> Proposal:
    draft = ProposalDraft(
        source_id=str(row[4]),
        snippet=str(row[5]),
        answer=str(row[6]),
        answer_fr=str(row[7]),
        question=str(row[8]),
        topic=str(row[9]),
        when=_text(row[10]),
        where=_text(row[11]),
    )
    return Proposal(
        id=int(str(row[0])),
        draft=draft,
        proposed_by=str(row[1]),
        proposed_at=datetime.fromisoformat(str(row[2])),
        status=str(row[3]),
        fact_id=_text(row[12]),
        decided_by=_text(row[13]),
        decided_at=None if row[14] is None else datetime.fromisoformat(str(row[14])),
        reviewed=None if row[15] is None else date.fromisoformat(str(row[15])),
        reason=_text(row[16]),
        channel_id=_text(row[17]),
        message_ts=_text(row[18]),
        team_id=str(row[19]) if len(row) > 19 else "",
        enterprise_id=str(row[20]) if len(row) > 20 else "",
    )


class CurationStore:
    """The curation methods of `Store` (which sets `_db` and `_clock`)."""

    _db: Database
    #: The workspace a view (`Store.for_team`) reads; the store itself reads every one.
    _team_id: str = ""
    _scoped: bool = False
    _clock: Clock

    async def _rows(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        return await self._db.fetch(sql, params)

    async def _change(self, sql: str, params: Sequence[object]) -> int:
        """Run one write; how many rows it changed."""
        return await self._db.execute(sql, params)

    # ------------------------------------------------------------ what was taught

    async def curation(self) -> Curation:
        """Everything taught from Slack: phrasings, stamps and approved proposals, oldest first."""
        phrasings = await self._rows(
            "SELECT fact_id, phrasing, taught_by, taught_at FROM taught_phrasings"
            " ORDER BY taught_at, fact_id, phrasing"
        )
        stamps = await self._rows(
            "SELECT fact_id, reviewed_on, reviewed_by FROM fact_reviews"
            " ORDER BY reviewed_on, fact_id"
        )
        approved = await self._rows(
            f"SELECT {_PROPOSAL_COLUMNS} FROM proposals WHERE status = 'approved'"
            " ORDER BY decided_at, id"
        )
        return Curation(
            phrasings=tuple(
                TaughtPhrasing(str(r[0]), str(r[1]), str(r[2]), datetime.fromisoformat(str(r[3])))
                for r in phrasings
            ),
            stamps=tuple(
                ReviewStamp(str(r[0]), date.fromisoformat(str(r[1])), str(r[2])) for r in stamps
            ),
            approved=tuple(_proposal(r) for r in approved),
        )

    async def teach_phrasing(self, fact_id: str, phrasing: str, by: str) -> bool:
        """Keep a phrasing for a fact; False if that fact had it already."""
        return (
            await self._change(
                "INSERT INTO taught_phrasings (fact_id, phrasing, taught_by, taught_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (fact_id, phrasing, by, _iso(self._clock())),
            )
            == 1
        )

    async def stamp_reviewed(self, fact_id: str, day: date, by: str) -> None:
        """ "Still true": `by` checked the fact on local day `day`."""
        await self._change(
            "INSERT INTO fact_reviews (fact_id, reviewed_on, reviewed_by, stamped_at)"
            " VALUES (?, ?, ?, ?) ON CONFLICT (fact_id, reviewed_on) DO UPDATE SET"
            " reviewed_by = excluded.reviewed_by, stamped_at = excluded.stamped_at",
            (fact_id, day.isoformat(), by, _iso(self._clock())),
        )

    async def review_stamps(self) -> dict[str, date]:
        """The latest "Still true" day of each stamped fact."""
        rows = await self._rows(
            "SELECT fact_id, MAX(reviewed_on) FROM fact_reviews GROUP BY fact_id"
        )
        return {str(r[0]): date.fromisoformat(str(r[1])) for r in rows}

    # ------------------------------------------------------------ the review queue

    def _review_scope(self) -> tuple[str, list[object]]:
        """The questions the review reads: a view's workspace's; on the store itself, the
        whole deployment's log (every workspace's: the fact base they are answered from is one).
        """
        return (" AND q.team_id = ?", [self._team_id]) if self._scoped else ("", [])

    async def review_candidates(self, since: datetime) -> list[ReviewCandidate]:
        """Questions since `since` that went unanswered or were voted not helpful, newest first:
        their wording only, never who asked, where, or in which workspace.

        A suggestion someone opened is not a new question unless it was voted down.
        A vote changed back to helpful no longer counts.
        """
        scope, params = self._review_scope()
        rows = await self._rows(
            "SELECT q.id, q.asked_at, q.question, q.answered, q.fact_id,"
            " EXISTS (SELECT 1 FROM feedback f WHERE f.question_id = q.id AND f.helpful = 0)"
            f" FROM questions q WHERE q.asked_at >= ?{scope} AND ((q.answered = 0 AND"
            " q.surface != 'suggestion') OR EXISTS (SELECT 1 FROM feedback f"
            " WHERE f.question_id = q.id AND f.helpful = 0))"
            " ORDER BY q.asked_at DESC, q.id DESC LIMIT ?",
            (_iso(since), *params, REVIEW_ROWS),
        )
        return [
            ReviewCandidate(
                id=int(r[0]),
                asked_at=datetime.fromisoformat(str(r[1])),
                question=str(r[2]),
                voted_down=_text(r[4]) if r[3] and r[5] else None,
            )
            for r in rows
        ]

    async def review_question(self, question_id: int) -> str | None:
        """The wording of a logged question the review's buttons name (None: no such
        question, or another workspace's on a view); the wording only."""
        scope, params = self._review_scope()
        rows = await self._rows(
            f"SELECT q.question FROM questions q WHERE q.id = ?{scope}", (question_id, *params)
        )
        return str(rows[0][0]) if rows else None

    async def mark_question(
        self, question: str, verdict: str, by: str, fact_id: str | None = None
    ) -> None:
        """Record what a curator did with a question: gap, skip or taught (the last one wins)."""
        await self._change(
            "INSERT INTO review_marks (question_key, question, verdict, fact_id, marked_by,"
            " marked_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (question_key) DO UPDATE SET"
            " question = excluded.question, verdict = excluded.verdict,"
            " fact_id = excluded.fact_id, marked_by = excluded.marked_by,"
            " marked_at = excluded.marked_at",
            (question_key(question), question, verdict, fact_id, by, _iso(self._clock())),
        )

    async def review_marks(self) -> dict[str, ReviewMark]:
        rows = await self._rows("SELECT question_key, verdict, marked_at FROM review_marks")
        return {str(r[0]): ReviewMark(str(r[1]), datetime.fromisoformat(str(r[2]))) for r in rows}

    async def known_gaps(self) -> int:
        """Questions curators marked "not in the sources"."""
        rows = await self._rows("SELECT COUNT(*) FROM review_marks WHERE verdict = 'gap'")
        return int(rows[0][0])

    # ------------------------------------------------------------ proposals

    async def add_proposal(
        self, draft: ProposalDraft, by: str, *, team_id: str = "", enterprise_id: str = ""
    ) -> int:
        """Keep a proposal from `by` of workspace `team_id` (the decision is told there)."""
        rows = await self._rows(
            "INSERT INTO proposals (proposed_by, team_id, enterprise_id, proposed_at, source_id,"
            " snippet, answer, answer_fr, question, topic, when_text, where_text)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (
                by,
                team_id,
                enterprise_id,
                _iso(self._clock()),
                draft.source_id,
                draft.snippet,
                draft.answer,
                draft.answer_fr,
                draft.question,
                draft.topic,
                draft.when,
                draft.where,
            ),
        )
        return int(rows[0][0])

    async def proposal(self, proposal_id: int) -> Proposal | None:
        rows = await self._rows(
            f"SELECT {_PROPOSAL_COLUMNS_TEAM} FROM proposals WHERE id = ?", (proposal_id,)
        )
        return _proposal(rows[0]) if rows else None

    async def pending_proposals(self) -> list[Proposal]:
        rows = await self._rows(
            f"SELECT {_PROPOSAL_COLUMNS_TEAM} FROM proposals WHERE status = 'pending' ORDER BY id"
        )
        return [_proposal(r) for r in rows]

    async def note_proposal_message(self, proposal_id: int, channel_id: str, ts: str) -> None:
        """Where the curators were asked, so the message can say what was decided."""
        await self._change(
            "UPDATE proposals SET channel_id = ?, message_ts = ? WHERE id = ?",
            (channel_id, ts, proposal_id),
        )

    async def approve_proposal(self, proposal_id: int, by: str, fact_id: str, day: date) -> bool:
        """Approve a pending proposal as fact `fact_id`; False if it was decided already.

        One statement: of two curators clicking at once, one approves.
        """
        try:
            changed = await self._change(
                "UPDATE proposals SET status = 'approved', decided_by = ?, decided_at = ?,"
                " fact_id = ?, reviewed_on = ? WHERE id = ? AND status = 'pending'",
                (by, _iso(self._clock()), fact_id, day.isoformat(), proposal_id),
            )
        except IntegrityError:  # the id was given to another proposal meanwhile
            return False
        return changed == 1

    async def reject_proposal(self, proposal_id: int, by: str, reason: str) -> bool:
        """Reject a pending proposal, saying why; False if it was decided already."""
        changed = await self._change(
            "UPDATE proposals SET status = 'rejected', decided_by = ?, decided_at = ?,"
            " reason = ? WHERE id = ? AND status = 'pending'",
            (by, _iso(self._clock()), reason, proposal_id),
        )
        return changed == 1


class _Reader(CurationStore):
    def __init__(self, db: Database, clock: Clock = utc_now) -> None:
        self._db = db
        self._clock = clock


@asynccontextmanager
async def open_reader(location: str) -> AsyncIterator[CurationStore | None]:
    """The curation methods over a database opened for reading; None if it holds no curation.

    Nothing is created or migrated: a missing SQLite file, or a database from before
    `0005_curation`, reads as nothing taught. A SQLite file is opened read-only.
    """
    if not is_postgres(location):
        if location == ":memory:" or not os.path.exists(location):
            yield None
            return
        location = f"file:{quote(os.path.abspath(location))}?mode=ro"
    async with connect(location) as db:
        done = await db.has_table("schema_migrations") and await db.fetch(
            "SELECT 1 FROM schema_migrations WHERE name = ?", (MIGRATION_NAME,)
        )
        yield _Reader(db) if done else None


async def read_curation(path: str) -> Curation:
    """What was taught, from the database at `path` (read-only); empty if none."""
    async with open_reader(path) as reader:
        return await reader.curation() if reader is not None else Curation()
