"""Socket Mode end to end: a local WebSocket server plays Slack (hello, envelopes, acks, disconnect).

The bot runs through `bot.runner.serve` with SLACK_APP_TOKEN set, so it calls
apps.connections.open on the fake Web API, connects to the URL it gets back, and
must ack every envelope on the socket.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path

import payloads as p
import pytest
from fakeslack import WAIT, FakeSlack, running_bot, running_fake, slack_env

from bot.core.factbase import FactBase
from bot.engine import Matcher
from bot.render.blocks import check_limits
from bot.runner import SocketModeDisabled, StartupError, serve
from bot.settings import Settings

QUESTION = "When was the BCIJ created?"


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlack]:
    async with running_fake() as fake_slack:
        yield fake_slack


@pytest.fixture
async def socket_bot(
    fake: FakeSlack, tmp_path: Path, factbase: FactBase, matcher: Matcher
) -> AsyncIterator[FakeSlack]:
    settings = Settings.from_env(slack_env(fake, str(tmp_path / "factbot.db"), mode="socket"))
    assert settings.mode == "socket"
    async with running_bot(settings, factbase, matcher) as port:
        assert port is None
        await fake.wait_for_connections(1)
        yield fake


async def test_connects_with_the_app_token_through_slack_api_url(socket_bot: FakeSlack) -> None:
    (opened,) = socket_bot.calls_to("apps.connections.open")
    assert opened.headers["Authorization"] == f"Bearer {p.APP_TOKEN}"


async def test_slash_command_envelope_is_acked_and_answered(socket_bot: FakeSlack) -> None:
    envelope = p.envelope_slash_command(
        QUESTION, response_url=socket_bot.response_url(), envelope_id="env-cmd-1"
    )
    await socket_bot.send_frame(envelope)
    ack = await socket_bot.wait_for_ack("env-cmd-1")
    assert ack == {"envelope_id": "env-cmd-1"}
    (reply,) = await socket_bot.wait_for("response_url")
    assert reply.body["response_type"] == "ephemeral"
    assert "> In May 2015, Morocco established the Central Bureau" in json.dumps(reply.body)
    assert check_limits(reply.body["blocks"]) == []


async def test_threaded_mention_is_answered_in_its_thread_once_despite_a_retry(
    socket_bot: FakeSlack,
) -> None:
    first = p.envelope_app_mention(
        QUESTION, envelope_id="env-m-1", event_id="EvSOCK1", thread_ts="1610241741.000200"
    )
    await socket_bot.send_frame(first)
    await socket_bot.wait_for_ack("env-m-1")
    (post,) = await socket_bot.wait_for("chat.postMessage")
    assert post.body["channel"] == "C111"
    assert post.body["thread_ts"] == "1610241741.000200"
    assert "May 2015" in post.body["text"]

    # Slack thought the ack was late: the same event again, with retry_attempt=1.
    retry = p.envelope_app_mention(
        QUESTION,
        envelope_id="env-m-2",
        event_id="EvSOCK1",
        thread_ts="1610241741.000200",
        retry_attempt=1,
    )
    await socket_bot.send_frame(retry)
    await socket_bot.wait_for_ack("env-m-2")  # acked (so Slack stops retrying) ...
    assert len(socket_bot.calls_to("chat.postMessage")) == 1  # ... but not answered again


async def test_top_level_mention_envelope_starts_a_thread(socket_bot: FakeSlack) -> None:
    frame = p.envelope_app_mention(QUESTION, envelope_id="env-top", event_id="EvTOP")
    await socket_bot.send_frame(frame)
    (post,) = await socket_bot.wait_for("chat.postMessage")
    assert post.body["thread_ts"] == frame["payload"]["event"]["ts"]


async def test_reconnects_after_a_disconnect_message_and_keeps_answering(
    socket_bot: FakeSlack,
) -> None:
    await socket_bot.send_frame(p.frame("disconnect_refresh_requested.json"))
    await socket_bot.wait_for_connections(2)
    assert len(socket_bot.calls_to("apps.connections.open")) == 2  # a fresh URL each time
    envelope = p.envelope_slash_command(
        QUESTION, response_url=socket_bot.response_url(), envelope_id="env-after"
    )
    await socket_bot.send_frame(envelope)  # on the new connection
    await socket_bot.wait_for_ack("env-after")
    await socket_bot.wait_for("response_url")


async def test_link_disabled_stops_the_bot_instead_of_reconnecting_forever(
    fake: FakeSlack, tmp_path: Path, factbase: FactBase, matcher: Matcher
) -> None:
    settings = Settings.from_env(slack_env(fake, str(tmp_path / "factbot.db"), mode="socket"))
    stop = asyncio.Event()
    task = asyncio.create_task(serve(settings, stop=stop, base=factbase, matcher=matcher))
    try:
        await fake.wait_for_connections(1)
        await fake.send_frame(p.frame("disconnect_link_disabled.json"))
        with pytest.raises(SocketModeDisabled):
            await asyncio.wait_for(task, WAIT)  # ends by itself: nobody set `stop`
    finally:
        stop.set()
        if not task.done():
            await asyncio.wait_for(task, WAIT)


async def test_a_refused_bot_token_stops_start_up_with_one_sentence(
    fake: FakeSlack, tmp_path: Path, factbase: FactBase, matcher: Matcher
) -> None:
    fake.queue("auth.test", {"ok": False, "error": "invalid_auth"})
    settings = Settings.from_env(slack_env(fake, str(tmp_path / "factbot.db"), mode="socket"))
    with pytest.raises(StartupError, match=r"^Slack refused SLACK_BOT_TOKEN \(invalid_auth\)"):
        async with running_bot(settings, factbase, matcher):
            pass
    assert fake.calls_to("apps.connections.open") == []
