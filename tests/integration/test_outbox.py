"""The outbox on SQLite and on a real PostgreSQL: subscriptions, meeting reminders,
delivery policies and faults, with a moved clock and a recording test sender."""

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select, update

from bot.booking.rules import Rules
from bot.booking.service import JourFixe
from bot.booking.timeparse import Window
from bot.people import People
from bot.timeline import Subscriber, Timeline
from jobs.dispatch import Dispatcher, RetryAfter, TransientError, Unreachable
from storage import outbox
from storage.models import ChatIdentity, OutboxRow, Subscription
from storage.repo import session_factory
from tests.clock import Clock
from tests.people import pair_with_buddy
from tests.senders import Recorder
from tests.unit.test_editions import EDITION

BERLIN = ZoneInfo("Europe/Berlin")
ANNA = Subscriber("test", "anna", "chat-anna", "de")


class FixedRandom:
    """The dispatcher's source of jitter, fixed at the middle of its range."""

    def random(self) -> float:
        return 0.5


class Killed(BaseException):
    """The worker process dies (not an Exception: nothing catches it)."""


@pytest.fixture
def sessions(engine):
    return session_factory(engine)


@pytest.fixture
def clock():
    return Clock(datetime(2026, 3, 1, 12, 0, tzinfo=UTC))


@pytest.fixture
def timeline(sessions, clock):
    tl = Timeline(sessions, clock)
    tl.load(EDITION)
    return tl


def dispatcher(sessions, clock, sender, **kw):
    return Dispatcher(sessions, {"test": sender}, clock=clock, sleep=lambda s: None, **kw)


def rows(sessions, **filters):
    with sessions() as s:
        stmt = select(OutboxRow)
        for key, value in filters.items():
            stmt = stmt.where(getattr(OutboxRow, key) == value)
        return list(s.scalars(stmt.order_by(OutboxRow.due_at)))


def test_subscription_pushes_arrive_once_at_their_time(sessions, clock, timeline):
    sender = Recorder()
    _, pending = timeline.subscribe(ANNA)
    assert len(pending) == 3
    worker = dispatcher(sessions, clock, sender)
    assert worker.tick().sent == 0
    clock.now = datetime(2026, 3, 24, 8, 0, tzinfo=UTC)  # 09:00 Berlin, 7 days before
    assert worker.tick().sent == 1 and worker.tick().sent == 0
    assert "in 7 Tagen" in sender.sent[0].text and sender.sent[0].chat_id == "chat-anna"
    timeline.subscribe(ANNA)  # subscribing again plans nothing twice
    clock.now = datetime(2026, 3, 30, 7, 0, tzinfo=UTC)
    dispatcher(sessions, clock, sender).tick()  # a restarted worker
    assert [d.text.split("–")[1].split("(")[0].strip() for d in sender.sent] == [
        "in 7 Tagen",
        "morgen",
    ]


def test_stop_deletes_pending_pushes_and_resubscribing_plans_them_again(sessions, clock, timeline):
    timeline.subscribe(ANNA)
    assert timeline.unsubscribe(ANNA.platform, ANNA.user_id) == 3
    clock.now = datetime(2026, 12, 1, tzinfo=UTC)
    sender = Recorder()
    dispatcher(sessions, clock, sender).tick()
    assert sender.sent == []
    clock.now = datetime(2026, 3, 2, tzinfo=UTC)
    _, pending = timeline.subscribe(ANNA)
    assert len(pending) == 3


def test_reloading_an_edition_replans_without_resending(sessions, clock, timeline):
    timeline.subscribe(ANNA)
    sender = Recorder()
    clock.now = datetime(2026, 3, 24, 8, 0, tzinfo=UTC)
    dispatcher(sessions, clock, sender).tick()
    timeline.load(EDITION.replace("day: 2026-10-01", "day: 2026-10-08"))
    kickoff = [r for r in rows(sessions, state="pending") if ":kickoff:" in r.dedupe_key]
    assert kickoff[0].due_at.astimezone(BERLIN).date().isoformat() == "2026-10-08"
    clock.now = datetime(2026, 12, 1, tzinfo=UTC)
    dispatcher(sessions, clock, sender).tick()
    assert len([d for d in sender.sent if "in 7 Tagen" in d.text]) == 1  # the sent one stays sent


