"""Rows of a newcomer's try-out (tryout11) where a yes/no lead did not fit what the
call says, and two replies that were the refusal block. Phrasings are the try-out's or
our own; the clock is an input."""

from datetime import UTC, datetime

import pytest

from tests.chat import applicant_router, text

APRIL = datetime(2023, 4, 20, 8, 0, tzinfo=UTC)  # the call is open
EVE = datetime(2023, 5, 2, 21, 0, tzinfo=UTC)  # 23:00 before the deadline


@pytest.fixture
def chat(matcher, sessions):
    router = applicant_router(matcher, sessions, APRIL)
    return lambda message: text(router, message)


def test_the_municipality_does_not_search_for_the_expert(chat):
    # Lokalprojekte recruits and sends profiles; the municipality picks one (was "Ja.")
    reply = chat("müssen wir die expertin selber suchen")
    assert reply.startswith("Nein.") and "Vorauswahl" in reply


def test_choosing_the_expert_is_still_a_yes(chat):
    assert chat("can we choose the expert ourselves?").startswith("Yes.")


def test_staff_from_the_project_budget_is_not_decided(chat):
    # "für Projektzwecke" does not say whether staff may be paid from it (was "Ja.")
    reply = chat("können wir von den 3000 euro auch personal bezahlen")
    assert reply.startswith("Das legt die Ausschreibung nicht fest") and "3.000" in reply


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("is the closing event online?", "The call for applications does not decide this."),
        ("ist das abschlussevent online?", "Das legt die Ausschreibung nicht fest."),
        ("Sind die Einführungstage online?", "Das legt die Ausschreibung nicht fest."),
    ],
)
def test_whether_an_event_is_online_is_not_in_the_call(chat, question, lead):
    assert chat(question).startswith(lead)  # was "Yes."/"Ja."


def test_a_topic_the_call_does_not_list_is_not_ruled_out(chat):
    chat("Welche Themen?")
    assert chat("gesundheit auch?").startswith("Ja.")
    reply = chat("und schule?")  # was the accompanying program's text
    assert reply.startswith("Das legt die Ausschreibung nicht fest") and "Wohnen" in reply


def test_who_has_to_attend_is_no_question_of_the_participants(matcher, sessions):
    router = applicant_router(matcher, sessions, EVE)
    reply = text(router, "muss der bürgermeister dabei sein")
    assert "Teilnehmer:innen" not in reply and not reply.startswith("Nein")
    # the night before the deadline nobody is chosen yet (the five are known from 19 May)
    assert text(router, "Ist Leipzig dabei?").startswith("Wer gefördert wird, steht noch nicht")


@pytest.mark.parametrize(
    ("message", "lead"),
    [
        ("Herzlichen Dank für Ihre Unterstützung, Sie haben mir sehr geholfen.", "Gern geschehen!"),
        ("Thanks for the information, that was helpful!", "You're welcome!"),
    ],
)
def test_a_long_thank_you_is_thanks(chat, message, lead):
    assert chat(message).startswith(lead)  # was the refusal block


@pytest.mark.parametrize(
    "question",
    [
        "Wie hoch ist denn das monatliche Bruttogehalt der Expertin bzw. des Experten in Euro?",
        "Was ist der Stundenlohn der Expertin?",
    ],
)
def test_the_gross_pay_is_the_pay_grade(chat, question):
    # "bzw." ended no sentence ("des Experten in Euro?" alone was the EUR 3,000), and the
    # pay inside a compound ("Bruttogehalt", "Stundenlohn") is the pay
    reply = chat(question)
    assert "TVöD" in reply and "3.000" not in reply


@pytest.mark.parametrize(
    ("message", "says"),
    [
        ("HILFE bewerbungsschluss ist morgen oder heute??", "morgen, 3. Mai 2023"),
        ("hilfe: wann ist die frist?", "morgen, der 3. Mai 2023"),
        ("Hier ist meine Frage: wann ist die Frist?", "morgen, der 3. Mai 2023"),
    ],
)
def test_a_cry_for_help_before_the_question(matcher, sessions, message, says):
    # "HILFE" was read as the greeting "Hi" and "LFE …" asked; the refusal block came
    router = applicant_router(matcher, sessions, EVE)
    assert says in text(router, message)


