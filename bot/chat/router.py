"""Route an inbound message to the handler of a feature; handlers return replies.

The router is a registry: it knows no feature. It is given the services and the
features (see bot.chat.FEATURES) and does what is the same for all of them:
finding who writes and in which language, parsing "/command args" (or "!command"
in Matrix), checking the sender's role against the command's, keeping group
chats to what is meant for groups (the FAQ: in a group nobody is identified and
nothing personal is shown or linked), passing button
data to the callback with the longest matching prefix, and offering a plain
message to each feature's reader in turn. A handler never raises into the chat:
an unexpected error becomes a short apology and a log entry.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable

from sqlalchemy.exc import OperationalError

from bot.chat.handlers import Callback, ChatState, Command, Context, Feature, Services
from bot.messages import Inbound, Outbound
from bot.people import Whois
from bot.texts import LANGS, command_lang, t
from storage.models import Role
from storage.text import storable

__all__ = ["COMMAND_PREFIXES", "Router"]

log = logging.getLogger(__name__)

COMMAND_PREFIXES = ("/", "!")  # "!" is the Matrix habit
MAX_INBOUND = 10_000  # characters of one message that are read at all


class Router:
    def __init__(self, services: Services, features: Iterable[Feature]) -> None:
        self.services = services
        self.features = tuple(
            f for f in features if all(getattr(services, need) is not None for need in f.needs)
        )
        self._commands: dict[str, Command] = {}
        for command in (c for f in self.features for c in f.commands):
            for name in command.names:
                if name in self._commands:
                    raise ValueError(f"two commands are called /{name}")
                self._commands[name] = command
        self._callbacks: list[Callback] = sorted(
            (c for f in self.features for c in f.callbacks), key=lambda c: -len(c.prefix)
        )
        self._chats: dict[tuple[str, str], ChatState] = {}

    def commands_for(self, role: Role) -> list[str]:
        return sorted(n for n, c in self._commands.items() if role in c.roles)

    def menu(self, lang: str, role: Role = Role.APPLICANT) -> list[tuple[str, str]]:
        """(command, description) for a platform's command menu, in `lang`."""
        seen, out = set(), []
        for command in self._commands.values():
            if command.menu and role in command.roles and command.menu not in seen:
                seen.add(command.menu)
                name = command.menu[0 if lang == "de" else 1]
                out.append((name, t(f"menu_{command.menu[1]}", lang)))
        return out

    def handle(self, msg: Inbound) -> list[Outbound]:
        """The replies to one message. The text is cut to MAX_INBOUND characters
        (the FAQ reads 1,000; commands far less) and cleaned of what no database
        can store before anything reads it."""
        msg = dataclasses.replace(
            msg,
            text=storable(msg.text[:MAX_INBOUND]),
            data=None if msg.data is None else storable(msg.data[:MAX_INBOUND]),
        )
        state = self._chats.setdefault((msg.platform, msg.chat_id), ChatState())
        who = None
        try:
            people = self.services.people
            who = people.whois(msg.platform, msg.user_id) if people and msg.private else None
            ctx = self._context(msg, who, state)
            replies = [
                r if r.lang else dataclasses.replace(r, lang=ctx.lang) for r in self._dispatch(ctx)
            ]
            self._remember_language(msg, state, replies)
            return replies
        except OperationalError:  # read-only, locked, gone: nothing was changed
            log.exception("database unavailable for a %s message", msg.platform)
            return [Outbound(t("db_unavailable", self._lang(msg, who, state)))]
        except Exception:
            log.exception("handler failed on %s message", msg.platform)
            return [Outbound(t("error", self._lang(msg, who, state)))]

    def _lang(self, msg: Inbound, who: Whois | None, state: ChatState) -> str:
        """The reader's language: the one chosen in this chat or stored for the person,
        else the one of the message (/help is English), else the client's hint, else
        the one the chat last wrote in (a code has no language), else IMBOT_LANG.
        (The FAQ answers a question in the question's language.)"""
        hint = msg.lang_hint if msg.lang_hint in LANGS else None
        stored = state.lang or (who.lang if who else None)
        return stored or _said(msg) or hint or state.seen or self.services.default_lang

    @staticmethod
    def _remember_language(msg: Inbound, state: ChatState, replies: list[Outbound]) -> None:
        """The language the chat wrote in: a command's name, or the one a plain message
        was answered in (the FAQ reads it from the question)."""
        if msg.data is not None or not replies:
            return
        if msg.text.strip().startswith(COMMAND_PREFIXES):
            state.seen = _said(msg) or state.seen
        else:
            state.seen = replies[-1].lang or state.seen

    def _context(self, msg: Inbound, who: Whois | None, state: ChatState) -> Context:
        ctx = Context(
            msg, [], who, self._lang(msg, who, state), state, self.services, self.services.clock()
        )
        ctx.help_text = lambda: self._help_text(ctx)
        return ctx

    def _help_text(self, ctx: Context) -> str:
        parts = (f.help(ctx) for f in self.features if f.help is not None)
        return "\n".join(p for p in parts if p)

    def _dispatch(self, ctx: Context) -> list[Outbound]:
        msg, lang = ctx.msg, ctx.lang
        if msg.data is not None:
            return self._choice(ctx, msg.data)
        text = msg.text.strip()
        if not text:
            return [Outbound(t("empty", lang))]
        if text.startswith(COMMAND_PREFIXES):
            return self._command(ctx, text)
        for feature in self.features:
            if not (msg.private or feature.in_groups):
                continue
            if feature.read is not None and (replies := feature.read(ctx, text)) is not None:
                return replies
        return [Outbound(t("empty", lang))]

    def _command(self, ctx: Context, text: str) -> list[Outbound]:
        name, *args = text[1:].split() or [""]
        command = self._commands.get(name.split("@", 1)[0].lower())  # Telegram: /help@bot
        shown = text.split()[0][:40]
        if command is None:
            return [Outbound(t("unknown_command", ctx.lang, command=shown))]
        if not (ctx.msg.private or command.in_groups):
            return [Outbound(t("private_only", ctx.lang))]
        if ctx.role not in command.roles:
            roles = ", ".join(t(f"roles_{r.value}", ctx.lang) for r in sorted(command.roles))
            return [Outbound(t("forbidden", ctx.lang, command=shown, roles=roles))]
        ctx.args = args
        return command.handler(ctx)

    def _choice(self, ctx: Context, data: str) -> list[Outbound]:
        callback = next((c for c in self._callbacks if data.startswith(c.prefix)), None)
        if callback is None or ctx.role not in callback.roles:
            return [Outbound(t("stale_choice", ctx.lang))]
        if not (ctx.msg.private or callback.in_groups):
            return [Outbound(t("private_only", ctx.lang))]
        return callback.handler(ctx, data)


def _said(msg: Inbound) -> str | None:
    """The language a command's name is in (/hilfe, /help); None for anything else."""
    text = msg.text.strip()
    if msg.data is not None or not text.startswith(COMMAND_PREFIXES) or len(text) < 2:
        return None
    return command_lang(text[1:].split()[0].split("@", 1)[0])
