"""Yes/no verdicts that must come from what the call says, not from the topic
(issue 14, form4): a question that adds a rate ("pro Monat", "per expert"), a number
("zwei Tage", "5 Profile"), a day where the call gives only a month, or a use the call
does not list gets no "Ja"; the form of the question is read after a statement
("wir haben die Frist verpasst, geht noch was?"). A wrong "Ja" is worse than none.
Phrasings here are our own, German and English; each reply is read on its day."""

from datetime import UTC, datetime

import pytest

from faq.figures import terms
from tests.chat import applicant_router, text

BEFORE = datetime(2023, 4, 20, 8, 0, tzinfo=UTC)  # Thu 10:00 in Berlin, the call is open
AFTER = datetime(2023, 5, 5, 9, 0, tzinfo=UTC)  # two days after the deadline

YES = ("Ja", "Yes")


def _router(matcher, sessions, now):
    return applicant_router(matcher, sessions, now)


@pytest.fixture
def before(matcher, sessions):
    return _router(matcher, sessions, BEFORE)


@pytest.fixture
def after(matcher, sessions):
    return _router(matcher, sessions, AFTER)


@pytest.mark.parametrize(
    ("words", "kind", "value"),
    [
        ("gibt es das monatlich?", "rate", "month"),
        ("3000 a year?", "rate", "year"),
        ("bekommt jede Expertin das?", "rate", "expert"),
        ("for every city?", "rate", "project"),
        ("ein zweitägiges Event", "length_days", 2),
        ("a 3-day workshop", "length_days", 3),
        ("one to three selected profiles", "count:profi", 3),
        ("zwei bis vier weitere Termine", "count:termi", 4),
    ],
)
def test_rates_lengths_and_ranges_are_read(words, kind, value):
    assert value in terms(words)[kind]


@pytest.mark.parametrize(
    "question",
    [
        "gibt es die 3000 euro jeden monat?",
        "bekommen wir die 3000 euro monatlich",
        "sind das 3000 euro im jahr?",
        "is the 3000 euro budget paid monthly?",
        "do we get EUR 3,000 a year",
        "gibt es die 3000 für jede expertin?",
        "does every expert get 3000 euros",
    ],
)
def test_an_amount_per_month_year_or_expert_is_no(before, question):
    reply = text(before, question)
    assert reply.startswith(("Nein.", "No.")), reply


@pytest.mark.parametrize(
    "question",
    [
        "dauert das abschlussevent 2 tage?",
        "dauert die abschlussveranstaltung zwei tage?",
        "ist die abschlussveranstaltung zweitägig",
        "is the final event a 2-day event?",
        "does the closing event take three days",
    ],
)
def test_a_length_the_answer_contradicts_is_no(before, question):
    reply = text(before, question)
    assert reply.startswith(("Nein.", "No.")), reply


@pytest.mark.parametrize(
    "question",
    [
        "bekommen wir vier profile?",
        "will we get 4 profiles?",
    ],
)
def test_a_count_outside_a_range_is_no(before, question):
    reply = text(before, question)
    assert reply.startswith(("Nein.", "No.")), reply


@pytest.mark.parametrize(
    "question",
    [
        "findet der kick-off am 2. oktober statt?",
        "is the closing event on the 29th of march?",
        "is the kick-off on the 10th of october?",
        "is the closing event on march 28th",
        "will we get the decision on 20 may?",
    ],
)
def test_a_day_the_call_does_not_give_gets_no_verdict_but_says_so(before, question):
    reply = text(before, question)
    assert not reply.startswith((*YES, "Nein", "No.")), reply
    assert reply.startswith(("Genauer nennt die Ausschreibung", "The call is not more exact"))


@pytest.mark.parametrize(
    "question",
    ["ist das abschlussevent am 3. märz?", "is the closing event on 2 march?"],
)
def test_a_day_outside_the_part_of_the_month_the_call_gives_is_no(before, question):
    assert text(before, question).startswith(("Nein.", "No."))


@pytest.mark.parametrize(
    "question",
    [
        "dürfen wir die 3000 euro für miete verwenden?",
        "can we spend the 3000 euros on advertising?",
        "können wir die 3000 euro für werbeplakate nutzen?",
    ],
)
def test_a_use_the_call_does_not_list_is_open(before, question):
    reply = text(before, question)
    assert reply.startswith(("Das legt die Ausschreibung nicht fest", "The call for")), reply


@pytest.mark.parametrize(
    "question",
    ["kriegen wir die 3000 euro?", "do we get 3000 euros?", "gibt es 3000 euro pro projekt?"],
)
def test_the_amount_as_the_call_gives_it_is_still_yes(before, question):
    assert text(before, question).startswith(YES)


@pytest.mark.parametrize(
    "question",
    [
        "wir haben den bewerbungsschluss verpasst – können wir noch einreichen?",
        "die frist ist um, nehmt ihr noch bewerbungen an?",
        "we missed it, can we still send our application?",
    ],
)
def test_a_statement_before_the_question_does_not_decide_it(after, question):
    reply = text(after, question)
    assert reply.startswith(("Nein", "No")), reply


def test_the_same_statement_while_the_call_is_open_is_yes(before):
    reply = text(before, "wir haben die frist verpasst, geht noch was?")
    assert reply.startswith("Ja"), reply


@pytest.mark.parametrize(
    ("question", "start"),
    [
        ("wir sind eine stiftung dürfen wir mitmachen", "Nein."),
        ("we are a charity can we take part", "No."),
        ("dürfen sich österreichische kommunen bewerben?", "Nein."),
        ("kann sich eine österreichische stadt bewerben", "Nein."),
        ("is the EUR 3,000 for the expert?", "No."),
        ("sind die 3000 euro für die expertin?", "Nein."),
    ],
)
def test_who_may_apply_and_what_the_money_is_for_agree_in_both_languages(before, question, start):
    reply = text(before, question)
    assert reply.startswith(start), reply


@pytest.mark.parametrize(
    ("question", "start"),
    [
        ("wird das programm von der EU gefördert?", "Nein."),
        ("is the program funded by the federal government?", "No."),
        ("wird das von der robert bosch stiftung gefördert?", "Ja."),
        ("must the experts come from the administration?", "No."),
        ("findet das vorgespräch online statt", "Das legt die Ausschreibung nicht fest"),
        ("are the preliminary talks in person?", "The call for applications does not decide"),
    ],
)
def test_what_the_call_names_decides_and_what_it_leaves_open_says_so(before, question, start):
    reply = text(before, question)
    assert reply.startswith(start), reply
