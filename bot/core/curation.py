"""What curators teach the bot from Slack, as plain records, and how it joins the fact base.

Taught phrasings, "still true" stamps and approved proposals live in the database
(bot.storage); this module is the pure part: the records, the overlay that turns
the fact base on disk plus what was taught into the fact base served
(`apply_curation`), the check of a proposed fact (the linter's own rules), which
facts are due for review, and the grouping of questions that reword each other.

`apply_curation` is idempotent: applying it to a base that already holds some of
the curation changes nothing twice, so a reload (disk base + curation) and a
teach (served base + one more phrasing) build the same thing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import TypeVar

from bot.core.factbase import Fact, FactBase, parse_date_span, quote_problem
from bot.core.text import STOPWORDS, fold

T = TypeVar("T")

#: Words of the English answer that make a proposed fact's id.
ID_WORDS = 6
#: Longest title derived from a proposal's answer.
TITLE_MAX = 90
#: Two questions are rewordings of each other when this share of their meaning is common.
REWORDING_OVERLAP = 0.6


# ------------------------------------------------------------------ subcommand records


@dataclass(frozen=True, slots=True)
class ShowReview:
    """`/facts review` (curators): what waits for them."""


@dataclass(frozen=True, slots=True)
class Teach:
    """`/facts teach [--anyway] <fact-id> <question>` (curators)."""

    fact_id: str
    question: str
    anyway: bool = False  # keep it even if it misses its fact or takes another's questions


@dataclass(frozen=True, slots=True)
class Propose:
    """`/facts propose`: open the form that proposes a new fact."""


# ------------------------------------------------------------------ stored records


@dataclass(frozen=True, slots=True)
class TaughtPhrasing:
    fact_id: str
    phrasing: str
    taught_by: str
    taught_at: datetime


@dataclass(frozen=True, slots=True)
class ReviewStamp:
    """A curator checked the fact and it still holds ("Still true")."""

    fact_id: str
    reviewed: date
    by: str


@dataclass(frozen=True, slots=True)
class ProposalDraft:
    """What someone proposes, as typed in the form (white space already collapsed)."""

    source_id: str
    snippet: str
    answer: str
    answer_fr: str
    question: str
    topic: str
    when: str | None = None
    where: str | None = None


@dataclass(frozen=True, slots=True)
class Proposal:
    id: int
    draft: ProposalDraft
    proposed_by: str
    proposed_at: datetime
    status: str  # pending | approved | rejected
    fact_id: str | None = None  # given at approval
    decided_by: str | None = None
    decided_at: datetime | None = None
    reviewed: date | None = None  # the approver's local day: the fact's first review
    reason: str | None = None  # why it was rejected
    channel_id: str | None = None  # where the curators were asked (for chat.update)
    message_ts: str | None = None
    #: The proposer's workspace (and org): the decision is told there, with its token.
    team_id: str = ""
    enterprise_id: str = ""


@dataclass(frozen=True, slots=True)
class Curation:
    """Everything taught from Slack that the fact base on disk does not hold yet."""

    phrasings: tuple[TaughtPhrasing, ...] = ()
    stamps: tuple[ReviewStamp, ...] = ()
    approved: tuple[Proposal, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.phrasings or self.stamps or self.approved)


# ------------------------------------------------------------------ the overlay


def question_key(text: str) -> str:
    """A question or phrasing as compared for "the same words": folded, bare of end marks."""
    return " ".join(fold(text).split()).strip(" ?!.¿¡…")


def apply_curation(base: FactBase, curation: Curation) -> FactBase:
    """The fact base served: `base` with the taught phrasings, stamps and approved facts.

    Phrasings already in a fact's `ask`, stamps no newer than its `reviewed`, and
    proposals whose fact id is already taken are left out, so applying twice is
    applying once. A phrasing of a fact that no longer exists is ignored, and so is
    an approved proposal that no longer checks out (its source gone, its quote no
    longer verbatim): `python -m bot facts export` would otherwise write a base
    that does not lint.
    """
    if curation.empty:
        return base
    extra: dict[str, list[str]] = {}
    for taught in curation.phrasings:
        extra.setdefault(taught.fact_id, []).append(taught.phrasing)
    stamped: dict[str, date] = {}
    for stamp in curation.stamps:
        stamped[stamp.fact_id] = max(stamp.reviewed, stamped.get(stamp.fact_id, stamp.reviewed))
    facts = [_curated(f, extra.get(f.id, ()), stamped.get(f.id)) for f in base.facts]
    taken = {f.id for f in facts}
    for proposal in curation.approved:
        if proposal.fact_id is None or proposal.fact_id in taken:
            continue
        fact = proposal_fact(proposal, base)
        if isinstance(fact, Fact):
            fact = _curated(fact, extra.get(fact.id, ()), stamped.get(fact.id))
            facts.append(fact)
            taken.add(fact.id)
    return FactBase(
        base.root, base.sources, tuple(facts), base.entities, base.synonyms, base.review_every
    )


def _curated(fact: Fact, phrasings: Sequence[str], stamp: date | None) -> Fact:
    asked = {question_key(q) for q in fact.ask}
    new = []
    for phrasing in phrasings:
        if question_key(phrasing) not in asked:
            asked.add(question_key(phrasing))
            new.append(phrasing)
    reviewed = fact.reviewed
    if stamp is not None and (reviewed is None or stamp > reviewed):
        reviewed = stamp
    if not new and reviewed == fact.reviewed:
        return fact
    return replace(fact, ask=(*fact.ask, *new), reviewed=reviewed)


def new_phrasings(base: FactBase, curation: Curation) -> dict[str, list[str]]:
    """Per fact id, the taught phrasings `base` does not hold yet (what export adds)."""
    out: dict[str, list[str]] = {}
    for taught in curation.phrasings:
        fact = base.fact(taught.fact_id)
        if fact is None:
            continue
        held = {question_key(q) for q in (*fact.ask, *out.get(fact.id, ()))}
        if question_key(taught.phrasing) not in held:
            out.setdefault(fact.id, []).append(taught.phrasing)
    return out


# ------------------------------------------------------------------ proposals


def check_draft(draft: ProposalDraft, base: FactBase) -> dict[str, str]:
    """What is wrong with a proposed fact, field by field (empty when it would lint clean).

    The quote is checked exactly as `python -m bot lint` checks a snippet.
    """
    problems: dict[str, str] = {}
    source = base.sources.get(draft.source_id)
    if source is None:
        problems["source"] = f"There is no source '{draft.source_id}' in the fact base."
    if not draft.snippet:
        problems["snippet"] = "Paste the sentence from the source that proves the answer."
    elif source is not None:
        not_verbatim = quote_problem(draft.snippet, source)
        if not_verbatim is not None:
            problems["snippet"] = (
                f"This quote is not verbatim in “{source.display_title}” "
                f"({source.archive}): copy it exactly from the source."
            )
    for name, value, what in (
        ("answer", draft.answer, "the answer in English"),
        ("answer_fr", draft.answer_fr, "the answer in French"),
        ("question", draft.question, "a question it answers"),
    ):
        if not value:
            problems[name] = f"Write {what}."
    if draft.topic not in base.topics:
        problems["topic"] = f"Pick one of the topics: {', '.join(base.topics)}."
    if draft.when:
        span = parse_date_span(draft.when)
        if span is None:
            problems["when"] = "Write the date as 2015, 2015-05, 2015-05-16 or A..B."
    return problems


def proposal_fact(proposal: Proposal, base: FactBase) -> Fact | str:
    """The fact an approved proposal adds, or why it cannot be added to `base`."""
    draft = proposal.draft
    problems = check_draft(draft, base)
    if problems:
        return "; ".join(problems.values())
    when = parse_date_span(draft.when) if draft.when else None
    return Fact(
        id=proposal.fact_id or new_fact_id(draft.answer, {f.id for f in base.facts}),
        topic=draft.topic,
        title=proposal_title(draft.answer),
        answer=draft.answer,
        snippet=draft.snippet,
        source=base.sources[draft.source_id],
        ask=(draft.question,),
        answer_fr=draft.answer_fr,
        when=when,
        where=draft.where or None,
        file=f"{draft.topic}.yaml",
        reviewed=proposal.reviewed,
    )


def new_fact_id(answer: str, taken: set[str] | frozenset[str]) -> str:
    """A kebab-case id from the answer's first content words, unlike any in `taken`."""
    words = [w for w in re.findall(r"[a-z0-9]+", fold(answer)) if w not in STOPWORDS]
    stem = "-".join(words[:ID_WORDS]) or "proposed-fact"
    candidate, n = stem, 2
    while candidate in taken:
        candidate, n = f"{stem}-{n}", n + 1
    return candidate