@pytest.mark.parametrize(
    ("message", "says"),
    [
        ("wie erreich ich frau bock", "charlotte.bock@lokalprojekte.de"),
        ("how can I reach Ms Bock?", "charlotte.bock@lokalprojekte.de"),
    ],
)
def test_how_to_reach_someone_gives_their_details(matcher, sessions, message, says):
    # it was only whether she is there today, with no address or number
    router = applicant_router(matcher, sessions, datetime(2026, 11, 29, 9, 0, tzinfo=UTC))
    reply = text(router, message)
    assert says in reply and "Calendly".lower() in reply.lower()


@pytest.mark.parametrize(
    "question",
    [
        "wieviel expertinnen bekommt man",
        "wie viele Experten bekommen wir?",
        "how many experts do we get?",
    ],
)
def test_how_many_experts_is_one_expert_not_the_pay(chat, question):
    # "wieviel expertinnen" was the pay ("Einen Euro-Betrag nennt …")
    reply = chat(question)
    assert ("ein:e Expert:in" in reply or "one expert" in reply) and "TVöD" not in reply


def test_how_many_experts_applied_is_not_the_choice(chat):
    assert "Vorauswahl" not in chat("Wie viele Experten haben sich beworben?")


def test_having_more_questions_is_no_topic(chat):
    # "…, wenn ich noch Rückfragen habe?" was the refusal block with a picker
    reply = chat("Und an wen kann ich mich wenden, wenn ich noch Rückfragen habe?")
    assert reply.startswith("Bei Fragen wenden Sie sich gerne an:")
    assert "charlotte.bock@lokalprojekte.de" in reply


@pytest.mark.parametrize(
    "message",
    ["wir sind ne gemeinde mit 8000 einwohnern geht das", "wir sind ne gemeinde, dürfen wir?"],
)
def test_a_kind_of_applicant_typed_on_a_phone(chat, message):
    # "ne" is an article, and "geht das" needs no "?": who may apply (was the refusal)
    assert "Städte, Kommunen und Behörden" in chat(message)


@pytest.mark.parametrize(
    "message", ["kann man ne fristverlängerung kriegen", "gibt es eine Fristverlängerung?"]
)
def test_an_extension_in_one_word(matcher, sessions, message):
    # "Fristverlängerung" in one word: the call says nothing of an extension (was only
    # the deadline again)
    router = applicant_router(matcher, sessions, EVE)
    assert text(router, message).startswith("Von einer Verlängerung steht in der Ausschreibung")


@pytest.mark.parametrize(
    ("message", "lead"),
    [
        ("gilt der poststempel?", "Wo oder wie Sie die Bewerbung einreichen, nennt"),
        ("does the postmark count?", "The call does not say where or how to hand in"),
    ],
)
def test_a_postmark_is_how_to_hand_in(matcher, sessions, message, lead):
    # was the off-topic line on the deadline's evening
    router = applicant_router(matcher, sessions, datetime(2023, 5, 3, 19, 0, tzinfo=UTC))
    assert text(router, message).startswith(lead)


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("kommt die expertin aus der verwaltung?", "Nein."),
        ("und die expertin kommt aus der verwaltung oder?", "Nein."),
        ("is the expert a civil servant from the administration?", "No."),
    ],
)
def test_a_no_the_best_guess_settles_by_a_phrase(chat, question, lead):
    # the experts come from business or civil society (it was a picker, tryout10/11)
    reply = chat(question)
    assert reply.startswith(lead) and ("Zivilgesellschaft" in reply or "civil society" in reply)


def test_a_name_is_no_yes_of_the_funder(chat):
    assert not chat("Does Robert Bosch make washing machines?").startswith("Yes")
