"""The program over time on SQLite and a real PostgreSQL: a corrected edition changes
answers and reminders in one load, a new edition takes its followers along (with a
dry run first), and the next-call watch delivers once through the outbox."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.chat.faq_replies import FaqReplies
from bot.people import People
from bot.timeline import Timeline
from jobs.dispatch import Dispatcher
from storage import outbox
from storage.models import OutboxRow, Subscription
from storage.repo import session_factory
from tests.bundles import shipped_text
from tests.chat import make_router, say
from tests.clock import Clock
from tests.senders import Recorder

BERLIN = ZoneInfo("Europe/Berlin")
CORRECTED = ("day: 2023-05-03", "day: 2023-05-10")  # the deadline moves by a week


def edition_of(year: int) -> list[tuple[str, str]]:
    """The 2023 edition moved to `year` (a next call, for these tests)."""
    days = ("05-03", "05-10", "05-17", "05-19", "05-29", "08-01", "08-31", "10-01")
    return [
        ('slug: "2023"', f'slug: "{year}"'),
        ("Integrationsmacher:innen 2023/24", f"Integrationsmacher:innen {year}/{year - 1999}"),
        ("starts_on: 2023-04-01", f"starts_on: {year}-04-01"),
        *((f"day: 2023-{d}", f"day: {year}-{d}") for d in days),
        *((f"until: 2023-{d}", f"until: {year}-{d}") for d in ("05-17", "05-31", "06-02")),
        ("day: 2024-03-31", f"day: {year + 1}-03-31"),
    ]


NEXT_YEAR = edition_of(2027)


@pytest.fixture
def sessions(engine):
    return session_factory(engine)


@pytest.fixture
def clock():
    return Clock(datetime(2023, 4, 20, 10, 0, tzinfo=BERLIN))


@pytest.fixture
def timeline(sessions, clock, kb):
    tl = Timeline(sessions, clock, kb=kb)
    tl.load(shipped_text())
    return tl


@pytest.fixture
def router(matcher, sessions, clock, timeline):
    faq = FaqReplies(matcher, offer_reminders=True, edition=timeline.active)
    return make_router(faq, people=People(sessions, clock), timeline=timeline, clock=clock)


def pending(sessions, user_id: str) -> list[OutboxRow]:
    with sessions() as s:
        stmt = select(OutboxRow).where(
            OutboxRow.state == outbox.PENDING, OutboxRow.ref.like(f"%:{user_id}")
        )
        return list(s.scalars(stmt.order_by(OutboxRow.due_at)))


def test_a_corrected_edition_changes_answers_and_reminders_in_one_load(router, timeline, sessions):
    assert "der 3. Mai 2023" in say(router, "anna", "Wann ist Bewerbungsschluss?")[0].text
    say(router, "anna", "/erinnerungen")
    before = [r for r in pending(sessions, "anna") if ":deadline:" in r.dedupe_key]
    assert [r.due_at.astimezone(BERLIN).day for r in before] == [26, 2]
    assert "3. Mai 2023" in before[0].text

    report = timeline.load(shipped_text(CORRECTED))

    answer = say(router, "anna", "Wann ist Bewerbungsschluss?")[0].text
    assert "der 10. Mai 2023" in answer and "3. Mai" not in answer
    after = [r for r in pending(sessions, "anna") if ":deadline:" in r.dedupe_key]
    assert [r.due_at.astimezone(BERLIN).day for r in after] == [3, 9]
    assert all("10. Mai 2023" in r.text and "03.05." not in r.text for r in after)
    assert (report.switched_from, report.dropped, report.added) == (None, 2, 2)
    assert report.kept == len(pending(sessions, "anna")) - 2  # the other steps stay as they were


def test_a_new_edition_moves_followers_drops_old_pushes_and_dry_run_counts_first(
    router, timeline, sessions, clock
):
    say(router, "anna", "/erinnerungen")
    say(router, "otto", "/erinnerungen nur-diese")  # this edition only: not moved
    old = len(pending(sessions, "anna"))
    assert old > 0

    dry = timeline.load(shipped_text(*NEXT_YEAR), dry_run=True)
    assert (dry.switched_from, dry.moved, dry.dropped) == ("2023", 1, 2 * old)
    assert dry.added > 0 and dry.kept == 0
    assert timeline.active().slug == "2023" and len(pending(sessions, "anna")) == old  # untouched

    report = timeline.load(shipped_text(*NEXT_YEAR))
    assert (report.moved, report.dropped, report.added) == (dry.moved, dry.dropped, dry.added)
    anna = pending(sessions, "anna")
    assert anna and all(r.ref.startswith("sub:2027:") for r in anna)
    assert len(anna) == report.added and pending(sessions, "otto") == []
    with sessions() as s:
        active = s.scalars(select(Subscription).where(Subscription.stopped_at.is_(None))).all()
        assert [(sub.user_id, sub.follow) for sub in active] == [("anna", True)]
    assert "3. Mai 2027" in anna[0].text or "03.05.2027" in anna[0].text
    assert "2027" in say(router, "anna", "Wann ist Bewerbungsschluss?")[0].text
    assert "keine Erinnerungen" not in say(router, "anna", "/stopp")[0].text
    assert pending(sessions, "anna") == []  # /stopp still ends everything


def test_next_call_watch_delivers_once_in_the_subscribers_language(
    router, timeline, sessions, clock
):
    clock.now = datetime(2026, 11, 26, 10, 0, tzinfo=BERLIN)
    greeting = say(router, "anna", "/start")
    offer = greeting[-1]
    assert "Zurzeit läuft keine Ausschreibung" in offer.text and "3. Mai 2023" in offer.text
    assert "Sie endete am" in say(router, "anna", "Ist die Bewerbungsfrist schon vorbei?")[0].text
    assert (
        "Sobald eine neue Ausschreibung" in say(router, "anna", data=offer.buttons[0].data)[0].text
    )
    assert "schon vorgemerkt" in say(router, "anna", "/naechste")[0].text
    again = say(router, "anna", "/start")[-1]
    assert "Sie sind vorgemerkt" in again.text and not again.buttons
    assert "when a new call opens" in say(router, "tom", "/next", lang_hint="en")[0].text
    say(router, "eve", "/naechste")
    assert (
        "• Nachricht bei neuer Ausschreibung (Konsole), seit "
        in say(router, "eve", "/meinedaten")[0].text
    )
    assert "nicht, wenn die nächste" in say(router, "eve", "/stopp")[0].text  # ends the watch
    assert "keine Erinnerungen" in say(router, "eve", "/stopp")[0].text

    timeline.load(shipped_text(CORRECTED))  # a corrected 2023 edition is no new call
    assert pending(sessions, "anna") == []
    report = timeline.load(shipped_text(*NEXT_YEAR))
    assert report.notified == 2
    sender = Recorder()
    worker = Dispatcher(sessions, {"console": sender}, clock=clock, sleep=lambda s: None)
    worker.tick()
    texts = {d.chat_id: d.text for d in sender.sent}
    assert set(texts) == {"anna", "tom"}
    assert texts["anna"].startswith("📣 Eine neue Ausschreibung ist da: „Integrationsmacher")
    assert "3. Mai 2027" in texts["anna"]
    assert texts["tom"].startswith("📣 A new call is open") and "3 May 2027" in texts["tom"]

    timeline.load(shipped_text(*edition_of(2031)))
    timeline.load(shipped_text(*NEXT_YEAR))
    worker.tick()
    assert len(sender.sent) == 2  # it fired once; later editions send nothing
    assert timeline.watching_next_call("console", "anna") is False
    say(router, "tom", "/delete yes", lang_hint="en")
    assert timeline.next_call_watch_of("console", "tom") == []  # erased with the rest
    clock.now = datetime(2027, 4, 20, 10, 0, tzinfo=BERLIN)
    assert "Zurzeit läuft keine" not in say(router, "anna", "/start")[-1].text


def test_no_call_open_subscribing_offers_the_next_call_instead(router, clock, sessions):
    clock.now = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)
    reply = say(router, "anna", "/erinnerungen")[0]
    assert "Zurzeit läuft keine Ausschreibung" in reply.text and reply.buttons
    with sessions() as s:
        assert s.scalars(select(Subscription)).all() == []  # nothing stored for a dead edition


def test_timeline_pushes_are_worded_when_they_are_sent(router, sessions, clock):
    """A push planned for 26 April ("in 7 Tagen") that goes out three days late, after
    downtime, counts from the day it is sent; month-only steps keep the call's words."""
    say(router, "anna", "/erinnerungen")
    say(router, "tom", "/remind", lang_hint="en")
    sender = Recorder()
    worker = Dispatcher(sessions, {"console": sender}, clock=clock, sleep=lambda s: None)

    clock.now = datetime(2023, 4, 29, 10, 0, tzinfo=BERLIN)  # the bot was down since the 25th
    worker.tick()
    sent = {d.chat_id: d.text for d in sender.sent}
    assert sent["anna"].startswith("⏰ Erinnerung: Bewerbungsschluss – in 4 Tagen (03.05.2023).")
    assert sent["tom"].startswith("⏰ Reminder: Application deadline – in 4 days (2023-05-03).")
    assert all("7" not in text.split("\n")[0] for text in sent.values())

    clock.now = datetime(2023, 5, 3, 8, 0, tzinfo=BERLIN)  # the 2 May push, a day late
    worker.tick()
    late = {d.chat_id: d.text for d in sender.sent[-2:]}
    assert late["anna"].startswith("⏰ Erinnerung: Bewerbungsschluss – heute (03.05.2023).")
    assert late["tom"].startswith("⏰ Reminder: Application deadline – today (2023-05-03).")

    clock.now = datetime(2023, 5, 12, 10, 0, tzinfo=BERLIN)  # the talks began on the 10th
    worker.tick()
    talks = [d.text for d in sender.sent if "Vorgespräche –" in d.text]
    assert talks == [
        "⏰ Erinnerung: Vorgespräche – hat schon begonnen (10.05.2023).\nFalls Sie in die "
        "engere Auswahl kommen: Zwischen dem 10. Mai 2023 und dem 17. Mai 2023 führt "
        "Lokalprojekte Vorgespräche (60 bis 90 Minuten) mit Kommunen, Städten und Behörden der "
        "engeren Auswahl.\n\nAbbestellen: /stopp"
    ]

    clock.now = datetime(2023, 9, 25, 9, 0, tzinfo=BERLIN)  # kick-off: a month, never a day
    worker.tick()
    kickoff = {d.chat_id: d.text for d in sender.sent if "Kick-off –" in d.text}
    assert kickoff["anna"].startswith("⏰ Erinnerung: Kick-off – im Oktober 2023.\nFalls Sie für")
    assert kickoff["tom"].startswith(
        "⏰ Reminder: Kick-off – in October 2023.\nIf you are selected"
    )


