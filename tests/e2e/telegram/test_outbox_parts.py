"""The outbox through the real python-telegram-bot against the fake Bot API: a message
sent in several Bot API calls (a text over Telegram's 4,096 characters in two parts,
a reminder with its calendar file) whose later call fails is retried from that call:
the parts Telegram took arrive once.

And a read timeout after Telegram took a message (its answer never came): the bot
cannot know whether it arrived (no idempotency key, a bot cannot read its chat), so the
outbox tries again later: a message possibly twice rather than lost, the row's error
saying so. A timeout before the request left (no connection) sent nothing: retried
without that note."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from telegram.error import TimedOut

from bot.adapters import telegram as telegram_adapter
from storage import outbox
from storage.models import OutboxRow
from tests.e2e.telegram.conftest import SHORT_READ_TIMEOUT

ANNA = 101
READ_TIMEOUT = SHORT_READ_TIMEOUT
PARAGRAPH = "Absatz {} " + "x" * 990
LONG = "\n\n".join(PARAGRAPH.format(i) for i in range(6))  # ~6,000 characters: two parts


@pytest.fixture
def bot(impatient_bot):
    return impatient_bot


def _queue(bot, clock, text: str, file: tuple[str, str, bytes] | None = None) -> None:
    draft = outbox.Draft("notice", "k1", "telegram", str(ANNA), text, clock.now, file=file)
    with bot.service.sessions() as s:
        outbox.enqueue(s, [draft], clock.now)
        s.commit()


def _row(bot) -> OutboxRow:
    with bot.service.sessions() as s:
        return s.scalars(select(OutboxRow)).one()


def _calls(api) -> list[tuple[str, str]]:
    return [(s.method, s.text[:9]) for s in api.sent_to(ANNA)]


def test_the_second_part_of_a_long_text_failing_is_retried_alone(bot, api, clock):
    _queue(bot, clock, LONG)
    api.fail_next("sendMessage", 502, chat_id=ANNA, skip=1)  # the 2nd part's call
    first = bot.tick()
    assert (first.sent, first.retried) == (0, 1)
    assert _calls(api) == [("sendMessage", "Absatz 0 ")]
    assert (_row(bot).state, _row(bot).parts_sent) == (outbox.PENDING, 1)
    clock.now += timedelta(minutes=2)  # past the retry
    assert bot.tick().sent == 1
    calls = _calls(api)
    assert [c[0] for c in calls] == ["sendMessage"] * 2  # on main: three (part 1 twice)
    assert calls[1][1] != "Absatz 0 "  # the second part, once
    assert "".join(s.text for s in api.sent_to(ANNA)).count("Absatz") == 6


def test_a_failed_calendar_file_is_retried_without_its_text(bot, api, clock):
    ics = ("termin.ics", "text/calendar", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    _queue(bot, clock, "Erinnerung: Jour Fixe morgen", file=ics)
    api.fail_next("sendDocument", 500, chat_id=ANNA)
    assert bot.tick().retried == 1
    clock.now += timedelta(minutes=2)
    assert bot.tick().sent == 1
    methods = [s.method for s in api.sent_to(ANNA)]
    assert methods == ["sendMessage", "sendDocument"]  # on main: the text twice


def test_a_read_timeout_after_telegram_took_the_message_is_sent_again(bot, api, clock):
    """The decision: at least once. The reminder arrives (twice: the first copy was
    taken, its answer lost); it is never lost, and the row says it may have doubled."""
    _queue(bot, clock, "Erinnerung: Jour Fixe morgen")
    api.take_then_stall_next("sendMessage", READ_TIMEOUT * 4, chat_id=ANNA)
    assert bot.tick().retried == 1
    assert len(api.sent_to(ANNA)) == 1  # Telegram took it ...
    row = _row(bot)
    assert row.state == outbox.PENDING and telegram_adapter.MAYBE_SENT in row.last_error
    assert bot.tick().sent == 0  # ... the retry waits its backoff, not at once
    clock.now += timedelta(minutes=2)
    assert bot.tick().sent == 1
    assert [s.text for s in api.sent_to(ANNA)] == ["Erinnerung: Jour Fixe morgen"] * 2


def test_a_timeout_before_the_request_left_is_no_maybe():
    """Waiting for a connection or connecting timed out: nothing reached Telegram."""
    import aiohttp
    import httpx

    def timed_out(cause: Exception) -> TimedOut:
        try:
            raise TimedOut() from cause
        except TimedOut as exc:
            return exc

    assert not telegram_adapter.maybe_sent(timed_out(httpx.PoolTimeout("pool")))
    assert not telegram_adapter.maybe_sent(timed_out(httpx.ConnectTimeout("connect")))
    assert not telegram_adapter.maybe_sent(timed_out(aiohttp.ConnectionTimeoutError()))
    assert telegram_adapter.maybe_sent(timed_out(httpx.ReadTimeout("read")))
    assert telegram_adapter.maybe_sent(timed_out(aiohttp.SocketTimeoutError()))
    assert telegram_adapter.maybe_sent(timed_out(TimeoutError()))  # aiohttp's total timeout
