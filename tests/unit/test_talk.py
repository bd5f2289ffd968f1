"""Short talk found in the fourth try-out: the language of "ok" and "hi" (C4), "ok" with
nothing open (C5), a greeting after the greeting (K2), the applicants' buttons for
experts and buddies (C13), "ist jemand erreichbar?" at night (C15) and an expert's
"wo treffen wir uns?" (C8)."""

from datetime import UTC, datetime

import pytest

from bot.adapters.common import pressed
from bot.booking.service import JourFixe
from bot.chat.faq_replies import FaqReplies
from bot.people import People
from bot.timeline import Timeline
from jobs.editions import default_edition_text
from tests.chat import make_router, say
from tests.clock import Clock
from tests.people import bernd_with_erika_and_emil

NIGHT = datetime(2023, 5, 2, 21, 0, tzinfo=UTC)  # 23:00 in Berlin, a Tuesday
MONDAY_10 = datetime(2023, 5, 8, 8, 0, tzinfo=UTC)  # 10:00 in Berlin
AFTER = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)  # the 2023 call is long closed


def _router(matcher, sessions, now):
    clock = Clock(now)
    timeline = Timeline(sessions, clock)
    timeline.load(default_edition_text())
    faq = FaqReplies(matcher, offer_reminders=True, edition=timeline.active)
    people = People(sessions, clock)
    router = make_router(
        faq, people=people, booking=JourFixe(sessions, clock), timeline=timeline, clock=clock
    )
    return router, people


@pytest.fixture
def night(matcher, sessions):
    return _router(matcher, sessions, NIGHT)[0]


@pytest.fixture
def pair(matcher, sessions):
    """Erika (German) and Emil (English), experts of Bernd, after the call closed."""
    router, people = _router(matcher, sessions, AFTER)
    bernd_with_erika_and_emil(people)
    return router


def text(router, user, words, **kw) -> str:
    return "\n".join(r.text for r in say(router, user, words, **kw))


# -- C4: the language of short messages ----------------------------------------------------


def test_hi_as_the_first_message_is_english_hallo_german(night):
    assert text(night, "jane", "hi").startswith("Hello!")
    assert text(night, "paula", "hallo").startswith("Hallo!")


def test_ok_in_a_german_conversation_stays_german(night):
    assert "Bewerbungsschluss ist morgen" in text(night, "paula", "wann ist bewerbungsschluss")
    assert text(night, "paula", "ok").startswith("Alles klar.")
    assert text(night, "paula", "hi").startswith("Hallo!")  # one "hi" changes nothing
    assert text(night, "paula", "ok").startswith("Alles klar.")


def test_ok_and_ja_in_an_english_conversation_stay_english(night):
    assert "tomorrow" in text(night, "jane", "when is the deadline")
    assert text(night, "jane", "ok").startswith("All right.")
    assert text(night, "jane", "ja").startswith("All right.")
    assert text(night, "jane", "hallo").startswith("Hello!")


def test_a_time_keeps_the_language_of_an_english_expert(pair):
    reply = text(pair, "emil", "Tue 1 Dec 11:00")  # read as a Jour Fixe time (jf3): not free
    assert "is not free" in reply and "nicht frei" not in reply
    assert "nicht frei" in text(pair, "erika", "do 14 uhr")


# -- C5 and K2: "ok" with nothing open, a greeting after the greeting ---------------------------


@pytest.mark.parametrize(("words", "expected"), [("ok", "Alles klar."), ("ja", "Alles klar."),
                                                 ("okay", "Alles klar."), ("yes", "All right."),
                                                 ("danke", "Gern geschehen")])  # fmt: skip
def test_ok_with_nothing_open_gets_a_short_reply_not_the_help(night, words, expected):
    (reply,) = say(night, "paula", words)
    assert reply.text.startswith(expected)
    assert "/erinnerungen" not in reply.text and "/remind" not in reply.text
    assert len(reply.text.splitlines()) <= 2


def test_a_greeting_after_the_greeting_does_not_repeat_the_help(night):
    greeting = text(night, "paula", "/start")
    assert "/erinnerungen" in greeting  # the help came with the greeting
    again = text(night, "paula", "hallo")
    assert "/hilfe" in again and "/erinnerungen" not in again
    assert "Hallo" not in again  # try-out 6: no second "Hallo!" right after the welcome


def test_experts_and_buddies_are_welcomed_with_their_own_tasks(pair):
    for user, task in (("erika", "/jourfixe"), ("bernd", "/frei")):
        welcome = text(pair, user, "/start")
        first = welcome.split("\n\n", 1)[0]
        assert task in first and "Bis wann kann ich mich bewerben" not in welcome
    assert text(pair, "erika", "hi").startswith("Was kann ich für Sie tun?")
    english = text(pair, "emil", "/start")
    assert english.startswith("Hello!") and "/jourfixe" in english.split("\n\n", 1)[0]


