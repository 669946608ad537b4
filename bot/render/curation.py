"""Curation as Block Kit: the review, a teach check, the proposal form and its messages.

Pure functions of the records in `bot.core.curation`, like every other renderer.
The proposal form is built and read back here, so its block ids live in one place.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from bot.core.curation import (
    Decision,
    Overdue,
    Proposal,
    ProposalDraft,
    ReviewItem,
    ReviewQueue,
    TeachResult,
)
from bot.core.factbase import FactBase
from bot.core.text import escape_mrkdwn
from bot.render.blocks import (
    BUTTON_VALUE_MAX,
    HOME_BLOCKS_MAX,
    MESSAGE_BLOCKS_MAX,
    SECTION_TEXT_MAX,
    Block,
    Message,
    button,
    clip,
    context,
    fallback,
    fit,
    header,
    mrkdwn,
    quote,
    section,
    sections,
)

# Action ids: handlers/review.py and handlers/propose.py listen for these.
ACTION_TEACH_PREFIX = "review_teach_"
ACTION_TEACH = re.compile(rf"^{ACTION_TEACH_PREFIX}\d+$")
ACTION_GAP = "review_gap"
ACTION_SKIP = "review_skip"
ACTION_STILL_TRUE = "review_still_true"
ACTION_KEEP_ANYWAY = "teach_anyway"
ACTION_OPEN_REVIEW = "open_review"
ACTION_OPEN_PROPOSAL = "open_proposal_form"
ACTION_APPROVE = "proposal_approve"
ACTION_REJECT = "proposal_reject"
#: The message shortcut ("Propose a fact" on any message), as manifest.yml declares it.
SHORTCUT_PROPOSE = "propose_fact"
VIEW_PROPOSE = "propose_fact_form"
VIEW_REJECT = "reject_proposal_form"

#: What one review message shows at most (it must stay within 50 blocks).
ITEMS_SHOWN = 8
OVERDUE_SHOWN = 6
PROPOSALS_SHOWN = 5
TAKEOVERS_SHOWN = 10
#: Block Kit limits for modals (block_kit_limits.yaml).
MODAL_TITLE_MAX = 24
OPTIONS_MAX = 100
OPTION_TEXT_MAX = 75
INPUT_MAX = 3000


def _q(text: str, limit: int = 300) -> str:
    return f"“{mrkdwn(text, limit)}”"


def _id(fact_id: str | None) -> str:
    return f"`{escape_mrkdwn(fact_id)}`" if fact_id else "no answer"


def _ids_value(ids: Sequence[int]) -> str:
    """Question ids for a button, as many as fit in its value."""
    value = ""
    for i in ids:
        more = f"{value},{i}" if value else str(i)
        if len(more) > BUTTON_VALUE_MAX:
            break
        value = more
    return value


def _count(n: int, what: str) -> str:
    return f"*{n}* {what}{'s' if n != 1 else ''}"


def parse_ids(value: object) -> list[int]:
    return [int(p) for p in str(value or "").split(",") if p.isascii() and p.isdigit()]


# ------------------------------------------------------------------ the review


def _item_blocks(item: ReviewItem) -> list[Block]:
    line = f"*{_q(item.question)}*: asked {item.asked}×"
    if item.voted_down:
        line += f", answered with {_id(item.voted_down)} and voted *not helpful*"
    else:
        line += ", not answered"
    if item.wordings:
        line += "\nAlso asked as: " + "; ".join(_q(w, 150) for w in item.wordings[:5])
    elements = [
        button(
            f"Answer with {f.title}",
            f"{ACTION_TEACH_PREFIX}{i}",
            f"{item.question_id}:{f.id}",
            style="primary" if i == 0 else None,
        )
        for i, f in enumerate(item.suggestions)
    ]
    ids = _ids_value(item.question_ids)
    elements.append(button("Not in the sources", ACTION_GAP, ids))
    elements.append(button("Skip", ACTION_SKIP, ids))
    blocks = [section(line)]
    if not item.suggestions:
        blocks.append(context("No fact comes close: `/facts propose` adds one."))
    blocks.append(
        {"type": "actions", "block_id": f"review_{item.question_id}", "elements": elements}
    )
    return blocks


def _overdue_blocks(due: Overdue) -> list[Block]:
    fact = due.fact
    line = f"{_id(fact.id)} {mrkdwn(fact.title, 300)}: due since {due.due.isoformat()}"
    if fact.owner:
        line += f" (owner <@{escape_mrkdwn(fact.owner)}>)"
    return [
        section(line),
        {
            "type": "actions",
            "block_id": f"overdue_{fact.id}"[:255],
            "elements": [button("Still true", ACTION_STILL_TRUE, fact.id, style="primary")],
        },
    ]


def proposal_buttons(proposal: Proposal) -> Block:
    return {
        "type": "actions",
        "block_id": f"proposal_{proposal.id}",
        "elements": [
            button("Approve", ACTION_APPROVE, str(proposal.id), style="primary"),
            button("Reject", ACTION_REJECT, str(proposal.id), style="danger"),
        ],
    }


def render_review(queue: ReviewQueue, *, notice: Message | None = None) -> Message:
    """The curators' review: questions to teach or close, facts due, proposals waiting."""
    counts = (
        f"{_count(len(queue.items), 'question')} to look at, "
        f"{_count(len(queue.overdue), 'fact')} due for review, "
        f"{_count(len(queue.proposals), 'proposal')} waiting"
    ).replace("*", "")
    blocks: list[Block] = list(notice.blocks) + [{"type": "divider"}] if notice else []
    blocks += [header("Review"), context(counts)]
    if queue.empty:
        blocks.append(section("Nothing waits for review. Thank you!"))
    if queue.items:
        blocks.append(
            section(
                "*Questions asked in the last 30 days that I could not answer well.* "
                "“Answer with” teaches the question to that fact (checked first); "
                "“Not in the sources” closes it for good; “Skip” hides it until someone asks again."
            )
        )
        for item in queue.items[:ITEMS_SHOWN]:
            blocks.extend(_item_blocks(item))
        if len(queue.items) > ITEMS_SHOWN:
            blocks.append(context(f"…and {len(queue.items) - ITEMS_SHOWN} more after these."))
    if queue.overdue:
        blocks.append({"type": "divider"})
        blocks.append(section("*Facts due for review.* Check each against its source."))
        for due in queue.overdue[:OVERDUE_SHOWN]:
            blocks.extend(_overdue_blocks(due))
        if len(queue.overdue) > OVERDUE_SHOWN:
            blocks.append(context(f"…and {len(queue.overdue) - OVERDUE_SHOWN} more."))
    if queue.proposals:
        blocks.append({"type": "divider"})
        blocks.append(section("*Proposed facts waiting for a curator.*"))
        for proposal in queue.proposals[:PROPOSALS_SHOWN]:
            blocks.append(section(_proposal_line(proposal)))
            blocks.append(proposal_buttons(proposal))
    lines = [f"Review: {counts}"]
    lines += [f"- {item.question} ({item.asked}×)" for item in queue.items[:ITEMS_SHOWN]]
    lines += [f"- due: {d.fact.id}" for d in queue.overdue[:OVERDUE_SHOWN]]
    text = fallback(notice.text if notice else "", *lines)
    return Message(text=text, blocks=fit(blocks, MESSAGE_BLOCKS_MAX))


