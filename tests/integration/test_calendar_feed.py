"""The private calendar feed over HTTP (the server of `imbot run`), on SQLite and
PostgreSQL: /kalender in chat gives the link, the feed holds that person's meetings
and nobody else's, a wrong or renewed-away secret gets 404, and erasure and
revocation end it. /ort sets the pair's place for both sides."""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import aiohttp
import pytest
import recurring_ical_events
from icalendar import Calendar
from sqlalchemy import func, select

from bot.app.config import Settings
from bot.app.health import HealthServer
from bot.app.wiring import build_router
from bot.booking.timeparse import Window
from bot.messages import Inbound
from storage.models import CalendarFeed, Meeting, Pair
from storage.repo import session_factory
from tests.clock import Clock
from tests.people import pair_with_buddy

BERLIN = ZoneInfo("Europe/Berlin")
MON = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


class World:
    def __init__(self, engine, tmp_path):
        self.sessions = session_factory(engine)
        self.clock = Clock(MON)
        settings = Settings(
            database_url=str(engine.url),
            data_dir=tmp_path / "data",
            public_url="https://bot.example.org/imbot",
        )
        self.router = build_router(settings, clock=self.clock, sessions=self.sessions)
        self.booking = self.router.services.booking
        self.people = self.router.services.people
        tuesdays = [Window(time(10), time(12), weekday=1)]
        self.ids = pair_with_buddy(
            self.people, self.booking, "Bernd", ["Erika", "Emil"], tuesdays, platform="console"
        )

    def say(self, user: str, text: str):
        return self.router.handle(Inbound("console", user, user, text=text))

    def link(self, user: str, text: str = "/kalender") -> str:
        reply = " ".join(r.text for r in self.say(user, text) if r.to is None)
        [https] = re.findall(r"https://\S+\.ics", reply)
        assert f"webcal://bot.example.org/imbot/calendar/{https.rsplit('/', 1)[1]}" in reply
        return https.removeprefix("https://bot.example.org/imbot")  # the path the server sees

    def book(self):
        jf, ids = self.booking, self.ids
        series = jf.request(ids["Erika"], datetime(2026, 3, 3, 10, tzinfo=BERLIN), 1)
        jf.decide(ids["Bernd"], series[0].id, accept=True)
        [single] = jf.request(ids["Emil"], datetime(2026, 3, 3, 11, tzinfo=BERLIN))
        jf.decide(ids["Bernd"], single.id, accept=True)
        return series, single


@pytest.fixture
def world(engine, tmp_path):
    return World(engine, tmp_path)


def fetch(world, *paths: str) -> list[tuple[int, str, bytes]]:
    """GET each path from the HTTP server `imbot run` starts (on a free port)."""

    async def go():
        server = HealthServer(lambda: {}, "127.0.0.1", 0, feed=world.booking.feed)
        await server.start()
        try:
            async with aiohttp.ClientSession() as http:
                out = []
                for path in paths:
                    async with http.get(f"http://127.0.0.1:{server.port}{path}") as resp:
                        out.append((resp.status, resp.content_type, await resp.read()))
                return out
        finally:
            await server.stop()

    return asyncio.run(go())


def shown(data: bytes) -> list[datetime]:
    cal = Calendar.from_ical(data)
    events = recurring_ical_events.of(cal).between(date(2025, 1, 1), date(2028, 1, 1))
    return sorted(e["DTSTART"].dt.astimezone(UTC) for e in events)


def in_db(world, person_id: int) -> list[datetime]:
    with world.sessions() as s:
        rows = s.scalars(
            select(Meeting.starts_at).where(
                (Meeting.expert_id == person_id) | (Meeting.buddy_id == person_id),
                Meeting.state.in_(("requested", "confirmed")),
            )
        )
        return sorted(r.astimezone(UTC) for r in rows)


