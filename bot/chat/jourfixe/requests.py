"""Requests and answers: an expert picks a slot (once or as a series), the buddy
confirms, declines or proposes another time by button or in their own words, the
expert accepts a proposal; unanswered requests expire on the tick."""

from __future__ import annotations

import contextlib
import dataclasses
import re
from datetime import UTC, date, datetime, timedelta

from bot.booking.answers import ASK, NO, NONE, TIME, YES, read
from bot.booking.base import BookingError, MeetingView, Party
from bot.booking.buttons import data as jf_data
from bot.booking.service import JourFixe
from bot.booking.timeparse import WEEKDAY, find, find_moment_in
from bot.chat.choices import ACK, plain
from bot.chat.choices import YES as YES_WORDS
from bot.chat.handlers import Context
from bot.chat.jourfixe.booked import no_slots
from bot.chat.jourfixe.common import (
    MORE_WORDS,
    address,
    booking,
    calendar,
    choices_kept,
    day_filter,
    day_in,
    decision_buttons,
    holiday_note,
    notice,
    place_line,
    reason_note,
    refusal,
    same_day_note,
    series_note,
    slot_buttons,
    when,
)
from bot.messages import Button, Outbound
from bot.texts import fmt_date, fmt_when, t, weekday_name

__all__ = [
    "accept_proposal",
    "answer_offer",
    "answer_slots",
    "answer_proposal",
    "answer_request",
    "answer_series",
    "ask_proposal",
    "ask_request",
    "ask_slots",
    "weekday_clash",
    "book",
    "decide",
    "decline_proposal",
    "expiry_notices",
    "offer",
    "pick",
    "pick_series",
    "request_slots",
    "slot_page",
]


# -- experts: request ------------------------------------------------------------------
PAGE = 8


def request_slots(ctx: Context) -> list[Outbound]:
    """/jourfixe [Do | nächste Woche | mehr]: free slots, a page at a time."""
    arg = " ".join(ctx.args).strip().lower()
    if arg in MORE_WORDS:
        asked = booking(ctx).asked(ctx.msg.platform, ctx.msg.chat_id)
        offset = asked.data.get("offset", 0) + PAGE if asked and asked.kind == "slots" else 0
        return slot_page(ctx, offset, asked.data.get("filter", "") if asked else "")
    return slot_page(ctx, 0, _dated(ctx, arg), None)


def _dated(ctx: Context, arg: str) -> str:
    """ "/jourfixe fr 27.10.", "/jf fri 13 mar": a weekday and a date – the date decides
    (tryout6 row 15); else the words as they are."""
    lead = re.fullmatch(r"([a-zä]+)\.?,? (\d.*)", arg)
    today = ctx.now.astimezone(ctx.tz).date()
    if lead and lead[1] in WEEKDAY and day_filter(lead[2], today, ctx.lang)[0]:
        return lead[2]
    return arg


KEEP = -1  # slot_page's rhythm: the one of the picker open (paging, another day)
REGULAR = -2  # "einen regelmäßigen Termin": a series, its rhythm not said yet


def slot_page(
    ctx: Context, offset: int, wanted: str = "", weeks: int | None = KEEP
) -> list[Outbound]:
    """A page of free slots; `weeks` is the rhythm the request already named ("i want a
    weekly jour fixe": 1), so the slot picked is booked with it and the series question
    is not asked; KEEP takes the one of the slot picker open (a next page, a day)."""
    jf = booking(ctx)
    if weeks == KEEP:
        asked = jf.asked(ctx.msg.platform, ctx.msg.chat_id)
        weeks = asked.data.get("weeks") if asked is not None and asked.kind == "slots" else None
    try:
        party, slots, ended = jf.slot_offer(ctx.who.person_id)
        buddy = party.name
    except BookingError as exc:
        return refusal(ctx, exc)
    today = ctx.now.astimezone(ctx.tz).date()
    days, label = day_filter(wanted, today, ctx.lang) if wanted else (None, "")
    note = (
        [Outbound(t("day_unknown", ctx.lang, text=wanted[:40]))] if wanted and days is None else []
    )
    if days is not None:
        slots = [s for s in slots if s.astimezone(ctx.tz).date() in days]
        if not slots and ended is not None and today <= ended < min(days):
            return [Outbound(t("after_program_end", ctx.lang, end=fmt_date(ended, ctx.lang)))]
        if not slots and (beyond := beyond_horizon(ctx, days)):
            return [Outbound(beyond)]
        if not slots and (away := _away(ctx, party, days, label)):
            return [Outbound(away)]
        if not slots and (why := _why_none(ctx, party, days, label)):
            return [Outbound(why)]
        if not slots:
            return [Outbound(t("no_slots_day", ctx.lang, buddy=buddy, day=label))]
    if not slots:  # booked out (and a button to ask the buddy), or no times entered
        return no_slots(ctx, party)
    page = slots[offset : offset + PAGE]
    if not page:  # the end of the list: how far ahead one can book, and what then
        horizon = jf.rules.horizon_days
        until = fmt_date(today + timedelta(days=horizon), ctx.lang)
        back = jf_data("more", max(0, len(slots) - PAGE))
        key, fields = "no_more_slots_horizon", {"days": horizon, "until": until}
        if ended is not None and today <= ended < today + timedelta(days=horizon):
            key, fields = "no_more_slots_program_end", {"end": fmt_date(ended, ctx.lang)}
        return [Outbound(t(key, ctx.lang, **fields), (Button(t("back_slots", ctx.lang), back),))]
    buttons = slot_buttons(ctx, page, "slot")
    if len(slots) > offset + PAGE:
        buttons += (Button(t("more_slots", ctx.lang), jf_data("more", offset + PAGE)),)
    if offset > 0:
        buttons += (Button(t("back_slots", ctx.lang), jf_data("more", max(0, offset - PAGE))),)
    jf.ask(
        ctx.msg.platform,
        ctx.msg.chat_id,
        ctx.who.person_id,
        "slots",
        {
            "offset": offset,
            "filter": wanted if days is not None else "",
            **({"weeks": weeks} if weeks in (0, 1, 2, REGULAR) else {}),
            **choices_kept(buttons),
        },
    )
    key, fields = ("slots_day", {"day": label}) if days is not None else ("slots", {})
    text = t(key, ctx.lang, buddy=buddy, tz=ctx.tz.key, **fields)
    if offset == 0 and ended is not None and ended < today:
        text = t("program_ended", ctx.lang, end=fmt_date(ended, ctx.lang)) + "\n" + text
    if weeks in (1, 2):  # "… – pick one:" and the rhythm already named
        rhythm = t("every_week", ctx.lang) if weeks == 1 else t("every_n_weeks", ctx.lang, n=2)
        text += "\n" + t("slots_series", ctx.lang, rhythm=rhythm)
    return note + [Outbound(text, buttons)]


def beyond_horizon(ctx: Context, days) -> str:
    """ "Der 05.01.2027 liegt zu weit in der Zukunft …" when every day asked for is
    beyond how far ahead one can book (and until when one can), else ""."""
    today = ctx.now.astimezone(ctx.tz).date()
    horizon = booking(ctx).rules.horizon_days
    last = today + timedelta(days=horizon)
    if not days or min(days) <= last:
        return ""
    day = fmt_date(min(days), ctx.lang)
    return t("beyond_horizon", ctx.lang, day=day, days=horizon, until=fmt_date(last, ctx.lang))


def _away(ctx: Context, party, days, label: str) -> str:
    """ "Bernd ist am 22.12.2026 nicht da (abwesend 21.12.2026 – 03.01.2027)." when the
    buddy is away on every day asked for, else ""."""
    off = booking(ctx).availability(party.person_id)[1]
    spans = {(a, b) for d in days for a, b in off if a <= d <= b}
    if not days or len(spans) != 1 or not all(any(a <= d <= b for a, b in spans) for d in days):
        return ""
    first, last = spans.pop()
    return t(
        "buddy_away_day",
        ctx.lang,
        buddy=party.name,
        day=label,
        first=fmt_date(first, ctx.lang),
        last=fmt_date(last, ctx.lang),
    )


