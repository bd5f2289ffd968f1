"""Operating the bot: `imbot run` as a process on PostgreSQL with the fake Telegram
server (readiness, a reminder, metrics, SIGTERM), `imbot doctor`, `imbot admin stats`."""

import os
import signal
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot import cli
from storage import outbox
from storage.db import downgrade, make_engine
from storage.models import OutboxRow
from storage.repo import session_factory
from tests.e2e.telegram.fake_bot_api import FakeBotAPI, _free_port

IMBOT = Path(sys.executable).with_name("imbot")


def _get(url: str) -> tuple[int, str]:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(url, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def _start(env: dict, port: int) -> subprocess.Popen:
    proc = subprocess.Popen(
        [str(IMBOT), "run"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and _get_or_none(f"http://127.0.0.1:{port}/readyz") != 200:
        assert proc.poll() is None, proc.stdout.read()
        time.sleep(0.05)
    return proc


def _stop(proc: subprocess.Popen) -> str:
    proc.send_signal(signal.SIGTERM)
    output, _ = proc.communicate(timeout=60)
    assert proc.returncode == 0, output
    return output


def _remind(sessions, key: str, chat: str, text: str) -> None:
    now = datetime.now(UTC)
    with sessions() as s:
        outbox.enqueue(s, [outbox.Draft(kind="timeline", dedupe_key=key, platform="telegram", chat_id=chat,
                                        text=text, due_at=now)], now)  # fmt: skip
        s.commit()


def test_run_on_postgresql_survives_sigterm_and_restart_with_nothing_lost(fresh_pg, tmp_path):
    url = fresh_pg()  # empty: `imbot run` migrates it at its first start
    api = FakeBotAPI().start()
    port = _free_port()
    env = {**os.environ, "IMBOT_DATABASE_URL": url, "TELEGRAM_TOKEN": api.token, "TELEGRAM_BASE_URL": api.base_url,
           "IMBOT_HTTP_HOST": "127.0.0.1", "IMBOT_HTTP_PORT": str(port), "IMBOT_TICK_SECONDS": "1",
           "NO_PROXY": "127.0.0.1,localhost", "IMBOT_DATA_DIR": str(tmp_path / "data")}  # fmt: skip
    engine = make_engine(url)
    sessions = session_factory(engine)
    outputs = []
    proc = _start(env, port)
    try:
        status, body = _get(f"http://127.0.0.1:{port}/readyz")
        assert status == 200 and '"telegram": true' in body and '"database": true' in body
        assert _get(f"http://127.0.0.1:{port}/healthz")[0] == 200
        _remind(sessions, "ops-1", "555", "⏰ Erinnerung: Bewerbungsschluss morgen")
        api.wait_for_text(555, "Bewerbungsschluss morgen", timeout=30)
        api.user_says(556, "Wann ist Bewerbungsschluss?")
        api.wait_for_text(556, "3. Mai 2023", timeout=30)
        # the outbox counts a tick's deliveries when the tick ends, after the message is out
        # (the first tick creates the label with 0.0: wait for the count, not the label)
        sent = 'imbot_outbox_total{outcome="sent"} 1.0'
        _poll(lambda: sent in _get(f"http://127.0.0.1:{port}/metrics")[1], sent, timeout=15)
        metrics = _get(f"http://127.0.0.1:{port}/metrics")[1]
        assert 'imbot_outbox_total{outcome="sent"} 1.0' in metrics
        assert 'imbot_messages_in_total{platform="telegram"} 1.0' in metrics
        assert 'imbot_faq_questions_total{confident="true"} 1.0' in metrics
        outputs.append(_stop(proc))
        with sessions() as s:
            assert s.scalar(select(func.count()).where(OutboxRow.state == "claimed")) == 0
        _remind(
            sessions, "ops-2", "557", "⏰ Erinnerung: Vorgespräche morgen"
        )  # due while the bot is down
        proc = _start(env, port)
        api.wait_for_text(557, "Vorgespräche morgen", timeout=30)
    finally:
        if proc.poll() is None:
            outputs.append(_stop(proc))
        api.stop()
    with sessions() as s:
        states = dict(s.execute(select(OutboxRow.dedupe_key, OutboxRow.state)).all())
        assert states == {"ops-1": "sent", "ops-2": "sent"}
    assert len(api.sent_to(555)) == 1 and len(api.sent_to(557)) == 1  # nothing lost, nothing twice
    engine.dispose()
    assert all(api.token not in out for out in outputs)


def _poll(condition, what: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"no {what} within {timeout} s"
        time.sleep(0.05)


def _get_or_none(url: str) -> int | None:
    try:
        return _get(url)[0]
    except OSError:
        return None


def doctor(capsys, monkeypatch, env: dict) -> tuple[int, str]:
    for key in (
        "TELEGRAM_TOKEN",
        "MATRIX_HOMESERVER",
        "MATRIX_USER",
        "MATRIX_PASSWORD",
        "IMBOT_DATABASE_URL",
        "TELEGRAM_BOT_USERNAME",
    ):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    code = cli.main(["doctor"])
    return code, capsys.readouterr().out


def test_doctor_all_good_against_the_fake_telegram(capsys, monkeypatch, sqlite_url):
    db = sqlite_url
    api = FakeBotAPI().start()
    try:
        code, out = doctor(capsys, monkeypatch, {"IMBOT_DATABASE_URL": db, "TELEGRAM_TOKEN": api.token,
                                                 "TELEGRAM_BASE_URL": api.base_url, "NO_PROXY": "127.0.0.1",
                                                 "TELEGRAM_BOT_USERNAME": "imbot_test_bot"})  # fmt: skip
    finally:
        api.stop()
    assert code == 0, out
    assert (
        "✓ telegram: token valid for @imbot_test_bot" in out and "✓ migrations: up to date" in out
    )


def test_doctor_missing_token(capsys, monkeypatch, sqlite_url):
    code, out = doctor(capsys, monkeypatch, {"IMBOT_DATABASE_URL": sqlite_url})
    assert code == 1 and "✗ platforms: no chat platform configured: set TELEGRAM_TOKEN" in out


def test_doctor_rejected_token(capsys, monkeypatch, sqlite_url):
    db = sqlite_url
    api = FakeBotAPI().start()
    try:
        code, out = doctor(capsys, monkeypatch, {"IMBOT_DATABASE_URL": db, "TELEGRAM_TOKEN": "999:WRONG",
                                                 "TELEGRAM_BASE_URL": api.base_url, "NO_PROXY": "127.0.0.1"})  # fmt: skip
    finally:
        api.stop()
    assert code == 1 and "TELEGRAM_TOKEN is rejected (401)" in out


def test_doctor_unreachable_database(capsys, monkeypatch):
    code, out = doctor(capsys, monkeypatch, {"IMBOT_DATABASE_URL": "postgresql+psycopg://bot:secret@127.0.0.1:1/imbot",
                                             "TELEGRAM_TOKEN": "1:x"})  # fmt: skip
    assert code == 1 and "✗ database: cannot reach the database" in out and "secret" not in out


def test_doctor_pending_migration(capsys, monkeypatch, sqlite_url):
    db = sqlite_url
    engine = make_engine(db)
    downgrade(engine, "0003")
    engine.dispose()
    code, out = doctor(capsys, monkeypatch, {"IMBOT_DATABASE_URL": db})
    assert code == 1 and "✗ migrations: the schema is at 0003" in out and "imbot db upgrade" in out


def test_doctor_bad_setting(capsys, monkeypatch):
    code, out = doctor(capsys, monkeypatch, {"IMBOT_HTTP_PORT": "http"})
    assert code == 1 and "✗ configuration: IMBOT_HTTP_PORT" in out


@pytest.fixture
def database(sqlite_url, monkeypatch):
    monkeypatch.setenv("IMBOT_DATABASE_URL", sqlite_url)


def test_admin_stats(capsys, monkeypatch, database):
    import io

    assert cli.main(["demo"]) == 0
    monkeypatch.setattr(
        "sys.stdin", io.StringIO("Wann ist Bewerbungsschluss?\nWie ist das Wetter?\n")
    )
    assert cli.main(["chat"]) == 0
    capsys.readouterr()
    assert cli.main(["admin", "stats"]) == 0
    out = capsys.readouterr().out
    assert "1 admin, 1 buddy, 2 expert" in out
    assert "since Monday 1 answered, 1 not answered" in out
    assert "meetings:  0 held, 0 upcoming, 0 cancelled" in out
