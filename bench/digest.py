"""How much CPU the daily digest costs for many channels (posting excluded).

Two figures, both CPU time (time.process_time), not wall time:

* compose: `compose_digest` + `render_digest` for N channels with rotation state
  (each channel has already seen a random part of the fact base), the pure core;
* run_due: the whole `DigestRunner.run_due` for N subscribed channels on a real
  SQLite file (claim, read rotation and changes, compose, render, record),
  with a poster that returns at once instead of calling Slack.

Issue 4's bar: composing for 1,000 channels costs < 1 s of CPU.

    python bench/digest.py [--channels 1000] [--seed 7]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import resource
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.core.digest import CuratorNotes, compose_digest
from bot.core.factbase import FactBase, default_facts_dir, load_factbase
from bot.render.blocks import Message
from bot.render.digest import render_digest
from bot.services.digest_runner import DigestRunner
from bot.storage.store import open_store

TZ = ZoneInfo("Africa/Casablanca")


def bench_compose(base: FactBase, channels: int, seed: int) -> float:
    rng = random.Random(seed)
    ids = [f.id for f in base.facts]
    states = [set(rng.sample(ids, rng.randrange(len(ids)))) for _ in range(channels)]
    changes = ({ids[0]}, {ids[1]})
    notes = CuratorNotes(unanswered=(("who heads the bcij?", 2),), not_helpful=((ids[2], 1),))
    start = time.process_time()
    for n, shown in enumerate(states):
        digest = compose_digest(
            base.facts,
            channel=f"C{n:08d}",
            day=date(2026, 9, 25),
            shown_this_cycle=shown,
            changes=changes,
            curator=notes if n % 10 == 0 else None,
        )
        render_digest(digest)
    return time.process_time() - start


async def bench_run_due(base: FactBase, channels: int) -> tuple[float, int]:
    now = datetime.fromisoformat("2026-11-23T09:05:00+01:00")
    posted = 0

    async def post(channel: str, message: Message) -> str | None:
        nonlocal posted
        posted += 1
        return None

    with tempfile.TemporaryDirectory() as tmp:
        async with open_store(str(Path(tmp) / "bench.db"), clock=lambda: now) as store:
            for n in range(channels):
                await store.subscribe_digest(f"C{n:08d}", "09:00", "U1")
            runner = DigestRunner(base, store, TZ, post, clock=lambda: now, pace=0)
            start = time.process_time()
            await runner.run_due(now)
            elapsed = time.process_time() - start
    return elapsed, posted


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--channels", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    base = load_factbase(default_facts_dir())
    compose_cpu = bench_compose(base, args.channels, args.seed)
    run_cpu, posted = asyncio.run(bench_run_due(base, args.channels))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"fact base: {len(base.facts)} facts; channels: {args.channels}")
    print(
        f"compose + render (pure):          {compose_cpu:.3f} s CPU "
        f"({1000 * compose_cpu / args.channels:.2f} ms per channel)"
    )
    print(
        f"run_due incl. SQLite (no posting): {run_cpu:.3f} s CPU "
        f"({1000 * run_cpu / args.channels:.2f} ms per channel, {posted} digests)"
    )
    print(f"peak RSS: {peak_mb:.0f} MB")
    verdict = "met" if compose_cpu < 1.0 else "NOT met"
    print(f"target: compose for 1,000 channels < 1 s CPU: {verdict}")
    print(f"reproduce: python bench/digest.py --channels {args.channels} --seed {args.seed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
