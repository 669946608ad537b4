"""Match a question to the fact base, or abstain.

Pure and synchronous: no Slack, no database, no I/O. `Matcher(base).ask(text)`
returns an `Answer` made of frozen dataclasses.

Why this module exists: it is the engine's one decision, whether a fact answers,
built on the other modules (reading words, the index, the exact scoring, the kinds).

How a question is read:
1. Tokens are folded (case, accents, quotes, dashes), chat shorthand expanded,
   typos corrected against the fact base's own vocabulary, and stemmed with
   both the English and the French Snowball stemmer (`spelling`).
2. Names from `aliases.yaml` (entities and synonym groups, English and French)
   become one concept each, so "traite des êtres humains" meets "TIP" (`lexicon`).
3. Each remaining content word is a slot; a fact scores the inverse document
   frequency of every slot it holds, weighted by the field it holds it in
   (example questions and titles count most, the quote least) (`index`, `scoring`).

When it abstains: the best fact must cover most of the question's weight, hold
every specific name and number the question mentions, and hold the kind of
thing asked for (`kinds`: a date for "when", a figure for "how many", a place for
"where", a law number, another country). Otherwise the bot says it does not
know and offers the closest facts as suggestions.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence, Set
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from bot.core.factbase import Fact, FactBase
from bot.core.lazyregex import lazy
from bot.core.text import (
    MONTH_MARK,
    MONTHS,
    PERSON_TITLES,
    SHORTHAND,
    SPOKEN_FIGURE_WORDS,
    STOPWORDS,
    CaseBlind,
    Token,
    bounded,
    day_of_month,
    figures,
    fold,
    is_quantity,
    is_stopword,
    mark_months,
    number_value,
    numeric_dates,
    reader,
    spoken_figures,
    spoken_years,
    states_date,
    text_language,
    tokenize,
)
from bot.engine.answer import Answer, Match, Slot
from bot.engine.conversation import (
    KIND_WORDS,
    QUESTION_CUES,
    YES_NO_OPENING,
    Chatter,
    dictated_punctuation,
    has_pointer,
    names_only_the_kind,
    read_message,
)
from bot.engine.index import Index, has_word
from bot.engine.kinds import (
    BODY_NOUNS,
    COUNTED_BEFORE,
    FOUNDING_CUE,
    HOW_MANY,
    LAW_NUMBER,
    NAMED_BY,
    FactFeatures,
    Kind,
    asks_for,
    founding_asked,
    founding_claimed,
    role_key,
)
from bot.engine.lexicon import (
    ANYONE,
    BROWSE_FILLER,
    COMMON_WORDS,
    COUNTRY_WORDS,
    HELP,
    ORDINALS,
    PLACE_KINDS,
    STAND_FOR,
    TOPIC_CONCEPTS,
    TRAINING,
    is_common,
    named_group,
    token_keys,
)
from bot.engine.scoring import Scoring, slot_idf
from bot.engine.weights import (
    AMBIENT_SHARE,
    COUNTED_FOCUS,
    COUNTED_WINDOW,
    KEEP_SHARE,
    MAX_BROWSE,
    MAX_FACTS,
    MAX_SUGGESTIONS,
    STRONG_FIELD,
    Thresholds,
)

_NO_DATE = date(9999, 12, 31)
#: Words whose slot `Matcher` keeps (a few hundred bytes each).
WORD_SLOTS_KEPT = 1024
#: "Quand a eu lieu l'attaque ?": after a form of "avoir", "lieu" is "took place", which
#: asks nothing (as "when did it happen?"), not a place.
TOOK_PLACE = frozenset(
    {"a", "ont", "eu", "aura", "auront", "avoir", "avait", "avaient", "aurait", "auraient"}
)


#: "How long did the workshop last?": the "last" ending such a question is its verb of
#: lasting, not "final", a word a fact must hold. ("long" stays a word of the question:
#: measured, dropping it lost more than it gained, facts that say how long holding it.)
def _lasting(words: Sequence[Token], i: int) -> bool:
    """Whether `words[i]`, "last", is the verb ending a "how long" (or "how many days")
    question."""
    return i == len(words) - 1 and any(
        words[j - 1].surface == "how"
        and (w.surface == "long" or (w.surface == "many" and _time_unit_after(words, j)))
        for j, w in enumerate(words)
        if j
    )


#: Units of time: "how many days did it last?" asks a length of time, which "from 24 to
#: 26 September" gives without the word "days".
_TIME_UNITS = frozenset(
    """day days week weeks month months year years hour hours jour jours semaine semaines
    mois an ans annee annees heure heures""".split()  # noqa: SIM905
)


def _time_unit_after(words: Sequence[Token], j: int) -> bool:
    """Whether a unit of time follows "many" at `words[j]`: "how many days" asks a length,
    as "how long" does."""
    return j + 1 < len(words) and words[j + 1].surface in _TIME_UNITS


def _unit_asked(words: Sequence[Token], i: int) -> bool:
    """Whether `words[i]` is the unit of "how many days / combien de jours": what the
    question's kind asks for, not a word the fact must hold."""
    return (
        i >= 2
        and (
            (words[i - 2].surface == "how" and words[i - 1].surface == "many")
            or (words[i - 2].surface == "combien" and words[i - 1].surface in ("de", "d"))
        )
        and words[i].surface in _TIME_UNITS
        # (Not "how many years in jail", "combien d'années de prison": a penalty.)
        and (i + 1 == len(words) or words[i + 1].surface not in _NOT_A_LENGTH)
    )


#: After "how many years": what makes it a penalty or a date, not a length of time.
_NOT_A_LENGTH = frozenset({"in", "of", "behind", "ago", "de", "d"})


#: "Combien de temps a duré l'atelier ?": the verb of lasting after "combien de temps"
#: says what the kind asks, a length of time, as English "last" does.
_DURER = frozenset({"dure", "durer", "durera", "dureront", "durait", "duraient", "durent"})


def _french_lasting(words: Sequence[Token]) -> bool:
    """Whether a form of "durer" is in a question asking "combien de temps" or "combien de
    jours" ("l'atelier a duré combien de jours ?"): the verb of the kind asked."""
    return any(
        w.surface == "combien"
        and j + 2 < len(words)
        and words[j + 1].surface in ("de", "d")
        and (words[j + 2].surface == "temps" or words[j + 2].surface in _TIME_UNITS)
        for j, w in enumerate(words)
    )


#: In `Matcher._word_slots`: a name of several words may start with the word (no name
#: found is of length 0).
_LONGER: tuple[int, str] = (0, "")


def detect_language(question: str) -> str:
    """ "fr" or "en" (English when the question gives no clue)."""
    return text_language(question) or "en"


