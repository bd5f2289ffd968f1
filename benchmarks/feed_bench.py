"""The private calendar feed: response time for a buddy with 100 Jour Fixes.

    python benchmarks/feed_bench.py [--meetings 100] [--rounds 30] [--postgres]

A buddy with four experts: (a) four weekly series of 25 meetings (one moved, one
cancelled per series), (b) 100 single meetings. Measured over HTTP against the
server `imbot run` starts (GET /calendar/<secret>.ics: the secret's lookup, the
meetings' query, the calendar, aiohttp), p50/p95 per request, and the feed's size.

Baseline, same run, same database: what main did for calendars, one file per
meeting (`jour_fixe_file` of main, copied below verbatim): the 100 meetings read
from the database and 100 separate files built (without any HTTP) – what a person
had to import one by one to have the same meetings in their calendar.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import aiohttp  # noqa: E402
from icalendar import Calendar, Event  # noqa: E402
from sqlalchemy import or_, select  # noqa: E402
from sqlalchemy.orm import selectinload  # noqa: E402

from bot.app.health import HealthServer  # noqa: E402
from bot.booking.rules import Rules  # noqa: E402
from bot.booking.service import JourFixe  # noqa: E402
from bot.booking.timeparse import Window  # noqa: E402
from bot.people import People  # noqa: E402
from storage.db import make_engine, upgrade  # noqa: E402
from storage.models import Edition, Meeting  # noqa: E402
from storage.repo import UnitOfWork, session_factory  # noqa: E402

NOW = datetime(2026, 1, 5, 7, 0, tzinfo=UTC)  # Monday 08:00 in Berlin
BERLIN = ZoneInfo("Europe/Berlin")


# -- main's calendar files (bot/booking/ics.py at d682a22), the baseline ---------------
@dataclass(frozen=True)
class _MainEvent:
    uid: str
    sequence: int
    start: datetime
    end: datetime
    summary: str
    description: str


def _main_calendar_ics(events, *, cancelled, now, tz) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//Lokalprojekte//imbot//DE")
    cal.add("version", "2.0")
    cal.add("method", "CANCEL" if cancelled else "REQUEST")
    for e in events:
        event = Event()
        event.add("uid", f"{e.uid}@imbot.lokalprojekte")
        event.add("sequence", e.sequence)
        event.add("dtstamp", now.astimezone(UTC))
        event.add("dtstart", e.start.astimezone(tz))
        event.add("dtend", e.end.astimezone(tz))
        event.add("summary", e.summary)
        event.add("description", e.description)
        event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()


def main_jour_fixe_file(meetings, *, cancelled, now, tz):
    events = [
        _MainEvent(
            m.uid,
            m.sequence,
            m.starts_at,
            m.ends_at,
            f"Jour Fixe {m.expert.name or ''} / {m.buddy.name or ''}",
            "Integrationsmacher:innen – Jour Fixe (Lokalprojekte)",
        )
        for m in meetings
    ]
    first = meetings[0]
    name = f"jourfixe-{first.starts_at.astimezone(tz):%Y-%m-%d}-{first.uid[:6]}.ics"
    return name, "text/calendar", _main_calendar_ics(events, cancelled=cancelled, now=now, tz=tz)


# -- the world ------------------------------------------------------------------------
def setup(url: str, n: int, series: bool):
    engine = make_engine(url)
    upgrade(engine)
    sessions = session_factory(engine)
    now = [NOW]
    people = People(sessions, lambda: now[0])
    jf = JourFixe(sessions, lambda: now[0], Rules(horizon_days=400, notice_hours=1))
    with UnitOfWork(sessions) as uow:
        uow.session.add(
            Edition(
                slug="bench",
                name="Bench",
                starts_on=date(2026, 1, 1),
                ends_on=date(2026, 1, 5) + timedelta(weeks=n // 4),
                active=True,
            )
        )
        uow.commit()
    buddy = people.invite("buddy", "Bernd Buddy").person_id
    jf.set_windows(buddy, [Window(clock(8), clock(18), weekday=d) for d in range(5)])
    experts = []
    for e in range(4):
        expert = people.invite("expert", f"Expertin {e}").person_id
        people.pair(f"#{expert}", f"#{buddy}")
        experts.append(expert)
    jf.set_place(buddy, "https://meet.example.org/jourfixe-bernd")
    if series:
        for e, expert in enumerate(experts):
            start = datetime(2026, 1, 6 + e, 10, tzinfo=BERLIN)
            made = jf.request(expert, start, interval_weeks=1)
            jf.decide(buddy, made[0].id, accept=True)
            jf.move(buddy, made[3].id, made[3].starts_at + timedelta(hours=2))
            jf.cancel(expert, made[5].id)
    else:
        for i in range(n):
            expert = experts[i % 4]
            [slot] = jf.slots(expert, limit=1)
            [m] = jf.request(expert, slot)
            jf.decide(buddy, m.id, accept=True)
    secret = jf.new_feed_secret(buddy)
    return engine, sessions, jf, buddy, secret


def baseline(sessions, buddy: int) -> tuple[float, int, int]:
    """Main's way: the meetings from the database, one file each. (s, files, bytes)"""
    t0 = time.perf_counter()
    with sessions() as s:
        stmt = (
            select(Meeting)
            .where(
                or_(Meeting.expert_id == buddy, Meeting.buddy_id == buddy),
                Meeting.state == "confirmed",
            )
            .options(selectinload(Meeting.expert), selectinload(Meeting.buddy))
        )
        files = [
            main_jour_fixe_file([m], cancelled=False, now=NOW, tz=BERLIN) for m in s.scalars(stmt)
        ]
    return time.perf_counter() - t0, len(files), sum(len(f[2]) for f in files)


