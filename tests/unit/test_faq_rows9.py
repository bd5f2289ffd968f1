"""Console rows of issue rows9: FAQ replies that answered something else confidently.
Phrasings are our own; each reply goes through the chat's own FAQ entry point."""

from datetime import UTC, datetime

import pytest

from faq.form import paid_to
from tests.chat import applicant_router, text

NOW = datetime(2023, 4, 20, 8, 0, tzinfo=UTC)  # 10:00 in Berlin, the call is open
FUNDING_DE = "Die Robert Bosch Stiftung übernimmt die Personalkosten"


@pytest.mark.parametrize(
    "question",
    ["Wie viele Bewerber bekommen wir?", "wie viele Bewerbungen kriegen wir?", "how many applicants do we get?"],
)  # fmt: skip
def test_a_count_of_people_is_no_amount_of_money(question):
    assert paid_to(question) is None


@pytest.mark.parametrize("question", ["Wieviel bekommt die Kommune?", "how much do we get?"])
def test_how_much_a_municipality_gets_is_still_the_money(question):
    assert paid_to(question) == "municipality"


def test_how_many_applicants_we_get_is_not_answered_with_the_funding(matcher, sessions):
    reply = text(applicant_router(matcher, sessions, NOW), "Wie viele Bewerber bekommen wir?")
    assert FUNDING_DE not in reply
