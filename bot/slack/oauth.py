"""Many workspaces: "Add to Slack" (OAuth v2), each request's own token, a client per team.

Multi-workspace mode (SLACK_CLIENT_ID and SLACK_CLIENT_SECRET, no SLACK_BOT_TOKEN;
`Settings.multi_workspace`) serves two pages on the HTTP edge:

- `GET /slack/install` issues a state into the database and shows an "Add to
  Slack" link to Slack's authorize URL (the scopes in `BOT_SCOPES`, the manifest's).
  The state is also set in a cookie, so only the browser that started an install
  can finish it. Anyone may ask for the page, so the states are bounded: expired
  ones are purged as new ones are issued, and at `MAX_LIVE_STATES` unexpired ones
  the page is a 503 (try again in a few minutes) that issues nothing.
- `GET /slack/oauth_redirect` is where Slack sends the person back. The state is
  consumed once, atomically, by whichever worker the redirect reaches (it is in
  the database, not in memory); the code is exchanged through `oauth.v2.access` at
  SLACK_API_URL; the installation is saved with its tokens encrypted
  (`bot.storage.installations`). Every failure is a plain page that says what went
  wrong and links back to the install page, with a 4xx status (502 only when Slack
  cannot be reached).

`installation_authorize` is bolt's `authorize`: the bot token of the request's
workspace from the database, with no `auth.test` per request. `client_for_team`
gives the Web API client of one workspace to code that runs outside a request
(the digest, the outbox recovery). `admit_if_installed` keeps the edge from
recording, let alone answering, a question from a workspace with no installation.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import aiohttp
from aiohttp import ClientSession
from slack_bolt.async_app import AsyncBoltContext, AsyncBoltRequest
from slack_bolt.authorization import AuthorizeResult
from slack_sdk.errors import SlackApiError
from slack_sdk.oauth.installation_store.models.installation import Installation
from slack_sdk.web.async_client import AsyncWebClient

from bot.services.delivery import ClientFor, RetryPolicy
from bot.services.outbox import admit
from bot.settings import OAUTH_REDIRECT_PATH, Settings
from bot.storage.installations import InstallationStore, StatesExhausted
from bot.storage.store import Store

logger = logging.getLogger(__name__)

INSTALL_PATH = "/slack/install"
#: The "Add to Slack" page, at the bot's public address (multi-workspace mode).
ADD_PATH = "/"
REDIRECT_PATH = OAUTH_REDIRECT_PATH
AUTHORIZE_URL = "https://slack.com/oauth/v2/authorize"
#: The bot scopes asked for at install: manifest.yml's (tests/test_docs.py checks they agree).
BOT_SCOPES = (
    "app_mentions:read",
    "chat:write",
    "chat:write.public",
    "commands",
    "channels:history",
    "groups:history",
    "im:history",
    "mpim:history",
    "users:read",
)
#: The browser that started an install carries its state back in this cookie.
STATE_COOKIE = "factbot_oauth_state"
#: Seconds a browser is told to wait when no install can start (every state is taken).
INSTALL_RETRY_AFTER = 60
#: Events that reach the bot after (or as) a workspace leaves: handled with no token.
LIFECYCLE_EVENTS = frozenset({"app_uninstalled", "tokens_revoked"})


# ------------------------------------------------------------------ the two pages


@dataclass(frozen=True)
class PageRequest:
    """What the pages need of an HTTP request (the edge builds it from aiohttp's)."""

    query: Mapping[str, str]
    headers: Mapping[str, str]  # as aiohttp gives them: case-insensitive
    scheme: str
    host: str
    cookies: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Page:
    """A plain HTML page; `set_state` sets the state cookie ("" clears it); `location`
    makes it a redirect there (the page is for clients that do not follow it)."""

    status: int
    title: str
    body: str  # HTML, every value in it escaped
    set_state: str | None = None
    location: str | None = None
    retry_after: int | None = None  # seconds, for a page that says "try again later"

    @property
    def html(self) -> str:
        return (
            '<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f"<title>{html.escape(self.title)}</title></head>"
            f"<body><h1>{html.escape(self.title)}</h1>{self.body}</body></html>"
        )


class OAuthPages:
    """`GET /` ("Add to Slack"), `GET /slack/install` (to Slack's authorize page) and
    `GET /slack/oauth_redirect` over one store."""

    def __init__(
        self, settings: Settings, store: Store, *, policy: RetryPolicy | None = None
    ) -> None:
        assert settings.client_id and settings.client_secret and settings.encryption_key
        self._settings = settings
        self._states = store.oauth_state_store()
        self._installations = store.installation_store(settings.encryption_key)
        self._timeout = (policy or RetryPolicy()).timeout

    def redirect_uri(self, request: PageRequest) -> str:
        """SLACK_REDIRECT_URI, or FACTBOT_PUBLIC_URL's, or this request's own address
        (the router's X-Forwarded-Proto and -Host only with FACTBOT_TRUST_FORWARDED)."""
        settings = self._settings
        if settings.redirect_uri:
            return settings.redirect_uri
        if settings.public_url:
            return settings.public_url + REDIRECT_PATH
        scheme, host = request.scheme, request.host
        if settings.trust_forwarded:
            scheme = _first(request.headers.get("X-Forwarded-Proto")) or scheme
            host = _first(request.headers.get("X-Forwarded-Host")) or host
        return f"{scheme}://{host}{REDIRECT_PATH}"

    def _try_again(self) -> str:
        return f'<p><a href="{INSTALL_PATH}">Try again</a>.</p>'

    def _error(
        self, status: int, message: str, *, why: str, retry_after: int | None = None
    ) -> Page:
        logger.info("oauth_failed status=%d reason=%s", status, why)
        body = f"<p>{html.escape(message)}</p>{self._try_again()}"
        return Page(
            status, "factbot was not installed", body, set_state="", retry_after=retry_after
        )

    def add_to_slack(self) -> Page:
        """The plain page a workspace admin starts from: what factbot is, and the button."""
        body = (
            "<p>factbot answers questions about rule-of-law cooperation with Morocco from a "
            "curated, sourced fact base.</p>"
            f'<p><a id="add-to-slack" href="{INSTALL_PATH}">Add to Slack</a></p>'
        )
        return Page(200, "Add factbot to Slack", body)

    async def install(self, request: PageRequest) -> Page:
        """A redirect to Slack's authorize page with a fresh state (in the database, used
        once, and in a cookie for the browser that started); a 503 page when as many
        installs are under way as the state store holds (`MAX_LIVE_STATES`)."""
        try:
            state = await self._states.async_issue()
        except StatesExhausted:
            return self._error(
                503,
                "Too many installations of factbot are under way right now: "
                "please try again in a few minutes.",
                why="too_many_installs_under_way",
                retry_after=INSTALL_RETRY_AFTER,
            )
        query = urlencode(
            {
                "client_id": self._settings.client_id,
                "scope": ",".join(BOT_SCOPES),
                "user_scope": "",
                "redirect_uri": self.redirect_uri(request),
                "state": state,
            }
        )
        url = f"{AUTHORIZE_URL}?{query}"
        body = f'<p><a id="authorize" href="{html.escape(url)}">Continue to Slack</a></p>'
        return Page(302, "Add factbot to Slack", body, set_state=state, location=url)

    async def finish(self, request: PageRequest) -> Page:
        """Slack's redirect: consume the state, exchange the code, save the installation."""
        query = request.query
        error = query.get("error")
        if error:
            if error == "access_denied":
                return self._error(
                    403, "The installation was cancelled on Slack's page.", why="access_denied"
                )
            return self._error(400, f"Slack did not install factbot ({error}).", why="slack_error")
        state, code = query.get("state", ""), query.get("code", "")
        if not state or not code:
            return self._error(
                400, "This page needs the state and code Slack sends back.", why="missing_params"
            )
        if request.cookies.get(STATE_COOKIE) != state:
            return self._error(
                400,
                "This installation was started in another browser (or its cookie was lost).",
                why="state_cookie_mismatch",
            )
        if not await self._states.async_consume(state):
            return self._error(
                400,
                "This installation link has expired or was already used.",
                why="state_unknown_used_or_expired",
            )
        installation = await self._exchange(code, self.redirect_uri(request))
        if isinstance(installation, Page):
            return installation
        await self._installations.async_save(installation)
        team = html.escape(installation.team_name or installation.enterprise_name or "Slack")
        body = (
            f"<p>factbot is installed in {team}. Ask it with <code>/facts</code>, by "
            "mentioning <code>@factbot</code>, or in a direct message.</p>"
        )
        return Page(200, "factbot is installed", body, set_state="")

    async def _exchange(self, code: str, redirect_uri: str) -> Installation | Page:
        """oauth.v2.access, then auth.test for the bot id (oauth.v2.access does not give it)."""
        settings = self._settings
        async with ClientSession() as session:
            client = AsyncWebClient(
                base_url=settings.slack_api_url,
                timeout=self._timeout,  # type: ignore[arg-type]  # aiohttp takes a float
                session=session,
                retry_handlers=[],
            )
            try:
                # The credentials go in the form body, which Slack accepts: slack-sdk's
                # oauth_v2_access sends them with aiohttp's deprecated BasicAuth.
                response = await client.api_call(
                    "oauth.v2.access",
                    data={
                        "client_id": settings.client_id or "",
                        "client_secret": settings.client_secret or "",
                        "code": code,
                        "redirect_uri": redirect_uri,
                    },
                )
                bot_token = response.get("access_token")
                if not isinstance(bot_token, str) or not bot_token.startswith("xoxb-"):
                    return self._error(
                        400, "Slack gave no bot token for this installation.", why="no_bot_token"
                    )
                identity = await client.auth_test(token=bot_token)
            except SlackApiError as exc:
                reason = str(exc.response.get("error") or exc.response.status_code)
                return self._error(
                    400, f"Slack refused the installation ({reason}).", why=f"slack_{reason}"
                )
            except (aiohttp.ClientError, TimeoutError) as exc:
                return self._error(
                    502,
                    "Slack could not be reached; nothing was installed.",
                    why=type(exc).__name__,
                )
        enterprise = response.get("enterprise") or {}
        team = response.get("team") or {}
        installer = response.get("authed_user") or {}
        is_enterprise_install = bool(response.get("is_enterprise_install"))
        return Installation(
            app_id=response.get("app_id"),
            enterprise_id=enterprise.get("id"),
            enterprise_name=enterprise.get("name"),
            enterprise_url=identity.get("url") if is_enterprise_install else None,
            team_id=team.get("id"),
            team_name=team.get("name"),
            bot_token=bot_token,
            bot_id=identity.get("bot_id"),
            bot_user_id=response.get("bot_user_id"),
            bot_scopes=response.get("scope") or "",
            bot_refresh_token=response.get("refresh_token"),
            bot_token_expires_in=response.get("expires_in"),
            user_id=str(installer.get("id") or ""),
            user_token=installer.get("access_token"),
            user_scopes=installer.get("scope") or "",
            is_enterprise_install=is_enterprise_install,
            token_type=response.get("token_type"),
        )


def _first(value: str | None) -> str | None:
    """The first of a comma-separated forwarded header (the client-side hop)."""
    if not value:
        return None
    return value.split(",", 1)[0].strip() or None


# ------------------------------------------------------------------ requests and clients


Authorize = Callable[..., Awaitable[AuthorizeResult | None]]


def installation_authorize(installations: InstallationStore) -> Authorize:
    """bolt's `authorize`: the stored bot of the request's workspace, no Web API call.

    bolt's own installation-store authorize calls auth.test on every request; the
    stored installation already has the bot's ids. None (no installation) makes bolt
    stop before any listener, so nothing is called on that workspace's behalf.
    """

    async def authorize(
        enterprise_id: str | None, team_id: str | None, context: AsyncBoltContext
    ) -> AuthorizeResult | None:
        bot = await installations.async_find_bot(
            enterprise_id=enterprise_id,
            team_id=team_id,
            is_enterprise_install=context.is_enterprise_install,
        )
        if bot is None:
            logger.info("authorize_refused team_id=%s reason=not_installed", team_id)
            return None
        return AuthorizeResult(
            enterprise_id=bot.enterprise_id,
            team_id=bot.team_id,
            bot_token=bot.bot_token,
            bot_id=bot.bot_id,
            bot_user_id=bot.bot_user_id,
            bot_scopes=bot.bot_scopes,
        )

    return authorize


async def client_for_team(
    settings: Settings,
    store: Store,
    team_id: str,
    enterprise_id: str = "",
    *,
    policy: RetryPolicy | None = None,
    session: ClientSession | None = None,
) -> AsyncWebClient | None:
    """The Web API client that acts in one workspace, or None if it has no installation.

    For code outside a request (the digest, the outbox recovery). With SLACK_BOT_TOKEN
    (one workspace) it is that token's client whatever the team. Like `make_client`:
    SLACK_API_URL, the policy's timeout, no slack-sdk retry handlers.
    """
    token = settings.bot_token
    if settings.multi_workspace:
        assert settings.encryption_key
        bot = await store.installation_store(settings.encryption_key).async_find_bot(
            enterprise_id=enterprise_id or None,
            team_id=team_id or None,
            is_enterprise_install=not team_id,
        )
        token = bot.bot_token if bot is not None else None
    if token is None:
        return None
    return AsyncWebClient(
        token=token,
        base_url=settings.slack_api_url,
        timeout=(policy or RetryPolicy()).timeout,  # type: ignore[arg-type]
        session=session,
        retry_handlers=[],
    )


def team_clients(
    settings: Settings,
    store: Store,
    *,
    policy: RetryPolicy | None = None,
    session: ClientSession | None = None,
) -> ClientFor:
    """`client_for_team` as a function of the workspace alone: what the digest, the
    outbox recovery and the admin lookups call to act in one workspace."""

    async def client_for(team_id: str, enterprise_id: str) -> AsyncWebClient | None:
        return await client_for_team(
            settings, store, team_id, enterprise_id, policy=policy, session=session
        )

    return client_for


@dataclass(frozen=True, slots=True)
class RequestWorkspace:
    """The installation a request is for: what bolt's `authorize` is asked for."""

    team_id: str  # "" when Slack names none (an org-wide install's event)
    enterprise_id: str
    is_enterprise_install: bool


def request_workspace(context: Mapping[str, Any]) -> RequestWorkspace:
    """The installation a request is delivered to, as bolt authorizes it.

    bolt's context holds the ids it read from the body, by Slack's rules for each
    kind: an Events API payload's `authorizations[0]` (the installation the event is
    delivered to), a click's `team.id` (or `user.team_id`), a slash command's
    `team_id`. Never an event's outer `team_id`: in a Slack Connect channel that
    can be the other organisation's workspace, which never installed factbot.
    """
    team, enterprise = context.get("team_id"), context.get("enterprise_id")
    return RequestWorkspace(
        team_id=team if isinstance(team, str) else "",
        enterprise_id=enterprise if isinstance(enterprise, str) else "",
        is_enterprise_install=context.get("is_enterprise_install") is True,
    )


async def admit_if_installed(store: Store, request: AsyncBoltRequest, kind: str) -> bool:
    """`bot.services.outbox.admit`, for a workspace that has an installation only.

    The workspace is the one bolt authorizes the request as (`request_workspace`),
    so the outbox row, the answer's token and the store's view are all that
    workspace's. A question for a workspace with none (never installed, or
    uninstalled while an event was on its way) is acked and dropped: no outbox row,
    nothing answered. The events that say a workspace left go on to their listener
    all the same.
    """
    body = request.body
    event = body.get("event")
    if isinstance(event, dict) and event.get("type") in LIFECYCLE_EVENTS:
        return True
    where = request_workspace(request.context)
    installed = await store.is_installed(
        where.team_id, where.enterprise_id, is_enterprise_install=where.is_enterprise_install
    )
    if not installed:
        logger.info(
            "request_ignored kind=%s team_id=%s enterprise_id=%s reason=not_installed",
            kind,
            where.team_id,
            where.enterprise_id,
        )
        return False
    return await admit(store, request, kind, workspaces=True)
