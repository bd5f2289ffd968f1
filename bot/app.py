"""The one place that wires settings, storage, the FAQ and an adapter together."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import TextIO

from platformdirs import user_data_dir
from sqlalchemy.orm import Session, sessionmaker

from bot.adapters.console import ConsoleAdapter
from bot.config import Settings
from bot.demo import GUIDE, create_demo
from bot.faq_replies import FaqReplies
from bot.jourfixe import JourFixe
from bot.people import People
from bot.router import Clock, Router
from faq.kb import load_default_kb
from faq.matcher import Match, Matcher
from storage.db import make_engine, upgrade
from storage.repo import UnitOfWork, session_factory

__all__ = [
    "build_matcher", "build_people", "build_router", "open_database", "run_console", "run_demo",
]  # fmt: skip

log = logging.getLogger(__name__)


def build_matcher() -> Matcher:
    return Matcher(load_default_kb())


def open_database(settings: Settings) -> sessionmaker[Session]:
    """Sessions on the configured database, migrated to the newest schema first."""
    engine = make_engine(settings.database_url)
    upgrade(engine)
    return session_factory(engine)


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

    faq = FaqReplies(build_matcher(), log_unanswered)
    booking = JourFixe(sessions, clock, settings.rules, tz=settings.timezone)
    return Router(faq, People(sessions, clock), booking, default_lang=settings.default_lang,
                  clock=clock, telegram_bot=settings.telegram_bot)  # fmt: skip


def files_dir() -> Path:
    return Path(user_data_dir("imbot", appauthor=False)) / "files"


def run_console(settings: Settings, *, user: str | None = None, stdin: TextIO | None = None,
                stdout: TextIO | None = None) -> None:  # fmt: skip
    router = build_router(settings)
    ConsoleAdapter(
        router.handle, stdin=stdin, stdout=stdout, user_id=user, files_dir=files_dir()
    ).run()


def run_demo(settings: Settings) -> tuple[bool, str]:
    """Create the demo people (once); returns (created, guide text)."""
    sessions = open_database(settings)
    created = create_demo(
        People(sessions), JourFixe(sessions, rules=settings.rules, tz=settings.timezone)
    )
    return created, GUIDE
