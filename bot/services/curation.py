"""Curators teach the bot from Slack: the review queue, teaching, "Still true", proposals.

Who may: the curators (`bot.services.admins.Curators`), a role of the deployment,
since the fact base is one for every workspace. With one workspace they are its
admins (FACTBOT_ADMINS, the workspace's admins and owners; the console's user is
one). With many (OAuth), they are the admins of the home workspace named by
FACTBOT_CURATORS_TEAM, and nobody else; with none named, nobody curates and every
curation command says so. Anyone, in any workspace, may propose a fact.

The review reads the deployment's question log (every workspace's) and shows the
curators question wordings only: never who asked, in which channel or workspace.
Proposals are posted, and their messages updated, with the curators' workspace's
client (`curators_client`); the proposer hears of the decision with their own
workspace's (`proposer_client`).

Teaching a phrasing is checked before it is kept: a candidate matcher is built
with the phrasing added, and asked the phrasing and every other fact's phrasings;
the phrasing is kept at once only if it reaches its fact and changes no other
phrasing's answer (`--anyway` or "Keep anyway" keeps it regardless). A kept
phrasing, an approved proposal and a reload all serve the fact base through the
same `FactsHolder.swap`, under the lock reloads hold, so none of them loses another's
work. Everything taught is in the database and is applied again at start-up
(`bot.services.deps`) and after every reload (`bot.services.admin`).
"""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from weakref import WeakKeyDictionary

from slack_sdk.web.async_client import AsyncWebClient

from bot.core.curation import (
    Curation,
    Decision,
    Overdue,
    Proposal,
    ProposalDraft,
    ReviewItem,
    ReviewQueue,
    Takeover,
    TaughtPhrasing,
    Teach,
    TeachResult,
    apply_curation,
    check_draft,
    group_rewordings,
    new_fact_id,
    overdue_facts,
    proposal_fact,
    question_key,
)
from bot.core.factbase import Fact, FactBase
from bot.core.records import Where
from bot.core.text import escape_mrkdwn
from bot.engine import Answer, Matcher
from bot.render.admin import render_reload
from bot.render.blocks import Message, render_notice
from bot.render.curation import render_proposal_link, render_review, render_teach
from bot.services.admin import PRIVATE_ONLY, announce_change, refusal, reload_facts
from bot.services.deps import Deps, freeze_long_lived_objects
from bot.storage.curation import ReviewCandidate, ReviewMark

logger = logging.getLogger(__name__)

#: How far back the review reads the question log.
REVIEW_DAYS = 30
#: Nearest facts offered as "Answer with ..." for one question.
SUGGESTIONS = 3

#: With many workspaces and no curators' workspace named: what every curation command says.
NOT_SET_UP = (
    "Curation is not set up for this deployment: until its operator names the curators' "
    "workspace (`FACTBOT_CURATORS_TEAM`), nobody can use `/facts {name}`."
)
#: With many workspaces, to someone who is not one of the curators.
NOT_A_CURATOR = (
    "Sorry, `/facts {name}` is for factbot's curators, who look after the one fact base "
    "every workspace is answered from: the admins of the {workspace} workspace. "
    "Anyone may propose a fact with `/facts propose`."
)

#: Each served matcher's answers to every fact's own phrasings: the "before" of the
#: teach check. A memo of a pure function of an immutable matcher, dropped with it.
_OWN_ANSWERS: WeakKeyDictionary[Matcher, dict[tuple[str, str], str | None]] = WeakKeyDictionary()


# ------------------------------------------------------------------ who curates


async def curators_home(deps: Deps) -> tuple[str, str] | None:
    """The curators' workspace as (team_id, enterprise_id); None when curation is not set
    up; ('', '') with one workspace.

    FACTBOT_CURATORS_TEAM names the team alone. A workspace inside an Enterprise Grid
    org was installed under the org's enterprise id too: the installation says which."""
    home = deps.curators.home_team
    if not home:
        return None if home is None else ("", "")
    return home, await deps.store.installed_enterprise(home) or ""


