"""Database location, engine and migrations.

`IMBOT_DATABASE_URL` selects the database (`sqlite:///path` or
`postgresql+psycopg://...`); without it the bot uses an SQLite file in the user's
data directory. Engines hide statement parameters in errors and logs
(`hide_parameters`): messages and names never reach a log through a failed query. The schema is owned by Alembic (`storage/migrations`).
"""

from __future__ import annotations

import contextlib
import functools
import logging
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

from alembic import command
from alembic.config import Config
from filelock import FileLock, Timeout
from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import (
    ArgumentError,
    DisconnectionError,
    NoSuchModuleError,
    OperationalError,
)
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError
from sqlalchemy.orm import Session

from storage.location import ENV_VAR, database_url, default_database_url

__all__ = [
    "DatabaseError",
    "database_url",
    "default_database_url",
    "first_use_lock",
    "make_engine",
    "require_existing",
    "scrub_erased",
    "upgrade",
]

log = logging.getLogger(__name__)
_MIGRATIONS = Path(__file__).with_name("migrations")


class DatabaseError(RuntimeError):
    """The database is misconfigured or unreachable; the message says what to do."""


def make_engine(url: str, *, pool_size: int = 5) -> Engine:
    """An engine for `url`, with a clear DatabaseError for malformed URLs. PostgreSQL
    keeps `pool_size` connections (plus 10 more when busy): one per message handled
    at once and a few for the outbox."""
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
        engine = create_engine(parsed, pool_size=max(pool_size, 5), hide_parameters=True)
    except (ModuleNotFoundError, NoSuchModuleError) as exc:
        raise DatabaseError(
            f"no database driver {parsed.drivername!r}: use postgresql+psycopg:// "
            "and install it with: pip install 'imbot[postgres]'"
        ) from exc
    event.listen(engine, "checkin", _note_checkin)
    event.listen(engine, "checkout", functools.partial(_ping_if_idle, engine.dialect))
    return engine


IDLE_PING_SECONDS = 5.0  # a pooled connection idle longer is checked before use
_monotonic = time.monotonic  # the tests move it


def _note_checkin(dbapi_connection, record) -> None:
    record.info["checked_in"] = _monotonic()


def _ping_if_idle(dialect, dbapi_connection, record, proxy) -> None:
    """A pooled PostgreSQL connection idle for more than a few seconds is pinged before
    use, and replaced if the server has dropped it (a restart, a failover, an idle
    timeout). One used a moment ago is not: pinging on every checkout (SQLAlchemy's
    pool_pre_ping) cost one round trip of the four a FAQ question made, per session."""
    last = record.info.get("checked_in")
    if last is None or _monotonic() - last <= IDLE_PING_SECONDS:
        return
    try:
        alive = dialect.do_ping(dbapi_connection)
    except Exception as exc:  # the driver's error for a dropped connection
        raise DisconnectionError("the pooled connection is gone") from exc
    if not alive:
        raise DisconnectionError("the pooled connection is gone")


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
    cur.execute("PRAGMA secure_delete=ON")  # deleted rows are overwritten in the file
    cur.close()


def scrub_erased(session: Session) -> None:
    """After an erasure on SQLite: the write-ahead log still holds the old pages of
    the erased rows until a checkpoint. Copy it into the database file (where
    `secure_delete` has zeroed them) and truncate it. Nothing to do on PostgreSQL.
    If another connection is reading at that moment, the log stays until the next
    checkpoint (the last connection closing does one); a locked database only logs
    a warning, since the erasure itself is committed already."""
    if session.get_bind().dialect.name != "sqlite":
        return
    try:
        session.connection().exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    except OperationalError as exc:
        log.warning("no checkpoint after an erasure (%s); the next one clears the log", exc.orig)


