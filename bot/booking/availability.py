"""A buddy's free times and slot length, and the free slots of a pair."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import delete, select

from bot.booking.base import BookingBase, BookingError, Party, _availability, _pair
from bot.booking.timeparse import Window
from storage.models import Availability, Pair

__all__ = ["AvailabilityMixin"]


class AvailabilityMixin(BookingBase):
    """Free times, absences, slot length; free slots of an expert's pair."""

    def set_windows(self, buddy_id: int, windows: list[Window]) -> None:
        """Weekly windows replace the weekly ones; dated windows are added."""
        with self._uow() as uow:
            if any(w.weekday is not None for w in windows):
                uow.session.execute(
                    delete(Availability).where(
                        Availability.buddy_id == buddy_id, Availability.kind == "weekly"
                    )
                )
            for w in windows:
                uow.session.add(
                    Availability(
                        buddy_id=buddy_id,
                        kind="weekly" if w.day is None else "once",
                        weekday=w.weekday,
                        day=w.day,
                        start_time=w.start,
                        end_time=w.end,
                    )
                )
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

    def within_free_times(self, buddy_id: int, start: datetime, end: datetime) -> bool:
        """Whether start..end lies in one of the buddy's free times, on no day away
        (a buddy may propose any time; this is only said)."""
        local_start, local_end = start.astimezone(self.tz), end.astimezone(self.tz)
        day = local_start.date()
        windows, off = self.availability(buddy_id)
        if local_end.date() != day or any(a <= day <= b for a, b in off):
            return False
        return any(
            (w.day == day or w.day is None and w.weekday == day.weekday())
            and w.start <= local_start.time()
            and local_end.time() <= w.end
            for w in windows
        )

    def buddy(self, expert_id: int) -> Party:
        with self._uow() as uow:
            return self._party(_pair(uow.session, expert_id).buddy)

    def buddy_and_slots(self, expert_id: int) -> tuple[Party, list[datetime]]:
        """The expert's buddy and all free slots of the pair, from one read (/jourfixe)."""
        with self._uow() as uow:
            pair = _pair(uow.session, expert_id)
            return self._party(pair.buddy), self._slots(uow.session, pair, limit=None)

    def slot_offer(self, expert_id: int) -> tuple[Party, list[datetime], date | None]:
        """As `buddy_and_slots`, with the program's last day (None: none known), from the
        same read (/jourfixe says when the program has ended)."""
        with self._uow() as uow:
            pair = _pair(uow.session, expert_id)
            end = self._program_end(uow.session)  # read once, for the slots too
            slots = self._slots(uow.session, pair, limit=None)
            return self._party(pair.buddy), slots, end

    def experts(self, buddy_id: int) -> list[str]:
        """The names of the experts paired with this buddy."""
        with self._uow() as uow:
            stmt = select(Pair).where(Pair.buddy_id == buddy_id)
            return sorted(p.expert.name or "" for p in uow.session.scalars(stmt))

    def is_free(self, expert_id: int, start: datetime) -> bool:
        """Whether the expert's pair may meet at `start`: any start on the grid inside
        the buddy's free times, also one between the offered slots (14:30)."""
        with self._uow() as uow:
            return self._fits(uow.session, _pair(uow.session, expert_id), start)

    def slots(
        self, expert_id: int, *, limit: int | None = 8, ignore: int | None = None
    ) -> list[datetime]:
        """Next free slots of the expert's pair (`ignore`: a meeting being moved)."""
        with self._uow() as uow:
            pair = _pair(uow.session, expert_id)
            return self._slots(uow.session, pair, limit=limit, ignore=ignore)
