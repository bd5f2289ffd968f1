"""Console adapter: chat with the bot in a terminal, through the same router as
Telegram and Matrix. Buttons show as a numbered list; typing the number presses it.

One terminal can play several people: `/als NAME` switches the console user
(e.g. between the expert and the buddy of `imbot demo`). The notices a reply sends
to another console user (the buddy hears of a request) are printed with their name;
what the outbox pushes to another console user (a reminder, the team's weekly digest,
the team's answer) waits for them: a line says so, `/als NAME` shows it (an applicant
at the console does not read the admin's digest). Calendar files are saved to a folder.
"""

from __future__ import annotations

import getpass
import re
import shutil
import sys
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from bot.adapters.common import beyond, from_delivery, numbered, pressed
from bot.chat.choices import is_ack
from bot.messages import Address, Button, Inbound, Outbound
from bot.texts import t
from jobs.dispatch import Delivery

__all__ = ["ConsoleAdapter", "console_user"]

QUIT = ("/quit", "/exit", "/ende")
SWITCH = ("/als", "/as")
_USER = re.compile(r"[a-z0-9_][a-z0-9._-]{0,31}")


def console_user(name: str) -> str | None:
    """A console user name (it names a folder of calendar files): 1 to 32 of a-z, 0-9,
    dot, dash, underscore, not starting with a dot; None if `name` is not one."""
    name = name.strip().lower()
    return name if _USER.fullmatch(name) else None


