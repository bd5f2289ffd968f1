"""Rows left open by tryout13 and rows of tryout14 (applicants in the console, never the
code), each with a test that fails on the code before it. Phrasings besides the
try-outs' are our own.

- "wer sind die integrationsmacher" was the funder and who runs the program; the call
  names the core team so;
- "brauchen wir dafür eigene IT-leute?" was the digital-tools text as if it answered,
  "do we need our own IT staff?" a "Yes." with the funding (the call does not say);
- W "kann man sich mit mehreren projekten bewerben" was "Nein." with the five projects,
  "und die 3000 euro, bekommen wir die überwiesen?" was "Ja." (the call decides neither);
- W "was passiert mit unseren daten" was the whole timeline, "datenschutz?" the off-topic
  line;
- W "gibt es dafür Unterstützung?" right after the sketch was the accompanying program;
- W "Wie viel Zeit muss die Patin einplanen?" was the talks' 60–90 minutes (the call
  names no hours, for the mentor or the expert: said so, with the contacts);
- W "wer entscheidet das" after "morgen früh noch?" was how the expert is chosen;
- W "und wie viele?" after a picker on "wann bekommen wir die Profile der Expert:innen"
  (June) said the call does not say; the profiles' question itself was that picker.
"""

from datetime import UTC, datetime

import pytest

from faq.form import asks_which_ones, named_place, speaks_from_the_program
from faq.smalltalk import small_talk
from tests.chat import applicant_router, say, text

APRIL = datetime(2023, 4, 20, 8, 0, tzinfo=UTC)  # the call is open
LAST_EVENING = datetime(2023, 5, 3, 19, 0, tzinfo=UTC)  # 21:00 on the deadline day
JUNE = datetime(2023, 6, 20, 8, 0, tzinfo=UTC)  # after the selection
UNDECIDED = ("Das legt die Ausschreibung nicht fest", "The call for applications does not decide")


@pytest.fixture
def april(matcher, sessions):
    return applicant_router(matcher, sessions, APRIL)


@pytest.mark.parametrize(
    "message",
    ["wer sind die integrationsmacher", "Wer sind denn die Integrationsmacher:innen?",
     "who are the integrationsmacher?"],
)  # fmt: skip
def test_who_the_integrationsmacher_are_is_the_core_team(april, message):
    reply = text(april, message)
    assert "Kernteam" in reply or "core team" in reply, reply
    assert "Robert Bosch" not in reply


def test_what_integrationsmacher_is_stays_the_program(april):
    reply = text(april, "was ist integrationsmacher:innen?")
    assert "Kernteam des Projekts – die" not in reply, reply


@pytest.mark.parametrize(
    "message",
    ["brauchen wir eigene IT-leute?", "do we need our own IT staff?",
     "brauchen wir einen informatiker", "müssen wir selbst programmieren können?"],
)  # fmt: skip
def test_own_it_staff_is_not_decided_by_the_call(april, message):
    reply = text(april, message)
    assert reply.startswith(("Das legt die Ausschreibung nicht fest", "The call for applications does not decide")), reply  # fmt: skip
    assert "Expert" in reply or "expert" in reply


def test_own_it_staff_after_the_example_project(april):
    text(april, "beispiel für ein projekt?")
    reply = text(april, "brauchen wir dafür eigene IT-leute?")
    assert reply.startswith("Das legt die Ausschreibung nicht fest"), reply


@pytest.mark.parametrize(
    "message",
    ["kann man sich mit mehreren projekten bewerben", "can we apply with two projects?",
     "dürfen wir mehrere bewerbungen einreichen?"],
)  # fmt: skip
def test_several_applications_are_not_decided(april, message):
    reply = text(april, message)
    assert reply.startswith(UNDECIDED) and ("fünf" in reply or "Five" in reply), reply


def test_more_than_five_funded_is_still_no(april):
    assert text(april, "werden mehr als fünf projekte gefördert?").startswith("Nein.")


@pytest.mark.parametrize(
    "message",
    ["und die 3000 euro, bekommen wir die überwiesen?", "Werden die 3000 Euro ausgezahlt?",
     "gibts da ne abrechnung mit belegen?"],
)  # fmt: skip
def test_how_the_budget_is_paid_is_not_decided(april, message):
    text(april, "wie viel geld gibts")
    reply = text(april, message)
    assert reply.startswith(UNDECIDED) and "3.000" in reply, reply


@pytest.mark.parametrize(
    "message",
    ["was passiert mit unseren daten", "datenschutz?", "is my data stored somewhere?"],
)
def test_data_protection_is_not_in_the_call(april, message):
    reply = text(april, message)
    assert "/meinedaten" in reply or "/mydata" in reply, reply
    assert "Ablauf" not in reply and "nichts sagen" not in reply


