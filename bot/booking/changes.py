"""Moves and cancellations of active meetings, and listing them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select

from bot.booking.base import BookingBase, BookingError, MeetingView, S, _meeting, _pair
from storage import outbox
from storage.models import ACTIVE_STATES, Meeting, MeetingCell, MeetingEvent

__all__ = ["ChangesMixin"]


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
            view = self._view(m)
            return view

    def upcoming(self, person_id: int, limit: int = 20) -> list[MeetingView]:
        now = self._clock()
        with self._uow() as uow:
            stmt = (
                select(Meeting)
                .where(
                    (Meeting.expert_id == person_id) | (Meeting.buddy_id == person_id),
                    Meeting.state.in_(ACTIVE_STATES),
                    Meeting.ends_at > now,
                )
                .order_by(Meeting.starts_at)
                .limit(limit)
            )
            return [self._view(m) for m in uow.session.scalars(stmt)]

    def get(self, person_id: int, meeting_id: int) -> MeetingView:
        with self._uow() as uow:
            return self._view(_meeting(uow.session, meeting_id, person_id))
