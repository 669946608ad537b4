"""HTTP mode end to end: signed requests into `bot.runner.serve`, replies into the fake Slack.

The bot runs exactly as `python -m bot` runs it in HTTP mode (settings from an
environment dict, PORT=0, SLACK_API_URL at the fake), with bolt acking before
the work is done. Tests wait for the fake to receive a call; they never sleep.
"""

from __future__ import annotations

import asyncio
import json
import random
import re
import sqlite3
import time
from typing import Any

import payloads as p
from httpbot import ANSWERED, UNANSWERED, Bot, all_text

from bot.core.factbase import FactBase
from bot.core.text import escape_mrkdwn, fold_for_quote
from bot.render.blocks import (
    ACTION_HELPFUL,
    ACTION_NOT_HELPFUL,
    ACTION_SHARE,
    CANNOT_POST_HERE,
    check_limits,
)


def button_value(message: dict[str, Any], action_id: str) -> str:
    for block in message["blocks"]:
        for element in block.get("elements", []):
            if element.get("action_id") == action_id:
                return str(element["value"])
    raise AssertionError(f"no {action_id} button in {message}")


def assert_sourced_answer(message: dict[str, Any], base: FactBase, fact_id: str) -> None:
    """The reply quotes the fact's snippet verbatim, as a block quote, with its source line."""
    fact = base.fact(fact_id)
    assert fact is not None
    assert fold_for_quote(fact.snippet) in fold_for_quote(fact.source.text)  # verbatim in source
    sections = [b["text"]["text"] for b in message["blocks"] if b["type"] == "section"]
    assert "> " + escape_mrkdwn(fact.snippet) in sections
    context = " ".join(
        e["text"] for b in message["blocks"] if b["type"] == "context" for e in b["elements"]
    )
    assert escape_mrkdwn(fact.source.publisher) in context
    assert escape_mrkdwn(fact.source.display_title) in context
    assert fact.snippet[:40] in message["text"]  # the plain-text fallback carries it too
    assert check_limits(message["blocks"]) == []


# ------------------------------------------------------------------ slash command


async def test_slash_command_is_acked_fast_and_answered_with_a_sourced_quote(
    bot: Bot, factbase: FactBase
) -> None:
    started = time.monotonic()
    status, body = await bot.command(ANSWERED)
    acked_in = time.monotonic() - started
    assert status == 200 and body == ""
    assert acked_in < 3.0
    reply = await bot.next_response()
    assert reply["response_type"] == "ephemeral"
    assert_sourced_answer(reply, factbase, "bcij-established")
    assert "You asked: When was the BCIJ created?" in all_text(reply)
    assert button_value(reply, ACTION_SHARE).isdigit()
    # The bot called the Web API (auth.test) only through SLACK_API_URL, with its token.
    assert {c.method for c in bot.fake.calls if c.method != "response_url"} == {"auth.test"}
    assert bot.fake.calls[0].headers["Authorization"] == f"Bearer {p.BOT_TOKEN}"


async def test_help_topics_list_source_and_bad_subcommands(bot: Bot, factbase: FactBase) -> None:
    expectations = {
        "": "/facts help",
        "help": "/facts topics",
        "topics": "*laws*",
        "list laws": "law-27-14-trafficking-courts-of-appeal",
        "source bcij-established": "motm-morocco-combats-terrorism",
        "list": "Usage: `/facts list &lt;topic&gt;`",
        "list nonsense": "There is no topic `nonsense`",
        "source no-such-fact": "Usage: `/facts source &lt;fact-id&gt;`",
        "topics please": "Usage: `/facts topics`",
    }
    for text, expected in expectations.items():
        await bot.command(text)
        reply = await bot.next_response()
        assert expected in all_text(reply), (text, reply)
        assert check_limits(reply["blocks"]) == []


