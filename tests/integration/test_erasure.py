"""Erased means erased, revoked means stopped: every table is seeded through the
real services and the chat, the person erases themselves, and the whole database
(every text and binary column of every table) and the data directory are scanned
for their name, user ids and chat ids. The export is compared with the tables.

The data directory holds a real matrix-nio crypto store (the Matrix adapter's
`matrix/` folder) that knows her Matrix device and DM room; the erasure's forget
instruction reaches it through the dispatcher and the adapter's store purge (leaving
the room on a homeserver is tested against Synapse in tests/e2e/matrix)."""

from __future__ import annotations

import io
from datetime import UTC, datetime, time, timedelta

import pytest
from nio import AsyncClient, AsyncClientConfig
from nio.crypto import InboundGroupSession, OlmDevice, OutboundGroupSession
from sqlalchemy import func, select

from bot.adapters.console import ConsoleAdapter
from bot.adapters.matrix import purge_store
from bot.app.config import Settings
from bot.app.wiring import build_router, enqueue_notices
from bot.booking.timeparse import Window
from bot.messages import Inbound
from bot.people import People
from bot.timeline import Timeline
from jobs.dispatch import Dispatcher, TransientError
from jobs.editions import default_edition_text
from storage import outbox
from storage.models import (
    Base,
    ChatIdentity,
    FaqLog,
    Invite,
    Meeting,
    MeetingEvent,
    OutboxRow,
    Pair,
    Person,
    Series,
    Subscription,
)
from storage.repo import session_factory
from tests.clock import Clock
from tests.senders import Recorder


class MatrixStore(Recorder):
    """The Matrix adapter's crypto store, for real (matrix-nio's DefaultStore in the
    data directory), seeded with Erika's device, her DM room and a megolm session,
    and with another user's device that must stay. `forget` runs the adapter's purge;
    the server part (leaving the room) needs a homeserver: see tests/e2e/matrix."""

    platform = "matrix"

    def __init__(self, store_dir):
        super().__init__()
        self.forgotten = []
        store_dir.mkdir(parents=True)
        config = AsyncClientConfig(encryption_enabled=True, store_sync_tokens=True)
        self.client = AsyncClient(
            "http://127.0.0.1:9", "@imbot:matrix.test", store_path=str(store_dir), config=config
        )
        self.client.restore_login("@imbot:matrix.test", "BOTDEVICE", "token")
        store = self.client.store
        for user, device_id, curve in (
            (MX_USER, MX_DEVICE, MX_CURVE),
            ("@other:matrix.test", "OTHERDEV", "otherCurveKey000000000000000000000000000000"),
        ):
            device = OlmDevice(user, device_id, {"ed25519": f"ed-{device_id}", "curve25519": curve})
            self.client.olm.device_store.add(device)
            store.save_device_keys({user: {device_id: device}})
            store.ignore_device(device)  # what sending with ignore_unverified_devices writes
        store.save_encrypted_rooms([MX_ROOM, "!other:matrix.test"])
        outbound = OutboundGroupSession()
        store.save_inbound_group_session(
            InboundGroupSession(outbound.session_key, "ed-ZYX", MX_CURVE, MX_ROOM)
        )

    def forget(self, chat_id, user_id):
        with self.lock:
            if self.failures:
                raise self.failures.pop(0)
            self.forgotten.append((chat_id, user_id))
        purge_store(self.client, room_id=chat_id, user_id=user_id)


NAME = "Erika Zyxwuster"
TG_USER = "7770001234"
CONSOLE_USER = "erikazyx"
MX_USER = "@erikazyx:matrix.test"
MX_ROOM = "!dmzyxroom:matrix.test"
MX_DEVICE = "ZYXDEVICE"
MX_CURVE = "zyxCurveKeyOfErikasPhone0000000000000000000"
NEEDLES = ("zyxwuster", TG_USER, CONSOLE_USER, "erikazyx", "dmzyxroom", MX_DEVICE.lower(),
           MX_CURVE.lower())  # fmt: skip
START = datetime(2023, 4, 20, 8, 0, tzinfo=UTC)


