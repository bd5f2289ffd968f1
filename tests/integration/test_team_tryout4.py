"""Try-out 4, the team's side: /sperren asks once before it cancels anything (T26),
/paar and /sperren find a person by a unique part of the name (T17), in the console
chat as an admin uses it, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from bot.booking.rules import Rules
from bot.booking.service import JourFixe
from bot.booking.timeparse import Window
from bot.chat.faq_replies import FaqReplies
from bot.people import People
from bot.team import Team
from storage.models import Edition, Meeting, Pair, Person
from storage.repo import session_factory
from tests.chat import make_router, say
from tests.clock import Clock

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # Monday 2 March 2026, 09:00 in Berlin


@pytest.fixture
def world(engine, matcher):
    sessions = session_factory(engine)
    clock = Clock(START)
    jf = JourFixe(sessions, clock, Rules())
    people = People(sessions, clock, end_meetings=jf.end_all)
    router = make_router(
        FaqReplies(matcher), people=people, booking=jf, clock=clock, team=Team(sessions, clock)
    )
    with sessions() as s:  # a program end far off: a series runs its 12 weeks
        s.add(Edition(slug="t", name="t", starts_on=START.date(), ends_on=date_in(120)))
        s.commit()
    ids = {}
    for role, name, login, lang in [
        ("admin", "Ada Admin", "ada", "de"),
        ("admin", "Alan Admin", "alan", "en"),
        ("buddy", "Bea Berger", "bea", "en"),
        ("buddy", "Bernd Buddy", "bernd", "de"),
        ("expert", "Erika Expertin", "erika", "de"),
        ("expert", "Emil Experte", "emil", "en"),
        ("expert", "Fatma Yılmaz", "fatma", "en"),
        ("expert", "José Ruiz", "jose", "de"),
    ]:
        info = people.invite(role, name, lang=lang)
        people.redeem(info.code, "console", login, login)
        ids[login] = info.person_id
    return router, sessions, jf, ids


def date_in(days: int):
    return (START + timedelta(days=days)).date()


def _pairs(sessions) -> set[tuple[int, int]]:
    with sessions() as s:
        return {(p.expert_id, p.buddy_id) for p in s.scalars(select(Pair))}


def _active_meetings(sessions) -> int:
    with sessions() as s:
        return s.scalar(
            select(func.count())
            .select_from(Meeting)
            .where(Meeting.state.in_(("requested", "confirmed")))
        )


def _bea_with_two_experts_and_a_series(world) -> None:
    router, sessions, jf, ids = world
    for expert in ("erika", "emil"):
        say(router, "ada", f"/paar #{ids[expert]} #{ids['bea']}")
    jf.set_windows(ids["bea"], [Window(time(10), time(12), weekday=1)])
    jf.request(ids["emil"], datetime(2026, 3, 3, 10, 0, tzinfo=BERLIN), interval_weeks=1)


# -- T26: /sperren asks once ----------------------------------------------------------
def test_revoke_asks_once_with_what_it_ends_and_no_keeps_everything(world):
    router, sessions, _, ids = world
    _bea_with_two_experts_and_a_series(world)
    meetings = _active_meetings(sessions)
    assert meetings >= 10
    [ask] = say(router, "ada", '/sperren "Bea Berger"')
    assert ask.text.startswith("Bea Berger sperren? ")
    assert "2 Expert:innen verlieren damit ihren Buddy" in ask.text
    assert f"{meetings} kommende Jour Fixes werden abgesagt" in ask.text
    assert [b.label for b in ask.buttons] == ["Ja, sperren", "Nein"]
    assert ask.buttons[0].confirms
    # nothing done yet; "nein" keeps everything
    assert len(_pairs(sessions)) == 2 and _active_meetings(sessions) == meetings
    [kept] = say(router, "ada", "nein")
    assert kept.text.startswith("Nichts geändert")
    assert len(_pairs(sessions)) == 2 and _active_meetings(sessions) == meetings
    with sessions() as s:
        assert s.get(Person, ids["bea"]).revoked_at is None


def test_revoke_is_done_after_a_typed_yes(world):
    router, sessions, _, ids = world
    _bea_with_two_experts_and_a_series(world)
    say(router, "ada", "/sperren Bea Berger")  # without quotes: one person
    replies = say(router, "ada", "ja")
    assert "Bea Berger ist gesperrt" in replies[0].text
    assert _pairs(sessions) == set() and _active_meetings(sessions) == 0
    with sessions() as s:
        assert s.get(Person, ids["bea"]).revoked_at is not None
    # pressed again (a second device): no second revoke, no error
    [again] = say(router, "ada", f"/sperren #{ids['bea']}")
    assert "schon gesperrt" in again.text and not again.buttons


def test_revoke_in_english_and_with_yes_in_the_command(world):
    router, sessions, _, ids = world
    say(router, "ada", f"/paar #{ids['erika']} #{ids['bernd']}")
    [ask] = say(router, "alan", "/revoke erika")
    assert ask.text.startswith("Revoke Erika Expertin? ")
    assert "Jour Fixe" not in ask.text  # none to cancel
    assert [b.label for b in ask.buttons] == ["Yes, revoke", "No"]
    assert len(_pairs(sessions)) == 1
    [done, told] = say(router, "alan", data=ask.buttons[0].data)
    assert "Erika Expertin is revoked" in done.text and _pairs(sessions) == set()
    assert told.to is not None and "Sie nehmen nicht mehr am Programm" in told.text  # #8
    # `/sperren NAME ja` skips the question, as `/loeschen ja` does
    [direct, *_] = say(router, "ada", '/sperren "Emil Experte" ja')
    assert "Emil Experte ist gesperrt" in direct.text


def test_revoke_refusals_are_asked_nothing(world):
    router, *_ = world
    assert "Bitte so: /sperren" in say(router, "ada", "/sperren")[0].text
    [nobody] = say(router, "ada", "/sperren Niemand")
    assert "Ich finde niemanden" in nobody.text and not nobody.buttons
    [last] = say(router, "alan", "/revoke Alan Admin")
    assert "Revoke Alan Admin?" in last.text  # Ada is another admin
    say(router, "alan", "yes")
    [only] = say(router, "ada", "/sperren Ada Admin")
    assert "letzte Admin" in only.text and not only.buttons


# -- T17: a unique part of a name ------------------------------------------------------
@pytest.mark.parametrize(
    ("expert", "buddy", "who"),
    [
        ("Fatma", "Bernd", "fatma"),
        ("yilmaz", "bernd", "fatma"),  # the last name, case and accents aside
        ('"FATMA YILMAZ"', "buddy", "fatma"),
        ("jose", '"Bernd Buddy"', "jose"),
        ('"Fatma Yılmaz"', '"Bernd Buddy"', "fatma"),  # the exact name as before
    ],
)
def test_pair_by_a_unique_part_of_the_name(world, expert, buddy, who):
    router, sessions, _, ids = world
    [done, *_] = say(router, "ada", f"/paar {expert} {buddy}")
    assert "Ich finde niemanden" not in done.text and "Bernd Buddy" in done.text
    assert _pairs(sessions) == {(ids[who], ids["bernd"])}


def test_a_part_several_people_have_is_asked_which(world):
    """ "Experte" fits nobody but Emil; "E" is no word of a name; with two Berndt…"""
    router, sessions, _, ids = world
    people = router.services.people
    info = people.invite("expert", "Erika Muster")
    people.redeem(info.code, "console", "erika2", "erika2")
    [which] = say(router, "ada", "/paar Erika Bernd")
    assert "„Erika“ passt auf mehrere Personen" in which.text
    assert f"#{ids['erika']} Erika Expertin" in which.text
    assert f"#{info.person_id} Erika Muster" in which.text
    assert _pairs(sessions) == set()
    # the role decides between namesakes of different roles: Bea the buddy, not an expert
    people.redeem(people.invite("expert", "Bea Klein").code, "console", "bea2", "bea2")
    say(router, "ada", "/paar Emil Bea")
    assert _pairs(sessions) == {(ids["emil"], ids["bea"])}
    assert "Ich finde niemanden mit „Er“" in say(router, "ada", "/paar Er Bernd")[0].text


# -- E6: an invite asked in words -------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lade Maria Muster als Expertin ein", ("expert", "de", "Maria Muster")),
        ("Lade bitte Tom Test als Buddy ein", ("buddy", "de", "Tom Test")),
        (
            "bitte Maria Muster als Expertin einladen, auf Englisch",
            ("expert", "en", "Maria Muster"),
        ),
        ("invite Maria Muster as an expert", ("expert", "de", "Maria Muster")),
        ("please invite Ann Lee as a buddy in English", ("buddy", "en", "Ann Lee")),
        ("Hallo, lade Frau Maria Muster als Expertin ein", ("expert", "de", "Maria Muster")),
        ("wie lade ich jemanden als Expertin ein?", None),  # a question: the help
        ("lade Maria Muster ein", None),  # no role: nothing to offer
        ("lade maria als expertin ein", None),  # no name written as one
        ("die Expertin lädt uns zum Kick-off ein", None),
        ("lade Maria Muster als Expertin und Buddy ein", None),  # two roles
    ],
)
def test_invite_in_words_is_read(text, expected):
    from bot.chat.team import invite_in_words

    assert invite_in_words(text) == expected


def test_an_admin_inviting_in_words_is_offered_the_command(world):
    router, sessions, _, _ = world
    [offer] = say(router, "ada", "lade Maria Muster als Expertin ein")
    assert offer.text.startswith("Meinen Sie /einladen expertin Maria Muster?")
    assert [b.label for b in offer.buttons] == ["Ja, einladen", "Nein"]
    with sessions() as s:  # nothing done by words alone
        assert s.scalar(select(func.count()).where(Person.name == "Maria Muster")) == 0
    replies = say(router, "ada", "ja")
    assert "Einladung für Maria Muster (Expert:in)" in replies[0].text
    assert "Hallo Maria Muster" in replies[1].text
    with sessions() as s:
        assert s.scalar(select(func.count()).where(Person.name == "Maria Muster")) == 1
    # "nein": nothing; English words, English offer
    say(router, "ada", "lade Tom Test als Buddy ein")
    assert say(router, "ada", "nein")[0].text == "Keine Einladung angelegt."
    [english] = say(router, "alan", "invite Ann Lee as a buddy in English")
    assert english.text.startswith("Do you mean /invite buddy Ann Lee lang=en?")
    assert [b.label for b in english.buttons] == ["Yes, invite", "No"]
    [letter] = say(router, "alan", data=english.buttons[0].data)[1:]
    assert letter.text.startswith("Hello Ann Lee")
    # a question how to invite: the help, not the FAQ
    assert (
        "/einladen expertin|buddy|admin"
        in say(router, "ada", "wie lade ich jemanden als Expertin ein?")[0].text
    )


def test_only_admins_are_offered_an_invite(world):
    router, *_ = world
    replies = say(router, "erika", "lade Maria Muster als Expertin ein")
    assert not any("/einladen" in r.text for r in replies)
