"""Jour Fixe words read in their context (jf11, from a newcomer's try-out, tryout5
J1, J4, J20): "können wir den am Donnerstag eine Stunde später machen?" is a move
of the meeting named, never a second booking; "den um 15 Uhr" picks the meeting at
15:00 from the meetings listed (never the FAQ); a buddy's late "ja passt" to a
request that lapsed hears that it lapsed, with one tap to propose the time again."""

from __future__ import annotations

import re
from datetime import time

from bot.booking.answers import ASK, YES, read
from bot.booking.base import BookingError, MeetingView
from bot.booking.buttons import data as jf_data
from bot.booking.timeparse import WEEKDAY, find
from bot.chat.handlers import Context
from bot.chat.jourfixe.common import booking, day_in, notice, refusal, when
from bot.chat.jourfixe.meetings import (
    _SUGGEST,
    _offer_move,
    _on_days,
    _pick,
    cancel,
    cant_make_it,
    move_picked,
    named_number,
    shifted,
    split_target,
)
from bot.chat.jourfixe.requests import _ask_offer, _propose, proposal_buttons, slot_page
from bot.chat.jourfixe.requests import _named as requests_of_named
from bot.messages import Button, Outbound
from bot.texts import t
from storage.models import Role

__all__ = [
    "at_time",
    "ill_on_days",
    "lapsed_answer",
    "reoffer",
    "shift_named",
    "shift_request",
    "slots_asked",
]

# "den", "ihn", "it": the meeting just talked about (the next one, when no day is named)
_PRONOUN = re.compile(r"\b(den|ihn|es|das|it|that|that one|this one)\b")


def shift_named(ctx: Context, text: str) -> list[Outbound] | None:
    """ "können wir den am Donnerstag eine Stunde später machen?", "can we do it 30 min
    earlier?": a span from its own time said about one meeting – the one on the day
    named, or (no day, a "den/it") the next one – offered at that time with one
    button (or why not, with the nearest free times). None otherwise (also while a
    request or a counter-proposal waits: the span is about that)."""
    shift = shifted(text)
    if shift is None or ctx.who is None or named_number(text)[0] is not None:
        return None
    jf = booking(ctx)
    if _waits(ctx):
        return None
    named = _on_days(ctx, text)
    if named is not None:
        if len(named[0]) != 1:
            return None
        m = named[0][0]
    else:
        if not _PRONOUN.search(text.lower()):
            return None
        ahead = jf.upcoming(ctx.who.person_id, limit=1)
        if not ahead:
            return None
        m = ahead[0]
    return _offer_move(ctx, m, m.starts_at + shift)


def _waits(ctx: Context) -> bool:
    """A request waits for this buddy, or a counter-proposal for this expert: words
    about a time or a day answer that first."""
    jf = booking(ctx)
    if ctx.role is Role.BUDDY:
        return bool(jf.pending(ctx.who.person_id))
    return bool(jf.proposals(ctx.who.person_id))


def at_time(ctx: Context, meetings: list[MeetingView], text: str) -> MeetingView | None:
    """ "den um 15 Uhr", "the one at 3pm": of these meetings, the one at the time said
    (and on the day said, if one is); None when the text says no time or the time
    does not leave exactly one."""
    at = said_time(ctx, text)
    if at is None:
        return None
    hits = [m for m in meetings if m.starts_at.astimezone(ctx.tz).time() == at]
    named = _on_days(ctx, text)
    if named is not None and named[0]:
        days = {m.starts_at.astimezone(ctx.tz).date() for m in named[0]}
        hits = [m for m in hits if m.starts_at.astimezone(ctx.tz).date() in days]
    return hits[0] if len(hits) == 1 else None


_CLOCK = re.compile(
    r"\b(?:um|at|ab|gegen)?\s*(\d{1,2})(?:[:.](\d{2}))?\s*(uhr|h|am|pm)\b"
    r"|\b(\d{1,2}):(\d{2})\b|\b(?:um|at)\s+(\d{1,2})\b(?![.:]\d)"
)


def said_time(ctx: Context, text: str) -> time | None:
    """The time of day the text names ("um 15 Uhr", "15:00", "at 3pm", "um 15"), or None."""
    found = find(text, ctx.now.astimezone(ctx.tz).replace(tzinfo=None))
    if found is not None:
        return found.moment.time()
    clock = _CLOCK.search(text.lower())
    if clock is None:
        return None
    hour = int(clock[1] or clock[4] or clock[6])
    minute = int(clock[2] or clock[5] or 0)
    if clock[3] == "pm" and hour < 12:
        hour += 12
    return time(hour, minute) if hour < 24 and minute < 60 else None


