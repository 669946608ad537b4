"""The pure side of curation: the overlay, proposal checks, review intervals, rewordings."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.core.curation import (
    Curation,
    Proposal,
    ProposalDraft,
    ReviewStamp,
    TaughtPhrasing,
    apply_curation,
    check_draft,
    group_rewordings,
    new_fact_id,
    overdue_facts,
    proposal_title,
    question_key,
)
from bot.core.factbase import Fact, FactBase, Source

T0 = datetime(2026, 5, 4, tzinfo=UTC)
SOURCE = Source(
    "news", "A news article", "Tests", "2020-01-01", None, "sources/news.txt",
    "The ministry opened a new court in Rabat in March 2020. “It is a first” – he said.",
)  # fmt: skip


def fact(fid: str, *, reviewed: date | None = None, ask: tuple[str, ...] = ("Q?",)) -> Fact:
    return Fact(
        fid, "laws", fid, "An answer.", "a court", SOURCE, ask, "Une réponse.", reviewed=reviewed
    )


def base(*facts: Fact, review_every: int | None = None) -> FactBase:
    return FactBase(Path("."), {"news": SOURCE}, facts, (), (), review_every)


def taught(fid: str, text: str) -> TaughtPhrasing:
    return TaughtPhrasing(fid, text, "U1", T0)


DRAFT = ProposalDraft(
    source_id="news",
    snippet='The ministry opened a new court in Rabat in March 2020. "It is a first" - he said.',
    answer="A new court opened in Rabat in March 2020.",
    answer_fr="Un nouveau tribunal a ouvert à Rabat en mars 2020.",
    question="When did the new Rabat court open?",
    topic="laws",
    when="2020-03",
    where="Rabat",
)


def approved(draft: ProposalDraft = DRAFT, fact_id: str = "new-court-rabat") -> Proposal:
    return Proposal(1, draft, "UP", T0, "approved", fact_id, "UC", T0, date(2026, 5, 4))


def test_the_overlay_adds_phrasings_stamps_and_approved_facts_once() -> None:
    disk = base(fact("a", ask=("How much?",)), fact("b", reviewed=date(2026, 1, 1)))
    curation = Curation(
        phrasings=(taught("a", "how much"), taught("a", "What did it cost?"), taught("gone", "x")),
        stamps=(ReviewStamp("b", date(2025, 1, 1), "U1"), ReviewStamp("b", date(2026, 3, 1), "U1")),
        approved=(approved(),),
    )
    served = apply_curation(disk, curation)
    assert served.by_id["a"].ask == ("How much?", "What did it cost?")  # "how much" is held
    assert served.by_id["b"].reviewed == date(2026, 3, 1)
    new = served.by_id["new-court-rabat"]
    assert (new.topic, new.ask, new.when and new.when.raw, new.where) == (
        "laws",
        ("When did the new Rabat court open?",),
        "2020-03",
        "Rabat",
    )
    assert (
        new.reviewed == date(2026, 5, 4)
        and new.title == "A new court opened in Rabat in March 2020"
    )
    again = apply_curation(served, curation)
    assert [(f.id, f.ask, f.reviewed) for f in again.facts] == [
        (f.id, f.ask, f.reviewed) for f in served.facts
    ]
    assert apply_curation(disk, Curation()) is disk


def test_an_approved_proposal_that_no_longer_checks_out_is_left_out() -> None:
    gone = approved(replace(DRAFT, source_id="deleted"))
    served = apply_curation(base(fact("a")), Curation(approved=(gone,)))
    assert [f.id for f in served.facts] == ["a"]


@pytest.mark.parametrize(
    ("change", "field", "reason"),
    [
        ({"snippet": "The ministry closed a court in Rabat."}, "snippet", "not verbatim"),
        ({"source_id": "nowhere"}, "source", "no source 'nowhere'"),
        ({"when": "March 2020"}, "when", "Write the date as"),
        ({"topic": "gossip"}, "topic", "Pick one of the topics: laws"),
        ({"answer_fr": ""}, "answer_fr", "in French"),
        ({"question": ""}, "question", "a question it answers"),
    ],
)
def test_a_draft_is_checked_as_lint_checks_a_fact(
    change: dict[str, str], field: str, reason: str
) -> None:
    assert check_draft(DRAFT, base(fact("a"))) == {}  # quote marks and dashes are folded
    problems = check_draft(replace(DRAFT, **change), base(fact("a")))
    assert list(problems) == [field] and reason in problems[field]


def test_ids_and_titles_come_from_the_answer() -> None:
    assert new_fact_id("The BCIJ opened in Salé, in 2015!", set()) == "bcij-opened-sale-2015"
    assert new_fact_id("The BCIJ opened in Salé", {"bcij-opened-sale"}) == "bcij-opened-sale-2"
    assert new_fact_id("Le ... !", set()) == "proposed-fact"
    long = "word " * 40
    assert len(proposal_title(long)) <= 91 and proposal_title(long).endswith("…")
    assert proposal_title("It opened. Then it closed.") == "It opened"


def test_overdue_facts_are_those_reviewed_review_every_days_ago() -> None:
    facts = (
        fact("old", reviewed=date(2025, 1, 1)),
        fact("due-today", reviewed=date(2025, 5, 4)),
        fact("fresh", reviewed=date(2026, 1, 1)),
        fact("never"),
    )
    assert overdue_facts(base(*facts), date(2026, 5, 4)) == []  # no review_every: nothing due
    due = overdue_facts(base(*facts, review_every=365), date(2026, 5, 4))
    assert [(o.fact.id, o.due) for o in due] == [
        ("old", date(2026, 1, 1)),
        ("due-today", date(2026, 5, 4)),
    ]


def test_rewordings_are_grouped_and_chained() -> None:
    words = {
        "bcij budget?": {"bcij", "budget"},
        "budget of the bcij": {"bcij", "budget"},
        "bcij annual budget": {"bcij", "budget", "annual"},
        "who runs the bcij": {"bcij", "run"},
        "": set(),
    }
    groups = group_rewordings(list(words), lambda q: frozenset(words[q]))
    assert groups == [
        ["bcij budget?", "budget of the bcij", "bcij annual budget"],
        ["who runs the bcij"],
        [""],
    ]


def test_question_keys_ignore_case_accents_spacing_and_end_marks() -> None:
    assert question_key("  Quand le BCIJ a-t-il été créé ? ") == question_key(
        "quand le bcij a-t-il ete cree"
    )
