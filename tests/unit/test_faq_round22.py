"""Rows left open by tryout19 and found by tryout20 (applicants in the console, never
the code), each with a test that fails on the code before it. Phrasings besides the
try-outs' are our own.

- the five participants were named as chosen in April 2023, while the call was open
  and nobody was selected yet ("Stehen die fünf Teilnehmer schon fest?", "ist Torgau
  dabei?" → "Ja."): until the selected sketch their projects (19 May) nobody is chosen;
  the digital tools' answer named the participants' projects too;
- "was ist aus der webwegweiser sache in torgau geworden", "what came out of the
  evaluation?": the call names no results (it was written before them) – said so, with
  that town's project or the evaluation;
- "was war die stralsund-app?" was a picker ("stralsund-app" is one word);
- "wann sollten die vorgespräche gewesen sein" was a refusal ("sollten", "gewesen" are
  no content words);
- "is the salary incl. employer contributions?" was a picker: the call does not decide it.
"""

from datetime import UTC, datetime

import pytest

from faq.form import asks_outcome
from faq.normalize import is_stopword
from tests.chat import applicant_router, say, text

APRIL = datetime(2023, 4, 20, 8, 0, tzinfo=UTC)  # the call is open
JUNE = datetime(2023, 6, 20, 8, 0, tzinfo=UTC)  # the five are chosen and sketching
NOW = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)  # the program is over
NOT_YET = ("Wer gefördert wird, steht noch nicht fest", "Who will be funded is not decided yet")
FIVE = ("Stralsund", "Kalletal", "Burgenlandkreis", "Torgau", "Pforzheim")
NO_RESULTS = (
    "Was daraus geworden ist, sagt die Ausschreibung nicht",
    "The call for applications does not say what came",
)


@pytest.fixture
def april(matcher, sessions):
    return applicant_router(matcher, sessions, APRIL)


@pytest.fixture
def june(matcher, sessions):
    return applicant_router(matcher, sessions, JUNE)


@pytest.fixture
def later(matcher, sessions):
    return applicant_router(matcher, sessions, NOW)


# -- nobody is chosen while the call is open ------------------------------------------


@pytest.mark.parametrize(
    "message",
    ["Stehen die fünf Teilnehmer eigentlich schon fest?", "welche kommunen machen mit?",
     "ist torgau dabei?", "was macht kalletal?", "ist leipzig dabei?",
     "which towns were selected?"],
)  # fmt: skip
def test_in_april_nobody_is_chosen_yet(april, message):
    reply = text(april, message)
    assert reply.startswith(NOT_YET), reply
    assert not any(place in reply for place in FIVE), reply
    assert "17" in reply  # when the decision comes: after the talks (10 to 17 May)


def test_a_follow_up_in_april_names_nobody_either(april):
    say(april, "u1", "Stehen die fünf Teilnehmer eigentlich schon fest?")
    reply = text(april, "welche sind das?", user="u1")
    assert not any(place in reply for place in FIVE), reply


@pytest.mark.parametrize(
    ("message", "says"),
    [("ist torgau dabei?", "Ja."), ("welche kommunen machen mit?", "Stralsund"),
     ("ist leipzig dabei?", "Nein – Leipzig")],
)  # fmt: skip
def test_in_june_the_five_are_known(june, message, says):
    reply = text(june, message)
    assert says in reply and not reply.startswith(NOT_YET), reply


def test_the_digital_tools_name_no_participants_project(april):
    reply = text(april, "was für digitale werkzeuge sind gemeint?")
    assert "Onboarding" not in reply and "Stadtkarte" not in reply, reply
    assert "Wohnraum" in reply, reply  # the call's own example


# -- outcomes: the call names none ----------------------------------------------------


@pytest.mark.parametrize(
    ("message", "says"),
    [("was ist aus der webwegweiser sache in torgau geworden", "Torgau"),
     ("hat es in kalletal geklappt?", "Kalletal"),
     ("how did the pforzheim project go?", "Pforzheim"),
     ("what came out of the evaluation?", "evaluation"),
     ("was hat die evaluierung ergeben", "Evaluation")],
)  # fmt: skip
def test_an_outcome_is_not_in_the_call(later, message, says):
    reply = text(later, message)
    assert reply.startswith(NO_RESULTS) and says in reply, reply
    # one town asked of: its line only, not the five
    assert sum(place in reply for place in FIVE) <= 1, reply


