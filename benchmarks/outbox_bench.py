"""Outbox dispatch on a real PostgreSQL (pgserver).

    python benchmarks/outbox_bench.py [--rows 10000]

1. N due rows through a fake sender (no limits) with 1 and with 2 workers:
   messages/s and p95 lateness (send time minus due time), lost and duplicated.
2. The same N rows through a sender that enforces Telegram's limits (30 messages/s
   overall, 1 per chat per second) on a virtual clock: total time against the ideal
   N/30 s, lost and duplicated.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pgserver  # noqa: E402

from jobs.dispatch import Dispatcher  # noqa: E402
from storage import outbox  # noqa: E402
from storage.db import make_engine, upgrade  # noqa: E402
from storage.repo import session_factory  # noqa: E402


class Recorder:
    platform = "bench"
    rate_per_second = None
    per_chat_seconds = None

    def __init__(self, clock=None):
        self.keys, self.lock, self.clock = [], threading.Lock(), clock
        self.times: list[float] = []

    def send(self, delivery):
        with self.lock:
            self.keys.append(delivery.dedupe_key)
            if self.clock:
                self.times.append(self.clock.monotonic())


class TelegramLimits(Recorder):
    rate_per_second = 30
    per_chat_seconds = 1.0


class VirtualTime:
    def __init__(self):
        self.t = 0.0

    def monotonic(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.t += seconds


def fill(sessions, n: int, due: datetime, chats: int = 2000) -> None:
    drafts = [
        outbox.Draft(
            kind="bench",
            dedupe_key=f"b{i}",
            platform="bench",
            chat_id=f"chat{i % chats}",
            text=f"Erinnerung {i}",
            due_at=due,
        )
        for i in range(n)
    ]
    with sessions() as s:
        for start in range(0, n, 1000):
            outbox.enqueue(s, drafts[start : start + 1000], due)
        s.commit()


def check(keys: list[str], n: int) -> str:
    counts = Counter(keys)
    lost = n - len(counts)
    duplicated = sum(c - 1 for c in counts.values())
    return f"lost {lost}, duplicated {duplicated}"


def run_workers(url: str, n: int, workers: int) -> None:
    engine = make_engine(url)
    upgrade(engine)
    sessions = session_factory(engine)
    due = datetime.now(UTC)
    fill(sessions, n, due)
    sender = Recorder()
    lateness: list[float] = []
    lock = threading.Lock()

    def work(i: int) -> None:
        stats = Dispatcher(sessions, {"bench": sender}, worker=f"w{i}", batch=100).tick()
        with lock:
            lateness.extend(stats.lateness)

    t0 = time.perf_counter()
    threads = [threading.Thread(target=work, args=(i,)) for i in range(workers)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    secs = time.perf_counter() - t0
    lateness.sort()
    p95 = lateness[int(len(lateness) * 0.95)] if lateness else float("nan")
    print(
        f"{workers} worker(s): {n} rows in {secs:.1f} s = {n / secs:.0f} messages/s, "
        f"p95 lateness {p95:.1f} s, {check(sender.keys, n)}"
    )
    engine.dispose()


def run_telegram(url: str, n: int) -> None:
    engine = make_engine(url)
    upgrade(engine)
    sessions = session_factory(engine)
    due = datetime.now(UTC)
    fill(sessions, n, due)
    vt = VirtualTime()
    sender = TelegramLimits(vt)
    t0 = time.perf_counter()
    Dispatcher(
        sessions, {"bench": sender}, monotonic=vt.monotonic, sleep=vt.sleep, batch=100
    ).tick()
    wall = time.perf_counter() - t0
    ideal = n / 30
    print(
        f"Telegram limits (virtual clock): {n} rows in {vt.t:.1f} s of send time, ideal {ideal:.1f} s "
        f"({vt.t / ideal:.3f}x), {check(sender.keys, n)}; computed in {wall:.1f} s wall time"
    )
    engine.dispose()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=10_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        server = pgserver.get_server(tmp, cleanup_mode="stop")
        base = server.get_uri().replace("postgresql://", "postgresql+psycopg://", 1)
        print(f"PostgreSQL 16 (pgserver), {args.rows} due rows, 2,000 chats, fake sender\n")
        for name, job in (
            ("w1", lambda u: run_workers(u, args.rows, 1)),
            ("w2", lambda u: run_workers(u, args.rows, 2)),
            ("tg", lambda u: run_telegram(u, args.rows)),
        ):
            server.psql(f"CREATE DATABASE bench_{name};")
            job(base.replace("/postgres?", f"/bench_{name}?"))
        server.cleanup()


if __name__ == "__main__":
    main()