class Matcher:
    """Indexes a fact base once; answers questions in well under a millisecond.

    Questions are scored a slot at a time over the index's postings, skipping the
    slots that cannot change the top 20 (see `scoring.Scoring`).
    """

    def __init__(
        self, base: FactBase, thresholds: Thresholds | None = None, *, index: Index | None = None
    ) -> None:
        """`index`: `base`'s index built already (`bot.engine.cache`); else it is built here."""
        self.base = base
        self.thresholds = thresholds or Thresholds()
        self.index = index if index is not None and index.base is base else Index(base)
        self.facts: tuple[Fact, ...] = self.index.facts
        #: The keys a name's first word may have: a word with none starts no name.
        self._name_starts = frozenset(self.index.lexicon.by_first)
        #: (word, capitalised, language) -> the name it starts when that name can only be
        #: the word alone (`Lexicon.phrase_at` of it; `_LONGER` when a longer name may
        #: start there, None when none does), and its slot when alone (None for a stop
        #: word): questions reuse their words. Emptied when full.
        self._word_slots: dict[
            tuple[str, bool, str | None], tuple[tuple[int, str] | None, Slot | None]
        ] = {}
        #: (text, concept, capitalised) -> the slot of a name: questions reuse their names,
        #: and a slot read again has its keys' ids and weight kept (`_slot_facts`).
        self._name_slots: dict[tuple[str, str, bool], Slot] = {}
        #: A fact's id -> its place in the index (`_position`), filled when first asked.
        self._positions: dict[str, int] = {}
        #: id(slot) -> what is read of the slot alone (`_SlotFacts`). The entry holds the
        #: slot, so no other object has its id while it is kept. Emptied when full.
        self._slot_memo: dict[int, _SlotFacts] = {}
        self._ambient_country: frozenset[str] | None = None  # (`_country_everywhere`)
        #: A capital's concept -> its country's, when the capital stands for the government.
        self._seats = {"@" + e.id: "@" + e.seat_of[0] for e in base.entities if e.seat_of}
        self._states = frozenset("@" + e.id for e in base.entities if e.kind == "country")
        #: The acronyms and one-word names of the base's bodies, folded ("inl", "us",
        #: "onudc"): a word in capitals that is one of them is no word shouted.
        self._acronyms = frozenset(
            fold(name) for e in base.entities for name in (*e.acronyms, *e.names) if " " not in name
        )
        #: Source id -> the concepts naming its publisher (read when a question first
        #: names where it was read: "the INL summary").
        self._publisher_concepts: dict[str, frozenset[str]] | None = None

    # -- reading a question

    def _slots(self, words: Sequence[Token], lang: str | None) -> list[Slot]:
        """Group tokens into slots: longest alias phrase first, then single content words."""
        slots: list[Slot] = []
        phrase_at = self.index.lexicon.phrase_at
        memo = self._word_slots
        governments = False  # whether a state was named: "the US's aid to Rabat"
        i = 0
        while i < len(words):
            t = words[i]
            known = memo.get((t.surface, t.upper, lang))
            if known is None:
                known = self._word_slot(t, lang)
            name, alone = known
            if t.surface == "lieu" and i and words[i - 1].surface in TOOK_PLACE:
                i += 1
                continue
            if (
                (t.surface == "last" and _lasting(words, i))
                or (t.surface in _DURER and _french_lasting(words))
                or (t.surface in _TIME_UNITS and _unit_asked(words, i))
            ):
                i += 1
                continue
            found = phrase_at(words, i, lang) if name is _LONGER else name
            if found is not None:
                length, concept = found
                if concept in self._seats and (
                    not (i and words[i - 1].surface in NOT_ACTOR)
                    or (governments and words[i - 1].surface == "to")
                ):
                    # "How did Rabat react?": the government; "in Rabat": the city; but
                    # "Washington's aid to Rabat": a government's to another.
                    concept = self._seats[concept]
                governments = governments or concept in self._states
                if length == 1:  # (most names found: one word)
                    text, capitalised = t.surface, t.upper
                else:
                    text = " ".join([w.surface for w in words[i : i + length]])
                    capitalised = any(w.upper for w in words[i : i + length])
                slot = self._name_slots.get((text, concept, capitalised))
                if slot is None:
                    if len(self._name_slots) >= WORD_SLOTS_KEPT:
                        self._name_slots.clear()
                    slot = self._name_slots[text, concept, capitalised] = Slot(
                        text, frozenset({concept}), concept, capitalised=capitalised
                    )
                slots.append(slot)
                i += length
                continue
            if alone is not None:
                slots.append(alone)
            i += 1
        return slots

    def _word_slot(self, t: Token, lang: str | None) -> tuple[tuple[int, str] | None, Slot | None]:
        """The name word `t` starts when it can only be the word alone (`_LONGER` when a
        longer name may start with it), and its slot when alone (None for a stop word), as
        `_slots` reads them: kept in `_word_slots`."""
        keys = token_keys(t, lang)
        alone = None
        if not is_stopword(t):
            alone = Slot(t.surface, keys, None, number=t.is_number, capitalised=t.upper)
        lexicon = self.index.lexicon
        name: tuple[int, str] | None = None
        if not keys.isdisjoint(self._name_starts):
            # Only one-word names start with it: the name is the same wherever the word is.
            seconds = lexicon.seconds
            longer = False
            for k in keys:
                longer = longer or k in seconds
            name = _LONGER if longer else lexicon.phrase_at((t,), 0, lang)
        if len(self._word_slots) >= WORD_SLOTS_KEPT:
            self._word_slots.clear()
        known = self._word_slots[t.surface, t.upper, lang] = (name, alone)
        return known

    def analyse(self, question: str) -> list[Slot]:
        """The question's slots, after correction and alias expansion."""
        return self._read(question)[1]

    def _read(self, question: str) -> tuple[str, list[Slot]]:
        """The question as corrected words (shorthand expanded, typos fixed), and its slots."""
        lang = text_language(question)
        if "-" in question:
            # "its FBI-style agency": like the FBI, not about it.
            question = _LIKE_A_NAME.sub(" ", question)
            # "the migration-focused training": the training on migration.
            question = _ABOUT_THAT.sub(" ", question)
            if lang == "fr":
                # "où l'INL met-il en œuvre ...?": the verb's phrase without its pronoun.
                # ("sur quelle période court-il ?": runs, said by the period; no court.)
                question = _FRENCH_INVERSION.sub("", _RUNS_FR.sub(" ", question))
        if lang == "fr" and "cour" in question:
            # "sur quelle période court le programme ?": it runs, said after the period.
            question = _RUNS_AFTER_WHEN.sub(r"\1 ", question)
        if _HOW_TO_ANSWER_CUE.search(question):
            # "what does the charter call for, in one line?": how to answer, not what.
            question = _HOW_TO_ANSWER.sub(" ", question)
        if _DIGIT.search(question) and _CLAIM_INTRO.search(question):
            # "my notes say 1,800 ...", "someone wrote that ... in 2008": whose figure.
            question = _CLAIM_INTRO.sub(" ", question)
        if "one" in question:
            # "the constitution, the one that kicked off the reforms": a pronoun for what the
            # question names, no word of its own.
            question = _THE_ONE.sub(r"\1 ", question)
        if "ike" in question:  # ("like", "Like")
            # "trained something like 500 officials", "like 12 departments": a figure
            # offered roughly ("about", "around" are stop words; "like" is a word elsewhere),
            # read as "about" ("how many ..., like 5?" offers a guess).
            question = _LIKE_A_FIGURE.sub(" about", question)
        if _CHECK_CUE.search(question):
            # "... in 2014 - is that right?", "what's the actual year?": checking, not asking.
            question = reader(_CHECK, question).sub(" ", question)
        if _WHAT_IT_GETS_CUE.search(question) and _WHAT_IT_GETS.search(question):
            # "what does the status actually get Morocco?", "what does the State Department
            # get out of these partnerships?": what it is worth, its benefits.
            question = _WHAT_IT_GETS.sub(r"what benefits does \g<who> get ", question)
        if "fait" in question:
            # "Que fait le Maroc pour ...?": what Morocco does to ..., no fact asked.
            question = _WHAT_IT_DOES_FR.sub("que ", question)
        if _DOING_CUE.search(question):
            # "what will participants actually do in the sessions?", "les participants vont y
            # faire quoi ?": what they do there, the course's activities.
            question = _PEOPLE_DOING.sub(_doing_asked, question)
            if _TRAINEES_NAMED.search(question):
                # "participants in the session will ... What will they actually be doing?":
                # what "they", the participants named, do there (not experts or a police
                # force: "the NYPD in Haiti, what will they be doing?").
                question = _THEY_DOING.sub("what activities they do", question)
        if _GUESS_CUE.search(question):
            # "... i think it was the senate??", "on terrorist financing, I think?", "je
            # pensais aux preuves numériques": the asker's guess, which the answer corrects.
            question = _without_guess(question)
        if _IDIOM_CUE.search(question):
            # "why did they set it up in the first place?": a manner of speaking, no word asked.
            question = reader(_IDIOM, question).sub(_idiom_left, question)
        if _SOURCE_VERB_CUE.search(question):
            # "what headcount does the source give?": what the source is asked, no words of
            # it ("give" is no supply).
            question = _SOURCE_VERB.sub(" ", question)
        if "play" in question:
            # "What part did Morocco play in ...?": what Morocco did; "part" and "play" only
            # frame it.
            question = _PART_PLAYED.sub(r"\1 \2", question)
        if "uvre" in question:
            # "mettent-elles le projet en œuvre ?": the verb "mettre en œuvre" told apart by
            # its object, put back together (the object after it).
            question = _PUT_INTO_EFFECT.sub(r"\1 en \3 \2", question)
        words = mark_months(self.index.speller.correct(tokenize(question), lang))
        return " ".join([t.surface for t in words]), self._slots(words, lang)

    # -- answering

    def ask(self, question: str) -> Answer:
        """The answer to a message: its question read out of any conversation around it.

        The `Answer` keeps the message as it was written (`question`); what is matched
        is the question inside it, bounded in length (`bounded`) so that no message
        can cost more than a few milliseconds.
        """
        answer = self._ask(question)
        if not answer.answered and answer.chatter is None and _BESIDE_THE_FIGURE.search(question):
            # "my colleague says the BCIJ was created in 2013, two years before the new
            # anti-terror law. Is that right? When was it set up?": the other event the
            # asker's figure is set beside is no word of what is asked (read before the
            # message is trimmed of its context, which would keep "two years ... law").
            retry = self._ask(_BESIDE_THE_FIGURE.sub(" ", question))
            if retry.answered:
                return replace(retry, question=question)
        return answer

    def _ask(self, question: str) -> Answer:
        """`ask`, of one reading of the message (as written, or without what a figure is set
        beside: `_BESIDE_THE_FIGURE`)."""
        language = detect_language(question)
        # "Vrai ? « Le Parlement a adopté ... en juin 2015. »", "Is this right: the charter
        # was approved in March 2013?": the claim checked, its tag put last (the answer
        # keeps the message as written).
        written, question = (
            question,
            _tag_last(dictated_punctuation(question)),
        )
        if question.isupper() and len(question.split()) >= SHOUTED_WORDS:
            # "WHEN DID MOROCCO JOIN THE TSCTP?": a message in capitals is shouted, its
            # words no acronyms ("THE", "DID" are stop words still).
            question = question.lower()
        elif _SHOUTED_WORD.search(question):
            # "since WHAT YEAR has ...?", "QUI a ouvert ...?", "how many OTHER countries":
            # a word shouted that is no name of the fact base's is the word, written small.
            question = _SHOUTED_WORD.sub(self._unshouted, question)
        if "#" in question:
            question = _HASH_NUMBER.sub("number of ", question)  # "# prosecutors attended?"
        if _NOT_THE_CUE.search(question):
            # "Not the 2014 training framework, the earlier trade deal: which year ...?",
            # "la deuxième formation, celle de Casablanca (pas celle de Tanger)": the thing
            # set aside is no word of what is asked.
            question = _NOT_THE.sub(" ", question)
        if "__" in question or "[" in question:
            question = _blanks_asked(question, language)  # "... set up in ____": when
        if _SPOKEN_YEAR_CUE.search(question):
            question = spoken_years(question)  # "since twenty eleven", dictated: "since 2011"
        if "/" in question:
            question = numeric_dates(question, language)  # "16/05/2003": "16 May 2003"
        if _SPOKEN_FIGURE_CUE.search(question) and _CLAIM.search(question):
            # "my colleague wrote that twelve prosecutors did the workshop, can you double
            # check": the claim's figure, dictated, is the asker's as "12" would be.
            question = spoken_figures(question)
        message = bounded(question)
        if _HEDGE_CUE.search(message):
            message = _HEDGE.sub(" ", message)
        if _GUESS_CUE.search(message):
            # "J'ai répondu « un seul » et je crois que je me suis planté 😅 c'est combien ?":
            # the asker's guess goes before the message is read, as no part of what it asks.
            # (A message that is only a guess, "is that the DGSN or someone else?", stays.)
            unguessed = _without_guess(message)
            message = unguessed if len(_WORD.findall(unguessed)) >= 2 else message
        if _DENIED_CUE.search(message) and _DENIED.search(message):
            # "the training isn't in Casablanca, right? where is it held?", "ce n'est pas le
            # ministère de la Justice, c'est quelle administration ?": what the asker says it
            # is not, before asking what it is, is no word of the answer.
            message = _DENIED.sub(" ", message)
        if _DATE_WANTED.search(message):
            # "... years are enough", "(month and year)": how the date asked is wanted,
            # which no fact need say.
            message = _DATE_WANTED.sub(" ", message)
        reading = read_message(message, self._knows, self._names)
        if reading.chatter is not None:
            return Answer(written, False, (), (), None, language, reading.chatter)
        if self._bare_word(reading.question) or names_only_the_kind(reading.question):
            # ("what year?", "quelle date ?", "can you confirm the days and month?": the kind
            # of answer alone, of nothing the message names.)
            return Answer(written, False, (), (), None, language, Chatter.BARE_WORD)
        # "My draft says 2014 - is that right?": the asker's figure is what is checked.
        claimed = (
            _claimed_figures(question)
            if _DIGIT.search(question) and _CLAIM.search(question)
            else frozenset()
        )
        answer = self._answer_unframed(reading.question, language, reading.asking, claimed)
        if (
            not answer.answered
            and _SOURCE_CUE.search(reading.question)
            and not _OF_THE_DOCUMENT.search(reading.question)
        ):
            # "What does DGAPR stand for in the INL summary?", "the Morocco On The Move
            # piece gives a rough estimate of ...": where the asker read it, which no fact
            # says; its publisher, if named, must be the answer's.
            bare, publishers = self._without_source(reading.question)
            if bare != reading.question:
                asking = self._without_source(reading.asking)[0]
                retry = self._answer(bare, language, asking, claimed)
                # (A value asked, a year, a figure, a person's name, is answered though the
                # asker names another publisher than the fact's: "the UNODC news item says
                # INL trained how many ...?" is read in INL's summary; what a document
                # "says" of a thing, or why, is that document's.)
                if retry.answered and (
                    retry.asks_for in _VALUE_KINDS
                    or self._published_by(retry.facts[0].fact, publishers)
                ):
                    answer = retry
        if not answer.answered and reading.claim:
            # "The draft report says the Charter calls for a judiciary independent of
            # Parliament. Independent of which body, according to the source?": the claim
            # says what is asked about, but for the detail it doubts, what the question
            # asks for ("which body": Parliament), which no fact may hold.
            undoubted = self._claim_without_doubted(reading.claim, answer.asks_for)
            if undoubted != fold(reading.claim):
                # (Where the asker reads the source's version is no word of it either.)
                asking = self._without_source(reading.asking)[0]
                retry = self._answer(f"{undoubted} {asking}", language, asking)
                answer = retry if retry.answered else answer
        if reading.parts and not answer.answered:
            # Two questions in one message: the one the fact base answers, best covered.
            # (A part asking only for the kind of answer goes with the next: `_kind_parts_joined`.)
            parts = _kind_parts_joined(reading.parts)
            # "... doubled to what? what's the dollar figure": an amount of money the message
            # asks, said outside the part with its question mark, still holds for that part.
            money = answer.asks_for is Kind.MONEY
            # "... the new police human rights training on migration ... When is the first
            # session supposed to take place?": the question alone, naming no body, asks of
            # any first session; the facts the whole message comes close to say which one.
            # (A fact on the same body as one of them is close too: "The prosecutors discussed
            # Law 27-14 at the Casablanca workshop. How many prosecutors attended it?")
            close = (
                answer.suggestions if len(parts) == 1 and not self._names_a_body(parts[0]) else ()
            )
            answered = [
                (p, a)
                for p, a in ((p, self._answer_unframed(p, language, "", claimed)) for p in parts)
                if a.answered
                and not (money and a.asks_for is None)
                and not (close and not _near(a.facts[0].fact, close))
            ]
            marked = [p for p in parts if p.rstrip()[-1:] == "?"]
            if (
                answered
                and marked
                and not any(p in marked for p, _ in answered)
                and any(asks_for(p) is not None for p in marked)
            ):
                # "what about the 2022 agreement: who signed it for the DGSN?": the part
                # asking, with its mark, names a kind no fact gives; the topic before it,
                # answered alone, does not answer it.
                answered = []
            if answered and (len(answered) == len(parts) or not reading.every_part):
                # (A part asked, with its question mark, before one that only tells what
                # someone wants to say: "The desk officer wants to say how long Morocco has
                # been a member. In what year did Morocco join the TSCTP?")
                # (Two questions of one sentence share the mark.)
                asked = not reading.every_part
                part, answer = max(
                    answered,
                    key=lambda pa: (asked and pa[0].rstrip()[-1:] == "?", pa[1].facts[0].coverage),
                )
                answer = self._about_the_context(answer, reading.question, part)
                answer = self._of_what_it_points_to(answer, reading.question, part)
                # (Bodies, programmes, laws: not places, which may say where the asker's
                # work is, "for the Sahel programming review".)
                kinds = self.index.lexicon.kinds
                subjects = [
                    s
                    for s in self._names_beyond(reading.question, part)
                    if kinds.get(s.concept or "") not in PLACE_KINDS
                ]
                if subjects and not any(
                    (s.concept or "")[1:] in m.fact.entities for m in answer.facts for s in subjects
                ):
                    # "I'm putting together an agenda modelled on the CNDH-DGSN programme.
                    # Besides the conventions, what other topics ...?": no fact on what the
                    # context names answered; one on it, asked with its names, may.
                    names = " ".join(s.text for s in subjects)
                    retry = self._of_what_it_points_to(
                        self._answer_unframed(f"{part} {names}", language, part, claimed),
                        reading.question,
                        part,
                    )
                    if retry.answered:
                        answer = retry
                    elif (
                        answer.facts
                        and (
                            answer.asks_for in _OF_THE_LAW
                            and (has_pointer(part) or _THAT_LAW.search(part) is not None)
                            # (or whatever it asks, of the law the message opens on: not
                            # "... discussed Law 27-14 at the workshop. How many attended it?")
                            or (has_pointer(part) and self._opens_on_a_law(reading.question))
                        )
                        and self._not_of_the_law(answer.facts[0].fact, subjects, part)
                    ):
                        # "Law 27-14 punishes ... with 10 years? What penalties does it set?",
                        # "Law 27-14 wasn't passed until 2018, was it? What year did Morocco
                        # adopt it?": "it" is the law the context names; what another law
                        # sets, or another text's year, does not answer it.
                        answer = replace(answer, answered=False, facts=(), suggestions=answer.facts)
        if not answer.answered and reading.asking and reading.asking != reading.question:
            # "We meet the Spanish ministry's liaison in Madrid; they keep asking about the
            # BCIJ. When was it set up?": what the context names that no fact holds is the
            # asker's own business, not what the question points back to.
            bare = self._without_context_strangers(reading.question, reading.asking)
            # ("Tunisia elections - date?": with what no fact holds gone, nothing is left
            # but the kind asked, of nothing.)
            if bare and not names_only_the_kind(bare):
                retry = self._answer(bare, language, reading.asking, claimed)
                if (
                    retry.answered
                    and _PERSON_POINTER.search(reading.asking)
                    and not self._holds_the_context(
                        retry.facts[0].fact, reading.question, reading.asking, names_only=True
                    )
                ):
                    # (Unless a person is pointed at, "Quel est son titre ?", and the fact
                    # names nobody the context names: the names no fact holds are hers.)
                    retry = replace(retry, answered=False)
                answer = retry if retry.answered else answer
            if not answer.answered:
                # "Re: the BCIJ thread. It came up again in today's meeting with the
                # gendarmerie liaison ... When was it actually established?": what the
                # question points back to is what the context names, not all it says.
                # (Not a person pointed at, "what's her first name?", whom the names of
                # bodies do not give; a fact answering must cover the question outright.)
                # (Nor a claim checked by a question that says nothing of its own, "le draft
                # dit que l'INL aide les tribunaux sur ..., c'est quoi d'après la fiche ?":
                # what the claim names is not all it is about.)
                named = self._context_names(reading.question, reading.asking)
                if (
                    named
                    and not _PERSON_POINTER.search(reading.asking)
                    # (A question of what they do, asking nothing of its own, "What will
                    # they actually be doing?", is not answered by the names' cards.)
                    and not (_DOING_CUE.search(reading.asking) and not self.analyse(reading.asking))
                    and not (reading.claim and len(self.analyse(reading.asking)) < 2)
                    # (Nor when the context says a person is asked: "BCIJ head - name?" asks
                    # a person, which "BCIJ name?" does not; nor a party beside another,
                    # "GCTF co-chair from April 2016 - alongside which country?", which needs
                    # all the context says.)
                    and (answer.asks_for is not Kind.PERSON or asks_for(reading.asking) is not None)
                    and not (answer.asks_for is Kind.COUNTRY and _ALONGSIDE.search(reading.asking))
                    # (Nor a figure asked of what the context counted, "INL has trained over
                    # 3,000 ... what's the actual number?": INL's name does not say what.)
                    and not (
                        answer.asks_for is Kind.COUNT
                        and _counts_nothing(self.analyse(reading.asking))
                    )
                ):
                    retry = self._answer(f"{named} {reading.asking}", language, reading.asking)
                    if (
                        retry.answered
                        and retry.facts[0].coverage >= self.thresholds.min_coverage
                        and not self._of_another_year(
                            retry.facts[0].fact, reading.question, reading.asking, claimed
                        )
                    ):
                        answer = retry
            if (
                not answer.answered
                and not _PERSON_POINTER.search(reading.asking)
                and len(self.analyse(reading.asking)) >= 2
                # (Not one of things ranked in the context: "... the second training. Where
                # was the first one held?")
                and not _RANKED.search(fold(reading.asking))
            ):
                # "Morocco shows up in the GCTF, African Lion and the trans-Saharan
                # partnership. What year did it join the trans-Saharan one?": the question
                # names which of the context's things it asks of, and a fact holding that
                # one answers it (what "it" is, most facts name).
                retry = self._answer(reading.asking, language, reading.asking, claimed)
                if (
                    retry.answered
                    and retry.facts[0].coverage >= self.thresholds.min_coverage
                    # (Not a count of what the context counted, "IPPOS trained 2,800 ... How
                    # many of those were Moroccan?", nor what the law it names sets: "Law
                    # 27-14 punishes ... with 10 years? What penalties does it set?")
                    and retry.asks_for not in _OF_WHAT_IT_NAMES
                    and self._holds_the_context(
                        retry.facts[0].fact, reading.question, reading.asking
                    )
                    and not self._of_another_year(
                        retry.facts[0].fact, reading.question, reading.asking, claimed
                    )
                ):
                    answer = retry
        # (The claim is the question asked when context is kept around it: "for our
        # factsheet - was it the Gendarmerie's lab that ...? Want to get the agency right".)
        checked = (
            ""
            if answer.answered
            else next(
                (
                    t
                    for t in (reading.question, reading.asking)
                    if t
                    and _YES_NO.search(t)
                    # (The question asked alone names what it checks: not "was it opened in
                    # 2015?", whose "it" the context names.)
                    and (t is reading.question or self._names_a_body(t))
                ),
                "",
            )
        )
        if (
            checked
            and not _OTHER_ASKED.search(checked)
            # (A question asking what or which is read as asked: "which figure is right?".)
            and not _WH_ASKED.search(checked)
        ):
            # "Was the 2015 law adopted by the House of Councillors?": a claim checked,
            # whose wrong detail no fact holds.
            answer = self._confirmed(checked, language) or answer
        return answer if answer.question == written else replace(answer, question=written)

    def _confirmed(self, claim: str, language: str) -> Answer | None:
        """The answer to a claim checked ("Was the law adopted by the House of
        Councillors?", "the Mali mandate includes about 4,000 police, right?") that no fact
        matches for the detail it gets wrong: the fact matching it without that detail (of
        each kind in turn: bodies, places, dates, figures; `_claim_without_doubted`), when
        that fact states a detail of the same kind in its place (another body, a date)."""
        folded = fold(claim)
        if _AROUND_A_DATE.search(folded):
            return None  # "will GLO.ACT carry on after 2019?": another time asked
        kinds = self.index.lexicon.kinds
        slots = self.analyse(claim)
        asked = {s.concept for s in slots}
        # The words no fact holds are dropped as a wrong detail only when they read as a
        # name: written with a capital (as "Guatemala", "Interior"), or after a preposition
        # ("officials from romania"); not "will it rain in Casablanca?", whose verb no fact
        # holds.
        strangers = [
            s
            for s in slots
            if not s.number
            and not any(self._knows(w) for w in s.text.split())
            and not _is_month(s.text)  # (a month is a date's)
        ]
        for slot in strangers:
            if not _written_as_name(slot.text, claim) and not re.search(
                _NAME_AFTER + re.escape(slot.text), folded
            ):
                return None
            if re.search(re.escape(slot.text) + _NAMING_NOUN, folded):
                # "the Merida Initiative", "the Fezzan process": a programme no fact names,
                # which no body or place stated puts right.
                return None
        # Words no fact holds after "in", "at", "en" name a place ("one of the academies in
        # Botswana"): a fact stating a body in their place does not put them right.
        placed = bool(strangers) and all(
            re.search(_PLACE_AFTER + re.escape(s.text), folded) for s in strangers
        )
        # What a figure claimed counts ("4,000 police"): a fact counting it states another
        # figure in its place; one counting something else ("2015" officers) does not.
        counted = frozenset(
            k for n, s in enumerate(slots[:-1]) if s.number for k in slots[n + 1].keys
        )
        # A body or place doubted is one the asker names ("the House of Councillors"), not
        # one a common noun reads as ("the national police of Nepal"); in a message typed
        # all in lower case ("... done in colombia"), any the fact base names.
        lower_case = claim == claim.lower()
        named = {
            kinds.get(s.concept or "")
            for s in slots
            if s.capitalised or lower_case or _written_as_name(s.text, claim)
        }
        of_kind = [kinds.get(s.concept or "") for s in slots]
        common = set(of_kind) - named
        # The detail doubted is one: the words no fact holds if there are any (then no
        # name of the fact base is doubted with them), else the one body or place of its
        # kind the claim names ("Did the EU fund the CNDH-DGSN training?" names three
        # bodies: which is doubted is not said).
        passes = (None,) if strangers else (Kind.BODY, Kind.PLACE, Kind.DATE, Kind.COUNT)
        tried = {folded}
        for kind in passes:
            if (
                (
                    kind is Kind.BODY
                    and ("institution" in common or of_kind.count("institution") != 1)
                )
                or (
                    kind is Kind.PLACE
                    and (
                        not common.isdisjoint(PLACE_KINDS)
                        or sum(k in PLACE_KINDS for k in of_kind) != 1
                    )
                )
                # (A date doubted is a year or a month: "around 3,000 officers" is none.)
                or (kind is Kind.DATE and not any(map(_DATE_WORD.fullmatch, folded.split())))
            ):
                continue
            undoubted = self._claim_without_doubted(claim, kind, keep_figures=True)
            if undoubted in tried:
                continue  # (the claim as it was, or one a pass before already tried)
            tried.add(undoubted)
            # (A place doubted is asked where: the fact saying where comes first, before
            # those only placed by their `where`.)
            retry = self._answer(
                f"where {undoubted}" if kind is Kind.PLACE else undoubted, language, "", frozenset()
            )
            if not retry.answered:
                continue
            fact = retry.facts[0].fact
            features = self.index.features[self._position(fact)]
            stated = {"@" + e for e in fact.entities} - asked
            # (The places it names as such, and where it took place: "Costa Rica"; not every
            # place its answer mentions, "Morocco" in most.)
            places_stated = {e for e in stated if kinds.get(e) in PLACE_KINDS}
            places_stated.update(features.where_places)
            if (
                (
                    kind is None
                    and (
                        not places_stated.issubset(asked)
                        if placed
                        else any(kinds.get(e) in _NAMED_KINDS for e in stated)
                    )
                )
                or (kind is Kind.BODY and any(kinds.get(e) == "institution" for e in stated))
                # (A place of the kind doubted: a country for a country, not the country
                # of a city doubted.)
                or (
                    kind is Kind.PLACE
                    and any(kinds.get(e) in of_kind for e in places_stated - asked)
                )
                or (
                    kind is Kind.DATE
                    and features.has_date
                    # ("approved in March 2013, right?" of a fact giving 2013 alone: it
                    # neither confirms nor puts right the month; one giving 2014 puts
                    # right the year.)
                    and not (
                        fact.when is not None
                        and str(fact.when.start.year) in _A_YEAR.findall(folded)
                        and not self._gives_month(self._position(fact))
                    )
                )
                or (kind is Kind.COUNT and not counted.isdisjoint(features.counted))
            ):
                return retry
        return None

    def _names_a_body(self, text: str) -> bool:
        """Whether `text` names something of the fact base by its name (an entity)."""
        return any((s.concept or "").startswith("@") for s in self.analyse(text))

    def _opens_on_a_law(self, question: str) -> bool:
        """Whether the first thing `question` names is a law ("Law 27-14 wasn't passed until
        2018, was it? ..."): what its "it" points back to."""
        slots = self.analyse(question)
        return bool(slots) and self.index.lexicon.kinds.get(slots[0].concept or "") == "law"

    def _not_of_the_law(self, fact: Fact, subjects: Sequence[Slot], part: str) -> bool:
        """Whether `subjects` name a law that `fact` does not name, and `part` names none:
        what a law sets, asked of "it", is not what another law sets (bodies and places
        named around a question are more often the asker's own business; a law the part
        names is what its "it" may be)."""
        kinds = self.index.lexicon.kinds
        laws = {(s.concept or "")[1:] for s in subjects if kinds.get(s.concept or "") == "law"}
        return (
            bool(laws)
            and laws.isdisjoint(fact.entities)
            and not any(kinds.get(s.concept or "") == "law" for s in self.analyse(part))
        )

    def _position(self, fact: Fact) -> int:
        """Where `fact` stands in the index (its features' place)."""
        if not self._positions:
            self._positions.update((f.id, n) for n, f in enumerate(self.index.facts))
        return self._positions[fact.id]

    def _doubts_the_quote(self, quoted: str, kind: Kind | None) -> bool:
        """Whether words a draft quotes are a detail it may have wrong, not what it speaks
        of: two words or more with no figure, not names alone ('the "DGAPR" has worked
        with INL since 2012' quotes the body asked about; 'the "UNODC Country Manager"' a
        title it may have wrong); or the value asked with words around it ('... bureau "in
        May 2016, in the wake of the Paris attacks"' asked when: its context is the
        draft's too)."""
        slots = self.analyse(quoted)
        if any(self._doubted(s, kind) for s in slots):
            return True
        return (
            len(quoted.split()) >= 2
            and not any(s.number for s in slots)
            and not all((s.concept or "").startswith("@") for s in slots)
        )

    def _doubted(self, slot: Slot, kind: Kind | None) -> bool:
        """Whether a claim's word is a value of the kind asked, the detail a question
        checking the claim doubts: a year or month for a date, a figure for a count, a
        place for a place, a body for a body."""
        if kind in _WHEN_KINDS:
            return bool(slot.number) or _is_month(slot.text)
        if kind in (Kind.COUNT, Kind.MEMBERS):
            return bool(slot.number) or is_quantity(Token(slot.text, False))
        entity = self.index.lexicon.kinds.get(slot.concept or "")
        if kind in _WHERE_KINDS:
            return entity in PLACE_KINDS
        if kind in (Kind.BODY, Kind.ACTOR, Kind.PERSON, Kind.ROLE):
            return entity == "institution"
        return False

    def _claim_without_doubted(
        self, claim: str, kind: Kind | None, *, keep_figures: bool = False
    ) -> str:
        """A draft's claim (folded) without the detail the question doubts: the longest run
        of values of the kind it asks for (a date, a figure, places, institutions: "Togo, Senegal
        and Niger", not the Mali they are trained for), and the words no fact holds ("the
        Texas Attorney General's Office" where the source has New Mexico's); with
        `keep_figures`, a figure is doubted only as a value of the kind asked. The words
        quoted from the draft ('... "targeted government buildings"', or '"in May 2016,
        in the wake of ..."' asked when) are the detail doubted (`_doubts_the_quote`)."""
        quoted = _QUOTED.search(claim)
        if quoted is not None and self._doubts_the_quote(quoted.group(), kind):
            return " ".join(fold(f"{claim[: quoted.start()]} {claim[quoted.end() :]}").split())
        slots = self.analyse(claim)
        runs: list[list[Slot]] = []
        unknown: list[Slot] = []
        last = -2
        for n, slot in enumerate(slots):
            if self._doubted(slot, kind):
                if n == last + 1:
                    runs[-1].append(slot)
                else:
                    runs.append([slot])
                last = n
            elif not (keep_figures and slot.number) and not any(
                self._knows(w) for w in slot.text.split()
            ):
                unknown.append(slot)
        # (Of runs as long, the last: "... independent of Parliament".)
        dropped = unknown + (max(reversed(runs), key=len) if runs else [])
        text = fold(claim)
        for slot in dropped:
            words = slot.text.removesuffix(MONTH_MARK).split()  # ("marchmonth": "march")
            if not words:
                continue
            # (A figure is read without its separators: "4000" is written "4,000".)
            pattern = (
                r"\b"
                + r"\W+".join(r"[,.\s]?".join(w) if w.isdigit() else re.escape(w) for w in words)
                + r"\b"
            )
            text = re.sub(pattern, " ", text)
        return " ".join(text.split())

    def _answer_unframed(
        self, question: str, language: str, asking: str, claimed: frozenset[str]
    ) -> Answer:
        """`_answer`, and if it finds nothing, the same without each frame in turn."""
        answer = None
        set_apart = _SET_APART_FIRST if _SET_APART_FIRST.match(question) else None
        if set_apart is None and _SET_APART_LAST.search(question):
            set_apart = _SET_APART_LAST
        if (
            set_apart is None
            and _APPOSITION.search(question)
            and _STANDS_FOR_CUE.search(_APPOSITION.sub("", question, count=1))
        ):
            # "What does DGSN, the CNDH's partner in this programme, stand for?": what the
            # asker says of the acronym is no part of what it stands for. (Not the question
            # itself: "Dans le programme IPPOS, le sigle PCC veut dire quoi ?")
            set_apart = _APPOSITION
        if set_apart is not None:
            # "Besides legal texts, which UN mechanisms ...?": what is set apart is no part
            # of what is asked; the fact about it, matching it best, would answer instead.
            # (Unless only a fact naming both answers: "besides raising standards, what else
            # does the course hope to foster?" is answered by the fact that lists both.)
            # (Nor when too little is left to ask alone: "apart from the Ministry of Justice,
            # who else does INL support?" asks about INL's partners in justice reform.)
            bare = set_apart.sub("", question, count=1)
            if (
                set_apart is _APPOSITION
                or len(self._read(bare)[1]) >= self.thresholds.clear_lead_held
            ):
                # (The bodies set apart stay set apart: `_only_excluded`.)
                aside = set_apart.search(question)
                answer = self._answer(
                    bare,
                    language,
                    set_apart.sub("", asking, count=1),
                    claimed,
                    self._excluded(aside.group()) if aside else frozenset(),
                )
        if answer is None or not answer.answered:
            answer = self._answer(question, language, asking, claimed)
        for frame, plain in _FRAMES:
            if answer.answered:
                break
            if frame is _THE_ONE_WHICH and _PERSON_OR_NAME_ASKED.search(
                _THE_ONE_OPENS.sub(" ", question)  # (its own "qui" asks for nobody)
            ):
                continue  # (who is meant is what the description says)
            if frame is _SOURCE_NOUN and _OF_THE_DOCUMENT.search(question):
                # "what's the title of the CNDH article?": the article is what is asked
                # about, not where the asker read it.
                continue
            # "La loi 27-14 porte sur quoi ?", "what style of policing ...?": the frame
            # of the question, which the fact need not say; a fact that says it
            # ("la session porte sur ...", "the most requested type of help") answers
            # as asked, before the frame is set aside.
            bare = frame.sub(plain, question)
            if bare != question:
                apart = self._excluded(question) if frame is _SET_APART else frozenset()
                retry = self._answer(bare, language, frame.sub(plain, asking), claimed, apart)
                answer = retry if retry.answered else answer
        return answer

    def _without_source(self, text: str) -> tuple[str, frozenset[str]]:
        """`text` without the document it names as where the asker read it ("in the INL
        summary", "d'après le doc") and the publishers it names for it (their concepts).
        A name no source's publisher has stays: "the GLO.ACT piece" keeps GLO.ACT."""
        publishers: set[str] = set()
        publishing = frozenset().union(*self._publisher_map().values())

        def drop(match: re.Match[str]) -> str:
            name = match.group("name") or match.group("nom") or ""
            if name.strip():
                # (A year names when a publisher's document was written: "INL's 2018
                # summary"; a possessive is a publisher's: not "Morocco's 2016 post".)
                slots = self.analyse(name)
                undated = [s for s in slots if not _A_YEAR.fullmatch(s.text)]
                if not undated:
                    return " "  # ("the 2016 text": a document named by its year alone)
                if any(s.concept in publishing for s in slots):
                    slots = undated
                elif match.group("nom") is None and match.group("det") is None:
                    return match.group(0)
                named = {s.concept or "" for s in slots}
                # (Words of what the document is about, "the counterterrorism overview",
                # "the GLO.ACT Morocco article", describe it, and so do the places it is
                # about; a body that publishes none of the sources is what a fact holds:
                # "the GLO.ACT piece" keeps GLO.ACT, as does a word no fact knows.)
                kinds = self.index.lexicon.kinds
                bodies = {
                    c for c in named if not c.startswith("~") and kinds.get(c) not in PLACE_KINDS
                }
                if not named or "" in named:
                    return " " + name + " "
                if not bodies <= publishing:
                    # (the bodies that publish nothing are what a fact holds)
                    return (
                        " "
                        + " ".join(s.text for s in slots if s.concept in bodies - publishing)
                        + " "
                    )
                publishers.update(bodies)
            return " "

        def drop_publisher(match: re.Match[str]) -> str:
            # ("per Morocco On The Move", "the piece from INL": a publisher alone, not a body
            # a fact may be about, "according to the CNDH".)
            slots = [s for s in self.analyse(match.group("by")) if not _A_YEAR.fullmatch(s.text)]
            if not slots or not all(s.concept in publishing for s in slots):
                return match.group(0)
            publishers.update(s.concept or "" for s in slots)
            return " "

        bare = _SOURCE_BY.sub(drop_publisher, text)
        return _SOURCE.sub(drop, bare).strip(), frozenset(publishers)

    def _publisher_map(self) -> dict[str, frozenset[str]]:
        """Source id -> the concepts its publisher is named by (read once, when a question
        first names where it was read)."""
        if self._publisher_concepts is None:
            self._publisher_concepts = {
                sid: frozenset(
                    s.concept
                    for s in self.analyse(source.publisher)
                    if s.concept and s.concept.startswith("@")
                )
                for sid, source in self.base.sources.items()
            }
        return self._publisher_concepts

    def _published_by(self, fact: Fact, publishers: frozenset[str]) -> bool:
        """Whether `fact`'s source is published by (or the fact names) each of `publishers`."""
        if not publishers:
            return True
        held = self._publisher_map().get(fact.source.id, frozenset())
        return publishers <= held | {"@" + e for e in fact.entities}

    def _spells_out(self, fact: Fact, short_forms: Sequence[Slot]) -> bool:
        """Whether `fact` writes out in full (in words of several, "training of trainers")
        a group whose short form ("ToT") the question asks the meaning of."""
        text = fold(f"{fact.answer} {fact.snippet}")
        for slot in short_forms:
            group = next((g for g in self.base.synonyms if "~" + g.id == slot.concept), None)
            if group is not None and any(
                " " in word and fold(word) in text for word in group.words
            ):
                return True
        return False

    def _about_the_context(self, answer: Answer, message: str, part: str) -> Answer:
        """`answer` to `part` of `message`, its facts naming the bodies, laws and places that
        the rest of the message gives first: "I'm writing the GLO.ACT narrative ... Where was
        the first session held?" asks of GLO.ACT's first session, not another's."""
        if len(answer.facts) < 2 or len(part) >= len(message):
            return answer
        named = [s.concept[1:] for s in self._names_beyond(message, part) if s.concept]
        if not named:
            return answer
        facts = sorted(answer.facts, key=lambda m: -sum(n in m.fact.entities for n in named))
        return replace(answer, facts=tuple(facts))

    def _names_beyond(self, question: str, asking: str) -> list[Slot]:
        """The names (of bodies, laws, places: not Morocco) that `question` gives beyond
        `asking`, each once."""
        asked = {s.concept for s in self.analyse(asking)}
        found: dict[str, Slot] = {}
        for s in self.analyse(question):
            concept = s.concept or ""
            if concept.startswith("@") and concept not in asked and not self._ambient(s):
                found.setdefault(concept, s)
        return list(found.values())

    def _of_what_it_points_to(self, answer: Answer, question: str, part: str) -> Answer:
        """`answer` to `part`, unless `part` asks who did something to "it", or the role of
        "her", and the fact answering holds nothing its context says ("the lab's 2018
        certification: which body granted it?" is not answered by the US granting Morocco a
        status; "X is called a regional rep. Son titre exact ?" asks X's title)."""
        if (
            answer.answered
            and (answer.asks_for in _WHO_KINDS or answer.asks_for is Kind.ROLE)
            and (has_pointer(part) or bool(_HER_FR.search(part)))
            and not self._holds_the_context(
                answer.facts[0].fact, question, part, names_only=answer.asks_for is Kind.ROLE
            )
        ):
            return replace(answer, answered=False, facts=(), suggestions=answer.facts)
        return answer

    def _of_another_year(
        self, fact: Fact, question: str, part: str, claimed: frozenset[str]
    ) -> bool:
        """Whether the context of `part` dates what it is about ("the terror attacks in
        Casablanca in 2003. Which day did it happen?") to years far from all `fact` says or
        is dated to: the context's names alone ("Casablanca") do not say which event. (Not
        a year the asker offers to be checked, "I've got it down as 2013"; nor one a year
        off, "the 2016 amendments" of 2015, the asker's slip; nor of a fact dated nowhere.)"""
        before = question[: max(question.find(part), 0)]
        years = {int(y) for y in _A_YEAR_IN.findall(before) if y not in claimed}
        years -= {int(y) for y in _A_YEAR_IN.findall(part)}
        if not years:
            return False
        held = {int(y) for y in _A_YEAR_IN.findall(f"{fact.answer} {fact.snippet}")}
        if fact.when is not None:
            held |= {fact.when.start.year, fact.when.end.year}
        return bool(held) and all(abs(y - h) > 1 for y in years for h in held)

    def _holds_the_context(
        self, fact: Fact, question: str, part: str, *, names_only: bool = False
    ) -> bool:
        """Whether `fact` holds a word or a name that `question` says before `part` (the
        context "it" points back to), but for names most facts mention ("Morocco").
        `names_only`: the role of "her" is asked, so only a person's name counts, said
        before or in `part` (capitalised, known or not, but no body's or place's: "Per
        Karim: Ms. Oufroukhi, what's her position?" is answered by a fact naming either),
        when the message gives one."""
        before = question[: max(question.find(part), 0)]
        held = self.index.text_keys(f"{fact.answer} {fact.snippet}", "en")
        if names_only:
            # (A name read in French has its French key: "sa fonction ?" after "Mme Oufroukhi".)
            held = held | self.index.text_keys(f"{fact.answer} {fact.answer_fr or ''}", "fr")
            capitals = {fold(w) for w in _CAPITALISED.findall(f"{before} {part}")}
            kinds = self.index.lexicon.kinds
            names = {
                k
                for s in (*self.analyse(before), *self.analyse(part))
                if s.text in capitals
                and kinds.get(s.concept or "") not in PLACE_KINDS
                and kinds.get(s.concept or "") != "institution"
                for k in s.keys
            }
            if names:
                return not names.isdisjoint(held)
        in_part = {k for s in self.analyse(part) for k in s.keys}
        context = {
            k
            for s in self.analyse(before)
            if not s.number and not self._ambient(s)
            for k in s.keys
            if k not in in_part
        }
        return not context or not context.isdisjoint(held)

    def _context_names(self, question: str, asking: str) -> str:
        """The names `question` gives beyond `asking` (`_names_beyond`), as read; empty when
        it gives none."""
        return " ".join(s.text for s in self._names_beyond(question, asking))

    def _without_context_strangers(self, question: str, asking: str) -> str:
        """`question` without the words of its context (not of `asking`) that no fact
        holds; empty when there are none."""
        asked = {t.surface for t in tokenize(asking)}
        strangers = {
            word
            for s in self.analyse(question)
            if not self._slot_facts(s).kids and not s.number
            for word in fold(s.text).split()
            if word not in asked
        }
        if not strangers:
            return ""
        kept = [t for t in question.split() if fold(t.strip(",.;:!?")) not in strangers]
        return " ".join(kept)

    def _names(self, text: str) -> bool:
        """Whether `text` names something the fact base has a name for, or a figure
        ("when did parliament pass ...?" names the parliament, written small or not); a
        name in most facts (Morocco) does not say what is asked."""
        return any(
            s.number or ((s.concept or "").startswith("@") and not self._ambient(s))
            for s in self.analyse(text)
        )

    def _names_a_place(self, word: str) -> bool:
        """Whether `word` is the name of a place or a country ("Mali", not "DGSN")."""
        kinds = self.index.lexicon.kinds
        return any(kinds.get(s.concept or "") in PLACE_KINDS for s in self.analyse(word))

    def _country_everywhere(self) -> frozenset[str]:
        """The country most facts name (Morocco), if one is named by most: the one a question
        is about unsaid."""
        if self._ambient_country is None:
            index = self.index
            # (The one most facts name: the United States, named by half of them, is the
            # other party of Morocco's agreements, an answer to "with which country?".)
            countries = [c for c, kind in index.lexicon.kinds.items() if kind == "country"]
            most = max(countries, key=index.df, default=None)
            self._ambient_country = frozenset(
                [most] if most is not None and index.df(most) >= AMBIENT_SHARE * index.n else []
            )
        return self._ambient_country

    def _ambient(self, slot: Slot) -> bool:
        """A name in most facts (Morocco): it says nothing of what is asked."""
        return (slot.concept or "").startswith("@") and not self.index.is_specific(slot)

    def _names_nothing(self, slots: Sequence[Slot]) -> bool:
        """ "What time is it?", "what's new?", "any updates?": one everyday word, or one
        meaning many facts hold, and no name, so no fact is about it."""
        # A name in most facts (Morocco) says nothing of what is asked: "what is the
        # population of Morocco?" is one everyday word.
        slots = [s for s in slots if not self._ambient(s)] or slots
        if len(slots) != 1 or slots[0].number:
            return False
        slot = slots[0]
        if slot.concept is None:
            return fold(slot.text) in COMMON_WORDS
        return slot.concept.startswith("~") and self.index.df(slot.concept) > MAX_FACTS

    @staticmethod
    def _spells_out_nothing(slots: Sequence[Slot]) -> bool:
        """ "What do the letters mean?", "what's the acronym?": a meaning asked, and no name
        whose meaning it is (only the letters or words spelled)."""
        named = [s for s in slots if s.concept != STAND_FOR]
        return len(named) < len(slots) and all(fold(s.text) in _WHAT_IS_SPELLED for s in named)

    def _unshouted(self, shouted: re.Match[str]) -> str:
        """A word in capitals, written small unless the fact base has it as a name or an
        acronym ("INL", "US", "ONUDC") or has never heard of it ("NATO": a name of its
        own)."""
        word = shouted.group()
        folded = fold(word)
        if folded in self._acronyms or not (
            folded in STOPWORDS or folded in KIND_WORDS or self._knows(folded)
        ):
            return word
        return word.lower()

    def _knows(self, word: str) -> bool:
        """Whether the fact base has heard of a (folded) word: in a fact, a name or a synonym
        ("glo.act" and "u.s." are known as the words they read as, "gloact" and "us")."""
        index = self.index
        if word in index.vocab or index.speller.known(word, None):
            return True
        return "." in word and self._knows(word.replace(".", ""))

    def _bare_word(self, text: str) -> bool:
        """One word alone that names nothing: an everyday word ("training", "the law?"), one
        the fact base has never heard of, even after typo correction ("hlep"), or a name in
        so many facts that none is about it ("Morocco"). A question word makes it a question
        ("how many dogs?"); any other name gets its card ("INL", "Tiflet")."""
        tokens = tokenize(text)
        for t in tokens:
            if t.surface in QUESTION_CUES:
                return False
        content = [t for t in tokens if not is_stopword(t)]
        if len(content) != 1 or content[0].is_number:
            return False
        words = self.index.speller.correct(content, None)
        if len(words) != 1:
            return False
        name = self.index.lexicon.phrase_at(words, 0, None)
        if name is not None and name[1].startswith("@"):
            df = self.index.df(name[1])
            return df > MAX_FACTS and df >= AMBIENT_SHARE * self.index.n
        if name is not None and self.index.df(name[1]) > MAX_FACTS:
            return True  # a meaning many facts hold ("procureur"): no fact is the one
        word = words[0].surface
        return word in COMMON_WORDS or not self._knows(word)

    def _answer(
        self,
        question: str,
        language: str,
        asking: str = "",
        claimed: frozenset[str] = frozenset(),
        excluded: frozenset[str] = frozenset(),
    ) -> Answer:
        """The answer to `question`; `asking` is its question alone when the reading kept
        context with it: the kind asked is read from the question, not from the context
        before it ("2014 framework on civil security training. Who signed it on the US
        side?" asks for a person). `claimed` holds the figures the asker checks ("my
        draft says 2014 - is that right?"): not matched, they say what is asked.
        `excluded` holds the bodies a frame set apart ("Besides the EU, ...")."""
        corrected, slots = self._read(question)
        # The kind from the corrected words: "wat yr", "name of the militray exercize".
        asked_slots: list[Slot] = []
        if asking:
            asked_corrected, asked_slots = self._read(asking)
            kind = asks_for(asked_corrected or asking, original=asking)
            if kind is None:
                # "prosecutors asked what the maximum prison sentence is under that law.
                # Does anyone know the ceiling?": the kind asked, told in the context.
                kind = asks_for(corrected, original=question) if corrected else None
        else:
            kind = asks_for(corrected, original=question) if corrected else asks_for(question)
            if kind is None and _SET_APART.match(question):
                # "besides the Federal Bureau of Prisons, which seven state departments
                # ...?": the question after what it sets apart says what it asks for.
                kind = asks_for(_SET_APART.sub("", question))
        claimed_focus: list[Slot] = []
        month_claimed = False  # "... in March 2013, right?": a fact giving the year alone
        # cannot say whether the month is right
        if claimed:
            is_claimed = [s.number and s.text.replace(",", "") in claimed for s in slots]
            # "... was in June 2018, right?": the month of a figure claimed is the asker's too.
            checked = [
                s
                for n, s in enumerate(slots)
                if is_claimed[n]
                or (n + 1 < len(slots) and is_claimed[n + 1] and _is_month(s.text))
                # ("... aura lieu le 24 mars, vrai ?": the month after its day)
                or (n and is_claimed[n - 1] and _is_month(s.text))
            ]
            if checked and len(checked) < len(slots):
                month_claimed = any(not s.number for s in checked)
                read = slots
                slots = [s for s in slots if s not in checked]
                if kind is None and any(_NUMBER_OF_LAW.fullmatch(s.text) for s in checked):
                    # "it's Law 27-15, right?": which number it is; "my notes say 5-10 yrs??":
                    # a penalty's range.
                    kind = Kind.PENALTY if _YEARS_RANGE.search(question) else Kind.LAW_NUMBER
                elif kind is None:
                    # (A year checked asks when, with its day, "on 14 September 2021"; a
                    # larger figure, how many: "trained 28,000 since 2008, or fewer?")
                    years = month_claimed or (
                        any(_A_YEAR.fullmatch(s.text) for s in checked)
                        and all(
                            _A_YEAR.fullmatch(s.text) or int(s.text.replace(",", "")) <= 31
                            for s in checked
                            if s.number and s.text.replace(",", "").isdigit()
                        )
                    )
                    kind = Kind.DATE if years else Kind.COUNT
                counts = [s for s in checked if s.number and not _A_YEAR.fullmatch(s.text)]
                if kind is Kind.COUNT and counts:
                    # "Morocco has 21 courts of appeal?", "my draft says 200 victims were
                    # identified ... what is the exact figure?": the words after the count
                    # checked are what it counts, as those after "how many".
                    past_count = read[read.index(counts[0]) + 1 :]
                    claimed_focus = [
                        s
                        for s in past_count
                        if not s.number and s.text not in _SCALE and s in slots
                    ][:COUNTED_FOCUS]
        if kind in (Kind.CITY, Kind.PLACE) and _CLAIM.search(question):
            # "... was in Rabat in July 2018, correct? In which city was it really?": the
            # place the claim puts it in is the asker's, checked by the place asked.
            folded_question = fold(question)
            kinds = self.index.lexicon.kinds
            placed = [
                s
                for s in slots
                if kinds.get(s.concept or "") in PLACE_KINDS
                and re.search(_PLACE_AFTER + re.escape(s.text), folded_question)
            ]
            if placed and len(placed) < len(slots):
                slots = [s for s in slots if s not in placed]
        if slots and slots[0].text in _ORDER_WORDS and _ORDER.match(corrected):
            # "Name the stages of ...", "list the partners of ...": the order to answer,
            # which names nothing the answer holds.
            slots = slots[1:]
        # "What does DGSN stand for, the body partnering with the CNDH?": the fact must
        # write the acronym out, whatever else the question says of it.
        spelled_out = self._acronym_asked(question, slots)
        if kind is Kind.MEMBERS:
            # "Which three sectors ...?": a list of three answers; the fact need not say
            # "three" (what its list counts is checked in `_counts_others`); "name the
            # three ...", "list the ...": the order to answer names nothing.
            slots = [
                s
                for n, s in enumerate(slots)
                if number_value(s.text) is None and not (n == 0 and s.text in _ORDER_WORDS)
            ]
        elif kind is Kind.BODY and self._what_body_is(slots):
            # "what institution is the CNDH?", "le CNDH, c'est quelle institution ?": what
            # the one body named is (its card), no other body.
            kind, slots = None, [s for s in slots if (s.concept or "").startswith("@")]
        elif kind is Kind.ROLE and self._of_a_body(slots, question):
            # "What role does the BCIJ play?": what a body does; "role" and "play" only frame it.
            kind = None
            slots = [s for s in slots if fold(s.text) not in _ROLE_FRAME] or slots
        elif kind is Kind.ROLE:
            # "What is Ms. X's position / quelle est sa fonction ?": a role answers; the
            # fact need not say "position" (the kind checks it gives a role).
            # ("her full title": her title, not a name spelt out.)
            slots = [
                s
                for s in slots
                if fold(s.text) not in Kind.ROLE.triggers
                and not fold(s.text).endswith((" title", " titre"))
            ] or slots
        elif kind is Kind.COMPARE and (than := _THAN.search(corrected)) is not None:
            # "Which kind of INL support is provided less often than training?": what it is
            # compared with is no word to hold; "equipment support is less common" answers.
            # (A name compared with stays: "longer than the Tangier one?" is of Tangier's.)
            after = {
                id(s)
                for s, at in _in_text(slots, corrected)
                if at > than.start() and not (s.concept or "").startswith("@")
            }
            slots = [s for s in slots if id(s) not in after] or slots
        elif kind is None and spelled_out is not None:
            # "Pour le BCIJ, le sigle DGSN veut dire quoi ?", "what does DGSN stand for in
            # the CNDH-DGSN agreement?": the acronym asked is spelled out by its own card;
            # whatever else is named is where the asker met it.
            slots = [s for s in slots if s.concept in ("@" + spelled_out, STAND_FOR)]
        every_slot = slots
        if asking and kind in _GIVEN_KINDS and asking != question:
            slots = self._without_values_given(slots, asked_slots, kind)
        if (kind in _WHEN_KINDS or _WHICH_LATER.search(question)) and _LATER.search(question):
            # "After the 2003 Casablanca attacks, in which years did further attacks hit?",
            # "which later attacks, after Casablanca in 2003, ...?": the event the question
            # asks things after is no word the answer need hold (but for words the question
            # asks with again: "attacks").
            slots = self._without_event(slots, question)
        if _DIGIT.search(question) and _OTHER_YEAR.search(question):
            # "Other than 2003, which years ...?": the year set apart is no word to hold.
            apart = {m.group(1) for m in _OTHER_YEAR.finditer(question)}
            slots = [s for s in slots if s.text not in apart] or slots
        if (
            not slots
            or (kind is None and self._names_nothing(slots))
            # ("What's the actual number?" alone names nothing counted.)
            or (kind is Kind.COUNT and _counts_nothing(slots))
            # ("What do the letters mean?": no name whose letters they are.)
            or (kind is None and self._spells_out_nothing(slots))
        ):
            return Answer(question, False, (), (), kind, language)
        browse = self._browse(question, slots, kind, language)
        if browse is not None:
            return browse
        # Each slot's key ids, weight and roles, kept by the slot (one lookup for all).
        known = list(map(self._slot_facts, slots))
        kids = [k.kids for k in known]
        idf = [k.weight for k in known]
        # What the question names: its concepts, and its words as roles ("the judges").
        query_concepts = {s.concept for s in slots if s.concept}
        for k in known:
            query_concepts.update(k.roles)
        # "IPPOS va former des policiers de quels pays pour le Mali ?": beside a country
        # named, the country a body asked about belongs to (IPPOS's United States) is no
        # other country, unless the fact names it itself. ("Which country runs IPPOS?",
        # naming no country, asks that one.)
        implied = (
            frozenset(
                "@" + parent
                for s in slots
                if s.concept and s.concept.startswith("@")
                for parent in self.index.ancestors(s.concept[1:])
            )
            if kind is Kind.COUNTRY
            and any(self.index.lexicon.kinds.get(c) == "country" for c in query_concepts)
            else frozenset()
        )
        if kind is Kind.BODY:
            # "Which Moroccan prison agency has INL worked with?": a body named by words of
            # the kind asked ("prison agency", a name of the DGAPR) is the body asked for,
            # not one the question names already.
            query_concepts -= {
                s.concept
                for s in slots
                if s.concept and s.concept.startswith("@") and _BODY_NOUN.search(s.text)
            }
        if kind is Kind.COUNTRY and _ALONGSIDE.search(question):
            # "GCTF co-chair from April 2016 - alongside which country?", "avec quel autre
            # pays ?": the other party to what the country most facts name (Morocco) did;
            # that country is no answer, named or not.
            query_concepts |= self._country_everywhere()
        defines = self._defined_entity(slots)
        focus = (
            self._count_focus(corrected or question) or claimed_focus if kind is Kind.COUNT else []
        )
        # A precise question ("how many", "when", "who heads") about something no fact
        # mentions at all is not answered by a fact about its neighbours. An everyday word
        # ("so far", "triggered") says how, not what, unless it is what a count counts
        # ("how many people were killed?"). ("Which seven prisons ...?": the count is the
        # cue, the list answers it.)
        counting = {s.text for s in focus}
        # The words that only name the kind asked ("which town", "what's the time span"):
        # a fact that does not say them is not the less covered for it.
        named: dict[str, float] = {}
        if kind in NAMED_BY:
            kind_words = NAMED_BY[kind]
            if kind is Kind.DATE and _PAST.search(question):
                # "On what date were the attacks ...?", "in which month did ... receive
                # ...?": a fact giving "July 2018" need not say "month" (not "which month is
                # the next workshop?": a date to come, which a past one does not give).
                kind_words = kind_words | _DATE_NAMES
            named = _shares(slots, idf, lambda s: fold(s.text) in kind_words)
            if len(named) == len({s.text for s in slots}):
                # "what headcount (does the source give)?": the kind alone names nothing.
                return Answer(question, False, (), (), kind, language)
        # "What does ToT stand for?": a group's short form (no entity to define) is spelled
        # out by the fact holding the group, which need not say "stand for".
        short_forms = [
            s
            for s in slots
            if (s.concept or "").startswith("~") and len(s.text) <= 5 and " " not in s.text
        ]
        stand_for_shares = (
            _shares(slots, idf, lambda s: s.concept == STAND_FOR)
            if spelled_out or short_forms
            else {}
        )
        spelled = stand_for_shares if short_forms else {}
        # ("What does HNP stand for?": a fact writing out "Haitian National Police (HNP)"
        # says it, though no card defines the HNP and no fact says "stands for".)
        written_out = stand_for_shares if spelled_out else {}
        # "How many peacekeepers has IPPOS trained, and starting from which year?": a date
        # asked besides the kind, which a dated fact gives without saying "year".
        dated: dict[str, float] = {}
        if kind not in _WHEN_KINDS and _DATE_ASKED_TOO_CUE.search(question):
            asked_words = {
                w for m in _DATE_ASKED_TOO.finditer(fold(question)) for w in m.group().split()
            }
            dated = _shares(slots, idf, lambda s: fold(s.text) in asked_words)
        # "How has Washington changed its military aid?": a fact saying how many times over
        # it grew ("doubled") says how it changed, though not in the word "changed".
        changed: dict[str, float] = {}
        if any(s.concept == _CHANGED for s in slots):
            changed = _shares(slots, idf, lambda s: s.concept == _CHANGED)
        # "Real cases, or just theory?": a fact that holds one side of the choice answers;
        # the words of the side it lacks are credited, as the words naming a kind are.
        offered = " or " in question or " ou " in question  # (most questions: no choice)
        choice = self._choice(corrected or question, kind) if offered else ("", frozenset())
        # (The names of a choice of one name against another: "was it the FBI or DHS ...?")
        names_in_question = (
            {s.text for s in slots if (s.concept or "")[:1] == "@"}
            if len(choice[1]) == 1
            else set()
        )
        # (The two sides of a choice of figures, or of two names, "the FBI or DHS": the
        # fact need give only one.)
        offered_sides = (
            frozenset(
                t for t in {choice[0], *choice[1]} if t[:1].isdigit() or t in names_in_question
            )
            if choice[1]
            else frozenset()
        )
        # (Figures offered for a figure asked, "12 or 15?" of how many: the asker's guesses,
        # both of which may be wrong; the fact's figure answers, if the question names what
        # it is of: not "2003 or 2004? which day?" alone.)
        side_needed = not (
            kind in _FIGURE_KINDS
            and offered_sides
            and all(t[:1].isdigit() for t in offered_sides)
            and _names_beside(slots, offered_sides)
        )
        if kind in _WHERE_KINDS and choice[1] and self._places_offered(choice, slots):
            # "... held, Casablanca or Marrakech?": places guessed for a place asked (a name
            # no fact holds among them); the fact's place answers, Rabat (not "Casablanca
            # or Marrakech? which city?" alone).
            places = frozenset({choice[0], *choice[1]})
            if _names_beside(slots, places):
                offered_sides, side_needed = places, False
        guesses = {} if side_needed else _shares(slots, idf, lambda s: s.text in offered_sides)
        # (Figures guessed for a count, "police in Haiti, 500 or 1000?": the fact's figure
        # answers if it is of their order, 2,800 for "2000 or 3000"; not the "two
        # departments" of a fact on Haiti.)
        guessed = (
            frozenset(int(t) for t in offered_sides if t.isdigit())
            if not side_needed and kind in (Kind.COUNT, Kind.MEMBERS, Kind.MONEY)
            else frozenset()
        )
        unknown = [
            s.text
            for s, k in zip(slots, kids, strict=True)
            if not k
            and s.text not in named
            # (A side of a choice no fact holds is the wrong side: "20 or 25?".)
            and s.text not in offered_sides
            and not (kind is Kind.MEMBERS and figures(s.text))
            and (
                # (A meaning the curators named, "renewed", that no fact holds: not everyday;
                # people trained are not what a question asks of, "... for personnel?".)
                ((s.concept or "").startswith("~") and s.concept not in _WHO_NOT_WHAT)
                or (
                    (not is_common(s.text, s.keys) or s.text in counting)
                    and (not _INFLECTED.search(s.text) or s.text in counting)
                    and not (language == "fr" and _PARTICIPLE_FR.search(s.text))
                )
            )
        ]
        # "Who ...", "why ..." and "what penalty ..." are often asked in words of one's own
        # ("who opened it with that line?", "why the surge?", "quelle peine risquent-ils ?"):
        # a new name, a reason or a penalty answers them, not the question's every word.
        unknown_blocks = kind not in (None, Kind.ACTOR, Kind.REASON, Kind.PENALTY) and bool(unknown)
        # A name no fact holds, written as one ("who won the Champions League?"): nothing
        # the fact base says is about it, whatever is asked (an everyday word in a name
        # is a name there).
        strangers = [s.text for s, k in zip(slots, kids, strict=True) if not k]
        names_unheld = _written_as_names(question, strangers) if strangers else []
        # (A country no fact names, in one word: "la politique d'asile du Canada"; not one
        # side of a choice, "Montenegro, or was it Moldova?", whose other side may be held.)
        if not offered:
            names_unheld += [t for t in strangers if t in COUNTRY_WORDS and t not in names_unheld]
        if names_unheld:
            unknown_blocks = True
            unknown = names_unheld + [text for text in unknown if text not in names_unheld]
        counted, counted_text = self._counted_in_question(focus)
        # ("Of GLO.ACT's €11 million, how much is paid by the EU?": an amount asked, which a
        # fact giving only the €11 million stated does not give.)
        stated = (
            figures(question) if kind in (Kind.COUNT, Kind.MEMBERS, Kind.MONEY) else frozenset()
        )
        if kind is Kind.MEMBERS and stated and _N_OTHERS.search(question):
            # "Which two other bureaus produced the guide with INL?": a list of three.
            stated = stated | {max(stated) + 1}
        if stated and offered_sides:
            # "how many ILEAs are there, 4 or 5?": the figures offered are the choice, not
            # figures the question gives already.
            stated = stated - {int(t) for t in offered_sides if t.isdigit()}
        if stated and claimed:
            # "my notes say 300 ... can you confirm that number?": a fact giving 300
            # confirms it; the figure is not one the question gives already.
            stated = stated - {int(c) for c in claimed if c.isdigit()}
        # (A rank after "the", or in a precise question: "what second line of effort?"
        # means "another", "the second session" the second of a series.)
        ranks = (
            self._ranks(every_slot) if kind is not None or _THE_RANK.search(fold(question)) else []
        )
        if slots is not every_slot:
            asked_words = set(fold(asking).split())  # the context's rank is another thing's
            ranks = [rank for rank in ranks if rank[0] & asked_words]
        asked = _Asked(
            kind,
            query_concepts,
            counted,
            counted_text,
            stated,
            tuple(ranks),
            # ("... partnered with the DGAPR since 2012.' Is that right?": the asker's year,
            # checked, not a time the answer must fall in.)
            tuple(
                side
                for side in _asked_sides(question, kind)
                if side[1].partition("-")[0] not in claimed
            ),
            unknown_blocks,
            tuple(unknown),
            _event(slots, kind, corrected),
            _given_name_before(question),
            (
                frozenset(k for s in slots if not self._ambient(s) for k in s.keys)
                if kind in _WHEN_KINDS
                else frozenset()
            ),
            _asks_a_day(fold(question)),
            month_claimed or _asks_a_month(fold(question)),
            self._within(question) if kind is Kind.PLACE else None,
            kind is Kind.MEMBERS and bool(_WHERE_ARE.search(fold(asking or question))),
            kind is Kind.COUNT and bool(_IN_TOTAL.search(fold(question))),
            _asks_a_venue(fold(question)),
            (kind in (Kind.BODY, Kind.ACTOR, Kind.PERSON) and bool(_GRANTOR_ASKED.search(question)))
            or bool(_GRANTER_NAMED.search(question)),
            implied,
            (
                (
                    excluded | self._excluded(question)
                    if _EXCLUDING_CUE.search(question)
                    else excluded
                )
                | (self._bodies_named(slots) if kind is Kind.MEMBERS else frozenset())
            )
            # ("apart from France, did Belgium also ...?" asks yes or no, of Belgium.)
            if not _ASKS_YES_OR_NO.search(question)
            else frozenset(),
            self._founding_asked(
                asking or question, language, claimed=bool(claimed) and kind is Kind.DATE
            )
            if FOUNDING_CUE.search(asking or question)
            else frozenset(),
        )
        # "When is the next GLO.ACT training after Casablanca?": not the Casablanca one.
        asked_after = self._asked_after(question) if _NEXT_CUE.search(question) else ()
        # "police units IPPOS is preparing to deploy to Mali": where they go, not where units
        # came from ("units from Togo, ..., Mali ... deployments to Haiti").
        headed_to = (
            tuple(p for p in _destinations(question) if self._names_a_place(p))
            if _HEADED_CUE.search(question)
            else ()
        )
        scoring = Scoring(self.index, slots, kids, idf, defines)
        accepted: list[Match] = []
        accepted_at: list[int] = []  # the accepted facts' positions in the index
        rejected: list[Match] = []
        only_coverage_short = False  # the best fact failed on coverage alone
        for score, coverage, i in scoring.top():
            if accepted and round(score, 4) < KEEP_SHARE * accepted[0].score:
                break  # scores only fall from here: nothing further would be kept
            fact = self.facts[i]
            lacks, strong_missing = scoring.misses(i, offered_sides, side_needed=side_needed)
            if named and lacks:
                coverage, lacks = _credited(coverage, lacks, named)
            if dated and lacks and self.index.features[i].has_date:
                coverage, lacks = _credited(coverage, lacks, dated)
            if changed and lacks and self.index.features[i].multiplies:
                coverage, lacks = _credited(coverage, lacks, changed)
            if spelled and lacks and self._spells_out(fact, short_forms):
                coverage, lacks = _credited(coverage, lacks, spelled)
            if written_out and lacks and self._writes_out(i, spelled_out or ""):
                coverage, lacks = _credited(coverage, lacks, written_out)
            if guesses and lacks:
                coverage, lacks = _credited(coverage, lacks, guesses)
            if choice[1] and lacks:
                coverage, lacks = _other_side(
                    choice, slots, idf, coverage, lacks, choice[0] in offered_sides
                )
            why_not = self._fails(asked, i, coverage, strong_missing, lacks)
            if why_not is None and guessed and not _near_a_guess(self.index.features[i], guessed):
                why_not = "gives no figure near " + " or ".join(map(str, sorted(guessed)))
            if why_not is None and asked_after and _names_any(fact, asked_after):
                why_not = "is the one asked after"
            if why_not is None and headed_to and (origin := _only_an_origin(fact, headed_to)):
                why_not = f"names {origin} as where they came from"
            if why_not is None and spelled_out and i not in self.index.spellers[spelled_out]:
                why_not = "does not write out " + spelled_out.upper()
            if why_not is not None and not accepted and not rejected:
                # Short of the coverage bar alone: a clear lead may still answer.
                only_coverage_short = (
                    coverage < self.thresholds.min_coverage
                    and self._fails(asked, i, 1.0, strong_missing, lacks) is None
                )
            if not why_not:
                accepted.append(Match(fact, round(score, 4), round(coverage, 4), lacks, why_not))
                accepted_at.append(i)
            elif not accepted:  # (once a fact answers, the ones it turns down are not read)
                rejected.append(Match(fact, round(score, 4), round(coverage, 4), lacks, why_not))
            if len(accepted) == MAX_FACTS:
                break  # scores only fall from here: the answer is these five at most
        if accepted:
            best = accepted[0]
            keep = [m for m in accepted if m.score >= KEEP_SHARE * best.score][:MAX_FACTS]
            if kind in _WHEN_KINDS:
                # "cndh dgsn training when?": the fact that says when comes first, before
                # those dated only by their article ("the training reflects efforts ...").
                # (Read here, for the few facts kept: a flag per fact costs memory at 10,000.)
                says_when = {
                    id(m)
                    for m, i in zip(accepted, accepted_at, strict=True)
                    if states_date(tokenize(self.facts[i].answer))
                }
                keep.sort(key=lambda m: id(m) not in says_when)
            elif kind is Kind.PLACE and len(keep) > 1:
                # "Where will the trainers meet for the migration session?": the fact whose
                # answer names a town the question does not comes first, before those placed
                # only by their `where` (which the answer shown does not say).
                kinds = self.index.lexicon.kinds
                places_asked = {s.concept for s in slots}
                says_where = {
                    id(m)
                    for m, i in zip(accepted, accepted_at, strict=True)
                    if any(
                        kinds.get(p) == "place" and p not in places_asked
                        for p in self.index.features[i].places
                    )
                }
                keep.sort(key=lambda m: id(m) not in says_where)
            elif defines is not None and len(keep) > 1:
                # "hnp c'est quoi ?": of the facts spelling it out, the one whose quote does
                # too comes first (the quote is what a French reader sees in English).
                entity = self.base.entity_by_id[defines]
                full = [fold(n) for n in entity.names if n not in entity.acronyms]
                quoted = {
                    id(m)
                    for m, i in zip(accepted, accepted_at, strict=True)
                    if any(
                        re.search(rf"\b{re.escape(n)}\b", fold(self.facts[i].snippet)) for n in full
                    )
                }
                keep.sort(key=lambda m: id(m) not in quoted)
            elif spelled and len(keep) > 1:
                # "What does ToT stand for?": of the facts writing it out, the one writing
                # the short form beside it ("training of trainers (ToT)") comes first.
                beside = {
                    id(m)
                    for m, i in zip(accepted, accepted_at, strict=True)
                    if any(
                        re.search(
                            rf"\b{re.escape(s.text)}s?\b", self.facts[i].answer, re.IGNORECASE
                        )
                        for s in short_forms
                    )
                }
                keep.sort(key=lambda m: id(m) not in beside)
            elif kind is None and len(keep) > 1 and _asks_for_several(question):
                # "Which American police forces are coaching Haiti's cops?": the fact that
                # names several comes first, before those that name one of them each (not
                # one lacking a word the best covered holds: "which institutions does INL
                # support in justice reform?" is not answered by a list of its aims).
                held = set(max(keep, key=lambda m: m.coverage).missing)
                several = {
                    id(m)
                    for m, i in zip(accepted, accepted_at, strict=True)
                    if (self.index.features[i].listed >= 2 or self.index.features[i].paired)
                    and held.issuperset(m.missing)
                }
                keep.sort(key=lambda m: id(m) not in several)
            return Answer(question, True, tuple(keep), (), kind, language)
        if only_coverage_short and _clear_lead(rejected, len(slots), self.thresholds):
            lead = replace(rejected[0], why_not=None)
            return Answer(question, True, (lead,), (), kind, language)
        suggestions = tuple(m for m in rejected if m.score > 0)[:MAX_SUGGESTIONS]
        return Answer(question, False, (), suggestions, kind, language)

    def _asked_after(self, question: str) -> tuple[str, ...]:
        """The names (folded) of what "the next X after Y" asks after: Y's."""
        found = _NEXT_AFTER.search(question)
        if found is None:
            return ()
        return tuple(
            fold(s.text) for s in self.analyse(found.group("what")) if (s.concept or "")[:1] == "@"
        )

    def _without_event(self, slots: list[Slot], question: str) -> list[Slot]:
        """`slots` but those of the event a question asks after, said once ("may", "2003",
        "casablanca" in "after the May 2003 Casablanca attacks, when did attacks ...?")."""
        before = _before_words(question)
        if not before:
            return slots
        # ("the later attacks that followed Casablanca 2003": "that followed" says after.)
        side_words = {fold(m.group(1)) for m in _SIDE_OF_EVENT.finditer(question)}
        texts = [fold(s.text) for s in slots]
        kept = [
            s
            for s, text in zip(slots, texts, strict=True)
            if (not before.issuperset(text.split()) or texts.count(text) > 1)
            and text not in side_words
        ]
        return kept if len(kept) < len(slots) and kept else slots

    def _browse(
        self, question: str, slots: Sequence[Slot], kind: Kind | None, language: str
    ) -> Answer | None:
        """ "Which trainings were held?": a topic's facts, ranked; None for other questions.

        A question whose only subject is a topic word in the plural (or after "list"),
        narrowed at most by names ("trainings in Casablanca"), gets that topic's facts.
        """
        if kind is not None or not Kind.LIST.pattern.search(fold(question)):
            return None
        topic_slots = [s for s in slots if s.concept in TOPIC_CONCEPTS]
        if len(topic_slots) != 1:
            return None
        topic = TOPIC_CONCEPTS[topic_slots[0].concept or ""]
        plural = topic_slots[0].text.endswith("s") or "list" in fold(question)
        rest = [s for s in slots if s is not topic_slots[0] and s.text not in BROWSE_FILLER]
        if not plural or any(s.concept is None and not s.number for s in rest):
            return None
        if topic == "institutions" and any(
            self.index.lexicon.kinds.get(s.concept or "") not in PLACE_KINDS for s in rest
        ):
            # "which agencies are behind GLO.ACT?" asks which bodies do something with it
            # (its partners), not the institution cards that mention it; "which agencies in
            # Morocco?" lists them.
            return None
        matches: list[Match] = []
        index = self.index
        held = [index.slot_codes(self._kids(s)) for s in rest]
        wtab = index.wtab
        for i in index.by_topic.get(topic, ()):
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
        return Answer(question, True, tuple(ordered), (), Kind.LIST, language)

    def _choice(self, question: str, kind: Kind | None) -> tuple[str, frozenset[str]]:
        """What a choice the question offers sets against what: the last word before "or"
        and the words after it ("will the sessions work through real cases, or is it just
        theory?": "real cases", {"theory"}); ("", {}) for no choice."""
        if kind is Kind.COMPARE:
            return "", frozenset()  # "more from Senegal or from Togo?": both are asked
        found = _OR.split(question.lower())
        if len(found) != 2:
            return "", frozenset()
        # (A figure last before "or" stays one: alone, "are there 4" reads as "for".)
        before = found[0] + " or" if found[0][-1:].isdigit() else found[0]
        left, right = self.analyse(before), self.analyse(found[1])
        if not left or not right:
            return "", frozenset()
        # (A choice of figures needs no name: "is the first session on Feb 24 or the 25th?")
        figures_offered = left[-1].text[:1].isdigit() and any(s.text[:1].isdigit() for s in right)
        if not figures_offered and not any(s.concept and s.concept[0] == "@" for s in left):
            return "", frozenset()  # ("a real person or a bot?" names nothing)
        other = frozenset(s.text for s in right) - {s.text for s in left}
        if len(right) > 1 and right[0].concept and right[0].concept[0] == "@":
            # "Was it the FBI or DHS that sponsored ...?": the other side is the name
            # after "or"; what follows it is the question's, which the fact must hold.
            other = frozenset({right[0].text}) - {s.text for s in left}
        return left[-1].text, other

    def _places_offered(self, choice: tuple[str, frozenset[str]], slots: Sequence[Slot]) -> bool:
        """Whether each side of a choice is a place, or a word no fact holds: "Casablanca or
        Marrakech?"."""
        kinds = self.index.lexicon.kinds
        concepts = {s.text: s.concept for s in slots}
        return all(
            kinds.get(concepts.get(side) or "") in PLACE_KINDS
            or (side in concepts and not concepts[side] and not self._knows(side))
            for side in (choice[0], *choice[1])
        )

    def _within(self, question: str) -> str | None:
        """The place a "where in X ...?" / "où au Maroc ...?" question asks within."""
        found = _WHERE_IN.search(fold(question))
        if found is None:
            return None
        named = self.analyse(found.group("place"))
        concept = named[0].concept if named else None
        kinds = self.index.lexicon.kinds
        return concept if concept and kinds.get(concept) in PLACE_KINDS else None

    def _kids(self, slot: Slot) -> tuple[int, ...]:
        """The ids of the slot's keys that some fact holds."""
        return self._slot_facts(slot).kids

    def _slot_idf(self, slot: Slot, kids: Sequence[int]) -> float:
        known = self._slot_facts(slot)
        if known.kids is kids:
            return known.weight
        return slot_idf(self.index, slot, kids, self.thresholds.unknown_word_factor)

    def _slot_facts(self, slot: Slot) -> _SlotFacts:
        """What is read of the slot alone (the ids of its keys some fact holds, its weight,
        its roles), kept by the slot's identity: word and name slots are kept, so questions
        reuse them."""
        memo = self._slot_memo
        known = memo.get(id(slot))
        if known is None:
            if len(memo) >= WORD_SLOTS_KEPT:
                memo.clear()
            kids = self.index.key_ids(slot)
            weight = slot_idf(self.index, slot, kids, self.thresholds.unknown_word_factor)
            roles = tuple(map(role_key, slot.text.split()))
            known = memo[id(slot)] = _SlotFacts(slot, kids, weight, roles)
        return known

    def _acronym_asked(self, question: str, slots: Sequence[Slot]) -> str | None:
        """The entity whose acronym "what does X stand for?", "le sigle X veut dire quoi ?"
        asks the meaning of (the word right before "stand for", or after "sigle"), if a
        fact writes it out; else None."""
        if not any(s.concept == STAND_FOR for s in slots):
            return None
        for found in _STANDS_FOR.finditer(fold(question)):  # ("que signifie le sigle PA")
            word = found.group("before") or found.group("after") or found.group("last")
            for s in slots:
                eid = (s.concept or "")[1:]
                if (
                    fold(s.text) == word
                    and (s.concept or "").startswith("@")
                    and eid in self.index.spellers
                    and word in {fold(a) for a in self.base.entity_by_id[eid].acronyms}
                ):
                    return eid
        return None

    def _writes_out(self, i: int, eid: str) -> bool:
        """Whether fact `i` writes out the body `eid` beside one of its acronyms, as the
        source does ("the Haitian National Police (HNP)"; not a fact calling the ATA
        program by its full name alone, where the letters are the curators')."""
        if i not in self.index.spellers.get(eid, ()):
            return False
        answer = fold(self.facts[i].answer)
        return any(has_word(answer, fold(a)) for a in self.base.entity_by_id[eid].acronyms)

    @staticmethod
    def _what_body_is(slots: Sequence[Slot]) -> bool:
        """Whether `slots` are one body named and the words of the kind of body asked
        ("what kind of institution is the CNDH?")."""
        named = [s for s in slots if (s.concept or "").startswith("@")]
        return len(named) == 1 and all(
            s is named[0] or _BODY_NOUN.fullmatch(s.text) or s.text in _SORT_OF for s in slots
        )

    def _defined_entity(self, slots: Sequence[Slot]) -> str | None:
        """The entity a "what is X?" / "X?" / "what does X stand for?" question is about."""
        entities = [s.concept for s in slots if s.concept and s.concept.startswith("@")]
        others = [s for s in slots if not (s.concept and s.concept.startswith("@"))]
        if len(entities) != 1 or any(s.concept != STAND_FOR for s in others):
            return None
        return entities[0][1:]

    def _count_focus(self, question: str) -> list[Slot]:
        """The first two content words after "how many": what is counted, and how."""
        folded = fold(question)
        m = HOW_MANY.search(folded)
        if m is None:
            return []
        where = _COUNTED_ELSEWHERE.match(m.group("rest"))
        # "how many around the world?": the subject is counted; "ILEAs: how many does INL
        # run?" counts what was said before (with nothing before, "how many does GLO.ACT
        # cover?", what it counts is unsaid: the words after still say of what).
        if where is not None and (
            where.group("said_before") is None or folded[: m.start()].strip()
        ):
            return []
        slots = self.analyse(m.group("rest"))
        return [s for s in slots if not s.number and s.text not in _SCALE][:COUNTED_FOCUS]

    def _counted_in_question(self, focus: Sequence[Slot]) -> tuple[frozenset[str], tuple[str, ...]]:
        """What "how many ..." counts: the keys of its focus words, and their text."""
        if not focus or focus[0].concept in ANYONE or self._people_of(focus[0]):
            # "how many participants (in the first session)", "how many Moroccans
            # marched?": any count of people will do.
            return frozenset(), ()
        keys: set[str] = set()
        for slot in focus:
            keys |= slot.keys
            if slot.concept:
                keys.add(slot.concept)
        return frozenset(keys), tuple(s.text for s in focus)

    def _people_of(self, slot: Slot) -> bool:
        """Whether `slot` names a country's people ("Moroccans", "Marocains"), not it."""
        concept = slot.concept or ""
        return self.index.lexicon.kinds.get(concept) == "country" and slot.text.endswith("s")

    def _figure_not_new(self, i: int, stated: frozenset[int]) -> str | None:
        """A count question that states every figure the fact gives ("how many of the 21
        prosecutors were women?") asks for another figure, which the fact does not give."""
        given = self.index.features[i].figures
        if stated and given and stated.issuperset(given):
            return "gives no figure but " + ", ".join(str(v) for v in sorted(given)[:2])
        return None

    def _fails(
        self, asked: _Asked, i: int, coverage: float, strong_missing: bool, lacks: Sequence[str]
    ) -> str | None:
        """None when fact `i` answers the question; otherwise a short reason (every rule)."""
        why_not = self._why_not(
            i,
            asked.kind,
            coverage,
            strong_missing,
            lacks,
            asked.concepts,
            asked.counted,
            asked.counted_text,
            asked.implied,
        )
        if why_not or not asked.more:
            return why_not or None  # ("" is no reason: the rules below would be read)
        return (
            # (Each rule below says nothing unless the question holds what it checks: most
            # questions hold none of it, and a rule not called costs nothing.)
            (self._figures_rule(i, asked.kind, asked.stated) if asked.stated else None)
            or (self._time_contradicts(i, asked.spans, asked.kind) if asked.spans else None)
            or (self._rank_not_held(i, asked.ranks) if asked.ranks else None)
            or (f"says nothing of {asked.event}" if asked.event in lacks else None)
            or (self._first_name_not_given(i, asked.first_name) if asked.first_name else None)
            or (self._only_called_for(i, asked) if asked.kind in _WHEN_KINDS else None)
            or ("gives no day" if asked.wants_day and not self._gives_day(i) else None)
            or ("gives no month" if asked.wants_month and not self._gives_month(i) else None)
            or (self._no_place_within(i, asked.within) if asked.within else None)
            or (self._no_places_listed(i) if asked.places_listed else None)
            or (self._per_unit_only(i) if asked.in_total else None)
            or (self._no_venue(i) if asked.wants_venue else None)
            or (self._no_grantor(i) if asked.wants_grantor else None)
            or (self._only_excluded(i, asked) if asked.excluded else None)
            or (self._founding_not_said(i, asked.founding) if asked.founding else None)
            or (
                "nothing in the fact base mentions " + ", ".join(asked.unknown[:3])
                if asked.unknown_blocks
                else None
            )
        )

    def _excluded(self, question: str) -> frozenset[str]:
        """The bodies a question sets aside: "besides the EU", "apart from Brussels and the
        UN drugs office", "à part l'UE"."""
        return frozenset(
            concept
            for found in _EXCLUDING.finditer(question)
            for s in self.analyse(found.group("aside"))
            if (concept := s.concept or "").startswith("@")
        )

    def _bodies_named(self, slots: Sequence[Slot]) -> frozenset[str]:
        """ "Which two organisations does the EU-UNODC project work with?": the bodies a
        question counting things names are not the things it asks for."""
        kinds = self.index.lexicon.kinds
        return frozenset(
            s.concept
            for s in slots
            if s.concept and s.concept[:1] == "@" and kinds.get(s.concept) == "institution"
        )

    def _only_excluded(self, i: int, asked: _Asked) -> str | None:
        """ "Apart from the EU and UNODC, which agencies run GLO.ACT?" is not answered by
        "GLO.ACT is a joint initiative by the EU and UNODC": the bodies it names as doing
        it are those set aside (and others the question names)."""
        features = self.index.features[i]
        if asked.kind is Kind.COUNT or features.listed < 2:
            # ("Besides the US, how many countries founded the GCTF?" counts the others;
            # "INL supports the Ministry of Justice and the two judiciaries" names more
            # than its names: only a list of names is all named.)
            return None
        bodies = {a for a in features.actors if a.startswith("@")}
        if (
            not bodies.isdisjoint(asked.excluded)
            and bodies <= asked.excluded | asked.concepts
            # ("The Kennel Club, the Dog Unit and the Cat Unit produced ...": a list of
            # more than the bodies it names by their cards names others.)
            and features.listed <= len(bodies)
        ):
            return "names only " + ", ".join(sorted(a[1:] for a in bodies & asked.excluded))
        return None

    def _no_place_within(self, i: int, within: str) -> str | None:
        """ "Where in Morocco is African Lion held?" is not answered by "with neighbors in
        North and West Africa": a place in Morocco is asked (or the fact's own `where`)."""
        features = self.index.features[i]
        if features.has_where:
            return None
        inside = within[1:]
        if any(inside in self.index.ancestors(p[1:]) for p in features.places):
            return None
        return "names no place in " + inside

    def _without_values_given(
        self, slots: list[Slot], asked_slots: Sequence[Slot], kind: Kind
    ) -> list[Slot]:
        """ "I have Casablanca for the second training. Where was the first one held?": the
        context gives the place (or date) of another of the things asked about, and its
        rank; neither is asked, so neither is matched (the rank still says what "the first
        one" ranks: `_ranks` reads the message's every slot)."""
        own = {s.text for s in asked_slots}
        kinds = self.index.lexicon.kinds
        ranks = {w for forms in ORDINALS for w in forms} | _FIRST

        def given(slot: Slot) -> bool:
            if slot.text in own:
                return False
            if fold(slot.text) in ranks:
                return True
            if kind is Kind.DATE:
                return slot.number
            return kinds.get(slot.concept or "") in PLACE_KINDS

        return [s for s in slots if not given(s)] or slots

    def _of_a_body(self, slots: Sequence[Slot], question: str) -> bool:
        """Whether a role is asked of an institution or a country the question names ("what
        role does the BCIJ play?", "what role did Morocco play?"), not of a person (no
        title, personal pronoun or possessive name: "Ms. X", "her", "son titre"; not a
        French "il", which may be a body's, its gender the word's: "le BCIJ, il fait quoi ?")."""
        kinds = self.index.lexicon.kinds
        return any(kinds.get(s.concept or "") in _BODIES for s in slots) and (
            _PERSON_CUE.search(question) is None
        )

    def _no_venue(self, i: int) -> str | None:
        """ "Which hotel in Casablanca hosted the workshop?" is not answered by "the
        workshop was held in Casablanca": a venue is asked, not its city."""
        return None if _VENUE.search(self.facts[i].answer) else "names no venue"

    def _no_grantor(self, i: int) -> str | None:
        """ "Which body issued the lab's 2018 certification?" is not answered by "with INL
        support, the lab obtained a certification": who grants it, the fact must say."""
        fact = self.facts[i]
        return None if _GRANTS.search(f"{fact.answer} {fact.snippet}") else "says nobody granted it"

    def _per_unit_only(self, i: int) -> str | None:
        """ "How many prosecutors are in the network in total?" is not answered by "two
        prosecutors per court of appeal": each figure of the fact counts per unit; nor is
        "how many will the programme train in total?" by what its first session gathers."""
        answer = self.facts[i].answer
        if _ONE_OF_A_SERIES.match(answer):
            return "gives a figure for one of them, not a total"
        tokens = tokenize(answer)
        per_unit = [
            any(w.surface in _PER for w in tokens[n + 1 : n + 1 + COUNTED_WINDOW])
            for n, t in enumerate(tokens)
            if is_quantity(t)
        ]
        return "gives a figure per unit, not a total" if per_unit and all(per_unit) else None

    def _no_places_listed(self, i: int) -> str | None:
        """ "Where are the five academies?" asks for places: a fact that counts five of
        them and lists the agencies that run them names where none of them is."""
        if len(set(self.index.features[i].places)) >= 2:
            return None
        return "lists no places"

    def _gives_month(self, i: int) -> bool:
        """Whether fact `i` says in which month: its date to the month or the day, or a
        month named in its answer ("in July 2018")."""
        fact = self.facts[i]
        if fact.when is not None and fact.when.precision in ("month", "day"):
            return True
        return any(
            _is_month(t.surface)
            for text in (fact.answer, fact.answer_fr or "")
            for t in mark_months(tokenize(text))
        )

    def _gives_day(self, i: int) -> bool:
        """Whether fact `i` says on which day: its date to the day, or a day of a month
        in its answer ("from 24 to 26 September 2018")."""
        fact = self.facts[i]
        if fact.when is not None and fact.when.precision == "day":
            return True
        for text in (fact.answer, fact.answer_fr or ""):
            tokens = tokenize(text)
            if any(day_of_month(tokens, n) for n in range(len(tokens))):
                return True
        return False

    def _only_called_for(self, i: int, asked: _Asked) -> str | None:
        """ "When did the judiciary become independent?" is not answered by "the 2013
        Charter calls for an independent judiciary": a call does not date what it calls
        for, unless the question asks about the call itself (it names the Charter)."""
        if asked.kind not in _WHEN_KINDS:
            return None
        caller = self.index.features[i].caller
        if caller and asked.named.isdisjoint(caller):
            return "says only that it was called for"
        return None

    def _founding_asked(
        self, question: str, language: str, *, claimed: bool = False
    ) -> frozenset[str]:
        """The names (concepts) whose founding `question` asks about ("when was the DGSN
        created?", "who set up the BCIJ?", "date de création de la DGSN"), read as a fact's
        (`Index._founded`). `claimed`: the message checks a year it claims, so a founding
        claimed is asked too ("la DGSN a été créée en 1956 c'est ça")."""
        kinds = self.index.lexicon.kinds
        asked: set[str] = set()
        for piece in founding_asked(question):
            slots = self.analyse(piece)
            # A body by its name alone ("the DGSN", "le BCIJ"): not a thing of its own it
            # is part of the name of, "the CNDH-DGSN training programme", "the Moroccan
            # police unit ..."; not a place's or a law's (a law is adopted, not founded).
            if slots and all(kinds.get(s.concept or "") in _FOUNDED_KINDS for s in slots):
                asked.update(s.concept or "" for s in slots)
        for piece in founding_claimed(question) if claimed else ():
            # (The body the claim ends on: "my notes say the DGSN [was created in ...]".)
            for slot in reversed(self.analyse(piece)):
                if kinds.get(slot.concept or "") not in _FOUNDED_KINDS:
                    break
                asked.add(slot.concept or "")
        return frozenset(asked)

    def _founding_not_said(self, i: int, founding: frozenset[str]) -> str | None:
        """ "When was the DGSN created?" is not answered by "the CNDH and the DGSN have
        introduced a programme", nor "when was the UNODC set up?" by "the momentum created
        by Law 27-14, according to UNODC": the fact must say the body asked of was founded."""
        if founding.isdisjoint(self.index.features[i].founded):
            return "does not say it was founded"
        return None

    def _first_name_not_given(
        self, i: int, asked: tuple[str, re.Pattern[str]] | None
    ) -> str | None:
        """ "What is Ms. Oufroukhi's first name?" is not answered by "Ms. Oufroukhi said":
        the fact must write a name before the surname ("Eurídice Márquez")."""
        if asked is None:
            return None
        surname, given = asked
        fact = self.facts[i]
        if any(given.search(text) for text in (fact.answer, fact.answer_fr or "", fact.snippet)):
            return None
        return f"gives no first name of {surname}"

    def _time_contradicts(
        self, i: int, spans: Sequence[tuple[str, str]], kind: Kind | None = None
    ) -> str | None:
        """ "How many joined before 2011?" is not answered by how many joined since 2011;
        "which years, after 2003, ...?" not by a fact whose only dates are of 2003."""
        if not spans:
            return None
        fact = self.facts[i]
        held = {
            ("before" if side == "before" else "after", year)
            for side, year in _sides(fact.answer) + _sides(fact.answer_fr or "")
            if side != "other"
        }
        for asked_side, asked_time in spans:
            side = "after" if asked_side == "later" else asked_side
            year, _, month = asked_time.partition("-")
            other = "after" if side == "before" else "before"
            if side != "other" and (other, year) in held:
                return f"says {other} {year}, not {side}"
            # "How many joined before 2011?" is not answered by what happened in 2011,
            # nor "what replaced it after 2019?" by a project of 2015-2019.
            when = fact.when
            if when is None:
                if (kind in _WHEN_KINDS and side in ("after", "other")) or asked_side == "later":
                    # An undated fact gives a date by its answer's years: asked for the
                    # years after 2003, "since the May 16, 2003 attacks ..." gives none.
                    years = {int(y) for y in _A_YEAR_IN.findall(fact.answer)}
                    if years and (
                        max(years) <= int(year) if side == "after" else years == {int(year)}
                    ):
                        return (
                            f"gives only {year} or before"
                            if side == "after"
                            else f"gives only {year}"
                        )
                continue
            if side == "before" and when.start.year >= int(year):
                return f"is of {when.start.year}, not before {year}"
            if month and (when.end.year, when.end.month) <= (int(year), int(month)):
                return f"is of {when.end.month}/{when.end.year}, not after {month}/{year}"
            if side == "after" and not month and when.end.year <= int(year):
                return f"is of {when.end.year}, not after {year}"
            if side == "since" and when.end.year < int(year):
                return f"is of {when.end.year}, not since {year}"
            if side == "other" and when.start.year == when.end.year == int(year):
                return f"is of {year}, the year set apart"
        return None

    def _ranks(self, slots: Sequence[Slot]) -> list[tuple[frozenset[str], Slot]]:
        """Each rank the question names, with what it ranks: "the third training"."""
        found: list[tuple[int, frozenset[str]]] = []
        firsts: list[tuple[int, frozenset[str]]] = []
        for n, slot in enumerate(slots[:-1]):
            words = set(fold(slot.text).split())
            found += [(n, forms) for forms in ORDINALS if words & forms]
            if words & _FIRST:
                firsts.append((n, _FIRST))
        if not found:
            return []
        # Beside a rank ("I have the second training; where was the first one?"), "first"
        # ranks too (alone it also means "at first").
        found = sorted(found + firsts, key=lambda at: at[0])
        ranked = [_ranked(slots[n + 1 :]) for n, _ in found]
        things = [r for r in ranked if fold(r.text) not in _ONE]
        # "The first one": one of the things ranked beside it, a training.
        return [
            (forms, things[0] if fold(r.text) in _ONE and things else r)
            for (_, forms), r in zip(found, ranked, strict=True)
        ]

    def _rank_not_held(self, i: int, ranks: Sequence[tuple[frozenset[str], Slot]]) -> str | None:
        """ "When is the second session?" is not answered by the first session's date, nor
        "the third training" by "the third day": the fact must rank the same thing."""
        if not ranks:
            return None
        fact = self.facts[i]
        texts = (fact.title, fact.answer, fact.answer_fr or "", fact.snippet)
        for forms, ranked in ranks:
            wanted = ranked.keys | ({ranked.concept} if ranked.concept else set())
            if not any(self._ranks_in(text, forms, wanted) for text in texts):
                return "says nothing of a " + min(forms, key=len) + " " + ranked.text
        return None

    def _ranks_in(self, text: str, forms: frozenset[str], wanted: Set[str]) -> bool:
        """Whether `text` ranks what is `wanted`: the word after the rank ("the third
        day" ranks days; "le troisième jour de l'atelier" still ranks days)."""
        tokens = tokenize(text)
        lang = text_language(text)
        for n, token in enumerate(tokens):
            if token.surface in forms:
                after = [t for t in tokens[n + 1 : n + 6] if not is_stopword(t)][:3]
                keys = [self.index.text_keys(t.surface, lang) for t in after]
                if keys and any(k.startswith("@") for k in keys[0]):
                    # "the first GLO.ACT training session": a name before what is ranked.
                    after, keys = after[1:], keys[1:]
                keys = keys[:2]
                if keys and wanted & keys[0]:
                    return True
                # "a second police training" ranks trainings, as the question reads it; "the
                # first training session" ranks sessions.
                if (
                    len(keys) == 2
                    and wanted & keys[1]
                    and (TRAINING in keys[1]) != (TRAINING in keys[0])
                    and after[0].surface not in _DAYS
                ):
                    return True
        return False

    def _figures_rule(self, i: int, kind: Kind | None, stated: frozenset[int]) -> str | None:
        """What the question's own figures rule out (see the two rules below)."""
        if kind is Kind.MEMBERS:
            return self._counts_others(i, stated)
        return self._figure_not_new(i, stated)

    def _counts_others(self, i: int, stated: frozenset[int]) -> str | None:
        """ "Which seven states ...?" is not answered by a list of what 25 countries did, nor
        by "safe, secure and humane": the fact must count the things it lists as asked."""
        features = self.index.features[i]
        if (
            stated
            and not stated.issubset(features.figures)
            and features.listed not in stated
            and not (min(stated) == 2 and features.paired)
        ):
            return "does not count " + ", ".join(str(v) for v in sorted(stated)[:2])
        return None

    def _why_not(
        self,
        i: int,
        kind: Kind | None,
        coverage: float,
        strong_missing: bool,
        missing: Sequence[str],
        query_concepts: Set[str],
        counted: frozenset[str] = frozenset(),
        counted_text: Sequence[str] = (),
        implied: frozenset[str] = frozenset(),
    ) -> str | None:
        """None when fact `i` answers the question; otherwise a short reason. `implied`:
        countries the question's bodies belong to, no other country unless named."""
        features = self.index.features[i]
        if strong_missing:
            return "does not mention " + ", ".join(missing[:3]) if missing else "too far"
        if coverage < self.thresholds.min_coverage and (
            missing or coverage < self.thresholds.held_coverage
        ):
            return "does not cover: " + ", ".join(missing[:4])
        if features.has_title and kind is not Kind.TITLE:
            # A fact giving a document's title answers what the title is, nothing else
            # ("GLO.ACT: what does it stand for? I keep tripping over it in the UNODC
            # release" is not answered by the release's title).
            return "gives a document's title"
        # ("When does the first session kick off?": an event's day is when it began.)
        if (
            kind is not None
            and not kind.holds(features, query_concepts)
            and not (kind is Kind.START and self._gives_day(i))
        ):
            return kind.lacks
        if (
            implied
            and not features.countries - query_concepts - implied
            and not features.named_countries - query_concepts
        ):
            return Kind.COUNTRY.lacks  # (`implied` is only read for a country asked)
        if counted and counted.isdisjoint(features.counted):
            return "gives no figure for " + ", ".join(sorted(counted_text)[:2])
        return None


