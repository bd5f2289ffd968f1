"""`imbot doctor`: configuration, database, migrations and chat platforms checked
(bot.app.doctor), each with what to do."""

from __future__ import annotations

import argparse

from bot.cli.common import EXIT_CONFIG, EXIT_OK

__all__ = ["add_parsers"]


def add_parsers(sub) -> None:
    doctor = sub.add_parser(
        "doctor", help="check configuration, database, migrations and chat platforms"
    )
    doctor.set_defaults(run=_doctor, without_settings=True)


def _doctor(settings, args: argparse.Namespace) -> int:
    from bot.app.doctor import checks

    results = checks()
    for c in results:
        print(f"{'✓' if c.ok else '✗'} {c.name}: {c.message}")
    failed = [c for c in results if not c.ok]
    print("All good." if not failed else f"{len(failed)} problem(s) – see above.")
    return EXIT_OK if not failed else EXIT_CONFIG
