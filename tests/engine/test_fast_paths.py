"""The reading shortcuts and memos give what the plain code gives, whatever was read before.

Each shortcut skips work it proves useless (a pattern that cannot match, a word read
before); these tests hold each one against the code it replaces, on the real fact
base and on generated text.
"""

from __future__ import annotations

import heapq
import re
import string
import sys
from collections.abc import Sequence
from itertools import compress, repeat
from random import Random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import DamerauLevenshtein

from bot.core import text as text_module
from bot.core.factbase import FactBase
from bot.core.text import (
    SHORTHAND,
    CaseBlind,
    Token,
    is_stopword,
    looks_like_year,
    lowering_ignores_case,
    tokenize,
)
from bot.engine import Matcher, Slot, kinds
from bot.engine import conversation as reading
from bot.engine import matcher as matcher_module
from bot.engine.index import SPECIFIC_KEPT
from bot.engine.lexicon import Lexicon, WordHashes, split_compounds, token_keys
from bot.engine.matcher import (
    _A_DAY,
    _DURER,
    _FIRST_NAME,
    _SIDE,
    _TIME_UNITS,
    NOT_ACTOR,
    TOOK_PLACE,
    WORD_SLOTS_KEPT,
    _asks_a_day,
    _french_lasting,
    _given_name_before,
    _lasting,
    _sides,
    _unit_asked,
)
from bot.engine.scoring import _DELTA, TOP, _kth_largest, _may_rank, by_rounded_total, slot_idf
from bot.engine.spelling import (
    _BEFORE_A_YEAR,
    _NUMBERED,
    _ORDINAL_OF,
    _SHORT_YEARS,
    FIXES_KEPT,
    DeleteIndex,
    Speller,
    _is_subsequence,
    _letters_said,
    chat_for,
    chat_one,
    chat_to,
    time_of_day,
)

#: Words that join ("post blast"), split ("antiterrorism", "post-blast"), expand ("wat"), are
#: typos, numbers, the pronoun "1" or a stop word in capitals ("VOTRE": "voter").
_WORDS = [
    "post",
    "blast",
    "post-blast",
    "VOTRE",
    "ANAB",
    "DGSM",
    "glo",
    "act",
    "antiterrorism",
    "wat",
    "yr",
    "U.S.",
    "1",
    "which",
    "just",
    "prosecuters",
    "trainned",
    "organised",
    "BCIJ",
    "the",
    "of",
    "27-14",
    "2,800",
    "Rabat",
    "morocco",
    "judges",
    "training",
    "workshop",
    "formés",
    "procureurs",
    "xqzv",
    "day",
    "2",
    "plan",
    "do",
    "phase",
    "min",
    "sept",
    "2018",
    "4",
    "stand",
    "acc",
    "enhance",
]

#: Punctuation, dashes, apostrophes and white space the shortcuts test for, among words.
_PIECES = st.sampled_from(
    ["?", "!", ".", ":", ";", ",", "-", "–", "—", "...", "'", "’", " ", "  ", "\n", "\u00a0"]
    + [" - ", " -- ", " – ", "Ms.", "U.S.", "l'", "qu'", "d'avance", "18,000", "BCIJ", "hi"]
)
_MESSAGES = st.lists(_PIECES | st.text(max_size=4), max_size=12).map("".join)
#: Messages with the wrappers and chatter words the reading shortcuts test for.
_CHAT_PIECES = st.sampled_from(
    [" http://a.b/c ", "https://x.y", "<https://x.y|x>", "www.a.b", "://", "www.", "<@U12|bob>"]
    + ["@bob", "@", "a@b.c", ":smile:", ":+1:", ":", "::", "🙂", "\u2600", "\ufe0f", "é"]
    + ["test", "ping", "you", "thanks", "merci", "bot", "who", "made", "t'a", "hello", "for"]
    + ["the", "deck", "BCIJ", "when", "created", "?", " ", ", ", "\t", "\u00a0", "\x1c", "("]
)
_CHAT = st.lists(_CHAT_PIECES | _PIECES | st.text(max_size=3), max_size=12).map(" ".join)


def _plain_unwrapped(text: str) -> tuple[str, bool]:
    """`conversation._unwrapped` as first written: every pattern applied to every message."""
    had_link = reading._URL.search(text) is not None
    text = reading._URL.sub(" ", text)
    text = reading._MENTION.sub(" ", text)
    text = reading._EMOJI.sub("\n", text)  # an emoji ends a sentence
    return reading._PICTOGRAPH.sub("\n", text), had_link


@settings(max_examples=500, deadline=None)
@given(_CHAT)
def test_wrappers_are_taken_off_as_every_pattern_takes_them_off(text: str) -> None:
    assert reading._unwrapped(text) == _plain_unwrapped(text)


