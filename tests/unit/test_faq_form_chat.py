"""Applicants' try-out of the FAQ on the night before the deadline and after it
(issue 14, "answer the form of the question"): yes/no questions about days get Ja/Nein
from the day they are read, a count the answer contradicts gets Nein, short follow-ups
are read against the answer before, and the refusal is short enough for a phone.
Phrasings here are our own, German and English."""

from datetime import UTC, datetime, timedelta

import pytest

from bot.chat.faq_replies import FaqReplies
from tests.chat import applicant_router, say, text
from tests.clock import Clock

EVE = datetime(2023, 5, 2, 21, 0, tzinfo=UTC)  # Tue 23:00 in Berlin, the deadline is tomorrow
AFTER = datetime(2023, 5, 4, 8, 0, tzinfo=UTC)  # Thu 10:00 in Berlin, the day after it


def _router(matcher, sessions, now):
    clock = Clock(now)
    return applicant_router(matcher, sessions, clock=clock), clock


@pytest.fixture
def eve(matcher, sessions):
    return _router(matcher, sessions, EVE)


@pytest.fixture
def after(matcher, sessions):
    return _router(matcher, sessions, AFTER)


@pytest.mark.parametrize(
    ("question", "start"),
    [
        ("geht der 6.5. auch noch?", "Nein. Bewerbungsschluss ist der 3. Mai 2023 (morgen)."),
        ("reicht es übermorgen?", "Nein. Bewerbungsschluss ist der 3. Mai 2023 (morgen)."),
        ("können wir morgen vormittag noch einreichen", "Ja, bis morgen, 3. Mai 2023"),
        ("klappt es heute nacht noch?", "Ja, bis morgen, 3. Mai 2023"),
        ("is friday still ok for the application?", "No. The deadline is 3 May 2023 (tomorrow)."),
        ("can we still send it tomorrow?", "Yes, until tomorrow, 3 May 2023"),
        ("Haben wir die Frist schon verpasst?", "Nein. Die Bewerbungsfrist läuft noch"),
    ],
)
def test_yes_no_about_a_day_on_the_eve_of_the_deadline(eve, question, start):
    assert text(eve[0], question).startswith(start)


@pytest.mark.parametrize(
    ("question", "start"),
    [
        ("kann man heute noch was einreichen?", "Nein."),
        ("Is it too late now?", "Yes."),
        ("wurde die Bewerbungsfrist verschoben?", "Nein – die Frist endete am 3. Mai 2023; von "
         "einer Verlängerung steht in der Ausschreibung nichts."),
        ("has the deadline been extended?", "No – the deadline was 3 May 2023"),
    ],
)  # fmt: skip
def test_after_the_deadline_no_means_no(after, question, start):
    reply = text(after[0], question)
    assert reply.startswith(start)
    if "verschoben" in question or "extended" in question:
        assert "/kontakt" in reply or "/contact" in reply  # whom to ask, and when they are there


def test_an_extension_before_the_deadline_is_not_known_either(eve):
    reply = text(eve[0], "Wird die Frist noch verlängert?")
    assert reply.startswith("Von einer Verlängerung steht in der Ausschreibung nichts")
    assert "morgen, der 3. Mai 2023" in reply
    reply = text(eve[0], "is there any extension planned?")
    assert reply.startswith("The call says nothing about an extension: the deadline is tomorrow")


def test_a_count_the_closest_answer_contradicts_gets_no(eve):
    reply = text(eve[0], "stimmt es, dass zwölf Projekte gefördert werden?")
    assert reply.startswith("Nein. Gefördert werden deutschlandweit fünf Projekte.")
    assert text(eve[0], "are 8 projects funded?").startswith("No. Five projects")


def test_an_association_gets_no_in_german_too(eve):
    reply = text(eve[0], "wir sind ein eingetragener verein – können wir uns bewerben?")
    assert reply.startswith("Nein. Bewerben können sich Städte")


def test_what_time_after_the_deadline_answer_says_the_call_names_only_the_day(eve):
    router, _ = eve
    assert "3. Mai 2023" in text(router, "wann ist die deadline")
    reply = text(router, "um wie viel uhr?")
    assert reply.startswith("Eine Uhrzeit nennt die Ausschreibung nicht, nur das Datum:")
    assert "3. Mai 2023" in reply
    assert "erreichbar ab Mi 03.05. 09:00" in reply  # the team is back on Wednesday morning
    assert "Quelle: Ausschreibung" in reply


def test_what_time_in_english(eve):
    router, _ = eve
    text(router, "when is the deadline?")
    reply = text(router, "what time?")
    assert reply.startswith("The call names no time of day, only the date:")


