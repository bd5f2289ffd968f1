"""Rows left open by tryout20/21 and found by tryout22 (applicants in the console,
never the code), each with a test that fails on the code before it. Phrasings besides
the try-outs' are our own.

- a negated statement whose truth is asked was answered the wrong way round:
  "Vereine dürfen nicht. Stimmt das?" → "Nein.", "Districts can't apply, is that
  right?" → "Yes."; "wir sind kein Verein, dürfen wir uns bewerben?" → "Nein." (the
  association it denies counted as the one asking).
- "wer war 2023 dabei" got the kick-off (its examples name the year): the five.
"""

from datetime import UTC, datetime

import pytest

from faq.form import negation
from tests.chat import applicant_router, text

APRIL = datetime(2023, 4, 20, 8, 0, tzinfo=UTC)  # the call is open
JUNE = datetime(2023, 6, 20, 8, 0, tzinfo=UTC)  # the five are chosen and sketching
NOW = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)  # the program is over


@pytest.fixture
def april(matcher, sessions):
    return applicant_router(matcher, sessions, APRIL)


@pytest.fixture
def june(matcher, sessions):
    return applicant_router(matcher, sessions, JUNE)


@pytest.fixture
def later(matcher, sessions):
    return applicant_router(matcher, sessions, NOW)


# -- a negated statement, a negated question ------------------------------------------


@pytest.mark.parametrize(
    ("message", "form"),
    [("Vereine dürfen nicht. Stimmt das?", "statement"),
     ("Districts can't apply, is that right?", "statement"),
     ("Die Expertin wird nicht von uns bezahlt, oder?", "statement"),
     ("Können Landkreise sich nicht bewerben?", "question"),
     ("echt gar nix? auch nicht die 3000 euro?", "either"),
     ("Wir sind kein Verein, dürfen wir uns bewerben?", None),
     ("Das ist nicht nur für Städte, oder?", None),
     ("Die Frist ist der 3. Mai, oder nicht?", None),
     ("Landkreise dürfen auch, stimmt das?", None)],
)  # fmt: skip
def test_negation(message, form):
    assert negation(message) == form


@pytest.mark.parametrize(
    ("message", "lead"),
    [("Vereine dürfen nicht. Stimmt das?", "Das stimmt. Bewerben können sich Städte"),
     ("Unis können nicht mitmachen, richtig?", "Das stimmt. "),
     ("Landkreise dürfen sich nicht bewerben, stimmt das?", "Das stimmt nicht. "),
     ("Districts can't apply, is that right?", "That's not right. Cities"),
     ("associations can't apply, right?", "That's right. "),
     ("Die Expertin wird nicht von uns bezahlt, stimmt's?", "Das stimmt. Die Expert:innen"),
     ("Können Landkreise sich nicht bewerben?", "Doch. "),
     ("Können Vereine sich nicht bewerben?", "Nein. "),
     ("Can't districts apply?", "Yes. "),
     ("Vereine dürfen auch, stimmt das?", "Nein. ")],
)  # fmt: skip
def test_a_negated_statement_is_confirmed_or_denied(april, message, lead):
    reply = text(april, message)
    assert reply.startswith(lead), reply


def test_after_the_deadline_not_applying_anymore_is_right(june):
    reply = text(june, "Man kann sich nicht mehr bewerben, stimmt das?")
    assert reply.startswith("Das stimmt. Die Bewerbungsfrist ist vorbei"), reply


@pytest.mark.parametrize(
    "message",
    ["Wir sind kein Verein, dürfen wir uns bewerben?",
     "we're not a city but a district, can we apply?"],
)  # fmt: skip
def test_what_a_question_denies_is_not_who_asks(april, message):
    reply = text(april, message)
    assert not reply.startswith(("Nein", "No")), reply
    assert "Städte, Kommunen und Behörden" in reply or "Cities, municipalities" in reply


# -- who took part, with a year ------------------------------------------------------------


@pytest.mark.parametrize("message", ["wer war 2023 dabei", "wer war 2023/24 dabei"])
def test_who_took_part_in_a_year_is_the_five(later, message):
    reply = text(later, message)
    assert "Stralsund" in reply and "Kick-off" not in reply, reply


def test_who_took_part_in_april_is_not_known_yet(april):
    reply = text(april, "wer war 2023 dabei")
    assert reply.startswith("Wer gefördert wird, steht noch nicht fest"), reply


def test_who_was_at_the_kickoff_is_still_the_kickoff(later):
    assert "Kick-off" in text(later, "wer war beim kick off dabei")
