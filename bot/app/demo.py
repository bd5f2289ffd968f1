"""`imbot demo`: demo people for trying Jour Fixes in one terminal.

Creates (once) an admin, a buddy with free times on Tuesdays and Thursdays, and two
experts paired with that buddy, each linked to a console user of the same first name.
"""

from __future__ import annotations

from datetime import time

from bot.booking.service import JourFixe
from bot.booking.timeparse import Window
from bot.people import People

__all__ = ["DEMO_PEOPLE", "create_demo"]

DEMO_PEOPLE = (
    ("admin", "Ada Admin", "ada"),
    ("buddy", "Bernd Buddy", "bernd"),
    ("expert", "Erika Expertin", "erika"),
    ("expert", "Emil Experte", "emil"),
)
GUIDE = """Demo people (console users):
  ada    Ada Admin       admin
  bernd  Bernd Buddy     buddy, free Tue 10-12 and Thu 14-16
  erika  Erika Expertin  expert, buddy: Bernd
  emil   Emil Experte    expert, buddy: Bernd

Try it in one terminal:
  imbot chat --as erika
  /jourfixe            pick a slot by its number, then once / every week / every 2 weeks
  /als bernd           switch to the buddy
  ja                   confirm (or "nein", or another time like "Do 14:00")
  /termine             upcoming meetings; /verschieben #N, /absagen #N
  /als erika           back to the expert"""


def create_demo(people: People, booking: JourFixe) -> bool:
    """Create the demo once; False if it already exists (nothing is changed then)."""
    if people.whois("console", "bernd") is not None:
        return False
    ids = {}
    for role, name, login in DEMO_PEOPLE:
        info = people.invite(role, name)
        people.redeem(info.code, "console", login, login)
        ids[login] = info.person_id
    for expert in ("erika", "emil"):
        people.pair(f"#{ids[expert]}", f"#{ids['bernd']}")
    booking.set_windows(
        ids["bernd"], [Window(time(10), time(12), weekday=1), Window(time(14), time(16), weekday=3)]
    )
    return True
