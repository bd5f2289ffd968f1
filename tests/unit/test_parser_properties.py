"""Property checks of the parsers behind the entry points, on seeded random input
(reproducible, no extra dependency): whatever comes in, they either return a value
within their documented bounds or refuse with their own error, never crash."""

from __future__ import annotations

import argparse
import contextlib
import random
import unicodedata
from datetime import date, datetime, timedelta

import pytest

from bot.adapters.console import console_user
from bot.booking import buttons
from bot.booking.timeparse import (
    MAX_AHEAD,
    MAX_WINDOWS,
    TimeParseError,
    parse_dates,
    parse_moment,
    parse_windows,
)
from bot.cli.common import number
from storage.text import printable, storable

ALPHABET = "0123456789 .:-–,/#²³¹٣\u202e\x00\x1bDiMoFrTuesampmUhrbisjf:slotyes" + "9" * 10
TODAY = date(2026, 3, 2)
NOW = datetime(2026, 3, 2, 9, 0)


def samples(n=3000, seed=13, longest=40):
    rng = random.Random(seed)
    for _ in range(n):
        yield "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, longest)))


def test_windows_are_bounded_or_refused():
    for text in samples():
        try:
            windows = parse_windows(text, TODAY)
        except TimeParseError:
            continue
        assert 1 <= len(windows) <= MAX_WINDOWS
        for w in windows:
            assert w.start < w.end
            assert w.day is None or TODAY <= w.day <= TODAY + MAX_AHEAD


def test_moments_are_in_the_future_within_two_years_or_refused():
    for text in samples():
        try:
            moment = parse_moment(text, NOW)
        except TimeParseError:
            continue
        assert NOW < moment <= NOW + MAX_AHEAD + timedelta(days=1)


def test_date_ranges_are_ordered_and_short_or_refused():
    for text in samples():
        try:
            first, last = parse_dates(text, TODAY)
        except TimeParseError:
            continue
        assert TODAY <= first <= last <= first + timedelta(days=366)


def test_button_data_is_parsed_into_small_numbers_or_refused():
    for text in samples(longest=80):
        parsed = buttons.parse(text)
        if parsed is not None:
            assert all(0 <= n <= buttons.MAX_NUMBER for n in parsed[1])
            datetime.fromtimestamp(max(parsed[1]))  # usable as a time, too


def test_console_users_never_leave_their_folder():
    for text in samples():
        user = console_user(text)
        assert user is None or ("/" not in user and not user.startswith(".") and len(user) <= 32)


def test_cli_numbers_are_in_range_or_a_usage_error():
    parse = number(1, 365)
    for text in samples(longest=15):
        with contextlib.suppress(argparse.ArgumentTypeError):
            assert 1 <= parse(text) <= 365


@pytest.mark.parametrize("seed", range(3))
def test_storable_and_printable_text(seed):
    rng = random.Random(seed)
    for _ in range(2000):
        text = "".join(
            chr(rng.choice([rng.randint(0, 0x40), rng.randint(0, 0x10FFFF)])) for _ in range(12)
        )
        clean = storable(text)
        assert storable(clean) == clean  # idempotent
        clean.encode("utf-8")  # storable in any UTF-8 database
        assert "\x00" not in clean
        shown = printable(text)
        assert all(c.isprintable() or unicodedata.category(c) == "Zs" for c in shown)
