"""`python -m bot ask`: answer questions from the shell, readable or as the JSON-lines contract."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from dataclasses import replace

from bot.cli.common import load_or_explain
from bot.core.curation import apply_curation
from bot.engine import Matcher, cached_index
from bot.render.plain import answer_json, answer_text
from bot.settings import Settings
from bot.storage.curation import read_curation


def main(args: argparse.Namespace, settings: Settings) -> int:
    base = load_or_explain(args.facts or settings.facts_dir)
    if base is None:
        return 2
    if settings.db_from_env:  # only when asked: never a stray ./factbot.db by default
        base = apply_curation(base, asyncio.run(read_curation(settings.database)))
    matcher = Matcher(base, index=cached_index(base, settings.cache_dir))
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
