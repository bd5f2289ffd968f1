"""Several dispatchers on one PostgreSQL database, and pacing by platform limits."""

import threading
from collections import Counter
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from jobs.dispatch import Dispatcher
from storage import outbox
from storage.models import OutboxRow
from storage.repo import session_factory
from tests.clock import VirtualTime
from tests.senders import Recorder

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def fill(sessions, n, chats=50, platform="test"):
    drafts = [outbox.Draft(kind="notice", dedupe_key=f"k{i}", platform=platform, chat_id=f"c{i % chats}",
                           text=f"message {i}", due_at=NOW - timedelta(seconds=i % 60)) for i in range(n)]  # fmt: skip
    with sessions() as s:
        for start in range(0, n, 500):
            outbox.enqueue(s, drafts[start : start + 500], NOW)
        s.commit()


def test_two_workers_deliver_a_thousand_rows_exactly_once(pg_engine):
    sessions = session_factory(pg_engine)
    fill(sessions, 1000)
    sender = Recorder()
    workers = [
        Dispatcher(sessions, {"test": sender}, clock=lambda: NOW, worker=f"w{i}", batch=20)
        for i in range(2)
    ]
    barrier, stats = threading.Barrier(2), {}

    def run(worker):
        barrier.wait()
        stats[worker.worker] = worker.tick().sent

    threads = [threading.Thread(target=run, args=(w,)) for w in workers]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert (
        stats["w0"] > 0 and stats["w1"] > 0 and stats["w0"] + stats["w1"] == 1000
    )  # both really worked
    counts = Counter(d.dedupe_key for d in sender.sent)
    assert len(counts) == 1000 and max(counts.values()) == 1
    with sessions() as s:
        states = Counter(s.scalars(select(OutboxRow.state)))
    assert states == {"sent": 1000}


class TelegramLike:
    platform = "test"
    rate_per_second = 30
    per_chat_seconds = 1.0

    def __init__(self, clock):
        self.clock, self.log = clock, []

    def send(self, delivery):
        self.log.append((self.clock.monotonic(), delivery.chat_id))


def test_pacing_keeps_telegram_limits(engine):
    sessions = session_factory(engine)
    fill(sessions, 300, chats=5)
    vt = VirtualTime()
    sender = TelegramLike(vt)
    Dispatcher(
        sessions, {"test": sender}, clock=lambda: NOW, monotonic=vt.monotonic, sleep=vt.sleep
    ).tick()
    times = [t for t, _ in sender.log]
    assert len(times) == 300
    # never more than 30 in any one-second window, never two to one chat within a second
    assert all(times[i + 30] - times[i] >= 1.0 - 1e-9 for i in range(len(times) - 30))
    by_chat = {}
    for t, chat in sender.log:
        assert t - by_chat.get(chat, -10) >= 1.0 - 1e-9
        by_chat[chat] = t
    assert times[-1] >= 59  # 300 messages to 5 chats at 1 per chat-second take about a minute
