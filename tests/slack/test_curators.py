"""Curation with many workspaces (OAuth): a role of the deployment, held in one home workspace.

The fact base is one for every workspace that installed the app, so only the admins
of the curators' workspace (FACTBOT_CURATORS_TEAM) may teach it, review the question
log, mark questions, approve or reject proposals. The admin of another workspace
is refused and changes nothing. Anyone may propose: the proposal is posted to the
curators' channel with the home workspace's token, its message is updated with
that token, and the proposer is told with their own workspace's token.

The bot runs as `python -m bot` runs it (bot.runner.serve) in multi-workspace mode,
on each backend (the `database` fixture), against the loopback fake Slack, which
records the Authorization header of every call. Requests are signed as Slack signs
them; nothing sleeps.
"""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import payloads as p
from fakeslack import FakeSlack
from httpbot import UNANSWERED, all_text, watching_logs
from oauthbot import browser, edge, install

from bot.core.factbase import FactBase
from bot.engine import Matcher
from bot.render.curation import (
    ACTION_APPROVE,
    ACTION_GAP,
    ACTION_REJECT,
    ACTION_SKIP,
    ACTION_TEACH_PREFIX,
    VIEW_PROPOSE,
)
from bot.services.curation import NOT_A_CURATOR, NOT_SET_UP
from bot.storage.store import open_store

HOME, OTHER = "THOME", "TOTHER"
CURATOR, SECOND_CURATOR = "UCURATOR1", "UCURATOR2"  # FACTBOT_ADMINS, at home
OTHER_ADMIN = "UOTHERADMIN"  # an admin of the other workspace, according to Slack
ASKER, ASKER_CHANNEL = "UASKER", "CASKER"
PROPOSER = "UPROPOSER"
CURATORS_CHANNEL = "CCURATORS"
QUESTION = "how many UN police academies called ILEA exist"
FACT = "ilea-five-academies"
OWN_WORDING = "which UN police academies called ILEA are there"
REFUSED_HERE = NOT_A_CURATOR.format(name="{name}", workspace=f"Workspace {HOME}")
SOURCE = "motm-morocco-combats-terrorism"
QUOTE = "Morocco has also worked with the US to further improve its domestic capabilities."
PROPOSED_QUESTION = "Did Morocco ask America to help improve its domestic capabilities?"
PROPOSAL = {
    "source": ("select", SOURCE),
    "snippet": QUOTE,
    "answer": "According to Morocco On The Move, Morocco has worked with the US to further "
    "improve its domestic capabilities.",
    "answer_fr": "Selon Morocco On The Move, le Maroc a travaillé avec les États-Unis pour "
    "renforcer encore ses capacités nationales.",
    "question": PROPOSED_QUESTION,
    "topic": ("select", "partnerships"),
    "when": None,
    "where": "Morocco",
}


@dataclass
class Workspaces:
    """Two workspaces that installed the bot, and a way to act in each as Slack would."""

    session: aiohttp.ClientSession
    url: str
    fake: FakeSlack
    tokens: dict[str, str]
    #: The Enterprise Grid org of a workspace that is in one (its requests say so).
    enterprises: dict[str, str] = field(default_factory=dict)
    _names: itertools.count[int] = field(default_factory=itertools.count)

    def bearer(self, team: str) -> str:
        return f"Bearer {self.tokens[team]}"

    async def _post(self, body: bytes) -> tuple[int, str]:
        async with self.session.post(
            f"{self.url}/slack/events", data=body, headers=p.signed_headers(body, p.FORM)
        ) as resp:
            return resp.status, await resp.text()

    async def _reply(self, response_url: str) -> dict[str, Any]:
        path = response_url.split(str(self.fake.port), 1)[1]
        await self.fake.wait_until(
            lambda: any(c.path == path for c in self.fake.calls_to("response_url"))
        )
        return next(c.body for c in self.fake.calls_to("response_url") if c.path == path)

    async def command(
        self, text: str, *, team: str, user: str, channel: str = "C111"
    ) -> dict[str, Any]:
        """`/facts <text>` from `user` of workspace `team`; the reply to it."""
        url = self.fake.response_url(f"r{next(self._names)}")
        body = p.slash_command(
            text,
            response_url=url,
            user_id=user,
            channel_id=channel,
            team_id=team,
            enterprise_id=self.enterprises.get(team),
        )
        assert (await self._post(body))[0] == 200
        return await self._reply(url)

    async def click(
        self, element: dict[str, Any], *, team: str, user: str, channel: str = "C111"
    ) -> dict[str, Any]:
        """Click a button of ours from workspace `team`; the bot's answer to the click."""
        url = self.fake.response_url(f"r{next(self._names)}")
        payload = p.block_actions(
            element["action_id"], element["value"], response_url=url, user_id=user
        )
        payload["channel"]["id"] = channel
        payload["team"] = {"id": team, "domain": "workspace-domain"}
        payload["user"]["team_id"] = team
        if team in self.enterprises:
            payload["enterprise"] = {"id": self.enterprises[team], "name": "An org"}
        assert (await self._post(p.form_payload(payload)))[0] == 200
        return await self._reply(url)

    async def propose(self, *, team: str, user: str) -> None:
        """`/facts propose` from workspace `team`, and the form it opens, filled and sent."""
        before = len(self.fake.calls_to("views.open"))
        url = self.fake.response_url(f"r{next(self._names)}")
        body = p.slash_command("propose", response_url=url, user_id=user, team_id=team)
        assert (await self._post(body))[0] == 200
        opened = (await self.fake.wait_for("views.open", before + 1))[-1]
        assert opened.headers["Authorization"] == self.bearer(team)
        view = opened.body["view"]
        assert view["callback_id"] == VIEW_PROPOSE
        submission = p.view_submission(view, PROPOSAL, user_id=user)
        submission["team"]["id"] = submission["user"]["team_id"] = team
        submission["view"]["team_id"] = submission["view"]["app_installed_team_id"] = team
        assert await self._post(p.form_payload(submission)) == (200, "")  # the form closes


