import pytest

from bot.booking.answers import NO, YES, classify, guess


@pytest.mark.parametrize(
    "text", ["ja", "Ja!", "passt", "OK", "ok danke", "ja, passt", "👍", "Yes", "geht klar", "gerne"]
)
def test_clear_yes(text):
    assert classify(text) == YES


@pytest.mark.parametrize(
    "text",
    [
        "nein",
        "Nein.",
        "geht nicht",
        "passt nicht",
        "leider nicht",
        "no",
        "👎",
        "passt leider nicht",
        "ja, geht nicht",
    ],
)
def test_clear_no(text):
    assert classify(text) == NO


@pytest.mark.parametrize(
    "text", ["vielleicht", "Do 14:00", "ja aber erst um 11", "wer bist du", "", "jaa", "nien"]
)
def test_unclear_is_never_a_decision(text):
    assert classify(text) is None


def test_fuzzy_only_guesses_for_asking_back():
    assert guess("jaa") == YES
    assert guess("nien") == NO
    assert guess("Wann ist Bewerbungsschluss?") is None
