"""Rows left open by tryout15–17 (applicants in the console, never the code), each with a
test that fails on the code before it. Phrasings besides the try-outs' are our own.

- "und wofür kann man die 3000 euro ausgeben?" was "Ja." with the budget ("wofür" is a
  question word too);
- "so I can't apply anymore?" after the deadline's answer was a picker: a statement asked
  back ("so …?", "also …?") is a yes/no question;
- "is the 3k per project or per year?" was a refusal ("3k" named no figure);
- "dürfen wir das budget für laptops nutzen", "muss der pate vollzeit mitarbeiten" were
  one-option pickers: the call does not decide it ("nutzen", "mitarbeiten" ask of the
  money and the role; the Pat:in's hours are not named);
- "arbeitet der experte 6 monate?" was a picker of the project period and the expert's
  role, both of which say six months: Ja;
- "was hat kalletal gemacht", "und stralsund" were one-option pickers of the five, and
  "what did torgau do?" the whole list: that place's project;
- "is it only for big cities?" had no "No.": the call sets no size;
- "kann ich einen termin buchen?" had no "Ja.";
- "wer ist mein buddy" described the buddy program as if it named one: no name, how
  one is found (also the expert and the Pat:in);
- "wieviel stellen gibts insgesamt" was a picker: five projects, one expert each;
- S "wir haben die skizze abgegeben, wie gehts jetzt weiter?" in June got the offer to
  hear of the next call: someone with a step of this call behind them is in it;
- S "was heißt arbeitnehmerüberlassung" right after the employment repeated it; "sprache
  auch?", "und arbeit?", "was wäre ein beispielprojekt" after the topics repeated the
  whole paragraph: the one sentence asked of, or that the call explains no more.
"""

from datetime import UTC, datetime

import pytest

from bot.chat.faq_again import asks_meaning, sentence_asked
from bot.chat.faq_several import questions
from faq.form import (
    asks_language,
    asks_project_when,
    asks_someone_from_administration,
    asks_to_move,
    asks_what_if,
    asks_whom_to_ask,
    asks_whose_name,
    counts_chosen,
    counts_positions,
    question_kind,
    speaks_from_the_program,
)
from faq.normalize import tokens
from tests.chat import applicant_router, console, say, text

APRIL = datetime(2023, 4, 20, 8, 0, tzinfo=UTC)  # the call is open
JUNE = datetime(2023, 6, 20, 8, 0, tzinfo=UTC)  # the talks are over
NOW = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)  # the program is over
UNDECIDED = ("Das legt die Ausschreibung nicht fest", "The call for applications does not decide")


@pytest.fixture
def april(matcher, sessions):
    return applicant_router(matcher, sessions, APRIL)


@pytest.fixture
def later(matcher, sessions):
    return applicant_router(matcher, sessions, NOW)


@pytest.mark.parametrize(
    ("message", "kind"),
    [("und wofür kann man die 3000 euro ausgeben?", None),
     ("wozu können wir das geld nutzen?", None),
     ("so I can't apply anymore?", "yes_no"),
     ("also kein Geld für Laptops?", "yes_no"),
     ("so what happens now?", None),
     ("so, wie geht es weiter", None)],
)  # fmt: skip
def test_wo_words_ask_and_a_statement_asked_back_is_yes_no(message, kind):
    assert question_kind(message) == kind


def test_what_the_money_is_for_gets_no_yes(april):
    reply = text(april, "und wofür kann man die 3000 euro ausgeben?")
    assert not reply.startswith("Ja"), reply
    assert "Projektzwecke" in reply


def test_can_t_apply_anymore_after_the_deadline_is_answered(later):
    say(later, "u1", "what's the deadline")
    reply = text(later, "so I can't apply anymore?", user="u1")
    assert reply.startswith("No"), reply
    assert "3 May 2023" in reply


def test_thousands_written_short_are_a_figure():
    assert "3000" in tokens("is the 3k per project?")
    assert "3000" in tokens("gibt es die 3 tsd pro jahr")
    assert "3000" not in tokens("k3 und 3kg")  # no amount


