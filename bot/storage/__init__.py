"""Storage: the only package that speaks SQL. One `Store` with intent-named methods.

Callers import from here; `bot.storage.sqlite` is the backend (aiosqlite, migrations,
group commit). The records it returns live in `bot.core.records`.
"""

from bot.storage.curation import ReviewCandidate, ReviewMark, read_curation
from bot.storage.sqlite import (
    BUSY_TIMEOUT_MS,
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
    "DIGEST_LEASE",
    "DIGEST_MAX_ATTEMPTS",
    "OUTBOX_LEASE",
    "RECOVERY_BATCH",
    "REPLY_DEADLINE",
    "Store",
    "StoreClosed",
    "WriteInterrupted",
    "open_store",
    "ReviewCandidate",
    "ReviewMark",
    "read_curation",
]
