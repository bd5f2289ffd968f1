"""Time as an input, and the one rule for local wall-clock times.

Moments are stored and compared in UTC and shown in the reader's zone: the
person's own time zone if they have one, else the bot's (`IMBOT_TIMEZONE`).

A local time is turned into a moment as RFC 5545 (iCalendar) reads it, the rule
the calendar apps apply to the files the bot sends: a time in the hour skipped
when clocks go forward is read with the offset before the gap (02:30 becomes
03:30 summer time); a time that occurs twice in autumn is the first one. Slot
offers additionally leave out times that do not exist on the wall clock.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

__all__ = ["Clock", "exists_locally", "local_moment", "system_clock", "zone"]

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


def local_moment(day: date, at: time, tz: ZoneInfo) -> datetime:
    """The aware moment of a local wall-clock time (RFC 5545 for gaps and folds)."""
    return datetime.combine(day, at, tzinfo=tz).astimezone(UTC).astimezone(tz)


def exists_locally(day: date, at: time, tz: ZoneInfo) -> bool:
    """False for the local times skipped when clocks go forward."""
    return local_moment(day, at, tz).replace(tzinfo=None) == datetime.combine(day, at)


def zone(own: str | None, default: ZoneInfo) -> ZoneInfo:
    """A person's time zone: their own if set and known, else the bot's."""
    if own:
        try:
            return ZoneInfo(own)
        except (ValueError, KeyError):  # ZoneInfoNotFoundError is a KeyError
            pass
    return default