def _why_none(ctx: Context, party, days, label: str) -> str:
    """Why there is no slot on days the buddy has free times on ("Bernd ist heute frei
    (Do 14:00–16:00), aber … 12 Stunden Vorlauf"): too soon, or taken; "" when the
    buddy has no free times on those days at all."""
    jf = booking(ctx)
    windows, off = jf.availability(party.person_id)
    today = ctx.now.astimezone(ctx.tz).date()
    on = [
        (d, w)
        for d in sorted(days)
        if d >= today and not any(a <= d <= b for a, b in off)
        for w in sorted(windows, key=lambda w: w.start)
        if w.day == d or w.day is None and w.weekday == d.weekday()
    ]
    if not on:
        return ""
    hours = jf.rules.notice_hours
    earliest = ctx.now + timedelta(hours=hours)
    times = ", ".join(
        f"{weekday_name(d.weekday(), ctx.lang)} {w.start:%H:%M}–{w.end:%H:%M}" for d, w in on[:4]
    )
    soon = all(datetime.combine(d, w.end, ctx.tz) <= earliest for d, w in on)
    key = "no_slots_day_soon" if soon else "no_slots_day_taken"
    return t(key, ctx.lang, buddy=party.name, day=label, times=times, hours=hours)


_ORDINALS = {
    "erste": 0, "ersten": 0, "erster": 0, "first": 0, "zweite": 1, "zweiten": 1, "second": 1,
    "dritte": 2, "dritten": 2, "third": 2, "vierte": 3, "vierten": 3, "fourth": 3,
    "fünfte": 4, "fünften": 4, "fifth": 4,
    "letzte": -1, "letzten": -1, "last": -1,
}  # fmt: skip


def answer_slots(ctx: Context, data: dict, text: str) -> list[Outbound] | None:
    """A typed reply while free slots are on offer, read against them: a slot's
    time ("Do 14 Uhr", "Tue 1 Dec 11:00") picks it (several that fit are shown),
    a day or a week ("lieber Donnerstag", "next week?") shows that day's slots,
    "the first one" picks from the page. None for anything else."""
    jf = booking(ctx)
    try:
        slots = jf.buddy_and_slots(ctx.who.person_id)[1]
    except BookingError:
        return None
    local_now = ctx.now.astimezone(ctx.tz).replace(tzinfo=None)
    today = local_now.date()
    named = day_in(text, today, ctx.lang) if about_slots(text) else None
    wanted = named[2] if named else data.get("filter", "")  # else the days on offer
    days = day_filter(wanted, today, ctx.lang)[0] if wanted else None
    shown = [s for s in slots if days is None or s.astimezone(ctx.tz).date() in days]
    found = find_moment_in(text.lower(), local_now)
    if found is not None and (clash := weekday_clash(ctx, text, local_now)):
        day = found[0].date()  # "Do 8.12.", a Tuesday: that date's slots, and why
        replies = _page_or_all(ctx, f"{day.day}.{day.month}.")
        return [dataclasses.replace(replies[0], text=f"{clash}\n{replies[0].text}")] + replies[1:]
    if found is not None:
        moment = found[0].replace(tzinfo=ctx.tz)
        fits = [s for s in shown if s.astimezone(ctx.tz).time() == moment.time()]
        dated = _DATED.search(text.lower()) is not None  # "Tue 8 Dec 10:00": that day only
        if moment not in slots and moment >= ctx.now and jf.is_free(ctx.who.person_id, moment):
            slots = sorted([*slots, moment])  # free, between the offered starts (14:30)
        if moment in slots or len(fits) == 1 and not dated:
            return pick(ctx, int((moment if moment in slots else fits[0]).timestamp()), text)
        if dated and (beyond := beyond_horizon(ctx, {moment.date()})):
            return [Outbound(beyond)]
        taken = t("slot_not_free", ctx.lang, when=when(ctx, moment)) + " " if dated else ""
        if fits:
            weeks = said_series(text)  # kept for the slot chosen next
            kept = {**data, "weeks": weeks} if weeks is not None else data
            buttons = slot_buttons(ctx, fits[:PAGE], "slot")
            kept = {**kept, **choices_kept(buttons)}
            jf.ask(ctx.msg.platform, ctx.msg.chat_id, ctx.who.person_id, "slots", kept)
            text = taken + t("slots_fitting", ctx.lang)
            return [Outbound(text, buttons)]
        return [Outbound(taken + t("slots_none_fit", ctx.lang))] + _page_or_all(ctx, wanted)
    if named is not None:
        return _page_or_all(ctx, wanted)
    words = re.findall(r"\w+", text.lower())
    # "den letzten bitte", "the last one?"; never in a question for the FAQ
    # ("how long does the program last?")
    ordinal = next((_ORDINALS[w] for w in words if w in _ORDINALS), None)
    if ordinal is not None and _faq_question(ctx, text):
        ordinal = None
    page = shown[data.get("offset", 0) : data.get("offset", 0) + PAGE]
    if ordinal is not None and -len(page) <= ordinal < len(page):
        return pick(ctx, int(page[ordinal].timestamp()), text)
    return None


# words that make a question about a day one about the free slots ("gibt es am
# Freitag Termine?", "what about monday?"); a longer question without them ("was
# ist am Montag?", "gibt es am Freitag eine Infoveranstaltung?") is not
_SLOT_WORDS = set(
    "termin termine zeit zeiten uhrzeit frei freie freien slot slots time times free "
    "available verfügbar geht ginge gehts passt passen klappt möglich possible work works "
    "lieber besser rather prefer jour fixe treffen meet meeting buddy stattdessen instead "
    "auch also too noch".split()
)
_ABOUT_OPENERS = (
    "und ", "and ", "what about", "how about", "was ist mit", "was ist denn mit",
    "wie wäre", "wie waere", "wie ist es mit", "wie sieht es", "wie siehts", "oder ", "or ",
    # jf14: "can we do thursday the 19th?", "geht Donnerstag der 19.?", "passt Montag?"
    "can we do", "could we do", "can we meet", "could we meet", "can we make it",
    "could we make it", "geht ", "gehts ", "geht's ", "ginge ", "passt ", "passen ",
    "klappt ", "können wir ", "könnten wir ", "wie wär", "wie waer",
)  # fmt: skip


def about_slots(text: str) -> bool:
    """Whether words that name a day are about the slots on offer: a statement
    ("lieber Donnerstag"); a question if it is short ("Freitag?", "und nächste
    Woche?"), opens like one about them ("what about monday?") or names them
    ("gibt es am Freitag Termine?")."""
    low = " ".join(text.lower().split())
    words = re.findall(r"\w+", low)
    if "?" not in low:
        return True
    return len(words) <= 3 or low.startswith(_ABOUT_OPENERS) or any(w in _SLOT_WORDS for w in words)


_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mär|mai|okt|dez)"
_DATED = re.compile(  # "10.12.", "10 Dec", "10th of December", "Dec 10" (month first)
    rf"\b\d{{1,2}}\.\d{{1,2}}\.|\b\d{{1,2}}(\.|st|nd|rd|th)? ?(of )?{_MONTH}"
    rf"|\b{_MONTH}[a-zä]*\.? ?\d{{1,2}}(st|nd|rd|th)?\b(?![.:])"
)


def _page_or_all(ctx: Context, wanted: str) -> list[Outbound]:
    """The free slots on the days wanted; if there are none, all of them after the
    "none that day", so the picker stays open."""
    replies = slot_page(ctx, 0, wanted)
    return replies if replies[-1].buttons else replies + slot_page(ctx, 0)


def ask_slots(ctx: Context, data: dict, text: str = "") -> list[Outbound] | None:
    """Words that are no answer to the open slot picker are asked back once, in
    the picker's own terms (the page again); the next such words go on, and so
    does a question that names a day but not the slots ("was ist am Montag?":
    the FAQ answers it). The picker stays open meanwhile: "Donnerstag" afterwards
    still shows Thursday's slots."""
    today = ctx.now.astimezone(ctx.tz).date()
    if data.get("asked_back") or not about_slots(text) and day_in(text, today, ctx.lang):
        return None
    if _faq_question(ctx, text):  # "wie lange dauert das Programm?": the FAQ answers
        return None
    page = slot_page(ctx, data.get("offset", 0), data.get("filter", ""))
    if not page or not page[-1].buttons:
        return None
    buttons = page[-1].buttons
    kept = {**data, "asked_back": True, **choices_kept(buttons)}
    booking(ctx).ask(ctx.msg.platform, ctx.msg.chat_id, ctx.who.person_id, "slots", kept)
    reply = t("ask_slots", ctx.lang)
    if impossible := impossible_date(text, today):  # "termin am 30.2.?"
        reply = t("date_impossible", ctx.lang, date=impossible) + " " + reply
    return [Outbound(reply, buttons)]


