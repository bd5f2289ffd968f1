"""Outbox leases on SQLite and PostgreSQL: a killed worker's rows are free again
within one short lease, a worker that sends longer than its lease keeps its rows
(renewal), and one that lost its lease leaves the rows to the worker that took them."""

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from jobs.dispatch import Dispatcher
from storage import outbox
from storage.models import OutboxRow
from storage.repo import session_factory
from tests.clock import Clock

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


class Killed(BaseException):
    """The worker process dies (not an Exception: nothing catches it)."""


class Sender:
    """Records every delivery; `on_send(n)` runs after the n-th one (kill, move time...)."""

    platform = "test"
    rate_per_second = None
    per_chat_seconds = None

    def __init__(self, on_send=lambda n: None):
        self.keys, self.on_send = [], on_send

    def send(self, delivery):
        self.keys.append(delivery.dedupe_key)
        self.on_send(len(self.keys))


@pytest.fixture
def sessions(engine):
    sessions = session_factory(engine)
    drafts = [
        outbox.Draft(kind="notice", dedupe_key=f"k{i:03}", platform="test", chat_id=f"c{i}",
                     text=f"message {i}", due_at=NOW - timedelta(seconds=100 - i))
        for i in range(100)
    ]  # fmt: skip
    with sessions() as s:
        outbox.enqueue(s, drafts, NOW)
        s.commit()
    return sessions


def states(sessions) -> Counter:
    with sessions() as s:
        return Counter(s.scalars(select(OutboxRow.state)))


def worker(sessions, clock, sender, name, **kw):
    return Dispatcher(sessions, {"test": sender}, clock=clock, worker=name, sleep=lambda s: None, **kw)  # fmt: skip


def test_after_a_kill_the_rest_is_sent_within_one_lease_of_the_restart(sessions):
    clock = Clock(NOW)

    def kill_at_40(n):
        if n == 40:  # sent, but the process dies before it is settled
            raise Killed

    sender = Sender(kill_at_40)
    with pytest.raises(Killed):
        worker(sessions, clock, sender, "first").tick()  # the defaults of `imbot run`
    held = states(sessions)["claimed"]
    assert 1 <= held < 60  # part of a batch was claimed and is stuck with the dead worker

    sender.on_send = lambda n: None
    restarted = worker(sessions, clock, sender, "restarted")
    restarted.tick()  # at once: everything that was not claimed
    assert len(sender.keys) == 100 - held + 1 and states(sessions)["claimed"] == held

    clock.now += restarted.lease + timedelta(seconds=1)  # seconds, not minutes
    assert restarted.lease <= timedelta(seconds=30)
    assert restarted.tick().sent == held
    counts = Counter(sender.keys)
    assert len(counts) == 100  # nothing lost
    assert [k for k, n in counts.items() if n > 1] == ["k039"]  # only the one in flight twice
    assert states(sessions) == {"sent": 100}


def test_a_worker_sending_longer_than_its_lease_keeps_its_rows(sessions):
    """One second per message (one chat's pace): a 30-row batch outlasts a 15 s lease.
    Another worker ticking meanwhile finds nothing to take; nothing is sent twice."""
    clock = Clock(NOW)
    other_sender = Sender()
    other = worker(sessions, clock, other_sender, "other", batch=30)
    taken = []

    def slow(n):
        clock.now += timedelta(seconds=1)
        if n in (20, 29):  # 20 s and 29 s into the first batch
            taken.append(_claimable(sessions, clock))

    sender = Sender(slow)
    first = worker(sessions, clock, sender, "first", batch=30, lease=timedelta(seconds=15))
    first.tick(max_rows=30)
    assert taken == [0, 0]  # the renewed lease kept the batch away from the other worker
    assert len(sender.keys) == 30 and len(set(sender.keys)) == 30
    other.tick()
    assert not set(other_sender.keys) & set(sender.keys)
    assert states(sessions) == {"sent": 100}


def _claimable(sessions, clock) -> int:
    """How many rows another worker could claim now (claims and gives them back)."""
    with sessions() as s:
        rows = outbox.claim(s, "probe", clock(), timedelta(seconds=15), 1000, ("test",))
        first_batch = [r for r in rows if r.chat_id in {f"c{i}" for i in range(30)}]
        s.rollback()
    return len(first_batch)


def test_a_worker_that_lost_its_lease_leaves_the_rows_to_the_one_that_took_them(sessions):
    """The first worker hangs for a minute in one send; the second takes over the batch.
    When the first wakes up it sends none of them: at most the one in flight is repeated."""
    clock = Clock(NOW)
    second_sender = Sender()
    second = worker(sessions, clock, second_sender, "second", batch=100)

    def hang(n):
        if n == 5:
            clock.now += timedelta(minutes=1)
            second.tick()

    first_sender = Sender(hang)
    worker(sessions, clock, first_sender, "first", batch=30).tick()
    counts = Counter(first_sender.keys + second_sender.keys)
    assert len(counts) == 100
    assert sum(n - 1 for n in counts.values()) <= 1
    assert len(first_sender.keys) == 5  # after the hang it sent none of the rows it had lost
    assert states(sessions) == {"sent": 100}
