"""The `imbot` command.

  imbot chat                     talk to the bot in this terminal
  imbot ask [QUESTION] [--json]  answer one question, or one per line from stdin
  imbot faq unanswered           questions the bot could not answer
  imbot db upgrade               bring the database schema up to date
  imbot admin ...                invite, pair, people, revoke, export, erase
  imbot demo                     demo people for Jour Fixes; then imbot chat --as erika

Exit codes: 0 ok, 1 configuration or database problem, 2 usage error (argparse).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from datetime import UTC, datetime, timedelta
from importlib.metadata import PackageNotFoundError, version
from zoneinfo import ZoneInfo

from sqlalchemy.exc import OperationalError

from bot.config import ConfigError, Settings
from bot.ops import setup_logging
from bot.people import PeopleError
from bot.texts import t
from storage.db import DatabaseError

__all__ = ["main"]

EXIT_OK, EXIT_CONFIG, EXIT_USAGE = 0, 1, 2


def _version() -> str:
    try:
        return version("imbot")
    except PackageNotFoundError:
        return "unknown"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="imbot",
        description="Chat bot of the program Integrationsmacher:innen (Lokalprojekte).",
    )
    p.add_argument("--version", action="version", version=f"imbot {_version()}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)

    chat = sub.add_parser("chat", help="chat with the bot in this terminal")
    chat.add_argument("--lang", choices=("de", "en"), help="default language (IMBOT_LANG)")
    chat.add_argument("--now", type=_moment, metavar="YYYY-MM-DDTHH:MM",
                      help="pretend the clock starts at this local time (try reminders)")  # fmt: skip
    chat.add_argument("--as", dest="user", metavar="USER",
                      help="console user to write as (e.g. erika or bernd after `imbot demo`)")  # fmt: skip

    sub.add_parser("demo", help="create demo people for trying Jour Fixes in the console")
    sub.add_parser("doctor", help="check configuration, database, migrations and chat platforms")
    run = sub.add_parser("run", help="run the bot on a chat platform (TELEGRAM_TOKEN, ...)")
    run.add_argument(
        "--telegram",
        action="store_true",
        help="Telegram: long polling, or webhook if TELEGRAM_WEBHOOK_URL",
    )
    run.add_argument(
        "--matrix", action="store_true", help="Matrix: MATRIX_HOMESERVER, MATRIX_USER, ..."
    )

    ask = sub.add_parser("ask", help="answer one question, or one per line from stdin")
    ask.add_argument("question", nargs="*", help="the question; omit to read stdin")
    ask.add_argument("--json", action="store_true", help="one JSON object per line")
    ask.add_argument("--lang", choices=("de", "en"), help="language when a question is ambiguous")

    faq = sub.add_parser("faq", help="FAQ tools for the team").add_subparsers(
        dest="faq_command", metavar="ACTION", required=True
    )
    unanswered = faq.add_parser("unanswered", help="questions the bot could not answer")
    unanswered.add_argument("--days", type=int, default=30, help="look back this many days (30)")
    unanswered.add_argument("--limit", type=int, default=50, help="at most this many rows (50)")

    db = sub.add_parser("db", help="database tools").add_subparsers(
        dest="db_command", metavar="ACTION", required=True
    )
    db.add_parser("upgrade", help="apply all pending migrations")

    admin = sub.add_parser("admin", help="people, roles and privacy").add_subparsers(
        dest="admin_command", metavar="ACTION", required=True
    )
    invite = admin.add_parser("invite", help="invite a person (prints code and deep link)")
    invite.add_argument("--role", choices=("expert", "buddy", "admin"), help="role of a new person")
    invite.add_argument("--name", help="full name of a new person")
    invite.add_argument("--lang", choices=("de", "en"), default="de", help="their language (de)")
    invite.add_argument("--person", help="link another chat account of this existing person")
    invite.add_argument("--days", type=int, default=14, help="days the code is valid (14)")
    pair = admin.add_parser("pair", help="give an expert their buddy")
    pair.add_argument("expert", help="number (see `imbot admin people`) or exact name")
    pair.add_argument("buddy", help="number or exact name")
    admin.add_parser("people", help="everyone, with role, status and pairs")
    edition = admin.add_parser("edition", help="program editions").add_subparsers(
        dest="edition_command", metavar="ACTION", required=True
    )
    load = edition.add_parser("load", help="validate an edition file and make it the active one")
    load.add_argument("file", help="a YAML edition file (see jobs/data/edition-2023.yaml)")
    edition.add_parser("show", help="the active edition and its milestones")
    box = admin.add_parser("outbox", help="messages waiting, failed or undeliverable")
    box.add_argument("--state", default="failed,unreachable,pending,claimed",
                     help="comma-separated states (default: failed,unreachable,pending,claimed)")  # fmt: skip
    box.add_argument("--limit", type=int, default=50)
    admin.add_parser("stats", help="people, questions, meetings and reminders in numbers")
    announce = admin.add_parser("announce", help="send a message to a group, after a preview")
    announce.add_argument("--to", required=True, choices=("applicants", "experts", "buddies"))
    announce.add_argument("--text", required=True, help="the message")
    announce.add_argument("--yes", action="store_true", help="send without asking")
    announce.add_argument(
        "--wait", type=float, default=60, help="seconds to show delivery progress (60)"
    )
    for name, text in (("revoke", "take a person's role and chat links away"),
                       ("export", "print everything stored about a person (JSON)"),
                       ("erase", "erase a person's personal data")):  # fmt: skip
        action = admin.add_parser(name, help=text)
        action.add_argument("person", help="number or exact name")
        if name == "erase":
            action.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "doctor":  # reports configuration problems itself
        return _doctor()
    try:
        settings = Settings.from_env()
    except ConfigError as exc:
        print(f"imbot: configuration problem: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    setup_logging(settings.log_level)
    try:
        if args.command == "chat":
            return _chat(settings, args)
        if args.command == "ask":
            return _ask(settings, args)
        if args.command == "faq":
            return _unanswered(settings, args)
        if args.command == "db":
            return _db_upgrade(settings)
        if args.command == "admin":
            return _admin(settings, args)
        if args.command == "demo":
            return _demo(settings)
        if args.command == "run":
            return _run(settings, args)
    except PeopleError as exc:
        print(f"imbot: {t(exc.key, 'en', **exc.fields)}", file=sys.stderr)
        return EXIT_CONFIG
    except DatabaseError as exc:
        print(f"imbot: database problem: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    except ConfigError as exc:
        print(f"imbot: configuration problem: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    except OperationalError as exc:  # the database went away after start
        print(f"imbot: database problem: {exc.orig}", file=sys.stderr)
        return EXIT_CONFIG
    except KeyboardInterrupt:
        return EXIT_OK
    return EXIT_USAGE


def _chat(settings: Settings, args: argparse.Namespace) -> int:
    from bot.app import run_console

    if args.lang:
        settings = dataclasses.replace(settings, default_lang=args.lang)
    from bot.app import offset_clock

    clock = None
    if args.now:
        clock = offset_clock(args.now.replace(tzinfo=ZoneInfo(settings.timezone)))
    run_console(settings, user=args.user.lower() if args.user else None, clock=clock)
    return EXIT_OK


def _moment(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a time like 2023-04-26T09:00") from None


def _ask(settings: Settings, args: argparse.Namespace) -> int:
    """Answer questions without touching the database (nothing is logged)."""
    from bot.app import build_matcher

    matcher = build_matcher()
    lang = args.lang or settings.default_lang
    questions = [" ".join(args.question)] if args.question else (line.strip() for line in sys.stdin)
    for question in questions:
        if not question:
            continue
        match = matcher.match(question, lang)
        if args.json:
            print(json.dumps(_as_json(match), ensure_ascii=False), flush=True)
        else:
            print(_as_text(match), flush=True)
    return EXIT_OK


def _as_json(match) -> dict:
    best = match.best
    suggestions = [] if match.confident else [best, *(c.entry for c in match.runner_ups)][:3]
    return {
        "answer": match.answer,
        "confident": match.confident,
        "faq_id": best.id if best else None,
        "score": match.score,
        "lang": match.lang,
        "section": best.section if best and match.confident else None,
        "suggestions": [{"faq_id": e.id, "topic": e.topic[match.lang]} for e in suggestions if e],
    }


def _as_text(match) -> str:
    if match.confident:
        return (
            f"{match.answer}\n  [{match.best.id}, score {match.score:.2f}, {match.best.section}]\n"
        )
    guess = f"best guess {match.best.id}, score {match.score:.2f}" if match.best else "no guess"
    return f"(not confident: {guess})\n"


def _unanswered(settings: Settings, args: argparse.Namespace) -> int:
    from storage.db import make_engine, upgrade
    from storage.repo import UnitOfWork, session_factory

    engine = make_engine(settings.database_url)
    upgrade(engine)
    since = datetime.now(UTC) - timedelta(days=args.days)
    with UnitOfWork(session_factory(engine)) as uow:
        rows = uow.faq_log.unanswered(since=since, limit=args.limit)
    if not rows:
        print(f"No unanswered questions in the last {args.days} days.")
        return EXIT_OK
    tz = ZoneInfo(settings.timezone)
    print(f"{'count':>5}  {'last asked':16}  lang  {'best guess':20} score  question")
    for r in rows:
        when = r.last_asked.astimezone(tz).strftime("%Y-%m-%d %H:%M")
        print(
            f"{r.count:>5}  {when:16}  {r.lang:4}  {r.best_guess or '-':20} {r.score:5.2f}  {r.question}"
        )
    return EXIT_OK


def _db_upgrade(settings: Settings) -> int:
    from storage.db import make_engine, upgrade

    upgrade(make_engine(settings.database_url))
    print("Database is up to date.")
    return EXIT_OK


def _run(settings: Settings, args: argparse.Namespace) -> int:
    """Run the platforms asked for, or, without flags, every configured one."""
    from bot.app import run

    telegram, matrix = args.telegram, args.matrix
    if not (telegram or matrix):
        telegram = bool(settings.telegram_token)
        matrix = bool(settings.matrix_homeserver and settings.matrix_user)
    if not (telegram or matrix):
        print("imbot: no chat platform configured: set TELEGRAM_TOKEN and/or MATRIX_HOMESERVER, MATRIX_USER "
              "(see `imbot doctor`), or try `imbot chat` in this terminal", file=sys.stderr)  # fmt: skip
        return EXIT_CONFIG
    run(settings, telegram=telegram, matrix=matrix)
    return EXIT_OK


def _doctor() -> int:
    from bot.doctor import checks

    results = checks()
    for c in results:
        print(f"{'✓' if c.ok else '✗'} {c.name}: {c.message}")
    failed = [c for c in results if not c.ok]
    print("All good." if not failed else f"{len(failed)} problem(s) – see above.")
    return EXIT_OK if not failed else EXIT_CONFIG


def _demo(settings: Settings) -> int:
    from bot.app import run_demo

    created, guide = run_demo(settings)
    print("Demo people created." if created else "The demo people exist already.")
    print(guide)
    return EXIT_OK


def _admin(settings: Settings, args: argparse.Namespace) -> int:
    from bot.app import build_people
    from bot.people_commands import deep_link, format_people

    people = build_people(settings)
    action = args.admin_command
    if action == "invite":
        if args.person is None and not (args.role and args.name):
            print("imbot: give --role and --name for a new person, or --person", file=sys.stderr)
            return EXIT_USAGE
        info = people.invite(args.role or "", args.name, lang=args.lang,
                             person_ref=args.person, days=args.days)  # fmt: skip
        expires = info.expires_at.astimezone(ZoneInfo(settings.timezone)).strftime("%Y-%m-%d %H:%M")
        print(f"Invite for #{info.person_id} {info.name} ({info.role}), valid until {expires}")
        print(f"code:     {info.code}")
        print(f"Telegram: {deep_link(settings.telegram_bot, info.code)}")
        print(f"Matrix / console: /start {info.code}")
    elif action == "pair":
        expert, buddy = people.pair(args.expert, args.buddy)
        print(f"{expert} now has {buddy} as buddy.")
    elif action == "people":
        rows = people.people()
        print(format_people(rows) if rows else "Nobody invited yet.")
    elif action == "revoke":
        print(f"Revoked {people.revoke(args.person)}: chat links, open invites and pairs removed.")
    elif action == "export":
        print(json.dumps(people.export_ref(args.person), ensure_ascii=False, indent=2))
    elif action == "erase":
        return _erase(people, args)
    elif action in ("edition", "outbox", "announce", "stats"):
        from bot import admin_outbox

        return admin_outbox.run(settings, args)
    return EXIT_OK


def _erase(people, args: argparse.Namespace) -> int:
    data = people.export_ref(args.person)["person"]
    label = f"#{data['id']} {data['name'] or '(already erased)'}"
    if not args.yes:
        if not sys.stdin.isatty():
            print(f"imbot: erasing {label} needs --yes (no terminal to ask)", file=sys.stderr)
            return EXIT_USAGE
        if input(f"Erase all personal data of {label}? [y/N] ").strip().lower() not in ("y", "yes"):
            print("Nothing erased.")
            return EXIT_OK
    people.erase(data["id"])
    print(f"Erased {label}; only anonymous counts remain.")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