def test_the_calls_dates_are_no_data_protection(april):
    assert "/meinedaten" not in text(april, "welche daten sind wichtig?")


def test_support_for_it_right_after_the_sketch(april):
    text(april, "und die projektskizze?")
    reply = text(april, "gibt es dafür Unterstützung?")
    assert reply.startswith("Ja.") and "Vorlage" in reply, reply


@pytest.mark.parametrize(
    "message",
    ["Wie viel Zeit muss die Patin einplanen?",
     "and what about the mentor from our side, how many hours per week?",
     "wie viele stunden arbeitet die expertin pro woche"],
)  # fmt: skip
def test_hours_are_not_named(april, message):
    reply = text(april, message)
    assert reply.startswith(("Stunden oder Zeitaufwand nennt", "The call names no hours")), reply
    assert "lokalprojekte.de" in reply and "60 bis 90" not in reply


def test_the_talks_length_is_still_named(april):
    assert "60 bis 90 Minuten" in text(april, "wie viele stunden dauert das vorgespräch")


def test_who_decides_on_a_late_application_is_not_named(matcher, sessions):
    router = applicant_router(matcher, sessions, LAST_EVENING)
    text(router, "morgen früh noch?")
    reply = text(router, "wer entscheidet das")
    assert reply.startswith("Wer darüber entscheidet, nennt die Ausschreibung nicht"), reply
    assert "Profile" not in reply


def test_the_profiles_and_how_many_in_june(matcher, sessions):
    router = applicant_router(matcher, sessions, JUNE)
    first = text(router, "wann bekommen wir die Profile der Expert:innen")
    assert "Anfang August" in first and "Meinen Sie" not in first, first
    assert "ein bis drei" in text(router, "und wie viele?")


@pytest.mark.parametrize(
    "message",
    ["Mit freundlichen Grüßen", "Beste Grüße, Thomas Müller", "kind regards", "MfG"],
)
def test_a_mails_closing_alone_is_a_good_bye(april, message):
    reply = text(april, message)
    assert reply.startswith(("Auf Wiedersehen", "Goodbye")), reply


@pytest.mark.parametrize(
    "message",
    ["Mit freundlichen Grüßen, wann ist die Frist?", "regards, when is the deadline",
     "lg was kostet das"],
)  # fmt: skip
def test_a_closing_with_a_question_is_no_small_talk(message):
    assert small_talk(message) is None


@pytest.mark.parametrize(
    ("message", "verdict"), [("ist das bundesweit?", "Ja."), ("is it nationwide?", "Yes.")]
)
def test_nationwide_is_yes(april, message, verdict):
    reply = text(april, message)
    assert reply.startswith(verdict) and ("fünf" in reply or "Five" in reply), reply


@pytest.mark.parametrize(
    "message",
    ["can I write in English?", "kann ich auch auf englisch schreiben?", "can I ask in english?"],
)
def test_asking_whether_english_is_fine_switches(april, message):
    assert text(april, message) == "I will answer in English now."


def test_applying_in_english_is_still_a_question_about_the_call(april):
    assert "English now" not in text(april, "Kann ich mich auf Englisch bewerben?")


@pytest.mark.parametrize(
    ("first", "then", "said"),
    [("Ist jemand von Lokalprojekte heute abend noch erreichbar?", "und morgen?",
      "Morgen erreichen Sie Charlotte Bock"),
     ("can I call someone right now?", "ok what about tomorrow morning?",
      "Tomorrow you can reach Charlotte Bock"),
     ("wann ist frau bock erreichbar", "und freitags?",
      "Freitags erreichen Sie Dr. Christine Prokop-Scheer"),
     ("wann ist frau bock erreichbar", "und frau prokop?",
      "Dr. Christine Prokop-Scheer ist heute nicht mehr erreichbar")],
)  # fmt: skip
def test_a_day_or_a_person_after_the_hours(matcher, sessions, first, then, said):
    router = applicant_router(matcher, sessions, LAST_EVENING)
    text(router, first)
    reply = text(router, then)
    assert reply.startswith(said), reply


def test_tomorrow_alone_is_still_a_greeting(april):
    assert text(april, "guten morgen").startswith(("Guten Morgen", "Hallo"))


@pytest.mark.parametrize(
    "message",
    ["ist das kick-off in stuttgart?", "ist das abschlussevent in berlin?",
     "sind die einführungstage in stuttgart"],
)  # fmt: skip
def test_a_place_asked_of_an_event_is_not_named(april, message):
    reply = text(april, message)
    assert reply.startswith("Einen Ort nennt die Ausschreibung dafür nicht"), reply


