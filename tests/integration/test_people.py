"""People, invites, pairs and privacy on SQLite and on a real PostgreSQL."""

import threading
from datetime import UTC, datetime, timedelta

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from bot.people import People, PeopleError
from storage.db import upgrade
from storage.models import Base, Role
from storage.repo import UnitOfWork, session_factory
from tests.clock import Clock


@pytest.fixture
def clock():
    return Clock(datetime(2023, 9, 1, 8, 0, tzinfo=UTC))


@pytest.fixture
def people(engine, clock):
    return People(session_factory(engine), clock)


def test_migrations_match_the_models(empty_engine):
    engine = empty_engine
    upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_invite_redeem_and_whois(people):
    info = people.invite("expert", "Erika Muster", lang="en")
    assert people.whois("telegram", "111") is None
    who = people.redeem(info.code, "telegram", "111", "111")
    assert (who.name, who.role, who.lang) == ("Erika Muster", Role.EXPERT, "en")
    assert people.whois("telegram", "111") == who


@pytest.mark.parametrize("case", ["unknown", "used", "expired"])
def test_bad_invite_codes_are_refused(people, clock, case):
    code = people.invite("buddy", "Bernd").code
    if case == "used":
        people.redeem(code, "console", "a", "a")
    if case == "expired":
        clock.now += timedelta(days=15)
    with pytest.raises(PeopleError) as exc:
        people.redeem("nope" if case == "unknown" else code, "console", "b", "b")
    assert exc.value.key == f"invite_{case}"
    assert people.whois("console", "b") is None


def test_same_person_links_telegram_and_matrix(people):
    first = people.invite("buddy", "Bernd Buddy")
    people.redeem(first.code, "telegram", "42", "42")
    second = people.invite("", person_ref="Bernd Buddy")
    people.redeem(second.code, "matrix", "@bernd:example.org", "!room:example.org")
    assert people.whois("matrix", "@bernd:example.org").person_id == first.person_id
    [row] = people.people()
    assert row.platforms == ("matrix", "telegram") and row.status == "linked"


def test_one_chat_account_cannot_belong_to_two_people(people):
    people.redeem(people.invite("expert", "A").code, "telegram", "7", "7")
    with pytest.raises(PeopleError, match="identity_taken"):
        people.redeem(people.invite("expert", "B").code, "telegram", "7", "7")


def test_pairs_a_buddy_with_several_experts_and_checks_roles(people):
    for role, name in (("expert", "E1"), ("expert", "E2"), ("buddy", "B1"), ("buddy", "B2")):
        people.invite(role, name)
    people.pair("E1", "B1")
    people.pair("E2", "B1")
    rows = {r.name: r for r in people.people()}
    assert set(rows["B1"].partners) == {"E1", "E2"}
    people.pair("E1", "B2")  # a new buddy replaces the old one
    rows = {r.name: r for r in people.people()}
    assert rows["E1"].partners == ("B2",) and rows["B1"].partners == ("E2",)
    with pytest.raises(PeopleError, match="not_expert"):
        people.pair("B1", "B2")
    with pytest.raises(PeopleError, match="not_buddy"):
        people.pair("E1", "E2")
    with pytest.raises(PeopleError, match="unknown_person"):
        people.pair("Nobody", "B1")


def test_ambiguous_names_ask_for_the_number(people):
    people.invite("expert", "Kim")
    people.invite("expert", "kim")
    people.invite("buddy", "B")
    with pytest.raises(PeopleError) as exc:
        people.pair("KIM", "B")
    assert exc.value.key == "ambiguous_person" and exc.value.fields["ids"] == "#1, #2"
    people.pair("#1", "B")