def _plain_chatter(text: str) -> reading.Chatter | None:
    """`conversation._chatter` without the shortcut for words no chatter holds."""
    words = reading._content_words(text)
    everything = reading._folded_words(text)
    if not everything:
        return reading.Chatter.EMPTY
    if (everything[0] in reading.THANKS_WORDS or everything[0] in reading.SOCIAL) and (
        reading._THANKS_FOR.match(text) is not None
        or reading._WHAT_I_NEEDED.match(text) is not None
    ):
        return reading.Chatter.THANKS
    if "got" in everything:
        everything = tuple(
            w
            for n, w in enumerate(everything)
            if not (w == "it" and everything[n - 1 : n] == ("got",))
        )
    if all(w in reading.TEST_WORDS or w in reading.SOCIAL for w in words) and any(
        w in reading.TEST_WORDS for w in everything
    ):
        return reading.Chatter.TEST
    addressed = (
        any(w in reading.BOT_WORDS or w in reading.POINTERS for w in everything)
        or reading._TO_YOU.search(text) is not None
    )
    if addressed and all(
        w in reading.BOT_WORDS
        or w in reading.BOT_VERBS
        or w in reading.CONVERSATIONAL
        or w in reading.TEST_WORDS
        for w in words
    ):
        return reading.Chatter.ABOUT_BOT
    if all(w in reading.CONVERSATIONAL for w in words):
        if any(w in reading.THANKS_WORDS for w in everything):
            return reading.Chatter.THANKS
        return reading.Chatter.GREETING
    return None


@settings(max_examples=500, deadline=None)
@given(_CHAT)
def test_chatter_is_told_as_every_rule_tells_it(text: str) -> None:
    assert reading._chatter(text) == _plain_chatter(text)


@settings(max_examples=500, deadline=None)
@given(_MESSAGES)
def test_a_message_is_split_into_segments_only_where_one_can_end(text: str) -> None:
    if reading._MAY_END.search(text) is None:
        assert reading._SEGMENT_END.split(text) == [text]


@settings(max_examples=500, deadline=None)
@given(st.lists(_MESSAGES, min_size=1, max_size=3))
def test_folded_words_are_the_plain_ones_read_again_or_not(texts: list[str]) -> None:
    for text in texts * 2:
        words = (
            reading._ELISION.sub("", w)
            for w in reading._WORD.findall(reading.fold(text).replace("’", "'"))
        )
        plain = [part for w in words if w for part in w.replace("'", "").split("-") if part]
        assert list(reading._folded_words(text)) == plain


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


def _plain_correct(speller: Speller, tokens: list[Token], lang: str | None) -> list[Token]:
    """`Speller.correct` as first written: no memo, every pair of words indexed."""
    vocab = speller.vocab
    tokens = _letters_said(tokens, speller.acronyms)  # ("bee sea eye jay": BCIJ)
    out: list[Token] = []
    for n, t in enumerate(tokens):
        if t.surface in _ORDINAL_OF and n and tokens[n - 1].surface in _NUMBERED:
            out[-1:] = [Token(_ORDINAL_OF[t.surface], False), out[-1]]
        elif t.surface in SHORTHAND and not t.upper:
            out.extend(tokenize(SHORTHAND[t.surface]))
        elif t.surface == "sept" and n + 1 < len(tokens) and looks_like_year(tokens[n + 1].surface):
            out.append(Token("september", t.upper))
        elif t.surface == "min" and n + 1 < len(tokens) and tokens[n + 1].surface == "of":
            out.append(Token("ministry", t.upper))
        elif t.surface.isdigit() and time_of_day(tokens, n):
            continue
        elif t.surface == "2" and chat_to(tokens, n):
            out.append(Token("to", False))
        elif t.surface == "4" and chat_for(tokens, n):
            out.append(Token("for", False))
        elif t.surface in _SHORT_YEARS and n and tokens[n - 1].surface in _BEFORE_A_YEAR:
            out.append(Token("20" + t.surface, False))
        elif t.surface == "un" and lang == "en" and not t.upper:
            out.append(Token("un", True))
        elif t.surface == "1" and chat_one(tokens, n):
            continue
        else:
            out.append(t)
    out = split_compounds(out)
    joined: list[Token] = []
    i = 0
    while i < len(out):
        if i + 1 < len(out):
            pair = out[i].surface + out[i + 1].surface
            if (
                pair in vocab
                and not out[i].is_number
                and (out[i].surface not in vocab or out[i + 1].surface not in vocab)
                and out[i].surface not in ("a", "an", "the")
            ):
                joined.append(Token(pair, out[i].upper or out[i + 1].upper))
                i += 2
                continue
            name = speller._split_typo(out[i], out[i + 1])  # ("tiff let": Tiflet)
            if name is not None:
                joined.append(Token(name, out[i].upper or out[i + 1].upper))
                i += 2
                continue
        joined.append(out[i])
        i += 1
    fixed: list[Token] = []
    for t in joined:
        if t.is_number or is_stopword(t):
            fixed.append(t)
        else:
            fix = speller._fix(t.surface, lang)
            if t.upper and t.surface not in vocab and len(t.surface) <= 5 and fix is not None:
                fix = fix if fix[0] in speller.acronyms else None  # "ANAB" is no "arab"
            fixed.extend([t] if fix is None else [Token(w, t.upper) for w in fix])
    return fixed


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=8), st.sampled_from([None, "en", "fr"]))
def test_words_are_corrected_as_the_plain_code_corrects_them(
    matcher: Matcher, words: list[str], lang: str | None
) -> None:
    tokens = tokenize(" ".join(words))
    speller = matcher.index.speller
    assert speller.correct(tokens, lang) == _plain_correct(speller, tokens, lang)