@asynccontextmanager
async def two_workspaces(
    fake: FakeSlack,
    database: str,
    base: FactBase,
    matcher: Matcher,
    *,
    home_org: str = "",
    **env: str,
) -> AsyncIterator[Workspaces]:
    """The bot with HOME (in Enterprise Grid org `home_org`, if given) and OTHER installed;
    FACTBOT_ADMINS are the two curators."""
    settings = {
        "FACTBOT_ADMINS": f"{CURATOR},{SECOND_CURATOR}",
        "FACTBOT_CURATORS_CHANNEL": CURATORS_CHANNEL,
        **env,
    }
    orgs = {HOME: home_org} if home_org else {}
    async with edge(fake, database, base, matcher, **settings) as url, browser() as session:
        tokens = {
            team: await install(fake, session, url, url, team, enterprise=orgs.get(team, ""))
            for team in (HOME, OTHER)
        }
        yield Workspaces(session, url, fake, tokens, orgs)


def buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for b in message.get("blocks", []) if b["type"] == "actions" for e in b["elements"]]


def button(message: dict[str, Any], action: str, value_part: str = "") -> dict[str, Any]:
    found = [
        e
        for e in buttons(message)
        if e["action_id"].startswith(action) and value_part in str(e["value"])
    ]
    assert found, [(e["action_id"], e["value"]) for e in buttons(message)]
    return found[0]


async def make_other_admin(slack: Workspaces) -> None:
    """OTHER_ADMIN is an admin of OTHER, for Slack (users.info, asked with OTHER's token):
    they change OTHER's settings."""
    slack.fake.queue("users.info", {"ok": True, "user": {"id": OTHER_ADMIN, "is_admin": True}})
    changed = await slack.command("settings tz Asia/Tokyo", team=OTHER, user=OTHER_ADMIN)
    assert "Changed: Time zone" in all_text(changed)
    (lookup,) = slack.fake.calls_to("users.info")
    assert lookup.headers["Authorization"] == slack.bearer(OTHER)


