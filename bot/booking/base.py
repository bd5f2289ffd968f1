"""The shared part of the Jour Fixe service: errors, the views handed to the chat
layer, and the database steps every operation builds on.

Each public method of the service is one transaction. No double booking: every
active meeting holds grid cells of both people's calendars, and the table's
primary key (person, cell) refuses a second meeting on the same cell, whichever
process tries.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam, delete, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from bot.booking.rules import Rules, cells, fits, free_slots
from bot.booking.timeparse import Window
from bot.localtime import Clock, system_clock, zone
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
)
from storage.repo import UnitOfWork

__all__ = ["BookingBase", "BookingError", "MeetingView", "Party"]

S = MeetingState


class BookingError(Exception):
    """A refusal; `key` names the text to show (bot.texts), `fields` fill it in."""

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
    tz: ZoneInfo


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
    requested_at: datetime | None = None  # when the expert asked (None: before it was kept)

    def other(self, person_id: int) -> Party:
        return self.buddy if person_id == self.expert.person_id else self.expert


class BookingBase:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        clock: Clock | None = None,
        rules: Rules | None = None,
        tz: str = "Europe/Berlin",
    ) -> None:
        self._sessions = sessions
        self._clock = clock or system_clock
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

    def _slots(
        self,
        session: Session,
        pair: Pair,
        *,
        limit: int | None,
        ignore: int | set[int] | None = None,
        day: date | None = None,
        days: list[date] | None = None,
        calendar: tuple | None = None,
    ) -> list[datetime]:
        """Free slots of the pair; `calendar`: what `_calendar` read already (a refusal
        offers other slots from the same read)."""
        now = self._clock()
        windows, off, busy = calendar or self._calendar(session, pair, ignore)
        found = free_slots(
            windows,
            off,
            busy,
            now=now,
            tz=self.tz,
            rules=self.rules,
            slot_minutes=pair.buddy.slot_minutes,
            limit=limit,
            day=day,
            days=days,
            until=self._running_until(session),
        )
        return list(found)

    def _fits(
        self,
        session: Session,
        pair: Pair,
        start: datetime,
        *,
        ignore: int | set[int] | None = None,
        calendar: tuple | None = None,
        minutes: int | None = None,
        horizon: bool = True,
    ) -> bool:
        """Whether the pair is free for a meeting at `start` (any start on the grid in
        the buddy's free times, not only the ones offered; `minutes`: its length,
        else the buddy's slot length)."""
        windows, off, busy = calendar or self._calendar(session, pair, ignore)
        return fits(
            start,
            windows,
            off,
            busy,
            now=self._clock(),
            tz=self.tz,
            slot_minutes=minutes or pair.buddy.slot_minutes,
            rules=self.rules,
            horizon=horizon,
            until=self._running_until(session),
        )

    def _calendar(self, session: Session, pair: Pair, ignore: int | set[int] | None = None):
        """The buddy's free times and days away, and the pair's busy times (each with the
        buffer after it): what free slots are computed from."""
        now = self._clock()
        windows, off = _availability(session, pair.buddy_id, now.astimezone(self.tz).date())
        buffer = timedelta(minutes=self.rules.buffer_minutes)
        # active meetings, and the times buddies proposed that wait for an answer (held
        # like a meeting, see RequestsMixin.propose): in one statement
        found = session.execute(
            _BUSY,
            {
                "buddy_id": pair.buddy_id,
                "expert_id": pair.expert_id,
                "now": now,
                "ignore": [ignore] if isinstance(ignore, int) else sorted(ignore or {-1}),
            },
        )
        busy = [(s, e + buffer) if p is None else (p, p + (e - s) + buffer) for s, e, p in found]
        return windows, off, busy

    def _series_end(self, session: Session) -> date:
        """The end of the active edition's program; without one (or if it is over),
        a default number of weeks from today."""
        today = self._clock().astimezone(self.tz).date()
        edition = session.scalars(select(Edition).where(Edition.active.is_(True))).first()
        if edition is not None and edition.ends_on > today:
            return edition.ends_on
        return today + timedelta(weeks=self.rules.series_weeks_default)

    def _running_until(self, session: Session) -> date | None:
        """The last day of the active edition's programme while it runs (no slot is
        offered after it); None when none is known or it is over (the team may go on)."""
        if "program_end" not in session.info:  # read once per unit of work
            session.info["program_end"] = self._program_end(session)
        end = session.info["program_end"]
        today = self._clock().astimezone(self.tz).date()
        return end if end is not None and end >= today else None

    def _program_end(self, session: Session) -> date | None:
        if "program_end" in session.info:
            return session.info["program_end"]
        stmt = select(Edition.ends_on).where(Edition.active.is_(True))
        session.info["program_end"] = end = session.scalars(stmt).first()
        return end

    def _taken(self, session: Session, pair: Pair, start: datetime, end: datetime) -> bool:
        wanted = cells(start, end, self.rules)
        stmt = select(MeetingCell.cell).where(
            MeetingCell.person_id.in_((pair.expert_id, pair.buddy_id)), MeetingCell.cell.in_(wanted)
        )
        return session.execute(stmt.limit(1)).first() is not None

    def _add_meeting(
        self,
        s: Session,
        pair: Pair,
        start: datetime,
        end: datetime,
        series: Series | None,
        now: datetime,
    ) -> Meeting:
        m = Meeting(
            uid=uuid.uuid4().hex,
            expert_id=pair.expert_id,
            buddy_id=pair.buddy_id,
            series_id=series.id if series else None,
            occurrence_at=start if series else None,
            starts_at=start,
            ends_at=end,
            state=S.REQUESTED,
            sequence=0,
            requested_at=now,
        )
        s.add(m)
        s.flush()
        self._hold(s, m)
        # every booking writes this row: a plain INSERT, not an object the session
        # flushes at commit (about 0.4 ms less CPU per booking on PostgreSQL)
        s.execute(
            _INSERT_EVENT,
            {
                "meeting_id": m.id,
                "at": now,
                "action": "requested",
                "by_person_id": pair.expert_id,
                "new_start": start,
            },
        )
        return m

    def _hold(self, s: Session, m: Meeting) -> None:
        """Take the meeting's cells in both calendars: one multi-row INSERT (the rows
        as parameters of one statement, so its compiled form is cached)."""
        rows = [
            {"person_id": p, "cell": c, "meeting_id": m.id}
            for p in (m.expert_id, m.buddy_id)
            for c in cells(m.starts_at, m.ends_at, self.rules)
        ]
        s.execute(_INSERT_CELLS, rows)

    def _hold_cells(self, s, m: Meeting, start: datetime, end: datetime) -> None:
        """Hold a proposed time in both calendars, under the declined request's id."""
        rows = [
            {"person_id": p, "cell": c, "meeting_id": m.id}
            for p in (m.expert_id, m.buddy_id)
            for c in cells(start, end, self.rules)
        ]
        s.execute(_INSERT_CELLS, rows)

    def _drop_proposal(self, s, m: Meeting, by: int | None, now: datetime, action: str | None):
        """The proposal is answered (or lapsed): its time is free again."""
        if action is not None:
            s.add(
                MeetingEvent(
                    meeting_id=m.id, at=now, action=action, by_person_id=by,
                    new_start=m.proposed_start,
                )
            )  # fmt: skip
        m.proposed_start = None
        s.execute(delete(MeetingCell).where(MeetingCell.meeting_id == m.id))

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

    def _party(self, p: Person) -> Party:
        ident = p.identities[0] if p.identities else None
        return Party(
            p.id,
            p.name or "",
            p.lang,
            ident and ident.platform,
            ident and ident.chat_id,
            zone(p.timezone, self.tz),
        )

    def _view(self, m: Meeting) -> MeetingView:
        return MeetingView(
            m.id,
            m.uid,
            self._party(m.expert),
            self._party(m.buddy),
            m.starts_at,
            m.ends_at,
            m.state,
            m.sequence,
            m.series_id,
            m.proposed_start,
            m.requested_at,
        )

    def _expiry_cutoff(self, now: datetime) -> datetime:
        """Requests made at or before this moment have waited longer than the TTL."""
        return now - timedelta(hours=self.rules.request_ttl_hours)

    def _expired(self, m: Meeting, now: datetime) -> bool:
        """A request older than the TTL counts as expired even before the tick marks it."""
        return m.requested_at <= self._expiry_cutoff(now)


def _with_people(model) -> tuple:
    """Load options: a meeting's or pair's expert and buddy with their chat identities,
    in the same statement (a view names both and says where to reach them; loaded
    one by one that took four more statements)."""
    return tuple(
        joinedload(side).joinedload(Person.identities) for side in (model.expert, model.buddy)
    )


# The statements every booking step runs are built once, with bound parameters: building
# them anew (the eager-load options, the OR and IN of the busy times) cost about 0.3 ms of
# CPU per booking press, and a statement built once also keeps its cache key.
_PAIR = select(Pair).where(Pair.expert_id == bindparam("expert_id")).options(*_with_people(Pair))
_BUSY = select(Meeting.starts_at, Meeting.ends_at, Meeting.proposed_start).where(
    (Meeting.buddy_id == bindparam("buddy_id")) | (Meeting.expert_id == bindparam("expert_id")),
    (Meeting.state.in_(ACTIVE_STATES) & (Meeting.ends_at > bindparam("now")))
    | (Meeting.proposed_start > bindparam("now")),
    Meeting.id.not_in(bindparam("ignore", expanding=True)),
)
_INSERT_CELLS = insert(MeetingCell.__table__)
_INSERT_EVENT = insert(MeetingEvent.__table__)
_AVAILABILITY = select(Availability.__table__).where(
    Availability.__table__.c.buddy_id == bindparam("buddy_id")
)


def _pair(session: Session, expert_id: int) -> Pair:
    pair = session.scalars(_PAIR, {"expert_id": expert_id}).unique().first()
    if pair is None:
        raise BookingError("no_buddy")
    return pair


def _own_pair(m: Meeting) -> SimpleNamespace:
    """The pair a meeting was made with (also after the expert got another buddy):
    what free slots and taken cells are checked against when it moves."""
    return SimpleNamespace(expert_id=m.expert_id, buddy_id=m.buddy_id, buddy=m.buddy)


def _ahead(person_id: int, now: datetime):
    """The person's active meetings (as expert or buddy) that have not ended, soonest
    first: what /termine lists and what a revocation or erasure cancels."""
    return (
        select(Meeting)
        .options(*_with_people(Meeting))
        .where(
            (Meeting.expert_id == person_id) | (Meeting.buddy_id == person_id),
            Meeting.state.in_(ACTIVE_STATES),
            Meeting.ends_at > now,
        )
        .order_by(Meeting.starts_at)
    )


def _meeting(session: Session, meeting_id: int, person_id: int) -> Meeting:
    """A meeting the person takes part in; others' meetings do not exist for them."""
    ok = 0 < meeting_id < 2**31
    m = session.get(Meeting, meeting_id, options=_with_people(Meeting)) if ok else None
    if m is None or person_id not in (m.expert_id, m.buddy_id):
        raise BookingError("unknown_meeting", id=meeting_id)
    return m


def _availability(
    session: Session, buddy_id: int, today: date
) -> tuple[list[Window], list[tuple[date, date]]]:
    """The buddy's free times and days away. Read on every booking step: the table's
    rows as plain (Core) rows, not Availability objects (none is changed here)."""
    rows = session.execute(_AVAILABILITY, {"buddy_id": buddy_id})
    windows, off = [], []
    for a in rows:
        if a.kind == "off":
            if a.day_until >= today:
                off.append((a.day, a.day_until))
        elif a.kind == "weekly" or a.day >= today:
            windows.append(Window(a.start_time, a.end_time, weekday=a.weekday, day=a.day))
    return sorted(windows, key=lambda w: (w.day or date.min, w.weekday or 0, w.start)), sorted(off)
