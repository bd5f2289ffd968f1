"""A buddy's free times, absences and Jour Fixe length; everyone's reminder times."""

from __future__ import annotations

import re

from bot.booking.base import BookingError
from bot.booking.timeparse import TimeParseError, parse_dates, parse_windows
from bot.chat.handlers import Context
from bot.chat.jourfixe.common import booking, refusal
from bot.chat.jourfixe.meetings import offer_cancel
from bot.messages import Outbound
from bot.texts import fmt_date, fmt_duration, plural, t, weekday_name

__all__ = ["away", "free_times", "length", "reminder_times"]

MAX_AWAY_PERIODS = 50  # current and future periods away of one buddy


# -- buddies: free times ---------------------------------------------------------------
def free_times(ctx: Context) -> list[Outbound]:
    jf, buddy = booking(ctx), ctx.who.person_id
    text = " ".join(ctx.args)
    if text.lower() in ("löschen", "loeschen", "clear"):
        jf.clear_windows(buddy)
        return [Outbound(t("windows_cleared", ctx.lang))]
    if text:
        try:
            jf.set_windows(buddy, parse_windows(text, ctx.now.astimezone(ctx.tz).date()))
        except TimeParseError as exc:
            return refusal(ctx, exc)
    return [Outbound(_windows_text(ctx))]


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
    if len(jf.availability(ctx.who.person_id)[1]) >= MAX_AWAY_PERIODS:
        return [Outbound(t("too_many_away", ctx.lang, limit=MAX_AWAY_PERIODS))]
    jf.add_off(ctx.who.person_id, first, last)
    replies = [Outbound(_windows_text(ctx))]
    return replies + _during(ctx, first, last, none=False)


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
