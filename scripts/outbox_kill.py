"""SIGKILL factbot during a burst of slash commands, restart it, count what was answered.

The full-size run of tests/services/test_outbox_crash.py: `python -m bot run
--mode http` as its own process against the loopback fake Slack, N signed
`/facts` commands at concurrency C, SIGKILL the moment the K-th one gets HTTP
200, then a restart on the same database. Per round it prints how many commands
were acknowledged, how many of those were still owed a reply at the restart,
how long the restarted bot took to answer all of them, and every reply that
arrived twice (each must be one Slack received from the dead process before
that process recorded it as sent; `window` is how long before the kill the
first copy of such a reply arrived).

    python scripts/outbox_kill.py [--requests 400] [--concurrency 80] [--kill-after 133]
                                  [--unreachable-every N] [--rounds 3] [--json PATH]

With --unreachable-every N, every N-th command's response_url listens only after
the kill (see tests/crashload.py).

Exit status 1 if any round left an acknowledged command unanswered, took longer
than 60 s, or sent a duplicate the outbox does not allow.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from crashload import CrashReport, crash_under_load  # noqa: E402
from fakeslack import running_fake  # noqa: E402


def describe(r: CrashReport) -> str:
    return (
        f"acked {r.acked}/{r.requests} (answered before the kill {r.answered_before_kill}, "
        f"owed at restart {r.owed_at_restart} ({r.owed_unreachable} to an unreachable url); "
        f"outbox rows left pending {r.pending_at_kill}); "
        f"unanswered after restart {r.unanswered}; "
        f"all answered {r.recovery_s:.2f} s after the restart ({r.since_kill_s:.2f} s after "
        f"the kill); twice {r.duplicates} (Slack had them, unrecorded: {r.sent_not_recorded}; "
        f"unexplained: {r.unexplained_duplicates}; window {r.window_ms:.1f} ms, "
        f"each: {r.unrecorded_ms}); "
        f"answered without a 200: {r.not_acked_answered}"
        + (f"; errors: {r.errors}" if r.errors else "")
    )


async def main_async(args: argparse.Namespace) -> list[CrashReport]:
    reports = []
    for round_no in range(1, args.rounds + 1):
        with tempfile.TemporaryDirectory() as tmp:
            async with running_fake() as fake:
                report = await crash_under_load(
                    fake,
                    Path(tmp),
                    requests=args.requests,
                    concurrency=args.concurrency,
                    kill_after=args.kill_after or args.requests // 3,
                    unreachable_every=args.unreachable_every,
                )
        print(f"round {round_no}: {describe(report)}", flush=True)
        reports.append(report)
    return reports


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=80)
    parser.add_argument("--kill-after", type=int, default=0, help="default: a third of them")
    parser.add_argument("--unreachable-every", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", type=Path, default=None, help="write the reports here")
    args = parser.parse_args()
    reports = asyncio.run(main_async(args))
    if args.json is not None:
        args.json.write_text(json.dumps([asdict(r) for r in reports], indent=2) + "\n")
    return 0 if all(r.ok for r in reports) else 1


if __name__ == "__main__":
    sys.exit(main())
