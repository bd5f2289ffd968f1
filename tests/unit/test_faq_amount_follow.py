"""How much the pay just named is in euros ("wieviel ist das in euro?", "how much is that
per month?"): the call names a pay grade, no amount; the bot says so with the pay grade
(it answered with the project budget's EUR 3,000, tryout10). After the budget the same
question is the budget's amount. Phrasings are our own."""

from datetime import UTC, datetime

import pytest

from tests.chat import applicant_router, text

APRIL = datetime(2023, 4, 20, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("first", "then", "lead"),
    [
        ("was verdient die expertin so", "wieviel ist das in euro?", "Einen Euro-Betrag nennt"),
        ("Wie wird die Expertin bezahlt?", "how much is that per month?", "The call names no"),
    ],
)
def test_the_pay_in_euros_is_not_in_the_call(matcher, sessions, first, then, lead):
    router = applicant_router(matcher, sessions, APRIL)
    text(router, first)
    reply = text(router, then)
    assert reply.startswith(lead) and "TVöD" in reply and "3.000" not in reply
    assert "3,000" not in reply


def test_after_the_budget_its_amount(matcher, sessions):
    router = applicant_router(matcher, sessions, APRIL)
    text(router, "Wie hoch ist das Budget?")
    assert "EUR 3.000" in text(router, "wieviel ist das in euro?")
