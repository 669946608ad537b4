"""Run the bot in the mode the settings call for: Socket Mode, HTTP or the console.

`run` is what `python -m bot` calls. `serve` is the async body of the two Slack
modes; tests call it directly with a stop event and a `ready` callback, which
is the same code path the process runs, minus signal handling.

Signals: SIGTERM (what platforms send on deploy) and SIGINT stop the bot
gracefully: it stops taking new work (the HTTP socket or the Socket Mode
connection closes), lets the replies in flight finish for up to
`SHUTDOWN_GRACE` seconds, stops the digest scheduler between two channels,
and only then gives up its worker lock (bot.storage.workers) and closes the
database, and exits 0. Until that lock is free no other worker takes over a reply
this one is still sending. SIGHUP reloads the fact base (bot.services.admin).

A worker that lost its lock for good (PostgreSQL: its connection ended and the
lock could not be taken back) stops the same way, sending nothing more, and exits 1.

Several workers may share one PostgreSQL database (bot.services.cluster): the
digest scheduler posts only while its worker holds the leader lock, and every
worker follows the others' reloads.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import itertools
import json
import logging
import signal
import sqlite3
import sys
from collections.abc import Awaitable, Callable
from functools import partial

import aiohttp
from aiohttp import WSMessage, WSMsgType
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError

from bot.console import run_console
from bot.core.factbase import FactBase, FactBaseError
from bot.core.text import warm_patterns
from bot.engine import Matcher
from bot.services.admin import reload_facts
from bot.services.cluster import DIGEST_LEADER, follow_reloads, lead_digests
from bot.services.delivery import RetryPolicy, one_client
from bot.services.deps import Deps, freeze_long_lived_objects, open_deps
from bot.services.digest_runner import DigestRunner, slack_poster, workspace_publishers
from bot.services.logs import install_redaction
from bot.services.outbox import admit, keep_answering
from bot.settings import Settings
from bot.slack.app import build_app
from bot.slack.oauth import INSTALL_PATH, OAuthPages, admit_if_installed, team_clients
from bot.slack.server import EVENTS_PATH, HttpEdge, HttpLimits
from bot.slack.work import CAPACITY, WORKERS, AnswerQueue
from bot.storage.db import DatabaseUnavailable

logger = logging.getLogger(__name__)

#: Seconds the replies in flight get to finish once no new work can arrive. With
#: HttpLimits.shutdown_timeout (2 s) before it, the bot exits within 10 s of SIGTERM:
#: platforms kill a process 10 to 30 s after sending it.
SHUTDOWN_GRACE = 7.0
#: Seconds start-up keeps trying to reach Slack (`python -m bot run --wait-for-slack`).
#: Under a minute, since some platforms give a web process 60 s to open its port.
SLACK_WAIT = 30.0
SLACK_BACKOFF_FIRST = 0.5
SLACK_BACKOFF_MAX = 8.0


def run(settings: Settings, *, wait_for_slack: float | None = None) -> int:
    """Pick the mode from the settings and run until stopped; the process exit code.

    Every way start-up can fail that is not a bug ends in one sentence on stderr
    that says what to fix, and exit code 2: a bad fact base, a database folder
    that does not exist, Slack unreachable (after `wait_for_slack` seconds of
    retries) or refusing the token, the port in use.
    """
    install_redaction(settings)
    if settings.mode == "console":
        return run_console(settings)
    problem = settings.db_folder_problem()
    if problem is not None:
        print(f"factbot: {problem}", file=sys.stderr)
        return 2
    wait = SLACK_WAIT if wait_for_slack is None else wait_for_slack
    try:
        asyncio.run(serve(settings, wait_for_slack=wait))
    except FactBaseError as exc:
        print(
            f"factbot: the fact base has problems (run `python -m bot lint`):\n{exc}",
            file=sys.stderr,
        )
        return 2
    except StartupError as exc:
        print(f"factbot: {exc}", file=sys.stderr)
        return 2
    except DatabaseUnavailable as exc:
        logger.debug("database_failed", exc_info=exc)
        print(f"factbot: {settings.database_name}: {exc}.", file=sys.stderr)
        return 2
    except sqlite3.Error as exc:
        logger.debug("database_failed", exc_info=exc)
        print(
            f"factbot: the database FACTBOT_DB={settings.db_path} cannot be used ({exc}): "
            "point FACTBOT_DB at a writable SQLite file.",
            file=sys.stderr,
        )
        return 2
    except SocketModeDisabled as exc:
        print(f"factbot: {exc}", file=sys.stderr)
        return 1
    except WorkerLost:
        return 1  # `worker_lock_lost` said why, in one line
    except KeyboardInterrupt:
        pass
    return 0


class StartupError(Exception):
    """Start-up cannot go on; the message is one sentence that says what to fix."""


class SocketModeDisabled(Exception):
    """Slack closed the socket because Socket Mode was turned off for the app."""


class WorkerLost(Exception):
    """This worker lost its lock for good: the others may be sending its replies (logged)."""


async def serve(
    settings: Settings,
    *,
    stop: asyncio.Event | None = None,
    ready: Callable[[int | None], None] | None = None,
    base: FactBase | None = None,
    matcher: Matcher | None = None,
    retry: RetryPolicy | None = None,
    grace: float = SHUTDOWN_GRACE,
    wait_for_slack: float = SLACK_WAIT,
    limits: HttpLimits | None = None,
    workers: int = WORKERS,
    capacity: int = CAPACITY,
    workspaces: bool = False,
) -> None:
    """Open the dependencies, build the app, serve until `stop` is set, unwind.

    `ready` is called once the bot can take requests: with the HTTP port in HTTP
    mode (useful with PORT=0), with None in Socket Mode. Without `stop`, serve()
    owns the process: its signals drive it (SIGTERM/SIGINT stop, SIGHUP reloads
    the facts) and the long-lived objects are frozen out of the cyclic GC.
    `grace` bounds the shutdown; `retry` is the reply retry policy (tests record
    its waits instead of waiting), and its `sleep` also paces the retries of
    start-up while Slack is unreachable, for up to `wait_for_slack` seconds.
    `limits`, `workers` and `capacity` size the HTTP edge and its answer queue.
    `workspaces`: serve several Slack workspaces, each request in its own (`Deps`).
    """

    loop = asyncio.get_running_loop()
    own_signals = stop is None
    if stop is None:
        stop = _stop_on_signals()
    http = settings.mode == "http"
    # Installed through OAuth, every request belongs to its own workspace.
    workspaces = workspaces or settings.multi_workspace
    lost = False  # the worker lock, for good: exit 1 once unwound
    async with open_deps(
        settings, base=base, matcher=matcher, retry=retry, workspaces=workspaces
    ) as deps:
        # In HTTP mode the edge acks and the answer queue's workers run each request
        # to its end, so bolt's dispatch returns when the answer is sent; the edge
        # has checked the signature (bolt's own check would fail a request that
        # waited in the queue longer than Slack's 5-minute window).
        app = build_app(settings, deps, process_before_response=http, edge_verified=http)
        sleep = (retry or RetryPolicy()).sleep
        multi = settings.multi_workspace  # no token of its own: each workspace's is stored
        if not multi and not await _check_bot_token(
            app, stop, settings, wait_for=wait_for_slack, sleep=sleep
        ):
            logger.info("shutdown_complete abandoned=0")
            return
        warm_patterns()  # every reading pattern and its ASCII copy now: no reply waits on one
        if own_signals:  # serve() owns the process (not a test): tune its garbage collector
            freeze_long_lived_objects()
        reloads = _reload_on_sighup(deps) if own_signals else set()
        # Several workspaces: the digests and the replies owed after a crash go out with
        # each workspace's own token; one workspace: with the app's client.
        client_for = (
            team_clients(
                settings,
                deps.store,
                policy=deps.delivery.policy,
                session=deps.delivery.http_session(),
            )
            if multi
            else one_client(app.client)
        )

        digests = DigestRunner(
            lambda: deps.base,
            deps.store,
            settings.tz,
            slack_poster(app.client, deps.delivery),
            clock=deps.clock,
            publisher_for=workspace_publishers(client_for, deps.delivery) if multi else None,
        )
        work = AnswerQueue(app.async_dispatch, workers=workers, capacity=capacity)
        worker_gone = asyncio.create_task(
            _stop_when_worker_gone(deps, stop), name="worker-lock-watch"
        )
        scheduler = asyncio.create_task(_lead_digests(digests, deps, stop), name="digest-scheduler")
        following = asyncio.create_task(follow_reloads(deps, stop), name="facts-follow")
        # From start-up on: answer what a dead process acknowledged but never answered.
        recovery = asyncio.create_task(keep_answering(deps, client_for, stop), name="outbox")
        try:
            if settings.mode == "socket":
                await _socket_mode(app, settings, stop, ready)
            elif http:
                work.start()
                await _http(app, deps, settings, work, stop, ready, limits)
            else:
                raise ValueError("serve() runs the Slack modes; the console has run_console()")
        finally:
            # No new work arrives any more: the server or the socket is closed.
            stop.set()
            deadline = loop.time() + grace
            if own_signals:
                with contextlib.suppress(NotImplementedError, RuntimeError, AttributeError):
                    loop.remove_signal_handler(signal.SIGHUP)
            logger.info(
                "shutdown_started in_flight=%d queued=%d", deps.delivery.in_flight, work.pending
            )
            await work.join(max(0.0, deadline - loop.time()))
            abandoned = await deps.delivery.drain(max(0.0, deadline - loop.time()))
            abandoned += await work.close()
            recovery.cancel()  # what it had not sent stays in the outbox for the next start
            await asyncio.gather(recovery, return_exceptions=True)
            for task in (*reloads, following):
                task.cancel()
            await asyncio.gather(following, return_exceptions=True)
            try:
                await asyncio.wait_for(scheduler, max(0.1, deadline - loop.time()))
            except TimeoutError:
                logger.warning("digest_scheduler_cancelled reason=shutdown_grace")
            lost = worker_gone.done() and not worker_gone.cancelled()
            worker_gone.cancel()
            await asyncio.gather(worker_gone, return_exceptions=True)
            logger.info("shutdown_complete abandoned=%d", abandoned)
            # Leaving open_deps gives up the worker lock: only now, with the replies ended.
    if lost:
        raise WorkerLost()


async def _stop_when_worker_gone(deps: Deps, stop: asyncio.Event) -> None:
    """Stop the worker once it lost its lock for good (bot.storage.workers)."""
    await deps.store.until_worker_gone()
    stop.set()


async def _lead_digests(digests: DigestRunner, deps: Deps, stop: asyncio.Event) -> None:
    """The digest scheduler, under the leader lock (released when it returns)."""
    async with deps.store.leader_lock(DIGEST_LEADER) as lock:
        await lead_digests(digests, lock, stop)


#: Slack's answers to auth.test that no amount of waiting changes.
_TRANSIENT_STATUS = frozenset({429, 500, 502, 503, 504})


async def _check_bot_token(
    app: AsyncApp,
    stop: asyncio.Event,
    settings: Settings,
    *,
    wait_for: float,
    sleep: Callable[[float], Awaitable[None]],
) -> bool:
    """Ask Slack who the bot is before taking any work; False if told to stop meanwhile.

    A refused token ends start-up in one sentence (StartupError); without this a
    wrong token shows up only when the first request fails. While Slack cannot be
    reached (no network yet, DNS, a 5xx or 429), start-up retries with exponential
    backoff (0.5 s, 1 s, 2 s, ... at most 8 s apart) for up to `wait_for` seconds,
    one WARNING line per attempt, then gives up in one sentence.
    """

    loop = asyncio.get_running_loop()
    deadline = loop.time() + wait_for
    for attempt in itertools.count(1):
        try:
            identity = await app.client.auth_test()
            break
        except SlackApiError as exc:
            if exc.response.status_code not in _TRANSIENT_STATUS:
                error = exc.response.get("error")
                raise StartupError(
                    f"Slack refused SLACK_BOT_TOKEN ({error}): copy the Bot User OAuth Token "
                    "from the app's OAuth & Permissions page."
                ) from None
            reason = f"HTTP {exc.response.status_code}"
        except (aiohttp.ClientError, OSError, TimeoutError) as exc:
            reason = _short_reason(exc)
        left = deadline - loop.time()
        if left <= 0:
            raise StartupError(
                f"Slack did not answer at {settings.slack_api_url} for {wait_for:g} s "
                f"({reason}): check the network connection and SLACK_API_URL."
            )
        delay = min(left, SLACK_BACKOFF_MAX, SLACK_BACKOFF_FIRST * 2 ** (attempt - 1))
        logger.warning(
            "slack_unreachable attempt=%d reason=%s retry_in_s=%.1f", attempt, reason, delay
        )
        if await _stopped_during(stop, sleep(delay)):
            return False
    logger.info(
        "slack_identity team_id=%s bot_user_id=%s bot_id=%s",
        identity.get("team_id"),
        identity.get("user_id"),
        identity.get("bot_id"),
    )
    return True


def _short_reason(exc: BaseException) -> str:
    """What went wrong reaching Slack, in a few words for one log line or sentence."""
    if isinstance(exc, aiohttp.ClientConnectorError):
        return f"cannot connect to {exc.host}:{exc.port}: {exc.os_error.strerror or exc.os_error}"
    if isinstance(exc, TimeoutError):
        return "no answer within the timeout"
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "..."


async def _stopped_during(stop: asyncio.Event, wait: Awaitable[None]) -> bool:
    """Run `wait` unless `stop` is set first; True if it was."""
    waiting = asyncio.ensure_future(wait)
    stopping = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({waiting, stopping}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in (waiting, stopping):
            task.cancel()
        await asyncio.gather(waiting, stopping, return_exceptions=True)
    return stop.is_set()


def _stop_on_signals() -> asyncio.Event:
    """An event set by SIGTERM (what platforms send) or SIGINT (Ctrl-C)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()

    def on_signal(name: str) -> None:
        logger.info("signal_received signal=%s", name)
        stop.set()

    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):  # not on Windows
            loop.add_signal_handler(sig, on_signal, sig.name)
    return stop