@pytest.mark.parametrize("message", ["is the 3k per project or per year?", "wofür sind die 3k"])
def test_3k_is_the_project_budget(april, message):
    reply = text(april, message)
    assert "3.000" in reply or "3,000" in reply, reply
    assert "Did you mean" not in reply and "Meinen Sie" not in reply


NO_HOURS = ("Stunden oder Zeitaufwand nennt die Ausschreibung nicht",
            "The call names no hours or time commitment")  # fmt: skip


@pytest.mark.parametrize(
    ("message", "said"),
    [("dürfen wir das budget für laptops nutzen", "3.000"),
     ("can we use the budget for laptops?", "3,000")],
)  # fmt: skip
def test_a_use_or_hours_the_call_leaves_open(april, message, said):
    reply = text(april, message)
    assert reply.startswith(UNDECIDED), reply
    assert said in reply


@pytest.mark.parametrize(
    "message",
    ["muss der pate vollzeit mitarbeiten", "muss die patin in teilzeit arbeiten?",
     "does the expert work full time?", "does the mentor have to be full time?"],
)  # fmt: skip
def test_the_hours_of_mentor_or_expert_are_not_named(april, message):
    assert text(april, message).startswith(NO_HOURS)


@pytest.mark.parametrize(
    ("message", "verdict"),
    [("arbeitet der experte 6 monate?", "Ja."), ("arbeitet der experte 12 monate?", "Nein.")],
)
def test_a_length_both_options_name(april, message, verdict):
    reply = text(april, message)
    assert reply.startswith(verdict), reply
    assert "sechs Monate" in reply


@pytest.mark.parametrize(
    ("message", "project"),
    [("was hat kalletal gemacht", "Integration Onboarding App"),
     ("what did torgau do?", "Web guide to integration"),
     ("was genau macht der burgenlandkreis", "Netzwerk Integration")],
)  # fmt: skip
def test_one_of_the_five_asked_of_is_its_project(later, message, project):
    reply = text(later, message)
    assert project in reply, reply
    assert "Stralsund" not in reply  # that one, not all five


def test_and_the_next_town(later):
    say(later, "u1", "was hat kalletal gemacht")
    reply = text(later, "und stralsund", user="u1")
    assert "Interaktive Stadtkarte zur Integration" in reply and "Kalletal" not in reply


def test_a_town_of_the_five_in_another_question_is_not_its_project(later):
    reply = text(later, "wie viele einwohner hat pforzheim?")
    assert "Prozessmanagement" not in reply


@pytest.mark.parametrize(
    ("message", "no"),
    [("is it only for big cities?", "No."), ("nur für großstädte?", "Nein."),
     ("ist das nur was für große städte", "Nein.")],
)  # fmt: skip
def test_no_size_is_set(april, message, no):
    reply = text(april, message)
    assert reply.startswith(no), reply


@pytest.mark.parametrize(
    ("message", "yes"),
    [("kann ich einen termin buchen?", "Ja."), ("can I book a call with someone?", "Yes.")],
)
def test_a_meeting_can_be_booked(april, message, yes):
    reply = text(april, message)
    assert reply.startswith(yes), reply
    assert "calendly.com" in reply


@pytest.mark.parametrize(
    ("message", "entry"),
    [("wer ist mein buddy", "buddy_program"), ("who will be our buddy?", "buddy_program"),
     ("wer wird unser experte", "expert_choice"), ("wer wird unsere patin?", "core_team"),
     ("wer ist unser ansprechpartner?", None), ("wer ist der buddy", None),
     ("was macht unser buddy?", None)],
)  # fmt: skip
def test_whose_name_is_asked(message, entry):
    assert asks_whose_name(message) == entry


@pytest.mark.parametrize(
    ("message", "said"),
    [("wer ist mein buddy", "Lokalprojekte-Team"), ("who will be our buddy?", "Lokalprojekte"),
     ("wer wird unser experte", "Profile")],
)  # fmt: skip
def test_the_call_names_no_one(april, message, said):
    reply = text(april, message)
    assert reply.startswith(
        ("Einen Namen nennt die Ausschreibung nicht", "The call for applications names no one")
    ), reply
    assert said in reply


