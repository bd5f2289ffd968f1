"""Recovery of the outbox after a crash: 1,000 due messages (1,000 chats) sent by
`imbot run --telegram` on PostgreSQL (pgserver) to the tests' fake Bot API, once
uninterrupted and once with `kill -9` after 40 % and an immediate restart. The kill
comes after 415 messages (41.5 %), inside a claimed batch for both batch sizes
(baseline 100, today 30): at exactly 400 a 100-row claim may just have ended, and the
kill would cost the baseline nothing by luck.

    python benchmarks/recovery_bench.py [--rows 1000] \\
        [--baseline-imbot /tmp/imbot-base/.venv/bin/imbot]

Printed per installation: seconds to drain uninterrupted and with the kill (from
the first start to the last message), their ratio, seconds from the restart to the
last message, messages lost and sent twice. Default settings (tick 10 s; outbox
paced at Telegram's 30 messages/s). Goal: killed <= 1.2 x uninterrupted + one
tick, lost 0, repeated <= 1. With --baseline-imbot an older installation is
measured the same way in the same run.
"""

from __future__ import annotations

import argparse
import signal
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from runs import (
    ROOT,
    TimedBotAPI,
    add_installation_args,
    installations,
    new_database,
    start_bot,
    start_pg,
    stop_bot,
    wait_for,
)

sys.path.insert(0, str(ROOT))
from storage import outbox  # noqa: E402
from storage.db import make_engine, upgrade  # noqa: E402
from storage.repo import session_factory  # noqa: E402

TICK = 10


def fill(url: str, rows: int) -> None:
    engine = make_engine(url)
    upgrade(engine)  # the same schema in both installations (0006)
    now = datetime.now(UTC)
    drafts = [outbox.Draft(kind="notice", dedupe_key=f"r{i}", platform="telegram",
                           chat_id=str(50_000 + i), text=f"Ankündigung {i}", due_at=now)
              for i in range(rows)]  # fmt: skip
    with session_factory(engine)() as s:
        outbox.enqueue(s, drafts, now)
        s.commit()
    engine.dispose()


def delivered(api: TimedBotAPI) -> Counter:
    return Counter(s.text for _, s in list(api.arrived) if s.method == "sendMessage")


def drain(
    exe: Path, tmp: Path, server, api: TimedBotAPI, rows: int, name: str, kill_at: float | None
):
    url = new_database(server, name)
    fill(url, rows)
    api.reset()
    t0 = time.monotonic()
    bot = start_bot(exe, tmp, url, api)
    restarted_at = None
    try:
        if kill_at is not None:
            wait_for(lambda: len(api.arrived) >= rows * kill_at, 300, f"{kill_at:.0%} sent")
            bot.send_signal(signal.SIGKILL)
            bot.wait()
            restarted_at = time.monotonic()
            bot = start_bot(exe, tmp, url, api)
        wait_for(lambda: len(delivered(api)) >= rows, 600, "every message")
        done = time.monotonic()
        time.sleep(2)  # anything sent twice after the last new one arrives now
    finally:
        stop_bot(bot)
    counts = delivered(api)
    lost = rows - len(counts)
    repeated = sum(n - 1 for n in counts.values())
    return done - t0, (done - restarted_at) if restarted_at else None, lost, repeated


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1000)
    ap.add_argument("--kill-at", type=float, default=0.415, help="fraction sent before kill -9")
    add_installation_args(ap)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        server = start_pg(tmp)
        api = TimedBotAPI().start()
        print(
            f"{args.rows} due messages to {args.rows} chats, kill -9 after {args.kill_at:.1%}, tick {TICK} s\n"
        )
        print(f"{'installation':12} {'plain s':>8} {'killed s':>9} {'ratio':>6} {'goal s':>7} "
              f"{'after restart s':>16} {'lost':>5} {'repeated':>9}")  # fmt: skip
        try:
            for i, (name, exe) in enumerate(installations(args)):
                plain, _, lost0, rep0 = drain(exe, tmp, server, api, args.rows, f"rec_{i}_plain", None)  # fmt: skip
                killed, after, lost, repeated = drain(exe, tmp, server, api, args.rows, f"rec_{i}_kill", args.kill_at)  # fmt: skip
                print(f"{name:12} {plain:>8.1f} {killed:>9.1f} {killed / plain:>6.2f} "
                      f"{1.2 * plain + TICK:>7.1f} {after:>16.1f} {lost + lost0:>5} {repeated + rep0:>9}",
                      flush=True)  # fmt: skip
        finally:
            api.stop()
            server.cleanup()


if __name__ == "__main__":
    main()
