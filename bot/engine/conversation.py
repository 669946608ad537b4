"""Read a chat message as a person would: the question inside its wrapper, or chatter.

People write to a bot the way they write to a colleague: "morning! for the donor
note due at 4: what does ILEA stand for again? thx". The greeting, the purpose and
the thanks are not part of the question, yet every word of them counts against how
much of the question a fact covers, and the bot abstains. Other messages hold no
question at all ("thanks!", "ping", "who made you?", ":+1:"), and a sourced fact
is the wrong reply to them.

`read_message` splits a message into segments at sentence punctuation, colons and
dashes, keeps the segments that ask something, and drops the ones that are only
conversation: every content word a greeting, a thank-you, an apology, a purpose
("for the deck", "pour une diapo"), or a word the fact base does not know at all
(the caller says which words it knows). Inside the kept text it drops leading and
trailing filler ("quick one", "hey", "thx", "merci d'avance"). A message with
nothing left, or that only talks to or about the bot, is `Chatter`.

Pure and synchronous: no Slack, no I/O. The word lists are about conversation, not
about the fact base, and are the same in every deployment.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from bot.core.lazyregex import lazy
from bot.core.text import PERSON_TITLES, STOPWORDS, CaseBlind, by_piece, fold
from bot.engine.kinds import COUNTED_BEFORE, JOINING_WORDS, QUESTION_OPENERS


class Chatter(Enum):
    """Why a message holds no question for the fact base."""

    EMPTY = "empty"  # nothing but mentions, punctuation or emoji
    GREETING = "greeting"  # hello, ok, lol
    THANKS = "thanks"  # thanks, merci, cheers
    TEST = "test"  # ping, test, are you there
    ABOUT_BOT = "about_bot"  # who made you, what can you do
    LINK = "link"  # a pasted link and nothing else
    COMMAND = "command"  # "/facts topcis" typed as a message
    BARE_WORD = "bare_word"  # one everyday word ("training") or one the fact base never heard of
    ELSEWHERE = "elsewhere"  # "@Samira are you joining the debrief?": meant for someone else
    HOW_TO = "how_to"  # "how do I reset my VPN password?": how the asker does something
    OFF_TOPIC = "off_topic"  # "is it going to rain in Rabat tomorrow?": the weather


@dataclass(frozen=True, slots=True)
class Reading:
    """What a message asks (`question`), or why it asks nothing (`chatter`)."""

    question: str
    chatter: Chatter | None = None
    wrapped: bool = False  # True when conversation was taken off around the question
    #: A message asking two things ("what did Morocco do? and did the King comment?"):
    #: each question with the context it keeps, to be answered apart.
    parts: tuple[str, ...] = ()
    #: The question alone, when context is kept with it (the kind asked is read from it).
    asking: str = ""
    #: The parts are two questions of one sentence ("when ..., and what ...?"): the
    #: message is answered only if each of them is.
    every_part: bool = False
    #: A claim of the asker's draft kept before the question ("The draft says ... in May
    #: 2018. Which month does UNODC give?"), without the words saying whose it is.
    claim: str = ""


def _words(text: str) -> frozenset[str]:
    return frozenset(fold(text).split())


#: Greetings, thanks, acknowledgements and sign-offs, English and French.
SOCIAL = _words(
    """hi hey hello hiya howdy yo morning evening afternoon good gm night all folks team dear
    everyone guys thanks thank thx ty tyvm tks cheers much appreciated appreciate factbot
    ok okay k kk cool great nice awesome perfect super sweet lol haha hahaha lmao
    helpful useful utile
    sure yes yeah yep no nope got noted bye later cya welcome
    bonjour bonsoir salut slt bjr cc coucou hello merci mrc beaucoup avance parfait genial top
    remercie remercions remerciements obligeance grateful gratitude
    madame monsieur mesdames messieurs
    daccord dac ok oui non bien recu bonne journee soiree monde tout tous
    salam salaam slm assalamu alaikum alaykoum aleikum 3afak afak choukran chokran shukran
    shokran wesh inchallah inshallah labas hamdoulah hamdullah marhaba yallah"""
)
#: Words that frame a request without saying what is asked.
FRAMING = _words(
    """quick q question one brief little small fast again sorry bug bother interrupt u ya
    pinging ping asking ask wondering wonder remind reminder recall remember forgot pointer pointers
    rush hurry rushing clue dig asks asked saw spotted noticed
    forget blanked blank cant cannot help please pls plz kindly need needed needs want wanted wants
    pin nail
    handy
    looking check checking confirm confirming verifying double doublecheck just real fyi btw so
    well um
    fact factcheck factchecking random
    uh hmm ah oh also another follow followup
    petite rapide rappel vite question questions desole desolee deranger encore
    besoin cherche verifier confirmer svp stp sil plait juste aussi rapidement verif dsl
    retenir ugh savoir permets solliciter sollicite
    wach 3ndek 3endek s7i7 sahih dyal diyal safi wakha mushkil mouchkil bghit daba
    info infos"""
)
#: What the answer is for: documents, meetings, deadlines, and who it is for.
PURPOSE = _words(
    """for slide slides deck decks annex annexe appendix note notes memo memos brief
    briefing briefings report reports draft drafting para paragraph paragraphs
    presentation presentations doc docs document documents email emails mail letter
    meeting meetings call calls talk speech newsletter article story piece post
    tomorrow today tonight later soon asap urgent urgently due deadline eod eow before
    boss manager director team colleague colleagues client clients donor donors
    journalist journalists reporter reporters editor
    prep prepping preparing writing working doing putting together finishing trying
    send sending sent submit submitting share sharing publish publishing print printing
    envoyer envoie envoi partager
    size room pm am oclock minutes min mins hour hours week monday tuesday wednesday thursday
    friday timeline chart table graphic infographic summary factsheet onepager handout
    mapping panel intro caption background piece module newsletter thread talk pager
    cartographie agenda chronologie chrono calendrier semaine
    pour diapo diapos diaporama annexe note notes rapport rapports compte rendu papier papiers
    presentation reunion demain aujourdhui ce soir urgent urgente prepare prepare
    redige redaction equipe collegue chef bailleur bailleurs frise tableau fiche synthese
    footnote footnotes citation talking points logframe comparison noon midday midi
    tmrw recap recaps calendar adding short debrief debriefing mtg mtgs
    thesis theses dissertation chapter chapters ch supervisor supervisors professor prof
    memoire chapitre encadrant encadrante comms
    cal hotel hotels nights rooms badge badges shuttle flights logistics invitations invites
    seating catering booking remerciements interne
    communique communiques tweet tweets blurb glossary glossaire translation traduction"""
)
#: Talking to or about the bot rather than about the fact base.
BOT_WORDS = _words(
    "you u your yourself factbot bot tu toi vous votre ton ta tool app assistant outil appli"
)
#: Pointing at something the message does not name: in a message of nothing but these and
#: chatter words ("who built this?", "who runs this thing?"), the bot itself.
POINTERS = _words("this that it ce cet cette ca ceci cela")
BOT_VERBS = _words(
    """made make built build created create wrote write programmed coded code runs run set setup
    manages manage managed develops developed designed
    maintains maintain maintained owns own owner works work working alive up there
    online awake do does can know answer answers help use used using name named
    called who what are is who's whats exist real human robot
    fait cree fonctionne fonctionnes fonctionnez marche sais peux fais connais es etes la
    developpe developpee construit gere maintient programme programmee code codee concu
    concue entraine entrainee
    marches repond
    appelle qui quoi sers sert servir aide aider a ete topics topic subjects cover covers
    sujets sujet couvres couvrez kind kinds sort sorts type types genre
    how hows day going doing get got getting receive received see saw seen read last
    message messages msg dm reply replied respond responding weekend today lately been
    feeling life things ca va vas allez passe recu vu lu message dernier journee"""
)
THANKS_WORDS = _words("thanks thank thx ty tyvm tks cheers appreciated appreciate merci")
TEST_WORDS = _words("test testing tests ping pong echo check 123 1 2 3 essai")

#: Words that start a question, English and French (folded).
QUESTION_CUES = _words(
    """what whats when where which who whom whose why how is are was were do does did
    can could has have had will would should list name give tell show any
    quel quelle quels quelles quand ou qui que qu quoi combien comment pourquoi
    lequel laquelle lesquels lesquelles est liste donne donnez dis dites since depuis"""
)

CONVERSATIONAL = SOCIAL | FRAMING | PURPOSE
#: Every word some kind of chatter may hold (see `_chatter`).
_CHATTER_WORDS = CONVERSATIONAL | TEST_WORDS | BOT_WORDS | BOT_VERBS
#: Words of the bot's own make, asked of "you": "what model are you running on?", "what
#: languages do you speak?" (the fact base knows them elsewhere: a model prison, a
#: Spanish-language course); "stand" and "mean" only of the bot's name ("what does your
#: name stand for?", not "can you tell me what it stands for?").
_OWN_MAKE = _words(
    "model models version llm ai gpt chatgpt openai powered running languages langues speak parles"
    " parlez"
)
_OWN_NAME_MEANING = _words("stand stands mean means meaning signifie")
_SPOKEN_TO = _words("you u your yourself tu toi vous votre ton ta")
_PURPOSE_NOUNS = PURPOSE - _words("for pour")
#: What the asker is doing with the answer, opening a clause about it ("filling in a table").
_PURPOSE_VERBS = _words(
    """prepping preparing writing working doing putting finishing drafting filling updating
    compiling building checking editing reviewing asking adding blocking booking planning
    organising organizing scheduling arranging sorting"""
)

#: Wishes that hold words of the fact base ("new", "year", "day"): greetings all the same.
_SEASONAL = lazy(
    r"(?:\b(?:happy|merry|joyful)\s+(?:new\s+year|holidays?|christmas|eid|ramadan|\w+day)\b|"
    # ... and the feast it names: "bonne fête de l'Aïd", "bonne fête du Trône".
    r"\b(?:bonne|heureuse)\s+(?:année|annee|fête|fete|fêtes|fetes)\b(?:\s+(?:de\s+l['’]|d['’]|du\s+|de\s+)"
    r"(?:a[iï]d|eid|fin\s+d['’]ann[ée]e|no[eë]l|tr[ôo]ne|ramadan)\b)?|\bjoyeux\s+no[eë]l\b|"
    r"\b(?:eid|aid|aïd)\s+(?:mubarak|moubarak|said|saïd)\b|\bramadan\s+(?:kareem|karim|moubarak|mubarak)\b|"
    r"\bhave\s+a\s+(?:nice|good|great|lovely)\s+(?:day|weekend|week|evening|one)\b|"
    # "Bon week-end !", "bonne soirée", "bon courage": wishes, in French.
    # (not "la bonne semaine", the right week)
    r"(?<!\bla\s)(?<!\ble\s)(?<!\bune\s)(?<!\bun\s)"
    r"\bbon(?:ne)?\s+(?:week[\s-]?end|journ[ée]e|soir[ée]e|semaine|vacances|courage|nuit|"
    r"app[ée]tit)\b)"
    # ... and to whom: "à toute l'équipe", "to the whole team", "to all".
    r"(?:\s+(?:à\s+(?:tou(?:te)?s?\s+)?(?:l['’]équipe|l['’]equipe|vous|le\s+monde|les\s+coll[èe]gues)|"
    r"to\s+(?:you\s+all|all(?:\s+of\s+you)?|everyone|everybody|the\s+(?:whole\s+)?team))\b)?",
    re.IGNORECASE,
)
_SEASONAL_CUE = CaseBlind.compile(
    r"happy|merry|joyful|bonne|bon\s|heureuse|joyeux|mubarak|moubarak|kareem|karim|have a"
)


#: An apology for the question ("sorry if this is a silly question but", "dumb q:",
#: "c'est peut-être une question bête, mais"): it ends a sentence, and asks nothing.
_SILLY = lazy(
    r"(?:\b(?:sorry|apologies|pardon|d[ée]sol[ée]e?)\W*)?"
    r"(?:\b(?:if|in\s+case)\s+)?"
    r"(?:\b(?:this|that|it)\s*(?:is|['’]s|may\s+be|might\s+be|could\s+be)\s+|\bmaybe\s+)?"
    r"(?:\b(?:a|an|another)\s+)?(?:\b(?:very|really|super|bit\s+of\s+a|probably)\s+)?"
    r"\b(?:silly|dumb|stupid|basic|obvious|naive|newbie|noob|daft)\s+(?:question|one|q)\b"
    r"\s*[,:—–-]?\s*(?:but\b)?"
    # ("dsl pr la question basique mais ...": the apology's other words are conversation.)
    r"|(?:\bc['’]est\s+)?(?:\bpeut[- ]être\s+)?(?:\bune\s+)?\bquestion\s+"
    r"(?:bête|bete|idiote|naïve|naive|basique)\s*[,:]?\s*(?:mais\b)?"
    # "sorry if this is obvious, ...", "sorry if this is basic, but ...": no noun after it
    r"|\b(?:sorry|apologies|d[ée]sol[ée]e?)\s+(?:if|in\s+case)\s+(?:this|that|it)\s*"
    r"(?:is|['’]s|was|may\s+be|might\s+be|could\s+be)\s+(?:(?:very|really|super|too|so)\s+)?"
    r"(?:silly|dumb|stupid|basic|obvious|naive|newbie|noob|daft)\b\s*[,:—–-]?\s*(?:but\b)?"
    # "sorry if this was asked already", "désolé si ça a déjà été demandé"
    r"|\b(?:sorry|apologies|d[ée]sol[ée]e?)\s+(?:if|si)\s+(?:this|it|that|[çc]a|cela|c['’])\s*"
    r"(?:was|has\s+been|had\s+been|is\s+being|a\s+d[ée]j[àa]\s+[ée]t[ée]|a\s+[ée]t[ée])\s+"
    r"(?:already\s+)?(?:asked|answered|covered|posted|demand[ée]e?|pos[ée]e?)"
    r"(?:\s+(?:already|before|earlier|here|d[ée]j[àa]|avant))?\b\W*",
    re.IGNORECASE,
)
_SILLY_CUE = CaseBlind.compile(
    r"silly|dumb|stupid|basic|obvious|naive|naïve|newbie|noob|daft|bête|bete|idiote|basique|"
    r"sorry if|apologies if|d[ée]sol[ée]e? si"
)


_MENTION = lazy(r"<@[A-Z0-9]+(?:\|[^>]*)?>|(?<!\w)@\w[\w.-]*")
#: A channel link or a broadcast as Slack writes them: "<#C024BE7LR|general>", "<!here>".
_CHANNEL = lazy(r"`?<[#!][^<>\s]*>`?")
#: A hedge or a please after a comma, right before the question mark: ", roughly?".
_HEDGE_BEFORE_MARK = lazy(
    r",\s*(?:roughly|approximately|approx|exactly|precisely|please|pls|plz|again|thx|thanks|"
    r"more\s+or\s+less|svp|stp|environ|exactement|merci)\s*(?=\?)",
    re.IGNORECASE,
)
_EMOJI = lazy(r":[a-z0-9_+'-]+:")
_URL = lazy(r"<?https?://\S+>?|\bwww\.\S+")
#: Emoji: pictographs, symbols and dingbats ("⏰", "⭐", "✅"), with their joiners.
_PICTOGRAPH = lazy("[\U0001f000-\U0001faff\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d]")
# Segment ends: sentence punctuation followed by a space (but not after an
# abbreviation such as "Ms." or "U.S."), colons, semicolons, dashes between spaces,
# ellipses and line breaks.
_ABBREVIATION = (
    r"(?<!\b[A-Z]\.)(?<!\bMs\.)(?<!\bMr\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bNo\.)(?<!\bMrs\.)"
    r"(?<!\bvs\.)(?<!\bi\.e\.)(?<!\be\.g\.)"
)
#: What every segment end holds (a cheap scan: most questions have none but their "?").
_SPACES = lazy(r"[^\S\n]+")
_MAY_END = lazy(r"[?!.:;]\s|[?!][\"”»’']\s|\s[-–—]|[–—]|\.\.\.|\n")


def _may_end(text: str) -> bool:
    """Whether `_MAY_END` finds a possible segment end in `text`. Each of its ways holds a
    dot, a dash, a line break, or one of "?!:;" before the last character: most questions
    hold none but their closing "?", and the pattern is tried only on the others."""
    last = len(text) - 1
    return (
        "." in text
        or "-" in text
        or "\n" in text
        or "–" in text
        or "—" in text
        or -1 < text.find("?") < last
        or -1 < text.find("!") < last
        or -1 < text.find(":") < last
        or -1 < text.find(";") < last
    ) and _MAY_END.search(text) is not None


_JOINING_DASH = lazy(r"(?<=\w)–(?=\w)")
#: A question that only opens a topic: "what's the deal with the BCIJ?".
_TOPIC_OPENER = lazy(
    r"\bwhat(?:['’]?s|\s+is)\s+the\s+(?:deal|story)\s+with\b[^?]*\?\W*$", re.IGNORECASE
)
_SEGMENT_END = lazy(
    rf"(?:(?<=[?!])|(?<=[?!][\"”»’'])|{_ABBREVIATION}(?<=\.))\s+|\s*[:;]\s+|\s+[-–—]{{1,2}}\s+|\s*[–—]\s*|\.\.\.+|\n+"
)
#: ", and when ...", " et quel ...": a second question in the same sentence.
_SECOND_QUESTION = lazy(
    r",?\s+(?:and|et|n|&)\s+"
    # ("..., and over which years does it run?", "et depuis quand ...?")
    r"(?=(?:(?:in|on|at|over|for|by|from|since|during|until|to|en|dans|depuis|pendant|pour|sur|"
    r"par|de|à)\s+)?"
    r"(?:when|what|whats|what's|where|who|which|how|why|quand|quel|quelle|"
    r"quels|quelles|où|combien|comment|pourquoi|qui)\b)",
    re.IGNORECASE,
)
_AND_REQUEST = lazy(
    r",?\s+and\s+(?=(?:(?:i|we)\s+)?(?:need|want|am\s+looking\s+for)\s+(?:the|a|an)\s|"
    # "... in the agenda and I'm not sure what it stands for": the question, framed
    r"(?:i['’]?m|i\s+am|we['’]?re|we\s+are)\s+not\s+sure\s+(?:what|when|where|which|who|how|why)\b|"
    r"i\s+(?:don['’]?t|do\s+not)\s+know\s+(?:what|when|where|which|who|how|why)\b)",
    re.IGNORECASE,
)
#: "drafting the agenda and someone mentioned INL wants to ...": what was heard is what
#: the question asks about, not the asker's doing; the telling itself asks nothing.
_HEARD = lazy(
    r"(?:^|,?\s+and\s+|,\s*)(?:someone|somebody|a\s+colleague|my\s+colleague|my\s+boss|"
    r"people|they)\s+(?:mentioned|said|told\s+me|wrote|noted|claimed)(?:\s+that)?\s+"
    # "un rapport mentionne un accord-cadre ..., il a été signé quand ?"
    r"|(?:^|,?\s+et\s+|,\s*)(?:un|une|le|la|mon|ma|notre)\s+(?:rapport|note|article|coll[èe]gue|"
    r"document|chef)\s+(?:mentionne|cite|[ée]voque|dit\s+que)\s+",
    re.IGNORECASE,
)
#: A document's claim, which `_DRAFT_CLAIM` reads, not something heard: "le rapport dit
#: que ...". ("Un rapport mentionne le BCIJ, ...": what it names is heard of.)
_REPORT_SAYS = lazy(r"\b(?:rapport|brouillon|draft)\s+dit\s+que\b", re.IGNORECASE)
_HEARD_CUE = CaseBlind.compile(
    r"mentioned|said|told|wrote|noted|claimed|mentionne|cite|voque|dit que"
)
_WORD = lazy(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)
_ELISION = lazy(r"^(?:[cdjlmnst]|qu)'(?=\w)")
_TIME = lazy(r"^(?:\d{1,2}(?:[:h]\d{2})?(?:am|pm|h)?|[01]?\d)$")


#: A French segment that opens with "c'est" states something ("c'est pour la note").
#: "t'" before a verb ("t'a créé", "t'appelles"): the bot, addressed as "tu".
_TO_YOU = lazy(r"(?<![\w'’])t['’]\s*\w", re.IGNORECASE)
#: (Not "c'est combien en dollars", "c'est quoi le BCIJ": asked in place.)
_STATEMENT = lazy(
    r"^\W*c\s*['’]?\s*est\b(?!\s+(?:combien|quoi|quand(?!\s+m[êe]me)|qui|où|quel|quelle|quels|"
    r"quelles)\b)",
    re.IGNORECASE,
)
_PARENTHESES = lazy(r"\(([^()]*)\)")


def _aside(inner: str, knows: Callable[[str], bool]) -> str:
    """A parenthesis that is only conversation ("(need it for a slide)") goes; one that
    says something ("(the BCIJ)") stays, without its brackets."""
    return ", " if _is_conversation(inner, knows) else f" {inner} "


#: A quote opening a message on one line: "> Since 2010, INL has worked with ... system
#: what does DGAPR stand for?" (a Slack quote whose line break was lost).
_QUOTE_OPENING = lazy(r"^\s*(?:>|&gt;)")
#: Where the asker's own question may start after a quote: a question word from which
#: the question runs to its mark with no punctuation in between.
_ASKED_AFTER_QUOTE = lazy(
    r"\b(?:what|whats|which|who|whom|whose|when|where|how|why|quel|quelle|quels|quelles|"
    r"quand|où|ou|combien|qui|pourquoi|comment)\b[^.,;:!?]*\?",
    re.IGNORECASE,
)


def _quote_apart(text: str) -> str:
    """A quote the question comes after, on a line of its own: the quote is context the
    question may point back to, not words the question asks."""
    opening = _QUOTE_OPENING.match(text)
    if opening is None:
        return text
    asked = _ASKED_AFTER_QUOTE.search(text, opening.end())
    if asked is None or not text[opening.end() : asked.start()].strip():
        return text  # (a quoted question alone: no quote before it)
    return text[: asked.start()].rstrip() + "\n" + text[asked.start() :]


@lru_cache(maxsize=512)  # a message's text and segments are read several times over
def _folded_words(text: str) -> tuple[str, ...]:
    """The folded words of `text`, French elisions taken off ("d'avance" -> "avance"),
    hyphenated ones apart ("double-checking" is "double checking")."""
    # No word holds white space: the words of the text are those of its pieces between
    # spaces, and pieces recur from message to message.
    return by_piece(fold(text).replace("’", "'").split(), _PIECE_WORDS, _piece_words, PIECES_KEPT)


#: A piece of text between spaces -> its words (`_piece_words`). Emptied when full.
_PIECE_WORDS: dict[str, tuple[str, ...]] = {}
PIECES_KEPT = 1024


def _piece_words(piece: str) -> tuple[str, ...]:
    """`_folded_words` of a folded piece of text holding no white space."""
    if piece.isalnum() and piece.isascii():
        return (piece,)  # one plain word (most pieces)
    words = (
        _ELISION.sub("", w) if "'" in w else w  # an elision needs its apostrophe
        for w in _WORD.findall(piece)
    )
    return tuple(part for w in words if w for part in w.replace("'", "").split("-") if part)


#: A word in capitals, which may be a name that folds to a stop word: the EU ("eu", had),
#: the AU ("au", to the), the US (see `_names_in_capitals`).
_CAPITALS = lazy(r"\b[A-Z]{2,}\b")


def _names_in_capitals(part: str) -> bool:
    """Whether `part` holds a name in capitals that folds to a stop word: "... under the
    UN, EU and AU?" names bodies in its last part, which is no aside."""
    return any(fold(w) in STOPWORDS for w in _CAPITALS.findall(part))


