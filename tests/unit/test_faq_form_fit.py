"""A newcomer's try-out of the FAQ (issue 14, form6): answers that fit the form of the
question. A yes/no question with a wrong figure is corrected ("nach E13?", "5 Profile?"),
not refused; a question about the program that the call leaves open says so and what
the call does say ("Eigenanteil?", "Reisekosten?", "Englisch?"), never the line for the
weather; a place that is none of the five participants gets "Nein" and the list; a
contact's hours are answered for the day asked, without the whole contact list. The
phrasings are our own (the try-out's and siblings of them), German and English, each
read on Thursday 20 April 2023, 10:00 in Berlin, while the call is open."""

from datetime import UTC, datetime

import pytest

from faq.figures import confirms, figures
from faq.form import asks_for_link, asks_overlap, question_kind
from tests.chat import applicant_router, text

NOW = datetime(2023, 4, 20, 8, 0, tzinfo=UTC)  # Thu 10:00 in Berlin
CHOSEN = datetime(2023, 6, 20, 8, 0, tzinfo=UTC)  # the five are known (sketches from 19 May)
OFF_TOPIC = ("Dazu kann ich nichts sagen", "I can't help with that")
REFUSED = ("keine sichere Antwort", "can't find a reliable answer", "Meinen Sie", "Do you mean")


def ask(matcher, sessions, *questions: str, now: datetime = NOW) -> str:
    """What the bot answers the last of `questions`, asked one after another."""
    router = applicant_router(matcher, sessions, now)
    for question in questions[:-1]:
        text(router, question)
    return text(router, questions[-1])


# -- a wrong figure in a yes/no question is corrected ---------------------------------


@pytest.mark.parametrize(
    ("question", "start", "says"),
    [
        ("wird der experte nach e13 bezahlt", "Nein.", "Entgeltgruppe 11 Stufe 2"),
        ("wird die expertin nach EG 9 bezahlt?", "Nein.", "Entgeltgruppe 11 Stufe 2"),
        ("is the expert paid at E9?", "No.", "pay group 11, level 2"),
        ("bekomm ich 5 profile", "Nein.", "ein bis drei"),
        ("kriege ich 4 profile?", "Nein.", "ein bis drei"),
    ],
)
def test_a_wrong_figure_in_a_yes_no_question_gets_no(matcher, sessions, question, start, says):
    reply = ask(matcher, sessions, question)
    assert reply.startswith(start), reply
    assert says in reply, reply


def test_a_pay_group_written_short_is_a_pay_group():
    assert figures("nach e13 bezahlt")["pay_group"] == {13}
    assert figures("TVöD E 11")["pay_group"] == {11}
    assert "pay_group" not in figures("charlotte.bock@lokalprojekte.de")


@pytest.mark.parametrize("question", ["bekomm ich 5 profile", "macht münchen mit"])
def test_a_colloquial_verb_first_is_a_yes_no_question(question):
    assert question_kind(question) == "yes_no"


def test_a_period_asked_back_after_its_answer_gets_yes(matcher, sessions):
    reply = ask(matcher, sessions, "whats the project period", "oct to march right?")
    assert reply.startswith("Yes."), reply
    assert "October 2023" in reply and "March 2024" in reply, reply


# -- a contact's hours, for the day asked ---------------------------------------------


@pytest.mark.parametrize(
    ("question", "start", "says"),
    [
        ("ist christine montags ab 9 da", "Nein.", "montags von 10 bis 16 Uhr"),
        ("is christine around at 9am on monday", "No.", "from 10:00 to 16:00"),
        ("ist charlotte montags ab 9 da", "Ja.", "montags von 9 bis 17 Uhr"),
        ("can i call charlotte on friday", "No.", "Mon–Thu 09:00–17:00"),  # tomorrow
        ("ist charlotte morgen da?", "Nein.", "Mo–Do 9–17 Uhr"),
        ("when can i call christine", "Dr. Christine", "until 16:00"),
    ],
)
def test_a_contacts_hours_answer_the_question_without_the_contact_list(
    matcher, sessions, question, start, says
):
    reply = ask(matcher, sessions, question)
    assert reply.startswith(start), reply
    assert says in reply, reply
    assert "calendly" not in reply, reply  # not the whole contact list


