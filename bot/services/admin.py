"""Admin commands: who is an admin, reloading the fact base, and usage statistics.

An admin is a Slack user listed in FACTBOT_ADMINS, or a workspace admin or owner
according to Slack's `users.info` (remembered for ADMIN_TTL, so a busy admin costs
one lookup every few minutes). Someone at the local console is an admin.

`reload_facts` loads and lints the fact base on disk and builds its matcher in a
worker thread, then swaps both in at once (`bot.services.deps.FactsHolder`). A fact base
with lint errors is refused and the last good one keeps serving. `/facts reload`
and SIGHUP both come here.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from bot.storage.sqlite import Clock, DayStats

if TYPE_CHECKING:
    from slack_sdk.web.async_client import AsyncWebClient

    from bot.services.subcommands import Reload, ShowStats
    from bot.services.deps import Deps
    from bot.core.factbase import Problem
    from bot.render.blocks import Message
    from bot.services.replies import Where

logger = logging.getLogger(__name__)

#: How long a users.info answer (admin or not) is trusted.
ADMIN_TTL = timedelta(minutes=10)
#: How long a failed users.info lookup counts as "not an admin" before asking again.
ADMIN_ERROR_TTL = timedelta(minutes=1)
#: Problems listed in a refused reload; the rest are counted.
PROBLEMS_SHOWN = 15
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


class Admins:
    """Decides who may run admin commands; remembers Slack's answers for a while."""

    def __init__(self, ids: frozenset[str], *, clock: Clock, ttl: timedelta = ADMIN_TTL) -> None:
        self.ids = ids
        self._clock = clock
        self._ttl = ttl
        self._client: AsyncWebClient | None = None
        self._cache: dict[str, tuple[bool, datetime]] = {}

    def attach(self, client: AsyncWebClient) -> None:
        """Ask this Web API client about workspace admins (the app's client, in Slack modes)."""
        self._client = client

    async def allows(self, where: Where) -> bool:
        if where.surface == "console":  # whoever runs the process owns it
            return True
        user = where.user_id
        if not user:
            return False
        if user in self.ids:
            return True
        if self._client is None:
            return False
        now = self._clock()
        cached = self._cache.get(user)
        if cached is not None and cached[1] > now:
            return cached[0]
        allowed, ttl = await self._ask_slack(self._client, user)
        self._cache[user] = (allowed, now + ttl)
        return allowed

    async def _ask_slack(self, client: AsyncWebClient, user: str) -> tuple[bool, timedelta]:
        import aiohttp
        from slack_sdk.errors import SlackApiError

        from bot.services.delivery import classify

        try:
            response = await client.users_info(user=user)
        except SlackApiError as exc:
            # missing_scope: the app was installed before users:read was added to the manifest.
            logger.warning("admin_lookup_failed user=%s error=%s", user, classify(exc).reason)
            return False, ADMIN_ERROR_TTL
        except (aiohttp.ClientError, TimeoutError) as exc:
            logger.warning("admin_lookup_failed user=%s error=%s", user, type(exc).__name__)
            return False, ADMIN_ERROR_TTL
        profile = response.get("user")
        allowed = isinstance(profile, dict) and any(
            profile.get(flag) is True for flag in ("is_admin", "is_owner", "is_primary_owner")
        )
        logger.info("admin_lookup user=%s admin=%s", user, allowed)
        return allowed, self._ttl


# ------------------------------------------------------------------ reload


@dataclass(frozen=True, slots=True)
class ReloadOutcome:
    ok: bool
    generation: int  # of the fact base serving now
    facts: int  # facts serving now
    problems: tuple[Problem, ...] = ()
    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    seconds: float = 0.0


async def reload_facts(deps: Deps, *, by: str) -> ReloadOutcome:
    """Load, lint and index the fact base on disk; swap it in only if it is clean.

    Reloads never overlap: a second one waits for the first, then loads again.
    """
    from bot.services.deps import freeze_long_lived_objects
    from bot.core.digest import fingerprint
    from bot.core.factbase import check_factbase
    from bot.matching import Matcher

    holder = deps.facts
    async with holder.reloading:
        started = time.perf_counter()
        old = holder.current
        base, problems = await asyncio.to_thread(check_factbase, deps.settings.facts_dir)
        if problems:
            logger.warning(
                "facts_reload_refused by=%s problems=%d serving_generation=%d facts=%d",
                by,
                len(problems),
                old.generation,
                len(old.base.facts),
            )
            for problem in problems[:PROBLEMS_SHOWN]:
                logger.warning("facts_problem %s", problem)
            return ReloadOutcome(
                ok=False,
                generation=old.generation,
                facts=len(old.base.facts),
                problems=tuple(problems),
                seconds=time.perf_counter() - started,
            )
        matcher = await asyncio.to_thread(Matcher, base)
        new = holder.swap(base, matcher)
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


# ------------------------------------------------------------------ stats


@dataclass(frozen=True, slots=True)
class UsageStats:
    days: tuple[DayStats, ...]  # oldest first
    unanswered: tuple[tuple[str, int], ...]  # question, times asked; most asked first
    tz_name: str

    @property
    def asked(self) -> int:
        return sum(d.asked for d in self.days)

    @property
    def answered(self) -> int:
        return sum(d.answered for d in self.days)

    @property
    def helpful(self) -> int:
        return sum(d.helpful for d in self.days)

    @property
    def not_helpful(self) -> int:
        return sum(d.not_helpful for d in self.days)


