"""Whether the programme still runs ("läuft das Programm noch?", "is the programme
over?"): Ja/Nein from the programme's last day, read on the day asked, with its
duration; on main these were a clarifying question or the next call's answer."""

from datetime import UTC, datetime

import pytest

from bot.chat.faq_follow import asks_program_state
from tests.chat import applicant_router, text

MAY_2023 = datetime(2023, 5, 4, 8, 0, tzinfo=UTC)  # applications closed, programme ahead
NOV_2026 = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)  # over since the end of March 2024


@pytest.mark.parametrize(
    ("now", "question", "start"),
    [
        (MAY_2023, "läuft das programm noch", "Ja. Die Projektphase dauert sechs Monate"),
        (MAY_2023, "is the program still running", "Yes. The project phase lasts six months"),
        (MAY_2023, "ist das programm schon vorbei", "Nein. Die Projektphase dauert"),
        (NOV_2026, "läuft das programm noch", "Nein. Die Projektphase dauerte sechs Monate"),
        (NOV_2026, "gibt es das programm noch", "Nein. Die Projektphase dauerte"),
        (NOV_2026, "is the programme over", "Yes. The project phase lasted six months"),
        (NOV_2026, "is the program still running?", "No. The project phase lasted"),
    ],
)
def test_whether_the_programme_still_runs(matcher, sessions, now, question, start):
    assert text(applicant_router(matcher, sessions, now), question).startswith(start)


@pytest.mark.parametrize(
    "question",
    ["läuft die bewerbung noch", "wie lange läuft das programm", "wann ist das programm vorbei",
     "was kostet das programm", "ist der kick-off vorbei"],
)  # fmt: skip
def test_other_questions_are_no_question_about_the_programmes_state(question):
    assert asks_program_state(question) is None
