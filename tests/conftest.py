"""Shared fixtures: the real fact base (loaded once) and paths to shared test data."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from fakeslack import FakeSlack, running_fake
from httpbot import Bot, LogWatch, http_bot, watching_logs
from pgdb import throwaway_database

from bot.core.factbase import FactBase, default_facts_dir, load_factbase
from bot.engine import Matcher

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
#: Why a test that reads ../shared (Slack fixtures, question sets) is skipped without it.
NO_SHARED = (
    f"needs {SHARED} beside the checkout (Slack wire fixtures and question sets); "
    "CI has it and runs these tests"
)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "shared: the test reads ../shared (skipped without it)")
    config.addinivalue_line("markers", "postgres: the test needs a PostgreSQL server")
    if not SHARED.is_dir() and os.environ.get("FACTBOT_REQUIRE_SHARED"):
        raise pytest.UsageError(f"FACTBOT_REQUIRE_SHARED is set but {SHARED} is missing")
    if os.environ.get("FACTBOT_REQUIRE_POSTGRES") and not PG_SERVER:
        raise pytest.UsageError(
            "FACTBOT_REQUIRE_POSTGRES is set but FACTBOT_TEST_DATABASE_URL is not"
        )


#: A PostgreSQL server the tests may create databases on (.ci/postgres starts one).
PG_SERVER = os.environ.get("FACTBOT_TEST_DATABASE_URL", "").strip()
NO_POSTGRES = (
    "needs a PostgreSQL server: set FACTBOT_TEST_DATABASE_URL (`source .ci/postgres` starts a "
    "throwaway one); CI has it and runs these tests"
)


@asynccontextmanager
async def fresh_postgres() -> AsyncIterator[str]:
    """A new, empty database on the test server, dropped afterwards: its URL."""
    if not PG_SERVER:
        pytest.skip(NO_POSTGRES)
    async with throwaway_database(PG_SERVER) as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
async def database(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """Where a test's store lives, once per backend: a SQLite file, a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield str(tmp_path / "f.db")
        return
    async with fresh_postgres() as url:
        yield url


@pytest.fixture
async def postgres() -> AsyncIterator[str]:
    """A fresh PostgreSQL database (for tests that only make sense there)."""
    async with fresh_postgres() as url:
        yield url


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Without ../shared, tests marked `shared` are skipped, saying why; with it, all run."""
    if SHARED.is_dir():
        return
    skip = pytest.mark.skip(reason=NO_SHARED)
    for item in items:
        if _reads_shared(item):
            item.add_marker(skip)


#: Test helpers built on ../shared/slack-fixtures, and the fixtures that use them.
_SHARED_HELPERS = frozenset({"payloads", "fakeslack", "httpbot", "oauthbot"})
_SHARED_FIXTURES = frozenset({"fake", "fake_slack", "bot"})


def _reads_shared(item: pytest.Item) -> bool:
    if item.get_closest_marker("shared"):
        return True
    if _SHARED_FIXTURES & set(getattr(item, "fixturenames", ())):
        return True
    module = getattr(item, "module", None)
    used = {
        getattr(value, "__module__", None) or getattr(value, "__name__", None)
        for value in vars(module).values()
    }
    return bool(used & _SHARED_HELPERS)


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
