"""The same answer asked for again right after it was given ("sprache auch?", "und
arbeit?", "was heißt Arbeitnehmerüberlassung?" after the topics or the employment):
not the whole block once more, but the sentence that names what was asked, or, for
"what does that mean?", that the call says no more than that."""

from __future__ import annotations

import re

from bot.chat.faq_follow import POINTERS
from faq.normalize import QUESTION_WORDS, is_stopword, stem, tokens

__all__ = ["asks_meaning", "sentence_asked"]

# "was heißt …", "was bedeutet …", "what does … mean", "was ist damit gemeint"
_MEANING = re.compile(
    r"\b(?:was (?:heisst|hei(?:ss|ß)t|bedeutet|meint|ist (?:damit |das |mit )?gemeint)"
    r"|was meinen sie|heisst das|bedeutet das|what (?:does|dos|do|is meant)|what do you mean"
    r"|meaning of|means what|what s meant)\b"  # ("does" is "dos" in token form)
)
# words of a question asked again that name nothing of the answer
_ASKING = frozenset(
    """auch also too und and noch more mehr genau exactly eigentlich actually heisst heißt
    bedeutet meint gemeint mean means meant meaning was what wie how das that this it
    ist is dann then bitte please nochmal again ok okay aha ah""".split()
)
# a sentence ends after a word of two letters or more ("31. Mai", "z. B.", "Dr. Christine"
# go on)
_SENTENCE = re.compile(r"(?<![DS]r\.)(?<=[a-zäöüß)“\"]{2}[.;])\s+(?=[A-ZÄÖÜ\"„])")


def asks_meaning(question: str) -> bool:
    """ "was heißt Arbeitnehmerüberlassung?", "what does that mean exactly?": what a word
    of the answer means, which the call does not explain beyond the answer."""
    return bool(_MEANING.search(" ".join(tokens(question))))


def sentence_asked(question: str, answer: str) -> str | None:
    """The one sentence of `answer` that names a word the question asks of ("sprache
    auch?" in the topics: "Zentrale Themen sind … Sprache und Gesundheit; …"), or None
    (no word named, several sentences name one, or the answer is one sentence)."""
    sentences = [s for s in _SENTENCE.split(answer.strip()) if s]
    if len(sentences) < 2 or POINTERS & set(tokens(question)):
        return None  # "gibt es dafür Unterstützung?" asks of all of it
    asked = [
        stem(tok)
        for tok in tokens(question)
        if not (is_stopword(tok) or tok in QUESTION_WORDS or tok in _ASKING) and len(tok) > 2
    ]
    if not asked:
        return None
    hits = [
        s
        for s in sentences
        if any(any(stem(w).startswith(a) or a.startswith(stem(w)) for w in tokens(s) if len(w) > 3)
               for a in asked)
    ]  # fmt: skip
    return hits[0] if len(hits) == 1 else None
