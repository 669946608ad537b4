"""`python -m bot` as real processes, several at once on one database (the cluster tests
and bench/workers.py).

`start_workers` starts N `python -m bot run --mode http` processes, each on a port
of its own (PORT=0: the port comes from its `http_listening` log line), all pointed
at the loopback fake Slack and at one database, and returns once each answers GET
/healthz. `run_command` runs a one-shot command (`migrate`, `digest --run-once`).
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import payloads as p
from fakeslack import FakeSlack

ROOT = Path(__file__).resolve().parent.parent
#: Seconds a worker gets to start (load and index the fact base, reach the database).
START_LIMIT = 60.0


def bot_env(fake: FakeSlack | None, database: str, workdir: Path) -> dict[str, str]:
    """The environment a platform would give the bot: one database for every process."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(workdir),
        "PYTHONPATH": str(ROOT),  # this checkout's code, whatever the working directory
        "SLACK_BOT_TOKEN": p.BOT_TOKEN,
        "SLACK_SIGNING_SECRET": p.SIGNING_SECRET,
        "PORT": "0",
        "LOG_LEVEL": "INFO",
    }
    if fake is not None:
        env["SLACK_API_URL"] = fake.api_url
    if database.startswith(("postgresql://", "postgres://")):
        env["FACTBOT_DATABASE_URL"] = database
    else:
        env["FACTBOT_DB"] = database
    return env


@dataclass
class Worker:
    proc: asyncio.subprocess.Process
    port: int = 0
    lines: list[str] = field(default_factory=list)
    reader: asyncio.Task[None] | None = None
    changed: asyncio.Event = field(default_factory=asyncio.Event)

    def logged(self, event: str) -> int:
        """How many log lines are this event (`leader_acquired`, `request`, ...)."""
        return sum(
            f" {event} " in line or line.rstrip().endswith(f" {event}") for line in self.lines
        )

    async def wait_for_log(self, event: str, count: int = 1, timeout: float = 30) -> None:
        async def until() -> None:
            while self.logged(event) < count:
                self.changed.clear()
                await self.changed.wait()

        await asyncio.wait_for(until(), timeout)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/slack/events"

    @property
    def errors(self) -> list[str]:
        return [line.strip() for line in self.lines if " ERROR " in line]


async def start_worker(fake: FakeSlack, database: str, workdir: Path) -> Worker:
    """One `python -m bot run --mode http`; returns once its /healthz answers 200."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        "--mode",
        "http",
        env=bot_env(fake, database, workdir),
        cwd=ROOT,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    worker = Worker(proc)
    listening: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    async def read() -> None:
        assert proc.stdout is not None
        async for raw in proc.stdout:
            line = raw.decode("utf-8", "replace")
            worker.lines.append(line)
            worker.changed.set()
            if "http_listening" in line and not listening.done():
                listening.set_result(int(line.split("port=")[1].split()[0]))
        worker.changed.set()
        if not listening.done():
            listening.set_exception(RuntimeError("the bot exited:\n" + "".join(worker.lines)))

    worker.reader = asyncio.create_task(read())
    try:
        worker.port = await asyncio.wait_for(listening, START_LIMIT)
        async with (
            aiohttp.ClientSession() as session,
            session.get(f"http://127.0.0.1:{worker.port}/healthz") as resp,
        ):
            assert resp.status == 200, await resp.text()
    except BaseException:
        await stop_worker(worker)
        raise
    return worker


async def start_workers(fake: FakeSlack, database: str, workdir: Path, n: int) -> list[Worker]:
    """N workers on one database, started at once."""
    started = await asyncio.gather(
        *(start_worker(fake, database, workdir) for _ in range(n)), return_exceptions=True
    )
    workers = [w for w in started if isinstance(w, Worker)]
    failed = [e for e in started if isinstance(e, BaseException)]
    if failed:
        await stop_workers(workers)
        raise failed[0]
    return workers


async def stop_worker(worker: Worker) -> int:
    """SIGTERM (what a platform sends), then its exit code once the replies in flight end."""
    if worker.proc.returncode is None:
        worker.proc.send_signal(signal.SIGTERM)
    code = await asyncio.wait_for(worker.proc.wait(), 30)
    if worker.reader is not None:
        await worker.reader
    return code


async def stop_workers(workers: Sequence[Worker]) -> list[int]:
    return list(await asyncio.gather(*(stop_worker(w) for w in workers)))


async def run_command(
    args: Sequence[str], env: dict[str, str], timeout: float = 60
) -> tuple[int, str]:
    """`python -m bot <args>` to its end: (exit code, stdout and stderr together)."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        env=env,
        cwd=ROOT,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await asyncio.wait_for(proc.communicate(), timeout)
    assert proc.returncode is not None
    return proc.returncode, out.decode("utf-8", "replace")
