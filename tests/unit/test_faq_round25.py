"""Rows left open by the last rounds and found anew, each with a test that fails on the
code before it (main 7e9cb0f). Phrasings besides the try-outs' are our own.

- the experts' six months asked with "bleiben": "ist es richtig, dass der Experte 6
  Monate bleibt?" said the call does not decide it ("bleibt" read as staying on after),
  "does the expert stay for six months?" the same; "ist die Expertin ein halbes Jahr bei
  uns?" said "Nein." (a year); "dauert das länger als sechs Monate?" said "Ja.";
- a size rule: "gibt es eine Mindestgröße für die Gemeinde?" said "Ja – eine Mindestgröße
  nennt die Ausschreibung nicht." (a yes to a question whether there is one), "gibt es
  eine Mindesteinwohnerzahl?" was off topic;
- the time a role takes, right after it: "wie viel Zeit kostet das?" after the Pat:in was
  off topic, "how much time does that take?" got the deadline;
- "is Hamburg one of them?" after the five: a refusal (a Land's name, and "one of them").
"""

from datetime import UTC, datetime

import pytest

from faq.figures import terms
from tests.chat import applicant_router, console, say, text

APRIL = datetime(2023, 4, 20, 8, 0, tzinfo=UTC)  # the call is open
SEPTEMBER = datetime(2023, 9, 15, 8, 0, tzinfo=UTC)  # the five are choosing experts


@pytest.fixture
def april(matcher, sessions):
    return applicant_router(matcher, sessions, APRIL)


@pytest.fixture
def september(matcher, sessions):
    return applicant_router(matcher, sessions, SEPTEMBER)


# -- the six months -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "lead"),
    [("ist es richtig, dass der experte 6 monate bleibt?", "Ja."),
     ("isses richtig dass die expertin 6 monate bleibt?", "Ja."),
     ("bleibt die expertin sechs monate?", "Ja."),
     ("does the expert stay for six months?", "Yes."),
     ("ist die expertin ein halbes jahr bei uns?", "Ja."),
     ("dauert das länger als sechs monate?", "Nein."),
     ("dauert das programm länger als ein halbes jahr?", "Nein."),
     ("dauert das programm ein jahr?", "Nein."),
     ("kann die expertin länger als 6 monate bleiben?", "Das legt die Ausschreibung nicht fest"),
     ("can the expert stay longer than six months?", "The call for applications does not decide")],
)  # fmt: skip
def test_the_six_months_asked_with_staying(april, question, lead):
    reply = text(april, question)
    assert reply.startswith(lead), reply
    assert "sechs Monate" in reply or "six months" in reply, reply


def test_a_length_in_months_is_no_adjective():
    # "6 Monate bleibt": six months, not six of something called "bleibt"
    assert not any(kind.startswith("count:") for kind in terms("der experte 6 monate bleibt"))
    assert "count:einfu" in terms("zwei tage einführung")  # two introduction days


# -- a size rule ----------------------------------------------------------------------------

NO_SIZE_DE = "Eine Größe setzt die Ausschreibung nicht voraus"


@pytest.mark.parametrize(
    ("question", "lead"),
    [("gibt es eine mindestgröße für die gemeinde?", NO_SIZE_DE),
     ("gibt es eine mindesteinwohnerzahl?", NO_SIZE_DE),
     ("wie viele einwohner muss unsere stadt haben?", NO_SIZE_DE),
     ("is there a minimum population for towns?", "The call sets no size"),
     ("is there a minimum size?", "The call sets no size")],
)  # fmt: skip
def test_a_size_rule_asked(april, question, lead):
    reply = text(april, question)
    assert reply.startswith(lead), reply
    assert "Städte, Kommunen und Behörden" in reply or "Cities, municipalities" in reply


def test_a_small_town_asking_to_join_still_gets_yes(april):
    reply = text(april, "wir sind ne kleine gemeinde mit 4000 einwohnern, können wir uns bewerben?")
    assert reply.startswith("Ja – eine Mindestgröße nennt die Ausschreibung nicht."), reply
    assert "Dazu kann ich nichts sagen" in text(april, "wie viele einwohner hat torgau?", user="u2")


