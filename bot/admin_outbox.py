"""`imbot admin edition|outbox|announce`: editions, the outbox, announcements."""

from __future__ import annotations

import argparse
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from bot.config import Settings
from jobs.editions import EditionError
from jobs.timeline import Timeline
from storage import outbox
from storage.models import ChatIdentity, FaqCount, Meeting, OutboxRow, Person, Subscription

__all__ = ["recipients", "run"]

EXIT_OK, EXIT_CONFIG, EXIT_USAGE = 0, 1, 2
ROLE_OF_GROUP = {"experts": "expert", "buddies": "buddy"}


def run(settings: Settings, args: argparse.Namespace) -> int:
    from bot.app import open_database

    sessions = open_database(settings)
    if args.admin_command == "edition":
        return _edition(sessions, args, settings)
    if args.admin_command == "outbox":
        return _outbox(sessions, args, settings)
    if args.admin_command == "stats":
        return _stats(sessions)
    return _announce(sessions, args)


def _stats(sessions) -> int:
    """People by role, this week's questions, meetings, reminders: counts only."""
    now = datetime.now(UTC)
    week = (now - timedelta(days=now.weekday())).date()  # since Monday
    with sessions() as s:
        roles = dict(s.execute(select(Person.role, func.count()).where(Person.erased_at.is_(None),
                                                                      Person.revoked_at.is_(None))
                               .group_by(Person.role)).all())  # fmt: skip
        subscribers = s.scalar(select(func.count()).where(Subscription.stopped_at.is_(None))) or 0
        asked = dict(s.execute(select(FaqCount.confident, func.sum(FaqCount.count)).where(FaqCount.day >= week)
                               .group_by(FaqCount.confident)).all())  # fmt: skip
        held = (
            s.scalar(
                select(func.count()).where(Meeting.state == "confirmed", Meeting.ends_at <= now)
            )
            or 0
        )
        upcoming = s.scalar(select(func.count()).where(Meeting.state.in_(("requested", "confirmed")),
                                                        Meeting.ends_at > now)) or 0  # fmt: skip
        cancelled = s.scalar(select(func.count()).where(Meeting.state == "cancelled")) or 0
        box = dict(s.execute(select(OutboxRow.state, func.count()).where(OutboxRow.kind.in_(("timeline", "meeting")))
                             .group_by(OutboxRow.state)).all())  # fmt: skip
    print("people:    " + (", ".join(f"{n} {r}" for r, n in sorted(roles.items())) or "none") +
          f"; {subscribers} chats subscribed to reminders")  # fmt: skip
    print(
        f"questions: since Monday {asked.get(True, 0)} answered, {asked.get(False, 0)} not answered"
    )
    print(f"meetings:  {held} held, {upcoming} upcoming, {cancelled} cancelled")
    print(f"reminders: {box.get('sent', 0)} sent, {box.get('failed', 0)} failed, {box.get('pending', 0)} planned, "
          f"{box.get('dropped', 0)} dropped (too late), {box.get('unreachable', 0)} unreachable")  # fmt: skip
    return EXIT_OK


def _edition(sessions, args, settings: Settings) -> int:
    timeline = Timeline(sessions)
    if args.edition_command == "load":
        path = Path(args.file)
        if not path.is_file():
            print(f"imbot: no such file: {path}", file=sys.stderr)
            return EXIT_USAGE
        try:
            data, planned = timeline.load(path.read_text(encoding="utf-8"))
        except EditionError as exc:
            print(f"imbot: {path.name} is not a valid edition:\n{exc}", file=sys.stderr)
            return EXIT_CONFIG
        print(f"Edition {data.slug!r} ({data.name}) is active: {len(data.milestones)} milestones, "
              f"{planned} reminders planned for its subscribers.")  # fmt: skip
        return EXIT_OK
    data = timeline.active()
    if data is None:
        print("No active edition.")
        return EXIT_OK
    print(
        f"{data.slug}: {data.name} ({data.timezone}), {data.starts_on} – {data.ends_on}, pushes at {data.remind_time:%H:%M}"
    )
    for m in data.milestones:
        print(
            f"  {m.day}  {m.key:18} {m.title['de']}  (remind {', '.join(map(str, m.remind_days)) or '-'} days before)"
        )
    return EXIT_OK


def _outbox(sessions, args, settings: Settings) -> int:
    states = [s.strip() for s in args.state.split(",") if s.strip()]
    tz = ZoneInfo(settings.timezone)
    with sessions() as s:
        counts = dict(
            s.execute(select(OutboxRow.state, func.count()).group_by(OutboxRow.state)).all()
        )
        rows = s.scalars(select(OutboxRow).where(OutboxRow.state.in_(states))
                         .order_by(OutboxRow.due_at).limit(args.limit)).all()  # fmt: skip
    print("outbox: " + (", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "empty"))
    for r in rows:
        due = r.due_at.astimezone(tz).strftime("%Y-%m-%d %H:%M")
        error = f"  last error: {r.last_error}" if r.last_error else ""
        print(
            f"#{r.id:<6} {r.state:11} {due}  {r.kind:8} {r.platform}:{r.chat_id}  tries {r.attempts}{error}"
        )
    return EXIT_OK


def recipients(session, group: str) -> list[tuple[str, str]]:
    """(platform, chat_id) of a group: subscribed applicants, or linked experts/buddies
    that have not blocked the bot."""
    if group == "applicants":
        stmt = select(Subscription.platform, Subscription.chat_id).where(
            Subscription.stopped_at.is_(None)
        )
    else:
        stmt = (select(ChatIdentity.platform, ChatIdentity.chat_id).join(Person)
                .where(Person.role == ROLE_OF_GROUP[group], Person.revoked_at.is_(None),
                       Person.erased_at.is_(None), ChatIdentity.unreachable_at.is_(None)))  # fmt: skip
    return sorted(set(session.execute(stmt).all()))


def _announce(sessions, args) -> int:
    with sessions() as s:
        targets = recipients(s, args.to)
    print(f"Preview – to {args.to} ({len(targets)} chats):\n\n{args.text}\n")
    if not targets:
        print("Nobody to send to.")
        return EXIT_OK
    if not args.yes:
        if not sys.stdin.isatty():
            print("imbot: add --yes to send (no terminal to ask)", file=sys.stderr)
            return EXIT_USAGE
        if input(f"Send to {len(targets)} chats? [y/N] ").strip().lower() not in (
            "y",
            "yes",
            "j",
            "ja",
        ):
            print("Nothing sent.")
            return EXIT_OK
    now = datetime.now(UTC)
    ref = f"announce:{now:%Y%m%d%H%M%S}-{uuid.uuid4().hex[:6]}"
    drafts = [outbox.Draft(kind="announce", dedupe_key=f"{ref}:{p}:{c}", platform=p, chat_id=c,
                           text=args.text, due_at=now, ref=ref) for p, c in targets]  # fmt: skip
    with sessions() as s:
        outbox.enqueue(s, drafts, now)
        s.commit()
    print(f"Queued as {ref}; the running bot delivers it.")
    _progress(sessions, ref, len(drafts), args.wait)
    return EXIT_OK


def _progress(sessions, ref: str, total: int, wait: float) -> None:
    """A progress bar of the announcement's delivery, for at most `wait` seconds."""
    deadline = time.monotonic() + wait
    while True:
        with sessions() as s:
            done = s.scalar(select(func.count()).where(OutboxRow.ref == ref, OutboxRow.state != outbox.PENDING,
                                                       OutboxRow.state != "claimed"))  # fmt: skip
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
