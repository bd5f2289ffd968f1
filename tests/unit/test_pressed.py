"""Typed answers to choices on platforms without buttons (console, Matrix): a number,
a button's own words, or a plain yes to a choice that confirms something."""

from bot.adapters.common import beyond, pressed
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


SEND = (Button("An 2 Chat(s) senden", "a:send", confirms=True), Button("Abbrechen", "a:no"))
ASK = (
    Button("Bewerbungsschluss", "faq:deadline"),
    Button("Profile von Bewerber:innen", "faq:profiles"),
    Button("Frage ans Team weiterleiten", "team:ask:k"),
)
ENGLISH_ASK = (Button("Deadline", "faq:deadline"), Button("Ask the team", "team:ask:k"))
SLOTS = (Button("Mo 30.11. 10:00", "slot:1"), Button("Di 1.12. 10:00", "slot:2"))


def test_words_of_exactly_one_choice_press_it():
    assert pressed("senden", SEND).data == "a:send"
    assert pressed("weiterleiten", ASK).data == "team:ask:k"
    assert pressed("ans team", ASK).data == "team:ask:k"
    assert pressed("Ja bitte ans Team!", ASK).data == "team:ask:k"
    assert pressed("ask team", ENGLISH_ASK).data == "team:ask:k"
    assert pressed("30.11.", SLOTS).data == "slot:1"


def test_words_of_several_choices_or_of_none_press_nothing():
    assert pressed("10:00", SLOTS) is None  # both slots are at ten
    assert pressed("senden bitte an alle", SEND) is None  # more than the label says
    assert pressed("Wann ist der Bewerbungsschluss?", ASK) is None  # a new question
    assert pressed("bitte", SEND) is None  # says nothing about which


def test_a_number_beyond_the_choices_is_told_the_range():
    assert beyond("4", ASK) == 3 and beyond("#9", SEND) == 2
    assert beyond("2", ASK) is None  # a choice
    assert beyond("senden", SEND) is None and beyond("4", ()) is None  # no number, no choices
    numbered_meetings = (Button("#24 Mo 10:00", "m:24", number=24),)
    assert beyond("7", numbered_meetings) is None  # meeting numbers: the router answers


def test_a_plain_yes_to_choices_it_does_not_press_is_unclear():
    from bot.adapters.common import unclear_yes

    scope = (Button("Nur #2", "a"), Button("#2 und alle folgenden", "b"), Button("Serie", "c"))
    assert unclear_yes("ja", scope) == 3 and unclear_yes("Yes!", scope) == 3
    assert unclear_yes("nur #2", scope) is None  # the words of a choice press it
    assert unclear_yes("ja", scope[:1]) is None  # one button under an answer: not a question
    confirm = (Button("Ja, löschen", "y", confirms=True), Button("Nein", "n"))
    assert unclear_yes("ja", confirm) is None  # pressed: the first choice confirms


def test_a_command_is_never_a_typed_choice():
    """Try-out: "/topics" after "Meinen Sie Topics oder …?" ran the topic, not /topics."""
    from bot.messages import Button

    buttons = (Button("Topics", "faq:en:topics"), Button("Learning platform", "faq:en:lp"))
    assert pressed("/topics", buttons) is None and pressed("!topics", buttons) is None
    assert pressed("topics", buttons) == buttons[0]


def test_a_plain_yes_presses_the_one_choice_that_confirms_even_when_last():
    """The offer to ask the team is asked last, beside suggestions: "ja" forwards."""
    offer = (*ASK[:2], Button("Frage ans Team weiterleiten", "team:ask:k", confirms=True))
    assert pressed("ja", offer).data == "team:ask:k"
    assert pressed("Yes please", offer).data == "team:ask:k"
    assert pressed("ja", ASK) is None  # no choice confirms: asked which
    two = (ERASE[0], Button("Ja, alles", "erase:all", confirms=True))
    assert pressed("ja", two) is None  # two that confirm: never a guess
