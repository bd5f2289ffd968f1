"""Small talk and noise that is no question about the call: greetings, thanks,
good-byes, "wer bist du", "hilfe", and single booking words ("ja", "1", "mehr").

The chat answers these briefly with its help and does not record them as unanswered
questions. A message is small talk only when every word of it is a small-talk word,
so "Hallo, wann ist Bewerbungsschluss?" stays a question.
"""

from __future__ import annotations

import re

from faq.form import QUESTION_WORDS
from faq.normalize import tokens

__all__ = ["asks_how", "small_talk"]

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
    schonen schones super toll prima perfekt great nice wow wer was what are is ist sind bin am ein eine
    an echt real wirklich really brauche brauchen need kann can could konnen mal
    zusammen there all everyone wie geht es how it s dir gehts doing kannst do whats or oder
    your ur dein deine ihr eigentlich denn genau actually anyway exactly
    """.split()
)
# what a longer thank-you says beside its thanks ("Herzlichen Dank für Ihre Geduld, Sie
# waren mir eine große Hilfe!", "thanks, that was really helpful"): only with thanks
_THANKS_WORDS = frozenset(
    """ihre that this geduld muhe zeit hilfe geholfen hilfreich waren war hat haben hast habt grosse
    grosser riesige weitergeholfen unterstutzung auskunft auskunfte antwort antworten info
    infos informationen patience time help helped helpful were was has have been great big
    huge support answer answers information the hilft hilfe helps weiter further useful
    nutzlich auskunften erklarung erklarungen explanation explanations""".split()
)
_WISH_WORDS = frozenset(
    "schonen schones schone gute guten einen abend tag wochenende feierabend nacht rest noch "
    "have nice good great lovely evening day weekend night".split()
)
# "danke und tschüss", "thanks, bye": a good-bye (thanked too), not only thanks
_ORDER = ("who", "help", "bye", "thanks", "greeting", "noise")
# "danke schön", "danke sehr": one word of thanks ("schön" alone is no small talk word:
# "ja schon" is none)
_THANKS_PAIR = re.compile(r"\b(danke|dank) (schon|sehr)\b")
# a polite extra beside small talk: "sorry für die späte Stunde", "its late", "dann mach
# ich mal weiter"; cut before the words are read (only beside small talk: "sorry, wer
# kann sich bewerben?" keeps its question words and stays a question)
_EXTRAS = re.compile(
    r"\b(sorry|sry|entschuldigung|entschuldigen sie|entschuldige)"
    r"(( (fur|for|wegen))? (die |the |der )?((spate|spaten|late) )?"
    r"(stunde|uhrzeit|hour|time|storung|spate|late)"
    r"| (to bother|to disturb|for bothering|for disturbing)( you)?( so late)?)?\b"
    r"|\b(it s|its|es ist|ist) (schon |already |so |very |sehr )?(late|spat)\b"
    r"|\b(dann|so|jetzt|now) (mach|mache|arbeite|schreib|schreibe) ich (mal |jetzt |dann |noch )?"
    r"(weiter|los)\b"
    r"|\b(i ll|ill|i will) (get back to|carry on|keep going|go on)( (it|work|working))?\b"
    r"|\bnoch\b$"
)
# "schönen Abend noch", "gute Nacht", "have a nice evening": a good-bye, although "Abend"
# alone greets ("schönen guten Abend" greets too)
_BYE_WISH = re.compile(
    r"\b(schonen|schones|schone|gute|guten|einen) (abend|tag|wochenende|feierabend|nacht|rest)\b"
    r"|\b(nice|good|great|lovely) (evening|day|weekend|night)\b"
)
# a mail's closing sent alone, with a name after it or not ("Mit freundlichen Grüßen",
# "Beste Grüße, Thomas Müller", "kind regards"): a good-bye
_SIGN_OFF = re.compile(
    r"^(?:mit )?(?:freundlichen|freundliche|besten|beste|vielen|viele|lieben|liebe|"
    r"herzlichen|herzliche|schonen|kollegialen|sonnigen) (?:grussen|grusse|gruss)\b"
    r"|^(?:kind |best |warm |warmest |many )?regards\b|^(?:best wishes|all the best)\b"
    r"|^(?:mfg|lg|vg)\b"
)
_HOW = re.compile(
    r"\b(wie (geht s|gehts|geht es|geht s dir|laufts|lauft s))\b|\bhow are (you|u)\b"
    r"|\bhow s it going\b|\bhow is it going\b"
)


def asks_how(text: str) -> bool:
    """ "wie gehts dir?", "how are you?": small talk that asks after the bot."""
    return small_talk(text) == "greeting" and bool(_HOW.search(" ".join(tokens(text))))


# a message that opens with thanks and asks nothing ("Herzlichen Dank für Ihre rasche
# Auskunft … Mit besten Grüßen, A. Vogel", "Many thanks for your help, have a great
# day!", "nein danke das wars"): thanks, however long (a question mark asks something)
_THANKS_FIRST = re.compile(
    r"^(?:(?:ok|okay|gut|super|prima|nein|no|alles klar|perfekt|great)\s+)?"
    r"(?:(?:vielen|besten|herzlichen|herzlich|tausend|lieben|recht|schonen|many|much|big)\s+){0,2}"
    r"(?:dank|danke|dankeschon|thanks|thank you|thx|merci)\b"
)


# a question word asks even without its question mark ("danke, wann ist die frist");
# "was" only as German "what" (not "that was helpful")
_ASKS = QUESTION_WORDS - {"was"}
_ENGLISH_WAS = re.compile(r"\b(?:that|this|it|which|he|she|you|everything|all) was\b")


def _thanks_first(text: str, toks: list[str]) -> str | None:
    """'thanks' (or 'bye', with a good-bye or a wish) for a message that opens with
    thanks and asks nothing; None otherwise."""
    if "?" in text or not _THANKS_FIRST.match(" ".join(toks)):
        return None
    asks = _ASKS & set(toks) or ("was" in toks and not _ENGLISH_WAS.search(" ".join(toks)))
    if asks:
        return None
    wish = _BYE_WISH.search(" ".join(toks))
    return "bye" if _KINDS["bye"] & set(toks) or wish else "thanks"


def small_talk(text: str) -> str | None:
    """The kind of small talk ('greeting', 'thanks', 'bye', 'who', 'help', 'noise'),
    or None for anything that may be a question about the call."""
    toks = _THANKS_PAIR.sub("dankeschon", " ".join(tokens(text))).split()
    if toks and (thanked := _thanks_first(text, toks)):
        return thanked
    if not toks:
        return "noise" if text.strip() else None
    if "morgen" in toks and not {"guten", "good"} & set(toks) and ("?" in text or "und" in toks):
        return None  # "und morgen?": tomorrow, asked of what was just said (not "Morgen!")
    signs_off = len(toks) <= 7 and _SIGN_OFF.match(" ".join(toks))
    if signs_off and "?" not in text and not QUESTION_WORDS & set(toks):
        return "bye"  # "Mit freundlichen Grüßen, Thomas Müller"
    if all(t.isdigit() for t in toks) and len(toks) == 1:
        return "noise"  # "1", "2": a pick from a list that is no longer open
    if len(toks) > 12:
        return None
    said = " ".join(toks)
    plain = _EXTRAS.sub(" ", said).split()
    if plain != toks:  # a polite extra: what is left must be small talk on its own
        if not plain or len(plain) > 8:
            return None
        kind = small_talk(" ".join(plain))
        return None if kind == "noise" and len(plain) > 1 else kind
    thanked = bool(_KINDS["thanks"] & set(toks))
    if thanked and all(
        t in _FILLER or t in _THANKS_WORDS or any(t in ws for ws in _KINDS.values()) for t in toks
    ):
        return "bye" if _KINDS["bye"] & set(toks) else "thanks"  # "danke für die Hilfe"
    if len(toks) > 8:
        return None
    wish = _BYE_WISH.search(said)
    greets = {"guten", "good morning", "hallo", "hi", "hello"} & set(toks)
    if (
        wish
        and not wish.group().startswith(("guten", "good evening", "good day"))
        and not greets
        and all(
            t in _FILLER or t in _WISH_WORDS or any(t in ws for ws in _KINDS.values()) for t in toks
        )
    ):
        return "bye"  # "schönen Abend noch", "gute Nacht"
    words = {k for t in toks for k, ws in _KINDS.items() if t in ws}
    if not all(t in _FILLER or any(t in ws for ws in _KINDS.values()) for t in toks):
        return None
    if {"weiter", "next"} & set(toks) and {"wie", "geht", "how"} & set(toks):
        return None  # "wie geht es weiter?": what comes next in the call
    if (
        {"wie", "geht"} <= set(toks)
        or {"wie", "gehts"} <= set(toks)
        or {"how", "are"} <= set(toks)
        and "you" in toks
    ):
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
