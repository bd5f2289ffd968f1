"""A buddy's free times, absences and Jour Fixe length; everyone's reminder times."""

from __future__ import annotations

import dataclasses
import re
from datetime import date, time

from bot.booking.base import BookingError
from bot.booking.buttons import data as jf_data
from bot.booking.timeparse import WEEKDAY, TimeParseError, Window, parse_dates, parse_windows
from bot.chat.handlers import Context
from bot.chat.jourfixe.common import booking, refusal, when
from bot.chat.jourfixe.meetings import offer_cancel
from bot.messages import Button, Outbound
from bot.texts import fmt_date, fmt_duration, plural, t, weekday_name

__all__ = ["add_free", "away", "day_off", "free_in_words", "free_times", "length", "reminder_times"]

MAX_AWAY_PERIODS = 50  # current and future periods away of one buddy


# -- buddies: free times ---------------------------------------------------------------
def free_times(ctx: Context) -> list[Outbound]:
    jf, buddy = booking(ctx), ctx.who.person_id
    text = " ".join(ctx.args)
    before = jf.availability(buddy)[0]
    if text.lower() in ("löschen", "loeschen", "clear"):
        jf.clear_windows(buddy)
        return [Outbound(t("windows_cleared", ctx.lang) + _outside_note(ctx, before))]
    if text:
        try:
            jf.set_windows(buddy, parse_windows(text, ctx.now.astimezone(ctx.tz).date()))
        except TimeParseError as exc:
            return refusal(ctx, exc)
        return [Outbound(_windows_text(ctx) + _outside_note(ctx, before))]
    return [Outbound(_windows_text(ctx))]


def _inside(ctx: Context, windows: list[Window], m) -> bool:
    start, end = m.starts_at.astimezone(ctx.tz), m.ends_at.astimezone(ctx.tz)
    day = start.date()
    return end.date() == day and any(
        (w.day == day or w.day is None and w.weekday == day.weekday())
        and w.start <= start.time()
        and end.time() <= w.end
        for w in windows
    )


def _outside_note(ctx: Context, before: list[Window]) -> str:
    """After the free times changed: the confirmed meetings that lay inside the old
    free times and now lie outside the new ones. They stay (nothing is moved or
    cancelled unasked); said with how to move or cancel them. "" when there are none."""
    jf, me = booking(ctx), ctx.who.person_id
    after = jf.availability(me)[0]
    outside = [
        m
        for m in jf.upcoming(me, limit=500)
        if m.state == "confirmed" and _inside(ctx, before, m) and not _inside(ctx, after, m)
    ]
    if not outside:
        return ""
    groups: dict[tuple, list] = {}
    for m in outside:  # a series by its weekday and time, one meeting by its date
        local = m.starts_at.astimezone(ctx.tz)
        key = (m.expert.person_id, m.series_id or -m.id, local.weekday(), local.time())
        groups.setdefault(key, []).append(m)
    lines = []
    for group in groups.values():
        m, name = group[0], group[0].expert.name
        if len(group) == 1:
            lines.append(t("outside_one", ctx.lang, when=when(ctx, m.starts_at), name=name))
            continue
        local = m.starts_at.astimezone(ctx.tz)
        last = group[-1].starts_at.astimezone(ctx.tz).date()
        lines.append(
            t(
                "outside_series",
                ctx.lang,
                day=weekday_name(local.weekday(), ctx.lang),
                at=f"{local:%H:%M}",
                name=name,
                n=len(group),
                last=fmt_date(last, ctx.lang),
            )
        )
    first = outside[0].expert.name.split()[0] if outside[0].expert.name else ""
    listed = "\n".join(f"• {line}" for line in lines)
    return "\n\n" + t("outside_free", ctx.lang, list=listed, name=first)


