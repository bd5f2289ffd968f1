"""`imbot admin stats`: people, questions, meetings and reminders, in counts only."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from bot.cli.common import EXIT_OK

__all__ = ["add_parsers"]


def add_parsers(actions) -> None:
    stats = actions.add_parser("stats", help="people, questions, meetings and reminders in numbers")
    stats.set_defaults(run=_stats)


def _stats(settings, args: argparse.Namespace) -> int:
    from bot.app.wiring import open_database
    from bot.team import stats

    with open_database(settings, create=False)() as s:
        n = stats(s, datetime.now(UTC))
    box = n.reminders
    people = ", ".join(f"{k} {r}" for r, k in sorted(n.roles.items())) or "none"
    print(f"people:    {people}; {n.subscribers} chats subscribed to reminders")
    print(f"invites:   {n.open_invites} not redeemed ({n.expired_invites} expired)")
    print(f"questions: since Monday {n.answered} answered, {n.unanswered} not answered")
    print(f"meetings:  {n.held} held, {n.upcoming} upcoming, {n.cancelled} cancelled")
    print(
        f"reminders: {box.get('sent', 0)} sent, {box.get('failed', 0)} failed, {box.get('pending', 0)} planned, "
        f"{box.get('dropped', 0)} dropped (too late), {box.get('unreachable', 0)} unreachable"
    )
    return EXIT_OK
