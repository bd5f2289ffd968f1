"""Calendar files (RFC 5545) for Jour Fixes, with icalendar.

The UID stays the same for a meeting's whole life and SEQUENCE grows with each
move, so calendar apps update one event; a cancel is sent with METHOD:CANCEL.
DTSTART/DTEND carry the Europe/Berlin TZID with its VTIMEZONE. A series comes as
one file with one event per meeting.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

__all__ = ["CalendarEvent", "calendar_ics", "meeting_ics"]

UID_DOMAIN = "imbot.lokalprojekte"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    sequence: int
    start: datetime
    end: datetime
    summary: str
    description: str


def calendar_ics(
    events: list[CalendarEvent], *, cancelled: bool, now: datetime, tz: ZoneInfo
) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//Lokalprojekte//imbot//DE")
    cal.add("version", "2.0")
    cal.add("method", "CANCEL" if cancelled else "REQUEST")
    for e in events:
        event = Event()
        event.add("uid", f"{e.uid}@{UID_DOMAIN}")
        event.add("sequence", e.sequence)
        event.add("dtstamp", now.astimezone(UTC))
        event.add("dtstart", e.start.astimezone(tz))
        event.add("dtend", e.end.astimezone(tz))
        event.add("summary", e.summary)
        event.add("description", e.description)
        event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()


def meeting_ics(*, uid: str, sequence: int, start: datetime, end: datetime, summary: str,
                description: str, cancelled: bool, now: datetime, tz: ZoneInfo) -> bytes:  # fmt: skip
    event = CalendarEvent(uid, sequence, start, end, summary, description)
    return calendar_ics([event], cancelled=cancelled, now=now, tz=tz)
