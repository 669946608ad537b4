"""Question kinds: what a question asks for, and what a fact must hold to answer it.

Why this module exists: a kind used to be a bare string spelled in four places (the
list of patterns, the fact features, the abstention checks, the answer type). Here
`Kind` is one table: each entry carries its name, the words that gate its pattern,
the pattern, and what a fact must hold to answer it (with the reason given when it
does not), so adding a kind is adding one entry. `Kind` is a `StrEnum`: a member
equals its old string ("date", "law-number") and `.value` is that string.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Set
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from bot.core.lazyregex import LazyRegex, Regex, lazy
from bot.core.text import fold, looks_like_year, reader
from bot.engine.lexicon import HELP

#: The nouns a question asking which body uses for it ("which agency", "quel organisme").
BODY_NOUNS = (
    r"(organi[sz]ation|body|agency|institution|ministry|organisme|organism|agence|ministere|"
    r"entity|service|directorate|bureau|office|unit)"
)

# ------------------------------------------------------------------ what a fact holds


#: The yes-or-no features of a fact, in the order of their bits in `FactFeatures.flags`
#: (each is read as an attribute of that name).
FLAGS = (
    "has_date",
    "has_count",
    # A place that is not a country (a city, a region).
    "has_city",
    # A length of time ("four-year", "three days") or a start ("since 2010").
    "has_duration",
    # An amount of money ("€11 million", "5 million dollars").
    "has_money",
    # A punishment: "prison sentences of 5 to 15 years", "peines de 5 à 15 ans".
    "has_penalty",
    # A person's nationality: "a Moroccan national", "nationalité".
    "has_nationality",
    "has_law_number",
    # An article of a law or code by its number: "Article 218-1".
    "has_article",
    # A law by its name or number ("the anti-terrorism law", "Law 27-14").
    "names_law",
    # A beginning: "since 2010", "joined in 2005", "was created in May 2015".
    "has_start",
    # A why: "to address foreign fighters", "because", "since under Law 27-14".
    "has_reason",
    # "more than 25 countries", "the largest", "plus que".
    "compares",
    # Names two things joined: "the CNDH and DGSN", "Arab and African cultures".
    "paired",
    "has_person",
    # A role: "head of the judicial cooperation department", "a judge".
    "has_role",
    # Whether it says where it happened (its `where`).
    "has_where",
    # Words someone said: a quotation, or "said", "stressed", "a déclaré" ...
    "has_statement",
    # How many times over something grew: "doubled", "twice" (see `GROWTH`).
    "multiplies",
    # An end: "until 2019", "2015-2019", "expired", "jusqu'en 2020" (what "until when?" asks).
    "has_end",
    # A person's age: "a 45-year-old judge", "aged 45", "âgé de 45 ans".
    "has_age",
    # A document's title: "the page is titled ...", "l'article s'intitule ...".
    "has_title",
    # A time of day: "at 9 a.m.", "10:30", "à 14h" (what "what time ...?" asks).
    "has_clock",
    # A result measured: a score, a percentage, a pass rate (what "what did they score?" asks).
    "has_score",
)


def pack_flags(**flags: bool) -> int:
    """`FactFeatures.flags` of every one of `FLAGS`, given by name."""
    if flags.keys() != set(FLAGS):
        raise TypeError(f"flags must be exactly {FLAGS}, not {sorted(flags)}")
    return sum(1 << FLAGS.index(name) for name, on in flags.items() if on)


class _Flag:
    """One of `FactFeatures`' yes-or-no features, read from its bit of `flags` (the bit
    of its name's place in `FLAGS`)."""

    __slots__ = ("bit",)

    def __set_name__(self, owner: type, name: str) -> None:
        self.bit = 1 << FLAGS.index(name)

    def __get__(self, features: FactFeatures, owner: type | None = None) -> bool:
        return features.flags & self.bit != 0


@dataclass(frozen=True, slots=True)
class FactFeatures:
    """What a fact holds that some kind of question needs (found once, while indexing)."""

    #: Its yes-or-no features, one bit each (`FLAGS`, `pack_flags`), read as attributes of
    #: their names (`_Flag`, below): 24 bool slots took 1.9 MB more at 10,000 facts.
    flags: int
    listed: int  # how many things its longest list names: "Togo, Senegal and Mali" is 3
    countries: frozenset[str]
    counted: tuple[str, ...]  # keys of the words right after each figure: what is counted
    #: The values of its answer's figures, not years (a tuple: 10,000 sets cost 2 MB more).
    figures: tuple[int, ...] = ()
    #: Who its answer says did something: the bodies, groups and countries it names
    #: (concepts, "@dgsn") and the people it names by their role (`role_key`, "%judge").
    actors: frozenset[str] = frozenset()
    #: Those of its actors it names as helping ("With INL support, the lab obtained ..."):
    #: they did not do it, unless the question asks who helped.
    supporters: frozenset[str] = frozenset()
    #: The places and countries its answer names (not those its names are part of).
    places: tuple[str, ...] = ()  # (a tuple: 10,000 sets cost megabytes more)
    #: The places and countries its `where` names ("Tiflet, Morocco"): a `where` naming
    #: only the place a question names already ("Morocco") says no more where.
    where_places: tuple[str, ...] = ()
    #: When its answer says something was only called for ("the Charter calls for an
    #: independent judiciary"): the keys of who called for it, not found in what was
    #: called for ("charter", "reform", "2013"). Empty for other facts.
    caller: tuple[str, ...] = ()
    #: The bodies, laws and programmes (concepts, "@bcij") its answer says were founded
    #: ("Morocco established the BCIJ"; not the CNDH of "the CNDH launched a programme"):
    #: what "when was X created?" may be answered of. Empty for most facts.
    founded: tuple[str, ...] = ()
    #: The places, not countries, its answer names, whose included ("counterparts in the
    #: greater Maghreb and Sahel regions"): what a "which regions" question asks for.
    regions: tuple[str, ...] = ()
    #: The countries its answer names itself, not through a body's parent ("INL's page"
    #: names no United States): what "which other country?" may be answered by.
    named_countries: frozenset[str] = frozenset()

    has_date = _Flag()
    has_count = _Flag()
    has_city = _Flag()
    has_duration = _Flag()
    has_money = _Flag()
    has_penalty = _Flag()
    has_nationality = _Flag()
    has_law_number = _Flag()
    has_article = _Flag()
    names_law = _Flag()
    has_start = _Flag()
    has_reason = _Flag()
    compares = _Flag()
    paired = _Flag()
    has_person = _Flag()
    has_role = _Flag()
    has_where = _Flag()
    has_statement = _Flag()
    multiplies = _Flag()
    has_end = _Flag()
    has_age = _Flag()
    has_title = _Flag()
    has_clock = _Flag()
    has_score = _Flag()


#: The concepts of a question asking how much something grew ("how much did the aid
#: increase?", "... boost ...", "did it double?").
GROWTH = frozenset({"~stepped-up", "~doubled"})

#: A document's title given in an answer: "is titled", "s'intitule".
TITLED = lazy(r"\b(?:is|was)\s+(?:titled|entitled|headlined)\b|\bs['’]intitule\b", re.IGNORECASE)
#: A person named with a title in an answer ("Mr. Hammouchi").
PERSON = lazy(r"\b(Mr|Ms|Mrs|Dr|Mme|M)\.?\s+[A-Z]")
#: People named by their role in an answer ("a retired judge", "two UNODC experts"); a
#: "training of trainers" names no trainer.
PEOPLE = lazy(
    r"\b(police|judges?|attorneys?|experts?|officers?|officials?|prosecutors?|(?<!of )trainers?|"
    r"instructors?|specialists?|ambassadors?|ministers?|directors?|presidents?|secretary|inspectors?|"
    r"agents?|coordinators?|facilitators?|consultants?|advis[eo]rs?|lawyers?|magistrates?|"
    r"contractors?|grantees?|staff|personnel|mentors?|volunteers?|representatives?|"
    r"juges?|procureurs?|formateurs?|formatrices?|ministres?|directeurs?|directrices?)\b",
    re.IGNORECASE,
)
#: A role in an answer: people by their role, or a post ("head of", "chief of").
ROLE_WORD = lazy(
    r"(?:"
    + PEOPLE.pattern
    + r"|\b(head|chief|chair|co-chair|member|spokes\w+|chef|membre|leader)\b)"
    # ... held by someone: "a prosecutor workshop" or "the police network" names no role.
    r"(?!\s+(workshops?|networks?|trainings?|courses?|sessions?|programmes?|programs?|"
    r"academ\w+|departments?|units?|forces?|peacekeep\w+|contributing|partnerships?))",
    re.IGNORECASE,
)
#: An amount of money in an answer ("€11 million", "5 million dollars").
MONEY = lazy(
    r"[€$£]\s*\d|\d\s*[€$£]|"
    r"\b(?<![\d,.])\d+(?:[,.]\d+)*(?: \d{3})*\s*(?:(?:millions?|billion|milliards?|"
    r"thousand)\s*)?(?:d\s*)?(?:euros?|dollars?|usd|eur|dirhams?|mad)\b|"
    r"\b(euros?|dollars?|usd|eur)\s+\d",
    re.IGNORECASE,
)
#: A punishment in an answer: a prison term or a fine with its figure.
PENALTY = lazy(
    r"\b(?:prison|jail)\s+(?:sentences?|terms?)\s+of\s+\d|"
    r"\b\d+\s*(?:to|-|–|à)\s*\d+[\s-]*(?:years?|ans)\b[^.]{0,40}\b(?:prison|jail|imprisonment|emprisonnement)|"
    r"\b\d+[\s-]*(?:years?|ans)\s+(?:in prison|in jail|of imprisonment|de prison|d'emprisonnement)|"
    r"\b(?:fines?|amendes?)\s+(?:of|de|d')\s*\S*\d|\bpeines?\s+(?:de\s+prison\s+)?de\s+\d",
    re.IGNORECASE,
)
#: A person's nationality in an answer ("Mr. X, a Moroccan national", "of French nationality").
NATIONALITY = lazy(
    r"\bnationalit(?:y|ies|é|e|és|es)\b|\b(?:a|an|un|une)\s+[A-Z][\w-]+\s+"
    r"(?:national|citizen|ressortissante?|citoyenne?)\b|"
    # People by a country's adjective: "21 Moroccan prosecutors", "American experts".
    r"\b[A-Z][a-z]+(?:an|ian|ese|ish|ch|i)\s+(?:prosecutors?|judges?|experts?|officials?|"
    r"officers?|police|nationals?|citizens?|trainers?|staff|personnel|delegates?)\b"
)
#: A length of time or a start in an answer ("four-year", "since 2010", "2015-2019"; a
#: membership from its start, "joined the TSCTP in 2005", "a rejoint ... en 2005").
DURATION = lazy(
    r"\b(since|depuis)\s+(\w+\s+){0,2}(19|20)\d\d\b|"
    r"\b(joined|a rejoint|ont rejoint)\s+[^.;]{0,60}?\b(in|en)\s+(19|20)\d\d\b|"
    # (Not "several years", "plusieurs années": no length that "how long?" asks.)
    r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|"
    r"un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze)[\s-]+"
    r"(years?|months?|weeks?|days?|hours?|decades?|ans?|annees?|années?|mois|semaines?|"
    r"jours?|heures?|decennies?|décennies?)\b|"
    r"\b(19|20)\d\d\s*(-|–|to|until|à|au|jusqu'en)\s*(19|20)\d\d\b|"
    # A span of days: "from 24 to 26 September 2018" lasted three days.
    r"\b\d{1,2}(st|nd|rd|th|er)?\s*(-|–|to|until|au)\s*\d{1,2}(st|nd|rd|th)?\s+(jan|feb|mar|apr|may|"
    r"jun|jul|aug|sep|oct|nov|dec|janv|f[eé]v|mars|avr|mai|juin|juil|ao[uû]t|sept|d[eé]c)",
    re.IGNORECASE,
)
#: An age in an answer: what "how old?" asks for.
AGE = lazy(
    r"\b\d{1,3}[- ]years?[- ]old\b|\baged\s+\d{1,3}\b|\bâg[ée]e?s?\s+de\s+\d{1,3}\s+ans\b",
    re.IGNORECASE,
)
#: A result measured in an answer: "scored 85%", "a 90 percent pass rate", "satisfaction".
SCORE = lazy(
    r"\d\s*%|\bper\s?cent\b|\bpour\s?cent\b|\bscor(?:e|es|ed)\b|\bpass\s+rate\b|"
    r"\bsatisfaction\b|\btaux\s+de\s+r[ée]ussite\b",
    re.IGNORECASE,
)
#: A time of day in an answer: "at 9 a.m.", "10:30", "à 14h", "noon".
CLOCK = lazy(
    # (Not a length: "48 h", "10 h de formation".)
    r"\b\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)(?!\w)|\b\d{1,2}:\d\d\b(?!:)|\b\d{1,2}h\d\d\b|"
    r"\b(?:at|à)\s+\d{1,2}\s?h\b|\b(?:noon|midday|midi|o['’]clock)\b",
    re.IGNORECASE,
)
#: An end in an answer: what "until when?" asks for.
END = lazy(
    r"\b(until|till|ended|expired?|expires|concluded|jusqu'(en|au|à)|prend fin|a pris fin)\b|"
    r"\b(through|by the end of|end of)\s+(19|20)\d\d\b|"
    r"\b(19|20)\d\d\s*(-|–|to|à|au)\s*(19|20)\d\d\b",
    re.IGNORECASE,
)
#: A beginning in an answer: what "since when?" asks for.
START = lazy(
    r"\b(since|joined|began|begun|started|launched|created|established|founded|set up|"
    r"inaugurated|depuis|rejoint|adhere|adhéré|cree|créé|creee|créée|lance|lancé|fonde|fondé|"
    # Taking on a role: "In April 2016, Morocco took over as co-chair" (or became it).
    r"became|become|took over|devenu|devenue)\b",
    re.IGNORECASE,
)
#: One item of a list in an answer: up to five words before a comma or "and".
_ITEM = r"[\w.'’-]+(?: [\w.'’-]+){0,4}"
#: Several things named in an answer: "A, B and C", "A, B, and C".
LISTED = lazy(rf"(?:{_ITEM}, )+{_ITEM},? (?:and|or|et|ou) {_ITEM}", re.IGNORECASE)
#: How an answer says where it comes from ("According to INL's page (circa 2014), ...") or
#: when ("In 2011, ..."): its comma is not a list's.
_ATTRIBUTION = lazy(
    r"^(?:(?:according to|selon|d'après)\b[^,]*|(?:in|on|by|since|from|after|before|during|"
    r"en|le|depuis|après|avant)\s+[^,]{1,30}),\s*",
    re.IGNORECASE,
)


