"""The App Home tab: the topics, how many facts each holds, and how to ask.

Curators (`bot.services.admins.Curators`) also see what waits for them (questions,
proposals, facts due for review) and a button that opens the review
(handlers/review.py); with many workspaces, anyone else reads who curates.
"""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp, AsyncBoltContext, AsyncBoltRequest
from slack_sdk.web.async_client import AsyncWebClient

from bot.render.answers import render_home
from bot.render.curation import with_curator_home
from bot.services.curation import review_queue, who_curates
from bot.services.deps import Deps
from bot.services.events import first_delivery
from bot.services.subcommands import SUBCOMMANDS


def register(app: AsyncApp, deps: Deps) -> None:
    async def app_home_opened(
        event: dict[str, Any],
        body: dict[str, Any],
        request: AsyncBoltRequest,
        client: AsyncWebClient,
        context: AsyncBoltContext,
    ) -> None:
        user = event.get("user")
        if event.get("tab") != "home" or not isinstance(user, str):
            return  # the Messages tab needs nothing from us
        if not await first_delivery(deps, body, request):
            return
        async with deps.delivery.handling("home", user_id=user) as handled:
            where = deps.where(context, "home", user)
            curator = await deps.curators.is_curator(where)
            curated_by = None if curator else await who_curates(deps)
            view = render_home(deps.base, SUBCOMMANDS.help_lines(curated_by=curated_by))
            if curator:
                view = with_curator_home(view, await review_queue(deps))
            # Publishing the same view twice is harmless, so even a timeout is retried.
            await deps.delivery.send(
                handled,
                lambda: client.views_publish(user_id=user, view=view),
                what="views.publish",
                idempotent=True,
            )

    app.event("app_home_opened")(app_home_opened)
