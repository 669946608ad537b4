"""Slack payloads for tests, built from the real wire data in ../shared/slack-fixtures.

Each builder starts from a fixture file and changes only what the test needs
(text, ids, the response_url pointing at the fake). Signing follows Slack's
documented scheme exactly (checked against the docs' known-answer vector).
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import itertools
import json
import secrets
import time
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode

import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT.parent / "shared" / "slack-fixtures"
HTTP = FIXTURES / "http"
SOCKET = FIXTURES / "socket_mode"

#: The signing secret and tokens every Slack-mode test uses.
SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
BOT_TOKEN = "xoxb-1234-5678-testtokenvalue"
APP_TOKEN = "xapp-1-A111-1234-testapptokenvalue"

#: Who auth.test says the bot is (web_api/examples/auth.test.ok.bot_token.json).
BOT_USER_ID = "W23456789"
BOT_ID = "BZYBOTHED"


@cache
def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def load_json(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_text(path))
    return copy.deepcopy(data)


def load_yaml(name: str) -> Any:
    return yaml.safe_load(_text(FIXTURES / name))


# ------------------------------------------------------------------ signing


def signature(body: bytes, timestamp: str, secret: str = SIGNING_SECRET) -> str:
    base = b"v0:" + timestamp.encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def signed_headers(
    body: bytes,
    content_type: str,
    *,
    secret: str = SIGNING_SECRET,
    timestamp: int | None = None,
    retry_num: int | None = None,
) -> dict[str, str]:
    """Headers as Slack sends them: timestamp now, HMAC-SHA256 over v0:ts:raw-body."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    headers = {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": signature(body, ts, secret),
    }
    if retry_num is not None:
        headers["X-Slack-Retry-Num"] = str(retry_num)
        headers["X-Slack-Retry-Reason"] = "http_timeout"
    return headers


FORM = "application/x-www-form-urlencoded"
JSON = "application/json"

_TRIGGERS = itertools.count(1)


def new_trigger_id() -> str:
    """A trigger_id of its own, as Slack gives every invocation (the fixtures share one)."""
    return f"{int(time.time())}.{next(_TRIGGERS)}.{secrets.token_hex(10)}"


# ------------------------------------------------------------------ HTTP bodies


def slash_command(
    text: str,
    *,
    response_url: str,
    user_id: str = "U2CERLKJA",
    channel_id: str = "C111",
    command: str = "/facts",
    trigger_id: str | None = None,
    team_id: str | None = None,
    enterprise_id: str | None = None,
) -> bytes:
    """The docs' slash command body, as /facts with our text, form-encoded like Slack.

    Each body gets a trigger_id of its own (pass one to send the same invocation twice);
    `team_id` and `enterprise_id` replace the workspace (and org) it comes from."""
    fields = dict(parse_qsl(_text(HTTP / "slash_command.body.txt"), keep_blank_values=True))
    fields.update(
        command=command,
        text=text,
        response_url=response_url,
        user_id=user_id,
        channel_id=channel_id,
        trigger_id=trigger_id or new_trigger_id(),
    )
    if team_id is not None:
        fields["team_id"] = team_id
    if enterprise_id is not None:
        fields["enterprise_id"] = enterprise_id
    return urlencode(fields).encode()


def app_mention(
    text: str,
    *,
    in_thread: bool = False,
    event_id: str | None = None,
    channel: str = "C111",
    user: str = "U222",
    **event_overrides: Any,
) -> dict[str, Any]:
    """An app_mention event callback; `text` follows the bot's own mention."""
    name = "event_app_mention_in_thread.json" if in_thread else "event_app_mention.sdk.json"
    body = load_json(HTTP / name)
    body["event"].update(text=f"<@{BOT_USER_ID}> {text}".rstrip(), channel=channel, user=user)
    body["event"].pop("blocks", None)  # the rich-text copy of the fixture's own text
    body["event"].update(event_overrides)
    if event_id is not None:
        body["event_id"] = event_id
    return body


def message_im(text: str, *, event_id: str | None = None, **event_overrides: Any) -> dict[str, Any]:
    body = load_json(HTTP / "event_message_im.json")
    body["event"]["text"] = text
    body["event"].update(event_overrides)
    if event_id is not None:
        body["event_id"] = event_id
    return body


def app_home_opened(user: str = "U123ABC456") -> dict[str, Any]:
    body = load_json(HTTP / "event_app_home_opened.json")
    body["event"]["user"] = user
    return body


