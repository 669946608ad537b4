"""The matcher's decisions, rule by rule, on fact bases of a few facts.

Each test fails when its rule is switched off (its constant set to a neutral value,
or its check short-circuited): the rule changes answers, and the test says how.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pytest
from builders import (
    BARS,
    BCIJ,
    CAT_OFFICE,
    DOG_PROJECT,
    DOGS,
    FILLER,
    MOROCCO,
    SOURCE,
    TANGIER,
    TUNISIA,
    ids,
    make_base,
    make_entity,
    make_fact,
    make_matcher,
    why_not,
    words,
)

from bot.core.factbase import Entity, Fact
from bot.engine import Kind, Matcher, asks_for
from bot.engine import matcher as matcher_module
from bot.engine.kinds import REASON, listed
from bot.engine.matcher import _CLAIM, _destinations, _only_an_origin
from bot.engine.weights import Thresholds

# ---------------------------------------------------------------- coverage


def test_coverage_bar_abstains_when_the_fact_holds_too_little_of_the_question() -> None:
    matcher = make_matcher(make_fact("dogs", DOGS), *FILLER)
    assert matcher.ask("sniffer dogs police").answered
    reason = why_not(matcher, "sniffer customs airport border")
    assert reason is not None and reason.startswith("does not cover")


def test_a_word_no_fact_holds_weighs_its_fitted_share() -> None:
    """ "sniffer dogs police zorglub": the word of one's own counts against coverage by
    `unknown_word_factor` of the rarest word's weight (fit by scripts/fit_thresholds.py)."""

    def coverage(factor: float, question: str = "sniffer dogs police zorglub") -> float:
        bars = Thresholds(min_coverage=0.0, clear_lead_coverage=0.0, unknown_word_factor=factor)
        matcher = make_matcher(make_fact("dogs", DOGS), *FILLER, thresholds=bars)
        return matcher.ask(question).facts[0].coverage

    assert coverage(0.5) > coverage(1.0)
    assert coverage(0.0) == coverage(1.0, "sniffer dogs police")  # weighs nothing at all


def _coverage(question: str, *facts: Fact) -> float:
    """The best fact's coverage of `question`, with no bar to abstain."""
    bars = Thresholds(min_coverage=0.0, clear_lead_coverage=0.0)
    return make_matcher(*facts, *FILLER, thresholds=bars).ask(question).facts[0].coverage


HELD = make_fact(
    "held", "The training was in Tangier in 2018.", answer_fr="La formation à Tanger, en 2018."
)


@pytest.mark.parametrize(
    "hedge",
    ["mostly", "especially", "ultimately", "mainly"]
    + ["huge", "massive", "mass", "enormous", "ordinary", "tiny", "small", "big", "decisive"]
    + ["crucial"]
    + ["believed", "reportedly", "supposedly", "allegedly", "reckoned", "estimated", "concretely"]
    + ["several", "various", "numerous", "multiple"],
)
def test_a_hedging_adverb_asks_nothing(hedge: str) -> None:
    """ "what does the lab mostly do?", "how many are believed to have left?": a hedge says
    how sure or how much, not what; so do words of size, commonness or weight ("how many ordinary Moroccans marched?", "the huge
    march", "decisive intelligence")."""
    dogs = make_fact("dogs", DOGS)
    assert _coverage(f"sniffer dogs {hedge} police", dogs) == _coverage("sniffer dogs police", dogs)


@pytest.mark.parametrize(
    "frame",
    [
        "behind",
        "apart",
        "aside",
        "late",
        "mid",
        "gone",
        "went",
        "colleagues",
        "together",
        "autumn",
        "winter",
        "summer",
    ],
)
def test_words_framing_what_is_asked_ask_nothing(frame: str) -> None:
    """ "Who is behind ...", "apart from X", "in late / mid 2018", "in autumn 2018": the
    frame of the question, which the fact need not say (the year is checked; the season
    only says roughly when in it)."""
    dogs = make_fact("dogs", DOGS)
    assert _coverage(f"{frame} sniffer dogs police", dogs) == _coverage("sniffer dogs police", dogs)


@pytest.mark.parametrize(
    "hedge",
    [
        "surtout",
        "notamment",
        "principalement",
        "au sein de",
        "vis-à-vis de",
        "ensemble",
        "décisifs",
        "concrètement",
        "plusieurs",
        "nombreuses",
        "en automne",
        "en hiver",
        "au printemps",
        "auraient",  # "combien auraient rejoint ...?": reportedly
        "grâce à eux",  # "formés grâce au programme": thanks to
        "prévus",  # "combien de policiers prévus": planned
        "voient",  # "quels pays voient leurs policiers formés": have them trained
    ],
)
def test_a_french_hedging_adverb_asks_nothing(hedge: str) -> None:
    plain = _coverage("quand la formation de Tanger ?", HELD)
    assert _coverage(f"quand la formation de Tanger {hedge} ?", HELD) == plain


def test_avoir_lieu_is_took_place_not_a_place() -> None:
    """ "Quand a eu lieu la formation ?": "lieu" after "avoir" asks for no place, so a fact
    that does not say "lieu" covers it; "le lieu de la formation" still asks for one."""
    plain = _coverage("quand la formation de Tanger ?", HELD)
    for asked in ("quand a eu lieu la formation de Tanger ?", "ont eu lieu la formation de Tanger"):
        assert _coverage(asked, HELD) == plain
    assert _coverage("le lieu de la formation de Tanger", HELD) < plain


def test_the_last_of_how_long_did_it_last_is_its_verb() -> None:
    """ "How long did the workshop last?": the "last" ending it asks for a length of time,
    not a final one, so a fact giving the dates covers it as it covers "how long was the
    workshop?", even where another fact says "last"."""
    held = make_fact("dates", "The Tangier workshop was held from 24 to 26 September 2018.")
    other = make_fact("other", "The last plan was adopted in Rabat.")
    plain = _coverage("How long was the Tangier workshop?", held, other)
    assert _coverage("How long did the Tangier workshop last?", held, other) == plain
    # "combien de temps a duré l'atelier ?": "durer" after "combien de temps" is the verb.
    held_fr = replace(held, answer_fr="L'atelier de Tanger s'est tenu du 24 au 26 septembre 2018.")
    plain_fr = _coverage("combien de temps l'atelier de Tanger ?", held_fr, other)
    assert _coverage("combien de temps a duré l'atelier de Tanger ?", held_fr, other) == plain_fr
    assert _coverage("l'atelier de Tanger a duré quand ?", held_fr, other) < plain_fr
    # "which workshop was last?" asks which: "last" is a word the fact must hold.
    which = _coverage("Which Tangier workshop was it?", held, other)
    assert _coverage("Which Tangier workshop was last?", held, other) < which


# ---------------------------------------------------------------- the clear leader

LEAD = make_fact("lead", "Sniffer dogs were given to the police in Rabat by the customs service.")


def _short_of_the_bar(coverage: float) -> bool:
    """Whether `coverage` is where only a clear lead answers: under BARS' coverage bar,
    at or over their clear-lead one."""
    return BARS.clear_lead_coverage <= coverage < BARS.min_coverage


def test_a_clear_leader_answers_below_the_coverage_bar() -> None:
    matcher = make_matcher(LEAD, *FILLER, thresholds=BARS)
    answer = matcher.ask("sniffer dogs police rabat airport terminal")
    assert answer.answered and ids(answer.facts) == ["lead"]
    assert _short_of_the_bar(answer.facts[0].coverage)


def test_a_leader_close_to_the_next_fact_abstains() -> None:
    twin = make_fact("twin", LEAD.answer)
    matcher = make_matcher(LEAD, twin, *FILLER, thresholds=BARS)
    answer = matcher.ask("sniffer dogs given police rabat customs service airport terminal")
    assert not answer.answered
    assert _short_of_the_bar(answer.suggestions[0].coverage)


def test_a_leader_need_not_lead_its_siblings_from_the_sibling_bar_on() -> None:
    """A fact of the same article about the same body ("BCIJ established" beside "what BCIJ
    stands for") is no rival: the question is about that subject, and the best covered of
    them answers. A fact from another article, or about other bodies, still is."""
    lead = make_fact(
        "lead",
        "Sniffer dogs were given to the BCIJ in Rabat by the customs service.",
        entities=["bcij"],
    )
    sibling = make_fact(
        "sibling", "The customs service gave sniffer dogs to the BCIJ in Rabat.", entities=["bcij"]
    )
    elsewhere = replace(sibling, source=replace(sibling.source, id="another-article"))
    question = "sniffer dogs given bcij rabat customs airport terminal"
    siblings_apart = replace(BARS, sibling_lead_coverage=BARS.clear_lead_coverage)
    for bars, second, answered in (
        (BARS, sibling, False),  # within 1.2 of the second fact: no clear lead
        (siblings_apart, sibling, True),
        (siblings_apart, elsewhere, False),
        (siblings_apart, replace(sibling, entities=()), False),  # about no body of the lead's
    ):
        answer = make_matcher(lead, second, *FILLER, entities=[BCIJ], thresholds=bars).ask(question)
        assert answer.answered is answered, (bars, second.source.id)
        top = (answer.facts or answer.suggestions)[0]
        assert top.fact.id == "lead" and _short_of_the_bar(top.coverage)


def test_a_leader_holding_too_few_slots_abstains() -> None:
    matcher = make_matcher(make_fact("dogs", "Sniffer dogs arrived."), *FILLER, thresholds=BARS)
    answer = matcher.ask("sniffer dogs annual ministry")  # two held, each in a filler fact
    assert not answer.answered
    lead, second = answer.suggestions[:2]
    assert _short_of_the_bar(lead.coverage)
    assert lead.score >= BARS.clear_lead_ratio * second.score


# ---------------------------------------------------------------- names and numbers


def test_every_number_asked_must_be_in_the_fact() -> None:
    matcher = make_matcher(
        make_fact("trained", "Prosecutors were trained in Rabat in 2018."), *FILLER
    )
    assert matcher.ask("prosecutors trained rabat 2018").answered
    assert why_not(matcher, "prosecutors trained rabat 2019") == "does not mention 2019"


def test_every_uncommon_entity_asked_must_be_in_the_fact() -> None:
    """An entity few facts name must be held in a strong field, not only in the quote."""
    arrests = make_fact("arrests", "The BCIJ arrested a cell.", topic="events")
    weak = make_fact("dogs", DOGS, snippet="The BCIJ said sniffer dogs were given to the police.")
    more = [make_fact(f"more-{n}", f"A {w} was signed.") for n, w in enumerate(("deal", "pact"))]
    matcher = make_matcher(weak, arrests, *FILLER, *more, entities=[BCIJ], thresholds=BARS)
    assert matcher.ask("sniffer dogs police").answered
    answer = matcher.ask("BCIJ sniffer dogs police")
    assert not answer.answered
    assert answer.suggestions[0].coverage >= BARS.min_coverage
    assert answer.suggestions[0].why_not == "too far"


def test_a_name_made_a_manner_is_not_asked_about() -> None:
    """ "its BCIJ-style dogs": dogs like the BCIJ's, so a fact without the BCIJ answers;
    "the BCIJ dogs" asks about the BCIJ, which that fact does not name."""
    matcher = make_matcher(make_fact("dogs", DOGS), *FILLER, entities=[BCIJ])
    assert ids(matcher.ask("sniffer dogs police BCIJ-style").facts) == ["dogs"]
    assert not matcher.ask("sniffer dogs police BCIJ").answered


def test_an_unknown_capitalised_name_must_be_in_the_fact() -> None:
    matcher = make_matcher(make_fact("dogs", DOGS), *FILLER)
    assert matcher.ask("sniffer dogs police").answered
    assert why_not(matcher, "ZRX sniffer dogs police") == "does not mention zrx"


def test_a_name_held_only_in_a_weak_field_is_not_held() -> None:
    """A number only in the quote (weight 0.35 < STRONG_FIELD) does not count as given."""
    fact = make_fact(
        "trained",
        "Prosecutors were trained in Rabat.",
        snippet="In 2018 prosecutors were trained in Rabat.",
    )
    matcher = make_matcher(fact, *FILLER, thresholds=BARS)
    answer = matcher.ask("prosecutors trained rabat 2018")
    assert not answer.answered
    assert answer.suggestions[0].coverage >= BARS.min_coverage


def _morocco_base(target_snippet: str) -> Matcher:
    target = make_fact("dogs", DOGS, snippet=target_snippet)
    others = [
        make_fact(f"morocco-{n}", f"Morocco opened a {word} office.", entities=["morocco"])
        for n, word in enumerate(("court", "budget", "report", "customs"))
    ]
    return make_matcher(target, *others, entities=[MOROCCO])


def test_an_ambient_entity_may_be_held_in_a_weak_field() -> None:
    """Morocco is in most facts: a fact naming it only in its quote still answers."""
    matcher = _morocco_base("In Morocco, sniffer dogs were given to the police.")
    answer = matcher.ask("Morocco sniffer dogs police")
    assert answer.answered and ids(answer.facts) == ["dogs"]


def test_an_ambient_entity_must_still_be_somewhere_in_the_fact() -> None:
    matcher = _morocco_base(DOGS)
    assert why_not(matcher, "Morocco sniffer dogs police") == "does not mention morocco"


# ---------------------------------------------------------------- question kinds


def _kind_case(answer: str, question: str, **fields: object) -> Matcher:
    """A fact whose example question is `question`, so only the kind's rule decides."""
    fact = make_fact("target", answer, ask=[question], **fields)  # type: ignore[arg-type]
    return make_matcher(fact, *FILLER, entities=[MOROCCO, TUNISIA, TANGIER, BCIJ])


KIND_CASES = [
    # (question, kind, answer lacking it, answer holding it (or fields), reason)
    (
        "When were sniffer dogs given to the police?",
        Kind.DATE,
        DOGS,
        ("Sniffer dogs were given to the police in 2019.", {}),
        "gives no date",
    ),
    (
        "How many sniffer dogs were given to the police?",
        Kind.COUNT,
        DOGS,
        ("Twelve sniffer dogs were given to the police.", {}),
        "gives no figure",
    ),
    (
        "Where were sniffer dogs given to the police?",
        Kind.PLACE,
        DOGS,
        (DOGS, {"where": "Tangier"}),
        "gives no place",
    ),
    (
        "In which city were sniffer dogs given to the police?",
        Kind.CITY,
        "Sniffer dogs were given to the police of Morocco.",
        ("Sniffer dogs were given to the police of Tangier.", {}),
        "names no city",
    ),
    (
        "Who is the director of the police academy?",
        Kind.PERSON,
        "The police academy has a new director.",
        ("Mr. Alami is the director of the police academy.", {}),
        "names no person",
    ),
    (
        "Which article of the dog law covers sniffer dogs?",
        Kind.ARTICLE,
        "The dog law covers sniffer dogs.",
        ("Article 12 of the dog law covers sniffer dogs.", {}),
        "gives no article number",
    ),
    (
        "What is the law number for human trafficking?",
        Kind.LAW_NUMBER,
        "A law on human trafficking was passed.",
        ("Law 27-14 on human trafficking was passed.", {}),
        "gives no law number",
    ),
    (
        "Which law covers sniffer dogs?",
        Kind.LAW,
        "Sniffer dogs were covered at a police workshop.",
        ("A new dog law covers sniffer dogs.", {}),
        "names no law",
    ),
    (
        "What is Mr. Alami's position at the dog unit?",
        Kind.ROLE,
        "Mr. Alami of the dog unit attended a prosecutor workshop.",
        ("Mr. Alami is the head of the dog unit.", {}),
        "gives no role",
    ),
    (
        "How much did the sniffer dog programme cost?",
        Kind.MONEY,
        "The sniffer dog programme cost a lot.",
        ("The sniffer dog programme cost €2 million.", {}),
        "gives no amount of money",
    ),
    (
        "What penalty does the dog law set for smuggling?",
        Kind.PENALTY,
        "The dog law covers smuggling with sniffer dogs.",
        ("The dog law sets prison sentences of 2 to 5 years for smuggling.", {}),
        "gives no penalty",
    ),
    (
        "What nationality is Ms. Alami of the dog unit?",
        Kind.NATIONALITY,
        "Ms. Alami of the dog unit spoke in Tunisia.",
        ("Ms. Alami of the dog unit is a Tunisian national.", {}),
        "gives no nationality",
    ),
    (
        "How long did the prosecutors workshop last?",
        Kind.DURATION,
        "The prosecutors workshop took place in 2019.",
        ("The prosecutors workshop lasted three days.", {}),
        "gives no length of time",
    ),
    (
        "How long did the prosecutors workshop last?",
        Kind.DURATION,
        "The prosecutors workshop took place in 2019.",
        ("The prosecutors workshop was held from 24 to 26 September 2019.", {}),
        "gives no length of time",
    ),
    (
        "Which three countries joined the dog programme?",
        Kind.MEMBERS,
        "Three countries joined the dog programme.",
        ("Morocco, Tunisia and Spain joined the dog programme.", {}),
        "names them nowhere",
    ),
    (
        "Why were sniffer dogs given to the police?",
        Kind.REASON,
        "Sniffer dogs were given to the police in Tangier.",
        ("Sniffer dogs were given to the police to find drugs.", {}),
        "gives no reason",
    ),
    (
        "Since when have sniffer dogs been given to the police?",
        Kind.START,
        "Sniffer dogs were given to the police in 2019.",
        ("Sniffer dogs have been given to the police since 2019.", {}),
        "gives no beginning",
    ),
    (
        "When did the police start giving sniffer dogs to customs?",
        Kind.START,
        "The police gave sniffer dogs to customs in 2019.",
        ("The police began giving sniffer dogs to customs in 2019.", {}),
        "gives no beginning",
    ),
    (
        "Did the police give more sniffer dogs to Rabat or to Tangier?",
        Kind.COMPARE,
        "The police gave sniffer dogs to Rabat and to Tangier.",
        ("The police gave more sniffer dogs to Rabat than to Tangier.", {}),
        "compares nothing",
    ),
    (
        "Which organisation does Mr. Alami of the dog unit work for?",
        Kind.BODY,
        "Mr. Alami of the dog unit worked with prosecutors.",
        ("Mr. Alami of the dog unit works for the BCIJ.", {}),
        "names no body the question does not name already",
    ),
    (
        "Who funded the training agreement with Morocco?",
        Kind.ACTOR,
        "Morocco funded a training agreement.",
        ("Tunisia and Morocco funded a training agreement.", {}),
        "names nobody the question does not name already",
    ),
    (
        "Which other countries joined the programme with Morocco?",
        Kind.COUNTRY,
        "Morocco joined the programme.",
        ("Morocco and Tunisia joined the programme.", {}),
        "names no other country",
    ),
]


@pytest.mark.parametrize(
    ("question", "kind", "lacking", "holding", "reason"),
    KIND_CASES,
    ids=[str(case[1]) for case in KIND_CASES],
)
def test_each_kind_needs_a_fact_holding_what_it_asks_for(
    question: str,
    kind: Kind,
    lacking: str,
    holding: tuple[str, dict[str, object]],
    reason: str,
) -> None:
    assert asks_for(question) is kind
    assert why_not(_kind_case(lacking, question), question) == reason
    answer_text, fields = holding
    assert _kind_case(answer_text, question, **fields).ask(question).answered


def test_taking_over_a_role_is_a_beginning() -> None:
    """ "Since when is Morocco co-chair?": "In 2016, Morocco took over as co-chair" (or
    became it) says when it began; a mere date of chairing does not."""
    question = "Since when has Morocco chaired the dog network?"
    chaired = _kind_case("Morocco chaired the dog network in 2019.", question)
    assert why_not(chaired, question) == "gives no beginning"
    for answer in (
        "In 2019, Morocco took over as chair of the dog network.",
        "In 2019, Morocco became chair of the dog network.",
        "En 2019, le Maroc est devenu président du réseau canin.",
    ):
        assert _kind_case(answer, question).ask(question).answered, answer


def test_taking_place_and_its_moment_name_the_kind_in_french() -> None:
    """ "Où s'est déroulée la formation ?", "À quel moment a eu lieu ... ?": a place or a
    date answers; the fact need not say "déroulée", "lieu" or "moment"."""
    held = make_fact(
        "held",
        "The dog training was held in Tangier in 2019.",
        answer_fr="La formation canine a été organisée à Tanger en 2019.",
    )
    _answers_each(
        held,
        "Où s'est déroulée la formation canine ?",
        "À quel moment la formation canine a-t-elle eu lieu ?",
    )


def _answers_each(fact: Fact, *questions: str) -> None:
    """`fact`, on a base of it and the filler facts, is the answer to each question."""
    matcher = make_matcher(fact, *FILLER, entities=[TANGIER], thresholds=BARS)
    for question in questions:
        assert ids(matcher.ask(question).facts) == [fact.id], question


def test_since_and_the_year_name_the_beginning_asked() -> None:
    """ "Depuis quelle année ... ?", "since what year ...?": a fact saying when it began
    answers; it need not say "since" or "year"."""
    began = make_fact(
        "began",
        "The dog school began training officers in Tangier in 2008.",
        answer_fr="L'école canine a commencé à former des policiers à Tanger en 2008.",
    )
    _answers_each(
        began, "Depuis quelle année, l'école canine ?", "The dog school: since what year?"
    )


def test_a_count_must_count_the_thing_asked_about() -> None:
    question = "How many dogs were given to officers in Rabat?"
    wrong = make_fact(
        "target", "Twelve police officers from Rabat were given dogs.", ask=[question]
    )
    right = make_fact(
        "target", "Twelve dogs were given to police officers in Rabat.", ask=[question]
    )
    assert why_not(make_matcher(wrong, *FILLER), question) == "gives no figure for dogs, given"
    assert make_matcher(right, *FILLER).ask(question).answered


def test_a_level_says_what_kind_of_thing_is_counted_not_what() -> None:
    """ "How many state-level departments ...?" counts departments: "level" is not what the
    fact's figure must count (it would be "state, level", which no fact counts)."""
    fact = make_fact("seven", "Seven state departments of dogs train officers in Rabat.")
    question = "How many state-level departments train officers?"
    assert ids(make_matcher(fact, *FILLER).ask(question).facts) == ["seven"]


def test_a_date_asked_puts_the_fact_that_says_when_first() -> None:
    """ "rabat dog training programme when?": the fact saying "February 24" answers first,
    before a better-scored one dated only by its article (`when`)."""
    aims = make_fact(
        "aims",
        "The Rabat dog training programme aims to help police dogs.",
        when="2020-02",
        title="Rabat dog training programme",
    )
    starts = make_fact(
        "starts", "The Rabat dog training programme starts on February 24.", when="2020-02"
    )
    matcher = make_matcher(aims, starts, *FILLER, thresholds=BARS)
    assert ids(matcher.ask("rabat dog training programme when?").facts) == ["starts", "aims"]
    assert ids(matcher.ask("what does the rabat dog training programme do?").facts)[:1] == ["aims"]


def test_topics_asked_for_by_that_word_need_a_fact_naming_topics() -> None:
    """ "What topics did the Tangier dog session cover?" is not answered by a fact saying only
    that it was held; "on what subject were the dogs trained?" is, by "trained on X"."""
    held = make_fact("held", "The Tangier dog session was held in July 2018.")
    trained = make_fact("trained", "The Tangier dogs were trained on drug detection.")
    synonyms = [("focus", "topics", "subjects", "topic", "subject", "focused", "themes")]
    bars = replace(BARS, min_coverage=0.3, clear_lead_coverage=1.01)
    matcher = make_matcher(held, trained, *FILLER, synonyms=synonyms, thresholds=bars)
    assert not matcher.ask("What topics did the Tangier dog session in July 2018 cover?").answered
    assert ids(matcher.ask("On what subject were the Tangier dogs trained?").facts)[:1] == [
        "trained"
    ]


def test_a_fact_holding_every_word_asked_answers_from_the_held_bar() -> None:
    """ "Which kennel clubs carry out the dog project?": the fact names the clubs only in its
    quote, which weighs less than its answer, so its coverage is short of the bar; holding
    every word asked, it answers from `held_coverage`. One word short, it does not."""
    fact = make_fact(
        "held",
        "The dog project is carried out with the port police.",
        snippet="The dog project is carried out in partnership with the port police and kennel clubs.",
    )
    held = replace(BARS, min_coverage=0.95, clear_lead_coverage=1.01, held_coverage=0.5)
    matcher = make_matcher(fact, *FILLER, thresholds=held)
    assert matcher.ask("Which kennel clubs carry out the dog project?").answered
    assert not matcher.ask("Which kennel clubs carry out the cat project?").answered
    never = make_matcher(fact, *FILLER, thresholds=replace(held, held_coverage=1.01))
    assert not never.ask("Which kennel clubs carry out the dog project?").answered


def test_a_place_asked_puts_the_fact_that_names_the_town_first() -> None:
    """ "Where will the dog trainers meet?": the fact whose answer says "in Rabat" answers
    first, before a better-scored one placed only by its `where`, which its answer shown
    does not say."""
    rabat = make_entity("rabat", "place", "Rabat")
    theme = make_fact(
        "theme", "The first dog trainers session will focus on dog trainers' skills.", where="Rabat"
    )
    venue = make_fact("venue", "The dog trainers session is held in Rabat.", where="Rabat")
    bars = replace(BARS, min_coverage=0.3)
    matcher = make_matcher(theme, venue, *FILLER, entities=[rabat], thresholds=bars)
    answer = matcher.ask("Where is the first dog trainers session?")
    assert ids(answer.facts) == ["venue", "theme"]
    assert answer.facts[0].score < answer.facts[1].score
    # Not for other questions: the better-scored comes first.
    assert ids(matcher.ask("What is the first dog trainers session?").facts) == ["theme", "venue"]


def test_where_it_was_done_is_not_what_happened() -> None:
    """ "When was the lab accredited abroad?": the accreditation is what happened (and the
    fact must say it), not "abroad"."""
    accredited = make_fact("accredited", "The Rabat dog lab was accredited in 2019.")
    overseas = make_fact("overseas", "Tangier police dogs train overseas.")
    groups = [("abroad", "overseas"), ("founded", "created")]
    bars = Thresholds(min_coverage=0.5, clear_lead_coverage=0.5)
    matcher = make_matcher(accredited, overseas, *FILLER, synonyms=groups, thresholds=bars)
    assert ids(matcher.ask("When was the Rabat dog lab accredited abroad?").facts) == ["accredited"]
    founded = why_not(matcher, "When was the Rabat dog lab founded abroad?")
    assert founded is not None and "founded" in founded


def test_where_in_a_country_needs_a_place_in_it() -> None:
    """ "Where in Morocco is the dog show held?": a place in Morocco answers (Tangier, part
    of Morocco), not "held in Tunisia", nor Morocco itself."""
    tangier = make_entity("tangier", "place", "Tangier", fr=("Tanger",), part_of=("morocco",))
    held = make_fact("held", "The dog show of Morocco is held in Tangier every year.")
    abroad = make_fact("abroad", "The horse show of Morocco is held in Tunisia.")
    places = [MOROCCO, TUNISIA, tangier]
    strict = Thresholds(min_coverage=0.85, clear_lead_coverage=0.85)
    matcher = make_matcher(held, abroad, *FILLER, entities=places, thresholds=strict)
    assert ids(matcher.ask("Where in Morocco is the dog show held?").facts) == ["held"]
    assert (
        why_not(matcher, "Where in Morocco is the horse show held?") == "names no place in morocco"
    )
    assert matcher.ask("Where is the horse show held?").answered  # Tunisia, for all it says


@pytest.mark.parametrize(
    "answer",
    [
        "The dog show is held every year with units from Tunisia.",
        "Through the yearly dog show, the police work with Tunisia.",
        "The dog show is held every year by the police and their neighbours in Tunisia.",
        "The dog show is held every year against groups operating in the broader Tunisia.",
    ],
)
def test_a_place_saying_whose_or_from_where_is_not_where(answer: str) -> None:
    """ "Where is the dog show held?" is not answered by "units from Tunisia", "works
    with Tunisia" or "neighbours in Tunisia": they say who takes part, not where."""
    places = [MOROCCO, TUNISIA]
    show = make_fact("show", answer)
    bars = Thresholds(min_coverage=0.5, clear_lead_coverage=0.5)
    matcher = make_matcher(show, *FILLER, entities=places, thresholds=bars)
    assert why_not(matcher, "Where is the yearly dog show held?") == "gives no place"
    held = make_fact("held", "The dog show is held every year in Tunisia.")
    there = make_matcher(held, *FILLER, entities=places, thresholds=bars)
    assert there.ask("Where is the yearly dog show held?").answered


def test_a_place_saying_where_others_are_is_no_city_of_the_event() -> None:
    """ "In which city did the dog attack take place?" is not answered by "attacks ... and
    threats from groups operating in the broader Tangier region"."""
    threats = make_fact(
        "threats", "The dog attack of 2011 came with threats from groups operating in Tangier."
    )
    bars = Thresholds(min_coverage=0.5, clear_lead_coverage=0.5)
    matcher = make_matcher(threats, *FILLER, entities=[TANGIER], thresholds=bars)
    assert why_not(matcher, "In which city did the 2011 dog attack take place?") == "names no city"
    held = make_fact("held", "The dog attack of 2011 took place in Tangier.")
    there = make_matcher(held, *FILLER, entities=[TANGIER], thresholds=bars)
    assert there.ask("In which city did the 2011 dog attack take place?").answered


def test_what_a_figure_counts_stops_at_of() -> None:
    """ "Seven U.S. state departments of corrections" counts departments, not states:
    "how many police officers ...?" is not answered by "seven kennels of police"."""
    kennels = make_fact("kennels", "Seven kennels of police train dogs in Rabat.")
    matcher = make_matcher(kennels, *FILLER, thresholds=BARS)
    officers = why_not(matcher, "How many police officers train dogs in Rabat?")
    assert officers is not None and officers.startswith("gives no figure for")
    assert matcher.ask("How many kennels of police train dogs in Rabat?").answered


def test_a_count_of_participants_takes_any_count_of_people() -> None:
    question = "Workshop in Rabat: how many participants?"
    fact = make_fact(
        "target", "Twenty prosecutors from Rabat took part in the workshop.", ask=[question]
    )
    matcher = make_matcher(fact, *FILLER, synonyms=[("participants", "took part")])
    answer = matcher.ask(question)
    assert answer.asks_for is Kind.COUNT and answer.answered


@pytest.mark.parametrize(
    "question",
    ["academies, how many around the world?", "INL academies: how many arround the world"],
)
def test_a_place_after_how_many_is_not_what_is_counted(question: str) -> None:
    """ "ILEAs, how many around the world?" counts the academies, not "the world"
    (typed "arround", it is read once corrected)."""
    fact = make_fact("five", "Around the world, INL runs five academies.")
    matcher = make_matcher(fact, *FILLER)
    answer = matcher.ask(question)
    assert answer.asks_for is Kind.COUNT and ids(answer.facts) == ["five"]


def test_a_count_of_participants_of_something_takes_any_count_of_people() -> None:
    """ "how many participants in the first session": the people are counted, whatever
    word follows them."""
    question = "How many participants in the first dog workshop in Rabat?"
    fact = make_fact("target", "Twenty prosecutors from Rabat took part in the first dog workshop.")
    matcher = make_matcher(fact, *FILLER, synonyms=[("participants", "took part")])
    answer = matcher.ask(question)
    assert answer.asks_for is Kind.COUNT and answer.answered


def test_a_precise_question_about_something_unknown_abstains() -> None:
    question = "When was the canine sniffer academy of Rabat founded?"
    fact = make_fact(
        "academy", "The canine sniffer academy of Rabat opened in 2010.", ask=[question]
    )
    matcher = make_matcher(fact, *FILLER, thresholds=BARS)  # "zorglub" costs a third
    assert matcher.ask(question).answered
    reason = why_not(matcher, "When was the zorglub canine sniffer academy of Rabat founded?")
    assert reason == "nothing in the fact base mentions zorglub"


def test_an_unknown_verb_form_does_not_block_a_precise_question() -> None:
    """ "When was the deal underpinning X signed?": a word no fact holds that reads as a
    verb or an adverb ("-ing", "-ed", "-ly") says how, not what is asked, unlike an unknown
    noun ("zorglub")."""
    question = "When was the canine sniffer academy of Rabat founded?"
    fact = make_fact(
        "academy", "The canine sniffer academy of Rabat opened in 2010.", ask=[question]
    )
    matcher = make_matcher(fact, *FILLER, thresholds=BARS)
    assert matcher.ask("When was the zorglubbing canine sniffer academy of Rabat founded?").answered
    reason = why_not(matcher, "When was the zorglub canine sniffer academy of Rabat founded?")
    assert reason == "nothing in the fact base mentions zorglub"


def test_an_unknown_french_participle_does_not_block_a_precise_question() -> None:
    """ "Combien de chiens compte l'académie zorglubée de Rabat ?": a feminine past
    participle no fact holds says how the thing was done, not what is asked."""
    fact = make_fact(
        "academy",
        "The canine academy of Rabat has twelve dogs.",
        answer_fr="L'académie canine de Rabat compte douze chiens.",
    )
    matcher = make_matcher(fact, *FILLER, thresholds=BARS)
    question = "Combien de chiens compte l'académie canine zorglubée de Rabat ?"
    assert matcher.ask(question).answered
    reason = why_not(matcher, "Combien de chiens compte l'académie canine zorglub de Rabat ?")
    assert reason == "nothing in the fact base mentions zorglub"


def test_an_unknown_french_future_does_not_block_a_precise_question() -> None:
    """ "De quels pays viendront les chiens ?": a verb in the future or the conditional no
    fact holds says when, not what is asked."""
    fact = make_fact(
        "dogs",
        "Tunisia will send dogs to the Rabat academy.",
        answer_fr="La Tunisie enverra des chiens à l'académie de Rabat.",
        entities=["tunisia"],
    )
    matcher = make_matcher(fact, *FILLER, entities=[TUNISIA], thresholds=BARS)
    assert matcher.ask("De quels pays zorglubront les chiens de l'académie de Rabat ?").answered
    reason = why_not(matcher, "De quels pays zorglub les chiens de l'académie de Rabat ?")
    assert reason is not None and "zorglub" in reason


def test_a_name_the_fact_base_never_heard_of_blocks_any_question() -> None:
    """ "Who trained the Rabat police dogs for the Zorglub Cup?": two capitalised words
    make a name; no fact holds it, so nothing answers, even a "who" question (whose own
    words are otherwise forgiven). The same words in lower case, or one capitalised word
    ("Western"), are only words."""
    fact = make_fact("dogs", "Tunisia trained the Rabat police dogs.", entities=["tunisia"])
    matcher = make_matcher(fact, *FILLER, entities=[TUNISIA], thresholds=BARS)
    assert matcher.ask("Who trained the Rabat police dogs for the cup?").answered
    assert matcher.ask("Who trained the Rabat police dogs for the Western cup?").answered
    reason = why_not(matcher, "Who trained the Rabat police dogs for the Zorglub Cup?")
    assert reason is not None and "zorglub, cup" in reason


def test_a_law_number_or_a_range_is_no_count() -> None:
    """ "under Law 12-34 dog thefts are serious crimes" gives no number of dog thefts."""
    question = "How many dog thefts are serious crimes in Rabat?"
    law = make_fact("target", "Under Law 12-34, dog thefts are serious crimes in Rabat.")
    assert why_not(make_matcher(law, *FILLER, thresholds=BARS), question) == "gives no figure"


def test_a_total_is_not_a_figure_per_unit() -> None:
    """ "How many prosecutors were trained on dogs in total?" is not answered by "two
    prosecutors per court"; without "in total", it is."""
    fact = make_fact("target", "Two prosecutors per court were trained on police dogs.")
    matcher = make_matcher(fact, *FILLER, thresholds=BARS)
    assert matcher.ask("How many prosecutors were trained on police dogs?").answered
    assert why_not(matcher, "How many prosecutors were trained on police dogs in total?") == (
        "gives a figure per unit, not a total"
    )
    assert why_not(
        matcher, "How many prosecutors were trained on police dogs across all courts?"
    ) == ("gives a figure per unit, not a total")
    total = make_fact("target", "Forty prosecutors were trained on police dogs.")
    total_matcher = make_matcher(total, *FILLER, thresholds=BARS)
    assert total_matcher.ask("How many prosecutors were trained on police dogs in total?").answered


def test_a_total_is_not_the_figure_of_one_of_a_series() -> None:
    """ "How many officers will the dog programme train in total?" is not answered by what
    its first session gathers; without "in total", it is."""
    first = make_fact("first", "The first sniffer dog session was to bring together 20 officers.")
    matcher = make_matcher(first, *FILLER, thresholds=BARS)
    assert matcher.ask("How many officers will the sniffer dog session bring together?").answered
    question = "How many officers will the sniffer dog sessions bring together in total?"
    assert why_not(matcher, question) == "gives a figure for one of them, not a total"


def test_a_venue_asked_is_not_its_city() -> None:
    """ "Which hotel in Tangier hosted the dog workshop?" is not answered by "the dog
    workshop was held in Tangier"; a fact naming the venue (a training centre) answers."""
    question = "Which hotel in Tangier hosted the dog workshop?"
    city = make_fact(
        "target", "The dog workshop was hosted in Tangier.", where="Tangier", tags=["hotel"]
    )
    matcher = make_matcher(city, *FILLER, entities=[TANGIER], thresholds=BARS)
    assert why_not(matcher, question) == "names no venue"
    assert matcher.ask("Where was the dog workshop hosted?").answered
    venue = make_fact(
        "target", "The dog workshop was held at the police training centre in Tangier."
    )
    assert make_matcher(venue, *FILLER, entities=[TANGIER], thresholds=BARS).ask(question).answered


def test_a_plural_asked_puts_the_fact_naming_several_first() -> None:
    """ "Which Rabat police units are training dogs?": the fact naming both units answers
    first, before those naming one each (which score higher)."""
    border = make_fact("border", "The Rabat border police unit is training dogs.")
    customs = make_fact("customs", "The Rabat customs police unit is training dogs.")
    both = make_fact(
        "both",
        "Two Rabat police units, the border unit, the customs unit and the port unit, "
        "work with dogs in training.",
    )
    matcher = make_matcher(border, customs, both, *FILLER, thresholds=BARS)
    answer = matcher.ask("Which Rabat police units are training dogs?")
    assert ids(answer.facts)[0] == "both"
    assert ids(matcher.ask("Is the Rabat border police unit training dogs?").facts)[0] == "border"
    # ... but not a list lacking a word the best covered fact holds: "Which Rabat police
    # units are training dogs in the capital?" is the border unit's.
    capital = make_fact("capital", "The Rabat border police unit is training dogs in the capital.")
    matcher = make_matcher(capital, customs, both, *FILLER, thresholds=BARS)
    answer = matcher.ask("Which Rabat police units are training dogs in the capital?")
    assert ids(answer.facts)[0] == "capital"


def test_the_role_of_a_body_is_what_it_does() -> None:
    """ "What role does the BCIJ play in counterterrorism?" asks what the bureau does: its
    mandate answers, which names no person's role; "her role" still needs one."""
    fact = make_fact(
        "mandate", "The BCIJ leads counterterrorism investigations in Morocco.", entities=["bcij"]
    )
    matcher = make_matcher(fact, *FILLER, entities=[BCIJ, MOROCCO], thresholds=BARS)
    assert matcher.ask("What role does the BCIJ play in counterterrorism investigations?").answered
    question = "What is her role in BCIJ counterterrorism investigations in Morocco?"
    assert why_not(matcher, question) == "gives no role"
    named = "What is Samira Alami's role in the BCIJ?"  # a name, possessive: a person
    assert matcher.ask(named).asks_for is Kind.ROLE
    assert matcher.ask("What role does the BCIJ play?").asks_for is None
    # ... and a country's: what it did ("play" and "role" only frame the question)
    helped = make_fact("helped", "Tunisia trained the Rabat police dogs.", entities=["tunisia"])
    parade = make_fact("parade", "A brass band plays a role in the yearly parade.")
    countries = make_matcher(helped, parade, *FILLER, entities=[TUNISIA], thresholds=BARS)
    answer = countries.ask("What role did Tunisia play with the police dogs?")
    assert answer.answered and answer.asks_for is None
    assert answer.facts[0].coverage > 0.8  # "role" and "play" are no words the fact must hold
    # (In French, the pronoun of the inverted verb is the country's: "joue-t-il".)
    french = countries.ask("Quel rôle la Tunisie joue-t-elle avec les chiens de la police ?")
    assert french.asks_for is None
    # (A French "il" / "elle" may be the body's: its gender is the word's, not a person's.)
    french = matcher.ask("quel est le rôle principal du BCIJ, il est responsable de quoi ?")
    assert french.asks_for is None


def test_a_value_the_context_gives_for_another_thing_is_not_asked() -> None:
    """ "I have Rabat for the second dog training. Where was the first one held?": Rabat
    and "second" belong to the other training; the first one's place is asked."""
    rabat = make_entity("rabat", "place", "Rabat")
    first = make_fact("first", "The first dog training was held in Tangier.", where="Tangier")
    second = make_fact("second", "The second dog training was held in Rabat.", where="Rabat")
    matcher = make_matcher(first, second, *FILLER, entities=[TANGIER, rabat], thresholds=BARS)
    message = "I have Rabat for the second dog training. Where was the first one held?"
    assert ids(matcher.ask(message).facts)[:1] == ["first"]


def test_which_two_needs_two_names_not_the_count_two() -> None:
    question = "Which two prisons train their guards with dogs?"
    counted = make_fact("target", "Two prisons train guards with dogs.")
    assert (
        why_not(make_matcher(counted, *FILLER, thresholds=BARS), question) == "names them nowhere"
    )
    named = make_fact("target", "Sale and Fes prisons train guards with dogs.")
    assert make_matcher(named, *FILLER, thresholds=BARS).ask(question).answered  # "two" unheld
    six = make_fact(
        "target", "Prisons of Sale, Fes, Meknes, Taza, Oujda and Safi train guards with dogs."
    )
    assert why_not(make_matcher(six, *FILLER, thresholds=BARS), question) == "does not count 2"


def test_a_clear_leader_below_the_coverage_bar_must_still_count_as_asked() -> None:
    lead = make_fact("lead", "Police in Rabat, Fes and Sale got sniffer dogs from customs.")
    question = "Which two police got sniffer dogs from customs at the capital court hearing?"
    assert make_matcher(lead, *FILLER, thresholds=BARS).ask(question.replace("two ", "")).answered
    asked = make_matcher(lead, *FILLER, thresholds=BARS).ask(question)
    assert _short_of_the_bar(asked.suggestions[0].coverage)  # a clear lead, short of the bar
    assert not asked.answered  # it lists three


def test_which_seven_needs_a_list_of_seven_or_the_count_seven() -> None:
    question = "Which seven prisons train their guards with dogs?"
    adjectives = make_fact("target", "Prisons train guards with dogs to be safe, calm and humane.")
    assert (
        why_not(make_matcher(adjectives, *FILLER, thresholds=BARS), question) == "does not count 7"
    )
    counted = make_fact(
        "target", "Seven prisons train guards with dogs: Sale, Fes, Meknes and Taza."
    )
    assert make_matcher(counted, *FILLER, thresholds=BARS).ask(question).answered
    listing = make_fact(
        "target",
        "Prisons in Sale, Fes, Meknes, Taza, Oujda, Safi and Tiznit train guards with dogs.",
    )
    assert make_matcher(listing, *FILLER, thresholds=BARS).ask(question).answered  # "seven" unheld


def test_where_are_the_five_needs_their_places_not_another_list() -> None:
    """ "Where are the five dog schools?" is not answered by the five schools' partners:
    the list must be of places."""
    question = "Where are the five dog schools?"
    partners = make_fact(
        "target", "The police, the army and customs run five dog schools around the world."
    )
    assert why_not(make_matcher(partners, *FILLER, thresholds=BARS), question) == (
        "lists no places"
    )
    places = make_fact(
        "target", "The five dog schools are in Morocco, Tunisia, Rabat, Tangier and Fes."
    )
    matcher = make_matcher(places, *FILLER, entities=[MOROCCO, TUNISIA, TANGIER], thresholds=BARS)
    assert matcher.ask(question).answered
    # "Which five ...?" asks for the things, whatever they are.
    assert (
        make_matcher(partners, *FILLER, thresholds=BARS)
        .ask("Which five bodies run the dog schools?")
        .answered
    )


def test_a_list_is_counted_by_its_items() -> None:
    assert listed("Togo, Senegal, Burkina Faso, Mali, Nepal, and Jordan") == 6
    assert listed("joining a group, receiving training, and recruiting") == 3
    assert listed("Morocco and Tunisia") == 2  # two names
    assert listed("the CNDH-DGSN programme") == 2
    assert listed("dogs and cats") == 1  # two words: "and" joins more than names
    assert listed("According to the page, dogs, cats and mice") == 3
    assert listed("According to the page (2014), the dogs were fed.") == 1
    assert listed("In 2011, Morocco joined the US and 28 other countries.") == 1
    assert listed("no list at all") == 1


def test_since_when_may_be_answered_by_a_span_of_years() -> None:
    fact = make_fact("target", "Sniffer dogs were given to the police from 2015 to 2019.")
    since = make_fact("since", "The archive has been open since 2001.")  # "since" is a word here
    matcher = make_matcher(fact, since, *FILLER)
    assert matcher.ask("Since when have sniffer dogs been given to the police?").answered


def test_who_did_it_may_be_people_named_by_their_role() -> None:
    question = "Who trained the police of Morocco on sniffer dogs?"
    by_role = make_fact("target", "Two retired judges trained the police of Morocco on dogs.")
    matcher = make_matcher(by_role, *FILLER, entities=[MOROCCO], thresholds=BARS)
    assert matcher.ask(question).answered


def test_people_the_question_names_are_not_who_did_it() -> None:
    fact = make_fact("target", "The judges of Morocco were trained on dogs.")
    matcher = make_matcher(fact, *FILLER, entities=[MOROCCO])
    reason = why_not(matcher, "Who trained the judge of Morocco on dogs?")
    assert reason == "names nobody the question does not name already"


def test_a_training_of_trainers_names_nobody_who_did_it() -> None:
    question = "Who funded the training agreement with Morocco?"
    fact = make_fact("target", "Morocco funded an agreement for a training of trainers.")
    matcher = make_matcher(fact, *FILLER, entities=[MOROCCO])
    assert why_not(matcher, question) == "names nobody the question does not name already"


def test_who_is_asks_what_something_is_not_who_did_it() -> None:
    assert asks_for("Who is the BCIJ?") is None
    assert asks_for("who funded it?") is Kind.ACTOR
    assert asks_for("qui a financé l'accord ?") is Kind.ACTOR


def test_a_who_question_may_hold_words_the_fact_base_does_not_know() -> None:
    """Unlike "when" or "how many", "who ..." is often asked with words of one's own
    ("who opened the workshop with that line?"): the fact must name somebody new instead."""
    fact = make_fact("target", "Tunisia opened the dog workshop with a speech.")
    matcher = make_matcher(fact, *FILLER, entities=[MOROCCO, TUNISIA], thresholds=BARS)
    assert matcher.ask("Who opened the dog workshop with that zorglub speech?").answered


def test_a_penalty_question_may_hold_words_the_fact_base_does_not_know() -> None:
    """ "Quelle peine risquent-ils ?": what one risks, faces or incurs is one's own word;
    the fact must give a penalty instead."""
    fact = make_fact(
        "target", "As a penalty, the dog law sets prison sentences of 2 to 5 years for smugglers."
    )
    matcher = make_matcher(fact, *FILLER)
    answer = matcher.ask("What penalty do zorglub smugglers get under the dog law?")
    assert answer.asks_for is Kind.PENALTY and answer.answered


def test_an_everyday_word_no_fact_holds_does_not_make_a_date_question_unanswerable() -> None:
    """ "When were the attacks that triggered the march?": "triggered" is in no fact, but
    an everyday word says how, not what: the fact about the march still answers."""
    fact = make_fact("march", "A march against the dog attacks took place in Rabat in 2003.")
    matcher = make_matcher(fact, *FILLER)
    assert matcher.ask("When was the march that followed the dog attacks in Rabat?").answered


def test_an_everyday_word_no_fact_holds_still_blocks_a_count() -> None:
    """ "How many people were killed in the attacks?" is not answered by how many marched."""
    fact = make_fact("march", "Two thousand people marched in Rabat after the dog attacks.")
    matcher = make_matcher(fact, *FILLER)
    reason = why_not(matcher, "How many people were killed in the dog attacks in Rabat?")
    assert reason is not None and "killed" in reason


def test_an_everyday_word_outside_what_a_count_counts_does_not_block_it() -> None:
    """ "How many dogs has the police got so far?": "far" says how, "dogs" what."""
    fact = make_fact("dogs", "The police of Rabat got twelve sniffer dogs.")
    matcher = make_matcher(fact, *FILLER)
    assert matcher.ask("How many sniffer dogs has the police of Rabat got so far?").answered


def test_a_when_after_another_question_word_asks_for_no_date() -> None:
    # (What she said: her words, not when.)
    assert asks_for("What did the officer say when she opened the workshop?") is Kind.STATEMENT
    assert asks_for("When did she open the workshop?") is Kind.DATE
    assert asks_for("What was the vote count when the bill passed?") is Kind.COUNT


def test_a_french_question_on_what_a_thing_is_about_asks_nothing_of_its_verb() -> None:
    """ "La loi 12-03 porte sur quoi ?", "sur quoi porte ...", "... concerne quoi ?": the
    fact says what the law is about without the verb (as "what is it about?")."""
    law = make_fact("law", "Law 12-03 punishes the smuggling of dogs.")
    focus = ("focus on", "porte sur", "concerne", "traite", "consiste")  # words facts may hold
    matcher = make_matcher(law, *FILLER, synonyms=[("law", "loi"), focus], thresholds=BARS)
    for question in (
        "La loi 12-03 porte sur quoi ?",
        "Sur quoi porte la loi 12-03 ?",
        "la loi 12-03 concerne quoi exactement ?",
        "De quoi traite la loi 12-03 ?",
        "La loi 12-03, ça consiste en quoi ?",
        "Sur quels thèmes porte la loi 12-03 ?",
        "La loi 12-03 tournait autour de quoi ?",
    ):
        assert matcher.ask(question).answered, question
    # A fact that says "porte sur" answers as asked, before one that does not.
    theme = make_fact(
        "theme", "The dog session focus on tracking.", answer_fr="La session porte sur le pistage."
    )
    venue = make_fact(
        "venue", "The dog session is in Rabat.", answer_fr="La session a lieu à Rabat."
    )
    matcher = make_matcher(theme, venue, *FILLER, synonyms=[focus], thresholds=BARS)
    assert ids(matcher.ask("Sur quoi porte la session ?").facts)[:1] == ["theme"]


def test_nations_are_countries_unless_united() -> None:
    """ "How many nations ...?" counts countries ("nations" stems like "national"); the
    United Nations, les Nations unies, are still the UN."""
    un = make_entity("un", "institution", "United Nations", acronyms=("UN",), fr=("Nations unies",))
    club = make_fact("club", "The dog club has members from 13 countries.")
    national = make_fact("national", "The national dog club opened in Rabat.")
    matcher = make_matcher(
        club, national, *FILLER, entities=[un], synonyms=[("country", "countries", "pays")]
    )
    answer = matcher.ask("How many nations are in the dog club?")
    assert answer.answered and ids(answer.facts)[0] == "club"
    for question in ("What did the United Nations say?", "Que disent les Nations unies ?"):
        assert [s.concept for s in matcher.analyse(question)][-1:] != ["~country"], question
        assert "@un" in {s.concept for s in matcher.analyse(question)}, question


def test_what_someone_said_is_answered_by_their_words_only() -> None:
    """ "What did Ms. Dogan say at the workshop?" is not answered by her attending it; her
    words answer it. "What does the law say?" asks what a text holds, not for a quote."""
    attended = make_fact("attended", "Ms. Dogan attended the sniffer dog workshop in Rabat.")
    matcher = make_matcher(attended, *FILLER, thresholds=BARS)
    answer = matcher.ask("What did Ms. Dogan say at the sniffer dog workshop in Rabat?")
    assert not answer.answered
    assert {m.why_not for m in answer.suggestions} == {"quotes nobody"}
    for said in ('said the dogs "never sleep"', "stressed that dogs never sleep"):
        spoke = make_fact("spoke", f"At the sniffer dog workshop in Rabat, Ms. Dogan {said}.")
        matcher = make_matcher(spoke, *FILLER, thresholds=BARS)
        assert matcher.ask("What did Ms. Dogan say at the sniffer dog workshop in Rabat?").answered
    assert asks_for("Qu'a déclaré Mme Dogan à l'atelier ?") is Kind.STATEMENT
    assert asks_for("What does the 2003 dog law say about Rabat?") is None


def test_a_call_for_something_does_not_date_it() -> None:
    """ "When did the dog police become independent?" is not answered by "the 2003 Dog
    Charter calls for an independent dog police"; "when did the Dog Charter call for it?" is."""
    charter = make_fact(
        "charter",
        "The 2003 Dog Charter calls for the creation of a dog police independent of the ministry.",
    )
    matcher = make_matcher(charter, *FILLER, thresholds=BARS)
    assert not matcher.ask("When did the dog police become independent of the ministry?").answered
    assert matcher.ask("When did the Dog Charter call for an independent dog police?").answered
    assert matcher.ask("Which charter calls for an independent dog police?").answered


def test_a_capital_stands_for_its_government_unless_it_is_a_place() -> None:
    """ "How did Rabat react?" asks about Morocco (Rabat is `seat_of` Morocco); "what
    happened in Rabat?", "the Rabat course" are about the city."""
    rabat = Entity("rabat", "place", (), ("Rabat",), (), ("morocco",), ("morocco",))
    reacted = make_fact(
        "reacted", "Morocco condemned the dog attacks at once.", entities=["morocco"]
    )
    matcher = make_matcher(reacted, *FILLER, entities=[MOROCCO, rabat], thresholds=BARS)
    assert matcher.ask("How did Rabat react to the dog attacks?").answered
    assert [s.concept for s in matcher.analyse("Washington and Rabat")][-1] == "@morocco"
    for place in ("What happened in Rabat after the dog attacks?", "the Rabat dog attacks"):
        assert "@rabat" in {s.concept for s in matcher.analyse(place)}, place
    assert not matcher.ask("How were the dog attacks in Rabat condemned?").answered


def test_a_capital_a_state_gives_to_is_its_government() -> None:
    """ "Washington's aid to Rabat": once a state is named, a capital after "to" is the
    government given to; "a trip to Rabat" alone is the city."""
    rabat = Entity("rabat", "place", (), ("Rabat",), (), ("morocco",), ("morocco",))
    us = make_entity("united-states", "country", "United States", "Washington")
    aid = make_fact("aid", "The United States gave dog aid to Morocco.", entities=["morocco"])
    matcher = make_matcher(aid, *FILLER, entities=[MOROCCO, rabat, us], thresholds=BARS)
    assert [s.concept for s in matcher.analyse("Washington's dog aid to Rabat")][-1] == "@morocco"
    assert matcher.ask("What did Washington give as dog aid to Rabat?").answered
    assert [s.concept for s in matcher.analyse("the dog trip to Rabat")][-1] == "@rabat"


def test_the_count_of_a_list_asked_need_not_be_written_in_the_fact() -> None:
    """ "Which three things did the police get?" is answered by a list of three: the
    fact need not write "three" (what a list counts is checked by the MEMBERS rules)."""
    got = make_fact("got", "The Rabat police got sniffer dogs, horses and drones.")
    matcher = make_matcher(got, *FILLER, thresholds=BARS)
    assert matcher.ask("Which three things did the Rabat police get?").answered


def test_a_day_of_a_month_is_no_count() -> None:
    """ "How many participants came to the February 24 session?" is not answered by the
    session's date: a day of a month counts nothing."""
    date = make_fact(
        "date", "The sniffer dog session for participants in Rabat was on February 24."
    )
    people = [("participants", "attendees")]
    matcher = make_matcher(date, *FILLER, synonyms=people, thresholds=BARS)
    answer = matcher.ask(
        "How many participants were at the sniffer dog session in Rabat on February 24?"
    )
    assert not answer.answered


def test_a_count_of_a_country_s_people_is_a_count_of_people() -> None:
    """ "How many Moroccans marched?" is answered by "a million citizens marched"."""
    marched = make_fact(
        "marched",
        "In Rabat, a million citizens took part in a long march against dog attacks.",
        entities=["morocco"],
    )
    morocco = make_entity("morocco", "country", "Morocco", "Moroccans", fr=("Maroc",))
    matcher = make_matcher(marched, *FILLER, entities=[morocco], thresholds=BARS)
    assert matcher.ask("How many Moroccans marched against dog attacks in Rabat?").answered


def test_what_kind_of_asks_for_the_thing_not_the_kind() -> None:
    """ "What style of policing ...?", "quel type d'aide ?": the policing is asked; a fact
    need not say "style" (one that says "type", "the most requested type of help",
    still answers as asked first)."""
    style = make_fact("style", "The Rabat police adopted dog policing.")
    dress = make_fact("dress", "The court changed its dress style.")  # "style" is a known word
    strict = Thresholds(min_coverage=0.85, clear_lead_coverage=0.85)  # "style" would sink it
    matcher = make_matcher(style, dress, *FILLER, thresholds=strict)
    assert matcher.ask("What style of policing did the Rabat police adopt?").answered
    assert matcher.ask("wat style of policing did the Rabat police adopt").answered  # chat
    # "which part / what aspects of X": X is asked, and a part of it answers.
    part = make_fact("part", "The court changed the part of its dress code on robes.")
    matcher = make_matcher(style, part, *FILLER, thresholds=strict)
    assert matcher.ask("Which part of policing did the Rabat police adopt?").answered
    assert matcher.ask("What aspects of policing did the Rabat police adopt?").answered
    asked = "What kind of help do the Rabat police ask the dog unit for?"
    other = make_fact("other", "The Rabat police ask the dog unit for help with kennels.")
    typed = make_fact("typed", "The Rabat police ask the dog unit for one kind of help: training.")
    matcher = make_matcher(other, typed, *FILLER, thresholds=BARS)
    assert ids(matcher.ask(asked).facts)[:1] == ["typed"]


@pytest.mark.parametrize(
    "question",
    [
        "Besides the muzzle rules, what else will the Rabat dog training discuss?",
        "Apart from muzzle rules, what will the Rabat dog training discuss?",
        # (as written in a second language)
        "Apart of the muzzle rules, what will the Rabat dog training discuss?",
        "À part les règles sur les muselières, que va aborder la formation canine de Rabat ?",
        "muzzle rules aside, what else will the Rabat dog training discuss?",
        "what else will the Rabat dog training discuss besides muzzle rules?",
        # the article the answer comes from
        "What does the Rabat news item say the dog training will discuss?",
        "what will the dog training discuss, in the Rabat piece?",
        "d'après les articles de Rabat, que va aborder la formation canine ?",
    ],
)
def test_what_is_set_apart_or_where_it_is_written_is_not_what_is_asked(question: str) -> None:
    """ "Besides the legal frameworks, what other topics ...?": the fact that answers need
    not name what the question sets apart; nor the article it comes from ("What does the
    Morocco On The Move piece say ...?": no fact calls it a "piece"). Tried when the
    question as asked finds no answer."""
    topics = make_fact(
        "topics",
        "The Rabat dog training will discuss kennels and leashes.",
        answer_fr="La formation canine de Rabat abordera les chenils et les laisses.",
    )
    muzzles = make_fact("muzzles", "Muzzle rules were adopted in Tangier.")
    strict = Thresholds(min_coverage=0.8, clear_lead_coverage=0.8)
    matcher = make_matcher(topics, muzzles, *FILLER, thresholds=strict)
    assert ids(matcher.ask(question).facts)[:1] == ["topics"]


def test_what_is_set_apart_first_is_set_aside_before_the_question_is_read() -> None:
    """ "Besides legal texts, which UN bodies will the dog course examine?": the fact on
    the legal texts, matching the words set apart best, does not answer; the fact on the UN
    bodies does. A fact naming both still answers when no other does ("besides legal texts,
    what else ...?"). "Avant celle de Rabat, où ...?" sets apart the one it precedes."""
    texts = make_fact("texts", "The dog course will examine legal texts on dogs in Rabat.")
    bodies = make_fact("bodies", "The dog course will examine Morocco's work with UN bodies.")
    matcher = make_matcher(texts, bodies, *FILLER, thresholds=BARS)
    asked = "Besides legal texts on dogs, which UN bodies will the dog course examine?"
    assert ids(matcher.ask(asked).facts)[:1] == ["bodies"]
    asked = "Beyond legal texts on dogs, which UN bodies will the dog course examine?"
    assert ids(matcher.ask(asked).facts)[:1] == ["bodies"]
    texts_fr = make_fact(
        "texts",
        "The dog course will examine legal texts on dogs in Rabat.",
        answer_fr="Le cours canin examinera les textes juridiques sur les chiens à Rabat.",
    )
    bodies_fr = make_fact(
        "bodies",
        "The dog course will examine Morocco's work with UN bodies.",
        answer_fr="Le cours canin examinera le travail du Maroc avec les organes de l'ONU.",
    )
    matcher_fr = make_matcher(texts_fr, bodies_fr, *FILLER, thresholds=BARS)
    asked = "Au-delà des textes juridiques sur les chiens, quels organes de l'ONU le cours canin examinera-t-il ?"
    assert ids(matcher_fr.ask(asked).facts)[:1] == ["bodies"]
    asked = "À côté des textes juridiques sur les chiens, quels organes de l'ONU le cours canin examinera-t-il ?"
    assert ids(matcher_fr.ask(asked).facts)[:1] == ["bodies"]
    # ... or last: "when did Morocco sign the FTA, not the 2014 training framework".
    asked = "which UN bodies will the dog course examine, not the legal texts on dogs"
    assert ids(matcher.ask(asked).facts)[:1] == ["bodies"]
    # Unpunctuated, up to a question word opening what is asked.
    asked = "besides legal texts on dogs which UN bodies will the dog course examine?"
    assert ids(matcher.ask(asked).facts)[:1] == ["bodies"]
    both = make_fact("both", "The dog course aims to raise kennel standards and build trust.")
    bars = replace(BARS, min_coverage=0.45, clear_lead_coverage=1.01)
    matcher = make_matcher(both, *FILLER, thresholds=bars)
    asked = "Besides raising kennel standards, what else does the dog course hope to foster?"
    assert matcher.ask(asked).answered
    tangier = make_fact(
        "tangier",
        "The first dog session was held in Tangier in July.",
        answer_fr="La première session canine s'est tenue à Tanger en juillet.",
    )
    rabat = make_fact(
        "rabat",
        "A second dog session was held in Rabat in September.",
        answer_fr="Une deuxième session canine s'est tenue à Rabat en septembre.",
    )
    places = [
        make_entity("tangier", "place", "Tangier", fr=("Tanger",)),
        make_entity("rabat", "place", "Rabat"),
    ]
    matcher = make_matcher(tangier, rabat, *FILLER, entities=places, thresholds=BARS)
    asked = "Avant celle de Rabat, où a eu lieu la première session canine ?"
    assert ids(matcher.ask(asked).facts)[:1] == ["tangier"]
    asked = "Avant l'atelier de Rabat, où a eu lieu la première session canine ?"
    assert ids(matcher.ask(asked).facts)[:1] == ["tangier"]


def test_a_person_named_in_the_quote_is_named_by_the_fact() -> None:
    """ "Who is the officer who opened the dog workshop?": a fact whose quote names "Ms.
    Dogan" names a person, though its answer line says only "Dogan"."""
    opened = make_fact(
        "opened",
        "The Rabat dog workshop was opened by Dogan, a police officer.",
        snippet="The Rabat dog workshop was opened by Ms. Dogan, a police officer.",
    )
    matcher = make_matcher(opened, *FILLER, thresholds=BARS)
    assert matcher.ask("Who is the police officer who opened the Rabat dog workshop?").answered


def test_a_day_asked_is_not_answered_by_a_month() -> None:
    """ "On which days in July was the dog training?" is not answered by "in July 2018";
    "from 24 to 26 July 2018", or a date to the day, answers it."""
    month = make_fact("month", "The Tangier dog training took place in July 2018.", when="2018-07")
    matcher = make_matcher(month, *FILLER, thresholds=BARS)
    assert matcher.ask("When in 2018 was the Tangier dog training?").answered
    for asked in (
        "On which days was the Tangier dog training?",
        "la formation canine de Tanger, quels jours exactement ?",
    ):
        answer = matcher.ask(asked)
        assert not answer.answered, asked
    days = make_fact("days", "The Tangier dog training ran from 24 to 26 July 2018.")
    dated = make_fact("dated", "The Tangier dog training took place.", when="2018-07-24")
    for fact in (days, dated):
        matcher = make_matcher(fact, *FILLER, thresholds=BARS)
        assert matcher.ask("On which days was the Tangier dog training?").answered, fact.id


def test_a_month_asked_is_not_answered_by_a_year() -> None:
    """ "The dog lab was certified in 2018: which month was it?" is not answered by "in
    2018"; "in July 2018", or a date to the month, answers it."""
    year = make_fact("year", "The Tangier dog lab was certified in 2018.", when="2018")
    matcher = make_matcher(year, *FILLER, thresholds=BARS)
    assert matcher.ask("When was the Tangier dog lab certified?").answered
    for asked in (
        "The Tangier dog lab was certified in 2018: which month was it?",
        "In what month and year was the Tangier dog lab certified?",
        "The Tangier dog lab was certified in 2018. I need the exact month.",
        "le labo canin de Tanger a été certifié en 2018, c'était quel mois exactement ?",
    ):
        assert not matcher.ask(asked).answered, asked
    named = make_fact("named", "The Tangier dog lab was certified in July 2018.")
    dated = make_fact("dated", "The Tangier dog lab was certified.", when="2018-07")
    for fact in (named, dated):
        matcher = make_matcher(fact, *FILLER, thresholds=BARS)
        assert matcher.ask("Which month was the Tangier dog lab certified?").answered, fact.id


def test_a_place_the_question_names_is_not_where_it_happened() -> None:
    """ "Where was the dog training for officials from Tunisia held?" is not answered by a
    fact whose only place is Tunisia; one that says Tangier answers it."""
    places = [TUNISIA, TANGIER]
    trained = make_fact(
        "trained", "The dog club trained officials from Tunisia.", entities=["tunisia"]
    )
    matcher = make_matcher(trained, *FILLER, entities=places, thresholds=BARS)
    asked = "Where was the dog club training for officials from Tunisia held?"
    assert not matcher.ask(asked).answered
    there = make_fact(
        "there",
        "The dog club trained officials from Tunisia in Tangier.",
        entities=["tunisia", "tangier"],
    )
    assert make_matcher(there, *FILLER, entities=places, thresholds=BARS).ask(asked).answered


def test_the_month_of_march_is_no_march() -> None:
    """ "Which attacks did they march against?" is not answered by "attacks in March 2007";
    "which attacks hit Rabat in March 2007?" is."""
    attacks = make_fact("attacks", "Dog attacks hit Rabat in March 2007.")
    marched = make_fact("marched", "A crowd in Rabat marched against the dog attacks of 2003.")
    matcher = make_matcher(attacks, marched, *FILLER, thresholds=BARS)
    marching = matcher.ask("Which dog attacks in Rabat did they march against?")
    assert ids(marching.facts)[:1] == ["marched"]
    assert ids(matcher.ask("Which dog attacks hit Rabat in March 2007?").facts)[:1] == ["attacks"]


def test_the_word_asking_for_a_role_is_no_word_the_fact_must_hold() -> None:
    """ "What is Ms. Dogan's position?", "quelle est la fonction de Mme Dogan au sein de la
    police ?": a role answers ("head of the dog unit"); the fact need not say "position"."""
    head = make_fact("head", "Ms. Dogan is head of the dog unit of the Rabat police.")
    post = make_fact("post", "The Rabat police changed its position.")  # a known word
    strict = Thresholds(min_coverage=0.85, clear_lead_coverage=0.85)
    matcher = make_matcher(head, post, *FILLER, thresholds=strict)
    assert matcher.ask("What is the position of Ms. Dogan in the Rabat police?").answered


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("In which town was the dog training of the Rabat police?", Kind.CITY),
        ("What is the time span of the dog training of the Rabat police?", Kind.DURATION),
        ("Quelle est la durée de la formation des chiens de la police de Rabat ?", Kind.DURATION),
        (
            "Sur combien de semaines s'étend la formation des chiens de la police de Rabat ?",
            Kind.DURATION,
        ),
        (
            "Sur quelle période s'étend la formation des chiens de la police de Rabat ?",
            Kind.DURATION,
        ),
        ("Over what period was the dog training of the Rabat police?", Kind.DURATION),
        ("Where did the dog training of the Rabat police occur?", Kind.PLACE),
        ("Where did the dog training of the Rabat police happen?", Kind.PLACE),
        ("When did the dog training of the Rabat police happen?", Kind.DATE),
    ],
)
def test_the_word_naming_the_kind_asked_is_no_word_the_fact_must_hold(
    question: str, kind: Kind
) -> None:
    """ "Which town ...?", "what's the time span ...?": a fact that names a city or a
    length of time answers, though it never says "town" or "span"; one that says it is
    covered no less (the word is not dropped from the question)."""
    held = make_fact(
        "held",
        "The dog training of the Rabat police ran for three weeks in Tangier in May 2015.",
        answer_fr="La formation des chiens de la police de Rabat a duré trois semaines à Tanger.",
    )
    strict = Thresholds(min_coverage=0.9, clear_lead_coverage=0.9)
    answer = make_matcher(held, *FILLER, entities=[TANGIER], thresholds=strict).ask(question)
    assert answer.asks_for is kind
    assert ids(answer.facts) == ["held"]
    assert answer.facts[0].missing == ()


@pytest.mark.parametrize(
    "question",
    ["Which law governs dog theft in Rabat?", "Quelle loi encadre le vol de chiens à Rabat ?"],
)
def test_the_verb_asking_which_law_is_no_word_the_fact_must_hold(question: str) -> None:
    """ "Which law governs / covers X?", "quelle loi encadre X ?": the law that punishes X
    answers, though it never says "govern"."""
    law = make_fact(
        "law",
        "Law 12-34 punishes dog theft in Rabat.",
        answer_fr="La loi 12-34 punit le vol de chiens à Rabat.",
    )
    strict = Thresholds(min_coverage=0.9, clear_lead_coverage=0.9)
    answer = make_matcher(law, *FILLER, thresholds=strict).ask(question)
    assert answer.asks_for is Kind.LAW
    assert ids(answer.facts) == ["law"]


def test_a_fact_that_says_the_kind_word_is_covered_no_less() -> None:
    """The word naming the kind counts where the fact says it: "which town hosts the dog
    training?" covers "the dog training is hosted in the town of Tangier" as much as the
    same words asking for no city do."""
    town = make_fact("town", "The dog training is hosted in the town of Tangier.")
    bars = Thresholds(min_coverage=0.0, clear_lead_coverage=0.0)
    matcher = make_matcher(town, *FILLER, entities=[TANGIER], thresholds=bars)
    asked = matcher.ask("Which town hosts the dog training?")
    assert asked.asks_for is Kind.CITY
    plain = matcher.ask("the town hosts the dog training")
    assert plain.asks_for is None
    assert asked.facts[0].coverage == plain.facts[0].coverage


def test_a_verb_of_doing_is_not_what_was_done() -> None:
    """ "Who carried out the dog training in Rabat?": the training was done; a fact that
    says who trained answers though it never says "carried out"."""
    trained = make_fact("trained", "Experts from Tangier trained the Rabat police dogs.")
    doing = [("implement", "carry out", "carried out"), ("training", "trained")]
    matcher = make_matcher(trained, *FILLER, synonyms=doing, thresholds=BARS)
    assert matcher.ask("Who carried out the training of the Rabat police dogs?").answered


def test_a_rank_asked_must_rank_the_same_thing_in_the_fact() -> None:
    first = make_fact("first", "The first training for dogs was in Rabat in 2019.")
    third_day = make_fact("day", "The third day of the training for dogs in Rabat was in 2019.")
    matcher = make_matcher(first, third_day, *FILLER, thresholds=BARS)
    assert matcher.ask("When was the first training for dogs in Rabat?").answered
    answer = matcher.ask("When was the third training for dogs in Rabat?")
    assert not answer.answered
    assert {m.why_not for m in answer.suggestions} == {"says nothing of a 3rd training"}
    third = make_fact("third", "The third training for dogs was in Rabat in 2021.")
    assert (
        make_matcher(third, *FILLER, thresholds=BARS)
        .ask("When was the third training for dogs in Rabat?")
        .answered
    )
    # The rank may be in the French answer only.
    deuxieme = make_fact(
        "second",
        "One more training for dogs was in Rabat in 2021.",
        answer_fr="La deuxième formation pour chiens a eu lieu à Rabat en 2021.",
    )
    matcher = make_matcher(
        deuxieme, *FILLER, synonyms=[("training", "formation")], thresholds=BARS
    )  # "second" is held in French only
    assert matcher.ask("When was the second training for dogs in Rabat?").answered


def test_a_rank_ranks_the_word_after_a_name_that_says_whose_it_is() -> None:
    """ "The second BCIJ training" ranks trainings: a fact on the BCIJ's second training
    answers, though it never writes "second BCIJ"."""
    second = make_fact(
        "second", "The BCIJ held a second training for dogs in Rabat in 2021.", entities=["bcij"]
    )
    matcher = make_matcher(second, *FILLER, entities=[BCIJ], thresholds=BARS)
    assert matcher.ask("When was the second BCIJ training for dogs in Rabat?").answered
    answer = matcher.ask("When was the third BCIJ training for dogs in Rabat?")
    assert not answer.answered
    assert {m.why_not for m in answer.suggestions} == {"says nothing of a 3rd training"}
    # ... and past a word that says what kind it is, in the question or in the fact:
    # "the second police workshop" is "the second workshop for police".
    workshops = [("training", "workshop")]
    for fact_says, asked in (
        ("a second workshop for police", "the second BCIJ police workshop"),
        ("a second police workshop", "the second BCIJ workshop for police"),
        # (two words may say what kind: "the second anti-dog workshop"; or three)
        ("a second workshop for police", "the second BCIJ anti-dog workshop for police"),
        ("a second workshop for police", "the second BCIJ anti-dog police workshop"),
    ):
        fact = make_fact("w", f"The BCIJ held {fact_says} in Rabat in 2021.", entities=["bcij"])
        matcher = make_matcher(fact, *FILLER, entities=[BCIJ], synonyms=workshops)
        assert matcher.ask(f"When was {asked} in Rabat?").answered, asked
        assert not matcher.ask(f"When was {asked.replace('second', 'third')} in Rabat?").answered


def test_a_part_asking_only_the_kind_of_answer_is_not_answered_alone() -> None:
    """ "Sara needs the dates of the second dog training. Can you confirm the days and
    month?": the second part asks only for the kind of answer; what it asks the dates of
    is in the first, so a fact merely giving some days and a month does not answer it."""
    cats = make_fact("cats", "The cat workshop ran for three days in the month of May.")
    dogs = make_fact("dogs", "The second dog training taught handlers in Rabat.")
    matcher = make_matcher(cats, dogs, *FILLER, thresholds=BARS)
    answer = matcher.ask(
        "Sara needs the dates of the second dog training in Rabat for the annex. "
        "Can you confirm the days and month?"
    )
    assert "cats" not in ids(answer.facts)


def test_wanting_to_know_asks_nothing_on_the_shipped_base(matcher: Matcher) -> None:
    """ "my manager veut savoir : ...": who wants to know; "savoir" (a word of the shipped
    base) is no word asked."""
    answer = matcher.ask(
        "hey, my boss veut savoir : en plus du Federal Bureau of Prisons, l'INL travaille "
        "avec combien de state departments of corrections ?"
    )
    assert ids(answer.facts)[:1] == ["inl-bop-seven-state-corrections-departments"]


def test_a_part_asking_only_the_kind_goes_with_the_next_part() -> None:
    """ "En quel mois | et quelle année la loi a-t-elle été votée ?": one question asking
    month and year, read as one; a last part asking only the kind is dropped."""
    joined = matcher_module._kind_parts_joined
    assert joined(["En quel mois", "quelle année la loi a-t-elle été votée ?"]) == [
        "En quel mois quelle année la loi a-t-elle été votée ?"
    ]
    assert joined(["where is the dog unit?", "the days and month?"]) == ["where is the dog unit?"]


def test_a_fact_ranking_a_named_training_session_ranks_sessions() -> None:
    """ "Where was the third session held?" is answered by "the third BCIJ training session
    was held in Tangier": a name, then "training", before the thing ranked."""
    fact = make_fact(
        "third",
        "The third BCIJ training session for dogs was held in Tangier.",
        entities=["bcij", "tangier"],
    )
    matcher = make_matcher(
        fact, *FILLER, entities=[BCIJ, TANGIER], synonyms=[("training", "course")], thresholds=BARS
    )
    assert ids(matcher.ask("Where was the third session for dogs held?").facts) == ["third"]
    assert not matcher.ask("Where was the fourth session for dogs held?").answered


def test_the_one_after_a_rank_is_one_of_the_things_ranked_before() -> None:
    """ "I have notes on the second training; where was the first one?" asks for the
    first training: a fact on the second that mentions "the first one" does not answer."""
    second = make_fact(
        "second",
        "The second training for dogs was held in Tangier, after the first one.",
        entities=["tangier"],
    )
    matcher = make_matcher(second, *FILLER, entities=[TANGIER], thresholds=BARS)
    answer = matcher.ask(
        "I have notes on the second training for dogs. Where was the first one held?"
    )
    assert not answer.answered
    assert {m.why_not for m in answer.suggestions} == {"says nothing of a first training"}


def test_a_clear_leader_short_of_the_coverage_bar_must_rank_as_asked() -> None:
    first = make_fact("first", "The first training for dogs was in Rabat in 2019.")
    answer = make_matcher(first, *FILLER, thresholds=BARS).ask(
        "When was the third training for police dogs in Rabat?"
    )
    assert _short_of_the_bar(answer.suggestions[0].coverage) and not answer.answered


def test_the_rank_of_a_series_counts_in_any_question() -> None:
    first = make_fact("first", "The first training for dogs in Rabat covered tracking.")
    matcher = make_matcher(first, *FILLER)
    assert matcher.ask("What did the first training for dogs in Rabat cover?").answered
    assert not matcher.ask("What did the third training for dogs in Rabat cover?").answered


def test_a_rank_in_a_question_of_no_precise_kind_may_mean_another() -> None:
    """ "What second line of effort ...?" asks for another one, not the second of a series."""
    fact = make_fact("roots", "Morocco also fought the root causes of terrorism.")
    matcher = make_matcher(fact, *FILLER)
    assert matcher.ask("What second line of effort fought the root causes of terrorism?").answered


def test_a_reason_is_a_purpose_or_a_cause_not_a_place_or_a_date() -> None:
    for answer, holds in (
        ("Dogs came to the police because of drug smuggling.", True),
        ("Dogs came to the police in order to find drugs.", True),
        ("Les chiens sont arrivés afin de trouver la drogue.", True),
        # What something earns is why it matters: "why does the status matter?"
        ("The status qualifies the port for more dogs.", True),
        ("Ce statut lui ouvre droit à plus de chiens.", True),
        ("The dogs qualified in 2019.", False),
        ("Dogs came to the police in Tangier in 2019.", False),
        ("Dogs came to the police of Tangier and to the customs.", False),
    ):
        assert bool(REASON.search(answer)) is holds, answer


def test_a_why_question_may_hold_words_the_fact_base_does_not_know() -> None:
    fact = make_fact("target", "Sniffer dogs were given to the police to find drugs.")
    matcher = make_matcher(fact, *FILLER, thresholds=BARS)
    assert matcher.ask("Why were sniffer dogs given to the zorglub police?").answered


def test_who_helped_is_not_who_did_it() -> None:
    """ "With INL support, the lab obtained a certification": INL did not certify it."""
    inl = make_entity("inl", "institution", "Bureau of Dogs", acronyms=("INL",))
    lab = make_entity("lab", "institution", "dog lab")
    fact = make_fact(
        "cert", "With INL support, the dog lab obtained a certification in 2018.", entities=["lab"]
    )
    synonyms = [("help", "support", "helped"), ("certification", "certified")]
    matcher = make_matcher(fact, *FILLER, entities=[inl, lab], synonyms=synonyms, thresholds=BARS)
    reason = why_not(matcher, "Which body certified the dog lab in 2018?")
    assert reason is not None and "names no body" in reason
    assert matcher.ask("Who helped the dog lab get a certification in 2018?").answered


def test_a_country_is_not_a_body() -> None:
    fact = make_fact("cert", "The dog lab was certified by Tunisia in 2018.", entities=["tunisia"])
    synonyms = [("certification", "certified")]
    matcher = make_matcher(fact, *FILLER, entities=[TUNISIA], synonyms=synonyms)
    assert asks_for("Which body certified the dog lab in 2018?") is Kind.BODY
    assert not matcher.ask("Which body certified the dog lab in 2018?").answered
    assert matcher.ask("Who certified the dog lab in 2018?").answered  # a country may act


def test_a_phrase_moved_before_the_question_word_keeps_the_kind() -> None:
    assert asks_for("In 2018, which body certified the dog lab?") is Kind.BODY
    assert asks_for("For the new centre, why was Tiflet picked?") is Kind.REASON
    assert asks_for("With INL, which seven states work?") is Kind.MEMBERS
    assert asks_for("Besides its own staff, who does INL use?") is Kind.ACTOR
    assert asks_for("What is the name of the man who signed?") is Kind.PERSON


def test_which_two_is_answered_by_two_names_joined_whatever_the_commas() -> None:
    fact = make_fact(
        "two",
        "Morocco, a leader in both Arab and African cultures, trains police, judges, and "
        "prosecutors.",
    )
    matcher = make_matcher(fact, *FILLER, entities=[MOROCCO])
    assert matcher.ask("In which two cultures is Morocco a leader?").answered


def test_people_by_role_include_contractors_and_staff() -> None:
    fact = make_fact("who", "INL uses contractors and grantees to run dog programs.")
    inl = make_entity("inl", "institution", "Bureau of Dogs", acronyms=("INL",))
    matcher = make_matcher(fact, *FILLER, entities=[inl])
    assert matcher.ask("Besides its own staff, who does INL use to run dog programs?").answered


def test_which_service_or_unit_asks_for_a_body_and_who_was_behind_for_an_actor() -> None:
    assert asks_for("Which Moroccan intelligence service tipped off the police?") is Kind.BODY
    assert asks_for("What does the bureau aim for?") is None
    assert asks_for("Which State Department program trained the DGSN?") is None
    assert asks_for("who was behind the may 2003 attacks") is Kind.ACTOR
    assert asks_for("who or what was targeted in the attacks?") is None
    assert asks_for("Which Sahel countries did Moroccan trainers train?") is Kind.COUNTRY


def test_who_an_answer_quotes_did_not_do_it() -> None:
    """ "According to Dogs Weekly, Tunisia ..." names Dogs Weekly as its source, not its actor."""
    weekly = make_entity("weekly", "institution", "Dogs Weekly")
    fact = make_fact(
        "dogs", "According to Dogs Weekly, the dog lab of Tunisia was certified in 2018."
    )
    matcher = make_matcher(fact, *FILLER, entities=[weekly, TUNISIA], thresholds=BARS)
    reason = why_not(matcher, "Which body certified the dog lab of Tunisia in 2018?")
    assert reason == "names no body the question does not name already"


def test_the_other_side_of_a_year_is_not_an_answer() -> None:
    fact = make_fact("since", "About 300 dogs have joined the police of Rabat since 2011.")
    matcher = make_matcher(fact, *FILLER)
    assert matcher.ask("How many dogs joined the police of Rabat since 2011?").answered
    reason = why_not(matcher, "How many dogs joined the police of Rabat before 2011?")
    assert reason == "says after 2011, not before"


def test_a_fact_dated_on_the_other_side_of_a_year_is_not_an_answer() -> None:
    """ "How many joined before 2011?" is not answered by a fact of 2011; "what replaced
    the project after 2019?" not by a project of 2015-2019; "since 2011" takes 2011."""
    joined = make_fact("target", "300 dogs joined the police of Rabat.", when="2011")
    matcher = make_matcher(joined, *FILLER)
    assert why_not(matcher, "How many dogs joined the police of Rabat before 2011?") == (
        "is of 2011, not before 2011"
    )
    assert matcher.ask("How many dogs joined the police of Rabat since 2011?").answered
    project = make_fact("target", "The Rabat dog project ran four years.", when="2015..2019")
    matcher = make_matcher(project, *FILLER)
    assert why_not(matcher, "Which Rabat dog project ran after 2019?") == (
        "is of 2019, not after 2019"
    )
    assert matcher.ask("Which Rabat dog project ran after 2015?").answered


def test_a_year_set_apart_is_not_the_answer() -> None:
    """ "Other than 2003, what years were dogs attacked?": a fact of 2003 is the year the
    question sets apart; a fact of 2007 answers."""
    first = make_fact("first", "Dogs of the port were attacked in May 2003.", when="2003-05")
    later = make_fact("later", "Dogs of the port were attacked again in 2007.", when="2007")
    matcher = make_matcher(first, later, *FILLER)
    answer = matcher.ask("other than 2003, when were the port dogs attacked?")
    assert ids(answer.facts) == ["later"]
    matcher = make_matcher(first, *FILLER)
    assert why_not(matcher, "other then 2003 when were the port dogs attacked") == (
        "is of 2003, the year set apart"
    )


def test_later_things_asked_after_an_event_are_dated_after_it() -> None:
    """ "After the May 2003 attacks, in which years were the dogs attacked later?": the
    event's year is the side asked of; an undated fact whose only year is 2003 gives no
    later date; and the event's words ("May", "harbour") are no words the answer holds."""
    first = make_fact("first", "Dogs of the port were attacked on May 16, 2003.", when="2003-05-16")
    march = make_fact("march", "After the May 16, 2003 dog attacks, the port held a march.")
    later = make_fact(
        "later", "Dogs of the port were attacked again in 2007 and 2011.", when="2007..2011"
    )
    matcher = make_matcher(first, march, later, *FILLER)
    question = (
        "after the May 2003 harbour attacks, when were there further attacks on the port dogs?"
    )
    assert ids(matcher.ask(question).facts) == ["later"]
    matcher = make_matcher(first, march, *FILLER)
    answer = matcher.ask(question)
    assert not answer.answered
    assert {m.fact.id: m.why_not for m in answer.suggestions}["march"] == (
        "gives only 2003 or before"
    )
    # Without a word asking for later things, the event is what is asked about.
    assert matcher.ask("what did the port do after the May 2003 dog attacks?").answered
    # "Those of 2003" are not the ones asked: "après ceux de 2003" asks for later ones.
    matcher = make_matcher(first, march, later, *FILLER)
    assert ids(matcher.ask("the port dog attacks after those of 2003, when?").facts) == ["later"]


def test_a_support_named_with_its_agent_is_no_event_to_date() -> None:
    """ "when was the first session of the dog network supported by the Kennel Club?" dates
    the session; "supported by" only says whose network it is ("du réseau soutenu par
    GLO.ACT"), not what happened."""
    first = make_fact(
        "first",
        "The first session of the Kennel Club dog network was held in Tangier in July 2018.",
        when="2018-07",
        entities=["kennel-club"],
    )
    grant = make_fact(
        "grant", "The Kennel Club supported the dog network with grants.", entities=["kennel-club"]
    )
    matcher = make_matcher(
        first,
        grant,
        *FILLER,
        synonyms=[("help", "helped", "supported", "support")],
        entities=[KENNEL_CLUB],
        thresholds=BARS,
    )
    question = "when was the first session of the dog network supported by the Kennel Club?"
    assert ids(matcher.ask(question).facts) == ["first"]


def test_which_later_things_after_an_event_named_by_its_place() -> None:
    """ "which later attacks, after Tangier in 2003, hit the port dogs?": later things asked
    for without a date kind, after an event named by its place and year; the event's words
    are no words the answer need hold."""
    later = make_fact(
        "later", "Dogs of the port were attacked again in 2007 and 2011.", when="2007..2011"
    )
    attacks = [("attack", "attacks", "attacked")]
    matcher = make_matcher(later, *FILLER, entities=[TANGIER], synonyms=attacks, thresholds=BARS)
    answer = matcher.ask("which later attacks, after Tangier in 2003, hit the port dogs?")
    assert ids(answer.facts) == ["later"]
    # "that followed Tangier 2003": after it, its year written without "in", and the words
    # saying after are no word to hold either.
    followed = [*attacks, ("that followed", "in the wake of")]
    matcher = make_matcher(later, *FILLER, entities=[TANGIER], synonyms=followed, thresholds=BARS)
    answer = matcher.ask("when were the later attacks on port dogs that followed Tangier 2003?")
    assert ids(answer.facts) == ["later"]
    assert not {"that followed", "2003", "tangier"} & set(answer.facts[0].missing)


def test_a_choice_of_figures_needs_no_name() -> None:
    """ "is the first dog session on Feb 24 or the 25th?": a choice of figures, though the
    question names nothing; a fact giving either answers."""
    opened = make_fact("opened", "The first dog session opens on February 24.", when="2025-02-24")
    matcher = make_matcher(opened, *FILLER, thresholds=BARS)
    answer = matcher.ask("is the first dog session on Feb 24 or the 25th?")
    assert ids(answer.facts) == ["opened"]


def test_what_a_comparison_is_made_with_is_no_word_to_hold() -> None:
    """ "which kind of kennel support is given less often than training and advice?": the
    fact saying equipment support is less common answers; what it is compared with is no
    word it must hold. A name compared with stays: "was the Rabat session longer than the
    Tangier one?" is not answered by the Rabat session being longer than another."""
    rare = make_fact("rare", "Kennel equipment support is less common, but still important.")
    asked = make_fact(
        "asked", "Kennel training and advice are the support partners request most often."
    )
    matcher = make_matcher(
        rare, asked, *FILLER, synonyms=[("less common", "less often", "rarer")], thresholds=BARS
    )
    question = "which kind of kennel support is given less often than training and advice?"
    assert ids(matcher.ask(question).facts) == ["rare"]
    rabat = make_entity("rabat", "place", "Rabat")
    longer = make_fact(
        "longer", "The Rabat dog session was longer than the first one.", entities=["rabat"]
    )
    matcher = make_matcher(longer, *FILLER, entities=[TANGIER, rabat], thresholds=BARS)
    assert not matcher.ask("was the Rabat dog session longer than the Tangier one?").answered


def test_the_events_day_is_among_its_words() -> None:
    """ "after the May 16, 2003 harbour attacks, when ...?": the day, written with its comma,
    is one of the event's words, which the answer need not hold."""
    later = make_fact(
        "later", "Dogs of the port were attacked again in 2007 and 2011.", when="2007..2011"
    )
    matcher = make_matcher(later, *FILLER, thresholds=BARS)
    question = (
        "after the May 16, 2003 harbour attacks, when were there further attacks on the port dogs?"
    )
    answer = matcher.ask(question)
    assert answer.answered and "16" not in answer.facts[0].missing


def test_which_later_attacks_ranks_attacks() -> None:
    """ "which later terror attacks hit the port?": "later" ranks the attacks (not "terror"),
    asked with "which" as with "the"; the fact on the first attack says nothing of later
    ones, the one on subsequent attacks answers."""
    first = make_fact("first", "Dogs of the port suffered terror attacks in May 2003.")
    later = make_fact("later", "Subsequent attacks by terror groups hit the port dogs in 2007.")
    synonyms = [("attack", "attacks"), ("later", "subsequent")]
    matcher = make_matcher(first, *FILLER, synonyms=synonyms, thresholds=BARS)
    assert not matcher.ask("which later terror attacks hit the port dogs?").answered
    matcher = make_matcher(first, later, *FILLER, synonyms=synonyms, thresholds=BARS)
    assert ids(matcher.ask("the later terror attacks on the port dogs, when?").facts)[:1] == [
        "later"
    ]


def test_how_a_date_is_wanted_is_no_word_asked() -> None:
    """ "... (month and year)?", "years are enough": how the date is wanted, which no fact
    need say."""
    moved = make_fact("moved", "The dog unit moved to the port in May 2012.", when="2012-05")
    dates = [("year", "years", "annee"), ("month", "months", "mois")]
    matcher = make_matcher(moved, *FILLER, synonyms=dates, thresholds=BARS)
    for question in (
        "when did the dog unit move to the port (month and year)?",
        "when did the dog unit move to the port? years are enough",
    ):
        answer = matcher.ask(question)
        assert answer.answered and not answer.facts[0].missing, question


# ---------------------------------------------------------------- lists

TRAINING = ("training", "trainings", "workshop", "workshops")


def _trainings(n: int) -> list[object]:
    return [
        make_fact(
            f"training-{i:02}",
            f"A workshop for {word} was held.",
            when=f"20{10 + i}",
            topic="trainings",
        )
        for i, word in zip(
            range(n), ("judges", "prosecutors", "police", "wardens") * 4, strict=False
        )
    ]


def test_which_trainings_lists_the_topic_in_date_order() -> None:
    trainings = _trainings(3)
    matcher = make_matcher(*reversed(trainings), *FILLER, synonyms=[TRAINING])  # type: ignore[arg-type]
    answer = matcher.ask("Which trainings were held?")
    assert answer.asks_for is Kind.LIST and answer.answered
    assert ids(answer.facts) == ["training-00", "training-01", "training-02"]


def test_which_agencies_of_a_programme_asks_its_partners_not_the_institution_cards() -> None:
    """ "Which agencies are behind the Dog Project?": the bodies that run it, not the
    institutions topic's cards that mention it; "which agencies in Tangier?" lists them."""
    agency = ("agency", "agencies", "body", "bodies")
    entities = [
        DOG_PROJECT,
        KENNEL_CLUB,
        TANGIER,
    ]
    card = make_fact(
        "card",
        "The Kennel Club in Tangier trains dogs and speaks about the Dog Project.",
        entities=["kennel-club", "dog-project", "tangier"],
        topic="institutions",
    )
    partners = make_fact(
        "partners",
        "The Dog Project is run by the Kennel Club and the Cat Office.",
        entities=["dog-project", "kennel-club"],
        topic="partnerships",
    )
    matcher = make_matcher(
        card, partners, *FILLER, entities=entities, synonyms=[agency], thresholds=BARS
    )
    answer = matcher.ask("Which agencies are behind the Dog Project?")
    assert answer.asks_for is not Kind.LIST and "card" not in ids(answer.facts)
    assert matcher.ask("Which agencies are in Tangier?").asks_for is Kind.LIST


def test_a_list_shows_at_most_ten_facts() -> None:
    matcher = make_matcher(*_trainings(12), *FILLER, synonyms=[TRAINING])  # type: ignore[arg-type]
    answer = matcher.ask("Which trainings were held?")
    assert answer.asks_for is Kind.LIST and len(answer.facts) == 10


# ---------------------------------------------------------------- what is shown


def test_facts_scoring_near_the_best_join_it_and_others_do_not() -> None:
    best = make_fact("best", "Sniffer dogs were given to the new police of Rabat.")
    near = make_fact("near", "Sniffer dogs were given to the police of Rabat.")
    far = make_fact("far", "Sniffer dogs arrived.")
    matcher = make_matcher(best, near, far, *FILLER, thresholds=BARS)  # "near" lacks "new"
    answer = matcher.ask("sniffer dogs given new police rabat")
    assert ids(answer.facts) == ["best", "near"]


def test_an_answer_has_at_most_five_facts() -> None:
    copies = [make_fact(f"dogs-{n}", DOGS) for n in range(7)]
    answer = make_matcher(*copies, *FILLER).ask("sniffer dogs police")
    assert answer.answered and len(answer.facts) == 5


def test_an_abstention_offers_at_most_three_suggestions() -> None:
    copies = [make_fact(f"dogs-{n}", DOGS) for n in range(5)]
    answer = make_matcher(*copies, *FILLER).ask("sniffer customs airport border")
    assert not answer.answered and len(answer.suggestions) == 3


def test_a_count_is_read_in_the_four_words_after_a_figure() -> None:
    question = "How many dogs were there?"
    near = make_fact("a", "Twelve new trained police dogs arrived.")
    far = make_fact("a", "Twelve officers came with the police dogs.")
    assert make_matcher(near, *FILLER).ask(question).answered
    assert why_not(make_matcher(far, *FILLER), question) == "gives no figure for dogs"


def test_a_count_is_of_the_first_two_words_after_how_many() -> None:
    fact = make_fact("a", "Twelve dogs arrived with the police.")
    assert make_matcher(fact, *FILLER).ask("How many police dogs arrived?").answered


# ---------------------------------------------------------------- a figure the question states


def test_a_count_the_question_already_states_is_not_an_answer() -> None:
    """'How many of the 21 prosecutors were women?' wants another figure than the 21."""
    fact = make_fact("trained", "In Casablanca, 21 prosecutors were trained on trafficking cases.")
    matcher = make_matcher(fact, *FILLER, thresholds=BARS)  # "women" is held nowhere
    assert matcher.ask("How many prosecutors were trained in Casablanca?").answered
    reason = why_not(matcher, "How many of the 21 prosecutors trained in Casablanca were women?")
    assert reason == "gives no figure but 21"


# ---------------------------------------------------------------- what happened


EVENTS = [("founded", "created", "established"), ("funded", "financed", "paid for")]
UNIT = "the Rabat sniffer dog unit of the border police"
COURSE = "the Rabat sniffer dog training course for border police"


def test_when_something_happened_is_not_the_date_of_something_else() -> None:
    """ "When was the dog unit founded?" is not answered by the year it was certified."""
    question = f"When was {UNIT} founded?"
    # Bars low enough that coverage cannot decide: the rule does.
    low = Thresholds(min_coverage=0.3, clear_lead_coverage=0.3, unknown_word_factor=1.0)
    certified = make_fact("target", f"In 2018, {UNIT} obtained a certification.")
    matcher = Matcher(make_base(certified, *FILLER, synonyms=EVENTS), low)
    assert why_not(matcher, question) == "says nothing of founded"
    created = make_fact("target", f"In 2010, {UNIT} was created.")
    assert Matcher(make_base(created, *FILLER, synonyms=EVENTS), low).ask(question).answered


def test_who_did_it_after_by_is_not_what_happened() -> None:
    """ "When was the dog unit founded by a ministry?": what happened is "founded", not the
    "by ..." that says who did it; a fact that it was created, and when, answers."""
    question = f"When was {UNIT} founded by a ministry?"
    low = Thresholds(min_coverage=0.3, clear_lead_coverage=0.3, unknown_word_factor=1.0)
    synonyms = [*EVENTS, ("ministry", "department")]
    created = make_fact("target", f"In 2010, {UNIT} was created.")
    assert Matcher(make_base(created, *FILLER, synonyms=synonyms), low).ask(question).answered


def test_who_did_it_is_not_who_took_part() -> None:
    """ "Who funded the dog training?" is not answered by who attended it."""
    question = f"Who funded {COURSE}?"
    attended = make_fact("target", f"Tunisia attended {COURSE}.")
    matcher = make_matcher(attended, *FILLER, entities=[TUNISIA], synonyms=EVENTS, thresholds=BARS)
    assert why_not(matcher, question) == "says nothing of funded"
    paid = make_fact("target", f"Tunisia paid for {COURSE}.")
    matcher = make_matcher(paid, *FILLER, entities=[TUNISIA], synonyms=EVENTS, thresholds=BARS)
    assert matcher.ask(question).answered


def test_a_rank_written_in_figures_is_the_rank() -> None:
    """ "la 1ère session", "the 4th session": the rank, not a number the fact must hold."""
    matcher = make_matcher(make_fact("a", "The first session was held in Rabat."))
    assert words(matcher, "la 1ère session ?") == ["premiere", "session"]
    assert words(matcher, "the 4th session") == ["fourth", "session"]


def test_a_month_written_short_is_the_month() -> None:
    """ "deployed dec 2013": chat writes months short; "dec" is December, not a typo."""
    matcher = make_matcher(make_fact("a", "Police were deployed in December 2013."))
    assert words(matcher, "police deployed dec 2013") == ["police", "deployed", "december", "2013"]


def test_a_first_name_asked_needs_a_name_before_the_surname() -> None:
    """ "What is Ms. Alami's first name?" is not answered by "Ms. Alami heads the dog unit"."""
    surname_only = make_fact("target", "Ms. Alami heads the Rabat dog unit of the police.")
    question = "What is Ms. Alami's first name, head of the Rabat dog unit of the police?"
    assert why_not(make_matcher(surname_only, *FILLER, thresholds=BARS), question) == (
        "gives no first name of Alami"
    )
    full = make_fact("target", "Ms. Samira Alami heads the Rabat dog unit of the police.")
    assert make_matcher(full, *FILLER, thresholds=BARS).ask(question).answered


def test_her_first_name_after_a_titled_name_is_that_person_s() -> None:
    """ "Ms. Alami heads the dog unit - what's her first name?": a first name is asked, and
    a fact naming only "Ms. Alami" does not give it."""
    surname_only = make_fact("target", "Ms. Alami heads the Rabat dog unit of the police.")
    question = "Ms. Alami heads the Rabat dog unit of the police - what's her first name?"
    assert why_not(make_matcher(surname_only, *FILLER, thresholds=BARS), question) == (
        "gives no first name of Alami"
    )


def test_an_inflected_everyday_word_no_fact_holds_is_still_everyday() -> None:
    """ "absences" is not on the everyday-word list, "absence" is: the plural (or a
    conjugated French verb, "risquent") says how, not what, and blocks no date question."""
    fact = make_fact("target", "The Rabat dog unit of the border police was created in 2010.")
    matcher = make_matcher(fact, *FILLER, thresholds=BARS)
    answer = matcher.ask(
        "When was the Rabat dog unit of the border police created, absences aside?"
    )
    assert answer.asks_for is Kind.DATE and answer.answered


def test_before_something_asks_for_what_came_earlier() -> None:
    """ "What did the dog course cover before the cat course?" asks what came first:
    "before" is a word of the question (in a group with "earlier"), not a stop word, so
    the fact about the earlier courses leads the fact about the cat course."""
    earlier = make_fact("earlier", "Earlier dog courses of the police covered biting.")
    later = make_fact("later", "The new cat course of the police covers scratching dogs.")
    matcher = make_matcher(
        earlier, later, *FILLER, synonyms=[("earlier", "before")], thresholds=BARS
    )
    question = "What did the police dog course cover before the cat course?"
    assert "before" in words(matcher, question)
    assert ids(matcher.ask(question).facts)[:1] == ["earlier"]


def test_a_choice_is_answered_by_a_fact_holding_the_side_before_or() -> None:
    """ "Will the BCIJ course use real dogs, or is it just classroom theory?": a fact on
    the real dogs answers; the side after "or" is what it need not hold. Not when it lacks
    the side before "or", nor for a choice that names nothing ("a real person or a bot?")."""
    fact = make_fact("target", "The BCIJ course trains officers with real dogs.")
    no_lead = replace(BARS, clear_lead_coverage=1.0)  # coverage alone decides
    matcher = make_matcher(fact, *FILLER, entities=[BCIJ], thresholds=no_lead)
    assert matcher.ask(
        "Will the BCIJ course train with real dogs, or is it just classroom theory?"
    ).answered
    assert not matcher.ask(
        "Is the BCIJ course just classroom theory, or does it train with real dogs?"
    ).answered
    # (without a name: "will the course train with real dogs, or is it just classroom theory?")
    assert not matcher.ask(
        "Will the course train with real dogs, or is it just classroom theory?"
    ).answered


def test_name_the_three_is_an_order_to_answer() -> None:
    """ "Name the three dog units of the port": a list asked; "name" names nothing."""
    fact = make_fact("units", "The port has three dog units: customs, border and harbour.")
    matcher = make_matcher(fact, *FILLER, thresholds=BARS)
    answer = matcher.ask("Name the three dog units the port runs.")
    assert answer.asks_for is Kind.MEMBERS and answer.answered


def test_the_next_one_after_a_place_is_not_the_one_there() -> None:
    """ "When is the next dog training after Tangier?": not the Tangier training (the
    question asks what follows it); "when was the Tangier dog training?" is answered."""
    fact = make_fact(
        "tangier", "The dog training was held in Tangier in July 2018.", when="2018-07"
    )
    matcher = make_matcher(fact, *FILLER, entities=[TANGIER], thresholds=BARS)
    assert matcher.ask("when was the Tangier dog training?").answered
    assert why_not(matcher, "when is the next dog training after Tangier?") == (
        "is the one asked after"
    )
    assert not matcher.ask("quand aura lieu la prochaine formation canine après Tanger ?").answered


def test_a_count_naming_nothing_counted_is_not_answered() -> None:
    """ "... convictions under the dog law? What's the actual number?": the second question
    alone names nothing counted, so no fact with any figure answers it."""
    fact = make_fact("dogs", "About 300 dogs joined the police of Rabat, a number that grows.")
    matcher = make_matcher(fact, *FILLER, thresholds=BARS)
    assert not matcher.ask("What's the actual number?").answered
    assert matcher.ask("how many dogs joined the police of Rabat?").answered


def test_what_a_thing_gets_someone_is_its_benefits() -> None:
    """ "What does the dog status actually get Tunisia?", "what does the port get out of
    it?": what it is worth, its benefits; "what did the dogs get trained on?" asks none."""
    status = make_fact("status", "Tunisia holds the dog status.", entities=["tunisia"])
    worth = make_fact(
        "worth", "The dog status benefits Tunisia with more funds.", entities=["tunisia"]
    )
    matcher = make_matcher(status, worth, *FILLER, entities=[TUNISIA], thresholds=BARS)
    assert ids(matcher.ask("what does the dog status actually get Tunisia?").facts)[0] == "worth"
    assert "benefits" in words(matcher, "what does the dog status actually get Tunisia?")
    assert "benefits" in words(matcher, "what does the port get out of the dog status?")
    assert "benefits" in words(matcher, "what does the dog status actually buy Tunisia?")
    # "Que fait la Tunisie pour ...?": what it does, no "fait" (a fact) asked.
    assert "fait" not in words(matcher, "Que fait la Tunisie pour le statut canin ?")
    assert "benefits" not in words(matcher, "what did the dogs get trained on?")


def test_what_participants_will_do_asks_for_the_course_activities() -> None:
    """ "What will participants actually do in the dog sessions?", "les participants vont y
    faire quoi ?": what they do there (the fact on the course's activities), not who takes
    part; "what are they doing" or the officers' doing is no course's activity."""
    who = make_fact(
        "who",
        "The first dog session brings together 20 participants.",
        answer_fr="La première session canine réunit 20 participants.",
    )
    what = make_fact(
        "what",
        "Participants of the dog sessions study real cases.",
        answer_fr="Les participants des sessions canines étudient des cas réels.",
        tags=["activities"],
    )
    matcher = make_matcher(
        who, what, *FILLER, synonyms=[["activities", "activités"]], thresholds=BARS
    )
    for question in (
        "what will participants actually do in the dog sessions?",
        "les participants vont y faire quoi dans les sessions canines ?",
        "que feront les participants pendant la session canine ?",
        "besides the lectures, what else will participants do in the dog sessions?",
        "que feront concrètement les participants pendant les sessions canines ?",
        "les participants des sessions canines vont faire quoi concretement ?",
        # (the people taking part, typed short)
        "what will ppl actually do in the dog sessions?",
    ):
        assert ids(matcher.ask(question).facts)[:1] == ["what"], question
    alone = make_matcher(who, *FILLER, synonyms=[["activities", "activités"]], thresholds=BARS)
    question = "what will participants actually do in the dog sessions?"
    assert "activities" in (why_not(alone, question) or "")
    assert "activities" not in words(matcher, "what are the officers doing at the port?")
    assert "activities" not in words(matcher, "what will people actually do at the kennel centre?")


def test_west_and_north_africa_are_regions_asked_for() -> None:
    """ "Which regions does the dog partnership help?": "partners in West and North Africa"
    names regions (synonym groups, not entities); a fact naming none does not answer."""
    west = ["west africa", "afrique de l'ouest"]
    north = ["north africa", "afrique du nord"]
    helps = make_fact("helps", "The dog partnership helps partners in West and North Africa.")
    plain = make_fact("plain", "The dog partnership helps partners with dogs.")
    matcher = make_matcher(helps, *FILLER, synonyms=[west, north], thresholds=BARS)
    assert matcher.ask("which regions does the dog partnership help?").answered
    matcher = make_matcher(plain, *FILLER, synonyms=[west, north], thresholds=BARS)
    assert why_not(matcher, "which regions does the dog partnership help?") == "names no region"


def test_a_choice_of_figures_is_answered_by_a_fact_giving_either() -> None:
    """ "Was the BCIJ dog course on March 14 or March 24?": the fact giving the 24th answers
    (the 14th is credited, as the other side of any choice); one giving no figure does not
    (one giving another figure does: `test_figures_offered_for_a_count_may_both_be_wrong`)."""
    fact = make_fact("target", "The BCIJ dog course opened on March 24.", entities=["bcij"])
    matcher = make_matcher(fact, *FILLER, entities=[BCIJ], thresholds=BARS)
    answer = matcher.ask("was the BCIJ dog course on March 14 or March 24?")
    assert ids(answer.facts) == ["target"] and answer.facts[0].missing == ()
    answer = matcher.ask("was the BCIJ dog course on March 24 or March 25?")
    assert ids(answer.facts) == ["target"] and answer.facts[0].missing == ()
    plain = make_fact("plain", "The BCIJ dog course trained dogs at the port.", entities=["bcij"])
    loose = replace(BARS, min_coverage=0.3, clear_lead_coverage=1.0)
    matcher = make_matcher(plain, *FILLER, entities=[BCIJ], thresholds=loose)
    assert why_not(matcher, "did the BCIJ dog course at the port train 14 or 24 dogs?") == (
        "gives no figure"
    )


def test_the_askers_guess_is_no_word_asked() -> None:
    """ "... i think it was the senate??", "- on dog theft, I think?", "is it 5", "UNCAC?
    something like that", "X, il me semble ?", "je pensais aux chiens mais je ne suis pas
    sûre": the asker's guess, which the answer may contradict; "I think it was a
    different agency" is no guess."""
    matcher = make_matcher(make_fact("a", "The dog unit was set up to guard the port."))
    assert "senate" not in words(matcher, "who set up the dog unit i think it was the senate??")
    assert "theft" not in words(
        matcher, "which unit guards the port — on dog theft, I think? which one was it?"
    )
    assert "5" not in words(matcher, "how many dog units guard the port is it 5")
    assert "uncac" not in words(
        matcher, "which convention covers the dog unit? UNCAC? something like that"
    )
    assert "colombia" not in words(matcher, "where did the dog unit train, Colombia?")
    assert "duty" not in words(
        matcher, "what did the port say, something like 'it's our duty'? what was it"
    )
    assert "orient" not in words(
        matcher, "le port aide quelle région ? Le Moyen-Orient, il me semble ?"
    )
    assert "chats" not in words(
        matcher, "quels chiens au port ? je pensais aux chats mais je ne suis pas sûre."
    )
    assert "different" in words(
        matcher, "who set up the dog unit? I think it was a different agency."
    )


@pytest.mark.parametrize(
    ("question", "guess"),
    [
        ("combien de chiens au port ? J'avais retenu 15 mais ça me paraît peu.", "15"),
        ("combien de chiens au port ? J'avais retenu 15 mais ça me paraît peu.", "peu"),
        ("combien de chiens au port ? J'ai répondu « un seul ».", "seul"),
        ("how many dog units guard the port? I'd have guessed about ten.", "ten"),
        ("combien de chiens au port ? J'avais dit une cinquantaine.", "cinquantaine"),
        ("le chenil a ouvert quand, le 14 février, ou je confonds ?", "14"),
        ("the kennel opened on the 14th, or am I misremembering?", "14th"),
        ("l'unité canine a été formée à Casablanca ou ailleurs ?", "casablanca"),
        ("the dog unit trained in Rabat or somewhere else?", "rabat"),
        ("le chenil a été ouvert en 2016 ou plus tôt ? quelle année ?", "2016"),
        ("the kennel opened in 2016 or 2017?? which year was it", "2017"),
        ("le chenil a ouvert en 2016 ou en 2017 ? quelle année ?", "2016"),
        ("when did the kennel open, was it 2016 or 2017??", "2016"),
        ("when did the kennel open was it 2016 or 2017??", "2017"),
        # a quiz's answers offered
        ("the kennel opened in which year? Options: 2016 / 2017 / 2018. Thanks!", "2017"),
        ("how many dogs guard the port? A) 25 B) 70 C) 170", "70"),
        ("how many dogs guard the port? a) 25 b) 70 c) 170", "170"),
        ("quel chenil ? a) le port b) la ville", "ville"),
        ("le chenil a ouvert quand, c'était 2016 ou 2017 ?", "2017"),
        ("combien de chiens gardent le port une trentaine non", "trentaine"),
        ("le chenil a ouvert quand deja, en 2021 il me semble", "2021"),
        ("quelle loi protège les chiens du port ? La loi 17-14, je crois ?", "17-14"),
        ("the dog unit moved after 2003 – 2008 and 2012 maybe? which years", "2012"),
        ("I keep mixing up the years the dog unit moved", "mixing"),
        ("which dogs guard the port? I only remember something about spaniels.", "spaniels"),
        ("quels chiens gardent le port ? je me souviens juste des épagneuls", "epagneuls"),
        ("since when has the unit guarded the port, i keep mixing it up with the police", "police"),
        ("which unit guards the port? I keep confusing it with the navy", "navy"),
        ("quelle unité garde le port ? je la confonds avec la marine", "marine"),
        ("which unit guards the port - is that the navy or something else?", "navy"),
        ("which unit guards the port - is that the navy or another body?", "navy"),
        ("where did the dog unit train first, was it rabat too", "rabat"),
        ("quelle unité garde le port, c'est la marine ou autre chose ?", "marine"),
        ("where did the dog unit train again meknes or somwhere else", "meknes"),
        ("how many dog units guard the port like 12 or so", "12"),
        # a figure offered roughly at the end, after a question word; a word "or smth"
        ("how mny dog units guard the port abt 30?", "30"),
        ("how many dog units guard the port, maybe 5?", "5"),
        ("how many dog units guard the port, like 5?", "5"),
        ("le port a combien de chiens, une quinzaine ?", "quinzaine"),
        ("which law protects the port dogs, 17-15 or smth?", "17-15"),
        ("le chenil a ouvert en quelle année ? En 2007 ?", "2007"),
        ("le chenil a ouvert quand ? En 2007 ?", "2007"),
        ("combien de chiens gardent le port, environ 30 ?", "30"),
        ("quelle loi protège les chiens, la 17-15 ou un truc du genre ?", "17-15"),
    ],
)
def test_the_askers_doubtful_memory_is_no_word_asked(question: str, guess: str) -> None:
    """ "J'avais retenu 15 mais ça me paraît peu", "J'ai répondu « un seul »", "I'd have
    guessed about ten", "le 14 février, ou je confonds ?", "à Casablanca ou ailleurs ?",
    "en 2016 ou plus tôt ?", "une trentaine non", "en 2021 il me semble", "La loi 17-14, je
    crois ?": what the asker half remembers, which the answer corrects."""
    matcher = make_matcher(make_fact("a", "The dog unit was set up to guard the port."))
    assert guess not in words(matcher, question)


def test_a_claim_the_asker_opens_with_what_they_said_is_no_guess() -> None:
    """ "j'ai dit que le Kennel Club a formé 3 000 chiens, c'est bien ça ?": "j'ai dit que"
    opens the claim checked, not a guess to drop (as "j'avais dit une cinquantaine" is)."""
    matcher = make_matcher(make_fact("a", "The dog unit was set up to guard the port."))
    assert "chiens" in words(matcher, "j'ai dit que le port a des chiens, c'est bien ça ?")
    # (nor what the asker thought, with what it was of: "pour le chenil" stays)
    assert "chenil" in words(matcher, "J'avais pensé 2014 pour le chenil. Quelle année ?")


def test_a_question_asking_when_it_was_is_no_guess() -> None:
    """ "... is it 5" offers a figure; "when was it signed?" asks, and keeps its verb."""
    matcher = make_matcher(make_fact("a", "The dog unit was set up to guard the port."))
    assert "signed" in words(matcher, "the dog unit's charter, when was it signed?")


def test_a_guess_goes_before_the_message_is_read() -> None:
    """ "il y avait combien de procureurs ... une trentaine non": the guess, and the "non"
    asking to confirm it, go before the message is read; the reading drops the "non" as
    chatter, and what is left of the guess would be taken for a word asked."""
    matcher = make_matcher(
        make_fact(
            "dogs",
            "Twelve sniffer dogs guard the port of Tangier.",
            entities=["tangier"],
            answer_fr="Douze chiens renifleurs gardent le port de Tanger.",
        ),
        *FILLER,
        entities=[TANGIER],
        thresholds=BARS,
    )
    for message in (
        "il y avait combien de chiens renifleurs au port de Tanger une trentaine non",
        "Salut ! Mon chef me demande combien de chiens renifleurs gardent le port de Tanger. "
        "J'ai répondu « un seul » et je crois que je me suis planté 😅 c'est combien en fait ?",
    ):
        assert ids(matcher.ask(message).facts)[:1] == ["dogs"], message


def test_a_question_after_context_sets_apart_as_one_alone_does() -> None:
    """ "I'm putting together a training agenda modelled on the BCIJ programme. Besides the
    international conventions, what else will the discussions address?": the question after
    the context is read as it would be alone, what it sets apart left out."""
    conventions = make_fact(
        "conventions",
        "The BCIJ dog course covers the international conventions on animal welfare.",
        entities=["bcij"],
    )
    topics = make_fact(
        "topics",
        "The BCIJ dog course discussions also address kennel hygiene and port searches.",
        entities=["bcij"],
    )
    matcher = make_matcher(conventions, topics, *FILLER, entities=[BCIJ], thresholds=BARS)
    answer = matcher.ask(
        "Hi there 👋 I'm putting together a training agenda modelled on the BCIJ programme. "
        "Besides the international conventions, what else will the discussions address? thanks"
    )
    assert ids(answer.facts) == ["topics"]


def test_her_full_title_is_her_role() -> None:
    """ "oufroukhi whats her full title at the prosecution office": a role asked; "full title"
    frames it, not a name to spell out."""
    head = make_fact("head", "Ms. Rex is the head of the kennel unit at the port.")
    matcher = make_matcher(
        head, *FILLER, synonyms=[("full title", "full name", "stands for")], thresholds=BARS
    )
    assert matcher.ask("rex whats her full title at the kennel unit").answered


def test_a_leader_is_a_role() -> None:
    """ "What role in the region is the kennel meant to play?": "a regional leader" gives one."""
    lead = make_fact("lead", "The kennel aims to serve as a regional leader in dog training.")
    synonyms = [("region", "regional"), ("meant to", "aims to")]
    matcher = make_matcher(lead, *FILLER, synonyms=synonyms, thresholds=BARS)
    assert matcher.ask("What role in the region is the kennel meant to play?").answered


def test_the_order_to_answer_names_nothing() -> None:
    """ "Name the stages of the process where the unit helps": "name" orders the answer,
    and "where" opens a clause after it; no place is asked."""
    matcher = make_matcher(
        make_fact("a", "The dog unit helps at every stage of the process."), *FILLER
    )
    question = "Name the stages of the process where the dog unit helps."
    answer = matcher.ask(question)
    assert answer.answered and "name" not in answer.facts[0].missing
    assert asks_for(question) is not Kind.PLACE


def test_two_questions_in_one_sentence_are_answered_when_each_is() -> None:
    """ "When was the BCIJ created, and what does it train?": each half is asked apart
    (the one pointing back keeps the other's names), and the message is answered only if
    both are: not when the second asks what no fact says."""
    created = make_fact("created", "The BCIJ was created in March 2015.", entities=["bcij"])
    dogs = make_fact("dogs", "The BCIJ trains sniffer dogs for the customs.", entities=["bcij"])
    matcher = make_matcher(created, dogs, *FILLER, entities=[BCIJ], thresholds=BARS)
    answer = matcher.ask(
        "When was the BCIJ created, and what animals does it train for the customs?"
    )
    assert ids(answer.facts)[:1] == ["created"]
    assert not matcher.ask("When was the BCIJ created, and how many zorglubs died?").answered


def test_a_french_inverted_verb_keeps_its_phrase() -> None:
    """ "L'INL met-il en œuvre ...?": "met en œuvre" (implements) is one phrase once the
    verb's pronoun is set aside, and the fact that implements covers it."""
    fact = make_fact(
        "dogs",
        "INL implements its programmes in Tangier.",
        answer_fr="Les programmes de l'INL à Tanger.",
    )
    matcher = make_matcher(fact, *FILLER, synonyms=[("implements", "met en œuvre")])
    answer = matcher.ask("L'INL met-il en œuvre ses programmes à Tanger ?")
    assert ids(answer.facts[:1]) == ["dogs"] and answer.facts[0].missing == ()


def test_how_much_something_grew_is_answered_by_how_many_times_over() -> None:
    """ "By how much did the dog aid grow?": "it doubled" says how much; it counts
    nothing else ("how many dogs ...?")."""
    doubled = make_fact(
        "doubled", "The United States boosted its sniffer dog aid to Tangier: it doubled."
    )
    growth = [("stepped up", "boost", "boosted")]
    matcher = make_matcher(doubled, *FILLER, synonyms=growth, thresholds=BARS)
    answer = matcher.ask("By how much did the sniffer dog aid to Tangier boost?")
    assert answer.asks_for is Kind.COUNT and ids(answer.facts[:1]) == ["doubled"]
    assert answer.answered
    reason = why_not(matcher, "How many sniffer dogs did Tangier get as aid?")
    assert reason is not None and reason.startswith("gives no figure")


DOGACT = make_entity(
    "dogact", "programme", "Global Action against Dog Smuggling", acronyms=("DOGACT",)
)


def test_a_fact_naming_a_programme_holds_the_words_of_its_full_name() -> None:
    """ "Is UNICEF in the worldwide action against dog smuggling?" describes DOGACT by the
    words of its full name: a fact naming it by its acronym holds them (at `W_NAME_WORDS`),
    and leads one about another dog project."""
    partners = make_fact("partners", "DOGACT is run with UNICEF.", entities=["dogact"])
    other = make_fact("other", "The dog project is run with UNICEF.")
    bars = Thresholds(min_coverage=0.0, clear_lead_coverage=0.0)
    matcher = make_matcher(
        partners,
        other,
        *FILLER,
        entities=[DOGACT],
        synonyms=[("global", "worldwide")],
        thresholds=bars,
    )
    answer = matcher.ask("Is UNICEF in the worldwide action against dog smuggling?")
    assert ids(answer.facts[:1]) == ["partners"] and answer.facts[0].missing == ()


def test_a_word_held_through_a_name_only_is_no_commoner() -> None:
    """Facts naming DOGACT do not make "smuggling" a common word: a question about dog
    smuggling weighs it as in a base where no fact names the programme."""
    rose = make_fact("rose", "Dog smuggling rose in Tangier.")
    naming = make_fact("partners", "DOGACT is run with UNICEF.", entities=["dogact"])
    plain = make_fact("partners", "It is run with UNICEF.")
    weights = []
    for other in (naming, plain):
        index = make_matcher(rose, other, *FILLER, entities=[DOGACT]).index
        weights.append(index.idf[index.key_id["e:smuggl"]])
    assert weights[0] == weights[1]


def test_a_figure_asked_for_by_name_need_not_be_called_one() -> None:
    """ "Ballpark figure for sniffer dogs sent to Tangier?": the fact gives the figure and
    need not say "ballpark figure"."""
    sent = make_fact("sent", "Twenty sniffer dogs were sent to Tangier.")
    matcher = make_matcher(sent, *FILLER, thresholds=BARS)
    answer = matcher.ask("Ballpark figure for sniffer dogs that were sent to Tangier?")
    assert answer.asks_for is Kind.COUNT and ids(answer.facts) == ["sent"]
    # ... nor "tally": "what is the tally of sniffer dogs sent to Tangier?"
    answer = matcher.ask("What is the tally of sniffer dogs that were sent to Tangier?")
    assert answer.asks_for is Kind.COUNT and ids(answer.facts) == ["sent"]


def test_when_an_event_starts_is_the_day_it_is_held() -> None:
    """ "When does the first dog session kick off?": a fact giving the session's day says
    when it begins; one dated to the year only does not."""
    day = make_fact("day", "The first sniffer dog session is scheduled for February 24.")
    matcher = make_matcher(day, *FILLER, thresholds=BARS)
    answer = matcher.ask("When does the first sniffer dog session kick off?")
    assert answer.asks_for is Kind.START and ids(answer.facts) == ["day"]
    year = make_fact("year", "The first sniffer dog session was planned in 2024.")
    matcher = make_matcher(year, *FILLER, thresholds=BARS)
    reason = why_not(matcher, "When does the first sniffer dog session kick off?")
    assert reason is not None and reason.startswith("gives no beginning")


def test_people_after_what_was_done_are_not_what_was_dated() -> None:
    """ "When did Tunisia sign the dog agreement on training personnel?" asks when the
    agreement was signed: the personnel trained are not the event dated."""
    signed = make_fact(
        "signed", "Tunisia signed the sniffer dog training agreement in Tangier in 2014."
    )
    people = [("official", "officials", "personnel")]
    matcher = make_matcher(signed, *FILLER, synonyms=people, thresholds=BARS)
    question = "When did Tunisia sign the sniffer dog training agreement in Tangier for personnel?"
    assert ids(matcher.ask(question).facts) == ["signed"]


def test_who_currently_heads_a_body_asks_for_a_person() -> None:
    """ "Who currently heads the dog unit?" is not answered by a fact that only says what
    the unit does: it names nobody."""
    runs = make_fact("runs", "The sniffer dog unit runs trainings in Tangier with Tunisia.")
    matcher = make_matcher(runs, *FILLER, thresholds=BARS)
    answer = matcher.ask("Who currently heads the sniffer dog unit?")
    assert answer.asks_for is Kind.PERSON and not answer.answered


def test_how_much_in_dollars_asks_for_money_not_a_growth() -> None:
    """ "In dollar terms, how much aid does Tunisia get now that it has doubled?" asks for an
    amount of money: a fact saying the aid doubled does not give it."""
    doubled = make_fact("doubled", "The United States doubled its sniffer dog aid to Tunisia.")
    matcher = make_matcher(doubled, *FILLER, thresholds=BARS)
    answer = matcher.ask(
        "In dollar terms, how much sniffer dog aid does Tunisia get now that it doubled?"
    )
    assert answer.asks_for is Kind.MONEY and not answer.answered
    # "come to" asks for the sum it reached, whatever it grew by.
    answer = matcher.ask("How much did the sniffer dog aid to Tunisia come to once doubled?")
    assert answer.asks_for is Kind.MONEY and not answer.answered


def test_which_countries_may_be_said_in_two_words() -> None:
    """ "Which North African countries' handlers will Tunisia train?" asks for countries: a
    fact naming only the region does not answer it."""
    assert asks_for("Which North African countries' handlers will Tunisia train?") is (Kind.COUNTRY)
    assert asks_for("What does the country say about dogs?") is not Kind.COUNTRY
    region = make_fact("region", "Tunisia will train sniffer dog handlers from North Africa.")
    matcher = make_matcher(region, *FILLER, entities=[TUNISIA], thresholds=BARS)
    reason = why_not(
        matcher, "Which North African countries' sniffer dog handlers will Tunisia train?"
    )
    assert reason == "names no other country"


@pytest.mark.parametrize(
    "how",
    ["in one line", "in a nutshell", "briefly", "in short", "in a few words", "en gros", "en bref"],
)
def test_how_the_answer_is_wanted_asks_nothing(how: str) -> None:
    """ "What does the dog charter call for, in one line?": how to put the answer, which
    no fact need say."""
    charter = make_fact("charter", "The sniffer dog charter calls for an independent kennel.")
    # The words of those phrases are words of the fact base, as "line" (of effort) is.
    log = make_fact(
        "log", "One line, a short sentence, brief words, a nutshell: le journal en gros, bref."
    )
    # (No clear lead: the fact must cover the question itself.)
    bars = replace(BARS, min_coverage=0.74, clear_lead_coverage=1.01)
    matcher = make_matcher(charter, log, *FILLER, thresholds=bars)
    assert ids(matcher.ask(f"What does the sniffer dog charter call for, {how}?").facts) == [
        "charter"
    ]


@pytest.mark.parametrize("how", ["pls list", "list them", "as a list please"])
def test_a_list_asked_for_after_the_question_asks_nothing(how: str) -> None:
    """ "which countries will IPPOS train? pls list": how to put the answer, which no fact
    need say, even where one says "list"."""
    charter = make_fact("charter", "The sniffer dog charter calls for an independent kennel.")
    # (Counting "list", this one would come first.)
    listed = make_fact("listed", "The sniffer dog charter list calls for a kennel.")
    bars = replace(BARS, min_coverage=0.74, clear_lead_coverage=1.01)
    matcher = make_matcher(charter, listed, *FILLER, thresholds=bars)
    question = f"What does the sniffer dog charter call for? {how}"
    assert ids(matcher.ask(question).facts)[:1] == ["charter"]


def test_a_french_article_ends_the_words_saying_which_body() -> None:
    """ "Depuis quelle année le bureau ... ?" asks for a year: "quelle année" is what is
    asked, and the body after its article is the subject, not the answer."""
    question = "Depuis quelle année le bureau des chiens travaille-t-il avec la Tunisie ?"
    assert asks_for(question) is not Kind.BODY
    assert asks_for("Quelle agence américaine forme les maîtres-chiens ?") is Kind.BODY
    since = make_fact(
        "since",
        "The sniffer dog bureau has worked with Tunisia since 2010.",
        answer_fr="Le bureau des chiens travaille avec la Tunisie depuis 2010.",
    )
    matcher = make_matcher(since, *FILLER, entities=[TUNISIA], thresholds=BARS)
    assert ids(matcher.ask(question).facts) == ["since"]


def test_who_runs_a_programme_may_be_answered_by_the_bodies_running_it() -> None:
    """ "Who runs the new dog trainers' programme?" is answered by the bodies that run it;
    "who runs the bureau?" asks for its head, by name."""
    assert asks_for("Who runs the new sniffer dog trainers' programme?") is Kind.ACTOR
    assert asks_for("Who runs the dog bureau?") is Kind.PERSON
    bureau = make_entity("bureau", "institution", "Dog Bureau")
    runs = make_fact(
        "runs",
        "The Dog Bureau and Tunisia run the new sniffer dog trainers' programme.",
        entities=("bureau", "tunisia"),
    )
    matcher = make_matcher(runs, *FILLER, entities=[bureau, TUNISIA], thresholds=BARS)
    assert ids(matcher.ask("Who runs the new sniffer dog trainers' programme?").facts) == ["runs"]


def test_a_body_named_by_words_of_the_kind_asked_is_the_body_asked_for() -> None:
    """ "Which Tunisian kennel agency has the bureau worked with?": "Tunisian kennel agency"
    is a name of the Kennel Directorate, and the question asks for it by that description;
    it is not a body the question names already."""
    kennels = make_entity("kennels", "institution", "Kennel Directorate", "Tunisian kennel agency")
    fact = make_fact(
        "worked",
        "The dog bureau has worked with the Kennel Directorate since 2010.",
        entities=("kennels",),
    )
    matcher = make_matcher(fact, *FILLER, entities=[kennels], thresholds=BARS)
    answer = matcher.ask("Which Tunisian kennel agency has the dog bureau worked with?")
    assert answer.asks_for is Kind.BODY and ids(answer.facts) == ["worked"]


def test_the_words_asking_for_a_role_need_not_be_in_the_fact() -> None:
    """ "Quelles fonctions Mme Dali exerce-t-elle ?": a fact giving her role ("head of the
    dog unit") answers, and need not say "fonctions" or "exerce"."""
    assert asks_for("Quelles fonctions Mme Dali exerce-t-elle ?") is Kind.ROLE
    head = make_fact(
        "head",
        "Ms. Dali is head of the sniffer dog unit in Tunisia.",
        answer_fr="Mme Dali est cheffe de l'unité cynophile en Tunisie.",
    )
    # Words of the fact base elsewhere, as they are in a real one.
    other = make_fact("other", "The position of the kennel's new functions was held in Tunis.")
    bars = replace(BARS, min_coverage=0.74, clear_lead_coverage=1.01)
    matcher = make_matcher(head, other, *FILLER, entities=[TUNISIA], thresholds=bars)
    answer = matcher.ask("Quelles fonctions Mme Dali exerce-t-elle en Tunisie ?")
    assert answer.asks_for is Kind.ROLE and ids(answer.facts) == ["head"]


def test_which_regions_asks_for_places_the_question_does_not_name() -> None:
    """ "Pour quelles régions ...?", "in which regions will they train?": a fact naming the
    Maghreb and the Sahel answers, one saying only "regional" does not."""
    assert asks_for("In which regions will the dog trainers of Tunisia train handlers?") is (
        Kind.REGION
    )
    assert asks_for("Pour quelles régions la Tunisie forme-t-elle des maîtres-chiens ?") is (
        Kind.REGION
    )
    maghreb = make_entity("maghreb", "place", "Maghreb")
    sahel = make_entity("sahel", "place", "Sahel")
    regional = make_fact(
        "regional", "Tunisia trains dog handlers to build regional dog training capability."
    )
    named = make_fact(
        "named", "Tunisia's dog trainers train handlers in the greater Maghreb and Sahel regions."
    )
    matcher = make_matcher(
        regional, named, *FILLER, entities=[maghreb, sahel, TUNISIA], thresholds=BARS
    )
    answer = matcher.ask("In which regions will the dog trainers of Tunisia train handlers?")
    assert answer.asks_for is Kind.REGION and ids(answer.facts) == ["named"]
    # "Which wider regions": the word says which kind of place, as "regions" does.
    wider = make_fact("wider", "The wider dog market of Tunisia is growing.")  # a known word
    bars = replace(BARS, min_coverage=0.74, clear_lead_coverage=1.01)
    matcher = make_matcher(
        named, wider, *FILLER, entities=[maghreb, sahel, TUNISIA], thresholds=bars
    )
    question = "In which wider regions will the dog trainers of Tunisia train handlers?"
    assert ids(matcher.ask(question).facts) == ["named"]


def _refused_as(kind: Kind, fact: Fact, question: str) -> None:
    """`question` is read as asking for `kind`, and `fact` (with Tunisia known) does not
    answer it."""
    matcher = make_matcher(fact, *FILLER, entities=[TUNISIA], thresholds=BARS)
    answer = matcher.ask(question)
    assert answer.asks_for is kind and not answer.answered


def test_which_country_before_a_role_asks_for_a_country() -> None:
    """ "Which country shared the co-chair role with Tunisia?" asks for a country, not a
    role: a fact saying only that Tunisia took the role does not answer it."""
    assert asks_for("Which country shared the co-chair role with Tunisia?") is (Kind.COUNTRY)
    assert asks_for("What role did Tunisia take in the dog forum?") is Kind.ROLE
    took = make_fact("took", "Tunisia took over the co-chair role of the dog forum in 2016.")
    _refused_as(Kind.COUNTRY, took, "Which country shared the co-chair role with Tunisia in 2016?")


def test_who_was_appointed_asks_for_a_person() -> None:
    """ "Who was appointed head of the dog bureau when it was set up?": a fact on when the
    bureau was set up names nobody, and does not answer."""
    assert asks_for("Who was appointed as the first head of the dog bureau?") is Kind.PERSON
    assert asks_for("Qui a été nommé à la tête du bureau des chiens ?") is Kind.PERSON
    created = make_fact("created", "Tunisia set up the dog bureau in May 2015.")
    question = "Who was appointed to lead the dog bureau when Tunisia set it up in 2015?"
    _refused_as(Kind.PERSON, created, question)


def test_a_growth_says_how_a_thing_changed() -> None:
    """ "How has Tunisia changed its sniffer dog aid to Rabat?": a fact saying it doubled
    says how, though not in the word "changed"; a fact on another change does not."""
    doubled = make_fact("doubled", "Tunisia doubled its sniffer dog aid to Rabat in 2015.")
    rules = make_fact("rules", "The sniffer dog rules of Rabat were amended in 2015.")
    amended = [("amended", "amended", "changed")]
    bars = replace(BARS, min_coverage=0.74, clear_lead_coverage=1.01)
    matcher = make_matcher(
        doubled, rules, *FILLER, entities=[TUNISIA], synonyms=amended, thresholds=bars
    )
    answer = matcher.ask("How has Tunisia changed its sniffer dog aid to Rabat?")
    assert ids(answer.facts) == ["doubled"]


def test_a_moroccan_name_is_also_written_with_morocco_s() -> None:
    """ "Morocco's prison administration" names what "Moroccan prison administration" does."""
    prisons = make_entity("dgapr", "institution", "Moroccan prison administration")
    fact = make_fact("target", "INL has worked with the Moroccan prison administration since 2010.")
    matcher = make_matcher(fact, *FILLER, entities=[prisons], thresholds=BARS)
    assert "@dgapr" in {s.concept for s in matcher.analyse("Morocco's prison administration")}


def test_a_un_name_is_also_written_with_un_s() -> None:
    """ "the UN's drugs and crime office" names what "UN drugs and crime office" does."""
    office = make_entity("unodc", "institution", "UN drugs and crime office")
    fact = make_fact("target", "The UN drugs and crime office trained sniffer dogs.")
    matcher = make_matcher(fact, *FILLER, entities=[office], thresholds=BARS)
    assert "@unodc" in {s.concept for s in matcher.analyse("the UN's drugs-and-crime office")}


def test_what_part_did_it_play_asks_what_it_did() -> None:
    """ "What part did the dog unit play in the port raid?": what it did there; "part" and
    "play" only frame it, even where facts say them."""
    raid = make_fact("raid", "The dog unit found the drugs in the port raid.")
    other = make_fact("other", "The band will play the first part of the port concert.")
    plain = _coverage("What did the dog unit do in the port raid?", raid, other)
    assert _coverage("What part did the dog unit play in the port raid?", raid, other) == plain


def test_a_set_phrase_says_nothing_asked() -> None:
    """ "why was the dog unit set up in the first place?", "it got certified at some point":
    manners of speaking, not words a fact must hold."""
    matcher = make_matcher(make_fact("a", "The dog unit was set up to guard the port."))
    assert words(matcher, "why was the dog unit set up in the first place?") == [
        "dog",
        "unit",
        "set",
    ]
    assert "point" not in words(matcher, "the dog unit got certified at some point, when?")
    assert words(matcher, "where did the first dog unit take its place?")[-1] == "place"
    # "last September": when the asker stands, not a word of the fact's.
    assert "last" not in words(matcher, "how many dogs joined the unit last September?")
    assert "last" in words(matcher, "what was the last dog unit?")
    # "wound up taking part": how it turned out.
    assert words(matcher, "how many dogs wound up taking part?") == ["dogs", "taking", "part"]
    # "under the banner of the port": under the port.
    assert "banner" not in words(matcher, "how many dogs served under the banner of the port?")
    # "il est question de ...": it is about.
    assert "question" not in words(matcher, "au port, il est question de quels chiens ?")
    assert "banniere" not in words(matcher, "combien de chiens sous la bannière du port ?")
    assert "drapeaux" not in words(matcher, "combien de chiens sous les drapeaux du port ?")
    # "fin 2013": when in the year.
    assert "fin" not in words(matcher, "combien de chiens au port fin 2013 ?")
    # "formés dans le cadre du programme": under the programme; a "cadre" may be asked.
    assert "cadre" not in words(matcher, "combien de chiens formés dans le cadre du port ?")
    assert "cadre" in words(matcher, "quel cadre de coopération pour les chiens du port ?")
    # "fin septembre", "début mai": when in the month; "la fin du programme" asks an end.
    assert "fin" not in words(matcher, "combien de chiens à l'atelier de fin septembre ?")
    assert "debut" not in words(matcher, "combien de chiens au port début mai ?")
    assert "fin" in words(matcher, "quand est la fin du port ?")
    # "procureurs spécialisés dans la traite", "specialised in dogs": no specialty asked.
    assert "specialises" not in words(matcher, "quels procureurs spécialisés dans les chiens ?")
    assert "specialized" not in words(matcher, "which guards specialized in dogs?")
    assert "specialized" in words(matcher, "which specialized dog unit?")
    # "la lutte sur le plan policier": on the police side; a plan may be asked.
    assert "plan" not in words(matcher, "qui dirige la lutte sur le plan policier ?")
    assert "plan" in words(matcher, "qui dirige le plan de lutte ?")
    assert "plan" in words(matcher, "qui a signé sur le plan d'action ?")
    # "why does the dog unit matter for the port?": why it counts; a matter may be asked.
    assert "matter" not in words(matcher, "why does the dog unit matter for the port?")
    assert "matter" in words(matcher, "which matter did the dog unit handle?")
    assert "matter" not in words(matcher, "why does it matter so much how the dogs are fed?")
    assert "even" not in words(matcher, "why does the port even care about dogs?")
    # "in terms of the port's dogs": regarding them.
    assert "terms" not in words(matcher, "what did it say in terms of the port's dogs?")
    assert "terms" in words(matcher, "what terms did the port set for its dogs?")
    # "where is the port said to carry weight?", "the report describes the port as ...",
    # "le port est décrit comme ...": how the source puts it.
    assert "said" not in words(matcher, "where is the dog unit said to carry weight?")
    assert "said" in words(matcher, "what was said at the dog unit?")
    assert "describes" not in words(matcher, "the report describes the dog unit as what?")
    assert "described" not in words(matcher, "where is the dog unit described as a model?")
    assert "decrit" not in words(matcher, "le port est décrit comme quoi ?")
    assert "treated" not in words(matcher, "what does the port gain from being treated as a hub?")
    assert "treated" in words(matcher, "how are the dogs treated at the port?")
    assert "treated" in words(matcher, "which law has dog theft treated as a crime?")
    # "en matière de sécurité": as to security.
    assert "matiere" not in words(matcher, "quel rôle en matière de chiens ?")
    # "the rest of the region", "on the dog side", "when it comes to dogs".
    assert "rest" not in words(matcher, "what does the port export to the rest of the region?")
    assert words(matcher, "what does the port export on the dog side?")[-1] == "dog"
    assert "side" in words(matcher, "who set up the dog unit on the Tunisian side?")
    assert "side" in words(matcher, "which side of the port has dogs?")
    assert "comes" not in words(matcher, "what does the port do when it comes to dogs?")
    # "change the way guards deal with dogs": how they do; "the way forward" is asked.
    assert "way" not in words(matcher, "what will change the way guards treat dogs?")
    assert "way" in words(matcher, "what is the way forward for the dogs?")
    # "elle vise quoi au final ?", "what does it aim at in the end?"
    assert "final" not in words(matcher, "la formation vise quoi au final ?")
    assert "end" not in words(matcher, "what does the dog unit aim at in the end?")
    assert "end" in words(matcher, "when is the end of the dog unit?")
    # "day to day", "day-to-day policing", "au quotidien": routinely; a day may be asked.
    assert "day" not in words(matcher, "what should the dog unit improve day to day?")
    assert "day" not in words(matcher, "day-to-day guarding of dogs: what will change?")
    assert "quotidien" not in words(matcher, "que change le port au quotidien ?")
    assert "day" in words(matcher, "which day did the dog unit start?")
    # "what's the deal with the dog unit?": what it is; "lié à quoi au juste ?": exactly.
    assert words(matcher, "what's the deal with the dog unit?") == ["dog", "unit"]
    assert "deal" in words(matcher, "what deal did the dog unit sign?")
    assert "juste" not in words(matcher, "le port, c'est lié à quoi au juste ?")
    # "le chenil piloté par les Américains": who leads it, said of it; asked, it stays.
    assert "pilote" not in words(matcher, "le port piloté par les Américains ouvre quand ?")
    assert "pilote" in words(matcher, "le port est-il piloté par les Américains ?")
    assert "pilotes" in words(matcher, "quels ports pilotés par les Américains ?")
    # "Vrai ou faux ?": whether the claim holds.
    assert "vrai" not in words(matcher, "le port a ouvert en 2006. Vrai ou faux ?")
    # "the country's dog unit": the country the question speaks of; "which country" asks.
    assert "country" not in words(matcher, "who runs the country's dog unit?")
    assert "country" in words(matcher, "which country runs the dog unit?")
    # "if I recall", "si je me souviens bien", "sauf erreur": how sure the asker is.
    assert "recall" not in words(matcher, "the port opened in 2010 if I recall correctly?")
    assert "souviens" not in words(matcher, "si je me souviens bien, le port a ouvert quand ?")
    assert "erreur" not in words(matcher, "le port a ouvert en 2010, sauf erreur ?")
    # "pour l'ordre du jour d'une réunion": the agenda; "quel jour" is asked.
    assert "jour" not in words(matcher, "pour l'ordre du jour : que fait le port ?")
    assert "ordre" in words(matcher, "c'est quoi l'ordre du jour du port ?")
    assert "jour" in words(matcher, "quel jour le port a-t-il ouvert ?")
    # "the convention cited on dogs", "son rôle auprès du port": no word asked.
    assert "cited" not in words(matcher, "which convention is cited on the dog unit?")
    assert "aupres" not in words(matcher, "quel rôle auprès du port ?")


def test_a_word_after_a_dash_saying_what_about_asks_nothing() -> None:
    """ "the port-focused dog unit", "a terrorism-related law": the dog unit on the port."""
    matcher = make_matcher(make_fact("a", "The dog unit was set up to guard the port."))
    assert words(matcher, "when was the port-focused dog unit set up?") == [
        "port",
        "dog",
        "unit",
        "set",
    ]
    assert "related" not in words(matcher, "which port-related dog unit was set up?")


def test_one_line_says_how_to_answer() -> None:
    """ "what is the dog unit for, one line pls": how the answer is wanted, as "in one line"."""
    matcher = make_matcher(make_fact("a", "The dog unit was set up to guard the port."))
    assert "line" not in words(matcher, "what is the aim of the dog unit, one line pls")
    assert "line" in words(matcher, "which was the one line of effort of the dog unit?")


def test_chat_spells_will_and_operations_short() -> None:
    """ "where wil the dog ops be held": "wil" is "will", "ops" "operations"."""
    matcher = make_matcher(make_fact("a", "Dog operations will be held in Rabat."))
    assert words(matcher, "where wil the dog ops be held") == ["dog", "operations", "held"]


def test_until_when_asks_for_an_end() -> None:
    """ "Until when does the dog pact run?" asks when it ends: a fact giving only when it was
    signed does not answer; one giving its years ("2015-2019") does."""
    signed = make_fact("signed", "Tunisia signed the sniffer dog pact in September 2016.")
    _refused_as(Kind.END, signed, "Until when does the 2016 Tunisia sniffer dog pact run?")
    ran = make_fact("ran", "The Tunisia sniffer dog pact ran 2015-2019.")
    matcher = make_matcher(ran, *FILLER, entities=[TUNISIA], thresholds=BARS)
    assert matcher.ask("When does the Tunisia sniffer dog pact end?").answered
    assert asks_for("jusqu'à quand dure le pacte ?") is Kind.END
    assert asks_for("When was the sniffer dog pact signed?") is Kind.DATE


def test_an_acronym_with_two_letters_swapped_is_that_acronym() -> None:
    """ "CPB and DSH", "the DGNS": an acronym in capitals with two letters the wrong way
    round, too short for the typo index (or one edit from a commoner word, "dans")."""
    fact = make_fact("a", "CBP and DHS trained the DGSN dog unit in Rabat.")
    matcher = make_matcher(fact, make_fact("b", "Les chiens sont dans la police."))
    assert words(matcher, "what do CPB and DSH do with the DGNS?") == ["cbp", "dhs", "dgsn"]
    assert words(matcher, "what is the XYZ?") == ["xyz"]
    # Two letters apart the wrong way round ("BJIC"): only one of the curated acronyms.
    bureau = make_fact("c", "The BCIJ dog bureau opened in 2015.", entities=["bcij"])
    matcher = make_matcher(bureau, *FILLER, entities=[BCIJ])
    assert "bcij" in words(matcher, "when was the BJIC created?")
    assert "bcij" not in words(matcher, "when was the BJIA created?")
    # (not its first letter: "JCIB", as "SGDN" is no "DGSN")
    assert "bcij" not in words(matcher, "when was the JCIB created?")


def test_a_short_name_in_capitals_is_no_mistyped_word() -> None:
    """ "Was it ANAB or someone else?": a name in capitals we do not know is one edit from
    "arab", a word of ours, but it is a name no fact holds; one edit from one of our
    acronyms ("DGSM"), it is that acronym."""
    fact = make_fact("a", "The Arab dog unit of the DGSN trained in Rabat.")
    dgsn = make_entity("dgsn", "institution", "General Directorate", acronyms=["DGSN"])
    matcher = make_matcher(fact, *FILLER, entities=[dgsn])
    assert words(matcher, "did ANAB train the dog unit?") == ["anab", "train", "dog", "unit"]
    assert words(matcher, "did the DGSM train the dog unit?") == ["dgsn", "train", "dog", "unit"]


def test_a_figure_the_asker_checks_is_what_is_asked() -> None:
    """ "Is it right that INL signed about 100 dog agreements? What's the number?": the
    asker's figure is checked, not matched; the fact with the real one answers. A figure
    naming the thing asked about ("the 2003 dog pact") is no claim."""
    fact = make_fact("target", "INL signed 70 sniffer dog agreements with Tunisia.")
    matcher = make_matcher(fact, *FILLER, entities=[TUNISIA], thresholds=BARS)
    answer = matcher.ask(
        "Is it right that INL signed about 100 sniffer dog agreements with Tunisia? "
        "What's the number?"
    )
    assert ids(answer.facts) == ["target"] and answer.asks_for is Kind.COUNT
    assert not matcher.ask(
        "How many sniffer dog agreements did INL sign with Tunisia, 100?"
    ).answered


@pytest.mark.parametrize(
    "message",
    [
        "quick sanity check, my notes say INL signed 100 sniffer dog agreements with Tunisia. "
        "can you confirm that number?",
        "someone on the team wrote that INL signed 100 sniffer dog agreements with Tunisia. "
        "that right?",
        "our concept note puts INL's sniffer dog agreements with Tunisia at 100, can you "
        "confirm the amount?",
        "my notes: INL signed 100 sniffer dog agreements with Tunisia. correct me if that's off",
        "I've got 100 sniffer dog agreements INL signed with Tunisia... can u double check?",
        "is it still 100 sniffer dog agreements that INL signed with Tunisia?",
        # the draft holding the figure, after the question
        "how many sniffer dog agreements did INL sign with Tunisia, i had 100 in my draft",
        "how many sniffer dog agreements did INL sign with Tunisia? <@U03ABCD12> put 100 in the "
        "draft but I'm not convinced",
        "how many sniffer dog agreements did INL sign with Tunisia, we have 100 on the slides",
        # the figure offered after the claim, as a question
        "INL's sniffer dog agreements with Tunisia, was that 100?",
        "the sniffer dog agreements INL signed with Tunisia, that was 100 if I recall?",
        # the tag, then why it is asked; the tag of a claim put in the negative
        "INL signed 100 sniffer dog agreements with Tunisia, right? fixing a timeline",
        "INL's sniffer dog agreements with Tunisia weren't as many as 100, were they?",
    ],
)
def test_ways_of_checking_a_figure_ask_for_the_real_one(message: str) -> None:
    """ "my notes say ... can you confirm that number?", "someone wrote that ... that
    right?", "correct me if that's off": the asker's figure is checked; the fact with the
    real one answers, and the words of checking are no words a fact must hold."""
    fact = make_fact("target", "INL signed 70 sniffer dog agreements with Tunisia.")
    matcher = make_matcher(fact, *FILLER, entities=[TUNISIA], thresholds=BARS)
    answer = matcher.ask(message)
    assert ids(answer.facts) == ["target"]


def test_a_tag_then_why_it_is_asked_checks_the_year() -> None:
    """ "... wasn't signed until 2019, right? trying to fix a timeline": the tag still asks
    whether the claim holds, with why it is asked after it; the year is the asker's, and
    the question asks when."""
    unit = make_fact("unit", "Tunisia's dog unit started in 2010.", when="2010")
    matcher = make_matcher(unit, *FILLER, entities=[TUNISIA], thresholds=BARS)
    answer = matcher.ask("Tunisia's dog unit started in 2014, right? fixing a timeline")
    assert ids(answer.facts) == ["unit"] and answer.asks_for is Kind.DATE
    # (dictated, without its marks: the tag after the figure, then the question)
    answer = matcher.ask("tunisia's dog unit started in 2014 right when was it then")
    assert ids(answer.facts) == ["unit"] and answer.asks_for is Kind.DATE


@pytest.mark.parametrize(
    "question",
    [
        "the dog training isnt in casablanca right? where is it held",
        "the dog training wasn't in Casablanca, was it? Where is it held?",
        "la formation canine, ce n'est pas à Casablanca, c'est où ?",
        "the dog training isnt in casablanca right where is it held",
    ],
)
def test_what_the_asker_says_it_is_not_is_no_word_asked(question: str) -> None:
    """ "the training isn't in Casablanca, right? where is it held?", "ce n'est pas le
    ministère de la Justice, c'est quelle administration ?": what the asker says it is not,
    before asking what it is, is no word the answer holds."""
    rabat = make_entity("rabat", "city", "Rabat")
    casablanca = make_entity("casablanca", "city", "Casablanca")
    dogs = make_fact(
        "dogs",
        "The dog training is held in Rabat.",
        where="Rabat",
        entities=["rabat"],
        answer_fr="La formation canine se tient à Rabat.",
    )
    cats = make_fact("cats", "Casablanca hosts a cat show.", entities=["casablanca"])
    matcher = make_matcher(dogs, cats, *FILLER, entities=[rabat, casablanca], thresholds=BARS)
    assert ids(matcher.ask(question).facts)[:1] == ["dogs"]
    # (asked of what it is not, the question keeps it: the facts close to it are offered)
    answer = matcher.ask("Why isn't the dog training in Casablanca?")
    assert not answer.answered and "dogs" in ids(answer.suggestions)


def test_a_law_number_checked_asks_for_the_real_one() -> None:
    """ "the dog law, it's Law 12-30, right?": the asker's number is checked; the fact with
    the law's number answers, as for a figure."""
    fact = make_fact("target", "Law 12-34 makes dog theft a crime in Tunisia.")
    matcher = make_matcher(fact, *FILLER, entities=[TUNISIA], thresholds=BARS)
    answer = matcher.ask("the law on dog theft in Tunisia, it's Law 12-30, right?")
    assert ids(answer.facts) == ["target"] and answer.asks_for is Kind.LAW_NUMBER


def test_a_checked_figure_the_fact_gives_is_confirmed() -> None:
    """ "my notes say INL signed 70 ... can you confirm that number?": the fact giving 70
    confirms it; 70 is not a figure the question gives already."""
    fact = make_fact("target", "INL signed 70 sniffer dog agreements with Tunisia.")
    matcher = make_matcher(fact, *FILLER, entities=[TUNISIA], thresholds=BARS)
    message = "my notes say INL signed 70 sniffer dog agreements with Tunisia. can you confirm that number?"
    assert ids(matcher.ask(message).facts) == ["target"]


def test_the_words_of_checking_a_claim_ask_nothing() -> None:
    """ "... in 2014 - is that right?", "what's the actual year?": no fact need say "right"
    (a word of human rights) or "actual"."""
    matcher = make_matcher(make_fact("a", "Tunisia's dog unit started in 2010."))
    assert "right" not in words(matcher, "the dog unit started in 2014, is that right?")
    assert "actual" not in words(matcher, "the dog unit started in 2014. what's the actual year?")
    assert "right" in words(matcher, "the dog unit defends the right to a fair trial")
    assert "right" not in words(matcher, "the dog unit started in 2014 right")
    assert "right" not in words(matcher, "the dog unit started in Tunisia, right")
    assert "right" in words(matcher, "did the 2014 dog unit make it a fundamental right")
    assert "right" not in words(matcher, "the dog unit is run by Tunisia right")
    assert "right" in words(matcher, "does the dog unit defend a basic right")
    # "sont bien formés": well trained, no claim checked ("a bien signé" checks one).
    assert "bien" in words(matcher, "les chiens de l'unité sont bien formés ?")
    assert "bien" not in words(matcher, "l'unité canine a bien démarré en 2014 ?")
    assert "right" in words(matcher, "which dog unit defends the human right")
    # "something like 500": a figure offered roughly, as "about 500" is.
    assert "like" not in words(matcher, "the dog unit has something like 500 dogs, correct?")
    assert "like" in words(matcher, "which dog unit trains like the police")
    assert "actual" not in words(matcher, "the dog unit head, what's her actual role?")
    assert "kindly" not in words(matcher, "the dog unit started in 2014. could you kindly confirm?")
    # "... since 2010. does that sound right?": the claim, checked.
    for checked in ("does that sound right?", "that sounds right?", "does this look correct?"):
        said = words(matcher, f"the dog unit started in 2014. {checked} when did it start?")
        assert {"sound", "sounds", "look", "right", "correct"}.isdisjoint(said), checked
    assert "actual" not in words(
        matcher, "the dog unit started in 2014? what's the actual start date?"
    )
    assert "high" not in words(
        matcher, "the dog unit started in 2014, but that looks way too high. what year?"
    )
    # "Am I right that ...?", "c'est bien ... ?": the claim checked, no right, no good.
    assert "right" not in words(matcher, "am I right that the dog unit started in 2014?")
    assert "true" not in words(matcher, "is it really true the dog unit started in 2014?")
    assert "bien" not in words(matcher, "l'unité canine, c'est bien 2014 ?")
    assert "bien" not in words(matcher, "est-ce bien en 2014 que l'unité canine a démarré ?")
    assert "vrai" not in words(matcher, "est-il vrai que l'unité canine a démarré en 2014 ?")
    assert "bien" not in words(matcher, "l'unité canine démarre bien en 2014 ?")
    assert "bien" not in words(matcher, "l'unité canine s'est bien lancée à Tunis ?")


def test_a_typo_of_a_function_word_is_no_french_word_in_english() -> None:
    """ "how many dog units arre there": one letter off "are" and off the French "arret";
    in a message not read as French, it is "are"."""
    fact = make_fact(
        "a", "Tunisia has five dog units.", answer_fr="L'arrêt du programme a eu lieu en 2016."
    )
    matcher = make_matcher(fact, *FILLER, entities=[TUNISIA], thresholds=BARS)
    assert words(matcher, "how many dog units arre there in Tunisia") == [
        "dog",
        "units",
        "tunisia",
    ]


def test_chat_writes_police_department_short() -> None:
    """ "miami pd doing wat": a police department."""
    matcher = make_matcher(make_fact("a", "The Miami police department trains dogs."))
    assert words(matcher, "miami pd doing wat") == ["miami", "police", "department"]


def test_how_old_asks_for_an_age() -> None:
    """ "How old is Mr. Alami, the dog trainer?": an age, which a fact naming him does not give."""
    named = make_fact("named", "Mr. Alami, a national expert, trained the Tunisia dog unit.")
    _refused_as(
        Kind.AGE, named, "How old is Mr. Alami, the national expert of the Tunisia dog unit?"
    )
    aged = make_fact(
        "aged", "Mr. Alami, 45-year-old national expert, trained the Tunisia dog unit."
    )
    matcher = make_matcher(aged, *FILLER, entities=[TUNISIA], thresholds=BARS)
    assert matcher.ask(
        "How old is Mr. Alami, the national expert of the Tunisia dog unit?"
    ).answered


def test_by_what_date_asks_for_an_end() -> None:
    """ "By what date will the dog charter's reforms be fully implemented?": a deadline, which a
    fact giving the year the charter was adopted does not give."""
    adopted = make_fact("adopted", "Tunisia adopted the dog charter's reforms in 2013.")
    _refused_as(
        Kind.END, adopted, "By what date will Tunisia's dog charter reforms be fully implemented?"
    )
    # ... but "by what year had ..." asks when it was done: the year it was adopted.
    matcher = make_matcher(adopted, *FILLER, entities=[TUNISIA], thresholds=BARS)
    answer = matcher.ask("By what year had Tunisia adopted the dog charter's reforms?")
    assert answer.asks_for is Kind.DATE and ids(answer.facts) == ["adopted"]


def test_a_named_meaning_no_fact_holds_is_no_everyday_word() -> None:
    """ "Will the Tunisia dog pact be renewed next year?": "renewed" is an everyday word, but
    a meaning the curators named that no fact holds; a fact on the pact's signing does not
    answer."""
    signed = make_fact(
        "signed", "Tunisia signed the sniffer dog pact on border police training in 2014."
    )
    question = "When will the 2014 Tunisia sniffer dog pact on border police training be renewed?"
    plain = make_matcher(signed, *FILLER, entities=[TUNISIA], thresholds=BARS)
    assert plain.ask(question).answered  # "renewed": an everyday word, how, not what
    named = make_matcher(
        signed, *FILLER, entities=[TUNISIA], synonyms=[("renewed", "renewal")], thresholds=BARS
    )
    assert not named.ask(question).answered


def test_a_doer_written_er_is_the_or() -> None:
    """ "the prosecuter network": one who prosecutes, the "-or" the base holds; "prosecute"
    is not what is named."""
    matcher = make_matcher(
        make_fact("a", "The prosecutor network met in Tangier."),
        make_fact("b", "The courts prosecute traffickers."),
    )
    assert words(matcher, "where did the prosecuter network meet") == [
        "prosecutor",
        "network",
        "meet",
    ]


def test_her_title_asks_for_a_role() -> None:
    """ "who is ms alami need her title": a role, without a question word before it."""
    assert asks_for("who is ms alami need her title for the minutes") is Kind.ROLE
    assert asks_for("what is the title of the law?") is not Kind.ROLE


def test_two_function_words_are_never_joined_into_a_word() -> None:
    """ "ça se passe où ?": "ca" and "se" are two words, not the base's "case"."""
    matcher = make_matcher(
        make_fact("a", "Each case was discussed in Rabat."),
        make_fact("b", "La session se passe à Rabat."),
    )
    assert "case" not in words(matcher, "la session, ça se passe où ?")


def test_where_last_in_a_french_question_asks_for_a_place() -> None:
    """ "ça se passe où ?" read, corrected, as "... se passe ou": "où" ends the question."""
    assert asks_for("la formation ca se passe ou", original="la formation, ça se passe où ?") is (
        Kind.PLACE
    )


def test_a_penalty_for_one_offence_is_no_penalty_for_another() -> None:
    """ "What's the penalty under Tunisian law for dog theft?" is not answered by the penalty
    for smuggling dogs: the offence asked must be the fact's."""
    smuggling = make_fact(
        "smuggling",
        "The Tunisian dog law sets prison sentences of 5 to 15 years for smuggling dogs.",
    )
    theft = make_fact("theft", "Dog theft rose in Tunis in 2016.")
    groups = [("dog theft", "stealing dogs"), ("law", "loi")]
    matcher = make_matcher(smuggling, theft, *FILLER, synonyms=groups, thresholds=BARS)
    answer = matcher.ask(
        "What is the penalty under the Tunisian dog law that sets prison sentences for dog theft?"
    )
    assert not answer.answered and answer.asks_for is Kind.PENALTY
    assert matcher.ask("What's the penalty under the Tunisian dog law for smuggling dogs?").answered


def test_what_fine_asks_for_money() -> None:
    """ "What fine does the law impose?": an amount of money, which prison terms are not."""
    assert asks_for("What fine does the January 2015 law impose on them?") is Kind.MONEY
    assert asks_for("quelle amende prévoit la loi ?") is Kind.MONEY


def test_a_law_number_asked_needs_no_word_number() -> None:
    """ "What's the number of the sniffer dog law?": "Law 12-34" answers without "number"."""
    law = make_fact("law", "Law 12-34 protects sniffer dogs in Tunisia.")
    matcher = make_matcher(law, *FILLER, entities=[TUNISIA], thresholds=BARS)
    answer = matcher.ask("What's the number of the Tunisia sniffer dog law?")
    assert answer.asks_for is Kind.LAW_NUMBER and ids(answer.facts) == ["law"]


def test_what_the_context_names_that_no_fact_holds_is_the_askers_business() -> None:
    """ "We meet the Zorbian ministry's liaison on Tuesday. They keep asking about the dog
    bureau. When was it set up?": the base knows Zorbia (a name it has) but no fact holds
    it; pointing back, the question is about the bureau, not about the asker's meeting."""
    zorbia = make_entity("zorbia", "country", "Zorbia", "Zorbian")
    bureau = make_fact("bureau", "The dog bureau in Rabat was set up in 2015.", when="2015")
    matcher = make_matcher(bureau, *FILLER, entities=[zorbia], thresholds=BARS)
    message = (
        "hi! we meet the Zorbian liaison on Tuesday and they keep asking about the dog bureau "
        "in Rabat. When was it set up?"
    )
    assert ids(matcher.ask(message).facts) == ["bureau"]
    # Asked of Zorbia itself, the question is not answered.
    assert not matcher.ask("When was the Zorbian dog bureau set up?").answered


def test_a_stint_names_the_length_asked() -> None:
    """ "How long a stint is it supposed to run?": "stint" names the length asked, as "time
    span" does; a fact giving a length is not short of it."""
    held = make_fact("held", "The dog training of the Rabat police ran for three weeks.")
    strict = Thresholds(min_coverage=0.9, clear_lead_coverage=0.9)
    matcher = make_matcher(held, *FILLER, thresholds=strict)
    answer = matcher.ask("How long a stint was the dog training of the Rabat police?")
    assert answer.asks_for is Kind.DURATION
    assert "stint" not in (answer.facts or answer.suggestions)[0].missing


KENNEL_CLUB = make_entity("kennel-club", "institution", "Kennel Club", acronyms=["KC"])
PORT_AUTHORITY = make_entity("port-authority", "institution", "Port Authority", acronyms=["PA"])
KC_SOURCE = replace(SOURCE, id="kc-summary", publisher="Kennel Club (KC)")
PA_SOURCE = replace(SOURCE, id="pa-news", publisher="Port Authority")
KC_DOGS = make_fact(
    "kc-dogs", "Sniffer dogs were given to the police in 2016.", when="2016", source=KC_SOURCE
)
PA_CRANES = make_fact(
    "pa-cranes", "New cranes were given to the port in 2012.", when="2012", source=PA_SOURCE
)


@pytest.mark.parametrize(
    "question",
    [
        "in the KC summary, when were sniffer dogs given to the police?",
        "according to the Kennel Club document, when were sniffer dogs given to the police?",
        "when were sniffer dogs given to the police, per the KC page?",
        "the KC piece says the police got sniffer dogs - when were they given?",
        "quand les chiens ont-ils été donnés à la police d'après le doc ?",
        "in the KC sheet, when were sniffer dogs given to the police?",
        "when were sniffer dogs given to the police, as the source actually names it?",
        "quelle année donne le doc pour les chiens donnés à la police ?",
    ],
)
def test_where_the_asker_read_it_is_no_word_a_fact_holds(question: str) -> None:
    """ "What does DGAPR stand for in the INL summary?": the document read, and its
    publisher, are not what is asked; the fact from that publisher's source answers."""
    dogs_fr = replace(
        KC_DOGS, answer_fr="Des chiens renifleurs ont été donnés à la police en 2016."
    )
    matcher = make_matcher(
        dogs_fr, PA_CRANES, entities=[KENNEL_CLUB, PORT_AUTHORITY], thresholds=BARS
    )
    answer = matcher.ask(question)
    assert answer.answered and answer.facts[0].fact.id == "kc-dogs"


@pytest.mark.parametrize(
    "question",
    [
        "when were sniffer dogs given to the police, per the Kennel Club?",
        "according to KC, when were sniffer dogs given to the police?",
        "when were sniffer dogs given to the police, per the advocacy piece from the KC?",
        "when were sniffer dogs given to the police, according to the article by Kennel Club?",
        "d'après le KC, quand les chiens ont-ils été donnés à la police ?",
    ],
)
def test_a_publisher_named_alone_is_where_the_asker_read_it(question: str) -> None:
    """ "per Morocco On The Move", "the piece from INL": the publisher alone, without a
    document's noun before it, is where the asker read it; the fact from its source answers.
    A body that publishes nothing is what a fact must hold: "according to the Port
    Authority" finds no fact on the dogs from the Port Authority."""
    dogs_fr = replace(
        KC_DOGS, answer_fr="Des chiens renifleurs ont été donnés à la police en 2016."
    )
    pa_source = replace(PA_SOURCE, publisher="Harbour Gazette")
    matcher = make_matcher(
        dogs_fr,
        replace(PA_CRANES, source=pa_source),
        *FILLER,
        entities=[KENNEL_CLUB, PORT_AUTHORITY],
        thresholds=BARS,
    )
    answer = matcher.ask(question)
    assert answer.answered and answer.facts[0].fact.id == "kc-dogs"
    assert not matcher.ask(
        question.replace("Kennel Club", "Port Authority").replace("KC", "Port Authority")
    ).answered


def test_a_year_after_the_publisher_named_alone_is_asked() -> None:
    """ "according to the KC in 2012, how many ...?": the year is when it is asked of, no
    word of the publisher's name."""
    matcher = make_matcher(
        make_fact("kc-2012", "In 2012, 40 dogs were trained.", when="2012", source=KC_SOURCE),
        make_fact("kc-2016", "In 2016, 90 dogs were trained.", when="2016", source=KC_SOURCE),
        *FILLER,
        entities=[KENNEL_CLUB],
        thresholds=BARS,
    )
    for question in (
        "according to the KC in 2012, how many dogs were trained?",
        "per the KC 2012, how many dogs were trained?",
    ):
        assert ids(matcher.ask(question).facts) == ["kc-2012"], question


def test_what_a_document_is_about_describes_it() -> None:
    """ "in the KC training overview, when ...?": "training" says what the document is
    about, no word a fact must hold; the publisher it names must still be the answer's."""
    matcher = make_matcher(
        KC_DOGS,
        PA_CRANES,
        *FILLER,
        synonyms=[("training", "course"), ("overview", "summary")],
        entities=[KENNEL_CLUB, PORT_AUTHORITY],
        thresholds=BARS,
    )
    asked = "in the KC training overview, when were sniffer dogs given to the police?"
    assert ids(matcher.ask(asked).facts) == ["kc-dogs"]
    asked = "what does the KC training overview say about sniffer dogs given to the police?"
    assert ids(matcher.ask(asked).facts) == ["kc-dogs"]
    assert ids(matcher.ask(asked.replace("KC", "PA")).facts) == []
    # The place a document is about describes it too: "the KC Tangier summary".
    matcher = make_matcher(
        KC_DOGS, PA_CRANES, *FILLER, entities=[KENNEL_CLUB, PORT_AUTHORITY, TANGIER]
    )
    asked = "in the KC Tangier summary, when were sniffer dogs given to the police?"
    assert ids(matcher.ask(asked).facts) == ["kc-dogs"]


def test_a_documents_title_is_answered_only_by_a_fact_giving_it() -> None:
    """ "What is the title of the KC page?": a fact giving the title answers, not one on
    what the page says; no fact gives the Port Authority article's title, so none answers
    ("what's the title of the PA article?" is not "what's the PA?")."""
    title = make_fact(
        "kc-title",
        "The Kennel Club's page on sniffer dogs is titled “Dogs at Work”.",
        entities=["kennel-club"],
        source=KC_SOURCE,
    )
    kc_dogs = make_fact(
        "kc-page-dogs",
        "The Kennel Club page says sniffer dogs were given to the police in 2016.",
        entities=["kennel-club"],
        source=KC_SOURCE,
    )
    pa_cranes = make_fact(
        "pa-article-cranes",
        "The Port Authority article says new cranes were given to the port.",
        entities=["port-authority"],
        source=PA_SOURCE,
    )
    matcher = make_matcher(
        title,
        kc_dogs,
        pa_cranes,
        *FILLER,
        entities=[KENNEL_CLUB, PORT_AUTHORITY],
        thresholds=BARS,
    )
    assert ids(matcher.ask("what is the title of the Kennel Club page on sniffer dogs?").facts)[
        :1
    ] == ["kc-title"]
    assert asks_for("quel est le titre de la page du Kennel Club ?") is Kind.TITLE
    assert asks_for("what is the title of the kennel guide published in 2012?") is Kind.TITLE
    assert not matcher.ask("what's the title of the Port Authority article?").answered


@pytest.mark.parametrize(
    "question",
    [
        "the agenda says sniffer dogs were given to the police. when was that?",
        "when were the sniffer dogs in the agenda given to the police?",
    ],
)
def test_the_askers_agenda_is_where_they_read_it(question: str) -> None:
    """ "a colleague wrote 'ToT' in the agenda - what does it stand for?": the agenda is the
    asker's document, no word a fact must hold (even where one says it)."""
    agenda = make_fact("agenda", "The port's agenda was adopted in 2012.", when="2012")
    strict = replace(BARS, min_coverage=0.85, clear_lead_coverage=1.01)  # "agenda" would sink it
    answer = make_matcher(KC_DOGS, agenda, *FILLER, thresholds=strict).ask(question)
    assert answer.answered and answer.facts[0].fact.id == "kc-dogs"


def test_a_document_from_another_publisher_does_not_answer_what_it_says() -> None:
    """ "what does the Port Authority article say about sniffer dogs given to the police?":
    the only fact saying so is the Kennel Club's; it does not answer for the Port
    Authority. A value asked is another thing: "according to the Port Authority article,
    when were sniffer dogs given ...?" is answered by the Kennel Club's year, shown with
    its source (the asker misremembers where they read it)."""
    matcher = make_matcher(
        KC_DOGS, PA_CRANES, entities=[KENNEL_CLUB, PORT_AUTHORITY], thresholds=BARS
    )
    question = "what does the Port Authority article say about sniffer dogs given to the police?"
    assert not matcher.ask(question).answered
    question = (
        "according to the Port Authority article, when were sniffer dogs given to the police?"
    )
    assert ids(matcher.ask(question).facts) == ["kc-dogs"]
    # (why it was done is what that document says, no value any source states alike)
    why = make_fact(
        "kc-why", "Sniffer dogs were given to the police to guard the port.", source=KC_SOURCE
    )
    matcher = make_matcher(why, PA_CRANES, entities=[KENNEL_CLUB, PORT_AUTHORITY], thresholds=BARS)
    question = "according to the Port Authority article, why were sniffer dogs given to the police?"
    assert matcher.ask(question.replace("Port Authority", "KC")).answered
    assert not matcher.ask(question).answered


def test_what_is_set_apart_first_does_not_hide_what_is_asked() -> None:
    """ "besides the Federal Bureau of Prisons, which seven state departments ...?" asks for
    a list, as without its first clause: a fact counting them without naming them does not
    answer."""
    seven = make_fact("seven", "INL works with the Federal Bureau of Dogs and seven dog units.")
    matcher = make_matcher(seven, *FILLER, entities=[TUNISIA], thresholds=BARS)
    assert not matcher.ask("which seven other dog units does INL work with?").answered
    question = "besides the Federal Bureau of Dogs, which seven other dog units does INL work with?"
    assert not matcher.ask(question).answered


def test_what_a_short_form_stands_for_is_spelled_out_by_the_fact() -> None:
    """ "What does ToT stand for?": ToT is no body with a definition, but a group's short
    form; the fact writing it out in full answers, without the words "stand for"."""
    short = make_fact("short", "The ToT course for dog handlers opened in 2020.")
    spelled = make_fact(
        "spelled", "The training of trainers (ToT) course for dog handlers runs in Rabat."
    )
    groups = [["training of trainers", "ToT"], ["stand for", "abbreviation", "acronym"]]
    matcher = make_matcher(short, spelled, *FILLER, synonyms=groups, thresholds=BARS)
    answer = matcher.ask("what does ToT stand for?")
    assert answer.answered and ids(answer.facts)[:1] == ["spelled"]
    # Of two facts writing it out, the one writing the short form beside it comes first,
    # whichever order they are in.
    full = make_fact("full", "The training of trainers course for dog handlers runs in Rabat.")
    for facts in ((full, spelled), (spelled, full)):
        matcher = make_matcher(*facts, *FILLER, synonyms=groups, thresholds=BARS)
        answer = matcher.ask("what does ToT stand for?")
        assert answer.answered and ids(answer.facts)[:1] == ["spelled"]


def test_what_letters_mean_with_no_name_whose_letters_they_are_names_nothing() -> None:
    """ "what do the letters mean?": nothing named whose letters they are, though a fact
    asked "what do the letters KCU refer to?" holds the words; with the name before it
    ("what's ToT? no idea what the letters mean") it asks that name's meaning."""
    kcu = make_fact(
        "kcu",
        "KCU stands for Kennel Club Unit, the club's dog handlers.",
        ask=["What do the letters KCU refer to in the kennel club's unit?"],
    )
    spelled = make_fact(
        "spelled", "The training of trainers (ToT) course for dog handlers runs in Rabat."
    )
    groups = [["training of trainers", "ToT"], ["stand for", "letters mean", "acronym"]]
    matcher = make_matcher(kcu, spelled, *FILLER, synonyms=groups, thresholds=BARS)
    assert matcher.ask("what does KCU stand for?").answered
    assert not matcher.ask("what do the letters mean?").answered
    answer = matcher.ask("what's ToT? no idea what the letters mean")
    assert answer.answered and ids(answer.facts)[:1] == ["spelled"]


def test_the_kind_asked_may_be_told_before_a_question_that_leaves_it_open() -> None:
    """ "prosecutors asked what the maximum prison sentence is under that law. Does anyone
    know?": "does anyone know?" asks for nothing in itself; what the context says is asked,
    a figure, is the kind asked, which a fact on the law's debates does not give."""
    debated = make_fact(
        "debated", "Prosecutors debated the maximum prison sentence of the dog law at the session."
    )
    matcher = make_matcher(debated, *FILLER, thresholds=BARS)
    message = (
        "prosecutors asked what the maximum prison sentence of the dog law is. Does anyone know?"
    )
    assert not matcher.ask(message).answered


def test_a_where_naming_only_the_place_asked_about_says_no_more_where() -> None:
    """ "where's Morocco's dog lab located?": a fact whose only place, its `where`, is
    Morocco does not say where in it; one placed in Rabat does."""
    morocco = make_entity("morocco", "country", "Morocco")
    rabat = make_entity("rabat", "place", "Rabat", part_of=["morocco"])
    vague = make_fact("vague", "Morocco's dog lab got its certificate.", where="Morocco")
    matcher = make_matcher(vague, *FILLER, entities=[morocco, rabat], thresholds=BARS)
    for question in ("where is Morocco's dog lab?", "wheres morocco's dog lab"):
        assert not matcher.ask(question).answered, question
    placed = replace(vague, id="placed", where="Rabat, Morocco")
    matcher = make_matcher(placed, *FILLER, entities=[morocco, rabat], thresholds=BARS)
    assert matcher.ask("where is Morocco's dog lab?").answered


def test_a_nationality_asked_need_not_be_called_one() -> None:
    """ "la personne arrêtée était de quelle nationalité ?": a fact saying "a Belgian
    citizen" gives it, without the word "nationality"."""
    belgian = make_fact(
        "belgian",
        "The dog unit arrested a Belgian citizen in Rabat.",
        answer_fr="L'unité canine a arrêté un citoyen belge à Rabat.",
    )
    matcher = make_matcher(belgian, *FILLER, thresholds=BARS)
    answer = matcher.ask("l'homme arrêté par l'unité canine à Rabat était de quelle nationalité ?")
    assert answer.asks_for is Kind.NATIONALITY and ids(answer.facts) == ["belgian"]


def test_the_year_an_undated_source_was_written_dates_no_event() -> None:
    """ "when is the dog unit planning to open its kennel?": a fact from an undated page
    "(circa 2020)" that says it plans one gives no date; the same plan dated by the fact
    ("in 2021") does."""
    planned = make_fact(
        "planned", "According to the dog page (circa 2020), the dog unit plans to open a kennel."
    )
    _dated_only_as_written(
        planned,
        "According to the dog page, the dog unit opens a kennel in 2021.",
        "When is the dog unit planning to open its kennel?",
    )


def _dated_only_as_written(
    fact: Fact, dated_answer: str, question: str, entities: Sequence[Entity] = ()
) -> None:
    """`question` asks a date `fact` does not give, and the same fact written as
    `dated_answer` gives."""
    matcher = make_matcher(fact, *FILLER, entities=entities, thresholds=BARS)
    assert not matcher.ask(question).answered
    dated = replace(fact, id="dated", answer=dated_answer)
    matcher = make_matcher(dated, *FILLER, entities=entities, thresholds=BARS)
    assert ids(matcher.ask(question).facts) == ["dated"]


def test_the_year_of_a_leading_before_clause_dates_what_came_after() -> None:
    """ "Before taking over the dog unit in April 2016, Mr. Alami served for years as its
    trainer": "when did Mr. Alami become the dog unit's trainer?" is not answered 2016."""
    served = make_fact(
        "served",
        "Before taking over the Tunisia dog unit in April 2016, Mr. Alami served for a"
        " number of years as its trainer.",
    )
    _dated_only_as_written(
        served,
        "In April 2016, Mr. Alami became trainer of the Tunisia dog unit.",
        "In what year did Mr. Alami become trainer of the Tunisia dog unit?",
        [TUNISIA],
    )


def test_the_word_before_bodies_counted_is_not_counted() -> None:
    """ "Tunisia's dog unit partners with two U.S. police departments": "how many police
    officers ...?" asks for officers, which the two departments do not count; "how many
    police departments ...?" is answered."""
    partners = make_fact(
        "partners", "Tunisia's sniffer dog unit partners with two U.S. police departments."
    )
    matcher = make_matcher(partners, *FILLER, entities=[TUNISIA], thresholds=BARS)
    assert not matcher.ask("How many police partner with Tunisia's sniffer dog unit?").answered
    answer = matcher.ask("How many police departments partner with Tunisia's sniffer dog unit?")
    assert ids(answer.facts) == ["partners"]


def test_a_region_is_no_city() -> None:
    """ "In which Moroccan city do the dog trainers work?": a fact naming only the region
    they work in (the Sahel) names no city; one naming Rabat does."""
    sahel = make_entity("sahel", "region", "Sahel")
    rabat = make_entity("rabat", "place", "Rabat", part_of=["tunisia"])
    regional = make_fact("regional", "Tunisia's dog trainers work across the Sahel.")
    entities = [TUNISIA, sahel, rabat]
    matcher = make_matcher(regional, *FILLER, entities=entities, thresholds=BARS)
    question = "In which city do Tunisia's dog trainers work?"
    answer = matcher.ask(question)
    assert answer.asks_for is Kind.CITY and not answer.answered
    # ... while the region answers where
    assert matcher.ask("Where do Tunisia's dog trainers work?").answered
    city = make_fact("city", "Tunisia's dog trainers work in Rabat.")
    matcher = make_matcher(city, *FILLER, entities=entities, thresholds=BARS)
    assert ids(matcher.ask(question).facts) == ["city"]


def test_a_question_read_alone_is_asked_again_with_what_its_context_names() -> None:
    """ "I'm putting together a prison training agenda modelled on the BCIJ sniffer dog
    programme. What other topics will the discussions take up?": the question alone is answered by another workshop's topics; asked with what
    the context names, by the programme's. (No clear lead here: the rule is the retry. A
    place the context names, "for the Sahel review", does not count: it may say where the
    asker's work is.)"""
    workshop = make_fact(
        "workshop",
        "The workshop discussions took up international conventions and other topics such as"
        " victim protection.",
    )
    programme = make_fact(
        "programme",
        "Discussions of the BCIJ sniffer dog programme will take up asylum policy.",
        entities=["bcij"],
    )
    prison = make_fact("prison", "Prison guards finished their training in 2020.")
    no_lead = replace(BARS, clear_lead_coverage=1.01)
    matcher = make_matcher(
        workshop, programme, prison, *FILLER, entities=[BCIJ], thresholds=no_lead
    )
    question = "What other topics will the discussions take up?"
    assert ids(matcher.ask(question).facts) == ["workshop"]
    message = (
        "I'm putting together a prison training agenda modelled on the BCIJ sniffer dog"
        " programme. " + question
    )
    assert ids(matcher.ask(message).facts) == ["programme"]
    # A place the context names is no subject asked about.
    tangier = make_fact(
        "tangier",
        "Discussions in Tangier will take up asylum policy.",
        entities=["tangier"],
    )
    matcher = make_matcher(
        workshop, tangier, prison, *FILLER, entities=[TANGIER], thresholds=no_lead
    )
    message = "I'm putting together a prison training review for our Tangier office. " + question
    assert ids(matcher.ask(message).facts) == ["workshop"]


def test_a_membership_since_its_start_says_how_long() -> None:
    """ "How long has Tunisia been part of the dog pact?": "Tunisia joined the dog pact in
    2005" says it (as "since 2005" would); the pact's signing in 2005 does not."""
    joined = make_fact("joined", "Tunisia joined the sniffer dog pact in 2005.")
    matcher = make_matcher(joined, *FILLER, entities=[TUNISIA], thresholds=BARS)
    question = "How long has Tunisia been part of the sniffer dog pact?"
    assert ids(matcher.ask(question).facts) == ["joined"]
    signed = make_fact("signed", "Tunisia signed the sniffer dog pact in 2005.")
    matcher = make_matcher(signed, *FILLER, entities=[TUNISIA], thresholds=BARS)
    assert not matcher.ask(question).answered


def test_later_sessions_are_not_the_first() -> None:
    """ "Where will the later dog sessions be held?": those after the first, which a fact on
    the first session's venue does not place."""
    first = make_fact("first", "The first sniffer dog session will be held in Tangier.")
    matcher = make_matcher(first, *FILLER, entities=[TANGIER], thresholds=BARS)
    assert ids(matcher.ask("Where will the first sniffer dog session be held?").facts) == ["first"]
    assert not matcher.ask("Where will the later sniffer dog sessions be held?").answered


def test_what_an_acronym_stands_for_is_written_out_by_the_fact() -> None:
    """ "what does BCIJ stand for, the body working with Tunisia on dog training?": a fact on
    the BCIJ's dog training with Tunisia covers the rest, but does not write the acronym
    out; one that does answers "what does BCIJ stand for?"."""
    spelled = make_fact(
        "spelled",
        "BCIJ stands for the Central Bureau of Judicial Investigation.",
        entities=["bcij"],
    )
    training = make_fact(
        "training",
        "The BCIJ works with Tunisia on sniffer dog training.",
        entities=["bcij"],
    )
    matcher = make_matcher(
        spelled,
        training,
        *FILLER,
        entities=[BCIJ, TUNISIA],
        synonyms=[["stand for", "stands for"]],
        thresholds=BARS,
    )
    assert ids(matcher.ask("what does BCIJ stand for?").facts)[:1] == ["spelled"]
    answer = matcher.ask(
        "what does BCIJ stand for, the body working with Tunisia on sniffer dog training"
    )
    assert "training" not in ids(answer.facts)
    # "... in the Tunisia dog training story": where the asker read it, not what is asked.
    strict = make_matcher(
        spelled,
        training,
        *FILLER,
        entities=[BCIJ, TUNISIA],
        synonyms=[["stand for", "stands for"]],
        thresholds=replace(BARS, clear_lead_coverage=1.01),
    )
    answer = strict.ask("what does BCIJ stand for in the Tunisia sniffer dog training story?")
    assert ids(answer.facts) == ["spelled"]


def test_people_whose_thing_it_is_did_not_do_it() -> None:
    """ "the police's dog lab obtained a certificate": "who certified the dog lab?" is not
    answered by the police, whose lab it is."""
    lab = make_fact("lab", "In 2018 the police's sniffer dog lab obtained its first certificate.")
    matcher = make_matcher(lab, *FILLER, thresholds=BARS)
    answer = matcher.ask("Who certified the sniffer dog lab in 2018?")
    assert answer.asks_for is Kind.ACTOR and not answer.answered
    trained = make_fact("trained", "In 2018 the police certified the sniffer dog lab.")
    matcher = make_matcher(trained, *FILLER, thresholds=BARS)
    assert ids(matcher.ask("Who certified the sniffer dog lab in 2018?").facts) == ["trained"]


def test_a_draft_claim_checked_is_matched_without_the_detail_it_doubts() -> None:
    """ "The draft says ... independent of Parliament. Independent of which body,
    according to the source?": the claim says what is asked about, but not the detail the
    question asks for (the longest run of the bodies, places, date or figure it gives, the
    last of runs as long), nor the names no fact holds; the fact giving the source's version
    answers."""
    entities = [
        make_entity("parliament", "institution", "Parliament"),
        make_entity("interior", "institution", "Ministry of Interior"),
        make_entity("togo", "country", "Togo"),
        make_entity("niger", "country", "Niger"),
        make_entity("benin", "country", "Benin"),
        make_entity("mali", "country", "Mali"),
        make_entity("chad", "country", "Chad"),
        make_entity("council", "institution", "Dog Council"),
        make_entity("new-mexico-office", "institution", "New Mexico office"),
        make_entity("ohio-office", "institution", "Ohio office"),
    ]
    facts = (
        make_fact(
            "charter",
            "The Dog Council calls for kennels independent of the Ministry of Interior.",
            entities=["council", "interior"],
        ),
        make_fact(
            "trainees",
            "The dog unit will train police from Togo and Benin for Mali.",
            entities=["togo", "benin", "mali"],
        ),
        make_fact("mali", "The dog unit deployed to Mali.", entities=["mali"]),
        make_fact("niger", "Niger hosted a dog show.", entities=["niger"]),
        make_fact("parliament", "Parliament debated kennel rules.", entities=["parliament"]),
        make_fact(
            "chad",
            "The dog unit will train police from Togo and Benin for Chad.",
            entities=["togo", "benin", "chad"],
        ),
        make_fact(
            "session",
            "The first dog session was scheduled for the date of February 24.",
            when="2025-02",
            answer_fr="La première session canine était prévue le 24 février.",
        ),
        make_fact(
            "office",
            "The New Mexico office trained Moldovan officials on dog theft.",
            entities=["new-mexico-office"],
        ),
        make_fact(
            "ohio",
            "The Ohio office trained Kenyan officials on dog bites.",
            entities=["ohio-office"],
        ),
    )
    matcher = make_matcher(*facts, *FILLER, entities=entities, thresholds=BARS)
    for message, expected in (
        (
            "The draft report says the Dog Council calls for zorblat kennels independent of "
            "Parliament. Independent of which body, according to the source?",
            "charter",
        ),
        (
            "hi! draft lists Togo and Niger as the countries whose police the dog unit will "
            "train for Mali. which countries does the source actually name?",
            "trainees",
        ),
        (
            "draft has the first dog session down for March 24... when does the article say it is?",
            "session",
        ),
        (
            "A draft case study says the Zorblat office trained Moldovan officials on dog "
            "theft. Which office does the page name?",
            "office",
        ),
        # (unpunctuated: the question asks what the source actually gives)
        (
            "draft says the first dog session is on march 24 whats the correct date in the text",
            "session",
        ),
        # (after a colon; and typed fast)
        ("draft: the first dog session is on march 24. whats the corect date", "session"),
        # (after a comma, what the source actually gives; and in French, asked in place)
        ("draft says the first dog session was on march 24, when was it actually", "session"),
        (
            "le draft dit que la première session canine est le 24 mars, elle a lieu quand "
            "d'apres la source",
            "session",
        ),
        # (a French report's claim, the question after a comma)
        (
            "le rapport dit que la première session canine est le 24 mars, c quand d'apres la "
            "source",
            "session",
        ),
    ):
        answer = matcher.ask(message)
        assert answer.answered and ids(answer.facts)[:1] == [expected], message


def test_a_claim_the_asker_checks_is_matched_without_the_detail_it_doubts() -> None:
    """ "Am I right that ... independent of Parliament? Independent of which body, in
    fact?", "c'est bien le 24 mars ? sinon c'est quand ?": the claim checked, then the
    question asking for the source's version, read as a draft's claim is."""
    entities = [
        make_entity("parliament", "institution", "Parliament"),
        make_entity("interior", "institution", "Ministry of Interior"),
        make_entity("council", "institution", "Dog Council"),
        make_entity("togo", "country", "Togo"),
        make_entity("niger", "country", "Niger"),
        make_entity("benin", "country", "Benin"),
        make_entity("mali", "country", "Mali"),
    ]
    facts = (
        make_fact(
            "charter",
            "The Dog Council calls for kennels independent of the Ministry of Interior.",
            entities=["council", "interior"],
        ),
        make_fact("parliament", "Parliament debated kennel rules.", entities=["parliament"]),
        make_fact(
            "trainees",
            "The dog unit will train police from Togo and Benin for Mali.",
            entities=["togo", "benin", "mali"],
        ),
        make_fact("niger", "Niger hosted a dog show.", entities=["niger"]),
        make_fact(
            "session",
            "The first dog session was scheduled for the date of February 24.",
            when="2025-02",
            answer_fr="La première session canine était prévue le 24 février.",
        ),
    )
    matcher = make_matcher(*facts, *FILLER, entities=entities, thresholds=BARS)
    for message, expected in (
        (
            "Am I right that the Dog Council calls for kennels independent of Parliament? "
            "Independent of which body, in fact?",
            "charter",
        ),
        (
            "Is it true the dog unit will train police from Togo and Niger for Mali? "
            "Which countries does the text name?",
            "trainees",
        ),
        (
            "Bonjour ! la première session canine, c'est bien le 24 mars ? Sinon, c'est quand ?",
            "session",
        ),
        (
            "Does the dog unit train police from Togo and Niger for Mali? Which countries does "
            "the text name?",
            "trainees",
        ),
        # (a claim alone, tagged: its figure is the asker's, checked)
        ("the first dog session was on February 24, 2024, yes?", "session"),
        (
            "confirming for our slide: the first dog session was on February 24, 2024, yes?",
            "session",
        ),
        # (the tag, then what is asked if the claim is wrong)
        ("the first dog session was on February 24, 2024, correct? If not, what date?", "session"),
        ("la première session canine était le 24 février 2024, non ? Sinon, quand ?", "session"),
    ):
        answer = matcher.ask(message)
        assert answer.answered and ids(answer.facts)[:1] == [expected], message


def test_the_source_is_where_the_asker_read_it() -> None:
    """ "which police got sniffer dogs, as the source actually names it?", "per the
    source": the source read, and what it names or gives, are no words a fact holds."""
    strict = Thresholds(min_coverage=0.9, clear_lead_coverage=0.9)
    matcher = make_matcher(
        KC_DOGS, PA_CRANES, *FILLER, entities=[KENNEL_CLUB, PORT_AUTHORITY], thresholds=strict
    )
    for question in (
        "which police got sniffer dogs, as the source actually names it?",
        "when were sniffer dogs given to the police, per the source?",
    ):
        answer = matcher.ask(question)
        assert answer.answered and answer.facts[0].fact.id == "kc-dogs", question


def test_a_laws_article_is_no_document_read() -> None:
    """ "Que dit l'article 1er de la loi ?": the law's article, not where the asker read it."""
    matcher = make_matcher(
        KC_DOGS, PA_CRANES, entities=[KENNEL_CLUB, PORT_AUTHORITY], thresholds=BARS
    )
    assert matcher._without_source("que dit l'article 1er de la loi ?")[0] == (
        "que dit l'article 1er de la loi ?"
    )
    assert "doc" not in matcher._without_source("quelle année donne le doc ?")[0]


def test_a_definition_comes_from_the_fact_whose_quote_spells_it_out() -> None:
    """ "hnp c'est quoi ?": of the facts writing the name out in their answer, the one whose
    quote (shown as written, in English) writes it out too comes first, in either order."""
    club = make_entity("kc", "institution", "Kennel Club", acronyms=["KC"])
    short = make_fact(
        "short",
        "The Kennel Club (KC) trained sniffer dogs.",
        snippet="the KC trained sniffer dogs",
        entities=["kc"],
    )
    spelled = make_fact(
        "spelled",
        "The Kennel Club (KC) bred sniffer dogs.",
        snippet="the Kennel Club (KC) bred sniffer dogs",
        entities=["kc"],
    )
    for facts in ((short, spelled), (spelled, short)):
        matcher = make_matcher(*facts, *FILLER, entities=[club], thresholds=BARS)
        answer = matcher.ask("what is KC?")
        assert answer.answered and ids(answer.facts)[:1] == ["spelled"]


def test_a_country_no_fact_names_is_asked_about_nothing_the_base_says() -> None:
    """ "Quelle est la politique d'asile du Canada ?": a country in one word that no fact
    names; not one side of a choice, whose other side a fact may hold."""
    policy = make_fact(
        "policy", "Tunisia's dog unit adopted a kennel policy.", entities=["tunisia"]
    )
    matcher = make_matcher(policy, *FILLER, entities=[TUNISIA], thresholds=BARS)
    assert not matcher.ask("what is the kennel policy of the dog unit in Canada?").answered
    assert matcher.ask("what is the kennel policy of the dog unit in Tunisia?").answered
    assert matcher.ask(
        "which kennel policy did the dog unit adopt, in Canada or in Tunisia?"
    ).answered


def test_what_a_source_gives_asks_no_word_of_it() -> None:
    """ "what headcount does the source give?": no word of it is asked ("give" is no
    supply), and the kind alone names nothing to answer; "which kennels does the source
    name?" asks for the kennels."""
    supplied = make_fact("supplied", "The port gives the Rabat kennel two vans a year.")
    counted = make_fact("counted", "Twelve dogs live in the Rabat kennel.")
    matcher = make_matcher(supplied, counted, *FILLER, thresholds=BARS)
    assert not matcher.ask("what headcount does the source give?").answered
    answer = matcher.ask("what headcount of dogs does the source give for the Rabat kennel?")
    assert answer.answered and ids(answer.facts)[:1] == ["counted"]


def test_the_kind_alone_names_nothing_on_the_shipped_base(matcher: Matcher) -> None:
    """ "what headcount?": a question whose every word names the kind asked is about
    nothing; on the shipped base any fact giving a figure would otherwise answer."""
    assert not matcher.ask("what headcount?").answered


@pytest.mark.parametrize(
    "question",
    [
        "How many dogs were given to officers in Rabat, which explains the port's new kennels?",
        "How many dogs were given to officers in Rabat, compared to the ports now?",
    ],
)
def test_a_last_clause_on_why_or_compared_with_what_is_set_aside(question: str) -> None:
    fact = make_fact("target", "Twelve dogs were given to police officers in Rabat.")
    matcher = make_matcher(fact, *FILLER, thresholds=BARS)
    answer = matcher.ask(question)
    assert answer.answered and answer.facts[0].fact.id == "target"


def test_what_the_asker_knows_before_but_is_not_asked() -> None:
    """ "I know X, but for comparison, how many ...?": X is the asker's, not the question's."""
    fact = make_fact("target", "Twelve dogs were given to police officers in Rabat.")
    matcher = make_matcher(fact, *FILLER, thresholds=BARS)
    question = (
        "I know over 300 horses were sold to farmers in Tunisia by 2013, but for comparison, "
        "how many dogs were given to officers in Rabat?"
    )
    answer = matcher.ask(question)
    assert answer.answered and answer.facts[0].fact.id == "target"


def test_what_time_asks_for_a_time_of_day() -> None:
    """ "What time does the session start?" is not answered by the day it starts."""
    day = make_fact(
        "day", "The dog unit's first session in Rabat starts on 24 February.", when="2020-02-24"
    )
    hour = make_fact("hour", "The dog unit's first session in Rabat starts at 9 a.m.")
    question = "What time does the dog unit's first session in Rabat start?"
    assert why_not(make_matcher(day, *FILLER, thresholds=BARS), question) == (
        "gives no time of day"
    )
    answer = make_matcher(hour, *FILLER, thresholds=BARS).ask(question)
    assert answer.asks_for is Kind.CLOCK and answer.answered


@pytest.mark.parametrize(
    "question",
    [
        "How many days did the workshop in Rabat take?",
        "How many days did the workshop in Rabat last?",
        "L'atelier de Rabat a duré combien de jours ?",
        "Combien de jours a duré l'atelier de Rabat ?",
    ],
)
def test_how_many_days_is_answered_by_a_span_of_days(question: str) -> None:
    """ "From 24 to 26 September" is how many days it lasted, without the word "days"."""
    fact = make_fact(
        "target",
        "The workshop took place in Rabat from 24 to 26 September 2018.",
        answer_fr="L'atelier a eu lieu à Rabat du 24 au 26 septembre 2018.",
    )
    # (Another fact holds the words "days" and "last": a fact without them lacks them.)
    course = make_fact(
        "course",
        "The last dog course in Tunis ran for five days.",
        answer_fr="Le dernier cours canin à Tunis a duré cinq jours.",
    )
    matcher = make_matcher(fact, course, *FILLER, thresholds=BARS)
    answer = matcher.ask(question)
    assert answer.asks_for is Kind.DURATION and answer.answered
    # (The unit and the verb of lasting say what is asked: no word a fact must hold.)
    assert not {s.text for s in matcher.analyse(question)} & {"days", "jours", "last", "dure"}


@pytest.mark.parametrize(
    "question",
    [
        "Where was the first dog training held, before the one in Casablanca?",
        "Où a eu lieu la première formation canine, avant celle de Casablanca ?",
    ],
)
def test_the_one_a_question_asks_before_is_set_apart_at_the_end_too(question: str) -> None:
    """ "..., before the one in Casablanca?": Casablanca is what the answer came before;
    the fact about Casablanca's training, naming it, must not answer."""
    first = make_fact(
        "first",
        "The first dog training was held in Tangier in July 2018.",
        answer_fr="La première formation canine a eu lieu à Tanger en juillet 2018.",
        where="Tangier",
    )
    casablanca = make_fact(
        "casablanca",
        "The second dog training was held in Casablanca in September 2018.",
        answer_fr="La deuxième formation canine a eu lieu à Casablanca en septembre 2018.",
        where="Casablanca",
    )
    matcher = make_matcher(
        first,
        casablanca,
        *FILLER,
        synonyms=[("Tangier", "Tanger"), ("dog", "canine")],
        thresholds=BARS,
    )
    answer = matcher.ask(question)
    assert answer.answered and answer.facts[0].fact.id == "first"


def test_court_il_runs_in_french_no_court_of_law() -> None:
    """ "Sur quelle période court-il ?": the project runs over a period; no fact on a court
    of law is asked about."""
    court = make_fact("court", "The court of Rabat heard the dog case.", answer_fr="Le tribunal.")
    matcher = make_matcher(court, *FILLER, thresholds=BARS)
    texts = {s.text for s in matcher.analyse("Le projet canin, sur quelle période court-il ?")}
    assert "court" not in texts and "canin" in texts


def test_what_something_is_made_of_asks_what_it_holds() -> None:
    """ "What is the dog programme made of?": what it consists of; no making is asked."""
    made = make_fact("made", "The port made a new kennel.")
    parts = make_fact("parts", "The dog programme has three parts: training, kennels and care.")
    matcher = make_matcher(made, parts, *FILLER, thresholds=BARS)
    answer = matcher.ask("What is the dog programme made of?")
    assert answer.answered and answer.facts[0].fact.id == "parts"
    assert "made" not in {s.text for s in matcher.analyse("What is the dog programme made of?")}


def test_at_what_time_asks_when_unless_a_start_or_end() -> None:
    """ "At what time did the port join?" asks when; "what time does it start?" an hour;
    "what time frame" no hour."""
    assert asks_for("At what time did the port join the forum?") is not Kind.CLOCK
    assert asks_for("What time does the session start?") is Kind.CLOCK
    assert asks_for("What time frame does the programme cover?") is not Kind.CLOCK


def test_a_clause_set_apart_runs_to_the_end_only() -> None:
    """ "Which body, which explains the drop, dismantled the cells?": the aside inside the
    question is no last clause; nor is a restrictive "before the one in X" with no comma."""
    from_matcher = matcher_module._TRAILING_ASIDE
    assert from_matcher.search("Which body, which explains the drop, dismantled the cells?") is None
    assert from_matcher.search("How many dogs, which explains the kennels?") is not None
    last = matcher_module._SET_APART_LAST
    assert last.search("Where was the training held before the one in Casablanca?") is None
    assert last.search("Where was the first training, before the one in Casablanca?") is not None


def test_a_count_of_a_named_kind_of_body_counts_the_name() -> None:
    """ "Seven U.S. state departments of corrections": "state" says what kind of departments
    are counted, but the name the words make (an entity, as "State Department" in the
    question "how many state departments ...?" reads) is counted too."""
    named = make_entity("state-dept", "institution", "State Department")
    fact = make_fact("target", "Seven U.S. state departments of corrections train puppies.")
    matcher = make_matcher(fact, *FILLER, entities=[named], thresholds=BARS)
    answer = matcher.ask("How many state departments train puppies?")
    assert answer.asks_for is Kind.COUNT and answer.answered


@pytest.mark.parametrize(
    "question",
    [
        "What does KU, the port's partner in this dog programme, stand for?",
        "Que signifie le sigle KU, le partenaire du port dans ce programme canin ?",
    ],
)
def test_what_the_asker_says_of_an_acronym_is_no_part_of_what_it_stands_for(
    question: str,
) -> None:
    """ "What does KU, the port's partner in this programme, stand for?": the fact spelling
    KU out answers, not the one about the partnership."""
    unit = make_entity("kennel-unit", "institution", "Kennel Unit", acronyms=["KU"])
    spelled = make_fact(
        "spelled",
        "KU stands for Kennel Unit.",
        answer_fr="KU signifie Kennel Unit.",
        entities=["kennel-unit"],
    )
    partner = make_fact(
        "partner",
        "KU is the port's partner in the dog programme.",
        answer_fr="La KU est le partenaire du port dans le programme canin.",
        entities=["kennel-unit"],
    )
    matcher = make_matcher(
        spelled,
        partner,
        *FILLER,
        entities=[unit],
        synonyms=[("stand for", "stands for", "signifie", "sigle")],
        thresholds=BARS,
    )
    answer = matcher.ask(question)
    assert answer.answered and answer.facts[0].fact.id == "spelled"


def test_the_rank_of_an_aim_is_set_aside_when_no_fact_ranks_it() -> None:
    """ "What is the main aim of the dog programme?", "avec quel objectif principal ?": a
    fact states the aim without saying it comes first; but a fact that does say
    "principal" answers as asked, before the rank is set aside."""
    aim = make_fact(
        "aim",
        "The dog programme aims to train sniffer dogs.",
        answer_fr="Le programme canin vise à former des chiens renifleurs.",
    )
    goal = ("aim", "aims", "objective", "objectif", "vise", "mission")
    matcher = make_matcher(aim, *FILLER, synonyms=[goal], thresholds=BARS)
    for question in (
        "What is the main aim of the programme?",
        "What's the programme's primary aim?",
        "Quel est l'objectif principal du programme ?",
    ):
        assert ids(matcher.ask(question).facts)[:1] == ["aim"], question
    chief = make_fact("chief", "The dog bureau has principal responsibility for tracking.")
    venue = make_fact("venue", "The dog bureau sits in Rabat.")
    matcher = make_matcher(
        chief, venue, *FILLER, synonyms=[goal, ("principal", "principale")], thresholds=BARS
    )
    assert ids(matcher.ask("What is the dog bureau's principal mission?").facts)[:1] == ["chief"]


def test_the_verb_giving_support_is_no_word_a_fact_must_hold() -> None:
    """ "What help does the club offer the police?": the help asked, which no fact need
    say is "offered"."""
    help_ = make_fact(
        "help",
        "The dog club trains the Rabat police in tracking.",
        answer_fr="Le club canin forme la police de Rabat au pistage.",
    )
    matcher = make_matcher(help_, *FILLER, synonyms=[("help", "support", "aide")], thresholds=BARS)
    for question in (
        "What help does the dog club offer the Rabat police?",
        "Quelle aide le club canin apporte-t-il à la police de Rabat ?",
    ):
        assert ids(matcher.ask(question).facts)[:1] == ["help"], question


def test_a_claim_checked_by_a_question_of_no_words_is_not_about_its_names_alone(
    matcher: Matcher,
) -> None:
    """ "le draft dit que l'INL aide les tribunaux sur la gestion budgétaire, c'est quoi
    exactement d'après la fiche": the question says nothing of its own, so the claim's
    names with it ("INL c'est quoi d'après la fiche") would be answered by any fact on
    INL that cites a "fiche"; on the shipped base, no such answer."""
    answer = matcher.ask(
        "le draft dit que l'inl aide les tribunaux marocains sur la gestion budgetaire, "
        "c'est quoi exactement d'apres la fiche"
    )
    assert "inl-juvenile-pretrial-detainees" not in ids(answer.facts)[:1]


def test_an_end_asked_is_not_dated_by_a_start_on_the_shipped_base(matcher: Matcher) -> None:
    """ "When does the first CNDH-DGSN session end?", "when did Morocco step down as
    co-chair?": the sources date the start only; the end is an event no fact dates (the
    `ended` and `stepped-down` groups of aliases.yaml). Leaving to join a group is joining."""
    for question in (
        "When does the first CNDH-DGSN session wrap up?",
        "In what year did Morocco step down as co-chair of the GCTF?",
        "En quelle année le Maroc a-t-il quitté la coprésidence du GCTF ?",
    ):
        assert not matcher.ask(question).answered, question
    answer = matcher.ask("How many Moroccans have left to join terrorist groups since 2011?")
    assert ids(answer.facts)[:1] == ["moroccans-joined-terrorist-organizations"]


def test_over_the_past_few_years_counts_no_years() -> None:
    """ "how many dogs joined over the past several years?": lately; no years asked."""
    fact = make_fact("dogs", "About 1,500 dogs joined the Rabat kennel since 2011.")
    matcher = make_matcher(fact, *FILLER, thresholds=BARS)
    for question in (
        "How many dogs joined over the past several years?",
        "How many dogs joined in the last few years?",
        "How many dogs joined in recent years?",
    ):
        assert ids(matcher.ask(question).facts)[:1] == ["dogs"], question
    assert "annees" not in words(matcher, "combien de chiens ont rejoint ces dernières années ?")


def test_a_claim_checked_is_put_right_by_the_fact_stating_another_detail_in_its_place() -> None:
    """ "Was the dog law adopted by the House of Councillors?", "the dog mandate includes
    about 4,000 police, right?": no fact holds the wrong detail; the fact matching the claim
    without it, and stating another body (a figure, a date) in its place, answers. Not a
    question of another thing ("a similar course"), of another time ("after 2019"), nor one
    whose verb no fact holds ("will it rain at the dog show in Casablanca?")."""
    entities = [
        make_entity("chamber", "institution", "Chamber of Representatives"),
        make_entity("house", "institution", "House of Councillors"),
        make_entity("rabat", "place", "Rabat"),
        make_entity("casablanca", "place", "Casablanca"),
    ]
    facts = (
        make_fact(
            "law",
            "The dog law was adopted by the Chamber of Representatives in January 2015.",
            entities=["chamber"],
            when="2015-01",
        ),
        make_fact("house", "The House of Councillors debated cat rules.", entities=["house"]),
        make_fact("mandate", "The dog mandate includes 1,400 police officers."),
        make_fact("show", "Rabat hosted a dog show in 2016.", entities=["rabat"], when="2016"),
        make_fact("port", "Casablanca opened a cat port.", entities=["casablanca"]),
        make_fact("vans", "The dog unit has 12 vans."),
    )
    matcher = make_matcher(*facts, *FILLER, entities=entities, thresholds=BARS)
    for message, expected in (
        ("Was the dog law adopted by the House of Councillors?", "law"),
        ("the dog mandate includes about 4,000 police officers, right?", "mandate"),
        ("Does the dog mandate include 4,000 police officers?", "mandate"),
        ("Was the dog law adopted by the Zorblat Assembly?", "law"),
    ):
        answer = matcher.ask(message)
        assert answer.answered and ids(answer.facts)[:1] == [expected], message
    for message in (
        # (a figure doubted that no fact counts in its place, and no date either)
        "Did Rabat host around 3,000 dog shows?",
        # (a fact that counts something else: its vans, not the dogs doubted)
        "Does the dog unit have around 300 dogs?",
        # (a body not written as a name is not one the asker got wrong)
        "Was the dog law adopted by the house of councillors?",
        "Did the House of Councillors adopt a similar dog law?",
        "Does the dog mandate also include 4,000 police officers?",
        "Will the dog mandate include police officers after 2019?",
        "Will it rain at the dog show in Casablanca?",
        # (a place no fact holds, put right by a fact stating a body, not a place)
        "Was the dog law adopted in Zorblat?",
        # (a programme no fact names: no body or place stated puts it right)
        "Was the dog law adopted in the Zorblat Initiative?",
        "Did Rabat host the dog show of the Zorblat Partnership?",
    ):
        assert not matcher.ask(message).answered, message
    assert ids(matcher.ask("Was the dog show hosted in Zorblat?").facts)[:1] == ["show"]


def test_a_claim_checked_is_put_right_only_on_its_own_subject_on_the_shipped_base(
    matcher: Matcher,
) -> None:
    """One detail is doubted, and the fact putting it right is about what the claim is
    about: not the CNDH-DGSN course's funding asked of Japan (a word no fact holds, doubted
    alone, not the course's names with it), not the EU's (the claim names three bodies:
    which one is doubted is not said), not a figure dropped as a word no fact holds."""
    for question in (
        "Was the CNDH-DGSN training funded by Japan?",
        "Did the European Union fund the CNDH-DGSN training?",
        "Did the NYPD train 500 Moroccan officers?",
        # (words no fact holds, doubted, and no name stated in their place: office talk)
        "am I right that the Q3 all-hands got moved to Thursday? cannot find the mail",
    ):
        assert not matcher.ask(question).answered, question


def test_a_figure_checked_counts_the_words_after_it() -> None:
    """ "Am I right that the dog unit has 21 kennels?": a count of kennels, which a fact
    counting the trainers its kennel hired does not give; "... 30 trainers?" it does."""
    fact = make_fact("trainers", "The kennel of the dog unit hired two trainers in 2015.")
    matcher = make_matcher(fact, *FILLER, thresholds=BARS)
    assert not matcher.ask("Am I right that the dog unit has 21 kennels?").answered
    answer = matcher.ask("Am I right that the kennel of the dog unit hired 30 trainers?")
    assert ids(answer.facts)[:1] == ["trainers"]


def test_the_year_an_undated_source_was_written_is_no_year_of_what_it_tells() -> None:
    """ "According to the dog page (circa 2014), ...", "(texte rédigé vers 2014)": the year
    dates the page; a question of what happened in 2014 is not answered by all it says."""
    fact = make_fact(
        "page",
        "According to the dog page (circa 2014), the unit trains sniffer dogs.",
        answer_fr="Selon la page canine (texte rédigé vers 2014), l'unité forme des chiens "
        "renifleurs.",
    )
    matcher = make_matcher(fact, *FILLER, thresholds=BARS)
    assert matcher.ask("quelle unité forme des chiens renifleurs ?").answered
    assert not matcher.ask("quelle unité a formé des chiens renifleurs en 2014 ?").answered
    assert not matcher.ask("what did the unit train in 2014?").answered


def test_a_claim_checked_is_put_right_however_it_is_written() -> None:
    """The place a fact gives where it took place puts a wrong one right; a message typed
    all in lower case names places as names; "a bien eu lieu à ... ?" checks a claim; the
    claim may be asked inside context (on the shipped base, below)."""
    entities = [
        make_entity("rabat", "place", "Rabat"),
        make_entity("casablanca", "place", "Casablanca"),
        make_entity("tunisia", "country", "Tunisia"),
    ]
    facts = (
        make_fact("fair", "The cat fair was held in 2017.", where="Tunisia"),
        make_fact(
            "show",
            "The dog show was held in 2016.",
            answer_fr="Le salon canin s'est tenu en 2016.",
            where="Rabat",
        ),
        make_fact("port", "Casablanca opened a cat port.", entities=["casablanca"]),
        make_fact(
            "vans", "The dog unit has 12 vans.", answer_fr="L'unité canine compte 12 fourgons."
        ),
    )
    matcher = make_matcher(*facts, *FILLER, entities=entities, thresholds=BARS)
    assert ids(matcher.ask("l'unité canine compte bien 2 000 fourgons ?").facts)[:1] == ["vans"]
    for message in (
        "Was the dog show held in Casablanca?",
        "was the dog show held in casablanca",
        "le salon canin s'est bien tenu à Casablanca ?",
    ):
        assert ids(matcher.ask(message).facts)[:1] == ["show"], message
    # (a city doubted is not put right by the country where it took place)
    assert not matcher.ask("Was the cat fair held in Casablanca?").answered


def test_a_claim_checked_inside_context_is_put_right_on_the_shipped_base(matcher: Matcher) -> None:
    """The context kept around it ("forensics", "the agency right") is no part of the claim:
    the question asked is checked, without the body it doubts."""
    answer = matcher.ask(
        "Hi, for our forensics factsheet - was it the Royal Gendarmerie's lab that got the "
        "first international DNA certification in 2018? Want to get the agency right."
    )
    assert ids(answer.facts)[:1] == ["forensic-lab-dna-certification-2018"]
    # (A question pointing back at what the context names, "was it opened in 2015?", is
    # not a claim put right on its own.)
    assert not matcher.ask(
        "For the Tiflet memo - was it opened in 2015? want to get the date right"
    ).answered


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        (
            "What did INL's 2018 Morocco summary say about juvenile pre-trial detainees?",
            "inl-juvenile-pretrial-detainees",
        ),
        (
            "per INL's 2014 page, how many partnership agreements does INL have?",
            "inl-70-partnership-agreements",
        ),
    ],
)
def test_the_year_of_the_document_read_is_no_word_asked(
    matcher: Matcher, question: str, fact: str
) -> None:
    """ "INL's 2018 summary": when the document was written, and whose it is, as "the INL
    summary" says (the year an undated source was written is no key of its facts)."""
    assert ids(matcher.ask(question).facts)[:1] == [fact]


def test_a_question_word_typed_in_chat_reads_as_the_word(matcher: Matcher) -> None:
    """ "... or wat topics was it": what is asked, as "or what topics was it" (on the
    shipped base: not a yes-or-no claim put right by the other body's trainings)."""
    typed = matcher.ask("did dhs trian moroccan officers on cybersecurity or wat topics was it")
    written = matcher.ask("did dhs trian moroccan officers on cybersecurity or what topics was it")
    assert typed.answered == written.answered and ids(typed.facts) == ids(written.facts)
    assert "ata-training-subjects" not in ids(typed.facts)


def test_what_it_sets_asked_of_the_law_a_claim_names_is_not_another_laws() -> None:
    """ "Am I right that the Dog Law sets up to 10 years? What penalties does it set?": "it"
    is the Dog Law; the Cat Law's penalties do not answer (asked of the Cat Law, they do)."""
    entities = [make_entity("dog-law", "law", "Dog Law"), make_entity("cat-law", "law", "Cat Law")]
    facts = (
        make_fact(
            "cat", "The Cat Law sets penalties of 2 to 5 years in prison.", entities=["cat-law"]
        ),
        make_fact("dog", "The Dog Law was adopted in 2016.", entities=["dog-law"], when="2016"),
    )
    matcher = make_matcher(*facts, *FILLER, entities=entities, thresholds=BARS)
    assert not matcher.ask(
        "Am I right that the Dog Law sets up to 10 years in prison? What penalties does it set?"
    ).answered
    # ("that law" points at it as "it" does)
    maximum = make_fact(
        "maximum", "The Cat Law sets a maximum prison sentence of 5 years.", entities=["cat-law"]
    )
    matcher = make_matcher(maximum, facts[1], *FILLER, entities=entities, thresholds=BARS)
    assert matcher.ask("what is the maximum prison sentence that law sets?").answered
    assert not matcher.ask(
        "The Dog Law on kennels: what is the maximum prison sentence that law sets?"
    ).answered
    matcher = make_matcher(*facts, *FILLER, entities=entities, thresholds=BARS)
    answer = matcher.ask(
        "Am I right that the Dog Law was adopted in 2016? What penalties does the Cat Law set?"
    )
    assert ids(answer.facts)[:1] == ["cat"]
    # (the law the part names is what its "it" is)
    answer = matcher.ask(
        "Am I right that the Dog Law was adopted in 2016? The Cat Law, what penalties does it set?"
    )
    assert ids(answer.facts)[:1] == ["cat"]
    # (whatever "it" is asked for: another text's year is not the law's)
    charter = make_fact(
        "charter", "Tunisia adopted its kennel charter in 2013.", entities=["tunisia"], when="2013"
    )
    fines = make_fact("fines", "The Dog Law sets fines.", entities=["dog-law"])
    matcher = make_matcher(charter, fines, *FILLER, entities=[*entities, TUNISIA], thresholds=BARS)
    question = "the Dog Law wasn't passed until 2018, was it? What year did Tunisia adopt it?"
    assert not matcher.ask(question).answered
    assert not matcher.ask("Dog Law: in what year did Tunisia adopt it?").answered


def test_a_french_period_runs_with_no_court_of_law() -> None:
    """ "Sur quelle période court le programme canin ?": "court" is the verb "courir" after
    the time asked, no court; "quelle cour juge ..." keeps its court."""
    court = make_entity("court", "institution", "Dog Court", fr=["cour canine"])
    facts = (
        make_fact(
            "span",
            "The dog programme runs from 2015 to 2019.",
            answer_fr="Le programme canin s'étend de 2015 à 2019.",
            when="2015..2019",
        ),
        make_fact("court", "The Dog Court hears kennel cases.", entities=["court"]),
    )
    matcher = make_matcher(*facts, *FILLER, entities=[court], thresholds=BARS)
    answer = matcher.ask("sur quelle période court le programme canin ?")
    assert ids(answer.facts)[:1] == ["span"]
    assert "court" not in words(matcher, "sur quelle période court le programme canin ?")


def test_the_month_of_what_happened_is_a_date_the_fact_need_not_call_one() -> None:
    """ "In which month and year did the dog unit open?", "on what date was it opened?": a
    fact giving "July 2018" need not say "month"; "which month is the next dog show?" asks a
    date to come, which the past one does not give."""
    opened = make_fact(
        "opened",
        "The dog unit opened in July 2018.",
        answer_fr="L'unité canine a ouvert en juillet 2018.",
        when="2018-07",
    )
    show = make_fact("show", "The dog show took place in May 2016.", when="2016-05")
    matcher = make_matcher(opened, show, *FILLER, thresholds=BARS)
    for question in (
        "In which month and year did the dog unit open?",
        "On what date was the dog unit opened?",
        "l'unité canine a ouvert quel mois, c'était en quelle année ?",
    ):
        assert ids(matcher.ask(question).facts)[:1] == ["opened"], question
    assert not matcher.ask("which month is the next dog show?").answered


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        # (a law named around a question pointing back, asked nothing a law sets)
        (
            "The prosecutors discussed Law 27-14 at the Casablanca workshop. How many "
            "prosecutors attended it?",
            "glo-act-casablanca-workshop-21-prosecutors",
        ),
        # (a year in the name of a document not named by its publisher is the law's)
        (
            "what does the 2015 anti-terrorism law text say about foreign fighters?",
            "anti-terrorism-law-2015-aim",
        ),
    ],
)
def test_the_context_and_the_document_named_keep_what_they_name(
    matcher: Matcher, question: str, fact: str
) -> None:
    assert ids(matcher.ask(question).facts)[:1] == [fact]


def test_a_claim_tagged_with_a_negative_question_is_checked() -> None:
    """ "the kennel agreement was signed in 2021, wasn't it?": the tag asks whether the
    claim holds; the fact stating another year puts it right."""
    signed = make_fact(
        "signed", "The kennel agreement was signed on 14 September 2022.", when="2022-09-14"
    )
    matcher = make_matcher(signed, *FILLER, thresholds=BARS)
    for message in (
        "the kennel agreement, that was signed in 2021, wasn't it?",
        "the kennel agreement was signed in 2021 wasnt it",
    ):
        answer = matcher.ask(message)
        assert answer.answered and ids(answer.facts)[:1] == ["signed"], message


def test_a_place_doubted_is_put_right_by_the_fact_saying_where() -> None:
    """ "was the dog session held in casablanca?": the fact saying where it is held puts
    the place right, before a fact that names the place but does not say it (the claim is
    asked where, as the doubt asks)."""
    rabat = make_entity("rabat", "place", "Rabat")
    casablanca = make_entity("casablanca", "place", "Casablanca")
    facts = (
        make_fact("about", "The dog session is held.", entities=["rabat"]),
        make_fact("venue", "The dog session is held in Rabat.", entities=["rabat"]),
        make_fact("show", "Casablanca hosted a cat show.", entities=["casablanca"]),
    )
    matcher = make_matcher(*facts, *FILLER, entities=[rabat, casablanca], thresholds=BARS)
    answer = matcher.ask("was the dog session held in casablanca?")
    assert answer.answered and ids(answer.facts)[:1] == ["venue"]


def test_a_guess_after_the_question_goes_only_after_a_question_word() -> None:
    """ "how many dogs does the unit have, is it 5?": the asker's guess (a figure, a name, or
    one word typed without a question mark), which the answer corrects; "the dog unit is it
    in casablanca" has no question before it, and "which year was it founded" no guess."""
    casablanca = make_entity("casablanca", "place", "Casablanca")
    facts = (
        make_fact("dogs", "The dog unit has 12 dogs."),
        make_fact("show", "Casablanca hosted a cat show.", entities=["casablanca"]),
        make_fact("kennel", "The kennel was founded in 2011.", when="2011"),
    )
    matcher = make_matcher(*facts, *FILLER, entities=[casablanca], thresholds=BARS)
    for message in (
        "how many dogs does the dog unit have, is it 5",
        "how many dogs does the dog unit have is it 5?",
        "the number of dogs in the dog unit, was it 5?",
        "how many dogs does the dog unit have, is it the 5",
        "how many dogs does the dog unit have is it Rex?",
        "how many dogs does the dog unit have is it rex",
    ):
        answer = matcher.ask(message)
        assert answer.answered and ids(answer.facts)[:1] == ["dogs"], message
    assert "casablanca" in words(matcher, "the dog unit is it in casablanca")
    assert "founded" in words(matcher, "the kennel, which year was it founded")
    assert "rex" in words(matcher, "how many dogs does the dog unit have is it rex?")
    # "... ? In 2011 ?" offers the year after a question asking it; after a yes-or-no
    # question it is asked ("were other kennels founded? In 2011?").
    assert "2011" not in words(matcher, "when was the kennel founded? In 2011?")
    assert "2011" in words(matcher, "were other kennels founded? In 2011?")


def test_a_budget_asked_by_its_word_alone_wants_an_amount() -> None:
    """ "budget for the 2014 dog framework?": an amount of money, which a fact on what the
    framework is does not give."""
    framework = make_fact("framework", "In 2014 a dog framework was signed.", when="2014")
    matcher = make_matcher(framework, *FILLER, thresholds=BARS)
    assert asks_for("budget for the 2014 dog framework?") is Kind.MONEY
    assert asks_for("cost for the dog framework?") is Kind.MONEY
    assert asks_for("price of the dog guide?") is Kind.MONEY
    assert not matcher.ask("budget for the 2014 dog framework?").answered
    assert matcher.ask("when was the dog framework signed?").answered


def test_someone_spoken_of_is_asked_for_by_name() -> None:
    """ "What was the Belgian's name?": a person, whom a fact naming none does not give
    ("the programme's name" asks for no person)."""
    assert asks_for("What was the Belgian's name?") is Kind.PERSON
    assert asks_for("what's the mastermind's full name") is Kind.PERSON
    assert asks_for("what is the programme's name?") is not Kind.PERSON
    arrest = make_fact("arrest", "Police arrested a Belgian dog smuggler.")
    matcher = make_matcher(arrest, *FILLER, thresholds=BARS)
    assert not matcher.ask(
        "a Belgian dog smuggler was arrested. What was the Belgian's name?"
    ).answered


def test_the_actual_number_trained_asks_how_many() -> None:
    """ "what was the actual number trained in that phase": a count, which a fact giving
    no figure does not answer."""
    assert asks_for("what was the actual number trained in that phase") is Kind.COUNT
    earlier = make_fact("earlier", "Dog training first focused on obedience.")
    matcher = make_matcher(earlier, *FILLER, thresholds=BARS)
    assert not matcher.ask(
        "the earlier dog training on obedience: what was the actual number trained?"
    ).answered


def test_a_name_holding_commas_is_one_item_of_a_list() -> None:
    """ "Which three bureaus produced the guide?": INL, "the Bureau of Democracy, Human
    Rights, and Labor" and the Bureau of Consular Affairs are three, not five."""
    drl = make_entity(
        "drl", "institution", "Bureau of Democracy, Human Rights, and Labor", acronyms=["DRL"]
    )
    guide = make_fact(
        "guide",
        "In 2012, the Kennel Club, the Bureau of Democracy, Human Rights, and Labor, and the "
        "Bureau of Consular Affairs produced a dog guide.",
        entities=["drl", "kennel-club"],
    )
    matcher = make_matcher(guide, *FILLER, entities=[drl, KENNEL_CLUB], thresholds=BARS)
    assert matcher.index.features[0].listed == 3
    answer = matcher.ask("Which three bureaus produced the 2012 dog guide?")
    assert answer.answered and ids(answer.facts)[:1] == ["guide"]
    assert not matcher.ask("Which 5 bureaus produced the 2012 dog guide?").answered


def test_an_acronym_asked_after_a_comma_is_no_apposition() -> None:
    """ "Dans le programme DUP, le sigle PCC veut dire quoi ?": what follows the comma is
    the question (it asks what PCC stands for), not something said of DUP; the fact
    writing PCC out ("police contributing countries (PCCs)") answers."""
    dup = make_entity("dup", "institution", "Dog Unit Programme", acronyms=["DUP"])
    facts = (
        make_fact("dup", "The DUP programme trains police dogs.", entities=["dup"]),
        make_fact(
            "pcc",
            "The DUP helps police contributing countries (PCCs) train dogs.",
            entities=["dup"],
        ),
    )
    matcher = make_matcher(
        *facts,
        *FILLER,
        entities=[dup],
        synonyms=[
            ["police contributing countries", "PCC", "PCCs"],
            ["stand for", "veut dire", "sigle"],
            ["programme", "program"],
        ],
        thresholds=BARS,
    )
    for question in (
        "Dans le programme DUP, le sigle PCC veut dire quoi ?",
        "In the DUP programme, what does PCC stand for?",
    ):
        answer = matcher.ask(question)
        assert answer.answered and ids(answer.facts)[:1] == ["pcc"], question


def test_the_fact_writing_a_short_form_beside_its_words_spells_it_out_first() -> None:
    """ "what does PCC stand for?": of two facts writing "police contributing countries",
    the one writing the short form beside it, even plural ("(PCCs)"), comes first."""
    facts = (
        make_fact("plain", "The dog unit serves police contributing countries."),
        make_fact("beside", "The dog unit helps police contributing countries (PCCs) train."),
    )
    matcher = make_matcher(
        *facts,
        *FILLER,
        synonyms=[["police contributing countries", "PCC", "PCCs"], ["stand for"]],
        thresholds=BARS,
    )
    answer = matcher.ask("what does PCC stand for?")
    assert answer.answered and ids(answer.facts)[:1] == ["beside"]


def test_things_asked_as_coming_after_an_event_are_not_the_event() -> None:
    """ "which dog attacks came after May 2003?", "quels attentats canins ont eu lieu après
    mai 2003 ?": not the attacks of May 2003, nor what a fact undated tells of 2003 alone;
    "what did the city do after the May 2003 dog attacks?" asks of that time."""
    facts = (
        make_fact(
            "first",
            "On May 16, 2003, dog attacks struck the city.",
            when="2003-05-16",
            answer_fr="Le 16 mai 2003, des attentats canins ont frappé la ville.",
        ),
        make_fact(
            "march",
            "After the May 16, 2003 dog attacks, the city held a march.",
            answer_fr="Après les attentats canins du 16 mai 2003, la ville a organisé une marche.",
        ),
    )
    matcher = make_matcher(*facts, *FILLER, thresholds=BARS)
    for question in (
        "which dog attacks came after May 2003?",
        "quels attentats canins ont eu lieu après mai 2003 ?",
    ):
        assert not matcher.ask(question).answered, question
    for question in (
        "what did the city do after the May 2003 dog attacks?",
        "what came after the May 2003 dog attacks in the city?",
    ):
        answer = matcher.ask(question)
        assert answer.answered and "march" in ids(answer.facts), question


def test_things_coming_after_an_event_are_compared_to_the_month() -> None:
    """ "which dog rule came after the January 2015 dog law?": a rule of June 2015 came
    after it, in the same year."""
    facts = (
        make_fact("law", "In January 2015, the dog law was adopted.", when="2015-01"),
        make_fact("rule", "In June 2015, a dog rule was adopted.", when="2015-06"),
    )
    matcher = make_matcher(*facts, *FILLER, thresholds=BARS)
    answer = matcher.ask("which dog rule came after the January 2015 dog law?")
    assert answer.answered and ids(answer.facts)[:1] == ["rule"]


def test_an_amount_in_dollars_is_money_asked() -> None:
    """ "doubled from what to what, in dollars?": a sum of money, which "it doubled" does
    not give."""
    assert asks_for("the aid doubled from what to what, in dollars?") is Kind.MONEY
    assert asks_for("combien en dollars ?") is Kind.MONEY
    doubled = make_fact("doubled", "The dog aid doubled.")
    matcher = make_matcher(doubled, *FILLER, thresholds=BARS)
    assert not matcher.ask("the dog aid doubled from what to what, in dollars?").answered


def test_what_body_one_body_is_asks_for_its_card() -> None:
    """ "what institution is the Kennel Club?", "le KC, c'est quelle institution exactement
    ?": what the one body named is, not another body a fact names beside it; "which
    institution trains dogs with the Kennel Club?" still asks for another body."""
    facts = (
        make_fact("card", "KC stands for the Kennel Club.", entities=["kennel-club"]),
        make_fact(
            "deal",
            "The Kennel Club and the Port Authority signed a dog deal.",
            entities=["kennel-club", "port-authority"],
        ),
    )
    matcher = make_matcher(*facts, *FILLER, entities=[KENNEL_CLUB, PORT_AUTHORITY], thresholds=BARS)
    for question in (
        "what institution is the Kennel Club?",
        "what kind of institution is the KC?",
        "Le KC, c'est quelle institution exactement ?",
    ):
        answer = matcher.ask(question)
        assert answer.answered and ids(answer.facts)[:1] == ["card"], question
    answer = matcher.ask("which institution signed a dog deal with the Kennel Club?")
    assert answer.answered and ids(answer.facts)[:1] == ["deal"]


@pytest.mark.parametrize(
    "question", ["what kind of institution is the CNDH?", "what institution is the DGAPR?"]
)
def test_what_kind_of_body_one_body_is_asks_for_its_card(matcher: Matcher, question: str) -> None:
    """On the shipped base: the card of the body named, not a fact naming it with another."""
    answer = matcher.ask(question)
    assert answer.answered and ids(answer.facts)[0].endswith("-acronym")


def test_the_acronym_asked_is_spelled_out_by_its_card_wherever_it_was_met() -> None:
    """ "Pour le KC, le sigle PA veut dire quoi ?", "que signifie le sigle PA ?", "what does
    PA stand for in the KC dog deal?": the card writing PA out, not the fact where the
    asker met it."""
    facts = (
        make_fact("pa-card", "PA stands for the Port Authority.", entities=["port-authority"]),
        make_fact(
            "deal",
            "The KC and the PA signed a dog deal.",
            entities=["kennel-club", "port-authority"],
        ),
    )
    matcher = make_matcher(
        *facts,
        *FILLER,
        entities=[KENNEL_CLUB, PORT_AUTHORITY],
        synonyms=[["stand for", "stands for", "veut dire", "signifie", "sigle"]],
        thresholds=BARS,
    )
    for question in (
        "Pour le KC, le sigle PA veut dire quoi ?",
        "Pour le KC, que signifie le sigle PA ?",
        "what does PA stand for in the KC dog deal?",
    ):
        answer = matcher.ask(question)
        assert answer.answered and ids(answer.facts)[:1] == ["pa-card"], question


def test_who_granted_something_is_asked_of_a_fact_saying_it_was_granted() -> None:
    """ "Which body issued the dog lab's 2018 certification?": "with Kennel Club support,
    the lab obtained a certification" says who helped, not who granted it; "which body
    granted the dog lab its status?" is answered by the fact saying so."""
    facts = (
        make_fact(
            "certified",
            "With Kennel Club support, the dog lab obtained a certification in 2018.",
            entities=["kennel-club"],
            when="2018",
        ),
        make_fact(
            "status",
            "The Port Authority granted the dog lab a special status.",
            entities=["port-authority"],
        ),
    )
    matcher = make_matcher(*facts, *FILLER, entities=[KENNEL_CLUB, PORT_AUTHORITY], thresholds=BARS)
    assert not matcher.ask("Which body issued the dog lab's 2018 certification?").answered
    assert not matcher.ask("qui a délivré la certification du labo canin en 2018 ?").answered
    answer = matcher.ask("which body granted the dog lab its special status?")
    assert answer.answered and ids(answer.facts)[:1] == ["status"]
    # Issuing is granting only of a certification, a status, a licence: "who issued the
    # guide?" asks who wrote it; "the issue of X" is no issuing.
    grantor_asked = matcher_module._GRANTOR_ASKED.search
    assert grantor_asked("which body issued its 2018 international certification?")
    assert not grantor_asked("who issued the 2012 dog guide?")
    assert not grantor_asked("which body deals with the issue of dog trafficking?")
    assert not matcher_module._GRANTS.search("the issues of the dog lab")
    # The granter named by what it does, in a fragment with no question word.
    assert not matcher.ask("dog lab certification 2018: accrediting body?").answered
    assert not matcher.ask("labo canin, certification 2018 : l'organisme certificateur ?").answered
    # (a guide's issuer is its publisher: "issuing" names no granter)
    assert matcher_module._GRANTER_NAMED.search("dog lab certification: accrediting body?")
    assert not matcher_module._GRANTER_NAMED.search("issuing body of the 2012 dog guide?")


def test_things_listed_beside_one_named_are_one_more() -> None:
    """ "Which two other units produced the dog guide with the Kennel Club?": the fact
    listing the Kennel Club and two units (three in all) answers, as one listing the others
    alone; "four other" does not."""
    three = make_fact(
        "three",
        "The Kennel Club, the Dog Unit and the Cat Unit produced a dog guide.",
        entities=["kennel-club"],
    )
    matcher = make_matcher(three, *FILLER, entities=[KENNEL_CLUB], thresholds=BARS)
    answer = matcher.ask("Which 2 other units produced the dog guide with the Kennel Club?")
    assert answer.answered and ids(answer.facts)[:1] == ["three"]
    assert not matcher.ask("Which 4 other units produced the dog guide?").answered
    others = make_fact(
        "others",
        "The Dog Unit, the Cat Unit and the Bird Unit helped the Kennel Club train.",
        entities=["kennel-club"],
    )
    matcher = make_matcher(others, *FILLER, entities=[KENNEL_CLUB], thresholds=BARS)
    answer = matcher.ask("Which 3 other units helped the Kennel Club train?")
    assert answer.answered and ids(answer.facts)[:1] == ["others"]
    # (two others, named as a pair: "the Dog Unit and the Cat Unit")
    pair = make_fact(
        "pair", "The Dog Unit and the Cat Unit joined the Kennel Club.", entities=["kennel-club"]
    )
    matcher = make_matcher(pair, *FILLER, entities=[KENNEL_CLUB], thresholds=BARS)
    answer = matcher.ask("Which 2 other units joined the Kennel Club?")
    assert answer.answered and ids(answer.facts)[:1] == ["pair"]


def test_who_did_it_to_what_the_context_names_needs_a_fact_naming_it(
    matcher: Matcher,
) -> None:
    """On the shipped base: "so the police forensic lab got its 2018 certification from
    ISO? which organisation actually granted it?": "it" is what the context names; the US
    granting Morocco a status does not say who granted the lab's certification."""
    for message in (
        "so the police forensic lab got its 2018 certification from ISO? which organisation "
        "actually granted it?",
        "the lab's 2018 certification: which body granted it?",
    ):
        assert not matcher.ask(message).answered, message
    # (what "it" points to comes before the question; a guess after it is no context)
    guessed = (
        "the new ToT programme on migrants' rights: the CNDH launched it together with which "
        "security body? the Gendarmerie maybe?"
    )
    assert ids(matcher.ask(guessed).facts)[:1] == ["cndh-dgsn-tot-programme"]
    # (two others beside one named, which the fact names as a pair: "CNDH-DGSN")
    pair = matcher.ask("Which 2 other bodies besides the DGSN introduced the ToT programme?")
    assert ids(pair.facts)[:1] == ["cndh-dgsn-tot-programme"]
    answer = matcher.ask("which country granted Morocco major non-NATO ally status?")
    assert answer.answered and ids(answer.facts)[:1] == ["major-non-nato-ally-status"]
    # (her role, asked in French of a name read in French: "sa fonction" is Ms. Oufroukhi's)
    message = (
        "Mme Oufroukhi prend la parole lundi à notre séminaire. Quelle est sa fonction exactement ?"
    )
    assert ids(matcher.ask(message).facts)[:1] == ["oufroukhi-head-judicial-cooperation"]


def test_her_role_asked_after_a_context_naming_her_needs_a_fact_naming_her() -> None:
    """ "Dans notre brouillon, Zorba Quint est présentée comme représentante du Kennel Club.
    Quel est son titre exact d'après le communiqué ?": "son titre" is Zorba Quint's; a
    fact on another Kennel Club officer does not give it (nor when the context's body is
    added to the question)."""
    other = make_fact(
        "other",
        "A Kennel Club communiqué says its officer in charge of dogs trained port guards.",
        entities=["kennel-club"],
        answer_fr="Selon un communiqué, le titre de responsable des chiens du Kennel Club "
        "revient à un officier.",
    )
    matcher = make_matcher(other, *FILLER, entities=[KENNEL_CLUB], thresholds=BARS)
    message = (
        "Bonjour ! Dans notre brouillon, Zorba Quint est présentée comme « représentante du "
        "Kennel Club ». Quel est son titre exact d'après le communiqué ?"
    )
    assert not matcher.ask(message).answered
    # (asked of a body, the role is the body's officer's)
    asked = matcher.ask("Le Kennel Club a un officier. Quel est son titre exact ?")
    assert ids(asked.facts)[:1] == ["other"]
    # (her name said with the question, the colleague who asks named before it)
    quint = make_fact(
        "quint",
        "Ms. Zorba Quint, dog officer at the Kennel Club, opened the port session.",
        entities=["kennel-club"],
        answer_fr="Mme Zorba Quint, dont la fonction est officier canin au Kennel Club, a ouvert "
        "la session du port.",
    )
    matcher = make_matcher(quint, other, *FILLER, entities=[KENNEL_CLUB], thresholds=BARS)
    asked = matcher.ask("Per Karim: Ms. Zorba Quint, what's her position?")
    assert ids(asked.facts)[:1] == ["quint"]
    asked = matcher.ask(
        "Mme Zorba Quint intervient jeudi, je dois la présenter : quelle est sa fonction ?"
    )
    assert ids(asked.facts)[:1] == ["quint"]
    # ("son titre" read where the asker read it is no document's title)
    assert asks_for("Quel est son titre exact d'après le communiqué ?") is Kind.ROLE
    assert asks_for("Quel est le titre du communiqué ?") is Kind.TITLE


def test_the_words_a_draft_quotes_are_the_detail_doubted() -> None:
    """'the draft says the dog unit "guards the airport". What does it guard according to
    the source?': the quoted words are what the draft got wrong, though the fact base
    knows them (another fact names the airport)."""
    port = make_fact("port", "The dog unit guards the port of Rabat.")
    airport = make_fact("airport", "The Rabat airport cargo terminals opened in 1990.", when="1990")
    matcher = make_matcher(port, airport, *FILLER, thresholds=BARS)
    message = (
        'the draft says the dog unit "guards the airport cargo terminals". What does it guard '
        "according to the source?"
    )
    assert ids(matcher.ask(message).facts)[:1] == ["port"]
    # (a name quoted is what the draft speaks of, not a detail it doubts)
    guards = make_fact(
        "guards",
        "The Kennel Club has guarded the port since 2010.",
        entities=["kennel-club"],
        when="2010",
    )
    matcher = make_matcher(guards, airport, *FILLER, entities=[KENNEL_CLUB], thresholds=BARS)
    message = (
        'The draft says the "Kennel Club" has guarded the port since 2012. What does the '
        "source say?"
    )
    assert ids(matcher.ask(message).facts)[:1] == ["guards"]


def test_what_they_will_do_after_naming_trainees_asks_their_activities() -> None:
    """'The draft says participants in the dog course will "only watch films". What will
    they actually be doing?': "they" are the participants, and what they do is the
    course's activities, not how many take part."""
    methods = make_fact(
        "methods", "Participants in the dog course will do practical exercises on kennels."
    )
    count = make_fact("count", "The dog course was to bring together 20 participants.")
    groups = [("activities", "practical exercises")]
    matcher = make_matcher(methods, count, *FILLER, synonyms=groups, thresholds=BARS)
    message = (
        'The draft says participants in the dog course will "only watch films". What will '
        "they actually be doing?"
    )
    assert ids(matcher.ask(message).facts)[:1] == ["methods"]
    # ("they" are the participants named, not a police force: what it does is no course's)
    assert "activities" not in words(matcher, "the port police in Rabat, what will they be doing?")
    # (what the context names does not answer, by its card, a question asking nothing)
    course = make_entity("dog-course", "institution", "Dog Course")
    card = make_fact(
        "card", "The Dog Course is a course for dog handlers.", entities=["dog-course"]
    )
    matcher = make_matcher(card, *FILLER, entities=[course], thresholds=BARS)
    message = "20 participants are coming to the Dog Course. What will they actually be doing?"
    assert not matcher.ask(message).answered
    asked = matcher.ask("We keep hearing of the Dog Course. Can you check what it is?")
    assert ids(asked.facts)[:1] == ["card"]


def test_the_country_a_body_belongs_to_is_no_other_country_asked() -> None:
    """ "Police from which countries will the dog programme train for Zorbia?": the
    programme's own country (its parent's) is not one asked for, so a fact naming only it
    and Zorbia does not answer; one naming the trainees' countries does. A fact naming the
    parent's country itself still answers ("trained on Landia's practices"), and so does the
    programme's fact when no country is named ("which country built ...?")."""
    landia = make_entity("landia", "country", "Landia")
    zorbia = make_entity("zorbia", "country", "Zorbia")
    togo = make_entity("togo", "country", "Togo")
    programme = make_entity("dog-programme", "institution", "Dog Programme", part_of=["landia"])
    entities = [landia, zorbia, togo, programme]
    partnerships = make_fact(
        "partnerships",
        "The Dog Programme built new police partnerships after the Zorbia mandate.",
        entities=["dog-programme", "zorbia"],
    )
    trainees = make_fact(
        "trainees",
        "The Dog Programme would train police from Togo preparing to deploy to Zorbia.",
        entities=["dog-programme", "zorbia", "togo"],
    )
    matcher = make_matcher(partnerships, *FILLER, entities=entities, thresholds=BARS)
    question = "which countries will the Dog Programme train police from for Zorbia?"
    assert not matcher.ask(question).answered
    matcher = make_matcher(partnerships, trainees, *FILLER, entities=entities, thresholds=BARS)
    assert ids(matcher.ask(question).facts)[:1] == ["trainees"]
    practices = make_fact(
        "practices",
        "The Dog Programme trained Zorbia prison guards on Landia practices.",
        entities=["dog-programme", "zorbia", "landia"],
    )
    matcher = make_matcher(practices, *FILLER, entities=entities, thresholds=BARS)
    asked = "the Dog Programme trained Zorbia prison guards on the practices of which country?"
    assert ids(matcher.ask(asked).facts)[:1] == ["practices"]
    built = make_fact(
        "built", "The Dog Programme built new police partnerships.", entities=["dog-programme"]
    )
    matcher = make_matcher(built, *FILLER, entities=entities, thresholds=BARS)
    asked = "which country built the Dog Programme partnerships?"
    assert ids(matcher.ask(asked).facts)[:1] == ["built"]


def test_a_score_asked_needs_a_fact_giving_one() -> None:
    """ "What did the 21 dog handlers score on the final test?": the fact saying 21 were
    trained gives no score; one saying they scored 85% does."""
    trained = make_fact("trained", "21 dog handlers were trained in Rabat in 2018.", when="2018")
    matcher = make_matcher(trained, *FILLER, thresholds=BARS)
    question = "What did the 21 dog handlers trained in Rabat score on the final test?"
    assert not matcher.ask(question).answered
    scored = make_fact(
        "scored", "The 21 dog handlers trained in Rabat scored 85% on the final test."
    )
    matcher = make_matcher(trained, scored, *FILLER, thresholds=BARS)
    assert ids(matcher.ask(question).facts)[:1] == ["scored"]


def test_the_month_of_a_year_claimed_is_the_askers_too() -> None:
    """ "the first dog session in Tangier was in June 2018, right? When was it?": the asker's
    date, month and year, is checked: a fact giving another month answers."""
    session = make_fact(
        "session",
        "The first dog session was held in Tangier in July 2018.",
        when="2018-07",
    )
    matcher = make_matcher(session, *FILLER, thresholds=BARS)
    for message in (
        "the first dog session in Tangier was in June 2018, right? When was it?",
        "the first dog session in Tangier was in March 2018, right? when was it actually?",
    ):
        answer = matcher.ask(message)
        assert answer.answered and ids(answer.facts)[:1] == ["session"], message


def test_a_date_asked_besides_the_kind_is_given_by_a_dated_fact() -> None:
    """ "How many handlers has the dog unit trained, and starting from which year?": a count
    asked, and a date; a fact giving both need not say "year", one giving no date must."""
    dated = make_fact(
        "dated",
        "The dog unit has trained 300 handlers since 2010.",
        when="2010",
        answer_fr="L'unité canine a formé 300 maîtres-chiens depuis 2010.",
    )
    undated = make_fact("undated", "The dog unit has trained 300 handlers.")
    question = "How many handlers has the dog unit trained, and starting from which year?"
    strict = Thresholds(min_coverage=0.9, clear_lead_coverage=0.9)
    answer = make_matcher(dated, *FILLER, thresholds=strict).ask(question)
    assert answer.answered and ids(answer.facts)[:1] == ["dated"]
    assert not make_matcher(undated, *FILLER, thresholds=strict).ask(question).answered
    french = (
        "Combien de maîtres-chiens l'unité canine a-t-elle formés, et à partir de quelle année ?"
    )
    answer = make_matcher(dated, *FILLER, thresholds=strict).ask(french)
    assert answer.answered and ids(answer.facts)[:1] == ["dated"]


def test_where_the_asker_saw_it_said_is_no_word_asked() -> None:
    """ "le numéro de la loi mentionnée par le Kennel Club", "the law cited in the Kennel
    Club's report": who said it stays, that it was said is no word a fact holds."""
    law = make_fact(
        "law",
        "The Kennel Club welcomed Law 17-15, which protects port dogs.",
        answer_fr="Le Kennel Club a salué la loi 17-15, qui protège les chiens du port.",
    )
    strict = Thresholds(min_coverage=0.9, clear_lead_coverage=0.9)
    matcher = make_matcher(law, *FILLER, thresholds=strict)
    for question in (
        "Quel est le numéro de la loi sur les chiens du port mentionnée par le Kennel Club ?",
        "Which law number on port dogs is cited by the Kennel Club?",
    ):
        answer = matcher.ask(question)
        assert answer.answered and ids(answer.facts)[:1] == ["law"], question


def test_an_amount_asked_outside_the_question_mark_still_holds() -> None:
    """ "..., but doubled to what? what's the dollar figure": the message asks an amount of
    money, which a fact saying only that the aid doubled does not give."""
    doubled = make_fact("doubled", "The Kennel Club doubled its aid to the port authority.")
    matcher = make_matcher(doubled, *FILLER, thresholds=BARS)
    message = "the Kennel Club doubled its aid to the port authority, ok, but doubled to what? what's the dollar figure"
    assert not matcher.ask(message).answered
    # (asked without the amount, the fact answers)
    assert matcher.ask(
        "the Kennel Club doubled its aid to the port authority, ok, but doubled to what?"
    ).answered


def test_a_bare_question_is_of_what_the_message_comes_close_to() -> None:
    """ "We'd like to monitor the new port police course on migration ... When does the first
    session take place?": the question alone asks of any first session; the dog unit's,
    which the whole message does not come close to, is not the answer. A question naming
    its body is answered alone as before."""
    dogs = make_fact(
        "dogs",
        "The first Kennel Club dog session took place in Tangier in July 2018.",
        when="2018-07",
        entities=["kc"],
    )
    courses = [
        make_fact(
            f"course-{n}", f"The new port police course on migration and human rights {what}."
        )
        for n, what in enumerate(("opens on February 24", "trains 20 officers", "is held in Rabat"))
    ]
    club = make_entity("kc", "institution", "Kennel Club", acronyms=["KC"])
    bars = Thresholds(min_coverage=0.6, clear_lead_coverage=0.6)
    matcher = make_matcher(dogs, *courses, *FILLER, entities=[club], thresholds=bars)
    assert ids(matcher.ask("When does the first session take place?").facts) == ["dogs"]
    wish = "Hi, we'd like to monitor the new port police course on migration and maybe ask for"
    assert not matcher.ask(
        f"{wish} observer access. When does the first session take place?"
    ).answered
    named = f"{wish} observer access. When did the first Kennel Club session take place?"
    assert ids(matcher.ask(named).facts)[:1] == ["dogs"]


def test_a_tag_before_the_claim_checks_it() -> None:
    """ "Vrai ? « ... »", "Is this right: ...?", "True? ...": the claim after the tag is
    what is checked, its figure the asker's; the answer keeps the message as written."""
    law = make_fact(
        "law",
        "The Kennel Club's dog law was adopted in June 2015.",
        when="2015-06",
        answer_fr="La loi canine du Kennel Club a été adoptée en juin 2015.",
    )
    matcher = make_matcher(law, *FILLER, thresholds=BARS)
    for message in (
        "Vrai ? « La loi canine du Kennel Club a été adoptée en juin 2016. »",
        "Is this right: the Kennel Club's dog law was adopted in June 2016?",
        "True? The Kennel Club's dog law was adopted in 2016.",
    ):
        answer = matcher.ask(message)
        assert answer.answered and ids(answer.facts)[:1] == ["law"], message
        assert answer.question == message


def test_a_month_claimed_is_not_confirmed_by_the_year_alone() -> None:
    """ "Is this right: the dog charter was approved in March 2013?" of a fact giving 2013
    alone: it neither confirms nor puts right the month; a fact giving 2013 puts right
    "March 2014" or "2014"."""
    charter = make_fact("charter", "The Kennel Club approved its dog charter in 2013.", when="2013")
    matcher = make_matcher(charter, *FILLER, thresholds=BARS)
    assert not matcher.ask(
        "Is this right: the Kennel Club dog charter was approved in March 2013?"
    ).answered
    assert not matcher.ask(
        "the Kennel Club dog charter was approved in March 2013, right?"
    ).answered
    for message in (
        "the Kennel Club dog charter was approved in March 2014, right?",
        "the Kennel Club dog charter was approved in 2014, right?",
    ):
        answer = matcher.ask(message)
        assert answer.answered and ids(answer.facts)[:1] == ["charter"], message


def test_a_claim_tagged_after_its_quote_or_its_figure_is_checked() -> None:
    """'"... since 2012." correct?', "... since 2012. Correct?", "'25 port dogs ...'. Is 25
    right?", "'... since 2012.' Is that right?": the asker's figures, checked; the year
    claimed is no time the answer must fall in."""
    dogs = make_fact("dogs", "The Kennel Club has trained 21 port dogs since 2010.", when="2010")
    matcher = make_matcher(dogs, *FILLER, thresholds=BARS)
    for message in (
        '"The Kennel Club has trained port dogs since 2012." correct?',
        "The Kennel Club has trained port dogs since 2012. Correct?",
        "'25 port dogs were trained by the Kennel Club'. Is 25 right? my boss wants it exact",
        "First: 'The Kennel Club has trained port dogs since 2012.' Is that right?",
    ):
        answer = matcher.ask(message)
        assert answer.answered and ids(answer.facts)[:1] == ["dogs"], message


def test_capital_shorthand_is_spelled_out() -> None:
    """ "which US PD trains the dogs?", "intl HR standards", "CT law": chat shorthand in
    capitals; "1 hr" in lower case is an hour."""
    matcher = make_matcher(make_fact("a", "The Miami police department trains the port dogs."))
    read = words(matcher, "which US PD trains the port dogs?")
    assert "department" in read and "pd" not in read
    assert "human" in words(matcher, "which HR standards apply?")
    assert "counterterrorism" in words(matcher, "the CT law")
    assert "human" not in words(matcher, "the call lasts 1 hr")


def test_the_place_a_claim_puts_it_in_is_checked_by_the_place_asked() -> None:
    """ "... was in Rabat in July 2018, correct? In which city was it really?": the place
    claimed is the asker's; the fact saying where it was answers."""
    session = make_fact(
        "session",
        "The first Kennel Club dog session was held in Tangier in July 2018.",
        when="2018-07",
        where="Tangier, Morocco",
    )
    entities = [
        TANGIER,
        make_entity("rabat", "place", "Rabat"),
    ]
    strict = Thresholds(min_coverage=0.9, clear_lead_coverage=0.9)
    matcher = make_matcher(session, *FILLER, entities=entities, thresholds=strict)
    for message in (
        "the first Kennel Club dog session was in Rabat in July 2018, correct? In which city"
        " was it really?",
        "the first Kennel Club dog session was in Rabat, right? Where was it actually held?",
        # (the other question unpunctuated, joined on "or")
        "the first Kennel Club dog session was in Rabat, right? or where was it actually held",
        "I have the first Kennel Club dog session down as Rabat. is that right? where was it held?",
    ):
        answer = matcher.ask(message)
        assert answer.answered and ids(answer.facts)[:1] == ["session"], message


def test_enumerated_questions_and_years_asked_are_no_guess() -> None:
    """ "a) when was the kennel opened? b) ...": two questions, not options offered; "Later
    kennels at the port, 2016 or 2017?" asks of both years (no question asking when
    before them)."""
    matcher = make_matcher(make_fact("a", "The dog unit was set up to guard the port."))
    assert "kennel" in words(matcher, "a) when was the kennel opened? b) how many dogs?")
    assert "2016" in words(matcher, "Later kennels at the port, 2016 or 2017?")
    assert "2017" in words(matcher, "Les chenils suivants, c'était 2016 ou 2017 ?")


def test_an_amount_asked_of_the_amount_stated_is_another() -> None:
    """ "Of the dog programme's €5 million, how much is paid by the Kennel Club?": a share
    asked, which a fact giving only the €5 million does not give."""
    budget = make_fact("budget", "The Kennel Club dog programme is a €5 million initiative.")
    matcher = make_matcher(budget, *FILLER, thresholds=BARS)
    assert not matcher.ask(
        "Of the Kennel Club dog programme's €5 million, how much is paid by the club?"
    ).answered
    answer = matcher.ask("How much money does the Kennel Club dog programme cost?")
    assert answer.answered and ids(answer.facts)[:1] == ["budget"]


def test_a_french_claim_from_the_askers_notes_is_checked() -> None:
    """ "d'après mes notes, le club a formé 1 800 chiens depuis 2008, vous confirmez ? C'est
    combien en vrai ?": the asker's figure, written with a space between its thousands."""
    dogs = make_fact(
        "dogs",
        "The Kennel Club has trained 2,800 dogs since 2008.",
        when="2008",
        answer_fr="Le Kennel Club a formé 2 800 chiens depuis 2008.",
    )
    strict = Thresholds(min_coverage=0.9, clear_lead_coverage=0.9)
    matcher = make_matcher(dogs, *FILLER, thresholds=strict)
    message = (
        "Bonsoir, d'après mes notes le Kennel Club a formé 1 800 chiens depuis 2008, vous"
        " confirmez ? C'est combien en vrai ?"
    )
    answer = matcher.ask(message)
    assert answer.answered and ids(answer.facts)[:1] == ["dogs"]
    # (its note, its draft: "... depuis 2008 selon ma note. Quel est le bon chiffre ?")
    message = (
        "Le Kennel Club a formé 1 800 chiens depuis 2008 selon ma note. Quel est le bon chiffre ?"
    )
    answer = matcher.ask(message)
    assert answer.answered and ids(answer.facts)[:1] == ["dogs"]


def test_a_year_said_in_words_is_read_as_its_figure() -> None:
    """ "how many dogs has the Kennel Club trained since twenty ten", dictated: since 2010."""
    dogs = make_fact("dogs", "The Kennel Club has trained 21 dogs since 2010.", when="2010")
    strict = Thresholds(min_coverage=0.9, clear_lead_coverage=0.9)
    matcher = make_matcher(dogs, *FILLER, thresholds=strict)
    answer = matcher.ask("how many dogs has the Kennel Club trained since twenty ten")
    assert answer.answered and ids(answer.facts)[:1] == ["dogs"]
    assert answer.question == "how many dogs has the Kennel Club trained since twenty ten"


def test_en_vrai_opening_chit_chat_is_no_check() -> None:
    """ "en vrai, c'est qui le meilleur ?": honestly, chit-chat; "en vrai" last checks a
    figure ("C'est combien en vrai ?")."""
    matcher = make_matcher(make_fact("a", "The dog unit was set up to guard the port."))
    assert "vrai" in words(matcher, "en vrai, c'est qui le meilleur ?")
    assert "vrai" not in words(matcher, "le chenil a 30 chiens, c'est combien en vrai ?")
    # (nor does "en fait" last make the figures before it the asker's)
    dogs = make_fact("dogs", "The Kennel Club trained 21 dogs in 2018.", when="2018")
    strict = Thresholds(min_coverage=0.9, clear_lead_coverage=0.9)
    claims = make_matcher(dogs, *FILLER, thresholds=strict)
    assert not claims.ask(
        "Combien de chiens le Kennel Club a-t-il formés en 2015 en fait ?"
    ).answered


def test_a_share_asked_is_not_given_by_the_whole() -> None:
    """ "Quelle part des 5 millions d'euros a été financée par le club ?", "What percentage of
    the 300 dogs were trained abroad?": a share measured, which a fact giving the whole does
    not give (and "quelle part de" is no frame to set aside, as "what kind of" is)."""
    budget = make_fact(
        "budget",
        "The Kennel Club dog programme is a €5 million initiative.",
        answer_fr="Le programme canin du Kennel Club est une initiative de 5 millions d'euros.",
    )
    matcher = make_matcher(budget, *FILLER, thresholds=BARS)
    for question in (
        "Quelle part des 5 millions d'euros du programme canin a été financée par le Kennel Club ?",
        "What percentage of the Kennel Club dog programme's €5 million came from the club?",
        "Quelle part de ce programme canin de 5 millions d'euros le Kennel Club a-t-il financée ?",
    ):
        assert not matcher.ask(question).answered, question


def test_a_claim_doubted_by_another_year_is_checked() -> None:
    """ "... since 2012 -- or was it another year?", "in March 2015, or was it a different
    month?": the asker's year, doubted; the fact giving the right one answers."""
    since = make_fact("since", "The port has worked with the Kennel Club since 2010.", when="2010")
    matcher = make_matcher(since, *FILLER, thresholds=BARS)
    for message in (
        "the port has worked with the Kennel Club since 2012 -- or was it another year?",
        "the port has worked with the Kennel Club since 2011, or was it a different year?",
    ):
        assert matcher.ask(message).answered, message


def test_french_checks_and_a_question_after_a_claim() -> None:
    """ "... depuis 2012, c'est ça ? c'est depuis quelle année en fait", "créé en 2013 si je
    me souviens bien ? c'était quand en fait", "set up in 2014? when was it actually?": the
    asker's year, checked, however the doubt is put."""
    dogs = make_fact(
        "dogs",
        "The Kennel Club dog unit was set up in 2010.",
        when="2010",
        answer_fr="L'unité canine du Kennel Club a été créée en 2010.",
    )
    strict = Thresholds(min_coverage=0.9, clear_lead_coverage=0.9)
    matcher = make_matcher(dogs, *FILLER, thresholds=strict)
    for message in (
        "L'unité canine du Kennel Club a été créée en 2012, c'est ça ? c'est depuis quelle année ?",
        "L'unité canine du Kennel Club a été créée en 2013 si je me souviens bien ? c'était"
        " quand en fait. merci d'avance",
        "the Kennel Club dog unit was set up in 2014? when was it actually?",
        "the Kennel Club dog unit was set up in 2014? since when exactly?",
        "the Kennel Club dog unit was set up in 2014? which year exactly",
        # (the tag after the figure, at the end: dictated, the year said in words)
        "l'unité canine du Kennel Club a été créée en 2012 c'est ça",
        "l'unité canine du Kennel Club a été créée en deux mille douze c'est ça",
    ):
        answer = matcher.ask(message)
        assert answer.answered and ids(answer.facts)[:1] == ["dogs"], message


def test_a_hash_before_a_noun_asks_its_number() -> None:
    """ "# rings dismantled by the Kennel Club?": "#" for "number of", a count,
    which "numerous" does not give; "#rings" is a channel."""
    rings = make_fact("rings", "The Kennel Club has dismantled numerous dog-fighting rings.")
    matcher = make_matcher(rings, *FILLER, thresholds=BARS)
    assert not matcher.ask("# rings dismantled by the Kennel Club?").answered
    assert not matcher.ask("# of rings dismantled by the Kennel Club?").answered
    assert matcher.ask("#rings has the Kennel Club dismantled dog-fighting rings?").answered


def test_a_colleagues_figure_is_the_claim_checked() -> None:
    """ "my colleague told me the club trained like 28,000 dogs since 2008, this is correct?
    how many really", "boss thinks 2012", "mon chef pense que ...": whose figure, checked;
    the fact stating another figure in its place answers."""
    dogs = make_fact(
        "dogs",
        "The Kennel Club has trained 2,800 dogs since 2008.",
        when="2008",
        answer_fr="Le Kennel Club a formé 2 800 chiens depuis 2008.",
    )
    strict = Thresholds(min_coverage=0.9, clear_lead_coverage=0.9)
    matcher = make_matcher(dogs, *FILLER, thresholds=strict)
    for message in (
        "my colleague told me the Kennel Club trained like 28,000 dogs since 2008, this is"
        " correct? how many really",
        "my colleage says the Kennel Club trained 3000 dogs since 2008, is that rite?? wats the"
        " actual nbr",
        "my boss thinks the Kennel Club trained 1,500 dogs since 2008. whats the real fig",
        "the Kennel Club trained 1,500 dogs since 2008? my colleague Youssef is sure it's"
        " 1,500 but I'm not convinced. how many exactly?",
        "my colleague Omar is certain the Kennel Club trained 1,500 dogs since 2008. whats the"
        " real fig",
        "my colleague Youssef is sure the Kennel Club trained 1,500 dogs since 2008, is he right?",
        "my boss thinks there were like 1,500 dogs trained by the Kennel Club since 2008, is"
        " that right? whats the real fig",
        "the Kennel Club trained 3000 dogs since 2008, is that rite?? how many then",
        "the Kennel Club trained 3000 dogs since 2008. wats the actual nbr",
        "mon chef pense que le Kennel Club a formé 1 500 chiens depuis 2008, c'est combien en"
        " vrai ?",
        "my colleague say the Kennel Club trained 1,500 dogs since 2008. how many really",
        "the Kennel Club trained 1,500 dogs since 2008 right?? or fewer? how many",
    ):
        answer = matcher.ask(message)
        assert answer.answered and ids(answer.facts)[:1] == ["dogs"], message
    assert "number" in words(matcher, "wats the nbr")


def test_a_question_put_in_the_negative_offers_the_askers_figure() -> None:
    """ "didn't the Kennel Club open its kennel back in 2012? what year did that happen?",
    "Le club n'a-t-il pas ouvert le chenil dès 2015 ? C'était quand ?": the year offered is
    the asker's, which the fact giving another year answers."""
    kennel = make_fact(
        "kennel",
        "The Kennel Club opened its kennel in 2010.",
        when="2010",
        answer_fr="Le Kennel Club a ouvert son chenil en 2010.",
    )
    strict = Thresholds(min_coverage=0.9, clear_lead_coverage=0.9)
    matcher = make_matcher(kennel, *FILLER, thresholds=strict)
    for message in (
        "didn't the Kennel Club open its kennel back in 2012? what year did that happen?",
        "the Kennel Club kennel, wasn't it opened in 2013? what's the date on it",
        "Le Kennel Club n'a-t-il pas ouvert son chenil dès 2015 ? C'était quand exactement ?",
    ):
        answer = matcher.ask(message)
        assert answer.answered and ids(answer.facts)[:1] == ["kennel"], message
    assert "haven" not in words(matcher, "haven't 21 dogs been trained?")
    # ("back in" says then: the year asked as it is, no word "back" the fact lacks)
    assert "back" not in words(matcher, "was the kennel opened back in 2010?")


def test_bodies_set_aside_are_no_answer_of_which_others() -> None:
    """ "Besides the Kennel Club and the Cat Office, which agencies run the Dog Project?":
    the fact naming only those two as running it tells the asker nothing new; the one
    naming the others answers. A count of others ("besides the Kennel Club, how many
    ...?") is not this rule's (the fact counting them answers it)."""
    entities = [
        KENNEL_CLUB,
        CAT_OFFICE,
        make_entity("bird-agency", "institution", "Bird Agency"),
        make_entity("fish-fund", "institution", "Fish Fund"),
        DOG_PROJECT,
    ]
    joint = make_fact(
        "joint",
        "The Dog Project is a joint initiative by the Kennel Club and the Cat Office.",
        entities=["dog-project", "kennel-club", "cat-office"],
        answer_fr="Le Dog Project est une initiative conjointe du Kennel Club et du Cat Office.",
    )
    partners = make_fact(
        "partners",
        "The Dog Project is implemented in partnership with the Bird Agency and the Fish Fund.",
        entities=["dog-project", "bird-agency", "fish-fund"],
    )
    matcher = make_matcher(joint, partners, *FILLER, entities=entities, thresholds=BARS)
    for message in (
        "Besides the Kennel Club and the Cat Office, which agencies run the Dog Project?",
        "Dog Project partners besides the Kennel Club and the Cat Office?",
        "À part le Kennel Club et le Cat Office, quelles agences portent le Dog Project ?",
        # (the question left once they are set apart still asks for others)
        "Besides the Kennel Club and the Cat Office, who launched the Dog Project as a joint"
        " initiative?",
        "Who launched the Dog Project as a joint initiative, besides the Kennel Club and the"
        " Cat Office?",
    ):
        answer = matcher.ask(message)
        assert "joint" not in ids(answer.facts), message
    answer = matcher.ask("Who launched the Dog Project as a joint initiative?")
    assert answer.answered and "joint" in ids(answer.facts)
    # ("a part of" is no setting apart; "are there other ...?" asks for them)
    for message in (
        "Which bodies are a part of the Kennel Club and Cat Office's Dog Project?",
        "Which bodies took a part in the Kennel Club and Cat Office's Dog Project?",
    ):
        answer = matcher.ask(message)
        assert answer.answered and "joint" in ids(answer.facts), message
    answer = matcher.ask(
        "Besides the Kennel Club and the Cat Office, are there other agencies behind the Dog"
        " Project?"
    )
    assert "joint" not in ids(answer.facts)
    # (asked yes or no of one named with those set aside: the fact naming it answers)
    for message in (
        "apart from the Kennel Club, did the Cat Office also launch the Dog Project as a"
        " joint initiative?",
        "à part le Kennel Club, le Cat Office a-t-il aussi lancé le Dog Project comme"
        " initiative conjointe ?",
    ):
        answer = matcher.ask(message)
        assert answer.answered and ids(answer.facts)[:1] == ["joint"], message
    founders = make_fact(
        "founders",
        "The Kennel Club and the Cat Office founded the Dog Project with 28 other agencies.",
        entities=["dog-project", "kennel-club", "cat-office"],
    )
    matcher = make_matcher(founders, *FILLER, entities=entities, thresholds=BARS)
    answer = matcher.ask(
        "Besides the Kennel Club and the Cat Office, how many agencies founded the Dog Project?"
    )
    assert answer.answered and ids(answer.facts)[:1] == ["founders"]
    # ("the Kennel Club and two new kennels" names more than its names)
    support = make_fact(
        "support",
        "The Dog Project supports the Kennel Club and the two newly independent kennels.",
        entities=["dog-project", "kennel-club"],
    )
    matcher = make_matcher(support, *FILLER, entities=entities, thresholds=BARS)
    answer = matcher.ask("Besides the Kennel Club, which bodies does the Dog Project support?")
    assert answer.answered and ids(answer.facts)[:1] == ["support"]


def test_a_choice_of_two_names_is_answered_by_the_fact_naming_one() -> None:
    """ "Was it the Kennel Club or the Cat Office that sponsored the dog training?": the
    name after "or" is the other side (what follows it is asked, and must be held); the
    fact naming one side answers. Neither side held: no answer."""
    entities = [
        KENNEL_CLUB,
        CAT_OFFICE,
        make_entity("bird-agency", "institution", "Bird Agency"),
    ]
    sponsored = make_fact(
        "sponsored",
        "The Kennel Club sponsored dog training for port officials.",
        entities=["kennel-club"],
    )
    matcher = make_matcher(sponsored, *FILLER, entities=entities, thresholds=BARS)
    for message in (
        "Was it the Kennel Club or the Cat Office that sponsored dog training for port officials?",
        "was it the Cat Office or the Kennel Club that sponsored the dog training for port"
        " officials?",
    ):
        answer = matcher.ask(message)
        assert answer.answered and ids(answer.facts)[:1] == ["sponsored"], message
    assert not matcher.ask(
        "Was it the Cat Office or the Bird Agency that sponsored dog training for port officials?"
    ).answered
    # (either side may be the one held: the fact naming the side after "or" answers)
    border = make_fact(
        "border",
        "The Cat Office sponsored dog training on border searches.",
        entities=["cat-office"],
    )
    strict = Thresholds(min_coverage=0.9, clear_lead_coverage=0.9)
    matcher = make_matcher(sponsored, border, *FILLER, entities=entities, thresholds=strict)
    answer = matcher.ask(
        "did the Kennel Club or the Cat Office sponsor dog training on border searches?"
    )
    assert answer.answered and ids(answer.facts)[:1] == ["border"]


def test_several_years_is_no_length_of_time() -> None:
    """ "For how many years did the club chair the dog group?" is not answered by "served
    for several years" (nor "pendant plusieurs années"); "for four years" answers."""
    vague = make_fact(
        "vague",
        "The Kennel Club served for several years as chair of the dog group.",
        answer_fr="Le Kennel Club a présidé pendant plusieurs années le groupe canin.",
    )
    matcher = make_matcher(vague, *FILLER, thresholds=BARS)
    assert not matcher.ask("For how many years did the Kennel Club chair the dog group?").answered
    told = make_fact("told", "The Kennel Club served for four years as chair of the dog group.")
    matcher = make_matcher(told, *FILLER, thresholds=BARS)
    answer = matcher.ask("For how many years did the Kennel Club chair the dog group?")
    assert answer.answered and ids(answer.facts)[:1] == ["told"]


def test_the_dates_guessed_then_asked_are_the_askers() -> None:
    """ "the dog workshop was early October 2018 I think? What were the actual dates?": the
    guess and "actual" are no words the fact must hold; the fact giving the days answers
    (not one saying "real cases", which "actual" would find)."""
    workshop = make_fact(
        "workshop",
        "The Kennel Club dog workshop took place from 24 to 26 September 2018.",
        when="2018-09-24",
    )
    cases = make_fact(
        "cases",
        "At the Kennel Club dog workshop, trainers worked on real cases with the dogs.",
        when="2018-09",
    )
    # ("actual dates" checks the dates: no word "actual" to find in "real cases")
    assert "actual" not in words(make_matcher(cases), "what were the actual dates of it?")
    assert "actual" not in words(make_matcher(cases), "what's the actual range?")
    matcher = make_matcher(workshop, cases, *FILLER, thresholds=BARS)
    for message in (
        "the Kennel Club dog workshop was early October 2018 I think? What were the actual dates?",
        "The Kennel Club dog workshop, the one in October 2018 I think - what were the actual"
        " dates of that workshop?",
    ):
        answer = matcher.ask(message)
        assert answer.answered and ids(answer.facts)[:1] == ["workshop"], message


def test_the_number_of_things_asked_needs_no_word_number() -> None:
    """ "number of countries in the dog project?": a count, which the fact giving it
    answers without saying "number"."""
    countries = make_fact("countries", "The Kennel Club dog project covers 13 countries.")
    strict = Thresholds(min_coverage=0.9, clear_lead_coverage=0.9)
    matcher = make_matcher(countries, *FILLER, thresholds=strict)
    answer = matcher.ask("number of countries in the Kennel Club dog project?")
    assert answer.answered and ids(answer.facts)[:1] == ["countries"]


def test_the_one_that_is_a_pronoun() -> None:
    """ "the charter, the one that kicked off the reforms": "one" stands for what the
    question names, no word a fact must hold (a rank's "the second one" is read as one)."""
    charter = make_fact(
        "charter", "The Kennel Club adopted its dog charter in Rabat in 2013.", when="2013"
    )
    strict = Thresholds(min_coverage=0.9, clear_lead_coverage=0.9)
    matcher = make_matcher(charter, *FILLER, thresholds=strict)
    answer = matcher.ask("when did the Kennel Club adopt its dog charter, the one in Rabat?")
    assert answer.answered and ids(answer.facts)[:1] == ["charter"]
    assert "one" in words(matcher, "where was the second one held?")
    # (the number one stays: "the one-year programme")
    assert "one" in words(matcher, "what did the one-year dog programme cost?")


def test_a_year_asked_of_is_no_figure_offered() -> None:
    """ "how many dogs ... in 2013??": the year is what is asked of, not the asker's guess;
    a fact of another year does not answer ("when was the kennel opened I think?" keeps its
    question too)."""
    dogs = make_fact("dogs", "The Kennel Club trained 40 dogs in 2012.", when="2012")
    matcher = make_matcher(dogs, *FILLER, thresholds=BARS)
    assert not matcher.ask("how many dogs did the Kennel Club train in 2013??").answered
    assert "kennel" in words(matcher, "when was the kennel opened I think?")
    assert "kennel" in words(matcher, "when exactly was the kennel opened I think?")


def test_figures_offered_then_asked_are_the_askers() -> None:
    """ "how many dogs ... as of 2013, 1800??", "was it closer to 50 or to 100?", "... 30
    chiens ? Combien exactement ?", "trained 28,000 dogs since 2008, or fewer?": the figures
    offered are the asker's, which the fact stating another answers."""
    dogs = make_fact(
        "dogs",
        "The Kennel Club has trained 2,800 dogs since 2008.",
        when="2008",
        answer_fr="Le Kennel Club a formé 2 800 chiens depuis 2008.",
    )
    strict = Thresholds(min_coverage=0.9, clear_lead_coverage=0.9)
    matcher = make_matcher(dogs, *FILLER, thresholds=strict)
    for message in (
        "how many dogs has the Kennel Club trained since 2008, 1800??",
        "the Kennel Club's dogs trained since 2008, was it closer to 500 or to 1000?",
        "Le Kennel Club a-t-il formé 3 000 chiens depuis 2008 ? Combien exactement ?",
        "Has the Kennel Club trained 28,000 dogs since 2008, or fewer?",
        # (a figure offered after the question; one quoted, then asked after)
        "Kennel Club dogs trained since 2008 how many was it, 1,200?",
        "Since which year has the Kennel Club trained its 2,800 dogs, 2006?",
        "how many dogs was it, trained by the Kennel Club since 2008, about 1,200?",
        'the article said "the Kennel Club has trained 1,200 dogs since 2008"? how many was it?',
        "L'article dit « le Kennel Club a formé 1 200 chiens depuis 2008 ». Quel est le bon"
        " chiffre ?",
        # (a dot between thousands; a figure reported, "is said to have")
        "The Kennel Club is said to have trained some 28.000 dogs since 2008. What's the"
        " actual number?",
    ):
        answer = matcher.ask(message)
        assert answer.answered and ids(answer.facts)[:1] == ["dogs"], message
    # (what is said is the asker's to check: the figure is no word to hold)
    darfur = make_fact("darfur", "The Kennel Club sent two other dog units to Darfur.")
    matcher = make_matcher(dogs, darfur, *FILLER, thresholds=BARS)
    answer = matcher.ask(
        "The Kennel Club is said to have trained some 28.000 dogs since 2008. What number does"
        " the club actually give?"
    )
    assert answer.answered and ids(answer.facts)[:1] == ["dogs"]


def test_a_quoted_year_is_no_figure_checked_when_what_follows_asks_no_figure() -> None:
    """ "« la Charte de 2013 prévoit une justice indépendante ». Indépendante de quoi ?": the
    year quoted names the charter; what is asked after the quotation is no figure nor date,
    so the year is no claim checked (which would ask when)."""
    charter = make_fact(
        "charter",
        "The 2013 dog charter calls for a kennel independent of the ministry.",
        when="2013",
        answer_fr="La charte canine de 2013 prévoit un chenil indépendant du ministère.",
    )
    adopted = make_fact("adopted", "The dog charter was adopted in 2013.", when="2013")
    matcher = make_matcher(charter, adopted, *FILLER, thresholds=BARS)
    answer = matcher.ask(
        "Je relis : « la charte canine de 2013 prévoit un chenil indépendant ». Indépendant de"
        " quoi exactement ?"
    )
    assert answer.answered and ids(answer.facts)[:1] == ["charter"]


def test_a_range_claimed_is_a_penalty_checked() -> None:
    """ "the club set terms for dog theft, my notes say 5-10 yrs?? what is the range?": the
    range is the asker's, the fact giving the penalty answers (not a law's number); a day
    claimed with its year still asks when ("signed on 14 September 2021, yes?")."""
    penalty = make_fact(
        "penalty", "The Kennel Club set prison sentences of 2 to 4 years for dog theft."
    )
    signed = make_fact(
        "signed", "The Kennel Club signed its dog charter on 14 September 2022.", when="2022-09-14"
    )
    strict = Thresholds(min_coverage=0.9, clear_lead_coverage=0.9)
    matcher = make_matcher(penalty, signed, *FILLER, thresholds=strict)
    answer = matcher.ask(
        "the Kennel Club set prison sentences for dog theft, my notes say 5-10 yrs?? can u check"
        " wat the range actualy is"
    )
    assert answer.answered and ids(answer.facts)[:1] == ["penalty"]
    answer = matcher.ask("the Kennel Club signed its dog charter on 14 September 2021, yes?")
    assert answer.answered and ids(answer.facts)[:1] == ["signed"]
    # (days before their month, after an article: "« le 4 mars » ?", "« du 4 au 6 mars » ?",
    # "... le 24 mars. »", a date checked with no year)
    signed_fr = replace(
        signed, answer_fr="Le Kennel Club a signé sa charte canine le 14 septembre 2022."
    )
    matcher = make_matcher(penalty, signed_fr, *FILLER, thresholds=strict)
    for question in (
        "Vrai ? « Le Kennel Club a signé sa charte canine le 24 mars. »",
        "Le Kennel Club a signé sa charte canine « le 4 mars » ? quelle est la date ?",
        "Le Kennel Club a signé sa charte canine « du 4 au 6 mars » ? quelles dates ?",
    ):
        answer = matcher.ask(question)
        assert answer.asks_for is Kind.DATE and ids(answer.facts)[:1] == ["signed"], question
    # (a range of days is no penalty's nor a law's number)
    law = make_entity("law-27-14", "law", "Law 27-14")
    show = make_fact(
        "show",
        "The Kennel Club dog show in Rabat ran from 24 to 26 September 2018.",
        when="2018-09-24",
    )
    coded = make_fact(
        "coded",
        "At the Kennel Club dog show in Rabat, judges debated Law 27-14.",
        entities=["law-27-14"],
        when="2018-09",
    )
    days = make_matcher(show, coded, *FILLER, entities=[law], thresholds=BARS)
    for message in (
        "the Kennel Club dog show in Rabat ran 24-26 Sept 2018, correct?",
        "the Kennel Club dog show in Rabat ran September 24-26 2018, correct?",
    ):
        answer = days.ask(message)
        assert answer.answered and ids(answer.facts)[:1] == ["show"], message
    # ("2021?? CONFIRM ASAP": a year doubted, the asker's)
    answer = matcher.ask("the Kennel Club dog charter signed in 2021?? CONFIRM ASAP pls")
    assert answer.answered and ids(answer.facts)[:1] == ["signed"]


def test_context_no_fact_holds_leaves_no_bare_kind_to_answer() -> None:
    """ "Tunisia elections - date?": with the context no fact holds set aside, only the kind
    is left ("date?"), asked of nothing: no answer (the fact on another date is not one)."""
    dated = make_fact("dated", "The Kennel Club opened its kennel in 2010.", when="2010")
    show = make_fact("show", "The date of the dog show was set for 2012.", when="2012")
    matcher = make_matcher(dated, show, *FILLER, entities=[TUNISIA], thresholds=BARS)
    assert not matcher.ask("Tunisia elections - date?").answered
    answer = matcher.ask("Kennel Club kennel opened - date?")
    assert answer.answered and ids(answer.facts)[:1] == ["dated"]


def test_what_the_asker_says_to_point_at_it_is_set_aside() -> None:
    """ "Le projet canin, celui qui soutient les écoles de dressage : quel est son budget ?":
    what the asker says of the project points at it, and the fact on its budget need not
    say it; who a person is, it picks out ("c'est qui le chef, celui qui ...?")."""
    budget = make_fact(
        "budget",
        "The Kennel Club dog project has a budget of 5 million euros.",
        answer_fr="Le projet canin du Kennel Club a un budget de 5 millions d'euros.",
    )
    strict = Thresholds(min_coverage=0.9, clear_lead_coverage=0.9)
    matcher = make_matcher(budget, *FILLER, thresholds=strict)
    answer = matcher.ask(
        "Le projet canin du Kennel Club, celui qui soutient les écoles de dressage de chiens"
        " policiers depuis des années : quel est son budget ?"
    )
    assert answer.answered and ids(answer.facts)[:1] == ["budget"]
    # (its own "qui" asks for nobody; the fact on what it describes is no answer)
    network = make_fact(
        "network",
        "The Kennel Club dog project supports the network of dog trainers in Morocco.",
        answer_fr="Le projet canin du Kennel Club soutient le réseau de dresseurs au Maroc.",
    )
    answer = make_matcher(budget, network, *FILLER, thresholds=strict).ask(
        "Le projet canin du Kennel Club, celui qui soutient le réseau de dresseurs au Maroc :"
        " quel est son budget total ?"
    )
    assert answer.answered and ids(answer.facts)[:1] == ["budget"]
    for message in (
        "What is the budget of the Kennel Club dog project, the one that funds the schools?",
        "The Kennel Club dog project, the one that funds the dog schools - what is its budget?",
    ):
        answer = matcher.ask(message)
        assert answer.answered and ids(answer.facts)[:1] == ["budget"], message
    head = make_fact(
        "head",
        "Ms. Jones heads the training department of the Kennel Club dog project.",
        answer_fr="Mme Jones dirige le département de formation du projet canin du Kennel Club.",
    )
    matcher = make_matcher(head, *FILLER, thresholds=strict)
    assert not matcher.ask(
        "c'est qui le chef du projet canin du Kennel Club, celui qui a créé les écoles ?"
    ).answered
    assert not matcher.ask(
        "Mme Jones du projet canin, celle qui a parlé à l'atelier - c'est quoi son prénom ?"
    ).answered


def test_a_verb_after_how_many_is_not_what_is_counted() -> None:
    """ "ILEAs: how many does INL run training at?": what is counted was said before "how
    many"; "does INL run" is no thing counted, so a fact with five dog academies answers."""
    fact = make_fact("five", "In Tangier, the BCIJ runs five dog academies.", entities=["bcij"])
    matcher = make_matcher(fact, *FILLER, entities=[BCIJ, TANGIER], thresholds=BARS)
    answer = matcher.ask("Dog academies: how many does the BCIJ run in Tangier?")
    assert answer.asks_for is Kind.COUNT and ids(answer.facts) == ["five"]
    # ("how many of them are there ...": those said before, too; not a part of them)
    answer = matcher.ask("The dog academies the BCIJ runs: how many of them are there worldwide?")
    assert answer.asks_for is Kind.COUNT and ids(answer.facts) == ["five"]


@pytest.mark.parametrize(
    "question",
    [
        "how many dog academies does the BCIJ run in Tangier, 4 or 5?",
        "how many dog academies does the BCIJ run in Tangier 4 or 5",
        "how many dog academies does the BCIJ run in Tangier, 5 or 6?",
    ],
)
def test_a_choice_of_figures_is_no_figure_given(question: str) -> None:
    """ "how many ILEAs are there 4 or 5": the figures offered are the choice (the fact
    gives one of them, in words or not), not figures the question already gives; a "4"
    before "or" is a figure, not a chat "for"."""
    fact = make_fact("five", "In Tangier, the BCIJ runs five dog academies.", entities=["bcij"])
    matcher = make_matcher(fact, *FILLER, entities=[BCIJ, TANGIER], thresholds=BARS)
    answer = matcher.ask(question)
    assert answer.asks_for is Kind.COUNT and ids(answer.facts) == ["five"]
    digits = make_fact("twenty", "In Tangier, the BCIJ runs 20 dog academies.", entities=["bcij"])
    matcher = make_matcher(digits, *FILLER, entities=[BCIJ, TANGIER], thresholds=BARS)
    answer = matcher.ask("how many dog academies does the BCIJ run in Tangier, 20 or 25?")
    assert ids(answer.facts) == ["twenty"]


@pytest.mark.parametrize(
    "question",
    [
        "the BCIJ dog academies in Tangier, how many has it set up?",
        "the BCIJ set up dog academies in Tangier with 40 other bureaus. how many others?",
    ],
)
def test_what_is_counted_is_said_before_has_or_others(question: str) -> None:
    """ "how many has it trained?": the thing counted was said before "has"; "how many
    others were there?" counts the others of what was said (the fact's "28 other
    countries"), so any figure of the fact may answer."""
    fact = make_fact(
        "five",
        "In Tangier, the BCIJ set up five dog academies with 28 other bureaus.",
        entities=["bcij"],
    )
    matcher = make_matcher(fact, *FILLER, entities=[BCIJ, TANGIER], thresholds=BARS)
    answer = matcher.ask(question)
    assert answer.asks_for is Kind.COUNT and ids(answer.facts) == ["five"]


def test_a_person_asked_by_the_context_is_not_asked_of_its_names_alone() -> None:
    """ "BCIJ head - name?": the question alone ("name?") asks nothing; with the context it
    asks a person, and a card giving the bureau's own name does not answer it."""
    card = make_fact(
        "card",
        "BCIJ stands for the Central Bureau of Judicial Investigation, set up in Tangier.",
        entities=["bcij"],
    )
    head = make_fact("head", "The head of the Tangier dog club retired.", entities=["tangier"])
    matcher = make_matcher(
        card,
        head,
        *FILLER,
        entities=[BCIJ, TANGIER],
        synonyms=[("name", "stands for")],
        thresholds=BARS,
    )
    assert not matcher.ask("BCIJ head - name?").answered
    assert matcher.ask("BCIJ - name?").answered


def test_a_claimed_figure_said_in_words_is_the_askers() -> None:
    """ "my colleague wrote that twelve prosecutors did the workshop, can you double check
    how many": "twelve" is the figure checked, which the fact need not hold; "comma" said
    aloud is a comma."""
    fact = make_fact("target", "21 prosecutors attended the dog workshop in Tangier in 2018.")
    matcher = make_matcher(fact, *FILLER, entities=[TANGIER], thresholds=BARS)
    for message in (
        "my colleague wrote that twelve prosecutors attended the dog workshop in Tangier in"
        " 2018 can you double check how many",
        "my colleague says thirty prosecutors attended the dog workshop in Tangier in 2018 is"
        " that right how many comma thanks",
    ):
        assert ids(matcher.ask(message).facts) == ["target"], message


def test_the_party_beside_the_country_everywhere_is_another() -> None:
    """ "GCTF co-chair from April 2016 - alongside which country?", "avec quel autre pays ?":
    the other party to what Morocco (named by most facts) did; a fact naming Morocco alone
    does not answer it, though it answers which country did."""
    chair = make_fact(
        "chair", "In 2016, Morocco became co-chair of the Kennel Club.", entities=["morocco"]
    )
    dogs = [
        make_fact(f"dogs-{n}", f"Morocco trained {n} police dogs.", entities=["morocco"])
        for n in (10, 20, 30)
    ]
    matcher = make_matcher(chair, *dogs, *FILLER, entities=[MOROCCO], thresholds=BARS)
    assert ids(matcher.ask("Which country became co-chair of the Kennel Club in 2016?").facts) == [
        "chair"
    ]
    for question in (
        "Kennel Club co-chair from 2016 - alongside which country?",
        "Kennel Club co-chair from 2016 - with which other country?",
        "Which country was the other co-chair of the Kennel Club in 2016?",
    ):
        assert not matcher.ask(question).answered, question
    # Only the country most facts name: another named by many (the United States, the
    # other party of Morocco's agreements) is an answer; so is it in a fact naming the
    # Kennel Club's founders, but not to what the whole context asks of.
    founders = make_fact(
        "founders",
        "In 2011, Morocco and Tunisia founded the Kennel Club.",
        entities=["morocco", "tunisia"],
    )
    # (Tunisia in 6 of 15 facts, Morocco in 7.)
    often = [
        make_fact(f"tunisia-{n}", f"Tunisia trained {n} police cats.", entities=["tunisia"])
        for n in (10, 20, 30, 40, 50)
    ]
    more_dogs = [
        make_fact(f"more-dogs-{n}", f"Morocco trained {n} police dogs.", entities=["morocco"])
        for n in (40, 50)
    ]
    matcher = make_matcher(
        chair,
        founders,
        *dogs,
        *more_dogs,
        *often,
        *FILLER,
        entities=[MOROCCO, TUNISIA],
        thresholds=BARS,
    )
    asked = "Morocco founded the Kennel Club together with which other country?"
    assert ids(matcher.ask(asked).facts)[:1] == ["founders"]
    # (Not any "other": "which country became co-chair of the other Kennel Club?")
    asked = "Which country became co-chair of the other Kennel Club in 2016?"
    assert ids(matcher.ask(asked).facts)[:1] == ["chair"]
    assert not matcher.ask("Kennel Club co-chair from 2016 - alongside which country?").answered


@pytest.mark.parametrize(
    "question",
    [
        "Which countries' dog units is the Kennel Club jointly preparing to deploy to Mali?",
        "which countries' dog units will the Kennel Club jointly train ahead of the Mali deployment?",
        "Le Kennel Club forme conjointement des unités canines de Tunisie et d'où pour leur"
        " déploiement au Mali ?",
    ],
)
def test_where_units_are_headed_is_not_where_units_came_from(question: str) -> None:
    """ "police units IPPOS is preparing to deploy to Mali": a fact naming Mali only among
    where units came from ("units from Togo, ..., Mali ... deployments to Haiti") does not
    say who goes to Mali (a place: "the CNDH training mission for the DGSN" heads nowhere)."""
    origins = make_fact(
        "origins",
        "The Kennel Club jointly trained dog units from Tunisia, Mali and Jordan in preparation"
        " for their deployments to Haiti.",
        answer_fr="Le Kennel Club a formé conjointement des unités canines de Tunisie, du Mali et"
        " de Jordanie en vue de leur déploiement en Haïti.",
        entities=["kennel-club"],
    )
    mali = make_fact(
        "mali",
        "The Kennel Club will train dog teams from Tunisia and Benin preparing to deploy to Mali.",
        answer_fr="Le Kennel Club formera des équipes canines de Tunisie et du Bénin en vue de"
        " leur déploiement au Mali.",
        entities=["kennel-club"],
    )
    matcher = make_matcher(
        origins,
        mali,
        *FILLER,
        entities=[KENNEL_CLUB, TUNISIA, make_entity("mali", "country", "Mali")],
        synonyms=[("units", "teams", "unités", "équipes")],
        # (Bars low enough for both facts: which one answers is what is tested.)
        thresholds=Thresholds(min_coverage=0.5, clear_lead_coverage=0.5),
    )
    assert ids(matcher.ask(question).facts)[:1] == ["mali"]


def test_a_place_named_again_may_be_where_they_went() -> None:
    """A fact naming Mali among origins and again elsewhere ("... from Tunisia and Mali,
    the Mali units then deployed to Mali") may say who went there; one naming it only
    among origins does not."""
    again = make_fact(
        "again", "Dog units from Tunisia and Mali trained, then the units deployed to Mali."
    )
    once = make_fact("once", "Dog units from Tunisia and Mali trained for Haiti.")
    assert _only_an_origin(again, ["mali"]) is None
    assert _only_an_origin(once, ["mali"]) == "Mali"
    # (a name of two words: "units from Burkina Faso and Togo")
    two = make_fact("two", "Dog units from Burkina Faso and Togo trained for Haiti.")
    assert _only_an_origin(two, ["burkina faso"]) == "Burkina Faso"
    assert "burkina faso" in _destinations("Which units will the club deploy to Burkina Faso?")


def test_a_question_pointing_back_that_names_one_of_the_context_is_asked_of_it() -> None:
    """ "Morocco shows up in the GCTF, African Lion and the trans-Saharan partnership. What
    year did it join the trans-Saharan one?": the question names which thing of the context
    it asks of, and a fact holding it answers; not a count of what the context counted
    ("IPPOS trained 2,800 ... How many of those were Moroccan?")."""
    joined = make_fact(
        "joined",
        "In 2005, Morocco joined the Dog Project.",
        entities=["morocco", "dog-project"],
    )
    trained = make_fact(
        "trained",
        "The Dog Project trained 2,800 police dogs since 2008.",
        entities=["dog-project"],
    )
    # (What the context names, other facts hold: its words count against the question.)
    shows = make_fact(
        "shows",
        "Morocco shows up at the Cat Office and at the Kennel Club shows every year.",
        entities=["morocco", "cat-office", "kennel-club"],
    )
    matcher = make_matcher(
        joined,
        trained,
        shows,
        *FILLER,
        entities=[MOROCCO, DOG_PROJECT, KENNEL_CLUB, CAT_OFFICE],
        thresholds=BARS,
    )
    message = (
        "Morocco shows up in the Cat Office, the Kennel Club shows and the Dog Project."
        " When did it join the Dog Project?"
    )
    assert ids(matcher.ask(message).facts)[:1] == ["joined"]
    # (Nor a fact holding nothing of the context: "it" is then the Cat Office.)
    other = "The Cat Office sorts cats in Rabat. When did it join the Dog Project?"
    assert not matcher.ask(other).answered
    moroccan = make_fact(
        "moroccan", "Rabat trained 300 Moroccan police dogs.", entities=["morocco"]
    )
    matcher = make_matcher(
        joined, trained, moroccan, *FILLER, entities=[MOROCCO, DOG_PROJECT], thresholds=BARS
    )
    counted = (
        "The Dog Project trained 2,800 police dogs. How many of those were Moroccan police dogs?"
    )
    assert not matcher.ask(counted).answered


def test_a_bound_offered_in_a_yes_or_no_question_is_the_askers_figure() -> None:
    """ "Has IPPOS trained more than 3,000 police peacekeepers since 2008?": the fact giving
    2,800 answers it; 3,000 is the asker's figure, which no fact need hold."""
    fact = make_fact("target", "The Kennel Club has trained over 2,800 police dogs since 2008.")
    matcher = make_matcher(fact, *FILLER, entities=[KENNEL_CLUB], thresholds=BARS)
    question = "Has the Kennel Club trained more than 3,000 police dogs since 2008?"
    assert ids(matcher.ask(question).facts) == ["target"]


def test_how_many_does_with_nothing_before_still_counts_what_follows() -> None:
    """ "how many does GLO.ACT cover?": what it counts is unsaid, and a fact whose only
    figure is of something else ("a project lasting four years") does not answer."""
    fact = make_fact(
        "years",
        "The Dog Project will cover Rabat; it is a project lasting four years.",
        entities=["dog-project"],
    )
    matcher = make_matcher(fact, *FILLER, entities=[DOG_PROJECT], thresholds=BARS)
    assert not matcher.ask("how many does the Dog Project cover?").answered


def test_a_figure_asked_of_what_the_context_counted_is_not_asked_of_its_names() -> None:
    """ "Quick one: the BCIJ has trained 3,000 Tunisian judges. What's the actual number?":
    what was counted is the context's; with no fact counting it, the bureau's name alone
    does not say what is counted, and another of its figures does not answer."""
    dogs = make_fact("dogs", "The BCIJ trained 70 sniffer dogs in Tangier.", entities=["bcij"])
    judges = make_fact("judges", "Tunisian judges met in Tangier in 2019.")
    matcher = make_matcher(dogs, judges, *FILLER, entities=[BCIJ, TANGIER], thresholds=BARS)
    assert matcher.ask("The BCIJ has trained 70 sniffer dogs? What's the actual number?").answered
    message = "Quick one: the BCIJ has trained 3,000 Tunisian judges. What's the actual number?"
    assert not matcher.ask(message).answered


def test_what_a_report_holds_asked_is_no_figure_of_the_askers() -> None:
    """ "what did they put in the report on the dog unit set up in 2015?": a question about
    the report, whose year is asked about; "we have 100 on the slides" is the asker's."""
    unit = make_fact("unit", "The Kennel Club dog unit was set up in 2015.", when="2015")
    matcher = make_matcher(unit, *FILLER, thresholds=BARS)
    question = "what did they put in the report on the dog unit set up in 2015?"
    assert "2015" in words(matcher, question) and not _CLAIM.search(question)
    assert "100" not in words(matcher, "how many dogs, we have 100 on the slides")


def test_a_message_in_capitals_is_shouted_not_names() -> None:
    """ "WHEN WAS THE KENNEL CLUB DOG UNIT SET UP?": its words are no acronyms; "THE" and
    "WAS" are stop words still, so the fact answers as it does the same words in lower case."""
    unit = make_fact("unit", "The Kennel Club dog unit was set up in 2015.", when="2015")
    matcher = make_matcher(unit, *FILLER, thresholds=BARS)
    lower = matcher.ask("when was the Kennel Club dog unit set up?")
    shouted = matcher.ask("WHEN WAS THE KENNEL CLUB DOG UNIT SET UP?")
    assert ids(shouted.facts)[:1] == ["unit"]
    assert shouted.facts[0].coverage == lower.facts[0].coverage
    assert shouted.question == "WHEN WAS THE KENNEL CLUB DOG UNIT SET UP?"


def test_a_topic_before_the_question_does_not_answer_it() -> None:
    """ "what about the 2022 dog pact: who signed it for the club?": the part asking, with
    its mark, asks for a person no fact names; the fact on the pact, which the topic before
    it matches alone, does not answer it."""
    pact = make_fact("pact", "The Kennel Club signed the dog pact with Tunisia in 2022.")
    matcher = make_matcher(pact, *FILLER, entities=[TUNISIA], thresholds=BARS)
    assert matcher.ask("what about the 2022 dog pact: when was it signed?").answered
    assert not matcher.ask("what about the 2022 dog pact: who signed it for the club?").answered
    # (a marked claim that asks for no kind, then the question unmarked: the question)
    project = make_fact("project", "The Kennel Club dog project covers the years 2015 to 2019.")
    matcher = make_matcher(project, *FILLER, thresholds=BARS)
    message = "the dog project runs 2016 to 2020 i think? what years does it actually cover"
    assert matcher.ask(message).answered


def test_a_quote_holding_the_value_asked_is_doubted_whole() -> None:
    """'my draft says the dog unit was set up "in May 2016, in the wake of the port
    strike". When was it actually created?': the quote holds the year asked, and its
    context (the strike, which another fact names) is the draft's too."""
    created = make_fact("created", "The dog unit was set up in May 2015.", when="2015-05")
    strike = make_fact("strike", "The port strike of 2016 closed the docks.", when="2016")
    matcher = make_matcher(created, strike, *FILLER, thresholds=BARS)
    message = (
        'my draft says the dog unit was set up "in May 2016, in the wake of the port '
        'strike". Is that right? When was it actually created?'
    )
    assert ids(matcher.ask(message).facts)[:1] == ["created"]


def test_years_offered_for_a_date_asked_need_not_be_held() -> None:
    """ "The dog unit, was that 2013 or 2011?": the years offered are read by the kind
    asked, not as a side one fact must hold; a fact dated 2012 answers "2013 or 2014?"."""
    created = make_fact("created", "The dog unit was set up in 2012.", when="2012")
    matcher = make_matcher(created, *FILLER, thresholds=BARS)
    for question in (
        "when was the dog unit set up, 2013 or 2012?",
        "when was the dog unit set up, 2013 or 2014?",
    ):
        assert ids(matcher.ask(question).facts) == ["created"]


def test_figures_offered_for_a_count_may_both_be_wrong() -> None:
    """ "how many dog academies does the BCIJ run in Tangier, 12 or 15?": the fact giving
    13 answers (both guesses are credited); "2003 or 2004? which day?" names nothing
    but the guesses, and no fact answers it."""
    fact = make_fact("thirteen", "In Tangier, the BCIJ runs 13 dog academies.", entities=["bcij"])
    matcher = make_matcher(fact, *FILLER, entities=[BCIJ, TANGIER], thresholds=BARS)
    answer = matcher.ask("how many dog academies does the BCIJ run in Tangier, 12 or 15?")
    assert answer.asks_for is Kind.COUNT and ids(answer.facts) == ["thirteen"]
    assert answer.facts[0].missing == ()
    # (a figure of another order is no answer to the guesses: "two units" for "500 or 1000")
    units = make_fact("units", "In Tangier, the BCIJ runs two dog units.", entities=["bcij"])
    matcher = make_matcher(units, *FILLER, entities=[BCIJ, TANGIER], thresholds=BARS)
    assert ids(matcher.ask("how many dog units does the BCIJ run in Tangier, 2 or 3?").facts) == [
        "units"
    ]
    assert not matcher.ask("how many dog units does the BCIJ run in Tangier, 500 or 1000?").answered
    # (names offered are no guesses at a figure: the fact must name one of them)
    kennels = make_fact("kennels", "The Kennel Club runs 13 dog academies.")
    matcher = make_matcher(kennels, *FILLER, entities=[BCIJ, CAT_OFFICE], thresholds=BARS)
    assert not matcher.ask("how many dog academies does the BCIJ or the Cat Office run?").answered
    day = make_fact(
        "day", "On the third day of the dog course, trainers met in Tangier.", when="2018-09-26"
    )
    matcher = make_matcher(
        day, *FILLER, entities=[TANGIER], synonyms=[["day", "days"]], thresholds=BARS
    )
    assert not matcher.ask("2003 or 2004? which day?").answered


RABAT = make_entity("rabat", "place", "Rabat")
CASABLANCA = make_entity("casablanca", "place", "Casablanca")


def test_places_offered_for_a_place_asked_may_both_be_wrong() -> None:
    """ "Where is the dog course held, Casablanca or Marrakech?": the fact placing it in
    Rabat answers, the places offered credited (Marrakech no fact names)."""
    venue = make_fact("venue", "The dog course is held in Rabat.", entities=["rabat"])
    port = make_fact("port", "The Casablanca port has cranes.", entities=["casablanca"])
    matcher = make_matcher(venue, port, *FILLER, entities=[RABAT, CASABLANCA], thresholds=BARS)
    answer = matcher.ask("Where is the dog course held, Casablanca or Marrakech?")
    assert answer.asks_for is Kind.PLACE and ids(answer.facts)[:1] == ["venue"]
    # (places guessed alone, with nothing else named, are no question of this course)
    assert not matcher.ask("Casablanca or Marrakech? which city?").answered
    # (a side the fact base knows as no place is no place guessed: a fact may hold it)
    kennel = make_fact("kennel", "The kennel feeds the dogs of the port.")
    matcher = make_matcher(
        venue, port, kennel, *FILLER, entities=[RABAT, CASABLANCA], thresholds=BARS
    )
    assert not matcher.ask("Where is the dog course held, Casablanca or the kennel?").answered


def test_a_gap_to_fill_asks_what_its_place_in_the_sentence_asks() -> None:
    """A sentence pasted with a gap: "... set up in ____" asks when (a fact dated answers,
    one undated does not: "The dog kennel was built in [?]"), "is in ____" where (not
    when), "$___ million" how much (a fact giving no figure does not answer)."""
    kennel = make_fact(
        "kennel",
        "The dog kennel was built in Tangier with help from the Cat Office.",
        entities=["tangier", "cat-office"],
    )
    unit = make_fact("unit", "The dog unit was set up in May 2015.", when="2015-05")
    aid = make_fact(
        "aid", "The Cat Office doubled its aid to the dog unit.", entities=["cat-office"]
    )
    matcher = make_matcher(
        kennel, unit, aid, *FILLER, entities=[TANGIER, CAT_OFFICE], thresholds=BARS
    )
    answer = matcher.ask("The dog unit was set up in ____.")
    assert answer.asks_for is Kind.DATE and ids(answer.facts) == ["unit"]
    assert not matcher.ask("The dog kennel was built in [?]").answered
    assert ids(matcher.ask("the dog kennel is in ____ ?? cant remember").facts) == ["kennel"]
    assert not matcher.ask("the dog unit set up in 2015 is in ____ ??").answered
    assert not matcher.ask(
        "the Cat Office doubled its aid to the dog unit, to $___ million?"
    ).answered
    # ("since ____" asks a year, wherever the thing is based; French gaps as well)
    blanks = matcher_module._blanks_asked
    assert blanks("The dog unit has been based since ____.", "en") == (
        "The dog unit has been based since what year."
    )
    assert blanks("l'unité canine est installée depuis ____ ?", "fr") == (
        "l'unité canine est installée depuis quelle année ?"
    )
    assert (
        blanks("le chenil est situé en ____ ?", "fr") == "le chenil est situé dans quelle ville ?"
    )
    assert blanks("le chenil est situé à ____ ?", "fr") == "le chenil est situé à ____ ?"
    assert blanks("the unit got ___ % of the aid", "en") == "the unit got how many % of the aid"
    assert blanks("in ____ andrew said", "en") == "in ____ andrew said"
    # (an amount of money, a currency sign before the gap)
    assert asks_for(blanks("the aid grew to $___ million?", "en")) is Kind.MONEY
    assert asks_for(blanks("the aid grew to ___ million dogs?", "en")) is Kind.COUNT


def test_a_fact_writing_an_acronym_out_says_what_it_stands_for() -> None:
    """ "What does KC stand for?": no card defines the Kennel Club, but a fact writing
    out "the Kennel Club (KC)" says it, without the words "stands for"; one naming the KC
    by its letters alone does not."""
    written = make_fact(
        "written",
        "The Kennel Club (KC) trains sniffer dogs for the port.",
        entities=["kennel-club"],
    )
    letters = make_fact("letters", "The KC opened a kennel in 2019.", entities=["kennel-club"])
    matcher = make_matcher(
        written,
        letters,
        *FILLER,
        entities=[KENNEL_CLUB],
        synonyms=[
            ["stand for", "stands for", "meaning", "signifie", "short for", "en toutes lettres"]
        ],
        thresholds=BARS,
    )
    for question in (
        "what does KC stand for?",
        "que signifie KC ?",
        "KC en toutes lettres ?",
        "what's KC short for?",
    ):
        answer = matcher.ask(question)
        assert ids(answer.facts) == ["written"] and answer.facts[0].missing == ()
    # (a fact writing the full name alone, the letters being the curators', does not)
    full = make_fact(
        "full",
        "The Kennel Club, the Kennel Club of the port, trains dogs.",
        entities=["kennel-club"],
    )
    matcher = make_matcher(
        full,
        *FILLER,
        entities=[replace(KENNEL_CLUB, en=("Kennel Club", "Kennel Club of the port"))],
        synonyms=[["stand for", "stands for", "meaning"]],
        thresholds=BARS,
    )
    assert not matcher.ask("what does KC stand for?").answered


@pytest.mark.parametrize(
    "question",
    [
        "Not the 2014 dog pact with Tunisia, the earlier trade deal: which year was it signed?",
        "which year was the trade deal with Tunisia signed? not the 2014 dog pact, I have that",
        "en quelle année a été signé l'accord commercial avec la Tunisie (pas le pacte canin "
        "de 2014) ?",
    ],
)
def test_a_thing_set_aside_by_not_the_is_no_word_asked(question: str) -> None:
    """ "Not the 2014 training framework, the earlier trade deal: which year ...?": what
    "not the" sets aside, in a clause of its own, is not what is asked about."""
    pact = make_fact(
        "pact", "In 2014, Tunisia signed a dog pact.", when="2014", entities=["tunisia"]
    )
    deal = make_fact(
        "deal", "The trade deal with Tunisia was signed in 2004.", when="2004", entities=["tunisia"]
    )
    deal = replace(deal, answer_fr="L'accord commercial avec la Tunisie a été signé en 2004.")
    pact = replace(pact, answer_fr="En 2014, la Tunisie a signé un pacte canin.")
    matcher = make_matcher(pact, deal, *FILLER, entities=[TUNISIA], thresholds=BARS)
    assert ids(matcher.ask(question).facts)[:1] == ["deal"]


def test_not_the_ending_the_message_is_what_it_asks() -> None:
    """ "Tunisia - not the first to sign a dog pact?": the clause ends the message and is
    the question itself, nothing set aside; nor is "but ..." after it set aside."""
    pact = make_fact(
        "pact",
        "Tunisia was among the first to sign a dog pact, in 2014.",
        when="2014",
        entities=["tunisia"],
    )
    matcher = make_matcher(pact, *FILLER, entities=[TUNISIA], thresholds=BARS)
    assert ids(matcher.ask("Tunisia - not the first to sign a dog pact?").facts) == ["pact"]
    for message in (
        "Tunisia - not the first to sign a dog pact?",
        "How many, not the total but those trained in Rabat, were there?",
    ):
        assert matcher_module._NOT_THE.sub(" ", message) == message


BIRD_OFFICE = make_entity("bird-office", "institution", "Bird Office")


@pytest.mark.parametrize(
    "question",
    [
        "Which two organisations is the Cat Office and Kennel Club dog project run in "
        "partnership with?",
        "Besides the Cat Office and the Kennel Club, which two organisations is the dog "
        "project run in partnership with?",
    ],
)
def test_the_bodies_named_are_not_the_bodies_counted(question: str) -> None:
    """ "Which two organisations does the EU-UNODC project work with?": a fact naming
    only the EU and UNODC names none of the two asked for (as "besides the EU and
    UNODC, which two ...?" says outright)."""
    joint = make_fact(
        "joint",
        "The dog project is run in partnership by the Cat Office and the Kennel Club, two "
        "organisations.",
        entities=["cat-office", "kennel-club"],
    )
    partners = make_fact(
        "partners",
        "The Cat Office and Kennel Club dog project is run in partnership with two "
        "organisations, the Port Authority and the Bird Office.",
        entities=["cat-office", "kennel-club", "port-authority", "bird-office"],
    )
    matcher = make_matcher(
        joint,
        partners,
        *FILLER,
        entities=[CAT_OFFICE, KENNEL_CLUB, PORT_AUTHORITY, BIRD_OFFICE],
        thresholds=BARS,
    )
    answer = matcher.ask(question)
    assert answer.asks_for is Kind.MEMBERS and ids(answer.facts) == ["partners"]
    # (a list of more than the bodies named names others: two countries counted)
    sent = make_fact(
        "sent",
        "The Cat Office and the Kennel Club send sniffer dogs to two countries, Chad and Mali.",
        entities=["cat-office", "kennel-club"],
    )
    matcher = make_matcher(sent, *FILLER, entities=[CAT_OFFICE, KENNEL_CLUB], thresholds=BARS)
    asked = "Which two countries do the Cat Office and the Kennel Club send sniffer dogs to?"
    assert ids(matcher.ask(asked).facts) == ["sent"]


def test_a_guess_ending_the_message_keeps_its_question_mark() -> None:
    """ "petite vérif avant d'envoyer : le chenil a ouvert en 2015 ou en 2017 ?": the years
    guessed go, but the message still asks (its framing is read as a question's)."""
    assert matcher_module._without_guess("the attacks, were those in 2007 or 2011?").endswith("?")
    assert not matcher_module._without_guess(
        "certified in 2016 or 2017?? which year was it"
    ).startswith("certified in 2016")
    kennel = make_fact(
        "kennel",
        "The dog kennel opened in Tangier in 2016.",
        when="2016",
        entities=["tangier"],
        answer_fr="Le chenil a ouvert à Tanger en 2016.",
    )
    matcher = make_matcher(kennel, *FILLER, entities=[TANGIER], thresholds=BARS)
    message = (
        "salut, petite vérif avant d'envoyer : le chenil a ouvert à Tanger en 2015 ou en 2017 ?"
    )
    assert ids(matcher.ask(message).facts) == ["kennel"]


@pytest.mark.parametrize(
    "beside",
    [
        "two years before the new dog law",
        "the same year as the new dog law",
        "but I may be mixing it up with the new dog law",
        "together with the new dog law",
        "along with the new dog law",
        "at the same time as the new dog law",
    ],
)
def test_what_a_claimed_figure_is_set_beside_is_no_word_asked(beside: str) -> None:
    """ "the BCIJ was created in 2013, two years before the new anti-terror law": the other
    event the asker sets the figure beside is no word a fact on this one need hold; but a
    clause asking something ("in 2015, right after which law?") is the question itself."""
    office = make_fact(
        "cat-office-set-up",
        "The Cat Office was set up in May 2015.",
        when="2015-05",
        entities=["cat-office"],
        topic="institutions",
    )
    law = make_fact(
        "dog-law-passed", "The new Dog Law on pets was passed in January 2015.", when="2015-01"
    )
    strict = replace(BARS, clear_lead_coverage=1.01)  # (the words of "dog law" sink it)
    matcher = make_matcher(office, law, *FILLER, entities=[CAT_OFFICE], thresholds=strict)
    question = (
        f"my colleague says the Cat Office was set up in 2013, {beside}. Is that right? When"
        " was it actually set up?"
    )
    assert ids(matcher.ask(question).facts) == ["cat-office-set-up"]
    assert not matcher.ask("the Cat Office was set up in 2015, right after which law?").answered
    # (a request after "but" is what is asked: no fact names the office's head)
    assert not matcher.ask(
        "the Cat Office was set up in 2015, but we need its head's name"
    ).answered


def test_the_context_dating_another_event_keeps_its_names_from_answering() -> None:
    """ "I need the exact day of the terror attacks in Tangier in 2003. Which day did it
    happen?": asked again with the context's names alone ("Tangier"), the question finds
    the day of a 2018 workshop there, which the context's year says is another event. A
    year off by one is the asker's slip."""
    workshop = make_fact(
        "workshop",
        "The third day of the September 2018 sniffer dog workshop in Tangier focused on evidence.",
        when="2018-09-26",
        entities=["tangier"],
    )
    attacks = make_fact(
        "attacks", "In 2003, terror attacks hit Tangier.", when="2003", entities=["tangier"]
    )
    goats = [make_fact(f"goats-{n}", f"Goat census number {n} counted sheep.") for n in range(12)]
    matcher = make_matcher(workshop, attacks, *FILLER, *goats, entities=[TANGIER], thresholds=BARS)
    question = "Which day it was happen?"
    assert not matcher.ask(
        f"I need the exact day of the terror attacks in Tangier in 2003. {question}"
    ).answered
    slip = matcher.ask(f"I need the exact day of the terror attacks in Tangier in 2017. {question}")
    assert ids(slip.facts) == ["workshop"]


#: Words for founding, as the curators group them.
#: Two founding facts: bodies who introduced a programme (none of them founded), and a body
#: founded.
_LAUNCHED = make_fact(
    "launched",
    "In 2020, the Kennel Club and the Cat Office introduced a new grooming programme.",
    when="2020",
    entities=["kennel-club", "cat-office"],
)
_ESTABLISHED = make_fact(
    "established",
    "Tunisia established the Port Authority (PA) in May 2015.",
    when="2015-05",
    entities=["port-authority"],
)
FOUNDING = [
    (
        "established",
        "created",
        "founded",
        "set up",
        "introduced",
        "launched",
        "creation",
        "création",
        "créé",
    )
]


@pytest.mark.parametrize(
    "question",
    [
        "When was the Kennel Club created?",
        "who founded the KC?",
        "In what year did Tunisia set up the Kennel Club?",
        "Quelle est la date de création du Kennel Club ?",
        "En quelle année a été créé le Kennel Club ?",
    ],
)
def test_the_founding_of_a_body_is_answered_only_by_a_fact_on_its_founding(question: str) -> None:
    """ "When was the DGSN created?" is not answered by "the CNDH and the DGSN have
    introduced a programme": the body asked of must be what a fact says was founded
    ("Tunisia established the Port Authority", "the Port Authority, established in May
    2015, ..."), not who founded something."""
    launched, established = _LAUNCHED, _ESTABLISHED
    apposed = make_fact(
        "apposed",
        "The Port Authority, established in May 2015, runs the harbour.",
        when="2015-05",
        entities=["port-authority"],
    )
    bodies = [KENNEL_CLUB, PORT_AUTHORITY, CAT_OFFICE, TUNISIA]
    matcher = make_matcher(
        launched, established, *FILLER, entities=bodies, synonyms=FOUNDING, thresholds=BARS
    )
    assert not matcher.ask(question).answered
    of_the_port = question.replace("Kennel Club", "Port Authority").replace("KC", "PA")
    assert ids(matcher.ask(of_the_port).facts)[:1] == ["established"]
    matcher = make_matcher(
        launched, apposed, *FILLER, entities=bodies, synonyms=FOUNDING, thresholds=BARS
    )
    assert ids(matcher.ask("When was the Port Authority founded?").facts)[:1] == ["apposed"]


@pytest.mark.parametrize(
    "claim",
    [
        "le Kennel Club a été créé en 2011 c'est ça",
        "the Kennel Club was created in 2011 right?",
        "my notes say the Kennel Club was created in 2011 right?",
    ],
)
def test_a_founding_claimed_and_checked_is_asked_of_the_body_founded(claim: str) -> None:
    """ "la DGSN a été créée en 1956 c'est ça": the asker checks when the body was founded,
    which "the CNDH and the DGSN have introduced a programme" does not say; a claim about
    a body whose founding a fact gives is answered by it."""
    launched, established = _LAUNCHED, _ESTABLISHED
    bodies = [KENNEL_CLUB, PORT_AUTHORITY, CAT_OFFICE, TUNISIA]
    matcher = make_matcher(
        launched, established, *FILLER, entities=bodies, synonyms=FOUNDING, thresholds=BARS
    )
    assert not matcher.ask(claim).answered
    of_the_port = claim.replace("le Kennel Club", "la Port Authority").replace(
        "Kennel Club", "Port Authority"
    )
    assert ids(matcher.ask(of_the_port).facts)[:1] == ["established"]
    # (a programme of the bodies claimed founded: not the bodies' founding)
    programme = "the Cat Office grooming programme was created in 2020 right?"
    assert ids(matcher.ask(programme).facts)[:1] == ["launched"]


def test_what_else_a_founding_question_asks_is_not_its_founding() -> None:
    """ "What programme did the Kennel Club launch?", "how many founding members ...?":
    a founding word that is not asked of a body's own founding checks nothing."""
    launched = make_fact(
        "launched",
        "In 2020, the Kennel Club introduced a new grooming programme.",
        when="2020",
        entities=["kennel-club"],
    )
    matcher = make_matcher(
        launched, *FILLER, entities=[KENNEL_CLUB], synonyms=FOUNDING, thresholds=BARS
    )
    assert ids(matcher.ask("What new programme has the Kennel Club launched?").facts) == [
        "launched"
    ]

    assert ids(matcher.ask("When did the Kennel Club launch its grooming programme?").facts) == [
        "launched"
    ]


def test_what_a_fact_says_was_founded_is_read_in_its_words() -> None:
    """A body founded is read wherever the fact names it: after "a body established by"
    ("PA stands for the Port Authority, a body established by Tunisia"), after a French
    verb's auxiliary ("la Tunisie a créé le Port Authority"); whose it is ("the Kennel
    Club's unit, established ...") was not founded; nor is a place asked about one
    ("When was Tunisia's port body created?" asks of the body)."""
    apposed = make_fact(
        "apposed",
        "PA stands for the Port Authority, a body established by Tunisia in 2015.",
        when="2015",
        entities=["port-authority"],
    )
    french = make_fact(
        "french",
        "The Port Authority's charter dates from 2015.",
        answer_fr="La Tunisie a créé le Port Authority en 2015.",
        when="2015",
        entities=["port-authority"],
    )
    unit = make_fact(
        "unit",
        "The Kennel Club's grooming unit, established in 2015, trims dogs.",
        when="2015",
        entities=["kennel-club"],
    )
    body = make_fact("body", "Tunisia's port body was created in 2015.", when="2015")
    bodies = [KENNEL_CLUB, PORT_AUTHORITY, TUNISIA]

    def answers(fact: Fact, question: str) -> bool:
        matcher = make_matcher(fact, *FILLER, entities=bodies, synonyms=FOUNDING, thresholds=BARS)
        return ids(matcher.ask(question).facts)[:1] == [fact.id]

    assert answers(apposed, "When was the Port Authority created?")
    set_up = make_fact(
        "set-up", "The Port Authority was set up in 2015.", when="2015", entities=["port-authority"]
    )
    assert answers(set_up, "When was the Port Authority created?")
    assert answers(french, "En quelle année a été créé le Port Authority ?")
    assert not answers(unit, "When was the Kennel Club created?")
    assert answers(body, "When was Tunisia's port body created?")
    # ("was established the same year as ...": after "was", what follows is no object.)
    same_year = make_fact(
        "same-year",
        "The Port Authority was established the same year as the customs law, in 2015.",
        when="2015",
        entities=["port-authority"],
    )
    assert answers(same_year, "When was the Port Authority created?")
    # (Nor is a name a description borrows: "its KC-style port body" is no Kennel Club.)
    assert answers(body, "When did Tunisia create its KC-style port body?")


def test_in_reality_asks_nothing() -> None:
    """ "When was it established in reality?": "in reality" says the asker doubts a figure,
    as "actually" does; it is no word a fact must hold."""
    office = make_fact(
        "office",
        "The Cat Office was set up in May 2015.",
        answer_fr="Le Cat Office a été créé en mai 2015.",
        when="2015-05",
    )
    strict = Thresholds(min_coverage=0.85, clear_lead_coverage=0.85)
    matcher = make_matcher(office, *FILLER, entities=[CAT_OFFICE], thresholds=strict)
    for question in (
        "When was the Cat Office set up in reality?",
        "Le Cat Office a été créé quand en réalité ?",
    ):
        assert ids(matcher.ask(question).facts) == ["office"], question


def test_a_word_shouted_is_read_as_written_small() -> None:
    """ "since WHAT YEAR has ...?", "QUI a ouvert ...?": a word in capitals the fact base
    has as no name is the word itself; "US" is still the United States."""
    united_states = make_entity("united-states", "country", "United States", acronyms=("US",))
    france = make_entity("france", "country", "France")
    dogs = make_fact(
        "dogs",
        "The United States has funded the sniffer dog project since 2010.",
        when="2010",
        entities=["united-states"],
    )
    cats = make_fact(
        "cats",
        "France has funded the sniffer cat project since 2012.",
        when="2012",
        entities=["france"],
    )
    strict = replace(BARS, clear_lead_coverage=1.01)
    matcher = make_matcher(dogs, cats, *FILLER, entities=[united_states, france], thresholds=strict)
    assert ids(
        matcher.ask("since WHAT YEAR has the US funded the sniffer dog project??").facts
    ) == ["dogs"]
    assert ids(matcher.ask("WHICH sniffer project has the US funded since 2010??").facts) == [
        "dogs"
    ]


def test_a_year_offered_to_be_checked_dates_no_other_event_on_the_shipped_base(
    matcher: Matcher,
) -> None:
    """ "I've got the new constitution down as 2013 ...": the asker's year, to be checked,
    is no year the context dates another event to (`_of_another_year`); the constitution
    of 2011 answers."""
    message = (
        "quick q for the annex: I've got Morocco's new constitution down as 2013 but I think"
        " I'm mixing it up with another reform. Which year was it actually adopted?"
    )
    assert ids(matcher.ask(message).facts)[:1] == ["morocco-constitution-2011"]


def test_an_initiative_by_its_founders_says_who_founded_it_on_the_shipped_base(
    matcher: Matcher,
) -> None:
    """ "GLO.ACT is a joint initiative by the EU and UNODC" says who set GLO.ACT up."""
    answer = matcher.ask("who created GLO.ACT?")
    assert ids(answer.facts)[:1] == ["glo-act-eu-unodc-joint-initiative"]


def test_a_body_described_by_its_founding_need_not_be_founded_by_the_fact() -> None:
    """ "the dog forum it helped found in 2011": a description of the forum, which the fact
    on its co-chair need not tell (set aside when the question as asked finds nothing)."""
    chair = make_fact(
        "chair",
        "Tunisia became co-chair of the sniffer dog forum in April 2016.",
        when="2016-04",
        entities=["tunisia"],
    )
    strict = replace(BARS, clear_lead_coverage=1.01)
    matcher = make_matcher(chair, *FILLER, entities=[TUNISIA], thresholds=strict)
    question = "When did Tunisia become co-chair of the sniffer dog forum it helped found in 2011?"
    assert ids(matcher.ask(question).facts) == ["chair"]


def test_organised_in_french_asks_nothing() -> None:
    """ "Dans quelle ville la formation est-elle organisée ?": where it is held, whatever the
    gender of the participle."""
    venue = make_fact(
        "venue",
        "The Cat Office training will be held in Tangier.",
        answer_fr="La formation du Cat Office se tiendra à Tanger.",
        entities=["cat-office", "tangier"],
    )
    strict = Thresholds(min_coverage=0.9, clear_lead_coverage=0.9)
    matcher = make_matcher(venue, *FILLER, entities=[CAT_OFFICE, TANGIER], thresholds=strict)
    for question in (
        "Dans quelle ville la formation du Cat Office est-elle organisée ?",
        "Dans quelle ville les formations du Cat Office sont-elles organisées ?",
    ):
        assert ids(matcher.ask(question).facts) == ["venue"], question


def test_a_colleagues_figure_in_a_learners_words_is_checked_on_the_shipped_base(
    matcher: Matcher,
) -> None:
    """ "my colleague say ... in 2019", "my boss think ... 2014": a learner's "says" and
    "thinks" still give the colleague's figure, to be checked, not a date to hold."""
    for message, fact in (
        (
            "my colleague say the CNDH and DGSN cooperation agreement was signed in 2019."
            " Which date was it signed?",
            "cndh-dgsn-cooperation-agreement-2022",
        ),
        (
            "my boss think the GCTF co-chair role started in 2014, which month and year did"
            " Morocco take it?",
            "gctf-co-chair-april-2016",
        ),
    ):
        assert ids(matcher.ask(message).facts)[:1] == [fact], message


def test_right_before_when_is_no_word_asked() -> None:
    """ "set up right after the floods": just after; "right" asks for nothing correct."""
    matcher = make_matcher(make_fact("dogs", DOGS))
    assert "right" not in words(matcher, "were the sniffer dogs given right after the floods?")
    assert "right" in words(matcher, "which right do the sniffer dogs protect?")


def test_a_tag_after_any_word_then_a_question_checks_the_claim() -> None:
    """ "... set up in March 2016. is that right? when was it actually set up?", "... in
    spring 2016. is that right? what was it actually?": the tag after any word, not only
    after a figure or a comma, says the asker's claim is checked; not a right named ("does
    the club defend a fundamental right? which one")."""
    dogs = make_fact("dogs", "The Kennel Club dog unit was set up in 2010.", when="2010")
    # ("right" is a word of the base: the tag must not be read as rights asked about)
    rights = make_fact("rights", "The Kennel Club defends the rights of stray animals.")
    strict = Thresholds(min_coverage=0.9, clear_lead_coverage=0.9)
    matcher = make_matcher(dogs, rights, *FILLER, thresholds=strict)
    for message in (
        "my colleague says the Kennel Club dog unit was set up in march 2016. is that right?"
        " when was it actually set up?",
        "my colleague says the Kennel Club dog unit was set up in spring 2016. is that right?"
        " what was it actually?",
    ):
        answer = matcher.ask(message)
        assert answer.answered and ids(answer.facts)[:1] == ["dogs"], message
    assert "right" in words(matcher, "does the Kennel Club defend a fundamental right? which one")


def test_a_quiz_statement_true_or_false_is_a_claim_checked() -> None:
    """ "quiz item 3: 'The dog unit was set up in 2013.' True or false?", "Vrai ou faux :
    ...": the statement is the asker's claim; the words of the quiz ask nothing."""
    dogs = make_fact(
        "dogs",
        "The Kennel Club dog unit was set up in 2010.",
        when="2010",
        answer_fr="L'unité canine du Kennel Club a été créée en 2010.",
    )
    # ("true" is a word of the base: a quiz's "True or false?" must not ask about it)
    truth = make_fact("truth", "The Kennel Club tells true breeders from false ones.")
    strict = Thresholds(min_coverage=0.9, clear_lead_coverage=0.9)
    matcher = make_matcher(dogs, truth, *FILLER, thresholds=strict)
    for message in (
        "quiz item 3: 'The Kennel Club dog unit was set up in 2013.' True or false?",
        "Vrai ou faux : l'unité canine du Kennel Club a été créée en 2013 ?",
    ):
        answer = matcher.ask(message)
        assert answer.answered and ids(answer.facts)[:1] == ["dogs"], message


def test_a_count_claimed_is_of_what_follows_it_however_the_figure_is_asked() -> None:
    """ "my draft says the club identified 200 stray dogs in 2018, is that right? what is the
    exact figure?": the figure asked counts stray dogs, which a fact on the 2018 workshop
    counts nothing of; a fact counting handlers answers a handlers figure claimed."""
    workshop = make_fact(
        "workshop",
        "The 2018 Kennel Club workshop on how stray dogs are identified ran for two days.",
        when="2018",
    )
    handlers = make_fact(
        "handlers", "The Kennel Club trained 21 dog handlers in 2018.", when="2018"
    )
    matcher = make_matcher(workshop, handlers, *FILLER, thresholds=BARS)
    assert not matcher.ask(
        "my draft says the Kennel Club identified 200 stray dogs at the 2018 workshop, is that"
        " right? what is the exact figure?"
    ).answered
    answer = matcher.ask(
        "my draft says the Kennel Club trained 30 dog handlers in 2018, is that right? what is"
        " the exact figure?"
    )
    assert answer.answered and ids(answer.facts)[:1] == ["handlers"]


def test_formal_french_phrases_of_time_and_standing_are_no_words_asked() -> None:
    """ "l'année au cours de laquelle ...", "à compter de laquelle", "au titre de", "à titre
    principal": during, from, under, chiefly; no course, no title, nothing counted."""
    matcher = make_matcher(make_fact("dogs", DOGS))
    for message, gone in (
        ("l'année au cours de laquelle les chiens ont été donnés", "cours"),
        ("la réforme à compter de laquelle les chiens ont été donnés", "compter"),
        ("les chiens donnés au titre du programme", "titre"),
        ("la police, chargée à titre principal des chiens", "titre"),
    ):
        assert gone not in words(matcher, message), message
    assert "titre" in words(matcher, "quel est le titre du guide sur les chiens ?")


def test_a_decade_the_asker_places_it_in_is_no_year_asked() -> None:
    """ "As of the mid-2010s, how many ... since 2011?": the decade is when the asker places
    the figure, which a fact dated 2015 gives without saying "2010s"."""
    dogs = make_fact("dogs", "By 2015, the Kennel Club had trained 40 sniffer dogs since 2011.")
    matcher = make_matcher(dogs, *FILLER, thresholds=BARS)
    message = (
        "As of the mid-2010s, roughly how many sniffer dogs had the Kennel Club trained since 2011?"
    )
    assert ids(matcher.ask(message).facts)[:1] == ["dogs"]
    assert "2010s" not in words(matcher, "in the 2010s, how many sniffer dogs were trained?")
