"""What the Jour Fixe handlers share: the service, times in the reader's words,
refusals, slot buttons, notices to the other side with calendar files."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from itertools import pairwise

from bot.booking.base import BookingError, MeetingView, Party
from bot.booking.buttons import data as jf_data
from bot.booking.service import JourFixe
from bot.booking.timeparse import WEEKDAY, TimeParseError, day_of_month
from bot.chat.handlers import Context
from bot.messages import Address, Attachment, Button, Outbound
from bot.texts import fmt_date, fmt_when, t, weekday_name

__all__ = [
    "BACK_WORDS", "MORE_WORDS", "address", "booking", "both_sides", "calendar", "day_filter", "day_in",
    "Files", "decision_buttons", "ics", "notice", "place_line", "reason_note", "refusal", "series_note",
    "choices_kept", "holiday_note",
    "slot_buttons", "when",
]  # fmt: skip

MORE_WORDS = {
    "mehr", "weitere", "weiter", "andere", "noch mehr", "mehr termine", "weitere termine",
    "andere termine", "more", "more slots", "next", "others", "other times", "show more",
}  # fmt: skip


BACK_WORDS = {"zurück", "zurueck", "vorherige", "vorige", "back", "previous", "go back"}


def booking(ctx: Context) -> JourFixe:
    return ctx.services.booking


def when(ctx: Context, moment: datetime, reader: Party | None = None) -> str:
    """A moment for the sender, or for `reader` (the other side) in their language and zone."""
    if reader is None:
        return fmt_when(moment, ctx.lang, ctx.tz)
    return fmt_when(moment, reader.lang, reader.tz)


def refusal(ctx: Context, exc: BookingError | TimeParseError) -> list[Outbound]:
    if isinstance(exc, TimeParseError):
        return [Outbound(t(exc.key, ctx.lang, text=exc.text))]
    if exc.key == "slot_taken":
        if not exc.alternatives:
            return [Outbound(t("slot_taken_none", ctx.lang))]
        return [Outbound(t("slot_taken", ctx.lang), slot_buttons(ctx, exc.alternatives, "slot"))]
    fields = dict(exc.fields)
    if "state" in fields:  # a meeting's state in the reader's words
        fields["state"] = t(f"meeting_state_{fields['state']}", ctx.lang)
    return [Outbound(t(exc.key, ctx.lang, **fields))]


def slot_buttons(ctx: Context, slots, *action: str | int) -> tuple[Button, ...]:
    return tuple(Button(when(ctx, s), jf_data(*action, int(s.timestamp()))) for s in slots)


def choices_kept(buttons: tuple[Button, ...]) -> dict:
    """What a picker keeps of the choices it showed (their data, in order): a number
    typed after another reply closed the chat's choices ("3" after an FAQ answer in the
    middle of /jourfixe) is still read against them (see context.numbered)."""
    return {"choices": [b.data for b in buttons]}


def address(party: Party) -> Address | None:
    return Address(party.platform, party.chat_id, party.name) if party.platform else None


def notice(ctx: Context, party: Party, text: str, **kw) -> list[Outbound]:
    """A message for the other side, or a hint to the sender if they are not linked."""
    to = address(party)
    if to is None:
        return [Outbound(t("not_linked", ctx.lang, name=party.name))]
    return [Outbound(text, to=to, **kw)]


Files = Callable[[Party], tuple[Attachment, ...]]


def ics(ctx: Context, m: MeetingView, cancelled: bool = False) -> Files:
    return calendar(ctx, [m], cancelled)


def calendar(ctx: Context, meetings: list[MeetingView], cancelled: bool = False) -> Files:
    """The calendar file about these meetings (a series as one repeating event), made
    for each reader: in their language, with the pair's meeting place. The first
    reader's call makes the files of both sides (in their languages) in one read."""
    ids = [m.id for m in meetings]
    langs = [p.lang for m in meetings[:1] for p in (m.expert, m.buddy)]
    made: dict[str, tuple[Attachment, ...]] = {}

    def files(reader: Party) -> tuple[Attachment, ...]:
        if reader.lang not in made:
            got = booking(ctx).calendar_files(ids, [*langs, reader.lang], cancelled=cancelled)
            made.update((lang, (Attachment(*file),)) for lang, file in got.items())
        return made[reader.lang]

    return files


