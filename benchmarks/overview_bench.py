"""The team's overview of all Jour Fixes (`imbot admin meetings`, /treffen) for 200
pairs on a real PostgreSQL (pgserver), and on SQLite, against the naive way of
getting the same facts in the same run: the people list (`People.people()`), then
per pair its meetings with the ORM and the same rules in Python.

    python benchmarks/overview_bench.py [--buddies 40] [--experts 5] [--weeks 26] [--rounds 20]

Every pair gets a program term of weekly Jour Fixes (half of them held) and a mix of
open, expired, declined and cancelled requests; every tenth pair never booked, every
tenth stopped eight weeks ago, and some experts have no buddy. The script checks that
both ways find the same facts, then prints the median and p95 time per overview.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pgserver  # noqa: E402
from sqlalchemy import event, insert, select  # noqa: E402

from bot.booking.overview import NEVER, QUIET, PairState  # noqa: E402
from bot.booking.rules import Rules  # noqa: E402
from bot.booking.service import JourFixe  # noqa: E402
from bot.people import People  # noqa: E402
from storage.db import make_engine, upgrade  # noqa: E402
from storage.models import Meeting, Pair, Series  # noqa: E402
from storage.repo import session_factory  # noqa: E402

NOW = datetime(2026, 4, 13, 7, 0, tzinfo=UTC)  # Monday 13 April 2026, 09:00 in Berlin
RULES = Rules()


def seed(url: str, buddies: int, experts: int, weeks: int):
    engine = make_engine(url)
    upgrade(engine)
    sessions = session_factory(engine)
    start = NOW - timedelta(weeks=weeks // 2)
    people = People(sessions, lambda: start)
    jf = JourFixe(sessions, lambda: NOW, RULES)
    pairs = []
    for b in range(buddies):
        buddy = people.invite("buddy", f"Buddy {b}").person_id
        for e in range(experts):
            expert = people.invite("expert", f"Expert {b}-{e}").person_id
            people.pair(f"#{expert}", f"#{buddy}")
            pairs.append((expert, buddy))
    for u in range(max(1, len(pairs) // 40)):
        people.invite("expert", f"Unpaired {u}")
    rows = []

    def meeting(i, expert, buddy, at, state, series=None, requested=None):
        rows.append(
            {
                "uid": uuid.uuid4().hex,
                "expert_id": expert,
                "buddy_id": buddy,
                "series_id": series,
                "starts_at": at,
                "ends_at": at + timedelta(minutes=45),
                "state": state,
                "sequence": 0,
                "requested_at": requested or start,
                "version": 1,
            }
        )

    with sessions() as s:
        for i, (expert, buddy) in enumerate(pairs):
            if i % 10 == 0:
                continue  # never booked
            series = s.execute(
                insert(Series).values(
                    expert_id=expert, buddy_id=buddy, interval_weeks=1, created_at=start
                )
            ).inserted_primary_key[0]
            first = start + timedelta(days=1, hours=i % 8)
            last_week = weeks // 2 - 8 if i % 10 == 1 else weeks  # stopped 8 weeks ago
            for w in range(last_week):
                meeting(i, expert, buddy, first + timedelta(weeks=w), "confirmed", series)
            later = NOW + timedelta(days=2, hours=i % 8, minutes=30)
            if i % 3 == 0:
                meeting(i, expert, buddy, later, "requested", requested=NOW - timedelta(hours=5))
            if i % 5 == 0:
                meeting(i, expert, buddy, later, "expired", requested=NOW - timedelta(days=9))
            if i % 7 == 0:
                meeting(i, expert, buddy, later, "declined", requested=NOW - timedelta(days=3))
            if i % 4 == 0:
                meeting(i, expert, buddy, later - timedelta(days=7), "cancelled")
        for k in range(0, len(rows), 1000):
            s.execute(insert(Meeting), rows[k : k + 1000])
        s.commit()
    return engine, sessions, people, jf, len(pairs), len(rows)


def naive(sessions, people: People, now: datetime, weeks: int) -> tuple[list, list]:
    """The same facts the way one would write them per pair with the existing parts."""
    listed = people.people()  # names, roles and partners (one query per person inside)
    unpaired = sorted(
        r.name for r in listed if r.role == "expert" and r.status != "revoked" and not r.partners
    )
    cutoff = now - timedelta(hours=RULES.request_ttl_hours)
    window = timedelta(weeks=weeks)
    out = []
    with sessions() as s:
        for pair in s.scalars(select(Pair)):
            meetings = s.scalars(
                select(Meeting).where(
                    Meeting.expert_id == pair.expert_id, Meeting.buddy_id == pair.buddy_id
                )
            ).all()
            held = [m for m in meetings if m.state == "confirmed" and m.ends_at <= now]
            ahead = [m for m in meetings if m.state == "confirmed" and m.ends_at > now]
            key = lambda m: m.series_id or -m.id  # noqa: E731
            waiting = {
                key(m)
                for m in meetings
                if m.state == "requested" and m.requested_at > cutoff and m.ends_at > now
            }
            lapsed = {
                key(m)
                for m in meetings
                if m.state == "expired"
                or (m.state == "requested" and (m.requested_at <= cutoff or m.ends_at <= now))
            }
            declined = {key(m) for m in meetings if m.state == "declined"}
            last = max((m.starts_at for m in held), default=None)
            nxt = min((m.starts_at for m in ahead), default=None)
            flag = None
            if (last is None or last < now - window) and (nxt is None or nxt > now + window):
                flag = NEVER if last is None and nxt is None else QUIET
            out.append(
                (pair.expert.name, pair.buddy.name, last, nxt, len(held), len(waiting),
                 len(lapsed), len(declined), sum(m.state == "cancelled" for m in meetings), flag)
            )  # fmt: skip
    return sorted(out, key=lambda r: r[0]), unpaired


def facts(p: PairState) -> tuple:
    return (p.expert, p.buddy, p.last, p.next, p.held, p.open, p.expired, p.declined,
            p.cancelled, p.flag)  # fmt: skip


def timed(fn, rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return times


def count_statements(engine, fn) -> int:
    seen = []

    def listen(*args):
        seen.append(1)

    event.listen(engine, "before_cursor_execute", listen)
    try:
        fn()
    finally:
        event.remove(engine, "before_cursor_execute", listen)
    return len(seen)


def measure(label: str, url: str, args) -> None:
    engine, sessions, people, jf, n_pairs, n_meetings = seed(
        url, args.buddies, args.experts, args.weeks
    )
    ov = jf.overview(4, now=NOW)
    mine = sorted((facts(p) for p in ov.pairs), key=lambda r: r[0])
    theirs, unpaired = naive(sessions, people, NOW, 4)
    same = mine == theirs and unpaired == sorted(u.name for u in ov.unpaired)
    fast = timed(lambda: jf.overview(4, now=NOW), args.rounds)
    slow = timed(lambda: naive(sessions, people, NOW, 4), args.rounds)
    q_fast = count_statements(engine, lambda: jf.overview(4, now=NOW))
    q_slow = count_statements(engine, lambda: naive(sessions, people, NOW, 4))
    print(
        f"\n{label}: {n_pairs} pairs, {n_meetings} meetings, {len(ov.unpaired)} experts "
        f"without a buddy, {len(ov.flagged)} pairs flagged; same facts both ways: {same}"
    )
    for name, times, queries in (
        ("overview (one aggregate query)", fast, q_fast),
        ("baseline: per pair with the ORM", slow, q_slow),
    ):
        p95 = sorted(times)[min(len(times) - 1, int(len(times) * 0.95))]
        print(
            f"  {name:34} median {statistics.median(times):8.1f} ms   p95 {p95:8.1f} ms   "
            f"{queries:5d} statements"
        )
    print(f"  speed-up (median): {statistics.median(slow) / statistics.median(fast):.1f}x")
    engine.dispose()
    if not same:
        raise SystemExit("the two ways disagree: the overview is wrong")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--buddies", type=int, default=40)
    parser.add_argument("--experts", type=int, default=5, help="experts per buddy")
    parser.add_argument("--weeks", type=int, default=26, help="weeks of weekly Jour Fixes")
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        server = pgserver.get_server(Path(tmp) / "pg", cleanup_mode="stop")
        server.psql("CREATE DATABASE overview_bench")
        uri = server.get_uri().replace("postgresql://", "postgresql+psycopg://", 1)
        measure("PostgreSQL 16 (pgserver)", uri.replace("/postgres?", "/overview_bench?", 1), args)
        measure("SQLite", f"sqlite:///{Path(tmp) / 'bench.db'}", args)
        server.cleanup()


if __name__ == "__main__":
    main()
