"""What the adapters share: outbox deliveries as neutral replies, numbered
choices for platforms without buttons (the console, Matrix), and `PerChat`, the
order of concurrent work (many chats at once, each chat in turn)."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Hashable
from typing import TypeVar

from bot.messages import Attachment, Button, Outbound
from jobs.dispatch import Delivery

__all__ = ["PerChat", "from_delivery", "numbered", "pressed"]

T = TypeVar("T")


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


# A typed yes said to choices whose first one confirms something presses it, as a 👍
# reaction does in Matrix ("ja" after "Wirklich löschen?" erases, as the button would).
YES = frozenset({"ja", "ja bitte", "ja gerne", "jawohl", "yes", "yes please", "👍"})
# Words that say nothing about which choice is meant ("ja bitte ans Team" is "ans Team").
FILLER = frozenset(
    "ja jo ok okay bitte gerne doch mal yes please sure the a den die das ich i".split()
)


def pressed(text: str, buttons: tuple[Button, ...]) -> Button | None:
    """The button a typed number ("4" or "#4"), a button's own label ("Ja, löschen"),
    words of exactly one label ("senden", "ans Team") or a plain yes (for a first
    choice that confirms) stands for, if it is one."""
    plain = " ".join(text.lower().strip(" .!").replace(",", " ").split())
    for button in buttons:
        if " ".join(button.label.lower().replace(",", " ").split()) == plain:
            return button
    if plain in YES and buttons and buttons[0].confirms:
        return buttons[0]
    words = set(_words(plain)) - FILLER
    if words and not plain.removeprefix("#").isdigit():
        hits = [b for b in buttons if words <= set(_words(b.label))]
        if len(hits) == 1:
            return hits[0]
    text = text.strip().removeprefix("#").strip()
    if not text.isdigit():
        return None
    if any(b.number is not None for b in buttons):
        return next((b for b in buttons if b.number == int(text)), None)
    if 1 <= int(text) <= len(buttons):
        return buttons[int(text) - 1]
    return None


def beyond(text: str, buttons: tuple[Button, ...]) -> int | None:
    """How many choices there are when `text` is a number that is none of them ("4"
    with three): the person meant a choice and is told the range (not sent to the FAQ)."""
    number = text.strip().removeprefix("#").strip()
    if not number.isdigit() or not buttons or any(b.number is not None for b in buttons):
        return None
    return len(buttons) if pressed(text, buttons) is None else None


def unclear_yes(text: str, buttons: tuple[Button, ...]) -> int | None:
    """How many choices there are when `text` is a plain yes said to several choices
    none of which it presses ("ja" to "Nur #2 / #2 und alle folgenden / Die ganze
    Serie"): the person is asked which one, not told "alles klar" with nothing done."""
    plain = " ".join(text.lower().strip(" .!?").replace(",", " ").split())
    if plain not in YES or len(buttons) < 2 or pressed(text, buttons) is not None:
        return None
    return len(buttons)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())