async def curators_workspace(deps: Deps) -> str | None:
    """The curators' workspace as people know it (its name, else its team id), escaped for
    mrkdwn; None when curation is not set up. '' with one workspace."""
    found = await curators_home(deps)
    if found is None:
        return None
    home, enterprise = found
    if not home:
        return ""
    key = deps.settings.encryption_key
    installation = (
        await deps.store.installation_store(key).async_find_installation(
            enterprise_id=enterprise or None, team_id=home
        )
        if key
        else None
    )
    name = installation.team_name if installation is not None else None
    return escape_mrkdwn(name or home)


@dataclass(frozen=True, slots=True)
class CuratedBy:
    """Who curates, told to someone who does not (the help, the Home tab): the curators'
    workspace (mrkdwn-escaped), or None: curation is not set up for this deployment."""

    workspace: str | None


async def who_curates(deps: Deps) -> CuratedBy | None:
    """What the help says of who curates; None with one workspace (its help is as ever)."""
    if not deps.curators.several_workspaces:
        return None
    return CuratedBy(await curators_workspace(deps))


async def curation_refusal(deps: Deps, name: str, where: Where) -> Message | None:
    """Why `where` may not run curation command `name`, or None when it may.

    With one workspace this is the admin commands' refusal, word for word.
    """
    if not deps.curators.several_workspaces:
        return await refusal(deps, name, where)
    if not await deps.curators.is_curator(where):
        workspace = await curators_workspace(deps)
        logger.info(
            "curation_refused command=%s user=%s team=%s set_up=%s",
            name,
            where.user_id,
            where.team_id,
            workspace is not None,
        )
        if workspace is None:
            return render_notice(NOT_SET_UP.format(name=name))
        return render_notice(NOT_A_CURATOR.format(name=name, workspace=workspace))
    if where.surface == "mention":  # the answer would be public in the channel
        return render_notice(PRIVATE_ONLY.format(name=name))
    return None


async def curators_client(deps: Deps) -> AsyncWebClient | None:
    """The client that acts in the curators' workspace (their channel, its messages); None
    when there is none (curation not set up, not installed, the console)."""
    if deps.client_for is None:
        return None
    found = await curators_home(deps)
    return None if found is None else await deps.client_for(*found)


async def proposer_client(deps: Deps, proposal: Proposal) -> AsyncWebClient | None:
    """The client that acts in the workspace a proposal came from (to tell its author)."""
    if deps.client_for is None:
        return None
    return await deps.client_for(proposal.team_id, proposal.enterprise_id)


def local_today(deps: Deps) -> date:
    return deps.clock().astimezone(deps.settings.tz).date()


def _best(answer: Answer) -> str | None:
    return answer.best.fact.id if answer.answered and answer.best is not None else None


def own_answers(matcher: Matcher) -> dict[tuple[str, str], str | None]:
    """{(fact id, phrasing): the fact it reaches} for every phrasing of every fact."""
    memo = _OWN_ANSWERS.get(matcher)
    if memo is None:
        memo = {(f.id, q): _best(matcher.ask(q)) for f in matcher.facts for q in f.ask}
        _OWN_ANSWERS[matcher] = memo
    return memo


# ------------------------------------------------------------------ teaching


def check_phrasing(served: Matcher, candidate: Matcher, fact: Fact, question: str) -> TeachResult:
    """What adding `question` to `fact` does: does it reach the fact, whose phrasings move.

    `candidate` is the matcher of the fact base with the phrasing added. Every other
    fact's phrasings are asked of both; any answer that changes is reported.
    """
    before = own_answers(served)
    reached = _best(candidate.ask(question))
    taken: list[Takeover] = []
    after: dict[tuple[str, str], str | None] = {}
    for (owner, phrasing), was in before.items():
        if owner == fact.id:
            continue
        now = after[(owner, phrasing)] = _best(candidate.ask(phrasing))
        if now != was:
            taken.append(Takeover(phrasing, owner, was, now))
    for phrasing in candidate.base.by_id[fact.id].ask:
        after[(fact.id, phrasing)] = _best(candidate.ask(phrasing))
    _OWN_ANSWERS[candidate] = after  # the next teach starts from here
    return TeachResult(
        fact_id=fact.id,
        title=fact.title,
        question=question,
        reaches=reached == fact.id,
        answered_by=reached,
        taken=tuple(taken),
        kept=False,
    )


