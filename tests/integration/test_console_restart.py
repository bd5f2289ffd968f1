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


def test_a_second_start_welcomes_back_and_a_number_presses_only_what_it_shows(capsys, monkeypatch):
    first = chat(capsys, monkeypatch, "")
    assert first.startswith("Hallo!") and "Bei neuer Ausschreibung melden" in first
    second = chat(capsys, monkeypatch, "wer bist du\n")  # a reply without choices closes them
    assert second.startswith("Willkommen zurück.") and "Hallo!" not in second
    assert "Zuletzt offen war diese Nachricht (tippen Sie die Nummer einer Wahl):\n" in second
    assert "Möchten Sie Bescheid bekommen" in second  # what the button is about (jf4)
    assert "schreiben Sie /naechste.\n  [1] 🔔 Bei neuer Ausschreibung melden" in second
    third = chat(capsys, monkeypatch, "1\n")
    assert "Zuletzt offen" not in third and "keine Auswahl offen" in third
    assert "schreibe ich Ihnen" not in third
    assert "Hallo!" in chat(capsys, monkeypatch, "/start\n")  # the greeting on request


def test_a_number_typed_in_the_next_run_picks_from_the_list_shown_last(capsys, monkeypatch):
    """On a phone the process may restart between a list and the number typed for it:
    the chat's last choices are kept in the database (try-out: `/jourfixe`, then `3`
    in the next run showed the list again, a run later "keine Auswahl offen")."""
    assert cli.main(["demo"]) == 0
    first = chat(capsys, monkeypatch, "/faq\n", "erika")
    assert "[3]" in first
    topic = first.split("[3] ", 1)[1].split("\n", 1)[0]
    second = chat(capsys, monkeypatch, "3\n", "erika")
    assert f"[3] {topic}" in second.split("\n\n", 2)[1]  # shown with the welcome back
    assert "keine Auswahl offen" not in second and topic in second.rsplit("\n\n", 3)[-2]


def test_an_applicants_language_is_kept_between_starts(capsys, monkeypatch):
    chat(capsys, monkeypatch, "/lang en\n")
    assert chat(capsys, monkeypatch, "").startswith("Welcome back.")
    third = chat(capsys, monkeypatch, "wer bist du\n")  # German words, the chosen language
    assert third.startswith("Welcome back.") and "I am the bot" in third


def test_welcome_back_in_the_persons_language_with_their_name(capsys, monkeypatch):
    assert cli.main(["demo"]) == 0
    chat(capsys, monkeypatch, "/lang en\n", "emil")  # stored for Emil Experte
    assert chat(capsys, monkeypatch, "", "emil").startswith("Welcome back, Emil Experte.")


def test_open_choices_after_a_restart_say_what_they_were_about(capsys, monkeypatch):
    """Try-out (jf4): "Zuletzt offen" showed bare "Einmalig / Jede Woche / Alle 2
    Wochen" or "Bestätigen / Ablehnen" without the question or the request."""
    assert cli.main(["demo"]) == 0
    chat(capsys, monkeypatch, "/jourfixe\n1\n", "erika")
    again = chat(capsys, monkeypatch, "", "erika")
    assert "Zuletzt offen war diese Nachricht" in again
    assert "– einmalig oder regelmäßig?\n  [1] Einmalig" in again
    chat(capsys, monkeypatch, "", "bernd")  # the first start greets
    chat(capsys, monkeypatch, "jede woche\n", "erika")
    buddy = chat(capsys, monkeypatch, "", "bernd")
    assert "Zuletzt offen war diese Nachricht" in buddy
    assert "Erika Expertin möchte einen Jour Fixe mit Ihnen" in buddy and "[1] Bestätigen" in buddy


def test_a_new_database_greets_as_a_first_contact(capsys, monkeypatch, tmp_path):
    """tryout7: the data directory remembered the login from an older database; the
    new one knows nobody, so its first start is a first contact ("Hallo!", not
    "Willkommen zurück")."""
    chat(capsys, monkeypatch, "geld?\n")
    monkeypatch.setenv("IMBOT_DATABASE_URL", f"sqlite:///{tmp_path / 'new.db'}")
    first = chat(capsys, monkeypatch, "geld?\n")
    assert first.startswith("Hallo!") and "zurück" not in first