def _proposal_line(proposal: Proposal) -> str:
    draft = proposal.draft
    return (
        f"#{proposal.id} from <@{escape_mrkdwn(proposal.proposed_by)}> "
        f"({escape_mrkdwn(draft.topic)}): {mrkdwn(draft.answer, 400)}"
    )


# ------------------------------------------------------------------ teaching


def keep_anyway_value(fact_id: str, question: str) -> str:
    value = json.dumps({"f": fact_id, "q": question}, ensure_ascii=False)
    if len(value) <= BUTTON_VALUE_MAX:
        return value
    return json.dumps({"f": fact_id, "q": question[: BUTTON_VALUE_MAX // 2]}, ensure_ascii=False)


def parse_keep_anyway(value: object) -> tuple[str, str] | None:
    try:
        data = json.loads(str(value or ""))
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    fact_id, question = data.get("f"), data.get("q")
    if isinstance(fact_id, str) and isinstance(question, str) and question.strip():
        return fact_id, question
    return None


def render_teach(result: TeachResult) -> Message:
    """The check of a taught phrasing: does it reach its fact, whose phrasings would it move."""
    fact = f"*{mrkdwn(result.title, 200)}* ({_id(result.fact_id)})"
    asked = _q(result.question)
    if result.already:
        reach = (
            "and it reaches it" if result.reaches else f"but it reaches {_id(result.answered_by)}"
        )
        text = f"{fact} already has the phrasing {asked}, {reach}."
        return Message(text=fallback(text), blocks=[section(text)])
    missed = (
        f"it is answered with {_id(result.answered_by)}"
        if result.answered_by
        else "it gets no answer"
    )
    reach = f"now reaches {fact}" if result.reaches else f"does *not* reach {fact}: {missed}"
    if result.kept and result.clean:
        text = f"*Taught*: {asked} {reach}. It takes no other fact's questions."
        return Message(text=fallback(text), blocks=[section(text)])
    head = f"*Taught anyway*: {asked}" if result.kept else f"*Not kept yet*: with it, {asked}"
    lines = [f"{head} {reach}."]
    if result.taken:
        lines.append(
            f"It would change the answer to {len(result.taken)} phrasing"
            f"{'s' if len(result.taken) != 1 else ''} of other facts:"
        )
        lines += [
            f"• {_q(t.phrasing, 200)} (of {_id(t.owner)}): {_id(t.before)} → {_id(t.after)}"
            for t in result.taken[:TAKEOVERS_SHOWN]
        ]
        if len(result.taken) > TAKEOVERS_SHOWN:
            lines.append(f"…and {len(result.taken) - TAKEOVERS_SHOWN} more.")
    blocks = sections(lines)
    if not result.kept:
        blocks.append(
            {
                "type": "actions",
                "block_id": "teach_check",
                "elements": [
                    button(
                        "Keep anyway",
                        ACTION_KEEP_ANYWAY,
                        keep_anyway_value(result.fact_id, result.question),
                        style="danger",
                    )
                ],
            }
        )
        blocks.append(
            context(
                "Or reword it, or `/facts teach --anyway "
                f"{escape_mrkdwn(result.fact_id)} &lt;question&gt;`."
            )
        )
    return Message(text=fallback(*lines), blocks=fit(blocks, MESSAGE_BLOCKS_MAX))


# ------------------------------------------------------------------ proposals


def render_proposal_link(*, console: bool = False) -> Message:
    """`/facts propose` where no form can open (a DM, the console): how to propose."""
    if console:
        text = (
            "Proposing a fact opens a form in Slack: `/facts propose`, or *Propose a fact* in "
            "the menu of any message. Here, edit the topic files (facts/README.md)."
        )
        return Message(text=text, blocks=[section(text)])
    text = "Propose a fact for the fact base: a curator will check it against its source."
    return Message(
        text=text,
        blocks=[
            section(text),
            {
                "type": "actions",
                "block_id": "propose",
                "elements": [button("Propose a fact", ACTION_OPEN_PROPOSAL, "open")],
            },
        ],
    )


def _plain(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": clip(text, 2000), "emoji": True}


def _input(
    block_id: str,
    label: str,
    *,
    multiline: bool = False,
    optional: bool = False,
    initial: str = "",
    hint: str | None = None,
    max_length: int = INPUT_MAX,
) -> Block:
    element: dict[str, Any] = {
        "type": "plain_text_input",
        "action_id": "value",
        "multiline": multiline,
        "max_length": max_length,
    }
    if initial:
        element["initial_value"] = clip(initial, max_length)
    block: Block = {
        "type": "input",
        "block_id": block_id,
        "label": _plain(label),
        "element": element,
        "optional": optional,
    }
    if hint:
        block["hint"] = _plain(hint)
    return block


def _select(block_id: str, label: str, options: Sequence[tuple[str, str]]) -> Block:
    return {
        "type": "input",
        "block_id": block_id,
        "label": _plain(label),
        "element": {
            "type": "static_select",
            "action_id": "value",
            "options": [
                {"text": _plain(clip(text, OPTION_TEXT_MAX)), "value": value}
                for text, value in options[:OPTIONS_MAX]
            ],
        },
    }


def render_proposal_form(base: FactBase, *, question: str = "", origin: str = "") -> dict[str, Any]:
    """The modal that proposes a fact; `question` pre-fills "a question it answers"."""
    sources = sorted(base.sources.values(), key=lambda s: s.display_title.lower())
    return {
        "type": "modal",
        "callback_id": VIEW_PROPOSE,
        "private_metadata": clip(origin, 3000),
        "title": _plain("Propose a fact"),
        "submit": _plain("Send to curators"),
        "close": _plain("Cancel"),
        "blocks": [
            section(
                "A fact is one answer with a *verbatim* quote from an archived source. "
                "A curator checks it before anyone is answered with it."
            ),
            _select("source", "Source", [(s.display_title, s.id) for s in sources]),
            _input(
                "snippet",
                "Quote (copied exactly from the source)",
                multiline=True,
                hint="The shortest whole sentence that proves the answer.",
            ),
            _input("answer", "Answer in English (one line)", max_length=600),
            _input("answer_fr", "Answer in French (one line)", max_length=600),
            _input("question", "A question it answers", initial=question, max_length=600),
            _select("topic", "Topic", [(t, t) for t in base.topics]),
            _input(
                "when",
                "Date the fact is about",
                optional=True,
                hint="2015, 2015-05, 2015-05-16 or 2018-09-24..2018-09-26",
                max_length=40,
            ),
            _input("where", "Place", optional=True, max_length=200),
        ],
    }


def _value(values: Mapping[str, Any], block_id: str) -> str:
    field = values.get(block_id, {}).get("value", {})
    if not isinstance(field, dict):
        return ""
    selected = field.get("selected_option")
    raw = selected.get("value") if isinstance(selected, dict) else field.get("value")
    return " ".join(str(raw).split()) if raw is not None else ""


def read_proposal_form(values: Mapping[str, Any]) -> ProposalDraft:
    """The form's `view.state.values` as a draft (white space collapsed, as lint reads it)."""
    return ProposalDraft(
        source_id=_value(values, "source"),
        snippet=_value(values, "snippet"),
        answer=_value(values, "answer"),
        answer_fr=_value(values, "answer_fr"),
        question=_value(values, "question"),
        topic=_value(values, "topic"),
        when=_value(values, "when") or None,
        where=_value(values, "where") or None,
    )


def form_errors(problems: Mapping[str, str]) -> dict[str, str]:
    """check_draft's problems as `response_action: errors` wants them: by block id."""
    return {field: clip(reason, 150) for field, reason in problems.items()}


def render_reject_form(proposal: Proposal) -> dict[str, Any]:
    return {
        "type": "modal",
        "callback_id": VIEW_REJECT,
        "private_metadata": str(proposal.id),
        "title": _plain("Reject a proposal"),
        "submit": _plain("Reject"),
        "close": _plain("Cancel"),
        "blocks": [
            section(_proposal_line(proposal)),
            _input(
                "reason",
                "Why? (the proposer is told)",
                multiline=True,
                max_length=1000,
            ),
        ],
    }


def read_reject_form(values: Mapping[str, Any]) -> str:
    return _value(values, "reason")


def _proposal_body(proposal: Proposal, base: FactBase) -> list[Block]:
    draft = proposal.draft
    source = base.sources.get(draft.source_id)
    where_when = ", ".join(x for x in (draft.when, draft.where) if x)
    facts = [
        f"*English*: {mrkdwn(draft.answer, 600)}",
        f"*French*: {mrkdwn(draft.answer_fr, 600)}",
        f"*Asked as*: {_q(draft.question)}",
    ]
    return [
        section("\n".join(facts)),
        section(quote(draft.snippet, SECTION_TEXT_MAX)),
        context(
            mrkdwn(source.display_title if source else draft.source_id, 300),
            f"topic `{escape_mrkdwn(draft.topic)}`"
            + (f" · {mrkdwn(where_when, 200)}" if where_when else ""),
        ),
    ]


def render_proposal_post(proposal: Proposal, base: FactBase) -> Message:
    """The curators' channel message: the proposal, with Approve and Reject."""
    head = (
        f"*Proposed fact #{proposal.id}* from <@{escape_mrkdwn(proposal.proposed_by)}>. "
        "The quote is verbatim in the source; does the answer say only what it says? "
        "Another curator approves."
    )
    blocks = [section(head), *_proposal_body(proposal, base), proposal_buttons(proposal)]
    text = fallback(f"Proposed fact #{proposal.id}: {proposal.draft.answer}")
    return Message(text=text, blocks=blocks)


def render_decided(proposal: Proposal, base: FactBase) -> Message:
    """The curators' message once decided: what was decided, by whom; no more buttons."""
    by = f"<@{escape_mrkdwn(proposal.decided_by or '')}>"
    if proposal.status == "approved":
        head = (
            f"*Proposed fact #{proposal.id}: approved* by {by}, "
            f"served now as {_id(proposal.fact_id)}."
        )
    else:
        reason = mrkdwn(proposal.reason or "", 600)
        head = f"*Proposed fact #{proposal.id}: rejected* by {by}: {reason}"
    blocks = [section(head), *_proposal_body(proposal, base)]
    return Message(text=fallback(head), blocks=blocks)


def render_proposal_received(proposal_id: int, *, channel: str | None) -> Message:
    where = f"in <#{escape_mrkdwn(channel)}>" if channel else "in their review (`/facts review`)"
    text = (
        f"Thanks: your proposed fact #{proposal_id} is with the curators {where}. "
        "I'll tell you what they decide."
    )
    return Message(text=text, blocks=[section(text)])


def render_decision_for_proposer(proposal: Proposal) -> Message:
    answer = _q(proposal.draft.answer, 300)
    if proposal.status == "approved":
        text = (
            f"Your proposed fact #{proposal.id} ({answer}) was approved: I answer with it now "
            f"({_id(proposal.fact_id)})."
        )
    else:
        text = (
            f"Your proposed fact #{proposal.id} ({answer}) was not accepted. "
            f"The curator said: {mrkdwn(proposal.reason or '', 1000)}"
        )
    return Message(text=fallback(text), blocks=[section(text)])


def render_decision(decision: Decision) -> Message:
    """The curator's private reply to Approve (or to a refused decision)."""
    proposal = decision.proposal
    if not decision.done:
        text = f"Proposal #{proposal.id} was not changed. {mrkdwn(decision.problem or '', 1000)}"
    elif proposal.status == "approved":
        text = (
            f"Approved proposal #{proposal.id}: I answer with {_id(proposal.fact_id)} now. "
            "`python -m bot facts export` writes it into its topic file."
        )
    else:
        text = f"Rejected proposal #{proposal.id}; I told its author why."
    return Message(text=fallback(text), blocks=[section(text)])


# ------------------------------------------------------------------ App Home


def render_curator_home(queue: ReviewQueue) -> list[Block]:
    """What waits for a curator, at the top of their Home tab, with a button to the review."""
    counts = [
        _count(len(queue.items), "unanswered or unhelpful question"),
        _count(len(queue.proposals), "proposed fact"),
        _count(len(queue.overdue), "fact") + " due for review",
    ]
    return [
        header("For curators"),
        section("Waiting for you: " + " · ".join(counts) + "."),
        {
            "type": "actions",
            "block_id": "curator_home",
            "elements": [button("Open the review", ACTION_OPEN_REVIEW, "home", style="primary")],
        },
        {"type": "divider"},
    ]


def with_curator_home(view: dict[str, Any], queue: ReviewQueue) -> dict[str, Any]:
    """A Home view with the curators' section on top (within the Home tab's block limit)."""
    blocks = render_curator_home(queue) + list(view.get("blocks", []))
    return {**view, "blocks": fit(blocks, HOME_BLOCKS_MAX)}
