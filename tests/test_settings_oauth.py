"""Multi-workspace settings: OAuth credentials, the encryption key, one sentence per problem."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet

from bot.settings import MAKE_KEY, Settings, SettingsError

KEY = Fernet.generate_key().decode()
MULTI = {
    "SLACK_CLIENT_ID": "1234.5678",
    "SLACK_CLIENT_SECRET": "the-client-secret",
    "SLACK_SIGNING_SECRET": "the-signing-secret",
    "FACTBOT_ENCRYPTION_KEY": KEY,
}


def one_sentence(message: str) -> bool:
    return message.endswith(".") and ". " not in message and "\n" not in message


def test_client_id_and_secret_without_a_bot_token_is_multi_workspace_http() -> None:
    settings = Settings.from_env(MULTI)
    assert settings.multi_workspace and settings.mode == "http"
    assert settings.encryption_key == KEY
    shown = repr(settings)
    assert "the-client-secret" not in shown and KEY not in shown
    assert "the-signing-secret" not in shown


def test_a_bot_token_keeps_single_workspace_mode_as_before() -> None:
    env = {**MULTI, "SLACK_BOT_TOKEN": "xoxb-1-2-three"}
    del env["FACTBOT_ENCRYPTION_KEY"]
    settings = Settings.from_env(env)
    assert not settings.multi_workspace and settings.mode == "http"
    assert settings.client_secret is None and settings.encryption_key is None


@pytest.mark.parametrize(
    ("change", "names"),
    [
        ({"FACTBOT_ENCRYPTION_KEY": ""}, "FACTBOT_ENCRYPTION_KEY is missing"),
        ({"FACTBOT_ENCRYPTION_KEY": "not-a-key"}, "FACTBOT_ENCRYPTION_KEY is not a Fernet key"),
        ({"FACTBOT_ENCRYPTION_KEY": KEY[:-4]}, "FACTBOT_ENCRYPTION_KEY is not a Fernet key"),
        ({"SLACK_SIGNING_SECRET": ""}, "SLACK_SIGNING_SECRET is missing"),
        ({"SLACK_CLIENT_SECRET": ""}, "SLACK_CLIENT_SECRET is missing"),
        ({"SLACK_CLIENT_ID": ""}, "SLACK_CLIENT_ID is missing"),
        ({"FACTBOT_PUBLIC_URL": "factbot.example.org"}, "FACTBOT_PUBLIC_URL must be"),
    ],
)
def test_each_problem_is_one_sentence_naming_the_variable(
    change: dict[str, str], names: str
) -> None:
    with pytest.raises(SettingsError) as caught:
        Settings.from_env({**MULTI, **change})
    message = str(caught.value)
    assert message.startswith(names) and one_sentence(message), message
    if "ENCRYPTION_KEY" in names:
        assert MAKE_KEY in message  # says how to make one


def test_socket_mode_is_refused_for_many_workspaces() -> None:
    with pytest.raises(SettingsError, match="Socket Mode serves one workspace"):
        Settings.from_env(MULTI).with_mode("socket")


def test_the_redirect_uri_settings() -> None:
    settings = Settings.from_env(
        {**MULTI, "FACTBOT_PUBLIC_URL": "https://f.example.org/", "FACTBOT_TRUST_FORWARDED": "1"}
    )
    assert settings.public_url == "https://f.example.org" and settings.trust_forwarded


def test_the_curators_workspace_is_a_team_id() -> None:
    assert Settings.from_env({**MULTI, "FACTBOT_CURATORS_TEAM": "T0123ABCD"}).curators_team == (
        "T0123ABCD"
    )
    assert Settings.from_env(MULTI).curators_team is None
    for wrong in ("general", "t0123abcd", "C0123ABCD", "T0123ABCD,T0456"):
        with pytest.raises(SettingsError) as raised:
            Settings.from_env({**MULTI, "FACTBOT_CURATORS_TEAM": wrong})
        message = str(raised.value)
        assert message.startswith("FACTBOT_CURATORS_TEAM ") and one_sentence(message)
