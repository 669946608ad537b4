"""Slack surfaces, one module each; adding a surface is one file and one line here."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.services.deps import Deps
from handlers import (
    actions,
    browse,
    commands,
    home,
    lifecycle,
    mentions,
    messages,
    propose,
    review,
)


def register_all(app: AsyncApp, deps: Deps) -> None:
    """Register every surface's listeners on `app`; each closes over `deps`."""
    propose.register(app, deps)  # before commands: it takes `/facts propose` (a form) first
    commands.register(app, deps)
    mentions.register(app, deps)
    messages.register(app, deps)
    actions.register(app, deps)
    home.register(app, deps)
    browse.register(app, deps)
    review.register(app, deps)
    lifecycle.register(app, deps)