class World:
    """The app's router on one database, a clock, the console and a Telegram recorder."""

    def __init__(self, engine, tmp_path):
        self.sessions = session_factory(engine)
        Timeline(self.sessions).load(default_edition_text())
        self.clock = Clock(START)
        self.data_dir = tmp_path / "data"
        settings = Settings(database_url=str(engine.url), data_dir=self.data_dir)
        self.router = build_router(settings, clock=self.clock, sessions=self.sessions)
        self.people = self.router.services.people
        self.booking = self.router.services.booking
        self.console = ConsoleAdapter(
            self.router.handle, stdout=io.StringIO(), files_dir=self.data_dir / "files"
        )
        self.telegram = Recorder()
        self.telegram.platform = "telegram"
        self.matrix = MatrixStore(self.data_dir / "matrix")
        senders = {"console": self.console, "telegram": self.telegram, "matrix": self.matrix}
        self.dispatcher = Dispatcher(self.sessions, senders, clock=self.clock)

    def say(self, platform, user, text):
        replies = self.router.handle(Inbound(platform, user, user, text=text))
        enqueue_notices(self.sessions, replies, self.clock())
        return replies

    def press(self, data, user=CONSOLE_USER):
        replies = self.router.handle(Inbound("console", user, user, data=data))
        enqueue_notices(self.sessions, replies, self.clock())
        return [r for r in replies if r.to is None]

    def seed(self):
        """Erika (expert, console and Telegram) with Bernd (buddy): a weekly series,
        confirmed, one meeting cancelled, reminders sent and queued, a timeline
        subscription, an unanswered question naming her, her own settings."""
        ids = {}
        # asked before her invite, as an applicant (an expert's words are never logged)
        self.say("telegram", TG_USER, f"Ich bin {NAME}: gibt es Parkplätze am Rathaus?")
        for role, name, accounts in (
            ("admin", "Ada Admin", [("console", "ada")]),
            ("buddy", "Bernd Buddy", [("console", "bernd")]),
            (
                "expert",
                NAME,
                [("console", CONSOLE_USER), ("telegram", TG_USER), ("matrix", MX_USER, MX_ROOM)],
            ),
        ):
            for i, (platform, user, *chat) in enumerate(accounts):
                ref = f"#{ids[name]}" if i else None
                info = self.people.invite(role, name, person_ref=ref)
                ids[name] = info.person_id
                self.people.redeem(info.code, platform, user, chat[0] if chat else user)
        self.people.invite("", person_ref=NAME)  # an open invite
        self.people.pair(NAME, "Bernd Buddy")
        self.booking.set_windows(ids["Bernd Buddy"], [Window(time(10), time(12), weekday=1)])
        first = datetime(2023, 4, 25, 8, 0, tzinfo=UTC)  # Tuesday 10:00 in Berlin
        series = self.booking.request(ids[NAME], first, interval_weeks=1)
        self.booking.decide(ids["Bernd Buddy"], series[0].id, accept=True)
        self.say("console", CONSOLE_USER, "/vorher 48h 2h")
        # cancel one meeting of the series: only this one, confirmed (a notice to Bernd)
        [scope] = self.say("console", CONSOLE_USER, f"/absagen #{series[1].id}")
        [confirm] = self.press(scope.buttons[0].data)
        self.press(confirm.buttons[0].data)
        self.say("telegram", TG_USER, "/erinnerungen")
        self.clock.now = datetime(2023, 4, 26, 8, 0, tzinfo=UTC)  # after the first meeting
        self.dispatcher.tick()  # reminders and notices are sent: delivery records
        return ids


@pytest.fixture
def world(engine, tmp_path):
    return World(engine, tmp_path)


def hits(world) -> list[str]:
    """Every place in the database or the data directory that still holds a needle."""
    found = []
    with world.sessions() as s:
        for table in Base.metadata.sorted_tables:
            for row in s.execute(select(table)):
                for column, value in row._mapping.items():
                    if isinstance(value, bytes | memoryview):
                        value = bytes(value).replace(b"\r\n ", b"").decode("utf-8", "replace")
                    if isinstance(value, str) and any(n in value.lower() for n in NEEDLES):
                        found.append(f"{table.name}.{column}: {value[:80]!r}")
    for path in world.data_dir.rglob("*"):
        content = path.read_bytes().replace(b"\r\n ", b"") if path.is_file() else b""
        text = f"{path} {content.decode('utf-8', 'replace')}".lower()
        if any(n in text for n in NEEDLES):
            found.append(f"file {path}")
    return found