def _content_words(text: str) -> list[str]:
    """The folded words of `text` that are not stop words (numbers are kept)."""
    return [w for w in _folded_words(text) if w not in STOPWORDS]


#: Saying one tries the bot out: "just testing the bot", "je teste le bot avant la réunion".
_TEST_CUE = CaseBlind.compile(r"\b(?:test|essai|essay)")
#: ... said as such: "(just) testing the bot / this thing", "je teste le bot".
_TESTING_THE_BOT = lazy(
    r"\b(?:testing|test|tests|teste|tester|testons|essaie|essaye|essayer)\s+(?:out\s+)?"
    r"(?:the\s+|this\s+|le\s+|ce\s+|l['’])?(?:new\s+|nouveau\s+)?(?:bot|factbot|thing|"
    r"this|outil|ça|ca|app|appli|you|toi)\b",
    re.IGNORECASE,
)


def _tests_the_bot(segment: str) -> bool:
    """Whether a sentence that asks nothing says it tries the bot (or "this") out."""
    return (
        "?" not in segment
        and _TESTING_THE_BOT.search(segment) is not None
        and _WH_WORDS.isdisjoint(_folded_words(segment))
    )


def _is_conversation(text: str, knows: Callable[[str], bool]) -> bool:
    """True when no word of `text` says what is asked: only conversation, or words the
    fact base has never heard of (a deadline, a room, a colleague's name)."""
    words = _content_words(text)
    return all(w in CONVERSATIONAL or _TIME.match(w) is not None or not knows(w) for w in words)


def _repeats(segment: str, asked: set[str], knows: Callable[[str], bool]) -> bool:
    """True when a segment that asks nothing names only what the question names already:
    "Prepping a briefing on Morocco. What does INL do in Morocco?" (context that
    adds a name the question lacks, "I'm writing about the BCIJ. When was it set up?",
    stays; so does a law's number, "Law 27-14 - what year was that law adopted?", whose
    figures are no time of day)."""
    if _LAW_NUMBER.search(segment):
        return False
    return bool(asked) and all(
        w in asked or w in CONVERSATIONAL or _TIME.match(w) is not None or not knows(w)
        for w in _content_words(segment)
    )


#: French ranks that, last in a question, rank what was said before: "quand aura lieu la
#: deuxième ?" (the English "what's the third?" closes a list the question itself gives).
_RANKS = _words(
    """deuxieme troisieme quatrieme cinquieme seconde prochaine prochain suivante suivant
    derniere dernier"""
)
#: A law's number: "27-14", "03-03".
_LAW_NUMBER = lazy(r"\b\d{1,3}-\d{1,3}\b")


#: A question that is one short name in capitals and its marks: "ToT?", "ToT = ?",
#: "GLO.ACT??" (not "Miami-Dade?", a side offered, nor "OK?", "WHO?").
_LONE_NAME = lazy(
    r"\W*(?!(?:OK|WHO|HOW|NO|YES|WHAT|WHY|WHEN|WHERE)\b)(?=[\w.&]*[A-Z][\w.&]*[A-Z])"
    r"[A-Za-z][\w.&]{1,8}\s*=?\s*\?+\W*"
)
#: Words that point back to something said before: a question holding one needs its context.
#: Pointers to one of things named before ("where was the first one held?"): the
#: question needs its context, wherever they stand.
_ONE_OF = _words("one ones same former latter celui celle ceux celles")
_POINTERS = _words(
    """it its they them their theirs there this these those he she him her his one ones
    same former latter il elle ils elles lui leur leurs ca cela ceci celui celle ceux celles
    cet cette ces y en"""
)


def _points_back(segment: str, knows: Callable[[str], bool], strict: bool = False) -> bool:
    """True when a pointer ("it", "their", "il") comes before anything the segment names:
    "when was it set up?" needs its context; "la session CNDH-DGSN, elle commence quand ?"
    says itself what "elle" is. `strict`: the kind asked names nothing ("what year did it
    open?" points back as "when did it open?" does)."""
    words = _folded_words(segment)
    if len(words) > 1 and words[0] in _BE and words[1] in _CHECKED:
        return True  # "is that the right year?", "is this correct?": the claim before it
    if words and words[-1] in _RANKS:
        return True  # "quand aura lieu la deuxième ?": the second of what was said before
    for n, word in enumerate(words):
        if word in _POINTERS:
            return True
        if (
            word == "that"
            and 0 < n < len(words) - 1
            and words[n - 1] in _BEFORE_THAT_ONE
            and words[n + 1] not in STOPWORDS
        ):
            return True  # "when was that agreement signed?": the agreement said before
        if strict and word in KIND_WORDS:
            continue  # "what year did it open?": the kind asked, not what it is about
        if word not in STOPWORDS and word not in CONVERSATIONAL and knows(word):
            # ... or a pointer ends it: "what did Morocco develop with INL support there?",
            # "... on that?" (not "how many ILEAs are there?", which points nowhere), "which
            # accreditation body was it?".
            if len(words) > 1 and words[-1] == "it" and words[-2] in _BE:
                return True
            under_it = _UNDER_IT.search(segment)
            if under_it is not None and "," not in segment[: under_it.start()]:
                # "which forces got training through it(, per the text)?"; but "the network
                # of prosecutors, what is the purpose of it?" says itself what "it" is.
                return True
            return words[-1] in _LAST_POINTERS and not (
                words[-1] == "there" and len(words) > 1 and words[-2] in _BE
            )
    return False


#: Prepositions whose object, "it" last in a question, is what was said before: "which
#: forces got training through it?", "how many countries are part of it?".
_UNDER_IT = lazy(
    r"\b(?:through|under|by|with|from|in|into|via|about|behind|of|within|inside)\s+it\s*(?:[,?.!]|$)",
    re.IGNORECASE,
)


#: Words that name the kind of answer asked ("what year", "quelle date"), not a thing.
KIND_WORDS = _words("year years date dates month months day days annee annees mois jour jours")
#: ... and of a time: a message naming only these asks nothing it names.
#: (and of a name or a body: "need the name of the body", "le nom de l'organisme")
_KIND_ONLY = (
    KIND_WORDS
    | _words("time heure moment")
    | _words(
        "name names nom noms body bodies organisation organisations organization organizations "
        "organisme organismes agency agencies institution institutions"
    )
)


#: Punctuation said aloud to a phone: "what was it actually comma thanks", "... de quelle
#: année point d'interrogation" ("point" is a word of its own; "period", mostly: see
#: `_DICTATED_PERIOD`).
_DICTATED = lazy(
    # (The space before is taken with one possessive run: a run of blanks is read once.)
    r"(?<!\s)\s*+\b(?:(?P<comma>comma|virgule)|"
    # (Not a word of its own: "is there a question mark over the 2014 figure?")
    r"(?<!\ba\s)(?<!\bthe\s)(?<!\bany\s)(?<!\bno\s)"
    r"(?P<ask>question\s+mark|point\s+d['’]\s*interrogation)|"
    r"(?P<stop>full\s+stop|exclamation\s+(?:mark|point)|point\s+d['’]\s*exclamation))\b",
    re.IGNORECASE,
)
_DICTATED_CUE = CaseBlind.compile(
    r"comma|virgule|question mark|interrogation|full stop|exclamation"
)
#: "period" said before a sentence of the asker's own: "... deploying to mali period I need
#: the list" (with the two words before it, read by `_said_period`).
_DICTATED_PERIOD = lazy(
    r"(?P<before>(?:[\w'’-]+\s+){0,2})period(?=\s+(?:i|thanks|thank|thx|um|uh|please|pls)\b)",
    re.IGNORECASE,
)
#: Words that make "period" a span of time when one of the two words before it: "the
#: reporting period I need", "a two-year period", "what period", "the 2015-2018 period".
_SPAN_BEFORE = _words(
    "the a an this that these those what which whole same each every our its their my your his her"
)


def dictated_punctuation(text: str) -> str:
    """`text` with the punctuation said aloud written as marks ("comma" -> ",", "question
    mark" -> "?"), and "period" said before a sentence of the asker's own ("... to mali
    period I need the list"; not "the reporting period I need", a span of time)."""
    if _DICTATED_CUE.search(text):
        text = _DICTATED.sub(
            lambda m: "," if m.group("comma") else "?" if m.group("ask") else ".", text
        )
    if "period" in text.lower():
        text = _DICTATED_PERIOD.sub(_said_period, text)
    return text


def _said_period(found: re.Match[str]) -> str:
    """A "period" `_DICTATED_PERIOD` found, as a full stop, or as it is where one of the two
    words before it makes it a span of time (or holds a figure: "the 2015-2018 period")."""
    before = found.group("before")
    words = _folded_words(before)
    if any(w in _SPAN_BEFORE for w in words) or any(c.isdigit() for c in before):
        return found.group()
    return before.rstrip() + "."


def names_only_the_kind(text: str) -> bool:
    """Whether `text` names nothing but the kind of answer it wants: "what year?", "quelle
    date ?", "can you confirm the days and month?" (no word naming what it is about)."""
    return _KIND_ONLY.issuperset(_content_words(text))


#: Words after which "that" points at a thing ("when was that agreement signed?", "who
#: runs that programme?"), not a clause ("the one that ...", "said that ...").
_BEFORE_THAT_ONE = _words(
    "is are was were did does do of in on about for from with by at under runs run ran signed"
)


#: What "is ... right?" checks, after "is": "is that the right year?", "is this correct?".
_CHECKED = _words("that this")


#: Pointers to a person: "what's her job?", "what is his role?".
_PERSONAL = _words("her his she he him hers sa son ses")
#: A person named with a title: "Ms. Oufroukhi", "Mme Oufroukhi", "Dr Smith".
_TITLED = lazy(rf"\b(?:{PERSON_TITLES})\.?\s+[A-ZÀ-Ý][\w'’-]+")


#: Pointers that, last in a question, point back whatever it names before them.
_LAST_POINTERS = _words("there that this those these them")
_BE = _words("is are was were be been being s re")


#: A segment about the asker, not the question: "I'm writing a piece on the BCIJ",
#: "je prépare une note sur ...", "journalist here", "prepping slides for ...".
_ABOUT_ASKER = lazy(
    r"^\W*(?:i|i['’]?m|i['’]?ve|we|we['’]re|we['’]ve|my|our|je|j['’]|nous|on|mon|ma|mes|"
    r"notre|nos)\b|\bhere\W*$|"
    # "(just) saw an article on the new CNDH-DGSN programme": what the asker read.
    r"^\W*(?:just\s+)?(?:saw|read|seen|spotted|came\s+across|found)\s+(?:an?|the|this|that)\s|"
    # "Leila is drafting a paragraph on judicial independence", "Omar asked me to double
    # check ...": a colleague the answer is for, and their work.
    r"^\W*(?-i:[A-Z][a-z]+)\s+(?:is|was|['’]s)\s+(?:drafting|writing|preparing|finishing|"
    r"updating|compiling|reviewing|putting\s+together)\b|"
    r"^\W*(?-i:[A-Z][a-z]+)\s+(?:asked\s+me|wants\s+me|needs\s+me|would\s+like\s+me)\s+to\b|"
    # "the journalist is asking about the 2003 attacks": who the answer is for.
    r"^\W*(?:the|a)\s+(?:journalist|reporter|editor|donor|boss|director|manager|client|"
    r"colleague|ambassador|minister)\s+(?:is|was|keeps|has\s+been)\s+(?:asking|wondering|"
    r"writing|working)\b",
    re.IGNORECASE,
)


