"""The App Home tab: the topics, how many facts each holds, and how to ask."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.deps import Deps
from bot.render import render_home


def register(app: AsyncApp, deps: Deps) -> None:
    async def app_home_opened(event: dict[str, Any], client: AsyncWebClient) -> None:
        user = event.get("user")
        if event.get("tab") != "home" or not isinstance(user, str):
            return  # the Messages tab needs nothing from us
        await client.views_publish(user_id=user, view=render_home(deps.base))

    app.event("app_home_opened")(app_home_opened)
