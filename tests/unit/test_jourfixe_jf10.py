"""Words of jf10 without a database: an expert's or buddy's "keine Erinnerungen mehr"
(the Jour Fixe reminders, not "more slots"), a written date beside a weekday, and the
meetings with the person a sentence names."""

from dataclasses import dataclass
from datetime import UTC, datetime
from types import SimpleNamespace

import pytest

from bot.chat.jourfixe.context import about_reminders, stops_reminders
from bot.chat.jourfixe.intents import match_intent
from bot.chat.jourfixe.meetings import _WRITTEN_DATE, by_name


@pytest.mark.parametrize(
    "text",
    [
        "keine Erinnerungen mehr bitte",
        "bitte keine erinnerungen mehr schicken",
        "no more reminders please",
        "please stop the reminders",
        "Erinnerungen aus",
        "stop reminding me",
        "erinnere mich bitte nicht mehr",
        "I don't want reminders anymore",
        "kann ich die erinnerungen ausschalten?",
    ],
)
def test_stopping_reminders_in_words(text):
    assert stops_reminders(text)


@pytest.mark.parametrize(
    "text",
    [
        "erinnerung 1 tag vorher",
        "wann kommt die erinnerung?",
        "mehr termine bitte",
        "gibt es mehr freie zeiten?",
        "remind me 2 hours before",
    ],
)
def test_other_words_about_reminders_or_more_are_no_stop(text):
    assert not stops_reminders(text)


def test_more_slots_stays_more():
    assert match_intent("mehr termine bitte") == "more"


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Do 12.3. 14:00", True),
        ("mi 25.10. 10 uhr", True),
        ("thu 12 mar 2pm", True),
        ("march 12 at 2pm", True),
        ("Do 15 Uhr", False),
        ("am Dienstag um 10", False),
    ],
)
def test_a_written_date_beside_a_weekday(text, written):
    assert bool(_WRITTEN_DATE.search(text.lower())) is written


@dataclass
class _Party:
    person_id: int
    name: str


@dataclass
class _Meeting:
    id: int
    expert: _Party
    buddy: _Party
    starts_at: datetime = datetime(2026, 3, 3, 9, tzinfo=UTC)

    def other(self, person_id):
        return self.buddy if person_id == self.expert.person_id else self.expert


BERND, ERIKA, EMIL = (
    _Party(1, "Bernd Buddy"),
    _Party(2, "Erika Expertin"),
    _Party(3, "Emil Experte"),
)
MEETINGS = [_Meeting(10, ERIKA, BERND), _Meeting(11, EMIL, BERND), _Meeting(12, ERIKA, BERND)]


def _ctx(person_id):
    return SimpleNamespace(who=SimpleNamespace(person_id=person_id))


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("ich muss den termin mit emil verschieben", [11]),
        ("Can we move the one with Erika?", [10, 12]),
        ("den Termin mit Emil, bitte", [11]),
        ("ich muss emils termin verschieben", [11]),
        ("move Emil's meeting", [11]),
        ("ich muss den termin verschieben", []),  # no name: nothing left out
        ("emilia", []),  # a name is a whole word
    ],
)
def test_the_meetings_with_the_person_named(text, ids):
    assert [m.id for m in by_name(_ctx(1), MEETINGS, text)] == ids


def test_an_experts_buddy_named_leaves_all_meetings():
    mine = [m for m in MEETINGS if m.expert is ERIKA]
    assert by_name(_ctx(2), mine, "den termin mit bernd verschieben") == []


@pytest.mark.parametrize(
    ("text", "about"),
    [
        ("ich möchte wieder erinnert werden", "on"),
        ("Erinnerungen wieder an bitte", "on"),
        ("can i turn the reminders back on?", "on"),
        ("wann erinnerst du mich?", "ask"),
        ("how early do you remind me", "ask"),
        ("danke für die Erinnerung", None),
        ("thanks for the reminder", None),
        ("können wir den termin verschieben?", None),
    ],
)
def test_turning_reminders_on_or_asking_about_them(text, about):
    assert about_reminders(text) == about
