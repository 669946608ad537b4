"""Workspaces that installed the bot through OAuth: the `0007_installations` tables.

`InstallationStore` is slack-sdk's `AsyncInstallationStore` over our `Database`
(SQLite or PostgreSQL): one row per workspace (or Enterprise Grid org, for an
org-wide install), its tokens encrypted with Fernet (`FACTBOT_ENCRYPTION_KEY`), so
a copy of the database (a backup, a curator's sqlite3 shell) holds no usable token.
`OAuthStateStore` is slack-sdk's `AsyncOAuthStateStore`: a state is issued into the
database, so Slack's redirect may land on any worker, and consumed once, atomically
(`DELETE ... RETURNING`), within `STATE_LIFETIME`.

`InstallationsStore` is mixed into `bot.storage.store.Store`: `forget_workspace`
deletes an uninstalled workspace's installation and data, keeping only a bare
record that it left (`uninstalled_teams`).
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.installation_store.models.bot import Bot
from slack_sdk.oauth.installation_store.models.installation import Installation
from slack_sdk.oauth.state_store.async_state_store import AsyncOAuthStateStore

from bot.core.records import Clock, utc_now
from bot.storage.db import Database

logger = logging.getLogger(__name__)

MIGRATION_NAME = "0007_installations"
MIGRATION_SQL = """
    -- One row per workspace that installed the bot (team_id '' with an enterprise_id:
    -- an org-wide Enterprise Grid install). Tokens are Fernet-encrypted, never plain.
    CREATE TABLE installations (
        enterprise_id         TEXT    NOT NULL DEFAULT '',
        team_id               TEXT    NOT NULL DEFAULT '',
        is_enterprise_install INTEGER NOT NULL DEFAULT 0,
        app_id                TEXT,
        enterprise_name       TEXT,
        enterprise_url        TEXT,
        team_name             TEXT,
        user_id               TEXT    NOT NULL,  -- who installed it
        user_scopes           TEXT,
        user_token            TEXT,              -- encrypted
        user_refresh_token    TEXT,              -- encrypted
        user_token_expires_at INTEGER,
        bot_id                TEXT,
        bot_user_id           TEXT,
        bot_scopes            TEXT,
        bot_token             TEXT,              -- encrypted
        bot_refresh_token     TEXT,              -- encrypted
        bot_token_expires_at  INTEGER,
        token_type            TEXT,
        installed_at          TEXT    NOT NULL,
        PRIMARY KEY (enterprise_id, team_id)
    );

    -- "Add to Slack" states: issued by /slack/install, consumed once by the redirect.
    CREATE TABLE oauth_states (
        state       TEXT PRIMARY KEY,
        created_at  TEXT NOT NULL
    );

    -- Workspaces that uninstalled the bot (or revoked its token): a bare record, no data.
    CREATE TABLE uninstalled_teams (
        enterprise_id  TEXT NOT NULL DEFAULT '',
        team_id        TEXT NOT NULL,
        uninstalled_at TEXT NOT NULL,
        PRIMARY KEY (enterprise_id, team_id)
    );
"""

#: How long an issued state may be consumed: Slack's consent screen takes a person a
#: minute or two; a state older than this is refused (and purged at the next issue).
STATE_LIFETIME = timedelta(minutes=10)
#: Unexpired states at most. `GET /slack/install` issues one to anyone who asks, so
#: without a cap a crawler (or an attacker) grows the table without bound; installs
#: by people are a few in ten minutes. At the cap no install starts until the oldest
#: state expires.
MAX_LIVE_STATES = 1000

_COLUMNS = (
    "enterprise_id, team_id, is_enterprise_install, app_id, enterprise_name, enterprise_url,"
    " team_name, user_id, user_scopes, user_token, user_refresh_token, user_token_expires_at,"
    " bot_id, bot_user_id, bot_scopes, bot_token, bot_refresh_token, bot_token_expires_at,"
    " token_type, installed_at"
)


def _iso(moment: datetime) -> str:
    """As bot.storage.store stores times: UTC, microseconds, so text order is time order."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _where(
    enterprise_id: str | None, team_id: str | None, is_enterprise_install: bool | None
) -> tuple[str, str]:
    """The row key: an org-wide install is found by its enterprise alone (team '')."""
    if is_enterprise_install:
        return enterprise_id or "", ""
    return enterprise_id or "", team_id or ""