def proposal_title(answer: str) -> str:
    """The first sentence of the answer, cut at a word under TITLE_MAX characters."""
    first = re.split(r"(?<=[.!?])\s", answer, maxsplit=1)[0].rstrip(".")
    if len(first) <= TITLE_MAX:
        return first
    return first[:TITLE_MAX].rsplit(" ", 1)[0].rstrip(",;:") + "…"


# ------------------------------------------------------------------ review intervals


# ------------------------------------------------------------------ what a curator is shown


@dataclass(frozen=True, slots=True)
class Takeover:
    """A phrasing of another fact whose answer a new phrasing would change."""

    phrasing: str
    owner: str  # the fact the phrasing belongs to
    before: str | None  # the fact it reached before (None: no answer)
    after: str | None  # the fact it would reach with the new phrasing


@dataclass(frozen=True, slots=True)
class TeachResult:
    """What teaching a phrasing did, or would do: the check shown before it is kept."""

    fact_id: str
    title: str
    question: str
    reaches: bool  # with the phrasing, the question is answered with its fact
    answered_by: str | None  # what the question reaches with it (None: no answer)
    taken: tuple[Takeover, ...]
    kept: bool
    already: bool = False  # the fact held this phrasing already

    @property
    def clean(self) -> bool:
        return self.reaches and not self.taken


