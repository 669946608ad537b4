"""Keep tokens and secrets out of every log line, whoever writes it.

Our own code never logs a secret, but libraries log what they are given (URLs,
exceptions, request dumps at DEBUG). A filter on every root handler rewrites
any record that contains the configured secrets or anything shaped like a
Slack token, including formatted tracebacks.

`logfmt` writes the `key=value` fields of our structured lines (one `request`
line per handled request, see bot/delivery.py).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import Any

from bot.settings import Settings

REDACTED = "[redacted]"
_TOKEN_SHAPE = re.compile(r"\bx(?:ox[a-z]|app)-[A-Za-z0-9-]+")
_BARE = re.compile(r"^[A-Za-z0-9_.:/@+-]+$")


def logfmt(**fields: Any) -> str:
    """`key=value` pairs in order, None left out; a value with spaces or quotes is quoted."""
    parts = []
    for key, value in fields.items():
        if value is None:
            continue
        if isinstance(value, bool):
            text = "true" if value else "false"
        elif isinstance(value, float):
            text = f"{value:.3f}".rstrip("0").rstrip(".")
        else:
            text = str(value)
        if not _BARE.match(text):
            text = '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
        parts.append(f"{key}={text}")
    return " ".join(parts)


class RedactSecrets(logging.Filter):
    """Replace secrets in a record's message and traceback with `[redacted]`."""

    def __init__(self, secrets: Iterable[str | None]) -> None:
        super().__init__()
        # Longest first, so a secret that contains another is replaced whole.
        self._secrets = sorted({s for s in secrets if s and len(s) >= 6}, key=len, reverse=True)

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return _TOKEN_SHAPE.sub(REDACTED, text)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = self.redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


def install_redaction(settings: Settings, logger: logging.Logger | None = None) -> RedactSecrets:
    """Put the filter on every handler of `logger` (the root logger by default)."""
    target = logger or logging.getLogger()
    redactor = RedactSecrets(
        [
            settings.bot_token,
            settings.app_token,
            settings.signing_secret,
            settings.client_secret,
            settings.encryption_key,
        ]
    )
    for handler in target.handlers:
        handler.addFilter(redactor)
    return redactor
