"""The reading shortcuts and memos give what the plain code gives, whatever was read before.

Each shortcut skips work it proves useless (a pattern that cannot match, a word read
before); these tests hold each one against the code it replaces, on the real fact
base and on generated text.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.factbase import FactBase
from bot.core.text import Token, is_stopword, tokenize
from bot.engine import Matcher
from bot.engine.lexicon import Lexicon, split_compounds, token_keys
from bot.engine.spelling import FIXES_KEPT


def test_a_word_reads_the_same_the_first_time_and_after(matcher: Matcher) -> None:
    """The speller's memo of fixes: each question read with it empty, then with it holding
    every word read before, in every language."""
    speller = matcher.index.speller
    questions = [q for f in matcher.facts for q in f.ask][:: max(1, len(matcher.facts) // 40)]
    questions += ["prosecuters trainned in Rabta?", "organised workshop", "antiterrorism wrkshop"]
    langs = (None, "en", "fr")
    fresh = {}
    for question in questions:
        for lang in langs:
            speller.clear_memo()
            fresh[question, lang] = speller.correct(tokenize(question), lang)
    speller.clear_memo()
    for question in questions:
        for lang in langs:
            assert speller.correct(tokenize(question), lang) == fresh[question, lang]


def test_the_memo_of_fixes_stays_bounded(matcher: Matcher) -> None:
    speller = matcher.index.speller
    speller.clear_memo()
    speller.correct([Token(f"wordx{n}", False) for n in range(FIXES_KEPT + 5)], None)
    assert len(speller._fixes) <= FIXES_KEPT


def _plain_phrase_at(
    lexicon: Lexicon, words: Sequence[Token], i: int, lang: str | None
) -> tuple[int, str] | None:
    """`Lexicon.phrase_at` as first written: every word of every name compared."""
    first = words[i]
    best: tuple[int, str] | None = None
    for key in token_keys(first, lang):
        for seq, concept in lexicon.by_first.get(key, []):
            n = len(seq)
            if best is not None and n <= best[0]:
                break
            if i + n > len(words) or (n == 1 and is_stopword(first)):
                continue
            if all(seq[j] & token_keys(words[i + j], lang) for j in range(n)):
                best = (n, concept)
                break
    return best


def test_names_are_found_as_comparing_every_word_finds_them(factbase: FactBase) -> None:
    lexicon = Lexicon.of(factbase)
    texts = [t for f in factbase.facts for t in (f.title, f.answer, *f.ask)]
    texts += [n for e in factbase.entities for n in e.names]
    for text in texts:
        words = split_compounds(tokenize(text))
        for lang in (None, "en", "fr"):
            for i in range(len(words)):
                assert lexicon.phrase_at(words, i, lang) == _plain_phrase_at(
                    lexicon, words, i, lang
                ), (text, i, lang)
