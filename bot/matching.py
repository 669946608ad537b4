"""Moved to the `bot.engine` package; this module only re-exports its public API."""

from bot.engine import (
    COMMON_WORDS,
    NAMED_SYNONYM_GROUPS,
    Answer,
    Kind,
    Match,
    Matcher,
    Slot,
    asks_for,
    detect_language,
    known_words,
)

__all__ = [
    "COMMON_WORDS",
    "NAMED_SYNONYM_GROUPS",
    "Answer",
    "Kind",
    "Match",
    "Matcher",
    "Slot",
    "asks_for",
    "detect_language",
    "known_words",
]
