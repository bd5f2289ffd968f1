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
import re
import threading
from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy.exc import OperationalError

from bot.booking.timeparse import find_moment_in
from bot.chat.choices import asks, beyond, is_ack, is_number, pressed
from bot.chat.handlers import ADMINS, Callback, ChatState, Command, Context, Feature, Services
from bot.messages import Button, Inbound, Outbound
from bot.people import Whois
from bot.texts import LANGS, command_lang, guess_lang, t, talk_lang
from storage.chats import SavedChat
from storage.models import Role
from storage.text import storable

__all__ = ["CHOICE_KEEP", "COMMAND_PREFIXES", "Router"]

log = logging.getLogger(__name__)

COMMAND_PREFIXES = ("/", "!")  # "!" is the Matrix habit
MAX_INBOUND = 10_000  # characters of one message that are read at all
# a number typed this long after its list picks from it; later the list is shown again
CHOICE_KEEP = timedelta(hours=24)
_WORD = re.compile(r"[^\W\d_]{2,}")  # a word of letters (not "3", "14:00")


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
        self._changed: set[tuple[str, str]] = set()  # chats whose state is not saved yet
        self._changing = threading.Lock()  # messages run in threads; save_chats in the ticker
        self._erased: set[tuple[str, str]] = set()  # chats erased, until an adapter asks
        chats = services.chats
        self._langs = chats.langs() if chats is not None else {}  # /sprache per chat, kept

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
        state = self._state(msg.platform, msg.chat_id)
        who = None
        try:
            people = self.services.people
            who = people.whois(msg.platform, msg.user_id) if people and msg.private else None
            ctx = self._context(msg, who, state)
            lang_before = state.lang, state.seen
            replies = [
                r if r.lang else dataclasses.replace(r, lang=ctx.lang) for r in self._dispatch(ctx)
            ]
            self._remember_language(msg, who, state, replies)
            self._follow_language(ctx)
            self._remember_choices(msg, state, replies, ctx.now, lang_before, ctx.picked)
            return replies
        except OperationalError:  # read-only, locked, gone: nothing was changed
            log.exception("database unavailable for a %s message", msg.platform)
            return [Outbound(t("db_unavailable", self._lang(msg, who, state, load=False)))]
        except Exception:
            log.exception("handler failed on %s message", msg.platform)
            return [Outbound(t("error", self._lang(msg, who, state, load=False)))]

    # -- what a chat keeps: its /sprache, the choices and the language of its last reply ---
    def _state(self, platform: str, chat_id: str) -> ChatState:
        key = (platform, chat_id)
        state = self._chats.get(key)
        if state is None:
            state = self._chats[key] = ChatState(lang=self._langs.get(key))
        return state

    def _remember_choices(
        self,
        msg: Inbound,
        state: ChatState,
        replies: list[Outbound],
        now: datetime,
        lang_before: tuple[str | None, str | None],
        picked: bool = False,
    ) -> None:
        """The choices of the last reply with buttons, in memory (saved by `save_chats`):
        a number or a "ja" typed next picks from them. A reply without buttons closes
        them; a notice with buttons for another chat (a buddy's request) opens its.
        An open question whose choices another list replaces before it is answered
        (the series question, then /termine) is kept aside (see _second_thoughts).
        A chat whose language (chosen or the conversation's) changed is saved too."""
        changed = set()
        if (state.lang, state.seen) != lang_before:
            changed.add((msg.platform, msg.chat_id))
        own = [r for r in replies if r.to is None]
        if msg.private and own:
            last = next((r for r in reversed(own) if r.buttons), None)
            shown = _kept(last) if last else ()
            # after a restart: the question still open, the conversation's language
            self._load(msg.platform, msg.chat_id, state)
            if picked or msg.data is not None:
                state.replaced, state.replaced_prompt = (), ""
            elif (
                shown
                and state.choices
                and shown != state.choices
                and not state.replaced
                and state.shown_at is not None
                and state.shown_at > now - CHOICE_KEEP
                and asks(state.prompt)
            ):
                state.replaced, state.replaced_prompt = state.choices, state.prompt
            if shown or state.choices or not state.loaded:
                state.choices, state.shown_at = shown, now if shown else None
                state.prompt = last.text if last else ""
                state.loaded = True
                changed.add((msg.platform, msg.chat_id))
        for r in replies:
            if r.to is not None and r.buttons:
                other = self._state(r.to.platform, r.to.chat_id)
                other.choices, other.shown_at, other.loaded = _kept(r), now, True
                other.prompt = r.text
                changed.add((r.to.platform, r.to.chat_id))
        if changed:
            with self._changing:
                self._changed |= changed

    def _load(self, platform: str, chat_id: str, state: ChatState) -> None:
        """What the chat kept (its last choices, the conversation's language), read from
        the database the first time a message needs it in this process; what this
        process has set since wins."""
        chats = self.services.chats
        if state.loaded or chats is None:
            return
        saved = chats.load(platform, chat_id)
        if saved is not None:
            state.choices = tuple(Button(*c) for c in saved.choices)
            state.shown_at = saved.shown_at
            state.prompt = saved.prompt
            state.replaced = tuple(Button(*c) for c in saved.replaced)
            state.replaced_prompt = saved.replaced_prompt
            state.seen = state.seen or saved.seen
        state.loaded = True

    def _open_choices(self, msg: Inbound, state: ChatState, now: datetime):
        """The chat's last choices (read from the database the first time they are
        needed in this process) and whether they are older than CHOICE_KEEP."""
        self._load(msg.platform, msg.chat_id, state)
        if not state.choices or not msg.private:
            return (), False
        return state.choices, state.shown_at is None or state.shown_at <= now - CHOICE_KEEP

    def shown(
        self, platform: str, chat_id: str, buttons: tuple[Button, ...], text: str = ""
    ) -> None:
        """A message with these choices (and this text) reached the chat another way
        (the outbox): the bot's last message there, its language the conversation's
        when its words tell it (a "ja" to a German reminder is German)."""
        state = self._state(platform, chat_id)
        self._load(platform, chat_id, state)  # what is not told here is kept
        state.seen = guess_lang(text, "") or state.seen
        choices = _kept(Outbound(text, buttons))
        state.choices, state.shown_at, state.loaded = choices, self.services.clock(), True
        state.prompt = text
        with self._changing:
            self._changed.add((platform, chat_id))

    def erased(self, platform: str, chat_id: str) -> bool:
        """Whether this chat erased its data ("/loeschen ja") since last asked: an
        adapter that keeps something of it itself (the console: its list of the users
        it greeted, their calendar files) forgets that too."""
        with self._changing:
            found = (platform, chat_id) in self._erased
            self._erased.discard((platform, chat_id))
        return found

    def knows_chat(self, platform: str, chat_id: str) -> bool:
        """Whether this chat wrote here before, as far as the database keeps it (its
        language, its last choices): False on a new database."""
        state = self._state(platform, chat_id)
        if state.seen or state.lang or state.choices:
            return True
        chats = self.services.chats
        return chats is None or chats.load(platform, chat_id) is not None

    def chat_lang(self, platform: str, chat_id: str) -> str | None:
        """The language chosen with /sprache in this chat (kept across restarts)."""
        return self._state(platform, chat_id).lang

    def conversation_lang(self, platform: str, chat_id: str) -> str | None:
        """The language of the bot's last reply in this chat, if it is not the person's
        own (kept across restarts); None when unknown."""
        state = self._state(platform, chat_id)
        self._load(platform, chat_id, state)
        return state.seen

    def last_choices(self, platform: str, chat_id: str) -> tuple[Button, ...]:
        """The choices of the chat's last reply while a number may still pick them."""
        state = self._state(platform, chat_id)
        probe = Inbound(platform, chat_id, chat_id)
        choices, stale = self._open_choices(probe, state, self.services.clock())
        return () if stale else choices

    def last_prompt(self, platform: str, chat_id: str) -> str:
        """The text of the message that showed the chat's last choices ("" if unknown)."""
        return self._state(platform, chat_id).prompt if self.last_choices(platform, chat_id) else ""

    def save_chats(self) -> None:
        """Write the chats whose language or last choices changed: one transaction,
        called after a console line and on each tick of `imbot run` (never per update).
        On a database error they stay to be written next time."""
        with self._changing:
            chats, changed = self.services.chats, self._changed
            if chats is None or not changed:
                return
            self._changed = set()
        rows = [
            SavedChat(
                p,
                c,
                (st := self._chats[(p, c)]).lang,
                tuple((b.label, b.data, b.confirms, b.number) for b in st.choices),
                st.shown_at,
                st.prompt if st.choices else "",
                tuple((b.label, b.data, b.confirms, b.number) for b in st.replaced)
                if st.choices
                else (),
                st.replaced_prompt if st.choices else "",
                st.seen,
            )
            for p, c in changed
        ]
        try:
            chats.save(rows, self.services.clock())
        except OperationalError:
            log.warning("chat states not saved (database unavailable); kept for next time")
            with self._changing:
                self._changed |= changed

    def _typed_choice(self, ctx: Context, text: str) -> list[Outbound] | None:
        """A number or a label typed for one of the chat's last choices is that choice
        (Telegram's inline buttons, or the console after a restart); a number that is
        none of them is told the range. A list older than CHOICE_KEEP is shown again."""
        state = ctx.state
        if not state.loaded and not is_number(text):  # no read for plain questions
            return None
        choices, stale = ctx.open_choices()
        if not choices or is_ack(text):  # "ja", "ok": read in context first (talk)
            return None
        button, count = pressed(text, choices), beyond(text, choices)
        if button is None and count is None:
            return None
        if stale:
            return [Outbound(t("choice_stale", ctx.lang), choices)]
        if count is not None:
            return [Outbound(t("choice_beyond", ctx.lang, n=count), choices)]
        ctx.picked = True
        if (asked := self._second_thoughts(ctx, button.data)) is not None:
            return asked
        return ctx.press(button.data)

    def _second_thoughts(self, ctx: Context, data: str) -> list[Outbound] | None:
        """A typed choice that declines (a suggestion, a request) from a list that replaced
        a question still open: asked back with that choice and the question's own ("2"
        after /termine meant "Ab hier alle" of the series question, not "Vorschlag
        ablehnen"). Pressed buttons and answers to the newest question are taken."""
        state = ctx.state
        if not state.replaced:
            return None
        callback = next((c for c in self._callbacks if data.startswith(c.prefix)), None)
        if callback is None or not callback.declines(data):
            return None
        label = next((b.label for b in state.choices if b.data == data), "")
        earlier = tuple(
            dataclasses.replace(b, number=None, confirms=False)
            for b in state.replaced
            if b.data != data
        )
        text = t("choice_second_thoughts", ctx.lang, label=label, prompt=state.replaced_prompt)
        return [Outbound(text, (Button(label, data), *earlier))]

    def _lang(self, msg: Inbound, who: Whois | None, state: ChatState, load: bool = True) -> str:
        """The reader's language, one for the whole reply (see README, "One language per
        reply"):
        1. the one chosen with /sprache (in this chat, or by the person);
        2. else the one the message says: a command's name (/absagen German, /cancel
           English; "help" alone too, and an admin's "einladungen" or "stats"), or, from
           a person with an invite, words clearly in one language ("where do we meet?");
        3. else – "2", "#2", "ja", "ok", a date, a button – the language of the
           conversation: of the bot's last reply in this chat (the question it answers;
           kept across restarts, read when first needed: `load`), else the one stored
           for the person, else the client's, else IMBOT_LANG.
        (The FAQ answers a question in the question's language; the welcome before
        anything was written follows the first line, held for it by the console.)"""
        hint = msg.lang_hint if msg.lang_hint in LANGS else None
        chosen = state.lang or (who.lang if who is not None and who.lang_chosen else None)
        if chosen:
            return chosen
        if hint and msg.data is None and msg.text.strip().lower() == "/start":
            return hint
        if said := self._said(msg, who):
            return said
        if written := self._follows(msg, who, state):
            return written
        if load and msg.private:
            self._load(msg.platform, msg.chat_id, state)
        if who is not None:
            # the last clear message in another language answers an unclear one ("Erika
            # und Emil ja" after a German line); the stored one changes after two
            # (_follow_language)
            conversation = state.seen or state.lang_next
            return conversation or who.lang or hint or self.services.default_lang
        return state.seen or hint or self.services.default_lang

    def _said(self, msg: Inbound, who: Whois | None) -> str | None:
        """The language a command's name says (`_said`); an admin's command typed as
        one word ("einladungen", "stats", see _team_word) is one too."""
        if said := _said(msg):
            return said
        if who is None or who.role is not Role.ADMIN or msg.data is not None:
            return None
        word = msg.text.strip(" .!?").lower()
        command = self._commands.get(word)
        if command is None or command.roles != ADMINS or " " in word:
            return None
        return command_lang(word)

    def language_of(self, text: str) -> str | None:
        """The language of a first message, when it is clear: a command's name (/help),
        or the words of a plain message ("hello, when is the deadline?"); None for "hi",
        a number or a date. An adapter that greets before anyone wrote (the console)
        holds its welcome for it and passes it as the /start's `lang_hint`."""
        msg = Inbound("", "", "", text=text)
        return _said(msg) or self._written(msg, least=1)

    def _follows(
        self, msg: Inbound, who: Whois | None, state: ChatState, least: int = 2
    ) -> str | None:
        """The language a person with an invite writes in, if they never chose one: of
        a message of two words or more ("geht auch Do 14:00?", "termin am 30.2.?" are
        German; see _follow_language for when it becomes theirs)."""
        if who is None or who.lang_chosen or state.lang:
            return None
        return self._written(msg, least)

    def _written(self, msg: Inbound, least: int) -> str | None:
        """The language of a plain message when it is clear: `least` words or more beside
        a date or time, and the same verdict whichever language a tie would fall to."""
        text = msg.text.strip()
        if msg.data is not None or text.startswith(COMMAND_PREFIXES) or len(text) > 1000:
            return None
        if msg.reply_to is not None:  # the team's answer to a question: for someone else
            return None
        # a date or time ("lieber do 05.03. 15 uhr") says nothing about the language
        local = self.services.clock().astimezone(self.services.tz).replace(tzinfo=None)
        found = find_moment_in(text, local)
        rest = found[1] if found else text
        if len(_WORD.findall(rest)) < least:
            return None
        faq = self.services.faq
        german, english = faq.language(rest, "de"), faq.language(rest, "en")
        # the call's words say nothing of "termin am 30.2.?": the Jour Fixe's own do
        return german if german == english else talk_lang(rest)

    def _follow_language(self, ctx: Context) -> None:
        """Keep the language a person with an invite writes in (reminders and notices
        go out in it) until they choose one with /sprache: a write only on a change, and
        only after two clear messages in a row in the new one – clear as the reply's
        language is (one English line of a German buddy is answered in English, his
        reminders stay German; "ich bin nächste woche krank" and "termin am 30.2.?"
        after English ones make an expert's German again); a clear one in the stored
        language ends the row, a short or unclear one ("ja", "einmalig", "/jourfixe
        12.12.") neither counts nor ends it. A team member's
        (an admin's) changes only with /sprache: they paste applicants' questions and
        answer applicants in theirs, which says nothing about their own."""
        who, people, state = ctx.who, self.services.people, ctx.state
        if who is None or people is None or who.role is Role.ADMIN:
            return
        written = self._follows(ctx.msg, who, state)
        if written is None or written != ctx.lang:
            return
        if written == who.lang:
            state.lang_next = None
        elif state.lang_next == written:
            people.set_lang(who.person_id, written, chosen=False)
            state.lang_next = None
        else:
            state.lang_next = written

    def _remember_language(
        self, msg: Inbound, who: Whois | None, state: ChatState, replies: list[Outbound]
    ) -> None:
        """The language of the conversation: the one of the bot's last reply in this chat
        (a message that says no language, "2" or "ja", is answered in it). A notice for
        an expert's or buddy's chat, worded in their stored language, makes that one the
        chat's again (their "ja" to it is answered in it). An applicant's first message whose words say no
        language ("deadlines", "team?") is answered in the default but fixes nothing: the
        next clear one ("next call") decides the chat's language. The welcome (/start)
        fixes its language. A team member's (an admin's) chat keeps another language
        only while its reply asks something ("Meinen Sie …?" to a pasted English
        question): their "ok" or "einladungen" after it is theirs again."""
        state.person = who is not None
        for r in replies:  # a notice is worded in its reader's own language: theirs again
            if r.to is not None and (other := self._state(r.to.platform, r.to.chat_id)).person:
                self._load(r.to.platform, r.to.chat_id, other)  # not the saved one later
                if other.seen is not None:
                    other.seen = None
                    with self._changing:
                        self._changed.add((r.to.platform, r.to.chat_id))
        own = [r for r in replies if r.to is None]
        if state.erased:  # "/loeschen ja": the chat keeps nothing, its language neither
            state.seen, state.erased = None, False
            with self._changing:
                self._erased.add((msg.platform, msg.chat_id))
            return
        if not own:
            return
        lang = own[-1].lang
        if who is not None and who.role is Role.ADMIN:
            state.seen = lang if any(r.buttons for r in own) else None
        elif msg.data is not None or who is not None or state.seen is not None:
            state.seen = lang or state.seen
        elif msg.text.strip().startswith(COMMAND_PREFIXES):
            # the welcome's language is the conversation's: "hi" after it is answered in it
            welcome = msg.text.strip().lower() == "/start"
            state.seen = _said(msg) or (lang if welcome else None) or state.seen
        elif self._written(msg, least=1) is not None:
            state.seen = lang or state.seen

    def _context(self, msg: Inbound, who: Whois | None, state: ChatState) -> Context:
        lang = self._lang(msg, who, state)
        ctx = Context(msg, [], who, lang, state, self.services, self.services.clock())
        ctx.reader_lang = lang if who is not None else None
        ctx.help_text = lambda: self._help_text(ctx)
        ctx.open_choices = lambda: self._open_choices(msg, state, ctx.now)
        ctx.read_rest = lambda text: self._dispatch(
            dataclasses.replace(
                ctx, msg=dataclasses.replace(msg, text=text), lang=ctx.lang, args=[]
            )
        )
        ctx.press = lambda data: self._choice(
            dataclasses.replace(ctx, msg=dataclasses.replace(msg, text="", data=data)), data
        )
        return ctx

    def _help_text(self, ctx: Context) -> str:
        parts = (f.help(ctx) for f in self.features if f.help is not None)
        return "\n".join(p for p in parts if p)

    def _dispatch(self, ctx: Context) -> list[Outbound]:
        msg, lang = ctx.msg, ctx.lang
        if msg.data is not None:
            ctx.picked = True
            if msg.typed and (asked := self._second_thoughts(ctx, msg.data)) is not None:
                return asked
            return self._choice(ctx, msg.data)
        text = msg.text.strip()
        if not text:
            return [Outbound(t("empty", lang))]
        if text.startswith(COMMAND_PREFIXES):
            return self._command(ctx, text)
        if msg.private and (picked := self._typed_choice(ctx, text)) is not None:
            return picked
        if msg.private and (command := self._team_word(ctx, text)) is not None:
            return self._command(ctx, "/" + command)
        for feature in self.features:
            if not (msg.private or feature.in_groups):
                continue
            if feature.read is not None and (replies := feature.read(ctx, text)) is not None:
                return replies
        return [Outbound(t("empty", lang))]

    def _team_word(self, ctx: Context, text: str) -> str | None:
        """An admin's command typed as one word without the slash ("statistik",
        "einladungen", "personen"): the name of a command only admins have, else None.
        (Everyone's commands stay words: "kontakt" or "termine" may be a question; the
        team's /offen, which a team chat may use too, is read from words in handoff.)"""
        word = text.strip(" .!?").lower()
        command = self._commands.get(word)
        if ctx.role is not Role.ADMIN or command is None or " " in word:
            return None
        return word if command.roles == ADMINS else None

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


def _kept(reply: Outbound) -> tuple[Button, ...]:
    """The choices of a reply as the chat keeps them: one choice offered with a question
    ("Möchten Sie …?") confirms, so a typed "ja" presses it; one offered beside an answer
    does not ("ja" to an answer with "Erinnerungen abonnieren" is an acknowledgement)."""
    buttons = reply.buttons
    if len(buttons) == 1 and not buttons[0].confirms and asks(reply.text):
        return (dataclasses.replace(buttons[0], confirms=True),)
    return buttons


def _said(msg: Inbound) -> str | None:
    """The language a command's name is in (/hilfe, /help, also "help" or "hilfe" written
    alone); None for anything else."""
    text = msg.text.strip()
    if msg.data is not None or len(text) < 2:
        return None
    if text.startswith(COMMAND_PREFIXES):
        return command_lang(text[1:].split()[0].split("@", 1)[0])
    word = text.strip(" ?!.").lower()
    return command_lang(word) if word in _ALONE else None


# command names that, written alone, are a request in their language ("help", "termine")
_ALONE = frozenset(
    "hilfe help termine meetings kontakt contact themen topics meinedaten mydata".split()
)
