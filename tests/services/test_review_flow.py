"""`/facts review` end to end over signed HTTP, with the loopback fake Slack.

Questions are asked through `/facts`, the review lists them, and its buttons are
clicked as Slack posts clicks: the bot's answer to the next asker is the proof.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import payloads as p
import pytest
from fakeslack import FakeSlack
from httpbot import Bot, all_text, copy_facts, http_bot

from bot.core.factbase import FactBase, load_factbase
from bot.engine import Matcher
from bot.render.blocks import BUTTON_TEXT_MAX, check_limits, clip
from bot.render.curation import (
    ACTION_OPEN_REVIEW,
    ACTION_STILL_TRUE,
    ACTION_TEACH_PREFIX,
)
from bot.services.admin import NOT_AN_ADMIN

CURATOR = "UCURATOR"
QUESTION = "how many UN police academies called ILEA exist"
REWORDING = "How many UN police academies named ILEA exist?"
FACT = "ilea-five-academies"


@pytest.fixture
async def bot(
    fake: FakeSlack, tmp_path: Path, factbase: FactBase, matcher: Matcher
) -> AsyncIterator[Bot]:
    async with http_bot(fake, tmp_path, factbase, matcher, env={"FACTBOT_ADMINS": CURATOR}) as b:
        yield b


def buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for b in message.get("blocks", []) if b["type"] == "actions" for e in b["elements"]]


def button(message: dict[str, Any], label: str) -> dict[str, Any]:
    found = [e for e in buttons(message) if e["text"]["text"].startswith(label)]
    assert found, f"no {label!r} button in {[e['text']['text'] for e in buttons(message)]}"
    return found[0]


async def click(bot: Bot, element: dict[str, Any], user: str = CURATOR) -> dict[str, Any]:
    """Click a button of an ephemeral reply; the bot's answer through the click's response_url."""
    url = bot.new_response_url()
    payload = p.block_actions(
        element["action_id"], element["value"], response_url=url, user_id=user
    )
    status, _ = await bot.click(payload)
    assert status == 200
    path = url.split(str(bot.fake.port), 1)[1]
    await bot.fake.wait_until(
        lambda: any(c.path == path for c in bot.fake.calls_to("response_url"))
    )
    return next(c.body for c in bot.fake.calls_to("response_url") if c.path == path)


def review_part(message: dict[str, Any]) -> str:
    """The blocks from the review's header on (after any notice of what was just done)."""
    blocks = message["blocks"]
    start = next(i for i, b in enumerate(blocks) if b["type"] == "header")
    return all_text({"blocks": blocks[start:]})


async def test_review_lists_a_question_with_suggestions_the_button_teaches_the_next_asker_is_answered(
    bot: Bot, factbase: FactBase
) -> None:
    assert "I don't know" in (await bot.ask(QUESTION, user_id="UASK1"))["text"]
    assert "I don't know" in (await bot.ask(REWORDING, user_id="UASK2"))["text"]
    review = await bot.ask("review", user_id=CURATOR)
    shown = all_text(review)
    assert check_limits(review["blocks"]) == []
    assert f"“{QUESTION}”" in shown or f"“{REWORDING}”" in shown
    assert "asked 2×" in shown and "Also asked as" in shown  # the rewording is grouped
    title = factbase.by_id[FACT].title
    teach = button(review, "Answer with ")
    assert teach["action_id"].startswith(ACTION_TEACH_PREFIX)
    assert teach["value"].endswith(f":{FACT}")
    assert teach["text"]["text"] == clip(f"Answer with {title}", BUTTON_TEXT_MAX)

    after = await click(bot, teach)
    assert after["replace_original"] is True
    taught = after["blocks"][0]["text"]["text"]
    assert taught.startswith("*Taught*: “") and f"(`{FACT}`)" in taught
    assert QUESTION not in review_part(after) and REWORDING not in review_part(after)

    for user, question in (("UASK3", QUESTION), ("UASK4", REWORDING)):
        reply = await bot.ask(question, user_id=user)
        assert factbase.by_id[FACT].answer in all_text(reply)


async def test_non_curators_can_neither_see_the_review_nor_click_its_buttons(bot: Bot) -> None:
    await bot.ask(QUESTION, user_id="UASK1")
    review = await bot.ask("review", user_id=CURATOR)
    bot.fake.queue("users.info", {"ok": True, "user": {"id": "UPLAIN", "is_admin": False}})
    refused = await bot.ask("review", user_id="UPLAIN")
    assert refused["text"] == NOT_AN_ADMIN.format(name="review")
    clicked = await click(bot, button(review, "Answer with "), user="UPLAIN")
    assert clicked["text"] == NOT_AN_ADMIN.format(name="review")
    assert clicked["replace_original"] is False
    assert "I don't know" in (await bot.ask(QUESTION, user_id="UASK2"))["text"]


