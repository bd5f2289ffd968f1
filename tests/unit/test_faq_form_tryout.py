"""Applicants' second try-out of the FAQ (issue 14, form2): a day of the month alone
("geht auch noch der 5.?", "on the 4th"), a day in words ("am fünften Mai"), a wrong
assumption asked back ("…, oder?", "…, right?"), follow-ups without a verb ("morgen
früh?", "und wo?", "als Verein?") and who may apply ("als Stiftung?"). Phrasings here
are our own, German and English; each reply is read on the day it is asked."""

from datetime import UTC, date, datetime

import pytest

from faq.figures import days_named
from faq.form import deadline_verdict, question_kind
from tests.chat import applicant_router, text

WEEK_BEFORE = datetime(2023, 4, 28, 21, 0, tzinfo=UTC)  # Fri 23:00 in Berlin
EVE = datetime(2023, 5, 2, 21, 0, tzinfo=UTC)  # Tue 23:00 in Berlin, the deadline is tomorrow
AFTER = datetime(2023, 5, 4, 8, 0, tzinfo=UTC)  # Thu 10:00 in Berlin
DEADLINE = date(2023, 5, 3)


def _router(matcher, sessions, now):
    return applicant_router(matcher, sessions, now)


@pytest.mark.parametrize(
    ("words", "today", "day"),
    [
        ("geht auch noch der 5.?", date(2023, 4, 28), date(2023, 5, 5)),  # April's 5th is behind
        ("reicht der 4.?", date(2023, 5, 2), date(2023, 5, 4)),
        ("ging der 3. noch?", date(2023, 5, 4), date(2023, 5, 3)),  # a day ago: this month's
        ("is the 30th ok?", date(2023, 4, 28), date(2023, 4, 30)),
        ("can I still send it on the 4th?", date(2023, 5, 2), date(2023, 5, 4)),
        ("am fünften Mai", date(2023, 4, 28), date(2023, 5, 5)),
        ("der dritte reicht?", date(2023, 4, 28), date(2023, 5, 3)),
        ("May fifth", date(2023, 4, 28), date(2023, 5, 5)),
        ("the fifth of May", date(2023, 4, 28), date(2023, 5, 5)),
        ("am einunddreißigsten", date(2023, 5, 2), date(2023, 5, 31)),
    ],
)
def test_a_day_of_the_month_alone_or_in_words_is_a_day(words, today, day):
    (named,) = days_named(words, today)
    assert named.first == named.last == day


@pytest.mark.parametrize("words", ["der 2. Schritt", "der erste Schritt", "the first step"])
def test_an_ordinal_before_a_noun_is_no_day(words):
    assert days_named(words, date(2023, 4, 28)) == []


@pytest.mark.parametrize(
    ("question", "today", "verdict"),
    [
        ("bewerbungsschluss ist doch am fünften mai oder?", date(2023, 4, 28), "no"),
        ("the deadline is May 5th, right?", date(2023, 4, 28), "no"),
        ("Bewerbungsschluss ist der dritte Mai, stimmt's?", date(2023, 4, 28), "yes"),
        ("übermorgen noch ok?", date(2023, 4, 28), "yes"),
        ("übermorgen noch ok?", date(2023, 5, 2), "no"),
        ("morgen früh?", date(2023, 5, 2), "yes"),
        ("and tomorrow morning?", date(2023, 5, 2), "yes"),
    ],
)
def test_statements_asked_back_and_questions_without_a_verb_are_yes_no(question, today, verdict):
    assert question_kind(question) == "yes_no"
    assert deadline_verdict(question, today, DEADLINE) == verdict


@pytest.mark.parametrize("question", ["Gehalt?", "Wann ist Bewerbungsschluss?", "TVöD Stufe?"])
def test_a_topic_or_a_question_word_is_no_yes_no(question):
    assert question_kind(question) != "yes_no"


@pytest.mark.parametrize(
    ("now", "question", "start"),
    [
        (WEEK_BEFORE, "geht auch noch der 5.?", "Nein. Bewerbungsschluss ist der 3. Mai 2023 (in 5 Tagen)."),
        (WEEK_BEFORE, "reicht der 3.?", "Ja, bis Mittwoch, 3. Mai 2023"),
        (WEEK_BEFORE, "übermorgen noch ok", "Ja, bis Mittwoch, 3. Mai 2023"),
        (EVE, "übermorgen noch ok?", "Nein. Bewerbungsschluss ist der 3. Mai 2023 (morgen)."),
        (EVE, "can I still send it on the 4th?", "No. The deadline is 3 May 2023 (tomorrow)."),
        (WEEK_BEFORE, "bewerbungsschluss ist doch am fünften mai oder?", "Nein. Bewerbungsschluss ist der 3. Mai 2023"),
        (WEEK_BEFORE, "the deadline is May fifth, right?", "No. The deadline is 3 May 2023 (in 5 days)."),
        (AFTER, "reicht der 5. noch?", "Nein. Die Bewerbungsfrist"),
    ],
)  # fmt: skip
def test_days_alone_and_wrong_dates_get_ja_or_nein_first(matcher, sessions, now, question, start):
    assert text(_router(matcher, sessions, now), question).startswith(start)


