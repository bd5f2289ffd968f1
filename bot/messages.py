"""Neutral message types shared by the router and every adapter (no platform types)."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Address", "Attachment", "Button", "Inbound", "Outbound"]


@dataclass(frozen=True)
class Button:
    """A choice offered with a reply. `data` comes back as `Inbound.data` when chosen."""

    label: str
    data: str
    confirms: bool = False  # it says yes to something (Matrix: a 👍 reaction presses it)
    number: int | None = None  # typed to choose it where there are no buttons (a meeting's #N)


@dataclass(frozen=True)
class Inbound:
    """What a person sent: text, or the data of a button they pressed."""

    platform: str
    user_id: str
    chat_id: str
    text: str = ""
    data: str | None = None
    lang_hint: str | None = None  # the client's language, where the platform tells it
    private: bool = True  # a one-to-one chat; False: a Telegram group, a Matrix room of 3+
    reply_to: str | None = None  # the text of the bot's message this one replies to, if any
    typed: bool = False  # `data` is a choice typed ("2", a label), not a button pressed
    first: str = ""  # a held /start: the first line it is the welcome for (the console)


@dataclass(frozen=True)
class Address:
    """A chat on a platform: where a message to someone else goes."""

    platform: str
    chat_id: str
    name: str = ""  # for adapters that show who a message is for (the console)


@dataclass(frozen=True)
class Attachment:
    filename: str
    mime: str
    data: bytes


@dataclass(frozen=True)
class Outbound:
    """A message: plain text (adapters format it), optional buttons and files.
    `to` is None for a reply to the sender, else the chat of another person."""

    text: str
    buttons: tuple[Button, ...] = field(default=())
    files: tuple[Attachment, ...] = field(default=())
    to: Address | None = None
    lang: str | None = None  # the reader's language, for words an adapter adds