_DAY_MONTH = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?(?![\d:])")


def impossible_date(text: str, today: date) -> str | None:
    """A day.month. written that is no date this year or next ("30.2.", "31.4.",
    "12.13."), as written: told so, not passed over (J17)."""
    for m in _DAY_MONTH.finditer(text):
        day, month = int(m[1]), int(m[2])
        years = (today.year, today.year + 1)
        if m[3]:
            years = (int(m[3]) + (2000 if len(m[3]) == 2 else 0),)
        if not any(_valid(y, month, day) for y in years):
            return m[0]
    return None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


_QUESTION_WORDS = re.compile(
    r"^(wie|was|wann|wer|wo|wohin|warum|wieso|weshalb|welche[rsmn]?|gibt es|kann ich|"
    r"können wir|muss ich|müssen wir|darf ich|ist|sind|how|what|when|who|where|why|which|"
    r"is|are|can|do|does|must|may)\b"
)


def _faq_question(ctx: Context, text: str) -> bool:
    """A question about something other than the slots on offer that the FAQ answers
    with confidence ("how long does the program last?", "wie lange dauert das
    Programm"): it goes to the FAQ and the picker stays open; a question it cannot
    answer ("hmm, was heißt das?") is about the picker and asked back."""
    low = " ".join(text.lower().split())
    if about_slots(text) and "?" in low or not ("?" in low or _QUESTION_WORDS.match(low)):
        return False
    faq = ctx.services.faq
    return faq is not None and faq.match(text, ctx.lang).confident


def pick_series(ctx: Context, ts: int) -> list[Outbound]:
    """ "Einmalig oder regelmäßig?" about a slot still free; a slot taken meanwhile
    (another expert was quicker) says so with free ones at once; a slot chosen from
    the slots that fit words naming a rhythm ("jeden zweiten Dienstag um 10") is
    booked with that rhythm."""
    moment = datetime.fromtimestamp(ts, UTC)
    jf = booking(ctx)
    try:
        slots = jf.buddy_and_slots(ctx.who.person_id)[1]
    except BookingError as exc:
        return refusal(ctx, exc)
    if moment not in slots and not jf.is_free(ctx.who.person_id, moment):
        return refusal(ctx, BookingError("slot_taken", tuple(slots[:3])))
    asked = jf.asked(ctx.msg.platform, ctx.msg.chat_id)
    said = asked.data.get("weeks") if asked is not None and asked.kind == "slots" else None
    if said in (0, 1, 2):
        return book(ctx, ts, said)
    # "regelmäßig" said: which rhythm only ("jede Woche oder alle 2 Wochen?")
    rhythms = (("series_weekly", 1), ("series_biweekly", 2))
    rhythms = rhythms if said == REGULAR else (("series_once", 0), *rhythms)
    buttons = tuple(Button(t(key, ctx.lang), jf_data("book", ts, weeks)) for key, weeks in rhythms)
    kept = {"ts": ts, **choices_kept(buttons)}
    booking(ctx).ask(ctx.msg.platform, ctx.msg.chat_id, ctx.who.person_id, "series", kept)
    key = "series_rhythm_question" if said == REGULAR else "series_question"
    note = same_day_note(ctx, moment)  # a second meeting that day: said before it is sent
    return [Outbound(t(key, ctx.lang, when=when(ctx, moment)) + note, buttons)]


# typed answers to the series question, most specific first (weeks between meetings)
_SERIES_WORDS = (
    (2, ("alle zwei wochen", "alle 2 wochen", "zweiwöchentlich", "zweiwöchig", "14-tägig",
         "14tägig", "vierzehntägig", "alle 14 tage", "alle vierzehn tage", "every two weeks",
         "every 2 weeks", "every other week", "every second week", "every 2nd week",
         "biweekly", "bi-weekly", "fortnightly")),
    (1, ("jede woche", "jeder woche", "wöchentlich", "weekly", "every week", "each week")),
    (0, ("einmalig", "einmal", "nur diesen", "nur den einen", "einzeln", "once", "one-off",
         "single", "just this one", "only this one")),
)  # fmt: skip


# a rhythm named with the weekday ("jeden Dienstag", "every other Thursday")
_PLAIN = {"die", "mit", "son", "sam", "fre", "don"}  # also plain words ("immer mit …")
_DAY = "|".join(
    sorted((w for w in WEEKDAY if len(w) > 2 and w not in _PLAIN), key=len, reverse=True)
)
_EVERY_OTHER_DAY = re.compile(
    rf"\b(?:jeden|jede|jeder|alle) (?:zweiten|2\.|zwei) (?:{_DAY})\b"
    rf"|\bevery (?:other|second|2nd) (?:{_DAY})\b"
)
_EVERY_DAY = re.compile(rf"\b(?:jeden|jede|jeder|immer) (?:{_DAY})\b|\b(?:every|each) (?:{_DAY})\b")
# words that say "once" plainly enough to book without asking
_ONCE = re.compile(r"\b(einmalig|nur einmal|nur ein ?mal|one-off|just once|only once)\b")


def read_series(text: str) -> int | None:
    """ "einmal" 0, "jede Woche" / "jeden Dienstag" 1, "alle zwei Wochen" / "every
    other Thursday" 2 (None: not an answer)."""
    low = " ".join(text.lower().split())
    if _EVERY_OTHER_DAY.search(low):
        return 2
    for weeks, words in _SERIES_WORDS:
        if any(w in low for w in words):
            return weeks if weeks or _EVERY_DAY.search(low) is None else 1
    return 1 if _EVERY_DAY.search(low) else None


_REGULAR = re.compile(
    r"\b(regelmäßig\w*|regelmaessig\w*|wiederkehrend\w*|regular|regularly|recurring)\b"
)


def said_regular(text: str) -> bool:
    """ "einen regelmäßigen Termin", "a regular meeting": a series without its rhythm."""
    return _REGULAR.search(text.lower()) is not None


def said_series(text: str) -> int | None:
    """The rhythm a booking sentence already names ("jeden Dienstag um 10", "every
    Tuesday at 10", "alle zwei Wochen donnerstags 14 Uhr", "einmalig Do 14 Uhr"), so
    the series question is not asked again; None when it names none."""
    weeks = read_series(text)
    if weeks == 0 and not _ONCE.search(" ".join(text.lower().split())):
        return None  # "einmal" in "noch einmal" is no answer to a question not asked
    return weeks


def pick(ctx: Context, ts: int, text: str = "") -> list[Outbound]:
    """A slot chosen in words: booked at once when the words name the rhythm, else
    the series question."""
    weeks = said_series(text) if text else None
    return pick_series(ctx, ts) if weeks is None else book(ctx, ts, weeks)


def answer_series(ctx: Context, data: dict, text: str) -> list[Outbound] | None:
    """A typed answer to "einmalig oder regelmäßig?": the rhythm books the slot asked
    about; a rhythm with another time ("alle zwei Wochen donnerstags 14 Uhr") is
    read against the free slots instead. None when the text names no rhythm."""
    weeks = read_series(text)
    if weeks is None:
        return None
    local_now = ctx.now.astimezone(ctx.tz).replace(tzinfo=None)
    found = find_moment_in(text.lower(), local_now)
    asked = datetime.fromtimestamp(data["ts"], UTC)
    if found is not None and found[0].replace(tzinfo=ctx.tz) != asked:
        today = local_now.date()
        if day_in(text, today, ctx.lang) or found[0].time() != asked.astimezone(ctx.tz).time():
            replies = answer_slots(ctx, {"offset": 0, "filter": ""}, text)
            if replies is not None:
                return replies
    return book(ctx, data["ts"], weeks)


