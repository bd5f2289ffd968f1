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
    assert "Ihre Erinnerungen\n• Fristen von „test“ (Konsole), seit " in data
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
