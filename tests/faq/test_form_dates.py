"""The form of a question, read against dates and counts (issue 14, "answer the form"):
days a question names as of the day it is read, the deadline's Ja/Nein from them,
counts ("10 Projekte" against "fünf Projekte"), and a question after a statement."""

from __future__ import annotations

from datetime import date

import pytest

from faq.figures import days_named, figures, judge
from faq.form import asks_extension, deadline_verdict, question_kind

DEADLINE = date(2023, 5, 3)
EVE = date(2023, 5, 2)  # a Tuesday, the day before the deadline
AFTER = date(2023, 5, 4)
WEEK_BEFORE = date(2023, 4, 26)


@pytest.mark.parametrize(
    ("text", "today", "first", "last", "bound"),
    [
        ("geht der 6.5. auch?", EVE, date(2023, 5, 6), date(2023, 5, 6), None),
        ("and on June 2nd?", EVE, date(2023, 6, 2), date(2023, 6, 2), None),
        ("am 4. Mai 2024", EVE, date(2024, 5, 4), date(2024, 5, 4), None),
        ("reicht übermorgen", EVE, date(2023, 5, 4), date(2023, 5, 4), None),
        ("tomorrow morning?", EVE, date(2023, 5, 3), date(2023, 5, 3), None),
        ("bis Donnerstag", EVE, date(2023, 5, 4), date(2023, 5, 4), "until"),
        ("irgendwann next week", EVE, date(2023, 5, 8), date(2023, 5, 14), None),
        ("nach dem 10.5.", EVE, date(2023, 5, 10), date(2023, 5, 10), "after"),
        ("Mitte Mai", EVE, date(2023, 5, 11), date(2023, 5, 20), None),
        ("before May 1", EVE, date(2023, 5, 1), date(2023, 5, 1), "before"),
    ],
)
def test_days_named_are_read_on_the_day_of_the_question(text, today, first, last, bound):
    (named,) = days_named(text, today)
    assert (named.first, named.last, named.bound) == (first, last, bound)


@pytest.mark.parametrize("text", ["Guten Morgen!", "Wie viel Uhr?", "am 31.2."])
def test_no_day_where_none_is_named(text):
    assert days_named(text, EVE) == []


@pytest.mark.parametrize(
    ("question", "today", "verdict"),
    [
        # a day not after the deadline is in time; after it, not
        ("Geht der 6.5. auch noch?", EVE, "no"),
        ("Can I still send it on May 1st?", WEEK_BEFORE, "yes"),
        ("Reicht es, wenn wir übermorgen einreichen?", EVE, "no"),
        ("Können wir heute Nacht noch abschicken?", EVE, "yes"),
        ("Can we submit tomorrow morning?", EVE, "yes"),
        ("Können wir bis Donnerstag einreichen?", EVE, "no"),
        ("Is Friday still fine for our application?", WEEK_BEFORE, "yes"),  # Fri 28 April
        ("Is Friday still fine for our application?", EVE, "no"),  # Fri 5 May
        ("Klappt es nächste Woche noch?", EVE, "no"),
        ("Klappt es nächste Woche noch?", WEEK_BEFORE, "partly"),  # 1 to 7 May
        ("Klappt es nächste Woche noch?", date(2023, 4, 19), "yes"),  # 24 to 30 April
        ("Können wir uns im Mai noch bewerben?", EVE, "partly"),
        ("Können wir uns im Mai noch bewerben?", AFTER, "no"),
        # whether a day *is* the deadline
        ("Ist Stichtag der 30. April?", EVE, "no"),
        ("Is the deadline on 3 May?", EVE, "yes"),
        ("Müssen wir spätestens bis 3.5. einreichen?", EVE, "yes"),
        ("Must we apply by the 10th of May?", EVE, "no"),
        # no day: over, late, still
        ("Sind wir zu spät dran?", EVE, "no"),
        ("Sind wir zu spät dran?", AFTER, "yes"),
        ("Is the call still open?", EVE, "yes"),
        ("Is the call still open?", AFTER, "no"),
        ("Nimmt Lokalprojekte nachträglich Bewerbungen an?", EVE, "no"),
        # not a yes/no question, or nothing that settles it
        ("Bis wann kann ich am 3.5. abgeben?", EVE, None),
        ("Gibt es eine Frist?", EVE, None),
        ("Muss ich vor dem 3.5. abgeben?", EVE, None),
    ],
)
def test_deadline_verdict_depends_on_the_day_and_the_words(question, today, verdict):
    assert deadline_verdict(question, today, DEADLINE) == verdict


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Wir sind ein gemeinnütziger Verein, können wir teilnehmen?", "yes_no"),
        ("we are a charity - can we take part?", "yes_no"),
        ("Stimmt es, dass es sechs Monate sind?", "yes_no"),
        ("um wieviel uhr?", "what_time"),
        ("What time is the deadline?", "what_time"),
        ("Wie viel Geld gibt es?", "how_much"),
        ("Hallo, wo ist das Kick-off?", "where"),
    ],
)
def test_question_kind_reads_the_question_after_a_statement(question, kind):
    assert question_kind(question) == kind


def test_extension_questions():
    assert asks_extension("Wird der Bewerbungsschluss verschoben?")
    assert asks_extension("Is there an extension of the deadline?")
    assert not asks_extension("Bis wann läuft die Frist?")


@pytest.mark.parametrize(
    ("question", "answer", "verdict"),
    [
        ("Werden 8 Projekte gefördert?", "Gefördert werden deutschlandweit fünf Projekte.", "no"),
        ("Are three projects funded?", "Five projects across Germany are funded.", "no"),
        (
            "Werden fünf Projekte gefördert?",
            "Gefördert werden deutschlandweit fünf Projekte.",
            None,
        ),
        ("Werden mehr als 3 Projekte gefördert?", "Gefördert werden fünf Projekte.", "unsure"),
        ("Gibt es zwei Einführungstage?", "Dazu gehören zwei Einführungstage.", None),
    ],
)
def test_counts_are_figures_of_the_counted_noun(question, answer, verdict):
    assert judge(question, answer) == verdict


def test_a_count_is_not_a_date_an_amount_or_a_duration():
    assert figures("am 3.5.2023 statt, EUR 3.000 für sechs Monate, 60 bis 90 Minuten") == {
        "day": {(3, 5)},
        "month": {5},
        "euro": {3000},
        "months": {6},
    }
