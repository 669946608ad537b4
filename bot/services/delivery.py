"""Every reply leaves the bot here: retried when Slack did not take it, never sent twice.

What a failed call to Slack means decides what happens next (docs/reliability.md
lists the test behind each rule):

- HTTP 429: Slack did not process the call. Wait `Retry-After`, then send again.
- HTTP 5xx: Slack answered that it failed. Back off exponentially (with jitter), send again.
- Connection refused, or no connection within the timeout: nothing reached Slack.
  Back off, send again.
- A timeout or a dropped connection *after* the request went out: Slack may have
  posted it. A message is not sent again, because the person would get the answer
  twice. slack-sdk's stock retry handler re-sends in exactly this case, so the bot's
  clients carry no SDK retry handlers and every retry happens here. The reply is
  logged as unconfirmed, with its question. Idempotent calls (views.publish) are
  retried.
- Anything else Slack refuses (`ok: false`, another 4xx) is final.

A reply owed to an acknowledged question (bot.services.outbox) is sent under a
`guard`, asked before every attempt: it says whether this process still holds the
reply's claim, so a reply another process has taken over is never sent by both.

A reply that finally fails is logged at ERROR with its question and question id,
so a curator can answer by hand: nothing fails silently.

`Delivery` also keeps track of the work in flight (`handling`), so that shutdown
can finish it, and writes the one `request` log line per handled request.

Connections: every call to Slack goes through one aiohttp session, so a reply
reuses an open (TLS) connection instead of opening one per message as
slack-sdk does by default. Idle connections are dropped after
KEEPALIVE_SECONDS, well before any server would close them, so a reused
connection is not one Slack has already closed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.services.logs import logfmt

logger = logging.getLogger(__name__)
request_logger = logging.getLogger("bot.request")

T = TypeVar("T")

#: How much of a question goes into a failure log line (the full text is in SQLite).
LOGGED_QUESTION_MAX = 300
#: Seconds an idle connection to Slack is kept for reuse.
KEEPALIVE_SECONDS = 5.0


#: The Web API client that acts in one workspace (team_id, enterprise_id), or None when
#: the workspace has no installation: in multi-workspace mode each has its own token.
ClientFor = Callable[[str, str], Awaitable[AsyncWebClient | None]]


def one_client(client: AsyncWebClient) -> ClientFor:
    """The same client for every workspace (a bot run with SLACK_BOT_TOKEN)."""

    async def client_for(team_id: str, enterprise_id: str) -> AsyncWebClient | None:
        return client

    return client_for


@dataclass(frozen=True)
class RetryPolicy:
    """How hard to try. `sleep` is a parameter so tests can record waits instead of waiting."""

    attempts: int = 5  # tries in all, the first included
    base_delay: float = 0.5  # seconds before the first retry; doubles each time
    max_delay: float = 8.0
    max_retry_after: float = 60.0  # a longer Retry-After is not waited for: the reply fails
    timeout: float = 10.0  # per attempt, connect to last byte
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep

    def backoff(self, retry: int) -> float:
        """Exponential backoff with "equal jitter": half fixed, half random."""
        delay = min(self.max_delay, self.base_delay * 2**retry)
        return float(delay / 2 + random.uniform(0, delay / 2))


class ResponseUrlRefused(Exception):
    """A response_url answered with something other than 200."""

    def __init__(self, status: int, body: str, headers: Mapping[str, Any]) -> None:
        super().__init__(f"response_url answered HTTP {status}: {body[:100]}")
        self.status = status
        self.body = body
        self.headers = headers


@dataclass(frozen=True, slots=True)
class Failure:
    """What one failed attempt means: retry, unsure whether it arrived, or final."""

    kind: Literal["retry", "unsure", "final"]
    reason: str  # http_429, http_503, connect, timeout, disconnected, or Slack's error code
    retry_after: float | None = None


def classify(exc: BaseException) -> Failure:
    """Sort an exception from one call to Slack into retry / unsure / final."""

    if isinstance(exc, SlackApiError | ResponseUrlRefused):
        if isinstance(exc, SlackApiError):
            status = int(exc.response.status_code)
            headers: Mapping[str, Any] = exc.response.headers or {}
            data = exc.response.data
            code = data.get("error") if isinstance(data, dict) else None
        else:
            status, headers, code = exc.status, exc.headers, exc.body.strip()[:60] or None
        if status == 429:
            return Failure("retry", "http_429", _retry_after(headers))
        if status >= 500:
            return Failure("retry", f"http_{status}")
        return Failure("final", str(code or f"http_{status}"))
    if isinstance(exc, aiohttp.ClientConnectorError | aiohttp.ConnectionTimeoutError):
        return Failure("retry", "connect")  # no connection: the request never left
    if isinstance(exc, TimeoutError):
        return Failure("unsure", "timeout")
    if isinstance(exc, aiohttp.ServerDisconnectedError | aiohttp.ClientPayloadError):
        return Failure("unsure", "disconnected")
    if isinstance(exc, aiohttp.ClientError):
        return Failure("unsure", type(exc).__name__)
    return Failure("final", type(exc).__name__)


def _retry_after(headers: Mapping[str, Any]) -> float:
    for key, value in headers.items():
        if str(key).lower() == "retry-after":
            raw = value[0] if isinstance(value, list | tuple) and value else value
            try:
                return max(0.0, float(str(raw)))
            except ValueError:
                break
    return 1.0  # Slack always sends it; if not, wait a second


@dataclass
class Handled:
    """One request the bot is handling: what the `request` log line and failure logs say."""

    surface: str  # command | mention | dm | action | home
    user_id: str | None = None
    channel_id: str | None = None
    text: str | None = None  # what was asked: only ever logged when a reply fails
    action: str | None = None  # for clicks: share | feedback | suggestion
    question_id: int | None = None
    fact_id: str | None = None
    answered: bool | None = None  # None: not a question (help, topics, a click)
    delivery: str = "none"  # sent | failed | unconfirmed | abandoned | taken_over | none
    reason: str | None = None  # why it failed or is unconfirmed (classify's reason)
    in_flight: bool = False  # an attempt is out: Slack may have the reply already
    attempts: int = 0
    started: float = field(default_factory=time.perf_counter)

    def note(self, question_id: int | None, fact_id: str | None) -> None:
        """Record what the reply was: a logged question (answered or not), or not a question."""
        self.question_id = question_id
        self.fact_id = fact_id
        self.answered = None if question_id is None else fact_id is not None

    def question_for_log(self) -> str:
        text = self.text or ""
        return text if len(text) <= LOGGED_QUESTION_MAX else text[:LOGGED_QUESTION_MAX] + "…"


class Delivery:
    """Sends replies under one retry policy and tracks the work in flight."""

    def __init__(self, policy: RetryPolicy | None = None) -> None:
        self.policy = policy or RetryPolicy()
        self._active: set[asyncio.Task[Any]] = set()
        self._idle = asyncio.Event()
        self._idle.set()
        self._session: aiohttp.ClientSession | None = None

    # ------------------------------------------------------------ connections

    def http_session(self) -> aiohttp.ClientSession:
        """The one HTTP session for Slack (made on first use, inside the event loop)."""

        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(total=self.policy.timeout),
                connector=aiohttp.TCPConnector(keepalive_timeout=KEEPALIVE_SECONDS),
            )
        return self._session

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    # ------------------------------------------------------------ work in flight

    @property
    def in_flight(self) -> int:
        return len(self._active)

    @contextlib.asynccontextmanager
    async def handling(
        self,
        surface: str,
        *,
        user_id: str | None = None,
        channel_id: str | None = None,
        text: str | None = None,
        action: str | None = None,
    ) -> AsyncIterator[Handled]:
        """Track one request from its listener's start to its reply, then log it in one line."""
        handled = Handled(surface, user_id, channel_id, text, action)
        task = asyncio.current_task()
        if task is not None:
            self._active.add(task)
            self._idle.clear()
        outcome = "ok"
        try:
            yield handled
        except asyncio.CancelledError:
            outcome = "abandoned"
            if handled.delivery == "none":
                handled.delivery = "abandoned"
                logger.error(
                    "reply_abandoned %s question=%r",
                    logfmt(
                        surface=surface,
                        question_id=handled.question_id,
                        user=user_id,
                        channel=channel_id,
                    ),
                    handled.question_for_log(),
                )
            raise
        except Exception:
            outcome = "error"
            raise
        finally:
            if task is not None:
                self._active.discard(task)
                if not self._active:
                    self._idle.set()
            _log_request(handled, outcome)

    async def drain(self, timeout: float) -> int:
        """Let the work in flight finish for up to `timeout` s, then cancel the rest.

        Returns how many were cancelled; each logs `reply_abandoned` with its question.
        """
        if self._active:
            logger.info("draining in_flight=%d timeout_s=%.1f", len(self._active), timeout)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._idle.wait(), timeout)
        left = list(self._active)
        for task in left:
            task.cancel()
        if left:
            await asyncio.gather(*left, return_exceptions=True)
        return len(left)

    # ------------------------------------------------------------ sending

    async def send(
        self,
        handled: Handled | None,
        call: Callable[[], Awaitable[T]],
        *,
        what: str,
        idempotent: bool = False,
        expected: frozenset[str] = frozenset(),
        raise_on_failure: bool = False,
        guard: Callable[[], Awaitable[bool]] | None = None,
    ) -> T | None:
        """Make one call to Slack under the retry rules; None if it finally failed (logged).

        Slack error codes in `expected` are raised to the caller, which handles them
        (say `not_in_channel` on "Share"), instead of being logged as failures. With
        `raise_on_failure` the last error is raised instead of logged (the digest
        runner records failures itself). With `guard`, each attempt is made only if
        it says yes (the reply's claim is still ours); if not, nothing more is sent.
        """
        policy = self.policy
        for attempt in range(1, policy.attempts + 1):
            if guard is not None and not await guard():
                logger.warning("reply_taken_over %s", logfmt(what=what, attempt=attempt))
                if handled is not None:
                    handled.delivery, handled.attempts = "taken_over", attempt - 1
                return None
            try:
                if handled is not None:
                    handled.in_flight = True  # stays set if this task is cancelled meanwhile
                result = await call()
            except Exception as exc:
                if handled is not None:
                    handled.in_flight = False
                failure = classify(exc)
                if failure.kind == "final" and failure.reason in expected:
                    raise
                again = failure.kind == "retry" or (failure.kind == "unsure" and idempotent)
                wait = failure.retry_after
                if again and attempt < policy.attempts and (wait or 0) <= policy.max_retry_after:
                    delay = (
                        policy.backoff(attempt - 1)
                        if wait is None
                        else wait + random.uniform(0, 0.25)
                    )
                    logger.warning(
                        "slack_retry %s",
                        logfmt(what=what, attempt=attempt, reason=failure.reason, wait_s=delay),
                    )
                    await policy.sleep(delay)
                    continue
                if raise_on_failure:
                    raise
                self._give_up(handled, what, attempt, failure, exc)
                return None
            if handled is not None:
                handled.delivery, handled.attempts, handled.in_flight = "sent", attempt, False
            return result
        raise AssertionError("unreachable: the last attempt returns or gives up")

    def _give_up(
        self,
        handled: Handled | None,
        what: str,
        attempts: int,
        failure: Failure,
        exc: BaseException,
    ) -> None:
        unsure = failure.kind == "unsure"
        fields = logfmt(what=what, attempts=attempts, reason=failure.reason)
        if handled is None:
            logger.error("slack_call_failed %s", fields, exc_info=exc if not unsure else None)
            return
        handled.delivery, handled.attempts = ("unconfirmed" if unsure else "failed"), attempts
        handled.reason = failure.reason
        where = logfmt(
            surface=handled.surface,
            question_id=handled.question_id,
            user=handled.user_id,
            channel=handled.channel_id,
        )
        if unsure:
            # Not sent again: Slack may have posted it, and a second copy is worse.
            logger.warning(
                "reply_unconfirmed %s %s question=%r", fields, where, handled.question_for_log()
            )
        else:
            logger.error(
                "reply_failed %s %s question=%r", fields, where, handled.question_for_log()
            )

    async def respond(
        self,
        handled: Handled | None,
        response_url: object,
        message: Mapping[str, Any],
        *,
        idempotent: bool = False,
        guard: Callable[[], Awaitable[bool]] | None = None,
    ) -> bool:
        """Post to a response_url (slash commands, clicks); True once Slack accepted it.

        `idempotent` for messages that do the same however often they arrive
        (`delete_original`), which may then be re-sent after a timeout too. `guard`
        as for `send`.
        """

        if not isinstance(response_url, str) or not response_url:
            if handled is not None:
                handled.delivery, handled.reason = "failed", "no_response_url"
            logger.error("reply_failed what=response_url reason=no_response_url")
            return False
        body = {k: v for k, v in message.items() if v is not None}

        async def post() -> int:
            client = AsyncWebhookClient(
                response_url,
                session=self.http_session(),
                retry_handlers=[],  # every retry is ours (see the module docstring)
            )
            response = await client.send_dict(body)
            if response.status_code != 200:
                raise ResponseUrlRefused(response.status_code, response.body, response.headers)
            return response.status_code

        sent = await self.send(
            handled, post, what="response_url", idempotent=idempotent, guard=guard
        )
        return sent is not None


def _log_request(handled: Handled, outcome: str) -> None:
    """The one structured line per handled request (never the question's text)."""
    latency_ms = (time.perf_counter() - handled.started) * 1000
    answered = None if handled.answered is None else ("yes" if handled.answered else "no")
    fields = logfmt(
        surface=handled.surface,
        action=handled.action,
        user=handled.user_id,
        channel=handled.channel_id,
        question_id=handled.question_id,
        answered=answered,
        fact_id=handled.fact_id,
        delivery=handled.delivery,
        attempts=handled.attempts or None,
        outcome=outcome,
        latency_ms=round(latency_ms, 1),
    )
    clean = outcome == "ok" and handled.delivery in ("sent", "none")
    request_logger.log(logging.INFO if clean else logging.WARNING, "request %s", fields)
