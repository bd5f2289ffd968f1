from datetime import date, datetime, time

import pytest

from bot.booking.timeparse import TimeParseError, Window, parse_dates, parse_moment, parse_windows

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
