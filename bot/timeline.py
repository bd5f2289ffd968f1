"""Timeline pushes: editions in the database, subscriptions, the planning of their
reminders into the outbox (in the same transaction as the change), the switch to a
new edition and the next-call watch.
A domain service like bot.people: the pushes are texts in the subscriber's language.

`plan` is pure: given an edition, a subscriber and `now`, it returns the outbox
drafts still ahead. The reminder time is a local wall-clock time, so a 09:00
push stays at 09:00 across the daylight-saving switch; a push that would fall on a
Sunday or public holiday goes out on the workday before (the edition's
`no_pushes_on`). A step the call dates only by month is never given a day.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.localtime import Clock, local_moment, system_clock
from bot.texts import fmt_day, relative_days, t
from faq.kb import MAX_FILE_BYTES as KB_MAX_BYTES
from faq.kb import KnowledgeBase, KnowledgeBaseError
from jobs.editions import (
    EditionData,
    EditionError,
    MilestoneData,
    default_edition_path,
    holiday_problems,
    parse_edition,
)
from jobs.program import (
    COMPUTED,
    last_day,
    long_day,
    placeholders,
    push_day,
    render,
    when_phrase,
)
from jobs.render import spec_days
from storage import outbox
from storage.db import dialect_insert
from storage.models import Edition, Milestone, NextCallWatch, OutboxRow, Subscription
from storage.repo import read_connection, read_session

__all__ = ["LoadReport", "Subscriber", "Timeline", "bundle_problems", "plan", "too_close"]


@dataclass(frozen=True)
class Subscriber:
    platform: str
    user_id: str
    chat_id: str
    lang: str


@dataclass
class LoadReport:
    """What loading an edition changed (or, with dry_run, would change)."""

    edition: EditionData
    switched_from: str | None = None  # the slug of the edition active before, if another
    moved: int = 0  # subscribers moved from the previous edition
    dropped: int = 0  # unsent pushes removed and not planned again
    added: int = 0  # pushes planned that were not there before
    kept: int = 0  # unsent pushes that stay as they were
    notified: int = 0  # next-call watches that fire with this edition
    dry_run: bool = False
    notes: list[str] = field(default_factory=list)
    kb_entries: int = 0  # entries of the knowledge base the bot answers from (0: not checked)

    @property
    def planned(self) -> int:
        return self.added + self.kept


def _push_text(edition: EditionData, m: MilestoneData, n: int, lang: str) -> tuple[str, str | None]:
    """The push's text as planned (`n` days before the step), and for a step with a
    day what the dispatcher renders it from when it is sent ("in 7 Tagen" counted
    from that day; jobs.render). A month-only step's words never change."""
    audience = t(f"audience_{m.audience}", lang) if m.audience != "all" else ""
    text = render(m.text[lang], edition, lang)
    if m.precision == "day":
        fields = {
            "title": m.title[lang],
            "day": fmt_day(m.day, lang),
            "audience": audience,
            "text": text,
        }
        live = spec_days("timeline_push", lang, ZoneInfo(edition.timezone), m.day, **fields)
        return t("timeline_push", lang, when=relative_days(n, lang), **fields), live
    vague = t(
        "timeline_push_vague",
        lang,
        title=m.title[lang],
        when=when_phrase(m, lang),
        audience=audience,
        text=text,
    )
    return vague, None


