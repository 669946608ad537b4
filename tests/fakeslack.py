"""A loopback fake of Slack: Web API, response_url and a Socket Mode server, in one aiohttp app.

Bound to 127.0.0.1 port 0, it records every call as (method, parsed body) and
lets a test wait for a call, an ack or a connection on an asyncio.Condition,
never by sleeping. Replies come from ../shared/slack-fixtures/web_api/examples;
messages are checked against block_kit_limits.yaml and rejected the way Slack
rejects them (`invalid_blocks`), so an over-limit reply fails the test that sent it.

Faults are queued per method (`queue`): an HTTP status with headers (429 with
Retry-After, 500), a reply held until the test releases it (`hold`: slower than
the client's timeout), or a dropped connection after the request arrived (`drop`).

Like Slack, it keeps what chat.postMessage posted in each channel (with its
message metadata) and answers conversations.history from it, newest first,
`oldest`/`latest` exclusive, paged by `limit` and `cursor`; metadata only with
`include_all_metadata`. Message timestamps come from `clock` (real time unless a
test sets it, to match a bot run with `--now`).

OAuth: `add_install_code(code, team_id)` makes `oauth.v2.access` exchange that code,
once, for a bot token of that workspace (`invalid_code` otherwise, as Slack says), and
auth.test then answers for that token's workspace. Every call keeps its headers, so a
test reads which token (Authorization) each call carried.

Test modules make a fixture of `running_fake()` and run the bot with `running_bot`.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections import defaultdict, deque
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import WSMsgType, web
from payloads import APP_TOKEN, BOT_TOKEN, FIXTURES, SIGNING_SECRET, load_json, load_yaml

from bot.core.factbase import FactBase
from bot.engine import Matcher
from bot.runner import serve
from bot.services.delivery import RetryPolicy
from bot.settings import Settings

EXAMPLES = FIXTURES / "web_api" / "examples"
WAIT = 5.0  # seconds: a ceiling for waits that normally end in milliseconds
MESSAGE_METHODS = ("chat.postMessage", "chat.postEphemeral", "chat.update", "response_url")


@dataclass
class Call:
    method: str  # a Web API method, or "response_url"
    body: dict[str, Any]
    path: str
    headers: dict[str, str]
    error: str | None = None  # what the fake answered, when it refused the call
    at: float = field(default_factory=time.monotonic)  # when it arrived


@dataclass
class Canned:
    body: dict[str, Any]
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    hold: asyncio.Event | None = None  # answer only once this is set
    drop: bool = False  # close the connection instead of answering
    text: str | None = None  # a plain-text body instead of JSON (response_url's "expired_url")


class FakeSlack:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.acks: list[dict[str, Any]] = []
        self.connections = 0
        self._canned: dict[str, deque[Canned]] = defaultdict(deque)
        self._changed = asyncio.Condition()
        self._sockets: list[web.WebSocketResponse] = []
        self._ts = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self.port = 0
        #: Slack's clock, in epoch seconds: what posted messages' `ts` are made of.
        self.clock: Callable[[], float] = time.time
        #: What chat.postMessage posted, per channel, oldest first (Slack's message objects).
        self.history: dict[str, list[dict[str, Any]]] = defaultdict(list)
        #: OAuth codes not yet exchanged: code -> oauth.v2.access's answer.
        self.install_codes: dict[str, dict[str, Any]] = {}
        #: Bot tokens handed out by oauth.v2.access: token -> (team_id, bot_user_id, bot_id).
        self.tokens: dict[str, tuple[str, str, str]] = {}

    # ------------------------------------------------------------ lifecycle

    async def start(self, port: int = 0) -> None:
        app = web.Application()
        app.add_routes(
            [
                web.post("/api/{method}", self._web_api),
                web.get("/api/{method}", self._web_api),  # slack-sdk GETs users.info
                web.post("/hooks/{tail:.*}", self._response_url),
                web.get("/link", self._socket),
            ]
        )
        self._runner = web.AppRunner(app, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", port)
        await site.start()
        self.port = int(self._runner.addresses[0][1])

    async def stop(self) -> None:
        for ws in list(self._sockets):
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self, name: str = "cmd") -> str:
        return f"http://127.0.0.1:{self.port}/hooks/{name}"

    # ------------------------------------------------------------ test helpers

    def queue(
        self,
        method: str,
        body: dict[str, Any] | None = None,
        status: int = 200,
        *,
        hold: asyncio.Event | None = None,
        drop: bool = False,
        text: str | None = None,
        **headers: str,
    ) -> None:
        """Answer the next call to `method` (or "response_url") with this, not the default.

        The call is recorded when it arrives, whatever the answer: with `hold` or
        `drop` it has reached Slack even though the bot never hears back.
        """
        self._canned[method].append(Canned(body or {"ok": True}, status, headers, hold, drop, text))

    async def _canned_reply(self, canned: Canned, request: web.Request) -> web.StreamResponse:
        if canned.hold is not None:
            await canned.hold.wait()
        if canned.drop:
            assert request.transport is not None
            request.transport.abort()
        if canned.text is not None:
            return web.Response(text=canned.text, status=canned.status, headers=canned.headers)
        return web.json_response(canned.body, status=canned.status, headers=canned.headers)

    def add_install_code(
        self, code: str, team_id: str, *, team_name: str = "", enterprise_id: str = ""
    ) -> str:
        """Make `code` exchangeable, once, for a new bot token of `team_id` (a workspace of
        the Enterprise Grid org `enterprise_id`, if given); the token."""
        n = len(self.tokens) + 1
        token = f"xoxb-{team_id}-{n}-fakebottoken{n}"
        bot_user, bot_id = f"U0BOT{team_id}", f"B0BOT{team_id}"
        self.tokens[token] = (team_id, bot_user, bot_id)
        self.install_codes[code] = {
            "ok": True,
            "app_id": "A0FACTBOT",
            "authed_user": {"id": f"U0ADMIN{team_id}"},
            "scope": "app_mentions:read,chat:write,commands",
            "token_type": "bot",
            "access_token": token,
            "bot_user_id": bot_user,
            "team": {"id": team_id, "name": team_name or f"Workspace {team_id}"},
            "enterprise": (
                {"id": enterprise_id, "name": f"Org {enterprise_id}"} if enterprise_id else None
            ),
            "is_enterprise_install": False,
        }
        return token

    def calls_to(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    @property
    def messages(self) -> list[Call]:
        """Every message the bot sent, whichever way it sent it."""
        return [c for c in self.calls if c.method in MESSAGE_METHODS]

    async def wait_until(self, predicate: Callable[[], bool], timeout: float = WAIT) -> None:
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(predicate), timeout)

    async def wait_for(self, method: str, count: int = 1) -> list[Call]:
        await self.wait_until(lambda: len(self.calls_to(method)) >= count)
        return self.calls_to(method)

    async def wait_for_ack(self, envelope_id: str) -> dict[str, Any]:
        await self.wait_until(lambda: any(a["envelope_id"] == envelope_id for a in self.acks))
        return next(a for a in self.acks if a["envelope_id"] == envelope_id)

    async def wait_for_connections(self, count: int) -> None:
        await self.wait_until(lambda: self.connections >= count and len(self._sockets) > 0)

    async def send_frame(self, frame: dict[str, Any]) -> None:
        """Send a Socket Mode frame on the newest connection."""
        await self._sockets[-1].send_str(json.dumps(frame))

    async def _record(self, call: Call) -> None:
        async with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    # ------------------------------------------------------------ Web API

    async def _web_api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        body = await _parsed_body(request)
        call = Call(method, body, request.path, dict(request.headers))
        if method in MESSAGE_METHODS or method == "views.publish":
            call.error = _check_message(method, body)
        if self._canned[method]:
            canned = self._canned[method].popleft()
            if canned.status == 200 and canned.body.get("ok") and call.error is None:
                self._post(method, body)  # taken, even if the answer is held or dropped
            await self._record(call)
            return await self._canned_reply(canned, request)
        await self._record(call)
        if call.error is not None:
            return web.json_response({"ok": False, "error": call.error})
        return web.json_response(self._default_reply(method, body, call.headers))

    def _post(self, method: str, body: dict[str, Any]) -> dict[str, Any] | None:
        """Keep a posted message in its channel's history, as Slack would; the message."""
        if method != "chat.postMessage":
            return None
        ts = f"{int(self.clock())}.{next(self._ts):06d}"
        message = load_json(EXAMPLES / "chat.postMessage.ok.json")["message"]
        message.pop("attachments", None)
        message.update(text=body.get("text"), ts=ts)
        for key in ("blocks", "thread_ts", "metadata"):
            if body.get(key) is not None:
                message[key] = body[key]
        self.history[str(body.get("channel"))].append(message)
        return message

    def _conversations_history(self, body: dict[str, Any]) -> dict[str, Any]:
        """conversations.history over what was posted (parameters arrive as strings)."""
        oldest = float(body.get("oldest") or 0)
        latest = float(body.get("latest") or "inf")
        limit = int(body.get("limit") or 100)
        start = int(body.get("cursor") or 0)
        with_metadata = str(body.get("include_all_metadata", "")).lower() in ("1", "true")
        found = [
            m
            for m in reversed(self.history.get(str(body.get("channel")), []))
            if oldest < float(m["ts"]) < latest
        ]
        page = [dict(m) for m in found[start : start + limit]]
        if not with_metadata:
            for message in page:
                message.pop("metadata", None)
        more = start + limit < len(found)
        return {
            "ok": True,
            "messages": page,
            "has_more": more,
            "pin_count": 0,
            "response_metadata": {"next_cursor": str(start + limit) if more else ""},
        }

    def _default_reply(
        self, method: str, body: dict[str, Any], headers: dict[str, str] | None = None
    ) -> dict[str, Any]:
        if method == "oauth.v2.access":
            granted = self.install_codes.pop(str(body.get("code")), None)
            return granted or {"ok": False, "error": "invalid_code"}
        if method == "auth.test":
            token = (headers or {}).get("Authorization", "").removeprefix("Bearer ")
            token = str(body.get("token") or token)
            if token in self.tokens:
                team, user, bot = self.tokens[token]
                return {"ok": True, "team_id": team, "user_id": user, "bot_id": bot}
            return load_json(EXAMPLES / "auth.test.ok.bot_token.json")
        if method == "apps.connections.open":
            return {"ok": True, "url": f"ws://127.0.0.1:{self.port}/link"}
        if method == "conversations.history":
            return self._conversations_history(body)
        if method == "chat.postMessage":
            message = self._post(method, body)
            assert message is not None
            reply = load_json(EXAMPLES / "chat.postMessage.ok.json")
            reply.update(channel=body.get("channel"), ts=message["ts"], message=message)
            return reply
        if method == "views.publish":
            return load_json(EXAMPLES / "views.publish.ok.json")
        return {"ok": True}

    async def _response_url(self, request: web.Request) -> web.StreamResponse:
        body = await _parsed_body(request)
        call = Call("response_url", body, request.path, dict(request.headers))
        call.error = _check_message("response_url", body)
        await self._record(call)
        if self._canned["response_url"]:
            return await self._canned_reply(self._canned["response_url"].popleft(), request)
        if call.error is not None:
            return web.Response(status=400, text=call.error)
        return web.Response(text="ok")

    # ------------------------------------------------------------ Socket Mode

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        async with self._changed:
            self.connections += 1
            self._sockets.append(ws)
            self._changed.notify_all()
        await ws.send_str(json.dumps(load_json(FIXTURES / "socket_mode" / "hello.json")))
        try:
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    continue
                frame = json.loads(msg.data)
                async with self._changed:
                    if "envelope_id" in frame:
                        self.acks.append(frame)
                    self._changed.notify_all()
        finally:
            async with self._changed:
                self._sockets.remove(ws)
                self._changed.notify_all()
        return ws


