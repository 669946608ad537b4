"""Fit the engine's abstention bars on labelled questions, with cross-validation.

    python scripts/fit_thresholds.py            # report: current bars vs the fitted ones
    python scripts/fit_thresholds.py --write    # also write the fitted bars to weights.py

The bars (`bot.engine.weights.Thresholds`: the coverage a fact needs, and when a
clear leader may answer below it) decide between answering and abstaining. They
are not set by hand: this script tries every combination on a grid, scores each
on labelled question sets exactly as `../shared/eval/score.py` does, and picks the
combination with the best cross-validated objective

    accuracy + abstention - WRONG_COST * wrong answers (share of all questions)

because a wrong answer is worse than "I don't know". Folds are by question
(5 folds, seeded), so each question is scored by bars fit without it. The sets
used are the readable ones: `../shared/eval/dev.yaml` and tests/eval/*.yaml, never
tests/eval/blind/ (kept unread) nor heldout3 (kept nearly blind).
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import multiprocessing
import os
import random
import re
import sys
from dataclasses import astuple, fields, replace
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
# This checkout's engine, not the one the virtualenv's editable install points at (another
# worktree's): the bars are fit on, and written to, the same `bot`.
sys.path.insert(0, str(ROOT))

from bot.core.factbase import default_facts_dir, load_factbase  # noqa: E402
from bot.engine import Matcher  # noqa: E402
from bot.engine.weights import Thresholds  # noqa: E402
from bot.render.plain import answer_json  # noqa: E402

SCORER = ROOT.parent / "shared" / "eval" / "score.py"
WEIGHTS = ROOT / "bot" / "engine" / "weights.py"
SETS = (
    "heldout",
    "heldout2",
    "diag4",
    "heldout5",
    "slack5",
    "diag8",
    "diag9",
    "diag10",
    "diag11",
    "diag12",
    "diag13",
    "diag14",
    "diag15",
    "diag16",
    "diag17",
    "diag18",
    "diag21",
    "diag23",
    "diag24",
    "diag25",
    "diag26",
    "diag27",
    "diag28",
    "diag29",
    "diag30",
    "diag31",
    "diag32",
    "diag33",
    "diag34",
    "diag35",
    "diag36",
    "diag37",
    "diag38",
    "diag39",
    "diag40",
    "diag41",
    "diag42",
    "diag43",
    "diag44",
    "diag45",
    "diag46",
    "diag47",
    "diag48",
    "diag49",
    "diag50",
    "diag51",
    "diag52",
    "diag53",
    "diag54",
    "diag55",
    "diag56",
    "diag57",
    "diag58",
    "diag59",
    "diag60",
    "diag61",
    "diag62",
    "diag63",
    "diag64",
    "diag65",
    "diag66",
    "diag67",
    "diag68",
    "diag69",
    "diag70",
    "diag71",
    "diag72",
    "diag73",
    "diag74",
    "diag75",
    "diag76",
    "diag77",
    "diag78",
    "diag79",
    "diag80",
    "diag81",
    "diag82",
    "diag83",
    "diag84",
    "diag85",
    "diag86",
    "diag87",
    "diag88",
    "diag89",
    "diag90",
    "diag91",
    "diag92",
    "diag93",
    "diag94",
    "diag95",
    "diag96",
    "diag97",
    "diag98",
    "diag99",
    "diag100",
    "diag101",
    "diag102",
    "diag103",
    "diag104",
    "diag105",
    "diag106",
    "diag107",
    "diag108",
    "diag109",
    "diag110",
    "diag111",
    "diag112",
    "diag113",
    "diag114",
    "diag115",
    "diag116",
    "diag117",
    "diag118",
    "diag119",
    "diag120",
    "diag121",
    "diag122",
    "diag123",
    "diag124",
    "diag125",
    "diag126",
    "diag127",
    "diag128",
    "diag129",
    "diag130",
    "diag131",
    "diag132",
    "diag133",
    "diag134",
    "diag135",
    "diag136",
    "diag137",
    "diag138",
    "diag139",
    "diag140",
    "diag141",
    "diag142",
    "diag143",
    "diag144",
    "diag145",
    "diag146",
    "diag147",
    "diag148",
    "diag149",
    "diag150",
    "diag151",
    "diag152",
    "diag153",
    "diag154",
    "diag155",
    "diag156",
    "diag157",
    "diag158",
    "diag159",
    "diag160",
    "diag161",
    "diag162",
    "diag163",
    "diag164",
    "diag165",
    "diag166",
    "diag167",
    "diag168",
    "diag169",
    "diag170",
    "diag171",
    "diag172",
    "diag173",
    "diag175",
    "diag176",
    "diag177",
    "diag174",
    "diag178",
    "diag179",
    "diag180",
    "diag181",
    "diag182",
    "diag183",
    "diag184",
    "diag185",
    "diag186",
    "diag187",
    "diag188",
    "diag189",
    "diag190",
    "diag191",
    "diag192",
    "diag193",
    "diag194",
    "diag195",
    "diag196",
    "diag197",
    "diag198",
    "diag199",
    "diag200",
    "diag201",
    "diag202",
    "diag203",
    "diag204",
    "diag205",
    "diag206",
    "diag207",
    "diag208",
    "diag209",
    "diag210",
    "diag211",
    "diag212",
    "diag213",
    "diag214",
    "diag215",
    "diag216",
    "diag217",
    "diag218",
    "diag219",
    "diag220",
    "diag221",
    "diag222",
    "diag223",
    "diag224",
    "diag225",
    "diag226",
    "diag227",
    "diag228",
    "diag229",
    "diag230",
    "diag231",
    "diag232",
    "diag233",
    "diag234",
    "diag235",
    "diag236",
    "diag237",
    "diag238",
    "diag239",
    "diag240",
    "diag241",
    "diag242",
    "diag243",
    "diag244",
    "diag245",
    "diag246",
    "diag247",
    "diag248",
    "diag249",
    "diag250",
    "diag251",
    "diag252",
    "diag253",
    "diag254",
    "diag255",
    "diag256",
    "diag257",
    "diag258",
    "diag259",
    "diag260",
    "diag261",
    "diag262",
    "diag263",
    "diag264",
    "diag265",
    "diag266",
    "diag267",
    "diag268",
    "diag269",
    "diag270",
    "diag271",
    "diag272",
    "diag273",
    "diag274",
    "diag275",
    "diag276",
    "diag277",
    "diag278",
    "diag279",
    "diag280",
    "diag281",
    "diag282",
    "diag283",
    "diag284",
    "diag285",
    "diag286",
    "diag287",
    "diag288",
    "diag289",
    "diag290",
    "diag291",
    "diag292",
    "diag293",
    "diag294",
    "diag295",
    "diag296",
    "diag297",
    "diag298",
    "diag299",
    "diag300",
    "diag301",
    "diag302",
    "diag303",
    "diag304",
    "diag305",
    "diag306",
    "diag307",
    "diag308",
    "diag309",
    "diag310",
    "diag311",
    "diag312",
    "diag313",
    "diag314",
    "diag315",
    "diag316",
    "diag317",
    "diag318",
    "diag319",
    "diag320",
    "diag321",
    "diag322",
    "diag323",
    "diag324",
    "diag325",
    "diag326",
    "diag327",
    "diag328",
    "diag329",
    "diag330",
    "diag331",
    "diag332",
    "diag333",
    "diag334",
    "diag335",
    "diag336",
    "diag337",
    "diag338",
    "diag339",
    "diag340",
    "diag341",
    "diag342",
    "diag343",
    "diag344",
    "diag345",
    "diag346",
    "diag347",
    "diag348",
    "diag349",
    "diag350",
    "diag351",
    "diag352",
    "diag353",
    "diag354",
    "diag355",
)
WRONG_COST = 2.0
FOLDS = 5
GRID: dict[str, list[float]] = {
    "min_coverage": [0.56, 0.59, 0.62, 0.65, 0.68, 0.71, 0.74, 0.77, 0.80],
    "clear_lead_coverage": [0.30, 0.35, 0.40, 0.45, 0.50],
    "clear_lead_ratio": [1.2, 1.5, 2.0],
    "clear_lead_held": [3],
    "unknown_word_factor": [0.6, 0.8, 1.0],
    "sibling_lead_coverage": [0.5, 0.6, 0.7, 1.01],
    # (strictest first: of bars that tie, the first in the list is chosen)
    "held_coverage": [1.01, 0.7, 0.65, 0.6, 0.55, 0.5, 0.45, 0.4, 0.35],
}


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", SCORER)
    if spec is None or spec.loader is None:
        raise SystemExit(f"fit_thresholds: cannot load {SCORER}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _questions(score: ModuleType) -> list[dict[str, object]]:
    paths = [ROOT.parent / "shared" / "eval" / "dev.yaml"]
    paths += [ROOT / "tests" / "eval" / f"{name}.yaml" for name in SETS]
    found = []
    for path in paths:
        found.extend(score.load_questions(path))
    return found


def _outcomes(
    score: ModuleType, matcher: Matcher, questions: list[dict[str, object]]
) -> list[tuple[bool, bool, bool]]:
    """Per question: (in scope, passed, answered) under the matcher's bars."""
    lines = [json.dumps(answer_json(matcher.ask(str(q["line"])))) for q in questions]
    records, _, _ = score.score(questions, lines, {})
    return [(bool(r["in_scope"]), bool(r["passed"]), bool(r["answered"])) for r in records]


