"""What experts, buddies and applicants type with nothing open (try-out 7): "abbrechen",
"stopp", "cancel", "ja", "erika ja" get a short reply for their role and are never
recorded as unanswered questions about the call."""

from datetime import UTC, datetime

import pytest

from bot.booking.service import JourFixe
from bot.chat.faq_replies import FaqReplies
from bot.people import People
from tests.chat import make_router, say
from tests.clock import Clock
from tests.people import bernd_with_erika_and_emil

NOW = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


@pytest.fixture
def world(matcher, sessions):
    clock = Clock(NOW)
    logged = []
    faq = FaqReplies(matcher, lambda match, now: logged.append(match) or len(logged))
    people = People(sessions, clock)
    router = make_router(faq, people=people, booking=JourFixe(sessions, clock), clock=clock)
    bernd_with_erika_and_emil(people)
    return router, logged


WORDS = ["abbrechen", "stopp", "Stopp!", "cancel", "stop", "ja", "erika ja", "Ja, Erika"]


@pytest.mark.parametrize("words", WORDS)
def test_a_buddy_with_nothing_open_hears_what_there_is_to_do(world, words):
    router, logged = world
    (reply,) = say(router, "bernd", words)
    assert reply.text.startswith("Gerade ist nichts offen"), reply.text
    assert "/termine" in reply.text and "Ausschreibung" not in reply.text
    assert logged == []


@pytest.mark.parametrize("words", [*WORDS[:6], "bernd ja", "Ja, Bernd", "abbrechen bitte"])
def test_an_expert_with_nothing_open_hears_what_there_is_to_do(world, words):
    router, logged = world
    (reply,) = say(router, "erika", words)
    assert reply.text.startswith("Gerade ist nichts offen"), reply.text
    assert "/jourfixe" in reply.text and not reply.buttons
    assert logged == []


@pytest.mark.parametrize("words", ["cancel", "stop", "yes", "never mind"])
def test_in_english_too(world, words):
    router, logged = world
    (reply,) = say(router, "emil", words)
    assert reply.text.startswith("Nothing is open right now"), reply.text
    assert "/jourfixe" in reply.text and "/meetings" in reply.text
    assert logged == []


@pytest.mark.parametrize("words", ["abbrechen", "stopp", "cancel"])
def test_an_applicant_stopping_nothing_is_not_an_unanswered_question(world, words):
    router, logged = world
    (reply,) = say(router, "tom", words)
    assert reply.text.startswith(("Gerade ist nichts offen", "Nothing is open")), reply.text
    assert "/stopp" in reply.text or "/stop" in reply.text
    assert logged == []


def test_stop_closes_the_choices_of_an_answer_that_asked_back(world):
    router, logged = world
    (asked,) = say(router, "tom", "Kosten")  # a question back or an answer: either way
    (reply,) = say(router, "tom", "abbrechen")
    if asked.buttons:
        assert reply.text.startswith("Gut, abgebrochen")
    assert not reply.buttons and len(logged) <= 1  # only "Kosten" could be recorded


# -- more of what experts and buddies type (try-out 7, own round) ---------------------------


@pytest.mark.parametrize("words", ["Hallo Bernd", "Guten Morgen Bernd!", "danke bernd"])
def test_small_talk_with_the_buddys_name_is_small_talk(world, words):
    router, logged = world
    (reply,) = say(router, "erika", words)
    assert reply.text.startswith(("Hallo", "Gern geschehen")), reply.text
    assert "Dazu kann ich nichts sagen" not in reply.text and logged == []


@pytest.mark.parametrize("words", ["3", "zurück", "hmm", "stop it"])
def test_stray_words_of_an_expert_say_what_there_is_to_do(world, words):
    router, logged = world
    (reply,) = say(router, "erika", words)  # "stop it": she writes English now
    assert reply.text.startswith(("Gerade ist nichts offen", "Nothing is open")), reply.text
    assert "Ausschreibung" not in reply.text and logged == []


@pytest.mark.parametrize("words", ["was kann ich hier machen?", "What can I do here?"])
def test_what_can_i_do_here_is_the_help(world, words):
    router, logged = world
    (reply,) = say(router, "erika", words)
    assert "/jourfixe" in reply.text and ("/termine" in reply.text or "/meetings" in reply.text)
    assert not reply.buttons and logged == []


def test_who_are_you_to_an_expert_speaks_of_the_jour_fixe(world):
    router, _ = world
    (reply,) = say(router, "erika", "wer bist du")
    assert "Jour Fixes" in reply.text.split("\n\n")[0]


@pytest.mark.parametrize("words", ["moment", "Einen Moment bitte!", "one sec", "hold on"])
def test_a_moment_please_is_acknowledged_not_recorded(world, words):
    router, logged = world
    (reply,) = say(router, "bernd", words)
    assert reply.text.startswith(("Alles klar", "All right")), reply.text
    assert logged == []


def test_termin_abbrechen_is_about_cancelling_a_meeting(world):
    router, logged = world
    (reply,) = say(router, "erika", "Termin abbrechen")
    assert reply.text == "Keine anstehenden Jour Fixes." and logged == []


@pytest.mark.parametrize(
    ("user", "words", "expected"),
    [
        ("erika", "bis dann", "Auf Wiedersehen!"),
        ("emil", "see you", "Goodbye!"),
        ("bernd", "tschüss", "Auf Wiedersehen!"),
        ("erika", "passt", "Alles klar"),
        ("emil", "got it", "All right"),
        ("tom", "schönen Tag noch", "Auf Wiedersehen – und viel Erfolg"),
        ("tom", "genau", "Alles klar"),
    ],
)
def test_good_byes_and_agreement_get_a_short_reply_and_are_not_recorded(
    world, user, words, expected
):
    router, logged = world
    (reply,) = say(router, user, words)
    assert reply.text.startswith(expected), reply.text
    assert "Bewerbung" not in reply.text or user == "tom"  # experts applied long ago
    assert logged == []


@pytest.mark.parametrize("words", ["alle bestätigen", "beide annehmen", "confirm all"])
def test_a_decision_with_no_request_open_is_no_question_about_the_call(world, words):
    router, logged = world
    (reply,) = say(router, "bernd", words)
    assert reply.text.startswith(("Gerade ist nichts offen", "Nothing is open")), reply.text
    assert logged == []


@pytest.mark.parametrize(
    ("who", "words"),
    [("bernd", "beide ja"), ("bernd", "both yes"), ("bernd", "beide nein"), ("bernd", "alle ja"),
     ("erika", "vergiss es"), ("emil", "forget it"), ("emil", "wait no, forget it")],
)  # fmt: skip
def test_both_yes_or_forget_it_with_nothing_open_is_no_question_about_the_call(world, who, words):
    """Try-out 8: a buddy's "beide ja" and an expert's "forget it" with nothing open got
    "Dazu kann ich nichts sagen – ich beantworte Fragen zur Ausschreibung"."""
    router, logged = world
    (reply,) = say(router, who, words)
    assert reply.text.startswith(("Gerade ist nichts offen", "Nothing is open")), reply.text
    assert logged == []
