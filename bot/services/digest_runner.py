"""Posting the daily digests: exactly once per channel and day, whatever happens.

`DigestRunner.run_due(now)` is the whole algorithm; the in-process scheduler
(`run_forever`) and `python -m bot digest --run-once` both call it. Posting is
a function passed in (Slack's chat.postMessage, or the console's stdout), and
time is a parameter, so tests drive it with an injected clock and never sleep.

Exactly once: before posting, a runner claims the channel-day row in SQLite
(`Store.claim_digest`, one atomic statement, so two processes on one database
cannot both win). A post that fails is marked failed and claimed again on a
later run within the grace window; a claim whose process died is taken over
after a lease. A channel Slack will not let us post to pauses its subscription.

Just before posting, the runner records its intent (`begin_digest_post`) and
tags the post with Slack message metadata (`factbot_digest`, the day and the
channel). A process killed after Slack took the post but before the row said so
leaves that intent behind; whoever takes the claim over first reads the channel
back (conversations.history since the intent) and, if the tagged post is there,
records it instead of posting a second one.

Time is a parameter throughout: `run_due(now)` judges slots, leases and intents
from `now`, so `python -m bot digest --run-once --now T` behaves as at T.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import logging
import os
import socket
import traceback
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, Protocol, runtime_checkable
from zoneinfo import ZoneInfo

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.web.async_slack_response import AsyncSlackResponse

from bot.core.curation import overdue_facts
from bot.core.digest import (
    GRACE,
    CuratorNotes,
    Digest,
    compose_digest,
    due_day,
    fingerprint,
    next_slot,
    parse_hhmm,
)
from bot.core.factbase import FactBase
from bot.core.grammar import DigestCommand
from bot.core.records import Clock, DigestPost, Subscription, Where
from bot.core.text import escape_mrkdwn
from bot.render.blocks import Message, render_notice
from bot.render.digest import render_digest, render_digest_status
from bot.services.delivery import ClientFor, Delivery, classify
from bot.services.deps import Deps
from bot.storage.store import Store

logger = logging.getLogger(__name__)

DEFAULT_TIME = "09:00"
#: Seconds between two channels' posts: Slack allows about one message a second per
#: channel and a few hundred a minute per workspace.
DEFAULT_PACE = 0.2
#: The scheduler never sleeps longer than this, so failed posts are retried promptly.
MAX_NAP = 60.0
#: Slack errors that no retry can fix: the channel is gone, archived, or closed to us.
PERMANENT_ERRORS = frozenset(
    {
        "not_in_channel",
        "channel_not_found",
        "is_archived",
        "restricted_action",
        "cannot_dm_bot",
        "user_disabled",
        "account_inactive",
        "invalid_auth",
        "not_authed",
        "missing_scope",
        "team_access_not_granted",
        "ekm_access_denied",
    }
)


#: The message metadata event type that tags a digest (with its day and channel).
DIGEST_EVENT = "factbot_digest"
#: The channel is read back from this long before the recorded intent: Slack's clock
#: and ours may differ a little, and a digest is matched by its tag, not by its time.
CLOCK_SKEW = timedelta(minutes=5)
#: conversations.history pages (of HISTORY_PAGE messages) read when looking for a digest.
HISTORY_PAGES = 10
HISTORY_PAGE = 200


def digest_metadata(channel: str, day: str) -> dict[str, Any]:
    """The Slack message metadata a digest is posted with: it finds the post again."""
    return {"event_type": DIGEST_EVENT, "event_payload": {"day": day, "channel": channel}}


class PostUnconfirmed(Exception):
    """The post may have reached Slack (it timed out after sending): never post it again."""


class PostFailed(Exception):
    """A post Slack refused; `permanent` when retrying cannot help."""

    def __init__(self, code: str, *, permanent: bool) -> None:
        super().__init__(code)
        self.code = code
        self.permanent = permanent


class CannotLook(Exception):
    """This publisher cannot read a channel back (the console prints; a test records)."""


Poster = Callable[[str, Message], Awaitable[str | None]]
#: A workspace's own publisher (team_id, enterprise_id), posting with that workspace's
#: token; None when the workspace has no installation (its digests wait).
PublisherFor = Callable[[str, str], Awaitable["Publisher | None"]]


@runtime_checkable
class Publisher(Protocol):
    """Posts digests tagged with metadata, and finds a tagged post again."""

    async def post(
        self, channel: str, message: Message, metadata: Mapping[str, Any]
    ) -> str | None: ...

    async def find(
        self, channel: str, metadata: Mapping[str, Any], since: datetime
    ) -> str | None: ...


class _Plain:
    """A plain poster (a function) as a Publisher that posts untagged and cannot look."""

    def __init__(self, post: Poster) -> None:
        self._post = post

    async def post(self, channel: str, message: Message, metadata: Mapping[str, Any]) -> str | None:
        return await self._post(channel, message)

    async def find(self, channel: str, metadata: Mapping[str, Any], since: datetime) -> str | None:
        raise CannotLook(channel)


@dataclass(frozen=True, slots=True)
class Outcome:
    channel_id: str
    day: date
    status: str  # "posted" | "failed" | "paused" | "skipped"
    detail: str = ""


def worker_name() -> str:
    """Who holds a claim: host and process, so a log line says which process posted."""
    return f"{socket.gethostname()}:{os.getpid()}"


class DigestRunner:
    def __init__(
        self,
        base: FactBase | Callable[[], FactBase],
        store: Store,
        tz: ZoneInfo,
        post: Poster | Publisher,
        *,
        clock: Clock,
        worker: str | None = None,
        pace: float = DEFAULT_PACE,
        grace: timedelta = GRACE,
        publisher_for: PublisherFor | None = None,
    ) -> None:
        self._base = base
        self.store = store
        self.tz = tz
        self.default_tz = tz  # FACTBOT_TZ: the time zone of a workspace that set none
        self.publisher: Publisher = post if isinstance(post, Publisher) else _Plain(post)
        self.clock = clock
        self.worker = worker or worker_name()
        self.pace = pace
        self.grace = grace
        #: Several workspaces (OAuth): each posts with its own token. None: `post` for all.
        self.publisher_for = publisher_for

    @property
    def base(self) -> FactBase:
        """The fact base to draw from; given a callable, asked each time, so reloads show."""
        return self._base() if callable(self._base) else self._base

    async def for_workspace(self, team_id: str, enterprise_id: str = "") -> DigestRunner:
        """This runner as one workspace's: its rows, and its days in its own time zone."""
        store = self.store.for_team(team_id, enterprise_id)
        tz_name = (await store.workspace_settings()).tz_name
        view = copy.copy(self)
        view.store = store
        view.tz = ZoneInfo(tz_name) if tz_name else self.default_tz
        return view

    # ------------------------------------------------------------ composing

    async def compose(self, channel_id: str, day: date, sub: Subscription | None) -> Digest:
        """The digest this channel would get on `day`, from what the store remembers."""
        _, shown = await self.store.digest_rotation(channel_id)
        last = await self.store.last_digest_posted(channel_id, before_day=day.isoformat())
        changes = None
        if last is not None and last.posted_at is not None:
            changes = await self.store.facts_changed_since(last.posted_at)
        curator = None
        if sub is not None and sub.curators:
            until = datetime.combine(day, time(0), self.tz)
            since = until - timedelta(days=1)
            curator = CuratorNotes(
                unanswered=tuple(await self.store.unanswered_since(since, until)),
                not_helpful=tuple(await self.store.not_helpful_since(since, until)),
                overdue=tuple(overdue_facts(self.base, day, await self.store.review_stamps())),
            )
        return compose_digest(
            self.base.facts,
            channel=channel_id,
            day=day,
            shown_this_cycle=shown,
            changes=changes,
            curator=curator,
            language=sub.language if sub else "en",
        )

    async def preview(self, channel_id: str, now: datetime | None = None) -> Message:
        """The channel's next digest, without posting or remembering anything."""
        now = now or self.clock()
        sub = await self.store.digest_subscription(channel_id)
        at = parse_hhmm(sub.post_at if sub else DEFAULT_TIME) or time(9)
        day = due_day(now, at, self.tz, grace=self.grace) or next_slot(now, at, self.tz).date()
        await self.sync_versions(now)
        return render_digest(await self.compose(channel_id, day, sub), preview=True)

    async def sync_versions(self, now: datetime | None = None) -> None:
        await self.store.sync_fact_versions(
            {f.id: fingerprint(f) for f in self.base.facts}, now=now or self.clock()
        )

    # ------------------------------------------------------------ posting

    async def run_due(
        self, now: datetime | None = None, *, stop: asyncio.Event | None = None
    ) -> list[Outcome]:
        """Post every digest due at `now` that no process has posted yet.

        Every judgment (which slot is due, whether a claim's lease has run out, when
        the intent to post was) is made from `now`. With `stop`, returns early once
        it is set (shutdown), between two channels.
        """
        now = now or self.clock()
        await self.sync_versions(now)
        lanes: dict[tuple[str, str], list[Subscription]] = {}
        for sub in await self.store.active_subscriptions():  # every workspace's
            lanes.setdefault((sub.team_id, sub.enterprise_id), []).append(sub)
        # Slack's rate limits are per workspace: each workspace's digests go one after
        # another, paced; different workspaces do not wait for each other, and one
        # workspace's lane failing neither cancels nor skips another's.
        per_lane = await asyncio.gather(
            *(self._run_lane(team, subs, now, stop) for team, subs in lanes.items()),
            return_exceptions=True,
        )
        outcomes: list[Outcome] = []
        for team_key, lane in zip(lanes, per_lane, strict=True):
            if isinstance(lane, Exception):
                outcomes.append(self._lane_failed(team_key, lane, now))
            elif isinstance(lane, BaseException):
                raise lane  # cancelled (shutdown): not a failure of that workspace
            else:
                outcomes += lane
        return outcomes

    def _lane_failed(self, team_key: tuple[str, str], exc: Exception, now: datetime) -> Outcome:
        """Log a workspace's lane that raised, and say so as one failed outcome.

        The line names the error's type and where it was raised, never its message:
        an error from a Slack client or from reading an installation may carry a token.
        Its digests not posted are tried again on a later run (one it had claimed, once
        the claim's lease runs out).
        """
        frames = traceback.extract_tb(exc.__traceback__)
        where = f"{frames[-1].filename.rsplit('/', 1)[-1]}:{frames[-1].lineno}" if frames else ""
        logger.error(
            "digest_lane_failed team=%s enterprise_id=%s error=%s at=%s",
            team_key[0],
            team_key[1],
            type(exc).__name__,
            where,
        )
        day = now.astimezone(self.tz).date()
        return Outcome("", day, "failed", f"workspace {team_key[0]}: {type(exc).__name__}")

    async def _run_lane(
        self,
        team_key: tuple[str, str],
        subs: list[Subscription],
        now: datetime,
        stop: asyncio.Event | None,
    ) -> list[Outcome]:
        """One workspace's due digests, in channel order, `pace` seconds apart."""
        team = await self.for_workspace(*team_key)
        if self.publisher_for is not None:
            publisher = await self.publisher_for(*team_key)
            if publisher is None:
                logger.warning("digest_no_installation team=%s", team_key[0])
                return []
            team.publisher = publisher
        outcomes: list[Outcome] = []
        for sub in subs:
            if stop is not None and stop.is_set():
                break
            at = parse_hhmm(sub.post_at)
            if at is None:
                continue
            day = due_day(now, at, team.tz, grace=self.grace)
            if day is None:
                continue
            claim = await team.store.claim_digest(
                sub.channel_id, day.isoformat(), self.worker, now=now
            )
            if claim is None:
                continue
            outcome = await team._post_one(sub, day, now, claim)
            outcomes.append(outcome)
            if self.pace and outcome.status == "posted":
                await asyncio.sleep(self.pace)
        return outcomes

    async def _post_one(
        self, sub: Subscription, day: date, now: datetime, claim: DigestPost
    ) -> Outcome:
        channel, key = sub.channel_id, day.isoformat()
        tag = digest_metadata(channel, key)
        try:
            digest = await self.compose(channel, day, sub)
        except Exception as exc:
            await self.store.fail_digest(
                channel, key, self.worker, type(exc).__name__, maybe_posted=True
            )
            logger.exception("digest_failed channel=%s day=%s", channel, key)
            return Outcome(channel, day, "failed", type(exc).__name__)
        if claim.intent_at is not None:
            # An earlier holder was about to post and never said how it went: look first.
            looked = await self._look_for_earlier_post(channel, day, tag, claim.intent_at)
            if isinstance(looked, Outcome):
                return looked
            if looked is not None:
                return await self._record_posted(channel, day, digest, looked or None, now)
        if not await self.store.begin_digest_post(channel, key, self.worker, now=now):
            logger.warning("digest_claim_lost channel=%s day=%s", channel, key)
            return Outcome(channel, day, "failed", "claim_lost")
        try:
            ts = await self.publisher.post(channel, render_digest(digest), tag)
        except PostUnconfirmed as exc:
            # Counted as posted: a second digest would be worse than a missing one.
            logger.warning("digest_unconfirmed channel=%s day=%s error=%s", channel, key, exc)
            ts = None
        except PostFailed as exc:  # Slack said no: nothing was posted
            if exc.permanent:
                await self.store.fail_digest(channel, key, self.worker, exc.code, final=True)
                await self.store.pause_digest(channel, exc.code)
                logger.warning("digest_paused channel=%s day=%s error=%s", channel, key, exc.code)
                return Outcome(channel, day, "paused", exc.code)
            await self.store.fail_digest(channel, key, self.worker, exc.code)
            logger.warning("digest_failed channel=%s day=%s error=%s", channel, key, exc.code)
            return Outcome(channel, day, "failed", exc.code)
        except Exception as exc:  # no answer we understand: it may be in the channel
            await self.store.fail_digest(
                channel, key, self.worker, type(exc).__name__, maybe_posted=True
            )
            logger.exception("digest_failed channel=%s day=%s", channel, key)
            return Outcome(channel, day, "failed", type(exc).__name__)
        return await self._record_posted(channel, day, digest, ts, now)

    async def _look_for_earlier_post(
        self, channel: str, day: date, tag: Mapping[str, Any], intent_at: datetime
    ) -> str | Outcome | None:
        """Did an earlier holder's post reach the channel? Its ts ("" if it cannot be told,
        which counts as posted), None if not, or an Outcome if the channel cannot be read."""
        key = day.isoformat()
        try:
            ts = await self.publisher.find(channel, tag, intent_at - CLOCK_SKEW)
        except CannotLook:
            logger.warning("digest_unverified channel=%s day=%s", channel, key)
            return ""
        except PostFailed as exc:
            # Not knowing, the bot does not post: a second digest is worse than none.
            await self.store.fail_digest(
                channel,
                key,
                self.worker,
                f"unverified:{exc.code}",
                final=exc.permanent,
                maybe_posted=True,
            )
            logger.warning("digest_unverified channel=%s day=%s error=%s", channel, key, exc.code)
            return Outcome(channel, day, "skipped" if exc.permanent else "failed", exc.code)
        except Exception as exc:
            await self.store.fail_digest(
                channel, key, self.worker, f"unverified:{type(exc).__name__}", maybe_posted=True
            )
            logger.exception("digest_unverified channel=%s day=%s", channel, key)
            return Outcome(channel, day, "failed", type(exc).__name__)
        if ts is not None:
            logger.info("digest_found channel=%s day=%s ts=%s", channel, key, ts)
        return ts

    async def _record_posted(
        self, channel: str, day: date, digest: Digest, ts: str | None, now: datetime
    ) -> Outcome:
        key = day.isoformat()
        fotd = digest.fact_of_the_day
        if fotd is not None:
            cycle, _ = await self.store.digest_rotation(channel)
            await self.store.record_shown(
                channel, cycle + 1 if digest.new_cycle else cycle, fotd.id, key
            )
        await self.store.finish_digest(
            channel, key, self.worker, message_ts=ts, fact_id=fotd.id if fotd else None, now=now
        )
        logger.info("digest_posted channel=%s day=%s fact_id=%s", channel, key, fotd and fotd.id)
        return Outcome(channel, day, "posted", ts or "")

    # ------------------------------------------------------------ scheduling

    async def seconds_until_next(self, now: datetime | None = None) -> float:
        """How long the scheduler may sleep: until the next slot, at most MAX_NAP."""
        now = now or self.clock()
        waits = [MAX_NAP]
        for sub in await self.store.active_subscriptions():
            at = parse_hhmm(sub.post_at)
            if at is not None:
                tz = (await self.for_workspace(sub.team_id, sub.enterprise_id)).tz
                waits.append((next_slot(now, at, tz) - now).total_seconds())
        return max(1.0, min(waits))

    async def run_forever(self, stop: asyncio.Event) -> None:
        """The in-process scheduler: run what is due, nap, repeat until `stop`."""
        while not stop.is_set():
            try:
                await self.run_due(stop=stop)
                nap = await self.seconds_until_next()
            except Exception:
                logger.exception("digest_scheduler_error")
                nap = MAX_NAP
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=nap)


