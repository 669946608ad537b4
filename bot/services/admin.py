"""Admin commands: reloading the fact base, and usage statistics.

`reload_facts` loads and lints the fact base on disk and builds its matcher in a
worker thread, then swaps both in at once (`bot.services.deps.FactsHolder`). A fact base
with lint errors is refused and the last good one keeps serving. `/facts reload`
and SIGHUP both come here. Who may run them is `bot.services.admins`.

A reload on one worker reaches every worker sharing the database: it bumps the
facts generation (`announce_change`, also called by curation changes), and the
others reload when they see it move (`bot.services.cluster`).
"""

from __future__ import annotations

import asyncio
import gc
import logging
import time
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.core.curation import apply_curation, question_key
from bot.core.digest import fingerprint
from bot.core.factbase import check_factbase
from bot.core.records import ReloadOutcome, UsageStats, Where
from bot.engine import Matcher
from bot.render.admin import render_stats
from bot.render.blocks import Message, render_notice
from bot.services.deps import Deps, freeze_long_lived_objects

logger = logging.getLogger(__name__)

#: Problems logged for a refused reload; the rest are counted.
PROBLEMS_LOGGED = 15
#: Unanswered questions listed by /facts stats.
TOP_UNANSWERED = 10

NOT_AN_ADMIN = (
    "Sorry, `/facts {name}` is for factbot admins: the people listed in `FACTBOT_ADMINS` and "
    "the workspace's admins and owners. Ask one of them if you need it."
)
PRIVATE_ONLY = (
    "Admin commands answer privately: use `/facts {name}` (only you will see the answer) or "
    "send it to me in a direct message."
)


async def announce_change(deps: Deps, seen: int, by: str, *, fresh: bool) -> None:
    """Tell the other workers that the fact base changed: they reload (bot.services.cluster).

    `seen` is the facts generation read before the change was built. This worker
    counts as up to date only if nobody changed anything meanwhile and, unless
    `fresh` (a whole reload, which read everything again), it had caught up with
    `seen` before; otherwise its next look at the generation reloads it.
    """
    holder = deps.facts
    new = await deps.store.bump_facts_generation(by)
    if new == seen + 1 and (fresh or holder.cluster_generation == seen):
        holder.cluster_generation = new


async def reload_facts(deps: Deps, *, by: str, announce: bool = True) -> ReloadOutcome:
    """Load, lint and index the fact base on disk; swap it in only if it is clean.

    Reloads never overlap: a second one waits for the first, then loads again. With
    `announce` (`/facts reload`, SIGHUP), every other worker reloads too; without
    (a worker following another's reload), this one is up to date afterwards.
    """

    holder = deps.facts
    async with holder.reloading:
        started = time.perf_counter()
        old = holder.current
        seen = await deps.store.facts_generation()
        base, problems = await asyncio.to_thread(check_factbase, deps.settings.facts_dir)
        if problems:
            logger.warning(
                "facts_reload_refused by=%s problems=%d serving_generation=%d facts=%d",
                by,
                len(problems),
                old.generation,
                len(old.base.facts),
            )
            for problem in problems[:PROBLEMS_LOGGED]:
                logger.warning("facts_problem %s", problem)
            if not announce:  # not again every few seconds: the next announced reload will
                holder.cluster_generation = seen
            return ReloadOutcome(
                ok=False,
                generation=old.generation,
                facts=len(old.base.facts),
                problems=tuple(problems),
                seconds=time.perf_counter() - started,
            )
        base = apply_curation(base, await deps.store.curation())  # what was taught from Slack
        matcher = await asyncio.to_thread(Matcher, base)
        new = holder.swap(base, matcher)
        if announce:
            await announce_change(deps, seen, by, fresh=True)
        else:
            holder.cluster_generation = seen
        if gc.get_freeze_count():  # the server froze the old base: do the same for the new
            freeze_long_lived_objects()
        before = {f.id: fingerprint(f) for f in old.base.facts}
        after = {f.id: fingerprint(f) for f in base.facts}
        outcome = ReloadOutcome(
            ok=True,
            generation=new.generation,
            facts=len(base.facts),
            added=tuple(sorted(after.keys() - before.keys())),
            changed=tuple(sorted(k for k in after.keys() & before.keys() if after[k] != before[k])),
            removed=tuple(sorted(before.keys() - after.keys())),
            seconds=time.perf_counter() - started,
        )
        logger.info(
            "facts_reloaded by=%s generation=%d facts=%d added=%d changed=%d removed=%d"
            " took_ms=%.0f",
            by,
            outcome.generation,
            outcome.facts,
            len(outcome.added),
            len(outcome.changed),
            len(outcome.removed),
            outcome.seconds * 1000,
        )
        return outcome


def day_windows(now: datetime, days: int, tz_name: str) -> list[tuple[str, datetime, datetime]]:
    """The last `days` local days, today included: (YYYY-MM-DD, start, end) oldest first.

    Bounds are local midnights, so a day is 23 or 25 hours long across a DST change.
    """

    tz = ZoneInfo(tz_name)
    today = now.astimezone(tz).date()
    windows = []
    for back in range(days - 1, -1, -1):
        day = today - timedelta(days=back)
        windows.append((day.isoformat(), _midnight(day, tz), _midnight(day + timedelta(1), tz)))
    return windows


def _midnight(day: date, tz: Any) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=tz)


async def gather_stats(deps: Deps, days: int, where: Where) -> UsageStats:
    """The workspace's figures over its last `days` local days (its own time zone)."""
    tz_name = (await deps.workspace(where)).tz_name
    store = deps.store_for(where)
    windows = day_windows(deps.clock(), days, tz_name)
    since, until = windows[0][1], windows[-1][2]
    per_day = await store.daily_stats(windows)
    unanswered = await store.unanswered_since(since, until)
    marks = await deps.store.review_marks()  # known gaps are counted, not listed again
    unanswered = [
        (q, n)
        for q, n in unanswered
        if (mark := marks.get(question_key(q))) is None or mark.verdict != "gap"
    ]
    return UsageStats(
        tuple(per_day),
        tuple(unanswered[:TOP_UNANSWERED]),
        tz_name,
        known_gaps=await deps.store.known_gaps(),
        undelivered=tuple(await store.reply_troubles(since, until)),
        replies_waiting=await store.replies_waiting(),
    )


async def refusal(deps: Deps, name: str, where: Where) -> Message | None:
    """Why `where` may not run admin command `name` in its workspace, or None when it may.

    Curation (the one fact base's) has its own: `bot.services.curation.curation_refusal`."""
    if not await deps.admins.is_workspace_admin(where):
        logger.info("admin_refused command=%s user=%s", name, where.user_id)
        return render_notice(NOT_AN_ADMIN.format(name=name))
    if where.surface == "mention":  # the answer would be public in the channel
        return render_notice(PRIVATE_ONLY.format(name=name))
    return None


async def run_stats(deps: Deps, days: int, where: Where) -> Message:
    """`/facts stats [days]`: the figures for an admin, else a refusal."""
    refused = await refusal(deps, "stats", where)
    if refused is not None:
        return refused
    return render_stats(await gather_stats(deps, days, where))
