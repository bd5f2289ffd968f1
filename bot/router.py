"""Route an inbound message to a handler; handlers return replies.

Every adapter (console, Telegram, Matrix) goes through `Router.handle`, so a
command behaves the same everywhere. Access control lives here, in one place:
each command names the roles that may use it, and the router checks the sender's
role before the handler runs. A handler never raises into the chat: an unexpected
error becomes a short apology and a log entry.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import UTC, datetime

from bot import jourfixe_commands, people_commands, reminder_commands
from bot.commands import ChatState, Command, Context
from bot.faq_replies import FAQ_PREFIX, FaqReplies
from bot.jourfixe import JourFixe
from bot.messages import Inbound, Outbound
from bot.people import People, Whois
from bot.texts import t
from faq.kb import LANGS
from jobs.timeline import Timeline
from storage.models import Role

__all__ = ["Clock", "Router"]

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
MAX_QUESTION_CHARS = 1000
COMMAND_PREFIXES = ("/", "!")  # "!" is the Matrix habit


class Router:
    def __init__(
        self,
        faq: FaqReplies,
        people: People | None = None,
        booking: JourFixe | None = None,
        timeline: Timeline | None = None,
        *,
        default_lang: str = "de",
        clock: Clock | None = None,
        telegram_bot: str | None = None,
    ) -> None:
        self.faq = faq
        self.people = people
        self.booking = booking
        self.timeline = timeline
        self.default_lang = default_lang
        self.clock = clock or (lambda: datetime.now(UTC))
        self.telegram_bot = telegram_bot
        self._chats: dict[tuple[str, str], ChatState] = {}
        self._commands: dict[str, Command] = {}
        self.register(
            Command(("start",), _start),
            Command(("hilfe", "help"), _help),
            Command(("faq", "themen", "topics"), lambda c: [c.router.faq.topics_reply(c.lang)]),
            Command(("sprache", "lang", "language"), _lang),
            Command(("kontakt", "contact"), lambda c: [c.router.faq.contact_reply(c.lang)]),
        )
        self.register(*people_commands.COMMANDS)
        if booking is not None:
            self.register(*jourfixe_commands.COMMANDS)
        if timeline is not None:
            self.register(*reminder_commands.COMMANDS)

    def register(self, *commands: Command) -> None:
        for command in commands:
            for name in command.names:
                self._commands[name] = command

    def commands_for(self, role: Role) -> list[str]:
        return sorted(n for n, c in self._commands.items() if role in c.roles)

    def handle(self, msg: Inbound) -> list[Outbound]:
        state = self._chats.setdefault((msg.platform, msg.chat_id), ChatState())
        who = None
        try:
            who = self.people.whois(msg.platform, msg.user_id) if self.people else None
            notices = jourfixe_commands.expiry_notices(self.booking) if self.booking else []
            return notices + self._dispatch(self._context(msg, [], who, state))
        except Exception:
            log.exception("handler failed on %s message", msg.platform)
            return [Outbound(t("error", self._lang(msg, who, state)))]

    def _lang(self, msg: Inbound, who: Whois | None, state: ChatState) -> str:
        hint = msg.lang_hint if msg.lang_hint in LANGS else None
        return state.lang or (who.lang if who else None) or hint or self.default_lang

    def _context(
        self, msg: Inbound, args: list[str], who: Whois | None, state: ChatState
    ) -> Context:
        return Context(msg, args, who, self._lang(msg, who, state), state, self, self.clock())

    def _dispatch(self, ctx: Context) -> list[Outbound]:
        msg, lang = ctx.msg, ctx.lang
        if msg.data is not None:
            return self._choice(ctx)
        text = msg.text.strip()
        if not text:
            return [Outbound(t("empty", lang))]
        if text.startswith(COMMAND_PREFIXES):
            name, *args = text[1:].split() or [""]
            command = self._commands.get(name.split("@", 1)[0].lower())  # Telegram: /help@bot
            if command is None:
                return [Outbound(t("unknown_command", lang, command=text.split()[0]))]
            if ctx.role not in command.roles:
                return [Outbound(t("forbidden", lang, command=text.split()[0],
                                   roles=_role_names(command.roles, lang)))]  # fmt: skip
            ctx.args = args
            return command.handler(ctx)
        if text.lower() in ("hilfe", "help", "?"):
            return _help(ctx)
        if ctx.role is Role.BUDDY and self.booking is not None:
            answer = jourfixe_commands.buddy_text(ctx, text)
            if answer is not None:
                return answer
        replies = []
        if len(text) > MAX_QUESTION_CHARS:
            replies.append(Outbound(t("too_long", lang, limit=MAX_QUESTION_CHARS)))
            text = text[:MAX_QUESTION_CHARS]
        replies.append(self.faq.ask(text, lang, ctx.now))
        return replies

    def _choice(self, ctx: Context) -> list[Outbound]:
        data = ctx.msg.data or ""
        reply = None
        if data.startswith(FAQ_PREFIX):
            reply = self.faq.choice_reply(data)
        elif data.startswith(people_commands.ERASE_PREFIX):
            return people_commands.erase_choice(ctx, data)
        elif data.startswith(jourfixe_commands.PREFIX) and self.booking is not None:
            return jourfixe_commands.choice(ctx, data)
        elif data == reminder_commands.SUBSCRIBE_DATA and self.timeline is not None:
            return reminder_commands.subscribe(ctx)
        return [reply or Outbound(t("stale_choice", ctx.lang))]


def _role_names(roles: Iterable[Role], lang: str) -> str:
    return ", ".join(t(f"role_{r.value}", lang) for r in sorted(roles))


# -- core commands --------------------------------------------------------------------
def _start(ctx: Context) -> list[Outbound]:
    if ctx.args:
        return people_commands.redeem(ctx, ctx.args[0])
    return [Outbound(f"{t('welcome', ctx.lang)}\n\n{_help_text(ctx)}")]


def _help(ctx: Context) -> list[Outbound]:
    return [Outbound(_help_text(ctx))]


def _help_text(ctx: Context) -> str:
    parts = [t("help", ctx.lang), t("help_privacy", ctx.lang)]
    if ctx.router.booking is not None and ctx.role in (Role.EXPERT, Role.BUDDY):
        parts.append(t(f"help_{ctx.role.value}", ctx.lang))
    if ctx.role is Role.ADMIN:
        parts.append(t("help_admin", ctx.lang))
    return "\n".join(parts)


def _lang(ctx: Context) -> list[Outbound]:
    choice = ctx.args[0].lower() if ctx.args else ""
    if choice not in LANGS:
        return [Outbound(t("lang_usage", ctx.lang))]
    ctx.state.lang = choice
    if ctx.who and ctx.router.people:
        ctx.router.people.set_lang(ctx.who.person_id, choice)
    return [Outbound(t("lang_set", choice))]
