"""Run the bot in the mode the settings call for: Socket Mode, HTTP or the console.

`run` is what `python -m bot` calls. `serve` is the async body of the two Slack
modes; tests call it directly with a stop event and a `ready` callback, which
is the same code path the process runs, minus signal handling.

Signals: SIGTERM (what platforms send on deploy) and SIGINT stop the bot
gracefully: it stops taking new work (the HTTP socket or the Socket Mode
connection closes), lets the replies in flight finish for up to
`SHUTDOWN_GRACE` seconds, stops the digest scheduler between two channels,
closes the database and exits 0. SIGHUP reloads the fact base (bot.services.admin).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import signal
import sys
from collections.abc import Callable

from aiohttp import WSMessage, WSMsgType, web
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError

from bot.console import run_console
from bot.core.factbase import FactBase, FactBaseError
from bot.matching import Matcher
from bot.services.admin import reload_facts
from bot.services.delivery import RetryPolicy
from bot.services.deps import Deps, freeze_long_lived_objects, open_deps
from bot.services.digest_runner import DigestRunner, slack_poster
from bot.services.logs import install_redaction
from bot.services.outbox import keep_answering
from bot.settings import Settings
from bot.slack.app import build_app
from bot.slack.server import EVENTS_PATH, make_web_app

logger = logging.getLogger(__name__)

#: Seconds the replies in flight get to finish once no new work can arrive. With
#: HTTP_SHUTDOWN_TIMEOUT before it, the bot exits within 10 s of SIGTERM: platforms
#: kill a process 10 to 30 s after sending it.
SHUTDOWN_GRACE = 7.0
#: How long the HTTP server waits for requests it is still reading or acking.
HTTP_SHUTDOWN_TIMEOUT = 2.0


def run(settings: Settings) -> int:
    """Pick the mode from the settings and run until stopped; the process exit code."""
    install_redaction(settings)
    if settings.mode == "console":
        return run_console(settings)
    try:
        asyncio.run(serve(settings))
    except FactBaseError as exc:
        print(
            f"factbot: the fact base has problems (run `python -m bot lint`):\n{exc}",
            file=sys.stderr,
        )
        return 2
    except StartupError as exc:
        print(f"factbot: {exc}", file=sys.stderr)
        return 2
    except SocketModeDisabled as exc:
        print(f"factbot: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        pass
    return 0


class StartupError(Exception):
    """Slack refused the configuration; the message says which setting to fix."""


class SocketModeDisabled(Exception):
    """Slack closed the socket because Socket Mode was turned off for the app."""


async def serve(
    settings: Settings,
    *,
    stop: asyncio.Event | None = None,
    ready: Callable[[int | None], None] | None = None,
    base: FactBase | None = None,
    matcher: Matcher | None = None,
    retry: RetryPolicy | None = None,
    grace: float = SHUTDOWN_GRACE,
) -> None:
    """Open the dependencies, build the app, serve until `stop` is set, unwind.

    `ready` is called once the bot can take requests: with the HTTP port in HTTP
    mode (useful with PORT=0), with None in Socket Mode. Without `stop`, serve()
    owns the process: its signals drive it (SIGTERM/SIGINT stop, SIGHUP reloads
    the facts) and the long-lived objects are frozen out of the cyclic GC.
    `grace` bounds the shutdown; `retry` is the reply retry policy (tests record
    its waits instead of waiting).
    """

    loop = asyncio.get_running_loop()
    own_signals = stop is None
    if stop is None:
        stop = _stop_on_signals()
    async with open_deps(settings, base=base, matcher=matcher, retry=retry) as deps:
        app = build_app(settings, deps)
        await _check_bot_token(app)
        if own_signals:  # serve() owns the process (not a test): tune its garbage collector
            freeze_long_lived_objects()
        reloads = _reload_on_sighup(deps) if own_signals else set()
        digests = DigestRunner(
            lambda: deps.base,
            deps.store,
            settings.tz,
            slack_poster(app.client, deps.delivery),
            clock=deps.clock,
        )
        scheduler = asyncio.create_task(digests.run_forever(stop), name="digest-scheduler")
        # From start-up on: answer what a dead process acknowledged but never answered.
        recovery = asyncio.create_task(keep_answering(deps, app.client, stop), name="outbox")
        try:
            if settings.mode == "socket":
                await _socket_mode(app, settings, stop, ready)
            elif settings.mode == "http":
                await _http(app, settings, stop, ready)
            else:
                raise ValueError("serve() runs the Slack modes; the console has run_console()")
        finally:
            # No new work arrives any more: the server or the socket is closed.
            stop.set()
            deadline = loop.time() + grace
            if own_signals:
                with contextlib.suppress(NotImplementedError, RuntimeError, AttributeError):
                    loop.remove_signal_handler(signal.SIGHUP)
            logger.info("shutdown_started in_flight=%d", deps.delivery.in_flight)
            abandoned = await deps.delivery.drain(max(0.0, deadline - loop.time()))
            recovery.cancel()  # what it had not sent stays in the outbox for the next start
            await asyncio.gather(recovery, return_exceptions=True)
            for task in reloads:
                task.cancel()
            try:
                await asyncio.wait_for(scheduler, max(0.1, deadline - loop.time()))
            except TimeoutError:
                logger.warning("digest_scheduler_cancelled reason=shutdown_grace")
            logger.info("shutdown_complete abandoned=%d", abandoned)


async def _check_bot_token(app: AsyncApp) -> None:
    """Fail at start-up, in one sentence, when Slack refuses the bot token.

    Without this a wrong token shows up only when the first request fails.
    """

    try:
        identity = await app.client.auth_test()
    except SlackApiError as exc:
        error = exc.response.get("error")
        raise StartupError(
            f"Slack refused SLACK_BOT_TOKEN ({error}): copy the Bot User OAuth Token "
            "from the app's OAuth & Permissions page."
        ) from None
    logger.info(
        "slack_identity team_id=%s bot_user_id=%s bot_id=%s",
        identity.get("team_id"),
        identity.get("user_id"),
        identity.get("bot_id"),
    )


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
    settings: Settings,
    stop: asyncio.Event,
    ready: Callable[[int | None], None] | None,
) -> None:
    assert settings.signing_secret
    runner = web.AppRunner(
        make_web_app(app, settings.signing_secret),
        shutdown_timeout=HTTP_SHUTDOWN_TIMEOUT,
        access_log=None,  # each handled request writes one `request` line (bot.services.delivery)
    )
    await runner.setup()
    try:
        site = web.TCPSite(runner, host="0.0.0.0", port=settings.port)
        await site.start()
        port = int(runner.addresses[0][1])
        logger.info("http_listening port=%d path=%s", port, EVENTS_PATH)
        if ready is not None:
            ready(port)
        await stop.wait()
        logger.info("http_stopping")
    finally:
        await runner.cleanup()


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
