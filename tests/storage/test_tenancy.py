"""Several Slack workspaces in one database (`Store.for_team`), on SQLite and PostgreSQL:
each workspace reads and writes only its own rows."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import UTC, datetime, timedelta

from bot.core.records import Vote
from bot.storage.store import OUTBOX_LEASE, Store, open_store

T0 = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)
DAY = [("2026-05-04", T0 - timedelta(hours=10), T0 + timedelta(hours=14))]


@dataclass
class Clock:
    now: datetime

    def __call__(self) -> datetime:
        return self.now


async def ask(store: Store, question: str, *, answered: bool = False) -> int:
    return await store.record_question(
        question=question, surface="command", answered=answered, fact_id="f1", fact_ids=["f1"]
    )


async def test_a_workspace_never_sees_another_workspaces_questions(database: str) -> None:
    async with open_store(database, clock=lambda: T0) as store:
        one, two = store.for_team("T1", "E1"), store.for_team("T2")
        mine = await ask(one, "one's question")
        theirs = await ask(two, "two's question")
        assert [q.question for q in await one.questions_since(T0)] == ["one's question"]
        assert [q.question for q in await two.questions_since(T0)] == ["two's question"]
        assert await one.question(theirs) is None
        assert await two.question(mine) is None
        found = await one.question(mine)
        assert found is not None and found.question == "one's question"
        # The store itself is the single workspace '': neither team's questions are its.
        assert await store.questions_since(T0) == []
        assert await store.question(mine) is None
        assert [u for u, _ in await one.unanswered_since(T0, T0 + timedelta(1))] == [
            "one's question"
        ]


async def test_a_vote_on_another_workspaces_answer_is_unknown(database: str) -> None:
    async with open_store(database, clock=lambda: T0) as store:
        one, two = store.for_team("T1"), store.for_team("T2")
        answer = await ask(one, "q?", answered=True)
        assert await two.record_feedback(answer, "U1", helpful=False) is Vote.UNKNOWN_ANSWER
        assert await store.record_feedback(answer, "U1", helpful=False) is Vote.UNKNOWN_ANSWER
        assert await one.record_feedback(answer, "U1", helpful=False) is Vote.NEW
        assert await one.record_feedback(answer, "U1", helpful=False) is Vote.UNCHANGED
        assert (await one.feedback_counts(answer)).not_helpful == 1
        assert (await two.feedback_counts(answer)).not_helpful == 0
        assert await one.not_helpful_since(T0, T0 + timedelta(1)) == [("f1", 1)]
        assert await two.not_helpful_since(T0, T0 + timedelta(1)) == []


async def test_stats_count_one_workspace(database: str) -> None:
    async with open_store(database, clock=lambda: T0) as store:
        one, two = store.for_team("T1"), store.for_team("T2")
        answer = await ask(one, "a?", answered=True)
        await ask(one, "b?")
        await ask(two, "c?")
        await one.record_feedback(answer, "U1", helpful=True)
        (mine,) = await one.daily_stats(DAY)
        (theirs,) = await two.daily_stats(DAY)
        assert (mine.asked, mine.answered, mine.helpful) == (2, 1, 1)
        assert (theirs.asked, theirs.answered, theirs.helpful) == (1, 0, 0)
        (single,) = await store.daily_stats(DAY)
        assert single.asked == 0
        assert [c.id for c in await two.review_candidates(T0 - timedelta(1))] != []
        assert {c.question for c in await one.review_candidates(T0 - timedelta(1))} == {"b?"}


async def test_subscriptions_and_digests_are_per_workspace(database: str) -> None:
    async with open_store(database, clock=lambda: T0) as store:
        one, two = store.for_team("T1", "E1"), store.for_team("T2")
        # A channel shared between the two workspaces (Slack Connect) has one id in both.
        await one.subscribe_digest("CSHARED", "08:00", "U1")
        await two.subscribe_digest("CSHARED", "09:30", "U2")
        await two.subscribe_digest("C2", "09:00", "U2")
        everyone = await store.active_subscriptions()
        assert [(s.team_id, s.enterprise_id, s.channel_id, s.post_at) for s in everyone] == [
            ("T1", "E1", "CSHARED", "08:00"),
            ("T2", "", "C2", "09:00"),
            ("T2", "", "CSHARED", "09:30"),
        ]
        assert [s.channel_id for s in await one.active_subscriptions()] == ["CSHARED"]
        assert await store.for_team("").active_subscriptions() == []
        assert await one.unsubscribe_digest("C2") is False  # T2's channel, not T1's
        assert await one.unsubscribe_digest("CSHARED")
        sub = await two.digest_subscription("CSHARED")
        assert sub is not None and sub.active and sub.post_at == "09:30"
        # Each workspace posts its own digest in the shared channel, once each.
        assert await one.claim_digest("CSHARED", "2026-05-04", "w") is not None
        assert await two.claim_digest("CSHARED", "2026-05-04", "w") is not None
        assert await two.claim_digest("CSHARED", "2026-05-04", "w") is None
        await one.finish_digest("CSHARED", "2026-05-04", "w", message_ts="1.1", fact_id="f1")
        await one.record_shown("CSHARED", 0, "f1", "2026-05-04")
        assert (await one.digest_rotation("CSHARED"))[1] == {"f1"}
        assert (await two.digest_rotation("CSHARED"))[1] == set()
        assert await two.last_digest_posted("CSHARED") is None
        posted = await one.last_digest_posted("CSHARED")
        assert posted is not None and posted.message_ts == "1.1"


async def test_outbox_rows_carry_their_workspace(database: str) -> None:
    clock = Clock(T0)
    async with open_store(database, clock=clock) as store:
        one, two = store.for_team("T1", "E1"), store.for_team("T2")
        pending = await one.accept_reply(
            surface="command", request_key="trigger:1", text="q?", user_id="U1"
        )
        assert pending is not None and (pending.team_id, pending.enterprise_id) == ("T1", "E1")
        assert await one.replies_waiting() == 1
        assert await two.replies_waiting() == 0
        assert await store.replies_waiting() == 0
        # Crash recovery serves every workspace, and says whose each reply is.
        clock.now = T0 + OUTBOX_LEASE * 2
        claimed, _, _ = await store.claim_unsent_replies()
        assert [(r.id, r.team_id, r.enterprise_id) for r in claimed] == [(pending.id, "T1", "E1")]
        await store.finish_reply(pending.id, "failed", "http_500")
        await store.flush()
        window = (T0 - timedelta(1), T0 + timedelta(1))
        assert [t.reason for t in await one.reply_troubles(*window)] == ["http_500"]
        assert await two.reply_troubles(*window) == []


async def test_workspace_settings_are_set_and_reset_per_workspace(database: str) -> None:
    async with open_store(database, clock=lambda: T0) as store:
        one, two = store.for_team("T1"), store.for_team("T2")
        assert (await one.workspace_settings()).tz_name is None
        await one.set_workspace_setting("tz", "Asia/Tokyo", by="U1")
        now = await one.set_workspace_setting("admins", ("U5", "U6"), by="U1")
        assert (now.tz_name, now.admins, now.updated_by) == ("Asia/Tokyo", ("U5", "U6"), "U1")
        assert now.language is None and now.updated_at == T0
        assert (await two.workspace_settings()).tz_name is None
        assert (await store.workspace_settings()).admins is None
        reset = await one.set_workspace_setting("tz", None, by="U2")
        assert reset.tz_name is None and reset.admins == ("U5", "U6")


async def test_the_review_reads_the_whole_deployments_log_on_the_store_wordings_only(
    database: str,
) -> None:
    """The curators review every workspace's questions (the fact base is one); a view still
    reads its own workspace's. Only the wording comes back: no user, channel or team."""
    async with open_store(database, clock=lambda: T0) as store:
        one, two = store.for_team("T1", "E1"), store.for_team("T2")
        mine = await one.record_question(
            question="one's gap?", surface="command", answered=False, user_id="U1", channel_id="C1"
        )
        theirs = await ask(two, "two's answer?", answered=True)
        assert await two.record_feedback(theirs, "U2", helpful=False) is Vote.NEW
        everyone = await store.review_candidates(T0 - timedelta(1))
        assert [(c.id, c.question, c.voted_down) for c in everyone] == [
            (theirs, "two's answer?", "f1"),
            (mine, "one's gap?", None),
        ]
        assert [f.name for f in fields(everyone[0])] == ["id", "asked_at", "question", "voted_down"]
        assert [c.question for c in await one.review_candidates(T0 - timedelta(1))] == [
            "one's gap?"
        ]
        assert await store.review_question(theirs) == "two's answer?"
        assert await store.review_question(mine) == "one's gap?"
        assert await one.review_question(theirs) is None
        assert await two.review_question(theirs) == "two's answer?"
        assert await store.review_question(theirs + mine + 1) is None