# "ich kann ab jetzt auch mittwochs 9-11", "I'm also free on wednesdays from 9 to 11 now"
_HOUR = r"\d{1,2}(?:[:.]\d{2})?\s*(?:uhr|am|pm|h)?"
_RANGE = re.compile(
    rf"(?:(?:von|from|zwischen|between)\s+)?({_HOUR}\s*(?:-|–|bis|to|until|and|und)\s*{_HOUR})"
)
_FREE_WORDS = re.compile(
    r"\b(kann|könnte|frei|zeit|verfügbar|erreichbar|free|available|can do|can meet|works? for me"
    r"|passt|auch|also|too|as well|zusätzlich|additionally|ab jetzt|ab sofort|künftig"
    r"|zukünftig|from now on|nur noch)\b"
)
# said while a request waits, a weekday and hours may be a counter-proposal ("nein,
# mittwochs 9-11 ginge auch"): only these words make them free times then
_FROM_NOW_ON = re.compile(
    r"\b(frei|freie zeiten|free|available|verfügbar|ab jetzt|ab sofort|from now on|künftig"
    r"|zukünftig|in future|in the future|nur noch|zusätzlich|additionally|jede woche|every week"
    r"|immer)\b"
)
_ONLY = re.compile(r"\b(nur noch|nur|only|statt|stattdessen|instead)\b")
# "dienstags 10-12 geht nicht mehr": a time taken away, not given (left to /frei)
_NEGATED = re.compile(r"\b(nicht|kein\w*|not|no longer|can'?t|cannot|nie|never)\b|n't\b")
_AMBIGUOUS = {"die", "mit", "so", "son", "sam", "fre", "don"}  # also plain words
MAX_WORDED = 4  # windows in one sentence (a button's data holds them)


def free_in_words(ctx: Context, text: str) -> list[Outbound] | None:
    """A buddy says a weekly free time in words ("ich kann ab jetzt auch mittwochs
    9-11", "I'm also free on wednesdays from 9 to 11 now"): asked first whether to
    add it to the free times (or, said with "nur noch"/"only", to put it in their
    place), showing what the free times would be; one press (or "ja") does it.
    None when the text names no weekday with a time range or no free time."""
    low = text.lower()
    if len(low) > 200 or not _FREE_WORDS.search(low) or "?" in low or _NEGATED.search(low):
        return None
    new = []
    for m in _RANGE.finditer(low):
        span = re.sub(r"\b(and|und)\b", "-", m[1])
        for day in _days_before(low[max(0, m.start() - 40) : m.start()], ctx.lang):
            try:
                new += parse_windows(f"{day} {span}", ctx.now.astimezone(ctx.tz).date())
            except TimeParseError:
                return None
    if not new or len(new) > MAX_WORDED:
        return None
    if booking(ctx).pending(ctx.who.person_id) and not _FROM_NOW_ON.search(low):
        return None  # an answer to the request, read as one
    replace = _ONLY.search(low) is not None
    current = [w for w in booking(ctx).availability(ctx.who.person_id)[0] if w.day is None]
    days = {w.weekday for w in new}
    old = [w for w in current if w.weekday in days]
    # "dienstags nur noch 10-11": that day's times replaced, the other days stay;
    # "nur noch dienstags 10-11" (the day is what is only): all of them replaced
    day_only = replace and bool(old) and _ONLY_DAYS.search(low) is None
    if day_only:
        after = _merge([w for w in current if w.weekday not in days], new)
    else:
        after = new if replace else _merge(current, new)
    if after == current:  # already free then: nothing to ask
        return [Outbound(t("free_already", ctx.lang, windows=_windows_lines(ctx, current)))]
    numbers = [n for w in new for n in (w.weekday, _minutes(w.start), _minutes(w.end))]
    action = "dayfree" if day_only else "setfree" if replace else "addfree"
    key = "free_set_ask" if replace else "free_add_ask"
    said = ", ".join(_window_label(ctx, w) for w in new)
    button = Button(t(f"{key}_button", ctx.lang), jf_data(action, *numbers), confirms=True)
    fields = {"new": said, "windows": _windows_lines(ctx, after)}
    if day_only:
        fields["old"] = ", ".join(_window_label(ctx, w) for w in old)
        key = "free_day_ask"
    return [Outbound(t(key, ctx.lang, **fields), (button,))]


_ONLY_DAYS = re.compile(  # "nur noch dienstags", "only on tuesdays": the days are what is only
    r"\b(nur noch|nur|only|just)\s+(?:(?:frei|free|available)\s+)?(?:(?:am|an|on|the)\s+)?"
    r"(mo|di|mi|do|fr|sa|so|montags?|dienstags?|mittwochs?|donnerstags?|freitags?|samstags?"
    r"|sonntags?|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?)\b"
)


