"""The form of a question, so that the answer can fit it.

* yes/no questions ("Können wir uns als Verein bewerben?") get "Ja"/"Nein" first when
  the call decides them (an entry's `polar` terms say which way), and "the call does not
  decide this" when it does not; one that names a figure the answer contradicts
  ("Gibt es 5000 Euro?" against EUR 3.000) gets "Nein" (faq.figures);
* where / how much / who / how often questions whose answer the call does not contain
  (an entry's `silent_on`) say so before giving what the call does say.
"""

from __future__ import annotations

import re

from faq.figures import judge
from faq.kb import Entry
from faq.normalize import tokens

__all__ = ["as_list", "polarity", "question_kind", "silent_kind"]

_YES_NO_DE = frozenset(
    """kann konnen konnt darf durfen muss mussen ist sind gibt gibts wird werden hat haben
    habt bekommen bekommt kriegen kriegt soll sollen sollte durfte geht gehen passt passen
    zahlt zahlen ubernimmt dauert lauft brauchen braucht findet finden steht stehen gilt
    arbeitet kommt kommen heisst reicht reichen mussten""".split()
)
_YES_NO_EN = frozenset(
    "can could is are do does did will would must may might should have has shall".split()
)
_LEAD_FILLER = frozenset("und also aber and so ok okay hallo hi hello noch eine frage".split())
_RESTRICTING = frozenset("nur only ausschliesslich exclusively just".split())
# in token form, as `tokens` folds them ("does" -> "dos", "müssen" -> "mussen")
_YES_NO = frozenset(tokens(" ".join(_YES_NO_DE | _YES_NO_EN)))
KINDS = ("where", "how_much", "who", "how_often")


def question_kind(question: str) -> str | None:
    """'yes_no', 'where', 'how_much', 'how_often', 'who' or None (any other question)."""
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
    if any(p in f" {text} " for p in (" wie viel", " wieviel", " how much ", " wie hoch ")):
        return "how_much"
    if toks[0] in ("wer", "who", "wen", "wem", "whom"):
        return "who"
    if toks[0] in _YES_NO:
        return "yes_no"
    return None


def _mentions(folded_tokens: list[str], text: str, terms: tuple[str, ...]) -> bool:
    for term in terms:
        parts = tokens(term)
        if len(parts) > 1:
            if " ".join(parts) in text:
                return True
        elif parts and any(
            tok == parts[0] or (len(parts[0]) >= 4 and tok.startswith(parts[0]))
            for tok in folded_tokens
        ):
            return True
    return False


def polarity(entry: Entry, question: str, answer: str = "") -> str | None:
    """'yes', 'no' or 'open' (the call does not decide it) for a yes/no question that
    the entry's `polar` terms settle, or 'no' when it names a figure that `answer` (the
    text the person will read) contradicts; None when the question is not yes/no, is
    unsettled, or compares a figure of the answer ("mehr als 3000 Euro?").

    Checked in the order figures, open, no, yes; a restricting word ("nur", "only")
    leaves the question unsettled, since "only cities?" is neither a plain yes nor a
    plain no.
    """
    if question_kind(question) != "yes_no":
        return None
    figures = judge(question, answer) if answer else None
    if figures == "no":
        return "no"
    if not entry.polar or figures == "unsure":
        return None
    toks = tokens(question)
    if any(t in _RESTRICTING for t in toks):
        return None
    text = " ".join(toks)
    for side in ("open", "no", "yes"):
        if _mentions(toks, text, entry.polar.get(side, ())):
            return side
    return None


def silent_kind(entry: Entry, question: str) -> str | None:
    """The question's kind if the entry's answer does not contain it (`silent_on`)."""
    kind = question_kind(question)
    return kind if kind in entry.silent_on else None


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
