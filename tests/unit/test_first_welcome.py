"""The first welcome comes in the language of the person's first line when it is known
(the console holds it for that line), German otherwise."""

from datetime import UTC, datetime, time

import pytest

from bot.booking.rules import Rules
from bot.booking.service import JourFixe
from bot.booking.timeparse import Window
from bot.chat.faq_replies import FaqReplies
from bot.people import People
from tests.chat import make_router, say
from tests.clock import Clock
from tests.people import pair_with_buddy


@pytest.fixture
def world(matcher, sessions):
    clock = Clock(datetime(2026, 3, 2, 8, 0, tzinfo=UTC))
    people = People(sessions, clock)
    booking = JourFixe(sessions, clock, Rules())
    router = make_router(FaqReplies(matcher), people=people, booking=booking, clock=clock)
    tuesdays = [Window(time(10), time(12), weekday=1)]
    ids = pair_with_buddy(people, booking, "Bernd", ["Emil"], tuesdays, platform="console")
    return router, people, ids


@pytest.mark.parametrize(
    ("first", "welcome"),
    [
        ("hello, when is the deadline?", "Hello!"),
        ("i want a weekly jour fixe", "Hello!"),
        ("Wann ist Bewerbungsschluss?", "Hallo!"),
        ("ich möchte einen Termin", "Hallo!"),
        ("/help", "Hello!"),
        ("/hilfe", "Hallo!"),
        ("hi", "Hallo!"),  # unclear: German, the default
        ("3", "Hallo!"),
    ],
)
def test_language_of_a_first_line(matcher, first, welcome):
    router = make_router(FaqReplies(matcher))
    hint = router.language_of(first)
    assert say(router, "new", "/start", lang_hint=hint)[0].text.startswith(welcome)


def test_an_invited_expert_who_never_chose_is_welcomed_in_the_first_lines_language(world):
    router, _, _ = world
    hint = router.language_of("i want a weekly jour fixe")
    assert hint == "en"
    assert say(router, "emil", "/start", lang_hint=hint)[0].text.startswith("Hello!")


def test_a_chosen_language_beats_the_first_line(world):
    router, people, ids = world
    people.set_lang(ids["Emil"], "de")  # /sprache de once
    assert say(router, "emil", "/start", lang_hint="en")[0].text.startswith("Hallo!")


def test_without_a_hint_the_welcome_stays_german(world):
    router, _, _ = world
    assert say(router, "emil", "/start")[0].text.startswith("Hallo!")
