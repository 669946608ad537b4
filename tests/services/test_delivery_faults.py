"""Slack misbehaving: 429, 500, too slow, refusing connections, dropping them.

The bot runs in HTTP mode against the loopback fake, which is told how to fail
(`FakeSlack.queue`). Retry waits are recorded, not waited (`Waits`), so each
test checks how long the bot *would* have waited. The rule under test: a reply
is retried while Slack cannot have taken it, never re-sent once it may have, and
a reply that finally fails is logged with its question.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import payloads as p
import pytest
from fakeslack import FakeSlack, Waits
from httpbot import ANSWERED, UNANSWERED, Bot, LogWatch, http_bot
from slack_sdk.http_retry.builtin_async_handlers import AsyncConnectionErrorRetryHandler
from slack_sdk.http_retry.builtin_interval_calculators import FixedValueRetryIntervalCalculator
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.factbase import FactBase
from bot.engine import Matcher
from bot.services.delivery import Delivery, RetryPolicy, classify
from bot.services.digest_runner import DigestRunner, slack_poster
from bot.settings import Settings
from bot.slack.app import make_client
from bot.storage.store import open_store


@pytest.fixture
async def bot(
    fake: FakeSlack, tmp_path: Path, factbase: FactBase, matcher: Matcher
) -> AsyncIterator[Bot]:
    # A short client timeout, so "slower than the timeout" takes a fraction of a second.
    async with http_bot(fake, tmp_path, factbase, matcher, retry={"timeout": 0.3}) as b:
        yield b


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# ------------------------------------------------------------------ 429


async def test_429_on_a_thread_reply_waits_retry_after_then_posts_once(
    bot: Bot, logs: LogWatch
) -> None:
    bot.fake.queue(
        "chat.postMessage", {"ok": False, "error": "ratelimited"}, 429, **{"Retry-After": "7"}
    )
    await bot.event(p.app_mention(ANSWERED, event_id="Ev429"))
    (line,) = await logs.wait_for("request")
    calls = bot.fake.calls_to("chat.postMessage")
    assert len(calls) == 2 and calls[0].body == calls[1].body  # the 429, then the one post
    (wait,) = bot.waits.waits
    assert 7 <= wait <= 7.25  # Retry-After, plus a little jitter
    assert "delivery=sent attempts=2" in line


async def test_429_on_a_response_url_waits_retry_after_then_answers_once(
    bot: Bot, logs: LogWatch
) -> None:
    bot.fake.queue("response_url", {"ok": False}, 429, **{"Retry-After": "3"})
    await bot.command(ANSWERED)
    await logs.wait_for("request")
    first, second = bot.fake.calls_to("response_url")
    assert first.body == second.body and "May 2015" in second.body["text"]
    assert bot.waits.waits[0] >= 3


# ------------------------------------------------------------------ 5xx


async def test_500s_are_retried_with_growing_backoff_and_answered_once(
    bot: Bot, logs: LogWatch
) -> None:
    for _ in range(3):
        bot.fake.queue("chat.postMessage", {"ok": False, "error": "internal_error"}, 500)
    await bot.event(p.app_mention(ANSWERED, event_id="Ev500"))
    (line,) = await logs.wait_for("request")
    assert len(bot.fake.calls_to("chat.postMessage")) == 4  # three 500s, then the answer
    policy = RetryPolicy()
    assert len(bot.waits.waits) == 3
    for n, wait in enumerate(bot.waits.waits):  # "equal jitter": half to all of base * 2**n
        full = policy.base_delay * 2**n
        assert full / 2 <= wait <= full
    assert "delivery=sent attempts=4" in line


async def test_a_reply_that_finally_fails_is_logged_with_its_question(
    bot: Bot, logs: LogWatch
) -> None:
    attempts = RetryPolicy().attempts
    for _ in range(attempts):
        bot.fake.queue("response_url", {"ok": False}, 503)
    question = "When was the BCIJ created? (asked while Slack was down)"
    await bot.command(question, user_id="UFAIL")
    (line,) = await logs.wait_for("request")
    assert len(bot.fake.calls_to("response_url")) == attempts
    (failed,) = logs.lines("reply_failed")
    assert logs.levels("reply_failed") == [logging.ERROR]
    assert f"attempts={attempts}" in failed and "reason=http_503" in failed
    assert "user=UFAIL" in failed and "question_id=1" in failed
    assert repr(question) in failed  # the question itself, so a curator can answer by hand
    assert "delivery=failed" in line


# ------------------------------------------------------------------ connections


async def test_refused_connections_are_retried_until_slack_is_back(
    bot: Bot, logs: LogWatch
) -> None:
    """Nothing listens on the response_url's port until the bot's second wait."""
    port = free_port()
    late = FakeSlack()

    async def slack_comes_back(seconds: float) -> None:
        if len(bot.waits.waits) == 2:
            await late.start(port=port)

    bot.waits.during = slack_comes_back
    try:
        await bot.command(ANSWERED, response_url=f"http://127.0.0.1:{port}/hooks/late")
        await logs.wait_for("request")
    finally:
        await late.stop()
    (reply,) = late.calls_to("response_url")  # two refusals, then exactly one answer
    assert "May 2015" in reply.body["text"]
    assert ["reason=connect" in line for line in logs.lines("slack_retry")] == [True, True]


async def test_a_post_slower_than_the_timeout_is_not_sent_twice(bot: Bot, logs: LogWatch) -> None:
    """Slack got the post but answered too late: re-sending would post the answer twice."""
    release = asyncio.Event()
    bot.fake.queue("chat.postMessage", hold=release)
    await bot.event(p.app_mention(UNANSWERED, event_id="EvSLOW"))
    (line,) = await logs.wait_for("request")  # after the 0.3 s client timeout
    release.set()
    assert len(bot.fake.calls_to("chat.postMessage")) == 1
    (unconfirmed,) = logs.lines("reply_unconfirmed")
    assert "reason=timeout" in unconfirmed and repr(UNANSWERED) in unconfirmed
    assert bot.waits.waits == []
    assert "delivery=unconfirmed" in line


async def test_a_post_whose_answer_was_lost_is_not_sent_twice(bot: Bot, logs: LogWatch) -> None:
    """The connection drops after the post arrived: the bot does not re-send it."""
    bot.fake.queue("chat.postMessage", drop=True)
    await bot.event(p.message_im(ANSWERED, event_id="EvDROP"))
    await logs.wait_for("request")
    assert len(bot.fake.calls_to("chat.postMessage")) == 1
    (unconfirmed,) = logs.lines("reply_unconfirmed")
    assert "reason=disconnected" in unconfirmed


async def test_slack_sdks_default_retry_would_post_that_answer_twice(fake: FakeSlack) -> None:
    """Why the bot's client carries no SDK retry handler: the stock one re-sends here."""
    fake.queue("chat.postMessage", drop=True)
    client = AsyncWebClient(token=p.BOT_TOKEN, base_url=fake.api_url)
    (handler,) = client.retry_handlers  # slack-sdk's default: one connection-error retry
    assert isinstance(handler, AsyncConnectionErrorRetryHandler)
    handler.interval_calculator = FixedValueRetryIntervalCalculator(0.0)  # just faster
    await client.chat_postMessage(channel="C1", text="the answer")
    assert len(fake.calls_to("chat.postMessage")) == 2  # two copies reached Slack


