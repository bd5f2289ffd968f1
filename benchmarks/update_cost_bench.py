"""What one update costs in our own code: CPU and SQL per kind of message, without
Telegram, on SQLite and on PostgreSQL (pgserver).

    python benchmarks/update_cost_bench.py [--baseline-repo /tmp/base-20d] \\
        [--updates 40] [--rounds 3] [--db sqlite postgresql] [--profile book]

The chat core is driven in-process as `imbot run` drives it for each update: the
router's `handle` (who writes, the handler, its replies) and `enqueue_notices` (the
messages for other chats into the outbox). No adapter, no Bot API: what is left is
what our code and the database driver cost. Kinds of update:

  faq        an applicant asks one of six questions (the load benchmark's; after the
             first asking, the matcher's outcome is remembered)
  faq_new    an applicant asks a wording not asked before (the matcher ranks it)
  jourfixe   an expert sends /jourfixe (the free slots)
  book       an expert presses "once" under a free slot (a request, the buddy's notice)
  taken      a second expert of the same buddy presses the same slot (refused, with
             other slots)
  confirm    the buddy presses "confirm" on a request (calendar files for both)
  termine    an expert sends /termine

Printed per database and kind, for today's code and (with --baseline-repo, a checkout
of an older commit, run with this interpreter through PYTHONPATH, interleaved round by
round in the same run) the baseline: CPU ms per update (`time.process_time`; the
median update of a round, then the median and the lowest of the rounds: on a busy
machine other processes only ever add to it), SQL statements, transactions (BEGIN on
a connection that is not in autocommit) and pooled connections checked out, per
update. Statement counts do not depend on the machine; CPU does (compare the columns
of one run only).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("faq", "faq_new", "jourfixe", "book", "taken", "confirm", "termine")
QUESTIONS = [  # as in load_bench.py
    ("Bis wann kann man sich bewerben?", "de"),
    ("Wer kann sich bewerben?", "de"),
    ("Wie viel Geld gibt es für die Kommune?", "de"),
    ("When is the application deadline?", "en"),
    ("Who can apply?", "en"),
    ("Wie viele Einwohner hat Pforzheim?", "de"),  # not in the call: the "no answer" path
]
NEW_WORDINGS = [  # each asked once per update with another town or number in it
    "Kann sich die Stadt {n} mit einer Nachbargemeinde zusammen bewerben?",
    "Does the town of {n} have to pay part of the costs itself?",
    "Muss die Gemeinde {n} eine Fachkraft fest anstellen?",
    "How long does the program last for {n}?",
]
NOW = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)  # a Monday morning; the clock stands still
EXPERTS_PER_BUDDY = 10


# -- the worker: runs with the code under test on sys.path ----------------------------
def worker(url: str, updates: int, profile: str | None, show_sql: str | None = None) -> dict:
    from datetime import time as clock_time

    from sqlalchemy import event
    from threadpoolctl import threadpool_limits

    import bot
    from bot.app.config import Settings
    from bot.app.wiring import build_router, enqueue_notices, open_database
    from bot.booking.buttons import data as jf_data
    from bot.booking.timeparse import Window
    from bot.messages import Inbound

    data_dir = Path(tempfile.mkdtemp(prefix="imbot-cost-"))
    settings = Settings(database_url=url, data_dir=data_dir)
    sessions = open_database(settings)
    router = build_router(settings, clock=lambda: NOW, sessions=sessions)
    threadpool_limits(1, user_api="blas")  # as `imbot run`
    router.services.faq.matcher  # noqa: B018 - built and warmed before the first message
    people, booking = router.services.people, router.services.booking

    # people: buddies free on Tuesdays and Thursdays, ten experts each, all on Telegram;
    # experts 2k and 2k+1 of a buddy press the same slot (the k-th free one)
    windows = [Window(clock_time(9), clock_time(17), weekday=d) for d in (1, 3)]
    pairs = (updates + 1) * 2  # one warm-up pair, then `updates` bookings and refusals
    presses, buddies = [], {}
    for start in range(0, pairs, EXPERTS_PER_BUDDY):
        info = people.invite("buddy", f"Buddy {start}")
        buddy_user = f"b{start}"
        people.redeem(info.code, "telegram", buddy_user, buddy_user)
        booking.set_windows(info.person_id, windows)
        slots = []
        for j in range(min(EXPERTS_PER_BUDDY, pairs - start)):
            user = f"e{start + j}"
            expert = people.invite("expert", f"Expertin {start + j}")
            people.redeem(expert.code, "telegram", user, user)
            people.pair(f"#{expert.person_id}", f"#{info.person_id}")
            slots = slots or booking.slots(expert.person_id, limit=8)
            presses.append((user, jf_data("book", int(slots[j // 2].timestamp()), 0)))
            buddies[user] = buddy_user

    statements = transactions = checkouts = 0

    showing = False

    def on_statement(conn, cursor, statement, *_args) -> None:
        nonlocal statements
        statements += 1
        if showing:
            print(f"  SQL {' '.join(statement.split())[:160]}", file=sys.stderr)

    def on_begin(conn) -> None:
        nonlocal transactions
        if conn.get_execution_options().get("isolation_level") != "AUTOCOMMIT":
            transactions += 1
            if showing:
                print("  BEGIN", file=sys.stderr)

    def on_checkout(*_args) -> None:
        nonlocal checkouts
        checkouts += 1

    engine = sessions.kw["bind"]
    event.listen(engine, "before_cursor_execute", on_statement)
    event.listen(engine, "begin", on_begin)
    event.listen(engine.pool, "checkout", on_checkout)

    def send(user: str, text: str = "", data: str | None = None) -> list:
        replies = router.handle(Inbound("telegram", user, user, text=text, data=data))
        enqueue_notices(sessions, replies, NOW)
        return replies

    booked: list[str] = []  # the buddy's "confirm" buttons, from the notices

    def update(kind: str, i: int) -> None:
        if kind == "faq":
            text, _lang = QUESTIONS[i % len(QUESTIONS)]
            send(f"a{i}", text)
        elif kind == "faq_new":
            send(f"n{i}", NEW_WORDINGS[i % len(NEW_WORDINGS)].format(n=f"Ort {i}"))
        elif kind == "jourfixe":
            send(presses[2 * i + 2][0], "/jourfixe")
        elif kind in ("book", "taken"):
            user, data = presses[2 * i + 2 + (kind == "taken")]
            replies = send(user, data=data)
            if kind == "book":
                for r in replies:
                    confirm = [b.data for b in r.buttons if b.data.startswith("jf:yes:")]
                    if r.to is not None and confirm:
                        booked.append((buddies[user], confirm[0]))
        elif kind == "confirm":
            buddy, data = booked[i]
            send(buddy, data=data)
        elif kind == "termine":
            send(presses[2 * i + 2][0], "/termine")

    def one(kind: str, i: int) -> tuple[float, int, int, int]:
        nonlocal statements, transactions, checkouts
        statements = transactions = checkouts = 0
        cpu = time.process_time()
        update(kind, i)
        return time.process_time() - cpu, statements, transactions, checkouts

    # warm-up: every kind once (compiled SQL, first formatting), on the first pair
    send("a-warm", QUESTIONS[0][0])
    send("n-warm", NEW_WORDINGS[0].format(n="Warmstadt"))
    send(presses[0][0], "/jourfixe")
    send(presses[0][0], data=presses[0][1])
    send(presses[1][0], data=presses[1][1])
    send(presses[0][0], "/termine")
    out: dict = {"code": str(Path(bot.__file__).resolve().parents[1])}
    for kind in KINDS:
        if profile == kind:
            import cProfile
            import pstats

            prof = cProfile.Profile()
            prof.enable()
        showing = show_sql == kind
        if showing:
            print(f"-- one {kind} update:", file=sys.stderr)
        rows = [one(kind, 0)]
        showing = False
        rows += [one(kind, i) for i in range(1, updates)]
        if profile == kind:
            prof.disable()
            stats = pstats.Stats(prof, stream=sys.stderr)
            stats.sort_stats("cumulative").print_stats(45)
            stats.sort_stats("tottime").print_stats(30)
        out[kind] = {
            "cpu_ms": 1000 * statistics.median(r[0] for r in rows),
            "statements": statistics.fmean(r[1] for r in rows),
            "transactions": statistics.fmean(r[2] for r in rows),
            "connections": statistics.fmean(r[3] for r in rows),
        }
    sessions.kw["bind"].dispose()
    return out


# -- the driver: databases, rounds, the table ----------------------------------------
def run_worker(
    repo: Path, url: str, updates: int, profile: str | None, show_sql: str | None = None
) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "IMBOT_"))}
    env.update(PYTHONPATH=str(repo), OPENBLAS_NUM_THREADS="1")
    args = [sys.executable, __file__, "--worker", url, "--updates", str(updates)]
    if profile:
        args += ["--profile", profile]
    if show_sql:
        args += ["--sql", show_sql]
    done = subprocess.run(args, env=env, cwd=repo, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"the worker failed with {repo}:\n{done.stderr[-4000:]}")
    if profile or show_sql:
        print(done.stderr, file=sys.stderr)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if Path(result["code"]) != repo.resolve():
        sys.exit(f"the worker ran the code at {result['code']}, not {repo}")
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--baseline-repo", type=Path, help="a checkout of the baseline commit")
    ap.add_argument("--updates", type=int, default=40, help="updates of each kind per round")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--db", nargs="+", default=["sqlite", "postgresql"])
    ap.add_argument(
        "--profile", choices=KINDS, help="cProfile this kind (today's code, last round)"
    )
    ap.add_argument("--sql", choices=KINDS, help="print the SQL of one update of this kind")
    ap.add_argument("--worker", metavar="URL", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.updates, args.profile, args.sql)))
        return

    runs = [("today", ROOT)]
    if args.baseline_repo:
        runs.insert(0, ("baseline", args.baseline_repo))
    tmp = Path(tempfile.mkdtemp(prefix="imbot-cost-bench-"))
    server = None
    if "postgresql" in args.db:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from runs import new_database, start_pg

        server = start_pg(tmp)
    results: dict = {}
    load = os.getloadavg()[0]
    try:
        for rnd in range(args.rounds):
            for db in args.db:
                order = runs if rnd % 2 == 0 else runs[::-1]
                for name, repo in order:
                    label = f"r{rnd}_{name}_{db}".replace("-", "_")
                    if db == "sqlite":
                        url = f"sqlite:///{tmp / label}.db"
                    else:
                        url = new_database(server, label)
                    profile = args.profile if name == "today" and rnd == args.rounds - 1 else None
                    sql = args.sql if name == "today" and rnd == args.rounds - 1 else None
                    got = run_worker(repo, url, args.updates, profile, sql)
                    results.setdefault((db, name), []).append(got)
                    print(f"round {rnd + 1} {db} {name}: done", file=sys.stderr)
    finally:
        if server is not None:
            server.cleanup()
    print(
        f"\nCPU ms, SQL statements, transactions and connections per update "
        f"({args.updates} updates of each kind, {args.rounds} rounds; "
        f"load average {load:.1f} -> {os.getloadavg()[0]:.1f})\n"
    )
    print("| db | kind | run | cpu ms | lowest | statements | transactions | connections |")
    print("|---|---|---|---|---|---|---|---|")
    for db in args.db:
        for kind in KINDS:
            for name, _repo in runs:
                rows = [r[kind] for r in results[(db, name)]]
                cpu = statistics.median(r["cpu_ms"] for r in rows)
                low = min(r["cpu_ms"] for r in rows)
                last = rows[-1]
                print(
                    f"| {db} | {kind} | {name} | {cpu:.2f} | {low:.2f} | {last['statements']:.1f} "
                    f"| {last['transactions']:.1f} | {last['connections']:.1f} |"
                )


if __name__ == "__main__":
    main()
