"""Rows left open by tryout14/15 (applicants in the console, never the code), each with
a test that fails on the code before it. Phrasings besides the try-outs' are our own.

- "nur in bayern oder bundesweit?" was a refusal, "ist das programm nur für
  ostdeutschland" and "is the call also open to administrations in Austria?" pickers:
  the call is open to cities, municipalities and authorities in Germany, all of it;
- "Werden die Personalkosten komplett übernommen?" was a picker of the pay, what is funded
  and the EUR 3,000: the call says so ("vollumfänglich aus dem Förderprogramm");
- "how much funding is there per project?" was a picker of the EUR 3,000, what is funded
  and the number of projects: the expert's pay and the EUR 3,000;
- "nur 5??" right after the five projects was a refusal: Ja, five;
- "ab wann arbeitet die person bei uns", "wann bekomme ich bescheid ob wir dabei sind?"
  were pickers whose best guess was the one option with a date; "wer stellt die person
  dann ein, wir?" a picker with the employment among its options.

Tryout16 (a fresh try-out of main 02fd13e), its wrong answers:
- W "wir haben noch keinen experten ausgewählt, ist das schlimm?" was one's own selection
  ("Wie es um Ihre Bewerbung steht, weiß ich nicht");
- W "wer ist die ansprechperson" right after the feedback was the feedback again;
- W "ok, wie kann ich benachrichtigt werden" after the next call's answer (2026) was the
  feedback's step: the next call's message;
- W "can we reject all candidates?" was "Yes. You choose": the call does not say;
- W "müssen alle vom kernteam hin?" after the kick-off was "Ja." with the core team
  ("hin" was read as a typo of "ihn"): the call does not say who attends;
- W "gibt es eine vorlage" right after a picker with the sketch (June) was the
  application's form: Ja, the sketch's template.

Its unhelpful rows mended here:
- "und dann?" after the project period repeated it (tryout15 "and then?" too): the step
  after a dated answer (the closing event and the evaluation; after the last step, that
  the call names none); "wir sind in der engeren auswahl, wie geht es jetzt weiter?",
  "was kommt als nächstes" (June) were pickers and a refusal: the next step from today;
- "ja oder nein: wird die expert:in komplett bezahlt?" was a refusal ("yes or no: can a
  district apply?" had no "Yes."): the form asked for is taken off the question;
- "ist es noch möglich heute abzugeben?" the evening before the deadline was a picker,
  then "bis wie viel uhr morgen?" the off-topic line ("abzugeben" is handing in too);
- "is it 5 projects total or per federal state?" was the off-topic line: five in all;
- "selection criteria?", "nach welchen kriterien wird ausgewählt?", "wie werden die
  projekte ausgewählt" (tryout15/16) were pickers: the call names no criteria, only the
  talks with the shortlist and the decision after them;
- "what happens in august" and "and then what happens end of March?" were pickers: the
  steps of that month (the profiles and the choice; the closing event); a month with
  none ("was passiert im dezember?") says so, with the timeline;
- "welche themen zb?" was a one-option picker ("zb" a word the knowledge base did not
  know): "zb", "bspw", "beispielsweise" are fillers;
- "können sich zwei gemeinden gemeinsam bewerben?" was a picker, "Can a Landkreis apply
  together with two municipalities as a joint application?" the eligibility as if it
  answered: the call does not say whether several may apply together;
- in 2026 "hi, can municipalities still apply?" opened with who may apply (and in German
  "können sich kommunen noch bewerben?" with "Ja."): whether the call is still open;
  "hab nen alten link gefunden, kann man sich noch bewerben?" and "Found this on an old
  website - is the call from 2023 still open?" were a picker and a refusal: the question
  after the comma or dash, when the FAQ is sure of it;
- S "thanks, bye" after a German answer was answered in German, "danke, dann schreibe ich
  eine mail" after English answers in English: thanks and good-byes in the words'
  language (unless one was chosen);
- "wie läuft die bewerbung ab" was where to hand in (none named): the timeline;
- "wer bezahlt die person" was who funds the program: the expert's pay;
- "Does the expert work in our office or remotely?" (14, 15) and "sitzt die expertin bei
  uns im büro oder im homeoffice?" were a picker and a refusal: not decided, with the role.

Tryout17 (a fresh try-out of this round's state, 262d733), its wrong answers:
- W "will the evaluation be public?", "sind die ergebnisse der evaluation online" were
  "Yes."/"Ja.": the call does not say;
- W "bis wan müssen wir auswählen" after the profiles was one's own selection;
- W "welche städte wurden gefördert?" was the number of projects: the five by name;
and unhelpful rows: "wer ist charlotte bock" (off-topic line) → her contact lines;
"kostet uns das was?" (picker) → not decided, with what is funded; "echt vorbei?" after
the deadline (2026) was a refusal ("wirklich vorbei?" was "Ja."): "echt" doubts as
"wirklich" does.
"""