#: Two names joined: "the CNDH and DGSN", "the European Union (EU) and the UNODC",
#: "CNDH-DGSN".
_NAMED_PAIR = lazy(
    r"\b[A-Z][\w.’'-]*(?: (?:of |on |for |and |the )?[A-Z][\w.’'-]*)*(?: \([A-Z.]+\))?"
    r" (?:and|et) (?:the |la |le |l[’'])?[A-Z]|"
    r"\b[A-Z]{2,}[-–/][A-Z]{2,}\b"  # "the CNDH-DGSN programme"
)


def paired(text: str) -> bool:
    """Whether `text` names two things joined ("the CNDH and DGSN", "CNDH-DGSN") and no
    longer list of names ("Togo, Senegal, Mali and Benin" names four, not two)."""
    if _NAMED_PAIR.search(text) is None:
        return False
    for m in LISTED.finditer(_ATTRIBUTION.sub("", text)):
        items = re.split(r",\s*(?:and\s+|or\s+|et\s+|ou\s+)?|\s+(?:and|or|et|ou)\s+", m.group())
        # A list of names: the first item ends with one, the last starts with one, those
        # between are names ("... the November 2015 Paris attacks, France and Belgium"
        # names two, after a clause).
        if (
            len(items) > 2
            and _is_name(items[0].split()[-1])
            and all(_is_name(item) for item in items[1:-1])
            and _is_name(_without_article(items[-1]).split()[0])
        ):
            return False
    return True


def _without_article(item: str) -> str:
    words = item.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0].lower() in _ARTICLES else item


_ARTICLES = frozenset(["the", "la", "le", "les", "l'", "l’"])


_CONNECTORS = frozenset(["of", "on", "for", "and", "the", "de", "du", "des", "la", "le", "l", "et"])


def _is_name(item: str) -> bool:
    """ "the Haitian National Police", "Burkina Faso": capitalised words and connectors."""
    words = item.replace("’", "'").replace("l'", "").split()
    return (
        bool(words)
        and all(w[:1].isupper() or w in _CONNECTORS for w in words)
        and not (words[0] in _CONNECTORS and len(words) == 1)
    )


#: Counts a question may ask members of: "which two ...", "which 28 countries ...".
_NUMBER_WORDS = (
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve",
    "deux", "trois", "quatre", "cinq", "sept", "huit", "neuf", "dix", "douze",
)  # fmt: skip


def listed(text: str) -> int:
    """How many things the longest list in `text` names ("A, B and C": 3; "the CNDH and
    the DGSN": 2); 1 for none. Two words joined by "and" name two things only as names."""
    text = _ATTRIBUTION.sub("", text)
    most = 2 if _NAMED_PAIR.search(text) else 1
    for m in LISTED.finditer(text):
        found = m.group().lower()
        # Commas part the items; a last "and" without its comma ("B and C") parts one more.
        last_and = any(
            f" {w} " in found and f", {w} " not in found for w in ("and", "or", "et", "ou")
        )
        most = max(most, found.count(",") + 1 + last_and)
    return most


#: A reason, a purpose or what something earns in an answer: what "why?" asks for. "to"
#: before a verb: not before a determiner, a name or a figure ("to the US", "to Darfur").
REASON = lazy(
    r"\b(because|since|as a result|due to|owing to|so that|so as to|in order to|aims?|aimed|"
    r"intended|designed|purpose|goal|objective|in response|in preparation|"
    # "qualifies Morocco for increased military cooperation": why the status matters.
    r"qualif(?:y|ies|ied)\s+(?:\w+\s+){0,2}for|ouvre droit|"
    r"to (?!(the|a|an|its|their|his|her|this|that|these|those|all|each|some|date|about|"
    r"around|over|more|less)\b)[a-z]{2,}|parce|afin|pour (?!(le|la|les|l|un|une|des|"
    r"ce|cette|ces|son|sa|ses|leur|leurs)\b)[a-z]{2,}er\b|vise|visant|en raison)",
)
#: A comparison in an answer: what "more X or Y?" asks for.
COMPARATIVE = lazy(
    r"\b(than|more|most|larger|largest|bigger|biggest|fewer|less|least|higher|highest|"
    r"lower|lowest|plus|moins|davantage)\b",
    re.IGNORECASE,
)
#: Who an answer says its words come from: "According to Morocco On The Move", "INL's
#: rule-of-law page", "UNODC's article", "selon l'INL".
SAID_BY = lazy(
    r"\b(?:according to|selon|d'après)\s+[^,;]{1,80}|\b[\w.’'-]+(?:’s|'s)\s+(?:[\w-]+\s+){0,3}"
    r"(?:page|article|summary|report|fact sheet|website|site)\b",
    re.IGNORECASE,
)
#: When an undated source was written, as an answer says it ("INL's page (circa 2014)",
#: "(undated, written in 2016 or later)", "(INL page, circa 2014)", "(texte non daté, rédigé
#: en 2016 ou plus tard)"): it dates the source, not what the source tells.
SOURCE_DATED = lazy(
    r"\((?:[^()]{0,40}?[\s,])?(?:circa|c\.|written|vers|rédigée?|écrite?)\b[^()]*?"
    r"\b(?:19|20)\d\d\b[^()]*\)",
    re.IGNORECASE,
)
#: A leading clause on what came after ("Before taking over as Co-Chair of the Forum in
#: April 2016, Morocco served ..."): its date is the later event's, not what the answer tells.
BEFORE_CLAUSE = lazy(r"^(?:before|avant)\b[^,]*,", re.IGNORECASE)
#: A word for founding something, in a verb ("created", "set up", "a créé", "fondé") or a
#: noun before what was founded ("the creation of", "founding members of", "création du").
_FOUNDING = lazy(
    r"\b(?:(?P<noun>(?:creation|establishment|founding|foundation|inauguration|setting\s+up|"
    r"founding\s+members?|co-?founders?|founders?)\s+of|"
    r"(?:cr[ée]ation|fondation|mise\s+en\s+place|instauration)\s+(?=d|l['’])|"
    r"membres?\s+fondateurs?\s+(?=d))|"
    r"(?P<verb>creat(?:e|es|ed|ing)|found(?:s|ed)|establish(?:es|ed|ing)?|"
    r"set(?:s|ting)?\s+up|launch(?:es|ed|ing)?|inaugurat(?:e|es|ed|ing)|introduc(?:e|es|ed|ing)|"
    r"cr[ée]{2}(?:e|es|s|r)?|cr[ée]ait|fond[ée](?:e|es|s)?(?!\s+sur)|fonder|institu[ée](?:e|es|s)?|"
    r"instituer|instaur[ée](?:e|es|s)?|instaurer|mise?s?\s+en\s+place|mettre\s+en\s+place|"
    r"lanc[ée](?:e|es|s)?|lancer))\b",
    re.IGNORECASE,
)
#: A cheap prefilter of `_FOUNDING` and `_FOUNDING_ASKED`: a text holding none of these
#: says nothing was founded.
FOUNDING_CUE = lazy(
    r"creat|found|establish|set\S*\s+up|launch|inaugurat|introduc|initiative|undertaking|cr[ée]|"
    r"fond|institu|instaur|"
    r"en\s+place|lanc",
    re.IGNORECASE,
)
#: What before a founding participle makes it active, its object after it ("Morocco
#: established the BCIJ", "have introduced a new programme", "le Maroc a créé le BCIJ").
_ACTIVE_BEFORE = lazy(
    r"\b(?:has|have|had|did|does|do|to|will|would|a|ont|avait|avaient|a-t-(?:il|elle)|"
    r"ont-(?:ils|elles)|de|d['’]|pour)\s+(?:(?:just|recently|récemment|formally|officially|"
    r"first)\s+)?$",
    re.IGNORECASE,
)
#: What before an English participle makes it passive, whatever follows ("the BCIJ was
#: established the same year as ...").
_PASSIVE_BEFORE = lazy(
    r"\b(?:was|were|been|is|are|being|be)\s+(?:(?:just|recently|formally|officially|first)\s+)?$",
    re.IGNORECASE,
)
#: An English participle of founding ("set up" is one too: "the BCIJ was set up in 2015").
_ENGLISH_PARTICIPLE = lazy(r"(?:ed|set\s+up)$", re.IGNORECASE)
#: "X is a joint initiative by the EU and UNODC": X was founded by them.
_INITIATIVE_OF = lazy(
    r"\s+(?:is|was)\s+(?:a|an)\s+(?:[\w€,()-]+\s+){0,5}?(?:initiative|undertaking)\s+"
    r"(?:by|of|between|from)\b",
    re.IGNORECASE,
)
#: What after an English participle makes it active: its object ("established the BCIJ").
_OBJECT_AFTER = lazy(
    r"^\s+(?:the|a|an|its|their|his|her|our|new|this|that|"
    r"(?-i:[A-Z])\w*(?<!January)(?<!February)(?<!March)(?<!April)(?<!May)(?<!June)(?<!July)"
    r"(?<!August)(?<!September)(?<!October)(?<!November)(?<!December))\b",
    re.IGNORECASE,
)
#: Where what was founded ends, after the word for founding: a clause's end, a time, who
#: did it ("by Morocco", "par le Maroc").
_PATIENT_END = lazy(
    r"[.;:!?,](?=\s|$)|\s(?:in|on|at|with|to|by|since|during|after|before|en|par|pour|afin|depuis|"
    r"lors|avec|dans|au|aux|à)\s",
    re.IGNORECASE,
)
#: A clause's end: what was founded, before a passive participle, starts after the last.
_CLAUSE_END = lazy(r"[.;:!?,](?:\s+|$)")
#: A generic noun in apposition, "..., a body established by Morocco": what was founded
#: is named before it.
_APPOSED = lazy(
    r"^\s*(?:a|an|the|un|une|le|la|l['’])\s*(?:new\s+|nouvel(?:le)?\s+)?"
    r"(?:body|agency|bureau|office|unit|institution|organi[sz]ation|service|organisme)\s*$",
    re.IGNORECASE,
)


#: Whose a thing is, before its name: "Morocco's".
_OWNER = lazy(r"[\w.-]+['’]s\b")
#: A French participle of founding: "créée", "mis en place".
_PARTICIPLE = lazy(r"(?:é|ée|ées|és|mise?s?\s+en\s+place)$", re.IGNORECASE)


