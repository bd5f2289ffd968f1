"""Requests and decisions: an expert asks, the buddy confirms, declines or proposes
another time; unanswered requests expire."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from bot.booking.base import (
    BookingBase,
    BookingError,
    MeetingView,
    S,
    _availability,
    _meeting,
    _pair,
)
from bot.booking.rules import series_starts
from storage.models import Meeting, Series

__all__ = ["RequestsMixin"]


class RequestsMixin(BookingBase):
    """Request a Jour Fixe (or a series); decide, propose, accept, expire."""

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
                series = Series(
                    expert_id=expert_id,
                    buddy_id=pair.buddy_id,
                    interval_weeks=interval_weeks,
                    created_at=now,
                )
                s.add(series)
                s.flush()
                _, off = _availability(s, pair.buddy_id, now.astimezone(self.tz).date())
                starts = [
                    t
                    for t in series_starts(start, interval_weeks, self._series_end(s), self.tz)
                    if t == start or not any(a <= t.astimezone(self.tz).date() <= b for a, b in off)
                ]
            length = timedelta(minutes=pair.buddy.slot_minutes)
            meetings = []
            for t in starts:
                if t != start and self._taken(s, pair, t, t + length):
                    continue  # a later occurrence collides: skip it, keep the rest
                meetings.append(self._add_meeting(s, pair, t, t + length, series, now))
            if meetings:
                self._remind_buddy(s, meetings[0], now)
            views = [self._view(m) for m in meetings]
            return views

    def pending(self, buddy_id: int) -> list[MeetingView]:
        """Requests waiting for this buddy, one per series (the first occurrence);
        requests past their TTL are left out even before the tick expires them."""
        cutoff = self._expiry_cutoff(self._clock())
        with self._uow() as uow:
            stmt = select(Meeting).where(
                Meeting.buddy_id == buddy_id,
                Meeting.state == S.REQUESTED,
                Meeting.requested_at > cutoff,
            )
            seen, out = set(), []
            for m in uow.session.scalars(stmt.order_by(Meeting.starts_at)):
                key = m.series_id or -m.id
                if key not in seen:
                    seen.add(key)
                    out.append(self._view(m))
            return out

    def decide(self, buddy_id: int, meeting_id: int, accept: bool) -> list[MeetingView]:
        """Confirm or decline a request (a whole series at once)."""
        now = self._clock()
        with self._write() as uow:
            m = _meeting(uow.session, meeting_id, buddy_id)
            if m.buddy_id != buddy_id:
                raise BookingError("not_yours")
            if m.state != S.REQUESTED or self._expired(m, now):
                raise BookingError(
                    "not_pending", state=m.state if m.state != S.REQUESTED else S.EXPIRED.value
                )
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
            views = [self._view(g) for g in group]
            return views

    def propose(self, buddy_id: int, meeting_id: int, start: datetime) -> MeetingView:
        """Decline with a counter-proposal the expert can accept with one tap."""
        now = self._clock()
        with self._write() as uow:
            m = _meeting(uow.session, meeting_id, buddy_id)
            if m.buddy_id != buddy_id or m.state != S.REQUESTED or self._expired(m, now):
                raise BookingError(
                    "not_pending", state=m.state if m.state != S.REQUESTED else S.EXPIRED.value
                )
            self._set_state(uow.session, m, S.DECLINED, buddy_id, now)
            m.proposed_start = start
            view = self._view(m)
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
            view = self._view(m)
            return view

    def expire_due(self) -> list[MeetingView]:
        """Requests unanswered for longer than the TTL: expired, slots freed."""
        now = self._clock()
        cutoff = self._expiry_cutoff(now)
        with self._write() as uow:
            stmt = select(Meeting).where(
                Meeting.state == S.REQUESTED, Meeting.requested_at <= cutoff
            )
            due = list(uow.session.scalars(stmt.order_by(Meeting.starts_at)))
            for m in due:
                self._set_state(uow.session, m, S.EXPIRED, None, now)
            views = [self._view(m) for m in due]
            return views
