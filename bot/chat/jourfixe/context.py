"""Every plain message of an expert or buddy is read in its context first, and the
context comes from the database: what this chat was just asked (a picker, a page
of slots, a confirmation), a request waiting for the buddy, a counter-proposal
waiting for the expert. Inside a slot picker a day or a time is read against the
slots on offer. A move or cancel that names the day (and the other person) of one
meeting goes straight to it; "Ich kann am Donnerstag nicht" offers that day's
meetings to cancel or move. Text that answers none of them goes to the plain-language intents; if
they do not take it either, a question goes on to the FAQ, and anything else,
while something waits for this person (or a slot picker is open), is asked back
about what waits."""

from __future__ import annotations

import dataclasses
import re
from datetime import timedelta

from bot.booking.answers import NO, read
from bot.booking.base import BookingError
from bot.booking.timeparse import find
from bot.chat.choices import is_number, is_stop
from bot.chat.handlers import Context
from bot.chat.jourfixe.common import (
    BACK_WORDS,
    MORE_WORDS,
    booking,
    day_in,
    refusal,
    series_note,
    when,
)
from bot.chat.jourfixe.intents import match_intent, read_intent, reminder_request
from bot.chat.jourfixe.meetings import (
    answer_asked,
    cancel,
    cant_make_it,
    could_we,
    instead_of_one,
    named_number,
    names_another,
    no_more,
    read_scope,
    shifted,
    split_target,
    stops_from,
    the_meeting,
)
from bot.chat.jourfixe.natural import (
    _waits,
    ill_on_days,
    lapsed_answer,
    named_at_time,
    pick_at_time,
    shift_named,
    shift_request,
    slots_asked,
)
from bot.chat.jourfixe.requests import (
    about_slots,
    accept_proposal,
    answer_offer,
    answer_proposal,
    answer_request,
    answer_series,
    answer_slots,
    ask_proposal,
    ask_request,
    ask_slots,
    slot_page,
)
from bot.chat.jourfixe.settings import away, away_meetings, free_in_words, reminder_times
from bot.messages import Outbound
from bot.texts import t
from faq.normalize import tokens
from faq.smalltalk import small_talk
from storage.models import Role

__all__ = ["pair_names", "read_reply", "without_names"]