def test_missed_pushes_follow_the_policy(sessions, clock, timeline):
    timeline.subscribe(ANNA)
    sender = Recorder()
    # the bot was down from 1 March to 31 March 10:00: both deadline pushes are late,
    # the deadline (end of 31 March) is still ahead: sent; the kick-off push is not due yet
    clock.now = datetime(2026, 3, 31, 8, 0, tzinfo=UTC)
    stats = dispatcher(sessions, clock, sender).tick()
    assert stats.sent == 2 and stats.dropped == 0
    # down again until after the kick-off day: its push is dropped, not sent
    clock.now = datetime(2026, 10, 2, 8, 0, tzinfo=UTC)
    stats = dispatcher(sessions, clock, sender).tick()
    assert stats.dropped == 1 and len(sender.sent) == 2
    assert rows(sessions, state="dropped")[0].last_error == "event passed before delivery"


def test_a_worker_killed_between_claim_and_mark_is_retried_once(sessions, clock, timeline):
    timeline.subscribe(ANNA)
    clock.now = datetime(2026, 3, 24, 8, 0, tzinfo=UTC)
    sender = Recorder()
    sender.failures = [Killed()]
    with pytest.raises(Killed):
        dispatcher(sessions, clock, sender, worker="w1", lease=timedelta(minutes=2)).tick()
    assert [r.state for r in rows(sessions, kind="timeline") if r.due_at <= clock.now] == [
        "claimed"
    ]
    second = dispatcher(sessions, clock, sender, worker="w2")
    assert second.tick().sent == 0  # the lease of w1 still runs: nobody sends it meanwhile
    clock.now += timedelta(minutes=3)
    assert second.tick().sent == 1 and second.tick().sent == 0
    assert len(sender.sent) == 1


def test_rate_limit_waits_the_servers_time(sessions, clock, timeline):
    timeline.subscribe(ANNA)
    clock.now = datetime(2026, 3, 24, 8, 0, tzinfo=UTC)
    sender = Recorder()
    sender.failures = [RetryAfter(30)]
    worker = dispatcher(sessions, clock, sender)
    stats = worker.tick()
    assert stats.retried == 1 and sender.sent == []
    [row] = [r for r in rows(sessions, state="pending") if "deadline:7" in r.dedupe_key]
    assert row.due_at == clock.now + timedelta(seconds=30)
    clock.now += timedelta(seconds=31)
    assert worker.tick().sent == 1 and len(sender.sent) == 1


def test_network_errors_back_off_then_fail_visibly(sessions, clock, timeline):
    timeline.subscribe(ANNA)
    clock.now = datetime(2026, 3, 24, 8, 0, tzinfo=UTC)
    sender = Recorder()
    sender.failures = [TransientError("connection reset")] * 3
    worker = dispatcher(
        sessions, clock, sender, max_attempts=3, backoff=timedelta(seconds=10), rng=FixedRandom()
    )
    delays = []
    for _ in range(3):
        before = clock.now
        worker.tick()
        pending = [r for r in rows(sessions) if "deadline:7" in r.dedupe_key][0]
        if pending.state == "pending":
            delays.append((pending.due_at - before).total_seconds())
            clock.now = pending.due_at
    assert delays == [11.25, 22.5]  # 10 s, then 20 s, each times 1 + 0.5 / 4 (the jitter)
    [failed] = rows(sessions, state="failed")
    assert failed.attempts == 3 and failed.last_error == "connection reset" and sender.sent == []


def test_a_user_who_blocked_the_bot_is_not_tried_again(sessions, clock, timeline):
    people = People(sessions, clock)
    code = people.invite("expert", "Erika").code
    people.redeem(code, "test", "anna", "chat-anna")
    timeline.subscribe(ANNA)
    clock.now = datetime(2026, 3, 24, 8, 0, tzinfo=UTC)
    sender = Recorder()
    sender.failures = [Unreachable("Forbidden: bot was blocked by the user")]
    stats = dispatcher(sessions, clock, sender).tick()
    assert stats.unreachable == 1
    assert {r.state for r in rows(sessions, chat_id="chat-anna")} == {"unreachable"}
    with sessions() as s:
        assert s.scalar(select(ChatIdentity.unreachable_at)) is not None
        assert s.scalar(select(Subscription.stopped_at)) is not None
    clock.now = datetime(2026, 12, 1, tzinfo=UTC)
    assert dispatcher(sessions, clock, sender).tick().sent == 0


