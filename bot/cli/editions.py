"""`imbot admin edition load|show`: program editions (the timeline's dates)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.cli.common import EXIT_CONFIG, EXIT_OK, EXIT_USAGE

__all__ = ["add_parsers", "edition_file"]


def add_parsers(actions) -> None:
    edition = actions.add_parser("edition", help="program editions").add_subparsers(
        dest="edition_command", metavar="ACTION", required=True
    )
    load = edition.add_parser(
        "load", help="validate a call bundle (or an edition file) and make it the active one"
    )
    load.add_argument(
        "file",
        metavar="FOLDER|FILE",
        help="a call bundle: a folder with the edition file (see jobs/data/edition-2023.yaml), "
        "the call's text and its knowledge base, both named in the edition "
        "(call: {text: ..., knowledge_base: ...}); or the edition file itself (without "
        "knowledge_base the shipped one is used)",
    )
    load.add_argument(
        "--dry-run",
        action="store_true",
        help="check and show what would change (pushes dropped, added, moved), change nothing",
    )
    load.add_argument(
        "--now",
        type=_moment,
        metavar="YYYY-MM-DDTHH:MM",
        help="plan the pushes as at this local time (to try an edition; default: now)",
    )
    load.set_defaults(run=_load)
    edition.add_parser("show", help="the active edition and its milestones").set_defaults(run=_show)


def _moment(text: str):
    from datetime import datetime

    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a time like 2023-04-26T09:00") from None


def _timeline(settings, now=None):
    from zoneinfo import ZoneInfo

    from bot.app.wiring import offset_clock, open_database
    from bot.timeline import Timeline
    from faq.kb import load_default_kb

    clock = offset_clock(now.replace(tzinfo=ZoneInfo(settings.timezone))) if now else None
    return Timeline(open_database(settings, create=False), clock, kb=load_default_kb())


def _load(settings, args: argparse.Namespace) -> int:
    from jobs.editions import MAX_FILE_BYTES, EditionError, read_edition_file

    try:
        path = edition_file(Path(args.file))
    except OSError as exc:
        print(f"imbot: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        with path.open("rb") as f:
            text = read_edition_file(f.read(MAX_FILE_BYTES + 1))
        report = _timeline(settings, args.now).load(text, path.parent, dry_run=args.dry_run)
    except EditionError as exc:
        print(f"imbot: {path.name} is not a valid edition:\n{exc}", file=sys.stderr)
        return EXIT_CONFIG
    data = report.edition
    verb = "would be" if report.dry_run else "is"
    switch = f", replacing {report.switched_from!r}" if report.switched_from else ""
    print(
        f"Edition {data.slug!r} ({data.name}) {verb} active{switch}: {len(data.milestones)} milestones."
    )
    print(
        f"Reminders: {report.dropped} dropped, {report.added} added, {report.kept} unchanged; "
        f"{report.moved} subscribers moved to this edition; "
        f"{report.notified} next-call messages."
    )
    kb = f"{data.kb_file} (from the bundle)" if data.kb_file else "the shipped one"
    print(f"Knowledge base: {kb}, {report.kb_entries} entries; the bot answers from it.")
    if report.dry_run:
        print("Dry run: nothing was changed.")
    return EXIT_OK


def edition_file(path: Path) -> Path:
    """The edition file of a bundle folder (or `path` itself); OSError says what is wrong."""
    if path.is_dir():
        found = _edition_files(path)
        if len(found) != 1:
            names = ", ".join(p.name for p in found) or "none"
            raise OSError(
                f"{path} needs exactly one edition file (a YAML mapping with milestones); "
                f"found: {names}. Name the file: {path}/FILE.yaml"
            )
        return found[0]
    if not path.is_file():
        raise OSError(f"no such file or folder: {path}")
    return path


def _edition_files(folder: Path) -> list[Path]:
    """The YAML files in a bundle folder that are editions (a mapping with
    milestones; a knowledge base is a list)."""
    import yaml

    found = []
    for p in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
        try:
            if p.stat().st_size > 2_000_000:  # larger than any edition or knowledge base
                continue
            head = yaml.safe_load(p.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        if isinstance(head, dict) and "milestones" in head:
            found.append(p)
    return found


def _show(settings, args: argparse.Namespace) -> int:
    data = _timeline(settings).active()
    if data is None:
        print("No active edition.")
        return EXIT_OK
    print(
        f"{data.slug}: {data.name} ({data.timezone}), {data.starts_on} – {data.ends_on}, "
        f"pushes at {data.remind_time:%H:%M}"
    )
    print(f"  knowledge base: {data.kb_file or 'the shipped one'}")
    for m in data.milestones:
        days = ", ".join(map(str, m.remind_days)) or "-"
        exact = "" if m.precision == "day" else f" [{m.precision}]"
        who = "" if m.audience == "all" else f" ({m.audience} only)"
        print(f"  {m.day}{exact}  {m.key:18} {m.title['de']}{who}  (remind {days} days before)")
    return EXIT_OK