# -- the time a role takes ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "then", "lead"),
    [("was ist eine pat:in?", "wie viel zeit kostet das?", "Stunden oder Zeitaufwand nennt"),
     ("what's a pat:in?", "how much time does that take?", "The call names no hours"),
     ("was macht die expertin?", "und wie viel zeit braucht das so?", "Stunden oder Zeitaufwand")],
)  # fmt: skip
def test_the_time_a_role_takes_right_after_it(april, first, then, lead):
    say(april, "u1", first)
    reply = text(april, then)
    assert reply.startswith(lead), reply


def test_the_time_it_takes_with_nothing_before_is_no_role(april):
    assert "Stunden oder Zeitaufwand" not in text(april, "wie viel zeit kostet das?")


# -- one of the five ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "lead"),
    [("is hamburg one of them?", "No – Hamburg is not among the five"),
     ("ist hamburg dabei?", "Nein – Hamburg ist nicht unter den fünf"),
     ("is leipzig one of the five?", "No – Leipzig is not among the five"),
     ("ist bremen eine davon?", "Nein – Bremen ist nicht unter den fünf")],
)  # fmt: skip
def test_a_place_not_among_the_five(september, question, lead):
    say(september, "u1", "welche städte sind dabei?")
    reply = text(september, question)
    assert reply.startswith(lead), reply
    assert "Stralsund" in reply


def test_one_of_the_five_is_still_yes_and_a_city_state_may_apply(september, april):
    say(september, "u1", "welche städte sind dabei?")
    assert text(september, "is torgau one of them?").startswith("Yes."), "Torgau"
    reply = text(april, "wir sind aus hamburg, können wir uns bewerben?")
    assert reply.startswith("Ja."), reply


# -- abroad, asked as "what if" -------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "lead"),
    [("and if we're in Austria?", "No."),
     ("und wenn wir in österreich sind?", "Nein."),
     ("what if we're a swiss town?", "No."),
     ("falls wir aus der schweiz sind?", "Nein.")],
)  # fmt: skip
def test_abroad_asked_as_what_if(april, question, lead):
    reply = text(april, question)
    assert reply.startswith(lead), reply
    assert "Deutschland" in reply or "Germany" in reply


def test_another_program_abroad_is_no_eligibility_question(april):
    reply = text(april, "gibt es ein ähnliches programm in österreich?")
    assert not reply.startswith("Nein."), reply


# -- where things stand ---------------------------------------------------------------------

LATER = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)  # the 2023 program is long over


@pytest.mark.parametrize(
    "question",
    ["ich bin die patin in kalletal, was ist denn gerade dran?", "was steht gerade an?",
     "wir sind aus torgau. was steht als nächstes an?", "what's happening right now?"],
)  # fmt: skip
def test_where_things_stand_is_the_next_step(september, question):
    reply = text(september, question)
    assert reply.startswith(("Im Oktober 2023 findet das Kick-off", "The kick-off event")), reply


@pytest.mark.parametrize("question", ["was ist gerade dran?", "wie geht es weiter?"])
def test_where_things_stand_once_all_is_over_is_the_next_call(matcher, sessions, question):
    later = applicant_router(matcher, sessions, LATER)
    reply = text(later, question)
    assert reply.startswith("Eine nächste Ausschreibung ist noch nicht bekannt"), reply


# -- tryout27's wrong answers ---------------------------------------------------------------


def test_how_many_projects_get_money_is_the_count(april):
    say(april, "u1", "Hi, I work for a Landkreis in Lower Saxony. can a district apply?")
    assert text(april, "ok and how many projects get money").startswith("Five projects")
    assert text(april, "wie viele projekte bekommen geld?", user="u2").startswith(
        "Gefördert werden deutschlandweit fünf Projekte"
    )
    assert "EUR 3.000" in text(april, "wie viel geld bekommt jedes projekt?", user="u3")


def test_applying_together_is_not_decided_by_the_five(april):
    # "two municipalities" is their own case, no claim against the five of the networking
    reply = text(april, "Can two municipalities apply together as one project?")
    assert reply.startswith("The call for applications does not decide this."), reply
    assert "Germany can apply" in reply, reply


def test_two_applications_is_left_open_not_a_picker(april):
    reply = text(april, "and can one town send 2 applications?")
    assert reply.startswith("The call for applications does not decide this."), reply
    assert "Five projects" in reply, reply


@pytest.mark.parametrize(
    ("question", "lead"),
    [("and if we are selected, when does the expert start?", "The project phase lasts six"),
     ("falls wir ausgewählt werden, wann fängt die expertin an?", "Die Projektphase dauert")],
)  # fmt: skip
def test_a_selection_supposed_before_the_question(april, question, lead):
    reply = text(april, question)
    assert reply.startswith(lead), reply


