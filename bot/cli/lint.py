"""`python -m bot lint [PATH]`: check a fact base; every problem as `file:line: message`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.cli.common import print_problems
from bot.core.factbase import check_factbase
from bot.engine import NAMED_SYNONYM_GROUPS
from bot.settings import Settings


def main(args: argparse.Namespace, settings: Settings) -> int:
    path: Path = args.path or settings.facts_dir
    base, problems = check_factbase(path, named_groups=NAMED_SYNONYM_GROUPS)
    if print_problems(problems, str(path)):
        return 1
    print(
        f"ok: {len(base.facts)} facts, {len(base.sources)} sources, "
        f"{len(base.entities)} entities, {len(base.synonyms)} synonym groups",
        file=sys.stderr,
    )
    return 0
