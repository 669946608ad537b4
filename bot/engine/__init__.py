"""The answering engine: a question in, an `Answer` (or an abstention) out.

Modules, from the bottom up (each imports only those above it, and bot.core.text /
bot.core.factbase): `weights` (tuning constants), `kinds` (question kinds), `answer`
(result types), `lexicon` (names and word lists), `spelling` (typo correction),
`index` (the postings), `cache` (the index kept on disk), `scoring` (exact MaxScore),
`matcher` (the decision).
"""

from bot.engine.answer import Answer, Match, Slot
from bot.engine.cache import cached_index
from bot.engine.conversation import Chatter
from bot.engine.kinds import Kind, asks_for
from bot.engine.lexicon import COMMON_WORDS, NAMED_SYNONYM_GROUPS, known_words
from bot.engine.matcher import Matcher, detect_language

__all__ = [
    "COMMON_WORDS",
    "NAMED_SYNONYM_GROUPS",
    "Answer",
    "Chatter",
    "Kind",
    "Match",
    "Matcher",
    "Slot",
    "asks_for",
    "cached_index",
    "detect_language",
    "known_words",
]
