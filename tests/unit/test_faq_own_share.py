"""An own share asked with the verb people use ("Eigenanteil leisten", "Eigenmittel
aufbringen", "provide co-funding"): the call does not decide it; the bot says so and what
the call says of the money (it was the refusal block). A yes/no question that names
nothing ("Müssen wir etwas leisten?") is no entry's open question. Phrasings are our own."""

from datetime import UTC, datetime

import pytest

from tests.chat import applicant_router, text

APRIL = datetime(2023, 4, 20, 8, 0, tzinfo=UTC)  # the call is open


@pytest.mark.parametrize(
    ("question", "lead", "says"),
    [
        ("Müssen wir einen Eigenanteil leisten?", "Das legt die Ausschreibung nicht fest", "TVöD"),
        (
            "Muss die Kommune Eigenmittel aufbringen?",
            "Das legt die Ausschreibung nicht fest",
            "TVöD",
        ),
        ("Do we have to provide co-funding?", "The call for applications does not decide", "TVöD"),
    ],
)
def test_an_own_share_is_not_decided_by_the_call(matcher, sessions, question, lead, says):
    reply = text(applicant_router(matcher, sessions, APRIL), question)
    assert reply.startswith(lead) and says in reply


def test_a_must_that_names_nothing_is_no_open_question(matcher, sessions):
    reply = text(applicant_router(matcher, sessions, APRIL), "Müssen wir etwas leisten?")
    assert "nicht fest" not in reply and "Evaluation" not in reply
