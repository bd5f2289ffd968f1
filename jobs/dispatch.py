"""The outbox dispatcher: claim due rows, send them through the platform's sender,
settle them. It keeps nothing in memory that matters: a crash or restart loses
nothing, because the rows stay in the database until they are settled.

Policies
- Late reminders: a row whose event (deadline, meeting) has passed is dropped and
  logged; one whose event is still ahead is sent, however late.
- 429 / M_LIMIT_EXCEEDED (`RetryAfter`): the row waits the server's time, and the
  whole platform pauses that long.
- Network errors (`TransientError`): exponential backoff with jitter, up to
  `max_attempts`; then the row is `failed` and shows in `imbot admin outbox`.
- Any other exception from a sender (a library error nobody foresaw, e.g. nio's
  `LocalProtocolError` for a room the bot left) is a failed try of that row only,
  with the same backoff and final `failed`: one bad message never stops the batch.
- Blocked by the user (`Unreachable`): the row and the chat's other pending rows
  become `unreachable`, the chat identity is marked, subscriptions stop.
- One chat's order: while a row waits for a retry (a network error, a 429), the
  chat's other rows due by then wait behind it, in their order (also the rest of
  the batch): a person never gets a later message before an earlier one.
- Rate limits by design: at most `rate_per_second` per platform and one message per
  `per_chat_seconds` per chat (Telegram: 30/s and 1 s).
- Forget instructions (`outbox.FORGET`, queued by an erasure): the sender's `forget`
  removes what the platform adapter keeps of that chat and account; then the row is
  stripped of its ids. They are never given up: a failed try waits (at most an hour)
  and is tried again, because an erasure that is dropped would leave the data behind.
- A message in several parts (a long text split for the platform, then its calendar
  file): a sender whose send fails after some parts tells how many went out (the
  error's `parts_sent`); the row keeps the count (`parts_sent`) and the retry sends
  only the rest (`Delivery.parts_sent`), so the first part never arrives twice.
Delivery is at least once: a worker that dies after sending but before settling
leaves a claimed row that is sent again when its lease runs out; senders get the
row's dedupe key to drop such a repeat where the platform allows it. A send whose
answer never came (Telegram's read timeout after it took the message) is tried
again too: a message possibly twice rather than lost (see the Telegram adapter).

Leases are short (15 s by default) and renewed while the worker sends, so a batch
that takes longer than the lease (one chat's many messages at one per second, a
429 pause) stays with its worker, and after a crash (`kill -9`) the rest of the
batch is free again within one lease: another replica, or the restarted process,
sends it at its next tick.
"""

from __future__ import annotations

import json
import logging
import os
import random
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Protocol

from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from jobs.render import render
from storage import outbox
from storage.db import scrub_erased
from storage.models import ChatIdentity, OutboxRow, Subscription

__all__ = [
    "Delivery",
    "Dispatcher",
    "Rejected",
    "RetryAfter",
    "SendError",
    "Sender",
    "TickStats",
    "TransientError",
    "Unreachable",
    "parts_sent",
]

log = logging.getLogger(__name__)


class SendError(Exception):
    """A failed send. Any error a sender raises may carry `parts_sent`: how many
    parts of the message were delivered before it (see `Delivery.parts_sent`)."""

    parts_sent: int | None = None


class RetryAfter(SendError):
    def __init__(self, seconds: float) -> None:
        super().__init__(f"rate limited, retry after {seconds} s")
        self.seconds = seconds


class TransientError(SendError):
    """A network error or a 5xx: worth trying again later."""


class Unreachable(SendError):
    """The user blocked the bot or left: do not try again."""


class Rejected(SendError):
    """The platform refused this message for good (e.g. malformed): no retry."""


@dataclass(frozen=True)
class Delivery:
    """What a sender gets: platform-neutral, like the router's Outbound."""

    dedupe_key: str
    platform: str
    chat_id: str
    text: str
    buttons: tuple[tuple[str, str, bool], ...] = ()  # label, data, confirms
    file: tuple[str, str, bytes] | None = None
    # parts delivered by earlier tries (a long text's parts, then the file), not to be
    # sent again; a sender whose send fails after some parts sets the error's
    # `parts_sent` to the parts delivered by then (these included)
    parts_sent: int = 0