@pytest.mark.parametrize(
    "message",
    ["wieviel stellen gibts insgesamt", "how many positions are there in total?",
     "wie viele plätze gibt es im programm"],
)  # fmt: skip
def test_the_positions_are_five_projects_with_an_expert_each(april, message):
    reply = text(april, message)
    assert "fünf Projekte" in reply or "Five projects" in reply, reply
    assert "Expert:in" in reply or "expert" in reply


def test_a_count_of_applicants_per_position_is_no_count_of_positions():
    assert counts_positions("wieviel stellen gibts insgesamt")
    assert not counts_positions("wie viele bewerber gibt es pro stelle?")
    assert not counts_positions("wann wird die stelle besetzt?")


@pytest.mark.parametrize(
    ("message", "inside"),
    [("wir haben die skizze abgegeben, wie gehts jetzt weiter?", True),
     ("wir hatten unser vorgespräch, wann hören wir was?", True),
     ("We had our pre-talk in May. When will we know if we're in?", True),
     ("we submitted our application, when do we hear back?", True),
     ("wir haben die bewerbung noch nicht fertig", False),
     ("wir haben eine frage zur bewerbung", False)],
)  # fmt: skip
def test_a_step_behind_one_speaks_from_the_program(message, inside):
    assert speaks_from_the_program(message) is inside


@pytest.mark.parametrize(
    ("line", "inside"),
    [("wir haben die skizze abgegeben, wie gehts jetzt weiter?", True),
     ("wann kommen die profile?", False)],
)  # fmt: skip
def test_someone_who_handed_in_the_sketch_gets_no_next_call_offer(matcher, sessions, line, inside):
    """`imbot chat` in June: the welcome waits for the first line, and the notice that no
    call is open (with its offer) follows the answer – not for someone in this call."""
    said = console(applicant_router(matcher, sessions, JUNE), f"{line}\n")
    assert "Profile" in said
    assert ("nächste Ausschreibung" in said) is not inside, said


def test_what_a_word_means_is_asked_of_the_answer():
    assert asks_meaning("was heißt arbeitnehmerüberlassung")
    assert asks_meaning("what does that mean exactly?")
    assert not asks_meaning("was kostet das")


def test_the_sentence_asked_of():
    answer = "Eins ist Wohnen. Zentrale Themen sind Arbeit und Sprache. Ein Beispiel wäre X."
    assert sentence_asked("sprache auch?", answer) == "Zentrale Themen sind Arbeit und Sprache."
    assert sentence_asked("beispiel?", answer) == "Ein Beispiel wäre X."
    assert sentence_asked("und?", answer) is None
    assert sentence_asked("sprache?", "Nur ein Satz mit Sprache.") is None


def test_asked_again_the_sentence_not_the_paragraph(april):
    first = text(april, "welche themen gibt es", user="u1")
    assert "Beispielprojekt" in first
    again = text(april, "sprache auch?", user="u1")
    assert again.startswith("Ja.") and "Sprache" in again
    assert "Beispielprojekt" not in again and "Flucht und Migration" not in again
    example = text(april, "was wäre ein beispielprojekt", user="u1")
    assert "Vermittlung von Wohnraum" in example and "Zentrale Themen" not in example


def test_what_a_word_of_the_answer_means_is_not_explained_further(april):
    say(april, "u1", "wer stellt die expertin ein?")
    reply = text(april, "was heißt arbeitnehmerüberlassung", user="u1")
    assert reply.startswith("Mehr als das erklärt die Ausschreibung nicht"), reply
    assert "Arbeitnehmerüberlassung" in reply and "/kontakt" in reply


# -- tryout18 (a fresh try-out of main a3db6a5, applicants in the console) ---------------
EVENING = datetime(2023, 5, 3, 17, 0, tzinfo=UTC)  # 19:00 on the deadline's day


@pytest.fixture
def deadline_day(matcher, sessions):
    return applicant_router(matcher, sessions, EVENING)