def test_what_came_of_the_five_just_named(later):
    say(later, "u1", "wer hat mitgemacht")
    reply = text(later, "und was ist daraus geworden?", user="u1")
    assert reply.startswith(NO_RESULTS) and "Torgau" in reply, reply


@pytest.mark.parametrize(
    "message",
    ["was ist aus dem bauprojekt in leipzig geworden", "was kam beim fußball raus"],
)
def test_an_outcome_of_something_else_gets_no_results_line(later, message):
    assert not text(later, message).startswith(NO_RESULTS)


@pytest.mark.parametrize(
    ("message", "outcome"),
    [("what came out of the evaluation?", True), ("wie lief das projekt in torgau", True),
     ("was sind die ergebnisse", True), ("Will the results be scientifically assessed?", False),
     ("where can I read the evaluation results?", False), ("wann ist die frist", False),
     ("wer hat mitgemacht", False)],
)  # fmt: skip
def test_asks_outcome(message, outcome):
    assert asks_outcome(message) is outcome


# -- smaller rows ---------------------------------------------------------------------


def test_a_place_and_app_in_one_word_is_that_place(later):
    reply = text(later, "was war die stralsund-app?")
    assert reply.startswith("Hansestadt Stralsund – „Interaktive Stadtkarte"), reply


@pytest.mark.parametrize("word", ["sollten", "gewesen", "worden", "hätten", "könnten", "wäre"])
def test_auxiliaries_are_no_content(word):
    from faq.normalize import tokens

    assert all(is_stopword(tok) for tok in tokens(word))


def test_when_the_talks_should_have_been(june):
    reply = text(june, "wann sollten die vorgespräche gewesen sein")
    assert "10. Mai 2023" in reply and "17. Mai 2023" in reply, reply


@pytest.mark.parametrize(
    "message",
    ["is the salary incl. employer contributions?", "is the pay including social security?"],
)
def test_what_the_pay_includes_is_not_decided(april, message):
    reply = text(april, message)
    assert reply.startswith("The call for applications does not decide"), reply
    assert "TVöD" in reply


# -- tryout20's wrong answers besides the five ----------------------------------------

DEADLINE_EVENING = datetime(2023, 5, 3, 19, 0, tzinfo=UTC)  # 21:00 in Berlin
SEPTEMBER = datetime(2023, 9, 15, 8, 0, tzinfo=UTC)
THEN = ("Was dann gilt, sagt die Ausschreibung nicht", "The call for applications does not say what")


@pytest.mark.parametrize(
    ("message", "says"),
    [("I submitted today. What happens next?", "preliminary talks"),
     ("wir haben heute eingereicht. wie gehts weiter?", "Vorgespräche")],
)  # fmt: skip
def test_handed_in_today_then_what_comes_next(matcher, sessions, message, says):
    reply = text(applicant_router(matcher, sessions, DEADLINE_EVENING), message)
    assert says in reply and "still open" not in reply, reply


def test_missing_the_step_just_named_is_not_the_deadline(june):
    say(june, "u1", "when's the final sketch meeting?")
    reply = text(june, "we missed it, what now?", user="u1")
    assert reply.startswith(THEN) and "29 May 2023" in reply, reply
    assert "deadline" not in reply


def test_the_deadline_missed_is_still_the_deadline(june):
    say(june, "u1", "when's the final sketch meeting?")
    assert "3 May 2023" in text(june, "we missed the deadline, what now?", user="u1")


@pytest.mark.parametrize(
    ("message", "says"),
    [("Our expert candidate withdrew. what now?", "profiles"),
     ("unsere expertin ist abgesprungen, was nun?", "Profile"),
     ("die patin ist krank, was tun?", "Pat:in")],
)  # fmt: skip
def test_someone_dropping_out_is_not_covered(matcher, sessions, message, says):
    reply = text(applicant_router(matcher, sessions, SEPTEMBER), message)
    assert reply.startswith(THEN) and says in reply, reply
    assert "3. Mai" not in reply and "3 May" not in reply, reply


def test_a_day_asked_after_the_hours_is_their_day(later):
    say(later, "u1", "wann ist frau bock erreichbar?")
    reply = text(later, "heute ist sonntag, geht das?", user="u1")
    assert "niemand erreichbar" in reply and "Bewerbungsfrist" not in reply, reply


# -- tryout20's unhelpful rows --------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "kind"),
    [("was it online?", "yes_no"), ("was Pforzheim one of them?", "yes_no"),
     ("was the deadline in may?", "yes_no"), ("was macht torgau?", None),
     ("was ist das?", None), ("was gibt es in torgau", None)],
)  # fmt: skip
def test_english_was_asks_yes_or_no(message, kind):
    from faq.form import question_kind

    assert question_kind(message) == kind


