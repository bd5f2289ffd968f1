"""Console adapter: chat with the bot in a terminal, through the same router as
Telegram and Matrix. Buttons show as a numbered list; typing the number presses it."""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable
from typing import TextIO

from bot.messages import Button, Inbound, Outbound

__all__ = ["ConsoleAdapter"]

QUIT = ("/quit", "/exit", "/ende")


class ConsoleAdapter:
    platform = "console"

    def __init__(
        self,
        handle: Callable[[Inbound], list[Outbound]],
        *,
        stdin: TextIO | None = None,
        stdout: TextIO | None = None,
        user_id: str | None = None,
    ) -> None:
        self._handle = handle
        self._in = stdin or sys.stdin
        self._out = stdout or sys.stdout
        self.user_id = user_id or _login_name()
        self._buttons: tuple[Button, ...] = ()

    def run(self, greeting: str | None = "/start") -> None:
        """Read lines until end of input or /quit; print the bot's replies."""
        interactive = self._in.isatty()
        if greeting:
            self.send_all(self._handle(self._inbound(greeting)))
        while True:
            if interactive:
                self._out.write("> ")
                self._out.flush()
            line = self._in.readline()
            if not line or line.strip().lower() in QUIT:
                break
            if not line.strip():
                continue
            self.send_all(self._handle(self._inbound(line.strip())))

    def _inbound(self, line: str) -> Inbound:
        if line.isdigit() and 1 <= int(line) <= len(self._buttons):
            return Inbound(
                self.platform, self.user_id, self.user_id, data=self._buttons[int(line) - 1].data
            )
        return Inbound(self.platform, self.user_id, self.user_id, text=line)

    def send_all(self, replies: list[Outbound]) -> None:
        for reply in replies:
            self._out.write(self.render(reply) + "\n\n")
            if reply.buttons:
                self._buttons = reply.buttons
        self._out.flush()

    @staticmethod
    def render(reply: Outbound) -> str:
        lines = [reply.text]
        lines.extend(f"  [{i}] {b.label}" for i, b in enumerate(reply.buttons, 1))
        return "\n".join(lines)


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "console"
