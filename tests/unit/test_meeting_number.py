"""One reader of a meeting's #N: "#2", "Termin 3", and for a sentence that moves or
cancels, its one plain number ("absagen 2"); never a date or a time."""

import pytest

from bot.chat.jourfixe.meetings import named_number


@pytest.mark.parametrize(
    ("text", "named", "bare"),
    [
        ("Termin #3 absagen", 3, 3),
        ("sag termin 3 ab", 3, 3),
        ("cancel meeting 4", 4, 4),
        ("nummer 2 absagen", 2, 2),
        ("cancel #2 please", 2, 2),
        ("absagen 2", None, 2),
        ("2 verschieben", None, 2),
        ("cancel no 2", None, 2),
        ("absagen am 8.12.", None, None),
        ("verschieben auf 15 Uhr", None, None),
        ("absagen 2 und 3", None, None),
        ("move 2 to 3pm", None, None),
        ("meeting 2 pm", None, None),
    ],
)
def test_named_and_bare_numbers(text, named, bare):
    assert named_number(text)[0] == named
    assert named_number(text, bare=True)[0] == bare


def test_the_text_without_the_number():
    assert named_number("absagen 2", bare=True)[1].split() == ["absagen"]
    assert named_number("verschiebe #2 auf Do", bare=True)[1].split() == ["verschiebe", "auf", "Do"]
