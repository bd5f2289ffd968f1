"""What one update costs the database, per kind of update, on SQLite and PostgreSQL:
SQL statements, transactions (a BEGIN outside autocommit: a round trip for it and one
for its COMMIT or ROLLBACK on PostgreSQL) and statements compiled anew instead of taken
from SQLAlchemy's cache. Driven as `imbot run` drives each update: the router's
replies, then the notices for other chats into the outbox.

The counts do not depend on the machine, so a change that adds a query to a hot path
fails here (benchmarks/update_cost_bench.py measures what it costs in CPU)."""

from __future__ import annotations

from datetime import UTC, datetime
from datetime import time as clock_time

import pytest
from sqlalchemy import event, select
from sqlalchemy.engine.interfaces import CacheStats

from bot.app import wiring
from bot.app.config import Settings
from bot.booking.timeparse import Window
from bot.messages import Inbound
from storage.models import Conversation, FaqCount

NOW = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)  # a Monday; the buddy is free Tue and Thu

# kind: (statements, transactions, compiled anew) of one update, after one of each kind.
# "question", "slots" and "taken" are each a chat's first message in this process: a reply
# with buttons then reads the chat's saved choices once (an open question a list replaced
# before a restart, jf7); the chat's later replies do not.
EXPECTED = {
    "question": (5, 1, 0),  # who writes; the active edition; the day's count; saved choices;
    # whether the reader has the offered reminders already (no 🔔 twice, tryout7 #28)
    "unanswered": (5, 2, 0),  # + the question's text; is the team reachable?
    "slots": (7, 1, 0),  # /jourfixe: buddy, slots, program end in one read; the page asked
    "book": (12, 2, 0),  # a pressed slot: the request (no slot after the running
    # programme's end: one SELECT of it, jf10), the buddy's notice (after any message to
    # the buddy's chat that waits for a retry: one SELECT)
    "taken": (6, 1, 0),  # the same slot pressed by another expert: refused (+ the end)
    "confirm": (12, 3, 0),  # the buddy confirms: reminders, both calendar files, the notice
    # (after any message to the expert's chat that waits for a retry: one SELECT)
    "meetings": (3, 1, 0),  # /termine; a picker open before it is closed (one DELETE)
}


class Counter:
    def __init__(self, engine) -> None:
        self.statements = self.transactions = self.compiled = 0
        event.listen(engine, "before_cursor_execute", self._statement)
        event.listen(engine, "begin", self._begin)

    def _statement(self, conn, cursor, statement, parameters, context, executemany) -> None:
        self.statements += 1
        self.compiled += context is not None and context.cache_hit is not CacheStats.CACHE_HIT

    def _begin(self, conn) -> None:
        self.transactions += conn.get_execution_options().get("isolation_level") != "AUTOCOMMIT"

    def reset(self) -> None:
        self.statements = self.transactions = self.compiled = 0


@pytest.fixture
def bot(engine, tmp_path):
    url = engine.url.render_as_string(hide_password=False)
    settings = Settings(database_url=url, data_dir=tmp_path)
    sessions = wiring.open_database(settings)
    router = wiring.build_router(settings, clock=lambda: NOW, sessions=sessions)
    people, booking = router.services.people, router.services.booking
    buddy = people.invite("buddy", "Bernd Buddy")
    people.redeem(buddy.code, "telegram", "bernd", "bernd")
    windows = [clock_time(9), clock_time(17)]
    booking.set_windows(buddy.person_id, [Window(*windows, weekday=d) for d in (1, 3)])
    for n in range(4):
        expert = people.invite("expert", f"Expertin {n}")
        people.redeem(expert.code, "telegram", f"e{n}", f"e{n}")
        people.pair(f"#{expert.person_id}", f"#{buddy.person_id}")

    def send(user: str, text: str = "", data: str | None = None):
        replies = router.handle(Inbound("telegram", user, user, text=text, data=data))
        wiring.enqueue_notices(sessions, replies, NOW)
        return replies

    yield send, Counter(sessions.kw["bind"]), sessions
    sessions.kw["bind"].dispose()


def test_statements_and_transactions_per_kind_of_update(bot):
    send, counter, sessions = bot
    seen = {}

    def run(kind: str, user: str, text: str = "", data: str | None = None):
        counter.reset()
        replies = send(user, text, data)
        seen[kind] = (counter.statements, counter.transactions, counter.compiled)
        return replies

    def round_(n: int) -> None:
        """Experts 2n and 2n+1 press the same slot; the buddy confirms the request."""
        run("question", f"a{n}", "Bis wann kann man sich bewerben?")
        run("unanswered", f"a{n}", "Wie viele Einwohner hat Pforzheim?")
        [offer] = run("slots", f"e{2 * n}", "/jourfixe")
        slot = offer.buttons[0].data  # jf:slot:<ts>: the series question comes next
        book = slot.replace("jf:slot:", "jf:book:") + ":0"
        replies = run("book", f"e{2 * n}", data=book)
        assert "Anfrage" in replies[0].text
        [refused] = run("taken", f"e{2 * n + 1}", data=book)
        assert "vergeben" in refused.text and refused.buttons  # other slots offered
        [notice] = [r for r in replies if r.to is not None]
        replies = run("confirm", "bernd", data=notice.buttons[0].data)
        assert "bestätigt" in replies[0].text.lower() and replies[0].files
        [listed] = run("meetings", f"e{2 * n}", "/termine")
        assert "#" in listed.text

    round_(0)  # the first of each kind compiles its statements
    round_(1)
    assert seen == EXPECTED
    # what was written without a transaction around it is there (the count of answered
    # questions), and what was deleted is gone (the booked experts' series question)
    with sessions() as s:
        counts = dict(s.execute(select(FaqCount.confident, FaqCount.count)).all())
        assert counts == {True: 2, False: 2}
        chats = set(s.scalars(select(Conversation.chat_id)))
        assert not chats & {"e0", "e2"}
