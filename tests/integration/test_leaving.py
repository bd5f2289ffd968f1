"""What the others are told when someone leaves: a buddy or an expert erasing their
data, or the team revoking them (try-out 4: P5, P10, P11, T27, E3, E9). One notice per
partner, in the partner's language, through the outbox: a series named as a series,
a request or counter-proposal that lapses said to lapse (not "cancelled"), an expert
told they have no buddy now, a buddy which experts remain, the team which experts
need a new buddy. An erased person is named nowhere, not even in these notices."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.booking.rules import Rules
from bot.booking.service import JourFixe
from bot.booking.timeparse import Window
from bot.people import People
from storage.models import OutboxRow
from storage.repo import session_factory
from tests.clock import Clock

BERLIN = ZoneInfo("Europe/Berlin")
MON = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # Monday 2 March 2026, 09:00 in Berlin


def local(y, mo, d, h, mi=0):
    return datetime(y, mo, d, h, mi, tzinfo=BERLIN)


class World:
    """Ada (admin), Bernd (buddy, Tuesdays 10-12) and his experts Erika, Emil (English),
    Eva and Fay, each in the console as chat `name.lower()`; Berta a second buddy."""

    def __init__(self, engine):
        self.sessions = session_factory(engine)
        self.clock = Clock(MON)
        rules = Rules(notice_hours=12, horizon_days=28, buffer_minutes=15)
        self.jf = JourFixe(self.sessions, self.clock, rules)
        self.people = People(self.sessions, self.clock, end_meetings=self.jf.end_all)
        self.ids = {}
        for role, name, lang in (
            ("admin", "Ada", "de"), ("buddy", "Bernd", "de"), ("buddy", "Berta", "de"),
            ("expert", "Erika", "de"), ("expert", "Emil", "en"), ("expert", "Eva", "de"),
            ("expert", "Fay", "de"),
        ):  # fmt: skip
            info = self.people.invite(role, name, lang=lang)
            self.people.redeem(info.code, "console", name.lower(), name.lower())
            self.ids[name] = info.person_id
        for expert in ("Erika", "Emil", "Eva", "Fay"):
            self.people.pair(expert, "Bernd")
        tuesdays = [Window(time(10), time(12), weekday=1)]
        self.jf.set_windows(self.ids["Bernd"], tuesdays)
        self.jf.set_windows(self.ids["Berta"], tuesdays)

    def told(self, chat: str) -> list[OutboxRow]:
        """The notices waiting for `chat` (the leaving ones)."""
        with self.sessions() as s:
            rows = s.scalars(
                select(OutboxRow).where(
                    OutboxRow.chat_id == chat,
                    OutboxRow.kind == "notice",
                    OutboxRow.state == "pending",
                    OutboxRow.created_at >= self.clock(),
                )
            ).all()
            s.expunge_all()
            return list(rows)

    def all_texts(self) -> str:
        with self.sessions() as s:
            return "\n".join(r.text or "" for r in s.scalars(select(OutboxRow)))

    def meetings_of_bernd(self):
        """Erika: a weekly series, confirmed. Emil: a series every two weeks, only
        requested. Eva: a counter-proposal of Bernd open. Fay: no meeting."""
        jf, ids = self.jf, self.ids
        first, *_ = jf.request(ids["Erika"], local(2026, 3, 3, 10), interval_weeks=1)
        jf.decide(ids["Bernd"], first.id, accept=True)
        jf.request(ids["Emil"], local(2026, 3, 3, 11), interval_weeks=2)
        [asked] = jf.request(ids["Eva"], local(2026, 3, 10, 11))
        jf.propose(ids["Bernd"], asked.id, local(2026, 3, 12, 15))
        self.clock.now = local(2026, 3, 2, 12)


@pytest.fixture
def world(engine):
    return World(engine)


def test_a_buddy_erasing_tells_each_expert_what_it_means_and_the_team_whom_to_pair(world):
    world.meetings_of_bernd()
    world.people.erase(world.ids["Bernd"])
    [erika] = world.told("erika")
    assert erika.text.startswith("Ihr Buddy hat den Bot verlassen und alle Daten gelöscht.")
    # P5: the series by its weekday and time, not a list of dates
    assert "Abgesagt: Jour Fixe dienstags 10:00 (jede Woche, " in erika.text
    assert "Di 10.03." not in erika.text
    assert "Sie haben gerade keinen Buddy; Lokalprojekte ordnet Ihnen einen neuen zu" in erika.text
    assert b"METHOD:CANCEL" in erika.file_data
    # P10: a request never confirmed lapses; nothing of hers was in a calendar
    [emil] = world.told("emil")
    assert "Your buddy has left the bot" in emil.text
    assert (
        "Your request can no longer be answered: Jour Fixe on Tuesdays at 11:00 (every 2 weeks, "
        in emil.text
    )
    assert "Cancelled" not in emil.text and emil.file_data is None
    assert "You have no buddy right now" in emil.text
    # E9: the counter-proposal she was asked about lapses, and she is told so
    [eva] = world.told("eva")
    assert "Der Vorschlag Do 12.03. 15:00 ist damit hinfällig." in eva.text
    assert "Abgesagt" not in eva.text and eva.file_data is None
    # P11: without any meeting, she still hears she has no buddy now
    [fay] = world.told("fay")
    assert fay.text == (
        "Ihr Buddy hat den Bot verlassen und alle Daten gelöscht.\n"
        "Sie haben gerade keinen Buddy; Lokalprojekte ordnet Ihnen einen neuen zu, und ich "
        "sage Ihnen Bescheid."
    )
    [ada] = world.told("ada")
    assert "Ein Buddy hat den Bot verlassen" in ada.text
    assert "Ohne Buddy sind jetzt: Emil, Erika, Eva, Fay. Neu zuordnen: /paar" in ada.text
    assert world.told("berta") == []
    assert "Bernd" not in world.all_texts()  # nothing names him, these notices neither


def test_an_expert_erasing_tells_the_buddy_which_series_and_who_remains(world):
    world.meetings_of_bernd()
    world.people.erase(world.ids["Erika"])
    [bernd] = world.told("bernd")
    assert bernd.text.startswith("Eine Ihrer Expert:innen hat den Bot verlassen")
    assert "Abgesagt: Jour Fixe dienstags 10:00 (jede Woche, " in bernd.text
    assert bernd.text.endswith("Ihre Expert:innen sind jetzt: Emil, Eva, Fay.")
    assert b"METHOD:CANCEL" in bernd.file_data
    world.people.erase(world.ids["Emil"])  # E3: her request is withdrawn, not cancelled
    [bernd] = world.told("bernd")
    assert "Die Anfrage ist damit zurückgezogen: Jour Fixe dienstags 11:00 (alle 2 Wochen, " in (
        bernd.text
    )
    assert "Abgesagt" not in bernd.text and bernd.file_data is None
    world.people.erase(world.ids["Eva"])  # his own proposal to her lapses
    [bernd] = world.told("bernd")
    assert "Ihr Vorschlag Do 12.03. 15:00 ist damit hinfällig." in bernd.text
    world.people.erase(world.ids["Fay"])
    [bernd] = world.told("bernd")
    assert bernd.text.endswith("Ihnen ist jetzt keine Expert:in mehr zugeordnet.")
    assert world.told("ada") == []  # nobody to pair again: the team is not bothered
    texts = world.all_texts()
    assert not any(name in texts for name in ("Erika", "Emil", "Eva", "Fay"))


def test_a_revoked_buddy_is_named_and_every_expert_hears_of_it(world):
    """T27: Fay has no meeting and was not told at all; the admin reads whom to pair."""
    world.meetings_of_bernd()
    done = world.people.revoking("Bernd")
    assert done.name == "Bernd" and done.orphans == ("Emil", "Erika", "Eva", "Fay")
    [fay] = world.told("fay")
    assert fay.text.startswith("Ihr Buddy Bernd nimmt nicht mehr am Programm teil.\n")
    assert "keinen Buddy" in fay.text
    [emil] = world.told("emil")
    assert emil.text.startswith("Your buddy Bernd no longer takes part in the program.")
    assert world.told("ada") == []  # the admin who revoked reads it in the reply
    # revoked again (typed twice): nothing new, and the news about him is not withdrawn
    assert world.people.revoking("Bernd").orphans == ()
    assert [r.id for r in world.told("fay")] == [fay.id]


def test_a_former_buddy_leaving_cancels_the_meetings_kept_but_takes_no_buddy_away(world):
    """After re-pairing, the meetings already made stay with the old buddy; when he
    leaves, the expert hears of them, and not that she has no buddy (she has Berta)."""
    world.meetings_of_bernd()
    world.people.pairing("Erika", "Berta")
    world.people.revoke("Bernd")
    [erika] = world.told("erika")
    assert erika.text.startswith("Ihr früherer Buddy Bernd nimmt nicht mehr am Programm teil.\n")
    assert "Abgesagt: Jour Fixe dienstags 10:00" in erika.text
    assert "keinen Buddy" not in erika.text
