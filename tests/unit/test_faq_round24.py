"""Rows left open by tryout23 (applicants in the console, never the code), each with a
test that fails on the code before it. Phrasings besides the try-out's are our own.

- follow-ups whose meaning the turn before makes clear: "and the other ones?" after
  one of the five ("no open choice"), "is one of them available right now?" after the
  contacts were named (a picker), "und am ende?" after the introduction days (a
  picker), "wann hör ich was?" after handing in (a refusal), "when do we find out if
  we're in?" (a picker), "und per mail oder online?" after the documents (only the
  contacts), "wie viele stunden pro woche?" after the Pat:in (off topic), "mist. und
  wenn ich es heute nacht noch schicke?" on the deadline day (a picker: a sigh before
  the question);
- "ok, zurück zum thema: was ist eine Pat:in?" (a picker: coming back asks nothing);
- "welche sprache kann ich mit dir sprechen? english ok?" (a refusal: the chat's own
  languages);
- "we're in Torgau, we got selected. what's our project again?" (all five);
- a plain yes or no where the call decides: "hey can a nonprofit apply?", "what about
  us? we're a Landratsamt", "und gemeinden aus österreich?" (only who may apply);
- "can I still submit tonight?" on the deadline day said "Yes, until today" and nothing
  of the missing time of day (the German "heute um 18 Uhr" did): now both.
"""

from datetime import UTC, datetime

import pytest

from faq.form import question_kind
from tests.chat import applicant_router, say, text

APRIL = datetime(2023, 4, 20, 8, 0, tzinfo=UTC)  # the call is open
DEADLINE_DAY = datetime(2023, 5, 3, 19, 0, tzinfo=UTC)  # 21:00 in Berlin, deadline today
SEPTEMBER = datetime(2023, 9, 15, 8, 0, tzinfo=UTC)  # the five are choosing experts


@pytest.fixture
def april(matcher, sessions):
    return applicant_router(matcher, sessions, APRIL)


@pytest.fixture
def deadline_day(matcher, sessions):
    return applicant_router(matcher, sessions, DEADLINE_DAY)


@pytest.fixture
def september(matcher, sessions):
    return applicant_router(matcher, sessions, SEPTEMBER)


# -- follow-ups -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "then", "lead", "named"),
    [("what is Kalletal doing?", "and the other ones?", "The other participants", "Kalletal"),
     ("was macht torgau?", "und die anderen vier?", "Die übrigen Programmteilnehmer", "Torgau"),
     ("was hat stralsund gebaut", "und die anderen?", "Die übrigen Programmteilnehmer",
      "Stralsund")],
)  # fmt: skip
def test_the_other_four_after_one_of_the_five(september, first, then, lead, named):
    say(september, "u1", first)
    reply = text(september, then, user="u1")
    assert reply.startswith(lead), reply
    assert named not in reply.split("\n\n")[0] and reply.count("•") == 4, reply


def test_the_others_with_nothing_before_is_no_list(september):
    reply = text(september, "und die anderen?")
    assert "übrigen" not in reply and "•" not in reply, reply


@pytest.mark.parametrize(
    ("first", "then", "lead"),
    [("who do I send it to?", "is one of them available right now?", "Nobody is in right now"),
     ("wer sind die ansprechpartnerinnen?", "ist eine von denen gerade da?",
      "Gerade ist niemand da"),
     ("who are the contacts?", "is either of them in today?", "Nobody is in right now")],
)  # fmt: skip
def test_one_of_the_contacts_available_now(deadline_day, first, then, lead):
    say(deadline_day, "u1", first)
    reply = text(deadline_day, then, user="u1")
    assert reply.startswith(lead), reply


def test_one_of_them_in_a_place_is_no_office_hours(september):
    reply = text(september, "is one of them in Torgau?")
    assert "Nobody is in" not in reply and "office hours" not in reply, reply


@pytest.mark.parametrize(
    ("first", "then"),
    [("wie läuft die einarbeitung der expertin, gibts einführungstage?", "und am ende?"),
     ("wann ist das kick-off?", "und ganz am schluss?")],
)  # fmt: skip
def test_the_end_after_the_programs_course(september, first, then):
    say(september, "u1", first)
    reply = text(september, then, user="u1")
    assert reply.startswith("Ende März 2024 endet das Projekt"), reply


