"""A short check of the answer just given: "is it 2 days" after the closing event (one
day: "Nein"), "oct to march right?" after the project's dates ("Ja"), "sechs Monate,
oder?" after the placement. A check has no topic of its own: only figures (a count of
days, weeks or months, the names of months), the words that make it a check ("right",
"stimmt", "oder?") and filler. Its verdict comes from the figures alone:

* "no" when a figure it names differs from every one of its kind in the answer
  (`faq.figures.judge_terms`: "2 Tage" against "eintägig");
* "yes" when every month it names is one the answer names and every count it names
  is the answer's ("six months" to "sechs Monate");
* None when the answer does not settle it (a figure of a kind the answer lacks).
"""

from __future__ import annotations

import re

from faq.figures import MONTH_NAMES, figures, judge_terms, terms
from faq.form import QUESTION_WORDS
from faq.normalize import is_stopword, tokens

__all__ = ["check", "names_months"]

MAX_WORDS = 8
_CHECKING = frozenset(
    """right richtig stimmt stimmt's correct korrekt oder or ja yes so also genau exactly
    is it that this ist es das sind they are was war wird dauert dauern last lasts takes
    take und and to bis von vom from until till through thru zum zur nach im in the der
    die den dem also ok okay eh gell ne nicht not""".split()
)
_UNITS = frozenset(
    """tag tage tagen tagig day days woche wochen week weeks monat monate monaten month
    months jahr jahre year years stunde stunden hour hours minuten minutes""".split()
)
_NUMBER = re.compile(r"^\d+$")
# a question word asks something else ("was passiert nach märz 2024?", "wann im
# oktober?"); "was" only as English "was it" checks
_ASKING = QUESTION_WORDS - {"was"}
_ENGLISH_WAS = frozenset("it that this the they".split())


def _months(text: str) -> set[int]:
    """The months a text names, by number ("okt", "October", "März")."""
    return {
        month
        for tok in tokens(text)
        if tok in MONTH_NAMES
        for _, month in figures(f"1. {tok}").get("day", ())
    }


def names_months(question: str) -> bool:
    """Whether a check names months ("okt bis märz?"), not only a length."""
    return bool(_months(question))


def _is_figure(tok: str) -> bool:
    return bool(_NUMBER.match(tok)) or tok in MONTH_NAMES or tok in _UNITS or _number_word(tok)


def _number_word(tok: str) -> bool:
    return bool(terms(f"{tok} tage").get("length_days")) or tok.endswith(("tagig", "day"))


def check(question: str, answer: str) -> str | None:
    """'yes' or 'no' for a short check of `answer` by its figures ("is it 2 days",
    "oct to march right?"); None when the question is no such check or the answer
    does not settle it."""
    toks = tokens(question)
    if not 0 < len(toks) <= MAX_WORDS:
        return None
    figured = [tok for tok in toks if _is_figure(tok)]
    pairs = zip(toks, toks[1:], strict=False)
    german_was = any(a == "was" and b not in _ENGLISH_WAS for a, b in pairs)
    if _ASKING & set(toks) or german_was:
        return None
    if not figured or not all(
        _is_figure(tok) or tok in _CHECKING or is_stopword(tok) for tok in toks
    ):
        return None
    # months are compared here, not by `judge_terms`: "okt bis märz" is a span, no bound
    plain = " ".join(tok for tok in toks if tok not in MONTH_NAMES)
    verdict, unconfirmed = judge_terms(plain, answer)
    if verdict == "no":
        return "no"
    if verdict is not None:  # "mehr als 2 Tage?": a bound, not settled by the words
        return None
    asked, told = _months(question), _months(answer)
    if asked and not asked <= told:
        return "no" if told else None
    counted = unconfirmed - {"month"}
    if counted or not (asked or terms(plain)):
        return None
    return "yes"
