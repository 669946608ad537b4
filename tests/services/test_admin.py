"""Admin commands end to end: who is an admin, `/facts reload`, `/facts stats`.

The bot runs in HTTP mode against the loopback fake; the fake answers
`users.info` for workspace admins. Reloads read a private copy of the fact
base in tmp_path, which the tests edit.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import payloads as p
import pytest
from fakeslack import FakeSlack, running_fake
from httpbot import ANSWERED, UNANSWERED, Bot, all_text, copy_facts, http_bot

from bot.core.factbase import FactBase
from bot.core.grammar import ShowStats
from bot.engine import Matcher
from bot.render.blocks import ACTION_HELPFUL, ACTION_NOT_HELPFUL, check_limits
from bot.services.admin import NOT_AN_ADMIN, day_windows
from bot.services.subcommands import Usage, parse
from bot.storage.store import open_store

ADMIN = "UADMIN"
FACT_FILE = "institutions.yaml"
OLD_ANSWER = "Investigation (BCIJ) in\n    May 2015.\n"
NEW_ANSWER = "Investigation (BCIJ) in\n    May 2015, as the curators now put it.\n"
#: The BCIJ fact's snippet end, its source and its date: one place in the file.
SNIPPET_END = "    (BCIJ) with principal law enforcement responsibility for counterterrorism.\n"
SOURCE_LINE = SNIPPET_END + '  source: motm-morocco-combats-terrorism\n  when: "2015-05"\n'


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlack]:
    async with running_fake() as fake_slack:
        yield fake_slack


@pytest.fixture
def facts_dir(tmp_path: Path) -> Path:
    return copy_facts(tmp_path)


@pytest.fixture
async def bot(
    fake: FakeSlack, tmp_path: Path, facts_dir: Path, factbase: FactBase, matcher: Matcher
) -> AsyncIterator[Bot]:
    env = {"FACTBOT_ADMINS": f"U0OTHER, {ADMIN}", "FACTBOT_FACTS": str(facts_dir)}
    async with http_bot(fake, tmp_path, factbase, matcher, env=env) as b:
        yield b


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def users_info(is_admin: bool = False, is_owner: bool = False) -> dict[str, object]:
    return {"ok": True, "user": {"id": "U", "is_admin": is_admin, "is_owner": is_owner}}


# ------------------------------------------------------------------ who is an admin


async def test_non_admins_get_a_polite_refusal(bot: Bot) -> None:
    bot.fake.queue("users.info", users_info())
    for text in ("reload", "stats"):
        reply = await bot.ask(text, user_id="UPLAIN")
        assert reply["text"] == NOT_AN_ADMIN.format(name=text)
        assert reply["response_type"] == "ephemeral"
    # Slack was asked once; the answer is remembered.
    assert [c.body["user"] for c in bot.fake.calls_to("users.info")] == ["UPLAIN"]


async def test_workspace_admins_and_owners_are_admins_via_users_info(bot: Bot) -> None:
    bot.fake.queue("users.info", users_info(is_admin=True))
    bot.fake.queue("users.info", users_info(is_owner=True))
    assert "factbot over the last 7 days" in all_text(await bot.ask("stats", user_id="UWSADMIN"))
    assert "factbot over the last 7 days" in all_text(await bot.ask("stats", user_id="UOWNER"))
    assert "factbot over the last 7 days" in all_text(await bot.ask("stats", user_id="UWSADMIN"))
    assert [c.body["user"] for c in bot.fake.calls_to("users.info")] == ["UWSADMIN", "UOWNER"]


async def test_factbot_admins_need_no_lookup_and_a_failed_lookup_refuses(bot: Bot) -> None:
    assert "factbot over the last" in all_text(await bot.ask("stats", user_id=ADMIN))
    assert bot.fake.calls_to("users.info") == []
    bot.fake.queue("users.info", {"ok": False, "error": "missing_scope"})
    reply = await bot.ask("stats", user_id="UNOSCOPE")
    assert reply["text"] == NOT_AN_ADMIN.format(name="stats")


async def test_admin_commands_in_a_channel_mention_stay_private(bot: Bot) -> None:
    await bot.event(p.app_mention("stats", user=ADMIN, event_id="EvSTATS"))
    (call,) = await bot.fake.wait_for("chat.postMessage")
    assert "answer privately" in call.body["text"]


# ------------------------------------------------------------------ reload


async def test_reload_serves_the_edited_fact_base_and_questions_never_wait(
    bot: Bot, facts_dir: Path
) -> None:
    assert "as the curators now put it" not in (await bot.ask(ANSWERED))["text"]
    edit(facts_dir / FACT_FILE, OLD_ANSWER, NEW_ANSWER)
    reload = asyncio.create_task(bot.ask("reload", user_id=ADMIN))
    # Questions asked while the new base is being indexed get the old or the new answer.
    answers = await asyncio.gather(*(bot.ask(ANSWERED) for _ in range(5)))
    assert all("May 2015" in a["text"] for a in answers)
    reply = await reload
    assert reply["text"].startswith("Reloaded: ")
    assert "(0 added, 1 changed, 0 removed)" in reply["text"]
    assert "`bcij-established`" in all_text(reply)
    assert "as the curators now put it" in (await bot.ask(ANSWERED))["text"]


async def test_an_invalid_fact_base_is_refused_and_the_last_good_one_keeps_serving(
    bot: Bot, facts_dir: Path
) -> None:
    edit(facts_dir / FACT_FILE, OLD_ANSWER, NEW_ANSWER)
    edit(
        facts_dir / FACT_FILE,
        SOURCE_LINE,
        SNIPPET_END + '  source: no-such-source\n  when: "2015-05"\n',
    )
    (facts_dir / "laws.yaml").write_text("facts: [unclosed\n", encoding="utf-8")
    reply = await bot.ask("reload", user_id=ADMIN)
    shown = all_text(reply)
    assert reply["text"].startswith("Reload refused")
    assert "still serving the last good fact base" in shown
    assert f"{FACT_FILE}:" in shown and "unknown source 'no-such-source'" in shown
    assert "laws.yaml:" in shown
    assert check_limits(reply["blocks"]) == []
    answer = (await bot.ask(ANSWERED))["text"]  # the last good base, not the edited one
    assert "May 2015." in answer and "curators" not in answer


# ------------------------------------------------------------------ stats


async def test_stats_counts_questions_answers_and_votes_by_day(bot: Bot) -> None:
    answered = await bot.ask(ANSWERED, user_id="UA")
    await bot.ask(UNANSWERED, user_id="UB")
    await bot.ask(UNANSWERED.upper(), user_id="UC")
    await bot.ask("help", user_id="UD")  # not a question
    qid = next(
        e["value"] for b in answered["blocks"] for e in b.get("elements", []) if "value" in e
    )
    for user, action in (
        ("UA", ACTION_HELPFUL),
        ("UB", ACTION_HELPFUL),
        ("UC", ACTION_NOT_HELPFUL),
    ):
        await bot.click(
            p.block_actions(action, qid, user_id=user, response_url=bot.new_response_url())
        )
    await bot.fake.wait_for("response_url", 7)
    reply = await bot.ask("stats 3", user_id=ADMIN)
    text = all_text(reply)
    assert "factbot over the last 3 days" in text
    assert "3 questions, 1 answered (33%); votes: 2 helpful, 1 not helpful." in text
    today = datetime.now(UTC).astimezone(ZoneInfo("Africa/Casablanca")).date().isoformat()
    assert f"{today}      3         1   33%        2     1" in text
    assert "Top unanswered questions" in text and "(2×)" in text
    assert check_limits(reply["blocks"]) == []


async def test_daily_stats_follow_local_days_across_a_dst_change(tmp_path: Path) -> None:
    """Paris moved to summer time on 2026-03-29: that day is 23 hours long."""
    now = datetime(2026, 3, 30, 12, tzinfo=UTC)
    windows = day_windows(now, 3, "Europe/Paris")
    assert [w[0] for w in windows] == ["2026-03-28", "2026-03-29", "2026-03-30"]
    start, end = windows[1][1].astimezone(UTC), windows[1][2].astimezone(UTC)
    assert end - start == timedelta(hours=23)
    clock_at = [datetime(2026, 3, 28, 22, 59, tzinfo=UTC), datetime(2026, 3, 28, 23, 1, tzinfo=UTC)]
    async with open_store(str(tmp_path / "s.db"), clock=lambda: clock_at[0]) as store:
        await store.record_question(question="late on the 28th", surface="dm", answered=True)
        clock_at[0] = clock_at[1]  # 00:01 in Paris, on the 29th
        qid = await store.record_question(
            question="early on the 29th", surface="dm", answered=False
        )
        await store.record_question(question="opened", surface="suggestion", answered=True)
        await store.record_feedback(qid, "U1", helpful=False)
        days = await store.daily_stats(windows)
    assert [(d.day, d.asked, d.answered, d.helpful, d.not_helpful) for d in days] == [
        ("2026-03-28", 1, 1, 0, 0),
        ("2026-03-29", 1, 0, 0, 1),
        ("2026-03-30", 0, 0, 0, 0),
    ]


def test_stats_takes_a_number_of_days(factbase: FactBase) -> None:
    assert parse("stats", factbase) == ShowStats(7)
    assert parse("stats 30", factbase) == ShowStats(30)
    for bad in ("stats 0", "stats 91", "stats week", "stats 1 2", "stats ²"):
        assert isinstance(parse(bad, factbase), Usage), bad
    assert isinstance(parse("reload now", factbase), Usage)
