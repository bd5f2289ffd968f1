"""Replies lost, doubled and out of order when Telegram fails for one chat.

The real bot (unmodified python-telegram-bot, in-process as in tests/e2e/telegram)
against the tests' fake Bot API on SQLite, with a clock the bench moves. `--chats`
people each ask the same `--questions` questions, one after another; for one chat
(the first) Telegram fails every `--every`-th sendMessage, in turn with a 500, a
dropped connection, a 502 and a 429 asking for 30 s. Then the outbox is ticked
(the clock moved by 10 minutes each time) until it sends nothing more.

What each chat should get is what a chat without failures got (the router answers
alike). Printed per run: replies expected, delivered, lost, doubled, out of order
(delivered messages after which an earlier expected one arrived), apologies for an
error, and the same for the chats without failures.

    python benchmarks/telegram_failures_bench.py [--baseline 21dedf9]

With `--baseline REV` the same bench runs first on that revision (`git archive` into
a temporary folder, this bench and the fake Bot API copied in), in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")

QUESTIONS = [
    "/start",
    "Bis wann kann man sich bewerben?",
    "Wer kann sich bewerben?",
    "Welche Partei regiert in Torgau?",
    "Wie hoch ist die Förderung?",
    "Was ist ein Lokalprojekt?",
    "/hilfe",
    "Gibt es eine Altersgrenze?",
]
SORRY = "etwas schiefgelaufen"


def run(chats: int, questions: int, every: int) -> dict:
    from sqlalchemy import create_engine

    from storage.db import upgrade
    from tests.clock import Clock
    from tests.e2e.telegram.conftest import RunningBot
    from tests.e2e.telegram.fake_bot_api import FakeBotAPI

    tmp = Path(tempfile.mkdtemp(prefix="tg-fail-bench-"))
    failing, users = 1000, [1000 + i for i in range(chats)]
    api = _flaky(FakeBotAPI)(failing, every).start()
    upgrade(create_engine(f"sqlite:///{tmp / 'bot.db'}"))
    clock = Clock(datetime(2026, 3, 2, 8, 0, tzinfo=UTC))
    bot = RunningBot(api, tmp, clock).start()
    try:
        for q in QUESTIONS[:questions]:
            before = {u: len(api.sent_to(u)) for u in users}
            for u in users:
                api.user_says(u, q)
            _settle(api, users, before)
        ticks = 0
        while ticks < 50:
            clock.now += timedelta(minutes=10)
            ticks += 1
            if bot.tick().sent == 0 and bot.tick().sent == 0:
                break
    finally:
        bot.stop()
        api.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    texts = {u: [s.text for s in api.sent_to(u) if s.method == "sendMessage"] for u in users}
    expected = texts[users[1]]
    return {
        "failing chat": _score(expected, texts[failing]),
        "other chats": _score(expected * (chats - 1), sum((texts[u] for u in users[1:]), [])),
        "failures set up": api.failed,
        "outbox ticks": ticks,
    }


FAILURES = [  # (HTTP status or the fake's DROP, description, parameters)
    (500, "Internal Server Error", {}),
    (-1, "", {}),  # the connection closed without an answer
    (502, "Bad Gateway", {}),
    (429, "Too Many Requests: retry after 30", {"retry_after": 30}),
]


def _flaky(base):
    class FlakyChat(base):
        """The fake Bot API; every `every`-th sendMessage to `chat` fails, in turn
        with each of FAILURES (the outbox's tries too)."""

        def __init__(self, chat: int, every: int) -> None:
            super().__init__()
            self.chat, self.every, self.calls_to_chat, self.failed = chat, every, 0, 0

        def _take_error(self, method, chat_id):
            error = super()._take_error(method, chat_id)
            if error or method != "sendMessage" or str(chat_id) != str(self.chat):
                return error
            self.calls_to_chat += 1
            if self.calls_to_chat % self.every:
                return None
            code, text, params = FAILURES[self.failed % len(FAILURES)]
            self.failed += 1
            return (method, self.chat, code, {"description": text, "parameters": params})

    return FlakyChat


def _settle(api, users, before, quiet: float = 1.0, limit: float = 30.0) -> None:
    """Until every chat got something new, then until nothing is sent for `quiet` s."""
    start = time.monotonic()
    while time.monotonic() - start < limit:
        if all(len(api.sent_to(u)) > before[u] for u in users[1:]):
            break
        threading.Event().wait(0.05)
    last, count = time.monotonic(), len(api.sent)
    while time.monotonic() - last < quiet and time.monotonic() - start < limit:
        threading.Event().wait(0.05)
        if len(api.sent) != count:
            last, count = time.monotonic(), len(api.sent)


def _score(expected: list[str], got: list[str]) -> dict:
    from collections import Counter

    want, have = Counter(expected), Counter(got)
    delivered = sum(min(n, have[t]) for t, n in want.items())
    doubled = sum(max(0, have[t] - want[t]) for t in want)
    # out of order: delivered messages that arrived after one expected later (per chat run)
    position = {}
    for i, t in enumerate(expected):
        position.setdefault(t, []).append(i)
    order, seen = [], Counter()
    for t in got:
        if t in position and seen[t] < len(position[t]):
            order.append(position[t][seen[t]])
            seen[t] += 1
    late, highest = 0, -1
    for p in order:
        if p < highest:
            late += 1
        highest = max(highest, p)
    return {
        "expected": len(expected),
        "delivered": delivered,
        "lost": len(expected) - delivered,
        "doubled": doubled,
        "out of order": late,
        "apologies": sum(SORRY in t for t in got),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chats", type=int, default=5)
    parser.add_argument("--questions", type=int, default=len(QUESTIONS))
    parser.add_argument("--every", type=int, default=3)
    parser.add_argument("--baseline", help="a git revision measured the same way first")
    parser.add_argument("--json", action="store_true", help="print one JSON line only")
    args = parser.parse_args()
    results = {}
    if args.baseline:
        results[f"baseline {args.baseline}"] = _baseline(args)
    results["today"] = run(args.chats, args.questions, args.every)
    if args.json:
        print(json.dumps(results["today"]))
        return
    for name, result in results.items():
        print(f"== {name}: {args.chats} chats x {args.questions} questions, "
              f"every {args.every}. sendMessage to chat 1 fails ({result['failures set up']} set up), "
              f"{result['outbox ticks']} outbox ticks")  # fmt: skip
        for who in ("failing chat", "other chats"):
            print(f"   {who:12}: " + ", ".join(f"{k} {v}" for k, v in result[who].items()))


def _baseline(args) -> dict:
    with tempfile.TemporaryDirectory(prefix="tg-fail-base-") as tree:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", args.baseline], check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", tree], input=archive, check=True)
        for rel in ("benchmarks/telegram_failures_bench.py", "tests/e2e/telegram/fake_bot_api.py"):
            shutil.copy(ROOT / rel, Path(tree) / rel)
        out = subprocess.run(
            [sys.executable, f"{tree}/benchmarks/telegram_failures_bench.py", "--json",
             "--chats", str(args.chats), "--questions", str(args.questions),
             "--every", str(args.every)],
            check=True, capture_output=True, text=True, cwd=tree,
        ).stdout  # fmt: skip
        return json.loads(out.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
