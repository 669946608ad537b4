"""No question of any question set is (nearly) an `ask` phrasing of the fact base.

A set whose questions leaked into the phrasings measures nothing: the matcher is
right where a curator anticipated the wording. Every set in tests/eval (the blind
ones included: this test reads them, nobody else does) and ../shared/eval is
compared with every phrasing, after folding case, accents and punctuation.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from rapidfuzz import fuzz, process

from bot.core.factbase import FactBase
from bot.core.text import fold

ROOT = Path(__file__).resolve().parent.parent
#: Similarity (rapidfuzz ratio, 0-100) at or above which a phrasing counts as a copy.
#: 90 catches a copy with a word's ending or a typo changed; curated rewordings of
#: the same fact score well below it (median 55 on the real base).
LEAK_RATIO = 90


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", fold(str(text))).strip()


def _questions(folder: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*.yaml")):
        items = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(items, list):
            for item in items:
                if isinstance(item, dict) and "q" in item:
                    # A blind set's questions are never printed, not even by this test.
                    shown = "(blind)" if "blind" in path.parts else repr(item["q"])
                    found[_norm(item["q"])] = f"{path.name}: {shown}"
    return found


def _leaks(base: FactBase, questions: dict[str, str]) -> list[str]:
    asks = {_norm(a): f.id for f in base.facts for a in f.ask}
    choices = list(asks)
    found = []
    for normalised, where in questions.items():
        hit = process.extractOne(normalised, choices, scorer=fuzz.ratio, score_cutoff=LEAK_RATIO)
        if hit is not None:
            found.append(f"{where} ~ an ask phrasing of {asks[hit[0]]} ({hit[1]:.0f})")
    return found


def test_no_question_of_our_sets_is_an_ask_phrasing(factbase: FactBase) -> None:
    questions = _questions(ROOT / "tests" / "eval")
    assert len(questions) > 500
    assert _leaks(factbase, questions) == []


@pytest.mark.shared
def test_no_question_of_the_shared_sets_is_an_ask_phrasing(factbase: FactBase) -> None:
    questions = _questions(ROOT.parent / "shared" / "eval")
    assert len(questions) >= 90
    assert _leaks(factbase, questions) == []


def test_the_check_sees_a_near_copy() -> None:
    assert fuzz.ratio(_norm("When was the BCIJ created?"), _norm("when was the bcij created")) >= (
        LEAK_RATIO
    )
    assert fuzz.ratio(_norm("When was the BCIJ created?"), _norm("BCIJ: year set up")) < LEAK_RATIO