def day_windows(now: datetime, days: int, tz_name: str) -> list[tuple[str, datetime, datetime]]:
    """The last `days` local days, today included: (YYYY-MM-DD, start, end) oldest first.

    Bounds are local midnights, so a day is 23 or 25 hours long across a DST change.
    """
    from zoneinfo import ZoneInfo

    tz = ZoneInfo(tz_name)
    today = now.astimezone(tz).date()
    windows = []
    for back in range(days - 1, -1, -1):
        day = today - timedelta(days=back)
        windows.append((day.isoformat(), _midnight(day, tz), _midnight(day + timedelta(1), tz)))
    return windows


def _midnight(day: date, tz: Any) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=tz)


async def gather_stats(deps: Deps, days: int) -> UsageStats:
    windows = day_windows(deps.clock(), days, deps.settings.tz_name)
    per_day = await deps.store.daily_stats(windows)
    unanswered = await deps.store.unanswered_since(windows[0][1], windows[-1][2])
    return UsageStats(tuple(per_day), tuple(unanswered[:TOP_UNANSWERED]), deps.settings.tz_name)


# ------------------------------------------------------------------ replies


async def admin_reply(deps: Deps, command: Reload | ShowStats, where: Where) -> Message:
    """The reply to `/facts reload` or `/facts stats`: the work for an admin, else a refusal."""
    from bot.services.subcommands import Reload
    from bot.render.blocks import render_notice

    name = "reload" if isinstance(command, Reload) else "stats"
    if not await deps.admins.allows(where):
        logger.info("admin_refused command=%s user=%s", name, where.user_id)
        return render_notice(NOT_AN_ADMIN.format(name=name))
    if where.surface == "mention":  # the answer would be public in the channel
        return render_notice(PRIVATE_ONLY.format(name=name))
    if isinstance(command, Reload):
        return render_reload(await reload_facts(deps, by=where.user_id or where.surface))
    return render_stats(await gather_stats(deps, command.days))


def render_reload(outcome: ReloadOutcome) -> Message:
    from bot.render.blocks import Message, mrkdwn

    if not outcome.ok:
        n = len(outcome.problems)
        lines = [
            f"*Reload refused*: the fact base on disk has {n} problem{'s' if n != 1 else ''} "
            f"(`python -m bot lint` lists them). I am still serving the last good fact base "
            f"({outcome.facts} facts).",
        ]
        lines += [f"• {mrkdwn(str(p), 280)}" for p in outcome.problems[:PROBLEMS_SHOWN]]
        if n > PROBLEMS_SHOWN:
            lines.append(f"…and {n - PROBLEMS_SHOWN} more.")
        return Message(text=mrkdwn(f"Reload refused: {n} problems", 300), blocks=_sections(lines))
    changes = (
        f"{len(outcome.added)} added, {len(outcome.changed)} changed, "
        f"{len(outcome.removed)} removed"
    )
    text = (
        f"*Reloaded*: {outcome.facts} facts ({changes}) in {outcome.seconds:.1f} s. "
        "New questions get the new fact base now."
    )
    details = []
    for label, ids in (
        ("Added", outcome.added),
        ("Changed", outcome.changed),
        ("Removed", outcome.removed),
    ):
        if ids:
            shown = ", ".join(f"`{mrkdwn(i, 80)}`" for i in ids[:20])
            details.append(f"{label}: {shown}" + (" …" if len(ids) > 20 else ""))
    return Message(
        text=f"Reloaded: {outcome.facts} facts ({changes})", blocks=_sections([text, *details])
    )


def render_stats(stats: UsageStats) -> Message:
    from bot.render.blocks import Message, mrkdwn

    n = len(stats.days)
    asked = stats.asked
    head = (
        f"*factbot over the last {n} day{'s' if n != 1 else ''}* ({mrkdwn(stats.tz_name, 60)}): "
        f"{asked} question{'s' if asked != 1 else ''}, "
        f"{stats.answered} answered ({_rate(stats.answered, asked)}); "
        f"votes: {stats.helpful} helpful, {stats.not_helpful} not helpful."
    )
    rows = [f"{'day':<10}  {'asked':>5}  {'answered':>8}  {'rate':>4}  {'helpful':>7}  {'not':>4}"]
    rows += [
        f"{d.day:<10}  {d.asked:>5}  {d.answered:>8}  {_rate(d.answered, d.asked):>4}  "
        f"{d.helpful:>7}  {d.not_helpful:>4}"
        for d in stats.days
    ]
    lines = [head, "```\n" + "\n".join(rows) + "\n```"]
    if stats.unanswered:
        lines.append("*Top unanswered questions*")
        lines += [f"• {mrkdwn(q, 200)} ({count}×)" for q, count in stats.unanswered]
    else:
        lines.append("No unanswered questions in this period.")
    summary = f"factbot, last {n} days: {asked} questions, {_rate(stats.answered, asked)} answered"
    return Message(text=summary, blocks=_sections(lines))


def _rate(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "-"


def _sections(lines: list[str]) -> list[dict[str, Any]]:
    """Pack lines into as few sections as fit Slack's 3,000-character section limit."""
    from bot.render.blocks import SECTION_TEXT_MAX, slack_len

    blocks: list[dict[str, Any]] = []
    chunk = ""
    for line in lines:
        candidate = f"{chunk}\n{line}" if chunk else line
        if chunk and slack_len(candidate) > SECTION_TEXT_MAX:
            blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": chunk}})
            chunk = line
        else:
            chunk = candidate
    if chunk:
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": chunk}})
    return blocks
