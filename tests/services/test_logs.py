"""Tokens and secrets never reach a log line: unit checks, then both Slack modes at DEBUG.

The subprocess tests run exactly the Procfile commands, with both tokens and the
signing secret in the environment, and read everything the process logged.
"""

from __future__ import annotations

import asyncio
import io
import logging
import os
import signal
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
import payloads as p
import pytest
from fakeslack import WAIT, FakeSlack, running_fake

from bot.services.logs import REDACTED, RedactSecrets, install_redaction
from bot.settings import Settings

SECRETS = (p.BOT_TOKEN, p.APP_TOKEN, p.SIGNING_SECRET)


def test_redaction_covers_messages_arguments_and_tracebacks() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    logger = logging.getLogger("test.redaction")
    logger.addHandler(handler)
    logger.propagate = False
    settings = Settings(bot_token=p.BOT_TOKEN, signing_secret=p.SIGNING_SECRET)
    install_redaction(settings, logger)
    try:
        logger.warning("token %s secret %s", p.BOT_TOKEN, p.SIGNING_SECRET)
        logger.warning("another token shape: xoxp-99-abc and xapp-1-X-2-y")
        try:
            raise RuntimeError(f"failed with {p.BOT_TOKEN}")
        except RuntimeError:
            logger.exception("boom")
    finally:
        logger.removeHandler(handler)
    out = stream.getvalue()
    assert p.BOT_TOKEN not in out and p.SIGNING_SECRET not in out
    assert "xoxp-99" not in out and "xapp-1-X" not in out
    assert out.count(REDACTED) == 5
    assert "RuntimeError: failed with [redacted]" in out


def test_settings_repr_hides_secrets() -> None:
    settings = Settings(
        bot_token=p.BOT_TOKEN, app_token=p.APP_TOKEN, signing_secret=p.SIGNING_SECRET
    )
    assert not any(secret in repr(settings) for secret in SECRETS)
    assert RedactSecrets([None, "", "short"]).redact("short") == "short"


@asynccontextmanager
async def bot_process(
    fake: FakeSlack, tmp_path: Path, mode: str
) -> AsyncIterator[tuple[asyncio.subprocess.Process, list[str], asyncio.Event]]:
    """`python -m bot run --mode <mode>` at DEBUG; yields the process, its log, and `ready`."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "LOG_LEVEL": "DEBUG",
        "SLACK_BOT_TOKEN": p.BOT_TOKEN,
        "SLACK_APP_TOKEN": p.APP_TOKEN,
        "SLACK_SIGNING_SECRET": p.SIGNING_SECRET,
        "SLACK_API_URL": fake.api_url,
        "FACTBOT_DB": str(tmp_path / "factbot.db"),
        "PORT": "0",
    }
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        "--mode",
        mode,
        env=env,
        cwd=tmp_path,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    lines: list[str] = []
    ready = asyncio.Event()

    async def drain() -> None:  # read everything, so a chatty DEBUG log never blocks the bot
        assert proc.stdout is not None
        async for raw in proc.stdout:
            line = raw.decode("utf-8", "replace")
            lines.append(line)
            if "http_listening" in line or "socket_mode_connected" in line:
                ready.set()

    reader = asyncio.create_task(drain())
    try:
        yield proc, lines, ready
    finally:
        if proc.returncode is None:
            proc.send_signal(signal.SIGTERM)
        await asyncio.wait_for(proc.wait(), WAIT)
        await asyncio.wait_for(reader, WAIT)


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlack]:
    async with running_fake() as fake_slack:
        yield fake_slack


async def test_http_mode_process_logs_no_secrets(fake: FakeSlack, tmp_path: Path) -> None:
    async with bot_process(fake, tmp_path, "http") as (proc, lines, ready):
        await asyncio.wait_for(ready.wait(), WAIT)
        port = int(next(x for x in lines if "http_listening" in x).split("port=")[1].split()[0])
        url = f"http://127.0.0.1:{port}/slack/events"
        body = p.slash_command("law 27-14?", response_url=fake.response_url())
        forged = p.signed_headers(body, p.FORM, secret="wrong")
        async with aiohttp.ClientSession() as session:
            async with session.post(url, data=body, headers=forged) as resp:
                assert resp.status == 401
            async with session.post(url, data=body, headers=p.signed_headers(body, p.FORM)) as resp:
                assert resp.status == 200
        await fake.wait_for("response_url")
    assert proc.returncode == 0  # SIGTERM stops it cleanly
    log = "".join(lines)
    assert "question_answered" in log and "request_rejected status=401" in log
    for secret in SECRETS:
        assert secret not in log


async def test_socket_mode_process_logs_no_secrets(fake: FakeSlack, tmp_path: Path) -> None:
    async with bot_process(fake, tmp_path, "socket") as (proc, lines, ready):
        await asyncio.wait_for(ready.wait(), WAIT)
        await fake.wait_for_connections(1)
        await fake.send_frame(
            p.envelope_slash_command(
                "law 27-14?", response_url=fake.response_url(), envelope_id="env-log"
            )
        )
        await fake.wait_for_ack("env-log")
        await fake.wait_for("response_url")
    assert proc.returncode == 0
    log = "".join(lines)
    assert "question_answered" in log
    for secret in SECRETS:
        assert secret not in log
