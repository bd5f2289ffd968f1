"""Choices typed instead of pressed: a number ("4", "#4"), a button's own label, the
words of exactly one label, or a plain yes. The same reading for every adapter: the
console and Matrix read it against the choices they showed, the router against the
chat's last choices (kept across restarts), which is what Telegram needs (a typed
"ja" or "3" beside inline buttons)."""

from __future__ import annotations

import re

from bot.messages import Button

__all__ = [
    "ACK",
    "STOP",
    "acknowledges",
    "YES",
    "asks",
    "beyond",
    "confirming",
    "is_ack",
    "is_number",
    "is_stop",
    "is_yes",
    "plain",
    "pressed",
    "unclear_yes",
]

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
# "abbrechen", "stopp": leave what is open (a picker, a question); with nothing open,
# nothing happens (a bare "cancel" is no meeting cancelled, "stopp" no reminder stopped)
STOP = frozenset(
    {
        "abbrechen",
        "abbruch",
        "stopp",
        "stop",
        "halt",
        "cancel",
        "abort",
        "quit",
        "exit",
        "beenden",
        "vergiss es",
        "lass gut sein",
        "doch nicht",
        "nevermind",
        "never mind",
        "forget it",
        "nichts",
        "nothing",
    }
)
# Words that say nothing about which choice is meant ("ja bitte ans Team" is "ans Team").
FILLER = frozenset(
    "ja jo ok okay bitte gerne doch mal yes please sure the a den die das ich i".split()
)


# A yes in the words people type: "ja", "ja bitte", "gerne", "jo", "yes please", "sure",
# "ok gerne", "na klar": a yes word, the rest fillers ("ok danke" is no yes, "alles
# klar" an acknowledgement, "ja, aber …" something else).
_YES_WORD = frozenset(
    """ja jaa jap jawohl jo jep jup gerne gern klar sicher natürlich naturlich selbstverständlich
    yes yess yep yup yeah ya yea sure absolutely certainly definitely 👍""".split()
)
_YES_FILLER = frozenset(
    """ok okay oki okey oh na doch sehr gern gerne bitte mal ganz please pls plz of course
    thanks thank you danke schön schon thx""".split()
)


def is_yes(text: str) -> bool:
    """Whether `text` is a plain yes ("ja", "ja bitte!", "gerne", "yes please", "sure",
    "ok gerne"); "ok" alone or "ok danke" is agreement, no yes, and a question is none."""
    if text.strip().endswith("?"):
        return False
    said = plain(text)
    if said in YES:
        return True
    # "bitte", "please" alone say nothing about which choice
    words = re.findall(r"[\w👍]+", said)
    if not words or not set(words) <= _YES_WORD | _YES_FILLER:
        return False
    return bool(set(words) & _YES_WORD)


# "ok thats fine", "alright sounds good", "ok das passt so": agreement in a few words
_ACK_CORE = frozenset(
    "ok okay oki fine alright good great perfect passt gut klar super prima perfekt ordnung "
    "fein".split()
)
_ACK_WORDS = _ACK_CORE | frozenset(
    """thats that's that is it sounds all right then thanks thank you danke das ist so schon
    alles in geht dann auch also very sehr""".split()
)


def acknowledges(text: str) -> bool:
    """ "ok thats fine", "alright sounds good", "ok das passt so": a few words of
    agreement (no yes to a question, no question)."""
    if "?" in text:
        return False
    words = plain(text).split()
    return 1 < len(words) <= 5 and set(words) <= _ACK_WORDS and bool(set(words) & _ACK_CORE)


def is_ack(text: str) -> bool:
    """ "ja", "ok", "passt", "ja bitte", "sure", "ok thats fine": agreement that names
    no choice."""
    return plain(text) in ACK or is_yes(text) or acknowledges(text)


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
    if is_yes(text) and (yes := confirming(buttons)) is not None:
        return yes
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


def confirming(buttons: tuple[Button, ...]) -> Button | None:
    """The one choice a plain yes presses: the only one that confirms something (the
    first of a decision, "Ja, löschen", or the offer to ask the team asked last beside
    suggestions); None when none or several do."""
    yes = [b for b in buttons if b.confirms]
    return yes[0] if len(yes) == 1 else None


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
    if not is_yes(text) or len(buttons) < 2 or pressed(text, buttons) is not None:
        return None
    return len(buttons)


# "wait no, forget it", "nein, abbrechen": the stop word decides
_STOP_FILLER = frozenset(
    "bitte please einfach mal lieber jetzt now alles all it that this wait warte no nein nee ach".split()
)


def is_stop(text: str) -> bool:
    """ "abbrechen", "Stopp!", "cancel", "bitte abbrechen": leave what is open, never a
    question for the FAQ."""
    said = plain(text)
    words = said.split()
    while words and words[0] in _STOP_FILLER:  # "wait no, forget it": the words before go
        words.pop(0)
    return (
        said in STOP
        or " ".join(words) in STOP
        or " ".join(w for w in said.split() if w not in _STOP_FILLER) in STOP
    )


_QUOTED = re.compile(r"„[^“]*“|“[^”]*”|\"[^\"]*\"|«[^»]*»")


def asks(text: str) -> bool:
    """Whether a reply asks something ("Möchten Sie …?"), not counting quoted examples
    (z. B. „Wann ist mein nächster Jour Fixe?“): a yes answers only a question."""
    return "?" in _QUOTED.sub("", text)


def is_number(text: str) -> bool:
    """ "4" or "#4": a pick from a list, never a question."""
    number = text.strip().removeprefix("#").strip()
    return number.isascii() and number.isdigit() and len(number) <= 3


def plain(text: str) -> str:
    """Lower case, without end punctuation, commas and extra spaces."""
    return " ".join(text.lower().strip(" .!?").replace(",", " ").split())


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())