def test_the_end_without_a_course_before_is_no_closing_event(april):
    say(april, "u1", "wer kann sich bewerben?")
    reply = text(april, "und am ende?", user="u1")
    assert not reply.startswith("Ende März 2024 endet das Projekt"), reply


@pytest.mark.parametrize(
    ("first", "then", "lead"),
    [("Hallo, ich hab heute um 18 Uhr abgeschickt, ist das noch rechtzeitig?",
      "wann hör ich was?", "Nach den Vorgesprächen (10. bis 17. Mai 2023)"),
     ("how long is the interview?", "when do we find out if we're in?",
      "After the preliminary talks (10 to 17 May 2023)"),
     ("ich hab grad abgeschickt", "und wann hör ich von euch?",
      "Nach den Vorgesprächen (10. bis 17. Mai 2023)")],
)  # fmt: skip
def test_when_one_hears_back(deadline_day, first, then, lead):
    say(deadline_day, "u1", first)
    reply = text(deadline_day, then, user="u1")
    assert reply.startswith(lead), reply


@pytest.mark.parametrize(
    ("first", "then", "lead"),
    [("welche unterlagen muss ich einreichen", "und per mail oder online?",
      "Wo oder wie Sie die Bewerbung einreichen, nennt die Ausschreibung nicht"),
     ("what documents do we need?", "by email or via a portal?",
      "The call does not say where or how to hand in")],
)  # fmt: skip
def test_the_way_of_handing_in(deadline_day, first, then, lead):
    say(deadline_day, "u1", first)
    reply = text(deadline_day, then, user="u1")
    assert reply.startswith(lead), reply


def test_hours_per_week_right_after_the_mentor(september):
    say(september, "u1", "muss das jemand aus der verwaltung sein?")
    reply = text(september, "wie viele stunden pro woche?", user="u1")
    assert reply.startswith("Stunden oder Zeitaufwand nennt die Ausschreibung nicht"), reply


@pytest.mark.parametrize(
    ("first", "then", "said"),
    [("ist die bewerbung noch offen?", "mist. und wenn ich es heute nacht noch schicke?",
      "Ja, bis heute, 3. Mai 2023 – dann ist Bewerbungsschluss. Eine Uhrzeit nennt die "
      "Ausschreibung nicht."),
     ("is the call still open?", "can I still submit tonight?",
      "Yes, until today, 3 May 2023 – that is the deadline. The call names no time of day."),
     ("ist die frist heute?", "oh nein! kann ich es heute abend noch einreichen?",
      "Ja, bis heute, 3. Mai 2023 – dann ist Bewerbungsschluss. Eine Uhrzeit nennt die "
      "Ausschreibung nicht.")],
)  # fmt: skip
def test_tonight_on_the_deadline_day_has_no_hour(deadline_day, first, then, said):
    say(deadline_day, "u1", first)
    reply = text(deadline_day, then, user="u1")
    assert reply.split("\n")[0] == said, reply


def test_tonight_the_day_before_needs_no_hour(matcher, sessions):
    evening = applicant_router(matcher, sessions, datetime(2023, 5, 2, 19, 0, tzinfo=UTC))
    reply = text(evening, "kann ich es heute nacht noch schicken?")
    assert reply.split("\n")[0] == "Ja, bis morgen, 3. Mai 2023 – dann ist Bewerbungsschluss."


# -- a topic after a preamble, the chat's languages, one's own project ------------------


@pytest.mark.parametrize(
    ("message", "lead"),
    [("ok, zurück zum thema: was ist eine Pat:in?", "Das Kernteam des Projekts"),
     ("gut, zurück zur ausschreibung. was ist ein pate?", "Das Kernteam des Projekts"),
     ("anyway, back to the call: what is a Pat:in?", "The core team of each project")],
)  # fmt: skip
def test_coming_back_to_the_topic_asks_nothing(april, message, lead):
    assert text(april, message).startswith(lead)


