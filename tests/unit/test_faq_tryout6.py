"""Applicants' rows of the sixth try-out (tryout6): a question about the application
that only resembles the deadline's ("welche Unterlagen brauch ich für die Bewerbung",
"was ist wenn wir die Frist verpassen") is not answered with the date; a question about
what applying takes ("muss der Bürgermeister unterschreiben?") is in scope, with the
contacts and the team's offer; a yes/no question without its "?" is one still; "no
thanks" to the next-call offer, "ok" to several choices. Phrasings are our own."""

from datetime import UTC, datetime

import pytest

from bot.chat.faq_replies import FaqReplies
from faq.form import (
    about_the_application,
    asks_late_handling,
    asks_other_than_the_date,
    question_kind,
)
from tests.chat import applicant_router, text

EVE = datetime(2023, 5, 2, 21, 15, tzinfo=UTC)  # Tue 23:15 in Berlin, the deadline is tomorrow
TEAM = {"de": "Frage ans Team weiterleiten", "en": "Ask the team"}


def _asked(matcher, question: str, lang: str = "de"):
    """The FAQ's reply to an applicant whose chat can reach the team."""
    faq = FaqReplies(matcher, lambda match, now: "ref")
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
