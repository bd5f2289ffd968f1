"""Which language a message is in, where the message itself tells: a command's name
(/hilfe or /help) or, for an adapter's own words around a reply that carries no
language, the reply's common words."""

from __future__ import annotations

import re

__all__ = ["command_lang", "guess_lang"]

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