class ConsoleAdapter:
    platform = "console"

    def __init__(
        self,
        handle: Callable[[Inbound], list[Outbound]],
        *,
        stdin: TextIO | None = None,
        stdout: TextIO | None = None,
        user_id: str | None = None,
        files_dir: Path | None = None,
        lang: str = "de",
        lang_of: Callable[[str], str | None] | None = None,
    ) -> None:
        self._handle = handle
        self._in = stdin or sys.stdin
        self._out = stdout or sys.stdout
        self.user_id = user_id or console_user(_login_name()) or "console"
        self.files_dir = files_dir
        self.lang = lang  # for the console's own words
        # the language of a first line (None when unclear): the welcome waits for it
        self.lang_of = lang_of
        self._buttons: dict[str, tuple[Button, ...]] = {}  # last buttons per console user
        # pushes for another console user, with where their files were saved
        self._waiting: dict[str, list[tuple[Outbound, list[str]]]] = {}
        self._langs: dict[str, str] = {}  # the language of each user's last reply
        self._lock = threading.Lock()  # the reminder ticker prints from another thread
        self.tick: Callable[[], object] = lambda: None  # delivers due reminders, set by the app
        self.users_file: Path | None = None  # the users greeted once (`imbot chat`'s list)

    # -- the outbox's sender port for the platform "console" --
    rate_per_second = None
    per_chat_seconds = None

    def send(self, delivery: Delivery) -> None:
        """An outbox message: printed for the console user writing now; one for another
        waits until `/als` makes them the user (a line says so)."""
        reply = replace(from_delivery(delivery), to=Address(self.platform, delivery.chat_id))
        with self._lock:
            if delivery.chat_id == self.user_id:
                self._write_all([reply])
                return
            saved = [self._save(delivery.chat_id, f.filename, f.data) for f in reply.files]
            self._waiting.setdefault(delivery.chat_id, []).append((reply, saved))
            lang = self._langs.get(self.user_id, self.lang)
            self._out.write(t("console_waiting", lang, user=delivery.chat_id) + "\n\n")
            self._out.flush()

    def forget(self, chat_id: str, user_id: str) -> None:
        """An erasure: nothing of this console user stays here – not their login in the
        list of users greeted before (they are greeted anew), their calendar files, nor
        the choices or messages shown or held for them."""
        with self._lock:
            for user in {chat_id, user_id}:
                self._buttons.pop(user, None)
                self._waiting.pop(user, None)
                self._langs.pop(user, None)
                folder = console_user(user)
                if self.files_dir is not None and folder:
                    shutil.rmtree(self.files_dir / folder, ignore_errors=True)
            if self.users_file is not None and self.users_file.exists():
                names = self.users_file.read_text(encoding="utf-8").split()
                kept = [n for n in names if n not in (chat_id, user_id)]
                if kept != names:
                    self.users_file.write_text("".join(f"{n}\n" for n in kept), encoding="utf-8")

    def run(
        self,
        greeting: str | None = "/start",
        welcome: str | None = None,
        choices: tuple[Button, ...] = (),
    ) -> None:
        """Read lines until end of input or /quit; print the bot's replies. At the start
        the bot answers `greeting`, or `welcome` is printed as it is, with the `choices`
        still open from the last run (a number typed next picks one of them). With
        `lang_of`, the greeting waits for the first line and comes in its language
        ("hello, when is the deadline?" is welcomed in English, "hi" in the default)."""
        interactive = self._in.isatty()
        held = greeting if greeting and self.lang_of is not None else None
        if greeting and held is None:
            self._answer(greeting)
        elif held and interactive:
            # nobody wrote yet: the invitation in both languages, the welcome follows
            other = "en" if self.lang == "de" else "de"
            said = (t("console_write_first", lang) for lang in (self.lang, other))
            self._out.write(" · ".join(said) + "\n\n")
        if welcome:
            self.send_all([Outbound(welcome, tuple(choices))])
        while True:
            self.tick()
            if interactive:
                self._out.write(f"{self.user_id}> ")
                self._out.flush()
            line = self._in.readline()
            if not line or line.strip().lower() in QUIT:
                if held:  # nobody wrote: the welcome still goes (the next start says "back")
                    self._answer(held)
                self._flush_waiting()
                break
            line = line.strip()
            if not line:
                continue
            command, _, rest = line.partition(" ")
            if command.lower() in SWITCH and rest.strip():
                user = console_user(rest)
                if user is None:
                    self._out.write(t("console_bad_user", self.lang) + "\n\n")
                    continue
                self.user_id = user
                self._out.write(t("console_switched", self.lang, user=self.user_id) + "\n\n")
                with self._lock:  # what the outbox sent them meanwhile
                    for reply, saved in self._waiting.pop(user, []):
                        self._write_one(reply, saved)
                    self._out.flush()
                continue
            if held:
                line = self._greet(held, line)
                held = None
            if line:
                self._answer(line)

    def _greet(self, greeting: str, line: str) -> str:
        """Answer the held `greeting` in the language of the first `line`; the line still
        to answer ("" when the greeting answers it: /start, /hilfe, /help). A /start with
        a code (an invitation) is the welcome itself, as in Matrix: the invitee reads
        their own welcome in their language, not an applicant's before it."""
        words = line.lower().split()
        if len(words) > 1 and words[0] in ("/start", "!start"):
            return line
        hint = self.lang_of(line) if self.lang_of is not None else None
        inbound = Inbound(
            self.platform, self.user_id, self.user_id, text=greeting, lang_hint=hint, first=line
        )
        self.send_all(self._handle(inbound))
        return "" if line.lower() in ("/start", "/hilfe", "/help") else line

    def _answer(self, line: str) -> None:
        """Handle a typed line and print the replies. A number typed next refers to the
        newest list: when the replies to this line offer no choices, the older ones go."""
        count = beyond(line, self._buttons.get(self.user_id, ()))
        if count is not None:
            self._out.write(t("choice_beyond", self.lang, n=count) + "\n\n")
            return
        replies = self._handle(self._inbound(line))
        own = [r for r in replies if r.to is None or r.to.chat_id == self.user_id]
        if own and not any(r.buttons for r in own):
            self._buttons.pop(self.user_id, None)
        self.send_all(replies)

    def _inbound(self, line: str) -> Inbound:
        # a plain "ja"/"ok" goes to the router as text: read in its context first
        # (a buddy's "ja" with two requests open is asked which, not the last one shown)
        shown = () if is_ack(line) else self._buttons.get(self.user_id, ())
        button = pressed(line, shown)
        if button is not None:
            return Inbound(self.platform, self.user_id, self.user_id, data=button.data, typed=True)
        return Inbound(self.platform, self.user_id, self.user_id, text=line)

    def send_all(self, replies: list[Outbound]) -> None:
        with self._lock:
            self._write_all(replies)

    def _flush_waiting(self) -> None:
        """At the end: the pushes still held for other console users are printed, each
        addressed to its user – the outbox counts them as sent, so they are never lost."""
        with self._lock:
            waiting, self._waiting = self._waiting, {}
            for held in waiting.values():
                for reply, saved in held:
                    self._write_one(reply, saved)
            self._out.flush()

    def _write_all(self, replies: list[Outbound]) -> None:
        for reply in replies:
            self._write_one(reply)
        self._out.flush()

    def _write_one(self, reply: Outbound, saved: list[str] | None = None) -> None:
        """One reply; `saved`: where its files already are (a push held for its user)."""
        recipient = reply.to.chat_id if reply.to else self.user_id
        lang = reply.lang or self.lang
        if reply.lang and recipient == self.user_id:
            self._langs[recipient] = reply.lang
        if reply.to is not None:
            if reply.to.platform != self.platform:
                note = t("console_elsewhere", lang, name=reply.to.name, platform=reply.to.platform)
                self._out.write(note + "\n\n")
                return
            self._out.write(t("console_to", lang, name=reply.to.name or recipient) + "\n")
        self._out.write(self.render(reply) + "\n")
        if saved is None:
            saved = [self._save(recipient, f.filename, f.data) for f in reply.files]
        for path in saved:
            self._out.write(f"  📎 {path}\n")
        self._out.write("\n")
        if reply.buttons:
            self._buttons[recipient] = reply.buttons

    def _save(self, recipient: str, filename: str, data: bytes) -> str:
        if self.files_dir is None:
            return f"{filename} ({len(data)} bytes)"
        folder = self.files_dir / (console_user(recipient) or "console")
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / filename
        path.write_bytes(data)
        return str(path)

    @staticmethod
    def render(reply: Outbound) -> str:
        lines = [reply.text]
        if any(b.number is not None for b in reply.buttons):
            lines.extend(f"  {line}" for line in numbered(reply.buttons))
        else:
            lines.extend(f"  [{i}] {b.label}" for i, b in enumerate(reply.buttons, 1))
        return "\n".join(lines)


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "console"
