"""Typed answers to choices on platforms without buttons (console, Matrix): a number,
a button's own words, or a plain yes to a choice that confirms something."""

from bot.adapters.common import pressed
from bot.messages import Button

ERASE = (Button("Ja, löschen", "erase:yes", confirms=True), Button("Abbrechen", "erase:no"))
SERIES = (Button("Einmalig", "s:0"), Button("Jede Woche", "s:1"), Button("Alle 2 Wochen", "s:2"))


def test_a_number_presses_its_choice():
    assert pressed("2", ERASE).data == "erase:no"
    assert pressed("3", ERASE) is None


def test_a_choice_typed_in_its_own_words():
    assert pressed("ja, löschen", ERASE).data == "erase:yes"
    assert pressed("Jede Woche", SERIES).data == "s:1"
    assert pressed("abbrechen!", ERASE).data == "erase:no"


def test_a_plain_yes_presses_only_a_first_choice_that_confirms():
    assert pressed("Ja", ERASE).data == "erase:yes"
    assert pressed("yes please", ERASE).data == "erase:yes"
    assert pressed("ja", SERIES) is None  # nothing to confirm: the yes is read elsewhere
    assert pressed("ja?", ERASE) is None  # a question is no yes
    assert pressed("ja nein", ERASE) is None
