"""Rows of tryout13 (applicants in the console, never the code), each with a test that
fails on the code before it. Phrasings besides the try-out's are our own.

- long thank-yous with regards or wishes got the refusal block or the off-topic line;
- "can you say that in english?", "kannst du das auf deutsch sagen?" were answered "the
  call does not say this"; "auf deutsch bitte, und wie lang läuft das?" too;
- "city or district?" got the eligibility sentence with no verdict, "können sich nur
  städte bewerben oder auch landkreise?" and "und für landkreise?" the same;
- "gibts ne mailadresse" was the off-topic line.
"""

from datetime import UTC, datetime

import pytest

from faq.smalltalk import small_talk
from tests.chat import applicant_router, say, text

APRIL = datetime(2023, 4, 20, 8, 0, tzinfo=UTC)  # the call is open


@pytest.fixture
def april(matcher, sessions):
    return applicant_router(matcher, sessions, APRIL)


@pytest.mark.parametrize(
    "message",
    [
        "Herzlichen Dank für Ihre rasche und kompetente Auskunft, das hilft uns sehr. Mit "
        "besten Grüßen aus Thüringen, A. Vogel",
        "Many thanks for your help, much appreciated, have a great day!",
        "Thank you so much, this has been really useful. I will discuss it with my mayor and "
        "get back to you. Best wishes from Erfurt!",
        "Vielen herzlichen Dank für die ausführlichen Informationen! Ich wünsche Ihnen ein "
        "schönes Wochenende. Mit freundlichen Grüßen, Thomas Müller",
        "Tausend Dank, Sie haben mir sehr geholfen! Liebe Grüße aus dem Vogtland",
        "Danke, das war alles. Mit freundlichen Grüßen",
        "nein danke das wars",
    ],
)
def test_a_long_thank_you_is_thanks(april, message):
    reply = text(april, message)
    assert reply.startswith(("Gern geschehen", "You're welcome", "Auf Wiedersehen", "Goodbye")), (
        reply
    )
    assert "Ausschreibung keine sichere" not in reply and "Dazu kann ich nichts" not in reply


@pytest.mark.parametrize(
    "message",
    [
        "danke für die info, wann ist die frist",  # a question word asks, without its "?"
        "Danke! Und was kostet das?",
        "thanks what about the budget",
    ],
)
def test_thanks_before_a_question_is_no_small_talk(message):
    assert small_talk(message) is None


@pytest.mark.parametrize(
    ("first", "switch", "said", "again"),
    [
        ("wie viel verdient die expertin", "can you say that in english?",
         "I will answer in English now.", "TVöD, pay group 11"),
        ("whats the budget per project?", "kannst du das auf deutsch sagen?",
         "Ich antworte jetzt auf Deutsch.", "EUR 3.000"),
    ],
)  # fmt: skip
def test_a_switch_asked_as_a_question_says_the_answer_again(april, first, switch, said, again):
    text(april, first)
    replies = say(april, "u1", switch)
    assert replies[0].text == said and again in replies[-1].text, [r.text for r in replies]


def test_a_switch_then_a_question_after_a_comma(april):
    text(april, "whats the budget per project?")
    replies = say(april, "u1", "auf deutsch bitte, und wie lang läuft das?")
    assert replies[0].text == "Ich antworte jetzt auf Deutsch."
    assert "Die Projektphase dauert sechs Monate" in replies[-1].text


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("city or district?", "Both."),
        ("stadt oder landkreis?", "Beides."),
        ("können sich nur städte bewerben oder auch landkreise?", "Ja."),
    ],
)
def test_a_choice_of_two_kinds_that_may_apply(april, question, lead):
    reply = text(april, question)
    assert reply.startswith(lead), reply
    assert "Städte, Kommunen und Behörden" in reply or "Cities, municipalities" in reply


def test_and_for_districts_after_municipalities(april):
    text(april, "können sich gemeinden bewerben")
    assert text(april, "und für landkreise?").startswith("Ja. Bewerben können sich")


