"""Short talk, read before the FAQ: small talk in the language the person is known
to write ("ok" and "hi" say too little to change it), a short "Alles klar." for an
"ok" with nothing open, "ist jemand erreichbar?" answered with the contacts and the
office hours as of now, and an expert's or buddy's "wo treffen wir uns?" with the
place the pair set with /ort."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from bot.booking.base import BookingError
from bot.booking.timeparse import find_moment_in
from bot.chat.choices import (
    ACK,
    YES,
    acknowledges,
    confirming,
    is_ack,
    is_number,
    is_stop,
    is_yes,
    plain,
)
from bot.chat.faq_replies import FAQ_PREFIX, HANDOFF_PREFIX, NEXT_CALL_DATA, SUBSCRIBE_DATA
from bot.chat.handlers import PAIR_ROLES, Context, Feature
from bot.chat.jourfixe.calendar import place
from bot.chat.jourfixe.context import without_names
from bot.handoff import parse_office_hours
from bot.messages import Outbound
from bot.texts import LANGS, fmt_when, t
from faq.normalize import tokens
from faq.smalltalk import asks_how, small_talk
from jobs.program import call_closed
from storage.models import Role

__all__ = ["FEATURE", "only_a_time", "small_talk_reply"]

# words of small talk that belong to one language ("ok", "super", "merci" to neither)
_GERMAN = frozenset(
    """hallo moin servus gruss grusse gruezi guten tag morgen abend danke dank dankeschon
    ja nein jo jep ne nee tschuss tschau wiedersehen ade bist du wer hilfe hilf helfen
    bitte gut alles klar mehr weiter mir mich vielen herzlichen sehr mensch sind heisst dein
    deine""".split()
)
_ENGLISH = frozenset(
    """hi hello hey good morning evening afternoon greetings thanks thank thx yes no nope
    yep yeah bye goodbye cya who are you help me please fine great nice more next lot
    much see later your name human whats what""".split()
)
_IDLE = {Role.EXPERT: "idle_expert", Role.BUDDY: "idle_buddy"}
# "ok", "ja", "passt": an acknowledgement, not a pick from a list
_ACK = frozenset(
    """ja yes ok okay jo jep yep yeah gut good fine cool alles klar super prima nein no
    nope ne nee k lol haha hehe hihi xd""".split()
)


def small_talk_lang(text: str, default: str) -> str:
    """The language small talk is in ("hi" English, "hallo" German); `default` for
    words both use ("ok", "super")."""
    toks = tokens(text)
    german = sum(w in _GERMAN for w in toks)
    english = sum(w in _ENGLISH for w in toks)
    return "de" if german > english else "en" if english > german else default


_HELP_SHOWN = timedelta(minutes=10)  # the command list is not shown again this soon


def small_talk_reply(ctx: Context, text: str, known: str | None) -> Outbound:
    """The reply to small talk, in the language the person is known to read (else the
    one the words belong to, else the chat's): "ok" gets a short "Alles klar.", a
    greeting a greeting and where to look (the help came with the first greeting),
    "hilfe" and "wer bist du" the help."""
    kind = small_talk(text) or "noise"
    if kind in ("who", "thanks", "bye"):
        # "who are you?", "thanks, bye" after German answers: its words say English
        # (unless a language was chosen)
        chosen = ctx.state.lang or (ctx.who.lang if ctx.who and ctx.who.lang_chosen else None)
        ctx.lang = chosen or small_talk_lang(text, known or ctx.lang)
    else:
        ctx.lang = known or small_talk_lang(text, ctx.lang)
    if kind == "noise" and set(tokens(text)) <= _ACK:
        return Outbound(t("smalltalk_ack", ctx.lang))
    if kind == "greeting" and asks_how(text):  # "wie gehts dir?": a word back, and on
        more = "greeting_again" if ctx.role in PAIR_ROLES else "greeting_again_faq"
        if not ctx.state.greeted and ctx.role not in PAIR_ROLES:
            more = "smalltalk_greeting_more"
        return Outbound(f"{t('smalltalk_how', ctx.lang)} {t(more, ctx.lang)}")
    if kind == "greeting":
        if ctx.state.greeted:  # "hi" right after the welcome: no second "Hallo!"
            key = "greeting_again" if ctx.role in PAIR_ROLES else "greeting_again_faq"
            return Outbound(t(key, ctx.lang))
        if ctx.role in PAIR_ROLES:
            return Outbound(t("smalltalk_greeting_pair", ctx.lang))
        more = t("smalltalk_greeting_more", ctx.lang)
        return Outbound(f"{t('smalltalk_greeting', ctx.lang)}\n\n{more}")
    if ctx.role in PAIR_ROLES and kind == "bye":  # no "good luck with your application"
        return Outbound(t("smalltalk_bye_pair", ctx.lang))
    if kind == "bye" and (ctx.state.faq.in_program or _no_call_open(ctx)):
        return Outbound(t("smalltalk_bye_closed", ctx.lang))  # no application to wish luck
    if ctx.role in PAIR_ROLES and kind in ("who", "help"):  # their part first, not the call's
        return Outbound(f"{t(f'smalltalk_{kind}_pair', ctx.lang)}\n\n{ctx.help_text()}")
    if ctx.role in PAIR_ROLES and kind == "noise":  # "hmm", "test", a stray "3"
        return Outbound(t(_IDLE[ctx.role], ctx.lang))
    # "bist du ein mensch?" right after "wer bist du": the answer, not the commands again
    shown = ctx.state.helped_at is not None and ctx.now - ctx.state.helped_at <= _HELP_SHOWN
    if kind in ("who", "help", "noise") and not shown:
        ctx.state.helped_at = ctx.now
    return ctx.services.faq.small_talk_reply(text, ctx.lang, "" if shown else ctx.help_text())


def only_a_time(text: str, ctx: Context) -> bool:
    """A date or a time and at most one word more ("Tue 1 Dec 11:00", "do 14 uhr",
    "lieber 15 Uhr"): it tells nothing about the language."""
    found = find_moment_in(text, ctx.now.astimezone(ctx.tz).replace(tzinfo=None))
    return found is not None and len(tokens(found[1])) <= 1


def _no_call_open(ctx: Context) -> bool:
    """Whether the active call's deadline has passed (or there is none to apply to)."""
    return call_closed(ctx.services.faq.edition(), ctx.now)


# -- "ist jemand erreichbar?" ------------------------------------------------------------------

_REACH = re.compile(
    r"\berreichbar|\banrufen\b|\btelefonier|\bsprechzeit|\bsprechstunde"
    r"|\bjemand\w*\s+(\w+\s+){0,2}(da|zu erreichen|zu sprechen|ans telefon)\b"
    r"|\b(lokalprojekte|team|frau bock|frau prokop\w*|ansprechpartner\w*)\b.*\berreich"
    r"|\breachable\b|\boffice hours\b"
    r"|\b(call|phone|ring)\s+(someone|anyone|somebody|anybody|you|the team|lokalprojekte"
    r"|her|him|them)\b"
    r"|\breach\s+(someone|anyone|somebody|anybody|you|the team|lokalprojekte)\b"
    r"|\b(someone|anyone|somebody|anybody)\s+(\w+\s+){0,2}(there|available|reachable"
    r"|in the office|in today|in now)\b"
    r"|\b(someone|anyone|somebody|anybody)\s+(to talk|to speak)"
    # "who can I call now?", "wen kann ich jetzt anrufen?"
    r"|\b(who|whom) (can|could|should) (i|we) (call|phone|ring|reach)\b"
    r"|\bwen (kann|könnte|soll) (ich|man|wir) (jetzt |gerade |noch )*(anrufen|erreichen)\b"
    r"|\bwen erreich\w* (ich|man|wir)\b"
    # "is one of them available right now?" after the contacts were named
    r"|\b(one|either|any|both|each) of (them|you|the two|the contacts|the team)\s+(\w+\s+){0,2}"
    r"(available|reachable|free|around|in (today|now|right now|the office))\b"
    r"|\b(einer|eine|eins|jemand) (von )?(denen|ihnen|euch|den beiden|beiden)\s+(\w+\s+){0,2}"
    r"(da|frei|im büro|zu sprechen)\b"
)


def _reach(ctx: Context, text: str) -> list[Outbound] | None:
    """Contacts, and whether someone is there now or when they are back (the office
    hours the "ask the team" flow uses)."""
    faq = ctx.services.faq
    lang = faq.language(text, ctx.lang)
    team = ctx.services.handoff
    hours = team.hours() if team else parse_office_hours(faq.kb.get("contact").answer["de"])
    tz = team.tz if team else ctx.services.tz
    opens = hours.next_opening(ctx.now, tz)
    if opens is None:
        status = t("reach_open", lang, hours=hours.describe(lang))
    else:
        when = fmt_when(opens, lang, ctx.tz)
        status = t("reach_closed", lang, hours=hours.describe(lang), when=when)
    # "wann ist Frau Bock erreichbar?": that person on the day asked, not the team
    status = faq.person_hours(text, lang, ctx.now, tz, today_too=False) or status
    ctx.lang = lang
    buddy = _buddy_line(ctx, lang)
    contacts = faq.contact_reply(lang).text
    # an expert's first person to turn to is their buddy, then the team
    reply = Outbound("\n\n".join(x for x in (buddy, status, contacts) if x), lang=lang)
    if (contact := faq.kb.find("contact")) is not None:  # "und morgen?" asks of it next
        ctx.state.faq.remember(contact, reply, ctx.now)
    return [reply]


def _buddy_line(ctx: Context, lang: str) -> str | None:
    """For an expert: who their buddy is and how to reach them here."""
    booking = ctx.services.booking
    if ctx.role is not Role.EXPERT or booking is None or ctx.who is None or not ctx.msg.private:
        return None
    try:
        name = booking.buddy(ctx.who.person_id).name
    except BookingError:  # no buddy yet
        return t("reach_no_buddy", lang)
    return t("reach_buddy", lang, buddy=name)


# -- "wo treffen wir uns?" --------------------------------------------------------------------

_WHERE = re.compile(
    r"\bwo\b.*\b(treffen|trefft|treffe|trifft|sehen wir|jour ?fixes?|termin\w*|meeting\w*)\b"
    r"|\btreffpunkt|\b(welche[rsnm]?|unser\w*)\s+(ort|raum|videolink|link|adresse)\b"
    r"|\bwhere\b.*\b(meet|meeting|meetings|jour ?fixes?|see each other)\b"
    r"|\b(which|what|our)\s+(place|room|location|address|venue)\b"
    r"|\b(video|zoom|teams|meeting|call)[ -]link\b"
)
_PROGRAM_EVENTS = re.compile(r"kick|abschluss|closing|einführung|introduct|vorgespräch|interview")


def _where(ctx: Context, text: str) -> list[Outbound] | None:
    return place(replace(ctx, args=[]))


def _to_choices(ctx: Context, text: str) -> list[Outbound] | None:
    """ "ja", "ok", "passt" said to the choices of the last reply (no feature read it in
    its own context first): a yes to a first choice that confirms (or to the one choice
    of a reply that asked a question, see the router) presses it; to several it asks which one, with the choices again. Never "Alles
    klar." with nothing done."""
    if not is_ack(text) or text.strip().endswith("?"):  # "ja?" doubts the answer: a follow-up
        return None
    yes = is_yes(text)
    choices, stale = ctx.open_choices()
    meant = confirming(choices) if yes else None  # one offered with a question too
    if meant is None and len(choices) < 2:
        if yes and ctx.role is Role.APPLICANT and set(tokens(text)) - _ACK:
            # "ja bitte", "yes please" beside an answer that asked nothing: more than
            # "ok", but nothing to press; an acknowledgement, not "no open choice"
            ctx.lang = ctx.stored_lang or ctx.state.seen or small_talk_lang(text, ctx.lang)
            return [Outbound(t("smalltalk_ack", ctx.lang))]
        return None  # "ok" to an answer's single offer: an acknowledgement
    if meant is None and ctx.role is Role.APPLICANT and small_talk(text) == "thanks":
        return None  # "ok danke" to "Meinen Sie A oder B?": thanks, the choices let go
    lets_go = not yes and not any(b.confirms for b in choices) and not _asked_back(ctx, choices)
    if meant is None and lets_go and ctx.role is Role.APPLICANT and not stale:
        # "ok" to suggestions ("Meinten Sie …?") that confirm nothing: the person lets
        # them go; no nagging "which one?"
        return [Outbound(t("smalltalk_ack", ctx.lang))]
    if stale:
        return [Outbound(t("choice_stale", ctx.lang), choices)]
    if meant is not None:
        return ctx.press(meant.data)
    numbers = [f"#{b.number}" for b in choices if b.number is not None]
    if numbers:  # a picker of meetings: their own numbers, as /termine shows them
        return [Outbound(t("choice_which_numbered", ctx.lang, example=numbers[0]), choices)]
    team = [b for b in choices if b.data.startswith(HANDOFF_PREFIX)]
    if len(choices) == 2 and len(team) == 1:
        # "Meinen Sie X? Sonst: Soll ich …weiterleiten?" – "ja" answers either question:
        # asked which, in the words of the two questions (never the guess answered)
        topic = next(b for b in choices if b is not team[0]).label
        return [Outbound(t("choice_which_team", ctx.lang, topic=topic), choices)]
    return [Outbound(t("choice_which", ctx.lang, n=len(choices)), choices)]


def _asked_back(ctx: Context, choices) -> bool:
    """Whether the open choices are the FAQ's question back ("Meinen Sie A, B oder C?"):
    an "ok" to it is asked which one (README); the suggestions after "Dazu finde ich
    keine sichere Antwort" ("Meinten Sie eine dieser Fragen?") an "ok" lets go."""
    offered = ctx.state.faq.offered
    ids = tuple(
        b.data.removeprefix(FAQ_PREFIX).partition(":")[2]
        for b in choices
        if b.data.startswith(FAQ_PREFIX)
    )
    return len(offered) > 1 and ids == offered


# "nein danke", "no thanks", "lieber nicht": a no to the question the last reply asked
_NO = frozenset("nein no nee nope nah ne nicht not".split())
_NO_FILLER = frozenset(
    """danke thanks thank you thx bitte please lieber erstmal jetzt now moment
    sorry ok okay aber but trotzdem anyway""".split()
)
# what a "no" to the offer of a notification declines, and what it says back
_DECLINED = {NEXT_CALL_DATA: "declined_next_call", SUBSCRIBE_DATA: "declined_reminders"}


def _declined(ctx: Context, text: str) -> list[Outbound] | None:
    """ "no thanks" to "Möchten Sie Bescheid bekommen, sobald die nächste Ausschreibung
    da ist?": no notification, said so (not "Gern geschehen!", which answers thanks)."""
    words = tokens(text)
    if not words or not set(words) & _NO or not set(words) <= _NO | _NO_FILLER:
        return None
    if text.strip().endswith("?"):
        return None
    choices, stale = ctx.open_choices()
    asked = [b for b in choices if b.confirms and b.data in _DECLINED]
    if stale or len(asked) != 1:
        return None
    ctx.lang = ctx.stored_lang or ctx.state.seen or small_talk_lang(text, ctx.lang)
    return [Outbound(t(_DECLINED[asked[0].data], ctx.lang))]


_YES_WORDS = frozenset(w for said in YES for w in tokens(said))
_BACK = frozenset({"zurück", "zuruck", "zurueck", "back", "go back"})
# "moment", "one sec": the person will write again; nothing to answer, nothing to record
_LATER = frozenset(
    {
        "moment", "einen moment", "augenblick", "einen augenblick", "sekunde", "eine sekunde", "warte",
        "warten sie", "gleich", "wait", "one moment", "a moment", "just a moment", "one sec",
        "just a sec", "sec", "hold on",
    }
)  # fmt: skip
# good-byes and agreement the FAQ's small talk does not know ("bis dann", "passt"): a
# short reply, never a question recorded as unanswered
_BYE = frozenset(
    {
        "see you", "see you later", "see ya", "bis dann", "bis bald", "bis später",
        "bis spater", "bis morgen", "bis zum nächsten mal", "schönen tag", "schönen tag noch",
        "einen schönen tag", "einen schönen tag noch", "schönes wochenende", "gute nacht",
        "have a nice day", "have a good day", "have a nice weekend", "good night", "cheers",
    }
)  # fmt: skip
_AGREE = frozenset(
    {
        "passt", "perfekt", "top", "super", "prima", "toll", "klasse", "na gut", "okidoki",
        "genau", "richtig", "stimmt", "verstanden", "ok verstanden", "alles gut", "great",
        "perfect", "correct", "exactly", "got it", "understood", "noted", "alright",
        "all right", "sounds good", "fine", "gut", "sehr gut",
    }
)  # fmt: skip
# the words of a decision on a request, a suggestion or a series (as tokens: no umlauts)
_DECIDE = frozenset(
    """bestatigen bestatige bestatigt ablehnen lehne annehmen nehme zusagen absagen confirm
    confirmed decline accept reject einmalig once regelmassig regularly""".split()
)
_NO_WORDS = frozenset({"nein", "no", "nee", "nö"})
_DECIDE_FILLER = frozenset(
    """alle all beide both bitte please ja yes die the den ab an anfrage anfragen request
    requests vorschlag suggestion termin termine meeting meetings ich i""".split()
)
# "was kann ich hier machen?": the help, not a question about the call
_WHAT_CAN_I = re.compile(
    r"(und )?(was|wie) (kann|mache|soll) ich (hier|jetzt|damit|mit dir|mit ihnen)? ?"
    r"(machen|tun|fragen)?|(so )?what (can|do|should) i do( here| now| with you)?"
    r"|how does (this|it) work|wie funktioniert (das|das hier|der bot)"
)


def _idle(ctx: Context, text: str) -> list[Outbound] | None:
    """ "abbrechen", "stopp", "cancel" – and an expert's or buddy's "ja" or "erika ja" –
    with nothing open (the Jour Fixe part read them first): what this person can do
    here, never a question for the FAQ (nor one recorded as unanswered). A "stopp"
    while the last reply's choices are open closes them."""
    pair = ctx.role in PAIR_ROLES and ctx.services.booking is not None and ctx.who is not None
    if _WHAT_CAN_I.fullmatch(plain(text)):
        return [Outbound(ctx.help_text())]
    if " ".join(w for w in plain(text).split() if w not in ("bitte", "please", "kurz")) in _LATER:
        return [Outbound(t("smalltalk_ack", ctx.lang))]
    said = without_names(ctx, text) if pair else text
    if pair and said != text and small_talk(said) not in (None, "noise"):
        # "Hallo Bernd", "danke Erika": small talk with a name, no question for the FAQ
        return [small_talk_reply(ctx, said, ctx.stored_lang or ctx.state.seen)]
    stop = is_stop(said) or plain(said) in _BACK
    words = tokens(said)
    number = pair and is_number(said)  # "3" with no list open: what there is to do
    # "alle bestätigen", "confirm", "beide ja" with no request open: no question about the call
    answer = _DECIDE | _YES_WORDS | _NO_WORDS
    decide = pair and set(words) & answer and set(words) <= answer | _DECIDE_FILLER
    if not (stop or number or decide or pair and words and set(words) <= _YES_WORDS):
        return None
    if text.strip().endswith("?"):  # "ja?" doubts an answer: the FAQ's follow-up
        return None
    choices, stale = ctx.open_choices()
    if stop and choices and not stale:
        if pair:  # whatever the Jour Fixe part still kept for this chat goes too
            ctx.services.booking.forget(ctx.msg.platform, ctx.msg.chat_id)
        return [Outbound(t("stopped", ctx.lang))]  # no buttons: the choices close
    return [
        Outbound(t(_IDLE.get(ctx.role, "idle_applicant") if pair else "idle_applicant", ctx.lang))
    ]


def _short(ctx: Context, text: str) -> list[Outbound] | None:
    """ "bis dann", "schönen Tag noch", "passt", "genau", "got it": a good-bye or an
    agreement, in the language the person is known to read."""
    said = plain(text)
    if said in _BYE:
        key = "smalltalk_bye_pair" if ctx.role in PAIR_ROLES else "smalltalk_bye"
    elif said in _AGREE or (said in ACK or acknowledges(text)) and small_talk(text) is None:
        key = "smalltalk_ack"
        if ctx.open_choices()[0]:  # "genau" to "Meinen Sie …?": not a plain acknowledgement
            return None
    else:
        return None
    hint = ctx.msg.lang_hint if ctx.msg.lang_hint in LANGS else None
    ctx.lang = ctx.stored_lang or hint or ctx.state.seen or small_talk_lang(text, ctx.lang)
    return [Outbound(t(key, ctx.lang))]


def _read(ctx: Context, text: str) -> list[Outbound] | None:
    lower = text.lower()
    if len(lower) > 160:
        return None
    if ctx.msg.private and (replies := _declined(ctx, text)) is not None:
        return replies
    if ctx.msg.private and (replies := _to_choices(ctx, text)) is not None:
        return replies
    if ctx.msg.private and (replies := _short(ctx, text)) is not None:
        return replies
    if ctx.msg.private and (replies := _idle(ctx, text)) is not None:
        return replies
    if (
        ctx.role in PAIR_ROLES
        and ctx.services.booking is not None
        and ctx.msg.private
        and _WHERE.search(lower)
        and not _PROGRAM_EVENTS.search(lower)
    ):
        return _where(ctx, text)
    if _REACH.search(lower):
        return _reach(ctx, text)
    return None


FEATURE = Feature(name="talk", read=_read, in_groups=True)