def parts_sent(error: BaseException) -> int | None:
    """The parts of a message a failed send delivered in all (None: not told)."""
    parts = getattr(error, "parts_sent", None)
    return parts if isinstance(parts, int) else None


class Sender(Protocol):
    platform: str
    rate_per_second: float | None
    per_chat_seconds: float | None

    def send(self, delivery: Delivery) -> None: ...

    # and, for a platform whose adapter keeps a store of its chats:
    # def forget(self, chat_id: str, user_id: str) -> None: ...


@dataclass
class TickStats:
    sent: int = 0
    retried: int = 0
    failed: int = 0
    dropped: int = 0
    unreachable: int = 0
    lateness: list[float] = field(default_factory=list)  # seconds after due, per sent row


class _Pace:
    """Spacing of sends per platform and per chat, on an injectable clock."""

    def __init__(self, monotonic: Callable[[], float], sleep: Callable[[float], None]) -> None:
        self._now, self._sleep = monotonic, sleep
        self._next_platform: dict[str, float] = {}
        self._next_chat: dict[tuple[str, str], float] = {}

    def wait(self, sender: Sender, chat_id: str) -> None:
        key = (sender.platform, chat_id)
        ready = max(self._next_platform.get(sender.platform, 0.0), self._next_chat.get(key, 0.0))
        if ready > self._now():
            self._sleep(ready - self._now())
        now = self._now()
        if sender.rate_per_second:
            self._next_platform[sender.platform] = now + 1 / sender.rate_per_second
        if sender.per_chat_seconds:
            self._next_chat[key] = now + sender.per_chat_seconds

    def pause(self, platform: str, seconds: float) -> None:
        self._next_platform[platform] = max(
            self._next_platform.get(platform, 0.0), self._now() + seconds
        )


# brings a row up to date when it is sent: (text, file) or None (nothing to change)
Freshen = Callable[[OutboxRow, datetime], "tuple[str, tuple[str, str, bytes] | None] | None"]


