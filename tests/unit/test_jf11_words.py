"""Jour Fixe words in context (jf11, tryout5 J20, J13, J1): a lapsed request proposed
again, another time to a counter-proposal checked first, a second meeting on a day."""

from datetime import UTC, datetime, time, timedelta

import pytest

from bot.app.wiring import expire_requests
from bot.booking.base import BookingError
from bot.booking.rules import Rules
from bot.booking.service import JourFixe
from bot.booking.timeparse import Window
from bot.chat.faq_replies import FaqReplies
from bot.people import People
from tests.chat import make_router, say
from tests.clock import Clock
from tests.people import pair_with_buddy


@pytest.fixture
def clock():
    return Clock(datetime(2026, 3, 2, 8, 0, tzinfo=UTC))


@pytest.fixture
def world(matcher, sessions, clock):
    people = People(sessions, clock)
    booking = JourFixe(sessions, clock, Rules())
    router = make_router(FaqReplies(matcher), people=people, booking=booking, clock=clock)
    windows = [Window(time(10), time(12), weekday=1), Window(time(14), time(16), weekday=3)]
    ids = pair_with_buddy(people, booking, "Bernd", ["Erika", "Emil"], windows, platform="console")
    return router, booking, {name.lower(): person_id for name, person_id in ids.items()}


def book(router, user="erika", slot=0, series=0):
    slots = say(router, user, "/jourfixe")[0]
    pick = say(router, user, data=slots.buttons[slot].data)[0]
    return say(router, user, data=pick.buttons[series].data)


def test_a_late_yes_to_a_lapsed_request_says_so_and_proposes_it_again(world, clock):
    router, booking, ids = world
    assert "Di 10.03. 10:00" in book(router, slot=4)[0].text
    clock.now += timedelta(hours=49)
    notices = expire_requests(router)  # the buddy hears it too, with the button
    assert [o.to.chat_id for o in notices] == ["erika", "bernd"]
    assert "ist abgelaufen" in notices[1].text and "vorschlagen" in notices[1].buttons[0].label
    [late] = say(router, "bernd", "sorry war krank. ja passt")
    assert "ist abgelaufen" in late.text and "Di 10.03. 10:00" in late.text
    assert "bestätigt" not in late.text and not booking.upcoming(ids["erika"])
    sent = say(router, "bernd", data=late.buttons[0].data)
    assert "noch einmal vorgeschlagen" in sent[0].text
    [told] = [o for o in sent if o.to and o.to.chat_id == "erika"]
    assert "erneut vor" in told.text
    [proposal] = booking.proposals(ids["erika"])
    assert proposal.proposed_start == datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
    assert not booking.lapsed(ids["bernd"])  # proposed again: no longer "lapsed"
    accepted = say(router, "erika", data=told.buttons[0].data)
    assert "bestätigt" in accepted[0].text and len(booking.upcoming(ids["erika"])) == 1


def test_a_lapsed_request_whose_time_has_passed_is_not_offered_again(world, clock):
    router, booking, ids = world
    book(router)  # Di 03.03. 10:00, past when the request lapses
    clock.now += timedelta(hours=49)
    assert [o.to.chat_id for o in expire_requests(router)] == ["erika"]
    assert booking.lapsed(ids["bernd"]) == []


def test_only_a_lapsed_request_can_be_proposed_again(world):
    router, booking, ids = world
    book(router)
    [waiting] = booking.pending(ids["bernd"])
    assert booking.lapsed(ids["bernd"]) == []
    with pytest.raises(BookingError) as exc:
        booking.repropose(ids["bernd"], waiting.id)
    assert exc.value.key == "not_pending"
    assert "bestätigt" in say(router, "bernd", "ja passt")[0].text  # the open one, as before


def test_a_late_yes_with_nothing_lapsed_is_no_lapse(world):
    router, _, _ = world
    assert "abgelaufen" not in say(router, "bernd", "ja passt")[0].text


def test_another_time_outside_the_free_times_keeps_the_proposal(world):
    router, booking, ids = world
    book(router)  # Di 03.03. 10:00
    say(router, "bernd", "geht leider nicht, lieber do 5.3. 15 uhr")
    [before] = booking.proposals(ids["erika"])
    for said in ("hm 15 uhr geht bei mir nicht, geht auch 16 uhr?", "nein, lieber 16 uhr"):
        replies = say(router, "erika", said)
        assert "außerhalb der freien Zeiten von Bernd" in replies[0].text
        assert "vergeben" not in replies[0].text and not [o for o in replies if o.to]
    assert [p.id for p in booking.proposals(ids["erika"])] == [before.id]


def test_another_free_time_asked_about_is_asked_first(world):
    router, booking, ids = world
    book(router)
    say(router, "bernd", "geht leider nicht, lieber do 5.3. 15 uhr")
    [ask] = say(router, "erika", "geht auch 14 uhr?")
    assert "Do 05.03. 14:00 ist frei" in ask.text and booking.proposals(ids["erika"])
    replies = say(router, "erika", data=ask.buttons[0].data)
    assert not booking.proposals(ids["erika"])
    [request] = booking.pending(ids["bernd"])
    assert request.starts_at == datetime(2026, 3, 5, 13, 0, tzinfo=UTC)
    assert [o.to.chat_id for o in replies if o.to] == ["bernd", "bernd"]  # declined, asked


def test_a_second_meeting_on_a_day_is_said_before_it_is_sent(world):
    router, _, _ = world
    book(router, slot=0)  # Di 03.03. 10:00
    say(router, "bernd", "ja")
    slots = say(router, "erika", "/jourfixe di")[0]
    label = slots.buttons[0].label
    assert "03.03. 11:00" in label
    [series] = say(router, "erika", data=slots.buttons[0].data)
    assert "schon einen Jour Fixe mit Bernd (Di 03.03. 10:00)" in series.text
