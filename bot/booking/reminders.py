"""Reminder planning: the outbox rows before a confirmed Jour Fixe and the buddy's
reminder of an unanswered request, written in the same transaction as the change."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.booking import buttons
from bot.booking.base import BookingBase, S
from bot.booking.calendars import calendar_file
from bot.localtime import local_moment, zone
from bot.texts import fmt_when, t, time_before
from jobs.render import render, spec
from storage import outbox
from storage.models import Meeting, OutboxRow, Pair, Person

File = tuple[str, str, bytes]

__all__ = ["RemindersMixin"]


class RemindersMixin(BookingBase):
    """Each person's reminder offsets and the outbox rows they give."""

    def _plan_reminders(self, s: Session, m: Meeting, now: datetime) -> None:
        """Reminders before a confirmed meeting for both people, at each person's
        offsets, counted back from the local start (right across the DST switch)."""
        drafts = []
        place = s.scalar(
            select(Pair.place).where(Pair.expert_id == m.expert_id, Pair.buddy_id == m.buddy_id)
        )
        key, extra = (
            ("meeting_reminder_place", {"place": place}) if place else ("meeting_reminder", {})
        )
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
                tz = zone(me.timezone, self.tz)
                text = t(
                    key,
                    me.lang,
                    other=other.name or "",
                    when=fmt_when(m.starts_at, me.lang, tz),
                    before=time_before(minutes, me.lang),
                    **extra,
                )
                # the place and the calendar file (with the first reminder) are read
                # when it is sent (as_sent): /ort, moves and cancellations come later
                about = {"reader": me.id, "ics": i == 0}
                live = spec(
                    f"{key}_at", me.lang, tz, m.starts_at, about=about, other=other.name or "",
                    **extra,
                )  # fmt: skip
                drafts.append(
                    outbox.Draft(
                        kind="meeting",
                        dedupe_key=f"mt:{m.id}:{m.sequence}:{me.id}:{minutes}",
                        platform=ident.platform,
                        chat_id=ident.chat_id,
                        text=text,
                        due_at=due,
                        event_at=m.starts_at,
                        ref=f"meeting:{m.id}",
                        render=live,
                    )
                )
        outbox.enqueue(s, drafts, now)

    def as_sent(self, row: OutboxRow, now: datetime) -> tuple[str, File | None] | None:
        """A Jour Fixe reminder as it goes out: the pair's place as it is now, and the
        calendar file (with the first reminder) from the meetings' state now – not
        what it was when the reminder was planned. None: not such a reminder."""
        if row.kind != "meeting" or not (row.ref or "").startswith("meeting:") or not row.render:
            return None
        try:
            raw = json.loads(row.render)
            meeting_id = int(row.ref.split(":", 1)[1])
            # rows planned before this change name the reader only in their key
            reader_id = int(raw.get("reader") or row.dedupe_key.split(":")[3])
        except (ValueError, IndexError, TypeError):
            return None
        with self._uow() as uow:
            s = uow.session
            m, reader = s.get(Meeting, meeting_id), s.get(Person, reader_id)
            if m is None or reader is None:
                return None
            place = s.scalar(
                select(Pair.place).where(Pair.expert_id == m.expert_id, Pair.buddy_id == m.buddy_id)
            )
            fields = {k: v for k, v in raw.get("fields", {}).items() if k != "place"}
            if place:
                fields["place"] = place
            key = "meeting_reminder_place_at" if place else "meeting_reminder_at"
            text = render(json.dumps({**raw, "key": key, "fields": fields}), row.text, now)
            file = None
            if raw.get("ics") or row.file_name:  # the stored one is a stale snapshot
                file = calendar_file(s, [m], lang=reader.lang, now=now, tz=self.tz)
            return text, file

    def _remind_buddy(self, s: Session, m: Meeting, now: datetime) -> None:
        """If the buddy has not answered after a day, remind them once."""
        ident = _reachable(m.buddy)
        due = now + timedelta(hours=min(24, self.rules.request_ttl_hours / 2))
        if ident is None or due >= m.starts_at:
            return
        tz = zone(m.buddy.timezone, self.tz)
        text = t(
            "pending_reminder",
            m.buddy.lang,
            expert=m.expert.name or "",
            when=fmt_when(m.starts_at, m.buddy.lang, tz),
        )
        live = spec("pending_reminder", m.buddy.lang, tz, m.starts_at, expert=m.expert.name or "")
        choices = (  # (label, data, confirms): a 👍 in Matrix presses the first
            (t("confirm", m.buddy.lang), buttons.data("yes", m.id), True),
            (t("decline", m.buddy.lang), buttons.data("no", m.id), False),
        )
        outbox.enqueue(
            s,
            [
                outbox.Draft(
                    kind="pending",
                    dedupe_key=f"pd:{m.id}:{m.sequence}",
                    platform=ident.platform,
                    chat_id=ident.chat_id,
                    text=text,
                    due_at=due,
                    event_at=m.starts_at,
                    ref=f"meeting:{m.id}",
                    buttons=choices,
                    render=live,
                )
            ],
            now,
        )

    def _before(self, start: datetime, minutes: int) -> datetime:
        """`minutes` before `start` on the wall clock (24 h before 10:00 is 10:00)."""
        local = start.astimezone(self.tz).replace(tzinfo=None) - timedelta(minutes=minutes)
        return local_moment(local.date(), local.time(), self.tz).astimezone(UTC)

    def set_reminders(self, person_id: int, minutes: list[int]) -> None:
        """A person's reminder offsets before each Jour Fixe; re-plans upcoming ones."""
        now = self._clock()
        with self._write() as uow:
            s = uow.session
            person = uow.people.get(person_id)
            person.reminder_minutes = ",".join(str(m) for m in sorted(set(minutes), reverse=True))
            stmt = select(Meeting).where(
                (Meeting.expert_id == person_id) | (Meeting.buddy_id == person_id),
                Meeting.state == S.CONFIRMED,
                Meeting.starts_at > now,
            )
            for m in s.scalars(stmt):
                outbox.delete_pending(s, ref=f"meeting:{m.id}", kind="meeting")
                self._plan_reminders(s, m, now)

    def reminded(self, platform: str, chat_id: str, since: datetime) -> int | None:
        """The meeting of the last Jour Fixe reminder sent to this chat at `since` or
        later, or None: "kann leider nicht, bitte absagen" right after it is about it."""
        with self._uow() as uow:
            stmt = (
                select(OutboxRow.ref)
                .where(
                    OutboxRow.platform == platform,
                    OutboxRow.chat_id == chat_id,
                    OutboxRow.state == outbox.SENT,
                    OutboxRow.kind == "meeting",
                    OutboxRow.dedupe_key.like("mt:%"),
                    OutboxRow.sent_at >= since,
                )
                .order_by(OutboxRow.sent_at.desc())
                .limit(1)
            )
            ref = uow.session.scalars(stmt).first()
        return int(ref.split(":")[1]) if ref and ref.startswith("meeting:") else None

    def reminder_minutes(self, person_id: int) -> list[int]:
        with self._uow() as uow:
            return [int(x) for x in uow.people.get(person_id).reminder_minutes.split(",") if x]


def _reachable(person: Person):
    """The person's chat identity for reminders, or None (not linked, or blocked us)."""
    return next((i for i in person.identities if i.unreachable_at is None), None)
