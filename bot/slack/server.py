"""HTTP mode: the aiohttp endpoint Slack posts events, commands and clicks to.

bolt does the Slack work; this edge makes sure a bad request gets a 4xx and
never reaches it. bolt answers 500 to a non-numeric timestamp and fails on a
body that is not UTF-8, so both are checked here first. The signature is checked
over the raw bytes before the body is even decoded, so a forged request learns
nothing (401), and a signed but malformed body gets 400. A 5xx from bolt can only come from a
middleware failing on an odd shape; it is logged and answered 400, never 5xx,
because Slack retries any non-2xx delivery the same way.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import time
from collections.abc import Callable
from typing import Any

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.async_app import AsyncApp, AsyncBoltRequest

logger = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
#: Slack's largest payloads (a block_actions click on a long message) are tens of KB.
MAX_BODY_BYTES = 1024 * 1024
#: Slack's replay window: a request signed longer ago (or ahead) than this is refused.
MAX_CLOCK_SKEW = 300


def signature_is_valid(
    secret: str, body: bytes, timestamp: str, signature: str, *, now: float
) -> bool:
    """Slack's v0 scheme over the raw bytes: HMAC-SHA256 of `v0:<ts>:<body>`, 5-minute window.

    Done here rather than with slack_sdk's verifier, which decodes the body first
    and so raises (a 500) on bytes that are not UTF-8.
    """
    if not (timestamp.isascii() and timestamp.isdigit() and signature.isascii()):
        return False
    if abs(now - int(timestamp)) > MAX_CLOCK_SKEW:
        return False
    base = b"v0:" + timestamp.encode() + b":" + body
    expected = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


def make_web_app(
    app: AsyncApp, signing_secret: str, *, clock: Callable[[], float] = time.time
) -> web.Application:
    """The aiohttp application: POST /slack/events, and GET /healthz for the platform."""

    async def events(request: web.Request) -> web.Response:
        raw = await request.read()
        timestamp = request.headers.get("X-Slack-Request-Timestamp", "")
        signature = request.headers.get("X-Slack-Signature", "")
        if not signature_is_valid(signing_secret, raw, timestamp, signature, now=clock()):
            return _reject(401, "bad, stale or missing signature")
        try:
            body = raw.decode("utf-8")
        except UnicodeDecodeError:
            return _reject(400, "body is not UTF-8")
        try:
            bolt_request = AsyncBoltRequest(
                body=body,
                query=request.query_string,
                headers={k: v for k, v in request.headers.items()},
            )
        except Exception as exc:  # noqa: BLE001 - any parse failure is the sender's fault
            return _reject(400, f"unparseable body ({type(exc).__name__})")
        problem = shape_problem(bolt_request.body)
        if problem is not None:
            return _reject(400, problem)
        response = await app.async_dispatch(bolt_request)
        if response.status >= 500:
            logger.error("request_failed status=%d mapped_to=400", response.status)
            return web.json_response({"error": "bad request"}, status=400)
        return await to_aiohttp_response(response)

    async def health(_: web.Request) -> web.Response:
        return web.Response(text="ok")

    web_app = web.Application(client_max_size=MAX_BODY_BYTES)
    web_app.add_routes([web.post(EVENTS_PATH, events), web.get("/healthz", health)])
    return web_app


def _reject(status: int, reason: str) -> web.Response:
    logger.info("request_rejected status=%d reason=%s", status, reason)
    return web.json_response(
        {"error": "invalid request" if status == 401 else reason}, status=status
    )


def shape_problem(body: Any) -> str | None:
    """What makes a parsed body unlike anything Slack sends, or None if it looks right.

    Only the fields bolt and our handlers rely on are checked: the body is an
    object; an event callback carries an event object with a type; a click
    carries a user and a list of actions; a command names itself; a response_url
    is a URL (bolt builds `respond` from it before our listener can ack).
    """
    if not isinstance(body, dict) or not body:
        return "body is not a non-empty object"
    kind = body.get("type")
    if kind is not None and not isinstance(kind, str):
        return "type is not a string"
    if kind == "event_callback":
        event = body.get("event")
        if not isinstance(event, dict) or not isinstance(event.get("type"), str):
            return "event_callback without an event object"
        if not isinstance(body.get("event_id", ""), str):
            return "event_id is not a string"
    elif kind in ("block_actions", "interactive_message"):
        actions = body.get("actions")
        user = body.get("user")
        if not isinstance(user, dict) or not isinstance(actions, list) or not actions:
            return "click without a user or actions"
        if not all(isinstance(a, dict) for a in actions):
            return "actions are not objects"
    elif kind is None and "command" in body and not isinstance(body["command"], str):
        return "command is not a string"
    response_url = body.get("response_url")
    if response_url is not None and not (
        isinstance(response_url, str) and response_url.startswith(("https://", "http://"))
    ):
        return "response_url is not a URL"
    for key in ("team", "channel", "container", "enterprise", "view", "message"):
        if body.get(key) is not None and not isinstance(body[key], dict | str):
            return f"{key} has the wrong type"
    return None
