"""`imbot admin edition load|show`: program editions (the timeline's dates)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.cli.common import EXIT_CONFIG, EXIT_OK, EXIT_USAGE

__all__ = ["add_parsers"]


def add_parsers(actions) -> None:
    edition = actions.add_parser("edition", help="program editions").add_subparsers(
        dest="edition_command", metavar="ACTION", required=True
    )
    load = edition.add_parser("load", help="validate an edition file and make it the active one")
    load.add_argument("file", help="a YAML edition file (see jobs/data/edition-2023.yaml)")
    load.set_defaults(run=_load)
    edition.add_parser("show", help="the active edition and its milestones").set_defaults(run=_show)


def _timeline(settings):
    from bot.app.wiring import open_database
    from bot.timeline import Timeline

    return Timeline(open_database(settings))


def _load(settings, args: argparse.Namespace) -> int:
    from jobs.editions import MAX_FILE_BYTES, EditionError, read_edition_file

    path = Path(args.file)
    if not path.is_file():
        print(f"imbot: no such file: {path}", file=sys.stderr)
        return EXIT_USAGE
    try:
        with path.open("rb") as f:
            text = read_edition_file(f.read(MAX_FILE_BYTES + 1))
        data, planned = _timeline(settings).load(text)
    except EditionError as exc:
        print(f"imbot: {path.name} is not a valid edition:\n{exc}", file=sys.stderr)
        return EXIT_CONFIG
    print(
        f"Edition {data.slug!r} ({data.name}) is active: {len(data.milestones)} milestones, "
        f"{planned} reminders planned for its subscribers."
    )
    return EXIT_OK


def _show(settings, args: argparse.Namespace) -> int:
    data = _timeline(settings).active()
    if data is None:
        print("No active edition.")
        return EXIT_OK
    print(
        f"{data.slug}: {data.name} ({data.timezone}), {data.starts_on} – {data.ends_on}, "
        f"pushes at {data.remind_time:%H:%M}"
    )
    for m in data.milestones:
        days = ", ".join(map(str, m.remind_days)) or "-"
        print(f"  {m.day}  {m.key:18} {m.title['de']}  (remind {days} days before)")
    return EXIT_OK
