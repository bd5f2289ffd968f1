"""Route an inbound message to a handler; handlers return replies.

Every adapter (console, Telegram, Matrix) goes through `Router.handle`, so a
command behaves the same everywhere. A handler never raises into the chat: an
unexpected error becomes a short apology and a log entry.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.faq_replies import FAQ_PREFIX, FaqReplies
from bot.messages import Inbound, Outbound
from bot.texts import t
from faq.kb import LANGS

__all__ = ["Router", "Clock"]

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
MAX_QUESTION_CHARS = 1000
COMMAND_PREFIXES = ("/", "!")  # "!" is the Matrix habit


@dataclass
class ChatState:
    lang: str | None = None  # chosen with /sprache; None: follow the messages


Handler = Callable[[Inbound, list[str], ChatState], list[Outbound]]


class Router:
    def __init__(
        self, faq: FaqReplies, *, default_lang: str = "de", clock: Clock | None = None
    ) -> None:
        self.faq = faq
        self.default_lang = default_lang
        self.clock = clock or (lambda: datetime.now(UTC))
        self._chats: dict[tuple[str, str], ChatState] = {}
        self._commands: dict[str, Handler] = {}
        for names, handler in (
            (("start",), self._start),
            (("hilfe", "help"), self._help),
            (("faq", "themen", "topics"), self._topics),
            (("sprache", "lang", "language"), self._lang),
            (("kontakt", "contact"), self._contact),
        ):
            for name in names:
                self._commands[name] = handler

    @property
    def commands(self) -> list[str]:
        return sorted(self._commands)

    def handle(self, msg: Inbound) -> list[Outbound]:
        state = self._chats.setdefault((msg.platform, msg.chat_id), ChatState())
        try:
            return self._dispatch(msg, state)
        except Exception:
            log.exception("handler failed on %s message", msg.platform)
            return [Outbound(t("error", self._ui_lang(msg, state)))]

    def _ui_lang(self, msg: Inbound, state: ChatState) -> str:
        hint = msg.lang_hint if msg.lang_hint in LANGS else None
        return state.lang or hint or self.default_lang

    def _dispatch(self, msg: Inbound, state: ChatState) -> list[Outbound]:
        lang = self._ui_lang(msg, state)
        if msg.data is not None:
            reply = self.faq.choice_reply(msg.data) if msg.data.startswith(FAQ_PREFIX) else None
            return [reply or Outbound(t("stale_choice", lang))]
        text = msg.text.strip()
        if not text:
            return [Outbound(t("empty", lang))]
        if text.startswith(COMMAND_PREFIXES):
            name, *args = text[1:].split() or [""]
            handler = self._commands.get(name.split("@", 1)[0].lower())  # Telegram: /help@bot
            if handler is None:
                return [Outbound(t("unknown_command", lang, command=text.split()[0]))]
            return handler(msg, args, state)
        if text.lower() in ("hilfe", "help", "?"):
            return self._help(msg, [], state)
        replies = []
        if len(text) > MAX_QUESTION_CHARS:
            replies.append(Outbound(t("too_long", lang, limit=MAX_QUESTION_CHARS)))
            text = text[:MAX_QUESTION_CHARS]
        replies.append(self.faq.ask(text, lang, self.clock()))
        return replies

    # -- commands ---------------------------------------------------------------------
    def _start(self, msg: Inbound, args: list[str], state: ChatState) -> list[Outbound]:
        lang = self._ui_lang(msg, state)
        return [Outbound(f"{t('welcome', lang)}\n\n{t('help', lang)}")]

    def _help(self, msg: Inbound, args: list[str], state: ChatState) -> list[Outbound]:
        return [Outbound(t("help", self._ui_lang(msg, state)))]

    def _topics(self, msg: Inbound, args: list[str], state: ChatState) -> list[Outbound]:
        return [self.faq.topics_reply(self._ui_lang(msg, state))]

    def _contact(self, msg: Inbound, args: list[str], state: ChatState) -> list[Outbound]:
        return [self.faq.contact_reply(self._ui_lang(msg, state))]

    def _lang(self, msg: Inbound, args: list[str], state: ChatState) -> list[Outbound]:
        choice = args[0].lower() if args else ""
        if choice not in LANGS:
            return [Outbound(t("lang_usage", self._ui_lang(msg, state)))]
        state.lang = choice
        return [Outbound(t("lang_set", choice))]
