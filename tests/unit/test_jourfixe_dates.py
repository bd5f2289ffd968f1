"""Days and proposals as people write them (try-out of jf3): "donnerstag den 10.",
a move with two dates, a weekday beside a date it does not match, open
counter-proposals in /termine, a bare "ok" to a proposal not shown last."""

from datetime import UTC, date, datetime, time

import pytest

from bot.booking.rules import Rules
from bot.booking.service import JourFixe
from bot.booking.timeparse import Window, find
from bot.chat.faq_replies import FaqReplies
from bot.chat.jourfixe.common import day_in
from bot.people import People
from tests.chat import make_router, say
from tests.clock import Clock
from tests.people import pair_with_buddy

NOW = datetime(2026, 11, 30, 10, 0)  # a Monday, local


@pytest.mark.parametrize(
    ("text", "day", "expected"),
    [
        ("für emil lieber donnerstag den 10. um 14 uhr", None, datetime(2026, 12, 10, 14)),
        ("am 10. um 14 Uhr", None, datetime(2026, 12, 10, 14)),
        ("lieber den 10.12. 14 uhr", None, datetime(2026, 12, 10, 14)),
        ("rather thursday the 10th at 2pm", None, datetime(2026, 12, 10, 14)),
        ("on the 3rd at 11:00", None, datetime(2026, 12, 3, 11)),
        ("am 1. um 10 uhr", None, datetime(2026, 12, 1, 10)),  # next month's first
        ("verschieb den am 10.12. auf di 8.12. 11 uhr", None, datetime(2026, 12, 8, 11)),
        ("lieber do 15 uhr", date(2026, 12, 8), datetime(2026, 12, 10, 15)),  # near the day
        ("lieber do 15 uhr", None, datetime(2026, 12, 3, 15)),  # else the next one
        ("better monday 10am", date(2026, 12, 8), datetime(2026, 12, 7, 10)),
        ("um 10.30.", None, datetime(2026, 11, 30, 10, 30)),  # a time, not a date
        ("emil: rather thursday the 10th, 2pm?", None, datetime(2026, 12, 10, 14)),
        ("geht am Donnerstag, den 10.12., um 14 Uhr?", None, datetime(2026, 12, 10, 14)),
        ("am 10., 14 Uhr", None, datetime(2026, 12, 10, 14)),
    ],
)
def test_moments_in_sentences(text, day, expected):
    assert find(text, NOW, day).moment == expected


@pytest.mark.parametrize(
    "text", ["um 10. Uhr", "lieber um 10.", "2 Wochen", "Raum 12", "thursday the 10th"]
)
def test_a_day_of_the_month_needs_a_day_word(text):
    assert find(text, NOW) is None


def test_a_weekday_beside_a_date_it_does_not_match_is_reported():
    assert find("do 8.12. 11 uhr", NOW).clash == 3  # 8.12. is a Tuesday
    assert find("Thursday the 8th 11am", NOW).clash == 3
    assert find("di 8.12. 11 uhr", NOW).clash is None
    assert find("8.12. 11 uhr", NOW).clash is None


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("heiligabend absagen", {date(2026, 12, 24)}),
        ("cancel christmas eve", {date(2026, 12, 24)}),
        ("ich kann an Silvester nicht", {date(2026, 12, 31)}),
        ("new year's eve please cancel", {date(2026, 12, 31)}),
        ("an Neujahr", {date(2027, 1, 1)}),
        ("über Weihnachten", {date(2026, 12, d) for d in (24, 25, 26)}),
    ],
)
def test_holidays_are_days(text, days):
    assert day_in(text, NOW.date(), "de")[0] == days


@pytest.fixture
def world(matcher, sessions):
    clock = Clock(datetime(2026, 3, 2, 8, 0, tzinfo=UTC))  # Monday 09:00 in Berlin
    people = People(sessions, clock)
    booking = JourFixe(sessions, clock, Rules())
    router = make_router(FaqReplies(matcher), people=people, booking=booking, clock=clock)
    tuesdays = [Window(time(10), time(12), weekday=1)]
    pair_with_buddy(people, booking, "Bernd", ["Erika", "Emil"], tuesdays, platform="console")
    return router