#: A question asking when or by whom a thing was founded, and the thing: "when was the DGSN
#: created?", "what year did Morocco set up the BCIJ?", "who founded the GCTF?", "date de
#: création de la DGSN", "en quelle année a été créé le BCIJ ?". (Not "launched": what a
#: programme is launched in may be read from its years.)
_FOUNDING_ASKED = lazy(
    r"\b(?:(?:when|what\s+(?:year|date|month)|(?:in|on)\s+(?:what|which)\s+(?:year|date|month)|"
    r"since\s+when)\s+(?:(?:was|were|is|are|has|have|had)\s+(?:it\s+been\s+since\s+)?"
    r"(?P<passive>(?:[^?.;:!,]|\.(?=\S)){1,80}?)\s+(?:officially\s+|first\s+|formally\s+)?(?:been\s+)?"
    r"(?:created|founded|established|set\s+up|inaugurated)\b|"
    r"did\s+(?:[^?.;:!,]|\.(?=\S)){1,60}?\s+(?:create|found|establish|set\s+up|inaugurate)\s+"
    r"(?P<active>(?:[^?.;:!,]|\.(?=\S)){1,80})))|"
    r"\bwho\s+(?:originally\s+|first\s+)?(?:created|founded|established|set\s+up)\s+"
    r"(?P<object>(?:[^?.;:!,]|\.(?=\S)){1,80})|"
    r"\b(?:date|ann[ée]e|mois)\s+(?:de\s+(?:la\s+)?)?(?:cr[ée]ation|fondation|mise\s+en\s+place)\s+"
    r"(?P<noun>(?:du|de\s+la|de\s+l['’]|des|d['’]|de)\s*(?:[^?.;:!,]|\.(?=\S)){1,80})|"
    r"\b(?:quand|en\s+quelle\s+ann[ée]e|depuis\s+quand)\s+(?:(?:a|ont)\s+[ée]t[ée]|fut|furent)\s+"
    r"(?:cr[ée]{2}e?s?|fond[ée]e?s?|mise?s?\s+en\s+place|institu[ée]e?s?|instaur[ée]e?s?)\s+"
    r"(?P<inverted>(?:[^?.;:!,]|\.(?=\S)){1,80})|"
    r"\b(?:quand|en\s+quelle\s+ann[ée]e)\s+(?P<subject>(?:[^?.;:!,]|\.(?=\S)){1,80}?)\s+"
    r"(?:a-t-(?:il|elle)|ont-(?:ils|elles)|a|ont|est|sont)\s+(?:[ée]t[ée]\s+)?"
    r"(?:cr[ée]{2}e?s?|fond[ée]e?s?|mise?s?\s+en\s+place|institu[ée]e?s?|instaur[ée]e?s?)\b|"
    r"\bqui\s+a\s+(?:cr[ée]{2}|fond[ée]|mis\s+en\s+place|institu[ée]|instaur[ée])\s+"
    r"(?P<objet>(?:[^?.;:!,]|\.(?=\S)){1,80})",
    re.IGNORECASE,
)


#: A claim that a body was founded in a year, which the asker checks: "la DGSN a été créée
#: en 1956 c'est ça", "the BCIJ was set up in 2013, right?" (read only with a claim).
_FOUNDING_CLAIMED = lazy(
    r"(?:^|(?<=[.?!:;]\s))\W*(?P<claimed>(?:[^?.;:!,]|\.(?=\S)){1,80}?)\s+(?:"
    r"(?:was|were)\s+(?:officially\s+|first\s+|formally\s+)?(?:created|founded|established|"
    r"set\s+up|inaugurated)\s+(?:back\s+)?(?:in|on)|"
    r"(?:a|ont)\s+[ée]t[ée]\s+(?:cr[ée]{2}e?s?|fond[ée]e?s?|mise?s?\s+en\s+place|"
    r"institu[ée]e?s?|instaur[ée]e?s?)\s+en"
    r")\s+(?:[^\W\d]+\s+)?(?:19|20)\d\d\b",
    re.IGNORECASE,
)


#: A name a description borrows: "its FBI-style agency" is not the FBI.
_STYLED_AFTER = lazy(r"[\w.-]+-(?:style|like|type|inspired|modell?ed)\b", re.IGNORECASE)


def founding_asked(question: str) -> list[str]:
    """The words naming what `question` asks the founding of: "the DGSN" of "when was the
    DGSN created?" (`_FOUNDING_ASKED`); none when it asks something else of a founding
    ("what did INL help set up?", "how many founding members ...?")."""
    return [
        _STYLED_AFTER.sub(" ", piece)
        for match in _FOUNDING_ASKED.finditer(question)
        for piece in match.groups()
        if piece
    ]


def founding_claimed(message: str) -> list[str]:
    """The words naming what a claim checked says was founded in a year: "la DGSN" of "la
    DGSN a été créée en 1956 c'est ça" (`_FOUNDING_CLAIMED`; the caller knows it is a
    claim)."""
    return [_STYLED_AFTER.sub(" ", m.group("claimed")) for m in _FOUNDING_CLAIMED.finditer(message)]


def founded(text: str) -> list[str]:
    """The words naming what a fact's `text` says was founded, one piece of text per word
    for founding: "the BCIJ" of "Morocco established the BCIJ in May 2015", of "the BCIJ,
    established in May 2015" and of "la création du BCIJ"; "a new training programme" of
    "the CNDH and DGSN have introduced a new training programme" (not the CNDH and DGSN,
    who introduced it)."""
    pieces: list[str] = []
    for match in _FOUNDING.finditer(text):
        before, after = text[: match.start()], text[match.end() :]
        verb = match.group("verb")
        english = verb is not None and _ENGLISH_PARTICIPLE.search(verb) is not None
        participle = english or (verb is not None and _PARTICIPLE.search(verb) is not None)
        active = (
            verb is None
            or not participle
            or _ACTIVE_BEFORE.search(before) is not None
            or (
                english
                and _OBJECT_AFTER.match(after) is not None
                and _PASSIVE_BEFORE.search(before) is None
            )
        )
        if active:
            end = _PATIENT_END.search(after)
            pieces.append(after[: end.start() if end else len(after)])
        else:
            clause = before.rstrip(" ,")
            ends = [(0, 0)] + [m.span() for m in _CLAUSE_END.finditer(clause)]
            piece = clause[ends[-1][1] :]
            if _APPOSED.match(piece) and len(ends) > 1:
                # ("the Central Bureau ..., a body established by Morocco")
                piece = clause[ends[-2][1] : ends[-1][0]]
            pieces.append(piece)
    initiative = _INITIATIVE_OF.search(text)
    if initiative is not None:
        subject = text[: initiative.start()]
        starts = [m.end() for m in _CLAUSE_END.finditer(subject)]
        pieces.append(subject[starts[-1] if starts else 0 :])
    # (Whose it is was not founded: "Morocco's Central Bureau ..., established in 2015".)
    return [_OWNER.sub(" ", piece) for piece in pieces]


#: An answer that says something was asked for, not done: "the Charter calls for ...".
CALLS_FOR = lazy(r"\b(?:calls?|called|calling) for\b", re.IGNORECASE)
#: What someone said, in an answer: a quotation, or a verb of saying.
STATEMENT = lazy(
    r"[\"“”«»]|\b(?:said|says|stated|states|declared|noted|stressed|emphasi[sz]ed|underlined|"
    r"highlighted|remarked|told|asked|answered|explained|warned|called for|insisted|"
    r"(?:a|ont) (?:dit|déclaré|souligné|affirmé|rappelé|insisté|demandé|répondu))\b",
    re.IGNORECASE,
)
#: Who an answer names as helping: "with INL('s capacity-building) support", "supported by
#: the EU", "avec le soutien de l'INL", "grâce à l'ONUDC".
SUPPORTED = lazy(
    r"\bwith (?:the )?(?P<a>[^,.;]{1,60}?)(?:'s|’s)? (?:[\w-]+ )?(?:support|help|assistance|"
    r"funding|backing)\b|\b(?:supported|funded|backed|assisted|sponsored|financed) by "
    r"(?P<b>[^,.;]{1,60})|\bavec (?:le |l['’])?(?:soutien|appui|aide|concours) (?:de |du |des |"
    r"d['’])(?P<c>[^,.;]{1,60})|\bgrâce (?:à|au|aux) (?P<d>[^,.;]{1,60})",
    re.IGNORECASE,
)


def _did_it(f: FactFeatures, asked: Set[str]) -> frozenset[str]:
    """The actors of a fact that did something the question may ask about: not those it
    names as helping, unless the question asks who helped."""
    return f.actors if HELP in asked else f.actors - f.supporters


#: A law named in an answer ("a new anti-terrorism law", "the criminal code"), not law
#: enforcement.
LAW_WORD = lazy(
    r"\b(laws?|lois?|codes?|charter|charte|constitution|conventions?|act|bill|decree|dahir)\b"
    r"(?!\s+enforcement)",
    re.IGNORECASE,
)
#: An article of a law by its number in an answer ("Article 218-1", "art. 5", "l'article 3").
ARTICLE_NUMBER = lazy(r"\b(?:articles?|art\.)\s*\d", re.IGNORECASE)
#: A law's number in an answer ("Law 27-14", "loi n° 86.14").
LAW_NUMBER = lazy(r"\b(law|loi)\s+(no\.?\s*|n°\s*)?\d+[-./]\d+", re.IGNORECASE)

# ------------------------------------------------------------------ question wording

#: Things with names that are not people (a question for their name is not a "person" one),
#: up to three words ahead ("the name of the new law", "le nom du nouveau programme").
_NAMED_THINGS = (
    r"((?!(?:of|in|at|du|de|des|la|le)\b)\w+\s+){0,3}(programmes?|programs?|projects?|projets?|"
    r"initiatives?|networks?|reseaux?|"
    r"laws?|lois?|agreements?|accords?|deals?|pacts?|memorand\w*|mous?|declarations?|"
    r"forums?|courses?|trainings?|formations?|workshops?|ateliers?|"
    r"centres?|centers?|units?|unites?|offices?|bureaux?|agency|agencies|agences?|body|"
    r"bodies|organismes?|institutions?|academy|academies|partnerships?|"
    r"partenariats?|frameworks?|cadres?|manuals?|handbooks?|manuels?|guides?|reports?|"
    r"rapports?|plans?|strategy|strategies|charters?|chartes?|operations?|"
    r"missions?|exercises?|exercices?|systems?|systemes?|labs?|laboratory|laboratories|"
    r"laboratoires?|treaty|treaties|traites?|conventions?|documents?|articles?|sites?|"
    r"pages?|organizations?|organisations?|ministry|ministries|ministeres?|committees?|"
    r"comites?|councils?|conseils?|courts?|cours|tribunals?|tribunaux|city|cities|villes?|"
    r"towns?|villages?|provinces?|regions?|venues?|"
    r"countries|country|pays|groups?|groupes?|forces?|acts?|games?|drills?|maneuvers?|"
    r"manoeuvres?|events?|sessions?|conferences?|meetings?|campaigns?|schemes?|status|"
    # ("comment s'appelle l'administration pénitentiaire ...?": a body, no person)
    r"administrations?|delegations?|directions?|departments?|departements?)\b"
)
#: Roles whose holder is asked for by name ("who is the director ...?").
_ROLES_EN = (
    r"(head|director|president|chief|leader|minister|chair|chairman|chairwoman|spokesperson|"
    r"spokesman|commander|boss|top brass|founder|ambassador|secretary|king|prime minister|"
    r"attorney general|mayor|governor|prosecutor general|delegate general|judge|expert|"
    r"officer|official|prosecutor|attorney|representative|trainer|instructor|facilitator)"
)
_ROLES_FR = (
    r"(directeur|directrice|chef|presidente?|responsable|patron|patronne|ministre|fondateur|"
    r"fondatrice|porte parole|ambassadeur|ambassadrice|roi|premier ministre|secretaire|"
    r"procureur|procureure|delegue|deleguee|commandant|juge|expert|experte|representant|"
    r"representante|formateur|formatrice)"
)
#: A date asked by a keyword alone ("bcij creation date"), when no question word says otherwise.
_KEYWORD_DATE = lazy(r"\b(date|year|annee|dates|years)\b")
_WH_WORD = lazy(
    r"\b(what|which|who|how|why|where|quel|quelle|quels|quelles|qui|comment|"
    r"pourquoi|combien)\b"
)
#: Verbs that, straight after "how many", leave what is counted to the words before it:
#: "ILEAs: how many does INL run?", "how many has it trained?".
COUNTED_BEFORE = frozenset({"does", "do", "did", "has", "have", "had"})
#: "How many X": the words after the cue say what is counted.
HOW_MANY = lazy(
    r"\b(how many|combien (?:de(?!\s+temps)\b|d'|d\b)|number of|nombre de|nombre d')"
    r"\s*(?P<rest>.*)$"
)

#: Up to five words before the question word, none a question word: a phrase moved to the
#: front ("In 2018, which body ...?", "For the new centre, why ...?"; commas are gone here).
_LEAD = (
    r"^\W*(?:(?!(?:what|which|who|whom|whose|how|where|why|when|quel|quelle|quels|quelles|"
    r"qui|quand|pourquoi|comment|combien|ou)\b)\w+\s+){0,5}"
)


def _at_word_starts(source: str) -> LazyRegex:
    """`source` compiled to be tried only where the text or a word starts: every one of its
    branches opens with `^` or with `\\b` and a word (tests/engine/test_fast_paths.py checks),
    so no match starts elsewhere. A search tries each of dozens of branches at every
    character; one look back first skips those inside or after a word, most of them."""
    return lazy(rf"(?<!\w)(?:{source})")


#: What a fact must hold for a kind: (its features, the concepts the question names).
Holds = Callable[[FactFeatures, Set[str]], bool]


#: A document a question names (folded): "the UNODC news item", "la page de l'INL".
_DOCUMENT = (
    r"(articles?|pages?|webpages?|pieces?|notes?|communique|stor(y|ies)|items?|reports?|"
    r"releases?|documents?|posts?|write\s?ups?|papers?|papier|fiche|summary|resume|site|guides?|"
    # (Not a memorandum: "what was the 2014 memorandum called?" asks the framework's name.)
    r"handbooks?|manuals?|declarations?|resolutions?)\b"
)


