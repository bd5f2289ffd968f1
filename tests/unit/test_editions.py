from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from bot.timeline import Subscriber, plan
from jobs.editions import EditionError, default_edition_text, parse_edition

BERLIN = ZoneInfo("Europe/Berlin")
EDITION = """\
slug: test
name: Test edition
timezone: Europe/Berlin
remind_time: "09:00"
starts_on: 2026-01-01
ends_on: 2026-12-31
milestones:
  - key: deadline
    day: 2026-03-31
    title: {de: Bewerbungsschluss, en: Deadline}
    text: {de: Letzter Tag., en: Last day.}
    remind_days_before: [7, 1]
  - key: kickoff
    day: 2026-10-01
    title: {de: Kick-off, en: Kick-off}
    text: {de: Start., en: Start.}
    remind_days_before: [0]
"""
SUB = Subscriber("console", "anna", "anna", "de")


def test_the_2023_edition_from_the_call_is_valid():
    edition = parse_edition(default_edition_text())
    assert edition.slug == "2023" and edition.ends_on == date(2024, 3, 31)
    deadline = next(m for m in edition.milestones if m.key == "deadline")
    assert deadline.day == date(2023, 5, 3) and deadline.remind_days == (7, 1)


def test_errors_name_their_lines():
    broken = EDITION.replace("day: 2026-10-01", "day: someday").replace("en: Deadline}", "}")
    with pytest.raises(EditionError) as exc:
        parse_edition(broken)
    message = str(exc.value)
    assert "line 8: title needs both de and en" in message
    assert "line 13: day must be a date" in message


@pytest.mark.parametrize(
    ("change", "expected"),
    [(("timezone: Europe/Berlin", "timezone: Mars/Base"), "timezone 'Mars/Base' is unknown"),
     (("remind_time: \"09:00\"", "remind_time: nine"), "remind_time"),
     (("[7, 1]", "[seven]"), "remind_days_before"),
     (("key: kickoff", "key: deadline"), "appears twice"),
     (("slug: test", "slug: a b"), "slug may only"),
     (("name: Test edition", "name: [unclosed"), "line 3: not valid YAML")],
)  # fmt: skip
def test_each_kind_of_mistake_is_reported(change, expected):
    with pytest.raises(EditionError, match=expected):
        parse_edition(EDITION.replace(*change))


def test_pushes_are_planned_at_local_remind_time_across_dst():
    edition = parse_edition(EDITION)
    drafts = plan(edition, SUB, datetime(2026, 3, 1, tzinfo=UTC))
    due = {d.dedupe_key.split(":")[2] + ":" + d.dedupe_key.split(":")[3]: d.due_at for d in drafts}
    # 24 March is still CET (UTC+1), 30 March already CEST (UTC+2): both 09:00 local
    assert due["deadline:7"] == datetime(2026, 3, 24, 8, 0, tzinfo=UTC)
    assert due["deadline:1"] == datetime(2026, 3, 30, 7, 0, tzinfo=UTC)
    assert all(d.due_at.astimezone(BERLIN).time() == time(9, 0) for d in drafts)
    deadline = next(d for d in drafts if "deadline:1" in d.dedupe_key)
    assert deadline.event_at == datetime(2026, 4, 1, 0, 0, tzinfo=BERLIN)
    assert "morgen" in deadline.text and "/stopp" in deadline.text


def test_only_pushes_still_ahead_are_planned():
    edition = parse_edition(EDITION)
    later = plan(edition, SUB, datetime(2026, 3, 27, tzinfo=UTC))
    assert [d.dedupe_key.split(":")[2:4] for d in later] == [["deadline", "1"], ["kickoff", "0"]]
    english = plan(
        edition, Subscriber("telegram", "7", "7", "en"), datetime(2026, 3, 27, tzinfo=UTC)
    )
    assert english[0].text.startswith("⏰ Reminder: Deadline – tomorrow")


def test_the_program_end_is_the_closing_events_date_stated_once():
    """`ends_on: closing_event`: a corrected closing event moves the program's end too."""
    shipped = default_edition_text()
    assert "ends_on: closing_event" in shipped and "2024-03-31" in shipped
    assert shipped.count("2024-03-31") == 1  # one place for the date
    later = parse_edition(shipped.replace("day: 2024-03-31", "day: 2024-04-30"))
    assert later.ends_on == date(2024, 4, 30)  # end_month: the month's last day
    ranged = parse_edition(EDITION.replace("ends_on: 2026-12-31", "ends_on: kickoff"))
    assert ranged.ends_on == date(2026, 10, 1)


def test_an_end_that_names_no_milestone_is_refused_with_the_milestones():
    with pytest.raises(EditionError) as exc:
        parse_edition(EDITION.replace("ends_on: 2026-12-31", "ends_on: closing"))
    assert str(exc.value) == (
        "line 1: ends_on 'closing' is neither a date like 2024-03-31 nor a milestone of this "
        "edition (milestones: deadline, kickoff)"
    )
    with pytest.raises(EditionError, match="outside the edition"):  # the end comes first
        parse_edition(EDITION.replace("ends_on: 2026-12-31", "ends_on: deadline"))
