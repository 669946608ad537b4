"""Several HTTP workers on one PostgreSQL database, behaving as one bot.

* `lead_digests`: the digest scheduler of every worker runs, but only the one that
  holds the `digest-scheduler` leader lock (`Store.leader_lock`) posts; the others
  try to take the lock every `LEADER_POLL` seconds, so when the leader dies another
  takes over within a few seconds. The claims (`Store.claim_digest`) would keep a
  digest single anyway: leadership keeps the other workers from even trying.
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
    """The scheduler: while this worker holds `lock`, post what is due, nap, repeat."""
    loop = asyncio.get_running_loop()
    leading = False
    due_at = loop.time()  # when run_due should next run, while leading
    while not stop.is_set():
        nap = poll
        try:
            now_leading = await lock.lead()
            if now_leading and not leading:
                logger.info("leader_acquired name=%s", lock.name)
                due_at = loop.time()
            elif leading and not now_leading:
                logger.warning("leader_lost name=%s", lock.name)
            leading = now_leading
            if leading and loop.time() >= due_at:
                await runner.run_due(stop=stop)
                due_at = loop.time() + await runner.seconds_until_next()
            if leading:
                nap = max(0.0, min(poll, due_at - loop.time()))
        except Exception:
            logger.exception("digest_scheduler_error")
            due_at = loop.time() + MAX_NAP
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=nap)
    if leading:
        logger.info("leader_released name=%s", lock.name)


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