@pytest.mark.parametrize(
    ("question", "lead"),
    [("Gibt es nach dem Programm noch Unterstützung?", "Zur Zeit nach dem Programm sagt"),
     ("is there any support after the program?", "The call says nothing about the time after"),
     ("bekommen wir nach dem programm noch geld?", "Zur Zeit nach dem Programm sagt")],
)  # fmt: skip
def test_after_the_program_is_not_said(september, question, lead):
    reply = text(september, question)
    assert reply.startswith(lead), reply
    assert "März 2024" in reply or "March 2024" in reply, reply


def test_staying_on_after_the_program_stays_open(april):
    reply = text(april, "kann die expertin nach den 6 monaten bleiben?")
    assert reply.startswith("Das legt die Ausschreibung nicht fest"), reply


@pytest.mark.parametrize(
    "question", ["Gibt es ein Nachfolgeprogramm?", "is there a follow-up program?"]
)
def test_a_follow_up_program_is_the_next_call(matcher, sessions, question):
    later = applicant_router(matcher, sessions, LATER)
    say(later, "u1", "Kann man sich da noch bewerben?")
    reply = text(later, question)
    assert not reply.startswith(("Nein", "No")), reply
    assert "nächste Ausschreibung ist noch nicht bekannt" in reply or "next call" in reply, reply


def test_whether_lokalprojekte_still_exists_is_no_program_state(matcher, sessions):
    later = applicant_router(matcher, sessions, LATER)
    say(later, "u1", "Wer hat das Programm eigentlich durchgeführt?")
    reply = text(later, "Gibt es Lokalprojekte noch?")
    assert not reply.startswith("Nein"), reply
    assert text(later, "läuft das programm noch?", user="u2").startswith("Nein.")


# -- one of the five asks -------------------------------------------------------------------

JUNE = datetime(2023, 6, 20, 8, 0, tzinfo=UTC)  # the five are told, profiles come in August


def test_the_others_asked_by_one_of_the_five(september):
    reply = text(september, "kalletal hier. wer sind die anderen teilnehmer?")
    assert reply.startswith("Die übrigen Programmteilnehmer:innen"), reply
    assert "Kalletal" not in reply and "Torgau" in reply, reply
    reply = text(september, "wir sind aus torgau. was machen die anderen städte?", user="u2")
    assert "Kalletal" in reply and "Torgau" not in reply, reply


def test_the_other_participants_are_the_five_not_the_networking(september):
    for question in ("wer sind die anderen teilnehmer?", "who are the other participants?"):
        reply = text(september, question, user=question)
        assert "Stralsund" in reply and "Pforzheim" in reply, reply
    reply = text(september, "kann ich mich mit den anderen teilnehmern austauschen?")
    assert reply.startswith("Ja. Alle Beteiligten profitieren"), reply


def test_one_of_the_five_saying_here_gets_no_next_call_offer(matcher, sessions):
    said = console(
        applicant_router(matcher, sessions, SEPTEMBER), "kalletal hier. wann ist das kick-off?\n"
    )
    assert "Oktober 2023" in said, said
    assert "nächste Ausschreibung" not in said, said


def test_what_to_do_now_among_several_questions(matcher, sessions):
    june = applicant_router(matcher, sessions, JUNE)
    reply = text(june, "Hello, we got accepted. What do we have to do now? When is the kick off?")
    assert reply.startswith("By early August 2023 Lokalprojekte sends you"), reply
    assert "October 2023" in reply, reply
    assert text(june, "was müssen wir jetzt tun?", user="u2").startswith("Bis Anfang August")


# -- tryout27's unhelpful answers -----------------------------------------------------------

DAY_BEFORE = datetime(2023, 5, 2, 21, 0, tzinfo=UTC)  # 23:00 in Berlin, the deadline tomorrow


@pytest.mark.parametrize(
    ("question", "lead"),
    [("Was passiert Ende März 2024 genau?", "Ende März 2024 endet das Projekt"),
     ("Hallo, ich arbeite bei der Stadt Torgau im Integrationsbereich. Was kommt als Nächstes "
      "im Programm?", "Im Oktober 2023 findet das Kick-off"),
     ("what happens next for us?", "The kick-off event")],
)  # fmt: skip
def test_a_month_and_the_next_step_asked_with_more_words(september, question, lead):
    assert text(september, question).startswith(lead)


