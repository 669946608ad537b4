"""`python -m bot timeline` and `about`: browsing in a terminal, as in Slack but unpaged."""

from __future__ import annotations

import argparse
import sys

from bot.cli.common import load_or_explain
from bot.core.browse import find_entity, parse_timeline, timeline, when_label
from bot.render.blocks import answer_line, to_text
from bot.render.browse import render_card
from bot.settings import Settings


def main(args: argparse.Namespace, settings: Settings) -> int:
    """`timeline` and `about` in a terminal: the same content as in Slack, unpaged."""

    base = load_or_explain(settings.facts_dir)
    if base is None:
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
