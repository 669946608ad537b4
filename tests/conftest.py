"""Shared fixtures: the real fact base (loaded once) and paths to shared test data."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.factbase import FactBase, default_facts_dir, load_factbase
from bot.matching import Matcher

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def factbase() -> FactBase:
    return load_factbase(default_facts_dir())


@pytest.fixture(scope="session")
def matcher(factbase: FactBase) -> Matcher:
    return Matcher(factbase)
