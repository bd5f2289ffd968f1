"""`imbot chat` and `imbot demo`: the bot in a terminal, on the configured database."""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TextIO

from bot.adapters.console import ConsoleAdapter
from bot.app.config import Settings
from bot.app.demo import GUIDE, create_demo
from bot.app.wiring import (
    apply_retention,
    build_booking,
    build_router,
    expire_requests,
    files_dir,
    open_database,
    plan_meetings_digest,
    showing_choices,
    team_digest,
)
from bot.localtime import Clock, system_clock
from bot.messages import Inbound, Outbound
from bot.people import People
from bot.texts import guess_lang, t
from jobs.dispatch import Dispatcher
from jobs.scheduler import start_ticker

__all__ = ["run_console", "run_demo"]

console_platform = ConsoleAdapter.platform

log = logging.getLogger(__name__)


def run_console(
    settings: Settings,
    *,
    user: str | None = None,
    clock: Clock | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    tick_seconds: float = 10,
) -> None:
    """The console chat, with an outbox dispatcher that prints due reminders for
    console users and expires unanswered requests (on each input and every
    `tick_seconds`)."""
    sessions = open_database(settings)
    router = build_router(settings, clock=clock, sessions=sessions)

    def handle(inbound: Inbound) -> list[Outbound]:
        replies = router.handle(inbound)
        router.save_chats()  # a console may be closed any time: the choices shown are kept
        if router.erased(inbound.platform, inbound.chat_id):  # "/loeschen ja": not greeted
            console.forget(inbound.chat_id, inbound.user_id)  # as known, no files left
        return replies

    console = ConsoleAdapter(
        handle,
        stdin=stdin,
        stdout=stdout,
        user_id=user,
        files_dir=files_dir(settings),
        lang=settings.default_lang,
        lang_of=router.language_of,  # the first welcome in the first line's language
    )
    console.users_file = _users_file(settings)  # an erasure takes its user off the list
    booking = router.services.booking  # reminders read the place and calendar when sent
    freshen = booking.as_sent if booking is not None else None
    sender = showing_choices(console, router)  # a "ja" typed next answers a reminder's buttons
    dispatcher = Dispatcher(sessions, {"console": sender}, clock=clock, freshen=freshen)
    lock = threading.Lock()

    def tick() -> None:
        """Never raises into the chat: a lost race (a request answered while it
        expires) is tried again on the next tick; the log file has the details."""
        with lock:
            try:
                console.send_all(expire_requests(router))
                plan_meetings_digest(router, settings.meetings_digest)
                team_digest(router)
                dispatcher.tick()
                router.save_chats()
                apply_retention(sessions, (clock or system_clock)())
            except Exception:
                log.exception("console tick failed; trying again on the next one")

    console.tick = tick
    scheduler = start_ticker(tick, tick_seconds)
    try:
        console.run(*_greeting(settings, router, console.user_id))
    finally:
        scheduler.shutdown(wait=False)


def _greeting(settings: Settings, router, user: str) -> tuple[str | None, str | None, tuple]:
    """(line to answer, text to print, choices) at the start: the greeting (/start) the
    first time a console user starts, a short welcome back after that (not the greeting
    again: its button would stand for a typed "1"), with the choices of the last reply
    if they are still open, so that a number typed next picks what it shows. A revoked
    person is told only that they no longer take part (tryout6)."""
    seen = _users_file(settings)
    try:
        known = seen.read_text(encoding="utf-8").split()
    except OSError:
        known = []
    people = router.services.people
    who = people.whois(console_platform, user) if people is not None else None
    # a login greeted before, on a database that knows nothing of them (a new one, or
    # their chat gone with the retention): a first contact, greeted as one (tryout7)
    if user not in known or (who is None and not router.knows_chat(console_platform, user)):
        if user not in known:
            try:
                seen.parent.mkdir(parents=True, exist_ok=True)
                with seen.open("a", encoding="utf-8") as f:
                    f.write(f"{user}\n")
            except OSError:  # a read-only data directory: greeted every time, as before
                log.warning("cannot note console user %s in %s", user, seen)
        return "/start", None, ()
    chosen = router.chat_lang(console_platform, user)  # an applicant's /sprache, kept
    spoken = router.conversation_lang(console_platform, user)  # the last reply's, kept
    lang = chosen or spoken or (who.lang if who else None) or settings.default_lang
    if who is not None and who.revoked:  # no "carry on": only what is left to them
        return None, t("revoked_notice", lang), ()
    choices = router.last_choices(console_platform, user)  # a number typed next picks one
    shown = router.last_prompt(console_platform, user) if choices else ""
    prompt = _about(shown)
    if shown and not chosen:  # one language: the open question's (the conversation's)
        lang = guess_lang(shown, lang)
    # a person's name when one is known; a console login ("root", "jdoe") is none
    back = t("console_back", lang, user=who.name) if who else t("console_back_unnamed", lang)
    if prompt:  # what the choices were about: the message that showed them
        back = f"{back}\n\n{t('console_open_choices_about', lang)}\n{prompt}"
    elif choices:
        back = f"{back}\n\n{t('console_open_choices', lang)}"
    return None, back, choices


def _users_file(settings: Settings) -> Path:
    """The console users greeted once (a login a line), in the data directory."""
    return settings.data_dir / "console-users.txt"


def _about(prompt: str) -> str:
    """What open choices were about: the last paragraph of the message that showed
    them ("Di 01.12. 10:00 – einmalig oder regelmäßig?", a buddy's request), if it is
    short; "" for a long one (the greeting with its help, a long list)."""
    last = prompt.strip().rsplit("\n\n", 1)[-1]
    return last if last and last.count("\n") < 4 and len(last) <= 400 else ""


def run_demo(settings: Settings) -> tuple[bool, str]:
    """Create the demo people (once); returns (created, guide text)."""
    sessions = open_database(settings)
    created = create_demo(People(sessions), build_booking(settings, sessions))
    return created, GUIDE
