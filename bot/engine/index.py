"""The fact base as an index: postings by key, weights, rarity, and what each fact holds.

Why this module exists: building the index (reading every fact field into keys, the
postings, the tables the exact scoring reads) is one job, done once per fact base.
Its attributes are public and read-only by convention, so `scoring` reads them
without reaching into the matcher.

The index is compact so 10,000 facts fit in a few tens of megabytes: every key
(stem, number or concept) is interned to an int, and its postings are two parallel
arrays (fact numbers, and a one-byte code for the field weight and whether the
key is in the fact's title), one slice per key.
"""

from __future__ import annotations

import math
import re
from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence

from bot.core.factbase import Fact, FactBase
from bot.core.text import (
    MULTIPLIERS,
    Token,
    day_of_month,
    figures,
    fold,
    is_quantity,
    is_stopword,
    looks_like_year,
    mark_months,
    text_language,
    tokenize,
    word_keys,
)
from bot.engine.answer import Slot
from bot.engine.kinds import (
    AGE,
    ARTICLE_NUMBER,
    BEFORE_CLAUSE,
    CALLS_FOR,
    CLOCK,
    COMPARATIVE,
    DURATION,
    END,
    FOUNDING_CUE,
    LAW_NUMBER,
    LAW_WORD,
    MONEY,
    NATIONALITY,
    PENALTY,
    PEOPLE,
    PERSON,
    REASON,
    ROLE_WORD,
    SAID_BY,
    SCORE,
    SOURCE_DATED,
    START,
    STATEMENT,
    SUPPORTED,
    TITLED,
    FactFeatures,
    founded,
    listed,
    pack_flags,
    paired,
    role_key,
)
from bot.engine.lexicon import (
    KIND_TOPIC,
    PLACE_KINDS,
    Lexicon,
    named_group,
    split_compounds,
    token_keys,
)
from bot.engine.spelling import Speller
from bot.engine.weights import (
    AMBIENT_SHARE,
    COUNTED_WINDOW,
    DENSE_KEYS,
    DENSE_MIN,
    NAME_WORDS_KINDS,
    W_ANSWER,
    W_ASK,
    W_ENTITY,
    W_NAME_WORDS,
    W_PARENT,
    W_SNIPPET,
    W_TAG,
    W_TITLE,
    W_TOPIC,
    W_WHEN,
    W_WHERE,
)

#: Parts of the world named by a synonym group, not by an entity: "partners in West and
#: North Africa" names regions, which "which regions ...?" asks for.
_REGION_GROUPS = frozenset(named_group(g) for g in ("west-africa", "north-africa"))
_AFRICA = named_group("africa")

#: Slots whose `Index.traits` (and so `is_specific`) are kept.
SPECIFIC_KEPT = 2048
#: Texts whose keys `Index._text_keys` keeps while indexing: a fact reads its own texts
#: again, so a few facts' worth is enough. At 4,096 the long answers' key sets held
#: megabytes, which the 10,000-fact benchmark's peak RSS kept (1.5 MB of it).
TEXTS_KEPT = 128
#: Slot weights whose `Index.gains` are kept (about 350 bytes each; a base of hundreds
#: of facts has a few hundred weights, the larger ones read their gains otherwise).
GAINS_KEPT = 512
#: The entity kinds that can do something: the answer to "who signed / trained / funds ...?".
_ACTOR_KINDS = frozenset({"institution", "country", "group"})


#: A key's facts by weight number, the facts holding it in their title, and fact -> code
#: (read only).
_ByWeight = tuple[tuple[tuple[int, tuple[int, ...]], ...], tuple[int, ...], dict[int, int]]


#: A list of places after "from" or after people, countries or groups "in": where they
#: come from or are, not where something happened ("units from Togo, Senegal, and
#: Jordan", "neighbors in North and West Africa", "groups operating in the broader
#: Sahara-Sahel region").
_WHOSE_PLACES = re.compile(
    r"\b(?:from|with|(?:neighbou?rs|partners|counterparts|countries|nations|groups|operating|"
    r"based|active)\s+in)\s+"
    r"(?P<places>(?:the\s+)?(?:(?:broader|wider|greater|whole|entire)\s+)?[A-Z][\w.-]*"
    r"(?:(?:,?\s+and\s+|,\s*|\s+)(?:the\s+)?[A-Z][\w.-]*)*)"
)
#: Words that end what a figure counts: "departments of corrections" counts departments.
_OF = frozenset({"of", "de", "d", "du", "des"})
#: Bodies counted, after the word that says what kind ("two U.S. police departments").
_BODIES_COUNTED = frozenset(
    """departments agencies units offices ministries bodies institutions directorates
    departements agences unites bureaux ministeres organismes""".split()  # noqa: SIM905
)