def test_follow_ups_after_the_deadline_answer(matcher, sessions):
    router = _router(matcher, sessions, EVE)
    assert text(router, "wann ist bewerbungsschluss").startswith("Die Bewerbungsfrist läuft noch")
    where = text(router, "und wo?")
    assert where.startswith("Wo oder wie Sie die Bewerbung einreichen, nennt die Ausschreibung")
    assert "morgen, der 3. Mai 2023" in where and "/kontakt" in where
    assert text(router, "morgen früh?").startswith("Ja, bis morgen, 3. Mai 2023")
    assert text(router, "bis wieviel uhr?").startswith("Eine Uhrzeit nennt die Ausschreibung nicht")


def test_follow_ups_in_english(matcher, sessions):
    router = _router(matcher, sessions, EVE)
    text(router, "when is the deadline?")
    assert text(router, "and tomorrow morning?").startswith("Yes, until tomorrow, 3 May 2023")
    assert text(router, "and where?").startswith("The call does not say where or how")


@pytest.mark.parametrize(
    ("question", "start"),
    [
        ("Können wir uns als Stiftung bewerben?", "Nein. Bewerben können sich Städte"),
        ("Can a foundation apply?", "No. Cities, municipalities and public authorities"),
        ("Darf eine gGmbH mitmachen?", "Nein. Bewerben können sich Städte"),
        ("Können wir uns als Landkreis bewerben?", "Ja. Bewerben können sich Städte"),
    ],
)
def test_who_may_apply_yes_or_no_first(matcher, sessions, question, start):
    assert text(_router(matcher, sessions, WEEK_BEFORE), question).startswith(start)


def test_who_may_apply_goes_on_without_a_verb(matcher, sessions):
    router = _router(matcher, sessions, WEEK_BEFORE)
    text(router, "Können wir uns als Stiftung bewerben?")
    assert text(router, "als Verein?").startswith("Nein. Bewerben können sich Städte")
    assert text(router, "und als gGmbH?").startswith("Nein. Bewerben können sich Städte")
    assert text(router, "als Stadt?").startswith("Ja. Bewerben können sich Städte")
    english = _router(matcher, sessions, WEEK_BEFORE)
    text(english, "Who can apply?", user="u2")
    assert text(english, "and as a charity?", user="u2").startswith("No. Cities")


def test_a_robert_bosch_stiftung_question_is_no_foundation_applying(matcher, sessions):
    reply = text(_router(matcher, sessions, WEEK_BEFORE), "Kann sich eine Stadt bewerben?")
    assert reply.startswith("Ja.")


# -- third try-out (issue form3): what applicants type the night before ------------------

MAY_DAY_EVE = datetime(2023, 4, 28, 21, 0, tzinfo=UTC)  # Fri 23:00; Mon 1 May is a holiday
DEADLINE_NIGHT = datetime(2023, 5, 3, 21, 0, tzinfo=UTC)  # Wed 23:00, the deadline's own day


@pytest.mark.parametrize(
    ("words", "today", "day"),
    [
        ("geht der 4 noch", date(2023, 5, 2), date(2023, 5, 4)),  # no dot, no "th"
        ("bis zum 4 ok?", date(2023, 5, 2), date(2023, 5, 4)),
        ("is the 3rd the last day", date(2023, 5, 2), date(2023, 5, 3)),
        ("ist der 3. der letzte tag", date(2023, 5, 2), date(2023, 5, 3)),
        ("deadline tmrw right?", date(2023, 5, 2), date(2023, 5, 3)),
        ("2moro ok?", date(2023, 5, 2), date(2023, 5, 3)),
        ("tonite still fine?", date(2023, 5, 2), date(2023, 5, 2)),
        ("heut nacht noch", date(2023, 5, 2), date(2023, 5, 2)),
    ],
)
def test_days_as_people_type_them(words, today, day):
    (named,) = days_named(words, today)
    assert named.first == named.last == day


