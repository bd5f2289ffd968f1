"""The team's command line as a new team member meets it: the traps found by trying
it (each with a test), invites in bulk from a CSV file, open invites and --resend.
Storage-touching tests run on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, update

from bot import cli
from bot.cli.common import CLI_WORDING, cli_text
from bot.texts import TEXTS
from storage.models import Invite, OutboxRow, Pair, Person
from storage.repo import session_factory
from tests.e2e.telegram.fake_bot_api import FakeBotAPI


@pytest.fixture
def db(engine, monkeypatch):
    """The CLI on a migrated database of the test's own (SQLite and PostgreSQL)."""
    url = engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("IMBOT_DATABASE_URL", url)
    monkeypatch.delenv("TELEGRAM_BOT_USERNAME", raising=False)
    return session_factory(engine)


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def _code(out: str) -> str:
    return next(line.split()[1] for line in out.splitlines() if line.startswith("code:"))


# -- traps --------------------------------------------------------------------------
def test_without_bot_username_no_unusable_link_and_the_letter_has_matrix(capsys, db):
    code, out, _ = _run(capsys, "admin", "invite", "--role", "expert", "--name", "Erika Muster")
    assert code == 0
    assert "t.me/<bot>" not in out and "https://t.me/" not in out
    assert "set TELEGRAM_BOT_USERNAME" in out
    assert f"!start {_code(out)}" in out and "Hallo Erika Muster" in out  # the text to forward


def test_with_bot_username_the_letter_has_the_deep_link_in_the_invitees_language(
    capsys, db, monkeypatch
):
    monkeypatch.setenv("TELEGRAM_BOT_USERNAME", "imbot_test_bot")
    args = ("admin", "invite", "--role", "buddy", "--name", "Bob Baker", "--lang", "en")
    code, out, _ = _run(capsys, *args)
    link = f"https://t.me/imbot_test_bot?start={_code(out)}"
    assert code == 0 and f"open {link} and tap" in out and "Hello Bob Baker" in out


