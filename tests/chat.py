"""Routers for chat tests: every feature whose services are given, as in the app."""

from __future__ import annotations

from bot.chat import FEATURES
from bot.chat.handlers import Services
from bot.chat.router import Router


def make_router(faq, *, clock=None, **services) -> Router:
    wired = Services(faq=faq, **services)
    if clock is not None:
        wired.clock = clock
    return Router(wired, FEATURES)
