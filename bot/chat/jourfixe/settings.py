"""A buddy's free times, absences and Jour Fixe length; everyone's reminder times."""

from __future__ import annotations

import re

from bot.booking.base import BookingError
from bot.booking.timeparse import TimeParseError, parse_dates, parse_windows
from bot.chat.handlers import Context
from bot.chat.jourfixe.common import booking, refusal
from bot.messages import Outbound
from bot.texts import fmt_date, fmt_duration, t, weekday_name

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
    return [Outbound(_windows_text(ctx))]


# -- reminders before meetings ----------------------------------------------------------
_DURATION = re.compile(r"^(\d{1,3})\s*(d|t|tag|tage|h|std|m|min)$")
_UNIT_MINUTES = {
    "d": 1440,
    "t": 1440,
    "tag": 1440,
    "tage": 1440,
    "h": 60,
    "std": 60,
    "m": 1,
    "min": 1,
}


def reminder_times(ctx: Context) -> list[Outbound]:
    """/vorher 24h 1h – when to be reminded before each Jour Fixe."""
    service, me = booking(ctx), ctx.who.person_id
    if not ctx.args:
        current = ", ".join(fmt_duration(m, ctx.lang) for m in service.reminder_minutes(me))
        return [Outbound(t("before_usage", ctx.lang, current=current or "–"))]
    minutes = []
    for arg in ctx.args[:3]:
        m = _DURATION.match(arg.lower().strip(","))
        if not m or not 0 < int(m.group(1)) * _UNIT_MINUTES[m.group(2)] <= 14 * 1440:
            return [Outbound(t("before_usage", ctx.lang, current=arg))]
        minutes.append(int(m.group(1)) * _UNIT_MINUTES[m.group(2)])
    service.set_reminders(me, minutes)
    times = ", ".join(fmt_duration(m, ctx.lang) for m in sorted(minutes, reverse=True))
    return [Outbound(t("before_set", ctx.lang, times=times))]