def test_the_memo_of_fixes_stays_bounded(matcher: Matcher) -> None:
    speller = matcher.index.speller
    speller.clear_memo()
    speller.correct([Token(f"wordx{n}", False) for n in range(FIXES_KEPT + 5)], None)
    assert len(speller._fixes) <= FIXES_KEPT


def _plain_phrase_at(
    lexicon: Lexicon, words: Sequence[Token], i: int, lang: str | None
) -> tuple[int, str] | None:
    """`Lexicon.phrase_at` as first written: every word of every name compared (the
    English stem tried before the French one)."""
    first = words[i]
    best: tuple[int, str] | None = None
    for key in sorted(token_keys(first, lang)):
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


def _plain_may_rank(
    pool: list[int], scores: list[float], rank: Sequence[int], extra: float
) -> list[int]:
    """`scoring._may_rank` as first written: every key rounded."""
    low = list(map(round, map((-_DELTA).__add__, scores), repeat(9)))
    t = _kth_largest(low, TOP)
    ties = list(map(rank.__getitem__, compress(pool, map(t.__eq__, low))))
    r = heapq.nsmallest(TOP - sum(map(t.__lt__, low)), ties)[-1]
    high = list(map(round, map((extra + _DELTA).__add__, scores), repeat(9)))
    kept = list(compress(pool, map(t.__lt__, high)))
    kept += [f for f in compress(pool, map(t.__eq__, high)) if rank[f] <= r]
    return kept


#: Scores on and around multiples of 1e-9 (where rounding ties and splits), and far ones.
_SCORES = st.builds(
    lambda base, nines, nudge: base + nines * 1e-9 + nudge,
    st.sampled_from([0.5, 3.0, 12.25, 47.0]),
    st.integers(-6, 6),
    st.sampled_from([0.0, 1e-10, -1e-10, 4.9e-10, -4.9e-10, 5e-10, 1e-12, 0.3, -0.3]),
)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(_SCORES, min_size=TOP + 1, max_size=120),
    st.sampled_from([0.0, 1e-9, 0.05, 0.4]),
    st.randoms(use_true_random=False),
)
def test_facts_that_may_rank_are_those_every_key_rounded_gives(
    scores: list[float], extra: float, rng: Random
) -> None:
    pool = list(range(len(scores)))
    rank = pool.copy()
    rng.shuffle(rank)
    assert _may_rank(pool, scores, rank, extra) == _plain_may_rank(pool, scores, rank, extra)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=8), max_size=300))
def test_real_words_are_held_as_their_hashes_in_order(words: list[str]) -> None:
    held = WordHashes(words)
    assert list(held._hashes) == sorted(map(hash, words))
    assert all(w in held for w in words)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aabcdeemnst", max_size=14))
def test_deletes_are_those_of_deleting_one_letter_then_another(word: str) -> None:
    plain = {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}
    if len(word) >= 8:
        for w in list(plain):
            plain |= {w[:i] + w[i + 1 :] for i in range(len(w))}
    assert DeleteIndex._variants(word) == plain


def _plain_slots(matcher: Matcher, words: Sequence[Token], lang: str | None) -> list[Slot]:
    """`Matcher._slots` as first written: every word looked up as a name's start, every
    slot made anew."""
    slots: list[Slot] = []
    governments = False
    i = 0
    while i < len(words):
        t = words[i]
        if t.surface == "lieu" and i and words[i - 1].surface in TOOK_PLACE:
            i += 1  # "a eu lieu": took place
            continue
        if t.surface == "last" and _lasting(words, i):
            i += 1  # "how long did it last": the question's words
            continue
        if t.surface in _DURER and _french_lasting(words):
            i += 1  # "combien de temps a duré": the question's words
            continue
        if t.surface in _TIME_UNITS and _unit_asked(words, i):
            i += 1  # "how many days": the question's words
            continue
        found = matcher.index.lexicon.phrase_at(words, i, lang)
        if found is not None:
            length, concept = found
            seat = next(
                (e for e in matcher.base.entities if "@" + e.id == concept and e.seat_of), None
            )
            if seat is not None and (
                not (i and words[i - 1].surface in NOT_ACTOR)
                or (governments and words[i - 1].surface == "to")
            ):
                concept = "@" + seat.seat_of[0]  # "how did Rabat react?": the government
            kind = next((e.kind for e in matcher.base.entities if "@" + e.id == concept), None)
            governments = governments or kind == "country"  # "Washington's aid to Rabat"
            text = " ".join(w.surface for w in words[i : i + length])
            upper = any(w.upper for w in words[i : i + length])
            slots.append(Slot(text, frozenset({concept}), concept, capitalised=upper))
            i += length
            continue
        if not is_stopword(t):
            keys = token_keys(t, lang)
            slots.append(Slot(t.surface, keys, None, number=t.is_number, capitalised=t.upper))
        i += 1
    return slots