def test_which_language_with_one_named_switches(april):
    replies = say(april, "u1", "welche sprache kann ich mit dir sprechen? english ok?")
    said = [r.text for r in replies]
    assert said[0].startswith("I understand German and English"), said
    assert said[-1] == "I will answer in English now.", said


@pytest.mark.parametrize(
    ("message", "lead"),
    [("welche sprachen verstehst du?", "Ich verstehe Deutsch und Englisch"),
     ("what languages do you speak?", "I understand German and English")],
)  # fmt: skip
def test_which_languages_the_chat_reads(april, message, lead):
    assert text(april, message).startswith(lead)


def test_the_applications_language_is_still_the_calls(april):
    reply = text(april, "in welcher sprache müssen wir uns bewerben?")
    assert reply.startswith("In welcher Sprache die Bewerbung sein soll"), reply


@pytest.mark.parametrize(
    ("message", "lead"),
    [("we're in Torgau, we got selected. what's our project again?", "City of Torgau"),
     ("wir wurden ausgewählt, wir sind torgau. was ist unser projekt nochmal?",
      "Stadt Torgau")],
)  # fmt: skip
def test_own_project_after_saying_one_was_selected(september, message, lead):
    reply = text(september, message)
    assert reply.startswith(lead) and "Pforzheim" not in reply, reply


# -- a plain yes or no ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "lead"),
    [("hey can a nonprofit apply?", "No. "),
     ("hey can a county apply?", "Yes. "),
     ("moin können vereine mitmachen?", "Nein. ")],
)  # fmt: skip
def test_a_greeting_without_a_comma_keeps_the_verdict(april, message, lead):
    reply = text(april, message)
    assert reply.startswith(lead), reply


@pytest.mark.parametrize(
    ("first", "then", "lead"),
    [("who can apply?", "what about us? we're a Landratsamt", "Yes. "),
     ("who can apply?", "what about a charity?", "No. "),
     ("wer kann sich bewerben?", "und wir? wir sind ein verein", "Nein. "),
     ("wer kann sich bewerben?", "und gemeinden aus österreich?", "Nein. ")],
)  # fmt: skip
def test_what_about_us_after_who_may_apply(april, first, then, lead):
    say(april, "u1", first)
    reply = text(april, then, user="u1")
    assert reply.startswith(lead), reply


@pytest.mark.parametrize(
    ("question", "kind"),
    [("what about us? we're a Landratsamt", "yes_no"),
     ("what about a county?", "yes_no"),
     ("what about the deadline?", None),
     ("hey can a charity apply?", "yes_no"),
     ("hey what is the deadline?", None)],
)  # fmt: skip
def test_question_kind_of_what_about(question, kind):
    assert question_kind(question) == kind


# -- tryout24 (on main 94d132d): its wrong answers ------------------------------------------

EVENING = datetime(2023, 5, 2, 19, 0, tzinfo=UTC)  # 21:00 in Berlin, the deadline tomorrow
JUNE = datetime(2023, 6, 20, 8, 0, tzinfo=UTC)
LATER = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)  # a Sunday, the program long over


@pytest.fixture
def evening(matcher, sessions):
    return applicant_router(matcher, sessions, EVENING)


@pytest.fixture
def june(matcher, sessions):
    return applicant_router(matcher, sessions, JUNE)


@pytest.fixture
def later(matcher, sessions):
    return applicant_router(matcher, sessions, LATER)


@pytest.mark.parametrize(
    "message",
    ["Hi, we're a Landkreis in Bavaria. can a county apply or only cities?",
     "Wir sind ein Landkreis in Sachsen. Dürfen auch Landkreise oder nur Städte?"],
)  # fmt: skip
def test_only_of_cities_beside_a_region_said_is_no_region_question(april, message):
    reply = text(april, message)
    assert reply.startswith(("Yes. ", "Ja. ")), reply


def test_only_of_a_region_is_still_all_of_germany(april):
    reply = text(april, "ist das programm nur für bayern?")
    assert reply.startswith("Nein. "), reply


