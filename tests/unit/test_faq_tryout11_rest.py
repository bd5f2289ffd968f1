"""Rows of tryout11 left open after round 17, each answered in the form asked:
"vorgespräche online oder vor ort?" got only the dates (the call does not decide the
format); "Can a district apply or only cities?" got the eligibility sentence with no
"Yes"; "sind es 10 projekte?" got a picker of the talks, the number of projects and the
participants; "wie viele bewerbungen gibt es bisher" a picker and "wie viele kommen in
die engere auswahl" the five funded projects as if they were the shortlist. Phrasings
besides the try-out's are our own."""

from datetime import UTC, datetime

import pytest

from faq.form import counts_applicants
from tests.chat import applicant_router, text

APRIL = datetime(2023, 4, 20, 8, 0, tzinfo=UTC)  # the call is open
SEPTEMBER = datetime(2023, 9, 15, 8, 0, tzinfo=UTC)  # the program runs


@pytest.fixture
def chat(matcher, sessions):
    router = applicant_router(matcher, sessions, APRIL)
    return lambda question: text(router, question)


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("vorgespräche online oder vor ort?", "Vorgespräche von 60 bis 90 Minuten"),
        ("finden die vorgespräche online oder persönlich statt?", "60 bis 90 Minuten"),
        ("preliminary talks online or in person?", "preliminary talks of 60 to 90 minutes"),
        # the matcher alone is unsure: nothing but the event's words and the two sides
        ("abschlussevent online oder vor ort", "eintägigen Abschlussevent"),
        ("kick-off online oder in person?", "Kick-off-Event"),
    ],
)
def test_a_choice_the_call_does_not_decide_says_so(chat, question, says):
    reply = chat(question)
    assert reply.startswith(
        ("Das legt die Ausschreibung nicht fest", "The call for applications does not decide")
    ), reply
    assert says in reply


def test_a_choice_the_answer_settles_gets_no_verdict(chat):
    reply = chat("3000 euro pro projekt oder insgesamt?")
    assert reply.startswith("Für Projektzwecke werden pro Projekt"), reply


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("Can a district apply or only cities?", "Yes."),
        ("Können Landkreise sich bewerben oder nur Städte?", "Ja."),
        ("Können sich Vereine bewerben oder nur Kommunen?", "Nein."),
        ("can an association apply or only municipalities?", "No."),
    ],
)
def test_or_only_asks_whether_the_first_counts_too(chat, question, lead):
    reply = chat(question)
    assert reply.startswith(lead), reply
    assert "Städte, Kommunen und Behörden" in reply or "Cities, municipalities" in reply


@pytest.mark.parametrize(
    ("question", "lead"),
    [("Geht es nur um Städte oder auch um Landkreise?", "Ja."),
     ("only cities or districts too?", "Yes.")],
)  # fmt: skip
def test_only_the_first_or_the_second_too_answers_for_the_second(chat, question, lead):
    assert chat(question).startswith(lead)  # tryout13: the second side, added with "auch"


@pytest.mark.parametrize("question", ["Geht es nur um Städte oder Landkreise?"])
def test_a_restricted_first_side_without_too_gets_no_verdict(chat, question):
    assert not chat(question).startswith(("Ja.", "Nein.", "Yes.", "No."))


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("sind es 10 projekte?", "Nein. Gefördert werden deutschlandweit fünf Projekte."),
        ("werden 3 projekte gefördert?", "Nein. Gefördert werden deutschlandweit fünf Projekte."),
        ("are there 10 projects?", "No. Five projects across Germany are funded."),
    ],
)
def test_a_count_the_call_contradicts_is_a_no(chat, question, lead):
    assert chat(question).startswith(lead)


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("wie viele bewerbungen gibt es bisher", "Wie viele sich bewerben oder in die engere"),
        ("wie viele kommen in die engere auswahl", "Wie viele sich bewerben oder in die engere"),
        ("wie viele haben sich beworben", "Wie viele sich bewerben oder in die engere"),
        ("how many applied?", "The call does not say how many apply or make the shortlist"),
        ("how many towns make the shortlist?", "The call does not say how many apply"),
    ],
)
def test_how_many_apply_is_not_in_the_call(chat, question, lead):
    reply = chat(question)
    assert reply.startswith(lead), reply
    assert "fünf Projekte" in reply or "Five projects" in reply


def test_how_many_applied_after_the_deadline(matcher, sessions):
    router = applicant_router(matcher, sessions, SEPTEMBER)
    reply = text(router, "wie viele haben sich beworben")
    assert reply.startswith("Wie viele sich bewerben oder in die engere Auswahl kommen")


@pytest.mark.parametrize(
    ("question", "counts"),
    [
        ("wie viele bewerbungen gibt es bisher", True),
        ("Anzahl der Bewerber?", True),
        ("how many applications were there", True),
        ("wie viele projekte werden gefördert?", False),  # the five: the entry's answer
        ("wie viele bewerber werden ausgewählt", False),
        ("wie viele können sich bewerben?", False),
        ("Wie viele Bewerbungen dürfen wir einreichen?", False),  # their own
        ("wie viel kostet die bewerbung", False),  # not a count
        ("wie viele bewerbungen gab es letztes jahr", False),  # another round
        ("how many pages should the application have", False),  # its size
    ],
)
def test_what_counts_the_applicants(question, counts):
    assert counts_applicants(question) is counts
