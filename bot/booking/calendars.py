"""Calendars from the database: the calendar files sent in chat (a series as one
repeating event, a moved meeting as an override, cancellations by RECURRENCE-ID),
the pair's meeting place (/ort), and each person's private calendar feed
(/calendar/<secret>.ics; only a hash of the secret is stored)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session, joinedload

from bot.booking.base import BookingBase, BookingError, Party
from bot.booking.ics import CalendarEntry, Occurrence, Side, calendar_ics, cancel_ics
from bot.texts import t
from storage.models import ACTIVE_STATES, CalendarFeed, Meeting, Pair, Person, Role, Series
from storage.repo import UnitOfWork

__all__ = ["FEED_DAYS", "PLACE_MAX", "CalendarsMixin", "calendar_file", "entries_for"]

FEED_DAYS = 30  # the feed shows meetings from this many days back, and all ahead
PLACE_MAX = 500
_MIME = "text/calendar"


def entries_for(
    s: Session, meetings: Iterable[Meeting], hide: frozenset[int] = frozenset()
) -> list[CalendarEntry]:
    """The calendar entries the meetings belong to: each single meeting, and each
    series with all of its meetings (whatever their state). Names of the people in
    `hide` are left out (someone who erased their data)."""
    singles, series_ids = [], set()
    for m in meetings:
        if m.series_id is None:
            singles.append(m)
        else:
            series_ids.add(m.series_id)
    pairs = _places(s, {(m.expert_id, m.buddy_id) for m in singles}, series_ids)
    out = [_entry(s, m.uid, 0, [m], pairs, hide) for m in singles]
    if series_ids:
        rows = s.scalars(
            select(Meeting).where(Meeting.series_id.in_(series_ids)).order_by(Meeting.id)
        )
        grouped: dict[int, list[Meeting]] = {}
        for m in rows:
            grouped.setdefault(m.series_id, []).append(m)
        for series in s.scalars(select(Series).where(Series.id.in_(series_ids))):
            group = grouped.get(series.id)
            if group:
                uid = series.uid or f"series-{series.id}"
                out.append(_entry(s, uid, series.interval_weeks, group, pairs, hide))
    return sorted(out, key=lambda e: min(m.start for m in e.meetings))


def _places(s: Session, keys: set[tuple[int, int]], series_ids: set[int]) -> dict:
    if series_ids:
        rows = s.execute(select(Series.expert_id, Series.buddy_id).where(Series.id.in_(series_ids)))
        keys |= {tuple(r) for r in rows}
    if not keys:
        return {}
    experts = {e for e, _ in keys}
    stmt = select(Pair.expert_id, Pair.buddy_id, Pair.place).where(Pair.expert_id.in_(experts))
    return {(e, b): place for e, b, place in s.execute(stmt) if (e, b) in keys}


def _entry(s, uid, interval, group: list[Meeting], places, hide) -> CalendarEntry:
    first = group[0]
    expert, buddy = first.expert, first.buddy
    return CalendarEntry(
        uid=uid,
        buddy=Side(buddy.id, "" if buddy.id in hide else buddy.name or ""),
        expert=Side(expert.id, "" if expert.id in hide else expert.name or ""),
        place=places.get((first.expert_id, first.buddy_id)),
        interval_weeks=interval,
        meetings=tuple(
            Occurrence(
                m.uid,
                m.sequence,
                m.starts_at,
                m.ends_at,
                m.state,
                (m.occurrence_at or m.starts_at) if interval else None,
            )
            for m in group
        ),
    )


def calendar_file(
    s: Session,
    meetings: list[Meeting],
    *,
    lang: str,
    now: datetime,
    tz,
    cancelled: bool = False,
    hide: frozenset[int] = frozenset(),
    entries: list[CalendarEntry] | None = None,
) -> tuple[str, str, bytes]:
    """(file name, mime type, data) of the calendar file about these meetings: what
    the calendar should show now, or METHOD:CANCEL for them (`entries`: theirs, if
    the caller read them already)."""
    if entries is None:
        entries = entries_for(s, meetings, hide)
    if cancelled:
        data = cancel_ics(entries, {m.uid for m in meetings}, lang=lang, now=now, tz=tz)
    else:
        data = calendar_ics(entries, lang=lang, now=now, tz=tz)
    first = min(meetings, key=lambda m: m.starts_at)
    return f"jourfixe-{first.starts_at.astimezone(tz):%Y-%m-%d}-{first.uid[:6]}.ics", _MIME, data


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class CalendarsMixin(BookingBase):
    # -- calendar files ----------------------------------------------------------------
    def calendar_file(
        self, reader_id: int, meeting_ids: list[int], *, cancelled: bool = False
    ) -> tuple[str, str, bytes]:
        """The calendar file about these meetings for one of their people, in that
        person's language."""
        with self._uow() as uow:
            reader = uow.session.get(Person, reader_id)
            if reader is None:
                raise BookingError("unknown_meeting", id=meeting_ids[0] if meeting_ids else 0)
            return self._files(uow.session, meeting_ids, [reader.lang], cancelled)[reader.lang]

    def calendar_files(
        self, meeting_ids: list[int], langs: Iterable[str], *, cancelled: bool = False
    ) -> dict[str, tuple[str, str, bytes]]:
        """The calendar file about these meetings in each of `langs`: a file differs
        only by its reader's language, so both sides' files come from one read."""
        with self._uow() as uow:
            return self._files(uow.session, meeting_ids, langs, cancelled)

    def _files(
        self, s: Session, meeting_ids: list[int], langs: Iterable[str], cancelled: bool
    ) -> dict[str, tuple[str, str, bytes]]:
        people = (joinedload(Meeting.expert), joinedload(Meeting.buddy))  # named in the file
        stmt = select(Meeting).where(Meeting.id.in_(meeting_ids)).options(*people)
        meetings = list(s.scalars(stmt))
        if not meetings:
            raise BookingError("unknown_meeting", id=meeting_ids[0] if meeting_ids else 0)
        entries = entries_for(s, meetings)
        now = self._clock()
        return {
            lang: calendar_file(
                s, meetings, lang=lang, now=now, tz=self.tz, cancelled=cancelled, entries=entries
            )
            for lang in dict.fromkeys(langs)
        }

    # -- the pair's meeting place ------------------------------------------------------
    def places(self, person_id: int) -> list[tuple[Party, str | None]]:
        """The person's partners (an expert's buddy, a buddy's experts) with the place
        each pair meets at."""
        with self._uow() as uow:
            return [
                (self._party(other), pair.place)
                for pair, other in self._pairs(uow.session, person_id)
            ]

    def set_place(
        self,
        person_id: int,
        place: str | None,
        partner_id: int | None = None,
        *,
        for_all: bool = False,
    ) -> tuple[list[Party], list[tuple[Party, str]]]:
        """Set (None: clear) the meeting place of the person's pairs, or of the pair
        with `partner_id` only; returns the partners concerned and those kept with
        their own place. A place for one pair (the partner named, or set by the expert)
        is that pair's own: a buddy's general place leaves it, unless `for_all`."""
        if place is not None and len(place) > PLACE_MAX:
            raise BookingError("place_too_long", limit=PLACE_MAX)
        with self._write() as uow:
            pairs = self._pairs(uow.session, person_id)
            if partner_id is not None:
                pairs = [(p, o) for p, o in pairs if o.id == partner_id]
            if not pairs:
                raise BookingError("no_pair")
            own = partner_id is not None or all(p.expert_id == person_id for p, _ in pairs)
            kept = []
            if not own and not for_all:
                kept = [(p, o) for p, o in pairs if p.place_own and p.place is not None]
                pairs = [(p, o) for p, o in pairs if (p, o) not in kept]
            now = self._clock()
            for pair, _ in pairs:
                pair.place_own = own and place is not None
                if pair.place == place:
                    continue
                pair.place = place
                # a new LOCATION is a change: SEQUENCE must rise, or calendar apps may keep
                # the old place (a series' SEQUENCE is the sum of its meetings')
                for m in uow.session.scalars(
                    select(Meeting).where(
                        Meeting.expert_id == pair.expert_id,
                        Meeting.buddy_id == pair.buddy_id,
                        Meeting.state.in_(ACTIVE_STATES),
                        Meeting.ends_at > now,
                    )
                ):
                    m.sequence += 1
            return (
                [self._party(other) for _, other in pairs],
                [(self._party(other), pair.place) for pair, other in kept],
            )

    def person_named(self, name: str) -> bool:
        """Whether someone has this name (full or first name, any case)."""
        wanted = name.strip().lower()
        if not wanted or len(wanted) > 200:
            return False
        with self._uow() as uow:
            names = uow.session.scalars(
                select(Person.name).where(
                    func.lower(Person.name).startswith(wanted, autoescape=True)
                )
            )
            return any(n.lower() == wanted or n.lower().split(" ")[0] == wanted for n in names)

    def place_of(self, expert_id: int, buddy_id: int) -> str | None:
        with UnitOfWork(self._sessions, read_only=True) as uow:  # one SELECT
            return uow.session.scalar(
                select(Pair.place).where(Pair.expert_id == expert_id, Pair.buddy_id == buddy_id)
            )

    @staticmethod
    def _pairs(s: Session, person_id: int) -> list[tuple[Pair, Person]]:
        stmt = select(Pair).where(or_(Pair.expert_id == person_id, Pair.buddy_id == person_id))
        out = []
        for pair in s.scalars(stmt.order_by(Pair.id)):
            out.append((pair, pair.buddy if pair.expert_id == person_id else pair.expert))
        return out

    # -- the private calendar feed ------------------------------------------------------
    def feed_since(self, person_id: int) -> datetime | None:
        """When the person's feed link was made (None: they have none)."""
        with self._uow() as uow:
            return uow.session.scalar(
                select(CalendarFeed.created_at).where(CalendarFeed.person_id == person_id)
            )

    def new_feed_secret(self, person_id: int) -> str:
        """A new secret for the person's feed; an old one stops working. Only its
        hash is stored: the link is shown once."""
        secret = secrets.token_urlsafe(24)
        with self._write() as uow:
            s = uow.session
            s.execute(delete(CalendarFeed).where(CalendarFeed.person_id == person_id))
            s.add(
                CalendarFeed(
                    person_id=person_id, secret_hash=_hash(secret), created_at=self._clock()
                )
            )
        return secret

    def end_feed(self, person_id: int) -> bool:
        """Switch the person's feed off (False: there was none)."""
        with self._write() as uow:
            gone = uow.session.execute(
                delete(CalendarFeed).where(CalendarFeed.person_id == person_id)
            )
            return bool(gone.rowcount)

    def feed(self, secret: str) -> bytes | None:
        """The calendar of the person the secret belongs to (their meetings from 30
        days back and all ahead), or None: unknown secret, or the person is revoked,
        erased or no longer an expert or buddy."""
        if not secret or len(secret) > 100:
            return None
        wanted = _hash(secret)
        now = self._clock()
        with self._uow() as uow:
            s = uow.session
            row = s.scalars(select(CalendarFeed).where(CalendarFeed.secret_hash == wanted)).first()
            if row is None or not hmac.compare_digest(row.secret_hash, wanted):
                return None
            person = s.get(Person, row.person_id)
            if person is None or person.active_role not in (Role.EXPERT, Role.BUDDY):
                return None
            stmt = select(Meeting).where(
                or_(Meeting.expert_id == person.id, Meeting.buddy_id == person.id),
                Meeting.ends_at > now - timedelta(days=FEED_DAYS),
            )
            entries = entries_for(s, s.scalars(stmt))
            name = t("ics_feed_name", person.lang)
            return calendar_ics(entries, lang=person.lang, now=now, tz=self.tz, method=None,
                                name=name)  # fmt: skip
