"""Exact scoring of a question over the index: the top facts, as scoring every fact would.

Why this module exists: the MaxScore pruning that keeps a question under a
millisecond at 10,000 facts is the subtlest code of the engine, and must rank
exactly as the plain fact-at-a-time loop does (tests/engine/test_matcher.py checks
both paths agree to the bit). It reads the `Index`'s public tables and knows
nothing of question kinds or abstention.
"""

from __future__ import annotations

import heapq
import math
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import compress, filterfalse, islice
from operator import sub

from bot.engine.answer import Slot
from bot.engine.index import Index
from bot.engine.lexicon import COMMON_WORDS
from bot.engine.weights import (
    COMMON_WORD_FACTOR,
    DEFINITION_BONUS,
    SMALL_BASE,
    STRONG_FIELD,
    TITLE_BONUS,
    TOP,
    TOPIC_SHARE,
)


def slot_idf(index: Index, slot: Slot, kids: Sequence[int], unknown_factor: float = 1.0) -> float:
    """A slot's weight: the rarity of its rarest-held key (everyday words weigh less); a
    word no fact holds weighs `unknown_factor` of the rarest word's weight."""
    idf = min(index.idf[k] for k in kids) if kids else index.unknown_idf * unknown_factor
    if slot.concept is None and not slot.number and slot.text in COMMON_WORDS:
        idf *= COMMON_WORD_FACTOR
    return idf


#: Margin for float sums taken in another order: bounds are compared with this slack.
_EPS = 1e-6
#: Covers the float error (about 1e-13) of a bound summed in another order than the exact
#: score, and stays well under the 1e-9 that scores are rounded to for ranking.
_DELTA = 1e-10
_NONE: frozenset[int] = frozenset()
#: Scores are ranked rounded to 9 places: a fact this far below another may tie with it.
_ROUNDING = 1e-9


class _KeyCodes:
    """Fact -> code of one key, looked up when asked (in its table by fact, or by bisection).

    Once pruning is done, only the few facts scored exactly (and those whose missing
    words are listed) need a slot's codes: looking each one up costs less than a dict
    of every fact in reach.
    """

    __slots__ = ("_a", "_b", "_dense", "_pcode", "_pfact")

    def __init__(self, index: Index, kid: int) -> None:
        self._pfact, self._pcode = index.pfact, index.pcode
        self._a, self._b = index.poff[kid], index.poff[kid + 1]
        self._dense = index.dense.get(kid)

    def get(self, f: int) -> int | None:
        dense = self._dense
        if dense is not None:
            c = dense[f]
            return c - 1 if c else None
        p = bisect_left(self._pfact, f, self._a, self._b)
        return self._pcode[p] if p < self._b and self._pfact[p] == f else None


#: A slot's codes by fact: a dict, or `_KeyCodes` looking them up.
_Codes = dict[int, int] | _KeyCodes


