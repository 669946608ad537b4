"""The app factory and its error boundary, driven through `app.async_dispatch`.

Here the app is built with `process_before_response=True`, so the listener has
finished when dispatch returns and the test can look at the fake right away.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import payloads as p
import pytest
from fakeslack import FakeSlack, running_fake, slack_env
from slack_bolt.async_app import AsyncApp, AsyncBoltRequest
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.factbase import FactBase
from bot.engine import Answer, Matcher
from bot.services.deps import open_deps
from bot.settings import Settings
from bot.slack.app import build_app, make_client


class ExplodingMatcher:
    """A matcher that fails on one question, to exercise the error boundary."""

    def __init__(self, real: Matcher) -> None:
        self.real = real

    def ask(self, question: str) -> Answer:
        if "explode" in question:
            raise RuntimeError("the matcher exploded")
        return self.real.ask(question)


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlack]:
    async with running_fake() as fake_slack:
        yield fake_slack


@pytest.fixture
async def app(
    fake: FakeSlack, tmp_path: Path, factbase: FactBase, matcher: Matcher
) -> AsyncIterator[AsyncApp]:
    settings = Settings.from_env(slack_env(fake, str(tmp_path / "db"), mode="http"))
    exploding: Any = ExplodingMatcher(matcher)
    async with open_deps(settings, base=factbase, matcher=exploding) as deps:
        client = AsyncWebClient(token=p.BOT_TOKEN, base_url=fake.api_url)
        yield build_app(settings, deps, client=client, process_before_response=True)


def signed_request(body: bytes, content_type: str) -> AsyncBoltRequest:
    headers = p.signed_headers(body, content_type)
    return AsyncBoltRequest(body=body.decode(), headers={k.lower(): v for k, v in headers.items()})


async def test_a_failing_handler_is_logged_and_the_user_gets_an_apology(
    app: AsyncApp, fake: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    body = p.slash_command("please explode", response_url=fake.response_url())
    with caplog.at_level(logging.ERROR, logger="bot"):
        await app.async_dispatch(signed_request(body, p.FORM))
    (apology,) = fake.calls_to("response_url")
    assert apology.body["response_type"] == "ephemeral"
    assert "something went wrong" in apology.body["text"]
    (record,) = [r for r in caplog.records if r.getMessage().startswith("handler_failed")]
    assert "command=/facts" in record.getMessage() and "user=U2CERLKJA" in record.getMessage()
    assert record.exc_info is not None and "matcher exploded" in str(record.exc_info[1])


async def test_dispatch_answers_a_command_with_the_injected_client(
    app: AsyncApp, fake: FakeSlack
) -> None:
    body = p.slash_command("When was the BCIJ created?", response_url=fake.response_url())
    response = await app.async_dispatch(signed_request(body, p.FORM))
    assert response.status == 200
    (reply,) = fake.calls_to("response_url")
    assert "May 2015" in reply.body["text"]


def test_the_client_honours_slack_api_url_and_leaves_retries_to_delivery() -> None:
    """slack-sdk's default handler re-sends after a dropped connection (a duplicate answer);
    the bot's client has none, and bot.services.delivery decides every retry (tests/test_faults.py)."""
    settings = Settings.from_env(
        {
            "SLACK_BOT_TOKEN": p.BOT_TOKEN,
            "SLACK_APP_TOKEN": p.APP_TOKEN,
            "SLACK_API_URL": "http://127.0.0.1:9/api",
        }
    )
    client = make_client(settings)
    assert client.base_url == "http://127.0.0.1:9/api/"
    assert client.token == p.BOT_TOKEN
    assert client.retry_handlers == []


def test_importing_the_app_builds_nothing() -> None:
    import bot.slack.app
    import handlers

    assert not any(
        isinstance(v, AsyncApp) for m in (bot.slack.app, handlers) for v in vars(m).values()
    )
