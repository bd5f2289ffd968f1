"""The choices of a chat's last reply, kept for every adapter (Telegram's inline buttons
included) and across restarts: "ja"/"ok" to several choices asks which one, a "ja" to
a confirmation presses it, a typed number picks from the last list, hours later and
after a restart; a list older than a day is shown again instead of picked from."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from datetime import time as clock_time

import pytest
from sqlalchemy import func, select

from bot.app import wiring
from bot.app.config import Settings
from bot.booking.timeparse import Window
from bot.messages import Inbound
from storage.models import ChatStateRow

START = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)  # a Monday, 10:00 in Berlin


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def world(engine, tmp_path):
    url = engine.url.render_as_string(hide_password=False)
    settings = Settings(database_url=url, data_dir=tmp_path)
    sessions = wiring.open_database(settings)
    clock = Clock()

    def start():
        return wiring.build_router(settings, clock=clock, sessions=sessions)

    router = start()
    people, booking = router.services.people, router.services.booking
    buddy = people.invite("buddy", "Bernd Buddy")
    people.redeem(buddy.code, "telegram", "bernd", "bernd")
    booking.set_windows(buddy.person_id, [Window(clock_time(9), clock_time(17), weekday=3)])
    expert = people.invite("expert", "Erika Expertin")
    people.redeem(expert.code, "telegram", "erika", "erika")
    people.pair(f"#{expert.person_id}", f"#{buddy.person_id}")
    yield start, router, clock, sessions
    sessions.kw["bind"].dispose()


def say(router, user, text="", data=None):
    return router.handle(Inbound("telegram", user, user, text=text, data=data))


def _book_weekly(router):
    [offer] = say(router, "erika", "/jourfixe")
    say(router, "erika", data=offer.buttons[0].data)
    replies = say(router, "erika", "2")  # typed: every week
    assert "jede Woche" in replies[0].text
    assert any(r.to is not None and r.buttons for r in replies)  # the buddy asked
    [confirmed, *_] = say(router, "bernd", "ja")
    assert "bestätigt" in confirmed.text


def test_ja_to_the_scope_of_a_series_cancel_asks_which_and_a_number_picks(world):
    _, router, _, _ = world
    _book_weekly(router)
    [scope] = say(router, "erika", "den jour fixe am 24.12. absagen")
    assert "Serie" in scope.text and len(scope.buttons) == 3
    for said in ("ja", "ok", "Passt!"):
        [which] = say(router, "erika", said)
        assert which.text.startswith("Welche Wahl meinen Sie?") and "1 bis 3" in which.text
        assert which.buttons == scope.buttons  # Telegram shows the buttons again
    [confirm] = say(router, "erika", "1")
    assert confirm.buttons and confirm.buttons[0].confirms
    replies = say(router, "erika", "ja")  # a yes to a confirmation presses it
    assert "abgesagt" in replies[0].text.lower()
    [listed] = say(router, "erika", "/termine")
    assert "24.12." not in listed.text and "17.12." in listed.text


def test_a_number_picks_from_the_last_list_after_a_restart_and_a_stale_one_is_shown_again(
    world,
):
    start, router, clock, sessions = world
    [offer] = say(router, "erika", "/jourfixe")
    router.save_chats()  # as the console after a line, `imbot run` on each tick
    clock.now += timedelta(hours=3)
    again = start()  # the process restarted: nothing in memory
    [series] = say(again, "erika", "3")
    assert "einmalig oder regelmäßig" in series.text and offer.buttons[2].label in series.text
    again.save_chats()
    clock.now += timedelta(hours=25)
    later = start()
    [stale] = say(later, "erika", "2")
    assert "mehr als einem Tag" in stale.text and stale.buttons == series.buttons
    [request, *_] = say(later, "erika", "1")  # shown again now: the number picks
    assert "Anfrage an Bernd Buddy geschickt" in request.text


def test_ok_to_a_single_offer_is_an_acknowledgement_and_nothing_open_says_so(world):
    _, router, _, _ = world
    [none] = say(router, "anna", "3")
    assert "keine Auswahl offen" in none.text
    [ack] = say(router, "anna", "ok")
    assert ack.text.startswith("Alles klar.") and not ack.buttons


def test_the_state_costs_no_statement_per_update_and_is_erased_with_the_chat(world):
    start, router, _, sessions = world
    say(router, "anna", "/lang en")
    say(router, "anna", "/faq")
    router.save_chats()
    with sessions() as s:
        rows = s.execute(select(ChatStateRow.chat_id, ChatStateRow.lang)).all()
        assert ("anna", "en") in rows
    assert start().chat_lang("telegram", "anna") == "en"  # /lang kept across a restart
    say(router, "anna", "/loeschen ja")
    router.save_chats()
    with sessions() as s:
        count = s.scalar(select(func.count()).where(ChatStateRow.chat_id == "anna"))
        assert count == 0


def test_choices_sent_by_the_outbox_are_the_chats_last_choices(world):
    """A buddy's request (or a reminder with buttons) goes out through the outbox: the
    sender tells the router, so a number typed next answers those buttons."""
    from jobs.dispatch import Delivery
    from tests.senders import Recorder

    _, router, _, _ = world
    say(router, "bernd", "/faq")  # a list of topics is open first
    sender = wiring.showing_choices(Recorder(), router)
    assert sender.rate_per_second is None  # the sender's own pacing
    buttons = (("Bestätigen", "jf:nothing:1", True), ("Ablehnen", "jf:nothing:2", False))
    sender.send(Delivery("k", "telegram", "bernd", "Erika möchte …", buttons, None))
    [which] = say(router, "bernd", "ok")
    assert which.text.startswith("Welche Wahl") and [b.label for b in which.buttons] == [
        "Bestätigen",
        "Ablehnen",
    ]


def test_ok_to_a_picker_of_meetings_names_their_own_numbers(world):
    _, router, _, _ = world
    _book_weekly(router)
    [picker] = say(router, "erika", "/absagen")
    assert picker.buttons and picker.buttons[0].number is not None
    [which] = say(router, "erika", "ok")
    first = picker.buttons[0].number
    assert f"eine Nummer aus der Liste, z. B. #{first}" in which.text
    assert which.buttons == picker.buttons


def test_many_chats_closed_in_one_save(world):
    """A tick after a busy minute: every new chat's first reply (no buttons) clears a
    row that may be there; more chats than one statement's parameters allow."""
    _, router, _, sessions = world
    for n in range(900):
        router.shown("telegram", f"c{n}", ())
    router.save_chats()
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(ChatStateRow)) == 0


