"""Application services: what a request needs done, whichever surface it came from.

Dependencies and their lifespan (`deps`), reply delivery with retries (`delivery`),
the `/facts` subcommand registry (`subcommands`), the reply to a message (`replies`),
admin commands and who may run them (`admin`, `admins`), the digest runner, and
answering each event once (`events`). Only `bot.storage` speaks SQL for them.
"""
