"""Dates, times, durations and plurals in the reader's words.

Moments are aware datetimes; the caller passes the reader's time zone. German and
English only need "one" and "other" plural forms: `plural("n_days", 2, "de")`
reads the text `n_days_other`.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.texts.catalogue import t

__all__ = [
    "fmt_date",
    "fmt_day",
    "fmt_duration",
    "fmt_when",
    "plural",
    "relative_days",
    "time_before",
    "weekday_name",
]

_DAY_ABBR = {
    "de": ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def plural(key: str, n: int, lang: str, **fields: object) -> str:
    return t(f"{key}_{'one' if n == 1 else 'other'}", lang, n=n, **fields)


def weekday_name(weekday: int, lang: str) -> str:
    return _DAY_ABBR.get(lang, _DAY_ABBR["de"])[weekday]


def fmt_when(moment: datetime, lang: str, tz: ZoneInfo) -> str:
    """A moment in the reader's words: "Di 03.03. 10:00" / "Tue 3 Mar 10:00"."""
    local = moment.astimezone(tz)
    day = weekday_name(local.weekday(), lang)
    if lang == "en":
        return f"{day} {local.day} {_MONTH_ABBR[local.month - 1]} {local:%H:%M}"
    return f"{day} {local:%d.%m. %H:%M}"


def fmt_date(day: date, lang: str) -> str:
    """ "03.03.2026" / "3 Mar 2026"."""
    return (
        f"{day.day} {_MONTH_ABBR[day.month - 1]} {day.year}" if lang == "en" else f"{day:%d.%m.%Y}"
    )


def fmt_day(day: date, lang: str) -> str:
    """A program date in a reminder: "03.05.2023" / "2023-05-03"."""
    return f"{day:%Y-%m-%d}" if lang == "en" else f"{day:%d.%m.%Y}"


def fmt_duration(minutes: int, lang: str) -> str:
    """A reminder offset: "1 Tag", "2 days", "3 h", "90 min"."""
    if minutes % 1440 == 0:
        return plural("n_days", minutes // 1440, lang)
    return f"{minutes // 60} h" if minutes % 60 == 0 else f"{minutes} min"


def time_before(minutes: int, lang: str) -> str:
    """How far ahead an event is: "morgen", "in 3 Tagen", "in 2 Stunden", "in 30 Minuten"."""
    if minutes % 1440 == 0:
        return relative_days(minutes // 1440, lang)
    if minutes % 60 == 0:
        return plural("in_n_hours", minutes // 60, lang)
    return plural("in_n_minutes", minutes, lang)


def relative_days(n: int, lang: str) -> str:
    """ "heute", "morgen", "in 3 Tagen" / "today", "tomorrow", "in 3 days"."""
    if n == 0:
        return t("today", lang)
    if n == 1:
        return t("tomorrow", lang)
    return t("in_n_days", lang, n=n)
