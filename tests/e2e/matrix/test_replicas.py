"""Two replicas of `imbot run` on one PostgreSQL, as the README describes for
production: Telegram by webhook behind one address (a round-robin proxy in front of
both), Matrix on one of them. Both start at the same moment on a new database; the
outbox they share sends every message once, each by a replica that serves its
platform."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
import uuid
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from aiohttp import ClientSession, web
from sqlalchemy import func, select

from storage import outbox
from storage.db import make_engine
from storage.models import OutboxRow
from storage.repo import session_factory
from tests.e2e.matrix.conftest import PASSWORD
from tests.e2e.telegram.fake_bot_api import FakeBotAPI, _free_port
from tests.e2e.telegram.test_run_command import _wait_for_port
from tests.integration.conftest import fresh_pg, pg_admin, pg_server  # noqa: F401 - fixtures


class RoundRobin:
    """One public webhook address in front of several replicas (a load balancer)."""

    def __init__(self, backends: list[int]) -> None:
        self.backends, self.port, self.forwarded = backends, _free_port(), Counter()
        self.url = f"http://127.0.0.1:{self.port}/telegram"

    async def _forward(self, request: web.Request) -> web.Response:
        n = sum(self.forwarded.values())
        port = self.backends[n % len(self.backends)]
        self.forwarded[port] += 1
        async with self._client.post(f"http://127.0.0.1:{port}/telegram", data=await request.read(),
                                     headers={"Content-Type": "application/json"}) as resp:  # fmt: skip
            return web.Response(status=resp.status, body=await resp.read())

    def start(self) -> RoundRobin:
        ready = threading.Event()

        def run() -> None:
            self._loop = asyncio.new_event_loop()

            async def serve() -> None:
                self._client = ClientSession()
                app = web.Application()
                app.router.add_post("/telegram", self._forward)
                self._runner = web.AppRunner(app)
                await self._runner.setup()
                await web.TCPSite(self._runner, "127.0.0.1", self.port).start()
                ready.set()

            self._loop.run_until_complete(serve())
            self._loop.run_forever()

        threading.Thread(target=run, daemon=True).start()
        assert ready.wait(10)
        return self

    def stop(self) -> None:
        async def close() -> None:
            await self._client.close()
            await self._runner.cleanup()

        asyncio.run_coroutine_threadsafe(close(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)


def post(url: str, update: dict) -> int:
    request = urllib.request.Request(url, json.dumps(update).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})  # fmt: skip
    with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310 - local test server
        return response.status


def start_update(update_id: int, user: int) -> dict:
    return {"update_id": update_id, "message": {"message_id": update_id, "date": 1700000000, "text": "/start",
            "chat": {"id": user, "type": "private"}, "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
            "from": {"id": user, "is_bot": False, "first_name": "W", "language_code": "de"}}}  # fmt: skip


def test_two_webhook_replicas_and_matrix_on_one_postgresql(synapse, human, fresh_pg, tmp_path):  # noqa: F811
    url = fresh_pg()  # a new database: both replicas migrate and seed it at the same moment
    api = FakeBotAPI().start()
    ports = [_free_port(), _free_port()]
    proxy = RoundRobin(ports).start()
    bot_id = synapse.register(f"imbot{uuid.uuid4().hex[:6]}", PASSWORD)
    imbot = Path(sys.executable).with_name("imbot")
    common = {**os.environ, "IMBOT_DATABASE_URL": url, "TELEGRAM_TOKEN": api.token,
              "TELEGRAM_BASE_URL": api.base_url, "TELEGRAM_WEBHOOK_URL": proxy.url,
              "TELEGRAM_WEBHOOK_LISTEN": "127.0.0.1", "IMBOT_TICK_SECONDS": "1",
              "IMBOT_HTTP_HOST": "127.0.0.1", "NO_PROXY": "127.0.0.1,localhost"}  # fmt: skip
    with_matrix = {**common, "TELEGRAM_WEBHOOK_PORT": str(ports[0]), "IMBOT_HTTP_PORT": str(_free_port()),
                   "IMBOT_DATA_DIR": str(tmp_path / "a"), "MATRIX_HOMESERVER": synapse.url,
                   "MATRIX_USER": bot_id, "MATRIX_PASSWORD": PASSWORD}  # fmt: skip
    telegram_only = {**common, "TELEGRAM_WEBHOOK_PORT": str(ports[1]), "IMBOT_HTTP_PORT": str(_free_port()),
                     "IMBOT_DATA_DIR": str(tmp_path / "b")}  # fmt: skip
    replicas = [
        subprocess.Popen([str(imbot), "run"], env=with_matrix, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, text=True),
        subprocess.Popen([str(imbot), "run", "--telegram"], env=telegram_only, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, text=True),
    ]  # fmt: skip
    anna = human("anna")
    try:
        for port in ports:
            _wait_for_port(port, timeout=60)
        # Telegram: updates through the one address reach both replicas; all answered
        users = range(5000, 5020)
        for i, user in enumerate(users):
            assert post(proxy.url, start_update(i + 1, user)) == 200
        for user in users:
            api.wait_for_text(user, "Hallo!", timeout=30)
        assert all(proxy.forwarded[port] == 10 for port in ports)

        engine = make_engine(url)
        sessions = session_factory(engine)

        async def matrix_and_outbox() -> None:
            # Matrix, on the first replica only
            await anna.login()
            room = await anna.open_dm(bot_id)
            await anna.wait_for("Hallo! Ich bin der Bot", room)
            await anna.say(room, "Bis wann kann man sich bewerben?")
            await anna.wait_for("3. Mai 2023", room)
            # the shared outbox: each Telegram message once (either replica), Matrix by the first
            now = datetime.now(UTC)
            drafts = [
                outbox.Draft(
                    kind="notice",
                    dedupe_key=f"tg{i}",
                    platform="telegram",
                    chat_id=str(6000 + i),
                    text=f"Rundbrief {i}",
                    due_at=now,
                )
                for i in range(60)
            ]
            drafts += [outbox.Draft(kind="notice", dedupe_key=f"mx{i}", platform="matrix",
                                    chat_id=room, text=f"Matrix-Nachricht {i}", due_at=now) for i in range(3)]  # fmt: skip
            with sessions() as s:
                outbox.enqueue(s, drafts, now)
                s.commit()
            await anna.until(lambda: anna.count("Matrix-Nachricht") >= 3, "3 outbox messages")
            await anna.close()

        asyncio.run(matrix_and_outbox())
        api.wait_until(lambda: sum("Rundbrief" in s.text for s in api.sent) >= 60, timeout=60)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:  # the last settle may trail the send by a moment
            with sessions() as s:
                unsent = s.scalar(select(func.count()).where(OutboxRow.state != "sent"))
            if not unsent:
                break
            time.sleep(0.1)
        engine.dispose()
        assert unsent == 0
        rundbrief = Counter(s.text for s in api.sent if "Rundbrief" in s.text)
        assert len(rundbrief) == 60 and max(rundbrief.values()) == 1
    finally:
        outputs = []
        for proc in replicas:
            proc.send_signal(signal.SIGTERM)
            outputs.append(proc.communicate(timeout=60)[0])
        proxy.stop()
        api.stop()
    assert [p.returncode for p in replicas] == [0, 0], outputs
    assert not any("Traceback" in out for out in outputs), outputs
