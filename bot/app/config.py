"""Settings from the environment (secrets never come from files in the repo)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.booking.digest import Weekly
from bot.booking.rules import Rules
from storage.location import data_dir, database_url

__all__ = ["ConfigError", "Settings"]

# environment variable -> (Rules field, lowest, highest)
RULE_VARS = {
    "IMBOT_REQUEST_TTL_HOURS": ("request_ttl_hours", 1, 24 * 14),
    "IMBOT_NOTICE_HOURS": ("notice_hours", 0, 24 * 14),
    "IMBOT_HORIZON_DAYS": ("horizon_days", 1, 365),
    "IMBOT_BUFFER_MINUTES": ("buffer_minutes", 0, 120),
    "IMBOT_OVERVIEW_WEEKS": ("overview_weeks", 1, 52),
}


LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


class ConfigError(ValueError):
    """A setting in the environment is wrong; the message names it and what is allowed."""


@dataclass(frozen=True)
class Settings:
    database_url: str
    default_lang: str = "de"
    timezone: str = "Europe/Berlin"
    log_level: str = "WARNING"
    telegram_bot: str | None = None  # the bot's @username, for invite deep links
    rules: Rules = field(default_factory=Rules)
    telegram_token: str | None = None
    telegram_base_url: str | None = None  # a self-hosted Bot API server, or the test fake
    telegram_webhook_url: str | None = None  # set: webhook mode instead of long polling
    telegram_webhook_secret: str | None = None
    telegram_webhook_port: int = 8443
    telegram_webhook_listen: str = "0.0.0.0"  # noqa: S104 - in a container; tests use 127.0.0.1
    tick_seconds: float = 10.0  # how often the outbox dispatcher wakes up
    telegram_max_rate: int = 30  # replies per second overall (Telegram's limit for bots)
    concurrent_updates: int = 8  # messages in the router/database at once (each chat in order)
    outbox_lease_seconds: int = 15  # a claim on outbox rows, renewed while sending
    outbox_batch: int = 30  # rows claimed at once (about a second at Telegram's 30/s)
    data_dir: Path = field(default_factory=lambda: data_dir({}))
    matrix_homeserver: str | None = None
    matrix_user: str | None = None
    matrix_password: str | None = None
    matrix_access_token: str | None = None
    http_host: str = "0.0.0.0"  # noqa: S104 - health and metrics, reachable in a container
    http_port: int = 8080
    public_url: str | None = None  # IMBOT_PUBLIC_URL: how calendars reach the HTTP server
    meetings_digest: Weekly | None = None  # the admins' weekly Jour Fixe digest (off)
    team_telegram_chat: str | None = None  # a Telegram group where the team gets questions
    team_matrix_room: str | None = None  # a Matrix room where the team gets questions
    faq_examples: Path | None = None  # /beispiel's file; None: faq-examples.yaml in data_dir
    telegram_http_client: str = "aiohttp"  # TELEGRAM_HTTP_CLIENT: aiohttp, or PTB's httpx
    cpu: str = "auto"  # IMBOT_CPU: `imbot run` on one core (auto), on core N, or off

    @property
    def team_chats(self) -> tuple[tuple[str, str], ...]:
        """The configured team chats (platform, chat id); none: every admin's own chats."""
        return tuple(
            (platform, chat)
            for platform, chat in (
                ("telegram", self.team_telegram_chat),
                ("matrix", self.team_matrix_room),
            )
            if chat
        )

    @property
    def examples_file(self) -> Path:
        return self.faq_examples or self.data_dir / "faq-examples.yaml"

    def __repr__(self) -> str:  # never print tokens or passwords
        return f"Settings(database_url=<set>, default_lang={self.default_lang!r}, timezone={self.timezone!r})"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        lang = env.get("IMBOT_LANG", "de").strip().lower() or "de"
        if lang not in ("de", "en"):
            raise ConfigError(f"IMBOT_LANG={lang[:20]!r}: use de or en")
        log_level = env.get("IMBOT_LOG_LEVEL", "WARNING").strip().upper() or "WARNING"
        if log_level not in LOG_LEVELS:
            raise ConfigError(
                f"IMBOT_LOG_LEVEL={log_level[:20]!r}: use one of {', '.join(LOG_LEVELS)}"
            )
        timezone = env.get("IMBOT_TIMEZONE", "Europe/Berlin").strip()
        try:
            ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise ConfigError(
                f"IMBOT_TIMEZONE={timezone!r} is not a time zone, e.g. Europe/Berlin"
            ) from None
        return cls(
            database_url=database_url(env),
            default_lang=lang,
            timezone=timezone,
            log_level=log_level,
            telegram_bot=env.get("TELEGRAM_BOT_USERNAME", "").strip().lstrip("@") or None,
            rules=_rules(env),
            telegram_token=env.get("TELEGRAM_TOKEN", "").strip() or None,
            telegram_base_url=env.get("TELEGRAM_BASE_URL", "").strip().rstrip("/") or None,
            telegram_webhook_url=env.get("TELEGRAM_WEBHOOK_URL", "").strip() or None,
            telegram_webhook_secret=env.get("TELEGRAM_WEBHOOK_SECRET", "").strip() or None,
            telegram_webhook_port=_int(env, "TELEGRAM_WEBHOOK_PORT", 8443, 1, 65535),
            telegram_webhook_listen=env.get("TELEGRAM_WEBHOOK_LISTEN", "").strip() or "0.0.0.0",  # noqa: S104
            tick_seconds=_int(env, "IMBOT_TICK_SECONDS", 10, 1, 3600),
            telegram_max_rate=_int(env, "TELEGRAM_MAX_RATE", 30, 1, 1000),
            concurrent_updates=_int(env, "IMBOT_CONCURRENT_UPDATES", 8, 1, 256),
            outbox_lease_seconds=_int(env, "IMBOT_OUTBOX_LEASE_SECONDS", 15, 5, 3600),
            outbox_batch=_int(env, "IMBOT_OUTBOX_BATCH", 30, 1, 1000),
            data_dir=data_dir(env),
            matrix_homeserver=env.get("MATRIX_HOMESERVER", "").strip() or None,
            matrix_user=env.get("MATRIX_USER", "").strip() or None,
            matrix_password=env.get("MATRIX_PASSWORD") or None,
            matrix_access_token=env.get("MATRIX_ACCESS_TOKEN", "").strip() or None,
            http_host=env.get("IMBOT_HTTP_HOST", "").strip() or "0.0.0.0",  # noqa: S104
            http_port=_int(env, "IMBOT_HTTP_PORT", 8080, 1, 65535),
            public_url=_public_url(env),
            meetings_digest=_weekly(env, "IMBOT_MEETINGS_DIGEST"),
            team_telegram_chat=_team_chat(env, "IMBOT_TEAM_TELEGRAM_CHAT"),
            team_matrix_room=_team_chat(env, "IMBOT_TEAM_MATRIX_ROOM"),
            faq_examples=Path(env["IMBOT_FAQ_EXAMPLES"].strip())
            if env.get("IMBOT_FAQ_EXAMPLES", "").strip()
            else None,
            telegram_http_client=_choice(env, "TELEGRAM_HTTP_CLIENT", ("aiohttp", "httpx")),
            cpu=_cpu(env),
        )


