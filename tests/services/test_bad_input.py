"""Bad input: a clear answer or a 4xx, never a 5xx, a crash or a ping.

Every kind of hostile or odd input issue 5 lists goes through the real HTTP
endpoint, as a slash command and as a direct message (some as a mention too).
Forged and stale signatures, malformed JSON and non-numeric timestamps are in
tests/test_http.py (`test_forged_or_stale_signatures_get_401_and_no_reply`,
`test_garbage_bodies_get_4xx_and_the_server_keeps_serving`). A property test
then drives the matcher and the renderer with arbitrary unicode.
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import payloads as p
import pytest
from fakeslack import FakeSlack
from httpbot import Bot, LogWatch, all_text, http_bot
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.factbase import FactBase
from bot.core.usertext import clip_question, from_slack
from bot.engine import Matcher
from bot.render.answers import render_answer
from bot.render.blocks import FALLBACK_TEXT_MAX, check_limits
from bot.services.subcommands import parse

LONG = ("Which law covers human trafficking in Morocco and when was it adopted " * 80)[:5000]
INPUTS: list[tuple[str, str, str]] = [
    # (id, text as Slack sends it, what the reply must say). On the wire a real @channel,
    # mention or link is a control sequence (<!channel>, <@U1>, <https://a|b>) and a
    # typed "&" is "&amp;".
    ("empty", "", "/facts help"),
    ("whitespace", " \t ", "/facts help"),
    ("5000 characters", LONG, "read only its beginning"),
    ("control characters", "law\x00 27-14\x07\x1b[31m?\r\n\x7f", "27-14"),
    ("emoji", "🇲🇦🤔 when was the BCIJ created? 🙏🏽", "May 2015"),
    ("only emoji", "🇲🇦🤔🙏🏽👍", "Ask me about rule-of-law cooperation"),  # chatter: help, no fact
    ("arabic", "متى تم إنشاء المكتب المركزي للأبحاث القضائية؟", "I don't know"),
    ("hebrew and bidi", "מתי \u202enoitagitsevni\u202c BCIJ?", "BCIJ"),
    ("broadcast", "<!channel> <!here> <!everyone> when was the BCIJ created?", "May 2015"),
    ("link", "<https://evil.example|click> when was the BCIJ created?", "May 2015"),
    ("mention", "<@U0LAN0Z89|admin> <@W123> <#C123|general> BCIJ budget?", "I don't know"),
    ("usergroup", "<!subteam^SAZ94GDB8|@oncall> what is the BCIJ budget?", "I don't know"),
    ("mrkdwn", "*bold* _it_ ~strike~ `code` ```block``` > quote &amp;", "I don't know"),
    # A message to a colleague, typed with an @: no fact, however near its words come.
    ("to a colleague", "@Samira are you joining the training debrief?", "meant for a colleague"),
]


@pytest.fixture
async def bot(
    fake: FakeSlack, tmp_path: Path, factbase: FactBase, matcher: Matcher
) -> AsyncIterator[Bot]:
    async with http_bot(fake, tmp_path, factbase, matcher) as b:
        yield b


def pings(message: dict[str, Any], base: FactBase) -> list[str]:
    """Live control sequences in a reply that the bot did not put there itself."""
    ours = {f"<{s.url}>" for s in base.sources.values() if s.url}
    found = re.findall(r"<[^<>]*>", json.dumps(message, ensure_ascii=False))
    return [s for s in found if s.replace("&amp;", "&") not in ours]


@pytest.mark.parametrize("case", INPUTS, ids=[c[0] for c in INPUTS])
async def test_odd_text_gets_a_clear_answer_on_every_surface(
    bot: Bot, logs: LogWatch, factbase: FactBase, case: tuple[str, str, str]
) -> None:
    name, text, expected = case
    reply = await bot.ask(text)
    await bot.event(p.message_im(text, event_id=f"EvBAD-{name}"))
    (post,) = await bot.fake.wait_for("chat.postMessage")
    for message in (reply, post.body):
        assert expected in all_text(message), (name, message)
        assert pings(message, factbase) == [], name
        assert check_limits(message["blocks"]) == [], name
        assert len(message["text"]) <= FALLBACK_TEXT_MAX + 100
    assert all(c.error is None for c in bot.fake.messages)
    assert logs.lines("handler_failed") == []


async def test_unknown_events_and_subtypes_are_acked_and_ignored(bot: Bot, logs: LogWatch) -> None:
    odd = [
        p.message_im("hi", event_id="EvSUB1", subtype="channel_join"),
        p.message_im("hi", event_id="EvSUB2", subtype="a_subtype_from_2030"),
        p.message_im("hi", event_id="EvNOCHAN", channel=None),
        p.app_mention("hi", event_id="EvNOTS", ts=None),
    ]
    for i, event in enumerate(({"type": "reaction_added", "user": "U1"}, {"type": "from_2030"})):
        odd.append({**p.app_mention("hi", event_id=f"EvTYPE{i}"), "event": event})
    for payload in odd:
        status, _ = await bot.event(payload)
        assert status == 200, payload
    assert bot.fake.messages == []
    assert logs.lines("handler_failed") == []


async def test_a_long_mention_in_a_channel_is_answered_from_its_beginning(
    bot: Bot, factbase: FactBase
) -> None:
    await bot.event(p.app_mention(LONG, event_id="EvLONG"))
    (post,) = await bot.fake.wait_for("chat.postMessage")
    assert "read only its beginning" in all_text(post.body)
    assert check_limits(post.body["blocks"]) == []
    assert pings(post.body, factbase) == []


# ------------------------------------------------------------------ property-based

INJECTION = st.text(
    alphabet=st.sampled_from(list("<>&|!@#^*_~`> \n\t\u202e\u200babcBCIJ0123-.:/")),
    max_size=200,
)


@settings(max_examples=200, deadline=None, database=None)
@given(raw=st.one_of(st.text(), INJECTION))
def test_any_unicode_is_matched_and_rendered_within_limits_without_pings(
    raw: str, matcher: Matcher, factbase: FactBase
) -> None:
    """Whatever arrives: the matcher answers or abstains, deterministically; the reply fits
    Block Kit, echoes the text escaped, and carries no mention, broadcast or link."""
    check_the_whole_path(raw, matcher, factbase)


@settings(
    max_examples=10,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(raw=st.text(min_size=1000, max_size=6000))
def test_any_long_unicode_is_clipped_matched_and_rendered(
    raw: str, matcher: Matcher, factbase: FactBase
) -> None:
    check_the_whole_path(raw, matcher, factbase)


def check_the_whole_path(raw: str, matcher: Matcher, factbase: FactBase) -> None:
    """What the bot does with Slack text, minus Slack: clean, parse, clip, match, render."""
    text = from_slack(raw)
    assert not any(ord(c) < 32 for c in text)
    parse(text, factbase, strict=True)
    parse(text, factbase, strict=False)
    question, clipped = clip_question(text)
    answer = matcher.ask(question)
    again = matcher.ask(question)
    assert [m.fact.id for m in answer.facts] == [m.fact.id for m in again.facts]
    assert answer.answered == again.answered
    for shareable, echo in ((True, True), (False, False)):
        message = render_answer(
            answer, question_id=7, shareable=shareable, echo_question=echo, clipped=clipped
        )
        body = {"text": message.text, "blocks": message.blocks}
        assert check_limits(message.blocks) == []
        assert pings(body, factbase) == []
        json.dumps(body)  # serialisable, whatever the input


@settings(
    max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(raw=st.text())
def test_any_unicode_rendered_raw_never_forms_a_control_sequence(
    raw: str, matcher: Matcher, factbase: FactBase
) -> None:
    """Even text that skipped `from_slack` is escaped when echoed."""
    answer = matcher.ask(raw)
    message = render_answer(answer, question_id=1, echo_question=True)
    assert pings({"text": message.text, "blocks": message.blocks}, factbase) == []
    assert check_limits(message.blocks) == []
