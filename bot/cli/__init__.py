"""The `imbot` command: one module per command group, each adding its parsers.

  imbot chat [--as USER] [--now T]  talk to the bot in this terminal   (chat.py)
  imbot demo                        demo people for Jour Fixes           (chat.py)
  imbot ask [QUESTION] [--json]     answer one question, or one per line (chat.py)
  imbot faq unanswered              questions the bot could not answer   (db.py)
  imbot db upgrade                  bring the database schema up to date (db.py)
  imbot run [--telegram] [--matrix] the bot on its chat platforms        (run.py)
  imbot doctor                      check configuration and connections  (doctor.py)
  imbot admin ...                   people (admin.py; invites in bulk: invites.py), edition (editions.py),
                                    outbox and announce (outbox.py), stats (stats.py),
                                    Jour Fixes of all pairs (meetings.py)

Modules import what they need when their command runs, so `imbot --help` and
`imbot ask` stay quick. Exit codes: 0 ok, 1 configuration or database problem,
2 usage error.
"""

from __future__ import annotations

import argparse
import os
import sys

from bot.cli import admin, chat, db, doctor, editions, meetings, outbox, run, stats
from bot.cli.common import EXIT_CONFIG, EXIT_OK

__all__ = ["main"]


class _Version(argparse.Action):
    """--version, reading the installed metadata only when asked (it costs 30 ms)."""

    def __init__(self, option_strings, dest, **kwargs) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = version("imbot")
        except PackageNotFoundError:
            found = "unknown"
        parser.exit(message=f"imbot {found}\n")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="imbot",
        description="Chat bot of the program Integrationsmacher:innen (Lokalprojekte).",
    )
    p.add_argument("--version", action=_Version)
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)
    chat.add_parsers(sub)
    doctor.add_parsers(sub)
    run.add_parsers(sub)
    db.add_parsers(sub)
    group = sub.add_parser("admin", help="people, roles, editions, outbox, announcements")
    actions = group.add_subparsers(dest="admin_command", metavar="ACTION", required=True)
    for module in (admin, editions, outbox, stats, meetings):
        module.add_parsers(actions)
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if getattr(args, "without_settings", False):  # doctor reports configuration problems itself
        return args.run(None, args)
    from bot.app.config import ConfigError, Settings
    from bot.app.logs import setup_logging

    try:
        settings = Settings.from_env()
    except ConfigError as exc:
        print(f"imbot: configuration problem: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    setup_logging(settings.log_level)
    try:
        code = args.run(settings, args)
        sys.stdout.flush()  # here, so a reader that left shows up as BrokenPipeError below
        return code
    except KeyboardInterrupt:
        return EXIT_OK
    except BrokenPipeError:  # `imbot admin people | head -1`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error at exit
        return EXIT_OK
    except Exception as exc:
        problem = _problem(exc)
        if problem is None:
            raise
        print(f"imbot: {problem}", file=sys.stderr)
        return EXIT_CONFIG


def _problem(exc: Exception) -> str | None:
    """A known problem in plain words; None for a bug (shown as a traceback)."""
    from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError

    from bot.app.config import ConfigError
    from bot.cli.common import cli_text
    from bot.people import PeopleError
    from bot.team import TeamError
    from storage.db import DatabaseError

    if isinstance(exc, (PeopleError, TeamError)):
        return cli_text(exc.key, exc.fields)
    if isinstance(exc, DatabaseError):
        return f"database problem: {exc}"
    if isinstance(exc, ConfigError):
        return f"configuration problem: {exc}"
    if isinstance(exc, SQLAlchemyDatabaseError):  # went away after start, read-only, ...
        return f"database problem: {exc.orig}"
    if type(exc).__module__.startswith("telegram"):  # `imbot run`'s start: getMe failed
        if type(exc).__name__ == "InvalidToken":  # its message would repeat the token
            return "Telegram rejected TELEGRAM_TOKEN: is it the token @BotFather gave?"
        return (
            f"Telegram could not be reached ({exc}): is the network up and "
            "TELEGRAM_BASE_URL right? `imbot doctor` checks the connection"
        )
    return None


if __name__ == "__main__":
    sys.exit(main())
