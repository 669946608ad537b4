"""Storage: the only package that speaks SQL. One `Store` with intent-named methods.

Import from the modules themselves: `bot.storage.store` holds the Store (migrations,
group commit, the outbox, one view per workspace), `bot.storage.db` the two
backends (SQLite through aiosqlite, PostgreSQL through asyncpg) chosen by the
database location, `bot.storage.curation` what curators taught (and `read_curation`
for commands that only read it), `bot.storage.installations` the OAuth
installations, `bot.storage.cluster` what several workers share, and
`bot.storage.workers` which of them are alive. This file imports none of them, so
`python -m bot ask` reads what was taught without loading the Slack SDK or the
PostgreSQL driver's installation store. The records they return live in
`bot.core.records`.
"""