def test_a_month_is_no_place(april):
    assert text(april, "Ist der Kick-off im Oktober?").startswith("Ja.")


@pytest.mark.parametrize(
    ("question", "place"),
    [("Findet der Kick-off in Berlin statt?", "berlin"), ("is the kickoff in munich", "munich"),
     ("Ist der Kick-off im Oktober?", None), ("findet das in der ersten Woche statt?", None),
     ("ist das kickoff in english?", None)],
)  # fmt: skip
def test_named_place(question, place):
    assert named_place(question) == place


EVENING_BEFORE = datetime(2023, 5, 2, 21, 0, tzinfo=UTC)  # 23:00, the deadline tomorrow


@pytest.mark.parametrize(
    ("message", "said"),
    [("gibt es eine nachfrist?", "Von einer Verlängerung steht in der Ausschreibung nichts"),
     ("is there a grace period?", "The call says nothing about an extension"),
     ("ich hab die frist verpasst, kann ich trotzdem noch was schicken?",
      "Ob Unterlagen nachgereicht werden können")],
)  # fmt: skip
def test_late_and_grace_on_the_last_evening(matcher, sessions, message, said):
    router = applicant_router(matcher, sessions, LAST_EVENING)
    reply = text(router, message)
    assert reply.startswith(said), reply
    assert "3. Mai 2023" in reply or "3 May 2023" in reply, reply


def test_a_grace_period_after_missing_it(matcher, sessions):
    router = applicant_router(matcher, sessions, LAST_EVENING)
    text(router, "geht das noch bis mitternacht?")
    reply = text(router, "und falls ich es verpasse, gibt es eine nachfrist?")
    assert reply.startswith("Von einer Verlängerung steht in der Ausschreibung nichts"), reply


@pytest.mark.parametrize(
    ("message", "said"),
    [("bis wie viel uhr kann ich morgen noch einreichen", "Eine Uhrzeit nennt die Ausschreibung"),
     ("hilfe die frist ist morgen oder", "Ja, bis morgen"),
     ("was genau muss rein in die bewerbung", "Das sagt die Ausschreibung nicht.")],
)  # fmt: skip
def test_the_evening_before_the_deadline(matcher, sessions, message, said):
    router = applicant_router(matcher, sessions, EVENING_BEFORE)
    reply = text(router, message)
    assert reply.startswith(said), reply


@pytest.mark.parametrize(
    ("message", "verdict"),
    [("sind die vorgespräche schon vorbei", "Ja."), ("ist die skizzenphase schon vorbei?", "Ja."),
     ("is the kickoff over?", "No.")],
)  # fmt: skip
def test_whether_a_step_is_over_in_june(matcher, sessions, message, verdict):
    router = applicant_router(matcher, sessions, JUNE)
    assert text(router, message).startswith(verdict)


SEPTEMBER = datetime(2023, 9, 15, 8, 0, tzinfo=UTC)  # the call closed, the experts chosen


def test_someone_in_the_program_is_not_offered_the_next_call(matcher, sessions):
    router = applicant_router(matcher, sessions, SEPTEMBER)
    replies = [
        *say(router, "u1", "Wann fängt unsere Expertin an?"),
        *say(router, "u1", "Was macht die Expertin bei uns genau?"),
        *say(router, "u1", "When is the closing event?"),
    ]
    for reply in replies:
        assert "nextcall:on" not in [b.data for b in reply.buttons], reply.text
        assert "für die Ausschreibung" not in reply.text, reply.text  # no "galt"/"gilt" note


def test_an_applicant_after_the_call_is_still_told_it(matcher, sessions):
    router = applicant_router(matcher, sessions, SEPTEMBER)
    dated = say(router, "u2", "When is the closing event?")
    assert "nextcall:on" in [b.data for r in dated for b in r.buttons]
    # (while its program runs, the call still holds: "gilt", 2026 "galt")
    reply = text(router, "Was macht die Expertin bei uns genau?")
    assert "gilt für die Ausschreibung" in reply and "Bewerbungsfrist ist vorbei" in reply


@pytest.mark.parametrize(
    ("message", "inside"),
    [("Wann fängt unsere Expertin an?", True), ("wir wurden ausgewählt, wie geht es weiter?", True),
     ("our mentor asks when the kickoff is", True), ("Passt unser Projekt ins Programm?", False),
     ("wann bekommen wir eine expertin?", False)],
)  # fmt: skip
def test_speaks_from_the_program(message, inside):
    assert speaks_from_the_program(message) is inside


