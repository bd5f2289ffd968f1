"""The one place that wires settings, storage, the FAQ and an adapter together."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TextIO

from bot.adapters.console import ConsoleAdapter
from bot.config import Settings
from bot.faq_replies import FaqReplies
from bot.router import Clock, Router
from faq.kb import load_default_kb
from faq.matcher import Match, Matcher
from storage.db import make_engine, upgrade
from storage.repo import UnitOfWork, session_factory

__all__ = ["build_matcher", "build_router", "run_console"]

log = logging.getLogger(__name__)


def build_matcher() -> Matcher:
    return Matcher(load_default_kb())


def build_router(settings: Settings, *, clock: Clock | None = None) -> Router:
    """Router on the configured database, migrated to the newest schema first."""
    engine = make_engine(settings.database_url)
    upgrade(engine)
    sessions = session_factory(engine)

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
    return Router(faq, default_lang=settings.default_lang, clock=clock)


def run_console(
    settings: Settings, *, stdin: TextIO | None = None, stdout: TextIO | None = None
) -> None:
    router = build_router(settings)
    ConsoleAdapter(router.handle, stdin=stdin, stdout=stdout).run()