def test_slots_are_read_as_looking_up_every_word_reads_them(matcher: Matcher) -> None:
    """With the memo of word slots empty, holding every word, and emptied when full."""
    texts = [t for f in matcher.facts for t in (f.title, *f.ask)]
    texts += [n for e in matcher.base.entities for n in e.names]
    texts += ["the BCIJ and the bcij", "la DGSN de la DGSN", "Morocco MOROCCO morocco 27-14"]
    for _ in range(2):
        for text in texts:
            words = split_compounds(tokenize(text))
            for lang in (None, "en", "fr"):
                assert matcher._slots(words, lang) == _plain_slots(matcher, words, lang), text
        assert len(matcher._word_slots) <= WORD_SLOTS_KEPT
        matcher._word_slots.clear()


_YEAR_PIECES = st.sampled_from(
    ["before", "Since", "prior to", "avant", "jusqu'en", "après", "DEPUIS", "from", " ", "1", "2"]
    + ["19", "20", "2011", "1999", "2100", "190", "x", "0", "9", "-", "é"]
    + ["before 2011", "since 2020", "avant 1999", "After 2005", "until 2019 ", "depuis 1920"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_YEAR_PIECES, max_size=10).map("".join))
def test_sides_of_years_are_those_the_pattern_finds(text: str) -> None:
    plain = tuple(
        (
            "before"
            if m.group(1).lower() in ("before", "prior to", "until", "avant", "jusqu'en")
            else "after"
            if m.group(1).lower() in ("after", "après", "apres")
            else "since",
            m.group(2),
        )
        for m in _SIDE.finditer(text)
    )
    assert _sides(text) == plain


#: Words around the kinds' trigger words, the seasonal cues and "name": inside words,
#: across spaces, in capitals and with accents.
_CUE_PIECES = st.sampled_from(
    ["who", "whom", "for whom", "pour qui", "ou", "où", "you ", " or ", "countries", "nam"]
    + ["name", "NAME", "Nom", "prénom", "prenom", "nom complet", "first name of Ms. Alaoui"]
    + ["prenom de Mme Alaoui", "NOM COMPLET DE M. Ziani", "Ms Alaoui's first name"]
    + ["Happy", "MERRY", "have a", "have  a", "Eid Mubarak", "karim", "\u212aareem", "ſ", "İ"]
    + ["karİm", "KARıM", "heureuſe", "ıt's", "for", "FOR", "ſais-tu ", "ÉTÉ", "Ω", "\u212a"]
    + ["how many", "when", "which", "since", "long", "/facts", "／facts", " /Facts", "/"]
    + [" ", "  ", "-", "?", "'", "é", "\n", "\t", "x"]
)
_CUE_TEXTS = st.lists(_CUE_PIECES | st.text(max_size=3), max_size=10).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.lists(_CUE_TEXTS, min_size=1, max_size=3))
def test_trigger_words_are_those_every_trigger_finds(texts: list[str]) -> None:
    """Read word by word with the memo empty or holding the words, and emptied when full."""
    for text in texts * 2:
        folded = kinds._NOT_WORD.sub(" ", reading.fold(text).replace("-", " "))
        assert kinds.triggers_in(folded) == {t for t in kinds._ALL_TRIGGERS if t in folded}
    assert len(kinds._TRIGGERS_IN_WORD) <= kinds.TRIGGER_WORDS_KEPT


@settings(max_examples=500, deadline=None)
@given(_CUE_TEXTS)
def test_a_first_name_is_looked_for_as_the_pattern_looks(text: str) -> None:
    found = _FIRST_NAME.search(text)
    given_name = _given_name_before(text)
    assert (given_name is None) == (found is None)
    if found is not None and given_name is not None:
        assert given_name[0] == next(g for g in found.groups() if g)


def test_ascii_classes_read_printable_ascii_as_the_unicode_ones_do() -> None:
    """Why an `ascii_copy` (of a `CaseBlind`, the kinds' patterns) finds what its pattern
    finds in printable ASCII text."""
    for c in map(chr, range(0x20, 0x7F)):
        for cls in (r"\w", r"\W", r"\s", r"\S", r"\d", r"\D"):
            assert (re.fullmatch(cls, c) is None) == (re.fullmatch(cls, c, re.ASCII) is None)