def test_a_switch_in_words_asks_the_open_question_again(april):
    text(april, "wie lange dauert dsa vorgesprach")
    replies = say(april, "u1", "in english please")
    assert replies[0].text == "I will answer in English now."
    assert replies[-1].text.startswith("Do you mean") and "Preliminary talks" in replies[-1].text
    assert text(april, "2").startswith("Between 10 May 2023")


def test_a_jobcentre_is_not_decided(april):
    text(april, "Können sich auch Vereine bewerben?")
    reply = text(april, "und ein Jobcenter?")
    assert reply.startswith("Das legt die Ausschreibung nicht fest"), reply


def test_really_no_costs_right_after_the_funding(april):
    text(april, "Ist die Teilnahme kostenlos für uns?")
    reply = text(april, "wirklich gar keine kosten?")
    assert reply.startswith("Das legt die Ausschreibung nicht fest") and "Personalkosten" in reply


@pytest.mark.parametrize(
    "message",
    ["kann ich mich für die nächste runde vormerken lassen",
     "can you put me on the list for the next round?"],
)  # fmt: skip
def test_signing_up_for_the_next_round_in_words(matcher, sessions, message):
    router = applicant_router(matcher, sessions, datetime(2026, 11, 29, 9, 0, tzinfo=UTC))
    reply = text(router, message)
    assert reply.startswith(("Gern: Sobald eine neue Ausschreibung", "Will do: when a new call")), (
        reply
    )


@pytest.mark.parametrize(
    ("message", "named"),
    [("what were the five projects?", "Stralsund"), ("wer wurde ausgewählt?", "Stralsund"),
     ("wie viele projekte werden gefördert?", "fünf Projekte"),
     ("wer wurde als expertin ausgewählt?", "Vorauswahl")],
)  # fmt: skip
def test_which_ones_were_chosen_in_june(matcher, sessions, message, named):
    router = applicant_router(matcher, sessions, JUNE)
    reply = text(router, message)
    assert named in reply and "Meinen Sie" not in reply and "Do you mean" not in reply, reply


@pytest.mark.parametrize(
    ("first", "then"),
    [("wie viel geld gibts", "is das pro monat oder insgesamt"),
     ("was bekommen wir an geld", "ist das pro jahr oder einmalig?")],
)  # fmt: skip
def test_per_month_or_in_total_after_the_money(april, first, then):
    text(april, first)
    reply = text(april, then)
    assert reply.startswith("Für Projektzwecke werden pro Projekt"), reply


def test_a_formal_mail_with_a_second_question_after_und_darf(april):
    reply = text(
        april,
        "Sehr geehrte Damen und Herren, welche Kosten übernimmt die Stiftung genau, und darf "
        "sich auch ein Landkreis bewerben? Mit freundlichen Grüßen",
    )
    assert "Personalkosten" in reply and "Ja. Bewerben können sich" in reply, reply
    assert "Meinen Sie" not in reply


@pytest.mark.parametrize(
    "message",
    ["welche anderen förderprogramme für städte kennt ihr?",
     "which other foundations fund projects in towns?"],
)  # fmt: skip
def test_other_programmes_are_not_the_five(message):
    assert not asks_which_ones(message)


@pytest.mark.parametrize("message", ["gudn tach wer zahlt den expertn", "who pays the expert?"])
def test_who_pays_the_expert_is_the_pay(april, message):
    reply = text(april, message)
    assert reply.startswith(("Die Expert:innen werden nach TVöD", "Experts are paid")), reply


def test_a_short_question_after_a_refusal_about_the_call(april):
    text(april, "können expert:innen auch aus dem ausland kommen")
    reply = text(april, "gibt es eine altersgrenze")
    assert reply.startswith("Das sagt die Ausschreibung nicht"), reply
    assert not text(april, "regnet es morgen?").startswith("Das sagt die Ausschreibung")


@pytest.mark.parametrize(
    ("message", "said"),
    [("Wie geht es jetzt weiter nach der Zusage?", "Die Projektskizzen entstanden"),
     ("wie geht es nach den vorgesprächen weiter?", "Nach den Vorgesprächen"),
     ("what's next after the preliminary talks?", "After the preliminary talks")],
)  # fmt: skip
def test_how_it_goes_on_after_a_step(matcher, sessions, message, said):
    router = applicant_router(matcher, sessions, JUNE)
    assert text(router, message).startswith(said)


def test_the_one_topic_just_answered_is_no_picker(april):
    text(april, "gudn tach wer zahlt den expertn")
    reply = text(april, "und was verdient der so ca")
    assert reply.startswith("Die Expert:innen werden nach TVöD"), reply


