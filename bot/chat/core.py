"""Core commands: greeting, help, language. /start with a code redeems an invite."""

from __future__ import annotations

import re

from bot.chat.handlers import Command, Context, Feature
from bot.chat.people import redeem
from bot.chat.reminders import no_call_open
from bot.messages import Outbound
from bot.texts import LANGS, t
from faq.normalize import tokens
from faq.smalltalk import small_talk
from storage.models import Role

__all__ = ["FEATURE"]

HELP_WORDS = ("hilfe", "help", "?")
_WELCOME = {Role.EXPERT: "welcome_expert", Role.BUDDY: "welcome_buddy"}


def _start(ctx: Context) -> list[Outbound]:
    if ctx.args and not ctx.msg.private:  # a group is nobody's chat: no invite here
        return [Outbound(t("private_only", ctx.lang))]
    if ctx.args:
        return redeem(ctx, ctx.args[0])
    # experts and buddies first read what they do here, not the call's FAQ (closed long ago)
    welcome = _WELCOME.get(ctx.role, "welcome")
    greeting = [Outbound(f"{t(welcome, ctx.lang)}\n\n{ctx.help_text()}")]
    first = ctx.msg.first or ""
    if ctx.role is Role.APPLICANT and _asks(first):
        # held for a question: two lines, then its answer (not 14 lines before it)
        greeting = [Outbound(t("welcome_short", ctx.lang))]
    elif first.startswith("/") and first.split()[0].lower() not in _SHOW_HELP:
        # "/erinnerungen" as the first line: two lines, then what it asked for
        greeting = [Outbound(t("welcome_short", ctx.lang))]
    elif not first.startswith("/") and small_talk(first) in ("who", "help"):
        # "wer bist du", "hilfe": their reply lists the help (a /hilfe is the welcome's)
        greeting = [Outbound(t(welcome, ctx.lang))]
    ctx.state.greeted = True  # a "hi" right after it is not greeted with "Hallo!" again
    if ctx.help_text() in greeting[0].text:
        ctx.state.helped_at = ctx.now  # "wer bist du" right after it: not the list again
    if ctx.services.timeline is not None and ctx.role is Role.APPLICANT:
        if _asks(first):  # held for a question: its answer first, then the notice
            ctx.state.closed_held = True
            return greeting
        offer = no_call_open(ctx)  # no call open: say so, offer the next-call message
        greeting += [offer] if offer else []
    return greeting


_SHOW_HELP = ("/start", "/hilfe", "/help")  # a first command that asks for the list itself


def _asks(first: str) -> bool:
    """Whether the first line a held welcome goes before is a question for the FAQ
    (not a command, a greeting or thanks)."""
    return bool(first.strip()) and not first.startswith("/") and small_talk(first) is None


def _help(ctx: Context) -> list[Outbound]:
    return [Outbound(ctx.help_text())]


def _lang(ctx: Context) -> list[Outbound]:
    choice = ctx.args[0].lower() if ctx.args else ""
    if choice not in LANGS:
        return [Outbound(t("lang_usage", ctx.lang))]
    ctx.state.lang = choice
    if ctx.who and ctx.services.people:
        ctx.services.people.set_lang(ctx.who.person_id, choice)
    if ctx.services.timeline:  # timeline pushes from now on in that language
        ctx.services.timeline.set_lang(ctx.msg.platform, ctx.msg.user_id, choice)
    return [Outbound(t("lang_set", choice), lang=choice)]


def _switched(ctx: Context) -> list[Outbound]:
    """A switch asked in words ("und auf deutsch?", "in english please") right after an
    answer: the switch, then that answer again in the language asked for (right after
    "Meinen Sie …?": that question again)."""
    replies = _lang(ctx)
    memory, faq = ctx.state.faq, ctx.services.faq
    if len(replies) != 1 or faq is None:
        return replies
    if memory.entry is None and memory.offered and memory.recent(memory.at, ctx.now):
        offered = [e for key in memory.offered if (e := faq.kb.find(key)) is not None]
        ctx.lang = ctx.state.lang
        return [*replies, faq.ask_which(offered, ctx.lang)] if offered else replies
    if memory.entry is None:
        return replies
    entry = faq.kb.find(memory.entry)
    if entry is None or not memory.recent(memory.at, ctx.now):
        return replies
    ctx.lang = lang = ctx.state.lang
    # the "Ja."/"Nein." it began with, in the new language (the question is not kept)
    verdict = next(
        (key for key in ("faq_yes", "faq_no") for x in LANGS if memory.gist.startswith(t(key, x))),
        None,
    )
    again = faq.entry_reply(entry, lang, ctx.now, lead=verdict)
    memory.remember(entry, again, ctx.now)
    return [*replies, again]


_POLITE = r"(bitte|please|pls|plz|gerne?|weiter|ab jetzt|from now on|now|jetzt)"
_LANG_WORDS = {"englisch": "en", "english": "en", "deutsch": "de", "german": "de"}
# "auf englisch bitte", "in english please", "bitte auf Deutsch", "english pls",
# "können Sie auf Englisch antworten?", "can you speak german": /sprache en|de
_SWITCH = re.compile(
    rf"^({_POLITE}\s+)?((kannst du|können sie|konnen sie|could you|can you)\s+)?"
    r"((bitte|please)\s+)?((auf|in)\s+)?(?P<lang>englisch|english|deutsch|german)"
    r"(\s+(antworten|schreiben|sprechen|reden|answer|reply|write|speak|talk))?"
    rf"(\s+{_POLITE})*$"
    r"|^((kannst du|können sie|konnen sie|sprechen sie|sprichst du|could you|can you|do you)\s+)"
    r"((bitte|please)\s+)?((antworten|schreiben|sprechen|reden|answer|reply|write|speak|talk)\s+)?"
    r"(auf\s+|in\s+)?(?P<lang2>englisch|english|deutsch|german)(\s+{0})?$".format(_POLITE)
)


