"""`imbot chat` as a person uses it: a real process on a real terminal pipe. Whatever
the clock jumps over (reminders dropped, requests expired), the transcript holds the
chat only: no traceback, no log line (issue 16: `imbot chat --now 2026-12-06T09:00`)."""

import os
import subprocess
import sys
from pathlib import Path

IMBOT = [str(Path(sys.executable).with_name("imbot"))]


def chat(env, now, lines, user="erika"):
    done = subprocess.run(
        [*IMBOT, "chat", "--as", user, "--now", now],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    return done.stdout + done.stderr


def test_jumping_ahead_keeps_logs_out_of_the_chat(tmp_path):
    env = {
        **os.environ,
        "IMBOT_DATA_DIR": str(tmp_path),
        "IMBOT_DATABASE_URL": f"sqlite:///{tmp_path / 'imbot.db'}",
        "IMBOT_LOG_LEVEL": "INFO",
    }
    subprocess.run([*IMBOT, "demo"], env=env, check=True, capture_output=True, timeout=120)
    chat(env, "2026-12-01T09:00", ["/jourfixe", "1", "3"])  # a biweekly series
    chat(env, "2026-12-01T10:00", ["ja"], user="bernd")
    chat(env, "2026-12-02T09:00", ["/jourfixe", "1", "1"], user="emil")  # never answered
    transcript = chat(env, "2026-12-06T09:00", ["/termine"])
    assert "Willkommen zurück, Erika Expertin" in transcript  # greeted on her first start
    assert "Ihre nächsten Jour Fixes" in transcript
    for bad in ("Traceback", "WARNING", "ERROR", "BookingError", "dropping outbox row", '"level"'):
        assert bad not in transcript
    log = (Path(tmp_path) / "imbot-chat.log").read_text()
    assert "dropping outbox row" in log  # the reminders before 3 Dec: in the log file
