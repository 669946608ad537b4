"""Several Slack workspaces served by one bot: each request lands in its own workspace,
and `/facts settings` gives each its time zone, default language and admins.

End to end through the HTTP edge and bolt against the loopback fake (signed requests),
and through the services on a real SQLite file for the time-zone rules.
"""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import payloads as p
import pytest
from fakeslack import FakeSlack
from httpbot import ANSWERED, UNANSWERED, Bot, all_text, http_bot

from bot.core.factbase import FactBase
from bot.core.records import Where
from bot.engine import Matcher
from bot.render.blocks import ACTION_HELPFUL, Message
from bot.services.admin import NOT_AN_ADMIN, gather_stats
from bot.services.deps import open_deps
from bot.services.digest_runner import DigestRunner
from bot.services.replies import reply_to
from bot.services.subcommands import SUBCOMMANDS, Usage, WorkspaceCommand, parse
from bot.settings import Settings

ADMIN = "UADMIN"
TOKYO = "Asia/Tokyo"


@pytest.fixture
async def bot(
    fake_slack: FakeSlack, tmp_path: Path, factbase: FactBase, matcher: Matcher
) -> AsyncIterator[Bot]:
    env = {"FACTBOT_ADMINS": ADMIN}
    async with http_bot(fake_slack, tmp_path, factbase, matcher, env=env, workspaces=True) as b:
        yield b


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return list(conn.execute(sql))


async def vote(bot: Bot, question_id: object, team: str) -> dict[str, object]:
    """Click "Helpful" on an answer from workspace `team`; the bot's reply to the click."""
    url = bot.new_response_url()
    click = p.block_actions(ACTION_HELPFUL, str(question_id), response_url=url)
    click["team"]["id"] = team
    assert (await bot.click(click))[0] == 200
    path = url.split(str(bot.fake.port), 1)[1]
    await bot.fake.wait_until(
        lambda: any(c.path == path for c in bot.fake.calls_to("response_url"))
    )
    return next(c.body for c in bot.fake.calls_to("response_url") if c.path == path)


async def test_commands_from_two_workspaces_land_in_their_own(bot: Bot) -> None:
    one = await bot.ask(ANSWERED, team_id="T1", enterprise_id="E1", user_id="U1")
    two = await bot.ask(UNANSWERED, team_id="T2", user_id="U2")
    assert "2015" in all_text(one) and "don't know" in all_text(two)
    assert sorted(rows(bot.db, "SELECT team_id, enterprise_id, question FROM questions")) == [
        ("T1", "E1", ANSWERED),
        ("T2", "", UNANSWERED),
    ]
    assert sorted(rows(bot.db, "SELECT team_id, enterprise_id, user_id FROM outbox")) == [
        ("T1", "E1", "U1"),
        ("T2", "", "U2"),
    ]
    # A click from T2 on T1's answer is not a vote on it.
    (question_id,) = rows(bot.db, "SELECT id FROM questions WHERE team_id = 'T1'")[0]
    reply = await vote(bot, question_id, "T2")
    assert "couldn't record your vote" in all_text(reply)
    assert rows(bot.db, "SELECT COUNT(*) FROM feedback") == [(0,)]
    reply = await vote(bot, question_id, "T1")
    assert "couldn't record your vote" not in all_text(reply)
    assert rows(bot.db, "SELECT team_id, helpful FROM feedback") == [("T1", 1)]


async def test_settings_are_shown_to_anyone_and_changed_by_admins(bot: Bot) -> None:
    shown = all_text(await bot.ask("settings", team_id="T1", user_id="UNOBODY"))
    assert "Africa/Casablanca" in shown and "default: FACTBOT_TZ" in shown
    refused = await bot.ask("settings tz Asia/Tokyo", team_id="T1", user_id="UNOBODY")
    assert refused["text"] == NOT_AN_ADMIN.format(name="settings")
    changed = all_text(await bot.ask("settings tz asia/tokyo", team_id="T1", user_id=ADMIN))
    assert "Changed: Time zone" in changed and TOKYO in changed and "set here by" in changed
    assert TOKYO not in all_text(await bot.ask("settings", team_id="T2", user_id="UNOBODY"))
    # The workspace's own admins replace FACTBOT_ADMINS there, and only there.
    await bot.ask("settings admins @U05 U06 U05", team_id="T1", user_id=ADMIN)
    assert rows(bot.db, "SELECT team_id, admins FROM workspace_settings") == [
        ("T1", '["U05", "U06"]')
    ]
    french = all_text(await bot.ask("settings language fr", team_id="T1", user_id="U05"))
    assert "Changed: Language" in french and "français" in french
    refused = await bot.ask("settings language fr", team_id="T2", user_id="U05")
    assert refused["text"] == NOT_AN_ADMIN.format(name="settings")
    refused = await bot.ask("settings reset tz", team_id="T1", user_id=ADMIN)
    assert refused["text"] == NOT_AN_ADMIN.format(name="settings")
    back = all_text(await bot.ask("settings reset tz", team_id="T1", user_id="U06"))
    assert "default: FACTBOT_TZ" in back and TOKYO not in back


async def test_a_wrong_setting_gets_the_usage_and_changes_nothing(bot: Bot) -> None:
    for text in ("settings tz Mars/Olympus", "settings language de", "settings admins bob"):
        reply = all_text(await bot.ask(text, team_id="T1", user_id=ADMIN))
        assert "settings [tz" in reply, text
    assert rows(bot.db, "SELECT COUNT(*) FROM workspace_settings") == [(0,)]


