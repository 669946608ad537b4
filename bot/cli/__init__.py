"""`python -m bot` and `factbot`: one entry point for every way the bot runs.

    python -m bot                 run: Socket Mode, HTTP or the local console, by settings
    python -m bot run --mode M    run mode M (socket, http, console) whatever else is set
    python -m bot ask "question"  answer one question (or many, one per line, on stdin)
    python -m bot ask --jsonl     the answer contract, for evaluation
    python -m bot lint [PATH]     check a fact base
    python -m bot timeline [topic or institution] [from-to]   dated facts in order
    python -m bot about NAME      an institution's card
    python -m bot digest --run-once [--now ISO]         post the digests due now (cron)
    python -m bot digest --channel C --dry-run [--date D] print a digest, post nothing

Slack libraries are imported only by the commands that need them, so `ask`
and `lint` start fast.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
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
    ask.add_argument(
        "--lang",
        choices=("en", "fr"),
        default=None,
        help="answer in this language (default: the question's own language)",
    )
    timeline = sub.add_parser(
        "timeline",
        help="dated facts in order: [topic or institution] [from-to], e.g. INL 2010-2016",
    )
    timeline.add_argument("filter", nargs="*", help="a topic, an institution, a word, and/or years")
    timeline.add_argument("--lang", choices=("en", "fr"), default="en")
    about = sub.add_parser("about", help="an institution's card: names and every fact about it")
    about.add_argument("name", nargs="+", help="an institution or acronym, e.g. INL")
    about.add_argument("--lang", choices=("en", "fr"), default="en")
    lint = sub.add_parser("lint", help="check a fact base; exit 1 and list problems if any")
    lint.add_argument(
        "path",
        nargs="?",
        type=Path,
        default=None,
        help="fact base folder (default: $FACTBOT_FACTS or the packaged facts/)",
    )
    digest = sub.add_parser(
        "digest",
        help="print a channel's daily digest, or post every digest that is due (for cron)",
    )
    what = digest.add_mutually_exclusive_group(required=True)
    what.add_argument(
        "--dry-run", action="store_true", help="print --channel's digest, post nothing"
    )
    what.add_argument(
        "--run-once", action="store_true", help="post every digest due now, then exit"
    )
    digest.add_argument("--channel", help="the channel id (C...), with --dry-run")
    digest.add_argument("--date", type=_iso_date, help="the local day, with --dry-run (YYYY-MM-DD)")
    digest.add_argument(
        "--now", type=_iso_moment, help="the moment, with --run-once (ISO 8601 with offset)"
    )
    return parser


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


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "digest":
        if args.dry_run and not args.channel:
            parser.error("digest --dry-run needs --channel C...")
        if args.run_once and (args.channel or args.date):
            parser.error("digest --run-once posts every due digest: no --channel or --date")
        if args.dry_run and args.now:
            parser.error("digest --dry-run takes --date, not --now")
    try:
        settings = Settings.from_env(os.environ, need_mode=args.command != "digest")
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
    if command in ("timeline", "about"):
        return _browse(args, settings)
    if command == "lint":
        return _lint(args.path or settings.facts_dir)
    if command == "digest":
        from bot.core.factbase import FactBaseError

        if args.run_once and not settings.bot_token:
            print(
                "factbot: SLACK_BOT_TOKEN is missing: --run-once posts to Slack.", file=sys.stderr
            )
            return 2
        try:
            return asyncio.run(_digest(args, settings))
        except FactBaseError as exc:
            print(
                f"factbot: the fact base has problems (run `python -m bot lint`):\n{exc}",
                file=sys.stderr,
            )
            return 2
    from bot.runner import run

    return run(settings)


def _ask(args: argparse.Namespace, settings: Settings) -> int:
    from bot.core.factbase import FactBaseError, load_factbase
    from bot.matching import Matcher
    from bot.render.plain import answer_json, answer_text

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
        if args.lang:
            answer = replace(answer, language=args.lang)
        if args.jsonl:
            out.write(json.dumps(answer_json(answer), ensure_ascii=False) + "\n")
            out.flush()
        else:
            if questions is None:
                out.write(f"? {question}\n")
            out.write(answer_text(answer) + "\n\n")
    return 0


async def _digest(args: argparse.Namespace, settings: Settings) -> int:
    from bot.services.deps import open_deps
    from bot.services.digest_runner import DigestRunner, slack_poster
    from bot.render.blocks import render_digest, to_text

    async with open_deps(settings) as deps:
        if args.dry_run:

            async def no_post(channel: str, message: object) -> str | None:
                raise RuntimeError("a dry run never posts")

            runner = DigestRunner(deps.base, deps.store, settings.tz, no_post, clock=deps.clock)
            day = args.date or deps.clock().astimezone(settings.tz).date()
            await runner.sync_versions()
            sub = await deps.store.digest_subscription(args.channel)
            digest = await runner.compose(args.channel, day, sub)
            print(to_text(render_digest(digest)))
            return 0
        from bot.slack.app import make_client

        client = make_client(settings)
        runner = DigestRunner(
            deps.base, deps.store, settings.tz, slack_poster(client), clock=deps.clock
        )
        outcomes = await runner.run_due(args.now)
    for outcome in outcomes:
        print(f"{outcome.status} {outcome.channel_id} {outcome.day} {outcome.detail}".rstrip())
    counts = {s: sum(o.status == s for o in outcomes) for s in ("posted", "failed", "paused")}
    print(
        f"digest: {counts['posted']} posted, {counts['failed']} failed, {counts['paused']} paused",
        file=sys.stderr,
    )
    return 1 if counts["failed"] else 0


def _browse(args: argparse.Namespace, settings: Settings) -> int:
    """`timeline` and `about` in a terminal: the same content as in Slack, unpaged."""
    from bot.core.browse import find_entity, parse_timeline, timeline, when_label
    from bot.core.factbase import FactBaseError, load_factbase
    from bot.render.blocks import answer_line, to_text
    from bot.render.browse import render_card

    try:
        base = load_factbase(settings.facts_dir)
    except FactBaseError as exc:
        print(
            f"factbot: the fact base has problems (run `python -m bot lint`):\n{exc}",
            file=sys.stderr,
        )
        return 2
    if args.command == "about":
        entity = find_entity(base, " ".join(args.name))
        if entity is None:
            print(
                f"factbot: no institution called {' '.join(args.name)!r}; try an acronym "
                "such as INL, BCIJ, DGSN, CNDH, UNODC or GLO.ACT.",
                file=sys.stderr,
            )
            return 1
        print(to_text(render_card(base, entity, args.lang)))
        return 0
    query = parse_timeline(base, args.filter)
    if isinstance(query, str):
        print(f"factbot: {query}", file=sys.stderr)
        return 2
    facts = timeline(base, query)
    if not facts:
        print("No dated facts match.", file=sys.stderr)
        return 1
    for fact in facts:
        print(
            f"{when_label(fact, args.lang):>26}  {answer_line(fact, args.lang)}  "
            f"[{fact.source.display_title}] ({fact.id})"
        )
    return 0


def _lint(path: Path) -> int:
    from bot.core.factbase import check_factbase

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
