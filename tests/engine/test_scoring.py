"""How facts score: field weights, bonuses, slot weights and tie order, on a few facts.

Each test fails when its rule is switched off (its constant set to a neutral value).
"""

from __future__ import annotations

import pytest
from builders import (
    BARS,
    BCIJ,
    DOGS,
    FILLER,
    TANGIER,
    ids,
    make_entity,
    make_fact,
    make_matcher,
)

from bot.engine import Matcher

# ---------------------------------------------------------------- bonuses


def _definition_base() -> Matcher:
    asked = ["What does the BCIJ stand for?"]  # both hold every word of the questions
    arrests = make_fact("a-arrests", "The BCIJ arrested a cell.", ask=asked, title="BCIJ arrests")
    defined = make_fact(
        "b-defined",
        "The Central Bureau of Judicial Investigation (BCIJ) fights terrorism.",
        ask=asked,
    )
    return make_matcher(
        arrests, defined, *FILLER, entities=[BCIJ], synonyms=[("stand for", "stands for")]
    )


@pytest.mark.parametrize("question", ["What is the BCIJ?", "What does BCIJ stand for?"])
def test_definition_bonus_prefers_the_fact_spelling_out_a_name(question: str) -> None:
    answer = _definition_base().ask(question)
    assert answer.answered and ids(answer.facts)[0] == "b-defined"


def test_title_bonus_breaks_a_tie_towards_the_fact_about_it() -> None:
    by_ask = make_fact("a-ask", "It happened.", ask=["sniffer dogs"])
    # More keys than a-ask, so a-ask would win a tie.
    by_title = make_fact("b-title", "It happened.", title="sniffer dogs", tags=["misc"])
    answer = make_matcher(by_ask, by_title, *FILLER).ask("sniffer dogs")
    assert ids(answer.facts)[0] == "b-title"


def test_topic_bonus_prefers_the_topic_of_the_entity_asked_about() -> None:
    law = make_entity("law-27-14", "law", "Law 27-14")
    event = make_fact("a-event", "Law 27-14 was discussed.", topic="events")
    # More keys than a-event, so a-event would win a tie.
    about = make_fact("b-law", "Law 27-14 was discussed.", topic="laws", tags=["misc"])
    answer = make_matcher(event, about, *FILLER, entities=[law]).ask("Law 27-14")
    assert ids(answer.facts)[0] == "b-law"


# ---------------------------------------------------------------- slot weights


def test_common_words_weigh_less_than_rare_ones() -> None:
    common = make_fact("a-common", "A new office.")
    rare = make_fact("b-rare", "A sniffer office.")
    # "new sniffer" held in an answer covers 0.9 / (1 + COMMON_WORD_FACTOR) of the question.
    answer = make_matcher(common, rare, *FILLER, thresholds=BARS).ask("new sniffer")
    assert answer.answered and ids(answer.facts) == ["b-rare"]


def test_a_parent_entity_is_held_through_its_child() -> None:
    state = make_entity("state", "institution", "State Department")
    inl = make_entity("inl", "institution", acronyms=("INL",), part_of=("state",))
    fact = make_fact("dogs", "INL gave sniffer dogs to the police.", entities=["inl"])
    matcher = make_matcher(fact, *FILLER, entities=[state, inl])
    answer = matcher.ask("State Department sniffer dogs police")
    assert answer.answered and ids(answer.facts) == ["dogs"]


def test_ties_go_to_the_more_focused_fact() -> None:
    wordy = make_fact("a-wordy", "Sniffer dogs were given to the police with leashes and muzzles.")
    focused = make_fact("b-focused", DOGS)
    answer = make_matcher(wordy, focused, *FILLER).ask("sniffer dogs police")
    assert ids(answer.facts)[0] == "b-focused"


# ---------------------------------------------------------------- field weights


@pytest.mark.parametrize(
    ("field", "fact_fields", "question"),
    [
        ("ask", {"answer": "It happened.", "ask": ["sniffer"]}, "sniffer"),
        ("title", {"answer": "It happened.", "title": "Sniffer"}, "sniffer"),
        ("answer", {"answer": "A sniffer."}, "sniffer"),
        ("entity", {"answer": "It happened.", "entities": ["tangier"]}, "Tangier"),
        ("where", {"answer": "It happened.", "where": "Sniffer"}, "sniffer"),
        ("when", {"answer": "It happened.", "when": "2019"}, "2019"),
        ("tag", {"answer": "It happened.", "tags": ["sniffer"]}, "sniffer"),
        ("snippet", {"answer": "It happened.", "snippet": "A sniffer."}, None),
        ("topic", {"answer": "It happened.", "topic": "sniffers"}, None),
    ],
)
def test_a_word_answers_from_every_field_but_the_quote_and_the_topic(
    field: str, fact_fields: dict[str, object], question: str | None
) -> None:
    answer_text = str(fact_fields.pop("answer"))
    fact = make_fact("target", answer_text, **fact_fields)  # type: ignore[arg-type]
    # A one-word question's coverage is the weight of the field holding it (0.7 for a tag).
    matcher = make_matcher(fact, *FILLER, entities=[TANGIER], thresholds=BARS)
    if question is not None:
        assert matcher.ask(question).answered, field
    else:
        asked = "sniffer" if field == "snippet" else "sniffers"
        answer = matcher.ask(asked)
        assert not answer.answered and answer.suggestions[0].fact.id == "target"


def test_facts_rank_by_the_field_that_holds_the_word() -> None:
    """Ask and title first, then answer, place, tag: ids and focus would order them the
    other way round, so only the field weights put them in this order."""
    misc = ["misc1", "misc2", "misc3", "misc4"]
    facts = [
        make_fact("e-ask", "It happened.", ask=["sniffer"], tags=misc),
        make_fact("d-answer", "A sniffer.", tags=misc[:3]),
        make_fact("c-where", "It happened.", where="Sniffer", tags=misc[:2]),
        make_fact("b-tag", "It happened.", tags=["sniffer", "misc1"]),
        make_fact("a-snippet", "It happened.", snippet="A sniffer."),
    ]
    answer = make_matcher(*facts, *FILLER, thresholds=BARS).ask("sniffer")
    assert ids(answer.facts) == ["e-ask", "d-answer", "c-where", "b-tag"]