def book(ctx: Context, ts: int, weeks: int) -> list[Outbound]:
    if weeks not in (0, 1, 2):
        return [Outbound(t("stale_choice", ctx.lang))]
    try:
        meetings = booking(ctx).request(
            ctx.who.person_id,
            datetime.fromtimestamp(ts, UTC),
            weeks,
            chat=(ctx.msg.platform, ctx.msg.chat_id),  # what it was asked: forgotten with it
        )
    except BookingError as exc:
        return refusal(ctx, exc)
    first, buddy = meetings[0], meetings[0].buddy
    replies = [
        Outbound(
            t(
                "requested",
                ctx.lang,
                buddy=buddy.name,
                when=when(ctx, first.starts_at),
                series=series_note(ctx, meetings, ctx.lang),
            )
            + holiday_note(ctx, meetings, ctx.lang, ask=False)
            + _skipped_note(ctx, meetings, weeks)
        )
    ]
    text = (
        t(
            "request_for_buddy",
            buddy.lang,
            expert=first.expert.name,
            when=when(ctx, first.starts_at, buddy),
            series=series_note(ctx, meetings, buddy.lang),
        )
        + holiday_note(ctx, meetings, buddy.lang)
        + _skipped_note(ctx, meetings, weeks, buddy)
    )
    return replies + notice(ctx, buddy, text, buttons=decision_buttons(first, buddy.lang))


def _skipped_note(
    ctx: Context, meetings: list[MeetingView], weeks: int, reader: Party | None = None
) -> str:
    """For a series: the dates left out and why ("\nAusgelassen: Di 22.12. (Bernd
    abwesend)." / "(schon belegt)"), and when only one date is left, that it is a
    single meeting and why (the program ends). `reader`: the buddy, told the same
    story (not their own days away)."""
    if weeks not in (1, 2):
        return ""
    lang = reader.lang if reader else ctx.lang
    first = meetings[0]
    try:
        planned, off, end, program = booking(ctx).series_plan(
            first.expert.person_id, first.starts_at, weeks
        )
    except BookingError:
        return ""
    made = {m.starts_at for m in meetings}
    left = [s for s in planned if s not in made]
    away = [s for s in left if any(a <= s.astimezone(ctx.tz).date() <= b for a, b in off)]
    taken = [s for s in left if s not in away]
    rhythm = t("every_week", lang) if weeks == 1 else t("every_n_weeks", lang, n=weeks)
    note = t("series_single", lang, rhythm=rhythm) if len(meetings) == 1 else ""
    if len(planned) == 1 and program:  # no second date before the program's end
        note += t("series_program_end", lang, end=fmt_date(end, lang))

    def days(found: list[datetime]) -> str:
        return ", ".join(when(ctx, s, reader).rsplit(" ", 1)[0] for s in found)

    if taken:
        note += t("series_left_taken", lang, days=days(taken))
    if away and reader is None:  # the buddy knows their own days away
        note += t("series_left_away", lang, days=days(away), buddy=first.buddy.name)
    return note


# -- buddies: decide -------------------------------------------------------------------
def decide(ctx: Context, meeting_id: int, accept: bool, reason: str = "") -> list[Outbound]:
    if not accept and not reason:  # a decline pressed after words that gave the reason
        reason = _kept_reason(ctx)
    try:
        meetings = booking(ctx).decide(ctx.who.person_id, meeting_id, accept)
    except BookingError as exc:
        return refusal(ctx, exc)
    first, expert = meetings[0], meetings[0].expert
    if not accept:
        declined = t("declined_ok", ctx.lang, expert=expert.name, when=when(ctx, first.starts_at))
        return [Outbound(declined)] + notice(
            ctx,
            expert,
            t(
                "declined_for_expert",
                expert.lang,
                buddy=first.buddy.name,
                when=when(ctx, first.starts_at, expert),
            )
            + reason_note(reason, first.buddy.name, expert.lang),
        )
    return _confirmed(ctx, meetings, reason)


def _kept_reason(ctx: Context) -> str:
    """The buddy's words kept while they chose which request they meant."""
    asked = booking(ctx).asked(ctx.msg.platform, ctx.msg.chat_id)
    if asked is not None and asked.kind == "which_request":
        return asked.data.get("reason", "")
    return ""


def _confirmed(ctx: Context, meetings: list[MeetingView], reason: str = "") -> list[Outbound]:
    """Both sides get the confirmation with a calendar file per meeting; the
    expert also reads the buddy's own words ("ja, aber lieber per Video")."""
    first = meetings[0]
    files = calendar(ctx, meetings)
    place = booking(ctx).place_of(first.expert.person_id, first.buddy.person_id)
    out = []
    for me, other in ((first.buddy, first.expert), (first.expert, first.buddy)):
        if me.person_id == ctx.who.person_id:  # the sender: in the language of this reply
            me = dataclasses.replace(me, lang=ctx.lang)
        text = t(
            "confirmed_for",
            me.lang,
            when=when(ctx, first.starts_at, me),
            other=other.name,
            series=series_note(ctx, meetings, me.lang),
        ) + place_line(place, me.lang)
        if me.person_id == ctx.who.person_id:
            out.append(Outbound(text, files=files(me)))
        else:
            text += reason_note(reason, other.name, me.lang)
            out += notice(ctx, me, text, files=files(me))
    return out


def answer_request(ctx: Context, pending: list[MeetingView], text: str) -> list[Outbound] | None:
    """A buddy's words while requests wait: yes, no (with the reason passed on), a
    time (a counter-proposal), or one question back with buttons. None when the
    text is no answer at all (it goes on to the intents and the FAQ). An expert's
    name in the text ("erika ja") narrows the requests to theirs."""
    said = text
    if len(pending) > 1 and (both := _each_named(ctx, pending, text)) is not None:
        return both  # "emil ja, erika nein da bin ich beim zahnarzt"
    if len(pending) > 2 and (some := _some_named(ctx, pending, text)) is not None:
        return some  # "erika und emil ja" while five requests wait: those two
    pending, text = _named(pending, text)
    if (other := _named_without_request(ctx, pending, said)) is not None:
        return other  # "erika ja" with only Emil's request open: never Emil's
    if len(pending) > 1 and (one := _by_day(ctx, pending, text)) is not None:
        pending = [one]  # "emil am dienstag geht nicht, vielleicht donnerstag?": that one
    m = pending[0]
    reading = read(text, _earliest(ctx), m.starts_at.astimezone(ctx.tz).date(), _today(ctx))
    if reading.kind == NONE:
        return None
    if reading.reason:  # the buddy's words are quoted whole, with the name in them
        # ("alle bestätigen", "beide ja": no words of their own for the expert)
        reason = _own_words(pending, said) if reading.kind in (YES, NO) else said.strip()
        no_or_yes = reading.kind in (YES, NO) or reading.words == NO  # a proposal stays whole
        if reason and text != said and no_or_yes:  # "gregor nein, do 15 uhr …": no name
            reason = _ANSWER_WORD.sub("", text, count=1).strip() or reason  # only the why
        reading = dataclasses.replace(reading, reason=reason)
    clash = weekday_clash(ctx, text, _earliest(ctx), m.starts_at.astimezone(ctx.tz).date())
    if len(pending) > 1:
        if reading.kind == TIME or reading.leaning == TIME:  # never a confirmation
            return _which_offer(ctx, pending, text, reading.reason)
        if reading.kind in (YES, NO) and _all_meant(pending, said):  # "beide ja"
            return _decide_all(ctx, pending, reading.kind == YES, said)
        if reading.reason:  # kept for the decline chosen next: the expert reads why
            booking(ctx).ask(
                ctx.msg.platform,
                ctx.msg.chat_id,
                ctx.who.person_id,
                "which_request",
                {"reason": reading.reason[:500]},
            )
        return which_request(ctx, pending)
    proposal = reading.moment and reading.moment.replace(tzinfo=ctx.tz)
    if clash and proposal is not None:  # "Do 8.12.": which of the two is meant?
        return _ask_offer(ctx, m, proposal, clash + " ")
    if reading.kind == TIME and proposal == m.starts_at and reading.words == YES:
        return decide(ctx, m.id, True, reading.reason)
    if reading.kind == TIME and proposal != m.starts_at:
        return _propose(ctx, m, proposal, reading.reason)
    if reading.kind == TIME and reading.words == NO:  # "nein, um 10 habe ich schon was"
        return decide(ctx, m.id, False, reading.reason)
    if reading.kind == YES and plain(said) in ACK - YES_WORDS and not _shown_last(ctx, m):
        return ask_request(ctx, pending)  # "ok" after something else is no confirmation
    if reading.kind == YES:
        return decide(ctx, m.id, True, reading.reason)
    if (reading.kind == NO or reading.kind == ASK and proposal is None) and (
        offers := _day_offer(ctx, m, text, reading.reason)
    ) is not None:
        return offers  # "nein, lieber Donnerstag", "… vielleicht Donnerstag?": that day's times
    if reading.kind == NO:
        return decide(ctx, m.id, False, reading.reason)
    if reading.leaning == TIME and proposal is not None:
        return _ask_offer(ctx, m, proposal)
    return ask_request(ctx, pending)