from datetime import UTC, datetime

import pytest

from faq.form import (
    asks_how_much_funding,
    asks_region_only,
    asks_selection,
    asks_who_employs,
    echoes_a_number,
)
from tests.chat import applicant_router, say, text

APRIL = datetime(2023, 4, 20, 8, 0, tzinfo=UTC)  # the call is open
JUNE = datetime(2023, 6, 20, 8, 0, tzinfo=UTC)  # the talks are over
SEPTEMBER = datetime(2023, 9, 15, 8, 0, tzinfo=UTC)  # before the kick-off
NOW = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)  # the program is over
EVENING_BEFORE = datetime(2023, 5, 2, 21, 0, tzinfo=UTC)  # 23:00, the deadline is tomorrow
UNDECIDED = ("Das legt die Ausschreibung nicht fest", "The call for applications does not decide")


@pytest.fixture
def april(matcher, sessions):
    return applicant_router(matcher, sessions, APRIL)


@pytest.mark.parametrize(
    ("message", "no"),
    [("nur in bayern oder bundesweit?", "Nein."),
     ("ist das programm nur für ostdeutschland", "Nein."),
     ("Gilt die Ausschreibung nur für Niedersachsen?", "Nein."),
     ("Hello, is the call also open to administrations in Austria?", "No."),
     ("Können sich Gemeinden aus der Schweiz bewerben?", "Nein."),
     ("is this only for towns in eastern germany?", "No.")],
)  # fmt: skip
def test_the_call_is_open_to_all_of_germany_and_no_further(april, message, no):
    reply = text(april, message)
    assert reply.startswith(no), reply
    assert "Deutschland" in reply or "Germany" in reply


@pytest.mark.parametrize(
    "message",
    ["Wir sind aus Bayern, dürfen wir uns bewerben?", "ist das bundesweit?",
     "Gibt es ein ähnliches Programm in Österreich?", "Können Expert:innen aus Österreich kommen?",
     "Liegt Torgau in Sachsen?", "Wie ist das Wetter in Bayern?"],
)  # fmt: skip
def test_a_region_named_otherwise_is_no_question_of_where_the_call_is_open(message):
    assert not asks_region_only(message)


def test_a_town_in_a_land_may_apply(april):
    assert text(april, "Wir sind aus Bayern, dürfen wir uns bewerben?").startswith("Ja.")


@pytest.mark.parametrize(
    ("message", "verdict"),
    [("Werden die Personalkosten komplett übernommen?", "Ja."),
     ("Is the expert's salary fully covered?", "Yes.")],
)  # fmt: skip
def test_a_picker_whose_options_all_settle_it_the_same_way_answers(april, message, verdict):
    reply = text(april, message)
    assert reply.startswith(verdict), reply
    assert "TVöD" in reply


def test_a_word_the_best_guess_does_not_know_is_not_settled_by_it(april):
    # "komplett übernommen" is the pay's yes, travel costs are not the pay
    reply = text(april, "werden reisekosten komplett übernommen?")
    assert not reply.startswith("Ja."), reply


