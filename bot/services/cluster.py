"""Several HTTP workers on one PostgreSQL database, behaving as one bot.

* `lead_digests`: the digest scheduler of every worker runs, but only the one that
  holds the `digest-scheduler` leader lock (`Store.leader_lock`) posts; the others
  try to take the lock every `LEADER_POLL` seconds, so when the leader dies another
  takes over within a few seconds. The claims (`Store.claim_digest`) would keep a
  digest single anyway: leadership keeps the other workers from even trying, and
  keeps one workspace's digests paced. A leader whose lock is lost under it (its
  connection ended) stops before its next post and tries for the lock again.
* `follow_reloads`: every `GENERATION_POLL` seconds each worker reads the facts
  generation (bumped by `/facts reload`, SIGHUP and curation changes on any worker,
  `bot.services.admin.announce_change`) and reloads its fact base when it moved.

Time is a parameter: tests pass short polls and a stop event, never sleep.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from bot.services.admin import reload_facts
from bot.services.deps import Deps
from bot.services.digest_runner import MAX_NAP, DigestRunner
from bot.storage.cluster import LeaderLock

logger = logging.getLogger(__name__)

#: Seconds between two tries at the leader lock (and checks that it is still held).
LEADER_POLL = 5.0
#: Seconds between two looks at the facts generation.
GENERATION_POLL = 3.0
#: The leader lock the digest scheduler runs under.
DIGEST_LEADER = "digest-scheduler"


async def lead_digests(
    runner: DigestRunner, lock: LeaderLock, stop: asyncio.Event, *, poll: float = LEADER_POLL
) -> None:
    """The scheduler: while this worker holds `lock`, post what is due, nap, repeat.

    A lead may end under it (the lock's connection ended: `LeaderLock.until_lost`). Then
    the run in progress finishes the channel in hand and posts no other (it stops before
    its next channel, as on shutdown), the nap ends, and the worker tries for the lock
    again like any follower.
    """
    loop = asyncio.get_running_loop()
    term: _Term | None = None  # while leading
    due_at = loop.time()  # when run_due should next run, while leading
    try:
        while not stop.is_set():
            nap = poll
            try:
                now_leading = await lock.lead()
                if term is not None and (term.lost or not now_leading):
                    if not term.lost:  # (a lead lost under it was logged then)
                        logger.warning("leader_lost name=%s worker=%s", lock.name, runner.worker)
                    term.close()
                    term = None
                if now_leading and term is None:
                    logger.info("leader_acquired name=%s worker=%s", lock.name, runner.worker)
                    term = _Term(lock, stop, runner.worker)
                    due_at = loop.time()
                if term is not None and loop.time() >= due_at:
                    await runner.run_due(stop=term.over)
                    due_at = loop.time() + await runner.seconds_until_next()
                if term is not None:
                    nap = max(0.0, min(poll, due_at - loop.time()))
            except Exception:
                logger.exception("digest_scheduler_error")
                due_at = loop.time() + MAX_NAP
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for((stop if term is None else term.over).wait(), timeout=nap)
        if term is not None and not term.lost:
            logger.info("leader_released name=%s worker=%s", lock.name, runner.worker)
    finally:
        if term is not None:
            term.close()


class _Term:
    """One spell of leading. `over` is set when it ends: on `stop`, or at once when the
    lead is lost under it (then `lost`, and one WARNING line, `leader_lost`)."""

    def __init__(self, lock: LeaderLock, stop: asyncio.Event, worker: str) -> None:
        self.over = asyncio.Event()
        self.lost = False
        self._watch = asyncio.create_task(self._until_over(lock, stop, worker))

    async def _until_over(self, lock: LeaderLock, stop: asyncio.Event, worker: str) -> None:
        lost = asyncio.create_task(lock.until_lost())
        stopped = asyncio.create_task(stop.wait())
        try:
            await asyncio.wait((lost, stopped), return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (lost, stopped):
                task.cancel()
        if lost.done() and not lost.cancelled() and lost.exception() is None:
            self.lost = True
            logger.warning(
                "leader_lost name=%s worker=%s reason=connection_lost", lock.name, worker
            )
        self.over.set()

    def close(self) -> None:
        self._watch.cancel()


async def catch_up(deps: Deps) -> bool:
    """Reload the fact base if another worker changed it since; whether it reloaded."""
    generation = await deps.store.facts_generation()
    if generation == deps.facts.cluster_generation:
        return False
    logger.info("facts_generation_moved seen=%d now=%d", deps.facts.cluster_generation, generation)
    outcome = await reload_facts(deps, by="cluster", announce=False)
    return outcome.ok


async def follow_reloads(deps: Deps, stop: asyncio.Event, *, poll: float = GENERATION_POLL) -> None:
    """Every `poll` seconds until `stop`, `catch_up` with the other workers."""
    while not stop.is_set():
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=poll)
        if stop.is_set():
            break
        try:
            await catch_up(deps)
        except Exception:
            logger.exception("facts_follow_failed")
