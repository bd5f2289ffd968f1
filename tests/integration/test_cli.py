"""The `imbot` command end to end (in process), on a fresh SQLite database."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot import cli


@pytest.fixture(autouse=True)
def database(sqlite_url, monkeypatch):
    monkeypatch.setenv("IMBOT_DATABASE_URL", sqlite_url)


def test_ask_json_confident_and_not(capsys):
    assert cli.main(["ask", "--json", "Bis wann kann man sich bewerben?"]) == 0
    hit = json.loads(capsys.readouterr().out)
    assert hit["confident"] and hit["faq_id"] == "deadline" and "3. Mai 2023" in hit["answer"]
    assert hit["lang"] == "de" and hit["suggestions"] == []

    assert cli.main(["ask", "--json", "What is the population of Pforzheim?"]) == 0
    miss = json.loads(capsys.readouterr().out)
    assert miss["answer"] is None and not miss["confident"] and miss["lang"] == "en"
    assert miss["faq_id"] and miss["score"] > 0 and 1 <= len(miss["suggestions"]) <= 3


def test_ask_reads_one_question_per_line_from_stdin(capsys, monkeypatch):
    monkeypatch.setattr(
        "sys.stdin", io.StringIO("Wer kann sich bewerben?\n\nWho funds the program?\n")
    )
    assert cli.main(["ask", "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["faq_id"] for line in lines] == ["eligibility", "funder"]


def test_chat_records_unanswered_questions_for_the_team(capsys, monkeypatch):
    monkeypatch.setattr(
        "sys.stdin", io.StringIO("Wie ist das Wetter in Stralsund?\nBewerbungsfrist?\n")
    )
    assert cli.main(["chat"]) == 0
    assert "Dazu kann ich nichts sagen" in capsys.readouterr().out  # the weather: off topic
    assert cli.main(["faq", "unanswered"]) == 0
    out = capsys.readouterr().out
    assert "Wie ist das Wetter in Stralsund?" in out and "Bewerbungsfrist" not in out


def test_empty_log_and_db_upgrade(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("IMBOT_DATABASE_URL", f"sqlite:///{tmp_path / 'empty.db'}")  # not migrated
    assert cli.main(["db", "upgrade"]) == 0
    assert cli.main(["faq", "unanswered"]) == 0
    assert "No unanswered questions" in capsys.readouterr().out


def test_bad_database_url_exits_1_with_a_message(capsys, monkeypatch):
    monkeypatch.setenv("IMBOT_DATABASE_URL", "mysql://nope")
    assert cli.main(["db", "upgrade"]) == 1
    assert "database problem" in capsys.readouterr().err


def test_usage_errors_exit_non_zero():
    with pytest.raises(SystemExit) as exc:
        cli.main(["nonsense"])
    assert exc.value.code == 2


def _invite(capsys, *args) -> str:
    assert cli.main(["admin", "invite", *args]) == 0
    out = capsys.readouterr().out
    return next(line.split()[1] for line in out.splitlines() if line.startswith("code:"))


def test_admin_flow_invite_redeem_pair_list_export_erase(capsys, monkeypatch):
    monkeypatch.setenv("TELEGRAM_BOT_USERNAME", "@imbot_test_bot")
    assert cli.main(["admin", "invite", "--role", "expert", "--name", "Erika Muster"]) == 0
    out = capsys.readouterr().out
    code = next(line.split()[1] for line in out.splitlines() if line.startswith("code:"))
    assert f"https://t.me/imbot_test_bot?start={code}" in out and f"/start {code}" in out
    _invite(capsys, "--role", "buddy", "--name", "Bernd Buddy", "--lang", "en")

    monkeypatch.setattr("sys.stdin", io.StringIO(f"/start {code}\n"))
    assert cli.main(["chat"]) == 0
    assert "Willkommen, Erika Muster" in capsys.readouterr().out

    assert cli.main(["admin", "pair", "Erika Muster", "2"]) == 0
    assert cli.main(["admin", "people"]) == 0
    table = capsys.readouterr().out
    assert "Erika Muster" in table and "linked" in table and "console" in table

    assert cli.main(["admin", "export", "1"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert exported["pairs"][0]["partner"] == "Bernd Buddy"

    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert cli.main(["admin", "erase", "1"]) == 2  # no terminal to confirm, no --yes
    assert cli.main(["admin", "erase", "1", "--yes"]) == 0
    assert cli.main(["admin", "export", "1"]) == 0
    assert json.loads(capsys.readouterr().out.split("\n", 1)[1])["person"]["name"] is None


def test_admin_errors_exit_1_with_a_clear_message(capsys):
    _invite(capsys, "--role", "admin", "--name", "Ada")
    assert cli.main(["admin", "pair", "Ada", "Ada"]) == 1
    assert "Ada is not an expert" in capsys.readouterr().err
    assert cli.main(["admin", "revoke", "Nobody"]) == 1
    assert 'no one is called "Nobody"' in capsys.readouterr().err
    assert cli.main(["admin", "invite", "--role", "expert"]) == 2
    assert "--name" in capsys.readouterr().err


def test_link_a_second_chat_account(capsys, monkeypatch):
    first = _invite(capsys, "--role", "buddy", "--name", "Bernd")
    monkeypatch.setattr("sys.stdin", io.StringIO(f"/start {first}\n"))
    assert cli.main(["chat", "--as", "bernd"]) == 0
    code = _invite(capsys, "--person", "Bernd")
    assert code and code != first
    monkeypatch.setattr("sys.stdin", io.StringIO(f"/start {code}\n"))
    assert cli.main(["chat", "--as", "bernd-laptop"]) == 0
    assert "Willkommen, Bernd" in capsys.readouterr().out
    assert cli.main(["admin", "export", "Bernd"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert exported["person"]["name"] == "Bernd" and exported["person"]["role"] == "buddy"
    accounts = [(i["platform"], i["user_id"]) for i in exported["chat_identities"]]
    assert sorted(accounts) == [("console", "bernd"), ("console", "bernd-laptop")]


def test_database_down_at_start_exits_1(capsys, monkeypatch):
    monkeypatch.setenv(
        "IMBOT_DATABASE_URL", "postgresql+psycopg://x@127.0.0.1:1/none?connect_timeout=2"
    )
    assert cli.main(["admin", "people"]) == 1
    assert "cannot reach the database" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("var", "value"),
    [
        ("IMBOT_REQUEST_TTL_HOURS", "zwei"),
        ("IMBOT_HORIZON_DAYS", "0"),
        ("IMBOT_TIMEZONE", "Mars/Olympus"),
        ("IMBOT_CONCURRENT_UPDATES", "0"),
        ("IMBOT_OUTBOX_LEASE_SECONDS", "2"),
        ("TELEGRAM_HTTP_CLIENT", "curl"),
        ("IMBOT_CPU", "9999"),
        ("IMBOT_CPU", "half"),
    ],
)
def test_bad_settings_exit_1_and_name_the_variable(capsys, monkeypatch, var, value):
    monkeypatch.setenv(var, value)
    assert cli.main(["db", "upgrade"]) == 1
    assert var in capsys.readouterr().err


def test_imbot_run_keeps_its_threads_on_one_core():
    """IMBOT_CPU=auto: every thread of the process, the ones already started too, on one
    allowed core; off: as the scheduler likes. In a child process: pytest stays free."""
    probe = (
        "import os, sys, threading, time\n"
        "from bot.app.run import pin_to_one_core\n"
        "t = threading.Thread(target=time.sleep, args=(2,)); t.start()\n"
        "before = sorted(os.sched_getaffinity(0))\n"
        "core = pin_to_one_core(sys.argv[1])\n"
        "tasks = {tuple(sorted(os.sched_getaffinity(int(x)))) for x in os.listdir('/proc/self/task')}\n"
        "print(before, core, sorted(tasks), sep='|')\n"
    )
    allowed = sorted(os.sched_getaffinity(0))
    for setting in ("auto", "off", str(allowed[-1])):
        out = subprocess.run([sys.executable, "-c", probe, setting], capture_output=True,
                             text=True, check=True).stdout.strip().split("|")  # fmt: skip
        if setting == "off" or (setting == "auto" and len(allowed) < 2):
            assert out[1] == "None", out
        else:
            core = int(out[1])
            assert core in allowed and out[2] == f"[({core},)]", out


def test_rules_come_from_the_environment():
    from bot.app.config import Settings

    settings = Settings.from_env({"IMBOT_REQUEST_TTL_HOURS": "24", "IMBOT_BUFFER_MINUTES": "0"})
    assert settings.rules.request_ttl_hours == 24 and settings.rules.buffer_minutes == 0


def test_output_into_a_pipe_that_closed_early_ends_quietly(tmp_path):
    """`imbot admin people | head -1`: the reader leaves; no traceback, exit 0."""
    env = {**os.environ, "IMBOT_DATABASE_URL": f"sqlite:///{tmp_path / 'pipe.db'}"}
    imbot = str(Path(sys.executable).with_name("imbot"))
    subprocess.run([imbot, "db", "upgrade"], env=env, check=True, capture_output=True)
    people = tmp_path / "people.csv"
    people.write_text("".join(f"Person {n:03d},expert,de,\n" for n in range(300)))
    subprocess.run([imbot, "admin", "invite", "--csv", str(people)], env=env, check=True,
                   capture_output=True)  # fmt: skip  (a list longer than a pipe's buffer)
    reader, writer = os.pipe()
    os.close(reader)  # nobody reads: the first write fails with EPIPE
    done = subprocess.run([imbot, "admin", "people"], env=env, stdout=writer,
                          stderr=subprocess.PIPE, text=True, timeout=60)  # fmt: skip
    os.close(writer)
    assert "Traceback" not in done.stderr and "BrokenPipeError" not in done.stderr
    assert done.returncode == 0, done.stderr