# -- what the call leaves open: said so, with what it does say ------------------------


@pytest.mark.parametrize(
    ("question", "open_", "says"),
    [
        ("gibt es einen eigenanteil", "Das legt die Ausschreibung nicht fest", "EUR 3.000"),
        ("müssen wir etwas zuzahlen?", "Das legt die Ausschreibung nicht fest", "Personalkosten"),
        ("is there co-funding required", "does not decide this", "EUR 3,000"),
        ("gibt es reisekosten", "Das legt die Ausschreibung nicht fest", "EUR 3.000"),
        ("werden reisekosten erstattet?", "Das legt die Ausschreibung nicht fest", "EUR 3.000"),
        ("are travel costs covered?", "does not decide this", "EUR 3,000"),
        ("gibt es fahrtkosten?", "Das legt die Ausschreibung nicht fest", "EUR 3.000"),
        ("zahlt die stiftung auch die sachkosten", "nicht fest", "EUR 3.000"),
        ("kann die expertin nach den 6 monaten bleiben", "nicht fest", "sechs Monate"),
        ("can the expert stay after march?", "does not decide this", "six months"),
    ],
)
def test_what_the_call_does_not_decide_is_said_with_what_it_says(
    matcher, sessions, question, open_, says
):
    reply = ask(matcher, sessions, question)
    assert open_ in reply.splitlines()[0], reply  # first, before what the call says
    assert says in reply, reply
    assert not reply.startswith(("Ja", "Yes")), reply


@pytest.mark.parametrize(
    "question",
    [
        "muss man englisch können",
        "ist das seriös",
        "is this legit?",
        "wer hat die rechte an der software",
        "who owns the rights to the software",
        "who owns the app that is built?",
    ],
)
def test_questions_about_the_program_the_call_is_silent_on_are_not_off_topic(
    matcher, sessions, question
):
    reply = ask(matcher, sessions, question)
    assert reply.startswith(
        ("Das sagt die Ausschreibung nicht", "The call for applications does not say")
    ), reply
    assert "/kontakt" in reply or "/contact" in reply, reply


@pytest.mark.parametrize("question", ["wie wird das wetter", "erzähl einen witz", "is it sunny?"])
def test_questions_about_something_else_are_still_off_topic(matcher, sessions, question):
    assert ask(matcher, sessions, question).startswith(OFF_TOPIC)


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("wo ist der link zur ausschreibung", "Einen Link nennt der Text der Ausschreibung nicht"),
        ("where can i download the call", "The text of the call gives no link"),
    ],
)
def test_the_link_the_call_does_not_give_is_said_to_be_missing(matcher, sessions, question, says):
    reply = ask(matcher, sessions, question)
    assert reply.startswith(says), reply
    assert "calendly" not in reply, reply  # the contacts by name, not the contact entry


def test_a_link_is_asked_only_by_a_question_about_nothing_else():
    assert asks_for_link("gibt es die ausschreibung als pdf?")
    assert not asks_for_link("welche software nutzt ihr für die webseite der stadt torgau")


# -- the participants -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("ist leipzig dabei?", "Nein – Leipzig ist nicht unter den fünf genannten"),
        ("macht münchen mit", "Nein – München ist nicht unter den fünf genannten"),
        ("ist die stadt bielefeld auch dabei?", "Nein – Bielefeld ist nicht unter den fünf"),
        ("is leipzig taking part?", "No – Leipzig is not among the five participants"),
    ],
)
def test_a_place_not_among_the_five_gets_no_and_the_list(matcher, sessions, question, says):
    reply = ask(matcher, sessions, question, now=CHOSEN)
    assert reply.startswith(says), reply
    assert "Torgau" in reply and "Pforzheim" in reply, reply


@pytest.mark.parametrize("question", ["ist nrw dabei?", "ist sachsen dabei?"])
def test_a_land_is_no_place_that_is_not_among_them(matcher, sessions, question):
    assert "nicht unter den fünf" not in ask(matcher, sessions, question)  # Kalletal is in NRW


