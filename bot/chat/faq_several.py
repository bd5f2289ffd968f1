"""Several questions in one message: "Wann ist die Frist und wie viel Geld gibt es?",
"whats the deadline and how much funding do we get?", "wann ist der kick-off und
wo?", "Wann ist die Frist? Wer kann sich bewerben?".

A message is cut where a new question begins: after a question mark, or at "und",
"and", "oder", "or" (or a comma before one of them) when a question word follows
("… und wie viel …", "… and where?"). "Wer zahlt Gehalt und Sachkosten?" is one
question: no question word follows its "und". Each part is then asked on its own,
in order, so a bare "wo?" after "wann ist der kick-off" is a follow-up to the kick-off
(bot.chat.faq_follow); the chat (bot.chat.faq) keeps the answers only when every part
got one."""

from __future__ import annotations

import re

__all__ = ["MAX_PARTS", "questions"]

MAX_PARTS = 3
_QUESTION_WORDS = (
    r"wie|wo|wann|was|wer|wem|wen|welche[rsnm]?|wieviele?|wozu|warum|wieso|woher|wohin|gibt|"
    r"kann|können|konnen|muss|müssen|ist|sind|how|where|when|what|whats|what's|who|whom|"
    r"which|why|is|are|can|do|does|will"
)
_JOINED = re.compile(
    rf",?\s+(?:und|and|oder|or)\s+(?:(?:dann|then|also|auch|noch)\s+)?(?=(?:{_QUESTION_WORDS})\b)",
    re.IGNORECASE,
)
_ASKED = re.compile(r"(?<=\?)\s+")
_WORD = re.compile(r"\w+")


def questions(text: str) -> list[str] | None:
    """The questions of a message with two or three ("Wann ist die Frist?", "wie viel
    Geld gibt es?"), each as asked; None for one question (or more than three)."""
    parts = []
    for sentence in _ASKED.split(text.strip()):
        asked = [p.strip(" ,;") for p in _JOINED.split(sentence) if p.strip(" ,;")]
        if sentence.rstrip().endswith("?"):  # "Wann ist die Frist und wie …?": each asks
            asked = [p if p.endswith("?") else f"{p}?" for p in asked]
        parts += asked
    if not 2 <= len(parts) <= MAX_PARTS:
        return None
    if any(not _WORD.search(p) for p in parts):
        return None
    # "Wie und wo?": two question words and nothing else is one question about one thing
    if len(_WORD.findall(parts[0])) < 2:
        return None
    return parts
