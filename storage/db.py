"""Database location, engine and migrations.

`IMBOT_DATABASE_URL` selects the database (`sqlite:///path` or
`postgresql+psycopg://...`); without it the bot uses an SQLite file in the user's
data directory. Engines hide statement parameters in errors and logs
(`hide_parameters`): messages and names never reach a log through a failed query. The schema is owned by Alembic (`storage/migrations`).
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError
from sqlalchemy.orm import Session

from storage.location import ENV_VAR, database_url, default_database_url

__all__ = ["DatabaseError", "database_url", "default_database_url", "make_engine", "upgrade"]

_MIGRATIONS = Path(__file__).with_name("migrations")


class DatabaseError(RuntimeError):
    """The database is misconfigured or unreachable; the message says what to do."""


def make_engine(url: str) -> Engine:
    """An engine for `url`, with a clear DatabaseError for malformed URLs."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError(
            f"{ENV_VAR} is not a database URL: {url!r}. "
            "Examples: sqlite:///imbot.db or postgresql+psycopg://user:pass@host/imbot"
        ) from exc
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise DatabaseError(
            f"unsupported database {parsed.get_backend_name()!r}: use sqlite or postgresql"
        )
    if parsed.get_backend_name() == "sqlite":
        _check_sqlite_path(parsed.database)
        engine = create_engine(parsed, connect_args={"timeout": 15}, hide_parameters=True)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    try:
        return create_engine(parsed, pool_pre_ping=True, hide_parameters=True)
    except (ModuleNotFoundError, NoSuchModuleError) as exc:
        raise DatabaseError(
            f"no database driver {parsed.drivername!r}: use postgresql+psycopg:// "
            "and install it with: pip install 'imbot[postgres]'"
        ) from exc


_SYSTEM_DIRS = ("/proc", "/sys", "/dev")


def _check_sqlite_path(database: str | None) -> None:
    """An SQLite URL must name a file the bot can keep: an in-memory database would
    lose everything when the command ends, and /proc, /sys, /dev are not storage."""
    if not database or database == ":memory:" or database.startswith("file::memory:"):
        raise DatabaseError(
            f"{ENV_VAR} points at an in-memory SQLite database, which is gone when the "
            "command ends: use a file, e.g. sqlite:////var/lib/imbot/imbot.db"
        )
    path = Path(database).expanduser().absolute()
    if any(str(path) == d or str(path).startswith(d + "/") for d in _SYSTEM_DIRS):
        raise DatabaseError(f"{ENV_VAR}: {path} is a system directory, not a place for a database")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(f"{ENV_VAR}: cannot create {path.parent}: {exc.strerror}") from exc


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.close()


def dialect_insert(session: Session, model):
    """INSERT with ON CONFLICT support for the session's database (PostgreSQL or SQLite)."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    return dialect.insert(model)


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision`; DatabaseError if the database cannot be reached."""
    try:
        command.upgrade(alembic_config(engine), revision)
    except OperationalError as exc:
        raise DatabaseError(f"cannot reach the database: {exc.orig}") from exc
    except SQLAlchemyDatabaseError as exc:  # e.g. SQLite: "file is not a database"
        raise DatabaseError(f"cannot use the database: {exc.orig}") from exc


def downgrade(engine: Engine, revision: str) -> None:
    command.downgrade(alembic_config(engine), revision)
