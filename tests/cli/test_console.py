"""The local console: `python -m bot` with no Slack tokens, driven through stdin.

The subprocess tests run the real entry point in a clean environment from an
empty folder, as a newcomer on a fresh machine would after the quick start.
"""

from __future__ import annotations

import contextlib
import io
import os
import pty
import select
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from bot.console import run_console
from bot.core.factbase import FactBase
from bot.engine import Matcher
from bot.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """No SLACK_* or FACTBOT_* variables: what a fresh shell has."""
    return {"PATH": os.environ.get("PATH", ""), "HOME": str(home), "LANG": "C.UTF-8", **extra}


def run_bot(stdin: str, cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=clean_env(cwd, **env),
        timeout=30,
        check=False,
    )


def test_piped_question_is_answered_and_the_console_exits_0(tmp_path: Path) -> None:
    done = run_bot("law 27-14?\n", tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Law 27-14" in done.stdout
    assert "\n> " in done.stdout  # the verbatim quote, as a block quote
    assert "United Nations Office on Drugs and Crime" in done.stdout  # the source line
    assert "[👍 Helpful] [👎 Not helpful]" in done.stdout
    assert done.stderr == ""
    assert list(tmp_path.iterdir()) == []  # no database file left behind


def test_console_takes_facts_commands_and_questions_line_by_line(
    factbase: FactBase, matcher: Matcher
) -> None:
    lines = [
        "/facts help",
        "/facts topics",
        "/facts list nonsense",
        "",
        "What is the BCIJ budget?",
        "quit",
        "never read",
    ]
    stdout = io.StringIO()
    stdin = io.StringIO("\n".join(lines) + "\n")
    assert run_console(Settings(), stdin=stdin, stdout=stdout, base=factbase, matcher=matcher) == 0
    out = stdout.getvalue()
    assert "/facts <question>" in out and "/facts source <fact-id>" in out
    laws = sum(1 for f in factbase.facts if f.topic == "laws")
    assert f"laws: {laws} facts" in out.replace("*", "")
    assert "There is no topic `nonsense`" in out
    assert "Usage: `/facts list <topic>`" in out
    assert "I don't know" in out and "noted the question" not in out  # nothing is logged
    assert "never read" not in out and stdin.read() == "never read\n"


def test_half_configured_environment_stops_with_one_sentence(tmp_path: Path) -> None:
    done = run_bot("", tmp_path, SLACK_BOT_TOKEN="xoxb-1-2-3")
    assert done.returncode == 2
    assert done.stdout == ""
    message = done.stderr.strip()
    assert message.count("\n") == 0
    assert "SLACK_APP_TOKEN" in message and "SLACK_SIGNING_SECRET" in message
    assert "xoxb-1-2-3" not in message


def test_procfile_modes_refuse_missing_variables(tmp_path: Path) -> None:
    done = run_bot("", tmp_path, "run", "--mode", "http")
    assert done.returncode == 2
    assert "SLACK_SIGNING_SECRET is missing" in done.stderr


def test_interactive_terminal_gets_a_banner_and_a_prompt(tmp_path: Path) -> None:
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot"],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        cwd=tmp_path,
        env=clean_env(tmp_path),
        close_fds=True,
    )
    os.close(follower)
    seen = b""

    def read_until(marker: bytes) -> None:
        nonlocal seen
        while marker not in seen:
            ready, _, _ = select.select([leader], [], [], 20)
            assert ready, f"no {marker!r} in {seen!r}"
            seen += os.read(leader, 65536)

    try:
        read_until(b"\n> ")
        assert b"factbot console" in seen
        os.write(leader, b"When was the BCIJ created?\n")
        read_until(b"May 2015")
        read_until(b"\n> ")
        os.write(leader, b"\x04")  # Ctrl-D
        assert proc.wait(timeout=20) == 0
    finally:
        proc.kill()
        proc.wait()
        os.close(leader)


CONSOLE_CASES = [
    ("/facts source bcij-established", "Morocco Combats Terrorism at Home and Abroad", None),
    ("/facts   ", "/facts help", None),
    ("topics", "Topics in the fact base", None),
    ("list the trainings held in 2019", "", "There is no topic"),  # a question, not `list`
    ("When was the BCIJ created?", "[👍 Helpful]", "[Share in channel]"),
    ("/facts law 27-14?", "[Share in channel]", None),
    ("/facts law 27-14?", "You asked: law 27-14?", None),
]


@pytest.mark.parametrize(("line", "expected", "unexpected"), CONSOLE_CASES)
def test_console_in_process(
    line: str, expected: str, unexpected: str | None, factbase: FactBase, matcher: Matcher
) -> None:
    out = io.StringIO()
    code = run_console(
        Settings(), stdin=io.StringIO(line + "\n"), stdout=out, base=factbase, matcher=matcher
    )
    assert code == 0
    assert expected in out.getvalue()
    if unexpected is not None:
        assert unexpected not in out.getvalue()


def test_a_bad_fact_base_stops_the_console(tmp_path: Path) -> None:
    out = io.StringIO()
    assert run_console(Settings(facts_dir=tmp_path), stdin=io.StringIO("x\n"), stdout=out) == 2


def test_ctrl_c_at_the_prompt_ends_the_console_at_once(tmp_path: Path) -> None:
    """Ctrl-C while the prompt waits for a line: the console ends now, not at the next Enter."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot"],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        cwd=tmp_path,
        env=clean_env(tmp_path),
        close_fds=True,
    )
    os.close(follower)
    seen = b""
    try:
        while b"\n> " not in seen:
            ready, _, _ = select.select([leader], [], [], 20)
            assert ready, f"no prompt in {seen!r}"
            seen += os.read(leader, 65536)
        proc.send_signal(signal.SIGINT)  # what the terminal sends on Ctrl-C
        assert proc.wait(timeout=10) == 0
        with contextlib.suppress(OSError):  # the pty may be gone with the process
            while select.select([leader], [], [], 0.5)[0]:
                chunk = os.read(leader, 65536)
                if not chunk:
                    break
                seen += chunk
        assert b"Traceback" not in seen
    finally:
        proc.kill()
        proc.wait()
        os.close(leader)
