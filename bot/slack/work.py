"""Answer work after the ack: a bounded queue served by a fixed number of workers.

The HTTP edge (`bot.slack.server`) acks a slash command, an event or a click the
moment it has checked it, and hands the request over here. Each worker takes one
request at a time and runs it through bolt to the end (the app is built with
`process_before_response=True`: dispatch returns when the listener has replied).
So at most `workers` answers are ever in progress on the bot's event loop,
whatever arrives: a burst queues instead of piling thousands of half-done
answers onto the loop, where every step of every answer (and every reply's HTTP
call, which would then time out) waits behind all the others.

`reserve` and `hand_over` are called from the edge's thread; they only count and
hand the request over to the bot's loop. When `capacity` requests are already
admitted and not finished, `reserve` refuses: the edge then answers "busy" instead
of queueing more work than the bot can do in reasonable time (see
`bot.slack.server`).

At shutdown, `join` lets the queue empty for the grace period and `close`
cancels the workers and logs each request that was acked but never started
(`answer_abandoned`, with its ids), so nothing acked disappears without a line.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from slack_bolt.async_app import AsyncBoltRequest
from slack_bolt.response import BoltResponse

from bot.services.logs import logfmt

logger = logging.getLogger(__name__)

#: Answers in progress at once. Enough to overlap the waits of an answer (SQLite,
#: the reply's HTTP call) with other answers' CPU; few enough that the loop's queue
#: of ready steps stays short (bench/load_http.py).
WORKERS = 16
#: Requests admitted and not yet finished. At about 1 ms of CPU an answer, a full
#: queue is a couple of seconds of work; beyond it the bot says it is busy.
CAPACITY = 2000

Dispatch = Callable[[AsyncBoltRequest], Awaitable[BoltResponse]]


@dataclass(slots=True)
class Job:
    """One acked request waiting for, or getting, its answer."""

    request: AsyncBoltRequest
    kind: str  # command | event | action
    admitted: float = field(default_factory=time.monotonic)


class AnswerQueue:
    """A bounded queue of acked requests, answered by `workers` tasks on the bot's loop."""

    def __init__(
        self, dispatch: Dispatch, *, workers: int = WORKERS, capacity: int = CAPACITY
    ) -> None:
        if workers < 1 or capacity < 1:
            raise ValueError("an answer queue needs at least one worker and room for one job")
        self.workers = workers
        self.capacity = capacity
        self._dispatch = dispatch
        self._lock = threading.Lock()  # reserve() and hand_over() run on the edge's thread
        self._pending = 0  # admitted and not finished
        self._closed = False
        self._inbox: list[Job] = []  # handed over, not yet on the loop
        self._wake_pending = False
        self._jobs: asyncio.Queue[Job] = asyncio.Queue()
        self._running: dict[asyncio.Task[None], Job | None] = {}
        self._idle = asyncio.Event()
        self._idle.set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self.shed = 0  # requests refused because the queue was full
        self.answered = 0

    # ------------------------------------------------------------ the bot's loop

    def start(self) -> None:
        """Start the workers on the running loop (the bot's)."""
        self._loop = asyncio.get_running_loop()
        for n in range(self.workers):
            task = self._loop.create_task(self._work(), name=f"answer-worker-{n}")
            self._running[task] = None

    @property
    def pending(self) -> int:
        """Requests admitted and not finished: waiting or being answered."""
        return self._pending

    async def _work(self) -> None:
        task = asyncio.current_task()
        assert task is not None
        while True:
            job = await self._jobs.get()
            self._running[task] = job
            try:
                response = await self._dispatch(job.request)
                if response.status >= 400:
                    # bolt's own warning (unhandled request) or our error boundary said why.
                    logger.debug("answer_status status=%d %s", response.status, describe(job))
            except Exception:  # noqa: BLE001 - a worker outlives any one request
                logger.exception("answer_failed %s", describe(job))
            finally:
                self._running[task] = None
                self.answered += 1
                self._finished()

    def _finished(self) -> None:
        with self._lock:
            self._pending -= 1
            idle = self._pending == 0
        if idle:
            self._idle.set()

    async def join(self, timeout: float) -> bool:
        """Wait up to `timeout` s for every admitted request to be answered; True if all were."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._idle.wait(), timeout)
        return self._pending == 0

    async def close(self) -> int:
        """Admit nothing more, cancel the workers, log the requests never started; their count.

        A request being answered when its worker is cancelled logs its own
        `reply_abandoned` (bot.services.delivery); one still waiting in the queue
        logs `answer_abandoned` here.
        """
        with self._lock:
            self._closed = True
        for task in self._running:
            task.cancel()
        if self._running:
            await asyncio.gather(*self._running, return_exceptions=True)
        self._running.clear()
        with self._lock:
            unseen, self._inbox = self._inbox, []
        waiting: list[Job] = []
        while not self._jobs.empty():
            waiting.append(self._jobs.get_nowait())
        for job in [*waiting, *unseen]:
            logger.error("answer_abandoned %s", describe(job))
        return len(waiting) + len(unseen)

    # ------------------------------------------------------------ any thread

    def reserve(self) -> bool:
        """Room for one more request? True counts it as admitted (the caller then hands it
        over, or gives the seat back); False (the queue is full) counts it as shed.

        Safe to call from any thread. The edge reserves before it records a question,
        so a request refused as busy leaves no outbox row behind (one would be answered
        later, after "busy", or make Slack's retry of the event look answered already).
        """
        with self._lock:
            if self._closed or self._pending >= self.capacity:
                self.shed += 1
                return False
            self._pending += 1
            return True

    def give_back(self) -> None:
        """A reserved seat not used after all (a duplicate, or the record failed)."""
        loop = self._require_loop()
        if _on_loop(loop):
            self._finished()
        else:
            loop.call_soon_threadsafe(self._finished)

    def hand_over(self, request: AsyncBoltRequest, kind: str) -> None:
        """Queue `request`, for which a seat was reserved, for its answer.

        Safe to call from any thread. Jobs handed over from another thread reach the
        bot's loop in batches: one wake-up of that loop for all the jobs handed over
        since the last one, not one per job.
        """
        loop = self._require_loop()
        job = Job(request, kind)
        with self._lock:
            self._inbox.append(job)
            wake = not self._wake_pending
            self._wake_pending = True
        if wake:
            if _on_loop(loop):
                self._admit()
            else:
                loop.call_soon_threadsafe(self._admit)

    def _require_loop(self) -> asyncio.AbstractEventLoop:
        if self._loop is None:
            raise RuntimeError("AnswerQueue.start() was not called")
        return self._loop

    def _admit(self) -> None:
        with self._lock:
            jobs, self._inbox = self._inbox, []
            self._wake_pending = False
        if jobs:
            self._idle.clear()
        for job in jobs:
            self._jobs.put_nowait(job)


def _on_loop(loop: asyncio.AbstractEventLoop) -> bool:
    try:
        return asyncio.get_running_loop() is loop
    except RuntimeError:
        return False


def describe(job: Job) -> str:
    """The ids that locate a request in Slack and in the logs (never its text)."""
    body: dict[str, Any] = job.request.body
    event = body.get("event") if isinstance(body.get("event"), dict) else None
    user = body.get("user")
    channel = body.get("channel")
    fields: dict[str, Any] = {"kind": job.kind}
    if job.kind == "command":
        fields.update(command=body.get("command"), user=body.get("user_id"))
        fields["channel"] = body.get("channel_id")
    elif event is not None:
        fields.update(event=event.get("type"), event_id=body.get("event_id"))
        fields.update(user=event.get("user"), channel=event.get("channel"))
    else:
        fields["user"] = user.get("id") if isinstance(user, dict) else None
        fields["channel"] = channel.get("id") if isinstance(channel, dict) else None
    fields["waited_s"] = round(time.monotonic() - job.admitted, 3)
    return logfmt(**{k: v if isinstance(v, str | int | float) else None for k, v in fields.items()})
