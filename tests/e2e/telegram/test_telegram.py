"""End to end through Telegram: unmodified python-telegram-bot, the fake Bot API."""

from datetime import UTC, datetime, time

from icalendar import Calendar

from bot.booking.timeparse import Window
from bot.timeline import Timeline
from tests.unit.test_editions import EDITION

ANNA, TOM, ERIKA, BERND = 101, 102, 201, 301


def test_startup_sets_command_menus_in_german_and_english(bot, api):
    assert "setMyCommands" in api.calls and "getMe" in api.calls
    german = next(v for k, v in api.commands.items() if k.startswith("|"))
    english = next(v for k, v in api.commands.items() if k.startswith("en|"))
    assert {"command": "hilfe", "description": "Was der Bot kann"} in german
    assert {"command": "help", "description": "What the bot can do"} in english


def test_start_greets_in_the_clients_language(bot, api):
    api.user_says(ANNA, "/start")
    assert "Hallo!" in api.wait_for_text(ANNA, "Integrationsmacher").text
    api.user_says(TOM, "/start", lang="en")
    api.wait_for_text(TOM, "Hello! I am the bot")


def test_a_question_is_answered_and_a_near_miss_offers_buttons(bot, api):
    api.user_says(ANNA, "Bis wann kann man sich bewerben?")
    answer = api.wait_for_text(ANNA, "3. Mai 2023")
    assert answer.parse_mode == "HTML" and "Quelle: Ausschreibung" in answer.text
    api.user_says(ANNA, "Welche Partei regiert in Torgau?")
    miss = api.wait_for_text(ANNA, "keine sichere Antwort")
    assert 1 <= len(miss.buttons) <= 3 and "Charlotte Bock" in miss.text
    api.user_presses(ANNA, miss.buttons[0][1], message_id=miss.message_id)
    edited = api.wait_for_sent(
        lambda s: s.method == "editMessageText" and s.message_id == miss.message_id
    )
    assert f"→ <b>{miss.buttons[0][0]}</b>" in edited.text and edited.buttons == []
    api.wait_for_sent(lambda s: s.chat_id == ANNA and s.method == "sendMessage" and "Quelle:" in s.text
                      and s.message_id > miss.message_id)  # fmt: skip
    assert api.answered  # every callback is answered


def test_user_text_is_escaped_in_html(bot, api):
    api.user_says(ANNA, "/x<b>&y")
    sent = api.wait_for_text(ANNA, "kenne ich nicht")
    assert "/x&lt;b&gt;&amp;y" in sent.text and sent.parse_mode == "HTML"


def test_long_answers_are_split_below_the_limit(bot, api):
    from bot.adapters.telegram import split_text

    parts = split_text("Absatz. " * 1200)
    assert len(parts) == 3 and all(len(p) <= 4000 for p in parts)
    assert "".join(parts).replace(" ", "") == ("Absatz. " * 1200).replace(" ", "")


def test_invite_deep_link_is_redeemed(bot, api):
    code = bot.people.invite("expert", "Erika Expertin").code
    api.user_says(ERIKA, f"/start {code}")
    api.wait_for_text(ERIKA, "Willkommen, Erika Expertin! Sie sind jetzt als Expert:in angemeldet")
    api.user_says(ERIKA, f"/start {code}")
    api.wait_for_text(ERIKA, "schon verwendet")


def _pair(bot, api):
    for role, name, user in (("expert", "Erika", ERIKA), ("buddy", "Bernd", BERND)):
        api.user_says(user, f"/start {bot.people.invite(role, name).code}")
        api.wait_for_text(user, f"Willkommen, {name}")
    bot.people.pair("Erika", "Bernd")
    buddy = bot.people.whois("telegram", str(BERND)).person_id
    bot.booking.set_windows(buddy, [Window(time(10), time(12), weekday=1)])


