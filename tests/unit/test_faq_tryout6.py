"""Applicants' rows of the sixth try-out (tryout6): a question about the application
that only resembles the deadline's ("welche Unterlagen brauch ich für die Bewerbung",
"was ist wenn wir die Frist verpassen") is not answered with the date; a question about
what applying takes ("muss der Bürgermeister unterschreiben?") is in scope, with the
contacts and the team's offer; a yes/no question without its "?" is one still; "no
thanks" to the next-call offer, "ok" to several choices. Phrasings are our own."""

from datetime import UTC, datetime

import pytest

from bot.chat.faq_replies import NEXT_CALL_DATA, FaqReplies
from faq.form import (
    about_the_application,
    asks_late_handling,
    asks_other_than_the_date,
    question_kind,
)
from tests.chat import applicant_router, say, text

EVE = datetime(2023, 5, 2, 21, 15, tzinfo=UTC)  # Tue 23:15 in Berlin, the deadline is tomorrow
TEAM = {"de": "Frage ans Team weiterleiten", "en": "Ask the team"}


def _asked(matcher, question: str, lang: str = "de"):
    """The FAQ's reply to an applicant whose chat can reach the team."""
    # as the app's log: a reference for "Ask the team" only for a question not answered
    faq = FaqReplies(matcher, lambda match, now: None if match.confident else "ref")
    return faq.ask(question, lang, EVE, handoff=lambda: True)


@pytest.mark.parametrize(
    "question",
    [
        "welche unterlagen brauch ich für die bewerbung",
        "Welche Dokumente muss die Bewerbung enthalten?",
        "which documents do we need for the application",
        "brauchen wir einen ratsbeschluss für die bewerbung",
    ],
)
def test_a_question_about_the_application_is_not_answered_with_the_deadline(matcher, question):
    reply = _asked(matcher, question, "en" if "which" in question else "de")
    assert "Bewerbungsfrist läuft noch" not in reply.text
    assert "Applications are still open" not in reply.text
    assert "Charlotte Bock" in reply.text
    assert any(b.label in TEAM.values() for b in reply.buttons)


@pytest.mark.parametrize(
    "question",
    [
        "wann ist bewerbungsschluss",
        "Was ist die Deadline für die Bewerbung?",
        "Welche Frist gilt für die Bewerbung?",
        "Ist die Bewerbung noch offen?",
        "Kann man sich schon bewerben?",
        "Bis zu welchem Datum muss die Bewerbung eingereicht sein?",
        "what is the deadline",
    ],
)
def test_questions_about_the_date_or_the_state_still_get_it(question):
    assert not asks_other_than_the_date(question)


def test_welche_unterlagen_gets_what_the_call_does_not_say(matcher, sessions):
    router = applicant_router(matcher, sessions, EVE)
    reply = text(router, "welche unterlagen brauch ich für die bewerbung")
    assert reply.startswith("Das sagt die Ausschreibung nicht.")
    assert "Bewerbungsfrist" not in reply


@pytest.mark.parametrize(
    ("question", "start", "date"),
    [
        (
            "was ist wenn wir die frist verpassen",
            "Ob Unterlagen nachgereicht werden können oder was mit verspäteten Bewerbungen "
            "geschieht, sagt die Ausschreibung nicht",
            "morgen, der 3. Mai 2023",
        ),
        (
            "what if we miss the deadline",
            "The call does not say whether documents can be sent later or what happens to "
            "late applications",
            "tomorrow, 3 May 2023",
        ),
    ],
)
def test_missing_the_deadline_is_what_the_call_does_not_say_and_the_date(
    matcher, sessions, question, start, date
):
    assert asks_late_handling(question)
    reply = text(applicant_router(matcher, sessions, EVE), question)
    assert reply.startswith(start)
    assert date in reply and ("/kontakt" in reply or "/contact" in reply)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("muss der bürgermeister unterschreiben?", "de"),
        ("Brauchen wir eine Unterschrift vom Landrat?", "de"),
    ],
)
def test_what_applying_takes_is_in_scope_with_contacts_and_the_team(matcher, question, lang):
    assert about_the_application(question)
    reply = _asked(matcher, question, lang)
    assert not reply.text.startswith("Dazu kann ich nichts sagen")
    assert "Charlotte Bock" in reply.text
    assert [b.label for b in reply.buttons][-1] == TEAM[lang]