async def test_an_admin_of_another_workspace_cannot_curate_the_home_workspaces_curators_can(
    fake: FakeSlack, database: str, factbase: FactBase, matcher: Matcher
) -> None:
    async with two_workspaces(
        fake, database, factbase, matcher, FACTBOT_CURATORS_TEAM=HOME
    ) as slack:
        for text in (QUESTION, UNANSWERED):
            asked = await slack.command(text, team=OTHER, user=ASKER, channel=ASKER_CHANNEL)
            assert "I don't know" in asked["text"]
        await make_other_admin(slack)

        # The curators' review holds the other workspace's questions: their wording only.
        review = await slack.command("review", team=HOME, user=CURATOR)
        shown = all_text(review)
        assert QUESTION in shown and UNANSWERED in shown
        for private in (ASKER, ASKER_CHANNEL, OTHER):
            assert private not in shown
        teach = button(review, ACTION_TEACH_PREFIX, FACT)
        question_id = teach["value"].split(":", 1)[0]
        gap = next(
            e
            for e in buttons(review)
            if e["action_id"] == ACTION_GAP and question_id not in e["value"].split(",")
        )
        skip = button(review, ACTION_SKIP)

        # The other workspace's admin, and a FACTBOT_ADMINS id acting from there: refused.
        for user in (OTHER_ADMIN, CURATOR):
            said = await slack.command("review", team=OTHER, user=user)
            assert said["text"] == REFUSED_HERE.format(name="review")
        said = await slack.command(f"teach {FACT} {QUESTION}", team=OTHER, user=OTHER_ADMIN)
        assert said["text"] == REFUSED_HERE.format(name="teach")
        # The one fact base is every workspace's: reloading it is curation too.
        said = await slack.command("reload", team=OTHER, user=OTHER_ADMIN)
        assert said["text"] == REFUSED_HERE.format(name="reload")
        for element in (teach, gap, skip):
            said = await slack.click(element, team=OTHER, user=OTHER_ADMIN)
            assert said["text"] == REFUSED_HERE.format(name="review")
        async with open_store(database) as store:
            assert (await store.curation()).empty
            assert await store.review_marks() == {}
        asked = await slack.command(QUESTION, team=OTHER, user=ASKER)
        assert "I don't know" in asked["text"]
        assert not slack.fake.calls_to("users.info")[1:]  # no more lookups: refused at once

        # A curator of the home workspace teaches and closes the other workspace's questions.
        taught = await slack.click(teach, team=HOME, user=CURATOR)
        assert taught["blocks"][0]["text"]["text"].startswith("*Taught*: “")
        closed = await slack.click(gap, team=HOME, user=CURATOR)
        assert closed["text"].startswith(
            "Marked as not in the sources (counted in `/facts stats`): 1 question(s)."
        )
        said = await slack.command(
            f"teach --anyway {FACT} {OWN_WORDING}", team=HOME, user=SECOND_CURATOR
        )
        assert said["text"].startswith("*Taught*: “")
        async with open_store(database) as store:
            phrasings = {t.phrasing for t in (await store.curation()).phrasings}
            marks = await store.review_marks()
        assert phrasings == {QUESTION, OWN_WORDING}
        assert {m.verdict for m in marks.values()} == {"taught", "gap"}
        answered = await slack.command(QUESTION, team=OTHER, user=ASKER)
        assert "I don't know" not in answered["text"]


async def test_a_proposal_from_another_workspace_crosses_with_each_workspaces_own_token(
    fake: FakeSlack, database: str, factbase: FactBase, matcher: Matcher
) -> None:
    async with two_workspaces(
        fake, database, factbase, matcher, FACTBOT_CURATORS_TEAM=HOME
    ) as slack:
        await make_other_admin(slack)
        await slack.propose(team=OTHER, user=PROPOSER)

        def posts(channel: str) -> list[Any]:
            return [c for c in fake.calls_to("chat.postMessage") if c.body["channel"] == channel]

        await fake.wait_until(lambda: bool(posts(CURATORS_CHANNEL)) and bool(posts(PROPOSER)))
        (post,) = posts(CURATORS_CHANNEL)
        assert post.headers["Authorization"] == slack.bearer(HOME)
        (thanks,) = posts(PROPOSER)
        assert thanks.headers["Authorization"] == slack.bearer(OTHER)
        assert "is with the curators" in thanks.body["text"]
        assert CURATORS_CHANNEL not in thanks.body["text"]  # a channel of another workspace
        approve = button(post.body, ACTION_APPROVE)
        reject = button(post.body, ACTION_REJECT)

        # The other workspace's admin may neither approve nor reject.
        for element, name in ((approve, "approve"), (reject, "reject")):
            said = await slack.click(element, team=OTHER, user=OTHER_ADMIN)
            assert said["text"] == REFUSED_HERE.format(name=name)
        assert len(fake.calls_to("views.open")) == 1  # only the proposal form: no reject form
        assert not fake.calls_to("chat.update")
        async with open_store(database) as store:
            (pending,) = await store.pending_proposals()
            assert (pending.team_id, pending.proposed_by) == (OTHER, PROPOSER)
            assert (await store.curation()).empty
        asked = await slack.command(PROPOSED_QUESTION, team=OTHER, user="UASK1")
        assert "I don't know" in asked["text"]

        # A home curator approves: the curators' message is updated with the home token,
        # the proposer is told with the other workspace's.
        approved = await slack.click(approve, team=HOME, user=CURATOR, channel=CURATORS_CHANNEL)
        assert approved["text"].startswith(f"Approved proposal #{approve['value']}")
        (update,) = await fake.wait_for("chat.update")
        assert update.headers["Authorization"] == slack.bearer(HOME)
        assert update.body["channel"] == CURATORS_CHANNEL
        assert "approved* by <@UCURATOR1>" in all_text(update.body)
        await fake.wait_until(lambda: len(posts(PROPOSER)) == 2)
        told = posts(PROPOSER)[1]
        assert told.headers["Authorization"] == slack.bearer(OTHER)
        assert "was approved" in told.body["text"]
        answer = await slack.command(PROPOSED_QUESTION, team=OTHER, user="UASK2")
        assert "worked with the US to further improve its domestic capabilities" in answer["text"]


