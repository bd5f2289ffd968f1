"""Groups and rooms are not private chats: nobody is identified there, nothing
personal is shown or linked, admin commands do not run; the FAQ works."""

import pytest
from sqlalchemy import func, select

from bot.booking.service import JourFixe
from bot.chat.faq_replies import FaqReplies
from bot.messages import Inbound
from bot.people import People
from bot.texts import command_lang
from bot.timeline import Timeline
from jobs.editions import default_edition_text
from storage.models import Base
from tests.chat import make_router

GROUP = "-100200"


@pytest.fixture
def world(matcher, sessions):
    people = People(sessions)
    Timeline(sessions).load(default_edition_text())
    router = make_router(
        FaqReplies(matcher),
        people=people,
        booking=JourFixe(sessions),
        timeline=Timeline(sessions),
    )
    admin = people.invite("admin", "Ada Admin")
    people.redeem(admin.code, "telegram", "1", "1")  # Ada's private chat
    return router, people, sessions


def in_group(router, text="", data=None, user="1"):
    return router.handle(Inbound("telegram", user, GROUP, text=text, data=data, private=False))


def snapshot(sessions):
    with sessions() as s:
        return {
            t.name: s.scalar(select(func.count()).select_from(t))
            for t in Base.metadata.sorted_tables
        }


PRIVATE_ONLY = [
    "/invite expert Bob",
    "/einladen buddy Bea",
    "/people",
    "/personen",
    '/pair "Ada Admin" x',
    "/revoke 1",
    "/meinedaten",
    "/mydata",
    "/loeschen ja",
    "/delete",
    "/erinnerungen",
    "/stopp",
    "/frei Di 10-12",
    "/jourfixe",
    "/termine",
    "/absagen #1",
    "/verschieben #1",
    "/vorher 1h",
    "/dauer 30",
    "/urlaub 24.12.-2.1.",
    "/start SOMECODE",
]


@pytest.mark.parametrize("text", PRIVATE_ONLY)
def test_personal_and_admin_commands_are_refused_in_a_group(world, text):
    router, _, sessions = world
    before = snapshot(sessions)
    [reply] = in_group(router, text)
    english = command_lang(text.split()[0][1:]) == "en"  # nobody's language in a group
    assert ("only works in a private chat" if english else "nur im privaten Chat") in reply.text
    assert snapshot(sessions) == before


@pytest.mark.parametrize("data", ["erase:yes:1", "jf:yes:1", "rem:yes", "jf:slot:99999999999999"])
def test_buttons_of_private_features_are_refused_in_a_group(world, data):
    router, _, sessions = world
    before = snapshot(sessions)
    [reply] = in_group(router, data=data)
    assert "privaten Chat" in reply.text or "nicht mehr gültig" in reply.text
    assert snapshot(sessions) == before


def test_an_invite_code_in_a_group_links_nothing(world):
    router, people, _ = world
    code = people.invite("expert", "Erika").code
    in_group(router, f"/start {code}", user="2")
    assert people.whois("telegram", "2") is None
    reply = router.handle(Inbound("telegram", "2", "2", text=f"/start {code}"))
    assert "Willkommen, Erika" in reply[0].text  # the code still works in private


def test_the_faq_answers_in_a_group_and_nobody_is_identified(world):
    router, _, _ = world
    [answer] = in_group(router, "Bis wann kann man sich bewerben?")
    assert "3. Mai 2023" in answer.text
    assert "Das kann ich" in in_group(router, "/hilfe")[0].text
    assert "Charlotte Bock" in in_group(router, "/kontakt")[0].text
    # the admin's role does not follow them into the group
    assert "nur im privaten Chat" in in_group(router, "/personen")[0].text
    assert "only works in a private chat" in in_group(router, "/people")[0].text
    assert "Ada Admin" in router.handle(Inbound("telegram", "1", "1", text="/people"))[0].text