def pick_at_time(ctx: Context, data: dict, text: str) -> list[Outbound] | None:
    """In an open picker of meetings, "den um 15 Uhr": the one at that time (to cancel:
    "Wirklich absagen?"; to move: where to), or, when several are at that time, the
    picker again with only those – never the FAQ. None when no listed meeting is at
    the time said (or none is said)."""
    ids = data.get("ids") or []
    at = said_time(ctx, text) if ids else None
    if at is None:
        return None
    listed = [m for m in booking(ctx).upcoming(ctx.who.person_id, limit=100) if m.id in ids]
    hits = [m for m in listed if m.starts_at.astimezone(ctx.tz).time() == at]
    named = _on_days(ctx, text)
    if named is not None:  # a day said too: of that day ("Do 12.3. 14:00")
        days = {m.starts_at.astimezone(ctx.tz).date() for m in named[0]}
        hits = [m for m in hits if m.starts_at.astimezone(ctx.tz).date() in days]
        if not hits:  # no meeting then: a new time to move to, or "no Jour Fixe that day"
            return None  # (read by the picker itself, jf10)
    cancelling = data.get("action") == "cancel"
    key, action = ("pick_cancel", "cancel") if cancelling else ("pick_move", "pickmove")
    if not hits and len(text.split()) <= 6:  # "den um 16 Uhr": none then – the list again
        intro = t("none_at_time", ctx.lang, time=f"{at:%H:%M}") + "\n"
        return _pick(ctx, key, action, listed, intro=intro)
    if not hits:
        return None
    if len(hits) > 1:
        return _pick(ctx, key, action, hits)
    return cancel(ctx, hits[0].id) if cancelling else move_picked(ctx, hits[0].id)


def named_at_time(ctx: Context, text: str) -> MeetingView | None:
    """ "den um 15 Uhr bitte absagen" with two meetings that day: the one at 15:00."""
    named = _on_days(ctx, text)
    if named is None or len(named[0]) < 2:
        return None
    return at_time(ctx, named[0], text)


_YES = re.compile(r"\b(ja|jo|passt|geht|okay|ok|gerne?|yes|yep|sure|fine|works)\b")


# -- a late answer to a lapsed request ---------------------------------------------------
def lapsed_answer(ctx: Context, text: str) -> list[Outbound] | None:
    """A buddy's yes ("sorry war krank. ja passt") with no request open, while a request
    to them lapsed lately: that it lapsed (there is no meeting), and one tap to propose
    its time again (if still free). None otherwise."""
    if ctx.role is not Role.BUDDY or ctx.who is None:
        return None
    reading = read(text)  # "sorry war krank. ja passt" reads as a question: its yes counts
    if reading.kind != YES and not (reading.kind == ASK and _YES.search(text.lower())):
        return None
    jf = booking(ctx)
    lapsed = jf.lapsed(ctx.who.person_id)
    if not lapsed:
        return None
    m = lapsed[-1] if len(lapsed) == 1 else _named(lapsed, text) or lapsed[0]
    return [_lapsed_message(ctx, m)]


def _named(lapsed: list[MeetingView], text: str) -> MeetingView | None:
    words = set(re.findall(r"\w+", text.lower()))
    hits = [m for m in lapsed if m.expert.name.split()[0].lower() in words]
    return hits[0] if len(hits) == 1 else None


def _lapsed_message(ctx: Context, m: MeetingView) -> Outbound:
    at, name = when(ctx, m.starts_at), m.expert.name
    hours = booking(ctx).rules.request_ttl_hours
    try:  # past its TTL but not yet marked (the tick): its time is still its own
        free = m.state == "requested" or booking(ctx).is_free(m.expert.person_id, m.starts_at)
    except BookingError:  # no longer a pair
        free = False
    if not free:
        extra = t("lapsed_taken", ctx.lang, expert=name)
        return Outbound(
            t("lapsed_request", ctx.lang, expert=name, when=at, hours=hours, free=extra)
        )
    label = t("lapsed_button", ctx.lang, expert=name.split()[0], when=at)
    extra = t("lapsed_free", ctx.lang)
    text = t("lapsed_request", ctx.lang, expert=name, when=at, hours=hours, free=extra)
    return Outbound(text, (Button(label, jf_data("reoffer", m.id)),))


def reoffer(ctx: Context, meeting_id: int) -> list[Outbound]:
    """The buddy pressed "propose <time> to <expert>" under a lapsed request: the
    expert gets it as a counter-proposal (one tap), the buddy hears it went out."""
    try:
        view = booking(ctx).repropose(ctx.who.person_id, meeting_id)
    except BookingError as exc:
        if exc.key == "slot_taken":
            m = booking(ctx).get(ctx.who.person_id, meeting_id)
            return [Outbound(t("lapsed_taken", ctx.lang, expert=m.expert.name))]
        return refusal(ctx, exc)
    expert = view.expert
    proposal = when(ctx, view.starts_at, expert)
    text = t("lapsed_for_expert", expert.lang, buddy=view.buddy.name, when=proposal)
    if expert.platform:  # a plain "ja" there takes it
        booking(ctx).ask(expert.platform, expert.chat_id, expert.person_id, "proposal",
                         {"meeting": view.id})  # fmt: skip
    sent = t("lapsed_sent", ctx.lang, expert=expert.name, when=when(ctx, view.starts_at))
    return [Outbound(sent)] + notice(
        ctx, expert, text, buttons=proposal_buttons(view, expert.lang, proposal)
    )


