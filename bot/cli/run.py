"""`python -m bot` / `run`: Socket Mode, HTTP or the local console, as the settings say."""

from __future__ import annotations

import argparse

from bot.runner import run
from bot.settings import Settings


def main(args: argparse.Namespace, settings: Settings) -> int:
    return run(settings, wait_for_slack=getattr(args, "wait_for_slack", None))
