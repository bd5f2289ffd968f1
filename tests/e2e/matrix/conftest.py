"""A real Synapse (once per session), the bot as a Matrix user in a thread of its own,
and humans as second nio clients driven from the tests."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from nio import (
    AsyncClientConfig,
    LoginResponse,
    RoomEncryptedFile,
    RoomMessageFile,
    RoomMessageText,
)

from bot.adapters.matrix import KeysOnceClient
from bot.app.config import Settings
from bot.app.run import build_services
from tests.clock import Clock
from tests.e2e.matrix.synapse import Synapse, _free_port

os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")
PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="session")
def synapse(tmp_path_factory):
    server = Synapse(tmp_path_factory.mktemp("synapse")).start()
    yield server
    server.stop()


class MatrixBot:
    """The real service (router, database, adapter) syncing in its own thread."""

    def __init__(self, synapse: Synapse, data_dir: Path, db: Path, user: str, clock: Clock) -> None:
        self.synapse, self.data_dir, self.db, self.user, self.clock = (
            synapse,
            data_dir,
            db,
            user,
            clock,
        )
        self.user_id = f"@{user}:imbot.test"

    def start(self) -> MatrixBot:
        settings = Settings.from_env({
            "IMBOT_DATABASE_URL": f"sqlite:///{self.db}", "IMBOT_DATA_DIR": str(self.data_dir),
            "MATRIX_HOMESERVER": self.synapse.url, "MATRIX_USER": self.user_id, "MATRIX_PASSWORD": PASSWORD,
        })  # fmt: skip
        self.service = build_services(settings, matrix=True, clock=self.clock, sleep=lambda s: None)
        self.people, self.booking = (
            self.service.router.services.people,
            self.service.router.services.booking,
        )
        ready = threading.Event()
        self._error: BaseException | None = None

        async def main() -> None:
            self._loop = asyncio.get_running_loop()
            try:
                await self.service.matrix.connect()
                self._task = asyncio.ensure_future(self.service.matrix.listen())
                ready.set()
                await self._task
            except asyncio.CancelledError:
                pass
            except BaseException as exc:  # surfaced by start()
                self._error = exc
                ready.set()
            finally:
                await self.service.matrix.close()

        self._thread = threading.Thread(target=lambda: asyncio.run(main()), daemon=True)
        self._thread.start()
        if not ready.wait(60) or self._error:
            raise RuntimeError(f"the Matrix bot did not start: {self._error}")
        return self

    def stop(self) -> None:
        self._loop.call_soon_threadsafe(self._task.cancel)
        self._thread.join(30)

    def tick(self):
        return self.service.tick()


class Human:
    """A person in Element, played by a second nio client."""

    def __init__(self, synapse: Synapse, store: Path, name: str, encrypted: bool = False) -> None:
        self.user_id = synapse.register(name, PASSWORD)
        config = AsyncClientConfig(encryption_enabled=encrypted, store_sync_tokens=False)
        store.mkdir(parents=True, exist_ok=True)
        # nio's client as the bot uses it: two key queries never race (see KeysOnceClient)
        self.client = KeysOnceClient(
            synapse.url, self.user_id, store_path=str(store), config=config
        )
        self.received: list[tuple[str, str, str]] = []  # (room, event id, body)
        self.files: list[dict] = []

    async def login(self) -> None:
        resp = await self.client.login(PASSWORD, device_name="element")
        assert isinstance(resp, LoginResponse), resp
        if self.client.should_upload_keys:
            await self.client.keys_upload()  # Element publishes its device keys at login
        await self.client.sync(timeout=0, full_state=True)

        async def on_text(room, event) -> None:
            if event.sender != self.user_id:
                self.received.append((room.room_id, event.event_id, event.body))

        async def on_file(room, event) -> None:
            if event.sender != self.user_id:
                self.files.append(event.source["content"])

        self.client.add_event_callback(on_text, RoomMessageText)
        self.client.add_event_callback(on_file, (RoomMessageFile, RoomEncryptedFile))

    async def open_dm(self, bot_id: str, encrypted: bool = False) -> str:
        state = [
            {
                "type": "m.room.encryption",
                "state_key": "",
                "content": {"algorithm": "m.megolm.v1.aes-sha2"},
            }
        ]
        resp = await self.client.room_create(
            invite=[bot_id], is_direct=True, initial_state=state if encrypted else []
        )
        room_id = resp.room_id
        await self.until(lambda: room_id in self.client.rooms and bot_id in self.client.rooms[room_id].users,
                         f"{bot_id} joins")  # fmt: skip
        return room_id

    async def say(self, room_id: str, text: str) -> str:
        if self.client.should_query_keys:
            await self.client.keys_query()
        resp = await self.client.room_send(room_id, "m.room.message", {"msgtype": "m.text", "body": text},
                                           ignore_unverified_devices=True)  # fmt: skip
        return resp.event_id

    async def react(self, room_id: str, event_id: str, key: str = "👍") -> None:
        content = {"m.relates_to": {"rel_type": "m.annotation", "event_id": event_id, "key": key}}
        await self.client.room_send(room_id, "m.reaction", content, ignore_unverified_devices=True)

    async def until(self, condition, what: str, timeout: float = 30) -> None:
        """Sync until `condition()` holds."""
        deadline = asyncio.get_running_loop().time() + timeout
        while not condition():
            if asyncio.get_running_loop().time() > deadline:
                got = [b[:60] for _, _, b in self.received[-5:]]
                raise AssertionError(f"timed out waiting until {what}; last received: {got}")
            await self.client.sync(timeout=1000)
            if self.client.should_query_keys:
                await self.client.keys_query()

    async def wait_for(
        self, fragment: str, room_id: str | None = None, after: int = 0
    ) -> tuple[str, str]:
        def found():
            return next(((e, b) for r, e, b in self.received[after:]
                         if fragment in b and (room_id is None or r == room_id)), None)  # fmt: skip

        await self.until(lambda: found() is not None, f"a message with {fragment!r}")
        return found()

    def count(self, fragment: str) -> int:
        return sum(fragment in b for _, _, b in self.received)

    async def close(self) -> None:
        await self.client.close()


class BotProcess:
    """`imbot run --matrix` as a user runs it, in a process of its own."""

    def __init__(
        self, synapse: Synapse, tmp_path: Path, user_id: str | None = None, **env_extra: str
    ) -> None:
        """`user_id`: the bot's account of an earlier run (a restart); `env_extra`: more
        settings (e.g. IMBOT_TICK_SECONDS)."""
        name = f"imbotproc{uuid.uuid4().hex[:6]}"
        self.user_id = user_id or synapse.register(name, PASSWORD)
        env = {**os.environ, "MATRIX_HOMESERVER": synapse.url, "MATRIX_USER": self.user_id,
               "MATRIX_PASSWORD": PASSWORD, "IMBOT_DATABASE_URL": f"sqlite:///{tmp_path / 'proc.db'}",
               "IMBOT_DATA_DIR": str(tmp_path / "proc-data"), "NO_PROXY": "127.0.0.1,localhost", "IMBOT_HTTP_HOST": "127.0.0.1", "IMBOT_HTTP_PORT": str(_free_port()),
               "IMBOT_LOG_LEVEL": "INFO", **env_extra}  # fmt: skip
        self.env = env
        imbot = Path(sys.executable).with_name("imbot")
        self.proc = subprocess.Popen([str(imbot), "run", "--matrix"], env=env, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True)  # fmt: skip
        self.output = ""

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        self.output, _ = self.proc.communicate(timeout=60)
        return self.proc.returncode


@pytest.fixture
def bot_process(synapse, tmp_path):
    """The bot in its own process: needed beside an encrypting test client, because
    two nio crypto stores in one process share peewee's model binding."""
    running = BotProcess(synapse, tmp_path)
    yield running
    running.stop()


@pytest.fixture
def clock():
    return Clock(datetime(2026, 3, 2, 8, 0, tzinfo=UTC))


@pytest.fixture
def bot(synapse, tmp_path, clock, migrated_sqlite):
    name = f"imbot{uuid.uuid4().hex[:8]}"
    migrated_sqlite(tmp_path / "bot.db")  # the bot's start-up migration is then a no-op
    synapse.register(name, PASSWORD)
    running = MatrixBot(synapse, tmp_path / "data", tmp_path / "bot.db", name, clock).start()
    yield running
    running.stop()


@pytest.fixture
def human(synapse, tmp_path):
    def make(prefix: str = "anna", encrypted: bool = False) -> Human:
        return Human(
            synapse, tmp_path / f"human-{prefix}", f"{prefix}{uuid.uuid4().hex[:6]}", encrypted
        )

    return make