def read_reply(ctx: Context, text: str) -> list[Outbound] | None:
    if ctx.who is None or ctx.role not in (Role.EXPERT, Role.BUDDY):
        return None
    jf = booking(ctx)
    asked = jf.asked(ctx.msg.platform, ctx.msg.chat_id)
    if asked is not None and asked.kind == "cancelled":  # a cancel just done
        if (
            _ALSO.search(text.lower())
            and match_intent(text) in (None, "cancel")
            and (replies := the_meeting(ctx, text, "cancel")) is not None
        ):
            return replies  # "und Silvester auch": that one too, asked first
        asked = None  # nothing else is open
    if (  # "cancel it" answers "cancel or move?" before "cancel" closes what is open
        asked is not None
        and asked.kind == "cant"
        and (replies := answer_asked(ctx, asked.kind, asked.data, text)) is not None
    ):
        return replies
    stop = is_stop(text)
    if stop and asked is not None:  # "abbrechen" in a picker or before a confirmation
        jf.forget(ctx.msg.platform, ctx.msg.chat_id)
        return [Outbound(t("stopped", ctx.lang))]
    if asked is not None and _never_mind(ctx, asked.kind, text):
        jf.forget(ctx.msg.platform, ctx.msg.chat_id)  # "nee doch nicht", "forget it"
        return [Outbound(t("stopped", ctx.lang))]
    if asked is not None and (replies := numbered(ctx, asked.data, text)) is not None:
        return replies  # "3" after an FAQ answer in the middle of /jourfixe: still slot 3
    picker = asked is not None and asked.kind != "proposal"  # a proposal is what waits
    greeting = small_talk(without_names(ctx, text)) == "greeting"
    if picker and greeting and (replies := _greeting_open(ctx)) is not None:
        return replies  # "hallo" in a picker: a greeting, and the picker still open
    if _HOW_OFTEN.search(text.lower()):  # "wie oft sollen wir uns treffen": no booking
        return [Outbound(t(f"how_often_{ctx.role.value}", ctx.lang))]
    if stop or not picker and greeting:
        # "hallo" is a greeting, "stopp" no answer: what waits is mentioned after it;
        # with nothing waiting, the short talk replies (never the FAQ, never a guess).
        # (A greeting in a picker is asked back with the picker, which stays open.)
        return _waiting(ctx, "stop" if stop else "greeting")
    if asked is None and _SORRY.match(text.lower().strip()) and not _waits(ctx):
        return [Outbound(t("smalltalk_ack", ctx.lang))]  # jf12 (J15): "ok schade"
    if (before := reminder_request(text)) is not None:  # "erinner mich 1 Tag vorher"
        return reminder_times(dataclasses.replace(ctx, args=[before]))
    if stops_reminders(text):  # "keine Erinnerungen mehr bitte": not "more slots"
        if "?" in text:  # "kann ich die Erinnerungen ausschalten?": how, and what is set
            [usage] = reminder_times(dataclasses.replace(ctx, args=[]))
            return [Outbound(f"{usage.text}\n{t('before_off_how', ctx.lang)}")]
        return reminder_times(dataclasses.replace(ctx, args=["aus"]))
    if (about := about_reminders(text)) is not None and match_intent(text) in (None, "more"):
        if about == "on" and not booking(ctx).reminder_minutes(ctx.who.person_id):
            return reminder_times(dataclasses.replace(ctx, args=[DEFAULT_BEFORE]))
        [usage] = reminder_times(dataclasses.replace(ctx, args=[]))  # "wann erinnerst du mich?"
        return [Outbound(f"{usage.text}\n{t('before_off_how', ctx.lang)}")]
    if (span := away_span(ctx, text)) is not None:  # "vom 21.12. bis 2.1. im Urlaub"
        if ctx.role is Role.BUDDY:
            return away(dataclasses.replace(ctx, args=[span]))
        return away_meetings(ctx, span)  # an expert: the meetings then
    if ctx.role is Role.BUDDY and (replies := free_in_words(ctx, text)) is not None:
        return replies  # "ich kann ab jetzt auch mittwochs 9-11": add it? (asked first)
    intent = match_intent(text)
    if (
        intent is None
        and _moves_one(text)
        or intent != "cancel"
        and _shifts_one(text)
        or intent in (None, "next", "book")
        and instead_of_one(ctx, text)  # "can we do 17:00 instead today"
    ):
        intent = "move"  # "den Termin am Donnerstag bitte auf Freitag", "#2 eine Stunde später"
    if intent != "cancel" and stops_from(text):
        intent = "cancel"  # jf12 (J14): "ab Februar bitte keine Termine mehr"
    elif (replies := no_more(ctx, text)) is not None:
        return replies  # jf14: "keine Termine mehr bitte": which to cancel, or all
    if intent in ("move", "cancel") and named_number(text)[0] is not None:
        # "verschiebe #2 auf Di 12.1.": the meeting named, whatever is open
        return the_meeting(ctx, text, intent)
    if (replies := _natural(ctx, asked, intent, text)) is not None:
        return replies  # jf11: "den … eine Stunde später", "den um 15 Uhr" (bot/chat/jourfixe/natural.py)
    if asked is not None:
        if asked.kind == "slots" and text.strip().lower().strip(" .!") in MORE_WORDS:
            return slot_page(ctx, asked.data["offset"] + 8, asked.data.get("filter", ""))
        back = text.strip().lower().strip(" .!") in BACK_WORDS
        if asked.kind == "slots" and back:
            offset = max(0, asked.data["offset"] - 8)
            return slot_page(ctx, offset, asked.data.get("filter", ""))
        if asked.kind == "slots" and (replies := answer_slots(ctx, asked.data, text)) is not None:
            return replies
        if asked.kind == "series" and back:  # "zurück" to "einmalig oder regelmäßig?"
            return slot_page(ctx, 0, "")
        if asked.kind == "series" and (replies := answer_series(ctx, asked.data, text)) is not None:
            return replies
        today = ctx.now.astimezone(ctx.tz).date()
        if (  # "ach nee, doch lieber Donnerstag" to "einmalig oder regelmäßig?"
            asked.kind == "series"
            and intent not in ("move", "cancel")
            and (named := day_in(text, today, ctx.lang)) is not None
        ):
            return slot_page(ctx, 0, named[2])
        if (  # "i can't make it tomorrow" while a move is open: a new matter
            asked.kind == "move"
            and _CANT.search(text.lower())
            and (replies := cant_make_it(ctx, text)) is not None
        ):
            return replies
        if asked.kind == "scope_proposal" and (scope := read_scope(text)) is not None:
            return accept_proposal(ctx, asked.data["meeting"], int(scope > 0))
        if asked.kind == "offer" and (replies := answer_offer(ctx, asked.data, text)) is not None:
            return replies
        if (
            asked.kind in ("move", "scope")
            and intent in ("move", "cancel")
            and "meeting" in asked.data
            and names_another(ctx, text, asked.data["meeting"])
            and (replies := the_meeting(ctx, text, intent)) is not None
        ):
            return replies  # a sentence naming another meeting's day is about that one
        replies = answer_asked(ctx, asked.kind, asked.data, text)
        if replies is not None:
            return replies
    if ctx.role is Role.BUDDY:
        waiting, answer, ask = jf.pending(ctx.who.person_id), answer_request, ask_request
    else:
        waiting, ask = jf.proposals(ctx.who.person_id), ask_proposal

        def answer(ctx, waiting, text):  # a yes takes what the chat was shown last
            return answer_proposal(ctx, waiting, text, asked)

    if waiting and (replies := answer(ctx, waiting, text)) is not None:
        return replies
    if not waiting and asked is None and (replies := lapsed_answer(ctx, text)) is not None:
        return replies  # "sorry war krank. ja passt" to a request that lapsed
    if intent in ("move", "cancel") and (replies := the_meeting(ctx, text, intent)) is not None:
        return replies  # the day (and name) named leave one meeting
    if (replies := cant_make_it(ctx, text)) is not None:
        return replies
    if intent in (None, "next", "book", "day", "free") and (replies := could_we(ctx, text)):
        return replies  # "could we do thursday at 15?" with a meeting that Thursday
    if (
        ctx.role is Role.EXPERT
        and intent not in ("move", "cancel", "buddy")
        and (replies := _asked_for_a_day(ctx, text)) is not None
    ):
        return replies  # "ich brauche nächste Woche einen Termin": that week's slots
    if ctx.role is Role.EXPERT and _ANSWERED.search(text.lower()) and len(text) < 160:
        return answered_yet(ctx)  # jf12 (J19): "hat Bernd schon geantwortet?"
    if ctx.role is Role.EXPERT and intent not in ("move", "cancel", "next", "buddy"):
        if (replies := _asked_for_a_time(ctx, text)) is not None:
            return replies  # "geht Do 10.12. 14 Uhr?": that slot, or why not
        if _NOT_ANSWERING.search(text.lower()):
            return not_answering(ctx)
    if (replies := read_intent(ctx, text)) is not None:
        return replies
    today = ctx.now.astimezone(ctx.tz).date()
    if waiting and ("?" not in text or day_in(text, today, ctx.lang)):
        # not an answer we can read, no request, no question for the FAQ (a day named
        # is about the meeting: "does friday work too?"): while something waits for
        # this person, ask about it rather than guess or refuse
        return ask(ctx, waiting)
    if asked is not None and asked.kind == "slots":  # the picker's terms, not the FAQ
        return ask_slots(ctx, asked.data, text)
    return None


