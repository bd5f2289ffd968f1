"""Shared fixtures: paths to the call for applications and the knowledge base, and
migrated SQLite databases copied from one template per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from faq.kb import KnowledgeBase, load_default_kb
from faq.matcher import Matcher

REPO = Path(__file__).resolve().parents[1]
CALL = REPO / "jobs" / "data" / "call-2023.de.txt"  # the call's text, kept in the repository


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_default_kb()


@pytest.fixture(scope="session")
def matcher(kb: KnowledgeBase) -> Matcher:
    return Matcher(kb)


@pytest.fixture(scope="session")
def call_text() -> str:
    assert CALL.exists(), f"the call for applications is expected at {CALL}"
    return CALL.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """An SQLite file migrated once per session (Alembic takes ~50 ms, a copy ~1 ms)."""
    from storage.db import make_engine, upgrade

    path = tmp_path_factory.mktemp("template") / "imbot.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()  # the last connection checkpoints the WAL into the file
    assert not path.with_name(f"{path.name}-wal").exists(), "the template must be one file"
    return path


@pytest.fixture
def migrated_sqlite(sqlite_template):
    """`migrated_sqlite(path)` puts a copy of the migrated template at `path`, returns its URL."""

    def copy(path: Path) -> str:
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(sqlite_template, path)
        return f"sqlite:///{path}"

    return copy


@pytest.fixture
def sqlite_url(migrated_sqlite, tmp_path) -> str:
    """A migrated SQLite database of the test's own."""
    return migrated_sqlite(tmp_path / "imbot.db")


@pytest.fixture
def sessions(sqlite_url):
    """Sessions on a fresh, migrated SQLite file."""
    from storage.db import make_engine
    from storage.repo import session_factory

    engine = make_engine(sqlite_url)
    yield session_factory(engine)
    engine.dispose()