@pytest.mark.parametrize(
    "message",
    ["how much funding is there per project?", "wieviel fördergeld gibt es pro kommune",
     "wie hoch ist die Förderung pro Projekt?"],
)  # fmt: skip
def test_how_much_funding_is_the_pay_and_the_project_money(april, message):
    reply = text(april, message)
    assert "TVöD" in reply and ("3.000" in reply or "3,000" in reply), reply


@pytest.mark.parametrize(
    "message",
    ["wie viel verdient die expertin?", "Gibt es 5000 Euro Förderung?", "how much is the pay?"],
)  # fmt: skip
def test_pay_and_yes_no_questions_are_not_how_much_funding(message):
    assert not asks_how_much_funding(message)


@pytest.mark.parametrize(
    ("first", "again", "yes"),
    [("wie viele projekte werden gefördert?", "nur 5??", "Ja."),
     ("how many projects get funded?", "only five?", "Yes."),
     ("wie viel geld gibt es für projektzwecke?", "nur 3000 euro?", "Ja.")],
)  # fmt: skip
def test_the_number_just_said_asked_back_is_yes(april, first, again, yes):
    say(april, "u1", first)
    reply = text(april, again, user="u1")
    assert reply.startswith(yes), reply


def test_another_number_or_a_year_is_not_the_one_just_said():
    five = "Gefördert werden deutschlandweit fünf Projekte."
    assert not echoes_a_number("nur 6??", five)
    assert not echoes_a_number("5 projekte pro bundesland?", five)
    assert not echoes_a_number("2024?", "Die Projektphase endet Ende März 2024.")


@pytest.mark.parametrize(
    ("message", "expected"),
    [("ab wann arbeitet die person bei uns", "Oktober 2023"),
     ("wann bekomme ich bescheid ob wir dabei sind?", "Rückmeldung"),
     ("wer stellt die person dann ein, wir?", "Arbeitnehmerüberlassung"),
     ("wer stellt den experten ein, wir oder ihr?", "Arbeitnehmerüberlassung")],
)  # fmt: skip
def test_the_one_option_that_can_answer_it_answers(april, message, expected):
    reply = text(april, message)
    assert expected in reply and "Meinen Sie" not in reply, reply


@pytest.mark.parametrize(
    "message",
    ["Wann ist die Bewerbungsfrist für das Programm Kommune Innovativ?",
     "When was the Robert Bosch Stiftung founded?", "wann wurde lokalprojekte gegründet"],
)  # fmt: skip
def test_a_when_question_of_something_else_is_not_the_dated_option(april, message):
    reply = text(april, message)
    assert (
        "Meinen Sie" in reply
        or "Do you mean" in reply
        or "Ausschreibung keine" in reply
        or ("call for applications" in reply and "2023" not in reply)
    ), reply


def test_who_employs():
    assert asks_who_employs("who hires the person?")
    assert asks_who_employs("bei wem ist die Expertin angestellt?")
    assert not asks_who_employs("wer ist die Pat:in?")


def test_choosing_an_expert_is_not_ones_own_selection(matcher, sessions):
    router = applicant_router(matcher, sessions, SEPTEMBER)
    reply = text(router, "wir haben noch keinen experten ausgewählt, ist das schlimm?")
    assert "Wie es um Ihre Bewerbung steht" not in reply, reply
    assert "Wie es um Ihre Bewerbung steht" in text(router, "wurden wir ausgewählt?", user="u2")


def test_the_contact_person_after_the_feedback_is_not_the_feedback(matcher, sessions):
    router = applicant_router(matcher, sessions, SEPTEMBER)
    say(router, "u1", "wann bekommen wir bescheid ob wir dabei sind?")
    reply = text(router, "wer ist die ansprechperson")
    assert "Rückmeldung zur Teilnahme am Förderprogramm" not in reply.split("\n")[0], reply


def test_how_to_be_notified_after_the_call_is_the_next_calls_message(matcher, sessions):
    router = applicant_router(matcher, sessions, NOW)
    say(router, "u1", "wann kommt die nächste ausschreibung")
    reply = text(router, "ok, wie kann ich benachrichtigt werden")
    assert "neue Ausschreibung" in reply and "Vorgespräche" not in reply, reply