def test_was_one_of_them_is_a_yes(later):
    assert text(later, "was Pforzheim one of them?").startswith("Yes."), text(
        later, "was Pforzheim one of them?"
    )


@pytest.mark.parametrize(
    ("message", "says"),
    [("great, and how many get funded?", "Five projects"),
     ("super, und wie viele werden gefördert?", "fünf Projekte")],
)  # fmt: skip
def test_pleased_with_the_answer_before_is_no_part_of_the_question(april, message, says):
    assert says in text(april, message).split("\n")[0]


@pytest.mark.parametrize("message", ["Have a nice weekend!", "have a great weekend"])
def test_a_good_wish_is_no_question(april, message):
    assert not text(april, message).startswith(("Yes", "No"))


@pytest.mark.parametrize("message", ["who funded it?", "wer hat das finanziert?"])
def test_who_funded_it_is_the_funder(later, message):
    assert "Robert Bosch Stiftung" in text(later, message).split("\n")[0]


def test_two_quick_ones_heading_is_no_part(matcher, sessions):
    eve = applicant_router(matcher, sessions, datetime(2023, 5, 2, 21, 0, tzinfo=UTC))
    reply = text(eve, "two quick ones: what's the deadline and who can apply?")
    assert "3 May 2023" in reply and "Cities, municipalities" in reply, reply
    assert "Do you mean" not in reply


@pytest.mark.parametrize(
    ("message", "says"),
    [("Wir sind ausgewählt worden 🎉 was jetzt?", "Profile"),
     ("we were selected! what now?", "profiles")],
)  # fmt: skip
def test_selected_what_now_is_the_next_step_from_today(june, message, says):
    reply = text(june, message)
    assert says in reply and "August 2023" in reply, reply


NIGHT_BEFORE = datetime(2023, 5, 2, 21, 0, tzinfo=UTC)  # 23:00 in Berlin


def test_an_extension_after_the_deadline_named_before(matcher, sessions):
    night = applicant_router(matcher, sessions, NIGHT_BEFORE)
    message = "Habe gerade gesehen dass die Frist morgen ist. Kann man Verlängerung beantragen?"
    reply = text(night, message)
    assert reply.startswith("Von einer Verlängerung steht in der Ausschreibung nichts"), reply


def test_from_when_tomorrow_after_the_hours(matcher, sessions):
    night = applicant_router(matcher, sessions, NIGHT_BEFORE)
    say(night, "u1", "kann ich noch jemanden anrufen heute nacht")
    reply = text(night, "und morgen ab wann?", user="u1")
    assert "9–17" in reply and "10–16" in reply, reply


def test_hours_of_her_right_after_the_employment(april):
    say(april, "u1", "Was heißt Arbeitnehmerüberlassung hier konkret?")
    reply = text(april, "und wie viele Stunden pro Woche arbeitet sie bei uns?", user="u1")
    assert reply.startswith("Stunden oder Zeitaufwand nennt die Ausschreibung nicht"), reply


def test_back_then_is_no_content(later):
    reply = text(later, "Wie war das damals mit der Bezahlung der Expert:innen?")
    assert "TVöD" in reply and "Meinen Sie" not in reply, reply


def test_which_ones_right_after_the_count(june):
    say(june, "u1", "Wie viele Kommunen wurden ausgewählt?")
    reply = text(june, "welche denn?", user="u1")
    assert "Torgau" in reply and "Pforzheim" in reply, reply


@pytest.mark.parametrize(
    "message",
    ["Wir haben noch keine Profile bekommen, ist das normal?",
     "we haven't received any profiles yet, is that normal?",
     "haben immer noch keine profile bekommen, ist das normal?"],
)  # fmt: skip
def test_no_profiles_yet_is_for_lokalprojekte_to_say(matcher, sessions, message):
    reply = text(applicant_router(matcher, sessions, SEPTEMBER), message)
    assert "Lokalprojekte" in reply.split("\n")[0] and "August 2023" in reply, reply
    assert "next call" not in reply and "nächste Ausschreibung" not in reply, reply


def test_a_running_program_s_call_still_holds(matcher, sessions):
    autumn = applicant_router(matcher, sessions, SEPTEMBER)
    reply = text(autumn, "wer ist alles im kernteam?")
    assert "Das gilt für die Ausschreibung" in reply and "Das galt" not in reply, reply
    later = applicant_router(matcher, sessions, NOW)
    assert "Das galt für die Ausschreibung" in text(later, "wer ist alles im kernteam?")


