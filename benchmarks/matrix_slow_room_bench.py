"""Slow rooms must not hold up the others: `imbot run --matrix` (PostgreSQL from
pgserver, a real Synapse) behind a small proxy that delays the bot's sends into some
rooms, as a big encrypted room or a slow federated homeserver would.

    python benchmarks/matrix_slow_room_bench.py [--users 24] [--slow 8] [--delay 2] \\
        [--baseline-imbot /tmp/imbot-base/.venv/bin/imbot]

As benchmarks/matrix_load_bench.py: N people open a direct chat each and wait for the
greeting; then all write three messages at once (a question, "!sprache en", "!sprache
de"). The bot's `PUT /rooms/<room>/send/...` into the rooms of the first `--slow` people
waits `--delay` seconds in the proxy before it reaches Synapse. Printed, for the other
rooms and for the slow ones: p50 / p95 / max seconds from a message to its reply,
replies lost, rooms with replies out of order; and the load average. The baseline is
measured the same way in the same run. With the default concurrency of 8, 8 slow rooms
fill every slot while their replies wait, if the adapter holds a slot for the send.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import unquote

from aiohttp import ClientSession, ClientTimeout, web
from matrix_load_bench import SAYS, Person, kind, matrix_bot
from runs import (  # noqa: I001
    _free_port,
    add_installation_args,
    installations,
    start_pg,
)

from tests.e2e.matrix.synapse import Synapse

HOP = {"host", "content-length", "transfer-encoding", "connection"}


class SlowProxy:
    """Forwards everything to Synapse; sends into `slow` rooms wait `delay` seconds."""

    def __init__(self, upstream: str, delay: float) -> None:
        self.upstream, self.delay, self.slow = upstream, delay, set()
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._ready = threading.Event()
        threading.Thread(target=lambda: asyncio.run(self._serve()), daemon=True).start()
        assert self._ready.wait(30)

    async def _serve(self) -> None:
        self.session = ClientSession(timeout=ClientTimeout(total=None))
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/{tail:.*}", self._forward)
        runner = web.AppRunner(app)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", self.port).start()
        self._ready.set()
        await asyncio.Event().wait()

    async def _forward(self, request: web.Request) -> web.Response:
        parts = unquote(request.raw_path).split("/")
        if request.method == "PUT" and "send" in parts and "rooms" in parts:
            room = parts[parts.index("rooms") + 1]
            if room in self.slow:
                await asyncio.sleep(self.delay)
        headers = {k: v for k, v in request.headers.items() if k.lower() not in HOP}
        async with self.session.request(
            request.method, self.upstream + request.raw_path, headers=headers,
            data=await request.read(),
        ) as resp:  # fmt: skip
            body = await resp.read()
            out = {k: v for k, v in resp.headers.items() if k.lower() in ("content-type",)}
            return web.Response(status=resp.status, body=body, headers=out)


def figures(people: list[Person]) -> dict:
    times, lost, disorder = [], 0, 0
    for p in people:
        lost += max(0, len(SAYS) - len(p.got))
        disorder += [kind(b) for _, b in p.got] != ["faq", "en", "de"][: len(p.got)]
        times += [at - sent for (at, _), sent in zip(p.got, p.sent, strict=False)]
    times.sort()
    nan = float("nan")
    return {
        "p50": statistics.median(times) if times else nan,
        "p95": times[int(len(times) * 0.95)] if times else nan,
        "max": times[-1] if times else nan,
        "lost": lost,
        "order": disorder,
    }


async def burst(synapse: Synapse, proxy: SlowProxy, bot_id: str, users: int, slow: int):
    people = [Person(synapse, f"p{uuid.uuid4().hex[:8]}") for _ in range(users)]
    await asyncio.gather(*(p.login() for p in people))
    for i in range(0, users, 10):  # the bot joins and greets (no room slow yet)
        await asyncio.gather(*(p.open_dm(bot_id) for p in people[i : i + 10]))
    proxy.slow = {p.room for p in people[:slow]}
    until = time.monotonic() + 120 + users
    listening = [asyncio.ensure_future(p.listen(until)) for p in people]

    async def write(p: Person) -> None:
        for text in SAYS:
            p.sent.append(time.monotonic())
            await p.client.room_send(p.room, "m.room.message", {"msgtype": "m.text", "body": text})

    await asyncio.gather(*(write(p) for p in people))
    await asyncio.gather(*listening)
    proxy.slow = set()
    for p in people:
        await p.client.close()
    return figures(people[slow:]), figures(people[:slow])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--users", type=int, default=24)
    ap.add_argument("--slow", type=int, default=8, help="rooms whose sends are slow")
    ap.add_argument("--delay", type=float, default=2.0, help="seconds per send into them")
    ap.add_argument("--repeat", type=int, default=1)
    add_installation_args(ap)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        server = start_pg(tmp)
        synapse = Synapse(tmp / "synapse").start()
        proxy = SlowProxy(synapse.url, args.delay)
        print(f"load average at start {os.getloadavg()[0]:.1f}; {args.users} rooms, "
              f"{args.slow} of them {args.delay:g} s per send")  # fmt: skip
        print(f"{'installation':12} {'rooms':6} {'p50 s':>6} {'p95 s':>6} {'max s':>6} "
              f"{'lost':>5} {'order':>5} {'load':>5}")  # fmt: skip
        try:
            for r in range(args.repeat):
                for i, (name, exe) in enumerate(installations(args)):
                    tag = f"slow_{i}_{r}"
                    with matrix_bot(exe, tmp, server, synapse, proxy.url, tag) as bot_id:
                        others, slow = asyncio.run(
                            burst(synapse, proxy, bot_id, args.users, args.slow)
                        )
                    for label, f in (("others", others), ("slow", slow)):
                        print(f"{name:12} {label:6} {f['p50']:>6.2f} {f['p95']:>6.2f} {f['max']:>6.2f} "
                              f"{f['lost']:>5} {f['order']:>5} {os.getloadavg()[0]:>5.1f}", flush=True)  # fmt: skip
        finally:
            synapse.stop()
            server.cleanup()


if __name__ == "__main__":
    main()