def test_a_doubtful_ja_is_a_follow_up_not_a_press(world):
    """'ja?' after an answer offering reminders doubts the answer (try-out 6: it subscribed)."""
    from bot.chat.faq_replies import SUBSCRIBE_DATA
    from bot.messages import Button

    _, router, _, _ = world
    offer = (Button("🔔 Fristen-Erinnerungen", SUBSCRIBE_DATA),)
    asking = "Möchten Sie an die Fristen erinnert werden?"
    pressed = say(router, "anna", data=SUBSCRIBE_DATA)
    router.shown("telegram", "anna", offer, asking)
    assert say(router, "anna", "ja") == pressed  # a plain yes to the one offer asked takes it
    say(router, "anna", "/stopp")
    router.shown("telegram", "anna", offer, asking)
    assert say(router, "anna", "ja?") != pressed


def test_a_yes_to_an_answer_beside_one_offer_is_an_acknowledgement(world):
    """'ja' after an answer whose only button is the reminder offer (try-out 7: it
    subscribed): the answer asked nothing, so the yes presses nothing."""
    from bot.chat.faq_replies import SUBSCRIBE_DATA
    from bot.messages import Button

    _, router, _, _ = world
    offer = (Button("🔔 Fristen-Erinnerungen", SUBSCRIBE_DATA),)
    router.shown("telegram", "anna", offer, "Die Frist endet am 3. Mai. Quelle: „Wann?“")
    for word in ("ja", "ok", "yes"):
        (reply,) = say(router, "anna", word)
        assert reply.text.startswith(("Alles klar", "All right")), reply.text
        assert not reply.buttons


def test_the_message_that_showed_the_choices_is_kept_across_a_restart(world):
    """After a restart the console shows the open choices again with what they were
    about (the question that showed them), not the bare buttons."""
    from jobs.dispatch import Delivery
    from tests.senders import Recorder

    start, router, clock, _ = world
    [offer] = say(router, "erika", "/jourfixe")
    [series] = say(router, "erika", data=offer.buttons[0].data)
    sender = wiring.showing_choices(Recorder(), router)
    buttons = (("Bestätigen", "jf:yes:1", True), ("Ablehnen", "jf:no:1", False))
    sender.send(Delivery("k", "telegram", "bernd", "Erika möchte einen Jour Fixe", buttons, None))
    router.save_chats()
    clock.now += timedelta(hours=1)
    again = start()
    assert again.last_prompt("telegram", "erika") == series.text
    assert "einmalig oder regelmäßig" in series.text
    assert again.last_prompt("telegram", "bernd") == "Erika möchte einen Jour Fixe"
    assert [b.label for b in again.last_choices("telegram", "bernd")] == ["Bestätigen", "Ablehnen"]
    say(again, "erika", "wer ist mein buddy?")  # a reply without buttons closes them
    assert again.last_prompt("telegram", "erika") == ""