def test_only_four_letters_outside_ascii_match_ascii_ones_ignoring_case() -> None:
    """What `text.ascii_copy` refuses a pattern for: "K" (kelvin), "ſ", "ı" and "İ" alone."""
    four = "\u212a\u017f\u0131\u0130"
    letters = string.ascii_letters
    for c in four:
        assert any(re.fullmatch(re.escape(c), x, re.IGNORECASE) for x in letters)
    others = [
        chr(code)
        for code in range(0x80, sys.maxunicode + 1)
        if chr(code) not in four and not 0xD800 <= code < 0xE000
    ]
    for start in range(0, len(others), 4096):
        chunk = re.compile("[" + re.escape("".join(others[start : start + 4096])) + "]", re.I)
        assert not any(chunk.fullmatch(x) for x in letters)


def test_the_long_reading_patterns_have_ascii_copies_made_once() -> None:
    for name in ("_GUESS", "_IDIOM", "_CHECK"):
        pattern = getattr(matcher_module, name)
        assert text_module.reader(pattern, "plain text") is not pattern
        assert text_module.reader(pattern, "plain text") is text_module.ascii_copy(pattern)
        assert text_module.reader(pattern, "texte accentué") is pattern
    assert text_module.ascii_copy(re.compile("[a-\u017f]", re.I)).flags & re.UNICODE


def _read_the_same(text: str) -> None:
    """Each `ascii_copy` of the reading finds, in printable ASCII text, what its pattern finds."""
    if text_module.is_plain(text):
        for name in ("_GUESS", "_IDIOM", "_CHECK"):
            pattern = getattr(matcher_module, name)
            plain = text_module.ascii_copy(pattern)
            assert [m.span() for m in plain.finditer(text)] == [
                m.span() for m in pattern.finditer(text)
            ], (name, text)


def test_the_reading_finds_in_ascii_what_its_patterns_find(factbase: FactBase) -> None:
    """On every phrasing of the fact base, as written and in capitals."""
    for fact in factbase.facts:
        for text in fact.ask:
            _read_the_same(text)
            _read_the_same(text.upper())


@settings(max_examples=500, deadline=None)
@given(st.lists(_CHAT | _CUE_TEXTS, min_size=1, max_size=3).map(" ".join))
def test_the_reading_finds_in_generated_ascii_what_its_patterns_find(text: str) -> None:
    _read_the_same(text)
    _read_the_same(text.encode("ascii", "ignore").decode())


def _kinds_found(folded: str) -> None:
    """Each kind's ASCII copy finds, in a printable ASCII text, what its pattern finds."""
    if folded.isascii() and folded.isprintable():
        for kind, _ in kinds._TRIGGERS:
            found = kind.pattern.search(folded)
            fast = text_module.ascii_copy(kind.pattern).search(folded)
            assert (fast and fast.span()) == (found and found.span()), (kind, folded)


def test_kinds_are_found_in_ascii_as_their_patterns_find_them(factbase: FactBase) -> None:
    """On every phrasing of the fact base, folded as `asks_for` folds it (and as written)."""
    for fact in factbase.facts:
        for text in fact.ask:
            _kinds_found(kinds._NOT_WORD.sub(" ", reading.fold(text).replace("-", " ")))
            _kinds_found(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(kinds._ALL_TRIGGERS) | _CUE_PIECES, max_size=12).map(" ".join))
def test_kinds_are_found_in_generated_ascii_as_their_patterns_find_them(text: str) -> None:
    _kinds_found(text)
    _kinds_found(kinds._NOT_WORD.sub(" ", reading.fold(text).replace("-", " ")))


@settings(max_examples=500, deadline=None)
@given(_CUE_TEXTS)
def test_a_command_is_told_as_folding_tells_it(text: str) -> None:
    command = reading.fold(text).lstrip().startswith("/facts")
    assert (reading.read_message(text).chatter is reading.Chatter.COMMAND) == command


def _plain_by_rounded_total(
    totals: list[tuple[float, int]], rank: Sequence[int], limit: int
) -> list[tuple[float, int]]:
    """`scoring.by_rounded_total` as first written: every total rounded."""
    kept = sorted((-round(t, 9), rank[f], t, f) for t, f in totals)
    return [(t, f) for _, _, t, f in kept[:limit]]


@settings(max_examples=500, deadline=None)
@given(st.lists(_SCORES, max_size=60), st.randoms(use_true_random=False))
def test_totals_are_ranked_as_rounding_every_one_ranks_them(
    scores: list[float], rng: Random
) -> None:
    facts = list(range(len(scores)))
    rank = facts.copy()
    rng.shuffle(rank)
    totals = list(zip(scores, facts, strict=True))
    for limit in (TOP, len(scores)):
        assert by_rounded_total(totals, rank, limit) == _plain_by_rounded_total(totals, rank, limit)


