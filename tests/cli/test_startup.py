"""Start-up failures as an operator meets them: `python -m bot run --mode http` in a subprocess.

Each way start-up can fail for a reason outside the code ends in one sentence
on stderr that names what to fix, exit code 2, and no traceback. The log lines
written before it (at INFO on stderr) are allowed; a traceback is not.
"""

from __future__ import annotations

import asyncio
import os
import socket
import sys
from pathlib import Path

import aiohttp
import payloads as p
from fakeslack import FakeSlack, running_bot, slack_env

from bot.core.factbase import FactBase
from bot.engine import Matcher
from bot.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


async def start_bot(env: dict[str, str], cwd: Path, *args: str) -> tuple[int, list[str]]:
    """Run `python -m bot run --mode http ARGS` to its end; (exit code, stderr lines)."""
    environ = {"PATH": os.environ.get("PATH", ""), "HOME": str(cwd), "LANG": "C.UTF-8", **env}
    environ["PYTHONPATH"] = str(ROOT)
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        "--mode",
        "http",
        *args,
        env=environ,
        cwd=cwd,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(proc.communicate(), 60)
    assert out == b""
    return proc.returncode or 0, err.decode().splitlines()


def the_sentence(lines: list[str]) -> str:
    """The last line, which must be the one sentence; no traceback anywhere."""
    assert not any("Traceback" in line or line.startswith("  File ") for line in lines), lines
    assert lines, "nothing on stderr"
    last = lines[-1]
    assert last.startswith("factbot: ") and last.endswith("."), last
    return last


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def test_a_missing_database_folder_is_one_sentence(fake: FakeSlack, tmp_path: Path) -> None:
    db = tmp_path / "no" / "such" / "folder" / "factbot.db"
    code, lines = await start_bot(slack_env(fake, str(db), mode="http"), tmp_path)
    assert code == 2
    sentence = the_sentence(lines)
    assert lines == [sentence]
    assert "FACTBOT_DB" in sentence and f"the folder {db.parent} does not exist" in sentence
    assert fake.calls == []  # stopped before anything else


async def test_slack_unreachable_is_retried_then_one_sentence(tmp_path: Path) -> None:
    closed = f"http://127.0.0.1:{free_port()}/api/"
    env = {
        "SLACK_BOT_TOKEN": p.BOT_TOKEN,
        "SLACK_SIGNING_SECRET": p.SIGNING_SECRET,
        "SLACK_API_URL": closed,
        "FACTBOT_DB": str(tmp_path / "f.db"),
        "PORT": "0",
    }
    code, lines = await start_bot(env, tmp_path, "--wait-for-slack", "1.2")
    assert code == 2
    sentence = the_sentence(lines)
    assert "Slack did not answer" in sentence and closed in sentence
    retries = [line for line in lines if "slack_unreachable" in line]
    assert len(retries) >= 2 and all(" WARNING " in line for line in retries)
    assert "retry_in_s=0.5" in retries[0] and "retry_in_s=0.7" in retries[1]  # 0.5, then the rest
    assert not any("http_listening" in line for line in lines)


async def test_a_refused_token_is_one_sentence(fake: FakeSlack, tmp_path: Path) -> None:
    fake.queue("auth.test", {"ok": False, "error": "invalid_auth"})
    env = slack_env(fake, str(tmp_path / "f.db"), mode="http")
    code, lines = await start_bot(env, tmp_path)
    assert code == 2
    sentence = the_sentence(lines)
    assert "Slack refused SLACK_BOT_TOKEN (invalid_auth)" in sentence
    assert p.BOT_TOKEN not in "\n".join(lines)
    assert len(fake.calls_to("auth.test")) == 1  # refused is final: not retried


async def test_a_port_in_use_is_one_sentence(fake: FakeSlack, tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("0.0.0.0", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = {**slack_env(fake, str(tmp_path / "f.db"), mode="http"), "PORT": str(port)}
        code, lines = await start_bot(env, tmp_path)
    assert code == 2
    sentence = the_sentence(lines)
    assert f"PORT {port} is in use" in sentence


async def test_slack_answering_503_at_start_up_is_waited_for(
    fake: FakeSlack, tmp_path: Path, factbase: FactBase, matcher: Matcher
) -> None:
    """Slack down for a moment at start-up: the bot retries with growing waits, then serves."""
    fake.queue("auth.test", {"ok": False, "error": "fatal_error"}, status=503)
    fake.queue("auth.test", {"ok": False, "error": "fatal_error"}, status=503)
    settings = Settings.from_env(slack_env(fake, str(tmp_path / "f.db"), mode="http"))
    async with (
        running_bot(settings, factbase, matcher) as port,
        aiohttp.ClientSession() as session,
        session.get(f"http://127.0.0.1:{port}/healthz") as resp,
    ):
        assert resp.status == 200
    assert len(fake.calls_to("auth.test")) == 3