# "beide ja", "alle bestätigen", "ok confirm both": every open request (of the expert named)
_ALL_WORDS = frozenset("beide beiden beides alle allen alles both all each".split())
_NOT_ALL = frozenset("nicht not nur only außer ausser except einer eine one".split())


def _all_meant(pending: list[MeetingView], text: str) -> bool:
    """Whether a buddy's words are about every open request: "beide", "alle", "both",
    or the names of all the experts waiting ("Erika und Emil ja")."""
    words = set(re.findall(r"\w+", text.lower()))
    if words & _NOT_ALL:  # "ja, aber nicht alle", "only erika": asked which
        return False
    if words & _ALL_WORDS:
        return True
    experts = {m.expert.person_id: m.expert.name for m in pending}
    named = [n for n in experts.values() if n and {w.lower() for w in n.split()} & words]
    return len(experts) > 1 and len(named) == len(experts)


def _some_named(ctx: Context, pending: list[MeetingView], text: str) -> list[Outbound] | None:
    """One yes (or no) to the requests of two or more experts named, while others wait
    too ("erika und emil ja"): those decided, the others left open (tryout6 row 13).
    None unless the words are only the names and the yes or no."""
    low, rest, named = text.lower(), text.lower(), set()
    for m in pending:
        for name in (m.expert.name.lower(), m.expert.name.split()[0].lower()):
            pattern = rf"(?<!\w){re.escape(name)}(?!\w)"
            if re.search(pattern, low):
                named.add(m.expert.person_id)
                rest = re.sub(pattern, " ", rest)
                break
    if len(named) < 2 or len(named) == len({m.expert.person_id for m in pending}):
        return None
    rest = re.sub(r"\b(und|and|sowie|&)\b|[,&+]", " ", rest)
    reading = read(rest)
    if reading.kind not in (YES, NO) or reading.reason:
        return None
    chosen = [m for m in pending if m.expert.person_id in named]
    return _decide_all(ctx, chosen, reading.kind == YES, text)


def _own_words(pending: list[MeetingView], said: str) -> str:
    """The buddy's words, whole, when they say more than yes or no to the requests
    ("ja, aber bitte per Video"); "" for "beide ja", "alle bestätigen", "Erika und Emil ja"."""
    rest = " ".join(w for w in re.findall(r"[\w',.!?]+", said) if w.lower() not in _ALL_WORDS)
    for m in pending:
        for name in {m.expert.name, m.expert.name.split()[0]}:
            rest = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", rest, flags=re.IGNORECASE)
    rest = re.sub(r"\b(und|and|zu|to|for|für)\b", " ", rest, flags=re.IGNORECASE)
    return said.strip() if read(rest).reason else ""


def _decide_all(ctx: Context, pending: list[MeetingView], accept: bool, said: str):
    """Every open request confirmed (or declined), each said with its expert and date;
    the buddy's own words reach the experts only when they say more than that."""
    reason = _own_words(pending, said)
    out = []
    for m in pending:
        out += decide(ctx, m.id, accept, reason)
    return out


_PREFER = re.compile(
    r"\b(lieber|besser|eher|stattdessen|statt dessen|instead|rather|better|prefer|preferably"
    r"|how about|what about|wie wäre|wie waere|vielleicht|evtl|eventuell|ginge|geht auch"
    r"|maybe|perhaps|could we do)\b"
)


def _by_day(ctx: Context, pending: list[MeetingView], text: str) -> MeetingView | None:
    """The one waiting request whose day the words name before any other time is
    suggested ("den dienstag mit emil kann ich nicht, ginge do 19.10. um 15 uhr"),
    or None."""
    found = _PREFER.search(text.lower())
    source = text[: found.start()] if found else text
    named = day_in(source, _today(ctx), ctx.lang)
    if named is None:
        return None
    hits = [m for m in pending if m.starts_at.astimezone(ctx.tz).date() in named[0]]
    return hits[0] if len(hits) == 1 else None


def _day_offer(ctx: Context, m: MeetingView, text: str, reason: str) -> list[Outbound] | None:
    """ "nein, lieber Donnerstag" (a no with a day but no time): the buddy's free times
    on that day as suggestions for the expert, or a plain decline – the buddy's words
    go with either. None when no day is named or nothing is free then."""
    if not (found := _PREFER.search(text.lower())):  # "nein, Dienstag passt nicht": a plain no
        return None
    today = ctx.now.astimezone(ctx.tz).date()  # the day after "vielleicht", else any
    named = day_in(text[found.start() :], today, ctx.lang) or day_in(text, today, ctx.lang)
    if named is None or m.starts_at.astimezone(ctx.tz).date() in named[0]:
        return None
    try:
        slots = booking(ctx).buddy_and_slots(m.expert.person_id)[1]
    except BookingError:
        return None
    fits = [s for s in slots if s.astimezone(ctx.tz).date() in named[0]][:4]
    if not fits:
        return None
    if reason:  # passed on with the suggestion (or the decline) chosen next
        kept = {"reason": reason[:500]}
        booking(ctx).ask(
            ctx.msg.platform, ctx.msg.chat_id, ctx.who.person_id, "which_request", kept
        )
    buttons = tuple(
        Button(
            t("propose_button", ctx.lang, proposal=when(ctx, s)),
            jf_data("offer", m.id, int(s.timestamp())),
        )
        for s in fits
    ) + (Button(t("decline_only", ctx.lang), jf_data("no", m.id)),)
    fields = {"expert": m.expert.name, "when": _request_when(ctx, m)}
    return [Outbound(t("ask_day_offer", ctx.lang, **fields), buttons)]


def _shown_last(ctx: Context, m: MeetingView) -> bool:
    """The chat's last reply offered to confirm this request."""
    choices, _ = ctx.open_choices()
    return any(b.data == jf_data("yes", m.id) for b in choices)


def weekday_clash(ctx: Context, text: str, local_now: datetime, day=None) -> str:
    """ "Der 08.12.2026 ist ein Di (nicht Do)." when a weekday is written beside a date
    it does not match, else ""."""
    found = find(text, local_now, day, ctx.now.astimezone(ctx.tz).date())
    if found is None or found.clash is None:
        return ""
    date_ = found.moment.date()
    return t(
        "weekday_clash",
        ctx.lang,
        date=fmt_date(date_, ctx.lang),
        weekday=weekday_name(date_.weekday(), ctx.lang),
        written=weekday_name(found.clash, ctx.lang),
    )


def _ask_offer(ctx: Context, m: MeetingView, proposal: datetime, note: str = "") -> list[Outbound]:
    """ "Soll ich … vorschlagen?" with the three buttons; the chat remembers the
    question, so a typed "ja" answers it (and proposes), not the request."""
    ts = int(proposal.timestamp())
    mark = t("proposal_series_mark", ctx.lang) if m.series_id else ""  # "(statt …, Serie)"
    fields = {"expert": m.expert.name, "when": when(ctx, m.starts_at) + mark}
    offer_button = Button(
        t("propose_button", ctx.lang, proposal=when(ctx, proposal)), jf_data("offer", m.id, ts)
    )
    booking(ctx).ask(
        ctx.msg.platform, ctx.msg.chat_id, ctx.who.person_id, "offer", {"meeting": m.id, "ts": ts}
    )
    text = note + t("ask_request_time", ctx.lang, proposal=when(ctx, proposal), **fields)
    return [Outbound(text, (offer_button, *decision_buttons(m, ctx.lang)))]


