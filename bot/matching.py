"""Match a question to the fact base, or abstain.

Pure and synchronous: no Slack, no database, no I/O. `Matcher(base).ask(text)`
returns an `Answer` made of frozen dataclasses.

How a question is read:
1. Tokens are folded (case, accents, quotes, dashes), chat shorthand expanded,
   typos corrected against the fact base's own vocabulary, and stemmed with
   both the English and the French Snowball stemmer.
2. Names from `aliases.yaml` (entities and synonym groups, English and French)
   become one concept each, so "traite des êtres humains" meets "TIP".
3. Each remaining content word is a slot; a fact scores the inverse document
   frequency of every slot it holds, weighted by the field it holds it in
   (example questions and titles count most, the quote least).

When it abstains: the best fact must cover most of the question's weight, hold
every specific name and number the question mentions, and hold the kind of
thing asked for (a date for "when", a figure for "how many", a place for
"where", a law number, another country). Otherwise the bot says it does not
know and offers the closest facts as suggestions.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from importlib.resources import files

from rapidfuzz.distance import DamerauLevenshtein

from bot.factbase import Fact, FactBase
from bot.text import (
    QUANTITY_WORDS,
    SHORTHAND,
    Token,
    fold,
    is_stopword,
    looks_like_year,
    text_language,
    tokenize,
    word_keys,
)

# Field weights: how much a fact "holds" a word found in each of its fields.
W_ASK = 1.0
W_TITLE = 1.0
W_ANSWER = 0.9
W_ENTITY = 0.8
W_WHERE = 0.8
W_WHEN = 0.8
W_TAG = 0.7
W_SNIPPET = 0.35
W_TOPIC = 0.3
W_PARENT = 0.75  # of the child's weight
#: A small bonus for question words in a fact's title: breaks ties towards the fact *about* it.
TITLE_BONUS = 0.1

#: Fraction of the question's weight the best fact must cover to be an answer.
MIN_COVERAGE = 0.62
#: A slot counts as covered for the "every name" rule only at this field weight.
STRONG_FIELD = 0.5
#: An entity is "ambient" (too common to be specific) above this document share.
AMBIENT_SHARE = 0.4
#: Everyday words outside any curated name weigh this much of their rarity.
COMMON_WORD_FACTOR = 0.45
MAX_FACTS = 5
MAX_BROWSE = 10
#: Bonus (share of the question's weight) for the fact that spells out a name asked about.
DEFINITION_BONUS = 0.3
_ANYONE = frozenset({"~participants", "~citizens"})
_HOW_MANY = re.compile(
    r"\b(how many|combien de|combien d'|combien d|number of|nombre de|nombre d')"
    r"\s*(?P<rest>.*)$"
)
_LIST_CUE = re.compile(r"\b(which|what|list|all|any|quels|quelles|liste|tous|toutes|show)\b")
_TOPIC_CONCEPTS = {
    "~training": "trainings",
    "~law": "laws",
    "~cooperation": "partnerships",
    "~agreement": "partnerships",
    "~agency": "institutions",
    "~programme": "programmes",
}
_BROWSE_FILLER = frozenset(
    {
        "held",
        "list",
        "show",
        "organised",
        "organized",
        "done",
        "run",
        "given",
        "conducted",
        "exist",
        "existing",
        "available",
        "known",
    }
)
_NO_DATE = date(9999, 12, 31)
#: The topic where a fact *about* an entity of each kind lives.
_KIND_TOPIC = {
    "law": "laws",
    "institution": "institutions",
    "programme": "programmes",
    "agreement": "partnerships",
    "event": "events",
    "group": "institutions",
}
MAX_SUGGESTIONS = 3


def _common_words() -> frozenset[str]:
    text = files("bot.data").joinpath("common_words.txt").read_text(encoding="utf-8")
    return frozenset(w for w in text.split() if not w.startswith("#") and w.isalpha())


COMMON_WORDS = _common_words()

# ------------------------------------------------------------------ results


@dataclass(frozen=True, slots=True)
class Match:
    """A fact and how well it fits the question."""

    fact: Fact
    score: float
    coverage: float
    missing: tuple[str, ...] = ()  # question words the fact does not hold
    why_not: str | None = None  # set when the fact is only a suggestion


@dataclass(frozen=True, slots=True)
class Answer:
    question: str
    answered: bool
    facts: tuple[Match, ...]
    suggestions: tuple[Match, ...]
    asks_for: str | None  # "date" | "count" | "place" | "person" | "law-number" | "country"
    language: str  # "en" | "fr"

    @property
    def best(self) -> Match | None:
        return self.facts[0] if self.facts else None


# ------------------------------------------------------------------ question kinds

_ASKS = [
    (
        "law-number",
        re.compile(
            r"\b(law|loi|bill|decree|dahir|act)\s+(number|numero|no)\b|\b(number|numero|n)\s+(of|de|du)\s+"
            r"(the\s+|la\s+|l\s+)?(\w+\s+){0,4}(law|loi|bill|decree|dahir)\b"
        ),
    ),
    (
        "person",
        re.compile(
            r"\bwho\s+(is|was|are|were|s)\s+(the\s+)?(current\s+)?(head|director|president|chief|leader|"
            r"minister|chair|chairman|chairwoman|spokesperson|spokesman|commander|boss|founder)\b|"
            r"\b(name|names)\s+of\s+the\b|\bqui\s+(est|etait|dirige|preside)\b|\bnom\s+(du|de|des)\b|"
            r"\bcomment\s+s\s*appelle"
        ),
    ),
    (
        "count",
        re.compile(
            r"\b(how many|how much|number of|combien|nombre de|nombre d|quel nombre|how large|"
            r"how big|what size|how numerous|maximum|minimum|average|how long(?! ago))\b"
        ),
    ),
    (
        "date",
        re.compile(
            r"\b(when|what year|which year|what date|which date|since when|how long ago|what month|"
            r"which month|quand|quelle annee|quelle date|depuis quand|quel mois|a quelle date|"
            r"en quelle annee|en quel mois|wann)\b"
        ),
    ),
    (
        "place",
        re.compile(
            r"\b(where|in which city|in what city|which city|what city|quelle ville|"
            r"dans quelle ville|what venue|which venue|quel lieu|a quel endroit)\b|"
            r"(^|\s)ou\s+(se|a|ont|est|sont|le|la|les|l|s|etait|sera|aura)\b"
        ),
    ),
    (
        "country",
        re.compile(
            r"\b(which|what)\s+(other\s+)?(countries|country|nations?)\b|\bquels?\s+(autres?\s+)?pays\b"
        ),
    ),
]
_KEYWORD_DATE = re.compile(r"\b(date|year|annee|dates|years)\b")
_WH_WORD = re.compile(
    r"\b(what|which|who|how|why|where|quel|quelle|quels|quelles|qui|comment|"
    r"pourquoi|combien)\b"
)
_PERSON = re.compile(r"\b(Mr|Ms|Mrs|Dr|Mme|M)\.?\s+[A-Z]")
_LAW_NUMBER = re.compile(r"\b(law|loi)\s+(no\.?\s*|n°\s*)?\d+[-./]\d+", re.IGNORECASE)


def asks_for(question: str) -> str | None:
    """What kind of thing the question wants, from its wording alone."""
    folded = fold(question).replace("-", " ")
    folded = re.sub(r"[^\w\s]", " ", folded)
    for name, pattern in _ASKS:
        if pattern.search(folded):
            if name == "place" and not (
                "where" in folded
                or "ville" in folded
                or "où" in question.lower()
                or "lieu" in folded
                or "city" in folded
                or "endroit" in folded
                or "venue" in folded
            ):
                continue
            return name
    if _KEYWORD_DATE.search(folded) and not _WH_WORD.search(folded):
        return "date"
    return None


def detect_language(question: str) -> str:
    """ "fr" or "en" (English when the question gives no clue)."""
    return text_language(question) or "en"


# ------------------------------------------------------------------ analysis


@dataclass(frozen=True, slots=True)
class Slot:
    """One unit of meaning in a question: a word, or a name from aliases.yaml."""

    text: str
    keys: frozenset[str]
    concept: str | None = None  # "@entity" or "~synonym-group"
    number: bool = False
    capitalised: bool = False


@dataclass
class _Lexicon:
    """Phrases (by stem sequences) that stand for one concept."""

    by_first: dict[str, list[tuple[tuple[frozenset[str], ...], str]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    kinds: dict[str, str] = field(default_factory=dict)  # concept -> entity kind
    single_words: set[str] = field(default_factory=set)  # keys of one-word names

    def add(self, phrase: str, concept: str, lang: str | None = None) -> None:
        words = _split_compounds(tokenize(phrase))
        if not words:
            return
        seq = tuple(word_keys(t.surface, lang) for t in words)
        if len(seq) == 1:
            self.single_words.update(seq[0])
        for first in seq[0]:
            self.by_first[first].append((seq, concept))

    def finalise(self) -> None:
        for entries in self.by_first.values():
            entries.sort(key=lambda e: -len(e[0]))


def _split_compounds(tokens: Iterable[Token]) -> list[Token]:
    """Hyphenated words become their parts ("post-blast" -> post, blast); "27-14" stays."""
    out: list[Token] = []
    for t in tokens:
        if "-" in t.surface and not t.is_number:
            out.extend(Token(part, t.upper) for part in t.surface.split("-") if part)
        else:
            out.append(t)
    return out


def _token_keys(t: Token, lang: str | None) -> frozenset[str]:
    return word_keys(t.surface, lang)


# ------------------------------------------------------------------ the matcher


@dataclass(frozen=True, slots=True)
class _FactFeatures:
    has_date: bool
    has_count: bool
    has_place: bool
    has_law_number: bool
    has_person: bool
    countries: frozenset[str]
    counted: frozenset[str]  # keys of the words right after each figure: what is counted


class Matcher:
    """Indexes a fact base once; answers questions in well under a millisecond."""

    def __init__(self, base: FactBase) -> None:
        self.base = base
        self.facts: tuple[Fact, ...] = base.facts
        self._lexicon = _Lexicon()
        for entity in base.entities:
            # French names get French stems only: "organisation" must not read as "organise".
            for lang, names in ((None, entity.acronyms), (None, entity.en), ("fr", entity.fr)):
                for name in names:
                    self._lexicon.add(name, "@" + entity.id, lang)
            self._lexicon.kinds["@" + entity.id] = entity.kind
        for group in base.synonyms:
            concept = "~" + fold(group[0]).replace(" ", "-")
            for name in group:
                self._lexicon.add(name, concept)
        self._lexicon.finalise()

        self._surface_vocab: dict[str, int] = defaultdict(int)
        self._weights: list[dict[str, float]] = []
        self._title_keys: list[frozenset[str]] = []
        for fact in self.facts:
            self._weights.append(self._fact_keys(fact))
            self._title_keys.append(frozenset(self._doc_keys(fact.title, "en", vocab=False)))
        for group in base.synonyms:
            for name in group:
                for t in tokenize(name):
                    self._surface_vocab[t.surface] += 1
        for entity in base.entities:
            for name in entity.names:
                for t in tokenize(name):
                    self._surface_vocab[t.surface] += 1
        for word in list(self._surface_vocab):
            if "-" in word:
                for part in word.split("-"):
                    self._surface_vocab[part] += 1

        n = max(len(self.facts), 1)
        df: dict[str, int] = defaultdict(int)
        self._postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for i, weights in enumerate(self._weights):
            for key, w in weights.items():
                df[key] += 1
                self._postings[key].append((i, w))
        self._n = n
        self._idf = {k: math.log(1 + (n - d + 0.5) / (d + 0.5)) for k, d in df.items()}
        self._unknown_idf = math.log(1 + (n + 0.5) / 0.5)
        self._df = df
        self._features = [
            self._features_of(f, w) for f, w in zip(self.facts, self._weights, strict=True)
        ]
        self._deletes = _DeleteIndex(self._surface_vocab)
        self._spelled: dict[tuple[int, str], bool] = {}
        self._surface_by_key: dict[str, list[str]] = defaultdict(list)
        for word in self._surface_vocab:
            for key in word_keys(word):
                self._surface_by_key[key].append(word)
        self._key_vocab = frozenset(df)

    # -- indexing

    def _fact_keys(self, fact: Fact) -> dict[str, float]:
        weights: dict[str, float] = {}

        def add(text: str, weight: float, *, vocab: bool = True, lang: str | None = "en") -> None:
            for key in self._doc_keys(text, lang, vocab=vocab):
                if weights.get(key, 0.0) < weight:
                    weights[key] = weight

        for question in fact.ask:
            add(question, W_ASK, lang=text_language(question))
        add(fact.title, W_TITLE)
        add(fact.answer, W_ANSWER)
        if fact.answer_fr:
            add(fact.answer_fr, W_ANSWER, lang="fr")
        for tag in fact.tags:
            add(tag, W_TAG, lang=None)
        for eid in fact.entities:
            entity = self.base.entity_by_id.get(eid)
            if entity is not None:
                weights.setdefault("@" + eid, W_ENTITY)
                weights["@" + eid] = max(weights["@" + eid], W_ENTITY)
        if fact.where:
            add(fact.where, W_WHERE, lang=None)
        if fact.when is not None:
            years = {fact.when.start.year, fact.when.end.year}
            add(" ".join(str(y) for y in sorted(years)), W_WHEN)
        add(fact.snippet, W_SNIPPET)
        add(fact.topic, W_TOPIC, vocab=False)
        # An institution's parents are involved too: INL is part of the State Department.
        for key in [k for k in weights if k.startswith("@")]:
            for parent in self._ancestors(key[1:]):
                weight = weights[key] * W_PARENT
                if weights.get("@" + parent, 0.0) < weight:
                    weights["@" + parent] = weight
        return weights

    def _ancestors(self, eid: str) -> set[str]:
        seen: set[str] = set()
        todo = [eid]
        while todo:
            entity = self.base.entity_by_id.get(todo.pop())
            for parent in entity.part_of if entity else ():
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        return seen

    def _doc_keys(self, text: str, lang: str | None, *, vocab: bool = True) -> set[str]:
        """Every key a fact field holds: words, both stems, joined compounds, concepts."""
        raw = tokenize(text)
        keys: set[str] = set()
        for t in raw:
            if vocab:
                self._surface_vocab[t.surface] += 1
            if "-" in t.surface and not t.is_number:
                keys |= word_keys(t.surface.replace("-", ""), lang)
            elif t.is_number and "-" in t.surface:
                keys.update(p for p in t.surface.split("-") if p)
        words = _split_compounds(raw)
        for slot in self._slots(words, lang):
            keys |= slot.keys
            if slot.concept is not None:
                keys.add(slot.concept)
        # Words inside a name also count on their own ("judicial" in "Central Bureau of
        # Judicial Investigation"), so partial names still find the fact.
        for t in words:
            if not is_stopword(t):
                keys |= _token_keys(t, lang)
        return keys

    def _features_of(self, fact: Fact, weights: dict[str, float]) -> _FactFeatures:
        answer_tokens = tokenize(fact.answer)
        has_count = any(
            (t.is_number and not looks_like_year(t.surface)) or t.surface in QUANTITY_WORDS
            for t in answer_tokens
        )
        has_date = fact.when is not None or any(looks_like_year(t.surface) for t in answer_tokens)
        answer_keys = self._doc_keys(fact.answer, "en", vocab=False)
        answer_keys |= self._doc_keys(fact.snippet, "en", vocab=False)
        for key in [k for k in answer_keys if k.startswith("@")]:
            answer_keys.update("@" + parent for parent in self._ancestors(key[1:]))
        places = {k for k in answer_keys if self._lexicon.kinds.get(k) in ("place", "country")}
        countries = frozenset(k for k in answer_keys if self._lexicon.kinds.get(k) == "country")
        return _FactFeatures(
            has_date=has_date,
            has_count=has_count,
            has_place=bool(fact.where) or bool(places),
            has_law_number=bool(_LAW_NUMBER.search(fact.answer)),
            has_person=bool(_PERSON.search(fact.answer)),
            countries=countries,
            counted=frozenset(self._counted(fact.answer, "en"))
            | frozenset(self._counted(fact.answer_fr or "", "fr")),
        )

    def _counted(self, text: str, lang: str) -> set[str]:
        """Keys of the few words after each figure: "21 prosecutors" counts prosecutors."""
        tokens = _split_compounds(tokenize(text))
        keys: set[str] = set()
        for n, t in enumerate(tokens):
            quantity = (t.is_number and not looks_like_year(t.surface)) or (
                t.surface in QUANTITY_WORDS
            )
            if quantity:
                after = " ".join(w.surface for w in tokens[n + 1 : n + 5])
                keys |= self._doc_keys(after, lang, vocab=False)
        return keys

    # -- reading a question

    def _slots(self, words: Sequence[Token], lang: str | None) -> list[Slot]:
        """Group tokens into slots: longest alias phrase first, then single content words."""
        slots: list[Slot] = []
        i = 0
        while i < len(words):
            t = words[i]
            found = self._phrase_at(words, i, lang)
            if found is not None:
                length, concept = found
                text = " ".join(w.surface for w in words[i : i + length])
                slots.append(
                    Slot(
                        text,
                        frozenset({concept}),
                        concept,
                        capitalised=any(w.upper for w in words[i : i + length]),
                    )
                )
                i += length
                continue
            if not is_stopword(t):
                slots.append(
                    Slot(
                        t.surface,
                        _token_keys(t, lang),
                        None,
                        number=t.is_number,
                        capitalised=t.upper,
                    )
                )
            i += 1
        return slots

    def _phrase_at(
        self, words: Sequence[Token], i: int, lang: str | None
    ) -> tuple[int, str] | None:
        first = words[i]
        best: tuple[int, str] | None = None
        for key in _token_keys(first, lang):
            for seq, concept in self._lexicon.by_first.get(key, ()):
                n = len(seq)
                if best is not None and n <= best[0]:
                    break
                if i + n > len(words):
                    continue
                if n == 1 and is_stopword(first):
                    continue
                if all(seq[j] & _token_keys(words[i + j], lang) for j in range(n)):
                    best = (n, concept)
                    break
        return best

    def _correct(self, tokens: list[Token], lang: str | None) -> list[Token]:
        """Expand chat shorthand, join or split compounds, fix typos against our vocabulary."""
        out: list[Token] = []
        for t in tokens:
            if t.surface in SHORTHAND and not t.upper:
                out.extend(tokenize(SHORTHAND[t.surface]))
            else:
                out.append(t)
        out = _split_compounds(out)
        # "post blast" -> "postblast", "glo act" -> "gloact" when that is one of our words.
        joined: list[Token] = []
        i = 0
        while i < len(out):
            if i + 1 < len(out):
                pair = out[i].surface + out[i + 1].surface
                if (
                    pair in self._surface_vocab
                    and not out[i].is_number
                    and (
                        out[i].surface not in self._surface_vocab
                        or out[i + 1].surface not in self._surface_vocab
                    )
                ):
                    joined.append(Token(pair, out[i].upper or out[i + 1].upper))
                    i += 2
                    continue
            joined.append(out[i])
            i += 1
        fixed: list[Token] = []
        for t in joined:
            if t.is_number or is_stopword(t):
                fixed.append(t)
                continue
            if self._known(t.surface, lang):
                # An inflection we know by its stem, unless it is really a typo of another
                # word: "prosecuters" stems like "prosecute" but is one letter off "prosecutors".
                guess = None
                if t.surface not in self._surface_vocab and t.surface not in COMMON_WORDS:
                    guess = self._deletes.closest(t.surface, max_distance=1)
                if guess is None or self._stem_is_as_close(t.surface, guess, lang):
                    fixed.append(t)
                else:
                    fixed.append(Token(guess, t.upper))
                continue
            variant = next((v for v in _spelling_variants(t.surface) if self._known(v, lang)), None)
            if variant is not None:
                fixed.append(Token(variant, t.upper))
                continue
            split = self._split_word(t.surface)
            if split is not None:
                fixed.extend(Token(p, t.upper) for p in split)
                continue
            # A real word we simply do not hold ("pris", "killed") is not a typo of one we do.
            guess = None if t.surface in COMMON_WORDS else self._deletes.closest(t.surface)
            fixed.append(Token(guess, t.upper) if guess else t)
        return fixed

    def _stem_is_as_close(self, word: str, guess: str, lang: str | None) -> bool:
        """Whether a vocabulary word sharing `word`'s stem is as close to it as `guess` is."""
        best = DamerauLevenshtein.distance(word, guess)
        for key in word_keys(word, lang):
            for other in self._surface_by_key.get(key, ()):
                if DamerauLevenshtein.distance(word, other) <= best:
                    return True
        return False

    def _known(self, word: str, lang: str | None) -> bool:
        """Whether a fact or a curated name holds this word (in the question's language)."""
        keys = word_keys(word, lang)
        return not keys.isdisjoint(self._key_vocab) or not keys.isdisjoint(
            self._lexicon.single_words
        )

    def _split_word(self, word: str) -> tuple[str, str] | None:
        """ "antiterrorism" -> ("anti", "terrorism") when both halves are words we know."""
        if len(word) < 7:
            return None
        for cut in range(3, len(word) - 2):
            a, b = word[:cut], word[cut:]
            if a in self._surface_vocab and b in self._surface_vocab and len(b) >= 4:
                return (a, b)
        return None

    def analyse(self, question: str) -> list[Slot]:
        """The question's slots, after correction and alias expansion."""
        lang = text_language(question)
        return self._slots(self._correct(tokenize(question), lang), lang)

    # -- answering

    def ask(self, question: str) -> Answer:
        language = detect_language(question)
        kind = asks_for(question)
        slots = self.analyse(question)
        if not slots:
            return Answer(question, False, (), (), kind, language)
        browse = self._browse(question, slots, kind, language)
        if browse is not None:
            return browse
        slot_idf = [self._slot_idf(s) for s in slots]
        total = sum(slot_idf)
        candidates = self._candidates(slots, slot_idf)
        scored: list[tuple[float, float, int, tuple[str, ...], bool]] = []
        query_concepts = {s.concept for s in slots if s.concept}
        defines = self._defined_entity(slots)
        # A precise question ("how many", "when", "who heads") about something no fact
        # mentions at all is not answered by a fact about its neighbours.
        unknown = [s.text for s in slots if not any(k in self._idf for k in s.keys)]
        counted, counted_text = (
            self._counted_in_question(question) if kind == "count" else (frozenset(), ())
        )
        for i in candidates:
            weights = self._weights[i]
            score = 0.0
            missing: list[str] = []
            strong_missing = False
            title = self._title_keys[i]
            bonus = 0.0
            fact_topic = self.facts[i].topic
            for slot, idf in zip(slots, slot_idf, strict=True):
                w = max((weights.get(k, 0.0) for k in slot.keys), default=0.0)
                score += idf * w
                if slot.keys & title:
                    bonus += TITLE_BONUS * idf
                if (
                    slot.concept
                    and _KIND_TOPIC.get(self._lexicon.kinds.get(slot.concept, "")) == fact_topic
                ):
                    bonus += TITLE_BONUS * idf / 2
                if w == 0.0:
                    missing.append(slot.text)
                if self._is_specific(slot) and w < STRONG_FIELD:
                    strong_missing = True
                elif w == 0.0 and slot.concept is not None and slot.concept.startswith("@"):
                    # Even a name everyone mentions ("Morocco") must be in the fact somewhere:
                    # IPPOS training peacekeepers says nothing of Morocco training any.
                    strong_missing = True
            if defines is not None and self._spells_out(i, defines):
                bonus += DEFINITION_BONUS * total
            scored.append((score + bonus, score / total, i, tuple(missing), strong_missing))
        # Ties go to the more focused fact (fewer keys), then to the id, so runs repeat.
        scored.sort(key=lambda r: (-round(r[0], 9), len(self._weights[r[2]]), self.facts[r[2]].id))
        accepted: list[Match] = []
        rejected: list[Match] = []
        for score, coverage, i, lacks, strong_missing in scored[:20]:
            fact = self.facts[i]
            why_not = self._why_not(
                i, kind, coverage, strong_missing, lacks, query_concepts, counted, counted_text
            )
            if why_not is None and kind is not None and unknown:
                why_not = "nothing in the fact base mentions " + ", ".join(unknown[:3])
            match = Match(fact, round(score, 4), round(coverage, 4), lacks, why_not)
            (rejected if why_not else accepted).append(match)
        if accepted:
            best = accepted[0]
            keep = [m for m in accepted if m.score >= 0.6 * best.score][:MAX_FACTS]
            return Answer(question, True, tuple(keep), (), kind, language)
        suggestions = tuple(m for m in rejected if m.score > 0)[:MAX_SUGGESTIONS]
        return Answer(question, False, (), suggestions, kind, language)

    def _browse(
        self, question: str, slots: Sequence[Slot], kind: str | None, language: str
    ) -> Answer | None:
        """ "Which trainings were held?": a topic's facts, ranked; None for other questions.

        A question whose only subject is a topic word in the plural (or after "list"),
        narrowed at most by names ("trainings in Casablanca"), gets that topic's facts.
        """
        if kind is not None or not _LIST_CUE.search(fold(question)):
            return None
        topic_slots = [s for s in slots if s.concept in _TOPIC_CONCEPTS]
        if len(topic_slots) != 1:
            return None
        topic = _TOPIC_CONCEPTS[topic_slots[0].concept or ""]
        plural = topic_slots[0].text.endswith("s") or "list" in fold(question)
        rest = [s for s in slots if s is not topic_slots[0] and s.text not in _BROWSE_FILLER]
        if not plural or any(s.concept is None and not s.number for s in rest):
            return None
        matches: list[Match] = []
        for i, fact in enumerate(self.facts):
            if fact.topic != topic:
                continue
            weights = self._weights[i]
            if all(
                max((weights.get(k, 0.0) for k in s.keys), default=0.0) >= STRONG_FIELD
                for s in rest
            ):
                matches.append(Match(fact, 1.0, 1.0))
        if not matches:
            return None
        # Dated facts first, in date order, taking turns across sources so one article's
        # details do not crowd out everything else.
        matches.sort(key=_date_key)
        by_source: dict[str, list[Match]] = defaultdict(list)
        for m in matches:
            by_source[m.fact.source.id].append(m)
        queues = sorted(by_source.values(), key=lambda ms: _date_key(ms[0]))
        ordered: list[Match] = []
        while len(ordered) < MAX_BROWSE and any(queues):
            for queue in queues:
                if queue and len(ordered) < MAX_BROWSE:
                    ordered.append(queue.pop(0))
        return Answer(question, True, tuple(ordered), (), "list", language)

    def _defined_entity(self, slots: Sequence[Slot]) -> str | None:
        """The entity a "what is X?" / "X?" / "what does X stand for?" question is about."""
        entities = [s.concept for s in slots if s.concept and s.concept.startswith("@")]
        others = [s for s in slots if not (s.concept and s.concept.startswith("@"))]
        if len(entities) != 1 or any(s.concept != "~stand-for" for s in others):
            return None
        return entities[0][1:]

    def _spells_out(self, i: int, entity_id: str) -> bool:
        """Whether fact i's answer names the entity in two ways (acronym and full name)."""
        cached = self._spelled.get((i, entity_id))
        if cached is None:
            entity = self.base.entity_by_id.get(entity_id)
            answer = fold(self.facts[i].answer)
            names = {fold(n) for n in entity.names} if entity else set()
            hits = {n for n in names if re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", answer)}
            cached = len(hits) >= 2
            self._spelled[(i, entity_id)] = cached
        return cached

    def _counted_in_question(self, question: str) -> tuple[frozenset[str], tuple[str, ...]]:
        """What "how many ..." counts: the first two content words after the cue."""
        m = _HOW_MANY.search(fold(question))
        if m is None:
            return frozenset(), ()
        focus = [s for s in self.analyse(m.group("rest")) if not s.number][:2]
        if all(s.concept in _ANYONE for s in focus):
            return frozenset(), ()  # "how many participants": any count of people will do
        keys: set[str] = set()
        for slot in focus:
            keys |= slot.keys
            if slot.concept:
                keys.add(slot.concept)
        return frozenset(keys), tuple(s.text for s in focus)

    def _slot_idf(self, slot: Slot) -> float:
        known = [self._idf[k] for k in slot.keys if k in self._idf]
        idf = min(known) if known else self._unknown_idf
        if slot.concept is None and not slot.number and slot.text in COMMON_WORDS:
            idf *= COMMON_WORD_FACTOR
        return idf

    def _is_specific(self, slot: Slot) -> bool:
        """A name or number the answer must mention: an uncommon entity, a number, or an
        unknown capitalised word (a name we have never heard of)."""
        if slot.number:
            return True
        if slot.concept is not None and slot.concept.startswith("@"):
            df = self._df.get(slot.concept, 0)
            return df < AMBIENT_SHARE * self._n
        return slot.capitalised and not any(k in self._idf for k in slot.keys)

    def _candidates(self, slots: Sequence[Slot], slot_idf: Sequence[float]) -> list[int]:
        """Facts sharing a selective key with the question (all facts when the base is small)."""
        if self._n <= 400:
            return list(range(len(self.facts)))
        limit = 0.2 * self._n
        found: dict[int, float] = defaultdict(float)
        for slot, idf in zip(slots, slot_idf, strict=True):
            for key in slot.keys:
                if self._df.get(key, 0) <= limit:
                    for i, w in self._postings.get(key, ()):
                        found[i] += idf * w
        if not found:
            for slot in slots:
                for key in slot.keys:
                    for i, w in self._postings.get(key, ())[:200]:
                        found[i] += w
        ranked = sorted(found, key=lambda i: -found[i])
        return ranked[:200]

    def _why_not(
        self,
        i: int,
        kind: str | None,
        coverage: float,
        strong_missing: bool,
        missing: Sequence[str],
        query_concepts: set[str],
        counted: frozenset[str] = frozenset(),
        counted_text: Sequence[str] = (),
    ) -> str | None:
        """None when fact `i` answers the question; otherwise a short reason."""
        features = self._features[i]
        if strong_missing:
            return "does not mention " + ", ".join(missing[:3]) if missing else "too far"
        if coverage < MIN_COVERAGE:
            return "does not cover: " + ", ".join(missing[:4])
        if kind == "date" and not features.has_date:
            return "gives no date"
        if kind == "count" and not features.has_count:
            return "gives no figure"
        if counted and features.counted.isdisjoint(counted):
            return "gives no figure for " + ", ".join(sorted(counted_text)[:2])
        if kind == "place" and not features.has_place:
            return "gives no place"
        if kind == "person" and not features.has_person:
            return "names no person"
        if kind == "law-number" and not features.has_law_number:
            return "gives no law number"
        if kind == "country" and not (features.countries - query_concepts):
            return "names no other country"
        return None


_BRITISH_AMERICAN = (
    (re.compile(r"is(e|ed|es|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"iz(e|ed|es|ing|ation|ations)$"), r"is\1"),
    (re.compile(r"our(s|ed|ing|hood|hoods)?$"), r"or\1"),
    (re.compile(r"tre(s)?$"), r"ter\1"),
    (re.compile(r"ter(s)?$"), r"tre\1"),
    (re.compile(r"ence$"), "ense"),
    (re.compile(r"amme(s)?$"), r"am\1"),
    (re.compile(r"am(s)?$"), r"amme\1"),
    (re.compile(r"ll(ed|er|ers|ing)$"), r"l\1"),
    (re.compile(r"l(ed|er|ers|ing)$"), r"ll\1"),
)


def _spelling_variants(word: str) -> list[str]:
    """British and American spellings of a word we do not know ("organised" -> "organized")."""
    out = []
    for pattern, repl in _BRITISH_AMERICAN:
        variant = pattern.sub(repl, word)
        if variant != word:
            out.append(variant)
    return out


def _date_key(match: Match) -> tuple[date, str]:
    return (match.fact.when.start if match.fact.when else _NO_DATE, match.fact.id)


class _DeleteIndex:
    """Symmetric-delete spelling correction (as in SymSpell) over our own vocabulary."""

    def __init__(self, vocab: dict[str, int]) -> None:
        self.vocab = vocab
        self.index: dict[str, list[str]] = defaultdict(list)
        for word in vocab:
            if len(word) < 4 or not word.isalpha():
                continue
            for variant in self._variants(word):
                self.index[variant].append(word)

    @staticmethod
    def _variants(word: str) -> set[str]:
        out = {word}
        out.update(word[:i] + word[i + 1 :] for i in range(len(word)))
        if len(word) >= 8:
            for w in list(out):
                out.update(w[:i] + w[i + 1 :] for i in range(len(w)))
        return out

    def closest(self, word: str, max_distance: int | None = None) -> str | None:
        if len(word) < 4 or not word.isalpha():
            return None
        if max_distance is None:
            max_distance = 2 if len(word) >= 7 else 1
        best: tuple[int, int, str] | None = None
        for variant in self._variants(word):
            for candidate in self.index.get(variant, ()):
                d = DamerauLevenshtein.distance(word, candidate)
                if d > max_distance:
                    continue
                rank = (d, -self.vocab[candidate], candidate)
                if best is None or rank < best:
                    best = rank
        return best[2] if best else None
