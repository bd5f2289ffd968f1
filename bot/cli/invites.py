"""`imbot admin invite --csv FILE`: invite a whole list at once.

The file has one person a line: name, role, language, buddy (the buddy's number or
exact name, in the database or on another line of the file; only for experts).
Comma, semicolon or tab separate the fields (a spreadsheet's "CSV (semicolon)" works);
a first line of column names (name, role, language, buddy, or German: Name, Rolle,
Sprache, Buddy) may come in any order; empty lines and lines starting with # are
skipped. Every line is checked first: one bad line and nothing is created, every
problem is listed with its line number.
"""

from __future__ import annotations

import argparse
import csv
import sys

from bot.cli.common import EXIT_CONFIG, EXIT_OK, EXIT_USAGE, cli_text

__all__ = ["COLUMNS", "invite_csv", "print_invites", "read_people"]

COLUMNS = ("name", "role", "language", "buddy")
HEADER_WORDS = {
    "name": "name",
    "role": "role", "rolle": "role",
    "language": "language", "lang": "language", "sprache": "language",
    "buddy": "buddy",
}  # fmt: skip
MAX_LINES = 2000
MAX_BYTES = 1_000_000


def read_people(text: str):
    """The lines as NewPerson rows, or a list of (line, problem) about the file's form."""
    from bot.people import NewPerson

    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample.splitlines()[0] if sample else "", ",;\t")
    except csv.Error:
        dialect = csv.excel  # one column, or no separator in the first line
    reader = csv.reader(text.splitlines(), dialect)
    columns = list(COLUMNS)
    rows, problems, first = [], [], True
    for cells in reader:
        line = reader.line_num
        cells = [c.strip() for c in cells]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if first:
            first = False
            words = [HEADER_WORDS.get(c.lower()) for c in cells]
            if "name" in words and all(words):  # a header line
                if len(set(words)) != len(words) or "role" not in words:
                    problems.append((line, "the header needs name and role, each once"))
                columns = words
                continue
        if len(cells) > len(columns):
            problems.append(
                (line, f"{len(cells)} fields, at most {len(columns)}: {', '.join(columns)}")
            )
            continue
        found = dict(zip(columns, cells, strict=False))
        rows.append(
            NewPerson(
                line,
                found.get("name", ""),
                found.get("role", ""),
                found.get("language", "") or "de",
                found.get("buddy", ""),
            )
        )
    if len(rows) > MAX_LINES:
        problems.append((0, f"{len(rows)} people: at most {MAX_LINES} per file"))
    return rows, problems


def invite_csv(settings, args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from bot.app.wiring import build_booking, enqueue_notices, open_database, people_service
    from bot.chat.people import pair_notices
    from bot.people import PeopleError

    name = args.csv.name
    raw = args.csv.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        print(f"imbot: {name} is larger than {MAX_BYTES:,} characters", file=sys.stderr)
        return EXIT_USAGE
    rows, problems = read_people(raw)
    if not rows and not problems:
        print(f"imbot: {name} has nobody in it (one line per person: {', '.join(COLUMNS)})")
        return EXIT_USAGE
    if not problems:
        sessions = open_database(settings, create=False)
        people = people_service(settings, sessions, build_booking(settings, sessions))
        try:
            infos, news = people.invite_many(rows, days=args.days)
        except PeopleError as exc:
            if exc.key != "bulk_problems":
                raise
            problems = [(line, cli_text(key, f)) for line, key, f in exc.fields["problems"]]
    if problems:
        print(f"imbot: {name}: {len(problems)} problem(s); nobody was invited:", file=sys.stderr)
        for line, problem in problems:
            where = f"line {line}" if line else "file"
            print(f"  {where}: {problem}", file=sys.stderr)
        return EXIT_CONFIG
    print_invites(settings, infos, args.out)
    pairs = [f"{n.expert.name} – {n.buddy.name}" for n in news]
    if pairs:
        notices = [notice for item in news for notice in pair_notices(item)]
        told = enqueue_notices(sessions, notices, datetime.now(UTC))
        print(f"Paired: {', '.join(pairs)} ({told} message(s) to linked buddies in the outbox).")
    print(f"{len(infos)} people invited.")
    return EXIT_OK


def print_invites(settings, infos, out: str | None) -> int:
    """Code and links of each invite, and the text to forward (printed, or into `out`)."""
    from zoneinfo import ZoneInfo

    from bot.chat.people import deep_link, invite_letter

    tz = ZoneInfo(settings.timezone)
    letters = []
    for info in infos:
        expires = info.expires_at.astimezone(tz).strftime("%Y-%m-%d %H:%M")
        link = deep_link(settings.telegram_bot, info.code)
        print(f"Invite for #{info.person_id} {info.name} ({info.role}), valid until {expires}")
        print(f"code:     {info.code}")
        print(f"Telegram: {link or '(no link: set TELEGRAM_BOT_USERNAME to the bot username)'}")
        print(f"Matrix:   !start {info.code}   console: /start {info.code}")
        letter = invite_letter(info, settings.telegram_bot, tz)
        letters.append(f"--- to {info.name} ({info.lang}) ---\n{letter}\n")
    if out is None:
        print("\nTo forward:\n\n" + "\n".join(letters), end="")
        return EXIT_OK
    from pathlib import Path

    try:
        Path(out).write_text("\n".join(letters), encoding="utf-8")
    except OSError as exc:  # the invites exist already: show the texts rather than lose them
        print(f"imbot: cannot write {out} ({exc.strerror}); the texts follow here", file=sys.stderr)
        print("\nTo forward:\n\n" + "\n".join(letters), end="")
        return EXIT_OK
    print(f"The texts to forward are in {out}.")
    return EXIT_OK
