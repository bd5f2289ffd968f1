"""Many Telegram users at the same moment, against one `imbot run --telegram` on
PostgreSQL (pgserver) and the tests' fake Bot API.

    python benchmarks/load_bench.py [--users 50 200 1000] \\
        [--baseline-imbot /tmp/imbot-base/.venv/bin/imbot]

For each N: a fresh database, a fresh `imbot run --telegram` (long polling, default
settings). When it polls, its idle RSS is taken; then N users each send two messages
in one burst: first a question about the call (German or English, answered or not)
or, for every second user, a booking step (an expert, paired with one of N/20
buddies with weekly free times, asks for free Jour Fixe slots: `/jourfixe`), and
then "/sprache en". Printed: p50 / p95 / max seconds from a message to its reply,
replies lost (expected 2N), chats whose replies came out of order (the language
switch must come second), booking steps answered with slot buttons ("slots"), updates per second, and the process's RSS idle and its
peak after the burst. With --baseline-imbot an older installation is measured the
same way in the same run. Replies go through python-telegram-bot's AIORateLimiter
(Telegram's 30 messages/s overall) in both, so with 2N replies the limit, not the
bot, sets the pace; the rows "1000/s" show what the bot itself handles with the limit
raised to 1,000/s (today: TELEGRAM_MAX_RATE=1000; the baseline, which has no such
setting: the same through a sitecustomize module). The fake answers at once on
localhost; `--api-latency 0.05` makes every call take 50 ms, as Telegram does over
the internet, where a bot that waits for each reply before the next update pays it
once per message.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from runs import (
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


FIRST_USER = 10_000


def experts_and_buddies(url: str, users: int) -> None:
    """Every second user an expert (Telegram id = user id), ten per buddy; the buddies
    free on Tuesdays and Thursdays. Written with today's code on a migrated database."""
    from datetime import time as clock_time

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
    for start in range(0, len(experts), 10):
        buddy = people.invite("buddy", f"Buddy {start // 10}").person_id
        booking.set_windows(buddy, windows)
        for uid in experts[start : start + 10]:
            info = people.invite("expert", f"Expertin {uid}")
            people.redeem(info.code, "telegram", str(uid), str(uid))
            people.pair(f"#{info.person_id}", f"#{buddy}")
    engine.dispose()


def burst(api: TimedBotAPI, users: int, booking: bool = False) -> dict:
    first = FIRST_USER
    pushed: dict[tuple[int, int], float] = {}
    for i in range(users):  # every user's first message, then every user's second
        text, lang = QUESTIONS[i % len(QUESTIONS)]
        if booking and i % 2 == 0:
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
    by_chat: dict[int, list[tuple[float, str]]] = {}
    offered = 0  # booking steps answered with slot buttons
    for arrived, sent in list(api.arrived):
        if sent.method == "sendMessage":
            by_chat.setdefault(sent.chat_id, []).append((arrived, sent.text))
            offered += booking and (sent.chat_id - first) % 2 == 0 and len(sent.buttons) > 1
    times, out_of_order, lost = [], 0, 0
    for i in range(users):
        replies = by_chat.get(first + i, [])
        lost += max(0, 2 - len(replies))
        if len(replies) >= 2 and (SWITCHED in replies[0][1] or SWITCHED not in replies[1][1]):
            out_of_order += 1
        for n, (arrived, _) in enumerate(replies[:2]):
            times.append(arrived - pushed[(first + i, n)])
    times.sort()
    return {
        "p50": statistics.median(times) if times else float("nan"),
        "p95": times[int(len(times) * 0.95)] if times else float("nan"),
        "max": times[-1] if times else float("nan"),
        "lost": lost,
        "out_of_order": out_of_order,
        "rate": 2 * users / wall if wall else float("nan"),
        "offered": offered,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--users", type=int, nargs="+", default=[50, 200, 1000])
    ap.add_argument("--api-latency", type=float, default=0.0,
                    help="seconds the fake Bot API takes per call (Telegram over the internet: ~0.05)")  # fmt: skip
    ap.add_argument("--extra-concurrency", type=int, help="also today 1000/s with this bound")
    add_installation_args(ap)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        server = start_pg(tmp)
        api = TimedBotAPI(args.api_latency).start()
        if args.api_latency:
            print(f"fake Bot API answers after {args.api_latency * 1000:.0f} ms")
        print(f"{'installation':15} {'N':>5} {'p50 s':>6} {'p95 s':>6} {'max s':>6} {'lost':>5} "
              f"{'order':>5} {'upd/s':>6} {'idle MB':>8} {'peak MB':>8} {'slots':>6}")  # fmt: skip
        try:
            for users in args.users:
                runs = [(name, exe, {}) for name, exe in installations(args)]
                if args.baseline_imbot:
                    runs.append(("baseline 1000/s", runs[0][1], raised_limit_env(tmp)))
                today = installations(args)[-1][1]
                runs.append(("today 1000/s", today, {"TELEGRAM_MAX_RATE": "1000"}))
                if args.extra_concurrency:
                    runs.append(
                        (
                            f"today 1000/s c{args.extra_concurrency}",
                            runs[-1][1],
                            {
                                "TELEGRAM_MAX_RATE": "1000",
                                "IMBOT_CONCURRENT_UPDATES": str(args.extra_concurrency),
                            },
                        )
                    )
                for i, (name, exe, extra) in enumerate(runs):
                    url = new_database(server, f"load_{i}_{users}")
                    experts_and_buddies(url, users)
                    api.reset()
                    bot = start_bot(exe, tmp, url, api, **extra)
                    try:
                        wait_for(lambda: "getUpdates" in api.calls, 60, "the bot to poll")
                        time.sleep(1.0)  # settle: menus set, first long poll open
                        idle, _ = rss_mb(bot.pid)
                        api.reset()
                        r = burst(api, users, booking=True)
                        _, peak = rss_mb(bot.pid)
                    finally:
                        stop_bot(bot)
                    print(f"{name:15} {users:>5} {r['p50']:>6.2f} {r['p95']:>6.2f} {r['max']:>6.2f} "
                          f"{r['lost']:>5} {r['out_of_order']:>5} {r['rate']:>6.1f} {idle:>8.0f} {peak:>8.0f} {r['offered']:>6}",
                          flush=True)  # fmt: skip
        finally:
            api.stop()
            server.cleanup()


if __name__ == "__main__":
    main()
