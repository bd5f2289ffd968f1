"""Races on SQLite and on a real PostgreSQL: no double booking, ever."""

import threading
from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import pytest

from bot.booking.base import BookingError
from bot.booking.rules import Rules
from bot.booking.service import JourFixe
from bot.booking.timeparse import Window
from bot.people import People
from storage.repo import session_factory
from tests.people import pair_with_buddy

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
SLOT = datetime(2026, 3, 3, 10, 0, tzinfo=BERLIN)


def run_together(functions):
    """Start all functions at once (a barrier), return what each returned or raised."""
    barrier, results = threading.Barrier(len(functions)), [None] * len(functions)

    def wrap(i, fn):
        barrier.wait()
        try:
            results[i] = fn()
        except Exception as exc:
            results[i] = exc

    threads = [threading.Thread(target=wrap, args=(i, fn)) for i, fn in enumerate(functions)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return results


@pytest.fixture
def booking(engine):
    sessions = session_factory(engine)
    jf = JourFixe(sessions, lambda: NOW, Rules())
    names = [f"Expert {i}" for i in range(50)]
    tuesdays = [Window(time(10), time(12), weekday=1)]
    ids = pair_with_buddy(People(sessions, lambda: NOW), jf, "Bernd", names, tuesdays)
    return jf, ids["Bernd"], [ids[name] for name in names]


def test_fifty_experts_race_for_one_slot(booking):
    jf, buddy, experts = booking
    results = run_together([lambda e=e: jf.request(e, SLOT) for e in experts])
    booked = [r for r in results if isinstance(r, list)]
    refused = [r for r in results if isinstance(r, BookingError)]
    assert len(booked) == 1, results
    assert len(refused) == 49 and all(r.key == "slot_taken" for r in refused)
    assert all(SLOT not in r.alternatives for r in refused)
    upcoming = jf.upcoming(buddy)
    assert [m.starts_at for m in upcoming] == [SLOT]


def test_concurrent_confirm_and_cancel_end_consistent(booking):
    jf, buddy, experts = booking
    for _ in range(5):
        [m] = jf.request(experts[0], jf.slots(experts[0], limit=1)[0])
        results = run_together(
            [
                lambda mid=m.id: jf.decide(buddy, mid, accept=True),
                lambda mid=m.id: jf.cancel(experts[0], mid),
            ]
        )
        errors = [r for r in results if isinstance(r, Exception)]
        assert all(isinstance(e, BookingError) for e in errors), errors
        final = jf.get(buddy, m.id)
        assert final.state in ("confirmed", "cancelled")
        held = final.starts_at not in jf.slots(experts[1], limit=None)
        assert held == (
            final.state == "confirmed"
        )  # a confirmed meeting holds its slot, a cancelled one not
