"""Calendar files (RFC 5545) for Jour Fixes, with icalendar.

The UID stays the same for a meeting's whole life and SEQUENCE grows with each
move, so calendar apps update one event; a cancel is sent with METHOD:CANCEL.
DTSTART/DTEND carry the Europe/Berlin TZID with its VTIMEZONE.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

__all__ = ["meeting_ics"]

UID_DOMAIN = "imbot.lokalprojekte"


def meeting_ics(*, uid: str, sequence: int, start: datetime, end: datetime, summary: str,
                description: str, cancelled: bool, now: datetime, tz: ZoneInfo) -> bytes:  # fmt: skip
    cal = Calendar()
    cal.add("prodid", "-//Lokalprojekte//imbot//DE")
    cal.add("version", "2.0")
    cal.add("method", "CANCEL" if cancelled else "REQUEST")
    event = Event()
    event.add("uid", f"{uid}@{UID_DOMAIN}")
    event.add("sequence", sequence)
    event.add("dtstamp", now.astimezone(UTC))
    event.add("dtstart", start.astimezone(tz))
    event.add("dtend", end.astimezone(tz))
    event.add("summary", summary)
    event.add("description", description)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()
