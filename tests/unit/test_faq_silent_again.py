"""Two questions in a row that the call says nothing of: the first reply names the
contacts with their addresses, the second a moment later only /kontakt (as the refusal
does), so a phone screen is not filled with the same two addresses again. Phrasings are
our own; the clock is an input."""

from datetime import UTC, datetime, timedelta

from tests.chat import applicant_router, text
from tests.clock import Clock

APRIL = datetime(2023, 4, 20, 8, 0, tzinfo=UTC)


def test_the_second_silent_reply_names_the_contacts_by_command(matcher, sessions):
    router = applicant_router(matcher, sessions, APRIL)
    first = text(router, "Wie viele Bewerbungen gab es letztes Jahr?")
    second = text(router, "Muss man Englisch sprechen?")
    assert first.startswith("Das sagt die Ausschreibung nicht.") and "@lokalprojekte.de" in first
    assert (
        second
        == "Das sagt die Ausschreibung nicht. Fragen Sie gern bei Lokalprojekte nach (/kontakt)."
    )


def test_in_english_too(matcher, sessions):
    router = applicant_router(matcher, sessions, APRIL)
    text(router, "How many applications were there last year?")
    second = text(router, "Is there an age limit for experts?")
    assert (
        second
        == "The call for applications does not say this. Feel free to ask Lokalprojekte (/contact)."
    )


def test_a_day_later_the_contacts_are_named_again(matcher, sessions):
    clock = Clock(APRIL)
    router = applicant_router(matcher, sessions, clock=clock)
    text(router, "Wie viele Bewerbungen gab es letztes Jahr?")
    clock.now += timedelta(days=1)
    assert "@lokalprojekte.de" in text(router, "Muss man Englisch sprechen?")