def test_the_feed_holds_the_persons_meetings_and_nobody_elses(world):
    series, single = world.book()
    erika, bernd = world.link("erika"), world.link("bernd")
    [(status, mime, data), (b_status, _, b_data)] = fetch(world, erika, bernd)
    assert status == 200 and mime == "text/calendar"
    cal = Calendar.from_ical(data)
    assert cal.get("METHOD") is None and str(cal["X-WR-CALNAME"]) == "Jour Fixe (Lokalprojekte)"
    assert len(cal.walk("VEVENT")) == 1  # her series, as one repeating event
    assert shown(data) == in_db(world, world.ids["Erika"]) and len(shown(data)) == len(series)
    assert single.uid.encode() not in data  # Emil's meeting is not hers
    assert b_status == 200 and shown(b_data) == in_db(world, world.ids["Bernd"])
    with world.sessions() as s:  # only a hash of the secret is stored
        hashes = list(s.scalars(select(CalendarFeed.secret_hash)))
    assert len(hashes) == 2 and all(erika.split("/")[-1][:-4] not in h for h in hashes)


def test_wrong_secrets_get_404(world):
    world.book()
    good = world.link("erika")
    bad = good[:-8] + ("A" if good[-8] != "A" else "B") + good[-7:]
    results = fetch(world, bad, "/calendar/.ics", good[:-4], "/calendar/" + "x" * 300 + ".ics")
    assert [status for status, _, _ in results] == [404, 404, 404, 404]


def test_a_renewed_secret_ends_the_old_link(world):
    world.book()
    old = world.link("erika")
    again = " ".join(r.text for r in world.say("erika", "/kalender"))
    assert "seit" in again and ".ics" not in again  # shown once; the hash cannot give it back
    new = world.link("erika", "/kalender neu")
    assert new != old
    assert [s for s, _, _ in fetch(world, old, new)] == [404, 200]
    off = world.say("erika", "/calendar off")
    assert "abgeschaltet" in off[0].text  # her language (German), whichever command name
    assert [s for s, _, _ in fetch(world, new)] == [404]


def test_erasure_and_revocation_end_the_feed(world):
    world.book()
    erika, bernd = world.link("erika"), world.link("bernd")
    assert [s for s, _, _ in fetch(world, erika, bernd)] == [200, 200]
    world.say("erika", "/loeschen ja")
    world.people.revoke("Bernd")
    assert [s for s, _, _ in fetch(world, erika, bernd)] == [404, 404]
    with world.sessions() as s:
        assert list(s.scalars(select(CalendarFeed))) == []


def test_the_feed_reaches_30_days_back(world):
    _, single = world.book()
    bernd = world.link("bernd")
    world.clock.now = MON + timedelta(days=29)  # Emil's meeting (3 March) ended 28 days ago
    [(_, _, data)] = fetch(world, bernd)
    assert single.uid.encode() in data
    world.clock.now = MON + timedelta(days=32)
    [(_, _, data)] = fetch(world, bernd)
    assert single.uid.encode() not in data and b"RRULE" in data  # the series stays


def test_the_place_is_set_by_either_side_and_reaches_feed_and_confirmation(world):
    [reply, *notices] = world.say("erika", "/ort https://meet.example.org/erika-bernd")
    assert "https://meet.example.org/erika-bernd" in reply.text
    assert [n.to.chat_id for n in notices] == ["bernd"]
    assert "Erika" in notices[0].text
    assert "meet.example.org/erika-bernd" in world.say("bernd", "/ort")[0].text
    # a buddy with two experts sets one pair's place with the name first
    world.say("bernd", "/place Emil: Rathaus Musterstadt, Raum 2")
    lines = world.say("bernd", "/ort")[0].text
    assert "Erika: https://meet.example.org/erika-bernd" in lines
    assert "Emil: Rathaus Musterstadt, Raum 2" in lines
    series = world.booking.request(world.ids["Erika"], datetime(2026, 3, 3, 10, tzinfo=BERLIN), 1)
    confirmed = world.say("bernd", "ja")
    mine = [r for r in confirmed if r.to is None][0]
    assert "Ort: https://meet.example.org/erika-bernd" in mine.text
    [file] = mine.files
    event = Calendar.from_ical(file.data).walk("VEVENT")[0]
    assert str(event["URL"]) == "https://meet.example.org/erika-bernd"
    [(_, _, data)] = fetch(world, world.link("emil"))
    assert b"Rathaus Musterstadt" not in data  # no meeting of Emil's yet
    assert len(series) > 1
    # a new place reaches the calendars already imported: a file for each side
    [mine, theirs] = world.say("bernd", "/ort Erika: Rathaus, Zimmer 5")
    assert theirs.to.chat_id == "erika" and "Rathaus, Zimmer 5" in theirs.text
    for reply in (mine, theirs):
        [event] = Calendar.from_ical(reply.files[0].data).walk("VEVENT")
        assert str(event["LOCATION"]) == "Rathaus, Zimmer 5" and "URL" not in event
        assert "RRULE" in event
    cleared = world.say("erika", "/ort löschen")
    assert "entfernt" in cleared[0].text
    assert "kein Ort" in world.say("bernd", "/ort")[0].text


