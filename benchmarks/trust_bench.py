"""Costs of the trust work (issue 13), on SQLite and on a real PostgreSQL (pgserver).

    python benchmarks/trust_bench.py [--rows 20000]

1. announce: N recipients queued in chunks of 1,000 rows in one transaction, against
   the old single INSERT at the largest size each database still accepts (SQLite caps
   a statement at 32,766 parameters, PostgreSQL at 65,535; 16 columns a row).
2. erasure: one person (24 reminders, an ICS file each) erased with N other rows in
   the outbox, each with a calendar file that must be checked for the name, against
   the same erasure in an outbox that holds only the person's rows.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pgserver  # noqa: E402
from sqlalchemy import delete  # noqa: E402

from bot.people import People  # noqa: E402
from storage import outbox  # noqa: E402
from storage.db import dialect_insert, make_engine, upgrade  # noqa: E402
from storage.models import OutboxRow  # noqa: E402
from storage.repo import session_factory  # noqa: E402

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
ICS = b"BEGIN:VCALENDAR\r\nSUMMARY:Jour Fixe Someone Else / Bernd Buddy\r\n" + b"X" * 1500


def drafts(n: int, prefix: str, chat: str | None = None, file: bool = False) -> list:
    return [
        outbox.Draft(
            "notice",
            f"{prefix}:{i}",
            "telegram",
            chat or str(i),
            "Hallo",
            NOW + timedelta(minutes=i),
            file=("jf.ics", "text/calendar", ICS) if file else None,
        )
        for i in range(n)
    ]


def one_statement(session, rows: list) -> None:
    """The old enqueue: all rows in one INSERT."""
    values = [
        {
            "kind": d.kind, "dedupe_key": d.dedupe_key, "ref": None, "platform": d.platform,
            "chat_id": d.chat_id, "text": d.text, "buttons": None, "file_name": None,
            "file_mime": None, "file_data": None, "due_at": d.due_at, "event_at": None,
            "state": "pending", "attempts": 0, "created_at": NOW,
        }
        for d in rows
    ]  # fmt: skip
    session.execute(dialect_insert(session, OutboxRow).values(values))


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def bench_announce(sessions, n: int, old_max: int) -> None:
    def chunked():
        with sessions() as s:
            outbox.enqueue(s, drafts(n, "new"), NOW)
            s.commit()

    def old():
        with sessions() as s:
            one_statement(s, drafts(old_max, "old"))
            s.commit()

    new_s, old_s = timed(chunked), timed(old)
    print(f"  announce, chunked:        {n:>6} rows in {new_s:6.2f} s = {n / new_s:8.0f} rows/s")
    print(
        f"  baseline, one statement:  {old_max:>6} rows in {old_s:6.2f} s = "
        f"{old_max / old_s:8.0f} rows/s (its maximum; {n} fail)"
    )
    with sessions() as s:
        s.execute(delete(OutboxRow))
        s.commit()


def bench_erase(sessions, n: int) -> None:
    results = []
    for others in (0, n):
        with sessions() as s:
            s.execute(delete(OutboxRow))
            s.commit()
        people = People(sessions, lambda: NOW)
        info = people.invite("expert", "Erika Muster")
        people.redeem(info.code, "telegram", f"erika-{others}", f"erika-{others}")
        with sessions() as s:
            outbox.enqueue(s, drafts(24, f"mine{others}", chat=f"erika-{others}", file=True), NOW)
            outbox.enqueue(s, drafts(others, f"other{others}", file=True), NOW)
            s.commit()
        results.append(timed(lambda p=people, i=info: p.erase(i.person_id)))
    base, full = results
    print(f"  erase, outbox with {n} other rows with files: {full * 1000:8.1f} ms")
    print(f"  baseline, outbox with only the person's rows:  {base * 1000:8.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        server = pgserver.get_server(Path(tmp) / "pg", cleanup_mode="stop")
        try:
            pg_url = server.get_uri().replace("postgresql://", "postgresql+psycopg://", 1)
            for name, url, old_max in (
                ("SQLite", f"sqlite:///{tmp}/bench.db", 32_766 // 16),
                ("PostgreSQL", pg_url, 65_535 // 16),
            ):
                engine = make_engine(url)
                upgrade(engine)
                sessions = session_factory(engine)
                print(f"{name}:")
                bench_announce(sessions, args.rows, old_max)
                bench_erase(sessions, args.rows)
                engine.dispose()
        finally:
            server.cleanup()


if __name__ == "__main__":
    main()
