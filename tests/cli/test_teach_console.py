"""Teaching from the console, kept in FACTBOT_DB: a new process answers with it, export holds it.

Real subprocesses in a clean environment, as a curator runs them: the console
(`python -m bot` with no Slack tokens), then `python -m bot ask`, then `facts
export` and `lint` on what it wrote.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml
from test_console import clean_env

from bot.core.factbase import default_facts_dir

# (A wording no fact answers yet: "nine eleven" now meets "9-11", small numbers in words
# sharing their digits' key.)
WORDING = "how fast did morocco condemn the september hijackings"
VARIANT = "How fast did Morocco condemn the September hijackings?"
FACT = "morocco-denounced-9-11-attacks"


def bot(cwd: Path, *args: str, stdin: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=clean_env(cwd, **env),
        timeout=60,
        check=False,
    )


def answered_with(done: subprocess.CompletedProcess[str]) -> list[str | None]:
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    return [line["facts"][0]["id"] if line["answered"] else None for line in lines]


def test_taught_in_the_console_answered_by_ask_and_exported_lint_clean(tmp_path: Path) -> None:
    db = str(tmp_path / "factbot.db")
    asked = bot(tmp_path, "ask", "--jsonl", stdin=f"{WORDING}\n{VARIANT}\n", FACTBOT_DB=db)
    assert answered_with(asked) == [None, None], asked.stderr  # no fact answers it yet

    session = f"{WORDING}\nreview\nteach {FACT} {WORDING}\n"
    console = bot(tmp_path, stdin=session, FACTBOT_DB=db)
    assert console.returncode == 0, console.stderr
    out = console.stdout
    assert "I don't know" in out  # the wording, before
    assert f"“{WORDING}”" in out and "[Answer with " in out  # the review lists it
    assert f"Taught: “{WORDING}” now reaches" in out.replace("*", "")
    assert f"(`{FACT}`)" in out

    # A new process, with the database: the wording and a close variant reach the fact.
    asked = bot(tmp_path, "ask", "--jsonl", stdin=f"{WORDING}\n{VARIANT}\n", FACTBOT_DB=db)
    assert answered_with(asked) == [FACT, FACT], asked.stderr
    # Without FACTBOT_DB set, `ask` reads no database (not even ./factbot.db).
    plain = bot(
        tmp_path,
        "ask",
        "--jsonl",
        stdin=f"{WORDING}\n",
        **{"FACTBOT_FACTS": str(default_facts_dir())},
    )
    assert answered_with(plain) == [None]

    exported = tmp_path / "exported"
    done = bot(tmp_path, "facts", "export", "--to", str(exported), FACTBOT_DB=db)
    assert done.returncode == 0, done.stderr
    assert "1 taught phrasing(s)" in done.stderr
    lint = bot(tmp_path, "lint", str(exported))
    assert lint.returncode == 0, lint.stdout + lint.stderr
    facts = [
        fact
        for path in exported.glob("*.yaml")
        if path.name not in ("sources.yaml", "aliases.yaml")
        for fact in yaml.safe_load(path.read_text(encoding="utf-8"))
    ]
    (fact,) = [f for f in facts if f["id"] == FACT]
    assert fact["ask"][-1] == WORDING
    # The exported base answers it on its own, with no database at all.
    alone = bot(tmp_path, "ask", "--jsonl", "--facts", str(exported), stdin=f"{VARIANT}\n")
    assert answered_with(alone) == [FACT]
