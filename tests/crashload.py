"""SIGKILL the bot while it is answering slash commands, restart it on the same database.

`crash_under_load` runs `python -m bot run --mode http` as a real process against
the loopback fake Slack (in this process), sends N signed `/facts` commands at a
given concurrency, each with a response_url of its own, and kills the process
with SIGKILL the moment the K-th HTTP 200 comes back. Then it reads the database
as the dead process left it, starts the bot again on it and waits until every
command that got a 200 has its reply. The report says how long that took and
which replies arrived twice, and whether each of those is one the old process
had sent (Slack had it) but not yet recorded as sent when it died: the only
duplicate the outbox allows.

tests/services/test_outbox_crash.py runs it small; scripts/outbox_kill.py runs
the full size (400 commands at concurrency 80).

With `unreachable_every=N`, every N-th command's response_url points at a port
where nothing listens until after the kill (Slack unreachable for a moment): the
bot keeps retrying those replies, so the kill certainly finds acknowledged
commands not yet answered, and only the restarted bot can answer them.
"""

from __future__ import annotations

import asyncio
import signal
import socket
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp
import payloads as p
from botprocs import start_worker, stop_worker
from fakeslack import FakeSlack

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = (
    "When was the BCIJ created?",
    "law 27-14?",
    "What is the BCIJ budget?",
    "Quand le BCIJ a-t-il été créé ?",
    "help",
)
#: The promise: after a restart, every acknowledged command is answered within this.
RECOVERY_LIMIT = 60.0


