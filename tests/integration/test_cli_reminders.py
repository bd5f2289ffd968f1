"""Reminders from the command line: the console walk-through with a moved clock,
edition files, the outbox listing and announcements."""

import io

import pytest
from sqlalchemy import create_engine, select

from bot import cli
from storage.models import OutboxRow
from tests.bundles import write_bundle
from tests.unit.test_editions import EDITION


@pytest.fixture(autouse=True)
def database(sqlite_url, tmp_path, monkeypatch):
    monkeypatch.setenv("IMBOT_DATABASE_URL", sqlite_url)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


def chat(capsys, monkeypatch, lines, *args):
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    assert cli.main(["chat", *args]) == 0
    return capsys.readouterr().out


def test_subscribe_move_the_clock_and_the_deadline_reminder_arrives_once(capsys, monkeypatch):
    out = chat(capsys, monkeypatch, "/erinnerungen\n", "--now", "2023-04-20T09:00")
    assert "Mi 26.04. 09:00 – Bewerbungsschluss – in 7 Tagen" in out
    out = chat(capsys, monkeypatch, "hallo\n", "--now", "2023-04-26T09:00")
    assert out.count("⏰ Erinnerung: Bewerbungsschluss – in 7 Tagen") == 1
    out = chat(capsys, monkeypatch, "hallo\n", "--now", "2023-04-26T10:00")
    assert "⏰ Erinnerung" not in out
    out = chat(capsys, monkeypatch, "hallo\n", "--now", "2023-05-02T09:00")
    assert out.count("⏰ Erinnerung: Bewerbungsschluss – morgen") == 1