def test_lowering_reads_as_ignoring_case_but_for_three_characters() -> None:
    """Every character but "İ", "ı" and "ſ" lowers to one character, a word character or
    not as it was, and a regex ignoring case reads it as an ASCII letter only when it
    lowers to that letter: what `lowering_ignores_case` rests on."""
    word = re.compile(r"\w")
    any_letter = re.compile("[a-z]", re.IGNORECASE)
    letters = [(a, re.compile(a, re.IGNORECASE)) for a in string.ascii_lowercase]
    odd = set()
    for code in range(128, sys.maxunicode + 1):
        c = chr(code)
        low = c.lower()
        if len(low) != 1 or bool(word.match(c)) != bool(word.match(low)):
            odd.add(c)
        if any_letter.fullmatch(c):  # (a few characters: each letter is tried on those)
            odd.update(c for a, letter in letters if low != a and letter.fullmatch(c))
    assert odd == {"\u0130", "\u0131", "\u017f"}
    assert not any(lowering_ignores_case(c) for c in odd)


#: Every case-blind pattern of the reading and the matcher.
_CASE_BLIND = {
    f"{module.__name__}.{name}": pattern
    for module in (reading, matcher_module)
    for name, pattern in vars(module).items()
    if isinstance(pattern, CaseBlind)
}
#: The words those patterns spell, in any case, with the three characters lowering does not
#: read as ignoring case does, white space and punctuation.
_CASE_PIECES = st.sampled_from(
    sorted(
        {
            word
            for pattern in _CASE_BLIND.values()
            for word in re.findall(r"[^\W\d_]+", re.sub(r"\\.", " ", pattern.pattern.pattern))
        }
    )
).flatmap(lambda word: st.sampled_from([word, word.upper(), word.title()]))
_CASE_TEXTS = st.lists(
    _CASE_PIECES | _CUE_PIECES | st.sampled_from([" ", "  ", "?", ", ", "-", "1", "2014"]),
    max_size=12,
).map("".join)


def test_the_reading_has_case_blind_patterns() -> None:
    assert len(_CASE_BLIND) >= 28


@settings(max_examples=1000, deadline=None)
@given(_CHAT | _CUE_TEXTS | _CASE_TEXTS)
def test_a_case_blind_pattern_finds_what_ignoring_case_finds(text: str) -> None:
    """Searched, and replaced by a space, in lower-cased text or as written."""
    for name, blind in _CASE_BLIND.items():
        found = blind.pattern.search(text) is not None
        assert blind.search(text) == found, name
        assert blind.sub(" ", text) == blind.pattern.sub(" ", text), name


def test_non_ascii_letters_of_the_patterns_are_read_as_lowering_reads_them() -> None:
    """An accented letter a pattern spells ("é", "è", "û", ...) matches, ignoring case, only
    characters lowering to it, or one of the three `lowering_ignores_case` sets apart."""
    letters = {
        c
        for blind in _CASE_BLIND.values()
        for c in blind.pattern.pattern
        if c.isalpha() and not c.isascii()
    }
    assert letters  # (the French patterns spell some)
    any_of_them = re.compile("[" + "".join(sorted(letters)) + "]", re.IGNORECASE)
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        if any_of_them.fullmatch(c) and lowering_ignores_case(c):
            assert c.lower() in letters, c


def test_a_case_blind_pattern_spells_its_letters_in_lower_case() -> None:
    with pytest.raises(ValueError, match="lower case"):
        CaseBlind.compile(r"\bthe BCIJ\b")
    assert CaseBlind.compile(r"\Wthe\s+bcij\W").search("(The  BCIJ!")


def test_a_case_blind_pattern_remembers_only_its_last_text() -> None:
    """The last text searched is kept with its answer (a message's cues are searched again
    in the question read out of it): the same text gets the same answer, another text its
    own, in any order."""
    bcij = CaseBlind.compile(r"\bbcij\b")
    texts = ["When was the BCIJ set up?", "When was the DGSN set up?"]
    for text in [*texts, *texts, texts[1], texts[1], texts[0], texts[0]]:
        assert bcij.search(text) is ("BCIJ" in text)


def test_a_slot_weighs_the_same_read_first_or_again(matcher: Matcher) -> None:
    """Its keys' ids, weight and specificity, kept by the matcher and the index, are
    those read afresh, with the memos empty, holding the slot, or emptied when full."""
    questions = [q for f in matcher.facts for q in f.ask]
    questions += ["the BCIJ and the bcij", "Xqzvist of Morocco in 2015", "la DGSN de la DGSN"]
    factor = matcher.thresholds.unknown_word_factor
    for _ in range(2):
        for question in questions:
            for slot in matcher.analyse(question):
                kids = matcher.index.key_ids(slot)
                assert matcher._kids(slot) == kids
                weight = slot_idf(matcher.index, slot, kids, factor)
                assert matcher._slot_idf(slot, matcher._kids(slot)) == weight
                assert matcher._slot_idf(slot, list(kids)) == weight
                assert matcher.index.is_specific(slot) == matcher.index._is_specific(slot)
        assert len(matcher._slot_memo) <= WORD_SLOTS_KEPT
        assert len(matcher.index._specific) <= SPECIFIC_KEPT
        matcher._slot_memo.clear()
        matcher.index._specific.clear()