class Kind(StrEnum):
    """What a question asks for. Members are tried by `asks_for` in this order.

    Each entry: (name, trigger words one of which the folded question must hold before
    the pattern is tried, the pattern, what a fact must hold, the reason when it does
    not, words one of which the folded question must also hold, the same for the
    question as written). `LIST` has no trigger words, so `asks_for` never returns
    it: the matcher's topic listing does, from its cue.
    """

    triggers: tuple[str, ...]
    pattern: Regex
    holds: Holds
    lacks: str
    confirm: tuple[str, ...]
    confirm_written: tuple[str, ...]

    def __new__(
        cls,
        name: str,
        triggers: tuple[str, ...],
        pattern: Regex,
        holds: Holds,
        lacks: str,
        confirm: tuple[str, ...] = (),
        confirm_written: tuple[str, ...] = (),
    ) -> Kind:
        member = str.__new__(cls, name)
        member._value_ = name
        member.triggers = triggers
        member.pattern = pattern
        member.holds = holds
        member.lacks = lacks
        member.confirm = confirm
        member.confirm_written = confirm_written
        return member

    # "What is the title of the INL page on the rule of law?", "quel est le titre du
    # communiqué de l'ONUDC ?", "comment s'intitule le papier ?": a document's title, which
    # only a fact giving one holds (not a fact on what the document says; the CNDH
    # article's headline was never seen). ("Her job title" names no document.)
    TITLE = (
        "title",
        ("title", "titre", "headline", "heading", "intitule", "appelle", "called"),
        lazy(
            r"\b(title|titre|headline|heading|intitule|appelle)\b[^?]{0,60}?\b"
            # (Not the document the asker read it in: "son titre exact d'après le communiqué ?"
            # asks her job title.)
            r"(?<!\bapres le )(?<!\bapres la )(?<!\bapres l )(?<!\bselon le )(?<!\bselon la )"
            r"(?<!\bselon l )(?<!\baccording to the )(?<!\bas per the )(?<!\bin the )"
            r"(?<!\bdans le )(?<!\bdans la )(?<!\bdans l )"
            + _DOCUMENT
            + r"|"
            + _DOCUMENT
            + r"[^?]{0,60}?\b(titled|entitled|headlined|title|titre|headline)\b|"
            # ("what is the UNODC news item called?", not "what document called for ...")
            + _DOCUMENT
            + r"[^?]{0,60}?\bcalled\s*\?*\s*$"
        ),
        lambda f, asked: f.has_title,
        "gives no title",
    )
    # "Which article of the penal code makes recruiting an offence?", "need the article
    # number", "quel article du code pénal ...": an article by its number, which a fact on
    # what the code says does not give (not "which article reported ...", a news article).
    ARTICLE = (
        "article",
        ("article",),
        lazy(
            # (The law itself after "of", four words of its name at most and no article
            # among them: not "quel article de l'ONUDC cite la loi 27-14 ?", a news article.)
            r"\b(which|what|quel|quels)\s+articles?\s+(of|in|from|du|de|des)\s+"
            r"(the\s+|its\s+|la\s+|le\s+|l\s+)?((?!(la|le|les|l|the|a)\b)[\w'-]+\s+){0,4}?"
            r"(code|law|loi|constitution|charter|charte|act|convention|treaty|bill|statute)\b|"
            r"\barticles?\s+(number|numbers|numero|numeros)\b|"
            r"\bnumeros?\s+(d\s+|de\s+l\s+|des\s+)?articles?\b"
        ),
        lambda f, asked: f.has_article,
        "gives no article number",
    )
    LAW_NUMBER = (
        "law-number",
        ("law", "loi", "bill", "decree", "dahir", "act", "statute"),
        lazy(
            r"\b(law|loi|bill|decree|dahir|act)\s+(number|numero|no)\b|\b(number|numero|n)\s+(of|de|du)\s+"
            r"(the\s+|la\s+|l\s+)?(\w+\s+){0,4}(law|loi|bill|decree|dahir|statute)\b"
            # "the number of Law Enforcement Academies" counts academies, it names no law.
            r"(?!\s+enforcement)|"
            # "Jan 2015 anti-terror law - its number?", "la loi de 2015, son numéro ?"
            r"\b(law|loi|statute)\b(?!\s+enforcement)[^?]{0,100}\b(its|son)\s+(numero|number)\W*$|"
            # "loi traite des êtres humains, c'est quel numéro ?": the law named, then its number.
            r"\b(law|loi|statute)\b(?!\s+enforcement)[^?]{0,100}\b(quel|what|which)\s+"
            # (the number asked last: "what number did the workshop train?" asks a count)
            r"(numero|number)\b(?=\s*(is\s+it|does\s+it\s+have|has\s+it|exactement|exactly)?"
            r"\s*([?.!,]|$))"
        ),
        lambda f, asked: f.has_law_number,
        "gives no law number",
    )
    # "Which law covers trafficking?", "quelle loi porte sur la traite ?": a law, by its
    # number or its name ("the anti-terrorism law").
    LAW = (
        "law",
        ("law", "loi", "bill", "decree", "dahir", "convention", "treat", "traite", "charte"),
        lazy(
            _LEAD
            + r"(which|what|quelle)\s+(law|loi|bill|decree|dahir)\b(?!\s+enforcement)|"
            # "Quelle convention internationale ... ?", "which treaty / charter ...?"
            + _LEAD
            + r"(which|what|quelle)\s+(convention|treaty|traite|charter|charte)\b"
        ),
        lambda f, asked: f.has_law_number or f.names_law,
        "names no law",
    )
    # (Before the person and the actor: "the officer who opened the session, which country
    # is she from?" asks where she is from, not who opened it.)
    # "What nationality is Ms. Márquez?", "de quelle nationalité ...?": what the answer
    # says a person's nationality is, not the countries it names.
    NATIONALITY = (
        "nationality",
        ("nationalit", "from"),
        lazy(
            r"\b(what|which|quelle|de quelle)\s+(is\s+(the\s+)?|est\s+(la\s+)?)?nationalit(y|e)\b|"
            r"\bnationalit(y|e)\s+(of|de|du)\b|"
            # ... of a person ("which country is Dr Dweikat from?"), not of funds or staff.
            r"\b(what|which)\s+country\s+(is|was|does|did)\s+(he|she|(mr|ms|mrs|dr|mme|m)\s+"
            r"\w+(\s+\w+)?)\s+(come\s+)?from\b"
        ),
        lambda f, asked: f.has_nationality,
        "gives no nationality",
    )
    PERSON = (
        "person",
        ("who", "nam", "nom", "appel", "qui", "which", "ministre", "directe", "directri", "juge")
        + ("procureur", "formate", "formatri", "responsable", "ambassad", "head", "director")
        + ("chief", "boss"),
        _at_word_starts(
            # "head of DGAPR?", "director of the BCIJ": a role held, asked alone, by its holder.
            # (Not who became head, nor since when: "Morocco became head of the GCTF when?",
            # "head of the GCTF since 2016?" ask of a country's role and its date.)
            _LEAD + r"(?<!\bbecame )(?<!\bbecome )(?<!\bbecomes )(?<!\bas )"
            r"(the\s+)?(current\s+|new\s+)?(head|director|director general|chief|boss)\s+"
            r"(of|at)\s+(the\s+)?(?!(which|what|whose)\b)"
            r"((?!(when|since|year|date|until|quand|depuis)\b)[^\W\d]+)(\s+(?!(when|since|year|date|"
            r"until|quand|depuis)\b)[^\W\d]+){0,2}\s*$|"
            # "DGAPR director name?", "DGSN director general, name?": the holder's name.
            # ("Paris attacks mastermind name": the one who planned them, by name.)
            r"\b(head|director|chief|boss|president|leader|minister|ambassador|commander|"
            r"mastermind|ringleader|suspect|attacker|bomber|spokesperson)"
            r"(\s+general)?\s+(full\s+|first\s+|last\s+)?names?\b|" +
            # "Which UNODC experts ran the training?": people to be named, not counted.
            _LEAD
            + r"which\s+(\w+\s+){0,2}(experts?|speakers?|trainers?|instructors?|officials?|"
            r"judges?|ambassadors?|ministers?|directors?)\s+(ran|led|gave|delivered|taught|spoke|"
            r"opened|chaired|signed|trained|conducted|presented|facilitated|moderated|addressed|"
            # ("which CNDH experts are running the session?")
            r"(are|were|will\s+be)\s+(running|leading|giving|delivering|teaching|presenting|"
            r"moderating|facilitating)|will\s+(run|lead|give|deliver|teach|present|moderate))\b|"
            # "... I need their names", "the trainers name": people to be named.
            r"\b(need|want|get|have)\s+(their|his|her)\s+names?\b|"
            r"\b(trainers?|speakers?|experts?|instructors?|moderators?|facilitators?)['’]?s?\s+names?\b|"
            # ("who was Morocco's justice minister ...?": a name before the role)
            r"\bwho\s+(is|was|are|were|s)\s+(the\s+)?(current\s+)?(\w+\s+){0,3}"
            + _ROLES_EN
            + r"\b|"
            # ("Who ran / led the training?" may be answered by people by their role: ACTOR.)
            # (Not a programme or a training: "who runs the new trainers' programme?" is
            # answered by the bodies that run it.)
            r"\bwho\s+(currently\s+|now\s+|presently\s+)?(heads|headed|leads|runs|directs|directed|chairs|chaired|"
            r"presides|presided|is presiding|s presiding|"
            r"is running|s running|is heading|s heading|"
            r"is in charge|was in charge|is responsible|was responsible|"
            # "Who is currently in charge of the BCIJ?"
            r"(?:is|was|s)\s+(?:currently|now|presently)\s+(?:in charge|responsible|running|"
            r"heading|leading))\b"
            r"(?![^?]{0,60}\b(programmes?|programs?|trainings?|courses?|projects?|"
            r"workshops?|sessions?|initiatives?)\b)|"
            # "Who was appointed (as) head of the BCIJ?", "qui a été nommé à sa tête ?"
            r"\bwho\s+(was|were|is|has\s+been|had\s+been)\s+(appointed|named|nominated|elected|"
            r"chosen|picked|put\s+in\s+charge|placed\s+in\s+charge)\b|\bqui\s+(a\s+ete|est|fut)\s+(nomme|nommee|elu|elue|designe|designee)\b|"
            # "Who are the trainers leading the session?": people to be named.
            r"\bwho\s+(are|were|is|was)\s+the\s+(\w+\s+)?(experts|speakers|trainers|instructors|"
            r"facilitators|moderators|officials|judges)\s+(leading|running|giving|delivering|"
            r"teaching|facilitating|moderating|chairing|opening)\b|"
            # "Who will lead the session on February 24?": someone to be named, ahead.
            r"\bwho\s+(will|is going to|s going to|would)\s+(lead|chair|run|facilitate|moderate|"
            r"teach|train|deliver|present|open|host)\b|"
            # "Which Moroccan justice minister approved the charter?": a holder, by name.
            r"\bwhich\s+(\w+\s+){0,2}(minister|director|ambassador|judge|prosecutor|official|"
            r"officer|expert|trainer|spokesperson|president|chief|head)\s+(approved|signed|"
            r"announced|opened|led|launched|adopted|appointed|said|declared|chaired|ran)\b|"
            # "Who signed the agreement?": a signatory is a person (the parties are named as
            # having signed, not as signing it).
            r"\bwho\s+(actually\s+|exactly\s+)?(signed|signs|a signe|l a signe)\b|"
            r"\bqui\s+(a\s+|l\s+a\s+|ont\s+)(signe|signes)\b|"
            # "signé par qui ?", "il s'appelait comment ?": a person, by name.
            r"\b(signe|signee|signes|signees)\s+par\s+qui\b|\bs\s*appel(le|ait|aient)\s+comment\b|"
            # "comment s'appelait le Belge arrêté ?", "can we name the suspect? his name?"
            r"\bcomment\s+s\s*appel(ait|aient)\b|\b(his|her)\s+name\b|"
            # "What was the Belgian's name?": someone the message speaks of, by name.
            r"\b(the|that|this)\s+(\w+\s+)?(belgian|frenchman|moroccan|american|suspect|mastermind|"
            r"attacker|man|woman|person|terrorist|expert|trainer|speaker|official|officer|judge|"
            r"prosecutor|minister|director|head|chief|representative|ambassador|planner|"
            r"ringleader|perpetrator|bomber|leader|guy|individual|recruiter|"
            r"spokes(?:man|woman|person)|instructor|facilitator|moderator|boss)\s+s\s+"
            r"(full\s+|first\s+|last\s+)?name\b|"
            r"\bcan\s+(we|you|i)\s+name\s+(the|this|that)\b|"
            # "who was the Belgian of Moroccan descent arrested ...?": someone the message
            # speaks of, asked who (not "who was the DGSN?", what a body is).
            r"\bwho\s+(is|was|were|are|s)\s+(the|that|this|these|those)\s+(\w+\s+)?(belgians?|"
            r"frenchman|suspects?|masterminds?|attackers?|man|men|woman|women|person|people|"
            r"terrorists?|planners?|ringleaders?|perpetrators?|bombers?|guy|guys|individuals?|"
            r"recruiters?)\b"
            # (not by whom or to whom: "who was the Belgian linked to?"; the text is folded,
            # its question marks gone)
            r"(?!.*\b(by|to|with|from|for|thanks\s+to)\s*$)|"
            # "the name of the mastermind" asks for a person; "the name of the programme" not;
            # "au nom du Maroc" (on behalf of) asks for neither.
            # ("the official English name of the CNDH" spells out an acronym.)
            r"(?<!\bau )(?<!\bfull )(?<!\bcomplet )(?<!\benglish )(?<!\bofficial )"
            r"\b(name|names|nom|noms)\s+(of|du|de|des)\s+"
            r"(?!(the\s+|la\s+|l\s+|le\s+)?"
            + _NAMED_THINGS
            + r")|\bcomment\s+s\s*appelle\s+(?!(le|la|l|les)\s+"
            + _NAMED_THINGS
            + r")|"
            # (Asked first, not a relative after another question word: "quand le Maroc a-t-il
            # créé le bureau ..., qui pilote la lutte antiterroriste ?" asks when.)
            + _LEAD
            + r"qui\s+(dirige|preside|dirigeait|presidait|pilote|commande)\b|"
            # "Quel ministre de la Justice a porté la Charte ?": a holder, by name.
            r"\b(quel|quelle)\s+(\w+\s+){0,2}(ministre|directeur|directrice|ambassadeur|"
            r"ambassadrice|juge|procureur|formateur|formatrice|experte?|responsable)\s+"
            r"(\w+\s+){0,3}(a|ont|avait)\s+(porte|signe|approuve|adopte|annonce|ouvert|dirige|"
            r"lance|preside|nomme)\b|"
            r"\bqui\s+(est|etait|sera)\s+(a la tete|responsable|en charge)\b|"
            # ("qui était ministre de la Justice ... ?": a role needs no article in French)
            r"\bqui\s+(est|etait|sera)\s+((le|la|l)\s+)?(\w+\s+){0,2}"
            + _ROLES_FR
            + r"\b|"
            # "Who signed on behalf of the DGSN?": a person speaking for a body. Anchored
            # at the start, so a long text is read once.
            + _LEAD
            + r"(who|qui)\b[^?]*\b(on behalf of|au nom de|pour le compte de|"
            r"on \w+ s behalf|on the \w+ side|on each side|du cote)\b"
        ),
        lambda f, asked: f.has_person,
        "names no person",
    )
    # "Who signed the CNDH-DGSN agreement?": somebody the question does not name already.
    # "Who is X?" asks what X is, so it is not one of these.
    ACTOR = (
        "actor",
        ("who", "qui"),
        lazy(
            _LEAD + r"(who|qui)\s+((is|was|are|were|s|est|etait|sont|etaient)\s+"
            # ("who is leading the session?": who does it, not who someone is)
            r"(behind|responsible for|derriere|responsable de|(?!(?:being|going)\b)\w{3,}ing)\b|"
            r"(?!(is|was|are|were|s|est|etait|sont|etaient|etes|es|or|ou)\b)\w)"
        ),
        lambda f, asked: f.has_person or bool(_did_it(f, asked) - asked),
        "names nobody the question does not name already",
    )
    # "Which organisation does Mr. Chabib work for?": a body the question does not name.
    BODY = (
        "body",
        ("which", "what", "quel", "for whom", "pour qui", "name of the", "names of the"),
        _at_word_starts(
            _LEAD + r"(for\s+|with\s+|pour\s+|avec\s+)?(which|what|quel|quelle|quels|quelles)\s+"
            # One body: "which institutions must reform cover?" may ask for kinds of them.
            r"((?!(is|are|was|were|does|do|did|has|have|the|a|an|est|sont|le|la|les|l)\b)\w+\s+){0,2}"
            + BODY_NOUNS
            + r"\b|"
            # "la certification de 2018, c'est quel organisme qui l'a délivrée ?"
            r"\bc\s+est\s+(quel|quelle|quels|quelles)\s+(\w+\s+)?" + BODY_NOUNS + r"\b|"
            # "... certifié pour l'ADN par quel organisme ?", "the name of the body that
            # certified ...", "which company built ...?"
            r"\b(par|by)\s+(which|what|quel|quelle)\s+(\w+\s+)?" + BODY_NOUNS + r"\b|"
            r"\bnames?\s+of\s+the\s+(\w+\s+)?"
            + BODY_NOUNS
            + r"\s+(that|which|who)\b|"
            + _LEAD
            + r"(which|what|quelle|quel|quels|quelles)\s+(\w+\s+)?(company|companies|firm|firms|"
            r"contractor|contractors|entreprise|entreprises|societe|societes)\b"
        ),
        lambda f, asked: any(a.startswith("@") for a in _did_it(f, asked) - asked - f.countries),
        "names no body the question does not name already",
    )
    # "What's Ms. X's position?", "quel poste occupe-t-elle ?": a role, which a fact that
    # only says she attended does not give.
    ROLE = (
        "role",
        ("position", "title", "job", "role", "poste", "fonction", "titre"),
        lazy(
            # ("On what date did Morocco take up its role as co-chair?", "which body has the
            # job of ..., and when was it set up?" ask for a date.)
            r"^(?!.*\b(when|quand)\b).*?\b(what|whats|which|quel|quelle|quels|quelles|quoi)\b"
            r"(?![^?]{0,40}\b(year|date|month|day|annee|mois|jour)\b)"
            # ("Which country shared the co-chair role?" asks for a country.)
            r"(?!\s+(other\s+)?(countr|nation|pays|cit|town|ville))"
            r"[^?]{0,40}\b(position|title|job|role|poste|postes|fonction|fonctions|"
            r"titre)\b(?!\s+(of|du|de|des)\s+(the\s+|la\s+|le\s+|l\s+)?(law|loi|programme|program))|"
            # "who is Ms. X, need her title": a person's title asked without a question word.
            r"\b(his|her|son|sa)\s+(job\s+|official\s+)?(title|position|job|role|poste|fonction|titre)\b|"
            # "la fonction complète de Mme Oufroukhi", "the exact title of Ms. X".
            r"\b(title|position|job|role|poste|fonction|titre)\s+((complete|exacte?|full|exact)\s+)?"
            r"(of|de|d|du)\s+(mme|mr|ms|mrs|dr|m)\b"
        ),
        lambda f, asked: f.has_role,
        "gives no role",
    )
    # "What did Ms. X say at the workshop?", "qu'a déclaré le ministre ?": her words, which
    # a fact saying only that she attended does not give. (Not "what does the law say
    # about ...?": a text's content is asked there, not a statement.)
    STATEMENT = (
        "statement",
        ("say", "said", "tell", "told", "stress", "declar", "remark", "message", "dit"),
        lazy(
            # (Not "what does it say about ...?": "it" is a text, no one quoted.)
            r"\bwhat\s+(did|does|do|has|have|had)\s+(?!it\s)"
            r"(?!(the\s+|this\s+|that\s+|its\s+)?(\w+\s+){0,3}"
            r"(law|laws|bill|article|report|guide|page|source|document|agreement|framework|text|"
            r"strategy|convention|compact|constitution|code|plan|program|programme|story|"
            r"release|summary|website|site|sheet)\b)(\w+\s+){1,5}?(say|tell|stress|declare|"
            r"emphasi[sz]e|highlight|underline|remark|warn)\b"
            # (Not what is reported: "what does the US say Morocco is exporting?")
            r"(?!\s+(?:that\s+)?(?:\w+\s+){1,2}(?:is|are|was|were)\s+\w+ing\b)"
            # (Nor what a body says of itself or of another, "what does INL say it counters
            # abroad?", "what does INL say Morocco exports across the region?": a clause
            # follows, what is said is asked, not how it was put.)
            r"(?!\s+(?:that\s+)?(?:it|they)\s+(?!(?:is|are|was|were)\b)\w+)"
            # ("what does INL say its overall mission is?": its mission, asked.)
            r"(?!\s+(?:that\s+)?(?:its|their)\s+(?:\w+\s+){0,3}(?:is|are|was|were)\W*$)"
            r"(?!\s+(?:that\s+)?(?!(?:about|at|in|on|to|when|during|after|before|of|for|with|"
            r"while|as|the|a|an|this|that|her|his|their|it|they|regarding|concerning|exactly|"
            r"yesterday|today|publicly|recently|then|again|there|here|last|next|first|most|"
            r"specifically|precisely)\b)\w+\s+(?:\w+\s+)?"
            r"(?:\w+s|is|are|was|were|does|do|did|has|have|had)\b)|"
            r"\bwhat\s+(was|were)\s+(\w+\s+){0,4}(message|remarks|words|quote|statement|speech)\b|"
            r"\bqu\s*(a|ont|avait|avaient)\s+(\w+\s+){0,4}(dit|declare|affirme|souligne)\b"
        ),
        lambda f, asked: f.has_statement,
        "quotes nobody",
    )
    # "How old is Mohamed Chabib?", "quel âge a-t-il ?": an age, which no fact gives unless
    # it says one ("a 45-year-old judge", "aged 45", "âgé de 45 ans").
    AGE = (
        "age",
        ("old", "age"),
        lazy(
            r"\bhow old\b|\b(what|quel)\s+(is\s+|est\s+)?(his|her|their|the|son|sa|l)?\s*age\b|"
            r"\bage\s+(of|de|du)\s+(mr|ms|mrs|dr|mme|m|the|le|la)\b"
        ),
        lambda f, asked: f.has_age,
        "gives no age",
    )
    # "What did the 21 prosecutors score on the post-training test?", "the evaluation
    # results?": a result measured, which a fact saying they were trained does not give.
    SCORE = (
        "score",
        (
            "scor",
            "grade",
            "pass rate",
            "result",
            "satisf",
            "feedback",
            "resultat",
            "taux",
            "percent",
            "pourcent",
            "proportion",
            "share",
            "fraction",
            "part",
        ),
        _at_word_starts(
            r"\b(what|how|quel|quelle|quels|quelles)\b[^?]{0,60}\b(score|scored|scores|grade|"
            r"grades|graded)\b|"
            # "What percentage of the 2,800 were women?", "quelle part des 11 millions ...?": a
            # share measured, which a fact giving the whole does not give.
            r"\b(what|which|quel|quelle)\s+(percentage|percent|proportion|share|fraction|"
            r"pourcentage)\s+(of|du|de|des|d)\b|\bquelle\s+part\s+(du|de|des|d)\b|"
            # ("score of the peacekeepers trained?", typed as a fragment)
            r"^\W*(the\s+)?(scores?|grades?)\s+of\b|\b(pass\s+rate|satisfaction\s+(rate|score|survey|results?)|"
            r"(test|exam|assessment|evaluation|survey)\s+results?|results?\s+of\s+the\s+(post\s+"
            r"training\s+)?(test|exam|assessment|evaluation|survey)|post\s+training\s+(test|"
            r"assessment|evaluation|survey)\s+(results?|scores?)|participant\s+feedback|"
            r"feedback\s+from\s+(the\s+)?participants)\b|"
            r"\b(resultats?\s+(du|de\s+l|des)\s+(test|evaluation|examen)s?|taux\s+de\s+"
            r"(reussite|satisfaction))\b"
        ),
        lambda f, asked: f.has_score,
        "gives no result measured",
    )
    # "What time does the Feb 24 session start?", "à quelle heure ...?": a time of day,
    # which a fact giving the day does not give.
    CLOCK = (
        "clock",
        ("time", "heure", "hour"),
        lazy(
            # ("at what time did Morocco become co-chair?" asks when; "what time frame /
            # limit" asks no hour.)
            r"\bwhat\s+(time|hour)\b(?!\s*(frame|span|period|line|limit|horizon|scale|zone|of\s+(the\s+)?year))"
            r"(?=[^?]{0,80}\b(start|starts|starting|begin|begins|end|ends|open|opens|close|closes|"
            r"kick|kicks|finish|finishes|wrap|wraps)\b)|"
            r"\bquelle\s+heure\b|\b(start|starting|end|finish)\s+time\b|"
            r"\bheure\s+de\s+(debut|fin|demarrage)\b"
        ),
        lambda f, asked: f.has_clock,
        "gives no time of day",
    )
    # "What penalties does Law 27-14 set?", "quelle peine ...?": a punishment, with its
    # figure; a fact that the law exists, or that sentencing is discussed, is not one.
    PENALTY = (
        "penalty",
        ("penalt", "punish", "sentence", "term", "prison", "jail", "peine", "sanction"),
        lazy(
            # (Not a kind of sentence: "quel type de peines l'INL aide-t-il à développer ?",
            # "what kind of sentencing ...?" ask which kind, alternative sentencing.)
            r"\b(what|which|quelles?|quels?)\s+"
            r"((?!(types?|kinds?|sorts?|forms?|genres?|formes?)\b)\w+\s+){0,3}(penalty|penalties|punishments?|"
            r"sentences?|prison\s+terms?|jail\s+terms?|peines?|sanctions?)\b(?!\s+of\s+the\s+article)|"
            # "how long in prison", not "how long has INL worked with the prison service".
            r"\bhow\s+(long|many\s+years)\s+(in|of|behind)\s+(prison|jail|bars|imprisonment)\b|"
            r"\bhow\s+long\b[^?]{0,60}\b(sentenced|imprisoned|jailed|locked\s+up|behind\s+bars)\b|"
            r"\bcombien\s+d\s*(annees|ans)\s+de\s+prison\b|"
            # "max penalty for trafficking?", "the maximum sentence under the law", "peine
            # maximale": the bounds of a penalty.
            # (Not "in max 2 sentences", how to answer.)
            r"\b(max|maximum|minimum|min)\s+(?!(one|two|three|un|une|deux|trois)\b)([a-z]+\s+)?"
            r"(penalty|penalties|punishments?|sentences?|prison\s+terms?|jail\s+terms?)\b|"
            r"\b(peines?|sanctions?)\s+(\w+\s+){0,1}(maximale?s?|minimale?s?)\b|"
            # "Range of prison sentences (in years) that ...?"
            r"\brange\s+of\s+(prison\s+|jail\s+)?(sentences?|penalt\w+)\b|"
            r"\brange\s+of\s+(prison|jail)\s+terms?\b|"
            # "... des peines de 2 à 5 ans de prison ... C'est quoi la bonne fourchette ?": the
            # range asked of a penalty the message names (a trigger word above).
            r"\b(quelle|quoi)\s+(est\s+)?(la\s+)?(bonne\s+|vraie\s+)?fourchette\b"
        ),
        lambda f, asked: f.has_penalty,
        "gives no penalty",
    )
    MONEY = (
        "money",
        (
            "much",
            "combien",
            "what",
            "which",
            "quel",
            "dollar",
            "euro",
            "money",
            "fine",
            "amende",
            "budget",
            "cost",
            "price",
            "prix",
            "cout",
            "montant",
            "salar",
            "wage",
            " rate",
            " fee",
            "remun",
        ),
        _at_word_starts(
            # "what is the dollar amount of ...?", "how many euros went to ...?"
            r"\b(dollar|dollars|euro|euros|usd)\s+(amounts?|figures?|values?|totals?|sums?)\b|"
            r"\bhow (many|much) (dollars|euros)\b|"
            # "in dollar terms, how much ...?", "how much aid, in dollars?", "doubled from
            # what to what, in dollars?"
            r"\b(in|en)\s+(dollar|euro|monetary)\s+terms\b|"
            # ("in US dollars", read "in usa dollars" once corrected)
            r"\b(in|en)\s+(us\s+|usa\s+|american\s+)?(dollars|euros|usd|dirhams)\b|"
            # "$ amount after doubling?": the sign read as "money" (`_BARE_CURRENCY`)
            r"\bmoney\s+amount\b|"
            # "doubled from what to what?", "aid ... from how much to how much", "de combien à
            # combien": the sums before and after (not "GLO.ACT ran from what to what?").
            r"\b(aid|assistance|budget|funding|grant|grants|aide|financement)\b[^?]{0,60}?"
            r"\b(from\s+(what|how\s+much)(\s+amount)?\s+to\s+"
            r"(what|how\s+much)|de\s+combien\s+a\s+combien)\b|"
            # ("how much is that in actual dollars?")
            r"\bhow much\b[^?]{0,60}?\b(in|en)\s+(\w+\s+)?(dollars|euros|usd|millions)\b|"
            # "ça fait combien en millions ?"
            r"\bcombien\s+en\s+(millions|milliards|dollars|euros|dirhams)\b|"
            r"\bhow much\b[^?]{0,60}?\b(cost|costs|spend|spent|money|fund|funds|funding|funded|"
            r"budget|pay|paid|invest|invested|cash|financing|financed)\b|"
            # "How much did the aid come to once doubled?": a sum, not how it grew (not "how
            # much cocaine came to Europe?": a quantity, which went somewhere).
            r"\bhow much\s+(did|does|do|will|would)\b[^?]{0,60}?\b(come|amount|add)\s+(up\s+)?to\b|"
            r"\bhow much\b[^?]{0,60}?\b(amounts|amounted|adds\s+up|added\s+up)\s+to\b|"
            # "how much military aid does the US give?": a sum given (not "how much help").
            r"\bhow much\s+(\w+\s+)?aid\b"
            # (not how much it grew: "how much military aid increase ... - did it double?")
            r"(?![^?]{0,40}\b(increase|increased|grow|grew|growth|rise|rose|doubl\w*))|"
            r"\bcombien\s+(d\s*argent|coute|coutent|coutera|a\s+coute|ont\s+coute)\b|"
            # (Not "combien de temps dure le programme financé par l'UE ?": how long.)
            r"\bcombien\b(?!\s+de\s+temps)[^?]{0,60}?\b(coute|coutent|coutera|depense|depenses|"
            r"investi|finance)\b|"
            r"^\W*(what|which)\s+(is|was|are|were|s)\s+(the\s+)?(total\s+|overall\s+)?"
            r"(cost|costs|budget|price|outlay)\b|"
            # "What is INL's yearly budget for ...?", "whats inls yearly budget"
            r"^\W*(what|whats)\s+(is|was|s\s+)?\s*(\w+\s+s\s+|\w+s\s+|its\s+|their\s+)(\w+\s+)?"
            r"(cost|costs|budget|price)\b|"
            r"^\W*whats\s+(the\s+)?(total\s+|overall\s+)?(cost|costs|budget|price)\b|"
            # "what was the BCIJ's operating budget in its first year?", "what is the GLO.ACT
            # budget?": a body's sum, its name between (the sum last, or what it is of).
            r"^\W*(what|whats)\s+(is|was|s)?\s*the\s+([\w.]+\s+){1,3}?(budget|cost|costs|price|"
            r"outlay)\s*(\?|$|(of|for|in)\b)|"
            # "I need the total US budget for the ATA program": a request for an amount.
            r"^\W*the\s+(total\s+|overall\s+|annual\s+|yearly\s+)?(\w+\s+){0,2}budget\s+(of|for)\b|"
            # "budget for the 2014 framework?": the amount, asked by its word alone.
            r"^\W*(total\s+|overall\s+|annual\s+|yearly\s+)?(budget|cost|costs|price)\s+(of|for)\b|"
            r"^\W*what\s+did\b[^?]{0,80}?\bcost\b|"
            # "What does the source give as the cost of the centre?"
            r"\b(give|gives|put|puts|list|lists|state|states|report|reports)\s+as\s+(the\s+|its\s+)?"
            r"(total\s+|overall\s+)?(cost|costs|budget|price|amount)\b|"
            r"\b(quel|quelle)\s+(est\s+|etait\s+|a\s+ete\s+)?(le\s+|la\s+)?(budget|cout|montant|prix)\b|"
            # "C'est quoi le budget du programme ?"
            r"\bc\s+(est|etait)\s+quoi\s+(le|la)\s+(budget|cout|montant|prix)\b|"
            # "what salary or daily rate does INL pay the mentors?", "mentors' salaries?": a
            # sum paid (not "when were the fees announced?", "how many get a salary?").
            r"\b(what|which|how\s+much|quel|quelle|quels|quelles)\s+(\w+\s+){0,2}(salary|salaries|"
            r"wages?|daily\s+rates?|fees?|remuneration|salaires?|remunerations?)\b|"
            r"^(?!.*\b(when|where|how|who|why|which|what|quand|combien|qui|quel|quelle)\b).*"
            r"\b(salary|salaries|wages?|"
            r"salaires?)\b|"
            # "What fine does the law impose?": an amount of money, not any penalty.
            r"\b(what|which|how\s+much|quelle|quelles)\s+(\w+\s+)?(fine|fines|amende|amendes)\b"
        ),
        lambda f, asked: f.has_money,
        "gives no amount of money",
    )
    # "How long has INL worked with the DGAPR?": a start date or a length of time.
    DURATION = (
        "duration",
        ("long", "combien", "many", "duration", "span", "frame", "length", "duree", "period")
        + ("max", "min"),
        _at_word_starts(
            r"\b(how long(?! ago)|combien de temps|pendant combien|depuis combien)\b|"
            # "max pre trial detention for juveniles?", "durée maximale de la garde à vue":
            # how long someone may be held.
            r"\b(max|maximum|minimum|min)\s+(\w+\s+){0,2}(detention|custody)\b|"
            r"\b(duree|detention|garde\s+a\s+vue)\s+(\w+\s+){0,1}(maximale?|minimale?)\b|"
            # "sur quelle période s'étend le programme ?", "over what period did it run?"
            r"\bsur\s+(quelle|combien\s+de)\s+periodes?\b|"
            # "GLO.ACT ça couvre quelle période ?", "what period does it cover?"
            r"\b(couvre|couvrent|couvrait|cover|covers|covered|spans?|spanned)\s+(quelle|what|which)\s+"
            r"(periode|period|time\s*frame|timeframe|years)\b|"
            r"\b(quelle|what|which)\s+(periode|period|time\s*frame|timeframe)\s+(\w+\s+){0,5}"
            r"(couvre|couvrent|cover|covers|covered|span|spans|spanned)\b|"
            r"\b(over|during|for)\s+(what|which)\s+(period|time\s*frame|timeframe|span|years)\b|"
            # "what's the duration / time span of GLO.ACT?", "quelle est la durée du projet ?"
            r"\b(what|whats|which|quelle)\s+(is\s+|was\s+|s\s+|est\s+|etait\s+)?(the\s+|its\s+|la\s+|sa\s+)?"
            r"(duration|time\s*span|timespan|time\s*frame|timeframe|length|duree)\b(?!\s+of\s+(the\s+)?"
            r"(sentence|prison|jail|peine))|"
            # "how many years did GLO.ACT run?", "sur combien d'années s'étend ...?"
            r"\bhow many (years|months|weeks|days)\b(?! (in|of|behind|ago))|"
            # (Not "il y en a combien dans le monde ?": "d" then "ans".)
            r"\bcombien d(?:e\s+|['’\s]\s*)(annees|ans|mois|semaines|jours)\b(?! de prison)"
        ),
        lambda f, asked: f.has_duration,
        "gives no length of time",
    )
    # "Until when does the agreement run?", "when did Morocco's term as co-chair end?": when
    # it ends, not any date.
    END = (
        "end",
        ("until", "till", "jusqu", "end", "expir", "wrap", "conclu", "termin", "fin", "by ", "ici")
        + ("run out", "runs out", "lapse", "close"),
        _at_word_starts(
            r"\b(until when|till when|jusqu a quand|jusqu en quelle annee|end date|date de fin|"
            r"expiry date|expiration date|date d expiration)\b|"
            # "on what date does it close?"
            r"\b(what|which|quel|quelle)\s+(date|day|jour)\s+(does|will|did|do)\s+(it|the\s+\w+)\s+"
            r"(close|closes|end|ends)\b|"
            # "By what date will the reforms be fully implemented?": a deadline.
            # ("By what year had the government approved the charter?" asks when it was.)
            r"\b(by (what|which) (date|year|month|time)|by when)\b(?! (had|did|was|were)\b)|"
            r"\b(d ici quand|d ici quelle (date|annee)|avant quelle (date|annee))\b|"
            # "elle se termine quel jour ?", "ça finit quand ?": the end, asked after it.
            r"\b(se termine|se terminera|prend fin|prendra fin|s acheve|finit|finira)\s+"
            r"(quel jour|quand(?! meme)|a quelle date|le combien)\b|"
            + _LEAD
            + r"(when|quand)\b[^?]*\b(end|ends|ended|expire|expires|expired|finish|finishes|"
            r"finished|conclude|concludes|concluded|wrap up|wraps up|wrapped up|run until|"
            r"runs until|run out|runs out|lapse|lapses|se termine|se terminera|prend fin|"
            r"prendra fin|s acheve|expire)\b"
        ),
        lambda f, asked: f.has_end,
        "gives no end",
    )
    # "Since when has INL worked with the police?": when it began, not any date.
    START = (
        "start",
        ("since", "depuis", "start", "begin", "began", "commenc", "kick", "debut"),
        lazy(
            r"\b(since when|since what year|since which year|since what date|depuis quand|"
            r"depuis quelle annee|depuis quelle date)\b|"
            # "When did the NYPD start working with the HNP?"
            + _LEAD
            + r"(when|quand)\b[^?]*\b(start|starts|started|begin|begins|began|commence|"
            r"commenced|kick off|kicked off|commence|commencera|a commence|debute|a debute)\b"
        ),
        lambda f, asked: f.has_start or f.has_duration,
        "gives no beginning",
    )
    # "Which seven states ...?", "Where are the five academies?": the things themselves,
    # not the count the question already knows. (Two things are often "A and B", which
    # says little: from three on, a list has commas.)
    MEMBERS = (
        "members",
        _NUMBER_WORDS + tuple("123456789"),
        lazy(
            _LEAD + r"(which|what|whats|wats|where|wheres|who|name|list|quels|quelles|ou|qui|"
            r"nomme|citez|cite)\s+"
            r"((are|were|is|r|sont|etaient|se trouvent|sont situees|sont situes)\s+)?"
            r"((the|les)\s+)?(\w+\s+(s\s+)?)?"  # "where are INL's five academies?"
            r"(two|three|four|five|six|seven|eight|nine|ten|twelve|deux|trois|quatre|cinq|six|"
            r"sept|huit|neuf|dix|douze|[2-9]|[1-9]\d)\s+"
            r"(?!(years?|months?|days?|weeks?|ans|mois|jours|semaines)\b)[^\W\d]|"
            # "which states' departments are among the seven ...?": the members of a group
            # counted, by name.
            # (Not one picked by a superlative: "which is the largest among the five?")
            r"\b(which|what)\b(?:(?!\b((?!west\b)\w+est|most|least|fewest|first|last)\b)[^?])"
            r"{0,60}\bamong\s+the\s+(two|three|four|five|"
            r"six|seven|eight|"
            r"nine|ten|twelve|[2-9]|[1-9]\d)\b"
        ),
        lambda f, asked: f.listed >= 2,
        "names them nowhere",
    )
    # "Why was Tangier chosen?": a reason or a purpose, not where or when it happened.
    REASON = (
        "reason",
        ("why", "pourquoi", "reason", "purpose", "raison", "but"),
        lazy(
            _LEAD + r"(why|pourquoi)\b|\b(for what reason|for what purpose|dans quel but|"
            r"pour quelle raison|what (is|was) the (reason|purpose|rationale) (for|behind|of))\b"
        ),
        lambda f, asked: f.has_reason,
        "gives no reason",
    )
    # "Has IPPOS trained more police from Senegal or from Togo?": a comparison, which a
    # fact naming both does not make.
    COMPARE = (
        "compare",
        ("than", " or ", "que", " ou ", "compar", "differen"),
        lazy(
            # "what's the difference between the DGSN and the Gendarmerie?": a fact telling
            # them apart, not one naming both.
            r"\bdifferences?\s+between\b|\bdifferences?\s+entre\b|"
            r"\b(bigger|larger|smaller|more|fewer|less|better|worse|higher|lower|older|newer|rarer|"
            r"longer|shorter|earlier|later)\b[^?]{0,60}\b(than|or)\b"
            # ("the march of more than a million Moroccans": a quantity, compared to nothing.)
            r"(?!\s+(a|an|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|\d[\d,.]*)"
            r"(\s+(hundred|thousand|million|billion))?\b)|"
            r"\b(plus|moins)\b[^?]{0,60}\b(que|qu|ou)\b|\bcompar(e|ed|es|ing|er|aison)\b"
        ),
        lambda f, asked: f.compares,
        "compares nothing",
    )
    # What is counted must be counted too: see `HOW_MANY` and the matcher's abstention.
    COUNT = (
        "count",
        (
            "how",
            "number",
            "combien",
            "nombre",
            "size",
            "maximum",
            "minimum",
            "average",
            "count",
            "tally",
            "figure",
            "chiffre",
        ),
        _at_word_starts(
            # (Not "le combien", the day of the month: "signé le combien ?".)
            # (not "for a number of years": several, no count asked)
            r"\b(how many|how much|(?<!\ba )number of|(?<!\ble )combien|nombre de|nombre d|"
            r"quel nombre|how large|how big|what size|how numerous|maximum|minimum|average)\b|"
            # "What was the vote count?", "what's the final tally?"
            r"\b(what|whats)\s+(is\s+|was\s+|s\s+)?(the\s+)?(\w+\s+)?(count|tally|headcount)\b|"
            # "... What's the actual number?", "what is the total number?", "whats the real
            # fig": how many.
            r"\bwhat(?:\s+is|\s+was|['’]?s|\s+s)?\s+the\s+(?:exact\s+|total\s+|real\s+|right\s+|"
            r"actual\s+|correct\s+|precise\s+)?(?:number|figure)\W*$|"
            # "... « plus de 8 000 policiers ». Quel est le bon chiffre ?"
            r"\bquel\s+(?:est|etait)\s+le\s+(?:(?:bon|vrai|veritable)\s+(?:chiffre|nombre)|"
            r"(?:chiffre|nombre)(?:\s+exact)?)\W*$|"
            # "what was the actual number trained?": how many were, the participle after it.
            r"\bthe\s+(?:exact\s+|total\s+|real\s+|right\s+|actual\s+)?number\s+"
            r"(?:trained|deployed|attending|attended|involved|arrested|killed|taking\s+part|who)\b|"
            # "What figure does the INL summary actually give?"
            r"\bwhat\s+(?:figure|number|count)\s+(?:does|do|did|is|was)\b"
            # (Not a sum: "what figure does the source give for the budget?")
            r"(?![^?]{0,60}\b(?:budget|cost|costs|price|spend|spent|funding|money|amount)\b)|"
            # "Which document gives a count of returnees?": a figure for them.
            # (Not "the count of Paris", a nobleman.)
            r"\ba\s+(count|tally|headcount)\s+of\b|"
            r"\b(gives?|has|have|need|want|find)\s+the\s+(count|tally|headcount)\s+of\b|"
            # "ILEA count?", "prosecutors headcount": a name and the word asking its number.
            r"^\W*[\w.-]+(?:\s+[\w.-]+){0,3}\s+(count|tally|headcount)\W*$|"
            # ("terror cells dismantled - number?": the same, the number asked last; not a
            # law's number, nor "what's its number?")
            r"^\W*(?!.*\b(?:law|statute|loi|article|decree|its|what|whats|which|phone|any|"
            r"resolution|case|reference|dahir|file|serial)\b)"
            r"[\w.-]+(?:\s+[\w.-]+){0,3}\s+(number|figure)\W*$"
        ),
        # "By how much did the aid grow?": "it doubled" says how much.
        lambda f, asked: f.has_count or (f.multiplies and not GROWTH.isdisjoint(asked)),
        "gives no figure",
    )
    DATE = (
        "date",
        (
            "when",
            "year",
            "date",
            "month",
            "ago",
            "quand",
            "annee",
            "mois",
            "wann",
            "jour",
            "moment",
            "day",
            "combien",  # "le combien"
        ),
        _at_word_starts(
            # "What was the vote count when the bill passed?" asks for a count: a "when"
            # after another question word joins a clause, it asks for no date.
            r"^(?:(?!\b(?:what|which|who|how|where|why)\b).)*?\bwhen\b|"
            # (The same of "quand": "quelles victimes veut-il aider quand il parle d'accès
            # à la justice ?" asks which victims.)
            r"^(?:(?!\b(?:quel|quelle|quels|quelles|qui|combien|comment|pourquoi)\b).)*?\bquand\b|"
            r"\b((?:what|which)\s+(?:other\s+|later\s+|further\s+|earlier\s+)?years?|"
            r"what dates|which dates|in what years|since when|"
            r"how long ago|what month|which month|quelles? annees?|quelles? dates?|"
            r"depuis quand|quel mois|a quelle date|"
            r"a quel moment|en quelle annee|en quel mois|wann|quels? jours?|quelle journee|"
            # "On what day is the first session planned?"
            r"what day|which day|"
            # "signé le combien ?", "on est le combien ?": which day of the month.
            r"le combien)\b|"
            # "... what was the exact date?", "what's the year of ...?", "what were the
            # actual dates of that workshop?"
            r"\b(what|whats)\s+(is\s+|was\s+|s\s+|were\s+|are\s+)?(the\s+)?"
            r"(exact\s+|precise\s+|actual\s+)?(dates?|year|month)\b(?!\s+range)|"
            # "... le 4 février ? quelle est la date ?", "quelle était la bonne année ?"
            r"\bquel(le)?s?\s+(est|etait|sont|etaient)\s+(la|le|l|les)\s+"
            r"(bonne\s+|vraie\s+|veritable\s+)?(dates?|annees?|mois|jours?)\b"
        ),
        lambda f, asked: f.has_date,
        "gives no date",
    )
    # "Which regions will the Moroccan trainers train in?", "pour quelles régions ?": a
    # place the question does not name (the Maghreb, the Sahel), not a fact that only
    # says "regional".
    REGION = (
        "region",
        ("region",),
        lazy(
            r"\b(which|what)\s+(\w+\s+)?regions?\b|\bin\s+which\s+(\w+\s+)?regions?\b|"
            r"\bquelles?\s+(\w+\s+)?regions?\b"
        ),
        lambda f, asked: any(p not in asked for p in f.regions),
        "names no region",
    )
    CITY = (
        "city",
        ("city", "cities", "town", "ville", "capital"),
        lazy(
            # ("in which Moroccan city ...?")
            r"\b(which|what)\s+(\w+\s+)?(city|cities|towns?)\b(?!\s+hall)|\bin\s+which\s+(city|cities|town)\b|"
            # "the name of the town where ...?"
            r"\bnames?\s+of\s+(the\s+)?(city|cities|towns?)\b|"
            r"\bquelles?\s+villes?\b|"
            # "what's the capital of Moldova?", "la capitale du Mali ?": a city (not "human
            # capital", "capital punishment")
            r"\b(the|la)\s+capitale?\s+(city\s+)?(of|du|de|des|d)\b"
        ),
        lambda f, asked: f.has_city,
        "names no city",
    )
    # "ou" is "or" unless written "où", or the question says where in other words.
    PLACE = (
        "place",
        ("where", "venue", "lieu", "endroit", "ou "),
        _at_word_starts(
            # ("Is there a name for the academies where INL trains police?": after another
            # question word, "where" opens a clause; it asks for no place.)
            # (Nor after the order to answer: "Name the stages of the process where INL
            # helps".)
            r"^(?:(?!\b(?:what|which|who|how|why|is|are|was|were|name|list)\b).)*?\bwheres?\b|"
            # ("can you list where those academies are?": the order, then where, asks it)
            r"\b(list|name|tell me|say)\s+where\b|"
            r"\b(what venue|which venue|quel lieu|a quel endroit)\b|"
            # (Nor "où" after another question word: "c'est quoi l'exercice annuel où le Maroc
            # s'entraîne avec les Américains ?" asks what.)
            r"^(?:(?!\b(?:quoi|quel|quelle|quels|quelles|qui|comment|combien|quand|pourquoi)\b).)*?"
            r"(^|\s)ou\s+(se|a|ont|est|sont|le|la|les|l|s|etait|sera|aura)\b|"
            # "la formation se tient où exactement ?", "ça se passe où ?": "où" after its verb.
            r"\b(tient|tiendra|tenait|tenue?|lieu|passe|passera|deroule|deroulera|est|etait|"
            r"sera)\s+ou\b(?!\s+(non|pas)\b)"
        ),
        # A place the question names already is not the answer: "where was the training
        # for Moldovan officials held?" is not answered by naming Moldova.
        # ("where's the police forensic lab in Morocco located?" is not answered by a fact
        # whose only place, its `where`, is Morocco.)
        lambda f, asked: (
            (f.has_where and not f.where_places)
            or any(p not in asked for p in f.where_places)
            or any(p not in asked for p in f.places)
        ),
        "gives no place",
        # ("c ou la formation ?", "c'est ou ?": chat for "c'est où", never "or".)
        ("where", "ville", "lieu", "city", "endroit", "venue", "c ou ", "c est ou", "cest ou"),
        ("où",),
    )
    # Another country than those the question names.
    COUNTRY = (
        "country",
        ("countr", "nation", "pays"),
        lazy(
            # "which West African countries' officers ...?": two words may say which.
            r"\b(which|what)\s+(other\s+)?"
            r"((?!(is|are|was|were|does|do|did|has|have|the|a|an)\b)\w+\s+){0,2}"
            # (Not "which United Nations mechanisms": the UN is no country.)
            r"(countries|country|(?<!united\s)nations?)\b|"
            r"\bquels?\s+(autres?\s+)?pays\b"
        ),
        lambda f, asked: bool(f.countries - asked),
        "names no other country",
    )
    # "Which trainings were held?": a topic's facts, listed (see the matcher's `_browse`).
    LIST = (
        "list",
        (),
        lazy(r"\b(which|what|list|all|any|quels|quelles|liste|tous|toutes|show)\b"),
        lambda f, asked: True,
        "",
    )