_REMINDERS = r"(erinnerung\w*|reminders?|benachrichtigung\w*|notifications?)"
_STOPS_REMINDERS = re.compile(
    rf"\b(keine|no|stop\w*|stopp\w*|beenden?|end|turn off|switch off|abschalten|ausschalten"
    rf"|abbestellen|(do not|don'?t) (want|need|send( me)?)( any)?)\s+(\w+\s+){{0,2}}?{_REMINDERS}"
    rf"|\b{_REMINDERS}\s+(\w+\s+){{0,3}}?(abbestell\w*|abmelden|abstellen|stoppen|beenden"
    r"|ausschalten|abschalten|deaktivieren|aus|off|stop|unsubscribe)\b"
    r"|\b(erinner\w* (mich|uns) (bitte )?nicht mehr|nicht mehr erinnern|stop reminding)"
    r"|^\s*(bitte\s+|please\s+)?(unsubscribe|abbestellen|abmelden)\b"
)


def stops_reminders(text: str) -> bool:
    """ "keine Erinnerungen mehr bitte", "no more reminders please", "Erinnerungen
    aus", "stop reminding me": an expert or buddy turns the Jour Fixe reminders off
    (the reply says how to turn them on again)."""
    low = text.lower().replace("’", "'")
    return len(low) <= 160 and _STOPS_REMINDERS.search(low) is not None


