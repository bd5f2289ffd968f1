"""The outbox's per-chat queries, with and without the chat index (migration 0022),
on PostgreSQL (pgserver) and SQLite; the baseline checkout in the same run.

    python benchmarks/outbox_chat_bench.py [--baseline 207d4bb] [--pending 20000]
        [--sent 50000] [--chats 2000] [--calls 300]

An outbox as a busy season leaves it: `--pending` future reminders spread over
`--chats` chats, `--sent` delivered rows still kept (30 days). Then, for one chat at a
time, what the adapters and the dispatcher ask per message: `owed_until` (the first
reply to a chat after a start, every reply to a chat a send failed to),
`waiting_until` (every notice queued), `push_back` (a row waiting for a retry) and
`cancel` of a chat's pending rows (a blocked chat, an erasure). Median and p95 in ms
per call on one connection, each in a savepoint rolled back after it; and
PostgreSQL's plan.

Both trees run the same code of this file in a subprocess, with their own `storage`
package and migrations (the baseline: `git archive` of the revision).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


# -- in the subprocess: one tree, one database ------------------------------------------
def measure(root: str, url: str, pending: int, sent: int, chats: int, calls: int) -> dict:
    sys.path.insert(0, root)
    from sqlalchemy import text, update

    from storage import outbox
    from storage.db import make_engine, upgrade
    from storage.models import OutboxRow
    from storage.repo import session_factory

    engine = make_engine(url)
    upgrade(engine)
    sessions = session_factory(engine)
    rng = random.Random(7)
    drafts = [
        outbox.Draft(
            "timeline",
            f"p{i}",
            "telegram",
            f"chat{i % chats}",
            f"Erinnerung {i}",
            NOW + timedelta(minutes=rng.randrange(1, 60 * 24 * 90)),
        )
        for i in range(pending)
    ] + [
        outbox.Draft(
            "notice",
            f"s{i}",
            "telegram",
            f"chat{i % chats}",
            f"Gesendet {i}",
            NOW - timedelta(minutes=rng.randrange(1, 60 * 24 * 30)),
        )
        for i in range(sent)
    ]
    with sessions() as s:
        outbox.enqueue(s, drafts, NOW)
        s.execute(update(OutboxRow).where(OutboxRow.kind == "notice").values(state=outbox.SENT))
        s.commit()
        s.execute(text("ANALYZE"))
        s.commit()

    def timed(call) -> list[float]:
        """ms per call on one connection, each call in a savepoint rolled back after it
        (the pool's checkout and pre-ping are not timed: the same in both trees)."""
        times = []
        with sessions() as s:
            s.execute(text("SELECT 1"))
            for _ in range(calls):
                chat = f"chat{rng.randrange(chats)}"
                savepoint = s.begin_nested()
                t0 = time.perf_counter()
                call(s, chat)
                times.append((time.perf_counter() - t0) * 1000)
                savepoint.rollback()
            s.rollback()
        times.sort()
        return [statistics.median(times), times[int(len(times) * 0.95)]]

    results = {
        "owed_until": timed(lambda s, c: outbox.owed_until(s, "telegram", c, NOW)),
        "waiting_until": timed(lambda s, c: outbox.waiting_until(s, "telegram", c)),
        "push_back": timed(
            lambda s, c: outbox.push_back(s, "telegram", c, NOW + timedelta(days=2), "w1", failed=0)
        ),
        "cancel": timed(lambda s, c: outbox.cancel(s, platform="telegram", chat_id=c)),
    }
    # the server's side, independent of the machine's load: rows read and thrown away,
    # buffers touched, execution time (PostgreSQL); the plan (both)
    server: dict = {}
    with engine.connect() as conn:
        for name, sql in SERVER_QUERIES.items():
            params = {"now": NOW}
            if engine.dialect.name == "postgresql":
                runs = []
                for _ in range(30):
                    params["chat"] = f"chat{rng.randrange(chats)}"
                    doc = conn.execute(
                        text("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql), params
                    ).scalar()
                    top = doc[0]
                    runs.append((top["Execution Time"], _sum(top["Plan"], "Rows Removed by Filter"),
                                 _sum(top["Plan"], "Shared Hit Blocks"), _scans(top["Plan"])))  # fmt: skip
                runs.sort()
                ms, removed, blocks, scans = runs[len(runs) // 2]
                server[name] = {"ms": ms, "removed": removed, "blocks": blocks, "plan": scans}
            else:
                params["chat"] = "chat7"
                plan = conn.execute(text("EXPLAIN QUERY PLAN " + sql), params).all()
                server[name] = {"plan": " / ".join(r[-1] for r in plan)}
    engine.dispose()
    return {"results": results, "server": server}


SERVER_QUERIES = {  # what owed_until and waiting_until ask, as SQL
    "owed_until": "SELECT max(due_at) FROM outbox WHERE platform = 'telegram'"
    " AND chat_id = :chat AND state IN ('pending', 'claimed')"
    " AND (state = 'claimed' OR due_at <= :now OR last_error IS NOT NULL)",
    "waiting_until": "SELECT max(due_at) FROM outbox WHERE platform = 'telegram'"
    " AND chat_id = :chat AND state = 'pending' AND last_error IS NOT NULL",
}


def _sum(plan: dict, key: str) -> int:
    return plan.get(key, 0) + sum(_sum(p, key) for p in plan.get("Plans", []))


def _scans(plan: dict) -> str:
    own = plan["Node Type"] + (f" {plan['Index Name']}" if "Index Name" in plan else "")
    return " > ".join([own, *(_scans(p) for p in plan.get("Plans", []))])


# -- the parent: both trees, both databases ---------------------------------------------
def run_tree(root: Path, url: str, args) -> dict:
    out = subprocess.run(
        [
            sys.executable,
            str(Path(__file__).resolve()),
            "--measure",
            str(root),
            url,
            *("--pending", str(args.pending), "--sent", str(args.sent)),
            *("--chats", str(args.chats), "--calls", str(args.calls)),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--baseline", default="207d4bb")
    ap.add_argument("--pending", type=int, default=20_000)
    ap.add_argument("--sent", type=int, default=50_000)
    ap.add_argument("--chats", type=int, default=2_000)
    ap.add_argument("--calls", type=int, default=300)
    ap.add_argument("--measure", nargs=2, metavar=("ROOT", "URL"))
    args = ap.parse_args()
    if args.measure:
        root, url = args.measure
        result = measure(root, url, args.pending, args.sent, args.chats, args.calls)
        print(json.dumps(result))
        return

    import pgserver

    with tempfile.TemporaryDirectory() as tmp:
        base_tree = Path(tmp) / "baseline"
        base_tree.mkdir()
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", args.baseline], check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(base_tree)], input=archive, check=True)
        server = pgserver.get_server(Path(tmp) / "pg", cleanup_mode="stop")
        pg = server.get_uri().replace("postgresql://", "postgresql+psycopg://", 1)
        print(
            f"{args.pending} pending rows over {args.chats} chats, {args.sent} sent rows;"
            f" {args.calls} calls each, ms per call (median / p95)\n"
        )
        print(f"| database | query | {args.baseline} (main) | this tree |")
        print("|---|---|---|---|")
        servers = {}
        for db in ("postgresql", "sqlite"):
            runs = {}
            for name, tree in (("main", base_tree), ("this", ROOT)):
                if db == "postgresql":
                    server.psql(f"CREATE DATABASE bench_{name};")
                    url = pg.replace("/postgres?", f"/bench_{name}?")
                else:
                    url = f"sqlite:///{Path(tmp) / f'{name}.db'}"
                runs[name] = run_tree(tree, url, args)
                servers[(db, name)] = runs[name]["server"]
            for query, (m_med, m_p95) in runs["main"]["results"].items():
                t_med, t_p95 = runs["this"]["results"][query]
                print(f"| {db} | {query} | {m_med:.2f} / {m_p95:.2f} | {t_med:.2f} / {t_p95:.2f} |")
        print("\nPostgreSQL, EXPLAIN ANALYZE (median of 30 chats): execution ms, rows read")
        print("and thrown away by a filter, buffers touched; the plan\n")
        print(f"| query | {args.baseline} (main) | this tree |")
        print("|---|---|---|")
        for query in SERVER_QUERIES:
            cells = []
            for name in ("main", "this"):
                r = servers[("postgresql", name)][query]
                cells.append(
                    f"{r['ms']:.3f} ms, {r['removed']} rows filtered, {r['blocks']} buffers:"
                    f" {r['plan']}"
                )
            print(f"| {query} | {cells[0]} | {cells[1]} |")
        print("\nSQLite's plans:")
        for query in SERVER_QUERIES:
            for name in ("main", "this"):
                print(f"- {query}, {name}: {servers[('sqlite', name)][query]['plan']}")
        server.cleanup()


if __name__ == "__main__":
    main()
