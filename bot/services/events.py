"""Answer each Slack event once, whichever delivery of it arrives."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncBoltRequest

from bot.services.deps import Deps

logger = logging.getLogger(__name__)

#: Message subtypes written by people; every other subtype (edits, joins, bots) is ignored.
HUMAN_SUBTYPES = frozenset({None, "file_share", "thread_broadcast"})


async def first_delivery(deps: Deps, body: dict[str, Any], request: AsyncBoltRequest) -> bool:
    """Answer each event once: True for its first delivery, False for Slack's redeliveries.

    Slack redelivers an event (same event_id) when unsure we got it. Retries are
    not dropped by their retry number: an event first delivered while we were
    down only ever arrives as a retry. Event listeners call this first thing:
    bolt has acked the event by then, so the ack never waits for the database
    (a locked one can wait up to its busy timeout, longer than Slack's 3 s).
    """
    event_id = body.get("event_id") if body.get("type") == "event_callback" else None
    if not isinstance(event_id, str) or not event_id:
        return True
    if await deps.store.mark_event_handled(event_id):
        return True
    retry = request.headers.get("x-slack-retry-num", ["0"])[0]
    logger.info("event_duplicate event_id=%s retry_num=%s", event_id, retry)
    return False
