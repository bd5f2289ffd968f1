"""Figures a question names, checked against the answer: "Gibt es 5000 Euro?" is
answered "Nein" when the answer says EUR 3.000, not "Ja" because it is about money.

A figure is a value of a kind: an amount in euros, a TVöD pay group, a day of a month,
a month, a duration (months or years). Only kinds that both the question
and the answer name are compared; a question that compares ("mehr als", "at least")
is not decided here, not even by the entry's yes/no terms.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["figures", "judge"]

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
    ("day", re.compile(r"\b(\d{1,2})\.(\d{1,2})\.")),
    ("day", re.compile(r"\b(\d{1,2})\.?\s+" + _MONTH)),
    ("day", re.compile(r"\b" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\.?\d)")),
    ("months", re.compile(r"\b" + _NUMBER + r"\s+(?:monate?n?|months?)\b")),
    ("years", re.compile(r"\b" + _NUMBER + r"\s+(?:jahre?n?|years?)\b")),
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


def figures(text: str) -> dict[str, set]:
    """{kind: values} of every figure the text names (a kind only if it names one)."""
    folded = _fold(text)
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
            else:
                value = _number(m.group(1))
            found.setdefault(kind, set()).add(value)
    for m in _MONTH_ALONE.finditer(folded):
        found.setdefault("month", set()).add(_MONTHS[m.group(1)])
    return found


def judge(question: str, answer: str) -> str | None:
    """'no' when a figure the question names differs from every figure of its kind in
    the answer ("5000 Euro?" against EUR 3.000, "im September?" against Oktober 2023);
    'unsure' when such a figure is a bound ("mehr als 5000 Euro?", "nach dem 5.3.?"), so
    neither "Ja" nor "Nein" follows from the words alone; None otherwise (the entry's
    yes/no terms decide: "nach dem 3.5.?" names the call's own date). A matching figure
    proves nothing ("Kann ich mich im Mai bewerben?" when the deadline was in May 2023),
    so there is no 'yes' here."""
    asked = figures(question)
    told = figures(answer)
    shared = [kind for kind in asked if kind in told]
    if not shared or all(asked[kind] & told[kind] for kind in shared):
        return None
    return "unsure" if _COMPARING.search(_fold(question)) else "no"