def test_duplicate_dedupe_keys_are_stored_once(sessions, clock):
    draft = outbox.Draft(
        kind="notice", dedupe_key="k1", platform="test", chat_id="c", text="x", due_at=clock.now
    )
    with sessions() as s:
        assert outbox.enqueue(s, [draft], clock.now) == 1
        assert outbox.enqueue(s, [draft, draft], clock.now) == 0
        s.commit()
        assert s.scalar(select(func.count()).select_from(OutboxRow)) == 1


def test_enqueue_compiles_its_insert_once(engine, sessions, clock):
    """Every notice and reminder goes through enqueue: its INSERT is a cached
    statement (compiled once per engine), whichever texts and however many rows, and
    still one statement on the wire for a batch of rows."""
    from sqlalchemy import event
    from sqlalchemy.engine.interfaces import CacheStats

    seen = []

    def remember(conn, cursor, statement, parameters, context, executemany):
        if statement.startswith("INSERT INTO outbox"):
            seen.append(context.cache_hit is CacheStats.CACHE_HIT)

    def drafts(*keys):
        return [
            outbox.Draft(
                kind="notice", dedupe_key=k, platform="test", chat_id="c", text=k, due_at=clock.now
            )
            for k in keys
        ]

    event.listen(engine, "before_cursor_execute", remember)
    with sessions() as s:
        assert outbox.enqueue(s, drafts("a"), clock.now) == 1
        assert outbox.enqueue(s, drafts("b"), clock.now) == 1
        assert outbox.enqueue(s, drafts("c", "d", "a"), clock.now) == 2  # "a" is there
        assert outbox.enqueue(s, drafts("e", "f", "g", "h"), clock.now) == 4
        s.commit()
        assert s.scalar(select(func.count()).select_from(OutboxRow)) == 8
    # one row, and many rows at once: two forms, each compiled once
    assert seen == [False, True, False, True]


# -- Jour Fixe reminders -------------------------------------------------------------------
@pytest.fixture
def pair(sessions, clock):
    jf = JourFixe(sessions, clock, Rules(notice_hours=1, horizon_days=60))
    sundays = [Window(time(10), time(12), weekday=6)]
    ids = pair_with_buddy(People(sessions, clock), jf, "Bernd", ["Erika"], sundays, platform="test")
    return jf, ids


def test_meeting_reminders_24h_and_1h_by_local_time_across_dst(sessions, clock, pair):
    jf, ids = pair
    start = datetime(2026, 3, 29, 10, 0, tzinfo=BERLIN)  # Sunday of the spring switch, 08:00 UTC
    [m] = jf.request(ids["Erika"], start)
    jf.decide(ids["Bernd"], m.id, accept=True)
    reminders = rows(sessions, kind="meeting")
    assert len(reminders) == 4  # 24 h and 1 h, for both
    due = sorted({r.due_at for r in reminders})
    assert due == [
        datetime(2026, 3, 28, 10, 0, tzinfo=BERLIN),
        datetime(2026, 3, 29, 9, 0, tzinfo=BERLIN),
    ]
    assert due[0] == datetime(2026, 3, 28, 9, 0, tzinfo=UTC)  # CET: wall clock, not 24 h of UTC
    # no calendar file is stored: the first reminder's file is made when it is sent
    assert not any(r.file_name for r in reminders)
    sender = Recorder()
    clock.now = datetime(2026, 3, 28, 9, 0, tzinfo=UTC)
    dispatcher(sessions, clock, sender, freshen=jf.as_sent).tick()
    assert sorted(d.chat_id for d in sender.sent) == ["bernd", "erika"]
    assert all(d.file and d.file[1] == "text/calendar" for d in sender.sent)
    assert "Jour Fixe mit Bernd morgen" in next(d.text for d in sender.sent if d.chat_id == "erika")