# -- free slots asked for in words (J7, J10), days one is ill (J16) ----------------------
_SLOTS_ASKED = re.compile(
    r"\b(freie[nrs]?|frei|free|slots?|extra|zusätzliche[nrs]?|noch einen|another|spare)\b"
    r"|\b(können|könnten|sollen) wir (dann |uns |es |das )?(\w+ ){0,4}(machen|treffen|nehmen)\b"
    r"|\b(could|can|may) (i|we) (get|have|do|book)\b"
)
_OWN = re.compile(r"\b(meine[nrs]?|my|unsere[nrs]?|our|gebucht|booked|schon|already)\b")
_ILL = re.compile(r"\b(krank|sick|ill|im urlaub|on holiday|on vacation|nicht da|away|weg)\b")


def slots_asked(ctx: Context, text: str) -> list[Outbound] | None:
    """An expert asks for a free time on a day or in a week ("können wir dann nächste
    Woche Dienstag machen?", "freie Termine nächste Woche?", "could I get an extra slot
    on thursday next week?"): that day's or week's free slots, as "/jourfixe Di" shows
    them – never the list of meetings already booked. None otherwise (a time named, a
    meeting of one's own meant)."""
    low = text.lower()
    if ctx.role is not Role.EXPERT or not _SLOTS_ASKED.search(low) or _OWN.search(low):
        return None
    if said_time(ctx, text) is not None or _waits(ctx):
        return None
    today = ctx.now.astimezone(ctx.tz).date()
    named = day_in(text, today, ctx.lang)
    if named is None:
        return None
    return slot_page(ctx, 0, _weekday_in_week(low, today, ctx.lang) or named[2])


_WEEK = re.compile(r"\b(übernächste[rn]? woche|nächste[rn]? woche|diese[rn]? woche|next week"
                   r"|this week|the week after next)\b")  # fmt: skip


def _weekday_in_week(low: str, today, lang: str) -> str | None:
    """ "nächste Woche Dienstag", "thursday next week": that one date (as a /jourfixe
    filter: "08.12.2026"), not every Tuesday nor the whole week; None otherwise."""
    week = _WEEK.search(low)
    days = {WEEKDAY[w] for w in re.findall(r"\w+", low) if len(w) > 3 and w in WEEKDAY}
    if week is None or len(days) != 1:
        return None
    named = day_in(week[0], today, lang)
    hits = [d for d in (named[0] if named else ()) if d.weekday() in days]
    return f"{hits[0]:%d.%m.%Y}" if len(hits) == 1 else None


def ill_on_days(ctx: Context, text: str, picker: bool = False) -> list[Outbound] | None:
    """ "ich bin nächste Woche krank" (a day or a week, no span): the meetings then,
    each to cancel or to move – never a booking. In a slot picker (jf14) only when no
    other time is asked for ("…, lieber übernächste Woche" is about the slots)."""
    if not _ILL.search(text.lower()) or _waits(ctx):
        return None
    if picker and (split_target(text)[1] or _SUGGEST.search(text.lower())):
        return None
    return cant_make_it(ctx, text)


# -- a span said to an open request (jf12, tryout5 J9) -----------------------------------
def shift_request(ctx: Context, text: str) -> list[Outbound] | None:
    """A buddy's "können wir eine Stunde später?" / "lieber eine Stunde später" while
    one request waits (or the request of the expert named): its time moved by the span.
    A question is asked back with that time as a button ("Di 05.12. 11:00
    vorschlagen?"); said plainly, it is proposed to the expert. None otherwise (a time
    of day said: read as an answer, as before)."""
    if ctx.role is not Role.BUDDY or ctx.who is None:
        return None
    shift = shifted(text)
    if shift is None or named_number(text)[0] is not None:
        return None
    if find(text, ctx.now.astimezone(ctx.tz).replace(tzinfo=None)) is not None:
        return None
    pending, _ = requests_of_named(booking(ctx).pending(ctx.who.person_id), text)
    if len(pending) != 1:
        return None
    m = pending[0]
    proposal = m.starts_at + shift
    if "?" in text:
        return _ask_offer(ctx, m, proposal)
    return _propose(ctx, m, proposal)
