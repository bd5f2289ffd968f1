"""Read times people type, German or English: "Di 10-12, Do 14-16",
"dienstags 10 bis 12 Uhr", "Tue 10am-12pm", "12.03. 14:00", "Do 14:00".

Everything here is local wall-clock time; callers attach the time zone.
A text that cannot be read raises `TimeParseError` with an example to copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

__all__ = [
    "Found", "TimeParseError", "Window", "day_of_month", "find", "find_hour", "find_moment", "find_moment_in", "parse_dates",
    "parse_moment", "parse_windows",
]  # fmt: skip

_DAYS = {
    0: ("mo", "mon", "montag", "montags", "monday", "mondays"),
    1: ("di", "die", "dienstag", "dienstags", "tue", "tues", "tuesday", "tuesdays"),
    2: ("mi", "mit", "mittwoch", "mittwochs", "wed", "wednesday", "wednesdays"),
    3: ("do", "don", "donnerstag", "donnerstags", "thu", "thur", "thurs", "thursday", "thursdays"),
    4: ("fr", "fre", "freitag", "freitags", "fri", "friday", "fridays"),
    5: ("sa", "sam", "samstag", "samstags", "sat", "saturday", "saturdays"),
    6: ("so", "son", "sonntag", "sonntags", "sun", "sunday", "sundays"),
}
WEEKDAY = {name: day for day, names in _DAYS.items() for name in names}
_CLOCK = r"(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|uhr|h)?"
_RANGE = re.compile(rf"^{_CLOCK}\s*(?:-|–|bis|to|until)\s*{_CLOCK}$")
_SINGLE = re.compile(rf"^{_CLOCK}$")
_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2,4})?$")
MAX_WINDOWS = 20  # windows in one /frei
MAX_AHEAD = timedelta(days=2 * 366)  # dates further ahead are typos (e.g. 9999)
MAX_AWAY = timedelta(days=366)  # days away in one go


class TimeParseError(ValueError):
    """`key` names the example text to show (bot.texts)."""

    def __init__(self, key: str, text: str) -> None:
        super().__init__(f"{key}: {text!r}")
        self.key = key
        self.text = text


@dataclass(frozen=True)
class Window:
    """A time window: weekly on `weekday`, or once on `day`."""

    start: time
    end: time
    weekday: int | None = None
    day: date | None = None


def _clock(hour: str, minute: str | None, suffix: str | None) -> time:
    h, m = int(hour), int(minute or 0)
    if suffix == "pm" and h < 12:
        h += 12
    if suffix == "am" and h == 12:
        h = 0
    if h == 24 and m == 0:
        return time(23, 59)
    if not (0 <= h <= 23 and 0 <= m <= 59):
        raise ValueError
    return time(h, m)


def _range(text: str) -> tuple[time, time]:
    m = _RANGE.match(text.strip())
    if not m:
        raise ValueError
    h1, m1, s1, h2, m2, s2 = m.groups()
    if s1 is None and s2 in ("am", "pm"):  # "10-12pm": the suffix belongs to both
        s1 = s2 if int(h1) <= int(h2) else "am"
    start, end = _clock(h1, m1, s1), _clock(h2, m2, s2)
    if end <= start:
        raise ValueError
    return start, end


def _date(text: str, today: date) -> date:
    """A date from today on and at most two years ahead (TimeParseError otherwise)."""
    m = _DATE.match(text)
    if not m:
        raise ValueError
    d, mo, y = int(m.group(1)), int(m.group(2)), m.group(3)
    if y:
        found = date(int(y) + (2000 if len(y) == 2 else 0), mo, d)
    else:
        candidate = date(today.year, mo, d)
        found = candidate if candidate >= today else date(today.year + 1, mo, d)
    if found < today:
        raise TimeParseError("date_past", text)
    if found > today + MAX_AHEAD:
        raise TimeParseError("date_far", text)
    return found


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower()).strip()


def parse_windows(text: str, today: date) -> list[Window]:
    """Comma-separated windows: weekday + range, or date + range."""
    windows = []
    parts = [p for p in (p.strip() for p in _clean(text).split(",")) if p]
    if len(parts) > MAX_WINDOWS:
        raise TimeParseError("too_many_windows", str(MAX_WINDOWS))
    for part in parts:
        head, _, rest = part.partition(" ")
        try:
            start, end = _range(rest.replace("uhr", "").strip())
            if head.strip(".") in WEEKDAY:
                windows.append(Window(start, end, weekday=WEEKDAY[head.strip(".")]))
            else:
                windows.append(Window(start, end, day=_date(head, today)))
        except TimeParseError:
            raise
        except ValueError:
            raise TimeParseError("example_windows", part) from None
    if not windows:
        raise TimeParseError("example_windows", text)
    return _merged(windows)


def _merged(windows: list[Window]) -> list[Window]:
    """Duplicate and overlapping windows of the same day become one."""
    out: list[Window] = []
    key = lambda w: (w.weekday is None, w.weekday or 0, w.day or date.min, w.start)  # noqa: E731
    for w in sorted(windows, key=key):
        last = out[-1] if out else None
        if last and (last.weekday, last.day) == (w.weekday, w.day) and w.start <= last.end:
            out[-1] = Window(last.start, max(last.end, w.end), weekday=w.weekday, day=w.day)
        else:
            out.append(w)
    return out


def parse_moment(text: str, now: datetime) -> datetime:
    """One local moment (naive): "12.03. 14:00", "Do 14:00", "Thu 2pm"."""
    head, _, rest = _clean(text).partition(" ")
    try:
        clock_m = _SINGLE.match(rest.replace("uhr", "").strip())
        if not clock_m:
            raise ValueError
        at = _clock(*clock_m.groups())
        if head.strip(".") in WEEKDAY:
            ahead = (WEEKDAY[head.strip(".")] - now.weekday()) % 7
            day = now.date() + timedelta(days=ahead)
            if ahead == 0 and at <= now.time():
                day += timedelta(days=7)
        else:
            day = _date(head, now.date())
        moment = datetime.combine(day, at)
    except TimeParseError:
        raise
    except ValueError:
        raise TimeParseError("example_moment", text) from None
    if moment <= now.replace(tzinfo=None):
        raise TimeParseError("date_past", text)
    return moment


_DAY_WORD = "|".join(sorted(WEEKDAY, key=len, reverse=True))
_RELATIVE = {"heute": 0, "today": 0, "morgen": 1, "tomorrow": 1, "übermorgen": 2}
_STRICT_CLOCK = (
    r"(?P<sh>\d{1,2})(?:[:.](?P<sm>\d{2})\s*(?P<ss>am|pm|uhr|h)?|\s*(?P<ss2>am|pm|uhr)\b)"
)
_AMBIGUOUS_DAYS = {"die", "mit", "so", "son", "sam", "fre", "don"}  # also plain words
_LOOSE_CLOCK = (
    r"(?P<lh>\d{1,2})(?:[:.](?P<lm>\d{2}))?\s*(?P<ls>am|pm|uhr|h)?(?![\d.])(?!st|nd|rd|th)"
    r"(?!\s*(?:jan|feb|mar|mär|apr|may|mai|jun|jul|aug|sep|oct|okt|nov|dec|dez))"
)
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "mär": 3, "apr": 4, "may": 5, "mai": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "okt": 10, "nov": 11, "dec": 12, "dez": 12,
}  # fmt: skip
_MONTH_WORD = r"(?:jan|feb|mar|mär|apr|may|mai|jun|jul|aug|sep|oct|okt|nov|dec|dez)[a-zäz]*\.?"
_MOMENT = re.compile(
    rf"(?:\b(?P<wd>{_DAY_WORD}|übermorgen|heute|morgen|today|tomorrow)\b\.?,?\s*)?"
    r"(?:(?P<pre>den|am|the|on the|on)\s+)?"
    r"(?:(?P<d>\d{1,2})\.(?P<mo>\d{1,2})\.(?P<y>\d{2,4})?\s*"
    rf"|(?P<d2>\d{{1,2}})(?:\.|st|nd|rd|th)?\s*(?:of\s+)?(?P<mon>{_MONTH_WORD})\s*"
    # month first, as English has it: "dec 10 at 3pm", "December 10th, 2026 3 pm"
    rf"|\b(?P<mon4>{_MONTH_WORD})\s*(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?\b(?![.:])"
    r"(?:,?\s+(?P<y4>20\d\d)\b)?,?\s*"
    r"|(?P<d3>\d{1,2})(?:\.|st\b|nd\b|rd\b|th\b)(?!\d)\s*)?"
    r",?\s*(?:\b(?P<at>um|at|ab|gegen)\s+)?"
    rf"(?:{_STRICT_CLOCK}|(?P<loose>{_LOOSE_CLOCK}))"
)
# "um 10", "at 10": a bare number after "um/at/gegen" is an hour, unless a unit follows
# ("um 10 Minuten später", "at 10 people")
_AT_WORDS = {"um", "at", "gegen"}
_UNIT_AFTER = re.compile(
    r"\s*(?:min|minute|minuten|minutes|mins|std|stunden?|hours?|hrs?|tage?n?|days?|wochen?"
    r"|weeks?|monate?n?|months?|prozent|percent|%|euro|eur|€|leute|personen|people|persons"
    r"|mal|times|jahre?n?|years?|termine?n?|meetings?|treffen|kinder|kids|others?|andere\w*"
    r"|sachen|things|x)\b|\s*[%€]"
)
# the English verb "do" after these is no "Do" (Donnerstag): "I could do 3pm", "can we do 11"
_ENGLISH_DO = re.compile(
    r"\b(could|can|would|will|to|we|i|you|shall|should|might|let'?s|'ll|then) do\b(?!\.)"
)
NEAR = range(-2, 5)  # a weekday said about a day: from two days before to four after


@dataclass(frozen=True)
class Found:
    """A moment found in a sentence: the local moment, the text without it, and the
    weekday written beside a date it does not match ("Do 8.12." – a Tuesday), if any."""

    moment: datetime
    rest: str
    clash: int | None = None


def find_moment(
    text: str, now: datetime, default_day: date | None = None, today: date | None = None
) -> datetime | None:
    """A local moment written anywhere in a sentence ("lieber Di 11:00", "no, but Thu
    2pm works", "besser 11 Uhr", "donnerstag den 10. um 14 uhr"), or None. A time
    without a day falls on `default_day` (the day being talked about), a weekday on
    the one near it. A bare number counts as an hour only right after a day ("Do 14"),
    so "2 Wochen" or "Raum 12" are no times."""
    found = find(text, now, default_day, today)
    return found.moment if found else None


def find_moment_in(
    text: str, now: datetime, default_day: date | None = None, today: date | None = None
) -> tuple[datetime, str] | None:
    """Like find_moment, with the rest of the text (lower case) without the time."""
    found = find(text, now, default_day, today)
    return (found.moment, found.rest) if found else None


def day_of_month(number: int, today: date) -> date:
    """The next date with this day of the month ("am 10.", "the 10th"), from today on."""
    year, month = today.year, today.month
    for _ in range(13):
        try:
            day = date(year, month, number)
        except ValueError:
            day = None
        if day is not None and day >= today:
            return day
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    raise ValueError(number)


def _weekday(weekday: int, at: time, now: datetime, near: date | None) -> date:
    """The day a weekday names: the one near the day talked about (if that is still
    ahead), else the next one from now."""
    if near is not None:
        for shift in NEAR:
            day = near + timedelta(days=shift)
            if day.weekday() == weekday and datetime.combine(day, at) > now:
                return day
    ahead = (weekday - now.weekday()) % 7
    day = now.date() + timedelta(days=ahead)
    if ahead == 0 and at <= now.time():
        day += timedelta(days=7)
    return day


def _unit_follows(clean: str, m, g: dict) -> bool:
    """ "morgen 1 std später", "Di 2 Wochen später": a number with a unit after it is
    no time of day ("1 Uhr", "3pm" are)."""
    if g["ls"] in ("uhr", "am", "pm"):
        return False
    if g["ls"] == "h":  # "1 h später": a span; "Di 15 h": a time
        return re.match(r"\s*(später|früher|eher|later|earlier)\b", clean[m.end() :]) is not None
    return _UNIT_AFTER.match(clean, m.end("lm") if g["lm"] else m.end("lh")) is not None


def find(
    text: str, now: datetime, default_day: date | None = None, today: date | None = None
) -> Found | None:
    """The first moment written in `text` (see find_moment), or None. `today`: the
    real date when `now` is a later moment a weekday counts from (a move's notice):
    "heute", "morgen" and dates ("do 02.11.") are read from it, never from `now`."""
    clean = _ENGLISH_DO.sub(r"\1 do_", _clean(text))  # "i could do 3pm": no Thursday
    base = today or now.date()
    for m in _MOMENT.finditer(clean):
        g = m.groupdict()
        if g["d3"] and not (g["pre"] or g["wd"]):  # "um 10." is a time, "am 10." a day
            continue
        if g["pre"] and not (g["d"] or g["d2"] or g["d3"] or g["d4"]):  # "the 10": no day
            continue
        if (
            g["sm"]
            and int(g["sm"]) <= 12
            and clean[m.start("sm") - 1] + clean[m.end("sm") :][:1] == ".."
        ):
            continue  # "am 10.12." is a date, not 10:12
        if g["sh"] is not None:
            hour, minute, suffix = g["sh"], g["sm"], g["ss"] or g["ss2"]
        elif (
            g["loose"]
            and not _unit_follows(clean, m, g)
            and (
                g["d"]
                or g["d2"]
                or g["d3"]
                or g["d4"]
                or g["wd"]
                and g["wd"] not in _AMBIGUOUS_DAYS
                or g["at"] in _AT_WORDS
                and not _UNIT_AFTER.match(clean, m.end("lm") if g["lm"] else m.end("lh"))
            )
        ):
            hour, minute, suffix = g["lh"], g["lm"], g["ls"]
        else:
            continue
        try:
            at = _clock(hour, minute, suffix)
            if g["d"]:
                day = _date(f"{g['d']}.{g['mo']}.{g['y'] or ''}", base)
            elif g["d2"]:
                month = _MONTHS[g["mon"][:3]]
                day = _date(f"{g['d2']}.{month}.", base)
            elif g["d4"]:
                month = _MONTHS[g["mon4"][:3]]
                day = _date(f"{g['d4']}.{month}.{g['y4'] or ''}", base)
            elif g["d3"]:
                day = day_of_month(int(g["d3"]), base)
            elif g["wd"] in _RELATIVE:
                day = base + timedelta(days=_RELATIVE[g["wd"]])
            elif g["wd"]:
                day = _weekday(WEEKDAY[g["wd"]], at, now, default_day)
            elif default_day is not None:
                day = default_day
            else:
                day = now.date() if at > now.time() else now.date() + timedelta(days=1)
        except ValueError:
            continue
        written = WEEKDAY.get(g["wd"] or "")
        dated = g["d"] or g["d2"] or g["d3"] or g["d4"]
        clash = written if dated and written is not None and written != day.weekday() else None
        rest = f"{clean[: m.start()]} {clean[m.end() :]}".replace(" do_", " do").strip()
        return Found(datetime.combine(day, at), rest, clash)
    return None


_BARE_HOUR = re.compile(r"(?<![\w.:#/-])(\d{1,2})(?![\w.:/%€-])")


def find_hour(text: str, now: datetime, default_day: date | None = None) -> Found | None:
    """A bare hour, for where a time is the answer ("no, but 11 would work", "nein,
    lieber 14"): the only number in the text, from 6 to 22, with no unit after it
    ("2 Wochen", "10 Leute") – on `default_day`, else today or tomorrow. None otherwise.
    Callers decide whether a number may be an hour there at all."""
    clean = _clean(text)
    if len(re.findall(r"\d+", clean)) != 1:
        return None
    m = _BARE_HOUR.search(clean)
    if m is None or not 6 <= int(m[1]) <= 22 or _UNIT_AFTER.match(clean, m.end()):
        return None
    at = time(int(m[1]))
    if default_day is not None:
        day = default_day
    else:
        day = now.date() if at > now.time() else now.date() + timedelta(days=1)
    rest = re.sub(r"\s+", " ", f"{clean[: m.start()]} {clean[m.end() :]}").strip()
    rest = re.sub(r"\b(um|at|gegen|ab) (?=\W|$)", "", rest).strip()
    return Found(datetime.combine(day, at), rest)


def parse_dates(text: str, today: date) -> tuple[date, date]:
    """A date or a range of dates: "24.12." or "24.12.-2.1."."""
    parts = [p.strip() for p in re.split(r"\s*(?:-|–|bis|to)\s*(?=\d)", text.strip()) if p.strip()]
    try:
        if len(parts) == 1:
            d = _date(parts[0], today)
            return d, d
        if len(parts) == 2:
            first = _date(parts[0], today)
            last = _date(parts[1], first)
            if last - first > MAX_AWAY:
                raise TimeParseError("away_too_long", text)
            if last >= first:
                return first, last
    except TimeParseError:
        raise
    except ValueError:
        pass
    raise TimeParseError("example_dates", text)