_CONFIRM_WORDS = {"bestätigen", "bestätige", "bestätigt", "confirm", "confirmed"}
_DECLINE_WORDS = {"ablehnen", "lehne", "abgelehnt", "decline", "declined"}


def answer_offer(ctx: Context, data: dict, text: str) -> list[Outbound] | None:
    """A typed answer to "Soll ich {proposal} vorschlagen?": yes to that question
    proposes (the buddy's other words go along), the word of a button
    (bestätigen, ablehnen) does what the button does, another time is proposed
    instead, anything else (a bare "nein", doubt) asks the question again.
    None when the question is stale or the text no answer (it goes on)."""
    try:
        m = booking(ctx).get(ctx.who.person_id, data["meeting"])
    except BookingError:
        return None
    if m.state != "requested" or m.proposed_start is not None:
        return None
    if _names_another_expert(ctx, m, text):  # "hanna ja" to the question about Fatma
        booking(ctx).forget(ctx.msg.platform, ctx.msg.chat_id)
        return None  # answered as Hanna's (answer_request), never as Fatma's
    proposal = datetime.fromtimestamp(data["ts"], UTC)
    reading = read(text, _earliest(ctx), proposal.astimezone(ctx.tz).date(), _today(ctx))
    if reading.kind == NONE:
        return None
    booking(ctx).forget(ctx.msg.platform, ctx.msg.chat_id)  # asked again below if unclear
    words = set(re.findall(r"\w+", text.lower()))
    moment = reading.moment and reading.moment.replace(tzinfo=ctx.tz)
    if reading.kind == TIME and moment != proposal and reading.words != NO:
        return _propose(ctx, m, moment, reading.reason)
    if words & _CONFIRM_WORDS and reading.kind != NO:
        return decide(ctx, m.id, True, reading.reason)
    if words & _DECLINE_WORDS:
        return decide(ctx, m.id, False, reading.reason)
    if reading.kind == YES or reading.kind == TIME and reading.words != NO:
        return _propose(ctx, m, proposal, reading.reason)
    return _ask_offer(ctx, m, proposal)


def _says_name(text: str, name: str) -> bool:
    """Whether the words name this person, whole or by first name ("erika ja")."""
    low = text.lower()
    return any(
        re.search(rf"(?<!\w){re.escape(n.lower())}(?!\w)", low) for n in (name, name.split()[0])
    )


def _names_another_expert(ctx: Context, m: MeetingView, text: str) -> bool:
    """Whether the words name one of the buddy's experts other than the one the
    question is about (and not that one): "hanna ja" to "Soll ich Fatma … vorschlagen?"."""
    if not m.expert.name or _says_name(text, m.expert.name):
        return False
    try:
        experts = booking(ctx).experts(ctx.who.person_id)
    except BookingError:
        return False
    return any(n and n != m.expert.name and _says_name(text, n) for n in experts)


def _named(pending: list[MeetingView], text: str) -> tuple[list[MeetingView], str]:
    """The requests of the expert named in the text ("erika ja", "Emil lieber 11 Uhr")
    and the text without the name; all requests and the text when no name (or
    more than one) is there."""
    low = text.lower()
    hits = {}
    for m in pending:
        for name in (m.expert.name, m.expert.name.split()[0]):
            found = re.search(rf"(?<!\w){re.escape(name.lower())}(?!\w)", low)
            if found:
                hits.setdefault(m.expert.person_id, found)
                break
    if len(hits) != 1:
        return pending, text
    person, found = next(iter(hits.items()))
    rest = (text[: found.start()] + text[found.end() :]).strip(" ,:;")
    return [m for m in pending if m.expert.person_id == person], rest or text


_ANSWER_WORD = re.compile(
    r"^[\s,:;.\-–]*(ja|jo|jep|nein|nö|nee|yes|yep|yeah|no|nope|ok|okay|gerne?|passt|leider)\b"
    r"[\s,:;.!\-–]*",
    re.IGNORECASE,
)


def _each_named(ctx: Context, pending: list[MeetingView], text: str) -> list[Outbound] | None:
    """A yes or no for each of several experts in one message ("emil ja, erika nein da
    bin ich beim zahnarzt", "Erika: yes / Emil: no, sorry"): each request decided, and
    each expert reads only the words said to them, without their name and the yes or
    no ("da bin ich beim zahnarzt"). None unless the message starts with a name, names
    two or more experts with one open request each, and every part is a clear yes or no
    or another time ("erika passt, bei emil lieber 11 uhr statt 10": that time proposed
    to Emil, with only his part of the message)."""
    starts: list[tuple[int, int, MeetingView]] = []
    low = text.lower()
    for m in pending:
        names = {m.expert.name.lower(), m.expert.name.split()[0].lower()}
        found = [f for n in names for f in re.finditer(rf"(?<!\w){re.escape(n)}(?!\w)", low)]
        if not found:
            continue
        if len(found) > 1 or any(o.expert.person_id == m.expert.person_id for *_, o in starts):
            return None  # a name said twice, or two requests of one expert
        starts.append((found[0].start(), found[0].end(), m))
    starts.sort(key=lambda s: s[0])
    if len(starts) < 2 or low[: starts[0][0]].strip(" ,:;-"):
        return None
    parts = []
    for i, (_begin, end, m) in enumerate(starts):
        stop = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        said = text[end:stop].strip(" ,;:/-–")
        said = _LINK_END.sub("", said).strip(" ,;:/-–")  # "erika passt, bei emil …"
        reading = read(said, _earliest(ctx), m.starts_at.astimezone(ctx.tz).date(), _today(ctx))
        moment = reading.moment and reading.moment.replace(tzinfo=ctx.tz)
        if reading.kind == TIME and moment is not None and moment != m.starts_at:
            parts.append((m, moment, said))  # "bei emil lieber 11 uhr statt 10": proposed
            continue
        if reading.kind not in (YES, NO):
            return None
        own = _ANSWER_WORD.sub("", said, count=1).strip() if reading.reason else ""
        parts.append((m, reading.kind == YES, own))
    out = []
    for m, yes, own in parts:
        out += (
            _propose(ctx, m, yes, own) if isinstance(yes, datetime) else decide(ctx, m.id, yes, own)
        )
    return out


# the words that lead to the next name ("erika passt, bei emil …", "… and for emil")
_LINK_END = re.compile(r"(\s*\b(und|and|bei|für|fuer|for|mit|with|an|to)\b)+$", re.IGNORECASE)


def _named_without_request(ctx: Context, pending: list[MeetingView], text: str):
    """ "Von Erika liegt keine offene Anfrage vor" and the open ones, when the words
    name one of the buddy's experts whose request is not open (and no expert with an
    open one); else None."""
    if any(_says_name(text, m.expert.name) for m in pending):
        return None
    waiting = {m.expert.name for m in pending}
    try:
        others = [n for n in booking(ctx).experts(ctx.who.person_id) if n and n not in waiting]
    except BookingError:
        return None
    named = [n for n in others if _says_name(text, n)]
    if len(named) != 1:
        return None
    note = t("no_request_from", ctx.lang, expert=named[0])
    [asked] = ask_request(ctx, pending)
    return [dataclasses.replace(asked, text=f"{note}\n{asked.text}")]


