"""Issue 6: answers in French, timelines and entity cards, within Block Kit limits."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import payloads as p
import pytest
import yaml
from fakeslack import block_problems
from httpbot import Bot

from bot.core.browse import (
    TimelineQuery,
    card_entities,
    facts_involving,
    find_entity,
    parse_timeline,
    timeline,
)
from bot.core.factbase import FactBase
from bot.core.records import Where
from bot.engine import Matcher, detect_language
from bot.render.answers import render_answer
from bot.render.blocks import MESSAGE_BLOCKS_MAX, check_limits, to_text
from bot.render.browse import (
    ACTION_TIMELINE_MORE,
    PAGE,
    parse_timeline_token,
    render_card,
    render_timeline,
)
from bot.render.plain import answer_json
from bot.services.deps import Deps
from bot.services.replies import reply_to
from bot.settings import Settings
from bot.storage.store import open_store

DEV = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev.yaml"
FRENCH_OPENERS = ("Quel", "Quelle", "Quels", "Quelles", "Combien", "Où", "Quand", "Qui ", "Que ")


def within_limits(blocks: list[dict[str, Any]]) -> None:
    assert check_limits(blocks) == []
    assert block_problems(blocks, max_blocks=MESSAGE_BLOCKS_MAX) == []


# ------------------------------------------------------------------ French


def test_a_french_question_gets_the_french_line_and_the_original_quote(matcher: Matcher) -> None:
    answer = matcher.ask("Quand le Bureau central d'investigations judiciaires a-t-il été créé ?")
    assert answer.answered and answer.language == "fr" and answer.best is not None
    fact = answer.best.fact
    assert fact.answer_fr
    message = render_answer(answer, question_id=7)
    text = json.dumps(message.blocks, ensure_ascii=False)
    assert fact.answer_fr[:40] in text
    assert "Citation originale (en anglais)" in text
    assert "> " + fact.snippet[:40] in text  # the quote, untranslated
    assert "Utile" in text and "Pas utile" in text
    within_limits(message.blocks)
    line = answer_json(answer)
    assert line["facts"][0]["answer"] == fact.answer_fr
    assert line["facts"][0]["snippet"] == fact.snippet


def test_an_english_question_stays_in_english(matcher: Matcher) -> None:
    answer = matcher.ask("When was the BCIJ created?")
    assert answer.language == "en" and answer.best is not None
    assert answer_json(answer)["facts"][0]["answer"] == answer.best.fact.answer
    assert "Citation originale" not in to_text(render_answer(answer, question_id=1))


async def test_french_abstention_help_and_usage(
    factbase: FactBase, matcher: Matcher, tmp_path: Path
) -> None:
    async with open_store(str(tmp_path / "f.db")) as store:
        deps = Deps(Settings(), factbase, matcher, store)

        async def say(text: str, strict: bool = True) -> str:
            return to_text(
                (await reply_to(deps, text, Where("dm", "U1", "D1"), strict=strict)).message
            )

        assert "Je ne sais pas" in await say("Qui a gagné la Coupe du monde 2030 ?", False)
        help_fr = await say("aide")
        assert "Je réponds aux questions" in help_fr and "/facts chronologie" in help_fr
        assert "Utilisation" in await say("chronologie 2016-2010")


def test_language_detection_on_the_dev_set() -> None:
    """Issue 6 asks for >= 98% on the dev questions (report: see the assertion message)."""
    questions = yaml.safe_load(DEV.read_text(encoding="utf-8"))
    expected = [
        "fr" if q["kind"] == "french" or q["q"].startswith(FRENCH_OPENERS) else "en"
        for q in questions
    ]
    got = [detect_language(q["q"]) for q in questions]
    right = sum(a == b for a, b in zip(expected, got, strict=True))
    rate = right / len(questions)
    assert rate >= 0.98, f"language detection {right}/{len(questions)} = {rate:.3f}"


# ------------------------------------------------------------------ timelines


def test_timeline_is_in_date_order_and_filters(factbase: FactBase) -> None:
    everything = timeline(factbase, TimelineQuery())
    starts = [f.when.start for f in everything if f.when]
    assert starts == sorted(starts) and len(everything) == sum(1 for f in factbase.facts if f.when)
    query = parse_timeline(factbase, ["counterterrorism", "2010-2016"])
    assert isinstance(query, TimelineQuery) and (query.start, query.end) == (2010, 2016)
    ids = [f.id for f in timeline(factbase, query)]
    assert "bcij-established" in ids and "tsctp-joined-2005" not in ids
    for fact in timeline(factbase, query):
        assert fact.when is not None and fact.when.start.year <= 2016 and fact.when.end.year >= 2010
    bcij = parse_timeline(factbase, ["BCIJ"])
    assert isinstance(bcij, TimelineQuery) and bcij.entity == "bcij"
    laws = parse_timeline(factbase, ["lois", "2015"])
    assert isinstance(laws, TimelineQuery) and laws.topic == "laws"
    assert all(f.topic == "laws" for f in timeline(factbase, laws))
    assert (
        parse_timeline(factbase, ["2016-2010"]) == "The years are the wrong way round: 2016-2010."
    )


def test_a_long_timeline_pages_within_block_kit_limits(factbase: FactBase) -> None:
    query = TimelineQuery()
    total = len(timeline(factbase, query))
    assert total > PAGE, "the whole fact base's timeline needs more than one page"
    for lang in ("en", "fr"):
        offset, seen = 0, []
        while True:
            message = render_timeline(factbase, query, offset, lang)
            within_limits(message.blocks)
            seen += re.findall(r"`([a-z0-9.-]+)`", json.dumps(message.blocks))
            more = [
                el
                for b in message.blocks
                if b["type"] == "actions"
                for el in b["elements"]
                if el["action_id"] == ACTION_TIMELINE_MORE
            ]
            if not more:
                break
            parsed = parse_timeline_token(more[0]["value"])
            assert parsed is not None
            _, offset, page_lang = parsed
            assert page_lang == lang
        ids = {f.id for f in timeline(factbase, query)}
        assert ids <= set(seen)


# ------------------------------------------------------------------ cards


def test_every_institution_has_a_card_within_limits(factbase: FactBase) -> None:
    entities = card_entities(factbase)
    assert {
        "inl",
        "dgapr",
        "bcij",
        "dgsn",
        "cndh",
        "unodc",
        "glo-act",
        "gctf",
        "tsctp",
        "ilea",
        "ippos",
        "iom",
        "unicef",
        "royal-gendarmerie",
        "dhs",
        "cbp",
        "fbi",
    } <= {e.id for e in entities}
    for entity in entities:
        for lang in ("en", "fr"):
            message = render_card(factbase, entity, lang)
            within_limits(message.blocks)
            assert entity.label[:30] in message.text


def test_a_card_names_the_institution_in_both_languages_and_lists_its_facts(
    factbase: FactBase,
) -> None:
    bcij = find_entity(factbase, "bcij?")
    assert bcij is not None
    text = to_text(render_card(factbase, bcij))
    assert "Central Bureau of Judicial Investigation" in text
    assert "Bureau central d'investigations judiciaires" in text
    for fact in facts_involving(factbase, bcij):
        assert f"`{fact.id}`" in text
    # Facts about a part count for the whole: IPPOS is part of INL.
    inl = find_entity(factbase, "INL")
    assert inl is not None
    assert any(f.id.startswith("ippos") for f in facts_involving(factbase, inl))


async def test_a_message_that_only_names_an_institution_gets_its_card(
    factbase: FactBase, matcher: Matcher, tmp_path: Path
) -> None:
    async with open_store(str(tmp_path / "f.db")) as store:
        deps = Deps(Settings(), factbase, matcher, store)
        reply = await reply_to(deps, "BCIJ?", Where("dm", "U1", "D1"), strict=False)
        assert "Central Bureau of Judicial Investigation (BCIJ)" in to_text(reply.message)
        about = await reply_to(deps, "about l'ONUDC", Where("command", "U1", "C1"), strict=True)
        assert "United Nations Office on Drugs and Crime" in to_text(about.message)
        unknown = await reply_to(deps, "about Atlantis", Where("command", "U1", "C1"), strict=True)
        assert "I have no card" in to_text(unknown.message)


# ------------------------------------------------------------------ through Slack


async def test_timeline_more_button_swaps_in_the_next_page(bot: Bot) -> None:
    status, _ = await bot.command("timeline")
    assert status == 200
    first = await bot.next_response()
    within_limits(first["blocks"])
    more = [
        el
        for b in first["blocks"]
        if b["type"] == "actions"
        for el in b["elements"]
        if el["action_id"] == ACTION_TIMELINE_MORE
    ]
    assert more
    await bot.click(
        p.block_actions(
            ACTION_TIMELINE_MORE, more[0]["value"], response_url=bot.fake.response_url("more")
        )
    )
    second = await bot.next_response()
    assert second.get("replace_original") is True
    assert f"{PAGE + 1}–" in json.dumps(second["blocks"], ensure_ascii=False)
    within_limits(second["blocks"])


@pytest.mark.parametrize("value", ["", "not json", json.dumps({"o": 1})])
async def test_a_forged_more_button_is_ignored(bot: Bot, value: str) -> None:
    status, _ = await bot.click(
        p.block_actions(ACTION_TIMELINE_MORE, value, response_url=bot.fake.response_url("x"))
    )
    assert status == 200
    assert bot.fake.calls_to("response_url") == []
