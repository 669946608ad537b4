"""Proposing a fact, end to end: views.open, view_submission, Approve and Reject over signed HTTP.

The form the bot opens (captured from views.open on the fake Slack) is the form
the test fills in and submits, so a field the bot stops sending breaks the test.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import payloads as p
import pytest
from fakeslack import FakeSlack
from httpbot import Bot, all_text, http_bot

from bot.core.factbase import FactBase
from bot.engine import Matcher
from bot.render.blocks import check_limits
from bot.render.curation import (
    ACTION_APPROVE,
    ACTION_OPEN_PROPOSAL,
    ACTION_REJECT,
    SHORTCUT_PROPOSE,
    VIEW_PROPOSE,
    VIEW_REJECT,
)
from bot.services.admin import NOT_AN_ADMIN

CURATOR, OTHER, PROPOSER = "UCURATOR", "UOTHER", "UPROPOSER"
CHANNEL = "CCURATORS"
SOURCE = "motm-morocco-combats-terrorism"
QUOTE = "Morocco has also worked with the US to further improve its domestic capabilities."
QUESTION = "Did Morocco ask America to help improve its domestic capabilities?"


def filled(**changes: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "source": ("select", SOURCE),
        "snippet": QUOTE,
        "answer": "According to Morocco On The Move, Morocco has worked with the US to further "
        "improve its domestic capabilities.",
        "answer_fr": "Selon Morocco On The Move, le Maroc a travaillé avec les États-Unis pour "
        "renforcer encore ses capacités nationales.",
        "question": QUESTION,
        "topic": ("select", "partnerships"),
        "when": None,
        "where": "Morocco",
    }
    values.update(changes)
    return values


@pytest.fixture
async def bot(
    fake: FakeSlack, tmp_path: Path, factbase: FactBase, matcher: Matcher
) -> AsyncIterator[Bot]:
    env = {"FACTBOT_ADMINS": f"{CURATOR},{OTHER}", "FACTBOT_CURATORS_CHANNEL": CHANNEL}
    async with http_bot(fake, tmp_path, factbase, matcher, env=env) as b:
        yield b


async def open_form(bot: Bot, user: str) -> dict[str, Any]:
    """`/facts propose`: the form, as the bot sent it to views.open."""
    before = len(bot.fake.calls_to("views.open"))
    status, _ = await bot.command("propose", user_id=user)
    assert status == 200
    calls = await bot.fake.wait_for("views.open", before + 1)
    view: dict[str, Any] = calls[-1].body["view"]
    return view


async def submit(
    bot: Bot, view: dict[str, Any], values: dict[str, Any], user: str
) -> tuple[int, str]:
    return await bot.click(p.view_submission(view, values, user_id=user))


async def click(bot: Bot, action_id: str, value: str, user: str) -> dict[str, Any]:
    url = bot.new_response_url()
    status, _ = await bot.click(p.block_actions(action_id, value, response_url=url, user_id=user))
    assert status == 200
    path = url.split(str(bot.fake.port), 1)[1]
    await bot.fake.wait_until(
        lambda: any(c.path == path for c in bot.fake.calls_to("response_url"))
    )
    return next(c.body for c in bot.fake.calls_to("response_url") if c.path == path)


def posts_to(bot: Bot, channel: str) -> list[dict[str, Any]]:
    return [c.body for c in bot.fake.calls_to("chat.postMessage") if c.body["channel"] == channel]


async def test_propose_and_the_message_shortcut_open_the_form(bot: Bot, factbase: FactBase) -> None:
    view = await open_form(bot, PROPOSER)
    assert view["callback_id"] == VIEW_PROPOSE
    assert (await bot.fake.wait_for("views.open"))[0].body["trigger_id"]
    blocks = {b.get("block_id"): b for b in view["blocks"]}
    assert {
        "source",
        "snippet",
        "answer",
        "answer_fr",
        "question",
        "topic",
        "when",
        "where",
    } <= set(blocks)
    sources = [o["value"] for o in blocks["source"]["element"]["options"]]
    assert sorted(sources) == sorted(factbase.sources)
    topics = [o["value"] for o in blocks["topic"]["element"]["options"]]
    assert topics == list(factbase.topics)
    assert bot.fake.calls_to("response_url") == []  # the slash command only opened the form

    shortcut = p.message_shortcut(
        SHORTCUT_PROPOSE,
        "Did the *US* help Morocco &amp; its police?",
        response_url=bot.new_response_url(),
    )
    await bot.click(shortcut)
    calls = await bot.fake.wait_for("views.open", 2)
    prefilled = {b.get("block_id"): b for b in calls[-1].body["view"]["blocks"]}
    assert (
        prefilled["question"]["element"]["initial_value"]
        == "Did the *US* help Morocco & its police?"
    )


async def test_a_quote_not_in_the_source_is_refused_in_the_form_with_the_reason(bot: Bot) -> None:
    view = await open_form(bot, PROPOSER)
    status, body = await submit(
        bot,
        view,
        filled(snippet="Morocco has signed a treaty with Mars.", when="last spring"),
        PROPOSER,
    )
    assert status == 200
    refused = json.loads(body)
    assert refused["response_action"] == "errors"
    assert set(refused["errors"]) == {"snippet", "when"}
    assert "not verbatim" in refused["errors"]["snippet"]
    assert "Morocco Combats Terrorism at Home and Abroad" in refused["errors"]["snippet"]
    assert bot.fake.calls_to("chat.postMessage") == []  # nothing reached the curators
    review = await bot.ask("review", user_id=CURATOR)
    assert "0 proposals waiting" in all_text(review)


async def test_an_approved_proposal_is_answered_at_once_and_its_author_cannot_approve_it(
    bot: Bot,
) -> None:
    assert "I don't know" in (await bot.ask(QUESTION, user_id="UASK1"))["text"]
    view = await open_form(bot, CURATOR)  # a curator proposes
    status, body = await submit(bot, view, filled(), CURATOR)
    assert (status, body) == (200, "")  # accepted: the form closes
    await bot.fake.wait_until(lambda: len(posts_to(bot, CHANNEL)) == 1)
    await bot.fake.wait_until(lambda: len(posts_to(bot, CURATOR)) == 1)
    (post,) = posts_to(bot, CHANNEL)
    assert check_limits(post["blocks"]) == []
    approve = next(
        e
        for b in post["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"] == ACTION_APPROVE
    )
    assert "is with the curators" in posts_to(bot, CURATOR)[0]["text"]

    own = await click(bot, ACTION_APPROVE, approve["value"], CURATOR)
    assert "You proposed this fact: another curator must approve it." in own["text"]
    assert "I don't know" in (await bot.ask(QUESTION, user_id="UASK2"))["text"]
    bot.fake.queue("users.info", {"ok": True, "user": {"id": "UPLAIN", "is_admin": False}})
    plain = await click(bot, ACTION_APPROVE, approve["value"], "UPLAIN")
    assert plain["text"] == NOT_AN_ADMIN.format(name="approve")

    approved = await click(bot, ACTION_APPROVE, approve["value"], OTHER)
    assert approved["text"].startswith(f"Approved proposal #{approve['value']}")
    answer = await bot.ask(QUESTION, user_id="UASK3")
    assert "worked with the US to further improve its domestic capabilities" in answer["text"]
    (update,) = await bot.fake.wait_for("chat.update")
    (posted,) = [m for m in bot.fake.history[CHANNEL] if m.get("blocks") == post["blocks"]]
    assert update.body["channel"] == CHANNEL and update.body["ts"] == posted["ts"]
    assert "approved* by <@UOTHER>" in all_text(update.body)
    assert not any(b["type"] == "actions" for b in update.body["blocks"])
    await bot.fake.wait_until(lambda: len(posts_to(bot, CURATOR)) == 2)
    assert "was approved" in posts_to(bot, CURATOR)[1]["text"]
    again = await click(bot, ACTION_APPROVE, approve["value"], OTHER)
    assert "It was already approved." in again["text"]


async def test_a_rejection_asks_why_and_tells_the_proposer(bot: Bot) -> None:
    view = await open_form(bot, PROPOSER)
    await submit(bot, view, filled(), PROPOSER)
    await bot.fake.wait_until(lambda: len(posts_to(bot, CHANNEL)) == 1)
    proposal_id = next(
        e["value"]
        for b in posts_to(bot, CHANNEL)[0]["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"] == ACTION_REJECT
    )
    await bot.click(
        p.block_actions(
            ACTION_REJECT, proposal_id, response_url=bot.new_response_url(), user_id=OTHER
        )
    )
    calls = await bot.fake.wait_for("views.open", 2)
    form = calls[-1].body["view"]
    assert form["callback_id"] == VIEW_REJECT and form["private_metadata"] == proposal_id
    status, body = await submit(bot, form, {"reason": None}, OTHER)
    assert json.loads(body)["errors"] == {"reason": "Say why, for the proposer."}
    status, body = await submit(
        bot, form, {"reason": "The answer adds what the quote does not say."}, OTHER
    )
    assert (status, body) == (200, "")
    await bot.fake.wait_until(lambda: len(posts_to(bot, PROPOSER)) == 2)
    told = posts_to(bot, PROPOSER)[1]["text"]
    assert "was not accepted" in told and "The answer adds what the quote does not say." in told
    (update,) = await bot.fake.wait_for("chat.update")
    assert "rejected* by <@UOTHER>" in all_text(update.body)
    assert "I don't know" in (await bot.ask(QUESTION, user_id="UASK"))["text"]


async def test_propose_in_a_dm_offers_a_button_that_opens_the_form(bot: Bot) -> None:
    await bot.event(p.message_im("propose", event_id="EvPROPOSEDM"))
    (reply,) = await bot.fake.wait_for("chat.postMessage")
    (element,) = [e for b in reply.body["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert element["action_id"] == ACTION_OPEN_PROPOSAL
    await bot.click(
        p.block_actions(element["action_id"], element["value"], response_url=bot.new_response_url())
    )
    (opened,) = await bot.fake.wait_for("views.open")
    assert opened.body["view"]["callback_id"] == VIEW_PROPOSE
    assert opened.body["trigger_id"] == "111.222.valid"  # the click's own trigger
