"""Settings from the environment (secrets never come from files in the repo)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.booking import Rules
from storage.db import database_url

__all__ = ["ConfigError", "Settings"]

# environment variable -> (Rules field, lowest, highest)
RULE_VARS = {
    "IMBOT_REQUEST_TTL_HOURS": ("request_ttl_hours", 1, 24 * 14),
    "IMBOT_NOTICE_HOURS": ("notice_hours", 0, 24 * 14),
    "IMBOT_HORIZON_DAYS": ("horizon_days", 1, 365),
    "IMBOT_BUFFER_MINUTES": ("buffer_minutes", 0, 120),
}


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

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        lang = env.get("IMBOT_LANG", "de").strip().lower()
        timezone = env.get("IMBOT_TIMEZONE", "Europe/Berlin").strip()
        try:
            ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise ConfigError(
                f"IMBOT_TIMEZONE={timezone!r} is not a time zone, e.g. Europe/Berlin"
            ) from None
        return cls(
            database_url=database_url(env),
            default_lang=lang if lang in ("de", "en") else "de",
            timezone=timezone,
            log_level=env.get("IMBOT_LOG_LEVEL", "WARNING").upper(),
            telegram_bot=env.get("TELEGRAM_BOT_USERNAME", "").strip().lstrip("@") or None,
            rules=_rules(env),
        )


def _rules(env) -> Rules:
    values = {}
    for var, (name, low, high) in RULE_VARS.items():
        raw = env.get(var, "").strip()
        if not raw:
            continue
        if not raw.isdigit() or not low <= int(raw) <= high:
            raise ConfigError(f"{var}={raw!r}: expected a whole number from {low} to {high}")
        values[name] = int(raw)
    return Rules(**values)