def _days_before(text: str, lang: str) -> list[str]:
    """The weekdays said last before a time range ("mittwochs kann ich auch von",
    "montags und mittwochs"), or []. "Do" counts only right before the range and not
    in English ("Do 14-16"; "I can do fridays 2-4pm" is Friday)."""
    words = re.findall(r"[a-zäöüß]+", text)

    def day(i: int) -> bool:
        word = words[i]
        if word not in WEEKDAY or word in _AMBIGUOUS:
            return False
        return word != "do" or lang != "en" and i == len(words) - 1

    last = next((i for i in range(len(words) - 1, -1, -1) if day(i)), None)
    if last is None:
        return []
    days, i = [words[last]], last - 1
    while i >= 0:  # "montags und mittwochs", "mo, mi"
        if words[i] in ("und", "and", "sowie", "or", "oder") and i > 0 and day(i - 1):
            i -= 1
        elif not day(i):
            break
        days.insert(0, words[i])
        i -= 1
    return days


def add_free(
    ctx: Context, numbers: list[int], replace: bool, day_only: bool = False
) -> list[Outbound]:
    """The buddy pressed "add" (or "replace") after free_in_words: the weekly free times
    with these windows (day, start and end minutes, three numbers each); `day_only`:
    only the times of their weekdays are replaced."""
    try:
        new = [
            Window(time(*divmod(s, 60)), time(*divmod(e, 60)), weekday=d)
            for d, s, e in zip(numbers[::3], numbers[1::3], numbers[2::3], strict=True)
        ]
        if not new or any(not 0 <= w.weekday <= 6 or w.end <= w.start for w in new):
            raise ValueError
    except (ValueError, TypeError):
        return [Outbound(t("stale_choice", ctx.lang))]
    jf = booking(ctx)
    windows = jf.availability(ctx.who.person_id)[0]
    weekly = [w for w in windows if w.day is None]
    if day_only:
        weekly = [w for w in weekly if w.weekday not in {n.weekday for n in new}]
    jf.set_windows(ctx.who.person_id, new if replace and not day_only else _merge(weekly, new))
    return [Outbound(_windows_text(ctx) + _outside_note(ctx, windows))]


def _merge(current: list[Window], new: list[Window]) -> list[Window]:
    out: list[Window] = []
    for w in sorted([*current, *new], key=lambda w: (w.weekday, w.start)):
        last = out[-1] if out else None
        if last and last.weekday == w.weekday and w.start <= last.end:
            out[-1] = Window(last.start, max(last.end, w.end), weekday=w.weekday)
        else:
            out.append(w)
    return out


def _minutes(at: time) -> int:
    return at.hour * 60 + at.minute


def _window_label(ctx: Context, w: Window) -> str:
    return f"{weekday_name(w.weekday, ctx.lang)} {w.start:%H:%M}–{w.end:%H:%M}"


def _windows_lines(ctx: Context, windows: list[Window]) -> str:
    return "\n".join(f"• {_window_label(ctx, w)}" for w in windows) or "–"


def _windows_text(ctx: Context) -> str:
    windows, off = booking(ctx).availability(ctx.who.person_id)
    if not windows and not off:
        return t("windows_none", ctx.lang)
    lines = []
    for w in windows:
        day = weekday_name(w.weekday, ctx.lang) if w.day is None else fmt_date(w.day, ctx.lang)
        lines.append(f"• {day} {w.start:%H:%M}–{w.end:%H:%M}")
    lines += [
        f"• {t('off', ctx.lang, first=fmt_date(a, ctx.lang), last=fmt_date(b, ctx.lang))}"
        for a, b in off
    ]
    return t("windows_now", ctx.lang, windows="\n".join(lines))


def length(ctx: Context) -> list[Outbound]:
    arg = ctx.args[0] if ctx.args else ""
    if not (arg.isascii() and arg.isdigit() and len(arg) <= 4):  # "²" is a digit to isdigit
        return [
            Outbound(
                t("length_usage", ctx.lang, minutes=booking(ctx).slot_minutes(ctx.who.person_id))
            )
        ]
    try:
        booking(ctx).set_slot_minutes(ctx.who.person_id, int(arg))
    except BookingError as exc:
        return refusal(ctx, exc)
    return [Outbound(t("length_set", ctx.lang, minutes=int(arg)))]


def away(ctx: Context) -> list[Outbound]:
    jf = booking(ctx)
    try:
        first, last = parse_dates(" ".join(ctx.args), ctx.now.astimezone(ctx.tz).date())
    except TimeParseError as exc:
        return refusal(ctx, exc)
    known = jf.availability(ctx.who.person_id)[1]
    if (first, last) not in known and len(known) >= MAX_AWAY_PERIODS:
        return [Outbound(t("too_many_away", ctx.lang, limit=MAX_AWAY_PERIODS))]
    if (first, last) not in known:  # said twice ("ich bin vom 21.12. bis 2.1. weg"): once
        jf.add_off(ctx.who.person_id, first, last)
    replies = [Outbound(_windows_text(ctx))]
    return replies + _during(ctx, first, last, none=False)