class Scoring:
    """One question scored over the index a slot at a time, with the exact top 20.

    Scoring each candidate fact slot by slot costs too much at 10,000 facts, and taking
    only some candidates changes answers. Here slots are read rarest first, adding each
    one's weight to every fact in its postings. Once the slots left could not lift a
    fact none of the earlier slots found past the 20th score so far, those slots are
    only looked up for the facts already found (MaxScore pruning), so a common word
    held by half the facts costs little. The facts that can still reach the top 20 are
    then scored again in the question's slot order, as a fact-at-a-time loop adds up,
    so scores, ties and answers are the same as scoring every fact.
    """

    def __init__(
        self,
        index: Index,
        slots: Sequence[Slot],
        kids: Sequence[tuple[int, ...]],
        slot_idf: Sequence[float],
        defines: str | None,
    ) -> None:
        self.index = index
        self.slots = slots
        self.kids = kids
        self.idf = slot_idf
        self.total = sum(slot_idf)
        self.title_bonus = [TITLE_BONUS * idf for idf in slot_idf]
        self.topic_bonus = [TITLE_BONUS * idf * TOPIC_SHARE for idf in slot_idf]
        traits = list(map(index.traits, slots))
        self.specific = [t[1] for t in traits]
        self.entity = [t[2] for t in traits]
        self.topics = [t[3] for t in traits]
        # "What is X?": the facts spelling X out get a large bonus; they are few and known.
        self.spellers = index.spellers.get(defines, _NONE) if defines is not None else _NONE
        # Per slot: fact -> code of the slot in that fact, for the facts that may rank
        # (None for slots no fact holds, until filled in).
        self.codes: list[_Codes | None] = [None] * len(slots)
        self.values: list[list[float] | None] = [None] * len(slots)
        self.by_topic: dict[str, float] = {}
        self.plan: list[tuple[_Codes, Sequence[float], float, str | None, float]] = []
        #: Per slot, what `misses` reads: its codes, text, and whether it is specific or a name.
        self.checks: list[tuple[_Codes, str, bool, bool]] = []

    def _values(self, j: int) -> list[float]:
        """What slot j adds to a fact's score and title bonus, by posting code."""
        values = self.values[j]
        if values is None:
            idf, bonus = self.idf[j], self.title_bonus[j]
            wtab = self.index.wtab
            values = self.values[j] = [
                idf * w + (bonus if title else 0.0) for w in wtab for title in (0, 1)
            ]
        return values

    def _lookup(self, j: int, facts: Sequence[int]) -> dict[int, int]:
        """Fact -> code of slot j, for `facts` (and maybe others)."""
        m = self.index
        kids = self.kids[j]
        if len(kids) > 1:
            return m.slot_codes(kids, facts)
        dense = m.dense.get(kids[0])
        if dense is not None:
            return {f: c - 1 for f in facts if (c := dense[f])}
        pfact, pcode = m.pfact, m.pcode
        a, b = m.poff[kids[0]], m.poff[kids[0] + 1]
        if b - a <= 8 * len(facts):
            return dict(zip(pfact[a:b], pcode[a:b], strict=True))
        codes: dict[int, int] = {}
        for f in facts:  # a few facts against a long posting: bisect
            p = bisect_left(pfact, f, a, b)
            if p < b and pfact[p] == f:
                codes[f] = pcode[p]
        return codes

    def top(self) -> Iterator[tuple[float, float, int]]:
        """(score, coverage, fact) of the best facts, best first, at most TOP of them."""
        if len(self.index.facts) <= SMALL_BASE:
            return self.every_fact()
        return self.pruned()

    def every_fact(self) -> Iterator[tuple[float, float, int]]:
        """`top()` by scoring every fact the question touches, slot by slot, in full.

        Cheaper than pruning when postings are short (a base of hundreds of facts),
        and the reference `pruned()` must agree with (tests/engine/test_matcher.py). Each
        fact's score and bonus are summed in the question's slot order, as `_exact`
        sums them, so the floats are the same to the last bit.
        """
        m = self.index
        n = len(m.facts)
        score = [0.0] * n
        bonus = [0.0] * n
        gains = list(map(m.gains, self.idf))  # by slot, weight number
        for j, kids in enumerate(self.kids):
            if len(kids) == 1:
                # A fact gets one weight per slot: adding a group of facts at a time is the
                # same sum, with no test per fact.
                gain = gains[j]
                groups, titled, codes = m.by_weight(kids[0])
                for w, group in groups:
                    g = gain[w]
                    for f in group:
                        score[f] += g
                title = self.title_bonus[j]
                for f in titled:
                    bonus[f] += title
                self.codes[j] = codes
            elif kids:
                codes = self.codes[j] = m.slot_codes(kids)
                gain = gains[j]
                title = self.title_bonus[j]
                for f, c in codes.items():
                    score[f] += gain[c >> 1]
                    if c & 1:
                        bonus[f] += title
            topic = self.topics[j]
            if topic is not None:
                topic_bonus = self.topic_bonus[j]
                for f in m.by_topic.get(topic, ()):
                    bonus[f] += topic_bonus
        self._checks()  # (`_exact` is not called here: no plan)
        # The facts pruned() weighs: those touched, the first of each topic asked about
        # (they hold its bonus, in tie order), and the facts spelling out a name asked about.
        # A fact is touched when it has a score: every gain is positive (idf and field
        # weights are), so the touched facts are found in C, with no set of them.
        facts = list(compress(range(n), score))
        topics = {t for t in self.topics if t}
        leaders = self._topic_leaders(topics, score.__getitem__) if topics else []
        facts += leaders
        defined = DEFINITION_BONUS * self.total
        for f in self.spellers:
            if not score[f] and f not in leaders:
                facts.append(f)
            bonus[f] += defined
        rank = m.rank
        # (A loop indexing lists costs less than maps of bound methods: the pool holds about
        # a hundred facts.)
        totals = [score[f] + bonus[f] for f in facts]
        # Only facts within rounding of the 20th best total can rank: sort just those.
        cut = (
            sorted(totals, reverse=True)[TOP - 1] - _ROUNDING  # sorted() runs in C
            if len(facts) > TOP
            else -math.inf
        )
        near = [(-t, rank[f], t, f) for t, f in zip(totals, facts, strict=True) if t >= cut]
        for total, f in _by_rounded_key(near, TOP):
            yield total, score[f] / self.total, f

    def pruned(self) -> Iterator[tuple[float, float, int]]:
        """`top()` with MaxScore pruning, for large bases: see the class docstring."""
        m = self.index
        pfact, pcode, poff = m.pfact, m.pcode, m.poff
        wtab, kbest = m.wtab, m.kbest
        active = [j for j, kids in enumerate(self.kids) if kids]
        bound = {
            j: self.idf[j] * wtab[max(kbest[k] for k in self.kids[j]) >> 1] + self.title_bonus[j]
            for j in active
        }
        order = sorted(active, key=lambda j: -bound[j])
        left = [0.0] * (len(order) + 1)  # the most the slots from here on can add
        for pos in range(len(order) - 1, -1, -1):
            left[pos] = left[pos + 1] + bound[order[pos]]
        by_topic: dict[str, float] = {}
        for topic, bonus in zip(self.topics, self.topic_bonus, strict=True):
            if topic is not None:
                by_topic[topic] = by_topic.get(topic, 0.0) + bonus
        extra = max(by_topic.values(), default=0.0)  # the most a topic bonus adds
        self.by_topic = by_topic
        spellers = self.spellers
        defined = DEFINITION_BONUS * self.total

        # acc[f]: f's score and title bonus over the slots read so far (a list indexed by
        # fact is twice as fast to add into as a dict).
        acc = [0.0] * len(m.facts)
        # The facts of each slot read in full, with its bound, rarest first: a fact met
        # only in the last few can score no more than their bounds add up to.
        parts: list[tuple[Iterable[int], float]] = []
        met = 0  # postings read, an upper bound of the facts met
        seen = 0.0  # the most any fact has scored so far
        theta = -math.inf  # a lower bound of the 20th best final score
        stop = len(order)
        for pos, j in enumerate(order):
            need = left[pos] + extra + _EPS  # a fact met nowhere yet scores at most this
            if met >= TOP and need < seen:
                if theta <= need:
                    # Finish the 20 best facts so far over the slots left: their full scores
                    # bound the 20th best far better than partial ones, so reading stops
                    # sooner and fewer facts stay in reach.
                    theta = self._lead(parts, acc, order[pos:])
                if theta > need:
                    stop = pos
                    break
            values = self._values(j)
            kids = self.kids[j]
            if len(kids) == 1:
                a, b = poff[kids[0]], poff[kids[0] + 1]
                facts = pfact[a:b]
                if pos:
                    for f, c in zip(facts, pcode[a:b], strict=True):
                        acc[f] += values[c]
                else:  # nothing added yet: 0.0 + x is x, and storing costs less than adding
                    for f, c in zip(facts, pcode[a:b], strict=True):
                        acc[f] = values[c]
                parts.append((facts, bound[j]))
                met += b - a
            else:
                codes = self.codes[j] = m.slot_codes(kids)
                for f, c in codes.items():
                    acc[f] += values[c]
                parts.append((codes.keys(), bound[j]))
                met += len(codes)
            seen += bound[j]
        if stop < len(order):
            # No fact met nowhere can reach the top 20 now: finish those that can, dropping
            # the ones that fall out of reach as the 20th best rises. Spellers are kept
            # apart: their bound has the definition bonus too.
            met_set = _met(parts, theta - 2 * _EPS - (left[stop] + extra))
            if spellers:
                met_set -= spellers
            cut = theta - _EPS - (left[stop] + extra)
            pool = [f for f in met_set if acc[f] >= cut]  # one pass: most are out of reach
            scores: list[float] = []  # acc of each fact of the pool, once a slot is added
            live = list(spellers)
            for pos in range(stop, len(order)):
                if pos > stop:
                    cut = theta - _EPS - (left[pos] + extra)
                    pool = [f for f, s in zip(pool, scores, strict=True) if s >= cut]
                if live:
                    live = [f for f in live if acc[f] + defined >= cut]
                members = pool + live if live else pool
                j = order[pos]
                values = self._values(j)
                kids = self.kids[j]
                a, b = poff[kids[0]], poff[kids[0] + 1]
                dense = m.dense.get(kids[0]) if len(kids) == 1 else None
                if dense is not None:
                    gains = [0.0, *values]
                    for f in members:
                        acc[f] += gains[dense[f]]
                elif len(kids) == 1 and b - a <= 8 * len(members):
                    # Reading the whole posting costs less than looking each fact up.
                    for f, c in zip(pfact[a:b], pcode[a:b], strict=True):
                        acc[f] += values[c]
                else:
                    codes = self.codes[j] = self._lookup(j, members)
                    for f in codes.keys() & members:
                        acc[f] += values[codes[f]]
                if pos + 1 == len(order):
                    break  # the last slot: nothing left to prune, so no bound to raise
                scores = [acc[f] for f in pool]
                if len(members) > TOP:
                    # Only scores above theta can raise it: most are below, so this is the
                    # same max(theta, k-th largest) with far fewer values to select from.
                    above = [s for s in scores if s > theta]
                    if live:
                        above += [s for f in live if (s := acc[f]) > theta]
                    if len(above) >= TOP:
                        theta = _kth_largest(above, TOP)
            pool += live
        else:
            touched = _met(parts, -math.inf)
            pool = list(touched)
            pool.extend(self._topic_leaders(by_topic, touched.__contains__))
            pool.extend(f for f in spellers if f not in touched)
        return self._best(pool, acc, extra, defined)

    def _topic_leaders(self, topics: Iterable[str], touched: Callable[[int], object]) -> list[int]:
        """The first facts of each topic, in tie order, that hold none of the question's keys
        (`touched(f)` is true for those that hold one).

        They still get the topic's bonus, so when little matches, the first of a topic
        may rank (as a suggestion); later ones of the topic tie with it and rank below.
        """
        leaders: list[int] = []
        for topic in topics:
            count = 0
            for f in self.index.by_topic_ranked.get(topic, ()):
                if not touched(f):
                    leaders.append(f)
                    count += 1
                    if count == TOP:
                        break
        return leaders

    def _lead(
        self, parts: list[tuple[Iterable[int], float]], acc: list[float], rest: Sequence[int]
    ) -> float:
        """The 20th best full score (without topic bonus) of the facts leading so far, or
        -inf: a lower bound of the 20th best final score. The leaders are looked for among
        the facts of the rarest slots read."""
        first = parts[0][0]
        facts: Sequence[int] | set[int]
        if isinstance(first, array) and len(first) >= 8 * TOP:
            facts = first  # one posting: no fact twice, no set to build
        else:
            facts = set()
            for part, _ in parts:
                facts.update(part)
                if len(facts) >= 8 * TOP:
                    break
        if len(facts) < TOP:
            return -math.inf
        if isinstance(facts, set):
            facts = list(facts)  # (in the set's order: sliced for the sample)
        # Any TOP facts or more give a lower bound; the better they score, the tighter it
        # is. A threshold from a sample keeps about 2 * TOP of the best without sorting all
        # (and without a list of every fact's score: one pass over the facts, not two).
        sample = sorted([acc[f] for f in facts[:: max(1, len(facts) // 64)]], reverse=True)
        floor = sample[min(len(sample) - 1, 2 * TOP * len(sample) // len(facts))]
        # (Comprehensions: a map of a float's bound `__le__` costs twice as much.) Only the
        # first 3 * TOP are kept: reading stops there, about half way on the bench questions.
        lead = list(islice((f for f in facts if acc[f] >= floor), 3 * TOP))
        if len(lead) < TOP:
            scores = [acc[f] for f in facts]
            kth = _kth_largest(scores, TOP)
            lead = [f for f, s in zip(facts, scores, strict=True) if s >= kth][: 3 * TOP]
        full = [acc[f] for f in lead]
        m = self.index
        pfact, pcode = m.pfact, m.pcode
        for j in rest:
            values = self._values(j)
            kids = self.kids[j]
            dense = m.dense.get(kids[0]) if len(kids) == 1 else None
            if dense is not None:
                gains = [0.0, *values]
                full = [s + gains[dense[f]] for f, s in zip(lead, full, strict=True)]
            elif len(kids) == 1:
                # At most 60 leaders: bisecting the posting for each costs less than a dict
                # of the posting (hundreds of facts).
                a, b = m.poff[kids[0]], m.poff[kids[0] + 1]
                full = [
                    s + values[pcode[p]]
                    if (p := bisect_left(pfact, f, a, b)) < b and pfact[p] == f
                    else s
                    for f, s in zip(lead, full, strict=True)
                ]
            else:
                codes = self._lookup(j, lead)
                full = [
                    s + values[c] if (c := codes.get(f)) is not None else s
                    for f, s in zip(lead, full, strict=True)
                ]
        return _kth_largest(full, TOP)

    def _best(
        self, pool: list[int], acc: list[float], extra: float, defined: float
    ) -> Iterator[tuple[float, float, int]]:
        """The top of `pool` by exact score, then tie order, scoring as few facts as it can.

        acc[f] is f's score and title bonus (summed in another order), so acc[f] plus the
        topic and definition bonuses bounds f's final score: facts are scored exactly in
        the order of that bound, until the next bound cannot beat the 20th exact score.
        """
        rank = self.index.rank
        spellers = self.spellers
        # Spellers' bounds carry the definition bonus: they are few, and always scored.
        fixed = list(filter(spellers.__contains__, pool)) if spellers else []
        if fixed:
            pool = list(filterfalse(spellers.__contains__, pool))
        if len(pool) > 4 * TOP:
            pool = _may_rank(pool, [acc[f] for f in pool], rank, extra)
        pool += fixed
        for j, kids in enumerate(self.kids):
            if kids and self.codes[j] is None:  # read in full above, without a dict
                self.codes[j] = (
                    _KeyCodes(self.index, kids[0]) if len(kids) == 1 else self._lookup(j, pool)
                )
        self._plan()
        # A fact's bound, unrounded (adding no zeros: x + 0.0 is x).
        facts, by_topic = self.index.facts, self.by_topic
        if by_topic or spellers:
            raw = [
                (
                    -(
                        acc[f]
                        + by_topic.get(facts[f].topic, 0.0)
                        + (defined if f in spellers else 0.0)
                        + _DELTA
                    ),
                    rank[f],
                    f,
                )
                for f in pool
            ]
        else:
            raw = [(-(acc[f] + _DELTA), rank[f], f) for f in pool]
        heapq.heapify(raw)
        # A fact's best possible sort key is its bound rounded as scores are, then tie order.
        # A round() to 9 places costs more than the rest of a fact's key, and only the best
        # few are needed: bounds move from `raw` to `bounds`, rounded, while they may tie
        # with or beat the best there (rounding is monotone), so bounds[0] is always the best
        # possible key of any fact not scored yet.
        bounds: list[tuple[float, int, int]] = []
        # Score facts in order of their best possible key; a scored fact is next once no
        # unscored fact's best possible key beats its key. Lazily: the caller stops early.
        ready: list[tuple[float, int, float, float, int]] = []
        for _ in range(TOP):
            _round_best(raw, bounds)
            while bounds and (not ready or bounds[0][:2] < ready[0][:2]):
                f = heapq.heappop(bounds)[2]
                score, plain = self._exact(f)
                heapq.heappush(ready, (-round(score, 9), rank[f], score, plain, f))
                _round_best(raw, bounds)
            if not ready:
                return
            _, _, score, plain, f = heapq.heappop(ready)
            yield score, plain / self.total, f

    def _plan(self) -> None:
        """Per slot, what `_exact` and `misses` need, in slot order: once the codes are in."""
        gains = map(self.index.gains, self.idf)
        self.plan = [
            (codes if codes is not None else {}, gain, tb, topic, pb)
            for codes, gain, tb, topic, pb in zip(
                self.codes, gains, self.title_bonus, self.topics, self.topic_bonus, strict=True
            )
        ]
        self._checks()

    def _checks(self) -> None:
        """Per slot, what `misses` needs, in slot order: once the codes are in."""
        self.checks = [
            (codes if codes is not None else {}, slot.text, specific, entity)
            for codes, slot, specific, entity in zip(
                self.codes, self.slots, self.specific, self.entity, strict=True
            )
        ]

    def _exact(self, f: int) -> tuple[float, float]:
        """(score with bonuses, plain score) of fact f, summed in the question's slot order."""
        fact_topic = self.index.facts[f].topic
        score = 0.0
        bonus = 0.0
        for codes, gain, title_bonus, topic, topic_bonus in self.plan:
            c = codes.get(f)
            if c is not None:
                score += gain[c >> 1]  # idf * weight, as the fact-at-a-time loop multiplied
                if c & 1:
                    bonus += title_bonus
            if topic == fact_topic:
                bonus += topic_bonus
        if f in self.spellers:
            bonus += DEFINITION_BONUS * self.total
        return score + bonus, score

    def misses(
        self, f: int, offered: frozenset[str] = frozenset(), *, side_needed: bool = True
    ) -> tuple[tuple[str, ...], bool]:
        """The slots fact f does not hold, and whether it lacks a name or number asked for
        (but for those `offered` as a choice: "the FBI or DHS?" needs one of them; with
        `side_needed` off, none: "12 or 15?" asked how many is answered by 13)."""
        wtab = self.index.wtab
        missing: list[str] = []
        strong_missing = False
        held_offered = not offered or not side_needed
        for codes, text, specific, entity in self.checks:
            c = codes.get(f)
            w = wtab[c >> 1] if c is not None else 0.0
            if w == 0.0:
                missing.append(text)
            if text in offered:
                held_offered = held_offered or w >= STRONG_FIELD
                continue
            if specific and w < STRONG_FIELD:
                strong_missing = True
            elif w == 0.0 and entity:
                # Even a name everyone mentions ("Morocco") must be in the fact somewhere:
                # IPPOS training peacekeepers says nothing of Morocco training any.
                strong_missing = True
        return tuple(missing), strong_missing or not held_offered


#: Totals this far apart or more never round (to 9 places) to the same value.
_APART = 2e-9


def by_rounded_total(
    totals: Iterable[tuple[float, int]], rank: Sequence[int], limit: int
) -> list[tuple[float, int]]:
    """The first `limit` (total, fact) pairs by total rounded to 9 places, best first,
    then tie order.

    Rounding is monotone, so sorting on the raw totals gives the same order unless two
    different totals round to the same value, which needs them within `_APART` of each
    other: only then is every total rounded (a round() costs as much as the sort).
    """
    return _by_rounded_key([(-t, rank[f], t, f) for t, f in totals], limit)


def _by_rounded_key(
    kept: list[tuple[float, int, float, int]], limit: int
) -> list[tuple[float, int]]:
    """`by_rounded_total` of (-total, rank, total, fact) tuples (sorted here, in place)."""
    kept.sort()  # rank is unique: the rest is never compared
    keys = [k[0] for k in kept]
    if min(filter(None, map(sub, keys[1:], keys)), default=_APART) < _APART:
        kept = [(-round(t, 9), r, t, f) for _, r, t, f in kept]
        kept.sort()
    return [(t, f) for _, _, t, f in kept[:limit]]


def _may_rank(pool: list[int], scores: list[float], rank: Sequence[int], extra: float) -> list[int]:
    """The facts of `pool` (more than TOP) that may be among the TOP best, in pool order.

    A fact's final sort key is (-rounded score, tie order); its score is at least its
    `scores` entry and at most that plus `extra`, which brackets the key. The TOP-th best
    of the worst keys caps the TOP-th best key, so only facts whose best key is within
    that cap can rank: with many ties, tie order keeps this to about TOP facts.
    """
    # Rounding is monotone, so the TOP-th best worst key is that of the TOP-th best score;
    # and facts far enough below it cannot reach it whatever the rounding: leave them out
    # before rounding (2e-9 to spare over a rounding's 0.5e-9 either way).
    nth = _kth_largest(scores, TOP)
    floor = nth - extra - 2 * _DELTA - 2e-9
    near = [(f, s) for f, s in zip(pool, scores, strict=True) if s >= floor]
    pool, scores = [f for f, _ in near], [s for _, s in near]
    t = round(-_DELTA + nth, 9)
    low = _against(t, [-_DELTA + s for s in scores])  # each worst key's rounded score vs t
    ties = [rank[f] for f, c in zip(pool, low, strict=True) if not c]
    r = heapq.nsmallest(TOP - low.count(1), ties)[-1]
    up = extra + _DELTA
    high = _against(t, [up + s for s in scores])
    kept = [f for f, c in zip(pool, high, strict=True) if c > 0]
    kept += [f for f, c in zip(pool, high, strict=True) if not c and rank[f] <= r]
    return kept


def _against(t: float, values: list[float]) -> list[int]:
    """Per value, the sign of round(value, 9) - t (t rounded to 9 places already).

    Rounding moves a value by at most half of 1e-9, so only values within `_APART` of t
    are rounded: a round() to 9 places costs more than the rest of the comparison.
    """
    hi, lo = t + _APART, t - _APART
    return [1 if v >= hi else -1 if v <= lo else ((r := round(v, 9)) > t) - (r < t) for v in values]


def _round_best(raw: list[tuple[float, int, int]], bounds: list[tuple[float, int, int]]) -> None:
    """Move (-bound, rank, fact) entries from the heap `raw` to the heap `bounds` as
    (-bound rounded to 9 places, rank, fact), until every entry left in `raw` rounds to a
    worse key than bounds[0]: then bounds[0] is the best key of both."""
    while raw:
        key = -round(-raw[0][0], 9)
        if bounds and key > bounds[0][0]:
            return
        _, r, f = heapq.heappop(raw)
        heapq.heappush(bounds, (key, r, f))


def _met(parts: list[tuple[Iterable[int], float]], cut: float) -> set[int]:
    """The facts of `parts` that may score `cut` or more: those met in the last parts
    only score at most the sum of those parts' bounds, so they are left out."""
    tail = 0.0
    end = len(parts)
    while end and tail + parts[end - 1][1] < cut:
        end -= 1
        tail += parts[end][1]
    met: set[int] = set()
    for part, _ in parts[:end]:
        met.update(part)
    return met


def _kth_largest(values: list[float], k: int) -> float:
    """The k-th largest of `values` (at least k of them), exactly: a quickselect whose
    partitions are filters run in C, down to a few hundred values that C sorts."""
    while len(values) > 256:
        top = max(values)
        if values.count(top) >= k:  # ties at the top, common among near-duplicate facts
            return top
        sample = sorted(values[:: len(values) // 32], reverse=True)
        pivot = sample[min(len(sample) - 1, 2 * k * len(sample) // len(values) + 1)]
        above = [v for v in values if v > pivot]  # (cheaper than filter(pivot.__lt__))
        if len(above) >= k:
            values = above
            continue
        same = values.count(pivot)
        if len(above) + same >= k:
            return pivot
        k -= len(above) + same
        values = [v for v in values if v < pivot]
    return sorted(values, reverse=True)[k - 1]
