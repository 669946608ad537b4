"""The synonym groups the engine names exist, and are named one way."""

from __future__ import annotations

import pytest

from bot.core.factbase import FactBase
from bot.core.text import fold
from bot.engine.lexicon import NAMED_SYNONYM_GROUPS, group_id, named_group


def test_named_synonym_groups_are_checked() -> None:
    assert named_group("stand-for") == "~stand-for"
    with pytest.raises(ValueError):
        named_group("no-such-group")
    assert group_id(("stand for", "stands for")) == "stand-for"


def test_every_named_synonym_group_exists_in_the_fact_base(factbase: FactBase) -> None:
    groups = {group_id(group) for group in factbase.synonyms}
    assert sorted(NAMED_SYNONYM_GROUPS - groups) == []
    assert all(fold(g) == g for g in NAMED_SYNONYM_GROUPS)
