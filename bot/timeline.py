"""Timeline pushes: editions in the database, subscriptions, and the planning of
their reminders into the outbox (in the same transaction as the change).
A domain service like bot.people: the pushes are texts in the subscriber's language.

`plan` is pure: given an edition, a subscriber and `now`, it returns the outbox
drafts still ahead. The reminder time is a local wall-clock time, so a 09:00
push stays at 09:00 across the daylight-saving switch.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.localtime import Clock, local_moment, system_clock
from bot.texts import fmt_day, relative_days, t
from jobs.editions import EditionData, MilestoneData, parse_edition
from storage import outbox
from storage.models import Edition, Milestone, OutboxRow, Subscription

__all__ = ["Subscriber", "Timeline", "plan"]


@dataclass(frozen=True)
class Subscriber:
    platform: str
    user_id: str
    chat_id: str
    lang: str


def _push_text(m: MilestoneData, n: int, lang: str) -> str:
    return t(
        "timeline_push",
        lang,
        title=m.title[lang],
        when=relative_days(n, lang),
        day=fmt_day(m.day, lang),
        text=m.text[lang],
    )


def plan(edition: EditionData, sub: Subscriber, now: datetime) -> list[outbox.Draft]:
    """The pushes of `edition` for `sub` that are still ahead of `now`."""
    tz = ZoneInfo(edition.timezone)
    drafts = []
    for m in edition.milestones:
        event_end = local_moment(
            m.day + timedelta(days=1), time(0, 0), tz
        )  # the milestone day is over
        for n in m.remind_days:
            due = local_moment(m.day - timedelta(days=n), edition.remind_time, tz)
            if due <= now:
                continue
            drafts.append(
                outbox.Draft(
                    kind="timeline",
                    dedupe_key=f"tl:{edition.slug}:{m.key}:{n}:{sub.platform}:{sub.user_id}",
                    platform=sub.platform,
                    chat_id=sub.chat_id,
                    text=_push_text(m, n, sub.lang),
                    due_at=due.astimezone(UTC),
                    event_at=event_end.astimezone(UTC),
                    ref=_ref(edition.slug, sub),
                )
            )
    return drafts


def _ref(slug: str, sub: Subscriber) -> str:
    return f"sub:{slug}:{sub.platform}:{sub.user_id}"


def _data(e: Edition) -> EditionData:
    milestones = tuple(
        MilestoneData(
            m.key,
            m.day,
            {"de": m.title_de, "en": m.title_en},
            {"de": m.text_de, "en": m.text_en},
            tuple(int(d) for d in m.remind_days.split(",") if d),
        )
        for m in e.milestones
    )
    return EditionData(
        e.slug, e.name, e.timezone, e.remind_time, e.starts_on, e.ends_on, milestones
    )


class Timeline:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock | None = None):
        self._sessions = sessions
        self._clock = clock or system_clock

    def active(self) -> EditionData | None:
        with self._sessions() as s:
            e = s.scalars(select(Edition).where(Edition.active.is_(True))).first()
            return _data(e) if e else None

    def load(self, text: str) -> tuple[EditionData, int]:
        """Validate an edition file, store and activate it, and re-plan the pushes of
        its subscribers. Returns the edition and the number of pushes planned."""
        data = parse_edition(text)  # EditionError before anything is written
        now = self._clock()
        with self._sessions() as s:
            s.execute(update(Edition).where(Edition.slug != data.slug).values(active=False))
            e = s.scalars(select(Edition).where(Edition.slug == data.slug)).first() or Edition(
                slug=data.slug
            )
            e.name, e.timezone, e.remind_time = data.name, data.timezone, data.remind_time
            e.starts_on, e.ends_on, e.active, e.loaded_at = data.starts_on, data.ends_on, True, now
            s.add(e)
            s.flush()
            s.execute(delete(Milestone).where(Milestone.edition_id == e.id))
            s.add_all(
                Milestone(
                    edition_id=e.id,
                    key=m.key,
                    day=m.day,
                    title_de=m.title["de"],
                    title_en=m.title["en"],
                    text_de=m.text["de"],
                    text_en=m.text["en"],
                    remind_days=",".join(map(str, m.remind_days)),
                )
                for m in data.milestones
            )
            # unsent pushes are planned anew; sent ones keep their dedupe keys
            planned = 0
            subs = s.scalars(
                select(Subscription).where(
                    Subscription.edition_id == e.id, Subscription.stopped_at.is_(None)
                )
            )
            for sub in subs:
                subscriber = Subscriber(sub.platform, sub.user_id, sub.chat_id, sub.lang)
                outbox.delete_pending(s, ref=_ref(data.slug, subscriber))
                planned += outbox.enqueue(s, plan(data, subscriber, now), now)
            s.commit()
        return data, planned

    def subscribe(self, sub: Subscriber) -> tuple[EditionData | None, list[OutboxRow]]:
        """Subscribe (or resubscribe) a chat to the active edition; the pushes are
        written in the same transaction. Returns the edition and the pending pushes."""
        now = self._clock()
        with self._sessions() as s:
            e = s.scalars(select(Edition).where(Edition.active.is_(True))).first()
            if e is None:
                return None, []
            row = s.scalars(
                select(Subscription).where(
                    Subscription.edition_id == e.id,
                    Subscription.platform == sub.platform,
                    Subscription.user_id == sub.user_id,
                )
            ).first()
            if row is None:
                s.add(
                    Subscription(
                        edition_id=e.id,
                        platform=sub.platform,
                        user_id=sub.user_id,
                        chat_id=sub.chat_id,
                        lang=sub.lang,
                        created_at=now,
                    )
                )
            else:
                row.stopped_at, row.chat_id, row.lang = None, sub.chat_id, sub.lang
            outbox.enqueue(s, plan(_data(e), sub, now), now)
            s.commit()
            return _data(e), self._pending(s, _data(e).slug, sub)

    def unsubscribe(self, platform: str, user_id: str) -> int:
        """Stop all timeline pushes to this chat; returns how many were still pending."""
        now = self._clock()
        gone = 0
        with self._sessions() as s:
            stmt = (
                select(Subscription, Edition.slug)
                .join(Edition)
                .where(Subscription.platform == platform, Subscription.user_id == user_id)
            )
            for sub, slug in s.execute(stmt):
                sub.stopped_at = sub.stopped_at or now
                gone += outbox.delete_pending(
                    s, ref=_ref(slug, Subscriber(platform, user_id, sub.chat_id, sub.lang))
                )
            s.commit()
            return gone

    def pending(self, sub: Subscriber) -> list[OutboxRow]:
        with self._sessions() as s:
            e = s.scalars(select(Edition).where(Edition.active.is_(True))).first()
            return self._pending(s, e.slug, sub) if e else []

    @staticmethod
    def _pending(s: Session, slug: str, sub: Subscriber) -> list[OutboxRow]:
        stmt = select(OutboxRow).where(
            OutboxRow.ref == _ref(slug, sub), OutboxRow.state == outbox.PENDING
        )
        return list(s.scalars(stmt.order_by(OutboxRow.due_at)))

    def subscriptions_of(self, platform: str, user_id: str) -> list[Subscription]:
        with self._sessions() as s:
            stmt = select(Subscription).where(
                Subscription.platform == platform, Subscription.user_id == user_id
            )
            return list(s.scalars(stmt))

    def forget(self, platform: str, user_id: str) -> int:
        """Erase a chat's subscriptions and unsent pushes (privacy); returns rows erased."""
        self.unsubscribe(platform, user_id)
        with self._sessions() as s:
            gone = s.execute(
                delete(Subscription).where(
                    Subscription.platform == platform, Subscription.user_id == user_id
                )
            ).rowcount
            s.commit()
            return gone
