"""`python -m bot facts export --to DIR`: the fact base with what was taught in Slack merged in.

Reads the fact base (FACTBOT_FACTS or the packaged one) and what curators taught
from Slack (the database at FACTBOT_DB, read-only): taught phrasings go at the end
of their fact's `ask` list, "Still true" stamps into `reviewed`, approved proposals
at the end of their topic file. Comments and formatting of the topic files stay
as they are (bot.core.export). The result is linted before the command says it
is done, so what goes into git passes `python -m bot lint`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys

from bot.cli.common import load_or_explain, print_problems
from bot.core.export import write_export
from bot.core.factbase import check_factbase
from bot.settings import Settings
from bot.storage.curation import read_curation


def main(args: argparse.Namespace, settings: Settings) -> int:
    if not settings.database_url and not os.path.exists(settings.db_path):
        print(
            f"factbot: no database at {settings.db_path}: set FACTBOT_DB to the bot's database.",
            file=sys.stderr,
        )
        return 2
    base = load_or_explain(args.facts or settings.facts_dir)
    if base is None:
        return 2
    curation = asyncio.run(read_curation(settings.database))
    summary = write_export(base, curation, args.to)
    _, problems = check_factbase(args.to)
    if print_problems(problems, f"the export at {args.to}"):
        return 1
    print(
        f"exported to {args.to}: {summary.phrasings} taught phrasing(s), {summary.stamps} review "
        f"date(s), {summary.facts} approved fact(s); changed: {', '.join(summary.files) or 'none'}",
        file=sys.stderr,
    )
    return 0
