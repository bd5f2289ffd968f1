"""The one place that wires settings, storage, the domain services and the chat
features together. No chat platform is imported here: `bot.app.run` (for
`imbot run`) imports the adapters when it starts them, `bot.app.console` the
terminal one.

  open_database   migrate, load the 2023 edition into a new database
  build_router    the router with every feature whose services exist
  enqueue_notices messages for other chats go through the outbox
"""

from __future__ import annotations

import logging
import shutil
import threading
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.app.config import Settings
from bot.app.metrics import METRICS
from bot.booking.digest import Weekly
from bot.booking.service import JourFixe
from bot.chat import FEATURES
from bot.chat.faq_replies import FaqReplies
from bot.chat.handlers import Services
from bot.chat.jourfixe import expiry_notices
from bot.chat.router import Router
from bot.handoff import Handoff, new_key
from bot.localtime import Clock
from bot.messages import Button, Outbound
from bot.people import People
from bot.team import Team
from bot.timeline import Timeline
from faq.examples import apply_examples, examples_stamp, load_examples
from faq.kb import KnowledgeBase, load_default_kb
from faq.matcher import Match, Matcher
from jobs.editions import EditionData, default_edition_text, parse_edition
from storage import outbox
from storage.chats import ChatStates
from storage.db import first_use_lock, make_engine, require_existing, upgrade
from storage.models import Edition
from storage.repo import UnitOfWork, session_factory

__all__ = [
    "ActiveMatcher",
    "apply_retention",
    "build_matcher",
    "build_people",
    "build_router",
    "build_handoff",
    "enqueue_behind",
    "enqueue_notices",
    "expire_requests",
    "files_dir",
    "offset_clock",
    "warmed",
    "open_database",
    "people_service",
    "plan_meetings_digest",
    "showing_choices",
    "team_digest",
]

log = logging.getLogger(__name__)


def build_matcher() -> Matcher:
    return _shipped_matcher()


@cache
def _shipped_matcher() -> Matcher:
    return Matcher(_kb())


class ActiveMatcher:
    """The matcher of the active edition's knowledge base. Each question asks the
    database for the active edition's knowledge-base version (one indexed row);
    when it changed (`imbot admin edition load` of a new call in another process),
    the matcher is rebuilt from the stored knowledge base on that question, once,
    while other questions wait for it (see benchmarks/kb_switch_bench.py for how
    long). No version: the shipped knowledge base.

    The team's example questions (`examples`, see faq.examples) are added to it; when
    that file changes (`/beispiel`), the matcher is rebuilt in the same way."""

    def __init__(self, timeline: Timeline, examples: Path | None = None) -> None:
        self._timeline = timeline
        self._examples = examples
        self._lock = threading.Lock()
        self._current: tuple[tuple, Matcher] | None = None  # (version, its matcher)

    def __call__(self) -> Matcher:
        return self.at(self._timeline.kb_version())

    def at(self, kb_version: str | None) -> Matcher:
        """The matcher of this knowledge-base version (read by the caller)."""
        version = (kb_version, examples_stamp(self._examples))
        current = self._current
        if current is not None and current[0] == version:
            return current[1]
        with self._lock:
            if self._current is None or self._current[0] != version:
                self._current = (version, self._build(version[0]))
            return self._current[1]

    def _build(self, version: str | None) -> Matcher:
        source = self._timeline.kb_source(version) if version else None
        examples = load_examples(self._examples)
        if source is None and not examples:
            return warmed(_shipped_matcher())  # warmed: a burst's first questions, in threads,
            # would each load the sentence model
        log.info("the knowledge base (%s) or its examples changed: building the matcher", version)
        kb = KnowledgeBase.from_bytes(source.encode("utf-8"), f"kb {version}") if source else _kb()
        return warmed(Matcher(apply_examples(kb, examples)))


def warmed(matcher: Matcher) -> Matcher:
    """The matcher with all three rankers built (the embedding index is otherwise built
    on the first question), so the time is spent once, under the lock."""
    matcher.match("Wann ist Bewerbungsschluss?")
    return matcher