def test_working_for_one_of_the_five_gets_no_next_call_offer(matcher, sessions):
    line = (
        "Hallo, ich arbeite bei der Stadt Torgau im Integrationsbereich. Wann ist das Kick-off?\n"
    )
    said = console(applicant_router(matcher, sessions, SEPTEMBER), line)
    assert "Oktober 2023" in said, said
    assert "nächste Ausschreibung" not in said, said


@pytest.mark.parametrize(
    ("question", "lead"),
    [("what happen after we send?", "The process at a glance:"),
     ("was passiert nachdem wir eingereicht haben?", "Ablauf im Überblick:"),
     ("what happens after we apply?", "The process at a glance:")],
)  # fmt: skip
def test_after_handing_in_is_the_process(matcher, sessions, question, lead):
    router = applicant_router(matcher, sessions, DAY_BEFORE)
    assert text(router, question).startswith(lead)


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("Bis wann müssen wir die Bewerbung abschicken?", "und wie?"),
        ("whats the deadline?", "and how?"),
    ],
)
def test_and_how_right_after_the_deadline_is_how_to_hand_in(april, first, then):
    say(april, "u1", first)
    reply = text(april, then)
    assert reply.startswith(
        ("Wo oder wie Sie die Bewerbung einreichen", "The call does not say where or how")
    ), reply


def test_and_how_after_another_answer_is_not_handing_in(april):
    say(april, "u1", "was ist ein buddy?")
    assert "einreichen" not in text(april, "und wie?")


def test_roughly_how_much_right_after_the_pay(april):
    say(april, "u1", "was verdient die expertin?")
    reply = text(april, "wie viel ist das ungefähr?")
    assert reply.startswith("Einen Euro-Betrag nennt die Ausschreibung nicht"), reply


def test_the_deadline_asked_after_an_apology_and_who_writes(matcher, sessions):
    router = applicant_router(matcher, sessions, DAY_BEFORE)
    reply = text(
        router, "hi sorry for my english. we are a small district office, deadline is tomorrow yes?"
    )
    assert reply.startswith("Yes, until tomorrow, 3 May 2023"), reply
    reply = text(router, "we are a small town, can we apply?", user="u2")
    assert reply.startswith("Yes."), reply


@pytest.mark.parametrize(
    "question",
    ["bin bürgermeister, kurze frage. was bringt uns das", "what is in it for us?",
     "was haben wir davon?", "what do we get out of it?"],
)  # fmt: skip
def test_what_a_town_gets_is_what_is_funded(april, question):
    reply = text(april, question)
    assert reply.startswith(
        ("Die Robert Bosch Stiftung übernimmt", "The Robert Bosch Stiftung covers")
    ), reply


def test_what_the_expert_brings_is_no_benefit_question(april):
    assert not text(april, "was bringt die expertin mit?").startswith("Die Robert Bosch Stiftung")


@pytest.mark.parametrize(
    "question",
    ["Can you explain the whole timeline in short?", "erklär mir den ablauf",
     "kannst du mir den zeitplan kurz erklären?", "gib mir einen überblick über den ablauf"],
)  # fmt: skip
def test_a_request_to_explain_a_topic(april, question):
    reply = text(april, question)
    assert reply.startswith(("The process at a glance:", "Ablauf im Überblick:")), reply


# -- the notice that no call is open ---------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "over"),
    [("Wann war noch mal das Abschlussevent?", "ist seit Ende März 2024 beendet"),
     ("Is this program still running?", "has been over since the end of March 2024")],
)  # fmt: skip
def test_an_answer_saying_the_program_is_over_gets_no_second_notice(matcher, sessions, line, over):
    said = console(applicant_router(matcher, sessions, LATER), f"{line}\n")
    assert over in said, said
    assert "Zurzeit läuft keine Ausschreibung" not in said and "No call is open" not in said
    assert said.count("🔔") == 1, said  # the next-call offer once


def test_the_pat_in_asking_her_role(matcher, sessions):
    line = "Guten Tag, ich bin die Pat:in aus dem Burgenlandkreis. Was genau ist meine Rolle?\n"
    said = console(applicant_router(matcher, sessions, SEPTEMBER), line)
    assert "Das Kernteam des Projekts" in said, said
    assert "nächste Ausschreibung" not in said, said


# -- more of tryout27's unhelpful rows ------------------------------------------------------