def test_a_what_time_question_long_after_is_not_a_follow_up(eve):
    router, clock = eve
    text(router, "wann ist die deadline")
    clock.now = EVE + timedelta(hours=2)
    assert "Eine Uhrzeit nennt" not in text(router, "um wie viel uhr?")


def test_where_after_the_kickoff_answer(eve):
    router, _ = eve
    text(router, "Wann ist das Kick-off?")
    assert text(router, "und wo?").startswith("Einen Ort nennt die Ausschreibung dafür nicht.")


def test_a_question_mark_yes_repeats_the_gist(eve):
    router, _ = eve
    text(router, "bis wann kann man sich bewerben")
    reply = text(router, "wirklich?")
    assert reply.startswith("So steht es in der Ausschreibung: Die Bewerbungsfrist läuft noch")
    assert text(router, "ja?").startswith("So steht es in der Ausschreibung:")


def test_ja_with_a_question_mark_and_nothing_before_is_small_talk(eve):
    assert "So steht es" not in text(eve[0], "ja?", user="fresh")


def test_a_second_ok_says_less(eve):
    router, _ = eve
    first = text(router, "ok")
    second = text(router, "okay")
    assert first.startswith("Alles klar.")
    assert len(second) < len(first)
    assert text(router, "Wann ist das Kick-off?")
    assert "Wenn Sie noch etwas brauchen" in text(router, "ok")  # after something else: in full


def test_the_closed_call_is_said_once_after_the_greeting(after):
    router, _ = after
    greeting = text(router, "/start")
    assert "endete am 3. Mai 2023" in greeting
    reply = say(router, "u1", "hallo, kann ich mich noch bewerben?")
    assert len(reply) == 1
    assert reply[0].text == "Nein – die Bewerbungsfrist endete am 3. Mai 2023."


def test_without_the_greeting_the_closed_call_is_answered_in_full(after):
    reply = text(after[0], "can I still apply?")
    assert reply.startswith("No. The application period is over")


def test_the_refusal_keeps_its_question_next_to_the_buttons(eve):
    router, _ = eve
    reply = say(router, "u1", "Gibt es Parkplätze beim Kick-off?")[0]
    assert reply.text.endswith("Meinten Sie eine dieser Fragen?") or not reply.buttons
    assert reply.text.count("@lokalprojekte.de") <= 2
    assert "calendly" not in reply.text  # the full contact block is /kontakt
    again = say(router, "u1", "Darf ich meinen Hund zum Kick-off mitbringen?")[0]
    assert "@lokalprojekte.de" not in again.text  # named a moment ago: /kontakt is enough
    assert "/kontakt" in again.text


def test_a_yes_no_sentence_with_nothing_close_is_no_crash(matcher):
    # "Have a nice weekend!" reads as yes/no ("have …") and names a weekend, and no
    # entry is close enough to offer: the refusal, not an error
    reply = FaqReplies(matcher).ask("Have a nice weekend!", "en", EVE)
    assert not reply.text.startswith(("Yes", "No"))


@pytest.mark.parametrize(
    ("question", "start"),
    [
        ("Can we hand in our documents on Wednesday morning?", "Yes, until tomorrow"),
        ("Geht das auch noch am Wochenende?", "Nein. Bewerbungsschluss ist der 3. Mai 2023"),
    ],
)
def test_a_day_and_handing_in_is_the_deadline_even_when_the_matcher_knows_no_word(
    eve, question, start
):
    assert text(eve[0], question).startswith(start)


@pytest.mark.parametrize("question", ["Regnet es morgen?", "Kann ich Sie am Freitag anrufen?"])
def test_a_day_about_something_else_is_not_the_deadline(eve, question):
    reply = text(eve[0], question)
    assert "Bewerbungsschluss" not in reply.split("\n")[0]


def test_a_follow_up_with_filler_words_is_still_a_follow_up(eve):
    router, _ = eve
    text(router, "when is the deadline?")
    assert text(router, "and at what time exactly?").startswith("The call names no time of day")
    assert not text(router, "Um wie viel Uhr ist das Kick-off-Event?").startswith(
        "Eine Uhrzeit nennt die Ausschreibung nicht, nur das Datum:\nDie Bewerbungsfrist"
    )  # a question with its own topic is not read against the deadline


def test_a_short_question_with_its_own_topic_is_not_a_follow_up(eve):
    router, _ = eve
    text(router, "Wann ist das Kick-off?")
    assert "Kick-off" not in text(router, "Wo ist das Abschlussevent?").split("\n")[1]


def test_after_the_deadline_moved_and_what_time(after):
    router, _ = after
    assert text(router, "has the deadline been moved?").startswith("No – the deadline was 3 May")
    assert text(router, "what time did it close?").startswith("The call names no time of day")
