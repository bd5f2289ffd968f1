"""`imbot admin outbox` and `imbot admin announce`: what waits to be sent, and a
message to a whole group (applicants, experts, buddies) after a preview."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import UTC, datetime

from bot.cli.common import EXIT_CONFIG, EXIT_OK, EXIT_USAGE, cli_text, confirm, number, text

__all__ = ["add_parsers"]


def add_parsers(actions) -> None:
    box = actions.add_parser("outbox", help="messages waiting, failed or undeliverable")
    box.add_argument(
        "--state",
        default="failed,unreachable,pending,claimed",
        help="comma-separated states (default: failed,unreachable,pending,claimed; also "
        "sent, dropped, cancelled)",
    )
    box.add_argument("--limit", type=number(1, 10000), default=50, help="rows shown (50)")
    box.add_argument(
        "--retry", type=number(1, 2**62), metavar="ID", help="send this failed message again"
    )
    box.set_defaults(run=_outbox)
    announce = actions.add_parser("announce", help="send a message to a group, after a preview")
    announce.add_argument(
        "--to", required=True, choices=("applicants", "experts", "buddies", "pair")
    )
    announce.add_argument(
        "--expert",
        type=text(200),
        metavar="PERSON",
        help="with --to pair: the expert (number or exact name); the pair is they and their buddy",
    )
    announce.add_argument(
        "--text", type=text(4000), help="one message for everyone (at most 4000 characters)"
    )
    announce.add_argument("--text-de", type=text(4000), help="the message in German")
    announce.add_argument("--text-en", type=text(4000), help="the message in English")
    announce.add_argument(
        "--file",
        type=argparse.FileType("r", encoding="utf-8"),
        help="both messages from a file: a line [de], the German text, a line [en], the English",
    )
    announce.add_argument("--yes", action="store_true", help="send without asking")
    announce.add_argument(
        "--wait", type=number(0, 3600), default=60, help="seconds to show delivery progress (60)"
    )
    announce.set_defaults(run=_announce)


def _outbox(settings, args: argparse.Namespace) -> int:
    from zoneinfo import ZoneInfo

    from bot.app.wiring import open_database
    from bot.team import TeamError, check_states, outbox_counts, outbox_rows, retry
    from storage.text import printable

    states = [s.strip().lower() for s in args.state.split(",") if s.strip()]
    try:
        check_states(states)  # before the database is opened
    except TeamError as exc:
        print(f"imbot: --state: {_cli_text(exc)}", file=sys.stderr)
        return EXIT_USAGE
    sessions = open_database(settings, create=False)
    if args.retry is not None:
        with sessions() as s:
            try:
                retry(s, args.retry, datetime.now(UTC))
            except TeamError as exc:
                print(f"imbot: {_cli_text(exc)}", file=sys.stderr)
                return EXIT_CONFIG
            s.commit()
        print(f"Message #{args.retry} is due again; the running bot sends it.")
        return EXIT_OK
    tz = ZoneInfo(settings.timezone)
    with sessions() as s:
        counts = outbox_counts(s)
        rows = outbox_rows(s, states, args.limit)
        lines = [
            f"#{r.id:<6} {r.state:11} {r.due_at.astimezone(tz):%Y-%m-%d %H:%M}  {r.kind:9} "
            f"{r.platform}:{printable(r.chat_id)}  tries {r.attempts}"
            + (f"  last error: {printable(r.last_error)}" if r.last_error else "")
            for r in rows
        ]
    print("outbox: " + (", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "empty"))
    print("\n".join(lines) if lines else f"No messages in the state {', '.join(states)}.")
    if any(r.state == "failed" for r in rows):
        print("Send a failed one again: imbot admin outbox --retry ID")
    return EXIT_OK


def _cli_text(exc) -> str:
    return cli_text(exc.key, exc.fields)


def _texts(args: argparse.Namespace) -> dict[str, str] | str:
    """The message per language, or what is wrong with the arguments."""
    from storage.text import storable

    if args.file is not None:
        blocks: dict[str, list[str]] = {}
        current = None
        for line in args.file.read().splitlines():
            if line.strip().lower() in ("[de]", "[en]"):
                current = line.strip().lower()[1:3]
                blocks[current] = []
            elif current is not None:
                blocks[current].append(line)
        found = {k: storable("\n".join(v)).strip() for k, v in blocks.items()}
        if not (found.get("de") and found.get("en")):
            return (
                "the file needs a line [de] with the German text and a line [en] with the English"
            )
        if max(len(v) for v in found.values()) > 4000:
            return "each text is at most 4000 characters"
        return found
    if args.text_de or args.text_en:
        if not (args.text_de and args.text_en):
            return "give both --text-de and --text-en (or --text for one text to everyone)"
        return {"de": args.text_de, "en": args.text_en}
    if args.text:
        return {"de": args.text, "en": args.text}
    return "give --text-de and --text-en, --file, or --text"


def _announce(settings, args: argparse.Namespace) -> int:
    from bot.app.wiring import open_database
    from bot.team import announcement, pair_recipients, queue_announcement, recipients

    texts = _texts(args)
    if (args.to == "pair") != (args.expert is not None):
        texts = "--to pair needs --expert PERSON (and --expert only goes with --to pair)"
    if isinstance(texts, str):
        print(f"imbot: {texts}", file=sys.stderr)
        return EXIT_USAGE
    sessions = open_database(settings, create=False)
    audience = args.to
    with sessions() as s:
        if args.to == "pair":
            from bot.people import People

            expert, buddy, targets = pair_recipients(s, People(sessions).expert_id(args.expert))
            audience = f"the pair {expert} and {buddy}"
        else:
            targets = recipients(s, args.to)
    print(f"Preview – to {audience} ({len(targets)} chats):\n")
    for lang, name in (("de", "German"), ("en", "English")):
        n = sum(1 for *_, x in targets if x == lang)
        print(f"-- {name} ({n} chats) --\n{announcement(texts[lang], args.to, lang)}\n")
    if not targets:
        print("Nobody to send to.")
        return EXIT_OK
    if not args.yes:
        answer = confirm(f"Send to {len(targets)} chats?", "add --yes to send")
        if answer is None:
            return EXIT_USAGE
        if not answer:
            print("Nothing sent.")
            return EXIT_OK
    with sessions() as s:
        ref = queue_announcement(s, args.to, texts, targets, datetime.now(UTC))
        s.commit()
    print(f"Queued as {ref}; the running bot delivers it.")
    _progress(sessions, ref, len(targets), args.wait)
    return EXIT_OK


def _progress(sessions, ref: str, total: int, wait: float) -> None:
    """A progress bar of the announcement's delivery, for at most `wait` seconds."""
    from sqlalchemy import func, select

    from storage import outbox
    from storage.models import OutboxRow

    deadline = time.monotonic() + wait
    while True:
        with sessions() as s:
            done = s.scalar(
                select(func.count()).where(
                    OutboxRow.ref == ref,
                    OutboxRow.state != outbox.PENDING,
                    OutboxRow.state != "claimed",
                )
            )
        filled = int(30 * done / total)
        print(
            f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total} delivered or settled",
            end="",
            flush=True,
        )
        if done >= total or time.monotonic() >= deadline:
            break
        time.sleep(1)
    print()
    if done < total:
        print(
            f"{total - done} still queued: `imbot admin outbox` shows them; they go out while the bot runs."
        )