#: What each forked worker runs with: the scorer, a matcher and the questions.
_WORKER: tuple[ModuleType, Matcher, list[dict[str, object]]] | None = None


def _run(bars: Thresholds) -> tuple[Thresholds, list[tuple[bool, bool, bool]]]:
    """The outcomes under `bars`, in a worker (the index is the same; only the decision
    changes)."""
    assert _WORKER is not None
    score, matcher, questions = _WORKER
    matcher.thresholds = bars
    return bars, _outcomes(score, matcher, questions)


def _objective(rows: list[tuple[bool, bool, bool]]) -> tuple[float, float, float, float]:
    inside = [r for r in rows if r[0]]
    outside = [r for r in rows if not r[0]]
    accuracy = sum(r[1] for r in inside) / max(1, len(inside))
    abstention = sum(r[1] for r in outside) / max(1, len(outside))
    wrong = sum(r[2] and not r[1] for r in rows) / max(1, len(rows))
    return accuracy + abstention - WRONG_COST * wrong, accuracy, abstention, wrong


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write the fitted bars to weights.py")
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="processes (default: one a core)"
    )
    parser.add_argument(
        "--only",
        choices=sorted(GRID),
        help="fit this bar alone, the others kept as they are (the full grid takes hours)",
    )
    args = parser.parse_args(argv)
    score = _scorer()
    questions = _questions(score)
    base = load_factbase(default_facts_dir())
    names = [f.name for f in fields(Thresholds)]
    current = Thresholds()
    if args.only:
        combos = [replace(current, **{args.only: value}) for value in GRID[args.only]]
    else:
        combos = [
            Thresholds(**dict(zip(names, values, strict=True)))
            for values in itertools.product(*(GRID[n] for n in names))
        ]
    if current not in combos:
        combos.append(current)
    print(f"{len(questions)} labelled questions, {len(combos)} combinations", file=sys.stderr)
    table: dict[Thresholds, list[tuple[bool, bool, bool]]] = {}
    # One process a core, each with its own matcher (the grid is ~1,600 runs of every
    # question); forked, so the fact base and questions are not sent to each.
    global _WORKER
    _WORKER = (score, Matcher(base), questions)
    with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
        for i, (bars, rows) in enumerate(pool.imap(_run, combos, chunksize=8)):
            table[bars] = rows
            if i % 100 == 0:
                print(f"  {i}/{len(combos)}", file=sys.stderr)
    order = list(range(len(questions)))
    random.Random(20261204).shuffle(order)
    folds = [order[k::FOLDS] for k in range(FOLDS)]
    held_out: list[tuple[bool, bool, bool]] = []
    chosen = []
    for test in folds:
        train = sorted(set(order) - set(test))
        best = max(
            combos, key=lambda b: (_objective([table[b][j] for j in train])[0], b == current)
        )
        chosen.append(best)
        held_out.extend(table[best][j] for j in test)
    final = max(combos, key=lambda b: (_objective(table[b])[0], b == current))
    cv = _objective(held_out)
    now = _objective(table[current])
    fit = _objective(table[final])
    print(f"objective = accuracy + abstention - {WRONG_COST:.1f} x wrong")
    print(
        f"current bars {astuple(current)}: objective {now[0]:.3f} "
        f"(accuracy {now[1]:.2f}, abstention {now[2]:.2f}, wrong {now[3]:.3f})"
    )
    print(
        f"cross-validated ({FOLDS} folds, bars fit without each question): objective "
        f"{cv[0]:.3f} (accuracy {cv[1]:.2f}, abstention {cv[2]:.2f}, wrong {cv[3]:.3f})"
    )
    print(
        f"fit on all {astuple(final)}: objective {fit[0]:.3f} (accuracy {fit[1]:.2f}, "
        f"abstention {fit[2]:.2f}, wrong {fit[3]:.3f})"
    )
    print("per-fold choices: " + "; ".join(str(astuple(c)) for c in chosen))
    if args.write:
        _write(final)
    return 0


def _write(bars: Thresholds, path: Path = WEIGHTS) -> None:
    """Set the fitted values' lines of weights.py (`path`: a copy, in tests), nothing else."""
    text = path.read_text(encoding="utf-8")
    for name, value in zip(
        (
            "MIN_COVERAGE",
            "CLEAR_LEAD_COVERAGE",
            "CLEAR_LEAD_RATIO",
            "CLEAR_LEAD_HELD",
            "UNKNOWN_WORD_FACTOR",
            "SIBLING_LEAD_COVERAGE",
            "HELD_COVERAGE",
        ),
        astuple(bars),
        strict=True,
    ):
        text = re.sub(rf"^{name} = [0-9.]+", f"{name} = {value}", text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")
    print(f"wrote {astuple(bars)} to {path}")


if __name__ == "__main__":
    sys.exit(main())