def book(router, user, slot=0, series=0):
    slots = say(router, user, "/jourfixe")[0]
    pick = say(router, user, data=slots.buttons[slot].data)[0]
    return say(router, user, data=pick.buttons[series].data)


@pytest.mark.parametrize(
    ("words", "lang"),
    [
        ("für emil lieber donnerstag den 5. um 14 uhr", "de"),
        ("Emil: lieber am 5. um 14 Uhr", "de"),
        ("for emil rather thursday the 5th at 2pm", "en"),
    ],
)
def test_a_counter_proposal_lands_on_the_day_written_and_is_quoted_whole(world, words, lang):
    book(world, "emil")  # Di 03.03. 10:00
    book(world, "erika")  # Di 03.03. 11:00
    say(world, "bernd", "/sprache en" if lang == "en" else "/sprache de")
    sent, to_emil = say(world, "bernd", words)
    assert to_emil.to.chat_id == "emil"
    assert "Do 05.03. 14:00" in to_emil.text and words in to_emil.text  # quoted whole
    assert ("Thu 5 Mar 14:00" if lang == "en" else "Do 05.03. 14:00") in sent.text
    assert ("outside your free times" if lang == "en" else "außerhalb Ihrer freien") in sent.text


def test_a_proposal_inside_the_free_times_says_nothing_about_them(world):
    book(world, "emil")
    sent, _ = say(world, "bernd", "lieber Di 10.03. 11 Uhr")
    assert "Di 10.03. 11:00" in sent.text and "freien Zeiten" not in sent.text


def test_open_proposals_are_listed_and_a_bare_ok_names_one_not_shown_last(world):
    book(world, "emil")
    book(world, "erika")
    say(world, "bernd", "emil lieber am 5. um 14 uhr")
    mine = say(world, "bernd", "/termine")[0]
    assert "offenen Vorschläge" in mine.text and "an Emil: Do 05.03. 14:00" in mine.text
    assert "Erika" in mine.text  # her request is still listed
    say(world, "emil", "/jourfixe")  # something else shown last
    asked = say(world, "emil", "ok")[0]
    assert "Vorschlag von Bernd: Do 05.03. 14:00 statt Di 03.03. 10:00" in asked.text
    assert not any("bestätigt" in o.text for o in [asked])
    done = say(world, "emil", "ja")
    assert all("Jour Fixe bestätigt: Do 05.03. 14:00" in o.text for o in done)


def test_termine_shows_the_open_proposal_to_accept(world):
    book(world, "emil")
    say(world, "bernd", "lieber Do 14 Uhr")
    listed = say(world, "emil", "/termine")[0]
    assert "Keine anstehenden Jour Fixes." in listed.text
    assert "Vorschlag von Bernd: Do 05.03. 14:00 (statt Di 03.03. 10:00)" in listed.text
    assert listed.buttons  # accept / decline
    assert "bestätigt: Do 05.03. 14:00" in say(world, "emil", "ok")[0].text


def test_a_move_to_an_explicit_date_keeps_that_date(world):
    book(world, "erika")
    say(world, "bernd", "ja")
    moved = say(world, "erika", "verschieb den am 3.3. auf di 10.3. 11 uhr")
    assert "Di 03.03. 10:00 → Di 10.03. 11:00" in moved[0].text
    assert "Bernd" in moved[1].to.name


def test_a_move_with_a_weekday_that_disagrees_with_the_date_asks(world):
    book(world, "erika")
    say(world, "bernd", "ja")
    asked = say(world, "erika", "verschieb den am 3.3. auf do 10.3. 11 uhr")
    assert len(asked) == 1 and "ist ein Di (nicht Do)" in asked[0].text and asked[0].buttons


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("geht Di 10.03. 11 Uhr?", "Di 10.03. 11:00 – einmalig oder regelmäßig?"),
        ("ich möchte einen Termin am 10.03. um 11 Uhr", "Di 10.03. 11:00 – einmalig"),
        ("does tue 10 mar 11am work?", "Tue 10 Mar 11:00 – once or regularly?"),
    ],
)
def test_an_expert_asking_for_a_time_gets_that_slot(world, words, expected):
    say(world, "erika", "/sprache en" if "once" in expected else "/sprache de")
    assert expected in say(world, "erika", words)[0].text


