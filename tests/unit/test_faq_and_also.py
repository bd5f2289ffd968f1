"""Another kind of applicant named right after who may apply, with an article ("und ein
landesministerium?", "and a ministry?"): the call names cities, municipalities and
authorities, no level above them, so it does not decide; the bot says so with what the
call says (it was the off-topic line, tryout10). "und ein Verein?" stays "Nein", "und
eine Gemeinde?" "Ja". Phrasings are our own."""

from datetime import UTC, datetime

import pytest

from tests.chat import applicant_router, text

APRIL = datetime(2023, 4, 20, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("first", "then", "lead"),
    [
        (
            "wir sind ein Jobcenter, dürfen wir uns bewerben?",
            "und ein landesministerium?",
            "Das legt die Ausschreibung nicht fest.",
        ),
        ("Who can apply?", "and a ministry?", "The call for applications does not decide this."),
        ("Wer kann sich bewerben?", "und ein Verein?", "Nein."),
        ("Wer kann sich bewerben?", "und eine Gemeinde?", "Ja."),
    ],
)
def test_another_kind_named_after_who_may_apply(matcher, sessions, first, then, lead):
    router = applicant_router(matcher, sessions, APRIL)
    text(router, first)
    reply = text(router, then)
    assert reply.startswith(lead), reply
    assert "Behörden" in reply or "authorities" in reply