def test_seeding_reaches_every_table_that_can_hold_personal_data(world):
    world.seed()
    assert hits(world)  # the scan can fail: before erasure it finds her everywhere
    with world.sessions() as s:
        for model in (ChatIdentity, Invite, Pair, Series, Meeting, MeetingEvent, Subscription):
            assert s.scalar(select(func.count()).select_from(model)) > 0, model
        assert s.scalar(select(func.count()).where(FaqLog.question.contains("Zyxwuster")))
        states = set(s.scalars(select(OutboxRow.state)))
        assert {"sent", "pending", "cancelled"} <= states
    assert list((world.data_dir / "files" / "bernd").glob("*.ics"))


def test_erasure_leaves_no_trace_and_tells_the_partner(world):
    ids = world.seed()
    replies = world.say("console", CONSOLE_USER, "/loeschen ja")
    assert "gelöscht" in replies[0].text
    # what is left until the bot's next tick: the instruction to forget her Matrix chat
    # (in the database) and what the Matrix store still knows of it
    with world.sessions() as s:
        [forget] = s.scalars(select(OutboxRow).where(OutboxRow.kind == outbox.FORGET)).all()
        assert (forget.state, forget.platform, forget.chat_id, forget.text) == (
            "pending", "matrix", MX_ROOM, MX_USER,
        )  # fmt: skip
    left = hits(world)
    assert {h.split(":")[0] for h in left if not h.startswith("file")} == {
        "outbox.chat_id",
        "outbox.text",
    }
    files = [h for h in left if h.startswith("file")]
    assert files and all("/data/matrix/" in h for h in files)
    world.dispatcher.tick()
    assert world.matrix.forgotten == [(MX_ROOM, MX_USER)]
    assert hits(world) == []
    with world.sessions() as s:
        forget = s.get(OutboxRow, forget.id)
        assert (forget.state, forget.chat_id, forget.text) == ("sent", "", "")
        erika = s.get(Person, ids[NAME])
        assert erika.name is None and erika.erased_at is not None and erika.role == "expert"
        pending = s.scalars(select(OutboxRow).where(OutboxRow.state == outbox.PENDING)).all()
        bernd = [r for r in s.scalars(select(OutboxRow)) if r.chat_id == "bernd"]
        told = [r for r in bernd if r.kind == "notice" and r.state == "sent"][-1]
        assert b"METHOD:CANCEL" in told.file_data and "gelöscht" in told.text
        # nothing left that would still go to her or speak of her meetings
        assert all(r.chat_id not in ("", CONSOLE_USER, TG_USER, MX_ROOM) for r in pending)
        assert s.scalar(select(func.count()).select_from(Meeting)) == 0
    assert world.booking.upcoming(ids["Bernd Buddy"]) == []
    before = len(world.telegram.sent)
    world.clock.now += timedelta(days=400)
    world.dispatcher.tick()  # what is left goes out: nothing for her
    assert world.telegram.sent[before:] == []


def test_admin_erase_of_an_applicant_chat_and_of_a_person(world):
    """`/loeschen` of someone without an invite erases the subscription and its pushes."""
    world.say("telegram", "5550009999", "/erinnerungen")
    world.say("telegram", "5550009999", "/loeschen ja")
    with world.sessions() as s:
        texts = [r.chat_id for r in s.scalars(select(OutboxRow))]
        assert "5550009999" not in texts
        assert s.scalar(select(func.count()).select_from(Subscription)) == 0


