"""The App Home tab: the topics, how many facts each holds, and how to ask."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp, AsyncBoltRequest
from slack_sdk.web.async_client import AsyncWebClient

from bot.render.answers import render_home
from bot.services.deps import Deps
from bot.services.events import first_delivery
from bot.services.subcommands import SUBCOMMANDS


def register(app: AsyncApp, deps: Deps) -> None:
    async def app_home_opened(
        event: dict[str, Any],
        body: dict[str, Any],
        request: AsyncBoltRequest,
        client: AsyncWebClient,
    ) -> None:
        user = event.get("user")
        if event.get("tab") != "home" or not isinstance(user, str):
            return  # the Messages tab needs nothing from us
        if not await first_delivery(deps, body, request):
            return
        async with deps.delivery.handling("home", user_id=user) as handled:
            view = render_home(deps.base, SUBCOMMANDS.help_lines())
            # Publishing the same view twice is harmless, so even a timeout is retried.
            await deps.delivery.send(
                handled,
                lambda: client.views_publish(user_id=user, view=view),
                what="views.publish",
                idempotent=True,
            )

    app.event("app_home_opened")(app_home_opened)