@cache
def _kb() -> KnowledgeBase:
    return load_default_kb()


def open_database(settings: Settings, *, create: bool = True) -> sessionmaker[Session]:
    """Sessions on the configured database, migrated to the newest schema first;
    a new database gets the 2023 edition from the call. Any number of processes may
    do this at once: one migrates and seeds, the others wait and find it done.
    `create=False` (the admin commands): a database that does not exist yet is a
    DatabaseError (a mistyped path), not a new empty one."""
    if not create:
        require_existing(settings.database_url)
    engine = make_engine(settings.database_url, pool_size=settings.concurrent_updates + 4)
    sessions = session_factory(engine)
    with first_use_lock(engine):
        upgrade(engine, lock=False)
        with sessions() as s:
            empty = s.scalars(select(Edition.id).limit(1)).first() is None
        if empty:
            Timeline(sessions).load(default_edition_text())
        _refresh_shipped_edition(sessions)
    return sessions


def _refresh_shipped_edition(sessions: sessionmaker[Session]) -> None:
    """A database from before editions kept their file (0009) has the shipped edition
    without precision and audience, one from before Saturdays were quiet the shipped
    file of then: load the shipped file once more (a corrected edition: its unsent
    pushes are planned anew, sent ones stay sent)."""
    shipped = parse_edition(default_edition_text())
    with sessions() as s:
        stale = s.scalars(
            select(Edition.id).where(Edition.slug == shipped.slug, Edition.source.is_(None))
        ).first()
        active = s.scalars(select(Edition.slug).where(Edition.active.is_(True))).first()
        source = s.scalars(select(Edition.source).where(Edition.slug == shipped.slug)).first()
    if active == shipped.slug and (stale is not None or _before_weekends(source)):
        Timeline(sessions).load(default_edition_text())


_SUNDAYS_ONLY = (
    "{weekdays: [sunday], holidays: DE}",
    "{weekdays: [saturday, sunday], holidays: DE}",
)


def _before_weekends(source: str | None) -> bool:
    """The shipped edition as stored before pushes left Saturdays out too: loaded once
    more, its unsent Saturday pushes move to the Friday before (sent ones stay sent). An
    edition an admin loaded with other words is left as it is."""
    text = default_edition_text()
    return source is not None and source != text and source.replace(*_SUNDAYS_ONLY) == text


def build_people(settings: Settings, *, clock: Clock | None = None, create: bool = True) -> People:
    sessions = open_database(settings, create=create)
    return people_service(settings, sessions, build_booking(settings, sessions, clock), clock)


def people_service(
    settings: Settings,
    sessions: sessionmaker[Session],
    booking: JourFixe,
    clock: Clock | None = None,
) -> People:
    """People whose revocation and erasure cancel their Jour Fixes (booking), whose
    erasure removes the console's calendar files, and the team's chats (told when a
    leaving buddy leaves experts without one)."""
    return People(
        sessions,
        clock,
        end_meetings=booking.end_all,
        forget_files=console_files_remover(files_dir(settings)),
        team_chats=settings.team_chats,
        team_lang=settings.default_lang,
    )


def console_files_remover(root: Path) -> Callable[[list[tuple[str, str]], list[str]], None]:
    """Deletes the folder of calendar files the console keeps per console user, and
    any other console user's calendar file that names the erased person."""

    def forget(accounts: list[tuple[str, str]], names: list[str]) -> None:
        for platform, user_id in accounts:
            folder = root / user_id
            if platform == "console" and folder.resolve().parent == root.resolve():
                shutil.rmtree(folder, ignore_errors=True)
        wanted = [n.strip().lower() for n in names if n and len(n.strip()) >= 3]
        for path in root.glob("*/*.ics") if wanted and root.is_dir() else ():
            text = path.read_bytes().replace(b"\r\n ", b"").decode("utf-8", "replace").lower()
            if any(n in text for n in wanted):
                path.unlink(missing_ok=True)

    return forget


