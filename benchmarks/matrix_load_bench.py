"""Many Matrix rooms at once, against one `imbot run --matrix` on PostgreSQL (pgserver)
and a real Synapse (from the test extra).

    python benchmarks/matrix_load_bench.py [--users 10 40] \\
        [--baseline-imbot /tmp/imbot-base/.venv/bin/imbot]

For each N and installation: a fresh database, a fresh bot account and `imbot run
--matrix`; N people (nio clients in this process) each open a direct chat with the bot
and wait for its greeting. Then all of them write three messages at once without
waiting: a question about the call, "!sprache en", "!sprache de". Printed: p50 / p95 /
max seconds from a message to its reply (as the person's client receives it), replies
lost (expected 3N), rooms whose replies came in another order than the messages
(expected 0), and the load average. The baseline (--baseline-imbot) is measured the same
way in the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import tempfile
import time
import urllib.request
import uuid
from contextlib import contextmanager
from pathlib import Path

from nio import AsyncClient, AsyncClientConfig, LoginResponse, RoomMessageText
from runs import (  # noqa: I001
    _free_port,
    add_installation_args,
    child_env,
    installations,
    new_database,
    start_pg,
    stop_bot,
    wait_for,
)

from tests.e2e.matrix.synapse import Synapse

PASSWORD = "correct horse battery staple"
SAYS = ["Wer kann sich bewerben?", "!sprache en", "!sprache de"]
EN, DE = "I will answer in English now.", "Ich antworte jetzt auf Deutsch."


def kind(body: str) -> str:
    return "en" if EN in body else "de" if DE in body else "faq"


class Person:
    def __init__(self, synapse: Synapse, name: str) -> None:
        self.user_id = synapse.register(name, PASSWORD)
        config = AsyncClientConfig(store_sync_tokens=False)
        self.client = AsyncClient(synapse.url, self.user_id, config=config)
        self.room = ""
        self.got: list[tuple[float, str]] = []  # (arrival, body) in the DM
        self.sent: list[float] = []

    async def login(self) -> None:
        resp = await self.client.login(PASSWORD, device_name="bench")
        assert isinstance(resp, LoginResponse), resp
        await self.client.sync(timeout=0, full_state=True)

        async def on_text(room, event) -> None:
            if event.sender != self.user_id and room.room_id == self.room:
                self.got.append((time.monotonic(), event.body))

        self.client.add_event_callback(on_text, RoomMessageText)

    async def open_dm(self, bot_id: str) -> None:
        resp = await self.client.room_create(invite=[bot_id], is_direct=True)
        self.room = resp.room_id
        while not self.got:  # the greeting (and, with no call open, the offer after it)
            await self.client.sync(timeout=1000)
        seen = 0
        while len(self.got) != seen:  # until a second and a half brings nothing new
            seen = len(self.got)
            await self.client.sync(timeout=1500)
        self.got.clear()

    async def listen(self, until: float) -> None:
        while len(self.got) < len(SAYS) and time.monotonic() < until:
            await self.client.sync(timeout=1000)


def ready(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2) as r:  # noqa: S310
            return r.status == 200
    except OSError:
        return False


async def burst(synapse: Synapse, bot_id: str, users: int) -> dict:
    people = [Person(synapse, f"p{uuid.uuid4().hex[:8]}") for _ in range(users)]
    await asyncio.gather(*(p.login() for p in people))
    for i in range(0, users, 10):  # the bot joins and greets
        await asyncio.gather(*(p.open_dm(bot_id) for p in people[i : i + 10]))
    until = time.monotonic() + 120 + users
    listening = [asyncio.ensure_future(p.listen(until)) for p in people]

    async def write(p: Person) -> None:
        for text in SAYS:
            p.sent.append(time.monotonic())
            await p.client.room_send(p.room, "m.room.message", {"msgtype": "m.text", "body": text})

    await asyncio.gather(*(write(p) for p in people))
    await asyncio.gather(*listening)
    times, lost, disorder = [], 0, 0
    for p in people:
        lost += max(0, len(SAYS) - len(p.got))
        disorder += [kind(b) for _, b in p.got] != ["faq", "en", "de"][: len(p.got)]
        times += [at - sent for (at, _), sent in zip(p.got, p.sent, strict=False)]
        await p.client.close()
    times.sort()
    return {
        "p50": statistics.median(times) if times else float("nan"),
        "p95": times[int(len(times) * 0.95)] if times else float("nan"),
        "max": times[-1] if times else float("nan"),
        "lost": lost,
        "order": disorder,
    }


@contextmanager
def matrix_bot(exe: Path, tmp: Path, server, synapse: Synapse, homeserver: str, tag: str):
    """`imbot run --matrix` as a new Synapse user on a fresh database, talking to the
    homeserver at `homeserver` (Synapse itself or a proxy in front of it); yields the
    bot's user id once it is connected, and stops it afterwards."""
    bot_id = synapse.register(f"imbot{uuid.uuid4().hex[:6]}", PASSWORD)
    url = new_database(server, f"mx_{tag}")
    http = _free_port()
    env = child_env(tmp, url, IMBOT_HTTP_HOST="127.0.0.1", IMBOT_HTTP_PORT=str(http),
                    MATRIX_HOMESERVER=homeserver, MATRIX_USER=bot_id,
                    MATRIX_PASSWORD=PASSWORD, IMBOT_DATA_DIR=str(tmp / f"data-{tag}"))  # fmt: skip
    with open(tmp / f"bot-{tag}.log", "w") as log:
        bot = subprocess.Popen([str(exe), "run", "--matrix"], env=env, cwd=tmp,
                               stdout=log, stderr=subprocess.STDOUT)  # fmt: skip
        try:
            wait_for(lambda: ready(http), 120, "the bot connected")
            yield bot_id
        finally:
            stop_bot(bot)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--users", type=int, nargs="+", default=[10, 40])
    add_installation_args(ap)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        server = start_pg(tmp)
        synapse = Synapse(tmp / "synapse").start()
        print(f"load average at start {os.getloadavg()[0]:.1f}")
        print(f"{'installation':12} {'N':>4} {'p50 s':>6} {'p95 s':>6} {'max s':>6} {'lost':>5} "
              f"{'order':>5} {'load':>5}")  # fmt: skip
        try:
            for users in args.users:
                for i, (name, exe) in enumerate(installations(args)):
                    with matrix_bot(exe, tmp, server, synapse, synapse.url, f"{i}_{users}") as bot_id:
                        r = asyncio.run(burst(synapse, bot_id, users))
                    print(f"{name:12} {users:>4} {r['p50']:>6.2f} {r['p95']:>6.2f} {r['max']:>6.2f} "
                          f"{r['lost']:>5} {r['order']:>5} {os.getloadavg()[0]:>5.1f}", flush=True)  # fmt: skip
        finally:
            synapse.stop()
            server.cleanup()


if __name__ == "__main__":
    main()
