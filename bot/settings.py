"""All configuration, read from the environment once, in one frozen object.

Only the entry point calls `Settings.from_env(os.environ)`; everything else is
handed the object. Tests pass a plain dict.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cryptography.fernet import Fernet

from bot.core.factbase import default_facts_dir

DEFAULT_SLACK_API_URL = "https://slack.com/api/"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
MODES = ("socket", "http", "console")
#: Where Slack sends a person back after "Add to Slack" (bot/slack/oauth.py serves it).
OAUTH_REDIRECT_PATH = "/slack/oauth_redirect"
#: How to make FACTBOT_ENCRYPTION_KEY, quoted in the error that asks for one.
MAKE_KEY = (
    'python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"'
)
_TRUE = ("1", "true", "yes", "on")
#: A Slack workspace's team id, as FACTBOT_CURATORS_TEAM names the curators' workspace.
_TEAM_ID = re.compile(r"T[A-Z0-9]{2,}")


class SettingsError(Exception):
    """A setting is missing or malformed; the message names the variable."""


@dataclass(frozen=True)
class Settings:
    bot_token: str | None = field(default=None, repr=False)
    signing_secret: str | None = field(default=None, repr=False)
    app_token: str | None = field(default=None, repr=False)
    slack_api_url: str = DEFAULT_SLACK_API_URL
    port: int = 3000
    db_path: str = "./factbot.db"
    facts_dir: Path = field(default_factory=default_facts_dir)
    admins: frozenset[str] = frozenset()
    tz_name: str = "Africa/Casablanca"
    log_level: str = "INFO"
    #: Set by `python -m bot run --mode ...` (the Procfile) when the environment holds
    #: both a signing secret and an app token and a process must run one given mode.
    forced_mode: str | None = None
    #: Where proposed facts go for approval (FACTBOT_CURATORS_CHANNEL, a channel id).
    curators_channel: str | None = None
    #: FACTBOT_CURATORS_TEAM: with many workspaces, the team id of the one workspace whose
    #: admins curate the fact base every workspace is answered from (and where
    #: FACTBOT_CURATORS_CHANNEL is). Unset there: nobody curates. Unused with one workspace.
    curators_team: str | None = None
    #: FACTBOT_DB or FACTBOT_DATABASE_URL was set: commands that only read (`ask`, the
    #: console) use that database.
    db_from_env: bool = False
    #: FACTBOT_DATABASE_URL: a PostgreSQL database shared by several workers (it wins
    #: over FACTBOT_DB). Kept out of repr: it may hold a password.
    database_url: str | None = field(default=None, repr=False)
    #: Where built indexes are kept between runs (bot.engine.cache); None: nowhere.
    cache_dir: Path | None = None
    #: SLACK_CLIENT_ID and SLACK_CLIENT_SECRET without SLACK_BOT_TOKEN: many workspaces
    #: install the bot through OAuth (bot/slack/oauth.py), each with a token of its own.
    client_id: str | None = None
    client_secret: str | None = field(default=None, repr=False)
    #: FACTBOT_ENCRYPTION_KEY: the Fernet key the installations' tokens are encrypted with.
    encryption_key: str | None = field(default=None, repr=False)
    #: FACTBOT_PUBLIC_URL: where Slack reaches this bot (https://factbot.example.org),
    #: for the OAuth redirect URI; SLACK_REDIRECT_URI names that URI outright.
    public_url: str | None = None
    redirect_uri: str | None = None
    #: FACTBOT_TRUST_FORWARDED: the bot is behind a router that sets X-Forwarded-Proto
    #: and X-Forwarded-Host; only then are they used to build the redirect URI.
    trust_forwarded: bool = False

    @property
    def multi_workspace(self) -> bool:
        """True when workspaces install the bot through OAuth (no SLACK_BOT_TOKEN)."""
        return bool(self.client_id and self.client_secret and not self.bot_token)

    @property
    def database(self) -> str:
        """Where the store lives: the PostgreSQL URL if set, else the SQLite file."""
        return self.database_url or self.db_path

    @property
    def database_name(self) -> str:
        """The variable that names the database, for messages."""
        return "FACTBOT_DATABASE_URL" if self.database_url else f"FACTBOT_DB={self.db_path}"

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.tz_name)

    @property
    def mode(self) -> str:
        """ "socket", "http" or "console": which way `python -m bot` runs."""
        if self.forced_mode:
            return self.forced_mode
        if self.multi_workspace:
            return "http"
        if self.app_token:
            return "socket"
        if self.signing_secret:
            return "http"
        return "console"

    def with_mode(self, mode: str) -> Settings:
        """These settings, run in `mode`; SettingsError if the mode's variables are missing."""
        if mode not in MODES:
            raise SettingsError(f"The mode must be one of {', '.join(MODES)}, not {mode!r}.")
        if mode == "socket" and self.multi_workspace:
            raise SettingsError(
                "Socket Mode serves one workspace: with SLACK_CLIENT_ID and SLACK_CLIENT_SECRET "
                "(many workspaces) run HTTP mode, or set SLACK_BOT_TOKEN instead."
            )
        if mode == "socket" and not self.app_token:
            raise SettingsError(
                "SLACK_APP_TOKEN is missing: Socket Mode needs the app-level token."
            )
        if mode == "http" and not self.signing_secret:
            raise SettingsError("SLACK_SIGNING_SECRET is missing: HTTP mode needs it.")
        return replace(self, forced_mode=mode)

    def db_folder_problem(self) -> str | None:
        """One sentence naming FACTBOT_DB if its folder does not exist, else None.

        Checked by the commands that open the database (the Slack modes, the digest),
        not by `from_env`: `ask`, `lint` and the console never open it.
        """
        if self.database_url or self.db_path == ":memory:":
            return None
        folder = Path(self.db_path).expanduser().absolute().parent
        if folder.is_dir():
            return None
        return (
            f"FACTBOT_DB is {self.db_path}, but the folder {folder} does not exist: "
            "create it, or point FACTBOT_DB at a file in an existing folder."
        )

    @classmethod
    def from_env(cls, environ: Mapping[str, str], *, need_mode: bool = True) -> Settings:
        """Read and check every variable; SettingsError names the one to fix.

        `need_mode=False` is for commands that only call the Web API (the digest's
        `--run-once` from cron): they need the bot token but no way to receive events.
        """

        def get(name: str) -> str | None:
            value = environ.get(name, "").strip()
            return value or None

        bot_token = get("SLACK_BOT_TOKEN")
        signing_secret = get("SLACK_SIGNING_SECRET")
        app_token = get("SLACK_APP_TOKEN")
        if app_token and not app_token.startswith("xapp-"):
            raise SettingsError("SLACK_APP_TOKEN must be an app-level token starting with 'xapp-'.")
        if bot_token and not bot_token.startswith("xox"):
            raise SettingsError("SLACK_BOT_TOKEN must be a bot token starting with 'xoxb-'.")
        client_id = get("SLACK_CLIENT_ID")
        client_secret = get("SLACK_CLIENT_SECRET")
        if bool(client_id) != bool(client_secret) and not bot_token:
            missing = "SLACK_CLIENT_SECRET" if client_id else "SLACK_CLIENT_ID"
            raise SettingsError(
                f"{missing} is missing: installing through OAuth needs both the app's "
                "Client ID and Client Secret (Basic Information page)."
            )
        multi = bool(client_id and client_secret and not bot_token)
        encryption_key = get("FACTBOT_ENCRYPTION_KEY")
        if multi:
            if not signing_secret:
                raise SettingsError(
                    "SLACK_SIGNING_SECRET is missing: installing through OAuth (SLACK_CLIENT_ID "
                    "and SLACK_CLIENT_SECRET) runs HTTP mode, which needs it."
                )
            _check_key(encryption_key)
        if need_mode and (app_token or signing_secret) and not bot_token and not multi:
            raise SettingsError(
                "SLACK_BOT_TOKEN is missing: Socket Mode and HTTP mode both need the bot token."
            )
        if need_mode and bot_token and not (app_token or signing_secret):
            raise SettingsError(
                "SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor "
                "SLACK_SIGNING_SECRET (HTTP mode) is: set one, or unset the token for the console."
            )
        port_raw = get("PORT") or "3000"
        try:
            port = int(port_raw)
            if not 0 <= port <= 65535:
                raise ValueError
        except ValueError:
            raise SettingsError(f"PORT must be a port number, not {port_raw!r}.") from None
        tz_name = get("FACTBOT_TZ") or "Africa/Casablanca"
        try:
            ZoneInfo(tz_name)
        except (ZoneInfoNotFoundError, ValueError):
            raise SettingsError(
                f"FACTBOT_TZ must be an IANA time zone such as Africa/Casablanca, not {tz_name!r}."
            ) from None
        level = (get("LOG_LEVEL") or "INFO").upper()
        if level not in LOG_LEVELS:
            raise SettingsError(f"LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}, not {level!r}.")
        api_url = get("SLACK_API_URL") or DEFAULT_SLACK_API_URL
        if not api_url.startswith(("http://", "https://")):
            raise SettingsError(f"SLACK_API_URL must be an http(s) URL, not {api_url!r}.")
        if not api_url.endswith("/"):
            api_url += "/"
        database_url = get("FACTBOT_DATABASE_URL")
        if database_url and not database_url.startswith(("postgresql://", "postgres://")):
            raise SettingsError(
                "FACTBOT_DATABASE_URL must be a PostgreSQL URL such as "
                "postgresql://user:password@host:5432/factbot (for SQLite, set FACTBOT_DB)."
            )
        cache_raw = get("FACTBOT_CACHE_DIR")
        cache_home = get("XDG_CACHE_HOME") or (
            str(Path(home) / ".cache") if (home := get("HOME")) else None
        )
        if cache_raw is not None and cache_raw.lower() in ("off", "none", "0"):
            cache_dir = None
        elif cache_raw is not None:
            cache_dir = Path(cache_raw).expanduser()
        else:
            cache_dir = Path(cache_home) / "factbot" if cache_home else None
        public_url = _url(get("FACTBOT_PUBLIC_URL"), "FACTBOT_PUBLIC_URL")
        redirect_uri = _url(get("SLACK_REDIRECT_URI"), "SLACK_REDIRECT_URI")
        curators_team = get("FACTBOT_CURATORS_TEAM")
        if curators_team is not None and not _TEAM_ID.fullmatch(curators_team):
            raise SettingsError(
                "FACTBOT_CURATORS_TEAM must be the curators' workspace's team id, such as "
                f"T0123ABCD, not {curators_team[:40]!r}."
            )
        facts_raw = get("FACTBOT_FACTS")
        admins = frozenset(a for a in (get("FACTBOT_ADMINS") or "").replace(",", " ").split() if a)
        return cls(
            bot_token=bot_token,
            signing_secret=signing_secret,
            app_token=app_token,
            slack_api_url=api_url,
            port=port,
            db_path=get("FACTBOT_DB") or "./factbot.db",
            facts_dir=Path(facts_raw) if facts_raw else default_facts_dir(),
            admins=admins,
            tz_name=tz_name,
            log_level=level,
            curators_channel=get("FACTBOT_CURATORS_CHANNEL"),
            curators_team=curators_team,
            db_from_env=get("FACTBOT_DB") is not None or database_url is not None,
            database_url=database_url,
            cache_dir=cache_dir,
            client_id=client_id if multi else None,
            client_secret=client_secret if multi else None,
            encryption_key=encryption_key if multi else None,
            public_url=public_url.rstrip("/") if public_url else None,
            redirect_uri=redirect_uri,
            trust_forwarded=(get("FACTBOT_TRUST_FORWARDED") or "").lower() in _TRUE,
        )


def _check_key(key: str | None) -> None:
    """SettingsError, in one sentence saying how to make one, unless `key` is a Fernet key."""
    if not key:
        raise SettingsError(
            "FACTBOT_ENCRYPTION_KEY is missing: installations' tokens are stored encrypted "
            f"with it, so make one with `{MAKE_KEY}` and keep it secret."
        )
    try:
        Fernet(key.encode())
    except ValueError:
        raise SettingsError(
            "FACTBOT_ENCRYPTION_KEY is not a Fernet key (32 url-safe base64-encoded bytes): "
            f"make one with `{MAKE_KEY}`."
        ) from None


def _url(value: str | None, name: str) -> str | None:
    """An http(s) URL with a host, or None; SettingsError names the variable otherwise."""
    if value is None:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise SettingsError(f"{name} must be an http(s) URL such as https://factbot.example.org.")
    return value
