"""Choices typed instead of pressed: a number ("4", "#4"), a button's own label, the
words of exactly one label, or a plain yes. The same reading for every adapter: the
console and Matrix read it against the choices they showed, the router against the
chat's last choices (kept across restarts), which is what Telegram needs (a typed
"ja" or "3" beside inline buttons)."""

from __future__ import annotations

import re

from bot.messages import Button

__all__ = ["ACK", "YES", "beyond", "is_number", "plain", "pressed", "unclear_yes"]

# A typed yes said to choices whose first one confirms something presses it, as a 👍
# reaction does in Matrix ("ja" after "Wirklich löschen?" erases, as the button would).
YES = frozenset({"ja", "ja bitte", "ja gerne", "jawohl", "yes", "yes please", "👍"})
# "ok", "passt": agreement that names no choice (to several choices: asked which one)
ACK = YES | frozenset(
    {
        "ok",
        "okay",
        "k",
        "passt",
        "passt so",
        "gut",
        "alles klar",
        "in ordnung",
        "geht klar",
        "jo",
        "jep",
        "jup",
        "yep",
        "yeah",
        "sure",
        "fine",
        "sounds good",
        "ok danke",
        "ok thanks",
        "ja passt",
        "ja ok",
        "ok ja",
        "yes ok",
    }
)
# Words that say nothing about which choice is meant ("ja bitte ans Team" is "ans Team").
FILLER = frozenset(
    "ja jo ok okay bitte gerne doch mal yes please sure the a den die das ich i".split()
)


def pressed(text: str, buttons: tuple[Button, ...]) -> Button | None:
    """The button a typed number ("4" or "#4"), a button's own label ("Ja, löschen"),
    words of exactly one label ("senden", "ans Team") or a plain yes (for a first
    choice that confirms) stands for, if it is one. A command ("/topics") is none."""
    if text.strip().startswith(("/", "!")):
        return None
    plain = " ".join(text.lower().strip(" .!").replace(",", " ").split())
    for button in buttons:
        if " ".join(button.label.lower().replace(",", " ").split()) == plain:
            return button
    if plain in YES and buttons and buttons[0].confirms:
        return buttons[0]
    words = set(_words(plain)) - FILLER
    if words and not plain.removeprefix("#").isdigit():
        hits = [b for b in buttons if words <= set(_words(b.label))]
        if len(hits) == 1:
            return hits[0]
    text = text.strip().removeprefix("#").strip()
    if not text.isdigit():
        return None
    if any(b.number is not None for b in buttons):
        return next((b for b in buttons if b.number == int(text)), None)
    if 1 <= int(text) <= len(buttons):
        return buttons[int(text) - 1]
    return None


def beyond(text: str, buttons: tuple[Button, ...]) -> int | None:
    """How many choices there are when `text` is a number that is none of them ("4"
    with three): the person meant a choice and is told the range (not sent to the FAQ)."""
    number = text.strip().removeprefix("#").strip()
    if not number.isdigit() or not buttons or any(b.number is not None for b in buttons):
        return None
    return len(buttons) if pressed(text, buttons) is None else None


def unclear_yes(text: str, buttons: tuple[Button, ...]) -> int | None:
    """How many choices there are when `text` is a plain yes said to several choices
    none of which it presses ("ja" to "Nur #2 / #2 und alle folgenden / Die ganze
    Serie"): the person is asked which one, not told "alles klar" with nothing done."""
    plain = " ".join(text.lower().strip(" .!?").replace(",", " ").split())
    if plain not in YES or len(buttons) < 2 or pressed(text, buttons) is not None:
        return None
    return len(buttons)


def is_number(text: str) -> bool:
    """ "4" or "#4": a pick from a list, never a question."""
    number = text.strip().removeprefix("#").strip()
    return number.isascii() and number.isdigit() and len(number) <= 3


def plain(text: str) -> str:
    """Lower case, without end punctuation, commas and extra spaces."""
    return " ".join(text.lower().strip(" .!?").replace(",", " ").split())


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())