def build_booking(
    settings: Settings, sessions: sessionmaker[Session], clock: Clock | None = None
) -> JourFixe:
    return JourFixe(sessions, clock, settings.rules, tz=settings.timezone)


def build_router(
    settings: Settings, *, clock: Clock | None = None, sessions: sessionmaker[Session] | None = None
) -> Router:
    sessions = sessions or open_database(settings)

    def record(match: Match, now: datetime) -> str | None:
        """Every question: an anonymous count; the text only when it was not answered
        (then its reference for the "Ask the team" button: number and secret)."""
        METRICS.faq.labels(confident=str(match.confident).lower()).inc()
        with UnitOfWork(sessions, autocommit=match.confident) as uow:  # answered: one upsert
            uow.faq_log.count(day=now.date(), lang=match.lang, confident=match.confident)
            row = None
            if not match.confident:
                row = uow.faq_log.add(
                    question=match.question,
                    lang=match.lang,
                    score=match.score,
                    confident=False,
                    best_guess=match.best.id if match.best else None,
                    asked_at=now,
                    handoff_key=new_key(),
                )
            uow.commit()
            return f"{row.id}:{row.handoff_key}" if row is not None else None

    timeline = Timeline(sessions, clock, kb=_kb())
    matchers = ActiveMatcher(timeline, settings.examples_file)

    def active() -> tuple[EditionData | None, Matcher]:
        edition, kb_version = timeline.active_and_kb()  # one read for a question
        return edition, matchers.at(kb_version)

    faq = FaqReplies(
        matchers,
        record,
        offer_reminders=True,
        log_every_question=True,
        edition=timeline.active,
        active=active,
    )
    booking = build_booking(settings, sessions, clock)
    services = Services(
        faq=faq,
        people=people_service(settings, sessions, booking, clock),
        booking=booking,
        timeline=timeline,
        tz=ZoneInfo(settings.timezone),
        default_lang=settings.default_lang,
        telegram_bot=settings.telegram_bot,
        calendar_base=settings.public_url or f"http://localhost:{settings.http_port}",
        calendar_public=settings.public_url is not None,
        handoff=build_handoff(settings, sessions, faq, clock),
        chats=ChatStates(sessions),
    )
    if clock is not None:
        services.clock = clock
    services.team = Team(sessions, services.clock)
    return Router(services, FEATURES)


def build_handoff(
    settings: Settings, sessions: sessionmaker[Session], faq: FaqReplies, clock: Clock | None
) -> Handoff:
    """Ask the team: to the configured team chats or every admin; office hours from
    the active knowledge base's contacts; /beispiel writes the examples file."""

    def contacts() -> str:
        try:
            return faq.kb.get("contact").answer["de"]
        except KeyError:
            return ""

    return Handoff(
        sessions,
        clock,
        tz=ZoneInfo(settings.timezone),
        team_chats=settings.team_chats,
        default_lang=settings.default_lang,
        contacts=contacts,
        examples=settings.examples_file,
    )


def team_digest(router: Router) -> int:
    """The weekly digest of unanswered questions for the team (the tick's job; once a week)."""
    team = router.services.handoff
    return team.digest() if team is not None else 0


def expire_requests(router: Router) -> list[Outbound]:
    """Expire unanswered Jour Fixe requests; the notices for the experts (the tick's job)."""
    booking = router.services.booking
    return expiry_notices(booking) if booking is not None else []


def plan_meetings_digest(router: Router, when: Weekly | None) -> int:
    """The admins' weekly Jour Fixe digest, queued once per week when it is due
    (IMBOT_MEETINGS_DIGEST; None: off). Returns the outbox rows added."""
    booking = router.services.booking
    if when is None or booking is None:
        return 0
    return booking.plan_digest(when)


def apply_retention(sessions: sessionmaker[Session], now: datetime) -> int:
    """The retention rule for delivery records, applied on every scheduler tick:
    settled outbox rows older than `outbox.DELIVERY_RECORD_DAYS` lose recipient,
    text and file. Returns the rows purged."""
    with sessions() as s:
        purged = outbox.purge_delivered(s, now - timedelta(days=outbox.DELIVERY_RECORD_DAYS))
        s.commit()
    return purged