def _about_asker(segment: str) -> bool:
    """ "hey, I'm putting together a one-pager on the GCTF", "need this for a panel":
    the asker, what they do and what for (after any greeting)."""
    trimmed = _trim(segment)  # "journalist here, thanks": the asker, once thanked
    words = _folded_words(trimmed)
    return _ABOUT_ASKER.search(trimmed) is not None or (
        bool(words)
        and (
            words[0] in CONVERSATIONAL
            # "(fact-checking) a piece on prison reform": the asker's own text.
            or (len(words) > 1 and words[0] in ("a", "an", "my", "our") and words[1] in _WRITINGS)
        )
    )


#: What an asker writes: "a piece on prison reform", "an article about the BCIJ".
_WRITINGS = _words("piece story article report note memo brief briefing deck draft post paper")


def _essentials(segment: str, knows: Callable[[str], bool]) -> str:
    """What a segment about the asker says about the question: the words the fact base
    knows that are not conversation ("I'm writing a piece on the BCIJ" -> "BCIJ"); a
    stop word stays between two kept words ("courts of appeal"), and a gerund before a
    kept word ("working groups")."""
    tokens = segment.split()
    content = [
        bool(words)
        and all(w not in STOPWORDS and w not in CONVERSATIONAL and knows(w) for w in words)
        for words in (_folded_words(t) for t in tokens)
    ]
    kept = [
        t.strip(",.;:!?")
        for n, t in enumerate(tokens)
        if content[n]
        or (
            0 < n < len(tokens) - 1
            and content[n - 1]
            and content[n + 1]
            and all(w in STOPWORDS for w in _folded_words(t))
        )
        # ("one of the forum's working groups": a gerund read as conversation elsewhere,
        # "I'm working on ...", which the fact base knows, naming the kind of the word
        # after it, stays with it.)
        or (n < len(tokens) - 1 and content[n + 1] and t.lower().endswith("ing") and knows(fold(t)))
    ]
    return " ".join(kept)


def _names_of(segment: str, knows: Callable[[str], bool]) -> str:
    """The names a question holds, written as names and known to the fact base ("how
    long does GLO.ACT run" -> "GLO.ACT"): what a second question pointing back at it
    ("and what is its budget?") is about, without the first one's own question."""
    words = (w.strip(",.;:!?") for w in segment.split())
    return " ".join(
        w
        for w in words
        if _NAME.fullmatch(w) and fold(w) not in QUESTION_CUES | STOPWORDS and knows(fold(w))
    )


#: How many words the fact base knows a question must hold to stand without its context.
SELF_CONTAINED_WORDS = 3


#: The intro of a piece of a draft: "Reporter's line", "the peacekeeping para says",
#: "Haiti paragraph". (Not a question about it, "which line ...?"; nor the piece of a text
#: the answer is for, "for the peacekeeping paragraph: how many ...?".)
_PIECE = (
    r"^(?!\W*(?:what|which|how|who|when|where|why|does|do|is|que|quel\w*|qu['’])\b)"
    r"(?!\W*(?:\w+\W+){0,3}?(?:for|on|pour|about)\s+(?:(?:the|our|my|a|an|this|le|la|notre|mon)\s+)?"
    r"(?:[\w-]+\s+){0,2}(?:para|paragraph|line|sentence|passage|caption|headline|lede|bullet)\b)"
    r"\W*(?:\w+\W+){0,3}?(?:(?:our|my|the|a|this)\s+)?"
    r"(?:(?:reporter|writer|journalist|author|editor)['’]?s?\s+|[\w-]+\s+)?(?:para|paragraph|line|"
    r"sentence|passage|caption|headline|lede|bullet)"
)
#: A piece of a draft, quoted: "Reporter's line: '...'", "the peacekeeping para says '...'".
_PIECE_OF_A_DRAFT = lazy(
    _PIECE + r"(?:\s+(?:says?|reads?|states?|claims?)|\s*:)\s*(?=['\"“«‘])\W*", re.IGNORECASE
)
#: The intro of a piece of a draft alone, before the segment its quote opens.
_PIECE_INTRO = lazy(_PIECE + r"(?:\s+(?:says?|reads?|states?|claims?))?\s*:?\s*$", re.IGNORECASE)
#: A segment that is a quotation and goes on after it ("'...' What figure is right?").
_QUOTE_THEN_MORE = lazy(r"^\s*['\"“«‘].*['\"”»’](?=[\s.,;:!?])[\W_]*\w", re.DOTALL)


#: A claim of the asker's draft, checked against the sources: "the draft says ...", "a draft
#: line calls ...", "notre brouillon affirme que ...".
_DRAFT_CLAIM = lazy(
    # (Not a question about the draft: "what does the draft say ...?")
    r"^(?!\W*(?:what|which|how|who|when|where|why|does|do|is|que|quel\w*|qu['’])\b)"
    r"\W*(?:\w+\W+){0,3}?(?:(?:our|my|the|a|this)\s+)?(?:draft|concept\s+note|"
    # ("The email I received says: '...'", "the text I was sent reads '...'")
    r"(?:email|e-mail|mail|text|message|memo|note|sheet|document)\s+(?:i|we)\s+"
    r"(?:received|got|was\s+sent|were\s+sent|have|had))"
    r"(?:(?:\s+[\w-]+){0,2}?\s+(?:says?|said|states?|claims?|describes?|calls?|puts?|gives?|"
    # ("draft: inl works w ...": the claim after a colon)
    r"reads?|lists?|mentions?|quotes?)|\s+has|\s*:|(?=\W*$))(?:\b|(?<=:))(?:\s+that\b)?\W*|"
    + _PIECE_OF_A_DRAFT.pattern
    + "|"
    # "I wrote that in 2014 Morocco signed ...", "j'ai écrit que ...": the asker's own text.
    # ("For the GCTF paragraph I wrote that ...": where it was written, before)
    r"^\W*(?:\w+\W+){0,5}?(?:i\s+(?:wrote|noted|have\s+(?:written|noted))|"
    r"i['’]ve\s+(?:written|noted)|j['’]ai\s+(?:[ée]crit|not[ée]))(?:\s+that\b|\s+que\b|\s+qu['’])\W*|"
    r"^\W*(?:\w+\W+){0,3}?(?:notre|mon|le|un)\s+(?:brouillon|projet\s+de\s+(?:note|rapport)|"
    r"rapport|draft)\s+(?:affirme|dit|indique|pr[ée]tend|avance|d[ée]crit|pr[ée]sente|mentionne)\b"
    r"(?:\s+qu['’]|\s+que\b)?\W*",
    re.IGNORECASE,
)


def _introduces(intro: str, claim: str) -> bool:
    """Whether a segment only introduces a draft's claim, the next segment ("A draft line
    reads:" | "'The BCIJ has 5 units.'"); a piece of a draft only a quoted one."""
    whole = intro.strip() + " "
    if _DRAFT_CLAIM.fullmatch(whole):
        return True
    # (A quotation alone, "Reporter's line: 'The BCIJ was set up in 2015.'", is what is
    # asked of, as written.)
    return bool(_PIECE_INTRO.fullmatch(whole)) and bool(_QUOTE_THEN_MORE.match(claim))


#: A draft's claim after a question and a comma: "..., draft says april 2015 but ...".
_QUESTION_THEN_CLAIM = lazy(
    r"(?<=\w),\s+(?=(?:(?:but|and|mais|et)\s+)?(?:the\s+|my\s+|our\s+|mon\s+|notre\s+|le\s+)?"
    r"(?:draft|brouillon)\s+(?:says?|said|has|had|dit|indique)\b)",
    re.IGNORECASE,
)


def _question_then_claim(segment: str) -> list[str]:
    """[the question, the draft's claim after it] ("when did ..., draft says april 2015");
    [the segment] when what comes before the claim asks nothing ("the BCIJ was created in
    2013, draft says 2014. correct?" checks the draft against the asker)."""
    parts = _QUESTION_THEN_CLAIM.split(segment, maxsplit=1)
    return parts if len(parts) == 2 and _asks_after_preamble(parts[0]) else [segment]


#: A cheap prefilter of the splits around a draft's claim: a message holding none of these
#: words (as parts of words: "paragraph" holds "para") is split no further.
_DRAFT_WORDS = (
    "draft",
    "brouillon",
    "rapport",
    "para",
    "line",
    "sentence",
    "passage",
    "caption",
    "headline",
    "lede",
    "bullet",
)


#: The verb opening a yes-or-no question, not one asking the reader ("do you know ...?",
#: "does anyone have ...?"): "Were the units prepared for Somalia?".
YES_NO_OPENING = (
    r"(?:is|are|was|were|did|does|do|has|have|had|will)\s+"
    r"(?!(?:you|u|we|i|anyone|anybody|someone|somebody)\b)(?=\w)"
)
#: A claim the asker checks before asking for the fact: "Am I right that the mandate
#: includes 2,000 police? What number does INL give?", "Is it true the NYPD trains ...?
#: Whom does it train?", "c'est bien le NYPD qui forme ... ? Sinon, quel service ?". Read
#: as a draft's claim (`_DRAFT_CLAIM`) when a question follows it.
_CONFIRMING = lazy(
    # (The words before it ask nothing: not "When did Morocco confirm its membership?".)
    r"^(?P<before>\W*(?:(?!(?:when|what|which|who|where|why|how|quand|quel\w*|qui|comment|"
    r"pourquoi|combien)\b)[\w'’@-]+\W+){0,4}?)(?:am\s+i\s+(?:right|correct|wrong)(?:\s+(?:that|in\s+thinking"
    r"(?:\s+that)?|to\s+(?:think|say)(?:\s+that)?))?|(?:is|was)\s+it\s+(?:really\s+)?(?:true|right|"
    r"correct|accurate|the\s+case)(?:\s+that)?|(?:can\s+you\s+|could\s+you\s+|pls\s+|please\s+|"
    r"just\s+)?confirm(?:ing)?(?:\s+that)?|"
    # "Can I write that IPPOS 'has trained nearly 5,000 ...'? What does the source say?"
    # (not "Can I say thanks again?", "Could we put the GCTF on the agenda?")
    r"(?:can|could|may)\s+(?:i|we)\s+(?:really\s+)?(?:write|say|state|claim)"
    r"(?:\s+that|(?=[^?]{0,80}\d))|"
    r"(?:is|would)\s+it\s+(?:be\s+)?(?:ok|okay|fine|safe|accurate|right|correct|true)\s+to\s+"
    r"(?:write|say|state|claim)"
    r"(?:\s+that)?|est-(?:ce|il)\s+(?:bien\s+)?(?:vrai|exact)\s+qu(?:e|['’])|"
    r"c['’]est\s+(?:vrai|exact)\s+qu(?:e|['’])|c['’]est\s+bien|est-ce\s+bien)\b\W*|"
    # ("Were the units being prepared for Somalia? Where were they headed?": a yes-or-no
    # question opening the message, then the question asking what holds instead.)
    # (Not one asking the reader, "do you know ...?", "does anyone have ...?".)
    r"^(?P<asked>\W*)" + YES_NO_OPENING,
    re.IGNORECASE,
)
#: A question asked on the answer to the one before it being yes: "if so how many?",
#: "how many officials there?", "si oui, combien ?".
_GRANTED = lazy(
    r"\b(?:if\s+so|if\s+yes|if\s+they\s+did|if\s+it\s+did|si\s+oui|si\s+c['’]est\s+le\s+cas|"
    r"there|l[àa]-bas)\b",
    re.IGNORECASE,
)


def _claim_opening(match: re.Match[str]) -> str:
    """What a `_CONFIRMING` opening leaves of the words before it ("Hey! my boss asks:")."""
    return (match.group("before") or match.group("asked") or "").rstrip() + " "


#: A draft's claim, then the question after a comma: "draft says ..., how many states ...".
_CLAIM_THEN_QUESTION = lazy(
    # (A question: one ending on its mark, or asking what the source gives; not a relative
    # clause, "the BCIJ, which reports to ...", nor "2016, ou 2017 ?".)
    r"(?<=\w),\s+(?=(?:c['’]?\s*(?:est\s+)?)?(?:how|what|where|which|who|when|wat|quel|quelle|quels|"
    r"quelles|combien|quand|quoi)\b(?:[^,?]*\?|[^,?]{0,40}\b(?:does|do|did)\s+(?:the\s+)?\w+\s+"
    r"(?:\w+\s+)?(?:say|says|give|gives|name|names|list|lists|put|puts|state|states|mention|"
    r"mentions)\b|[^,?]{0,40}\b(?:d['’]apr[eè]s|selon)\s+(?:la|le|l['’])\s*(?:source|texte|"
    r"article|fiche|doc)|[^,?]{0,40}\b(?:actual+y|really|in\s+fact)\b)|"
    # ("..., ils font quoi d'autre d'après l'article": a French question asked in place)
    r"[^,?]{0,30}\b(?:quoi|combien|quand|quel\w*)\b[^,?]{0,40}\b(?:d['’]apr[eè]s|selon)\s+"
    r"(?:la|le|l['’])\s*(?:source|texte|article|fiche|doc))|"
    # ("draft says the attacks were on may 16 2004 whats the correct date in the text": the
    # question, unpunctuated, asks what the source actually gives.)
    r"(?<=\w)\s+(?=(?:whats|what['’]s|what\s+is|what\s+does|which|how\s+many)\b[^?,]{0,60}?"
    r"\b(?:correct|corect|right|actual|actualy|actually|real|exact|in\s+the\s+(?:text|article|"
    r"source|fact\s*sheet|page))\b)|"
    # ("... 'INL has trained over 500 officials.' What figure ...?": the quote closed.)
    r"(?<=[.!]['\"’”»])\s+",
    re.IGNORECASE,
)


def _self_contained(
    asking: list[str], knows: Callable[[str], bool], names: Callable[[str], bool] | None
) -> bool:
    """True when the asking segments name something, name enough, and point back to
    nothing ("what's the underlying agreement meant to improve?" needs the context
    that says which agreement)."""
    words = [w for s in asking for w in _folded_words(s)]
    if not words or any(_points_back(s, knows) for s in asking):
        return False
    if "many" in words:
        for n in range(len(words) - 2):
            if words[n] == "how" and words[n + 1] == "many" and words[n + 2] in COUNTED_BEFORE:
                # "ILEAs: how many does INL run training at?": what is counted was said
                # before (not "how many ILEAs does INL run?").
                return False
    known = {w for w in words if w not in STOPWORDS and w not in CONVERSATIONAL and knows(w)}
    if len(known) < SELF_CONTAINED_WORDS:
        return False
    if names is not None:
        return names(" ".join(asking))
    return any(
        _NAME.fullmatch(word) and knows(fold(word)) for s in asking for word in _WORD.findall(s)[1:]
    )


#: A word that names: capitalised ("Casablanca"), an acronym ("INL") or a figure ("2015").
_NAME = lazy(r"[A-ZÀ-Ý][\w.'’-]*|\w*\d\w*")