#: "what does DGSN stand for": the word written right before "stand(s) for".
_STANDS_FOR = lazy(
    # (The verb is looked at, not taken: "que signifie HNP ?" reads on past "que".)
    r"\b(?P<before>[\w.]+)\s+(?=(?:(?:actually|really|exactly)\s+)?(?:stands?\s+for|veut\s+dire|"
    r"signifie|short\s+for|en\s+toutes\s+lettres)\b)|"
    r"\bsigle\s+(?:de\s+|du\s+|des\s+)?(?:l['’]\s*|la\s+|le\s+)?(?P<after>[\w.]+)|"
    # "que signifie HNP ?", "que veut dire la PNH ?": the letters after the verb, last.
    r"\b(?:signifie|veut\s+dire)\s+(?:l['’]\s*|la\s+|le\s+|les\s+)?(?P<last>[\w.]+)\W*$"
)
#: The ordinal words, folded: "second", "troisieme", "3rd".
_ORDINAL_WORDS = "|".join(sorted(w for forms in ORDINALS for w in forms))
#: A rank, first and last included: "where was the first one held?".
_RANKED = lazy(r"\b(?:first|1st|premiere?|last|derniere?|" + _ORDINAL_WORDS + r")\b")
#: "the second session", "la troisième formation": a rank in a series.
#: (Or asked for: "which later attacks ...?".)
_THE_RANK = lazy(
    r"\b(the|la|le|l)\s+("
    + _ORDINAL_WORDS
    + r")\b|\b(which|what|quels|quelles)\s+(later|subsequent|ulterieur\w*)\b"
)