DEFAULT_BEFORE = "24h 1h"  # the reminders a person starts with (storage.models.Person)
_REMIND_WORD = re.compile(r"\b(erinner\w*|remind\w*)\b")
_ON = re.compile(
    r"\b(wieder|again|einschalten|anschalten|aktivieren|turn (them |it )?(back )?on|switch"
    r" (them |it )?(back )?on|back on)\b"
)
_ASKS = re.compile(r"\?|\b(wann|wie|welche|when|how|which|what)\b")


def about_reminders(text: str) -> str | None:
    """ "Erinnerungen wieder an bitte", "ich möchte wieder erinnert werden" ("on"), or a
    question about the Jour Fixe reminders ("wann erinnerst du mich?": "ask"); None
    for anything else ("danke für die Erinnerung")."""
    low = text.lower()
    if len(low) > 160 or not _REMIND_WORD.search(low):
        return None
    if _ON.search(low):
        return "on"
    return "ask" if _ASKS.search(low) else None


_AWAY_WORDS = re.compile(
    r"\b(urlaub\w*|abwesend|verreist|weg|nicht da|krank|vacation|holidays?|away|off|sick"
    r"|out of office|leave)\b"
)
# a date written without "vom/from" before it: "21.12", "21.12.26", "dec 21", "21st of december"
_MONTH = r"(?:jan|feb|mar|mär|apr|may|mai|jun|jul|aug|sep|oct|okt|nov|dec|dez)[a-zä]*\.?"
_DATEISH = (
    r"\d{1,2}\.\d{1,2}\.?(?:\d{2,4})?"
    rf"|{_MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?\b"
    rf"|\d{{1,2}}(?:st|nd|rd|th|\.)?\s*(?:of\s+)?{_MONTH}"
)
_SPAN = re.compile(
    r"\b(?:vom|von|ab|from|between|zwischen)\s+(.{2,24}?)\s*"
    r"(?:\bbis\b(?:\s+(?:zum|einschließlich|inklusive))?|\bto\b|\btill\b|\buntil\b"
    r"|\bund\b|\band\b|[-–])\s*(.{2,24})"
    rf"|({_DATEISH})\s*(?:[-–]|\bbis\b|\bto\b|\btill\b|\buntil\b)\s*({_DATEISH})"
)


