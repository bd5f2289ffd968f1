"""One chat's messages in order through the outbox, on SQLite and PostgreSQL: a row
that waits for a retry holds back the chat's later rows (also the rest of the batch);
a chat that blocked the bot gets none of the rest of the batch; direct replies queued
by an adapter (`enqueue_behind`) wait behind what the outbox owes the chat.

On main the dispatcher sent the rest of the batch while the first row waited: the
person got messages 2 and 3 before 1; and after a 403 it still sent 2 and 3."""

from datetime import UTC, datetime, timedelta

import pytest

from bot.app.wiring import enqueue_behind, enqueue_notices
from bot.messages import Address, Outbound
from jobs.dispatch import Dispatcher, RetryAfter, TransientError, Unreachable
from storage import outbox
from storage.repo import session_factory
from tests.clock import Clock
from tests.senders import Recorder

START = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


@pytest.fixture
def sessions(engine):
    return session_factory(engine)


@pytest.fixture
def clock():
    return Clock(START)


def _queue(sessions, clock, chat: str, *texts: str, due: datetime | None = None) -> None:
    drafts = [
        outbox.Draft("notice", f"{chat}:{text}", "test", chat, text, due or clock.now)
        for text in texts
    ]
    with sessions() as s:
        outbox.enqueue(s, drafts, clock.now)
        s.commit()


def _reply(chat: str, text: str) -> Outbound:
    return Outbound(text, to=Address("test", chat))


def _worker(sessions, clock, sender) -> Dispatcher:
    return Dispatcher(
        sessions,
        {"test": sender},
        clock=clock,
        sleep=lambda s: None,
        backoff=timedelta(seconds=10),
    )


def _texts(sender, chat: str) -> list[str]:
    return [d.text for d in sender.sent if d.chat_id == chat]


@pytest.mark.parametrize("failure", [TransientError("reset"), RetryAfter(20)])
def test_a_row_waiting_for_a_retry_holds_back_the_rest_of_its_chat(sessions, clock, failure):
    _queue(sessions, clock, "anna", "1", "2", "3")
    _queue(sessions, clock, "tom", "hi")
    sender = Recorder()
    sender.failures = [failure]
    worker = _worker(sessions, clock, sender)
    first = worker.tick()
    assert _texts(sender, "anna") == [] and _texts(sender, "tom") == ["hi"]  # others go on
    assert (first.sent, first.retried) == (1, 1)
    enqueue_notices(sessions, [_reply("anna", "4")], clock.now)  # news meanwhile: behind too
    clock.now += timedelta(seconds=30)  # past the retry
    worker.tick()
    assert _texts(sender, "anna") == ["1", "2", "3", "4"]
    with sessions() as s:
        attempts = dict(s.query(outbox.OutboxRow.text, outbox.OutboxRow.attempts))
    assert attempts == {"1": 2, "2": 1, "3": 1, "4": 1, "hi": 1}  # waiting is no try


def test_a_chat_that_blocked_the_bot_gets_none_of_the_rest_of_the_batch(sessions, clock):
    _queue(sessions, clock, "anna", "1", "2", "3")
    sender = Recorder()
    sender.failures = [Unreachable("Forbidden: bot was blocked by the user")]
    stats = _worker(sessions, clock, sender).tick()
    assert stats.unreachable == 3 and sender.sent == []
    with sessions() as s:
        states = set(s.scalars(outbox.select(outbox.OutboxRow.state)))
    assert states == {outbox.UNREACHABLE}


def test_direct_replies_queue_behind_what_the_outbox_owes_the_chat(sessions, clock):
    """Only when it owes the chat something (asked with `only_if_owed`): a reminder
    due tomorrow is owed nobody yet; a row waiting for its retry is."""
    _queue(sessions, clock, "anna", "tomorrow", due=START + timedelta(days=1))
    assert not enqueue_behind(sessions, [_reply("anna", "x")], clock.now, only_if_owed=True)
    _queue(sessions, clock, "anna", "1")
    sender = Recorder()
    sender.failures = [TransientError("reset")]
    worker = _worker(sessions, clock, sender)
    worker.tick()  # "1" waits for its retry in ~10 s
    clock.now += timedelta(seconds=1)
    assert enqueue_behind(sessions, [_reply("anna", "2")], clock.now, only_if_owed=True)
    assert enqueue_behind(sessions, [_reply("anna", "3")], clock.now)
    assert not enqueue_behind(sessions, [_reply("tom", "hi")], clock.now, only_if_owed=True)
    worker.tick()
    assert sender.sent == []  # "2" and "3" do not overtake "1"
    clock.now += timedelta(seconds=20)
    worker.tick()
    assert _texts(sender, "anna") == ["1", "2", "3"]
    clock.now += timedelta(days=1)
    worker.tick()
    assert _texts(sender, "anna") == ["1", "2", "3", "tomorrow"]
