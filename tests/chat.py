"""Chat tests: routers with every feature whose services are given, as in the app, and
people writing to them."""

from __future__ import annotations

from bot.chat import FEATURES
from bot.chat.handlers import Services
from bot.chat.router import Router
from bot.messages import Inbound, Outbound


def make_router(faq, *, clock=None, **services) -> Router:
    wired = Services(faq=faq, **services)
    if clock is not None:
        wired.clock = clock
    return Router(wired, FEATURES)


def say(router, user="u1", text="", data=None, *, lang_hint=None) -> list[Outbound]:
    """`user` writes `text` (or presses the button with `data`) in their console chat."""
    return router.handle(Inbound("console", user, user, text=text, data=data, lang_hint=lang_hint))
