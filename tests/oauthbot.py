"""Many workspaces (OAuth, multi-workspace mode) for the tests: the bot as one worker of
`python -m bot` (bot.runner.serve) on a database, and a browser that installs it.

Shared by tests/slack/test_oauth.py (installing, tokens, uninstall) and
tests/slack/test_curators.py (the curators' workspace).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import parse_qs, urlsplit

import aiohttp
import payloads as p
from cryptography.fernet import Fernet
from fakeslack import FakeSlack, running_bot

from bot.core.factbase import FactBase
from bot.engine import Matcher
from bot.settings import Settings

KEY = Fernet.generate_key().decode()
PUBLIC = "https://factbot.example.org"


def multi_env(fake: FakeSlack, database: str, **extra: str) -> dict[str, str]:
    where = "FACTBOT_DATABASE_URL" if database.startswith("postgresql") else "FACTBOT_DB"
    return {
        "SLACK_CLIENT_ID": "1234.5678",
        "SLACK_CLIENT_SECRET": "client-secret-value",
        "SLACK_SIGNING_SECRET": p.SIGNING_SECRET,
        "FACTBOT_ENCRYPTION_KEY": KEY,
        "SLACK_API_URL": fake.api_url,
        where: database,
        "PORT": "0",
        **extra,
    }


@asynccontextmanager
async def edge(
    fake: FakeSlack, database: str, base: FactBase, matcher: Matcher, **extra: str
) -> AsyncIterator[str]:
    """One worker of the bot; its base URL."""
    settings = Settings.from_env(multi_env(fake, database, **extra))
    async with running_bot(settings, base, matcher) as port:
        yield f"http://127.0.0.1:{port}"


def browser() -> aiohttp.ClientSession:
    """A browser: keeps cookies (for 127.0.0.1 too), does not follow redirects by itself."""
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))


async def start_install(session: aiohttp.ClientSession, url: str) -> dict[str, list[str]]:
    """The "Add to Slack" page, its button, and the redirect to Slack: the authorize query."""
    async with session.get(f"{url}/") as resp:
        assert resp.status == 200
        page = await resp.text()
    button = page.split('id="add-to-slack" href="', 1)[1].split('"', 1)[0]
    assert button == "/slack/install"
    async with session.get(f"{url}{button}", allow_redirects=False) as resp:
        assert resp.status == 302
        href = resp.headers["Location"]
    assert href.startswith("https://slack.com/oauth/v2/authorize?")
    return parse_qs(urlsplit(href).query, keep_blank_values=True)


async def come_back(session: aiohttp.ClientSession, url: str, **query: str) -> tuple[int, str]:
    """Slack's redirect to /slack/oauth_redirect, as the browser follows it."""
    async with session.get(f"{url}/slack/oauth_redirect", params=query) as resp:
        return resp.status, await resp.text()


async def install(
    fake: FakeSlack,
    session: aiohttp.ClientSession,
    start: str,
    finish: str,
    team: str,
    *,
    enterprise: str = "",
) -> str:
    """A whole install of `team` (a workspace of Enterprise Grid org `enterprise`, if
    given): started on one worker, finished on another; its token."""
    query = await start_install(session, start)
    token = fake.add_install_code(f"code-{team}", team, enterprise_id=enterprise)
    status, page = await come_back(session, finish, code=f"code-{team}", state=query["state"][0])
    assert status == 200, page
    assert "factbot is installed" in page
    return token