_TITLES = PERSON_TITLES
#: "Ms. Oufroukhi's first name", "first name of Ms. Oufroukhi", "le prénom de Mme Oufroukhi".
_FIRST_NAME = lazy(
    rf"\b(?:{_TITLES})\.?\s+(?P<a>[A-ZÀ-Ý][\w-]+)(?:['’]s)?\s+(?:first|given|full|christian)\s+name\b|"
    r"\b(?:first|given|full|christian)\s+name\s+(?:of\s+)?(?:the\s+)?(?:\w+\s+){0,3}?"
    rf"(?:{_TITLES})\.?\s+(?P<b>[A-ZÀ-Ý][\w-]+)|"
    rf"\b(?:prénom|prenom|nom complet)\s+(?:de\s+)?(?:{_TITLES})\.?\s+(?P<c>[A-ZÀ-Ý][\w-]+)|"
    # "Ms. Oufroukhi is quoted in the story - what's her first name?"
    rf"\b(?:{_TITLES})\.?\s+(?P<d>[A-ZÀ-Ý][\w-]+)\b.*\b(?:her|his|son|sa)\s+"
    r"(?:(?:first|given|full|christian)\s+name|prénom|prenom|nom\s+complet)\b",
    re.IGNORECASE,
)


def _given_name_before(question: str) -> tuple[str, re.Pattern[str]] | None:
    """When a first name is asked for, the surname and what finds a first name in a fact:
    a capitalised name (not a title) before it. Made once a question, tried on each fact."""
    # Every way of asking holds "name" or "(pre)nom" (most questions: none). Ignoring case,
    # a regex reads a character as n, a, m, e or o only when it lowers to that letter (see
    # `bot.core.text.lowering_ignores_case`), so the lower-cased text holds them too.
    if "name" not in (low := question.lower()) and "nom" not in low:
        return None
    m = _FIRST_NAME.search(question)
    if m is None:
        return None
    surname = next(g for g in m.groups() if g)
    given = re.compile(rf"\b(?!(?:{_TITLES})\b)[A-ZÀ-Ý][\w’'-]+\s+{re.escape(surname)}\b")
    return surname, given


#: The words setting a year apart: "other than 2003, which years ...?" asks of the others.
_APART_WORDS = r"other\s+th[ae]n|besides|apart\s+from|aside\s+from|à\s+part|hormis|autres?\s+que"
_YEAR = r"((?:19|20)\d\d)\b"
#: A side of a year: "before 2011", "since 2011", "avant 2011", "depuis 2011", "other than 2003".
_SIDE = lazy(
    r"\b(before|prior to|until|avant|jusqu'en|after|since|from|après|apres|depuis|"
    + _APART_WORDS
    + r")\s+"
    + _YEAR,
    re.IGNORECASE,
)
#: "After the May 2003 attacks, in which years did further attacks hit?": the year of an
#: event the question dates things after, read only beside a word asking for later ones
#: (`_LATER`): "what did Morocco do after the November 2015 attacks?" asks of that month.
_SIDE_OF_EVENT = lazy(
    r"\b(after|since|après|apres|depuis|(?:that\s+|which\s+)?(?:followed|following)|"
    + _APART_WORDS
    + r")\s+(?:(?:(?:the|les?|la|l'|ceux\s+de|celles?\s+de|those\s+of|the\s+ones?\s+(?:of|in))\s*)?"
    r"(?:(?:\d{1,2}(?:st|nd|rd|th|er)?\s+)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|fev|févr|avr|mai|juin|juil|aout|"
    r"août)[a-zéû]*\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?)?"
    # ("after Casablanca in 2003": the event by its place, the year after it.)
    r"|(?:the\s+)?(?-i:[A-Z])[\w-]+\s+(?:(?:in|en)\s+)?)" + _YEAR,
    re.IGNORECASE,
)
_OTHER_YEAR = lazy(r"\b(?:" + _APART_WORDS + r")\s+" + _YEAR, re.IGNORECASE)
_A_YEAR_IN = lazy(r"\b" + _YEAR)
#: The words of things coming after: "further / later attacks", "d'autres attaques".
_LATER_WORDS = r"further|later|subsequent|other|autres|nouveaux|nouvelles|ult[ée]rieur\w*"
_LATER = CaseBlind.compile(
    r"\b(?:" + _LATER_WORDS + r"|subsequently|next|again|new|more|nouveau|suivants?|"
    # ("les attentats après ceux de 2003": those of 2003 are not the ones asked.)
    r"suivantes?|encore|ceux\s+de|celles?\s+de|those\s+of|the\s+ones?\s+(?:of|in))\b"
)
#: Later things asked for: "which later attacks ...?", "quelles autres attaques ...?".
_WHICH_LATER = CaseBlind.compile(r"\b(?:which|what|quels|quelles)\s+(?:" + _LATER_WORDS + r")\b")
#: Things asked as coming after an event: "which attacks came after May 2003?" (not "what
#: did Morocco do after the November 2015 attacks?", which asks of that month).
_CAME_AFTER_VERB = (
    r"(?:came|come|happened|occurred|followed|struck|hit|took\s+place|ont\s+suivi|"
    r"sont\s+survenu(?:e|es|s)?|ont\s+eu\s+lieu)"
)
_CAME_AFTER = CaseBlind.compile(
    # (Things named: not "what came after the 2003 attacks in terms of policy?")
    r"\b(?:which|what|quels|quelles|quel|quelle)\s+(?!" + _CAME_AFTER_VERB + r"\b)\w+"
    r"(?:\s+\w+)?\s+" + _CAME_AFTER_VERB + r"\s+(?:after|après|apres)\b"
)
#: The number of a month by the first letters of its name, English or French, folded.
_MONTH_PREFIXES = (
    ("jan", 1),
    ("feb", 2),
    ("fev", 2),
    ("mar", 3),
    ("apr", 4),
    ("avr", 4),
    ("may", 5),
    ("mai", 5),
    ("juin", 6),
    ("jun", 6),
    ("juil", 7),
    ("jul", 7),
    ("aug", 8),
    ("aou", 8),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
)
#: The kinds asking who did something.
_WHO_KINDS = frozenset({Kind.BODY, Kind.ACTOR, Kind.PERSON})
#: Words a draft's claim quotes: 'the draft says the attacks "targeted government
#: buildings"', « ne suivre que des cours magistraux ».
_QUOTED = lazy(r"[\"“«]\s*[^\"“”«»]{2,80}?\s*[\"”»]")
#: A French possessive pointing back ("son titre", "sa fonction"): not among the pointers
#: of a reading ("son" and "sa" are too short to be told from typos there).
_HER_FR = lazy(r"\b(?:son|sa|ses)\s+\w", re.IGNORECASE)
#: A word written with a capital: a name, in a context ("Eurídice Márquez est présentée ...").
_CAPITALISED = lazy(r"\b[A-ZÀ-Ý][^\W\d_]+")
#: "two other bureaus", "deux autres bureaux": things listed beside one already named.
_N_OTHERS = lazy(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|deux|trois|quatre|cinq|[2-9])\s+"
    r"(?:other|others|autres)\b",
    re.IGNORECASE,
)
#: What a comparison is made with follows "than": "less often than training".
_THAN = lazy(r"\b(?:than|que)\b")
_BEFORE = frozenset({"before", "prior to", "until", "avant", "jusqu'en"})
_AFTER = frozenset({"after", "après", "apres"})
#: "Other than 2003, which years ...?": not that year.
_OTHER_THAN = lazy(_APART_WORDS, re.IGNORECASE)


#: A word that reads as a verb or an adverb ("underpinning", "inked", "roughly"): unknown
#: to the fact base, it says how something is asked, not what (unknown nouns do).
_INFLECTED = lazy(r"\w{4,}(?:ing|ed|ly)$")
#: ... and in French, a feminine past participle ("la session organisée par ..."), folded.
_PARTICIPLE_FR = lazy(r"\w{3,}ees?$|\w{2,}(?:ront|raient|rait)$")
#: Two words or more written with a capital, one after the other: a name ("Champions
#: League", "Zorglub Foundation"). (One such word alone is too often an adjective of
#: place, "Western", "Soviet", or the first word of a sentence.)
_NAME_RUN = lazy(r"[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*)+")


def _written_as_names(question: str, words: Sequence[str]) -> list[str]:
    """The `words` (folded) that `question` writes inside a name of two capitalised words
    or more, but for the first word of a sentence: "champions" and "league" in "who won
    the Champions League final?"."""
    found = []
    for run in _NAME_RUN.finditer(question):
        before = question[: run.start()].rstrip()
        names = run.group().split()
        if not before or before[-1] in ".?!:;":
            names = names[1:]  # "Champions League ..." opening a sentence: "League" still
        for name in names:
            folded = fold(name).replace("’", "'")
            if folded in words and folded not in found:
                found.append(folded)
    return found


#: "... or ...", "... ou ..." ("où", where, keeps its accent here), not "or so / or more".
_OR = lazy(r"\s(?:or|ou)\s(?!(?:so|more|less|not|plus|moins|pas)\b)")


def _near_a_guess(features: FactFeatures, guessed: frozenset[int]) -> bool:
    """Whether a fact gives a figure of the order of those guessed (a tenth of the least
    to ten times the most): 13 for "12 or 15", 2,800 for "2000 or 3000". (A figure in
    words with "million" is read as its first word: the march's "one million" is 1, no
    answer to "100,000 or half a million?".)"""
    low, high = min(guessed) / 10, max(guessed) * 10
    return any(low <= figure <= high for figure in features.figures)


def _names_beside(slots: Sequence[Slot], guesses: frozenset[str]) -> bool:
    """Whether a question names something besides the values it guesses and the kind it
    asks ("the CNDH training, Casablanca or Marrakech?"; not "2003 or 2004? which day?")."""
    return any(s.text not in guesses and s.concept not in _KIND_GROUPS for s in slots)


