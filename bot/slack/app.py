"""The bolt app, built by a factory from settings and dependencies (never at import).

`build_app` passes the Web API client and signing secret explicitly, so bolt
never reads the environment behind our back, installs the middleware that
applies Slack's delivery rules (ignore bots and Slack's rate-limit notices), the
single error boundary, and the handlers listed in `handlers.register_all`. Event
listeners call `first_delivery` so that each event is answered once.

The Web API client has no slack-sdk retry handlers: every retry the bot makes
is decided in `bot.services.delivery`, which never re-sends a post that may have arrived.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import ClientSession
from slack_bolt.async_app import AsyncApp, AsyncBoltContext, AsyncBoltRequest
from slack_bolt.middleware.async_middleware import AsyncMiddleware
from slack_bolt.response import BoltResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot.services.delivery import RetryPolicy
from bot.services.deps import Deps
from bot.render.blocks import APOLOGY
from bot.settings import Settings

logger = logging.getLogger(__name__)

#: Message subtypes written by people; every other subtype (edits, joins, bots) is ignored.
HUMAN_SUBTYPES = frozenset({None, "file_share", "thread_broadcast"})


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
) -> AsyncApp:
    """A ready AsyncApp: middleware, error boundary and every handler registered."""
    from handlers import register_all

    bolt_logger = logging.getLogger("bot.slack")
    bolt_logger.addFilter(_drop_env_token_warning)
    if client is None:
        client = make_client(settings, deps.delivery.policy, deps.delivery.http_session())
    else:
        client.retry_handlers = []  # retries are bot.services.delivery's, whoever built the client
    app = AsyncApp(
        client=client,
        # "" rather than None: with None, bolt reads SLACK_SIGNING_SECRET itself.
        signing_secret=settings.signing_secret or "",
        # Socket Mode has no signatures (the socket is authenticated by the app token).
        request_verification_enabled=settings.signing_secret is not None,
        process_before_response=process_before_response,
        logger=bolt_logger,
        name="factbot",
    )
    app.use(DeliveryRules())
    app.error(_on_error(deps))
    register_all(app, deps)
    # Last, so it only sees what no surface listens for: ack it, or Slack retries it.
    app.event(re.compile(r".*"))(_unhandled_event)
    deps.admins.attach(app.client)
    return app


def _drop_env_token_warning(record: logging.LogRecord) -> bool:
    """bolt reads SLACK_BOT_TOKEN from the environment even when given a client, then warns
    that it will not use it. Our client carries that same token, so the warning is noise."""
    return "`token` will be unused" not in record.getMessage()


class DeliveryRules(AsyncMiddleware):
    """Slack's delivery rules, before any listener: rate-limit notices and bots get a 200.

    A subclass of bolt's middleware class rather than a decorated function: bolt
    calls it directly, without building the keyword arguments of a function
    middleware on every request (measurable under load, bench/load_http.py).
    """

    async def async_process(
        self,
        *,
        req: AsyncBoltRequest,
        resp: BoltResponse,
        next: Callable[[], Awaitable[BoltResponse]],
    ) -> BoltResponse | None:
        body = req.body
        kind = body.get("type")
        if kind == "app_rate_limited":
            # Slack tells us when it stops delivering events for a while; log it, say ok.
            logger.warning(
                "events_rate_limited team=%s minute=%s",
                body.get("team_id"),
                body.get("minute_rate_limited"),
            )
            return BoltResponse(status=200, body="")
        event = body.get("event") if kind == "event_callback" else None
        if isinstance(event, dict) and _from_bot(event, req.context.bot_user_id):
            logger.debug("event_ignored reason=bot event_id=%s", body.get("event_id"))
            return BoltResponse(status=200, body="")
        await next()  # bolt's next() returns nothing: the listener's response is bolt's
        return None


def _from_bot(event: dict[str, Any], bot_user_id: str | None) -> bool:
    """Never answer a bot, ourselves included: two bots answering each other never stop.

    bolt already drops our own events (by the ids auth.test gave it); this also
    drops other bots' messages and non-human message subtypes such as edits.
    """
    if event.get("type") not in ("message", "app_mention"):
        return False
    return (
        event.get("bot_id") is not None
        or event.get("subtype") not in HUMAN_SUBTYPES
        or (bot_user_id is not None and event.get("user") == bot_user_id)
    )


async def first_delivery(deps: Deps, body: dict[str, Any], request: AsyncBoltRequest) -> bool:
    """Answer each event once: True for its first delivery, False for Slack's redeliveries.

    Slack redelivers an event (same event_id) when unsure we got it. Retries are
    not dropped by their retry number: an event first delivered while we were
    down only ever arrives as a retry. Event listeners call this first thing:
    bolt has acked the event by then, so the ack never waits for the database
    (a locked one can wait up to its busy timeout, longer than Slack's 3 s).
    """
    event_id = body.get("event_id") if body.get("type") == "event_callback" else None
    if not isinstance(event_id, str) or not event_id:
        return True
    if await deps.store.mark_event_handled(event_id):
        return True
    retry = request.headers.get("x-slack-retry-num", ["0"])[0]
    logger.info("event_duplicate event_id=%s retry_num=%s", event_id, retry)
    return False


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
