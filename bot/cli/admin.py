"""`imbot admin invite|pair|people|revoke|export|erase`: people and privacy."""

from __future__ import annotations

import argparse
import json
import sys

from bot.cli.common import EXIT_OK, EXIT_USAGE, confirm, number, text
from bot.cli.invites import invite_csv, print_invites

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
    invite.add_argument(
        "--csv",
        type=argparse.FileType("r", encoding="utf-8-sig"),
        metavar="FILE",
        help="invite everyone in a CSV file (columns name, role, language, buddy; "
        "comma or semicolon): all lines are checked first, nothing is created if one is wrong",
    )
    invite.add_argument(
        "--resend",
        type=text(200),
        metavar="PERSON",
        help="the invite of someone who has not redeemed it yet, renewed if it expired",
    )
    invite.add_argument(
        "--out",
        metavar="FILE",
        help="write the texts to forward into this file instead of printing them",
    )
    invite.add_argument(
        "--yes", action="store_true", help="invite even if someone has the same name already"
    )
    invite.set_defaults(run=_invite)
    actions.add_parser("invites", help="invites not redeemed yet, with their age").set_defaults(
        run=_open_invites
    )
    pair = actions.add_parser("pair", help="give an expert their buddy")
    pair.add_argument(
        "expert", type=text(200), help="number (see `imbot admin people`) or exact name"
    )
    pair.add_argument("buddy", type=text(200), help="number or exact name")
    pair.add_argument("--yes", action="store_true", help="replace an expert's buddy without asking")
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

    return build_people(settings, create=False)


def _invite(settings, args: argparse.Namespace) -> int:
    chosen = [x for x in ("csv", "resend", "person") if getattr(args, x) is not None]
    if chosen and chosen != ["person"] and (args.role or args.name):
        print(f"imbot: --{chosen[0]} takes no --role or --name", file=sys.stderr)
        return EXIT_USAGE
    if len(chosen) > 1:
        print(f"imbot: give only one of --{' / --'.join(chosen)}", file=sys.stderr)
        return EXIT_USAGE
    if args.csv is not None:
        return invite_csv(settings, args)
    people = _people_service(settings)
    if args.resend is not None:
        info = people.resend(args.resend, days=args.days)
        return print_invites(settings, [info], args.out)
    if args.person is None and not (args.role and args.name):
        print("imbot: give --role and --name for a new person, or --person", file=sys.stderr)
        return EXIT_USAGE
    from bot.people import PeopleError

    def invite(same_name: bool):
        return people.invite(
            args.role or "",
            args.name,
            lang=args.lang,
            person_ref=args.person,
            days=args.days,
            same_name=same_name,
        )

    try:
        info = invite(args.yes)
    except PeopleError as exc:
        if exc.key != "same_name":
            raise
        print(
            f'There is already {exc.fields["ids"]} called "{exc.fields["name"]}". '
            "To link another chat account of that person: --person NUMBER.",
            file=sys.stderr,
        )
        answer = confirm("Invite a second person with this name?", "add --yes to invite anyway")
        if not answer:
            if answer is False:
                print("Nobody invited.")
            return EXIT_USAGE if answer is None else EXIT_OK
        info = invite(True)
    return print_invites(settings, [info], args.out)


def _open_invites(settings, args: argparse.Namespace) -> int:
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    rows = _people_service(settings).open_invites()
    if not rows:
        print("No open invites: every invite has been redeemed.")
        return EXIT_OK
    now, tz = datetime.now(UTC), ZoneInfo(settings.timezone)
    print(f"{'#':>4}  {'name':24} {'role':7} {'invited':16} {'age':>8}  state")
    for r in rows:
        age = (now - r.created_at).days
        state = (
            f"expired: imbot admin invite --resend {r.person_id}"
            if r.expires_at <= now
            else f"valid until {r.expires_at.astimezone(tz):%Y-%m-%d %H:%M}"
        )
        print(
            f"{r.person_id:>4}  {r.name[:24]:24} {r.role:7} "
            f"{r.created_at.astimezone(tz):%Y-%m-%d %H:%M} {age:>4} days  {state}"
        )
    return EXIT_OK


def _pair(settings, args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from bot.app.wiring import enqueue_notices, open_database
    from bot.chat.people import pair_notices
    from bot.people import People, PeopleError

    sessions = open_database(settings, create=False)
    people = People(sessions)
    try:
        news = people.pairing(args.expert, args.buddy, replace=args.yes)
    except PeopleError as exc:
        if exc.key != "pair_replaces":
            raise
        f = exc.fields
        print(
            f"{f['expert']} already has {f['old']} as buddy (meetings already made stay with them).",
            file=sys.stderr,
        )
        answer = confirm(f"Replace {f['old']} with {f['buddy']}?", "add --yes to replace the buddy")
        if not answer:
            if answer is False:
                print("Nothing changed.")
            return EXIT_USAGE if answer is None else EXIT_OK
        news = people.pairing(args.expert, args.buddy, replace=True)
    if news.unchanged:
        print(f"{news.expert.name} already has {news.buddy.name} as buddy; nothing changed.")
        return EXIT_OK
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
    done = _people_service(settings).revoking(args.person)
    from bot.texts import t

    print(t("revoke_done", "en", name=done.name))
    if done.orphans:
        names = ", ".join(done.orphans)
        print(f"Without a buddy now: {names}. Pair them again: imbot admin pair EXPERT BUDDY")
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
