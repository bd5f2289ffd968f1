"""Figures a question names, checked against the answer: "Gibt es 5000 Euro?" is
answered "Nein" when the answer says EUR 3.000, not "Ja" because it is about money.

A figure is a value of a kind: an amount in euros, a TVöD pay group, a day of a month,
a month, a duration (months or years), a count of something ("10 Projekte" against
"fünf Projekte": the kind is the counted noun). Only kinds that both the question
and the answer name are compared; a question that compares ("mehr als", "at least")
is not decided here, not even by the entry's yes/no terms.

`days_named` reads the days a question names as dates on the calendar, relative to
`today` ("5.5.", "May 5", "morgen", "Freitag", "nächste Woche", "Ende Mai"), for
answers whose truth depends on the day they are read (the deadline).
"""

from __future__ import annotations

import re
import unicodedata
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = [
    "MONTH_NAMES",
    "WEEKDAY_NAMES",
    "NamedDays",
    "confirms",
    "days_named",
    "figures",
    "judge",
    "judge_terms",
    "month_number",
    "numbers",
    "terms",
]

_MONTHS = {
    "januar": 1, "january": 1, "jan": 1, "februar": 2, "february": 2, "feb": 2,
    "marz": 3, "maerz": 3, "march": 3, "mar": 3, "april": 4, "apr": 4, "mai": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6, "juli": 7, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11, "dezember": 12, "december": 12, "dez": 12, "dec": 12,
}  # fmt: skip
_WORD_NUMBERS = {
    "ein": 1, "eine": 1, "einen": 1, "einem": 1, "one": 1, "a": 1, "an": 1,
    "zwei": 2, "two": 2, "drei": 3, "three": 3, "vier": 4, "four": 4, "funf": 5, "five": 5,
    "sechs": 6, "six": 6, "sieben": 7, "seven": 7, "acht": 8, "eight": 8, "neun": 9,
    "nine": 9, "zehn": 10, "ten": 10, "elf": 11, "eleven": 11, "zwolf": 12, "twelve": 12,
}  # fmt: skip
_NUMBER = r"(\d+(?:[.,]\d{3})*|" + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True)) + r")"
_MONTH = r"(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("euro", re.compile(r"(?:€|\beur\b|\beuro\b)\s*(\d+(?:[.,]\d{3})*)")),
    ("euro", re.compile(r"\b(\d+(?:[.,]\d{3})*)\s*(k\s*)?(?:€|eur\b|euros?\b)")),
    (
        "pay_group",
        re.compile(
            r"(?:tvo?e?d|entgeltgruppe|pay group|\beg)\s*(?:entgeltgruppe|pay group|eg|e)?\s*(\d{1,2})\b"
        ),
    ),
    ("pay_group", re.compile(r"(?<![\w.@-])e(\d{1,2})\b(?![.,]\d)")),  # "nach E13"
    ("email", re.compile(r"([\w.+-]+@[\w-]+(?:\.[\w-]+)+)")),
    ("day", re.compile(r"(?<!@)\b(\d{1,2})\.(\d{1,2})\.")),
    ("day", re.compile(r"\b(\d{1,2})(?:\.|st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH)),
    ("day", re.compile(r"\b" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\.?\d)")),
    ("months", re.compile(r"\b" + _NUMBER + r"\s+(?:monate?n?|months?)\b")),
    ("years", re.compile(r"\b" + _NUMBER + r"\s+(?:jahre?n?|years?)\b")),
)
# a count: a number (not an article, not part of a date or an amount) and the noun it
# counts; the noun's first five letters name the kind ("projekte", "projects": "proje")
_COUNT_WORDS = {w: n for w, n in _WORD_NUMBERS.items() if n >= 2}
_COUNT = re.compile(
    r"(?<![\d.,])\b(\d{1,3}(?![\d.,:])|"
    + "|".join(sorted(_COUNT_WORDS, key=len, reverse=True))
    + r")\s+([a-z]{4,})(?:\s+([a-z]{4,}))?"
)
# "ein bis drei Profile", "one to three profiles", "1-3 Profile": every count between
_RANGE = re.compile(
    r"(?<![\d.,])\b" + _NUMBER + r"\s*(?:bis|to|-|–)\s*" + _NUMBER + r"\s+([a-z]{4,})"
    r"(?:\s+([a-z]{4,}))?"
)
_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em", "ed")
_NOT_COUNTED = (
    "monat", "month", "jahr", "year", "woch", "week", "tage", "days", "stund", "hour", "minut",
    "uhr", "euro", "proz", "perc", "mal", "times", "bis", "oder", "und", "sowie", "from",
    "than", "stufe", "level",
)  # fmt: skip
_LENGTHS = ("monat", "month", "jahr", "year")
_HALF_A_YEAR = re.compile(
    r"(?:^|\s)(?:half a year|a half year|half year|half-year|ein halbes jahr|halbes jahr)\b"
)
_MONTH_ALONE = re.compile(r"\b(?:im|in|ab|seit|bis|until|from|since)\s+" + _MONTH)
_COMPARING = re.compile(
    r"\b(?:mehr|weniger|uber|unter|mindestens|hochstens|maximal|bis zu|more|less|fewer|"
    r"over|under|at least|at most|up to|than|als|nach de[mnr]|vor de[mnr]|ab|seit|bis|spater|fruher|after|"
    r"before|since|until|by|later|earlier|instead|statt|oder|or)\b"
)


def _fold(text: str) -> str:
    text = text.lower().replace("ß", "ss")
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def _number(text: str) -> int:
    if text in _WORD_NUMBERS:
        return _WORD_NUMBERS[text]
    return int(re.sub(r"[.,]", "", text))


def month_number(word: str) -> int | None:
    """The month a name or its abbreviation names ("März", "aug", "October"), or None."""
    return _MONTHS.get(_fold(word))


_ANY_NUMBER = re.compile(r"\b" + _NUMBER + r"\b")


def numbers(text: str) -> set[int]:
    """Every number a text names, in digits or words from two up ("fünf", "EUR 3.000",
    "60 bis 90"): "ein"/"a" count nothing."""
    values = {_number(m.group(1)) for m in _ANY_NUMBER.finditer(_fold(text))}
    return {v for v in values if v >= 2}


# days of the month written as words: "am fünften Mai", "der dritte", "May fifth"
_ORDINAL_STEMS_DE = (
    "erst", "zweit", "dritt", "viert", "funft", "sechst", "siebt", "acht", "neunt", "zehnt",
    "elft", "zwolft", "dreizehnt", "vierzehnt", "funfzehnt", "sechzehnt", "siebzehnt",
    "achtzehnt", "neunzehnt", "zwanzigst",
)  # fmt: skip
_ORDINALS_EN = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth",
)  # fmt: skip
_UNITS_DE = ("ein", "zwei", "drei", "vier", "funf", "sechs", "sieben", "acht", "neun")
_ENDINGS_DE = ("e", "en", "er", "em", "es")
_STEMS_DE = {
    **{stem: n for n, stem in enumerate(_ORDINAL_STEMS_DE, 1)},
    **{f"{unit}undzwanzigst": n for n, unit in enumerate(_UNITS_DE, 21)},
    "dreissigst": 30,
    "einunddreissigst": 31,
}
_ORDINAL_DE = {stem + end: n for stem, n in _STEMS_DE.items() for end in _ENDINGS_DE}
_ORDINAL_EN = {
    **{word: n for n, word in enumerate(_ORDINALS_EN, 1)},
    **{f"twenty{sep}{word}": n for n, word in enumerate(_ORDINALS_EN[:9], 21) for sep in " -"},
    "thirtieth": 30,
    "thirty first": 31,
    "thirty-first": 31,
}
ORDINAL_WORDS = frozenset(w for w in (*_ORDINAL_DE, *_ORDINAL_EN) if w.isalpha())
_ORDINAL = re.compile(
    r"\b("
    + "|".join(sorted(map(re.escape, {**_ORDINAL_DE, **_ORDINAL_EN}), key=len, reverse=True))
    + r")\b"
)


def _ordinal(m: re.Match) -> str:
    word = m.group(1)
    return f"{_ORDINAL_DE[word]}." if word in _ORDINAL_DE else f"{_ORDINAL_EN[word]}th"


def _dates_folded(text: str) -> str:
    """Folded, with days written as words in digits ("fünften" -> "5.", "fifth" -> "5th")."""
    return _ORDINAL.sub(_ordinal, _fold(text))


def figures(text: str) -> dict[str, set]:
    """{kind: values} of every figure the text names (a kind only if it names one)."""
    folded = _HALF_A_YEAR.sub(" 6 months", _dates_folded(text))  # "half a year": six months
    found: dict[str, set] = {}
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(folded):
            if kind == "euro":
                value = _number(m.group(1)) * (1000 if m.lastindex == 2 and m.group(2) else 1)
            elif kind == "day":
                a, b = m.group(1), m.group(2)
                if a.isdigit() and b.isdigit():
                    value = (int(a), int(b))
                elif a.isdigit():
                    value = (int(a), _MONTHS[b])
                else:
                    value = (int(b), _MONTHS[a])
                if not (1 <= value[0] <= 31 and 1 <= value[1] <= 12):
                    continue
                found.setdefault("month", set()).add(value[1])
            elif kind == "years":
                kind, value = "months", _number(m.group(1)) * 12
            elif kind == "email":
                value = m.group(1).strip(".")
            else:
                value = _number(m.group(1))
            found.setdefault(kind, set()).add(value)
    for m in _MONTH_ALONE.finditer(folded):
        found.setdefault("month", set()).add(_MONTHS[m.group(1)])
    for m in _RANGE.finditer(folded):
        low, high = _number(m.group(1)), _number(m.group(2))
        if not 0 < low < high <= 100:
            continue
        for noun in _counted(m.group(3), m.group(4)):
            found.setdefault(f"count:{noun[:5]}", set()).update(range(low, high + 1))
    for m in _COUNT.finditer(folded):
        for noun in _counted(m.group(2), m.group(3)):
            found.setdefault(f"count:{noun[:5]}", set()).add(_number(m.group(1)))
    return found


def _counted(word: str, then: str | None) -> list[str]:
    """The nouns a count may count: the word after the number, and the one after that
    when the first looks like an adjective ("drei ausgewählte Profile")."""
    nouns = [w for w in (word,) if w not in _MONTHS and not w.startswith(_NOT_COUNTED)]
    # "drei ausgewählte Profile", "zwei Tage Einführung"; not "6 Monate bleibt" (a length
    # in months or years is a figure of its own)
    adjective = then and word.endswith(_ADJECTIVE_ENDINGS) and not word.startswith(_LENGTHS)
    if adjective and then not in _MONTHS and not then.startswith(_NOT_COUNTED):
        nouns.append(then)
    return nouns


def judge(question: str, answer: str) -> str | None:
    """'no' when a figure the question names differs from every figure of its kind in
    the answer ("5000 Euro?" against EUR 3.000, "im September?" against Oktober 2023);
    'unsure' when such a figure is a bound ("mehr als 5000 Euro?", "nach dem 5.3.?"), so
    neither "Ja" nor "Nein" follows from the words alone; None otherwise (the entry's
    yes/no terms decide: "nach dem 3.5.?" names the call's own date). A matching figure
    proves nothing ("Kann ich mich im Mai bewerben?" when the deadline was in May 2023),
    so there is no 'yes' here."""
    asked = figures(question)
    if not asked:  # most questions name no figure: the answer's need not be read
        return None
    told = figures(answer)
    shared = [kind for kind in asked if kind in told]
    if not shared or all(asked[kind] & told[kind] for kind in shared):
        return None
    return "unsure" if _COMPARING.search(_fold(question)) else "no"


_IDENTIFIERS = ("email",)  # a figure that names one thing: the same one confirms it


def confirms(question: str, answer: str) -> bool:
    """Whether the question names an identifier (an e-mail address) and the answer
    names each one it names exactly: "christine.prokop@lokalprojekte.de richtig?"."""
    asked, told = figures(question), figures(answer)
    named = [kind for kind in _IDENTIFIERS if kind in asked]
    return bool(named) and all(asked[kind] <= told.get(kind, set()) for kind in named)


# -- what a yes/no question adds: a rate, a length in days ---------------------------

# "pro Monat", "per expert", "jede Kommune", "monatlich", "a year": what an amount is per
_RATE_UNITS = {
    "monat": "month", "month": "month", "jahr": "year", "year": "year", "annum": "year",
    "woche": "week", "week": "week", "tag": "day", "day": "day", "projekt": "project",
    "project": "project", "vorhaben": "project", "kommune": "project", "gemeinde": "project",
    "stadt": "project", "landkreis": "project", "municipalit": "project", "city": "project",
    "expert": "expert", "fachkraft": "expert", "stelle": "expert", "person": "person",
    "kopf": "person", "head": "person", "mitarbeit": "person", "employee": "person",
}  # fmt: skip
_TIME_UNITS = ("monat", "month", "jahr", "year", "woche", "week", "tag", "day")
_RATE = re.compile(
    r"\b(?:pro|per|je|jede[nmrs]?|each|every)\s+(?:einzelne[nmrs]?\s+)?("
    + "|".join(_RATE_UNITS)
    + r")|\b(?:a|an|im|in the)\s+("
    + "|".join(_TIME_UNITS)
    + r")\b"
)
_RATE_WORDS = {
    "monatlich": "month", "monthly": "month", "jahrlich": "year", "yearly": "year",
    "annually": "year", "annual": "year", "wochentlich": "week", "weekly": "week",
    "taglich": "day", "daily": "day",
}  # fmt: skip
_RATE_WORD = re.compile(r"\b(" + "|".join(_RATE_WORDS) + r")\b")
# how many days something lasts: "zwei Tage", "eintägig", "one-day", "2-tägige"
_LENGTH_DAYS = re.compile(r"\b" + _NUMBER + r"(?:\s*-\s*|\s+|)(?:tage?n?|tagig\w*|days?)\b")


def terms(text: str) -> dict[str, set]:
    """{kind: values} of what an amount is per ("rate": "pro Monat", "je Projekt") and
    of how many days something lasts ("length_days": "eintägig", "zwei Tage"), besides
    the figures of `figures`. Kept apart from `figures`: an open question ("Wie viel gibt
    es pro Monat?") about a rate the answer does not give is still answered."""
    folded = _fold(text)
    found = figures(text)
    for m in _RATE.finditer(folded):
        unit = m.group(1) or m.group(2)
        found.setdefault("rate", set()).add(_RATE_UNITS[unit])
    for m in _RATE_WORD.finditer(folded):
        found.setdefault("rate", set()).add(_RATE_WORDS[m.group(1)])
    for m in _LENGTH_DAYS.finditer(folded):
        found.setdefault("length_days", set()).add(_number(m.group(1)))
    return found


def judge_terms(question: str, answer: str) -> tuple[str | None, frozenset[str]]:
    """`judge` for a yes/no question, with rates and lengths in days as well, and the
    kinds the question names that the answer does not name at all ("pro Monat?" to an
    answer without a rate, "am 1. Oktober?" to one that gives only the month): such a
    question is not confirmed by the answer's topic alone."""
    asked, told = terms(question), terms(answer)
    unconfirmed = frozenset(kind for kind in asked if kind not in told)
    shared = [kind for kind in asked if kind in told]
    if not shared or all(asked[kind] & told[kind] for kind in shared):
        return None, unconfirmed
    return ("unsure" if _COMPARING.search(_fold(question)) else "no"), unconfirmed


# -- days on the calendar -------------------------------------------------------------

_WEEKDAYS = {
    "montag": 0, "monday": 0, "dienstag": 1, "tuesday": 1, "mittwoch": 2, "wednesday": 2,
    "donnerstag": 3, "thursday": 3, "freitag": 4, "friday": 4, "samstag": 5, "sonnabend": 5,
    "saturday": 5, "sonntag": 6, "sunday": 6,
}  # fmt: skip
MONTH_NAMES = frozenset(_MONTHS)
WEEKDAY_NAMES = frozenset(_WEEKDAYS)
WEEKDAY_INDEX = dict(_WEEKDAYS)  # "freitag" -> 4
_PART = {"anfang": (1, 10), "early": (1, 10), "mitte": (11, 20), "mid": (11, 20),
         "ende": (21, 31), "end": (21, 31), "late": (21, 31)}  # fmt: skip
_BOUND = (
    ("until", r"(?:bis|until|till|by)(?:\s+(?:zum|zur|zu|den|dem|am|spatestens|the|of))*"),
    ("after", r"(?:nach|after|ab|from|later than|spater als)(?:\s+(?:dem|den|the))*"),
    ("before", r"(?:vor|before|earlier than|fruher als)(?:\s+(?:dem|den|the))*"),
)
_AFTER_DAY = (
    "noch", "auch", "ok", "okay", "oder", "reicht", "geht", "passt", "klappt", "ist", "sind",
    "war", "um", "abends?", "morgens?", "fruh", "mittags?", "nachmittags?", "vormittags?",
    "rechtzeitig", "zu", "in", "still", "too", "fine", "or", "is", "at", "enough", "right",
    "dann", "then", "gerade", "doch", "wirklich", "really", "bis", "by", "spatestens", "latest",
    "nicht", "not", "in ordnung", "alright", "mit", "with", "als", "as", "einreichen",
    "abgeben", "schicken", "senden", "submit", "send", "hand",
    # the day asked to be the deadline: "is the 3rd the last day", "ist der 3. der letzte tag"
    "the last", "the final", "the deadline", "der letzte", "die frist", "der stichtag",
    "der bewerbungsschluss", "bewerbungsschluss", "deadline", "frist", "stichtag",
)  # fmt: skip
# "tmrw", "2moro", "tommorow": tomorrow as people type it
_TOMORROW = r"tomorrow|tmrw|tmrow|tmr|tmw|tmo|2morrow|2moro|2mrw|tomorow|tommorow|tommorrow|tomoz"
_DAY_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("dmy", re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{2,4})?")),
    (
        "d_month",
        re.compile(r"\b(\d{1,2})(?:\.|st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:\s*(\d{4}))?"),
    ),
    ("month_d", re.compile(r"\b" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?![.:]?\d)")),
    ("part_month", re.compile(r"\b(anfang|mitte|ende|early|mid|end of|late)\s+" + _MONTH)),
    ("in_month", re.compile(r"\b(?:im|in|ab|bis|until|from)\s+" + _MONTH)),
    ("day_after", re.compile(r"\b(?:ubermorgen|day after tomorrow)\b")),
    ("tomorrow", re.compile(r"(?<!guten )(?<!heute )\b(?:morgen|morgn|" + _TOMORROW + r")\b")),
    ("today", re.compile(r"\b(?:heute|heut|today|tonight|tonite|2day|2nite)\b")),
    # "in an hour", "in einer Stunde", "in 20 Minuten": later today
    ("today", re.compile(r"\bin (?:an?|one|einer|1|2|3|\d\d?|ein paar|a few|zwei|drei) "
                         r"(?:hours?|stunden?|minutes?|minuten?|mins?)\b")),
    ("day_before", re.compile(r"\b(?:vorgestern|day before yesterday)\b")),
    ("yesterday", re.compile(r"\b(?:gestern|yesterday|yday|ystrdy)\b")),
    ("weekday", re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b")),
    ("next_week", re.compile(r"\b(?:nachste|kommende|next)\s+woche\b|\bnext week\b")),
    ("this_week", re.compile(r"\b(?:diese|this)\s+woche\b|\bthis week\b")),
    ("weekend", re.compile(r"\b(?:wochenende|weekend)\b")),
    # a day of the month alone ("geht der 5.?", "on the 4th", "geht der 4 noch"): after
    # an article, and followed by nothing or a word about the day, not a noun ("der 2.
    # Schritt", "the 5 projects"); a bare number not by a decimal or a time ("der 4,5")
    (
        "day_only",
        re.compile(
            r"\b(?:der|den|dem|am|zum|vom|the|on)\s+(\d{1,2})"
            r"(?:(?:\.|st|nd|rd|th)(?![\d.])|(?![\d.,:]))"
            r"(?=\s*(?:$|[?!,;:)(]|(?:" + "|".join(_AFTER_DAY) + r")\b))"
        ),
    ),
)


@dataclass(frozen=True)
class NamedDays:
    """Days a question names: the first and last day, and whether the question bounds
    them ("bis zum 5.5.": until, "nach dem 3.5.": after, "vor dem 3.5.": before)."""

    first: date
    last: date
    bound: str | None = None


def _year(month: int, day: int, today: date, year: str | None) -> date | None:
    if year:
        y = int(year) + (2000 if len(year) == 2 else 0)
    else:  # a day without a year: this year's, or next year's if it is far behind
        y = today.year + (
            1 if (month, day) < (today.month, today.day) and month < today.month - 6 else 0
        )
    try:
        return date(y, month, day)
    except ValueError:
        return None


def _span(kind: str, m: re.Match, today: date) -> tuple[date, date] | None:
    if kind == "dmy":
        d = _year(int(m.group(2)), int(m.group(1)), today, m.group(3))
        return (d, d) if d else None
    if kind in ("d_month", "month_d"):
        a, b = m.group(1), m.group(2)
        day, month = (int(a), _MONTHS[b]) if a.isdigit() else (int(b), _MONTHS[a])
        d = _year(month, day, today, m.group(3) if kind == "d_month" else None)
        return (d, d) if d else None
    if kind in ("part_month", "in_month"):
        month = _MONTHS[m.group(m.lastindex)]
        year = (today.year + 1) if month < today.month - 6 else today.year
        last = monthrange(year, month)[1]
        lo, hi = _PART.get(m.group(1).split()[0], (1, 31)) if kind == "part_month" else (1, 31)
        return date(year, month, lo), date(year, month, min(hi, last))
    if kind == "day_only":  # this month's day, or the next month's when it is well behind
        day, first = int(m.group(1)), today.replace(day=1)
        months = (first, (first + timedelta(days=31)).replace(day=1))
        if day < today.day - 3:
            months = months[1:]
        for month in months:
            if 1 <= day <= monthrange(month.year, month.month)[1]:
                d = month.replace(day=day)
                return d, d
        return None
    if kind in ("today", "tomorrow", "day_after", "yesterday", "day_before"):
        ahead = {"today": 0, "tomorrow": 1, "day_after": 2, "yesterday": -1, "day_before": -2}
        d = today + timedelta(days=ahead[kind])
        return d, d
    if kind == "weekday":
        d = today + timedelta(days=(_WEEKDAYS[m.group(1)] - today.weekday()) % 7)
        return d, d
    monday = today - timedelta(days=today.weekday())
    if kind == "next_week":
        return monday + timedelta(days=7), monday + timedelta(days=13)
    if kind == "this_week":
        return today, monday + timedelta(days=6)
    saturday = monday + timedelta(days=5)  # "am Wochenende": the coming one
    return (
        (saturday, saturday + timedelta(days=1)) if today <= saturday + timedelta(days=1) else None
    )


def days_named(text: str, today: date) -> list[NamedDays]:
    """The days `text` names, read on `today` (each expression once, the most exact
    reading first: "3.5." is not also "im Mai"; "der 5." alone is this month's 5th, or
    the next month's when this month's is more than three days behind)."""
    folded = _dates_folded(text)
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, NamedDays]] = []
    for kind, pattern in _DAY_WORDS:
        for m in pattern.finditer(folded):
            start, end = m.span()
            if any(start < b and a < end for a, b in taken):
                continue
            span = _span(kind, m, today)
            if span is None:
                continue
            taken.append((start, end))
            before = folded[:start].rstrip()
            bound = next(
                (name for name, words in _BOUND if re.search(r"\b" + words + r"$", before)),
                None,
            )
            if kind == "in_month" and m.group(0).split()[0] in ("bis", "until"):
                bound = "until"
            found.append((start, NamedDays(span[0], span[1], bound)))
    return [named for _, named in sorted(found, key=lambda f: f[0])]
