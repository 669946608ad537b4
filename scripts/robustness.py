"""Do light rewordings change what the bot does? The robustness figures of docs/answering.md.

    python scripts/robustness.py tests/eval/heldout.yaml tests/eval/heldout5.yaml ...

From each question set it takes the questions the bot answers right now (up to
--right, 100 by default) and the near misses it refuses now (up to --near, 50),
rewords each lightly in three ways, and asks again:

- wrapper: a greeting, a purpose or a thanks around the question, as in Slack
  ("hi! quick one: ... thanks");
- synonym: one everyday word or phrase swapped for another that means the same
  ("set up" for "established", "which" for "what", "nation" for "country");
- order: a leading or trailing phrase moved to the other end.

A right answer "flips" when the rewording gets another first fact or none; a
refused near miss flips when the rewording is answered. The rewordings come
from fixed, general English tables below (nothing from facts/), and each
question gets at most one rewording of each way, so the figures are repeatable.
With --quiet only the summary is printed (for sets kept unread).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.core.factbase import default_facts_dir, load_factbase  # noqa: E402
from bot.engine import Matcher  # noqa: E402
from bot.render.plain import answer_json  # noqa: E402

WRAPPERS_EN = (
    ("hi! quick one: ", " thanks"),
    ("sorry to bug you, ", " it's for the annex"),
    ("morning - for the donor note: ", ""),
    ("", " (need it for a slide) thx"),
)
WRAPPERS_FR = (
    ("bonjour ! petite question : ", " merci"),
    ("rappel rapide : ", ""),
    ("", " c'est pour la note, merci d'avance"),
)

#: Everyday English that means the same either way; applied once, first match wins.
SYNONYMS_EN = (
    ("what year", "which year"),
    ("which", "what"),
    ("what", "which"),
    ("how many", "what number of"),
    ("established", "set up"),
    ("created", "set up"),
    ("founded", "set up"),
    ("began", "started"),
    ("start", "begin"),
    ("country", "nation"),
    ("countries", "nations"),
    ("help", "assist"),
    ("helped", "assisted"),
    ("aim", "goal"),
    ("purpose", "goal"),
    ("officials", "officers"),
    ("officers", "officials"),
    ("law", "legislation"),
    ("agreement", "accord"),
    ("signed", "concluded"),
    ("provide", "give"),
    ("provided", "gave"),
    ("about", "regarding"),
)
SYNONYMS_FR = (
    ("quelle année", "en quelle année"),
    ("combien de", "quel nombre de"),
    ("créé", "mis en place"),
    ("créée", "mise en place"),
    ("pays", "États"),
    ("aider", "soutenir"),
    ("objectif", "but"),
    ("loi", "texte de loi"),
)

_TRAILING = re.compile(
    r"^(?P<head>.+?)\s+(?P<tail>(?:in|for|with|under|during|since|by|en|pour|avec|depuis)"
    r"\s+[^,?]{3,40})\?\s*$",
    re.IGNORECASE,
)


def wrapped(question: str, french: bool, n: int) -> str:
    prefix, suffix = (WRAPPERS_FR if french else WRAPPERS_EN)[n % (3 if french else 4)]
    return f"{prefix}{question}{suffix}"


def synonym(question: str, french: bool) -> str | None:
    for old, new in SYNONYMS_FR if french else SYNONYMS_EN:
        pattern = re.compile(rf"\b{re.escape(old)}\b", re.IGNORECASE)
        if pattern.search(question):
            return pattern.sub(lambda m, new=new: _same_case(m.group(0), new), question, count=1)
    return None


def reordered(question: str) -> str | None:
    """A leading clause moved to the end, or a trailing phrase to the front."""
    head, comma, rest = question.partition(", ")
    if comma and 2 <= len(head.split()) <= 6 and rest:
        rest = rest.rstrip(" ?")
        return f"{rest[:1].upper()}{rest[1:]}, {head[:1].lower()}{head[1:]}?"
    match = _TRAILING.match(question.strip())
    if match and len(match["head"].split()) >= 3:
        tail, head = match["tail"], match["head"]
        return f"{tail[:1].upper()}{tail[1:]}, {head[:1].lower()}{head[1:]}?"
    return None


def _same_case(found: str, new: str) -> str:
    return new[:1].upper() + new[1:] if found[:1].isupper() else new


@dataclass
class Tally:
    checked: int = 0
    flipped: int = 0

    def rate(self) -> str:
        return f"{self.flipped}/{self.checked} = {self.flipped / max(1, self.checked):.3f}"


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument("--right", type=int, default=100, help="right answers to reword")
    parser.add_argument("--near", type=int, default=50, help="refused near misses to reword")
    parser.add_argument("--scorer", type=Path, default=ROOT.parent / "shared/eval/score.py")
    parser.add_argument("--quiet", action="store_true", help="summary only (unread sets)")
    parser.add_argument(
        "--max-rate", type=float, default=None, help="exit 1 if either rate exceeds this (CI)"
    )
    args = parser.parse_args()
    score = load_scorer(args.scorer)
    seeds = score.load_seeds(args.scorer.parent.parent / "seeds")
    matcher = Matcher(load_factbase(default_facts_dir()))

    def ask(question: str) -> dict[str, object]:
        return answer_json(matcher.ask(question))

    right: list[tuple[str, str | None, bool]] = []  # question, first fact, French
    near: list[tuple[str, bool]] = []
    for path in args.sets:
        questions = score.load_questions(path)
        lines = [json.dumps(ask(q["line"])) for q in questions]
        records, _, _ = score.score(questions, lines, seeds)
        for q, rec in zip(questions, records, strict=True):
            french = q["kind"] == "french"
            if q["in_scope"] and rec["passed"]:
                right.append((q["line"], rec["fact_id"], french))
            elif q["kind"] == "near_miss" and rec["passed"]:
                near.append((q["line"], french))
    right, near = right[: args.right], near[: args.near]

    kinds = ("wrapper", "synonym", "order")
    right_tally = {k: Tally() for k in kinds}
    near_tally = {k: Tally() for k in kinds}
    for n, (question, fact_id, french) in enumerate(right):
        for kind, variant in zip(kinds, _variants(question, french, n), strict=True):
            if variant is None:
                continue
            got = ask(variant)
            facts = got["facts"]
            first = facts[0]["id"] if got["answered"] and facts else None  # type: ignore[index]
            right_tally[kind].checked += 1
            if first != fact_id:
                right_tally[kind].flipped += 1
                if not args.quiet:
                    print(f"FLIP  {kind}: {variant!r} -> {first} (was {fact_id})")
    for n, (question, french) in enumerate(near):
        for kind, variant in zip(kinds, _variants(question, french, n), strict=True):
            if variant is None:
                continue
            got = ask(variant)
            near_tally[kind].checked += 1
            if got["answered"]:
                near_tally[kind].flipped += 1
                if not args.quiet:
                    facts = got["facts"]
                    print(f"ANSWERED  {kind}: {variant!r} -> {facts[0]['id']}")  # type: ignore[index]

    def total(tallies: dict[str, Tally]) -> Tally:
        return Tally(
            sum(t.checked for t in tallies.values()), sum(t.flipped for t in tallies.values())
        )

    print(f"sets: {', '.join(str(p) for p in args.sets)}")
    print(f"right answers reworded: {len(right)}; refused near misses reworded: {len(near)}")
    for kind in kinds:
        print(
            f"  {kind:8} right flipped {right_tally[kind].rate()}; "
            f"near misses answered {near_tally[kind].rate()}"
        )
    print(
        f"TOTAL right flipped {total(right_tally).rate()}; "
        f"near misses answered {total(near_tally).rate()}"
    )
    print(f"reproduce: python scripts/robustness.py {' '.join(str(p) for p in args.sets)}")
    worst = max(_rate(total(right_tally)), _rate(total(near_tally)))
    if args.max_rate is not None and worst > args.max_rate:
        print(f"FAIL: a rate of {worst:.3f} is over {args.max_rate}", file=sys.stderr)
        return 1
    return 0


def _rate(tally: Tally) -> float:
    return tally.flipped / max(1, tally.checked)


def _variants(question: str, french: bool, n: int) -> tuple[str | None, str | None, str | None]:
    return wrapped(question, french, n), synonym(question, french), reordered(question)


if __name__ == "__main__":
    raise SystemExit(main())
