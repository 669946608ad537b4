"""Turn what Slack sends into the words a person typed, safely.

Slack sends user text with `&`, `<`, `>` escaped and real mentions, broadcasts and
links as `<...>` control sequences. Real mentions and broadcasts are dropped (they
are addressed to people, not part of the question), links and channels become
their readable label (a disguised link shows its real target), the text is
unescaped once, and invisible characters that could disguise text are removed.
What someone typed literally, such as "<!channel>", arrives escaped and stays text.
Everything echoed back is escaped again by `bot.core.text.escape_mrkdwn`.
"""

from __future__ import annotations

import re
import unicodedata

#: Longer questions are cut: no real question is this long, and matching cost grows with length.
MAX_QUESTION_CHARS = 1000

_CONTROL_SEQUENCE = re.compile(r"<([^<>\n]*)>")
# Bidirectional overrides, zero-width characters and the byte-order mark: invisible,
# and able to make echoed text read differently from what it is.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_SPACES = re.compile(r"\s+")


def _label(match: re.Match[str]) -> str:
    target, _, label = match.group(1).partition("|")
    if target.startswith("@") or target.startswith(("!here", "!channel", "!everyone", "!subteam")):
        return " "  # people and broadcasts are not part of a question about the fact base
    if target.startswith("#"):  # <#C123|general>
        return "#" + (label or target[1:])
    if target.startswith("!"):  # <!date^...|fallback> and future kinds: their fallback text
        return label or " "
    if label and label != target:  # <https://a|b>: show both, so a disguised link shows
        return f"{label} ({target})"
    return target


def unescape(text: str) -> str:
    """Undo Slack's escaping of the three control characters, `&amp;` last."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def from_slack(text: str) -> str:
    """Slack wire text -> plain text: labels for control sequences, unescaped, visible."""
    text = _CONTROL_SEQUENCE.sub(_label, text)
    return clean(unescape(text))


def clean(text: str) -> str:
    """Drop control and invisible characters and fold runs of white space."""
    text = _INVISIBLE.sub("", text)
    text = "".join(" " if unicodedata.category(c) == "Cc" else c for c in text)
    return _SPACES.sub(" ", text).strip()


def strip_mentions(text: str, user_id: str | None) -> str:
    """Remove the mentions of the bot from a message (wire form), wherever they are.

    Without the bot's user id (it comes from auth.test), a leading mention is
    assumed to be the bot's: that is how an `app_mention` is usually written.
    """
    if user_id:
        return re.sub(rf"<@{re.escape(user_id)}(\|[^<>]*)?>", " ", text).strip()
    return re.sub(r"^\s*<@[A-Z0-9]+(\|[^<>]*)?>", " ", text).strip()


def clip_question(text: str) -> tuple[str, bool]:
    """The question to match, and whether it had to be shortened."""
    if len(text) <= MAX_QUESTION_CHARS:
        return text, False
    return text[:MAX_QUESTION_CHARS].rsplit(" ", 1)[0] or text[:MAX_QUESTION_CHARS], True
