"""Many Telegram users at the same moment, against one `imbot run --telegram` on
PostgreSQL (pgserver) and the tests' fake Bot API.

    python benchmarks/load_bench.py [--users 50 200 1000] [--mode once|order] \\
        [--baseline-imbot /tmp/imbot-base/.venv/bin/imbot] [--api-latency 0.05]

For each N: a fresh database, a fresh `imbot run --telegram` (long polling, default
settings). When it polls, its idle RSS is taken; then the N users write in one burst.

--mode once (the issue's measure, the default): every user sends ONE message. Every
second user asks a question about the call (German or English, one not in the call);
the others are experts, ten per buddy (N/20 buddies, free on Tuesdays and
Thursdays), and take a real booking step: they press "once" under the series
question of a free slot (`jf:book:<ts>:0`, the bot's own button data), so each books a
Jour Fixe. Two experts of a buddy press the same slot at once, so half the bookings
race for a slot another expert takes at the same moment: one gets "requested", the
other "slot taken" with other slots. Printed: p50 / p95 / max seconds from a message
to its reply, users without a reply ("lost"), bookings made and refused as taken,
and double bookings in the database (two active meetings of one buddy that overlap,
expected 0), updates per second, RSS idle and peak, and the CPU per update of the bot
("cpu ms"), of PostgreSQL ("pg ms") and of this harness ("fake ms": the fake Bot API
and the users, which on Telegram run on Telegram's servers, not on the bot's machine).
With --buddies linked the buddies get the requests through the outbox, at its next tick
after the replies: "+out ms" is the bot's CPU per update up to their delivery.

--mode order (the order check): every user sends two messages, the first a question
or `/jourfixe` (experts), the second "/sprache en"; "order" counts chats whose
language switch was not answered second.

With --baseline-imbot an older installation is measured the same way in the same run,
interleaved. Replies go through python-telegram-bot's AIORateLimiter at Telegram's 30
messages/s in both, so with N replies the limit, not the bot, sets the pace (N/30 s
for the last one); the rows "1000/s" show what the bot itself handles with the limit
raised (today: TELEGRAM_MAX_RATE=1000; a baseline without that setting: the same through
a sitecustomize module). The fake answers at once on localhost; `--api-latency 0.05`
makes every call take 50 ms, as Telegram does over the internet.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from runs import (
    ROOT,
    TimedBotAPI,
    add_installation_args,
    installations,
    new_database,
    raised_limit_env,
    rss_mb,
    start_bot,
    start_pg,
    stop_bot,
    wait_for,
)

QUESTIONS = [
    ("Bis wann kann man sich bewerben?", "de"),
    ("Wer kann sich bewerben?", "de"),
    ("Wie viel Geld gibt es für die Kommune?", "de"),
    ("When is the application deadline?", "en"),
    ("Who can apply?", "en"),
    ("Wie viele Einwohner hat Pforzheim?", "de"),  # not in the call: the "no answer" path
]
SWITCHED = "I will answer in English now."
BOOKED = ("Anfrage an", "Request sent")  # the expert's "requested" reply
TAKEN = ("gerade vergeben", "just taken")  # "slot taken", with other slots


FIRST_USER = 10_000


FIRST_BUDDY = 900_000  # Telegram ids of linked buddies (--buddies linked)


def schema_of(exe: Path, url: str) -> None:
    """Take the seeded database (today's schema) back to the newest migration the
    installation `exe` ships, so a baseline from before a new migration can start on it.
    Seeding writes nothing the newer migrations' downgrades would lose."""
    from storage.db import downgrade, make_engine

    python = Path(exe).with_name("python")
    code = "import pathlib, storage; print(pathlib.Path(storage.__file__).parent)"
    found = subprocess.run(  # from "/", so that no storage/ beside us is imported
        [str(python), "-c", code], capture_output=True, text=True, check=True, cwd="/"
    )
    versions = Path(found.stdout.strip()) / "migrations" / "versions"
    theirs = max(p.name[:4] for p in versions.glob("[0-9][0-9][0-9][0-9]_*.py"))
    mine = ROOT / "storage" / "migrations" / "versions"
    ours = max(p.name[:4] for p in mine.glob("[0-9][0-9][0-9][0-9]_*.py"))
    if theirs < ours:
        engine = make_engine(url)
        downgrade(engine, theirs)
        engine.dispose()


def experts_and_buddies(url: str, users: int, linked: bool = False) -> dict[int, str]:
    """Every second user an expert (Telegram id = user id), ten per buddy; the buddies
    free on Tuesdays and Thursdays, with a Telegram chat of their own if `linked`.
    Written with today's code on a migrated database.
    Returns each expert's button for booking a slot once: experts 2k and 2k+1 of a
    buddy press the same slot (the k-th free one)."""
    from datetime import time as clock_time

    from bot.booking.buttons import data as jf_data
    from bot.booking.service import JourFixe
    from bot.booking.timeparse import Window
    from bot.people import People
    from storage.db import make_engine, upgrade
    from storage.repo import session_factory

    engine = make_engine(url)
    upgrade(engine)
    sessions = session_factory(engine)
    people, booking = People(sessions), JourFixe(sessions)
    windows = [Window(clock_time(9), clock_time(17), weekday=d) for d in (1, 3)]
    experts = [FIRST_USER + i for i in range(0, users, 2)]
    presses: dict[int, str] = {}
    for start in range(0, len(experts), 10):
        invited = people.invite("buddy", f"Buddy {start // 10}")
        buddy = invited.person_id
        if linked:
            tg = str(FIRST_BUDDY + start // 10)
            people.redeem(invited.code, "telegram", tg, tg)
        booking.set_windows(buddy, windows)
        slots: list = []
        for j, uid in enumerate(experts[start : start + 10]):
            info = people.invite("expert", f"Expertin {uid}")
            people.redeem(info.code, "telegram", str(uid), str(uid))
            people.pair(f"#{info.person_id}", f"#{buddy}")
            slots = slots or booking.slots(info.person_id, limit=8)
            presses[uid] = jf_data("book", int(slots[j // 2].timestamp()), 0)
    engine.dispose()
    return presses


def double_bookings(url: str) -> int:
    """Pairs of active meetings of one buddy that overlap (the database must hold none)."""
    from sqlalchemy import text

    from storage.db import make_engine

    engine = make_engine(url)
    with engine.connect() as c:
        found = c.execute(
            text(
                "SELECT count(*) FROM meetings a JOIN meetings b ON a.buddy_id = b.buddy_id"
                " AND a.id < b.id AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at"
                " WHERE a.state IN ('requested', 'confirmed')"
                " AND b.state IN ('requested', 'confirmed')"
            )
        ).scalar_one()
    engine.dispose()
    return found


def _first_texts(api: TimedBotAPI) -> dict[int, list[tuple[float, str]]]:
    by_chat: dict[int, list[tuple[float, str]]] = {}
    for arrived, sent in list(api.arrived):
        if sent.method == "sendMessage":
            by_chat.setdefault(sent.chat_id, []).append((arrived, sent.text))
    return by_chat


def _summary(times: list[float], replies: int, wall: float) -> dict:
    times.sort()
    return {
        "p50": statistics.median(times) if times else float("nan"),
        "p95": times[int(len(times) * 0.95)] if times else float("nan"),
        "max": times[-1] if times else float("nan"),
        "rate": replies / wall if wall else float("nan"),
    }


def burst_once(api: TimedBotAPI, users: int, presses: dict[int, str]) -> dict:
    """The issue's measure: each user sends one message at the same moment; experts
    press their slot's booking button, the others ask a question."""
    pushed: dict[int, float] = {}
    for i in range(users):
        uid = FIRST_USER + i
        pushed[uid] = time.monotonic()
        if uid in presses:
            api.user_presses(uid, presses[uid], message_id=1)
        else:
            text, lang = QUESTIONS[i % len(QUESTIONS)]
            api.user_says(uid, text, lang=lang)
    t0 = time.monotonic()
    try:
        wait_for(lambda: len(_first_texts(api)) >= users, timeout=60 + users * 0.5, what="replies")
    except SystemExit as exc:
        print(f"    {exc}")
    wall = time.monotonic() - t0
    return tally(pushed, _first_texts(api), presses, users, wall) | {
        "updates": users,
        "out_of_order": "-",
    }


def tally(pushed: dict, by_chat: dict, presses, users: int, wall: float) -> dict:
    """Each user's time to the first reply, users without one, and the booking presses
    answered "requested" or "taken" (shared with processes_bench)."""
    times, lost, booked, taken = [], 0, 0, 0
    for uid, at in pushed.items():
        replies = by_chat.get(uid)
        if not replies:
            lost += 1
            continue
        times.append(replies[0][0] - at)
        if uid in presses:
            booked += any(w in replies[0][1] for w in BOOKED)
            taken += any(w in replies[0][1] for w in TAKEN)
    return _summary(times, users, wall) | {"lost": lost, "booked": booked, "taken": taken}


def burst_order(api: TimedBotAPI, users: int, presses: dict[int, str]) -> dict:
    """The order check: each user sends two messages; the second must be answered second."""
    first = FIRST_USER
    pushed: dict[tuple[int, int], float] = {}
    for i in range(users):  # every user's first message, then every user's second
        text, lang = QUESTIONS[i % len(QUESTIONS)]
        if first + i in presses:
            text, lang = "/jourfixe", "de"
        pushed[(first + i, 0)] = time.monotonic()
        api.user_says(first + i, text, lang=lang)
    for i in range(users):
        pushed[(first + i, 1)] = time.monotonic()
        api.user_says(first + i, "/sprache en", lang="de")
    t0 = time.monotonic()
    try:
        wait_for(lambda: len(api.arrived) >= 2 * users, timeout=60 + users * 0.5, what="replies")
    except SystemExit as exc:
        print(f"    {exc}")
    wall = time.monotonic() - t0
    by_chat = _first_texts(api)
    times, out_of_order, lost = [], 0, 0
    for i in range(users):
        replies = by_chat.get(first + i, [])
        lost += max(0, 2 - len(replies))
        if len(replies) >= 2 and (SWITCHED in replies[0][1] or SWITCHED not in replies[1][1]):
            out_of_order += 1
        for n, (arrived, _) in enumerate(replies[:2]):
            times.append(arrived - pushed[(first + i, n)])
    return _summary(times, 2 * users, wall) | {
        "updates": 2 * users,
        "lost": lost,
        "out_of_order": out_of_order,
        "booked": "-",
        "taken": "-",
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--users", type=int, nargs="+", default=[50, 200, 1000])
    ap.add_argument("--mode", choices=("once", "order"), default="once",
                    help="once: one message per user (the issue's measure); order: two, order checked")  # fmt: skip
    ap.add_argument("--api-latency", type=float, default=0.0,
                    help="seconds the fake Bot API takes per call (Telegram over the internet: ~0.05)")  # fmt: skip
    ap.add_argument("--rates", nargs="+", default=["30", "1000"],
                    help="reply limits to measure: 30 (Telegram's, the default) and/or 1000")  # fmt: skip
    ap.add_argument("--buddies", choices=("unlinked", "linked", "both"), default="unlinked",
                    help="unlinked: the expert's press also gets 'not linked yet' (the figures "
                         "before 2026-11-26); linked: the buddy has a Telegram chat and gets the "
                         "request through the outbox, as in real use; both: each in turn")  # fmt: skip
    ap.add_argument("--py-spy", help="py-spy executable: profile today's process during each burst")
    ap.add_argument("--py-spy-out", default=".", help="folder for the profiles (collapsed stacks)")
    ap.add_argument("--py-spy-gil", action="store_true",
                    help="sample only the thread holding the GIL (what costs CPU, not who waits)")  # fmt: skip
    ap.add_argument("--extra-concurrency", type=int, help="also today 1000/s with this bound")
    ap.add_argument("--variant", action="append", default=[], metavar="LABEL:VAR=VALUE,...",
                    help="also today 1000/s with these settings, e.g. httpx:TELEGRAM_HTTP_CLIENT=httpx")  # fmt: skip
    add_installation_args(ap)
    args = ap.parse_args()
    burst = burst_once if args.mode == "once" else burst_order
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        server = start_pg(tmp)
        api = TimedBotAPI(args.api_latency).start()
        print(f"mode {args.mode}; load average at start {load_average()}")
        if args.api_latency:
            print(f"fake Bot API answers after {args.api_latency * 1000:.0f} ms")
        print(f"{'installation':22} {'N':>5} {'p50 s':>6} {'p95 s':>6} {'max s':>6} {'lost':>5} "
              f"{'order':>5} {'booked':>6} {'taken':>5} {'double':>6} {'upd/s':>6} {'cpu ms':>6} "
              f"{'+out ms':>7} {'pg ms':>6} {'fake ms':>7} {'idle MB':>8} {'peak MB':>8} {'load':>5}")  # fmt: skip
        try:
            for users in args.users:
                runs = []
                for name, exe in installations(args):
                    if "30" in args.rates:
                        runs.append((name, exe, {}))
                    if "1000" in args.rates:
                        raised = {"TELEGRAM_MAX_RATE": "1000"}
                        if name != "today" and not has_max_rate(exe):
                            raised = raised_limit_env(tmp)
                        runs.append((f"{name} 1000/s", exe, raised))
                if args.extra_concurrency:
                    runs.append(
                        (
                            f"today 1000/s c{args.extra_concurrency}",
                            Path(args.imbot),
                            {
                                "TELEGRAM_MAX_RATE": "1000",
                                "IMBOT_CONCURRENT_UPDATES": str(args.extra_concurrency),
                            },
                        )
                    )
                for variant in args.variant:
                    label, _, settings = variant.partition(":")
                    env = dict(kv.split("=", 1) for kv in settings.split(",") if kv)
                    runs.append(
                        (
                            f"today 1000/s {label}",
                            Path(args.imbot),
                            {"TELEGRAM_MAX_RATE": "1000"} | env,
                        )
                    )
                runs.sort(key=lambda r: "1000/s" in r[0])  # baseline, today; then raised
                workloads = ["unlinked", "linked"] if args.buddies == "both" else [args.buddies]
                runs = [
                    (f"{name} {w}" if args.buddies == "both" else name, exe, extra, w == "linked")
                    for w in workloads
                    for name, exe, extra in runs
                ]
                print(f"buddies: {', '.join(workloads)}")
                for i, (name, exe, extra, linked) in enumerate(runs):
                    url = new_database(server, f"load_{i}_{users}")
                    presses = experts_and_buddies(url, users, linked)
                    schema_of(exe, url)  # an older installation runs on the schema it knows
                    api.reset()
                    bot = start_bot(exe, tmp, url, api, **extra)
                    try:
                        wait_for(lambda: "getUpdates" in api.calls, 60, "the bot to poll")
                        time.sleep(1.0)  # settle: menus set, first long poll open
                        idle, _ = rss_mb(bot.pid)
                        api.reset()
                        label = f"{name.replace(' ', '_').replace('/', '')}-{users}.txt"
                        spy = profile(args.py_spy, bot.pid, tmp / label, gil=args.py_spy_gil)
                        cpu, pg, harness = cpu_seconds(bot.pid), pg_cpu(tmp), time.process_time()
                        r = burst(api, users, presses)
                        cpu_end = cpu_seconds(bot.pid)
                        harness = time.process_time() - harness
                        pg = pg_cpu(tmp) - pg
                        notices = "-"
                        if linked and r["booked"] != "-":  # requests go out at the outbox's tick
                            notices = outbox_cpu(api, r, bot.pid, cpu, users)
                        cpu = cpu_end - cpu
                        _, peak = rss_mb(bot.pid)
                        if spy is not None:
                            spy.send_signal(signal.SIGINT)
                            spy.wait(60)
                            shutil.copy(tmp / label, Path(args.py_spy_out) / label)
                    finally:
                        stop_bot(bot)
                    double = double_bookings(url)
                    print(f"{name:22} {users:>5} {r['p50']:>6.2f} {r['p95']:>6.2f} {r['max']:>6.2f} "
                          f"{r['lost']:>5} {r['out_of_order']:>5} {r['booked']:>6} {r['taken']:>5} "
                          f"{double:>6} {r['rate']:>6.1f} {cpu * 1000 / r['updates']:>6.1f} {notices:>7} "
                          f"{pg * 1000 / r['updates']:>6.1f} {harness * 1000 / r['updates']:>7.1f} "
                          f"{idle:>8.0f} {peak:>8.0f} {load_average():>5}",
                          flush=True)  # fmt: skip
        finally:
            api.stop()
            server.cleanup()


def outbox_cpu(api: TimedBotAPI, r: dict, pid: int, cpu_before: float, users: int) -> str:
    """With linked buddies: wait until every booking's request reached its buddy (sent
    by the outbox at its next tick, after the replies), then the bot's CPU per update
    from the burst up to then ("+out ms"; it includes the idle wait's ticks and polls)."""

    def delivered() -> int:
        with api._cond:
            return sum(s.chat_id >= FIRST_BUDDY for s in api.sent if s.method == "sendMessage")

    try:
        wait_for(lambda: delivered() >= r["booked"], timeout=60, what="the buddies' requests")
    except SystemExit as exc:
        print(f"    {exc}")
    return f"{(cpu_seconds(pid) - cpu_before) * 1000 / users:.1f}"


def has_max_rate(exe: Path) -> bool:
    """Whether an installation (a checkout with its venv in .venv) reads TELEGRAM_MAX_RATE."""
    source = exe.resolve().parents[2] / "bot/app/config.py"
    return source.exists() and "TELEGRAM_MAX_RATE" in source.read_text()


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pg_cpu(tmp: Path) -> float:
    """CPU seconds so far of the PostgreSQL server (the postmaster and its children:
    the bot's connections, the writer, the WAL writer...), by /proc."""
    postmaster = int((tmp / "pg" / "postmaster.pid").read_text().split()[0])
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended meanwhile
            continue
        if int(entry.name) == postmaster or int(fields[1]) == postmaster:
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def profile(
    py_spy: str | None, pid: int, out: Path, *, gil: bool = False
) -> subprocess.Popen | None:
    """py-spy sampling the bot (all threads, or with `gil` only the one holding the GIL;
    native frames off) until interrupted."""
    if not py_spy:
        return None
    spy = subprocess.Popen([py_spy, "record", "--pid", str(pid), "--format", "raw", "--rate", "200",
                            "--output", str(out), "--nonblocking", *(["--gil"] if gil else [])],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    time.sleep(1.0)  # attached
    return spy


def load_average() -> str:
    return f"{os.getloadavg()[0]:.1f}"


if __name__ == "__main__":
    main()