def test_revoke_takes_role_away_but_keeps_the_data_visible(people):
    people.invite("admin", "Boss")  # not the last admin
    info = people.invite("admin", "Ada")
    people.redeem(info.code, "console", "ada", "ada")
    spare = people.invite("", person_ref="Ada")
    people.revoke("Ada")
    who = people.whois("console", "ada")  # still known: can see and erase their data
    assert who.role is Role.APPLICANT and who.name == "Ada"
    with pytest.raises(PeopleError, match="invite_unknown"):
        people.redeem(spare.code, "console", "ada", "ada")
    with pytest.raises(PeopleError, match="person_inactive"):
        people.invite("", person_ref="Ada")
    fresh = people.invite("expert", "Ada Neu")  # the account can be invited anew
    assert people.redeem(fresh.code, "console", "ada", "ada").role is Role.EXPERT


def test_the_last_admin_cannot_be_revoked(people):
    people.redeem(people.invite("admin", "Ada").code, "console", "ada", "ada")
    with pytest.raises(PeopleError, match="last_admin"):
        people.revoke("Ada")
    assert people.whois("console", "ada").role is Role.ADMIN


def test_export_and_erase_keep_only_anonymous_counts(people, engine):
    e = people.invite("expert", "Erika", lang="en")
    people.invite("buddy", "Bernd")
    people.redeem(e.code, "telegram", "5", "5")
    people.pair("Erika", "Bernd")
    data = people.export(e.person_id)
    assert data["person"]["name"] == "Erika"
    assert data["chat_identities"][0]["user_id"] == "5"
    assert data["pairs"] == [
        {
            "your_role": "expert",
            "partner": "Bernd",
            "since": data["pairs"][0]["since"],
            "place": None,
        }
    ]
    people.erase(e.person_id)
    erased = people.export(e.person_id)
    assert erased["person"]["name"] is None and erased["person"]["role"] == "expert"
    assert erased["chat_identities"] == erased["invites"] == erased["pairs"] == []
    assert people.whois("telegram", "5") is None
    with UnitOfWork(session_factory(engine)) as uow:
        assert len(uow.people.all()) == 2  # the count by role survives


def test_a_refused_invite_writes_nothing(people):
    for role, name, lang in (
        ("superuser", "X", "de"),
        ("expert", "  ", "de"),
        ("expert", "Y", "fr"),
    ):
        with pytest.raises(PeopleError):
            people.invite(role, name, lang=lang)
    assert people.people() == []


def test_two_simultaneous_redeems_of_one_code_link_exactly_one(people):
    code = people.invite("expert", "Race").code
    results, barrier = [], threading.Barrier(8)

    def attempt(i):
        barrier.wait()
        try:
            people.redeem(code, "telegram", f"user{i}", f"user{i}")
            results.append("ok")
        except PeopleError as exc:
            results.append(exc.key)
        except Exception as exc:  # e.g. "database is locked" would be a failure of the design
            results.append(repr(exc))

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert sorted(results) == ["invite_used"] * 7 + ["ok"]


def test_erasure_closes_other_chats_open_questions_that_name_the_person(people, engine, clock):
    """Try-out 4 (E3): after an expert erased her data, her buddy's next visit still showed
    "Zuletzt offen war diese Nachricht: Fatma Yılmaz möchte einen Jour Fixe …" with
    [Bestätigen] [Ablehnen], and the database kept it. The buddy's chosen language stays."""
    from storage.chats import ChatStates, SavedChat

    states = ChatStates(session_factory(engine))
    fatma = people.invite("expert", "Fatma Yılmaz")
    people.redeem(fatma.code, "console", "fatma", "fatma")
    choices = (("Bestätigen", "jf:ok:7", True, None), ("Ablehnen", "jf:no:7", False, None))
    asked = "Fatma Yılmaz möchte einen Jour Fixe mit Ihnen: Mi 22.11. 09:00."
    states.save(
        [
            SavedChat("console", "dora", "en", choices, clock(), asked),
            SavedChat("console", "ulf", None, choices, clock(), "Emil möchte einen Jour Fixe"),
        ],
        clock(),
    )
    people.erase(fatma.person_id)
    dora = states.load("console", "dora")
    assert dora.lang == "en" and dora.choices == () and "Fatma" not in dora.prompt
    assert states.load("console", "ulf").choices == choices  # about someone else: kept