_FRAME_PIECES = st.sampled_from(
    [
        "she wants to know ",
        "I was wondering ",
        "do you know ",
        "Can you tell me ",
        "WANTS ",
        "d like",
    ]
    + ["un collègue me demande ", "je voudrais savoir ", "Sais-tu ", "pouvez-vous me dire ", "what"]
    + ["when ", "how many ", "who ", "combien ", "quand ", "if ", "whether ", "know", "savoir"]
)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(_FRAME_PIECES | _PIECES | _CUE_PIECES | st.text(max_size=3), max_size=8).map("".join)
)
def test_a_frame_is_taken_off_as_the_pattern_takes_it(segment: str) -> None:
    framed = reading._FRAME.match(segment)
    assert reading._unframed(segment) == (segment[framed.end() :] if framed else segment)


@settings(max_examples=500, deadline=None)
@given(_CHAT)
def test_white_space_is_left_alone_only_where_the_pattern_leaves_it(text: str) -> None:
    """`read_message` skips the substitution for printable ASCII without double spaces."""
    if text.isascii() and text.isprintable() and "  " not in text:
        assert reading._SPACES.sub(" ", text) == text


def _plain_closest(deletes: DeleteIndex, word: str, max_distance: int | None) -> str | None:
    """`DeleteIndex.closest` as first written: every delete of the word looked up at once."""
    if not (len(word) >= 4 and word.isalpha()):
        return None
    if max_distance is None:
        max_distance = 2 if len(word) >= 7 else 1
    ranked = []
    for candidate in deletes.near(word):
        d = DamerauLevenshtein.distance(word, candidate)
        if d <= max_distance and not (d == 2 and candidate[0] != word[0]):
            dropped_only = _is_subsequence(word, candidate)
            ranked.append((d, not dropped_only, -deletes.vocab[candidate], candidate))
    return min(ranked)[3] if ranked else None


def _typos(rng: Random, word: str) -> list[str]:
    """One and two edits of `word`: letters dropped, added, replaced and swapped."""
    out = []
    for _ in range(4):
        typo = word
        for _ in range(rng.choice((1, 2))):
            if not typo:
                break
            at = rng.randrange(len(typo))
            letter = rng.choice(string.ascii_lowercase)
            typo = rng.choice(
                (
                    typo[:at] + typo[at + 1 :],
                    typo[:at] + letter + typo[at:],
                    typo[:at] + letter + typo[at + 1 :],
                    typo[:at] + typo[at + 1 : at + 2] + typo[at : at + 1] + typo[at + 2 :],
                )
            )
        out.append(typo)
    return out


def test_the_closest_word_is_the_one_every_delete_finds(matcher: Matcher) -> None:
    """One- and two-edit typos of every word of the real base, and the words themselves."""
    deletes = matcher.index.speller.deletes
    rng = Random(7)
    words = sorted(w for w in deletes.vocab if w.isalpha())[::2]
    for word in words:
        for typo in [word, *_typos(rng, word)]:
            for max_distance in (None, 1, 2):
                assert deletes.closest(typo, max_distance) == _plain_closest(
                    deletes, typo, max_distance
                ), (typo, max_distance)


class _Wide(DeleteIndex):
    """A typo index of eight-byte entries, as a base of a million words would have."""

    narrow_bits = 0


def test_the_words_near_a_typo_are_those_sharing_a_delete_with_it(matcher: Matcher) -> None:
    """In the four-byte table, the eight-byte one, and a dict of every delete."""
    vocab = matcher.index.speller.deletes.vocab
    narrow, wide = DeleteIndex(vocab), _Wide(vocab)
    assert narrow.table.itemsize == 4 and wide.table.itemsize == 8
    by_delete: dict[str, set[str]] = {}
    for word in narrow.words:
        for variant in DeleteIndex._variants(word):
            by_delete.setdefault(variant, set()).add(word)
    rng = Random(11)
    for word in sorted(narrow.words)[::3]:
        for typo in [word, *_typos(rng, word)]:
            plain = set().union(*(by_delete.get(v, set()) for v in DeleteIndex._variants(typo)))
            assert narrow.near(typo) == plain == wide.near(typo), typo


class _Recording(DeleteIndex):
    """A typo index that records the words whose two-letter deletes it made."""

    def __init__(self, vocab: dict[str, int]) -> None:
        super().__init__(vocab)
        self.two_letter_deletes: list[str] = []

    def _two_letter_deletes(self, word: str) -> set[str]:  # type: ignore[override]
        self.two_letter_deletes.append(word)
        return DeleteIndex._two_letter_deletes(word)


