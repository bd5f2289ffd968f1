"""Rows left open by tryout13 and rows of tryout14 (applicants in the console, never the
code), each with a test that fails on the code before it. Phrasings besides the
try-outs' are our own.

- "wer sind die integrationsmacher" was the funder and who runs the program; the call
  names the core team so;
- "brauchen wir dafür eigene IT-leute?" was the digital-tools text as if it answered,
  "do we need our own IT staff?" a "Yes." with the funding (the call does not say).
"""

from datetime import UTC, datetime

import pytest

from tests.chat import applicant_router, text

APRIL = datetime(2023, 4, 20, 8, 0, tzinfo=UTC)  # the call is open


@pytest.fixture
def april(matcher, sessions):
    return applicant_router(matcher, sessions, APRIL)


@pytest.mark.parametrize(
    "message",
    ["wer sind die integrationsmacher", "Wer sind denn die Integrationsmacher:innen?",
     "who are the integrationsmacher?"],
)  # fmt: skip
def test_who_the_integrationsmacher_are_is_the_core_team(april, message):
    reply = text(april, message)
    assert "Kernteam" in reply or "core team" in reply, reply
    assert "Robert Bosch" not in reply


def test_what_integrationsmacher_is_stays_the_program(april):
    reply = text(april, "was ist integrationsmacher:innen?")
    assert "Kernteam des Projekts – die" not in reply, reply


@pytest.mark.parametrize(
    "message",
    ["brauchen wir eigene IT-leute?", "do we need our own IT staff?",
     "brauchen wir einen informatiker", "müssen wir selbst programmieren können?"],
)  # fmt: skip
def test_own_it_staff_is_not_decided_by_the_call(april, message):
    reply = text(april, message)
    assert reply.startswith(("Das legt die Ausschreibung nicht fest", "The call for applications does not decide")), reply  # fmt: skip
    assert "Expert" in reply or "expert" in reply


def test_own_it_staff_after_the_example_project(april):
    text(april, "beispiel für ein projekt?")
    reply = text(april, "brauchen wir dafür eigene IT-leute?")
    assert reply.startswith("Das legt die Ausschreibung nicht fest"), reply