def _reload_on_sighup(deps: Deps) -> set[asyncio.Task[None]]:
    """SIGHUP reloads the fact base; returns the set of reloads running (for shutdown)."""

    loop = asyncio.get_running_loop()
    running: set[asyncio.Task[None]] = set()

    async def reload() -> None:
        try:
            await reload_facts(deps, by="SIGHUP")
        except Exception:
            logger.exception("facts_reload_failed by=SIGHUP")

    def on_hup() -> None:
        logger.info("signal_received signal=SIGHUP")
        task = loop.create_task(reload(), name="facts-reload")
        running.add(task)
        task.add_done_callback(running.discard)

    sighup = getattr(signal, "SIGHUP", None)
    if sighup is not None:
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sighup, on_hup)
    return running


async def _http(
    app: AsyncApp,
    deps: Deps,
    settings: Settings,
    work: AnswerQueue,
    stop: asyncio.Event,
    ready: Callable[[int | None], None] | None,
    limits: HttpLimits | None,
) -> None:
    assert settings.signing_secret
    multi = settings.multi_workspace
    admit_with = admit_if_installed if multi else partial(admit, workspaces=deps.workspaces)
    # The edge writes each question's outbox row under this worker's lock, taken first: the
    # lock lives with the bot's store, given up once serve() has drained the replies.
    await deps.store.hold_worker_lock()
    edge = HttpEdge(
        settings.signing_secret,
        work,
        app.async_dispatch,
        admit=partial(admit_with, deps.store),
        admit_with=admit_with,
        oauth_settings=settings if multi else None,
        oauth=OAuthPages(settings, deps.store) if multi else None,
        db_path=settings.database,
        liveness=deps.store.liveness,
        host="0.0.0.0",
        port=settings.port,
        limits=limits,
    )
    try:
        port = await edge.start()
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise StartupError(
                f"PORT {settings.port} is in use by another program: stop it, or set PORT "
                "to a free port."
            ) from None
        raise StartupError(
            f"cannot listen on PORT {settings.port} ({exc.strerror or exc}): set PORT to "
            "a port this user may open (1024 or above)."
        ) from None
    try:
        logger.info(
            "http_listening port=%d path=%s workers=%d capacity=%d",
            port,
            EVENTS_PATH,
            work.workers,
            work.capacity,
        )
        if multi:
            logger.info("oauth_pages install=%s", INSTALL_PATH)
        if ready is not None:
            ready(port)
        await stop.wait()
        logger.info("http_stopping")
    finally:
        await edge.stop()


