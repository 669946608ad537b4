"""The `/facts` registry: a subcommand is one entry, and every piece of it is required."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.core.factbase import FactBase
from bot.core.records import Where
from bot.engine import Matcher
from bot.render.blocks import Message, render_notice, to_text
from bot.services.deps import Deps, open_deps
from bot.services.replies import reply_to
from bot.services.subcommands import SUBCOMMANDS, Call, Invalid, Subcommand, Usage
from bot.settings import Settings


@dataclass(frozen=True, slots=True)
class Count:
    """`/facts count <topic>`: how many facts a topic holds (a subcommand made up for this test)."""

    topic: str


def _parse_count(args: list[str], base: FactBase, lang: str) -> Count | Invalid:
    if len(args) != 1 or args[0] not in base.topics:
        return Invalid("Name one topic.")
    return Count(args[0])


async def _count(call: Call, command: Count) -> int:
    return sum(f.topic == command.topic for f in call.deps.base.facts)


def _render_count(n: int) -> Message:
    return render_notice(f"{n} facts")


COUNT = Subcommand(
    "count",
    "count <topic>",
    "how many facts a topic holds",
    "le nombre de faits d'un sujet",
    Count,
    _parse_count,
    _count,
    _render_count,
    ("compte",),
)


@pytest.fixture
async def deps(tmp_path: Path, factbase: FactBase, matcher: Matcher) -> AsyncIterator[Deps]:
    settings = Settings.from_env({"FACTBOT_DB": str(tmp_path / "f.db")})
    async with open_deps(settings, base=factbase, matcher=matcher) as opened:
        yield opened


async def test_a_subcommand_added_in_one_place_is_parsed_run_rendered_and_helped(
    deps: Deps, factbase: FactBase
) -> None:
    registry = SUBCOMMANDS.plus(COUNT)
    laws = sum(f.topic == "laws" for f in factbase.facts)
    where = Where("command", "U1", "C1")

    reply = await reply_to(deps, "count laws", where, strict=True, registry=registry)
    assert to_text(reply.message) == f"{laws} facts"
    french = await reply_to(deps, "compte laws", where, strict=True, registry=registry)
    assert to_text(french.message) == f"{laws} facts"
    usage = await reply_to(deps, "count nothing", where, strict=True, registry=registry)
    assert "Name one topic." in to_text(usage.message)
    assert "/facts count <topic>" in to_text(usage.message)
    help_text = to_text(
        (await reply_to(deps, "help", where, strict=True, registry=registry)).message
    )
    assert "/facts count <topic>" in help_text and "how many facts a topic holds" in help_text
    # The served registry does not have it: there, "count laws" is a question.
    served = await reply_to(deps, "count laws", where, strict=True)
    assert to_text(served.message) != f"{laws} facts"


def test_a_misused_subcommand_in_conversation_is_a_question(factbase: FactBase) -> None:
    registry = SUBCOMMANDS.plus(COUNT)
    assert isinstance(registry.parse("count nothing", factbase, strict=True), Usage)
    assert type(registry.parse("count nothing", factbase, strict=False)).__name__ == "Ask"


def test_every_piece_of_an_entry_is_required() -> None:
    with pytest.raises(TypeError):
        Subcommand("count", "count <topic>", "summary", "résumé", Count, _parse_count, _count)  # type: ignore[call-arg]


def test_two_entries_cannot_share_a_name_or_a_command_record() -> None:
    with pytest.raises(ValueError, match="count"):
        SUBCOMMANDS.plus(COUNT, COUNT)
    clash = Subcommand("aide", "aide", "s", "s", Count, _parse_count, _count, _render_count)
    with pytest.raises(ValueError, match="aide"):
        SUBCOMMANDS.plus(clash)


@pytest.mark.parametrize(
    ("message", "meant"),
    [
        ("/facts topcis", "topics"),
        ("hlep", "help"),
        ("/fact topcis", "topics"),
        ("/fact help", "help"),
        ("facts hepl", "help"),
        ("fact topics", "topics"),
        ("/facst topics", "topics"),
    ],
)
async def test_a_mistyped_command_in_a_message_gets_did_you_mean(
    deps: Deps, message: str, meant: str
) -> None:
    """ "/fact topcis" or "facts help" sent as a message: the subcommand it was meant to
    be, never a fact."""
    reply = await reply_to(deps, message, Where("dm", "U1", "D1"), strict=False)
    assert f"Did you mean `/facts {meant}`?" in to_text(reply.message)


@pytest.mark.parametrize("message", ["hello", "facts about the BCIJ", "when was the BCIJ created?"])
def test_a_message_that_is_no_command_means_none(message: str) -> None:
    assert SUBCOMMANDS.meant(message) is None