def _other_side(
    choice: tuple[str, frozenset[str]],
    slots: Sequence[Slot],
    idf: Sequence[float],
    coverage: float,
    lacks: tuple[str, ...],
    either: bool,
) -> tuple[float, tuple[str, ...]]:
    """Coverage and missing words once the other side of a choice is credited: the fact
    holds the word before "or" and none of the words after it (or, when `either` side
    may be held, a figure or a name, the side after "or" and not the one before)."""
    held, other = choice
    missing = set(lacks)
    if not other:
        return coverage, lacks
    if held in missing and other.isdisjoint(missing) and either:
        # "on Feb 14 or Feb 24?": a fact giving the 24th answers; the 14th is credited.
        # ("did the FBI or DHS sponsor ...?": the fact naming DHS; the FBI is credited.)
        other, held = frozenset({held}), next(iter(other))
    elif held in missing or not other <= missing:
        return coverage, lacks
    total = sum(idf)
    coverage += sum(w for s, w in zip(slots, idf, strict=True) if s.text in other) / total
    return coverage, tuple(text for text in lacks if text not in other)


def _sides(text: str) -> tuple[tuple[str, str], ...]:
    """The sides of years `text` names: (("before", "2011"),) for "before 2011";
    "after 2019" is past 2019, "since 2011" from 2011 on."""
    if "19" not in text and "20" not in text:
        return ()  # no year, no side of one (most questions)
    return tuple(
        (
            "before"
            if m.group(1).lower() in _BEFORE
            else "after"
            if m.group(1).lower() in _AFTER
            else "other"
            if _OTHER_THAN.match(m.group(1))
            else "since",
            m.group(2),
        )
        for m in _SIDE.finditer(text)
    )


#: The end of the event `_SIDE_OF_EVENT` names: a mark, or the question's own words.
_EVENT_END = lazy(r"[,;:?.!]|\b(?:in|on|which|what|when|did|was|were|has|have|en|quelles?|quand)\b")


_WORD = lazy(r"[\w'’-]+")


def _before_words(question: str) -> frozenset[str]:
    """The words (folded) of the event a question asks after: "the May 2003 attacks" in
    "after the May 2003 attacks, in which years ...?"."""
    words: set[str] = set()
    for m in _SIDE_OF_EVENT.finditer(question):
        tail = question[m.end() : m.end() + 60]
        end = _EVENT_END.search(tail)
        # (Its words without their marks: "the May 16, 2003 attacks" holds "16".)
        words.update(
            _WORD.findall(
                fold(m.group(0)[len(m.group(1)) :] + " " + tail[: end.start() if end else 0])
            )
        )
    return frozenset(words)


#: "the next training after Casablanca", "la prochaine session après l'atelier de
#: Casablanca": what comes after it, never it.
_NEXT_CUE = CaseBlind.compile(r"\b(?:next|prochaine?s?|suivante?s?)\b")
_NEXT_AFTER = lazy(
    r"\b(?:next|following|prochaine?s?|suivante?s?)\b[^?]{0,60}?\b(?:after|après|apres)\s+"
    r"(?P<what>[^?,.;]{1,50})",
    re.IGNORECASE,
)


def _names_any(fact: Fact, names: Sequence[str]) -> bool:
    """Whether the fact's answer (or its place) writes any of `names` (folded)."""
    text = fold(" ".join((fact.answer, fact.answer_fr or "", fact.where or "")))
    return any(re.search(r"\b" + re.escape(name) + r"\b", text) for name in names)


def _asked_sides(question: str, kind: Kind | None) -> tuple[tuple[str, str], ...]:
    """The sides of years `question` asks of: `_sides`, and when it asks when later things
    happened, the year of the event it asks after ("after the May 2003 attacks")."""
    if "19" not in question and "20" not in question:
        return ()  # no year, no side of one and no event dated (most questions)
    sides = _sides(question)
    later = kind in _WHEN_KINDS and bool(_LATER.search(question))
    if later or _CAME_AFTER.search(question):
        # ("later": things asked as coming after it, dated or not, to the month.)
        after = "after" if later else "later"
        for m in _SIDE_OF_EVENT.finditer(question):
            side = "other" if _OTHER_THAN.match(m.group(1)) else after
            month = _month_named(m.group(0)) if side == "later" else None
            sides += ((side, f"{m.group(2)}-{month}" if month else m.group(2)),)
    return sides


def _month_named(text: str) -> int | None:
    """The number of the first month `text` names ("after the May 2003 attacks": 5)."""
    for word in fold(text).split():  # (a month in full, or cut short: "sept.", "juil")
        for prefix, number in _MONTH_PREFIXES:
            if word.startswith(prefix) and (word in MONTHS or len(word.rstrip(".")) <= 4):
                return number
    return None


@dataclass(frozen=True, slots=True)
class _SlotFacts:
    """What the matcher reads of one slot alone, kept by the slot (`Matcher._slot_facts`)."""

    slot: Slot  # (held, so no other object has its id while this is kept)
    kids: tuple[int, ...]  # the ids of its keys some fact holds
    weight: float  # `scoring.slot_idf`
    roles: tuple[str, ...]  # `role_key` of each of its words (a tuple: a set costs 4x more)


@dataclass(frozen=True, slots=True)
class _Asked:
    """What the rules check a fact against, read once from the question."""

    kind: Kind | None
    concepts: Set[str]
    counted: frozenset[str]
    counted_text: tuple[str, ...]
    stated: frozenset[int]
    ranks: tuple[tuple[frozenset[str], Slot], ...]
    spans: tuple[tuple[str, str], ...]  # ("before", "2011"): a side of a year the question asks
    unknown_blocks: bool
    unknown: tuple[str, ...]
    event: str | None = None  # what happened: "founded" in "when was the lab founded?"
    #: The surname whose first name is asked for, and what finds one in a fact.
    first_name: tuple[str, re.Pattern[str]] | None = None
    #: The keys of what the question names, but for names most facts mention ("Morocco").
    named: frozenset[str] = frozenset()
    #: The question asks for a day, not a month or a year ("on which days", "date exacte").
    wants_day: bool = False
    #: The question asks for a month, which a year does not give ("which month was it?").
    wants_month: bool = False
    #: "Where in Morocco ...?": the place asked is in this one ("@morocco").
    within: str | None = None
    #: "Where are the five academies?": the things counted are asked for by their places.
    places_listed: bool = False
    #: "How many ... in total / en tout?": a total, not a figure per unit.
    in_total: bool = False
    #: "Which hotel / what venue hosted ...?": a venue, not the city it is in.
    wants_venue: bool = False
    #: "Which body issued the lab's certification?": who grants, not who helped get it.
    wants_grantor: bool = False
    #: The countries the bodies asked about belong to, when the question names a country
    #: and asks for another (see `Matcher._why_not`).
    implied: frozenset[str] = frozenset()
    #: The bodies the question sets aside ("besides the EU, which agencies ...?"): a fact
    #: naming no others as doing it tells the asker nothing new.
    excluded: frozenset[str] = frozenset()
    #: What the question asks the founding of ("when was the DGSN created?": "@dgsn"): a
    #: fact must say it was founded, not that it founded something.
    founding: frozenset[str] = frozenset()
    #: Whether any rule past `Matcher._why_not` may say no (set in `__post_init__`): most
    #: questions hold nothing those rules check.
    more: bool = field(init=False, default=True)

    def __post_init__(self) -> None:
        more = bool(
            self.stated
            or self.spans
            or self.ranks
            or self.event is not None
            or self.first_name
            or self.kind in _WHEN_KINDS
            or self.wants_day
            or self.wants_month
            or self.within
            or self.places_listed
            or self.in_total
            or self.wants_venue
            or self.wants_grantor
            or self.unknown_blocks
            or self.excluded
            or self.founding
        )
        object.__setattr__(self, "more", more)


#: "besides the EU, ...", "apart from Brussels and the UN drugs office, which ...", "à
#: part l'UE": bodies set aside, up to where the question goes on.
_EXCLUDING = lazy(
    r"\b(?:besides|apart\s+from|aside\s+from|other\s+than|except(?:\s+for)?|in\s+addition\s+to|"
    # (not "beyond": "multiply its effect beyond Morocco" is outside it)
    r"à\s+part|(?:^|(?<=[,;:]\s))a\s+part(?!\s+of\b)|en\s+dehors\s+d(?:e|u|es)|hormis|outre|"
    r"en\s+plus\s+d(?:e|u|es)|"
    r"autres?\s+que)\s+(?P<aside>[^?.!;,]{1,60}?)"
    r"(?=[?.!;,]|\s+(?:which|what|who|how|quel|quels|quelle|quelles|qui)\b|$)",
    re.IGNORECASE,
)
#: A question asking yes or no: "did Belgium also ...?", "la Belgique a-t-elle ...?" (not
#: "are there other agencies ...?", which asks for them).
_ASKS_YES_OR_NO = lazy(
    r"(?:^|[,:;]\s*)(?:did|does|do|is|are|was|were|has|have|had|can|could|will|would|"
    r"est-ce)\b(?!\s+there\b)|-t-(?:il|elle|ils|elles)\b",
    re.IGNORECASE,
)
_EXCLUDING_CUE = CaseBlind.compile(
    r"besides|apart|aside|other\s+than|except|addition|part\b|dehors|hormis|outre|"
    r"plus\s+d|autres?\s+que"
)
#: "On which days ...?", "what day", "the exact date", "quels jours", "date exacte": a day
#: is asked, which a month ("July 2018") does not give.
_A_DAY = lazy(
    r"\b(?:which|what|quels?|quelles?)\s+(?:exact\s+)?(?:days?|jours?)\b|"
    r"\bexact\s+(?:date|day)s?\b|\bdates?\s+exactes?\b|\bjours?\s+exacts?\b"
)
#: "In total", "altogether", "en tout": a count of everything, not per unit.
_IN_TOTAL = lazy(
    r"\b(?:in total|total number|altogether|all told|overall|en tout|au total|nombre total|"
    # "... have across all of Morocco's courts of appeal?": all of them together.
    r"across all|across the whole|dans toutes les|dans tous les|sur l['’]ensemble)\b"
)
#: The words of "what role does X play / quel rôle joue X".
_ROLE_FRAME = frozenset(Kind.ROLE.triggers) | {"play", "plays", "played", "joue", "jouent", "jouer"}
#: Entity kinds whose role is what they do.
_BODIES = frozenset({"institution", "country"})
#: A person in a question: a title or a personal pronoun ("Ms. X's role", "her job").
_PERSON_CUE = lazy(
    rf"\b(?:{_TITLES})\b\.?|\b(?:he|she|his|her|him|son|sa|ses)\b|"
    # "Caroline Frieh-Chevalier's position": a name in capitals and lower case, possessive.
    r"(?-i:\b[A-Z][a-z][\w-]*['’]s\b)",
    re.IGNORECASE,
)

#: "Which hotel / what venue / in which building ...?", "dans quel hôtel ...?".
_A_VENUE = lazy(
    r"\b(?:which|what|quel|quelle|dans quel|in which)\s+(?:hotel|venue|building|hotels|venues|"
    r"buildings|batiment|lieu exact)\b"
)
#: What names a venue in an answer: "a regional training center in Tiflet".
_VENUE = lazy(
    r"\b(?:hotel|centers?|centres?|institutes?|academy|academies|school|headquarters|hall|"
    r"building|palace|university|campus|base|hôtel|centre|institut|académie|école|siège)\b",
    re.IGNORECASE,
)

#: Who grants something, asked: "which body issued / granted / accredited ...?", "qui a
#: délivré la certification ?" (read for the kinds asking for a body or a person).
_GRANTOR_ASKED = CaseBlind.compile(
    r"\b(?:which|what|who|quel|quelle|quels|quelles|qui)\b[^?]{0,60}?\b(?:"
    r"grant(?:s|ed|ing)?|accredit(?:s|ed|ing)?|certif(?:y|ies|ied)|award(?:s|ed|ing)?|"
    r"confer(?:s|red)?|d[ée]livr[ée]\w*|d[ée]cern[ée]\w*|"
    # ("who issued the 2012 guide?" asks who wrote it: issuing is granting only of these)
    r"issu(?:e|es|ed|ing)\s+(?:[\w'’-]+\s+){0,4}?(?:certif\w*|status|accreditation|"
    r"licen[cs]es?|awards?))\b"
)
#: The granter named by what it does, whatever the question's kind: "DNA lab
#: certification 2018: accrediting body?", "l'organisme certificateur ?".
_GRANTER_NAMED = CaseBlind.compile(
    r"\b(?:accrediting|certifying|granting|awarding)\s+(?:body|bodies|agency|"
    r"organi[sz]ation|authority|institution)\b|\borganisme\s+(?:certificateur|accr[ée]diteur)\b"
)
#: Granting in a fact: "The United States granted Morocco ...", "certified by ..." (not a
#: certification obtained).
_GRANTS = CaseBlind.compile(
    r"\b(?:grant(?:s|ed)?|issued|accredit(?:s|ed)|award(?:s|ed)|confer(?:s|red)|"
    r"certif(?:ies|ied)|d[ée]livr[ée]\w*|accord[ée]\w*|d[ée]cern[ée]\w*)\b"
)
#: Words after a figure that make it one per unit: "two prosecutors per court".
_PER = frozenset({"per", "each", "every", "par", "chaque"})
#: An answer about one of a series: "The first CNDH-DGSN session was to bring together 20 ...".
_ONE_OF_A_SERIES = lazy(
    r"^\W*(?:the\s+|la\s+|le\s+)?(?:first|second|third|fourth|fifth|premier|premi[eè]re|"
    r"deuxi[eè]me|troisi[eè]me)\b",
    re.IGNORECASE,
)

#: "Where are / où sont ...": a list asked for by where its things are.
_WHERE_ARE = lazy(r"\b(?:where|wheres|ou)\s+(?:are|were|r|sont|etaient|se trouvent)\b")
#: "Where in Morocco ...?", "où au Maroc ...?": the place after it (two words at most:
#: "where in the United States").
_WHERE_IN = lazy(
    r"\b(?:where|ou|whereabouts)\s+(?:in|au|en|dans)\s+(?:the\s+|le\s+|la\s+|l\s+)?"
    r"(?P<place>\w+(?:\s+\w+)?)"
)


#: "Which month was it?", "in what month and year", "quel mois exactement": a month is
#: asked, which a year ("in 2018") does not give.
_A_MONTH = lazy(r"\b(?:which|what|quel|quelle)\s+(?:exact\s+)?(?:month|mois)\b|\bexact\s+month\b")


def _asks_a_month(folded: str) -> bool:
    """Whether `_A_MONTH` finds a month asked for in `folded` (most questions name none)."""
    return ("month" in folded or "mois" in folded) and bool(_A_MONTH.search(folded))


def _asks_a_day(folded: str) -> bool:
    """Whether `_A_DAY` finds a day asked for in `folded`: each of its ways holds "day",
    "jour" or "date" (most questions: none), so only then is the pattern tried."""
    return ("day" in folded or "jour" in folded or "date" in folded) and bool(_A_DAY.search(folded))


#: "Which American police forces are ...?", "what topics did ... cover?": several things
#: asked for by a plural (a word in -s after "which / what", then a verb).
_SEVERAL = lazy(
    r"^\W*(?:which|what|quels|quelles)\s+(?:\w+\s+){0,2}?"
    r"(?!(?:years|months|weeks|days|dates|hours|times)\b)\w+[^s\W]s\s+"
    r"(?:are|were|have|had|did|do|does|sont|ont|etaient)\b"
)


def _asks_for_several(question: str) -> bool:
    """Whether `_SEVERAL` finds several things asked for in `question`."""
    return _SEVERAL.search(fold(question)) is not None


def _asks_a_venue(folded: str) -> bool:
    """Whether `_A_VENUE` finds a venue asked for in `folded` (each of its ways holds one
    of these words: most questions hold none, and the pattern is tried only then)."""
    return (
        "hotel" in folded
        or "venue" in folded
        or "building" in folded
        or "batiment" in folded
        or "lieu exact" in folded
    ) and bool(_A_VENUE.search(folded))


#: A body named by one of the nouns a question asking which body uses ("prison agency").
_BODY_NOUN = lazy(r"\b" + BODY_NOUNS + r"s?\b")
#: "what kind of institution ...?": the sort of thing asked, no word of it.
_SORT_OF = frozenset({"kind", "sort", "type"})


def _near(fact: Fact, close: Sequence[Match]) -> bool:
    """Whether `fact` is one of the `close` facts, or on one of their bodies."""
    return any(
        m.fact.id == fact.id or not set(m.fact.entities).isdisjoint(fact.entities) for m in close
    )


def _names_a_month(word: str) -> bool:
    """Whether a word as written names a month, in full or short ("Sept.", "déc")."""
    folded = fold(word).strip(".,;:!?")
    return folded in MONTHS or SHORTHAND.get(folded) in MONTHS or folded in _MONTH_SHORTS


#: Short month names no shorthand expands ("sept", "janv", "fev" ...).
_MONTH_SHORTS = frozenset({"sept", "janv", "fev", "fevr", "avr", "juil", "dec"})


def _is_month(word: str) -> bool:
    """Whether `word` is a month's name, marked as a date's or not ("marchmonth", "july")."""
    return word.removesuffix(MONTH_MARK) in MONTHS


def _shares(
    slots: Sequence[Slot], idf: Sequence[float], kept: Callable[[Slot], bool]
) -> dict[str, float]:
    """The `kept` slots' shares of the question's weight, by text (for `_credited`)."""
    total = sum(idf)
    return {s.text: w / total for s, w in zip(slots, idf, strict=True) if kept(s)}


def _credited(
    coverage: float, lacks: Sequence[str], shares: Mapping[str, float]
) -> tuple[float, tuple[str, ...]]:
    """`coverage` and `lacks` once the words of `shares` a fact lacks count as held (each
    its share of the question's weight): words a fact need not say to answer."""
    coverage += sum(shares.get(text, 0.0) for text in lacks)
    return coverage, tuple(text for text in lacks if text not in shares)


#: The group of "changed / amended": how a thing changed, which a growth also says.
_CHANGED = named_group("amended")


#: The order a list question opens on: "name the three sectors ...".
_ORDER_WORDS = frozenset({"name", "list", "cite", "nomme", "citez"})
_ORDER = lazy(
    r"^\W*(?:name|list|cite|nomme|citez)\s+(?:the|a|an|all|any|some|les|la|le|l|des|tous|"
    r"toutes|two|three|four|five|six|seven|deux|trois|quatre|cinq|\d+)\b",
    re.IGNORECASE,
)
#: The words of a count that name nothing counted: "what's the number?".
_NUMBER_WORDS = frozenset({"number", "numbers", "count", "figure", "total", "nombre", "chiffre"})

#: Kinds whose answer a message's context may give for another thing ("I have Casablanca
#: for the second training; where was the first?").
_GIVEN_KINDS = frozenset({Kind.PLACE, Kind.CITY, Kind.DATE})

#: Kinds asking when something happened or began.
_WHEN_KINDS = frozenset({Kind.DATE, Kind.START})
#: The kinds a place answers.
_WHERE_KINDS = frozenset({Kind.PLACE, Kind.CITY, Kind.COUNTRY, Kind.REGION})
#: The kinds a figure answers: a count (of members too), an amount, a year, a length.
_FIGURE_KINDS = frozenset(
    {Kind.COUNT, Kind.MEMBERS, Kind.MONEY, Kind.DATE, Kind.START, Kind.END, Kind.DURATION}
)
#: The kinds of one value a source states, the same whoever publishes it.
_VALUE_KINDS = _FIGURE_KINDS | {Kind.PERSON}
#: Groups that say which kind of answer is asked ("what year"), not what happened.
_KIND_GROUPS = frozenset({"~year", "~date", "~month", "~day", "~time"})


#: The second half of "state-level", "high-level": it says at what level the things counted
#: are, never what they are ("how many state-level departments ...?" counts departments).
_SCALE = frozenset({"level", "levels"})

#: After "how many", a phrase of place or extent, not a thing counted: "ILEAs, how many
#: around the world?", "combien au total ?"; or a verb, the thing counted said before it
#: ("ILEAs: how many does INL run?", "how many has it trained?"), or the others of it
#: ("... with 40 other countries. How many others were there?").
_COUNTED_ELSEWHERE = lazy(
    r"(around|across|in|at|on|over|within|worldwide|globally|altogether|"
    r"dans|au|aux|en|a travers|partout|"
    # ("The academies INL runs: how many of them are there worldwide?": those said before)
    # (not a part of them: "how many of them did the training in the US?")
    r"(?P<said_before>" + "|".join(sorted(COUNTED_BEFORE)) + r"|others|"
    r"(?:of\s+(?:them|those|these)\s+)?(?:are|were)\s+there))\b"
)


#: A name made a manner ("FBI-style", "American-like"): the question asks about
#: something like it, not about it.
_LIKE_A_NAME = lazy(r"[\w.]+-(?:style|like|type)\b", re.IGNORECASE)
#: "migration-focused", "terrorism-related": the word before the dash says what about.
_ABOUT_THAT = lazy(
    r"(?<=\w)-(?:focused|focussed|centred|centered|oriented|related|themed)\b", re.IGNORECASE
)
#: How the asker wants the answer put ("in one line", "in a nutshell", "en gros"): no
#: fact need say it.
#: A word every way of `_HOW_TO_ANSWER` holds (most questions hold none).
_HOW_TO_ANSWER_CUE = CaseBlind.compile(
    r"line|sentence|word|nutshell|short|brief|gros|bref|resume|résumé|ligne|phrase|mot|list"
)
_HOW_TO_ANSWER = CaseBlind.compile(
    r"\b(?:one[- ]liner|one\s+line(?!\s+of\b))\b|"
    r"\b(?:in|en)\s+(?:one|a|une|un|deux|two|a\s+few|quelques)\s+(?:line|sentence|word|words|"
    r"ligne|phrase|mot|mots)\b|\bin\s+(?:a\s+)?nutshell\b|\bin\s+(?:short|brief)\b|\bbriefly\b|"
    r"\ben\s+(?:bref|gros|resume|résumé)\b|"
    # "... will IPPOS train? pls list", "list them pls": a list asked for, as the question says
    r"(?:^|[?!.]\s*)(?:list|list\s+them|as\s+a\s+list|in\s+a\s+list)\W*$"
)
#: How a date is wanted, told after the question: "years are enough", "(month and year)",
#: "just the year", "l'année suffit".
_DATE_WANTED = CaseBlind.compile(
    r"\b(?:years?|dates?|l['’]ann[ée]e|les\s+ann[ée]es|la\s+date)\s+(?:is\s+|are\s+|would\s+be\s+)?"
    r"(?:enough|fine|ok|okay|good|suffit|suffisent|suffira)\b|"
    r"\(\s*(?:month\s+and\s+year|mois\s+et\s+ann[ée]e|year|ann[ée]e)\s*\)|"
    r"\bjust\s+the\s+(?:years?|dates?)\b"
)
#: A French past participle: "tenu", "signée", "formés", "prévues".
_FRENCH_PARTICIPLE = r"\w+(?:é|ée|és|ées|u|ue|us|ues|i|ie|is|it)\b"
#: The "bien" of a French question checking a claim, after its verb: "le mandat prévoit bien
#: 14 000 policiers ?", "la session a bien eu lieu à Rabat ?" (not "très bien", "bien des",
#: "bien que", "le bien").
_CONFIRMING_BIEN = (
    # (The word looked for before its lookbehinds: they ran at every word.)
    r"(?=bien\s)(?<=\w\s)(?<!\btrès\s)(?<!\btres\s)(?<!\bsi\s)(?<!\baussi\s)(?<!\bassez\s)"
    r"(?<!\bou\s)(?<!\ble\s)(?<!\bun\s)(?<!\bles\s)(?<!\bdes\s)(?<!\bdu\s)(?<!\bde\s)"
    r"(?<!\bmais\s)(?<!\btout\s)(?<!\bfort\s)(?<!\beh\s)bien\s+(?=\d|(?:le|la|les|l['’]|un|une|du|au|"
    r"aux|à|en|été|eu|ce|cette|ces|dans|sur|pour|par|avec|lui|elle|eux|cela|ça|ca)\b|"
    # (a past participle after "avoir" or a reflexive: "s'est bien tenu", "a bien signé";
    # not "sont bien formés", "est bien équipé": well trained, well equipped)
    r"(?:(?<=\ba\sbien\s)|(?<=\bont\sbien\s)|(?<=\bavait\sbien\s)|(?<=\bavaient\sbien\s)|"
    r"(?<=['’]est\sbien\s)|(?<=\bse\ssont\sbien\s))" + _FRENCH_PARTICIPLE + ")"
)
#: The words of checking a claim, which no fact need hold: "is that right?", "is it true
#: that ...", "the actual year", "which looks off".
#: Before "right" as a tag: no word that makes it a right named ("a fundamental right",
#: "human right", "its right") or a thing correct ("is right", "so right").
_NO_RIGHT_NAMED = (
    r"(?<!\bthe)(?<!\ba)(?<!\bis)(?<!\bare)(?<!\bwas)(?<!\bbe)(?<!\bhuman)"
    r"(?<!\bnot)(?<!\bso)(?<!\bbasic)(?<!\bfundamental)(?<!\bconstitutional)(?<!\blegal)"
    r"(?<!\bequal)(?<!\bcivil)(?<!\bits)(?<!\btheir)(?<!\bher)(?<!\bhis)"
)
_CHECK = lazy(
    r"\b(?:is|was)\s+(?:that|this|it)\s+(?:right|rite|correct|true|accurate)\b|"
    # "quiz item 3: 'INL began ... in 2013.' True or false?", "Vrai ou faux : ...": a
    # statement to check, as a quiz puts it.
    r"\btrue\s+or\s+false\b\s*\??|\bvrai\s+ou\s+faux\b\s*[?:]?|"
    # "my colleague is sure it was signed in 2013, is he right?": the colleague's claim
    r"\b(?:is|was)\s+(?:he|she)\s+(?:right|correct)\b|\bare\s+they\s+(?:right|correct)\b|"
    # "... since 2010. does that sound right?"
    r"\b(?:(?:does|do)\s+)?(?:that|this)\s+(?:sounds?|looks?|seems?)\s+(?:right|correct|accurate|ok|okay)\b|"
    # "..., this is correct? how many really": the claim, checked.
    r"(?<=[,;:.!?-])\s*(?:this|that|it)\s+is\s+(?:right|correct|true|accurate)\b|"
    # "... since 2010 -- or was it another year?", "in March 2015, or was it a different
    # month?": the claim doubted, checked.
    r"\bor\s+(?:was|is)\s+it\s+(?:another|a\s+different|some\s+other)\s+(?:year|month|date|"
    r"day|place|city|number|figure)\b\s*\?*|"
    # "..., vous confirmez ? C'est combien en vrai ?": checking, in French.
    r"\b(?:vous\s+confirmez|tu\s+confirmes|confirmez-vous|confirmes-tu)\b\s*\?*|"
    # "... trained 28,000 since 2008, or fewer?": the figure offered, doubted.
    r",?\s+or\s+(?:fewer|less|more|lower|higher)\s*\?|,?\s+ou\s+(?:moins|plus)\s*\?|"
    # "... 25 prosecutors were trained'. Is 25 right?"
    r"\b(?:is|was)\s+\d[\d,.]*\s+(?:right|correct|accurate)\b|"
    # "..., was that 2014?", "that was 2016 (if I recall)?": the figure after it is the
    # asker's, checked.
    r"(?:^|(?<=[,;:.!?-]))\s*(?:was|is)\s+(?:that|it)(?=\s+(?:in\s+)?\d)|"
    r"\bthat\s+was(?=\s+(?:in\s+)?\d)|"
    # "... in 2008. that right?", "can you confirm that number?", "can u double check the
    # range?", "correct me if that's off", "quick sanity check".
    r"(?:^|(?<=[.,;:!?-]))\s*(?:that|this)\s+(?:right|correct|true|accurate)\b|"
    r"\b(?:can|could|pls|please)\s+(?:you\s+|u\s+)?(?:(?:kindly|please|pls|just|quickly)\s+)?"
    r"(?:confirm|double[- ]?check|verify|check)(?:\s+(?:that|this|the|my|our))?"
    r"(?:\s+(?:number|figure|amount|range|date|year|total|count|name))?\b|"
    r"\bcorrect\s+me\s+if\s+(?:that['’]?s|thats|that\s+is|it['’]?s|i['’]?m)\s+(?:off|wrong)\b|"
    r"\b(?:sanity|quick)\s+check\b|"
    r"\b(?:is|was)\s+it\s+(?:really\s+)?(?:right|true|correct|accurate)(?:\s+that)?\b|"
    # "... signed on 14 September 2021, yes?": the tag asking whether the claim holds.
    r"(?<=[,;:\"'»”’.-])\s*(?:yes|yeah|right|correct|no|non|oui|hein|vrai|"
    r"n['’]est-ce\s+pas|c['’]est\s+[çc]a)\s*\?+(?:\s*$|"
    # "... in 2011, correct? If not, what year?": the tag, then the question asked.
    r"(?=\s+(?:if|otherwise|else|and|or|so|then|what|which|when|where|who|how|in|on|at|sinon|et|ou|"
    r"alors|quel|quelle|quand|o[uù]|qui|combien|en|si|c['’]est|c['’]était)\b))|"
    # "the bcij was set up in 2017 right what month and year was it really": dictated, the
    # tag after the figure, then the question.
    r"(?<=\d)\s+(?:right|correct)\s+(?=(?:what|which|when|how|where|who)\b)|"
    # ("... in Rabat in july 2018 right?? or somewhere else?": the tag after the figure)
    r"(?<=\d)\s+(?:right|correct)\s*\?+|"
    # ("... in spring 2016. is that right? what was it actually?": the tag after any word,
    # then the question; not a right named: "does it protect a fundamental right? which")
    r"(?<=\w)" + _NO_RIGHT_NAMED + r"\s+(?:right|correct)\s*\?+(?=\s+(?:or|what|which|who|whom|"
    r"whose|who['’]s|when|where|why|how|if)\b)|"
    # ("... il date de quelle année 2012 c'est ça": the French tag after the figure, at the
    # end, dictated or not)
    r"(?<=\d)\s+c['’]est\s+[çc]a\s*\?*\s*$|"
    # "... wasn't signed until 2019, right? trying to fix a timeline": the tag, then why.
    r"(?<=[,;:\"'»”’])\s*(?:right|correct)\s*\?+(?=\s+\w)|"
    # "... wasn't approved until after 2016, was it?": the tag of a claim put in the negative.
    # (of being: "didn't co-chair ... before 2016, did they?" asks whether it did)
    r"\b(?:is|was|were|are)n['’]?t\b[^?]{1,120},\s*(?:is|was|were|are)\s+"
    r"(?:it|they|he|she|that|there)\s*\?|"
    # "... signed in 2021, wasn't it?", "they trained 300 officers didn't they?"
    r"\s(?:is|was|were|are|did|does|do|has|have|had|will|would)n['’]?t\s+"
    r"(?:it|they|he|she|that|there)\s*\?*\s*$|"
    # "... covers 15 countries, right": the tag, typed without its question mark.
    r"(?<=[,;:-])\s*(?:right|correct)\s*$|"
    # "GLO.ACT is run by UNODC right": the tag typed without its marks (not "on the right",
    # "is right", "a fundamental right", "human right").
    # (The tag looked for first: the lookbehinds ran at every character.)
    r"(?=\s+(?:right|correct)\s*$)(?<![,;:-])" + _NO_RIGHT_NAMED + r"\s+(?:right|correct)\s*$|"
    # "Am I right that ...?", "c'est bien le NYPD qui ...?", "est-il vrai que ...?": the
    # claim checked, no right or good asked of it.
    r"\bam\s+i\s+(?:right|correct|wrong)(?:\s+(?:that|in\s+thinking(?:\s+that)?))?\b|"
    r"\bc['’]est\s+bien\b|\best-ce\s+bien\b|" + _CONFIRMING_BIEN + "|"
    # (The inversion's pronoun already gone: "est-il vrai que" is read "est vrai que".)
    r"\b(?:est(?:-(?:ce|il))?|c['’]est)\s+(?:vrai|exact)\s+qu(?:e\b|['’])|"
    # ("the actual signing date": a word between)
    r"\b(?:actual|actualy|real|right|correct|corect|true)\s+(?=(?:[a-z]+\s+)?(?:years?|dates?|days?|figures?|figs?|numbers?|nbrs?|names?|range|"
    r"amount|total|count|title|role|position|job|post)\b)|\b(?:which|that|it)\s+looks\s+(?:off|wrong)\b|"
    # "... but that looks way too high", "that seems too low": the figure doubted.
    r"\b(?:but\s+)?(?:(?:which|that|it|this)\s+)?(?:looks|seems|sounds)\s+(?:way\s+|far\s+|"
    r"much\s+|a\s+bit\s+|a\s+little\s+)?too\s+(?:high|low|big|small|much|many|few)\b",
    re.IGNORECASE,
)
#: People at a course, asked what they do there (`_PEOPLE_DOING`).
_TRAINEES = r"(?:the\s+|les\s+)?(?:participants?|participantes|trainees?|attendees?|stagiaires?)"
_PEOPLE_DOING = lazy(
    r"\b(?:what|wat)\s+(?:else\s+)?(?:will|do|does|did|would|are|is)\s+(?P<who>"
    + _TRAINEES
    + r")\s+"
    r"(?:actual+y\s+|really\s+|exactly\s+|concretely\s+|be\s+)?(?:do|doing)\b|"
    # "what will ppl actually do in the training?": the people at a course (not at a
    # centre: "what do people do at the Tiflet centre?").
    r"\b(?:what|wat)\s+(?:else\s+)?(?:will|would)\s+(?P<ppl>people|ppl)\s+"
    r"(?:actual+y\s+|really\s+|exactly\s+|concretely\s+|be\s+)?(?:do|doing)\b"
    r"(?=\s+(?:in|at|during)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:training|course|session|workshop)s?\b)|"
    r"\b(?:que|qu['’]est-ce\s+que)\s+(?:vont\s+faire|feront|font)\s+"
    r"(?:concr[èe]tement\s+|exactement\s+|vraiment\s+)?(?P<fr>" + _TRAINEES + r")\b|"
    r"\b(?P<fr2>" + _TRAINEES + r")(?P<of>\s+(?:de\s+la|du|des|de)\s+[^?,.]{1,40}?)?"
    r"\s+(?:vont\s+(?:y\s+)?faire|feront|font)\s+quoi\b",
    re.IGNORECASE,
)
_DOING_CUE = CaseBlind.compile(r"\bdo(?:ing)?\b|\bfaire\b|\bferont\b|\bfont\b")
_TRAINEES_NAMED = lazy(r"\b(?:participants?|trainees?|attendees?)\b", re.IGNORECASE)
_THEY_DOING = lazy(
    # (What they will do, in a course ahead: "what are they doing in Haiti?" asks what a
    # body does.)
    r"\b(?:what|wat)\s+(?:else\s+)?(?:will|would)\s+they\s+"
    r"(?:actual+y\s+|really\s+|exactly\s+|concretely\s+)?(?:be\s+)?(?:do|doing)\b",
    re.IGNORECASE,
)


