"""What several `imbot run` processes on one machine would give: the load_bench burst
(one message per user at the same moment, half questions, half experts pressing a
booking button, two per slot) split over K processes on one PostgreSQL database,
against one process (K = 1) in the same run.

    python benchmarks/processes_bench.py [--users 200] [--processes 1 2 3] [--rounds 2]

A MEASUREMENT, NOT A SETUP `imbot run` OFFERS: Telegram sends a bot's updates to one
poller or one webhook address, so K processes need something in front that hands each
chat's updates to one process (by chat id) — not built. Here each process polls a fake
Bot API of its own, and user u writes to process (u // 2) % K: the two experts that
race for a slot write to different processes, so the database, not one process's order,
decides who gets it. Every process runs with TELEGRAM_MAX_RATE=1000 (the limit raised:
the bot, not Telegram's 30/s, sets the pace) and its own outbox dispatcher, as replicas do.
The fake Bot APIs run in this benchmark process, on the same two cores.

Printed per K: p50/p95/max seconds to the first reply, lost, booked/taken, double
bookings in the database, updates/s, CPU ms per update of all bot processes together,
of PostgreSQL ("pg ms") and of this process with the fake Bot APIs ("fake ms"): on two
cores, the three together set how many updates a second the machine can do. Then the
bots' summed RSS and the load average.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from load_bench import (
    FIRST_USER,
    QUESTIONS,
    _first_texts,
    cpu_seconds,
    double_bookings,
    experts_and_buddies,
    load_average,
    tally,
)
from runs import TimedBotAPI, new_database, rss_mb, start_bot, start_pg, stop_bot, wait_for

ROOT = Path(__file__).resolve().parents[1]


def postgres_cpu(data_dir: Path) -> float:
    """CPU seconds of the PostgreSQL server under `data_dir` and its backends so far."""
    total = 0.0
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if (proc / "comm").read_text().strip() != "postgres":
                continue
            cmd = (proc / "cmdline").read_bytes()
            ppid = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
            if str(data_dir).encode() not in cmd and ppid not in _servers(data_dir):
                continue
            total += cpu_seconds(int(proc.name))
        except (FileNotFoundError, ProcessLookupError, ValueError):
            continue
    return total


def _servers(data_dir: Path) -> set[int]:
    return {int(f.read_text().split()[0]) for f in data_dir.rglob("postmaster.pid")}


def burst(apis: list[TimedBotAPI], users: int, presses: dict[int, str]) -> dict:
    k = len(apis)
    pushed: dict[int, float] = {}
    for i in range(users):
        uid = FIRST_USER + i
        api = apis[(uid // 2) % k]
        pushed[uid] = time.monotonic()
        if uid in presses:
            api.user_presses(uid, presses[uid], message_id=1)
        else:
            text, lang = QUESTIONS[i % len(QUESTIONS)]
            api.user_says(uid, text, lang=lang)
    t0 = time.monotonic()

    def replies() -> dict:
        merged: dict = {}
        for api in apis:
            merged |= _first_texts(api)
        return merged

    try:
        wait_for(lambda: len(replies()) >= users, timeout=60 + users * 0.5, what="replies")
    except SystemExit as exc:
        print(f"    {exc}")
    wall = time.monotonic() - t0
    return tally(pushed, replies(), presses, users, wall)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--users", type=int, default=200)
    ap.add_argument("--processes", type=int, nargs="+", default=[1, 2, 3])
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--imbot", default=str(ROOT / ".venv/bin/imbot"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        server = start_pg(tmp)
        apis = [TimedBotAPI().start() for _ in range(max(args.processes))]
        print(
            f"N = {args.users}, TELEGRAM_MAX_RATE=1000 in every process; load average {load_average()}"
        )
        print(f"{'processes':>9} {'p50 s':>6} {'p95 s':>6} {'max s':>6} {'lost':>5} {'booked':>6} "
              f"{'taken':>5} {'double':>6} {'upd/s':>6} {'cpu ms':>6} {'pg ms':>6} {'fake ms':>7} {'RSS MB':>7} {'load':>5}")  # fmt: skip
        try:
            n = 0
            for _ in range(args.rounds):
                for k in args.processes:
                    n += 1
                    url = new_database(server, f"procs_{n}")
                    presses = experts_and_buddies(url, args.users)
                    mine = apis[:k]
                    for api in mine:
                        api.reset()
                    bots = [start_bot(Path(args.imbot), tmp, url, api, TELEGRAM_MAX_RATE="1000")
                            for api in mine]  # fmt: skip
                    try:
                        for api in mine:
                            wait_for(
                                lambda api=api: "getUpdates" in api.calls, 60, "the bots to poll"
                            )
                        time.sleep(1.0)
                        for api in mine:
                            api.reset()
                        cpu = sum(cpu_seconds(b.pid) for b in bots)
                        own, pg = cpu_seconds(os.getpid()), postgres_cpu(tmp / "pg")
                        r = burst(mine, args.users, presses)
                        cpu = sum(cpu_seconds(b.pid) for b in bots) - cpu
                        own = cpu_seconds(os.getpid()) - own
                        pg = postgres_cpu(tmp / "pg") - pg
                        rss = sum(rss_mb(b.pid)[0] for b in bots)
                    finally:
                        for b in bots:
                            stop_bot(b)
                    double = double_bookings(url)
                    print(f"{k:>9} {r['p50']:>6.2f} {r['p95']:>6.2f} {r['max']:>6.2f} {r['lost']:>5} "
                          f"{r['booked']:>6} {r['taken']:>5} {double:>6} {r['rate']:>6.1f} "
                          f"{cpu * 1000 / args.users:>6.1f} {pg * 1000 / args.users:>6.1f} {own * 1000 / args.users:>7.1f} {rss:>7.0f} {load_average():>5}", flush=True)  # fmt: skip
        finally:
            for api in apis:
                api.stop()
            server.cleanup()


if __name__ == "__main__":
    main()
