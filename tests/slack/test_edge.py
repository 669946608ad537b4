"""The HTTP edge: limits on connections, and acks that never wait for answers.

The bot runs through `bot.runner.serve` (as `python -m bot` runs it) with small
limits, so that what takes seconds in production takes a fraction of one here.
Stalled clients are raw sockets that send part of a request and stop; tests wait
for the server to close them (EOF), never sleep.

Answers that hog the bot's thread are played by a matcher that blocks the
thread until the test lets it go (a stand-in for a CPU-heavy match: from the
loop's point of view both are Python code that does not return). While it
blocks, the test's own loop is blocked too, so the requests that must be acked
meanwhile are sent from a thread with the standard library's HTTP client.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
import time
import urllib.error
import urllib.request
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp
import payloads as p
from fakeslack import WAIT, FakeSlack, no_wait_policy, slack_env
from httpbot import ANSWERED, LogWatch, watching_logs

from bot.core.factbase import FactBase
from bot.engine import Answer, Matcher
from bot.runner import serve
from bot.settings import Settings
from bot.slack.server import BUSY, HttpLimits
from bot.storage.store import open_store

FAST = HttpLimits(idle_timeout=0.5, read_timeout=0.5, max_connections=8, shutdown_timeout=0.5)
STALLED_HEAD = b"POST /slack/events HTTP/1.1\r\nHost: factbot\r\nX-Slack-Signature: v0="


class BlockingMatcher:
    """The real matcher, except that a question containing HOLD blocks the bot's thread."""

    def __init__(self, real: Matcher) -> None:
        self.real = real
        self.entered = threading.Event()
        self.release = threading.Event()

    def ask(self, question: str) -> Answer:
        if "HOLD" in question:
            self.entered.set()
            assert self.release.wait(WAIT * 2), "the test never released the matcher"
        return self.real.ask(question)


@asynccontextmanager
async def edge_bot(
    fake: FakeSlack, tmp_path: Path, base: FactBase, matcher: Any, **options: Any
) -> AsyncIterator[str]:
    """`serve()` in HTTP mode with `options` (limits, workers, capacity); yields its URL."""
    settings = Settings.from_env(slack_env(fake, str(tmp_path / "f.db"), mode="http"))
    stop = asyncio.Event()
    ready: asyncio.Future[int | None] = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(
        serve(
            settings,
            stop=stop,
            ready=ready.set_result,
            base=base,
            matcher=matcher,
            retry=no_wait_policy(),
            grace=1.0,
            **options,
        )
    )
    try:
        await asyncio.wait({ready, task}, timeout=WAIT, return_when=asyncio.FIRST_COMPLETED)
        if task.done():
            task.result()
        yield f"http://127.0.0.1:{ready.result()}/slack/events"
    finally:
        stop.set()
        await asyncio.wait_for(task, WAIT)


def signed_command(text: str, fake: FakeSlack, name: str) -> tuple[bytes, dict[str, str]]:
    body = p.slash_command(text, response_url=fake.response_url(name))
    return body, p.signed_headers(body, p.FORM)


def post_blocking(url: str, body: bytes, headers: dict[str, str]) -> tuple[int, bytes, float]:
    """POST with the standard library (from a thread); (status, body, seconds to the answer)."""
    started = time.monotonic()
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=WAIT) as resp:
            return resp.status, resp.read(), time.monotonic() - started
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read(), time.monotonic() - started


