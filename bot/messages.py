"""Neutral message types shared by the router and every adapter (no platform types)."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Button", "Inbound", "Outbound"]


@dataclass(frozen=True)
class Button:
    """A choice offered with a reply. `data` comes back as `Inbound.data` when chosen."""

    label: str
    data: str


@dataclass(frozen=True)
class Inbound:
    """What a person sent: text, or the data of a button they pressed."""

    platform: str
    user_id: str
    chat_id: str
    text: str = ""
    data: str | None = None
    lang_hint: str | None = None  # the client's language, where the platform tells it


@dataclass(frozen=True)
class Outbound:
    """A reply: plain text (adapters format it) and optional buttons."""

    text: str
    buttons: tuple[Button, ...] = field(default=())
