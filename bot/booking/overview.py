"""The team's overview of all Jour Fixes: per pair (expert + buddy) the last and the
next Jour Fixe, meetings held, open, expired and declined requests; pairs without a
Jour Fixe for a while flagged; experts without a buddy.

One aggregate query over pairs and their meetings (and one for experts without a
buddy), however many pairs there are; see benchmarks/overview_bench.py.

What counts:
- a Jour Fixe *held*: a confirmed meeting that has ended; the *last* is the latest
  of them, the *next* the soonest confirmed one that has not ended;
- a *request* is what the expert asked for at once: a single meeting or a whole
  series (its meetings are answered together), so a declined weekly series is one
  declined request. *Open*: waiting for the buddy, within the time to answer
  (`Rules.request_ttl_hours`) and still ahead; *expired*: marked so by the
  scheduler, or unanswered past that time or past its start (before the tick
  marks it); *declined*: declined, with or without a counter-proposal;
- *flagged*: no Jour Fixe held in the last N weeks and none confirmed in the next
  N weeks (a pair that has booked its next one needs no nudge); "never" when the
  pair has had no Jour Fixe at all and none is confirmed.

Meetings count for the pair they were made with: after re-pairing, the meetings
with the earlier buddy are not the new pair's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, case, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from bot.booking.base import BookingBase, S
from storage.models import ChatIdentity, Meeting, Pair, Person, Role

__all__ = ["NEVER", "QUIET", "Overview", "OverviewMixin", "PairState", "Unpaired", "overview"]

NEVER, QUIET = "never", "quiet"  # why a pair is flagged
MAX_WEEKS = 52


@dataclass(frozen=True)
class PairState:
    pair_id: int
    expert_id: int
    expert: str
    buddy_id: int
    buddy: str
    paired_at: datetime
    expert_linked: bool  # has redeemed the invite (a chat is linked)
    buddy_linked: bool
    last: datetime | None  # start of the last Jour Fixe held
    next: datetime | None  # start of the next confirmed Jour Fixe
    held: int
    open: int
    expired: int
    declined: int
    cancelled: int  # meetings, not requests
    flag: str | None  # NEVER, QUIET or None

    def matches(self, words: str) -> bool:
        """The pair of an expert or buddy whose name contains `words` or whose number
        ("#12" or "12") it is."""
        ref = words.strip().casefold()
        number = ref.lstrip("#")
        if number.isascii() and number.isdigit():
            return int(number) in (self.expert_id, self.buddy_id)
        return ref in self.expert.casefold() or ref in self.buddy.casefold()


@dataclass(frozen=True)
class Unpaired:
    """An expert (invited, not revoked) without a buddy."""

    person_id: int
    name: str
    linked: bool
    invited_at: datetime

    def matches(self, words: str) -> bool:
        ref = words.strip().casefold()
        number = ref.lstrip("#")
        if number.isascii() and number.isdigit():
            return int(number) == self.person_id
        return ref in self.name.casefold()


@dataclass(frozen=True)
class Overview:
    now: datetime
    weeks: int
    pairs: list[PairState]  # flagged first (never booked, then the quietest), then by buddy
    unpaired: list[Unpaired]

    @property
    def flagged(self) -> list[PairState]:
        return [p for p in self.pairs if p.flag]

    def total(self, field: str) -> int:
        return sum(getattr(p, field) for p in self.pairs)

    def only(self, words: str) -> Overview:
        """The part about the people whose name contains `words` (or with that number)."""
        return Overview(
            self.now,
            self.weeks,
            [p for p in self.pairs if p.matches(words)],
            [u for u in self.unpaired if u.matches(words)],
        )


def overview(session: Session, now: datetime, weeks: int, ttl_hours: int) -> Overview:
    """Every pair's Jour Fixe state at `now`, in one query (plus one for the experts
    without a buddy)."""
    m = Meeting
    cutoff = now - timedelta(hours=ttl_hours)
    request = func.coalesce(m.series_id, -m.id)  # a series is one request
    held = and_(m.state == S.CONFIRMED.value, m.ends_at <= now)
    ahead = and_(m.state == S.CONFIRMED.value, m.ends_at > now)
    waiting = and_(m.state == S.REQUESTED.value, m.requested_at > cutoff, m.ends_at > now)
    lapsed = or_(
        m.state == S.EXPIRED.value,
        and_(m.state == S.REQUESTED.value, or_(m.requested_at <= cutoff, m.ends_at <= now)),
    )
    expert, buddy = aliased(Person), aliased(Person)
    stmt = (
        select(
            Pair.id,
            Pair.expert_id,
            expert.name,
            Pair.buddy_id,
            buddy.name,
            Pair.created_at,
            exists().where(ChatIdentity.person_id == Pair.expert_id),
            exists().where(ChatIdentity.person_id == Pair.buddy_id),
            func.max(case((held, m.starts_at))),
            func.min(case((ahead, m.starts_at))),
            func.count(case((held, 1))),
            func.count(case((waiting, request)).distinct()),
            func.count(case((lapsed, request)).distinct()),
            func.count(case((m.state == S.DECLINED.value, request)).distinct()),
            func.count(case((m.state == S.CANCELLED.value, 1))),
        )
        .join(expert, expert.id == Pair.expert_id)
        .join(buddy, buddy.id == Pair.buddy_id)
        .outerjoin(m, and_(m.expert_id == Pair.expert_id, m.buddy_id == Pair.buddy_id))
        .group_by(Pair.id, Pair.expert_id, expert.name, Pair.buddy_id, buddy.name, Pair.created_at)
    )
    window = timedelta(weeks=weeks)
    pairs = []
    for row in session.execute(stmt):
        pid, eid, ename, bid, bname, paired, elinked, blinked, last, nxt, *counts = row
        flag = None
        if (last is None or last < now - window) and (nxt is None or nxt > now + window):
            flag = NEVER if last is None and nxt is None else QUIET
        pairs.append(
            PairState(
                pid,
                eid,
                ename or f"#{eid}",
                bid,
                bname or f"#{bid}",
                min(paired, now),  # never after the clock's now (the demo's pairs, tryout6)
                bool(elinked),
                bool(blinked),
                last,
                nxt,
                *counts,
                flag=flag,
            )  # fmt: skip
        )
    pairs.sort(key=_order)
    return Overview(now, weeks, pairs, _unpaired(session))


def _order(p: PairState) -> tuple:
    if p.flag == NEVER:
        return (0, p.paired_at.timestamp(), p.buddy.casefold(), p.expert.casefold())
    if p.flag == QUIET:
        return (1, p.last.timestamp() if p.last else 0, p.buddy.casefold(), p.expert.casefold())
    return (2, 0, p.buddy.casefold(), p.expert.casefold())


def _unpaired(session: Session) -> list[Unpaired]:
    stmt = (
        select(
            Person.id,
            Person.name,
            exists().where(ChatIdentity.person_id == Person.id),
            Person.created_at,
        )
        .where(
            Person.role == Role.EXPERT.value,
            Person.revoked_at.is_(None),
            Person.erased_at.is_(None),
            ~exists().where(Pair.expert_id == Person.id),
        )
        .order_by(Person.created_at, Person.id)
    )
    return [
        Unpaired(i, n or f"#{i}", bool(linked), at) for i, n, linked, at in session.execute(stmt)
    ]


class OverviewMixin(BookingBase):
    """The overview for the team (admins): `imbot admin meetings` and the chat."""

    def overview(self, weeks: int | None = None, now: datetime | None = None) -> Overview:
        """`weeks` without a Jour Fixe before a pair is flagged (default: the rules')."""
        weeks = weeks or self.rules.overview_weeks
        if not 1 <= weeks <= MAX_WEEKS:
            raise ValueError(f"weeks must be 1 to {MAX_WEEKS}")
        with self._uow() as uow:
            return overview(uow.session, now or self._clock(), weeks, self.rules.request_ttl_hours)