class Stalled:
    """A client that sends part of a request and then nothing (the writer is kept:
    a StreamWriter that is garbage-collected closes its connection)."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer

    async def closed_by_server(self, within: float) -> bytes:
        """Everything the server sent until it closed the connection (fails if it did not)."""
        try:
            return await asyncio.wait_for(self.reader.read(), within)
        finally:
            self.writer.close()
            await self.writer.wait_closed()


async def stalled(port: int, head: bytes = STALLED_HEAD) -> Stalled:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(head)
    await writer.drain()
    return Stalled(reader, writer)


def port_of(url: str) -> int:
    return int(url.split(":")[2].split("/")[0])


# ------------------------------------------------------------------ connection limits


async def test_stalled_connections_are_closed_while_signed_requests_are_acked(
    fake: FakeSlack, tmp_path: Path, factbase: FactBase, matcher: Matcher, logs: LogWatch
) -> None:
    async with edge_bot(fake, tmp_path, factbase, matcher, limits=FAST) as url:
        port = port_of(url)
        heads = [await stalled(port) for _ in range(4)]  # headers never finished
        bodies = [  # headers done, the body promised but never sent
            await stalled(port, STALLED_HEAD + b"\r\nContent-Length: 500\r\n\r\ntext=")
            for _ in range(2)
        ]
        async with aiohttp.ClientSession() as session:
            for n in range(3):
                body, headers = signed_command(ANSWERED, fake, f"legit{n}")
                started = time.monotonic()
                async with session.post(url, data=body, headers=headers) as resp:
                    assert resp.status == 200
                assert time.monotonic() - started < 1.0
        for reader in heads:
            assert await reader.closed_by_server(FAST.idle_timeout + 2) == b""
        for reader in bodies:
            answer = await reader.closed_by_server(FAST.read_timeout + 2)
            assert answer.startswith(b"HTTP/1.1 408")
        await fake.wait_for("response_url", 3)
    assert not [r for r in logs.records if r.levelno >= logging.WARNING]
    assert not [r for r in logs.records if r.exc_info]
    (summary,) = logs.lines("http_edge")
    assert "read_timeouts=2" in summary


async def test_at_the_connection_cap_the_oldest_idle_connection_makes_room(
    fake: FakeSlack, tmp_path: Path, factbase: FactBase, matcher: Matcher
) -> None:
    slow = HttpLimits(idle_timeout=30, read_timeout=30, max_connections=4, shutdown_timeout=0.5)
    async with edge_bot(fake, tmp_path, factbase, matcher, limits=slow) as url:
        port = port_of(url)
        idle = []
        for _ in range(4):  # each has had an answer, so the server surely holds it
            client = await stalled(port, b"GET /healthz HTTP/1.1\r\nHost: factbot\r\n\r\n")
            assert (await client.reader.readuntil(b"\r\n\r\nok")).startswith(b"HTTP/1.1 200")
            idle.append(client)
        body, headers = signed_command(ANSWERED, fake, "through")
        async with (
            aiohttp.ClientSession() as session,
            session.post(url, data=body, headers=headers) as resp,
        ):
            assert resp.status == 200
        assert await idle[0].closed_by_server(2) == b""  # the oldest went
        await fake.wait_for("response_url")
        for client in idle[1:]:
            client.writer.close()


async def test_malformed_requests_get_400_and_no_traceback(
    fake: FakeSlack, tmp_path: Path, factbase: FactBase, matcher: Matcher, logs: LogWatch
) -> None:
    """aiohttp's own logger would write a traceback at ERROR for each of these."""
    with watching_logs("aiohttp") as aiohttp_logs:
        await send_junk(fake, tmp_path, factbase, matcher)
    assert not [r for r in logs.records if r.levelno >= logging.WARNING or r.exc_info]
    assert not [r for r in aiohttp_logs.records if r.levelno >= logging.WARNING or r.exc_info]
    assert any("http_request_malformed" in r.getMessage() for r in logs.records)


async def send_junk(fake: FakeSlack, tmp_path: Path, factbase: FactBase, matcher: Matcher) -> None:
    async with edge_bot(fake, tmp_path, factbase, matcher, limits=FAST) as url:
        port = port_of(url)
        for junk in (
            b"\x16\x03\x01junk\r\n\r\n",
            b"GET / HTTP/1.1\r\nX: " + b"y" * 9000 + b"\r\n\r\n",
        ):
            reader = await stalled(port, junk)
            assert b" 400 Bad Request" in (await reader.closed_by_server(2)).split(b"\r\n")[0]


# ------------------------------------------------------------------ acks first


async def test_an_answer_that_hogs_the_bot_never_delays_an_ack(
    fake: FakeSlack, tmp_path: Path, factbase: FactBase, matcher: Matcher
) -> None:
    """While one answer holds the bot's thread, other requests are still acked at once."""
    blocking = BlockingMatcher(matcher)
    acks: list[tuple[int, bytes, float]] = []
    async with edge_bot(fake, tmp_path, factbase, blocking, workers=2) as url:

        def meanwhile() -> None:
            assert blocking.entered.wait(WAIT)
            try:
                for n in range(5):
                    acks.append(post_blocking(url, *signed_command(ANSWERED, fake, f"m{n}")))
            finally:
                blocking.release.set()

        thread = threading.Thread(target=meanwhile)
        thread.start()
        async with aiohttp.ClientSession() as session:
            body, headers = signed_command("HOLD " + ANSWERED, fake, "hog")
            async with session.post(url, data=body, headers=headers) as resp:
                assert resp.status == 200
            await fake.wait_for("response_url", 6)  # the loop is blocked until released
        await asyncio.to_thread(thread.join)
    assert [status for status, _, _ in acks] == [200] * 5
    assert max(seconds for _, _, seconds in acks) < 1.0
    paths = sorted(c.path for c in fake.calls_to("response_url"))
    assert paths == sorted(["/hooks/hog", *(f"/hooks/m{n}" for n in range(5))])


