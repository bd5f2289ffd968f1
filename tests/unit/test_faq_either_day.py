"""The night before the deadline, asked as people type (tryout10): "heute oder morgen?"
with both days in time is "Beides geht", not "Ja"; on the last day it is "Nur bis
heute" (it was the off-topic line); "schaff ich das noch heute nacht oder is morgen auch
ok" is the same question without a question mark (it was a one-option picker); "kann
man noch was nachreichen wenn ich morgen nicht fertig werde" is about handing in late:
the call does not say, with the deadline and whom to ask. Phrasings are our own; the
clock is an input."""

from datetime import UTC, datetime

import pytest

from tests.chat import applicant_router, text

EVE = datetime(2023, 5, 2, 19, 0, tzinfo=UTC)  # 21:00 in Berlin, the deadline is tomorrow
LAST_DAY = datetime(2023, 5, 3, 19, 0, tzinfo=UTC)  # 21:00 on the deadline's day


@pytest.mark.parametrize(
    ("message", "answer"),
    [
        ("heute oder morgen?", "Beides geht: bis morgen, 3. Mai 2023"),
        ("can I send it today or tomorrow?", "Either is fine: until tomorrow, 3 May 2023"),
        (
            "schaff ich das noch heute nacht oder is morgen auch ok",
            "Beides geht: bis morgen, 3. Mai 2023",
        ),
    ],
)
def test_both_days_in_time_are_both_fine(matcher, sessions, message, answer):
    router = applicant_router(matcher, sessions, EVE)
    assert text(router, message).startswith(answer)


@pytest.mark.parametrize(
    ("message", "answer"),
    [
        ("heute oder morgen?", "Nur bis heute, 3. Mai 2023"),
        ("can I send it today or tomorrow?", "Only until today, 3 May 2023"),
        ("schaff ich das noch heute nacht oder is morgen auch ok", "Nur bis heute, 3. Mai 2023"),
    ],
)
def test_on_the_last_day_only_today(matcher, sessions, message, answer):
    router = applicant_router(matcher, sessions, LAST_DAY)
    assert text(router, message).startswith(answer)


def test_the_choice_follows_the_deadline_asked_before(matcher, sessions):
    router = applicant_router(matcher, sessions, LAST_DAY)
    text(router, "Wann ist Bewerbungsschluss?")
    assert text(router, "heute oder morgen?").startswith("Nur bis heute")


def test_one_day_in_time_is_still_a_yes(matcher, sessions):
    router = applicant_router(matcher, sessions, EVE)
    assert text(router, "kann ich mich morgen noch bewerben?").startswith("Ja, bis morgen")


def test_not_finishing_in_time_is_about_handing_in_late(matcher, sessions):
    router = applicant_router(matcher, sessions, EVE)
    reply = text(router, "kann man noch was nachreichen wenn ich morgen nicht fertig werde")
    assert reply.startswith("Ob Unterlagen nachgereicht werden können")
    assert "3. Mai 2023" in reply and "/kontakt" in reply
