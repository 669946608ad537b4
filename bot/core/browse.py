"""Browsing the fact base by institution and by date: entity cards and timelines.

Pure functions over a FactBase. Entities come from aliases.yaml (one place for
names, acronyms and hierarchy); a fact involves an entity when it lists it in
`entities`, or lists one of its parts (IPPOS is part of INL), or names it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from bot.core.factbase import Entity, Fact, FactBase
from bot.core.i18n import format_day
from bot.core.text import fold

#: Kinds of entity that get a card: who is who, and the programmes they run.
CARD_KINDS = ("institution", "programme", "group", "law", "agreement", "event")
_ARTICLES = re.compile(r"^(the|le|la|les|l'|l |du|de la|des)\s*")
_YEARS = re.compile(r"^(\d{4})(?:\s*(?:-|–|—|\.\.|to|a|à|au)\s*(\d{4}))?$")
TOPIC_NAMES_FR = {
    "lois": "laws",
    "formations": "trainings",
    "partenariats": "partnerships",
    "programmes": "programmes",
    "evenements": "events",
    "institutions": "institutions",
}


def _key(text: str) -> str:
    folded = fold(text).strip(" ?!.:;,\"'")
    return _ARTICLES.sub("", folded).replace(".", "").replace("-", " ").strip()


@lru_cache(maxsize=4)
def _name_index(base: FactBase) -> dict[str, str]:
    """Every entity name, normalised, to its entity (first listed wins); built once per base."""
    return {_key(name): e.id for e in reversed(base.entities) for name in e.names}


def find_entity(base: FactBase, text: str) -> Entity | None:
    """The entity a short text names ("BCIJ?", "l'ONUDC", "glo act"), or None."""
    key = _key(text)
    index = _name_index(base)
    eid = index.get(key) or index.get(key.replace(" ", ""))
    return base.entity_by_id.get(eid) if eid else None


def _family(base: FactBase, entity: Entity) -> set[str]:
    """The entity and everything that is part of it, however deep."""
    children: dict[str, set[str]] = defaultdict(set)
    for e in base.entities:
        for parent in e.part_of:
            children[parent].add(e.id)
    seen = {entity.id}
    todo = [entity.id]
    while todo:
        for child in children.get(todo.pop(), ()):
            if child not in seen:
                seen.add(child)
                todo.append(child)
    return seen


def _mentions(fact: Fact, entity: Entity) -> bool:
    text = " " + fold(f"{fact.title} {fact.answer} {fact.snippet}") + " "
    for name in entity.names:
        folded = fold(name)
        if len(folded) >= 3 and re.search(r"(?<!\w)" + re.escape(folded) + r"(?!\w)", text):
            return True
    return False


def facts_involving(base: FactBase, entity: Entity) -> list[Fact]:
    """Every fact about the entity or one of its parts, in fact base order."""
    family = _family(base, entity)
    return [f for f in base.facts if family.intersection(f.entities) or _mentions(f, entity)]


def card_entities(base: FactBase) -> list[Entity]:
    """Entities that deserve a card: the kinds above that some fact involves."""
    return [e for e in base.entities if e.kind in CARD_KINDS and facts_involving(base, e)]


def grouped_by_topic(facts: list[Fact]) -> list[tuple[str, list[Fact]]]:
    groups: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        groups[fact.topic].append(fact)
    return sorted(groups.items())


# ------------------------------------------------------------------ timelines


@dataclass(frozen=True, slots=True)
class TimelineQuery:
    """What a timeline is about (None: everything) and which years it covers."""

    subject: str | None = None  # as typed
    topic: str | None = None
    entity: str | None = None
    keyword: str | None = None
    start: int | None = None
    end: int | None = None


def parse_timeline(base: FactBase, words: list[str]) -> TimelineQuery | str:
    """Read `[topic or institution or keyword] [from-to]`; a string says what is wrong."""
    start = end = None
    tokens = [w for w in words if w]
    for take in (3, 2, 1):
        if len(tokens) >= take:
            candidate = " ".join(tokens[-take:]).lower()
            m = _YEARS.match(candidate)
            if m:
                start = int(m.group(1))
                end = int(m.group(2)) if m.group(2) else start
                tokens = tokens[:-take]
                break
    if start is not None and end is not None and end < start:
        return f"The years are the wrong way round: {start}-{end}."
    subject = " ".join(tokens).strip()
    if not subject:
        return TimelineQuery(start=start, end=end)
    key = _key(subject)
    topic = TOPIC_NAMES_FR.get(key, key)
    if topic in base.topics:
        return TimelineQuery(subject, topic=topic, start=start, end=end)
    entity = find_entity(base, subject)
    if entity is not None:
        return TimelineQuery(subject, entity=entity.id, start=start, end=end)
    return TimelineQuery(subject, keyword=key, start=start, end=end)


def _matches_keyword(base: FactBase, fact: Fact, keyword: str) -> bool:
    """Whether the fact's title, answers or tags use the word or one of its synonyms."""
    words = {keyword}
    for group in base.synonyms:
        folded = [fold(w).replace("-", " ") for w in group]
        if keyword in folded:
            words.update(folded)
    text = " ".join((fact.title, fact.answer, fact.answer_fr or "", *fact.tags))
    text = " " + fold(text).replace("-", " ") + " "
    return any(re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", text) for w in words)


def timeline(base: FactBase, query: TimelineQuery) -> list[Fact]:
    """Dated facts matching the query, oldest first (ties by id, so pages are stable)."""
    pool: list[Fact]
    if query.entity is not None:
        pool = facts_involving(base, base.entity_by_id[query.entity])
    elif query.topic is not None:
        pool = [f for f in base.facts if f.topic == query.topic]
    elif query.keyword is not None:
        pool = [f for f in base.facts if _matches_keyword(base, f, query.keyword)]
    else:
        pool = list(base.facts)
    out = []
    for fact in pool:
        if fact.when is None:
            continue
        if query.start is not None and fact.when.end < date(query.start, 1, 1):
            continue
        if query.end is not None and fact.when.start > date(query.end, 12, 31):
            continue
        out.append(fact)
    out.sort(key=lambda f: (f.when.start if f.when else date.max, f.id))
    return out


def when_label(fact: Fact, lang: str = "en") -> str:
    """How a timeline shows a fact's date: "2015", "May 2015", "24-26 September 2018"."""

    span = fact.when
    if span is None:
        return ""
    first, _, last = span.raw.partition("..")
    if not last:
        return format_day(first, lang) or first
    a, b = format_day(first, lang) or first, format_day(last, lang) or last
    return f"{a} – {b}"
