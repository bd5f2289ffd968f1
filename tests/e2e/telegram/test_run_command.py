"""`imbot run --telegram` as a user starts it, against the fake Bot API."""

import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.e2e.telegram.fake_bot_api import FakeBotAPI


def test_imbot_run_telegram_answers_and_stops_cleanly_on_sigterm(tmp_path):
    api = FakeBotAPI().start()
    env = {**os.environ, "TELEGRAM_TOKEN": api.token, "TELEGRAM_BASE_URL": api.base_url,
           "IMBOT_DATABASE_URL": f"sqlite:///{tmp_path / 'run.db'}", "NO_PROXY": "127.0.0.1,localhost",
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
        api.wait_for_text(777, "3. Mai 2023", timeout=20)
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
