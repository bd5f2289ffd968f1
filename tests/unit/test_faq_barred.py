"""Who and what may apply, asked as a yes/no question the matcher is not sure of: the
entry whose terms bar it answers "Nein" (tryout10: "können wir uns bewerben, wenn unser
projekt nichts mit digitalisierung zu tun hat?" was answered "Ja.", "können sich auch
unis bewerben?" and "ohne digitales Projekt bewerben?" got a picker). Asking as "we"
is no term of the salary ("can we apply without an expert?" stays a picker), and having
a tool already is not what the call decides. Phrasings are our own."""

from datetime import UTC, datetime

import pytest

from tests.chat import applicant_router, text

APRIL = datetime(2023, 4, 20, 8, 0, tzinfo=UTC)  # the call is open


@pytest.fixture
def chat(matcher, sessions):
    router = applicant_router(matcher, sessions, APRIL)
    return lambda question: text(router, question)


@pytest.mark.parametrize(
    ("question", "lead", "says"),
    [
        (
            "können wir uns bewerben, wenn unser projekt nichts mit digitalisierung zu tun hat?",
            "Nein.",
            "digitale Lösungen",
        ),
        ("Können wir uns ohne digitales Projekt bewerben?", "Nein.", "digitale Lösungen"),
        ("Can we apply if our project has nothing to do with digital tools?", "No.", "digital"),
        ("can we apply without a digital project?", "No.", "digital solutions"),
        ("Können sich auch unis bewerben?", "Nein.", "Städte, Kommunen und Behörden"),
        ("Dürfen Universitäten mitmachen?", "Nein.", "Städte, Kommunen und Behörden"),
        ("can a university apply?", "No.", "Cities, municipalities"),
        ("Can an NGO take part?", "No.", "Cities, municipalities"),
    ],
)
def test_what_the_call_bars_is_a_no(chat, question, lead, says):
    reply = chat(question)
    assert reply.startswith(lead), reply
    assert says in reply


@pytest.mark.parametrize(
    "question",
    ["Kann ein Landkreis teilnehmen?", "Can a city apply?", "Muss es digital sein?"],
)
def test_what_the_call_names_is_still_a_yes(chat, question):
    assert chat(question).startswith(("Ja.", "Yes."))


def test_asking_as_we_is_not_the_salary_paid_by_us(chat):
    reply = chat("can we apply without an expert?")
    assert not reply.startswith(("No.", "Yes.")) and "TVöD" not in reply


@pytest.mark.parametrize(
    "question",
    ["can we apply without having a digital tool yet?", "Müssen wir schon eine App haben?"],
)
def test_having_a_tool_already_is_not_decided(chat, question):
    reply = chat(question)
    assert not reply.startswith(("No", "Nein", "Yes", "Ja")), reply


def test_applying_for_money_elsewhere_is_not_barred_by_the_funder(chat):
    # "apply for EU money" asks for other funding, not to take part: no "No." about who
    # funds this program
    assert not chat("Can we apply for EU money for our refugee work?").startswith("No")


def test_applying_for_this_call_is_still_applying(chat):
    assert chat("Can a university apply for this program?").startswith("No.")
