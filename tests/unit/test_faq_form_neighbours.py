"""A neighbouring topic is no answer (issue 14, form5): the application form is not the
sketch's template, the expert's pay is not the project money, what a municipality gets
is not the number of projects, "kann ich mich bewerben?" is answered for the day it is
read. Where the call is silent the reply says so, then what the call does say.
Phrasings here are our own, German and English, as people type them."""

from datetime import UTC, datetime

import pytest

from tests.chat import applicant_router, say, text

EVE = datetime(2023, 4, 30, 21, 40, tzinfo=UTC)  # Sun 23:40 in Berlin, three days left
BEFORE = datetime(2023, 4, 20, 8, 0, tzinfo=UTC)  # Thu 10:00, the call is open
AFTER = datetime(2024, 2, 1, 9, 0, tzinfo=UTC)  # the deadline is long past
OVER = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)  # the programme is over
EARLY = datetime(2023, 3, 1, 9, 0, tzinfo=UTC)  # before the call opens


@pytest.fixture
def eve(matcher, sessions):
    return applicant_router(matcher, sessions, EVE)


@pytest.fixture
def before(matcher, sessions):
    return applicant_router(matcher, sessions, BEFORE)


@pytest.mark.parametrize(
    "question",
    [
        "is there a template for the application",
        "gibt es ein Bewerbungsformular",
        "gibt es ein formular",
        "is there a form",
        "wo finde ich das formular",
        "is there a specific form we have to fill in",
    ],
)
def test_an_application_form_is_not_the_sketch_template(eve, question):
    reply = text(eve, question)
    assert not reply.startswith(("Ja", "Yes")), reply
    assert "Bewerbungsformular" in reply or "application form" in reply, reply
    assert "3. Mai 2023" in reply or "3 May 2023" in reply, reply  # what the call does say
    assert "Charlotte Bock" in reply, reply  # whom to ask


def test_the_sketch_template_is_still_yes(eve):
    reply = text(eve, "gibt es eine vorlage für die projektskizze?")
    assert reply.startswith("Ja."), reply
    assert "Vorlage" in reply


@pytest.mark.parametrize(
    "question", ["how do i submit the application", "wie reiche ich die bewerbung ein"]
)
def test_how_to_hand_in_says_the_call_does_not_say(eve, question):
    reply = text(eve, question)
    assert "nennt die Ausschreibung nicht" in reply or "does not say" in reply, reply
    assert "3. Mai 2023" in reply or "3 May 2023" in reply, reply


@pytest.mark.parametrize(
    "question",
    [
        "wie viel kohle kriegt der experte",
        "kannst du mir sagen wie viel kohle der experte kriegt",
        "wieviel bekommt die expertin",
        "how much does the expert get",
        "how much money does the expert make",
    ],
)
def test_the_experts_pay_is_not_the_project_money(before, question):
    reply = text(before, question)
    assert "TVöD" in reply, reply
    assert "3.000" not in reply and "3,000" not in reply, reply


@pytest.mark.parametrize(
    "question",
    [
        "wieviel bekommt die kommune",
        "wie viel geld kriegt eine gemeinde",
        "how much does a municipality get",
        "how much money do we get",
        "und was bekommt eine kommune",
        "what does the municipality get",
    ],
)
def test_what_a_municipality_gets_is_money_not_the_number_of_projects(before, question):
    reply = text(before, question)
    assert "3.000" in reply or "3,000" in reply, reply
    assert "TVöD" in reply, reply  # the expert's pay is what it gets too
    assert "fünf Projekte" not in reply and "five projects" not in reply, reply


def test_the_project_money_is_still_the_project_money(before):
    reply = text(before, "wie viel geld gibt es pro projekt")
    assert "3.000" in reply and "TVöD" not in reply, reply


@pytest.mark.parametrize(
    ("now", "question", "start", "says"),
    [
        (AFTER, "kann ich mich bewerben", "Nein.", "3. Mai 2023"),
        (AFTER, "können wir uns bewerben", "Nein.", "3. Mai 2023"),
        (AFTER, "can I apply", "No.", "3 May 2023"),
        (OVER, "kann ich mich bewerben", "Nein.", "3. Mai 2023"),
        (OVER, "can we apply?", "No.", "3 May 2023"),
        (EARLY, "kann ich mich bewerben", "Noch nicht.", "3. Mai 2023"),
        (BEFORE, "kann ich mich bewerben", "Bewerben können sich", "in 13 Tagen, der 3. Mai"),
        (BEFORE, "can I apply", "Cities, municipalities", "in 13 days, 3 May 2023"),
    ],
)
def test_can_i_apply_is_answered_for_the_day(matcher, sessions, now, question, start, says):
    reply = text(applicant_router(matcher, sessions, now), question)
    assert reply.startswith(start), reply
    assert says in reply, reply


