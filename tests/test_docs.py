"""The docs, the manifest and the Procfile are part of the product: keep them honest."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bot.core.i18n import COMMAND
from bot.render.answers import render_help
from bot.render.blocks import to_text
from bot.render.curation import SHORTCUT_PROPOSE
from bot.services.subcommands import SUBCOMMANDS, help_lines
from bot.slack.oauth import BOT_SCOPES, REDIRECT_PATH

ROOT = Path(__file__).resolve().parent.parent
SLACK_DOC = (ROOT / "docs" / "slack.md").read_text(encoding="utf-8")
ENV_VARS = [
    "SLACK_BOT_TOKEN",
    "SLACK_SIGNING_SECRET",
    "SLACK_APP_TOKEN",
    "SLACK_API_URL",
    "PORT",
    "FACTBOT_DB",
    "FACTBOT_FACTS",
    "FACTBOT_ADMINS",
    "FACTBOT_TZ",
    "LOG_LEVEL",
    "FACTBOT_CURATORS_CHANNEL",
    "SLACK_CLIENT_ID",
    "SLACK_CLIENT_SECRET",
    "FACTBOT_ENCRYPTION_KEY",
    "FACTBOT_PUBLIC_URL",
    "SLACK_REDIRECT_URI",
    "FACTBOT_TRUST_FORWARDED",
    "FACTBOT_CURATORS_TEAM",
]


@pytest.mark.parametrize("sub", SUBCOMMANDS.entries, ids=lambda s: s.name)
def test_every_subcommand_is_in_the_help_and_the_docs(sub: object) -> None:
    usage = f"{COMMAND} {sub.usage}"  # type: ignore[attr-defined]
    assert usage in to_text(render_help(help_lines()))
    assert usage in SLACK_DOC


@pytest.mark.parametrize("name", ENV_VARS)
def test_every_setting_is_documented(name: str) -> None:
    assert f"`{name}`" in SLACK_DOC


def test_manifest_declares_what_the_handlers_need() -> None:
    manifest = yaml.safe_load((ROOT / "manifest.yml").read_text(encoding="utf-8"))
    assert [c["command"] for c in manifest["features"]["slash_commands"]] == [COMMAND]
    assert set(manifest["settings"]["event_subscriptions"]["bot_events"]) == {
        "app_mention",
        "message.im",
        "app_home_opened",
        "app_uninstalled",
        "tokens_revoked",
    }
    assert {"app_mentions:read", "chat:write", "commands", "im:history"} <= set(
        manifest["oauth_config"]["scopes"]["bot"]
    )
    assert manifest["settings"]["interactivity"]["is_enabled"] is True
    assert manifest["settings"]["socket_mode_enabled"] is True
    assert manifest["features"]["app_home"]["home_tab_enabled"] is True
    assert [(s["type"], s["callback_id"]) for s in manifest["features"]["shortcuts"]] == [
        ("message", SHORTCUT_PROPOSE)
    ]


def test_install_asks_for_the_manifests_scopes_and_redirects_to_its_path() -> None:
    manifest = yaml.safe_load((ROOT / "manifest.yml").read_text(encoding="utf-8"))
    assert list(BOT_SCOPES) == manifest["oauth_config"]["scopes"]["bot"]
    assert all(url.endswith(REDIRECT_PATH) for url in manifest["oauth_config"]["redirect_urls"])


def test_procfile_runs_http_on_port_and_socket_mode() -> None:
    lines = dict(
        line.split(":", 1) for line in (ROOT / "Procfile").read_text().splitlines() if line
    )
    assert lines["web"].split() == ["python", "-m", "bot", "run", "--mode", "http"]
    assert lines["worker"].split() == ["python", "-m", "bot", "run", "--mode", "socket"]


def test_quick_start_gets_to_the_console() -> None:
    assert "python -m bot" in SLACK_DOC
    assert 'echo "law 27-14?" | python -m bot' in SLACK_DOC


def test_reliability_doc_names_only_tests_that_exist() -> None:
    """docs/reliability.md proves each guarantee with a test: a renamed test must not
    leave the guarantee pointing at nothing."""
    import re

    doc = (ROOT / "docs" / "reliability.md").read_text(encoding="utf-8")
    defined: dict[str, set[str]] = {
        f.name: set(re.findall(r"def (test_\w+)", f.read_text(encoding="utf-8")))
        for f in (ROOT / "tests").rglob("test_*.py")
    }
    everywhere = set().union(*defined.values())
    cited = re.findall(r"`(test_\w+\.py)?(?:::)?(test_\w+)`", doc)
    assert len(cited) > 20
    for module, name in cited:
        assert name in (defined.get(module, set()) if module else everywhere), f"{module}::{name}"


#: A measured figure: a number with the unit of a timing, a ratio, a rate or a size.
FIGURE = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?\s?(?:ms|x|req/s|MB)(?![\w])")
#: A link into docs/benchmarks.md, and its text.
BENCH_LINK = re.compile(r"\[([^\]]*)\]\(benchmarks\.md(?:#[\w-]*)?\)")
NUMBER = re.compile(r"(?<![\w.])\d[\d,/]*(?:\.\d+)?(?![\w])")


def test_every_figure_in_the_reliability_doc_comes_from_the_benchmarks() -> None:
    """docs/reliability.md quotes no figure of its own: each timing, ratio, rate or size
    it gives, and each number in a link to docs/benchmarks.md, is written there, next
    to the script and command that measured it. A new benchmark run updates
    benchmarks.md; a figure left behind in reliability.md fails here."""
    reliability = (ROOT / "docs" / "reliability.md").read_text(encoding="utf-8")
    benchmarks = (ROOT / "docs" / "benchmarks.md").read_text(encoding="utf-8")
    quoted = FIGURE.findall(reliability)
    for link_text in BENCH_LINK.findall(reliability):
        quoted += NUMBER.findall(link_text)
    missing = sorted({f for f in quoted if f not in benchmarks})
    assert missing == [], f"figures in reliability.md that benchmarks.md does not give: {missing}"
    assert len(quoted) >= 8


def test_the_figure_check_catches_a_stale_figure() -> None:
    """The check itself: the figures the old reliability.md quoted are caught."""
    stale = "the ack p99 is 62 ms ... **Throughput** is 0.43x ... [p99 62 ms](benchmarks.md#load)"
    assert FIGURE.findall(stale) == ["62 ms", "0.43x", "62 ms"]
    assert NUMBER.findall(BENCH_LINK.findall(stale)[0]) == ["62"]
    assert "62 ms" not in (ROOT / "docs" / "benchmarks.md").read_text(encoding="utf-8")
