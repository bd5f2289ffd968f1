"""`imbot admin invite|pair|people|revoke|export|erase`: people and privacy."""

from __future__ import annotations

import argparse
import json
import sys

from bot.cli.common import EXIT_OK, EXIT_USAGE, confirm, number, text

__all__ = ["add_parsers"]


def add_parsers(actions) -> None:
    invite = actions.add_parser("invite", help="invite a person (prints code and deep link)")
    invite.add_argument(
        "--role",
        choices=("expert", "expertin", "experte", "buddy", "admin", "administratorin"),
        help="role of a new person (German names accepted)",
    )
    invite.add_argument("--name", type=text(100), help="full name of a new person")
    invite.add_argument("--lang", choices=("de", "en"), default="de", help="their language (de)")
    invite.add_argument(
        "--person", type=text(200), help="link another chat account of this existing person"
    )
    invite.add_argument(
        "--days", type=number(1, 365), default=14, help="days the code is valid (14, at most 365)"
    )
    invite.set_defaults(run=_invite)
    pair = actions.add_parser("pair", help="give an expert their buddy")
    pair.add_argument(
        "expert", type=text(200), help="number (see `imbot admin people`) or exact name"
    )
    pair.add_argument("buddy", type=text(200), help="number or exact name")
    pair.set_defaults(run=_pair)
    actions.add_parser("people", help="everyone, with role, status and pairs").set_defaults(
        run=_people
    )
    for name, about, run in (
        ("revoke", "take a person's role and chat links away", _revoke),
        ("export", "print everything stored about a person (JSON)", _export),
        ("erase", "erase a person's personal data", _erase),
    ):
        action = actions.add_parser(name, help=about)
        action.add_argument("person", type=text(200), help="number or exact name")
        if name == "erase":
            action.add_argument("--yes", action="store_true", help="do not ask for confirmation")
        action.set_defaults(run=run)


def _people_service(settings):
    from bot.app.wiring import build_people

    return build_people(settings)


def _invite(settings, args: argparse.Namespace) -> int:
    from zoneinfo import ZoneInfo

    from bot.chat.people import deep_link

    if args.person is None and not (args.role and args.name):
        print("imbot: give --role and --name for a new person, or --person", file=sys.stderr)
        return EXIT_USAGE
    info = _people_service(settings).invite(
        args.role or "", args.name, lang=args.lang, person_ref=args.person, days=args.days
    )
    expires = info.expires_at.astimezone(ZoneInfo(settings.timezone)).strftime("%Y-%m-%d %H:%M")
    print(f"Invite for #{info.person_id} {info.name} ({info.role}), valid until {expires}")
    print(f"code:     {info.code}")
    print(f"Telegram: {deep_link(settings.telegram_bot, info.code)}")
    print(f"Matrix / console: /start {info.code}")
    return EXIT_OK


def _pair(settings, args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from bot.app.wiring import enqueue_notices, open_database
    from bot.chat.people import pair_notices
    from bot.people import People

    sessions = open_database(settings)
    news = People(sessions).pairing(args.expert, args.buddy)
    told = enqueue_notices(sessions, pair_notices(news), datetime.now(UTC))
    print(f"{news.expert.name} now has {news.buddy.name} as buddy.")
    if news.old_buddy is not None:
        print(f"The {news.kept} existing meetings stay with {news.old_buddy.name}.")
    print(f"{told} message(s) to tell them wait in the outbox.")
    return EXIT_OK


def _people(settings, args: argparse.Namespace) -> int:
    from bot.chat.people import format_people

    rows = _people_service(settings).people()
    print(format_people(rows, "en") if rows else "Nobody invited yet.")
    return EXIT_OK


def _revoke(settings, args: argparse.Namespace) -> int:
    name = _people_service(settings).revoke(args.person)
    from bot.texts import t

    print(t("revoke_done", "en", name=name))
    return EXIT_OK


def _export(settings, args: argparse.Namespace) -> int:
    data = _people_service(settings).export_ref(args.person)
    print(json.dumps(data, ensure_ascii=False, indent=2))
    return EXIT_OK


def _erase(settings, args: argparse.Namespace) -> int:
    people = _people_service(settings)
    data = people.export_ref(args.person)["person"]
    label = f"#{data['id']} {data['name'] or '(already erased)'}"
    if not args.yes:
        answer = confirm(f"Erase all personal data of {label}?", f"erasing {label} needs --yes")
        if answer is None:
            return EXIT_USAGE
        if not answer:
            print("Nothing erased.")
            return EXIT_OK
    people.erase(data["id"])
    print(
        f"Erased {label}: name, chat links, meetings, subscriptions and messages are gone;"
        " only role and dates remain for anonymous counts."
    )
    return EXIT_OK