def test_cancel_and_move_replan_meeting_reminders(sessions, clock, pair):
    jf, ids = pair
    [m] = jf.request(ids["Erika"], datetime(2026, 3, 8, 10, 0, tzinfo=BERLIN))
    jf.decide(ids["Bernd"], m.id, accept=True)
    moved = jf.move(ids["Erika"], m.id, datetime(2026, 3, 15, 11, 0, tzinfo=BERLIN))
    pending = rows(sessions, kind="meeting", state="pending")
    assert len(pending) == 4 and all(
        r.dedupe_key.startswith(f"mt:{m.id}:{moved.sequence}:") for r in pending
    )
    assert min(r.due_at for r in pending) == datetime(2026, 3, 14, 11, 0, tzinfo=BERLIN)
    jf.cancel(ids["Bernd"], m.id)
    assert rows(sessions, kind="meeting", state="pending") == []
    clock.now = datetime(2026, 4, 1, tzinfo=UTC)
    sender = Recorder()
    dispatcher(sessions, clock, sender).tick()
    assert sender.sent == []


def test_buddy_is_reminded_of_an_unanswered_request_until_answered(sessions, clock, pair):
    jf, ids = pair
    [m] = jf.request(ids["Erika"], datetime(2026, 3, 8, 10, 0, tzinfo=BERLIN))
    [pending] = rows(sessions, kind="pending")
    assert pending.chat_id == "bernd" and pending.due_at == clock.now + timedelta(hours=24)
    assert "Erika wartet noch auf Ihre Antwort" in pending.text and "jf:yes" in pending.buttons
    jf.decide(ids["Bernd"], m.id, accept=True)
    assert rows(sessions, kind="pending")[0].state == "cancelled"


def test_personal_reminder_times_replan_upcoming_meetings(sessions, clock, pair):
    jf, ids = pair
    [m] = jf.request(ids["Erika"], datetime(2026, 3, 8, 10, 0, tzinfo=BERLIN))
    jf.decide(ids["Bernd"], m.id, accept=True)
    jf.set_reminders(ids["Erika"], [120])
    erika = [r for r in rows(sessions, kind="meeting", state="pending") if r.chat_id == "erika"]
    assert [r.due_at for r in erika] == [datetime(2026, 3, 8, 8, 0, tzinfo=BERLIN)]
    assert jf.reminder_minutes(ids["Erika"]) == [120]


class Surprise(Exception):
    """An exception type no part of the dispatcher knows."""


class Picky(Recorder):
    """Raises `Surprise` for every message to one chat; sends the others."""

    def __init__(self, bad_chat):
        super().__init__()
        self.bad_chat, self.tries = bad_chat, 0

    def send(self, delivery):
        if delivery.chat_id == self.bad_chat:
            self.tries += 1
            raise Surprise("library bug")
        super().send(delivery)


def test_an_unknown_exception_on_one_row_fails_that_row_only(sessions, clock):
    drafts = [
        outbox.Draft("notice", f"n:{i}", "test", f"chat-{i}", f"text {i}", clock())
        for i in range(30)
    ]
    with sessions() as s:
        outbox.enqueue(s, drafts, clock())
        # a malformed row (its buttons are not JSON) must not stop the batch either
        s.execute(update(OutboxRow).where(OutboxRow.dedupe_key == "n:20").values(buttons="{"))
        s.commit()
    sender = Picky("chat-7")
    d = dispatcher(sessions, clock, sender, batch=10, rng=FixedRandom())
    first = d.tick()
    assert (first.sent, first.retried, first.failed) == (28, 2, 0)
    for _ in range(10):
        clock.now += timedelta(hours=1)
        d.tick()
    assert sorted(x.chat_id for x in sender.sent) == sorted(
        f"chat-{i}" for i in range(30) if i not in (7, 20)
    )
    assert sender.tries == 6
    [bad] = rows(sessions, dedupe_key="n:7")
    assert (bad.state, bad.attempts, bad.last_error) == ("failed", 6, "unexpected Surprise")
    [malformed] = rows(sessions, dedupe_key="n:20")
    assert malformed.state == "failed" and malformed.attempts == 6
