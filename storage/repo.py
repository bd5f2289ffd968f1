"""Repositories and a unit of work around SQLAlchemy sessions.

Callers do `with UnitOfWork(session_factory) as uow: ...; uow.commit()`; leaving
the block without commit rolls back, so nothing is ever half-written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from storage.models import FaqLog

__all__ = ["FaqLogRepository", "UnansweredQuestion", "UnitOfWork", "session_factory"]


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@dataclass(frozen=True)
class UnansweredQuestion:
    question: str
    lang: str
    best_guess: str | None
    score: float
    count: int
    last_asked: datetime


class FaqLogRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(
        self,
        *,
        question: str,
        lang: str,
        best_guess: str | None,
        score: float,
        confident: bool,
        asked_at: datetime,
    ) -> None:
        self.session.add(
            FaqLog(
                question=question,
                lang=lang,
                best_guess=best_guess,
                score=score,
                confident=confident,
                asked_at=asked_at,
            )
        )

    def unanswered(
        self, *, since: datetime | None = None, limit: int = 50
    ) -> list[UnansweredQuestion]:
        """Unconfident questions, identical texts grouped, most asked first."""
        last = func.max(FaqLog.asked_at).label("last_asked")
        count = func.count().label("n")
        stmt = (
            select(
                FaqLog.question,
                FaqLog.lang,
                func.max(FaqLog.best_guess),
                func.max(FaqLog.score),
                count,
                last,
            )
            .where(FaqLog.confident.is_(False))
            .group_by(FaqLog.question, FaqLog.lang)
            .order_by(count.desc(), last.desc())
            .limit(limit)
        )
        if since is not None:
            stmt = stmt.where(FaqLog.asked_at >= since)
        return [
            UnansweredQuestion(q, lang, guess, score, n, asked)
            for q, lang, guess, score, n, asked in self.session.execute(stmt)
        ]


class UnitOfWork:
    def __init__(self, factory: sessionmaker[Session]) -> None:
        self._factory = factory

    def __enter__(self) -> UnitOfWork:
        self.session = self._factory()
        self.faq_log = FaqLogRepository(self.session)
        return self

    def commit(self) -> None:
        self.session.commit()

    def __exit__(self, *exc) -> None:
        self.session.rollback()
        self.session.close()