@pytest.mark.parametrize(
    ("message", "lead"),
    [("hab die Ausschreibung gefunden. Ist die noch aktuell?", "Nein."),
     ("ist die ausschreibung noch aktuell?", "Nein."),
     ("hi, found an old link - is this still running?", "No.")],
)  # fmt: skip
def test_a_call_found_later_is_not_open(later, message, lead):
    assert text(later, message).startswith(lead)


def test_a_next_call_asked_is_not_the_state_of_this_one(later):
    assert not text(later, "kommt nochmal ein call").startswith(("Nein", "No"))


def test_who_pays_a_named_cost_is_not_the_funder(april):
    reply = text(april, "wer zahlt dann die sozialabgaben")
    assert not reply.startswith("Das Programm wird von der Robert Bosch Stiftung"), reply


def test_nice_to_meet_you_asks_nothing_of_the_call(april):
    assert "Meinen Sie" not in text(april, "Nice to meet you") and "Do you mean" not in text(
        april, "Nice to meet you"
    )


def test_the_five_are_known_from_the_first_sketching_day(kb):
    from jobs.editions import default_edition
    from jobs.program import answer_text, not_known_yet

    edition, entry = default_edition(), kb.get("participants")
    assert entry.known_from == "sketch_phase" and entry.answer_before
    before, first = datetime(2023, 5, 18).date(), datetime(2023, 5, 19).date()
    assert not_known_yet(entry, edition, before) and not not_known_yet(entry, edition, first)
    assert "Torgau" in answer_text(entry, "de", edition, datetime(2023, 5, 19, 8, tzinfo=UTC))
    assert not not_known_yet(kb.get("deadline"), edition, before)  # no such step: always


def test_a_question_of_its_own_after_a_word_about_us(matcher, sessions):
    autumn = applicant_router(matcher, sessions, SEPTEMBER)
    reply = text(autumn, "Our expert starts in October - what exactly is the Buddy program?")
    assert reply.startswith("In the buddy program"), reply


def test_a_question_about_us_after_a_word_about_us_is_still_whole():
    from bot.chat.faq_follow import last_question

    assert last_question("we are a district office, are we eligible?") is None
    assert last_question("we are a Verein - what can we do?") is None
    # one question in two clauses: the second is the first's object
    assert last_question("Dürfen wir mitreden, welche Kenntnisse der Experte braucht?") is None


def test_the_pay_scale_in_euros_asked_in_english(april):
    reply = text(april, "What is TVöD 11 Stufe 2 in euros roughly?")
    assert reply.startswith("The call names no euro amount"), reply


def test_an_acronym_s_umlaut_says_nothing_of_the_language():
    from faq.coverage import language_hints

    assert language_hints("What is TVöD 11 in euros?")[0] == 0
    assert language_hints("Größe egal?")[0] > 0


def test_a_town_in_the_sentence_before_is_who_asks(april):
    message = "Hi, I'm the integration officer in Offenbach. What does this program fund exactly?"
    assert text(april, message).startswith("The Robert Bosch Stiftung covers the personnel costs")


@pytest.mark.parametrize(
    ("message", "says"),
    [("sorry for the late msg, is it still ok to send the application tonight?", "Yes"),
     ("entschuldigung, wann ist die frist?", "heute")],
)  # fmt: skip
def test_sorry_before_the_question_is_no_part_of_it(matcher, sessions, message, says):
    reply = text(applicant_router(matcher, sessions, DEADLINE_EVENING), message)
    assert says in reply.split("\n")[0], reply


@pytest.mark.parametrize(
    "message",
    ["Könnten wir auch zwei Projekte einreichen?", "werden reisekosten zum kick-off übernommen?"],
)
def test_what_the_call_leaves_open_of_projects_and_events(april, message):
    assert text(april, message).startswith("Das legt die Ausschreibung nicht fest")


@pytest.mark.parametrize(
    "message", ["how many cities took part?", "wie viele kommunen haben teilgenommen?"]
)
def test_how_many_took_part_is_the_five(later, message):
    reply = text(later, message)
    assert reply.startswith(("Five projects", "Gefördert werden deutschlandweit fünf")), reply


def test_how_many_at_an_event_is_no_count_of_the_five(later):
    assert "fünf Projekte" not in text(later, "wie viele teilnehmer gibt es beim kick-off?")


# -- tryout21's wrong answers ---------------------------------------------------------