@pytest.mark.parametrize(
    "words",
    ["der 4,5 Millionen", "the 5 projects", "der 2. Tag", "reicht der 45", "am 4:30", "EG 11"],
)
def test_a_bare_number_is_a_day_only_by_itself(words):
    assert days_named(words, date(2023, 5, 2)) == []


@pytest.mark.parametrize(
    "question",
    [
        "frist verlängert",
        "deadline extended",
        "ausschreibung noch offen",
        "call closed",
        "bewerbungsschluss ist der 3. mai oder",
        "deadline is the 3rd right",
    ],
)
def test_a_state_without_a_verb_and_a_tag_without_a_question_mark_are_yes_no(question):
    assert question_kind(question) == "yes_no"


@pytest.mark.parametrize(
    "question", ["frist", "bewerbung schicken", "bewerbung per mail", "the deadline is the 3rd no"]
)
def test_a_topic_or_an_ending_no_is_not_yes_no(question):
    assert question_kind(question) != "yes_no"


@pytest.mark.parametrize(
    ("now", "question", "start"),
    [
        (EVE, "geht der 4 noch", "Nein. Bewerbungsschluss ist der 3. Mai 2023 (morgen)."),
        (EVE, "is the 3rd the last day", "Yes, until tomorrow, 3 May 2023 – that is the deadline."),
        (AFTER, "is the 3rd the last day", "Yes. The application period is over"),
        (EVE, "deadline tmrw right?", "Yes, until tomorrow, 3 May 2023"),
        (DEADLINE_NIGHT, "heute nacht noch", "Ja, bis heute, 3. Mai 2023"),
        (DEADLINE_NIGHT, "tonight still ok?", "Yes, until today, 3 May 2023"),
        (EVE, "frist verlängert", "Von einer Verlängerung steht in der Ausschreibung nichts"),
        (AFTER, "frist verlängert", "Nein – die Frist endete am 3. Mai 2023"),
        (EVE, "bis wann genau", "Eine Uhrzeit nennt die Ausschreibung nicht, nur das Datum:"),
        (EVE, "until when", "Applications are still open: the deadline is tomorrow"),
        (EVE, "wo schick ich das hin", "Wo oder wie Sie die Bewerbung einreichen, nennt"),
        (EVE, "where do we submit", "The call does not say where or how to hand in"),
    ],
)  # fmt: skip
def test_the_night_before_in_the_applicants_words(matcher, sessions, now, question, start):
    assert text(_router(matcher, sessions, now), question).startswith(start)


def test_a_day_alone_after_the_deadline_answer_asks_about_that_day(matcher, sessions):
    router = _router(matcher, sessions, EVE)
    text(router, "wann ist bewerbungsschluss")
    assert text(router, "morgen früh").startswith("Ja, bis morgen, 3. Mai 2023")
    assert text(router, "übermorgen").startswith("Nein. Bewerbungsschluss ist der 3. Mai 2023")
    english = _router(matcher, sessions, EVE)
    text(english, "when is the deadline", user="u2")
    assert text(english, "tmrw morning", user="u2").startswith("Yes, until tomorrow, 3 May")


def test_by_when_exactly_after_a_month_says_the_call_names_no_day(matcher, sessions):
    router = _router(matcher, sessions, EVE)
    assert text(router, "wann ist das kickoff").startswith("Im Oktober 2023")
    assert text(router, "bis wann genau").startswith("Genauer nennt die Ausschreibung es nicht")


def test_where_is_the_kickoff_is_no_question_about_handing_in(matcher, sessions):
    reply = text(_router(matcher, sessions, EVE), "wo findet das kickoff statt")
    assert "Bewerbung einreichen" not in reply


def test_the_office_is_not_reachable_on_a_public_holiday(matcher, sessions):
    reply = text(_router(matcher, sessions, MAY_DAY_EVE), "wo schick ich das hin")
    assert "erreichbar ab Di 02.05. 09:00" in reply  # not Mon 1 May, Tag der Arbeit