def plan(
    edition: EditionData, sub: Subscriber, now: datetime, *, waiting: Collection[str] = ()
) -> list[outbox.Draft]:
    """The pushes of `edition` for `sub` that are still ahead of `now`. `waiting`: the
    dedupe keys of pushes planned before and not sent yet: one whose time is past now
    (a Saturday push moved to a Friday morning that is over, a push the bot was down
    for) is sent at once, late but once, while its step is not over."""
    tz = ZoneInfo(edition.timezone)
    drafts = []
    for m in edition.milestones:
        # the step is surely over (a month-only step: at the end of its month)
        event_end = local_moment(last_day(m) + timedelta(days=1), time(0, 0), tz)
        for n in m.remind_days:
            day = push_day(edition, m.day - timedelta(days=n))
            due = local_moment(day, edition.remind_time, tz)
            key = f"tl:{edition.slug}:{m.key}:{n}:{sub.platform}:{sub.user_id}"
            if due <= now:
                if key not in waiting or event_end <= now:
                    continue
                due = now  # it was waiting: late, never lost (the dedupe key: never twice)
            text, live = _push_text(edition, m, (m.day - day).days, sub.lang)
            drafts.append(
                outbox.Draft(
                    kind="timeline",
                    dedupe_key=key,
                    platform=sub.platform,
                    chat_id=sub.chat_id,
                    text=text,
                    due_at=due.astimezone(UTC),
                    event_at=event_end.astimezone(UTC),
                    ref=_ref(edition.slug, sub),
                    render=live,
                )
            )
    return drafts


def too_close(edition: EditionData, now: datetime) -> list[MilestoneData]:
    """Dated steps still ahead (today or later) whose every reminder is past: someone
    who subscribes the night before the deadline gets no reminder for it, and is told."""
    tz = ZoneInfo(edition.timezone)
    today = now.astimezone(tz).date()
    return [
        m
        for m in edition.milestones
        if m.precision == "day"
        and m.remind_days
        and m.day >= today
        and all(
            local_moment(push_day(edition, m.day - timedelta(days=n)), edition.remind_time, tz)
            <= now
            for n in m.remind_days
        )
    ]


def _ref(slug: str, sub: Subscriber) -> str:
    return f"sub:{slug}:{sub.platform}:{sub.user_id}"


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def bundle_problems(edition: EditionData, base: Path | None, kb: KnowledgeBase | None) -> list[str]:
    """What is wrong with a call bundle: the call's text must be there, every
    placeholder (in milestone texts and in the knowledge base's answers) must be a
    milestone of the edition, and every passage the knowledge base quotes must be in
    the call's text."""
    problems = holiday_problems(edition)
    known = {m.key for m in edition.milestones} | COMPUTED
    missing: dict[str, list[str]] = {}  # placeholder -> where it is used
    for m in edition.milestones:
        for text in m.text.values():
            for name in placeholders(text) - known:
                missing.setdefault(name, []).append(f"milestone {m.key}")
    call = None
    if edition.call_file:
        folder = base if base is not None else default_edition_path().parent
        try:
            call = (folder / edition.call_file).read_text(encoding="utf-8")
        except OSError:
            problems.append(f"call: the text {edition.call_file!r} is not beside the edition file")
    for entry in kb.entries if kb is not None else ():
        used = {name for _, answer in entry.all_answers() for name in placeholders(answer)}
        used |= {entry.milestone} if entry.milestone else set()
        used |= {entry.known_from} if entry.known_from else set()  # the five chosen from …
        for name in used - known:
            missing.setdefault(name, []).append(f"FAQ {entry.id}")
        if call is not None and _squash(entry.source) not in _squash(call):
            problems.append(f"FAQ {entry.id}: its source passage is not in the call's text")
    if kb is not None and not any(entry.id == "contact" for entry in kb.entries):
        problems.append(
            "FAQ: the knowledge base needs an entry 'contact' (the bot names the contacts "
            "from it when it cannot answer)"
        )
    for name, where in sorted(missing.items()):
        users = ", ".join(dict.fromkeys(where))
        problems.append(f"milestone {name!r} is missing (the texts of {users} use it)")
    return problems