DEADLINE_EVENING = datetime(2023, 5, 3, 19, 0, tzinfo=UTC)  # 21:00 in Berlin on the day


def test_what_it_means_after_a_verdict_says_the_sentence_too(april):
    say(april, "u1", "Müssen wir einen Arbeitsvertrag mit dem Experten machen?")
    reply = text(april, "was heißt das genau?")
    assert reply.startswith("Kurz gesagt: Nein. Die Einstellung der Expert:in"), reply


@pytest.mark.parametrize(
    ("question", "lead"),
    [("Mist, wir haben die Frist heute verpasst, es ist schon 21 Uhr. Nimmt Lokalprojekte noch "
      "was an?", "Eine Uhrzeit nennt die Ausschreibung nicht"),
     ("nimmt lokalprojekte noch bewerbungen an?", "Ja. Die Bewerbungsfrist läuft noch")],
)  # fmt: skip
def test_whether_lokalprojekte_still_takes_applications(matcher, sessions, question, lead):
    router = applicant_router(matcher, sessions, DEADLINE_EVENING)
    reply = text(router, question)
    assert reply.startswith(lead), reply
    assert "heute, der 3. Mai 2023" in reply, reply


@pytest.mark.parametrize(
    ("first", "then", "lead"),
    [("Wann genau ist das Kick-off?", "Und wer muss da hin?", "Wer daran teilnimmt, nennt"),
     ("when is the closing event?", "who has to attend?", "The call does not say who attends")],
)  # fmt: skip
def test_who_attends_an_event(september, first, then, lead):
    say(september, "u1", first)
    reply = text(september, then)
    assert reply.startswith(lead), reply
    assert "Kernteam" in reply or "core team" in reply, reply


@pytest.mark.parametrize(
    ("question", "lead"),
    [("Gibt es die Ausschreibung auch auf Englisch?", "Die Ausschreibung ist auf Deutsch"),
     ("is the call available in english?", "The call is written in German"),
     ("kann ich mich auf englisch bewerben?", "In welcher Sprache die Bewerbung sein soll")],
)  # fmt: skip
def test_the_calls_own_language(april, question, lead):
    assert text(april, question).startswith(lead)


# -- tryout28's wrong answers ---------------------------------------------------------------


def test_a_yes_no_question_with_the_others_is_no_list_of_them(september):
    reply = text(
        september,
        "Hey, I work for the Hansestadt Stralsund, Amt für Soziales. Is the kick-off together "
        "with the other four Kommunen?",
    )
    assert not reply.startswith("The other participants"), reply


def test_still_apply_asked_first_then_who_writes(september):
    reply = text(september, "Können wir uns noch bewerben? Wir sind eine Stadt in Thüringen.")
    assert reply.startswith("Nein. Die Bewerbungsfrist ist vorbei"), reply


@pytest.mark.parametrize(
    "question",
    ["auch wenn die Frist vorbei ist?", "kann ich mich bewerben, auch wenn die frist vorbei ist?"],
)
def test_applying_even_if_the_deadline_passed_is_no(matcher, sessions, question):
    later = applicant_router(matcher, sessions, LATER)
    say(later, "u1", "Ich möchte noch eine Bewerbung schicken, an wen geht die?")
    reply = text(later, question)
    assert reply.startswith("Nein"), reply
    assert text(later, "ist die frist schon vorbei?", user="u2").startswith("Ja.")


@pytest.mark.parametrize(
    ("first", "question"),
    [(None, "What were the results of the program? Did Stralsund's city map actually work out?"),
     (None, "Did Stralsund's city map work out?"),
     ("Welche Städte haben teilgenommen?", "und wie ging es mit Pforzheim weiter?")],
)  # fmt: skip
def test_what_came_of_a_project_is_not_in_the_call(matcher, sessions, first, question):
    later = applicant_router(matcher, sessions, LATER)
    if first:
        say(later, "u1", first)
    reply = text(later, question)
    assert reply.startswith(("The call for applications does not say what came of it",
                             "Was daraus geworden ist, sagt die Ausschreibung nicht")), reply  # fmt: skip


def test_whether_the_jour_fixes_are_a_duty(september):
    say(september, "u1", "wie oft sind die Jour Fixes?")
    reply = text(september, "Sind die Pflicht?")
    assert reply.startswith("Das legt die Ausschreibung nicht fest"), reply
    assert "Buddy" in reply, reply