def test_an_email_address_is_the_contacts(april):
    assert "charlotte.bock@lokalprojekte.de" in text(april, "gibts ne mailadresse")


def test_sending_tomorrow_morning_at_night_is_in_time(matcher, sessions):
    router = applicant_router(matcher, sessions, datetime(2023, 5, 2, 21, 0, tzinfo=UTC))
    reply = text(router, "bin ich noch rechtzeitig wenn ich morgen früh abschicke??")
    assert reply.startswith("Ja, bis morgen, 3. Mai 2023"), reply
    follow = text(router, "bis wie viel uhr genau?")
    assert follow.startswith("Eine Uhrzeit nennt die Ausschreibung nicht"), follow


@pytest.mark.parametrize(
    "question", ["welche unterlagen brauch ich alles", "welche unterlagen brauche ich"]
)
def test_which_documents_is_not_in_the_call_never_a_picker(april, question):
    assert text(april, question).startswith("Das sagt die Ausschreibung nicht."), question


@pytest.mark.parametrize(
    ("message", "said"),
    [
        ("benachrichtige mich wenn es was neues gibt", "Sobald eine neue Ausschreibung da ist"),
        ("notify me about the next call", "when a new call opens"),
        ("sagt mir bescheid wenn die nächste ausschreibung kommt", "Sobald eine neue"),
    ],
)
def test_asking_in_words_to_hear_of_the_next_call(matcher, sessions, message, said):
    router = applicant_router(matcher, sessions, datetime(2026, 11, 29, 9, 0, tzinfo=UTC))
    assert said in text(router, message)


def test_when_we_hear_whether_we_are_in_is_no_sign_up(april):
    assert "Sobald eine neue Ausschreibung" not in text(
        april, "wann bekommen wir bescheid zur neuen ausschreibung?"
    )


def test_getting_a_reminder_asked_as_a_question_offers_the_reminders(april):
    reply = text(april, "kriegen wir da ne erinnerung?")
    assert "Erinnerung" in reply and "Dazu kann ich nichts sagen" not in reply, reply


@pytest.mark.parametrize(
    "question",
    [
        "what happens after the project ends?",
        "was passiert wenn das projekt vorbei ist",  # was "Nein." with the six months
        "what happens when the program is over?",
    ],
)
def test_what_happens_at_the_projects_end_is_the_closing_event_and_evaluation(april, question):
    reply = text(april, question)
    assert "Evaluation" in reply or "evaluation" in reply, reply
    assert not reply.startswith(("Nein.", "No.")), reply


def test_what_happens_when_the_deadline_is_missed_is_still_late_handling(april):
    reply = text(april, "was passiert wenn wir die frist verpassen")
    assert reply.startswith("Ob Unterlagen nachgereicht werden können"), reply


@pytest.mark.parametrize(
    "question", ["was bekommt die expertin?", "was kriegt die fachkraft im monat"]
)
def test_what_the_expert_gets_is_the_pay(april, question):
    assert "TVöD Entgeltgruppe 11 Stufe 2" in text(april, question)


def test_what_the_expert_gets_as_tasks_is_the_role(april):
    reply = text(april, "was bekommt die expertin für aufgaben?")
    assert "TVöD" not in reply and "Verwaltungsteams" in reply, reply


def test_another_question_announced_is_no_part_of_it(april):
    reply = text(
        april, "Eine weitere Frage: Wann ist Bewerbungsschluss, und wer kann sich bewerben?"
    )
    assert "3. Mai 2023" in reply and "Städte, Kommunen und Behörden" in reply, reply


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("when do we get the expert profiles?", "one to three selected profiles"),
        ("wann schickt lokalprojekte die profile?", "ein bis drei ausgewählte Profile"),
    ],
)
def test_the_profiles_received_are_the_profiles_step(april, question, says):
    assert says in text(april, question)  # tryout13: was the final sketch talk (step 5)


def test_the_profile_worked_out_is_still_the_final_sketch_talk(april):
    assert "leiten gemeinsam das Profil" in text(
        april, "wann wird das profil der expertin erstellt?"
    )