def _doing_asked(match: re.Match[str]) -> str:
    """ "what will participants do" -> "what activities will participants do"."""
    if match.group("who"):
        return f"what activities {match.group('who')} do"
    if match.group("ppl"):
        return "what activities participants do"  # (the people taking part)
    # ("les participants de la formation CNDH-DGSN vont faire quoi": the course kept.)
    return (
        f"quelles activités des {match.group('fr') or match.group('fr2')}{match.group('of') or ''}"
    )


_WHAT_IT_DOES_FR = lazy(r"\b(?:que|qu['’]est-ce\s+que)\s+fait\b", re.IGNORECASE)
_WHAT_IT_GETS_CUE = CaseBlind.compile(r"\s(?:get|buy)")
_WHAT_IT_GETS = lazy(
    r"\b(?:what|wat|wht)\s+(?:does|do|did|will|would|can|could)\s+(?P<who>[^?]{1,60}?)\s+"
    r"(?:actually\s+|really\s+|exactly\s+)?(?:get|gets|buy|buys)\s+"
    # (what it gets someone, or out of something: not "what did they get trained on?")
    r"(?=(?:out\s+of|from|in\s+return|morocco|morroco|rabat|the\s+kingdom|(?-i:[A-Z])\w+)\b)",
    re.IGNORECASE,
)
#: "#" for "number of", in curt messages: "Tangier training - # prosecutors attended?" (a
#: space after it: "#general" is a channel).
_HASH_NUMBER = lazy(r"(?:^|(?<=\s))#\s+(?:of\s+)?(?=[^\W\d_])")
#: A thing set aside by "not the ...", "pas celle de ...", in a clause of its own that more
#: of the message follows: "Not the 2014 framework, the earlier trade deal: ...", "(pas
#: celle de Tanger)", "? not the FBI one, the DHS one". (Not a clause ending the message,
#: "BCIJ - not the main counterterrorism body?", which is what is asked; not past "but":
#: "not the total but those trained in Rabat".)
_NOT_THE = lazy(
    r"(?:^|(?<=[,;:(—–])|(?<=[,;:(—–?!.]\s)|(?<=\s[-–—]\s))\s*(?:but\s+|mais\s+)?(?:not|pas)\s+"
    r"(?:the|that|this|those|celle|celui|ceux|celles|le|la|les)\b"
    r"(?:(?!\s(?:but|mais)\b)[^,;:?!()—–.]|\.(?=\S)){1,60}?"
    r"(?=\s*\)|\s*(?:[,;:(—–]|[.?!]+\s|\s-\s)\W*\w)",
    re.IGNORECASE,
)
_NOT_THE_CUE = CaseBlind.compile(r"\b(?:not|pas)\s+(?:th|c|l)")
#: A gap left to fill: "set up in ____", "the EU and [?]".
_BLANK = r"(?:(?<!_)_{2,}|\[\s*\?*\s*\])"
#: A gap ending a clause after "in", "since": a year ("adopted in ____.", "depuis ____"), or
#: a town after "is in", "based in" ("is headquartered in ____ (city)").
_BLANK_IN = lazy(
    r"\b(?P<where>(?:is|are|was|located|based|held|headquartered|situ[ée]e?s?|bas[ée]e?s?)\s+)?"
    r"(?P<prep>in|since|en|depuis|d[èe]s)\s+"
    + _BLANK
    + r"(?=\s*(?:$|[^\w\s]|(?:which|and|et|qui)\b))",
    re.IGNORECASE,
)
#: A gap before an amount's unit: "$___ million", "____ millions d'euros", "___ %" (not
#: "___ years in prison", a penalty's length as the context asks it).
_BLANK_COUNTED = lazy(
    r"(?P<currency>[$€]\s*)?"
    + _BLANK
    + r"(?=\s*(?:million|millions|billion|milliards?|percent|per\s+cent|pour\s+cent|%)(?!\w))",
    re.IGNORECASE,
)


def _blanks_asked(question: str, language: str) -> str:
    """A sentence left with a gap to fill, asked as the question it is: "the Judicial Reform
    Charter was approved in ____" asks in what year, "is located in ____" in which town,
    "$___ million" how much money, "___ %" how many. (Other gaps are left as they are:
    before a noun, a gap may be a figure or a word, "for ___ pre-trial detainees".)"""
    french = language == "fr"

    def year_or_town(found: re.Match[str]) -> str:
        if found.group("where") and found.group("prep").lower() in ("in", "en"):
            return found.group("where") + ("dans quelle ville" if french else "in which town")
        return f"{found.group('where') or ''}{found.group('prep')} " + (
            "quelle année" if french else "what year"
        )

    def how_much(found: re.Match[str]) -> str:
        if found.group("currency"):
            return "combien d'argent, en" if french else "how much money, in"
        return "combien de" if french else "how many"

    question = _BLANK_IN.sub(year_or_town, question)
    return _BLANK_COUNTED.sub(how_much, question)


#: "that law": the law the context names, pointed at ("this", "cette", "ce" are pointers of
#: their own, `has_pointer`).
_THAT_LAW = lazy(r"\bthat\s+(?:law|code|text|act|bill)\b", re.IGNORECASE)
#: "the one", "that one", "the other ones": a pronoun.
_THE_ONE = lazy(
    # (Not after a rank: "the second one" is what `_ranks` reads.)
    r"\b(the|that|this|other|same)\s+ones?\b"
    # (not the number: "the one hundred officers", "the one-year programme")
    r"(?![\s-]+(?:hundred|thousand|million|year|month|week|day|time)s?\b)(?!-)",
    re.IGNORECASE,
)
#: A year said in words may be in the message ("twenty fifteen", "deux mille dix-huit").
_SPOKEN_YEAR_CUE = CaseBlind.compile(r"thousand|twenty|mille")
#: A figure said in words (`spoken_figures`): most messages hold none.
_SPOKEN_FIGURE_CUE = CaseBlind.compile(r"\b(?:" + SPOKEN_FIGURE_WORDS + r")\b")
#: A claim checked by a tag before it: "Vrai ? « ... »", "True? ...", "Is this right: ...".
_TAG_FIRST = lazy(
    r"^\W*(?:is\s+(?:this|that|it)\s+|c['’]est\s+|est-ce\s+)?(?P<tag>right|correct|true|"
    r"accurate|vrai|exact|juste)\s*[?:]+[\s«»\"'“”‘’]*(?P<claim>.+?)[\s«»\"'“”‘’.?]*$",
    re.IGNORECASE | re.DOTALL,
)


def _tag_last(message: str) -> str:
    """ "Vrai ? « X »" -> "X, vrai ?": the tag where a claim checked has it."""
    found = _TAG_FIRST.match(message)
    if found is None:
        return message
    tag = "vrai" if found.group("tag").lower() in ("vrai", "exact", "juste") else "right"
    return f"{found.group('claim')}, {tag} ?"


#: The asker's own guess, which the answer may well contradict: "... i think it was the
#: senate??", "- on terrorist financing, I think?", "is it 5", "UNCAC? something like that",
#: "Le Moyen-Orient, il me semble ?", "je pensais aux preuves numériques mais je ne suis
#: pas sûre".
_GUESS = lazy(
    "|".join(
        (
            # "- on terrorist financing, I think?", "La loi 17-14, je crois ?": a word
            # offered, then the doubt.
            # ("... the training was early October 2018 I think? What were the dates?"; not
            # the question's own verb: "when was the BCIJ created I think?")
            r"(?:[—–]|\s-|,|(?<=[?.!])|\b(?=(?:on|in|at|about|from|by|for|sur|en|au|aux)\s)|"
            r"(?<!\bwhen )(?<!\bwhere )(?<!\bhow )(?<!\bwhat )(?<!\bwho )(?<!\bwhy )(?<!\bwhich )"
            r"(?<=\s)(?=(?:was|were)\s))"
            r"\s*[^,—–?.!]{1,50}?,?\s+"
            r"(?:i\s+think|i\s+believe|i\s+guess|iirc|je\s+crois|je\s+pense)\s*\?+",
            # "i think it was the senate??" (Not "I think it was a different agency, which
            # one?": no guess, a question.)
            r"\b(?:i\s+think|i\s+thought|i\s+believe|i\s+guess|i\s+reckon|iirc)\s+"
            r"(?:it\s+(?:was|is|['’]s)|that\s+it\s+(?:was|is)|they\s+(?:were|are)|it\s+might\s+be)"
            r"\s+(?!(?:a\s+|an\s+)?(?:different|another|other|not|someone|somebody)\b)"
            r"[^?.!,…]{1,50}(?:[?.!…]+|$)",
            # "i keep mixing it up with the police side", "I keep mixing up the years of
            # ...", "je confonds toujours ...": the asker's confusion, not what is asked.
            # "I keep confusing it with the 2011 constitution", "je le confonds avec le
            # Forum mondial": what the asker mixes it up with is not asked about.
            r"\bi\s+(?:keep\s+|always\s+|often\s+)?(?:confusing|confuse|mixing\s+up|mix\s+up)"
            r"\s+(?:it|them|this|that|these|those)\s+with\s+[^.?!,]{1,40}",
            r"\bje\s+(?:le|la|les|l['’])\s*(?:confonds|m[ée]lange)\s+(?:toujours\s+|souvent\s+|"
            r"tout\s+le\s+temps\s+)?avec\s+[^.?!,]{1,40}",
            # "is that the DGSN or something else?", "c'est la DGSN ou autre chose ?"
            r"\b(?:is|was)\s+(?:that|it|this)\s+[^?.!,]{1,40}?\s+or\s+(?:something|someone|"
            r"somebody|another\s+[\w-]+)(?:\s+else)?\s*\?*|\bc['’]est\s+[^?.!,]{1,40}?\s+ou\s+"
            r"(?:autre\s+chose|quelqu['’]un\s+d['’]autre|un\s+autre\s+[\w-]+|une\s+autre\s+[\w-]+)"
            r"\s*\?*",
            r"\bi\s+(?:keep|always)\s+(?:mixing|getting)\s+(?:it|them|this|these)\s+"
            r"(?:up|mixed\s+up|confused)(?:\s+with\s+[^.?!,]{1,40})?",
            r"\bi\s+(?:keep|always)\s+(?:mixing\s+up|confusing|forgetting|getting\s+confused"
            r"\s+(?:about|over|by))\b",
            r"\bje\s+(?:confonds|m[ée]lange)\s+(?:toujours|tout\s+le\s+temps|souvent)\b",
            # "...? I only remember something to do with money.": what the asker recalls,
            # after the question (before it, it may be what the question points back to).
            r"(?<=\?)\s*i\s+(?:only\s+|just\s+|vaguely\s+)?(?:remember|recall)\b[^?]*$",
            r"(?<=\?)\s*je\s+me\s+souviens\b[^?]*$",
            # "- 2008 and 2012 maybe?", "en 2016 peut-être ?"
            r"(?:[—–]|\s-|,)\s*[^,—–?.!]{1,40}?\s+(?:maybe|perhaps|peut-[êe]tre)\s*\?+",
            # "where was the first training held, was it casablanca too": the place offered.
            r",\s*(?:was|is)\s+it\s+(?:in\s+|at\s+)?[\w.-]+\s+(?:too|also|as\s+well)\s*\?*\s*$",
            # "Le Moyen-Orient, il me semble ?", "signé quand, en 2021 il me semble"
            r"(?:^|(?<=[?.!]))\s*[^,?.!]{1,50},\s*il\s+me\s+semble\s*\?*",
            r",\s*[^,?.!]{1,30}?\s+il\s+me\s+semble\s*\?*",
            # "je pensais aux preuves numériques mais je ne suis pas sûre"
            r"\bje\s+(?:pensais|pense|croyais|crois)\s+(?:à|a|aux|au|que|qu['’])[^.?!…]*?"
            r"(?=\bmais\b|[.?!…]|$)",
            r"\bmais\s+je\s+ne\s+suis\s+(?:pas\s+)?s[ûu]re?s?\b[^.?!]*[.?!]?",
            # "J'avais retenu 15 mais ça me paraît peu", "J'ai répondu « un seul »", "j'avais
            # noté 2014", "j'avais dit une cinquantaine": what the asker wrote down or said;
            # "I'd have guessed about ten".
            r"\bj['’](?:avais|ai)\s+(?:noté|note|retenu|répondu|repondu|écrit|ecrit|mis|compris)"
            r"\s+(?:«[^»]{1,50}»|[^.?!,«]{1,40}?)(?=\s+(?:mais|et)\b|[.?!…,]|$)",
            # (said, a figure only: not "j'ai dit que ...", a claim opened)
            r"\bj['’](?:avais|ai)\s+dit\s+(?:une?\s+)?(?:\d[\d,.]*|\w+aine)\b",
            r"\bmais\s+(?:ça|ca|cela)\s+me\s+(?:paraît|parait|semble)\b[^.?!]*",
            r"\bi(?:['’]?d|\s+would)\s+have\s+(?:guessed|said|thought)\b[^.?!]*[.?!]?|"
            r"\bmy\s+guess\s+(?:is|was|would\s+be)\b[^.?!]*[.?!]?",
            # "prévue pour le 14 février, ou je confonds ?", "on the 14th, or am I
            # misremembering?": the figure doubted with the doubt.
            r"(?:\b(?:le|la|les|l['’]|en|à|au|in|on|at|the|pour\s+le)\s+)?(?:[\w-]+\s+)?[\w-]+,?"
            r"\s+(?:ou\s+je\s+(?:confonds|me\s+trompe|m['’]embrouille)|or\s+am\s+i\s+"
            r"(?:misremembering|mixing\s+(?:it|things|them)\s+up|wrong|confusing\s+\w+))\s*\?*",
            # "c'était à Casablanca ou ailleurs ?", "in Rabat or somewhere else?"
            r"\b(?:(?:à|a|au|en|in|at)\s+)?[\w-]+\s+(?:ou\s+ailleurs|or\s+(?:somewhere|somwhere|"
            r"elsewhere|someplace)(?:\s+else)?)\b",
            # "like 12 or so", "about 50 or so?": a figure offered, roughly.
            r"\b(?:like|maybe|around|about|roughly|approx\w*|some)?\s*\d[\d,.]*\s+or\s+so\b\s*\?*",
            # "signé en 2016 ou plus tôt ?", "in 2016 or earlier?": the year doubted, asked.
            r"\b(?:en|in)\s+(?:19|20)\d\d\s+(?:ou\s+(?:plus\s+t[ôo]t|plus\s+tard|avant|après|"
            r"apres)|or\s+(?:earlier|later|before|after))\s*\?",
            # "certified in 2016 or 2017?? which year was it": the years offered, asked.
            r"\b(?:en|in)\s+(?:19|20)\d\d\s+(?:ou|or)\s+(?:en\s+|in\s+)?(?:19|20)\d\d\s*\?+",
            # "combien de procureurs ... une trentaine non": the figure offered for a yes.
            r"\s(?:une?\s+|la\s+|le\s+|l['’]|en\s+)?(?!ou\b)[\w'’.-]+,?\s+non\s*\?*\s*$",
            # "... couvre combien de pays au total, une quinzaine ?": a round figure offered.
            r",\s*(?:une?\s+)?(?:dizaine|douzaine|quinzaine|vingtaine|trentaine|quarantaine|"
            r"cinquantaine|soixantaine|centaine)\s*\?+\s*$",
            r"\bsomething\s+like\s+['\"‘“].{1,60}?['\"’”](?=\W|$)",
            # "... under which convention? UNCAC?", "where did they train, Colombia?": a word
            # offered after the question.
            r"(?<=\?)\s*[\w.-]{2,20}\s*\?+\s*$|"
            r",\s*(?-i:[A-Z][\w.-]{1,20})\s*\?+\s*$",
            r"[^?.!,]{1,30}\?\s*(?:something\s+like\s+that|or\s+something(?:\s+like\s+that)?)\b",
            # "was it closer to 50 or to 100?": two figures offered.
            r"\b(?:(?:was|is)\s+it\s+)?closer\s+to\s+\d[\d,.]*\s+or\s+(?:to\s+)?\d[\d,.]*\s*\?*",
            # "Options: 2001 / 2005 / 2011", "A) 25 B) 70 C) 170": a quiz's answers offered.
            r"\b(?:options?|choices?|choix|propositions?)\s*:\s*[^.?!]*",
            # (after the question: "a) when was the BCIJ set up? b) ..." asks two things)
            r"(?<=\?)\s*a\)\s*[^()?!]{1,30}?\s+b\)\s*[^()?!]{1,30}?(?:\s+c\)\s*[^()?!]{1,30}?)?"
            r"(?:\s+d\)\s*[^()?!]{1,30}?)?\s*$",
            # "27-15 or smth?", "27-15 ou un truc du genre ?": the word offered, roughly.
            r"\s[\w.-]+\s+or\s+(?:smth|sth|smthg|something)\s*\?*\s*$",
            r"\s[\w.-]+,?\s+ou\s+(?:un\s+truc\s+du\s+genre|qqch|quelque\s+chose)"
            r"(?:\s+(?:comme\s+[çc]a|du\s+genre))?\s*\?*\s*$",
        )
    ),
    re.IGNORECASE,
)
#: "how many prosecutors went to the workshop, abt 30?", "maybe 5?": a figure offered
#: roughly at the end of a question (`_without_guess` reads it only after a question word).
_ROUGH_FIGURE_OFFERED = lazy(
    r",?\s+(?:abt|about|around|maybe|approx\.?|roughly|~|environ|peut-[êe]tre)\s*\d[\d,.]*\s*\?+\s*$|"
    # "how many police ... as of dec 2013, 1800??": the figure offered, plainly, doubted
    # (one mark may ask of it: "how many agreements with Tunisia, 100?" stays asked).
    r",\s*\d[\d,.]*\s*\?{2,}\s*$",
    re.IGNORECASE,
)
#: "when did Morocco set up the BCIJ, was it 2014 or 2016??" (its "was it" read as a
#: check first), "... créé quand, c'était 2014 ou 2016 ?": two years offered after a
#: question asking when (not "Later attacks in Morocco, 2007 or 2011?", which asks them).
_YEARS_OFFERED = lazy(
    r"(?P<asked>\b(?:when|whn|wen|(?:what|wat|which)\s+(?:year|yr)|quand|quelle\s+ann[ée]e)\b[^?]*?)"
    r"(?:\bc['’]?[ée]tait(?:\s+en)?\s+|,\s*)(?:19|20)\d\d\s+(?:ou|or)\s+(?:en\s+|in\s+)?"
    r"(?:19|20)\d\d\s*\?+",
    re.IGNORECASE,
)
#: "En quelle année ... ? En 2007 ?": a year or place offered after a question asking it
#: (after a yes-or-no question, "Were there attacks after 2003? In 2007?", it is asked).
_OFFERED_AFTER = lazy(r"(?<=\?)\s*(?:en|in|on|au)\s+[\w.-]{2,20}\s*\?+\s*$", re.IGNORECASE)
#: "... how many, is it 5", "wich police force on forensics is it the gendarmerie": a
#: figure or a name offered after a question (`_without_guess` reads it only after a
#: question word; "cndh training is it held in casablanca" asks it, and so does the verb
#: of "the GCTF, which year was it set up").
_GUESS_AFTER_QUESTION = lazy(
    r"(?<=[\w?])(?<!\bwhen)(?<!\bwhere)(?<!\bhow)(?<!\bwhy)(?<!\bwhat)(?<!\bwho)"
    r"(?:,\s*|\s+)(?:is|was)\s+it\s+(?=(?:the|a|an)\s|\d|(?-i:[A-Z])|"
    # (one word, no verb, with no question mark: "from which country was it france")
    r"(?![\w-]+(?:ed|ing)\b|(?:held|set|run|made|done|built|put|up|on|in|at|to|for|by)\b)"
    r"[\w.-]+\s*$)"
    r"(?:[\w.,-]+\s+){0,2}?[\w.,-]+\s*\?*\s*$",
    re.IGNORECASE,
)
_GUESS_CUE = CaseBlind.compile(
    r"\bit\s+(?:\S+\s+)?\S+\s*\??\s*$|"
    r"\b(?:think|thought|believe|guess|guessed|reckon|iirc|semble|pensais|"
    r"pense|croyais|crois|s[ûu]re?|something|j['’](?:avais|ai)|confonds|trompe|embrouille|"
    r"misremembering|mixing|wrong|confusing|ailleurs|elsewhere|somewhere|maybe|perhaps|peut|"
    r"forgetting|m[ée]lange|confuse|else|another|someone|somebody|somwhere|someplace|"
    r"or\s+so|autre|too\s*\?*\s*$|as\s+well\s*\?*\s*$|remember|recall|souviens|t[ôo]t|tard|earlier|later|"
    r"smth|sth|closer|"
    r"before|after|avant|apr[èe]s|non\s*\?*\s*$)\b|[?,]\s*[\w.-]{2,20}\s*\?+\s*$|\bnon\s*\?+\s*$|"
    r"\?\s*(?:en|in|on|au)\s+[\w.-]{2,20}\s*\?+\s*$|"
    r"\b(?:or|ou)\s+(?:in\s+|en\s+)?(?:19|20)\d\d\s*\?|"
    # ("une quinzaine ?", "environ 30 ?", "peut-être 5 ?", "ou un truc du genre")
    r"aine\s*\?|(?:abt|about|around|maybe|roughly|approx\.?|~|environ|peut-[êe]tre)\s*[\d,.]*\d"
    r"\s*\?+\s*$|truc\s+du\s+genre|qqch|quelque\s+chose\s+comme|"
    r"option|choice|choix|proposition|\b[a-d]\)"
)


#: A figure asked by its noun, not by a question word: "the number taking part in the
#: workshop, was it 21?"
_FIGURE_NAMED = lazy(r"\bthe\s+(?:\w+\s+)?(?:number|figure|count|total|headcount)\b", re.IGNORECASE)


def _guess_dropped(found: re.Match[str]) -> str:
    """A guess `_GUESS` found, dropped; but not one opening on "was" / "were" in a sentence a
    question word opens ("when exactly was the BCIJ created I think?": the question's verb)."""
    guess = found.group()
    if guess.lstrip().lower().startswith(("was ", "were ")):
        opening = max(found.string.rfind(end, 0, found.start()) for end in "?.!")
        if _WH_ASKED.search(found.string, opening + 1, found.start()):
            return guess
    # ("..., were those in 2007 or 2011?": a guess ending the message keeps its question
    # mark, which says the message asks.)
    return " ?" if guess.rstrip().endswith("?") and not found.string[found.end() :].strip() else " "


#: What the asker says a thing is not, then asks what it is: "isn't in casablanca right?
#: where ...", "It wasn't the Royal Gendarmerie that ..., was it? Which body ...?", "ce
#: n'était pas au Maroc ? Dans quel pays alors ?" (the name, up to its clause's end, and a
#: question word after it).
_DENIED = lazy(
    r"\b(?:(?:is|was|are|were)n['’]?t|(?:is|was|are|were)\s+not|n['’](?:est|[ée]tait)\s+pas)\s+"
    # (not a question put in the negative: "wasn't it opened in 2013? what's the date")
    r"(?!(?:it|they|he|she|there|that|this|we|you|i)\b)"
    r"(?:(?:in|at|by|from|au|aux|à|en|the|le|la|les|l['’])\s*){0,2}"
    r"[^\s,?.;:!]+(?:\s+[^\s,?.;:!]+){0,4}?"
    r"(?=\s*(?:[,?]|\b(?:right|that|who|qui|si|non)\b))"
    r"(?=[^?]{0,120}?(?:\?[^?]{0,80}?)?\b(?:which|what|where|who|whom|quel\w*|o[uù]|qui)\b)",
    re.IGNORECASE,
)
_DENIED_CUE = CaseBlind.compile(r"n['’]?t\s|\bnot\s|\bpas\s")


# A message's guess is taken off, then its question read again: often the same text, and
# `_GUESS` costs ~0.1 ms a text. (On `_without_guess`, keyed by the text: a match, as
# `_guess_dropped` takes, is new each time and never found again.)
@lru_cache(maxsize=64)
def _without_guess(text: str) -> str:
    """`text` without the asker's guess (`_GUESS`, and `_GUESS_AFTER_QUESTION` after a
    question word or a figure's noun)."""
    text = _YEARS_OFFERED.sub(r"\g<asked> ", reader(_GUESS, text).sub(_guess_dropped, text))
    if _WH_ASKED.search(text) or _FIGURE_NAMED.search(text):
        text = _ROUGH_FIGURE_OFFERED.sub("?", text)
        text = _OFFERED_AFTER.sub(" ", text)
        return _GUESS_AFTER_QUESTION.sub(" ", text)
    return text