@dataclass(frozen=True, slots=True)
class Decision:
    """What became of an approval or a rejection."""

    proposal: Proposal  # as it stands now
    done: bool  # this request decided it
    problem: str | None = None  # why it did not (plain text)
    fact: Fact | None = None  # the fact now served, when approved


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """Questions that reword each other, asked and not (well) answered."""

    question: str  # the wording shown (the most asked)
    question_id: int  # a log id of that wording, for the buttons
    asked: int  # times asked, every wording included
    wordings: tuple[str, ...]  # the other wordings
    question_ids: tuple[int, ...]  # log ids of every wording
    voted_down: str | None  # the fact voted not helpful, if that is why it is here
    suggestions: tuple[Fact, ...]  # the matcher's nearest facts


@dataclass(frozen=True, slots=True)
class ReviewQueue:
    """What waits for the curators: questions, facts due for review, proposals."""

    items: tuple[ReviewItem, ...]
    overdue: tuple[Overdue, ...]
    proposals: tuple[Proposal, ...]

    @property
    def empty(self) -> bool:
        return not (self.items or self.overdue or self.proposals)


@dataclass(frozen=True, slots=True)
class Overdue:
    fact: Fact
    due: date


def overdue_facts(
    base: FactBase, today: date, stamps: Mapping[str, date] | None = None
) -> list[Overdue]:
    """Facts whose last review is `review_every` days old or more, the longest overdue first.

    The last review is the later of the fact's `reviewed` and its "Still true"
    stamp in `stamps`. A fact never reviewed is not tracked: a curator starts its
    clock by giving it a `reviewed` date in its topic file.
    """
    if base.review_every is None:
        return []
    every = timedelta(days=base.review_every)
    stamps = stamps or {}
    due = []
    for fact in base.facts:
        last = max((d for d in (fact.reviewed, stamps.get(fact.id)) if d is not None), default=None)
        if last is not None and last + every <= today:
            due.append(Overdue(fact, last + every))
    return sorted(due, key=lambda o: (o.due, o.fact.id))


# ------------------------------------------------------------------ rewordings


def group_rewordings(
    items: Sequence[T],
    signature: Callable[[T], frozenset[Hashable]],
    overlap: float = REWORDING_OVERLAP,
) -> list[list[T]]:
    """Items whose signatures (what a question means, as a set) overlap enough, together.

    Groups are closed under "rewords": A rewords B and B rewords C puts all three in
    one group. Groups keep the items' order, and come in the order of their first item.
    """
    signatures = [signature(item) for item in items]
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(items)):
        for j in range(i):
            a, b = signatures[i], signatures[j]
            if a and b and len(a & b) / len(a | b) >= overlap:
                parent[root(i)] = root(j)
    groups: dict[int, list[T]] = {}
    for i, item in enumerate(items):
        groups.setdefault(root(i), []).append(item)
    return list(groups.values())