def _doctor(capsys, monkeypatch, sqlite_url, **env) -> tuple[int, str]:
    for key in ("MATRIX_HOMESERVER", "MATRIX_USER", "TELEGRAM_BOT_USERNAME"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("IMBOT_DATABASE_URL", sqlite_url)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    code = cli.main(["doctor"])
    return code, capsys.readouterr().out


def test_doctor_flags_a_missing_bot_username(capsys, monkeypatch, sqlite_url):
    api = FakeBotAPI().start()
    try:
        env = {"TELEGRAM_TOKEN": api.token, "TELEGRAM_BASE_URL": api.base_url}
        code, out = _doctor(capsys, monkeypatch, sqlite_url, NO_PROXY="127.0.0.1", **env)
        assert code == 1 and "✗ invite links: TELEGRAM_BOT_USERNAME is not set" in out
        code, out = _doctor(
            capsys, monkeypatch, sqlite_url, TELEGRAM_BOT_USERNAME="other_bot", **env
        )
        assert code == 1 and "set TELEGRAM_BOT_USERNAME=imbot_test_bot" in out
    finally:
        api.stop()


def test_doctor_does_not_create_a_missing_database(capsys, monkeypatch, tmp_path):
    missing = tmp_path / "typo" / "imbot.db"
    code, out = _doctor(capsys, monkeypatch, f"sqlite:///{missing}", TELEGRAM_TOKEN="1:x")
    assert code == 1 and "✗ database: there is no database at" in out
    assert not missing.exists() and not missing.parent.exists()


def test_a_second_person_with_the_same_name_needs_yes(capsys, db):
    new = ("admin", "invite", "--role", "expert", "--name", "Fatma Yilmaz")
    assert _run(capsys, *new)[0] == 0
    code, out, err = _run(capsys, *new, "--lang", "en")  # stdin is no terminal in tests
    assert code == 2 and 'There is already #1 called "Fatma Yilmaz"' in err
    assert "--yes" in err and "--person" in err and "Invite for" not in out
    with db() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 1
    code, out, _ = _run(capsys, *new, "--yes")
    assert code == 0 and "Invite for #2 Fatma Yilmaz" in out
    # another chat account of the same person is no second person
    assert _run(capsys, "admin", "invite", "--person", "1")[0] == 0


def test_pair_does_not_silently_replace_a_buddy(capsys, db):
    for role, name in (("expert", "Erika"), ("buddy", "Bernd"), ("buddy", "Berta")):
        assert _run(capsys, "admin", "invite", "--role", role, "--name", name)[0] == 0
    assert _run(capsys, "admin", "pair", "1", "2")[0] == 0
    assert _run(capsys, "admin", "pair", "1", "2")[0] == 0  # the same buddy again: nothing asked
    code, out, err = _run(capsys, "admin", "pair", "1", "3")
    assert code == 2 and "Erika already has Bernd as buddy" in err and "--yes" in err
    with db() as s:
        assert s.scalar(select(Pair.buddy_id).where(Pair.expert_id == 1)) == 2
    code, out, _ = _run(capsys, "admin", "pair", "1", "3", "--yes")
    assert code == 0 and "Erika now has Berta as buddy" in out
    with db() as s:
        assert s.scalar(select(Pair.buddy_id).where(Pair.expert_id == 1)) == 3


def test_pair_asks_on_a_terminal(capsys, db, monkeypatch):
    for role, name in (("expert", "Erika"), ("buddy", "Bernd"), ("buddy", "Berta")):
        _run(capsys, "admin", "invite", "--role", role, "--name", name)
    _run(capsys, "admin", "pair", "1", "2")
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    answers = iter(["n", "ja"])
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    code, out, _ = _run(capsys, "admin", "pair", "1", "3")
    assert code == 0 and "Nothing changed." in out
    code, out, _ = _run(capsys, "admin", "pair", "1", "3")
    assert code == 0 and "Erika now has Berta as buddy" in out


@pytest.mark.parametrize("days", ["0", "-1", "366"])
def test_an_invite_that_is_expired_at_once_is_refused(capsys, db, days):
    with pytest.raises(SystemExit) as exc:
        cli.main(["admin", "invite", "--role", "expert", "--name", "Erika", "--days", days])
    assert exc.value.code == 2 and "--days" in capsys.readouterr().err
    with db() as s:
        assert s.scalar(select(func.count()).select_from(Invite)) == 0


@pytest.mark.parametrize(
    "argv",
    [
        ["admin", "people"],
        ["admin", "stats"],
        ["admin", "outbox"],
        ["admin", "invites"],
        ["admin", "invite", "--role", "expert", "--name", "Erika"],
        ["faq", "unanswered"],
        ["admin", "edition", "show"],
    ],
)
def test_a_mistyped_database_path_is_not_created(capsys, monkeypatch, tmp_path, argv):
    missing = tmp_path / "imbto.db"
    monkeypatch.setenv("IMBOT_DATABASE_URL", f"sqlite:///{missing}")
    code, out, err = _run(capsys, *argv)
    assert code == 1 and f"there is no imbot database at {missing}" in err
    assert "imbot db upgrade" in err and "Nobody invited yet" not in out
    assert not missing.exists()


def test_an_empty_postgresql_database_is_no_imbot_database(capsys, monkeypatch, fresh_pg):
    monkeypatch.setenv("IMBOT_DATABASE_URL", fresh_pg())  # exists, but no tables
    code, _, err = _run(capsys, "admin", "people")
    assert code == 1 and "is not an imbot database yet" in err
    assert _run(capsys, "db", "upgrade")[0] == 0  # only this (and chat/run) creates it
    code, out, _ = _run(capsys, "admin", "people")
    assert code == 0 and "Nobody invited yet" in out


def test_chat_creates_a_new_database(capsys, monkeypatch, tmp_path):
    import io

    path = tmp_path / "new" / "imbot.db"
    monkeypatch.setenv("IMBOT_DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.setattr("sys.stdin", io.StringIO("/hilfe\n"))
    assert cli.main(["chat"]) == 0 and path.exists()
    capsys.readouterr()
    assert _run(capsys, "admin", "people")[0] == 0


def test_outbox_refuses_an_unknown_state_and_retries_a_failed_row(capsys, db):
    code, _, err = _run(capsys, "admin", "outbox", "--state", "bogus")
    assert code == 2 and 'Unknown state "bogus"' in err and "failed" in err
    now = datetime.now(UTC)
    with db() as s:
        s.add(
            OutboxRow(kind="notice", dedupe_key="k1", platform="telegram", chat_id="5",
                      text="Hallo", due_at=now, state="failed", attempts=6,
                      last_error="NetworkError", created_at=now)
        )  # fmt: skip
        s.commit()
        row_id = s.scalar(select(OutboxRow.id))
    code, out, _ = _run(capsys, "admin", "outbox", "--state", "failed")
    assert code == 0 and f"#{row_id}" in out and "--retry" in out
    assert _run(capsys, "admin", "outbox", "--retry", str(row_id))[0] == 0
    with db() as s:
        row = s.get(OutboxRow, row_id)
        assert (row.state, row.attempts) == ("pending", 0)
    code, _, err = _run(capsys, "admin", "outbox", "--retry", str(row_id))
    assert code == 1 and "only failed messages" in err


CHAT_COMMAND = re.compile(r"(^|[\s(])[/!][a-zäöü]+")


def test_cli_errors_point_to_cli_commands_not_chat_commands(capsys, db):
    code, _, err = _run(capsys, "admin", "pair", "Nobody", "2")
    assert code == 1 and "imbot admin people" in err and "/people" not in err
    # every refusal the CLI can show: none names a chat command
    keys = {
        *CLI_WORDING,
        *re.findall(r'(?:People|Team)Error\(\s*"(\w+)"', _sources()),
    }
    fields = {
        "ref": "X", "ids": "#1", "name": "X", "id": 1, "expert": "X", "old": "Y",
        "buddy": "Z", "role": "r", "value": "v", "limit": 1, "state": "sent",
        "known": "k", "n": 1, "problems": [], "other": 2,
    }  # fmt: skip
    for key in keys:
        assert key in TEXTS, key
        assert not CHAT_COMMAND.search(cli_text(key, fields)), (key, cli_text(key, fields))


def _sources() -> str:
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "bot"
    return (root / "people.py").read_text() + (root / "team.py").read_text()


# -- bulk invites -------------------------------------------------------------------
GOOD = """name;role;language;buddy
Berta Buddy;buddy;de;
Erika Expertin;expertin;de;Berta Buddy
Emma Expert;expert;en;Berta Buddy
Ben Buddy;buddy;en
"""


def test_bulk_invites_and_pairs_in_one_go(capsys, db, tmp_path, monkeypatch):
    monkeypatch.setenv("TELEGRAM_BOT_USERNAME", "imbot_test_bot")
    path, texts = tmp_path / "people.csv", tmp_path / "texts.txt"
    path.write_text(GOOD, encoding="utf-8")
    code, out, err = _run(capsys, "admin", "invite", "--csv", str(path), "--out", str(texts))
    assert code == 0, err
    assert "4 people invited" in out and "Erika Expertin – Berta Buddy" in out
    letters = texts.read_text(encoding="utf-8")
    assert letters.count("https://t.me/imbot_test_bot?start=") == 4
    assert "Hallo Erika Expertin" in letters and "Hello Emma Expert" in letters
    with db() as s:
        people = dict(s.execute(select(Person.name, Person.id)).all())
        assert s.scalar(select(Person.lang).where(Person.name == "Ben Buddy")) == "en"
        pairs = set(s.execute(select(Pair.expert_id, Pair.buddy_id)).all())
    berta = people["Berta Buddy"]
    assert pairs == {(people["Erika Expertin"], berta), (people["Emma Expert"], berta)}
    # an existing buddy by number, comma-separated, no header
    path.write_text(f"Emil Experte,expert,de,{berta}\n", encoding="utf-8")
    code, out, _ = _run(capsys, "admin", "invite", "--csv", str(path))
    assert code == 0 and "Emil Experte – Berta Buddy" in out and "Hallo Emil Experte" in out


BAD = """Name,Rolle,Sprache,Buddy
Anna Admin,admin,de,
Erika Expertin,expret,de,
Bernd Buddy,buddy,fr,
,buddy,de,
Emil Experte,expert,de,Niemand Bekannt
Anna Admin,admin,de,
Otto Other,buddy,de,Anna Admin
"""


def test_bulk_with_bad_lines_writes_nothing_and_names_every_line(capsys, db, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text(BAD, encoding="utf-8")
    code, out, err = _run(capsys, "admin", "invite", "--csv", str(path))
    assert code == 1 and "nobody was invited" in err and "Invite for" not in out
    lines = {int(n): text for n, text in re.findall(r"line (\d+): (.*)", err)}
    assert set(lines) == {3, 4, 5, 6, 7, 8}, err
    assert "expret" in lines[3] and '"fr"' in lines[4] and "name" in lines[5].lower()
    assert "Niemand Bekannt" in lines[6] and "line 2" in lines[7] and "expert" in lines[8]
    assert not any(CHAT_COMMAND.search(text) for text in lines.values())
    with db() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 0
        assert s.scalar(select(func.count()).select_from(Invite)) == 0


def test_bulk_refuses_names_already_invited(capsys, db, tmp_path):
    _run(capsys, "admin", "invite", "--role", "expert", "--name", "Erika Expertin")
    path = tmp_path / "people.csv"
    path.write_text("Erika Expertin,expert,de\nNeu Person,buddy,de\n", encoding="utf-8")
    code, _, err = _run(capsys, "admin", "invite", "--csv", str(path))
    assert code == 1 and "line 1:" in err and "#1" in err
    with db() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 1


# -- open invites, resend -----------------------------------------------------------
def test_open_invites_with_their_age_and_resend_renews_an_expired_one(capsys, db):
    _, out, _ = _run(capsys, "admin", "invite", "--role", "expert", "--name", "Erika Expertin")
    old = _code(out)
    _run(capsys, "admin", "invite", "--role", "buddy", "--name", "Bernd Buddy")
    long_ago = datetime.now(UTC) - timedelta(days=20)
    with db() as s:
        s.execute(
            update(Invite)
            .where(Invite.code == old)
            .values(created_at=long_ago, expires_at=long_ago + timedelta(days=14))
        )
        s.commit()
    code, out, _ = _run(capsys, "admin", "invites")
    erika = next(line for line in out.splitlines() if "Erika" in line)
    assert code == 0 and "20 days" in erika and "expired: imbot admin invite --resend 1" in erika
    assert "valid until" in next(line for line in out.splitlines() if "Bernd" in line)
    # the still valid invite is given again, unchanged
    code, out, _ = _run(capsys, "admin", "invite", "--resend", "Bernd Buddy")
    with db() as s:
        bernd_code = s.scalar(select(Invite.code).where(Invite.person_id == 2))
    assert code == 0 and _code(out) == bernd_code
    # the expired one is replaced by a new code
    code, out, _ = _run(capsys, "admin", "invite", "--resend", "1", "--days", "30")
    new = _code(out)
    assert code == 0 and new != old and "Hallo Erika Expertin" in out
    with db() as s:
        codes = list(s.scalars(select(Invite.code).where(Invite.person_id == 1)))
    assert codes == [new]
    code, out, _ = _run(capsys, "admin", "invites")
    assert "expired" not in out


def test_resend_to_someone_linked_says_what_to_do(capsys, db):
    _, out, _ = _run(capsys, "admin", "invite", "--role", "expert", "--name", "Erika Expertin")
    from bot.people import People

    People(db).redeem(_code(out), "console", "erika", "erika")
    code, _, err = _run(capsys, "admin", "invite", "--resend", "1")
    assert code == 1 and "already redeemed" in err and "imbot admin invite --person 1" in err


def test_announce_to_one_pair_from_the_command_line(capsys, db):
    from bot.people import People

    people = People(db)
    for role, name in (("expert", "Erika"), ("buddy", "Bernd"), ("expert", "Emil")):
        info = people.invite(role, name)
        people.redeem(info.code, "console", name.lower(), name.lower())
    people.pair("Erika", "Bernd")
    base = ("admin", "announce", "--to", "pair", "--text", "Bitte /termine prüfen.", "--wait", "0")
    code, _, err = _run(capsys, *base[:4], "--text", "x")
    assert code == 2 and "--expert" in err
    code, _, err = _run(capsys, *base, "--expert", "Emil", "--yes")
    assert code == 1 and "Emil has no buddy yet: imbot admin pair" in err
    code, out, _ = _run(capsys, *base, "--expert", "Erika", "--yes")
    assert code == 0 and "to the pair Erika and Bernd (2 chats)" in out
    with db() as s:
        chats = set(s.scalars(select(OutboxRow.chat_id).where(OutboxRow.kind == "announce")))
    assert chats == {"erika", "bernd"}


def test_bulk_options_that_do_not_go_together_and_an_unwritable_out_file(capsys, db, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("Berta Buddy,buddy\n", encoding="utf-8")
    code, _, err = _run(capsys, "admin", "invite", "--csv", str(path), "--name", "X")
    assert code == 2 and "takes no --role or --name" in err
    code, _, err = _run(capsys, "admin", "invite", "--csv", str(path), "--resend", "1")
    assert code == 2 and "give only one of" in err
    out_file = tmp_path / "missing-dir" / "texts.txt"
    code, out, err = _run(capsys, "admin", "invite", "--csv", str(path), "--out", str(out_file))
    assert code == 0 and "cannot write" in err and "Hallo Berta Buddy" in out  # nothing lost