class Index:
    """A fact base indexed once: read by `scoring.Scoring` and the `Matcher`.

    Postings: the facts holding key k, in fact order, are
    `pfact[poff[k] : poff[k + 1]]`, with their codes in `pcode`; a code is
    `weight number << 1 | in title`, and `wtab[code >> 1]` is the field weight.
    """

    def __init__(self, base: FactBase) -> None:
        self.base = base
        self.facts: tuple[Fact, ...] = base.facts
        self.lexicon = Lexicon.of(base)

        #: Every word of the facts and curated names as written, with its count.
        self.vocab: dict[str, int] = defaultdict(int)
        self._memo: dict[tuple[str, str | None], frozenset[str]] = {}
        self._shared: dict[frozenset[str], frozenset[str]] = {}
        self._shared_tuples: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._shared_flags: dict[int, int] = {}
        key_id: dict[str, int] = {}
        weight_code: dict[float, int] = {}
        # Fact-major postings while indexing (key ids, codes); turned key-major below. Key
        # ids take two bytes while they fit: these arrays and the key-major ones are all
        # held at once below, the peak of the build.
        fact_keys = array("H")
        fact_codes = array("B")
        key_counts = array("i")  # postings per key id
        fact_end = array("i")
        nkeys = array("i")
        lent = array("i")  # the key of each posting held through a name only (`_named_keys`)
        self._name_keys: dict[str, frozenset[str]] = {}  # entity key -> `_full_name_keys`
        self.features: list[FactFeatures] = []
        for fact in self.facts:
            weights = self._fact_keys(fact)
            borrowed = self._named_keys(weights)
            weights.update(dict.fromkeys(borrowed, W_NAME_WORDS))
            title = self._text_keys(fact.title, "en")
            if fact_keys.typecode == "H" and len(key_id) + len(weights) > 0x10000:
                fact_keys = array("i", fact_keys)
            for key, w in weights.items():
                kid = key_id.setdefault(key, len(key_id))
                if kid == len(key_counts):
                    key_counts.append(1)
                else:
                    key_counts[kid] += 1
                if key in borrowed:
                    lent.append(kid)
                code = weight_code.setdefault(w, len(weight_code))
                fact_keys.append(kid)
                fact_codes.append(code << 1 | (key in title))
            fact_end.append(len(fact_keys))
            nkeys.append(len(weights))
            self.features.append(self._features_of(fact))
        del self._name_keys  # (used while indexing only)
        self._memo = {}
        self._shared = {}
        self._shared_tuples = {}
        self._shared_flags = {}
        for group in base.synonyms:
            for name in group:
                for t in tokenize(name):
                    self.vocab[t.surface] += 1
        for entity in base.entities:
            for name in entity.names:
                for t in tokenize(name):
                    self.vocab[t.surface] += 1
        for word in list(self.vocab):
            if "-" in word:
                for part in word.split("-"):
                    self.vocab[part] += 1

        # Weight codes in ascending weight order, so the larger code is the larger weight.
        by_weight = sorted(weight_code, key=weight_code.__getitem__)
        ranked = sorted(by_weight)
        if len(ranked) > 127:
            raise ValueError("too many distinct field weights for one-byte codes")
        renumbered = bytearray(range(256))
        for old, w in enumerate(by_weight):
            new = ranked.index(w)
            renumbered[old << 1] = new << 1
            renumbered[old << 1 | 1] = new << 1 | 1
        self.wtab: tuple[float, ...] = tuple(ranked)

        # Key-major postings (a counting sort), codes renumbered on the way (`renumbered`).
        n_keys = len(key_id)
        counts = array("i", [0]) * (n_keys + 1)  # (arrays: a list held a megabyte of ints)
        for k in range(n_keys):
            counts[k + 1] = counts[k] + key_counts[k]
        del key_counts
        self.poff = array("i", counts)
        # Two bytes a fact number while they fit (half the postings' memory at 10,000 facts).
        # Made by repetition: made from a zero `bytes`, they were held twice at the peak.
        self.pfact = array("H" if len(self.facts) <= 0xFFFF else "i", [0]) * len(fact_keys)
        self.pcode = array("B", [0]) * len(fact_keys)
        best = bytearray(n_keys)  # each key's largest code: its best weight, for bounds
        start = 0
        for f, end in enumerate(fact_end):
            for j in range(start, end):
                kid = fact_keys[j]
                p = counts[kid]
                counts[kid] = p + 1
                self.pfact[p] = f
                code = renumbered[fact_codes[j]]
                self.pcode[p] = code
                if code | 1 > best[kid]:
                    best[kid] = code | 1
            start = end
        del fact_keys, fact_codes, fact_end, counts
        #: Each key's largest code (title bit set): its best weight, for MaxScore bounds.
        self.kbest = bytes(best)
        # The commonest keys also get a table indexed by fact (code + 1, or 0): looking a
        # fact up there is one index, where their postings run to thousands of facts.
        self.dense: dict[int, bytes] = {}
        common = sorted(range(n_keys), key=lambda k: self.poff[k] - self.poff[k + 1])
        floor = max(DENSE_MIN, len(self.facts) // 32)
        for kid in common[:DENSE_KEYS]:
            a, b = self.poff[kid], self.poff[kid + 1]
            if b - a < floor:
                break
            table = bytearray(len(self.facts))
            for f, code in zip(self.pfact[a:b], self.pcode[a:b], strict=True):
                table[f] = code + 1
            self.dense[kid] = bytes(table)

        n = max(len(self.facts), 1)
        self.n = n
        self.key_id = key_id
        # A key held through a name only does not make the key commoner: "migrant
        # smuggling" weighs as much in a question whatever facts name GLO.ACT.
        lent_counts = [0] * n_keys
        for kid in lent:
            lent_counts[kid] += 1
        # An array of doubles: a list of float objects took 0.9 MB more at 10,000 facts.
        self.idf = array(
            "d",
            (
                math.log(1 + (n - d + 0.5) / (d + 0.5))
                for d in (self.poff[k + 1] - self.poff[k] - lent_counts[k] for k in range(n_keys))
            ),
        )
        self.unknown_idf = math.log(1 + (n + 0.5) / 0.5)
        # Ties go to the more focused fact (fewer keys), then to the id: a fact's place in
        # that order, so ranking compares one int.
        order = sorted(range(len(self.facts)), key=lambda i: (nkeys[i], self.facts[i].id))
        self.rank = array("i", bytes(4 * len(order)))
        for r, i in enumerate(order):
            self.rank[i] = r
        self.by_topic: dict[str, array[int]] = {}
        self.by_topic_ranked: dict[str, array[int]] = {}
        for i, fact in enumerate(self.facts):
            self.by_topic.setdefault(fact.topic, array("i")).append(i)
        for i in order:
            self.by_topic_ranked.setdefault(self.facts[i].topic, array("i")).append(i)
        self.speller = Speller(self.vocab, self.key_id, self.lexicon.single_words, self._acronyms())
        _ = self.speller.deletes  # (now: no first typo a server answers waits on it)
        self.spellers = self._find_spellers()
        self._by_weight: dict[int, _ByWeight] = {}
        self._specific: dict[int, tuple[Slot, bool, bool, str | None]] = {}
        self._gains: dict[float, tuple[float, ...]] = {}

    # -- reading facts

    def _fact_keys(self, fact: Fact) -> dict[str, float]:
        weights: dict[str, float] = {}

        def add(text: str, weight: float, *, vocab: bool = True, lang: str | None = "en") -> None:
            for key in self._doc_keys(text, lang, vocab=vocab):
                if weights.get(key, 0.0) < weight:
                    weights[key] = weight

        for question in fact.ask:
            add(question, W_ASK, lang=text_language(question))
        add(fact.title, W_TITLE)
        # (Not the year an undated source was written: "(circa 2014)" dates the source, and
        # a question of 2014 is not about all the page says.)
        add(SOURCE_DATED.sub(" ", fact.answer), W_ANSWER)
        if fact.answer_fr:
            add(SOURCE_DATED.sub(" ", fact.answer_fr), W_ANSWER, lang="fr")
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
        # A part of Africa is in Africa: "quelles régions d'Afrique ?" is answered by "West
        # and North Africa".
        regional = [weights[k] for k in _REGION_GROUPS if k in weights]
        if regional and weights.get(_AFRICA, 0.0) < max(regional):
            weights[_AFRICA] = max(regional)
        # An institution's parents are involved too: INL is part of the State Department.
        for key in [k for k in weights if k.startswith("@")]:
            for parent in self.ancestors(key[1:]):
                weight = weights[key] * W_PARENT
                if weights.get("@" + parent, 0.0) < weight:
                    weights["@" + parent] = weight
        return weights

    def ancestors(self, eid: str) -> set[str]:
        """The entities `eid` is part of, directly or not."""
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
                self.vocab[t.surface] += 1
        return self._text_keys(text, lang)

    def text_keys(self, text: str, lang: str | None) -> frozenset[str]:
        """Every key a text holds, as a fact field's are found (words, stems, concepts)."""
        return self._analyse_text(text, lang)

    def _text_keys(self, text: str, lang: str | None) -> frozenset[str]:
        """`_analyse_text`, memoised while indexing: a fact's title, answer and snippet are
        read again for its title keys and features, and topics, tags and places recur."""
        memo = self._memo
        keys = memo.get((text, lang))
        if keys is None:
            if len(memo) >= TEXTS_KEPT:
                memo.clear()
            keys = memo[(text, lang)] = self._analyse_text(text, lang)
        return keys

    def _named_keys(self, weights: dict[str, float]) -> set[str]:
        """The keys a fact holds only through the full names of the programmes it names:
        naming GLO.ACT says "the global action against trafficking" in its way."""
        borrowed: set[str] = set()
        for key in [k for k in weights if k.startswith("@")]:
            inner = self._name_keys.get(key)
            if inner is None:
                inner = self._name_keys[key] = self._full_name_keys(key)
            borrowed |= inner
        return borrowed - weights.keys()

    def _full_name_keys(self, key: str) -> frozenset[str]:
        """The keys inside the full names of entity `key`, if it is a programme (read once
        per entity while indexing, `_name_keys`)."""
        named = self.base.entity_by_id.get(key[1:])
        if named is None or named.kind not in NAME_WORDS_KINDS:
            return frozenset()
        names = [(n, "en") for n in named.en] + [(n, "fr") for n in named.fr]
        return frozenset(k for name, lang in names for k in self._inner_keys(name, lang, key))

    def _inner_keys(self, name: str, lang: str, own: str) -> set[str]:
        """The keys of the words and shorter names inside an entity's name `name`, as if
        it were not that entity's (`own`): "trafficking in persons" in GLO.ACT's."""
        return self._words_keys(split_compounds(mark_months(tokenize(name))), lang, own)

    def _words_keys(self, words: Sequence[Token], lang: str | None, own: str = "") -> set[str]:
        """The concepts of the names in `words`, as the matcher's slots find them, and every
        word's own keys ("judicial" in "Central Bureau of Judicial Investigation"), so
        partial names still find the fact. A name `own` is passed over for the shorter
        names inside it ("global" in GLO.ACT's)."""
        keys: set[str] = set()
        i = 0
        while i < len(words):
            found = self.lexicon.phrase_at(words, i, lang)
            while own and found is not None and found[1] == own and found[0] > 1:
                found = self.lexicon.phrase_at(words[: i + found[0] - 1], i, lang)
            if found is None or found[1] == own:
                i += 1
            else:
                keys.add(found[1])
                i += found[0]
        for t in words:
            if not is_stopword(t):
                keys |= token_keys(t, lang)
        return keys

    def _analyse_text(self, text: str, lang: str | None) -> frozenset[str]:
        """Every key a text holds: words, both stems, joined compounds, concepts."""
        raw = mark_months(tokenize(text))
        keys: set[str] = set()
        for t in raw:
            if "-" in t.surface and not t.is_number:
                keys |= word_keys(t.surface.replace("-", ""), lang)
            elif t.is_number and "-" in t.surface:
                keys.update(p for p in t.surface.split("-") if p)
        keys |= self._words_keys(split_compounds(raw), lang)
        return frozenset(keys)

    def _names_whole(self, fact: Fact) -> str:
        """`fact`'s answer with each name holding commas put short (its acronym, or one
        word): "the Bureau of Democracy, Human Rights, and Labor" is one item of a list."""
        answer = fact.answer
        for eid in fact.entities:
            entity = self.base.entity_by_id.get(eid)
            if entity is None:
                continue
            for name in entity.names:
                if "," in name and name in answer:
                    short = entity.acronyms[0] if entity.acronyms else eid.replace("-", "")
                    answer = answer.replace(name, short)
        return answer

    def _features_of(self, fact: Fact) -> FactFeatures:
        answer_tokens = tokenize(fact.answer)
        has_count = any(
            is_quantity(t) and not (t.is_number and day_of_month(answer_tokens, n))
            for n, t in enumerate(answer_tokens)
        )
        # The year an undated source was written dates the source, not what it tells; the
        # year of what came after ("Before taking over ... in April 2016, ...") dates that.
        dated = BEFORE_CLAUSE.sub("", SOURCE_DATED.sub("", fact.answer))
        has_date = fact.when is not None or any(looks_like_year(t.surface) for t in tokenize(dated))
        answer_keys = set(self._text_keys(fact.answer, "en"))
        answer_keys |= self._text_keys(fact.snippet, "en")
        kinds = self.lexicon.kinds
        # Who says it ("According to Morocco On The Move, ...") did not do it.
        sources = {
            key for m in SAID_BY.finditer(fact.answer) for key in self._text_keys(m.group(), "en")
        }
        actors = frozenset(
            [k for k in answer_keys if kinds.get(k) in _ACTOR_KINDS and k not in sources]
            # (Not people whose thing it is: "the Moroccan police's national forensic lab".)
            + [
                role_key(m.group())
                for m in PEOPLE.finditer(fact.answer)
                if fact.answer[m.end() : m.end() + 2] not in ("'s", "’s")
            ]
        )
        helping = {
            key
            for text in (fact.answer, fact.answer_fr or "")
            for m in SUPPORTED.finditer(text)
            for key in self._text_keys(next(g for g in m.groups() if g), None)
        }
        supporters = actors & helping
        # The places its answer names itself (not those its names are part of: the New
        # Mexico Attorney General names no place in the United States).
        # Places that say from where or whose, not where: "units from Togo, Senegal and
        # Mali", "neighbors in North and West Africa".
        whose = {
            key
            for text in (fact.answer, fact.snippet)
            for m in _WHOSE_PLACES.finditer(text)
            for key in self._text_keys(m.group("places"), "en")
        }
        named_places = tuple(sorted(k for k in answer_keys - whose if kinds.get(k) in PLACE_KINDS))
        regions = tuple(
            sorted(
                k for k in answer_keys if kinds.get(k) in ("place", "region") or k in _REGION_GROUPS
            )
        )
        named_countries = frozenset(k for k in answer_keys if kinds.get(k) == "country")
        for key in [k for k in answer_keys if k.startswith("@")]:
            answer_keys.update("@" + parent for parent in self.ancestors(key[1:]))
        places = {k for k in answer_keys - whose if kinds.get(k) in PLACE_KINDS}
        where_keys = self._text_keys(fact.where, None) if fact.where else frozenset()
        # (A region, "the greater Maghreb and Sahel regions", is no city.)
        has_city = any(kinds.get(k) == "place" for k in places | where_keys)
        where_places = tuple(sorted(k for k in where_keys if kinds.get(k) in PLACE_KINDS))
        countries = frozenset(k for k in answer_keys if kinds.get(k) == "country")
        counted = self._counted(fact.answer, "en") | self._counted(fact.answer_fr or "", "fr")
        flags = pack_flags(
            has_date=has_date,
            has_count=has_count,
            has_city=has_city,
            has_money=bool(MONEY.search(fact.answer))
            or bool(fact.answer_fr and MONEY.search(fact.answer_fr)),
            has_nationality=bool(NATIONALITY.search(fact.answer)),
            has_penalty=bool(PENALTY.search(fact.answer))
            or bool(fact.answer_fr and PENALTY.search(fact.answer_fr)),
            has_duration=bool(DURATION.search(fact.answer))
            or bool(fact.answer_fr and DURATION.search(fact.answer_fr)),
            has_law_number=bool(LAW_NUMBER.search(fact.answer)),
            has_article=bool(ARTICLE_NUMBER.search(fact.answer)),
            names_law=any(kinds.get(k) == "law" for k in answer_keys)
            or bool(LAW_WORD.search(fact.answer)),
            paired=paired(fact.answer),
            compares=bool(COMPARATIVE.search(fact.answer)),
            has_reason=bool(REASON.search(fact.answer))
            or bool(fact.answer_fr and REASON.search(fact.answer_fr)),
            has_start=bool(START.search(fact.answer))
            or bool(fact.answer_fr and START.search(fact.answer_fr)),
            has_person=bool(PERSON.search(fact.answer)) or bool(PERSON.search(fact.snippet)),
            has_role=bool(ROLE_WORD.search(fact.answer)),
            has_statement=bool(STATEMENT.search(fact.answer))
            or bool(fact.answer_fr and STATEMENT.search(fact.answer_fr)),
            has_where=bool(fact.where),
            multiplies=any(t.surface in MULTIPLIERS for t in answer_tokens),
            has_end=bool(END.search(fact.answer))
            or bool(fact.answer_fr and END.search(fact.answer_fr)),
            has_age=bool(AGE.search(fact.answer)),
            has_score=bool(SCORE.search(fact.answer)),
            has_title=bool(TITLED.search(fact.answer)),
            has_clock=bool(CLOCK.search(fact.answer))
            or bool(fact.answer_fr and CLOCK.search(fact.answer_fr)),
        )
        # Most facts name the same countries, or count nothing: equal sets are shared (and
        # equal flags: an int past 256 is an object of its own).
        return FactFeatures(
            flags=self._shared_flags.setdefault(flags, flags),
            listed=listed(self._names_whole(fact)),
            countries=self._shared.setdefault(countries, countries),
            named_countries=self._shared.setdefault(named_countries, named_countries),
            counted=tuple(sorted(counted)),
            figures=tuple(sorted(figures(fact.answer))),
            actors=self._shared.setdefault(actors, actors),
            supporters=self._shared.setdefault(supporters, supporters),
            caller=self._caller(fact.answer),
            founded=self._founded(fact),
            places=self._shared_tuples.setdefault(named_places, named_places),
            where_places=self._shared_tuples.setdefault(where_places, where_places),
            regions=self._shared_tuples.setdefault(regions, regions),
        )

    def _founded(self, fact: Fact) -> tuple[str, ...]:
        """The names (concepts) of what `fact`'s answer, in English or French, says was
        founded (`founded`)."""
        keys = {
            key
            for text, lang in ((fact.answer, "en"), (fact.answer_fr or "", "fr"))
            if FOUNDING_CUE.search(text)
            for piece in founded(text)
            for key in self._text_keys(piece, lang)
            if key.startswith("@")
        }
        names = tuple(sorted(keys))
        return self._shared_tuples.setdefault(names, names)

    def _caller(self, answer: str) -> tuple[str, ...]:
        """Who an answer says called for something, as keys found only on that side: the
        keys of "Morocco's 2013 Judicial Reform Charter" that "the creation of a judiciary
        independent of the Ministry of Justice" lacks. Empty when nothing was called for."""
        found = CALLS_FOR.search(answer)
        if found is None:
            return ()
        before = self._text_keys(answer[: found.start()], "en")
        after = self._text_keys(answer[found.end() :], "en")
        caller = tuple(sorted(before - after))
        return self._shared_tuples.setdefault(caller, caller)

    def _counted(self, text: str, lang: str) -> set[str]:
        """Keys of the few words after each figure: "21 prosecutors" counts prosecutors."""
        tokens = split_compounds(tokenize(text))
        keys: set[str] = set()
        for n, t in enumerate(tokens):
            if is_quantity(t):
                window = tokens[n + 1 : n + 1 + COUNTED_WINDOW]
                # "seven U.S. state departments of corrections", "sept administrations
                # pénitentiaires d'États américains": what is counted stops at "of / d'";
                # what follows says whose (the counted are departments, not states).
                cut = next((k for k, w in enumerate(window) if k and w.surface in _OF), None)
                # "two U.S. police departments": the word before bodies counted says what
                # kind they are; police officers are not counted.
                kept = window[:cut]
                after = " ".join(
                    w.surface
                    for k, w in enumerate(kept)
                    if k + 1 == len(kept) or kept[k + 1].surface not in _BODIES_COUNTED
                )
                keys |= self._text_keys(after, lang)
                # (A name the kind word belongs to is counted whole: "seven U.S. state
                # departments" counts what "state departments" names, as a question does.)
                keys |= {
                    k
                    for k in self._text_keys(" ".join(w.surface for w in kept), lang)
                    if k.startswith("@")
                }
        return keys

    def __getstate__(self) -> dict[str, object]:
        """What `bot.engine.cache` keeps: all but the speller, whose table holds this
        process's string hashes (salted per process); `__setstate__` rebuilds it."""
        state = self.__dict__.copy()
        del state["speller"], state["_by_weight"], state["_specific"], state["_gains"]
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self.speller = Speller(self.vocab, self.key_id, self.lexicon.single_words, self._acronyms())
        self._by_weight = {}
        self._specific = {}
        self._gains = {}

    def _acronyms(self) -> frozenset[str]:
        """The curated acronyms, folded: what the speller may read a name in capitals as."""
        return frozenset(fold(a) for e in self.base.entity_by_id.values() for a in e.acronyms)

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
                    if name in answer and has_word(answer, name):
                        hits += 1
                        if hits == 2:
                            found[eid].append(i)
                            break
        return {eid: frozenset(facts) for eid, facts in found.items()}

    # -- looking up

    def key_ids(self, slot: Slot) -> tuple[int, ...]:
        """The ids of the slot's keys that some fact holds."""
        get = self.key_id.get
        return tuple(kid for k in slot.keys if (kid := get(k)) is not None)

    def slot_codes(self, kids: Sequence[int], only: Sequence[int] | None = None) -> dict[int, int]:
        """Fact -> code of the slot's best key in it (the largest weight; in the title if any
        of its keys is), for every fact holding one of `kids`; with `only`, right for the
        facts in `only` (others may be missing or partly merged)."""
        pfact, pcode, poff = self.pfact, self.pcode, self.poff
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

    def by_weight(self, kid: int) -> _ByWeight:
        """Key kid's facts grouped by weight number, those holding it in their title, and
        its codes by fact: what scoring every fact adds, a group at a time (kept once
        asked: small bases, where that scoring runs, have few keys)."""
        found = self._by_weight.get(kid)
        if found is None:
            groups: dict[int, list[int]] = {}
            titled: list[int] = []
            a, b = self.poff[kid], self.poff[kid + 1]
            for f, code in zip(self.pfact[a:b], self.pcode[a:b], strict=True):
                groups.setdefault(code >> 1, []).append(f)
                if code & 1:
                    titled.append(f)
            codes = dict(zip(self.pfact[a:b], self.pcode[a:b], strict=True))
            found = (tuple((w, tuple(fs)) for w, fs in groups.items()), tuple(titled), codes)
            self._by_weight[kid] = found
        return found

    def gains(self, idf: float) -> tuple[float, ...]:
        """`idf` times each field weight, by weight number: what a slot of that weight adds
        to a fact, kept by weight (questions reuse their slots, so their weights). Read only."""
        found = self._gains.get(idf)
        if found is None:
            if len(self._gains) >= GAINS_KEPT:
                self._gains.clear()
            found = self._gains[idf] = tuple([idf * w for w in self.wtab])
        return found

    def df(self, key: str) -> int:
        """How many facts hold the key."""
        kid = self.key_id.get(key)
        return 0 if kid is None else self.poff[kid + 1] - self.poff[kid]

    def is_specific(self, slot: Slot) -> bool:
        """A name or number the answer must mention: an uncommon entity, a number, or an
        unknown capitalised word (a name we have never heard of). Kept by the slot's
        identity (the matcher reuses its slots; the entry holds the slot, so no other
        object has its id while it is kept)."""
        return self.traits(slot)[1]

    def traits(self, slot: Slot) -> tuple[Slot, bool, bool, str | None]:
        """What scoring reads of a slot: the slot, whether it is specific (`is_specific`),
        whether it is an entity, and the topic of its entity's kind (None if none). Kept by
        the slot's identity, as `is_specific` is: questions reuse their slots (the entry
        holds the slot, so no other object has its id while it is kept)."""
        known = self._specific.get(id(slot))
        if known is None:
            if len(self._specific) >= SPECIFIC_KEPT:
                self._specific.clear()
            concept = slot.concept
            topic = KIND_TOPIC.get(self.lexicon.kinds.get(concept, "")) if concept else None
            entity = concept is not None and concept.startswith("@")
            known = self._specific[id(slot)] = (slot, self._is_specific(slot), entity, topic)
        return known

    def _is_specific(self, slot: Slot) -> bool:
        if slot.number:
            return True
        if slot.concept is not None and slot.concept.startswith("@"):
            return self.df(slot.concept) < AMBIENT_SHARE * self.n
        return slot.capitalised and not any(k in self.key_id for k in slot.keys)


def has_word(text: str, name: str) -> bool:
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
