"""Jour Fixe booking on a real PostgreSQL (pgserver): 50 buddies x 6 experts, one
program term (26 weeks).

    python benchmarks/booking_bench.py [--buddies 50] [--experts 6] [--threads 4]

Prints slot computation latency (p50/p95 per /jourfixe) on an empty and on a full
calendar, and booking throughput (bookings/s) for single requests and biweekly
series, sequential and with concurrent threads (conflicts refused by the database).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, date, datetime
from datetime import time as clock
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pgserver  # noqa: E402

from bot.booking.base import BookingError  # noqa: E402
from bot.booking.rules import Rules  # noqa: E402
from bot.booking.service import JourFixe  # noqa: E402
from bot.booking.timeparse import Window  # noqa: E402
from bot.people import People  # noqa: E402
from storage.db import make_engine, upgrade  # noqa: E402
from storage.models import Edition  # noqa: E402
from storage.repo import UnitOfWork, session_factory  # noqa: E402

NOW = datetime(2026, 1, 5, 7, 0, tzinfo=UTC)


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * q))]


def setup(url: str, buddies: int, experts: int):
    engine = make_engine(url)
    upgrade(engine)
    sessions = session_factory(engine)
    people = People(sessions, lambda: NOW)
    jf = JourFixe(sessions, lambda: NOW, Rules(horizon_days=28))
    with UnitOfWork(sessions) as uow:
        uow.session.add(
            Edition(
                slug="bench",
                name="Bench",
                starts_on=date(2026, 1, 1),
                ends_on=date(2026, 7, 1),
                active=True,
            )
        )
        uow.commit()
    pairs = []
    for b in range(buddies):
        buddy = people.invite("buddy", f"Buddy {b}").person_id
        windows = [Window(clock(9), clock(12), weekday=d) for d in range(5)]
        windows += [Window(clock(14), clock(17), weekday=d) for d in range(5)]
        jf.set_windows(buddy, windows)
        for e in range(experts):
            expert = people.invite("expert", f"Expert {b}-{e}").person_id
            people.pair(f"#{expert}", f"#{buddy}")
            pairs.append(expert)
    return jf, pairs


def time_slots(jf: JourFixe, experts: list[int], rounds: int = 2) -> list[float]:
    times = []
    for _ in range(rounds):
        for e in experts:
            t0 = time.perf_counter()
            jf.slots(e, limit=8)
            times.append((time.perf_counter() - t0) * 1000)
    return times


def book_all(
    jf: JourFixe, experts: list[int], weeks: int, threads: int
) -> tuple[int, int, int, float]:
    """Every expert requests their first free slot; returns (requests, meetings, refusals, s)."""
    lock, counts = threading.Lock(), {"meetings": 0, "refused": 0, "requests": 0}

    def work(chunk):
        for e in chunk:
            slots = jf.slots(e, limit=1)
            if not slots:
                continue
            try:
                made = jf.request(e, slots[0], weeks)
                with lock:
                    counts["meetings"] += len(made)
                    counts["requests"] += 1
            except BookingError:
                with lock:
                    counts["refused"] += 1

    chunks = [experts[i::threads] for i in range(threads)]
    t0 = time.perf_counter()
    workers = [threading.Thread(target=work, args=(c,)) for c in chunks]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return counts["requests"], counts["meetings"], counts["refused"], time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--buddies", type=int, default=50)
    ap.add_argument("--experts", type=int, default=6)
    ap.add_argument("--threads", type=int, default=4)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        server = pgserver.get_server(tmp, cleanup_mode="stop")
        base = server.get_uri().replace("postgresql://", "postgresql+psycopg://", 1)
        for name in ("bench_seq", "bench_par"):
            server.psql(f"CREATE DATABASE {name};")
        print(
            f"PostgreSQL 16 (pgserver), {args.buddies} buddies x {args.experts} experts, "
            f"windows Mon-Fri 9-12 and 14-17, 45 min + 15 min buffer, horizon 28 days\n"
        )

        jf, experts = setup(base.replace("/postgres?", "/bench_seq?"), args.buddies, args.experts)
        empty = time_slots(jf, experts)
        print(f"{'slot computation (/jourfixe)':40} {'p50 ms':>8} {'p95 ms':>8}")
        print(f"{'  empty calendars':40} {statistics.median(empty):8.2f} {pct(empty, 0.95):8.2f}")
        req, made, refused, secs = book_all(jf, experts, 2, 1)
        print(
            f"\nbiweekly series, 1 thread: {req} requests, {made} meetings in {secs:.1f} s = "
            f"{made / secs:.0f} meetings/s, {req / secs:.1f} requests/s, {refused} refused"
        )
        req, made, refused, secs = book_all(jf, experts * 3, 0, 1)
        print(
            f"single bookings, 1 thread: {req} bookings in {secs:.1f} s = {req / secs:.0f} bookings/s, "
            f"{refused} refused"
        )
        full = time_slots(jf, experts)
        print(
            f"\n{'slot computation, calendars booked':40} {statistics.median(full):8.2f} {pct(full, 0.95):8.2f}"
        )

        jf2, experts2 = setup(base.replace("/postgres?", "/bench_par?"), args.buddies, args.experts)
        req, made, refused, secs = book_all(jf2, experts2 * 3, 0, args.threads)
        print(
            f"single bookings, {args.threads} threads: {req} bookings in {secs:.1f} s = "
            f"{req / secs:.0f} bookings/s, {refused} refused as taken (lost races, nothing doubled)"
        )
        with UnitOfWork(jf2._sessions) as uow:
            overlaps = uow.session.execute(
                __import__("sqlalchemy").text(
                    "SELECT count(*) FROM meetings a JOIN meetings b ON a.id < b.id "
                    "AND (a.buddy_id = b.buddy_id OR a.expert_id = b.expert_id) "
                    "AND a.state IN ('requested','confirmed') AND b.state IN ('requested','confirmed') "
                    "AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at"
                )
            ).scalar()
        print(f"overlapping active meetings after the parallel run: {overlaps}")
        server.cleanup()


if __name__ == "__main__":
    main()