@pytest.mark.parametrize(
    "message", ["wie viele gemeinden nehmen sie denn?", "how many towns do you take?"]
)
def test_how_many_are_taken_is_the_five(april, message):
    reply = text(april, message)
    assert "fünf Projekte" in reply or "Five projects" in reply, reply


def test_a_count_of_days_to_be_taken_is_no_count_of_towns():
    assert counts_chosen("wie viele gemeinden nehmen sie denn?")
    assert not counts_chosen("how many days does it take to select the towns?")
    assert not counts_chosen("wie viele bewerbungen nehmen sie an?")


@pytest.mark.parametrize(
    "message",
    ["can we pick our own expert, someone we already know?",
     "können wir selber jemanden als experten vorschlagen?"],
)  # fmt: skip
def test_an_expert_of_ones_own_is_not_decided(april, message):
    assert text(april, message).startswith(UNDECIDED)


def test_moving_the_talks_is_not_the_deadlines_no(april):
    say(april, "u1", "wie lang dauern die vorgespräche")
    reply = text(april, "ich bin vom 12.-16.5. im urlaub, geht der termin auch später?")
    assert reply.startswith(UNDECIDED), reply
    assert "Vorgespräche" in reply and "Bewerbungsschluss" not in reply


@pytest.mark.parametrize(
    ("before", "message"),
    [(None, "kann man das vorgespräch verschieben?"),
     ("when are the preliminary talks?", "can we do it later?"),
     ("when do we get candidate profiles?", "what if we don't like any of them?"),
     (None, "was wenn wir noch keine patin haben")],
)  # fmt: skip
def test_a_case_the_call_leaves_open(april, before, message):
    if before:
        say(april, "u1", before)
    assert text(april, message).startswith(UNDECIDED)


def test_a_case_is_asked_by_what_if_and_a_date_moved():
    assert asks_what_if("und wenn wir schon ne app haben?")
    assert not asks_what_if("what about the money?")
    assert asks_to_move("can we do it later?")
    assert not asks_to_move("kann ich die bewerbung später abgeben?")  # the deadline's


def test_handed_in_on_the_deadlines_day_the_talks_are_next(deadline_day):
    reply = text(
        deadline_day,
        "guten abend, bürgermeisteramt hier. wir haben die bewerbung gerade abgeschickt. "
        "wie geht es jetzt weiter?",
    )
    assert "Vorgespräche" in reply and "Bewerbungsschluss ist heute" not in reply, reply
    assert "Bewerbungsschluss ist heute" in text(deadline_day, "wie geht es weiter?", user="u2")


def test_missed_on_the_deadlines_day_is_not_missed(deadline_day):
    reply = text(deadline_day, "frist verpasst, was nun")
    assert reply.startswith("Nein.") and "heute" in reply, reply


def test_what_it_was_about_is_the_summary(later):
    say(later, "u1", "Hi, is this program still running?")
    reply = text(later, "what was it about?")
    assert "digital" in reply and "six months" not in reply, reply


def test_who_took_part_back_then(later):
    reply = text(later, "wer hat damals mitgemacht")
    assert "Kalletal" in reply and "Pforzheim" in reply, reply


def test_and_the_next_town_asked_without_a_verb(later):
    say(later, "u1", "was macht kalletal?")
    reply = text(later, "und pforzheim?")
    assert "Prozessmanagement Integration" in reply and "Stralsund" not in reply


@pytest.mark.parametrize(
    "message",
    ["hallo, wir haben uns beworben aber noch nix gehört, ist das normal?",
     "we weren't contacted, does that mean we're out?"],
)  # fmt: skip
def test_nothing_heard_back_is_ones_own_status(matcher, sessions, message):
    june = applicant_router(matcher, sessions, JUNE)
    reply = text(june, message)
    assert reply.startswith(("Wie es um Ihre Bewerbung steht", "I cannot know")), reply
    assert "Vorgespräche" in reply or "preliminary talks" in reply


@pytest.mark.parametrize("message", ["wen kann ich fragen", "who should I contact now?"])
def test_whom_to_ask_is_the_contacts(april, message):
    reply = text(april, message)
    assert "charlotte.bock@lokalprojekte.de" in reply, reply
    assert "Meinen Sie" not in reply and "Do you mean" not in reply


