"""What the CLI subcommands share: loading the fact base or saying why not."""

from __future__ import annotations

import sys
from pathlib import Path

from bot.core.factbase import FactBase, FactBaseError, Problem, load_factbase


def load_or_explain(path: Path) -> FactBase | None:
    """The fact base at `path`; on problems, say so on stderr and return None (exit 2)."""
    try:
        return load_factbase(path)
    except FactBaseError as exc:
        print(
            f"factbot: the fact base has problems (run `python -m bot lint`):\n{exc}",
            file=sys.stderr,
        )
        return None


def print_problems(problems: list[Problem], where: str) -> bool:
    """Every problem as `file:line: message` on stdout and a count on stderr; True if any."""
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) in {where}", file=sys.stderr)
    return bool(problems)