def test_how_we_are_told_of_the_selection_is_no_sign_up(april):
    reply = text(april, "wie werden wir informiert, ob wir dabei sind?")
    assert "schreibe ich Ihnen" not in reply, reply


@pytest.mark.parametrize(
    ("first", "then"),
    [("what happens in august", "can we reject all candidates?"),
     ("wo findet das kick-off statt?", "müssen alle vom kernteam hin?")],
)  # fmt: skip
def test_what_the_call_leaves_open_is_no_yes(matcher, sessions, first, then):
    router = applicant_router(matcher, sessions, JUNE)
    say(router, "u1", first)
    reply = text(router, then)
    assert reply.startswith(UNDECIDED), reply


def test_choosing_the_expert_ourselves_is_still_yes(april):
    assert text(april, "Can we choose the expert ourselves?").startswith("Yes.")


def test_a_template_right_after_the_sketch_is_the_sketchs(matcher, sessions):
    router = applicant_router(matcher, sessions, JUNE)
    say(router, "u1", "bis wann müssen wir die skizze abgeben")
    reply = text(router, "gibt es eine vorlage")
    assert reply.startswith("Ja.") and "Vorlage" in reply, reply
    # asked alone, the application's form, which the call does not name
    assert "Bewerbungsformular" in text(router, "gibt es eine vorlage", user="u2")


@pytest.mark.parametrize(
    ("first", "then", "expected"),
    [("und wie lange läuft das", "und dann?", "Abschlussevent mit der Robert Bosch"),
     ("for how many months?", "and then?", "scientific evaluation"),
     ("wann sind die vorgespräche?", "und was dann?", "Rückmeldung zur Teilnahme"),
     ("wann ist das abschlussevent?", "und danach?", "Einen weiteren Schritt nennt")],
)  # fmt: skip
def test_and_then_is_the_step_after_the_answer(matcher, sessions, first, then, expected):
    router = applicant_router(matcher, sessions, JUNE)
    say(router, "u1", first)
    assert expected in text(router, then)


@pytest.mark.parametrize(
    "message",
    ["wir sind in der engeren auswahl, wie geht es jetzt weiter?",
     "wir sind ausgewählt worden!! was kommt als nächstes", "what happens next?"],
)  # fmt: skip
def test_whats_next_is_the_next_step_from_today(matcher, sessions, message):
    router = applicant_router(matcher, sessions, JUNE)  # the sketch talks ended 2 June
    reply = text(router, message)
    assert "Anfang August" in reply or "early August" in reply, reply


def test_whats_next_while_the_call_is_open_is_the_deadline(april):
    assert "3. Mai 2023" in text(april, "wie geht es jetzt weiter?")


@pytest.mark.parametrize(
    ("message", "expected"),
    [("Und wenn die sechs Monate rum sind, was dann?", "Abschlussevent"),
     ("nach den vorgesprächen, was dann?", "Rückmeldung"),
     ("after the six months, what then?", "closing event")],
)  # fmt: skip
def test_a_step_named_before_what_then_is_the_step_after_it(april, message, expected):
    assert expected in text(april, message)


@pytest.mark.parametrize(
    ("message", "yes"),
    [("ja oder nein: wird die expert:in komplett bezahlt?", "Ja."),
     ("yes or no: can a district apply?", "Yes."),
     ("Ja oder nein - gibt es eine Vorlage für die Skizze?", "Ja.")],
)  # fmt: skip
def test_the_form_asked_for_before_the_question_is_no_choice(april, message, yes):
    assert text(april, message).startswith(yes)


def test_handing_in_with_zu_the_evening_before(matcher, sessions):
    router = applicant_router(matcher, sessions, EVENING_BEFORE)
    assert text(router, "ist es noch möglich heute abzugeben?").startswith("Ja, bis morgen")
    reply = text(router, "bis wie viel uhr morgen?")
    assert reply.startswith("Eine Uhrzeit nennt die Ausschreibung nicht"), reply


