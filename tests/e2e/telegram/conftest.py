"""The real bot (unmodified python-telegram-bot) against the in-repo fake Bot API,
polling in a thread of its own, on a fresh SQLite database and a movable clock."""

from __future__ import annotations

import asyncio
import os
import threading
from datetime import UTC, datetime

import pytest

from bot.app.config import Settings
from bot.app.run import build_services
from tests.clock import Clock, VirtualTime
from tests.e2e.telegram.fake_bot_api import FakeBotAPI

os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")


class RunningBot:
    def __init__(self, api: FakeBotAPI, tmp_path, clock: Clock) -> None:
        settings = Settings.from_env({
            "IMBOT_DATABASE_URL": f"sqlite:///{tmp_path / 'bot.db'}",
            "TELEGRAM_TOKEN": api.token, "TELEGRAM_BASE_URL": api.base_url,
        })  # fmt: skip
        pace = VirtualTime()  # pacing waits cost no wall time
        self.service = build_services(
            settings, telegram=True, clock=clock, monotonic=pace.monotonic, sleep=pace.sleep
        )
        self.people = self.service.router.services.people
        self.booking = self.service.router.services.booking
        self._stop: asyncio.Event | None = None
        self._ready = threading.Event()
        self._thread = threading.Thread(target=lambda: asyncio.run(self._main()), daemon=True)

    async def _main(self) -> None:
        app = self.service.application
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        await app.initialize()
        await app.post_init(app)  # what run_polling does after initialize
        await app.start()
        await app.updater.start_polling(poll_interval=0.0, timeout=1, drop_pending_updates=False)
        self._ready.set()
        await self._stop.wait()
        await app.updater.stop()
        await app.stop()
        await app.shutdown()
        await app.post_shutdown(app)

    def start(self) -> RunningBot:
        self._thread.start()
        if not self._ready.wait(20):
            raise RuntimeError("the bot did not start polling")
        return self

    def stop(self) -> None:
        self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(20)

    def tick(self):
        return self.service.tick()


@pytest.fixture
def api():
    server = FakeBotAPI().start()
    yield server
    server.stop()


@pytest.fixture
def clock():
    return Clock(datetime(2026, 3, 2, 8, 0, tzinfo=UTC))  # Monday 09:00 in Berlin


@pytest.fixture
def bot(api, tmp_path, clock, migrated_sqlite):
    migrated_sqlite(tmp_path / "bot.db")  # the bot's start-up migration is then a no-op
    running = RunningBot(api, tmp_path, clock).start()
    yield running
    running.stop()


SHORT_READ_TIMEOUT = 0.5  # seconds: a Telegram that stalls longer costs a test this much


@pytest.fixture
def impatient_bot(api, tmp_path, clock, migrated_sqlite, monkeypatch):
    """The running bot with a short read timeout, for tests where Telegram stalls."""
    from functools import partial

    from bot.adapters import telegram as telegram_adapter
    from bot.adapters.telegram_http import AiohttpRequest

    monkeypatch.setattr(
        telegram_adapter, "AiohttpRequest", partial(AiohttpRequest, read_timeout=SHORT_READ_TIMEOUT)
    )
    migrated_sqlite(tmp_path / "bot.db")
    running = RunningBot(api, tmp_path, clock).start()
    yield running
    running.stop()
