"""Rows of tryout12 (applicants in the console, never the code), each with a test that
fails on the code before it. Phrasings besides the try-out's are our own.

- "What exactly does the foundation fund?" was answered with who funds the program;
- "gibts dafür ne vorlage" after the sketch got a picker, "wer wird dazu eingeladen"
  after the talks a one-option picker of the talks just answered;
- "und auf deutsch?" / "und in englisch?" switched the language and said nothing more;
- "Besten Dank für Ihre Auskünfte, das hilft uns sehr weiter." got the refusal block;
- the first message in a closed call, answered with a question back, showed its topics
  as [1]–[3] and then the notice with its own [1];
- a long polite message with two questions, a greeting before and thanks after, got a
  picker ("…, und in welcher Form …" was no new question; "der 3. Mai" ended a
  sentence).
"""

import io
from datetime import UTC, datetime

import pytest

from bot import cli
from bot.chat.faq_follow import asked_span
from tests.chat import applicant_router, say, text

APRIL = datetime(2023, 4, 20, 8, 0, tzinfo=UTC)  # the call is open


@pytest.fixture
def april(matcher, sessions):
    return applicant_router(matcher, sessions, APRIL)


@pytest.mark.parametrize(
    "question",
    [
        "Hi, I'm the integration officer of a mid-sized city. What exactly does the foundation fund?",
        "what does the foundation fund",
        "was fördert die stiftung genau?",
    ],
)
def test_what_the_foundation_funds_is_what_is_funded(april, question):
    reply = text(april, question)
    assert "EUR 3" in reply and ("Personalkosten" in reply or "personnel costs" in reply), reply


@pytest.mark.parametrize(
    ("question", "says"),
    [("Which foundation funds the program?", "funded by the Robert Bosch Stiftung"),
     ("wer fördert das?", "von der Robert Bosch Stiftung gefördert")],
)  # fmt: skip
def test_who_funds_is_still_the_funder(april, question, says):
    assert says in text(april, question)


@pytest.mark.parametrize(
    ("first", "follow_up", "lead", "says"),
    [
        ("bis wann müssen wir die skizze fertig haben", "gibts dafür ne vorlage", "Ja.",
         "Vorlage"),
        ("wann sind die vorgespräche", "wer wird dazu eingeladen", "Zwischen dem 10. Mai",
         "engeren Auswahl"),
        ("when is the project sketch due", "is there a template for it?", "Yes.", "template"),
    ],
)  # fmt: skip
def test_a_word_pointing_back_asks_about_the_last_answer(april, first, follow_up, lead, says):
    text(april, first)
    reply = text(april, follow_up)
    assert reply.startswith(lead) and says in reply, reply


def test_pointing_back_with_nothing_the_answer_decides_takes_no_answer(april):
    text(april, "wie hoch ist das budget")
    reply = text(april, "gibt es dafür eine abrechnung")
    assert not reply.startswith("Für Projektzwecke"), reply


@pytest.mark.parametrize(
    ("first", "switch", "said", "again"),
    [
        ("When is the deadline?", "und auf deutsch?", "Ich antworte jetzt auf Deutsch.",
         "Bewerbungsschluss ist in 13 Tagen"),
        ("gilt das auch für landkreise", "und in englisch?", "I will answer in English now.",
         "Yes. Cities, municipalities"),
        ("Wer fördert das Programm?", "auf englisch bitte", "I will answer in English now.",
         "funded by the Robert Bosch Stiftung"),
    ],
)  # fmt: skip
def test_a_switch_right_after_an_answer_says_it_again(april, first, switch, said, again):
    text(april, first)
    replies = say(april, "u1", switch)
    assert replies[0].text == said
    assert len(replies) == 2 and again in replies[1].text, [r.text for r in replies]


def test_a_switch_with_nothing_answered_only_switches(april):
    assert [r.text for r in say(april, "u1", "auf englisch bitte")] == [
        "I will answer in English now."
    ]


@pytest.mark.parametrize(
    "message",
    [
        "Besten Dank für Ihre Auskünfte, das hilft uns sehr weiter.",
        "Vielen Dank, das hilft mir weiter!",
        "thanks, that helps a lot",
    ],
)
def test_a_longer_thank_you_is_thanks(april, message):
    assert text(april, message).startswith(("Gern geschehen", "You're welcome"))


def test_thanks_with_a_question_is_the_question(april):
    assert "Gern geschehen" not in text(april, "Danke! Und bis wann ist Bewerbungsschluss?")


def test_a_question_back_in_a_closed_call_keeps_one_set_of_numbers(
    capsys, monkeypatch, sqlite_url, tmp_path
):
    monkeypatch.setenv("IMBOT_DATABASE_URL", sqlite_url)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setattr("sys.stdin", io.StringIO("wer macht mit\n1\n"))
    assert cli.main(["chat", "--now", "2023-09-15T10:00"]) == 0
    out = capsys.readouterr().out
    notice = out.index("Zurzeit läuft keine Ausschreibung")
    asked = out.index("Meinen Sie")
    assert notice < asked, out  # the topics come last, under their question
    assert out.count("[1]") == 1, out  # the notice offers /naechste by command
    assert "/naechste" in out[notice:asked]
    assert "Das Programm wird von der Robert Bosch Stiftung gefördert" in out[asked:]


# -- long polite messages with two questions --------------------------------------------


