"""`imbot admin outbox` and `imbot admin announce`: what waits to be sent, and a
message to a whole group (applicants, experts, buddies) after a preview."""

from __future__ import annotations

import argparse
import sys
import time
import uuid
from datetime import UTC, datetime

from bot.cli.common import EXIT_OK, EXIT_USAGE, confirm, number, text

__all__ = ["add_parsers", "announcement", "recipients"]

ROLE_OF_GROUP = {"experts": "expert", "buddies": "buddy"}


def add_parsers(actions) -> None:
    box = actions.add_parser("outbox", help="messages waiting, failed or undeliverable")
    box.add_argument(
        "--state",
        default="failed,unreachable,pending,claimed",
        help="comma-separated states (default: failed,unreachable,pending,claimed)",
    )
    box.add_argument("--limit", type=number(1, 10000), default=50, help="rows shown (50)")
    box.set_defaults(run=_outbox)
    announce = actions.add_parser("announce", help="send a message to a group, after a preview")
    announce.add_argument("--to", required=True, choices=("applicants", "experts", "buddies"))
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

    from sqlalchemy import func, select

    from bot.app.wiring import open_database
    from storage.models import OutboxRow

    states = [s.strip() for s in args.state.split(",") if s.strip()]
    tz = ZoneInfo(settings.timezone)
    with open_database(settings)() as s:
        counts = dict(
            s.execute(select(OutboxRow.state, func.count()).group_by(OutboxRow.state)).all()
        )
        rows = s.scalars(
            select(OutboxRow)
            .where(OutboxRow.state.in_(states))
            .order_by(OutboxRow.due_at)
            .limit(args.limit)
        ).all()
    print("outbox: " + (", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "empty"))
    from storage.text import printable

    for r in rows:
        due = r.due_at.astimezone(tz).strftime("%Y-%m-%d %H:%M")
        error = f"  last error: {printable(r.last_error)}" if r.last_error else ""
        print(
            f"#{r.id:<6} {r.state:11} {due}  {r.kind:8} {r.platform}:{printable(r.chat_id)}  "
            f"tries {r.attempts}{error}"
        )
    return EXIT_OK


def recipients(session, group: str) -> list[tuple[str, str, str]]:
    """(platform, chat_id, language) of a group: subscribed applicants, or linked
    experts/buddies that have not blocked the bot. A chat is listed once."""
    from sqlalchemy import select

    from storage.models import ChatIdentity, Person, Subscription

    if group == "applicants":
        stmt = select(Subscription.platform, Subscription.chat_id, Subscription.lang).where(
            Subscription.stopped_at.is_(None)
        )
    else:
        stmt = (
            select(ChatIdentity.platform, ChatIdentity.chat_id, Person.lang)
            .join(Person)
            .where(
                Person.role == ROLE_OF_GROUP[group],
                Person.revoked_at.is_(None),
                Person.erased_at.is_(None),
                ChatIdentity.unreachable_at.is_(None),
            )
        )
    chats: dict[tuple[str, str], str] = {}
    for platform, chat_id, lang in sorted(session.execute(stmt).all()):
        chats.setdefault((platform, chat_id), lang if lang in ("de", "en") else "de")
    return [(p, c, lang) for (p, c), lang in chats.items()]


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


def announcement(text: str, group: str, lang: str) -> str:
    """The message as a recipient reads it: who sends it, the text, how to stop."""
    from bot.texts import t

    stop = "announce_stop_applicants" if group == "applicants" else "announce_stop_members"
    return f"{t('announce_from', lang)}\n\n{text}\n\n{t(stop, lang)}"


def _announce(settings, args: argparse.Namespace) -> int:
    from bot.app.wiring import open_database
    from storage import outbox

    texts = _texts(args)
    if isinstance(texts, str):
        print(f"imbot: {texts}", file=sys.stderr)
        return EXIT_USAGE
    sessions = open_database(settings)
    with sessions() as s:
        targets = recipients(s, args.to)
    print(f"Preview – to {args.to} ({len(targets)} chats):\n")
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
    now = datetime.now(UTC)
    ref = f"announce:{now:%Y%m%d%H%M%S}-{uuid.uuid4().hex[:6]}"
    drafts = [
        outbox.Draft(
            kind="announce",
            dedupe_key=f"{ref}:{p}:{c}",
            platform=p,
            chat_id=c,
            text=announcement(texts[lang], args.to, lang),
            due_at=now,
            ref=ref,
        )
        for p, c, lang in targets
    ]
    with sessions() as s:
        outbox.enqueue(s, drafts, now)
        s.commit()
    print(f"Queued as {ref}; the running bot delivers it.")
    _progress(sessions, ref, len(drafts), args.wait)
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
