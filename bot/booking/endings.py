"""When a person leaves (revoked or erased): their future Jour Fixes are cancelled,
their open requests and counter-proposals lapse, and each partner is told once, in
one message: who left (an erased person is not named: the notice stays in the
outbox after the erasure), what that means for each series, request or proposal,
and what happens next (an expert now has no buddy; a buddy reads which experts
are still theirs). Cancelled confirmed meetings come with one calendar file
(METHOD:CANCEL). It runs inside the caller's transaction (the erasure or the
revocation), before the pairs are removed, so the person's leaving and the
notices happen together."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.booking.base import BookingBase, S, _ahead
from bot.booking.calendars import calendar_file
from bot.localtime import zone
from bot.texts import fmt_date, fmt_when, plural, t
from storage import outbox
from storage.models import Meeting, Pair, Person, Series

__all__ = ["EndingsMixin"]


@dataclass
class _News:
    """What one partner hears about the person leaving."""

    to_expert: bool  # the partner is the expert (the leaving person their buddy)
    paired: bool = False  # the current pair (else meetings from an earlier pairing)
    cancelled: list[Meeting] = field(default_factory=list)  # confirmed, not begun
    requests: list[Meeting] = field(default_factory=list)  # asked for, never confirmed
    proposals: list[datetime] = field(default_factory=list)  # counter-proposals open


class EndingsMixin(BookingBase):
    def end_all(self, s: Session, person_id: int, now: datetime, *, erased: bool) -> int:
        """Cancel the person's active meetings that have not begun, drop their open
        counter-proposals and tell each partner (and everyone paired with them) once;
        an erased person is not named. Runs in the caller's session, before the pairs
        are removed; returns the number of meetings cancelled."""
        news: dict[int, _News] = {}

        def of(m: Meeting | Pair) -> _News:
            to_expert = m.buddy_id == person_id
            partner = m.expert_id if to_expert else m.buddy_id
            return news.setdefault(partner, _News(to_expert))

        for pair in s.scalars(
            select(Pair).where((Pair.expert_id == person_id) | (Pair.buddy_id == person_id))
        ):
            of(pair).paired = True
        open_proposals = select(Meeting).where(
            (Meeting.expert_id == person_id) | (Meeting.buddy_id == person_id),
            Meeting.proposed_start.is_not(None),
        )
        for m in s.scalars(open_proposals):  # their held times are free again
            if m.proposed_start > now:
                of(m).proposals.append(m.proposed_start)
            self._drop_proposal(s, m, person_id, now, "prop_ended")
        cancelled = 0
        for m in s.scalars(_ahead(person_id, now)).unique():
            if m.starts_at <= now:  # under way: it is being held, not cancelled
                continue
            (of(m).requests if m.state == S.REQUESTED else of(m).cancelled).append(m)
            m.sequence += 1
            self._set_state(s, m, S.CANCELLED, person_id, now)
            cancelled += 1
        gone = s.get(Person, person_id)
        drafts = []
        for partner_id, told in news.items():
            partner = s.get(Person, partner_id)
            if partner is None or partner.erased_at is not None or partner.revoked_at is not None:
                continue
            ident = next((i for i in partner.identities if i.unreachable_at is None), None)
            if ident is None or not (
                told.paired or told.cancelled or told.requests or told.proposals
            ):
                continue
            text = self._leaving_text(s, told, partner, gone, erased)
            file = None
            if told.cancelled:  # requests never reached a calendar
                hide = frozenset({person_id}) if erased else frozenset()
                file = calendar_file(
                    s, told.cancelled, lang=partner.lang, now=now, tz=self.tz, cancelled=True,
                    hide=hide,
                )  # fmt: skip
            how = "erased" if erased else "revoked"
            drafts.append(
                outbox.Draft(
                    kind="notice",
                    dedupe_key=f"left:{person_id}:{how}:{partner_id}",
                    platform=ident.platform,
                    chat_id=ident.chat_id,
                    text=text,
                    due_at=now,
                    file=file,
                )
            )
        outbox.enqueue(s, drafts, now)
        return cancelled

    def _leaving_text(
        self, s: Session, told: _News, partner: Person, gone: Person | None, erased: bool
    ) -> str:
        lang, tz = partner.lang, zone(partner.timezone, self.tz)
        who = (
            ("buddy" if told.paired else "old_buddy")
            if told.to_expert
            else ("expert" if told.paired else "old_expert")
        )
        name = "" if erased or gone is None else gone.name or ""
        lines = [t(f"left_{who}_{'erased' if erased else 'revoked'}", lang, name=name)]
        if told.cancelled:
            lines.append(t("left_cancelled", lang, what=_what(s, told.cancelled, lang, tz)))
        if told.requests:
            key = "left_request_void" if told.to_expert else "left_request_withdrawn"
            lines.append(t(key, lang, what=_what(s, told.requests, lang, tz)))
        if told.proposals:
            key = "left_proposal_void" if told.to_expert else "left_proposal_own"
            when = ", ".join(fmt_when(p, lang, tz) for p in sorted(told.proposals))
            lines.append(t(key, lang, when=when))
        if told.paired and told.to_expert:
            lines.append(t("left_no_buddy", lang))
        elif told.paired:
            still = s.scalars(
                select(Person.name)
                .join(Pair, Pair.expert_id == Person.id)
                .where(
                    Pair.buddy_id == partner.id,
                    Person.id != (gone.id if gone else 0),
                    Person.erased_at.is_(None),
                    Person.revoked_at.is_(None),
                )
                .order_by(Person.name)
            ).all()
            names = ", ".join(n for n in still if n)
            lines.append(
                t("left_experts_now", lang, names=names) if names else t("left_no_experts", lang)
            )
        return "\n".join(lines)


def _what(s: Session, meetings: list[Meeting], lang: str, tz: ZoneInfo) -> str:
    """The meetings as the reader knows them: a series by its weekday, time and
    rhythm ("Jour Fixe dienstags 10:00 (jede Woche, 21 Termine bis 26.03.2024)"),
    single meetings by their date ("Jour Fixe Mi 22.11. 11:00")."""
    groups: dict[int | None, list[Meeting]] = {}
    for m in sorted(meetings, key=lambda m: m.starts_at):
        groups.setdefault(m.series_id, []).append(m)
    singles = [m for key, group in groups.items() if key is None or len(group) < 2 for m in group]
    parts = []
    for key, group in groups.items():
        if key is None or len(group) < 2:
            continue
        local = [m.starts_at.astimezone(tz) for m in group]
        usual = Counter((d.weekday(), f"{d:%H:%M}") for d in local)  # a moved one aside
        (weekday, hour), _ = usual.most_common(1)[0]
        series = s.get(Series, key)
        weeks = series.interval_weeks if series is not None else 1
        rhythm = t("every_week", lang) if weeks == 1 else t("every_n_weeks", lang, n=weeks)
        parts.append(
            plural(
                "left_series",
                len(group),
                lang,
                day=t(f"left_on_day_{weekday}", lang),
                time=hour,
                rhythm=rhythm,
                until=fmt_date(local[-1].date(), lang),
            )
        )
    if singles:
        dates = ", ".join(fmt_when(m.starts_at, lang, tz) for m in sorted(singles, key=_start))
        parts.append(t("left_single", lang, when=dates))
    return "; ".join(parts)


def _start(m: Meeting) -> datetime:
    return m.starts_at