@pytest.mark.parametrize(
    ("first", "then", "said"),
    [("who are the five participants", "which one is a district?",
      'Burgenlandkreis district – "Integration network".'),
     ("wer sind die fünf?", "welcher davon ist ein landkreis?",
      "Burgenlandkreis – „Netzwerk Integration“.")],
)  # fmt: skip
def test_which_of_the_five_is_a_district(june, first, then, said):
    say(june, "u1", first)
    reply = text(june, then, user="u1")
    assert reply.split("\n")[0] == said, reply


def test_which_of_the_five_are_cities_is_a_list(june):
    say(june, "u1", "wer sind die fünf?")
    reply = text(june, "welche sind städte?", user="u1")
    assert reply.count("•") == 3 and "Kalletal" not in reply and "Ja." not in reply, reply


@pytest.mark.parametrize(
    ("first", "then", "lead"),
    [("Is Charlotte Bock available right now?", "when is she back?",
      "Charlotte Bock cannot be reached today"),
     ("ist frau prokop-scheer gerade erreichbar?", "wann ist sie wieder da?",
      "Dr. Christine Prokop-Scheer ist heute nicht erreichbar")],
)  # fmt: skip
def test_when_a_contact_is_back(later, first, then, lead):
    say(later, "u1", first)
    reply = text(later, then, user="u1")
    assert reply.startswith(lead) and "30" in reply.split("\n")[0], reply


def test_when_both_contacts_are_back(later):
    say(later, "u1", "wer sind die ansprechpartner?")
    reply = text(later, "wann sind sie wieder da?", user="u1")
    first = reply.split("\n")[0]
    assert "Charlotte Bock" in first and "Prokop-Scheer" in first, reply


@pytest.mark.parametrize(
    ("first", "then", "lead"),
    [("was passiert im oktober", "und im märz?", "Ende März 2024 endet das Projekt"),
     ("what happens in may?", "and in june?", "The final sketch talks")],
)  # fmt: skip
def test_and_in_another_month(september, first, then, lead):
    say(september, "u1", first)
    reply = text(september, then, user="u1")
    assert reply.startswith(lead), reply


# -- tryout24's unhelpful rows ---------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    ["hab grad abgeschickt! was passiert jetzt?",
     "ich habe die bewerbung abgeschickt. wie geht es weiter?"],
)  # fmt: skip
def test_what_next_after_handing_in_the_day_before(evening, message):
    reply = text(evening, message)
    assert reply.startswith("Zwischen dem 10. Mai 2023 und dem 17. Mai 2023"), reply


def test_what_next_in_english_after_handing_in(evening):
    reply = text(evening, "just submitted, what happens next?")
    assert reply.startswith("Between 10 May 2023 and 17 May 2023"), reply


def test_on_site_or_online_after_the_talks(evening):
    say(evening, "u1", "how long do the preliminary talks take")
    reply = text(evening, "online or on site?", user="u1")
    assert reply.startswith("The call for applications does not say where"), reply


def test_to_whom_after_handing_in(evening):
    say(evening, "u1", "kann ich die bewerbung einfach per mail schicken")
    reply = text(evening, "an wen denn?", user="u1")
    assert reply.startswith("Wo oder wie Sie die Bewerbung einreichen, nennt"), reply


@pytest.mark.parametrize(
    ("message", "lead"),
    [("unsere stadt hat 600.000 einwohner, ist das programm auch für große städte?",
      "Ja – eine Höchstgröße nennt die Ausschreibung nicht."),
     ("is this also for big cities?", "Yes – the call names no maximum size."),
     ("auch für kleine gemeinden?", "Ja – eine Mindestgröße nennt die Ausschreibung nicht.")],
)  # fmt: skip
def test_a_town_of_any_size(deadline_day, message, lead):
    assert text(deadline_day, message).startswith(lead)


@pytest.mark.parametrize(
    ("message", "lead"),
    [("wir sind in pforzheim, müssen wir die expertin selbst bezahlen?", "Nein. "),
     ("we are from Torgau. when does our expert start?", "The project phase lasts six months")],
)  # fmt: skip
def test_one_of_the_five_saying_who_asks(june, message, lead):
    assert text(june, message).startswith(lead)


def test_a_country_said_first_is_still_asked(june):
    reply = text(june, "wir sind aus österreich, können wir uns bewerben?")
    assert reply.startswith("Nein. ") and "Deutschland" in reply, reply


