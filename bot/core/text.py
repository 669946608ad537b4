"""Text normalisation shared by the fact base, the linter and the matcher.

Everything here is pure and deterministic: strings in, strings out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from sys import intern
from typing import TypeVar

import Stemmer

from bot.core.i18n import MONTHS_EN, MONTHS_FR
from bot.core.lazyregex import Regex, compile_all, lazy, made

#: What a piece of text is read into (`by_piece`): tokens, words.
_T = TypeVar("_T")

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d"
_FOLD_TABLE = {ord(c): "-" for c in _DASHES}
_FOLD_TABLE.update({ord(c): "'" for c in "\u2018\u2019\u201a\u201b\u2032\u00b4\u02bc`"})
_FOLD_TABLE.update({ord(c): '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"})
_FOLD_TABLE.update({ord("\u0153"): "oe", ord("\u00e6"): "ae", ord("\u00df"): "ss"})
_TAG = lazy(r"</?[A-Za-z][^<>]*>")
_WS = lazy(r"\s+")
#: The combining marks of U+0300-U+036F (all but the grapheme joiner, which combines nothing):
#: what NFKD leaves of the accents of Latin letters.
_LATIN_MARKS = lazy(
    "[" + "".join(chr(c) for c in range(0x300, 0x370) if unicodedata.combining(chr(c))) + "]+"
)


@lru_cache(maxsize=256)  # a question is folded several times as it is read
def fold(text: str) -> str:
    """Case-fold, strip accents, unify quote marks and dashes, collapse white space.

    The same folding as the evaluation scorer, so "verbatim" means the same thing
    to the linter and to the people who check our quotes.
    """
    if text.isascii():
        # No accents, and of the marks unified only the backquote is ASCII. `split()` and
        # `\s` agree on what white space is, so this is the general path's result, faster.
        if "`" in text:
            text = text.replace("`", "'")
        return " ".join(text.lower().split())
    text = unicodedata.normalize("NFKD", text)
    # Accented Latin letters decompose into ASCII and marks of one block: taking those off
    # in C leaves ASCII (then the ASCII path is the same), else every character is tested.
    bare = _LATIN_MARKS.sub("", text)
    if bare.isascii():
        return fold(bare)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.translate(_FOLD_TABLE).lower()
    return _WS.sub(" ", text).strip()


@lru_cache(maxsize=4096)
def _fold_word(word: str) -> str:
    """`fold` of one non-ASCII word: the same French words recur in every fact."""
    return fold(word)


def fold_for_quote(text: str) -> str:
    """`fold`, after removing leftover markup tags such as ``<u>...</u>``."""
    return fold(_TAG.sub("", text))


def escape_mrkdwn(text: str) -> str:
    """Escape the three characters Slack treats as control characters in text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ---------------------------------------------------------------- tokens

STOPWORDS_EN = frozenset(
    """a about above after again against all am an and any are aren as at be because been
    being below between both but by can could did didn do does doesn doing don down
    during each few for from further had has have having he her here hers herself him himself
    his how i if in into is isn it its itself just me more most my myself no nor not of off on
    once only or other our ours ourselves out over own same she should so some such than that
    the their theirs them themselves then there these they this those through to too under
    until up very was wasn we were weren what when where which while who whom why will with
    would you your yours yourself yourselves s t also tell me please pls plz get got let us
    know any anything something thing things ever roughly approximately approx around
    exactly precisely nearly almost some many much ahead prior upon within via regarding
    concerning according whats hows whos wheres whens thats theres im ive dont doesnt didnt
    isnt wasnt arent werent cant wont haven havent hasn hasnt hadn hadnt say says stuff gonna
    wanna kinda sorta basically
    actually really btw hey hi hello thanks thank behalf total overall entire whole rite stated
    refer refers referring referred cite cites cited citing even
    tho though anyway reality afterwards afterward subsequently specifically exact
    especially mostly mainly primarily ultimately particularly essentially generally
    typically usually actualy apart aside behind late mid gone went
    colleague colleagues else ie eg etc viz
    alongside besides beside along towards toward onto despite versus every together
    huge massive mass enormous ordinary tiny small big decisive crucial believed reportedly
    supposedly allegedly reckoned estimated autumn winter summer spring concretely several various
    numerous multiple
    try tries trying tried thought came come
    lol lmao rofl haha hahaha
    """.split()  # noqa: SIM905
)
STOPWORDS_FR = frozenset(
    """a ai aie aient ait as au aux avec avaient avait avez avoir ce ceci cela celle celles
    celui ces cet cette ceux comme d dans de des du elle elles en es est et etaient etait
    ete etre eu eux il ils j je l la le les leur leurs lui m ma mais me meme mes moi mon n ne
    nos notre nous on ont ou par pas pour qu que quel quelle quelles quels qui s sa sans se
    ses son sont sur t ta te tes toi ton tu un une vos votre vous y c ca cest quest quoi
    sein vis
    dont lors sous est-ce peut pourrais pourriez svp stp ete environ approximativement
    exactement presque quand comment pourquoi combien lequel laquelle lesquels lesquelles
    doit doivent devait devaient devrait devraient faut va vont allait aussi donc alors
    auraient
    bonjour salut merci totale totaux entier entiere sera seront serait seraient aura
    auront aurait pendant durant tout toute toutes tous precisement vraiment deja
    encore ensuite notamment surtout principalement essentiellement particulierement
    globalement generalement selon ensemble decisif decisifs decisive decisives cruciale
    cruciaux automne hiver printemps concretement plusieurs divers diverses nombreux
    nombreuses multiples mdr ptdr grace prevu prevus prevue prevues voient voit
    mene menent mener menait menaient organise organisee organisees organises organisent apres
    permettre permettra permettront permettrait
    devenu devenus devenue devenues devient deviennent intervient interviennent intervenir
    directement parmi cite citee cites citees complete complet completes complets peux
    contre vers indique indiquee indiques indiquees priorite prioritairement sinon
    veut veulent voulait voulaient vouloir aupres
    bon bons bonne exacte exactes exacts realite""".split()  # noqa: SIM905
)
STOPWORDS = STOPWORDS_EN | STOPWORDS_FR