def test_whom_to_ask_is_not_whom_a_step_is_with():
    assert asks_whom_to_ask("wen kann ich fragen")
    assert not asks_whom_to_ask("wer ist mein buddy")
    assert not asks_whom_to_ask("who can I ask at the foundation about other programs?")


def test_anything_new_is_the_next_call(later):
    reply = text(later, "2026 gibts nix neues?")
    assert "nächste Ausschreibung ist noch nicht bekannt" in reply, reply


def test_to_be_told_of_future_calls(later):
    reply = text(later, "wo kann ich mich für künftiges vormerken")
    assert "Sobald eine neue Ausschreibung da ist" in reply, reply


def test_how_much_the_foundation_funded(later):
    reply = text(later, "how much did the foundation fund per project?")
    assert "TVöD" in reply and "3,000" in reply, reply


@pytest.mark.parametrize(
    ("message", "start"),
    [("wir sind ne verbandsgemeinde in rlp, sind wir antragsberechtigt", "Ja."),
     ("we are a Kreisfreie Stadt in Bavaria with big housing issues. worth applying?", "Cities")],
)  # fmt: skip
def test_a_kind_of_town_asking_whether_it_may(april, message, start):
    assert text(april, message).startswith(start)


@pytest.mark.parametrize(
    "message", ["was passiert am ende des projekts", "what happens at the end of the project?"]
)
def test_the_end_of_the_project_is_the_closing_event(matcher, sessions, message):
    september = applicant_router(matcher, sessions, datetime(2023, 9, 15, 8, 0, tzinfo=UTC))
    reply = text(september, message)
    assert "Abschlussevent" in reply or "closing event" in reply, reply


@pytest.mark.parametrize(
    "message",
    ["kannst du mir einen text für die bewerbung schreiben?", "can you write our application?"],
)
def test_writing_for_someone_is_declined(april, message):
    reply = text(april, message)
    assert reply.startswith(("Das kann ich nicht", "I can't do that")), reply
    assert "/kontakt" in reply or "/contact" in reply


def test_a_reminder_asked_of_the_bot_is_no_task_it_declines(april):
    assert "reminders" in text(april, "can you remind me a few days before?")


@pytest.mark.parametrize(
    "message",
    ["any other funding programs you'd recommend?", "gibts ähnliche programme der bosch stiftung"],
)
def test_other_programs_are_not_in_the_call(april, message):
    reply = text(april, message)
    assert reply.startswith(("Andere Programme nennt", "The call names no other programs")), reply


def test_more_funding_for_costs_is_no_other_program(april):
    assert "3.000" in text(april, "gibt es weitere förderung für sachkosten?")


def test_where_the_results_are_is_not_said(later):
    reply = text(later, "where can I read the evaluation results?")
    assert reply.startswith("The call for applications does not say where"), reply
    assert "evaluation" in reply


def test_the_day_of_a_step_named_by_its_month_is_not_named(later):
    say(later, "u1", "wann ist das kick-off")
    reply = text(later, "wann genau im oktober ist das kick off")
    assert reply.startswith("Genauer nennt die Ausschreibung es nicht"), reply


def test_the_day_of_the_talks_asked_by_their_month(april):
    say(april, "u1", "wie lang dauern die vorgespräche")
    reply = text(april, "und wann genau im mai?")
    assert reply.startswith("Einen genaueren Tag nennt die Ausschreibung nicht"), reply
    assert "10. Mai 2023" in reply


def test_a_pay_group_in_euros_is_the_pay_without_an_amount(april):
    reply = text(april, "how much is EG 11 Stufe 2 in euros roughly?")
    assert reply.startswith("The call names no euro amount"), reply


def test_a_step_that_already_happened(matcher, sessions):
    june = applicant_router(matcher, sessions, JUNE)
    assert text(june, "did the Vorgespräche already happen?").startswith("Yes.")


def test_no_names_of_the_experts(later):
    reply = text(later, "who were the experts, any names?")
    assert reply.startswith("The call for applications names no one"), reply


