"""An outbox message sent in several parts (a long text split for the platform, then
its calendar file) whose later part fails: the parts delivered are kept in the row
(`parts_sent`), and the retry sends only the rest, on SQLite and PostgreSQL.

On main the retry sent the whole message again: the first part arrived twice."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from jobs.dispatch import Dispatcher, Rejected, RetryAfter, TransientError, Unreachable
from storage import outbox
from storage.models import OutboxRow
from storage.repo import session_factory
from tests.clock import Clock

START = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


class Parted:
    """A sender whose messages go out in parts ("a|b|c": three calls); a part can be
    told to fail once (`fail_at[text of the part] = error`). Like the adapters, it
    skips the parts an earlier try delivered and tells, on a failure, how many went."""

    platform = "test"
    rate_per_second = None
    per_chat_seconds = None

    def __init__(self):
        self.arrived: list[str] = []
        self.fail_at: dict[str, Exception] = {}
        self.skipped: list[int] = []

    def send(self, delivery):
        self.skipped.append(delivery.parts_sent)
        sent = delivery.parts_sent
        for i, part in enumerate(delivery.text.split("|")):
            if i < sent:
                continue
            if part in self.fail_at:
                error = self.fail_at.pop(part)
                error.parts_sent = sent
                raise error
            self.arrived.append(part)
            sent = i + 1


@pytest.fixture
def sessions(engine):
    return session_factory(engine)


@pytest.fixture
def clock():
    return Clock(START)


def _queue(sessions, clock, *texts: str, chat: str = "anna") -> None:
    drafts = [outbox.Draft("notice", f"{chat}:{t}", "test", chat, t, clock.now) for t in texts]
    with sessions() as s:
        outbox.enqueue(s, drafts, clock.now)
        s.commit()


def _rows(sessions) -> dict[str, tuple[str, int]]:
    with sessions() as s:
        rows = s.scalars(select(OutboxRow)).all()
        return {r.text: (r.state, r.parts_sent) for r in rows}


def _worker(sessions, clock, sender) -> Dispatcher:
    return Dispatcher(
        sessions, {"test": sender}, clock=clock, sleep=lambda s: None, backoff=timedelta(seconds=10)
    )


@pytest.mark.parametrize("failure", [TransientError("502"), RetryAfter(20), OSError("reset")])
def test_a_retry_sends_only_the_parts_not_delivered(sessions, clock, failure):
    _queue(sessions, clock, "eins|zwei|drei", "danach")
    sender = Parted()
    sender.fail_at["zwei"] = failure
    worker = _worker(sessions, clock, sender)
    first = worker.tick()
    assert sender.arrived == ["eins"] and first.retried == 1
    assert _rows(sessions)["eins|zwei|drei"] == (outbox.PENDING, 1)
    clock.now += timedelta(minutes=1)  # past the retry
    worker.tick()
    assert sender.arrived == ["eins", "zwei", "drei", "danach"]  # each once, in order
    assert sender.skipped == [0, 1, 0]
    assert _rows(sessions) == {"eins|zwei|drei": (outbox.SENT, 1), "danach": (outbox.SENT, 0)}


def test_parts_are_counted_over_several_failed_tries(sessions, clock):
    _queue(sessions, clock, "a|b|c|d")
    sender = Parted()
    sender.fail_at.update(b=TransientError("502"), d=TransientError("timeout"))
    worker = _worker(sessions, clock, sender)
    for _ in range(3):
        worker.tick()
        clock.now += timedelta(minutes=5)
    assert sender.arrived == ["a", "b", "c", "d"] and sender.skipped == [0, 1, 3]
    assert _rows(sessions)["a|b|c|d"] == (outbox.SENT, 3)


@pytest.mark.parametrize(
    ("failure", "state"),
    [(Rejected("too long"), outbox.FAILED), (Unreachable("blocked"), outbox.UNREACHABLE)],
)
def test_a_message_given_up_keeps_what_was_delivered(sessions, clock, failure, state):
    _queue(sessions, clock, "eins|zwei")
    sender = Parted()
    sender.fail_at["zwei"] = failure
    _worker(sessions, clock, sender).tick()
    assert sender.arrived == ["eins"]
    assert _rows(sessions)["eins|zwei"] == (state, 1)  # `imbot admin outbox` can tell


def test_a_sender_that_tells_nothing_is_retried_whole(sessions, clock):
    """An error without `parts_sent` (a sender of one part, an unforeseen error):
    the retry sends the whole message, as before (at least once)."""
    _queue(sessions, clock, "eins")
    sender = Parted()
    sender.fail_at["eins"] = TransientError("502")
    sender.fail_at["eins"].parts_sent = None
    worker = _worker(sessions, clock, sender)
    worker.tick()
    clock.now += timedelta(minutes=1)
    worker.tick()
    assert sender.arrived == ["eins"] and sender.skipped == [0, 0]


def test_only_the_worker_holding_the_row_records_its_parts(sessions, clock):
    _queue(sessions, clock, "eins|zwei")
    with sessions() as s:
        (row,) = outbox.claim(s, "w1", clock.now, timedelta(seconds=15), 10)
        s.commit()
        assert not outbox.parts_delivered(s, row.id, "w2", 1)  # not its claim
        assert outbox.parts_delivered(s, row.id, "w1", 1)
        assert not outbox.parts_delivered(s, row.id, "w1", 1)  # never down, no-op the same
        s.commit()
    assert _rows(sessions)["eins|zwei"] == (outbox.CLAIMED, 1)


def test_a_delivered_message_whose_choices_cannot_be_kept_is_not_sent_again(sessions, clock):
    """The senders are wrapped to tell the router which choices a chat was shown; an
    error there (the database away a moment) came after the message was delivered, and
    made the dispatcher send it again (on main: twice)."""
    from bot.app.wiring import showing_choices

    class Router:
        def shown(self, *args):
            raise RuntimeError("database away")

    draft = outbox.Draft(
        "notice", "k", "test", "anna", "Termin?", clock.now, buttons=(("Ja", "yes", True),)
    )
    with sessions() as s:
        outbox.enqueue(s, [draft], clock.now)
        s.commit()
    sender = Parted()
    worker = Dispatcher(sessions, {"test": showing_choices(sender, Router())}, clock=clock)
    assert worker.tick().sent == 1
    clock.now += timedelta(hours=1)
    worker.tick()
    assert sender.arrived == ["Termin?"]
    assert _rows(sessions)["Termin?"] == (outbox.SENT, 0)
