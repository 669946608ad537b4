"""Patterns compiled when first used: the same answers as `re`, and no compile at import."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from bot.core import lazyregex, text
from bot.core.lazyregex import LazyRegex, compile_all, lazy


def _fresh() -> LazyRegex:
    return lazy(r"\b(?P<word>bc\w+)\b", re.IGNORECASE)


def test_a_lazy_pattern_is_compiled_only_when_first_used() -> None:
    pattern = _fresh()
    assert "_compiled" not in vars(pattern)
    assert pattern.pattern == r"\b(?P<word>bc\w+)\b"
    found = pattern.search("the BCIJ, in 2015")
    assert found is not None and found["word"] == "BCIJ"
    assert "_compiled" in vars(pattern)


def test_after_first_use_it_hands_out_the_compiled_patterns_own_methods() -> None:
    """Later calls go straight to `re`: no wrapper in the way on the hot path."""
    pattern = _fresh()
    pattern.match("bcij")
    compiled = pattern.compiled
    assert pattern.search == compiled.search
    assert pattern.sub == compiled.sub
    assert pattern.finditer == compiled.finditer


def test_every_method_finds_what_re_finds() -> None:
    text = "BCIJ and bcij, then DGSN; Bcij."
    cases: list[tuple[str, object, object]] = []
    for make in (_fresh, _fresh):  # once compiled by each method, once already compiled
        plain = re.compile(r"\b(?P<word>bc\w+)\b", re.IGNORECASE)
        for name in ("search", "match", "fullmatch", "findall", "split"):
            pattern = make()
            got = getattr(pattern, name)(text)
            want = getattr(plain, name)(text)
            cases.append((name, _shown(got), _shown(want)))
        pattern = make()
        assert [m.span() for m in pattern.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]
        assert make().sub("X", text, 1) == plain.sub("X", text, 1)
        assert make().subn(lambda m: m[0].upper(), text) == plain.subn(lambda m: m[0].upper(), text)
        assert make().search(text, 5) is not None
        assert make().search(text, 5, 8) is None
    for name, got, want in cases:
        assert got == want, name


def _shown(value: object) -> object:
    return value.span() if isinstance(value, re.Match) else value


def test_compile_all_compiles_every_pattern_made() -> None:
    made = [_fresh(), lazy("dgsn")]
    assert all("_compiled" not in vars(p) for p in made)
    assert compile_all() == len(lazyregex._MADE)
    assert all("_compiled" in vars(p) for p in made)


def test_importing_the_engine_compiles_few_of_its_patterns() -> None:
    """The cold start: a fresh process that imports the engine compiles only the few
    patterns used while importing, not the hundreds the reading rules hold."""
    script = (
        "import bot.engine, bot.render.plain\n"
        "from bot.core import lazyregex\n"
        "made = lazyregex._MADE\n"
        "done = sum('_compiled' in vars(p) for p in made)\n"
        "print(len(made), done)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    made, done = map(int, out.split())
    assert made >= 250
    assert done <= made // 10


def test_flags_written_inline_are_refused() -> None:
    """`.flags` must say a pattern's flags before it is compiled (`ascii_copy` reads it)."""
    with pytest.raises(ValueError, match="not inline"):
        lazy("(?i)bcij")
    assert lazy("(?:bcij)").flags == 0


def test_warming_compiles_every_pattern_and_its_ascii_copy() -> None:
    """What a server does at start: no reply then waits on compiling a pattern or the
    ASCII copy most messages are read with."""
    pattern = lazy(r"\bdgsn\b", re.IGNORECASE)
    assert text.warm_patterns() == len(lazyregex.made())
    assert "_compiled" in vars(pattern)
    assert id(pattern) in text._ASCII_COPIES
