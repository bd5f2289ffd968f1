"""Pairs in every Jour Fixe state, made with the real services while the clock moves:
what the team's overview tests read (on SQLite and PostgreSQL).

At `NOW` (Monday 13 April 2026, 09:00 in Berlin), with 4 weeks as the threshold:

| pair           | held (last)      | next            | open | expired | declined | cancelled | flag  |
| Erika – Bernd  | 1 (Tue 7.4. 10h) | Thu 16.4. 15:00 | 1    | 0       | 0        | 0         | -     |
| Emil – Bernd   | 1 (Tue 3.3. 11h) | -               | 0    | 2 (one marked by the tick, one not yet) | 1 | 0 | quiet |
| Eva – Bernd    | 0                | -               | 0    | 0       | 0        | 0         | never (Eva never redeemed her invite) |
| Frieda – Berta | 0                | -               | 0    | 0       | 1 (a weekly series) | 1 | never |
| Hanna – Berta  | 0 (her Jour Fixe with Bernd before re-pairing is not this pair's) | - | 0 | 0 | 0 | 0 | never |

Gustav is an expert without a buddy; Ida was an expert with Bernd and is revoked
(neither pair nor expert shown).
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.booking.rules import Rules
from bot.booking.service import JourFixe
from bot.booking.timeparse import Window
from bot.people import People
from storage.models import Edition
from tests.clock import Clock

BERLIN = ZoneInfo("Europe/Berlin")
T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # Monday 2 March 2026, 09:00 in Berlin
T1 = datetime(2026, 4, 6, 7, 0, tzinfo=UTC)  # Monday 6 April 2026, 09:00 (summer time)
NOW = datetime(2026, 4, 13, 7, 0, tzinfo=UTC)  # Monday 13 April 2026, 09:00


def local(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=BERLIN)


def seed(sessions) -> tuple[JourFixe, People, Clock, dict[str, int]]:
    """The people and meetings of the table above; the clock is left at NOW."""
    clock = Clock(T0)
    jf = JourFixe(sessions, clock, Rules())
    people = People(sessions, clock, end_meetings=jf.end_all)
    with sessions() as s:  # a program end far off: series run their 12 weeks
        s.add(
            Edition(
                slug="t", name="t", starts_on=T0.date(), ends_on=NOW.date() + timedelta(days=90)
            )
        )
        s.commit()
    ids: dict[str, int] = {}
    for role, name, linked in [
        ("admin", "Ada", True),
        ("buddy", "Bernd", True),
        ("buddy", "Berta", True),
        ("expert", "Erika", True),
        ("expert", "Emil", True),
        ("expert", "Eva", False),
        ("expert", "Frieda", True),
        ("expert", "Hanna", True),
        ("expert", "Gustav", True),
        ("expert", "Ida", True),
    ]:
        info = people.invite(role, name, lang="en" if name == "Emil" else "de")
        if linked:
            people.redeem(info.code, "console", name.lower(), name.lower())
        ids[name] = info.person_id
    for expert, buddy in [
        ("Erika", "Bernd"),
        ("Emil", "Bernd"),
        ("Eva", "Bernd"),
        ("Frieda", "Berta"),
        ("Hanna", "Bernd"),
        ("Ida", "Bernd"),
    ]:
        people.pair(f"#{ids[expert]}", f"#{ids[buddy]}")
    jf.set_windows(
        ids["Bernd"],
        [Window(time(10), time(12), weekday=1), Window(time(14), time(16), weekday=3)],
    )
    jf.set_windows(ids["Berta"], [Window(time(10), time(12), weekday=2)])

    def book(expert: str, start: datetime, answer: bool | None, weeks: int = 0) -> int:
        first = jf.request(ids[expert], start, weeks)[0]
        if answer is not None:
            jf.decide(first.buddy.person_id, first.id, answer)
        return first.id

    book("Hanna", local(3, 3, 10), True)  # held with Bernd, before the re-pairing
    book("Emil", local(3, 3, 11), True)  # Emil's only Jour Fixe: 6 weeks before NOW
    clock.now = T1
    people.pair(f"#{ids['Hanna']}", f"#{ids['Berta']}")
    book("Erika", local(4, 7, 10), True)  # held
    book("Emil", local(4, 7, 11), False)  # declined
    book("Emil", local(4, 9, 14), None)  # expires, marked by the tick
    book("Frieda", local(4, 8, 10), False, weeks=1)  # a declined weekly series: one request
    cancelled = book("Frieda", local(4, 8, 11), True)
    jf.cancel(ids["Frieda"], cancelled)
    clock.now = T1 + timedelta(hours=49)
    assert len(jf.expire_due()) == 1
    clock.now = T1 + timedelta(hours=50)
    book("Emil", local(4, 16, 14), None)  # unanswered past the TTL at NOW, not yet marked
    book("Erika", local(4, 16, 15), True)  # the next one
    clock.now = NOW - timedelta(hours=24)
    book("Erika", local(4, 14, 11), None)  # open at NOW
    people.revoke(f"#{ids['Ida']}")
    clock.now = NOW
    return jf, people, clock, ids
