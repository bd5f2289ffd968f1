"""Handing something in later ("can I send documents later?", "kann ich Unterlagen später
schicken?"): the call does not say whether late documents are taken; the bot says so,
with the deadline (it was a picker, or "Nein. Die Bewerbungsfrist läuft noch", which
contradicts itself). Phrasings are our own."""

from datetime import UTC, datetime

import pytest

from tests.chat import applicant_router, text

APRIL = datetime(2023, 4, 20, 8, 0, tzinfo=UTC)  # the call is open


@pytest.mark.parametrize(
    ("question", "lead", "deadline"),
    [
        ("can I send documents later?", "The call does not say whether documents", "3 May 2023"),
        (
            "kann ich unterlagen später schicken?",
            "Ob Unterlagen nachgereicht werden können",
            "3. Mai 2023",
        ),
        (
            "kann ich die bewerbung später abschicken?",
            "Ob Unterlagen nachgereicht werden können",
            "3. Mai 2023",
        ),
    ],
)
def test_sending_later_is_not_in_the_call(matcher, sessions, question, lead, deadline):
    reply = text(applicant_router(matcher, sessions, APRIL), question)
    assert reply.startswith(lead) and deadline in reply
