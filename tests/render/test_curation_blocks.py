"""The curation renderers stay within Block Kit's limits however much waits, and read back."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot.core.curation import (
    Overdue,
    Proposal,
    ProposalDraft,
    ReviewItem,
    ReviewQueue,
    Takeover,
    TeachResult,
)
from bot.core.factbase import FactBase
from bot.render.blocks import HOME_BLOCKS_MAX, check_limits
from bot.render.curation import (
    keep_anyway_value,
    parse_ids,
    parse_keep_anyway,
    read_proposal_form,
    render_curator_home,
    render_proposal_form,
    render_proposal_post,
    render_review,
    render_teach,
)

LONG = "why " * 400


def queue(factbase: FactBase) -> ReviewQueue:
    facts = factbase.facts[:3]
    items = tuple(
        ReviewItem(LONG + str(i), 1000 + i, 3, (LONG,) * 9, tuple(range(1000)), None, facts)
        for i in range(20)
    )
    overdue = tuple(Overdue(f, date(2025, 1, 1)) for f in factbase.facts[:20])
    draft = ProposalDraft("x", LONG, LONG, LONG, LONG, "laws", None, None)
    proposals = tuple(
        Proposal(i, draft, "U1", datetime(2026, 1, 1, tzinfo=UTC), "pending") for i in range(10)
    )
    return ReviewQueue(items, overdue, proposals)


def test_a_full_review_fits_one_message(factbase: FactBase) -> None:
    message = render_review(queue(factbase))
    assert check_limits(message.blocks) == []
    assert "…and 12 more after these." in str(message.blocks)
    gap = [e for b in message.blocks if b["type"] == "actions" for e in b["elements"]][3]
    assert gap["text"]["text"] == "Not in the sources"
    assert parse_ids(gap["value"])[:3] == [0, 1, 2] and len(gap["value"]) <= 2000
    home = render_curator_home(queue(factbase))
    assert check_limits(home, max_blocks=HOME_BLOCKS_MAX) == []


def test_a_teach_check_with_many_takeovers_fits_and_its_button_reads_back() -> None:
    taken = tuple(Takeover(LONG, "fact-a", "fact-a", "fact-b") for _ in range(40))
    result = TeachResult("fact-b", LONG, LONG, False, None, taken, False)
    message = render_teach(result)
    assert check_limits(message.blocks) == []
    (button,) = [e for b in message.blocks if b["type"] == "actions" for e in b["elements"]]
    fact_id, question = parse_keep_anyway(button["value"]) or ("", "")
    assert fact_id == "fact-b" and LONG.startswith(question)
    assert parse_keep_anyway(keep_anyway_value("f", "short?")) == ("f", "short?")
    assert parse_keep_anyway("not json") is None


def test_the_proposal_form_reads_back_what_was_typed(factbase: FactBase) -> None:
    form = render_proposal_form(factbase, question="  what   happened? ")
    ids = [b.get("block_id") for b in form["blocks"] if b["type"] == "input"]
    assert ids == ["source", "snippet", "answer", "answer_fr", "question", "topic", "when", "where"]
    typed = {
        "source": {"value": {"type": "static_select", "selected_option": {"value": "unodc"}}},
        "snippet": {"value": {"type": "plain_text_input", "value": " a\n quote "}},
        "when": {"value": {"type": "plain_text_input", "value": None}},
    }
    draft = read_proposal_form(typed)
    assert (draft.source_id, draft.snippet, draft.when, draft.answer) == (
        "unodc",
        "a quote",
        None,
        "",
    )
    draft = ProposalDraft("unodc-glo-act-prosecutor-network", LONG, LONG, LONG, LONG, "laws")
    post = render_proposal_post(
        Proposal(1, draft, "U1", datetime(2026, 1, 1, tzinfo=UTC), "pending"), factbase
    )
    assert check_limits(post.blocks) == []
