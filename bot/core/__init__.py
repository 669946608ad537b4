"""The core: the fact base, text handling, the bot's words, grammar records. Pure.

Nothing here imports Slack, SQL or any other layer of the bot; every other layer
may import it. Plain functions and frozen dataclasses.
"""
