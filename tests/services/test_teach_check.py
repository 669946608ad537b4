"""`/facts teach`: checked before it is kept, served at once, kept across restarts and reloads.

A four-fact base on disk and a real SQLite file; the registry is driven the way
every surface drives it (`reply_to`), as a curator and as someone who is not.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from factdir import write_base as write_factbase

from bot.core.factbase import FactBase, load_factbase
from bot.core.records import Where
from bot.engine import Matcher
from bot.render.blocks import to_text
from bot.services.admin import NOT_AN_ADMIN, reload_facts
from bot.services.deps import Deps, open_deps
from bot.services.replies import reply_to
from bot.settings import Settings

CURATOR = Where("command", "UCURATOR", "C1")
SOMEONE = Where("command", "UPLAIN", "C1")
ARCHIVE = (
    "The new court in Rabat opened in 2019 after years of work. The Tiflet prison opened in "
    "2015 with room for a thousand inmates. The ministry published its budget in spring. "
    "An annual report on the courts was released in June.\n"
)
FACTS = """\
- id: court-opened
  topic: laws
  title: The new Rabat court opened in 2019
  answer: The new court in Rabat opened in 2019.
  answer_fr: Le nouveau tribunal de Rabat a ouvert en 2019.
  snippet: The new court in Rabat opened in 2019
  source: news
  ask: [When did the new Rabat court open?]
- id: prison-opened
  topic: laws
  title: The Tiflet prison opened in 2015
  answer: The Tiflet prison opened in 2015.
  answer_fr: La prison de Tiflet a ouvert en 2015.
  snippet: The Tiflet prison opened in 2015
  source: news
  ask: [When did the Tiflet prison open?, How big is the Tiflet prison?]
- id: budget-published
  topic: laws
  title: The ministry published its budget
  answer: The ministry published its budget in spring.
  answer_fr: Le ministère a publié son budget au printemps.
  snippet: The ministry published its budget in spring
  source: news
  ask: [When was the ministry budget published?]
- id: annual-report
  topic: laws
  title: An annual report on the courts came out in June
  answer: An annual report on the courts was released in June.
  answer_fr: Un rapport annuel sur les tribunaux est paru en juin.
  snippet: An annual report on the courts was released in June
  source: news
  when: 2020-06
  ask: [When did the annual report on the courts come out?]
"""


def write_base(root: Path) -> Path:
    return write_factbase(root, ARCHIVE, FACTS)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    facts = write_base(tmp_path / "facts")
    return Settings.from_env(
        {
            "FACTBOT_DB": str(tmp_path / "f.db"),
            "FACTBOT_FACTS": str(facts),
            "FACTBOT_ADMINS": "UCURATOR",
        }
    )


@pytest.fixture
async def deps(settings: Settings) -> AsyncIterator[Deps]:
    async with open_deps(settings) as opened:
        yield opened


async def say(deps: Deps, text: str, where: Where = CURATOR) -> str:
    """The reply as text, without mrkdwn's bold marks."""
    return to_text((await reply_to(deps, text, where, strict=True)).message).replace("*", "")


def best(deps: Deps, question: str) -> str | None:
    answer = deps.matcher.ask(question)
    return answer.best.fact.id if answer.answered and answer.best else None


NEW_WORDING = "what year did the Rabat tribunal start hearing cases"


async def test_a_clean_phrasing_is_kept_served_at_once_and_survives_a_restart(
    deps: Deps, settings: Settings
) -> None:
    assert best(deps, NEW_WORDING) is None
    generation = deps.facts.current.generation
    said = await say(deps, f"teach court-opened {NEW_WORDING}")
    assert said.startswith("Taught:")
    assert "now reaches The new Rabat court opened in 2019 (`court-opened`)" in said
    assert "It takes no other fact's questions." in said
    assert deps.facts.current.generation == generation + 1  # swapped, as a reload swaps
    assert best(deps, NEW_WORDING) == "court-opened"
    assert best(deps, "What year did the Rabat tribunal start hearing cases?") == "court-opened"
    async with open_deps(settings) as restarted:
        assert best(restarted, NEW_WORDING) == "court-opened"
        taught = (await restarted.store.curation()).phrasings
    assert [(t.fact_id, t.phrasing, t.taught_by) for t in taught] == [
        ("court-opened", NEW_WORDING, "UCURATOR")
    ]


