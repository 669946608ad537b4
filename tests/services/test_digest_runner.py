"""The daily digest end to end: subscriptions, exactly-once posting, failures, rotation.

Time is injected (a settable clock and explicit `now`), posts go to a recorder or
to the loopback fake Slack, and the database is a real SQLite file: nothing here
sleeps for real time.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from cryptography.fernet import Fernet
from fakeslack import no_wait_policy, running_fake
from httpbot import watching_logs
from payloads import BOT_TOKEN

from bot.core.factbase import FactBase
from bot.core.records import Where
from bot.engine import Matcher
from bot.render.blocks import Message, to_text
from bot.services.delivery import Delivery, RetryPolicy
from bot.services.deps import Deps
from bot.services.digest_runner import (
    DigestRunner,
    PostFailed,
    Publisher,
    SlackPublisher,
    digest_metadata,
    slack_poster,
)
from bot.services.replies import reply_to
from bot.settings import Settings
from bot.slack.app import make_client
from bot.storage.store import DIGEST_LEASE, Store, open_store

CASA = ZoneInfo("Africa/Casablanca")
ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Clock:
    now: datetime

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Recorder:
    """A poster that records what it would have posted, and can be told to fail."""

    posts: list[tuple[str, Message]]
    failures: list[PostFailed | Exception]

    async def __call__(self, channel: str, message: Message) -> str | None:
        if self.failures:
            raise self.failures.pop(0)
        self.posts.append((channel, message))
        return f"1700000000.{len(self.posts):06d}"


def recorder() -> Recorder:
    return Recorder([], [])


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def small(base: FactBase, n: int = 6) -> FactBase:
    return replace(base, facts=base.facts[:n])


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "factbot.db")


async def subscribe(store: Store, channel: str = "C1", post_at: str = "09:00") -> None:
    await store.subscribe_digest(channel, post_at, "U1")


def runner(
    base: FactBase, store: Store, post: Recorder, clock: Clock, worker: str = "w1"
) -> DigestRunner:
    return DigestRunner(base, store, CASA, post, clock=clock, worker=worker, pace=0)


async def test_subscribe_then_time_passes_then_one_post(factbase: FactBase, db: str) -> None:
    clock = Clock(at("2026-11-23T08:00:00+01:00"))
    post = recorder()
    async with open_store(db, clock=clock) as store:
        await subscribe(store)
        digests = runner(factbase, store, post, clock)
        assert await digests.run_due(at("2026-11-23T08:59:00+01:00")) == []
        outcomes = await digests.run_due(at("2026-11-23T09:00:30+01:00"))
        assert [o.status for o in outcomes] == ["posted"]
        assert await digests.run_due(at("2026-11-23T09:30:00+01:00")) == []
    assert len(post.posts) == 1
    channel, message = post.posts[0]
    assert channel == "C1"
    text = to_text(message)
    assert "Fact of the day" in text and "factbot digest, 23 November 2026" in text
    # The fact of the day carries its source line.
    assert " · " in text and "fact `" in text


async def test_a_restart_does_not_post_twice(factbase: FactBase, db: str) -> None:
    clock = Clock(at("2026-11-23T09:01:00+01:00"))
    post = recorder()
    async with open_store(db, clock=clock) as store:
        await subscribe(store)
        await runner(factbase, store, post, clock, "before-restart").run_due()
    async with open_store(db, clock=clock) as store:
        clock.now += timedelta(minutes=5)
        assert await runner(factbase, store, post, clock, "after-restart").run_due() == []
    assert len(post.posts) == 1


async def test_two_schedulers_on_one_database_post_once(factbase: FactBase, db: str) -> None:
    clock = Clock(at("2026-11-23T09:02:00+01:00"))
    posts = recorder()
    async with open_store(db, clock=clock) as one, open_store(db, clock=clock) as two:
        for channel in ("C1", "C2", "C3"):
            await subscribe(one, channel)
        a = runner(factbase, one, posts, clock, "process-a")
        b = runner(factbase, two, posts, clock, "process-b")
        await asyncio.gather(a.run_due(), b.run_due(), a.run_due(), b.run_due())
    assert sorted(channel for channel, _ in posts.posts) == ["C1", "C2", "C3"]


async def test_slack_500_then_ok_posts_exactly_once(
    factbase: FactBase, matcher: Matcher, db: str
) -> None:
    clock = Clock(at("2026-11-23T09:00:10+01:00"))
    async with running_fake() as fake, open_store(db, clock=clock) as store:
        await subscribe(store)
        settings = Settings.from_env(
            {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_API_URL": fake.api_url}, need_mode=False
        )
        # bot.services.delivery retries a 500 within the call (waits recorded, not waited); when
        # every attempt fails, the runner tries again on its next run.
        poster = slack_poster(make_client(settings), Delivery(no_wait_policy()))
        digests = DigestRunner(factbase, store, CASA, poster, clock=clock, pace=0)
        for _ in range(RetryPolicy().attempts):
            fake.queue("chat.postMessage", {"ok": False, "error": "internal_error"}, status=500)
        first = await digests.run_due()
        assert [o.status for o in first] == ["failed"]
        clock.now += timedelta(minutes=1)
        second = await digests.run_due()
        assert [o.status for o in second] == ["posted"]
        clock.now += timedelta(minutes=1)
        assert await digests.run_due() == []
        posted = [c for c in fake.calls_to("chat.postMessage") if c.error is None]
        attempts = RetryPolicy().attempts
        assert len(fake.calls_to("chat.postMessage")) == attempts + 1  # the 500s, then one post
        assert len(posted) == attempts + 1 and posted[-1].body["channel"] == "C1"
        record = await store.digest_post("C1", "2026-11-23")
        assert record is not None and record.status == "posted" and record.attempts == 2
        assert fake.calls_to("conversations.history") == []  # Slack said no: nothing to look for


async def test_rate_limited_post_is_retried_after_retry_after(factbase: FactBase, db: str) -> None:
    clock = Clock(at("2026-11-23T09:00:10+01:00"))
    async with running_fake() as fake, open_store(db, clock=clock) as store:
        await subscribe(store)
        settings = Settings.from_env(
            {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_API_URL": fake.api_url}, need_mode=False
        )
        digests = DigestRunner(
            factbase, store, CASA, slack_poster(make_client(settings)), clock=clock, pace=0
        )
        fake.queue(
            "chat.postMessage",
            {"ok": False, "error": "ratelimited"},
            status=429,
            **{"Retry-After": "0"},
        )
        outcomes = await digests.run_due()
        assert [o.status for o in outcomes] == ["posted"]
        assert len(fake.calls_to("chat.postMessage")) == 2


async def test_an_archived_channel_pauses_and_says_so(
    factbase: FactBase, matcher: Matcher, db: str
) -> None:
    clock = Clock(at("2026-11-23T09:00:10+01:00"))
    post = recorder()
    post.failures.append(PostFailed("is_archived", permanent=True))
    async with open_store(db, clock=clock) as store:
        await subscribe(store)
        digests = runner(factbase, store, post, clock)
        assert [o.status for o in await digests.run_due()] == ["paused"]
        clock.now += timedelta(days=1)
        assert await digests.run_due() == []  # not retried forever
        sub = await store.digest_subscription("C1")
        assert sub is not None and not sub.active and sub.paused_reason == "is_archived"
        deps = Deps(Settings(), factbase, matcher, store, clock)
        status = await reply_to(deps, "digest status", Where("command", "U1", "C1"), strict=True)
        assert "paused" in status.message.text and "is_archived" in status.message.text
    assert post.posts == []


async def test_a_crashed_claim_is_taken_over_after_the_lease(factbase: FactBase, db: str) -> None:
    clock = Clock(at("2026-11-23T09:00:10+01:00"))
    post = recorder()
    async with open_store(db, clock=clock) as store:
        await subscribe(store)
        assert await store.claim_digest("C1", "2026-11-23", "died-mid-post")
        digests = runner(factbase, store, post, clock, "survivor")
        assert await digests.run_due() == []  # the claim is fresh: someone may be posting
        clock.now += DIGEST_LEASE + timedelta(seconds=1)
        assert [o.status for o in await digests.run_due()] == ["posted"]
    assert len(post.posts) == 1


async def test_downtime_past_the_grace_window_skips_the_day(factbase: FactBase, db: str) -> None:
    clock = Clock(at("2026-11-23T12:30:00+01:00"))
    post = recorder()
    async with open_store(db, clock=clock) as store:
        await subscribe(store)
        digests = runner(factbase, store, post, clock)
        assert await digests.run_due() == []
        assert [o.status for o in await digests.run_due(at("2026-11-24T09:00:01+01:00"))] == [
            "posted"
        ]


async def test_rotation_shows_every_fact_once_before_any_repeat(
    factbase: FactBase, db: str
) -> None:
    base = small(factbase, 6)
    clock = Clock(at("2026-11-23T09:00:10+01:00"))
    post = recorder()
    async with open_store(db, clock=clock) as store:
        await subscribe(store)
        digests = runner(base, store, post, clock)
        shown = []
        for day in range(8):
            now = at("2026-11-23T09:00:10+01:00") + timedelta(days=day)
            clock.now = now
            await digests.run_due(now)
            record = await store.digest_post("C1", now.date().isoformat())
            assert record is not None and record.fact_id is not None
            shown.append(record.fact_id)
    assert sorted(shown[:6]) == sorted(f.id for f in base.facts)
    assert shown[6:] == shown[:2]  # the next cycle starts over in the same order


async def test_next_digest_lists_new_and_updated_facts(factbase: FactBase, db: str) -> None:
    base = small(factbase, 6)
    clock = Clock(at("2026-11-23T09:00:10+01:00"))
    post = recorder()
    async with open_store(db, clock=clock) as store:
        await subscribe(store)
        await runner(base, store, post, clock).run_due()
        assert "New and updated" not in to_text(post.posts[0][1])
        clock.now = at("2026-11-23T15:00:00+01:00")  # a curator edits and adds facts
        edited = replace(base.facts[0], answer=base.facts[0].answer + " (Corrected.)")
        newer = replace(base, facts=(edited, *base.facts[1:], factbase.facts[6]))
        clock.now = at("2026-11-24T09:00:10+01:00")
        await runner(newer, store, post, clock).run_due()
    text = to_text(post.posts[1][1])
    assert "New and updated facts" in text
    assert f"New: {factbase.facts[6].answer[:40]}" in text
    assert "Updated: " in text and "(Corrected.)" in text


async def test_curator_channels_get_yesterdays_unanswered_questions(
    factbase: FactBase, matcher: Matcher, db: str
) -> None:
    clock = Clock(at("2026-11-22T15:00:00+01:00"))
    post = recorder()
    async with open_store(db, clock=clock) as store:
        deps = Deps(Settings(admins=frozenset({"UADMIN"})), factbase, matcher, store, clock)
        await reply_to(deps, "digest on 09:00", Where("command", "U1", "CCUR"), strict=True)
        refused = await reply_to(
            deps, "digest curators on", Where("command", "U1", "CCUR"), strict=True
        )
        assert "Only factbot admins" in refused.message.text
        await reply_to(deps, "digest curators on", Where("command", "UADMIN", "CCUR"), strict=True)
        await reply_to(
            deps, "Who is the president of the CNDH?", Where("dm", "U2", "D1"), strict=False
        )
        clock.now = at("2026-11-23T09:00:10+01:00")
        await runner(factbase, store, post, clock).run_due()
    text = to_text(post.posts[0][1])
    assert "For curators" in text and "Who is the president of the CNDH?" in text


async def test_digest_commands_in_slack_words(
    factbase: FactBase, matcher: Matcher, db: str
) -> None:
    clock = Clock(at("2026-11-23T07:00:00+01:00"))
    async with open_store(db, clock=clock) as store:
        deps = Deps(Settings(), factbase, matcher, store, clock)
        where = Where("command", "U1", "C7")

        async def say(text: str) -> str:
            return (await reply_to(deps, text, where, strict=True)).message.text

        assert "No daily digest here" in await say("digest status")
        assert "every day at 08:15" in await say("digest on 8:15")
        assert "Next: 2026-11-23 08:15" in await say("digest status")
        assert "(preview)" in await say("digest preview")
        assert "not a time of day" in await say("digest on 25:99")
        assert "Usage: /facts digest on" in await say("digest sometimes")
        assert "off" in await say("digest off")
        assert "is *off*" in await say("digest status")


async def test_cli_run_once_twice_at_once_posts_one_digest(
    factbase: FactBase, matcher: Matcher, tmp_path: Path
) -> None:
    """The issue's scenario: after `/facts digest on 09:00`, two `--run-once` started
    together post one digest; a later run that day posts none; the next day's differs."""
    db = str(tmp_path / "shared.db")
    clock = Clock(at("2026-11-22T18:00:00+01:00"))
    async with open_store(db, clock=clock) as store:
        deps = Deps(Settings(), factbase, matcher, store, clock)
        reply = await reply_to(deps, "digest on 09:00", Where("command", "U1", "CDIG"), strict=True)
        assert "every day at 09:00" in reply.message.text
    async with running_fake() as fake:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "FACTBOT_"))}
        env.update(SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_API_URL=fake.api_url, FACTBOT_DB=db)

        async def run_once(now: str) -> int:
            proc = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot",
                "digest",
                "--run-once",
                "--now",
                now,
                cwd=ROOT,
                env=env,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
            )
            await asyncio.wait_for(proc.communicate(), 60)
            assert proc.returncode is not None
            return proc.returncode

        codes = await asyncio.gather(
            run_once("2026-11-23T09:05:00+01:00"), run_once("2026-11-23T09:05:00+01:00")
        )
        assert codes == [0, 0]
        first = [c for c in fake.calls_to("chat.postMessage")]
        assert len(first) == 1 and first[0].body["channel"] == "CDIG"
        assert await run_once("2026-11-23T11:30:00+01:00") == 0
        assert len(fake.calls_to("chat.postMessage")) == 1
        assert await run_once("2026-11-24T09:05:00+01:00") == 0
        posts = fake.calls_to("chat.postMessage")
        assert len(posts) == 2
        assert posts[0].body["text"] != posts[1].body["text"]