@pytest.mark.parametrize(
    ("now", "question", "start"),
    [
        (EVE, "kann ich das auch per post schicken", "Wo oder wie Sie die Bewerbung einreichen"),
        (EVE, "an wen schick ich das", "Wo oder wie Sie die Bewerbung einreichen"),
        (EVE, "who do i send it to", "The call does not say where or how to hand in"),
        (EVE, "can we submit online", "The call does not say where or how to hand in"),
        (EVE, "reicht es wenn die bewerbung um mitternacht da ist", "Eine Uhrzeit nennt die Ausschreibung nicht"),
        (EVE, "bis 24 uhr?", "Eine Uhrzeit nennt die Ausschreibung nicht"),
        (EVE, "is 11pm ok", "The call names no time of day, only the date:"),
        (EVE, "geht der 5. um 9 uhr", "Nein. Bewerbungsschluss ist der 3. Mai 2023 (morgen)."),  # the day decides
        (EVE, "deadline 3rd or 4th", "Applications are still open: the deadline is tomorrow, 3 May 2023."),
    ],
)  # fmt: skip
def test_how_to_whom_and_what_time_to_hand_in(matcher, sessions, now, question, start):
    assert text(_router(matcher, sessions, now), question).startswith(start)


@pytest.mark.parametrize(
    "question",
    ["sind es 3000 pro projekt oder insgesamt", "is it 3000 per project or in total"],
)
def test_a_choice_between_two_gets_no_ja_or_nein(matcher, sessions, question):
    reply = text(_router(matcher, sessions, EVE), question)
    assert "3.000" in reply or "3,000" in reply
    assert not reply.startswith(("Ja", "Nein", "Yes", "No"))


def test_a_tag_at_the_end_is_no_choice():
    from faq.form import choice

    assert not choice("Bewerbungsschluss ist am 5. Mai, oder?")
    assert choice("ist es der 3. oder der 4.")


def test_a_named_person_is_no_question_how_to_hand_in():
    from faq.form import asks_how_to_apply

    assert not asks_how_to_apply("kann ich das per mail an frau bock schicken")
    assert asks_how_to_apply("kann ich das per mail schicken")


@pytest.mark.parametrize("question", ["who can apply", "who can apply?", "who may apply"])
def test_who_can_apply_asks_who_is_eligible_not_to_whom(matcher, sessions, question):
    reply = text(_router(matcher, sessions, EVE), question)
    assert reply.startswith("Cities, municipalities and public authorities"), reply


NIGHT_AFTER = datetime(2023, 5, 3, 22, 30, tzinfo=UTC)  # Thu 00:30: the deadline was yesterday


@pytest.mark.parametrize(
    ("now", "question", "start"),
    [
        (NIGHT_AFTER, "ging gestern noch", "Ja. Die Bewerbungsfrist ist vorbei"),
        (NIGHT_AFTER, "gestern war doch deadline oder", "Ja. Die Bewerbungsfrist ist vorbei"),
        (NIGHT_AFTER, "bin ich zu spät", "Ja. Die Bewerbungsfrist ist vorbei"),
        (NIGHT_AFTER, "am i too late", "Yes. The application period is over"),
        (NIGHT_AFTER, "did i miss it", "Yes. The application period is over"),
        (EVE, "bin ich zu spät", "Nein. Die Bewerbungsfrist läuft noch"),
        (EVE, "did i miss it", "No. Applications are still open"),
    ],
)  # fmt: skip
def test_too_late_and_yesterday(matcher, sessions, now, question, start):
    assert text(_router(matcher, sessions, now), question).startswith(start)


@pytest.mark.parametrize(
    ("question", "start"),
    [
        ("Zahlt Lokalprojekte oder die Stiftung das Gehalt?", "Die Expert:innen werden"),
        ("Können sich Vereine oder Privatpersonen bewerben?", "Nein. Bewerben können sich"),
        ("Geht es um eine App oder Software?", "Das legt die Ausschreibung nicht fest"),
    ],
)
def test_a_choice_is_settled_only_when_both_sides_are(matcher, sessions, question, start):
    assert text(_router(matcher, sessions, EVE), question).startswith(start)


def test_am_before_a_date_is_no_yes_no():
    assert question_kind("am wievielten ist die deadline") != "yes_no"


def test_a_word_counts_for_its_longest_term(matcher, sessions):
    # "Ausländerbehörde" is a yes term, not the no term "Ausland" it begins with
    reply = text(_router(matcher, sessions, EVE), "darf eine ausländerbehörde mitmachen")
    assert reply.startswith("Ja.")


def test_a_longer_term_of_one_side_leaves_the_other_sides_words():
    from faq.form import polarity
    from faq.kb import Entry

    entry = Entry("x", {"de": "x"}, {"de": "x"}, {"de": ("x",)}, {}, "x", "x",
                  polar={"no": ("Ausland",), "yes": ("Ausländerbehörde",)})  # fmt: skip
    assert polarity(entry, "darf eine ausländerbehörde mitmachen") == "yes"
    assert polarity(entry, "darf eine ausländerbehörde im ausland mitmachen") == "no"
    assert polarity(entry, "darf man aus dem ausland mitmachen") == "no"