#: "She wants to know how many ...", "I was wondering when ...", "do you know who ...":
#: a question asked inside a sentence about asking it.
_FRAME = lazy(
    # ("our counterpart at the ministry asked me how ...": a subject of a few words; "in
    # the gender section of our report I want to say what ...": where the answer goes)
    r"^(?:(?:in|for)\s+(?:the|our|my|a)\s+(?:[\w'’-]+\s+){0,5}?(?:report|brief|briefing|note|"
    r"deck|slide|memo|draft|paper|section|chapter|paragraph)\s+)?"
    # ("an NGO partner asks when ...", "ngo contact asking when ...": a relayed question;
    # no word of the subject asks)
    r"(?:(?:i|we|she|he|they|someone|somebody|"
    r"(?:my|our|the|a|an|one|this|that|his|her|their|your|some)"
    r"(?:\s+(?!(?:what|when|where|which|who|whom|whose|why|how|do|does|did|should|must|may|might|"
    r"shall|can|could|would|will)\b)[\w'’-]+){1,5}?|"
    # (without a determiner, whoever asks is named as such: "ngo contact", not "INL")
    r"(?:[\w'’-]+\s+){0,3}?(?:partners?|colleagues?|contacts?|journalists?|reporters?|donors?|"
    r"researchers?|students?|friends?|ngos?|embassy|officials?|clients?|boss|editors?|"
    r"counterparts?|folks|people\s+at\s+[\w'’-]+))"
    r"\s+)?"
    r"(?:(?:am|is|are|was|were|'m|’m)\s+)?(?:(?:just|also|again)\s+)?"
    r"(?:wants?|wanted|needs?|needed|would\s+like|'d\s+like|’d\s+like|asks?|asked|asking|wondering|wonders?)"
    # ("my director just asked me when ...")
    r"\s+(?:(?:me|us)\s+)?(?:to\s+(?:know|check|say|write|mention|explain|note)\s+)?"
    # ("my boss ask me for the donor report since when ...": what it is for, between)
    r"(?:for\s+(?:the|a|an|our|my|his|her)\s+(?:[\w'’-]+\s+){0,2}?(?:report|brief|note|deck|"
    r"slides?|memo|presentation|meeting|annex)\s+)?"
    # ("... asked me in which year ...": the question may open on a preposition)
    r"(?=(?:(?:in|on|at|for|by|from|since|with|to)\s+)?"
    r"(?:what|when|where|which|who|whom|whose|why|how|if|whether)\b)"
    r"|^(?:do|does|did)\s+(?:you|anyone|anybody)\s+know\s+"
    r"(?=(?:what|when|where|which|who|whom|whose|why|how|if|whether)\b)"
    # "I'm not sure what it stands for", "not sure when ...", "I don't know who ..."
    r"|^(?:(?:i['’]?m|i\s+am|we['’]?re|we\s+are)\s+)?(?:not\s+sure|unsure)\s+(?:about\s+)?"
    r"(?=(?:what|when|where|which|who|whom|whose|why|how|if|whether)\b)"
    r"|^(?:i|we)\s+(?:don['’]?t|do\s+not|dont)\s+know\s+"
    r"(?=(?:what|when|where|which|who|whom|whose|why|how|if|whether)\b)"
    r"|^(?:(?:can|could)\s+(?:you|someone|somebody|anyone|anybody)\s+(?:please\s+)?)?"
    r"(?:tell|remind)\s+(?:me|us)\s+(?:again\s+)?"
    r"(?=(?:what|when|where|which|who|whom|whose|why|how|if|whether)\b)"
    # "can you confirm the name of the town where ...?", "pls double-check when ..."
    r"|^(?:(?:can|could|would)\s+(?:you|someone|anyone)\s+(?:please\s+|pls\s+)?|please\s+|pls\s+)?"
    r"(?:confirm|verify|double[- ]?check)\s+(?:for\s+(?:me|us)\s+)?"
    r"(?=(?:the|what|when|where|which|who|whom|whose|why|how|if|whether)\b)"
    # "I need the full name of ...", "we're looking for the date ...": a request
    r"|^(?:i|we)\s+(?:(?:really|just|still|also)\s+)?(?:need|want|(?:am|are|'m|’m|'re|’re)\s+"
    r"looking\s+for)\s+(?=the\b)"
    # "a contact at the Dutch embassy is prepping a brief and wants to know who ...": a
    # relay after a clause on who asks, with no question word before it
    r"|^(?:(?!\b(?:what|whats|when|where|which|who|whom|whose|why|how)\b)[^?]){0,160}?\b"
    r"(?:wants?\s+to\s+know|would\s+like\s+to\s+know|['’]d\s+like\s+to\s+know|"
    r"(?:is|are|was|were)\s+asking|asks|asked\s+(?:me|us)|(?:is|are|was)\s+wondering)\s+"
    # ("a journalist asks on what date ...")
    r"(?=(?:(?:in|on|at|for|by|from|since|with|to)\s+)?"
    r"(?:what|when|where|which|who|whom|whose|why|how|if|whether)\b)"
    # "a partner wants the names of ...", "the embassy is asking for the date of ...":
    # what someone else asks for, relayed
    r"|^(?:my|our|the|a|an|one|this|that|his|her|their|your|some)(?:\s+[\w'’-]+){1,4}?\s+"
    r"(?:(?:is|are|was|were)\s+)?(?:(?:just|also|again)\s+)?"
    r"(?:wants?|wanted|needs?|needed|would\s+like|asks?\s+for|asked\s+for|asking\s+for|"
    r"looking\s+for|requests?|requested)\s+(?=the\b)"
    # "I need one line on the prison classification system ...": what it is about
    r"|^(?:i|we)\s+(?:(?:really|just|still|also)\s+)?(?:need|want)\s+(?:a|one|1|some|a\s+few|two)\s+"
    r"(?:lines?|sentences?|words?|paragraphs?|paras?|blurbs?|bullets?)\s+(?:on|about|for)\s+(?=the\b)"
    # "Annex needs the full name of ...": what the answer is for asks for it
    r"|^(?:(?:the|my|our)\s+)?(?:annex|annexe|appendix|deck|slide|note|report|brief|briefing|memo|"
    r"draft|table|timeline|chart|factsheet|handout|footnote|box|section|paragraph)\s+"
    r"(?:needs?|wants?|requires?)\s+(?=the\b)"
    # "pls send me the full name behind ...", "can you give us the date of ...?"
    r"|^(?:(?:can|could|would)\s+(?:you|someone|anyone)\s+(?:please\s+|pls\s+)?|please\s+|pls\s+)?"
    r"(?:send|give|share|get|find)\s+(?:me|us)\s+(?=the\b)"
    # "anyone have the GLO.ACT budget?", "quelqu'un a le montant ?": who has it asks nothing
    r"|^(?:(?:does|do)\s+)?(?:anyone|anybody|someone|somebody)\s+(?:have|has|got)\s+(?=the\b)"
    r"|^(?:quelqu['’]?\s*un|qqn|qq1)\s+a\s+(?=(?:le|la|les|l['’])\s*\w)"
    # "un collègue du parquet me demande combien ...", "je voudrais savoir quand ...".
    # ("une ONG avec qui on travaille voudrait savoir ...", "un collègue du ministère
    # demande combien ...")
    # ("un partenaire de l'OIM boucle son rapport et demande quels ...": as many words as
    # it takes, none asking; "un partenaire demande l'INL aide la police sur quel type de
    # preuves": a question asked in place, after the relay)
    r"|^(?:(?!\b(?:quel|quelle|quels|quelles|quand|combien|comment|pourquoi|où)\b)[^?]){0,160}?"
    r"(?<!\bla\s)(?<!\bune\s)(?<!\bsa\s)(?<!\bcette\s)(?<!\bleur\s)(?<!\bde\s)(?<![\w'’])"
    # ("la charte, elle demande quoi ?": what the charter asks for)
    r"(?<!\bil\s)(?<!\belle\s)(?<!\bils\s)(?<!\belles\s)"
    r"(?:(?:me\s+)?demande|m['’]a\s+demand[ée]|voudrait\s+savoir|"
    r"veut\s+savoir|aimerait\s+savoir)\s+"
    # ("on me demande pour une présentation combien ...": what it is for, asked nothing)
    r"(?:pour\s+(?:une?|la|le|les|l['’]|mon|ma|mes|notre|nos)\s*[\w'’-]+\s+)?"
    r"(?=(?:(?:en|de|d['’]|à|a|dans|pour|par|sur|depuis|avec)\s*)?"
    r"(?:combien|quand|qui|quel|quelle|quels|quelles|ou|où|comment|pourquoi|si|quoi)\b|"
    r"[^?]{0,120}\b(?:quel|quelle|quels|quelles|combien|quoi)\b)"
    r"|^(?:je\s+voudrais|j['’]aimerais|je\s+veux|on\s+voudrait)\s+savoir\s+"
    # "en réunion on parle de l'accord-cadre ..., il a été signé quand ?": what the
    # meeting talks about is what is asked about; the talking asks nothing.
    r"|^(?:[\w'’-]+\s+){0,3}?(?:on|nous)\s+(?:parle|parlait|parlons|discute|discutait|discutons)\s+"
    r"(?=(?:de|du|des|d['’])\s*(?!quoi\b)\w)"
    r"|^(?:[\w'’-]+\s+){0,3}?(?:we|we['’]re|we\s+are|we\s+were)\s+(?:talking\s+about|discussing)\s+"
    r"(?=the\b)"
    r"|^(?:tu\s+sais|sais[- ]tu|est-ce\s+que\s+tu\s+sais|(?:peux|pourrais)[- ]tu\s+me\s+dire|"
    r"(?:pouvez|pourriez)[- ]vous\s+me\s+dire|"
    # ("Pourriez-vous m'indiquer le montant ...?", "merci de m'indiquer dans combien ...")
    r"(?:(?:pouvez|pourriez)[- ]vous|(?:peux|pourrais)[- ]tu|merci\s+de)\s+m['’]\s*"
    r"(?:indiquer|pr[ée]ciser)|"
    # ("vous pouvez me dire ce que signifie DGSN ?", "tu peux me dire ...")
    r"(?:est-ce\s+que\s+)?(?:vous\s+(?:pouvez|pourriez)|tu\s+(?:peux|pourrais))\s+me\s+dire|"
    # "quelqu'un sait en quelle année ...?": does anyone know
    r"(?:quelqu['’]?\s*un|qqn|qq1)\s+(?:sait|saurait|connait|connaît)(?:\s+(?:si|dire))?)\s+",
    re.IGNORECASE,
)


#: A word every way of `_FRAME` holds, lower-cased: "want", "know", "tell", "savoir", ...
_FRAME_CUE = CaseBlind.compile(
    r"want|need|like|ask|wonder|know|tell|remind|demand|savoir|sais|sait|saurait|conna|dire|sure|"
    r"confirm|verify|check|request|look|"
    r"send|give|share|get|find|parl|discu|talking|have|has|got|quelqu|qqn|qq1|indiquer|pr[ée]ciser"
)


#: "If someone asks what prison term ..., what do I tell them?", "suppose they ask when
#: ...", "dans le cas où le bailleur demande combien ...": a question the asker expects to
#: be asked, set in a case. The case asks nothing; the question inside it does.
_SUPPOSING = lazy(
    r"^(?:(?:and|so|ok|okay|also|but|et|mais)\s+)?"
    r"(?:(?:just\s+)?in\s+case|if|suppose|supposing|say|what\s+if|assuming|"
    r"dans\s+le\s+cas\s+o[uù]|au\s+cas\s+o[uù]|si|s['’]ils?)\s+"
    r"(?:"
    # (whoever asks, in a few words none of which asks: "sum1", "the minister", "they")
    r"(?:(?!(?:what|wat|when|where|which|who|whom|whose|why|how|quel\w*|quand|combien|qui)\b)"
    r"[\w'’-]+\s+){0,4}?"
    r"(?:asks?|asked|gets?\s+asked|(?:is|am|are|i['’]?m|we['’]?re)\s+asked|"
    r"(?:me\s+)?demandes?|demandent|(?:me\s+)?pose\s+la\s+question)\s+"
    r"(?:(?:me|us|you|again|later|tomorrow|about\s+it)\s+)*(?:about\s+)?"
    r"(?=(?:(?:in|on|at|for|by|from|since|with|to|en|de|dans|depuis|pour|par|sur|à)\s+)?"
    r"(?:what|wat|wot|when|where|which|who|whom|whose|why|how|whether|the|quel\w*|quand|"
    r"combien|qui|o[uù]|comment|pourquoi|le|la|les|l['’])\b)"
    # ("suppose I cite the trafficking law ..., which number is it?", "si je dois indiquer
    # le budget ..., c'est combien ?": what the asker will write, then asked about)
    r"|(?:i|we)\s+(?:(?:have\s+to|need\s+to|want\s+to|were\s+to)\s+)?"
    r"(?:cite|mention|quote|use|refer\s+to|write\s+about|name|put\s+in|include)\s+(?=the\b)"
    r"|(?:je|on)\s+(?:dois|devais|veux|voulais)\s+(?:indiquer|citer|mentionner|donner|mettre|"
    r"[ée]crire)\s+(?=(?:le|la|les|l['’]|combien|quel\w*|quand|o[uù])\b)"
    r")",
    re.IGNORECASE,
)
#: The case's own question, last: "..., what do I tell them?", "..., je réponds quoi ?".
_WHAT_TO_SAY = lazy(
    r"[,;:.]?\s*(?:(?:so|then|and)\s+)?(?:"
    r"(?:what|wat|wot|how)\s+(?:do|should|would|shall|can|could|d)\s+(?:i|we)\s+"
    r"(?:say|tell|answer|reply|respond|put|write|quote|cite|give)"
    r"(?:\s+(?:to\s+)?(?:them|em|['’]em|him|her|it|the\s+\w+|my\s+\w+))?(?:\s+(?:then|exactly))?|"
    r"what['’]?s\s+the\s+(?:right\s+|correct\s+)?answer|"
    r"(?:je|on)\s+(?:r[ée]ponds?|dis|mets|[ée]cris|indique)\s+quoi|"
    r"(?:que|qu['’])\s*(?:dois|devrais|vais)[- ]je\s+(?:r[ée]pondre|dire|mettre|indiquer))"
    r"\s*(?P<mark>[?!.]*)\s*$",
    re.IGNORECASE,
)
#: Where the asker will put the answer, inside the question: "... in the donor memo",
#: "... dans un rapport". The asker's own writing (their determiner, or a kind of report
#: no source is), not a source the asker read it in ("in the 2012 report").
_WHERE_IT_GOES = lazy(
    r"\s+(?:(?:in|into)\s+(?:my|our|the|a|this)\s+(?:donor\s+|quarterly\s+|annual\s+|weekly\s+|"
    r"monthly\s+|board\s+|final\s+|internal\s+|team\s+|funding\s+|grant\s+|progress\s+|"
    r"concept\s+)?(?<!\bthe\s)(?<!\ba\s)(?<!\bthis\s)"
    r"(?:memo|report|note|brief|briefing|deck|slides?|draft|newsletter|email|presentation|"
    r"table|spreadsheet|annex)|"
    r"dans\s+(?:un|une|mon|ma|notre|ce|cette)\s+(?:rapport|m[ée]mo|note|document|brouillon|"
    r"tableau|pr[ée]sentation|courrier|mail|e-mail))(?=\s*[,?.!;]|\s*$)",
    re.IGNORECASE,
)
#: "whether" opening the question a case sets: the claim after it is what is checked.
_WHETHER = lazy(r"^\s*(?:whether|if|si)\s+", re.IGNORECASE)
#: A case that asks nothing of its own: "in case she asks again", "if they ask me".
_CASE_ALONE = lazy(
    r"\W*(?:(?:and|so|but|et|mais)\s+)?(?:(?:just\s+)?in\s+case|if|dans\s+le\s+cas\s+o[uù]|"
    r"au\s+cas\s+o[uù]|si)\s+(?:[\w'’-]+\s+){0,3}?(?:asks?|asked|demandes?|demandent)"
    r"(?:\s+(?:me|us|again|later|about\s+it|that|[çc]a|encore|moi))*\s*[,;:]?\s*",
    re.IGNORECASE,
)
#: A cheap prefilter of `_SUPPOSING` (it matches many words: "since", "fonds").
_SUPPOSING_CUE = CaseBlind.compile(r"\b(?:in\s+case|if|suppos|say|assuming|cas\s+o|si|s['’]il)")
_WHAT_TO_SAY_CUE = CaseBlind.compile(
    r"\b(?:say|tell|answer|reply|respond|put|write|quote|cite|give|r[ée]pond|dis|mets|[ée]cris|"
    r"indique|dire|mettre)"
)


#: What a formal request asks the reader to do: "confirm", "tell me", "m'indiquer", ...
_ASKED_TO_EN = (
    r"(?:confirm|tell\s+(?:me|us)|indicate|advise(?:\s+(?:me|us))?|let\s+(?:me|us)\s+know|"
    r"list|name|provide|give\s+(?:me|us)|"
    r"specify|clarify|state|remind\s+(?:me|us)(?:\s+of)?|inform\s+(?:me|us)(?:\s+of)?)"
    r"(?:\s+(?:of|as\s+to))?\s+"
)
_ASKED_TO_FR = (
    r"(?:m['’]\s*|me\s+|nous\s+)?(?:indiquer|pr[ée]ciser|confirmer|rappeler|communiquer|dire|"
    r"faire\s+(?:conna[iî]tre|savoir)|donner|transmettre)\s*"
)