@pytest.mark.parametrize(
    ("message", "lead"),
    [("ist der buddy ein mitarbeiter der robert bosch stiftung?", "Nein. Im Buddy-Programm"),
     ("is the buddy from the foundation?", "No. In the buddy program")],
)  # fmt: skip
def test_the_buddy_is_from_lokalprojekte(september, message, lead):
    assert text(september, message).startswith(lead)


def test_how_long_the_program_ran(later):
    reply = text(later, "wie lange lief das programm insgesamt")
    assert reply.startswith("Die Projektphase dauerte sechs Monate"), reply


def test_missed_it_on_the_deadline_day_is_still_today(deadline_day):
    reply = text(deadline_day, "oh nein, hab die frist verpasst. geht das noch morgen?")
    assert reply.startswith("Nein. Bewerbungsschluss ist der 3. Mai 2023 (heute) – heute geht"), reply


def test_who_to_call_now_says_whether_anyone_is_in(deadline_day):
    reply = text(deadline_day, "who can I call now?")
    assert reply.startswith("Nobody is in right now"), reply


@pytest.mark.parametrize(
    ("message", "lead"),
    [("what if we have no one who could be the Pat:in?",
      "The call for applications does not decide this."),
     ("was wenn wir niemanden als patin haben?", "Das legt die Ausschreibung nicht fest.")],
)  # fmt: skip
def test_no_mentor_is_a_case_the_call_leaves_open(april, message, lead):
    assert text(april, message).startswith(lead)


# -- tryout25 (on 88e0a8b): its wrong answers -------------------------------------------------


@pytest.mark.parametrize(
    ("first", "then", "lead"),
    [("ist frau prokop-scheer noch zu sprechen?", "und wann wieder?",
      "Dr. Christine Prokop-Scheer ist heute nicht mehr erreichbar"),
     ("wer sind die ansprechpartner?", "und wann?", "Charlotte Bock ist heute nicht mehr")],
)  # fmt: skip
def test_when_again_after_the_hours(deadline_day, first, then, lead):
    say(deadline_day, "u1", first)
    reply = text(deadline_day, then, user="u1")
    assert reply.startswith(lead), reply


def test_when_then_after_nobody_is_in(later):
    say(later, "u1", "hey, is anyone from Lokalprojekte reachable today?")
    reply = text(later, "when then?", user="u1")
    assert reply.startswith("Charlotte Bock cannot be reached today"), reply
    assert "Dr. Christine Prokop-Scheer cannot be reached today" in reply, reply


@pytest.mark.parametrize(
    ("first", "then", "lead"),
    [("what's the learning platform about", "is it mandatory?",
      "The call for applications does not decide this. What it says:\nThe accompanying"),
     ("wer ist der buddy?", "sind die online?",
      "Das legt die Ausschreibung nicht fest. Sie sagt dazu:\nIm Buddy-Programm")],
)  # fmt: skip
def test_a_pronoun_for_what_was_just_said(september, first, then, lead):
    say(september, "u1", first)
    reply = text(september, then, user="u1")
    assert reply.startswith(lead), reply


def test_how_long_to_a_question_back(deadline_day):
    say(deadline_day, "u1", "wann kommen die vorgespräche, nächste woche?")
    reply = text(deadline_day, "wie lang?", user="u1")
    assert "60 bis 90 Minuten" in reply and "sechs Monate" not in reply, reply


def test_an_association_as_the_experts_background(september):
    say(september, "u1", "darf der experte aus der wirtschaft kommen?")
    reply = text(september, "und aus nem verein?", user="u1")
    assert reply.startswith("Ja. Die externen Expert:innen kommen aus Wirtschaft oder"), reply


@pytest.mark.parametrize(
    ("message", "lead"),
    [("dürfen wir mit den 3000 euro ne app programmieren lassen?", "Das legt die Ausschreibung"),
     ("muss man beim abschlussevent dabei sein?", "Das legt die Ausschreibung nicht fest"),
     ("is attendance at the kick-off mandatory?", "The call for applications does not decide")],
)  # fmt: skip
def test_what_the_call_leaves_open_gets_no_yes(september, message, lead):
    assert text(september, message).startswith(lead)


