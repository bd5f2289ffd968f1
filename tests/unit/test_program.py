"""The program over time, pure: the same question at four moments, dates as exact as
the call, pushes only on workdays, the shipped bundle consistent."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.chat.faq_replies import FaqReplies
from bot.timeline import Subscriber, bundle_problems, plan
from jobs.editions import EditionError, default_edition, parse_edition
from jobs.program import CallState, call_closed, call_state, push_day, render
from tests.bundles import shipped_text

BERLIN = ZoneInfo("Europe/Berlin")
ANNA = Subscriber("console", "anna", "anna", "de")
TOM = Subscriber("console", "tom", "tom", "en")

BEFORE = datetime(2023, 4, 20, 10, 0, tzinfo=BERLIN)  # 13 days before the deadline
DAY_BEFORE = datetime(2023, 5, 2, 10, 0, tzinfo=BERLIN)
AFTER = datetime(2023, 6, 12, 10, 0, tzinfo=BERLIN)  # the program runs
PROGRAM_OVER = datetime(2026, 11, 26, 10, 0, tzinfo=BERLIN)


def ask(matcher, question: str, now: datetime, lang: str = "de") -> str:
    return FaqReplies(matcher).ask(question, lang, now).text


@pytest.mark.parametrize(
    ("now", "expected", "not_expected"),
    [(BEFORE, "Bewerbungsschluss ist in 13 Tagen, der 3. Mai 2023", "endete"),
     (DAY_BEFORE, "Bewerbungsschluss ist morgen, der 3. Mai 2023", "endete"),
     (AFTER, "Sie endete am 3. Mai 2023. Das Programm „Integrationsmacher:innen 2023/24“ "
             "läuft noch bis Ende März 2024", "läuft noch:"),
     (PROGRAM_OVER, "Sie endete am 3. Mai 2023, und das Programm „Integrationsmacher:innen "
                    "2023/24“ ist seit Ende März 2024 beendet", "läuft noch")],
)  # fmt: skip
def test_the_deadline_question_at_four_moments(matcher, now, expected, not_expected):
    for question in ("Wann ist Bewerbungsschluss?", "Kann ich mich noch bewerben?"):
        answer = ask(matcher, question, now)
        assert expected in answer and not_expected not in answer, (question, answer)


def test_is_the_deadline_over_and_the_next_call_follow_the_date(matcher):
    assert "läuft noch" in ask(matcher, "Ist die Frist vorbei?", DAY_BEFORE)
    assert "ist vorbei" in ask(matcher, "Ist die Frist vorbei?", AFTER)
    assert "The application period is over" in ask(matcher, "Can I still apply?", AFTER, "en")
    assert "aktuelle Ausschreibung" in ask(matcher, "Wann ist die nächste Ausschreibung?", BEFORE)
    later = ask(matcher, "Wann ist die nächste Ausschreibung?", PROGRAM_OVER)
    assert "Eine nächste Ausschreibung ist noch nicht bekannt" in later


def test_answers_about_steps_change_tense_and_never_date_a_month(matcher):
    ahead = ask(matcher, "Wann ist das Kick-off?", datetime(2023, 9, 1, tzinfo=BERLIN))
    assert "Im Oktober 2023 findet das Kick-off-Event" in ahead
    past = ask(matcher, "Wann ist das Kick-off?", datetime(2023, 11, 2, tzinfo=BERLIN))
    assert "fand im Oktober 2023 statt" in past and "1. Oktober" not in past
    over = ask(matcher, "Wann ist das Kick-off?", PROGRAM_OVER)
    assert "ist seit Ende März 2024 beendet" in over
    talks = ask(matcher, "When are the preliminary talks?", BEFORE, "en")
    assert "Between 10 May 2023 and 17 May 2023" in talks


def test_call_state_on_each_side_of_its_dates():
    edition = default_edition()
    states = [call_state(edition, d) for d in
              (date(2023, 3, 31), date(2023, 5, 3), date(2023, 5, 4), date(2024, 4, 1))]  # fmt: skip
    assert states == [CallState.UPCOMING, CallState.OPEN, CallState.CLOSED, CallState.OVER]
    assert call_state(None, date(2023, 5, 3)) is None


def test_the_call_is_closed_from_the_day_after_the_deadline_in_berlin():
    edition = default_edition()
    late = datetime(2023, 5, 3, 23, 30, tzinfo=BERLIN)  # 21:30 UTC: still the deadline day
    assert not call_closed(edition, late)
    assert call_closed(edition, late + timedelta(hours=1))  # 00:30 on 4 May
    assert call_closed(edition, PROGRAM_OVER)
    assert not call_closed(edition, BEFORE)
    assert not call_closed(None, PROGRAM_OVER)


def test_placeholders_render_as_exact_as_the_call():
    edition = default_edition()
    assert render("{kickoff}", edition, "de") == "Oktober 2023"
    assert render("By {expert_profiles}", edition, "en") == "By early August 2023"
    assert render("{pre_talks}", edition, "de") == "10. bis 17. Mai 2023"
    assert render("{final_sketch_talk}", edition, "en") == "29 May to 2 June 2023"
    assert render("{nothing}", edition, "de") == "(Termin noch nicht bekannt)"


def test_pushes_say_only_what_the_call_says():
    drafts = {d.dedupe_key.split(":")[2]: d for d in plan(default_edition(), ANNA, BEFORE)}
    kickoff = drafts["kickoff"].text
    assert kickoff.startswith("⏰ Erinnerung: Kick-off – im Oktober 2023.\n")
    assert "01.10." not in kickoff and "Tagen" not in kickoff
    assert "Falls Sie für das Programm ausgewählt werden: Im Oktober 2023" in kickoff
    talks = drafts["pre_talks"].text
    assert "Falls Sie in die engere Auswahl kommen: Zwischen dem 10. Mai 2023" in talks
    assert "Falls" not in drafts["deadline"].text
    feedback = drafts["feedback"].text
    assert "nach dem 17. Mai 2023" in feedback and "heute" not in feedback
    english = {d.dedupe_key.split(":")[2]: d for d in plan(default_edition(), TOM, BEFORE)}
    assert english["expert_choice"].text.startswith(
        "⏰ Reminder: Choosing the expert – at the end of August 2023."
    )


def test_no_pushes_on_weekends_or_public_holidays():
    drafts = plan(default_edition(), ANNA, BEFORE)
    days = [d.due_at.astimezone(BERLIN).date() for d in drafts]
    assert days and all(d.weekday() < 5 for d in days)  # staff of towns read them at work
    kickoff = next(d for d in drafts if ":kickoff:7:" in d.dedupe_key)
    assert kickoff.event_at == datetime(2023, 11, 1, tzinfo=BERLIN)  # any day of October
    # 7 days before 1 October 2023 is Sunday 24 September: Friday 22 September instead
    assert kickoff.due_at.astimezone(BERLIN).date() == date(2023, 9, 22)
    # the three that fell on a Saturday (27.05., 23.09., 16.03.) go out on the Friday before
    assert {date(2023, 5, 26), date(2023, 9, 22), date(2024, 3, 15)} <= set(days)
    assert not {date(2023, 5, 27), date(2023, 9, 23), date(2024, 3, 16)} & set(days)
    holiday = parse_edition(shipped_text(("day: 2023-08-31", "day: 2023-10-04")))
    assert push_day(holiday, date(2023, 10, 3)) == date(2023, 10, 2)  # Tag der Deutschen Einheit
    choice = next(d for d in plan(holiday, ANNA, BEFORE) if ":expert_choice:" in d.dedupe_key)
    assert choice.due_at.astimezone(BERLIN).date() == date(2023, 9, 27)
    bavaria = parse_edition(
        shipped_text(("holidays: DE}", "holidays: DE-BY}"))
    )  # Allerheiligen is a holiday in Bavaria, not in Berlin
    assert push_day(bavaria, date(2023, 11, 1)) == date(2023, 10, 31)
    assert push_day(default_edition(), date(2023, 11, 1)) == date(2023, 11, 1)
    anytime = parse_edition(
        shipped_text(
            ("{weekdays: [saturday, sunday], holidays: DE}", "{weekdays: [], holidays: none}")
        )
    )
    assert push_day(anytime, date(2023, 9, 24)) == date(2023, 9, 24)


def test_the_day_before_is_said_right_when_a_push_moves():
    edition = parse_edition(shipped_text(("day: 2023-05-03", "day: 2023-05-08")))  # a Monday
    drafts = [d for d in plan(edition, ANNA, BEFORE) if ":deadline:1:" in d.dedupe_key]
    assert drafts[0].due_at.astimezone(BERLIN).date() == date(2023, 5, 5)  # Friday
    assert "Bewerbungsschluss – in 3 Tagen (08.05.2023)" in drafts[0].text


@pytest.mark.parametrize(
    ("change", "expected"),
    [(("precision: month", "precision: monthly"), "precision must be one of"),
     (("audience: shortlist", "audience: jury"), "audience must be one of"),
     (("until: 2023-05-17", "until: 2023-05-01"), "until must be a date on or after day"),
     (("holidays: DE}", "holidays: Germany}"), "holidays 'Germany' is unknown"),
     (("weekdays: [saturday, sunday]", "weekdays: [sonntag]"), "weekdays are names like sunday"),
     (("  text: call-2023.de.txt\n", ""), "call needs text")],
)  # fmt: skip
def test_each_new_field_is_checked(change, expected):
    with pytest.raises(EditionError, match=expected):
        parse_edition(shipped_text(change))


def test_the_shipped_bundle_is_consistent(kb):
    assert bundle_problems(default_edition(), None, kb) == []
    unknown = parse_edition(shipped_text(("holidays: DE}", "holidays: XX}")))
    assert bundle_problems(unknown, None, kb) == [
        "no_pushes_on: holidays 'XX' is unknown (e.g. DE, DE-BY)"
    ]


def test_time_is_utc_inside():
    drafts = plan(default_edition(), ANNA, datetime(2023, 4, 20, 8, 0, tzinfo=UTC))
    assert all(d.due_at.tzinfo is UTC for d in drafts)


def test_every_command_in_a_menu_has_its_menu_text():
    from bot.chat import FEATURES
    from bot.texts import TEXTS

    menus = [c.menu[1] for f in FEATURES for c in f.commands if c.menu]
    assert "next" in menus
    assert [name for name in menus if f"menu_{name}" not in TEXTS] == []
