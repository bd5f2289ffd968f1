"""The pure Jour Fixe rules, without a database."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.booking.rules import Rules, cells, fits, free_slots, series_starts
from bot.booking.timeparse import Window
from bot.localtime import exists_locally, local_moment

BERLIN = ZoneInfo("Europe/Berlin")
RULES = Rules(buffer_minutes=15, notice_hours=12, horizon_days=14, grid_minutes=15)
NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # Monday 09:00 Berlin


def slots(windows, busy=(), off=(), minutes=45, now=NOW, **kw):
    return list(free_slots(list(windows), list(off), list(busy), now=now, tz=BERLIN,
                           slot_minutes=minutes, rules=RULES, **kw))  # fmt: skip


def test_window_start_is_aligned_to_the_grid_and_slots_do_not_overlap():
    got = slots([Window(time(9, 10), time(11, 30), weekday=1)])[:2]
    assert [s.astimezone(BERLIN).time() for s in got] == [time(9, 15), time(10, 15)]


def test_busy_time_plus_buffer_blocks():
    tue10 = datetime(2026, 3, 3, 10, 0, tzinfo=BERLIN)
    busy = [(tue10, tue10 + timedelta(minutes=60))]  # a meeting 10:00-10:45 plus 15 min buffer
    got = slots([Window(time(10), time(12), weekday=1)], busy=busy)
    assert tue10 not in got and datetime(2026, 3, 3, 11, 0, tzinfo=BERLIN) in got


def test_slot_length_per_buddy():
    got = slots([Window(time(10), time(12), weekday=1)], minutes=90, limit=2)
    assert [s.astimezone(BERLIN).date() for s in got] == [date(2026, 3, 3), date(2026, 3, 10)]


def test_horizon_and_single_day_search():
    window = [Window(time(10), time(11), weekday=1)]
    assert len(slots(window)) == 2  # 3 and 10 March; 17 March is beyond 14 days
    assert slots(window, day=date(2026, 3, 10)) == [datetime(2026, 3, 10, 10, tzinfo=BERLIN)]
    assert slots(window, day=date(2026, 3, 17)) == []


def test_no_slot_after_the_last_day_of_the_running_programme():
    window = [Window(time(10), time(11), weekday=1)]
    assert slots(window, until=date(2026, 3, 9)) == [datetime(2026, 3, 3, 10, tzinfo=BERLIN)]
    assert slots(window, until=date(2026, 3, 10)) == slots(window)  # the last day is in
    assert slots(window, day=date(2026, 3, 10), until=date(2026, 3, 9)) == []
    assert slots(window, days=[date(2026, 3, 3), date(2026, 3, 24)], until=date(2026, 3, 9)) == [
        datetime(2026, 3, 3, 10, tzinfo=BERLIN)
    ]
    tue = datetime(2026, 3, 10, 10, tzinfo=BERLIN)
    kw = {"now": NOW, "tz": BERLIN, "slot_minutes": 45, "rules": RULES}
    assert fits(tue, window, [], [], **kw)
    assert not fits(tue, window, [], [], until=date(2026, 3, 9), **kw)
    assert fits(tue, window, [], [], until=date(2026, 3, 10), **kw)


def test_cells_cover_meeting_and_buffer_in_utc():
    start = datetime(2026, 3, 3, 10, 0, tzinfo=BERLIN)
    got = cells(start, start + timedelta(minutes=45), RULES)
    assert len(got) == 4 and got[0] == start.astimezone(UTC) and all(c.tzinfo is UTC for c in got)


def test_the_spring_gap_is_read_as_rfc_5545_reads_it():
    assert not exists_locally(date(2026, 3, 29), time(2, 30), BERLIN)
    assert exists_locally(date(2026, 3, 29), time(3, 30), BERLIN)
    gap = local_moment(date(2026, 3, 29), time(2, 30), BERLIN)
    assert gap == datetime(2026, 3, 29, 3, 30, tzinfo=BERLIN)  # the offset before the gap
    autumn = local_moment(date(2026, 10, 25), time(2, 30), BERLIN)
    assert autumn.utcoffset() == timedelta(hours=2)  # the first of the two 02:30s


def test_biweekly_series_keeps_local_time_across_the_autumn_switch():
    first = datetime(2026, 10, 13, 10, 0, tzinfo=BERLIN)
    got = series_starts(first, 2, date(2026, 11, 10), BERLIN)
    assert [g.astimezone(BERLIN).hour for g in got] == [10, 10, 10]
    assert [g.astimezone(UTC).hour for g in got] == [8, 9, 9]  # CEST, then CET from 25 October


def test_vacation_removes_days():
    got = slots([Window(time(10), time(11), weekday=1)], off=[(date(2026, 3, 3), date(2026, 3, 3))])
    assert [s.astimezone(BERLIN).date() for s in got] == [date(2026, 3, 10)]