def _which_offer(
    ctx: Context, pending: list[MeetingView], text: str, reason: str
) -> list[Outbound]:
    """A time written while several requests wait: which request it is proposed
    for, one button per request (it never confirms one)."""
    earliest, buttons, proposals, taken = _earliest(ctx), [], set(), set()
    for m in pending:
        reading = read(text, earliest, m.starts_at.astimezone(ctx.tz).date(), _today(ctx))
        if reading.moment is None:
            continue
        start = reading.moment.replace(tzinfo=ctx.tz)
        if not booking(ctx).proposable(ctx.who.person_id, [m.id], start):
            taken.add(start)  # never offered: it would only be refused
            continue
        proposals.add(start)
        label = t(
            "offer_for_button",
            ctx.lang,
            expert=m.expert.name,
            when=when(ctx, m.starts_at),
            proposal=when(ctx, start),
        )
        buttons.append(Button(label, jf_data("offer", m.id, int(start.timestamp()))))
    if reason:  # passed on with the proposal chosen next
        booking(ctx).ask(
            ctx.msg.platform,
            ctx.msg.chat_id,
            ctx.who.person_id,
            "which_request",
            {"reason": reason[:500]},
        )
    not_free = " ".join(t("slot_not_free", ctx.lang, when=when(ctx, s)) for s in sorted(taken))
    if not buttons:  # taken for every request: say so, and ask which request is meant
        text = " ".join(t("offer_taken_all", ctx.lang, when=when(ctx, s)) for s in sorted(taken))
        return [Outbound(f"{text}\n{_which_lines(ctx, pending)}", _pending_buttons(ctx, pending))]
    if len(proposals) == 1:
        text = t("which_offer", ctx.lang, proposal=when(ctx, proposals.pop()))
    else:
        text = t("which_offer_any", ctx.lang)
    return [Outbound(f"{not_free} {text}".strip(), tuple(buttons))]


def ask_request(ctx: Context, pending: list[MeetingView]) -> list[Outbound]:
    """One question back about the waiting request, with the buttons."""
    if len(pending) > 1:
        return which_request(ctx, pending)
    m = pending[0]
    fields = {"expert": m.expert.name, "when": _request_when(ctx, m)}
    return [Outbound(t("ask_request", ctx.lang, **fields), decision_buttons(m, ctx.lang))]


def _request_when(ctx: Context, m: MeetingView) -> str:
    """A request's time, a series with its rhythm and length ("Di 01.12. 10:00 (jede
    Woche, 12 Termine bis …)")."""
    group = [m]
    if m.series_id:
        with contextlib.suppress(BookingError):
            group = booking(ctx).group(ctx.who.person_id, m.id, "series")
    return when(ctx, m.starts_at) + series_note(ctx, group, ctx.lang)


def _today(ctx: Context) -> date:
    """The sender's real date ("heute", "morgen" and dates are read from it)."""
    return ctx.now.astimezone(ctx.tz).date()


def _earliest(ctx: Context) -> datetime:
    """The local moment a weekday in a reply counts from: a proposal needs the same
    notice as a booking, so "Di 11:00" written on a Tuesday morning means next week."""
    notice = timedelta(hours=booking(ctx).rules.notice_hours)
    return (ctx.now + notice).astimezone(ctx.tz).replace(tzinfo=None)


def which_request(ctx: Context, pending: list[MeetingView]) -> list[Outbound]:
    """ "Which one do you mean?" with the open requests listed, a series with its
    rhythm and length ("jede Woche, 12 Termine bis …"), and their buttons."""
    return [Outbound(_which_text(ctx, pending), _pending_buttons(ctx, pending))]


def _which_text(ctx: Context, pending: list[MeetingView]) -> str:
    return t("which_request_list", ctx.lang, list=_which_lines(ctx, pending))


def _which_lines(ctx: Context, pending: list[MeetingView]) -> str:
    lines = []
    for m in pending:
        lines.append(f"• {m.expert.name}: {_request_when(ctx, m)}")
    return "\n".join(lines)


def _pending_buttons(ctx: Context, pending: list[MeetingView]) -> tuple[Button, ...]:
    buttons = []
    for m in pending:
        mark = t("proposal_series_mark", ctx.lang) if m.series_id else ""
        label = f"{m.expert.name}, {when(ctx, m.starts_at)}{mark}"
        buttons += [
            Button(f"{t('confirm', ctx.lang)}: {label}", jf_data("yes", m.id)),
            Button(f"{t('decline', ctx.lang)}: {label}", jf_data("no", m.id)),
        ]
    return tuple(buttons)


def offer(ctx: Context, meeting_id: int, ts: int) -> list[Outbound]:
    """The buddy pressed "suggest <time>" after a question back."""
    try:
        m = booking(ctx).get(ctx.who.person_id, meeting_id)
    except BookingError as exc:
        return refusal(ctx, exc)
    return _propose(ctx, m, datetime.fromtimestamp(ts, UTC), _kept_reason(ctx))


def _propose(ctx: Context, m: MeetingView, start: datetime, reason: str = "") -> list[Outbound]:
    try:
        view = booking(ctx).propose(ctx.who.person_id, m.id, start)
    except BookingError as exc:
        if exc.key != "proposal_taken":
            return refusal(ctx, exc)
        text = t("proposal_taken", ctx.lang, proposal=when(ctx, start), expert=m.expert.name)
        if not exc.alternatives:
            return [Outbound(text + "\n" + t("proposal_taken_none", ctx.lang))]
        buttons = tuple(
            Button(
                t("propose_button", ctx.lang, proposal=when(ctx, s)),
                jf_data("offer", m.id, int(s.timestamp())),
            )
            for s in exc.alternatives
        )
        return [Outbound(text + "\n" + t("proposal_taken_free", ctx.lang), buttons)]
    expert = view.expert
    proposal = when(ctx, start, expert)
    text = t(
        "proposal_for_expert",
        expert.lang,
        buddy=view.buddy.name,
        when=when(ctx, view.starts_at, expert),
        proposal=proposal,
    ) + reason_note(reason, view.buddy.name, expert.lang)
    jf = booking(ctx)
    sent = t("proposal_sent", ctx.lang, proposal=when(ctx, start), expert=expert.name)
    length = view.ends_at - view.starts_at
    if not jf.within_free_times(view.buddy.person_id, start, start + length):
        sent += t("proposal_outside", ctx.lang, proposal=when(ctx, start))
    if expert.platform:  # what the expert was shown last: a plain "ja" there takes it
        jf.ask(expert.platform, expert.chat_id, expert.person_id, "proposal", {"meeting": view.id})
    return [Outbound(sent)] + notice(
        ctx, expert, text, buttons=proposal_buttons(view, expert.lang, proposal)
    )


def proposal_buttons(m: MeetingView, lang: str, proposal: str) -> tuple[Button, ...]:
    return (
        Button(t("proposal_accept", lang, proposal=proposal), jf_data("prop", m.id), confirms=True),
        Button(t("proposal_decline", lang), jf_data("propno", m.id)),
    )


# -- experts: answer a counter-proposal ------------------------------------------------
def answer_proposal(
    ctx: Context, proposals: list[MeetingView], text: str, asked=None
) -> list[Outbound] | None:
    """An expert's words while a counter-proposal waits: yes takes it, no declines it
    (the buddy is told), a time asks for that time instead, anything unclear is
    asked back with both buttons. A yes takes it only when the proposal was the last
    thing this chat was shown (`asked`); else the proposal is named and asked about."""
    m = proposals[-1]  # the latest
    reading = read(text, _earliest(ctx), m.proposed_start.astimezone(ctx.tz).date(), _today(ctx))
    accepting = bool(set(re.findall(r"\w+", text.lower())) & _ACCEPT_WORDS)
    if reading.kind == YES or accepting and reading.kind in (ASK, NONE) and "?" not in text:
        shown = asked is not None and asked.kind == "proposal" and asked.data.get("meeting") == m.id
        if not shown:
            return ask_proposal(ctx, proposals, named=True)
        return accept_proposal(ctx, m.id)
    if reading.kind == NO:
        return decline_proposal(ctx, m.id, reading.reason)
    if reading.kind == NONE:
        return None
    if (
        reading.kind in (TIME, ASK)
        and (other := _other_time(ctx, m, text)) is not None
        and (replies := _other_time_answer(ctx, proposals, other, reading.kind)) is not None
    ):
        return replies  # "15 Uhr geht nicht, geht auch 16 Uhr?": never a false reason
    if reading.kind == TIME:
        start = reading.moment.replace(tzinfo=ctx.tz)
        if start == m.proposed_start and reading.words != NO:
            return accept_proposal(ctx, m.id)
        declined = decline_proposal(ctx, m.id, reading.reason)
        return declined + book(ctx, int(start.astimezone(UTC).timestamp()), 0)
    return ask_proposal(ctx, proposals)


