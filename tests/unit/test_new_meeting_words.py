"""Try-out: an expert's "ich möchte einen neuen Termin" or "neuer JF" got the FAQ's
"Meinen Sie …?" (the word "neu" alone said too little); a new meeting is a booking."""

import pytest

from bot.chat.jourfixe.intents import match_intent


@pytest.mark.parametrize(
    "text",
    [
        "ich möchte einen neuen termin",
        "neuer jf",
        "Neuer Termin bitte",
        "new meeting please",
        "i would like a new appointment with bernd",
    ],
)
def test_a_new_meeting_asks_to_book(text):
    assert match_intent(text) == "book"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("den termin auf einen neuen tag verschieben", "move"),
        ("can we move the meeting to a new time", "move"),
    ],
)
def test_moving_to_a_new_time_stays_a_move(text, intent):
    assert match_intent(text) == intent