def _choice(env, var: str, allowed: tuple[str, ...]) -> str:
    """One of `allowed` (the first is the default)."""
    raw = env.get(var, "").strip().lower() or allowed[0]
    if raw not in allowed:
        raise ConfigError(f"{var}={raw[:20]!r}: use {' or '.join(allowed)}")
    return raw


def _cpu(env) -> str:
    """IMBOT_CPU: auto (the default), off, or the number of a core this process may use."""
    raw = env.get("IMBOT_CPU", "").strip().lower() or "auto"
    if raw in ("auto", "off"):
        return raw
    allowed = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else set()
    if not raw.isdigit() or int(raw) not in allowed:
        cores = ", ".join(map(str, sorted(allowed))) or "none"
        raise ConfigError(f"IMBOT_CPU={raw[:20]!r}: use auto, off or a core ({cores})")
    return raw


def _int(env, var: str, default: int, low: int, high: int) -> int:
    """A whole number of ASCII digits in range ("²" is a digit to `str.isdigit`)."""
    raw = env.get(var, "").strip()
    if not raw:
        return default
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 9 and low <= int(raw) <= high):
        raise ConfigError(f"{var}={raw[:20]!r}: expected a whole number from {low} to {high}")
    return int(raw)


def _public_url(env) -> str | None:
    """IMBOT_PUBLIC_URL: the address at which people's calendars reach `imbot run`'s
    HTTP server (https://bot.example.org, or with a path behind a reverse proxy)."""
    raw = env.get("IMBOT_PUBLIC_URL", "").strip()
    if not raw:
        return None
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise ConfigError(
            f"IMBOT_PUBLIC_URL={raw[:60]!r}: expected an address like https://bot.example.org"
        )
    return raw.rstrip("/")


def _weekly(env, var: str) -> Weekly | None:
    raw = env.get(var, "")
    try:
        return Weekly.parse(raw)
    except ValueError as exc:
        raise ConfigError(f"{var}={raw.strip()[:20]!r}: {exc}") from None


def _rules(env) -> Rules:
    values = {}
    for var, (name, low, high) in RULE_VARS.items():
        if env.get(var, "").strip():
            values[name] = _int(env, var, 0, low, high)
    return Rules(**values)


def _team_chat(env, var: str) -> str | None:
    """A Telegram chat id (-100123…) or a Matrix room id (!abc:example.org)."""
    raw = env.get(var, "").strip()
    if not raw:
        return None
    telegram = var.endswith("TELEGRAM_CHAT")
    ok = raw.lstrip("-").isdigit() if telegram else raw.startswith("!") and ":" in raw
    if not ok or len(raw) > 255:
        example = "-1001234567890" if telegram else "!abcdef:example.org"
        raise ConfigError(f"{var}={raw[:40]!r}: expected a chat id like {example}")
    return raw