#: A formal request around a question: "Would you kindly confirm ...", "I would be most
#: grateful to learn ...", "It would assist the Office to know ...", "Je vous saurais gré
#: de bien vouloir m'indiquer ...", "auriez-vous l'obligeance de me préciser ...", "je me
#: permets de vous solliciter :". It asks nothing itself; what follows it does. At the
#: start, or after a clause that leads in ("For a seminar on ..., I would be grateful to
#: learn in which country ...": the lead stays, it may name what is asked about).
_COURTESY = lazy(
    r"(?:^|(?<=[,:;])\s*)(?:"
    r"(?:would|could|will|can)\s+you\s+(?:please\s+)?(?:be\s+so\s+kind\s+as\s+to|"
    r"be\s+(?:kind|good)\s+enough\s+to|kindly)\s+" + _ASKED_TO_EN + "|"
    r"(?:i|we)(?:\s+(?:would|should)|['’]d)\s+be\s+(?:most\s+|very\s+|extremely\s+|much\s+)?"
    r"(?:grateful|obliged|thankful|indebted)\s+(?:(?:if|were)\s+you\s+(?:could|would|might)\s+"
    r"(?:kindly\s+|please\s+)?" + _ASKED_TO_EN + r"|to\s+(?:learn|know|hear|be\s+told)\s+|"
    r"for\s+(?:your\s+)?(?:confirmation|an?\s+indication|clarification)\s+(?:of|on|as\s+to)\s+)|"
    r"kindly\s+" + _ASKED_TO_EN + "|"
    r"it\s+would\s+(?:assist|help)\s+(?:me|us|the\s+[\w-]+)\s+"
    r"(?:(?:considerably|greatly|enormously|a\s+great\s+deal)\s+)?to\s+(?:know|learn)\s+|"
    r"je\s+vous\s+(?:saurais|serais)\s+(?:tr[eè]s\s+)?(?:gr[ée]|oblig[ée]e?|reconnaissante?)\s+"
    r"de\s+(?:bien\s+vouloir\s+)?" + _ASKED_TO_FR + "|"
    r"auriez[- ]vous\s+(?:l['’]\s*(?:amabilit[ée]|obligeance|bont[ée])|la\s+gentillesse)\s+de\s+"
    r"(?:bien\s+vouloir\s+)?" + _ASKED_TO_FR + "|"
    r"je\s+vous\s+(?:prie|remercie)\s+de\s+(?:bien\s+)?vouloir\s+" + _ASKED_TO_FR + "|"
    r"(?:pourriez|pouvez|voudriez)[- ]vous\s+(?:bien\s+vouloir\s+|avoir\s+l['’]\s*"
    r"(?:amabilit[ée]|obligeance)\s+de\s+)" + _ASKED_TO_FR + "|"
    r"je\s+(?:souhaiterais|souhaite)\s+(?:conna[iî]tre|savoir)\s+|"
    r"je\s+(?:voudrais|aimerais)\s+conna[iî]tre\s+|"  # ("je voudrais savoir": `_FRAME`'s)
    r"je\s+me\s+permets\s+de\s+vous\s+(?:solliciter|demander|interroger|[ée]crire)\s*(?=[,:;]|$)"
    r")",
    re.IGNORECASE,
)
#: A cheap prefilter of `_COURTESY`: a word each of its ways holds.
_COURTESY_CUE = CaseBlind.compile(
    r"kind|good|grateful|obliged|thankful|indebted|assist|help|saurais|serais|auriez|prie|remercie|"
    r"pourriez|pouvez|voudriez|souhait|voudrais|aimerais|permets"
)


def _uncourteous(segment: str) -> str:
    """`segment` without the formal request around its question ("Would you kindly confirm
    ...", "Je vous saurais gré de bien vouloir m'indiquer ..."): what is left asks."""
    if not _COURTESY_CUE.search(segment):
        return segment
    stripped, found = _COURTESY.subn(" ", segment, count=1)
    return stripped.lstrip(" ,:;") if found else segment


def _unsupposed(segment: str) -> str:
    """The question inside the case the asker sets it in ("if someone asks what ..., what
    do I tell them?" asks what ...), without the asker's own question about what to say
    after it; nothing for a case that asks nothing of its own ("in case she asks again,
    what do I answer?"); or the segment as it is."""
    case = _SUPPOSING.match(segment) if _SUPPOSING_CUE.search(segment) else None
    question = segment if case is None else segment[case.end() :]
    said = _WHAT_TO_SAY.search(question) if _WHAT_TO_SAY_CUE.search(question) else None
    if said is not None and case is None and _CASE_ALONE.fullmatch(question[: said.start()]):
        return ""  # "in case she asks again, what do I answer?": the asker's own worry
    # (Not a question of its own before it: "The BCIJ law, how should I cite it?")
    if (
        said is not None
        and said.start() > 0
        and (case or _asks_after_preamble(question[: said.start()]))
    ):
        question = question[: said.start()] + ("?" if "?" in said["mark"] else said["mark"])
    if case is not None:
        # ("if asked whether Morocco is ..., what do I say?": the claim is what is asked)
        question = _WHERE_IT_GOES.sub("", _WHETHER.sub("", question, count=1))
    return question if _content_words(question) else segment


def _unframed(segment: str) -> str:
    """The question inside "she wants to know ..." or a case ("if they ask ..."), or the
    segment as it is."""
    return _frame_parts(segment, lambda word: False)[-1]


def _frame_parts(segment: str, knows: Callable[[str], bool]) -> list[str]:
    """[the question inside "she wants to know ..."], or [the segment as it is]; and when
    the question points back ("my colleague saw 'ToT' in the news and asks what it stands
    for") and the frame names something, the frame before it, as context naming what
    it points to."""
    segment = _unsupposed(_uncourteous(segment))
    if not _FRAME_CUE.search(segment):
        return [segment]  # (most questions: none of the words a frame needs)
    framed = _FRAME.match(segment)
    if not framed:
        return [segment]
    question = segment[framed.end() :]
    frame = segment[: framed.end()]
    if (
        framed.end()
        and any(_NAME.fullmatch(word) for word in _WORD.findall(frame)[1:])
        and _points_back(question, knows)
    ):
        return [frame, question]
    return [question]


def _asks(segment: str) -> bool:
    stripped = segment.rstrip()
    if stripped.endswith("?"):
        return True
    if _STATEMENT.match(stripped):
        return False  # "c'est pour l'annexe": "est" here states, it does not ask
    words = [w for w in _folded_words(segment) if w not in CONVERSATIONAL]
    if len(words) > 1 and words[0] in _JOINING_WORDS and words[1] in _WH_OPENING:
        # ("... in Rabat, right? or where was it held": the other question; not "Miami-Dade?
        # or was it the drugs one", the asker's other guess)
        words = words[1:]
    if (
        len(words) > 2
        and words[0] in _OPENING_PREPOSITIONS
        and words[1] in _WH
        and words[2] not in _SPEAKERS
    ):
        # ("on what date does ...": a question on a preposition; "from what I can see"
        # is the asker's view)
        words = words[1:]
    # ("la constitution date de quelle année svp": French asks in place, unpunctuated.)
    return bool(words) and (words[0] in QUESTION_CUES or not _IN_PLACE.isdisjoint(words))


#: The question words a question on a preposition opens with: "on what date ...", "en
#: quelle année ..." (not "to list them ...").
_WH = _words("what which whom whose when where quel quelle quels quelles qui quoi combien")
_SPEAKERS = _words("i we you they he she it the this that je nous on il elle le la les l")


#: A word joining a question to what came before it: "or where was it held", "and when".
_JOINING_WORDS = _words(" ".join(JOINING_WORDS))
#: The question words a joined question opens with.
_WH_OPENING = _words(" ".join(QUESTION_OPENERS))

#: French question words that ask where they stand: "... date de quelle année", "... coopère
#: sur quel sujet".
_IN_PLACE = _words("quel quelle quels quelles combien quoi")


def _asks_after_preamble(clause: str) -> bool:
    """ "For GLO.ACT as a whole, how long does it run": a question after a phrase that
    says what it is about."""
    return _asks(clause) or ("," in clause and _asks(clause.rsplit(",", 1)[1]))


def _asks_nothing(segment: str) -> bool:
    """ "Anyone have it handy?", "does anyone know?": a question of conversation alone."""
    words = _folded_words(segment)
    # ("who is its director?" asks: a question word and a word of its own.)
    return _OPENERS.isdisjoint(words) and all(
        w in CONVERSATIONAL or w in STOPWORDS or w in _ANYONE for w in words
    )


#: A request turned into a question by asking who has it: "..., anyone have it?",
#: "..., quelqu'un l'a ?", "..., qqn a l'info ?".
_ANYONE_HAS = lazy(
    r"\s*[,;:-]?\s*(?:(?:does|do)\s+)?(?:any(?:one|body)|some(?:one|body)|quelqu['’]?\s*un|qqn|qq1)"
    r"\s+(?:have|has|got|l['’]a|l['’]aurait|a|aurait)"
    r"(?:\s+(?:it|that|this|[çc]a|l['’]info|the\s+info|the\s+figure|the\s+number))?"
    r"(?:\s+(?:handy|sous\s+la\s+main))?\s*\?",
    re.IGNORECASE,
)
_ANYONE_HAS_CUE = CaseBlind.compile(r"any|some|quelqu|qqn|qq1")

#: Whom a question of conversation asks: "anyone have it handy?"
_ANYONE = _words("anyone anybody someone somebody")


def _requests(segment: str) -> bool:
    """ "need the date the agreement was signed": a request for what a question asks (in
    a message that asks nothing otherwise; after a question, "need the figure for the
    report" says what the answer is for)."""
    words = [w for w in _folded_words(segment) if w not in CONVERSATIONAL and w not in STOPWORDS]
    return bool(words) and words[0] in _REQUESTED and _REQUEST.match(segment) is not None


#: What a request asks for: "need the number of ...", "looking for the date ...".
_REQUESTED = _words(
    """date dates year years number numbers figure figures name names title list amount
    total location place full month months"""
)
_REQUEST = lazy(
    r"^\W*(?:(?:i|we)\s+)?(?:(?:really|just|still)\s+)?(?:(?:need|needed|want|looking\s+for|"
    r"after|would\s+like|'d\s+like|’d\s+like)\s+)?(?:the|a|an)\s",
    re.IGNORECASE,
)


#: Words that open a trailing aside saying what the answer is for: "... it's for the annex",
#: "... need it for a slide", "... pour la note".
_ASIDE_OPENERS = frozenset(
    ["for", "its", "it's", "need", "needed", "this", "thats", "that's", "pour", "cest", "c'est"]
    + ["and i", "and we", "and i'm", "and i've", "and im", "and ive"]
)
_ASIDE_CUE = CaseBlind.compile(
    r"(?<!\w)(?:for|its|it's|need|needed|this|thats|that's|pour|c'est|and)(?!\w)"
)


def _asker_or_purpose(part: str) -> bool:
    """ "for our annual report", "pour la cartographie des partenaires", "journalist
    here": a clause on what the answer is for or who asks, not on what is asked."""
    words = _folded_words(part)
    if not words:
        return False
    if words[-1] in ("here", "ici"):
        return True
    # "for our annual report, ...", "filling in a grant table, what years ...?"
    opens = words[0] in ("for", "pour") or words[0] in _PURPOSE_VERBS
    if _BUSY.match(part):
        # "running late to my next mtg, where is ...?", "entre deux réunions, ...".
        return True
    if words[0] in ("before", "avant") or words[0] in _MEETINGS:
        # "before the workshop tomorrow, can someone remind me ...?", "réunion demain sur
        # la coopération régionale, tu sais ...?": when and where it is needed.
        return not _WHEN_NEEDED.isdisjoint(words)
    return opens and any(w in _PURPOSE_NOUNS for w in words[1:])


#: A clause opening on what the answer is needed for: "I need it for ...", "it's for ...",
#: "j'en ai besoin pour ...", "c'est pour ...".
_NEED_IT_FOR = lazy(
    r"\W*(?:(?:i|we)\s+)?(?:(?:really|just|only)\s+)?(?:need|needed|want|wanted)\s+"
    r"(?:it|this|that|them)\s+(?:for|in)\b|"
    r"\W*(?:it['’]?s|it\s+is|this\s+is|that['’]?s)\s+(?:just\s+|only\s+)?for\b|"
    # "She needs one sentence she can cite.": the form the answer is wanted in.
    r"\W*(?:she|he|they|i|we|(?-i:[A-Z][a-z]+))\s+(?:just\s+|only\s+|really\s+)?"
    r"(?:needs|need|wants|want)\s+(?:one|a|an|the|just\s+a|just\s+one)\s+(?:short\s+)?"
    r"(?:sentence|line|one-liner|quote|citation|figure|number|name|word|phrase)s?\b|"
    r"\W*(?:j['’]en\s+ai\s+besoin|c['’]est|c['’]était)\s+(?:juste\s+|seulement\s+)?pour\b",
    re.IGNORECASE,
)
#: A filler between a dictated message's sentences ("um so", "uh", "ok so basically",
#: "euh", "du coup"); and, unpunctuated, the start of what the answer is for after the
#: question ("... the first session need it for the calendar invite").
_SPOKEN_BREAK = lazy(
    r"(?<=\w)\s+(?:(?:um+|uh+|erm|hmm+|euh+)(?:\s+so)?(?:\s+basically)?|ok(?:ay)?\s+so(?:\s+basically)?|"
    r"so\s+basically|bon\s+ben)\s+(?=\w)|"
    r"(?<=[^\W\d])(?<!\bi)(?<!\bwe),?\s+(?=(?:(?:i|we)\s+)?(?:need|needed)\s+(?:it|this|that|them|the\s+(?:exact\s+|precise\s+|full\s+)?"
    r"(?:date|dates|figure|figures|number|numbers|name|names|info|answer|year|title|details?))"
    r"\s+(?:for|by|before)\s+(?:a|an|the|my|our|this|tomorrow|today)\b[^?.!]*$)",
    re.IGNORECASE,
)
#: "for the 7am bulletin how many prosecutors ...": what it is for, dictated, then the
#: question (the purpose is ended there, `\1. `).
_SPOKEN_PURPOSE = lazy(
    r"(\b(?:for|pour)\s+(?:the|my|our|this|a|le|la|mon|ma|notre)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:bulletin|segment|show|broadcast|newsletter|report|note|slides?|brief|briefing|script|"
    r"story|piece|deck|flash|chronique|[ée]mission|journal|rapport)"
    # ("pour le journal de midi combien ...")
    r"(?:\s+(?:of|at|de|du|d['’]|à)\s*[\w-]+)?)\s+"
    r"(?=(?:how|what|when|where|which|who|why|combien|quand|quel\w*|o[uù]|qui)\b)",
    re.IGNORECASE,
)
_SPOKEN_CUE = CaseBlind.compile(
    r"\b(?:um+|uh+|erm|hmm+|euh+|ok|okay|basically|coup|ben|need|needed|bulletin|segment|"
    r"show|broadcast|newsletter|report|note|slides?|brief|briefing|script|story|piece|deck|"
    r"flash|chronique|[ée]mission|journal|rapport)\b"
)
#: Where the asker is, in a hurry: "running late to my next mtg", "between meetings".
_BUSY = lazy(
    r"\W*(?:(?:i['’]?m|im|i\s+am)\s+)?(?:running\s+late|in\s+a\s+(?:meeting|mtg|call)|"
    r"between\s+(?:meetings|mtgs|calls)|stuck\s+in\s+(?:traffic|a\s+meeting)|boarding|"
    r"entre\s+deux\s+r[ée]unions|en\s+retard)\b",
    re.IGNORECASE,
)
#: A meeting the answer is needed in: "meeting tomorrow on ...", "réunion demain ...".
_MEETINGS = _words(
    "meeting meetings call reunion rdv briefing presentation panel interview entretien"
)
#: Days an answer is needed by: "before the workshop tomorrow".
_WHEN_NEEDED = _words("tomorrow tmrw today tonight demain aujourdhui")


def _knows_any(word: str) -> bool:
    """What `_trim` assumes the fact base knows when not told: every word."""
    return True


#: Segment -> its `_trim`, when what the fact base knows played no part (most segments:
#: a kept segment is trimmed again, by another caller). Emptied when full.
_TRIMMED: dict[str, str] = {}
#: (segment, knows) -> its `_trim`, when what the fact base knows played a part.
_TRIMMED_KNOWING: dict[tuple[str, Callable[[str], bool]], str] = {}
TRIMS_KEPT = 256


#: A first comma part that is the question's own opening: "How much, in dollars, did ...?".
_ASKED_ALONE = lazy(
    r"^\W*(?:how\s+(?:much|many|long|often)|when|where|why|who|which|what|combien|quand|"
    r"pourquoi|comment)\W*$",
    re.IGNORECASE,
)


def _trim(segment: str, knows: Callable[[str], bool] = _knows_any) -> str:
    """Drop conversational words at the start and end of a segment, comma parts that
    are only conversation ("sorry to bug you again, how many ..."), and a trailing
    aside that is only conversation ("... it's for the annex"). Kept (`_TRIMMED`)."""
    found = _TRIMMED.get(segment)
    if found is None:
        found = _TRIMMED_KNOWING.get((segment, knows))
        if found is None:
            found, knowing = _trimmed(segment, knows)
            if knowing:
                if len(_TRIMMED_KNOWING) >= TRIMS_KEPT:
                    _TRIMMED_KNOWING.clear()
                _TRIMMED_KNOWING[segment, knows] = found
            else:
                if len(_TRIMMED) >= TRIMS_KEPT:
                    _TRIMMED.clear()
                _TRIMMED[segment] = found
    return found


