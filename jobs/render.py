"""Texts rendered when they are sent, not when they are planned: a reminder says
"heute um 15:00" or "in 10 Minuten" relative to the moment it goes out, in the
recipient's language and time zone. The outbox row keeps what is needed (a text
key, the language, the time zone, the event's moment, the other fields); its
`text` column keeps the planned wording as the fallback.

A timeline push counts in days (`spec_days`): "in 7 Tagen", "morgen", "heute" as
seen on the local day it goes out, so a push sent late after downtime still says
the truth."""

from __future__ import annotations

import json
import logging
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.texts import fmt_when, plural, relative_days, t

__all__ = ["relative_when", "render", "spec", "spec_days"]

log = logging.getLogger(__name__)


def spec(
    key: str, lang: str, tz: ZoneInfo, at: datetime, *, about: dict | None = None, **fields: str
) -> str:
    """What an outbox row stores to render `key` at send time ({when} is filled in then);
    `about`: what else the sender needs to bring the row up to date (a reminder's
    reader, whether it carries a calendar file)."""
    out = {"key": key, "lang": lang, "tz": tz.key, "at": at.isoformat(), "fields": fields}
    return json.dumps({**out, **(about or {})})


def spec_days(key: str, lang: str, tz: ZoneInfo, until: date, **fields: str) -> str:
    """What an outbox row stores to render `key` at send time, {when} counted in days
    to the day `until` ("in 7 Tagen", "morgen", "heute") on the local day it is sent."""
    return json.dumps(
        {"key": key, "lang": lang, "tz": tz.key, "until": until.isoformat(), "fields": fields}
    )


def relative_day(day: date, now: datetime, lang: str, tz: ZoneInfo) -> str:
    """ "in 3 Tagen", "morgen", "heute" as seen on `now`'s local day; a step that has
    begun already (a range of days, a late push) "hat schon begonnen"."""
    left = (day - now.astimezone(tz).date()).days
    return relative_days(left, lang) if left >= 0 else t("timeline_begun", lang)


def relative_when(at: datetime, now: datetime, lang: str, tz: ZoneInfo) -> str:
    """ "jetzt (15:00)", "in 10 Minuten (15:00)", "heute um 15:00", "morgen um 15:00",
    "am Do 03.12. um 15:00" – as seen at `now`."""
    local, today = at.astimezone(tz), now.astimezone(tz).date()
    clock = f"{local:%H:%M}"
    left = at - now
    if left < timedelta(minutes=1):
        return t("reminder_now", lang, time=clock)
    if left <= timedelta(minutes=90):
        return plural("reminder_soon", round(left.total_seconds() / 60), lang, time=clock)
    if local.date() == today:
        return t("reminder_at", lang, time=clock)
    if local.date() == today + timedelta(days=1):
        return t("reminder_tomorrow", lang, time=clock)
    day = fmt_when(at, lang, tz).rsplit(" ", 1)[0]
    return t("reminder_on", lang, day=day, time=clock)


def render(raw: str | None, fallback: str, now: datetime) -> str:
    """The row's text as of `now`; the planned text if there is nothing to render
    (or the stored spec cannot be read – a message late is better than none)."""
    if not raw:
        return fallback
    try:
        s = json.loads(raw)
        tz = ZoneInfo(s["tz"])
        if "until" in s:
            when = relative_day(date.fromisoformat(s["until"]), now, s["lang"], tz)
        else:
            when = relative_when(datetime.fromisoformat(s["at"]), now, s["lang"], tz)
        return t(s["key"], s["lang"], when=when, **s["fields"])
    except (ValueError, KeyError, TypeError):
        log.error("outbox text could not be rendered; the planned text is sent")
        return fallback