async def test_a_home_workspace_inside_an_enterprise_grid_org_gets_the_proposals(
    fake: FakeSlack, database: str, factbase: FactBase, matcher: Matcher
) -> None:
    """FACTBOT_CURATORS_TEAM names a team; the home workspace's installation is kept under
    its org's enterprise id too. The proposal is posted, and updated once approved, with
    that installation's token; the help names the workspace."""
    async with two_workspaces(
        fake, database, factbase, matcher, home_org="E0GRID", FACTBOT_CURATORS_TEAM=HOME
    ) as slack:
        async with open_store(database) as store:
            assert await store.is_installed(HOME, "E0GRID")
            assert not await store.is_installed(HOME, "")
        helped = all_text(await slack.command("help", team=OTHER, user=ASKER))
        assert f"are the admins of the Workspace {HOME} workspace" in helped
        await slack.propose(team=OTHER, user=PROPOSER)

        def posts(channel: str) -> list[Any]:
            return [c for c in fake.calls_to("chat.postMessage") if c.body["channel"] == channel]

        # The thanks goes out once the curators' post was sent (or found no client).
        await fake.wait_until(lambda: bool(posts(PROPOSER)))
        (post,) = posts(CURATORS_CHANNEL)
        assert post.headers["Authorization"] == slack.bearer(HOME)
        async with open_store(database) as store:
            (pending,) = await store.pending_proposals()
            (kept,) = fake.history[CURATORS_CHANNEL]
            assert (pending.channel_id, pending.message_ts) == (CURATORS_CHANNEL, kept["ts"])
        approve = button(post.body, ACTION_APPROVE)
        approved = await slack.click(approve, team=HOME, user=CURATOR, channel=CURATORS_CHANNEL)
        assert approved["text"].startswith(f"Approved proposal #{approve['value']}")
        (update,) = await fake.wait_for("chat.update")
        assert update.headers["Authorization"] == slack.bearer(HOME)
        assert update.body["channel"] == CURATORS_CHANNEL


async def test_the_help_says_who_curates_to_everyone_else(
    fake: FakeSlack, database: str, factbase: FactBase, matcher: Matcher
) -> None:
    async with two_workspaces(
        fake, database, factbase, matcher, FACTBOT_CURATORS_TEAM=HOME
    ) as slack:
        english = all_text(await slack.command("help", team=OTHER, user=ASKER))
        assert (
            "Curators (`/facts review`, `teach`, approving proposed facts) are the admins of "
            f"the Workspace {HOME} workspace; anyone may propose a fact."
        ) in english
        french = all_text(await slack.command("aide", team=OTHER, user=ASKER))
        assert (
            "Les curateurs (`/facts revue`, `enseigner`, validation des faits proposés) sont "
            f"les admins de l'espace de travail Workspace {HOME}"
        ) in french
        assert "Curators (" not in all_text(await slack.command("help", team=HOME, user=CURATOR))


async def test_with_no_curators_workspace_nobody_curates_and_every_curation_command_says_so(
    fake: FakeSlack, database: str, factbase: FactBase, matcher: Matcher
) -> None:
    with watching_logs("bot") as logs:
        async with two_workspaces(fake, database, factbase, matcher) as slack:
            (line,) = logs.lines("curation_not_set_up")
            assert "FACTBOT_CURATORS_TEAM" in line
            asked = await slack.command(UNANSWERED, team=HOME, user=ASKER)
            assert "I don't know" in asked["text"]
            for team in (HOME, OTHER):  # a FACTBOT_ADMINS id, in either workspace
                said = await slack.command("review", team=team, user=CURATOR)
                assert said["text"] == NOT_SET_UP.format(name="review")
                assert said["text"].endswith(".") and ". " not in said["text"]  # one sentence
                said = await slack.command(f"teach {FACT} {QUESTION}", team=team, user=CURATOR)
                assert said["text"] == NOT_SET_UP.format(name="teach")
            helped = all_text(await slack.command("help", team=HOME, user=CURATOR))
            assert (
                "Curation (`/facts review`, `teach`, approving proposed facts) is not set up"
                in (helped)
            )
            # A proposal is kept, but there is no curators' workspace to post it in.
            await slack.propose(team=OTHER, user=PROPOSER)
            await fake.wait_until(
                lambda: any(
                    c.body["channel"] == PROPOSER for c in fake.calls_to("chat.postMessage")
                )
            )
            assert not [
                c
                for c in fake.calls_to("chat.postMessage")
                if c.body["channel"] == CURATORS_CHANNEL
            ]
        async with open_store(database) as store:
            assert (await store.curation()).empty
            assert await store.review_marks() == {}
            assert [p.team_id for p in await store.pending_proposals()] == [OTHER]
    assert len(logs.lines("curation_not_set_up")) == 1