def block_actions(
    action_id: str,
    value: str,
    *,
    response_url: str,
    user_id: str = "W111",
    channel_id: str = "C111",
    ephemeral: bool = True,
) -> dict[str, Any]:
    """A button click (bolt's own block_actions fixture) on one of our buttons."""
    body = load_json(HTTP / "interactive_block_actions_button.json")
    body["user"]["id"] = user_id
    body["channel"]["id"] = channel_id
    body["container"].update(channel_id=channel_id, is_ephemeral=ephemeral)
    body["response_url"] = response_url
    body["actions"][0].update(action_id=action_id, value=value, block_id="answer")
    return body


def form_payload(payload: dict[str, Any]) -> bytes:
    """Interactivity goes over HTTP as a form with one field, `payload`, holding JSON."""
    return ("payload=" + quote(json.dumps(payload, separators=(",", ":")), safe="")).encode()


def json_body(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload).encode()


# ------------------------------------------------------------------ Socket Mode frames


def envelope_slash_command(text: str, *, response_url: str, envelope_id: str) -> dict[str, Any]:
    frame = load_json(SOCKET / "envelope_slash_commands.json")
    frame["envelope_id"] = envelope_id
    frame["payload"].update(
        command="/facts", text=text, response_url=response_url, trigger_id=new_trigger_id()
    )
    return frame


def envelope_app_mention(
    text: str,
    *,
    envelope_id: str,
    event_id: str,
    thread_ts: str | None = None,
    retry_attempt: int = 0,
) -> dict[str, Any]:
    frame = load_json(SOCKET / "envelope_events_api_app_mention.json")
    frame["envelope_id"] = envelope_id
    frame["retry_attempt"] = retry_attempt
    frame["retry_reason"] = "timeout" if retry_attempt else ""
    frame["payload"]["event_id"] = event_id
    event = frame["payload"]["event"]
    event["text"] = f"<@{BOT_USER_ID}> {text}"
    event.pop("blocks", None)
    if thread_ts is not None:
        event["thread_ts"] = thread_ts
    return frame


def frame(name: str) -> dict[str, Any]:
    return load_json(SOCKET / name)


# ------------------------------------------------------------------ shortcuts and modals
# No fixture in ../shared has these two payloads; their shape follows Slack's
# reference pages (docs.slack.dev/reference/interaction-payloads/shortcuts-interactive-payload
# and .../view-interactions-payload), as bolt-python's scenario tests build them.


def message_shortcut(
    callback_id: str,
    text: str,
    *,
    response_url: str,
    user_id: str = "W111",
    channel_id: str = "C111",
    message_ts: str = "1700000000.000100",
) -> dict[str, Any]:
    """A message shortcut ("..." menu on a message), with the message it was used on."""
    return {
        "type": "message_action",
        "token": "verification_token",
        "action_ts": "1700000001.000200",
        "team": {"id": "T111", "domain": "workspace-domain"},
        "user": {"id": user_id, "name": "someone", "team_id": "T111"},
        "channel": {"id": channel_id, "name": "test-channel"},
        "is_enterprise_install": False,
        "enterprise": None,
        "callback_id": callback_id,
        "trigger_id": "111.222.shortcut",
        "response_url": response_url,
        "message_ts": message_ts,
        "message": {"type": "message", "user": "U0AUTHOR", "ts": message_ts, "text": text},
    }


def view_submission(
    view: dict[str, Any], values: dict[str, Any], *, user_id: str
) -> dict[str, Any]:
    """The submission of a modal the bot opened (`view` as sent to views.open).

    `values` maps block ids to what was typed (a str) or picked (("select", value)).
    """
    state: dict[str, Any] = {}
    for block_id, value in values.items():
        if isinstance(value, tuple):
            option = {"text": {"type": "plain_text", "text": value[1]}, "value": value[1]}
            state[block_id] = {"value": {"type": "static_select", "selected_option": option}}
        else:
            state[block_id] = {"value": {"type": "plain_text_input", "value": value}}
    return {
        "type": "view_submission",
        "team": {"id": "T111", "domain": "workspace-domain"},
        "user": {"id": user_id, "username": "someone", "name": "someone", "team_id": "T111"},
        "api_app_id": "A111",
        "token": "verification_token",
        "trigger_id": "111.222.submit",
        "view": {
            "id": "V111",
            "team_id": "T111",
            "type": "modal",
            "blocks": view["blocks"],
            "private_metadata": view.get("private_metadata", ""),
            "callback_id": view["callback_id"],
            "state": {"values": state},
            "hash": "1700000000.abcdef",
            "title": view["title"],
            "clear_on_close": False,
            "notify_on_close": False,
            "close": view.get("close"),
            "submit": view.get("submit"),
            "previous_view_id": None,
            "root_view_id": "V111",
            "app_id": "A111",
            "external_id": "",
            "app_installed_team_id": "T111",
            "bot_id": BOT_ID,
        },
        "response_urls": [],
        "is_enterprise_install": False,
        "enterprise": None,
    }
