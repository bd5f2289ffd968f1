"""Calendar files as calendar clients read them, on SQLite and PostgreSQL: each file
is read by icalendar and expanded by a second reader (recurring-ical-events, which
applies RRULE, EXDATE and RECURRENCE-ID overrides the way calendar apps do), and
the result is compared with the meetings in the database."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
from icalendar import Calendar
from sqlalchemy import select

from bot.booking.rules import Rules
from bot.booking.service import JourFixe
from bot.booking.timeparse import Window
from bot.people import People
from storage.models import Meeting
from storage.repo import session_factory
from tests.clock import Clock
from tests.people import pair_with_buddy

BERLIN = ZoneInfo("Europe/Berlin")
MON = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # Monday 2 March 2026, 09:00 in Berlin
DOMAIN = "@imbot.lokalprojekte"


def local(y, mo, d, h, mi=0):
    return datetime(y, mo, d, h, mi, tzinfo=BERLIN)


@pytest.fixture
def world(engine):
    sessions = session_factory(engine)
    clock = Clock(MON)
    jf = JourFixe(sessions, clock, Rules(notice_hours=12, horizon_days=28, buffer_minutes=15))
    people = People(sessions, clock)
    tuesdays = [Window(time(10), time(12), weekday=1)]
    ids = pair_with_buddy(people, jf, "Bernd Buddy", ["Erika Muster", "Emil"], tuesdays)
    return jf, ids, clock, sessions, people


def read(file) -> Calendar:
    name, mime, data = file
    assert mime == "text/calendar" and name.endswith(".ics")
    return Calendar.from_ical(data)


def expand(cal: Calendar) -> list[tuple[datetime, datetime]]:
    """What a calendar app shows: every occurrence, from the second reader."""
    events = recurring_ical_events.of(cal).between(date(2025, 1, 1), date(2028, 1, 1))
    return sorted((e["DTSTART"].dt.astimezone(UTC), e["DTEND"].dt.astimezone(UTC)) for e in events)


def in_db(sessions, person_id: int) -> list[tuple[datetime, datetime]]:
    """The person's active meetings in the database (what the calendar must show)."""
    with sessions() as s:
        rows = s.execute(
            select(Meeting.starts_at, Meeting.ends_at).where(
                (Meeting.expert_id == person_id) | (Meeting.buddy_id == person_id),
                Meeting.state.in_(("requested", "confirmed")),
            )
        )
        return sorted((a.astimezone(UTC), b.astimezone(UTC)) for a, b in rows)


def events(cal: Calendar):
    return [c for c in cal.walk("VEVENT")]


events_of = events


def booked_series(jf, ids, *, away: date | None = None):
    if away is not None:
        jf.add_off(ids["Bernd Buddy"], away, away)
    series = jf.request(ids["Erika Muster"], local(2026, 3, 3, 10), interval_weeks=1)
    jf.decide(ids["Bernd Buddy"], series[0].id, accept=True)
    return series


def test_a_single_meeting_names_organizer_attendee_and_reads_in_the_readers_language(world):
    jf, ids, _, sessions, people = world
    [m] = jf.request(ids["Erika Muster"], local(2026, 3, 3, 10))
    jf.decide(ids["Bernd Buddy"], m.id, accept=True)
    jf.set_place(ids["Erika Muster"], "https://meet.example.org/jf-erika (Raum 2)")
    people.set_lang(ids["Bernd Buddy"], "en")
    de = read(jf.calendar_file(ids["Erika Muster"], [m.id]))
    en = read(jf.calendar_file(ids["Bernd Buddy"], [m.id]))
    assert de["METHOD"] == "REQUEST"
    [event] = events(de)
    assert str(event["UID"]) == m.uid + DOMAIN and event["SEQUENCE"] == 1  # the place came after
    assert event["STATUS"] == "CONFIRMED"
    organizer, attendee = event["ORGANIZER"], event["ATTENDEE"]
    assert organizer.params["CN"] == "Bernd Buddy" and attendee.params["CN"] == "Erika Muster"
    assert str(organizer) == f"mailto:person-{ids['Bernd Buddy']}@imbot.invalid"
    assert attendee.params["PARTSTAT"] == "ACCEPTED" and attendee.params["RSVP"] == "FALSE"
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert str(event["LOCATION"]) == "https://meet.example.org/jf-erika (Raum 2)"
    assert str(event["URL"]) == "https://meet.example.org/jf-erika"
    assert (
        "Verschieben oder absagen" in event["DESCRIPTION"] and "Ort: https" in event["DESCRIPTION"]
    )
    assert "To move or cancel" in events(en)[0]["DESCRIPTION"]
    assert expand(de) == in_db(sessions, ids["Erika Muster"]) == expand(en)