@pytest.mark.parametrize(
    "message",
    ["is it 5 projects total or per federal state?", "5 projekte pro bundesland?",
     "wie viele projekte gibt es pro bundesland?"],
)  # fmt: skip
def test_the_five_are_for_all_of_germany_not_per_state(april, message):
    reply = text(april, message)
    assert "deutschlandweit fünf" in reply or "Five projects across Germany" in reply, reply


@pytest.mark.parametrize(
    "message",
    ["selection criteria?", "nach welchen kriterien wird ausgewählt?",
     "wie werden die projekte ausgewählt", "gibt es auswahlkriterien?"],
)  # fmt: skip
def test_selection_criteria_are_not_in_the_call(april, message):
    reply = text(april, message)
    assert reply.startswith(("Auswahlkriterien nennt", "The call for applications names no")), reply
    assert "Vorgespräche" in reply or "preliminary talks" in reply


@pytest.mark.parametrize(
    "message",
    ["wie wird die expertin ausgewählt?", "Wer wählt die teilnehmenden Städte aus?",
     "können wir ausgewählt werden?"],
)  # fmt: skip
def test_choosing_the_expert_or_who_chooses_is_no_question_of_criteria(message):
    assert not asks_selection(message)


@pytest.mark.parametrize(
    ("message", "expected"),
    [("what happens in august", ("one to three", "end of August")),
     ("and then what happens end of March?", ("closing event",)),
     ("was passiert im oktober?", ("Kick-off",)),
     ("was passiert im dezember?", ("Für Dezember nennt die Ausschreibung keinen", "1."))],
)  # fmt: skip
def test_what_happens_in_a_month_is_its_steps(april, message, expected):
    reply = text(april, message)
    assert all(part in reply for part in expected), reply
    assert "Meinen Sie" not in reply and "Do you mean" not in reply


def test_for_example_is_a_filler(april):
    reply = text(april, "welche themen zb?")
    assert "Wohnen, Arbeit" in reply and "Meinen Sie" not in reply, reply


@pytest.mark.parametrize(
    "message",
    ["können sich zwei gemeinden gemeinsam bewerben?",
     "Can a Landkreis apply together with two municipalities as a joint application?",
     "können wir uns zusammen mit der nachbarstadt bewerben?"],
)  # fmt: skip
def test_a_joint_application_is_not_decided(april, message):
    assert text(april, message).startswith(UNDECIDED)


def test_a_district_alone_may_apply(april):
    assert text(april, "Können Landkreise sich bewerben?").startswith("Ja.")


@pytest.mark.parametrize(
    ("message", "no"),
    [("können sich kommunen noch bewerben?", "Nein."),
     ("hi, can municipalities still apply?", "No."),
     ("hab nen alten link gefunden, kann man sich noch bewerben?", "Nein."),
     ("Found this on an old website - is the call from 2023 still open?", "No.")],
)  # fmt: skip
def test_still_open_in_2026_is_no(matcher, sessions, message, no):
    router = applicant_router(matcher, sessions, NOW)
    assert text(router, message).startswith(no)


def test_still_open_while_it_is_is_yes_and_who_may_stays_eligibility(april):
    assert text(april, "können sich kommunen noch bewerben?").startswith("Ja. Die Bewerbungsfrist")
    assert "Städte, Kommunen" in text(april, "Können sich Landkreise bewerben?", user="u2")


@pytest.mark.parametrize(
    ("first", "then", "starts"),
    [("wer kann sich bewerben?", "thanks, bye", "Goodbye"),
     ("wer kann sich bewerben?", "thank you!", "You're welcome"),
     ("is the call still open?", "danke, dann schreibe ich eine mail", "Gern geschehen")],
)  # fmt: skip
def test_thanks_and_good_bye_in_their_own_words_language(april, first, then, starts):
    say(april, "u1", first)
    assert text(april, then).startswith(starts)