def _scopes(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return ",".join(str(v) for v in value)  # type: ignore[attr-defined]


def _int(value: object) -> int | None:
    return None if value is None else int(str(value))


class InstallationStore(AsyncInstallationStore):
    """slack-sdk's installation store on our Database; tokens encrypted with Fernet.

    One installation per workspace (the latest replaces the one before): factbot asks
    only for bot scopes, so the installer's row is the workspace's row.
    """

    def __init__(self, db: Database, key: str, clock: Clock = utc_now) -> None:
        self._db = db
        self._fernet = Fernet(key.encode())
        self._clock = clock

    @property
    def logger(self) -> logging.Logger:
        return logger

    def _seal(self, token: str | None) -> str | None:
        return None if token is None else self._fernet.encrypt(token.encode()).decode()

    def _open(self, sealed: object) -> str | None:
        if sealed is None:
            return None
        try:
            return self._fernet.decrypt(str(sealed).encode()).decode()
        except InvalidToken:
            # Another FACTBOT_ENCRYPTION_KEY wrote it: the workspace must install again.
            logger.error("installation_token_unreadable reason=wrong_encryption_key")
            return None

    async def async_save(self, installation: Installation) -> None:
        enterprise_id, team_id = _where(
            installation.enterprise_id, installation.team_id, installation.is_enterprise_install
        )
        row = (
            enterprise_id,
            team_id,
            int(bool(installation.is_enterprise_install)),
            installation.app_id,
            installation.enterprise_name,
            installation.enterprise_url,
            installation.team_name,
            installation.user_id,
            _scopes(installation.user_scopes),
            self._seal(installation.user_token),
            self._seal(installation.user_refresh_token),
            _int(installation.user_token_expires_at),
            installation.bot_id,
            installation.bot_user_id,
            _scopes(installation.bot_scopes),
            self._seal(installation.bot_token),
            self._seal(installation.bot_refresh_token),
            _int(installation.bot_token_expires_at),
            installation.token_type,
            _iso(self._clock()),
        )
        updates = ", ".join(f"{c.strip()} = excluded.{c.strip()}" for c in _COLUMNS.split(",")[2:])
        async with self._db.transaction() as tx:
            await tx.execute(
                f"INSERT INTO installations ({_COLUMNS}) VALUES ({', '.join('?' * len(row))})"
                f" ON CONFLICT (enterprise_id, team_id) DO UPDATE SET {updates}",
                row,
            )
            # Installed again after leaving: it is no longer a workspace that left.
            await tx.execute(
                "DELETE FROM uninstalled_teams WHERE enterprise_id = ? AND team_id = ?",
                (enterprise_id, team_id),
            )
        logger.info(
            "installation_saved team_id=%s enterprise_id=%s enterprise_install=%s",
            team_id,
            enterprise_id,
            bool(installation.is_enterprise_install),
        )

    async def async_save_bot(self, bot: Bot) -> None:
        """Only a token rotation saves a bot alone; factbot turns rotation off (manifest)."""
        raise NotImplementedError("token rotation is off: installations are saved whole")

    async def _row(
        self, enterprise_id: str | None, team_id: str | None, is_enterprise_install: bool | None
    ) -> tuple[Any, ...] | None:
        enterprise, team = _where(enterprise_id, team_id, is_enterprise_install)
        rows = await self._db.fetch(
            f"SELECT {_COLUMNS} FROM installations WHERE enterprise_id = ? AND team_id = ?",
            (enterprise, team),
        )
        if not rows and not is_enterprise_install and enterprise:
            # A workspace of an org that installed the app org-wide: the org's row.
            rows = await self._db.fetch(
                f"SELECT {_COLUMNS} FROM installations WHERE enterprise_id = ? AND team_id = ''"
                " AND is_enterprise_install = 1",
                (enterprise,),
            )
        return rows[0] if rows else None

    def _installation(self, row: Sequence[Any]) -> Installation:
        return Installation(
            enterprise_id=row[0] or None,
            team_id=row[1] or None,
            is_enterprise_install=bool(row[2]),
            app_id=row[3],
            enterprise_name=row[4],
            enterprise_url=row[5],
            team_name=row[6],
            user_id=str(row[7]),
            user_scopes=str(row[8] or ""),
            user_token=self._open(row[9]),
            user_refresh_token=self._open(row[10]),
            user_token_expires_at=_int(row[11]),
            bot_id=row[12],
            bot_user_id=row[13],
            bot_scopes=str(row[14] or ""),
            bot_token=self._open(row[15]),
            bot_refresh_token=self._open(row[16]),
            bot_token_expires_at=_int(row[17]),
            token_type=row[18],
            installed_at=datetime.fromisoformat(str(row[19])).timestamp(),
        )

    async def async_find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        row = await self._row(enterprise_id, team_id, is_enterprise_install)
        if row is None or (user_id is not None and row[7] != user_id):
            return None  # factbot keeps the installer's row only
        return self._installation(row)

    async def async_find_bot(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        is_enterprise_install: bool | None = False,
    ) -> Bot | None:
        row = await self._row(enterprise_id, team_id, is_enterprise_install)
        if row is None:
            return None
        installation = self._installation(row)
        if installation.bot_token is None:
            return None
        return installation.to_bot()

    async def async_delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        await self.async_delete_installation(enterprise_id=enterprise_id, team_id=team_id)

    async def async_delete_installation(
        self, *, enterprise_id: str | None, team_id: str | None, user_id: str | None = None
    ) -> None:
        sql = "DELETE FROM installations WHERE enterprise_id = ? AND team_id = ?"
        params: list[object] = [enterprise_id or "", team_id or ""]
        if user_id is not None:
            sql += " AND user_id = ?"
            params.append(user_id)
        await self._db.execute(sql, params)

    async def async_delete_all(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        await self.async_delete_installation(enterprise_id=enterprise_id, team_id=team_id)


class StatesExhausted(Exception):
    """As many installs are under way as the state store holds: no state was issued."""


class OAuthStateStore(AsyncOAuthStateStore):
    """States in the database: any worker can consume what another issued, once."""

    def __init__(
        self,
        db: Database,
        clock: Clock = utc_now,
        lifetime: timedelta = STATE_LIFETIME,
        capacity: int = MAX_LIVE_STATES,
    ) -> None:
        self._db = db
        self._clock = clock
        self._lifetime = lifetime
        self._capacity = capacity

    @property
    def logger(self) -> logging.Logger:
        return logger

    async def async_issue(self, *args: Any, **kwargs: Any) -> str:
        """A new state; expired ones are purged first. StatesExhausted at `capacity`.

        The count and the insert are one statement: exact on SQLite (writes take
        turns); on PostgreSQL, issues racing at the cap may pass it by as many as race.
        """
        now = self._clock()
        await self._db.execute(
            "DELETE FROM oauth_states WHERE created_at < ?", (_iso(now - self._lifetime),)
        )
        state = secrets.token_urlsafe(32)
        issued = await self._db.execute(
            "INSERT INTO oauth_states (state, created_at) SELECT ?, ?"
            " WHERE (SELECT COUNT(*) FROM oauth_states) < ?",
            (state, _iso(now), self._capacity),
        )
        if not issued:
            raise StatesExhausted(f"{self._capacity} installs under way")
        return state

    async def async_consume(self, state: str) -> bool:
        """True once for a state issued less than `lifetime` ago; False ever after."""
        rows = await self._db.fetch(
            "DELETE FROM oauth_states WHERE state = ? RETURNING created_at", (state,)
        )
        if not rows:
            return False
        issued = datetime.fromisoformat(str(rows[0][0]))
        return self._clock() - issued <= self._lifetime


#: The tables `forget_workspace` empties of a workspace's rows, in order (votes before
#: the questions they are on, posts and rotation before the subscriptions they follow).
FORGOTTEN = (
    "installations",
    "feedback",
    "questions",
    "outbox",
    "digest_posts",
    "digest_shown",
    "digest_subscriptions",
    "workspace_settings",
)


class InstallationsStore:
    """The installation methods of `Store` (which sets `_db` and `_clock`)."""

    _db: Database
    _clock: Clock

    def installation_store(self, encryption_key: str) -> InstallationStore:
        """slack-sdk's installation store over this database (tokens sealed with the key)."""
        return InstallationStore(self._db, encryption_key, self._clock)

    def oauth_state_store(self) -> OAuthStateStore:
        """slack-sdk's OAuth state store over this database."""
        return OAuthStateStore(self._db, self._clock)

    async def is_installed(
        self,
        team_id: str | None,
        enterprise_id: str | None = None,
        *,
        is_enterprise_install: bool = False,
    ) -> bool:
        """Whether this workspace (or its org, installed org-wide) has an installation:
        the row `InstallationStore.async_find_bot` would find for the same ids."""
        enterprise, team = _where(enterprise_id, team_id, is_enterprise_install)
        rows = await self._db.fetch(
            "SELECT 1 FROM installations WHERE (enterprise_id = ? AND team_id = ?)"
            " OR (? != '' AND enterprise_id = ? AND team_id = '' AND is_enterprise_install = 1)"
            " LIMIT 1",
            (enterprise, team, enterprise, enterprise),
        )
        return bool(rows)

    async def installed_enterprise(self, team_id: str) -> str | None:
        """The enterprise id a workspace's installation is kept under ('' for a workspace in
        no Enterprise Grid org), found by its team id alone; None if it has none of its own.

        For a workspace named by team id only (FACTBOT_CURATORS_TEAM). Slack's team ids
        are unique across orgs; should a workspace have rows under two (it joined an org
        and installed again), the latest install is the one."""
        if not team_id:
            return None
        rows = await self._db.fetch(
            "SELECT enterprise_id FROM installations WHERE team_id = ?"
            " ORDER BY installed_at DESC LIMIT 1",
            (team_id,),
        )
        return str(rows[0][0]) if rows else None

    async def forget_workspace(self, team_id: str, enterprise_id: str = "") -> dict[str, int]:
        """Delete a workspace that left: its installation and every row of its own; counts.

        Deleted, in one transaction: the installation (tokens, bot and installer ids) of
        (enterprise_id, team_id); the votes and questions, outbox rows, digest posts,
        rotation and subscriptions and the workspace settings whose team_id is
        `team_id` (another workspace's digests in a channel both share stay). An
        org-wide install (team_id '') is forgotten by its enterprise_id where a table
        has one. What stays is a bare record in `uninstalled_teams`. Calling it again
        deletes nothing more.
        """
        by_team = bool(team_id) or not enterprise_id
        # The single workspace of a bot run with SLACK_BOT_TOKEN (team_id '', no
        # enterprise) is forgotten like any other: its rows have team_id ''.
        tenant = "team_id = ?" if by_team else "enterprise_id = ?"
        who: list[object] = [team_id if by_team else enterprise_id]
        questions = f"question_id IN (SELECT id FROM questions WHERE {tenant})"
        # An org's digests, by the (team, channel) of its subscriptions: never by channel
        # alone, which a Slack Connect channel shares with another workspace.
        channels = (
            "(team_id, channel_id) IN"
            f" (SELECT team_id, channel_id FROM digest_subscriptions WHERE {tenant})"
        )
        # Tables with a team_id but no enterprise_id: by team (votes also by question).
        own = (f"team_id = ? OR {questions}", [team_id, *who])
        posted: tuple[str, list[object]] = ("team_id = ?", [team_id])
        statements: dict[str, tuple[str, list[object]]] = {
            "installations": ("enterprise_id = ? AND team_id = ?", [enterprise_id, team_id]),
            "feedback": own if by_team else (questions, who),
            "questions": (tenant, who),
            "outbox": (tenant, who),
            "digest_posts": posted if by_team else (channels, who),
            "digest_shown": posted if by_team else (channels, who),
            "digest_subscriptions": (tenant, who),
            # An org-wide install: the settings of every workspace of the org.
            "workspace_settings": (tenant, who),
        }
        counts: dict[str, int] = {}
        async with self._db.transaction() as tx:
            for table in FORGOTTEN:
                where, values = statements[table]
                counts[table] = await tx.execute(f"DELETE FROM {table} WHERE {where}", values)
            await tx.execute(
                "INSERT INTO uninstalled_teams (enterprise_id, team_id, uninstalled_at)"
                " VALUES (?, ?, ?) ON CONFLICT (enterprise_id, team_id)"
                " DO UPDATE SET uninstalled_at = excluded.uninstalled_at",
                (enterprise_id, team_id, _iso(self._clock())),
            )
        return counts

    async def uninstalled_at(self, team_id: str, enterprise_id: str = "") -> datetime | None:
        """When this workspace last left (uninstalled, or revoked the bot's token), if ever."""
        rows = await self._db.fetch(
            "SELECT uninstalled_at FROM uninstalled_teams WHERE enterprise_id = ? AND team_id = ?",
            (enterprise_id, team_id),
        )
        return datetime.fromisoformat(str(rows[0][0])) if rows else None
