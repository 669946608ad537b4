"""The crash the outbox exists for: SIGKILL under load, restart on the same database.

A real `python -m bot` process, real signed requests, a real SIGKILL the moment
the 40th of 120 slash commands (concurrency 40) is acknowledged. Every 10th
command's response_url does not listen until after the kill, so some commands
are certainly acknowledged and unanswered when the process dies. After the
restart, every command that got HTTP 200 is answered within 60 s, and the only
replies that arrive twice are ones Slack had received from the dead process
before it could record them as sent. scripts/outbox_kill.py runs the full size
(400 commands at concurrency 80).
"""

from __future__ import annotations

from pathlib import Path

from crashload import RECOVERY_LIMIT, crash_under_load
from fakeslack import FakeSlack


async def test_sigkill_under_load_then_restart_answers_every_acknowledged_command(
    fake: FakeSlack, tmp_path: Path
) -> None:
    report = await crash_under_load(
        fake, tmp_path, requests=120, concurrency=40, kill_after=40, unreachable_every=10
    )
    assert report.acked >= 40 and report.owed_unreachable > 0, report  # acked, still owed
    assert report.unanswered == 0, report
    assert report.recovery_s <= RECOVERY_LIMIT, report
    assert report.unexplained_duplicates == 0, report
    assert report.duplicates <= report.sent_not_recorded, report
    assert report.errors == [], report