def test_a_number_with_nothing_open_still_says_so(night):
    assert "keine Auswahl offen" in text(night, "paula", "7")


# -- C13: the applicants' buttons ----------------------------------------------------------------


def test_experts_and_buddies_get_no_next_call_button_applicants_do(pair):
    question = "wann ist bewerbungsschluss"
    for expert in ("erika", "bernd"):
        (answer,) = say(pair, expert, question)
        assert "3. Mai 2023" in answer.text and not answer.buttons
    (answer,) = say(pair, "emil", "when is the deadline")
    assert "3 May 2023" in answer.text and not answer.buttons
    (answer,) = say(pair, "tom", question)
    assert [b.label for b in answer.buttons] == ["🔔 Bei neuer Ausschreibung melden"]


def test_a_bare_yes_after_an_answer_presses_nothing(pair):
    (answer,) = say(pair, "tom", "wann sind die vorgespräche")
    assert pressed("ja", answer.buttons) is None and pressed("yes", answer.buttons) is None
    assert pressed("1", answer.buttons) == answer.buttons[0]  # the number still does
    (greeting, offer) = say(pair, "tom", "/start")  # a question: "Möchten Sie …?"
    assert pressed("ja", offer.buttons) == offer.buttons[0]


@pytest.mark.parametrize("word", ["ja", "ok", "Ja!", "yes"])
def test_a_typed_yes_after_an_answer_with_one_offer_is_an_acknowledgement(pair, word):
    """Try-out 7: the answer's only button was the next-call offer, and a plain "ja"
    subscribed. The answer asked nothing: "Alles klar.", nothing pressed."""
    (answer,) = say(pair, "tom", "wann sind die vorgespräche")
    assert len(answer.buttons) == 1
    (reply,) = say(pair, "tom", word)
    assert reply.text.startswith(("Alles klar", "All right")), reply.text
    assert "Sobald eine neue Ausschreibung da ist" not in reply.text


def test_a_typed_yes_to_the_offer_that_asks_takes_it(pair):
    say(pair, "tom", "/start")  # "Möchten Sie Bescheid bekommen …?" with one button
    assert "Sobald eine neue Ausschreibung da ist" in text(pair, "tom", "ja")


@pytest.mark.parametrize(
    ("question", "word", "done"),
    [
        ("gibt es eine nächste ausschreibung", "ja", "Sobald eine neue Ausschreibung"),
        ("gibt es eine nächste ausschreibung", "ja bitte", "Sobald eine neue Ausschreibung"),
        ("wann kommt die nächste", "gerne", "Sobald eine neue Ausschreibung"),
        ("wann ist bewerbungsschluss", "jo", "Sobald eine neue Ausschreibung"),
        ("wann ist bewerbungsschluss", "ok gerne", "Sobald eine neue Ausschreibung"),
        ("is there a next call", "yes please", "when a new call opens"),
        ("is there a next call", "sure", "when a new call opens"),
        ("is there a next call", "Yes!", "when a new call opens"),
    ],
)
def test_a_yes_to_the_next_call_answer_puts_the_applicant_on_the_list(pair, question, word, done):
    """Try-out 8 (3): after the deadline the state of the call is the answer, and it
    asks whether to tell them of the next call; a yes in the words people type takes
    the one button (it was "Alles klar." with nothing saved)."""
    (answer,) = say(pair, "tom", question)
    assert "?" in answer.text.rsplit("\n\n", 1)[-1] and len(answer.buttons) == 1
    assert done in text(pair, "tom", word)
    assert "Nachricht bei neuer Ausschreibung" in text(pair, "tom", "/meinedaten")


def test_yes_please_with_nothing_to_press_is_an_acknowledgement(pair):
    """Not "There is no open choice" followed by the whole help."""
    say(pair, "tom", "when are the preliminary talks")
    reply = text(pair, "tom", "yes please")
    assert reply.startswith("All right") and "/faq" not in reply


# -- C15: "ist jemand erreichbar?" -------------------------------------------------------------


@pytest.mark.parametrize("words", ["ist jemand erreichbar", "kann ich heute noch jemanden anrufen"])
def test_reachable_at_night_says_nobody_is_there_and_when(night, words):
    reply = text(night, "paula", words)
    assert "Gerade ist niemand da" in reply and "Mi 03.05. 09:00" in reply
    assert "Charlotte Bock" in reply and "Prokop-Scheer" in reply
    assert "Meinen Sie" not in reply


@pytest.mark.parametrize(
    "words",
    [
        "is the call open to anyone?",
        "wie erreichen wir die zielgruppe",
        "can anyone in a city apply",
    ],
)
def test_questions_about_the_call_with_anyone_are_no_contact_request(night, words):
    assert "Gerade ist niemand da" not in text(night, "paula", words)
    assert "Nobody is in right now" not in text(night, "jane", words)


