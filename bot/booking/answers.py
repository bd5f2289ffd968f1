"""Read a buddy's short answer to a Jour Fixe request: yes, no, or unclear.

Exact words first (ja, passt, ok, 👍 / nein, geht nicht, 👎). A fuzzy match is only
a guess the caller must ask back about: a short German reply misread as the
opposite is worse than a question.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

__all__ = ["YES", "NO", "classify", "guess"]

YES_PHRASES = {
    "ja",
    "j",
    "jo",
    "jap",
    "jawohl",
    "yes",
    "y",
    "yep",
    "yeah",
    "ok",
    "okay",
    "oki",
    "passt",
    "gerne",
    "gern",
    "klar",
    "sicher",
    "bestätigt",
    "bestätige",
    "bestätigen",
    "confirm",
    "confirmed",
    "einverstanden",
    "geht",
    "geht klar",
    "sure",
    "fine",
    "perfekt",
    "super",
    "👍",
    "✅",
    "👌",
    "🙂",
}
NO_PHRASES = {
    "nein",
    "n",
    "nö",
    "no",
    "nope",
    "geht nicht",
    "passt nicht",
    "leider nicht",
    "absagen",
    "ablehnen",
    "abgelehnt",
    "decline",
    "declined",
    "no thanks",
    "kann nicht",
    "klappt nicht",
    "geht leider nicht",
    "passt leider nicht",
    "not possible",
    "cannot",
    "can't",
    "👎",
    "❌",
}
YES, NO = "yes", "no"
_NEGATIONS = {"nicht", "nein", "no", "not", "kein", "keine", "leider", "cannot", "can't"}
_YES_WORDS = {w for p in YES_PHRASES for w in p.split()}
_FILLER = {"danke", "thanks", "thank", "you", "bitte", "please", "dann", "also", "das", "the", "it"}


def _normal(text: str) -> str:
    text = text.strip().lower()
    text = re.sub(r"[.,;:!?()\"'„“”]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def classify(text: str) -> str | None:
    """YES or NO when the answer is unmistakable, else None."""
    t = _normal(text)
    if t in YES_PHRASES:
        return YES
    if t in NO_PHRASES:
        return NO
    words = [w for w in t.split() if w not in _FILLER]
    if not words:
        return None
    if any(w in _NEGATIONS for w in words):
        return (
            NO
            if all(
                w in _NEGATIONS or w in _YES_WORDS or w in {"geht", "passt", "klappt"}
                for w in words
            )
            else None
        )
    if all(w in _YES_WORDS for w in words):  # "ja passt", "ok danke"
        return YES
    return None


def guess(text: str) -> str | None:
    """A fuzzy guess for a short unclear answer (e.g. a typo "jaa", "nien")."""
    t = _normal(text)
    if not t or len(t) > 20:
        return None
    yes = process.extractOne(t, YES_PHRASES, scorer=fuzz.ratio)
    no = process.extractOne(t, NO_PHRASES, scorer=fuzz.ratio)
    best_yes, best_no = (yes[1] if yes else 0), (no[1] if no else 0)
    if max(best_yes, best_no) < 70 or abs(best_yes - best_no) < 10:
        return None
    return YES if best_yes > best_no else NO