@lru_cache(maxsize=2048)  # a question's words, every question
def role_key(word: str) -> str:
    """One key for a role word in the singular and the plural: "judges" and "judge"."""
    return "%" + fold(word).removesuffix("s")


_HAPPENED = frozenset(
    {"happen", "happened", "happening", "occur", "occurred", "take place", "took place"}
    | {"taken place", "taking place"}
    # "Où s'est déroulée la session ?", "quand a-t-elle eu lieu ?"
    | {"deroule", "deroulee", "deroules", "deroulees", "derouler", "lieu"}
)
#: The words that only name the kind asked ("which town ...?", "what's the time span
#: ...?"): a fact that answers gives a city or a length of time, and need not say "town"
#: or "span" (the kind checks it gives one). Not "year" or "date": a fact about the
#: subject's year says it ("in what year was it adopted?" is not answered by the date of
#: a workshop on it). A fact that says it is
#: not the worse for it, so these words are not dropped from the question (see the matcher).
NAMED_BY: dict[Kind, frozenset[str]] = {
    Kind.CITY: frozenset({"city", "cities", "town", "towns", "ville", "villes"}),
    Kind.REGION: frozenset({"region", "regions", "wider", "broader", "larger", "greater"}),
    # "Quelles fonctions exerce-t-elle ?", "what position does she hold?": a fact that
    # gives her role ("head of ...") need not call it one.
    Kind.ROLE: frozenset(
        {"position", "title", "job", "role", "poste", "postes", "fonction", "fonctions"}
        | {"titre", "exerce", "exercent", "occupe", "occupent", "hold", "holds"}
    ),
    # "Ballpark figure for ...?": a fact that gives one need not say "figure".
    # "la personne arrêtée était de quelle nationalité ?": a fact saying "a Belgian" answers.
    Kind.NATIONALITY: frozenset({"nationality", "nationalities", "nationalite", "nationalites"}),
    Kind.COUNT: frozenset(
        {"figure", "figures", "ballpark", "rough", "approximate", "chiffre", "chiffres"}
        | {"tally", "headcount"}  # "what is the tally of police peacekeepers trained?"
        | {"number", "numbers", "count", "nombre"}  # "number of countries in glo.act?"
    ),
    # "can u check wat the range is": a penalty's bounds, which need no word "range".
    Kind.PENALTY: frozenset({"range", "ranges", "fourchette"}),
    # "Which law governs / covers trafficking?", "quelle loi encadre la traite ?"
    Kind.LAW: frozenset(
        {
            "govern",
            "governs",
            "regulate",
            "regulates",
            "cover",
            "covers",
            "address",
            "addresses",
            "encadre",
            "encadrent",
            "regit",
            "regissent",
            "couvre",
            "couvrent",
            "reglemente",
            "reglementent",
        }
    ),
    # ... and "sur combien d'années s'étend le projet ?" (not "how long did the workshop
    # last / run?": what lasted must be the fact's subject, and no other word says so).
    Kind.DURATION: frozenset(
        {
            "duration",
            "span",
            "spans",
            "timespan",
            "timeframe",
            "time",
            "length",
            "duree",
            "temps",
            "stint",
            "period",
            "periode",
            "etend",
            "etale",
        }
    ),
    # "When / where did the attacks happen?", "when did it take place?": an event's date
    # or place, which its fact gives without saying "happened".
    Kind.DATE: _HAPPENED | {"moment"},  # "à quel moment ... ?"
    # "Since what year / depuis quelle année ...?": a fact saying since when answers.
    Kind.START: frozenset({"since", "depuis", "year", "annee"}),
    # "What's the number of the trafficking law?", "quel est le numéro de la loi ?": a fact
    # giving "Law 27-14" answers, without the word "number".
    Kind.LAW_NUMBER: frozenset({"number", "numero", "statute"}),
    # "When does GLO.ACT end?", "what's its end date?": a fact saying "2015-2019" answers.
    Kind.END: frozenset(
        {"end", "ends", "ended", "date", "until", "till", "expire", "expires", "expiry", "fin"}
    ),
    Kind.PLACE: _HAPPENED,
}