#: Chat shorthand that is not a typo of any one word.
SHORTHAND = {
    "wat": "what",
    "corect": "correct",
    "corrrect": "correct",
    "wut": "what",
    "wht": "what",
    "wen": "when",
    "whn": "when",
    "hw": "how",
    "mny": "many",
    "koi": "quoi",
    "ki": "qui",
    "kel": "quel",
    "kan": "quand",
    "ke": "que",
    "kelle": "quelle",
    "cmb": "combien",
    "u": "you",
    "r": "are",
    "abt": "about",
    "yr": "year",
    "yrs": "years",
    "nb": "number",
    "nvelle": "nouvelle",
    "nvlle": "nouvelle",
    "nvel": "nouvel",
    "nveau": "nouveau",
    "nvx": "nouveaux",
    "esp": "especially",
    "num": "number",
    "b4": "before",
    "2gether": "together",
    "dos": "does",  # "what exercise does morocco dos w/ the us" (DOS in capitals: the department)
    "govt": "government",
    "gov": "government",
    "intl": "international",
    "natl": "national",
    "dept": "department",
    "w": "with",
    "ct": "counterterrorism",
    "intel": "intelligence",
    "bc": "because",
    "cuz": "because",
    "ppl": "people",
    "incl": "including",
    "approx": "approximately",
    "info": "information",
    "thru": "through",
    "pq": "pourquoi",
    "pk": "pourquoi",
    "pkoi": "pourquoi",
    "dose": "does",  # "wich bodies dose the training look at": no dose in the facts
    "ya": "y a",  # "combien ya de pays": il y a
    "quun": "qu un",  # "le pays quun juge a formé": qu'un, its apostrophe dropped
    "ment": "meant",  # "wat was it ment to do": English chat (French "il ment" is no question)
    "quune": "qu une",
    "pourkoi": "pourquoi",
    "qd": "quand",
    "bcp": "beaucoup",
    "cb": "combien",
    "ds": "dans",
    "pr": "pour",
    "orga": "organisation",
    "orgas": "organisations",
    "certif": "certification",
    "certifs": "certifications",
    "admin": "administration",
    # Question words mistyped: left to the typo corrector they become other words
    # ("wher" -> "when", "wich" -> "with") and the question asks for the wrong kind.
    "wher": "where",
    "whre": "where",
    "wehre": "where",
    "wich": "which",
    "teh": "the",  # too short for the corrector, and never a word of its own
    "ther": "there",  # a rare real word ("ther-"), so never corrected; in chat, "there"
    "bein": "being",  # "-in" for "-ing", but "being" is no word of the facts to correct to
    "begining": "beginning",  # "at the begining": no "beginning" in the facts to correct to
    "doin": "doing",  # "wat is nypd doin for ...": no "doing" in the facts either
    "thier": "their",  # a function word: the corrector never corrects to one
    "thir": "their",
    "hte": "the",
    "whch": "which",
    "whcih": "which",
    "wnen": "when",
    "hwo": "how",
    "wann": "when",
    "depts": "departments",
    "1st": "first",
    "2nd": "second",
    "3rd": "third",
    "jan": "january",
    "feb": "february",
    "apr": "april",
    "jun": "june",
    "jul": "july",
    "aug": "august",
    "oct": "october",
    "nov": "november",
    "dec": "december",
    "4th": "fourth",
    "5th": "fifth",
    "1er": "premier",
    "1ere": "premiere",
    "1eres": "premieres",
    "1ers": "premiers",
    "1re": "premiere",
    "2e": "deuxieme",
    "2eme": "deuxieme",
    "3e": "troisieme",
    "3eme": "troisieme",
    "mgmt": "management",
    "govts": "governments",
    "reps": "representatives",
    "stats": "statistics",
    "org": "organization",
    "orgs": "organizations",
    "prog": "programme",
    "progs": "programmes",
    "trng": "training",
    "gvt": "gouvernement",
    "wil": "will",
    "ops": "operations",
    "pd": "police department",
    "tmrw": "tomorrow",
    "tmw": "tomorrow",
    "tmr": "tomorrow",
    "smth": "something",
    "sth": "something",
    "nbr": "number",  # "wats the actual nbr"
    "nbre": "nombre",
    "fig": "figure",  # "whats the real fig"
    "figs": "figures",
}

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "seventy": 70,
    "hundred": 100,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "vingt": 20,
    "trente": 30,
    "cent": 100,
    "mille": 1000,
}
#: Small numbers written in words meet the same figures in digits ("five ILEAs" answers
#: "4 or 5?"). Not "one"/"un" (a pronoun, an article), "sept" (September), "neuf" (new).
_FIGURE_KEYS = {
    word: frozenset((str(_NUMBER_WORDS[word]),))
    for word in """two three four five six seven eight nine ten eleven twelve
    deux trois quatre cinq huit dix onze douze""".split()  # noqa: SIM905
}
#: Years said in words, as dictated: "two thousand three", "twenty fifteen", "deux mille
#: dix-huit" (not "two thousand eight hundred", a count; not "twenty one", twenty-one).
_EN_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_EN_TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_FR_UNITS = ["un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"]
_FR_TEENS = ["dix", "onze", "douze", "treize", "quatorze", "quinze", "seize"]
_FR_TENS = ["vingt", "trente", "quarante", "cinquante", "soixante"]
_EN_BELOW_100 = (
    rf"(?:(?:{'|'.join(_EN_TENS)})(?:[\s-](?:{'|'.join(_EN_UNITS)}))?|"
    rf"{'|'.join(_EN_TEENS)}|{'|'.join(_EN_UNITS)})"
)
_FR_BELOW_100 = (
    rf"(?:(?:{'|'.join(_FR_TENS)})(?:[\s-](?:et[\s-])?(?:{'|'.join(_FR_UNITS)}|onze))?|"
    rf"dix[\s-](?:sept|huit|neuf)|{'|'.join(_FR_TEENS)}|{'|'.join(_FR_UNITS)})"
)
_SPOKEN_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
)
_SPOKEN_YEAR = lazy(
    # ("two thousand ...", "deux mille ..." only after a word placing a time: "trained two
    # thousand prosecutors" is a count.)
    r"(?:(?<=\bin\s)|(?<=\bsince\s)|(?<=\bby\s)|(?<=\bfrom\s)|(?<=\buntil\s)|(?<=\ben\s)|"
    r"(?<=\bdepuis\s)|(?<=\bavant\s)|(?<=\bafter\s)|(?<=\bbefore\s)|(?<=\bapr[eè]s\s)|"
    # (or a year named: "de quelle année deux mille douze", "the year two thousand five";
    # not "last year two thousand prosecutors", "cette année deux mille policiers")
    r"(?<=\bthe\syear\s)|(?<=\bwhich\syear\s)|(?<=\bwhat\syear\s)|(?<=\bquelle\sann[ée]e\s)|"
    r"(?<=\bl['’]ann[ée]e\s)|"
    # (or a month: "en juillet deux mille dix-huit", "in July two thousand eighteen")
    + "|".join(rf"(?<=\b{month}\s)" for month in (*_SPOKEN_MONTHS, "février", "août", "décembre"))
    + r")"
    rf"(?:two\s+thousand(?:\s+and)?(?:\s+(?P<en>{_EN_BELOW_100}))?|"
    rf"deux\s+mille(?:\s+(?P<fr>{_FR_BELOW_100}))?)\b"
    r"(?![\s-]+(?:and\s+)?(?:[a-z]+[\s-]+)?(?:hundred|hundreds|cent|cents|thousand|mille)\b)|"
    rf"\btwenty[\s-](?P<late>{'|'.join(_EN_TEENS)}|twenty(?:[\s-](?:{'|'.join(_EN_UNITS)}))?)\b",
    re.IGNORECASE,
)
_WORD_SPLIT = lazy(r"[\s-]+")