def away_span(ctx: Context, text: str) -> str | None:
    """ "ich bin vom 21.12. bis 2.1. im Urlaub", "I'm on holiday from 21 Dec to 2 Jan":
    the two days as /urlaub reads them ("21.12.2026-02.01.2027"), or None (one day
    only: "cant make it" offers that day's meetings)."""
    low = text.lower()
    if len(low) > 160 or not _AWAY_WORDS.search(low):
        return None
    found = _SPAN.search(low)
    if found is None:
        return None
    left, right = (found[1], found[2]) if found[1] is not None else (found[3], found[4])
    # "21.12 - 2.1.": the date's last dot may be missing
    left, right = (re.sub(r"\b(\d{1,2}\.\d{1,2})(?![.\d])", r"\1.", x) for x in (left, right))
    today = ctx.now.astimezone(ctx.tz).date()
    first, last = day_in(left, today, ctx.lang), day_in(right, today, ctx.lang)
    if first is None or last is None or len(first[0]) != 1:
        return None
    start, end = min(first[0]), min(last[0])
    if len(last[0]) > 1:  # a weekday or a week named last: up to its first day
        return None
    if end < start:
        end = end.replace(year=end.year + 1)
    return f"{start:%d.%m.%Y}-{end:%d.%m.%Y}"


def numbered(ctx: Context, data: dict, text: str) -> list[Outbound] | None:
    """A number typed while a picker is open is its choice of that number, as if pressed.
    The router reads a number against the chat's last choices first; this is for when
    a reply without buttons came between and closed them (an FAQ answer, a greeting)
    while the picker stayed open. None for a number that is none of its choices."""
    choices = data.get("choices")
    if not choices or not is_number(text):
        return None
    n = int(text.strip().removeprefix("#").strip())
    return ctx.press(choices[n - 1]) if 1 <= n <= len(choices) else None


_THE_MEETING = re.compile(
    r"(#\s*\d|\b(den|dem|unseren|meinen|mein|the|my|our)\s+(\w+\s+)?"
    r"(termin|jf|jour fixe|meeting|appointment|treffen)\b)"
)


def _moves_one(text: str) -> bool:
    """A sentence without a verb that names one meeting and a new time after
    "auf/to" ("den Termin am Do bitte auf Fr", "#3 to friday?") asks to move it."""
    source, target = split_target(text)
    return bool(target) and _THE_MEETING.search(source.lower()) is not None


def _shifts_one(text: str) -> bool:
    """ "geht #2 auch eine Stunde später?", "can we do my next meeting 30 min earlier":
    one meeting named, moved by a span from its own time."""
    low = text.lower()
    named = named_number(text)[0] is not None or _THE_MEETING.search(low) is not None
    return named and shifted(text) is not None


_ALSO = re.compile(r"\b(auch|ebenfalls|too|also|as well)\b")
_CANT = re.compile(
    r"\b(can'?t|cannot|kann( ich)?( \w+){0,3} nicht|schaffe?( ich)?( \w+){0,3} nicht"
    r"|won'?t (make|be)|unable|verhindert|not available|nicht da)\b"
)
_NEVER_MIND = re.compile(
    r"\b(doch nicht|forget it|never ?mind|vergiss es|lass (es|mal)( sein)?|schon gut"
    r"|not anymore|no longer|nicht mehr nötig|hat sich erledigt)\b"
)
_PLAIN_NO = ("move", "pick", "cant")  # a plain "nein" closes these (no other reading)
_NEVER_MIND_KINDS = _PLAIN_NO + ("series", "slots")


def _never_mind(ctx: Context, kind: str, text: str) -> bool:
    """ "nee doch nicht", "wait no, forget it" while a move, a picker or a booking is
    open: the person changed their mind (a day or a time named is an answer:
    "nein, lieber Freitag")."""
    if kind not in _NEVER_MIND_KINDS:
        return False
    today = ctx.now.astimezone(ctx.tz).date()
    if day_in(text, today, ctx.lang) is not None or find(text, _local_now(ctx)) is not None:
        return False
    if _NEVER_MIND.search(text.lower()):
        return True
    reading = read(text)
    return kind in _PLAIN_NO and reading.kind == NO and not reading.reason


def _local_now(ctx: Context):
    return ctx.now.astimezone(ctx.tz).replace(tzinfo=None)


_HOW_OFTEN = re.compile(
    r"\b(wie oft|wie häufig|wie regelmäßig|how often|how frequently|how many times)\b"
    r".*\b(treffen|sehen|jour fixes?|jf|termine?|meet|meetings?|see each other)\b"
)


