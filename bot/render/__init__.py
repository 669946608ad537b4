"""Rendering: answers, browsing, digests and admin replies as Block Kit or plain text.

Pure functions of core and engine values; no Slack client, no SQL. `blocks` holds
the Block Kit primitives and limits every other module builds on.
"""
