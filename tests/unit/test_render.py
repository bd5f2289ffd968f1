"""Reminder texts rendered at send time, relative to that moment."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from jobs.render import relative_when, render, spec

BERLIN = ZoneInfo("Europe/Berlin")
AT = datetime(2026, 12, 3, 15, 0, tzinfo=BERLIN)


def at(hour, minute=0, day=3):
    return datetime(2026, 12, day, hour, minute, tzinfo=BERLIN)


def test_relative_to_the_moment_of_sending_in_both_languages():
    assert relative_when(AT, at(13, 50), "de", BERLIN) == "in 70 Minuten (15:00)"
    assert relative_when(AT, at(14, 59), "en", BERLIN) == "in 1 minute (15:00)"
    assert relative_when(AT, at(9), "de", BERLIN) == "heute um 15:00"
    assert relative_when(AT, at(0, 0), "en", BERLIN) == "today at 15:00"
    assert relative_when(AT, at(23, 0, day=2), "de", BERLIN) == "morgen um 15:00"
    assert relative_when(AT, at(9, day=1), "de", BERLIN) == "am Do 03.12. um 15:00"
    assert relative_when(AT, at(15, 0), "de", BERLIN) == "jetzt (15:00)"


def test_render_fills_the_stored_spec_and_falls_back_to_the_planned_text():
    raw = spec("meeting_reminder_at", "en", BERLIN, AT.astimezone(UTC), other="Bea")
    assert (
        render(raw, "planned", at(14, 50))
        == "⏰ Reminder: Jour Fixe with Bea in 10 minutes (15:00)."
    )
    assert render(None, "planned", at(14, 50)) == "planned"
    assert render('{"key": "nope"}', "planned", at(14, 50)) == "planned"


def test_a_timeline_push_counts_days_from_the_day_it_is_sent():
    from datetime import date

    from jobs.render import spec_days

    raw = spec_days(
        "timeline_push",
        "de",
        BERLIN,
        date(2026, 12, 10),
        title="Frist",
        day="10.12.2026",
        audience="",
        text="T",
    )
    assert render(raw, "planned", at(9, day=3)).startswith(
        "⏰ Erinnerung: Frist – in 7 Tagen (10.12.2026)."
    )
    assert "– morgen (" in render(raw, "planned", datetime(2026, 12, 9, 23, 59, tzinfo=BERLIN))
    assert "– heute (" in render(raw, "planned", datetime(2026, 12, 9, 23, 30, tzinfo=UTC))
    assert "– hat schon begonnen (" in render(
        raw, "planned", datetime(2026, 12, 11, 9, tzinfo=BERLIN)
    )