def test_next_call_pressed_twice_at_once_stores_one_watch(timeline, sessions, clock):
    """The same chat pressing /naechste twice at once (two updates in flight): one watch,
    one "subscribed" and one "already", no IntegrityError; thirty chats at once."""
    import threading

    from bot.timeline import Subscriber
    from storage.models import NextCallWatch

    clock.now = datetime(2026, 11, 26, 10, 0, tzinfo=BERLIN)
    subs = [Subscriber("console", f"u{i}", f"u{i}", "de") for i in range(30)]
    barrier, results = threading.Barrier(2 * len(subs)), []

    def press(sub):
        barrier.wait()
        try:
            results.append((sub.user_id, timeline.watch_next_call(sub)))
        except Exception as exc:  # the failure this test is about
            results.append((sub.user_id, exc))

    threads = [threading.Thread(target=press, args=(sub,)) for sub in subs for _ in range(2)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert [r for r in results if not isinstance(r[1], bool)] == []
    assert sorted(results) == sorted((sub.user_id, new) for sub in subs for new in (False, True))
    with sessions() as s:
        assert len(s.scalars(select(NextCallWatch)).all()) == len(subs)
    assert timeline.watch_next_call(subs[0]) is False  # still waiting


def test_a_chat_that_changes_its_language_gets_its_pushes_in_it(router, sessions, clock):
    say(router, "anna", "/erinnerungen")
    sender = Recorder()
    worker = Dispatcher(sessions, {"console": sender}, clock=clock, sleep=lambda s: None)
    clock.now = datetime(2023, 4, 26, 10, 0, tzinfo=BERLIN)
    worker.tick()
    assert [d.text.split(" – ")[0] for d in sender.sent] == ["⏰ Erinnerung: Bewerbungsschluss"]
    before = len(pending(sessions, "anna"))

    say(router, "anna", "/sprache en")
    after = pending(sessions, "anna")
    assert len(after) == before and all(r.text.startswith("⏰ Reminder: ") for r in after)
    clock.now = datetime(2023, 5, 2, 10, 0, tzinfo=BERLIN)
    worker.tick()
    assert [d.text.split("\n")[0] for d in sender.sent[1:]] == [
        "⏰ Reminder: Application deadline – tomorrow (2023-05-03)."
    ]  # the 26 April push is not sent again


def test_mydata_shows_the_pushes_as_sent_and_the_edition_by_its_name(router, sessions, clock):
    """Try-out 4 A13: /meinedaten listed a push sent late with its planned words ("in 2
    Tagen") instead of those she read ("hat schon begonnen"), and the subscription as
    „2023“ instead of the edition's name."""
    say(router, "marta", "/erinnerungen")
    worker = Dispatcher(sessions, {"console": Recorder()}, clock=clock, sleep=lambda s: None)
    clock.now = datetime(2023, 5, 20, 10, 0, tzinfo=BERLIN)  # the 17 May pushes, late
    worker.tick()
    mine = say(router, "marta", "/meinedaten")[0].text
    assert "Fristen von „Integrationsmacher:innen 2023/24“" in mine and "„2023“" not in mine
    sent = [line for line in mine.splitlines() if "(gesendet)" in line and "Projektskizze" in line]
    assert sent and all("hat schon begonnen" in line for line in sent), sent
    assert "in 2 Tagen (19.05.2023)" not in mine
