"""A buddy's counter-proposal holds its time until the expert answers, like a meeting:
nobody else can book it meanwhile (also in a race, on SQLite and PostgreSQL), and
the expert's "yes" always finds it free."""

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.booking.base import BookingError
from bot.booking.rules import Rules
from bot.booking.service import JourFixe
from bot.booking.timeparse import Window
from bot.people import People
from storage.repo import session_factory
from tests.clock import Clock
from tests.integration.test_booking_races import run_together
from tests.people import pair_with_buddy

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # Monday
TUE_10 = datetime(2026, 3, 3, 10, 0, tzinfo=BERLIN)
THU_14 = datetime(2026, 3, 5, 14, 0, tzinfo=BERLIN)
THU_15 = datetime(2026, 3, 5, 15, 0, tzinfo=BERLIN)


@pytest.fixture
def pair(engine):
    sessions = session_factory(engine)
    clock = Clock(NOW)
    jf = JourFixe(sessions, clock, Rules())
    windows = [Window(time(10), time(12), weekday=1), Window(time(14), time(16), weekday=3)]
    names = ["Emil", "Erika"] + [f"Expert {i}" for i in range(6)]
    ids = pair_with_buddy(People(sessions, clock), jf, "Bernd", names, windows)
    return jf, clock, ids


def test_a_proposed_time_is_held_until_the_expert_answers(pair):
    jf, _, ids = pair
    bernd, emil, erika = ids["Bernd"], ids["Emil"], ids["Erika"]
    [request] = jf.request(emil, TUE_10)
    jf.propose(bernd, request.id, THU_15)
    assert THU_15 not in jf.slots(erika, limit=None)  # not offered to anyone else
    assert TUE_10 in jf.slots(erika, limit=None)  # the declined request's time is free
    with pytest.raises(BookingError) as refused:
        jf.request(erika, THU_15)
    assert refused.value.key == "slot_taken"
    [m] = jf.accept_proposal(emil, request.id)
    assert (m.starts_at, m.state) == (THU_15, "confirmed")
    assert [x.starts_at for x in jf.upcoming(bernd)] == [THU_15]


def test_a_declined_proposal_frees_its_time(pair):
    jf, _, ids = pair
    [request] = jf.request(ids["Emil"], TUE_10)
    jf.propose(ids["Bernd"], request.id, THU_15)
    jf.decline_proposal(ids["Emil"], request.id)
    assert THU_15 in jf.slots(ids["Erika"], limit=None)
    assert jf.request(ids["Erika"], THU_15)[0].starts_at == THU_15


def test_an_unanswered_proposal_lapses_and_frees_its_time(pair):
    jf, clock, ids = pair
    [request] = jf.request(ids["Emil"], TUE_10)
    jf.propose(ids["Bernd"], request.id, THU_15)
    clock.now = NOW + timedelta(hours=47)
    assert jf.expire_proposals() == []
    assert jf.proposals(ids["Emil"])
    clock.now = NOW + timedelta(hours=48, minutes=1)
    assert jf.proposals(ids["Emil"]) == []  # past the TTL even before the tick
    with pytest.raises(BookingError) as late:
        jf.accept_proposal(ids["Emil"], request.id)
    assert late.value.key == "not_pending"
    [lapsed] = jf.expire_proposals()
    assert lapsed.proposed_start == THU_15
    assert THU_15 in jf.slots(ids["Erika"], limit=None)
    assert jf.request(ids["Erika"], THU_15)[0].starts_at == THU_15


def test_a_time_already_taken_cannot_be_proposed(pair):
    jf, _, ids = pair
    [erikas] = jf.request(ids["Erika"], THU_15)
    [request] = jf.request(ids["Emil"], TUE_10)
    with pytest.raises(BookingError) as refused:
        jf.propose(ids["Bernd"], request.id, THU_15 + timedelta(minutes=30))  # overlaps
    assert refused.value.key == "proposal_taken"
    assert THU_14 in refused.value.alternatives  # free times near it, to propose instead
    assert jf.pending(ids["Bernd"])[0].id == request.id  # nothing changed
    assert jf.get(ids["Bernd"], erikas.id).state == "requested"


def test_a_proposal_and_a_booking_race_for_the_same_time(pair):
    """The buddy proposes a time while another expert books it: one of them gets it,
    never both, and an expert's "yes" never fails on a held time."""
    jf, _, ids = pair
    experts = [ids[f"Expert {i}"] for i in range(6)]
    for round_ in range(3):
        start = THU_14 + timedelta(weeks=round_)
        [request] = jf.request(ids["Emil"], TUE_10 + timedelta(weeks=round_))
        results = run_together(
            [lambda r=request.id, t=start: jf.propose(ids["Bernd"], r, t)]
            + [lambda e=e, t=start: jf.request(e, t) for e in experts]
        )
        errors = [r for r in results if isinstance(r, Exception)]
        assert all(isinstance(e, BookingError) for e in errors), errors
        winners = [r for r in results if not isinstance(r, Exception)]
        assert len(winners) == 1, results
        if isinstance(winners[0], list):  # an expert booked it: the proposal was refused
            assert results[0].key == "proposal_taken"
            assert jf.pending(ids["Bernd"])  # Emil's request still waits, the other too
        else:
            [m] = jf.accept_proposal(ids["Emil"], request.id)
            assert m.starts_at == start
        booked = [m.starts_at for m in jf.upcoming(ids["Bernd"], limit=100)]
        assert booked.count(start) == 1
        for m in jf.pending(ids["Bernd"]):  # clear the board for the next round
            jf.decide(ids["Bernd"], m.id, accept=False)


def test_a_revoked_expert_leaves_no_held_time(engine):
    sessions = session_factory(engine)
    clock = Clock(NOW)
    jf = JourFixe(sessions, clock, Rules())
    people = People(sessions, clock, end_meetings=jf.end_all)
    windows = [Window(time(10), time(12), weekday=1), Window(time(14), time(16), weekday=3)]
    ids = pair_with_buddy(people, jf, "Bernd", ["Emil", "Erika"], windows)
    [request] = jf.request(ids["Emil"], TUE_10)
    jf.propose(ids["Bernd"], request.id, THU_15)
    assert THU_15 not in jf.slots(ids["Erika"], limit=None)
    people.revoke(f"#{ids['Emil']}")
    assert THU_15 in jf.slots(ids["Erika"], limit=None)
    assert jf.request(ids["Erika"], THU_15)[0].starts_at == THU_15


def test_the_letter_of_meinedaten_names_every_step_of_a_proposal(pair, engine):
    """/meinedaten after counter-proposals (one accepted, one declined) names each
    step in the reader's language; it had failed on a text missing for "proposed"."""
    from bot.chat.mydata import format_letter

    jf, _, ids = pair
    bernd, emil, erika = ids["Bernd"], ids["Emil"], ids["Erika"]
    [first] = jf.request(emil, TUE_10)
    jf.propose(bernd, first.id, THU_15)
    jf.accept_proposal(emil, first.id)
    [second] = jf.request(erika, TUE_10)
    jf.propose(bernd, second.id, THU_14)
    jf.decline_proposal(erika, second.id)
    people = People(session_factory(engine))
    for person in (emil, erika, bernd):
        data = people.export(person)
        for lang in ("de", "en"):
            letter = format_letter(data, lang, BERLIN)
            assert ("Gegenvorschlag" if lang == "de" else "counter-proposal") in letter
            assert "prop_" not in letter and "_" not in letter