def place_line(place: str | None, lang: str) -> str:
    """ "\nOrt: …" when the pair has set where they meet, else ""."""
    return t("place_line", lang, place=place) if place else ""


def series_note(ctx: Context, meetings: list[MeetingView], lang: str) -> str:
    """ " (alle 2 Wochen, 5 Termine bis 16.02.2027)" for a series, else ""."""
    if len(meetings) < 2:
        return ""
    until = fmt_date(meetings[-1].starts_at.astimezone(ctx.tz).date(), lang)
    # the rhythm asked for (a weekly series with dates left out is still weekly)
    weeks = meetings[0].series_id and booking(ctx).series_interval(meetings[0].id)
    if not weeks:
        days = [m.starts_at.astimezone(ctx.tz).date() for m in meetings]
        weeks = max(1, round(min((b - a).days for a, b in pairwise(days)) / 7))
    rhythm = t("every_week", lang) if weeks == 1 else t("every_n_weeks", lang, n=weeks)
    return t("series_note_rhythm", lang, rhythm=rhythm, n=len(meetings), until=until)


_HOLIDAYS = ((12, 24), (12, 25), (12, 26), (12, 31), (1, 1))  # when offices are mostly closed


def holiday_note(ctx: Context, meetings: list[MeetingView], lang: str, ask: bool = True) -> str:
    """ "\nDarunter: Do 24.12. (Heiligabend), …" when meetings fall on such days (`ask`:
    with "Passt das?", for the buddy who decides)."""
    hits = []
    for m in meetings:
        local = m.starts_at.astimezone(ctx.tz)
        if (local.month, local.day) in _HOLIDAYS:
            name = t(f"holiday_{local.month:02d}{local.day:02d}", lang)
            hits.append(f"{when(ctx, m.starts_at, _reader(m, lang))} ({name})")
    key = "holiday_note" if ask else "holiday_note_told"
    return t(key, lang, days=", ".join(hits)) if hits else ""


def _reader(m: MeetingView, lang: str) -> Party:
    """Whichever side reads in `lang` (the dates in their words)."""
    return m.buddy if m.buddy.lang == lang else m.expert


def decision_buttons(m: MeetingView, lang: str) -> tuple[Button, ...]:
    return (
        Button(t("confirm", lang), jf_data("yes", m.id), confirms=True),
        Button(t("decline", lang), jf_data("no", m.id)),
    )


def both_sides(ctx: Context, m: MeetingView, key: str, files: Files, **fields) -> list[Outbound]:
    """The same news for both sides of a meeting, each in their language."""
    me, other = (
        (m.expert, m.buddy) if ctx.who.person_id == m.expert.person_id else (m.buddy, m.expert)
    )
    mine = Outbound(
        t(
            key,
            ctx.lang,
            when=when(ctx, m.starts_at),
            other=other.name,
            by="",
            **{k: v(None) for k, v in fields.items()},
        ),
        files=files(me),
    )
    theirs = t(
        key,
        other.lang,
        when=when(ctx, m.starts_at, other),
        other=me.name,
        by=t("by_other", other.lang, name=me.name),
        **{k: v(other) for k, v in fields.items()},
    )
    return [mine] + notice(ctx, other, theirs, files=files(other))


def reason_note(reason: str, name: str, lang: str) -> str:
    """The sender's own words, passed on to the other side ("" if there are none)."""
    return t("reason_note", lang, name=name, reason=reason[:300]) if reason else ""