async def test_abstention_says_so_offers_closest_facts_and_logs_the_question(bot: Bot) -> None:
    await bot.command(UNANSWERED)
    reply = await bot.next_response()
    assert "I don't know" in reply["text"]
    assert "noted the question for the curators" in all_text(reply)
    buttons = [e for b in reply["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert buttons and all(e["action_id"].startswith("open_suggestion_") for e in buttons)
    with sqlite3.connect(bot.db) as db:
        row = db.execute("SELECT question, answered, surface, channel_id FROM questions").fetchone()
    assert row == (UNANSWERED, 0, "command", "C111")

    # Clicking a suggestion shows that fact, sourced, privately.
    qid, _, fact_id = buttons[0]["value"].partition(":")
    await bot.click(
        p.block_actions(
            buttons[0]["action_id"],
            buttons[0]["value"],
            response_url=bot.fake.response_url("click"),
        )
    )
    shown = await bot.next_response()
    assert shown["response_type"] == "ephemeral"
    assert f"fact `{fact_id}`" in all_text(shown)
    assert button_value(shown, ACTION_SHARE) != qid  # a new logged answer, shareable


# ------------------------------------------------------------------ signatures


def _forged(body: bytes) -> list[tuple[str, dict[str, str]]]:
    now = int(time.time())
    good = p.signed_headers(body, p.FORM)
    return [
        ("wrong secret", p.signed_headers(body, p.FORM, secret="not-the-secret")),
        ("stale", p.signed_headers(body, p.FORM, timestamp=now - 301)),
        ("from the future", p.signed_headers(body, p.FORM, timestamp=now + 301)),
        ("no signature", {k: v for k, v in good.items() if k != "X-Slack-Signature"}),
        ("no timestamp", {k: v for k, v in good.items() if k != "X-Slack-Request-Timestamp"}),
        ("other body", p.signed_headers(body + b"x", p.FORM)),
        ("non-numeric timestamp", {**good, "X-Slack-Request-Timestamp": "yesterday"}),
        ("non-ascii signature", {**good, "X-Slack-Signature": "v0=é"}),
        (
            "docs vector, replayed",
            {
                **good,
                "X-Slack-Request-Timestamp": "1531420618",
                "X-Slack-Signature": p.signature(body, "1531420618"),
            },
        ),
    ]


async def test_forged_or_stale_signatures_get_401_and_no_reply(bot: Bot) -> None:
    body = p.slash_command(ANSWERED, response_url=bot.fake.response_url())
    before = len(bot.fake.calls)  # the start-up auth.test
    for n in range(len(_forged(body))):
        # (Signed afresh for each request: a timestamp 301 s ahead, signed before the
        # requests ahead of it ran, could be inside the window by the time it is sent.)
        name, headers = _forged(body)[n]
        status, text = await bot.post(body, headers=headers)
        assert status == 401, name
        assert json.loads(text) == {"error": "invalid request"}
    assert len(bot.fake.calls) == before  # nothing reached bolt, nothing was sent
    status, _ = await bot.post(body, p.FORM)  # the same body, signed, still works
    assert status == 200
    await bot.next_response()


def test_signing_matches_the_docs_known_answer_vector() -> None:
    vector = p.load_json(p.HTTP / "slash_command.signing_vector.json")
    body = (p.HTTP / vector["body_file"]).read_bytes()
    ts = vector["headers"]["X-Slack-Request-Timestamp"]
    assert p.signature(body, ts, vector["signing_secret"]) == vector["expected_signature"]


# ------------------------------------------------------------------ events


async def test_top_level_mention_is_answered_in_a_new_thread_under_it(
    bot: Bot, factbase: FactBase
) -> None:
    event = p.app_mention(ANSWERED)
    assert (await bot.event(event))[0] == 200
    (call,) = await bot.fake.wait_for("chat.postMessage")
    assert call.body["channel"] == "C111"
    assert call.body["thread_ts"] == event["event"]["ts"]
    assert_sourced_answer(call.body, factbase, "bcij-established")


async def test_mention_inside_a_thread_is_answered_in_that_thread(bot: Bot) -> None:
    event = p.app_mention(ANSWERED, in_thread=True)
    await bot.event(event)
    (call,) = await bot.fake.wait_for("chat.postMessage")
    assert call.body["thread_ts"] == event["event"]["thread_ts"] != event["event"]["ts"]
    assert "May 2015" in call.body["text"]


async def test_an_empty_mention_gets_the_help(bot: Bot) -> None:
    await bot.event(p.app_mention(""))
    (call,) = await bot.fake.wait_for("chat.postMessage")
    assert "/facts help" in all_text(call.body)


async def test_one_event_delivered_three_times_gets_one_reply(bot: Bot) -> None:
    event = p.app_mention(ANSWERED, event_id="Ev3TIMES")
    statuses = await asyncio.gather(
        bot.event(event), bot.event(event, retry_num=1), bot.event(event, retry_num=2)
    )
    assert [s for s, _ in statuses] == [200, 200, 200]
    await bot.fake.wait_for("chat.postMessage")
    # Every delivery has been answered (HTTP 200) and the duplicates never reached a
    # listener, so one more reply cannot be on its way.
    assert len(bot.fake.calls_to("chat.postMessage")) == 1


async def test_an_event_first_seen_as_a_retry_is_still_answered(bot: Bot) -> None:
    await bot.event(p.app_mention(ANSWERED, event_id="EvFIRSTRETRY"), retry_num=2)
    await bot.fake.wait_for("chat.postMessage")


async def test_direct_messages_are_answered_in_the_dm(bot: Bot) -> None:
    event = p.message_im(ANSWERED)
    await bot.event(event)
    (call,) = await bot.fake.wait_for("chat.postMessage")
    assert call.body["channel"] == event["event"]["channel"]
    assert "thread_ts" not in call.body
    assert "May 2015" in call.body["text"]


async def test_the_bot_never_answers_itself_or_other_bots(bot: Bot) -> None:
    ignored = [
        p.message_im(ANSWERED, event_id="EvSELF1", user=p.BOT_USER_ID, bot_id=p.BOT_ID),
        p.message_im(ANSWERED, event_id="EvSELF2", bot_id=p.BOT_ID, subtype="bot_message"),
        p.message_im(ANSWERED, event_id="EvOTHERBOT", bot_id="B0BOTSELF", subtype="bot_message"),
        p.message_im(ANSWERED, event_id="EvEDIT", subtype="message_changed"),
        p.app_mention(ANSWERED, event_id="EvBOTMENTION", bot_id="B0OTHER"),
    ]
    for event in ignored:
        assert (await bot.event(event))[0] == 200
    # Each was acked after the middleware dropped it: no listener ran, nothing was posted.
    assert bot.fake.messages == []
    await bot.event(p.message_im(ANSWERED, event_id="EvHUMAN"))
    await bot.fake.wait_for("chat.postMessage")
    assert len(bot.fake.messages) == 1


async def test_app_home_shows_topics_counts_and_how_to_ask(bot: Bot, factbase: FactBase) -> None:
    await bot.event(p.app_home_opened(user="U777"))
    (call,) = await bot.fake.wait_for("views.publish")
    assert call.error is None
    assert call.body["user_id"] == "U777"
    view = call.body["view"]
    assert view["type"] == "home"
    text = all_text(view)
    laws = sum(1 for f in factbase.facts if f.topic == "laws")
    assert f"*laws*\\n{laws} facts" in text
    assert "/facts &lt;question&gt;" in text and "mention me" in text


async def test_url_verification_and_rate_limit_notices(bot: Bot) -> None:
    challenge = p.load_json(p.HTTP / "url_verification.json")
    status, text = await bot.event(challenge)
    assert status == 200 and challenge["challenge"] in text
    status, _ = await bot.event(p.load_json(p.HTTP / "event_app_rate_limited.json"))
    assert status == 200
    assert bot.fake.messages == []


# ------------------------------------------------------------------ buttons


async def test_feedback_is_one_vote_per_person_per_answer_and_can_change(bot: Bot) -> None:
    await bot.command(ANSWERED)
    answer = await bot.next_response()
    qid = button_value(answer, ACTION_HELPFUL)
    assert button_value(answer, ACTION_NOT_HELPFUL) == qid

    async def vote(action: str, user: str) -> str:
        await bot.click(
            p.block_actions(action, qid, user_id=user, response_url=bot.fake.response_url("vote"))
        )
        reply = await bot.next_response()
        assert reply["response_type"] == "ephemeral" and reply["replace_original"] is False
        return str(reply["text"])

    assert "Thanks" in await vote(ACTION_HELPFUL, "UA")
    assert "already" in await vote(ACTION_HELPFUL, "UA")
    assert "Changed" in await vote(ACTION_NOT_HELPFUL, "UA")
    assert "Thanks" in await vote(ACTION_HELPFUL, "UB")
    with sqlite3.connect(bot.db) as db:
        votes = db.execute(
            "SELECT user_id, helpful FROM feedback WHERE question_id = ? ORDER BY user_id", (qid,)
        ).fetchall()
    assert votes == [("UA", 0), ("UB", 1)]
    await bot.click(p.block_actions(ACTION_HELPFUL, "99999", response_url=bot.fake.response_url()))
    assert "no longer find" in (await bot.next_response())["text"]


async def test_share_posts_the_same_answer_publicly_attributed_to_the_sharer(
    bot: Bot, factbase: FactBase
) -> None:
    await bot.command(ANSWERED, user_id="U2CERLKJA", channel_id="C999")
    private = await bot.next_response()
    qid = button_value(private, ACTION_SHARE)
    await bot.click(
        p.block_actions(
            ACTION_SHARE,
            qid,
            user_id="U2CERLKJA",
            channel_id="C999",
            response_url=bot.fake.response_url("share"),
        )
    )
    (post,) = await bot.fake.wait_for("chat.postMessage")
    assert post.body["channel"] == "C999"
    assert "<@U2CERLKJA> shared an answer to: When was the BCIJ created?" in all_text(post.body)
    assert_sourced_answer(post.body, factbase, "bcij-established")
    # The public answer has the same answer and quote; it cannot be shared again.
    assert [b for b in private["blocks"] if b["type"] == "section"] == [
        b for b in post.body["blocks"] if b["type"] == "section"
    ]
    assert ACTION_SHARE not in all_text(post.body)
    assert (await bot.next_response())["delete_original"] is True


async def test_share_where_the_bot_cannot_post_says_how_to_fix_it(bot: Bot) -> None:
    await bot.command(ANSWERED)
    qid = button_value(await bot.next_response(), ACTION_SHARE)
    bot.fake.queue("chat.postMessage", {"ok": False, "error": "not_in_channel"})
    await bot.click(p.block_actions(ACTION_SHARE, qid, response_url=bot.fake.response_url()))
    notice = await bot.next_response()
    assert notice["text"] == CANNOT_POST_HERE
    assert notice["response_type"] == "ephemeral"


# ------------------------------------------------------------------ bad input


GARBAGE: list[tuple[str, bytes, str]] = [
    ("empty", b"", p.JSON),
    ("truncated json", b'{"type": "event_callback", ', p.JSON),
    ("json list", b"[]", p.JSON),
    ("json null", b"null", p.JSON),
    ("json string", b'"hello"', p.JSON),
    ("type not a string", b'{"type": 5}', p.JSON),
    ("event missing", b'{"type": "event_callback", "event_id": "Ev1"}', p.JSON),
    ("event is a list", b'{"type": "event_callback", "event": []}', p.JSON),
    (
        "event_id not a string",
        b'{"type": "event_callback", "event": {"type": "app_mention"}, "event_id": 5}',
        p.JSON,
    ),
    ("team is a list", b'{"type": "event_callback", "event": {"type": "x"}, "team": []}', p.JSON),
    ("payload not json", b"payload=notjson", p.FORM),
    ("payload a list", b"payload=%5B%5D", p.FORM),
    ("payload empty object", b"payload=%7B%7D", p.FORM),
    ("click without actions", b"payload=%7B%22type%22%3A%22block_actions%22%7D", p.FORM),
    (
        "actions not objects",
        p.form_payload({"type": "block_actions", "user": {"id": "U1"}, "actions": [1, 2]}),
        p.FORM,
    ),
    ("not utf-8", b"\xff\xfe\x00payload=\xc3\x28", p.FORM),
    ("form without a command", b"", p.FORM),
]


async def test_garbage_bodies_get_4xx_and_the_server_keeps_serving(bot: Bot) -> None:
    for name, body, content_type in GARBAGE:
        status, _ = await bot.post(body, content_type)
        assert 400 <= status < 500, (name, status)
    status, _ = await bot.post(b"x" * (2 * 1024 * 1024), p.FORM)
    assert status == 413
    status, _ = await bot.post(b"{", p.JSON, headers={})  # unsigned garbage: 401
    assert status == 401
    await bot.command(ANSWERED)
    assert "May 2015" in (await bot.next_response())["text"]


def _mutations(seed: int, count: int) -> list[bytes]:
    """Real payloads with keys dropped and values swapped for the wrong types."""
    rng = random.Random(seed)
    bases = [
        p.app_mention("hi"),
        p.message_im("hi"),
        p.app_home_opened(),
        p.block_actions(ACTION_HELPFUL, "1", response_url="http://127.0.0.1:9/x"),
        p.load_json(p.HTTP / "url_verification.json"),
    ]
    odd: list[Any] = [None, 0, -1, 1.5, "", "x", [], {}, [{}], True, "é" * 3]

    def mutate(value: Any, depth: int) -> Any:
        if isinstance(value, dict) and value:
            value = dict(value)
            key = rng.choice(sorted(value))
            roll = rng.random()
            if roll < 0.3:
                del value[key]
            elif roll < 0.7 or depth > 3:
                value[key] = rng.choice(odd)
            else:
                value[key] = mutate(value[key], depth + 1)
        elif isinstance(value, list) and value:
            value = [mutate(v, depth + 1) for v in value]
        return value

    out = []
    for _ in range(count):
        payload = mutate(rng.choice(bases), 0)
        if isinstance(payload, dict) and payload.get("type") == "block_actions":
            out.append(p.form_payload(payload))
        else:
            out.append(json.dumps(payload).encode())
    return out


async def test_mutated_real_payloads_never_get_a_5xx(bot: Bot) -> None:
    for body in _mutations(seed=3, count=120):
        content_type = p.FORM if body.startswith(b"payload=") else p.JSON
        status, _ = await bot.post(body, content_type)
        assert status < 500, body
    await bot.command(ANSWERED)
    assert "May 2015" in (await bot.next_response())["text"]


def _case_text(case: dict[str, Any]) -> str:
    if "text_generator" in case:
        return str(eval(case["text_generator"]))  # noqa: S307 - fixture-authored expressions
    return str(case.get("text", ""))


def _live_sequences(message: dict[str, Any], base: FactBase) -> list[str]:
    """Control sequences (<...>) in a reply that the bot did not put there itself."""
    ours = {f"<{escape_mrkdwn(s.url)}>" for s in base.sources.values() if s.url}
    texts = [message.get("text", "")]
    for block in message.get("blocks", []):
        if "text" in block:
            texts.append(block["text"]["text"])
        texts.extend(e.get("text", "") for e in block.get("elements", []) if isinstance(e, dict))
        texts.extend(f["text"] for f in block.get("fields", []))
    found = re.findall(r"<[^<>]*>", "\n".join(t for t in texts if isinstance(t, str)))
    return [s for s in found if s not in ours]


async def test_adversarial_inputs_are_escaped_and_within_limits(
    bot: Bot, factbase: FactBase
) -> None:
    adversarial = p.load_yaml("adversarial_inputs.yaml")["cases"]
    cases = [c for c in adversarial if "event_overrides" not in c]  # bot-loop: tested above
    assert len(cases) >= 15
    for i, case in enumerate(cases):
        text = _case_text(case)
        await bot.command(text)
        reply = await bot.next_response()
        await bot.event(p.app_mention(text, event_id=f"EvADV{i}"))
        post = (await bot.fake.wait_for("chat.postMessage", i + 1))[i]
        for message in (reply, post.body):
            assert _live_sequences(message, factbase) == [], (case["id"], message)
            assert check_limits(message["blocks"]) == [], case["id"]
            assert "&amp;lt;" not in all_text(message), case["id"]
    assert all(c.error is None for c in bot.fake.messages)
