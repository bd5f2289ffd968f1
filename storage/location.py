"""Where the database is: `IMBOT_DATABASE_URL`, else an SQLite file in the user's
data directory. Kept apart from storage.db so reading the setting is cheap."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

__all__ = ["ENV_VAR", "database_url", "default_database_url"]

ENV_VAR = "IMBOT_DATABASE_URL"


def default_database_url() -> str:
    path = Path(user_data_dir("imbot", appauthor=False)) / "imbot.db"
    return f"sqlite:///{path}"


def database_url(environ: dict[str, str] | None = None) -> str:
    env = os.environ if environ is None else environ
    return env.get(ENV_VAR, "").strip() or default_database_url()
