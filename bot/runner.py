"""Run the bot in the mode the settings call for (the Slack app issue fills this in)."""

from __future__ import annotations

from bot.settings import Settings


def run(settings: Settings) -> int:
    from bot.console import run_console

    return run_console(settings)
