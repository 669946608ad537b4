"""`python -m bot` and `factbot`: one entry point for every way the bot runs.

    python -m bot                 run: Socket Mode, HTTP or the local console, by settings
    python -m bot run --mode M    run mode M (socket, http, console) whatever else is set
    python -m bot ask "question"  answer one question (or many, one per line, on stdin)
    python -m bot ask --jsonl     the answer contract, for evaluation
    python -m bot lint [PATH]     check a fact base

Slack libraries are imported only by the commands that need them, so `ask`
and `lint` start fast.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.settings import Settings, SettingsError

logger = logging.getLogger(__name__)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="factbot: sourced answers about rule-of-law cooperation with Morocco.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    run = sub.add_parser("run", help="run the bot (the default): Socket Mode, HTTP or the console")
    run.add_argument(
        "--mode",
        choices=("socket", "http", "console"),
        default=None,
        help="run this mode even if the environment would pick another (Procfile)",
    )
    ask = sub.add_parser("ask", help="answer questions from the command line")
    ask.add_argument("question", nargs="*", help="the question; without it, one per line on stdin")
    ask.add_argument(
        "--jsonl",
        action="store_true",
        help="write one JSON object per question (see shared/eval/CONTRACT.md)",
    )
    ask.add_argument(
        "--facts",
        type=Path,
        default=None,
        help="fact base folder (default: $FACTBOT_FACTS or the packaged facts/)",
    )
    lint = sub.add_parser("lint", help="check a fact base; exit 1 and list problems if any")
    lint.add_argument(
        "path",
        nargs="?",
        type=Path,
        default=None,
        help="fact base folder (default: $FACTBOT_FACTS or the packaged facts/)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = Settings.from_env(os.environ)
        if getattr(args, "mode", None):
            settings = settings.with_mode(args.mode)
    except SettingsError as exc:
        print(f"factbot: {exc}", file=sys.stderr)
        return 2
    logging.basicConfig(
        level=settings.log_level,
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
    )
    command = args.command or "run"
    if command == "ask":
        return _ask(args, settings)
    if command == "lint":
        return _lint(args.path or settings.facts_dir)
    from bot.runner import run

    return run(settings)


def _ask(args: argparse.Namespace, settings: Settings) -> int:
    from bot.factbase import FactBaseError, load_factbase
    from bot.matching import Matcher
    from bot.present import answer_json, answer_text

    try:
        base = load_factbase(args.facts or settings.facts_dir)
    except FactBaseError as exc:
        print(
            f"factbot: the fact base has problems (run `python -m bot lint`):\n{exc}",
            file=sys.stderr,
        )
        return 2
    matcher = Matcher(base)
    questions: list[str] | None = [" ".join(args.question)] if args.question else None
    out = sys.stdout
    lines = questions if questions is not None else (line.rstrip("\n") for line in sys.stdin)
    for line in lines:
        question = line.strip()
        if not question and not args.jsonl:
            continue
        answer = matcher.ask(question)
        if args.jsonl:
            out.write(json.dumps(answer_json(answer), ensure_ascii=False) + "\n")
            out.flush()
        else:
            if questions is None:
                out.write(f"? {question}\n")
            out.write(answer_text(answer) + "\n\n")
    return 0


def _lint(path: Path) -> int:
    from bot.factbase import check_factbase

    base, problems = check_factbase(path)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) in {path}", file=sys.stderr)
        return 1
    print(
        f"ok: {len(base.facts)} facts, {len(base.sources)} sources, "
        f"{len(base.entities)} entities, {len(base.synonyms)} synonym groups",
        file=sys.stderr,
    )
    return 0
