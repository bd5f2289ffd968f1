"""`imbot admin stats`: people, questions, meetings and reminders, in counts only."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime, timedelta

from bot.cli.common import EXIT_OK

__all__ = ["add_parsers"]


def add_parsers(actions) -> None:
    stats = actions.add_parser("stats", help="people, questions, meetings and reminders in numbers")
    stats.set_defaults(run=_stats)


def _stats(settings, args: argparse.Namespace) -> int:
    from sqlalchemy import func, select

    from bot.app.wiring import open_database
    from storage.models import FaqCount, Meeting, OutboxRow, Person, Subscription

    now = datetime.now(UTC)
    week = (now - timedelta(days=now.weekday())).date()  # since Monday
    count = select(func.count())
    with open_database(settings)() as s:
        roles = dict(
            s.execute(
                select(Person.role, func.count())
                .where(Person.erased_at.is_(None), Person.revoked_at.is_(None))
                .group_by(Person.role)
            ).all()
        )
        subscribers = s.scalar(count.where(Subscription.stopped_at.is_(None))) or 0
        asked = dict(
            s.execute(
                select(FaqCount.confident, func.sum(FaqCount.count))
                .where(FaqCount.day >= week)
                .group_by(FaqCount.confident)
            ).all()
        )
        held = s.scalar(count.where(Meeting.state == "confirmed", Meeting.ends_at <= now)) or 0
        upcoming = (
            s.scalar(
                count.where(Meeting.state.in_(("requested", "confirmed")), Meeting.ends_at > now)
            )
            or 0
        )
        cancelled = s.scalar(count.where(Meeting.state == "cancelled")) or 0
        box = dict(
            s.execute(
                select(OutboxRow.state, func.count())
                .where(OutboxRow.kind.in_(("timeline", "meeting")))
                .group_by(OutboxRow.state)
            ).all()
        )
    people = ", ".join(f"{n} {r}" for r, n in sorted(roles.items())) or "none"
    print(f"people:    {people}; {subscribers} chats subscribed to reminders")
    print(
        f"questions: since Monday {asked.get(True, 0)} answered, {asked.get(False, 0)} not answered"
    )
    print(f"meetings:  {held} held, {upcoming} upcoming, {cancelled} cancelled")
    print(
        f"reminders: {box.get('sent', 0)} sent, {box.get('failed', 0)} failed, {box.get('pending', 0)} planned, "
        f"{box.get('dropped', 0)} dropped (too late), {box.get('unreachable', 0)} unreachable"
    )
    return EXIT_OK
