"""IMBOT_DATA_DIR holds the whole state of a bot that has no IMBOT_DATABASE_URL: a console
try-out in a fresh directory starts from nothing (tryout14 found two console runs with
different data directories sharing one database, and one's language in the other)."""

from pathlib import Path

from bot.app.config import Settings
from storage.location import database_url


def test_the_default_database_lives_in_the_data_directory(tmp_path: Path) -> None:
    settings = Settings.from_env({"IMBOT_DATA_DIR": str(tmp_path)})
    assert settings.data_dir == tmp_path
    assert settings.database_url == f"sqlite:///{tmp_path / 'imbot.db'}"


def test_two_data_directories_are_two_databases(tmp_path: Path) -> None:
    one = database_url({"IMBOT_DATA_DIR": str(tmp_path / "a")})
    two = database_url({"IMBOT_DATA_DIR": str(tmp_path / "b")})
    assert one != two


def test_an_explicit_database_url_wins(tmp_path: Path) -> None:
    env = {"IMBOT_DATA_DIR": str(tmp_path), "IMBOT_DATABASE_URL": "sqlite:///elsewhere.db"}
    assert Settings.from_env(env).database_url == "sqlite:///elsewhere.db"
