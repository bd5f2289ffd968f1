"""Jour Fixe booking on SQLite and on a real PostgreSQL."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.booking.base import BookingError
from bot.booking.rules import Rules
from bot.booking.service import JourFixe
from bot.booking.timeparse import Window
from bot.people import People
from storage.models import Edition
from storage.repo import UnitOfWork, session_factory
from tests.clock import Clock
from tests.people import pair_with_buddy

BERLIN = ZoneInfo("Europe/Berlin")
MON = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # Monday 2 March 2026, 09:00 in Berlin


@pytest.fixture
def setup(engine):
    sessions = session_factory(engine)
    clock = Clock(MON)
    jf = JourFixe(sessions, clock, Rules(notice_hours=12, horizon_days=28, buffer_minutes=15))
    tuesdays = [Window(time(10), time(12), weekday=1)]  # Tuesdays 10-12
    ids = pair_with_buddy(People(sessions, clock), jf, "Bernd", ["Erika", "Emil", "Eva"], tuesdays)
    return jf, ids, clock, sessions


def local(y, mo, d, h, mi=0):
    return datetime(y, mo, d, h, mi, tzinfo=BERLIN)


def test_slots_follow_windows_length_buffer_and_notice(setup):
    jf, ids, clock, _ = setup
    slots = jf.slots(ids["Erika"], limit=4)
    # 45 min + 15 min buffer: 10:00 and 11:00 each Tuesday (11:00-11:45 fits before 12:00)
    assert slots == [
        local(2026, 3, 3, 10),
        local(2026, 3, 3, 11),
        local(2026, 3, 10, 10),
        local(2026, 3, 10, 11),
    ]
    clock.now = local(2026, 3, 2, 23)  # 12 h notice: Tuesday 10:00 is too soon
    assert jf.slots(ids["Erika"], limit=1) == [local(2026, 3, 3, 11)]


def test_request_confirm_and_the_slot_is_gone_for_others(setup):
    jf, ids, _, _ = setup
    [m] = jf.request(ids["Erika"], local(2026, 3, 3, 10))
    assert m.state == "requested" and m.buddy.name == "Bernd"
    assert local(2026, 3, 3, 10) not in jf.slots(ids["Emil"], limit=None)
    with pytest.raises(BookingError) as exc:
        jf.request(ids["Emil"], local(2026, 3, 3, 10))
    assert exc.value.key == "slot_taken" and exc.value.alternatives[0] == local(2026, 3, 3, 11)
    [c] = jf.decide(ids["Bernd"], m.id, accept=True)
    assert c.state == "confirmed"
    with pytest.raises(BookingError, match="not_pending"):
        jf.decide(ids["Bernd"], m.id, accept=False)


def test_decline_frees_the_slot(setup):
    jf, ids, _, _ = setup
    [m] = jf.request(ids["Erika"], local(2026, 3, 3, 10))
    jf.decide(ids["Bernd"], m.id, accept=False)
    assert local(2026, 3, 3, 10) in jf.slots(ids["Emil"], limit=None)


def test_only_the_pair_sees_and_changes_its_meetings(setup):
    jf, ids, _, _ = setup
    [m] = jf.request(ids["Erika"], local(2026, 3, 3, 10))
    for intruder in ("Emil", "Eva"):
        with pytest.raises(BookingError, match="unknown_meeting"):
            jf.cancel(ids[intruder], m.id)
        with pytest.raises(BookingError, match="unknown_meeting"):
            jf.get(ids[intruder], m.id)
    with pytest.raises(BookingError, match="not_yours"):
        jf.decide(ids["Erika"], m.id, accept=True)  # the expert cannot confirm her own request
    assert jf.upcoming(ids["Emil"]) == []


def test_unanswered_requests_expire_and_free_the_slot(setup):
    jf, ids, clock, _ = setup
    clock.now = local(2026, 3, 2, 9)
    [m] = jf.request(ids["Erika"], local(2026, 3, 10, 10))
    clock.now += timedelta(hours=47)
    assert jf.expire_due() == []
    clock.now += timedelta(hours=2)
    [expired] = jf.expire_due()
    assert expired.id == m.id and expired.state == "expired"
    assert local(2026, 3, 10, 10) in jf.slots(ids["Emil"], limit=None)


def test_move_keeps_uid_and_history_and_bumps_sequence(setup, engine):
    jf, ids, _, sessions = setup
    [m] = jf.request(ids["Erika"], local(2026, 3, 3, 10))
    jf.decide(ids["Bernd"], m.id, accept=True)
    moved = jf.move(ids["Bernd"], m.id, local(2026, 3, 10, 11))
    assert (moved.uid, moved.sequence, moved.state) == (m.uid, 1, "confirmed")
    assert moved.starts_at == local(2026, 3, 10, 11)
    assert local(2026, 3, 3, 10) in jf.slots(ids["Emil"], limit=None)
    from sqlalchemy import select

    from storage.models import MeetingEvent

    with UnitOfWork(sessions) as uow:
        actions = [
            e.action for e in uow.session.scalars(select(MeetingEvent).order_by(MeetingEvent.id))
        ]
    assert actions == ["requested", "confirmed", "moved"]
    cancelled = jf.cancel(ids["Erika"], m.id)
    assert cancelled.state == "cancelled" and cancelled.sequence == 2


def test_vacation_and_one_off_windows(setup):
    jf, ids, _, _ = setup
    jf.add_off(ids["Bernd"], date(2026, 3, 3), date(2026, 3, 4))
    jf.set_windows(ids["Bernd"], [Window(time(14), time(15), day=date(2026, 3, 5))])
    slots = jf.slots(ids["Erika"], limit=3)
    assert slots == [local(2026, 3, 5, 14), local(2026, 3, 10, 10), local(2026, 3, 10, 11)]


def test_weekly_series_stays_at_local_time_across_dst(setup):
    jf, ids, clock, sessions = setup
    with UnitOfWork(sessions) as uow:
        uow.session.add(
            Edition(
                slug="t",
                name="Test",
                starts_on=date(2026, 1, 1),
                ends_on=date(2026, 4, 14),
                active=True,
            )
        )
        uow.commit()
    meetings = jf.request(ids["Erika"], local(2026, 3, 17, 10), interval_weeks=1)
    # Berlin switches to summer time on 29 March 2026: still 10:00 local, 08:00 instead of 09:00 UTC
    assert [m.starts_at.astimezone(BERLIN).time() for m in meetings] == [time(10)] * 5
    assert [m.starts_at.astimezone(UTC).hour for m in meetings] == [9, 9, 8, 8, 8]
    assert len({m.series_id for m in meetings}) == 1
    [first] = jf.pending(ids["Bernd"])
    confirmed = jf.decide(ids["Bernd"], first.id, accept=True)
    assert len(confirmed) == 5 and {c.state for c in confirmed} == {"confirmed"}


def test_series_skips_collisions_and_vacation(setup):
    jf, ids, _, _ = setup
    jf.request(ids["Emil"], local(2026, 3, 10, 10))
    jf.add_off(ids["Bernd"], date(2026, 3, 17), date(2026, 3, 17))
    meetings = jf.request(
        ids["Erika"], local(2026, 3, 3, 10), interval_weeks=2
    )  # 3.3., 17.3. off, 31.3. ...
    days = [m.starts_at.astimezone(BERLIN).date() for m in meetings]
    assert date(2026, 3, 17) not in days and days[0] == date(2026, 3, 3)
    weekly = jf.request(ids["Eva"], local(2026, 3, 3, 11), interval_weeks=1)
    assert all(
        m.starts_at.astimezone(BERLIN).day != 10 or m.starts_at.astimezone(BERLIN).hour != 10
        for m in weekly
    )


def test_counter_proposal_is_booked_confirmed(setup):
    jf, ids, _, _ = setup
    [m] = jf.request(ids["Erika"], local(2026, 3, 3, 10))
    proposal = jf.propose(ids["Bernd"], m.id, local(2026, 3, 4, 16))
    assert proposal.state == "declined" and proposal.proposed_start == local(2026, 3, 4, 16)
    [booked] = jf.accept_proposal(ids["Erika"], m.id)
    assert booked.state == "confirmed" and booked.starts_at == local(2026, 3, 4, 16)
    with pytest.raises(BookingError):
        jf.accept_proposal(ids["Erika"], m.id)  # only once


def test_expert_without_buddy(setup):
    jf, _, _, sessions = setup
    lonely = People(sessions).invite("expert", "Lonely").person_id
    with pytest.raises(BookingError, match="no_buddy"):
        jf.slots(lonely)


def test_export_lists_jour_fixes_and_erase_removes_them(setup):
    jf, ids, clock, sessions = setup
    people = People(sessions, clock)
    [m] = jf.request(ids["Erika"], local(2026, 3, 3, 10))
    exported = people.export(ids["Bernd"])
    assert (
        exported["jour_fixes"][0]["with"] == "Erika"
        and exported["free_times"][0]["from"] == "10:00"
    )
    people.erase(ids["Erika"])
    assert jf.upcoming(ids["Bernd"]) == []
    assert local(2026, 3, 3, 10) in jf.slots(ids["Emil"], limit=None)  # her cells are gone too
    people.erase(ids["Bernd"])
    assert people.export(ids["Bernd"])["free_times"] == []


def test_any_start_on_the_grid_in_the_free_times_fits_whatever_the_length(setup):
    jf, ids, _, _ = setup
    jf.set_slot_minutes(ids["Bernd"], 30)
    # 30 min + 15 min buffer: offered on the hour (not 10:00, 10:45, 11:30)
    assert jf.slots(ids["Erika"], limit=2) == [local(2026, 3, 3, 10), local(2026, 3, 3, 11)]
    assert jf.is_free(ids["Erika"], local(2026, 3, 3, 10, 30))  # between the offered ones
    assert not jf.is_free(ids["Erika"], local(2026, 3, 3, 11, 45))  # would end 12:15
    assert not jf.is_free(ids["Erika"], local(2026, 3, 3, 10, 20))  # off the grid
    [m] = jf.request(ids["Erika"], local(2026, 3, 3, 10, 30))
    assert m.ends_at == local(2026, 3, 3, 11)
    assert not jf.is_free(ids["Emil"], local(2026, 3, 3, 11))  # the buffer after it
    moved = jf.move(ids["Bernd"], m.id, local(2026, 3, 10, 11, 15))
    assert moved.starts_at == local(2026, 3, 10, 11, 15)


def test_a_move_too_soon_says_so_and_offers_the_asked_days_times_first(setup):
    jf, ids, clock, _ = setup
    [m] = jf.request(ids["Erika"], local(2026, 3, 10, 10))
    clock.now = local(2026, 3, 10, 8)
    with pytest.raises(BookingError) as exc:
        jf.move(ids["Bernd"], m.id, local(2026, 3, 10, 11))
    assert exc.value.key == "too_soon" and exc.value.fields["hours"] == 12
    with pytest.raises(BookingError) as exc:
        jf.move(ids["Bernd"], m.id, local(2026, 3, 17, 11, 30))  # would end 12:15
    assert exc.value.key == "not_free"
    assert exc.value.alternatives[0].date() == date(2026, 3, 17)


def test_a_series_with_one_date_before_the_program_end_is_a_single_meeting(setup):
    jf, ids, _, sessions = setup
    with UnitOfWork(sessions) as uow:
        uow.session.add(
            Edition(slug="t", name="T", starts_on=date(2026, 1, 1), ends_on=date(2026, 3, 8),
                    active=True)
        )  # fmt: skip
        uow.commit()
    [m] = jf.request(ids["Erika"], local(2026, 3, 3, 10), interval_weeks=1)
    assert m.series_id is None
    planned, _, end, program = jf.series_plan(ids["Erika"], m.starts_at, 1)
    assert planned == [local(2026, 3, 3, 10)] and end == date(2026, 3, 8) and program


def test_leaving_cancels_the_meetings_ahead_not_the_one_under_way(engine):
    """Try-out 4 (P9): a buddy erasing his data at 10:20 told his expert "Cancelled: Jour
    Fixe Wed 1 Nov 10:00" although it had begun 20 minutes earlier (held, not cancelled:
    no cancellation to the partner, no cancelled calendar file for it)."""
    from sqlalchemy import select

    from storage.models import OutboxRow

    sessions = session_factory(engine)
    clock = Clock(MON)
    jf = JourFixe(sessions, clock, Rules(notice_hours=12, horizon_days=28, buffer_minutes=15))
    people = People(sessions, clock, end_meetings=jf.end_all)
    tuesdays = [Window(time(10), time(12), weekday=1)]
    ids = pair_with_buddy(people, jf, "Bernd", ["Erika"], tuesdays, platform="console")
    for day in (3, 10):
        [m] = jf.request(ids["Erika"], local(2026, 3, day, 10))
        jf.decide(ids["Bernd"], m.id, accept=True)
    clock.now = local(2026, 3, 3, 10, 20)  # the first one is under way
    people.erase(ids["Bernd"])
    with sessions() as s:
        [notice] = [r.text for r in s.scalars(select(OutboxRow)) if "10.03." in (r.text or "")]
    assert "03.03." not in notice, notice


def test_move_check_says_why_without_moving(setup):
    """jf9: a new time said before the meeting was picked is checked, not yet moved:
    None when free; else why (taken, and with whom the mover may know; not a free
    time; too soon) and the free times nearest to it."""
    jf, ids, clock, _ = setup
    [m] = jf.request(ids["Erika"], local(2026, 3, 3, 10))
    jf.decide(ids["Bernd"], m.id, accept=True)
    [other] = jf.request(ids["Emil"], local(2026, 3, 10, 10))
    assert jf.move_check(ids["Erika"], m.id, local(2026, 3, 3, 11)) is None
    assert jf.get(ids["Erika"], m.id).starts_at == local(2026, 3, 3, 10)  # nothing moved
    why, name, near = jf.move_check(ids["Bernd"], m.id, local(2026, 3, 10, 10))
    assert (why, name) == ("slot_taken", "Emil") and local(2026, 3, 10, 11) in near
    why, name, _ = jf.move_check(ids["Erika"], m.id, local(2026, 3, 10, 10))
    assert (why, name) == ("slot_taken", "")  # Emil's request is none of Erika's business
    assert jf.move_check(ids["Erika"], m.id, local(2026, 3, 3, 15))[0] == "not_free"
    clock.now = local(2026, 3, 3, 1)  # 10 hours before: less than the 12 hours' notice
    assert jf.move_check(ids["Erika"], m.id, local(2026, 3, 3, 11))[0] == "too_soon"
    assert other.state == "requested"