def _trimmed(segment: str, knows: Callable[[str], bool]) -> tuple[str, bool]:
    """`_trim`, and whether it asked `knows` (only to keep the names of a leading clause
    on what the answer is for: "for the BCIJ section, ...")."""
    knowing = False
    # "18,000" is one part: a comma then a space splits (no comma, nothing to split).
    parts = re.split(r"(,\s+)", segment) if "," in segment else [segment]
    while (
        len(parts) > 2
        and all(w in CONVERSATIONAL for w in _content_words(parts[0]))
        and not _ASKED_ALONE.match(parts[0])
    ):
        del parts[:2]
    if (
        len(parts) > 2
        and _asker_or_purpose(parts[0])
        and not all(w in CONVERSATIONAL for w in _content_words("".join(parts[2:])))
    ):
        # "for our annual report, when ...?", "journalist here, ...": only its names stay.
        words = parts[0].split()
        if fold(words[0]) in ("for", "pour"):
            words = words[1:]
        # (A name the fact base never heard of, "for the CVE section", says nothing asked.)
        knowing = True
        names = [
            w
            for w in words
            if _NAME.fullmatch(w.strip(",.;:!?")) and knows(fold(w.strip(",.;:!?")))
        ]
        if names:
            parts[0] = " ".join(names)
        else:
            del parts[:2]
    while (
        len(parts) > 2
        and all(w in CONVERSATIONAL for w in _content_words(parts[-1]))
        and not _names_in_capitals(parts[-1])
        # ("... come to INL for help, what do they ask for most?": a question, last.)
        and not _opens_question(parts[-1])
    ):
        del parts[-2:]
    while len(parts) > 2 and _WHO_WANTS_IT.match(parts[-1]):
        # "..., my editor wants it spelled out in the article": who wants the answer.
        del parts[-2:]
    text = "".join(parts).strip()
    tokens = _without_trailing_aside(text.split())
    while tokens and _only_conversation(tokens[0]):
        tokens.pop(0)
    if len(tokens) > 3:
        tokens = _without_leading_purpose(tokens, knows)
    while tokens and _only_conversation(tokens[-1].rstrip("?!.")):
        tail = tokens.pop()
        if tail.endswith("?") and tokens:
            tokens[-1] += "?"
    return " ".join(tokens), knowing


def _opens_question(part: str) -> bool:
    """Whether a comma part opens on a question word: "what do they ask for most?", in
    French after "c'est"/"c'était" ("la nouvelle constitution, c'était quand déjà ?"), and
    after "and" / "et" (", and when?")."""
    words = _folded_words(part)[:2]
    if words[:1] and words[0] in ("est", "etait", "and", "et"):
        # (", and when?": a second question, joined.)
        words = words[1:]
    return not _OPENERS.isdisjoint(words[:1])


#: A last comma part on who wants the answer: "my editor wants it spelled out", "our
#: boss asked for it", "mon chef la veut".
_WHO_WANTS_IT = lazy(
    r"\s*(?:my|our|mon|ma|notre)\s+(?:editor|boss|manager|director|team|colleagues?|client|"
    r"donors?|chef|cheffe|directeur|directrice|equipe|équipe|rédac|redac)\s+(?:wants?|wanted|"
    r"needs?|needed|asked|asks|veut|voulait|demande|a\s+demandé)\b",
    re.IGNORECASE,
)


#: The question words a question may start with after a leading clause on its purpose.
# (One list with `_LAST_QUESTION`'s; "qui" left out: it also opens relative clauses.)
_OPENERS = _words(" ".join(QUESTION_OPENERS) + " whats") - {"qui"}


#: Prepositions a question may open on ("in which year ...", "en quelle année ...").
_OPENING_PREPOSITIONS = _words(
    "in on at for by from since with to of en dans depuis pour de a par sur avec"
)


def _without_leading_purpose(tokens: list[str], knows: Callable[[str], bool]) -> list[str]:
    """`tokens` without a clause before its question word, unpunctuated, that says only
    what the answer is for ("writing a speech for tmrw when did ...?", "need it by noon
    what's ...?"): words of conversation, stop words or words the fact base never heard
    of, one of them saying what for."""
    first = _folded_words(tokens[0])
    if not first or first[0] in QUESTION_CUES:
        return tokens  # (most questions: a question word first, no clause before it)
    for start in range(1, min(len(tokens) - 2, 9)):
        words = _folded_words(tokens[start])
        if not words or (words[0] not in _OPENERS and not _request_at(tokens, start)):
            continue
        # ("my director asked me in which year ...": the preposition opens the question.)
        previous = _folded_words(tokens[start - 1])
        if len(previous) == 1 and previous[0] in _OPENING_PREPOSITIONS:
            start -= 1
        before = [w for t in tokens[:start] for w in _folded_words(t)]
        # ("call in 10 w/ the anti-corruption folks, which ...": whom the call is with is
        # the asker's company, whatever it is called.)
        joins = [n for n, w in enumerate(before) if w in ("with", "w", "avec")]
        head = before[: joins[0]] if joins else before
        if any(w in _PURPOSE_NOUNS for w in head) and all(
            w in CONVERSATIONAL or w in STOPWORDS or not knows(w) for w in head
        ):
            return tokens[start:]
        if (
            before[:1] in (["for"], ["pour"])
            and any(w in _PURPOSE_NOUNS for w in before)
            and _request_at(tokens, start)
            and not _points_back(_unframed(" ".join(tokens[start:])), knows, strict=True)
        ):
            # "for the CT deck I need the month and year the BCIJ was created": what the
            # deck is on is not asked (the request names what it asks about).
            return tokens[start:]
        return tokens
    return tokens


def _request_at(tokens: list[str], start: int) -> bool:
    """ "(for the CT deck) I need the month ...": a request opens at `start`."""
    words = [w for t in tokens[start : start + 3] for w in _folded_words(t)][:3]
    return (
        len(words) == 3
        and words[0] in ("i", "we")
        and words[1] in ("need", "want")
        and words[2] in ("the", "a", "one", "1", "some", "two")
    )


def _without_trailing_aside(tokens: list[str]) -> list[str]:
    """`tokens` without the longest tail that opens an aside, names a purpose and holds
    only conversation; at least two words of question stay."""
    if len(tokens) < 3 or not _ASIDE_CUE.search(" ".join(tokens[2:])):
        return tokens  # most questions: no word that could open an aside
    for start in range(2, len(tokens)):
        opener = tokens[start].lower().replace("’", "'").strip(".,;:!?")
        # "... and I have a briefing in 10 min": the asker's own situation.
        if opener == "and" and start + 1 < len(tokens):
            opener = "and " + tokens[start + 1].lower().replace("’", "'")
        if opener not in _ASIDE_OPENERS:
            continue
        if opener == "its" and start == len(tokens) - 2:
            continue  # "who is its director?": whose director, no "it's for the boss"
        tail = _content_words(" ".join(tokens[start:]))
        # It must say what the answer is for ("the annex"): "stand for again" is a question.
        # (A time it is due may be in figures: "in 10 min", "at 4".)
        # ("..., and I blanked": the asker's own memory, every word conversation.)
        if all(w in CONVERSATIONAL or w.isdigit() for w in tail) and (
            opener.startswith("and ") or any(w in _PURPOSE_NOUNS for w in tail)
        ):
            kept = tokens[:start]
            if tokens[-1].endswith("?") and not kept[-1].endswith("?"):
                kept[-1] += "?"
            return kept
    return tokens


def _only_conversation(token: str) -> bool:
    """Whether a word as written is only a greeting or framing ("hey", "quick"): kept by
    word (`_CONVERSATION_ONLY`), as the first and last words of questions recur."""
    found = _CONVERSATION_ONLY.get(token)
    if found is None:
        if len(_CONVERSATION_ONLY) >= PIECES_KEPT:
            _CONVERSATION_ONLY.clear()
        words = _folded_words(token)
        found = _CONVERSATION_ONLY[token] = bool(words) and all(
            w in SOCIAL or w in FRAMING for w in words
        )
    return found


#: A word as written -> `_only_conversation` of it. Emptied when full.
_CONVERSATION_ONLY: dict[str, bool] = {}


def _chatter(text: str, knows: Callable[[str], bool] = lambda word: True) -> Chatter | None:
    """What a message with no question left in it is, if it is one of the known kinds.

    A message about the bot may hold words the fact base never heard of besides ("who
    runs this, asks my colleague from procurement?"), but no name; the other kinds hold
    chatter words only."""
    words = _content_words(text)
    everything = _folded_words(text)
    if not everything:
        return Chatter.EMPTY
    if (everything[0] in THANKS_WORDS or everything[0] in SOCIAL) and (
        _THANKS_FOR.match(text) is not None or _WHAT_I_NEEDED.match(text) is not None
    ):
        # "hey, thanks for the help earlier!": whatever it thanks for; "thanks, that's
        # exactly what I needed for the brief": whatever it was needed for.
        return Chatter.THANKS
    if "got" in everything:
        # "got it, thanks!": an acknowledgement; its "it" points at nothing to ask about.
        everything = tuple(
            w
            for n, w in enumerate(everything)
            if not (w == "it" and everything[n - 1 : n] == ("got",))
        )
    if not _CHATTER_WORDS.issuperset(words):
        # (Most questions: a word no kind of chatter holds; none of the rules below.)
        strange = [w for w in words if w not in _CHATTER_WORDS]
        if (
            (any(map(knows, strange)) and not _asks_own_make(everything, strange))
            or not _pointed_at_bot(words, everything, strange)
            or _names_something(text)
        ):
            return None
        return Chatter.ABOUT_BOT
    if all(w in TEST_WORDS or w in SOCIAL for w in words) and any(
        w in TEST_WORDS for w in everything
    ):
        return Chatter.TEST
    # "qui t'a créé ?": the elided "te" / "tu" speaks to the bot as "tu" does.
    addressed = (
        any(w in BOT_WORDS or w in POINTERS for w in everything) or _TO_YOU.search(text) is not None
    )
    if addressed and all(
        w in BOT_WORDS or w in BOT_VERBS or w in CONVERSATIONAL or w in TEST_WORDS for w in words
    ):
        return Chatter.ABOUT_BOT
    if all(w in CONVERSATIONAL for w in words):
        return Chatter.THANKS if any(w in THANKS_WORDS for w in everything) else Chatter.GREETING
    return None


#: How the asker does something: "how do I file the expense report ...?", "how can I reset
#: my password?", "comment je fais pour ...?". Said by "I": "we" may be the asker's programme
#: ("how do we help the DGAPR?"), "one" anyone ("how would one summarise ...?"). Not how to
#: name, find, put or know what the fact base holds ("how do I say DGAPR in French?", "where
#: can I read the UNODC article?", "how do I summarise the INL goal?").
_ASKER_HOW_TO = CaseBlind.compile(
    r"^\W*(?:(?:so|ok|okay|and|but|also|um|uh|hey|quick\s+one|q|sorry|off[\s-]topic|btw|"
    r"unrelated|random|hors[\s-]sujet|d[ée]sol[ée]e?)\W+)*"
    r"(?:(?:how|where)\s+(?:do|can|could|should|would|shall|may)\s+(?:i|u)\s+"
    r"(?!(?:say|call|refer|spell|write|name|translate|pronounce|describe|cite|quote|find|"
    r"read|see|get|access|download|know|tell|check|verify|confirm|source|look|summari[sz]e|"
    r"explain|characteri[sz]e|present|frame|phrase|word|put|expand|introduce|define|"
    r"compare|help|support|contact|reach)\b)\w+|"
    r"comment\s+(?:je\s+(?:fais|peux|dois)|puis-je|dois-je|est-ce\s+que\s+je)\s+(?:pour\s+)?"
    r"(?!(?:dire|appeler|nommer|[ée]crire|traduire|citer|trouver|lire|savoir|v[ée]rifier|"
    r"r[ée]sumer|expliquer|pr[ée]senter|d[ée]crire|d[ée]finir|aider|soutenir|contacter)\b)\w+)"
)
#: The weather asked: "is it going to rain tomorrow?", "quel temps fait-il à Rabat ?",
#: "la météo de demain ?".
_WEATHER = CaseBlind.compile(
    # (Not "weather permitting, where will the session be held?", nor "if the weather holds".)
    r"(?<!\bif\sthe\s)\b(?:weather(?!\s+(?:permitting|holds|allowing))|forecast|going\s+to\s+rain|"
    r"gonna\s+rain|will\s+it\s+rain|is\s+it\s+raining|m[ée]t[ée]o|va(?:-t-il)?\s+pleuvoir|"
    r"il\s+pleut|quel\s+temps\s+(?:fait|fera|va)|temperature\s+"
    r"(?:today|tomorrow)|temp[ée]rature\s+(?:demain|aujourd)|sunny|snow(?:ing)?)\b"
)
#: Thanks for something, asking nothing: "thanks for the help earlier!", "merci pour
#: l'info sur le BCIJ" (no question mark, no question word after).
_THANKS_FOR = lazy(
    r"^\W*(?:(?:hey|hi|hello|ok|okay|great|perfect|super|all|team|folks)\W+)*"
    r"(?:thanks|thank\s+you|thx|ty|cheers|merci|many\s+thanks)\s+(?:so\s+much\s+|a\s+lot\s+|"
    r"again\s+|beaucoup\s+|encore\s+)?(?:for|pour)\b"
    r"(?![^?]*\b(?:what|when|where|which|who|how|why|quand|quel|quelle|combien|qui|pourquoi|"
    r"comment|où)\b)[^?]*$",
    re.IGNORECASE,
)


#: "thanks, that's exactly what I needed for ...", "merci, c'est pile ce qu'il me fallait",
#: "thanks @factbot, that's all I needed for the course outline".
_WHAT_I_NEEDED = lazy(
    r"^\W*(?:(?:hey|hi|ok|okay|great|perfect|super|parfait|top|awesome|brilliant|nice|thanks|"
    r"thank\s+you|thx|ty|cheers|merci|shukran|shokran|choukran|chokran|factbot)\W+)+"
    r"(?:that['’]?s|that\s+is|this\s+is|c['’]est)\s+"
    r"(?:exactly\s+|just\s+|precisely\s+|exactement\s+|pile\s+|tout\s+à\s+fait\s+)?"
    r"(?:(?:what\s+(?:i|we)\b|ce\s+(?:qu['’]il|que|dont)\s)[^?]*$|"
    # ("that's all I needed for ...", "c'est tout pour ...": not "that's it - last one:
    # when did ...", "that's all I need: the number of ...", a request that follows)
    r"(?:(?:all|everything)\s+(?:i|we)\s+(?:needed|need|wanted)\b|all\b|it\b|tout\b)"
    r"(?:\s+(?:for|pour)\b[^?:;.,]*)?\W*$)",
    re.IGNORECASE,
)


def _names_something(text: str) -> bool:
    """Whether a capitalised name or a figure follows the first word ("... in Tiflet?")."""
    return any(_NAME.fullmatch(t.strip(",.;:!?()")) for t in text.split()[1:])


def _asks_own_make(everything: tuple[str, ...], strange: list[str]) -> bool:
    """ "what model are you running on?", "what does your name stand for?": the words the
    fact base knows are only of the bot's own make, asked of "you"."""
    own = (
        _OWN_MAKE | _OWN_NAME_MEANING if "name" in everything or "nom" in everything else _OWN_MAKE
    )
    return any(w in _SPOKEN_TO for w in everything) and all(w in own for w in strange)


def _pointed_at_bot(words: list[str], everything: tuple[str, ...], strange: list[str]) -> bool:
    """ "who runs this?", "who made you?" with words the fact base never heard of: the
    rest is a question word, a pointer or "you", and verbs and words of chatter."""
    return any(w in BOT_WORDS or w in POINTERS for w in everything) and all(
        w in BOT_WORDS or w in BOT_VERBS or w in CONVERSATIONAL or w in strange for w in words
    )


def _for_someone_else(text: str) -> bool:
    """ "@Samira are you joining the debrief, or should I take notes for you?": a message
    opening on a colleague's name (not the bot's), to "you", asking nothing of the kind
    the fact base answers ("@Samira can you tell me when ...?" asks it)."""
    opening = _ADDRESSED.match(text)
    if opening is None or fold(opening.group(1)) in _BOT_NAMES:
        return False
    words = _folded_words(text[opening.end() :])
    return not _YOU.isdisjoint(words) and _WH_WORDS.isdisjoint(words)


#: A favour asked of the channel, not of the fact base: "can anyone recommend a good place
#: for the team lunch?", "is anyone joining the debrief?", "quelqu'un peut me remplacer ?"
_TO_THE_ROOM = CaseBlind.compile(
    r"^\W*(?:hi|hey|hello|morning|all|folks|team|\W)*\s*(?:can|could|would|will|does|do|is|are)\s+"
    r"(?:anyone|anybody|someone|somebody|any\s+of\s+you)\s+(?:please\s+)?(?:recommend|suggest|"
    r"join|joining|cover|grab|lend|pick\s+up|swap|book|bring|drive|come|coming|free|around|"
    r"up\s+for|make\s+it|attend|attending|host|hosting|print|proofread)\b|"
    r"^\W*(?:quelqu['’]?\s*un|qqn)\s+(?:peut|pourrait|veut|serait)\s+(?:me\s+|nous\s+)?"
    r"(?:recommander|conseiller|remplacer|rejoindre|imprimer|relire|d[ée]poser)\b|"
    # "tu connais un bon resto pour déjeuner près du tribunal ?", "anyone know a good cafe
    # near the ministry?", "where can we grab lunch?": a place to eat, whatever it is near.
    r"\b(?:tu\s+connais|vous\s+connaissez|(?:do\s+)?(?:you|anyone|anybody|u)\s+know|"
    r"recommend|suggest|conseill\w*|recommand\w*)\b[^?.!]{0,30}?\b(?:restos?|restaurants?|"
    r"caf[ée]s?|coffee\s+shops?|brasseries?|snacks?|pizzerias?|places?\s+(?:to|for)\s+"
    r"(?:eat|lunch|dinner|coffee)|endroits?\s+pour\s+(?:manger|d[ée]jeuner|d[îi]ner))\b|"
    r"\b(?:where|o[uù])\s+(?:(?:can|could|shall|should)\s+(?:we|i)\s+|to\s+|on\s+)?"
    r"(?:eat|grab\s+(?:lunch|dinner|a\s+bite|coffee)|have\s+lunch|mange|manger|d[ée]jeune|"
    r"d[ée]jeuner|d[îi]ne|d[îi]ner)\b|\bon\s+(?:mange|d[ée]jeune|d[îi]ne)\s+o[uù]\b"
)
#: A sentence after another, opening on someone's name: "... @Mounir can you print 5
#: copies?", "@Yasmine shall we flag it in the weekly?".
_TO_A_COLLEAGUE = lazy(r"(?<=[.!?)])\s*@([^\W\d][\w.-]*)[^.!?]*[.!?]*")


