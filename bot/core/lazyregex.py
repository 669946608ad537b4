"""Patterns compiled when first used, not at import.

The reading rules are some 400 module-level patterns; compiling them all took a fresh
one-question `python -m bot ask` ~0.25 s before it read a word, and one question uses
fewer than half of them. A `LazyRegex` compiles on its first search, then hands out the
compiled pattern's own bound methods, so later calls cost what a `re.Pattern`'s do.
A long-running server compiles them all at start, with their ASCII copies
(`bot.core.text.warm_patterns`), so no reply waits on a compile.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

#: Every lazy pattern made, in order: what `compile_all` compiles.
_MADE: list[LazyRegex] = []

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyRegex:
    """A `re.Pattern[str]` compiled on first use (see the module's docstring).

    Its methods stand in until the first call; that call installs the compiled pattern's
    bound methods on the instance, which shadow these from then on.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        _MADE.append(self)

    def __repr__(self) -> str:
        return f"LazyRegex({self.pattern!r}, {self.flags!r})"

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        done: re.Pattern[str] | None = self.__dict__.get("_compiled")
        if done is not None:
            return done
        compiled = re.compile(self.pattern, self.flags)
        self.__dict__.update({name: getattr(compiled, name) for name in _METHODS})
        self.__dict__["_compiled"] = compiled
        return compiled

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """`re.Pattern.search`."""
        return self.compiled.search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """`re.Pattern.match`."""
        return self.compiled.match(string, pos, endpos)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        """`re.Pattern.fullmatch`."""
        return self.compiled.fullmatch(string, pos, endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        """`re.Pattern.finditer`."""
        return self.compiled.finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        """`re.Pattern.findall`."""
        return self.compiled.findall(string, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        """`re.Pattern.sub`."""
        return self.compiled.sub(repl, string, count)

    def subn(
        self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0
    ) -> tuple[str, int]:
        """`re.Pattern.subn`."""
        return self.compiled.subn(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        """`re.Pattern.split`."""
        return self.compiled.split(string, maxsplit)


#: A pattern as the reading rules hold it: compiled, or compiled when first used.
Regex = re.Pattern[str] | LazyRegex


#: Flags written inside a pattern, at its start: `(?i)`.
_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


def lazy(pattern: str, flags: int = 0) -> LazyRegex:
    """`re.compile(pattern, flags)`, done when the pattern is first used. Flags are given
    here, not inline: `.flags` must say them before compiling (`bot.core.text.ascii_copy`
    reads it)."""
    if _INLINE_FLAGS.match(pattern):
        raise ValueError(f"give a lazy pattern's flags as an argument, not inline: {pattern!r}")
    return LazyRegex(pattern, flags)


def made() -> tuple[LazyRegex, ...]:
    """Every lazy pattern made so far."""
    return tuple(_MADE)


def compile_all() -> int:
    """Compile every lazy pattern made so far; how many there are."""
    for pattern in _MADE:
        _ = pattern.compiled
    return len(_MADE)