async def test_a_full_queue_says_busy_to_a_command_and_503_to_an_event(
    fake: FakeSlack, tmp_path: Path, factbase: FactBase, matcher: Matcher, logs: LogWatch
) -> None:
    """Room for one request: while it is answered, a command is told busy, an event refused.

    The first answer is held at Slack (its reply waits), so the bot's loop stays free and
    every wait below is on something that happens, not on a blocked thread.
    """
    release = asyncio.Event()
    fake.queue("response_url", hold=release)
    async with (
        edge_bot(fake, tmp_path, factbase, matcher, workers=1, capacity=1) as url,
        aiohttp.ClientSession() as session,
    ):
        body, headers = signed_command(ANSWERED, fake, "first")
        async with session.post(url, data=body, headers=headers) as resp:
            assert resp.status == 200
        await fake.wait_for("response_url")  # the first is being answered: its reply waits
        body, headers = signed_command(ANSWERED, fake, "second")
        async with session.post(url, data=body, headers=headers) as resp:
            command_status, command_ack = resp.status, json.loads(await resp.text() or '""')
        event = p.json_body(p.app_mention(ANSWERED, event_id="EvBusy"))
        async with session.post(url, data=event, headers=p.signed_headers(event, p.JSON)) as resp:
            event_status = resp.status
        release.set()
        await logs.wait_for("request")  # the first answer delivered and logged
    assert command_status == 200
    assert command_ack == {"response_type": "ephemeral", "text": BUSY}
    assert event_status == 503  # not acknowledged: Slack delivers it again later
    assert [c.path for c in fake.calls_to("response_url")] == ["/hooks/first"]
    assert fake.calls_to("chat.postMessage") == []
    (summary,) = logs.lines("http_edge")
    assert "shed_commands=1" in summary and "shed_events=1" in summary
    async with open_store(str(tmp_path / "f.db")) as store:
        assert await store.replies_waiting() == 0  # nothing shed is answered later


async def test_a_request_delivered_twice_gives_its_seat_back(
    fake: FakeSlack, tmp_path: Path, factbase: FactBase, matcher: Matcher, logs: LogWatch
) -> None:
    """Room for one request: the same command sent again is acked and not queued, and the
    seat it reserved is free again, so the next question is answered, not told busy."""
    body, headers = signed_command(ANSWERED, fake, "first")
    async with (
        edge_bot(fake, tmp_path, factbase, matcher, workers=1, capacity=1) as url,
        aiohttp.ClientSession() as session,
    ):
        for _ in range(2):
            async with session.post(url, data=body, headers=headers) as resp:
                assert (resp.status, await resp.text()) == (200, "")
            await logs.wait_for("request")
        await logs.wait_for("request_duplicate")
        later, later_headers = signed_command(ANSWERED, fake, "later")
        async with session.post(url, data=later, headers=later_headers) as resp:
            assert (resp.status, await resp.text()) == (200, "")
        await logs.wait_for("request", 2)
    assert [c.path for c in fake.calls_to("response_url")] == ["/hooks/first", "/hooks/later"]


async def test_requests_still_queued_at_shutdown_are_logged_with_their_ids(
    fake: FakeSlack, tmp_path: Path, factbase: FactBase, matcher: Matcher, logs: LogWatch
) -> None:
    """Acked but never started when the grace runs out: one answer_abandoned line each."""
    release = asyncio.Event()
    fake.queue("response_url", hold=release)  # the one worker's reply hangs
    async with (
        edge_bot(fake, tmp_path, factbase, matcher, workers=1) as url,
        aiohttp.ClientSession() as session,
    ):
        for name in ("held", "queued0", "queued1"):
            body, headers = signed_command(ANSWERED, fake, name)
            async with session.post(url, data=body, headers=headers) as resp:
                assert resp.status == 200
        await fake.wait_for("response_url")
    release.set()
    (stuck,) = logs.lines("reply_abandoned")
    abandoned = logs.lines("answer_abandoned")
    assert len(abandoned) == 2
    assert all("kind=command" in line and "user=U2CERLKJA" in line for line in abandoned)
    assert "shutdown_complete abandoned=3" in logs.lines("shutdown_complete")[0]