#: Each kind with its trigger words, and every trigger word: the words a question holds are
#: found once, not once per kind.
_TRIGGERS = [(kind, frozenset(kind.triggers)) for kind in Kind]
#: Trigger word -> the kinds it gates, as their places in `_TRIGGERS` (a question holds a
#: trigger or two: their kinds are tried, in order, not every kind).
_KINDS_TRIGGERED: dict[str, tuple[int, ...]] = {
    t: tuple(n for n, (_, triggers) in enumerate(_TRIGGERS) if t in triggers)
    for kind in Kind
    for t in kind.triggers
}
_ALL_TRIGGERS = tuple(sorted({t for kind in Kind for t in kind.triggers}))


#: A trigger without a space lies inside one word of a folded question: those are found
#: word by word, and kept by word (questions reuse their words); the few with a space
#: ("ou ", "for whom") are looked for in the whole text.
_WORD_TRIGGERS = tuple(t for t in _ALL_TRIGGERS if " " not in t)
_SPACED_TRIGGERS = tuple(t for t in _ALL_TRIGGERS if " " in t)
_NO_TRIGGER: frozenset[str] = frozenset()
_ANY_WORD_TRIGGER = lazy("|".join(map(re.escape, _WORD_TRIGGERS)))
#: Word -> the triggers it holds. Emptied when full.
_TRIGGERS_IN_WORD: dict[str, frozenset[str]] = {}
TRIGGER_WORDS_KEPT = 2048
_NOT_WORD = lazy(r"[^\w\s]")
_UP_TO_DATE = lazy(r"\bup to date\b")


