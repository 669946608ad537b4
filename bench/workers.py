"""Throughput of 1, 2 and 3 HTTP workers on one PostgreSQL, against 1 worker on SQLite.

Each worker is `python -m bot run --mode http`, its own process on a port of its own
(tests/botprocs.py), all pointed at the loopback fake of Slack (tests/fakeslack.py)
that runs in this script's process. For each configuration, on a fresh database,
the script sends N signed `/facts` slash commands, spread over the workers in turn
(what a round-robin router does), at concurrency C, each with a response_url of its
own, after a warm-up of W commands. It reports:

* answered/s: commands answered (response_url posts received by the fake) per second,
  from the first command sent to the last reply received;
* ack p50 / p99: from sending a command to its HTTP 200;
* answered once / twice / missing: replies per command (each must be exactly one);
* errors: non-200 acks and ERROR lines in the workers' logs.

    python bench/workers.py --postgres postgresql://postgres@127.0.0.1:55432/postgres
                            [--requests 1200] [--concurrency 60] [--warmup 60]
                            [--rounds 3] [--markdown]
    python bench/workers.py --sqlite-only      # 1 worker on SQLite, no PostgreSQL needed

The PostgreSQL URL is a server where the script may create (and then drops) databases;
without --postgres, FACTBOT_TEST_DATABASE_URL. With several rounds the configurations
alternate and the median of each figure is shown.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import itertools
import os
import platform
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import payloads as p  # noqa: E402
from botprocs import Worker, start_workers, stop_workers  # noqa: E402
from fakeslack import FakeSlack, running_fake  # noqa: E402
from pgdb import throwaway_database  # noqa: E402

QUESTIONS = (
    "When was the BCIJ created?",
    "law 27-14?",
    "What is the BCIJ budget?",
    "Quand le BCIJ a-t-il été créé ?",
    "Which law covers human trafficking?",
)
CONFIGS = (("sqlite", 1), ("postgresql", 1), ("postgresql", 2), ("postgresql", 3))
REPLY_TIMEOUT = 120.0


@dataclass
class Result:
    backend: str
    workers: int
    requests: int
    concurrency: int
    answered_per_s: float
    ack_p50_ms: float
    ack_p99_ms: float
    once: int
    twice: int
    missing: int
    errors: int


@asynccontextmanager
async def fresh_database(backend: str, server: str, workdir: Path) -> AsyncIterator[str]:
    if backend == "sqlite":
        path = workdir / f"bench-{secrets.token_hex(4)}.db"
        yield str(path)
        return
    async with throwaway_database(server, "factbot_bench") as url:
        yield url


async def send(
    fake: FakeSlack, workers: list[Worker], n: int, concurrency: int, tag: str
) -> tuple[list[float], int, float, list[str]]:
    """N commands over the workers in turn: (ack ms, non-200s, seconds to the last reply,
    the response_url paths)."""
    paths = [f"/hooks/{tag}-{i}" for i in range(n)]
    bodies = [
        p.slash_command(
            QUESTIONS[i % len(QUESTIONS)],
            response_url=f"http://127.0.0.1:{fake.port}{path}",
            user_id=f"U{i % 97:05d}",
            channel_id=f"C{i % 13:05d}",
        )
        for i, path in enumerate(paths)
    ]
    targets = itertools.cycle(workers)
    urls = [next(targets).url for _ in bodies]
    gate = asyncio.Semaphore(concurrency)
    acks: list[float] = []
    bad = 0
    wanted = set(paths)
    first_call = len(fake.calls)

    answered: set[str] = set()
    read = [first_call]

    def all_answered() -> bool:  # reads each new call once: the fake's CPU is the harness's
        for call in fake.calls[read[0] :]:
            if call.method == "response_url" and call.path in wanted:
                answered.add(call.path)
        read[0] = len(fake.calls)
        return len(answered) >= n

    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def one(url: str, body: bytes) -> None:
            nonlocal bad
            async with gate:
                headers = p.signed_headers(body, p.FORM)
                sent = time.perf_counter()
                try:
                    async with session.post(url, data=body, headers=headers) as resp:
                        await resp.read()
                        status = resp.status
                except aiohttp.ClientError:
                    status = 0
                acks.append((time.perf_counter() - sent) * 1000)
                bad += status != 200

        started = time.perf_counter()
        await asyncio.gather(*(one(u, b) for u, b in zip(urls, bodies, strict=True)))
        with contextlib.suppress(TimeoutError):
            await fake.wait_until(all_answered, REPLY_TIMEOUT)
        done = time.perf_counter()
    return acks, bad, done - started, paths


async def measure(
    backend: str, count: int, server: str, args: argparse.Namespace, workdir: Path
) -> Result:
    async with running_fake() as fake, fresh_database(backend, server, workdir) as database:
        workers = await start_workers(fake, database, workdir, count)
        try:
            await send(fake, workers, args.warmup, args.concurrency, "warm")
            acks, bad, seconds, paths = await send(
                fake, workers, args.requests, args.concurrency, "run"
            )
            await asyncio.sleep(0.5)  # a benchmark, not a test: give late duplicates a chance
            wanted = set(paths)
            per_path = collections.Counter(
                c.path for c in fake.calls_to("response_url") if c.path in wanted
            )
        finally:
            await stop_workers(workers)
    ordered = sorted(acks)
    return Result(
        backend=backend,
        workers=count,
        requests=args.requests,
        concurrency=args.concurrency,
        answered_per_s=len(per_path) / seconds,
        ack_p50_ms=statistics.median(ordered),
        ack_p99_ms=ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))],
        once=sum(1 for n in per_path.values() if n == 1),
        twice=sum(1 for n in per_path.values() if n > 1),
        missing=args.requests - len(per_path),
        errors=bad + sum(len(w.errors) for w in workers),
    )


def median_result(results: list[Result]) -> Result:
    first = results[0]

    def med(name: str) -> float:
        return float(statistics.median(getattr(r, name) for r in results))

    return Result(
        backend=first.backend,
        workers=first.workers,
        requests=first.requests,
        concurrency=first.concurrency,
        answered_per_s=med("answered_per_s"),
        ack_p50_ms=med("ack_p50_ms"),
        ack_p99_ms=med("ack_p99_ms"),
        once=min(r.once for r in results),
        twice=max(r.twice for r in results),
        missing=max(r.missing for r in results),
        errors=max(r.errors for r in results),
    )


def table(results: list[Result], markdown: bool) -> str:
    head = (
        "| backend | workers | commands | concurrency | answered/s | ack p50 ms | ack p99 ms"
        " | answered once | twice | missing | errors |"
    )
    lines = [head, "|" + "---|" * 11] if markdown else []
    for r in results:
        cells = (
            r.backend,
            r.workers,
            r.requests,
            r.concurrency,
            f"{r.answered_per_s:.0f}",
            f"{r.ack_p50_ms:.1f}",
            f"{r.ack_p99_ms:.1f}",
            r.once,
            r.twice,
            r.missing,
            r.errors,
        )
        if markdown:
            lines.append("| " + " | ".join(str(c) for c in cells) + " |")
        else:
            lines.append(
                f"{r.backend:<10} x{r.workers}: {r.answered_per_s:6.0f} answered/s, ack p50"
                f" {r.ack_p50_ms:6.1f} ms p99 {r.ack_p99_ms:6.1f} ms; once {r.once}, twice"
                f" {r.twice}, missing {r.missing}, errors {r.errors}"
            )
    return "\n".join(lines)


async def main_async(args: argparse.Namespace, server: str) -> list[Result]:
    configs = [c for c in CONFIGS if c[0] == "sqlite"] if args.sqlite_only else list(CONFIGS)
    rounds: dict[tuple[str, int], list[Result]] = collections.defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        for round_no in range(1, args.rounds + 1):
            for backend, count in configs:
                result = await measure(backend, count, server, args, Path(tmp))
                print(f"round {round_no}: {table([result], markdown=False)}", flush=True)
                rounds[(backend, count)].append(result)
    return [median_result(rounds[config]) for config in configs]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", default=os.environ.get("FACTBOT_TEST_DATABASE_URL", ""))
    parser.add_argument("--requests", type=int, default=1200)
    parser.add_argument("--concurrency", type=int, default=60)
    parser.add_argument("--warmup", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument(
        "--sqlite-only", action="store_true", help="only 1 worker on SQLite (no PostgreSQL)"
    )
    args = parser.parse_args()
    if not args.postgres and not args.sqlite_only:
        parser.error("--postgres (or FACTBOT_TEST_DATABASE_URL): a server to create databases on")
    print(
        f"machine: {os.cpu_count()} CPUs (os.cpu_count), {platform.machine()},"
        f" Python {platform.python_version()}; the harness and the fake Slack share this"
        " machine with the workers and the database"
    )
    print(
        "command: python bench/workers.py"
        + (" --sqlite-only" if args.sqlite_only else " --postgres URL")
        + f" --requests {args.requests} --concurrency {args.concurrency}"
        f" --warmup {args.warmup} --rounds {args.rounds}" + (" --markdown" if args.markdown else "")
    )
    results = asyncio.run(main_async(args, args.postgres))
    print(table(results, args.markdown))
    ok = all(r.twice == 0 and r.missing == 0 and r.errors == 0 for r in results)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