def test_a_chosen_language_keeps_thanks_in_it(april):
    say(april, "u1", "/sprache de")
    say(april, "u1", "wer kann sich bewerben?")
    assert text(april, "thank you!").startswith("Gern geschehen")


@pytest.mark.parametrize(
    "message", ["wie läuft die bewerbung ab", "wie funktioniert die bewerbung?"]
)
def test_how_the_application_goes_is_the_timeline(april, message):
    reply = text(april, message)
    assert reply.startswith("Ablauf im Überblick"), reply


def test_how_to_hand_in_is_still_where_to_hand_in(april):
    assert "nennt die Ausschreibung nicht" in text(april, "wie reiche ich die bewerbung ein?")


@pytest.mark.parametrize("message", ["wer bezahlt die person", "who pays the person?"])
def test_who_pays_the_person_is_the_experts_pay(april, message):
    assert "TVöD" in text(april, message)


def test_who_pays_the_program_stays_the_funder(april):
    assert text(april, "wer bezahlt das programm?").startswith("Das Programm wird von der Robert")


@pytest.mark.parametrize(
    "message",
    ["Does the expert work in our office or remotely?",
     "sitzt die expertin bei uns im büro oder im homeoffice?"],
)  # fmt: skip
def test_where_the_expert_works_is_not_decided(april, message):
    reply = text(april, message)
    assert reply.startswith(UNDECIDED), reply
    assert "Verwaltungsteam" in reply or "administration team" in reply


@pytest.mark.parametrize(
    "message", ["will the evaluation be public?", "sind die ergebnisse der evaluation online"]
)
def test_whether_the_evaluation_is_published_is_not_decided(matcher, sessions, message):
    router = applicant_router(matcher, sessions, NOW)
    assert text(router, message).startswith(UNDECIDED)


def test_choosing_by_when_is_no_status(matcher, sessions):
    router = applicant_router(matcher, sessions, JUNE)
    say(router, "u1", "wann kommen die profiel der bewerber")
    assert "Wie es um Ihre Bewerbung steht" not in text(router, "bis wan müssen wir auswählen")


@pytest.mark.parametrize(
    "message", ["welche städte wurden gefördert?", "which projects were funded"]
)
def test_which_towns_are_the_five_by_name(matcher, sessions, message):
    router = applicant_router(matcher, sessions, NOW)
    assert "Kalletal" in text(router, message)


@pytest.mark.parametrize(
    ("message", "expected"),
    [("wer ist charlotte bock", "charlotte.bock@lokalprojekte.de"),
     ("who is Christine Prokop-Scheer?", "christine.prokop@lokalprojekte.de")],
)  # fmt: skip
def test_who_a_contact_is_gives_her_lines(april, message, expected):
    reply = text(april, message)
    assert expected in reply and "Lokalprojekte" in reply, reply


def test_what_it_costs_us_is_not_decided(april):
    assert text(april, "kostet uns das was?").startswith(UNDECIDED)


@pytest.mark.parametrize(("now", "start"), [(NOW, "Ja."), (APRIL, "Nein.")])
def test_really_over_in_other_words(matcher, sessions, now, start):
    router = applicant_router(matcher, sessions, now)
    say(router, "u1", "wann ist die frist?")
    assert text(router, "echt vorbei?").startswith(start)


def test_and_then_after_the_whole_timeline_is_what_comes_now(matcher, sessions):
    # (found trying the console: the off-topic line, once "wie läuft die bewerbung ab"
    # had become the timeline)
    router = applicant_router(matcher, sessions, JUNE)
    say(router, "u1", "wie läuft die bewerbung ab")
    assert "Anfang August" in text(router, "und dann?")


def test_the_command_list_is_not_shown_twice_in_a_row(april):
    # (tryout15–17: "bist du ein mensch?" right after "wer bist du" listed them again)
    assert "/erinnerungen" in text(april, "wer bist du")
    reply = text(april, "bist du ein mensch?")
    assert "kein Mensch" in reply and "/erinnerungen" not in reply, reply
    assert "/erinnerungen" in text(april, "hilfe")  # asked for: shown