@dataclass
class CrashReport:
    requests: int
    concurrency: int
    acked: int  # commands that got HTTP 200 before the kill
    answered_before_kill: int  # of those, answered before the process died
    owed_at_restart: int  # acked commands with no reply when the new process started
    owed_unreachable: int  # of those, replies to a response_url not listening until the kill
    pending_at_kill: int  # outbox rows the dead process left unsent or unrecorded
    unanswered: int  # acked commands still without a reply at the end (must be 0)
    recovery_s: float  # from starting the new process to the last owed reply
    since_kill_s: float  # from the kill to the last owed reply
    duplicates: int  # commands answered twice
    sent_not_recorded: int  # replies Slack had from the dead process, not marked sent
    unexplained_duplicates: int  # duplicates that are not such a reply (must be 0)
    window_ms: float  # the longest a duplicate's first copy arrived before the kill
    unrecorded_ms: list[float]  # for each reply Slack had but the DB did not: ms before the kill
    not_acked_answered: int  # commands with no 200 that were answered anyway (allowed)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (
            self.unanswered == 0
            and self.unexplained_duplicates == 0
            and self.recovery_s <= RECOVERY_LIMIT
            and not self.errors
        )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def crash_under_load(
    fake: FakeSlack,
    workdir: Path,
    *,
    requests: int,
    concurrency: int,
    kill_after: int,
    unreachable_every: int = 0,
) -> CrashReport:
    db = workdir / "crash.db"
    bot = await start_worker(fake, str(db), workdir)
    late = FakeSlack()  # listens only after the kill
    late_port = free_port()
    paths = [f"/hooks/crash{i}" for i in range(requests)]
    late_paths = {
        path for i, path in enumerate(paths) if unreachable_every and i % unreachable_every == 0
    }
    bodies = [
        p.slash_command(
            QUESTIONS[i % len(QUESTIONS)],
            response_url=f"http://127.0.0.1:{late_port if path in late_paths else fake.port}{path}",
            user_id=f"U{i % 97:05d}",
            channel_id=f"C{i % 13:05d}",
        )
        for i, path in enumerate(paths)
    ]
    acked: set[str] = set()
    killed_at: list[float] = []
    gate = asyncio.Semaphore(concurrency)
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def one(path: str, body: bytes) -> None:
            async with gate:
                if killed_at:
                    return
                try:
                    headers = p.signed_headers(body, p.FORM)
                    async with session.post(bot.url, data=body, headers=headers) as resp:
                        await resp.read()
                        status = resp.status
                except aiohttp.ClientError:
                    return
                if status != 200 or killed_at:
                    return
                acked.add(path)
                if len(acked) >= kill_after:
                    bot.proc.kill()  # SIGKILL, the moment the K-th ack is in
                    killed_at.append(time.monotonic())

        await asyncio.gather(*(one(path, body) for path, body in zip(paths, bodies, strict=True)))
    assert killed_at, "the load ended before the kill"
    assert await bot.proc.wait() == -signal.SIGKILL
    if bot.reader is not None:
        await bot.reader
    kill = killed_at[0]

    # The database as the dead process left it: replies still owed, by response_url path.
    with sqlite3.connect(db) as conn:
        pending = {
            urlsplit(str(url)).path
            for (url,) in conn.execute("SELECT response_url FROM outbox WHERE status = 'pending'")
        }
    if late_paths:
        await late.start(port=late_port)  # Slack is reachable again

    # Start again on the same database. Every Slack call before the new process's first
    # (auth.test) came from the dead one.
    auth_tests = len(fake.calls_to("auth.test"))
    started = time.monotonic()
    restarted_task = asyncio.create_task(start_worker(fake, str(db), workdir))
    await fake.wait_until(lambda: len(fake.calls_to("auth.test")) > auth_tests, RECOVERY_LIMIT)
    first_of_new = [i for i, c in enumerate(fake.calls) if c.method == "auth.test"][auth_tests]
    old_replies = [c for c in fake.calls[:first_of_new] if c.method == "response_url"]
    old_paths = {c.path for c in old_replies}
    restarted = await restarted_task
    errors: list[str] = []
    try:

        def replied() -> set[str]:
            return {c.path for c in [*fake.calls, *late.calls] if c.method == "response_url"}

        try:
            await fake.wait_until(lambda: acked - late_paths <= replied(), RECOVERY_LIMIT)
            await late.wait_until(lambda: acked <= replied(), RECOVERY_LIMIT)
        except TimeoutError:
            errors.append("not every acknowledged command was answered in time")
        done = time.monotonic()
        # Every row the dead process left pending is handled (one `request` line each)
        # before the count of duplicates is taken: none can come later.
        try:
            await restarted.wait_for_log("request", len(pending), RECOVERY_LIMIT)
        except TimeoutError:
            errors.append(f"the restarted bot did not handle the {len(pending)} rows left")
    finally:
        code = await stop_worker(restarted)
        await late.stop()
    if code != 0:
        errors.append(f"the restarted bot exited {code}")
    errors += [line.strip() for line in restarted.lines if " ERROR " in line]

    counts: dict[str, int] = {}
    for call in [*fake.calls_to("response_url"), *late.calls_to("response_url")]:
        counts[call.path] = counts.get(call.path, 0) + 1
    twice = {path for path, n in counts.items() if n > 1}
    sent_not_recorded = pending & old_paths
    first_copy = {}
    for call in old_replies:
        first_copy.setdefault(call.path, call.at)
    window = max((kill - first_copy[path] for path in twice & old_paths), default=0.0)
    unrecorded_ms = sorted(round((kill - first_copy[path]) * 1000, 1) for path in sent_not_recorded)
    return CrashReport(
        requests=requests,
        concurrency=concurrency,
        acked=len(acked),
        answered_before_kill=len(acked & old_paths),
        owed_at_restart=len(acked - old_paths),
        owed_unreachable=len(acked & late_paths),
        pending_at_kill=len(pending),
        unanswered=len(acked - set(counts)),
        recovery_s=done - started,
        since_kill_s=done - kill,
        duplicates=len(twice),
        sent_not_recorded=len(sent_not_recorded),
        unexplained_duplicates=len(twice - sent_not_recorded),
        window_ms=max(0.0, window * 1000),
        unrecorded_ms=unrecorded_ms,
        not_acked_answered=len(set(counts) - acked),
        errors=errors,
    )
