"""`python -m bot` and `factbot`: one entry point for every way the bot runs.

    python -m bot                 run: Socket Mode, HTTP or the local console, by settings
    python -m bot run --mode M    run mode M (socket, http, console) whatever else is set
    python -m bot ask "question"  answer one question (or many, one per line, on stdin)
    python -m bot ask --jsonl     the answer contract, for evaluation
    python -m bot lint [PATH]     check a fact base
    python -m bot timeline [topic or institution] [from-to]   dated facts in order
    python -m bot about NAME      an institution's card
    python -m bot digest --run-once [--now ISO]         post the digests due now (cron)
    python -m bot digest --channel C --dry-run [--team T] [--date D]   print a digest, post nothing
    python -m bot facts export --to DIR   the fact base with what was taught in Slack merged in
    python -m bot migrate         bring the database's schema up to date (the Procfile's release)

Each subcommand is one entry in `COMMANDS`: its name, help, arguments, and the
module that carries it out (`bot.cli.<name>`, with `main(args, settings) -> int`).
The module is imported by name only when its subcommand runs, so `ask` and `lint`
never load the Slack libraries (0.3 s of a 0.45 s cold start) and start fast.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from bot.settings import Settings, SettingsError


@dataclass(frozen=True, slots=True)
class CliCommand:
    """One `python -m bot` subcommand: its arguments here, its work in `module`."""

    name: str
    help: str
    arguments: Callable[[argparse.ArgumentParser], None]
    module: str  # imported when the subcommand runs; defines main(args, settings) -> int
    needs_mode: bool = True  # False: runs without a complete Slack configuration


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-23") from None


def _iso_moment(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a moment with its offset, like 2026-11-23T09:05:00+01:00"
        )
    return moment


def _run_arguments(run: argparse.ArgumentParser) -> None:
    run.add_argument(
        "--mode",
        choices=("socket", "http", "console"),
        default=None,
        help="run this mode even if the environment would pick another (Procfile)",
    )
    run.add_argument(
        "--wait-for-slack",
        type=float,
        default=None,
        metavar="SECONDS",
        help="how long start-up retries while Slack cannot be reached (default 30)",
    )


def _ask_arguments(ask: argparse.ArgumentParser) -> None:
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
    ask.add_argument(
        "--lang",
        choices=("en", "fr"),
        default=None,
        help="answer in this language (default: the question's own language)",
    )


def _timeline_arguments(timeline: argparse.ArgumentParser) -> None:
    timeline.add_argument("filter", nargs="*", help="a topic, an institution, a word, and/or years")
    timeline.add_argument("--lang", choices=("en", "fr"), default="en")


def _about_arguments(about: argparse.ArgumentParser) -> None:
    about.add_argument("name", nargs="+", help="an institution or acronym, e.g. INL")
    about.add_argument("--lang", choices=("en", "fr"), default="en")


def _lint_arguments(lint: argparse.ArgumentParser) -> None:
    lint.add_argument(
        "path",
        nargs="?",
        type=Path,
        default=None,
        help="fact base folder (default: $FACTBOT_FACTS or the packaged facts/)",
    )


def _digest_arguments(digest: argparse.ArgumentParser) -> None:
    what = digest.add_mutually_exclusive_group(required=True)
    what.add_argument(
        "--dry-run", action="store_true", help="print --channel's digest, post nothing"
    )
    what.add_argument(
        "--run-once", action="store_true", help="post every digest due now, then exit"
    )
    digest.add_argument("--channel", help="the channel id (C...), with --dry-run")
    digest.add_argument(
        "--team",
        help="the workspace id (T...) the channel is in, with --dry-run; needed, and only"
        " taken, with several workspaces (SLACK_CLIENT_ID)",
    )
    digest.add_argument("--date", type=_iso_date, help="the local day, with --dry-run (YYYY-MM-DD)")
    digest.add_argument(
        "--now", type=_iso_moment, help="the moment, with --run-once (ISO 8601 with offset)"
    )


def _facts_arguments(facts: argparse.ArgumentParser) -> None:
    actions = facts.add_subparsers(dest="facts_action", metavar="ACTION", required=True)
    export = actions.add_parser(
        "export", help="write the fact base with what curators taught in Slack merged in"
    )
    export.add_argument(
        "--to", type=Path, required=True, help="folder to write (the fact base's own folder works)"
    )
    export.add_argument(
        "--facts",
        type=Path,
        default=None,
        help="fact base folder (default: $FACTBOT_FACTS or the packaged facts/)",
    )


COMMANDS: tuple[CliCommand, ...] = (
    CliCommand(
        "run",
        "run the bot (the default): Socket Mode, HTTP or the console",
        _run_arguments,
        "bot.cli.run",
    ),
    CliCommand("ask", "answer questions from the command line", _ask_arguments, "bot.cli.ask"),
    CliCommand(
        "timeline",
        "dated facts in order: [topic or institution] [from-to], e.g. INL 2010-2016",
        _timeline_arguments,
        "bot.cli.browse",
    ),
    CliCommand(
        "about",
        "an institution's card: names and every fact about it",
        _about_arguments,
        "bot.cli.browse",
    ),
    CliCommand(
        "lint",
        "check a fact base; exit 1 and list problems if any",
        _lint_arguments,
        "bot.cli.lint",
    ),
    CliCommand(
        "digest",
        "print a channel's daily digest, or post every digest that is due (for cron)",
        _digest_arguments,
        "bot.cli.digest",
        needs_mode=False,
    ),
    CliCommand(
        "migrate",
        "bring the database's schema up to date (FACTBOT_DATABASE_URL or FACTBOT_DB)",
        lambda _: None,
        "bot.cli.migrate",
        needs_mode=False,
    ),
    CliCommand(
        "facts",
        "export: the fact base with taught phrasings, review dates and approved facts merged in",
        _facts_arguments,
        "bot.cli.facts",
        needs_mode=False,
    ),
)
BY_NAME = {c.name: c for c in COMMANDS}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="factbot: sourced answers about rule-of-law cooperation with Morocco.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.arguments(sub.add_parser(command.name, help=command.help))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    command = BY_NAME[args.command or "run"]
    problem = _misused(args)
    if problem:
        parser.error(problem)
    try:
        settings = Settings.from_env(os.environ, need_mode=command.needs_mode)
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
    carry_out: Callable[[argparse.Namespace, Settings], int] = importlib.import_module(
        command.module
    ).main
    try:
        code = carry_out(args, settings)
        sys.stdout.flush()  # a closed pipe shows here, not as a message at exit
    except BrokenPipeError:
        return _reader_left()
    return code


#: The exit code of a program that a closed pipe ended (128 + SIGPIPE), as shells report it.
EXIT_PIPE_CLOSED = 141


def _reader_left() -> int:
    """The program reading our output has gone (`... | head -1`): end quietly.

    What is still buffered for stdout goes to /dev/null, so Python's own flush at
    exit does not fail again. The code is the one a shell reports for a program
    that SIGPIPE ended, so `set -o pipefail` scripts see what happened.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return EXIT_PIPE_CLOSED


def _misused(args: argparse.Namespace) -> str | None:
    """Combinations of arguments argparse cannot express."""
    if args.command != "digest":
        return None
    if args.dry_run and not args.channel:
        return "digest --dry-run needs --channel C..."
    if args.run_once and (args.channel or args.date or args.team):
        return "digest --run-once posts every due digest: no --channel, --team or --date"
    if args.dry_run and args.now:
        return "digest --dry-run takes --date, not --now"
    return None