def measure_feed(jf, secret: str, rounds: int) -> tuple[list[float], int]:
    async def go():
        server = HealthServer(lambda: {}, "127.0.0.1", 0, feed=jf.feed)
        await server.start()
        times, size = [], 0
        try:
            async with aiohttp.ClientSession() as http:
                url = f"http://127.0.0.1:{server.port}/calendar/{secret}.ics"
                for _ in range(rounds + 2):
                    t0 = time.perf_counter()
                    async with http.get(url) as resp:
                        body = await resp.read()
                        assert resp.status == 200, resp.status
                    times.append(time.perf_counter() - t0)
                    size = len(body)
        finally:
            await server.stop()
        return times[2:], size  # the first two warm up connections and caches

    return asyncio.run(go())


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * q))]


def run(urls, label: str, n: int, rounds: int) -> None:
    for series, url in zip((True, False), urls, strict=True):
        engine, sessions, jf, buddy, secret = setup(url, n, series)
        with sessions() as s:
            count = len(list(s.scalars(select(Meeting.id).where(Meeting.buddy_id == buddy))))
        feed_times, size = measure_feed(jf, secret, rounds)
        base = [baseline(sessions, buddy) for _ in range(max(3, rounds // 5))]
        base_s = statistics.median(b[0] for b in base)
        kind = "4 weekly series" if series else f"{n} single meetings"
        print(f"[{label}] {kind} ({count} meeting rows, buddy's feed):")
        print(
            f"  feed over HTTP: p50 {pct(feed_times, 0.5) * 1000:.1f} ms, "
            f"p95 {pct(feed_times, 0.95) * 1000:.1f} ms, {size / 1024:.1f} KiB"
        )
        print(
            f"  baseline (main: one file per meeting, no HTTP): {base[0][1]} files in "
            f"{base_s * 1000:.1f} ms, {base[0][2] / 1024:.1f} KiB together"
        )
        print(f"  feed / baseline time: {pct(feed_times, 0.5) / base_s:.2f}x")
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--postgres", action="store_true", help="also on PostgreSQL (pgserver)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sqlite = [f"sqlite:///{tmp}/feed{i}.db" for i in range(2)]
        run(sqlite, "SQLite", args.meetings, args.rounds)
        if args.postgres:
            import pgserver

            server = pgserver.get_server(Path(tmp) / "pg", cleanup_mode="stop")
            uri = server.get_uri().replace("postgresql://", "postgresql+psycopg://", 1)
            for i in range(2):
                server.psql(f"CREATE DATABASE feed{i};")
            pg = [uri.replace("/postgres?", f"/feed{i}?", 1) for i in range(2)]
            run(pg, "PostgreSQL", args.meetings, args.rounds)
            server.cleanup()


if __name__ == "__main__":
    main()
