"""Block Kit rendering: pure functions, checked against the limits with long, hostile text."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from fakeslack import block_problems

from bot.core.factbase import Fact, FactBase, Source
from bot.engine import Answer, Match
from bot.engine.conversation import Chatter
from bot.render.answers import (
    render_answer,
    render_chatter,
    render_help,
    render_home,
    render_source,
    render_topic_list,
    render_topics,
)
from bot.render.blocks import (
    ACTION_HELPFUL,
    ACTION_SHARE,
    HOME_BLOCKS_MAX,
    check_limits,
    clip,
    mrkdwn,
    slack_len,
    to_text,
)
from bot.services.subcommands import SUBCOMMANDS, help_lines

LONG = "Long answer with emoji 🇲🇦 and 摩洛哥 & <!channel> text " * 300  # ~15,000 characters


def source(**changes: object) -> Source:
    base = Source(
        id="src",
        title="A title",
        publisher="UNODC",
        date="2018-10-04",
        url="https://example.org/a",
        archive="sources/a.txt",
        text="",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def fact(i: int = 0, **changes: object) -> Fact:
    base = Fact(
        id=f"fact-{i}",
        topic="laws",
        title=f"Title {i}",
        answer="An answer.",
        snippet="a quote",
        source=source(),
        ask=("q?",),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def answer(*facts: Fact, answered: bool = True, question: str = "q?") -> Answer:
    matches = tuple(Match(f, 1.0, 1.0, why_not=None if answered else "x" * 500) for f in facts)
    return Answer(
        question=question,
        answered=answered,
        facts=matches if answered else (),
        suggestions=() if answered else matches,
        asks_for=None,
        language="en",
    )


def assert_within_limits(blocks: list[dict[str, object]], max_blocks: int = 50) -> None:
    assert check_limits(blocks, max_blocks=max_blocks) == []
    assert block_problems(blocks, max_blocks=max_blocks) == []  # the fake's own reading


def test_a_normal_answer_has_answer_quote_source_and_buttons() -> None:
    message = render_answer(answer(fact(1), fact(2)), question_id=7, shareable=True)
    kinds = [b["type"] for b in message.blocks]
    assert kinds == ["section", "section", "context", "context", "actions"]
    assert message.blocks[1]["text"]["text"] == "> a quote"
    assert "*A title* · UNODC · 4 October 2018 · <https://example.org/a>" in str(message.blocks[2])
    assert "See also: Title 2 (`fact-2`)" in str(message.blocks[3])
    actions = [e["action_id"] for e in message.blocks[-1]["elements"]]
    assert actions == [ACTION_SHARE, ACTION_HELPFUL, "feedback_not_helpful"]
    assert {e["value"] for e in message.blocks[-1]["elements"]} == {"7"}
    assert message.text.startswith("An answer.\n&gt; a quote\n— A title — UNODC")
    assert_within_limits(message.blocks)


@pytest.mark.parametrize("shareable", [True, False])
def test_very_long_answers_stay_within_block_kit_limits(shareable: bool) -> None:
    huge = fact(
        0,
        answer=LONG,
        snippet=LONG + "\nsecond line",
        title=LONG,
        source=source(title=LONG, publisher=LONG, url="https://e.org/" + "a" * 2000),
    )
    others = [fact(i, title=LONG, id=f"fact-{i}-" + "x" * 200) for i in range(1, 6)]
    message = render_answer(
        answer(huge, *others, question=LONG),
        question_id=10**12,
        shareable=shareable,
        echo_question=True,
        clipped=True,
    )
    assert_within_limits(message.blocks)
    assert slack_len(message.text) <= 3000
    assert "&lt;!channel&gt;" in message.blocks[1]["text"]["text"]
    assert "<!channel>" not in str(message.blocks)


def test_abstention_offers_suggestions_as_buttons_within_limits() -> None:
    suggestions = [fact(i, title=LONG, id=f"f-{i}") for i in range(40)]
    message = render_answer(answer(*suggestions, answered=False, question=LONG), question_id=3)
    assert "I don't know" in message.blocks[0]["text"]["text"]
    buttons = [e for b in message.blocks if b["type"] == "actions" for e in b["elements"]]
    assert 0 < len(buttons) <= 25
    assert buttons[0]["value"] == "3:f-0"
    assert_within_limits(message.blocks)


def test_an_abstention_without_suggestions_still_says_so_plainly() -> None:
    message = render_answer(answer(answered=False, question="river?"), question_id=1)
    assert message.text.startswith("I don't know")
    assert not any(b["type"] == "actions" for b in message.blocks)


def test_shared_answer_names_the_sharer_and_cannot_be_shared_again() -> None:
    message = render_answer(answer(fact()), question_id=4, shared_by="U2CERLKJA")
    assert message.blocks[0]["elements"][0]["text"].startswith("<@U2CERLKJA> shared an answer")
    assert ACTION_SHARE not in str(message.blocks)


def test_long_topic_lists_and_homes_are_cut_with_a_marker() -> None:
    facts = tuple(fact(i, title=LONG[:300], id=f"fact-{i:04d}") for i in range(600))
    topics = tuple(fact(i, topic=f"topic-{i:03d}", id=f"t-{i}") for i in range(300))
    base = FactBase(root=None, sources={}, facts=facts + topics, entities=(), synonyms=())  # type: ignore[arg-type]
    listing = render_topic_list(base, "laws")
    assert_within_limits(listing.blocks)
    assert "and more" in str(listing.blocks[-1])
    home = render_home(base, help_lines())
    assert_within_limits(home["blocks"], max_blocks=HOME_BLOCKS_MAX)
    assert_within_limits(render_topics(base).blocks)


def test_real_fact_base_renders_within_limits(factbase: FactBase) -> None:
    for f in factbase.facts:
        assert_within_limits(render_answer(answer(f), question_id=1, shareable=True).blocks)
        assert_within_limits(render_source(f).blocks)
    for topic in factbase.topics:
        assert_within_limits(render_topic_list(factbase, topic).blocks)
    assert_within_limits(render_home(factbase, help_lines())["blocks"], max_blocks=HOME_BLOCKS_MAX)


def test_help_names_every_subcommand() -> None:
    text = to_text(render_help(help_lines()))
    for sub in SUBCOMMANDS:
        assert f"/facts {sub.usage}" in text


@pytest.mark.parametrize("text", ["&" * 5000, "a&b<c>d " * 800, "🇲🇦" * 4000, "x" * 3001])
def test_clipping_counts_like_slack_and_never_cuts_an_entity(text: str) -> None:
    out = mrkdwn(text, 3000)
    assert slack_len(out) <= 3000
    assert re.fullmatch(r"(?:[^&]|&amp;|&lt;|&gt;)*…?", out)
    assert slack_len(clip(text, 75)) <= 75


def test_to_text_shows_links_buttons_and_unescaped_text() -> None:
    message = render_answer(answer(fact(answer="A & B <c>")), question_id=1, shareable=True)
    text = to_text(message)
    assert "A & B <c>" in text
    assert "https://example.org/a" in text
    assert "[Share in channel] [👍 Helpful] [👎 Not helpful]" in text


@pytest.mark.parametrize("kind", list(Chatter))
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_kind_of_chatter_gets_a_short_reply_in_both_languages(
    kind: Chatter, lang: str
) -> None:
    """Valid blocks, an example question to ask, and a reply of its own language."""
    message = render_chatter(kind, lang)
    assert message.text and len(message.text) < 400
    assert block_problems(message.blocks, max_blocks=50) == []
    assert "factbot" in message.text or "_" in message.text  # an example, or what it is