def test_whether_it_worked_after_one_of_the_five(later):
    say(later, "u1", "was hat stralsund gebaut?")
    reply = text(later, "hat das funktioniert?", user="u1")
    assert reply.startswith("Was daraus geworden ist, sagt die Ausschreibung nicht"), reply
    assert "Stralsund" in reply and "Kalletal" not in reply, reply


# -- tryout25's unhelpful rows ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "lead"),
    [("hab die frist total verpennt, geht morgen noch?", "Ja, bis morgen, 3. Mai 2023"),
     ("quick q - is the deadline tomorrow at midnight?",
      "The call names no time of day, only the date")],
)  # fmt: skip
def test_the_night_before_in_other_words(evening, message, lead):
    assert text(evening, message).startswith(lead)


def test_a_question_naming_its_subject_is_not_of_the_last_answer(september):
    say(september, "u1", "wann ist das kick-off?")
    reply = text(september, "ist der buddy online?", user="u1")
    assert "Buddy" in reply and "Kick-off" not in reply.split("\n\n")[0], reply


def test_hours_per_week_after_a_question_without_an_answer(september):
    say(september, "u1", "kann der experte auch remote arbeiten?")
    reply = text(september, "wieviele stunden die woche?", user="u1")
    assert reply.startswith("Stunden oder Zeitaufwand nennt die Ausschreibung nicht"), reply


def test_hours_right_after_the_talks_are_not_the_peoples(evening):
    say(evening, "u1", "wann sind die vorgespräche?")
    reply = text(evening, "wie viele stunden?", user="u1")
    assert "Pat:in" not in reply, reply


# -- a town of the five is no applicant waiting for the next call -----------------------------


@pytest.mark.parametrize(
    "message",
    ["Hallo, wir sind aus Torgau und wurden ausgewählt. Was kommt als nächstes?",
     "Hallo, wir sind eine Stadt in NRW und wurden ausgewählt. Was kommt als nächstes?",
     "wir sind in pforzheim, wann kommt unsere expertin?"],
)  # fmt: skip
def test_one_of_the_five_is_offered_no_next_call(june, message):
    replies = say(june, "u1", message)
    said = "\n".join(r.text for r in replies)
    assert "nächste Ausschreibung" not in said and "Bescheid" not in said, said
    assert not any("naechste" in b.data or "next" in b.data for r in replies for b in r.buttons)


def test_how_long_she_stays_after_her_start(june):
    say(june, "u1", "wir sind in pforzheim, wann kommt unsere expertin?")
    reply = text(june, "und wie lange bleibt sie?", user="u1")
    assert reply.startswith("Das dauert laut Ausschreibung sechs Monate"), reply


def test_a_pat_in_of_the_five_is_not_given_the_five(september):
    reply = text(september, "I'm the Pat:in in Pforzheim. What do I actually do during the project?")
    assert not reply.startswith("The five participants"), reply


@pytest.mark.parametrize(
    ("first", "then", "lead"),
    [("ist charlotte grad erreichbar?", "und ihre nummer?", "• Charlotte Bock – "),
     ("when can I reach Christine Prokop-Scheer?", "and her email?",
      "• Dr. Christine Prokop-Scheer – christine.prokop@lokalprojekte.de")],
)  # fmt: skip
def test_her_details_after_her_hours(april, first, then, lead):
    say(april, "u1", first)
    reply = text(april, then, user="u1")
    assert reply.startswith(lead) and reply.count("•") == 1, reply


def test_an_ok_before_the_next_question_is_no_question(evening):
    say(evening, "u1", "Can two municipalities apply together?")
    replies = say(evening, "u1", "ok, and how many projects get funded in total?")
    assert len(replies) == 1 and replies[0].text.startswith("Five projects"), replies


# -- tryout26 (on 1280a0e): its wrong answers -------------------------------------------------


def test_the_others_after_the_whole_list_is_no_list_of_others(june):
    say(june, "u1", "we're from Pforzheim – what's our project called again?")
    reply = text(june, "and the others?", user="u1")
    assert "Pforzheim" not in reply.split("\n\n")[0] and "Stralsund" in reply, reply