def _candidate(
    served: Matcher, base: FactBase, fact: Fact, question: str
) -> tuple[Matcher, TeachResult]:
    """Build the matcher with the phrasing added, and check it (in a worker thread)."""
    candidate = Matcher(base)
    return candidate, check_phrasing(served, candidate, fact, question)


async def teach(deps: Deps, command: Teach, where: Where) -> TeachResult | str:
    """Check a phrasing against the matcher, keep it if it is clean (or `anyway`), serve it.

    Returns what happened, or why nothing could (an unknown fact).
    """
    by = where.user_id or where.surface
    question = " ".join(command.question.split())
    holder = deps.facts
    async with holder.reloading:
        seen = await deps.store.facts_generation()
        current = holder.current
        fact = current.base.fact(command.fact_id)
        if fact is None:
            return f"There is no fact `{command.fact_id}` any more."
        if question_key(question) in {question_key(q) for q in fact.ask}:
            await deps.store.mark_question(question, "taught", by, fact.id)
            reached = _best(current.matcher.ask(question))
            return TeachResult(
                fact.id, fact.title, question, reached == fact.id, reached, (), False, True
            )
        taught = TaughtPhrasing(fact.id, question, by, deps.clock())
        base = apply_curation(current.base, Curation(phrasings=(taught,)))
        matcher, result = await asyncio.to_thread(_candidate, current.matcher, base, fact, question)
        keep = result.clean or command.anyway
        if keep:
            await deps.store.teach_phrasing(fact.id, question, by)
            await deps.store.mark_question(question, "taught", by, fact.id)
            holder.swap(base, matcher)
            await announce_change(deps, seen, by, fresh=False)  # the other workers reload
            if gc.get_freeze_count():
                freeze_long_lived_objects()
        logger.info(
            "phrasing_%s fact_id=%s by=%s reaches=%s takes=%d",
            "taught" if keep else "held",
            fact.id,
            by,
            result.reaches,
            len(result.taken),
        )
        return replace(result, kept=keep)


# ------------------------------------------------------------------ the review queue


def _signature(matcher: Matcher, question: str) -> frozenset[str]:
    """What a question means, for spotting rewordings: its names and word stems."""
    return frozenset(
        slot.concept or (min(slot.keys) if slot.keys else slot.text)
        for slot in matcher.analyse(question)
    )


def _still_open(
    candidates: Sequence[ReviewCandidate], marks: dict[str, ReviewMark]
) -> dict[str, list[ReviewCandidate]]:
    """Log rows by wording, leaving out what curators dealt with: gaps and taught for good,
    skipped until someone asks again."""
    by_key: dict[str, list[ReviewCandidate]] = {}
    for row in candidates:
        key = question_key(row.question)
        mark = marks.get(key)
        if not key or (
            mark is not None and (mark.verdict != "skip" or mark.marked_at >= row.asked_at)
        ):
            continue
        by_key.setdefault(key, []).append(row)
    return by_key


