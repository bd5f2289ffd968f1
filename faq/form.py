"""The form of a question, so that the answer can fit it.

* yes/no questions ("Können wir uns als Verein bewerben?") get "Ja"/"Nein" first when
  the call decides them (an entry's `polar` terms say which way), and "the call does not
  decide this" when it does not; one that names a figure the answer contradicts
  ("Gibt es 5000 Euro?" against EUR 3.000) gets "Nein" (faq.figures);
* where / how much / who / how often questions whose answer the call does not contain
  (an entry's `silent_on`) say so before giving what the call does say; a what-time
  question to a dated answer too (the call gives days, never a time of day);
* a yes/no question about the deadline is judged against the day it is read
  (`deadline_verdict`): "Ist der 5.5. noch ok?", "kann ich morgen noch abgeben?",
  "Haben wir die Frist verpasst?" each get Ja or Nein from the date and `today`.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from faq.figures import (
    MONTH_NAMES,
    ORDINAL_WORDS,
    WEEKDAY_NAMES,
    confirms,
    days_named,
    judge_terms,
    numbers,
    terms,
)
from faq.kb import Entry
from faq.normalize import is_stopword, stem, tokens

__all__ = [
    "about_applying",
    "asks_how_it_goes",
    "asks_per_region",
    "asks_selection",
    "asks_region_only",
    "asks_who_employs",
    "echoes_a_number",
    "asks_how_much_funding",
    "as_list",
    "bare_follow_up",
    "asks_by_when",
    "asks_extension",
    "asks_for_form",
    "asks_for_link",
    "asks_overlap",
    "asks_size",
    "asks_late_handling",
    "asks_to_apply",
    "asks_how_to_apply",
    "asks_state",
    "asks_where_to_apply",
    "choice",
    "names_clock_time",
    "names_deadline",
    "names_the_program",
    "elliptic",
    "paid_to",
    "goes_on",
    "deadline_verdict",
    "polarity",
    "question_kind",
    "silent_kind",
]

_YES_NO_DE = frozenset(
    """kann konnen konnt darf durfen muss mussen ist sind gibt gibts wird werden hat haben
    habt bekommen bekommt kriegen kriegt soll sollen sollte durfte geht gehen passt passen
    zahlt zahlen ubernimmt dauert lauft brauchen braucht findet finden steht stehen gilt
    arbeitet kommt kommen heisst reicht reichen mussten stimmt stimmts nehmt nehmen
    akzeptiert akzeptieren war waren wurde nimmt klappt klappts funktioniert langt
    bin bist seid ging gings ginge konnte konnten lief reichte passte klappte
    bekomm bekomme krieg kriege hab habe brauch brauche macht machen mache deckt decken
    uberschneiden uberschneidet uberlappen uberlappt gehort gehoren fuhrt fordert finanziert
    organisiert betreut leitet schaff schaffe schaffen schafft kostet sitzt isses bleibt
    bleiben""".split()
)
_YES_NO_EN = frozenset(
    "can could is are do does did will would must may might should have has shall were".split()
)
_LEAD_FILLER = frozenset(
    "und also aber and so ok okay hallo hi hello noch eine frage kurze kleine quick question "
    "hilfe help oh mist panik".split()
)
_RESTRICTING = frozenset("nur only ausschliesslich exclusively just".split())
_ALSO = frozenset("auch also too".split())
# in token form, as `tokens` folds them ("does" -> "dos", "müssen" -> "mussen")
_YES_NO = frozenset(tokens(" ".join(_YES_NO_DE | _YES_NO_EN)))
KINDS = ("where", "how_much", "who", "how_often", "what_time")
_CLAUSE = re.compile(r"[,;:–—]|\s-\s")
# ("we're a Landkreis in Bavaria. can a county apply …?": the question after a statement)
_CLAUSE_OR_SENTENCE = re.compile(r"[,;:–—]|\s-\s|(?<=[a-z][.!])\s+(?=\w)")
_IN_EUROS = re.compile(r" (?:in|als|as) (?:euro|euros|eur) | (?:brutto|netto|gross|net) ")
_WHAT_TIME = (" uhrzeit", " wie viel uhr", " wieviel uhr", " wie spat", " what time", " which time")


_HELLO = re.compile(r"^\s*(?:hallo|hello|hi|hey|moin|servus|huhu)\b[\s,!.:;-]*(?=\S)", re.I)


@lru_cache(maxsize=16)  # the matcher and the chat ask it of one message several times
def question_kind(question: str) -> str | None:
    """'yes_no', 'where', 'how_much', 'how_often', 'who', 'what_time' or None (any other
    question). A statement before the question counts for nothing ("wir sind ein
    Verein, dürfen wir mitmachen?" is yes/no); a statement asked back is yes/no
    ("Bewerbungsschluss ist doch am 5. Mai, oder?", "the deadline is May 5th, right?"),
    and so is a question without a verb that names a day or goes on from the answer
    before ("übermorgen noch ok?", "and tomorrow morning?", "als Verein?")."""
    question = of_us(_HELLO.sub("", question, count=1))  # "hey can a charity apply?"
    kind = _kind(question)
    if kind is None:
        for clause in _CLAUSE_OR_SENTENCE.split(question)[1:]:
            if kind := _kind(clause):
                break
    if kind is None:  # "we are an NGO can we apply", "wir sind ein Verein dürfen wir das"
        toks = tokens(question)
        verb = next(
            (
                i
                for i, tok in enumerate(toks[2:-1], 2)
                if tok in _YES_NO and toks[i + 1] in _SUBJECTS
            ),
            None,
        )
        # not "bis wann kann ich …"; "what about the 3000 euro can we use them for …" is
        # a topic named first, then the yes/no question
        # (nor "und wofür kann man die 3000 euro ausgeben?")
        if verb is not None and not (_WH | _WO) & set(_after_topic(toks[:verb])):
            return "yes_no"
    if kind is None and (_tagged(question) or elliptic(question) or _asked_back(question)):
        return "yes_no"
    if kind is None and _WHAT_IF.match(" ".join(tokens(question))):
        # "what if I only submit tomorrow morning?": whether handing in then is in time
        text = f" {' '.join(tokens(question))} "
        if _has(text, _ACTIONS) and days_named(question, _SOME_DAY):
            return "yes_no"
    return kind


_WHAT_NOW = re.compile(
    r"^(?:und |and |so |also )?(?:was (?:nun|jetzt|tun|machen|mache ich|machen wir)|what now"
    r"|now what|what do (?:i|we) do(?: now)?)$"
)


def asks_what_now(question: str) -> bool:
    """ "what now?", "was nun?": nothing asked but what to do about what was said."""
    return bool(_WHAT_NOW.match(" ".join(tokens(question))))


def state_asked(question: str) -> str | None:
    """ "frist verpasst, was nun": a state of the call said, then "what now?" – asked
    whether that state holds ("frist verpasst?"; on the deadline's day it does not);
    None for anything else."""
    parts = [p for p in _CLAUSE.split(question) if p.strip()]
    if len(parts) != 2 or not _status(tokens(parts[0])):
        return None
    return f"{parts[0].strip()}?" if _WHAT_NOW.match(" ".join(tokens(parts[1]))) else None


# a topic named before the question ("what about the 3000 euro, can we …")
_TOPIC_FIRST = (
    ("what", "about"), ("how", "about"), ("was", "ist", "mit"), ("wie", "ist", "es", "mit"),
    ("wie", "sieht", "es", "mit"), ("was", "mit"),
)  # fmt: skip


# "wofür", "wozu", "womit": question words too, where a verb follows ("wofür kann man …")
_WO = frozenset("wofur wozu womit wodurch worauf woruber wovon woran worin wonach".split())
# a statement asked back opens with "so" or "also" ("so I can't apply anymore?")
_SO = frozenset("so also then dann dass".split())


def _asked_back(question: str) -> bool:
    """ "so I can't apply anymore?", "also kein Geld für Laptops?": a statement that
    draws a conclusion and asks whether it holds (no question word in it)."""
    toks = tokens(question)
    while toks and toks[0] in ("und", "and", "aber", "but"):  # "und dass es zehn gibt?"
        toks = toks[1:]
    return (
        question.rstrip().endswith("?")
        and len(toks) >= 3
        and toks[0] in _SO
        and not (_WH | _WO) & set(toks)
    )


def _after_topic(toks: list[str]) -> list[str]:
    """The words before a question's verb without a topic named first ("what about the
    3000 euro", "und was ist mit den Lizenzen")."""
    start = 0
    while start < len(toks) and toks[start] in _LEAD_FILLER:
        start += 1
    for lead in _TOPIC_FIRST:
        if tuple(toks[start : start + len(lead)]) == lead:
            return toks[start + len(lead) :]
    return toks


# the subject right after the verb of a question inside a sentence ("… can we apply")
_SUBJECTS = frozenset("wir ich man sie er es das we i you they it he she".split())


# a statement asked back: "…, oder?", "…, right?", "stimmt's?"
_TAGS = (
    ("oder",), ("oder", "nicht"), ("nicht", "wahr"), ("richtig",), ("korrekt",), ("stimmt",),
    ("stimmts",), ("gell",), ("ne",), ("right",), ("correct",), ("isn", "t", "it"),
    ("is", "that", "right"), ("is", "that", "correct"), ("no",), ("yes",), ("ja",),
)  # fmt: skip
# question words, German and English ("was" is English "was" too: callers that read
# English check it on their own)
QUESTION_WORDS = _WH = frozenset(
    """was wann wie warum wieso weshalb welche welcher welches welchen welchem wo woher
    wohin wer wen wem wessen what when how why which where who whom whose""".split()
)
_GOING_ON = ("als", "as", "auch als", "what about", "how about", "was ist mit", "wie ist es mit")
_MORE = frozenset("noch still ok okay fine auch too schon already".split())
DOUBTING = frozenset("wirklich echt ernsthaft sicher really seriously sure".split())
_SOME_DAY = date(2000, 1, 3)  # a Monday: whether a question names a day at all


# tags that ask back even without a "?" ("deadline is the 3rd right"); not "ja", "no"
_PLAIN_TAGS = (
    ("oder",), ("oder", "nicht"), ("nicht", "wahr"), ("stimmts",), ("gell",), ("right",),
    ("isn", "t", "it"), ("is", "that", "right"),
)  # fmt: skip


def _asked_part(question: str) -> str:
    """The question after a statement that comes before it ("wir haben die Frist
    verpasst, geht noch was?" asks "geht noch was?"); the whole question otherwise."""
    parts = _CLAUSE.split(question)
    if len(parts) < 2 or _kind(parts[0]) is not None:
        return question
    for i, part in enumerate(parts[1:], 1):
        if _kind(part) == "yes_no":
            return " ".join(parts[i:])
    return question


def _tagged(question: str) -> bool:
    toks = tokens(question)
    tags = _TAGS if question.rstrip().endswith("?") else _PLAIN_TAGS
    return len(toks) >= 3 and any(tuple(toks[-len(tag) :]) == tag for tag in tags)


# a statement's truth asked for ("…, stimmt das?", "…, is that right?"): after a negated
# statement a "Ja" or "Nein" would be read the wrong way round
_TRUTH_TAGS = (
    *_TAGS[:8], ("stimmt", "das"), ("stimmt", "s"), ("ist", "das", "richtig"),
    ("ist", "das", "so"), ("ist", "das", "korrekt"), ("is", "that", "true"), ("true",),
    ("or", "not"), ("is", "that", "so"), *_TAGS[8:14],
)  # fmt: skip
_NEGATORS = frozenset("nicht kein keine keinen keiner keinem keines nie niemals not never".split())
_NOT_NEGATING = frozenset("nur only just wahr".split())  # "nicht nur Städte", "nicht wahr"


def _negator(toks: list[str], i: int) -> bool:
    """Whether the i-th word negates: "nicht", "kein", "never", the "t" of "can't"."""
    tok, after = toks[i], toks[i + 1] if i + 1 < len(toks) else ""
    if tok == "t":
        return i > 0 and toks[i - 1].endswith("n")  # can't, isn't, don't, won't
    return tok in _NEGATORS and after not in _NOT_NEGATING


def _denied(toks: list[str], i: int) -> bool:
    """Whether the i-th word names what someone says they are not ("wir sind kein
    Verein", "we're not a city"), not the verb's negation before it ("can't districts
    apply?") nor the thing asked of ("es gibt keine Eigenbeteiligung, oder?")."""
    if i >= 2 and (toks[i - 1].startswith("kein") or toks[i - 1] in ("no", "non")):
        return toks[i - 2] in _BEING
    return i >= 3 and toks[i - 2] == "not" and toks[i - 1] in ("a", "an") and toks[i - 3] in _BEING


_BEING = frozenset("sind bin ist seid are am is re m".split())


def negation(question: str) -> str | None:
    """'statement' for a negated statement whose truth is asked ("Vereine dürfen nicht.
    Stimmt das?", "districts can't apply, right?": its "Ja" would confirm the negation),
    'question' for a negated yes/no question ("Können Landkreise sich nicht bewerben?",
    whose "Ja" is "Doch"), 'either' for one that goes on from a negation before ("auch
    nicht die 3000 Euro?": neither "Ja" nor "Nein" says which way); None otherwise. A negation right before what is named is no
    negated question ("wir sind kein Verein, dürfen wir …?" asks whether they may)."""
    toks = tokens(question)
    tag = next((tag for tag in _TRUTH_TAGS if tuple(toks[-len(tag) :]) == tag), None)
    if tag is not None and len(toks) > len(tag) + 1:
        said = toks[: -len(tag)]
        if any(_negator(said, i) for i in range(len(said))):
            return "statement"
        return None
    text = f" {' '.join(tokens(_CLAUSE.split(question)[-1]))} "
    if any(f" {w} " in text for w in ("auch nicht", "auch kein", "auch keine", "either")):
        return "either"  # "echt gar nix? auch nicht die 3000 euro?": which way is unclear
    if question_kind(question) != "yes_no":
        return None
    asked = tokens(_asked_part(question))
    # "können wir nicht …", "kann man sich nicht mehr bewerben?": the verb's negation,
    # not one of a thing named ("kein Verein")
    return "question" if any(_negator(asked, i) for i in range(1, len(asked))) else None


# "what about us? we're a Landratsamt", "und wir? wir sind ein Verein": the question
# before, asked of what the asker says they are
_ABOUT_US = re.compile(
    r"^\s*(?:(?:and|so|ok|okay)\s*,?\s*)?(?:what|how) about (?:us|me)\s*[?!.,]*\s*"
    r"(?:we'?re|we are|i'?m|i am)\s+"
    r"|^\s*(?:(?:und|ok|okay|also)\s*,?\s*)?(?:und )?(?:wir|was ist mit uns)\s*[?!.,]*\s*"
    r"wir sind\s+",
    re.IGNORECASE,
)


def of_us(question: str) -> str:
    """ "what about us? we're a Landratsamt" as "what about a Landratsamt?"."""
    if (found := _ABOUT_US.match(question)) is None:
        return question
    english = re.search(r"\b(?:what|how) about\b", found.group(), re.IGNORECASE) is not None
    return f"{'what about' if english else 'auch als'} {question[found.end() :]}"


def goes_on(question: str) -> bool:
    """ "als Verein?", "and as a foundation?", "what about a GmbH?": the question before,
    with something else in its place."""
    toks = tokens(of_us(question))
    while toks and toks[0] in _LEAD_FILLER:
        toks = toks[1:]
    text = " ".join(toks)
    return 0 < len(toks) <= 6 and any(text.startswith(f"{g} ") for g in _GOING_ON)


def elliptic(question: str) -> bool:
    """A question that leaves its verb to the answer before ("als Verein?", "and as a
    foundation?", "übermorgen noch ok?", "morgen früh?"): no question word, and it goes
    on from the answer ("als", "auch", "what about"), or names a day or says "noch"."""
    toks = tokens(of_us(question))
    while toks and toks[0] in _LEAD_FILLER:
        toks = toks[1:]
    if 2 < len(toks) <= 6 and toks[:3] in (["what", "about", "a"], ["what", "about", "an"]):
        return True  # "what about a county?" (not "what about the deadline?")
    if not toks or len(toks) > 6 or _WH & set(toks):
        return False
    if goes_on(question):
        return True
    if _status(toks):  # "frist verlängert", "deadline over", "bewerbung noch offen"
        return True
    asked = question.rstrip().endswith("?")
    if (asked or _MORE & set(toks)) and days_named(question, _SOME_DAY):
        return True
    if asked and len(toks) >= 2 and toks[0] in DOUBTING:  # "wirklich gar keine Kosten?"
        return True
    return asked and len(toks) >= 2 and bool(_MORE & set(toks))


# what a verbless question asks the state of ("frist verlängert", "call closed")
_STATE_OF = (
    "bewerbungsschluss", "deadline", "frist", "stichtag", "einsendeschluss", "abgabeschluss",
    "bewerbung", "ausschreibung", "bewerbungsphase", "call", "applications", "application",
)  # fmt: skip


def _status(toks: list[str]) -> bool:
    """A deadline or the call and only a state it may be in ("frist verlängert",
    "deadline extended", "ausschreibung noch offen", "call closed"): nothing else."""
    text = f" {' '.join(toks)} "
    if not _has(text, _STATE_OF):
        return False
    states = (*_EXTENSION, *_OVER, "noch offen", "still open", "open", "offen", "noch", "still")
    if not _has(text, states):
        return False
    return all(
        is_stopword(tok)
        or tok in _LEAD_FILLER
        or any(tok.startswith(w) for w in _STATE_OF)
        or any(tok.startswith(w.split()[0]) for w in states)
        for tok in toks
    )


def _kind(question: str) -> str | None:
    toks = tokens(question)
    while toks and toks[0] in _LEAD_FILLER:
        toks = toks[1:]
    if not toks:
        return None
    text = " ".join(toks)
    if toks[0] in ("wo", "where", "woher", "wohin") or " wo " in f" {text} ":
        return "where"
    if any(p in f" {text} " for p in (" wie oft ", " how often ", " wie haufig ")):
        return "how_often"
    if any(p in f" {text}" for p in _WHAT_TIME):
        return "what_time"
    if _EXACTLY & set(toks) and asks_by_when(question):  # "bis wann genau?": a time of day
        return "what_time"
    if any(p in f" {text} " for p in (" wie viel", " wieviel", " how much ", " wie hoch ")):
        return "how_much"
    if _IN_EUROS.search(f" {text} ") and toks[0] in ("was", "what", "welch", "which"):
        return "how_much"  # "was ist TVöD 11 Stufe 2 in Euro?": an amount
    if toks[0] in ("wer", "who", "wen", "wem", "whom"):
        return "who"
    if toks[0] in _YES_NO or toks[:2] == ["am", "i"]:  # not "am 3. Mai", "am wievielten"
        return "yes_no"
    if toks[0] == "was" and (_WAS_EN.match(text) or toks[1:2] and toks[1] in _EN_SUBJECTS):
        return "yes_no"  # "was it online?", "was Pforzheim one of them?" (not "was ist …")
    return None


# English "was" before its subject ("was it …?"), or a name and then English words
_EN_SUBJECTS = frozenset("it there this that the a an our my your his her their he she i".split())
_WAS_EN = re.compile(
    r"^was \w+ (?:one of|among|part of|in it|in the|selected|chosen|funded|involved)"
)


def _mentions(folded_tokens: list[str], text: str, terms: tuple[str, ...]) -> bool:
    for term in terms:
        parts = tokens(term)
        if len(parts) > 1:
            if " ".join(parts) in text:
                return True
        elif parts and any(_fits(tok, parts[0]) for tok in folded_tokens):
            return True
    return False


def polarity(entry: Entry, question: str, answer: str = "") -> str | None:
    """'yes', 'no' or 'open' (the call does not decide it) for a yes/no question that
    the entry's `polar` terms settle, or 'no' when it names a figure that `answer` (the
    text the person will read) contradicts; None when the question is not yes/no, is
    unsettled, or compares a figure of the answer ("mehr als 3000 Euro?").

    Checked in the order figures, open, no, yes; a restricting word ("nur", "only")
    leaves the question unsettled, since "only cities?" is neither a plain yes nor a
    plain no. A choice ("Zahlt Lokalprojekte oder die Stiftung?") is settled only when
    each side is, the same way ("Vereine oder Privatpersonen?": both no), or one side
    is open, or only the second restricts ("Landkreise oder nur Städte?": the first's),
    or the first restricts and the second adds ("nur Städte oder auch Landkreise?": the
    second's); one without a question word is 'open' when a side is ("Vorgespräche online
    oder vor Ort?"), 'both' when both are yes ("city or district?") and 'neither' when
    both are no ("Verein oder Stiftung?").

    A yes needs more than the topic: a question that adds what the answer does not
    name ("pro Monat?" to an amount per project without one, "am 1. Oktober?" to "im
    Oktober", "5 Profile?" to none) gets no verdict, and one about a use the answer
    does not list ("für Werbung nutzen?", "for staff?") gets 'open'.
    """
    kind = question_kind(question)
    if kind is None and choice(question) and entry.polar:
        # "Vorgespräche online oder vor Ort?": no question word, a choice of which the
        # call decides neither side; a side it decides is the answer's to say, no Ja/Nein
        sides = _sides(entry, tokens(question))
        if "open" in sides:
            return "open"
        if sides == ("no", "no"):  # "Verein oder Stiftung?"
            return "neither"
        return "both" if sides == ("yes", "yes") else None  # "city or district?"
    if kind != "yes_no":
        return None
    if _open_with_figure(entry, question):
        return "open"
    figures, unconfirmed = judge_terms(question, answer) if answer else (None, frozenset())
    if figures == "no":
        return "no"
    if answer and confirms(question, answer):  # "christine.prokop@… richtig?"
        return "yes"
    if not entry.polar or figures == "unsure":
        return None
    toks = tokens(question)
    if _about_another_time(toks):
        return None
    if not choice(question):
        side = None if _RESTRICTING & set(toks) else _side(entry, toks)
    else:
        first, second = sides = _sides(entry, toks)
        if "open" in sides:  # "App oder Software?": it does not decide one, so not which
            return "open"
        if _RESTRICTING & set(toks):
            # "Can a district apply or only cities?": the first side's answer, when only
            # the other side restricts ("or only …" asks whether the first counts too);
            # "nur Städte oder auch Landkreise?": the second's, asked with "auch"
            cut = _cut(toks)
            restricted = _RESTRICTING & set(toks[:cut])
            also = _ALSO & set(toks[cut + 1 :])
            if not restricted:
                side = first if first in ("yes", "no") else None
            else:
                side = second if also and second in ("yes", "no") else None
        else:
            side = first if first == second else None
    if side != "yes":
        return side
    if answer and _unlisted_use(entry, toks, answer):
        return "open"
    return None if unconfirmed else side


def _open_with_figure(entry: Entry, question: str) -> bool:
    """Whether the question names an "open" phrase with a figure of its own ("mit zwei
    Projekten bewerben", "apply with two projects"): that figure is no claim about the
    answer's ("fünf Projekte"), and the call does not decide the question."""
    text = f" {' '.join(tokens(question))} "
    return any(
        len(parts := tokens(term)) > 1 and terms(term) and f" {' '.join(parts)} " in text
        for term in entry.polar.get("open", ())
    )


# whether something runs yet or still ("läuft das Projekt in Torgau noch?", "is it
# running yet?") and what may be after the program ("nach Ende der Förderung
# übernehmen?"): the call's terms are timeless ("Torgau" is one of the five, the
# foundation pays the expert's position) and decide neither, so no "Ja"/"Nein"
_RUNS_YET = ("lauf", "lief", "running", "runs", "ongoing", "begonn", "gestartet", "started",
             "vorbei", "beendet", "abgeschlossen", "over", "finished", "ended", "aktiv", "active")  # fmt: skip
_YET = frozenset(tokens("noch schon bereits mittlerweile inzwischen jetzt aktuell derzeit "
                        "gerade still already yet now currently"))  # fmt: skip
_AFTER = (" nach ende ", " nach dem ende ", " nach ablauf ", " nach dem programm ",
          " nach programmende ", " nach der forderung ", " nach forderende ",
          " im anschluss ", " anschliessend ", " langfristig ", " dauerhaft ", " after the end ",
          " after the program", " afterwards ", " beyond the program", " long term ")  # fmt: skip


def after_the_program(question: str) -> bool:
    """ "Gibt es nach dem Programm noch Unterstützung?", "is there support after the
    program?": a yes/no question about the time after the program, of which the call
    says nothing (it ends with the closing event and the evaluation's start)."""
    text = f" {' '.join(tokens(question))} "
    return question_kind(question) == "yes_no" and any(p in text for p in _AFTER)


def _about_another_time(toks: list[str]) -> bool:
    text = f" {' '.join(toks)} "
    running = any(tok.startswith(_RUNS_YET) for tok in toks) and bool(_YET & set(toks))
    return running or any(p in text for p in _AFTER)


# a use of something ("für Werbung nutzen", "spend it on laptops")
_USE = (
    "nutz", "benutz", "verwend", "ausgeb", "einsetz", "investier", "finanzier", "bezahl",
    "use", "spend", "pay", "fund", "cover", "buy", "kauf",
)  # fmt: skip
_PURPOSE = frozenset("fur for on into".split())
_GENERAL = frozenset(
    """programm program programme projekt projekte project projects forderung funding call
    ausschreibung bewerbung application integration integrationsarbeit""".split()
)


def _unlisted_use(entry: Entry, toks: list[str], answer: str) -> bool:
    """A purpose ("für X", "for X") that neither the answer nor the entry's yes terms
    name, in a question about a use ("für Werbung nutzen?") or to an entry whose
    terms say some uses are open ("Geld für Laptops?" to the project budget)."""
    used = any(tok.startswith(_USE) for tok in toks)
    if not (used or entry.polar.get("open")):
        return False
    at = next((i for i, tok in enumerate(toks) if tok in _PURPOSE), None)
    if at is None:
        return False
    told = set(tokens(answer))
    listed = tuple(part for term in entry.polar.get("yes", ()) for part in term.split(" + "))
    for tok in toks[at + 1 :]:
        if is_stopword(tok) or tok.isdigit() or tok in _YES_NO or tok.startswith(_USE):
            continue
        if tok in told or tok in _GENERAL or _mentions([tok], tok, listed):
            continue
        return True
    return False


def open_choice(entry: Entry, question: str) -> bool:
    """ "Abschlussevent online oder vor Ort?": a choice between two things the entry's
    terms say the call does not decide."""
    return choice(question) and _sides(entry, tokens(question)) == ("open", "open")


def _cut(toks: list[str]) -> int:
    return next(i for i, tok in enumerate(toks[:-1]) if tok in ("oder", "or"))


def _sides(entry: Entry, toks: list[str]) -> tuple[str | None, str | None]:
    """The sides (`_side`) of a choice's two parts, before and after "oder"/"or"."""
    cut = _cut(toks)
    return _side(entry, toks[:cut]), _side(entry, toks[cut + 1 :])


def _side(entry: Entry, toks: list[str]) -> str | None:
    """The side whose terms the question names, checked in the order open, no, yes. A
    word counts for the side of its longest term ("Ausländerbehörde" is a yes term, not
    the no term "Ausland" that begins it). A term "a + b" counts when the question names
    each part anywhere, and its words then count for nothing else ("bleibt die Expertin
    sechs Monate?": "bleib + sechs" is yes, though "bleibt" alone is open)."""
    text = " ".join(toks)
    sides = ("open", "no", "yes")
    together = {
        side: [t for t in entry.polar.get(side, ()) if " + " in t and _all_named(t, toks)]
        for side in sides
    }
    taken = {part for terms_ in together.values() for t in terms_ for part in _parts(t)}
    words = {
        side: [tokens(term) for term in entry.polar.get(side, ()) if " + " not in term]
        for side in sides
    }
    named = set()
    for i, tok in enumerate(toks):
        if _denied(toks, i) or any(_fits(tok, part) for part in taken):
            continue  # "wir sind kein Verein, dürfen wir …?"; a word of an "a + b" term
        fits = [
            (len(parts[0]), -sides.index(side), side)
            for side in sides
            for parts in words[side]
            if len(parts) == 1 and _fits(tok, parts[0])
        ]
        if fits:
            named.add(max(fits)[2])
    for side in sides:
        phrase = any(len(p) > 1 and " ".join(p) in text for p in words[side])
        if phrase or together[side] or side in named:
            return side
    return None


def _fits(tok: str, term: str) -> bool:
    """A word names a term: the same, or (for a term of four letters or more) its start."""
    return tok == term or (len(term) >= 4 and tok.startswith(term))


def _parts(term: str) -> list[str]:
    return [" ".join(tokens(p)) for p in term.split(" + ")]


def _all_named(term: str, toks: list[str]) -> bool:
    """Whether the question names each part of a term "a + b"."""
    return all(any(_fits(tok, part) for tok in toks) for part in _parts(term))


def silent_kind(entry: Entry, question: str) -> str | None:
    """The question's kind if the entry's answer does not contain it (`silent_on`); a
    yes/no question that names a place ("ist das Kick-off in Stuttgart?") asks where."""
    kind = question_kind(question)
    if kind == "yes_no" and "where" in entry.silent_on and named_place(question):
        return "where"
    return kind if kind in entry.silent_on else None


# what follows "in" without being a place: articles and pronouns, times, languages,
# ways ("in Stuttgart?" is a place, "in der ersten Woche?", "in English?" are none)
_NO_PLACE = frozenset(
    """der die das dem den des ein eine einem einer einen unserem unserer unseren ihrem
    ihrer meinem meiner the a an our my your their this that it which welchem welcher
    woche wochen week weeks monat monaten month months jahr year zukunft future zeit time
    ordnung order frage question ruhe kurze kurzer short englisch english deutsch german
    sprache language form papierform paper schriftform writing
    summe total gesamt general allgemeinen allgemein person prasenz presence echt real
    life live online digital virtuell virtual urlaub vacation holiday
    midnight noon night nacht mitternacht evening abend morning lunchtime latest least
    end close""".split()
)  # (times of day: "is the deadline at midnight?" asks when, not where)
_AT_PLACE = re.compile(r"(?:^| )(?:in|im|at) ([a-z][a-z-]{2,})(?= |$)")


def named_place(question: str) -> str | None:
    """The place a question names after "in"/"at" ("Findet der Kick-off in Berlin statt?"
    -> "berlin"), or None: not a month, a time or an article ("im Oktober", "in der
    ersten Woche")."""
    text = " ".join(tokens(question))
    for found in _AT_PLACE.finditer(text):
        word = found.group(1)
        if word not in _NO_PLACE and word not in MONTH_NAMES and not word.isdigit():
            return word
    return None


# -- the deadline, judged on the day the question is read ------------------------------

_DEADLINE_WORDS = (
    "bewerbungsschluss", "deadline", "frist", "stichtag", "einsendeschluss", "abgabeschluss",
    "letzte tag", "letzter tag", "last day", "closing date", "cut off", "cutoff",
)  # fmt: skip
_ACTIONS = (
    "abgeb", "abgab", "einreich", "einsend", "schick", "send", "bewerb", "apply", "applic",
    "submit", "hand in", "anmeld", "ok", "moglich", "geht", "possible", "annehm", "accept",
    "nehm", "rein", "rechtzeitig", "in time", "abschick", "absend", "losschick", "wegschick",
    "hochlad", "upload", "count", "zahlt", "gultig", "valid",
)  # fmt: skip
_MUST = ("muss", "must", "have to", "has to", "need to", "needs to", "spatestens")
_OVER = (
    "zu spat", "too late", "vorbei", "abgelaufen", "verpasst", "miss", "passed", "over",
    "closed", "geschlossen", "ended", "expired", "zu ende", "schon um",
)  # fmt: skip
_LATE = ("nach", "after", "spat", "late", "nachtraglich", "nachreich")
# ("aktuell" folds to "aktull", as "ue" stands for "ü")
_STILL = (
    "noch", "still", "offen", "open", "lauft", "running", "anymore", "no longer", "aktull",
    "current", "gultig",
)  # fmt: skip
_EXTENSION = (
    "verlanger", "verschoben", "verschieb", "extend", "extension", "postpone", "nachfrist",
    "aufgeschoben", "more time", "mehr zeit", "moved", "verlegt", "pushed back", "fristverlanger",
    "fristverschieb", "grace period",
)  # fmt: skip


def _has(text: str, words: tuple[str, ...]) -> bool:
    """A word of `words` starts a word of `text` (folded, one space around)."""
    return any(f" {w}" in text for w in words)


# words of a question about handing in on some day, beside the day itself
_APPLYING = (
    *_DEADLINE_WORDS, *_ACTIONS, *_STILL, *_EXTENSION, *_OVER, *_MUST, "reich", "klapp",
    "fine", "okay", "passt", "gut", "good", "alright", "bewerbung", "unterlag", "antrag",
    "ausschreibung", "call", "wir", "we", "man", "uns", "us", "auch", "also", "dann", "then",
    "spatestens", "latest", "stimmt", "true", "wirklich", "really", "echt", "ernsthaft",
    "seriously", "tatsachlich", "dokument", "document",
    "formular", "form", "paper", "einreich", "hand", "plan", "geplant", "vorgesehen",
    "expect", "erwart", "any", "irgend", "chance", "drin", "eingegangen", "eingeh", "ankomm",
    "angekommen", "vorlieg", "received", "arriv", "schaff", "fertig", "finish", "make", "done",
    "falls", "if", "verpass", "trotzdem", "anyway", "period",
    # the same with "zu" ("noch möglich, heute abzugeben?")
    "abzugeb", "einzureich", "einzusend", "abzuschick", "hochzulad", "nachzureich", "anzunehm",
)  # fmt: skip
_TIME_WORDS = (
    "morgen", "fruh", "vormittag", "mittag", "nachmittag", "abend", "nacht", "heute",
    "stunde", "hour", "minute", "erst", "only",
    "ubermorgen", "tomorrow", "today", "tonight", "morning", "evening", "night", "noon",
    "woche", "week", "wochenende", "weekend", "nachste", "kommende", "next", "this", "diese",
    "anfang", "mitte", "ende", "early", "mid", "end", "late", "day", "tag", "datum", "date",
    "uhr", "am", "on", "the", "of", "bis", "until", "by", "nach", "after", "im", "in",
)  # fmt: skip


# words of a short follow-up that asks what the answer before did not say
_FOLLOW_UP = (
    "wo", "where", "wer", "who", "wen", "wem", "whom", "wie", "how", "viel", "wieviel", "much",
    "oft", "often", "haufig", "uhrzeit", "time", "zeit", "genau", "exactly", "ort", "place",
    "location", "raum", "room", "adresse", "address", "findet", "statt", "stattfinden", "what",
    "was", "welche", "which", "denn", "eigentlich", "close", "schliess", "ends", "endet",
)  # fmt: skip


def bare_follow_up(question: str) -> bool:
    """A question with no topic of its own ("bis wieviel Uhr?", "und wo findet das
    statt?", "what time did it close?"), not "Wo ist das Abschlussevent?"."""
    return about_applying(question, _FOLLOW_UP)


_DAY_NUMBER = re.compile(r"\d{1,2}(?:st|nd|rd|th)")


# "hab die frist total verpennt, geht morgen noch?": having missed it asks of a day too
_MISSING = ("verpasst", "verpenn", "verschlaf", "vergess", "missed", "forgot", "total",
            "komplett", "voll", "hab", "habe", "schaff", "ichs", "wirs", "reicht")  # fmt: skip


def about_applying(question: str, more: tuple[str, ...] = ()) -> bool:
    """Nothing in the question but a day and words about handing in ("ist der 5.5.
    noch ok?", "reicht es übermorgen?", "Wird die Frist verlängert?"): no other topic
    ("Regnet es morgen?", "Kann ich Sie am 5.5. anrufen?")."""
    toks = tokens(question)
    if _WHAT_IF.match(" ".join(toks)):  # "what if I only submit tomorrow?": the case asked
        toks = [tok for tok in toks if tok not in _WH]
    for tok in toks:
        if tok.isdigit() or is_stopword(tok) or tok in _YES_NO or tok in _LEAD_FILLER:
            continue
        if tok in ORDINAL_WORDS or _DAY_NUMBER.fullmatch(tok) or (tok,) in _TAGS:
            continue
        if _CLOCK.fullmatch(tok):  # "11pm"
            continue
        if any(
            tok == w or (len(w) >= 4 and tok.startswith(w))
            for w in (x.split()[0] for x in (*_APPLYING, *_TIME_WORDS, *_MISSING, *more))
        ):
            continue
        if tok in WEEKDAY_NAMES or tok in MONTH_NAMES or days_named(tok, _SOME_DAY):
            continue  # "tmrw", "2moro", "tonite" as well
        return False
    return True


_BY_WHEN = (("bis", "wann"), ("until", "when"), ("till", "when"), ("by", "when"))
_EXACTLY = frozenset("genau exactly precisely exakt".split())
_WHEN_WORDS = ("wann", "when", "bis", "until", "till", "by", *_EXACTLY)


_EXACT_DAY = re.compile(
    r"\b(?:welche[nmrs]? (?:tag|datum)|an welchem tag|which day|what date|what day|genaue[ns]?"
    r" (?:datum|tag|termin)|exact (?:date|day)|konkrete[ns]? (?:datum|tag|termin))\b"
)


_ITS = frozenset("that it this das dies dafur dafuer davon".split())


def asks_its_date(question: str) -> bool:
    """ "what was the deadline for that", "und die Frist dafür?": the date of what was just
    answered, pointed at (a short question with a deadline word and "that"/"dafür")."""
    toks = tokens(question)
    return (
        len(toks) <= 8
        and bool(_ITS & set(toks))
        and _has(f" {' '.join(toks)} ", (*_DEADLINE_WORDS, "bis wann", "by when", "until when"))
    )


def asks_exact_day(question: str) -> bool:
    """ "wann genau im Oktober ist das Kick-off?", "an welchem Tag?", "what date exactly?":
    the day of a step, which the call may name only by its month or a span."""
    toks = tokens(question)
    when_exactly = {"wann", "when"} & set(toks) and _EXACTLY & set(toks)
    return bool(when_exactly or _EXACT_DAY.search(" ".join(toks)))


def asks_by_when(question: str) -> bool:
    """ "bis wann genau", "until when?", "bis wann gehts noch": by when, and nothing
    but words about handing in (not "bis wann läuft das Projekt?")."""
    toks = tokens(question)
    pairs = set(zip(toks, toks[1:], strict=False))
    return bool(pairs & set(_BY_WHEN)) and about_applying(question, _WHEN_WORDS)


# handing in: one list for where to hand in and for handing in late (a second
# definition further down once replaced a longer first one; the shorter is what ran)
_SENDING = ("schick", "send", "submit", "reich", "liefer", "abgeb", "hand", "upload", "hochlad")
_WHERE_WORDS = (
    "wo", "where", "wohin", "hin", "to", "damit", "hoch", "up", "adresse", "address",
)  # fmt: skip


def asks_where_to_apply(question: str) -> bool:
    """ "wo schick ich das hin", "where do we submit": where to hand in, nothing else."""
    toks = tokens(question)
    return (
        question_kind(question) == "where"
        and any(tok.startswith(_SENDING) for tok in toks)
        and about_applying(question, _WHERE_WORDS)
    )


# a way to hand something in ("per Post", "by e-mail", "online") and to whom
_CHANNELS = (
    "post", "mail", "email", "online", "portal", "fax", "brief", "letter", "digital",
    "papier", "paper", "ausgedruckt", "printed", "upload", "hochlad", "formular", "form",
    "pdf", "word", "usb", "persönlich", "personlich", "person",
)  # fmt: skip
_TO_WHOM = (
    "wem", "wen", "who", "whom", "to", "an", "hin", "adressier", "address", "zu", "per", "via",
    "by", "als", "as", "uber",
)  # fmt: skip


_HANDING = (
    "einreich", "reich", "abgeb", "einsend", "submi", "hand", "send", "schick", "uberm", "upload",
)  # fmt: skip


_STAMPS = ("poststempel", "postmark", "eingangsstempel", "eingangsdatum", "date of receipt")


def asks_how_to_apply(question: str) -> bool:
    """ "kann ich das per post schicken", "by email ok?", "an wen schick ich das",
    "who do i send it to", "how do i submit the application": how or to whom to hand
    in (the call names neither), and nothing else."""
    toks = tokens(question)
    text = f" {' '.join(toks)} "
    if any(tok.startswith(_STAMPS) for tok in toks):  # "gilt der Poststempel?": not said
        return True
    if (
        toks
        and toks[0] in ("wie", "how")
        and any(tok.startswith(_HANDING) for tok in toks)
        and about_applying(question, ("wie", "how", *_CHANNELS, *_TO_WHOM))
    ):
        return True
    if not (any(tok.startswith(_SENDING) for tok in toks) or _has(text, _ACTIONS)):
        return False
    way = any(tok in _CHANNELS or tok.startswith(("mail", "email", "e-mail")) for tok in toks)
    # "who do i send it to" asks for a recipient; "who can apply" for the applicant
    sends = any(
        tok.startswith(("schick", "send", "einreich", "reich", "abgeb", "submi")) for tok in toks
    )
    whom = bool({"wem", "wen", "whom"} & set(toks)) or (
        question_kind(question) == "who" and ("to" in toks or sends)
    )
    return (way or whom) and about_applying(question, (*_CHANNELS, *_TO_WHOM, *_WHERE_WORDS))


_CLOCK = re.compile(
    r"\b\d{1,2}(?:[:.]\d{2})?\s*uhr\b|\b\d{1,2}:\d{2}\b|\b\d{1,2}\s*(?:am|pm)\b"
    r"|\bmitternacht|\bmidnight\b|\bnoon\b|\bmittag\b|\bend of (?:the )?day\b|\beod\b"
)
# the day's end, no hour (`names_tonight`)
_TONIGHT = re.compile(r"\bheute (?:nacht|abend)\b|\btonight\b|\bthis evening\b")
_ANOTHER_DAY = re.compile(r"\bmorgen\b|\btomorrow\b|\bubermorgen\b|\bübermorgen\b")


# a form to apply with ("Bewerbungsformular", "a template for the application"); the call
# names none, only a template for the project sketch after the selection
_FORMS = (
    "formular", "formblatt", "vordruck", "vorlag", "templat", "muster", "form", "forms",
    "bewerbungsformular", "antragsformular", "bewerbungsvorlag", "bewerbungsbogen",
)  # fmt: skip
_SKETCH = ("skizz", "sketch", "outlin", "profil")
_FORM_WORDS = (
    *_FORMS, "gibt", "gibts", "there", "find", "wo", "where", "bekomm", "get", "brauch",
    "need", "download", "herunterlad", "lad", "link", "vorgegeben", "fixed", "specific",
    "bestimmt", "ausfull", "fill", "use", "verwend", "nutz", "welch", "which", "what", "was",
    "somewhere", "anywhere", "irgendwo", "official", "offiziell",
)  # fmt: skip


def asks_for_form(question: str) -> bool:
    """ "gibt es ein Bewerbungsformular?", "is there a template for the application",
    "wo finde ich das formular": a form to apply with, and nothing else (not the
    sketch's template, which the call does name)."""
    toks = tokens(question)
    if any(tok.startswith(_SKETCH) for tok in toks):
        return False
    if not any(tok.startswith(_FORMS) or tok in ("form", "forms") for tok in toks):
        return False
    return about_applying(question, _FORM_WORDS)


# a link or a copy of the call: its text has only the placeholder "[LINK]"
_LINKS = (
    "link", "url", "webseit", "website", "homepage", "internetseit", "webpag", "download",
    "herunterlad", "runterlad", "pdf", "originaltext", "volltext",
)  # fmt: skip
_LINK_WORDS = (
    *_LINKS, "ausschreibung", "call", "bewerbung", "application", "programm", "program",
    "text", "original", "wo", "where", "find", "gibt", "there", "hab", "have", "send", "schick",
    "zeig", "show", "mir", "me", "bitte", "please", "welch", "which", "what", "was", "online",
    "dazu", "davon", "for", "it", "das",
)  # fmt: skip


def asks_for_link(question: str) -> bool:
    """ "wo ist der Link zur Ausschreibung?", "can I download the call as a PDF": a link
    to the call or a copy of it, and nothing else."""
    toks = tokens(question)
    if not any(tok.startswith(_LINKS) for tok in toks):
        return False
    return about_applying(question, _LINK_WORDS)


_OVERLAP = (
    "uberschneid", "uberlapp", "uberschnitt", "overlap", "gleichzeitig", "zeitgleich",
    "parallel", "clash", "kollidier", "collid", "same time",
)  # fmt: skip


def asks_overlap(question: str) -> bool:
    """ "überschneiden sich Skizze und Besprechung?", "do the sketch and the final talk
    overlap": whether two steps of the timeline fall on the same days."""
    return _has(f" {' '.join(tokens(question))} ", _OVERLAP)


# applying, and nothing else: "kann ich mich bewerben?", "can we apply?"
_APPLY = ("bewerb", "apply", "mitmach", "teilnehm", "participat", "join", "mitmachen")


def asks_to_apply(question: str) -> bool:
    """ "kann ich mich bewerben?", "können wir mitmachen", "can we apply?": whether one
    may apply, with no day, no state ("noch", "zu spät") and no one named ("als
    Verein?" is eligibility's)."""
    if question_kind(question) != "yes_no" or days_named(question, _SOME_DAY):
        return False
    toks = tokens(question)
    text = f" {' '.join(toks)} "
    if not any(tok.startswith(_APPLY) for tok in toks) or asks_for_form(question):
        return False
    if _has(text, _STILL) or _has(text, _OVER) or _has(text, _LATE) or _has(text, _EXTENSION):
        return False
    return all(
        is_stopword(tok)
        or tok in _YES_NO
        or tok in _LEAD_FILLER
        or tok.startswith(_APPLY)
        or tok in ("wir", "ich", "man", "uns", "mich", "we", "i", "us", "you", "sie", "auch")
        for tok in toks
    )


# how much someone receives: the expert's pay is not the project money, nor what a
# municipality gets the number of projects
_RECEIVING = (
    "bekomm", "bekommt", "krieg", "erhalt", "verdien", "earn", "get", "gets", "receiv",
    "paid", "bezahlt", "vergut", "gehalt", "lohn", "salary", "wage", "make", "makes",
)  # fmt: skip
_EARNING = ("verdien", "earn", "gehalt", "lohn", "salary", "wage", "vergut")
_EXPERTS = ("expert", "fachkraft", "fachkrafte")
_RECIPIENTS = (
    "kommun", "gemeind", "stadt", "stadte", "landkreis", "kreis", "behord", "verwaltung",
    "municipal", "town", "city", "cities", "county", "district", "authorit",
)  # fmt: skip
_US = ("wir", "uns", "we", "us")
_IN_COMPOUND = re.compile(r"\w(?:gehalt|lohn|lohne)\b")
_COUNTED = frozenset(("viele", "wieviele", "many"))
_MONEY = ("euro", "eur", "geld", "kohle", "money", "dollar", "cent")


def counts_experts(question: str) -> bool:
    """ "wieviel expertinnen bekommt man", "how many experts do we get", "… pro
    Projekt": a count of the experts a municipality gets (one), not their pay; not "how
    many experts applied" (the call does not say)."""
    toks = tokens(question)
    pairs = list(zip(toks, toks[1:], strict=False))
    counted = any(a in (*_COUNTED, "wieviel", "viel") and b.startswith(_EXPERTS) for a, b in pairs)
    per = any(a in _PER and b.startswith(_A_PROJECT) for a, b in pairs)  # "per town"
    gets = any(tok.startswith(_GETTING) for tok in toks) or per
    return counted and gets


_POSITIONS = ("stelle", "stellen", "position", "positions", "platz", "platze", "places", "spots",
              "slots", "jobs")  # fmt: skip


def counts_positions(question: str) -> bool:
    """ "wieviel stellen gibts insgesamt", "how many places are there?": the positions
    in the program (five projects, one expert each), not the pay or the project's
    months; not a count of applicants ("wie viele Bewerber pro Stelle?")."""
    toks = tokens(question)
    counted = bool({*_COUNTED, "wieviel", "viel", "number", "anzahl"} & set(toks))
    return (
        counted
        and bool(set(toks) & set(_POSITIONS))
        and not any(
            tok.startswith(("bewerb", "applic", "applied", "kandidat", "candidat")) for tok in toks
        )
    )


_GETTING = ("bekomm", "krieg", "erhalt", "get", "receiv")
_PROFILES = ("profil", "lebenslauf", "cv", "kandidat", "candidat", "vorschlag")
_SENT = ("schick", "send", "sent", "zugeschickt", "geschickt", "liefer")


def receives_profiles(question: str) -> bool:
    """ "when do we get the expert profiles?", "wann schickt Lokalprojekte die Profile?":
    the profiles sent to the municipality (one to three by early August), not the
    profile worked out with Lokalprojekte at the final sketch talk."""
    toks = tokens(question)
    profiles = any(tok.startswith(_PROFILES) for tok in toks)
    return profiles and any(tok.startswith((*_GETTING, *_SENT)) for tok in toks)


_PER = ("pro", "per", "je", "each", "jede", "jeder", "jedes", "every")
_A_PROJECT = ("projekt", "project", "town", "cit", "municipal", "kommun", "stadt", "gemeinde",
              "landkreis", "district", "county", "verwaltung", "administration", "teilnehm")  # fmt: skip
_MANY = ("wie viele ", "wieviele ", "how many ", "anzahl ", "number of ", "zahl der ")
_APPLICANTS = ("bewerb", "beworb", "bewirbt", "antrag", "antrage", "applica", "applie", "apply",
               "interessent", "shortlist")  # fmt: skip
_SHORTLIST = ("engere auswahl ", "engeren auswahl ", "short list ")
_CHOSEN = (
    "gefordert", "fordert", "fund", "ausgewahlt", "auswahlt", "genommen", "aufgenommen",
    "zugelassen", "selected", "select", "chosen", "accepted", "gewonnen", "won", "teilnehm",
    "mitmach", "participat", "durfen", "darf", "konnen", "kann", "can", "may",
)  # fmt: skip
_OWN = frozenset("wir uns ich we us i".split())
_PARTS = ("seite", "page", "zeich", "charac", "wort", "word", "dokument", "document", "anlag",
          "attach", "unterlag", "datei", "file")  # fmt: skip
_EARLIER = ("letzt", "vorjahr", "vorig", "fruher", "previous", "last", "earlier", "before")


def counts_applicants(question: str) -> bool:
    """ "wie viele bewerbungen gibt es bisher", "wie viele kommen in die engere
    auswahl", "how many applied?": a count of the applications or of the shortlist,
    which the call does not give (it gives the five projects funded). Not a count of
    those chosen or allowed ("wie viele werden gefördert?", "how many can apply?"), of
    one's own ("wie viele Bewerbungen dürfen wir einreichen?"), of an application's
    parts ("how many pages should the application have") nor of another round ("wie
    viele bewerbungen gab es letztes jahr": the five are this call's)."""
    toks = tokens(question)
    text = f" {' '.join(toks)} "
    about = any(tok.startswith(_APPLICANTS) for tok in toks) or _has(text, _SHORTLIST)
    other = any(tok.startswith((*_CHOSEN, *_EARLIER, *_PARTS)) for tok in toks)
    return _has(text, _MANY) and about and not (other or _OWN & set(toks))


def paid_to(question: str) -> str | None:
    """ "wie viel kohle kriegt der experte", "what does the expert earn": 'expert';
    "wieviel bekommt die kommune", "how much do we get": 'municipality'; None for
    anything else (a yes/no question, "how much for materials")."""
    toks = tokens(question)
    while toks and toks[0] in _LEAD_FILLER:
        toks = toks[1:]
    # "Bruttogehalt", "Stundenlohn": the pay inside a German compound
    earning = any(tok.startswith(_EARNING) or _IN_COMPOUND.search(tok) for tok in toks)
    what = bool(toks) and toks[0] in ("was", "what")  # "was bekommt eine Kommune?"
    kind = question_kind(question)
    if kind != "how_much" and not ((earning or what) and kind != "yes_no"):
        return None
    if not (earning or any(tok.startswith(_RECEIVING) for tok in toks)):
        return None
    # "wie viele Bewerber bekommen wir?", "how many applicants do we get", "wieviel
    # expertinnen bekommt man": a count of something, not an amount of money (unless
    # money is named: "wie viele Euro")
    counted = _COUNTED & set(toks) or counts_experts(question)
    if counted and not any(tok.startswith(_MONEY) for tok in toks):
        return None
    expert = any(tok.startswith(_EXPERTS) for tok in toks)
    town = any(tok.startswith(_RECIPIENTS) for tok in toks) or any(tok in _US for tok in toks)
    if expert and not town:
        return "expert"
    if town and not expert and not earning:
        return "municipality"
    return None


_PAYING = ("zahlt", "bezahlt", "finanziert", "ubernimmt", "tragt", "pays", "funds", "covers")


def asks_who_pays_the_expert(question: str) -> bool:
    """ "wer zahlt den Experten?", "gudn tach wer zahlt den expertn", "who pays the
    expert?": the expert's pay (the foundation covers it), not who funds the program."""
    toks = tokens(question)
    who = {"wer", "who"} & set(toks)
    paying = any(tok.startswith(_PAYING) for tok in toks)
    # "wer bezahlt die Person?": the one placed with the administration
    placed = any(tok.startswith(_EXPERTS) for tok in toks) or "person" in toks
    return bool(who) and paying and placed


_FUNDS = frozenset(
    """fund funds finance finances cover covers pay pays fordert finanziert zahlt bezahlt
    ubernimmt gefordert funded financed covered paid""".split()
)
_WHO_ASKED = frozenset("wer wem wen welche welcher welches who whom which".split())
# who gives the money in this program ("the foundation", "Bosch", "ihr"), not another
# funder ("was fördert die Aktion Mensch?")
_OUR_FUNDER = frozenset(
    "stiftung foundation bosch rbs ihr you programm program programme forderprogramm".split()
)


_BENEFIT = re.compile(
    r"\bwas (?:bringt|bringen) (?:uns|mir|einer kommune|einer stadt)\b"
    r"|\bwas (?:bringt|bringen) (?:das|es|die teilnahme|das programm)(?: uns| mir)?$"
    r"|\bwas (?:haben|hatten) wir (?:davon|dafur)\b|\bwas springt (?:fur uns |da )?raus\b"
    r"|\bwas (?:bekommen|kriegen) wir(?: dafur| davon| konkret| eigentlich)?$"
    r"|\b(?:welchen|was ist der) (?:nutzen|vorteil)\b|\bwelche vorteile\b"
    r"|\bwhat (?:s|is) in it for (?:us|me)\b|\bwhat do (?:we|i) get(?: out of it| from it)?$"
    r"|\bwhat are the benefits\b|\bwhat is the benefit\b|\bhow do (?:we|i) benefit\b"
)


_ATTENDING = re.compile(
    r"^(?:und |and |so |also )?(?:wer|who) (?:muss|mussen|soll|sollte|kommt|kommen|geht|nimmt|darf"
    r"|ist|sind|has|have|should|must|will|can|attends|goes|comes|is|are)"
    r"(?: (?:da|dort|dahin|denn|alles|there|to|going|expected|invited|eingeladen|teil|mit|hin"
    r"|attend|go|come|dabei|sein|be|it|that|this))*$"
)


def asks_who_attends(question: str) -> bool:
    """ "und wer muss da hin?", "who has to attend?", "wer ist eingeladen?": who goes to
    the event just named, which the call does not say (it names the core team as who the
    accompanying program is for)."""
    return bool(_ATTENDING.match(" ".join(tokens(question))))


_AS_A_PERSON = re.compile(
    r"\b(?:ich bin|i am|i m|im)(?: \w+){0,5} (?:gefluchtet\w*|fluchtling\w*|asylbewerber\w*"
    r"|refugee|asylum seeker|migrant\w*)\b"
    r"|\b(?:meinen|meine|my) (?:sohn|tochter|kind|kinder|son|daughter|child|children)\b"
)
_JOINING_AS = re.compile(r"\b(?:bewerb|anmeld|teilnehm|mitmach|apply|join|register|sign|take part)")


def asks_as_a_person(question: str) -> bool:
    """ "Ich bin selbst geflüchtet … Kann ich mich bewerben?", "Ich möchte meinen Sohn für
    das Programm anmelden": a person, not an administration, asking to take part – only
    cities, municipalities and authorities apply (refugees are whom the tools serve)."""
    text = " ".join(tokens(question))
    return bool(_AS_A_PERSON.search(text) and _JOINING_AS.search(text))


_BECOMING_EXPERT = re.compile(
    r"\b(?:als|as an?|as the|as one of the) (?:externe |external )?expert(?:in|e|en|s)?\b"
    r"|\b(?:how|wie) (?:do|can|could|kann|konnen|konnte)? ?(?:we|i|ich|wir|man|one) (?:become"
    r"|apply as|sich als|mich als|uns als)(?: \w+){0,4} expert|\bwie werde (?:ich|man) (?:\w+ )?expert"
    r"|\b(?:ich|wir) (?:\w+ ){0,3}expert(?:in|e|en)? werden\b"
    r"|\b(?:i|we) (?:\w+ ){0,3}become (?:an? |one of the )?(?:\w+ )?experts?\b"
)
_ME = frozenset("ich wir mich uns i we me us".split())


def asks_to_become_expert(question: str) -> bool:
    """ "und als Expertin? ich bin Softwareentwicklerin", "how do we become one of the
    external experts?": taking part as an expert, which the call does not say how to
    apply for (Lokalprojekte proposes profiles to the towns)."""
    toks = tokens(question)
    text = " ".join(toks)
    found = _BECOMING_EXPERT.search(text)
    if not found or not _ME & set(toks) or question_kind(question) == "who":
        return False
    # taking part asked ("kann ich mich als Expertin bewerben?"), or "und als Expertin?"
    # alone (not "können wir als Expertin jemanden vorschlagen?")
    first = tokens(re.split(r"(?<=[?.!])\s+", question.strip())[0])
    return (
        bool(_JOINING_AS.search(text) or re.search(r"\b(?:werden|become)\b", text))
        or len(first) <= 4
    )


_AGAIN = re.compile(r" (?:wieder|erneut|nochmal|noch einmal|again|once more|another round) ")
_A_ROUND = ("ford", "projekt", "kommun", "programm", "ausschreib", "fund", "project", "program",
            "call", "runde", "round", "bewerb", "apply")  # fmt: skip


def asks_again(question: str) -> bool:
    """ "Stimmt es, dass die Stiftung wieder fünf Kommunen fördert?", "fördert die Stiftung
    nochmal Projekte?": another round of the program (once the call is closed, the next
    call, of which nothing is known)."""
    toks = tokens(question)
    while toks and toks[-1] in ("again", "nochmal", "wieder"):  # "what's our project called
        toks = toks[:-1]  # again?": said again, no other round
    again = _AGAIN.search(f" {' '.join(toks)} ")
    return bool(again) and any(tok.startswith(_A_ROUND) for tok in toks)


def asks_who_shortlisted(question: str) -> bool:
    """ "wer ist in der engeren Auswahl?", "who made the shortlist?": who (not whether
    we) – the call names no one, only the talks with them."""
    text = f" {' '.join(tokens(question))} "
    who = question_kind(question) == "who" or " welche " in text or " which " in text
    return who and bool(re.search(r" engere\w* auswahl | shortlist", text))


def asks_benefit(question: str) -> bool:
    """ "was bringt uns das?", "what's in it for us?", "was haben wir davon?": what a
    town gets from taking part (what is funded), not what the program is about."""
    return bool(_BENEFIT.search(" ".join(tokens(question))))


def asks_what_is_funded(question: str) -> bool:
    """ "What exactly does the foundation fund?", "was fördert die Stiftung genau?": what
    the money goes to, not who gives it ("Which foundation funds it?", "Wer fördert
    das?") and not what someone is paid ("what does the expert earn")."""
    toks = tokens(question)
    if not (
        {"was", "what", "wofur"} & set(toks) and _FUNDS & set(toks) and _OUR_FUNDER & set(toks)
    ):
        return False
    return not (_WHO_ASKED & set(toks) or paid_to(question) or question_kind(question) == "yes_no")


_HOW_MUCH = ("wie viel", "wieviel", "wie hoch", "how much", "how high", "what amount",
             "which amount", "welche summe", "welcher betrag", "hohe der")  # fmt: skip
_WHOLE_FUNDING = (
    "funding", "forderung", "fordergeld", "fordersumme", "forderbetrag", "forderhohe",
    "fordermittel", "geld", "money", "finanzierung", "zuschuss", "grant", "support",
    "fund", "gefordert", "fordert",
)  # fmt: skip


def asks_how_much_funding(question: str) -> bool:
    """ "how much funding is there per project?", "wieviel fördergeld gibt es pro
    kommune": how much a project gets in all (the expert's pay and EUR 3,000), not what
    someone is paid nor a yes/no question."""
    toks = tokens(question)
    text = f" {' '.join(toks)} "
    if not any(f" {w} " in text for w in _HOW_MUCH):
        return False
    if not any(tok.startswith(_WHOLE_FUNDING) for tok in toks):
        return False
    return not (paid_to(question) or question_kind(question) == "yes_no")


_PRIVACY = ("datenschutz", "dsgvo", "gdpr", "privacy", "personenbezog")
_DATA = frozenset("daten data".split())
_KEPT = (
    "passier", "happen", "gespeichert", "speicher", "store", "geschutzt", "schutz", "protect",
    "verarbeit", "process", "weitergegeb", "shared", "loesch", "losch", "delet", "erase",
)  # fmt: skip


def asks_about_data(question: str) -> bool:
    """ "datenschutz?", "was passiert mit unseren daten", "is my data stored?": data
    protection, not the call's dates ("welche Daten sind wichtig?" is the timeline)."""
    toks = tokens(question)
    if any(tok.startswith(_PRIVACY) for tok in toks) or "data protection" in " ".join(toks):
        return True
    return bool(_DATA & set(toks)) and any(tok.startswith(_KEPT) for tok in toks)


_HOURS = frozenset(
    """stunden wochenstunden arbeitsstunden stundenzahl stundenumfang arbeitszeit zeitaufwand
    arbeitsaufwand aufwand hours workload teilzeit vollzeit fulltime parttime""".split()
)  # not "Stundenlohn": the pay
_HOW_MUCH_TIME = ("wie viel zeit", "wieviel zeit", "how much time", "full time", "part time")
_MENTOR = ("pat", "patin", "pate", "paten", "patinnen", "mentor", "sponsor")
_EXPERT = ("expert", "fachkraft", "fachkrafte", "specialist")
_NOT_HOURS = ("vorgesprach", "talk", "erreichbar", "reach", "office", "sprechzeit", "anruf", "call",
              "bock", "prokop", "kontakt", "contact", "einfuhrungstag", "kickoff", "abschluss")  # fmt: skip


def asks_hours(question: str, *, of_a_person: bool = False, alone: bool = False) -> bool:
    """ "Wie viel Zeit muss die Patin einplanen?", "how many hours per week does the expert
    work?": the time the mentor or the expert gives, which the call does not name; not
    the preliminary talks' 60–90 minutes, office hours or the time left to apply (no
    person named). `of_a_person`: the answer before was about the expert or the Pat:in,
    so "wie viele Stunden arbeitet sie?" asks of them; `alone`: no answer before it, so
    "wieviele stunden die woche?" asks of either of them (not of the talks just told)."""
    toks = tokens(question)
    text = f" {' '.join(toks)} "
    if not (_HOURS & set(toks) or any(w in text for w in _HOW_MUCH_TIME)):
        return False
    if any(tok.startswith(_NOT_HOURS) for tok in toks):
        return False
    if of_a_person and _PRONOUNS & set(toks):
        return True
    if (of_a_person or alone) and set(toks) <= _HOURS | _PER_WEEK:
        return True  # "wie viele stunden pro woche?" after the Pat:in, or with nothing before
    if of_a_person and set(toks) <= _HOURS | _PER_WEEK | _TAKES:
        return True  # "wie viel Zeit kostet das?", "how much time does that take?" after her
    return any(tok in _MENTOR or tok.startswith(_EXPERT) for tok in toks)


_PER_WEEK = frozenset(
    """wie viele viel wieviele wieviel how many much und and pro per a in der die the woche
    week monat month tag day ungefahr etwa about roughly sind es are is zeit time ich i wir
    we muss mussen must need do should einplanen planen plan rechnen dafur for that""".split()
)
# what the role takes, asked right after it ("wie viel zeit kostet das?")
_TAKES = frozenset(tokens("kostet kosten braucht brauchts dauert take takes cost costs does it "
                          "that this das es so a role rolle job aufgabe"))  # fmt: skip
# ("und kann die das in teilzeit machen" right after the expert: "die" is her)
_PRONOUNS = frozenset("sie er ihn ihm ihr die der she he her him they them person".split())


_OUR = frozenset("unser unsere unseren unserer unserem unseres our".split())
_OURS_NOW = ("expert", "fachkraft", "fachkrafte", "patin", "pate", "buddy", "kernteam", "mentor")
_IN_IT = re.compile(
    r"\bwir (?:wurden|sind) (?:ausgewahlt|dabei|teilnehmer\w*|im programm)\b"
    r"|\bund (?:wurden|sind) (?:ausgewahlt|genommen|dabei)\b"  # "wir sind aus torgau und …"
    r"|\bwir nehmen (?:teil|am programm teil)\b"
    r"|\bwe (?:were|have been|got|are|re) (?:selected|chosen|accepted|in the program\w*)\b"
    r"|\bwe (?:take|are taking) part\b"
    # a step of this call behind them: applied, talked, shortlisted, sent the profiles
    r"|\bwir (?:haben|hatten) (?:die|unsere|das|unser|den|eine) (?:projekt)?(?:skizze|bewerbung"
    r"|vorgesprach|profile|zusage|ruckmeldung)\w* (?:\w+ )?(?:abgegeben|eingereicht|abgeschickt"
    r"|geschickt|gesendet|bekommen|erhalten|gehabt|gefuhrt|geschrieben)\b"
    r"|\bwir hatten (?:unser|das|ein) vorgesprach"
    r"|\bwir sind (?:in der engeren auswahl|auf der shortlist|eine runde weiter)"
    r"|\b(?:we|i) (?:have |ve |just |already )*(?:submitted|sent|handed in|had|got|received)"
    r" (?:our|the|a|my) "
    r"(?:sketch|project sketch|application|pretalk|pre talk|preliminary talk|profiles|feedback)"
    r"|\bwe (?:are|re|were|have been|got) shortlisted\b"
    # handed in, the object unsaid: "I submitted today", "hab grad abgeschickt"
    r"|\b(?:we|i) (?:have |ve |just |already )*(?:submitted|handed (?:it )?in)\b"
    r"|\b(?:ich |wir )?(?:hab|habe|haben) (?:es |sie |das )?(?:heute |gerade |grad |eben |schon |jetzt )+"
    r"(?:abgeschickt|eingereicht|abgegeben|eingeschickt)\b"
    r"|\bwir haben uns (?:\w+ )?beworben\b|\bwe (?:have |ve )?(?:already )?applied\b"
    # "ich habe die bewerbung abgeschickt", "just submitted, what happens next?"
    r"|\bich (?:habe|hab) (?:die|meine|unsere|das|unser) (?:bewerbung|antrag|unterlagen)\w*"
    r" (?:\w+ )?(?:abgeschickt|eingereicht|abgegeben|geschickt|gesendet|eingeschickt)\b"
    r"|^\W*just (?:submitted|sent (?:it|ours|our application)|applied)\b"
)


# whose name a "wer ist unser …?" asks, and the entry that says how that person is found
_NAMED_ROLES = (
    (("buddy", "buddies"), "buddy_program"),
    (("expert", "fachkraft", "fachkrafte", "specialist"), "expert_choice"),
    (("pat", "patin", "pate", "paten", "mentor", "sponsor"), "core_team"),
)
_MINE = _OUR | {"mein", "meine", "meinen", "meiner", "my"}


def asks_whose_name(question: str) -> str | None:
    """ "wer ist mein Buddy?", "who will be our expert?", "wer wird unsere Patin?": a name
    the call cannot give (the buddy comes from Lokalprojekte's team, the expert is chosen
    from the profiles, the Pat:in is the municipality's own): the entry that says how the
    person is found, or None. Not "wer ist unser Ansprechpartner?" (the call's contacts)."""
    toks = tokens(question)
    if question_kind(question) != "who" or len(toks) > 8:
        return None
    if _NAMES & set(toks):  # "who were the experts, any names?"
        for words, entry in _NAMED_ROLES:
            if any(tok in words or tok.startswith(words[0]) for tok in toks):
                return entry
    for i, tok in enumerate(toks):
        if tok in _MINE and i + 1 < len(toks):
            for words, entry in _NAMED_ROLES:
                if toks[i + 1] in words or toks[i + 1].startswith(words[0]):
                    return entry
    return None


_NAMES = frozenset("name names namen heissen heisst".split())


# no candidates' profiles arrived (yet)
_NO_PROFILES = re.compile(
    r"\bkeine (?:\w+ )?profile (?:\w+ )?(?:bekommen|erhalten|gekriegt|gesehen)\b"
    r"|\bprofile (?:\w+ )?(?:noch )?nicht (?:bekommen|erhalten|gekriegt|da|angekommen)\b"
    r"|\bno (?:\w+ )?profiles\b|\b(?:haven t|havent|have not|not) (?:yet )?(?:got|gotten|received|seen)"
    r" (?:the |any |our )?(?:\w+ )?profiles\b"
)


def no_profiles_yet(question: str) -> bool:
    """ "wir haben noch keine Profile bekommen", "we haven't received any profiles": a
    selected municipality waiting for its candidates."""
    return bool(_NO_PROFILES.search(" ".join(tokens(question))))


def speaks_from_the_program(question: str) -> bool:
    """ "wann fängt unsere Expertin an?", "wir wurden ausgewählt, wie geht es weiter?",
    "our mentor asks …": someone already in the program (after the call closed, an
    expert of one's own means one is among the five), to whom the next call is no news."""
    toks = tokens(question)
    ours = any(
        tok in _OUR and any(n.startswith(_OURS_NOW) for n in toks[i + 1 : i + 3])
        for i, tok in enumerate(toks)
    )
    return ours or bool(_IN_IT.search(" ".join(toks))) or no_profiles_yet(question)


_WHICH = frozenset("welche welcher was what which wer who".split())
_THE_FIVE = ("projekte", "projects", "teilnehmer", "participants", "kommunen", "stadte", "towns",
             "cities", "gewinner", "winners")  # fmt: skip
_CHOSEN_ONES = ("ausgewahlt", "selected", "chosen", "gewonnen", "won", "dabei", "genommen")
_CHOOSING = ("wahlt", "wahlen", "aussuch", "sucht", "select", "choos", "entscheid", "bestimm")
_NOT_THE_FIVE = ("expert", "fachkraft", "profil", "kandidat", "candidat", "wie viele", "how many")
# "welche anderen Förderprogramme gibt es?", "which other foundations fund …": others
_OTHER = frozenset("andere anderen anderer anderes other others weitere further sonstige".split())


def asks_which_bare(question: str) -> bool:
    """ "welche denn?", "which ones?", "und wer?": which, with nothing else named (right
    after "fünf Projekte": those five)."""
    toks = tokens(question)
    return bool(toks) and bool(_WHICH_BARE & set(toks)) and set(toks) <= _WHICH_BARE | _BARE_REST


_WHICH_BARE = frozenset("welche welcher welches wer which who".split())
_BARE_REST = frozenset(
    """ones one denn sind das die waren are they were und and the genau exactly so also
    namen names these those diese them sie es it is was""".split()
)


def asks_which_ones(question: str) -> bool:
    """ "what were the five projects?", "welche Kommunen sind dabei?", "wer wurde
    ausgewählt?": which participants, by name (not how many, not the expert chosen)."""
    toks = tokens(question)
    text = " ".join(toks)
    if not _WHICH & set(toks) or _OTHER & set(toks) or any(w in text for w in _NOT_THE_FIVE):
        return False
    # "welche Städte …?", "who are the participants?"; not "wer wählt die Städte aus?"
    # (who chooses is another question)
    choosing = any(tok.startswith(_CHOOSING) for tok in toks)
    plural = _WHICH & set(toks) and not choosing and any(tok in _THE_FIVE for tok in toks)
    chosen = {"wer", "who"} & set(toks) and any(tok.startswith(_CHOSEN_ONES) for tok in toks)
    return bool(plural or chosen or asks_who_took_part(question))


def writes_the_profile(question: str) -> bool:
    """ "können wir das Profil für den Experten selbst schreiben?", "who drafts the
    expert's profile?": the profile the expert is recruited by (worked out in the final
    sketch talk), not the one to three candidates' profiles sent later ("Profile")."""
    toks = tokens(question)
    one = any(tok == "profil" or tok.endswith(("stellenprofil", "anforderungsprofil"))
              for tok in toks)  # fmt: skip
    english = "profile" in toks and not {"die", "der", "das", "wir", "ich"} & set(toks)
    return (one or english) and any(tok.startswith(_AUTHORING) for tok in toks)


_AUTHORING = (
    "schreib", "geschrieb", "erstell", "formulier", "definier", "ableit", "abgeleit",
    "entwick", "entwirf", "entwerf", "verfass", "write", "writes", "draft", "defin", "creat",
    "design", "formulat",
)  # fmt: skip


def asks_who_took_part(question: str, *, alone: bool = False) -> bool:
    """ "wer hat damals mitgemacht", "wer war 2023 dabei", "who took part?": the
    participants (the five). `alone`: nothing else named but a year ("wer war beim
    Kick-off dabei" names the kick-off)."""
    toks = [tok for tok in tokens(question) if not _A_YEAR.fullmatch(tok)]
    if not ({"wer", "who"} & set(toks) and _TOOK_PART.search(f" {' '.join(toks)} ")):
        return False
    return not alone or all(is_stopword(tok) or tok in _WHO_TOOK_PART for tok in toks)


_TOOK_PART = re.compile(
    r" (?:mitgemacht|teilgenommen|dabei gewesen|dabei waren|war dabei|waren dabei|took part"
    r"|participated|was in it|were in it|got in|got funding|got funded|was funded|were funded) "
)
_A_YEAR = re.compile(r"(?:19|20)\d\d|\d\d")  # "2023", the "24" of "2023/24"
_WHO_TOOK_PART = frozenset(
    """wer who mitgemacht teilgenommen dabei took part participated got funding funded
    alles all damals""".split()
)


def asks_outcome(question: str) -> bool:
    """ "was ist aus der Webwegweiser-Sache in Torgau geworden?", "what came out of the
    evaluation?", "hat es in Kalletal geklappt?": what came of a project or of the
    evaluation (results the call cannot name: it was written before them)."""
    return bool(_OUTCOME.search(f" {' '.join(tokens(question))} "))


_OUTCOME = re.compile(
    r" aus (?:\w+ ){0,6}geworden | was wurde aus | daraus geworden | was (?:kam|kommt) (?:\w+ ){0,4}"
    r"(?:raus|heraus|rum|herum) | (?:raus|heraus)gekommen | ergeben | (?:was|welche) (?:sind|waren)"
    r" (?:die )?ergebnisse | bilanz | wie (?:ist|sind|war|waren) (?:\w+ ){0,5}gelaufen | wie liefe?n? "
    r"| (?:funktioniert|geklappt) (?:hat )?$| erfolgreich (?:war|waren|gewesen) | what came (?:out )?of "
    r"| what happened (?:to|with) | how did (?:\w+ ){0,6}(?:go|turn out|work out|end up) "
    r"| what (?:were|are) the (?:\w+ )?(?:results|outcomes) | did (?:it|they|that) work| was it a success "
    r"| (?:was|were) (?:it|they) successful | did (?:\w+ ){0,6}(?:work out|succeed|pay off) "
    r"| wie ging es (?:\w+ ){0,4}weiter | what became of "
    r"| (?:war|waren|was|were) (?:\w+ ){0,6}(?:erfolgreich|successful|a success|ein erfolg) "
)


def counts_chosen(question: str) -> bool:
    """ "wie viele Gemeinden nehmen sie denn?", "how many towns do you take?": how many
    are funded (five), not how many apply."""
    toks = tokens(question)
    text = f" {' '.join(toks)} "
    if not _has(text, _MANY) or any(tok.startswith(_APPLICANTS) for tok in toks):
        return False
    towns = any(tok.startswith(_A_PROJECT) for tok in toks)
    spans = any(tok.startswith(_SPANS) for tok in toks)  # "how many months does it take"
    # "und wie viele werden gefördert?": nothing named but being taken (the projects)
    said = [tok for tok in toks if not (is_stopword(tok) or tok in _COUNT_WORDS)]
    bare = bool(said) and all(tok.startswith(_TAKEN) for tok in said)
    return (towns or bare) and not spans and any(tok.startswith(_TAKEN) for tok in toks)


_COUNT_WORDS = frozenset("wie viele wieviele many how number anzahl get gets got".split())


_SPANS = ("monat", "month", "jahr", "year", "woch", "week", "tag", "day", "stund", "hour")


_TAKEN = ("nehm", "nimm", "genomm", "aufgenomm", "ausgewahlt", "auswahl", "gefordert", "ford",
          "take", "taking", "taken", "select", "chosen", "choose", "fund", "accept", "took",
          "participat", "teilgenomm", "mitgemacht", "money", "geld", "zusage", "zuschlag")  # fmt: skip


_ABOUT = re.compile(
    r"^(?:(?:und|and|so|ok|okay|also|aha|ah)\s+)*(?:worum (?:geht|ging)|um was (?:geht|ging)"
    r"|was (?:ist|war) (?:das|es) (?:eigentlich |uberhaupt )?(?:fur ein programm|fur eins)"
    r"|what (?:is|was|s) (?:it|this|that|the program\w*|the call) (?:all )?about"
    r"|what (?:is|was) (?:it|this) for)"
)


_NEWS = ("neues", "neus", "neue", "neu", "news", "new", "anything", "something", "nix", "nichts",
         "nachstes", "nachste", "nachsten", "next", "aha", "mal", "time",
         "nothing", "etwas", "gibts", "gibt", "jahr", "year", "runde", "round", "ausschreibung",
         "call", "yet", "schon", "noch", "mehr", "more", "again", "wieder")  # fmt: skip


_ASKING_SOMEONE = (
    "frag", "anruf", "anrufen", "kontakt", "wend", "schreib", "meld", "erreich", "mail",
    "ask", "call", "contact", "email", "write", "reach", "talk", "speak", "turn",
)  # fmt: skip
_SOMEONE_NAMED = ("expert", "pat", "mentor", "buddy", "burgermeister", "mayor", "stiftung",
                  "foundation", "bosch", "evaluation")  # fmt: skip


def asks_whom_to_ask(question: str) -> bool:
    """ "wen kann ich fragen", "who should I contact now?", "who can I call?": the
    contacts (not "who is my buddy?", nor whom a step is with)."""
    toks = tokens(question)
    if question_kind(question) != "who" or len(toks) > 8:
        return False
    if any(tok.startswith(_SOMEONE_NAMED) for tok in toks):
        return False
    return any(tok.startswith(_ASKING_SOMEONE) for tok in toks[1:])


# "kannst du mir einen Text für die Bewerbung schreiben?", "can you draft our application?"
_A_TASK = re.compile(
    r"^(?:(?:und|and|ok|okay|hey|hi|bitte|please)\s+)*(?:kannst du|konnen sie|konntest du"
    r"|konnten sie|can you|could you|would you|will you)\b.*\b(?:schreib\w*|formulier\w*"
    r"|verfass\w*|ausfull\w*|ubersetz\w*|korrigier\w*|erstell\w*|durchles\w*|write|draft"
    r"|fill|translate|proofread|correct|rewrite|compose)\b"
)
_OTHER_PROGRAMS = re.compile(
    r"\b(?:andere|anderen|ahnliche|ahnlichen|alternative|other|similar|alternative)\s+"
    r"(?:\w+\s+)?(?:forderprogramm\w*|programm\w*|forderung\w*"
    r"|ausschreibung\w*|stiftung\w*|programs?|programmes?|funding|grants?|calls?|foundations?)\b"
)


def asks_a_task(question: str) -> bool:
    """ "kannst du mir einen Text für die Bewerbung schreiben?": work on the application
    asked of the bot, which only answers questions about the call (a poem is off topic)."""
    toks = tokens(question)
    return bool(_A_TASK.match(" ".join(toks))) and any(tok.startswith(_APPLICATION) for tok in toks)


def asks_other_programs(question: str) -> bool:
    """ "any other funding programs you'd recommend?", "gibt es ähnliche Programme der
    Bosch Stiftung?": programs the call does not name."""
    return bool(_OTHER_PROGRAMS.search(" ".join(tokens(question))))


_APPLICATION = ("bewerb", "bewirb", "antrag", "einreich", "application", "apply", "submit", "skizze",
                "sketch", "unterlag", "document")  # fmt: skip


def asks_language(question: str) -> bool:
    """ "is the application in german only or can we apply in english?": in which
    language to apply, which the call does not say."""
    toks = tokens(question)
    text = " ".join(toks)
    # "in English", "auf Deutsch", "which language" (not "a German municipality")
    named = _IN_A_LANGUAGE.search(text) or {"sprache", "language", "languages"} & set(toks)
    # (asked beside the deadline, the deadline's answer comes first; "kannst du mir das
    # auf Englisch sagen: …" asks for the reply's language)
    other = _has(f" {text} ", (*_DEADLINE_WORDS, *_REPLYING))
    return bool(named) and not other and any(tok.startswith(_APPLICATION) for tok in toks)


def asks_call_language(question: str) -> bool:
    """ "Gibt es die Ausschreibung auch auf Englisch?", "is the call available in
    English?", "in welcher Sprache ist die Ausschreibung?": the call's own language (it
    is written in German; no other version is named), not the application's."""
    toks = tokens(question)
    text = " ".join(toks)
    named = _IN_A_LANGUAGE.search(text) or {"sprache", "language", "englische", "english"} & set(
        toks
    )
    the_call = {"ausschreibung", "call", "text", "version", "fassung", "ubersetzung", "translation"}
    applying = any(tok.startswith(_APPLICATION) for tok in toks)
    return bool(named) and bool(the_call & set(toks)) and not applying


_REPLYING = ("sag", "antwort", "erklar", "say", "tell", "answer", "reply", "explain", "schreib mir",
             "write me")  # fmt: skip
_IN_A_LANGUAGE = re.compile(r"\b(?:in|auf) (?:englisch|english|deutsch|german)\b|\bgerman only\b")


_PEOPLE = ("leute", "personen", "people", "persons", "mitarbeit", "staff", "kolleg", "colleague")
_OUR_SIDE = ("verwaltung", "administration", "rathaus", "unser", "our", "uns", "us")


def counts_own_staff(question: str) -> bool:
    """ "wie viele Leute aus unserer Verwaltung sollen mitmachen": the core team (the
    expert and one Pat:in from the administration)."""
    toks = tokens(question)
    counted = _has(f" {' '.join(toks)} ", _MANY) or {"wieviel", "wieviele"} & set(toks)
    people = any(tok.startswith(_PEOPLE) for tok in toks)
    return bool(counted) and people and any(tok.startswith(_OUR_SIDE) for tok in toks)


_TOLD = ("horen", "hoeren", "hear", "bescheid", "erfahr", "know", "told", "informiert",
         "notified", "ruckmeld", "antwort", "answer", "zusage", "absage")  # fmt: skip


def asks_when_told(question: str) -> bool:
    """ "wenn wir morgen einreichen, wann hören wir dann was?": when the decision comes."""
    toks = tokens(question)
    told = any(tok.startswith(_TOLD) for tok in toks) or {"hor", "hore", "hort"} & set(toks)
    told = told or "find out" in " ".join(toks)  # "when do we find out if we're in?"
    return bool({"wann", "when"} & set(toks)) and bool(told)


_SOURCE = re.compile(
    r"\b(?:woher (?:weisst|wissen) (?:du|sie)|wo steht (?:das|es)|where (?:does|dos) it say"
    r"|how do you know|where is that from|what is your source|quelle|source)\b"
)


def asks_source(question: str) -> bool:
    """ "echt? woher weißt du das", "where does it say that?": where the answer is from."""
    return bool(_SOURCE.search(" ".join(tokens(question))))


_SOMEONE = re.compile(
    r"\b(?:someone|somebody|a person|an expert|jemand\w*|eine person|ein experte|eine expertin)"
    r" (?:\w+ ){0,2}?(?:from|aus) (?:\w+ ){0,3}?(?:administration|verwaltung|stadtverwaltung"
    r"|behorde|public sector|offentlichen dienst|city hall|rathaus)\b"
)


def asks_someone_from_administration(question: str) -> bool:
    """ "can it be someone from another city administration?": whether the expert may
    come from an administration (the call: deliberately from another sector); not the
    Pat:in from one's own ("jemanden aus der Verwaltung als Paten", "from inside")."""
    toks = tokens(question)
    if not _SOMEONE.search(" ".join(toks)):
        return False
    if any(tok.startswith(("pat", "mentor", "intern", "inside")) for tok in toks):
        return False
    other = {"another", "other", "andere", "anderen", "anderer", "fremden"} & set(toks)
    return bool(other) or any(tok.startswith(("expert", "fachkraft")) for tok in toks)


_CHOOSING_ONE = ("pick", "picked", "choos", "chose", "select", "auswahl", "ausgewahlt",
                 "aussuch", "ausgesucht", "entschied", "entscheid")  # fmt: skip
_LATE_WORDS = ("too late", "zu spat", "spat dran", "late", "deadline", "frist", "bis wann",
               "by when", "problem", "schlimm")  # fmt: skip


def asks_choice_late(question: str) -> bool:
    """ "We still haven't picked an expert, is it too late?": the choice of the expert and
    its date (end of August), not the application's deadline."""
    toks = tokens(question)
    text = f" {' '.join(toks)} "
    chooses = any(tok.startswith(_CHOOSING_ONE) for tok in toks)
    expert = any(tok.startswith(("expert", "fachkraft", "profil", "kandidat", "candidat"))
                 for tok in toks)  # fmt: skip
    return chooses and expert and _has(text, _LATE_WORDS)


_PROJECT_WORDS = ("projekt", "project", "programm", "program", "projektphase", "forderung")
_NOT_THE_PROJECT = ("bewerb", "applic", "apply", "frist", "deadline", "skizze", "sketch",
                    "ausschreib", "call", "vorgesprach", "talk", "evaluation", "profil")  # fmt: skip
_STARTS = ("start", "beginn", "begin", "anfang", "fangt", "losgeh", "los", "kick")
_CHOOSING_WORDS = ("auswahl", "wahl", "wahlen", "wahlt", "choos", "choice", "select", "such",
                   "search", "find", "profil", "vorschlag", "kandidat", "candidat")  # fmt: skip
_ENDS = ("end", "ende", "aufhor", "finish", "vorbei", "over", "schluss", "abschluss")
_RUNS_FOR = ("lauft", "lief", "laufen", "run", "ran", "dauert", "dauerte", "last", "geht", "ging")


def asks_project_when(question: str, *, pointed: bool = False) -> str | None:
    """ "wann startet das Projekt?", "when does the program end?", "wann lief das
    Programm?": 'start' (the kick-off), 'end' (the closing event) or 'span' (the project
    period); with `pointed`, "and when does it end" right after one of them too. None for
    anything else (the application's dates are the deadline's). Of several sentences
    the last that asks when ("we're one of the selected towns. when does our expert
    start?")."""
    asking = [s for s in re.split(r"[.!?]+", question) if {"wann", "when"} & set(tokens(s))]
    toks = tokens(asking[-1] if asking else question)
    if not {"wann", "when"} & set(toks) or len(toks) > 10:
        return None
    if any(tok.startswith(_NOT_THE_PROJECT) for tok in toks):
        return None
    named = project = any(tok.startswith(_PROJECT_WORDS) for tok in toks)
    # "wann fängt die Expertin an?": her six months are the project's (not her choice)
    expert = any(tok.startswith(("expert", "fachkraft")) for tok in toks)
    named = named or expert and not any(tok.startswith(_CHOOSING_WORDS) for tok in toks)
    # "and when does it end", "und wann ist Schluss?" right after the start
    short = {"it", "es", "das"} & set(toks) or len(toks) <= 4
    if not (named or pointed and short):
        return None
    starts = any(tok.startswith(_STARTS) for tok in toks)
    # "wann kommt unsere Expertin?", "when will the expert arrive?": her start
    arrives = any(tok.startswith(("komm", "arriv")) for tok in toks) or {"ab", "da"} & set(toks)
    starts = starts or expert and bool(arrives)  # "und ab wann wär die fachkraft da"
    ends = any(tok.startswith(_ENDS) for tok in toks)
    if expert and not project and (starts or ends):
        return "span"  # her six months ("Oktober 2023 bis März 2024"), not the events
    if starts != ends:  # "when does it start and end": the whole period
        return "start" if starts else "end"
    return "span" if starts or any(tok.startswith(_RUNS_FOR) for tok in toks) else None


_AT_THE_END = frozenset(
    """und and am at the zum zu ganz dann then was what passiert happens ist is gibts gibt es
    there wie how sieht looks aus like""".split()
)
_THE_END = frozenset("ende end schluss abschluss finally zuletzt".split())


def asks_the_end(question: str) -> bool:
    """ "und am ende?", "and at the end?", "was passiert zum schluss?": the end of what
    was just told (the course of the program: its closing event); nothing else asked."""
    toks = set(tokens(question))
    return bool(toks & _THE_END) and toks <= _AT_THE_END | _THE_END


_PROGRAM_TOKENS = frozenset(
    """programm programms program programme projekt projekte projekts projektphase project
    projects""".split()
)


def asks_program_length(question: str) -> bool:
    """ "wie lange lief das programm insgesamt", "how long was the project phase": how
    long the program or a project runs (not the talks, the application or the expert)."""
    toks = tokens(question)
    text = f" {' '.join(toks)} "
    long = any(
        f" {a} {b} " in text for a, b in (("wie", "lange"), ("wie", "lang"), ("how", "long"))
    )
    named = _PROGRAM_TOKENS & set(toks)  # (not "Projektskizze": the sketch)
    return long and bool(named) and not any(tok.startswith(_NOT_THE_PROJECT) for tok in toks)


def asks_news(question: str) -> bool:
    """ "2026 gibts nix neues?", "anything new?", "gibt es was neues?": whether a new call
    has come (the next call's answer); nothing else named."""
    toks = [tok for tok in tokens(question) if not tok.isdigit()]
    # "und nächstes Jahr?": the next round
    next_round = {"nachstes", "nachste", "nachsten", "next"} & set(toks) and {
        "jahr",
        "year",
        "runde",
        "round",
        "mal",
        "time",
    } & set(toks)
    if not ({"neues", "neus", "neu", "neue", "news", "new"} & set(toks) or next_round):
        return False
    return all(is_stopword(tok) or tok in _NEWS or tok in QUESTION_WORDS for tok in toks)


def asks_what_about(question: str) -> bool:
    """ "worum ging es?", "what was it about?", "what's the program about?": what the
    program is about (the summary), not the answer just given."""
    return bool(_ABOUT.match(" ".join(tokens(question))))


_THE_CLOCK = re.compile(
    r"^(?:und |and |sorry |hey |hallo |hi )*(?:wie spat ist es|wie viel uhr ist es"
    r"|wieviel uhr ist es|wie spat haben wir|what time is it|what s the time|whats the time)"
    r"(?: (?:gerade|jetzt|bei euch|bei ihnen|now|there|right now))*$"
)


def asks_the_clock(question: str) -> bool:
    """ "wie spät ist es?", "what time is it?": the time now, no question about the
    call's hour of the deadline."""
    return bool(_THE_CLOCK.match(" ".join(tokens(question))))


_CONTACT_PERSON = ("ansprechp", "ansprechpartner", "kontaktperson", "bezugsperson")
_INSIDE = (" bei uns ", " intern", " verwaltungsintern", " in der verwaltung ", " im haus ",
           " in unserer verwaltung ", " on our side ", " in our administration ", " internal ",
           " in house ", " in-house ")  # fmt: skip


def asks_internal_contact(question: str) -> bool:
    """ "wer ist seine Ansprechperson bei uns?", "who is the expert's internal contact
    person?": the Pat:in inside the administration (the core team), not Lokalprojekte's
    contacts."""
    toks = tokens(question)
    text = f" {' '.join(toks)} "
    person = any(tok.startswith(_CONTACT_PERSON) for tok in toks) or " contact person " in text
    inside = any(w in text for w in _INSIDE)
    return person and inside and "lokalprojekt" not in text


_EMPLOYS = re.compile(
    r"\b(stellt \w+( \w+){0,3} (ein|an)|einstell\w*|anstell\w*|angestellt|arbeitgeber\w*"
    r"|hires?|employs?|employer|employed)\b"
)


def asks_who_employs(question: str) -> bool:
    """ "wer stellt die person dann ein, wir?", "who hires them?", "bei wem ist sie
    angestellt?": who employs the expert (Lokalprojekte, by temporary agency
    employment)."""
    text = " ".join(tokens(question))
    return bool({"wer", "who", "wem", "whom"} & set(text.split())) and bool(_EMPLOYS.search(text))


_WHO_ARE = frozenset("wer who sind are ist is".split())
_ONLY_SO = frozenset("die der the eigentlich denn genau so actually exactly".split())


def asks_who_the_makers_are(question: str) -> bool:
    """ "Wer sind die Integrationsmacher:innen?", "who are the integrationsmacher": the
    people the call names so – each project's core team of expert and Pat:in – not the
    program ("Was ist …?") or who funds it. Nothing asked but who they are."""
    toks = tokens(question)
    rest = {t for t in toks if not t.startswith("integrationsmach")}
    return len(rest) < len(set(toks)) and {"wer", "who"} & rest and rest <= _WHO_ARE | _ONLY_SO


_CRITERIA = ("kriteri", "criteri")
_CRITERIA_ALONE = frozenset(
    """nach welchen welche which what by und and die the kriterien kriterium criteria
    criterion""".split()
)
_OF_EXPERTS = ("expert", "fachkraft", "kandidat", "candidate", "profil", "person", "pat",
               "buddy", "mentor")  # fmt: skip
_SELECTING = ("auswahl", "ausgewahlt", "wahlt", "selection", "selected", "chosen", "bewertet",
              "bewertung", "vergeben", "entscheid", "entschied", "decid")  # fmt: skip
_ELIGIBLE = ("eligib", "teilnahm", "voraussetz", "erfull", "bewerb", "apply", "meet")
_HOW_CHOSEN = re.compile(
    r"\b(?:wie|how)\s+(?:werden|wird|are|is|will|do you|does)\s+(?:die\s+|the\s+)?"
    r"(?:projekte|kommunen|bewerbungen|stadte|gemeinden|teilnehmer\w*|projects|municipalities"
    r"|applications|towns|cities|applicants|participants)\s+(?:\w+\s+)?"
    r"(?:ausgewahlt|selected|chosen|picked)\b"
)


_WHO_DECIDES = re.compile(
    r"\b(?:wer|who) (?:entscheidet|entscheiden|decides|decide|wahlt|chooses|selects|bestimmt)\b"
)


def asks_who_selects(question: str) -> bool:
    """ "wer entscheidet über die auswahl", "who decides on the selection?": who chooses
    (no expert named: of the towns, before they are chosen)."""
    toks = tokens(question)
    if any(tok.startswith(_OF_EXPERTS) for tok in toks):
        return False
    chosen = any(
        tok.startswith(("auswahl", "selection", "ausgewahlt", "gefordert", "funded"))
        for tok in toks
    )
    return chosen and bool(_WHO_DECIDES.search(" ".join(toks)))


def asks_selection(question: str) -> bool:
    """ "nach welchen Kriterien wird ausgewählt?", "selection criteria?", "wie werden die
    Projekte ausgewählt": how the municipalities are chosen, which the call does not say
    beyond the talks with the shortlist (not who may apply, not how the expert is chosen,
    which it says; not who chooses)."""
    toks = tokens(question)
    if any(tok.startswith(_OF_EXPERTS) for tok in toks):
        return False
    if any(c in tok for tok in toks for c in _CRITERIA):  # "Auswahlkriterien" too
        selecting = any(tok.startswith(_SELECTING) for tok in toks)
        selecting = selecting or set(toks) <= _CRITERIA_ALONE  # "nach welchen kriterien"
        return selecting and not any(tok.startswith(_ELIGIBLE) for tok in toks)
    return bool(_HOW_CHOSEN.search(" ".join(toks)))


_GOES = frozenset(
    """lauft laufen ablauf ablaufe funktioniert funktionieren work works process verfahren
    prozess procedure geht gehts""".split()
)


_OF_APPLYING = ("bewerb", "applic", "apply", "verfahren", "auswahlverfahren", "ausschreib",
                "process", "prozess", "procedure")  # fmt: skip


def asks_how_it_goes(question: str) -> bool:
    """ "wie läuft die Bewerbung ab?", "how does the application process work?": the
    steps of the call (its timeline); not of another topic ("buddy programm wie läuft
    das")."""
    toks = set(tokens(question))
    applying = any(tok.startswith(_OF_APPLYING) for tok in toks)
    return bool({"wie", "how"} & toks and _GOES & toks) and applying


_PER_REGION = re.compile(
    r"\b(?:pro|je|per|each|every|in jedem|in each|in every|fur jedes|for each|for every)\s+"
    r"(?:bundesland|land|federal state|state|region)\b"
)


def asks_per_region(question: str) -> bool:
    """ "is it 5 projects total or per federal state?", "5 Projekte pro Bundesland?": the
    five are counted for all of Germany, not per state."""
    text = " ".join(tokens(question))
    counted = 5 in numbers(question) or any(w in text for w in ("projekt", "project", "platz"))
    return counted and bool(_PER_REGION.search(text))


# -- "nur 5??" right after "fünf Projekte": the number just said, asked back --------------

_ECHO = frozenset(
    """nur only wirklich really echt just tatsachlich ernsthaft seriously oh ja yes also so
    ganze ganzen lediglich bloss genau exactly eigentlich insgesamt total in all wow euro
    eur""".split()
)


def echoes_a_number(question: str, answer: str) -> bool:
    """ "nur 5??", "only five?", "wirklich nur sechs Monate?" right after an answer that
    names that number ("fünf Projekte", "sechs Monate"): asked back in surprise or to
    make sure, answered "Ja" with the answer. Nothing else may be asked: the other words
    are the answer's own ("monate") or doubt ("wirklich", "nur")."""
    if "?" not in question and "!" not in question:
        return False
    asked = numbers(question)
    toks = tokens(question)
    if len(asked) != 1 or not 0 < len(toks) <= 5 or not asked <= numbers(answer):
        return False
    if any(1990 <= n < 2100 for n in asked):  # "2023?": a year is a date asked, not a count
        return False
    said = {stem(tok) for tok in tokens(answer)}
    return all(tok in _ECHO or stem(tok) in said or numbers(tok) or tok.isdigit() for tok in toks)


# -- "nur in Bayern oder bundesweit?", "open to Austria?": where the call is open ----------

_ABROAD = (
    "osterreich", "osterreichisch", "schweiz", "schweizer", "ausland", "auslandisch",
    "luxemburg", "austria", "austrian", "switzerland", "swiss", "abroad", "luxembourg",
    "liechtenstein", "sudtirol", "europaweit", "eu weit", "europe wide",
)  # fmt: skip
_REGIONS = (
    "ostdeutschland", "westdeutschland", "norddeutschland", "suddeutschland", "osten",
    "westen", "norden", "suden", "neue bundeslander", "neuen bundeslandern", "alte bundeslander",
    "east germany", "eastern germany", "west germany", "western germany", "north germany",
    "northern germany", "south germany", "southern germany", "the east", "the west",
    "bayern", "sachsen", "sachsen anhalt", "sachsenanhalt", "thuringen", "brandenburg",
    "berlin", "hamburg", "bremen", "hessen", "niedersachsen", "nordrhein westfalen",
    "nordrheinwestfalen", "nrw", "rheinland pfalz", "rheinlandpfalz", "saarland",
    "schleswig holstein", "schleswigholstein", "baden wurttemberg", "badenwurttemberg",
    "mecklenburg vorpommern", "mecklenburgvorpommern", "bavaria", "saxony", "thuringia",
    "hesse", "lower saxony", "north rhine westphalia", "bundesland", "bundeslander",
    "einzelne bundeslander", "federal state", "federal states", "certain states",
)  # fmt: skip
_BIG = ("gross", "big", "large", "major", "kreisfrei")
_TOWNS = ("stadt", "stadte", "grossstadt", "cit", "town", "kommun", "municipal")
_ONLY_REGION = ("nur", "only", "ausschliesslich", "just", "exclusively", "lediglich")
_WHOLE = ("bundesweit", "deutschlandweit", "ganz deutschland", "nationwide", "all of germany",
          "whole of germany", "across germany", "all over germany")  # fmt: skip
_TAKING_PART = (
    "bewerb", "teilnehm", "teilnahm", "mitmach", "mitzumach", "gilt", "offen", "programm",
    "ausschreib", "forder", "apply", "applic", "eligible", "open", "participat", "take part",
    "join", "program", "call", "funding", "funded",
)  # fmt: skip
_NOT_THE_APPLICANT = ("expert", "pat", "mentor", "buddy", "ahnlich", "similar", "other", "andere")


def asks_region_only(question: str) -> bool:
    """ "nur in Bayern oder bundesweit?", "ist das Programm nur für Ostdeutschland?", "is
    the call also open to administrations in Austria?": whether the call is open to a
    part of Germany only, or beyond it. The call is open to cities, municipalities and
    authorities in Germany, all of it: "Nein" either way (eligibility's answer); so is
    "nur für große Städte?" (the call sets no size). Not a
    question about experts or another program ("ein ähnliches Programm in Österreich?")."""
    toks = tokens(question)
    text = f" {' '.join(toks)} "
    if any(f" {w}" in text for w in _NOT_THE_APPLICANT):
        return False
    taking_part = any(f" {w}" in text for w in _TAKING_PART)
    # ("Oberösterreich", "Niederösterreich": a part of Austria)
    abroad = any(f" {w} " in text for w in _ABROAD) or any(
        tok.endswith("osterreich") for tok in toks
    )
    if abroad:  # ("und wenn wir in Österreich sind?", "what if we're a Swiss town?")
        return taking_part and question_kind(question) == "yes_no" or bool(_IF_WE.search(text))
    region = any(f" {w} " in text for w in _REGIONS)
    only = any(f" {w} " in text for w in _ONLY_REGION)
    # "only" of the region ("nur in Bayern"), not of something else beside a region said
    # ("we're a Landkreis in Bavaria. can a county apply or only cities?")
    near = [
        f" {' '.join(toks[i + 1 : i + 7])} " for i, tok in enumerate(toks) if tok in _ONLY_REGION
    ]
    only_region = any(f" {w} " in after for after in near for w in _REGIONS)
    if only and any(f" {w}" in text for w in _BIG) and any(f" {w}" in text for w in _TOWNS):
        return True  # "is it only for big cities?": no size is set (Gemeinde Kalletal)
    whole = any(f" {w} " in text for w in _WHOLE)
    if not (region and (only_region or whole)):
        return False
    # "nur in bayern oder bundesweit?" (nothing else asked), or of the call/program
    short = len([t for t in toks if not is_stopword(t)]) <= 4
    return short or taking_part


_IF_WE = re.compile(r" (?:wenn|falls|if) (?:wir|we) ")
_SMALL = ("klein", "small", "tiny", "winzig")
_ALSO_FOR = frozenset("auch also too even selbst".split())


_POPULATION = ("einwohner", "inhabitant", "population", "residents", "people")
# a size the call might require: "Mindestgröße", "Mindesteinwohnerzahl", "minimum size"
_SIZE_RULE = ("mindestgross", "mindesteinwohner", "hochstgross", "maximalgross",
              "mindestbevolker", "einwohnergrenze", "grossenvorgabe", "grossenbeschrank")  # fmt: skip
_SIZE_RULE_EN = re.compile(
    r" (?:minimum|min|maximum|max) (?:size|population|number of (?:inhabitants|residents)) "
    r"| (?:size|population) (?:limit|requirement|threshold|cap) "
)
_WHICH_SIZE = re.compile(
    r" (?:wie (?:gross|klein)|how (?:big|large|small)) "
    r"| (?:wie ?viele|how many) (?:einwohner|inhabitants|residents|people) "
)
_JOINING = ("bewerb", "mitmach", "teilnehm", "apply", "join", "eligib", "particip")


def asks_town_size(question: str) -> str | None:
    """ "ist das programm auch für große städte?", "also for small towns?", "wir sind ne
    kleine gemeinde in bayern mit 4000 einwohnern, können wir mitmachen?": 'big',
    'small' or 'any', whether the call is open to towns of that size (it sets none);
    "wie groß muss die gemeinde sein?": 'asked'; else None."""
    toks = tokens(question)
    text = f" {' '.join(toks)} "
    if any(tok.startswith(_SIZE_RULE) for tok in toks) or _SIZE_RULE_EN.search(text):
        return "asked"  # "gibt es eine Mindesteinwohnerzahl?", "is there a minimum size?"
    if not any(f" {w}" in text for w in (*_TOWNS, "gemeinde", "landkreis", "kreis")):
        return None
    required = set(toks) & {"muss", "mussen", "sollte", "must", "need", "needs", "have", "has"}
    if required and _WHICH_SIZE.search(text):
        return "asked"  # "und wie groß muss die gemeinde sein": which size, none is set
    big = any(f" {w}" in text for w in _BIG)
    small = any(f" {w}" in text for w in _SMALL)
    counted = any(tok.startswith(_POPULATION) for tok in toks)
    joining = any(tok.startswith(_JOINING) for tok in toks)
    if not (_ALSO_FOR & set(toks) and (big or small) or joining and (big or small or counted)):
        return None
    if question_kind(question) != "yes_no":
        return None
    return "big" if big else "small" if small else "any"


# words only this program's questions use ("Bewerbung" or "Projekt" are anyone's)
_PROGRAM_WORDS = (
    "expert", "lokalprojekt", "ausschreib", "integrationsmach", "buddy", "kickoff",
    "abschlussevent", "abschlussveranstalt", "vorgesprach", "projektskizz", "skizz", "sketch",
    "forderprogramm", "lernplattform", "einfuhrungstag", "jourfix",
)  # fmt: skip


def names_the_program(question: str, other: str = "") -> bool:
    """Whether `question` names something of this program ("der Experte", "die
    Vorgespräche") that `other` (a question about the world it resembles) does not."""
    theirs = tokens(other)
    return any(
        tok.startswith(word) and not any(o.startswith(word) for o in theirs)
        for tok in tokens(question)
        for word in _PROGRAM_WORDS
    )


# what an application takes beyond the call's text: signatures, a council's decision,
# documents ("muss der Bürgermeister unterschreiben?", "do we need a council resolution?")
_APPLICATION_WORDS = (
    "unterschr", "unterzeichn", "sign", "ratsbeschluss", "beschluss", "gemeinderat",
    "stadtrat", "kreistag", "council", "resolution", "burgermeister", "oberburgermeister",
    "mayor", "landrat", "antrag", "unterlag", "nachweis", "lebenslauf", "anschreiben",
    "motivationsschreiben", "empfehlungsschreiben", "stempel", "stamp", "einverstandnis",
    "zustimmung", "approval", "freigabe", "bewerbung", "application", "document", "dokument",
)  # fmt: skip


def about_the_application(question: str) -> bool:
    """ "muss der Bürgermeister unterschreiben?", "brauchen wir einen Ratsbeschluss?":
    a question about what applying takes, which the call may not answer but the team
    can (never the line that the bot only answers questions about the call)."""
    return any(tok.startswith(_APPLICATION_WORDS) for tok in tokens(question))


def names_clock_time(question: str) -> bool:
    """ "um mitternacht", "bis 24 Uhr", "23:59", "by 5pm", "end of day", "in an hour": a
    time of day."""
    return bool(_CLOCK.search(question.lower()) or _IN_HOURS.search(question.lower()))


def names_tonight(question: str) -> bool:
    """ "kann ich es heute nacht noch schicken?", "tonight still ok?": the end of today,
    no hour (not "heute nacht oder morgen", which asks which day)."""
    said = question.lower()
    return bool(_TONIGHT.search(said)) and not _ANOTHER_DAY.search(said)


# "in an hour", "in einer Stunde", "in 20 Minuten": a time later today
_IN_HOURS = re.compile(
    r"\bin (?:an?|one|einer|1|2|3|\d\d?|ein paar|a few|zwei|drei) (?:hours?|stunden?|minutes?"
    r"|minuten?|mins?)\b"
)


def names_deadline(question: str) -> bool:
    """ "deadline 3rd or 4th", "frist am 3. oder 4.": the word for the deadline."""
    return _has(f" {' '.join(tokens(question))} ", _DEADLINE_WORDS)


def choice(question: str) -> bool:
    """ "3000 pro Projekt oder insgesamt?", "city or county?": two things to choose
    from ("oder"/"or" between them, not a tag at the end as in "…, oder?")."""
    toks = tokens(question)
    return any(tok in ("oder", "or") for tok in toks[:-1]) and not _tagged(question)


def asks_state(question: str) -> bool:
    """ "bin ich zu spät?", "is it still open?", "did we miss it", "can municipalities
    still apply?": whether the call is still open, and nothing else (no day, no other
    topic)."""
    text = f" {' '.join(tokens(question))} "
    state = (
        question_kind(question) == "yes_no"
        and (_has(text, _OVER) or _has(text, _STILL))
        and not days_named(question, _SOME_DAY)
        # who applies may be named: "können sich Kommunen noch bewerben?"
        # ("nimmt Lokalprojekte noch Bewerbungen an?": who takes them may be named too,
        # with taking them; not "gibt es Lokalprojekte noch?")
        and about_applying(question, (*_RECIPIENTS, "counties", *_taking_in(text)))
        and not _OPEN_TO.search(text)  # "ist die für alle in der Verwaltung offen?"
    )
    # "hab die Ausschreibung gefunden. Ist die noch aktuell?": the last sentence asks;
    # "wie ist der stand, ist die bewerbung noch offen?": the last clause
    sentences = _LAST_SENTENCE.split(question.strip())
    last = sentences[-1]
    if state or last != question.strip() and asks_state(last):
        return True
    # "Können wir uns noch bewerben? Wir sind eine Stadt in Thüringen.": the question first
    # (the last one was read above)
    if any(p.rstrip().endswith("?") and asks_state(p) for p in sentences[:-1]):
        return True
    clause = _CLAUSE.split(question.strip())[-1].strip()
    return clause != question.strip() and _kind(clause) == "yes_no" and asks_state(clause)


_TAKING = ("nimmt", "nehm", "annehm", "angenomm", "accept", "take", "taking")


def _taking_in(text: str) -> tuple[str, ...]:
    """Words of taking applications in, when the question names taking them."""
    if not any(f" {w}" in text for w in _TAKING):
        return ()
    return (*_TAKING, "lokalprojekt", "was", "etwas", "anything")


# open to someone, not open still: "für alle offen", "open to counties too?" (not "open
# for applications")
_OPEN_TO = re.compile(
    r"\b(?:offen|open) (?:fur|to|for) (?!bewerb|appl|submi|einreich)"
    r"|\b(?:fur|for) (?!bewerb|appl|submi|einreich)\w+(?: \w+){0,4} (?:offen|open)\b"
)
_LAST_SENTENCE = re.compile(r"(?<=[.!?])\s+|\s+[-–]\s+")


# what becomes of what comes after the deadline: documents sent later, a late application
_LATER_DOCUMENTS = (
    "nachreich", "nachgereicht", "nachliefer", "nachschick", "supplement", "missing",
    "fehlend", "erganz", "nachtrag",
)  # fmt: skip
_WHAT_HAPPENS = (
    ("was", "passiert"), ("what", "happens"), ("what", "happen"), ("what", "if"),
    ("was", "wenn"), ("was", "falls"), ("ist", "wenn"), ("ist", "falls"), ("what", "about"),
)  # fmt: skip  # "was ist, wenn wir die Frist verpassen", "what if we miss the deadline"
_TOO_LATE = ("spat", "verspat", "late", "verpass", "miss")  # not "nach": the next step
# "was ist, wenn ich es nicht mehr schaffe?", "what if we don't make it?"
_NOT_MAKING = (
    "nicht mehr schaff", "nicht schaff", "nicht rechtzeitig", "nicht fertig", "not make it",
    "don t make it", "dont make it", "not ready", "not in time",
)  # fmt: skip
# "can I send documents later?", "Unterlagen später schicken": handing in something later
_LATER = frozenset("spater nachtraglich nachher later afterwards".split())
ANYWAY = frozenset("trotzdem dennoch anyway nevertheless regardless".split())


def asks_late_handling(question: str) -> bool:
    """ "kann ich Unterlagen nachreichen?", "can we send missing documents after the
    deadline", "what happens if we submit late", "was ist wenn wir die Frist verpassen",
    "Frist verpasst, kann ich trotzdem noch was schicken?": the call says nothing of
    either."""
    toks = tokens(question)
    if any(tok.startswith(_LATER_DOCUMENTS) for tok in toks):
        return True
    if _LATER & set(toks) and any(tok.startswith(_SENDING) or "schick" in tok for tok in toks):
        return True
    pairs = set(zip(toks, toks[1:], strict=False))
    text = f" {' '.join(toks)} "
    missed = _has(text, _TOO_LATE) or any(f" {m}" in text for m in _NOT_MAKING)
    if missed and ANYWAY & set(toks) and any(tok.startswith(_SENDING) for tok in toks):
        return True  # "frist verpasst, kann ich trotzdem noch was schicken?"
    if missed and ANYWAY & set(toks) and _has(text, _DEADLINE_WORDS):
        return True  # "hab die frist verpasst weil krank, gehts trotzdem noch?"
    return bool(pairs & set(_WHAT_HAPPENS)) and missed


# a question word the deadline's date does not answer ("welche Unterlagen …?", "wer
# muss unterschreiben?"); "wie" is left out ("wie lange noch?", "wie bewerbe ich mich?")
_NOT_WHEN = frozenset(
    """was welche welcher welches welchen welchem wer wo woher wohin warum wieso weshalb
    what which who whom where why""".split()
)  # not "wen": "wen is the dedline"
# words of a question about the date or the state of the call
_DATE_WORDS = (
    *_DEADLINE_WORDS, *_STILL, *_OVER, *_EXTENSION, *_TOO_LATE, "wann", "when", "bis",
    "until", "till", "zeit", "time", "lang", "long", "datum", "date", "tag", "day", "termin",
    "schluss", "rechtzeitig", "fertig", "ready", "schaff", "knapp", "ablauf", "end",
    "spatestens", "latest", "closing", "close", "schliess", "schon", "already", "jetzt",
    "now", "freigeschalt", "eroffn", "start", "begin",
)  # fmt: skip


# how long a text may be ("wie lang darf die Bewerbung sein", "how many pages"): its
# size, not the time it may be handed in (the call names no size)
_SIZE = re.compile(
    r" (wie lange?|how long) (darf|durfen|soll|sollte|sollen|muss|mussen|kann|konnen|"
    r"should|can|could|must|may) (\w+ ){1,4}(sein|werden|be) $"
    r"| (wie viele?|wieviele?|how many|max|maximal|maximum) (seiten|zeichen|worter|worte|"
    r"pages|words|characters)\b"
    r"| (umfang|seitenzahl|zeichenzahl|seitenbegrenzung|zeichenbegrenzung|seitenlimit|"
    r"zeichenlimit|page limit|word limit|character limit|length) "
)
_STATE_WORDS = frozenset("offen open moglich possible gultig valid aktiv active".split())
_TEXTS = (
    "bewerbung", "skizze", "projektskizze", "antrag", "text", "beschreibung", "unterlag",
    "anschreiben", "schreiben", "dokument", "application", "sketch", "proposal", "document",
    "letter", "pdf", "datei", "file",
)  # fmt: skip


def asks_size(question: str) -> bool:
    """ "wie lang darf die Bewerbung sein?", "how many pages?": the size of a text (not
    "wie lange soll die Expertin bei uns sein?")."""
    toks = tokens(question)
    found = _SIZE.search(f" {' '.join(toks)} ")
    if not found or _STATE_WORDS & set(toks):
        return False
    return not found.group(1) or any(tok.startswith(_TEXTS) for tok in toks)


def asks_other_than_the_date(question: str) -> bool:
    """ "welche Unterlagen brauche ich für die Bewerbung", "brauchen wir einen
    Ratsbeschluss für die Bewerbung?": a question about the application that the
    deadline's date and the state of the call do not answer (not "was ist die Frist?",
    "Ist die Bewerbung noch offen?", "reicht der 5.?"). An open question only when it
    asks with a question word, a yes/no question any time it names no date."""
    if asks_size(question):
        return True
    toks = tokens(question)
    if not (_NOT_WHEN & set(toks) or question_kind(question) == "yes_no"):
        return False
    text = f" {' '.join(toks)} "
    return not (
        _has(text, _DATE_WORDS)
        or days_named(question, _SOME_DAY)
        or names_clock_time(question)
        or asks_late_handling(question)
    )


def asks_extension(question: str) -> bool:
    """ "Ist die Frist verlängert?", "Will the deadline be extended?" """
    return question_kind(question) == "yes_no" and _has(
        f" {' '.join(tokens(question))} ", _EXTENSION
    )


_MOVED = (
    "verschieb", "verleg", "spater", "anderen termin", "anderer termin", "ausweichtermin",
    "later", "postpon", "reschedul", "another date", "another time", "other date", "move it",
)  # fmt: skip
_HANDING_IN = ("bewerb", "abgeb", "abgab", "einreich", "submit", "apply", "applic", "hand in")
_WHAT_IF = re.compile(
    r"^(?:(?:und|and|aber|but|ok|okay|so)\s+)*(?:was (?:ist |passiert |machen wir |tun wir )?(?:denn )?"
    r"(?:wenn|falls)|und wenn|what (?:happens )?if|what about if|and if|but if)\b"
)


def missed_it(question: str) -> bool:
    """ "we missed it, what now?", "verpasst, was nun?" right after a step: missing that
    step (nothing else named; "frist verpasst" names the deadline)."""
    toks = tokens(question)
    return bool(set(toks) & _MISSED) and all(
        tok in _MISSED_WORDS or is_stopword(tok) for tok in toks
    )


_MISSED = frozenset("missed verpasst versaumt".split())
_MISSED_WORDS = _MISSED | frozenset(
    """it that this what now nun jetzt tun do oops mist leider sorry shit oh damn
    termin meeting date""".split()
)


def proposes_own_expert(question: str) -> bool:
    """ "Können wir auch jemand eigenen als Expertin vorschlagen?", "can we bring our own
    expert?": a person of one's own for the expert's place, which the call does not
    settle (Lokalprojekte preselects, the town chooses)."""
    toks = tokens(question)
    own = any(tok.startswith(("eigen", "selbst", "selber", "own")) for tok in toks)
    offer = any(tok.startswith(_PROPOSING) for tok in toks)
    person = any(tok.startswith((*_EXPERT, "jemand", "person", "someone", "kandidat", "candidat"))
                 for tok in toks)  # fmt: skip
    # (not "einen eigenen Mitarbeiter": the administration's own staff, whom the call's
    # "from another sector" answers)
    staff = any(tok.startswith(("mitarbeit", "kolleg", "staff", "employee", "colleague", "beamt"))
                for tok in toks)  # fmt: skip
    return own and offer and person and not staff


_PROPOSING = ("vorschlag", "vorschlug", "mitbring", "stellen", "nominier", "benenn", "propos",
              "suggest", "nominat", "bring", "recommend", "empfehl")  # fmt: skip


def employed_how_long(question: str) -> bool:
    """ "wie lange ist die angestellt?", "how long is the expert employed?": the expert's
    six months (her placement is the project's)."""
    text = f" {' '.join(tokens(question))} "
    long = " wie lange " in text or " wie lang " in text or " how long " in text
    if long and any(w in text for w in _CONTRACT):  # "wie lange geht mein Vertrag?"
        return True
    # "ist es richtig, dass die Expert:innen ein ganzes Jahr bei uns bleiben?": her stay
    staying = any(w in text for w in _STAYING) and any(
        f" {w}" in text for w in ("expert", "fachkraft")
    )
    length = bool(re.search(r" (?:monat|month|jahr|year|halbes|half)\w*", text))
    return long and any(w in text for w in _EMPLOYED) or staying and length


_EMPLOYED = (" angestellt ", " beschaftigt ", " eingestellt ", " employed ", " placed ", " hired ")
_CONTRACT = (" vertrag ", " arbeitsvertrag ", " contract ", " stelle ", " position ", " job ")
_STAYING = (" bleiben ", " bleibt ", " stay ", " stays ", " staying ")


def asks_earlier_editions(question: str) -> bool:
    """ "Gab es das Programm schon früher?", "has this program run before?", "gabs das
    schon mal?", "previous editions?": earlier rounds, of which the call says nothing
    (not "before the deadline", "schon mal bewerben")."""
    return bool(_EARLIER_ROUNDS.search(f" {' '.join(tokens(question))} "))


_EARLIER_ROUNDS = re.compile(
    r" (?:run|been|happened|existed|exist|held|there|done) (?:\w+ )?before $"
    r"| (?:previous|earlier|past|former) (?:editions?|rounds?|years?|calls?|cohorts?) "
    r"| (?:gab|gabs|gibt|gibts|lief|lauft|existiert\w*|stattgefunden)\b(?: \w+){0,3} "
    r"(?:schon|bereits) (?:mal|einmal|ofter|fruher|vorher) "
    r"| (?:fruhere|fruheren|vorherige|vorherigen|letzte|letzten) (?:ausgaben?|runden?|jahrgange"
    r"|ausschreibungen|durchgange|durchlaufe) "
)


def behind_on(question: str) -> str | None:
    """ "wir haben unsere Skizze noch nicht fertig, ist das schlimm?", "we still haven't
    picked our expert, is that a problem?": a step of one's own not done (the sketch,
    the choice of the expert) – its entry, or None."""
    text = " ".join(tokens(question))
    if not _NOT_DONE.search(text):
        return None
    toks = tokens(question)
    if any(tok.startswith(("skizze", "projektskizze", "sketch")) for tok in toks):
        return "sketch_phase"
    if any(tok.startswith(("expert", "fachkraft", "kandidat", "candidat")) for tok in toks):
        return "expert_choice"
    return None


_NOT_DONE = re.compile(
    r"\b(?:noch )?(?:nicht|nich|net|keine?n?) (?:\w+ )?(?:fertig|abgegeben|eingereicht|ausgewahlt"
    r"|gewahlt|entschieden|ausgesucht|gefunden)\b|\bzu spat\b|\bverpasst\b|\bverspat"
    r"|\b(?:haven t|havent|have not|didn t|did not|not yet|still not|not) (?:yet )?(?:picked"
    r"|chosen|selected|decided|finished|done|submitted|sent|found)\b|\bmissed\b|\blate\b"
)


def drops_out(question: str) -> str | None:
    """ "Our expert candidate withdrew. what now?", "die Patin ist krank": the expert
    (or the Pat:in) dropping out – a case the call does not cover; the entry of that
    person's part, or None."""
    toks = tokens(question)
    if not any(tok.startswith(_DROPPED) for tok in toks):
        return None
    for tok in toks:
        if tok.startswith(("expert", "kandidat", "candidat", "fachkraft")):
            return "expert_choice"
        if tok.startswith(("pat", "mentor")):
            return "core_team"
    return None


_DROPPED = ("withdr", "abgesprung", "abgesagt", "zuruckgezog", "zuruckgetret", "gekundigt",
            "krank", "ausgefall", "fallt aus", "quit", "dropped", "drops out", "cancel",
            "resign", "left", "sick", "absag", "springt ab")  # fmt: skip


def asks_to_move(question: str) -> bool:
    """ "geht der Termin auch später?", "can we do it later?", "kann man das Vorgespräch
    verschieben?": moving a date, asked as yes/no (not of the deadline: that is
    `asks_extension`)."""
    text = f" {' '.join(tokens(question))} "
    return (
        question_kind(question) == "yes_no"
        and _has(text, _MOVED)
        and not _has(text, (*_DEADLINE_WORDS, *_HANDING_IN))
    )


def asks_what_if(question: str) -> bool:
    """ "what if we don't like any of them?", "was wenn wir noch keine Patin haben?", "we
    got the profiles. and if none of them fits?": a case the call may leave open."""
    return any(
        _WHAT_IF.match(" ".join(tokens(part))) for part in _SENTENCES.split(question) if part
    )


_SENTENCES = re.compile(r"(?<=[.!?])\s+")
_NOT_GETTING = frozenset(
    """keins keinen keine keiner none kriegen kriege kriegt bekommen bekomme bekommt get gets
    got one any nicht not dont don t haben habe have das es that it passiert happens was
    what wenn if falls dann then und and aber but we wir ich i man""".split()
)


def bare_what_if(question: str) -> bool:
    """ "was passiert wenn wir keins kriegen", "and if we don't get one?": the case of
    not getting what was just told, nothing else named."""
    toks = tokens(question)
    return asks_what_if(question) and bool(toks) and set(toks) <= _NOT_GETTING


_CONCEDING = re.compile(r" (?:auch|selbst|sogar) wenn | even (?:if|though) | trotzdem | anyway ")


def deadline_verdict(question: str, today: date, deadline: date) -> str | None:
    """'yes', 'no' or 'partly' (only some of the days it names are in time) for a yes/no
    question about applying, read on `today` when the last day to apply is `deadline`;
    None when its words do not settle it.

    A day it names ("5.5.", "morgen", "Freitag", "nächste Woche", "Ende Mai") is in time
    when it is not after the deadline; "bis zum 5.5." asks whether one may wait that
    long; a question whether a day *is* the deadline ("Ist der Bewerbungsschluss erst
    Ende Mai?", "Muss ich bis zum 3. Mai abgeben?") is yes only for the deadline's own
    day. Without a day: "zu spät?", "verpasst?" ask whether it is over, "noch offen?",
    "kann ich noch?" whether it is not, "nach der Frist?" about after it.
    """
    if question_kind(question) != "yes_no":
        return None
    text = f" {' '.join(tokens(question))} "
    named = days_named(question, today)
    if not named:
        # "wir haben die Frist verpasst, geht noch was?": the question, not the statement
        text = f" {' '.join(tokens(_asked_part(question)))} "
        over = today > deadline
        if _CONCEDING.search(f" {' '.join(tokens(question))} ") and _has(text, _OVER):
            return "no"  # "auch wenn die Frist vorbei ist?": applying after it – no
        if _has(text, _OVER):
            return "yes" if over else "no"
        if _has(text, _LATE):
            return "no"
        if _has(text, _STILL):
            return "no" if over else "yes"
        return None
    rest = text
    for word in _DEADLINE_WORDS:  # "Bewerbungsschluss" is no "bewerben"
        rest = re.sub(rf" {word}\w*", " ", rest)
    identity = rest != text and not _has(rest, _ACTIONS)
    verdicts = set()
    for days in named:
        first, last = days.first, days.last
        if today > deadline and not identity and last >= today:
            first = max(first, today)  # "im Mai?" on 4 May: what is left of May
        if days.bound == "before":
            return None
        if days.bound == "after":  # "nach dem 3.5.": from the day after it
            first = last = last + timedelta(days=1)
            verdicts.add("yes" if first <= deadline else "no")
        elif identity or (days.bound == "until" and _has(text, _MUST)):
            verdicts.add("yes" if first <= deadline <= last else "no")
        elif days.bound == "until" or last <= deadline:
            verdicts.add("yes" if last <= deadline else "no")
        else:
            verdicts.add("no" if first > deadline else "partly")
    if len(verdicts) > 1 and verdicts & {"yes", "partly"}:  # "heute oder morgen?" on the last day
        return "partly"
    return verdicts.pop() if len(verdicts) == 1 else None


_STEP = re.compile(r"(?:^|(?<=\s))(\d{1,2})\. (?=\D)")
_SENTENCE_END = re.compile(r"\.\s+(?=[A-ZÄÖÜ])")


def as_list(answer: str) -> str:
    """An answer that enumerates comes as a list: "…: A; B; C." as bullets, and
    numbered steps "1. … 2. … 3. …" one per line. Anything else is left as it is."""
    if "\n\n" in answer:  # paragraphs (an answer and a note about the moment): each on its own
        return "\n\n".join(as_list(part) for part in answer.split("\n\n"))
    if "\n" in answer:
        return answer  # already laid out
    steps = []  # 1., 2., 3. in order, each after a sentence's end; "3. Mai" is a date
    for m in _STEP.finditer(answer):
        before = answer[: m.start()].rstrip()
        if int(m.group(1)) == len(steps) + 1 and (not before or before[-1] in ".:;)"):
            steps.append(m)
    if len(steps) >= 3:
        head = answer[: steps[0].start()].rstrip()
        items = [
            answer[
                m.start() : (steps[k + 1].start() if k + 1 < len(steps) else len(answer))
            ].strip()
            for k, m in enumerate(steps)
        ]
        return "\n".join([head, *items] if head else items)
    head, colon, rest = answer.partition(": ")
    items = rest.split("; ")
    if not colon or len(items) < 3:
        return answer
    tail = ""
    if end := _SENTENCE_END.search(items[-1]):
        items[-1], tail = items[-1][: end.start()], items[-1][end.end() :]
    items[-1] = re.sub(r"^(und|and|sowie) ", "", items[-1]).rstrip(".")
    lines = [f"{head}:", *(f"• {item}" for item in items)]
    return "\n".join(lines + ([tail] if tail else []))
