"""Chat tests: routers with every feature whose services are given, as in the app, and
people writing to them."""

from __future__ import annotations

import io

from bot.adapters.console import ConsoleAdapter
from bot.chat import FEATURES
from bot.chat.faq_replies import FaqReplies
from bot.chat.handlers import Services
from bot.chat.router import Router
from bot.messages import Inbound, Outbound
from bot.people import People
from bot.timeline import Timeline
from jobs.editions import default_edition_text
from tests.clock import Clock


def make_router(faq, *, clock=None, **services) -> Router:
    wired = Services(faq=faq, **services)
    if clock is not None:
        wired.clock = clock
    return Router(wired, FEATURES)


def applicant_router(matcher, sessions, now=None, *, clock=None, people=False) -> Router:
    """An applicant's chat at `now` (or on `clock`): the FAQ on the shipped edition,
    reminders offered; with `people`, people known too."""
    clock = clock or Clock(now)
    timeline = Timeline(sessions, clock)
    timeline.load(default_edition_text())
    faq = FaqReplies(matcher, offer_reminders=True, edition=timeline.active)
    known = {"people": People(sessions, clock)} if people else {}
    return make_router(faq, timeline=timeline, clock=clock, **known)


def say(router, user="u1", text="", data=None, *, lang_hint=None) -> list[Outbound]:
    """`user` writes `text` (or presses the button with `data`) in their console chat."""
    return router.handle(Inbound("console", user, user, text=text, data=data, lang_hint=lang_hint))


def text(router, message, user="u1") -> str:
    """What the bot answers `user`'s `message`, all replies in one text."""
    return "\n\n".join(r.text for r in say(router, user, message))


def console(router, lines: str, user: str = "neu") -> str:
    """What `imbot chat` shows for `lines` typed into it (the welcome waits for the first
    line, as it does on the console)."""
    out = io.StringIO()
    ConsoleAdapter(
        router.handle, stdin=io.StringIO(lines), stdout=out, user_id=user,
        lang_of=router.language_of,
    ).run()  # fmt: skip
    return out.getvalue()
