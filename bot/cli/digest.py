"""`python -m bot digest`: print one channel's digest, or post every digest due (cron)."""

from __future__ import annotations

import argparse
import asyncio
import sys

from bot.core.factbase import FactBaseError
from bot.render.blocks import to_text
from bot.render.digest import render_digest
from bot.services.deps import open_deps
from bot.services.digest_runner import DigestRunner, slack_poster, workspace_publishers
from bot.settings import Settings
from bot.slack.app import make_client
from bot.slack.oauth import team_clients


def main(args: argparse.Namespace, settings: Settings) -> int:
    if args.dry_run and settings.multi_workspace and not args.team:
        print(
            "factbot: several workspaces install this bot (SLACK_CLIENT_ID): say whose "
            "channel it is, digest --dry-run --channel C... --team T...",
            file=sys.stderr,
        )
        return 2
    if args.team and not settings.multi_workspace:
        print(
            "factbot: --team is for several workspaces (SLACK_CLIENT_ID and "
            "SLACK_CLIENT_SECRET); this bot serves one: leave it out.",
            file=sys.stderr,
        )
        return 2
    if args.run_once and not settings.bot_token and not settings.multi_workspace:
        print(
            "factbot: SLACK_BOT_TOKEN is missing (or, for several workspaces, "
            "SLACK_CLIENT_ID and SLACK_CLIENT_SECRET): --run-once posts to Slack.",
            file=sys.stderr,
        )
        return 2
    try:
        return asyncio.run(_digest(args, settings))
    except FactBaseError as exc:
        print(
            f"factbot: the fact base has problems (run `python -m bot lint`):\n{exc}",
            file=sys.stderr,
        )
        return 2


async def _digest(args: argparse.Namespace, settings: Settings) -> int:
    async with open_deps(settings) as deps:
        if args.dry_run:

            async def no_post(channel: str, message: object) -> str | None:
                raise RuntimeError("a dry run never posts")

            runner = DigestRunner(deps.base, deps.store, settings.tz, no_post, clock=deps.clock)
            # The workspace's own rows and time zone ('' : the one workspace of a bot
            # run with SLACK_BOT_TOKEN).
            runner = await runner.for_workspace(args.team or "")
            day = args.date or deps.clock().astimezone(runner.tz).date()
            await runner.sync_versions()
            sub = await runner.store.digest_subscription(args.channel)
            if sub is None and args.team:
                print(
                    f"factbot: {args.channel} has no digest in workspace {args.team}: "
                    "this is the digest it would get.",
                    file=sys.stderr,
                )
            digest = await runner.compose(args.channel, day, sub)
            print(to_text(render_digest(digest)))
            return 0

        client = make_client(settings)
        runner = DigestRunner(
            deps.base,
            deps.store,
            settings.tz,
            slack_poster(client),
            clock=deps.clock,
            # Several workspaces: each posts with its own token.
            publisher_for=(
                workspace_publishers(team_clients(settings, deps.store))
                if settings.multi_workspace
                else None
            ),
        )
        outcomes = await runner.run_due(args.now)
    for outcome in outcomes:
        print(f"{outcome.status} {outcome.channel_id} {outcome.day} {outcome.detail}".rstrip())
    counts = {s: sum(o.status == s for o in outcomes) for s in ("posted", "failed", "paused")}
    print(
        f"digest: {counts['posted']} posted, {counts['failed']} failed, {counts['paused']} paused",
        file=sys.stderr,
    )
    return 1 if counts["failed"] else 0