def _read_kb(name: str, base: Path | None) -> tuple[KnowledgeBase | None, bytes | None, list[str]]:
    """The knowledge base a bundle names, beside its edition file, with the loader's limits."""
    if Path(name).name != name:
        return None, None, [f"call: knowledge_base {name!r} must be a file beside the edition"]
    folder = base if base is not None else default_edition_path().parent
    try:
        with (folder / name).open("rb") as f:
            raw = f.read(KB_MAX_BYTES + 1)
    except OSError:
        return None, None, [f"call: the knowledge base {name!r} is not beside the edition file"]
    try:
        return KnowledgeBase.from_bytes(raw, name), raw, []
    except KnowledgeBaseError as exc:
        return None, None, [f"knowledge base {exc}"]


@lru_cache(maxsize=8)
def _parsed(source: str) -> EditionData:
    return parse_edition(source)  # pure, and EditionData is frozen: safe to share


# Read on every question: a plain (Core) SELECT of two table columns, which the
# session runs without the ORM's loading step.
_editions = Edition.__table__
_ACTIVE_SOURCE = select(_editions.c.source, _editions.c.kb_version).where(
    _editions.c.active.is_(True)
)


def _data(e: Edition) -> EditionData:
    if e.source:
        return _parsed(e.source)
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


def _signature(row: OutboxRow) -> tuple:
    due = row.due_at if row.due_at.tzinfo else row.due_at.replace(tzinfo=UTC)
    return row.platform, row.chat_id, row.text, due