_WEEK_WORDS = {
    "nächste woche": 1, "naechste woche": 1, "kommende woche": 1, "next week": 1,
    "diese woche": 0, "this week": 0, "übernächste woche": 2, "week after next": 2,
}  # fmt: skip
_DAY_WORDS = {
    "heute": 0, "today": 0, "morgen": 1, "tomorrow": 1, "übermorgen": 2,
    # "den heutigen Termin", "today's meeting", "das morgige Treffen"
    "heutige": 0, "heutigen": 0, "heutiges": 0, "todays": 0,
    "morgige": 1, "morgigen": 1, "morgiges": 1, "tomorrows": 1,
}  # fmt: skip
# holidays named as days (the days holiday_note names), German and English
_HOLIDAY_WORDS = {
    **dict.fromkeys(("heiligabend", "heilig abend", "weihnachtsabend", "christmas eve"), ((12, 24),)),
    **dict.fromkeys(("weihnachten", "weihnachtstage"), ((12, 24), (12, 25), (12, 26))),
    **dict.fromkeys(("christmas", "christmas day", "1 weihnachtstag", "erster weihnachtstag"), ((12, 25),)),
    **dict.fromkeys(("boxing day", "2 weihnachtstag", "zweiter weihnachtstag"), ((12, 26),)),
    **dict.fromkeys(("silvester", "new years eve", "nye"), ((12, 31),)),
    **dict.fromkeys(("neujahr", "new years day", "new year"), ((1, 1),)),
}  # fmt: skip


def day_filter(text: str, today: date, lang: str) -> tuple[set[date] | None, str]:
    """The days a person asks for ("Do", "donnerstags", "nächste Woche", "17.12.",
    "tomorrow") and how to name them; (None, "") if the text names no day."""
    text = re.sub(r"\s+", " ", text.lower().strip(" ,!?"))
    nth = re.fullmatch(
        r"(?:(?:am|den|on the|the|on) )?(\d{1,2})(st|nd|rd|th)|(?:am|den) (\d{1,2})\.", text
    )
    if nth:  # "am 15.", "the 15th": the next date with that day of the month
        try:
            day = day_of_month(int(nth[1] or nth[3]), today)
        except ValueError:
            return None, ""
        return {day}, t("on_weekday", lang, day=fmt_date(day, lang))
    if (named_day := _weekday_and_number(text, today)) is not None:
        return {named_day}, t("on_weekday", lang, day=fmt_date(named_day, lang))
    text = text.strip(".")
    text = re.sub(r"^(am|an|on|for|für|fuer|in der|in the)\s+", "", text)
    if text in _WEEK_WORDS:
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=_WEEK_WORDS[text])
        key = "this_week" if _WEEK_WORDS[text] == 0 else "next_week"
        label = t(key, lang) if _WEEK_WORDS[text] < 2 else text
        return {monday + timedelta(days=n) for n in range(7)}, label
    if text in _DAY_WORDS:
        day = today + timedelta(days=_DAY_WORDS[text])
        return {day}, t("on_weekday", lang, day=fmt_date(day, lang))
    if text in _HOLIDAY_WORDS:  # "Heiligabend", "new year's eve": the next one
        days = set()
        for month, number in _HOLIDAY_WORDS[text]:
            day = date(today.year, month, number)
            days.add(day if day >= today else day.replace(year=today.year + 1))
        first = min(days)
        days = {d for d in days if d.year == first.year or d.month == 1}
        label = ", ".join(fmt_date(d, lang) for d in sorted(days))
        return days, t("on_weekday", lang, day=label)
    if text.strip(".") in WEEKDAY:
        weekday = WEEKDAY[text.strip(".")]
        days = {
            today + timedelta(days=n) for n in range(36) if (today.weekday() + n) % 7 == weekday
        }
        return days, t("on_weekday", lang, day=weekday_name(weekday, lang))
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.?(\d{2,4})?", text)
    named = re.fullmatch(
        r"(\d{1,2})(?:st|nd|rd|th)?\.? (?:of )?([a-zä]+)|([a-zä]+) (\d{1,2})(?:st|nd|rd|th)?", text
    )
    if named:  # "10 dec", "10. Dezember", "december 10th"
        number, word = (named[1], named[2]) if named[1] else (named[4], named[3])
        month = _MONTH_WORDS.get(word)
        m = re.fullmatch(r"(\d+)\.(\d+)\.", f"{number}.{month}.") if month else None
    if m:
        try:
            day = date(today.year, int(m.group(2)), int(m.group(1)))
        except ValueError:
            return None, ""
        if day < today:
            day = day.replace(year=today.year + 1)
        return {day}, t("on_weekday", lang, day=fmt_date(day, lang))
    return None, ""