def _unless_asking(sentence: re.Match[str]) -> str:
    """A sentence to a colleague goes (a space for it), unless it asks what the fact base
    answers ("@Ali when was the BCIJ created?") or speaks to the bot."""
    if fold(sentence.group(1)) in _BOT_NAMES:
        return sentence.group(0)
    words = _folded_words(sentence.group(0)[sentence.group(0).index("@") + 1 :])[1:]
    return sentence.group(0) if not _WH_WORDS.isdisjoint(words) else " "


#: Who said it in the thread: "like youssef said", "as Karim mentioned above", "comme le
#: soulignait Hicham dans son message".
_THREAD_REFERENCE = lazy(
    r"\b(?:like|as)\s+@?(?P<who>[^\W\d][\w.-]*)\s+(?:said|says|mentioned|asked|noted|wrote|"
    r"pointed\s+out|flagged|suggested)(?:\s+(?:above|earlier|upthread|in\s+the\s+thread|"
    r"yesterday|this\s+morning))?\b,?|"
    r"\bcomme\s+(?:le\s+|l['’])?(?:disait|soulignait|mentionnait|demandait|indiquait|"
    r"(?:l['’])?a\s+dit|l['’]a\s+mentionn[ée]|l['’]a\s+soulign[ée])\s+@?(?P<qui>[^\W\d][\w.-]*)"
    r"(?:\s+(?:plus\s+haut|dans\s+son\s+message|ce\s+matin|hier))?\b,?|"
    # "Amine parle de Mme Oufroukhi dans son message, elle occupe quel poste ?", "Omar
    # mentioned GLO.ACT in his message": who brought it up; what they named stays.
    r"(?:^|(?<=[.!?:]\s))\W*@?(?!(?:who|what|which|where|when|how|why|qui|quel|quelle|quels|"
    r"quelles|ou|où|comment|pourquoi|it|il|elle|they|ils|elles|on|nous|we|i|je|you|vous|tu|"
    # (a document's claim is the draft's, which `_DRAFT_CLAIM` reads: "draft says ...")
    r"draft|brouillon|rapport|report|article|note|memo|doc|document|text|texte|page|source|"
    r"paper|story|piece|deck|brief|slide|email|mail|post)\b)"
    r"(?P<dit>[^\W\d][\w.-]*)>?"  # (">": a mention's end, "<@U05QRT88L> said: ...")
    r"\s+(?:parle|parlait|a\s+parl[ée]|mentionne|"
    r"a\s+mentionn[ée]|cite|a\s+cit[ée]|[ée]voque|a\s+[ée]voqu[ée]|mentions|mentioned|"
    r"talks\s+about|talked\s+about|brought\s+up|brings\s+up|"
    # "Karim says IPPOS has trained 2,800 police, is that right?": who claims it.
    r"says|said|thinks|reckons|claims|told\s+me|dit|pense|affirme)"
    # ("> Karim said: INL has trained ...": what was said after a colon)
    r":?\s+(?:de\s+|d['’]|du\s+|des\s+|that\s+|que\s+|qu['’])?"
    r"|\s+(?:dans\s+son\s+(?:message|mail|post)|in\s+(?:his|her|their)\s+(?:message|post|email))\b"
    # "re le message de Karim sur Tiflet 👆 ...", "re Omar's message on ...": whose message
    r"|\bre\s*:?\s+(?:le\s+)?(?:message|post|mail)\s+(?:de|d['’])\s*@?(?P<de>[^\W\d][\w.-]*)"
    r"|\bre\s*:?\s+@?(?P<of>[^\W\d][\w.-]*)['’]s\s+(?:message|post|note|email)\b"
    # "> said: ...": a quote whose author was a mention, gone before the engine reads it
    r"|^[>\s]*(?:said|says|wrote)\s*:\s*",
    re.IGNORECASE,
)
_THREAD_CUE = CaseBlind.compile(
    r"\b(?:said|says|mentioned|asked|noted|wrote|pointed|flagged|suggested|disait|soulignait|"
    r"mentionnait|demandait|indiquait|dit|mentionn|soulign|parl|cite|[ée]voqu|talk|brought|"
    r"brings|message|mail|post|\bre\b|thinks|reckons|claims|told|pense|affirme)"
)


def _unless_known(match: re.Match[str], knows: Callable[[str], bool]) -> str:
    """A thread reference dropped, unless who it names is a name the fact base knows ("as
    INL says")."""
    who = (
        match.group("who")
        or match.group("qui")
        or match.group("dit")
        or match.group("de")
        or match.group("of")
    )
    return match.group(0) if who and knows(fold(who)) else " "


#: A request for something to amuse, not a fact: "tell me a joke about lawyers", "raconte-moi
#: une blague", "write a poem about the BCIJ".
_FOR_FUN = CaseBlind.compile(
    r"\b(?:tell|give|write|make|share|know|raconte|racontez|dis|ecris|écris|fais)\b[^?.!]{0,20}?"
    r"\b(?:jokes?|poems?|songs?|riddles?|limericks?|blagues?|po[eè]mes?|chansons?|devinettes?)\b"
)
#: A message opening on someone's name, written as a mention: "@Samira ...".
_ADDRESSED = lazy(r"\s*@([^\W\d][\w.-]*)")
_BOT_NAMES = _words("factbot bot")
_YOU = _words("you your u tu toi vous votre")
#: The question words (`_OPENERS`) and the French ones that only open a clause elsewhere.
_WH_WORDS = _OPENERS | _words("ou qui quoi lequel laquelle lesquels lesquelles")


def _unwrapped(text: str) -> tuple[str, bool]:
    """`text` without links, mentions and channels (a space for each), emoji and pictographs (a line
    break: one between two clauses ends a sentence, "sorry to bug you :pray: which law
    ..."), and whether it held a link. Each pattern is applied only where a character it
    needs is: most questions hold none."""
    had_link = False
    if "://" in text or "www." in text:
        had_link = _URL.search(text) is not None
        text = _URL.sub(" ", text)
    if "<#" in text or "<!" in text:
        text = _CHANNEL.sub(" ", text)  # (before mentions: "<!here|@here>")
    if "@" in text:
        text = _MENTION.sub(_mention_gone, text)
    if ":" in text:
        text = _EMOJI.sub("\n", text)
    if not text.isascii():
        text = _PICTOGRAPH.sub("\n", text)
    return text, had_link


def _mention_gone(mention: re.Match[str]) -> str:
    """A space for a mention; but the bot named after words ("fwd from Karim: > pls check
    the town before we print @factbot in which town is ...?") ends what comes before it:
    what follows is asked of the bot."""
    before = mention.string[: mention.start()]
    named = fold(mention.group(0).lstrip("@"))
    return "\n" if named in _BOT_NAMES and before.strip(" ,.:;!?-") else " "


#: What a message says of a link it holds: "can someone open this for me?", "broken link?",
#: "can you take a look at this? <link> thoughts?", "t'en penses quoi ?".
_LINK_WORDS = _words(
    """open opens opening click read access load loads loading view see look link links url
    page site website broken works working someone anyone somebody anybody can could me
    lien ouvrir ouvre marche take have quick glance check thoughts think opinion review
    regarder regarde jeter coup oeil avis penses pensez"""
)


def _about_the_link(text: str) -> bool:
    """Whether the words beside a pasted link only ask about the link ("<- can someone open
    this for me"): words of links, pointers and chatter, and a pointer or a link word."""
    words = _folded_words(text)
    return any(w in POINTERS or w in ("link", "lien") for w in words) and all(
        w in _LINK_WORDS or w in POINTERS or w in _CHATTER_WORDS or w in STOPWORDS for w in words
    )


def has_pointer(text: str) -> bool:
    """Whether a pointer stands anywhere in `text` ("where was the first one held?"); the
    French "en" and "y" are too often other words ("en 2015") to count."""
    return any(w in _POINTERS and w not in ("en", "y") for w in _folded_words(text))


def _known_content(text: str, knows: Callable[[str], bool]) -> int:
    """How many of the words of `text` the fact base knows, conversation aside."""
    return len({w for w in _content_words(text) if w not in CONVERSATIONAL and knows(w)})


#: Who a relayed question comes from, opening the message: "question d'un partenaire de la
#: coopération :", "question relayée par une ONG partenaire :", "yo question dun juge",
#: "got this from a think-tank researcher writing a country profile:", "question from a
#: journalist:" (up to a colon, a comma or the question word).
_RELAY_INTRO = lazy(
    r"^\W*(?:(?:hi|hello|hey|yo|bonjour|salut|coucou|dsl)\W+)*"
    r"(?:(?:got|had|received)\s+(?:this|that|one)|(?:a\s+|une\s+|petite\s+)?questions?|q)\s+"
    r"(?:(?:rapide|urgente|quick)\s+)?"
    r"(?:from|via|relayed\s+by|forwarded\s+by|de\s+la\s+part\s+d['’]?\s*|relay[ée]e?\s+par|"
    r"re[çc]ue?\s+(?:de|d['’]|via|par)|d['’]?\s*(?=une?\b))\s*"
    r"[^:?]{0,80}?(?::|,|\s+(?=(?:what|when|where|which|who|how|why|quel|quelle|quels|quelles|"
    r"combien|comment|quand|pourquoi|où|qui)\b))",
    re.IGNORECASE,
)
_RELAY_INTRO_CUE = CaseBlind.compile(r"\b(?:question|got|had|received|q)\b")
#: What marks an email pasted into the message: "---------- Forwarded message ---------",
#: "-----Original Message-----", "Message transféré", "Fwd:", a sender with an address
#: ("From: Julien <j.m@embassy.example>") or with a subject after ("From: Desk Officer
#: Subject: GCTF").
_MAIL = lazy(
    r"-{2,}\s*(?:forwarded\s+message|original\s+message|message\s+d['’]origine)\b|"
    r"\bmessage\s+transf[ée]r[ée]\b|\bbegin\s+forwarded\s+message\b|(?:^|\s)(?:fwd?|tr)\s*:|"
    r"\b(?:fwd?|forwarded)\s+from\b[^:\n]{1,60}:|\bsent\s+from\s+(?:my|outlook)\b|"
    r"\b(?:from|de)\s*:[^\n:]{0,60}?(?:<[^<>\s]{1,80}@[^<>\s]{1,80}>|\b(?:subject|objet)\s*:)",
    re.IGNORECASE,
)
_MAIL_CUE = CaseBlind.compile(
    r"forward|original|origine|transf|fwd?\s|fwd?:|tr\s*:|(?:from|de)\s*:|sent\s+from"
)
#: An email's headers and boilerplate, in a message `_MAIL` marks: its separators, who sent
#: it to whom and when (the name up to an address, the next header, a quoted line or the
#: end of its line), the label of its subject (the subject says what it is about), "Sent from
#: my iPhone" and a disclaimer's sentences.
_MAIL_HEADERS = lazy(
    r"-{2,}\s*(?:forwarded\s+message|original\s+message|message\s+transf[ée]r[ée]|"
    r"message\s+d['’]origine)\s*-*|\bmessage\s+transf[ée]r[ée]\s*-*|"
    # (not where the asker's own text comes from: "forwarded from the newsletter draft:")
    r"\bbegin\s+forwarded\s+message\s*:?|\b(?:fwd?|forwarded)\s+from\b"
    r"(?![^:\n]{0,60}\b(?:draft|brouillon|notes?|report|slides?|deck)\b)[^:\n]{1,60}:|"
    r"(?:^|(?<=\s))(?:fwd?|tr|re)\s*:|"
    r"\b(?:from|to|cc|sent|date|de|à|envoy[ée])\s*:\s*(?:[^\n<>«:?]{0,60}?<[^<>\s]{1,80}>|"
    r"[^\n<>«:?]{0,60}?(?=\s+(?:subject|objet|to|cc|date|sent|envoy[ée]|à)\s*:))|"
    # (a sender alone, up to the end of its line or a quoted line: a name of three words at
    # most, no question: not "From: Leila when was the BCIJ set up?")
    r"\b(?:from|de)\s*:\s*[^\s<>«:?]+(?:[ \t]+[^\s<>«:?]+){0,2}(?=[ \t]*\n|\s*[>«]|\s*$)|"
    r"\b(?:subject|objet)\s*:|"
    r"\bsent\s+from\s+(?:my\s+\w+|outlook(?:\s+for\s+\w+)?|mail\s+for\s+\w+)|"
    r"\benvoy[ée]\s+(?:de|depuis)\s+mon\s+\w+|"
    r"\b(?:disclaimer|confidentiality\s+notice|avertissement)\s*:[^\n]*?"
    r"(?:privileged|confidential|recipient|intended|destinataire|confidentiel)[^.\n]*\.?",
    re.IGNORECASE,
)
#: A quiz item's number opening the message: "Q14 for the workshop: ...", "Q3. ...",
#: "Question 5 :" (the number labels the item, no figure asked).
_ITEM_NUMBER = lazy(
    # (not a quarter: "Q3 2018")
    r"^\W*(?:(?:quiz\s+)?(?:q|question)\s*#?\d{1,3}\b(?!\s+(?:19|20)\d\d)\s*[.:)*-]?)",
    re.IGNORECASE,
)
#: "any idea?", "no idea", "got any ideas": asking whether the bot knows.
_ANY_IDEA = lazy(r"\b(?:any|no|got\s+any|have\s+any)\s+(?:ideas?|clue)\b", re.IGNORECASE)


#: The bot's name, written apart, in one word or dictated: "fact bot", "fact-bot", "at fact bot",
#: "hey at factbot".
_BOT_NAME = lazy(
    r"(?P<to>\bat\s+|@\s*|\b(?:hey|hi|hello|there|morning|bonjour|salut|coucou)\s+)?"
    r"\bfact[\s-]*bot\b",
    re.IGNORECASE,
)


def _bot_named(match: re.Match[str]) -> str:
    """ "at fact bot", "hi fact bot": a mention ("hi @factbot"); "who built fact bot?": the
    bot asked about, by its name."""
    to = match.group("to") or ""
    if not to:
        return "factbot"
    return "@factbot" if to.strip().lower() in ("at", "@") else f"{to}@factbot"


#: A greeting to the bot by what it is: "hey bot", "hi bot,", "salut le bot".
_HELLO_BOT = lazy(
    r"^\W*(?:hey|hi|hello|hiya|yo|morning|good\s+morning|salut|bonjour|coucou|slt)\s+"
    r"(?:the\s+|le\s+|dear\s+)?bot\b[\s,!:.-]*",
    re.IGNORECASE,
)
#: Four or more single letters in a row, as a name spelt out: "c n d h", "n y p d".
_SPELLED_OUT = lazy(r"(?<![\w'’-])(?:[a-zA-Z]\s+){3,15}[a-zA-Z](?![\w'’-])")


def _spelled_names(spelled: str, knows: Callable[[str], bool]) -> str:
    """The letters of `spelled` as the fewest words of two letters or more the fact base
    knows ("c n d h d g s n": "cndh dgsn"); as they were if no such reading exists."""
    letters = "".join(spelled.split()).lower()
    # best[i]: the fewest known words spelling letters[:i], None where none does.
    best: list[list[str] | None] = [[]] + [None] * len(letters)
    for end in range(2, len(letters) + 1):
        for start in range(end - 1):
            before = best[start]
            word = letters[start:end]
            if (
                before is not None
                and knows(word)
                and (best[end] is None or len(before) + 1 < len(best[end] or ()))
            ):
                best[end] = [*before, word]
    found = best[len(letters)]
    return " ".join(found) if found else spelled


#: A cell of a table, by its row and its column: "row: INL / DGAPR | col: start yr",
#: "row 'attacks, Casablanca' / col 'exact date'", "ligne Maroc, colonne « année »".
_TABLE_CELL = lazy(
    r"\b(?:row|ligne)\s*[:=]?\s*(?P<row>[^|\n]{1,120}?)\s*(?:[|;]|\s/\s|,)\s*"
    # (up to a colon too: "colonne « année » : je mets quoi ?")
    r"(?:colonne|column|col)\s*[:=]?\s*(?P<column>[^.?!|:\n]{1,80}?)\s*(?:[.?!:]+|(?=[|\n]|$))",
    re.IGNORECASE,
)
_CELL_CUE = CaseBlind.compile(r"\b(?:col|column|colonne)\b")
#: Quotes around a row's or a column's name.
_CELL_QUOTES = lazy(r"[«»\"“”‘’']+")


