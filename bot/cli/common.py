"""What the command modules share: exit codes, asking before a change, and the
validation of command-line values (argparse `type=` functions: a bad value ends
with a usage message naming the option and what is allowed, exit code 2, before
anything is read or written)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

__all__ = ["EXIT_CONFIG", "EXIT_OK", "EXIT_USAGE", "cli_text", "confirm", "number", "text"]

EXIT_OK, EXIT_CONFIG, EXIT_USAGE = 0, 1, 2

# Refusals whose chat wording points to chat commands (/people, /invite, /pair):
# on the command line they point to the `imbot admin` commands instead.
CLI_WORDING = {
    "unknown_person": 'no one is called "{ref}": `imbot admin people` lists everyone '
    "with their number",
    "ambiguous_person": '"{ref}" matches several people ({ids}): use the number',
    "last_admin": "{name} is the last admin and cannot be revoked: invite another admin "
    'first (imbot admin invite --role admin --name "NAME")',
    "same_name": 'there is already {ids} called "{name}": add --yes to invite a second '
    "person with this name, or --person NUMBER for another chat account of that person",
    "resend_linked": "{name} has already redeemed the invite; another chat account: "
    "imbot admin invite --person {id}",
    "pair_replaces": "{expert} already has {old} as buddy: add --yes to replace them with "
    "{buddy} (meetings already made stay with {old})",
    "announce_no_buddy": "{name} has no buddy yet: imbot admin pair EXPERT BUDDY",
    "outbox_not_failed": "message #{id} is {state}: only failed messages are sent again",
    "outbox_unknown": "there is no message #{id}: `imbot admin outbox` lists them",
    "bulk_buddy_not_expert": "only experts get a buddy ({name}): leave the buddy column empty",
}


def cli_text(key: str, fields: dict) -> str:
    """A refusal (a text key and its fields) in the words of the command line."""
    from bot.texts import t

    template = CLI_WORDING.get(key)
    return template.format(**fields) if template else t(key, "en", **fields)


def confirm(question: str, needs: str) -> bool | None:
    """Ask on a terminal; None (after saying what to add) when there is none."""
    if not sys.stdin.isatty():
        print(f"imbot: {needs} (no terminal to ask)", file=sys.stderr)
        return None
    return input(f"{question} [y/N] ").strip().lower() in ("y", "yes", "j", "ja")


def number(low: int, high: int) -> Callable[[str], int]:
    """A whole number from `low` to `high` (ASCII digits only: "²" or "1e3" are refused)."""

    def parse(value: str) -> int:
        raw = value.strip()
        digits = raw.removeprefix("-")
        if not (digits.isascii() and digits.isdigit()) or len(digits) > 12:
            raise argparse.ArgumentTypeError(f"{value!r} is not a whole number")
        n = int(raw)
        if not low <= n <= high:
            raise argparse.ArgumentTypeError(f"{n} is out of range: use {low} to {high}")
        return n

    return parse


def text(max_chars: int, *, empty_ok: bool = False) -> Callable[[str], str]:
    """A text of at most `max_chars` characters, without control characters."""
    from storage.text import storable

    def parse(value: str) -> str:
        cleaned = storable(value).strip()
        if not cleaned and not empty_ok:
            raise argparse.ArgumentTypeError("must not be empty")
        if len(cleaned) > max_chars:
            raise argparse.ArgumentTypeError(
                f"is {len(cleaned)} characters long: at most {max_chars}"
            )
        return cleaned

    return parse
