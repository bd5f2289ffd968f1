"""Logs and terminals: no message body or name in a log line above DEBUG, NUL and
other unstorable characters never reach the database, stored questions are shown
with control characters escaped and can be deleted."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from bot import cli
from bot.app.config import Settings
from bot.app.logs import JsonFormatter, PlainFormatter
from bot.app.wiring import build_router
from bot.messages import Inbound
from bot.people import People
from storage.models import FaqLog, Person
from storage.repo import UnitOfWork, session_factory
from storage.text import printable, storable

SECRET = "Erika Geheimname"


def test_sql_errors_carry_no_parameters(engine):
    sessions = session_factory(engine)
    now = datetime.now(UTC)
    with sessions() as s:
        s.add(Person(id=1, name="A", role="expert", lang="de", created_at=now))
        s.commit()
    with sessions() as s, pytest.raises(IntegrityError) as exc:
        s.add(Person(id=1, name=SECRET, role="expert", lang="de", created_at=now))
        s.commit()
    assert SECRET not in str(exc.value) and "hidden" in str(exc.value)


@pytest.mark.parametrize("formatter", [PlainFormatter("%(message)s"), JsonFormatter()])
def test_logged_exceptions_show_type_and_place_but_not_the_message(formatter):
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.WARNING)
    try:
        try:
            raise ValueError(f"cannot parse {SECRET}")
        except ValueError:
            record = logging.LogRecord("t", logging.ERROR, __file__, 1, "failed", (), None)
            import sys

            record.exc_info = sys.exc_info()
        line = formatter.format(record)
        assert SECRET not in line and "ValueError (message hidden)" in line
        assert "test_logs_and_terminal.py" in line  # where it happened is kept
        root.setLevel(logging.DEBUG)
        assert SECRET in formatter.format(record)  # at DEBUG the whole story
    finally:
        root.setLevel(level)


def test_a_failing_handler_logs_no_body(engine, tmp_path, caplog, monkeypatch):
    settings = Settings(database_url=str(engine.url), data_dir=tmp_path)
    router = build_router(settings, sessions=session_factory(engine))

    def boom(*_args, **_kw):
        raise RuntimeError(f"body was: {SECRET}")

    monkeypatch.setattr(router.services.faq, "ask", boom)
    caplog.set_level(logging.INFO)
    reply = router.handle(Inbound("console", "u", "u", text=f"Ich bin {SECRET}, Frage?"))
    assert "schiefgelaufen" in reply[0].text or "went wrong" in reply[0].text
    formatter = PlainFormatter("%(message)s")
    for record in caplog.records:
        assert SECRET not in record.getMessage()
        if record.exc_info:
            logging.getLogger().setLevel(logging.INFO)
            assert SECRET not in formatter.format(record)


@pytest.mark.parametrize(
    "raw",
    ["Frage\x00 mit NUL", "Surrogat \ud800 hier", "Escape \x1b[2J\x1b]0;x\x07 Ende", "‮dcba"],
)
def test_unstorable_characters_are_removed_before_the_database(engine, tmp_path, raw):
    sessions = session_factory(engine)
    router = build_router(
        Settings(database_url=str(engine.url), data_dir=tmp_path), sessions=sessions
    )
    router.handle(Inbound("console", "u", "u", text=f"Pforzheim Einwohner {raw}"))
    with sessions() as s:
        [question] = s.scalars(select(FaqLog.question)).all()
    assert question == f"Pforzheim Einwohner {storable(raw)}"
    assert not any(c in question for c in ("\x00", "\ud800", "\x1b", "\u202e"))


def test_names_with_bidi_overrides_and_controls_are_normalised(engine):
    people = People(session_factory(engine))
    info = people.invite("expert", "Eri\u202eka \x00Muster\n  ")
    assert info.name == "Erika Muster"


@pytest.fixture
def cli_db(sqlite_url, monkeypatch):
    monkeypatch.setenv("IMBOT_DATABASE_URL", sqlite_url)
    from storage.db import make_engine

    engine = make_engine(sqlite_url)
    yield session_factory(engine)
    engine.dispose()


def _store(sessions, question, days_ago=0):
    with UnitOfWork(sessions) as uow:
        uow.faq_log.add(
            question=question,
            lang="de",
            best_guess=None,
            score=0.1,
            confident=False,
            asked_at=datetime.now(UTC) - timedelta(days=days_ago),
        )
        uow.commit()


def test_unanswered_prints_no_raw_control_characters(cli_db, capsys):
    with UnitOfWork(cli_db) as uow:  # stored raw by an older version: still shown safely
        uow.session.add(
            FaqLog(
                question="Hallo \x1b[31mrot\x1b]0;pwned\x07 \u202eevil\u2028x",
                lang="de",
                best_guess=None,
                score=0.1,
                confident=False,
                asked_at=datetime.now(UTC),
            )
        )
        uow.commit()
    assert cli.main(["faq", "unanswered"]) == 0
    out = capsys.readouterr().out
    assert not any(c in out for c in ("\x1b", "\x07", "\u202e", "\u2028"))
    assert "\\x1b[31mrot" in out and "\\u202eevil" in out


def test_unanswered_delete_by_id_and_older_than(cli_db, capsys):
    _store(cli_db, "Wie ist das Wetter?")
    _store(cli_db, "Wie ist das Wetter?")
    _store(cli_db, "Gibt es Parkplätze?")
    _store(cli_db, "Alte Frage", days_ago=100)
    assert cli.main(["faq", "unanswered", "--days", "365"]) == 0
    listing = capsys.readouterr().out
    line = next(x for x in listing.splitlines() if "Wetter" in x)
    row_id = line.split()[0]
    assert cli.main(["faq", "unanswered", "--delete", row_id]) == 0
    assert "Deleted 2" in capsys.readouterr().out
    assert cli.main(["faq", "unanswered", "--older-than", "30"]) == 0
    assert "Deleted 1" in capsys.readouterr().out
    with cli_db() as s:
        assert s.scalars(select(FaqLog.question)).all() == ["Gibt es Parkplätze?"]
    assert cli.main(["faq", "unanswered", "--delete", "999999"]) == 2


def test_printable_escapes_every_control_and_format_character():
    for code in [*range(0x20), 0x7F, *range(0x80, 0xA0), 0x200E, 0x202E, 0x2066, 0x2028]:
        assert chr(code) not in printable(f"a{chr(code)}b")
    assert printable("Grüße, Expert:innen") == "Grüße, Expert:innen"
