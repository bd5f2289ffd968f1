"""Jour Fixe through the router, as expert and buddy experience it in chat."""

import re
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from bot.app.wiring import expire_requests
from bot.booking.rules import Rules
from bot.booking.service import JourFixe
from bot.booking.timeparse import Window
from bot.chat.faq_replies import FaqReplies
from bot.people import People
from tests.chat import make_router, say
from tests.clock import Clock
from tests.people import pair_with_buddy

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def clock():
    return Clock(datetime(2026, 3, 2, 8, 0, tzinfo=UTC))


@pytest.fixture
def world(matcher, sessions, clock):
    people = People(sessions, clock)
    booking = JourFixe(sessions, clock, Rules())
    router = make_router(FaqReplies(matcher), people=people, booking=booking, clock=clock)
    tuesdays = [Window(time(10), time(12), weekday=1)]
    ids = pair_with_buddy(people, booking, "Bernd", ["Erika", "Emil"], tuesdays, platform="console")
    olga = people.invite("expert", "Olga")  # an expert without a buddy
    people.redeem(olga.code, "console", "olga", "olga")
    ids["Olga"] = olga.person_id
    return router, {name.lower(): person_id for name, person_id in ids.items()}  # by login


def book(router, user="erika", slot=0, series=0):
    slots = say(router, user, "/jourfixe")[0]
    pick = say(router, user, data=slots.buttons[slot].data)[0]
    return say(router, user, data=pick.buttons[series].data)


def ics(outbound):
    [attachment] = outbound.files
    return Calendar.from_ical(attachment.data)


def test_request_confirm_by_button_both_get_a_valid_calendar_file(world):
    router, _ = world
    to_expert, to_buddy = book(router)
    assert "Anfrage an Bernd geschickt: Di 03.03. 10:00" in to_expert.text and to_expert.to is None
    assert to_buddy.to.chat_id == "bernd" and "Erika möchte einen Jour Fixe" in to_buddy.text
    confirm = say(router, "bernd", data=to_buddy.buttons[0].data)
    assert [o.to and o.to.chat_id for o in confirm] == [None, "erika"]
    for out in confirm:
        assert "Jour Fixe bestätigt: Di 03.03. 10:00" in out.text
        cal = ics(out)
        event = cal.walk("VEVENT")[0]
        assert cal["METHOD"] == "REQUEST" and event["SEQUENCE"] == 0
        assert event.decoded("DTSTART") == datetime(2026, 3, 3, 10, 0, tzinfo=BERLIN)
        assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
        assert cal.walk("VTIMEZONE")


def test_buddy_answers_in_words(world):
    router, _ = world
    book(router)
    assert "bestätigt" in say(router, "bernd", "passt!")[0].text


def test_unclear_reply_is_asked_back_never_decided(world):
    router, ids = world
    book(router)
    back = say(router, "bernd", "jaa")[0]
    assert "nichts falsch verstehen" in back.text and len(back.buttons) == 2
    assert router.services.booking.pending(ids["bernd"])  # still waiting
    maybe = say(router, "bernd", "vielleicht")[0]  # asked back, nothing decided
    assert "bestätigen oder ablehnen?" in maybe.text and len(maybe.buttons) == 2
    assert router.services.booking.pending(ids["bernd"])


def test_no_declines_and_tells_the_expert(world):
    router, _ = world
    book(router)
    mine, theirs = say(router, "bernd", "geht leider nicht")
    assert (
        "Abgelehnt" in mine.text
        and theirs.to.chat_id == "erika"
        and "kann am Di 03.03. 10:00 leider nicht" in theirs.text
    )


def test_several_pending_requests_ask_which(world):
    router, _ = world
    book(router, "erika", slot=0)
    book(router, "emil", slot=0)  # the next free slot for Emil
    reply = say(router, "bernd", "ja")[0]
    assert "mehrere offene Anfragen" in reply.text and len(reply.buttons) == 4


def test_counter_proposal_accepted_with_one_tap(world):
    router, _ = world
    book(router)
    sent, to_expert = say(router, "bernd", "Mi 16:00")
    assert "Ihr Vorschlag Mi 04.03. 16:00" in sent.text
    assert "schlägt Mi 04.03. 16:00 vor" in to_expert.text
    confirmed = say(router, "erika", data=to_expert.buttons[0].data)
    assert all("Jour Fixe bestätigt: Mi 04.03. 16:00" in o.text for o in confirmed)


def test_the_losing_side_gets_fresh_alternatives(world):
    router, _ = world
    erika_slots = say(router, "erika", "/jourfixe")[0]
    emil_slots = say(router, "emil", "/jourfixe")[0]
    pick = say(router, "emil", data=emil_slots.buttons[0].data)[0]  # once or series?
    book(router, "erika", slot=0)
    lost = say(router, "emil", data=pick.buttons[0].data)[0]
    assert "Dieser Termin wurde gerade vergeben" in lost.text
    assert lost.buttons and lost.buttons[0].data != erika_slots.buttons[0].data
    # the slot pressed after it was taken: said at once, not "once or series?" first
    late = say(router, "emil", data=emil_slots.buttons[0].data)[0]
    assert "Dieser Termin wurde gerade vergeben" in late.text and "einmalig" not in late.text


