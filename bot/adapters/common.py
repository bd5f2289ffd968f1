"""What the adapters share: outbox deliveries as neutral replies, numbered
choices for platforms without buttons (the console, Matrix), `PerChat`, the
order of concurrent work (many chats at once, each chat in turn), and
`send_in_order` and `Outboxed`: a chat's replies in order, the ones that cannot be
sent now handed to the outbox, and the chat's next replies behind them."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Hashable, Sequence
from dataclasses import replace
from functools import partial
from typing import TypeVar

from bot.chat.choices import ACK, beyond, confirming, plain, pressed, unclear_yes
from bot.messages import Address, Attachment, Button, Outbound
from jobs.dispatch import Delivery

__all__ = [
    "ACK",
    "Behind",
    "Outboxed",
    "Parts",
    "PerChat",
    "beyond",
    "confirming",
    "from_delivery",
    "numbered",
    "plain",
    "pressed",
    "send_in_order",
    "unclear_yes",
]

log = logging.getLogger(__name__)

T = TypeVar("T")

# queues a chat's replies (`to=` the chat) in the outbox behind what it owes the chat;
# with True only if it owes the chat something. Returns whether it queued them.
Behind = Callable[[list[Outbound], bool], bool]


async def send_in_order(
    replies: Sequence[T],
    send: Callable[[T], Awaitable[object]],
    queue: Callable[[list[T]], Awaitable[object]],
) -> bool:
    """Send `replies` one after another. One that cannot be sent now (the platform
    is away, a 429 beyond what the adapter waits, any error) goes to `queue` (the
    outbox) with the ones after it: it tries again, paced and in order, so a reply
    is never lost, and none overtakes it. Returns whether all were sent here."""
    for i, reply in enumerate(replies):
        try:
            await send(reply)
        except Exception as exc:
            log.warning(
                "a reply could not be sent now (%s: %s); the outbox sends it",
                type(exc).__name__,
                exc,
            )
            await queue(list(replies[i:]))
            return False
    return True


class Parts:
    """How many parts of an outbox message are delivered (a long text's parts, then its
    files): a sender starts with the count of earlier tries, skips those parts, and
    counts each part it delivers; the count goes with the error when a part fails."""

    def __init__(self, sent: int = 0) -> None:
        self.sent = sent


class PerChat:
    """Messages of different chats are handled at the same time, at most `limit` at
    once; the messages of one chat one after another, in the order they arrived.

    A message first waits for its chat's earlier messages, then for a free slot, so
    one busy chat never holds the slots others need. Call `run` in arrival order
    (asyncio wakes the waiters of a lock in the order they came)."""

    def __init__(self, limit: int) -> None:
        if limit < 1:
            raise ValueError("limit must be at least 1")
        self.limit = limit
        self._slots = asyncio.Semaphore(limit)
        self._chats: dict[Hashable, tuple[asyncio.Lock, int]] = {}  # lock, messages holding it

    async def run(self, chat: Hashable, work: Awaitable[T]) -> T:
        lock, users = self._chats.get(chat) or (asyncio.Lock(), 0)
        self._chats[chat] = (lock, users + 1)
        try:
            async with lock, self._slots:
                return await work
        finally:
            lock, users = self._chats[chat]
            if users == 1:
                del self._chats[chat]  # no lock kept for chats that went quiet
            else:
                self._chats[chat] = (lock, users - 1)

    @property
    def chats_waiting(self) -> int:
        return len(self._chats)


class Outboxed:
    """A chat's direct replies, never lost and never overtaking: the ones from the
    first that cannot be sent on go to the outbox (`send_in_order`), and while the
    outbox may owe the chat messages (a send to it failed here), the chat's next
    replies ask it and, if it does, queue behind them (the database decides). The first
    reply to each chat after a start asks too: the outbox may still owe it messages from
    before a restart."""

    def __init__(
        self,
        platform: str,
        behind: Behind | None,
        notify: Callable[[list[Outbound]], None],
        in_thread: Callable[[Callable, object], Awaitable],
    ) -> None:
        self.platform = platform
        self._behind = behind or partial(_as_notices, notify)
        self._in_thread = in_thread  # the adapter's bound on database work
        self._clear: set[str] = set()  # chats the outbox owed nothing when last asked

    def failed(self, chat_id: Hashable) -> None:
        """A send to the chat failed (a direct reply, or the outbox's own)."""
        self._clear.discard(str(chat_id))

    async def deliver(self, chat_id: Hashable, replies: Sequence[Outbound], send: Callable) -> None:
        if not replies:
            return
        if str(chat_id) not in self._clear:
            if await self.queue(chat_id, replies, only_if_owed=True):
                return
            self._clear.add(str(chat_id))
        await send_in_order(replies, send, partial(self.queue, chat_id))

    async def queue(
        self, chat_id: Hashable, replies: Sequence[Outbound], only_if_owed: bool = False
    ) -> bool:
        to = Address(self.platform, str(chat_id))
        later = [replace(r, to=to) for r in replies]
        queued = await self._in_thread(lambda rs: self._behind(rs, only_if_owed), later)
        if queued:
            self.failed(chat_id)
        return queued


def _as_notices(
    notify: Callable[[list[Outbound]], None], replies: list[Outbound], only_if_owed: bool
) -> bool:
    """Without a `Behind` (an adapter tested alone): as notices, owing nothing."""
    if only_if_owed:
        return False
    notify(replies)
    return True


def from_delivery(delivery: Delivery) -> Outbound:
    """An outbox row as the reply the adapter already knows how to send."""
    files = (Attachment(*delivery.file),) if delivery.file else ()
    buttons = tuple(Button(label, data, confirms) for label, data, confirms in delivery.buttons)
    return Outbound(delivery.text, buttons, files)


def numbered(buttons: tuple[Button, ...]) -> list[str]:
    """Choices as a numbered list. Buttons that carry their own number (a meeting's
    #N, as /termine shows it) are listed with it, so there is one numbering."""
    if any(b.number is not None for b in buttons):
        return [f"#{b.number} {b.label}" if b.number is not None else b.label for b in buttons]
    return [f"{i}. {b.label}" for i, b in enumerate(buttons, 1)]