def _greeting_open(ctx: Context) -> list[Outbound] | None:
    """ "hallo" while a picker is open: greeted, told the picker is still open, and its
    choices again (None when the chat's choices are gone or too old)."""
    choices, stale = ctx.open_choices()
    if not choices or stale:
        return None
    return [Outbound(t("greeting_open", ctx.lang), choices)]


def _waiting(ctx: Context, said: str) -> list[Outbound] | None:
    """After a greeting or a "stopp" with no picker open: the request waiting for this
    buddy (or the counter-proposal waiting for this expert), with its buttons; None
    when nothing waits."""
    jf = booking(ctx)
    opener = t(f"waiting_after_{said}", ctx.lang)
    if ctx.role is Role.BUDDY:
        pending = jf.pending(ctx.who.person_id)
        if not pending:
            return None
        (asked,) = ask_request(ctx, pending)
        m = pending[0]
        if len(pending) > 1:
            text = t("waiting_requests", ctx.lang, n=len(pending))
        else:
            text = t("waiting_request", ctx.lang, expert=m.expert.name, when=when(ctx, m.starts_at))
    else:
        proposals = jf.proposals(ctx.who.person_id)
        if not proposals:
            return None
        (asked,) = ask_proposal(ctx, proposals)
        m = proposals[-1]
        proposal = when(ctx, m.proposed_start)
        text = t("waiting_proposal", ctx.lang, buddy=m.buddy.name, proposal=proposal)
    return [Outbound(f"{opener} {text}", asked.buttons)]


def pair_names(ctx: Context) -> frozenset[str]:
    """The words of the names of this person's pair (the buddy's, or the experts'):
    "erika ja" or "hallo Bernd" say no more than "ja" or "hallo"."""
    jf = booking(ctx)
    try:
        if ctx.role is Role.EXPERT:
            names = [jf.buddy(ctx.who.person_id).name or ""]
        else:
            names = jf.experts(ctx.who.person_id)
    except BookingError:  # no buddy yet
        return frozenset()
    return frozenset(w for name in names for w in tokens(name))


def without_names(ctx: Context, text: str) -> str:
    """`text` without the names of the pair, when it is short (a greeting, a yes)."""
    words = tokens(text)
    if len(words) > 4 or len(words) < 2:
        return text
    names = pair_names(ctx)
    kept = [w for w in words if w not in names]
    return " ".join(kept) if kept and len(kept) < len(words) else text


# asking for a meeting (not about one already booked): "ich brauche … einen Termin",
# "können wir uns … treffen", "can we meet", "do you have something on friday"
_ASKS_FOR_ONE = re.compile(
    r"\b(brauche\w*|benötige\w*|möchte\w*|hätte gerne?|würde gerne?|need|want|would like"
    r"|(können|könnten|sollen|wollen) wir uns|uns \w*\s?treffen|treffen wir uns"
    r"|(can|could|shall) we (meet|get together|have a (meeting|jf|jour fixe))|let'?s meet"
    r"|(do|does|did) (you|he|she|(?!i\b|we\b)\w+) have (something|anything|time|a slot)"
    r"|(hast du|hat \w+|haben sie) (\w+ ){0,3}(zeit|was|etwas)\b"
    r"|(something|anything|etwas|was) (frei|free)"
    r")"
)
_NOT_ONE = re.compile(r"\b(wann|when|wie oft|how often|welche[nrs]?|which|what|was habe)\b")


def _asked_for_a_day(ctx: Context, text: str) -> list[Outbound] | None:
    """An expert asks for a meeting on a day or in a week without a time ("ich brauche
    nächste Woche einen Termin", "can we meet tomorrow", "do you have something on
    friday"): the free slots of that day or week (or that the buddy has no times
    then), never the FAQ or the list of meetings already booked."""
    low = text.lower()
    if not _ASKS_FOR_ONE.search(low) or _NOT_ONE.search(low):
        return None
    today = ctx.now.astimezone(ctx.tz).date()
    named = day_in(text, today, ctx.lang)
    if named is None or find(text, _local_now(ctx)) is not None:
        return None  # a day and a time: _asked_for_a_time
    return slot_page(ctx, 0, named[2])


