"""Conversations, not single questions (issue 14, applicants' chat): several questions
in one message each get their answer; a follow-up is bound to the answer just given
(a check of its figures, "and the time?") unless it implies another topic ("und was
kriegt man da so?"). Phrasings are our own, German and English."""

from datetime import UTC, datetime

import pytest

from bot.chat.faq_check import check
from bot.chat.faq_several import questions
from tests.chat import applicant_router, console, say, text

APRIL = datetime(2023, 4, 24, 8, 0, tzinfo=UTC)  # Mon 10:00 in Berlin, the call is open


@pytest.fixture
def april(matcher, sessions):
    return applicant_router(matcher, sessions, APRIL)


def after(router, first, follow_up):
    text(router, first)
    return text(router, follow_up)


# -- several questions in one message -------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "parts"),
    [
        ("Wann ist die Frist und wie viel Geld gibt es?", 2),
        ("whats the deadline and how much funding do we get?", 2),
        ("wann ist der kick-off und wo?", 2),
        ("Wann ist die Frist? Wer kann sich bewerben?", 2),
        ("wie lange dauert das projekt, und wer bezahlt die expertin?", 2),
        ("when is the kickoff and when is the closing event and who can apply?", 3),
        ("Wer zahlt Gehalt und Sachkosten?", None),
        ("Können sich Städte und Landkreise bewerben?", None),
        ("wann und wo ist das kick-off?", None),
        ("is it online or in person?", None),
        ("Gibt es ein Formular oder muss ich eine Mail schreiben?", None),
        ("when is the deadline or where do i send it?", 2),
    ],
)
def test_a_message_is_cut_where_a_new_question_begins(message, parts):
    found = questions(message)
    assert (len(found) if found else None) == parts


@pytest.mark.parametrize(
    ("message", "first", "second"),
    [
        (
            "Hallo, ich bin Sachbearbeiterin in Torgau. Wann ist die Frist und wie viel Geld "
            "gibt es?",
            "3. Mai 2023",
            "EUR 3.000",
        ),
        ("whats the deadline and how much funding do we get?", "3 May 2023", "EUR 3,000"),
        ("wann ist die frist und wer kann sich bewerben?", "3. Mai 2023", "Städte, Kommunen"),
        ("Wann ist die Frist? Wer kann sich bewerben?", "3. Mai 2023", "Städte, Kommunen"),
        ("when is the kickoff and when is the closing event?", "October 2023", "one-day"),
        ("wie lange dauert das projekt und wer bezahlt die expertin?", "sechs Monate", "TVöD"),
    ],
)
def test_two_questions_get_both_answers_in_one_message(april, message, first, second):
    replies = say(april, "u1", message)
    assert len(replies) == 1
    reply = replies[0].text
    assert first in reply and second in reply
    assert reply.index(first) < reply.index(second)


@pytest.mark.parametrize(
    ("message", "said"),
    [
        ("when is the deadline and where do i send it?", "The call does not say where"),
        ("wann ist der kick-off und wo?", "Einen Ort nennt die Ausschreibung dafür nicht"),
    ],
)
def test_two_questions_about_one_thing_get_its_answer_once(april, message, said):
    reply = text(april, message)
    assert reply.startswith(said)
    assert reply.count("Quelle") + reply.count("Source") == 1


def test_one_question_with_und_is_not_cut(april):
    reply = text(april, "Wer zahlt Gehalt und Sachkosten?")
    assert "Vergütung der Expert:innen" in reply  # asked back as one question, as before
    assert reply.count("Meinen Sie") == 1


def test_a_question_back_for_one_part_comes_last_with_its_buttons(april):
    reply = say(april, "u1", "Wann ist die Frist und was passiert im August?")[0]
    assert reply.text.startswith("Die Bewerbungsfrist läuft noch")
    assert reply.text.rstrip().endswith("?")
    assert {"Profile von Bewerber:innen", "Auswahl der Expert:in"} <= {
        b.label for b in reply.buttons
    }
    # "das erste" picks the first topic offered, not the reminders' button
    assert "ein bis drei" in text(april, "das erste")


# -- a check of the answer just given ---------------------------------------------------


@pytest.mark.parametrize(
    ("first", "follow_up", "lead", "said"),
    [
        ("whats the closing event", "is it 2 days", "No.", "one day"),
        ("wann ist das abschlussevent", "sind das zwei tage?", "Nein.", "einen Tag"),
        ("closing event", "is it one day?", "Yes.", "one-day"),
        ("whats the project period", "oct to march right?", "Yes.", "October 2023"),
        ("wie lange dauert das projekt", "also okt bis märz?", "Ja.", "Oktober 2023"),
        ("wie lange dauert das projekt", "sechs monate, oder?", "Ja.", "sechs Monate"),
        ("wie lange dauert das projekt", "oktober bis april?", "Nein.", "März 2024"),
        ("how long is the project", "seven months?", "No.", "six months"),
    ],
)
def test_a_check_of_the_last_answer_is_yes_or_no_about_it(april, first, follow_up, lead, said):
    reply = after(april, first, follow_up)
    assert reply.startswith(lead)
    assert said in reply
    assert "Bewerbungsschluss" not in reply and "deadline" not in reply