async def test_an_idempotent_call_is_retried_even_after_a_timeout(bot: Bot, logs: LogWatch) -> None:
    release = asyncio.Event()
    bot.fake.queue("views.publish", hold=release)
    await bot.event(p.app_home_opened(user="U777"))
    (line,) = await logs.wait_for("request")
    release.set()
    first, second = bot.fake.calls_to("views.publish")
    assert first.body == second.body  # the same view, published again: harmless
    assert "surface=home" in line and "delivery=sent attempts=2" in line


def test_failures_are_sorted_by_whether_slack_may_have_acted() -> None:
    import aiohttp

    refused = aiohttp.ClientConnectorError(None, OSError(111, "Connection refused"))  # type: ignore[arg-type]
    assert classify(refused).kind == "retry"
    assert classify(TimeoutError()).kind == "unsure"
    assert classify(aiohttp.ServerDisconnectedError()).kind == "unsure"
    assert classify(ValueError("a bug")).kind == "final"


async def test_a_digest_that_may_have_been_posted_is_never_posted_again(
    fake: FakeSlack, tmp_path: Path, factbase: FactBase
) -> None:
    """The same rule for the daily digest: a dropped connection counts as posted."""
    now = datetime.fromisoformat("2026-11-23T09:00:10+01:00")
    settings = Settings.from_env(
        {"SLACK_BOT_TOKEN": p.BOT_TOKEN, "SLACK_API_URL": fake.api_url}, need_mode=False
    )
    fake.queue("chat.postMessage", drop=True)
    poster = slack_poster(make_client(settings), Delivery(RetryPolicy(sleep=Waits())))
    async with open_store(str(tmp_path / "d.db"), clock=lambda: now) as store:
        await store.subscribe_digest("C1", "09:00", "U1")
        digests = DigestRunner(
            factbase, store, ZoneInfo("Africa/Casablanca"), poster, clock=lambda: now, pace=0
        )
        assert [o.status for o in await digests.run_due()] == ["posted"]
        assert await digests.run_due() == []
        record = await store.digest_post("C1", "2026-11-23")
    assert len(fake.calls_to("chat.postMessage")) == 1
    assert record is not None and record.status == "posted" and record.message_ts is None