def test_move_and_cancel_keep_the_uid_and_tell_the_other_side(world):
    router, _ = world
    _, to_buddy = book(router)
    say(router, "bernd", data=to_buddy.buttons[0].data)
    meetings = say(router, "erika", "/termine")[0].text
    meeting_id = re.search(r"^#(\d+) ", meetings, re.M).group(1)
    options = say(router, "bernd", f"/verschieben #{meeting_id}")[0]
    mine, theirs = say(router, "bernd", data=options.buttons[0].data)
    assert (
        "verschoben:" in mine.text and theirs.to.chat_id == "erika" and "(von Bernd)" in theirs.text
    )
    moved = ics(theirs).walk("VEVENT")[0]
    first_uid = str(moved["UID"])
    assert moved["SEQUENCE"] == 1
    [question] = say(router, "erika", f"/absagen {meeting_id}")
    assert "Wirklich absagen?" in question.text and "Bernd" in question.text
    mine, theirs = say(router, "erika", data=question.buttons[0].data)
    cancel = ics(theirs)
    assert cancel["METHOD"] == "CANCEL" and str(cancel.walk("VEVENT")[0]["UID"]) == first_uid
    assert cancel.walk("VEVENT")[0]["SEQUENCE"] == 2 and "abgesagt (von Erika)" in theirs.text
    assert "Keine anstehenden" in say(router, "bernd", "/termine")[0].text


def test_forged_and_foreign_buttons_are_refused(world):
    router, _ = world
    _, to_buddy = book(router)
    meeting = to_buddy.buttons[0].data.split(":")[-1]
    assert (
        "nicht mehr gültig" in say(router, "erika", data=f"jf:yes:{meeting}")[0].text
    )  # experts can't confirm
    assert "finde ich bei Ihnen nicht" in say(router, "olga", data=f"jf:cancel:{meeting}")[0].text
    assert "finde ich bei Ihnen nicht" in say(router, "emil", f"/absagen {meeting}")[0].text
    for data in (
        "jf:",
        "jf:yes",
        "jf:yes:abc",
        "jf:book:1:9",
        "jf:nonsense:1",
        "jf:book:99999999999:0",
    ):
        text = say(router, "erika", data=data)[0].text
        assert "nicht mehr gültig" in text or "gerade vergeben" in text


def test_role_restricted_commands(world):
    router, _ = world
    assert "nur für Expert:in" in say(router, "bernd", "/jourfixe")[0].text
    assert "nur für Buddy" in say(router, "erika", "/frei Di 10-12")[0].text
    assert "nur für" in say(router, "stranger", "/termine")[0].text


def test_bad_times_get_an_example(world):
    router, _ = world
    assert "Beispiel: /frei Di 10-12" in say(router, "bernd", "/frei dienstags irgendwann")[0].text
    assert "Beispiel: /urlaub 24.12.-2.1." in say(router, "bernd", "/urlaub Ostern")[0].text


def test_expert_without_buddy_gets_a_clear_answer(world):
    router, _ = world
    assert "noch kein Buddy" in say(router, "olga", "/jourfixe")[0].text


def test_unanswered_request_expires_on_the_tick_and_the_expert_is_told(world, clock):
    router, ids = world
    request = book(router)[1]
    clock.now += timedelta(hours=49)
    replies = say(router, "bernd", "/termine")  # a reply never runs the expiry ...
    assert not [o for o in replies if o.to] and "Keine anstehenden" in replies[0].text
    late = say(router, "bernd", data=request.buttons[0].data)[0]  # ... yet a late "yes" is refused
    assert "schon erledigt (unbeantwortet abgelaufen)" in late.text
    assert "bestätigt" not in say(router, "bernd", "ja")[-1].text
    notices = expire_requests(router)  # the scheduler's tick
    assert [o.to.chat_id for o in notices] == ["erika"]
    assert "nicht rechtzeitig geantwortet" in notices[0].text
    assert expire_requests(router) == [] and not router.services.booking.pending(ids["bernd"])


def test_buddy_sets_the_jour_fixe_length(world):
    router, _ = world
    assert "45 Minuten" in say(router, "bernd", "/dauer")[0].text
    assert "Vielfaches von 15" in say(router, "bernd", "/dauer 50")[0].text
    assert "90 Minuten" in say(router, "bernd", "/dauer 90")[0].text
    slots = say(router, "erika", "/jourfixe")[0]
    assert [b.label for b in slots.buttons[:2]] == [
        "Di 03.03. 10:00",
        "Di 10.03. 10:00",
    ]  # 90 min: one per window


def test_a_booking_forgets_what_its_chat_was_asked_a_refused_one_does_not(world):
    router, _ = world
    jf = router.services.booking
    slots = say(router, "emil", "/jourfixe")[0]
    pick = say(router, "emil", data=slots.buttons[0].data)[0]  # asked: once or a series?
    assert jf.asked("console", "emil").kind == "series"
    to_erika, _ = book(router, "erika")  # Erika books the same slot first
    assert "Anfrage an Bernd" in to_erika.text
    assert jf.asked("console", "erika") is None  # her booking forgot her question
    refused = say(router, "emil", data=pick.buttons[0].data)[0]
    assert "vergeben" in refused.text
    assert jf.asked("console", "emil").kind == "series"  # nothing booked, nothing forgotten
    booked = say(router, "emil", data=refused.buttons[0].data)[0]  # another slot
    say(router, "emil", data=booked.buttons[0].data)
    assert jf.asked("console", "emil") is None
