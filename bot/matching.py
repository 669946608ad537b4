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

import heapq
import math
import re
from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from importlib.resources import files
from itertools import chain, compress, filterfalse, repeat

from rapidfuzz.distance import DamerauLevenshtein

from bot.core.factbase import Fact, FactBase
from bot.core.text import (
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
#: A question in other words covers less of any fact. The best fact still answers, alone,
#: when it covers this much, passes every other check and leads the next one clearly.
CLEAR_LEAD_COVERAGE = 0.45
CLEAR_LEAD_RATIO = 1.2
#: ... and holds at least this many of the question's slots: one name and a common word
#: ("what time is it in Casablanca right now?") are too little to go on.
CLEAR_LEAD_HELD = 3
#: A slot counts as covered for the "every name" rule only at this field weight.
STRONG_FIELD = 0.5
#: An entity is "ambient" (too common to be specific) above this document share.
AMBIENT_SHARE = 0.4
#: Everyday words outside any curated name weigh this much of their rarity.
COMMON_WORD_FACTOR = 0.45
MAX_FACTS = 5
#: Other accepted facts are shown with the best one if they score at least this share of it.
KEEP_SHARE = 0.6
MAX_BROWSE = 10
#: Bonus (share of the question's weight) for the fact that spells out a name asked about.
DEFINITION_BONUS = 0.3
_ANYONE = frozenset({"~participants", "~citizens"})
_HOW_MANY = re.compile(
    r"\b(how many|combien (?:de(?!\s+temps)\b|d'|d\b)|number of|nombre de|nombre d')"
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


class _WordHashes:
    """A set of words held as their sorted hashes: 8 bytes a word, not 100.

    42,000 words as a frozenset of strings took the 10,000-fact benchmark past its
    100 MB bar (the set, and the list of strings it was made from). Hashes are this
    process's own (`hash` is salted per process), computed at load time; a clash is
    as unlikely as in any set, and would only spare a typo from correction.
    """

    def __init__(self, words: Iterable[str]) -> None:
        self._hashes = array("q", sorted(array("q", map(hash, words))))

    def __contains__(self, word: object) -> bool:
        h = hash(word)
        i = bisect_left(self._hashes, h)
        return i < len(self._hashes) and self._hashes[i] == h


@cache
def known_words() -> _WordHashes:
    """Real English and French words (bot/data/known_words.txt), never typo-corrected.

    Loaded on the first word the fact base does not hold, not at import: most
    questions need no correction, and a one-question `python -m bot ask` starts faster.
    Read a line at a time, so no list of 42,000 strings is ever built.
    """
    with files("bot.data").joinpath("known_words.txt").open(encoding="utf-8") as lines:
        listed = (line.strip() for line in lines if not line.startswith("#"))
        return _WordHashes(chain(COMMON_WORDS, listed))


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
    asks_for: str | None  # "date" | "money" | "duration" | "count" | "city" | "place" | "person"
    # | "law-number" | "country"
    language: str  # "en" | "fr"

    @property
    def best(self) -> Match | None:
        return self.facts[0] if self.facts else None


# ------------------------------------------------------------------ question kinds

#: Things with names that are not people (a question for their name is not a "person" one),
#: up to two words ahead ("the name of the new law", "le nom du nouveau programme").
_NAMED_THINGS = (
    r"(\w+\s+){0,2}(programmes?|programs?|projects?|projets?|initiatives?|networks?|reseaux?|"
    r"laws?|lois?|agreements?|accords?|courses?|trainings?|formations?|workshops?|ateliers?|"
    r"centres?|centers?|units?|unites?|offices?|bureaux?|agency|agencies|agences?|body|"
    r"bodies|organismes?|institutions?|academy|academies|partnerships?|"
    r"partenariats?|frameworks?|cadres?|manuals?|handbooks?|manuels?|guides?|reports?|"
    r"rapports?|plans?|strategy|strategies|charters?|chartes?|operations?|"
    r"missions?|exercises?|exercices?|systems?|systemes?|labs?|laboratory|laboratories|"
    r"laboratoires?|treaty|treaties|traites?|conventions?|documents?|articles?|sites?|"
    r"pages?|organizations?|organisations?|ministry|ministries|ministeres?|committees?|"
    r"comites?|councils?|conseils?|courts?|cours|tribunals?|tribunaux|city|cities|villes?|"
    r"countries|country|pays|groups?|groupes?|forces?|acts?)\b"
)
#: Roles whose holder is asked for by name ("who is the director ...?").
_ROLES_EN = (
    r"(head|director|president|chief|leader|minister|chair|chairman|chairwoman|spokesperson|"
    r"spokesman|commander|boss|founder|ambassador|secretary|king|prime minister|"
    r"attorney general|mayor|governor|prosecutor general|delegate general)"
)
_ROLES_FR = (
    r"(directeur|directrice|chef|presidente?|responsable|patron|patronne|ministre|fondateur|"
    r"fondatrice|porte parole|ambassadeur|ambassadrice|roi|premier ministre|secretaire|"
    r"procureur|procureure|delegue|deleguee|commandant)"
)
#: (kind, words one of which the question must hold, pattern), tried in this order.
_ASKS: list[tuple[str, tuple[str, ...], re.Pattern[str]]] = [
    (
        "law-number",
        ("law", "loi", "bill", "decree", "dahir", "act"),
        re.compile(
            r"\b(law|loi|bill|decree|dahir|act)\s+(number|numero|no)\b|\b(number|numero|n)\s+(of|de|du)\s+"
            r"(the\s+|la\s+|l\s+)?(\w+\s+){0,4}(law|loi|bill|decree|dahir)\b"
        ),
    ),
    (
        "person",
        ("who", "nam", "nom", "appelle", "qui"),
        re.compile(
            r"\bwho\s+(is|was|are|were|s)\s+(the\s+)?(current\s+)?(\w+\s+){0,2}"
            + _ROLES_EN
            + r"\b|"
            r"\bwho\s+(heads|headed|leads|led|runs|ran|directs|directed|chairs|chaired|"
            r"is in charge|was in charge|is responsible|was responsible)\b|"
            # "the name of the mastermind" asks for a person; "the name of the programme" not;
            # "au nom du Maroc" (on behalf of) asks for neither.
            r"(?<!\bau )(?<!\bfull )(?<!\bcomplet )\b(name|names|nom|noms)\s+(of|du|de|des)\s+"
            r"(?!(the\s+|la\s+|l\s+|le\s+)?"
            + _NAMED_THINGS
            + r")|\bcomment\s+s\s*appelle\s+(?!(le|la|l|les)\s+"
            + _NAMED_THINGS
            + r")|"
            r"\bqui\s+(dirige|preside|dirigeait|presidait|pilote|commande)\b|"
            r"\bqui\s+(est|etait|sera)\s+(a la tete|responsable|en charge)\b|"
            r"\bqui\s+(est|etait|sera)\s+(le|la|l)\s+(\w+\s+){0,2}" + _ROLES_FR + r"\b|"
            # "Who signed on behalf of the DGSN?": a person speaking for a body. Anchored
            # at the start, so a long text is read once.
            r"^\W*(who|qui)\b[^?]*\b(on behalf of|au nom de|pour le compte de)\b"
        ),
    ),
    (
        # "What did the programme cost?": an amount of money, not any figure.
        "money",
        ("much", "combien", "what", "which", "quel"),
        re.compile(
            r"\bhow much\b[^?]{0,60}?\b(cost|costs|spend|spent|money|fund|funds|funding|funded|"
            r"budget|pay|paid|invest|invested)\b|"
            r"\bcombien\s+(d\s*argent|coute|coutent|coutera|a\s+coute|ont\s+coute)\b|"
            r"\bcombien\b[^?]{0,60}?\b(coute|coutent|coutera|depense|depenses|investi|finance)\b|"
            r"^\W*(what|which)\s+(is|was|are|were|s)\s+(the\s+)?(total\s+|overall\s+)?"
            r"(cost|costs|budget|price)\b|"
            r"^\W*whats\s+(the\s+)?(total\s+|overall\s+)?(cost|costs|budget|price)\b|"
            r"^\W*what\s+did\b[^?]{0,80}?\bcost\b|"
            r"\b(quel|quelle)\s+(est\s+|etait\s+|a\s+ete\s+)?(le\s+|la\s+)?(budget|cout|montant|prix)\b"
        ),
    ),
    (
        # "How long has INL worked with the DGAPR?": a start date or a length of time.
        "duration",
        ("long", "combien"),
        re.compile(r"\b(how long(?! ago)|combien de temps|pendant combien|depuis combien)\b"),
    ),
    (
        "count",
        ("how", "number", "combien", "nombre", "size", "maximum", "minimum", "average"),
        re.compile(
            r"\b(how many|how much|number of|combien|nombre de|nombre d|quel nombre|how large|"
            r"how big|what size|how numerous|maximum|minimum|average)\b"
        ),
    ),
    (
        "date",
        ("when", "year", "date", "month", "ago", "quand", "annee", "mois", "wann"),
        re.compile(
            r"\b(when|what year|which year|what date|which date|since when|how long ago|what month|"
            r"which month|quand|quelle annee|quelle date|depuis quand|quel mois|a quelle date|"
            r"en quelle annee|en quel mois|wann)\b"
        ),
    ),
    (
        "city",
        ("city", "cities", "town", "ville"),
        re.compile(
            r"\b(which|what)\s+(city|cities|towns?)\b(?!\s+hall)|\bin\s+which\s+(city|cities|town)\b|"
            r"\bquelles?\s+villes?\b"
        ),
    ),
    (
        "place",
        ("where", "venue", "lieu", "endroit", "ou "),
        re.compile(
            r"\b(where|what venue|which venue|quel lieu|a quel endroit)\b|"
            r"(^|\s)ou\s+(se|a|ont|est|sont|le|la|les|l|s|etait|sera|aura)\b"
        ),
    ),
    (
        "country",
        ("countr", "nation", "pays"),
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
_MONEY = re.compile(
    r"[€$£]\s*\d|\d\s*[€$£]|"
    r"\b(?<![\d,.])\d+(?:[,.]\d+)*(?: \d{3})*\s*(?:(?:millions?|billion|milliards?|"
    r"thousand)\s*)?(?:d\s*)?(?:euros?|dollars?|usd|eur|dirhams?|mad)\b|"
    r"\b(euros?|dollars?|usd|eur)\s+\d",
    re.IGNORECASE,
)
_DURATION = re.compile(
    r"\b(since|depuis)\s+(\w+\s+){0,2}(19|20)\d\d\b|"
    r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|"
    r"un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|plusieurs)[\s-]+"
    r"(years?|months?|weeks?|days?|hours?|decades?|ans?|annees?|années?|mois|semaines?|"
    r"jours?|heures?|decennies?|décennies?)\b|"
    r"\b(19|20)\d\d\s*(-|–|to|until|à|au|jusqu'en)\s*(19|20)\d\d\b",
    re.IGNORECASE,
)
_LAW_NUMBER = re.compile(r"\b(law|loi)\s+(no\.?\s*|n°\s*)?\d+[-./]\d+", re.IGNORECASE)


def asks_for(question: str, *, original: str | None = None) -> str | None:
    """What kind of thing the question wants, from its wording alone.

    `original` is the question as written when `question` is its corrected form
    (which has lost its accents: "où" is "where", "ou" is "or").
    """
    folded = fold(question).replace("-", " ")
    folded = re.sub(r"[^\w\s]", " ", folded)
    folded = re.sub(r"\bup to date\b", " ", folded)  # "current", not a date asked for
    for name, triggers, pattern in _ASKS:
        # A cheap substring test first: most questions hold no cue of most kinds.
        if any(t in folded for t in triggers) and pattern.search(folded):
            if name == "place" and not (
                "where" in folded
                or "ville" in folded
                or "où" in (original or question).lower()
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
    has_city: bool  # a place that is not a country (a city, a region)
    has_duration: bool  # a length of time ("four-year", "three days") or a start ("since 2010")
    has_money: bool  # an amount of money ("€11 million", "5 million dollars")
    has_law_number: bool
    has_person: bool
    countries: frozenset[str]
    counted: tuple[str, ...]  # keys of the words right after each figure: what is counted


class Matcher:
    """Indexes a fact base once; answers questions in well under a millisecond.

    The index is compact so 10,000 facts fit in a few tens of megabytes: every key
    (stem, number or concept) is interned to an int, and its postings are two parallel
    arrays (fact numbers, and a one-byte code for the field weight and whether the
    key is in the fact's title), one slice per key. Questions are scored a slot at a
    time over those slices, skipping the slots that cannot change the top 20.
    """

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
        self._memo: dict[tuple[str, str | None], frozenset[str]] = {}
        self._shared: dict[frozenset[str], frozenset[str]] = {}
        key_id: dict[str, int] = {}
        weight_code: dict[float, int] = {}
        # Fact-major postings while indexing (key ids, codes); turned key-major below.
        fact_keys = array("i")
        fact_codes = array("B")
        fact_end = array("i")
        nkeys = array("i")
        self._features: list[_FactFeatures] = []
        for fact in self.facts:
            weights = self._fact_keys(fact)
            title = self._text_keys(fact.title, "en")
            for key, w in weights.items():
                kid = key_id.setdefault(key, len(key_id))
                code = weight_code.setdefault(w, len(weight_code))
                fact_keys.append(kid)
                fact_codes.append(code << 1 | (key in title))
            fact_end.append(len(fact_keys))
            nkeys.append(len(weights))
            self._features.append(self._features_of(fact))
        self._memo = {}
        self._shared = {}
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

        # Weight codes in ascending weight order, so the larger code is the larger weight.
        by_weight = sorted(weight_code, key=weight_code.__getitem__)
        ranked = sorted(by_weight)
        if len(ranked) > 127:
            raise ValueError("too many distinct field weights for one-byte codes")
        table = bytearray(range(256))
        for old, w in enumerate(by_weight):
            new = ranked.index(w)
            table[old << 1] = new << 1
            table[old << 1 | 1] = new << 1 | 1
        fact_codes = array("B", fact_codes.tobytes().translate(table))
        self._wtab: tuple[float, ...] = tuple(ranked)

        # Key-major postings (a counting sort): the facts holding key k, in fact order,
        # are self._pfact[self._poff[k] : self._poff[k + 1]], with their codes in _pcode.
        n_keys = len(key_id)
        counts = [0] * (n_keys + 1)
        for kid in fact_keys:
            counts[kid + 1] += 1
        for k in range(n_keys):
            counts[k + 1] += counts[k]
        self._poff = array("i", counts)
        self._pfact = array("i", bytes(4 * len(fact_keys)))
        self._pcode = array("B", bytes(len(fact_keys)))
        best = bytearray(n_keys)  # each key's largest code: its best weight, for bounds
        start = 0
        for f, end in enumerate(fact_end):
            for j in range(start, end):
                kid = fact_keys[j]
                p = counts[kid]
                counts[kid] = p + 1
                self._pfact[p] = f
                code = fact_codes[j]
                self._pcode[p] = code
                if code | 1 > best[kid]:
                    best[kid] = code | 1
            start = end
        del fact_keys, fact_codes, fact_end, counts
        self._kbest = bytes(best)
        # The commonest keys also get a table indexed by fact (code + 1, or 0): looking a
        # fact up there is one index, where their postings run to thousands of facts.
        self._dense: dict[int, bytes] = {}
        common = sorted(range(n_keys), key=lambda k: self._poff[k] - self._poff[k + 1])
        floor = max(_DENSE_MIN, len(self.facts) // 32)
        for kid in common[:_DENSE_KEYS]:
            a, b = self._poff[kid], self._poff[kid + 1]
            if b - a < floor:
                break
            table = bytearray(len(self.facts))
            for f, code in zip(self._pfact[a:b], self._pcode[a:b], strict=True):
                table[f] = code + 1
            self._dense[kid] = bytes(table)

        n = max(len(self.facts), 1)
        self._n = n
        self._key_id = key_id
        self._idf = [
            math.log(1 + (n - d + 0.5) / (d + 0.5))
            for d in (self._poff[k + 1] - self._poff[k] for k in range(n_keys))
        ]
        self._unknown_idf = math.log(1 + (n + 0.5) / 0.5)
        # Ties go to the more focused fact (fewer keys), then to the id: a fact's place in
        # that order, so ranking compares one int.
        order = sorted(range(len(self.facts)), key=lambda i: (nkeys[i], self.facts[i].id))
        self._rank = array("i", bytes(4 * len(order)))
        for r, i in enumerate(order):
            self._rank[i] = r
        self._by_topic: dict[str, array[int]] = {}
        self._by_topic_ranked: dict[str, array[int]] = {}
        for i, fact in enumerate(self.facts):
            self._by_topic.setdefault(fact.topic, array("i")).append(i)
        for i in order:
            self._by_topic_ranked.setdefault(self.facts[i].topic, array("i")).append(i)
        self._deletes = _DeleteIndex(self._surface_vocab)
        self._spellers = self._find_spellers()
        # Words the typo index leaves out (3 letters, or one digit or hyphen) that may be one
        # edit from a word it holds, by stem key. A word starting with a digit is its own
        # key, never a stem.
        self._unindexed: dict[str, list[str]] = defaultdict(list)
        for word in self._surface_vocab:
            if (
                len(word) >= 3
                and not word[:1].isdigit()
                and sum(not c.isalpha() for c in word) <= (0 if len(word) < 4 else 1)
                and not (len(word) >= 4 and word.isalpha())
            ):
                for key in word_keys(word):
                    self._unindexed[key].append(word)

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

    def _doc_keys(self, text: str, lang: str | None, *, vocab: bool = True) -> frozenset[str]:
        """Every key a fact field holds; counts its words into the vocabulary if `vocab`."""
        if vocab:
            for t in tokenize(text):
                self._surface_vocab[t.surface] += 1
        return self._text_keys(text, lang)

    def _text_keys(self, text: str, lang: str | None) -> frozenset[str]:
        """`_analyse_text`, memoised while indexing: a fact's title, answer and snippet are
        read again for its title keys and features, and topics, tags and places recur."""
        memo = self._memo
        keys = memo.get((text, lang))
        if keys is None:
            if len(memo) >= 4096:
                memo.clear()
            keys = memo[(text, lang)] = self._analyse_text(text, lang)
        return keys

    def _analyse_text(self, text: str, lang: str | None) -> frozenset[str]:
        """Every key a text holds: words, both stems, joined compounds, concepts."""
        raw = tokenize(text)
        keys: set[str] = set()
        for t in raw:
            if "-" in t.surface and not t.is_number:
                keys |= word_keys(t.surface.replace("-", ""), lang)
            elif t.is_number and "-" in t.surface:
                keys.update(p for p in t.surface.split("-") if p)
        words = _split_compounds(raw)
        # The concepts of the names found as `_slots` finds them (without building the
        # slots: a word slot's keys are among those added next anyway).
        i = 0
        while i < len(words):
            found = self._phrase_at(words, i, lang)
            if found is None:
                i += 1
            else:
                keys.add(found[1])
                i += found[0]
        # Words inside a name also count on their own ("judicial" in "Central Bureau of
        # Judicial Investigation"), so partial names still find the fact.
        for t in words:
            if not is_stopword(t):
                keys |= _token_keys(t, lang)
        return frozenset(keys)

    def _features_of(self, fact: Fact) -> _FactFeatures:
        answer_tokens = tokenize(fact.answer)
        has_count = any(
            (t.is_number and not looks_like_year(t.surface)) or t.surface in QUANTITY_WORDS
            for t in answer_tokens
        )
        has_date = fact.when is not None or any(looks_like_year(t.surface) for t in answer_tokens)
        answer_keys = set(self._text_keys(fact.answer, "en"))
        answer_keys |= self._text_keys(fact.snippet, "en")
        for key in [k for k in answer_keys if k.startswith("@")]:
            answer_keys.update("@" + parent for parent in self._ancestors(key[1:]))
        kinds = self._lexicon.kinds
        places = {k for k in answer_keys if kinds.get(k) in ("place", "country")}
        where_keys = self._text_keys(fact.where, None) if fact.where else frozenset()
        has_city = any(kinds.get(k) == "place" for k in places | where_keys)
        countries = frozenset(k for k in answer_keys if self._lexicon.kinds.get(k) == "country")
        counted = self._counted(fact.answer, "en") | self._counted(fact.answer_fr or "", "fr")
        # Most facts name the same countries, or count nothing: equal sets are shared.
        return _FactFeatures(
            has_date=has_date,
            has_count=has_count,
            has_place=bool(fact.where) or bool(places),
            has_city=has_city,
            has_money=bool(_MONEY.search(fact.answer))
            or bool(fact.answer_fr and _MONEY.search(fact.answer_fr)),
            has_duration=bool(_DURATION.search(fact.answer))
            or bool(fact.answer_fr and _DURATION.search(fact.answer_fr)),
            has_law_number=bool(_LAW_NUMBER.search(fact.answer)),
            has_person=bool(_PERSON.search(fact.answer)),
            countries=self._shared.setdefault(countries, countries),
            counted=tuple(sorted(counted)),
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
                keys |= self._text_keys(after, lang)
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
        by_first = self._lexicon.by_first
        for key in _token_keys(first, lang):
            if key not in by_first:
                continue
            for seq, concept in by_first[key]:
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
        for n, t in enumerate(tokens):
            if t.surface in SHORTHAND and not t.upper:
                out.extend(tokenize(SHORTHAND[t.surface]))
            elif t.surface == "1" and _chat_one(tokens, n):
                continue  # "which 1?", "just 1": the pronoun "one", not a figure asked for
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
                if t.surface not in self._surface_vocab and t.surface not in known_words():
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
            # A real word we simply do not hold ("pris", "killed", "rewrite", "étudiés") is
            # not a typo of one we do.
            guess = None if t.surface in known_words() else self._deletes.closest(t.surface)
            fixed.append(Token(guess, t.upper) if guess else t)
        return fixed

    def _stem_is_as_close(self, word: str, guess: str, lang: str | None) -> bool:
        """Whether a vocabulary word sharing `word`'s stem is as close to it as `guess` is.

        `guess` is one edit from `word` (and `word` is not in the vocabulary), so the words
        to check are those one edit away: the typo index finds them among its words, and
        `_unindexed` holds the others by stem key (a dict of every word by key took 6 MB
        at 10,000 facts).
        """
        best = DamerauLevenshtein.distance(word, guess)
        keys = word_keys(word, lang)
        near: Iterable[str] = self._deletes.near(word) if best <= 1 else self._surface_vocab
        for other in near:
            if DamerauLevenshtein.distance(word, other) <= best and not keys.isdisjoint(
                word_keys(other)
            ):
                return True
        for key in keys:
            for other in self._unindexed.get(key, ()):
                if DamerauLevenshtein.distance(word, other) <= best:
                    return True
        return False

    def _known(self, word: str, lang: str | None) -> bool:
        """Whether a fact or a curated name holds this word (in the question's language)."""
        keys = word_keys(word, lang)
        return any(k in self._key_id for k in keys) or not keys.isdisjoint(
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
        return self._read(question)[1]

    def _read(self, question: str) -> tuple[str, list[Slot]]:
        """The question as corrected words (shorthand expanded, typos fixed), and its slots."""
        lang = text_language(question)
        words = self._correct(tokenize(question), lang)
        return " ".join(t.surface for t in words), self._slots(words, lang)

    # -- answering

    def ask(self, question: str) -> Answer:
        language = detect_language(question)
        corrected, slots = self._read(question)
        # The kind from the corrected words: "wat yr", "name of the militray exercize".
        kind = asks_for(corrected, original=question) if corrected else asks_for(question)
        if not slots:
            return Answer(question, False, (), (), kind, language)
        browse = self._browse(question, slots, kind, language)
        if browse is not None:
            return browse
        kids = [self._kids(s) for s in slots]
        slot_idf = [self._slot_idf(s, k) for s, k in zip(slots, kids, strict=True)]
        query_concepts = {s.concept for s in slots if s.concept}
        defines = self._defined_entity(slots)
        # A precise question ("how many", "when", "who heads") about something no fact
        # mentions at all is not answered by a fact about its neighbours.
        unknown = [s.text for s, k in zip(slots, kids, strict=True) if not k]
        counted, counted_text = (
            self._counted_in_question(question) if kind == "count" else (frozenset(), ())
        )
        scoring = _Scoring(self, slots, kids, slot_idf, defines)
        accepted: list[Match] = []
        rejected: list[Match] = []
        only_coverage_short = False  # the best fact failed on coverage alone
        for score, coverage, i in scoring.top():
            if accepted and round(score, 4) < KEEP_SHARE * accepted[0].score:
                break  # scores only fall from here: nothing further would be kept
            fact = self.facts[i]
            lacks, strong_missing = scoring.misses(i)
            why_not = self._why_not(
                i, kind, coverage, strong_missing, lacks, query_concepts, counted, counted_text
            )
            if why_not is None and kind is not None and unknown:
                why_not = "nothing in the fact base mentions " + ", ".join(unknown[:3])
            elif why_not is not None and not accepted and not rejected:
                only_coverage_short = coverage < MIN_COVERAGE and (
                    self._why_not(
                        i, kind, 1.0, strong_missing, lacks, query_concepts, counted, counted_text
                    )
                    is None
                    and not (kind is not None and unknown)
                )
            match = Match(fact, round(score, 4), round(coverage, 4), lacks, why_not)
            (rejected if why_not else accepted).append(match)
            if len(accepted) == MAX_FACTS:
                break  # scores only fall from here: the answer is these five at most
        if accepted:
            best = accepted[0]
            keep = [m for m in accepted if m.score >= KEEP_SHARE * best.score][:MAX_FACTS]
            return Answer(question, True, tuple(keep), (), kind, language)
        if only_coverage_short and _clear_lead(rejected, len(slots)):
            lead = replace(rejected[0], why_not=None)
            return Answer(question, True, (lead,), (), kind, language)
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
        held = [self._slot_codes(self._kids(s)) for s in rest]
        wtab = self._wtab
        for i in self._by_topic.get(topic, ()):
            if all(
                (c := codes.get(i)) is not None and wtab[c >> 1] >= STRONG_FIELD for codes in held
            ):
                matches.append(Match(self.facts[i], 1.0, 1.0))
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

    def _kids(self, slot: Slot) -> tuple[int, ...]:
        """The ids of the slot's keys that some fact holds."""
        get = self._key_id.get
        return tuple(kid for k in slot.keys if (kid := get(k)) is not None)

    def _slot_codes(self, kids: Sequence[int], only: Sequence[int] | None = None) -> dict[int, int]:
        """Fact -> code of the slot's best key in it (the largest weight; in the title if any
        of its keys is), for every fact holding one of `kids`; with `only`, right for the
        facts in `only` (others may be missing or partly merged)."""
        pfact, pcode, poff = self._pfact, self._pcode, self._poff
        out: dict[int, int] = {}
        # The longest posting first: it becomes the dict in C, the others merge into it.
        for n, kid in enumerate(sorted(kids, key=lambda k: poff[k] - poff[k + 1])):
            a, b = poff[kid], poff[kid + 1]
            if only is not None and b - a > 8 * len(only):
                # A few facts against a long posting: look each one up by bisection.
                for f in only:
                    p = bisect_left(pfact, f, a, b)
                    if p < b and pfact[p] == f:
                        c = pcode[p]
                        old = out.get(f)
                        out[f] = c if old is None else (old if old > c else c) & 254 | (old | c) & 1
                continue
            codes = dict(zip(pfact[a:b], pcode[a:b], strict=True))
            if n == 0:
                out = codes
                continue
            for f, c in codes.items():
                old = out.get(f)
                out[f] = c if old is None else (old if old > c else c) & 254 | (old | c) & 1
        return out

    def _defined_entity(self, slots: Sequence[Slot]) -> str | None:
        """The entity a "what is X?" / "X?" / "what does X stand for?" question is about."""
        entities = [s.concept for s in slots if s.concept and s.concept.startswith("@")]
        others = [s for s in slots if not (s.concept and s.concept.startswith("@"))]
        if len(entities) != 1 or any(s.concept != "~stand-for" for s in others):
            return None
        return entities[0][1:]

    def _find_spellers(self) -> dict[str, frozenset[int]]:
        """Entity id -> the facts whose answer names it in two ways (acronym and full name).

        Found once while indexing, so a "what is X?" question knows every such fact
        (they get DEFINITION_BONUS) without reading answers.
        """
        names = [(eid, {fold(n) for n in e.names}) for eid, e in self.base.entity_by_id.items()]
        found: dict[str, list[int]] = defaultdict(list)
        for i, fact in enumerate(self.facts):
            answer = fold(fact.answer)
            for eid, folded in names:
                hits = 0
                for name in folded:
                    if name in answer and _has_word(answer, name):
                        hits += 1
                        if hits == 2:
                            found[eid].append(i)
                            break
        return {eid: frozenset(facts) for eid, facts in found.items()}

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

    def _slot_idf(self, slot: Slot, kids: Sequence[int]) -> float:
        idf = min(self._idf[k] for k in kids) if kids else self._unknown_idf
        if slot.concept is None and not slot.number and slot.text in COMMON_WORDS:
            idf *= COMMON_WORD_FACTOR
        return idf

    def _df(self, key: str) -> int:
        """How many facts hold the key."""
        kid = self._key_id.get(key)
        return 0 if kid is None else self._poff[kid + 1] - self._poff[kid]

    def _is_specific(self, slot: Slot) -> bool:
        """A name or number the answer must mention: an uncommon entity, a number, or an
        unknown capitalised word (a name we have never heard of)."""
        if slot.number:
            return True
        if slot.concept is not None and slot.concept.startswith("@"):
            return self._df(slot.concept) < AMBIENT_SHARE * self._n
        return slot.capitalised and not any(k in self._key_id for k in slot.keys)

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
        if kind == "money" and not features.has_money:
            return "gives no amount of money"
        if kind == "duration" and not features.has_duration:
            return "gives no length of time"
        if kind == "count" and not features.has_count:
            return "gives no figure"
        if counted and counted.isdisjoint(features.counted):
            return "gives no figure for " + ", ".join(sorted(counted_text)[:2])
        if kind == "city" and not features.has_city:
            return "names no city"
        if kind == "place" and not features.has_place:
            return "gives no place"
        if kind == "person" and not features.has_person:
            return "names no person"
        if kind == "law-number" and not features.has_law_number:
            return "gives no law number"
        if kind == "country" and not (features.countries - query_concepts):
            return "names no other country"
        return None


#: How many of the best-scoring facts are weighed as answers or suggestions.
_TOP = 20
#: Margin for float sums taken in another order: bounds are compared with this slack.
_EPS = 1e-6
#: Covers the float error (about 1e-13) of a bound summed in another order than the exact
#: score, and stays well under the 1e-9 that scores are rounded to for ranking.
_DELTA = 1e-10
_NONE: frozenset[int] = frozenset()
#: Scores are ranked rounded to 9 places: a fact this far below another may tie with it.
_ROUNDING = 1e-9
#: Up to this many facts, `_Scoring.top` scores every touched fact instead of pruning
#: (faster below about 600 facts on the synthetic bases of bench/matcher.py).
_SMALL_BASE = 500
#: Keys held by at least this many facts (and 1/32 of them) get a dense table, at most
#: this many keys: 2.5 MB at 10,000 facts.
_DENSE_MIN = 64
_DENSE_KEYS = 256


class _Scoring:
    """One question scored over the index a slot at a time, with the exact top 20.

    Scoring each candidate fact slot by slot costs too much at 10,000 facts, and taking
    only some candidates changes answers. Here slots are read rarest first, adding each
    one's weight to every fact in its postings. Once the slots left could not lift a
    fact none of the earlier slots found past the 20th score so far, those slots are
    only looked up for the facts already found (MaxScore pruning), so a common word
    held by half the facts costs little. The facts that can still reach the top 20 are
    then scored again in the question's slot order, as a fact-at-a-time loop adds up,
    so scores, ties and answers are the same as scoring every fact.
    """

    def __init__(
        self,
        matcher: Matcher,
        slots: Sequence[Slot],
        kids: Sequence[tuple[int, ...]],
        slot_idf: Sequence[float],
        defines: str | None,
    ) -> None:
        self.matcher = matcher
        self.slots = slots
        self.kids = kids
        self.idf = slot_idf
        self.total = sum(slot_idf)
        self.title_bonus = [TITLE_BONUS * idf for idf in slot_idf]
        self.topic_bonus = [TITLE_BONUS * idf / 2 for idf in slot_idf]
        kinds = matcher._lexicon.kinds
        self.topics = [
            _KIND_TOPIC.get(kinds.get(s.concept, "")) if s.concept else None for s in slots
        ]
        self.specific = [matcher._is_specific(s) for s in slots]
        self.entity = [s.concept is not None and s.concept.startswith("@") for s in slots]
        # "What is X?": the facts spelling X out get a large bonus; they are few and known.
        self.spellers = matcher._spellers.get(defines, _NONE) if defines is not None else _NONE
        # Per slot: fact -> code of the slot in that fact, for the facts that may rank
        # (None for slots no fact holds, until filled in).
        self.codes: list[dict[int, int] | None] = [None] * len(slots)
        self.values: list[list[float] | None] = [None] * len(slots)
        self.by_topic: dict[str, float] = {}
        self.plan: list[tuple[dict[int, int], list[float], float, str | None, float]] = []

    def _values(self, j: int) -> list[float]:
        """What slot j adds to a fact's score and title bonus, by posting code."""
        values = self.values[j]
        if values is None:
            idf, bonus = self.idf[j], self.title_bonus[j]
            wtab = self.matcher._wtab
            values = self.values[j] = [
                idf * w + (bonus if title else 0.0) for w in wtab for title in (0, 1)
            ]
        return values

    def _lookup(self, j: int, facts: Sequence[int]) -> dict[int, int]:
        """Fact -> code of slot j, for `facts` (and maybe others)."""
        m = self.matcher
        kids = self.kids[j]
        if len(kids) > 1:
            return m._slot_codes(kids, facts)
        dense = m._dense.get(kids[0])
        if dense is not None:
            return {f: c - 1 for f in facts if (c := dense[f])}
        pfact, pcode = m._pfact, m._pcode
        a, b = m._poff[kids[0]], m._poff[kids[0] + 1]
        if b - a <= 8 * len(facts):
            return dict(zip(pfact[a:b], pcode[a:b], strict=True))
        codes: dict[int, int] = {}
        for f in facts:  # a few facts against a long posting: bisect
            p = bisect_left(pfact, f, a, b)
            if p < b and pfact[p] == f:
                codes[f] = pcode[p]
        return codes

    def top(self) -> Iterator[tuple[float, float, int]]:
        """(score, coverage, fact) of the best facts, best first, at most _TOP of them."""
        if len(self.matcher.facts) <= _SMALL_BASE:
            return self.every_fact()
        return self.pruned()

    def every_fact(self) -> Iterator[tuple[float, float, int]]:
        """`top()` by scoring every fact the question touches, slot by slot, in full.

        Cheaper than pruning when postings are short (a base of hundreds of facts),
        and the reference `pruned()` must agree with (tests/test_matching.py). Each
        fact's score and bonus are summed in the question's slot order, as `_exact`
        sums them, so the floats are the same to the last bit.
        """
        m = self.matcher
        n = len(m.facts)
        pfact, pcode, poff, wtab = m._pfact, m._pcode, m._poff, m._wtab
        score = [0.0] * n
        bonus = [0.0] * n
        touched: set[int] = set()
        for j, kids in enumerate(self.kids):
            if kids:
                if len(kids) == 1:
                    a, b = poff[kids[0]], poff[kids[0] + 1]
                    codes = dict(zip(pfact[a:b], pcode[a:b], strict=True))
                else:
                    codes = m._slot_codes(kids)
                self.codes[j] = codes
                gain = [self.idf[j] * w for w in wtab]
                title = self.title_bonus[j]
                for f, c in codes.items():
                    score[f] += gain[c >> 1]
                    if c & 1:
                        bonus[f] += title
                touched.update(codes)
            topic = self.topics[j]
            if topic is not None:
                topic_bonus = self.topic_bonus[j]
                for f in m._by_topic.get(topic, ()):
                    bonus[f] += topic_bonus
        self._plan()
        # The facts pruned() weighs: those touched, the first of each topic asked about
        # (they hold its bonus, in tie order), and the facts spelling out a name asked about.
        pool = touched.union(self._topic_leaders({t for t in self.topics if t}, touched))
        defined = DEFINITION_BONUS * self.total
        for f in self.spellers:
            pool.add(f)
            bonus[f] += defined
        rank = m._rank
        facts = list(pool)
        totals = [score[f] + bonus[f] for f in facts]
        if len(facts) > _TOP:
            # Only facts within rounding of the 20th best total can rank: sort just those.
            cut = sorted(totals, reverse=True)[_TOP - 1] - _ROUNDING  # sorted() runs in C
            kept = [(t, f) for t, f in zip(totals, facts, strict=True) if t >= cut]
        else:
            kept = list(zip(totals, facts, strict=True))
        kept.sort(key=lambda tf: (-round(tf[0], 9), rank[tf[1]]))
        for total, f in kept[:_TOP]:
            yield total, score[f] / self.total, f

    def pruned(self) -> Iterator[tuple[float, float, int]]:
        """`top()` with MaxScore pruning, for large bases: see the class docstring."""
        m = self.matcher
        pfact, pcode, poff = m._pfact, m._pcode, m._poff
        wtab, kbest = m._wtab, m._kbest
        active = [j for j, kids in enumerate(self.kids) if kids]
        bound = {
            j: self.idf[j] * wtab[max(kbest[k] for k in self.kids[j]) >> 1] + self.title_bonus[j]
            for j in active
        }
        order = sorted(active, key=lambda j: -bound[j])
        left = [0.0] * (len(order) + 1)  # the most the slots from here on can add
        for pos in range(len(order) - 1, -1, -1):
            left[pos] = left[pos + 1] + bound[order[pos]]
        by_topic: dict[str, float] = {}
        for topic, bonus in zip(self.topics, self.topic_bonus, strict=True):
            if topic is not None:
                by_topic[topic] = by_topic.get(topic, 0.0) + bonus
        extra = max(by_topic.values(), default=0.0)  # the most a topic bonus adds
        self.by_topic = by_topic
        spellers = self.spellers
        defined = DEFINITION_BONUS * self.total

        # acc[f]: f's score and title bonus over the slots read so far (a list indexed by
        # fact is twice as fast to add into as a dict).
        acc = [0.0] * len(m.facts)
        # The facts of each slot read in full, with its bound, rarest first: a fact met
        # only in the last few can score no more than their bounds add up to.
        parts: list[tuple[Iterable[int], float]] = []
        met = 0  # postings read, an upper bound of the facts met
        seen = 0.0  # the most any fact has scored so far
        theta = -math.inf  # a lower bound of the 20th best final score
        stop = len(order)
        for pos, j in enumerate(order):
            need = left[pos] + extra + _EPS  # a fact met nowhere yet scores at most this
            if met >= _TOP and need < seen:
                if theta <= need:
                    # Finish the 20 best facts so far over the slots left: their full scores
                    # bound the 20th best far better than partial ones, so reading stops
                    # sooner and fewer facts stay in reach.
                    theta = self._lead(parts, acc, order[pos:])
                if theta > need:
                    stop = pos
                    break
            values = self._values(j)
            kids = self.kids[j]
            if len(kids) == 1:
                a, b = poff[kids[0]], poff[kids[0] + 1]
                facts = pfact[a:b]
                for f, c in zip(facts, pcode[a:b], strict=True):
                    acc[f] += values[c]
                parts.append((facts, bound[j]))
                met += b - a
            else:
                codes = self.codes[j] = m._slot_codes(kids)
                for f, c in codes.items():
                    acc[f] += values[c]
                parts.append((codes.keys(), bound[j]))
                met += len(codes)
            seen += bound[j]
        if stop < len(order):
            # No fact met nowhere can reach the top 20 now: finish those that can, dropping
            # the ones that fall out of reach as the 20th best rises. Spellers are kept
            # apart: their bound has the definition bonus too.
            met_set = _met(parts, theta - 2 * _EPS - (left[stop] + extra))
            pool = list(met_set - spellers) if spellers else list(met_set)
            scores = list(map(acc.__getitem__, pool))
            live = list(spellers)
            for pos in range(stop, len(order)):
                cut = theta - _EPS - (left[pos] + extra)
                pool = list(compress(pool, map(cut.__le__, scores)))
                if live:
                    live = [f for f in live if acc[f] + defined >= cut]
                members = pool + live if live else pool
                j = order[pos]
                values = self._values(j)
                kids = self.kids[j]
                a, b = poff[kids[0]], poff[kids[0] + 1]
                dense = m._dense.get(kids[0]) if len(kids) == 1 else None
                if dense is not None:
                    gains = [0.0, *values]
                    for f in members:
                        acc[f] += gains[dense[f]]
                elif len(kids) == 1 and b - a <= 8 * len(members):
                    # Reading the whole posting costs less than looking each fact up.
                    for f, c in zip(pfact[a:b], pcode[a:b], strict=True):
                        acc[f] += values[c]
                else:
                    codes = self.codes[j] = self._lookup(j, members)
                    for f in codes.keys() & members:
                        acc[f] += values[codes[f]]
                scores = list(map(acc.__getitem__, pool))
                if len(members) > _TOP:
                    theta = max(theta, _kth_largest(scores + [acc[f] for f in live], _TOP))
            pool += live
        else:
            touched = _met(parts, -math.inf)
            pool = list(touched)
            pool.extend(self._topic_leaders(by_topic, touched))
            pool.extend(f for f in spellers if f not in touched)
        return self._best(pool, acc, extra, defined)

    def _topic_leaders(self, topics: Iterable[str], touched: set[int]) -> list[int]:
        """The first facts of each topic, in tie order, that hold none of the question's keys.

        They still get the topic's bonus, so when little matches, the first of a topic
        may rank (as a suggestion); later ones of the topic tie with it and rank below.
        """
        leaders: list[int] = []
        for topic in topics:
            count = 0
            for f in self.matcher._by_topic_ranked.get(topic, ()):
                if f not in touched:
                    leaders.append(f)
                    count += 1
                    if count == _TOP:
                        break
        return leaders

    def _lead(
        self, parts: list[tuple[Iterable[int], float]], acc: list[float], rest: Sequence[int]
    ) -> float:
        """The 20th best full score (without topic bonus) of the facts leading so far, or
        -inf: a lower bound of the 20th best final score. The leaders are looked for among
        the facts of the rarest slots read."""
        facts: set[int] = set()
        for part, _ in parts:
            facts.update(part)
            if len(facts) >= 8 * _TOP:
                break
        if len(facts) < _TOP:
            return -math.inf
        scores = list(map(acc.__getitem__, facts))
        lead = list(compress(facts, map(_kth_largest(scores, _TOP).__le__, scores)))[: 3 * _TOP]
        full = list(map(acc.__getitem__, lead))
        m = self.matcher
        pfact, pcode, poff = m._pfact, m._pcode, m._poff
        for j in rest:
            values = self._values(j)
            kids = self.kids[j]
            dense = m._dense.get(kids[0]) if len(kids) == 1 else None
            if dense is not None:
                gains = [0.0, *values]
                full = [s + gains[dense[f]] for f, s in zip(lead, full, strict=True)]
            elif len(kids) == 1:
                a, b = poff[kids[0]], poff[kids[0] + 1]
                for n, f in enumerate(lead):
                    p = bisect_left(pfact, f, a, b)
                    if p < b and pfact[p] == f:
                        full[n] += values[pcode[p]]
            else:
                codes = m._slot_codes(kids, lead)
                full = [
                    s + values[c] if (c := codes.get(f)) is not None else s
                    for f, s in zip(lead, full, strict=True)
                ]
        return _kth_largest(full, _TOP)

    def _best(
        self, pool: list[int], acc: list[float], extra: float, defined: float
    ) -> Iterator[tuple[float, float, int]]:
        """The top of `pool` by exact score, then tie order, scoring as few facts as it can.

        acc[f] is f's score and title bonus (summed in another order), so acc[f] plus the
        topic and definition bonuses bounds f's final score: facts are scored exactly in
        the order of that bound, until the next bound cannot beat the 20th exact score.
        """
        rank = self.matcher._rank
        spellers = self.spellers
        # Spellers' bounds carry the definition bonus: they are few, and always scored.
        fixed = list(filter(spellers.__contains__, pool)) if spellers else []
        if fixed:
            pool = list(filterfalse(spellers.__contains__, pool))
        if len(pool) > 4 * _TOP:
            # A fact's final sort key is (-rounded score, tie order); its score is at least
            # acc and at most acc + extra, which brackets the key. The 20th best of the
            # worst keys caps the 20th best key, so only facts whose best key is within
            # that cap can rank: with many ties, tie order keeps this to about 20 facts.
            scores = list(map(acc.__getitem__, pool))
            low = list(map(round, map((-_DELTA).__add__, scores), repeat(9)))
            t = _kth_largest(low, _TOP)
            ties = list(map(rank.__getitem__, compress(pool, map(t.__eq__, low))))
            r = heapq.nsmallest(_TOP - sum(map(t.__lt__, low)), ties)[-1]
            high = list(map(round, map((extra + _DELTA).__add__, scores), repeat(9)))
            kept = list(compress(pool, map(t.__lt__, high)))
            kept += [f for f in compress(pool, map(t.__eq__, high)) if rank[f] <= r]
            pool = kept
        pool += fixed
        for j, kids in enumerate(self.kids):
            if kids and self.codes[j] is None:  # read in full above, without a dict
                self.codes[j] = self._lookup(j, pool)
        self._plan()
        # A fact's best possible sort key: its bound rounded as scores are, then tie order.
        facts, by_topic = self.matcher.facts, self.by_topic
        bounds = [
            (
                -round(
                    acc[f]
                    + by_topic.get(facts[f].topic, 0.0)
                    + (defined if f in spellers else 0.0)
                    + _DELTA,
                    9,
                ),
                rank[f],
                f,
            )
            for f in pool
        ]
        heapq.heapify(bounds)
        # Score facts in order of their best possible key; a scored fact is next once no
        # unscored fact's best possible key beats its key. Lazily: the caller stops early.
        ready: list[tuple[float, int, float, float, int]] = []
        for _ in range(_TOP):
            while bounds and (not ready or bounds[0][:2] < ready[0][:2]):
                f = heapq.heappop(bounds)[2]
                score, plain = self._exact(f)
                heapq.heappush(ready, (-round(score, 9), rank[f], score, plain, f))
            if not ready:
                return
            _, _, score, plain, f = heapq.heappop(ready)
            yield score, plain / self.total, f

    def _plan(self) -> None:
        """Per slot, what `_exact` and `misses` need, in slot order: once the codes are in."""
        wtab = self.matcher._wtab
        self.plan = [
            (codes if codes is not None else {}, [idf * w for w in wtab], tb, topic, pb)
            for codes, idf, tb, topic, pb in zip(
                self.codes, self.idf, self.title_bonus, self.topics, self.topic_bonus, strict=True
            )
        ]

    def _exact(self, f: int) -> tuple[float, float]:
        """(score with bonuses, plain score) of fact f, summed in the question's slot order."""
        fact_topic = self.matcher.facts[f].topic
        score = 0.0
        bonus = 0.0
        for codes, gain, title_bonus, topic, topic_bonus in self.plan:
            c = codes.get(f)
            if c is not None:
                score += gain[c >> 1]  # idf * weight, as the fact-at-a-time loop multiplied
                if c & 1:
                    bonus += title_bonus
            if topic == fact_topic:
                bonus += topic_bonus
        if f in self.spellers:
            bonus += DEFINITION_BONUS * self.total
        return score + bonus, score

    def misses(self, f: int) -> tuple[tuple[str, ...], bool]:
        """The slots fact f does not hold, and whether it lacks a name or number asked for."""
        wtab = self.matcher._wtab
        missing: list[str] = []
        strong_missing = False
        for plan, slot, specific, entity in zip(
            self.plan, self.slots, self.specific, self.entity, strict=True
        ):
            c = plan[0].get(f)
            w = wtab[c >> 1] if c is not None else 0.0
            if w == 0.0:
                missing.append(slot.text)
            if specific and w < STRONG_FIELD:
                strong_missing = True
            elif w == 0.0 and entity:
                # Even a name everyone mentions ("Morocco") must be in the fact somewhere:
                # IPPOS training peacekeepers says nothing of Morocco training any.
                strong_missing = True
        return tuple(missing), strong_missing


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
    """Symmetric-delete spelling correction (as in SymSpell) over our own vocabulary.

    A word is indexed under itself and its one-letter deletes (two-letter deletes too
    for words of 8 letters or more); a typo finds the words sharing one of its own
    deletes. A dict from delete strings to words takes ~28 MB at 10,000 facts, so
    each (delete, word) pair is one int in an open-addressing table instead: high
    bits of the delete's hash, low bits the word's number. Each hit is checked against
    the word itself, so the words found are exactly those the dict would give.
    """

    def __init__(self, vocab: dict[str, int]) -> None:
        self.vocab = vocab
        self.words = [w for w in vocab if len(w) >= 4 and w.isalpha()]
        # At most 1 + n + n(n-1)/2 deletes per word: size the table for a load under 1/2.
        bound = sum(1 + n + (n * (n - 1) // 2 if n >= 8 else 0) for n in map(len, self.words))
        size = 8
        while size * 0.5 < bound:
            size *= 2
        self.mask = size - 1
        self.bits = (len(self.words) + 1).bit_length()
        self.table = array("q", bytes(8 * size))
        table, mask, bits = self.table, self.mask, self.bits
        for number, word in enumerate(self.words, 1):
            for variant in self._variants(word):
                h = hash(variant) & _HASH_MASK
                i = h & mask
                while table[i]:
                    i = (i + 1) & mask
                table[i] = (h >> 32) << bits | number

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
        for candidate in self.near(word):
            d = DamerauLevenshtein.distance(word, candidate)
            if d > max_distance or (d == 2 and candidate[0] != word[0]):
                # Two edits away is a typo only if the first letter is right: people
                # seldom mistype it, and "gathered" is not "adhered".
                continue
            rank = (d, -self.vocab[candidate], candidate)
            if best is None or rank < best:
                best = rank
        return best[2] if best else None

    def near(self, word: str) -> set[str]:
        """The indexed words sharing a delete with `word`: among them, every one a single
        edit away (a letter added, dropped, replaced, or two swapped)."""
        table, mask, bits, words = self.table, self.mask, self.bits, self.words
        low = (1 << bits) - 1
        found: set[str] = set()
        for variant in self._variants(word):
            h = hash(variant) & _HASH_MASK
            i = h & mask
            tag = h >> 32
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


_HASH_MASK = (1 << 63) - 1


_BEFORE_CHAT_ONE = frozenset({"which", "just", "only", "that", "this", "the", "any", "each"})


def _chat_one(tokens: Sequence[Token], n: int) -> bool:
    """Token n is a "1" written for the pronoun "one": after "which"/"just"..., and last or
    before a function word ("which 1 did ...?"); never "just 1 day", "1.5 million"."""
    before = tokens[n - 1].surface if n else ""
    if before not in _BEFORE_CHAT_ONE:
        return False
    if n + 1 == len(tokens):
        return True
    after = tokens[n + 1]
    return is_stopword(after) and not after.is_number and after.surface not in QUANTITY_WORDS


def _clear_lead(ranked: Sequence[Match], slots: int) -> bool:
    """The first fact covers enough of the question's `slots` and leads the second clearly."""
    first = ranked[0]
    return (
        first.coverage >= CLEAR_LEAD_COVERAGE
        and slots - len(first.missing) >= CLEAR_LEAD_HELD
        and (len(ranked) == 1 or first.score >= CLEAR_LEAD_RATIO * ranked[1].score)
    )


def _met(parts: list[tuple[Iterable[int], float]], cut: float) -> set[int]:
    """The facts of `parts` that may score `cut` or more: those met in the last parts
    only score at most the sum of those parts' bounds, so they are left out."""
    tail = 0.0
    end = len(parts)
    while end and tail + parts[end - 1][1] < cut:
        end -= 1
        tail += parts[end][1]
    met: set[int] = set()
    for part, _ in parts[:end]:
        met.update(part)
    return met


def _kth_largest(values: list[float], k: int) -> float:
    """The k-th largest of `values` (at least k of them), exactly: a quickselect whose
    partitions are filters run in C, down to a few hundred values that C sorts."""
    while len(values) > 256:
        top = max(values)
        if values.count(top) >= k:  # ties at the top, common among near-duplicate facts
            return top
        sample = sorted(values[:: len(values) // 32], reverse=True)
        pivot = sample[min(len(sample) - 1, 2 * k * len(sample) // len(values) + 1)]
        above = list(filter(pivot.__lt__, values))
        if len(above) >= k:
            values = above
            continue
        same = values.count(pivot)
        if len(above) + same >= k:
            return pivot
        k -= len(above) + same
        values = list(filter(pivot.__gt__, values))
    return sorted(values, reverse=True)[k - 1]


def _has_word(text: str, name: str) -> bool:
    """Whether `name` occurs in `text` with no letter, digit or underscore either side:
    what a regex with lookarounds for \\w finds, without compiling one per name."""
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
            return True
        start = text.find(name, start + 1)
    return False


def _is_subsequence(short: str, word: str) -> bool:
    """Whether deleting letters from `word` can give `short`."""
    letters = iter(word)
    return all(c in letters for c in short)
