"""The words the engine knows: curated names, everyday and real words, and word tables.

Why this module exists: which phrases stand for one concept (aliases.yaml's entities
and synonym groups), which words are everyday or real (never typo-corrected), and the
small tables that tie concepts to topics are data about words, not about scoring.
Synonym groups the code refers to by name are listed once, in `NAMED_SYNONYM_GROUPS`,
so a test (and a later lint step) can check that each exists in the fact base.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from itertools import chain

from bot.core.factbase import FactBase
from bot.core.text import Token, is_stopword, tokenize, word_keys

# ------------------------------------------------------------------ synonym groups by name


#: The synonym groups (ids, without "~") that the engine's code names.
NAMED_SYNONYM_GROUPS: frozenset[str] = frozenset(
    {
        "activities",
        "africa",
        "attack",
        "west-africa",
        "north-africa",
        "participants",
        "citizens",
        "training",
        "law",
        "cooperation",
        "agreement",
        "agency",
        "programme",
        "stand-for",
        "help",
        # people, not what was done (the matcher's `_WHO_NOT_WHAT`)
        "official",
        "prosecutor",
        "judge",
        "expert",
        "head",
        "representative",
        # how a thing changed, which a growth also says (the matcher's `_CHANGED`)
        "amended",
        # what punishes, not for what (the matcher's `_PUNISHING`)
        "prison",
        # topics asked for by that word (the matcher's `_TOPICS`)
        "focus",
    }
)


def named_group(gid: str) -> str:
    """The concept of a synonym group the code names; only those in NAMED_SYNONYM_GROUPS."""
    if gid not in NAMED_SYNONYM_GROUPS:
        raise ValueError(f"{gid!r} is not in NAMED_SYNONYM_GROUPS")
    return "~" + gid


#: "What does X stand for?": the group of words asking for a name spelled out.
STAND_FOR = named_group("stand-for")
#: "The third training", "la deuxième session": which one of a series is asked about.
#: The forms of each rank from the second on ("first" also means "at first").
ORDINALS: tuple[frozenset[str], ...] = tuple(
    frozenset(forms.split())
    for forms in (
        "second 2nd deuxieme seconde",
        "third 3rd troisieme",
        "fourth 4th quatrieme",
        "fifth 5th cinquieme",
        "sixth 6th sixieme",
        # "the later sessions": those after the first, not it
        "later subsequent ulterieure ulterieures ulterieur ulterieurs",
    )
)
#: A training, a workshop, a course: one of a series ("the second prosecutor training").
TRAINING = named_group("training")
#: "Who helped ...?": those a fact names as helping did something too.
HELP = named_group("help")
#: "How many participants": any count of people answers.
ANYONE = frozenset({named_group("participants"), named_group("citizens")})
#: A topic word in a question ("which trainings ...?") and the topic it lists.
TOPIC_CONCEPTS = {
    named_group("training"): "trainings",
    named_group("law"): "laws",
    named_group("cooperation"): "partnerships",
    named_group("agreement"): "partnerships",
    named_group("agency"): "institutions",
    named_group("programme"): "programmes",
}
#: The topic where a fact *about* an entity of each kind lives.
KIND_TOPIC = {
    "law": "laws",
    "institution": "institutions",
    "programme": "programmes",
    "agreement": "partnerships",
    "event": "events",
    "group": "institutions",
}
#: The kinds of the curated names of places: cities and sites, regions, countries.
PLACE_KINDS = frozenset({"place", "region", "country"})
#: Words that do not narrow a topic list ("which trainings were held?").
BROWSE_FILLER = frozenset(
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

# ------------------------------------------------------------------ everyday and real words


def _common_words() -> frozenset[str]:
    text = files("bot.data").joinpath("common_words.txt").read_text(encoding="utf-8")
    return frozenset(w for w in text.split() if not w.startswith("#") and w.isalpha())


COMMON_WORDS = _common_words()

#: The world's countries in one word, English and French (folded): a question naming one
#: the fact base never names ("la politique d'asile du Canada") asks about something no
#: fact is about, whatever else it asks (those the base names are its entities).
COUNTRY_WORDS = frozenset(
    """afghanistan albania algeria andorra angola argentina armenia australia austria
    azerbaijan bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan
    bolivia botswana brazil brunei bulgaria burundi cambodia cameroon canada chad chile
    china colombia comoros congo croatia cuba cyprus czechia denmark djibouti dominica
    ecuador egypt eritrea estonia eswatini ethiopia fiji finland france gabon gambia
    georgia germany ghana greece grenada guatemala guinea guyana haiti honduras hungary
    iceland india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan
    kenya kiribati kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya
    liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta
    mauritania mauritius mexico micronesia moldova monaco mongolia montenegro morocco
    mozambique myanmar namibia nauru nepal netherlands nicaragua niger nigeria norway oman
    pakistan palau palestine panama paraguay peru philippines poland portugal qatar
    romania russia rwanda samoa senegal serbia seychelles singapore slovakia slovenia
    somalia spain sudan suriname sweden switzerland syria taiwan tajikistan tanzania
    thailand togo tonga tunisia turkey turkmenistan tuvalu uganda ukraine uruguay
    uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe
    algerie allemagne angleterre arabie argentine australie autriche belgique bresil
    bulgarie cameroun chili chine chypre colombie coree croatie danemark egypte equateur
    espagne estonie ethiopie finlande grece guinee hongrie inde indonesie irak irlande
    islande italie japon jordanie kazakhstan koweit lettonie liban libye lituanie
    malaisie mauritanie mexique mongolie mozambique namibie norvege ouganda ouzbekistan
    paraguay pays-bas perou pologne roumanie russie serbie slovaquie slovenie somalie
    soudan suede suisse syrie tanzanie tchad tchequie thailande tunisie turquie ukraine
    venezuela yemen zambie""".split()  # noqa: SIM905
)


def is_common(slot_text: str, keys: frozenset[str]) -> bool:
    """An everyday word, or an inflection of one: "risquent" is "risque" conjugated,
    "gathered" is "gather" (a word's stems, `keys`, meet an everyday word's)."""
    if slot_text in COMMON_WORDS:
        return True
    stems = common_stems()
    return any(key in stems for key in keys)


class WordHashes:
    """A set of words held as their sorted hashes: 8 bytes a word, not 100.

    42,000 words as a frozenset of strings took the 10,000-fact benchmark past its
    100 MB bar (the set, and the list of strings it was made from). Hashes are this
    process's own (`hash` is salted per process), computed at load time; a clash is
    as unlikely as in any set, and would only spare a typo from correction.
    """

    def __init__(self, words: Iterable[str]) -> None:
        # Sorted a 64th at a time, by their top bits: sorting all at once made a list of
        # 42,000 int objects (1.7 MB at the peak, which the 10,000-fact benchmark kept).
        buckets = [array("q") for _ in range(64)]
        for h in map(hash, words):
            buckets[(h >> 58) + 32].append(h)
        self._hashes = array("q")
        for bucket in buckets:
            self._hashes.extend(sorted(bucket))

    def __contains__(self, word: object) -> bool:
        h = hash(word)
        i = bisect_left(self._hashes, h)
        return i < len(self._hashes) and self._hashes[i] == h


@cache
def common_stems() -> WordHashes:
    """The English and French stems of everyday words ("e:gather", "f:risqu"), as hashes
    (7,000 stems: 56 kB, not the 900 kB of a set of strings); made on first use."""
    return WordHashes(key for word in COMMON_WORDS for key in word_keys(word))


@cache
def known_words() -> WordHashes:
    """Real English and French words (bot/data/known_words.txt), never typo-corrected.

    Loaded on the first word the fact base does not hold, not at import: most
    questions need no correction, and a one-question `python -m bot ask` starts faster.
    Read a line at a time, so no list of 42,000 strings is ever built.
    """
    with files("bot.data").joinpath("known_words.txt").open(encoding="utf-8") as lines:
        listed = (line.strip() for line in lines if not line.startswith("#"))
        return WordHashes(chain(COMMON_WORDS, listed))


@cache
def french_only_words() -> WordHashes:
    """Real French words that are no English word (bot/data/french_only_words.txt):
    in a message not read as French, "agrement" or "Marques" is a typo of "agreement" or
    "Márquez" more likely than French. Loaded on the first such word."""
    with files("bot.data").joinpath("french_only_words.txt").open(encoding="utf-8") as lines:
        return WordHashes(line.strip() for line in lines if not line.startswith("#"))


# ------------------------------------------------------------------ names as concepts


def split_compounds(tokens: Iterable[Token]) -> list[Token]:
    """Hyphenated words become their parts ("post-blast" -> post, blast); "27-14" stays."""
    out: list[Token] = []
    for t in tokens:
        if "-" in t.surface and not t.is_number:
            out.extend(Token(part, t.upper) for part in t.surface.split("-") if part)
        else:
            out.append(t)
    return out


def token_keys(t: Token, lang: str | None) -> frozenset[str]:
    return word_keys(t.surface, lang)


#: A country's adjective (or a body's acronym) and its possessive: names are written both ways.
_POSSESSIVE = {"moroccan": "Morocco's", "haitian": "Haiti's", "un": "UN's", "eu": "EU's"}


@dataclass
class Lexicon:
    """Phrases (by stem sequences) that stand for one concept."""

    by_first: dict[str, list[tuple[tuple[frozenset[str], ...], str]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    kinds: dict[str, str] = field(default_factory=dict)  # concept -> entity kind
    single_words: set[str] = field(default_factory=set)  # keys of one-word names
    #: First key -> the keys any second word of its longer names has, for the keys that
    #: start a longer name (`finalise`): most words that start a name start no longer one
    #: with the word after them. (Tuples: frozensets took 200 kB more at 10,000 facts.)
    seconds: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def of(cls, base: FactBase) -> Lexicon:
        """Every entity ("@id") and synonym group ("~id") of the fact base, by its names."""
        lexicon = cls()
        for entity in base.entities:
            # French names get French stems only: "organisation" must not read as "organise".
            for lang, names in ((None, entity.acronyms), (None, entity.en), ("fr", entity.fr)):
                for name in names:
                    lexicon.add(name, "@" + entity.id, lang)
            for name in entity.en:
                # "Moroccan prison administration" is also "Morocco's prison administration".
                first, _, rest = name.partition(" ")
                if rest and first.lower() in _POSSESSIVE:
                    lexicon.add(f"{_POSSESSIVE[first.lower()]} {rest}", "@" + entity.id)
            lexicon.kinds["@" + entity.id] = entity.kind
        for group in base.synonyms:
            concept = "~" + group.id
            for name in group:
                lexicon.add(name, concept)
        lexicon.finalise()
        return lexicon

    def add(self, phrase: str, concept: str, lang: str | None = None) -> None:
        words = split_compounds(tokenize(phrase))
        if not words:
            return
        seq = tuple(word_keys(t.surface, lang) for t in words)
        if len(seq) == 1:
            self.single_words.update(seq[0])
        for first in seq[0]:
            self.by_first[first].append((seq, concept))

    def finalise(self) -> None:
        for key, entries in self.by_first.items():
            entries.sort(key=lambda e: -len(e[0]))
            seconds = {k for seq, _ in entries if len(seq) > 1 for k in seq[1]}
            if seconds:
                self.seconds[key] = tuple(sorted(seconds))

    def phrase_at(self, words: Sequence[Token], i: int, lang: str | None) -> tuple[int, str] | None:
        """(length, concept) of the longest name starting at word i, or None."""
        first = words[i]
        best: tuple[int, str] | None = None
        by_first = self.by_first
        room = len(words) - i
        # The next word's keys, looked up once for every longer name tried (most fail there).
        after = word_keys(words[i + 1].surface, lang) if room > 1 else None
        keys = word_keys(first.surface, lang)
        # A word's English and French stems may start names of two concepts ("founder":
        # e:founder, f:found): the English one is tried first, whatever the order of the
        # set (which varies with the process's string hashing).
        for key in sorted(keys) if len(keys) > 1 else keys:
            entries = by_first.get(key)
            if entries is None:
                continue
            seconds = self.seconds.get(key)
            if after is None or seconds is None or after.isdisjoint(seconds):
                # No longer name of this key goes on with the next word (most words): its
                # first one-word name, as the loop below would find it past the longer ones.
                if best is None and not is_stopword(first):
                    for seq, concept in entries:
                        if len(seq) == 1:
                            best = (1, concept)
                            break
                continue
            for seq, concept in entries:
                n = len(seq)
                if best is not None and n <= best[0]:
                    break
                if n > room:
                    continue
                if n == 1:
                    if is_stopword(first):
                        continue
                    best = (1, concept)
                    break
                # The first word matches: `key` is one of its keys and of the name's first.
                if after is None or seq[1].isdisjoint(after):
                    continue
                j = 2
                while j < n and not seq[j].isdisjoint(word_keys(words[i + j].surface, lang)):
                    j += 1
                if j == n:
                    best = (n, concept)
                    break
        return best
