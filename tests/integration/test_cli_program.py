"""The program over time from the command line: `imbot ask --now`, `imbot chat --now`,
`imbot admin edition load --dry-run`, and a database from before 0009."""

import io
import json

import pytest
from sqlalchemy import select, update

from bot import cli
from storage.models import Edition
from tests.bundles import write_bundle


@pytest.fixture(autouse=True)
def database(sqlite_url, tmp_path, monkeypatch):
    monkeypatch.setenv("IMBOT_DATABASE_URL", sqlite_url)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


def ask(capsys, question: str, now: str, lang: str = "de") -> dict:
    assert cli.main(["ask", "--json", "--lang", lang, "--now", now, question]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(
    ("now", "expected"),
    [("2023-04-20T10:00", "Bewerbungsschluss ist in 13 Tagen, der 3. Mai 2023."),
     ("2023-05-02T10:00", "Bewerbungsschluss ist morgen, der 3. Mai 2023."),
     ("2023-05-04T10:00", "Die Bewerbungsfrist ist vorbei: Sie endete am 3. Mai 2023. Das "
                          "Programm „Integrationsmacher:innen 2023/24“ läuft noch"),
     ("2024-04-01T10:00", "ist seit Ende März 2024 beendet")],
)  # fmt: skip
def test_ask_now_answers_as_at_that_moment(capsys, now, expected):
    hit = ask(capsys, "Wann ist Bewerbungsschluss?", now)
    assert hit["confident"] and hit["faq_id"] == "deadline" and expected in hit["answer"]


def test_ask_now_in_english_and_a_bad_moment(capsys):
    hit = ask(capsys, "Can I still apply?", "2023-05-03T18:00", "en")
    assert "the deadline is today, 3 May 2023" in hit["answer"]
    with pytest.raises(SystemExit) as exc:
        cli.main(["ask", "--now", "tomorrow", "Frist?"])
    assert exc.value.code == 2 and "is not a time like" in capsys.readouterr().err


def test_chat_now_greets_with_the_state_of_the_call(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("Ist die Frist vorbei?\n"))
    assert cli.main(["chat", "--now", "2023-05-02T10:00"]) == 0
    out = capsys.readouterr().out
    assert "Zurzeit läuft keine" not in out and "Bewerbungsschluss ist morgen" in out
    monkeypatch.setattr("sys.stdin", io.StringIO("/start\n"))
    assert cli.main(["chat", "--now", "2025-01-10T10:00"]) == 0
    assert "Zurzeit läuft keine Ausschreibung" in capsys.readouterr().out


def test_dry_run_counts_and_changes_nothing(capsys, monkeypatch, tmp_path):
    monkeypatch.setattr("sys.stdin", io.StringIO("/erinnerungen\n"))
    assert cli.main(["chat", "--now", "2023-04-20T10:00"]) == 0
    capsys.readouterr()
    corrected = write_bundle(tmp_path / "b", ("day: 2023-05-03", "day: 2023-05-10"))
    assert cli.main(["admin", "edition", "load", "--dry-run", str(corrected)]) == 0
    out = capsys.readouterr().out
    # the clock is real (2026): nothing of 2023 is ahead, the subscriber's pushes were
    # planned at the pretended 2023-04-20 and would all be dropped
    assert "would be active" in out and "Dry run: nothing was changed." in out
    assert "0 added" in out and "dropped" in out
    assert cli.main(["admin", "edition", "show"]) == 0
    assert "2023-05-03  deadline" in capsys.readouterr().out


def test_ask_with_a_corrected_edition_file_and_a_load_at_a_moment(capsys, monkeypatch, tmp_path):
    corrected = write_bundle(tmp_path / "b", ("day: 2023-05-03", "day: 2023-05-05"))
    args = ["ask", "--json", "--now", "2023-04-26T10:00", "--edition", str(corrected)]
    assert cli.main([*args, "Wann ist Bewerbungsschluss?"]) == 0
    assert "in 9 Tagen, der 5. Mai 2023" in json.loads(capsys.readouterr().out)["answer"]
    monkeypatch.setattr("sys.stdin", io.StringIO("/erinnerungen\n"))
    assert cli.main(["chat", "--now", "2023-04-20T10:00"]) == 0
    capsys.readouterr()
    load = ["admin", "edition", "load", "--now", "2023-04-20T10:00", str(corrected)]
    assert cli.main(load) == 0
    assert "Reminders: 2 dropped, 2 added, 8 unchanged" in capsys.readouterr().out


def test_a_database_from_before_0009_gets_the_shipped_edition_again(capsys, sqlite_url):
    from storage.db import make_engine
    from storage.repo import session_factory

    assert cli.main(["admin", "edition", "show"]) == 0  # creates and seeds the database
    capsys.readouterr()
    engine = make_engine(sqlite_url)
    sessions = session_factory(engine)
    with sessions() as s:  # as 0009 finds an old database: no source, days only
        s.execute(update(Edition).values(source=None))
        s.commit()
    assert cli.main(["admin", "edition", "show"]) == 0
    assert "2023-10-01 [month]  kickoff" in capsys.readouterr().out
    with sessions() as s:
        assert s.scalars(select(Edition.source)).one().startswith("# The 2023 edition")
    engine.dispose()


def test_a_call_bundle_folder_from_the_command_line(capsys, monkeypatch, tmp_path):
    """`imbot admin edition load FOLDER`: the bundle's knowledge base answers in the next
    `imbot chat` and in `imbot ask --edition FOLDER`; a folder with two editions is refused."""
    from tests.bundles import SIX, write_call_bundle

    folder = tmp_path / "call"
    write_call_bundle(folder, kb_changes=SIX, call_changes=SIX[:1])
    assert cli.main(["admin", "edition", "load", "--dry-run", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "Knowledge base: kb.yaml (from the bundle), 35 entries" in out and "Dry run" in out
    assert cli.main(["admin", "edition", "load", str(folder)]) == 0
    assert "is active" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO("Wie viele Projekte werden gefördert?\n"))
    assert cli.main(["chat", "--now", "2023-04-20T10:00"]) == 0
    assert "Gefördert werden deutschlandweit sechs Projekte." in capsys.readouterr().out
    args = ["ask", "--json", "--lang", "en", "--edition", str(folder), "How many projects?"]
    assert cli.main(args) == 0
    assert json.loads(capsys.readouterr().out)["answer"].startswith("Six projects")

    write_bundle(folder, name="second.yaml")
    assert cli.main(["admin", "edition", "load", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "needs exactly one edition file" in err and "edition.yaml, second.yaml" in err


def test_a_database_with_saturday_pushes_moves_them_to_the_friday_before(
    capsys, monkeypatch, sqlite_url
):
    """The shipped edition as stored before Saturdays were quiet is loaded once more:
    unsent Saturday pushes go out on the Friday before, sent ones are not sent again."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from bot.timeline import Timeline
    from jobs.editions import default_edition_text
    from storage.db import make_engine
    from storage.models import OutboxRow
    from storage.repo import session_factory

    monkeypatch.setattr("sys.stdin", io.StringIO("/erinnerungen\n"))
    assert cli.main(["chat", "--now", "2023-04-20T10:00"]) == 0
    capsys.readouterr()
    engine = make_engine(sqlite_url)
    sessions = session_factory(engine)
    old = default_edition_text().replace(
        "{weekdays: [saturday, sunday], holidays: DE}", "{weekdays: [sunday], holidays: DE}"
    )
    berlin = ZoneInfo("Europe/Berlin")
    # the database opens (and its edition is refreshed) on 21 April 2023
    monkeypatch.setattr("bot.timeline.system_clock", lambda: datetime(2023, 4, 21, tzinfo=berlin))
    Timeline(sessions).load(old)  # as a database of before stored it and planned its pushes

    def rows():
        with sessions() as s:
            return {r.dedupe_key: (r.state, r.due_at) for r in s.scalars(select(OutboxRow))}

    def saturdays():
        return [k for k, (_, due) in rows().items() if due.astimezone(berlin).weekday() == 5]

    assert len(saturdays()) == 3  # Sa 27.05., Sa 23.09., Sa 16.03.
    with sessions() as s:  # the first push went out already
        first = s.scalars(select(OutboxRow).order_by(OutboxRow.due_at)).first()
        first.state, sent_key = "sent", first.dedupe_key
        s.commit()
    before = rows()
    assert cli.main(["admin", "edition", "show"]) == 0  # opens the database
    after = rows()
    assert saturdays() == [] and after.keys() == before.keys()
    assert after[sent_key] == before[sent_key]
    with sessions() as s:
        assert s.scalars(select(Edition.source)).one() == default_edition_text()
    engine.dispose()


def test_a_saturday_push_moved_into_a_friday_morning_that_is_over_is_sent_late_once(
    capsys, monkeypatch, sqlite_url
):
    """An old database upgraded on Friday 26 May 2023 at 10:00: the push of Saturday
    27 May moves to Friday 09:00, already past. It goes out at once (late, once), not
    dropped; a push already sent stays sent and is not planned again."""
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    from bot.timeline import Timeline
    from jobs.dispatch import Dispatcher
    from jobs.editions import default_edition_text
    from storage.db import make_engine
    from storage.models import OutboxRow
    from storage.repo import session_factory

    monkeypatch.setattr("sys.stdin", io.StringIO("/erinnerungen\n"))
    assert cli.main(["chat", "--now", "2023-04-20T10:00"]) == 0
    capsys.readouterr()
    engine = make_engine(sqlite_url)
    sessions = session_factory(engine)
    old = default_edition_text().replace(
        "{weekdays: [saturday, sunday], holidays: DE}", "{weekdays: [sunday], holidays: DE}"
    )
    berlin = ZoneInfo("Europe/Berlin")
    monkeypatch.setattr("bot.timeline.system_clock", lambda: datetime(2023, 4, 21, tzinfo=berlin))
    Timeline(sessions).load(old)

    def rows():
        with sessions() as s:
            return {r.dedupe_key: (r.state, r.due_at) for r in s.scalars(select(OutboxRow))}

    saturday = [k for k, (_, due) in rows().items() if due.astimezone(berlin).day == 27]
    [key] = saturday  # the push of Saturday 27 May
    friday = datetime(2023, 5, 26, 10, 0, tzinfo=berlin)
    with sessions() as s:  # everything due before that Friday went out
        for row in s.scalars(select(OutboxRow)):
            if row.due_at.replace(tzinfo=row.due_at.tzinfo or UTC) < friday:
                row.state = "sent"
        s.commit()
    sent = {k for k, (state, _) in rows().items() if state == "sent"}
    monkeypatch.setattr("bot.timeline.system_clock", lambda: friday)
    assert cli.main(["admin", "edition", "show"]) == 0  # opens (and refreshes) the database
    after = rows()
    state, due = after[key]
    assert state == "pending" and due.replace(tzinfo=due.tzinfo or UTC) == friday
    assert {k for k, (st, _) in after.items() if st == "sent"} == sent  # never twice

    from tests.senders import Recorder

    console = Recorder()
    Dispatcher(sessions, {"console": console}, clock=lambda: friday).tick()
    assert [d.dedupe_key for d in console.sent] == [key]
    Dispatcher(sessions, {"console": console}, clock=lambda: friday).tick()
    assert len(console.sent) == 1
    engine.dispose()
