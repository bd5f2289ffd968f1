"""Applicants' chat from the eighth try-out: the call's opening day, which the call
does not give ("Bewerbungsphase – STARTING SOON"), is never shown as the call's;
reminders asked for in words; the reply language of short messages."""

from datetime import UTC, date, datetime

import pytest

from jobs.editions import default_edition
from jobs.program import long_day
from tests.chat import applicant_router, say

FEBRUARY = datetime(2023, 2, 1, 9, 0, tzinfo=UTC)  # before the edition's starts_on
MARCH = datetime(2023, 3, 1, 9, 0, tzinfo=UTC)


def _router(matcher, sessions, now):
    return applicant_router(matcher, sessions, now, people=True)


def text(router, user, words) -> str:
    return "\n".join(r.text for r in say(router, user, words))


@pytest.mark.parametrize(
    ("now", "question", "lang"),
    [
        (FEBRUARY, "can we apply already", "en"),
        (MARCH, "läuft die bewerbungsphase schon", "de"),
        (MARCH, "is the call open yet?", "en"),
    ],
)
def test_before_the_start_the_answer_is_not_yet_without_a_day_the_call_lacks(
    matcher, sessions, now, question, lang
):
    """Try-out 8 (4): "opens on 1 April 2023" came from the edition's settings and read
    as a quote from the call, with step 1 as its source."""
    router = _router(matcher, sessions, now)
    reply = text(router, "early", question)
    starts = default_edition().starts_on
    assert long_day(starts, lang) not in reply and "April" not in reply
    assert reply.startswith("Noch nicht." if lang == "de" else "Not yet."), reply
    assert "3. Mai 2023" in reply or "3 May 2023" in reply
    assert "STARTING SOON" in reply  # the source names the heading it rests on


def test_before_the_start_a_question_for_the_day_gets_no_not_yet(matcher, sessions):
    router = _router(matcher, sessions, MARCH)
    reply = text(router, "early", "wann ist bewerbungsschluss")
    assert "3. Mai 2023" in reply and "Noch nicht" not in reply and "April" not in reply
    assert "läuft noch" not in text(router, "early", "gibt es eine nächste ausschreibung")


def test_the_edition_starts_after_the_day_the_test_is_about():
    assert default_edition().starts_on > date(2023, 3, 1)


LATE = datetime(2023, 5, 3, 19, 30, tzinfo=UTC)  # the evening of the deadline day
APRIL = datetime(2023, 4, 28, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("now", "words", "said"),
    [
        (LATE, "pls remind me", "You will now get reminders"),
        (APRIL, "erinnere mich bitte an die frist", "Sie bekommen jetzt Erinnerungen"),
        (APRIL, "kannst du mich an die deadline erinnern?", "Sie bekommen jetzt Erinnerungen"),
        (APRIL, "can you remind us before the deadline", "You will now get reminders"),
        (APRIL, "Erinnerungen bitte", "Sie bekommen jetzt Erinnerungen"),
        (APRIL, "kannst du mich morgen früh an die abgabe erinnern", "Sie bekommen jetzt"),
    ],
)
def test_asking_to_be_reminded_in_words_subscribes(matcher, sessions, now, words, said):
    """Try-out 8 (3): "pls remind me" got "I can't help with that" although /erinnerungen
    works and its button sits under the answers."""
    router = _router(matcher, sessions, now)
    assert said in text(router, "late", words)
    [mine] = router.services.timeline.subscriptions_of("console", "late")
    assert mine.stopped_at is None


@pytest.mark.parametrize("words", ["bitte nicht mehr erinnern", "wann kommt die erinnerung?"])
def test_not_every_reminder_word_subscribes(matcher, sessions, words):
    router = _router(matcher, sessions, APRIL)
    say(router, "late", words)
    assert router.services.timeline.subscriptions_of("console", "late") == []


def test_a_message_without_english_words_keeps_a_german_chat_german(matcher, sessions):
    """Try-out 8 (7): "per mail ok?" turned a German chat English, and "förderung" and
    "team" stayed English after it."""
    router = _router(matcher, sessions, APRIL)
    assert "Bewerbungsschluss" in text(router, "mix", "wann ist bewerbungsschluss")
    for words in ("per mail ok?", "förderung", "team"):
        reply = say(router, "mix", words)[-1]
        assert reply.lang == "de", (words, reply.text)
    assert say(router, "mix", "can we send it by mail")[-1].lang == "en"  # clearly English


@pytest.mark.parametrize(
    ("words", "lang", "said"),
    [
        ("auf englisch bitte", "en", "I will answer in English now."),
        ("in english please", "en", "I will answer in English now."),
        ("Can you answer in English?", "en", "I will answer in English now."),
        ("auf deutsch bitte", "de", "Ich antworte jetzt auf Deutsch."),
    ],
)
def test_asking_for_a_language_switches_as_sprache_does(matcher, sessions, words, lang, said):
    router = _router(matcher, sessions, APRIL)
    first = "/sprache de" if lang == "en" else "/sprache en"
    say(router, "kommune", first)
    assert text(router, "kommune", words) == said
    assert say(router, "kommune", "förderung")[-1].lang == lang
    assert router.chat_lang("console", "kommune") == lang


def test_a_question_about_the_language_is_no_switch(matcher, sessions):
    router = _router(matcher, sessions, APRIL)
    say(router, "kommune", "/sprache de")
    text(router, "kommune", "ist das programm auf englisch?")
    assert router.chat_lang("console", "kommune") == "de"
