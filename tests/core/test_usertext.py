"""From Slack wire text to the words a person typed, and back out safely."""

from __future__ import annotations

import pytest

from bot.core.factbase import FactBase
from bot.core.grammar import Ask, Help, ListTopic, ShowSource, Topics
from bot.core.text import escape_mrkdwn
from bot.core.usertext import MAX_QUESTION_CHARS, clip_question, from_slack, strip_mentions
from bot.services.subcommands import Usage, parse


@pytest.mark.parametrize(
    ("wire", "plain"),
    [
        ("<!channel> what is the BCIJ?", "what is the BCIJ?"),  # a real broadcast is dropped
        ("&lt;!channel&gt; what is the BCIJ?", "<!channel> what is the BCIJ?"),  # typed: text
        ("<!here> <!everyone> hi", "hi"),
        ("<@U0LAN0Z89|admin> approve this", "approve this"),
        ("<!subteam^SAZ94GDB8|@oncall> page them", "page them"),
        (
            "<https://evil.example/login|https://bank.example>",
            "https://bank.example (https://evil.example/login)",
        ),
        ("see <https://unodc.org>", "see https://unodc.org"),
        ("<#C123|general> news", "#general news"),
        ("&lt;!channel&gt; &amp;amp;", "<!channel> &amp;"),
        ("fact\u202eevil\u202c about \u200bzero\u200bwidth", "factevil about zerowidth"),
        ("abc\u0000def\u0007\r\n\t", "abc def"),
        ("a&amp;b=c+d %26 %2B", "a&b=c+d %26 %2B"),
        ("   \n\t ", ""),
    ],
)
def test_from_slack(wire: str, plain: str) -> None:
    assert from_slack(wire) == plain


@pytest.mark.parametrize(
    "typed", ["<!channel> hi", "a & b", "&lt;", "x > y < z", "<@U1> & <#C2>", "plain"]
)
def test_echo_is_escaped_exactly_once(typed: str) -> None:
    """What someone typed arrives escaped; echoing it back gives the same wire text."""
    wire = escape_mrkdwn(typed)
    assert escape_mrkdwn(from_slack(wire)) == wire


def test_strip_mentions_removes_the_bot_wherever_it_is() -> None:
    assert strip_mentions("<@W1> when? <@W1|factbot>", "W1") == "when?"
    assert strip_mentions("<@U9> hi", "W1") == "<@U9> hi"
    assert strip_mentions("<@W1> hi", None) == "hi"


def test_long_questions_are_clipped_at_a_word() -> None:
    question, clipped = clip_question("word " * 8001)
    assert clipped and len(question) <= MAX_QUESTION_CHARS and question.endswith("word")
    assert clip_question("short") == ("short", False)


def test_grammar(factbase: FactBase) -> None:
    assert parse("", factbase) == Help()
    assert parse("HELP", factbase) == Help()
    assert parse("topics", factbase) == Topics()
    assert parse("list laws", factbase) == ListTopic("laws")
    assert parse("source bcij-established", factbase) == ShowSource("bcij-established")
    assert parse("when was the BCIJ created?", factbase) == Ask("when was the BCIJ created?")
    for bad in ("list", "list nope", "list a b", "source", "source nope", "help me", "topics x"):
        assert isinstance(parse(bad, factbase), Usage), bad
        # In conversation a misused subcommand is just a question.
        assert parse(bad, factbase, strict=False) == Ask(bad)
    usage = parse("list <!channel>", factbase)
    assert isinstance(usage, Usage) and "&lt;!channel&gt;" in usage.problem