def test_ngos_after_who_may_apply(april):
    say(april, "u1", "what about a county administration, like a Landkreis?")
    reply = text(april, "and NGOs?", user="u1")
    assert reply.startswith("No. Cities, municipalities"), reply


def test_naming_the_mentor_in_the_application_is_not_settled(evening):
    reply = text(evening, "müssen wir schon ne pat:in benennen in der bewerbung?")
    assert reply.startswith("Das legt die Ausschreibung nicht fest"), reply


def test_what_if_we_get_none_after_the_talks(deadline_day):
    say(deadline_day, "u1", "kriegt jede kommune ein vorgespräch?")
    reply = text(deadline_day, "was passiert wenn wir keins kriegen", user="u1")
    assert reply.startswith("Das legt die Ausschreibung nicht fest. Sie sagt dazu:\nZwischen"), reply


def test_how_much_time_a_mentor_plans(june):
    say(june, "u1", "was macht eine patin?")
    reply = text(june, "wie viel zeit muss ich einplanen", user="u1")
    assert reply.startswith("Stunden oder Zeitaufwand nennt die Ausschreibung nicht"), reply


def test_someone_from_an_ngo_as_the_expert(september):
    say(september, "u1", "muss der experte aus der verwaltung kommen?")
    reply = text(september, "kann auch jemand aus ner ngo sein?", user="u1")
    assert reply.startswith("Ja. Die externen Expert:innen"), reply


def test_who_decides_on_the_selection_before_the_towns_are_told(evening):
    reply = text(evening, "wer entscheidet über die auswahl")
    assert reply.startswith("Wer darüber entscheidet, nennt die Ausschreibung nicht"), reply
    assert "Vorgespräche" in reply and "Profile" not in reply, reply


def test_by_which_criteria_alone(evening):
    reply = text(evening, "nach welchen kriterien")
    assert reply.startswith("Auswahlkriterien nennt die Ausschreibung nicht"), reply


def test_what_comes_of_the_final_talk(june):
    say(june, "u1", "wann ist die finale besprechung")
    reply = text(june, "was kommt da raus?", user="u1")
    assert "Profile der Expert:innen" in reply and "Ergebnisse" not in reply, reply


def test_how_many_days_the_intro_days_are(september):
    say(september, "u1", "was passiert bei den einführungstagen")
    reply = text(september, "wie viele tage sind das", user="u1")
    assert reply.startswith("Zum Begleitprogramm gehören zwei Einführungstage"), reply


# -- tryout26's unhelpful rows ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "lead"),
    [("moin, wir sind ne kleine gemeinde in bayern mit 4000 einwohnern, können wir da "
      "mitmachen?", "Ja – eine Mindestgröße nennt die Ausschreibung nicht."),
     ("we're a town of 12,000 inhabitants, can we apply?", "Yes – the call names no minimum"),
     ("how big does our town have to be?", "The call sets no size"),
     ("ist das programm nur für große städte?", "Nein. ")],
)  # fmt: skip
def test_the_size_of_a_town(april, message, lead):
    assert text(april, message).startswith(lead)


def test_the_size_of_one_of_the_five_is_no_size_rule(june):
    assert not text(june, "wie groß ist die stadt torgau?").startswith("Eine Größe setzt")


@pytest.mark.parametrize(
    ("message", "lead"),
    [("in einer stunde schaff ichs, reicht das?", "Eine Uhrzeit nennt die Ausschreibung nicht"),
     ("oh gott ist die frist heute??", "Ja")],
)  # fmt: skip
def test_the_deadline_evening_in_a_hurry(deadline_day, message, lead):
    assert text(deadline_day, message).startswith(lead)


def test_whom_to_reach_now_the_night_before(evening):
    assert text(evening, "wen erreich ich jetzt noch").startswith("Gerade ist niemand da")


def test_are_they_available_after_the_contacts(later):
    say(later, "u1", "who's the contact?")
    reply = text(later, "are they available now?", user="u1")
    assert reply.startswith("Charlotte Bock cannot be reached today"), reply