def test_reminders_name_the_place(world):
    from jobs.render import render
    from storage.models import OutboxRow

    world.say("erika", "/ort Rathaus Musterstadt, Zimmer 3")
    [m, *_] = world.booking.request(world.ids["Erika"], datetime(2026, 3, 3, 10, tzinfo=BERLIN))
    world.say("bernd", "ja")
    with world.sessions() as s:
        rows = list(s.scalars(select(OutboxRow).where(OutboxRow.kind == "meeting")))
    assert {r.chat_id for r in rows} == {"erika", "bernd"}
    for row in rows:
        assert "Ort: Rathaus Musterstadt, Zimmer 3" in row.text
        sent = render(row.render, row.text, datetime(2026, 3, 3, 8, 30, tzinfo=UTC))
        assert "Ort: Rathaus Musterstadt, Zimmer 3" in sent and "in 30 Minuten" in sent


def test_a_buddy_names_one_expert_to_set_or_clear_only_that_pairs_place(world):
    world.say("bernd", "/ort Erika: https://zoom.example.org/j/123")
    world.say("bernd", "/ort emil Rathaus Musterstadt, Raum 2")  # the name without a colon
    lines = world.say("bernd", "/ort")[0].text
    assert "Erika: https://zoom.example.org/j/123" in lines
    assert "Emil: Rathaus Musterstadt, Raum 2" in lines
    [mine, *notices] = world.say("bernd", "/ort Erika löschen")
    assert "Erika" in mine.text and "entfernt" in mine.text and "löschen" not in mine.text
    assert [n.to.chat_id for n in notices] == ["erika"]
    lines = world.say("bernd", "/ort")[0].text
    assert "Erika: (kein Ort)" in lines and "Emil: Rathaus Musterstadt, Raum 2" in lines
    world.say("bernd", "/place Emil: clear")
    assert world.booking.place_of(world.ids["Emil"], world.ids["Bernd"]) is None


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_place_set_for_one_expert_stays_when_the_buddy_sets_a_general_one(world, lang):
    """tryout6 #25: "/ort Erika: LINK" then "/ort Rathaus Raum 2" overwrote Erika's link.
    The general place goes to the others, the reply says whose own place stays (and how
    to change it for all), and "/ort alle: …" changes them all."""
    ort, erika, emil = ("/ort", "Erika", "Emil") if lang == "de" else ("/place", "Erika", "Emil")
    if lang == "en":
        world.people.set_lang(world.ids["Bernd"], "en")
    place_of = lambda who: world.booking.place_of(world.ids[who], world.ids["Bernd"])  # noqa: E731
    world.say("bernd", f"{ort} {erika}: https://meet.example.org/erika")
    [mine, *notices] = world.say("bernd", f"{ort} Rathaus Raum 2")
    assert place_of(erika) == "https://meet.example.org/erika"
    assert place_of(emil) == "Rathaus Raum 2"
    assert [n.to.chat_id for n in notices] == ["emil"]  # Erika's place did not change
    if lang == "de":
        assert "mit Emil finden hier statt: Rathaus Raum 2" in mine.text, mine.text
        assert "Für Erika bleibt: https://meet.example.org/erika" in mine.text
        assert "/ort alle: Rathaus Raum 2" in mine.text
    else:
        assert "with Emil take place here: Rathaus Raum 2" in mine.text, mine.text
        assert "For Erika it stays: https://meet.example.org/erika" in mine.text
        assert "/place all: Rathaus Raum 2" in mine.text
    # a general place again: Emil's changes, Erika's stays
    world.say("bernd", f"{ort} Rathaus Raum 3")
    assert (place_of(erika), place_of(emil)) == ("https://meet.example.org/erika", "Rathaus Raum 3")
    # for all: both, and Erika is told
    [done, *notices] = world.say("bernd", f"{ort} {'alle' if lang == 'de' else 'all'}: Büro 1")
    assert (place_of(erika), place_of(emil)) == ("Büro 1", "Büro 1"), done.text
    assert sorted(n.to.chat_id for n in notices) == ["emil", "erika"]
    assert "bleibt" not in done.text and "stays" not in done.text
    # now no pair has its own place: a general one reaches both
    world.say("bernd", f"{ort} Büro 2")
    assert (place_of(erika), place_of(emil)) == ("Büro 2", "Büro 2")
    # the expert's own place stays too
    world.say("erika", "/ort https://meet.example.org/e2")
    world.say("bernd", f"{ort} Büro 3")
    assert (place_of(erika), place_of(emil)) == ("https://meet.example.org/e2", "Büro 3")
    # every pair with its own place: nothing changes, and the reply says so
    world.say("bernd", f"{ort} {emil}: Büro 4")
    [same] = world.say("bernd", f"{ort} Büro 5")
    assert same.text.startswith("Nichts geändert." if lang == "de" else "Nothing changed.")
    assert (place_of(erika), place_of(emil)) == ("https://meet.example.org/e2", "Büro 4")
    world.say("bernd", f"{ort} {'alle löschen' if lang == 'de' else 'all clear'}")
    assert (place_of(erika), place_of(emil)) == (None, None)


