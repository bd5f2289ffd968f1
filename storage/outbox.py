"""The outbox: every message to send is a row; this module writes, claims and
settles rows. Business code enqueues in its own transaction (pass its session);
workers claim due rows with a lease so that no two send the same row at once.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import String, and_, cast, delete, func, literal, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from storage.models import OutboxRow

__all__ = [
    "FORGET",
    "Draft",
    "PENDING",
    "cancel",
    "cancel_claimed",
    "cancel_naming",
    "claim",
    "delete_pending",
    "enqueue",
    "forget",
    "owed_until",
    "parts_delivered",
    "push_back",
    "waiting_until",
    "purge_delivered",
    "release",
    "renew",
    "settle",
    "strip",
]

PENDING, CLAIMED, SENT = "pending", "claimed", "sent"
FAILED, CANCELLED, DROPPED, UNREACHABLE = "failed", "cancelled", "dropped", "unreachable"

# A row of this kind is no message but an erasure instruction for the platform's adapter:
# forget the chat `chat_id` and the account whose user id is in `text` (the Matrix
# adapter leaves and forgets the room and purges the user's keys from its store). Once
# carried out, the row is stripped like every erased row (`strip`).
FORGET = "forget"


@dataclass(frozen=True)
class Draft:
    """A message to store in the outbox."""

    kind: str
    dedupe_key: str
    platform: str
    chat_id: str
    text: str
    due_at: datetime
    event_at: datetime | None = None
    ref: str | None = None
    buttons: tuple[tuple[str, str, bool], ...] = field(default=())  # label, data, confirms
    file: tuple[str, str, bytes] | None = None  # name, mime, data
    render: str | None = None  # JSON to render the text at send time (jobs.render)


ENQUEUE_CHUNK = 1000  # rows per INSERT: 16 columns each stay below SQLite's 32,766 parameters


def enqueue(session: Session, drafts: list[Draft], now: datetime) -> int:
    """Insert drafts; a dedupe key that exists already is skipped. Returns rows added.
    Many drafts are written in several statements of the caller's transaction (the
    databases cap the parameters of one statement), so it stays all or nothing."""
    added = 0
    for i in range(0, len(drafts), ENQUEUE_CHUNK):
        added += _insert(session, drafts[i : i + ENQUEUE_CHUNK], now)
    return added


def _insert(session: Session, drafts: list[Draft], now: datetime) -> int:
    rows = [
        {
            "kind": d.kind,
            "dedupe_key": d.dedupe_key,
            "ref": d.ref,
            "platform": d.platform,
            "chat_id": d.chat_id,
            "text": d.text,
            "buttons": json.dumps(d.buttons) if d.buttons else None,
            "file_name": d.file and d.file[0],
            "file_mime": d.file and d.file[1],
            "file_data": d.file and d.file[2],
            "render": d.render,
            "due_at": d.due_at,
            "event_at": d.event_at,
            "state": PENDING,
            "attempts": 0,
            "created_at": now,
        }
        for d in drafts
    ]
    # the rows as parameters of one cached statement (SQLAlchemy sends them as one
    # multi-row INSERT): rows written into the statement with .values() made it a new
    # statement each time, compiled anew for every notice and reminder; and the
    # statement itself is built once per database
    stmt = _insert_statement(session.get_bind().dialect.name)
    return len(session.execute(stmt, rows).all())


@functools.cache
def _insert_statement(dialect: str):
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return (
        insert(OutboxRow.__table__)
        .on_conflict_do_nothing(index_elements=["dedupe_key"])
        .returning(OutboxRow.id)
    )


def cancel(
    session: Session,
    *,
    ref: str | None = None,
    platform: str | None = None,
    chat_id: str | None = None,
    kind: str | None = None,
    state: str = CANCELLED,
) -> int:
    """Cancel pending rows matching all given filters (e.g. a meeting's reminders)."""
    stmt = update(OutboxRow).where(OutboxRow.state == PENDING)
    for column, value in (
        ("ref", ref),
        ("platform", platform),
        ("chat_id", chat_id),
        ("kind", kind),
    ):
        if value is not None:
            stmt = stmt.where(getattr(OutboxRow, column) == value)
    return session.execute(stmt.values(state=state)).rowcount


def cancel_claimed(
    session: Session, worker: str, *, platform: str, chat_id: str, state: str = CANCELLED
) -> list[int]:
    """Settle the rows of a chat that `worker` has claimed and not sent yet (the rest
    of its batch, when the chat blocked the bot) as `state`. Returns their ids."""
    stmt = (
        update(OutboxRow)
        .where(
            OutboxRow.state == CLAIMED,
            OutboxRow.claimed_by == worker,
            OutboxRow.platform == platform,
            OutboxRow.chat_id == chat_id,
        )
        .values(state=state, claimed_by=None, claimed_until=None)
        .returning(OutboxRow.id)
        .execution_options(synchronize_session=False)
    )
    return list(session.scalars(stmt))


def delete_pending(session: Session, *, ref: str, kind: str | None = None) -> int:
    """Delete unsent rows of `ref`, so that they can be planned anew under the same
    dedupe keys (a changed edition, a new subscription, new reminder times).
    Rows already sent stay and keep their keys: nothing is sent twice."""
    stmt = delete(OutboxRow).where(OutboxRow.ref == ref, OutboxRow.state == PENDING)
    if kind is not None:
        stmt = stmt.where(OutboxRow.kind == kind)
    return session.execute(stmt).rowcount


def claim(
    session: Session,
    worker: str,
    now: datetime,
    lease: timedelta,
    limit: int,
    platforms: tuple[str, ...] | None = None,
) -> list[OutboxRow]:
    """Claim due rows: pending ones, and claimed ones whose lease ran out (a worker
    died). PostgreSQL skips rows other workers are locking; the conditional UPDATE
    makes the claim safe on SQLite too. Commit right after."""
    due = or_(
        OutboxRow.state == PENDING, (OutboxRow.state == CLAIMED) & (OutboxRow.claimed_until < now)
    )
    stmt = select(OutboxRow.id).where(due, OutboxRow.due_at <= now)
    if platforms is not None:
        stmt = stmt.where(OutboxRow.platform.in_(platforms))
    stmt = (
        stmt.order_by(OutboxRow.due_at, OutboxRow.id).limit(limit).with_for_update(skip_locked=True)
    )
    claimed = []
    for row_id in session.scalars(stmt).all():
        took = session.execute(
            update(OutboxRow)
            .where(OutboxRow.id == row_id, due)
            .values(
                state=CLAIMED,
                claimed_by=worker,
                claimed_until=now + lease,
                attempts=OutboxRow.attempts + 1,
            )
        ).rowcount
        if took:
            claimed.append(row_id)
    if not claimed:
        return []
    return list(
        session.scalars(
            select(OutboxRow)
            .where(OutboxRow.id.in_(claimed))
            .order_by(OutboxRow.due_at, OutboxRow.id)
        )
    )


# -- one chat's order ------------------------------------------------------------------
BEHIND = "waits for an earlier message to this chat"
_STEP = timedelta(milliseconds=1)


def owed_until(session: Session, platform: str, chat_id: str, now: datetime) -> datetime | None:
    """When the last message the outbox owes this chat now is due: a row being sent,
    one that is due, or one that was tried or pushed back (it waits for a retry);
    None if it owes the chat nothing (future reminders are not owed yet). A chat's
    direct replies queue behind this time, so they never overtake these rows."""
    owed = or_(
        OutboxRow.state == CLAIMED,
        OutboxRow.due_at <= now,
        OutboxRow.last_error.is_not(None),
    )
    stmt = select(func.max(OutboxRow.due_at)).where(
        OutboxRow.platform == platform,
        OutboxRow.chat_id == chat_id,
        OutboxRow.state.in_((PENDING, CLAIMED)),
        owed,
    )
    return session.scalar(stmt)


def waiting_until(session: Session, platform: str, chat_id: str) -> datetime | None:
    """When the last row of this chat that waits for a retry (or behind one) is due;
    None if none waits. A new message for the chat is due no earlier."""
    stmt = select(func.max(OutboxRow.due_at)).where(
        OutboxRow.platform == platform,
        OutboxRow.chat_id == chat_id,
        OutboxRow.state == PENDING,
        OutboxRow.last_error.is_not(None),
    )
    return session.scalar(stmt)


def push_back(
    session: Session,
    platform: str,
    chat_id: str,
    until: datetime,
    worker: str,
    *,
    failed: int,
) -> list[int]:
    """A row of this chat (`failed`) waits for a retry at `until`: the chat's other
    rows due by then wait behind it, in their order (pending ones, and those `worker`
    has claimed and not sent: they go back unclaimed, the try not counted).
    Returns the ids of the rows pushed back."""
    rows = session.execute(
        select(OutboxRow.id, OutboxRow.due_at, OutboxRow.state)
        .where(
            OutboxRow.platform == platform,
            OutboxRow.chat_id == chat_id,
            OutboxRow.id != failed,
            OutboxRow.due_at <= until,
            (OutboxRow.state == PENDING)
            | ((OutboxRow.state == CLAIMED) & (OutboxRow.claimed_by == worker)),
        )
        .order_by(OutboxRow.due_at, OutboxRow.id)
    ).all()
    if not rows:
        return []
    first = rows[0].due_at
    for row_id, due_at, state in rows:
        values: dict = {"due_at": until + _STEP + (due_at - first), "last_error": BEHIND}
        if state == CLAIMED:
            values.update(
                state=PENDING,
                claimed_by=None,
                claimed_until=None,
                attempts=OutboxRow.attempts - 1,
            )
        session.execute(
            update(OutboxRow)
            .where(OutboxRow.id == row_id)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
    return [r.id for r in rows]


def renew(session: Session, worker: str, until: datetime) -> set[int]:
    """Extend the lease on every row `worker` still holds; returns their ids (a row
    missing from them was taken over by another worker after our lease ran out)."""
    stmt = (
        update(OutboxRow)
        .where(OutboxRow.state == CLAIMED, OutboxRow.claimed_by == worker)
        .values(claimed_until=until)
        .returning(OutboxRow.id)
    )
    return set(session.scalars(stmt))


def release(session: Session, worker: str) -> int:
    """Give back the rows a stopping worker still holds, so others send them at once."""
    stmt = update(OutboxRow).where(OutboxRow.state == CLAIMED, OutboxRow.claimed_by == worker)
    return session.execute(stmt.values(state=PENDING, claimed_by=None, claimed_until=None)).rowcount


def settle(
    session: Session,
    row_id: int,
    worker: str,
    *,
    state: str,
    now: datetime,
    error: str | None = None,
    retry_at: datetime | None = None,
    text: str | None = None,
) -> bool:
    """Record the outcome of a claimed row; only the worker holding the claim may.
    With `retry_at`, the row goes back to pending for that time. `text`: the words
    actually sent when they were worded at sending ("in 90 Minuten", not the planned
    "in 3 Stunden"), kept so that /meinedaten shows what the person read."""
    values: dict = {"claimed_by": None, "claimed_until": None, "last_error": error}
    if retry_at is not None:
        values.update(state=PENDING, due_at=retry_at)
    else:
        values.update(state=state, sent_at=now if state == SENT else None)
        if state == SENT and text is not None:
            values["text"] = text
    stmt = update(OutboxRow).where(
        OutboxRow.id == row_id, OutboxRow.state == CLAIMED, OutboxRow.claimed_by == worker
    )
    return session.execute(stmt.values(**values)).rowcount == 1


def parts_delivered(session: Session, row_id: int, worker: str, parts: int) -> bool:
    """Record that the first `parts` parts of a claimed row's message were delivered
    (a long text sent in several parts, then its files), so that a retry sends only the
    rest; only the worker holding the claim may, and the count never goes down."""
    stmt = update(OutboxRow).where(
        OutboxRow.id == row_id,
        OutboxRow.state == CLAIMED,
        OutboxRow.claimed_by == worker,
        OutboxRow.parts_sent < parts,
    )
    return session.execute(stmt.values(parts_sent=parts)).rowcount == 1


# -- privacy ------------------------------------------------------------------------
DELIVERY_RECORD_DAYS = 30  # settled rows keep recipient and text this long, then only counts

_BLANK = {
    "chat_id": "",
    "text": "",
    "render": None,
    "buttons": None,
    "file_name": None,
    "file_mime": None,
    "file_data": None,
    "last_error": None,
    "ref": None,
}


def _blank(session: Session, condition, tag: str) -> int:
    """Cancel the unsent rows matching `condition` and strip every matching row down
    to kind, platform, state and times (the dedupe key, which may hold a user id,
    becomes `tag:id`)."""
    session.execute(
        update(OutboxRow)
        .where(condition, OutboxRow.state.in_((PENDING, CLAIMED)))
        .values(state=CANCELLED, claimed_by=None, claimed_until=None)
        .execution_options(synchronize_session=False)
    )
    key = literal(f"{tag}:", String) + cast(OutboxRow.id, String)
    return session.execute(
        update(OutboxRow)
        .where(condition)
        .values(**_BLANK, dedupe_key=key)
        .execution_options(synchronize_session=False)
    ).rowcount


def forget(
    session: Session,
    *,
    chats: list[tuple[str, str]],
    refs: list[str],
    names: list[str],
) -> int:
    """Erasure: every row sent to one of `chats` (platform, chat id), planned under
    one of `refs` (a meeting, a subscription), or naming one of `names` in its text
    or its calendar file is cancelled if unsent and stripped of recipient, text and
    file. Returns the rows touched."""
    names = [n.strip().lower() for n in names if n and len(n.strip()) >= 3]
    ids: set[int] = set()
    conditions = [and_(OutboxRow.platform == p, OutboxRow.chat_id == c) for p, c in chats]
    if refs:
        conditions.append(OutboxRow.ref.in_(refs))
    for n in names:  # the text, or the fields a row is rendered from when it is sent
        conditions.append(func.lower(OutboxRow.text).contains(n, autoescape=True))
        conditions.append(func.lower(OutboxRow.render).contains(n, autoescape=True))
    if conditions:
        ids.update(session.scalars(select(OutboxRow.id).where(or_(*conditions))))
    if names:  # calendar files name both sides; lines of an ICS file may be folded
        with_files = select(OutboxRow.id, OutboxRow.file_data).where(
            OutboxRow.file_data.is_not(None)
        )
        for row_id, data in session.execute(with_files):
            text = bytes(data).replace(b"\r\n ", b"").decode("utf-8", "replace").lower()
            if any(n in text for n in names):
                ids.add(row_id)
    touched = 0
    ordered = sorted(ids)
    for i in range(0, len(ordered), 1000):
        touched += _blank(session, OutboxRow.id.in_(ordered[i : i + 1000]), "erased")
    return touched


def strip(session: Session, row_id: int) -> int:
    """Strip one row down to kind, platform, state and times (a forget instruction
    that was carried out): its recipient and user id are gone."""
    return _blank(session, OutboxRow.id == row_id, "erased")


def cancel_naming(session: Session, name: str) -> int:
    """Cancel the unsent rows whose text names `name` (a revoked person): news about
    them that is no longer true. Returns rows cancelled."""
    name = name.strip().lower()
    if len(name) < 3:
        return 0
    naming = or_(
        func.lower(OutboxRow.text).contains(name, autoescape=True),
        func.lower(OutboxRow.render).contains(name, autoescape=True),
    )
    stmt = update(OutboxRow).where(OutboxRow.state == PENDING, naming)
    return session.execute(
        stmt.values(state=CANCELLED).execution_options(synchronize_session=False)
    ).rowcount


def purge_delivered(session: Session, before: datetime) -> int:
    """The retention rule: settled rows (sent, failed, dropped, cancelled,
    unreachable) older than `before` lose recipient, text and file; what remains
    (kind, platform, state, times) is enough for counts. Returns rows purged."""
    settled = and_(
        OutboxRow.state.not_in((PENDING, CLAIMED)),
        func.coalesce(OutboxRow.sent_at, OutboxRow.created_at) < before,
        or_(
            OutboxRow.chat_id != "",
            OutboxRow.text != "",
            OutboxRow.file_data.is_not(None),
            OutboxRow.render.is_not(None),
        ),
    )
    return _blank(session, settled, "purged")