def test_the_language_of_the_application_is_not_said(april):
    reply = text(april, "is the application in german only or can we apply in english?")
    assert reply.startswith("The call does not say in which language"), reply


def test_how_many_of_the_administration_take_part(april):
    reply = text(april, "wie viele leute aus unserer verwaltung sollen mitmachen")
    assert "verwaltungsinternen Pat:in" in reply, reply


def test_when_one_hears_back(april):
    reply = text(april, "wenn wir morgen einreichen, wann hören wir dann was?")
    assert "Rückmeldung" in reply and "Meinen Sie" not in reply, reply


def test_where_the_answer_is_from(matcher, sessions):
    evening = applicant_router(matcher, sessions, EVENING)
    say(evening, "u1", "kann ich heute noch bewerben?")
    reply = text(evening, "echt? woher weißt du das")
    assert reply.startswith("Das steht so in der Ausschreibung:"), reply
    assert "3. Mai 2023" in reply


def test_a_german_municipality_is_no_question_of_language():
    assert asks_language("kann man die bewerbung auf englisch schreiben")
    assert not asks_language("Must the town be a German one to apply?")


def test_what_the_bot_can_do_says_how_to_ask_once(april):
    reply = text(april, "moin, was kannst du eigentlich alles")
    assert reply.startswith("Gern!\n\nDas kann ich:"), reply
    assert reply.count("eigenen Worten") == 1


def test_a_command_as_the_first_line_gets_the_short_welcome(matcher, sessions):
    """`imbot chat` with "/erinnerungen" typed first: two lines, then the reminders (not
    the whole list of commands before them)."""
    router = applicant_router(matcher, sessions, datetime(2023, 5, 2, 19, 0, tzinfo=UTC))
    said = console(router, "/erinnerungen\n")
    assert "Was ich sonst kann: /hilfe" in said and "Sie bekommen jetzt Erinnerungen" in said
    assert "/naechste – Nachricht" not in said, said



def test_a_word_alone_after_a_question_is_no_question_of_its_own():
    assert questions("we still haven't chosen an expert, deadline was end of august right? problem?") is None
    assert questions("wann ist der kick-off und wo?") == ["wann ist der kick-off?", "wo?"]


@pytest.mark.parametrize(
    ("message", "start"),
    [("I'm submitting in an hour, will it still count?", "The call names no time of day"),
     ("wir schicken es in einer stunde, zählt das noch?", "Eine Uhrzeit nennt die Ausschreibung nicht"),
     ("what if I only submit tomorrow morning?", "No."),
     ("was ist wenn wir erst morgen früh abschicken?", "Nein.")],
)  # fmt: skip
def test_handing_in_later_on_the_deadlines_evening(deadline_day, message, start):
    reply = text(deadline_day, message)
    assert reply.startswith(start), reply
    assert "3. Mai 2023" in reply or "3 May 2023" in reply


# -- tryout19 (a fresh try-out of this round's state) -------------------------------------
@pytest.fixture
def june(matcher, sessions):
    return applicant_router(matcher, sessions, JUNE)


def test_a_town_in_austria_may_not_apply_today(deadline_day):
    reply = text(
        deadline_day,
        "Grüß Gott, wir sind eine Marktgemeinde in Oberösterreich. Können wir uns heute noch bewerben?",
    )
    assert reply.startswith("Nein."), reply
    assert "in Deutschland" in reply


@pytest.mark.parametrize(
    ("before", "message"),
    [("die 3000€ – bekommen wir die überwiesen oder wie läuft das",
      "und zahlt die stiftung das gehalt direkt an die expertin?"),
     ("wer stellt die expertin ein, wir oder lokalprojekte?",
      "brauchen wir dann einen vertrag mit lokalprojekte?")],
)  # fmt: skip
def test_payment_and_contracts_the_call_does_not_settle(june, before, message):
    say(june, "u1", before)
    assert text(june, message).startswith(UNDECIDED)


def test_a_language_asked_for_the_reply_then_the_question(april):
    replies = say(april, "u1", "kannst du mir das auf englisch sagen: wer kann sich bewerben")
    said = "\n".join(r.text for r in replies)
    assert said.startswith("I will answer in English now."), said
    assert "Cities, municipalities and public authorities" in said


