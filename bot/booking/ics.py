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

__all__ = ["CalendarEvent", "calendar_ics", "jour_fixe_file"]

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


def jour_fixe_file(
    meetings: list, *, cancelled: bool, now: datetime, tz: ZoneInfo
) -> tuple[str, str, bytes]:
    """(file name, mime type, data) of the calendar file for one Jour Fixe or a series.
    `meetings` need uid, sequence, starts_at, ends_at and the names of both sides."""
    events = [
        CalendarEvent(
            m.uid,
            m.sequence,
            m.starts_at,
            m.ends_at,
            f"Jour Fixe {_name(m.expert)} / {_name(m.buddy)}",
            "Integrationsmacher:innen – Jour Fixe (Lokalprojekte)",
        )
        for m in meetings
    ]
    first = meetings[0]
    name = f"jourfixe-{first.starts_at.astimezone(tz):%Y-%m-%d}-{first.uid[:6]}.ics"
    return name, "text/calendar", calendar_ics(events, cancelled=cancelled, now=now, tz=tz)


def _name(person) -> str:
    return person.name or ""
