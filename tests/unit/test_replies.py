"""The reply reader against its own table of real replies (tests/dialogues/replies.yaml)."""

from datetime import date, datetime
from pathlib import Path

import pytest
import yaml

from bot.booking.answers import ASK, NO, NONE, TIME, YES, read

TABLE = yaml.safe_load((Path(__file__).parents[1] / "dialogues" / "replies.yaml").read_text())
NOW, DAY = datetime(2026, 3, 2, 9, 0), date(2026, 3, 3)  # a Monday; the request is on Tuesday


def test_the_table_is_big_and_says_what_it_expects():
    assert len(TABLE) >= 150
    assert {kind for _, kind in TABLE} == {YES, NO, TIME, ASK, NONE}


@pytest.mark.parametrize(("text", "expected"), TABLE, ids=[t for t, _ in TABLE])
def test_reply_is_read_as_a_person_means_it(text, expected):
    assert read(text, NOW, DAY).kind == expected


@pytest.mark.parametrize("text", ["Ja?", "ok?", "geht?", "klar?", "ja nein", "nicht klar"])
def test_a_question_mark_or_a_contradiction_never_acts(text):
    assert read(text, NOW, DAY).kind == ASK


def test_the_reason_is_kept_for_the_other_side_and_bare_words_have_none():
    assert read("nein, da bin ich im Urlaub").reason == "nein, da bin ich im Urlaub"
    assert read("nein danke").reason == ""
    assert read("👍🏽").kind == YES


def test_a_time_anywhere_is_a_counter_proposal_on_the_day_talked_about():
    r = read("lieber 11:00", NOW, DAY)
    assert (r.kind, r.moment) == (TIME, datetime(2026, 3, 3, 11, 0))
    assert read("nein, aber Do 14:00 geht", NOW, DAY).moment == datetime(2026, 3, 5, 14, 0)
    assert read("ja, 10:00 passt", NOW, DAY).words == YES  # the caller compares the time
    asked = read("Geht auch Do 14:00?", NOW, DAY)
    assert (asked.kind, asked.leaning, asked.moment) == (ASK, TIME, datetime(2026, 3, 5, 14, 0))


def test_without_a_clock_no_time_is_looked_for():
    assert read("Do 14:00").kind == NONE


def test_typos_are_asked_back_with_what_they_looked_like():
    assert (read("jaaa").kind, read("jaaa").leaning) == (ASK, YES)
    assert (read("nien").kind, read("nien").leaning) == (ASK, NO)
    assert read("Wann ist Bewerbungsschluss?").kind == NONE