async def test_a_phrasing_that_takes_another_facts_question_is_held_until_kept_anyway(
    tmp_path: Path, factbase: FactBase, matcher: Matcher
) -> None:
    """On the real fact base: one fact's question, taught to its neighbour, would move."""
    asked = "Which attacks followed the 2003 attacks in Morocco?"
    env = {"FACTBOT_DB": str(tmp_path / "real.db"), "FACTBOT_ADMINS": "UCURATOR"}
    async with open_deps(Settings.from_env(env), base=factbase, matcher=matcher) as deps:
        assert best(deps, asked) == "attacks-2007-and-2011"
        said = await say(deps, f"teach may-16-2003-attacks {asked}")
        assert said.startswith("Not kept yet: with it, “Which attacks followed")
        assert "now reaches" in said and "(`may-16-2003-attacks`)" in said
        assert (
            f"• “{asked}” (of `attacks-2007-and-2011`): "
            "`attacks-2007-and-2011` → `may-16-2003-attacks`"
        ) in said
        assert "[Keep anyway]" in said
        assert best(deps, asked) == "attacks-2007-and-2011"  # nothing changed
        assert (await deps.store.curation()).phrasings == ()
        kept = await say(deps, f"teach --anyway may-16-2003-attacks {asked}")
        assert kept.startswith("Taught anyway:")
        assert best(deps, asked) == "may-16-2003-attacks"


async def test_a_phrasing_that_does_not_reach_its_fact_is_held(deps: Deps) -> None:
    said = await say(deps, "teach annual-report when did the Tiflet prison open")
    assert said.startswith("Not kept yet:")
    assert "does not reach An annual report on the courts came out in June" in said
    assert "it is answered with `prison-opened`" in said
    missed = await say(deps, "teach annual-report how big is the tiflet prison")
    assert "it gets no answer" in missed
    assert (await deps.store.curation()).phrasings == ()


async def test_a_phrasing_the_fact_already_has_is_said_so(deps: Deps) -> None:
    said = await say(deps, "teach court-opened when did the new rabat court open")
    assert "already has the phrasing" in said and "and it reaches it" in said


async def test_a_reload_keeps_what_was_taught(deps: Deps) -> None:
    await say(deps, f"teach court-opened {NEW_WORDING}")
    outcome = await reload_facts(deps, by="test")
    assert outcome.ok and outcome.changed == ()  # phrasings are not a change a reader sees
    assert best(deps, NEW_WORDING) == "court-opened"


async def test_only_curators_teach_and_review_and_the_grammar_says_what_is_missing(
    deps: Deps,
) -> None:
    for text, name in ((f"teach court-opened {NEW_WORDING}", "teach"), ("review", "review")):
        assert await say(deps, text, SOMEONE) == NOT_AN_ADMIN.format(name=name)
    assert (await deps.store.curation()).phrasings == ()
    assert "There is no fact `nope`" in await say(deps, "teach nope when?")
    assert "Give the question to teach after `court-opened`" in await say(
        deps, "teach court-opened"
    )
    # In a conversation, a sentence that starts with "teach" is a question.
    chat = await reply_to(deps, "teach me about the court", SOMEONE, strict=False)
    assert "There is no fact" not in to_text(chat.message)


def test_the_base_itself_lints_clean(settings: Settings) -> None:
    base = load_factbase(settings.facts_dir)
    assert Matcher(base).ask("When did the Tiflet prison open?").best is not None
