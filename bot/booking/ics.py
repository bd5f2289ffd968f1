"""Calendar files (RFC 5545, with the iTIP methods of RFC 5546) for Jour Fixes, with
icalendar; pure functions, the entries come from the database (bot.booking.calendars).

- A single meeting is one VEVENT; its UID stays for the meeting's whole life and
  SEQUENCE grows with each change.
- A series is one VEVENT with RRULE (weekly, its interval, COUNT up to the last
  planned date) under the series' own UID. Planned dates without an active meeting
  (skipped when booked, cancelled, declined) are EXDATEs; a meeting moved away
  from its planned start is an override with RECURRENCE-ID = the planned start.
  Every VEVENT of a series carries the series' SEQUENCE (the sum of its meetings'
  sequences, so it grows with every change of any of them).
- METHOD:CANCEL cancels a single meeting by its UID, one occurrence of a series by
  UID + RECURRENCE-ID, and a whole series by its UID alone.
- ORGANIZER is the buddy, ATTENDEE the expert, each with CN = the name. People may
  have no e-mail address: the calendar address is `mailto:person-<id>@imbot.invalid`
  (the reserved .invalid domain, RFC 2606/6761: no mail can ever go there, and each
  person keeps one stable, distinct address); RSVP=FALSE, since answers come by chat.
- LOCATION (and URL for a link) come from the pair's meeting place; SUMMARY and
  DESCRIPTION are in the reader's language. DTSTART/DTEND carry a TZID with its
  VTIMEZONE.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, vCalAddress

from bot.booking.rules import series_starts
from bot.texts import t

__all__ = [
    "CAL_DOMAIN",
    "CalendarEntry",
    "Occurrence",
    "Side",
    "cal_address",
    "calendar_ics",
    "cancel_ics",
    "place_url",
]

UID_DOMAIN = "imbot.lokalprojekte"
CAL_DOMAIN = "imbot.invalid"
SHOWN = ("requested", "confirmed")  # the states a calendar shows (requested: TENTATIVE)
_URL = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)


@dataclass(frozen=True)
class Side:
    person_id: int
    name: str


@dataclass(frozen=True)
class Occurrence:
    """One meeting as the calendar sees it."""

    uid: str
    sequence: int
    start: datetime
    end: datetime
    state: str
    planned: datetime | None = None  # a series meeting's planned start (RECURRENCE-ID)


@dataclass(frozen=True)
class CalendarEntry:
    """One calendar event: a single meeting, or a whole series with all its meetings."""

    uid: str  # the meeting's, or the series'
    buddy: Side
    expert: Side
    place: str | None
    interval_weeks: int  # 0: a single meeting
    meetings: tuple[Occurrence, ...]

    @property
    def series(self) -> bool:
        return self.interval_weeks > 0

    @property
    def sequence(self) -> int:
        return sum(m.sequence for m in self.meetings)


def cal_address(side: Side) -> vCalAddress:
    address = vCalAddress(f"mailto:person-{side.person_id}@{CAL_DOMAIN}")
    if side.name:
        address.params["CN"] = side.name
    return address


def place_url(place: str | None) -> str | None:
    """The first web link in a meeting place, if any."""
    found = _URL.search(place or "")
    return found.group(0).rstrip(".,;)") if found else None


def calendar_ics(
    entries: list[CalendarEntry],
    *,
    lang: str,
    now: datetime,
    tz: ZoneInfo,
    method: str | None = "REQUEST",
    name: str | None = None,
) -> bytes:
    """The entries as they stand: what a calendar should show (REQUEST for a file
    sent in chat; method None for the subscribed feed). Entries with nothing to show
    are left out."""
    cal = _calendar(method, name)
    for entry in entries:
        for event in _events(entry, lang, now, tz):
            cal.add_component(event)
    _add_timezone(cal, entries, tz)
    return cal.to_ical()


def cancel_ics(
    entries: list[CalendarEntry],
    cancelled: set[str],
    *,
    lang: str,
    now: datetime,
    tz: ZoneInfo,
) -> bytes:
    """METHOD:CANCEL for the meetings whose UID is in `cancelled`: a single meeting by
    its UID; a series by its UID alone when none of its meetings is shown any more,
    else each cancelled occurrence by UID + RECURRENCE-ID."""
    cal = _calendar("CANCEL", None)
    for entry in entries:
        gone = [m for m in entry.meetings if m.uid in cancelled]
        if not gone:
            continue
        if not entry.series:
            m = gone[0]
            cal.add_component(_event(entry, entry.uid, m.sequence, m.start, m.end, lang, now, tz,
                                     status="CANCELLED"))  # fmt: skip
            continue
        first = _pattern(entry, tz)[0]
        if not any(m.state in SHOWN for m in entry.meetings):
            length = _length(entry)
            event = _event(entry, entry.uid, entry.sequence, first, first + length, lang, now, tz,
                           status="CANCELLED")  # fmt: skip
            cal.add_component(event)
            continue
        for m in gone:
            event = _event(entry, entry.uid, entry.sequence, m.start, m.end, lang, now, tz,
                           status="CANCELLED")  # fmt: skip
            event.add("recurrence-id", (m.planned or m.start).astimezone(tz))
            cal.add_component(event)
    _add_timezone(cal, entries, tz)
    return cal.to_ical()


def _add_timezone(cal: Calendar, entries: list[CalendarEntry], tz: ZoneInfo) -> None:
    """The VTIMEZONE of the TZID the events use, with its transitions from the year
    before the first meeting to two years after the last (not 1970-2038: that is
    most of the file and of the time it takes to write it)."""
    starts = [m.start.astimezone(tz) for e in entries for m in e.meetings]
    starts += [m.planned.astimezone(tz) for e in entries for m in e.meetings if m.planned]
    if starts and cal.walk("VEVENT"):
        vtimezone = _vtimezone(tz.key, min(starts).year - 1, max(starts).year + 2)
        cal.subcomponents.insert(0, vtimezone)  # before the events: what older clients expect


@lru_cache(maxsize=32)
def _vtimezone(tzid: str, first_year: int, last_year: int) -> Timezone:
    return Timezone.from_tzid(
        tzid, first_date=date(first_year, 1, 1), last_date=date(last_year, 1, 1)
    )


def _calendar(method: str | None, name: str | None) -> Calendar:
    cal = Calendar()
    cal.add("prodid", "-//Lokalprojekte//imbot//DE")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if method:
        cal.add("method", method)
    if name:
        cal.add("name", name)  # RFC 7986
        cal.add("x-wr-calname", name)  # what Google and Apple read
    return cal


def _events(entry: CalendarEntry, lang: str, now: datetime, tz: ZoneInfo) -> list[Event]:
    shown = [m for m in entry.meetings if m.state in SHOWN]
    if not shown:
        return []
    if not entry.series:
        m = shown[0]
        return [_event(entry, entry.uid, m.sequence, m.start, m.end, lang, now, tz, _status(m))]
    pattern = _pattern(entry, tz)
    length = _length(entry)
    by_planned = {(m.planned or m.start): m for m in entry.meetings}
    status = "CONFIRMED" if any(m.state == "confirmed" for m in shown) else "TENTATIVE"
    seq = entry.sequence
    master = _event(entry, entry.uid, seq, pattern[0], pattern[0] + length, lang, now, tz, status)
    master.add("rrule", {"freq": "weekly", "interval": entry.interval_weeks, "count": len(pattern)})
    skipped = [p for p in pattern if p not in by_planned or by_planned[p].state not in SHOWN]
    for day in skipped:
        master.add("exdate", day.astimezone(tz))
    out = [master]
    for planned, m in sorted(by_planned.items()):
        if m.state in SHOWN and (m.start != planned or m.end - m.start != length):
            override = _event(entry, entry.uid, seq, m.start, m.end, lang, now, tz, _status(m))
            override.add("recurrence-id", planned.astimezone(tz))
            out.append(override)
    return out


def _pattern(entry: CalendarEntry, tz: ZoneInfo) -> list[datetime]:
    """The planned starts of a series: the first planned one and every interval
    after it, up to the last planned one (as the RRULE expands them)."""
    planned = sorted(m.planned or m.start for m in entry.meetings)
    last = planned[-1].astimezone(tz).date()
    return series_starts(planned[0], entry.interval_weeks, last, tz)


def _length(entry: CalendarEntry):
    first = min(entry.meetings, key=lambda m: m.planned or m.start)
    return first.end - first.start


def _status(m: Occurrence) -> str:
    return "CONFIRMED" if m.state == "confirmed" else "TENTATIVE"


def _event(
    entry: CalendarEntry,
    uid: str,
    sequence: int,
    start: datetime,
    end: datetime,
    lang: str,
    now: datetime,
    tz: ZoneInfo,
    status: str,
) -> Event:
    event = Event()
    event.add("uid", f"{uid}@{UID_DOMAIN}")
    event.add("sequence", sequence)
    event.add("dtstamp", now.astimezone(UTC))
    event.add("dtstart", start.astimezone(tz))
    event.add("dtend", end.astimezone(tz))
    names = " / ".join(n for n in (entry.expert.name, entry.buddy.name) if n)
    event.add("summary", f"Jour Fixe {names}".strip())
    place = entry.place or ""
    where = t("ics_place", lang, place=place) if place else ""
    event.add("description", t("ics_description", lang, place=where))
    if place:
        event.add("location", place)
        if url := place_url(place):
            event.add("url", url)
    event.add("status", status)
    event.add("transp", "OPAQUE")
    event.add("organizer", cal_address(entry.buddy))
    attendee = cal_address(entry.expert)
    attendee.params.update(
        {
            "ROLE": "REQ-PARTICIPANT",
            "PARTSTAT": "ACCEPTED" if status == "CONFIRMED" else "NEEDS-ACTION",
            "RSVP": "FALSE",
            "CUTYPE": "INDIVIDUAL",
        }
    )
    event.add("attendee", attendee)
    return event