@pytest.mark.parametrize(
    "question",
    ["wie viele tage?", "und die uhrzeit?", "mehr als 2 tage?", "gibt es zwei kommunen?"],
)
def test_no_check_without_figures_only(question):
    assert check(question, "ein eintägiges Abschlussevent im März 2024") is None


@pytest.mark.parametrize(
    "question",
    # tryout12: "was passiert nach märz 2024" after a picker was "Ja." with the project's
    # six months; a question word asks something else than whether the figures are right
    ["was passiert nach märz 2024", "wann im märz 2024?", "what happens after march 2024"],
)
def test_a_question_word_is_no_check(question):
    assert check(question, "sechs Monate: von Oktober 2023 bis Ende März 2024") is None


def test_english_was_still_checks():
    assert check("was it one day?", "ein eintägiges Abschlussevent im März 2024") == "yes"


def test_what_happens_after_a_month_is_no_yes_after_a_picker(matcher, sessions):
    router = applicant_router(matcher, sessions, datetime(2023, 9, 15, 8, 0, tzinfo=UTC))
    text(router, "können wir die expertin nach der projektphase übernehmen")
    assert not text(router, "was passiert nach märz 2024").startswith("Ja.")


# -- the time of day after a dated answer -------------------------------------------------


@pytest.mark.parametrize(
    ("first", "follow_up", "silent"),
    [
        ("whats the deadline", "and the time?", "The call names no time of day"),
        ("whats the deadline", "and what time?", "The call names no time of day"),
        ("wann ist die frist", "und die uhrzeit?", "Eine Uhrzeit nennt die Ausschreibung nicht"),
    ],
)
def test_the_time_after_the_deadline_says_the_call_names_none(april, first, follow_up, silent):
    assert after(april, first, follow_up).startswith(silent)


# -- a follow-up that implies another topic ---------------------------------------------


@pytest.mark.parametrize(
    ("first", "follow_up", "said"),
    [
        ("wann ist die frist", "und was kriegt man da so", "EUR 3.000"),
        ("wann ist die frist", "was bekommen wir denn?", "EUR 3.000"),
        ("whats the deadline", "and what do we get?", "EUR 3,000"),
        ("wann ist das kick-off", "und was kriegt man?", "EUR 3.000"),
    ],
)
def test_what_one_gets_after_a_date_is_the_money(april, first, follow_up, said):
    reply = after(april, first, follow_up)
    assert said in reply
    assert "Bewerbungsschluss" not in reply and "deadline is" not in reply


# -- an extension: of the deadline or of the placement? -------------------------------------


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        ("kann man verlängern", "Bewerbungsfrist oder die des Einsatzes"),
        ("gibt es eine verlängerung?", "Bewerbungsfrist oder die des Einsatzes"),
        ("can it be extended?", "application deadline, or of the expert's placement"),
    ],
)
def test_an_extension_of_nothing_named_is_asked_back_with_both(april, message, asked):
    reply = say(april, "u1", message)[0]
    assert asked in reply.text
    assert len(reply.buttons) == 2
    assert "3. Mai" not in reply.text and "3 May" not in reply.text


def test_the_placement_chosen_is_six_months_with_no_extension_named(april):
    text(april, "kann man verlängern")
    reply = text(april, "die zweite")
    assert reply.startswith("Von einer Verlängerung steht in der Ausschreibung nichts.")
    assert "sechs Monate" in reply and "Bewerbungsschluss" not in reply


def test_the_deadline_chosen_is_the_deadline_with_no_extension_named(april):
    reply = say(april, "u1", "can it be extended?")[0]
    deadline = next(b for b in reply.buttons if "deadline" in b.label)
    pressed = say(april, "u1", data=deadline.data)[0].text
    assert pressed.startswith("The call says nothing about an extension: the deadline is")


@pytest.mark.parametrize(
    ("messages", "said"),
    [
        (["kann man den einsatz verlängern?"], "sechs Monate"),
        (["can the placement be extended?"], "six months"),
        (["wie lange dauert das projekt", "kann man das verlängern?"], "sechs Monate"),
    ],
)
def test_an_extension_of_the_placement_is_its_six_months(april, messages, said):
    *before, last = messages
    for message in before:
        text(april, message)
    reply = text(april, last)
    assert said in reply and ("Verlängerung" in reply or "extension" in reply)
    assert "Bewerbungsschluss" not in reply and "deadline" not in reply


@pytest.mark.parametrize(
    "messages",
    [["kann man die frist verlängern?"], ["wann ist die frist", "kann man das verlängern?"]],
)
def test_an_extension_of_the_deadline_is_the_deadline(april, messages):
    for message in messages:
        reply = text(april, message)
    assert reply.startswith("Von einer Verlängerung steht in der Ausschreibung nichts: Bewerbungs")