#: A message asking for a figure by name: "ballpark figure for Moroccans who went to
#: fight?", "what's the latest number on prosecutors trained?" (a "who" after it is no
#: question of who).
_FIGURE_ASKED = lazy(
    r"^\W*(?:(?:what|whats)\s+(?:is\s+|s\s+)?)?(?:the\s+)?"
    r"(?:(?:ballpark|rough|approximate|approx|exact|total|overall|latest|official)\s+)?"
    r"(?:figure|figures|number|numbers|headcount|chiffre|chiffres)\s+(?:for|on|pour|sur)\b|"
    # "Need the number of prosecutors who attended ...": who opens a relative clause.
    # ("number of prosecutors who took part ...?": the number opening the question)
    # ("number of the law that ...": which law it is)
    r"(?:\bthe\s+|^\W*)(?:exact\s+|total\s+|real\s+|actual\s+)?number\s+of\s+"
    r"(?!(?:the|a|an|this|that|its|their|le|la|les)\b)[\w.]+"
    r"(?:\s+[\w.]+)?\s+(?:who|that|qui)\b"
)


#: A figure asked last, after what it counts: "Moroccans who joined ... since 2011,
#: approximate number?", "prosecutors who attended the workshop - how many?" (the "who"
#: before opens a relative clause, asking for no one).
_FIGURE_LAST = lazy(
    r"(?:[,:;–—]|\s-)\s*(?:(?:the|an?|le|un)\s+)?(?:(?:ballpark|rough|approximate|approx\.?|"
    r"exact|overall|latest|official)\s+)?(?:figure|number|count|headcount|total|chiffre|"
    r"nombre|how\s+many|combien)\s*(?:\?+\s*)?$",
    re.IGNORECASE,
)
#: The marks `_FIGURE_LAST` needs before the figure asked (most questions hold none).
_FIGURE_LAST_MARKS = frozenset(",:;–—-")

