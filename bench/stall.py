"""Stalled connections against the HTTP endpoint, while Slack's own requests come in.

The bot runs as `python -m bot run --mode http` (its own process, logging at
INFO) against the loopback fake of Slack (tests/fakeslack.py) in this process.
The script opens N connections to it on 127.0.0.1 that stall, in three ways, a
third each:

* **headers**: part of a request's headers, then nothing (slowloris);
* **trickle**: part of the headers, then one more byte every `--trickle-every`
  seconds, for as long as the connection stays open;
* **body**: complete headers announcing a 500-byte body, then 5 bytes of it.

Once they are all open, it sends M signed `/facts` slash commands, one every
`--spacing` seconds, and measures each one's ack (from sending to the HTTP
response) and whether its answer arrives. It then waits for the server to close
every stalled connection and reports:

* ack max and p50 of the legitimate requests (bar: each within 2 s), answered;
* how long the server took to close the stalled connections, by kind (bar: all
  within 60 s of opening);
* the lines the bot logged during the run (bar: under 2,000), and any traceback.

    python bench/stall.py [--stalled 600] [--legit 20] [--markdown] [--json PATH]

Traffic stays on 127.0.0.1; the run is bounded (at most `--stalled` sockets, and
`--deadline` seconds for the server to close them).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import aiohttp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

import payloads as p  # noqa: E402
from fakeslack import FakeSlack  # noqa: E402
from load_http import Target, start, stop  # noqa: E402

HEAD = b"POST /slack/events HTTP/1.1\r\nHost: factbot\r\nContent-Type: application/x-www-"
BODY = (
    b"POST /slack/events HTTP/1.1\r\nHost: factbot\r\n"
    b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 500\r\n\r\ntext="
)
KINDS = ("headers", "trickle", "body")
#: The bars this benchmark checks (the issue's).
ACK_BAR_S = 2.0
CLOSE_BAR_S = 60.0
LOG_BAR_LINES = 2000


@dataclass
class Stall:
    kind: str
    opened: float
    closed: float | None = None
    writer: asyncio.StreamWriter | None = None


@dataclass
class Result:
    stalled: int
    legit: int
    acks_ms: list[float] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)
    answered: int = 0
    closed_s: dict[str, list[float]] = field(default_factory=dict)
    never_closed: int = 0
    log_lines: int = 0
    tracebacks: int = 0
    errors: int = 0
    exit_code: int = -1


async def open_stall(port: int, kind: str) -> Stall:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(BODY if kind == "body" else HEAD)
    await writer.drain()
    stall = Stall(kind, time.monotonic(), writer=writer)

    async def watch() -> None:
        with contextlib.suppress(ConnectionError):
            await reader.read()  # returns at EOF: the server closed it
        stall.closed = time.monotonic()

    stall_watch = asyncio.create_task(watch())
    _watchers.add(stall_watch)
    stall_watch.add_done_callback(_watchers.discard)
    return stall


_watchers: set[asyncio.Task[None]] = set()


async def trickle(stalls: list[Stall], every: float) -> None:
    """One more header byte on each open trickle connection every `every` seconds."""
    while True:
        await asyncio.sleep(every)
        for stall in stalls:
            if stall.kind == "trickle" and stall.closed is None and stall.writer is not None:
                with contextlib.suppress(ConnectionError, RuntimeError):
                    stall.writer.write(b"x")


async def run(args: argparse.Namespace) -> Result:
    fake = FakeSlack()
    await fake.start()
    result = Result(args.stalled, args.legit)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            target: Target = await start("factbot", fake, Path(tmp))
            try:
                await attack(target, fake, args, result)
            finally:
                result.exit_code, _ = await stop(target)
            result.log_lines = len(target.log)
            result.tracebacks = sum("Traceback" in line for line in target.log)
            result.errors = sum(" ERROR " in line for line in target.log)
    finally:
        await fake.stop()
    return result


async def attack(target: Target, fake: FakeSlack, args: argparse.Namespace, result: Result) -> None:
    target.log.clear()  # count what the run writes, not the start-up
    stalls = [await open_stall(target.port, KINDS[i % 3]) for i in range(args.stalled)]
    trickler = asyncio.create_task(trickle(stalls, args.trickle_every))
    try:
        async with aiohttp.ClientSession() as session:
            for n in range(args.legit):
                path = f"/hooks/legit{n}"
                body = p.slash_command(
                    "When was the BCIJ created?", response_url=f"http://127.0.0.1:{fake.port}{path}"
                )
                sent = time.perf_counter()
                try:
                    async with session.post(
                        target.url, data=body, headers=p.signed_headers(body, p.FORM)
                    ) as resp:
                        await resp.read()
                        result.statuses.append(resp.status)
                except aiohttp.ClientError:
                    result.statuses.append(0)
                result.acks_ms.append((time.perf_counter() - sent) * 1000)
                await asyncio.sleep(args.spacing)
        paths = {f"/hooks/legit{n}" for n in range(args.legit)}

        def answered() -> int:
            return len({c.path for c in fake.calls_to("response_url")} & paths)

        with contextlib.suppress(TimeoutError):
            await fake.wait_until(lambda: answered() == len(paths), timeout=10)
        result.answered = answered()
        deadline = min(s.opened for s in stalls) + args.deadline
        while any(s.closed is None for s in stalls) and time.monotonic() < deadline:
            await asyncio.sleep(0.25)  # a benchmark, not a test: poll the sockets' state
    finally:
        trickler.cancel()
        for stall in stalls:
            if stall.writer is not None:
                stall.writer.close()
    for kind in KINDS:
        result.closed_s[kind] = sorted(
            s.closed - s.opened for s in stalls if s.kind == kind and s.closed is not None
        )
    result.never_closed = sum(s.closed is None for s in stalls)


def checks(r: Result) -> list[tuple[str, str, str, bool]]:
    worst_ack = max(r.acks_ms) / 1000
    closes = [x for xs in r.closed_s.values() for x in xs]
    worst_close = max(closes) if closes else float("inf")
    return [
        (
            f"{r.legit} signed requests acked",
            f"each within {ACK_BAR_S:g} s, all 200",
            f"max {worst_ack:.3f} s, statuses {sorted(set(r.statuses))}",
            worst_ack < ACK_BAR_S and set(r.statuses) == {200},
        ),
        ("their answers", "all delivered", f"{r.answered}/{r.legit}", r.answered == r.legit),
        (
            f"{r.stalled} stalled connections",
            f"closed by the server within {CLOSE_BAR_S:g} s",
            f"{r.stalled - r.never_closed}/{r.stalled} closed, the last after {worst_close:.1f} s",
            r.never_closed == 0 and worst_close <= CLOSE_BAR_S,
        ),
        (
            "log growth",
            f"< {LOG_BAR_LINES:,} lines, no traceback",
            f"{r.log_lines} lines, {r.tracebacks} tracebacks, {r.errors} ERROR",
            r.log_lines < LOG_BAR_LINES and r.tracebacks == 0,
        ),
    ]


def report(r: Result, args: argparse.Namespace, markdown: bool) -> str:
    lines = []
    rows = [("stall", "connections", "closed after (min / median / max s)")]
    for kind in KINDS:
        xs = r.closed_s.get(kind, [])
        figures = f"{xs[0]:.1f} / {statistics.median(xs):.1f} / {xs[-1]:.1f}" if xs else "none"
        rows.append((kind, str(sum(1 for i in range(r.stalled) if KINDS[i % 3] == kind)), figures))
    acks = sorted(r.acks_ms)
    if markdown:
        lines += ["| " + " | ".join(row) + " |" for row in rows[:1]]
        lines.append("|---|--:|--:|")
        lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
        lines += ["", "| what | bar | measured | met |", "|---|---|---|:-:|"]
        lines += [f"| {a} | {b} | {c} | {'yes' if ok else 'no'} |" for a, b, c, ok in checks(r)]
    else:
        lines += [f"{a:>8}  {b:>11}  {c}" for a, b, c in rows]
        lines.append("")
        lines += [f"{'ok' if ok else 'NO'}  {a}, {b}: {c}" for a, b, c, ok in checks(r)]
    lines.append("")
    lines.append(
        f"Legitimate acks: p50 {statistics.median(acks):.1f} ms, max {acks[-1]:.1f} ms. "
        f"Bot exit code after SIGTERM: {r.exit_code}."
    )
    lines.append(
        f"Machine: {os.cpu_count()} CPUs, {platform.processor() or platform.machine()}, "
        f"Python {platform.python_version()}."
    )
    lines.append(
        f"Reproduce: python bench/stall.py --stalled {args.stalled} --legit {args.legit} "
        f"--spacing {args.spacing:g} --trickle-every {args.trickle_every:g}"
    )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stalled", type=int, default=600)
    parser.add_argument("--legit", type=int, default=20)
    parser.add_argument("--spacing", type=float, default=0.5, help="seconds between two legit")
    parser.add_argument("--trickle-every", type=float, default=5.0)
    parser.add_argument("--deadline", type=float, default=90.0, help="give up waiting after")
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    if not 0 < args.stalled <= 2000:
        parser.error("--stalled must be between 1 and 2000 (loopback only, bounded)")
    result = asyncio.run(run(args))
    print(report(result, args, args.markdown))
    if args.json:
        args.json.write_text(json.dumps(asdict(result), indent=2))
    return 0 if all(ok for *_, ok in checks(result)) else 1


if __name__ == "__main__":
    sys.exit(main())