def day_off(ctx: Context, number: int) -> list[Outbound]:
    """The "<day> als abwesend eintragen" button after a buddy cancelled because of
    illness (jf12, meetings._day_off_offer): that day entered as away, as /urlaub does."""
    try:
        day = date(number // 10000, number // 100 % 100, number % 100)
    except ValueError:
        return [Outbound(t("stale_choice", ctx.lang))]
    return away(dataclasses.replace(ctx, args=[f"{day:%d.%m.%Y}-{day:%d.%m.%Y}"]))


def away_meetings(ctx: Context, span: str) -> list[Outbound]:
    """An expert's days away in words ("ich bin vom 10.1. bis 30.1. nicht da"): not
    stored (slots come from the buddy's free times), but every meeting in them is
    listed and offered to cancel, as the buddy's /urlaub does."""
    try:
        first, last = parse_dates(span, ctx.now.astimezone(ctx.tz).date())
    except TimeParseError as exc:
        return refusal(ctx, exc)
    return _during(ctx, first, last, none=True)


def _during(ctx: Context, first, last, none: bool) -> list[Outbound]:
    """The meetings from `first` to `last`, offered to cancel (the other side is told
    why); `none`: say so when there are none."""
    during = [
        m
        for m in booking(ctx).upcoming(ctx.who.person_id, limit=500)
        if first <= m.starts_at.astimezone(ctx.tz).date() <= last
    ]
    if during:  # meetings already made: listed, and offered to cancel (the other side is told)
        intro = plural("away_meetings", len(during), ctx.lang)
        return offer_cancel(ctx, during, intro, (first.isoformat(), last.isoformat()))
    if none:
        span = {"first": fmt_date(first, ctx.lang), "last": fmt_date(last, ctx.lang)}
        return [Outbound(t("away_no_meetings", ctx.lang, **span))]
    return []


# -- reminders before meetings ----------------------------------------------------------
_UNITS = {
    1440: ("d", "t", "tag", "tage", "tagen", "day", "days"),
    60: ("h", "std", "stunde", "stunden", "hour", "hours", "hr", "hrs"),
    1: ("m", "min", "mins", "minute", "minuten", "minutes"),
}
_UNIT_MINUTES = {name: minutes for minutes, names in _UNITS.items() for name in names}
_DURATION = re.compile(r"(\d{1,4})\s*([a-zäöü]+)")
_OFF = {"aus", "off", "keine", "none", "nie", "never", "0", "stop", "stopp"}


def parse_before(text: str) -> list[int] | None:
    """ "1 Tag 2h 15 min", "3 Tage", "90 min", "1 day, 2 hours" -> minutes, or None if
    any part cannot be read (or is not between 1 minute and 14 days)."""
    text = text.lower().replace(",", " ").replace(";", " ").replace(" und ", " ")
    text = text.replace(" and ", " ")
    minutes, pos = [], 0
    for m in _DURATION.finditer(text):
        if text[pos : m.start()].strip() or m.group(2) not in _UNIT_MINUTES:
            return None
        value = int(m.group(1)) * _UNIT_MINUTES[m.group(2)]
        if not 0 < value <= 14 * 1440:
            return None
        minutes.append(value)
        pos = m.end()
    return minutes if minutes and not text[pos:].strip() else None


def reminder_times(ctx: Context) -> list[Outbound]:
    """/vorher 24h 1h – when to be reminded before each Jour Fixe; /vorher aus."""
    service, me = booking(ctx), ctx.who.person_id
    current = ", ".join(fmt_duration(m, ctx.lang) for m in service.reminder_minutes(me))
    current = current or t("before_none", ctx.lang)
    text = " ".join(ctx.args).strip()
    if not text:
        return [Outbound(t("before_usage", ctx.lang, current=current))]
    if text.lower() in _OFF:
        service.set_reminders(me, [])
        return [Outbound(t("before_off", ctx.lang))]
    minutes = parse_before(text)
    if minutes is None:
        return [Outbound(t("before_error", ctx.lang, text=text[:60], current=current))]
    if len(set(minutes)) > 3:
        return [Outbound(t("before_too_many", ctx.lang, n=len(minutes), current=current))]
    service.set_reminders(me, minutes)
    times = ", ".join(fmt_duration(m, ctx.lang) for m in sorted(set(minutes), reverse=True))
    return [Outbound(t("before_set", ctx.lang, times=times))]