def test_a_full_jour_fixe_booked_and_confirmed_by_button_with_ics_for_both(bot, api):
    _pair(bot, api)
    api.user_says(ERIKA, "/jourfixe")
    slots = api.wait_for_text(ERIKA, "Freie Jour-Fixe-Termine")
    assert slots.buttons[0][0] == "Di 03.03. 10:00"
    api.user_presses(ERIKA, slots.buttons[0][1], message_id=slots.message_id)
    series = api.wait_for_text(ERIKA, "einmalig oder regelmäßig")
    api.user_presses(ERIKA, series.buttons[0][1], message_id=series.message_id)
    api.wait_for_text(ERIKA, "Anfrage an Bernd geschickt")
    assert bot.tick().sent >= 1  # the request for the buddy goes through the outbox
    request = api.wait_for_text(BERND, "Erika möchte einen Jour Fixe mit Ihnen")
    assert [label for label, _ in request.buttons] == ["Bestätigen", "Ablehnen"]
    api.user_presses(BERND, request.buttons[0][1], message_id=request.message_id)
    api.wait_for_text(BERND, "Jour Fixe bestätigt: Di 03.03. 10:00 mit Erika")
    bot.tick()
    api.wait_for_text(ERIKA, "Jour Fixe bestätigt: Di 03.03. 10:00 mit Bernd")
    for user in (BERND, ERIKA):
        doc = api.wait_for_sent(lambda s, u=user: s.chat_id == u and s.method == "sendDocument")
        event = Calendar.from_ical(doc.document).walk("VEVENT")[0]
        assert doc.filename.endswith(".ics") and event["DTSTART"].params["TZID"] == "Europe/Berlin"


def test_a_reminder_is_delivered_by_the_outbox(bot, api, clock):
    Timeline(bot.service.sessions, clock).load(EDITION)
    api.user_says(ANNA, "/erinnerungen")
    api.wait_for_text(ANNA, "Erinnerungen zu „Test edition“ (3)")
    assert bot.tick().sent == 0
    clock.now = datetime(2026, 3, 24, 8, 0, tzinfo=UTC)
    assert bot.tick().sent == 1
    api.wait_for_text(ANNA, "⏰ Erinnerung: Bewerbungsschluss – in 7 Tagen")
    assert bot.tick().sent == 0


def test_a_429_during_a_reminder_burst_is_retried_and_nothing_is_lost(bot, api, clock):
    Timeline(bot.service.sessions, clock).load(EDITION)
    users = list(range(500, 520))
    for user in users:
        api.user_says(user, "/erinnerungen")
    for user in users:
        api.wait_for_text(user, "Erinnerungen zu")
    clock.now = datetime(2026, 3, 24, 8, 0, tzinfo=UTC)
    api.fail_next("sendMessage", 429, retry_after=5)
    first = bot.tick()
    assert first.retried >= 1 and first.sent < len(users)
    clock.now = datetime(2026, 3, 24, 8, 0, 10, tzinfo=UTC)
    bot.tick()
    reminders = [s for s in api.sent if "⏰ Erinnerung" in s.text]
    assert sorted(s.chat_id for s in reminders) == users  # every user exactly once


def test_an_unexpected_error_on_one_message_stops_none_of_the_others(bot, api, clock):
    """A reply that is not JSON makes python-telegram-bot raise an exception type the
    adapter does not map: that row's try fails, the other 19 go out, the row later too."""
    Timeline(bot.service.sessions, clock).load(EDITION)
    users = list(range(600, 620))
    for user in users:
        api.user_says(user, "/erinnerungen")
    for user in users:
        api.wait_for_text(user, "Erinnerungen zu")
    clock.now = datetime(2026, 3, 24, 8, 0, tzinfo=UTC)
    api.garble_next("sendMessage", chat_id=users[7])
    first = bot.tick()
    assert (first.sent, first.retried, first.failed) == (19, 1, 0)
    clock.now = datetime(2026, 3, 24, 8, 10, tzinfo=UTC)  # after the backoff
    assert bot.tick().sent == 1
    reminders = [s for s in api.sent if "⏰ Erinnerung" in s.text]
    assert sorted(s.chat_id for s in reminders) == users  # every user exactly once


def test_a_blocked_user_is_marked_and_not_retried(bot, api, clock):
    Timeline(bot.service.sessions, clock).load(EDITION)
    api.user_says(ANNA, "/erinnerungen")
    api.wait_for_text(ANNA, "Erinnerungen zu")
    clock.now = datetime(2026, 3, 24, 8, 0, tzinfo=UTC)
    api.fail_next("sendMessage", 403, chat_id=ANNA)
    assert bot.tick().unreachable == 1
    clock.now = datetime(2026, 3, 30, 7, 0, tzinfo=UTC)
    assert bot.tick().sent == 0
    assert not [s for s in api.sent_to(ANNA) if "⏰" in s.text]


def test_a_forged_or_stale_callback_is_refused_politely(bot, api):
    api.user_says(ANNA, "/start")
    greeting = api.wait_for_text(ANNA, "Hallo!")
    for data in ("jf:yes:99999", "faq:de:does_not_exist", "x" * 10):
        api.user_presses(ANNA, data, message_id=greeting.message_id)
    refusals = lambda: [s for s in api.sent if s.chat_id == ANNA and "nicht mehr gültig" in s.text]  # noqa: E731
    api.wait_until(lambda: len(refusals()) >= 3)
    assert len(refusals()) == 3