# "ok und auf englisch bitte: who are the contacts": the switch, then a question
_FILLER = re.compile(r"^((ok|okay|gut|alles klar|und|and|so|also|now|jetzt)\s+)*")
_THEN = re.compile(r"\s*[:;,–—]\s*|\s+-\s+")


# "Können wir Deutsch sprechen?", "Can we talk in German?", "could we switch to English
# please?", "can I write in English?": a language named, and around it only words of
# asking to use it (no "bewerben" or "apply": "Können wir uns auf Englisch bewerben?"
# asks about the call)
_ASKING = frozenset(
    """konnen konnten kann konnt koennen koennten wir sie du ihr uns mit mir bitte please
    pls plz auf in to we you us can could may might shall would will do does let lets s
    sprechen sprichst spricht reden redest schreiben schreibst antworten antwortest
    unterhalten weiter weitermachen fortfahren wechseln umstellen umschalten lieber gern
    gerne auch also jetzt now ab from on speak talk write answer reply chat continue carry
    switch change go rather prefer instead stattdessen conversation unterhaltung sprache
    language mal einfach bei dabei ok okay und and say sag sage sagen das that it this es
    repeat wiederholen nochmal noch again tell me mir ubersetzen uebersetzen translate
    schreib kannst konntest koenntest kannste ich i ask fragen""".split()
)
_LANG_TOKENS = {"englisch": "en", "english": "en", "deutsch": "de", "german": "de"}


def asked_language(text: str) -> str | None:
    """The language a message asks the chat to use ("Können wir Deutsch sprechen?" ->
    "de"), or None: one language named, every other word one of asking for it."""
    words = tokens(text)
    named = {_LANG_TOKENS[w] for w in words if w in _LANG_TOKENS}
    rest = [w for w in words if w not in _LANG_TOKENS]
    if len(named) != 1 or len(words) > 10 or not set(rest) <= _ASKING:
        return None
    return named.pop()


# "welche sprache kann ich mit dir sprechen? english ok?", "what languages do you
# speak?": which languages the chat reads (not the call's: "in which language do we apply?")
_WHICH = re.compile(r"\b(?:welche|which|what)\s+(?:sprache|sprachen|language|languages)\b")
_WHICH_WORDS = _ASKING | frozenset(
    """welche which what sprache sprachen language languages verstehst verstehen understand
    kennst know du dir you hier here geht gehts ist is are fine okay ok in auf mit with
    dich spricht speaks""".split()
)


def asked_which_language(text: str) -> tuple[bool, str | None]:
    """Whether a message asks which languages the chat reads, and the one language it
    names beside ("english ok?"), if any."""
    words = tokens(text)
    if not _WHICH.search(" ".join(words)) or len(words) > 14:
        return False, None
    if not {w for w in words if w not in _LANG_TOKENS} <= _WHICH_WORDS:
        return False, None
    named = {_LANG_TOKENS[w] for w in words if w in _LANG_TOKENS}
    return True, named.pop() if len(named) == 1 else None


def _only_question_marks(text: str) -> bool:
    """ "?", "??", "? ?": a question without words – the help, as "?" alone."""
    return bool(text.strip()) and not text.strip(" ?!.") and "?" in text


def _read(ctx: Context, text: str) -> list[Outbound] | None:
    if text.lower() in HELP_WORDS or _only_question_marks(text):
        return _help(ctx)
    said = " ".join(text.lower().strip(" .!?").replace(",", " ").split())
    if (found := _SWITCH.match(said)) is not None:
        ctx.args = [_LANG_WORDS[found.group("lang") or found.group("lang2")]]
        return _switched(ctx)
    if (asked := asked_language(text)) is not None:
        ctx.args = [asked]
        return _switched(ctx)
    which, named = asked_which_language(text)
    if which and named:  # "welche sprache kann ich mit dir sprechen? english ok?"
        ctx.args = [named]
        return [Outbound(t("lang_which", named), lang=named), *_lang(ctx)]
    if which:
        lang = ctx.services.faq.language(text, ctx.lang) if ctx.services.faq else ctx.lang
        return [Outbound(t("lang_which", lang), lang=lang)]
    parts = _THEN.split(text, maxsplit=1)
    if len(parts) == 2 and parts[1].strip():
        head = " ".join(parts[0].lower().strip(" .!?").replace(",", " ").split())
        found = _SWITCH.match(_FILLER.sub("", head))
        # "kannst du mir das auf englisch sagen: wer kann sich bewerben" as well
        lang = _LANG_WORDS[found.group("lang") or found.group("lang2")] if found else None
        if (lang := lang or asked_language(parts[0])) is not None:
            ctx.args = [lang]
            switched = _lang(ctx)
            ctx.lang = ctx.args[0]
            ctx.state.seen = ctx.lang
            return switched + ctx.read_rest(parts[1].strip())
    return None


FEATURE = Feature(
    name="core",
    commands=(
        Command(("start",), _start, menu=("start", "start"), in_groups=True),
        Command(("hilfe", "help"), _help, menu=("hilfe", "help"), in_groups=True),
        Command(("sprache", "lang", "language"), _lang, in_groups=True),
    ),
    read=_read,
    in_groups=True,
    # experts and buddies read their Jour Fixe part first: the call's reminders are the
    # applicants' business (the commands still work for everyone)
    help=lambda ctx: t("help_pair" if ctx.role in (Role.EXPERT, Role.BUDDY) else "help", ctx.lang),
)
