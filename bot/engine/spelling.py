"""Reading a question's words as the fact base spells them: typos, variants, compounds.

Why this module exists: typo correction (a symmetric-delete index over the fact base's
own vocabulary), British and American spellings, joined and split compounds and chat
shorthand are general normalisation, true of any fact base and any question kind.
`Speller.correct` is the one entry point; the index builds the speller it needs.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Container, Iterable, Sequence, Set
from functools import cached_property

from rapidfuzz.distance import DamerauLevenshtein

from bot.core.text import (
    QUANTITY_WORDS,
    SHORTHAND,
    STOPWORDS,
    Token,
    is_stopword,
    looks_like_year,
    tokenize,
    word_keys,
)
from bot.engine.lexicon import french_only_words, known_words, split_compounds
from bot.engine.weights import (
    SPLIT_MIN_HEAD,
    SPLIT_MIN_LETTERS,
    SPLIT_MIN_TAIL,
    TYPO_MIN_LETTERS,
    TYPO_TWO_EDITS_FROM,
)

_BRITISH_AMERICAN = (
    (re.compile(r"is(e|ed|es|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"iz(e|ed|es|ing|ation|ations)$"), r"is\1"),
    (re.compile(r"our(s|ed|ing|hood|hoods)?$"), r"or\1"),
    (re.compile(r"tre(s)?$"), r"ter\1"),
    (re.compile(r"ter(s)?$"), r"tre\1"),
    (re.compile(r"ence$"), "ense"),
    (re.compile(r"amme(s)?$"), r"am\1"),
    (re.compile(r"am(s)?$"), r"amme\1"),
    # Not "travelled" / "traveled": they share a stem, so either finds the other, and the
    # rule would only make "filled" "filed" and "called" "caled".
)
#: A doer written "-er" for "-or" ("prosecuter", "investigaters"): the ending of the "-or".
_AGENT = re.compile(r"(?<=\w{5})er(?=s?$)")
#: Chat drops the g of "-ing": "workin", "trainin" (a word of five letters or more).
_DROPPED_G = re.compile(r"(?<=\w{3})(in)$")


def spelling_variants(word: str) -> list[str]:
    """British and American spellings of a word we do not know ("organised" -> "organized"),
    and its "-ing" written without the g ("workin" -> "working")."""
    out = []
    for pattern, repl in _BRITISH_AMERICAN:
        variant = pattern.sub(repl, word)
        if variant != word:
            out.append(variant)
    if word.endswith("in"):
        variant = _DROPPED_G.sub("ing", word)
        if variant != word:
            out.append(variant)
    if word.endswith(("shun", "shon", "shen")) and len(word) > 6:
        out.append(word[:-4] + "tion")  # "constitushun": spelt as said
    return out


#: Shorthand written in capitals, which no name of the fact base is: "which US PD trains
#: the HNP?", "intl HR standards", "CT law" ("hr" in lower case is an hour).
_CAPITAL_SHORTHAND = {
    "pd": "police department",
    "hr": "human rights",
    "ct": "counterterrorism",
}
#: Words after which "1" is the pronoun "one" ("which 1?", "just 1").
_BEFORE_CHAT_ONE = frozenset({"which", "just", "only", "that", "this", "the", "any", "each"})


def chat_one(tokens: Sequence[Token], n: int) -> bool:
    """Token n is a "1" written for the pronoun "one": after "which"/"just"..., and last or
    before a function word ("which 1 did ...?"); never "just 1 day", "1.5 million"."""
    before = tokens[n - 1].surface if n else ""
    if before not in _BEFORE_CHAT_ONE:
        return False
    if n + 1 == len(tokens):
        return True
    after = tokens[n + 1]
    return is_stopword(after) and not after.is_number and after.surface not in QUANTITY_WORDS


#: What a time of day follows ("lunch at 1?", "on se voit vers 14h ?"), and what may
#: follow it.
_BEFORE_A_TIME = frozenset({"at", "around", "vers"})
_AFTER_A_TIME = frozenset({"am", "pm", "h", "oclock", "ish", "today", "tomorrow", "demain"})


def time_of_day(tokens: Sequence[Token], n: int) -> bool:
    """Token n, a number of 1 to 24 after "at", "around" or "vers", is a time of day: last,
    or before "pm", "h", "tomorrow" ("meeting at 3?"); never "at 5 academies"."""
    if not (n and tokens[n - 1].surface in _BEFORE_A_TIME and 1 <= int(tokens[n].surface) <= 24):
        return False
    return n + 1 == len(tokens) or tokens[n + 1].surface in _AFTER_A_TIME


#: Words before a "2" written for "to" ("plan 2 do", "need 2 know", "going 2 be") ...
_BEFORE_CHAT_TO = frozenset(
    """plan plans planned planning need needs needed want wants wanted going have has had
    try trying tried hope hoping meant supposed expected able used due aim aims intend
    intends intended agreed decided seek seeks wish""".split()  # noqa: SIM905
)
#: ... and the verbs after it: "have 2 sessions" is a figure, "have 2 ask" is not.
_AFTER_CHAT_TO = frozenset(
    """do be have get go know see make help ask find check improve train build support
    give take use set start run tell say send create fund hold open launch""".split()  # noqa: SIM905
)
#: Verbs after a "2" that make it "to" whatever comes before (no figure of them is
#: written so: "police 2 counter drug trafficking", "plans 2 enhance legal services").
_ONLY_AFTER_CHAT_TO = frozenset(
    """enhance counter combat fight tackle prevent protect strengthen boost deploy
    investigate prosecute dismantle address develop provide deliver""".split()  # noqa: SIM905
)
#: Words before a "2" that make it "to" before "the" ("acc 2 the MACP piece", "due 2 the").
_TO_THE = frozenset("acc according due thanks next close back went go going".split())  # noqa: SIM905
_DETERMINERS = frozenset("the a an my our their its his her this that these those".split())  # noqa: SIM905
#: A year written in two digits after a word that takes a year: "since 08", "depuis 09"
#: (only 2000-2009: "in 15" may be fifteen of something).
_SHORT_YEARS = frozenset(f"0{d}" for d in range(10))
_BEFORE_A_YEAR = frozenset("since in from until till by depuis en".split())  # noqa: SIM905
#: Words a chat "4" after is "for": "stand 4", "the training center 4 prisons", "prison
#: time 4 ppl trying to join", "responsible 4 what".
_FOR_AFTER = frozenset(
    {
        *("stand", "stands", "center", "centre", "centers", "centres", "time", "sentence"),
        *("sentences", "penalty", "penalties", "punishment", "responsible", "used", "known"),
        *("reason", "reasons", "funding", "money", "budget"),
    }
)
#: Words a "4" after is a number of: "article 4", "slide 4" (a question may end on them).
_NUMBERED_TOO = frozenset(
    {
        *("article", "articles", "chapter", "section", "page", "slide", "annex", "item"),
        *("point", "table", "figure", "law", "day", "days", "year", "years", "number", "no"),
    }
)


def chat_to(tokens: Sequence[Token], n: int) -> bool:
    """Token n is a "2" written for "to": between a verb taking "to" and a verb ("what
    does INL plan 2 do", "going 2 be"), before a verb no figure counts ("police 2 counter
    drug trafficking"), or between "according" and "the" ("acc 2 the MACP piece"); never
    "phase 2 start", "have 2 sessions"."""
    if not n or n + 1 == len(tokens):
        return False
    before, after = tokens[n - 1].surface, tokens[n + 1].surface
    return (
        (before in _BEFORE_CHAT_TO and after in _AFTER_CHAT_TO)
        or (
            after in _ONLY_AFTER_CHAT_TO
            and not tokens[n - 1].is_number
            and before not in _DETERMINERS  # ("the 2 counter units": two units)
        )
        or (before in _TO_THE and after in _DETERMINERS)
    )


def chat_for(tokens: Sequence[Token], n: int) -> bool:
    """Token n is a "4" written for "for": "what does ToT stand 4?", "trained 4 the
    prosecutor network" (never "4 prosecutors", "the 4 sessions")."""
    if not n:
        return False
    before = tokens[n - 1].surface
    if before in _FOR_AFTER:
        return True
    if n + 1 == len(tokens):
        # "what is the bcij responsible 4": a "4" ending a question after a word ("phase 4"
        # is read before this, as a rank).
        return before.isalpha() and before not in _NUMBERED_TOO
    return tokens[n + 1].surface in _DETERMINERS


#: Nouns whose number after them is a rank: "phase 2" is the second phase (and is not
#: answered by "days 1-2").
_NUMBERED = frozenset({"phase", "phases", "stage", "round", "edition", "wave", "cohort"})
_ORDINAL_OF = {"1": "first", "2": "second", "3": "third", "4": "fourth", "5": "fifth"}


#: A numbered part written glued to its number: "day3", "phase2", "jour2", "art5".
_GLUED_NUMBER = re.compile(
    "("
    + "|".join(sorted(_NUMBERED | _NUMBERED_TOO | {"jour", "session", "module", "week", "art"}))
    + r")(\d{1,2})"
)


def _unglued(tokens: list[Token]) -> list[Token]:
    """`tokens` with each numbered part glued to its number split from it ("day3")."""
    out: list[Token] = []
    for t in tokens:
        glued = _GLUED_NUMBER.fullmatch(t.surface)
        if glued is None:
            out.append(t)
        else:
            out += [Token(glued.group(1), t.upper), Token(glued.group(2), False)]
    return out


#: The letters' names, as speech-to-text writes them: "bee sea eye jay" is BCIJ.
_LETTER_NAMES = {
    "ay": "a", "bee": "b", "cee": "c", "see": "c", "sea": "c", "dee": "d", "ee": "e",
    "eff": "f", "ef": "f", "gee": "g", "jee": "g", "aitch": "h", "eye": "i", "jay": "j",
    "kay": "k", "el": "l", "ell": "l", "em": "m", "en": "n", "oh": "o", "pee": "p",
    "cue": "q", "ar": "r", "ess": "s", "tee": "t", "tea": "t", "you": "u", "vee": "v",
    "ex": "x", "wye": "y", "zed": "z", "zee": "z",
}  # fmt: skip
#: The names no everyday word shares (one of them must be said: not "see you").
_ONLY_LETTER_NAMES = frozenset(
    "bee cee dee eff gee jee aitch eye jay kay ell pee ess vee zed zee".split()  # noqa: SIM905
)
#: The fewest letters of each of two words mistyping one of ours together ("tiff let").
SPLIT_TYPO_PART = 3
#: The most tokens an acronym is said in ("dee gee a p r").
_SPOKEN_ACRONYM_TOKENS = 6


def _letters_said(tokens: list[Token], acronyms: Set[str]) -> list[Token]:
    """`tokens` with each run of letters said by their names ("bee sea eye jay", "dee gee a
    p r") that spells one of our acronyms read as it; its last token may be the rest of the
    name as a word ("eye lea": ILEA). A run spelling none stays as it was."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        found = 0
        if tokens[i].surface in _LETTER_NAMES or len(tokens[i].surface) == 1:
            letters, said = "", False
            for j in range(i, min(i + _SPOKEN_ACRONYM_TOKENS, len(tokens))):
                surface = tokens[j].surface
                letter = _LETTER_NAMES.get(surface, surface if len(surface) == 1 else None)
                said = said or surface in _ONLY_LETTER_NAMES
                spelled = letters + (letter or surface)
                if said and j > i and spelled in acronyms:
                    found, acronym = j + 1 - i, spelled
                if letter is None or not surface.isalpha():
                    break
                letters += letter
        if found:
            out.append(Token(acronym, True))
            i += found
        else:
            out.append(tokens[i])
            i += 1
    return out


def _typo_indexed(word: str) -> bool:
    """Whether the typo index holds (and corrects) words like this one."""
    return len(word) >= TYPO_MIN_LETTERS and word.isalpha()


#: The longest word in capitals read as an acronym ("ANAB", "OSCE", "NYPD"), not a word
#: typed with caps lock on.
_ACRONYM_LETTERS = 5
_HASH_MASK = (1 << 63) - 1
#: Words whose fix `Speller` keeps (about 150 bytes each; 2,048 took the 10,000-fact peak RSS
#: over 100 MB once the eleventh session's words were in, 1,024 cost 1% of a question).
FIXES_KEPT = 1024


class DeleteIndex:
    """Symmetric-delete spelling correction (as in SymSpell) over our own vocabulary.

    A word is indexed under itself and its one-letter deletes (two-letter deletes too
    for words of 8 letters or more); a typo finds the words sharing one of its own
    deletes. A dict from delete strings to words takes ~28 MB at 10,000 facts, so
    each (delete, word) pair is one int in an open-addressing table instead: high
    bits of the delete's hash, low bits the word's number. Each hit is checked against
    the word itself, so the words found are exactly those the dict would give.
    """

    #: The most bits a word's number may take in a four-byte entry.
    narrow_bits = 20

    def __init__(self, vocab: dict[str, int]) -> None:
        self.vocab = vocab
        self.words = [w for w in vocab if _typo_indexed(w)]
        # At most 1 + n + n(n-1)/2 deletes per word: size the table for a load under 1/2.
        bound = sum(1 + n + (n * (n - 1) // 2 if n >= 8 else 0) for n in map(len, self.words))
        size = 8
        while size * 0.5 < bound:
            size *= 2
        self.mask = size - 1
        self.bits = (len(self.words) + 1).bit_length()
        # An entry is a tag (high bits of the delete's hash) above the word's number. Four
        # bytes hold it while the numbers leave the tag 12 bits or more (half the table's
        # 4 MB at 10,000 facts); a tag shared by chance costs one check of the word.
        narrow = self.bits <= self.narrow_bits
        self.table = array("I" if narrow else "q", bytes((4 if narrow else 8) * size))
        assert self.table.itemsize == (4 if narrow else 8)
        self.shift = 31 + self.bits if narrow else 32  # (63 bits of hash, less the tag's)
        table, mask, bits, shift = self.table, self.mask, self.bits, self.shift
        for number, word in enumerate(self.words, 1):
            for variant in self._variants(word):
                h = hash(variant) & _HASH_MASK
                i = h & mask
                while table[i]:
                    i = (i + 1) & mask
                table[i] = (h >> shift) << bits | number

    @staticmethod
    def _variants(word: str) -> set[str]:
        """The word and its one-letter deletes; two-letter deletes too from 8 letters on
        (each pair of places once: deleting i then j was the same string as j then i)."""
        out = DeleteIndex._one_edit_variants(word)
        if len(word) >= 8:
            out |= DeleteIndex._two_letter_deletes(word)
        return out

    @staticmethod
    def _one_edit_variants(word: str) -> set[str]:
        """The word and its one-letter deletes: what every word one edit away shares with
        it in the table (a letter added, dropped or replaced, or two letters swapped)."""
        out = {word}
        out.update(word[:i] + word[i + 1 :] for i in range(len(word)))
        return out

    @staticmethod
    def _two_letter_deletes(word: str) -> set[str]:
        n = len(word)
        return {
            word[:i] + word[i + 1 : j] + word[j + 1 :] for i in range(n) for j in range(i + 1, n)
        }

    def closest(self, word: str, max_distance: int | None = None) -> str | None:
        if not _typo_indexed(word):
            return None
        if max_distance is None:
            max_distance = 2 if len(word) >= TYPO_TWO_EDITS_FROM else 1
        # Words one edit away rank before any two edits away, and all of them share one of
        # the word's one-letter deletes: its two-letter deletes (n(n-1)/2 of them, most of
        # the lookups) are looked up only when no word is one edit away (most typos are one).
        found = self._found(self._one_edit_variants(word))
        best = self._best(word, found, max_distance)
        if (best is None or best[0] > 1) and max_distance > 1 and len(word) >= 8:
            found |= self._found(self._two_letter_deletes(word))
            best = self._best(word, found, max_distance)
        return best[3] if best else None

    def _best(
        self, word: str, candidates: set[str], max_distance: int
    ) -> tuple[int, bool, int, str] | None:
        """(distance, not only letters dropped, -frequency, word) of the best of
        `candidates` for `word`, if any."""
        best: tuple[int, bool, int, str] | None = None
        for candidate in candidates:
            d = DamerauLevenshtein.distance(word, candidate)
            if d > max_distance or (d == 2 and candidate[0] != word[0]):
                # Two edits away is a typo only if the first letter is right: people
                # seldom mistype it, and "gathered" is not "adhered".
                continue
            # At the same distance, a word the typo only dropped letters of comes first:
            # "trafiking" is "trafficking", not the commoner "training".
            rank = (d, not _is_subsequence(word, candidate), -self.vocab[candidate], candidate)
            if best is None or rank < best:
                best = rank
        return best

    def near(self, word: str) -> set[str]:
        """The indexed words sharing a delete with `word`: among them, every one a single
        edit away (a letter added, dropped, replaced, or two swapped)."""
        return self._found(self._variants(word))

    def _found(self, variants: set[str]) -> set[str]:
        """The indexed words one of whose deletes (or themselves) is one of `variants`."""
        table, mask, bits, words = self.table, self.mask, self.bits, self.words
        low = (1 << bits) - 1
        shift = self.shift
        found: set[str] = set()
        for variant in variants:
            h = hash(variant) & _HASH_MASK
            i = h & mask
            tag = h >> shift
            while entry := table[i]:
                if entry >> bits == tag:
                    candidate = words[(entry & low) - 1]
                    cut = len(candidate) - len(variant)
                    # A matching hash is checked: `variant` must be one of the word's deletes.
                    if (cut == 0 and candidate == variant) or (
                        (cut == 1 or (cut == 2 and len(candidate) >= 8))
                        and _is_subsequence(variant, candidate)
                    ):
                        found.add(candidate)
                i = (i + 1) & mask
        return found


#: Function words a typo may be made of (three letters or more: "teh", "ther", "wich"), by
#: their first letter and by their second (a typo keeps one of the two: "wich", "hte").
def _stopwords_by_letter() -> dict[str, tuple[str, ...]]:
    table: dict[str, set[str]] = {}
    for word in STOPWORDS:
        if len(word) >= TYPO_MIN_LETTERS - 1 and word.isalpha():
            for letter in {word[0], word[1]}:
                table.setdefault(letter, set()).add(word)
    return {letter: tuple(sorted(words)) for letter, words in table.items()}


_STOPWORDS_BY_LETTER = _stopwords_by_letter()
#: French letters elided before a vowel ("l'aide", "d'abord") and the vowels they go before.
_ELIDED = frozenset("ldjmnst")
_VOWELS = frozenset("aeiouyhéèêâîôû")


def near_stopword(word: str) -> str | None:
    """The function word one edit from `word` ("abot" -> "about"), if `word` is long
    enough to tell; the first in alphabetical order of those, so always the same one."""
    if len(word) < TYPO_MIN_LETTERS - 1 or not word.isalpha():
        return None
    distance = DamerauLevenshtein.distance
    found = {
        w
        for letter in {word[0], word[1]}
        for w in _STOPWORDS_BY_LETTER.get(letter, ())
        if abs(len(w) - len(word)) <= 1 and distance(word, w, score_cutoff=1) <= 1
    }
    return min(found, default=None)


def _is_subsequence(short: str, word: str) -> bool:
    """Whether deleting letters from `word` can give `short`."""
    letters = iter(word)
    return all(c in letters for c in short)


#: Articles: the word after one is a noun of its own ("a way" is no "away").
_ARTICLES = frozenset({"a", "an", "the"})


def _two_swapped(word: str, other: str) -> bool:
    """Whether `other` is `word` with two of its letters after the first swapped ("bjic",
    "bcij")."""
    if len(word) != len(other) or word[:1] != other[:1]:
        return False  # (a first letter is seldom mistyped: "SGDN" is no "DGSN")
    apart = [n for n, (a, b) in enumerate(zip(word, other, strict=True)) if a != b]
    return (
        len(apart) == 2 and word[apart[0]] == other[apart[1]] and word[apart[1]] == other[apart[0]]
    )


class Speller:
    """Corrects a question's words against the fact base's own words.

    `vocab` counts every word of the facts and curated names as written; `keys` holds
    every key (stem, number, concept) some fact holds; `single_words` the keys of
    one-word curated names.
    """

    def __init__(
        self,
        vocab: dict[str, int],
        keys: Container[str],
        single_words: Set[str],
        acronyms: Set[str] = frozenset(),
    ) -> None:
        self.vocab = vocab
        self.keys = keys
        self.single_words = single_words
        #: The curated acronyms, folded ("dgsn"): what a short name in capitals we do not
        #: know may be a typo of.
        self.acronyms = acronyms
        #: (word, language) -> `_fix(word, language)`: questions reuse their words, and a
        #: word's fix depends on nothing else. Emptied when full.
        self._fixes: dict[tuple[str, str | None], tuple[str, ...] | None] = {}
        # Words the typo index leaves out (3 letters, or one digit or hyphen) that may be one
        # edit from a word it holds, by stem key. A word starting with a digit is its own
        # key, never a stem.
        # Words of a key joined by line breaks (words never hold one), most keys having one
        # word: the word itself, no container (lists took 2.4 MB more at 10,000 facts).
        self.unindexed: dict[str, str] = {}
        for word in vocab:
            if (
                len(word) >= TYPO_MIN_LETTERS - 1
                and not word[:1].isdigit()
                and sum(not c.isalpha() for c in word) <= (0 if len(word) < TYPO_MIN_LETTERS else 1)
                and not _typo_indexed(word)
            ):
                for key in word_keys(word):
                    held = self.unindexed.get(key)
                    self.unindexed[key] = word if held is None else held + "\n" + word

    @cached_property
    def deletes(self) -> DeleteIndex:
        """The typo table, made when a word first needs it. An index built from the fact
        base makes it at once (`Index.__init__`: a server's first typo waits on nothing);
        one loaded from disk only if a question holds a word it does not know, which most
        one-question processes never do (~0.1 s of their cold start)."""
        return DeleteIndex(self.vocab)

    def correct(self, tokens: list[Token], lang: str | None) -> list[Token]:
        """Expand chat shorthand, join or split compounds, fix typos against our vocabulary."""
        vocab = self.vocab
        if any(t.surface[-1:].isdigit() and t.surface[:1].isalpha() for t in tokens):
            tokens = _unglued(tokens)  # "day3" -> "day 3"
        if any(t.surface in _ONLY_LETTER_NAMES for t in tokens):
            tokens = _letters_said(tokens, self.acronyms)  # "bee sea eye jay": BCIJ
        out: list[Token] = []
        for n, t in enumerate(tokens):
            surface = t.surface
            if surface in _ORDINAL_OF and n and tokens[n - 1].surface in _NUMBERED:
                # "phase 2" -> "second phase": the rank before what it ranks.
                out[-1:] = [Token(_ORDINAL_OF[surface], False), out[-1]]
            elif surface in SHORTHAND and not t.upper:
                out.extend(split_compounds(tokenize(SHORTHAND[surface])))
            elif surface in _CAPITAL_SHORTHAND and t.upper:
                out.extend(tokenize(_CAPITAL_SHORTHAND[surface]))
            elif (
                surface == "sept" and n + 1 < len(tokens) and looks_like_year(tokens[n + 1].surface)
            ):
                out.append(Token("september", t.upper))  # "en sept 2018"; "sept ans" stays seven
            elif surface == "min" and n + 1 < len(tokens) and tokens[n + 1].surface == "of":
                out.append(Token("ministry", t.upper))  # "the min of justice"; "10 min" stays
            elif surface.isdigit() and time_of_day(tokens, n):
                continue  # "lunch at 1?", "meeting at 3 pm": a time of day, no figure asked
            elif surface == "2" and chat_to(tokens, n):
                out.append(Token("to", False))
            elif surface == "4" and chat_for(tokens, n):
                out.append(Token("for", False))
            elif surface in _SHORT_YEARS and n and tokens[n - 1].surface in _BEFORE_A_YEAR:
                out.append(Token("20" + surface, False))  # "since 08": since 2008
            elif surface == "un" and lang == "en" and not t.upper:
                out.append(Token("un", True))  # "which un bodies": the UN, in chat lower case
            elif surface == "1" and chat_one(tokens, n):
                continue  # "which 1?", "just 1": the pronoun "one", not a figure asked for
            elif surface in NATIONS and not _united(tokens, n):
                # "How many nations ...?" asks for countries; its stem is "national"'s.
                out.append(Token(NATIONS[surface], t.upper))
            elif (
                surface.endswith("in")
                and len(surface) >= 5
                and not t.upper
                and surface not in vocab
                and surface not in STOPWORDS
                and surface + "g" in STOPWORDS
            ):
                # "tryin to improve": a stop word without its g (`spelling_variants`
                # gives back the words of the fact base, not these).
                out.append(Token(surface + "g", False))
            elif surface[:1].isdigit() and surface.endswith(("-odd", "-ish")):
                out.append(Token(surface.rsplit("-", 1)[0], False))  # "300-odd": about 300
            elif "-" in surface and not surface[:1].isdigit():
                out.extend(split_compounds((t,)))  # "post-blast": post, blast; "27-14" stays
            else:
                out.append(t)
        # "post blast" -> "postblast", "glo act" -> "gloact" when that is one of our words.
        joined: list[Token] = []
        i, last = 0, len(out) - 1
        while i < last:
            a, b = out[i], out[i + 1]
            pair = a.surface + b.surface
            if (
                pair in vocab
                and not a.is_number
                and (a.surface not in vocab or b.surface not in vocab)
                # ("ça se passe": "ca" and "se" are two words, not "case".)
                and not (a.surface in STOPWORDS and b.surface in STOPWORDS)
                # ("cited as a way to ...": an article before a noun, not "away".)
                and a.surface not in _ARTICLES
            ):
                joined.append(Token(pair, a.upper or b.upper))
                i += 2
            elif (name := self._split_typo(a, b)) is not None:
                joined.append(Token(name, a.upper or b.upper))
                i += 2
            else:
                joined.append(a)
                i += 1
        if i == last:  # the last word, unless it was joined to the one before
            joined.append(out[last])
        fixed: list[Token] = []
        for t in joined:
            surface = t.surface
            # (A number, or a stop word not in capitals: `Token.is_number`, `is_stopword`.)
            if surface[:1].isdigit() or (surface in STOPWORDS and not t.upper):
                fixed.append(t)
                continue
            fix = self._fixed(surface, lang)
            if t.upper and surface not in self.vocab:
                # ("DGNS" is "DGSN" before it is the commoner "dans", one edit away too.)
                swapped = self._swapped_acronym(surface)
                if swapped is not None:
                    fix = swapped
                elif fix is not None and len(surface) <= _ACRONYM_LETTERS:
                    # "Was it ANAB?": a short name in capitals we do not know is a name,
                    # not a mistyped "arab"; only one of our acronyms may be its typo.
                    fix = fix if fix[0] in self.acronyms else None
            if fix is None or (t.upper and len(fix) == 1 and fix[0] in STOPWORDS):
                # ("CVE", "OSCE": a name in capitals is no mistyped "ive" or "once".)
                fixed.append(t)
            else:
                fixed.extend(Token(w, t.upper) for w in fix)
        return fixed

    def _fixed(self, word: str, lang: str | None) -> tuple[str, ...] | None:
        """`_fix(word, lang)`, kept in the memo of fixes."""
        memo = self._fixes
        key = (word, lang)
        if key in memo:
            return memo[key]
        if len(memo) >= FIXES_KEPT:
            memo.clear()
        fix = memo[key] = self._fix(word, lang)
        return fix

    def _split_typo(self, a: Token, b: Token) -> str | None:
        """The one name of ours two words mistype together ("tiff let": Tiflet, "glow act":
        GLO.ACT, as speech-to-text writes names it does not know): both in lower case, of
        three letters or more (not "norme ISO", "a count"), one of them no word of ours, and
        together one edit from a curated name of one word or an acronym (not "care line":
        "Caroline", no name of ours; nor "former iront": "formeront", two edits)."""
        one, other = a.surface, b.surface
        if (
            a.upper
            or b.upper
            or not (one.isalpha() and other.isalpha())
            or min(len(one), len(other)) < SPLIT_TYPO_PART  # (not "a count": "account")
        ):
            return None
        unknown = [w for w in (one, other) if w not in self.vocab and w not in STOPWORDS]
        if not unknown:
            return None
        fix = self._fixed(one + other, None)
        if fix is None or len(fix) != 1 or DamerauLevenshtein.distance(one + other, fix[0]) > 1:
            return None
        named = fix[0] in self.acronyms or all(k in self.single_words for k in word_keys(fix[0]))
        return fix[0] if named else None

    def _swapped_acronym(self, word: str) -> tuple[str, ...] | None:
        """An acronym in capitals with two letters swapped ("CPB", "CNHD", "DGNS"): too short
        for the typo index, it is the one word of ours with two neighbours the other way
        round ("CBP", "CNDH", "DGSN"), if exactly one is; else the one curated acronym with
        two letters apart, after the first, swapped ("BJIC")."""
        if not (3 <= len(word) < TYPO_MIN_LETTERS + 1 and word.isalpha()):
            return None
        found = {
            swapped
            for i in range(len(word) - 1)
            if (swapped := word[:i] + word[i + 1] + word[i] + word[i + 2 :]) in self.vocab
            and swapped != word
        }
        if not found:
            # "BJIC" for "BCIJ": two letters apart swapped, only in one of our acronyms.
            found = {a for a in self.acronyms if _two_swapped(word, a)}
        return (found.pop(),) if len(found) == 1 else None

    def _fix(self, word: str, lang: str | None) -> tuple[str, ...] | None:
        """What a content word of a question reads as: None for itself, else the word or
        words it stands for (a typo fixed, the other spelling, a compound split)."""
        if self.known(word, lang):
            # An inflection we know by its stem, unless it is really a typo of another
            # word: "prosecuters" stems like "prosecute" but is one letter off "prosecutors".
            agent = _AGENT.sub("or", word) if word not in self.vocab else word
            if agent != word and agent in self.vocab:
                return (agent,)  # "prosecuter", "facilitater": the "-or" of one who does it
            guess = None
            if word not in self.vocab and word not in known_words():
                guess = self.deletes.closest(word, max_distance=1)
            if guess is None or self._stem_is_as_close(word, guess, lang):
                return None
            return (guess,)
        variant = next((v for v in spelling_variants(word) if self.known(v, lang)), None)
        if variant is not None:
            return (variant,)
        if word in self.vocab:
            # A word of a curated name that no fact holds ("House of Councillors") is still
            # a word we know: never split or corrected into others.
            return None
        if lang == "fr" and len(word) > 3 and word[0] in _ELIDED and word[1] in _VOWELS:
            # "laide de linl", "latelier": "l'aide de l'INL", the apostrophe not typed (a
            # French word of its own, "laide", is no word of the facts; "aide" is).
            rest = word[1:]
            # (Not a word of its own left with three letters: "note" is no "n'ote".)
            if (
                rest in self.vocab
                and rest not in STOPWORDS
                and (len(rest) > 3 or word not in known_words())
            ):
                return (rest,)
        split = self.split_word(word)
        if split is not None:
            return split
        # A real word we simply do not hold ("pris", "killed", "rewrite", "étudiés") is
        # not a typo of one we do; but outside French (in English, or in a few words of no
        # telling language), a French word is likely one ("cndh dgsn agrement signed date",
        # "Euridice Marques").
        if word in known_words() and not (lang != "fr" and word in french_only_words()):
            return None
        guess = self.deletes.closest(word)
        if guess is None or (lang != "fr" and guess in french_only_words()):
            # "how mnay ILEAs are ther?": a function word mistyped asks nothing more; in a
            # message not read as French, "arre" is "are" before it is "arret".
            guess = near_stopword(word) or guess
        return (guess,) if guess else None

    def clear_memo(self) -> None:
        """Forget the words read so far (for benchmarks that time a first reading)."""
        self._fixes.clear()

    def _stem_is_as_close(self, word: str, guess: str, lang: str | None) -> bool:
        """Whether a vocabulary word sharing `word`'s stem is as close to it as `guess` is.

        `guess` is one edit from `word` (and `word` is not in the vocabulary), so the words
        to check are those one edit away: the typo index finds them among its words, and
        `unindexed` holds the others by stem key (a dict of every word by key took 6 MB
        at 10,000 facts).
        """
        best = DamerauLevenshtein.distance(word, guess)
        keys = word_keys(word, lang)
        near: Iterable[str] = self.deletes.near(word) if best <= 1 else self.vocab
        for other in near:
            if DamerauLevenshtein.distance(word, other) <= best and not keys.isdisjoint(
                word_keys(other)
            ):
                return True
        for key in keys:
            held = self.unindexed.get(key)
            for other in held.split("\n") if held is not None else ():
                if DamerauLevenshtein.distance(word, other) <= best:
                    return True
        return False

    def known(self, word: str, lang: str | None) -> bool:
        """Whether a fact or a curated name holds this word (in the question's language)."""
        keys = word_keys(word, lang)
        held = self.keys
        for k in keys:
            if k in held:
                return True
        return not keys.isdisjoint(self.single_words)

    def split_word(self, word: str) -> tuple[str, str] | None:
        """ "antiterrorism" -> ("anti", "terrorism") when both halves are words we know."""
        if len(word) < SPLIT_MIN_LETTERS:
            return None
        for cut in range(SPLIT_MIN_HEAD, len(word) - SPLIT_MIN_TAIL + 1):
            a, b = word[:cut], word[cut:]
            if a in self.vocab and b in self.vocab:
                return (a, b)
        return None


#: "Nation(s)" is a country, not the adjective "national" it stems like (which would
#: make "how many nations?" ask for what is national).
NATIONS = {"nation": "country", "nations": "countries"}


def _united(tokens: Sequence[Token], n: int) -> bool:
    """Whether the nations at `n` are the United Nations / les Nations unies."""
    before = tokens[n - 1].surface if n else ""
    after = tokens[n + 1].surface if n + 1 < len(tokens) else ""
    return before == "united" or after in ("unies", "unis")
