"""What the adapters share: outbox deliveries as neutral replies, and numbered
choices for platforms without buttons (the console, Matrix)."""

from __future__ import annotations

from bot.messages import Attachment, Button, Outbound
from jobs.dispatch import Delivery

__all__ = ["from_delivery", "numbered", "pressed"]


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


def pressed(text: str, buttons: tuple[Button, ...]) -> Button | None:
    """The button a typed number ("4" or "#4") stands for, if it is one."""
    text = text.strip().removeprefix("#").strip()
    if not text.isdigit():
        return None
    if any(b.number is not None for b in buttons):
        return next((b for b in buttons if b.number == int(text)), None)
    if 1 <= int(text) <= len(buttons):
        return buttons[int(text) - 1]
    return None
