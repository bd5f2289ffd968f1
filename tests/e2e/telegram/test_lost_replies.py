"""A direct reply that Telegram does not take is never lost, never doubled, and
never overtaken: it goes to the outbox with the replies after it, and the chat's
next replies queue behind it until the outbox has sent it.

Each failure hits the reply to Anna's question once (a 5xx, a connection closed
without an answer, a read that times out, 429s beyond what the bot waits, a 403);
Anna then asks again. On main the first answer was lost (and Anna got an apology
for an error instead, before the second answer)."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import pytest
from sqlalchemy import select

from storage import outbox
from storage.models import OutboxRow
from tests.e2e.telegram.conftest import SHORT_READ_TIMEOUT

ANNA, TOM = 101, 102
DEADLINE = "Bis wann kann man sich bewerben?"  # answered with "3. Mai 2023"
PARTY = "Welche Partei regiert in Torgau?"  # answered with "keine sichere Antwort"
SORRY = "etwas schiefgelaufen"
READ_TIMEOUT = SHORT_READ_TIMEOUT


@pytest.fixture
def bot(impatient_bot):
    return impatient_bot


def _fail(api, failure: str) -> None:
    match failure:
        case "500" | "502":
            api.fail_next("sendMessage", int(failure), chat_id=ANNA)
        case "network":
            api.drop_next("sendMessage", chat_id=ANNA)
        case "timeout":
            api.stall_next("sendMessage", READ_TIMEOUT * 4, chat_id=ANNA)
        case "429":  # one more than the rate limiter's retries
            for _ in range(3):
                api.fail_next("sendMessage", 429, chat_id=ANNA, retry_after=1)


def _owed(bot, chat: int) -> int:
    with bot.service.sessions() as s:
        rows = s.scalars(
            select(OutboxRow).where(
                OutboxRow.chat_id == str(chat), OutboxRow.state == outbox.PENDING
            )
        ).all()
    return len(rows)


def _until(condition, timeout: float = 10.0) -> None:
    """Wait (polling) until `condition()` holds: the bot's work in its own thread."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        threading.Event().wait(0.02)


def _greeted(api) -> None:
    """Anna's /start: the greeting, then that no call is open (two messages)."""
    api.user_says(ANNA, "/start")
    api.wait_for_text(ANNA, "Zurzeit läuft keine Ausschreibung")


def _texts(api, chat: int) -> list[str]:
    return [s.text for s in api.sent_to(chat) if s.method == "sendMessage"]


def _answered(api, chat: int, fragment: str) -> bool:
    return any(fragment in text for text in _texts(api, chat))


@pytest.mark.parametrize("failure", ["500", "502", "network", "timeout", "429"])
def test_a_reply_telegram_does_not_take_is_sent_by_the_outbox_once_and_in_order(
    bot, api, clock, failure
):
    _greeted(api)
    _fail(api, failure)
    api.user_says(ANNA, DEADLINE)
    _until(lambda: api.failures_left() == 0)
    api.user_says(ANNA, PARTY)  # while the first answer waits in the outbox
    _until(lambda: _owed(bot, ANNA) == 2 or _answered(api, ANNA, "keine sichere Antwort"))
    clock.now += timedelta(seconds=2)  # past a 429's retry_after
    bot.tick()
    texts = _texts(api, ANNA)
    assert [t for t in texts if SORRY in t] == []  # no apology for an error
    assert len(texts) == 4, [t[:50] for t in texts]  # the greeting (2), two answers, once
    assert "Hallo!" in texts[0] and "3. Mai 2023" in texts[2]
    assert "keine sichere Antwort" in texts[3]  # in the order asked
    assert _owed(bot, ANNA) == 0 and bot.tick().sent == 0
    api.user_says(ANNA, "/start")  # nothing owed any more: answered at once again
    api.wait_until(lambda: len(_texts(api, ANNA)) == 6)


def test_a_long_429_is_waited_for_by_the_outbox_not_by_everyone(bot, api, clock):
    """Telegram asks to wait a minute for Anna's chat: the bot does not hold every
    chat for that minute (python-telegram-bot's rate limiter stops all sends while it
    waits); Tom is answered at once, Anna's reply goes out after the minute."""
    _greeted(api)
    api.fail_next("sendMessage", 429, chat_id=ANNA, retry_after=60)
    api.user_says(ANNA, DEADLINE)
    _until(lambda: api.failures_left() == 0)
    api.user_says(TOM, "/start", lang="en")
    api.wait_for_text(TOM, "Hello!", timeout=5)
    _until(lambda: _owed(bot, ANNA) == 1, timeout=5)
    api.user_says(ANNA, PARTY)  # queued behind the first answer
    _until(lambda: _owed(bot, ANNA) == 2, timeout=5)
    api.fail_next("sendMessage", 429, chat_id=ANNA, retry_after=60)  # the minute is not over
    first = bot.tick()
    assert (first.sent, first.retried) == (0, 1)  # the second reply waits behind the first
    clock.now += timedelta(seconds=61)
    assert bot.tick().sent == 2
    texts = _texts(api, ANNA)
    assert len(texts) == 4 and "3. Mai 2023" in texts[2] and "keine sichere" in texts[3]


def test_a_reply_to_a_user_who_blocked_the_bot_is_tried_once_and_the_chat_marked(bot, api, clock):
    """403 'bot was blocked by the user': the outbox tries the reply once, marks the chat
    unreachable and gives up, as for a reminder; nothing is tried again later."""
    _greeted(api)
    api.fail_next("sendMessage", 403, chat_id=ANNA)
    api.user_says(ANNA, DEADLINE)
    _until(lambda: api.failures_left() == 0)
    _until(lambda: _owed(bot, ANNA) == 1, timeout=5)
    api.user_says(ANNA, PARTY)  # the user who blocked the bot cannot write; still:
    _until(lambda: _owed(bot, ANNA) == 2, timeout=5)
    api.fail_next("sendMessage", 403, chat_id=ANNA)  # still blocked
    assert bot.tick().unreachable == 2  # the other reply is given up with it
    with bot.service.sessions() as s:
        states = s.scalars(select(OutboxRow.state).where(OutboxRow.chat_id == str(ANNA))).all()
    assert states == [outbox.UNREACHABLE] * 2
    clock.now += timedelta(hours=2)
    assert bot.tick().sent == 0 and _owed(bot, ANNA) == 0
    assert len(_texts(api, ANNA)) == 2  # the greeting; no apology to a blocked chat