def review_items(
    matcher: Matcher, candidates: Sequence[ReviewCandidate], marks: dict[str, ReviewMark]
) -> list[ReviewItem]:
    """The questions to review, rewordings together, the most asked first (synchronous)."""
    open_rows = _still_open(candidates, marks)
    alive: list[tuple[list[ReviewCandidate], Answer]] = []
    for rows in open_rows.values():
        latest = rows[0]  # newest first
        answer = matcher.ask(latest.question)
        now = _best(answer)
        if (now is not None) if latest.voted_down is None else (now != latest.voted_down):
            continue  # answered since (taught, approved, reloaded), or answered otherwise
        alive.append((rows, answer))
    groups = group_rewordings(alive, lambda item: _signature(matcher, item[0][0].question))
    items = []
    for group in groups:
        group.sort(key=lambda item: (-len(item[0]), -item[0][0].id))
        rows, answer = group[0]
        latest = rows[0]
        offered = (
            [m.fact for m in answer.suggestions]
            if latest.voted_down is None
            else [m.fact for m in (*answer.facts, *answer.suggestions)]
        )
        items.append(
            ReviewItem(
                question=latest.question,
                question_id=latest.id,
                asked=sum(len(r) for r, _ in group),
                wordings=tuple(r[0].question for r, _ in group[1:]),
                question_ids=tuple(row.id for r, _ in group for row in r),
                voted_down=latest.voted_down,
                suggestions=tuple(f for f in offered if f.id != latest.voted_down)[:SUGGESTIONS],
            )
        )
    items.sort(key=lambda i: (-i.asked, -i.question_id))
    return items


async def review_queue(deps: Deps) -> ReviewQueue:
    """What waits for the curators now (the deployment's, whoever of them asks)."""
    since = deps.clock() - timedelta(days=REVIEW_DAYS)
    # The store itself: the deployment's log, every workspace's question wordings.
    candidates = await deps.store.review_candidates(since)
    marks = await deps.store.review_marks()
    current = deps.facts.current
    items = await asyncio.to_thread(review_items, current.matcher, candidates, marks)
    return ReviewQueue(
        items=tuple(items),
        overdue=tuple(await overdue(deps)),
        proposals=tuple(await deps.store.pending_proposals()),
    )


async def overdue(deps: Deps) -> list[Overdue]:
    """Facts due for review, their "Still true" stamps counted."""
    stamps = await deps.store.review_stamps()
    return overdue_facts(deps.base, local_today(deps), stamps)


async def mark_questions(
    deps: Deps, question_ids: Sequence[int], verdict: str, where: Where
) -> list[str]:
    """Mark logged questions as known gaps or skipped; the wordings marked."""
    by = where.user_id or where.surface
    marked = []
    for question_id in question_ids:
        question = await deps.store.review_question(question_id)
        if question is not None:
            await deps.store.mark_question(question, verdict, by)
            marked.append(question)
    logger.info("questions_marked verdict=%s count=%d by=%s", verdict, len(marked), by)
    return marked


async def still_true(deps: Deps, fact_id: str, where: Where) -> Fact | None:
    """Stamp today's local date on a fact: it is not due again for `review_every` days."""
    fact = deps.base.fact(fact_id)
    if fact is None:
        return None
    by = where.user_id or where.surface
    await deps.store.stamp_reviewed(fact.id, local_today(deps), by)
    logger.info("fact_still_true fact_id=%s by=%s", fact.id, by)
    return fact


# ------------------------------------------------------------------ proposals


async def propose(deps: Deps, draft: ProposalDraft, where: Where) -> int | dict[str, str]:
    """Keep a proposed fact for the curators (anyone's, from any workspace: its workspace is
    kept to tell the decision there); or what is wrong with it, field by field."""
    by = where.user_id or "unknown"
    problems = check_draft(draft, deps.base)
    if problems:
        logger.info("proposal_refused by=%s fields=%s", by, ",".join(sorted(problems)))
        return problems
    proposal_id = await deps.store.add_proposal(
        draft, by, team_id=where.team_id, enterprise_id=where.enterprise_id
    )
    logger.info("proposal_received id=%d by=%s source=%s", proposal_id, by, draft.source_id)
    return proposal_id