#: A message checking the asker's own figure: "my draft says 2014 - is that right?", "is it
#: right that it has about 100 deals?", "my notes say 2016 which looks off".
#: Whose figure is checked, before it: "my notes say ...", "our concept note puts ...",
#: "someone on the team wrote that ...", "I've got ...", "is it still ~70 ...?" (read only
#: in a message holding a figure).
_CLAIM_INTRO = lazy(
    r"\b(?:my|our)\s+(?:(?:concept\s+)?notes?|draft|copy|text|script|version|brief|"
    r"slides?|deck|timeline|table)\s*(?:says?|said|has|had|reads?|states?|puts?|gives?|:)|"
    r"\b(?:someone|somebody|a\s+colleague)\b[^.?!]{0,30}\b(?:wrote|said|told\s+me)"
    r"(?:\s+that)?\b|"
    # "my boss thinks ...", "my colleague told me ...", "boss thinks 2012", "mon chef pense
    # que ...": whose figure, a colleague's (not "the minister said", which may be asked).
    r"\b(?:(?:my|our|the)\s+)?(?:boss|manager|supervisor|team\s+lead|coll?ea?gu?e|coworker|"
    r"co-worker|editor)(?:\s+@?\w+)?\s+(?:thinks?|thought|says?|said|told\s+me|tells?\s+me|"
    r"believes|reckons|claims|insists|wrote|is\s+sure|is\s+certain|swears)(?:\s+that)?\b|"
    r"\b(?:mon|ma|notre)\s+(?:chef|cheffe|boss|coll[èe]gue|directeur|directrice|r[ée]dac\s*chef)"
    r"\s+(?:pense|croit|dit|m['’]a\s+dit|affirme|a\s+[ée]crit)(?:\s+que|\s+qu['’])?|"
    # "i had 2006 in my draft", "<@U03ABCD12> put 2012 in the draft": a figure the draft holds.
    # (the figure and where it is go with it: "we have 12 on the slides")
    r"\b(?:(?:i|we)\s+(?:had|have|put|got)|put)\s+(?:about\s+|around\s+|like\s+|~)?\d[\d,.]*"
    r"(?:\s+[^\W\d]+){0,3}?\s+(?:in|on)\s+(?:my|our|the)\s+"
    r"(?:draft|notes?|slides?|deck|report|timeline|table)\b|"
    r"\b(?:i['’]?ve\s+got|i['’]?ve\s+written|i\s+wrote|is\s+it\s+still|"
    # "IPPOS is said to have trained some 28.000 ...": reported, the asker's to check.
    r"(?:is|are|was|were)\s+said\s+to(?:\s+have)?|"
    # "I half-remember '15,000 Moroccans ...' but that looks way too high"
    r"i\s+(?:half[- ]?|vaguely\s+)?(?:remember|recall)(?:ed)?(?=\s+['\"‘“]))\b|"
    # "d'après mes notes, le programme a formé 1 800 ...", "... fin 2013 selon ma note":
    # the asker's notes or draft, in French.
    r"\b(?:d['’]\s*apr[èe]s|selon|dans)\s+(?:mes|nos|ma|mon|notre)\s+(?:notes?|brouillon)\b",
    re.IGNORECASE,
)
#: A law's number as a slot holds it: "27-14" (of "Law 27-14", `LAW_NUMBER`).
_NUMBER_OF_LAW = lazy(r"\d+[-./]\d+")
#: A figure written in digits: what a claim checked holds (most questions hold none).
_DIGIT = lazy(r"\d")
_CLAIM = CaseBlind.compile(
    r"\b(?:my|our|the)\s+(?:draft|notes?|copy|text|script|version)\s+(?:says?|said|has|had|"
    r"reads?|states?|puts?|gives?)\b|\bdraft\s+(?:line\s+)?(?:says|has|states|claims|"
    r"describes|calls|puts|gives)\b|\bi\s+have\b|"
    r"\best-(?:ce|il)\s+(?:bien\s+)?(?:exact|vrai|juste)\b|"
    r"\b(?:mon|notre|le)\s+(?:brouillon|texte)\s+(?:dit|indique|affirme|pr[ée]tend|avance|"
    r"d[ée]crit|mentionne)\b|"
    # "... créé en 2013 ? c'était quand en fait", "... in 2014? when was it actually?": a
    # claim, then the question asking what it really was.
    # ("... in 2014? since when exactly?", "... before or after 2010? which year exactly")
    r"(?<=\?)\s*(?:so\s+|alors\s+|donc\s+)?(?:when\s+was\s+it|what\s+year\s+was\s+it|"
    r"since\s+when|(?:what|which)\s+year|depuis\s+quand|"
    r"c['’]?[ée]tait\s+quand|c['’]?[ée]tait\s+en\s+quelle\s+ann[ée]e)\s+(?:actually|really|"
    r"exactly|precisely|exactement|pr[ée]cis[ée]ment|en\s+fait|vraiment|en\s+vrai)\b|"
    # "... réunira-t-elle 30 responsables ? Combien exactement ?": a figure offered in a
    # question (not a year: "in 2008? How many?"), then asked for.
    r"\b(?!(?:19|20)\d\d\b)\d[\d,.\u00a0\u202f ]*+\b[^?]{0,80}\?\s*(?:so\s+|alors\s+)?"
    r"(?:combien|how\s+many|how\s+much|what\s+number|quel\s+nombre)"
    r"\s*(?:exactement|exactly|precisely|vraiment|really|then|alors|au\s+juste)?\s*\?*\s*$|"
    # "... signed in 2006?? CONFIRM ASAP": a year doubted (not asked of: "how many were
    # trained in 2013??").
    r"^(?:(?!\b(?:how|what|which|when|where|who|why|combien|quel|quelle|quand)\b)[^?])*"
    r"\b(?:19|20)\d\d\s*\?{2,}|"
    # "didn't INL start ... back in 2012? what year ...", "the attacks, weren't they in
    # 2004?", "Le Maroc n'a-t-il pas pris ... dès 2015 ?": a question put in the negative
    # offers the asker's figure.
    r"(?:^|(?<=[.?!:,;]))\s*(?:did|was|were|is|are|has|have|had|does|do)n['’]?t\s+\w|"
    r"\bn['’](?:a|avait|est|[ée]tait|ont|avaient)(?:-t)?-(?:il|elle|ils|elles|ce)\s+pas\b|"
    # "Has IPPOS trained more than 3,000 police peacekeepers since 2008?": a yes-or-no
    # question offering a bound, the asker's figure.
    r"^\W*(?:has|have|had|did|does|do|is|are|was|were)\b[^?]{0,80}?\b(?:more|fewer|less)\s+"
    r"than\s+\d|"
    # "mali mandate how many police was it, 1,200?": the figure offered after the question
    # (after "was it,": not "... with Tunisia, 100?", which may name what is counted).
    r"\b(?:how\s+many|how\s+much|combien|what\s+number)\b[^?]{0,80}\b(?:was|is|were)\s+"
    r"(?:it|they|there)\s*,\s*\d[\d,.\u00a0\u202f ]*\s*\?+\s*$|"
    # "Which year was the trade agreement signed, 2006?": a year offered after the question.
    r"\b(?:which|what|when|quelle|en\s+quelle)\b[^?]{0,100},\s*(?:19|20)\d\d\s*\?+\s*$|"
    # 'the article said "... 40 officials ..."? how many was it?', "« le 4 février » ? quelle
    # est la date ?": a quotation holding a figure, asked about, then a question after it.
    # (What it asks after is a figure or a date: not "« ... de 2013 ... ». De quoi ?")
    r"[«\"“][^»\"”\d]{0,200}\d[^»\"”]{0,200}[»\"”]"
    r"(?:(?!\b(?:what|which|who|how|when|where|why|quel\w*|combien|comment|quand|où)\b)"
    r"[^?]){0,80}\?\s*(?=[^?]{0,80}\b(?:how\s+many|how\s+much|combien|chiffre|nombre|number|"
    r"figure|dates?|when|quand|year|ann[ée]e|jours?|day|fourchette|range)\b)|"
    + _CLAIM_INTRO.pattern
    + "|"
    + _CHECK.pattern
)
_CHECK_CUE = CaseBlind.compile(
    r"right|correct|corect|true|accurate|actual|real|looks|seems|sounds|confirm|check|verify|"
    r"(?:was|is)\s+(?:that|it)\s|that\s+was\s|"
    r"wrong|\b(?:bien|vrai|exact|yes|yeah|no|non|oui|hein|pas|[çc]a)\b|"
    r"\b(?:or|ou)\s+(?:fewer|less|more|lower|higher|moins|plus)\b"
)
#: A figure the asker states, not one naming what they ask about: "in 2014", "about 100",
#: "say 2016"; not "the 2003 bombings", "Morocco's 2015 law".
_STATED_FIGURE = lazy(
    r"(?<!\bthe )(?<!\bits )(?<!['’]s )(?<!\btheir )(?<!\bla )(?<!\ble )(?<!\bdu )"
    r"\b(\d{1,3}(?:,\d{3})+|\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?!\d)|\d{1,3}(?:\.\d{3})+(?![.\d])|"
    r"\d+)\b(?!-\d)",
    re.IGNORECASE,
)
_A_YEAR = lazy(r"(?:19|20)\d\d")
#: A range of years of a penalty: "5-10 yrs", "5 à 10 ans".
_YEARS_RANGE = lazy(r"\b\d{1,2}\s*(?:-|to|à|a)\s*\d{1,2}\s*(?:yrs?|years?|ans)\b", re.I)
#: A range of small figures as a slot holds it: "5-10" (of "5-10 yrs", "law 14-27").
_A_RANGE = lazy(r"\b\d{1,2}-\d{1,2}\b(?!-)")
#: What separates a figure's thousands: "1,800", "1 800" (French), "28.000".
_THOUSANDS_SEP = lazy(r"[,\u00a0\u202f ]|\.(?=\d{3}(?!\d))")


def _claimed_figures(message: str) -> frozenset[str]:
    """The figures a message checking the asker's own figures states (see `_CLAIM`), and
    the law numbers ("it's Law 27-15, right?")."""
    figures = {_THOUSANDS_SEP.sub("", m.group(1)) for m in _STATED_FIGURE.finditer(message)}
    for law in LAW_NUMBER.finditer(message):
        figures.update(_NUMBER_OF_LAW.findall(law.group()))
    # ("my notes say 5-10 yrs??": a range, read as one figure; not days beside their month,
    # "ran 24-26 Sept 2018", "September 24-26")
    figures.update(
        found.group()
        for found in _A_RANGE.finditer(message)
        if not any(
            _names_a_month(word)
            for word in (
                *message[: found.start()].split()[-1:],
                *message[found.end() :].split()[:1],
            )
        )
    )
    # ("« le 4 février » ?", "« du 14 au 16 septembre 2018 » ?": days before their month,
    # which an article before them does not make the thing asked about)
    for days in _DAYS_BEFORE_A_MONTH.finditer(message):
        if _names_a_month(days.group("month")):
            figures.update(d for d in days.group("first", "last") if d)
    return frozenset(figures)


#: A day, or two, before a word that may name their month: "le 4 février", "du 14 au 16
#: septembre", "24-26 Sept".
_DAYS_BEFORE_A_MONTH = lazy(
    r"\b(?P<first>\d{1,2})(?:er)?(?:\s*(?:au|to|-|–|et|and)\s*(?P<last>\d{1,2}))?\s+"
    r"(?P<month>[^\W\d]+\.?)",
    re.IGNORECASE,
)


#: How sure the asker is, no recalling asked: "that was 2016 if I recall?", "créé en 2013
#: si je me souviens bien ?", "sauf erreur" (read off the message before it is split into
#: sentences, whose ends would cut "bien" off as talk).
_HEDGE = lazy(
    r"\bif\s+i\s+(?:recall|remember)(?:\s+(?:correctly|right|rightly|well))?\b|"
    r"\bsi\s+je\s+me\s+souviens\s+bien\b|\bsauf\s+erreur(?:\s+de\s+ma\s+part)?\b",
    re.IGNORECASE,
)
_HEDGE_CUE = CaseBlind.compile(r"recall|remember|souviens|erreur")
#: Set phrases that say nothing of what is asked: "in the first place", "at some point".
_IDIOM = lazy(
    r"\b(?:in\s+the\s+first\s+place|at\s+(?:some|one|any)\s+(?:point|stage)|"
    # "how many have left over the past several years?": lately, no years counted.
    r"(?:over|in|during)\s+the\s+(?:past|last)\s+(?:several|few|couple\s+of|many)\s+"
    r"(?:years|months)|(?:in|over)\s+recent\s+years|ces\s+derni[èe]res\s+ann[ée]es|"
    r"to\s+begin\s+with|for\s+that\s+matter|on\s+earth|"
    # "As of the mid-2010s, roughly how many ... since 2011?": a decade, the time the
    # asker places it in, no year a fact gives.
    r"(?:as\s+of\s+)?(?:the\s+)?(?:(?:early|mid|late)[\s-]*)?(?:19|20)\d0s\b|"
    # "l'année au cours de laquelle ...", "à compter de laquelle", "au titre de GLO.ACT", "à
    # titre principal": in formal French, during, from, under, chiefly (no course, no title)
    r"au\s+cours\s+(?:de\s+|du\s+|des\s+|d['’]\s*)(?:laquelle|lequel|lesquel(?:le)?s\b)?|"
    r"[àa]\s+compter\s+(?:de\s+|du\s+|des\s+|d['’]\s*)(?:laquelle|lequel|lesquel(?:le)?s\b)?|"
    r"au\s+titre\s+(?:de\s+|du\s+|des\s+|d['’]\s*)|[àa]\s+titre\s+(?:principal|exceptionnel)\b|"
    # "created right after the bombings": just after, nothing correct (not "in 2015, right
    # after which law?", a question of its own).
    r"\bright(?=\s+(?:after|before|away)\b(?!\s+(?:which|what|whom|who)\b))|"
    # "signed back in 2021": then, no going back.
    r"\bback(?=\s+(?:in|en)\s+(?:19|20)\d\d\b)|"
    # "meant to improve what for officers day to day?", "au quotidien": routinely, no day.
    r"(?:on\s+a\s+)?day[\s-]+to[\s-]+day(?:\s+basis)?|au\s+quotidien|"
    # "what's the deal with the BCIJ?": what it is, no dealings asked; "c'est lié à quoi au
    # juste ?": exactly.
    r"(?<=\bwhat['’]s\s)the\s+deal\s+with|(?<=\bwhats\s)the\s+deal\s+with|au\s+juste|"
    # (how sure the asker is: `_HEDGE`)
    + _HEDGE.pattern
    + r"|"
    # "le partenariat transsaharien piloté par les Américains": who leads it, said of the
    # one thing the question names, no leading asked (not "le TSCTP est-il piloté par ...?",
    # nor "quelles initiatives pilotées par ...?", which ask it).
    r"(?<!\best\s)(?<!\bil\s)(?<!\belle\s)(?<!s\s)\b(?:pilot[ée]e?|men[ée]e?|dirig[ée]e?)\s+"
    r"par\s+(?:les\s+)?(?:am[ée]ricains|[ée]tats-unis|etats\s+unis|washington)\b|"
    # "Vrai ou faux ?": whether the claim holds, no truth asked.
    r"\bvrai\s+ou\s+faux\b|"
    # "C'est combien en vrai ?", "c'était quand en fait": actually, said last (not "en vrai,
    # c'est qui ...?", chit-chat; no claim checked by it alone).
    r"\ben\s+(?:vrai|fait)\b(?=\s*\?*\s*$)|"
    # "the country's human rights council": Morocco's, said of what the question names.
    r"\bthe\s+country['’]s\b|"
    # "pour l'ordre du jour d'une formation": the agenda the answer goes in, no day asked
    # ("c'est quoi l'ordre du jour ?" asks the agenda).
    r"(?<!\bquoi\s)(?<!\best\s)(?<!\bwhat\s)\bl['’]ordre\s+du\s+jour|"
    # "which UN bodies will it look at in terms of Morocco's engagement?": regarding.
    r"in\s+terms\s+of|"
    # "how many prosecutors wound up taking part?": how it turned out, not what.
    r"(?:wound|winds|wind|ended|ends|end)\s+up(?=\s+\w+ing\b)|"
    # "what Morocco's approach is made of": what it consists of, no making asked.
    r"(?:(?<=\bis\s)|(?<=\bare\s)|(?<=\bwas\s)|(?<=\bwere\s))made(?:\s+up)?(?=\s+of\b)|"
    r"\bmade(?:\s+up)?(?=\s+of\W*$)|"
    # "the workshop last September": when the asker is, not a word of the fact's.
    r"(?:last|this\s+past)(?=\s+(?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december|autumn|fall|spring|summer|winter)\b)|"
    # "dans la formation, il est question de l'engagement du Maroc avec ...": it is about.
    r"il\s+est\s+question\s+(?=de\b|d['’]|du\b|des\b)|"
    # "deployed under the banner of the UN", "sous la bannière de l'ONU": under the UN.
    r"under\s+the\s+banner|sous\s+la\s+banni[eè]re|sous\s+les\s+drapeaux|under\s+the\s+flags|"
    # "formés dans le cadre du programme GLO.ACT": under the programme, no framework asked.
    r"dans\s+le\s+cadre\s+(?=de\b|du\b|des\b|d['’])|"
    # "procureurs spécialisés dans la traite", "specialised in trafficking": trafficking
    # prosecutors; no specialty asked ("the specialized prosecution office" stays).
    r"sp[ée]ciali[sz][ée]e?s?\s+(?:dans|en)\b|speciali[sz]ed\s+in\b|"
    # "l'atelier de fin septembre 2018", "late September": when in the month, not a word.
    r"(?:fin|d[ée]but|mi)[\s-]+(?=(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|"
    r"septembre|octobre|novembre|d[ée]cembre|(?:19|20)\d\d)\b)|"
    # "what is Morocco exporting to the rest of the region on the security side, when it
    # comes to policing?": to the region, about security; no rest, side or coming asked.
    r"rest\s+of(?=\s+(?:the|this|that|its|our|their)\b)|"
    # (Not "on the Moroccan side": which side is asked, named with a capital.)
    r"(?<=\bthe\s)(?P<keep>(?-i:[a-z][\w-]*))\s+side(?=\s*(?:[?.,!;:]|$))|"
    r"when\s+it\s+comes\s+to|"
    # "elle vise quoi au final ?", "in the end": what it aims at, no end asked.
    r"au\s+final|in\s+the\s+end(?=\s*[?,.!]|\s*$)|"
    # "change the way police deal with migrants": how they deal with them.
    r"(?:\bin\s+)?\bthe\s+way(?=\s+(?:that\s+)?(?!of\b|to\b|forward\b|out\b)[a-z]+\s+[a-z]+)|"
    # "quel rôle en matière de sécurité ?": as to security, no matter asked.
    r"en\s+mati[eè]re\s+(?=de\b|d['’])|"
    # "diriger la lutte sur le plan policier": on the police side, no plan asked.
    r"sur\s+le\s+plan(?=\s+(?!de\b|du\b|des\b|d['’])\w)|"
    # "why does the status matter for Morocco?": why it counts, no matter asked.
    r"(?<=\s)matters?(?=\s+(?:for|to)\b)|"
    # "why does it matter so much how the police store evidence?": why it counts.
    r"(?<=\bit\s)matters?(?:\s+so\s+much)?(?=\s+(?:how|that|what|whether|if)\b)|"
    # "where is Morocco said to carry influence?", "INL describes Morocco as ...", "le
    # Maroc est décrit comme ...": how the source puts it, which no fact says of itself.
    r"(?:is|are|was|were|be|being)\s+(?:said|described|seen|considered|regarded|portrayed|"
    r"characteri[sz]ed|presented|depicted)\s+(?=to\b|as\b)|"
    r"(?:describ|regard)(?:es|ed|e|s)?(?=(?:\s+[^?.,]{1,40}?)?\s+as\b)|said(?=\s+to\s+\w)|"
    # ("being treated by Washington as an ally"; not "trafficking is treated as a crime",
    # which a law's fact says)
    r"(?<=being\s)treated(?=(?:\s+[^?.,]{1,40}?)?\s+as\b)|"
    r"(?:est|sont)\s+(?:d[ée]crite?s?|pr[ée]sent[ée]e?s?|consid[ée]r[ée]e?s?|vue?s?)\s+(?=comme\b))",
    re.IGNORECASE,
)
#: "What part did X play in Y?": X's doing is asked ("what role ... play?" is read as
#: `Kind.ROLE`, see `_ROLE_FRAME`).
_PART_PLAYED = lazy(
    r"\b(what|which)\s+part\s+((?:did|does|do|has|have|will|would|is|was)\b.{0,80}?)\s*"
    r"\bplay(?:ed|s|ing)?\b",
    re.IGNORECASE,
)
#: "mettre le projet en œuvre": "mettre en œuvre" (implement) with its object inside.
_PUT_INTO_EFFECT = lazy(
    r"\b(met|mets|mettent|mettre|mettra|mettront|mis|mise|mises)\s+"
    r"((?:le|la|les|l['’]|ce|cet|cette|ces|son|sa|ses|leur|leurs)\s*[\w.-]+)\s+en\s+(œuvre|oeuvre)\b",
    re.IGNORECASE,
)


def _idiom_left(match: re.Match[str]) -> str:
    """What an idiom leaves of itself: nothing, or the word it keeps ("security" of "the
    security side")."""
    return " " + (match.group("keep") or "") + " "


#: "What support / help / assistance does X provide (for ...)?", "quel soutien X
#: apporte-t-il à ...": the giving verb that only says the support is given, set aside
#: when the question as asked finds no answer.
_SUPPORT_GIVEN = lazy(
    r"(?P<asked>\b(?:what|which|quel|quelle|quels|quelles)\s+(?:(?:kinds?|types?|sorts?|forms?|"
    r"genres?)\s+(?:of|de|d['’])\s*)?(?:support|help|assistance|aid|soutien|aide|appui|"
    r"soutiens|aides|appuis)\b[^?.!;:]{0,80}?)\b(?:provides?|provided|providing|offers?|offered|"
    r"gives?|gave|given|brings?|brought|extends?|extended|apporte|apportent|apport[ée]e?s?|"
    r"apportait|apportaient|apportera|offre|offrent|offert|fournit|fournissent|fourni|donne|"
    r"donnent)\b(?:\s+for\b)?",
    re.IGNORECASE,
)


def _written_as_name(words: str, text: str) -> bool:
    """Whether `words` (folded) are written in `text` with a capital, as a name is."""
    pattern = r"\b" + r"\W+".join(map(re.escape, words.split())) + r"\b"
    return any(m.group(0)[:1].isupper() for m in re.finditer(pattern, text, re.IGNORECASE))


#: A word of a date: a year or a month ("2021", "septembre").
_DATE_WORD = lazy(
    # (Not "may", as often the verb: "the BCIJ may open ...".)
    r"(?:19|20)\d\d\W*|(?:january|february|march|april|june|july|august|september|october|"
    r"november|december|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|"
    r"novembre|decembre)\W*"
)
#: A word asking what, which, who, when, where, how many: a question read as asked.
_WH_ASKED = lazy(
    r"\b(?:what|whats|which|who|whom|whose|when|where|why|how|quel|quelle|quels|quelles|qui|"
    r"quand|o[uù]|comment|pourquoi|combien|quoi|"
    # (typed in chat: "or wat topics was it", "wich one", "kel service")
    r"wat|wats|wut|wht|wen|whn|wher|wich|wch|hw|kel|kelle|kels|kelles)\b",
    re.IGNORECASE,
)
#: The kinds of names a fact may state in place of one no fact holds.
_NAMED_KINDS = frozenset({"institution", *PLACE_KINDS})
#: Kinds asked of a law: what it sets, its article, its number.
_OF_THE_LAW = frozenset({Kind.PENALTY, Kind.ARTICLE, Kind.LAW_NUMBER})
#: Kinds asked of what the context names itself, which a fact about something else the
#: question names does not answer.
_OF_WHAT_IT_NAMES = frozenset({Kind.COUNT, *_OF_THE_LAW})
#: Going somewhere, said of people or units: most questions hold none of these words.
_HEADED_CUE = CaseBlind.compile(
    r"deploy|dispatch|sent\b|send|head|bound|d[ée]ploi|envoy|partir|part\b|partent|prep|"
    r"pr[ée]par|mission"
)
#: Going somewhere: "preparing to deploy to Mali", "headed for Darfur", "prepping for
#: Mali", "la mission de maintien de la paix au Mali", "déployés au Mali".
_HEADED = lazy(
    r"\b(?:deploy\w*|dispatch\w*|sen[dt]|sending|head(?:ed|ing)?|bound|d[ée]ploi\w*|"
    r"envoy\w*|partir|part|partent|prep|prepp\w*|prepar\w*|pr[ée]par\w*|missions?)\b",
    re.IGNORECASE,
)
#: Where to, after going ("... to Mali"), or before it ("the Mali deployment").
_TO_PLACE = lazy(
    r"\b(?:to|for|into|in|au|aux|en|vers|pour)\s+(?:the\s+|le\s+|la\s+|l['’]\s*)?"
    # (A name of up to three words: "Burkina Faso", "South Sudan".)
    r"(?P<place>[^\W\d_][\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){0,2})|"
    r"\b(?P<before>[^\W\d_][\w'’-]+)\s+(?=(?:deployments?|mission)\b)",
    re.IGNORECASE,
)


#: A list of places people or units come from: "units from Togo, Senegal, Mali, and
#: Jordan", "des unités du Togo, du Sénégal, du Mali" (not "la formation du CNDH et de la
#: DGSN").
_FROM_LIST = lazy(
    r"(?:\bfrom\s+|\b(?:units|unit[ée]s|police|policiers|officers|officiers|contingents)"
    r"(?:\s+\w+)?\s+(?:du|de\s+la|des|de|d['’])\s*)"
    r"(?P<list>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?:(?:,\s*|,?\s+and\s+|,?\s+et\s+)"
    r"(?:(?:du|de\s+la|des|de|d['’])\s*)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)+)"
)


def _destinations(question: str) -> tuple[str, ...]:
    """The words `question` says people or units are headed to, folded (a place among
    them, or none)."""
    return tuple(
        fold(m.group("place") or m.group("before"))
        for m in _TO_PLACE.finditer(question)
        if m.group("before") or _HEADED.search(question, max(0, m.start() - 40), m.start())
    )


def _only_an_origin(fact: Fact, places: Sequence[str]) -> str | None:
    """A place of `places` that `fact` names only in a list of where people came from, if
    any: it is not where they were headed."""
    for text in (fact.answer, fact.answer_fr or ""):
        origins = [
            fold(w) for m in _FROM_LIST.finditer(text) for w in _WORD.findall(m.group("list"))
        ]
        if not origins:
            continue
        words = _WORD.findall(fold(text))
        for place in places:
            named = _WORD.findall(place)
            # (Named again elsewhere, it may be where they went too.)
            if named and all(w in origins for w in named) and words.count(named[0]) == 1:
                return place.title()
    return None


#: A party asked for beside another: "co-chair alongside which country?", "Morocco's
#: fellow co-chair", "avec quel autre pays", "with which other country".
_ALONGSIDE = lazy(
    r"\b(?:alongside|fellow|along\s+with|together\s+with|aux\s+c[ôo]t[ée]s|"
    # (not any "other": "which country hosted the other GCTF workshop?")
    r"(?:with|avec)\s+(?:which|what|quel|quelle)\s+(?:other|autres?)|"
    r"other\s+(?:country|countries|co[-\s]?chairs?|co[-\s]?presidents?|partners?|part(?:y|ies)|"
    r"signator(?:y|ies)|sides?)|autres?\s+pays)\b",
    re.IGNORECASE,
)
#: A question of another thing than the one named, or of how two compare: "does the CNDH
#: run a similar course with the gendarmerie?", "did they hold another march?", "is the
#: centre bigger than ...?": no wrong detail to put right.
_OTHER_ASKED = lazy(
    r"\b(?:similar|another|other|others|same|also|too|as\s+well|aussi|autres?|m[êe]me|"
    r"pareil|comparable|than|bigger|larger|smaller|more|fewer|less|plus|moins)\b",
    re.IGNORECASE,
)


def _kind_parts_joined(parts: Sequence[str]) -> list[str]:
    """The parts of a message, a part asking only for the kind of answer joined to the part
    after it ("En quel mois | et quelle année la Chambre a-t-elle ...?" is one question
    asking month and year); one with no part after it is dropped ("... the second training.
    Can you confirm the days and month?": what it asks the dates of is not in it)."""
    joined: list[str] = []
    pending = ""
    for part in parts:
        if names_only_the_kind(part):
            pending = f"{pending} {part}".strip()
        else:
            joined.append(f"{pending} {part}".strip() if pending else part)
            pending = ""
    return joined


#: A date asked around rather than checked: "after 2019", "avant 2010".
_AROUND_A_DATE = lazy(
    r"\b(?:after|before|since|until|till|beyond|past|apres|avant|depuis|jusqu)\s+(?:\w+\s+)?\d"
)
#: A preposition after which a word no fact holds reads as a name: "from romania".
_NAME_AFTER = (
    r"\b(?:from|in|of|by|with|at|de|du|des|au|aux|en|d['’])\s+(?:the\s+|la\s+|le\s+|l['’])?"
)
#: "like" before a figure: "something like 500", "like 12 or 13".
_LIKE_A_FIGURE = CaseBlind.compile(r"\blike(?=\s+(?:about\s+|around\s+)?\d)")
#: A noun naming what the words before it name, not a place: "the Merida Initiative".
_NAMING_NOUN = (
    r"\s+(?:initiatives?|partnerships?|process|forum|cent(?:re|er)|programs?|programmes?|"
    r"projects?|agreements?|accords?|pacts?|compacts?|conventions?|plans?|strateg(?:y|ies)|"
    r"networks?|alliances?|funds?|councils?|committees?|groups?|coalitions?|"
    r"declarations?|charters?|laws?|acts?|treat(?:y|ies))\b"
)
#: A question of what happened: its verb in the past.
_PAST = lazy(
    r"\b(?:did|was|were|happened|took\s+place|c['’]\s*[ée]tait|[ée]tait|[ée]taient|a\s+eu|"
    r"ont\s+eu|s['’]est|se\s+sont)\b",
    re.IGNORECASE,
)
#: The words naming a date asked in the past: "which month", "on what date".
_DATE_NAMES = frozenset({"month", "months", "mois", "date", "dates"})
#: A date asked by its word after a question word ("... and starting from which year?",
#: "en quelle année ?"), in a question whose kind is another.
_DATE_ASKED_TOO_CUE = CaseBlind.compile(r"\b(?:years?|month|date|ann[ée]e|mois)\b")
_DATE_ASKED_TOO = lazy(
    r"\b(?:(?:starting|beginning)\s+(?:from\s+|in\s+)?|a\s+partir\s+de\s+)?"
    r"(?:which|what|quel|quelle|quels|quelles)\s+"
    r"(?:year|years|month|date|annee|mois)\b"
)
#: The prepositions before a place: "in Botswana", "at the Zorblat centre", "en Tunisie".
_PLACE_AFTER = r"\b(?:in|at|inside|within|dans|en|au|aux|à)\s+(?:the\s+|la\s+|le\s+|l['’])?"
#: A question of whether a claim holds: "Was the law adopted by ...?", "am I right that
#: ...", "... 4,000 police, right?", "c'est bien au Guatemala que ...?", "visaient bien ...?".
_YES_NO = lazy(
    r"^\W*" + YES_NO_OPENING + r"|\bam\s+i\s+(?:right|correct)\b|\b(?:is|was)\s+it\s+(?:really\s+)?"
    r"(?:true|right|correct)\b|[,;:-]\s*(?:right|correct|yes|true|no)\s*\?|\b(?:is|was)\s+that\s+"
    r"(?:right|correct|true)\b|\bc['’]est\s+bien\b|\b(?:est|sont|a|ont|visaient|visait|date|datent)"
    r"\s+bien\b|" + _CONFIRMING_BIEN,
    re.IGNORECASE,
)
#: "main aim", "primary goal", "objectif principal", "principal but": the rank the asker
#: gives an aim, set aside when the question as asked finds no answer (a fact may say it:
#: "the BCIJ has principal responsibility", "sa mission principale").
_GOAL_NOUN = (
    r"aims?|goals?|objectives?|purposes?|focus|mission|intention|objectifs?|buts?|"
    r"finalit[ée]s?|vocation"
)
_MAIN_BEFORE_GOAL = lazy(
    r"\b(?:main|primary|principal|chief|overall|central|core|key|premier|premi[eè]re|"
    r"principale?s?|principaux)\s+(?=(?:" + _GOAL_NOUN + r")\b)",
    re.IGNORECASE,
)
_GOAL_THEN_MAIN = lazy(
    r"\b(" + _GOAL_NOUN + r")\s+(?:principa(?:l|le|les|ux)|premier|premi[eè]re|central|"
    r"centrale|essentiel|essentielle)\b",
    re.IGNORECASE,
)