@pytest.mark.parametrize(
    "words", ["geht Di 03.03. 10 Uhr?", "ich möchte einen Termin Di 3.3. 10 Uhr"]
)
def test_an_expert_asking_for_a_taken_time_hears_it_is_not_free(world, words):
    book(world, "emil")  # Di 03.03. 10:00
    reply = say(world, "erika", words)[0]
    assert reply.text.startswith("Di 03.03. 10:00 ist nicht frei.")


@pytest.mark.parametrize(
    "words", ["mein buddy antwortet nicht", "Bernd meldet sich nicht", "my buddy hasn't answered"]
)
def test_a_buddy_not_answering_lists_the_open_requests_and_what_to_do(world, words):
    book(world, "erika")
    reply = say(world, "erika", words)[0]
    # an English message is answered in English (the expert never chose a language)
    day = "3 Mar" if reply.lang == "en" else "03.03."
    assert day in reply.text and "/jourfixe" in reply.text and "#" in reply.text


def test_several_requests_a_time_already_taken_is_never_offered(world):
    book(world, "erika")  # Di 03.03. 10:00
    say(world, "bernd", "ja")
    book(world, "emil")  # Di 03.03. 11:00
    book(world, "erika", slot=1)  # Di 10.03. 11:00 (10:00 is the first slot)
    # "Di 10 Uhr" near Emil's request is Erika's confirmed 03.03. 10:00; near Erika's
    # request it is 10.03. 10:00, free
    reply = say(world, "bernd", "lieber Di 10 Uhr")[0]
    assert reply.text.startswith("Di 03.03. 10:00 ist nicht frei.")
    assert [b.label for b in reply.buttons] == [
        "Erika, Di 10.03. 11:00: Di 10.03. 10:00 vorschlagen"
    ]


def test_a_time_taken_for_every_request_is_said_with_the_requests(world):
    book(world, "erika")
    say(world, "bernd", "ja")  # Erika: Di 03.03. 10:00
    book(world, "emil")  # Di 03.03. 11:00
    book(world, "erika")  # Di 10.03. 10:00
    reply = say(world, "bernd", "lieber am 3.3. um 10 uhr")[0]
    assert "Di 03.03. 10:00 ist nicht frei" in reply.text and "andere Zeit" in reply.text
    assert len(reply.buttons) == 4  # confirm / decline each request


def test_not_answering_names_a_series_once_with_when_it_was_asked(world):
    book(world, "erika", series=1)
    reply = say(world, "erika", "mein Buddy antwortet nicht")[0]
    assert reply.text.count("•") == 1 and "jede Woche" in reply.text
    assert "angefragt Mo 02.03. 09:00" in reply.text and "48 Stunden" in reply.text


@pytest.mark.parametrize("words", ["geht Mi 10.03. 11 Uhr?", "/jourfixe|Mi 10.03. 11:00"])
def test_an_expert_writing_a_weekday_that_is_not_the_date_is_shown_that_date(world, words):
    *first, words = words.split("|")
    for text in first:
        say(world, "erika", text)
    reply = say(world, "erika", words)[0]
    assert reply.text.startswith("Der 10.03.2026 ist ein Di (nicht Mi).")
    assert [b.label for b in reply.buttons] == ["Di 10.03. 10:00", "Di 10.03. 11:00"]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("move the meeting on the 15th", date(2026, 12, 15)),
        ("ich kann am 3. nicht", date(2026, 12, 3)),
        ("verschieb den am 1. auf 11 uhr", date(2026, 12, 1)),
    ],
)
def test_a_day_of_the_month_names_a_day(text, day):
    assert day_in(text, NOW.date(), "de")[0] == {day}


@pytest.mark.parametrize("text", ["um 15. Uhr", "um 15 Uhr", "Raum 15."])
def test_a_bare_number_names_no_day(text):
    assert day_in(text, NOW.date(), "de") is None


@pytest.mark.parametrize(
    "words", ["verschieb den am 3. auf 11 Uhr", "move the one on the 3rd to 11am"]
)
def test_a_move_names_the_meeting_by_its_day_of_the_month(world, words):
    book(world, "erika")
    say(world, "bernd", "ja")
    say(world, "erika", "/sprache en" if "move" in words else "/sprache de")
    moved = say(world, "erika", words)[0]
    assert "10:00 → " in moved.text and (
        "Di 03.03. 11:00" in moved.text or "Tue 3 Mar 11:00" in moved.text
    )