def test_reachable_in_english_and_during_office_hours(matcher, sessions, night):
    reply = text(night, "jane", "is anyone available to talk?")
    assert "Nobody is in right now" in reply and "Wed 3 May 09:00" in reply
    day = _router(matcher, sessions, MONDAY_10)[0]
    reply = text(day, "paula", "ist jemand erreichbar?")
    assert "Gerade ist Sprechzeit" in reply and "Charlotte Bock" in reply


# -- C8: "wo treffen wir uns?" -------------------------------------------------------------------


def test_where_do_we_meet_gives_the_place_or_how_to_set_it(pair):
    reply = text(pair, "erika", "wo treffen wir uns")
    assert "noch kein Ort festgelegt" in reply and "/ort" in reply
    assert "Meinen Sie" not in reply
    text(pair, "bernd", "/ort Erika: Rathaus, Raum 2")
    assert "Rathaus, Raum 2" in text(pair, "erika", "wo treffen wir uns?")
    reply = text(pair, "emil", "where do we meet?")
    assert "No place is set yet" in reply and "/place" in reply
    assert "Rathaus, Raum 2" in text(pair, "bernd", "wo treffen wir uns mit erika")


def test_where_the_kickoff_is_stays_a_question_about_the_call(pair):
    assert "Ort" in text(pair, "erika", "wo findet das kickoff statt")
    assert "Kick-off" in text(pair, "erika", "wo findet das kickoff statt")
    reply = text(pair, "tom", "wo treffen wir uns")  # an applicant has no Jour Fixe
    assert "/ort" not in reply


# -- K7 and K9: who picks the expert, how much the expert is paid ---------------------------------


def test_who_picks_the_expert_names_the_preselection_of_one_to_three(night):
    reply = text(night, "paula", "wer sucht den experten aus")
    assert "ein bis drei ausgewählte Profile" in reply and "Sie wählen selbst" in reply
    reply = text(night, "jane", "who picks the expert?")
    assert "one to three selected profiles" in reply and "You choose" in reply


def test_how_much_the_expert_is_paid_reads_as_an_answer(night):
    reply = text(night, "jane", "how much is the expert paid")
    assert reply.startswith("The call names no euro amount; this is what it sets:")
    assert "pay group 11, level 2" in reply
    reply = text(night, "paula", "wie viel verdient die expertin")
    assert reply.startswith("Einen Euro-Betrag nennt die Ausschreibung nicht; sie legt")


# -- C6 and C7: what the call does not fix is said, a plain yes gets its "Ja" --------------------


@pytest.mark.parametrize(
    ("question", "lead"),
    [("kann die expertin teilzeit arbeiten", "Stunden oder Zeitaufwand nennt die Ausschreibung nicht"),
     ("muss die expertin vor ort sein", "Das legt die Ausschreibung nicht fest."),
     ("does the expert have to be on site?", "The call for applications does not decide this."),
     ("wird das gehalt der expertin bezahlt", "Ja. Die Expert:innen werden nach TVöD"),
     ("is the expert paid?", "Yes. Experts are paid"),
     ("wird die expertin von der kommune bezahlt", "Nein. Die Expert:innen")],
)  # fmt: skip
def test_hours_and_place_are_open_and_pay_is_a_yes(night, question, lead):
    assert text(night, "paula", question).startswith(lead)


# -- try-out 6: English experts, reachability for experts ------------------------------------


def test_a_clearly_english_message_from_an_invited_german_expert_is_answered_in_english(pair):
    assert text(pair, "erika", "hi, who is my buddy?").startswith("Your buddy is Bernd")
    assert "No place is set yet" in text(pair, "erika", "where do we meet")
    assert text(pair, "erika", "thx").startswith("You're welcome")  # remembered
    assert text(pair, "erika", "ok").startswith("All right.")
    assert text(pair, "erika", "Wer ist mein Buddy?").startswith("Ihr Buddy ist Bernd")
    text(pair, "erika", "/sprache en")  # chosen: stays, whatever she writes
    assert text(pair, "erika", "Wer ist mein Buddy?").startswith("Your buddy is Bernd")


def test_an_expert_asking_for_someone_at_night_hears_of_their_buddy_first(pair):
    reply = text(pair, "erika", "ist jemand erreichbar")
    assert reply.startswith("Ihr Buddy bei Lokalprojekte ist Bernd") and "/jourfixe" in reply
    assert "Charlotte Bock" in reply  # and the team, with whether it is there now
    applicant = text(pair, "tom", "ist jemand erreichbar")
    assert "Buddy" not in applicant and "Charlotte Bock" in applicant
