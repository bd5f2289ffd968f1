"""The team's overview of all Jour Fixes on SQLite and on a real PostgreSQL, against
pairs in every state (tests/overview_seed.py), and the weekly digest for admins."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from sqlalchemy import event, select

from bot import cli
from bot.booking.digest import DIGEST_KIND, Weekly
from bot.booking.overview import NEVER, QUIET
from bot.booking.service import JourFixe
from storage.models import OutboxRow
from storage.repo import session_factory
from tests.clock import Clock
from tests.overview_seed import NOW, local, seed


@pytest.fixture
def seeded(engine):
    sessions = session_factory(engine)
    jf, people, clock, ids = seed(sessions)
    return jf, people, clock, ids, sessions


def _by_expert(ov):
    return {p.expert: p for p in ov.pairs}


def test_every_pair_in_every_state(seeded):
    jf, _, _, ids, _ = seeded
    ov = jf.overview()
    assert ov.now == NOW and ov.weeks == 4
    got = {
        name: (p.buddy, p.held, p.last, p.next, p.open, p.expired, p.declined, p.cancelled, p.flag)
        for name, p in _by_expert(ov).items()
    }
    assert got == {
        "Erika": ("Bernd", 1, local(4, 7, 10), local(4, 16, 15), 1, 0, 0, 0, None),
        "Emil": ("Bernd", 1, local(3, 3, 11), None, 0, 2, 1, 0, QUIET),
        "Eva": ("Bernd", 0, None, None, 0, 0, 0, 0, NEVER),
        "Frieda": ("Berta", 0, None, None, 0, 0, 1, 1, NEVER),
        "Hanna": ("Berta", 0, None, None, 0, 0, 0, 0, NEVER),  # not her meeting with Bernd
    }
    # flagged first: never booked (longest paired first), then the quietest; then the rest
    assert [p.expert for p in ov.pairs] == ["Eva", "Frieda", "Hanna", "Emil", "Erika"]
    assert [p.expert for p in ov.pairs if not p.expert_linked] == ["Eva"]
    assert [(u.name, u.person_id) for u in ov.unpaired] == [("Gustav", ids["Gustav"])]
    assert "Ida" not in {p.expert for p in ov.pairs}  # revoked: no pair, not unpaired either
    assert (ov.total("held"), ov.total("open"), ov.total("expired")) == (2, 1, 2)


def test_the_period_and_the_moment_are_inputs(seeded):
    jf, _, clock, _, _ = seeded
    assert _by_expert(jf.overview(6))["Emil"].flag is None  # held 6 weeks minus 2 hours ago
    later = jf.overview(now=NOW + timedelta(days=4))  # Fri 17 Apr: Thursday's one is held
    erika = _by_expert(later)["Erika"]
    assert (erika.held, erika.last, erika.next) == (2, local(4, 16, 15), None)
    assert (erika.open, erika.expired) == (0, 1)  # the open request lapsed, unmarked
    assert erika.flag is None
    assert _by_expert(jf.overview(now=NOW + timedelta(weeks=5)))["Erika"].flag == QUIET
    clock.now = NOW + timedelta(days=4)
    jf.expire_due()  # the tick marks it: still one expired request
    assert _by_expert(jf.overview())["Erika"].expired == 1


def test_a_declined_series_counts_as_one_request_and_a_confirmed_series_as_meetings(seeded):
    jf, _, clock, ids, _ = seeded
    [first, *rest] = jf.request(ids["Hanna"], local(4, 15, 10), interval_weeks=1)
    assert len(rest) >= 3
    assert _by_expert(jf.overview())["Hanna"].open == 1
    jf.decide(ids["Berta"], first.id, accept=True)
    hanna = _by_expert(jf.overview())["Hanna"]
    assert (hanna.open, hanna.next, hanna.flag) == (0, local(4, 15, 10), None)
    hanna = _by_expert(jf.overview(now=local(5, 7, 12)))["Hanna"]
    assert (hanna.held, hanna.last) == (4, local(5, 6, 10))


def test_the_whole_overview_is_two_queries_however_many_pairs(seeded, engine):
    jf, people, _, ids, _ = seeded

    def statements() -> int:
        seen = []
        listen = lambda *args: seen.append(args[2])  # noqa: E731
        event.listen(engine, "before_cursor_execute", listen)
        try:
            jf.overview()
        finally:
            event.remove(engine, "before_cursor_execute", listen)
        return len([s for s in seen if s.lstrip().upper().startswith("SELECT")])

    few = statements()
    for i in range(20):
        info = people.invite("expert", f"Extra {i}")
        people.pair(f"#{info.person_id}", f"#{ids['Bernd']}")
    assert len(jf.overview().pairs) == 25
    assert statements() == few == 2


def test_admin_meetings_table_and_csv(seeded, engine, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("IMBOT_DATABASE_URL", engine.url.render_as_string(hide_password=False))
    monkeypatch.setenv("IMBOT_DATA_DIR", str(tmp_path / "data"))
    assert cli.main(["admin", "meetings", "--now", "2026-04-13T09:00"]) == 0
    table = capsys.readouterr().out
    assert "Jour Fixes as of 2026-04-13 09:00 (Europe/Berlin)" in table
    assert "5 pairs, 4 flagged; 2 Jour Fixes held; requests: 1 open, 2 expired" in table
    pairs, unpaired = table.split("Experts without a buddy (1):")
    rows = [line for line in pairs.splitlines() if line.startswith(("!", "      "))]
    assert rows[1].startswith("!never Eva (invited)")
    assert rows[-1].split()[:5] == ["Erika", "Bernd", "2026-04-07", "10:00", "2026-04-16"]
    assert unpaired.strip().startswith("#") and "Gustav" in unpaired

    assert cli.main(["admin", "meetings", "--csv", "--now", "2026-04-13T09:00"]) == 0
    found = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    by_name = {r["expert"]: r for r in found}
    assert [r["flag"] for r in found] == ["never", "never", "never", "quiet", "", "no_buddy"]
    assert by_name["Erika"]["last_jour_fixe"] == "2026-04-07T10:00+02:00"  # Berlin, summer
    assert by_name["Emil"]["last_jour_fixe"] == "2026-03-03T11:00+01:00"  # Berlin, winter
    assert (by_name["Emil"]["expired_requests"], by_name["Emil"]["declined_requests"]) == ("2", "1")
    assert by_name["Frieda"]["cancelled_meetings"] == "1" and by_name["Eva"]["expert_linked"] == "0"
    assert by_name["Gustav"]["buddy"] == "" and by_name["Gustav"]["expert_linked"] == "1"

    now = ["--now", "2026-04-13T09:00"]
    assert cli.main(["admin", "meetings", "--csv", "--flagged", "--person", "bernd", *now]) == 0
    flagged = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["expert"] for r in flagged] == ["Eva", "Emil"]
    assert cli.main(["admin", "meetings", "--person", "Zorro", *now]) == 0
    assert "No pair or expert matches 'Zorro'" in capsys.readouterr().out


def test_a_name_that_looks_like_a_formula_stays_a_name_in_the_csv(
    engine, capsys, monkeypatch, tmp_path
):
    from bot.people import People

    sessions = session_factory(engine)
    info = People(sessions).invite("expert", "=HYPERLINK(1)")
    monkeypatch.setenv("IMBOT_DATABASE_URL", engine.url.render_as_string(hide_password=False))
    monkeypatch.setenv("IMBOT_DATA_DIR", str(tmp_path / "data"))
    assert cli.main(["admin", "meetings", "--csv"]) == 0
    [row] = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert (row["flag"], row["expert_id"], row["expert"]) == (
        "no_buddy",
        str(info.person_id),
        "'=HYPERLINK(1)",
    )


def _digests(sessions) -> list[tuple[str, str, str]]:
    with sessions() as s:
        rows = s.execute(
            select(OutboxRow.dedupe_key, OutboxRow.chat_id, OutboxRow.text)
            .where(OutboxRow.kind == DIGEST_KIND)
            .order_by(OutboxRow.id)
        )
        return [tuple(r) for r in rows]


def test_the_weekly_digest_goes_out_once_a_week_across_a_restart(seeded, engine):
    jf, people, clock, _, sessions = seeded
    monday_8 = Weekly.parse("mo 08:00")
    second_admin = people.invite("admin", "Ann", lang="en")
    people.redeem(second_admin.code, "console", "ann", "ann")
    clock.now = local(4, 13, 7, 59)
    assert jf.plan_digest(monday_8) == 0  # not yet
    clock.now = local(4, 13, 8, 0)
    assert jf.plan_digest(monday_8) == 2  # Ada and Ann
    assert jf.plan_digest(monday_8) == 0
    restarted = JourFixe(session_factory(engine), Clock(local(4, 16, 12)), jf.rules)
    assert restarted.plan_digest(monday_8) == 0  # a new process finds this week's rows
    sent = _digests(sessions)
    assert [(k, c) for k, c, _ in sent] == [
        (f"{DIGEST_KIND}:2026-W16:{people.whois('console', 'ada').person_id}", "ada"),
        (f"{DIGEST_KIND}:2026-W16:{second_admin.person_id}", "ann"),
    ]
    ada, ann = sent[0][2], sent[1][2]
    assert ada.startswith("Wochenübersicht Jour Fixes, Stand Mo 13.04. 08:00")
    assert "Eva – Bernd: noch kein Jour Fixe" in ada and "Emil – Bernd: letzter Di 03.03." in ada
    assert "Erika" not in ada  # not flagged
    assert ann.startswith("Weekly Jour Fixe overview as of Mon 13 Apr 08:00")
    assert "Every pair: /overview" in ann
    restarted._clock = Clock(local(4, 20, 8, 30))  # the next Monday
    assert restarted.plan_digest(monday_8) == 2
    assert restarted.plan_digest(monday_8) == 0
    assert len(_digests(sessions)) == 4


def test_the_digest_skips_revoked_and_unlinked_admins(seeded):
    jf, people, clock, _, sessions = seeded
    people.invite("admin", "Never Redeemed")
    revoked = people.invite("admin", "Rita")
    people.redeem(revoked.code, "console", "rita", "rita")
    people.revoke(f"#{revoked.person_id}")
    assert jf.plan_digest(Weekly.parse("on")) == 1  # Ada only
    assert [c for _, c, _ in _digests(sessions)] == ["ada"]


def test_imbot_run_ticks_send_the_digest_once_a_week_across_a_restart(engine, tmp_path):
    """What `imbot run` does: its scheduler tick plans the digest and the dispatcher
    sends it; a restarted process (new services on the same database) sends nothing
    more that week, and the next week's once."""
    from bot.app.config import Settings
    from bot.app.run import build_services
    from tests.senders import Recorder

    url = engine.url.render_as_string(hide_password=False)
    seed(session_factory(engine))  # Ada is an admin with a console chat
    env = {"IMBOT_DATABASE_URL": url, "IMBOT_MEETINGS_DIGEST": "mo 08:00"}
    settings = Settings.from_env({**env, "IMBOT_DATA_DIR": str(tmp_path / "data")})
    clock, sent = Clock(local(4, 13, 7, 30)), []

    def digests() -> list:
        return [d for d in sent[-1] if d.dedupe_key.startswith(DIGEST_KIND)]

    def process():
        services = build_services(settings, clock=clock)
        recorder = Recorder()
        recorder.platform = "console"
        services.dispatcher.senders["console"] = recorder
        sent.append(recorder.sent)
        return services

    first = process()
    first.tick()  # sends the seed's notices and drops its past reminders
    assert sent[-1] and digests() == []  # 07:30: not yet
    clock.now = local(4, 13, 8, 1)
    first.tick()
    first.tick()
    assert [(d.chat_id, d.text.splitlines()[0]) for d in digests()] == [
        ("ada", "Wochenübersicht Jour Fixes, Stand Mo 13.04. 08:01")
    ]
    first.dispatcher.stop()
    clock.now = local(4, 15, 12)
    second = process()  # a restart on Wednesday
    second.tick()
    assert digests() == []
    clock.now = local(4, 20, 8, 0)
    second.tick()
    second.tick()
    assert [d.text.splitlines()[0][-12:] for d in digests()] == ["20.04. 08:00"]
