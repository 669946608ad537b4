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
from bot.core.text import STOPWORDS, fold

ROOT = Path(__file__).resolve().parent.parent
#: Similarity (rapidfuzz ratio, 0-100) at or above which a phrasing counts as a copy.
#: 90 catches a copy with a word's ending or a typo changed; curated rewordings of
#: the same fact score well below it (median 55 on the real base).
LEAK_RATIO = 90
#: ... provided each word that differs is that close to one of the other's (an ending, a typo).
WORD_RATIO = 75


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


def _same_words(one: str, other: str) -> bool:
    """Whether two near-equal texts differ only by function words, endings and typos:
    every content word of one that the other lacks is close to one the other has that it
    lacks. "what does CNDH stand for" is not a copy of "what does UNODC stand for"."""
    a, b = set(one.split()) - STOPWORDS, set(other.split()) - STOPWORDS
    only_a, only_b = a - b, b - a
    return all(
        any(fuzz.ratio(w, v) >= WORD_RATIO for v in there)
        for here, there in ((only_a, only_b), (only_b, only_a))
        for w in here
    )


def _is_copy(question: str, phrasing: str) -> bool:
    return fuzz.ratio(question, phrasing) >= LEAK_RATIO and _same_words(question, phrasing)


def _leaks(base: FactBase, questions: dict[str, str]) -> list[str]:
    asks = {_norm(a): f.id for f in base.facts for a in f.ask}
    choices = list(asks)
    found = []
    for normalised, where in questions.items():
        for hit, score, _ in process.extract(
            normalised, choices, scorer=fuzz.ratio, score_cutoff=LEAK_RATIO, limit=None
        ):
            if _same_words(normalised, hit):
                found.append(f"{where} ~ an ask phrasing of {asks[hit]} ({score:.0f})")
                break
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


def test_the_check_sees_a_copy_with_a_typo_or_an_ending_changed() -> None:
    assert _is_copy(_norm("When was the BCIJ created?"), _norm("when was the bcij creatd"))
    assert _is_copy(
        _norm("Which trainings were held in Rabat?"), _norm("which training was held in rabat")
    )


def test_another_subject_in_the_same_words_is_not_a_copy() -> None:
    one, other = _norm("What does CNDH stand for again?"), _norm("what does unodc stand for again")
    assert fuzz.ratio(one, other) >= LEAK_RATIO and not _is_copy(one, other)
    one = _norm("What is the budget of the CNDH-DGSN training programme?")
    other = _norm("What is the goal of the CNDH-DGSN training programme?")
    assert fuzz.ratio(one, other) >= LEAK_RATIO and not _is_copy(one, other)