class SlackPublisher:
    """Posts digests with chat.postMessage and finds them again with conversations.history,
    retried as `bot.services.delivery` says (429: Retry-After).

    A post that may have gone out (a timeout after sending) raises PostUnconfirmed:
    the runner counts it as posted rather than risk a second digest.
    """

    def __init__(self, client: AsyncWebClient, delivery: Delivery | None = None) -> None:
        self.client = client
        self.sender = delivery or Delivery()

    async def post(self, channel: str, message: Message, metadata: Mapping[str, Any]) -> str | None:
        try:
            response = await self.sender.send(
                None,
                lambda: self.client.chat_postMessage(
                    channel=channel,
                    text=message.text,
                    blocks=message.blocks,
                    unfurl_links=False,
                    unfurl_media=False,
                    metadata=dict(metadata),
                ),
                what="chat.postMessage",
                raise_on_failure=True,
            )
        except SlackApiError as exc:
            raise _refused(exc) from None
        except Exception as exc:
            if classify(exc).kind == "unsure":
                raise PostUnconfirmed(type(exc).__name__) from exc
            raise
        ts = response.get("ts") if response is not None else None
        return str(ts) if ts else None

    async def find(self, channel: str, metadata: Mapping[str, Any], since: datetime) -> str | None:
        """The ts of a message posted in `channel` after `since` carrying `metadata`, or None.

        Raises PostFailed when Slack will not say (no history scope, say), and when the
        channel holds more messages since then than the bot reads back.
        """
        cursor: str | None = None
        for _ in range(HISTORY_PAGES):
            try:
                page = await self.sender.send(
                    None,
                    self._history(channel, since, cursor),
                    what="conversations.history",
                    idempotent=True,
                    raise_on_failure=True,
                )
            except SlackApiError as exc:
                raise _refused(exc) from None
            assert page is not None
            for found in page.get("messages") or []:
                tag = found.get("metadata") or {}
                if (
                    tag.get("event_type") == metadata["event_type"]
                    and tag.get("event_payload") == metadata["event_payload"]
                ):
                    return str(found.get("ts"))
            cursor = (page.get("response_metadata") or {}).get("next_cursor")
            if not page.get("has_more") or not cursor:
                return None
        raise PostFailed("history_too_long", permanent=False)

    def _history(
        self, channel: str, since: datetime, cursor: str | None
    ) -> Callable[[], Awaitable[AsyncSlackResponse]]:
        """One page of the channel since `since`, with every message's metadata."""
        return lambda: self.client.conversations_history(
            channel=channel,
            oldest=f"{since.timestamp():.6f}",
            include_all_metadata=True,
            limit=HISTORY_PAGE,
            cursor=cursor,
        )


