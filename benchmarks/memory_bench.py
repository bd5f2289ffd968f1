"""Memory of `imbot run` with both platforms connected: Telegram (the tests' fake Bot
API) and Matrix (a real Synapse from the test extra), on PostgreSQL (pgserver).

    python benchmarks/memory_bench.py [--users 1000] \\
        [--baseline-imbot /tmp/imbot-base/.venv/bin/imbot]

Per installation: RSS once /readyz says both platforms are connected (idle), then
after --users Telegram users wrote one message each at once (load_bench's burst: half
questions, half experts booking a slot; with the reply limit raised to 1,000/s so that
it does not take minutes): RSS and peak RSS (VmHWM), in MB (1024 KiB).
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

from load_bench import burst_once, experts_and_buddies, has_max_rate, load_average
from runs import (
    TimedBotAPI,
    _free_port,
    add_installation_args,
    child_env,
    installations,
    new_database,
    raised_limit_env,
    rss_mb,
    start_pg,
    stop_bot,
    wait_for,
)

from tests.e2e.matrix.synapse import Synapse

PASSWORD = "correct horse battery staple"


def ready(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2) as r:  # noqa: S310
            return r.status == 200
    except OSError:
        return False


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--users", type=int, default=1000)
    add_installation_args(ap)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        server = start_pg(tmp)
        synapse = Synapse(tmp / "synapse").start()
        api = TimedBotAPI().start()
        print(
            f"{'installation':12} {'idle MB':>8} {'after MB':>9} {'peak MB':>8}  ({args.users} users)"
        )
        try:
            for i, (name, exe) in enumerate(installations(args)):
                user = synapse.register(f"imbot{uuid.uuid4().hex[:6]}", PASSWORD)
                url = new_database(server, f"mem_{i}")
                http = _free_port()
                presses = experts_and_buddies(url, args.users)
                raised = name == "today" or has_max_rate(exe)
                extra = {"TELEGRAM_MAX_RATE": "1000"} if raised else raised_limit_env(tmp)
                env = child_env(tmp, url, TELEGRAM_TOKEN=api.token, TELEGRAM_BASE_URL=api.base_url,
                                IMBOT_HTTP_HOST="127.0.0.1", IMBOT_HTTP_PORT=str(http),
                                MATRIX_HOMESERVER=synapse.url, MATRIX_USER=user, MATRIX_PASSWORD=PASSWORD,
                                IMBOT_DATA_DIR=str(tmp / f"data-{i}"), **extra)  # fmt: skip
                api.reset()
                bot = subprocess.Popen([str(exe), "run"], env=env, cwd=tmp,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
                try:
                    wait_for(lambda: ready(http), 120, "both platforms connected")  # noqa: B023
                    time.sleep(2)
                    idle, _ = rss_mb(bot.pid)
                    api.reset()
                    burst_once(api, args.users, presses)
                    after, peak = rss_mb(bot.pid)
                finally:
                    stop_bot(bot)
                print(f"{name:12} {idle:>8.0f} {after:>9.0f} {peak:>8.0f}  load {load_average()}",
                      flush=True)  # fmt: skip
        finally:
            api.stop()
            synapse.stop()
            server.cleanup()


if __name__ == "__main__":
    main()