def _asked_for_a_time(ctx: Context, text: str) -> list[Outbound] | None:
    """An expert names a day and a time outside a picker ("geht Do 10.12. 14 Uhr?",
    "ich möchte einen Termin Di 8.12. 14 Uhr"): read against the free slots as in
    the picker – that slot (once or a series?), or "not free" and what fits."""
    today = ctx.now.astimezone(ctx.tz).date()
    if not about_slots(text) or day_in(text, today, ctx.lang) is None:
        return None
    local_now = ctx.now.astimezone(ctx.tz).replace(tzinfo=None)
    found = find(text, local_now)
    if found is None:
        return None
    try:
        buddy, slots = booking(ctx).buddy_and_slots(ctx.who.person_id)
    except BookingError as exc:
        return refusal(ctx, exc)
    if not slots:  # nothing free at all: say that once
        moment = when(ctx, found.moment.replace(tzinfo=ctx.tz))
        taken = t("slot_not_free", ctx.lang, when=moment)
        return [Outbound(f"{taken} {t('no_slots', ctx.lang, buddy=buddy.name)}")]
    return answer_slots(ctx, {"offset": 0, "filter": ""}, text)


_NOT_ANSWERING = re.compile(
    r"antwortet (mir )?(noch )?nicht|antwortet (noch )?nie|keine antwort|meldet sich (noch )?nicht"
    r"|reagiert (noch )?nicht|nicht (ge)?antwortet|(hasn'?t|has not|isn'?t|is not|doesn'?t|does not"
    r"|didn'?t|did not|never) (yet )?(answer|respond|repl|react|get back)"
    r"|no (answer|response|reply)"
    r"|not (answering|responding|replying)"
)


def not_answering(ctx: Context) -> list[Outbound]:
    """ "Mein Buddy antwortet nicht": the requests still open, and what the expert can do."""
    waiting = [m for m in booking(ctx).agenda(ctx.who.person_id)[0] if m.state == "requested"]
    try:
        buddy = booking(ctx).buddy(ctx.who.person_id).name
    except BookingError as exc:
        return refusal(ctx, exc)
    if not waiting:
        return [Outbound(t("not_answering_none", ctx.lang, buddy=buddy))]
    groups: dict[int, list] = {}
    for m in waiting:  # a series is one request
        groups.setdefault(m.series_id or -m.id, []).append(m)
    lines = []
    for group in groups.values():
        m = group[0]
        series = series_note(ctx, group, ctx.lang)
        since = when(ctx, m.requested_at) if m.requested_at else "–"
        lines.append(
            t(
                "not_answering_line",
                ctx.lang,
                n=m.id,
                when=when(ctx, m.starts_at) + series,
                since=since,
            )
        )
    listed = "\n".join(f"• {line}" for line in lines)
    hours = booking(ctx).rules.request_ttl_hours
    return [Outbound(t("not_answering", ctx.lang, buddy=buddy, list=listed, hours=hours))]


def _natural(ctx: Context, asked, intent: str | None, text: str) -> list[Outbound] | None:
    """jf11 (tryout5 J1, J4): a span said about one meeting ("können wir den am
    Donnerstag eine Stunde später machen?") is its move, offered first – never a
    second booking; a time inside a picker of meetings ("den um 15 Uhr") picks the
    one at that time; "den um 15 Uhr bitte absagen" with two that day, that one."""
    kind = asked.kind if asked is not None else None
    if kind in (None, "offer", "which_request", "request") and (
        replies := shift_request(ctx, text)
    ):
        return replies  # jf12 (J9): "können wir eine Stunde später?" to an open request
    if kind == "pick" and (replies := pick_at_time(ctx, asked.data, text)) is not None:
        return replies
    if kind is None and intent not in ("move", "cancel"):
        replies = shift_named(ctx, text) or ill_on_days(ctx, text) or slots_asked(ctx, text)
        if replies:
            return replies
    if (
        kind in ("slots", "series")
        and intent not in ("move", "cancel")
        and (replies := ill_on_days(ctx, text, picker=True)) is not None
    ):
        # jf14: "ich bin nächste Woche krank" with free slots on offer: that week's
        # meetings to cancel or move, never its slots ("…, lieber übernächste" is
        # still about the slots)
        return replies
    if intent in ("move", "cancel") and (m := named_at_time(ctx, split_target(text)[0])):
        if intent == "cancel":
            return cancel(ctx, m.id)
        target = split_target(text)[1]  # the time that named the meeting is no new time
        return the_meeting(ctx, f"#{m.id} auf {target}" if target else f"#{m.id}", "move")
    return None


