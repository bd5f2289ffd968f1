"""What a chat feature is made of, and what its handlers get.

A feature (core, faq, people, jourfixe, reminders) is a module that exports one
`Feature`: its commands, its button callbacks, an optional reader of plain
messages in their context (a buddy's "ja" to a waiting request), its lines for
/hilfe, and the services it needs. The router registers what it is given; a
feature whose services are missing is left out as a whole.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.booking.service import JourFixe
from bot.chat.faq_replies import FaqMemory, FaqReplies
from bot.handoff import Handoff
from bot.localtime import Clock, system_clock, zone
from bot.messages import Button, Inbound, Outbound
from bot.people import People, Whois
from bot.team import Team
from bot.timeline import Timeline
from storage.chats import ChatStates
from storage.models import Role

__all__ = [
    "ADMINS",
    "BUDDIES",
    "EVERYONE",
    "EXPERTS",
    "PAIR_ROLES",
    "Callback",
    "ChatState",
    "Command",
    "Context",
    "Feature",
    "Handler",
    "Services",
]

EVERYONE: frozenset[Role] = frozenset(Role)
ADMINS: frozenset[Role] = frozenset({Role.ADMIN})
EXPERTS: frozenset[Role] = frozenset({Role.EXPERT})
BUDDIES: frozenset[Role] = frozenset({Role.BUDDY})
PAIR_ROLES: frozenset[Role] = frozenset({Role.EXPERT, Role.BUDDY})


@dataclass
class Services:
    """The domain services handlers call. Optional ones may be missing (a router
    for FAQ only); features that need them are then not registered."""

    faq: FaqReplies
    people: People | None = None
    booking: JourFixe | None = None
    timeline: Timeline | None = None
    clock: Clock = system_clock
    tz: ZoneInfo = field(default_factory=lambda: ZoneInfo("Europe/Berlin"))  # IMBOT_TIMEZONE
    default_lang: str = "de"
    telegram_bot: str | None = None  # the bot's @username, for invite deep links
    team: Team | None = None  # the admins' team tools (/rundmail, /statistik, /postausgang)
    calendar_base: str = "http://localhost:8080"  # where `imbot run` serves /calendar/…
    calendar_public: bool = False  # calendar_base is IMBOT_PUBLIC_URL (not this computer only)
    handoff: Handoff | None = None  # "ask the team": forwarded questions and the team's answers
    chats: ChatStates | None = None  # each chat's /sprache and last choices, across restarts


@dataclass
class ChatState:
    lang: str | None = None  # chosen with /sprache; None: follow the person or the client
    seen: str | None = None  # the language this chat last wrote in (a command's name, a question)
    choices: tuple[Button, ...] = ()  # of the last reply this chat was shown
    shown_at: datetime | None = None  # when those choices were shown
    prompt: str = ""  # the text of the message that showed them (what they are about)
    loaded: bool = False  # choices known in this process (read, or shown since the start)
    greeted: bool = False  # the welcome (/start) was shown in this chat since the start
    helped_at: datetime | None = None  # when the command list was last shown (not twice)
    # the welcome left out that no call is open: the answer to the question it was held
    # for comes first, and says it where the answer does not (bot.chat.faq)
    closed_held: bool = False
    lang_next: str | None = None  # another language one clear message was written in
    person: bool = False  # an invited person (expert, buddy, admin) writes in this chat
    erased: bool = False  # the chat's data was just erased: the reply to it keeps nothing
    # an open question whose choices a later list replaced before it was answered (the
    # series question, then /termine): a typed number that declines from the newer list
    # is asked back with both (saved with the choices: a restart keeps it)
    replaced: tuple[Button, ...] = ()
    replaced_prompt: str = ""
    faq: FaqMemory = field(default_factory=FaqMemory)  # what the FAQ last told this chat


@dataclass
class Context:
    """What a handler gets: the message, its arguments, who sent it, the services."""

    msg: Inbound
    args: list[str]
    who: Whois | None
    lang: str
    state: ChatState
    services: Services
    now: datetime
    help_text: Callable[[], str] = lambda: ""  # /hilfe for this person, from every feature
    # the choices of the last reply (read from the database if need be) and whether
    # they are too old to pick from; `press(data)` answers as if that button was pressed
    open_choices: Callable[[], tuple[tuple[Button, ...], bool]] = lambda: ((), False)
    press: Callable[[str], list[Outbound]] = lambda data: []
    # the replies to `text` as if it had been written alone ("auf englisch bitte: who
    # are the contacts" – the question after the language was switched)
    read_rest: Callable[[str], list[Outbound]] = lambda text: []
    picked: bool = False  # the message chose one of the chat's choices (pressed or typed)

    # an expert's or buddy's language as the router found it for this message (their
    # choice, the message's own, else the conversation's): what their few words keep
    reader_lang: str | None = None

    @property
    def stored_lang(self) -> str | None:
        """The language a few words do not change: the one chosen in this chat (/sprache)
        or by the person; for an expert or buddy who chose none, the router's reading
        (the message's own language when it says one, else the conversation's)."""
        if self.state.lang or self.who is None:
            return self.state.lang
        return self.who.lang if self.who.lang_chosen else self.reader_lang or self.who.lang

    @property
    def role(self) -> Role:
        return self.who.role if self.who else Role.APPLICANT

    @property
    def tz(self) -> ZoneInfo:
        """The reader's time zone: their own if set, else the bot's."""
        return zone(self.who.timezone if self.who else None, self.services.tz)


Handler = Callable[[Context], list[Outbound]]
ChoiceHandler = Callable[[Context, str], list[Outbound]]
TextReader = Callable[[Context, str], list[Outbound] | None]


@dataclass(frozen=True)
class Command:
    names: tuple[str, ...]  # German and English, e.g. ("hilfe", "help")
    handler: Handler
    roles: frozenset[Role] = EVERYONE
    menu: tuple[str, str] | None = None  # (German, English) name in the command menus
    in_groups: bool = False  # allowed in group chats (no identity, no personal data there)


@dataclass(frozen=True)
class Callback:
    """A button's data starting with `prefix` goes to `handler(ctx, data)`."""

    prefix: str
    handler: ChoiceHandler
    roles: frozenset[Role] = EVERYONE
    in_groups: bool = False
    # whether the data says no to someone without a question before (declining a
    # request or a suggestion): typed from a list that replaced an open question, asked back
    declines: Callable[[str], bool] = lambda data: False


@dataclass(frozen=True)
class Feature:
    name: str
    commands: tuple[Command, ...] = ()
    callbacks: tuple[Callback, ...] = ()
    read: TextReader | None = None  # a plain message read in context; None lets it pass
    help: Callable[[Context], str | None] | None = None
    needs: tuple[str, ...] = ()  # names of optional Services the feature cannot work without
    in_groups: bool = False  # its reader of plain messages also runs in group chats