#: Two figures offered, one against the other: "2000 or 3000", "2017 ou 2019".
_FIGURES_OFFERED = lazy(
    r"(?<![\w.,])(\d[\d,.]*)\s+(?:or|ou)\s+(\d[\d,.]*)(?![\w-])"
    # (not a length guessed: "lasted 2 or 3 days?", "10 ou 15 ans ?")
    r"(?!\s*(?:days?|weeks?|months?|years?|yrs?|jours?|semaines?|mois|ans|ann[ée]es?)\b)",
    re.IGNORECASE,
)
#: A question opening on its question word ("which court ..., number?" asks which court;
#: "Moroccans who joined ..., number?" opens on what it counts).
_OPENS_ON_QUESTION_WORD = lazy(
    r"^\s*(?:what|whats|which|who|where|when|how|why|quel|quelle|quels|quelles|qui|ou|quand|"
    r"comment|pourquoi)\b"
)


_TIME_CLAUSE = lazy(
    # (Not a question of its own: "when did Morocco set up the bureau, which leads ...?",
    # "quand le Maroc a-t-il créé le bureau ..., qui pilote ...?" ask when.)
    r"^\W*(?:when|once|after|before|while|quand|lorsqu['’e]?|après|avant)\b"
    r"(?!\s+(?:did|does|do|was|were|is|are|has|have|had|will)\b)"
    r"(?:(?!-t-|-(?:il|elle|ils|elles|on)\b|\best-ce\b)[^?,;])*,\s*"
    r"(?P<rest>(?:what|which|who|whom|how|where|why|quel|quelle|quels|quelles|qui|combien|"
    r"comment|pourquoi|où)\b.*)$",
    re.IGNORECASE | re.DOTALL,
)


def triggers_in(folded: str) -> set[str]:
    """The trigger words `folded` holds (a folded text of words and spaces): the same set as
    `{t for t in _ALL_TRIGGERS if t in folded}`, from each word's triggers, kept."""
    memo = _TRIGGERS_IN_WORD
    present: set[str] = set()
    for word in folded.split():
        found = memo.get(word)
        if found is None:
            if len(memo) >= TRIGGER_WORDS_KEPT:
                memo.clear()
            found = memo[word] = (
                frozenset(t for t in _WORD_TRIGGERS if t in word)
                if _ANY_WORD_TRIGGER.search(word)  # (most words hold none)
                else _NO_TRIGGER
            ) or _NO_TRIGGER
        if found:
            present |= found
    present.update([t for t in _SPACED_TRIGGERS if t in folded])
    return present


#: A currency sign standing for its name, with no figure after it: "how much $ ...?".
_BARE_CURRENCY = lazy(r"[$€](?!\s*\d)")


#: The last of several sentences, a question: "... right? Where was it held?".
#: A word joining a question to what came before it: "... right? or where was it held?".
JOINING_WORDS = ("or", "and", "but", "so", "et", "mais")
#: The words a question opens with ("où" aside: folded, it is "ou", "or").
QUESTION_OPENERS = (
    *("what", "which", "who", "whom", "whose", "when", "where", "why", "how"),
    *("quel", "quelle", "quels", "quelles", "quand", "combien", "comment", "pourquoi", "qui"),
)
_LAST_QUESTION = lazy(
    r"[?.!]\s+([^?.!]{3,}\?)\s*$"
    # ("... in Rabat in July 2018 right? or where was it actually held": unpunctuated after
    # a question, opening on its question word)
    rf"|\?\s+((?:(?:{'|'.join(JOINING_WORDS)})\s+)?(?:{'|'.join(QUESTION_OPENERS)}|où)\b"
    r"[^?.!]{3,}?)\s*$",
    re.IGNORECASE,
)
#: "the DNA certification the lab got in 2018, which accreditation body granted it?": the
#: question opening at the last comma, read when the whole asks no kind (not a relative
#: clause, which ends with no question mark: "the training in Rabat, where the BCIJ is").
_LATE_QUESTION = lazy(
    r",\s*((?:which|what|where|quel|quelle|quels|quelles|combien|"
    # "what about the centre in Tiflet, when did it open?" (not "..., when it builds up
    # a partner's capacity?", a clause of the question before it)
    r"when\s+(?:did|was|were|is|does|do|will|has|had)|how\s+(?:many|much|long))\b"
    r"[^,?]{3,}\?)\s*$",
    re.IGNORECASE,
)


def asks_for(question: str, *, original: str | None = None) -> Kind | None:
    """What kind of thing the question wants, from its wording alone.

    `original` is the question as written when `question` is its corrected form
    (which has lost its accents: "où" is "where", "ou" is "or").
    """
    # "When Morocco took over as co-chair, which country was the other one?": a clause
    # of time first, then the question.
    clause = _TIME_CLAUSE.match(original or question)
    if clause is not None:
        return asks_for(clause.group("rest"))
    written = original or question
    if ("$" in written or "€" in written) and _BARE_CURRENCY.search(written):
        # "how much $ did INL give?": the sign, which the corrected words lost, says money
        # (not "of the €11 million", a figure the question states).
        question = _BARE_CURRENCY.sub(" money ", written)
    folded = fold(question).replace("-", " ")
    folded = _NOT_WORD.sub(" ", folded)
    if _FIGURE_ASKED.search(folded):
        return Kind.COUNT
    # (A figure asked last counts only when no other kind is asked, or "who" opened a
    # relative clause: "which article of Law 27-14, number?" asks for an article.)
    figure_last = (
        not _FIGURE_LAST_MARKS.isdisjoint(written)
        and bool(_FIGURE_LAST.search(written))
        and not _OPENS_ON_QUESTION_WORD.match(folded)
    )
    if "up to date" in folded:
        folded = _UP_TO_DATE.sub(" ", folded)  # "current", not a date asked for
    # A cheap substring test first: most questions hold no cue of most kinds.
    # (A spaced trigger may end the text: "ça se passe où ?" folds to "... se passe ou".)
    present = triggers_in(folded + " ")
    # The kinds one of whose triggers the question holds, in `_TRIGGERS` order.
    tried = sorted({n for t in present for n in _KINDS_TRIGGERED[t]}) if present else ()
    for n in tried:
        kind = _TRIGGERS[n][0]
        if reader(kind.pattern, folded).search(folded):  # (see `ascii_copy`)
            if kind.confirm and not (
                any(w in folded for w in kind.confirm)
                or any(w in (original or question).lower() for w in kind.confirm_written)
            ):
                continue
            return Kind.COUNT if figure_last and kind is Kind.ACTOR else kind
    if figure_last:
        return Kind.COUNT
    offered = _FIGURES_OFFERED.search(written) if " or " in written or " ou " in written else None
    if offered is not None:
        # "IPPOS trained 2000 or 3000 police peacekeepers?", "the lab's certification,
        # 2017 or 2019?": figures guessed, with no question word, ask a count or a year.
        years = all(looks_like_year(side) for side in offered.groups())
        return Kind.DATE if years else Kind.COUNT
    if _KEYWORD_DATE.search(folded) and not _WH_WORD.search(folded):
        return Kind.DATE
    last = _LAST_QUESTION.search(written)
    if last is not None:
        # "The first session was in Rabat, right? Where was it actually held?": the
        # question after a claim checked, its word read where the sentence opens.
        return asks_for(last.group(1) or last.group(2))
    late = _LATE_QUESTION.search(written) if "," in written else None
    if late is not None:
        return asks_for(late.group(1))
    return None
