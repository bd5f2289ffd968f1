"""`imbot admin outbox` and `imbot admin announce`: what waits to be sent, and a
message to a whole group (applicants, experts, buddies) after a preview."""

from __future__ import annotations

import argparse
import time
import uuid
from datetime import UTC, datetime

from bot.cli.common import EXIT_OK, EXIT_USAGE, confirm, number, text

__all__ = ["add_parsers", "recipients"]

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
        "--text", required=True, type=text(4000), help="the message (at most 4000 characters)"
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


def recipients(session, group: str) -> list[tuple[str, str]]:
    """(platform, chat_id) of a group: subscribed applicants, or linked experts/buddies
    that have not blocked the bot."""
    from sqlalchemy import select

    from storage.models import ChatIdentity, Person, Subscription

    if group == "applicants":
        stmt = select(Subscription.platform, Subscription.chat_id).where(
            Subscription.stopped_at.is_(None)
        )
    else:
        stmt = (
            select(ChatIdentity.platform, ChatIdentity.chat_id)
            .join(Person)
            .where(
                Person.role == ROLE_OF_GROUP[group],
                Person.revoked_at.is_(None),
                Person.erased_at.is_(None),
                ChatIdentity.unreachable_at.is_(None),
            )
        )
    return sorted(set(session.execute(stmt).all()))


def _announce(settings, args: argparse.Namespace) -> int:
    from bot.app.wiring import open_database
    from storage import outbox

    sessions = open_database(settings)
    with sessions() as s:
        targets = recipients(s, args.to)
    print(f"Preview – to {args.to} ({len(targets)} chats):\n\n{args.text}\n")
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
            text=args.text,
            due_at=now,
            ref=ref,
        )
        for p, c in targets
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