def test_two_letter_deletes_are_read_only_when_no_word_is_one_edit_away() -> None:
    deletes = _Recording({"prosecutors": 3, "trafficking": 2, "training": 1})
    deletes.two_letter_deletes.clear()  # (indexing the words made theirs)
    assert deletes.closest("prosecutros") == "prosecutors"  # two letters swapped: one edit
    assert deletes.closest("trafickng") == "trafficking"  # two letters dropped
    assert deletes.two_letter_deletes == ["trafickng"]


_DAY_PIECES = st.sampled_from(
    ["day", "days", "jour", "jours", "date", "dates", "exact", "exacts", "exactes", "which"]
    + ["what", "quel", "quels", "quelles", "on", "the", "de", "la", "today", "dated", "update"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_DAY_PIECES | _PIECES | st.text(max_size=3), max_size=8).map(" ".join))
def test_a_day_is_found_asked_for_as_the_pattern_finds_it(text: str) -> None:
    assert _asks_a_day(text) == (_A_DAY.search(text) is not None)


@settings(max_examples=1000, deadline=None)
@given(_MESSAGES | _CHAT)
def test_a_segment_may_end_where_the_pattern_finds_it_may(text: str) -> None:
    assert reading._may_end(text) == (reading._MAY_END.search(text) is not None)


#: The question kinds whose pattern is tried only where a word starts (`_at_word_starts`).
_WORD_START = "(?<!\\w)(?:"
_AT_WORD_STARTS = {
    k.name: k.pattern for k in kinds.Kind if k.pattern.pattern.startswith(_WORD_START)
}


def _opens_word(items: list[tuple[object, object]]) -> bool:
    """Whether whatever `items` (parsed regex items) match opens with a word character."""
    if not items:
        return False
    op, av = items[0]
    name = str(op)
    if name == "LITERAL":
        return bool(re.fullmatch(r"\w", chr(av)))  # type: ignore[arg-type]
    if name == "IN":
        ops = [(str(o), a) for o, a in av]  # type: ignore[attr-defined]
        return ("NEGATE", None) in ops and ("CATEGORY", "CATEGORY_NOT_WORD") in [
            (o, str(a)) for o, a in ops
        ]
    if name == "SUBPATTERN":
        return _opens_word(list(av[3]) + items[1:])  # type: ignore[index]
    if name == "BRANCH":
        return all(_opens_word(list(alt) + items[1:]) for alt in av[1])  # type: ignore[index]
    if name in ("MAX_REPEAT", "MIN_REPEAT"):
        low, _, body = av  # type: ignore[misc]
        return _opens_word(list(body)) and (low > 0 or _opens_word(items[1:]))
    if name in ("ASSERT", "ASSERT_NOT"):
        return _opens_word(items[1:])
    return False


def _branch_starts_a_word(items: list[tuple[object, object]]) -> bool:
    """Whether a match of `items` can only start at the text's start or at a word's."""
    while items and str(items[0][0]) in ("ASSERT", "ASSERT_NOT"):
        items = items[1:]
    if not items:
        return False
    op, av = items[0]
    name = str(op)
    if name == "AT":
        return str(av) == "AT_BEGINNING" or (str(av) == "AT_BOUNDARY" and _opens_word(items[1:]))
    if name == "SUBPATTERN":
        return _branch_starts_a_word(list(av[3]) + items[1:])  # type: ignore[index]
    if name == "BRANCH":
        return all(_branch_starts_a_word(list(alt) + items[1:]) for alt in av[1])  # type: ignore[index]
    return False


def test_a_kind_tried_at_word_starts_only_has_branches_opening_a_word() -> None:
    """Each branch of those patterns opens with `^`, or with `\\b` and a word character, so
    skipping the places inside or after a word skips no match (a branch added to them must
    too)."""
    parse = re._parser.parse  # type: ignore[attr-defined]
    assert {"PERSON", "MONEY"} <= _AT_WORD_STARTS.keys()
    assert not _branch_starts_a_word(list(parse(r"\bhow\b|[$€]\s*\d")))  # (the check checks)
    assert not _branch_starts_a_word(list(parse(r"\b(?:how|\d+)")))
    for name, pattern in _AT_WORD_STARTS.items():
        source = pattern.pattern
        assert source.endswith(")"), name
        inner = source[len(_WORD_START) : -1]
        assert _branch_starts_a_word(list(parse(inner))), name


@settings(max_examples=500, deadline=None)
@given(_CHAT | _CUE_TEXTS | _CASE_TEXTS)
def test_a_kind_tried_at_word_starts_finds_what_its_branches_find(text: str) -> None:
    folded = text.lower()
    for name, pattern in _AT_WORD_STARTS.items():
        plain = re.compile(pattern.pattern[len(_WORD_START) : -1], pattern.flags)
        for t in (text, folded):
            assert [m.span() for m in pattern.finditer(t)] == [
                m.span() for m in plain.finditer(t)
            ], name
