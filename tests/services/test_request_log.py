"""One structured `request` line per handled request, and no secret in any log line.

The line is logfmt (`key=value`): surface, the user and channel ids, the logged
question id, whether it was answered and with which fact, how the reply was
delivered, and the latency. Never the question's text (that is only logged when
a reply fails, see tests/test_faults.py).
"""

from __future__ import annotations

import logging
import shlex
from collections.abc import AsyncIterator
from pathlib import Path

import payloads as p
import pytest
from fakeslack import FakeSlack
from httpbot import ANSWERED, UNANSWERED, Bot, LogWatch, http_bot

from bot.core.factbase import FactBase
from bot.engine import Matcher
from bot.render.blocks import ACTION_HELPFUL
from bot.services.logs import install_redaction, logfmt
from bot.settings import Settings

SECRETS = (p.BOT_TOKEN, p.APP_TOKEN, p.SIGNING_SECRET)


def fields(line: str) -> dict[str, str]:
    event, _, rest = line.partition(" ")
    assert event == "request"
    return dict(pair.split("=", 1) for pair in shlex.split(rest))


@pytest.fixture
async def bot(
    fake: FakeSlack, tmp_path: Path, factbase: FactBase, matcher: Matcher
) -> AsyncIterator[Bot]:
    async with http_bot(fake, tmp_path, factbase, matcher) as b:
        yield b


async def test_every_surface_writes_one_request_line(bot: Bot, logs: LogWatch) -> None:
    answered = await bot.ask(ANSWERED, user_id="UA", channel_id="CA")
    await logs.wait_for("request", 1)
    await bot.ask(UNANSWERED)
    await logs.wait_for("request", 2)
    await bot.ask("topics")
    await logs.wait_for("request", 3)
    await bot.event(p.app_mention(ANSWERED, event_id="EvLOG1"))
    await logs.wait_for("request", 4)
    await bot.event(p.message_im(UNANSWERED, event_id="EvLOG2"))
    await logs.wait_for("request", 5)
    qid = next(
        e["value"] for b in answered["blocks"] for e in b.get("elements", []) if "value" in e
    )
    await bot.click(p.block_actions(ACTION_HELPFUL, qid, response_url=bot.new_response_url()))
    await logs.wait_for("request", 6)
    await bot.event(p.app_home_opened(user="U777"))
    lines = [fields(x) for x in await logs.wait_for("request", 7)]

    command, unanswered, topics, mention, dm, vote, home = lines
    assert (
        command["surface"] == "command" and command["user"] == "UA" and command["channel"] == "CA"
    )
    assert command["answered"] == "yes" and command["fact_id"] == "bcij-established"
    assert command["question_id"] == qid and command["delivery"] == "sent"
    assert float(command["latency_ms"]) >= 0 and command["outcome"] == "ok"
    assert unanswered["answered"] == "no" and "fact_id" not in unanswered
    assert "answered" not in topics and "question_id" not in topics  # not a question
    assert mention["surface"] == "mention" and mention["fact_id"] == "bcij-established"
    assert dm["surface"] == "dm" and dm["answered"] == "no"
    assert vote["surface"] == "action" and vote["action"] == "feedback"
    assert home["surface"] == "home" and home["delivery"] == "sent"
    assert all("latency_ms" in line for line in lines)
    assert not any(ANSWERED in x or UNANSWERED in x for x in logs.lines("request"))


def test_logfmt_quotes_what_needs_quoting() -> None:
    line = logfmt(a="x", b=None, c=True, d=1.50, e="two words", f='say "hi"\nnow', g="")
    assert line == r'a=x c=true d=1.5 e="two words" f="say \"hi\"\nnow" g=""'


async def test_no_secret_reaches_any_log_line_at_debug(
    fake: FakeSlack, tmp_path: Path, factbase: FactBase, matcher: Matcher
) -> None:
    """Faults included (a 429, a reply that fails, a forged request), at DEBUG, through
    the redaction filter that `python -m bot` installs on every handler."""
    root = logging.getLogger()
    watch = LogWatch()
    root.addHandler(watch)
    old_level = root.level
    root.setLevel(logging.DEBUG)
    settings = Settings(
        bot_token=p.BOT_TOKEN, app_token=p.APP_TOKEN, signing_secret=p.SIGNING_SECRET
    )
    redactor = install_redaction(settings, root)
    try:
        async with http_bot(fake, tmp_path, factbase, matcher) as bot:
            fake.queue(
                "chat.postMessage",
                {"ok": False, "error": "ratelimited"},
                429,
                **{"Retry-After": "1"},
            )
            await bot.event(p.app_mention(ANSWERED, event_id="EvSECRET1"))
            await fake.wait_for("chat.postMessage", 2)
            for _ in range(5):
                fake.queue("response_url", {"ok": False}, 500)
            await bot.command(f"is {p.BOT_TOKEN} a token?")
            await watch.wait_for("reply_failed")
            forged = p.slash_command(ANSWERED, response_url=fake.response_url())
            await bot.post(forged, p.FORM, headers=p.signed_headers(forged, p.FORM, secret="nope"))
    finally:
        root.removeHandler(watch)
        root.setLevel(old_level)
        for handler in root.handlers:
            handler.removeFilter(redactor)
    assert len(watch.records) > 50  # DEBUG really was on
    for record in watch.records:
        text = record.getMessage() + (record.exc_text or "")
        assert not any(secret in text for secret in SECRETS), text