async def approve(deps: Deps, proposal_id: int, where: Where) -> Decision | Message:
    """Approve a proposal (a curator other than its author) and serve its fact at once.

    Returns the decision, or the refusal to show.
    """
    refused = await curation_refusal(deps, "approve", where)
    if refused is not None:
        return refused
    by = where.user_id or where.surface
    holder = deps.facts
    async with holder.reloading:
        seen = await deps.store.facts_generation()
        proposal = await deps.store.proposal(proposal_id)
        if proposal is None:
            return render_notice("I can no longer find that proposal.")
        if proposal.status != "pending":
            return Decision(proposal, False, f"It was already {proposal.status}.")
        if proposal.proposed_by == by:
            return Decision(
                proposal, False, "You proposed this fact: another curator must approve it."
            )
        current = holder.current
        day = local_today(deps)
        curation = await deps.store.curation()
        taken = {*current.base.by_id, *(p.fact_id for p in curation.approved if p.fact_id)}
        fact_id = new_fact_id(proposal.draft.answer, taken)
        fact = proposal_fact(replace(proposal, fact_id=fact_id, reviewed=day), current.base)
        if isinstance(fact, str):
            return Decision(proposal, False, f"It no longer checks out: {fact}")
        if not await deps.store.approve_proposal(proposal.id, by, fact_id, day):
            latest = await deps.store.proposal(proposal.id) or proposal
            return Decision(latest, False, f"It was already {latest.status}.")
        base = apply_curation(current.base, await deps.store.curation())  # with this one
        matcher = await asyncio.to_thread(Matcher, base)
        holder.swap(base, matcher)
        await announce_change(deps, seen, by, fresh=False)  # the other workers reload
        if gc.get_freeze_count():
            freeze_long_lived_objects()
        logger.info("proposal_approved id=%d fact_id=%s by=%s", proposal.id, fact_id, by)
        decided = await deps.store.proposal(proposal.id) or proposal
        return Decision(decided, True, fact=base.fact(fact_id))


async def may_reject(deps: Deps, proposal_id: int, where: Where) -> Proposal | Message:
    """The pending proposal a curator may reject, or what to tell them instead."""
    refused = await curation_refusal(deps, "reject", where)
    if refused is not None:
        return refused
    proposal = await deps.store.proposal(proposal_id)
    if proposal is None:
        return render_notice("I can no longer find that proposal.")
    if proposal.status != "pending":
        return render_notice(f"That proposal was already {proposal.status}.")
    return proposal


async def reject(deps: Deps, proposal_id: int, reason: str, where: Where) -> Decision | Message:
    """Reject a pending proposal, saying why."""
    found = await may_reject(deps, proposal_id, where)
    if isinstance(found, Message):
        return found
    by = where.user_id or where.surface
    if not await deps.store.reject_proposal(found.id, by, reason):
        latest = await deps.store.proposal(found.id) or found
        return Decision(latest, False, f"It was already {latest.status}.")
    logger.info("proposal_rejected id=%d by=%s", found.id, by)
    return Decision(await deps.store.proposal(found.id) or found, True)


# ------------------------------------------------------------------ /facts review, teach, propose


async def run_review(deps: Deps, where: Where) -> Message:
    refused = await curation_refusal(deps, "review", where)
    if refused is not None:
        return refused
    return render_review(await review_queue(deps))


async def run_teach(deps: Deps, command: Teach, where: Where) -> Message:
    refused = await curation_refusal(deps, "teach", where)
    if refused is not None:
        return refused
    result = await teach(deps, command, where)
    return render_notice(result) if isinstance(result, str) else render_teach(result)


async def run_propose(deps: Deps, where: Where) -> Message:
    """Outside a slash command (a DM, the console) there is no trigger to open a form with."""
    return render_proposal_link(console=where.surface == "console")


async def run_reload(deps: Deps, where: Where) -> Message:
    """`/facts reload`: the outcome for a curator, else a refusal. The fact base is the
    deployment's, one for every workspace: reloading it is curation."""
    refused = await curation_refusal(deps, "reload", where)
    if refused is not None:
        return refused
    return render_reload(await reload_facts(deps, by=where.user_id or where.surface))
