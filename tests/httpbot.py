"""The bot in HTTP mode, as `python -m bot` runs it, and a client that sends it signed requests.

Shared by the hardening tests (faults, admin commands, bad input, request logs):
`http_bot` runs `bot.runner.serve` through `fakeslack.running_bot` with the
settings an environment would give, and yields a `Bot` to talk to it.
"""

from __future__ import annotations

import asyncio
import io
import itertools
import json
import logging
import shutil
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import payloads as p
from fakeslack import FakeSlack, Waits, running_bot, slack_env

from bot.core.factbase import FactBase, default_facts_dir
from bot.engine import Matcher
from bot.services.delivery import RetryPolicy
from bot.settings import Settings

ANSWERED = "When was the BCIJ created?"
UNANSWERED = "What is the BCIJ budget?"


@dataclass
class Bot:
    session: aiohttp.ClientSession
    url: str
    fake: FakeSlack
    db: Path
    waits: Waits
    _names: itertools.count[int] = field(default_factory=itertools.count)
    responses_read: int = 0

    async def post(
        self,
        body: bytes,
        content_type: str = p.JSON,
        *,
        headers: dict[str, str] | None = None,
        **sign: Any,
    ) -> tuple[int, str]:
        hdrs = headers if headers is not None else p.signed_headers(body, content_type, **sign)
        data = io.BytesIO(body) if len(body) > 64 * 1024 else body  # aiohttp warns otherwise
        async with self.session.post(self.url, data=data, headers=hdrs) as resp:
            return resp.status, await resp.text()

    def new_response_url(self) -> str:
        """A response_url of its own, so a test can find the reply to one request."""
        return self.fake.response_url(f"r{next(self._names)}")

    async def command(
        self, text: str, *, response_url: str | None = None, **kwargs: Any
    ) -> tuple[int, str]:
        url = response_url or self.new_response_url()
        return await self.post(p.slash_command(text, response_url=url, **kwargs), p.FORM)

    async def ask(self, text: str, **kwargs: Any) -> dict[str, Any]:
        """Send `/facts <text>` and wait for its reply through its own response_url."""
        url = self.new_response_url()
        status, _ = await self.command(text, response_url=url, **kwargs)
        assert status == 200
        path = url.split(str(self.fake.port), 1)[1]
        await self.fake.wait_until(
            lambda: any(c.path == path for c in self.fake.calls_to("response_url"))
        )
        return next(c.body for c in self.fake.calls_to("response_url") if c.path == path)

    async def event(self, payload: dict[str, Any], **sign: Any) -> tuple[int, str]:
        return await self.post(p.json_body(payload), p.JSON, **sign)

    async def click(self, payload: dict[str, Any]) -> tuple[int, str]:
        return await self.post(p.form_payload(payload), p.FORM)

    async def next_response(self) -> dict[str, Any]:
        """Wait for the next response_url message (to any path) not read yet; its body."""
        self.responses_read += 1
        calls = await self.fake.wait_for("response_url", self.responses_read)
        return calls[self.responses_read - 1].body


@asynccontextmanager
async def http_bot(
    fake: FakeSlack,
    tmp_path: Path,
    base: FactBase,
    matcher: Matcher,
    *,
    env: dict[str, str] | None = None,
    retry: dict[str, Any] | None = None,
    workspaces: bool = False,
) -> AsyncIterator[Bot]:
    """The bot in HTTP mode on a real SQLite file; retries record their waits, never wait."""
    db = tmp_path / "factbot.db"
    settings = Settings.from_env({**slack_env(fake, str(db), mode="http"), **(env or {})})
    waits = Waits()
    policy = RetryPolicy(sleep=waits, **(retry or {}))
    async with (
        running_bot(settings, base, matcher, retry=policy, workspaces=workspaces) as port,
        aiohttp.ClientSession() as session,
    ):
        yield Bot(session, f"http://127.0.0.1:{port}/slack/events", fake, db, waits)


def copy_facts(tmp_path: Path) -> Path:
    """A private copy of the shipped fact base, for tests that edit it and reload."""
    target = tmp_path / "facts"
    shutil.copytree(
        default_facts_dir(), target, ignore=shutil.ignore_patterns("__pycache__", "*.py")
    )
    return target


def all_text(message: dict[str, Any]) -> str:
    return json.dumps(message, ensure_ascii=False)


class LogWatch(logging.Handler):
    """Every record the bot logs, with a way to wait for one (the bot runs on the test's loop)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []
        self._changed = asyncio.Event()

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)
        self._changed.set()

    def lines(self, event: str) -> list[str]:
        """Messages of the records for one event name (`request`, `reply_failed`, ...)."""
        return [m for m in (r.getMessage() for r in self.records) if m.split(" ", 1)[0] == event]

    def levels(self, event: str) -> list[int]:
        return [r.levelno for r in self.records if r.getMessage().split(" ", 1)[0] == event]

    async def wait_for(self, event: str, count: int = 1, timeout: float = 5.0) -> list[str]:
        async def until() -> None:
            while len(self.lines(event)) < count:
                self._changed.clear()
                await self._changed.wait()

        await asyncio.wait_for(until(), timeout)
        return self.lines(event)


@contextmanager
def watching_logs(name: str = "bot") -> Iterator[LogWatch]:
    """Collect the records of logger `name` (and its children) at every level."""
    logger = logging.getLogger(name)
    watch = LogWatch()
    old_level = logger.level
    logger.addHandler(watch)
    logger.setLevel(logging.DEBUG)
    try:
        yield watch
    finally:
        logger.removeHandler(watch)
        logger.setLevel(old_level)