#: A word every way of `_IDIOM` holds.
_IDIOM_CUE = CaseBlind.compile(
    r"place|point|stage|begin|matter|earth|last|past|\bup\b|banner|banni|cadre|plan|terms|drap|flags|made|right|"
    r"day|quotidien|deal|juste|ordre|recall|remember|souviens|erreur|country|recent|derni|"
    r"(?:pilot|men|dirig)[ée]e?\s+par|vrai|en\s+fait|"
    r"fin|but|mi|ciali|said|describ|seen|consider|regard|portrayed|characteri|presented|treat|"
    r"depicted|crit|sent|vue?s?\b|mati|rest|side|comes|way|final|end|question|back|cours|"
    r"compter|titre|0s\b"
)
#: "Sur quelle période court-il ?": the verb "courir" (it runs), which no court of law is.
_RUNS_FR = lazy(
    r"\b(?:court|courent|courait|couraient)-(?:t-)?(?:il|elle|ils|elles)\b", re.IGNORECASE
)
#: "Sur quelle période court le programme ?", "jusqu'à quand court-il": the verb "courir"
#: after the time asked, which no court of law is.
_RUNS_AFTER_WHEN = lazy(
    r"(\b(?:p[ée]riode|temps|quand|longtemps|ann[ée]es?|dates?))\s+"
    r"(?:court|courent|courait|couraient|courra|courront)\b",
    re.IGNORECASE,
)
#: The subject pronoun of a French question's inverted verb: "met-il", "a-t-elle", "peut-on".
_FRENCH_INVERSION = lazy(r"(?<=\w)-(?:t-)?(?:il|elle|ils|elles|on)\b", re.IGNORECASE)
#: "What kind / type / sort / style / form of X", "quel type de X": X is what is asked,
#: the frame word is not a word a fact must hold.
#: The question words asking which thing, as written in full or in chat ("wat", "kel").
_ASKING = ("what", "which", "quel", "quelle", "quels", "quelles")
_ASKING_TYPED = sorted({*_ASKING, *(typed for typed, full in SHORTHAND.items() if full in _ASKING)})
_KIND_OF = lazy(
    # (Not "quelle part des 11 millions": a share asked, `Kind.SCORE`.)
    r"\b(?!quelles?\s+parts?\b)(" + "|".join(_ASKING_TYPED) + r")\s+(?:kinds?|types?|sorts?|"
    r"styles?|forms?|manners?|parts?|aspects?|sortes?|formes?|genres?)\s+(?:of|de|d')\s*",
    re.IGNORECASE,
)
#: The verb of a French question asking what something is about, which the fact need
#: not use: "sur quoi porte la loi ?", "elle concerne quoi ?", "de quoi traite-t-elle ?".
#: Read as "about", a stop word, only when the question as asked finds no answer: the
#: verb tells a fact on a session's focus ("la session porte sur ...") from the others.
#: (Not the English "what does it focus on?": measured, it cost more than it gave.)
_ABOUT_WHAT = lazy(
    r"\b(?:porte|portent|portait|portaient)\s+sur\s+quoi\b"
    r"|\bsur\s+quoi\s+(?:porte|portent|portait|portaient)\b"
    r"|\bsur\s+quel(?:le)?s?\s+(?:sujets?|th[eè]mes?|th[eé]matiques?|points?)\s+"
    r"(?:porte|portent|portait|portaient)\b"
    r"|\b(?:concerne|concernent|concernait)\s+quoi\b"
    r"|\b(?:tourne|tournent|tournait|tournaient)\s+autour\s+de\s+quoi\b"
    r"|\b(?:consiste|consistent|consistait)\s+en\s+quoi\b|\ben\s+quoi\s+(?:consiste|consistent|consistait)\b"
    r"|\bde\s+quoi\s+(?:traite|traitent|parle|parlent)\b"
    r"|\b(?:traite|traitent|parle|parlent)\s+de\s+quoi\b",
    re.IGNORECASE,
)
#: "Besides the legal frameworks, what other topics ...?", "à part le Maroc, quels pays
#: ...?": what is set apart is not what is asked, and the fact that answers need not name
#: it.
_SET_APART = lazy(
    r"^\W*(?:besides|apart from|apart of|aside from|other than|except for|in addition to|beyond|"
    r"à part|a part|mis à part|mis a part|en dehors de|en dehors d|hormis|outre|en plus de|"
    r"en plus des|en plus du)\s+[^,?;:]{1,80},\s*"
    # "Morocco aside, is any other ...?", "legal frameworks aside, what else ...?"
    r"|^\W*[^,?;:]{1,60}\s+aside,\s*"
    # "what will participants do in the training besides lectures?": set apart last
    r"|,?\s+(?:besides|apart\s+from|aside\s+from|other\s+than|except\s+for|beyond|"
    r"à\s+part|en\s+dehors\s+d(?:e|u|es))\s+[^,?;:]{1,60}?(?=\W*$)",
    re.IGNORECASE,
)
#: The opening ways of `_SET_APART` (set aside before a question is read at all).
_SET_APART_FIRST = lazy(
    r"^\W*(?:besides|apart from|apart of|aside from|other than|except for|in addition to|beyond|"
    r"à part|a part|mis à part|mis a part|en dehors de|en dehors d|hormis|en plus de|"
    # ("à côté du TSCTP et du GCTF, il y a un exercice ...": besides them)
    r"[àa]\s+c[ôo]t[ée]\s+(?:du|des|de\s+la|de\s+l['’]|de|d['’])|"
    r"en plus des|en plus du|au[-\s]del[àa]\s+(?:des|du|de\s+la|de\s+l['’]|de|d['’])|"
    # "Avant celle de Casablanca, où a eu lieu la première session ?": the one it precedes.
    r"avant\s+(?:celle|celui|celles|ceux|l['’]atelier|la\s+session|la\s+formation)|"
    r"before\s+the\s+(?:one|(?:\w+\s+)?(?:workshop|session|training)))\b"
    # (Not a year: "other than 2003, when ...?" asks of other years, `_time_contradicts`.)
    r"(?!\s+(?:in\s+)?(?:19|20)\d\d\s*,)[^,?;:]{0,80}?(?:,\s*|\s+(?=(?:which|what|"
    # (Unpunctuated, up to a question word opening what is asked: "a part les conventions
    # quelles politiques ..."; not "a part le ministère l'INL soutient qui ...".)
    r"quels|quelles|quel|quelle)\b))"
    # "I know over 18,000 police were deployed by 2013, but for comparison, how many ...?":
    # what the asker knows already is not what is asked.
    r"|^\W*(?:i|we)\s+(?:already\s+)?(?:know|understand|get|reali[sz]e|(?:am|are|'m|’m|'re|’re)\s+"
    r"aware)\s+(?:that\s+)?[^?]{1,160}?,\s*but\s+(?:(?:for|by)\s+comparison,?\s*|just\s+)?"
    r"(?=(?:what|when|where|which|who|whom|how|is|are|was|were|do|does|did)\b)",
    re.IGNORECASE,
)
#: An acronym's apposition: "DGSN, the CNDH's partner in this programme," / "DGSN, le
#: partenaire du CNDH ...": what the asker says of it.
_APPOSITION = lazy(
    r"(?<=[A-Z])\s*,\s+(?:the|its|their|le|la|l['’]|son|sa|leur)\s*[^,?]{1,80}?"
    r"(?:,|(?=\s*\?))"
)


#: How many words a message in capitals needs to be read as shouted, not as names ("BCIJ
#: ROLE?" stays two names).
SHOUTED_WORDS = 3
#: A word in capitals, of two letters or more, whole ("GLO.ACT" and "G-8" are one word each).
_SHOUTED_WORD = lazy(r"(?<![\w.'’-])[A-ZÀ-Ý]{2,}(?![\w'’-]|\.\w)")


def _counts_nothing(slots: Sequence[Slot]) -> bool:
    """ "What's the actual number?": a figure asked, with nothing named that it counts."""
    return all(fold(s.text) in _NUMBER_WORDS for s in slots)


#: What a meaning is asked of when no name is: "what do the letters mean?".
_WHAT_IS_SPELLED = frozenset(
    ("letter", "letters", "lettre", "lettres", "initials", "initiales", "word", "words")
)
#: The words of a question asking what an acronym stands for.
_STANDS_FOR_CUE = CaseBlind.compile(
    r"\bstands?\s+for\b|\bsignifie\b|\bveut\s+dire\b|\bmeans?\b|\bsigle\b|\bacronym\b"
)
#: "Où a eu lieu la première session, avant celle de Casablanca ?": the one it precedes,
#: set apart at the end as `_SET_APART_FIRST` sets it apart at the start.
_SET_APART_LAST = lazy(
    r",\s*(?:avant\s+(?:celle|celui|celles|ceux)\s+(?:de|du|des|d['’])|"
    r"before\s+the\s+(?:one|(?:\w+\s+)?(?:workshop|session|training))\s+(?:in|at|of)|"
    # "when did Morocco sign the FTA w the us, not the 2014 training framework": the one it
    # is not about.
    r"(?:but\s+)?not\s+(?=the\b|that\b|th[eo]se\b))"
    r"\s*[^,?;:]{1,60}?(?=\W*$)",
    re.IGNORECASE,
)
#: "What does the Morocco On The Move piece say ...?", "what does ToT mean in the CNDH-DGSN
#: news item?": the article the answer comes from, which no fact calls a "piece" (the
#: name it has, kept, is what a fact holds).
_SOURCE_NOUN = lazy(
    r"(\bthe\s+(?:[\w.'’/-]+\s+){0,5}?)(?:news\s+items?|news\s+stor(?:y|ies)|press\s+releases?|"
    r"write-?ups?|pieces?|articles?|stor(?:y|ies)|items?|posts?|blog\s+posts?)\b"
    r"(?:\s+(?:says?|said|mentions?|mentioned|states?|stated))?",
    re.IGNORECASE,
)
#: "What does DGSN stand for in the CNDH training story?": where the asker read the
#: acronym, which the fact spelling it out need not name.
_STANDS_FOR_IN = lazy(
    r"(\bstands?\s+for|\bmeans?)\s+in\s+(?:the|this|that|our|your)\s+[^?]{0,60}?"
    r"(?:news\s+items?|stor(?:y|ies)|articles?|pieces?|reports?|posts?|agenda|summary|page|"
    r"documents?|docs?|notes?)\b",
    re.IGNORECASE,
)
#: A pointer to a person: "what's her first name?", "quel est son poste ?" is not one.
_PERSON_POINTER = lazy(
    # ("son titre", "sa fonction": a French possessive before a person's role)
    r"\b(?:her|his|she|he|him)\b|\b(?:son|sa|ses)\s+(?:titre|fonctions?|poste|r[ôo]le)\b",
    re.IGNORECASE,
)
#: A word of `_SOURCE` or `_SOURCE_BY` (most questions hold none).
_SOURCE_CUE = CaseBlind.compile(
    r"according|\bper\b|selon|apr[eè]s|going by|based on|"
    r"summar|document|\bdocs?\b|page|announce|annonce|material|sheet|overview|article|"
    r"piece|item|stor(?:y|ies)|post|write-?up|release|communiqu|papier|fiche|r[ée]sum[ée]|agenda|"
    r"source|text"
)
#: What is asked of a document itself ("when did UNODC publish its news item ...?"): the
#: document is then what is asked about, not where the asker read it.
_OF_THE_DOCUMENT = lazy(
    r"\b(?:publish\w*|publication|released?|posted|issued|written|wrote|authors?|dated|"
    r"headline|title[ds]?|publi\w*|auteur|titre|parue?)\b",
    re.IGNORECASE,
)
#: "(according to / in) the INL summary (says)", "the Morocco On The Move piece", "d'après
#: le doc", "selon l'article de l'ONUDC": the document the asker read, by its publisher.
_SOURCE = lazy(
    r"(?:\b(?:according\s+to|as\s+per|per|in|from|going\s+by|based\s+on)\s+)?"
    # ("INL's 2018 Morocco summary": the publisher's name is one of the document's.)
    r"\b(?:(?P<det>the|this|that|their|its)\s+|(?=[\w.]+['’]s\s))(?P<name>(?:[\w.'’/-]+\s+){0,5}?)"
    r"(?:news\s+items?|news\s+stor(?:y|ies)|press\s+releases?|write-?ups?|pieces?|"
    r"articles?|stor(?:y|ies)|items?|blog\s+posts?|posts?|summary|documents?|docs?|"
    r"web\s?pages?|pages?|announcements?|materials?|fact\s?sheets?|sheets?|overview|agendas?|"
    r"sources?|text)\b"
    r"(?:\s+(?:actually\s+|really\s+)?(?:says?|said|mentions?|mentioned|states?|stated|gives?|"
    r"gave|notes?|noted|names?|named|cites?|cited|lists?|listed))?"
    r"|\b(?:selon|d'apr[eè]s|d’apr[eè]s|dans|sur|"
    # ("Quel mois donne l'article de l'ONUDC ?": what it gives, the month asked.)
    r"(?:donne|dit|indique|cite|mentionne|pr[ée]cise)(?:-t-(?:il|elle))?)\s+"
    r"(?:l'|l’|le\s+|la\s+|ce\s+|cet\s+|cette\s+|les\s+|ces\s+)"
    # ("d'après les textes américains": the documents, in the plural)
    r"(?:article|doc|document|page|r[ée]sum[ée]|annonce|communiqu[ée]|papier|fiche|source|texte)s?\b"
    # (Not a law's article: "que dit l'article 1er de la loi 27-14 ?")
    r"(?!\s+(?:\d|1er|premier|[ivx]+\b))"
    r"(?:\s+(?:de\s+l'|de\s+l’|du\s+|de\s+la\s+|de\s+|d')(?P<nom>[\w.-]+))?",
    re.IGNORECASE,
)
#: A word of a publisher's name: "Morocco", "GLO.ACT", "INL's" (a word of no publisher's
#: keeps the whole, `drop_publisher`).
_NAME_WORD = r"[\w.'’&-]+"
#: A document "from" or "by" its publisher: "the advocacy piece from ...".
_DOCUMENT_FROM = (
    r"(?:the|this|that|an?)\s+(?:[\w-]+\s+){0,2}?(?:articles?|pieces?|pages?|summary|items?|"
    r"posts?|stor(?:y|ies)|write-?ups?|overview|releases?|documents?|docs?|texts?|sources?)\s+"
    r"(?:from|by)\s+(?:the\s+)?"
)
#: Where the asker read it, by its publisher alone: "per Morocco On The Move", "according to
#: INL", "d'après l'ONUDC", and the document "from" or "by" its publisher ("the advocacy piece
#: from Morocco On The Move"); up to the end of its clause (the publisher is checked after).
_SOURCE_BY = lazy(
    r"\b(?:(?:according\s+to|as\s+per|per|going\s+by|based\s+on|selon|d['’]apr[eè]s)\s+"
    r"(?:" + _DOCUMENT_FROM + r"|the\s+|l['’]|le\s+|la\s+|les\s+)?"
    r"|" + _DOCUMENT_FROM + r")"
    # (the words of a name, a dot inside one of them, "GLO.ACT"; up to the year it is asked
    # of, kept: "according to the KC in 2012, ...")
    r"(?P<by>" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){0,5}?)"
    r"(?=\s*(?:[,;:?!]|\.(?:\s|$)|$)|\s+(?:in|en)\s+(?:19|20)\d\d\b|"
    # (not a year naming the document: "per INL's 2014 page")
    r"\s+(?:19|20)\d\d\s*(?:[,;:?!]|$))",
    re.IGNORECASE,
)
#: "does the source / the article (actually) say / give / name ...": the question asks what
#: a document gives, in words no fact holds (a named one, "the INL page", is `_SOURCE`'s).
_SOURCE_VERB = CaseBlind.compile(
    # (After what is asked for, "what headcount ...", "which countries ...": not "what does
    # the article actually say?", which asks what the source says of the claim before it.)
    r"(?<=\w)(?<!\bwhat)(?<!\bwhich)(?<!\bhow)\s+(?:does|do|did)\s+(?:the|this|that)\s+"
    r"(?:source|article|page|summary|text|document|"
    r"piece|doc)\s+(?:actually\s+|really\s+)?(?:say|give|name|list|mention|state|cite|report|"
    r"put)\b"
)
_SOURCE_VERB_CUE = CaseBlind.compile(r"\b(?:does|do|did)\s+(?:the|this|that)\s")
#: A last clause on why it matters or what it compares with: "how many police does the
#: Mali mandate include, which explains the demand for French speakers?", "what had the
#: earlier training focused on, compared to migration now?": the asker's context.
_TRAILING_ASIDE = lazy(
    r",\s*(?:which|that)\s+(?:would\s+|might\s+|could\s+|may\s+)?(?:explains?|explained|"
    r"is\s+why|was\s+why|accounts?\s+for|led\s+to|leads\s+to|prompted|drove|drives|triggered|"
    r"caused|shows?|showed)\b[^,?;:]{0,100}?(?=\W*$)"
    r"|,\s*(?:compared\s+(?:to|with)|in\s+comparison\s+(?:to|with)|by\s+comparison\s+(?:to|with)|"
    r"as\s+opposed\s+to|par\s+rapport\s+(?:à|a|au|aux)|compar[ée]e?s?\s+(?:à|a|au|aux|avec))"
    r"\s+[^,?;:]{1,60}?(?=\W*$)",
    re.IGNORECASE,
)
#: Where the asker saw it said: "la loi mentionnée par l'ONUDC", "the law cited in the
#: article" (who said it, or where, stays).
_REPORTED = lazy(
    r"\b(?:mentioned|cited|quoted|referred\s+to|referenced|mentionn[ée]e?s?|cit[ée]e?s?|"
    r"[ée]voqu[ée]e?s?)(?=\s+(?:by|in|par|dans)\b)",
    re.IGNORECASE,
)
#: The words of a description up to the question after it (its colon or dash may be gone
#: by then: "..., celui qui soutient le réseau quel est son budget ?").
_UP_TO_THE_QUESTION = (
    r"(?:(?![.!]\s|\s[-–—]\s|\s(?:quel|quelle|quels|quelles|quand|combien|comment|o[uù]|"
    r"pourquoi|c['’]est|what|whats|when|where|which|who|how|why)\b)[^,:;?])*"
)
#: What the asker says of the thing asked about, to point at it: "Le projet GLO.ACT de l'UE,
#: celui qui soutient le réseau de procureurs : quel est son budget ?", "the 2014 deal, the
#: one that set up the trainers' pool: ..." (set aside when the question as asked finds no
#: answer: the fact on it need not say it).
_THE_ONE_WHICH = lazy(
    r",\s*(?:celui|celle|ceux|celles)\s+(?:qui|que|dont)\b" + _UP_TO_THE_QUESTION + "|"
    r",\s*the\s+one\s+(?:that|which)\b" + _UP_TO_THE_QUESTION,
    re.IGNORECASE,
)
#: A description of a body by its founding, which the fact on it need not tell: "the
#: counterterrorism forum it helped found in 2011", "the forum Morocco co-founded".
_HELPED_FOUND = lazy(
    r"\s+(?:that\s+|which\s+)?(?:it|morocco|rabat|they|we)\s+(?:had\s+)?(?:helped\s+(?:to\s+)?"
    r"(?:found|create|set\s+up|launch|establish)|co-?founded)(?:\s+(?:in|back\s+in)\s+\d{4})?\b",
    re.IGNORECASE,
)
#: What opens `_THE_ONE_WHICH`'s description: "celui qui", "celle que".
_THE_ONE_OPENS = lazy(r"\b(?:celui|celle|ceux|celles)\s+(?:qui|que|dont)\b", re.IGNORECASE)
#: A person asked for, whom what the asker says of them picks out: "c'est qui le chef du
#: parquet, celui qui a créé le réseau ?", "son prénom ?".
_PERSON_OR_NAME_ASKED = lazy(r"\b(?:qui|who|whom|pr[ée]nom|first\s+name|nom|name)\b", re.IGNORECASE)
#: The kinds of names a fact is asked to found: bodies, groups and programmes.
_FOUNDED_KINDS = frozenset({"institution", "group", "programme"})
#: What the asker sets a figure beside, after it: "the BCIJ was created in 2013, two years
#: before the new anti-terror law", "in 2015, the same year as the BCIJ", "in 2016, but I
#: might be mixing it up with the GCTF": another event, which no fact on this one need say.
_BESIDE_THE_FIGURE = lazy(
    r"(?<=\d)['’\"]?\s*,?\s+(?:(?:the\s+)?same\s+(?:year|month|time)\b|"
    r"(?:\w+\s+){0,2}?(?:years?|months?|weeks?)\s+(?:before|after|earlier|later)\b|"
    r"(?:just|right|shortly|soon|not\s+long)\s+(?:before|after)\b|"
    # ("created in 2013 together with the reform charter")
    r"(?:together|along)\s+with\b|at\s+the\s+same\s+time\s+as\b|"
    # (a doubt, not a request: "but we need the name of its director")
    r"but\s+(?:(?:i|we)\s+(?:might|may|could)\b|i['’]m\s+not\s+sure\b|maybe\b)|"
    r"around\s+the\s+time\b)"
    # (up to the end of its sentence, asking nothing: not "in 2015, right after which attacks?";
    # an apostrophe inside a word is of it, "the country's", "I'm"; run once, linear)
    r"(?:(?!\b(?:which|what|who|whom|whose|how|when|where|why)\b)(?:[^.?!;:'\"’]|['’](?=\w)))*+"
    r"(?![^.?!]*\?)",
    re.IGNORECASE,
)
#: Frames set aside when a question as asked finds no answer, in this order. (What a
#: claimed figure is set beside is set aside of the whole message, in `Matcher.ask`.)
_FRAMES = (
    (_ABOUT_WHAT, " about "),
    (_KIND_OF, r"\1 "),
    (_SET_APART, ""),
    (_TRAILING_ASIDE, ""),
    (_STANDS_FOR_IN, r"\1"),
    (_SOURCE_NOUN, r"\1"),
    (_MAIN_BEFORE_GOAL, ""),
    (_GOAL_THEN_MAIN, r"\1"),
    (_SUPPORT_GIVEN, r"\g<asked>"),
    (_REPORTED, ""),
    (_THE_ONE_WHICH, ""),
    (_HELPED_FOUND, ""),
)


def _event(slots: Sequence[Slot], kind: Kind | None, corrected: str = "") -> str | None:
    """What happened, when a question asks when it happened or who did it: the last
    words of "when was the lab founded?" (before any "by ..." saying who did it: "when
    was the lab accredited by an international body?"), the first of "who funded the
    training?"."""
    if kind in (Kind.DATE, Kind.START) and slots:
        # "When did the lab get accredited abroad?": where it happened is no event.
        slot = next(
            (s for s in reversed(slots) if s.concept not in _WHERE_DONE | _WHO_NOT_WHAT), slots[-1]
        )
        agent = _BY_AGENT.search(corrected)
        if agent is not None:
            # (Not a help: "la première session du réseau soutenu par GLO.ACT, c'était
            # quand ?" dates the session; the network's support is no event.)
            before = [
                s
                for s in _in_text(slots, corrected)
                if s[1] < agent.start() and s[0].concept != HELP
            ]
            slot = before[-1][0] if before else slot

    elif kind is Kind.ACTOR and slots:
        slot = slots[0]
    elif kind is Kind.PENALTY:
        # "What's the penalty under Moroccan law for financing terrorism?": the offence, the
        # last meaning named that is not the law or the punishment; another's penalty is not it.
        offence = next(
            (
                s
                for s in reversed(slots)
                if (s.concept or "").startswith("~") and s.concept not in _PUNISHING
            ),
            None,
        )
        if offence is None:
            return None
        slot = offence
    elif kind is None and _ACTIVITIES_ASKED.search(corrected):
        # "What will participants do?", read "what activities ...": a fact naming what they
        # do there (real cases, exercises) answers, not one saying who takes part.
        found = next((s for s in slots if s.concept == _ACTIVITIES), None)
        return found.text if found is not None else None
    elif kind is None and _WHAT_TOPICS.search(corrected):
        # "What topics did the Tangier session cover?": the topics are what is asked; a
        # fact that names none (only that the session was held) does not answer.
        found = next((s for s in slots if s.concept == _TOPICS), None)
        if found is None:
            return None
        return found.text
    else:
        return None
    concept = slot.concept or ""
    if concept in _DOING:
        return None  # "who carried out the training?": the training is what was done
    return slot.text if concept.startswith("~") and concept not in _KIND_GROUPS else None


#: "What topics / which subjects / quels thèmes ...?": topics asked for by that word, in the
#: plural ("on what subject were they trained?" is answered by "trained on corruption").
_WHAT_TOPICS = lazy(
    r"\b(?:what|which|quels|quelles)\s+(?:\w+\s+)?(?:topics|subjects|themes|sujets)\b"
)
_TOPICS = named_group("focus")
#: "what activities will participants do", as `_PEOPLE_DOING` reads what they will do.
_ACTIVITIES_ASKED = lazy(r"\b(?:what|quelles)\s+activit(?:ies|es)\b")
_ACTIVITIES = named_group("activities")
#: Meanings of a penalty question that say what punishes, not for what: "under the law".
_PUNISHING = frozenset(named_group(g) for g in ("law", "prison"))
#: Words saying where something was done, not what: "accredited abroad".
_WHERE_DONE = frozenset({"~abroad"})
#: People, not what was done to them: "when did they sign the deal on training personnel?"
#: asks when the deal was signed, not when the personnel were.
_WHO_NOT_WHAT = frozenset(
    named_group(g)
    for g in ("official", "prosecutor", "judge", "expert", "head", "representative", "participants")
)

#: Verbs of doing anything: what was done is the thing they name, not them.
_DOING = frozenset({"~implement"})


#: "... by an international body", "... par le ministère": who did it, after what was done.
_BY_AGENT = lazy(r"\s(?:by|par)\s(?!(?:19|20)\d\d\b)")


def _in_text(slots: Sequence[Slot], text: str) -> list[tuple[Slot, int]]:
    """Each slot with where its words start in `text` (slots come in the text's order)."""
    found: list[tuple[Slot, int]] = []
    at = 0
    for slot in slots:
        where = text.find(slot.text, at)
        if where < 0:
            continue
        found.append((slot, where))
        at = where + len(slot.text)
    return found


def _date_key(match: Match) -> tuple[date, str]:
    return (match.fact.when.start if match.fact.when else _NO_DATE, match.fact.id)


def _clear_lead(ranked: Sequence[Match], slots: int, bars: Thresholds) -> bool:
    """The first fact covers enough of the question's `slots` and leads the second clearly:
    from `sibling_lead_coverage` on, the first that is not its sibling."""
    first = ranked[0]
    if first.coverage < bars.clear_lead_coverage or slots - len(first.missing) < (
        bars.clear_lead_held
    ):
        return False
    others = ranked[1:]
    if first.coverage >= bars.sibling_lead_coverage:
        others = [m for m in others if not _siblings(first.fact, m.fact)]
    return not others or first.score >= bars.clear_lead_ratio * others[0].score


def _siblings(a: Fact, b: Fact) -> bool:
    """Facts of one article about the same bodies: a question about that subject that
    both nearly answer is about it, and the better covered answers."""
    return a.source.id == b.source.id and not set(a.entities).isdisjoint(b.entities)


#: Words before a capital's name that make it the city, not its government: "in Rabat",
#: "the Rabat course", "à Rabat", "de Rabat".
NOT_ACTOR = frozenset(
    {"in", "at", "near", "around", "outside", "inside", "from", "to", "into", "the", "an"}
    | {"of", "a", "au", "en", "de", "du", "la", "le", "l", "pres"}  # (folded: "à" is "a")
)
#: The word standing for a thing ranked beside it: "the first one".
_ONE = frozenset({"one", "ones"})
#: The first of a series, a rank only beside another ("first" also means "at first").
_FIRST = frozenset({"first", "premier", "premiere"})  # "1st", "1er": shorthand


def _ranked(following: Sequence[Slot]) -> Slot:
    """What a rank ranks: the next word, past a name that only says whose it is ("the
    second GLO.ACT training" ranks trainings, not GLO.ACTs), and past a word or two that
    only say what kind it is ("the second prosecutor training", "the second
    anti-trafficking prosecutor training" rank trainings)."""
    n = 1 if _is_name(following[0]) and len(following) > 1 else 0
    unit = _is_series(following[n]) or fold(following[n].text) in _DAYS
    # ("the second anti-trafficking prosecutor training": three words may say what kind)
    ahead = next(
        (k for k in (1, 2, 3) if n + k < len(following) and _is_series(following[n + k])), 0
    )
    return following[n + ahead] if not unit else following[n]


def _is_series(slot: Slot) -> bool:
    """A word for one of a series of events: a training, a workshop, a session, an attack
    ("the later terror attacks" rank attacks, not terror)."""
    return slot.concept in _SERIES_GROUPS or fold(slot.text) in _SERIES


_SERIES_GROUPS = frozenset({TRAINING, named_group("attack")})


#: Units of time a rank may count ("the third day of the workshop").
_DAYS = frozenset({"day", "days", "jour", "jours", "journee", "journees", "week", "semaine"})
#: Words for one event of a series, besides the training group's.
_SERIES = frozenset({"session", "sessions", "round", "rounds", "edition", "meeting", "phase"})


def _is_name(slot: Slot) -> bool:
    return slot.concept is not None and slot.concept.startswith("@")