def test_in_groups_only_commands_and_mentions(bot, api):
    group = -900
    api.user_says(ANNA, "Bis wann kann man sich bewerben?", chat_id=group, chat_type="group")
    api.user_says(
        ANNA, "@imbot_test_bot Bis wann kann man sich bewerben?", chat_id=group, chat_type="group"
    )
    api.wait_for_text(group, "3. Mai 2023")
    api.user_says(ANNA, "/hilfe@imbot_test_bot", chat_id=group, chat_type="group")
    api.wait_for_text(group, "Das kann ich")
    assert len([s for s in api.sent_to(group) if "3. Mai" in s.text]) == 1


def test_in_groups_no_invite_is_redeemed_and_no_admin_command_runs(bot, api):
    group = -901
    admin = bot.people.invite("admin", "Ada Admin")
    bot.people.redeem(admin.code, "telegram", str(TOM), str(TOM))
    code = bot.people.invite("expert", "Erika").code
    api.user_says(ERIKA, f"/start {code}", chat_id=group, chat_type="group")
    api.wait_for_text(group, "nur im privaten Chat")
    assert bot.people.whois("telegram", str(ERIKA)) is None
    api.user_says(TOM, "/invite expert Bob", chat_id=group, chat_type="group")
    api.user_says(TOM, "/people", chat_id=group, chat_type="group")
    # nobody's language in a group: an English command's name gets English
    refused = ("privaten Chat", "private chat")
    api.wait_until(
        lambda: len([s for s in api.sent_to(group) if any(r in s.text for r in refused)]) >= 3
    )
    assert not [s for s in api.sent_to(group) if "Ada Admin" in s.text or "Code" in s.text]


def test_a_pressed_button_counts_when_telegram_refuses_to_stop_its_spinner(bot, api):
    """The router runs while the button is acknowledged; a failed acknowledgement (a
    query answered too late) loses neither the choice nor its answer, the pressed
    message still shows the choice (the two calls go out at once), and no apology
    is sent."""
    api.user_says(ANNA, "Welche Partei regiert in Torgau?")
    miss = api.wait_for_text(ANNA, "keine sichere Antwort")
    api.fail_next("answerCallbackQuery", 400, description="Bad Request: query is too old and "
                  "response timeout expired or query ID is invalid")  # fmt: skip
    api.user_presses(ANNA, miss.buttons[0][1], message_id=miss.message_id)
    api.wait_for_sent(lambda s: s.chat_id == ANNA and s.method == "sendMessage" and "Quelle:" in s.text
                      and s.message_id > miss.message_id)  # fmt: skip
    api.wait_for_sent(lambda s: s.chat_id == ANNA and s.method == "editMessageText"
                      and s.message_id == miss.message_id and "→" in s.text)  # fmt: skip
    assert not [s for s in api.sent_to(ANNA) if "schiefgelaufen" in s.text]


def test_a_typed_yes_or_number_answers_the_inline_choices_it_was_shown(bot, api):
    """Try-out finding: "ok" or "ja" typed beside inline buttons got "Alles klar." with
    nothing done. To several choices it is asked which one (the buttons again); a
    number picks from the last list; "ja" to a confirmation presses it."""
    _pair(bot, api)
    api.user_says(ERIKA, "/jourfixe")
    slots = api.wait_for_text(ERIKA, "Freie Jour-Fixe-Termine")
    api.user_says(ERIKA, "1")  # typed, not pressed
    series = api.wait_for_text(ERIKA, "einmalig oder regelmäßig")
    for said in ("ok", "ja", "passt"):
        api.user_says(ERIKA, said)
        after = series.message_id
        which = api.wait_for_sent(
            lambda s, after=after: (
                s.chat_id == ERIKA and "Welche Wahl meinen Sie?" in s.text and s.message_id > after
            )
        )
        assert which.buttons == series.buttons and "Alles klar" not in which.text
        series = which
    api.user_says(ERIKA, "7")
    api.wait_for_text(
        ERIKA, "Diese Nummer steht nicht zur Auswahl: Bitte tippen Sie eine Zahl von 1 bis 3"
    )
    api.user_says(ERIKA, "2")
    api.wait_for_text(ERIKA, "Anfrage an Bernd geschickt: Di 03.03. 10:00 (jede Woche")
    assert bot.tick().sent >= 1
    request = api.wait_for_text(BERND, "Erika möchte einen Jour Fixe mit Ihnen")
    api.user_says(BERND, "ja")
    api.wait_for_text(BERND, "bestätigt")
    assert slots.buttons and request.buttons
