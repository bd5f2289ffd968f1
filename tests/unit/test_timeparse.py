from datetime import date, datetime, time

import pytest

from bot.booking.timeparse import (
    TimeParseError,
    Window,
    find_hour,
    find_moment,
    parse_dates,
    parse_moment,
    parse_windows,
)

TODAY = date(2026, 11, 25)  # a Wednesday
NOW = datetime(2026, 11, 25, 15, 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Di 10-12, Do 14-16",
            [Window(time(10), time(12), weekday=1), Window(time(14), time(16), weekday=3)],
        ),
        ("dienstags 10 bis 12 Uhr", [Window(time(10), time(12), weekday=1)]),
        ("Tue 10am-12pm", [Window(time(10), time(12), weekday=1)]),
        ("thursday 1-3pm", [Window(time(13), time(15), weekday=3)]),
        ("Mo 9:30-11:15", [Window(time(9, 30), time(11, 15), weekday=0)]),
        ("12.03. 14-16", [Window(time(14), time(16), day=date(2027, 3, 12))]),
        ("30.11.2026 8-9", [Window(time(8), time(9), day=date(2026, 11, 30))]),
    ],
)
def test_windows(text, expected):
    assert parse_windows(text, TODAY) == expected


@pytest.mark.parametrize(
    "text", ["", "Di", "Di 12-10", "Xy 10-12", "Di 10-25", "31.02. 10-12", "Di zehn bis zwölf"]
)
def test_unreadable_windows_raise_with_an_example_key(text):
    with pytest.raises(TimeParseError) as exc:
        parse_windows(text, TODAY)
    assert exc.value.key == "example_windows"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12.03. 14:00", datetime(2027, 3, 12, 14, 0)),
        ("26.11. 9 Uhr", datetime(2026, 11, 26, 9, 0)),
        ("Do 14:00", datetime(2026, 11, 26, 14, 0)),
        ("Mi 14:00", datetime(2026, 12, 2, 14, 0)),  # today, but already past
        ("Mi 16:00", datetime(2026, 11, 25, 16, 0)),
        ("Thu 2pm", datetime(2026, 11, 26, 14, 0)),
    ],
)
def test_moments(text, expected):
    assert parse_moment(text, NOW) == expected


@pytest.mark.parametrize("text", ["morgen", "Do", "14:00", "32.01. 10:00", "Do 25:00"])
def test_unreadable_moments(text):
    with pytest.raises(TimeParseError, match="example_moment"):
        parse_moment(text, NOW)


def test_dates_and_ranges_across_new_year():
    assert parse_dates("24.12.-2.1.", TODAY) == (date(2026, 12, 24), date(2027, 1, 2))
    assert parse_dates("1.12.", TODAY) == (date(2026, 12, 1), date(2026, 12, 1))
    with pytest.raises(TimeParseError, match="example_dates"):
        parse_dates("Weihnachten", TODAY)


# a moment in a sentence, month first as English writes it (was today at that hour,
# or nothing); the day-first forms still read
@pytest.mark.parametrize(
    "text",
    [
        "dec 10 at 3pm",
        "december 10th 3 pm",
        "Dec 10, 3pm",
        "Thursday, December 10 at 3 pm",
        "thu dec 10 3pm",
        "on dec 10th at 15:00",
        "december 10 15:00",
        "dec 10 at 15",
        "December 10, 2026 at 3 pm",
        "10 dec 3pm",
        "10th december at 3pm",
        "10th of December at 3pm",
        "am 10. dezember um 15 uhr",
        "10. Dezember 15 Uhr",
        "can we do dec 10 at 3pm?",
    ],
)
def test_month_first_dates_in_a_sentence(text):
    assert find_moment(text, NOW) == datetime(2026, 12, 10, 15, 0)


def test_a_month_first_date_past_this_year_is_next_years():
    assert find_moment("nov 3 at 10am", NOW) == datetime(2027, 11, 3, 10, 0)
    assert find_moment("jan 5 at 10am", NOW) == datetime(2027, 1, 5, 10, 0)


@pytest.mark.parametrize("text", ["dec 10", "december 10th", "in march 3 times"])
def test_a_month_first_date_without_a_time_is_no_moment(text):
    assert find_moment(text, NOW) is None


DAY = date(2026, 12, 1)  # the day talked about (a Tuesday)


@pytest.mark.parametrize(
    ("text", "hour"),
    [
        ("um 10", 10),
        ("at 10", 10),
        ("können wir lieber um 11 machen?", 11),
        ("gegen 15", 15),
        ("um 10.30", 10),
        ("no, but I could do 3pm", 15),  # the verb "do", not Donnerstag
        ("can we do 11:00 instead", 11),
    ],
)
def test_a_bare_hour_after_um_or_at_is_a_time_on_the_day_talked_about(text, hour):
    moment = find_moment(text, NOW, DAY)
    assert moment is not None and moment.date() == DAY and moment.hour == hour


@pytest.mark.parametrize(
    "text",
    [
        "um 10 minuten später",
        "at 10 people",
        "um 2 wochen verschieben",
        "um 10%",
        "what 10",
        "ab 10",
    ],
)
def test_a_number_after_um_with_a_unit_is_no_time(text):
    assert find_moment(text, NOW, DAY) is None


def test_do_as_a_german_weekday_still_reads():
    assert find_moment("do 14 uhr", NOW, DAY) == datetime(2026, 12, 3, 14, 0)


@pytest.mark.parametrize(
    ("text", "hour"),
    [("no, but 11 would work", 11), ("nein, lieber 14", 14), ("11 ginge", 11)],
)
def test_a_bare_hour_where_an_hour_is_the_answer(text, hour):
    found = find_hour(text, NOW, DAY)
    assert found is not None and found.moment == datetime(2026, 12, 1, hour, 0)
    assert str(hour) not in found.rest


@pytest.mark.parametrize(
    "text",
    [
        "nein, ich bin 2 wochen weg",
        "ich habe 7 termine",
        "11 bis 12",
        "raum 12.3",
        "3",
        "10 und 11",
    ],
)
def test_no_bare_hour(text):
    assert find_hour(text, NOW, DAY) is None
