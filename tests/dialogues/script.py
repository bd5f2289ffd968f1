"""Scripted dialogues: who says what, and what the bot must answer or do.

A script (tests/dialogues/scripts/*.yaml) names its people (and `applicants`: logins
without an invite), the buddy's free times
and the local time it starts at (and the program's end: program_end), then its steps. A step is one of

    - erika: /jourfixe                 # erika writes (a command or words)
      expect: ["Freie Termine"]        # each text appears in the replies to erika
                                       # (text and button labels, "[#4 Di …]")
      tell: {bernd: ["möchte"]}        # ... and in the messages for bernd
      silent: [bernd]                  # nobody else got a message
      never: ["bestätigt"]             # no message to anyone contains it
      buttons: 3                       # the last reply to erika has 3 buttons
    - erika: {press: 2}                # erika presses her 2nd button
    - erika: {press: "Ab hier alle"}   # ... the button whose label contains this
    - upcoming: {erika: 5}             # erika has 5 upcoming active meetings
    - pending: {bernd: 0}              # requests waiting for bernd
    - at: "2026-03-05T09:00"           # the local time moves on
    - deliver: {erika: ["heute um 10:00"]}   # the outbox delivers what is due now;
                                             # each text appears in what erika got
    - expire: {erika: 1}               # the tick expires requests: erika gets 1 message
    - joins: {olga: expert en}         # olga redeems an invite with /start CODE
      pair_with: bernd                 # (paired before she joins)
      expect: ["Your buddy is Bernd"]

Each text check is a substring; a leading "!" means it must NOT appear.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

from bot.booking.rules import Rules
from bot.booking.service import JourFixe
from bot.booking.timeparse import parse_windows
from bot.chat.faq_replies import FaqReplies
from bot.chat.jourfixe import expiry_notices
from bot.people import People
from jobs.dispatch import Dispatcher
from storage.models import Edition
from storage.repo import UnitOfWork
from tests.chat import make_router, say
from tests.clock import Clock

BERLIN = ZoneInfo("Europe/Berlin")
SCRIPTS = Path(__file__).parent / "scripts"


class Console:
    """The console platform as a sender: outbox deliveries per chat."""

    platform = "console"
    rate_per_second = None
    per_chat_seconds = None

    def __init__(self):
        self.sent = []

    def send(self, delivery):
        self.sent.append(delivery)


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


class Dialogue:
    def __init__(self, script: dict, sessions, matcher) -> None:
        self.clock = Clock(_local(script.get("now", "2026-03-02T09:00")))
        self.booking = JourFixe(sessions, self.clock, Rules())
        self.people = People(sessions, self.clock, end_meetings=self.booking.end_all)
        self.router = make_router(
            FaqReplies(matcher), people=self.people, booking=self.booking, clock=self.clock
        )
        self.console = Console()
        self.dispatcher = Dispatcher(sessions, {"console": self.console}, clock=self.clock)
        self.ids: dict[str, int] = {}
        for login, spec in (script.get("people") or {}).items():
            role, lang, *_ = (spec.split() + ["de"])[:2]
            info = self.people.invite(role, login.capitalize(), lang=lang)
            self.people.redeem(info.code, "console", login, login)
            self.ids[login] = info.person_id
        for login in script.get("applicants") or []:  # no invite: the FAQ's people
            self.ids[login] = 0
        for expert, buddy in (script.get("pairs") or {}).items():
            self.people.pair(f"#{self.ids[expert]}", f"#{self.ids[buddy]}")
        for buddy, free in (script.get("free") or {}).items():
            today = self.clock().astimezone(BERLIN).date()
            self.booking.set_windows(self.ids[buddy], parse_windows(free, today))
        if "program_end" in script:  # the active edition's program ends that day
            with UnitOfWork(sessions) as uow:
                end = date.fromisoformat(script["program_end"])
                uow.session.add(
                    Edition(
                        slug="t", name="T", starts_on=date(2026, 1, 1), ends_on=end, active=True
                    )
                )
                uow.commit()
        self.last: dict[str, object] = {}  # the last message with buttons, per login

    def run(self, steps: list[dict]) -> None:
        for n, step in enumerate(steps, 1):
            try:
                self.step(step)
            except AssertionError as exc:
                raise AssertionError(f"step {n} {step}: {exc}") from None

    def step(self, step: dict) -> None:
        if "at" in step:
            self.clock.now = _local(step["at"])
            return
        if "upcoming" in step:
            for login, n in step["upcoming"].items():
                got = len(self.booking.upcoming(self.ids[login]))
                assert got == n, f"{login} has {got} upcoming meetings, not {n}"
            return
        if "pending" in step:
            for login, n in step["pending"].items():
                got = len(self.booking.pending(self.ids[login]))
                assert got == n, f"{login} has {got} pending requests, not {n}"
            return
        if "expire" in step:  # the tick expires unanswered requests
            notices = expiry_notices(self.booking)
            for login, texts in step["expire"].items():
                got = [r.text for r in notices if r.to and r.to.chat_id == login]
                if isinstance(texts, int):
                    assert len(got) == texts, f"{login} got {len(got)} expiry messages: {got}"
                else:
                    _check(texts, "\n---\n".join(got), f"expiry notice to {login}")
            return
        if "deliver" in step:
            self.console.sent.clear()
            self.dispatcher.tick()
            for login, texts in step["deliver"].items():
                got = "\n---\n".join(d.text for d in self.console.sent if d.chat_id == login)
                _check(texts, got, f"delivered to {login}")
            return
        if "joins" in step:  # an invite redeemed in the chat: /start CODE
            login, spec = next(iter(step["joins"].items()))
            role, lang, *_ = (spec.split() + ["de"])[:2]
            info = self.people.invite(role, login.capitalize(), lang=lang)
            self.ids[login] = info.person_id
            if "pair_with" in step:
                self.people.pair(f"#{info.person_id}", f"#{self.ids[step['pair_with']]}")
            step = {
                login: f"/start {info.code}",
                **{k: v for k, v in step.items() if k not in ("joins", "pair_with")},
            }
        login = next(k for k in step if k in self.ids)
        said = step[login]
        if isinstance(said, dict):
            replies = say(self.router, login, data=self._button(login, said["press"]).data)
        else:
            replies = say(self.router, login, str(said))
        mine = [r for r in replies if r.to is None]
        for r in replies:
            self.last[r.to.chat_id if r.to else login] = r if r.buttons else None
        text = "\n---\n".join(_seen(r) for r in mine)
        _check(step.get("expect", []), text, f"reply to {login}")
        for other, texts in (step.get("tell") or {}).items():
            got = "\n---\n".join(_seen(r) for r in replies if r.to and r.to.chat_id == other)
            assert got, f"nothing was sent to {other}; replies: {[r.text for r in replies]}"
            _check(texts, got, f"message to {other}")
        for other in step.get("silent", []):
            assert not [r for r in replies if r.to and r.to.chat_id == other], f"{other} was told"
        everything = "\n".join(r.text for r in replies)
        _check([f"!{x}" for x in step.get("never", [])], everything, "any message")
        for bad in ("Traceback", "Error", "WARNING"):
            assert bad not in everything, f"{bad} in a chat message: {everything}"
        if "buttons" in step:
            last = mine[-1] if mine else None
            got = len(last.buttons) if last else 0
            assert got == step["buttons"], f"{got} buttons, not {step['buttons']}: {text}"

    def _button(self, login: str, which):
        last = self.last.get(login)
        assert last is not None, f"{login} has no buttons to press"
        if isinstance(which, int):
            return last.buttons[which - 1]
        matching = [b for b in last.buttons if which in b.label]
        assert matching, f"no button {which!r} in {[b.label for b in last.buttons]}"
        return matching[0]


def _seen(reply) -> str:
    """What the person sees: the text and the buttons ("[#4 Di 03.03. 10:00 – Bernd]")."""
    labels = [f"[#{b.number} {b.label}]" if b.number else f"[{b.label}]" for b in reply.buttons]
    return "\n".join([reply.text, *labels])


def _check(texts: list[str], got: str, where: str) -> None:
    for text in texts:
        if text.startswith("!"):
            assert text[1:] not in got, f"{where} must not contain {text[1:]!r}: {got!r}"
        else:
            assert text in got, f"{where} should contain {text!r}: {got!r}"


def _local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=BERLIN)