async def test_not_in_the_sources_closes_it_for_good_and_stats_count_it(bot: Bot) -> None:
    gap = "What is the BCIJ budget?"
    await bot.ask(gap, user_id="UASK1")
    closed = await click(
        bot, button(await bot.ask("review", user_id=CURATOR), "Not in the sources")
    )
    assert "Marked as not in the sources" in all_text(closed)
    assert gap not in review_part(closed)
    await bot.ask(gap.lower(), user_id="UASK2")  # asked again: it stays closed
    assert gap.lower() not in all_text(await bot.ask("review", user_id=CURATOR))
    stats = all_text(await bot.ask("stats", user_id=CURATOR))
    assert "Known gaps (marked “not in the sources” in `/facts review`): 1." in stats
    assert "Top unanswered questions" not in stats  # a known gap is counted, not listed


async def test_skip_hides_a_question_until_someone_asks_it_again(bot: Bot) -> None:
    question = "Who paints the BCIJ offices?"
    await bot.ask(question, user_id="UASK1")
    skipped = await click(bot, button(await bot.ask("review", user_id=CURATOR), "Skip"))
    assert "Skipped until someone asks again" in all_text(skipped)
    assert question not in all_text(await bot.ask("review", user_id=CURATOR))
    await bot.ask(question, user_id="UASK2")
    assert f"“{question}”" in all_text(await bot.ask("review", user_id=CURATOR))


async def test_the_home_tab_shows_curators_what_waits_and_opens_the_review(bot: Bot) -> None:
    await bot.ask(QUESTION, user_id="UASK1")
    await bot.event(p.app_home_opened(user=CURATOR))
    (published,) = await bot.fake.wait_for("views.publish")
    home = all_text(published.body["view"])
    assert "For curators" in home and "*1* unanswered or unhelpful question" in home
    assert "*0* proposed facts" in home and "*0* facts due for review" in home
    bot.fake.queue("users.info", {"ok": True, "user": {"id": "UPLAIN", "is_admin": False}})
    other = p.app_home_opened(user="UPLAIN")
    other["event_id"] = "EvHOMEPLAIN"  # another event, not a redelivery of the first
    await bot.event(other)
    _, plain = await bot.fake.wait_for("views.publish", 2)
    assert "For curators" not in all_text(plain.body["view"])
    opened = button(published.body["view"], "Open the review")
    assert opened["action_id"] == ACTION_OPEN_REVIEW
    url = bot.new_response_url()
    await bot.click(
        p.block_actions(ACTION_OPEN_REVIEW, opened["value"], response_url=url, user_id=CURATOR)
    )
    (dm,) = await bot.fake.wait_for("chat.postMessage")
    assert dm.body["channel"] == CURATOR and QUESTION in all_text(dm.body)


async def test_an_overdue_fact_is_in_the_review_and_the_digest_until_still_true(
    fake: FakeSlack, tmp_path: Path
) -> None:
    facts = copy_facts(tmp_path)
    (facts / "base.yaml").write_text("review_every: 365\n", encoding="utf-8")
    path = facts / "institutions.yaml"
    text = path.read_text(encoding="utf-8")
    marker = "  source: motm-morocco-combats-terrorism\n"
    at = text.index(marker, text.index("- id: bcij-established"))
    path.write_text(text[:at] + "  reviewed: 2020-01-15\n" + text[at:], encoding="utf-8")
    base = load_factbase(facts)
    env = {"FACTBOT_ADMINS": CURATOR, "FACTBOT_FACTS": str(facts)}
    async with http_bot(fake, tmp_path, base, Matcher(base), env=env) as bot:
        review = await bot.ask("review", user_id=CURATOR)
        assert "`bcij-established`" in all_text(review) and "due since 2021-01-14" in all_text(
            review
        )
        for text in ("digest on 09:00", "digest curators on"):
            await bot.ask(text, user_id=CURATOR, channel_id="CDIGEST")
        digest = all_text(await bot.ask("digest preview", user_id=CURATOR, channel_id="CDIGEST"))
        assert "Facts due for review" in digest and "`bcij-established`" in digest

        stamped = await click(bot, button(review, "Still true"))
        assert button(review, "Still true")["action_id"] == ACTION_STILL_TRUE
        assert "Stamped `bcij-established` as still true today" in all_text(stamped)
        assert "`bcij-established`" not in review_part(stamped)
        assert "bcij-established" not in all_text(await bot.ask("review", user_id=CURATOR))
        digest = all_text(await bot.ask("digest preview", user_id=CURATOR, channel_id="CDIGEST"))
        assert "Facts due for review" not in digest