async def _parsed_body(request: web.Request) -> dict[str, Any]:
    if request.method == "GET":
        return dict(request.query)
    raw = await request.text()
    if not raw:
        return {}
    if request.content_type == "application/json" or raw.startswith("{"):
        parsed: dict[str, Any] = json.loads(raw)
        return parsed
    body: dict[str, Any] = dict(parse_qsl(raw, keep_blank_values=True))
    for key in ("blocks", "view", "metadata"):
        if isinstance(body.get(key), str):
            body[key] = json.loads(body[key])
    return body


# ------------------------------------------------------------------ Block Kit limits


@cache
def _limits() -> dict[str, Any]:
    data: dict[str, Any] = load_yaml("block_kit_limits.yaml")
    return data


def block_problems(blocks: list[dict[str, Any]], *, max_blocks: int) -> list[str]:
    """Limits from block_kit_limits.yaml, checked independently of bot.render.blocks."""
    limits = _limits()
    b, e = limits["blocks"], limits["elements"]
    problems = []
    if len(blocks) > max_blocks:
        problems.append("too many blocks")
    for block in blocks:
        kind = block["type"]
        if len(block.get("block_id", "")) > b["block_id_max"]["value"]:
            problems.append("block_id")
        if kind == "section":
            if "text" in block and not 0 < len(block["text"]["text"]) <= b["section"]["text_max"]:
                problems.append("section text")
            fields = block.get("fields", [])
            if len(fields) > b["section"]["fields_max_items"]:
                problems.append("section fields")
            if any(len(f["text"]) > b["section"]["field_text_max"] for f in fields):
                problems.append("section field text")
        elif kind == "header":
            if (
                block["text"]["type"] != "plain_text"
                or len(block["text"]["text"]) > b["header"]["text_max"]
            ):
                problems.append("header")
        elif kind == "context":
            if not 0 < len(block["elements"]) <= b["context"]["elements_max"]:
                problems.append("context elements")
        elif kind == "actions":
            if not 0 < len(block["elements"]) <= b["actions"]["elements_max"]:
                problems.append("actions elements")
            for el in block["elements"]:
                if len(el["text"]["text"]) > e["button"]["text_max"]:
                    problems.append("button text")
                if len(el.get("value", "")) > e["button"]["value_max"]:
                    problems.append("button value")
                if len(el.get("action_id", "")) > e["action_id_max"]["value"]:
                    problems.append("action_id")
    return problems


