"""The chat entry points (command arguments and button data) against bad input, on
SQLite and PostgreSQL: every input gets a clear answer (never the apology for a
crash) and leaves the database exactly as it was."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest
from sqlalchemy import select

from bot.app.config import Settings
from bot.app.wiring import build_router
from bot.booking.timeparse import Window
from bot.messages import Inbound
from storage.models import Base
from storage.repo import session_factory
from tests.clock import Clock

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # Monday 09:00 in Berlin
HUGE = "99999999999999999999999"

# (who writes, text or None, button data or None)
BAD_INPUTS = [
    # admins: /invite, /pair, /revoke
    ("ada", "/invite expert Bob lang=fr", None),
    ("ada", "/invite expert Bob lang=", None),
    ("ada", "/invite expert Bob lang=" + "x" * 500, None),
    ("ada", "/invite", None),
    ("ada", "/invite superuser X", None),
    ("ada", "/invite " + "x" * 5000 + " Bob", None),
    ("ada", "/invite expert " + "Bob" * 3000, None),
    ("ada", "/invite expert \u202e\u202d", None),
    ("ada", "/invite expert \x00\x01", None),
    ("ada", "/pair", None),
    ("ada", '/pair "unclosed', None),
    ("ada", f"/pair #{HUGE} #2", None),
    ("ada", "/pair #2 #3", None),  # a buddy as the expert
    ("ada", f"/revoke #{HUGE}", None),
    ("ada", "/revoke #0", None),
    ("ada", '/revoke "Ada Admin"', None),  # the last admin
    ("ada", "/revoke Niemand", None),
    # buddies: /dauer, /frei, /urlaub, /vorher, /absagen, /verschieben, answers
    ("bernd", "/dauer ²", None),
    ("bernd", f"/dauer {HUGE}", None),
    ("bernd", "/dauer -5", None),
    ("bernd", "/dauer 7", None),
    ("bernd", "/dauer 0", None),
    ("bernd", "/frei 31.12.9999 10-12", None),
    ("bernd", "/frei 01.01.2020 10-12", None),
    ("bernd", "/frei 30.02.2026 10-12", None),
    ("bernd", "/frei " + ", ".join(["Di 10-12"] * 500), None),
    ("bernd", "/frei Di 25-26", None),
    ("bernd", "/frei Mo 12-10", None),
    ("bernd", "/frei Di 10:99-12", None),
    ("bernd", "/frei ²² 10-12", None),
    ("bernd", "/urlaub 1.1.2027-1.1.2099", None),
    ("bernd", "/urlaub 1.1.2020", None),
    ("bernd", "/urlaub", None),
    ("bernd", "/urlaub 5.5.2026-1.5.2026", None),
    ("bernd", "/vorher 999d", None),
    ("bernd", "/vorher 0h", None),
    ("bernd", "/vorher ²h", None),
    ("bernd", f"/absagen #{HUGE}", None),
    ("bernd", f"/verschieben #{HUGE}", None),
    ("bernd", "/absagen #0", None),
    ("bernd", "/absagen #-1", None),
    ("bernd", "31.12.9999 23:30", None),  # a counter-proposal to the waiting request
    ("bernd", "01.01.2020 10:00", None),  # one in the past
    ("bernd", None, "jf:slot:99999999999999"),
    ("bernd", None, f"jf:yes:{HUGE}"),
    ("bernd", None, "jf:no:0"),
    # experts: forged buttons
    ("erika", None, "jf:slot:99999999999999"),
    ("erika", None, "jf:book:99999999999999:1"),
    ("erika", None, "jf:book:1772700000:99"),
    ("erika", None, "jf:book:1:0"),
    ("erika", None, f"jf:move:{HUGE}:1"),
    ("erika", None, "jf:move:1:99999999999999"),
    ("erika", None, f"jf:cancel:{HUGE}"),
    ("erika", None, "jf:prop:0"),
    ("erika", None, "jf:"),
    ("erika", None, "jf:slot:-1"),
    ("erika", None, "jf:slot:²"),
    ("erika", None, "jf:slot:1:2:3:4:5:6:7:8:9:10:11:12:13:14:15:16"),
    ("erika", None, "jf:yes:1"),  # a buddy's button
    ("erika", None, f"erase:yes:{HUGE}"),
    ("erika", None, "x" * 100),
    ("erika", None, "faq:de:" + "x" * 1000),
    ("erika", "/termine ²", None),
    ("erika", f"/absagen #{HUGE}", None),
    ("erika", "/sprache fr", None),
    # anyone
    ("zoe", "/sprache", None),
    ("zoe", "/start " + "x" * 5000, None),
    ("zoe", "/start ../../x", None),
    ("zoe", "\x00", None),
    ("zoe", "/\x00", None),
    ("zoe", "/meinedaten ²", None),
    ("zoe", "/loeschen nein", None),
    ("zoe", "/invite expert Bob", None),  # not an admin
    ("zoe", "/" + "x" * 20_000, None),
    ("zoe", "/faq " + "?" * 20_000, None),
]


@pytest.fixture
def world(engine, tmp_path):
    sessions = session_factory(engine)
    clock = Clock(NOW)
    settings = Settings(database_url="sqlite://unused", data_dir=tmp_path)
    router = build_router(settings, clock=clock, sessions=sessions)
    people, booking = router.services.people, router.services.booking
    ids = {}
    for role, name, user in (
        ("admin", "Ada Admin", "ada"),
        ("buddy", "Bernd Buddy", "bernd"),
        ("expert", "Erika Muster", "erika"),
    ):
        info = people.invite(role, name)
        people.redeem(info.code, "console", user, user)
        ids[user] = info.person_id
    people.pair("#3", "#2")
    booking.set_windows(ids["bernd"], [Window(time(10), time(12), weekday=1)])
    [slot, *_] = booking.slots(ids["erika"], limit=1)
    booking.request(ids["erika"], slot)  # a request waits for Bernd's answer
    return router, sessions


def snapshot(sessions) -> dict:
    with sessions() as s:
        return {
            table.name: sorted(map(repr, s.execute(select(table)).all()))
            for table in Base.metadata.sorted_tables
        }


def test_every_bad_chat_input_gets_a_clear_answer_and_changes_nothing(world):
    router, sessions = world
    before = snapshot(sessions)
    failures = []
    for user, text, data in BAD_INPUTS:
        replies = router.handle(Inbound("console", user, user, text=text or "", data=data))
        shown = " ".join(r.text for r in replies)
        label = (text or data)[:60]
        if not replies or not shown.strip():
            failures.append(f"{user} {label!r}: no answer")
        elif "schiefgelaufen" in shown or "went wrong" in shown:
            failures.append(f"{user} {label!r}: the crash apology")
        elif len(shown) > 5000:
            failures.append(f"{user} {label!r}: an answer of {len(shown)} characters")
        after = snapshot(sessions)
        if after != before:
            changed = [k for k in after if after[k] != before[k]]
            failures.append(f"{user} {label!r}: changed {changed}")
            before = after
    assert failures == [], "\n".join(failures)
    assert len(BAD_INPUTS) >= 75


def test_a_very_long_question_is_answered_and_stored_cut(world):
    router, sessions = world
    [note, answer] = router.handle(Inbound("console", "zoe", "zoe", text="Wetter? " * 3000))
    assert "1000" in note.text and answer.text
    with sessions() as s:
        [stored] = s.scalars(select(Base.metadata.tables["faq_log"].c.question)).all()
    assert len(stored) <= 1000


def test_a_read_only_database_gets_a_clear_answer(sqlite_url, tmp_path):
    """A real read-only SQLite connection: reading works, every booking write fails."""
    from sqlalchemy import create_engine

    from bot.people import People
    from storage.db import make_engine

    writable = make_engine(sqlite_url)
    people = People(session_factory(writable))
    for role, name in (("buddy", "Bernd"), ("expert", "Erika")):
        info = people.invite(role, name)
        people.redeem(info.code, "console", name.lower(), name.lower())
    people.pair("Erika", "Bernd")
    writable.dispose()
    path = sqlite_url.removeprefix("sqlite:///")
    read_only = create_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    sessions = session_factory(read_only)
    router = build_router(
        Settings(database_url=sqlite_url, data_dir=tmp_path), clock=Clock(NOW), sessions=sessions
    )
    before = snapshot(sessions)
    for user, text in (
        ("bernd", "/dauer 60"),
        ("bernd", "/frei Di 10-12"),
        ("erika", "/loeschen ja"),
    ):
        [reply] = router.handle(Inbound("console", user, user, text=text))
        assert "Datenbank ist nicht verfügbar" in reply.text and "nichts geändert" in reply.text
    assert snapshot(sessions) == before
    read_only.dispose()
