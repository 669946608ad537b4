"""Slack adapters: the bolt app factory, Slack's delivery rules, the HTTP server.

The only layer above the handlers: `app.build_app` registers them.
"""