def test_two_questions_between_a_greeting_and_thanks_get_both_answers(april):
    reply = text(
        april,
        "Sehr geehrte Damen und Herren, wir sind eine Kreisverwaltung in Sachsen. Können "
        "sich auch Landkreise bewerben, und in welcher Form ist die Bewerbung einzureichen? "
        "Vielen Dank im Voraus.",
    )
    assert reply.startswith("Ja. Bewerben können sich Städte"), reply
    # the second part is what the call does not say, said so (the form: none named, only
    # the deadline; "einzureichen" is handing in since round 20)
    assert (
        "Bewerbungsformular oder eine Vorlage für die Bewerbung nennt die Ausschreibung nicht"
        in reply
    )


def test_a_day_of_the_month_ends_no_sentence(matcher, sessions):
    router = applicant_router(matcher, sessions, datetime(2023, 5, 2, 19, 0, tzinfo=UTC))
    reply = text(
        router,
        "Guten Abend, wir sitzen noch an der Bewerbung. Ist die Frist morgen, der 3. Mai, "
        "und muss die Bewerbung auf Deutsch verfasst sein?",
    )
    assert reply.startswith("Ja, bis morgen, 3. Mai 2023"), reply
    # (and the second question after it: its language is not in the call)
    assert "In welcher Sprache die Bewerbung sein soll, sagt die Ausschreibung nicht" in reply


@pytest.mark.parametrize(
    ("message", "span"),
    [
        ("Hallo. Wann ist die Frist? Danke!", "Wann ist die Frist?"),
        ("Wir sind am 3. Mai fertig. Reicht das? Gruß", "Reicht das?"),
        ("Hallo! Geht der 3. Mai noch? Danke", "Geht der 3. Mai noch?"),
        ("Nur ein Satz ohne Frage.", "Nur ein Satz ohne Frage."),
        # what follows the last question mark stays unless it signs off
        ("nur fünf? das ist ja wenig, oder mehr", "nur fünf? das ist ja wenig, oder mehr"),
        ("Wer zahlt? Mit freundlichen Grüßen, K. Hoffmann", "Wer zahlt?"),
        ("Wer zahlt? Beste Grüße, Thomas Müller", "Wer zahlt?"),  # tryout13
    ],
)
def test_the_asked_span_is_from_the_first_question_to_the_last(message, span):
    assert asked_span(message) == span


# -- follow-ups the FAQ alone would call off topic ----------------------------------------


def test_and_a_kind_the_call_does_not_name_is_who_may_apply(april):
    text(april, "dürfen sich auch vereine bewerben")
    reply = text(april, "und ein jobcenter?")
    # who may apply, and (since tryout14) that the call does not decide a jobcentre
    assert "Bewerben können sich Städte, Kommunen und Behörden" in reply, reply
    assert reply.startswith("Das legt die Ausschreibung nicht fest"), reply


def test_and_a_topic_after_who_may_apply_is_that_topic(april):
    text(april, "wer kann sich bewerben")
    assert "Bewerbungsschluss" in text(april, "und die frist?")


def test_a_follow_up_about_what_was_just_said_is_not_off_topic(april):
    text(april, "wie hoch ist das budget")
    reply = text(april, "muss man das zurückzahlen wenn was übrig bleibt")
    assert reply.startswith("Das sagt die Ausschreibung nicht."), reply


def test_the_weather_right_after_an_answer_is_still_off_topic(april):
    text(april, "wie hoch ist das budget")
    assert text(april, "wie wird das wetter morgen?").startswith("Dazu kann ich nichts sagen")


# -- asked in words the knowledge base now covers, or a name asked what it is ----------


def test_who_to_talk_to_and_advice_by_phone_are_the_contacts(april):
    reply = text(
        april,
        "Sehr geehrtes Team, wir sind eine Stadtverwaltung mit ca. 45.000 Einwohnern. Wer "
        "wäre bei Ihnen die richtige Ansprechperson, und ist eine telefonische Beratung vor "
        "der Bewerbung möglich?",
    )
    assert "charlotte.bock@lokalprojekte.de" in reply and "calendly.com" in reply, reply
    assert "keine sichere Antwort" not in reply


@pytest.mark.parametrize(
    "question",
    ["was ist die robert bosch stiftung überhaupt", "what is the robert bosch stiftung?"],
)
def test_what_the_foundation_is_is_the_funder_and_what_it_pays(april, question):
    reply = text(april, question)
    assert "Robert Bosch Stiftung gefördert" in reply or "funded by the Robert Bosch" in reply
    assert "TVöD" in reply, reply


def test_a_fixed_term_post_is_the_six_months(april):
    reply = text(april, "ist die stelle befristet")
    assert reply.startswith("Ja. Die Projektphase dauert sechs Monate"), reply


@pytest.mark.parametrize(
    "question", ["was ist wenn ich es nicht mehr schaffe", "what if we dont make it in time?"]
)
def test_not_making_it_on_the_last_evening_is_late_handling(matcher, sessions, question):
    router = applicant_router(matcher, sessions, datetime(2023, 5, 3, 17, 0, tzinfo=UTC))
    reply = text(router, question)
    assert reply.startswith(("Ob Unterlagen nachgereicht", "The call does not say whether")), reply
    assert "heute, der 3. Mai 2023" in reply or "today, 3 May 2023" in reply
