"""jf12 (tryout5 J8, J14, J15, J19, J5): words read in Jour Fixe conversations."""

from datetime import datetime

import pytest

from bot.booking.timeparse import find
from bot.chat.jourfixe.context import _ANSWERED, _SORRY
from bot.chat.jourfixe.meetings import said_reason, stops_from


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("kann ich den jour fixe am 2.11. absagen? bin auf ner konferenz", "bin auf ner konferenz"),
        ("bin krank, kann morgen nicht mit erika", "bin krank"),
        ("please cancel the meeting on tuesday, I'm at a conference", "I'm at a conference"),
        ("bitte den termin am 5.3. absagen, danke", ""),
        ("sorry, bitte absagen", ""),
        ("den Termin am Dienstag bitte absagen", ""),
        ("ich muss den jour fixe absagen weil ich beim arzt bin", "weil ich beim arzt bin"),
        ("I have to cancel tomorrow because my kid is sick", "because my kid is sick"),
    ],
)
def test_the_reason_said_with_a_cancel(text, reason):
    assert said_reason(text) == reason


@pytest.mark.parametrize(
    ("text", "stops"),
    [
        ("ich brauch ab januar keine jour fixes mehr", True),
        ("ab februar bitte keine termine mehr", True),
        ("no more meetings after january please", True),
        ("keine termine mehr bitte", False),  # no start said: not read here
        ("ab januar bitte mehr termine", False),
        ("ich hätte gerne ab januar einen termin", False),
    ],
)
def test_no_more_meetings_from_then_on(text, stops):
    assert stops_from(text) is stops


@pytest.mark.parametrize(
    ("text", "ack"),
    [
        ("ok schade", True),
        ("oh schade", True),
        ("ok schade, trotzdem danke", True),
        ("schade, gute besserung!", True),
        ("oh too bad", True),
        ("schade dass es nicht klappt, können wir donnerstag?", False),
        ("ok", False),  # the plain acknowledgement has its own reply
        ("ok wann ist der nächste termin", False),
    ],
)
def test_sorry_acknowledgements(text, ack):
    assert (_SORRY.match(text.lower()) is not None) is ack


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("hat bernd schon geantwortet?", True),
        ("hat sich bernd schon gemeldet?", True),
        ("gibt es schon eine antwort von bernd?", True),
        ("has bernd replied yet?", True),
        ("did bernd answer?", True),
        ("wann ist mein nächster termin?", False),
    ],
)
def test_has_the_buddy_answered(text, asks):
    assert (_ANSWERED.search(text.lower()) is not None) is asks


@pytest.mark.parametrize(
    ("text", "hour"),
    [
        ("emil morgen 1 std später?", None),
        ("morgen 1 h später", None),
        ("morgen 2 stunden früher", None),
        ("morgen 10", 10),
        ("Di 15 h", 15),
        ("morgen 1 uhr", 1),
    ],
)
def test_a_span_after_a_day_is_no_time_of_day(text, hour):
    found = find(text, datetime(2023, 10, 30, 9, 0))
    assert (found and found.moment.hour) == hour
