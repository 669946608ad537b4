"""Signals, with the real process: SIGHUP reloads the fact base, SIGTERM stops gracefully.

`python -m bot run --mode http` runs in a subprocess at DEBUG against the loopback
fake; the tests read its log as it is written and wait for the lines they need.
An in-process test covers the grace period running out.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import aiohttp
import payloads as p
import pytest
from fakeslack import WAIT, FakeSlack, running_bot, running_fake, slack_env
from httpbot import ANSWERED, copy_facts, watching_logs

from bot.core.factbase import FactBase
from bot.engine import Matcher
from bot.services.digest_runner import DigestRunner
from bot.settings import Settings
from bot.storage.store import open_store

SECRETS = (p.BOT_TOKEN, p.APP_TOKEN, p.SIGNING_SECRET)
NEW_ANSWER = (
    "Investigation (BCIJ) in\n    May 2015.\n",
    "Investigation (BCIJ) in\n    May 2015 (reloaded).\n",
)
BROKEN = ("- id: bcij-established\n", "- id: BCIJ Established!\n")


@dataclass
class BotProcess:
    proc: asyncio.subprocess.Process
    db: Path
    lines: list[str] = field(default_factory=list)
    changed: asyncio.Event = field(default_factory=asyncio.Event)
    port: int = 0

    @property
    def log(self) -> str:
        return "".join(self.lines)

    async def line(self, text: str, count: int = 1) -> str:
        """Wait until `count` log lines contain `text`; the last of them."""

        async def until() -> str:
            while True:
                found = [x for x in self.lines if text in x]
                if len(found) >= count:
                    return found[count - 1]
                self.changed.clear()
                await self.changed.wait()

        return await asyncio.wait_for(until(), WAIT)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/slack/events"


@asynccontextmanager
async def bot_process(fake: FakeSlack, tmp_path: Path, **env: str) -> AsyncIterator[BotProcess]:
    """The Procfile's web process, at DEBUG, with every secret in its environment."""
    db = tmp_path / "factbot.db"
    environ = {
        **slack_env(fake, str(db), mode="http"),
        "SLACK_APP_TOKEN": p.APP_TOKEN,
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "LOG_LEVEL": "DEBUG",
        **env,
    }
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        "--mode",
        "http",
        env=environ,
        cwd=tmp_path,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    bot = BotProcess(proc, db)

    async def read() -> None:
        assert proc.stdout is not None
        async for raw in proc.stdout:
            bot.lines.append(raw.decode("utf-8", "replace"))
            bot.changed.set()

    reader = asyncio.create_task(read())
    try:
        listening = await bot.line("http_listening")
        bot.port = int(listening.split("port=")[1].split()[0])
        yield bot
    finally:
        if proc.returncode is None:
            proc.send_signal(signal.SIGTERM)
        await asyncio.wait_for(proc.wait(), 10)
        await asyncio.wait_for(reader, WAIT)


async def ask(session: aiohttp.ClientSession, bot: BotProcess, fake: FakeSlack, text: str) -> str:
    """Send `/facts <text>`; the text of its reply."""
    count = len(fake.calls_to("response_url"))
    body = p.slash_command(text, response_url=fake.response_url())
    async with session.post(bot.url, data=body, headers=p.signed_headers(body, p.FORM)) as resp:
        assert resp.status == 200
    calls = await fake.wait_for("response_url", count + 1)
    return str(calls[count].body["text"])


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlack]:
    async with running_fake() as fake_slack:
        yield fake_slack


