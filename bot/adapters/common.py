"""What the adapters share: outbox deliveries as neutral replies, numbered
choices for platforms without buttons (the console, Matrix), `PerChat`, the
order of concurrent work (many chats at once, each chat in turn), and
`send_in_order`: a chat's replies in order, the ones that cannot be sent now
handed to the outbox."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Hashable, Sequence
from typing import TypeVar

from bot.chat.choices import ACK, beyond, plain, pressed, unclear_yes
from bot.messages import Attachment, Button, Outbound
from jobs.dispatch import Delivery

__all__ = [
    "ACK",
    "PerChat",
    "beyond",
    "from_delivery",
    "numbered",
    "plain",
    "pressed",
    "send_in_order",
    "unclear_yes",
]

log = logging.getLogger(__name__)

T = TypeVar("T")


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
