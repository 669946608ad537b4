"""The digest's pure core: due times across time zones and daylight saving, rotation, content."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.core.digest import (
    CuratorNotes,
    compose_digest,
    due_day,
    fact_of_the_day,
    fingerprint,
    next_slot,
    on_this_day,
    parse_hhmm,
    slot_for,
)
from bot.core.factbase import FactBase, parse_date_span

CASA = ZoneInfo("Africa/Casablanca")
PARIS = ZoneInfo("Europe/Paris")
NINE = time(9, 0)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def test_due_from_the_slot_until_the_grace_window_ends() -> None:
    assert due_day(at("2026-11-23T08:59:59+01:00"), NINE, CASA) is None
    assert due_day(at("2026-11-23T09:05:00+01:00"), NINE, CASA) == date(2026, 11, 23)
    assert due_day(at("2026-11-23T11:59:00+01:00"), NINE, CASA) == date(2026, 11, 23)
    assert due_day(at("2026-11-23T12:00:00+01:00"), NINE, CASA) is None  # missed: skip the day


def test_a_late_evening_slot_is_still_due_after_midnight() -> None:
    assert due_day(at("2026-11-24T00:30:00+01:00"), time(23, 0), CASA) == date(2026, 11, 23)


def test_daylight_saving_gap_and_overlap() -> None:
    # 2026-03-29: Paris clocks jump from 02:00 to 03:00; a 02:30 digest runs at 03:30.
    gap = slot_for(date(2026, 3, 29), time(2, 30), PARIS)
    assert gap.isoformat() == "2026-03-29T03:30:00+02:00"
    # 2026-10-25: 02:30 happens twice; the digest takes the first.
    overlap = slot_for(date(2026, 10, 25), time(2, 30), PARIS)
    assert overlap.utcoffset() == timedelta(hours=2)
    # The 09:00 slot is 09:00 local on both sides of the change.
    assert slot_for(date(2026, 3, 28), NINE, PARIS).utcoffset() == timedelta(hours=1)
    assert slot_for(date(2026, 3, 30), NINE, PARIS).utcoffset() == timedelta(hours=2)


def test_next_slot_is_strictly_later() -> None:
    now = at("2026-11-23T09:00:00+01:00")
    assert next_slot(now, NINE, CASA) == at("2026-11-24T09:00:00+01:00")
    assert next_slot(at("2026-11-23T08:00:00+01:00"), NINE, CASA) == now


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09:00", time(9)),
        ("9:30", time(9, 30)),
        ("0930", time(9, 30)),
        ("7h15", time(7, 15)),
        ("24:00", None),
        ("9", None),
        ("nine", None),
        ("12:5", None),
    ],
)
def test_parse_hhmm(text: str, expected: time | None) -> None:
    assert parse_hhmm(text) == expected


def test_rotation_shows_every_fact_once_before_any_repeat(factbase: FactBase) -> None:
    facts = factbase.facts
    shown: list[str] = []
    for _ in range(len(facts)):
        fact, new_cycle = fact_of_the_day(facts, "C123", shown)
        assert fact is not None and not new_cycle
        shown.append(fact.id)
    assert sorted(shown) == sorted(f.id for f in facts)
    fact, new_cycle = fact_of_the_day(facts, "C123", shown)
    assert new_cycle and fact is not None and fact.id == shown[0]


def test_channels_get_different_rotations(factbase: FactBase) -> None:
    a, _ = fact_of_the_day(factbase.facts, "C1", [])
    b = [fact_of_the_day(factbase.facts, f"C{i}", [])[0] for i in range(2, 8)]
    assert any(f is not a for f in b)


def test_on_this_day_matches_month_and_day_of_earlier_years(factbase: FactBase) -> None:
    dated = [f for f in factbase.facts if f.when and f.when.precision == "day"]
    assert dated, "the fact base has facts dated to the day"
    fact = dated[0]
    assert fact.when is not None
    anniversary = fact.when.start.replace(year=fact.when.start.year + 3)
    assert fact in on_this_day(factbase.facts, anniversary)
    assert fact not in on_this_day(factbase.facts, fact.when.start)  # not on the day itself


def test_added_and_changed_facts_are_listed(factbase: FactBase) -> None:
    facts = factbase.facts
    digest = compose_digest(
        facts, channel="C9", day=date(2026, 11, 23), changes=({facts[2].id}, {facts[0].id})
    )
    assert [f.id for f in digest.added] == [facts[2].id]
    assert [f.id for f in digest.changed] == [facts[0].id]


def test_a_fact_edit_changes_its_fingerprint(factbase: FactBase) -> None:
    fact = factbase.facts[0]
    assert fingerprint(fact) == fingerprint(replace(fact))
    assert fingerprint(fact) != fingerprint(replace(fact, answer=fact.answer + " (corrected)"))


def test_first_digest_lists_nothing_as_new(factbase: FactBase) -> None:
    digest = compose_digest(factbase.facts, channel="C9", day=date(2026, 11, 23))
    assert digest.added == () and digest.changed == ()
    assert digest.fact_of_the_day is not None
    assert digest.curator is None


def test_compose_is_pure(factbase: FactBase) -> None:
    notes = CuratorNotes(unanswered=(("who heads the bcij?", 2),))
    everything = ({f.id for f in factbase.facts}, set[str]())
    one = compose_digest(
        factbase.facts, channel="C9", day=date(2026, 9, 24), curator=notes, changes=everything
    )
    two = compose_digest(
        factbase.facts, channel="C9", day=date(2026, 9, 24), curator=notes, changes=everything
    )
    assert one == two
    assert len(one.added) == 5  # capped


def test_date_span_ranges_count_for_on_this_day(factbase: FactBase) -> None:
    fact = factbase.facts[0]
    ranged = replace(fact, when=parse_date_span("2018-09-24..2018-09-26"))
    assert on_this_day([ranged], date(2026, 9, 25)) == [ranged]
