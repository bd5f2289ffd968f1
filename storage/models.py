"""SQLAlchemy 2.0 models. Every timestamp is stored in UTC (`timestamptz` on PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Boolean, DateTime, Float, Integer, String, Text, TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = ["Base", "FaqLog", "UtcDateTime"]


class UtcDateTime(TypeDecorator):
    """A timezone-aware datetime stored in UTC; SQLite gives it back aware too."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: pass an aware datetime (UTC)")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    pass


class FaqLog(Base):
    """A question the bot could not answer with confidence. No chat identity is stored."""

    __tablename__ = "faq_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    asked_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    question: Mapped[str] = mapped_column(Text)
    lang: Mapped[str] = mapped_column(String(2))
    best_guess: Mapped[str | None] = mapped_column(String(64))
    score: Mapped[float] = mapped_column(Float)
    confident: Mapped[bool] = mapped_column(Boolean, default=False)