def test_revocation_stops_meetings_and_messages_but_keeps_the_data_visible(world):
    world.seed()
    # …and a new request whose notice to Bernd (naming her) is not sent yet
    [offer] = world.say("console", CONSOLE_USER, "/jourfixe")
    [series] = world.press(offer.buttons[0].data)
    world.press(series.buttons[0].data)
    world.say("console", "ada", f'/revoke "{NAME}" yes')
    with world.sessions() as s:
        pending = s.scalars(select(OutboxRow).where(OutboxRow.state == outbox.PENDING)).all()
        # to her only the one notice that she no longer takes part (tryout6 #8)
        hers = [r.text for r in pending if r.chat_id in (CONSOLE_USER, TG_USER)]
        assert len(hers) == 1 and hers[0].startswith("Sie nehmen nicht mehr am Programm")
        naming = [r.text for r in pending if NAME in r.text]
        assert len(naming) == 1 and "nicht mehr am Programm" in naming[0]
        told = [r for r in pending if r.chat_id == "bernd" and r.kind == "notice"]
        assert len(told) == 1 and NAME in told[0].text and b"METHOD:CANCEL" in told[0].file_data
        active = s.scalar(
            select(func.count()).where(
                Meeting.state.in_(("requested", "confirmed")), Meeting.ends_at > world.clock()
            )
        )
        assert active == 0
        assert s.scalars(select(Subscription.stopped_at)).all() != [None]
    mine = world.say("console", CONSOLE_USER, "/meinedaten")[0].text
    assert NAME in mine and "Ihre Jour Fixes\n• " in mine
    world.say("console", CONSOLE_USER, "/loeschen ja")
    world.dispatcher.tick()  # the Matrix store forgets her
    assert hits(world) == []


def test_the_matrix_store_keeps_everyone_else(world):
    world.seed()
    world.say("console", CONSOLE_USER, "/loeschen ja")
    world.dispatcher.tick()
    store = world.matrix.client.store
    assert store.load_encrypted_rooms() == {"!other:matrix.test"}
    assert [d.user_id for d in store.load_device_keys()] == ["@other:matrix.test"]
    assert [k.user_id for k in store.ignore_db] == ["@other:matrix.test"]
    assert list(world.matrix.client.olm.device_store.users) == ["@other:matrix.test"]


def test_a_forget_instruction_is_tried_until_it_is_carried_out(world):
    """Unlike a message, it is never given up (the data would stay behind): after more
    failed tries than a message gets, it is still waiting, and then carried out."""
    world.seed()
    world.matrix.failures = [TransientError("homeserver away")] * 5 + [RuntimeError("bug")] * 5
    world.say("console", CONSOLE_USER, "/loeschen ja")
    for _ in range(10):
        world.dispatcher.tick()
        with world.sessions() as s:
            row = s.scalars(select(OutboxRow).where(OutboxRow.kind == outbox.FORGET)).one()
        assert (row.state, row.chat_id) == ("pending", MX_ROOM)
        world.clock.now += timedelta(hours=1, minutes=1)
    assert row.attempts == 10 > world.dispatcher.max_attempts
    assert row.last_error == "forget: RuntimeError"
    world.dispatcher.tick()
    assert world.matrix.forgotten == [(MX_ROOM, MX_USER)]
    assert hits(world) == []


def test_export_lists_everything_the_tables_hold(world):
    ids = world.seed()
    data = world.people.export(ids[NAME])
    pid = ids[NAME]
    with world.sessions() as s:
        idents = s.scalars(select(ChatIdentity).where(ChatIdentity.person_id == pid)).all()
        chats = {(i.platform, i.chat_id) for i in idents}
        assert {(i["platform"], i["chat_id"]) for i in data["chat_identities"]} == chats
        assert len(data["invites"]) == s.scalar(select(func.count()).where(Invite.person_id == pid))
        meetings = s.scalars(select(Meeting).where(Meeting.expert_id == pid)).all()
        assert [m["id"] for m in data["jour_fixes"]] == [
            m.id for m in sorted(meetings, key=lambda m: m.starts_at)
        ]
        events = s.scalar(
            select(func.count()).where(MeetingEvent.meeting_id.in_([m.id for m in meetings]))
        )
        assert sum(len(m["history"]) for m in data["jour_fixes"]) == events
        assert len(data["jour_fixe_series"]) == 1
        rows = [r for r in s.scalars(select(OutboxRow)) if (r.platform, r.chat_id) in chats]
        assert sorted((m["kind"], m["state"], m["text"]) for m in data["messages"]) == sorted(
            (r.kind, r.state, r.text) for r in rows
        )
        assert {m["state"] for m in data["messages"]} >= {"sent", "pending"}
        subs = s.scalars(select(Subscription).where(Subscription.user_id == TG_USER)).all()
        assert [x["chat_id"] for x in data["reminder_subscriptions"]] == [x.chat_id for x in subs]
    assert data["person"]["reminders_before_minutes"] == "2880,120"
    shown = world.say("console", CONSOLE_USER, "/meinedaten")[0].text
    assert "Nachrichten an Sie\n• " in shown and "Ihre Erinnerungen\n• Fristen von „" in shown
    assert (
        "Erinnerungen vor einem Jour Fixe: 2 Tage, 2 h" in shown
        and "Verlauf: angefragt am" in shown
    )
    assert "+00:00" not in shown and "chat_id" not in shown


