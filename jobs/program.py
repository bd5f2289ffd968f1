"""The program over time, pure: milestone dates in the call's own words, texts with
milestone placeholders rendered from an edition, the state of the call on a day,
and the days on which no push goes out.

One place per date: answers and reminder texts say `{deadline}` or
`{pre_talks.start}`, and the edition gives the day. A milestone the call dates only
by month ("im Oktober 2023", "bis Anfang August") is never written as a day.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, datetime, timedelta
from enum import Enum
from functools import cache
from typing import Protocol
from zoneinfo import ZoneInfo

from bot.texts import relative_days, t
from jobs.editions import EditionData, MilestoneData

__all__ = [
    "COMPUTED",
    "Answerable",
    "CallState",
    "answer_text",
    "last_day",
    "local_today",
    "call_state",
    "call_closed",
    "long_day",
    "phrase",
    "placeholders",
    "push_day",
    "render",
    "when_phrase",
]

PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)(?:\.(start|end))?\}")
COMPUTED = frozenset({"edition", "program_end", "call_status", "next_call"})

_MONTHS = {
    "de": (
        "Januar", "Februar", "März", "April", "Mai", "Juni",
        "Juli", "August", "September", "Oktober", "November", "Dezember",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip


class Answerable(Protocol):
    """What answer_text needs of an FAQ entry (faq.kb.Entry; jobs does not import faq)."""

    answer: dict[str, str]
    answer_past: dict[str, str] | None
    milestone: str | None
    known_from: str | None
    answer_before: dict[str, str] | None


class CallState(Enum):
    UPCOMING = "upcoming"  # the edition has not started yet
    OPEN = "open"  # applications are taken until the deadline (inclusive)
    CLOSED = "closed"  # the deadline is past, the program runs
    OVER = "over"  # the program has ended


def long_day(day: date, lang: str) -> str:
    """ "3. Mai 2023" / "3 May 2023"."""
    month = _MONTHS.get(lang, _MONTHS["de"])[day.month - 1]
    return f"{day.day} {month} {day.year}" if lang == "en" else f"{day.day}. {month} {day.year}"


def _range(start: date, end: date, lang: str) -> str:
    months = _MONTHS.get(lang, _MONTHS["de"])
    if lang == "en":
        first = (
            f"{start.day}" if start.month == end.month else f"{start.day} {months[start.month - 1]}"
        )
        return f"{first} to {long_day(end, lang)}"
    first = (
        f"{start.day}." if start.month == end.month else f"{start.day}. {months[start.month - 1]}"
    )
    return f"{first} bis {long_day(end, lang)}"


def phrase(m: MilestoneData, lang: str, part: str | None = None) -> str:
    """The milestone's date as the call gives it, to stand after a preposition the
    text chooses: "3. Mai 2023", "10. bis 17. Mai 2023", "Oktober 2023",
    "Anfang August 2023"; `part` "start" or "end" picks one end of a range."""
    month = f"{_MONTHS.get(lang, _MONTHS['de'])[m.day.month - 1]} {m.day.year}"
    if m.precision == "month":
        return month
    if m.precision == "early_month":
        return f"early {month}" if lang == "en" else f"Anfang {month}"
    if m.precision == "end_month":
        return f"the end of {month}" if lang == "en" else f"Ende {month}"
    if part == "end" and m.until:
        return long_day(m.until, lang)
    if part is None and m.until:
        return _range(m.day, m.until, lang)
    return long_day(m.day, lang)


def end_phrase(edition: EditionData, lang: str) -> str:
    """The program's end as exact as the call gives it: "Ende März 2024" when it ends
    with a step the call dates by its month, else the day ("31. März 2024")."""
    for m in edition.milestones:
        if m.precision != "day" and last_day(m) == edition.ends_on:
            return phrase(m, lang)
    return long_day(edition.ends_on, lang)


def when_phrase(m: MilestoneData, lang: str) -> str:
    """The milestone's date standing alone, with its preposition: "am 3. Mai 2023",
    "im Oktober 2023", "nach dem 17. Mai 2023" (used in pushes)."""
    if m.precision == "month":
        return t("when_month", lang, month=phrase(m, lang))
    if m.precision == "after":
        return t("when_after", lang, day=long_day(m.until or m.day, lang))
    if m.precision in ("early_month", "end_month"):
        month = f"{_MONTHS.get(lang, _MONTHS['de'])[m.day.month - 1]} {m.day.year}"
        return t(f"when_{m.precision}", lang, month=month)
    if m.until:
        return t("when_range", lang, start=phrase(m, lang, "start"), end=phrase(m, lang, "end"))
    return t("when_day", lang, day=long_day(m.day, lang))


def placeholders(template: str) -> set[str]:
    """The milestone keys (and computed names) a text refers to."""
    return {name for name, _ in PLACEHOLDER.findall(template)}


def render(template: str, edition: EditionData | None, lang: str, **computed: str) -> str:
    """Fill in the milestones of `edition` (and computed names such as {call_status});
    a milestone the edition lacks reads "date not yet known", never a guess."""

    def fill(found: re.Match) -> str:
        name, part = found.group(1), found.group(2)
        if name in computed:
            return computed[name]
        if name == "edition" and edition:
            return edition.name
        if name == "program_end" and edition:
            return end_phrase(edition, lang)
        m = edition.milestone(name) if edition else None
        return phrase(m, lang, part) if m else t("date_unknown", lang)

    return PLACEHOLDER.sub(fill, template)


def call_state(edition: EditionData | None, today: date) -> CallState | None:
    """Where the call stands on `today` (a local date); None without an edition."""
    if edition is None:
        return None
    if today > edition.ends_on:
        return CallState.OVER
    deadline = edition.milestone("deadline")
    if deadline and today > (deadline.until or deadline.day):
        return CallState.CLOSED
    if today < edition.starts_on:
        return CallState.UPCOMING
    return CallState.OPEN


def is_holiday(region: str | None, day: date) -> bool:
    """A public holiday of `region` ("DE", "DE-BY"); never without a region."""
    return region is not None and day in _holidays(region, day.year)


@cache
def _holidays(region: str, year: int) -> frozenset[date]:
    import holidays as holiday_data  # ~30 ms; only the planning of pushes needs it

    country, _, subdiv = region.partition("-")
    return frozenset(holiday_data.country_holidays(country, subdiv=subdiv or None, years=year))


def push_day(edition: EditionData, day: date) -> date:
    """`day`, or the last workday before it when no pushes go out that day (Saturday,
    Sunday and public holidays by default; the edition's `no_pushes_on`)."""
    for _ in range(14):  # two weeks of days off in a row is a broken configuration
        quiet = day.weekday() in edition.quiet_weekdays or (
            edition.holidays is not None and day in _holidays(edition.holidays, day.year)
        )
        if not quiet:
            return day
        day -= timedelta(days=1)
    return day


def local_today(edition: EditionData | None, now: datetime) -> date:
    return now.astimezone(ZoneInfo(edition.timezone if edition else "Europe/Berlin")).date()


def call_closed(edition: EditionData | None, now: datetime) -> bool:
    """Whether the call's deadline has passed at `now` (False without an edition)."""
    return call_state(edition, local_today(edition, now)) in (CallState.CLOSED, CallState.OVER)


def last_day(m: MilestoneData) -> date:
    """The day after which a milestone is past, as exact as the call is."""
    if m.precision in ("month", "early_month", "end_month"):
        return m.day.replace(day=monthrange(m.day.year, m.day.month)[1])
    if m.precision == "after":
        return m.day + timedelta(days=14)
    return m.until or m.day


def _status(edition: EditionData | None, today: date, lang: str) -> dict[str, str]:
    state = call_state(edition, today)
    if edition is None or state is None:
        return {"call_status": t("no_edition", lang), "next_call": t("no_edition", lang)}
    deadline = edition.milestone("deadline")
    day = long_day(deadline.day, lang) if deadline else t("date_unknown", lang)
    fields = {"edition": edition.name, "deadline": day, "end": end_phrase(edition, lang)}
    if state is CallState.OPEN and deadline:
        when = relative_days((deadline.day - today).days, lang)
        status = t("call_open", lang, when=when, deadline=day)
    elif state in (CallState.OPEN, CallState.UPCOMING):
        status = t("call_upcoming", lang, **fields)
    else:
        status = t(f"call_{state.value}", lang, **fields)
    key = {CallState.OPEN: "next_call_open", CallState.UPCOMING: "next_call_upcoming"}
    if state is CallState.OPEN and deadline:  # "morgen, der 3. Mai 2023", as the status says
        fields["when"] = relative_days((deadline.day - today).days, lang)
    upcoming = t(key.get(state, "next_call_unknown"), lang, **fields)
    return {"call_status": status, "next_call": upcoming}


def not_known_yet(entry: Answerable, edition: EditionData | None, today: date) -> bool:
    """Whether what the entry says is not yet so on `today` (the five chosen, before the
    first day of its `known_from` milestone): its `answer_before` is the answer then."""
    if not (entry.known_from and entry.answer_before and edition):
        return False
    m = edition.milestone(entry.known_from)
    return m is not None and today < m.day


def answer_text(entry: Answerable, lang: str, edition: EditionData | None, now: datetime) -> str:
    """The entry's answer as true at `now`: the edition's dates, the right tense, a
    word when the date is near, and a note when the program is over."""
    today = local_today(edition, now)
    m = edition.milestone(entry.milestone) if edition and entry.milestone else None
    past = m is not None and today > last_day(m)
    template = entry.answer_past[lang] if past and entry.answer_past else entry.answer[lang]
    if not_known_yet(entry, edition, today):
        template = entry.answer_before[lang]
    text = render(template, edition, lang, **_status(edition, today, lang))
    if placeholders(entry.answer[lang]) & {"call_status", "next_call"}:
        return text  # the state of the call is the whole answer
    if m is not None and not past and m.precision == "day" and 0 <= (m.day - today).days <= 7:
        text += " " + t("date_near", lang, when=relative_days((m.day - today).days, lang))
    dated = m is not None or bool(placeholders(entry.answer[lang]))
    if dated and edition and call_state(edition, today) is CallState.OVER:
        end = end_phrase(edition, lang)
        text += "\n\n" + t("program_over_note", lang, edition=edition.name, end=end)
    return text