def _check_message(method: str, body: dict[str, Any]) -> str | None:
    limits = _limits()
    if method == "views.publish":
        view = body.get("view") or {}
        max_blocks = limits["surfaces"]["home_tab_blocks_max"]["value"]
        return (
            "invalid_blocks"
            if block_problems(view.get("blocks", []), max_blocks=max_blocks)
            else None
        )
    text = body.get("text") or ""
    if len(text) > limits["message_text"]["text_truncated_after"]["value"]:
        return "msg_too_long"
    blocks = body.get("blocks") or []
    max_blocks = limits["surfaces"]["message_blocks_max"]["value"]
    return "invalid_blocks" if block_problems(blocks, max_blocks=max_blocks) else None


# ------------------------------------------------------------------ fixtures


@asynccontextmanager
async def running_fake() -> AsyncIterator[FakeSlack]:
    fake = FakeSlack()
    await fake.start()
    try:
        yield fake
    finally:
        await fake.stop()


def slack_env(fake: FakeSlack, db: str, *, mode: str) -> dict[str, str]:
    """The environment `python -m bot` would get, pointed at the fake."""
    env = {
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_API_URL": fake.api_url,
        "FACTBOT_DB": db,
        "PORT": "0",
    }
    if mode == "http":
        env["SLACK_SIGNING_SECRET"] = SIGNING_SECRET
    else:
        env["SLACK_APP_TOKEN"] = APP_TOKEN
    return env