def files_dir(settings: Settings) -> Path:
    return settings.data_dir / "files"


def offset_clock(start: datetime) -> Clock:
    """A clock that starts at `start` and runs on (for `imbot chat --now`)."""
    real_start = datetime.now(UTC)
    return lambda: start + (datetime.now(UTC) - real_start)


def enqueue_notices(sessions: sessionmaker[Session], replies: list[Outbound], now: datetime) -> int:
    """Messages for other chats (`to=`) go through the outbox: retried, paced, and
    never lost when a platform is down. One row per attached file. A chat whose
    earlier message waits for a retry gets these after it."""
    replies = [r for r in replies if r.to is not None]
    if not replies:
        return 0
    with sessions() as s:
        drafts = []
        for chat in dict.fromkeys((r.to.platform, r.to.chat_id) for r in replies):
            waiting = outbox.waiting_until(s, *chat)
            due = max(now, waiting) if waiting is not None else now
            mine = [r for r in replies if (r.to.platform, r.to.chat_id) == chat]
            drafts.extend(_drafts(mine, "notice", "nt", due))
        added = outbox.enqueue(s, drafts, now)
        s.commit()
    return added


def enqueue_behind(
    sessions: sessionmaker[Session],
    replies: list[Outbound],
    now: datetime,
    *,
    only_if_owed: bool = False,
) -> bool:
    """Direct replies to one chat (`to=` that chat) that could not be sent, or must not
    overtake what the outbox still owes the chat: queued behind it, so the person gets
    every message once and in order. With `only_if_owed`, queued only if the outbox
    owes the chat something. Returns whether they were queued."""
    if not replies:
        return False
    chat = replies[0].to
    with sessions() as s:
        owed = outbox.owed_until(s, chat.platform, chat.chat_id, now)
        if owed is None and only_if_owed:
            return False
        due = max(now, owed) if owed is not None else now
        outbox.enqueue(s, _drafts(replies, "reply", "rp", due), now)
        s.commit()
    return True


def _drafts(replies: list[Outbound], kind: str, prefix: str, due: datetime) -> list[outbox.Draft]:
    """Outbox rows for replies with an address, in their order: one row per attached file."""
    drafts = []
    for reply in replies:
        key = f"{prefix}:{uuid.uuid4().hex}"
        buttons = tuple((b.label, b.data, b.confirms) for b in reply.buttons)
        files = [(f.filename, f.mime, f.data) for f in reply.files] or [None]
        for i, file in enumerate(files):
            drafts.append(
                outbox.Draft(
                    kind=kind,
                    dedupe_key=f"{key}:{i}",
                    platform=reply.to.platform,
                    chat_id=reply.to.chat_id,
                    text=reply.text if i == 0 else "",
                    due_at=due,
                    buttons=buttons if i == 0 else (),
                    file=file,
                )
            )
    return drafts


class showing_choices:  # noqa: N801 - reads as what it does where the senders are wired
    """An outbox sender that tells the router which choices a chat was shown (a buddy's
    request or a reminder with buttons, sent by the outbox): a "ja" or a number typed
    next is read against them, as against the choices of a reply."""

    def __init__(self, sender, router: Router) -> None:
        self._sender, self._router = sender, router

    def __getattr__(self, name: str):
        return getattr(self._sender, name)  # platform, rate_per_second, per_chat_seconds

    def send(self, delivery) -> None:
        self._sender.send(delivery)
        if delivery.buttons:
            buttons = tuple(
                Button(label, data, confirms) for label, data, confirms in delivery.buttons
            )
            try:
                self._router.shown(delivery.platform, delivery.chat_id, buttons, delivery.text)
            except Exception as exc:  # the message is delivered: an error now would resend it
                log.warning("the choices of a delivered message were not kept: %s", exc)