def test_someone_from_another_authority_as_the_expert(september):
    say(september, "u1", "Müssen die Expert:innen aus der IT kommen?")
    reply = text(
        september, "Darf es auch jemand aus einer anderen Behörde sein, z.B. vom Landratsamt?"
    )
    assert reply.startswith("Nein. Die externen Expert:innen kommen aus Wirtschaft"), reply


@pytest.mark.parametrize(
    ("question", "lead"),
    [("wer ist in der engeren Auswahl?", "Wer in der engeren Auswahl ist, nennt die Ausschreibung nicht"),
     ("who made the shortlist?", "The call does not say who is on the shortlist")],
)  # fmt: skip
def test_who_is_shortlisted_is_not_named(matcher, sessions, question, lead):
    router = applicant_router(matcher, sessions, DEADLINE_EVENING)
    say(router, "u1", "Wann finden die Vorgespräche statt?")
    reply = text(router, question)
    assert reply.startswith(lead), reply


@pytest.mark.parametrize(
    ("question", "lead"),
    [("Ich bin selbst aus der Ukraine geflüchtet und lebe jetzt in Halle. Kann ich mich für das "
      "Programm bewerben?", "Nein – bewerben können sich nur Verwaltungen"),
     ("Ich möchte meinen Sohn für das Programm anmelden, er ist 17 und kam letztes Jahr aus "
      "Syrien.", "Nein – bewerben können sich nur Verwaltungen"),
     ("I am a refugee, can I apply?", "No – only administrations can apply")],
)  # fmt: skip
def test_a_refugee_asking_to_take_part_is_told_who_applies(april, question, lead):
    reply = text(april, question)
    assert reply.startswith(lead), reply
    assert "Städte, Kommunen und Behörden" in reply or "Cities, municipalities" in reply


@pytest.mark.parametrize(
    ("first", "then", "lead"),
    [("Ich bin selbst geflüchtet. Kann ich mich bewerben?", "und als Expertin? ich bin "
      "Softwareentwicklerin", "Wie man Expert:in im Programm wird, sagt die Ausschreibung nicht"),
     ("We are a software company. Can we apply?", "ok so how do we become one of the external "
      "experts then?", "The call does not say how to become one of the experts")],
)  # fmt: skip
def test_how_to_become_an_expert_is_not_said(april, first, then, lead):
    say(april, "u1", first)
    reply = text(april, then)
    assert reply.startswith(lead), reply
    assert "Wirtschaft oder Zivilgesellschaft" in reply or "business or civil society" in reply


@pytest.mark.parametrize(
    ("question", "lead"),
    [("Kann auch ein Beamter Experte werden?", "Nein."),
     ("Wie werden die Expertinnen ausgewählt?", "Sie wählen selbst"),
     ("how do i become a german citizen", "I can't help with that")],
)  # fmt: skip
def test_becoming_an_expert_is_not_read_into_other_questions(april, question, lead):
    assert text(april, question).startswith(lead)


@pytest.mark.parametrize(
    ("question", "lead"),
    [("Ist es richtig, dass die Expert:innen ein ganzes Jahr bei uns bleiben?", "Nein."),
     ("bleibt die expertin ein halbes jahr?", "Ja."),
     ("does the expert stay a whole year?", "No."),
     ("does the expert stay for half a year?", "The project phase lasts six months")],
)  # fmt: skip
def test_a_year_or_half_a_year_of_the_expert(april, question, lead):
    assert text(april, question).startswith(lead)


def test_half_a_year_is_six_months():
    assert terms("ein halbes Jahr") == {"months": {6}}
    assert terms("half a year later")["months"] == {6}


def test_how_long_her_contract_runs(september):
    say(
        september,
        "u1",
        "Ich bin die neue Expertin in Pforzheim. Bei wem bin ich eigentlich angestellt?",
    )
    reply = text(september, "wie lange geht mein Vertrag?")
    assert reply.startswith("Die Projektphase dauert sechs Monate"), reply


@pytest.mark.parametrize(
    "question",
    [
        "Stimmt es, dass die Stiftung wieder fünf Kommunen fördert?",
        "fördert die stiftung nochmal projekte?",
    ],
)
def test_another_round_once_the_call_is_closed_is_the_next_call(matcher, sessions, april, question):
    later = applicant_router(matcher, sessions, LATER)
    reply = text(later, question)
    assert reply.startswith("Eine nächste Ausschreibung ist noch nicht bekannt"), reply
    assert not text(april, question).startswith("Eine nächste Ausschreibung")
