"""`imbot doctor`: check configuration, database, migrations and chat platform
credentials, and say in plain words what is wrong and what to do."""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import httpx
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import make_url

from bot.app.config import ConfigError, Settings
from storage.db import DatabaseError, alembic_config, make_engine

__all__ = ["CHAT_LIBRARIES", "Check", "checks"]

# distribution, module, what for: the libraries `imbot run` talks to the platforms with
CHAT_LIBRARIES = (
    ("python-telegram-bot", "telegram", ""),
    ("matrix-nio", "nio", ""),
    ("vodozemac", "vodozemac", " (Matrix encryption)"),
)


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    message: str


def checks(environ: dict[str, str] | None = None) -> list[Check]:
    try:
        settings = Settings.from_env(environ)
    except ConfigError as exc:
        return [Check("configuration", False, str(exc)), _libraries()]
    out = [Check("configuration", True, "environment variables are valid")]
    out += _database(settings)
    out += _platforms(settings)
    out.append(_calendars(settings))
    out.append(_libraries())
    return out


def _calendars(settings: Settings) -> Check:
    """Where calendar apps fetch the feeds of /kalender (a hint, never a failure)."""
    if settings.public_url:
        return Check("calendar feeds", True, f"/kalender links: {settings.public_url}/calendar/…")
    return Check(
        "calendar feeds",
        True,
        f"IMBOT_PUBLIC_URL is not set: /kalender tells experts and buddies that calendar "
        f"links are not available yet (the feed is served on port {settings.http_port} of "
        "this computer only); set it to the address your reverse proxy forwards /calendar/ "
        "from",
    )


def _libraries() -> Check:
    """The chat libraries with their versions. Loading them here finds a broken or
    partial installation before `imbot run` does."""
    found, broken = [], []
    for distribution, module, purpose in CHAT_LIBRARIES:
        try:
            importlib.import_module(module)
            found.append(f"{distribution} {version(distribution)}{purpose}")
        except (ImportError, PackageNotFoundError) as exc:
            broken.append(f"{distribution} ({exc})")
    if broken:
        return Check(
            "chat libraries",
            False,
            f"cannot load {', '.join(broken)}: install imbot again "
            "(pip install --require-hashes -r requirements/runtime.txt, then pip install --no-deps .)",
        )
    return Check("chat libraries", True, ", ".join(found))


def _database(settings: Settings) -> list[Check]:
    url = make_url(settings.database_url)  # valid: Settings checked it
    if url.get_backend_name() == "sqlite" and url.database:
        path = Path(url.database).expanduser().absolute()
        if not path.is_file():  # checking must not create it (a mistyped path)
            return [
                Check(
                    "database",
                    False,
                    f"there is no database at {path}: check IMBOT_DATABASE_URL, or create it "
                    "with `imbot db upgrade` (imbot chat and imbot run do it on first start)",
                )
            ]
    try:
        engine = make_engine(settings.database_url)
    except DatabaseError as exc:
        return [Check("database", False, str(exc))]
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
            current = MigrationContext.configure(conn).get_current_revision()
    except Exception as exc:  # the driver's own error: unreachable, refused, bad password
        reason = str(getattr(exc, "orig", exc)).splitlines()[0]
        return [
            Check(
                "database",
                False,
                f"cannot reach the database ({engine.url.render_as_string(hide_password=True)}): "
                f"{reason}. Is it running, and is IMBOT_DATABASE_URL right?",
            )
        ]
    found = [Check("database", True, f"reachable ({engine.url.get_backend_name()})")]
    head = ScriptDirectory.from_config(alembic_config(engine)).get_current_head()
    if current is None:
        found.append(
            Check(
                "migrations",
                False,
                "the database is empty: run `imbot db upgrade` "
                "(imbot chat and imbot run do it on start)",
            )
        )
    elif current != head:
        found.append(
            Check(
                "migrations",
                False,
                f"the schema is at {current}, the code needs {head}: "
                "run `imbot db upgrade` (back up the database first)",
            )
        )
    else:
        found.append(Check("migrations", True, f"up to date ({head})"))
    engine.dispose()
    return found


def _platforms(settings: Settings) -> list[Check]:
    found = []
    if settings.telegram_token:
        found.append(_telegram(settings))
    if settings.matrix_homeserver or settings.matrix_user:
        found.append(_matrix(settings))
    if settings.telegram_token and not settings.telegram_bot:
        found.append(
            Check(
                "invite links",
                False,
                "TELEGRAM_BOT_USERNAME is not set: invites cannot show a Telegram link "
                "(https://t.me/<username>?start=CODE); set it to the bot's username",
            )
        )
    if not found:
        found.append(
            Check(
                "platforms",
                False,
                "no chat platform configured: set TELEGRAM_TOKEN for Telegram, or "
                "MATRIX_HOMESERVER, MATRIX_USER and MATRIX_PASSWORD for Matrix",
            )
        )
    return found


def _telegram(settings: Settings) -> Check:
    base = settings.telegram_base_url or "https://api.telegram.org/bot"
    try:
        resp = httpx.get(f"{base}{settings.telegram_token}/getMe", timeout=10)
    except httpx.HTTPError as exc:
        return Check(
            "telegram",
            False,
            f"cannot reach the Bot API at {base.rsplit('/bot', 1)[0]}: "
            f"{type(exc).__name__}. Network or proxy?",
        )
    if resp.status_code == 401:
        return Check(
            "telegram", False, "TELEGRAM_TOKEN is rejected (401): copy it again from @BotFather"
        )
    if resp.status_code != 200:
        return Check(
            "telegram", False, f"the Bot API answered {resp.status_code}: {resp.text[:120]}"
        )
    user = resp.json()["result"].get("username", "?")
    if settings.telegram_bot and settings.telegram_bot != user:
        return Check(
            "telegram",
            False,
            f"token valid for @{user}, but TELEGRAM_BOT_USERNAME is {settings.telegram_bot}: "
            f"invite links would lead elsewhere; set TELEGRAM_BOT_USERNAME={user}",
        )
    hint = "" if settings.telegram_bot else f" (set TELEGRAM_BOT_USERNAME={user})"
    return Check("telegram", True, f"token valid for @{user}{hint}")


def _matrix(settings: Settings) -> Check:
    if not (settings.matrix_homeserver and settings.matrix_user):
        return Check("matrix", False, "set both MATRIX_HOMESERVER and MATRIX_USER")
    url = settings.matrix_homeserver.rstrip("/")
    try:
        httpx.get(f"{url}/_matrix/client/versions", timeout=10).raise_for_status()
    except httpx.HTTPError as exc:
        return Check("matrix", False, f"cannot reach the homeserver {url}: {type(exc).__name__}")
    token = settings.matrix_access_token
    stored = settings.data_dir / "matrix" / "credentials.json"
    if not token and stored.exists():
        token = json.loads(stored.read_text()).get("access_token")
    if token:
        who = httpx.get(
            f"{url}/_matrix/client/v3/account/whoami",
            timeout=10,
            headers={"Authorization": f"Bearer {token}"},
        )
        if who.status_code != 200:
            return Check(
                "matrix",
                False,
                "the access token is not accepted: set MATRIX_PASSWORD to log in again "
                f"(or delete {stored} to start with a new device)",
            )
        return Check("matrix", True, f"logged in as {who.json().get('user_id')}")
    if not settings.matrix_password:
        return Check("matrix", False, "set MATRIX_PASSWORD or MATRIX_ACCESS_TOKEN")
    return Check(
        "matrix", True, f"homeserver reachable; the bot logs in as {settings.matrix_user} on start"
    )