def _refused(exc: SlackApiError) -> PostFailed:
    code = str(exc.response.get("error") or f"http_{exc.response.status_code}")
    return PostFailed(code, permanent=code in PERMANENT_ERRORS)


def workspace_publishers(client_for: ClientFor, delivery: Delivery | None = None) -> PublisherFor:
    """Each workspace's digest publisher, posting with that workspace's own client."""

    async def publisher_for(team_id: str, enterprise_id: str) -> Publisher | None:
        client = await client_for(team_id, enterprise_id)
        return None if client is None else SlackPublisher(client, delivery)

    return publisher_for


def slack_poster(client: object, delivery: Delivery | None = None) -> SlackPublisher:
    """The digest publisher for a Slack Web API client (the serving process and cron)."""
    assert isinstance(client, AsyncWebClient)
    return SlackPublisher(client, delivery)


# ------------------------------------------------------------------ /facts digest ...


async def digest_reply(deps: Deps, command: DigestCommand, where: Where) -> Message:
    """Subscribe, unsubscribe, inspect or preview the digest of the channel asked in."""

    channel = where.channel_id or "console"
    store, workspace = deps.store_for(where), await deps.workspace(where)
    tz_name, tz = workspace.tz_name, ZoneInfo(workspace.tz_name)
    if command.action == "on":
        sub = await store.digest_subscription(channel)
        at = command.at or (sub.post_at if sub else DEFAULT_TIME)
        await store.subscribe_digest(channel, at, where.user_id)
        logger.info("digest_subscribed channel=%s at=%s", channel, at)
        return render_notice(
            f"Daily digest on: every day at {at} ({escape_mrkdwn(tz_name)}) in this "
            "conversation. `/facts digest preview` shows the next one."
        )
    if command.action == "off":
        stopped = await store.unsubscribe_digest(channel)
        return render_notice(
            "Daily digest off for this conversation."
            if stopped
            else "There was no digest running here."
        )
    if command.action == "lang":
        language = command.at or "en"
        if not await store.set_digest_option(channel, language=language):
            return render_notice("Start a digest first: `/facts digest on 09:00`.")
        return render_notice(
            "Le point quotidien sera en français."
            if language == "fr"
            else "The daily digest will be in English."
        )
    if command.action in ("curators-on", "curators-off"):
        if where.surface != "console" and not await deps.admins.is_workspace_admin(where):
            return render_notice(
                "Only factbot admins can turn curator notes on or off: they list other people's "
                "questions."
            )
        on = command.action == "curators-on"
        if not await store.set_digest_option(channel, curators=on):
            return render_notice("Start a digest first: `/facts digest on 09:00`.")
        return render_notice(
            "Curator notes on: each digest lists yesterday's unanswered questions and answers "
            "marked not helpful."
            if on
            else "Curator notes off."
        )
    runner = DigestRunner(deps.base, store, tz, _no_post, clock=deps.clock)
    if command.action == "preview":
        return await runner.preview(channel)
    sub = await store.digest_subscription(channel)
    last = await store.last_digest_posted(channel)
    next_at = None
    if sub is not None and sub.active:
        post_at = parse_hhmm(sub.post_at)
        if post_at is not None:
            next_at = next_slot(deps.clock(), post_at, tz).strftime("%Y-%m-%d %H:%M")
    return render_digest_status(sub, last, tz_name, next_at)


async def _no_post(channel: str, message: Message) -> str | None:
    raise RuntimeError("previews never post")