def test_an_expert_from_another_administration(april):
    reply = text(
        april, "where do the experts come from? can it be someone from another city administration?"
    )
    assert "deliberately from a sector other than public administration" in reply, reply
    assert "Cities, municipalities" not in reply


def test_someone_from_ones_own_administration_is_the_pat_in():
    assert asks_someone_from_administration("can it be someone from another city administration?")
    assert not asks_someone_from_administration(
        "Müssen wir jemanden aus unserer Verwaltung als Patin benennen?"
    )


def test_handed_in_the_talks_are_next_in_english(deadline_day):
    reply = text(deadline_day, "I just submitted our application. what happens now?")
    assert "preliminary talks" in reply and "deadline is today" not in reply, reply


def test_what_comes_next_after_a_past_step_is_the_next_from_today(june):
    say(june, "u1", "und die skizze?")
    reply = text(june, "was kommt als nächstes")
    assert "Anfang August 2023" in reply and "Besprechung" not in reply, reply


def test_the_choice_too_late_is_the_choice(matcher, sessions):
    september = applicant_router(matcher, sessions, datetime(2023, 9, 15, 8, 0, tzinfo=UTC))
    reply = text(september, "We still haven't picked an expert, is it too late?")
    assert "end of August 2023" in reply and not reply.startswith("Yes"), reply
    again = text(september, "what was the deadline for that")
    assert "end of August 2023" in again and "3 May" not in again, again


def test_a_person_or_a_bot(april):
    assert text(april, "are you a real person or a bot?").startswith("I am the bot")


def test_ten_projects_asked_back(june):
    assert text(june, "und dass es zehn projekte gibt?").startswith("Nein.")


def test_a_case_in_the_second_sentence(june):
    reply = text(june, "we got the profiles. and if none of them fits?")
    assert reply.startswith(UNDECIDED), reply


def test_a_picker_whose_best_guess_is_named(april):
    reply = text(april, "was bedeutet arbeitnehmerüberlassung hier konkret")
    assert reply.startswith("Die Einstellung der Expert:in erfolgt"), reply


def test_a_word_guessed_as_another_names_no_topic(april):
    assert "Buddy-Programm bekommt" not in text(april, "was ist ein buddy bei der bundeswehr")


def test_calling_her_at_night_is_the_team_s_hours(matcher, sessions):
    evening = applicant_router(matcher, sessions, datetime(2023, 5, 2, 19, 0, tzinfo=UTC))
    say(evening, "u1", "who do i email if the upload doesnt work tonight")
    reply = text(evening, "can i call her now?")
    assert reply.startswith("Nobody is in right now"), reply


@pytest.mark.parametrize(
    ("message", "said"),
    [("wann startet das projekt", "Kick-off"), ("wann endet das programm", "Abschlussevent"),
     ("when does the program run", "six months"), ("wann lief das programm", "sechs Monate")],
)  # fmt: skip
def test_when_the_project_starts_ends_runs(april, message, said):
    reply = text(april, message)
    assert said in reply and "Meinen Sie" not in reply and "Do you mean" not in reply, reply


def test_and_when_does_it_end_after_its_start(april):
    say(april, "u1", "if we are selected, when does the project actually start?")
    reply = text(april, "and when does it end")
    assert "closing event" in reply and "Do you mean" not in reply, reply


def test_the_application_s_dates_are_not_the_project_s():
    assert asks_project_when("wann startet das projekt") == "start"
    assert asks_project_when("bis wann läuft die bewerbung") is None
    assert asks_project_when("when does the call end?") is None
    assert asks_project_when("wann beginnt und endet das programm?") == "span"


def test_und_wann_ist_schluss_after_the_start_is_the_project_s_end(april):
    say(april, "u1", "hallo, wann startet das projekt eigentlich?")
    reply = text(april, "und wann ist schluss?")
    assert "Abschlussevent" in reply and "Bewerbungsschluss" not in reply, reply
    assert "Bewerbungsschluss" in text(april, "wann ist schluss?", user="u2")
