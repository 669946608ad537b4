"""Shared fixtures: the real fact base (loaded once) and paths to shared test data."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from fakeslack import FakeSlack, running_fake
from httpbot import Bot, LogWatch, http_bot, watching_logs

from bot.core.factbase import FactBase, default_facts_dir, load_factbase
from bot.matching import Matcher

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def factbase() -> FactBase:
    return load_factbase(default_facts_dir())


@pytest.fixture(scope="session")
def matcher(factbase: FactBase) -> Matcher:
    return Matcher(factbase)


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlack]:
    """A loopback fake of Slack (Web API, response_url, Socket Mode) for one test."""
    async with running_fake() as fake_slack:
        yield fake_slack


@pytest.fixture
def logs() -> Iterator[LogWatch]:
    """Every log record the test produces, for assertions on log lines."""
    with watching_logs() as watch:
        yield watch


@pytest.fixture
async def fake_slack() -> AsyncIterator[FakeSlack]:
    async with running_fake() as fake:
        yield fake


@pytest.fixture
async def bot(
    fake_slack: FakeSlack, tmp_path: Path, factbase: FactBase, matcher: Matcher
) -> AsyncIterator[Bot]:
    """factbot in HTTP mode on a loopback port, talking to the fake Slack."""
    async with http_bot(fake_slack, tmp_path, factbase, matcher) as running:
        yield running
