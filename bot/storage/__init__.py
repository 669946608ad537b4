"""Storage: the only package that speaks SQL. One `Store` with intent-named methods.

Callers import from here; `bot.storage.store` holds the Store (migrations, group
commit), `bot.storage.db` the two backends (SQLite through aiosqlite, PostgreSQL
through asyncpg), chosen by the database location. The records it returns live in
`bot.core.records`.
"""

from bot.storage.curation import ReviewCandidate, ReviewMark, read_curation
from bot.storage.db import (
    BUSY_TIMEOUT_MS,
    BadValue,
    Database,
    DatabaseUnavailable,
    IntegrityError,
    connect,
    is_postgres,
    redacted,
)
from bot.storage.installations import (
    STATE_LIFETIME,
    InstallationStore,
    OAuthStateStore,
)
from bot.storage.store import (
    DIGEST_LEASE,
    DIGEST_MAX_ATTEMPTS,
    OUTBOX_LEASE,
    RECOVERY_BATCH,
    REPLY_DEADLINE,
    Store,
    StoreClosed,
    WriteInterrupted,
    open_store,
)

__all__ = [
    "BUSY_TIMEOUT_MS",
    "BadValue",
    "DatabaseUnavailable",
    "Database",
    "IntegrityError",
    "connect",
    "is_postgres",
    "redacted",
    "DIGEST_LEASE",
    "DIGEST_MAX_ATTEMPTS",
    "OUTBOX_LEASE",
    "RECOVERY_BATCH",
    "REPLY_DEADLINE",
    "Store",
    "StoreClosed",
    "WriteInterrupted",
    "open_store",
    "STATE_LIFETIME",
    "InstallationStore",
    "OAuthStateStore",
    "ReviewCandidate",
    "ReviewMark",
    "read_curation",
]
