"""The bolt app, built by a factory from settings and dependencies (never at import).

`build_app` passes the Web API client and signing secret explicitly, so bolt
never reads the environment behind our back, installs the middleware that
applies Slack's delivery rules (ignore bots and Slack's rate-limit notices), the
single error boundary, and the handlers listed in `handlers.register_all`. Event
listeners call `bot.services.events.first_delivery` so that each event is answered once.
In multi-workspace mode (`Settings.multi_workspace`) the app's client has no token:
bolt's `authorize` (`bot.slack.oauth.installation_authorize`) puts the request's
workspace's token on `context.client`, and a workspace with no installation gets
no listener run, so no Web API call.

The Web API client has no slack-sdk retry handlers: every retry the bot makes
is decided in `bot.services.delivery`, which never re-sends a post that may have arrived.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from aiohttp import ClientSession
from slack_bolt.async_app import AsyncApp, AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.render.blocks import APOLOGY
from bot.services.delivery import RetryPolicy
from bot.services.deps import Deps
from bot.settings import Settings
from bot.slack.oauth import installation_authorize, team_clients
from bot.slack.rules import DeliveryRules
from handlers import register_all

logger = logging.getLogger(__name__)


def make_client(
    settings: Settings, policy: RetryPolicy | None = None, session: ClientSession | None = None
) -> AsyncWebClient:
    """The Web API client: our bot token, our base URL, the policy's timeout, no SDK retries.

    slack-sdk's default handler re-sends a request after a dropped connection, which
    can post an answer twice; `bot.services.delivery` retries only what Slack did not take.
    With `session` (the delivery's), calls reuse open connections.
    """
    policy = policy or RetryPolicy()
    return AsyncWebClient(
        token=settings.bot_token,
        base_url=settings.slack_api_url,
        timeout=policy.timeout,  # type: ignore[arg-type]  # aiohttp takes a float
        session=session,
        retry_handlers=[],
    )


def build_app(
    settings: Settings,
    deps: Deps,
    *,
    client: AsyncWebClient | None = None,
    process_before_response: bool = False,
    edge_verified: bool = False,
) -> AsyncApp:
    """A ready AsyncApp: middleware, error boundary and every handler registered.

    `edge_verified`: every request reaches bolt through the HTTP edge
    (`bot.slack.server`), which has checked its signature already; bolt does not
    check it again, since a request may wait in the answer queue past Slack's
    5-minute window before bolt sees it.
    """

    bolt_logger = logging.getLogger("bot.slack")
    bolt_logger.addFilter(_drop_env_token_warning)
    if client is None:
        client = make_client(settings, deps.delivery.policy, deps.delivery.http_session())
    else:
        client.retry_handlers = []  # retries are bot.services.delivery's, whoever built the client
    multi: dict[str, Any] = {}
    if settings.multi_workspace:
        # Each request's context.client gets its workspace's bot token from the database
        # (bolt copies this client, retry handlers included: none).
        assert settings.encryption_key
        installations = deps.store.installation_store(settings.encryption_key)
        multi = {
            "authorize": installation_authorize(installations),
            "installation_store": installations,
        }
    app = AsyncApp(
        client=client,
        # "" rather than None: with None, bolt reads SLACK_SIGNING_SECRET itself.
        signing_secret=settings.signing_secret or "",
        # Socket Mode has no signatures (the socket is authenticated by the app token).
        request_verification_enabled=settings.signing_secret is not None and not edge_verified,
        process_before_response=process_before_response,
        logger=bolt_logger,
        name="factbot",
        **multi,
    )
    app.use(DeliveryRules())
    app.error(_on_error(deps))
    register_all(app, deps)
    # Last, so it only sees what no surface listens for: ack it, or Slack retries it.
    app.event(re.compile(r".*"))(_unhandled_event)
    if settings.multi_workspace:  # each workspace is acted in with its own token
        deps.attach(
            team_clients(
                settings,
                deps.store,
                policy=deps.delivery.policy,
                session=deps.delivery.http_session(),
            )
        )
        if settings.curators_team is None:
            logger.warning(
                "curation_not_set_up reason=no_curators_team: with many workspaces, "
                "FACTBOT_CURATORS_TEAM names the workspace whose admins curate; until it is "
                "set nobody can teach, review or approve"
            )
    else:
        deps.attach(app.client)
    return app


def _drop_env_token_warning(record: logging.LogRecord) -> bool:
    """bolt reads SLACK_BOT_TOKEN from the environment even when given a client, then warns
    that it will not use it. Our client carries that same token, so the warning is noise."""
    return "`token` will be unused" not in record.getMessage()


async def _unhandled_event(event: dict[str, Any]) -> None:
    """An event type (or message subtype) no surface handles: acked with 200, not answered."""
    logger.debug("event_ignored type=%s subtype=%s", event.get("type"), event.get("subtype"))


def _on_error(deps: Deps) -> Any:
    async def on_error(error: Exception, body: dict[str, Any], context: AsyncBoltContext) -> None:
        """The one error boundary: log with the ids that locate it, apologise where we can."""
        raw_event = body.get("event")
        event: dict[str, Any] = raw_event if isinstance(raw_event, dict) else {}
        user = body.get("user")
        logger.error(
            "handler_failed type=%s event=%s command=%s user=%s channel=%s",
            body.get("type"),
            event.get("type"),
            body.get("command"),
            context.user_id or (user.get("id") if isinstance(user, dict) else None),
            context.channel_id,
            exc_info=error,
        )
        if context.response_url:
            apology = {"text": APOLOGY, "response_type": "ephemeral", "replace_original": False}
            await deps.delivery.respond(None, context.response_url, apology)

    return on_error