def dialect_insert(session: Session, model):
    """INSERT with ON CONFLICT support for the session's database (PostgreSQL or SQLite)."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    return dialect.insert(model)


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


# any number stays: the same key in every process that opens an imbot database
_FIRST_USE_KEY = zlib.crc32(b"imbot: migrate and seed")
FIRST_USE_WAIT = 300  # seconds; a migration of a big database may take a while


@contextlib.contextmanager
def first_use_lock(engine: Engine, wait: float = FIRST_USE_WAIT) -> Iterator[None]:
    """One process at a time migrates and seeds a database; the others wait and then
    find it done. Two replicas, or the CLI while the bot starts, may open a new
    database at the same moment. PostgreSQL: a session advisory lock on a connection
    of its own (released by the server if the process dies). SQLite: a lock file
    beside the database file (an in-memory database has one user)."""
    if engine.dialect.name == "postgresql":
        try:
            conn = engine.connect()
        except OperationalError as exc:
            raise DatabaseError(f"cannot reach the database: {exc.orig}") from exc
        with conn:
            conn.execute(
                text("SELECT set_config('lock_timeout', :ms, false)"), {"ms": str(int(wait * 1000))}
            )
            try:
                conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _FIRST_USE_KEY})
            except OperationalError as exc:
                raise DatabaseError(
                    f"another imbot process has been preparing the database for {wait:.0f} s "
                    f"(migrating it?); try again when it is done ({exc.orig})"
                ) from exc
            conn.commit()
            try:
                yield
            finally:
                try:
                    conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _FIRST_USE_KEY})
                    conn.execute(text("RESET lock_timeout"))
                    conn.commit()
                except Exception:  # the connection broke: closing it releases the lock
                    conn.invalidate()
        return
    database = engine.url.database
    if not database or database == ":memory:":
        yield
        return
    lock = FileLock(f"{Path(database).expanduser()}.lock", timeout=wait)
    try:
        lock.acquire()
    except Timeout as exc:
        raise DatabaseError(
            f"another imbot process has been preparing {database} for {wait:.0f} s "
            "(migrating it?); try again when it is done"
        ) from exc
    try:
        yield
    finally:
        lock.release()


def require_existing(url: str) -> None:
    """DatabaseError unless `url` names an imbot database that exists (migrated at least
    once). Commands that only read or change data call this first, so that a mistyped
    path or database name is reported instead of silently creating a new, empty
    database; only `imbot db upgrade` and the first `imbot chat` / `imbot run` create one."""
    create = "`imbot db upgrade` (or the first `imbot chat` / `imbot run`)"
    hint = (
        f"Mistyped? Check {ENV_VAR}. A new database is created by {create}."
        if url != default_database_url()
        else f"No database yet ({ENV_VAR} is not set): {create} creates it."
    )
    try:
        parsed = make_url(url)
    except ArgumentError:
        make_engine(url)  # raises the DatabaseError that explains the URL
        raise
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        path = Path(parsed.database).expanduser().absolute()
        if not path.is_file():
            raise DatabaseError(f"there is no imbot database at {path}. {hint}")
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            found = inspect(conn).has_table("alembic_version")
    except OperationalError as exc:
        raise DatabaseError(f"cannot reach the database: {exc.orig}") from exc
    except SQLAlchemyDatabaseError as exc:  # e.g. SQLite: "file is not a database"
        raise DatabaseError(f"cannot use the database: {exc.orig}") from exc
    finally:
        engine.dispose()
    if not found:
        shown = engine.url.render_as_string(hide_password=True)
        raise DatabaseError(f"{shown} is not an imbot database yet (no tables). {hint}")


def upgrade(engine: Engine, revision: str = "head", *, lock: bool = True) -> None:
    """Bring the schema to `revision` (under `first_use_lock` unless the caller holds
    it); DatabaseError if the database cannot be reached."""
    with first_use_lock(engine) if lock else contextlib.nullcontext():
        try:
            command.upgrade(alembic_config(engine), revision)
        except OperationalError as exc:
            raise DatabaseError(f"cannot reach the database: {exc.orig}") from exc
        except SQLAlchemyDatabaseError as exc:  # e.g. SQLite: "file is not a database"
            raise DatabaseError(f"cannot use the database: {exc.orig}") from exc


def downgrade(engine: Engine, revision: str) -> None:
    command.downgrade(alembic_config(engine), revision)