async def _socket_mode(
    app: AsyncApp,
    settings: Settings,
    stop: asyncio.Event,
    ready: Callable[[int | None], None] | None,
) -> None:
    assert settings.app_token
    # The socket client shares the app's Web API client, so apps.connections.open
    # goes to SLACK_API_URL too; it sends the app token for that one call.
    handler = AsyncSocketModeHandler(app, app_token=settings.app_token, web_client=app.client)
    disabled = False

    async def watch_for_link_disabled(message: WSMessage) -> None:
        """The SDK reconnects after every `disconnect`; after `link_disabled` that would
        loop forever (Socket Mode is off for the app), so stop and say why instead."""
        nonlocal disabled
        if message.type != WSMsgType.TEXT or '"link_disabled"' not in message.data:
            return
        frame = json.loads(message.data)
        if frame.get("type") == "disconnect" and frame.get("reason") == "link_disabled":
            logger.error("socket_mode_disabled reason=link_disabled")
            disabled = True
            stop.set()

    handler.client.on_message_listeners.append(watch_for_link_disabled)
    try:
        await handler.connect_async()  # type: ignore[no-untyped-call]
        logger.info("socket_mode_connected")
        if ready is not None:
            ready(None)
        await stop.wait()
        logger.info("socket_mode_stopping")
    finally:
        await handler.close_async()  # type: ignore[no-untyped-call]
    if disabled:
        raise SocketModeDisabled(
            "Slack turned Socket Mode off for this app (link_disabled): turn it back on in the "
            "app settings, or run HTTP mode."
        )
