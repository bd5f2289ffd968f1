"""Which language a message is in, where the message itself tells: a command's name
(/hilfe or /help) or, for an adapter's own words around a reply that carries no
language, the reply's common words."""

from __future__ import annotations

import re

__all__ = ["command_lang", "guess_lang", "talk_lang"]

_GERMAN_COMMANDS = frozenset(
    "hilfe sprache erinnerungen erinnerung stopp naechste nächste kontakt themen meinedaten "
    "loeschen löschen frei urlaub dauer termine absagen verschieben vorher einladen paar "
    "personen sperren rundmail statistik postausgang einladungen treffen antwort offen "
    "beispiel verwerfen entfernen".split()
)
_ENGLISH_COMMANDS = frozenset(
    "help lang language remind reminders stop next contact topics mydata delete free away "
    "length meetings cancel move before invite pair people revoke announce stats outbox "
    "invites overview answer open example dismiss remove".split()
)
_GERMAN = frozenset(
    "der die das und ist nicht ich sie ihre ihr ihnen mit für bitte ein eine einen zum zur "
    "am vom bis oder auch noch wird werden sind haben hat termin anfrage".split()
)
_ENGLISH = frozenset(
    "the and is not you your with for please a an to of on from until or also still will "
    "are have has meeting request".split()
)


def command_lang(name: str) -> str | None:
    """ "de" for /hilfe, "en" for /help, None for names both languages share (/start)."""
    name = name.lower()
    if name in _GERMAN_COMMANDS and name not in _ENGLISH_COMMANDS:
        return "de"
    if name in _ENGLISH_COMMANDS and name not in _GERMAN_COMMANDS:
        return "en"
    return None


def guess_lang(text: str, default: str) -> str:
    """The language most of the text's common words belong to; `default` on a tie."""
    words = re.findall(r"[a-zäöüß]+", text.lower())
    german = sum(w in _GERMAN for w in words)
    english = sum(w in _ENGLISH for w in words)
    return "de" if german > english else "en" if english > german else default


# words of the Jour Fixe talk that belong to one language only (the knowledge base of
# the call, which tells a question's language, does not know "termin" or "slot")
_GERMAN_TALK = frozenset(
    "termin termine terminen treffen absagen verschieben woche wochen nächste nächsten "
    "naechste krank urlaub einmalig wöchentlich woechentlich morgen übermorgen heute lieber "
    "geht gehts passt leider danke".split()
)
_ENGLISH_TALK = frozenset(
    "meeting meetings slot slots appointment cancel move week weeks next sick holiday "
    "vacation once weekly tomorrow today rather works thanks".split()
)


def talk_lang(text: str) -> str | None:
    """The language of the Jour Fixe words in a message, when they are all of one
    ("termin am 30.2.?" is German); None when there are none or both."""
    words = set(re.findall(r"[a-zäöüß]+", text.lower()))
    german, english = bool(words & _GERMAN_TALK), bool(words & _ENGLISH_TALK)
    return "de" if german and not english else "en" if english and not german else None
