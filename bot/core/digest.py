"""The daily digest's pure core: what to post, and when it is due.

No Slack, no SQL, no clock of its own: callers pass `now` and what the store
knows, and get back plain frozen dataclasses. The scheduler and the
`digest --run-once` command are thin loops around these functions.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.core.curation import Overdue
from bot.core.factbase import Fact

#: A digest missed by more than this (downtime) is skipped for the day, not posted late.
GRACE = timedelta(hours=3)
MAX_ON_THIS_DAY = 3
MAX_CHANGED = 5
MAX_CURATOR_ITEMS = 8


# ------------------------------------------------------------------ schedule


def slot_for(day: date, at: time, tz: ZoneInfo) -> datetime:
    """The instant a channel's digest is due on a local day, daylight saving included.

    A wall-clock time that does not exist that day (the spring-forward gap) is
    moved forward by the gap, as the clocks were; an ambiguous one (autumn) takes
    its first occurrence.
    """
    naive = datetime.combine(day, at)
    local = naive.replace(tzinfo=tz, fold=0)
    # Round-trip through UTC: a time in the gap comes back shifted, which is what we want.
    return local.astimezone(ZoneInfo("UTC")).astimezone(tz)


def due_day(now: datetime, at: time, tz: ZoneInfo, *, grace: timedelta = GRACE) -> date | None:
    """The local day whose digest is due at `now`, or None.

    Due from its slot until `grace` after it; before the slot, and after the grace
    window (the bot was down), nothing is due for that day.
    """
    local_now = now.astimezone(tz)
    for day in (local_now.date(), local_now.date() - timedelta(days=1)):
        start = slot_for(day, at, tz)
        if start <= local_now < start + grace:
            return day
    return None


def next_slot(now: datetime, at: time, tz: ZoneInfo) -> datetime:
    """The first slot strictly after `now` (for the scheduler's sleep)."""
    local_now = now.astimezone(tz)
    day = local_now.date()
    while True:
        candidate = slot_for(day, at, tz)
        if candidate > local_now:
            return candidate
        day += timedelta(days=1)


def parse_hhmm(text: str) -> time | None:
    """ "09:00", "9:30", "0930" -> time; None if it is not a time of day."""
    raw = text.strip().replace("h", ":").replace(".", ":")
    if ":" not in raw and raw.isdigit() and len(raw) in (3, 4):
        raw = raw[:-2] + ":" + raw[-2:]
    hours, sep, minutes = raw.partition(":")
    if not sep or not hours.isdigit() or not minutes.isdigit() or len(minutes) != 2:
        return None
    h, m = int(hours), int(minutes)
    if not (0 <= h < 24 and 0 <= m < 60):
        return None
    return time(h, m)


# ------------------------------------------------------------------ content


def fingerprint(fact: Fact) -> str:
    """A short hash of everything a reader sees of a fact: it changes when the fact does."""
    parts = (
        fact.title,
        fact.answer,
        fact.answer_fr or "",
        fact.snippet,
        fact.source.id,
        fact.when.raw if fact.when else "",
        fact.where or "",
    )
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def rotation(fact_ids: Iterable[str], channel: str) -> list[str]:
    """The order in which one channel meets the facts: a shuffle seeded by the channel.

    Channels see different facts on the same day, and a channel's order is stable
    across restarts.
    """
    ordered = sorted(fact_ids)
    seed = int(hashlib.sha256(channel.encode("utf-8")).hexdigest()[:16], 16)
    random.Random(seed).shuffle(ordered)
    return ordered


def fact_of_the_day(
    facts: Sequence[Fact], channel: str, shown_this_cycle: Iterable[str]
) -> tuple[Fact | None, bool]:
    """The next fact in the channel's rotation that it has not seen in this cycle.

    Returns (fact, new_cycle): new_cycle is True when every fact had been shown and
    the rotation starts again (the caller then forgets the old cycle).
    """
    if not facts:
        return None, False
    by_id = {f.id: f for f in facts}
    seen = set(shown_this_cycle) & by_id.keys()
    order = rotation(by_id, channel)
    for fid in order:
        if fid not in seen:
            return by_id[fid], False
    return by_id[order[0]], True


def on_this_day(facts: Sequence[Fact], day: date) -> list[Fact]:
    """Facts dated to this month and day in an earlier year (single days or day ranges)."""
    hits = []
    for fact in facts:
        span = fact.when
        if span is None or span.precision != "day" or span.start.year >= day.year:
            continue
        current = span.start
        while current <= span.end:
            if (current.month, current.day) == (day.month, day.day):
                hits.append(fact)
                break
            current += timedelta(days=1)
    hits.sort(key=lambda f: (f.when.start if f.when else day, f.id))
    return hits[:MAX_ON_THIS_DAY]


@dataclass(frozen=True, slots=True)
class CuratorNotes:
    """What curators should look at: questions the bot could not answer, answers voted down."""

    unanswered: tuple[tuple[str, int], ...] = ()  # (question, times asked)
    not_helpful: tuple[tuple[str, int], ...] = ()  # (fact id, votes)
    overdue: tuple[Overdue, ...] = ()  # facts due for review (bot.core.curation)

    @property
    def empty(self) -> bool:
        return not self.unanswered and not self.not_helpful and not self.overdue


@dataclass(frozen=True, slots=True)
class Digest:
    channel: str
    day: date
    language: str
    fact_of_the_day: Fact | None
    new_cycle: bool
    on_this_day: tuple[Fact, ...]
    added: tuple[Fact, ...]
    changed: tuple[Fact, ...]
    curator: CuratorNotes | None  # None when the channel is not a curator channel


def compose_digest(
    facts: Sequence[Fact],
    *,
    channel: str,
    day: date,
    shown_this_cycle: Iterable[str] = (),
    changes: tuple[Collection[str], Collection[str]] | None = None,
    curator: CuratorNotes | None = None,
    language: str = "en",
) -> Digest:
    """Everything one channel's digest holds for one day. Pure: same input, same digest.

    `changes` is (added ids, changed ids) since the channel's last digest, or None
    for its first: nothing is "new" to a channel that never had a digest (it would
    list the whole fact base).
    """
    fotd, new_cycle = fact_of_the_day(facts, channel, shown_this_cycle)
    added: list[Fact] = []
    changed: list[Fact] = []
    if changes is not None:
        added = [f for f in facts if f.id in changes[0]]
        changed = [f for f in facts if f.id in changes[1] and f.id not in changes[0]]
    return Digest(
        channel=channel,
        day=day,
        language=language,
        fact_of_the_day=fotd,
        new_cycle=new_cycle,
        on_this_day=tuple(f for f in on_this_day(facts, day) if f is not fotd),
        added=tuple(added[:MAX_CHANGED]),
        changed=tuple(changed[:MAX_CHANGED]),
        curator=curator,
    )
