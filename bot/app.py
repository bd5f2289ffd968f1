"""The one place that wires settings, storage, the FAQ and an adapter together."""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from platformdirs import user_data_dir
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot import jourfixe_commands
from bot.adapters.console import ConsoleAdapter
from bot.config import Settings
from bot.demo import GUIDE, create_demo
from bot.faq_replies import FaqReplies
from bot.jourfixe import JourFixe
from bot.people import People
from bot.router import Clock, Router
from faq.kb import load_default_kb
from faq.matcher import Match, Matcher
from jobs.dispatch import Dispatcher
from jobs.editions import default_edition_text
from jobs.scheduler import start_ticker
from jobs.timeline import Timeline
from storage.db import make_engine, upgrade
from storage.models import Edition
from storage.repo import UnitOfWork, session_factory

__all__ = [
    "build_matcher", "build_people", "build_router", "offset_clock", "open_database", "run_console",
    "run_demo",
]  # fmt: skip

log = logging.getLogger(__name__)


def build_matcher() -> Matcher:
    return Matcher(load_default_kb())


def open_database(settings: Settings) -> sessionmaker[Session]:
    """Sessions on the configured database, migrated to the newest schema first;
    a new database gets the 2023 edition from the call."""
    engine = make_engine(settings.database_url)
    upgrade(engine)
    sessions = session_factory(engine)
    with sessions() as s:
        empty = s.scalars(select(Edition.id).limit(1)).first() is None
    if empty:
        Timeline(sessions).load(default_edition_text())
    return sessions


def build_people(settings: Settings, *, clock: Clock | None = None) -> People:
    return People(open_database(settings), clock)


def build_router(settings: Settings, *, clock: Clock | None = None) -> Router:
    sessions = open_database(settings)

    def log_unanswered(match: Match, now: datetime) -> None:
        with UnitOfWork(sessions) as uow:
            uow.faq_log.add(
                question=match.question,
                lang=match.lang,
                best_guess=match.best.id if match.best else None,
                score=match.score,
                confident=match.confident,
                asked_at=now,
            )
            uow.commit()

    faq = FaqReplies(build_matcher(), log_unanswered, offer_reminders=True)
    booking = JourFixe(sessions, clock, settings.rules, tz=settings.timezone)
    return Router(faq, People(sessions, clock), booking, Timeline(sessions, clock),
                  default_lang=settings.default_lang, clock=clock,
                  telegram_bot=settings.telegram_bot)  # fmt: skip


def files_dir() -> Path:
    return Path(user_data_dir("imbot", appauthor=False)) / "files"


def offset_clock(start: datetime) -> Clock:
    """A clock that starts at `start` and runs on (for `imbot chat --now`)."""
    real_start = datetime.now(UTC)
    return lambda: start + (datetime.now(UTC) - real_start)


def run_console(settings: Settings, *, user: str | None = None, clock: Clock | None = None,
                stdin: TextIO | None = None, stdout: TextIO | None = None,
                tick_seconds: float = 10) -> None:  # fmt: skip
    """The console chat, with an outbox dispatcher that prints due reminders for
    console users (on each input and every `tick_seconds`)."""
    router = build_router(settings, clock=clock)
    console = ConsoleAdapter(
        router.handle, stdin=stdin, stdout=stdout, user_id=user, files_dir=files_dir()
    )
    dispatcher = Dispatcher(open_database(settings), {"console": console}, clock=clock)
    lock = threading.Lock()

    def tick() -> None:
        with lock:
            dispatcher.tick()
            console.send_all(jourfixe_commands.expiry_notices(router.booking))

    console.tick = tick
    scheduler = start_ticker(tick, tick_seconds)
    try:
        console.run()
    finally:
        scheduler.shutdown(wait=False)


def run_demo(settings: Settings) -> tuple[bool, str]:
    """Create the demo people (once); returns (created, guide text)."""
    sessions = open_database(settings)
    created = create_demo(
        People(sessions), JourFixe(sessions, rules=settings.rules, tz=settings.timezone)
    )
    return created, GUIDE