def _cell_asked(cell: re.Match[str]) -> str:
    """A table's cell as the question it asks: "row: X | col: Y" asks "Y of X?"."""
    row = _CELL_QUOTES.sub(" ", cell.group("row")).strip(" ,")
    column = _CELL_QUOTES.sub(" ", cell.group("column")).strip(" ,")
    french = cell.group(0)[:1].lower() == "l"
    return f"{column} {'de' if french else 'of'} {row}? "


def read_message(
    text: str,
    knows: Callable[[str], bool] = lambda word: True,
    names: Callable[[str], bool] | None = None,
) -> Reading:
    """The question in a chat message, or the kind of chatter it is.

    `knows(word)` says whether the fact base has heard of a folded word; segments
    made only of words it does not know are conversation, not question. Without it,
    only the conversational word lists decide. `names(text)` says whether a text
    names something the fact base has a name for (a body, a place, a law, a figure);
    without it, a capitalised word, an acronym or a figure the base knows does.
    """
    original = text
    if text.lstrip()[:1] == "@" and _for_someone_else(text):
        return Reading("", Chatter.ELSEWHERE)
    # (Folding makes a "/" only of a "/" or of a character outside ASCII: "／".)
    if ("/" in text or not text.isascii()) and fold(text).lstrip().startswith("/facts"):
        return Reading("", Chatter.COMMAND)
    if _TO_THE_ROOM.search(text):
        return Reading("", Chatter.ELSEWHERE)
    if "@" in text:
        text = _TO_A_COLLEAGUE.sub(_unless_asking, text)
    if _MAIL_CUE.search(text) and _MAIL.search(text):
        # "---------- Forwarded message --------- From: Desk Officer Subject: GCTF ...": an
        # email pasted, whose headers and boilerplate ask nothing.
        text = _MAIL_HEADERS.sub(" ", text)
    if "q" in text[:12].lower() and _ITEM_NUMBER.match(text):
        text = _ITEM_NUMBER.sub(" ", text, count=1)
    if _CELL_CUE.search(text):
        # "row: INL / DGAPR partnership | col: start yr", "ligne Maroc, colonne « année
        # d'adoption de la constitution »": a table's cell asks its column of its row.
        text = _TABLE_CELL.sub(_cell_asked, text)
    if _RELAY_INTRO_CUE.search(text):
        # "question d'un partenaire : ...", "got this from a think-tank researcher writing a
        # profile: ...": who the question comes from, no word asked.
        text = _RELAY_INTRO.sub(" ", text, count=1)
    if "bot" in text.lower():
        # "hey fact bot", "at fact bot" (dictated), "fact-bot": the bot by its name.
        text = _BOT_NAME.sub(_bot_named, text)
        # "hey bot casablanca workshop lasted how many days?": the bot greeted by what it is.
        text = _HELLO_BOT.sub(" ", text, count=1)
    if _SPELLED_OUT.search(text) is not None:
        # "the c n d h d g s n training": a name dictated letter by letter, its letters
        # read back as the names the fact base knows ("cndh dgsn").
        text = _SPELLED_OUT.sub(lambda m: _spelled_names(m.group(0), knows), text)
    if "idea" in text or "clue" in text:
        # "... any idea?", "no clue": whether the bot knows, no word asked ("the idea
        # behind the network" stays).
        text = _ANY_IDEA.sub(" ", text)
    if _THREAD_CUE.search(text):
        # "like youssef said the ToT starts soon, wat date ...", "Comme le soulignait Hicham
        # dans son message, ...": who said it in the thread is no word asked (a name the
        # fact base knows, "as INL says", stays).
        text = _THREAD_REFERENCE.sub(lambda m: _unless_known(m, knows), text)
    text, had_link = _unwrapped(text)
    if text.lstrip()[:1] in (">", "&") and "\n" not in text:
        text = _quote_apart(text)
    if _SEASONAL_CUE.search(text):
        text = _SEASONAL.sub("hello", text)  # "happy new year!" greets; it asks for no year
    if _SILLY_CUE.search(text):
        text = _SILLY.sub("\n", text)
    if _ANYONE_HAS_CUE.search(text):
        # "need the GLO.ACT budget for the report, anyone have it?": what was asked for
        # before is the question; whether someone has it is how it is asked.
        # (After a full stop it is a question of its own: "... the judicial charter. Anyone
        # have it handy?" reads as a request, then a question of conversation.)
        text = _ANYONE_HAS.sub(
            lambda m: m.group(0) if m.string[: m.start()].rstrip()[-1:] in ".!?" else "?", text
        )
    if "(" in text:
        text = _PARENTHESES.sub(lambda m: _aside(m.group(1), knows), text)
    if not (text.isascii() and text.isprintable() and "  " not in text):
        text = _SPACES.sub(" ", text)  # (white space but single spaces: none in most questions)
        # An en dash between two words is a hyphen, no end of a sentence: "the CNDH–DGSN
        # agreement", "the Morocco–US FTA".
        text = _JOINING_DASH.sub("-", text)
    text = text.strip(" ,\n")
    if not _WORD.search(text):
        return Reading("", Chatter.LINK if had_link else Chatter.EMPTY)
    if had_link and _about_the_link(text):
        return Reading("", Chatter.LINK)
    if _FOR_FUN.search(text):
        return Reading("", Chatter.ABOUT_BOT)  # "tell me a joke about lawyers 😄"
    kind = _chatter(text, knows)
    if kind is not None:
        return Reading("", kind)
    if _SPOKEN_CUE.search(text):
        # "for the peacekeeping memo um how many police ...", "what day is the first
        # session need it for the calendar invite": a message dictated, unpunctuated, ends
        # its sentences at a filler and before what the answer is for.
        text = _SPOKEN_PURPOSE.sub(r"\1. ", _SPOKEN_BREAK.sub(". ", text))
    if "," in text and "?" in text:
        # "... by how many dollars, roughly?": the hedge goes, its question mark stays with
        # the question (which, without it, would read as a statement).
        text = _HEDGE_BEFORE_MARK.sub("", text)
    ends = _SEGMENT_END.split(text) if _may_end(text) else [text]
    if any(word in text.lower() for word in _DRAFT_WORDS):
        # "draft says ... 5 state departments, how many states does the source say": the
        # claim ends where the question opens after a comma; "A draft sentence reads:
        # '...'": the claim is what follows its intro.
        ends = [
            f"{end.rstrip(': ')}: {ends[n + 1]}"
            if n + 1 < len(ends) and _introduces(end, ends[n + 1])
            else end
            for n, end in enumerate(ends)
            if not (n and _introduces(ends[n - 1], end))
        ]
        ends = [
            part
            for end in ends
            for part in (
                _CLAIM_THEN_QUESTION.split(end, maxsplit=1) if _DRAFT_CLAIM.search(end) else [end]
            )
        ]
        # "when did Morocco take over as co-chair, draft says april 2015 but that feels
        # early": the draft's claim, after the question, is a segment of its own.
        ends = [part for end in ends for part in _question_then_claim(end)]
    if " and " in text:
        # "updating the slide and need the number of ...": the request is a segment.
        ends = [part for end in ends for part in _AND_REQUEST.split(end)]
    if _HEARD_CUE.search(text):
        # (Not a draft's claim checked: "le rapport dit que ..., c combien d'après la source".)
        ends = [
            part
            for end in ends
            for part in ([end] if _REPORT_SAYS.search(end) else _HEARD.split(end))
        ]
    # (A greeting off first: "slt, un collègue me demande combien ...".)
    written = [s.strip() for s in ends if s and s.strip(" ,.!?")]
    if len(written) > 1 and _TEST_CUE.search(text):
        # "is this thing on? just testing the bot before the workshop": the test says why
        # the message came; what it is before ("the workshop") is asked of nobody.
        written = [s for s in written if not _tests_the_bot(s)] or written
    framed = [(s, part) for s in written for part in _frame_parts(_trim(s, knows) or s, knows)]
    written = [s for s, _ in framed]
    segments = [part for _, part in framed]
    # What the answer is for, as written ("asking for the CT brief": trimmed, "brief" goes).
    # ("I need it for a note on justice reform", "j'en ai besoin pour une note": all of it.)
    purposes = {
        seg
        for seg, s in zip(segments, written, strict=True)
        if _asker_or_purpose(s) or _NEED_IT_FOR.match(s)
    }
    asking = [s for s in segments if _asks(s)]
    if len(asking) > 1:
        # "what's the deal with the BCIJ? what's it supposed to achieve ...?": the first
        # only opens the topic, which the question after it asks about.
        asking = [s for s in asking if not _TOPIC_OPENER.search(s)] or asking
    if len(segments) > 1 and any(_DRAFT_CLAIM.search(s) for s in segments[:-1]):
        # ("draft has the first session down for March 24... what date does the article
        # say?": a claim stated, however it opens, asks nothing.)
        asking = [s for s in asking if s.rstrip()[-1:] == "?" or not _DRAFT_CLAIM.search(s)]
    checked = next((n for n, s in enumerate(segments) if s in asking), len(segments))
    confirming = _CONFIRMING.search(segments[checked]) if checked < len(segments) - 1 else None
    if confirming is not None:
        # "Am I right that the Mali mandate includes 2,000 police? What number does INL
        # give?", "... Independent of which ministry, in fact?": the claim checked asks
        # for no fact; the question after it does. (Not after a question of whether
        # something is so, one asking on if it is: "has IPPOS trained Moroccan units? if
        # so how many?", "does INL train in Algeria? how many officials there?".)
        later = [
            s
            for w, s in zip(written[checked + 1 :], segments[checked + 1 :], strict=True)
            if s in asking or w.rstrip()[-1:] == "?"
        ]
        if confirming.group("asked") is not None and (
            any(map(_GRANTED.search, later)) or written[checked].rstrip()[-1:] != "?"
        ):
            # (A yes-or-no question ends on its mark: not "Have a quick question.")
            later = []
        asking = later or asking
    if not asking or all(_asks_nothing(s) for s in asking):
        # "Annex needs the full name of the prisons body. Anyone have it handy?": the
        # request says what is asked; the question only asks for it.
        asking = [s for s in segments if _requests(s)] or asking
    # (What the questions name, and whether one points back, weigh only the segments that
    # ask nothing: most messages have none.)
    others = len(asking) < len(segments)
    asked = {w for s in asking for w in _content_words(s)} if others else set()
    # A question that says in itself what it asks needs no context around it: "I'm
    # prepping slides for Thursday's meeting. How many prosecutors took part in the
    # Casablanca workshop?" One that points back ("when was it created?") keeps it.
    # (Only a message with something besides its questions has context to weigh.)
    whole = others and _self_contained(asking, knows, names)
    # "The draft says the session in Tangier was held in May 2018. Which month does UNODC
    # give?": the claim checked is what the question is about, however much it names.
    # (After the question, "Draft says 2023" only gives the figure checked.)
    first_ask = next((n for n, s in enumerate(segments) if s in asking), 0)
    # Each claim's segment -> the claim without its intro, read as written: trimming may
    # drop the intro ("draft:", "le rapport dit que").
    claimed: dict[str, str] = {}
    for written_as, segment in zip(written[:first_ask] if others else [], segments, strict=False):
        said = written_as if _DRAFT_CLAIM.search(written_as) else segment
        if _DRAFT_CLAIM.search(said):
            claimed[segment] = _DRAFT_CLAIM.sub(" ", said, count=1).strip()
        elif _CONFIRMING.search(said):
            claimed[segment] = _CONFIRMING.sub(_claim_opening, said, count=1).strip()
    claims = set(claimed)
    whole = whole and not claims
    claim = " ".join(claimed.values())
    last_ask = -1
    for n, s in enumerate(segments):
        if s in asking:
            last_ask = n
    pointing = others and any(_points_back(s, knows) for s in asking)
    # "ToT? (CNDH/DGSN programme)": a question that is one name says what it is about
    # after it (not "are you working? the quiz starts in 10 min").
    # (Not a name the base defines itself, "IPPOS? (INL peacekeeping)": what it is.)
    lone_name = others and all(
        _LONE_NAME.fullmatch(s)
        and _CHATTER_WORDS.isdisjoint(_folded_words(s))
        and not (names is not None and names(s))
        for s in asking
    )
    kept = []
    for n, segment in enumerate(segments):
        if segment in asking:
            kept.append(segment)
        elif segment in claims:
            claim_kept = _DRAFT_CLAIM.sub(" ", segment, count=1)
            kept.append(_CONFIRMING.sub(_claim_opening, claim_kept, count=1).strip())
        elif whole or _is_conversation(segment, knows) or _repeats(segment, asked, knows):
            continue
        elif n > last_ask >= 0 and (not (pointing or lone_name) or segment in purposes):
            # After the question: what it is for ("need the figure for a briefing"; "asking
            # for the CT brief" even after a question that points back).
            continue
        elif last_ask >= 0 and (n > last_ask or _about_asker(segment)):
            # About the asker ("I'm writing a piece on the BCIJ."): only what it names.
            essentials = _essentials(segment, knows)
            if essentials:
                kept.append(essentials)
        else:
            kept.append(segment)
    kept = kept or segments
    question = " ".join([t for t in map(_trim, kept) if t])
    if not question:
        return Reading("", Chatter.GREETING)
    asked_here = [s for s in kept if s in asking]
    if asked_here and all(_ASKER_HOW_TO.search(_trim(s)) for s in asked_here):
        # "how do I reset my VPN password?", "comment je fais pour exporter ... ?": how the
        # asker does something, which no fact tells (every message of the question sets
        # opening "how do I" asks off topic).
        return Reading("", Chatter.HOW_TO)
    if all(_WEATHER.search(s) for s in asked_here or [question]):
        # "Does anyone know if it's going to rain in Rabat tomorrow?": the weather, which
        # no fact tells, whatever place it names.
        return Reading("", Chatter.OFF_TOPIC)
    if question != text:  # the whole message was checked above; the question may be chatter
        kind = _chatter(question)
        content = _content_words(question)
        if kind is not None and (
            not any(knows(w) for w in content)
            # ("who made you btw? Karim says it's the comms team": the bot asked about,
            # with one word the fact base knows and no name.)
            or (
                kind is Chatter.ABOUT_BOT
                and (
                    len(content) <= 1
                    # ("What model are you running on, and who maintains you? IT wants
                    # to know": the bot's own make.)
                    or _asks_own_make(
                        _folded_words(question), [w for w in content if w not in _CHATTER_WORDS]
                    )
                )
                and not (names is not None and names(question))
            )
        ):
            return Reading("", kind)
    wrapped = question != original.strip()
    context = bool(asked_here) and len(asked_here) < len(kept)
    # The question(s) alone, when context is kept with them: the kind asked is read there.
    alone = " ".join(t for t in (_trim(s) for s in asked_here) if t) if context else ""
    # Context kept with a question that does not point back may be what sinks it
    # ("prepping slides for the prosecutors' network meeting. which law makes ...?"): the
    # question alone is read too, and answered if the two together are not.
    if (
        len(asked_here) == 1
        and alone
        and not _points_back(alone, knows, strict=True)
        and _ONE_OF.isdisjoint(_folded_words(alone))
        and (_known_content(alone, knows) >= 2 or (names is not None and names(alone)))
    ):
        return Reading(question, None, wrapped=wrapped, parts=(alone,), asking=alone, claim=claim)
    if len(asked_here) == 1 and any(j in question for j in (" and ", " et ", " n ", " & ")):
        halves = _SECOND_QUESTION.split(asked_here[0])
        if len(halves) == 2 and all(map(_asks_after_preamble, halves)):
            # "When did Morocco join the TSCTP, and what's that yearly exercise?": answered
            # if each half is (the one pointing back keeps the names of the other).
            first, second = halves
            # ("... and in what year?": a second question naming nothing is about the first.)
            if _points_back(second, knows) or _known_content(second, knows) < 2:
                second = f"{_names_of(first, knows) or _essentials(first, knows)} {second}"
            context_kept = " ".join(t for t in (_trim(s) for s in kept if s not in asking) if t)
            return Reading(
                question,
                None,
                wrapped=wrapped,
                parts=tuple(f"{context_kept} {half}".strip() for half in (first, second)),
                asking=alone,
                every_part=True,
                claim=claim,
            )
    if len(asked_here) == 1 and alone and _PERSONAL.intersection(_folded_words(alone)):
        # "Ms. Oufroukhi spoke at the workshop. What's her job?": "her" is the person the
        # context names; the rest of the context may be what sinks the question.
        person = _TITLED.search(" ".join(s for s in kept if s not in asking))
        if person is not None:
            return Reading(
                question,
                None,
                wrapped=wrapped,
                parts=(f"{person.group(0)} {alone}",),
                asking=alone,
                claim=claim,
            )
    if len(asked_here) < 2:
        return Reading(question, None, wrapped=wrapped, asking=alone, claim=claim)
    # Each asks something by itself, or points back to context kept with it: not "is one
    # of them in Morocco?" after another question, nor "des noms ?", nor "are you a bot?".
    questions = [
        s
        for s in asked_here
        if (context or not _points_back(s, knows)) and _known_content(s, knows) >= 2
    ]
    parts = tuple(
        " ".join(t for t in (_trim(s) for s in kept if s not in asking or s == one) if t)
        for one in questions
    )
    return Reading(question, None, wrapped=wrapped, parts=parts, asking=alone, claim=claim)