def test_the_settings_grammar(factbase: FactBase) -> None:
    assert parse("settings", factbase) == WorkspaceCommand("show")
    assert parse("parametres", factbase) == WorkspaceCommand("show", lang="fr")
    assert parse("settings tz utc", factbase) == WorkspaceCommand("set", "tz", ("UTC",))
    assert parse("settings langue FR", factbase) == WorkspaceCommand("set", "language", ("fr",))
    assert parse("settings admins U01 <@W02|ann> U01", factbase) == WorkspaceCommand(
        "set", "admins", ("U01", "W02")
    )
    assert parse("settings reset admins", factbase) == WorkspaceCommand("reset", "admins")
    for bad in (
        "settings tz",
        "settings tz Africa/Casablanca Europe/Paris",
        "settings tz ../../etc/passwd",
        "settings admins",
        "settings admins U01 someone",
        "settings reset",
        "settings reset colour",
        "settings colour blue",
    ):
        assert isinstance(parse(bad, factbase), Usage), bad
    assert "settings" in [s.name for s in SUBCOMMANDS]


# ------------------------------------------------------------------ time zones and language


@dataclass
class Clock:
    now: datetime

    def __call__(self) -> datetime:
        return self.now


async def test_a_workspaces_time_zone_moves_its_stats_days_only(
    tmp_path: Path, factbase: FactBase, matcher: Matcher
) -> None:
    # 10:00 UTC on 4 May: 11:00 in Casablanca (FACTBOT_TZ's default), 19:00 in Tokyo.
    clock = Clock(datetime.fromisoformat("2026-05-04T10:00:00+00:00"))
    settings = Settings.from_env({"FACTBOT_TZ": "Africa/Casablanca"})
    db = str(tmp_path / "f.db")
    one = Where("command", "U1", team_id="T1")
    two = Where("command", "U2", team_id="T2")
    async with open_deps(
        settings, base=factbase, matcher=matcher, db_path=db, clock=clock, workspaces=True
    ) as deps:
        await deps.store_for(one).set_workspace_setting("tz", TOKYO, by="U1")
        for where in (one, two):
            await reply_to(deps, UNANSWERED, where, strict=True)
        # Five hours later it is 4 May in Casablanca, 5 May in Tokyo.
        clock.now += timedelta(hours=5)
        mine = await gather_stats(deps, 1, one)
        theirs = await gather_stats(deps, 1, two)
    assert mine.tz_name == TOKYO and [(d.day, d.asked) for d in mine.days] == [("2026-05-05", 0)]
    assert theirs.tz_name == "Africa/Casablanca"
    assert [(d.day, d.asked) for d in theirs.days] == [("2026-05-04", 1)]


async def test_a_workspaces_time_zone_moves_its_digest_day(
    tmp_path: Path, factbase: FactBase
) -> None:
    posts: list[str] = []

    async def post(channel: str, message: Message) -> str | None:
        posts.append(channel)
        return f"1.{len(posts)}"

    clock = Clock(datetime.fromisoformat("2026-05-04T00:30:00+00:00"))  # 09:30 in Tokyo
    settings = Settings.from_env({})
    async with open_deps(
        settings, base=factbase, db_path=str(tmp_path / "f.db"), clock=clock, workspaces=True
    ) as deps:
        tokyo, casablanca = deps.store.for_team("T1"), deps.store.for_team("T2")
        await tokyo.set_workspace_setting("tz", TOKYO, by="U1")
        await tokyo.subscribe_digest("C1", "09:00", "U1")
        await casablanca.subscribe_digest("C2", "09:00", "U2")
        runner = DigestRunner(
            factbase, deps.store, ZoneInfo(settings.tz_name), post, clock=clock, pace=0
        )
        outcomes = await runner.run_due()
        assert [(o.channel_id, o.day.isoformat(), o.status) for o in outcomes] == [
            ("C1", "2026-05-04", "posted")
        ]
        assert posts == ["C1"]
        assert await casablanca.last_digest_posted("C2") is None
        # 09:00 in Casablanca (UTC+1 then) is 08:00 UTC: only then is C2's digest due.
        clock.now = datetime.fromisoformat("2026-05-04T08:01:00+00:00")
        assert [o.channel_id for o in await runner.run_due()] == ["C2"]


async def test_a_workspaces_language_answers_a_question_without_a_language(
    tmp_path: Path, factbase: FactBase, matcher: Matcher
) -> None:
    settings = Settings.from_env({})
    french, english = Where("command", "U1", team_id="T1"), Where("command", "U2", team_id="T2")
    async with open_deps(
        settings, base=factbase, matcher=matcher, db_path=str(tmp_path / "f.db"), workspaces=True
    ) as deps:
        await deps.store_for(french).set_workspace_setting("language", "fr", by="U1")
        said = (await reply_to(deps, "BCIJ budget", french, strict=True)).message.text
        assert said.startswith("Je ne sais pas")
        said = (await reply_to(deps, "BCIJ budget", english, strict=True)).message.text
        assert said.startswith("I don't know")
        # A question that shows its own language keeps it.
        said = (await reply_to(deps, UNANSWERED, french, strict=True)).message.text
        assert said.startswith("I don't know")