class Waits:
    """A `RetryPolicy.sleep` that records each wait and returns at once (time is a parameter).

    `during`, if set, runs in place of the wait: what the world does meanwhile.
    """

    def __init__(self) -> None:
        self.waits: list[float] = []
        self.during: Callable[[float], Awaitable[None]] | None = None

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
        if self.during is not None:
            await self.during(seconds)
        await asyncio.sleep(0)


def no_wait_policy(**overrides: Any) -> RetryPolicy:
    """The bot's retry policy, with waits recorded instead of waited."""
    options: dict[str, Any] = {"sleep": Waits()}
    options.update(overrides)
    return RetryPolicy(**options)


@asynccontextmanager
async def running_bot(
    settings: Settings,
    base: FactBase,
    matcher: Matcher,
    *,
    retry: RetryPolicy | None = None,
    grace: float = 2.0,
    workspaces: bool = False,
) -> AsyncIterator[int | None]:
    """Run `bot.runner.serve` (what `python -m bot` runs) until the block ends.

    Yields the HTTP port (None in Socket Mode) once the bot is ready. Retries do
    not wait (see `no_wait_policy`), and shutdown gives in-flight work `grace` s.
    """
    stop = asyncio.Event()
    ready: asyncio.Future[int | None] = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(
        serve(
            settings,
            stop=stop,
            ready=ready.set_result,
            base=base,
            matcher=matcher,
            retry=retry or no_wait_policy(),
            grace=grace,
            workspaces=workspaces,
        )
    )
    try:
        await asyncio.wait({ready, task}, timeout=WAIT, return_when=asyncio.FIRST_COMPLETED)
        if task.done():
            task.result()  # serve() failed before it was ready: raise its error here
        yield ready.result()
    finally:
        stop.set()
        await asyncio.wait_for(task, WAIT)
