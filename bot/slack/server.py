"""HTTP mode: the edge Slack posts events, commands and clicks to.

The edge runs in a thread of its own, on its own event loop (`HttpEdge`), and
acks there: it reads a request, checks its signature and shape, and answers
Slack at once. The work of answering goes to `bot.slack.work.AnswerQueue` on the
bot's loop. So no answer, however much CPU it takes, can hold up an ack: while
the bot's thread runs Python, the edge's thread gets the interpreter back every
few milliseconds (the GIL's switch interval) and acks.

What is acked here, with an empty 200, is what factbot's listeners ack empty:
slash commands, events and clicks (`EDGE_ACKED`). Anything else (Slack's URL
check, an SSL check, a kind no listener handles) goes through bolt and gets
bolt's answer. When the answer queue is full the edge still answers at once: a
slash command gets "busy, try again" as its ack (Slack shows it; nothing else
is sent), while an event or a click gets a 503, so that nothing is acknowledged
that will not be answered: Slack delivers the event again later (each event is
answered once, `bot.services.events`), and shows the person who clicked an
error, so they click again.

Bad requests get a 4xx and never reach bolt. The signature is checked over the
raw bytes before the body is even decoded, so a forged request learns nothing
(401), and a signed but malformed body gets 400. bolt answers 500 to a
non-numeric timestamp and fails on a body that is not UTF-8, so both are
checked here first. A 5xx from bolt can only come from a middleware failing on
an odd shape; it is logged and answered 400, never 5xx, because Slack retries
any non-2xx delivery the same way.

Connections are bounded (`HttpLimits`): a connection that has not sent a
complete request's headers within `idle_timeout` (a stalled or idle one) is
closed by aiohttp's keep-alive timer; a body not read within `read_timeout`
gets a 408 and the connection is closed; at `max_connections` the connection
that has been open longest without a request in progress is closed to make
room. None of this writes a line per connection at INFO: each is a DEBUG line,
and a summary line (`http_edge`) says every `SUMMARY_EVERY` seconds how many
there were, if any.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import hashlib
import hmac
import json
import logging
import threading
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from functools import partial
from typing import Any, Protocol

from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.async_app import AsyncBoltRequest
from slack_bolt.response import BoltResponse

from bot.services.logs import logfmt
from bot.services.outbox import admit
from bot.settings import Settings
from bot.slack.oauth import (
    ADD_PATH,
    INSTALL_PATH,
    REDIRECT_PATH,
    STATE_COOKIE,
    OAuthPages,
    Page,
    PageRequest,
)
from bot.storage.store import Store, open_store
from bot.storage.workers import Liveness

logger = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
#: Slack's largest payloads (a block_actions click on a long message) are tens of KB.
MAX_BODY_BYTES = 1024 * 1024
#: Slack's replay window: a request signed longer ago (or ahead) than this is refused.
MAX_CLOCK_SKEW = 300
#: Seconds between two `http_edge` summary lines (only written when there is news).
SUMMARY_EVERY = 30.0
#: What a slash command's ack says when the answer queue is full (shown to that person only).
BUSY = (
    "factbot is answering a lot of questions right now: please ask again in a minute. "
    "/ factbot reçoit beaucoup de questions en ce moment : reposez-la dans une minute."
)


class Seats(Protocol):
    """The answer queue as the edge sees it (`bot.slack.work.AnswerQueue`); thread-safe."""

    def reserve(self) -> bool:
        """Room for one more request (False: full, answer busy)."""

    def give_back(self) -> None:
        """A reserved seat not used after all."""

    def hand_over(self, request: AsyncBoltRequest, kind: str) -> None:
        """Queue a request a seat was reserved for."""


#: Record a request before it is acked (on the bot's loop); False: seen before, ack only.
Admit = Callable[[AsyncBoltRequest, str], Coroutine[Any, Any, bool]]
#: Run a request through bolt and return bolt's response (on the bot's loop).
Dispatch = Callable[[AsyncBoltRequest], Awaitable[BoltResponse]]
#: The same, as a coroutine function (the edge runs it on the bot's loop).
BotDispatch = Callable[[AsyncBoltRequest], Coroutine[Any, Any, BoltResponse]]
#: Write one log line: level, message, arguments.
Log = Callable[..., None]
#: Serve one OAuth page ("add", "install" or "finish") for a request (`bot.slack.oauth`).
OAuthPage = Callable[[str, PageRequest], Awaitable[Page]]
#: Record a request before its ack over a given store (`admit`, or `admit_if_installed`).
AdmitWith = Callable[[Store, AsyncBoltRequest, str], Coroutine[Any, Any, bool]]


#: PostgreSQL connections of the edge's own pool: it only writes one outbox row per
#: request before the ack, a few milliseconds each.
EDGE_POOL_SIZE = 4


@dataclass(frozen=True)
class HttpLimits:
    """What one connection may take from the server. Slack sends a whole request at once."""

    #: Seconds a connection may stay open without a complete request's headers, whether
    #: it is idle between requests or sending them a byte at a time (aiohttp's keep-alive).
    idle_timeout: float = 15.0
    #: Seconds to read a request's body once its headers are in.
    read_timeout: float = 10.0
    #: Open connections at most; at the cap the oldest one with no request in progress goes.
    max_connections: int = 1000
    #: Connections the kernel holds for us before we accept them.
    backlog: int = 1024
    max_body_bytes: int = MAX_BODY_BYTES
    max_line_size: int = 8190  # the request line
    max_field_size: int = 8190  # one header
    max_headers: int = 64
    #: Seconds the server waits for requests in progress when it stops.
    shutdown_timeout: float = 2.0


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


#: Payload kinds factbot's listeners ack with nothing: the edge acks them itself.
EDGE_ACKED = ("command", "event", "action")


def edge_kind(body: dict[str, Any]) -> str | None:
    """ "command", "event" or "action" when the edge may ack the request itself, else None."""
    kind = body.get("type")
    if kind == "event_callback":
        return "event"
    if kind == "block_actions":
        return "action"
    if kind is None and isinstance(body.get("command"), str):
        return "command"
    return None


def make_web_app(
    signing_secret: str,
    seats: Seats,
    dispatch: Dispatch,
    *,
    limits: HttpLimits | None = None,
    clock: Callable[[], float] = time.time,
    log: Log = logger.log,
    tally: Counter[str] | None = None,
    busy: set[object] | None = None,
    admit: Admit | None = None,
    oauth: OAuthPage | None = None,
) -> web.Application:
    """The aiohttp application: POST /slack/events, and GET /healthz for the platform.

    With `oauth` (multi-workspace mode), also GET / (the "Add to Slack" page), GET
    /slack/install (a redirect to Slack's authorize page) and GET /slack/oauth_redirect
    (`bot.slack.oauth`).

    `seats` queues an acked request for its answer (a seat is reserved first: a full
    queue answers busy before anything is recorded); `dispatch` runs any other
    request through bolt. `admit`, when given, records a question before its ack
    (the outbox) and says False for one answered before (same trigger_id or event_id):
    that one is acked and not queued. `tally` counts what the summary line reports; `busy`
    holds the connections with a request in progress (see `ConnectionCap`).
    """
    limits = limits or HttpLimits()
    counts: Counter[str] = tally if tally is not None else Counter()
    in_progress: set[object] = busy if busy is not None else set()

    def reject(status: int, reason: str) -> web.Response:
        log(logging.INFO, "request_rejected status=%d reason=%s", status, reason)
        return web.json_response(
            {"error": "invalid request" if status == 401 else reason}, status=status
        )

    async def events(request: web.Request) -> web.StreamResponse:
        try:
            async with asyncio.timeout(limits.read_timeout):
                raw = await request.read()
        except TimeoutError:
            counts["read_timeouts"] += 1
            log(logging.DEBUG, "request_read_timeout remote=%s", request.remote)
            response = web.json_response({"error": "request body too slow"}, status=408)
            response.force_close()
            return response
        timestamp = request.headers.get("X-Slack-Request-Timestamp", "")
        signature = request.headers.get("X-Slack-Signature", "")
        if not signature_is_valid(signing_secret, raw, timestamp, signature, now=clock()):
            return reject(401, "bad, stale or missing signature")
        try:
            body = raw.decode("utf-8")
        except UnicodeDecodeError:
            return reject(400, "body is not UTF-8")
        try:
            bolt_request = AsyncBoltRequest(
                body=body,
                query=request.query_string,
                headers={k: v for k, v in request.headers.items()},
            )
        except Exception as exc:  # noqa: BLE001 - any parse failure is the sender's fault
            return reject(400, f"unparseable body ({type(exc).__name__})")
        problem = shape_problem(bolt_request.body)
        if problem is not None:
            return reject(400, problem)
        kind = edge_kind(bolt_request.body)
        if kind is None:
            bolt_response = await dispatch(bolt_request)
            if bolt_response.status >= 500:
                log(logging.ERROR, "request_failed status=%d mapped_to=400", bolt_response.status)
                return web.json_response({"error": "bad request"}, status=400)
            return await to_aiohttp_response(bolt_response)
        if not seats.reserve():
            # Refused before anything is recorded: no outbox row answers it later.
            counts[f"shed_{kind}s"] += 1
            log(logging.DEBUG, "answer_shed kind=%s", kind)
            if kind == "command":
                return web.json_response({"response_type": "ephemeral", "text": BUSY})
            return web.json_response({"error": "busy"}, status=503, headers={"Retry-After": "60"})
        try:
            if admit is not None and not await admit(bolt_request, kind):
                seats.give_back()
                return web.Response(status=200)  # delivered again: answered (or being)
        except BaseException:
            seats.give_back()
            raise
        seats.hand_over(bolt_request, kind)
        return web.Response(status=200)

    async def health(_: web.Request) -> web.Response:
        return web.Response(text="ok")

    async def oauth_page(request: web.Request) -> web.Response:
        assert oauth is not None
        which = {INSTALL_PATH: "install", ADD_PATH: "add"}.get(request.path, "finish")
        page = await oauth(
            which,
            PageRequest(
                query=dict(request.query),
                headers=request.headers,
                scheme=request.scheme,
                host=request.host,
                cookies=dict(request.cookies),
            ),
        )
        headers = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}
        if page.location is not None:
            headers["Location"] = page.location
        if page.retry_after is not None:
            headers["Retry-After"] = str(page.retry_after)
        response = web.Response(
            text=page.html, status=page.status, content_type="text/html", headers=headers
        )
        if page.set_state:
            response.set_cookie(
                STATE_COOKIE,
                page.set_state,
                max_age=600,
                path="/slack/",
                httponly=True,
                samesite="Lax",
                secure=request.scheme == "https"
                or request.headers.get("X-Forwarded-Proto") == "https",
            )
        elif page.set_state == "":
            response.del_cookie(STATE_COOKIE, path="/slack/")
        return response

    @web.middleware
    async def mark_busy(
        request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        """Connections with a request in progress are never the ones closed to make room."""
        in_progress.add(request.protocol)
        try:
            return await handler(request)
        finally:
            in_progress.discard(request.protocol)

    web_app = web.Application(client_max_size=limits.max_body_bytes, middlewares=[mark_busy])
    web_app.add_routes([web.post(EVENTS_PATH, events), web.get("/healthz", health)])
    if oauth is not None:
        web_app.add_routes(
            [
                web.get(ADD_PATH, oauth_page),
                web.get(INSTALL_PATH, oauth_page),
                web.get(REDIRECT_PATH, oauth_page),
            ]
        )
    return web_app


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


async def _page(pages: OAuthPages, which: str, request: PageRequest) -> Page:
    if which == "add":
        return pages.add_to_slack()
    return await (pages.install(request) if which == "install" else pages.finish(request))


# ------------------------------------------------------------------ connections


class ConnectionCap:
    """The listening socket's protocol factory: at most `limit` connections at once.

    At the cap, the connection open longest without a request in progress (a
    stalled one, or an idle keep-alive one) is closed to make room, so stalled
    connections can never lock Slack out. Only when every connection has a
    request in progress is the new one refused with a 503.
    """

    def __init__(
        self, server: web.Server, limit: int, busy: set[object], tally: Counter[str], log: Log
    ) -> None:
        self._server = server
        self._limit = limit
        self._busy = busy
        self._tally = tally
        self._log = log

    def __call__(self) -> asyncio.BaseProtocol:
        live = [c for c in self._server.connections if c.transport is not None]
        if len(live) >= self._limit:
            victim = next((c for c in live if c not in self._busy), None)
            if victim is None:
                self._tally["refused"] += 1
                self._log(logging.DEBUG, "http_connection_refused open=%d", len(live))
                return _Refuse()
            self._tally["evicted"] += 1
            self._log(logging.DEBUG, "http_connection_evicted open=%d", len(live))
            victim.force_close()
        return self._server()


class _Refuse(asyncio.Protocol):
    """Answers 503 and hangs up: every connection has a request in progress."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.WriteTransport)
        transport.write(
            b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        )
        transport.close()


class _ServerLog:
    """aiohttp's server logger: a malformed or aborted request is a DEBUG line, counted.

    aiohttp logs a bad request line or header (a scanner, a slowloris sending
    junk) with a traceback at ERROR, once per connection. Here it is one DEBUG
    line and a count in the summary; anything else (a bug in our handler) keeps
    its traceback at ERROR.
    """

    def __init__(self, log: Log, tally: Counter[str]) -> None:
        self._log = log
        self._tally = tally

    def debug(self, msg: str, *args: Any, **kwargs: Any) -> None:
        self._log(logging.DEBUG, "aiohttp: " + msg, *args)

    def exception(self, msg: str, *args: Any, exc_info: Any = None, **kwargs: Any) -> None:
        if isinstance(exc_info, HttpProcessingError | ConnectionError):
            self._tally["bad_requests"] += 1
            reason = f"{type(exc_info).__name__}: {exc_info}"[:120]
            self._log(logging.DEBUG, "http_request_malformed reason=%s", json.dumps(reason))
            return
        self._log(logging.ERROR, "aiohttp: " + msg, *args, exc_info=exc_info)

    error = exception


# ------------------------------------------------------------------ the edge's thread


class HttpEdge:
    """The HTTP server on its own thread and event loop; acks never wait for the bot's loop.

    `start()` and `stop()` are called from the bot's loop. Log lines written on
    the edge's thread are handed to the bot's loop and written there, so every
    line of the bot comes from one thread.
    """

    def __init__(
        self,
        signing_secret: str,
        seats: Seats,
        dispatch: BotDispatch,
        *,
        admit: Admit | None = None,
        admit_with: AdmitWith = admit,
        oauth_settings: Settings | None = None,
        oauth: OAuthPages | None = None,
        db_path: str | None = None,
        liveness: Liveness | None = None,
        host: str = "0.0.0.0",
        port: int = 3000,
        limits: HttpLimits | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._secret = signing_secret
        self._seats = seats
        self._dispatch = dispatch
        self._admit = admit
        self._admit_with = admit_with
        #: Multi-workspace mode: the OAuth pages, over the edge's own store, or `oauth`
        #: (over the bot's store, run on the bot's loop) for a database in memory.
        self._oauth_settings = oauth_settings
        self._oauth = oauth
        self._db_path = db_path
        #: The bot's worker lock (`Store.liveness`): the edge's store writes its outbox rows
        #: under it, so they stay covered until the bot has answered them, whenever the edge
        #: stops. Without it the edge's store has a lock of its own, given up when it stops.
        self._liveness = liveness
        self._host = host
        self._port = port
        self.limits = limits or HttpLimits()
        self._clock = clock
        self.tally: Counter[str] = Counter()
        self._thread: threading.Thread | None = None
        self._bot_loop: asyncio.AbstractEventLoop | None = None
        self._edge_loop: asyncio.AbstractEventLoop | None = None
        self._stopping: asyncio.Event | None = None
        self._ready: asyncio.Future[int] | None = None
        self._done: asyncio.Future[None] | None = None
        self.open_connections = 0

    # ------------------------------------------------------------ the bot's loop

    async def start(self) -> int:
        """Listen; the port. OSError (the port is in use, ...) if the socket cannot be bound."""
        loop = asyncio.get_running_loop()
        self._bot_loop = loop
        self._ready = loop.create_future()
        self._done = loop.create_future()
        self._thread = threading.Thread(target=self._run, name="http-edge", daemon=True)
        self._thread.start()
        try:
            return await asyncio.shield(self._ready)
        except BaseException:
            await asyncio.shield(self._done)
            raise

    async def stop(self) -> None:
        """Stop listening, let requests in progress finish (`shutdown_timeout`), end the thread."""
        if self._done is None:
            return
        edge, stopping = self._edge_loop, self._stopping
        if edge is not None and stopping is not None and not self._done.done():
            edge.call_soon_threadsafe(stopping.set)
        await asyncio.shield(self._done)
        if self._thread is not None:
            await asyncio.to_thread(self._thread.join)
        self._thread = None

    def _log(self, level: int, msg: str, *args: Any, exc_info: Any = None) -> None:
        """Log on the bot's loop (called on the edge's thread)."""
        loop = self._bot_loop
        if not logger.isEnabledFor(level):
            return
        try:
            assert loop is not None
            loop.call_soon_threadsafe(lambda: logger.log(level, msg, *args, exc_info=exc_info))
        except RuntimeError:  # the bot's loop is closed: write it from here
            logger.log(level, msg, *args, exc_info=exc_info)

    def _settle(self, future: asyncio.Future[Any] | None, result: Any, error: Any) -> None:
        loop = self._bot_loop
        assert loop is not None and future is not None

        def settle() -> None:
            if future.done():
                return
            if error is not None:
                future.set_exception(error)
            else:
                future.set_result(result)

        loop.call_soon_threadsafe(settle)

    # ------------------------------------------------------------ the edge's thread

    def _run(self) -> None:
        error: BaseException | None = None
        try:
            asyncio.run(self._serve())
        except BaseException as exc:  # noqa: BLE001 - handed to the bot's loop
            error = exc
        if error is not None:
            self._settle(self._ready, None, error)
        self._settle(self._done, None, None)

    async def _serve(self) -> None:
        """Serve; questions are recorded through a connection of the edge's own, so that
        the ack never waits for the bot's loop (an in-memory database has only the bot's)."""
        if self._db_path is None or self._db_path == ":memory:":
            await self._serve_with(None, None)
            return
        async with open_store(
            self._db_path, pool_size=EDGE_POOL_SIZE, borrow=self._liveness
        ) as store:
            pages = None
            if self._oauth_settings is not None:
                pages = OAuthPages(self._oauth_settings, store)
            await self._serve_with(partial(self._admit_with, store), pages)

    async def _serve_with(self, own_admit: Admit | None, own_pages: OAuthPages | None) -> None:
        loop = asyncio.get_running_loop()
        self._edge_loop = loop
        self._stopping = asyncio.Event()
        bot_loop = self._bot_loop
        assert bot_loop is not None
        limits = self.limits
        busy: set[object] = set()

        async def dispatch(request: AsyncBoltRequest) -> BoltResponse:
            future: concurrent.futures.Future[BoltResponse] = asyncio.run_coroutine_threadsafe(
                self._dispatch(request), bot_loop
            )
            return await asyncio.wrap_future(future)

        async def admit_request(request: AsyncBoltRequest, kind: str) -> bool:
            if own_admit is not None:
                return await own_admit(request, kind)
            if self._admit is None:
                return True
            future: concurrent.futures.Future[bool] = asyncio.run_coroutine_threadsafe(
                self._admit(request, kind), bot_loop
            )
            return await asyncio.wrap_future(future)

        async def oauth_page(which: str, request: PageRequest) -> Page:
            if own_pages is not None:
                return await _page(own_pages, which, request)
            assert self._oauth is not None
            future: concurrent.futures.Future[Page] = asyncio.run_coroutine_threadsafe(
                _page(self._oauth, which, request), bot_loop
            )
            return await asyncio.wrap_future(future)

        web_app = make_web_app(
            self._secret,
            self._seats,
            dispatch,
            limits=limits,
            clock=self._clock,
            log=self._log,
            tally=self.tally,
            busy=busy,
            admit=admit_request,
            oauth=oauth_page if own_pages is not None or self._oauth is not None else None,
        )
        runner = web.AppRunner(
            web_app,
            shutdown_timeout=limits.shutdown_timeout,
            handler_cancellation=True,
            access_log=None,  # each handled request writes one `request` line (delivery)
            keepalive_timeout=limits.idle_timeout,
            max_line_size=limits.max_line_size,
            max_field_size=limits.max_field_size,
            max_headers=limits.max_headers,
            lingering_time=1.0,
            logger=_ServerLog(self._log, self.tally),
        )
        await runner.setup()
        try:
            assert runner.server is not None
            cap = ConnectionCap(runner.server, limits.max_connections, busy, self.tally, self._log)
            server = await loop.create_server(
                cap, self._host, self._port, backlog=limits.backlog, reuse_address=True
            )
            port = int(server.sockets[0].getsockname()[1])
            self._settle(self._ready, port, None)
            summary = loop.create_task(self._summarise(runner.server))
            try:
                await self._stopping.wait()
            finally:
                server.close()
                summary.cancel()
                self._write_summary(runner.server)
        finally:
            await runner.cleanup()

    async def _summarise(self, server: web.Server) -> None:
        while True:
            await asyncio.sleep(SUMMARY_EVERY)
            self._write_summary(server)

    def _write_summary(self, server: web.Server) -> None:
        """One `http_edge` line with what happened since the last one, if anything did."""
        news = +self.tally
        self.open_connections = len(server.connections)
        if not news:
            return
        self.tally.clear()
        shed = sum(v for k, v in news.items() if k.startswith("shed_"))
        self._log(
            logging.WARNING if shed else logging.INFO,
            "http_edge %s",
            logfmt(open_connections=self.open_connections, **dict(sorted(news.items()))),
        )
