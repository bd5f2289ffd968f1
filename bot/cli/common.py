"""What the command modules share: exit codes and asking before a change."""

from __future__ import annotations

import sys

__all__ = ["EXIT_CONFIG", "EXIT_OK", "EXIT_USAGE", "confirm"]

EXIT_OK, EXIT_CONFIG, EXIT_USAGE = 0, 1, 2


def confirm(question: str, needs: str) -> bool | None:
    """Ask on a terminal; None (after saying what to add) when there is none."""
    if not sys.stdin.isatty():
        print(f"imbot: {needs} (no terminal to ask)", file=sys.stderr)
        return None
    return input(f"{question} [y/N] ").strip().lower() in ("y", "yes", "j", "ja")
