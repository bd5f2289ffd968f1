"""K8 of the fourth try-out: `imbot chat` started again does not greet again, so the
greeting's button cannot take a typed "1" meant for something else."""

import io

import pytest

from bot import cli


@pytest.fixture(autouse=True)
def database(sqlite_url, tmp_path, monkeypatch):
    monkeypatch.setenv("IMBOT_DATABASE_URL", sqlite_url)
    monkeypatch.setenv("IMBOT_DATA_DIR", str(tmp_path / "data"))


def chat(capsys, monkeypatch, lines: str, user: str = "tom") -> str:
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    assert cli.main(["chat", "--as", user, "--now", "2026-11-26T10:00"]) == 0
    return capsys.readouterr().out


def test_a_second_start_welcomes_back_and_a_number_presses_no_old_greeting(capsys, monkeypatch):
    first = chat(capsys, monkeypatch, "")
    assert first.startswith("Hallo!") and "Bei neuer Ausschreibung melden" in first
    second = chat(capsys, monkeypatch, "1\n")
    assert second.startswith("Willkommen zurück, tom.") and "Hallo!" not in second
    assert "keine Auswahl offen" in second and "schreibe ich Ihnen" not in second
    assert "Hallo!" in chat(capsys, monkeypatch, "/start\n")  # the greeting on request


def test_welcome_back_in_the_persons_language_with_their_name(capsys, monkeypatch):
    assert cli.main(["demo"]) == 0
    chat(capsys, monkeypatch, "/lang en\n", "emil")  # stored for Emil Experte
    assert chat(capsys, monkeypatch, "", "emil").startswith("Welcome back, Emil Experte.")
