"""Jour Fixe booking over the database: availability, requests, decisions, moves.

Each method is one transaction. No double booking: every active meeting holds
grid cells of both people's calendars, and the table's primary key (person, cell)
refuses a second meeting on the same cell, whichever process tries.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import delete, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from bot.booking import Rules, cells, free_slots, local_moment, series_starts
from bot.ics import jour_fixe_file
from bot.texts import fmt_when, t
from bot.timeparse import Window
from storage import outbox
from storage.models import (
    ACTIVE_STATES,
    Availability,
    Edition,
    Meeting,
    MeetingCell,
    MeetingEvent,
    MeetingState,
    Pair,
    Person,
    Series,
)  # fmt: skip
from storage.repo import UnitOfWork

__all__ = ["BookingError", "JourFixe", "MeetingView", "Party"]

S = MeetingState


class BookingError(Exception):
    def __init__(self, key: str, alternatives: tuple[datetime, ...] = (), **fields: object) -> None:
        super().__init__(key)
        self.key, self.alternatives, self.fields = key, alternatives, fields


@dataclass(frozen=True)
class Party:
    person_id: int
    name: str
    lang: str
    platform: str | None  # None: not linked to any chat yet
    chat_id: str | None


@dataclass(frozen=True)
class MeetingView:
    id: int
    uid: str
    expert: Party
    buddy: Party
    starts_at: datetime
    ends_at: datetime
    state: str
    sequence: int
    series_id: int | None
    proposed_start: datetime | None

    def other(self, person_id: int) -> Party:
        return self.buddy if person_id == self.expert.person_id else self.expert


def _party(p: Person) -> Party:
    ident = p.identities[0] if p.identities else None
    return Party(p.id, p.name or "", p.lang, ident and ident.platform, ident and ident.chat_id)


def _view(m: Meeting) -> MeetingView:
    return MeetingView(m.id, m.uid, _party(m.expert), _party(m.buddy), m.starts_at, m.ends_at,
                       m.state, m.sequence, m.series_id, m.proposed_start)  # fmt: skip


class JourFixe:
    def __init__(self, sessions: sessionmaker[Session], clock: Callable[[], datetime] | None = None,
                 rules: Rules | None = None, tz: str = "Europe/Berlin") -> None:  # fmt: skip
        self._sessions = sessions
        self._clock = clock or (lambda: datetime.now(UTC))
        self.rules = rules or Rules()
        self.tz = ZoneInfo(tz)

    def _uow(self) -> UnitOfWork:
        return UnitOfWork(self._sessions)

    @contextmanager
    def _write(self, expert_id: int | None = None) -> Iterator[UnitOfWork]:
        """A unit of work for a booking change. A lost race (a cell someone else took,
        a meeting changed by someone else meanwhile) becomes a BookingError and
        nothing is written."""
        with self._uow() as uow:
            try:
                yield uow
                uow.commit()
            except IntegrityError as exc:
                uow.session.rollback()
                alternatives = tuple(self.slots(expert_id, limit=3)) if expert_id else ()
                raise BookingError("slot_taken", alternatives) from exc
            except StaleDataError:
                uow.session.rollback()
                raise BookingError("changed_meanwhile") from None

    # -- availability -------------------------------------------------------------
    def set_windows(self, buddy_id: int, windows: list[Window]) -> None:
        """Weekly windows replace the weekly ones; dated windows are added."""
        with self._uow() as uow:
            if any(w.weekday is not None for w in windows):
                uow.session.execute(delete(Availability).where(
                    Availability.buddy_id == buddy_id, Availability.kind == "weekly"))  # fmt: skip
            for w in windows:
                uow.session.add(Availability(buddy_id=buddy_id, kind="weekly" if w.day is None else "once",
                                             weekday=w.weekday, day=w.day, start_time=w.start,
                                             end_time=w.end))  # fmt: skip
            uow.commit()

    def set_slot_minutes(self, buddy_id: int, minutes: int) -> None:
        """A buddy's Jour Fixe length; a multiple of the grid, 15 minutes to 3 hours."""
        grid = self.rules.grid_minutes
        if minutes % grid or not grid <= minutes <= 180:
            raise BookingError("bad_length", grid=grid)
        with self._uow() as uow:
            uow.people.get(buddy_id).slot_minutes = minutes
            uow.commit()

    def slot_minutes(self, buddy_id: int) -> int:
        with self._uow() as uow:
            return uow.people.get(buddy_id).slot_minutes

    def add_off(self, buddy_id: int, first: date, last: date) -> None:
        with self._uow() as uow:
            uow.session.add(Availability(buddy_id=buddy_id, kind="off", day=first, day_until=last))
            uow.commit()

    def clear_windows(self, buddy_id: int) -> None:
        with self._uow() as uow:
            uow.session.execute(delete(Availability).where(Availability.buddy_id == buddy_id))
            uow.commit()

    def availability(self, buddy_id: int) -> tuple[list[Window], list[tuple[date, date]]]:
        with self._uow() as uow:
            return _availability(uow.session, buddy_id, self._clock().astimezone(self.tz).date())

    def buddy(self, expert_id: int) -> Party:
        with self._uow() as uow:
            return _party(_pair(uow.session, expert_id).buddy)

    # -- slots ----------------------------------------------------------------------
    def slots(
        self, expert_id: int, *, limit: int | None = 8, ignore: int | None = None
    ) -> list[datetime]:
        """Next free slots of the expert's pair (`ignore`: a meeting being moved)."""
        with self._uow() as uow:
            pair = _pair(uow.session, expert_id)
            return self._slots(uow.session, pair, limit=limit, ignore=ignore)

    def _slots(self, session: Session, pair: Pair, *, limit: int | None, ignore: int | None = None,
               day: date | None = None) -> list[datetime]:  # fmt: skip
        now = self._clock()
        windows, off = _availability(session, pair.buddy_id, now.astimezone(self.tz).date())
        buffer = timedelta(minutes=self.rules.buffer_minutes)
        stmt = select(Meeting.starts_at, Meeting.ends_at).where(
            (Meeting.buddy_id == pair.buddy_id) | (Meeting.expert_id == pair.expert_id),
            Meeting.state.in_(ACTIVE_STATES), Meeting.ends_at > now, Meeting.id != (ignore or -1))  # fmt: skip
        busy = [(s, e + buffer) for s, e in session.execute(stmt)]
        found = free_slots(windows, off, busy, now=now, tz=self.tz, rules=self.rules,
                           slot_minutes=pair.buddy.slot_minutes, limit=limit, day=day)  # fmt: skip
        return list(found)

    # -- requests -------------------------------------------------------------------
    def request(
        self, expert_id: int, start: datetime, interval_weeks: int = 0
    ) -> list[MeetingView]:
        """Request a Jour Fixe (and, with an interval, a series until the program end).
        Raises BookingError('slot_taken') with fresh alternatives if the slot is gone."""
        now = self._clock()
        with self._write(expert_id) as uow:
            s = uow.session
            pair = _pair(s, expert_id)
            if start not in self._slots(s, pair, limit=None, day=start.astimezone(self.tz).date()):
                raise BookingError("slot_taken", tuple(self._slots(s, pair, limit=3)))
            starts = [start]
            series = None
            if interval_weeks:
                series = Series(expert_id=expert_id, buddy_id=pair.buddy_id,
                                interval_weeks=interval_weeks, created_at=now)  # fmt: skip
                s.add(series)
                s.flush()
                _, off = _availability(s, pair.buddy_id, now.astimezone(self.tz).date())
                starts = [t for t in series_starts(start, interval_weeks, self._series_end(s), self.tz)
                          if t == start or not any(a <= t.astimezone(self.tz).date() <= b for a, b in off)]  # fmt: skip
            length = timedelta(minutes=pair.buddy.slot_minutes)
            meetings = []
            for t in starts:
                if t != start and self._taken(s, pair, t, t + length):
                    continue  # a later occurrence collides: skip it, keep the rest
                meetings.append(self._add_meeting(s, pair, t, t + length, series, now))
            if meetings:
                self._remind_buddy(s, meetings[0], now)
            views = [_view(m) for m in meetings]
            return views

    def _series_end(self, session: Session) -> date:
        """The end of the active edition's program; without one (or if it is over),
        a default number of weeks from today."""
        today = self._clock().astimezone(self.tz).date()
        edition = session.scalars(select(Edition).where(Edition.active.is_(True))).first()
        if edition is not None and edition.ends_on > today:
            return edition.ends_on
        return today + timedelta(weeks=self.rules.series_weeks_default)

    def _taken(self, session: Session, pair: Pair, start: datetime, end: datetime) -> bool:
        wanted = cells(start, end, self.rules)
        stmt = select(MeetingCell.cell).where(
            MeetingCell.person_id.in_((pair.expert_id, pair.buddy_id)), MeetingCell.cell.in_(wanted)
        )
        return session.execute(stmt.limit(1)).first() is not None

    def _add_meeting(self, s: Session, pair: Pair, start: datetime, end: datetime,
                     series: Series | None, now: datetime) -> Meeting:  # fmt: skip
        m = Meeting(uid=uuid.uuid4().hex, expert_id=pair.expert_id, buddy_id=pair.buddy_id,
                    series_id=series.id if series else None, starts_at=start, ends_at=end,
                    state=S.REQUESTED, sequence=0, requested_at=now)  # fmt: skip
        s.add(m)
        s.flush()
        self._hold(s, m)
        s.add(MeetingEvent(meeting_id=m.id, at=now, action="requested", by_person_id=pair.expert_id,
                           new_start=start))  # fmt: skip
        return m

    def _hold(self, s: Session, m: Meeting) -> None:
        """Take the meeting's cells in both calendars: one multi-row INSERT."""
        rows = [{"person_id": p, "cell": c, "meeting_id": m.id}
                for p in (m.expert_id, m.buddy_id) for c in cells(m.starts_at, m.ends_at, self.rules)]  # fmt: skip
        s.execute(insert(MeetingCell).values(rows))

    # -- decisions --------------------------------------------------------------------
    def pending(self, buddy_id: int) -> list[MeetingView]:
        """Requests waiting for this buddy, one per series (the first occurrence)."""
        with self._uow() as uow:
            stmt = select(Meeting).where(Meeting.buddy_id == buddy_id, Meeting.state == S.REQUESTED)
            seen, out = set(), []
            for m in uow.session.scalars(stmt.order_by(Meeting.starts_at)):
                key = m.series_id or -m.id
                if key not in seen:
                    seen.add(key)
                    out.append(_view(m))
            return out

    def decide(self, buddy_id: int, meeting_id: int, accept: bool) -> list[MeetingView]:
        """Confirm or decline a request (a whole series at once)."""
        now = self._clock()
        with self._write() as uow:
            m = _meeting(uow.session, meeting_id, buddy_id)
            if m.buddy_id != buddy_id:
                raise BookingError("not_yours")
            if m.state != S.REQUESTED:
                raise BookingError("not_pending", state=m.state)
            group = [m]
            if m.series_id:
                stmt = select(Meeting).where(
                    Meeting.series_id == m.series_id, Meeting.state == S.REQUESTED
                )
                group = list(uow.session.scalars(stmt.order_by(Meeting.starts_at)))
            for g in group:
                self._set_state(
                    uow.session, g, S.CONFIRMED if accept else S.DECLINED, buddy_id, now
                )
                if accept:
                    self._plan_reminders(uow.session, g, now)
            views = [_view(g) for g in group]
            return views

    def propose(self, buddy_id: int, meeting_id: int, start: datetime) -> MeetingView:
        """Decline with a counter-proposal the expert can accept with one tap."""
        now = self._clock()
        with self._write() as uow:
            m = _meeting(uow.session, meeting_id, buddy_id)
            if m.buddy_id != buddy_id or m.state != S.REQUESTED:
                raise BookingError("not_pending", state=m.state)
            self._set_state(uow.session, m, S.DECLINED, buddy_id, now)
            m.proposed_start = start
            view = _view(m)
            return view

    def accept_proposal(self, expert_id: int, meeting_id: int) -> MeetingView:
        """Book the buddy's counter-proposal; it is confirmed at once."""
        now = self._clock()
        with self._write(expert_id) as uow:
            s = uow.session
            old = _meeting(s, meeting_id, expert_id)
            if old.expert_id != expert_id or old.proposed_start is None:
                raise BookingError("not_pending", state=old.state)
            pair = _pair(s, expert_id)
            start = old.proposed_start
            end = start + timedelta(minutes=pair.buddy.slot_minutes)
            if start <= now or self._taken(s, pair, start, end):
                raise BookingError("slot_taken", tuple(self._slots(s, pair, limit=3)))
            old.proposed_start = None
            m = self._add_meeting(s, pair, start, end, None, now)
            self._set_state(s, m, S.CONFIRMED, pair.buddy_id, now)
            self._plan_reminders(s, m, now)
            view = _view(m)
            return view

    def _set_state(
        self, s: Session, m: Meeting, state: MeetingState, by: int | None, now: datetime
    ) -> None:
        """Change state; leaving "requested" drops the buddy's pending reminder, and an
        inactive meeting frees its calendar cells and drops all its reminders."""
        m.state, m.decided_at = state.value, now
        outbox.cancel(s, ref=f"meeting:{m.id}", kind="pending")
        if state.value not in ACTIVE_STATES:
            s.execute(delete(MeetingCell).where(MeetingCell.meeting_id == m.id))
            outbox.cancel(s, ref=f"meeting:{m.id}")
        s.add(MeetingEvent(meeting_id=m.id, at=now, action=state.value, by_person_id=by))

    # -- reminders in the outbox (same transaction as the change) ----------------------------
    def _plan_reminders(self, s: Session, m: Meeting, now: datetime) -> None:
        """Reminders before a confirmed meeting for both people, at each person's
        offsets, counted back from the local start (right across the DST switch)."""
        drafts = []
        for me, other in ((m.expert, m.buddy), (m.buddy, m.expert)):
            ident = _reachable(me)
            if ident is None:
                continue
            offsets = sorted(
                (int(x) for x in me.reminder_minutes.split(",") if x.strip()), reverse=True
            )
            for i, minutes in enumerate(offsets):
                due = self._before(m.starts_at, minutes)
                if due <= now:
                    continue
                text = t("meeting_reminder", me.lang, when=fmt_when(m.starts_at, me.lang, self.tz),
                         other=other.name or "", before=_before_text(minutes, me.lang))  # fmt: skip
                file = jour_fixe_file([m], cancelled=False, now=now, tz=self.tz) if i == 0 else None
                drafts.append(outbox.Draft(
                    kind="meeting", dedupe_key=f"mt:{m.id}:{m.sequence}:{me.id}:{minutes}",
                    platform=ident.platform, chat_id=ident.chat_id, text=text, due_at=due,
                    event_at=m.starts_at, ref=f"meeting:{m.id}", file=file))  # fmt: skip
        outbox.enqueue(s, drafts, now)

    def _remind_buddy(self, s: Session, m: Meeting, now: datetime) -> None:
        """If the buddy has not answered after a day, remind them once."""
        ident = _reachable(m.buddy)
        due = now + timedelta(hours=min(24, self.rules.request_ttl_hours / 2))
        if ident is None or due >= m.starts_at:
            return
        text = t("pending_reminder", m.buddy.lang, expert=m.expert.name or "",
                 when=fmt_when(m.starts_at, m.buddy.lang, self.tz))  # fmt: skip
        buttons = (
            (t("confirm", m.buddy.lang), f"jf:yes:{m.id}"),
            (t("decline", m.buddy.lang), f"jf:no:{m.id}"),
        )
        outbox.enqueue(s, [outbox.Draft(
            kind="pending", dedupe_key=f"pd:{m.id}:{m.sequence}", platform=ident.platform,
            chat_id=ident.chat_id, text=text, due_at=due, event_at=m.starts_at, ref=f"meeting:{m.id}",
            buttons=buttons)], now)  # fmt: skip

    def _before(self, start: datetime, minutes: int) -> datetime:
        """`minutes` before `start` on the wall clock (24 h before 10:00 is 10:00)."""
        local = start.astimezone(self.tz).replace(tzinfo=None) - timedelta(minutes=minutes)
        moment = local_moment(local.date(), local.time(), self.tz)
        return (moment or start - timedelta(minutes=minutes)).astimezone(UTC)

    def set_reminders(self, person_id: int, minutes: list[int]) -> None:
        """A person's reminder offsets before each Jour Fixe; re-plans upcoming ones."""
        now = self._clock()
        with self._write() as uow:
            s = uow.session
            person = uow.people.get(person_id)
            person.reminder_minutes = ",".join(str(m) for m in sorted(set(minutes), reverse=True))
            stmt = select(Meeting).where((Meeting.expert_id == person_id) | (Meeting.buddy_id == person_id),
                                         Meeting.state == S.CONFIRMED, Meeting.starts_at > now)  # fmt: skip
            for m in s.scalars(stmt):
                outbox.delete_pending(s, ref=f"meeting:{m.id}", kind="meeting")
                self._plan_reminders(s, m, now)

    def reminder_minutes(self, person_id: int) -> list[int]:
        with self._uow() as uow:
            return [int(x) for x in uow.people.get(person_id).reminder_minutes.split(",") if x]

    # -- cancel, move, list, expire ---------------------------------------------------------
    def cancel(self, person_id: int, meeting_id: int) -> MeetingView:
        now = self._clock()
        with self._write() as uow:
            m = _meeting(uow.session, meeting_id, person_id)
            if m.state not in ACTIVE_STATES:
                raise BookingError("not_active", state=m.state)
            m.sequence += 1
            self._set_state(uow.session, m, S.CANCELLED, person_id, now)
            view = _view(m)
            return view

    def move(self, person_id: int, meeting_id: int, start: datetime) -> MeetingView:
        """Move an active meeting to a free slot of the pair; same UID, SEQUENCE + 1."""
        now = self._clock()
        with self._write() as uow:
            s = uow.session
            m = _meeting(s, meeting_id, person_id)
            if m.state not in ACTIVE_STATES:
                raise BookingError("not_active", state=m.state)
            pair = _pair(s, m.expert_id)
            if start not in self._slots(
                s, pair, limit=None, ignore=m.id, day=start.astimezone(self.tz).date()
            ):
                raise BookingError("slot_taken", tuple(self._slots(s, pair, limit=3, ignore=m.id)))
            s.execute(delete(MeetingCell).where(MeetingCell.meeting_id == m.id))
            old_start = m.starts_at
            m.ends_at = start + (m.ends_at - m.starts_at)
            m.starts_at, m.sequence = start, m.sequence + 1
            s.flush()
            self._hold(s, m)
            s.add(MeetingEvent(meeting_id=m.id, at=now, action="moved", by_person_id=person_id,
                               old_start=old_start, new_start=start))  # fmt: skip
            outbox.cancel(s, ref=f"meeting:{m.id}")
            if m.state == S.CONFIRMED:
                self._plan_reminders(s, m, now)
            else:
                self._remind_buddy(s, m, now)
            view = _view(m)
            return view

    def upcoming(self, person_id: int, limit: int = 20) -> list[MeetingView]:
        now = self._clock()
        with self._uow() as uow:
            stmt = (select(Meeting).where((Meeting.expert_id == person_id) | (Meeting.buddy_id == person_id),
                                          Meeting.state.in_(ACTIVE_STATES), Meeting.ends_at > now)
                    .order_by(Meeting.starts_at).limit(limit))  # fmt: skip
            return [_view(m) for m in uow.session.scalars(stmt)]

    def get(self, person_id: int, meeting_id: int) -> MeetingView:
        with self._uow() as uow:
            return _view(_meeting(uow.session, meeting_id, person_id))

    def expire_due(self) -> list[MeetingView]:
        """Requests unanswered for longer than the TTL: expired, slots freed."""
        now = self._clock()
        cutoff = now - timedelta(hours=self.rules.request_ttl_hours)
        with self._write() as uow:
            stmt = select(Meeting).where(
                Meeting.state == S.REQUESTED, Meeting.requested_at <= cutoff
            )
            due = list(uow.session.scalars(stmt.order_by(Meeting.starts_at)))
            for m in due:
                self._set_state(uow.session, m, S.EXPIRED, None, now)
            views = [_view(m) for m in due]
            return views


