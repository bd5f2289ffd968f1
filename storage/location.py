"""Where the database is: `IMBOT_DATABASE_URL`, else the SQLite file `imbot.db` in the
data directory (`IMBOT_DATA_DIR`, else the user's data directory), so that one
`IMBOT_DATA_DIR` keeps a console try-out's whole state apart. Kept apart from storage.db
so reading the setting is cheap."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

__all__ = ["DATA_DIR_VAR", "ENV_VAR", "data_dir", "database_url", "default_database_url"]

ENV_VAR = "IMBOT_DATABASE_URL"
DATA_DIR_VAR = "IMBOT_DATA_DIR"


def data_dir(environ: dict[str, str] | None = None) -> Path:
    """`IMBOT_DATA_DIR`, else the user's data directory (~/.local/share/imbot on Linux)."""
    env = os.environ if environ is None else environ
    return Path(env.get(DATA_DIR_VAR, "").strip() or user_data_dir("imbot", appauthor=False))


def default_database_url(environ: dict[str, str] | None = None) -> str:
    return f"sqlite:///{data_dir(environ) / 'imbot.db'}"


def database_url(environ: dict[str, str] | None = None) -> str:
    env = os.environ if environ is None else environ
    return env.get(ENV_VAR, "").strip() or default_database_url(env)
