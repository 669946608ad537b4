"""The local console: try the bot without Slack, from a terminal or a pipe.

    python -m bot                       # no Slack tokens: a prompt
    echo "law 27-14?" | python -m bot   # answers and exits

Plain lines are treated like a direct message to the bot; `/facts ...` lines like
the slash command. Each reply goes through the same code as in Slack and is
printed as the text of what the bot would post (buttons shown as [Label]).
Questions are logged to an in-memory database, so the console never writes a
file a newcomer did not ask for. With FACTBOT_DB set explicitly, the console
uses that database instead: what curators taught is served, and what is taught
here (`teach <fact-id> <question>`) is kept; its digest scheduler then stays off,
so the console never claims a channel's digest from the bot sharing the file.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
from typing import TextIO

from bot.core.factbase import FactBase, FactBaseError, load_factbase
from bot.core.i18n import COMMAND
from bot.core.records import Where
from bot.core.usertext import clean
from bot.engine import Matcher
from bot.render.blocks import Message, to_text
from bot.services.deps import Deps, open_deps
from bot.services.digest_runner import DigestRunner
from bot.services.replies import reply_to
from bot.settings import Settings

QUIT = frozenset({"quit", "exit", ":q"})
BANNER = """\
factbot console: ask a question about rule-of-law cooperation with Morocco,
or type `/facts help`. Ctrl-D or `quit` leaves.
(Slack is not connected: set SLACK_BOT_TOKEN with SLACK_APP_TOKEN or
SLACK_SIGNING_SECRET to run in Slack; see docs/slack.md.)
"""


def run_console(
    settings: Settings,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    base: FactBase | None = None,
    matcher: Matcher | None = None,
) -> int:
    """Answer lines from `stdin` until it ends; 0 on a clean end, 2 on a bad fact base.

    `base` and `matcher` let tests reuse a loaded fact base.
    """
    stdin = stdin if stdin is not None else sys.stdin
    stdout = stdout if stdout is not None else sys.stdout
    if settings.log_level != "DEBUG":
        # The per-question INFO lines are for operators; here they would drown the answers.
        logging.getLogger("bot").setLevel(logging.WARNING)
    try:
        base = base if base is not None else load_factbase(settings.facts_dir)
    except FactBaseError as exc:
        print(
            f"factbot: the fact base has problems (run `python -m bot lint`):\n{exc}",
            file=sys.stderr,
        )
        return 2
    try:
        asyncio.run(_loop(settings, base, matcher, stdin, stdout))
    except KeyboardInterrupt:
        stdout.write("\n")
    return 0


async def _loop(
    settings: Settings, base: FactBase, matcher: Matcher | None, stdin: TextIO, stdout: TextIO
) -> None:
    interactive = stdin.isatty()
    if interactive:
        stdout.write(BANNER)
    shared = settings.db_from_env  # FACTBOT_DB set: the curators' database, not a scratch one
    db_path = None if shared else ":memory:"
    async with open_deps(settings, base=base, matcher=matcher, db_path=db_path) as deps:

        async def print_digest(channel: str, message: Message) -> str | None:
            """The console's "channel": digests that fall due while it runs are printed."""
            stdout.write(to_text(message) + "\n\n")
            stdout.flush()
            return None

        stop = asyncio.Event()
        digests = DigestRunner(deps.base, deps.store, settings.tz, print_digest, clock=deps.clock)
        scheduler = (
            None
            if shared
            else asyncio.create_task(digests.run_forever(stop), name="digest-scheduler")
        )
        try:
            await _read_eval_print(deps, stdin, stdout, interactive)
        finally:
            stop.set()
            if scheduler is not None:
                await scheduler


class LineReader:
    """Lines of `stdin`, one per `readline()`, read on a daemon thread of its own.

    Reading in a thread lets the digest scheduler run while the prompt waits. Not
    the loop's default executor: on Ctrl-C, asyncio.run waits for that executor's
    threads, and one blocked reading the terminal would hold the exit until Enter.
    A daemon thread is left behind, so Ctrl-C ends the console at once. Only one
    line is read per call, so nothing after `quit` is consumed.
    """

    def __init__(self, stdin: TextIO) -> None:
        self._stdin = stdin
        self._wanted = threading.Semaphore(0)
        self._lines: asyncio.Queue[str] = asyncio.Queue()
        self._loop = asyncio.get_running_loop()
        self._thread = threading.Thread(target=self._read, name="console-stdin", daemon=True)
        self._thread.start()

    async def readline(self) -> str:
        self._wanted.release()
        return await self._lines.get()

    def _read(self) -> None:
        while True:
            self._wanted.acquire()
            try:
                line = self._stdin.readline()
            except (OSError, ValueError):  # stdin closed under us
                line = ""
            try:
                self._loop.call_soon_threadsafe(self._lines.put_nowait, line)
            except RuntimeError:  # the loop has closed: the console is over
                return
            if not line:
                return


async def _read_eval_print(deps: Deps, stdin: TextIO, stdout: TextIO, interactive: bool) -> None:
    reader = LineReader(stdin)
    while True:
        if interactive:
            stdout.write("\n> ")
            stdout.flush()
        line = await reader.readline()
        if not line:
            break
        text = clean(line)
        if not text:
            continue
        if text.lower() in QUIT:
            break
        if text.split()[0].lower() == COMMAND:
            reply = await reply_to(
                deps,
                text[len(COMMAND) :].strip(),
                Where("console"),
                strict=True,
                shareable=True,
                echo_question=True,
                logged=False,
            )
        else:
            reply = await reply_to(deps, text, Where("console"), strict=False, logged=False)
        stdout.write(to_text(reply.message) + "\n")
        if not interactive:
            stdout.write("\n")
        stdout.flush()