def _other_time(ctx: Context, m: MeetingView, text: str) -> datetime | None:
    """The last time in the expert's words that is not the proposal's own ("15 Uhr geht
    nicht, geht auch 16 Uhr?": 16:00 on the proposal's day), or None."""
    day = m.proposed_start.astimezone(ctx.tz).date()
    found = None
    for piece in re.split(r"[,;?!]|\b(?:aber|but|oder|or|sondern)\b", text):
        reading = read(piece or "", _earliest(ctx), day, _today(ctx))
        moment = reading.moment and reading.moment.replace(tzinfo=ctx.tz)
        if moment is not None and moment != m.proposed_start:
            found = moment
    return found


def _other_time_answer(
    ctx: Context, proposals: list[MeetingView], start: datetime, kind: str
) -> list[Outbound] | None:
    """Another time than the one proposed, said or asked about: when it cannot be
    booked, why (outside the buddy's free times, taken, too soon) with the proposal
    still open – never declined for a time that fails anyway; when it can, asked
    first for a question ("geht auch 16 Uhr?"), None for a plain "lieber 16 Uhr" (the
    proposal is declined and that time requested, as before)."""
    m, jf = proposals[-1], booking(ctx)
    at = when(ctx, start)
    try:
        free = jf.is_free(ctx.who.person_id, start)
    except BookingError as exc:
        return refusal(ctx, exc)
    [still] = ask_proposal(ctx, proposals)
    if not free:
        length = m.ends_at - m.starts_at
        if start <= ctx.now + timedelta(hours=jf.rules.notice_hours):
            why = t("other_time_soon", ctx.lang, when=at, hours=jf.rules.notice_hours)
        elif not jf.within_free_times(m.buddy.person_id, start, start + length):
            why = t("other_time_outside", ctx.lang, when=at, buddy=m.buddy.name)
        else:
            why = t("other_time_taken", ctx.lang, when=at)
        return [dataclasses.replace(still, text=f"{why}\n{still.text}")]
    if kind != ASK:
        return None
    ts = int(start.timestamp())
    text = t("other_time_ask", ctx.lang, when=at, proposal=when(ctx, m.proposed_start))
    ask = Button(t("other_time_button", ctx.lang, when=at), jf_data("propother", m.id, ts))
    return [Outbound(text, (ask, *still.buttons))]


def request_instead(ctx: Context, meeting_id: int, ts: int) -> list[Outbound]:
    """ "Stattdessen <time> anfragen" pressed: the proposal declined, that time requested."""
    return decline_proposal(ctx, meeting_id) + book(ctx, ts, 0)


# the word of the "accept" button, typed ("annehmen", "ich nehme an", "accept")
_ACCEPT_WORDS = {"annehmen", "nehme", "angenommen", "accept", "accepted", "take"}


def ask_proposal(ctx: Context, proposals: list[MeetingView], named: bool = False) -> list[Outbound]:
    """One question back about the latest counter-proposal, with both buttons (`named`:
    a yes to something not shown last: which proposal, instead of which request).
    The chat remembers it, so the next "ja" takes it."""
    m = proposals[-1]
    proposal = when(ctx, m.proposed_start)
    booking(ctx).ask(
        ctx.msg.platform, ctx.msg.chat_id, ctx.who.person_id, "proposal", {"meeting": m.id}
    )
    fields = {"buddy": m.buddy.name, "proposal": proposal}
    if named:
        text = t("confirm_proposal", ctx.lang, when=when(ctx, m.starts_at), **fields)
    else:
        text = t("ask_proposal", ctx.lang, **fields)
    return [Outbound(text, proposal_buttons(m, ctx.lang, proposal))]


def accept_proposal(ctx: Context, meeting_id: int, as_series: int | None = None) -> list[Outbound]:
    """Take the buddy's counter-proposal; for a series request, first ask "only
    this one or from here on, all"."""
    jf = booking(ctx)
    try:
        if as_series is None and jf.series_interval(meeting_id):
            m = jf.get(ctx.who.person_id, meeting_id)
            if m.proposed_start is None:
                raise BookingError("not_pending", state=m.state)
            buttons = (
                Button(t("only_this", ctx.lang), jf_data("propser", meeting_id, 0)),
                Button(t("from_here_all", ctx.lang), jf_data("propser", meeting_id, 1)),
            )
            text = t("proposal_series_question", ctx.lang, proposal=when(ctx, m.proposed_start))
            jf.ask(
                ctx.msg.platform,
                ctx.msg.chat_id,
                ctx.who.person_id,
                "scope_proposal",
                {"meeting": meeting_id},
            )
            return [Outbound(text, buttons)]
        jf.forget(ctx.msg.platform, ctx.msg.chat_id)
        return _confirmed(ctx, jf.accept_proposal(ctx.who.person_id, meeting_id, bool(as_series)))
    except BookingError as exc:
        return refusal(ctx, exc)


def decline_proposal(ctx: Context, meeting_id: int, reason: str = "") -> list[Outbound]:
    try:
        m = booking(ctx).decline_proposal(ctx.who.person_id, meeting_id)
    except BookingError as exc:
        return refusal(ctx, exc)
    buddy = m.buddy
    text = t(
        "proposal_declined_for_buddy",
        buddy.lang,
        expert=m.expert.name,
        proposal=when(ctx, m.proposed_start, buddy),
    ) + reason_note(reason, m.expert.name, buddy.lang)
    return [Outbound(t("proposal_declined_ok", ctx.lang, buddy=buddy.name))] + notice(
        ctx, buddy, text
    )


def expiry_notices(booking: JourFixe) -> list[Outbound]:
    """Expire unanswered requests and tell the experts (called on each tick): one
    message per request, a series in one message."""
    groups: dict[object, list[MeetingView]] = {}
    try:
        expired = booking.expire_due()
    except BookingError:  # answered meanwhile: the next tick looks again
        return []
    for m in expired:
        groups.setdefault(m.series_id or -m.id, []).append(m)
    out = _lapsed_proposals(booking)
    for group in groups.values():
        m = group[0]
        if not m.expert.platform:
            continue
        fields = {
            "buddy": m.buddy.name,
            "when": fmt_when(m.starts_at, m.expert.lang, m.expert.tz),
        }
        text = (
            t("expired_series_for_expert", m.expert.lang, n=len(group), **fields)
            if len(group) > 1
            else t("expired_for_expert", m.expert.lang, **fields)
        )
        out.append(Outbound(text, to=address(m.expert)))
        out += _lapsed_for_buddy(booking, m)
    return out


def _lapsed_for_buddy(booking: JourFixe, m: MeetingView) -> list[Outbound]:
    """The buddy hears that a request lapsed (tryout5 J20: he answered days later and
    believed a meeting existed), with one tap to propose its time again."""
    buddy = m.buddy
    if not buddy.platform or m.starts_at <= booking._clock():  # its time already past
        return []
    at = fmt_when(m.starts_at, buddy.lang, buddy.tz)
    hours = booking.rules.request_ttl_hours
    text = t("lapsed_for_buddy", buddy.lang, expert=m.expert.name, when=at, hours=hours)
    label = t("lapsed_button", buddy.lang, expert=m.expert.name.split()[0], when=at)
    return [Outbound(text, (Button(label, jf_data("reoffer", m.id)),), to=address(buddy))]


def _lapsed_proposals(booking: JourFixe) -> list[Outbound]:
    """Counter-proposals the expert left unanswered past the TTL: both sides hear
    that the proposed time is free again."""
    try:
        lapsed = booking.expire_proposals()
    except BookingError:  # answered meanwhile: the next tick looks again
        return []
    out = []
    for m in lapsed:
        for key, reader, other in (
            ("proposal_lapsed_for_expert", m.expert, m.buddy),
            ("proposal_lapsed_for_buddy", m.buddy, m.expert),
        ):
            if reader.platform:
                when_ = fmt_when(m.proposed_start, reader.lang, reader.tz)
                text = t(key, reader.lang, other=other.name, proposal=when_)
                out.append(Outbound(text, to=address(reader)))
    return out