# -- what comes after a step ------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "said", "then"),
    [
        ("was passiert nach dem projekt", "Abschlussevent", "wissenschaftliche Evaluation"),
        ("und was kommt nach dem projekt?", "Abschlussevent", "wissenschaftliche Evaluation"),
        ("what happens after the project?", "closing event", "scientific evaluation"),
        ("was kommt nach den vorgesprächen?", "Rückmeldung", "Förderprogramm"),
        ("what comes after the sketch phase", "final time", "profile"),
    ],
)
def test_what_comes_after_a_step_is_the_next_one(april, message, said, then):
    reply = text(april, message)
    assert said in reply and then in reply
    assert "Meinen Sie" not in reply and "Do you mean" not in reply


def test_after_a_day_is_offered_the_fitting_topics(april):
    reply = say(april, "u1", "what happens after march 2024")[0]
    labels = {b.label for b in reply.buttons}
    assert {"Project end and closing event", "Scientific evaluation"} <= labels


# -- a long message with its context before the question --------------------------------


@pytest.mark.parametrize(
    ("message", "said", "who"),
    [
        (
            "hallo zusammen, wir sind eine kleine gemeinde in nrw und haben probleme bei der "
            "wohnungsvermittlung für geflüchtete. passt das zum programm?",
            "Vermittlung von Wohnraum für Geflüchtete",
            "Bewerben können sich Städte, Kommunen",
        ),
        (
            "Hello, we are a small town in Saxony and struggle with finding housing for "
            "refugees. Would that fit the program?",
            "matches housing to refugees",
            "Cities, municipalities and public authorities",
        ),
    ],
)
def test_a_question_pointing_back_is_answered_by_its_context(april, message, said, who):
    reply = text(april, message)
    assert said in reply and who in reply
    assert "Meinen Sie" not in reply and "Do you mean" not in reply


def test_context_without_a_pointing_question_is_asked_as_before(april):
    reply = text(april, "Ich arbeite in der Stadtverwaltung Kiel. Wann ist die Frist?")
    assert "3. Mai 2023" in reply and "Bewerben können sich" not in reply


# -- the welcome held for a first question after the call closed (the console) -----------

CLOSED = datetime(2023, 5, 4, 8, 0, tzinfo=UTC)  # Thu 10:00 in Berlin, the day after


def held(matcher, sessions, line: str) -> str:
    """`imbot chat` after the deadline: the welcome waits for the first line."""
    return console(applicant_router(matcher, sessions, CLOSED), f"{line}\n")


@pytest.mark.parametrize(
    ("line", "answer", "notice"),
    [
        ("kann ich mich noch bewerben", "Nein. Die Bewerbungsfrist ist vorbei", "Zurzeit läuft"),
        ("is it too late to apply", "Yes. The application period is over", "No call is open"),
    ],
)
def test_a_question_about_applying_is_answered_once_without_the_notice_before(
    matcher, sessions, line, answer, notice
):
    out = held(matcher, sessions, line)
    assert answer in out
    assert notice not in out
    assert out.count("🔔") == 1  # the next-call offer once, under the answer


@pytest.mark.parametrize(
    ("line", "answer", "notice"),
    [
        ("wann ist das kick-off?", "Oktober 2023", "Zurzeit läuft keine Ausschreibung"),
        ("what is funded?", "EUR 3,000", "No call is open right now"),
    ],
)
def test_another_first_question_is_answered_first_then_the_notice(
    matcher, sessions, line, answer, notice
):
    out = held(matcher, sessions, line)
    assert out.index(answer) < out.index(notice)
    assert out.count("🔔") == 1


def test_a_first_greeting_still_gets_the_notice_with_the_welcome(matcher, sessions):
    out = held(matcher, sessions, "hallo")
    assert out.startswith("Hallo!") and "Zurzeit läuft keine Ausschreibung" in out


@pytest.mark.parametrize(
    ("first", "said"),
    [
        (
            "was passiert nach dem projekt",
            "Von einer Verlängerung steht in der Ausschreibung nichts.",
        ),
        ("wann sind die vorgespräche", "Welche Verlängerung meinen Sie"),
    ],
)
def test_an_extension_after_another_answer_is_the_placement_or_asked(april, first, said):
    assert after(april, first, "kann man das verlängern?").startswith(said)


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "wir sind noch nicht ganz fertig, gibts eine verlängerung?",
            "Von einer Verlängerung steht in der Ausschreibung nichts",
        ),
        (
            "we are not ready yet, is there an extension?",
            "The call says nothing about an extension",
        ),
        (
            "wir schaffen das nicht rechtzeitig, kann man verlängern?",
            "Von einer Verlängerung steht in der Ausschreibung nichts",
        ),
    ],
)
def test_not_ready_and_an_extension_is_the_deadline(april, question, said):
    """Not ready yet and asking for an extension: the application's deadline, though
    the message does not name it (tryout5 A15 got the refusal), with its date."""
    reply = text(april, question)
    assert reply.startswith(said), reply
    assert "3. Mai 2023" in reply or "3 May 2023" in reply
