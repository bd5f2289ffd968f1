"""`imbot doctor` names the chat libraries it runs with, and says when one cannot load."""

from importlib.metadata import version

from bot import cli
from bot.app import doctor


def test_doctor_prints_the_chat_library_versions(capsys, monkeypatch):
    monkeypatch.setenv("IMBOT_HTTP_PORT", "http")  # a bad setting: the versions still show
    assert cli.main(["doctor"]) == 1
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if "chat libraries" in line)
    assert line.startswith("✓ chat libraries: ")
    for name in ("python-telegram-bot", "matrix-nio", "vodozemac"):
        assert f"{name} {version(name)}" in line


def test_a_library_that_does_not_load_is_a_problem(monkeypatch):
    monkeypatch.setattr(
        doctor, "CHAT_LIBRARIES", (*doctor.CHAT_LIBRARIES, ("no-such-lib", "no_such_lib", ""))
    )
    check = doctor._libraries()
    assert not check.ok
    assert "no-such-lib" in check.message and "requirements/runtime.txt" in check.message
