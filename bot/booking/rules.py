"""Jour Fixe rules: pure functions, no database.

Times of day are local to the buddy (Europe/Berlin unless set otherwise); moments
are aware datetimes and are compared in UTC. Weekly windows and series are kept
as local wall-clock times and turned into moments one day at a time, so a weekly
10:00 Jour Fixe stays at 10:00 across the daylight-saving switch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.booking.timeparse import Window
from bot.localtime import exists_locally, local_moment

__all__ = ["Rules", "cells", "fits", "free_slots", "series_starts"]


@dataclass(frozen=True)
class Rules:
    """Booking settings. Slot length is per buddy and passed separately."""

    buffer_minutes: int = 15  # free time kept after each meeting
    notice_hours: int = 12  # no slot sooner than this
    horizon_days: int = 28  # no slot later than this (single bookings)
    grid_minutes: int = 15  # meetings start on this grid; calendar cells have this size
    request_ttl_hours: int = 48  # unanswered requests expire after this
    series_weeks_default: int = 12  # series length when no program end is known
    overview_weeks: int = 4  # the team's overview flags pairs without a Jour Fixe this long


def _align_up(at: time, grid: int) -> time:
    minutes = at.hour * 60 + at.minute
    minutes = -(-minutes // grid) * grid
    return time(minutes // 60, minutes % 60) if minutes < 24 * 60 else time(23, 59)


def cells(start: datetime, end: datetime, rules: Rules) -> list[datetime]:
    """The grid cells (UTC) a meeting holds: from its start to its end plus buffer."""
    step = timedelta(minutes=rules.grid_minutes)
    stop = end.astimezone(UTC) + timedelta(minutes=rules.buffer_minutes)
    out, cell = [], start.astimezone(UTC)
    while cell < stop:
        out.append(cell)
        cell += step
    return out


def _windows_on(
    day: date, windows: Iterable[Window], off: Iterable[tuple[date, date]]
) -> list[Window]:
    if any(first <= day <= last for first, last in off):
        return []
    return [w for w in windows if w.day == day or (w.day is None and w.weekday == day.weekday())]


def _overlaps(start: datetime, end: datetime, busy: Iterable[tuple[datetime, datetime]]) -> bool:
    return any(start < b_end and b_start < end for b_start, b_end in busy)


def free_slots(
    windows: list[Window],
    off: list[tuple[date, date]],
    busy: list[tuple[datetime, datetime]],
    *,
    now: datetime,
    tz: ZoneInfo,
    slot_minutes: int,
    rules: Rules,
    limit: int | None = None,
    day: date | None = None,
    days: list[date] | None = None,
    until: date | None = None,
) -> Iterator[datetime]:
    """Free slot starts, earliest first. `busy` holds (start, end + buffer) of the
    buddy's and the expert's active meetings; `day` limits the search to one day
    within the horizon, `days` to those days, however far ahead (a series meeting
    being moved). Offered starts are a meeting plus its buffer apart, rounded up to
    the half hour (30 minutes: 14:00, 15:00, not 14:45, 15:30); any other start on
    the grid that fits is free as well (`fits`). `until`: the last day of the running
    programme (no slot after it)."""
    length = timedelta(minutes=slot_minutes)
    pitch = timedelta(minutes=-(-(slot_minutes + rules.buffer_minutes) // 30) * 30)
    earliest = now + timedelta(hours=rules.notice_hours)
    buffer = timedelta(minutes=rules.buffer_minutes)
    today = now.astimezone(tz).date()
    found = 0
    if days is not None:
        days = [d for d in days if d >= today]
    elif day is None:
        days = [today + timedelta(days=n) for n in range(rules.horizon_days + 1)]
    else:
        days = [day] if 0 <= (day - today).days <= rules.horizon_days else []
    if until is not None:
        days = [d for d in days if d <= until]
    for day_ in days:
        for w in sorted(_windows_on(day_, windows, off), key=lambda w: w.start):
            start_local = datetime.combine(day_, _align_up(w.start, rules.grid_minutes))
            window_end = datetime.combine(day_, w.end)
            while start_local + length <= window_end:
                start = local_moment(day_, start_local.time(), tz)
                if (
                    exists_locally(day_, start_local.time(), tz)
                    and start >= earliest
                    and not _overlaps(start, start + length + buffer, busy)
                ):
                    yield start
                    found += 1
                    if limit is not None and found >= limit:
                        return
                start_local += pitch


def fits(
    start: datetime,
    windows: list[Window],
    off: list[tuple[date, date]],
    busy: list[tuple[datetime, datetime]],
    *,
    now: datetime,
    tz: ZoneInfo,
    slot_minutes: int,
    rules: Rules,
    horizon: bool = True,
    until: date | None = None,
) -> bool:
    """Whether a meeting of `slot_minutes` may start at `start`: on the grid, inside
    one of the buddy's free times on a day not away, after the notice period, within
    the horizon (unless `horizon` is False: a series meeting being moved), not after
    `until` (the running programme's last day) and clear of `busy` - whether or not
    the time is one of the starts `free_slots` offers."""
    local = start.astimezone(tz)
    day, at = local.date(), local.time().replace(tzinfo=None)
    length = timedelta(minutes=slot_minutes)
    today = now.astimezone(tz).date()
    if (at.hour * 60 + at.minute) % rules.grid_minutes or at.second or at.microsecond:
        return False
    if day < today or horizon and (day - today).days > rules.horizon_days:
        return False
    if until is not None and day > until:
        return False
    if not exists_locally(day, at, tz) or start < now + timedelta(hours=rules.notice_hours):
        return False
    end_local = datetime.combine(day, at) + length
    if end_local.date() != day:
        return False
    inside = any(
        w.start <= at and end_local.time() <= w.end for w in _windows_on(day, windows, off)
    )
    buffer = timedelta(minutes=rules.buffer_minutes)
    return inside and not _overlaps(start, start + length + buffer, busy)


def series_starts(
    first: datetime, interval_weeks: int, until: date, tz: ZoneInfo
) -> list[datetime]:
    """The first start and every `interval_weeks` weeks after it, at the same local
    time, up to and including `until` (a time in the spring gap as RFC 5545 reads it,
    so the database agrees with the calendar apps)."""
    local = first.astimezone(tz)
    out, day = [], local.date()
    while day <= until:
        out.append(local_moment(day, local.time(), tz))
        day += timedelta(weeks=interval_weeks)
    return out
