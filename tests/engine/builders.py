"""Small fact bases for unit tests of the engine, built from the real dataclasses."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from bot.core.factbase import Entity, Fact, FactBase, Source, SynonymGroup, parse_date_span
from bot.core.text import fold
from bot.engine import Match, Matcher
from bot.engine.weights import Thresholds

SOURCE = Source(
    id="test-source",
    title="A test article",
    publisher="Tests",
    date="2020-01-01",
    url=None,
    archive="sources/test.txt",
    text="",
)


def make_fact(
    id: str,
    answer: str,
    *,
    ask: Iterable[str] = (),
    title: str = "",
    snippet: str | None = None,
    when: str | None = None,
    where: str | None = None,
    entities: Iterable[str] = (),
    tags: Iterable[str] = (),
    topic: str = "laws",
    answer_fr: str | None = None,
    source: Source = SOURCE,
) -> Fact:
    """A fact; its snippet is its answer unless given, `when` as curators write it."""
    span = None
    if when is not None:
        span = parse_date_span(when)
        assert span is not None, f"bad date {when!r}"
    return Fact(
        id=id,
        topic=topic,
        title=title,
        answer=answer,
        snippet=answer if snippet is None else snippet,
        source=source,
        ask=tuple(ask),
        answer_fr=answer_fr,
        when=span,
        where=where,
        entities=tuple(entities),
        tags=tuple(tags),
    )


def make_entity(
    id: str,
    kind: str,
    *en: str,
    acronyms: Iterable[str] = (),
    fr: Iterable[str] = (),
    part_of: Iterable[str] = (),
) -> Entity:
    return Entity(id, kind, tuple(acronyms), en, tuple(fr), tuple(part_of))


def make_base(
    *facts: Fact,
    entities: Iterable[Entity] = (),
    synonyms: Iterable[Iterable[str]] = (),
) -> FactBase:
    sources = {SOURCE.id: SOURCE}
    for fact in facts:
        sources.setdefault(fact.source.id, fact.source)
    groups = tuple(SynonymGroup(fold(g[0]).replace(" ", "-"), g) for g in map(tuple, synonyms))
    return FactBase(Path("."), sources, facts, tuple(entities), groups)


def make_matcher(
    *facts: Fact,
    entities: Iterable[Entity] = (),
    synonyms: Iterable[Iterable[str]] = (),
    thresholds: Thresholds | None = None,
) -> Matcher:
    """A matcher on these facts, with `thresholds` (else the fitted bars of weights.py)."""
    return Matcher(make_base(*facts, entities=entities, synonyms=synonyms), thresholds)


# ---------------------------------------------------------------- shared pieces

#: Abstention bars fixed for the tests, whatever `scripts/fit_thresholds.py --write` puts
#: in weights.py. On a few facts a question's coverage cannot be kept far from every bar a
#: fit may choose (0.56 to 0.80): a word no fact holds, or the "two" of "which two", costs
#: it a third (and how much it costs is fit too). Tests whose rule is the clear lead place
#: their questions between these bars; tests whose rule is another one use them so that
#: only that rule decides.
BARS = Thresholds(
    min_coverage=0.6,
    clear_lead_coverage=0.4,
    clear_lead_ratio=1.2,
    clear_lead_held=3,
    unknown_word_factor=1.0,  # a word no fact holds weighs as the rarest one
    sibling_lead_coverage=1.01,  # a clear leader leads every fact
    held_coverage=1.01,  # a fact holding every word asked still needs the bar
)

DOGS = "Sniffer dogs were given to the police."
#: Facts on other things, so the words of the facts under test are rare.
FILLER = (
    make_fact("filler-budget", "The ministry published its budget.", topic="events"),
    make_fact("filler-court", "A court opened in the capital.", topic="events"),
    make_fact("filler-report", "An annual report was released.", topic="events"),
)

MOROCCO = make_entity("morocco", "country", "Morocco", fr=("Maroc",))
TUNISIA = make_entity("tunisia", "country", "Tunisia", fr=("Tunisie",))
TANGIER = make_entity("tangier", "place", "Tangier", fr=("Tanger",))
BCIJ = make_entity(
    "bcij", "institution", "Central Bureau of Judicial Investigation", acronyms=("BCIJ",)
)
#: A body and a programme of the dog-themed bases the rule tests build (the Kennel Club,
#: with its acronym, is test_matcher_rules.KENNEL_CLUB).
CAT_OFFICE = make_entity("cat-office", "institution", "Cat Office")
DOG_PROJECT = make_entity("dog-project", "programme", "Dog Project")


def ids(matches: Iterable[Match]) -> list[str]:
    return [m.fact.id for m in matches]


def why_not(matcher: Matcher, question: str) -> str | None:
    answer = matcher.ask(question)
    assert not answer.answered, f"answered {question!r} with {ids(answer.facts)}"
    assert answer.suggestions, f"no suggestion for {question!r}"
    return answer.suggestions[0].why_not


def words(matcher: Matcher, question: str) -> list[str]:
    """The question's slots, as text: what the engine read."""
    return [s.text for s in matcher.analyse(question)]
