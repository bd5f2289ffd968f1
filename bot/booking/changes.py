"""Moves and cancellations of active meetings, and listing them."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from sqlalchemy import delete, select

from bot.booking.base import (
    BookingBase,
    BookingError,
    MeetingView,
    S,
    _ahead,
    _meeting,
    _own_pair,
    _with_people,
)
from bot.booking.timeparse import Window
from bot.localtime import local_moment
from storage import outbox
from storage.models import ACTIVE_STATES, Meeting, MeetingCell, MeetingEvent

__all__ = ["ChangesMixin"]

DAY = timedelta(days=1)


class ChangesMixin(BookingBase):
    """Cancel or move an active meeting (same UID, SEQUENCE + 1); list upcoming ones."""

    def cancel(self, person_id: int, meeting_id: int) -> MeetingView:
        now = self._clock()
        with self._write() as uow:
            m = _meeting(uow.session, meeting_id, person_id)
            if m.state not in ACTIVE_STATES:
                raise BookingError("not_active", state=m.state)
            m.sequence += 1
            self._set_state(uow.session, m, S.CANCELLED, person_id, now)
            view = self._view(m)
            return view

    def cancel_group(self, person_id: int, meeting_id: int, scope: str) -> list[MeetingView]:
        """Cancel one meeting ("one"), it and the later ones of its series
        ("following"), or every upcoming one of its series ("series")."""
        now = self._clock()
        with self._write() as uow:
            group = self._group(uow.session, person_id, meeting_id, scope, now)
            for m in group:
                m.sequence += 1
                self._set_state(uow.session, m, S.CANCELLED, person_id, now)
            return [self._view(m) for m in group]

    def group(self, person_id: int, meeting_id: int, scope: str) -> list[MeetingView]:
        """The upcoming active meetings `cancel_group` would cancel (for the question)."""
        with self._uow() as uow:
            return [
                self._view(m)
                for m in self._group(uow.session, person_id, meeting_id, scope, self._clock())
            ]

    def _group(self, s, person_id: int, meeting_id: int, scope: str, now: datetime):
        m = _meeting(s, meeting_id, person_id)
        if m.state not in ACTIVE_STATES:
            raise BookingError("not_active", state=m.state)
        if scope == "one" or not m.series_id:
            return [m]
        stmt = select(Meeting).where(
            Meeting.series_id == m.series_id,
            Meeting.state.in_(ACTIVE_STATES),
            Meeting.ends_at > now,
        )
        if scope == "following":
            stmt = stmt.where(Meeting.starts_at >= m.starts_at)
        return list(s.scalars(stmt.order_by(Meeting.starts_at)))

    def move(self, person_id: int, meeting_id: int, start: datetime) -> MeetingView:
        """Move an active meeting to a free slot of the pair; same UID, SEQUENCE + 1."""
        return self.move_group(person_id, meeting_id, start, "one")[0]

    def move_group(
        self, person_id: int, meeting_id: int, start: datetime, scope: str, skip: bool = False
    ) -> list[MeetingView]:
        """Move one meeting, it and the later ones of its series, or the whole
        series, by the same step on the wall clock (Do 14:00 -> Fr 10:00 moves every
        Thursday to the Friday after it). All or nothing: if one new time is not
        free, nothing moves (BookingError "move_conflict", naming each such time and
        why: taken, and by whom if the mover may know, or no free time); with `skip`,
        the others move and those stay where they are. A single meeting's new time
        that is not free: "slot_taken" (taken) or "not_free" (outside the free times)."""
        now = self._clock()
        with self._write() as uow:
            s = uow.session
            m = _meeting(s, meeting_id, person_id)
            group = self._group(s, person_id, meeting_id, scope, now)
            pair, ids = _own_pair(m), {g.id for g in group}
            step = _wall(start, self.tz) - _wall(m.starts_at, self.tz)
            moves, blocked = [], []
            for g in group:
                wall = _wall(g.starts_at, self.tz) + step
                target = local_moment(wall.date(), wall.time(), self.tz)
                length = (g.ends_at - g.starts_at) // timedelta(minutes=1)
                if self._move_fits(s, pair, target, ids, length, person_id, g):
                    moves.append((g, target))
                else:
                    blocked.append(self._why_not(s, pair, target, g, ids, person_id))
            if blocked and len(group) == 1:
                [(_, why, name)] = blocked
                near = self._around(s, m, limit=3, to=start)
                hours = self.rules.notice_hours
                raise BookingError(why, tuple(near), when=start, hours=hours, name=name)
            if blocked and (not skip or not moves):
                raise BookingError(
                    "move_conflict", n=len(group), blocked=blocked, movable=len(moves)
                )
            moved = {g.id for g, _ in moves}
            s.execute(delete(MeetingCell).where(MeetingCell.meeting_id.in_(moved)))
            for g, target in moves:
                self._shift(s, g, target, person_id, now)
            if scope == "series" and m.series_id:
                self._replan(s, m.series_id, moved, step)
            return [self._view(g) for g, _ in moves]

    def move_check(
        self, person_id: int, meeting_id: int, start: datetime
    ) -> tuple[str, str, tuple[datetime, ...]] | None:
        """Whether one meeting could move to `start`, without moving it: None if it
        could, else why not ("too_soon", "slot_taken", "not_free"), with whom the time
        is taken (if the mover may know) and the free times closest to it."""
        with self._uow() as uow:
            s = uow.session
            m = _meeting(s, meeting_id, person_id)
            if m.state not in ACTIVE_STATES:
                raise BookingError("not_active", state=m.state)
            pair, length = _own_pair(m), (m.ends_at - m.starts_at) // timedelta(minutes=1)
            if self._move_fits(s, pair, start, {m.id}, length, person_id, m):
                return None
            _, why, name = self._why_not(s, pair, start, m, {m.id}, person_id)
            return why, name, tuple(self._around(s, m, limit=6, to=start))

    def _move_fits(self, s, pair, target: datetime, ignore: set[int], length: int, mover: int, m):
        """Whether a meeting may move to `target`: into the buddy's free times; or –
        the buddy moving his own meeting while none of his free times around it is
        left (all booked: tryout6 row 2) – to any time of a day he is not away, clear
        of the pair's other meetings."""
        if self._fits(s, pair, target, ignore=ignore, minutes=length, horizon=False):
            return True
        if not self._booked_out(s, pair, m, mover):
            return False  # outside his free times while some are free: those are offered
        windows, off, busy = self._calendar(s, pair, ignore)
        calendar = (_mover_windows(windows, target, self.tz), off, busy)
        return self._fits(s, pair, target, calendar=calendar, minutes=length, horizon=False)

    def _booked_out(self, s, pair, m, mover: int) -> bool:
        """The buddy moves his own meeting and no free time around it is left."""
        return mover == pair.buddy_id and not self._closest(s, m, None)[:1]

    def _why_not(self, s, pair, target: datetime, m: Meeting, ignore: set[int], mover: int):
        """Why `m` cannot move to `target`: (target, "too_soon", "slot_taken" or "not_free", the
        name of the person the time is taken with if the mover may know it, else "")."""
        if target < self._clock() + timedelta(hours=self.rules.notice_hours):
            return target, "too_soon", ""
        windows, off, _ = self._calendar(s, pair, ignore)
        length = (m.ends_at - m.starts_at) // timedelta(minutes=1)
        if self._booked_out(s, pair, m, mover):  # any time of the day (see _move_fits)
            windows = _mover_windows(windows, target, self.tz)
        free = (windows, off, [])
        if not self._fits(s, pair, target, calendar=free, minutes=length, horizon=False):
            return target, "not_free", ""
        end = target + (m.ends_at - m.starts_at) + timedelta(minutes=self.rules.buffer_minutes)
        buffer = timedelta(minutes=self.rules.buffer_minutes)
        stmt = select(Meeting).where(
            (Meeting.buddy_id == pair.buddy_id) | (Meeting.expert_id == pair.expert_id),
            Meeting.state.in_(ACTIVE_STATES) | Meeting.proposed_start.is_not(None),
            Meeting.id.not_in(ignore),
        )
        near = s.scalars(stmt.where(Meeting.starts_at.between(target - 2 * DAY, target + 2 * DAY)))
        for other in near:
            begin = other.starts_at if other.state in ACTIVE_STATES else other.proposed_start
            if begin is None:
                continue
            if begin < end and target < begin + (other.ends_at - other.starts_at) + buffer:
                # with whom, if the mover takes part in that meeting (else it is private)
                if mover in (other.buddy_id, other.expert_id):
                    with_ = other.expert if other.buddy_id == mover else other.buddy
                    return target, "slot_taken", with_.name or ""
                return target, "slot_taken", ""
        return target, "slot_taken", ""

    def _replan(self, s, series_id: int, moved: set[int], step) -> None:
        """The whole series moved and none of it was held yet: its planned dates move
        with it, so calendars get one repeating event at the new time (not an
        override per meeting). Once a meeting was held, the moved ones stay
        overrides of the planned dates (the held ones keep their place)."""
        siblings = list(s.scalars(select(Meeting).where(Meeting.series_id == series_id)))
        if any(x.state in ACTIVE_STATES and x.id not in moved for x in siblings):
            return
        for x in siblings:
            wall = _wall(x.occurrence_at or x.starts_at, self.tz) + step
            x.occurrence_at = local_moment(wall.date(), wall.time(), self.tz)

    def _shift(self, s, m: Meeting, start: datetime, person_id: int, now: datetime) -> None:
        old_start = m.starts_at
        m.ends_at = start + (m.ends_at - m.starts_at)
        m.starts_at, m.sequence = start, m.sequence + 1
        s.flush()
        self._hold(s, m)
        s.add(
            MeetingEvent(
                meeting_id=m.id,
                at=now,
                action="moved",
                by_person_id=person_id,
                old_start=old_start,
                new_start=start,
            )
        )
        outbox.cancel(s, ref=f"meeting:{m.id}")
        if m.state == S.CONFIRMED:
            self._plan_reminders(s, m, now)
        else:
            self._remind_buddy(s, m, now)

    def move_slots(self, person_id: int, meeting_id: int) -> list[datetime]:
        """Free slots to move a meeting to: of the buddy it was made with, from a week
        before its date to two weeks after (never in the past), closest first."""
        with self._uow() as uow:
            m = _meeting(uow.session, meeting_id, person_id)
            if m.state not in ACTIVE_STATES:
                raise BookingError("not_active", state=m.state)
            return self._closest(uow.session, m)

    def _closest(self, s, m, to: datetime | None = None) -> list[datetime]:
        """Free slots from a week before the meeting to two weeks after, closest to
        `to` (the time asked for; else the meeting's own time) first."""
        day = m.starts_at.astimezone(self.tz).date()
        days = [day + timedelta(days=n) for n in range(-7, 15)]
        slots = self._slots(s, _own_pair(m), limit=None, ignore=m.id, days=days)
        to = to or m.starts_at
        day_to = to.astimezone(self.tz).date()

        def distance(x: datetime) -> tuple[bool, timedelta]:  # that day's times first
            return x.astimezone(self.tz).date() != day_to, abs(x - to)

        return sorted((x for x in slots if x != m.starts_at), key=distance)

    def _around(self, s, m, limit: int, to: datetime | None = None) -> list[datetime]:
        """The free slots closest to the meeting, or to `to`, the time asked for (that
        day's first); by date."""
        closest = self._closest(s, m, to)[:limit]
        if to is None:
            return sorted(closest)
        day = to.astimezone(self.tz).date()
        return sorted(closest, key=lambda x: (x.astimezone(self.tz).date() != day, x))

    def upcoming(self, person_id: int, limit: int = 20) -> list[MeetingView]:
        now = self._clock()
        with self._uow() as uow:
            stmt = _ahead(person_id, now).limit(limit)
            return [self._view(m) for m in uow.session.scalars(stmt).unique()]

    def agenda(
        self, person_id: int, limit: int = 20
    ) -> tuple[list[MeetingView], list[MeetingView]]:
        """What /termine shows, from one read: the upcoming meetings (as `upcoming`) and
        the counter-proposals still open between this person and the other side (the
        request they replace is declined, so it is no upcoming meeting)."""
        now = self._clock()
        open_proposal = (
            Meeting.proposed_start.is_not(None)
            & (Meeting.proposed_start > now)
            & (Meeting.decided_at > self._expiry_cutoff(now))
        )
        stmt = (
            select(Meeting)
            .options(*_with_people(Meeting))
            .where(
                (Meeting.expert_id == person_id) | (Meeting.buddy_id == person_id),
                (Meeting.state.in_(ACTIVE_STATES) & (Meeting.ends_at > now)) | open_proposal,
            )
            .order_by(Meeting.starts_at)
            .limit(limit + 10)
        )
        with self._uow() as uow:
            found = [self._view(m) for m in uow.session.scalars(stmt).unique()]
        ahead = [m for m in found if m.proposed_start is None][:limit]
        return ahead, [m for m in found if m.proposed_start is not None]

    def get(self, person_id: int, meeting_id: int) -> MeetingView:
        with self._uow() as uow:
            return self._view(_meeting(uow.session, meeting_id, person_id))


def _wall(moment: datetime, tz) -> datetime:
    return moment.astimezone(tz).replace(tzinfo=None)


def _mover_windows(windows: list, target: datetime, tz) -> list:
    """The buddy's free times and the whole day of `target` (a booked-out buddy
    moving his own meeting knows his calendar)."""
    return [*windows, Window(time(0), time(23, 59), day=target.astimezone(tz).date())]