def _below_100(words: str, units: list[str], teens: list[str], tens: list[str]) -> int:
    """ "fifteen" -> 15, "twenty one" -> 21, "dix huit" -> 18, "vingt et un" -> 21."""
    value = 0
    for word in _WORD_SPLIT.split(words.lower()):
        if word in units:
            value += units.index(word) + 1
        elif word in teens:
            value += teens.index(word) + 10
        elif word in tens:
            value += 10 * (tens.index(word) + 2)
    return value


#: A date in figures: "16/05/2003", "le 24/02" (day first, as in Morocco and France), or
#: a month and its year, "05/2015"; not "24/7", "page 12/15", "loi 19/12", "16/05/18".
_NUMERIC_DATE = lazy(
    r"\b(\d{1,2})/(\d{1,2})(?:/((?:19|20)\d\d))?\b(?!/)|"
    r"(?<![\d/])(?P<month>0?[1-9]|1[0-2])/(?P<of_year>(?:19|20)\d\d)\b(?!/)"
)
#: What stands before a date given without its year: "le 24/02", "on 24/02", "since 3/4".
_DATE_CUE = lazy(
    r"\b(?:le|du|au|on|since|from|until|till|by|depuis|avant|apr[èe]s|before|after)\s*$",
    re.IGNORECASE,
)


def numeric_dates(text: str, language: str) -> str:
    """`text` with its dates in figures written with their month's name ("16/05/2003" ->
    "16 May 2003", "le 24/02" -> "le 24 février", "05/2015" -> "May 2015"): a fact names
    the month. The day comes
    first; a date whose first figure cannot be a month but the second can ("05/16/2003")
    is read month first; one that can be neither, or that has no year and no word placing
    a date before it ("1/2 of them", "24/7"), stays as written."""
    months = MONTHS_FR if language == "fr" else MONTHS_EN

    def in_words(match: re.Match[str]) -> str:
        if match.group("month") is not None:  # "05/2015": May 2015
            return f"{months[int(match.group('month')) - 1]} {match.group('of_year')}"
        first, second, year = int(match.group(1)), int(match.group(2)), match.group(3)
        day, month = (first, second) if second <= 12 else (second, first)
        if not (1 <= month <= 12 and 1 <= day <= 31) or (
            year is None and not _DATE_CUE.search(match.string, 0, match.start())
        ):
            return match.group(0)  # (no date; "1/2 of them", "24/7", without a year or cue)
        name = months[month - 1]
        return f"{day} {name} {year}" if year else f"{day} {name}"

    return _NUMERIC_DATE.sub(in_words, text)