# -- try-out 6 (lead) -------------------------------------------------------------------


def test_a_move_sentence_naming_another_meeting_is_about_that_one_even_with_a_picker_open(world):
    book(world, "erika", series=1)  # every week from Di 03.03. 10:00
    say(world, "bernd", "ja")
    which = say(world, "erika", "/verschieben")[0]  # which meeting?
    slots = say(world, "erika", data=which.buttons[0].data)[0]
    assert "Di 03.03. 10:00" in slots.text  # the 03.03.'s move picker is open now
    moved = say(world, "erika", "verschieb den am 10.3. auf mi 11.3. 11 uhr")[0]
    # not free for that meeting: said at once, before the series question (tryout6 row 3),
    # with the move buttons of the 10.03.'s meeting (#2), not the 03.03.'s
    assert "Mi 11.03. 11:00 ist keine freie Zeit" in moved.text
    assert moved.buttons and all(b.data.startswith("jf:move:2:") for b in moved.buttons)


def test_a_buddys_ok_after_confirming_one_request_does_not_confirm_the_other(world):
    book(world, "erika")  # Di 03.03. 10:00
    book(world, "emil")  # Di 03.03. 11:00
    asked = say(world, "bernd", "ja")[0]  # two requests: which one?
    assert "welche meinen Sie" in asked.text
    say(world, "bernd", data=asked.buttons[0].data)  # Erika's confirmed
    again = say(world, "bernd", "ok")[0]
    assert "bestätigt" not in again.text and "Emil" in again.text and again.buttons
    assert "bestätigt" in say(world, "bernd", "ok")[0].text  # now it answers what was shown


@pytest.mark.parametrize(
    ("words", "lang"),
    [
        ("/jourfixe thursday the 19th", "en"),
        ("/jourfixe Donnerstag, den 19.", "de"),
        ("/jourfixe thu 19th", "en"),
    ],
)
def test_a_weekday_with_its_day_of_the_month_finds_the_slots_of_that_day(
    matcher, sessions, words, lang
):
    """ "thursday the 19th" is Thu 19 Mar (not every Thursday, not "can't read")."""
    clock = Clock(datetime(2026, 3, 2, 8, 0, tzinfo=UTC))
    people = People(sessions, clock)
    booking = JourFixe(sessions, clock, Rules())
    router = make_router(FaqReplies(matcher), people=people, booking=booking, clock=clock)
    thursdays = [Window(time(14), time(16), weekday=3)]
    pair_with_buddy(people, booking, "Bernd", ["Erika"], thursdays, platform="console")
    reply = say(router, "erika", words)[-1]
    assert reply.buttons, reply.text
    days = {b.label for b in reply.buttons if ":" in b.label}
    assert days and all("19" in d for d in days), (reply.text, days)
    assert "19.03.2026" in reply.text or "19 Mar 2026" in reply.text, reply.text


def test_a_weekday_and_a_number_in_a_sentence_name_that_day():
    today = date(2026, 11, 2)  # Thursday the 19th is this month's
    assert day_in("could we do thu 19th?", today, "en")[0] == {date(2026, 11, 19)}
    assert day_in("geht Do, den 19.?", today, "de")[0] == {date(2026, 11, 19)}


@pytest.mark.parametrize(
    ("user", "words", "said"),
    [
        ("erika", "verschieb den am 3.3. auf di 10.3. 11 uhr", "Bernd ist vom 09.03.2026 bis"),
        ("erika", "move the one on the 3rd to tue 10 march 11am", "Bernd is away from 9 Mar"),
        ("bernd", "verschieb den am 3.3. auf di 10.3. 11 uhr", "Sie sind vom 09.03.2026 bis"),
    ],
)
def test_a_move_into_the_buddys_days_away_says_they_are_away(world, user, words, said):
    """B11: not "no free time" / "not in your free times" when the buddy is away then."""
    book(world, "erika")
    say(world, "bernd", "ja")
    say(world, "bernd", "/urlaub 9.3.-13.3.")
    reply = say(world, user, words)[0]
    assert said in reply.text, reply.text
    assert "freie Zeit von" not in reply.text and "not within" not in reply.text
