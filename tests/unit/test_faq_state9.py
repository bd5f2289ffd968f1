"""Whether the programme or a participant's project runs (tryout9 rows 2-4): from the
edition's dates, before the kick-off ("schon?": not yet), during the project phase and
after its closing event; a participant's place ("in Torgau") asks the same."""

from datetime import UTC, datetime

import pytest

from bot.chat.faq_replies import FaqReplies

APRIL_2023 = datetime(2023, 4, 20, 8, 0, tzinfo=UTC)  # call open, before the kick-off
NOVEMBER_2023 = datetime(2023, 11, 20, 8, 0, tzinfo=UTC)  # project phase
TODAY = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)  # programme over


@pytest.fixture(scope="module")
def faq(matcher):
    return FaqReplies(matcher)


@pytest.mark.parametrize(
    "question, now, first",
    [
        ("Läuft das Programm schon?", APRIL_2023, "Nein."),
        ("Läuft das Projekt in Torgau schon?", APRIL_2023, "Nein."),
        ("Is the project in Pforzheim already running?", APRIL_2023, "No."),
        ("Läuft das Projekt in Torgau schon?", NOVEMBER_2023, "Ja."),
        ("Is the project in Torgau still running?", NOVEMBER_2023, "Yes."),
        ("Läuft das Projekt in Pforzheim noch?", TODAY, "Nein."),
        ("Is the project in Torgau still running?", TODAY, "No."),
        ("Ist das Programm vorbei?", APRIL_2023, "Nein."),
    ],
)
def test_whether_it_runs_is_read_from_the_dates(faq, question, now, first):
    assert faq.ask(question, "de", now, record=False).text.split()[0] == first


def test_still_running_before_it_began_is_no_not_yet(faq):
    """ "läuft das Programm noch?" in April 2023: yes, it is not over (as before)."""
    text = faq.ask("Läuft das Programm noch?", "de", APRIL_2023, record=False).text
    assert text.startswith("Ja.")


def test_a_place_that_is_no_participant_is_no_question_of_the_state(faq):
    text = faq.ask("Läuft das Projekt in Leipzig noch?", "de", TODAY, record=False).text
    assert not text.startswith("Nein. Die Projektphase")