def test_one_of_the_five_gets_yes(matcher, sessions):
    assert ask(matcher, sessions, "ist torgau dabei?", now=CHOSEN).startswith("Ja.")


def test_may_we_take_part_is_who_may_apply_not_the_participants(matcher, sessions):
    reply = ask(matcher, sessions, "können wir mitmachen?")
    assert "nicht unter den fünf" not in reply, reply
    assert "Bewerben können sich" in reply, reply


# -- who funds, who runs; addresses ---------------------------------------------------


@pytest.mark.parametrize(
    ("question", "start"),
    [
        ("is lokalprojekte the funder", "No."),
        ("fördert lokalprojekte das programm?", "Nein."),
        ("ist die robert bosch stiftung der förderer?", "Ja."),
        ("führt lokalprojekte das programm durch?", "Ja."),
    ],
)
def test_who_funds_and_who_runs_asked_of_either(matcher, sessions, question, start):
    reply = ask(matcher, sessions, question)
    assert reply.startswith(start), reply
    assert "Robert Bosch Stiftung" in reply, reply


def test_the_role_of_the_foundation_is_what_it_funds(matcher, sessions):
    reply = ask(matcher, sessions, "was ist die rolle der robert bosch stiftung")
    assert "Meinen Sie" not in reply, reply
    assert "gefördert" in reply and "Personalkosten" in reply and "EUR 3.000" in reply, reply


@pytest.mark.parametrize(
    ("question", "start"),
    [
        ("christine.prokop@lokalprojekte.de richtig?", "Ja."),
        ("is it charlotte.bock@lokalprojekte.de?", "Yes."),
        ("ist die adresse charlotte.bock@lokalprojekt.de?", "Nein."),
    ],
)
def test_an_address_asked_back_is_confirmed_or_corrected(matcher, sessions, question, start):
    reply = ask(matcher, sessions, question)
    assert reply.startswith(start), reply
    assert "charlotte.bock@lokalprojekte.de" in reply, reply


def test_only_the_same_address_confirms():
    answer = "Kontakt: charlotte.bock@lokalprojekte.de"
    assert confirms("charlotte.bock@lokalprojekte.de?", answer)
    assert not confirms("charlotte.bock@lokalprojekt.de?", answer)
    assert not confirms("ist frau bock erreichbar?", answer)


# -- the timeline, amounts, who may apply ---------------------------------------------


@pytest.mark.parametrize(
    ("question", "start", "says"),
    [
        ("überschneiden sich skizze und besprechung?", "Ja,", ("19. Mai 2023", "29. Mai 2023")),
        (
            "do the preliminary talks and the sketch phase overlap?",
            "No,",
            ("17 May 2023", "19 May 2023"),
        ),
    ],
)
def test_two_steps_of_the_timeline_overlap_or_not(matcher, sessions, question, start, says):
    reply = ask(matcher, sessions, question)
    assert reply.startswith(start), reply
    assert all(day in reply for day in says), reply


def test_an_overlap_question_is_recognised():
    assert asks_overlap("do they overlap?")
    assert not asks_overlap("wann ist die skizze fällig?")


@pytest.mark.parametrize("question", ["was ist tvöd 11 stufe 2 in euro"])
def test_a_euro_amount_the_call_does_not_name_is_said_to_be_missing(matcher, sessions, question):
    reply = ask(matcher, sessions, question)
    assert reply.startswith("Einen Euro-Betrag nennt die Ausschreibung nicht"), reply
    assert "Entgeltgruppe 11 Stufe 2" in reply, reply


@pytest.mark.parametrize(
    ("question", "start", "says"),
    [
        ("is the salary covered fully", "Yes.", "entirely from the funding program"),
        ("we are a district office in saxony, are we eligible?", "Yes.", "authorities in Germany"),
        ("wir sind ein landratsamt in bayern, dürfen wir uns bewerben?", "Ja.", "Behörden"),
    ],
)
def test_a_yes_no_question_whose_words_settle_the_closest_entry(
    matcher, sessions, question, start, says
):
    reply = ask(matcher, sessions, question)
    assert reply.startswith(start), reply
    assert says in reply, reply
    assert not any(word in reply for word in REFUSED), reply
