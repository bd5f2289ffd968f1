"""`imbot db upgrade` and `imbot faq unanswered`: the schema and the unanswered log."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime, timedelta

from bot.cli.common import EXIT_OK, EXIT_USAGE, number

__all__ = ["add_parsers"]


def add_parsers(sub) -> None:
    faq = sub.add_parser("faq", help="FAQ tools for the team").add_subparsers(
        dest="faq_command", metavar="ACTION", required=True
    )
    unanswered = faq.add_parser("unanswered", help="questions the bot could not answer")
    unanswered.add_argument(
        "--days", type=number(1, 3650), default=30, help="look back this many days (30)"
    )
    unanswered.add_argument(
        "--limit", type=number(1, 1000), default=50, help="at most this many rows (50)"
    )
    unanswered.add_argument(
        "--delete", type=number(1, 2**62), metavar="ID", help="delete this question (all copies)"
    )
    unanswered.add_argument(
        "--state",
        choices=("open", "forwarded", "answered", "dismissed", "added"),
        help="only questions in this state (default: all; forwarded: asked the team)",
    )
    unanswered.add_argument(
        "--dismiss", type=number(1, 2**62), metavar="ID", help="put this question aside"
    )
    unanswered.add_argument(
        "--older-than",
        type=number(0, 3650),
        metavar="DAYS",
        help="delete the questions asked more than DAYS days ago",
    )
    unanswered.set_defaults(run=_unanswered)
    db = sub.add_parser("db", help="database tools").add_subparsers(
        dest="db_command", metavar="ACTION", required=True
    )
    db.add_parser("upgrade", help="apply all pending migrations").set_defaults(run=_upgrade)


def _unanswered(settings, args: argparse.Namespace) -> int:
    from zoneinfo import ZoneInfo

    from storage.db import make_engine, require_existing, upgrade
    from storage.repo import UnitOfWork, session_factory
    from storage.text import printable

    require_existing(settings.database_url)  # a mistyped path is no new database
    engine = make_engine(settings.database_url)
    upgrade(engine)
    now = datetime.now(UTC)
    if args.dismiss is not None:
        from bot.handoff import Handoff, HandoffError
        from bot.texts import t

        try:
            count = Handoff(session_factory(engine)).dismiss(args.dismiss)
        except HandoffError as exc:
            print(f"imbot: {t(exc.key, 'en', **exc.fields)}", file=sys.stderr)
            return EXIT_USAGE
        print(f"Put aside question #{args.dismiss} ({count} stored copies).")
        return EXIT_OK
    if args.delete is not None or args.older_than is not None:
        with UnitOfWork(session_factory(engine)) as uow:
            if args.delete is not None:
                gone = uow.faq_log.delete_group(args.delete)
                if not gone:
                    print(f"imbot: no question #{args.delete}", file=sys.stderr)
                    return EXIT_USAGE
            else:
                gone = uow.faq_log.delete_older(now - timedelta(days=args.older_than))
            uow.commit()
        print(f"Deleted {gone} stored question(s).")
        return EXIT_OK
    since = now - timedelta(days=args.days)
    with UnitOfWork(session_factory(engine)) as uow:
        rows = uow.faq_log.unanswered(since=since, limit=args.limit, state=args.state)
    if not rows:
        print(f"No unanswered questions in the last {args.days} days.")
        return EXIT_OK
    tz = ZoneInfo(settings.timezone)
    print(
        f"{'id':>6} {'count':>5}  {'last asked':16}  lang  {'state':9}  {'best guess':20} "
        "score  question"
    )
    for r in rows:
        when = r.last_asked.astimezone(tz).strftime("%Y-%m-%d %H:%M")
        guess = printable(r.best_guess or "-")
        print(
            f"{r.id:>6} {r.count:>5}  {when:16}  {printable(r.lang):4}  {r.state:9}  {guess:20} "
            f"{r.score:5.2f}  {printable(r.question)}"
        )
    print(
        "Delete one with --delete ID, old ones with --older-than DAYS; put one aside with "
        "--dismiss ID. In the chat, admins answer forwarded ones with /antwort ID TEXT."
    )
    return EXIT_OK


def _upgrade(settings, args: argparse.Namespace) -> int:
    from bot.app.wiring import open_database

    open_database(settings)  # migrates; a new database gets the shipped edition
    print("Database is up to date.")
    return EXIT_OK