def test_after_the_deadline_can_i_apply_offers_the_next_call(matcher, sessions):
    router = applicant_router(matcher, sessions, AFTER)
    (reply,) = say(router, "u1", "kann ich mich bewerben")
    assert any(b.data == "nextcall:on" for b in reply.buttons), reply


def test_as_an_association_is_still_eligibility(before):
    reply = text(before, "können wir uns als verein bewerben")
    assert reply.startswith("Nein."), reply


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("wie viele bewerbungen gab es letztes jahr", "Das sagt die Ausschreibung nicht."),
        ("what documents do i need to submit", "The call for applications does not say this."),
        ("what are our chances", "The call for applications does not say this."),
        ("wieviel stunden die woche arbeitet der experte", "Stunden oder Zeitaufwand nennt die"),
        ("how many hours a week does the expert work", "The call names no hours"),
    ],
)
def test_about_the_program_but_not_in_the_call_says_so_with_the_contacts(before, question, says):
    reply = text(before, question)
    assert says in reply, reply
    assert "Charlotte Bock" in reply and "Prokop-Scheer" in reply, reply
    assert "Dazu kann ich nichts sagen" not in reply and "I can't help" not in reply, reply


@pytest.mark.parametrize(
    "question",
    [
        "wie ist das wetter",
        "was ist 2+2",
        "what's the weather like",
        "Wie viele Stunden hat eine Woche?",
    ],
)
def test_off_topic_keeps_the_short_line(before, question):
    reply = text(before, question)
    assert reply.startswith(("Dazu kann ich nichts sagen", "I can't help with that")), reply
    assert "Charlotte Bock" not in reply, reply


def test_every_counter_example_about_the_call_is_also_a_counter_example():
    from faq.semantic import about_call_texts, negative_texts

    assert about_call_texts()
    assert set(about_call_texts()) <= set(negative_texts())


FRIDAY = datetime(2023, 4, 21, 13, 0, tzinfo=UTC)  # Fri 15:00 in Berlin
FRIDAY_LATE = datetime(2023, 4, 21, 14, 30, tzinfo=UTC)  # Fri 16:30: nobody there any more


@pytest.mark.parametrize(
    ("question", "says", "other"),
    [
        ("wann ist frau bock erreichbar", "Charlotte Bock ist heute nicht erreichbar", True),
        ("ist frau bock heute erreichbar", "Charlotte Bock ist heute nicht erreichbar", True),
        ("kann ich freitags bei charlotte anrufen", "Charlotte Bock ist freitags nicht", True),
        ("can i call charlotte on friday", "Charlotte Bock cannot be reached today", True),
        ("wann ist frau prokop-scheer erreichbar", "Prokop-Scheer ist jetzt erreichbar", False),
        (
            "kann ich frau bock am montag anrufen",
            "Charlotte Bock ist am Montag von 9 bis 17",
            False,
        ),
        ("whos available on friday afternoon", "Today you can reach Dr. Christine", True),
    ],
)
def test_a_contacts_hours_are_hers_on_the_day_asked(matcher, sessions, question, says, other):
    reply = text(applicant_router(matcher, sessions, FRIDAY), question)
    assert says in reply, reply
    assert "Sie erreichen das Team jetzt" not in reply, reply
    first = reply.split("\n\n")[0]  # the hours line, before the contact list
    assert ("Prokop-Scheer (10" in first) is other, reply  # who can be reached instead


def test_after_office_hours_on_friday_she_is_back_on_monday(matcher, sessions):
    reply = text(applicant_router(matcher, sessions, FRIDAY_LATE), "wann ist frau bock erreichbar")
    assert "wieder ab Mo 24.04. 09:00" in reply, reply
    assert "Prokop-Scheer (10–16 Uhr)" not in reply.split("\n\n")[0], reply  # gone at 16:00


def test_is_anyone_there_is_still_the_team(matcher, sessions):
    reply = text(applicant_router(matcher, sessions, FRIDAY), "ist jemand erreichbar")
    assert "Sie erreichen das Team jetzt" in reply, reply


