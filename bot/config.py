"""Settings from the environment (secrets never come from files in the repo)."""

from __future__ import annotations

import os
from dataclasses import dataclass

from storage.db import database_url

__all__ = ["Settings"]


@dataclass(frozen=True)
class Settings:
    database_url: str
    default_lang: str = "de"
    timezone: str = "Europe/Berlin"
    log_level: str = "WARNING"
    telegram_bot: str | None = None  # the bot's @username, for invite deep links

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        lang = env.get("IMBOT_LANG", "de").strip().lower()
        return cls(
            database_url=database_url(env),
            default_lang=lang if lang in ("de", "en") else "de",
            timezone=env.get("IMBOT_TIMEZONE", "Europe/Berlin"),
            log_level=env.get("IMBOT_LOG_LEVEL", "WARNING").upper(),
            telegram_bot=env.get("TELEGRAM_BOT_USERNAME", "").strip().lstrip("@") or None,
        )
