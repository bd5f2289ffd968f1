"""`imbot run --telegram` as a user starts it, against the fake Bot API."""

import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.e2e.telegram.fake_bot_api import FakeBotAPI, _free_port


def test_imbot_run_telegram_answers_and_stops_cleanly_on_sigterm(tmp_path):
    api = FakeBotAPI().start()
    env = {**os.environ, "TELEGRAM_TOKEN": api.token, "TELEGRAM_BASE_URL": api.base_url,
           "IMBOT_DATABASE_URL": f"sqlite:///{tmp_path / 'run.db'}", "NO_PROXY": "127.0.0.1,localhost", "IMBOT_HTTP_HOST": "127.0.0.1", "IMBOT_HTTP_PORT": str(_free_port()),
           "IMBOT_TICK_SECONDS": "1", "IMBOT_LOG_LEVEL": "INFO"}  # fmt: skip
    imbot = Path(sys.executable).with_name("imbot")
    proc = subprocess.Popen([str(imbot), "run", "--telegram"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)  # fmt: skip
    try:
        api.wait_until(
            lambda: "setMyCommands" in api.calls and "getUpdates" in api.calls, timeout=30
        )
        api.user_says(777, "/start")
        api.wait_for_text(777, "Hallo!", timeout=20)
        api.user_says(777, "Wann ist Bewerbungsschluss?")
        assert "3. Mai 2023" in api.wait_for_text(777, "Quelle: Ausschreibung", timeout=20).text
    finally:
        proc.send_signal(signal.SIGTERM)
        output, _ = proc.communicate(timeout=30)
        api.stop()
    assert proc.returncode == 0, output
    assert "Traceback" not in output
    assert api.token not in output  # the token never reaches the logs, even at INFO
    assert "Bewerbungsschluss" not in output  # nor message bodies


def test_imbot_run_without_a_token_says_what_is_missing(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_TOKEN"}
    env["IMBOT_DATABASE_URL"] = f"sqlite:///{tmp_path / 'run.db'}"
    imbot = Path(sys.executable).with_name("imbot")
    done = subprocess.run(
        [str(imbot), "run", "--telegram"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1 and "TELEGRAM_TOKEN is not set" in done.stderr


def test_webhook_mode_with_a_secret_token(tmp_path):
    import json
    import urllib.error
    import urllib.request

    from tests.e2e.telegram.fake_bot_api import _free_port

    api = FakeBotAPI().start()
    port = _free_port()
    url = f"http://127.0.0.1:{port}/telegram"
    env = {**os.environ, "TELEGRAM_TOKEN": api.token, "TELEGRAM_BASE_URL": api.base_url,
           "IMBOT_DATABASE_URL": f"sqlite:///{tmp_path / 'hook.db'}", "NO_PROXY": "127.0.0.1,localhost", "IMBOT_HTTP_HOST": "127.0.0.1", "IMBOT_HTTP_PORT": str(_free_port()),
           "TELEGRAM_WEBHOOK_URL": url, "TELEGRAM_WEBHOOK_SECRET": "s3cret", "TELEGRAM_WEBHOOK_PORT": str(port),
           "TELEGRAM_WEBHOOK_LISTEN": "127.0.0.1"}  # fmt: skip
    imbot = Path(sys.executable).with_name("imbot")
    proc = subprocess.Popen([str(imbot), "run", "--telegram"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)  # fmt: skip
    update = {"update_id": 1, "message": {"message_id": 1, "date": 1700000000, "text": "/start",
              "chat": {"id": 55, "type": "private"}, "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
              "from": {"id": 55, "is_bot": False, "first_name": "W", "language_code": "de"}}}  # fmt: skip

    def post(secret: str) -> int:
        request = urllib.request.Request(url, json.dumps(update).encode(), method="POST", headers={
            "Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret})  # fmt: skip
        try:
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - local test server
                return response.status
        except urllib.error.HTTPError as exc:
            return exc.code

    try:
        api.wait_until(lambda: api.webhook.get("url") == url, timeout=30)
        assert api.webhook["secret_token"] == "s3cret"
        _wait_for_port(port)
        assert post("wrong") == 403
        assert post("s3cret") == 200
        api.wait_for_text(55, "Hallo!", timeout=20)
    finally:
        proc.send_signal(signal.SIGTERM)
        output, _ = proc.communicate(timeout=30)
        api.stop()
    assert proc.returncode == 0, output


def _wait_for_port(port: int, timeout: float = 20) -> None:
    """Until the webhook server accepts connections (it may come up after setWebhook)."""
    import socket
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise AssertionError(f"nothing listens on port {port}")


def test_imbot_run_without_a_network_says_so_without_a_traceback(tmp_path):
    nobody = f"http://127.0.0.1:{_free_port()}/bot"  # a port nobody listens on
    env = {**os.environ, "TELEGRAM_TOKEN": "123456:TEST-token-never-printed",
           "TELEGRAM_BASE_URL": nobody, "NO_PROXY": "127.0.0.1,localhost",
           "IMBOT_DATABASE_URL": f"sqlite:///{tmp_path / 'run.db'}",
           "IMBOT_HTTP_HOST": "127.0.0.1", "IMBOT_HTTP_PORT": str(_free_port())}  # fmt: skip
    imbot = Path(sys.executable).with_name("imbot")
    done = subprocess.run(
        [str(imbot), "run", "--telegram"], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 1, done.stderr
    assert "Telegram could not be reached" in done.stderr
    assert "Traceback" not in done.stderr and "never-printed" not in done.stderr
