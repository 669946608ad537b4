"""The curation tables (migration 0005_curation) on real SQLite files."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from bot.core.curation import ProposalDraft
from bot.storage.curation import read_curation
from bot.storage.db import connect
from bot.storage.store import MIGRATIONS, open_store

T0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
DRAFT = ProposalDraft(
    source_id="unodc",
    snippet="a quote",
    answer="An answer.",
    answer_fr="Une réponse.",
    question="What?",
    topic="laws",
    when="2018",
    where=None,
)


async def test_the_curation_migration_upgrades_an_older_database(database: str) -> None:
    curation = [m.name for m in MIGRATIONS].index("0005_curation")
    path = database
    async with open_store(path, migrations=MIGRATIONS[:curation]):
        pass
    async with connect(path) as db:  # a question as the release before curation wrote it
        (row,) = await db.fetch(
            "INSERT INTO questions (asked_at, surface, question, answered)"
            " VALUES ('2026-05-01T09:00:00.000000+00:00', 'dm', 'old one', 0) RETURNING id"
        )
        qid = int(row[0])
    async with open_store(path) as store:
        assert "0005_curation" in await store.applied_migrations()
        assert (await store.curation()).empty
        assert await store.teach_phrasing("f1", "old one", "U1")
        assert [c.id for c in await store.review_candidates(T0 - timedelta(days=3650))] == [qid]


async def test_a_phrasing_is_kept_once_with_who_and_when(database: str) -> None:
    async with open_store(database, clock=lambda: T0) as store:
        assert await store.teach_phrasing("f1", "how much?", "U1")
        assert not await store.teach_phrasing("f1", "how much?", "U2")
        assert await store.teach_phrasing("f2", "how much?", "U2")
        curation = await store.curation()
    assert [(t.fact_id, t.phrasing, t.taught_by, t.taught_at) for t in curation.phrasings] == [
        ("f1", "how much?", "U1", T0),
        ("f2", "how much?", "U2", T0),
    ]


async def test_review_candidates_are_unanswered_or_voted_down(database: str) -> None:
    async with open_store(database, clock=lambda: T0) as store:
        unanswered = await store.record_question(question="u?", surface="command", answered=False)
        answered = await store.record_question(
            question="a?", surface="dm", answered=True, fact_id="fa", fact_ids=["fa"]
        )
        down = await store.record_question(
            question="d?", surface="dm", answered=True, fact_id="fd", fact_ids=["fd"]
        )
        changed = await store.record_question(
            question="c?", surface="dm", answered=True, fact_id="fc", fact_ids=["fc"]
        )
        await store.record_question(question="opened", surface="suggestion", answered=False)
        await store.record_feedback(answered, "U1", helpful=True)
        await store.record_feedback(down, "U1", helpful=False)
        await store.record_feedback(changed, "U1", helpful=False)
        await store.record_feedback(changed, "U1", helpful=True)  # changed their mind
        found = await store.review_candidates(T0 - timedelta(days=1))
        assert await store.review_candidates(T0 + timedelta(seconds=1)) == []
    assert [(c.id, c.question, c.voted_down) for c in found] == [
        (down, "d?", "fd"),
        (unanswered, "u?", None),
    ]


async def test_marks_gaps_and_stamps(database: str) -> None:
    async with open_store(database, clock=lambda: T0) as store:
        await store.mark_question("What is the budget?", "skip", "U1")
        await store.mark_question("what is the BUDGET", "gap", "U2")  # same words: replaces
        await store.mark_question("Who?", "taught", "U2", "f1")
        marks = await store.review_marks()
        assert await store.known_gaps() == 1
        await store.stamp_reviewed("f1", date(2026, 5, 4), "U1")
        await store.stamp_reviewed("f1", date(2026, 5, 4), "U2")
        stamps = (await store.curation()).stamps
    assert {k: m.verdict for k, m in marks.items()} == {
        "what is the budget": "gap",
        "who": "taught",
    }
    assert [(s.fact_id, s.reviewed, s.by) for s in stamps] == [("f1", date(2026, 5, 4), "U2")]


async def test_a_proposal_is_decided_once(database: str) -> None:
    async with open_store(database, clock=lambda: T0) as store:
        first = await store.add_proposal(DRAFT, "UP")
        second = await store.add_proposal(DRAFT, "UP")
        await store.note_proposal_message(first, "CCUR", "1.2")
        assert [p.id for p in await store.pending_proposals()] == [first, second]
        assert await store.approve_proposal(first, "UC", "an-answer", date(2026, 5, 4))
        assert not await store.approve_proposal(first, "UD", "an-answer-2", date(2026, 5, 4))
        assert not await store.reject_proposal(first, "UD", "no")
        assert not await store.approve_proposal(second, "UC", "an-answer", date(2026, 5, 4))
        assert await store.reject_proposal(second, "UC", "not in the quote")
        approved, rejected = await store.proposal(first), await store.proposal(second)
        curation = await store.curation()
    assert approved is not None and approved.status == "approved"
    assert (approved.fact_id, approved.decided_by, approved.reviewed) == (
        "an-answer",
        "UC",
        date(2026, 5, 4),
    )
    assert (approved.channel_id, approved.message_ts, approved.draft) == ("CCUR", "1.2", DRAFT)
    assert rejected is not None and (rejected.status, rejected.reason) == (
        "rejected",
        "not in the quote",
    )
    assert [p.id for p in curation.approved] == [first]


async def test_read_curation_reads_only(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    assert (await read_curation(str(missing))).empty
    assert not missing.exists()  # nothing created
    old = tmp_path / "old.db"
    async with open_store(str(old), migrations=MIGRATIONS[:2]):
        pass
    assert (await read_curation(str(old))).empty
    with sqlite3.connect(old) as db:  # still at 0002: reading did not migrate it
        names = [r[0] for r in db.execute("SELECT name FROM schema_migrations")]
    assert names == ["0001_initial", "0002_digest"]
    path = tmp_path / "f.db"
    async with open_store(str(path)) as store:
        await store.teach_phrasing("f1", "how much?", "U1")
    assert [t.phrasing for t in (await read_curation(str(path))).phrasings] == ["how much?"]


async def test_a_proposal_keeps_its_workspace_and_older_ones_read_as_the_single_one(
    database: str,
) -> None:
    before = [m.name for m in MIGRATIONS].index("0010_proposal_team")
    async with open_store(database, migrations=MIGRATIONS[:before], clock=lambda: T0) as store:
        async with connect(database) as db:  # a proposal as the release before wrote it
            (row,) = await db.fetch(
                "INSERT INTO proposals (proposed_by, proposed_at, status, source_id, snippet,"
                " answer, answer_fr, question, topic, fact_id, decided_by, decided_at)"
                " VALUES ('UOLD', '2026-05-01T09:00:00.000000+00:00', 'approved', 'unodc',"
                " 'a quote', 'An answer.', 'Une réponse.', 'What?', 'laws', 'old-answer', 'UC',"
                " '2026-05-01T10:00:00.000000+00:00') RETURNING id"
            )
        old = int(row[0])
    # `python -m bot ask` reads what was taught from a database not migrated yet.
    assert [p.fact_id for p in (await read_curation(database)).approved] == ["old-answer"]
    async with open_store(database, clock=lambda: T0) as store:
        assert "0010_proposal_team" in await store.applied_migrations()
        found = await store.proposal(old)
        assert found is not None and (found.team_id, found.enterprise_id) == ("", "")
        new = await store.add_proposal(DRAFT, "UP", team_id="T2", enterprise_id="E2")
        (pending,) = await store.pending_proposals()
    assert (pending.id, pending.proposed_by, pending.team_id, pending.enterprise_id) == (
        new,
        "UP",
        "T2",
        "E2",
    )
