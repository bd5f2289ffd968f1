"""Read a person's reply to a Jour Fixe question (a request, a counter-proposal):
yes, no, another time, a question back, or not an answer at all.

Exact words act; everything else is asked back. A yes/no word with extra words
still counts ("ja, gerne", "nein, da bin ich im Urlaub"), negations turn a yes word
around ("passt nicht", "doesn't work"), a time anywhere in the text is a
counter-proposal ("lieber Di 11:00"). A question mark, doubt ("nicht sicher",
"maybe, let me check"), a contradiction ("ja nein", "ok, geht nicht") or a typo
("jaa") is never read as yes or no: the caller asks back with buttons. The words
beyond yes/no are kept as the reason, for the other side to read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from rapidfuzz import fuzz, process

from bot.booking.timeparse import find_hour, find_moment_in

__all__ = ["ASK", "NO", "NONE", "TIME", "YES", "Reading", "read"]

YES, NO, TIME, ASK, NONE = "yes", "no", "time", "ask", "none"

# Whole phrases first (longest first): they settle words that alone would mislead.
_PHRASES: dict[str, str] = {
    # doubt: never an action
    "nicht sicher": ASK, "unsicher": ASK, "nicht klar": ASK, "unklar": ASK,
    "weiß nicht": ASK, "weiss nicht": ASK, "weiß ich noch nicht": ASK,
    "weiss ich noch nicht": ASK, "keine ahnung": ASK, "mal sehen": ASK, "mal schauen": ASK,
    "muss ich erst": ASK, "muss erst": ASK, "muss ich noch": ASK, "schaue nach": ASK,
    "schau nach": ASK, "melde mich": ASK, "kommt drauf an": ASK, "eher nicht": ASK,
    "eher ja": ASK, "not sure": ASK, "let me check": ASK, "i'll check": ASK,
    "will check": ASK, "don't know": ASK, "dont know": ASK, "not yet": ASK,
    "get back to you": ASK, "probably not": ASK, "ja nein": ASK, "yes no": ASK,
    "noch nicht": ASK, "nicht genau": ASK, "weiß ich nicht": ASK, "weiss ich nicht": ASK,
    "weiß noch nicht": ASK, "weiss noch nicht": ASK, "no idea": ASK, "not exactly": ASK,
    # yes in words that contain a "no" word
    "kein problem": YES, "keine ursache": YES, "no problem": YES, "no worries": YES,
    "nichts dagegen": YES, "warum nicht": YES, "why not": YES, "sounds good": YES,
    "good for me": YES, "all good": YES,
    # no in words that contain a "yes" word
    "geht nicht": NO, "passt nicht": NO, "klappt nicht": NO, "kann nicht": NO,
    "leider nicht": NO, "keine zeit": NO, "lehne ab": NO, "not possible": NO,
    "doesn't work": NO, "does not work": NO, "won't work": NO, "not work": NO,
    "can't make it": NO, "cannot make it": NO, "not that day": NO, "no thanks": NO,
    "nein danke": NO, "im urlaub": NO, "on holiday": NO, "on vacation": NO,
}  # fmt: skip
_WORDS: dict[str, str] = {
    **dict.fromkeys(
        "ja j jo jap jep jup jawohl yes y yep yup yeah ok okay oki okey passt gerne gern "
        "klar geht klappt bestätigt bestätige bestätigen confirm confirmed einverstanden "
        "sure fine perfekt perfect super prima top great works "
        "👍 ✅ 👌 🙂 😊 🆗".split(),
        YES,
    ),
    **dict.fromkeys(
        "nein n nö nee no nope nicht not kein keine leider absagen ablehnen abgelehnt "
        "decline declined can't cannot cant unfortunately sorry busy verhindert "
        "👎 ❌ 🙅".split(),
        NO,
    ),
    **dict.fromkeys(
        "vielleicht evtl eventuell maybe perhaps probably wahrscheinlich hmm hm "
        "jein später later unsure 🤔 ❓ 🤷".split(),
        ASK,
    ),
}
# Words that carry no answer: an answer made only of these and yes/no words is exact.
_FILLER = set(
    "danke dank vielen thanks thank you bitte please dann also das ist es the it that "
    "mir me for by with bei doch na sehr gut good auch ich i me see bis then dir dich "
    "da is".split()
)
# words that make a bare number in an answer an hour ("aber 11 ginge", "but 11 works")
_OFFERS = re.compile(
    r"\b(aber|but|ginge|ginge es|geht|gehen|würde|wuerde|would|works?|passt|passen|klappt"
    r"|lieber|besser|eher|instead|rather|better|how about|what about|wie wäre|stattdessen"
    r"|statt|dafür|could do|can do|könnte|könnten|kann ich)\b"
)
_NEGATORS = {"nicht", "not", "kein", "keine", "nie", "never", "cannot", "can't", "cant"}
_TURNED = set("passt geht klappt works fine perfekt perfect".split())
_SKIN_AND_VARIANTS = re.compile("[\U0001f3fb-\U0001f3ff\ufe0f]")
_TOKEN = re.compile(r"[\w'’]+|[^\w\s.,;:!?()\"„“”«»-]")


@dataclass(frozen=True)
class Reading:
    kind: str  # YES, NO, TIME, ASK or NONE
    reason: str = ""  # the person's own words beyond yes/no, to pass on ("" if none)
    moment: datetime | None = None  # TIME (and ASK with a time): local, naive
    leaning: str | None = None  # ASK: what it looked like (YES, NO, TIME) for the question
    words: str = NONE  # TIME: how the words read without the time ("ja, 10:00 passt": YES)


def _normal(text: str) -> str:
    text = _SKIN_AND_VARIANTS.sub("", text.strip().lower()).replace("’", "'")
    return re.sub(r"\s+", " ", text)


def read(
    text: str, now: datetime | None = None, day: date | None = None, today: date | None = None
) -> Reading:
    """Read `text` as an answer. `now` (local, naive) and `day` (the day being talked
    about) let a time in the text be read; without `now` no time is looked for.
    `today`: the real date when `now` is later (the notice): "heute", dates from it."""
    norm = _normal(text)
    question = "?" in norm
    found_moment = find_moment_in(norm, now, day, today) if now is not None else None
    if found_moment is None and now is not None and _OFFERS.search(norm):
        # "no, but 11 would work", "nein, lieber 14": an hour on the day talked about
        hour = find_hour(norm, now, day)
        found_moment = (hour.moment, hour.rest) if hour else None
    moment = found_moment[0] if found_moment else None
    if found_moment:  # the time is no part of the words (nor of the reason)
        norm = found_moment[1]
    body = re.sub(r"[.,;:!?()\"„“”«»]+", " ", norm)
    body = f" {re.sub(r' +', ' ', body).strip()} "
    found: set[str] = set()
    negated = any(w in _NEGATORS or w.endswith(("n't", "nt")) for w in _TOKEN.findall(body))
    for phrase in sorted(_PHRASES, key=len, reverse=True):
        if f" {phrase} " in body:
            found.add(_PHRASES[phrase])
            body = body.replace(f" {phrase} ", " ")
    tokens = _TOKEN.findall(body)
    found |= {NO if negated and w in _TURNED else _WORDS[w] for w in tokens if w in _WORDS}
    rest = [w for w in tokens if w not in _WORDS and w not in _FILLER]
    reason = text.strip() if rest else ""
    leaning = YES if found == {YES} else NO if found == {NO} else None
    if moment is not None:
        if question or ASK in found:
            return Reading(ASK, reason, moment, leaning=TIME)
        return Reading(TIME, reason, moment, words=leaning or NONE)
    if not found:
        fuzzy = _typo(body.strip()) if len(tokens) == 1 else None
        return Reading(ASK, leaning=fuzzy) if fuzzy else Reading(NONE)
    if question or ASK in found or leaning is None:
        return Reading(ASK, reason, leaning=leaning)
    return Reading(leaning, reason)


_KNOWN = [w for w, kind in _WORDS.items() if kind in (YES, NO) and len(w) > 1]


def _typo(word: str) -> str | None:
    """A short word close to a yes or no word ("jaa", "nien"): only worth asking about."""
    if not word or len(word) > 12 or not word.isalpha():
        return None
    word = re.sub(r"(.)\1{2,}", r"\1", word)  # "jaaa", "neee"
    best = process.extractOne(word, _KNOWN, scorer=fuzz.ratio, score_cutoff=70)
    return _WORDS[best[0]] if best else None
