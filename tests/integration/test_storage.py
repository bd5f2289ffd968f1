from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import inspect

from storage.db import DatabaseError, downgrade, make_engine, upgrade
from storage.repo import UnitOfWork, session_factory

T0 = datetime(2023, 5, 2, 21, 0, tzinfo=UTC)


TABLES = {
    "faq_log", "people", "chat_identities", "invites", "pairs", "editions",
    "availability", "series", "meetings", "meeting_cells", "meeting_events",
}  # fmt: skip


def test_upgrade_from_empty_and_round_trip(empty_engine):
    engine = empty_engine
    assert inspect(engine).get_table_names() == []
    upgrade(engine)
    assert set(inspect(engine).get_table_names()) >= TABLES
    downgrade(engine, "0002")
    assert "meetings" not in inspect(engine).get_table_names()
    downgrade(engine, "0001")
    assert set(inspect(engine).get_table_names()) & TABLES == {"faq_log"}
    downgrade(engine, "base")
    assert not set(inspect(engine).get_table_names()) & TABLES
    upgrade(engine)
    upgrade(engine)  # idempotent
    assert set(inspect(engine).get_table_names()) >= TABLES


def test_unanswered_questions_are_grouped_and_times_stay_utc(engine):
    sessions = session_factory(engine)
    with UnitOfWork(sessions) as uow:
        for minutes, question in (
            (0, "Gibt es Parkplätze?"),
            (5, "Gibt es Parkplätze?"),
            (9, "Hund?"),
        ):
            uow.faq_log.add(
                question=question,
                lang="de",
                best_guess="intro_days",
                score=0.3,
                confident=False,
                asked_at=T0 + timedelta(minutes=minutes),
            )
        uow.faq_log.add(
            question="old",
            lang="de",
            best_guess=None,
            score=0.1,
            confident=False,
            asked_at=T0 - timedelta(days=60),
        )
        uow.commit()
    with UnitOfWork(sessions) as uow:
        rows = uow.faq_log.unanswered(since=T0 - timedelta(days=1))
    assert [(r.question, r.count) for r in rows] == [("Gibt es Parkplätze?", 2), ("Hund?", 1)]
    assert rows[0].last_asked == T0 + timedelta(minutes=5)
    assert rows[0].last_asked.tzinfo is not None


def test_leaving_without_commit_writes_nothing(engine):
    sessions = session_factory(engine)
    with UnitOfWork(sessions) as uow:
        uow.faq_log.add(
            question="x", lang="de", best_guess=None, score=0.0, confident=False, asked_at=T0
        )
    with UnitOfWork(sessions) as uow:
        assert uow.faq_log.unanswered() == []


def test_naive_datetimes_are_refused(engine):
    with UnitOfWork(session_factory(engine)) as uow, pytest.raises(Exception, match="naive"):
        uow.faq_log.add(
            question="x",
            lang="de",
            best_guess=None,
            score=0.0,
            confident=False,
            asked_at=datetime(2023, 5, 1),
        )
        uow.session.flush()


@pytest.mark.parametrize("url", ["not a url", "mysql://x@y/z", "postgresql+nodriver://x@y/z"])
def test_bad_database_urls_get_a_clear_error(url):
    with pytest.raises(DatabaseError):
        make_engine(url)


def test_database_down_at_start_is_a_clear_error(tmp_path):
    engine = make_engine("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
    with pytest.raises(DatabaseError, match="cannot reach the database"):
        upgrade(engine)