class Timeline:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        clock: Clock | None = None,
        kb: KnowledgeBase | None = None,
    ):
        self._sessions = sessions
        self._clock = clock or system_clock
        self._kb = kb  # with it, a load checks the knowledge base against the edition

    def active(self) -> EditionData | None:
        with self._sessions() as s:
            e = s.scalars(select(Edition).where(Edition.active.is_(True))).first()
            return _data(e) if e else None

    def check(self, text: str, base: Path | None = None) -> EditionData:
        """Parse an edition and check its bundle; EditionError lists every problem."""
        return self._checked(text, base)[0]

    def _checked(
        self, text: str, base: Path | None
    ) -> tuple[EditionData, bytes | None, KnowledgeBase | None]:
        """The edition and its own knowledge base's file (None: the shipped one), the
        whole bundle checked together: the call's text, every placeholder a
        milestone, every quoted passage in the text, the knowledge base's limits."""
        data = parse_edition(text)
        kb, raw, problems = self._kb, None, []
        if data.kb_file:
            kb, raw, problems = _read_kb(data.kb_file, base)
        problems += bundle_problems(data, base, kb)
        if problems:
            raise EditionError("\n".join(problems))
        return data, raw, kb

    def active_and_kb(self) -> tuple[EditionData | None, str | None]:
        """The active edition and its own knowledge base's version (None: the shipped
        one), in one read: a question needs both. The edition comes from its file as
        loaded (one SELECT of two columns, no transaction); an edition stored before
        editions kept their file is read with its milestones."""
        with read_connection(self._sessions) as conn:
            row = conn.execute(_ACTIVE_SOURCE).first()
        if row is None or row.source:
            return (_parsed(row.source), row.kb_version) if row else (None, None)
        with self._sessions() as s:
            e = s.scalars(select(Edition).where(Edition.active.is_(True))).first()
            return (_data(e), e.kb_version) if e else (None, None)

    def kb_version(self) -> str | None:
        """The version of the active edition's own knowledge base (None: the shipped one).
        Read on every question: one SELECT, no transaction."""
        with read_session(self._sessions) as s:
            return s.scalars(select(Edition.kb_version).where(Edition.active.is_(True))).first()

    def kb_source(self, version: str) -> str | None:
        with self._sessions() as s:
            stmt = select(Edition.kb_source).where(Edition.kb_version == version).limit(1)
            return s.scalars(stmt).first()

    def load(self, text: str, base: Path | None = None, *, dry_run: bool = False) -> LoadReport:
        """Validate an edition (and its bundle), store and activate it, and re-plan the
        pushes of its subscribers. A new edition (another slug) takes along the
        subscribers of the one active before who follow the program, drops that
        edition's unsent pushes, and fires the next-call watches. With `dry_run`
        nothing is kept; the report says what would change."""
        data, kb_raw, kb = self._checked(text, base)  # EditionError before anything is written
        now = self._clock()
        report = LoadReport(data, dry_run=dry_run, kb_entries=len(kb) if kb else 0)
        with self._sessions() as s:
            before = s.scalars(select(Edition).where(Edition.active.is_(True))).first()
            if before is not None and before.slug != data.slug:
                report.switched_from = before.slug
            s.execute(update(Edition).where(Edition.slug != data.slug).values(active=False))
            e = s.scalars(select(Edition).where(Edition.slug == data.slug)).first() or Edition(
                slug=data.slug
            )
            e.name, e.timezone, e.remind_time = data.name, data.timezone, data.remind_time
            e.starts_on, e.ends_on, e.active, e.loaded_at = data.starts_on, data.ends_on, True, now
            e.source = text
            e.kb_source = kb_raw.decode("utf-8") if kb_raw is not None else None
            e.kb_version = hashlib.sha256(kb_raw).hexdigest()[:16] if kb_raw is not None else None
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
                    text_de=render(m.text["de"], data, "de"),
                    text_en=render(m.text["en"], data, "en"),
                    remind_days=",".join(map(str, m.remind_days)),
                )
                for m in data.milestones
            )
            old: set[tuple] = set()
            if report.switched_from is not None:
                report.moved = self._move_followers(s, before, e, old)
            # unsent pushes are planned anew; sent ones keep their dedupe keys
            subs = s.scalars(
                select(Subscription).where(
                    Subscription.edition_id == e.id, Subscription.stopped_at.is_(None)
                )
            ).all()
            refs = []
            for sub in subs:
                subscriber = Subscriber(sub.platform, sub.user_id, sub.chat_id, sub.lang)
                refs.append(_ref(data.slug, subscriber))
                waiting = set(
                    s.scalars(
                        select(OutboxRow.dedupe_key).where(
                            OutboxRow.ref == refs[-1], OutboxRow.state == outbox.PENDING
                        )
                    )
                )
                old |= self._take_pending(s, refs[-1])
                outbox.enqueue(s, plan(data, subscriber, now, waiting=waiting), now)
            new = (
                {
                    _signature(r)
                    for r in s.scalars(
                        select(OutboxRow).where(
                            OutboxRow.ref.in_(refs), OutboxRow.state == outbox.PENDING
                        )
                    )
                }
                if refs
                else set()
            )
            report.added, report.dropped, report.kept = (
                len(new - old),
                len(old - new),
                len(new & old),
            )
            if report.switched_from is not None:
                report.notified = self._fire_next_call(s, data, now)
            if dry_run:
                s.rollback()
            else:
                s.commit()
        return report

    @staticmethod
    def _take_pending(s: Session, ref: str) -> set[tuple]:
        rows = s.scalars(
            select(OutboxRow).where(OutboxRow.ref == ref, OutboxRow.state == outbox.PENDING)
        ).all()
        taken = {_signature(r) for r in rows}
        outbox.delete_pending(s, ref=ref)
        return taken

    def _move_followers(self, s: Session, before: Edition, e: Edition, old: set[tuple]) -> int:
        """Subscribers of the edition active before who follow the program move to `e`;
        the old edition's unsent pushes go (into `old`, to count them)."""
        moved = 0
        subs = s.scalars(
            select(Subscription).where(
                Subscription.edition_id == before.id, Subscription.stopped_at.is_(None)
            )
        ).all()
        for sub in subs:
            subscriber = Subscriber(sub.platform, sub.user_id, sub.chat_id, sub.lang)
            old |= self._take_pending(s, _ref(before.slug, subscriber))
            sub.stopped_at = self._clock()  # the old edition's subscription has ended
            if not sub.follow:
                continue
            there = _subscription(s, e.id, sub.platform, sub.user_id)
            if there is None:
                s.add(_new_subscription(e.id, sub, sub.created_at))
            elif there.stopped_at is not None:
                there.stopped_at, there.chat_id, there.lang = None, sub.chat_id, sub.lang
            moved += 1
        s.flush()
        return moved

    @staticmethod
    def _fire_next_call(s: Session, data: EditionData, now: datetime) -> int:
        """One message per waiting next-call watch, through the outbox, in its language."""
        watches = s.scalars(select(NextCallWatch).where(NextCallWatch.notified_at.is_(None))).all()
        drafts = []
        deadline = data.milestone("deadline")
        for w in watches:
            if w.after_slug == data.slug:
                continue
            day = long_day(deadline.day, w.lang) if deadline else t("date_unknown", w.lang)
            drafts.append(
                outbox.Draft(
                    kind="notice",
                    dedupe_key=f"nc:{data.slug}:{w.platform}:{w.user_id}",
                    platform=w.platform,
                    chat_id=w.chat_id,
                    text=t("next_call_notice", w.lang, edition=data.name, deadline=day),
                    due_at=now,
                )
            )
            w.notified_at, w.notified_slug = now, data.slug
        outbox.enqueue(s, drafts, now)
        return len(drafts)

    def watch_next_call(self, sub: Subscriber) -> bool:
        """Tell this chat once when a new edition is activated. False if it waits already.
        An upsert (INSERT … ON CONFLICT DO NOTHING, then a conditional UPDATE), so the
        same chat pressing twice at once stores one watch and raises nothing."""
        now = self._clock()
        mine = (NextCallWatch.platform == sub.platform, NextCallWatch.user_id == sub.user_id)
        with self._sessions() as s:
            active = s.scalars(select(Edition.slug).where(Edition.active.is_(True))).first()
            fresh = {"chat_id": sub.chat_id, "lang": sub.lang}
            armed = {**fresh, "created_at": now, "after_slug": active}
            added = s.execute(
                dialect_insert(s, NextCallWatch)
                .values(platform=sub.platform, user_id=sub.user_id, **armed)
                .on_conflict_do_nothing(index_elements=["platform", "user_id"])
                .returning(NextCallWatch.id)
            ).first()
            rearmed = 0
            if added is None:  # there is one: fired before (arm it again), or waiting
                rearmed = s.execute(
                    update(NextCallWatch)
                    .where(*mine, NextCallWatch.notified_at.is_not(None))
                    .values(**armed, notified_at=None, notified_slug=None)
                ).rowcount
                if not rearmed:
                    s.execute(update(NextCallWatch).where(*mine).values(**fresh))
            s.commit()
            return added is not None or rearmed > 0

    def set_lang(self, platform: str, user_id: str, lang: str) -> int:
        """A chat changed its language (/sprache): its unsent pushes and its next-call
        message are planned anew in that language (sent ones stay sent). Returns the
        pushes planned anew."""
        now = self._clock()
        planned = 0
        with self._sessions() as s:
            stmt = (
                select(Subscription, Edition)
                .join(Edition)
                .where(
                    Subscription.platform == platform,
                    Subscription.user_id == user_id,
                    Subscription.stopped_at.is_(None),
                    Subscription.lang != lang,
                )
            )
            for sub, edition in s.execute(stmt).all():
                sub.lang = lang
                subscriber = Subscriber(platform, user_id, sub.chat_id, lang)
                self._take_pending(s, _ref(edition.slug, subscriber))
                planned += outbox.enqueue(s, plan(_data(edition), subscriber, now), now)
            s.execute(
                update(NextCallWatch)
                .where(NextCallWatch.platform == platform, NextCallWatch.user_id == user_id)
                .values(lang=lang)
            )
            s.commit()
        return planned

    def follow(self, platform: str, user_id: str, follow: bool) -> None:
        """Whether this chat's subscription moves along to the next edition."""
        with self._sessions() as s:
            s.execute(
                update(Subscription)
                .where(Subscription.platform == platform, Subscription.user_id == user_id)
                .values(follow=follow)
            )
            s.commit()

    def next_call_watch_of(self, platform: str, user_id: str) -> list[NextCallWatch]:
        with self._sessions() as s:
            stmt = select(NextCallWatch).where(
                NextCallWatch.platform == platform, NextCallWatch.user_id == user_id
            )
            return list(s.scalars(stmt))

    def watching_next_call(self, platform: str, user_id: str) -> bool:
        with self._sessions() as s:
            return (
                s.scalars(
                    select(NextCallWatch.id).where(
                        NextCallWatch.platform == platform,
                        NextCallWatch.user_id == user_id,
                        NextCallWatch.notified_at.is_(None),
                    )
                ).first()
                is not None
            )

    def subscribe(self, sub: Subscriber) -> tuple[EditionData | None, list[OutboxRow]]:
        """Subscribe (or resubscribe) a chat to the active edition; the pushes are
        written in the same transaction. Returns the edition and the pending pushes."""
        now = self._clock()
        with self._sessions() as s:
            e = s.scalars(select(Edition).where(Edition.active.is_(True))).first()
            if e is None:
                return None, []
            row = _subscription(s, e.id, sub.platform, sub.user_id)
            drafts = plan(_data(e), sub, now)
            if row is None and not drafts:
                return _data(e), []  # nothing ahead: not stored (the chat offers the next call)
            if row is None:
                s.add(_new_subscription(e.id, sub, now))
            else:
                row.stopped_at, row.chat_id, row.lang = None, sub.chat_id, sub.lang
            outbox.enqueue(s, drafts, now)
            s.commit()
            return _data(e), self._pending(s, e.slug, sub)

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
            s.execute(  # /stopp ends everything, the next-call watch too
                delete(NextCallWatch).where(
                    NextCallWatch.platform == platform,
                    NextCallWatch.user_id == user_id,
                    NextCallWatch.notified_at.is_(None),
                )
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

    def last_push(
        self, platform: str, chat_id: str, since: datetime
    ) -> tuple[str, datetime] | None:
        """The step (milestone key) and sending time of the last call-date push sent to
        this chat at `since` or later, or None: a short reply right after a push
        ("bis wie viel Uhr denn?") is read against it."""
        with read_connection(self._sessions) as conn:  # one SELECT, no transaction
            stmt = (
                select(OutboxRow.dedupe_key, OutboxRow.sent_at)
                .where(
                    OutboxRow.platform == platform,
                    OutboxRow.chat_id == chat_id,
                    OutboxRow.state == outbox.SENT,
                    OutboxRow.kind == "timeline",
                    OutboxRow.sent_at >= since,
                )
                .order_by(OutboxRow.sent_at.desc())
                .limit(1)
            )
            row = conn.execute(stmt).first()
        if row is None:
            return None
        parts = row.dedupe_key.split(":")  # tl:{edition}:{step}:{days}:{platform}:{user}
        return (parts[2], row.sent_at) if parts[0] == "tl" and len(parts) > 3 else None

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
            gone += s.execute(
                delete(NextCallWatch).where(
                    NextCallWatch.platform == platform, NextCallWatch.user_id == user_id
                )
            ).rowcount
            s.commit()
            return gone


def _subscription(s: Session, edition_id: int, platform: str, user_id: str) -> Subscription | None:
    stmt = select(Subscription).where(
        Subscription.edition_id == edition_id,
        Subscription.platform == platform,
        Subscription.user_id == user_id,
    )
    return s.scalars(stmt).first()


def _new_subscription(edition_id: int, sub, created_at: datetime) -> Subscription:
    """A subscription row for a chat (`sub`: a Subscriber or a Subscription); it follows
    the program to the next edition unless told otherwise (`/erinnerungen nur-diese`)."""
    return Subscription(
        edition_id=edition_id,
        platform=sub.platform,
        user_id=sub.user_id,
        chat_id=sub.chat_id,
        lang=sub.lang,
        created_at=created_at,
        follow=True,
    )
