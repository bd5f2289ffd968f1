"""A question announced, none asked yet ("kurze Frage", "quick question", "darf ich was
fragen?"): the bot asks what it is about, in the language written, and answers the
question that follows. "kurze Frage" was answered with the program's summary and "quick
question" with the off-topic line (tryout10). Phrasings are our own."""

from datetime import UTC, datetime

import pytest

from tests.chat import applicant_router, text

APRIL = datetime(2023, 4, 20, 8, 0, tzinfo=UTC)  # the call is open


@pytest.fixture
def router(matcher, sessions):
    return applicant_router(matcher, sessions, APRIL)


@pytest.mark.parametrize(
    ("message", "lead"),
    [
        ("kurze Frage", "Gern – was möchten Sie wissen?"),
        ("noch eine Frage", "Gern – was möchten Sie wissen?"),
        ("ich hätte ne kurze Frage", "Gern – was möchten Sie wissen?"),
        ("Darf ich was fragen?", "Gern – was möchten Sie wissen?"),
        ("quick question", "Sure – what would you like to know?"),
        ("one more question", "Sure – what would you like to know?"),
        ("can I ask something?", "Sure – what would you like to know?"),
    ],
)
def test_an_announced_question_is_asked_for(router, message, lead):
    assert text(router, message).startswith(lead)


@pytest.mark.parametrize(
    ("message", "says"),
    [
        ("Hallo, kurze Frage: wann ist Bewerbungsschluss?", "3. Mai 2023"),
        ("quick question about the deadline", "3 May 2023"),
        ("noch eine Frage: wer zahlt die Expertin?", "TVöD"),
    ],
)
def test_a_question_after_the_announcement_is_answered(router, message, says):
    assert says in text(router, message)


def test_the_question_that_follows_is_answered(router):
    text(router, "kurze Frage")
    assert "3. Mai 2023" in text(router, "Wann ist die Deadline?")
