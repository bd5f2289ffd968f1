"""`imbot run`: the bot on its chat platforms (see bot.app.run)."""

from __future__ import annotations

import argparse
import sys

from bot.cli.common import EXIT_CONFIG, EXIT_OK

__all__ = ["add_parsers"]


def add_parsers(sub) -> None:
    run = sub.add_parser("run", help="run the bot on a chat platform (TELEGRAM_TOKEN, ...)")
    run.add_argument(
        "--telegram",
        action="store_true",
        help="Telegram: long polling, or webhook if TELEGRAM_WEBHOOK_URL",
    )
    run.add_argument(
        "--matrix", action="store_true", help="Matrix: MATRIX_HOMESERVER, MATRIX_USER, ..."
    )
    run.set_defaults(run=_run)


def _run(settings, args: argparse.Namespace) -> int:
    """Run the platforms asked for, or, without flags, every configured one."""
    telegram, matrix = args.telegram, args.matrix
    if not (telegram or matrix):
        telegram = bool(settings.telegram_token)
        matrix = bool(settings.matrix_homeserver and settings.matrix_user)
    if not (telegram or matrix):
        print(
            "imbot: no chat platform configured: set TELEGRAM_TOKEN and/or MATRIX_HOMESERVER, MATRIX_USER "
            "(see `imbot doctor`), or try `imbot chat` in this terminal",
            file=sys.stderr,
        )
        return EXIT_CONFIG
    from bot.app.run import run

    run(settings, telegram=telegram, matrix=matrix)
    return EXIT_OK