def _reachable(person: Person):
    """The person's chat identity for reminders, or None (not linked, or blocked us)."""
    return next((i for i in person.identities if i.unreachable_at is None), None)


def _before_text(minutes: int, lang: str) -> str:
    if minutes % 1440 == 0:
        n = minutes // 1440
        return {
            "de": "morgen" if n == 1 else f"in {n} Tagen",
            "en": "tomorrow" if n == 1 else f"in {n} days",
        }[lang]
    if minutes % 60 == 0:
        n = minutes // 60
        return {
            "de": f"in {n} Stunde{'n' if n > 1 else ''}",
            "en": f"in {n} hour{'s' if n > 1 else ''}",
        }[lang]
    return {"de": f"in {minutes} Minuten", "en": f"in {minutes} minutes"}[lang]


def _pair(session: Session, expert_id: int) -> Pair:
    pair = session.scalars(select(Pair).where(Pair.expert_id == expert_id)).first()
    if pair is None:
        raise BookingError("no_buddy")
    return pair


def _meeting(session: Session, meeting_id: int, person_id: int) -> Meeting:
    """A meeting the person takes part in; others' meetings do not exist for them."""
    m = session.get(Meeting, meeting_id)
    if m is None or person_id not in (m.expert_id, m.buddy_id):
        raise BookingError("unknown_meeting", id=meeting_id)
    return m


def _availability(
    session: Session, buddy_id: int, today: date
) -> tuple[list[Window], list[tuple[date, date]]]:
    rows = session.scalars(select(Availability).where(Availability.buddy_id == buddy_id))
    windows, off = [], []
    for a in rows:
        if a.kind == "off":
            if a.day_until >= today:
                off.append((a.day, a.day_until))
        elif a.kind == "weekly" or a.day >= today:
            windows.append(Window(a.start_time, a.end_time, weekday=a.weekday, day=a.day))
    return sorted(windows, key=lambda w: (w.day or date.min, w.weekday or 0, w.start)), sorted(off)