def test_delivery_records_lose_recipient_and_text_after_the_retention_period(world):
    from bot.app.wiring import apply_retention

    world.seed()
    with world.sessions() as s:
        sent = s.scalars(select(OutboxRow).where(OutboxRow.state == "sent")).all()
        pending = s.scalar(select(func.count()).where(OutboxRow.state == "pending"))
    assert sent and all(r.chat_id for r in sent)
    assert apply_retention(world.sessions, START + timedelta(days=29)) == 0
    later = world.clock() + timedelta(days=outbox.DELIVERY_RECORD_DAYS + 1)
    assert apply_retention(world.sessions, later) >= len(sent)
    with world.sessions() as s:
        for r in s.scalars(select(OutboxRow).where(OutboxRow.id.in_([r.id for r in sent]))):
            assert (r.chat_id, r.text, r.file_data, r.ref) == ("", "", None, None)
            assert r.state == "sent" and r.dedupe_key == f"purged:{r.id}"
        # what is still to be sent keeps its address
        assert s.scalar(select(func.count()).where(OutboxRow.state == "pending")) == pending


def test_the_database_file_in_the_data_directory_keeps_no_trace(migrated_sqlite, tmp_path):
    """The default layout: the SQLite database lives in the data directory. While the
    bot runs (the engine open), the file and its write-ahead log are read byte by
    byte: the erased rows are neither in freed pages nor in old log frames."""
    from storage.db import make_engine

    engine = make_engine(migrated_sqlite(tmp_path / "data" / "imbot.db"))
    world = World(engine, tmp_path)
    world.seed()

    def raw() -> list[str]:
        files = [p for p in world.data_dir.glob("imbot.db*") if p.is_file()]
        return [f"{p.name}: {n}" for p in files for n in NEEDLES if n.encode() in p.read_bytes().lower()]  # fmt: skip

    assert raw()  # the scan can fail: before the erasure she is in the file or its log
    world.say("console", CONSOLE_USER, "/loeschen ja")
    world.dispatcher.tick()
    assert raw() == []
    assert hits(world) == []
    engine.dispose()


def test_the_console_forgets_an_erased_user_it_greeted(engine, tmp_path):
    """`/loeschen` at the console: the login leaves console-users.txt (her next start is
    a first one, greeted anew) and her calendar files go; the others stay."""
    from bot.app.console import run_console

    data = tmp_path / "data"
    settings = Settings(database_url=str(engine.url), data_dir=data)
    people = People(session_factory(engine))
    info = people.invite("expert", NAME)
    people.redeem(info.code, "console", CONSOLE_USER, CONSOLE_USER)
    data.mkdir()
    (data / "console-users.txt").write_text(f"ada\n{CONSOLE_USER}\nbernd\n", encoding="utf-8")
    (data / "files" / CONSOLE_USER).mkdir(parents=True)
    (data / "files" / CONSOLE_USER / "jourfixe.ics").write_text("BEGIN:VCALENDAR")
    out = io.StringIO()
    script = io.StringIO("/meinedaten\n/loeschen\nja\n")
    run_console(settings, user=CONSOLE_USER, stdin=script, stdout=out, tick_seconds=3600)
    assert "gelöscht" in out.getvalue(), out.getvalue()
    users = (data / "console-users.txt").read_text(encoding="utf-8").split()
    assert users == ["ada", "bernd"]
    assert not (data / "files" / CONSOLE_USER).exists()