DEADLINE_EVENING = datetime(2023, 5, 3, 18, 0, tzinfo=UTC)  # Wed 20:00, the last day


@pytest.mark.parametrize(
    "question",
    [
        "can we send missing documents after the deadline",
        "kann ich unterlagen nach dem 3.5. nachreichen",
        "kann ich noch unterlagen nachreichen",
        "what happens if we submit late",
        "was passiert wenn wir zu spät sind",
    ],
)
def test_late_documents_and_late_applications_are_not_in_the_call(matcher, sessions, question):
    reply = text(applicant_router(matcher, sessions, DEADLINE_EVENING), question)
    assert reply.startswith(("Ob Unterlagen", "The call does not say whether")), reply
    assert "heute, der 3. Mai 2023" in reply or "today, 3 May 2023" in reply, reply
    assert "Charlotte Bock" in reply, reply


def test_after_the_deadline_the_form_answer_names_no_sketch_still_to_come(matcher, sessions):
    reply = text(
        applicant_router(matcher, sessions, AFTER), "hi, is there an application form somewhere?"
    )
    assert reply.startswith("The call names no application form"), reply
    assert "the deadline was 3 May 2023" in reply, reply
    assert "project sketch" not in reply, reply


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("wird der experte von uns bezahlt?", "Nein."),
        ("is the expert paid by us?", "No."),
        ("werden die 3000 euro von uns getragen?", "Nein."),
        ("wird der experte bezahlt?", "Ja."),
        ("is the expert paid?", "Yes."),
    ],
)
def test_paid_by_us_is_a_no_paid_at_all_a_yes(before, question, first):
    """The passive "von uns bezahlt" names who pays: the municipality does not (the
    foundation covers the pay, the EUR 3,000 are provided); "wird … bezahlt?" alone asks
    whether the expert is paid at all (tryout5 A20: "von uns" got "Ja")."""
    reply = text(before, question)
    assert reply.startswith(first), reply


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("müssen wir an der evaluation teilnehmen?", "Das legt die Ausschreibung nicht fest"),
        ("ist die evaluation pflicht?", "Das legt die Ausschreibung nicht fest"),
        ("must we take part in the evaluation?", "The call for applications does not decide"),
        ("werden die projekte evaluiert?", "Ja."),
        ("gibt es eine evaluation?", "Ja."),
    ],
)
def test_an_evaluation_exists_what_it_asks_of_us_the_call_does_not_say(before, question, first):
    """The call says an evaluation of the projects starts at their end; whether a
    municipality must take part it does not say (tryout5 A22: "Ja." to "müssen wir
    teilnehmen?")."""
    assert text(before, question).startswith(first)


@pytest.mark.parametrize(
    ("question", "first", "said"),
    [
        ("sind wir in der engeren auswahl?", "Wie es um Ihre Bewerbung steht", "Rückmeldung"),
        ("wurden wir ausgewählt?", "Wie es um Ihre Bewerbung steht", "Rückmeldung"),
        ("are we shortlisted?", "I cannot know where your application", "decision"),
        ("ist unsere bewerbung angekommen?", "Ob Ihre Bewerbung angekommen ist", "Charlotte Bock"),
        ("did you receive our application?", "I cannot see whether your application", "Bock"),
    ],
)
def test_ones_own_standing_is_not_known_to_the_bot(before, question, first, said):
    """The bot knows the call, not the applications: "sind wir in der engeren Auswahl?"
    says so before the feedback step (tryout5 A17 got the talks' dates as if they
    answered it); "ist unsere Bewerbung angekommen?" before the contacts."""
    reply = text(before, question)
    assert reply.startswith(first), reply
    assert said in reply


@pytest.mark.parametrize(
    "question",
    [
        "können wir ausgewählt werden?",
        "wann wissen wir, ob wir ausgewählt sind?",
        "wie wird ausgewählt?",
    ],
)
def test_how_selection_works_is_no_question_about_ones_standing(before, question):
    reply = text(before, question)
    assert "Wie es um Ihre Bewerbung steht" not in reply


def test_free_of_charge_is_not_decided_by_the_call(before):
    """The call says what is funded, not that taking part costs nothing (tryout5 A9:
    the funding text came with no word that the call does not say so)."""
    reply = text(before, "ist die teilnahme kostenlos?")
    assert reply.startswith("Das legt die Ausschreibung nicht fest"), reply
    assert "3.000" in reply