async def test_sighup_reloads_then_sigterm_finishes_the_reply_in_flight_and_exits_0(
    fake: FakeSlack, tmp_path: Path
) -> None:
    """One process, as a platform runs it: a reload, a refused reload, then a deploy."""
    facts = copy_facts(tmp_path)
    topic = facts / "institutions.yaml"
    async with (
        bot_process(fake, tmp_path, FACTBOT_FACTS=str(facts)) as bot,
        aiohttp.ClientSession() as session,
    ):
        # SIGHUP: the edited fact base is served.
        assert "(reloaded)" not in await ask(session, bot, fake, ANSWERED)
        topic.write_text(topic.read_text().replace(*NEW_ANSWER))
        bot.proc.send_signal(signal.SIGHUP)
        assert "changed=1" in await bot.line("facts_reloaded by=SIGHUP")
        assert "(reloaded)" in await ask(session, bot, fake, ANSWERED)

        # SIGHUP with a broken fact base: refused, its problems logged, the last good serves.
        topic.write_text(topic.read_text().replace(*BROKEN))
        bot.proc.send_signal(signal.SIGHUP)
        await bot.line("facts_reload_refused by=SIGHUP")
        assert "institutions.yaml:" in await bot.line("facts_problem")
        assert "(reloaded)" in await ask(session, bot, fake, ANSWERED)

        # SIGTERM while Slack is still taking a reply: the reply finishes, then the bot exits.
        release = asyncio.Event()
        fake.queue("response_url", hold=release)
        body = p.slash_command("law 27-14?", response_url=fake.response_url())
        async with session.post(bot.url, data=body, headers=p.signed_headers(body, p.FORM)) as r:
            assert r.status == 200
        await fake.wait_for("response_url", 4)  # the reply is in flight
        sent_at = time.monotonic()
        bot.proc.send_signal(signal.SIGTERM)
        await bot.line("shutdown_started in_flight=1")
        # No new work: the port is closed while the reply in flight is still waiting.
        with pytest.raises(aiohttp.ClientConnectorError):
            async with session.post(bot.url, data=body, headers=p.signed_headers(body, p.FORM)):
                pass
        release.set()
        assert await asyncio.wait_for(bot.proc.wait(), 10) == 0
        assert time.monotonic() - sent_at < 10
    log = bot.log
    assert log.count("delivery=sent") == 4 and "shutdown_complete abandoned=0" in log
    assert "database_closed" in log
    assert not Path(f"{bot.db}-wal").exists()  # the last connection closed cleanly
    with sqlite3.connect(bot.db) as db:
        assert db.execute("SELECT COUNT(*) FROM questions").fetchone() == (4,)
    for secret in SECRETS:
        assert secret not in log


async def test_a_reply_still_stuck_when_the_grace_runs_out_is_logged_and_dropped(
    fake: FakeSlack, tmp_path: Path, factbase: FactBase, matcher: Matcher
) -> None:
    settings = Settings.from_env(slack_env(fake, str(tmp_path / "f.db"), mode="http"))
    release = asyncio.Event()
    fake.queue("response_url", hold=release)
    with watching_logs() as logs:
        async with running_bot(settings, factbase, matcher, grace=0.2) as port:
            async with aiohttp.ClientSession() as session:
                body = p.slash_command(ANSWERED, response_url=fake.response_url())
                headers = p.signed_headers(body, p.FORM)
                async with session.post(
                    f"http://127.0.0.1:{port}/slack/events", data=body, headers=headers
                ):
                    pass
            await fake.wait_for("response_url")
        release.set()  # serve() has returned, 0.2 s after the stop, without the answer
    (abandoned,) = logs.lines("reply_abandoned")
    assert repr(ANSWERED) in abandoned and "surface=command" in abandoned
    assert "outcome=abandoned" in logs.lines("request")[0]
    assert "shutdown_complete abandoned=1" in logs.lines("shutdown_complete")[0]


async def test_the_digest_scheduler_stops_between_two_channels(
    tmp_path: Path, factbase: FactBase
) -> None:
    """On shutdown the scheduler posts no further channel: what is due is posted next run."""
    now = datetime.fromisoformat("2026-11-23T09:00:10+01:00")
    posted: list[str] = []
    stop = asyncio.Event()

    async def post(channel: str, message: object) -> str | None:
        posted.append(channel)
        stop.set()  # SIGTERM arrives while the first channel is being posted
        return None

    async with open_store(str(tmp_path / "d.db"), clock=lambda: now) as store:
        for channel in ("C1", "C2", "C3"):
            await store.subscribe_digest(channel, "09:00", "U1")
        digests = DigestRunner(
            factbase, store, ZoneInfo("Africa/Casablanca"), post, clock=lambda: now, pace=0
        )
        outcomes = await digests.run_due(stop=stop)
    assert posted == ["C1"] and [o.channel_id for o in outcomes] == ["C1"]