class Dispatcher:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        senders: dict[str, Sender],
        *,
        clock: Callable[[], datetime] | None = None,
        worker: str | None = None,
        lease: timedelta = timedelta(seconds=15),
        batch: int = 30,
        max_attempts: int = 6,
        backoff: timedelta = timedelta(seconds=30),
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
        freshen: Freshen | None = None,
    ) -> None:
        self._sessions = sessions
        self._freshen = freshen
        self.senders = senders
        self._clock = clock or (lambda: datetime.now(UTC))
        self.worker = worker or f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.lease, self.batch, self.max_attempts, self.backoff = (
            lease,
            batch,
            max_attempts,
            backoff,
        )
        self._pace = _Pace(monotonic, sleep)
        self._rng = rng or random.Random()
        self._stopping = False
        self._held_until: datetime | None = None  # our lease on the claimed rows ...
        self._held: set[int] = set()  # ... and which rows it still covers
        self._skip: set[int] = set()  # claimed rows of the batch settled with another one

    def request_stop(self) -> None:
        """The running tick ends after the message in flight; no new tick starts."""
        self._stopping = True

    def stop(self) -> int:
        """Stop, and give back the rows still claimed (call after the last tick ended)."""
        self._stopping = True
        with self._sessions() as session:
            released = outbox.release(session, self.worker)
            session.commit()
        return released

    def tick(self, max_rows: int | None = None) -> TickStats:
        """Send everything due now (up to `max_rows`); returns what happened."""
        stats = TickStats()
        done = 0
        while (max_rows is None or done < max_rows) and not self._stopping:
            limit = self.batch if max_rows is None else min(self.batch, max_rows - done)
            with self._sessions() as session:
                now = self._clock()
                rows = outbox.claim(
                    session, self.worker, now, self.lease, limit, tuple(self.senders)
                )
                session.commit()
            self._held_until, self._held = now + self.lease, {r.id for r in rows}
            if not rows:
                break
            self._skip = set()
            for row in rows:
                if self._stopping:
                    break  # the rest stays claimed until stop() releases it
                if row.id in self._skip:
                    continue  # waits behind its chat's earlier row, or the chat blocked us
                self._isolated(row, stats)
            done += len(rows)
            if self._stopping:
                break
        return stats

    def _isolated(self, row: OutboxRow, stats: TickStats) -> None:
        """One row, whatever happens to it: an error in preparing or settling it (a
        malformed row, a database hiccup) is that row's failed try, never the batch's."""
        try:
            self._process(row, stats)
        except Exception as exc:
            log.warning("outbox row %s could not be processed: %s", row.id, type(exc).__name__)
            try:
                self._retry_later(row, stats, f"unexpected {type(exc).__name__}")
            except Exception:  # the database is away: the lease brings the row back
                log.warning("outbox row %s stays claimed until its lease ends", row.id)

    def _process(self, row: OutboxRow, stats: TickStats) -> None:
        now = self._clock()
        if row.event_at is not None and row.event_at <= now:
            log.warning(
                "dropping outbox row %s (%s): its event passed at %s",
                row.id,
                row.kind,
                row.event_at,
            )
            stats.dropped += 1
            return self._settle(row, outbox.DROPPED, error="event passed before delivery")
        sender = self.senders[row.platform]
        if row.kind == outbox.FORGET:
            return self._forget(sender, row, stats)
        buttons = tuple(
            (b[0], b[1], len(b) > 2 and bool(b[2])) for b in json.loads(row.buttons or "[]")
        )
        file = (row.file_name, row.file_mime, row.file_data) if row.file_name else None
        text = render(row.render, row.text, now)  # words true when they are read
        if self._freshen is not None:  # facts true when they are read (a reminder's place)
            try:
                fresh = self._freshen(row, now)
            except Exception as exc:  # the words as planned, never a stale calendar file
                log.warning("outbox row %s not brought up to date: %s", row.id, exc)
                fresh = (text, None) if row.kind == "meeting" else None
            if fresh is not None:
                text, file = fresh
        delivery = Delivery(
            row.dedupe_key, row.platform, row.chat_id, text, buttons, file, row.parts_sent or 0
        )
        self._pace.wait(sender, row.chat_id)
        if not self._hold(row):
            return None
        try:
            try:
                sender.send(delivery)
            except Exception as exc:
                self._parts_delivered(row, exc)
                raise
        except RetryAfter as exc:
            return self._retry_after(row, stats, exc)
        except Unreachable as exc:
            stats.unreachable += 1
            self._settle(row, outbox.UNREACHABLE, error=str(exc))
            return self._mark_unreachable(row.platform, row.chat_id, stats)
        except Rejected as exc:
            log.error("outbox row %s rejected by %s: %s", row.id, row.platform, exc)
            stats.failed += 1
            return self._settle(row, outbox.FAILED, error=str(exc))
        except TransientError as exc:
            return self._retry_later(row, stats, str(exc))
        except Exception as exc:  # isolated: this row's try failed, the batch goes on
            log.warning(
                "outbox row %s: unexpected %s from the %s sender",
                row.id,
                type(exc).__name__,
                row.platform,
            )
            return self._retry_later(row, stats, f"unexpected {type(exc).__name__}")
        stats.sent += 1
        stats.lateness.append((self._clock() - row.due_at).total_seconds())
        self._settle(row, outbox.SENT, text=text if text != row.text else None)

    def _parts_delivered(self, row: OutboxRow, exc: Exception) -> None:
        """A send failed after some parts of the message went out: keep how many, so
        that no try sends them again (also when this one settles it for good)."""
        parts = parts_sent(exc)
        if parts is None or parts <= (row.parts_sent or 0):
            return
        try:
            with self._sessions() as session:
                outbox.parts_delivered(session, row.id, self.worker, parts)
                session.commit()
        except Exception as db_exc:  # the row is sent whole again: at least once
            log.warning("outbox row %s: delivered parts not kept (%s)", row.id, db_exc)
            return
        row.parts_sent = parts

    def _retry_after(self, row: OutboxRow, stats: TickStats, exc: RetryAfter) -> None:
        """The platform asked to wait: pause it and send the row again after that."""
        self._pace.pause(row.platform, exc.seconds)
        stats.retried += 1
        return self._settle(
            row,
            outbox.PENDING,
            error=str(exc),
            retry_at=self._clock() + timedelta(seconds=exc.seconds),
        )

    def _forget(self, sender: Sender, row: OutboxRow, stats: TickStats) -> None:
        """An erasure instruction: the adapter forgets the chat and the account; the
        row then loses both ids. Idempotent, so a repeat after a crash does no harm."""
        forget = getattr(sender, "forget", None)
        if forget is None:  # nothing kept there: done
            return self._settle(row, outbox.SENT, strip=True)
        if not self._hold(row):
            return None
        try:
            forget(row.chat_id, row.text)
        except RetryAfter as exc:
            return self._retry_after(row, stats, exc)
        except Exception as exc:  # never given up: the data would stay behind
            log.warning(
                "outbox row %s: forgetting a %s chat failed (%s); tried again later",
                row.id,
                row.platform,
                type(exc).__name__,
            )
            return self._retry_later(row, stats, f"forget: {type(exc).__name__}")
        stats.sent += 1
        self._settle(row, outbox.SENT, strip=True)

    def _retry_later(self, row: OutboxRow, stats: TickStats, error: str) -> None:
        """A failed try: back off and try again, or give up after `max_attempts`
        (a forget instruction is never given up)."""
        if row.attempts >= self.max_attempts and row.kind != outbox.FORGET:
            log.error("outbox row %s failed after %s attempts: %s", row.id, row.attempts, error)
            stats.failed += 1
            return self._settle(row, outbox.FAILED, error=error)
        delay = self.backoff * 2 ** (row.attempts - 1) * (1 + self._rng.random() / 4)
        stats.retried += 1
        return self._settle(
            row,
            outbox.PENDING,
            error=error,
            retry_at=self._clock() + min(delay, timedelta(hours=1)),
        )

    def _hold(self, row: OutboxRow) -> bool:
        """Right before a send: renew the lease once half of it is gone. False if the
        row is no longer ours (our lease ran out, e.g. in a long pause, and another
        worker took it over): then that worker sends it, not we."""
        now = self._clock()
        if self._held_until is None or self._held_until - now <= self.lease / 2:
            with self._sessions() as session:
                self._held = outbox.renew(session, self.worker, now + self.lease)
                session.commit()
            self._held_until = now + self.lease
        if row.id not in self._held:
            log.warning("outbox row %s: another worker took it over; not sent here", row.id)
        return row.id in self._held

    def _settle(
        self,
        row: OutboxRow,
        state: str,
        *,
        error: str | None = None,
        retry_at: datetime | None = None,
        strip: bool = False,
        text: str | None = None,
    ) -> None:
        """Record the outcome; `strip` also removes the row's recipient and text in
        the same transaction (a forget instruction that was carried out). A row that
        waits for a retry (`retry_at`) holds back its chat's later rows."""
        with self._sessions() as session:
            settled = outbox.settle(
                session,
                row.id,
                self.worker,
                state=state,
                now=self._clock(),
                error=error,
                retry_at=retry_at,
                text=text,
            )
            if not settled:
                log.warning("outbox row %s: our claim had expired before it was settled", row.id)
            elif strip:
                outbox.strip(session, row.id)
            elif retry_at is not None:
                self._skip.update(
                    outbox.push_back(
                        session, row.platform, row.chat_id, retry_at, self.worker, failed=row.id
                    )
                )
            session.commit()
            if settled and strip:
                scrub_erased(session)

    def _mark_unreachable(self, platform: str, chat_id: str, stats: TickStats) -> None:
        """The chat blocked the bot: its pending rows, and the rest of them in our
        batch, are not sent; the chat identity is marked, subscriptions stop."""
        now = self._clock()
        with self._sessions() as session:
            outbox.cancel(session, platform=platform, chat_id=chat_id, state=outbox.UNREACHABLE)
            ours = outbox.cancel_claimed(
                session, self.worker, platform=platform, chat_id=chat_id, state=outbox.UNREACHABLE
            )
            self._skip.update(ours)
            stats.unreachable += len(ours)
            session.execute(
                update(ChatIdentity)
                .where(ChatIdentity.platform == platform, ChatIdentity.chat_id == chat_id)
                .values(unreachable_at=now)
            )
            session.execute(
                update(Subscription)
                .where(
                    Subscription.platform == platform,
                    Subscription.chat_id == chat_id,
                    Subscription.stopped_at.is_(None),
                )
                .values(stopped_at=now)
            )
            session.commit()
        log.info("chat on %s marked unreachable (blocked the bot)", platform)