def test_whom_to_send_the_application_is_not_the_contacts(matcher, sessions):
    night = applicant_router(matcher, sessions, NIGHT_BEFORE)
    reply = text(night, "who do I email my application to?")
    assert reply.startswith("The call does not say where or how to hand in"), reply


def test_whether_the_pat_in_is_paid_is_not_decided(june):
    reply = text(june, "kriegt die patin auch geld?")
    assert reply.startswith("Das legt die Ausschreibung nicht fest"), reply


@pytest.mark.parametrize("message", ["wer war 2021 dabei", "wie lief 2022"])
def test_an_earlier_year_is_not_in_the_call(later, message):
    reply = text(later, message)
    assert reply.startswith("Zu früheren Jahren sagt die Ausschreibung nichts"), reply
    assert "Torgau" not in reply


def test_a_later_year_asks_for_the_next_call(later):
    assert "nächste Ausschreibung" in text(later, "gibt es 2026 eine neue runde?")


def test_still_running_is_no_yes_about_the_roles(later):
    assert not text(later, "is lokalprojekte still running this?").startswith("Yes")


@pytest.mark.parametrize(
    ("when", "says"), [(DEADLINE_EVENING, "heute"), (JUNE, "vorbei")]
)
def test_missed_because_ill_is_the_deadline(matcher, sessions, when, says):
    router = applicant_router(matcher, sessions, when)
    reply = text(router, "hab die frist verpasst weil krank, gehts trotzdem noch?")
    assert reply.startswith("Ob Unterlagen nachgereicht werden können") and says in reply, reply


# -- tryout21's unhelpful rows --------------------------------------------------------


def test_when_the_expert_starts_in_the_program_is_october(june):
    reply = text(june, "wir sind ausgewählt!! wann fängt die expertin genau an")
    assert "Oktober 2023" in reply and "Meinen Sie" not in reply, reply


def test_when_the_choice_starts_is_not_the_kick_off(june):
    assert "Kick-off" not in text(june, "wann startet die auswahl der expertin?").split("\n")[0]


def test_and_next_year_is_the_next_call(june):
    say(june, "u1", "wann ist die frist")
    reply = text(june, "aha, und nächstes jahr?", user="u1")
    assert reply.startswith("Eine nächste Ausschreibung ist noch nicht bekannt"), reply


def test_a_topic_word_then_a_question_are_two(june):
    reply = text(june, "moin! zwei fragen: bewerbungsschluss und wie viele werden gefördert?")
    assert "3. Mai 2023" in reply and "fünf Projekte" in reply, reply


def test_selected_then_the_next_step(june):
    reply = text(june, "wir wurden ausgewählt, was ist jetzt der nächste schritt")
    assert reply.startswith("Bis Anfang August 2023 sendet Lokalprojekte"), reply


def test_who_pays_what_is_asked_back(april):
    assert not text(april, "Wer zahlt was?").startswith("Das Programm wird von der Robert Bosch")


@pytest.mark.parametrize(
    ("message", "says"),
    [("ich bin von der stadt torgau, war der webwegweiser erfolgreich?", "Torgau"),
     ("was the kalletal app a success?", "Kalletal")],
)  # fmt: skip
def test_whether_a_project_succeeded_is_not_in_the_call(later, message, says):
    reply = text(later, message)
    assert reply.startswith(NO_RESULTS) and says in reply, reply


def test_how_to_apply_then_is_there_a_form_are_both_answered(april):
    reply = text(april, "wie bewerbe ich mich eigentlich, gibts ein formular?")
    assert reply.startswith("Ein Bewerbungsformular oder eine Vorlage"), reply


def test_a_comma_then_is_there_splits_only_questions():
    from bot.chat.faq_several import questions

    assert questions("wie bewerbe ich mich eigentlich, gibts ein formular?") == [
        "wie bewerbe ich mich eigentlich?",
        "gibts ein formular?",
    ]
    assert questions("wann ist die frist, gibt es eine vorlage?") is not None


def test_who_we_are_then_is_there_gets_who_may_apply(april):
    reply = text(april, "wir sind ein Verein, gibt es da Ausnahmen?")
    assert "Bewerben können sich Städte, Kommunen und Behörden" in reply, reply


def test_a_place_right_after_an_event_s_date_is_where(matcher, sessions):
    autumn = applicant_router(matcher, sessions, SEPTEMBER)
    say(autumn, "u1", "wann ist das kick off?")
    reply = text(autumn, "in stuttgart?", user="u1")
    assert reply.startswith("Einen Ort nennt die Ausschreibung dafür nicht"), reply
