"""Working from home: the call names the team the expert joins, not an office or home
office. "Can the expert work from home?" was answered "Yes." with the program's topics
(tryout10); the counter-examples in faq/negatives.yaml (about_call) now say that the
call does not say it, with the contacts. Phrasings are our own."""

from datetime import UTC, datetime

import pytest

from tests.chat import applicant_router, text

APRIL = datetime(2023, 4, 20, 8, 0, tzinfo=UTC)  # the call is open


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("Can the expert work from home?", "does not say"),
        ("Kann die Expertin im Homeoffice arbeiten?", "sagt die Ausschreibung nicht"),
    ],
)
def test_working_from_home_is_not_in_the_call(matcher, sessions, question, says):
    reply = text(applicant_router(matcher, sessions, APRIL), question)
    assert says in reply
    assert not reply.startswith(("Yes", "Ja", "No", "Nein"))
    assert "lokalprojekte.de" in reply  # whom to ask instead


def test_the_home_office_counter_examples_leave_the_experts_work_answered(matcher):
    # the entries on the expert's work still answer what the call does say
    match = matcher.match("Was macht die Expertin im Projekt?")
    assert match.confident and match.best.id != "topics"