def spoken_years(text: str) -> str:
    """`text` with its years said in words written in figures ("in two thousand three" ->
    "in 2003", "twenty fifteen" -> "2015", "deux mille dix-huit" -> "2018")."""

    def year(match: re.Match[str]) -> str:
        if match.group("late") is not None:
            return str(2000 + _below_100(match.group("late"), _EN_UNITS, _EN_TEENS, _EN_TENS))
        if match.group(0).lower().startswith("two"):
            words, lists = match.group("en"), (_EN_UNITS, _EN_TEENS, _EN_TENS)
        else:
            words, lists = match.group("fr"), (_FR_UNITS, _FR_TEENS, _FR_TENS)
        return str(2000 + (_below_100(words, *lists) if words else 0))

    return _SPOKEN_YEAR.sub(year, text)


#: A figure said in words: "twelve", "twenty one", "three thousand".
_SPOKEN_FIGURE = lazy(
    rf"\b(?P<n>{_EN_BELOW_100})(?:[\s-](?P<times>hundred|thousand))?\b(?![-'’])", re.IGNORECASE
)
_TIMES = {"hundred": 100, "thousand": 1000}
#: The words of figures said in words (`spoken_figures`).
_FIGURE_WORDS = frozenset([*_EN_UNITS, *_EN_TEENS, *_EN_TENS, *_TIMES])
#: The words of a figure `spoken_figures` writes in digits (10 and over), as an alternation:
#: a cue that a message may hold one.
SPOKEN_FIGURE_WORDS = "|".join([*_EN_TEENS, *_EN_TENS, *_TIMES])


def spoken_figures(text: str) -> str:
    """`text` with its figures said in words written in digits ("twelve prosecutors" ->
    "12 prosecutors", "three thousand officials" -> "3000 officials"): a claim dictated
    states its figure so."""

    def figure(match: re.Match[str]) -> str:
        # (The words either side, read from a few characters only: a long message with many
        # figures costs no more per figure.)
        start, end = match.start(), match.end()
        before = [w.lower() for w in match.string[max(0, start - 40) : start].split()[-2:]]
        after = [w.lower() for w in match.string[end : end + 40].split()[:2]]
        # ("five hundred and twelve" is one figure; "twenty and thirty" two.)
        if before[-1:] == ["and"] and before[:1] and before[0] in _TIMES:
            before = before[:-1]
        if after[:1] == ["and"] and (match.group("times") or "").lower() in _TIMES:
            after = after[1:]
        if before[-1:] and before[-1] in _FIGURE_WORDS or after[:1] and after[0] in _FIGURE_WORDS:
            # ("three thousand five hundred", "nineteen ninety nine", "five hundred and
            # twelve": one figure of many words, read as written.)
            return match.group(0)
        value = _below_100(match.group("n"), _EN_UNITS, _EN_TEENS, _EN_TENS)
        times = match.group("times")
        if value < 10 and not times:
            # "the one in Tangier", "in two cultural spheres. Which ones?", "before three":
            # a small figure in words names or points more often than it is claimed.
            return match.group(0)
        return str(value * _TIMES[times.lower()] if times else value)

    return _SPOKEN_FIGURE.sub(figure, text)


#: Words that make a text state a quantity ("a million", "two prosecutors", "dozens").
QUANTITY_WORDS = frozenset(_NUMBER_WORDS) | {
    "million",
    "millions",
    "thousand",
    "thousands",
    "dozen",
    "dozens",
    "hundreds",
    "billion",
}

#: The titles a person is named with, as a regular-expression alternation: "Ms. Oufroukhi",
#: "Mme Oufroukhi", "Dr Dweikat".
PERSON_TITLES = "Mr|Ms|Mrs|Dr|Mme|Mlle|M|Miss|Madame|Monsieur|Prof"

#: How many times over, a figure of how much something grew: "by how much did the aid grow?"
#: is answered by "it doubled".
MULTIPLIERS = frozenset(
    {"doubled", "doubling", "tripled", "tripling", "quadrupled", "halved", "twofold", "threefold"}
    | {"double", "doublee", "triple", "triplee", "twice"}  # (folded: "doublé" is "double")
)

