"""A short reply right after a call-date push is read against that push, as a
follow-up is read against an FAQ answer (tryout4 A7): "bis wie viel Uhr denn?" after
"Bewerbungsschluss – morgen" is about the deadline, on SQLite and PostgreSQL."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.chat.faq_replies import FaqReplies
from bot.people import People
from bot.timeline import Timeline
from jobs.dispatch import Dispatcher
from storage.repo import session_factory
from tests.bundles import shipped_text
from tests.chat import make_router, say, text
from tests.clock import Clock
from tests.senders import Recorder

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def sessions(engine):
    return session_factory(engine)


@pytest.fixture
def clock():
    return Clock(datetime(2023, 4, 20, 10, 0, tzinfo=BERLIN))


@pytest.fixture
def timeline(sessions, clock, kb):
    tl = Timeline(sessions, clock, kb=kb)
    tl.load(shipped_text())
    return tl


@pytest.fixture
def router(matcher, sessions, clock, timeline):
    faq = FaqReplies(matcher, offer_reminders=True, edition=timeline.active)
    return make_router(faq, people=People(sessions, clock), timeline=timeline, clock=clock)


def pushed(sessions, clock, at: datetime) -> list[str]:
    """The outbox's deliveries at `at`."""
    clock.now = at
    sender = Recorder()
    Dispatcher(sessions, {"console": sender}, clock=clock, sleep=lambda s: None).tick()
    return [d.text for d in sender.sent]


@pytest.mark.parametrize(
    ("user", "lang", "asked", "said"),
    [
        ("sam", "en", "thanks, and until what time?", "no time"),
        ("pia", "de", "bis wie viel uhr denn?", "Uhrzeit"),
    ],
)
def test_a_follow_up_right_after_the_deadline_push_is_about_the_deadline(
    router, sessions, clock, user, lang, asked, said
):
    say(router, user, "/remind" if lang == "en" else "/erinnerungen", lang_hint=lang)
    morning = datetime(2023, 5, 2, 9, 0, tzinfo=BERLIN)
    sent = pushed(sessions, clock, morning)
    assert any("3 May" in s or "03.05.2023" in s for s in sent), sent
    clock.now = morning + timedelta(minutes=5)
    answer = text(router, asked, user)
    assert said in answer, answer
    assert "3" in answer and ("May" in answer or "Mai" in answer), answer


def test_a_reply_long_after_the_push_is_not_read_against_it(router, sessions, clock):
    say(router, "sam", "/remind", lang_hint="en")
    morning = datetime(2023, 5, 2, 9, 0, tzinfo=BERLIN)
    pushed(sessions, clock, morning)
    clock.now = morning + timedelta(hours=3)
    answer = text(router, "until what time?", "sam")
    assert "no time" not in answer, answer


def test_an_faq_answer_after_the_push_is_what_a_follow_up_is_about(router, sessions, clock):
    say(router, "pia", "/erinnerungen")
    morning = datetime(2023, 5, 2, 9, 0, tzinfo=BERLIN)
    pushed(sessions, clock, morning)
    clock.now = morning + timedelta(minutes=2)
    say(router, "pia", "Wann ist der Kick-off?")
    clock.now = morning + timedelta(minutes=3)
    answer = text(router, "und wo?", "pia")
    assert "Bewerbungsschluss" not in answer and "Uhrzeit" not in answer, answer
