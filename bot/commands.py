"""The shape of a chat command: a handler, the roles allowed to run it, and the
context it receives. Shared by the router and the modules that define commands."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from bot.messages import Inbound, Outbound
from bot.people import Whois
from storage.models import Role

if TYPE_CHECKING:
    from bot.router import Router

__all__ = ["ADMINS", "EVERYONE", "ChatState", "Command", "Context", "Handler"]

EVERYONE: frozenset[Role] = frozenset(Role)
ADMINS: frozenset[Role] = frozenset({Role.ADMIN})


@dataclass
class ChatState:
    lang: str | None = None  # chosen with /sprache; None: follow the person or the client


@dataclass
class Context:
    """What a handler gets: the message, its arguments and who sent it."""

    msg: Inbound
    args: list[str]
    who: Whois | None
    lang: str
    state: ChatState
    router: Router
    now: datetime

    @property
    def role(self) -> Role:
        return self.who.role if self.who else Role.APPLICANT


Handler = Callable[[Context], list[Outbound]]


@dataclass(frozen=True)
class Command:
    names: tuple[str, ...]
    handler: Handler
    roles: frozenset[Role] = field(default=EVERYONE)