def test_a_buddy_with_one_expert_may_still_name_them(world):
    with world.sessions() as s:  # Bernd keeps only Emil
        s.query(Pair).filter(Pair.expert_id == world.ids["Erika"]).delete()
        s.commit()
    world.say("bernd", "/ort Emil: Rathaus Musterstadt, Raum 2")
    assert world.booking.place_of(world.ids["Emil"], world.ids["Bernd"]) == (
        "Rathaus Musterstadt, Raum 2"
    )
    world.say("bernd", "/ort Emil löschen")
    assert world.booking.place_of(world.ids["Emil"], world.ids["Bernd"]) is None
    # a name that is not one of the buddy's experts is refused, never stored as the place
    reply = world.say("bernd", "/ort Erika: Büro")
    assert world.booking.place_of(world.ids["Emil"], world.ids["Bernd"]) is None
    assert "Erika" in reply[0].text and len(reply) == 1


@pytest.mark.parametrize("lang", ["de", "en"])
def test_without_a_public_address_people_get_a_plain_answer_and_no_link(engine, tmp_path, lang):
    clock = Clock(MON)
    sessions = session_factory(engine)
    settings = Settings(database_url=str(engine.url), data_dir=tmp_path / "data")
    router = build_router(settings, clock=clock, sessions=sessions)
    pair_with_buddy(
        router.services.people, router.services.booking, "Bernd", ["Erika"],
        [Window(time(10), time(12), weekday=1)], platform="console",
    )  # fmt: skip
    router.handle(Inbound("console", "erika", "erika", text=f"/lang {lang}"))
    for user in ("erika", "bernd"):
        [reply] = router.handle(Inbound("console", user, user, text="/kalender"))
        text = reply.text
        assert "IMBOT_PUBLIC_URL" not in text and "imbot run" not in text and "team" in text.lower()
        assert "localhost" not in text and "/calendar/" not in text
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(CalendarFeed)) == 0


def sequences(reply) -> list[int]:
    return [int(e["SEQUENCE"]) for e in Calendar.from_ical(reply.files[0].data).walk("VEVENT")]


def test_a_new_place_raises_the_sequence_of_the_files_sent_for_it(world):
    series, single = world.book()
    [first, *_] = world.say("erika", "/ort https://meet.example.org/a")
    [second, theirs] = world.say("bernd", "/ort Erika: Rathaus, Zimmer 5")
    assert sequences(second) == sequences(theirs)
    assert all(b > a for a, b in zip(sequences(first), sequences(second), strict=True))
    # the single meeting with Emil too, and a cancellation after it is newer still
    [one, _] = world.say("emil", "/ort Büro 3")
    [two, _] = world.say("emil", "/ort Büro 4")
    assert sequences(two)[0] > sequences(one)[0]
    with world.sessions() as s:
        assert s.get(Meeting, single.id).sequence == 2
        held = s.get(Meeting, series[0].id)
        assert held.sequence >= 2