def test_the_weather_stays_off_topic(matcher):
    assert not about_the_application("wie ist das wetter morgen?")
    reply = _asked(matcher, "wie ist das wetter morgen?")
    assert reply.text.startswith("Dazu kann ich nichts sagen")


@pytest.mark.parametrize(
    ("question", "start"),
    [
        (
            "what about the 3000 euro can we use them for software licenses",
            "The call for applications does not decide this.",
        ),
        (
            "und was ist mit den 3000 euro dürfen wir die für software nutzen",
            "Das legt die Ausschreibung nicht fest.",
        ),
    ],
)
def test_a_topic_named_first_then_a_yes_no_question_without_its_mark(
    matcher, sessions, question, start
):
    assert question_kind(question) == "yes_no"
    assert text(applicant_router(matcher, sessions, EVE), question).startswith(start)


@pytest.mark.parametrize("question", ["what about the deadline", "was ist mit der Frist"])
def test_a_topic_alone_is_no_yes_no_question(question):
    assert question_kind(question) != "yes_no"


LATE = datetime(2026, 11, 27, 21, 50, tzinfo=UTC)  # the program is long over


@pytest.mark.parametrize(
    ("question", "no", "reply"),
    [
        ("is the call still open", "no thanks", "OK, no notification."),
        ("kann ich mich noch bewerben", "nein danke", "Gut, dann ohne Benachrichtigung."),
        ("kann ich mich noch bewerben", "lieber nicht", "Gut, dann ohne Benachrichtigung."),
    ],
)
def test_no_thanks_to_the_next_call_offer_is_no_notification(
    matcher, sessions, question, no, reply
):
    router = applicant_router(matcher, sessions, LATE)
    [offer] = say(router, "u1", question)
    assert any(b.data == NEXT_CALL_DATA and b.confirms for b in offer.buttons)
    [answer] = say(router, "u1", no)
    assert answer.text.startswith(reply) and not answer.buttons
    assert "welcome" not in answer.text and "Gern geschehen" not in answer.text


def test_thanks_without_an_offer_is_still_thanks(matcher, sessions):
    router = applicant_router(matcher, sessions, LATE)
    assert text(router, "no thanks").startswith("You're welcome!")


@pytest.mark.parametrize(("question", "ok"), [("money", "ok"), ("geld", "passt")])
def test_ok_to_a_question_back_is_asked_which(matcher, sessions, question, ok):
    router = applicant_router(matcher, sessions, EVE)
    [back] = say(router, "u1", question)
    assert len(back.buttons) >= 2 and not any(b.confirms for b in back.buttons)
    [reply] = say(router, "u1", ok)
    assert reply.text.startswith(("Which choice do you mean?", "Welche Wahl meinen Sie?"))
    assert [b.label for b in reply.buttons] == [b.label for b in back.buttons]


@pytest.mark.parametrize("pick", ["the second one", "both pls", "die zweite bitte"])
def test_a_pick_with_nothing_open_says_so(matcher, sessions, pick):
    router = applicant_router(matcher, sessions, EVE)
    [reply] = say(router, "u1", pick)
    assert reply.text.startswith(
        ("There is no open choice", "Dazu ist bei mir gerade keine Auswahl")
    )
    assert not reply.buttons


def test_ok_to_the_suggestions_after_a_refusal_lets_them_go(matcher, sessions):
    router = applicant_router(matcher, sessions, EVE)
    [refusal] = say(router, "u1", "ivo am 26.10. lieber um 14 uhr")
    assert "Meinten Sie eine dieser Fragen?" in refusal.text and len(refusal.buttons) >= 2
    [reply] = say(router, "u1", "ok")
    assert reply.text.startswith("Alles klar") and not reply.buttons
