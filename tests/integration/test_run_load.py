"""What `imbot run` does once at start so that a burst of messages finds the work done
(issue 20): the FAQ matcher built and warmed, one BLAS thread. Not timed."""

import threading

from threadpoolctl import threadpool_info, threadpool_limits

from bot.app import wiring
from bot.app.config import Settings
from bot.app.run import build_services
from bot.timeline import Timeline
from storage.repo import session_factory


def _blas_threads() -> set[int]:
    return {p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas"}


def test_imbot_run_warms_the_matcher_and_keeps_one_blas_thread(tmp_path):
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'imbot.db'}", data_dir=tmp_path)
    with threadpool_limits(2, user_api="blas"):  # as numpy starts on a 2-core machine
        assert _blas_threads() == {2}
        services = build_services(settings)
        assert _blas_threads() == {1}
    active = services.router.services.faq._matcher
    assert active._current is not None  # built before the first message
    version, matcher = active._current
    assert version[0] is None and matcher.semantic._matrix is not None  # shipped KB, vectors there


def test_a_burst_of_first_questions_warms_the_shipped_matcher_once(engine, monkeypatch):
    sessions = session_factory(engine)
    calls = []
    original = wiring.warmed

    def counting(matcher):
        calls.append(matcher)
        return original(matcher)

    monkeypatch.setattr(wiring, "warmed", counting)
    active = wiring.ActiveMatcher(Timeline(sessions))
    barrier, seen = threading.Barrier(8), []

    def ask():
        barrier.wait()
        seen.append(active())

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len(calls) == 1  # one warm-up under the lock, the other seven waited for it
    assert len({id(m) for m in seen}) == 1 and seen[0].semantic._matrix is not None


def test_a_pooled_postgresql_connection_is_checked_only_after_idling(
    pg_engine, pg_admin, monkeypatch
):
    from sqlalchemy import text

    from storage import db

    now = [1000.0]
    monkeypatch.setattr(db, "_monotonic", lambda: now[0])
    pings = []
    real_ping = pg_engine.dialect.do_ping
    monkeypatch.setattr(pg_engine.dialect, "do_ping", lambda c: pings.append(1) or real_ping(c))

    def backend_pid() -> int:
        with pg_engine.connect() as c:
            return c.execute(text("SELECT pg_backend_pid()")).scalar_one()

    first = backend_pid()
    assert backend_pid() == first and pings == []  # used a moment ago: no round trip
    now[0] += db.IDLE_PING_SECONDS + 1
    assert backend_pid() == first and len(pings) == 1  # idle: pinged, alive, kept
    pg_admin.execute("SELECT pg_terminate_backend(%s)", (first,))  # a restart, an idle timeout
    now[0] += db.IDLE_PING_SECONDS + 1
    replaced = backend_pid()  # the dead connection is replaced before the query, no error
    assert replaced != first and len(pings) == 2


def test_who_writes_is_read_without_a_transaction_and_writes_keep_theirs(pg_engine):
    """whois runs on every message: its one SELECT goes out in autocommit (no BEGIN
    before it, no ROLLBACK after it); the connection goes back to the pool ready for
    transactions, so a write after it still commits or rolls back as a whole."""
    from sqlalchemy import event

    from bot.people import People

    people = People(session_factory(pg_engine))
    info = people.invite("expert", "Erika Muster")
    people.redeem(info.code, "telegram", "4711", "4711")
    seen = []

    def remember(conn, cursor, statement, *args):
        seen.append((statement.split()[0], conn.connection.dbapi_connection.autocommit))

    event.listen(pg_engine, "before_cursor_execute", remember)
    who = people.whois("telegram", "4711")
    assert who is not None and who.name == "Erika Muster"
    assert seen == [("SELECT", True)]
    seen.clear()
    people.set_lang(who.person_id, "en")  # a write on the same pooled connection
    assert seen and all(autocommit is False for _, autocommit in seen)
    assert people.whois("telegram", "4711").lang == "en"
    assert people.whois("telegram", "nobody") is None


def test_a_question_reads_the_active_edition_once(tmp_path):
    """The knowledge base's version (for the matcher) and the edition (for the dates
    in the answer) come from one SELECT of the active edition."""
    from sqlalchemy import event

    from bot.messages import Inbound

    settings = Settings(database_url=f"sqlite:///{tmp_path / 'imbot.db'}", data_dir=tmp_path)
    sessions = wiring.open_database(settings)
    router = wiring.build_router(settings, sessions=sessions)
    editions = []

    def remember(conn, cursor, statement, *args):
        if "FROM editions" in statement:
            editions.append(statement)

    event.listen(sessions.kw["bind"], "before_cursor_execute", remember)
    for user in ("1", "2"):
        editions.clear()
        [reply] = router.handle(Inbound("telegram", user, user, text="Bis wann kann man sich bewerben?"))
        assert "2023" in reply.text  # the shipped edition's deadline, from that one read
        assert len(editions) == 1, editions


def test_an_edition_stored_without_its_file_still_answers_with_its_dates(tmp_path):
    """The active edition is read from its file in one SELECT without a transaction; an
    edition stored before editions kept their file (source NULL) is read with its
    milestones instead."""
    from sqlalchemy import update

    from bot.messages import Inbound
    from storage.models import Edition

    settings = Settings(database_url=f"sqlite:///{tmp_path / 'imbot.db'}", data_dir=tmp_path)
    sessions = wiring.open_database(settings)
    router = wiring.build_router(settings, sessions=sessions)
    timeline = router.services.timeline
    from_file, kb = timeline.active_and_kb()
    with sessions() as s:
        s.execute(update(Edition).values(source=None))
        s.commit()
    from_rows, kb_again = timeline.active_and_kb()
    assert from_rows.slug == from_file.slug and kb_again == kb
    assert [m.day for m in from_rows.milestones] == [m.day for m in from_file.milestones]
    [reply] = router.handle(Inbound("telegram", "1", "1", text="Bis wann kann man sich bewerben?"))
    assert "2023" in reply.text
