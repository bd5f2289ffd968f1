"""Databases for integration tests: a fresh SQLite file, and a real PostgreSQL
started by `pgserver` (one server per session, one fresh database per test)."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import Engine

from storage.db import make_engine


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory):
    import pgserver  # from the test extra: a missing server fails the suite, never skips it

    server = pgserver.get_server(tmp_path_factory.mktemp("pg"), cleanup_mode="stop")
    yield server
    server.cleanup()


def _pg_url(server, name: str) -> str:
    uri = server.get_uri().replace("postgresql://", "postgresql+psycopg://", 1)
    return uri.replace("/postgres?", f"/{name}?", 1)


def _fresh_pg(server) -> str:
    name = f"t_{uuid.uuid4().hex[:12]}"
    server.psql(f"CREATE DATABASE {name};")
    return _pg_url(server, name)


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path) -> Engine:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'imbot.db'}"
    else:
        url = _fresh_pg(request.getfixturevalue("pg_server"))
    engine = make_engine(url)
    yield engine
    engine.dispose()


@pytest.fixture
def pg_engine(pg_server) -> Engine:
    """PostgreSQL only: for what several workers do on one database."""
    engine = make_engine(_fresh_pg(pg_server))
    yield engine
    engine.dispose()