# jf12 (tryout5 J15): "ok schade", "oh too bad", "schade, gute besserung" – an
# acknowledgement (of a cancellation just read), never the FAQ
_SORRY = re.compile(
    r"^((ok(ay)?|oh|ach|achso|na gut|naja|alles klar|hm+|ah|aw+|oh well|alright)[\s,.!]+)*"
    r"(ach |oh |wie |so |echt |sehr |too |what a |that'?s a |that'?s )?"
    r"(schade|mist|blöd|doof|too bad|pity|shame|bummer|gute besserung|get well soon"
    r"|no problem|kein problem)"
    r"([\s,.!]+(aber|but|und|and)?\s*(ok(ay)?|danke|thanks|gute besserung|get well soon"
    r"|kein problem|no problem|dann (eben )?nicht|trotzdem danke|bis (bald|dann)))*[\s,.!:)(-]*$"
)

_ANSWERED = re.compile(
    r"\b(schon|bereits|already|yet)\b.{0,30}\b(geantwortet|reagiert|gemeldet|zurückgemeldet"
    r"|bestätigt|zugesagt|answered|replied|responded|confirmed|got back)\b"
    r"|\b(answered|replied|responded|confirmed|got back)\b.{0,30}\b(yet|already)\b"
    r"|\b(schon|already) (eine |an? )?(antwort|reply|answer)\b"
    r"|\b(any|eine?) (antwort|reply|answer|news) (von|from)\b"
    r"|\b(did|has|hat) \w+ (answered|answer|replied|reply|responded|respond|geantwortet)\b"
)


def answered_yet(ctx: Context) -> list[Outbound]:
    """ "hat Bernd schon geantwortet?", "has bernd replied yet?": the requests still
    waiting for the buddy (until when), or the buddy's counter-proposal, or that
    nothing waits (and the next meeting)."""
    jf = booking(ctx)
    try:
        buddy = jf.buddy(ctx.who.person_id).name
    except BookingError as exc:
        return refusal(ctx, exc)
    proposals = jf.proposals(ctx.who.person_id)
    if proposals:  # the buddy answered with another time: that, with its buttons
        return ask_proposal(ctx, proposals)
    hours = jf.rules.request_ttl_hours
    cutoff = ctx.now - timedelta(hours=hours)
    upcoming = jf.agenda(ctx.who.person_id)[0]
    waiting: dict[int, list] = {}
    for m in upcoming:
        if m.state == "requested" and m.requested_at and m.requested_at > cutoff:
            waiting.setdefault(m.series_id or -m.id, []).append(m)
    if not waiting:
        text = t("answered_none", ctx.lang, buddy=buddy)
        ahead = [m for m in upcoming if m.state not in ("requested",)]
        if ahead:
            text += t("answered_next", ctx.lang, when=when(ctx, ahead[0].starts_at))
        return [Outbound(text)]
    lines = []
    for group in waiting.values():
        m = group[0]
        until = when(ctx, m.requested_at + timedelta(hours=hours))
        at = when(ctx, m.starts_at) + series_note(ctx, group, ctx.lang)
        lines.append(t("answered_line", ctx.lang, n=m.id, when=at, buddy=buddy, until=until))
    listed = lines[0] if len(lines) == 1 else "\n" + "\n".join(f"• {x}" for x in lines)
    return [Outbound(t("answered_not_yet", ctx.lang, list=listed, buddy=buddy))]
