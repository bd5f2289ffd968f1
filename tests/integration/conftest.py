"""Databases for integration tests: SQLite files, and a real PostgreSQL started by
`pgserver` (one server per session, one database per test).

Each test gets a migrated database copied from a template that Alembic migrated once
per session: SQLite by copying the file, PostgreSQL with `CREATE DATABASE … TEMPLATE`.
Tests of the migrations themselves take `empty_engine`."""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from pathlib import Path

import pytest
from sqlalchemy import Engine

from storage.db import make_engine, upgrade

PG_TEMPLATE = "imbot_template"


def _pg_data_dir(tmp_path_factory) -> tuple[Path, str]:
    """The server's data directory and pgserver's cleanup mode. PostgreSQL writes a lot
    (each CREATE DATABASE copies ~8 MB): in memory, where there is room, the suite's
    PostgreSQL tests take half the time and vary less. Deleted when the session ends."""
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK) and shutil.disk_usage(shm).free > 2**30:
        return Path(tempfile.mkdtemp(prefix="imbot-pg-", dir=shm)), "delete"
    return tmp_path_factory.mktemp("pg"), "stop"


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory):
    import pgserver  # from the test extra: a missing server fails the suite, never skips it

    data_dir, cleanup_mode = _pg_data_dir(tmp_path_factory)
    server = pgserver.get_server(data_dir, cleanup_mode=cleanup_mode)
    # a throwaway cluster: no crash safety needed, and commits need not wait for the disk
    server.psql(
        "ALTER SYSTEM SET fsync = off; ALTER SYSTEM SET synchronous_commit = off;"
        " ALTER SYSTEM SET full_page_writes = off; SELECT pg_reload_conf();"
    )
    yield server
    server.cleanup()


@pytest.fixture(scope="session")
def pg_admin(pg_server):
    """A connection to the server's `postgres` database for CREATE DATABASE (which,
    unlike `server.psql`, raises on errors)."""
    import psycopg

    with psycopg.connect(pg_server.get_uri(), autocommit=True) as conn:
        yield conn


def _pg_url(server, name: str) -> str:
    uri = server.get_uri().replace("postgresql://", "postgresql+psycopg://", 1)
    return uri.replace("/postgres?", f"/{name}?", 1)


@pytest.fixture(scope="session")
def pg_template(pg_server, pg_admin) -> str:
    """A PostgreSQL database migrated once per session: the template of the tests' databases."""
    pg_admin.execute(f"CREATE DATABASE {PG_TEMPLATE}")
    engine = make_engine(_pg_url(pg_server, PG_TEMPLATE))
    upgrade(engine)
    engine.dispose()  # CREATE DATABASE … TEMPLATE refuses while anyone is connected to it
    return PG_TEMPLATE


@pytest.fixture
def fresh_pg(pg_server, pg_admin):
    """`fresh_pg()`: the URL of a new, empty PostgreSQL database; `fresh_pg(template)`:
    of a new copy of `template`."""

    names = []

    def create(template: str | None = None) -> str:
        names.append(f"t_{uuid.uuid4().hex[:12]}")
        pg_admin.execute(
            f"CREATE DATABASE {names[-1]}" + (f" TEMPLATE {template}" if template else "")
        )
        return _pg_url(pg_server, names[-1])

    yield create
    for name in names:  # a server with fewer databases stops faster
        pg_admin.execute(f"DROP DATABASE {name} WITH (FORCE)")


def _database_url(request, migrated: bool) -> str:
    if request.param == "sqlite":
        if migrated:
            return request.getfixturevalue("sqlite_url")  # the one `sessions` would use too
        return f"sqlite:///{request.getfixturevalue('tmp_path') / 'empty.db'}"
    fresh_pg = request.getfixturevalue("fresh_pg")
    return fresh_pg(request.getfixturevalue("pg_template")) if migrated else fresh_pg()


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request) -> Engine:
    """A migrated database of the test's own, on SQLite and on PostgreSQL."""
    engine = make_engine(_database_url(request, migrated=True))
    yield engine
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_engine(request) -> Engine:
    """An empty database (no tables), on SQLite and on PostgreSQL: for migration tests."""
    engine = make_engine(_database_url(request, migrated=False))
    yield engine
    engine.dispose()


@pytest.fixture
def pg_engine(fresh_pg, pg_template) -> Engine:
    """PostgreSQL only, migrated: for what several workers do on one database."""
    engine = make_engine(fresh_pg(pg_template))
    yield engine
    engine.dispose()