def test_cli_digest_usage_errors() -> None:
    import subprocess

    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "FACTBOT_"))}
    bad = subprocess.run(
        [sys.executable, "-m", "bot", "digest", "--dry-run"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bad.returncode == 2 and "--channel" in bad.stderr
    no_token = subprocess.run(
        [sys.executable, "-m", "bot", "digest", "--run-once"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert no_token.returncode == 2 and "SLACK_BOT_TOKEN" in no_token.stderr
    naive = subprocess.run(
        [sys.executable, "-m", "bot", "digest", "--run-once", "--now", "2026-11-23T09:05"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert naive.returncode == 2 and "offset" in naive.stderr
    one_workspace = subprocess.run(
        [sys.executable, "-m", "bot", "digest", "--dry-run", "--channel", "C1", "--team", "T1"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (
        one_workspace.returncode == 2 and "--team is for several workspaces" in one_workspace.stderr
    )


async def test_cli_dry_run_shows_the_digest_of_the_workspace_named(
    factbase: FactBase, db: str
) -> None:
    """Several workspaces: `digest --dry-run` needs `--team`, and shows that workspace's
    digest of the channel (a Slack Connect channel has one id in both workspaces)."""
    async with open_store(db) as store:
        await store.for_team("TA").subscribe_digest("CSHARED", "09:00", "U1")
        await store.for_team("TB").subscribe_digest("CSHARED", "09:00", "U2")
        await store.for_team("TB").set_digest_option("CSHARED", language="fr")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "FACTBOT_"))}
    env.update(
        SLACK_CLIENT_ID="1234.5678",
        SLACK_CLIENT_SECRET="client-secret-value",
        SLACK_SIGNING_SECRET="signing-secret",
        FACTBOT_ENCRYPTION_KEY=Fernet.generate_key().decode(),
        FACTBOT_DB=db,
    )

    async def dry_run(*extra: str) -> tuple[int, str, str]:
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "digest",
            "--dry-run",
            "--channel",
            "CSHARED",
            "--date",
            "2026-11-23",
            *extra,
            cwd=ROOT,
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        out, err = await asyncio.wait_for(proc.communicate(), 60)
        assert proc.returncode is not None
        return proc.returncode, out.decode(), err.decode()

    code, out, err = await dry_run()
    assert code == 2 and out == "" and "--team T" in err
    code, out, err = await dry_run("--team", "TB")
    assert code == 0, err
    assert "Le point factbot du 23 novembre 2026" in out
    code, out, err = await dry_run("--team", "TA")
    assert code == 0, err
    assert "factbot digest, 23 November 2026" in out
    code, out, err = await dry_run("--team", "TNONE")
    assert code == 0 and "CSHARED has no digest in workspace TNONE" in err


async def test_a_channel_can_have_its_digest_in_french(
    factbase: FactBase, matcher: Matcher, db: str
) -> None:
    clock = Clock(at("2026-11-22T18:00:00+01:00"))
    post = recorder()
    async with open_store(db, clock=clock) as store:
        deps = Deps(Settings(), factbase, matcher, store, clock)
        where = Where("command", "U1", "CFR")
        assert (
            "Start a digest first"
            in (await reply_to(deps, "digest lang fr", where, strict=True)).message.text
        )
        await reply_to(deps, "digest on 09:00", where, strict=True)
        said = await reply_to(deps, "digest lang fr", where, strict=True)
        assert "en français" in said.message.text
        clock.now = at("2026-11-23T09:00:10+01:00")
        await runner(factbase, store, post, clock).run_due()
    text = to_text(post.posts[0][1])
    assert "Le point factbot du 23 novembre 2026" in text and "Le fait du jour" in text


# ------------------------------------------------------------------ killed after Slack took it


class Killed(BaseException):
    """The process dies here: nothing after this line runs (not even `except Exception`)."""


class DiesAfterPosting:
    """A publisher whose process is killed right after Slack accepted the post."""

    def __init__(self, inner: SlackPublisher) -> None:
        self.inner = inner

    async def post(self, channel: str, message: Message, metadata: Mapping[str, Any]) -> str | None:
        await self.inner.post(channel, message, metadata)
        raise Killed

    async def find(self, channel: str, metadata: Mapping[str, Any], since: datetime) -> str | None:
        return await self.inner.find(channel, metadata, since)


async def test_a_digest_slack_took_before_its_runner_died_is_recorded_not_posted_again(
    factbase: FactBase, db: str
) -> None:
    """The runner dies between Slack's acceptance and its record; the next run past the lease
    reads the channel back, finds the tagged post and records it: one digest."""
    posted_at = at("2026-11-23T09:00:10+01:00")
    async with running_fake() as fake:
        fake.clock = posted_at.timestamp  # Slack's clock agrees with the runner's
        settings = Settings.from_env(
            {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_API_URL": fake.api_url}, need_mode=False
        )
        publisher = slack_poster(make_client(settings), Delivery(no_wait_policy()))
        clock = Clock(posted_at)
        async with open_store(db, clock=clock) as store:
            await subscribe(store)
            dying = DigestRunner(
                factbase, store, CASA, DiesAfterPosting(publisher), clock=clock, worker="w1"
            )
            with pytest.raises(Killed):
                await dying.run_due(posted_at)
        async with open_store(db, clock=clock) as store:
            survivor = DigestRunner(factbase, store, CASA, publisher, clock=clock, worker="w2")
            assert await survivor.run_due(posted_at + DIGEST_LEASE / 2) == []  # still leased
            outcomes = await survivor.run_due(posted_at + DIGEST_LEASE + timedelta(seconds=1))
            record = await store.digest_post("C1", "2026-11-23")
        (message,) = fake.history["C1"]  # exactly one digest in the channel
        assert [o.status for o in outcomes] == ["posted"]
        assert record is not None and record.status == "posted"
        assert record.message_ts == message["ts"] and record.worker == "w2"
        assert message["metadata"] == digest_metadata("C1", "2026-11-23")
        (history,) = fake.calls_to("conversations.history")
        assert float(history.body["oldest"]) <= posted_at.timestamp()


async def test_cli_run_once_killed_after_slack_took_the_post_then_past_the_lease_posts_once(
    factbase: FactBase, matcher: Matcher, tmp_path: Path
) -> None:
    """`python -m bot digest --run-once --now T`, SIGKILLed while Slack holds its answer to the
    post (Slack has the digest, the runner never hears it). Runs at T+5 min and T+11 min: the
    first leaves the claim alone, the second finds the post by its metadata. Every judgment
    (slot, lease, where to read the channel from) comes from --now, not the machine's clock."""
    db = str(tmp_path / "shared.db")
    first = at("2026-11-23T09:05:00+01:00")
    async with open_store(db) as store:
        await subscribe(store, "CDIG")
    async with running_fake() as fake:
        fake.clock = first.timestamp
        env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "FACTBOT_"))}
        env.update(SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_API_URL=fake.api_url, FACTBOT_DB=db)

        async def run_once(now: datetime) -> asyncio.subprocess.Process:
            return await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", "digest", "--run-once", "--now", now.isoformat(),
                cwd=ROOT, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
            )  # fmt: skip

        release = asyncio.Event()
        fake.queue("chat.postMessage", hold=release)  # Slack takes it, answers never
        dying = await run_once(first)
        await fake.wait_for("chat.postMessage")
        dying.kill()
        assert await dying.wait() == -9
        release.set()
        outputs = []
        for later in (first + timedelta(minutes=5), first + timedelta(minutes=11)):
            proc = await run_once(later)
            out, err = await asyncio.wait_for(proc.communicate(), 60)
            assert proc.returncode == 0, err.decode()
            outputs.append(out.decode())
        (message,) = fake.history["CDIG"]  # exactly one digest in the channel
        assert len(fake.calls_to("chat.postMessage")) == 1
    assert outputs == ["", f"posted CDIG 2026-11-23 {message['ts']}\n"]  # within the lease: none
    async with open_store(db) as store:
        record = await store.digest_post("CDIG", "2026-11-23")
    assert record is not None and record.status == "posted" and record.message_ts == message["ts"]
    assert record.claimed_at == first + timedelta(minutes=11)


async def test_a_digest_whose_channel_cannot_be_read_back_is_skipped_not_posted_twice(
    factbase: FactBase, db: str
) -> None:
    """Without the history scope the taking-over runner cannot tell: it skips the day."""
    posted_at = at("2026-11-23T09:00:10+01:00")
    async with running_fake() as fake:
        fake.clock = posted_at.timestamp
        settings = Settings.from_env(
            {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_API_URL": fake.api_url}, need_mode=False
        )
        publisher = slack_poster(make_client(settings), Delivery(no_wait_policy()))
        clock = Clock(posted_at)
        async with open_store(db, clock=clock) as store:
            await subscribe(store)
            dying = DigestRunner(factbase, store, CASA, DiesAfterPosting(publisher), clock=clock)
            with pytest.raises(Killed):
                await dying.run_due(posted_at)
            fake.queue("conversations.history", {"ok": False, "error": "missing_scope"})
            survivor = DigestRunner(factbase, store, CASA, publisher, clock=clock, worker="w2")
            outcomes = await survivor.run_due(posted_at + DIGEST_LEASE + timedelta(seconds=1))
            assert await survivor.run_due(posted_at + DIGEST_LEASE * 2) == []  # not retried
            record = await store.digest_post("C1", "2026-11-23")
        assert [(o.status, o.detail) for o in outcomes] == [("skipped", "missing_scope")]
        assert len(fake.history["C1"]) == 1
        assert record is not None and record.status == "skipped"
        assert record.error == "unverified:missing_scope"


@dataclass
class Posting:
    """A Publisher over a Recorder (a workspace's own, in these tests)."""

    recorder: Recorder

    async def post(self, channel: str, message: Message, metadata: Mapping[str, Any]) -> str | None:
        return await self.recorder(channel, message)

    async def find(self, channel: str, metadata: Mapping[str, Any], since: datetime) -> str | None:
        return None


async def test_each_workspace_posts_with_its_own_publisher(factbase: FactBase, db: str) -> None:
    """Several workspaces: a workspace's digests go out through its own publisher (its
    token); one with no installation posts nothing, and the others are not held up."""
    clock = Clock(at("2026-11-23T08:00:00+01:00"))
    posts: dict[str, Recorder] = {"TA": recorder(), "TB": recorder()}
    asked: list[tuple[str, str]] = []

    async def publisher_for(team_id: str, enterprise_id: str) -> Publisher | None:
        asked.append((team_id, enterprise_id))
        found = posts.get(team_id)
        return None if found is None else Posting(found)

    async with open_store(db, clock=clock) as store:
        await subscribe(store.for_team("TA"), "CA1")
        await subscribe(store.for_team("TA"), "CA2")
        await subscribe(store.for_team("TB", "E1"), "CB")
        await subscribe(store.for_team("TGONE"), "CG")
        nobody = recorder()  # the app's own poster: never used when workspaces have their own
        digests = DigestRunner(
            factbase, store, CASA, nobody, clock=clock, pace=0, publisher_for=publisher_for
        )
        outcomes = await digests.run_due(at("2026-11-23T09:00:30+01:00"))
        assert sorted((o.channel_id, o.status) for o in outcomes) == [
            ("CA1", "posted"),
            ("CA2", "posted"),
            ("CB", "posted"),
        ]
        # The uninstalled workspace's channel was not even claimed: it posts once installed.
        assert await store.for_team("TGONE").digest_post("CG", "2026-11-23") is None
    assert [c for c, _ in posts["TA"].posts] == ["CA1", "CA2"]
    assert [c for c, _ in posts["TB"].posts] == ["CB"]
    assert nobody.posts == []
    assert sorted(asked) == [("TA", ""), ("TB", "E1"), ("TGONE", "")]


async def test_a_workspace_whose_lane_fails_does_not_stop_the_others(
    factbase: FactBase, db: str
) -> None:
    """One workspace's lane raises (its installation cannot be read): the other
    workspace's digest is still posted, and the failure is logged once, without the
    error's message (it may carry a token)."""
    clock = Clock(at("2026-11-23T08:00:00+01:00"))
    posted = recorder()
    secret = "xoxb-TA-1-secrettoken"

    async def publisher_for(team_id: str, enterprise_id: str) -> Publisher | None:
        if team_id == "TA":
            raise RuntimeError(f"could not read the installation with {secret}")
        return Posting(posted)

    async with open_store(db, clock=clock) as store:
        await subscribe(store.for_team("TA"), "CA")
        await subscribe(store.for_team("TB"), "CB")
        digests = DigestRunner(
            factbase, store, CASA, recorder(), clock=clock, pace=0, publisher_for=publisher_for
        )
        with watching_logs("bot.services.digest_runner") as logs:
            outcomes = await digests.run_due(at("2026-11-23T09:00:30+01:00"))
        assert sorted((o.channel_id, o.status) for o in outcomes) == [
            ("", "failed"),
            ("CB", "posted"),
        ]
        assert await store.for_team("TA").digest_post("CA", "2026-11-23") is None
    assert [c for c, _ in posted.posts] == ["CB"]
    (line,) = logs.lines("digest_lane_failed")
    assert "team=TA" in line and "error=RuntimeError" in line
    assert all(secret not in r.getMessage() and r.exc_info is None for r in logs.records)
