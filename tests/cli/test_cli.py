"""`python -m bot ask` and `lint` as a user runs them: real subprocesses, real output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(
    *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "FACTBOT_"))}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={**base, **(env or {})},
    )


def test_ask_prints_answer_quote_and_source() -> None:
    result = run("ask", "When was the BCIJ created?")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "May 2015" in out
    assert "> In May 2015, Morocco established the Central Bureau of Judicial Investigation" in out
    assert "Morocco Combats Terrorism at Home and Abroad" in out


def test_ask_says_it_does_not_know() -> None:
    result = run("ask", "Who won the 2030 World Cup?")
    assert result.returncode == 0
    assert result.stdout.startswith("I don't know")


def test_jsonl_speaks_the_contract_one_line_per_question_in_order() -> None:
    questions = [
        "When was the BCIJ created?",
        "",
        "What's the weather in Rabat tomorrow?",
        "Quelle loi réprime la traite des êtres humains ?",
    ]
    result = run("ask", "--jsonl", stdin="\n".join(questions) + "\n")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["question"] for line in lines] == questions
    assert lines[0]["answered"] is True
    assert lines[0]["facts"][0]["source"]["title"] == "Morocco Combats Terrorism at Home and Abroad"
    assert lines[1]["answered"] is False and lines[1]["facts"] == []
    assert lines[2]["answered"] is False
    assert "27-14" in lines[3]["facts"][0]["answer"]


def test_a_broken_fact_base_is_refused_with_its_problems(tmp_path: Path) -> None:
    (tmp_path / "laws.yaml").write_text("- id: [oops\n", encoding="utf-8")
    result = run("ask", "anything", env={"FACTBOT_FACTS": str(tmp_path)})
    assert result.returncode == 2
    assert "laws.yaml:" in result.stderr
    assert "Traceback" not in result.stderr


def test_half_configured_environment_names_the_missing_variable() -> None:
    result = run("ask", "x", env={"SLACK_BOT_TOKEN": "xoxb-123"})
    assert result.returncode == 2
    assert "SLACK_SIGNING_SECRET" in result.stderr and "SLACK_APP_TOKEN" in result.stderr
    assert "xoxb-123" not in result.stderr


def test_bad_subcommand_shows_usage() -> None:
    result = run("frobnicate")
    assert result.returncode == 2
    assert "usage:" in result.stderr


def test_a_closed_pipe_ends_the_cli_quietly() -> None:
    """`python -m bot about INL | head -1`: the reader has gone before the output is written.

    The read end is closed before the process writes, so the write fails every
    time (not only when `head` happens to exit first): no traceback, no
    "Exception ignored" message, and the exit code a shell reports for SIGPIPE.
    """
    base = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "FACTBOT_"))}
    for args in (("about", "INL"), ("timeline",), ("ask", "When was the BCIJ created?")):
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            env=base,
        )
        assert proc.stdout is not None
        proc.stdout.close()
        _, err = proc.communicate(timeout=60)
        stderr = err.decode()
        assert proc.returncode in (0, 141), stderr
        assert stderr == "", args
