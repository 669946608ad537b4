"""What the engine hands back: frozen dataclasses, and nothing that computes.

Why this module exists: the rest of the bot (rendering, replies, the JSON
contract) needs these types and none of the machinery behind them; the engine's
own modules share `Slot`.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.factbase import Fact
from bot.engine.conversation import Chatter
from bot.engine.kinds import Kind


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
    asks_for: Kind | None  # a `Kind`, which is also its string ("date", "law-number", ...)
    language: str  # "en" | "fr"
    #: Set when the message asked nothing of the fact base (a greeting, a test, a bare word).
    chatter: Chatter | None = None

    @property
    def best(self) -> Match | None:
        return self.facts[0] if self.facts else None


@dataclass(frozen=True, slots=True)
class Slot:
    """One unit of meaning in a question: a word, or a name from aliases.yaml."""

    text: str
    keys: frozenset[str]
    concept: str | None = None  # "@entity" or "~synonym-group"
    number: bool = False
    capitalised: bool = False
