"""Small talk and noise that is no question about the call: greetings, thanks,
good-byes, "wer bist du", "hilfe", and single booking words ("ja", "1", "mehr").

The chat answers these briefly with its help and does not record them as unanswered
questions. A message is small talk only when every word of it is a small-talk word,
so "Hallo, wann ist Bewerbungsschluss?" stays a question.
"""

from __future__ import annotations

from faq.normalize import tokens

__all__ = ["small_talk"]

_KINDS: dict[str, frozenset[str]] = {
    "greeting": frozenset(
        """hallo hi hey moin servus gruss grusse gruezi guten tag morgen abend hello
        good morning evening afternoon greetings""".split()
    ),
    "thanks": frozenset("danke dank dankeschon thanks thank thx merci".split()),
    "bye": frozenset("tschuss tschau ciao bye goodbye wiedersehen ade cya".split()),
    "who": frozenset("bist who bot roboter mensch human ki ai person name heisst heissen".split()),
    "help": frozenset("hilfe help hilf helfen helft".split()),
    "noise": frozenset(
        """ja nein yes no ok okay mehr more weiter next jo jep nope ne nee k hmm hm lol
        test gut good fine cool alles klar haha hehe hihi xd""".split()
    ),
}
_FILLER = frozenset(
    """du sie ihr dir ihnen you u me mir mich uns ich i we wir bitte please sehr vielen
    herzlichen herzlich besten lieben liebe a lot so much very many fur for die der das
    den info infos antwort answer auf bis bald spater later see und and nochmal again
    super toll prima perfekt great nice wow wer was what are is ist sind bin am ein eine
    an echt real wirklich really brauche brauchen need kann can could konnen mal
    zusammen there all everyone wie geht es how it s dir gehts doing kannst do whats
    your ur dein deine ihr
    """.split()
)
_ORDER = ("who", "help", "thanks", "bye", "greeting", "noise")


def small_talk(text: str) -> str | None:
    """The kind of small talk ('greeting', 'thanks', 'bye', 'who', 'help', 'noise'),
    or None for anything that may be a question about the call."""
    toks = tokens(text)
    if not toks:
        return "noise" if text.strip() else None
    if all(t.isdigit() for t in toks) and len(toks) == 1:
        return "noise"  # "1", "2": a pick from a list that is no longer open
    if len(toks) > 8:
        return None
    words = {k for t in toks for k, ws in _KINDS.items() if t in ws}
    if not all(t in _FILLER or any(t in ws for ws in _KINDS.values()) for t in toks):
        return None
    if {"wie", "geht"} <= set(toks) or {"how", "are"} <= set(toks) and "you" in toks:
        return "greeting"
    if {"was", "what"} & set(toks) and {"kannst", "can"} & set(toks):
        return "help"
    if {"name", "heisst", "heissen"} & set(toks):  # "wie heißt du?", "whats ur name"
        return "who"
    if (
        {"wer", "bist"} & set(toks)
        and ({"du", "sie"} & set(toks))
        or ({"who", "what"} & set(toks) and "you" in toks and "are" in toks)
    ):
        return "who"
    for kind in _ORDER:
        if kind in words:
            return kind
    return None
