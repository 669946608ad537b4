"""The built index, kept on disk between runs: a cold start loads it instead of building it.

Building the index of the real fact base takes about 0.45 s, most of a cold
`python -m bot ask`; loading it back takes about 0.02 s. The file's name is a hash
of the fact base (its repr: every field of every fact, entity and synonym group, in
order) and of the engine's own code and word lists, so any change to either gives
a new file and an old index is never served. The newest few files are kept.

The cache directory is the user's own (FACTBOT_CACHE_DIR, or ~/.cache/factbot): a
pickle runs code when loaded, so a file is only read when this user owns it and
nobody else may write it, and files are written 0600 and renamed into place whole.
Anything wrong with the cache (unreadable, stale format, a full disk) means the
index is built as if there were no cache, never an error.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import stat
import tempfile
from functools import lru_cache
from pathlib import Path

from bot.core.factbase import FactBase
from bot.engine.index import Index

logger = logging.getLogger(__name__)

#: Index files kept in the cache directory (the newest, by modification time).
KEEP = 8
_ENGINE = Path(__file__).resolve().parent
_BOT = _ENGINE.parent


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of everything that shapes an index besides the fact base."""
    digest = hashlib.sha256()
    files = [
        *sorted(_ENGINE.glob("*.py")),
        _BOT / "core" / "text.py",
        _BOT / "core" / "factbase.py",
        *sorted((_BOT / "data").glob("*.txt")),
    ]
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def index_key(base: FactBase) -> str:
    """The cache key of `base`'s index: its content and the engine's code."""
    digest = hashlib.sha256(code_version().encode())
    digest.update(repr(base).encode())
    return digest.hexdigest()[:32]


def cached_index(base: FactBase, cache_dir: Path | None) -> Index:
    """`Index(base)`, loaded from `cache_dir` when it was built before, else built and kept."""
    if cache_dir is None:
        return Index(base)
    path = cache_dir / f"index-{index_key(base)}.pickle"
    index = _load(path, base)
    if index is not None:
        return index
    index = Index(base)
    _save(path, index)
    return index


def _load(path: Path, base: FactBase) -> Index | None:
    try:
        info = path.stat()
    except OSError:
        return None
    if info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        logger.warning("index_cache_ignored path=%s reason=not_private", path)
        return None
    try:
        with path.open("rb") as handle:
            index = pickle.load(handle)  # noqa: S301 - our own file, checked above
    except Exception as exc:  # noqa: BLE001 - a bad cache file is rebuilt, never fatal
        logger.warning("index_cache_unreadable path=%s error=%s", path, type(exc).__name__)
        return None
    if not isinstance(index, Index):
        return None
    # Serve the caller's fact base objects, not the copies that came out of the file.
    index.base = base
    index.facts = base.facts
    return index


def _save(path: Path, index: Index) -> None:
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".index-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(index, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)  # whole or not at all: a reader never sees half a file
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _prune(path.parent)
    except OSError as exc:
        logger.warning("index_cache_unwritable dir=%s error=%s", path.parent, exc)


def _prune(folder: Path) -> None:
    files = sorted(folder.glob("index-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[KEEP:]:
        old.unlink(missing_ok=True)