_WEEKDAY_NTH = re.compile(
    r"(?:(?:am|on) )?([a-z]+)\.?,? (?:(?:den|the|on the) )?(\d{1,2})(?:st|nd|rd|th|\.)"
)


def _weekday_and_number(text: str, today: date) -> date | None:
    """ "thursday the 19th", "Do, 19.", "donnerstag den 19.": the next 19th that is a
    Thursday (within a year); None for other words or when no 19th is one."""
    m = _WEEKDAY_NTH.fullmatch(text)
    if m is None or m[1] not in WEEKDAY or m[1] in _NOT_DAYS:
        return None
    start = today
    for _ in range(13):
        try:
            day = day_of_month(int(m[2]), start)
        except ValueError:
            return None
        if day.weekday() == WEEKDAY[m[1]]:
            return day
        start = day + timedelta(days=1)
    return None


_MONTH_WORDS = {
    word: n
    for n, words in enumerate(
        (
            "jan january januar", "feb february februar", "mar march mär märz",
            "apr april", "may mai", "jun june juni", "jul july juli", "aug august",
            "sep sept september", "oct october okt oktober", "nov november",
            "dec december dez dezember",
        ),
        1,
    )
    for word in words.split()
}  # fmt: skip
_DATE_WORD = re.compile(r"\d{1,2}\.\d{1,2}\.?(\d{2,4})?")  # "10.12." keeps its dot
_NTH = re.compile(r"\d{1,2}\.")  # "am 15.": the dot makes the number a day
_NOT_DAYS = {"die", "mit", "so", "son", "sam", "fre", "don"}  # plain words too


def day_in(text: str, today: date, lang: str) -> tuple[set[date], str, str] | None:
    """The days named anywhere in a sentence ("lieber Donnerstag", "next week?",
    "ich kann am 10.12. nicht"): (days, how to name them, the words that named
    them), or None. Words that are also plain words ("die", "so") are no days,
    nor is the English "do" ("do you have …")."""
    low = re.sub(r"['’]s\b", "s", text.lower())  # "new year's eve"
    words = re.findall(r"[\wäöüß]+\.?(?:\d{1,2}\.(?:\d{2,4})?)?", low)
    words = [w if _DATE_WORD.fullmatch(w) or _NTH.fullmatch(w) else w.rstrip(".") for w in words]
    words = [  # jf14: "Donnerstag der 19." as "Donnerstag den 19." (that date, not every Thursday)
        "den" if w in ("der", "dem") and _after_weekday(words, i) else w
        for i, w in enumerate(words)
    ]
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            phrase = " ".join(words[i : i + size])
            if phrase in _NOT_DAYS or phrase == "do" and lang != "de":
                continue
            days, label = day_filter(phrase, today, lang)
            if days is not None:
                return days, label, phrase
    return None


def _after_weekday(words: list[str], i: int) -> bool:
    """words[i] stands between a weekday and a day of the month ("donnerstag der 19.")."""
    return (
        0 < i < len(words) - 1
        and words[i - 1] in WEEKDAY
        and words[i - 1] not in _NOT_DAYS
        and _NTH.fullmatch(words[i + 1]) is not None
    )


def same_day_note(ctx: Context, moment: datetime) -> str:
    """ "Sie haben an dem Tag schon einen Jour Fixe …": an expert booking a second
    meeting on a day that already has one with the buddy hears so before it is sent
    (tryout5 J1: a move wish opened the booking and nobody said a word). "" otherwise."""
    if ctx.who is None:
        return ""
    day = moment.astimezone(ctx.tz).date()
    try:
        ahead = booking(ctx).upcoming(ctx.who.person_id, limit=100)
    except BookingError:
        return ""
    same = [
        m for m in ahead if m.starts_at.astimezone(ctx.tz).date() == day and m.starts_at != moment
    ]
    if not same:
        return ""
    m = same[0]
    return t("same_day_note", ctx.lang, buddy=m.buddy.name, when=when(ctx, m.starts_at))