class Recorder:
    platform, rate_per_second, per_chat_seconds = "console", None, None

    def __init__(self):
        self.sent = []

    def send(self, delivery):
        self.sent.append(delivery)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_reminders_carry_the_place_and_calendar_as_they_are_when_sent(world, lang):
    """/ort, a moved and a cancelled occurrence all come after the reminders were
    planned: what goes out must show them, not the state at booking time."""
    from jobs.dispatch import Dispatcher

    world.say("erika", f"/lang {lang}")
    series, _ = world.book()  # Tuesdays 10:00 from 3 March; the 24 h reminder is due at 10:00
    world.say("bernd", "/ort Erika: https://meet.example.org/erika-bernd")
    moved = world.booking.move(
        world.ids["Erika"], series[1].id, datetime(2026, 3, 10, 11, tzinfo=BERLIN)
    )
    world.booking.cancel(world.ids["Bernd"], series[2].id)
    sender = Recorder()
    worker = Dispatcher(
        world.sessions, {"console": sender}, clock=world.clock, sleep=lambda s: None,
        freshen=getattr(world.booking, "as_sent", None),  # as bot.app wires it
    )  # fmt: skip
    world.clock.now = datetime(2026, 3, 2, 9, 1, tzinfo=UTC)
    worker.tick()
    [day_before] = [d for d in sender.sent if d.chat_id == "erika" and "⏰" in d.text]
    place = "Ort" if lang == "de" else "Place"
    assert f"{place}: https://meet.example.org/erika-bernd" in day_before.text
    assert day_before.file is not None
    cal = Calendar.from_ical(day_before.file[2])
    [master, override] = sorted(cal.walk("VEVENT"), key=lambda e: "RECURRENCE-ID" in e)
    assert str(master["LOCATION"]) == "https://meet.example.org/erika-bernd"
    starts = shown(day_before.file[2])
    assert series[2].starts_at.astimezone(UTC) not in starts  # cancelled stays cancelled
    assert series[1].starts_at.astimezone(UTC) not in starts  # moved: at its new time
    assert moved.starts_at.astimezone(UTC) in starts
    assert override["RECURRENCE-ID"].dt.astimezone(UTC) == series[1].starts_at.astimezone(UTC)
    world.say("erika", "/ort Rathaus, Zimmer 5")  # changed again before the last reminder
    world.clock.now = datetime(2026, 3, 3, 8, 1, tzinfo=UTC)
    worker.tick()
    [hour_before] = [d for d in sender.sent if d.chat_id == "erika" and "⏰" in d.text][1:]
    assert f"{place}: Rathaus, Zimmer 5" in hour_before.text and hour_before.file is None


@pytest.mark.parametrize(
    ("lang", "feed", "files"), [("de", "/kalender", ".ics"), ("en", "/calendar", ".ics")]
)
def test_the_help_lists_the_calendar_link_only_where_it_works(engine, tmp_path, lang, feed, files):
    """Without IMBOT_PUBLIC_URL (the console) /kalender is not in the help, and typed
    anyway it points to the calendar files that come with every confirmation."""
    clock = Clock(MON)
    sessions = session_factory(engine)
    settings = Settings(database_url=str(engine.url), data_dir=tmp_path / "data")
    router = build_router(settings, clock=clock, sessions=sessions)
    pair_with_buddy(
        router.services.people, router.services.booking, "Bernd", ["Erika"],
        [Window(time(10), time(12), weekday=1)], platform="console",
    )  # fmt: skip
    for user in ("erika", "bernd"):
        router.handle(Inbound("console", user, user, text=f"/lang {lang}"))
        help_text = " ".join(
            r.text for r in router.handle(Inbound("console", user, user, text="/help"))
        )
        assert feed not in help_text and ("/ort" in help_text or "/place" in help_text)
        [reply] = router.handle(Inbound("console", user, user, text=feed))
        assert files in reply.text


def test_with_a_public_address_the_help_lists_the_calendar_link(world):
    for user in ("erika", "bernd"):
        assert "/kalender – Kalender abonnieren" in " ".join(
            r.text for r in world.say(user, "/hilfe")
        )
    world.say("erika", "/sprache en")
    assert "/calendar – subscribe" in " ".join(r.text for r in world.say("erika", "/help"))