def test_a_series_is_one_repeating_event_with_the_skipped_week_excluded(world):
    jf, ids, _, sessions, _ = world
    series = booked_series(jf, ids, away=date(2026, 3, 17))  # the buddy is away that Tuesday
    file = jf.calendar_file(ids["Erika Muster"], [m.id for m in series])
    cal = read(file)
    [master] = events(cal)  # one event, not one per meeting
    rule = master["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["INTERVAL"] == [1]
    exdates = [d.dt for x in [master["EXDATE"]] for d in x.dts]
    assert exdates == [local(2026, 3, 17, 10)]
    shown = expand(cal)
    assert shown == in_db(sessions, ids["Erika Muster"]) and len(shown) == len(series) > 5
    # across the switch to summer time (29 March) the meeting stays at 10:00 local time
    assert {s.astimezone(BERLIN).time() for s, _ in shown} == {time(10)}


def test_moving_one_occurrence_changes_only_that_one(world):
    jf, ids, _, sessions, _ = world
    series = booked_series(jf, ids)
    before = read(jf.calendar_file(ids["Erika Muster"], [series[0].id]))
    moved = jf.move_group(ids["Bernd Buddy"], series[2].id, local(2026, 3, 17, 11), "one")
    cal = read(jf.calendar_file(ids["Erika Muster"], [m.id for m in moved]))
    master, override = events(cal)
    assert str(override["UID"]) == str(master["UID"]) == str(events(before)[0]["UID"])
    assert override["RECURRENCE-ID"].dt == local(2026, 3, 17, 10)
    assert override["DTSTART"].dt == local(2026, 3, 17, 11)
    assert master["SEQUENCE"] > events(before)[0]["SEQUENCE"]
    assert "EXDATE" not in master
    old, new = expand(before), expand(cal)
    assert new == in_db(sessions, ids["Erika Muster"])
    changed = set(old) ^ set(new)
    assert {s.astimezone(BERLIN) for s, _ in changed} == {
        local(2026, 3, 17, 10),
        local(2026, 3, 17, 11),
    }


def test_cancelling_one_occurrence_sends_cancel_with_recurrence_id(world):
    jf, ids, _, sessions, _ = world
    series = booked_series(jf, ids)
    before = events(read(jf.calendar_file(ids["Erika Muster"], [series[0].id])))[0]
    [gone] = jf.cancel_group(ids["Erika Muster"], series[1].id, "one")
    cancel = read(jf.calendar_file(ids["Bernd Buddy"], [gone.id], cancelled=True))
    assert cancel["METHOD"] == "CANCEL"
    [event] = events(cancel)
    assert str(event["UID"]) == str(before["UID"])
    assert event["RECURRENCE-ID"].dt == local(2026, 3, 10, 10)
    assert event["STATUS"] == "CANCELLED" and event["SEQUENCE"] > before["SEQUENCE"]
    now = read(jf.calendar_file(ids["Bernd Buddy"], [series[0].id]))
    assert [d.dt for d in events(now)[0]["EXDATE"].dts] == [local(2026, 3, 10, 10)]
    assert expand(now) == in_db(sessions, ids["Bernd Buddy"])
    assert local(2026, 3, 10, 10) not in {s for s, _ in expand(now)}


def test_cancelling_the_series_cancels_the_uid(world):
    jf, ids, _, sessions, _ = world
    series = booked_series(jf, ids)
    uid = str(events(read(jf.calendar_file(ids["Erika Muster"], [series[0].id])))[0]["UID"])
    gone = jf.cancel_group(ids["Erika Muster"], series[0].id, "series")
    cancel = read(jf.calendar_file(ids["Erika Muster"], [m.id for m in gone], cancelled=True))
    [event] = events(cancel)  # the whole series at once: its UID, no RECURRENCE-ID
    assert cancel["METHOD"] == "CANCEL" and str(event["UID"]) == uid
    assert "RECURRENCE-ID" not in event and event["STATUS"] == "CANCELLED"
    assert in_db(sessions, ids["Erika Muster"]) == []
    assert events(read(jf.calendar_file(ids["Erika Muster"], [series[0].id]))) == []


def test_cancelling_the_rest_of_a_series_after_some_were_held(world):
    """After meetings were held, "the whole series" cancels the rest occurrence by
    occurrence: the held ones stay in the calendar."""
    jf, ids, clock, sessions, _ = world
    series = booked_series(jf, ids)
    clock.now = local(2026, 3, 12, 9)  # two meetings held
    gone = jf.cancel_group(ids["Erika Muster"], series[2].id, "series")
    cancel = read(jf.calendar_file(ids["Erika Muster"], [m.id for m in gone], cancelled=True))
    ids_ = [e["RECURRENCE-ID"].dt for e in events(cancel)]
    assert ids_ == [m.starts_at.astimezone(BERLIN) for m in gone]
    now = read(jf.calendar_file(ids["Erika Muster"], [series[0].id]))
    assert expand(now) == in_db(sessions, ids["Erika Muster"])
    assert [s.astimezone(BERLIN) for s, _ in expand(now)] == [
        local(2026, 3, 3, 10),
        local(2026, 3, 10, 10),
    ]


def test_a_moved_series_from_here_on_stays_one_event(world):
    jf, ids, _, sessions, _ = world
    series = booked_series(jf, ids)
    moved = jf.move_group(ids["Erika Muster"], series[3].id, local(2026, 3, 24, 11), "following")
    cal = read(jf.calendar_file(ids["Erika Muster"], [m.id for m in moved]))
    uids = {str(e["UID"]) for e in events(cal)}
    assert len(uids) == 1 and len(events(cal)) == 1 + len(moved)
    assert expand(cal) == in_db(sessions, ids["Erika Muster"])


def test_migration_0019_gives_old_series_a_uid_and_their_meetings_the_planned_start(empty_engine):
    """Series booked before 0019: each gets its own UID, each meeting its planned start
    (where it was requested, also when it moved since), so their calendar files are
    one repeating event with the moved meeting as an override."""
    from sqlalchemy import MetaData, Table, insert

    from storage.db import upgrade

    engine = empty_engine
    upgrade(engine, "0013")
    meta = MetaData()
    people, series, meetings, events = (
        Table(name, meta, autoload_with=engine)
        for name in ("people", "series", "meetings", "meeting_events")
    )
    t0 = local(2026, 3, 3, 10)

    def utc(moment):  # what the app stores (SQLite keeps the wall time as given)
        return moment.astimezone(UTC)

    with engine.begin() as conn:
        for pid, name, role in ((1, "Bernd", "buddy"), (2, "Erika", "expert")):
            conn.execute(insert(people).values(id=pid, name=name, role=role, lang="de",
                                               created_at=MON, slot_minutes=45,
                                               reminder_minutes="1440,60"))  # fmt: skip
        conn.execute(insert(series).values(id=1, expert_id=2, buddy_id=1, interval_weeks=1,
                                           created_at=MON))  # fmt: skip
        for i in range(3):
            planned = t0 + (i * (local(2026, 3, 10, 10) - t0))
            start = planned if i != 1 else local(2026, 3, 12, 14)  # the second one moved
            conn.execute(insert(meetings).values(
                id=i + 1, uid=f"m{i}", expert_id=2, buddy_id=1, series_id=1, starts_at=utc(start),
                ends_at=utc(start) + (local(2026, 3, 3, 10, 45) - t0), state="confirmed",
                sequence=int(i == 1), requested_at=MON, version=1))  # fmt: skip
            conn.execute(insert(events).values(meeting_id=i + 1, at=MON, action="requested",
                                               new_start=utc(planned)))  # fmt: skip
    upgrade(engine)
    sessions = session_factory(engine)
    with sessions() as s:
        from storage.models import Series

        [row] = s.scalars(select(Series)).all()
        assert row.uid and len(row.uid) == 32
        # the series is kept (a table rebuilt on SQLite would have cut the meetings off it)
        assert [m.series_id for m in s.scalars(select(Meeting))] == [row.id] * 3
        planned = [m.occurrence_at for m in s.scalars(select(Meeting).order_by(Meeting.id))]
    assert planned == [local(2026, 3, 3, 10), local(2026, 3, 10, 10), local(2026, 3, 17, 10)]
    jf = JourFixe(sessions, Clock(MON), Rules())
    cal = read(jf.calendar_file(2, [1]))
    master, override = events_of(cal)
    assert "RRULE" in master and override["RECURRENCE-ID"].dt == local(2026, 3, 10, 10)
    assert expand(cal) == in_db(sessions, 2)


def test_moving_the_whole_series_moves_the_repeating_event(world):
    jf, ids, _, sessions, _ = world
    series = booked_series(jf, ids)
    uid = str(events(read(jf.calendar_file(ids["Erika Muster"], [series[0].id])))[0]["UID"])
    moved = jf.move_group(ids["Erika Muster"], series[0].id, local(2026, 3, 3, 11), "series")
    cal = read(jf.calendar_file(ids["Erika Muster"], [m.id for m in moved]))
    [master] = events(cal)  # one event at the new time, no override per meeting
    assert str(master["UID"]) == uid and master["DTSTART"].dt == local(2026, 3, 3, 11)
    assert expand(cal) == in_db(sessions, ids["Erika Muster"]) and len(moved) == len(series)


def test_moving_the_rest_of_a_series_after_one_was_held_keeps_the_held_one(world):
    jf, ids, clock, sessions, _ = world
    series = booked_series(jf, ids)
    clock.now = local(2026, 3, 5, 9)  # the first one was held
    moved = jf.move_group(ids["Erika Muster"], series[1].id, local(2026, 3, 10, 11), "series")
    cal = read(jf.calendar_file(ids["Erika Muster"], [m.id for m in moved]))
    shown = expand(cal)
    assert shown == in_db(sessions, ids["Erika Muster"])
    assert shown[0][0] == local(2026, 3, 3, 10) and shown[1][0] == local(2026, 3, 10, 11)
