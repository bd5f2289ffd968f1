"""When a person leaves (revoked or erased): their future Jour Fixes are cancelled
and each partner is told, with one calendar file (METHOD:CANCEL) for all of their
cancelled meetings. It runs inside the caller's transaction (the erasure or the
revocation), so the person's leaving and the cancellations happen together."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.booking.base import BookingBase, S, _ahead
from bot.booking.calendars import calendar_file
from bot.localtime import zone
from bot.texts import fmt_when, t
from storage import outbox
from storage.models import Meeting, Person

__all__ = ["EndingsMixin"]


class EndingsMixin(BookingBase):
    def end_all(self, s: Session, person_id: int, now: datetime, *, erased: bool) -> int:
        """Cancel the person's active meetings that have not begun, tell each partner
        once (an erased person is not named), and drop the meetings' reminders.
        Runs in the caller's session; returns the number of meetings cancelled."""
        by_partner: dict[int, list[Meeting]] = {}
        open_proposals = select(Meeting).where(
            (Meeting.expert_id == person_id) | (Meeting.buddy_id == person_id),
            Meeting.proposed_start.is_not(None),
        )
        for m in s.scalars(open_proposals):  # their held times are free again
            self._drop_proposal(s, m, person_id, now, "prop_ended")
        for m in s.scalars(_ahead(person_id, now)).unique():
            if m.starts_at <= now:  # under way: it is being held, not cancelled
                continue
            m.sequence += 1
            self._set_state(s, m, S.CANCELLED, person_id, now)
            partner = m.buddy_id if m.expert_id == person_id else m.expert_id
            by_partner.setdefault(partner, []).append(m)
        drafts = []
        for partner_id, meetings in by_partner.items():
            partner = s.get(Person, partner_id)
            if partner is None or partner.erased_at is not None:
                continue
            ident = next((i for i in partner.identities if i.unreachable_at is None), None)
            if ident is None:
                continue
            gone = s.get(Person, person_id)
            name = "" if erased else (gone.name or "")
            tz = zone(partner.timezone, self.tz)
            key = "ended_erased" if erased else "ended_revoked"
            text = t(
                key,
                partner.lang,
                name=name,
                when=", ".join(fmt_when(m.starts_at, partner.lang, tz) for m in meetings),
            )
            hide = frozenset({person_id}) if erased else frozenset()
            file = calendar_file(
                s, meetings, lang=partner.lang, now=now, tz=self.tz, cancelled=True, hide=hide
            )
            drafts.append(
                outbox.Draft(
                    kind="notice",
                    dedupe_key=f"end:{meetings[0].uid}:{meetings[0].sequence}:{partner_id}",
                    platform=ident.platform,
                    chat_id=ident.chat_id,
                    text=text,
                    due_at=now,
                    file=file,
                )
            )
        outbox.enqueue(s, drafts, now)
        return sum(len(m) for m in by_partner.values())