# "2,800" / "18 000" / "1.500" -> "2800"; a thin space or no-break space also groups digits.
_GROUPED_NUMBER = lazy(r"(?<![\d,.])(\d{1,3})(?:[,.\u00a0\u202f ](\d{3}))+(?![\d])")
# "U.S." / "US" (upper case) is the United States, not the pronoun.
_US = lazy(r"\b[Uu]\.\s?[Ss]\.(?!\w)|\bUS\b|\b[Uu]\.[Ss]\b")
# Letters joined by dots ("GLO.ACT", "e.g.") read as one word.
_DOTTED = lazy(r"(?<=[A-Za-z])\.(?=[A-Za-z])")
# An ampersand between spaces is the word "and" (a stop word in either language).
_AMPERSAND = lazy(r"(?<!\S)&(?!\S)")
_TOKEN = lazy(r"\d+(?:-\d+)+|[^\W_]+(?:-[^\W_]+)*", re.UNICODE)
_DIGIT = lazy(r"\d")


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a text: its folded surface form and whether it was written in capitals."""

    surface: str
    upper: bool

    @property
    def is_number(self) -> bool:
        return self.surface[:1].isdigit()


def _group_digits(match: re.Match[str]) -> str:
    return re.sub(r"\D", "", match.group(0))


def tokenize(text: str) -> list[Token]:
    """Split text into folded word tokens.

    Hyphenated words stay whole ("post-blast", "27-14"); callers decide whether to
    split them. Grouped numbers are joined ("2,800" -> "2800").
    """
    return list(_tokens(text))


@lru_cache(maxsize=512)
def _tokens(text: str) -> tuple[Token, ...]:
    """`tokenize`, memoised: a question or a fact field is read two or three times in a row
    (language, question kind, slots), so a small cache spares the repeats."""
    # Each pattern needs a character the cheap test looks for: most texts skip the scan.
    if "." in text or "US" in text:
        text = _US.sub(" USA ", text)
        text = _DOTTED.sub("", text)
    if _DIGIT.search(text) is not None:
        text = _GROUPED_NUMBER.sub(_group_digits, text)
    if "&" in text:
        # "the prisons & reinsertion administration": "and" in a name.
        text = _AMPERSAND.sub(" and ", text)
    raw = unicodedata.normalize("NFKC", text)
    # No token holds white space, so the tokens of a text are those of its pieces between
    # spaces, and pieces ("Morocco?", "the") recur from text to text: kept by piece.
    return by_piece(raw.split(), _PIECE_TOKENS, _piece_tokens, _PIECE_TOKENS_MAX)


def by_piece(
    pieces: Iterable[str],
    memo: dict[str, tuple[_T, ...]],
    read: Callable[[str], tuple[_T, ...]],
    kept: int,
) -> tuple[_T, ...]:
    """What `read` makes of each piece of a text, joined: pieces ("Morocco?", "the") recur
    from text to text, so each is read once and kept in `memo` (emptied at `kept`)."""
    out: list[_T] = []
    for piece in pieces:
        found = memo.get(piece)
        if found is None:
            if len(memo) >= kept:
                memo.clear()
            found = memo[piece] = read(piece)
        out += found
    return tuple(out)


def _piece_tokens(piece: str) -> tuple[Token, ...]:
    """The tokens of a piece of text holding no white space."""
    out: list[Token] = []
    known = _WORD_TOKENS
    for word in _TOKEN.findall(piece):
        token = known.get(word)
        if token is None:
            token = _word_token(word)
            if token is None:
                continue
        out.append(token)
    return tuple(out)


#: The token of each word as written, for `_tokens`: the same words recur in every
#: question, and a dict lookup costs a tenth of making the token. Emptied when full.
_WORD_TOKENS: dict[str, Token] = {}
_WORD_TOKENS_MAX = 4096
#: The tokens of each piece of text between spaces, for `_tokens`. Emptied when full.
_PIECE_TOKENS: dict[str, tuple[Token, ...]] = {}
_PIECE_TOKENS_MAX = 1024


def _word_token(word: str) -> Token | None:
    """The token of one word as `_TOKEN` finds it, kept in `_WORD_TOKENS`; None if it folds
    to nothing."""
    # A token holds only letters, digits and hyphens: folding ASCII is lower-casing.
    folded = word.lower() if word.isascii() else _fold_word(word)
    if not folded:
        return None
    if folded == word:
        folded = word  # one string for both, while the memo keeps it
    if len(_WORD_TOKENS) >= _WORD_TOKENS_MAX:
        _WORD_TOKENS.clear()
    token = _WORD_TOKENS[word] = Token(folded, len(word) >= 2 and word.isupper())
    return token


def is_stopword(token: Token) -> bool:
    """A function word, unless it was written in capitals ("UN", "EU", "US" are names)."""
    return token.surface in STOPWORDS and not token.upper


# No stemmer-side cache (maxCacheSize 0): `word_keys` keeps its own, and PyStemmer's
# costs more time to purge than it saves and holds megabytes of words.
_STEM_EN = Stemmer.Stemmer("english", 0)
_STEM_FR = Stemmer.Stemmer("french", 0)


#: Everyday words a stemmer makes another's: French "courant" (common: "l'aide la moins
#: courante") is not "cour" (a court), "is that correct?" asks nothing of corrections,
#: "pouvez-vous me donner la date" nothing of donations ("dons"), "j'aimerais savoir"
#: nothing of an aim, "merci l'équipe" nothing of equipment. Each keeps a stem of its
#: own ("=" marks it: no stemmer makes one), in both languages.
_OWN_STEMS = (
    ("courant=", "courant courante courants courantes"),
    ("correct=", "correct correctly correctness incorrect correcte correctement"),
    ("answer=", "answer answers answered answering"),
    ("back=", "back"),
    ("author=", "author authors authored"),
    ("depart=", "depart departs departed departing departure departures"),
    ("extreme=", "extremely extremement"),
    ("evident=", "evident evidently evidemment evidente"),
    (
        "donner=",
        "donne donnes donner donnez donnons donnent donnerait donnerai donneront "
        "donnaient donnerais donnait donnant",
    ),
    ("aimer=", "aime aimes aimer aimerais aimerait aimerai aimeraient aimeriez aimons aimez"),
    ("equipe=", "equipe equipes"),
    ("connaitre=", "connais connait connaissez connaissons connaitre connaissais connaissait"),
    ("sort=", "sort sorts"),  # "what sort of ...?", not "sorting" prisoners
    ("station=", "station stations"),  # "police stations", not troops "stationed"
    ("field=", "field fields"),  # "in the field of", not police "fielded"
    ("initial=", "initial initially initials"),  # not an "initiative"
    ("okay=", "okay"),  # not a law "okayed"
    ("policy=", "policy policies"),  # not "policier"
    ("president=", "president presidents presidente"),  # not the co-chair's "présidence"
    (
        "relative=",
        "related relate relates relating relative relatives relatively "
        "relativement relatif relatifs",
    ),  # "related to", "relatif à": not "relations"
    ("response=", "response responses responsive"),  # not "responsables" (officials)
    ("valid=", "valid validity"),  # "still valid?", not a law "validated"
    # "ILEA count?", not "counters" (a French stem); "still active?", not "activities"
    ("count=", "count counts counted counting"),
    # An irregular past the stemmer leaves apart: "the workshop drew on best practice".
    ("draw=", "draw draws drew drawn drawing"),
    ("active=", "active actively"),
    ("visa=", "visa visas"),  # not "visant" (aiming at)
    ("monter=", "monter monte montes montait mont"),  # "a monté", not a "montant"
    ("special=", "speciale speciales speciaux specialement"),  # not "spécialiste"
    ("suivant=", "suivant suivante suivants suivantes"),  # not "suivi" (monitoring)
    ("local=", "local locale locales localement"),  # not "locaux" (premises)
    ("ressort=", "ressort ressortir"),  # "il ressort que", not "ressortissant"
    # "integrate human rights into police work", not "a intégré le GCTF" (joined)
    ("integrate=", "integrate integrates integrated integrating integration"),
    # English words a French synonym stems like: "when was the network formed?" is not
    # "formé" (trained), a US "envoy" not "envoyé" (deployed), "integrity" not "intégré"
    ("form=", "form forms formed forming"),
    ("envoy=", "envoy envoys"),
    ("integrity=", "integrity integral"),
    # ... and the names of the fact base: "de quoi parle la loi ?" is not about the
    # parliament ("parlement"), "pas mal" not about Mali, "dans quels cas" not about
    # Casablanca ("Casa"), "what constitutes ..." not about the constitution.
    ("parler=", "parle parles parlent parler parlez parlons parlait parlais parlant"),
    ("mal=", "mal male males"),
    ("cas=", "cas case cases"),
    ("ile=", "ile iles"),
    (
        "constituer=",
        "constitute constitutes constituted constituting constitue constitues constituee "
        "constituees constituent constituer constituait",
    ),
)
_OWN_STEM = {
    word: frozenset((intern("e:" + stem), intern("f:" + stem)))
    for stem, words in _OWN_STEMS
    for word in words.split()
}


@lru_cache(maxsize=2048)
def word_keys(word: str, lang: str | None = None) -> frozenset[str]:
    """The index keys of a folded word: its English and its French Snowball stem.

    Keys are tagged by language ("e:train", "f:format") so one language's stem
    never meets the other's by accident ("trainer" is "train" to the French
    stemmer, "training" is "train" to the English one). A question and a fact
    meet on a word when either language's stems agree. Numbers are their own key, and
    small numbers in words share their digits' ("five" is "5").
    A text known to be in one language (`lang` "en" or "fr") only gets that
    language's stems; a text of unknown language gets both.
    """
    # Interned, so the many words of one stem share one key string in every index.
    if word[:1].isdigit():
        return frozenset((word,))
    figure = _FIGURE_KEYS.get(word)
    if figure is not None:
        return figure
    own = _OWN_STEM.get(word)
    if own is not None:
        return own
    # British spellings meet American ones: "specialised" is "specialized" (the stemmer
    # keeps "specialis" and "special" apart).
    english = _BRITISH_IZE.sub(r"\1iz\2", word) if "is" in word else word
    if lang == "en":
        return frozenset((intern("e:" + _STEM_EN.stemWord(english)),))
    if lang == "fr":
        return frozenset((intern("f:" + _STEM_FR.stemWord(word)),))
    return frozenset(
        (intern("e:" + _STEM_EN.stemWord(english)), intern("f:" + _STEM_FR.stemWord(word)))
    )


#: "-ise", "-ised", "-isation", ... after three letters or more: the British spelling of
#: "-ize" ("rise", "wise" too short to be one).
_BRITISH_IZE = lazy(
    r"^(?!(?:exerc|expert|enterpr|comprom|surpr|prem|prom|adv|rev|superv|telev|dev|compr|"
    r"franch|merchand|otherw|prec|conc|parad|treat|dem|disgu|improv|chast|exc|inc|circumc|"
    r"wise|rise|ra|pra|po|no|cru|ind|organ)is)(\w{3,}?)is(e|es|ed|ing|ation|ations|er|ers)$"
)


_FRENCH_ONLY = STOPWORDS_FR - STOPWORDS_EN
_ENGLISH_ONLY = STOPWORDS_EN - STOPWORDS_FR
_FRENCH_MARKS = lazy(r"[éèêàùçôîœ]|\bqu'|\b[ldjn]'[a-zà-ÿ]", re.IGNORECASE)


@lru_cache(maxsize=1024)  # the matcher asks twice per question (its language, its slots)
def text_language(text: str) -> str | None:
    """ "fr", "en", or None when a short text gives no clue (a keyword, an acronym).

    Counts function words that belong to one language only, plus French accents
    and elisions: reliable on chat questions, which always carry a few.
    """
    words = [t.surface for t in _tokens(text)]
    fr = sum(map(_FRENCH_ONLY.__contains__, words))
    en = sum(map(_ENGLISH_ONLY.__contains__, words))
    # Every mark is an apostrophe or a letter outside ASCII.
    if ("'" in text or not text.isascii()) and _FRENCH_MARKS.search(text):
        fr += 1
    if fr > en:
        return "fr"
    if en > fr:
        return "en"
    return None


def number_value(word: str) -> int | None:
    """The value of a digit string or a number word, else None."""
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word)


def figures(text: str) -> frozenset[int]:
    """The values of the figures in `text` that are not years ("21 prosecutors", "five"),
    nor days of a month ("February 24", "du 24 au 26 septembre")."""
    tokens = tokenize(text)
    values = set()
    for n, t in enumerate(tokens):
        if looks_like_year(t.surface):
            continue
        value = number_value(t.surface)
        if value is not None and not day_of_month(tokens, n):
            values.add(value)
    return frozenset(values)


#: Month names, folded, English and French.
MONTHS = frozenset(
    """january february march april may june july august september october november december
    janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre""".split()  # noqa: SIM905
)
#: Words joining the two days of a span: "24 to 26 September", "du 24 au 26 septembre".
_DAY_SPAN = frozenset({"to", "and", "au", "et"})


#: Month names that are also words: "March" (a march), "mars" (the planet, "marcher").
_MONTH_WORDS = frozenset({"march", "mars"})
_OTHER_MONTHS = MONTHS - _MONTH_WORDS
#: The key word a month name becomes, so that "in March 2007" never meets "they marched".
MONTH_MARK = "month"


def mark_months(tokens: Sequence[Token]) -> tuple[Token, ...]:
    """`tokens` with "March" / "mars" next to a figure or another month ("in March and
    April 2007", "le 16 mars") made the word "marchmonth" / "marsmonth": a date, not a
    march."""
    for t in tokens:  # (a loop: most texts name no month, and any() costs twice as much)
        if t.surface in _MONTH_WORDS:
            break
    else:
        return tuple(tokens)
    marked = list(tokens)
    for n, t in enumerate(tokens):
        if t.surface not in _MONTH_WORDS:
            continue
        near = [*tokens[max(0, n - 1) : n], *tokens[n + 1 : n + 4]]
        if any(w.is_number or w.surface in _OTHER_MONTHS for w in near):
            marked[n] = Token(t.surface + MONTH_MARK, t.upper)
    return tuple(marked)


def day_of_month(tokens: Sequence[Token], n: int) -> bool:
    """Whether the figure at `n` is a day next to its month (or in a span of days)."""
    word = tokens[n].surface
    if not word.isdigit() or int(word) > 31:
        return False
    near = [tokens[n - 1].surface if n else ""]
    ahead = [t.surface for t in tokens[n + 1 : n + 4]]
    near += ahead[:1]
    if len(ahead) == 3 and ahead[0] in _DAY_SPAN and ahead[1].isdigit():
        near.append(ahead[2])
    return any(word in MONTHS for word in near)


def looks_like_year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and 1900 <= int(word) <= 2100


def is_quantity(token: Token) -> bool:
    """Whether a token counts something: a figure or a number word, not a year, a law
    number or a range ("2015", "Law 27-14", "24-26 September")."""
    if token.is_number:
        return "-" not in token.surface and not looks_like_year(token.surface)
    return token.surface in QUANTITY_WORDS


#: Month names that are also everyday words: a month only next to a figure.
_MONTHS_AS_WORDS = _MONTH_WORDS | {"may", "mai"}


def states_date(tokens: Sequence[Token]) -> bool:
    """Whether a text says when: a year, or a month ("scheduled for February 24"); "May"
    and "March" only next to a figure ("in May 2003", "le 16 mai"), not "they may march"."""
    for n, t in enumerate(tokens):
        word = t.surface
        if looks_like_year(word) or (word in _OTHER_MONTHS and word not in _MONTHS_AS_WORDS):
            return True
        if word in _MONTHS_AS_WORDS:
            near = [*tokens[max(0, n - 1) : n], *tokens[n + 1 : n + 2]]
            if any(w.is_number for w in near):
                return True
    return False


#: The most words of a message that are read, and the most letters of a word. No
#: question needs more, and typo correction costs grow with the square of a word's
#: length: a 5,000-letter word would take gigabytes (issue: "one long word stalls").
MAX_WORDS = 60
MAX_WORD_CHARS = 40


def bounded(text: str) -> str:
    """`text` with at most MAX_WORDS words of at most MAX_WORD_CHARS characters each.

    Every way text enters the engine goes through this, so the work any message can
    cause is bounded whatever it holds.
    """
    words = text.split(maxsplit=MAX_WORDS)[:MAX_WORDS]
    if len(words) < MAX_WORDS and max(map(len, words), default=0) <= MAX_WORD_CHARS:
        return text
    return " ".join(w[:MAX_WORD_CHARS] for w in words)


def lowering_ignores_case(text: str) -> bool:
    """Whether a pattern of lower-case letters ignoring case finds in `text` what it finds,
    not ignoring case, in `text.lower()`: unless `text` holds one of the three characters a
    regex ignoring case reads as a letter that is not their lower case ("İ" and "ı" as i,
    "ſ" as s; every other character lowers to one character, a letter or not as it was:
    tests/engine/test_fast_paths.py checks all of Unicode). Positions are kept too, as each
    character lowers to one."""
    return text.isascii() or not ("\u0130" in text or "\u0131" in text or "\u017f" in text)


_ESCAPE = lazy(r"\\.")
#: What may let a pattern ignoring case in Unicode match an ASCII letter by a letter outside
#: ASCII, which it does not do read as ASCII: "K" (the kelvin sign) is "k", "ſ" is "s", "ı"
#: and "İ" are "i" (no other character is: tests/engine/test_fast_paths.py), written as
#: such, by an escape, or in a range reaching them.
_NOT_ASCII_ALONE = lazy(r"[\u212a\u017f\u0131\u0130]|\\[uUN0-7]|[^\x00-\u012f]-|-[^\x00-\u012f]")


#: Each pattern's ASCII copy, by the pattern's id; the entry holds the pattern, so no other
#: object takes its id. (Not `functools.cache`: a `re.Pattern` hashes its whole compiled
#: code, ~2 us a lookup for a cue, ~8 us for the matcher's longest, dozens a message.)
_ASCII_COPIES: dict[int, tuple[Regex, Regex]] = {}


def ascii_copy(pattern: Regex) -> Regex:
    """`pattern` read as ASCII, for printable ASCII text (most messages): there `\\w`, `\\s`,
    `\\d` and `\\b` mean what they mean in Unicode, letters match the same letters (ignoring
    case or not), and `re` tests them up to a third faster. `pattern` itself where it may
    not match the same (`_NOT_ASCII_ALONE`, or an inline flag the copy refuses). Made on
    first use: compiling every copy at import cost the one-question cold start ~50 ms."""
    known = _ASCII_COPIES.get(id(pattern))
    if known is not None and known[0] is pattern:
        return known[1]
    copy = _ascii_copy(pattern)
    _ASCII_COPIES[id(pattern)] = (pattern, copy)
    return copy


def _ascii_copy(pattern: Regex) -> Regex:
    """`ascii_copy` made (see there)."""
    if pattern.flags & re.IGNORECASE and _NOT_ASCII_ALONE.search(pattern.pattern):
        return pattern  # (only ignoring case may a non-ASCII letter match an ASCII one)
    try:
        return re.compile(pattern.pattern, (pattern.flags & ~re.UNICODE) | re.ASCII)
    except (re.error, ValueError):  # ("(?u:...)": Unicode asked for inside)
        return pattern


def warm_patterns() -> int:
    """Compile every reading pattern and its `ascii_copy` (a server at start, so no reply
    waits on compiling one); how many patterns there are."""
    count = compile_all()
    for pattern in made():
        ascii_copy(pattern)
    return count


def is_plain(text: str) -> bool:
    """Whether `text` is printable ASCII, where an `ascii_copy` finds what its pattern finds."""
    return text.isascii() and text.isprintable()


def reader(pattern: Regex, text: str) -> Regex:
    """The pattern to read `text` with: its `ascii_copy` for printable ASCII, else itself."""
    return ascii_copy(pattern) if is_plain(text) else pattern


@dataclass(frozen=True, slots=True)
class CaseBlind:
    """A pattern ignoring case, searched as a case-sensitive copy in lower-cased text.

    Python's `re` cannot skip ahead to the letters that may start a match when it ignores
    case, so it tries the whole pattern at every character: on the matcher's long lists of
    cue words the copy is four to ten times faster, with the same matches
    (`lowering_ignores_case`; the original serves the three characters it does not cover).
    """

    pattern: Regex  # the pattern ignoring case, as written
    lowered: Regex  # its case-sensitive copy, for lower-cased text
    #: The last text searched and whether the pattern occurs in it, as one tuple (replaced
    #: whole, so a thread never reads one text's answer for another): a message's cues are
    #: searched again in the question read out of it, most often the same text.
    last: list[tuple[str | None, bool]] = field(
        default_factory=lambda: [(None, False)], compare=False, repr=False
    )

    @classmethod
    def compile(cls, pattern: str) -> CaseBlind:
        """`pattern`, which must spell its letters in lower case (escapes such as `\\W` aside)."""
        if any(c.isupper() for c in _ESCAPE.sub("", pattern)):
            raise ValueError(f"a case-blind pattern spells its letters in lower case: {pattern!r}")
        return cls(lazy(pattern, re.IGNORECASE), lazy(pattern))

    def search(self, text: str) -> bool:
        """Whether the pattern occurs in `text`, case ignored: a bool, not a match (no
        groups: a pattern whose match is read stays an `re.Pattern`)."""
        last = self.last[0]
        if last[0] == text:
            return last[1]
        if is_plain(text):
            found = ascii_copy(self.lowered).search(text.lower()) is not None
        elif lowering_ignores_case(text):
            found = self.lowered.search(text.lower()) is not None
        else:
            found = self.pattern.search(text) is not None
        self.last[0] = (text, found)
        return found

    def sub(self, replacement: str, text: str) -> str:
        """`text` with each occurrence replaced by the plain string `replacement` (no group
        references: the text around is kept as written, only its spans are found lowered)."""
        if not lowering_ignores_case(text):
            return self.pattern.sub(lambda _: replacement, text)
        pieces: list[str] = []
        start = 0
        for found in reader(self.lowered, text).finditer(text.lower()):
            pieces += (text[start : found.start()], replacement)
            start = found.end()
        if not pieces:
            return text
        pieces.append(text[start:])
        return "".join(pieces)
