"""Whether one has to come, right after a dated step ("muss ich da persönlich
hinkommen?", "do I have to be there in person?", "muss man da anreisen?"): a follow-up
about where, which the call does not say, with what it says of that step (it was a
picker of unrelated topics, or another step's "does not decide"). Phrasings are our own."""

from datetime import UTC, datetime

import pytest

from tests.chat import applicant_router, text

APRIL = datetime(2023, 4, 20, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("first", "then", "lead", "says"),
    [
        (
            "Wann ist das Kick-off?",
            "muss ich da persönlich hinkommen?",
            "Einen Ort nennt die Ausschreibung dafür nicht",
            "Oktober 2023",
        ),
        (
            "When is the kick-off?",
            "do I have to be there in person?",
            "The call for applications does not say where",
            "October 2023",
        ),
        (
            "Wann sind die Einführungstage?",
            "muss man da anreisen?",
            "Einen Ort nennt die Ausschreibung dafür nicht",
            "Einführungstage",
        ),
    ],
)
def test_coming_in_person_is_where_of_the_step_before(matcher, sessions, first, then, lead, says):
    router = applicant_router(matcher, sessions, APRIL)
    text(router, first)
    reply = text(router, then)
    assert reply.startswith(lead) and says in reply
