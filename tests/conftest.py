"""Shared fixtures: paths to the call for applications and the knowledge base."""

from __future__ import annotations

from pathlib import Path

import pytest

from faq.kb import KnowledgeBase, load_default_kb
from faq.matcher import Matcher

REPO = Path(__file__).resolve().parents[1]
CALL = REPO.parent / "shared" / "seed" / "call-for-applications.de.txt"


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


@pytest.fixture
def sessions(tmp_path):
    """Sessions on a fresh, migrated SQLite file."""
    from storage.db import make_engine, upgrade
    from storage.repo import session_factory

    engine = make_engine(f"sqlite:///{tmp_path / 'test.db'}")
    upgrade(engine)
    yield session_factory(engine)
    engine.dispose()
