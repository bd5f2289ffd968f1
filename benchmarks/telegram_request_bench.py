"""CPU per Bot API call: python-telegram-bot's default HTTPXRequest against
bot.adapters.telegram_http.AiohttpRequest, measured in the same run; with uvloop
installed (it is not a dependency: in load_bench it made no difference that the noise
did not hide), also aiohttp on uvloop's event loop.

    python benchmarks/telegram_request_bench.py [--calls 2000] [--at-once 8] [--rounds 3]

The tests' fake Bot API runs in a process of its own, so the CPU time measured here
(this process's, `time.process_time`) is the client's alone: PTB's `Bot.send_message`
(building the request, the HTTP call, parsing the returned Message) `--calls` times,
`--at-once` calls in flight, as `imbot run` sends replies. The variants run in turns,
`--rounds` times, so a busy machine affects them alike. Printed: CPU microseconds per
call (median of the rounds, and each round) and calls per second of wall time.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SERVER = """
import sys, time
sys.path.insert(0, {root!r})
from tests.e2e.telegram.fake_bot_api import FakeBotAPI
api = FakeBotAPI().start()
print(api.base_url, api.token, flush=True)
while True:
    time.sleep(1)
    with api._cond:
        api.sent.clear(); api.calls.clear(); api._messages.clear()
"""


def start_server() -> tuple[subprocess.Popen, str, str]:
    proc = subprocess.Popen([sys.executable, "-c", SERVER.format(root=str(ROOT))],
                            stdout=subprocess.PIPE, text=True)  # fmt: skip
    base_url, token = proc.stdout.readline().split()
    return proc, base_url, token


def make_request(client: str):
    if client == "httpx":
        from telegram.request import HTTPXRequest

        return HTTPXRequest(connection_pool_size=256)
    from bot.adapters.telegram_http import AiohttpRequest

    return AiohttpRequest()


async def calls(
    client: str, base_url: str, token: str, n: int, at_once: int
) -> tuple[float, float]:
    from telegram import Bot

    bot = Bot(token, base_url=base_url, request=make_request(client), get_updates_request=make_request(client))  # fmt: skip
    await bot.initialize()
    limit = asyncio.Semaphore(at_once)

    async def one(i: int) -> None:
        async with limit:
            await bot.send_message(10_000 + i % 200, f"Antwort Nummer {i}: " + "x" * 300)

    await asyncio.gather(*(one(i) for i in range(50)))  # warm: connections open
    cpu, wall = time.process_time(), time.perf_counter()
    await asyncio.gather(*(one(i) for i in range(n)))
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    await bot.shutdown()
    return cpu / n * 1e6, n / wall


def run(client: str, loop: str, *args) -> tuple[float, float]:
    if loop == "uvloop":
        import uvloop

        return uvloop.run(calls(client, *args))
    return asyncio.run(calls(client, *args))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--calls", type=int, default=2000)
    ap.add_argument("--at-once", type=int, default=8)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    loops = ["asyncio"]
    try:
        import uvloop  # noqa: F401

        loops.append("uvloop")
    except ImportError:
        print("uvloop not installed: asyncio's loop only")
    variants = [("httpx", "asyncio")] + [("aiohttp", loop) for loop in loops]
    proc, base_url, token = start_server()
    try:
        results: dict = {v: [] for v in variants}
        for _ in range(args.rounds):
            for client, loop in variants:
                results[(client, loop)].append(
                    run(client, loop, base_url, token, args.calls, args.at_once)
                )
    finally:
        proc.terminate()
        proc.wait(10)
    base = statistics.median(r[0] for r in results[variants[0]])
    print(f"{args.calls} sendMessage calls, {args.at_once} at once, {args.rounds} rounds")
    print(f"{'client':24} {'cpu µs/call':>12} {'vs httpx':>9} {'calls/s':>8}  rounds (µs)")
    for (client, loop), rs in results.items():
        cpu = statistics.median(r[0] for r in rs)
        rate = statistics.median(r[1] for r in rs)
        label = f"{client} ({loop})" + (" baseline" if client == "httpx" else "")
        print(
            f"{label:24} {cpu:>12.0f} {cpu / base:>8.2f}x {rate:>8.0f}  "
            + " ".join(f"{r[0]:.0f}" for r in rs)
        )


if __name__ == "__main__":
    main()
