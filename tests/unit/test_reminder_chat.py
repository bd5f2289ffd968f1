"""Reminders through the router: subscribe, list, stop, privacy, Jour Fixe times."""

from datetime import UTC, datetime

import pytest

from bot.booking.service import JourFixe
from bot.chat.faq_replies import FaqReplies
from bot.people import People
from bot.timeline import Timeline
from tests.chat import make_router, say
from tests.clock import Clock
from tests.unit.test_editions import EDITION


@pytest.fixture
def router(matcher, sessions):
    clock = Clock(datetime(2026, 3, 1, 12, 0, tzinfo=UTC))
    timeline = Timeline(sessions, clock)
    timeline.load(EDITION)
    faq = FaqReplies(matcher, offer_reminders=True, edition=timeline.active)
    return make_router(
        faq,
        people=People(sessions, clock),
        booking=JourFixe(sessions, clock),
        timeline=timeline,
        clock=clock,
    )


def test_subscribe_lists_the_coming_pushes_and_stop_ends_them(router):
    reply = say(router, "anna", "/erinnerungen")[0].text
    assert "Erinnerungen zu „Test edition“ (3)" in reply
    assert "Di 24.03. 09:00 – Bewerbungsschluss – in 7 Tagen" in reply
    assert "Mo 30.03. 09:00" in reply and "/stopp" in reply
    assert "3 geplante gelöscht" in say(router, "anna", "/stopp")[0].text
    assert "keine Erinnerungen abonniert" in say(router, "anna", "/stopp")[0].text


def test_english_subscription(router):
    reply = say(router, "tom", "/remind", lang_hint="en")[0].text
    assert "You will now get reminders" in reply and "Tue 24 Mar 09:00" in reply


def test_a_dated_faq_answer_offers_the_reminders(router):
    answer = say(router, "anna", "Wann ist Bewerbungsschluss?")[0]
    assert answer.buttons and "Erinnerungen" in answer.buttons[0].label
    assert "Erinnerungen zu" in say(router, "anna", data=answer.buttons[0].data)[0].text
    undated = say(router, "anna", "Wer fördert das Programm?")[0]
    assert not undated.buttons


def test_applicants_see_and_erase_their_subscription(router):
    say(router, "anna", "/erinnerungen")
    data = say(router, "anna", "/meinedaten")[0].text
    assert "Ihre Erinnerungen\n• Fristen von „Test edition“ (Konsole), seit " in data
    confirm = say(router, "anna", "/loeschen")[0]
    assert "gelöscht" in say(router, "anna", data=confirm.buttons[0].data)[0].text
    assert "nichts gespeichert" in say(router, "anna", "/meinedaten")[0].text
    assert router.services.timeline.subscriptions_of("console", "anna") == []


def test_jour_fixe_reminder_times(router):
    people = router.services.people
    code = people.invite("expert", "Erika").code
    say(router, "erika", f"/start {code}")
    assert "1 Tag, 1 h" in say(router, "erika", "/vorher")[0].text
    assert "2 Tage, 30 min" in say(router, "erika", "/vorher 30min 2d")[0].text
    assert "verstehe ich nicht" in say(router, "erika", "/vorher bald")[0].text
    assert "nur für" in say(router, "anna", "/vorher 1h")[0].text  # applicants have no Jour Fixes


def test_a_second_subscription_says_so(router):
    say(router, "anna", "/erinnerungen")
    again = say(router, "anna", "/erinnerungen")[0].text
    assert again.startswith("Sie sind schon angemeldet.") and "(3)" in again
    assert say(router, "tom", "/remind", lang_hint="en")[0].text.startswith("You will now")
    assert say(router, "tom", "/remind", lang_hint="en")[0].text.startswith("You are already")


def test_the_night_before_the_deadline_the_reply_says_no_reminder_comes_for_it(router):
    router.services.clock.now = datetime(2026, 3, 30, 21, 30, tzinfo=UTC)  # 23:30 in Berlin
    reply = say(router, "anna", "/erinnerungen")[0].text
    assert "Erinnerungen zu „Test edition“ (1)" in reply  # the kick-off
    assert "Bewerbungsschluss ist morgen (31.03.2026) – dafür kommt keine Erinnerung mehr." in reply
    early = say(router, "tom", "/remind", lang_hint="en")[0].text
    assert "Deadline is tomorrow (2026-03-31): too close for a reminder." in early


@pytest.mark.parametrize(
    "words, lang, stopped",
    [
        ("bitte keine erinnerungen mehr schicken", "de", "3 geplante gelöscht"),
        ("Erinnerungen abbestellen", "de", "3 geplante gelöscht"),
        ("ich möchte keine Benachrichtigungen mehr", "de", "3 geplante gelöscht"),
        ("please stop the reminders", "en", "3 planned"),
        ("no more reminders please", "en", "3 planned"),
        ("unsubscribe", "en", "3 planned"),
        ("turn the reminders off", "en", "3 planned"),
    ],
)
def test_asking_in_words_to_stop_the_reminders_stops_them(router, words, lang, stopped):
    """Try-out 4 (A15, A16): the pushes end "/stopp"; people answer them in words ("please
    stop the reminders" was "I can't help with that", "bitte keine erinnerungen mehr
    schicken" an FAQ refusal offering to forward it to the team)."""
    say(router, "anna", "/erinnerungen" if lang == "de" else "/remind", lang_hint=lang)
    reply = say(router, "anna", words)[0].text
    assert stopped in reply, reply
    assert all(s.stopped_at for s in router.services.timeline.subscriptions_of("console", "anna"))


def test_words_about_other_reminders_are_left_alone(router):
    """An expert's "keine Erinnerungen mehr" (Jour Fixe reminders, /vorher) is not the
    call's dates when the expert has none of those; a question about a reminder is a
    question."""
    people = router.services.people
    people.redeem(people.invite("expert", "Erika").code, "console", "erika", "erika")
    assert (
        "keine Erinnerungen abonniert"
        not in say(router, "erika", "keine Erinnerungen mehr")[0].text
    )
    say(router, "anna", "/erinnerungen")
    say(router, "anna", "kann ich die Erinnerung für den Kick-off bekommen?")
    assert all(
        s.stopped_at is None for s in router.services.timeline.subscriptions_of("console", "anna")
    )