def test_edition_load_validates_with_line_numbers(capsys, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(EDITION.replace("day: 2026-10-01", "day: irgendwann"), encoding="utf-8")
    assert cli.main(["admin", "edition", "load", str(bad)]) == 1
    assert "line 13: day must be a date" in capsys.readouterr().err
    good = write_bundle(tmp_path / "bundle", ('slug: "2023"', 'slug: "2023-b"'))
    assert cli.main(["admin", "edition", "load", str(good)]) == 0
    out = capsys.readouterr().out
    assert "Edition '2023-b' (Integrationsmacher:innen 2023/24) is active, replacing '2023'" in out
    assert cli.main(["admin", "edition", "show"]) == 0
    shown = capsys.readouterr().out
    assert "2023-05-03  deadline" in shown and "2023-10-01 [month]  kickoff" in shown
    assert cli.main(["admin", "edition", "load", str(tmp_path / "missing.yaml")]) == 2


def test_edition_load_checks_the_bundle(capsys, tmp_path):
    """Every placeholder a milestone, every quoted passage in the call's text."""
    small = tmp_path / "small.yaml"
    small.write_text(EDITION, encoding="utf-8")
    assert cli.main(["admin", "edition", "load", str(small)]) == 1
    err = capsys.readouterr().err
    # (the participants' answer before the selection names the talks' days too)
    assert "milestone 'pre_talks' is missing (the texts of FAQ participants, FAQ pre_talks" in err
    bundle = write_bundle(tmp_path / "b")
    call = bundle.parent / "call-2023.de.txt"
    call.write_text(call.read_text(encoding="utf-8").replace("3.5.2023", "4.5.2023"), "utf-8")
    assert cli.main(["admin", "edition", "load", str(bundle)]) == 1
    assert "FAQ deadline: its source passage is not in the call's text" in capsys.readouterr().err
    call.unlink()
    assert cli.main(["admin", "edition", "load", str(bundle)]) == 1
    assert "'call-2023.de.txt' is not beside the edition file" in capsys.readouterr().err
    typo = write_bundle(tmp_path / "c", ("ist der {deadline}.", "ist der {dedline}."))
    assert cli.main(["admin", "edition", "load", str(typo)]) == 1
    assert "milestone 'dedline' is missing (the texts of milestone deadline use it)" in (
        capsys.readouterr().err
    )


def test_announce_previews_counts_and_queues(capsys, monkeypatch):
    assert cli.main(["demo"]) == 0
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert cli.main(["admin", "announce", "--to", "experts", "--text", "Kick-off am Montag"]) == 2
    assert "Preview – to experts (2 chats)" in capsys.readouterr().out
    args = [
        "admin",
        "announce",
        "--to",
        "experts",
        "--text",
        "Kick-off am Montag",
        "--yes",
        "--wait",
        "0",
    ]
    assert cli.main(args) == 0
    assert "0/2 delivered" in capsys.readouterr().out
    assert cli.main(["admin", "outbox", "--state", "pending"]) == 0
    listing = capsys.readouterr().out
    assert "pending 2" in listing and "console:erika" in listing
    out = chat(capsys, monkeypatch, "/termine\n/als emil\n", "--as", "erika")
    assert out.count("Kick-off am Montag") == 2  # both console experts get it, each once
    # Emil's waits for him at the console: shown after /als emil, not in Erika's chat
    assert out.index("Nachricht für emil wartet") < out.index("(Sie schreiben jetzt als emil)")
    assert out.rindex("Kick-off am Montag") > out.index("(Sie schreiben jetzt als emil)")
    assert cli.main(["admin", "outbox"]) == 0
    assert "sent 2" in capsys.readouterr().out


def test_a_push_held_for_another_console_user_is_printed_when_the_chat_ends(
    capsys, monkeypatch, tmp_path, sqlite_url
):
    """The outbox counts a push for another console user as sent: ending the chat
    without /als prints it (addressed to them), so it is never lost."""
    assert cli.main(["demo"]) == 0
    args = ["admin", "announce", "--to", "experts", "--text", "Kick-off am Montag"]
    assert cli.main([*args, "--yes", "--wait", "0"]) == 0
    capsys.readouterr()
    out = chat(capsys, monkeypatch, "/termine\n", "--as", "erika")
    assert out.count("Kick-off am Montag") == 2  # Erika's, and Emil's at the end
    held = out.index("Nachricht für emil wartet")
    assert out.rindex("Kick-off am Montag") > held
    assert "📨 an emil" in out[held:]


def test_announce_in_both_languages_each_reader_gets_theirs(
    capsys, monkeypatch, tmp_path, sqlite_url
):
    assert cli.main(["demo"]) == 0
    chat(capsys, monkeypatch, "/sprache en\n", "--as", "emil")  # Emil reads English
    capsys.readouterr()
    send = ["admin", "announce", "--to", "experts", "--yes", "--wait", "0"]
    assert cli.main([*send, "--text-de", "Kick-off am Montag"]) == 2  # both or none
    assert "give both --text-de and --text-en" in capsys.readouterr().err
    assert (
        cli.main([*send, "--text-de", "Kick-off am Montag", "--text-en", "Kick-off on Monday"]) == 0
    )
    preview = capsys.readouterr().out
    assert "-- German (1 chats) --" in preview and "-- English (1 chats) --" in preview
    with create_engine(sqlite_url).connect() as db:
        sent = dict(db.execute(select(OutboxRow.chat_id, OutboxRow.text)).all())
    assert sent["erika"].startswith("📣 Nachricht vom Programmteam")
    assert "\n\nKick-off am Montag\n\n" in sent["erika"] and "/loeschen" in sent["erika"]
    assert sent["emil"].startswith("📣 A message from the Integrationsmacher:innen program team")
    assert "\n\nKick-off on Monday\n\n" in sent["emil"] and "/delete" in sent["emil"]
    assert "Kick-off on Monday" in chat(capsys, monkeypatch, "/meetings\n", "--as", "emil")
    both = tmp_path / "both.txt"
    both.write_text("[de]\nHallo zusammen\n[en]\nHello everyone\n", encoding="utf-8")
    assert cli.main([*send, "--file", str(both)]) == 0
    assert "Hallo zusammen" in capsys.readouterr().out
    both.write_text("[de]\nHallo zusammen\n", encoding="utf-8")
    assert cli.main([*send, "--file", str(both)]) == 2