def test_who_chooses_the_towns_is_not_which_towns():
    assert not asks_which_ones("Wer wählt eigentlich die Städte aus?")


def test_a_size_below_some_inhabitants_is_not_decided(april):
    # a kind of applicant the call names, of a size it sets no minimum for (round 23:
    # "Ja" and that no minimum is named, not "Das legt … nicht fest" alone)
    reply = text(april, "sind auch gemeinden unter 5000 einwohnern zugelassen?")
    assert reply.startswith("Ja – eine Mindestgröße nennt die Ausschreibung nicht."), reply


@pytest.mark.parametrize(
    ("message", "which"),
    [("who are the participants this time?", True), ("Wer wählt eigentlich die Städte aus?", False),
     ("wer sucht die kommunen aus?", False)],
)  # fmt: skip
def test_who_the_participants_are(message, which):
    assert asks_which_ones(message) is which


# -- tryout15 (the same brief, on round19) ---------------------------------------------


def test_reaching_her_now_after_her_hours_is_no(matcher, sessions):
    router = applicant_router(matcher, sessions, LAST_EVENING)
    reply = text(router, "Kann ich Frau Prokop jetzt noch erreichen?")
    assert reply.startswith("Nein. Dr. Christine Prokop-Scheer ist heute nicht mehr"), reply
    assert "Ja. Dr. Christine" in text(router, "kann ich der frau prokop auch ne mail schreiben")


def test_per_year_after_the_pay_grade_names_no_amount(april):
    text(april, "was bekommt der experte an gehalt")
    reply = text(april, "ist das pro jahr?")
    assert reply.startswith("Einen Euro-Betrag nennt die Ausschreibung nicht"), reply
    assert "TVöD" in reply and "3.000" not in reply


@pytest.mark.parametrize(
    ("now", "said"),
    [(datetime(2026, 11, 29, 9, 0, tzinfo=UTC), "Gern: Sobald eine neue Ausschreibung"),
     (APRIL, "Sie bekommen jetzt Erinnerungen")],
)  # fmt: skip
def test_notify_me_alone_signs_up_for_what_the_day_has(matcher, sessions, now, said):
    router = applicant_router(matcher, sessions, now)
    assert text(router, "ok benachrichtige mich bitte").startswith(said)


@pytest.mark.parametrize(
    ("message", "said"),
    [("wie spät ist es", "Es ist Do 20.04. 10:00 Uhr."), ("what time is it?", "It is Thu 20 Apr")],
)
def test_the_time_is_no_question_about_the_deadline(april, message, said):
    assert text(april, message).startswith(said)


def test_the_experts_contact_at_home_is_the_mentor(matcher, sessions):
    router = applicant_router(matcher, sessions, SEPTEMBER)
    reply = text(router, "Wann fängt unser Experte an und wer ist seine Ansprechperson bei uns?")
    assert "Oktober 2023" in reply and "verwaltungsinternen Pat:in" in reply, reply
    assert "lokalprojekte.de" not in reply


@pytest.mark.parametrize(
    ("now", "said"),
    [(EVENING_BEFORE, "Ja, bis morgen"), (LAST_EVENING, "Nein. Bewerbungsschluss ist der 3. Mai")],
)
def test_and_tomorrow_after_the_deadline_is_no_greeting(matcher, sessions, now, said):
    router = applicant_router(matcher, sessions, now)
    text(router, "kann ich heute noch einreichen?")
    assert text(router, "und morgen?").startswith(said)


def test_good_morning_is_still_a_greeting():
    assert small_talk("Morgen!") == "greeting" and small_talk("und morgen?") is None


@pytest.mark.parametrize("message", ["eigenanteil?", "Kofinanzierung?"])
def test_a_term_the_call_leaves_open_alone(april, message):
    reply = text(april, message)
    assert reply.startswith("Das legt die Ausschreibung nicht fest. Sie sagt dazu:\n"), reply


def test_good_bye_after_the_call_wishes_no_luck_with_an_application(matcher, sessions):
    router = applicant_router(matcher, sessions, datetime(2026, 11, 29, 9, 0, tzinfo=UTC))
    assert text(router, "danke tschüss") == "Auf Wiedersehen – schön, dass Sie da waren!"


def test_good_bye_while_the_call_is_open_wishes_luck(april):
    assert "viel Erfolg mit Ihrer Bewerbung" in text(april, "danke tschüss")


def test_a_switch_after_the_time_repeats_no_earlier_answer(april):
    text(april, "wer kann sich bewerben?")
    text(april, "wie spät ist es")
    assert text(april, "in english please") == "I will answer in English now."
