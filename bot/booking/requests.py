"""Requests and decisions: an expert asks, the buddy confirms, declines or proposes
another time; unanswered requests expire."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

from sqlalchemy import select

from bot.booking.base import (
    BookingBase,
    BookingError,
    MeetingView,
    S,
    _availability,
    _meeting,
    _own_pair,
    _pair,
    _with_people,
)
from bot.booking.conversation import _FORGET
from bot.booking.rules import cells, series_starts
from storage.models import Meeting, MeetingCell, MeetingEvent, Series

__all__ = ["RequestsMixin"]


class RequestsMixin(BookingBase):
    """Request a Jour Fixe (or a series); decide, propose, accept, expire."""

    def request(
        self,
        expert_id: int,
        start: datetime,
        interval_weeks: int = 0,
        *,
        chat: tuple[str, str] | None = None,
    ) -> list[MeetingView]:
        """Request a Jour Fixe (and, with an interval, a series until the program end).
        Raises BookingError('slot_taken') with fresh alternatives if the slot is gone.
        `chat` (platform, chat id): what that chat was asked is forgotten with the
        booking, in its transaction (as `forget` would, without a second one)."""
        now = self._clock()
        with self._write(expert_id) as uow:
            s = uow.session
            pair = _pair(s, expert_id)
            cal = self._calendar(s, pair)
            if not self._fits(s, pair, start, calendar=cal):
                raise BookingError("slot_taken", tuple(self._slots(s, pair, limit=3, calendar=cal)))
            starts = [start]
            series = None
            length = timedelta(minutes=pair.buddy.slot_minutes)
            if interval_weeks:
                _, off = _availability(s, pair.buddy_id, now.astimezone(self.tz).date())
                starts = [
                    t
                    for t in series_starts(start, interval_weeks, self._series_end(s), self.tz)
                    if t == start
                    or not any(a <= t.astimezone(self.tz).date() <= b for a, b in off)
                    and not self._taken(s, pair, t, t + length)  # collides: skipped, rest kept
                ]
            if len(starts) > 1:  # a series of one date is a single meeting (both sides say so)
                series = Series(
                    expert_id=expert_id,
                    buddy_id=pair.buddy_id,
                    interval_weeks=interval_weeks,
                    created_at=now,
                    uid=uuid.uuid4().hex,
                )
                s.add(series)
                s.flush()
            meetings = []
            for t in starts:
                meetings.append(self._add_meeting(s, pair, t, t + length, series, now))
            if meetings:
                self._remind_buddy(s, meetings[0], now)
            if chat is not None:
                s.execute(_FORGET, {"platform": chat[0], "chat_id": chat[1]})
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
        """Decline with a counter-proposal the expert can accept with one tap. For a
        series, the whole requested series is declined; the proposal sits on its first
        meeting and the expert chooses "only this one" or "from here on, all".

        The proposed time is held until the expert answers or the proposal expires:
        it takes the calendar cells of both people like a meeting (with the declined
        request's id), so nobody else can book it meanwhile, and a time that is
        already taken is refused ("proposal_taken", with free times to propose)."""
        now = self._clock()
        try:
            with self._write() as uow:
                s = uow.session
                m = _meeting(s, meeting_id, buddy_id)
                if m.buddy_id != buddy_id or m.state != S.REQUESTED or self._expired(m, now):
                    raise BookingError(
                        "not_pending", state=m.state if m.state != S.REQUESTED else S.EXPIRED.value
                    )
                for g in self._requested_group(s, m):
                    self._set_state(s, g, S.DECLINED, buddy_id, now)
                if start <= now:
                    raise BookingError("slot_taken")
                return self._hold_proposal(s, m, start, buddy_id, now)
        except BookingError as exc:
            if exc.key != "slot_taken":
                raise
            m = self.get(buddy_id, meeting_id)
            near = sorted(self.slots(m.expert.person_id, limit=None), key=lambda x: abs(x - start))
            raise BookingError("proposal_taken", tuple(sorted(near[:3])), proposal=start) from None

    def proposable(self, buddy_id: int, meeting_ids: list[int], start: datetime) -> list[int]:
        """Of these requests, those `start` could be proposed for: ahead, and free in
        the calendars of the buddy and that expert (one read; checked again on
        proposing). For the question "which request?" before any is declined."""
        if start <= self._clock():
            return []
        with self._uow() as uow:
            s = uow.session
            found = s.scalars(select(Meeting).where(Meeting.id.in_(meeting_ids)))
            meetings = {m.id: m for m in found if m.buddy_id == buddy_id}
            wanted = {
                m.id: cells(start, start + (m.ends_at - m.starts_at), self.rules)
                for m in meetings.values()
            }
            people = {buddy_id} | {m.expert_id for m in meetings.values()}
            all_cells = sorted({c for cs in wanted.values() for c in cs})
            busy = s.execute(
                select(MeetingCell.person_id, MeetingCell.cell).where(
                    MeetingCell.person_id.in_(people), MeetingCell.cell.in_(all_cells)
                )
            ).all()
            return [
                i
                for i in meeting_ids
                if i in meetings
                and not any(
                    p in (buddy_id, meetings[i].expert_id) and c in wanted[i] for p, c in busy
                )
            ]

    def _requested_group(self, s, m: Meeting) -> list[Meeting]:
        if not m.series_id:
            return [m]
        stmt = select(Meeting).where(Meeting.series_id == m.series_id, Meeting.state == S.REQUESTED)
        return list(s.scalars(stmt.order_by(Meeting.starts_at)))

    def proposals(self, expert_id: int) -> list[MeetingView]:
        """Counter-proposals waiting for this expert (the proposed time still ahead,
        proposed no longer ago than the TTL)."""
        now = self._clock()
        with self._uow() as uow:
            stmt = select(Meeting).where(
                Meeting.expert_id == expert_id,
                Meeting.proposed_start.is_not(None),
                Meeting.proposed_start > now,
                Meeting.decided_at > self._expiry_cutoff(now),
            )
            return [self._view(m) for m in uow.session.scalars(stmt.order_by(Meeting.decided_at))]

    def series_plan(
        self, expert_id: int, start: datetime, interval_weeks: int
    ) -> tuple[list[datetime], list[tuple[date, date]], date, bool]:
        """What a series from `start` was planned as: every date up to its end, the
        buddy's days away, the end, and whether that end is the program's (else a
        default number of weeks): what the chat says about dates left out."""
        with self._uow() as uow:
            s = uow.session
            pair = _pair(s, expert_id)
            end = self._series_end(s)
            _, off = _availability(s, pair.buddy_id, self._clock().astimezone(self.tz).date())
            planned = series_starts(start, interval_weeks, end, self.tz)
            return planned, off, end, self.program_end() == end

    def program_end(self) -> date | None:
        """The last day of the active edition's program (None: none known)."""
        with self._uow() as uow:
            return self._program_end(uow.session)

    def series_interval(self, meeting_id: int) -> int:
        """The interval in weeks of the meeting's series (0: a single meeting)."""
        with self._uow() as uow:
            m = uow.session.get(Meeting, meeting_id)
            series = m is not None and m.series_id and uow.session.get(Series, m.series_id)
            return series.interval_weeks if series else 0

    def decline_proposal(self, expert_id: int, meeting_id: int) -> MeetingView:
        with self._write() as uow:
            m = _meeting(uow.session, meeting_id, expert_id)
            if m.expert_id != expert_id or m.proposed_start is None:
                raise BookingError("not_pending", state=m.state)
            view = self._view(m)
            self._drop_proposal(uow.session, m, expert_id, self._clock(), "prop_declined")
            return view

    def accept_proposal(
        self, expert_id: int, meeting_id: int, as_series: bool = False
    ) -> list[MeetingView]:
        """Book the buddy's counter-proposal; it is confirmed at once. With `as_series`
        (the request was a series), the series goes on from the proposed time at its
        interval, skipping days the buddy is away and times already taken."""
        now = self._clock()
        with self._write(expert_id) as uow:
            s = uow.session
            old = _meeting(s, meeting_id, expert_id)
            if old.expert_id != expert_id or old.proposed_start is None:
                raise BookingError("not_pending", state=old.state)
            if old.decided_at is not None and old.decided_at <= self._expiry_cutoff(now):
                raise BookingError("not_pending", state=S.EXPIRED.value)
            pair = _pair(s, expert_id)
            start = old.proposed_start
            length = timedelta(minutes=pair.buddy.slot_minutes)
            self._drop_proposal(s, old, expert_id, now, None)  # its held cells become the meeting's
            if start <= now or self._taken(s, pair, start, start + length):
                raise BookingError("slot_taken", tuple(self._slots(s, pair, limit=3)))
            starts, series = [start], None
            old_series = old.series_id and s.get(Series, old.series_id)
            if as_series and old_series:
                series = Series(
                    expert_id=expert_id,
                    buddy_id=pair.buddy_id,
                    interval_weeks=old_series.interval_weeks,
                    created_at=now,
                    uid=uuid.uuid4().hex,
                )
                s.add(series)
                s.flush()
                _, off = _availability(s, pair.buddy_id, now.astimezone(self.tz).date())
                starts = [
                    t
                    for t in series_starts(
                        start, old_series.interval_weeks, self._series_end(s), self.tz
                    )
                    if t == start or not any(a <= t.astimezone(self.tz).date() <= b for a, b in off)
                ]
            made = []
            for t in starts:
                if t != start and self._taken(s, pair, t, t + length):
                    continue
                if t == start:  # the request's own row and number (#3 stays #3)
                    m = self._revive(s, old, t, t + length, series)
                else:
                    m = self._add_meeting(s, pair, t, t + length, series, now)
                self._set_state(s, m, S.CONFIRMED, pair.buddy_id, now)
                self._plan_reminders(s, m, now)
                made.append(m)
            return [self._view(m) for m in made]

    def _revive(self, s, old: Meeting, start: datetime, end: datetime, series) -> Meeting:
        """The declined request whose counter-proposal is accepted becomes the meeting
        at the proposed time: the number people saw (#N) and the calendar UID stay."""
        old.starts_at, old.ends_at = start, end
        old.series_id = series.id if series else None
        old.occurrence_at = start if series else None
        old.sequence += 1
        s.flush()
        self._hold(s, old)
        return old

    def expire_proposals(self) -> list[MeetingView]:
        """Counter-proposals unanswered for longer than the TTL (or whose time has
        come): dropped, their held times freed. The views (of those whose time is not
        long past) still carry the proposal, for the notices."""
        now = self._clock()
        with self._write() as uow:
            stmt = select(Meeting).where(
                Meeting.proposed_start.is_not(None),
                (Meeting.decided_at <= self._expiry_cutoff(now)) | (Meeting.proposed_start <= now),
            )
            views = []
            for m in uow.session.scalars(stmt.options(*_with_people(Meeting))).unique():
                if m.proposed_start > now - timedelta(days=1):  # older ones go unannounced
                    views.append(self._view(m))
                self._drop_proposal(uow.session, m, None, now, "prop_expired")
            return views

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

    def lapsed(self, buddy_id: int, days: int = 7) -> list[MeetingView]:
        """Requests to this buddy that expired unanswered in the last `days` (or are past
        their TTL before the tick marks them), still ahead and not proposed again: one
        per series (the first occurrence). A late "ja passt" is about these."""
        now = self._clock()
        cutoff = self._expiry_cutoff(now)
        with self._uow() as uow:
            stmt = select(Meeting).where(
                Meeting.buddy_id == buddy_id,
                Meeting.starts_at > now,
                Meeting.proposed_start.is_(None),
                ((Meeting.state == S.EXPIRED) & (Meeting.decided_at > now - timedelta(days=days)))
                | ((Meeting.state == S.REQUESTED) & (Meeting.requested_at <= cutoff)),
            )
            seen, out = set(), []
            for m in uow.session.scalars(stmt.order_by(Meeting.starts_at)):
                key = m.series_id or -m.id
                if key not in seen:
                    seen.add(key)
                    out.append(self._view(m))
            return out

    def repropose(self, buddy_id: int, meeting_id: int) -> MeetingView:
        """A request that expired unanswered, proposed to the expert again at its own
        time by the buddy who answered too late: a counter-proposal like `propose`'s
        (held, one tap for the expert; a series request goes on as a series if the
        expert wants). Raises "not_pending" when it did not lapse (or is past), and
        "slot_taken" when its time is no longer free."""
        now = self._clock()
        with self._write() as uow:
            s = uow.session
            m = _meeting(s, meeting_id, buddy_id)
            if m.buddy_id != buddy_id:
                raise BookingError("not_yours")
            lapsed = m.state == S.EXPIRED or m.state == S.REQUESTED and self._expired(m, now)
            if not lapsed or m.proposed_start is not None or m.starts_at <= now:
                raise BookingError("not_pending", state=m.state)
            for g in self._requested_group(s, m):  # past the TTL, not yet ticked
                self._set_state(s, g, S.EXPIRED, None, now)
            self._set_state(s, m, S.DECLINED, buddy_id, now)  # the proposal's clock starts
            return self._hold_proposal(s, m, m.starts_at, buddy_id, now)

    def _hold_proposal(
        self, s, m: Meeting, start: datetime, buddy_id: int, now: datetime
    ) -> MeetingView:
        """The buddy's counter-proposal `start` on the declined request `m`: refused
        ("slot_taken") when the pair is busy then, else kept and its cells held."""
        end = start + (m.ends_at - m.starts_at)
        if self._taken(s, _own_pair(m), start, end):
            raise BookingError("slot_taken")
        m.proposed_start = start
        self._hold_cells(s, m, start, end)
        s.add(
            MeetingEvent(
                meeting_id=m.id, at=now, action="proposed", by_person_id=buddy_id,
                new_start=start,
            )
        )  # fmt: skip
        return self._view(m)
