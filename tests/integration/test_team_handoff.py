"""Ask the team, on SQLite and PostgreSQL: an applicant's question the bot cannot
answer reaches the team through the outbox with the applicant's consent (the button),
an admin answers with /antwort (or by replying to the forwarded copy), the answer
reaches the applicant's chat through the outbox, as written. Consent not given:
nothing sent, no chat stored. Office hours, bad input, /offen, /beispiel (the matcher
picks the examples file up), the weekly digest (once, restarts included) and erasure.

The round trip is timed and printed (run with -s); no test asserts on time."""

from __future__ import annotations

import io
import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from bot.adapters.console import ConsoleAdapter
from bot.app.config import Settings
from bot.app.wiring import build_router, enqueue_notices, team_digest
from bot.handoff import parse_office_hours
from bot.messages import Inbound
from bot.timeline import Timeline
from jobs.dispatch import Dispatcher
from jobs.editions import default_edition_text
from storage.models import FaqLog, OutboxRow
from storage.repo import session_factory
from tests.clock import Clock
from tests.senders import Recorder

THURSDAY_10 = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)  # 10:00 in Berlin: office hours
THURSDAY_22 = datetime(2026, 11, 26, 21, 0, tzinfo=UTC)  # 22:00: nobody there
QUESTION_DE = "Gibt es Parkplätze am Kick-off-Ort für Fahrräder?"
QUESTION_EN = "Can we bring a dog to the kick-off?"
BUTTON = {"de": "Frage ans Team weiterleiten", "en": "Ask the team"}


class World:
    def __init__(self, engine, tmp_path, now=THURSDAY_10, **settings):
        self.sessions = session_factory(engine)
        Timeline(self.sessions).load(default_edition_text())
        self.clock = Clock(now)
        self.settings = Settings(database_url=str(engine.url), data_dir=tmp_path, **settings)
        self.router = build_router(self.settings, clock=self.clock, sessions=self.sessions)
        self.out = io.StringIO()
        self.console = ConsoleAdapter(self.router.handle, stdout=self.out, user_id="ada")
        self.telegram = Recorder()
        self.telegram.platform = "telegram"
        senders = {"console": self.console, "telegram": self.telegram}
        self.dispatcher = Dispatcher(self.sessions, senders, clock=self.clock)
        self.console.tick = self.dispatcher.tick

    def admin(self, user="ada", platform="console"):
        people = self.router.services.people
        info = people.invite("admin", "Ada Admin")
        people.redeem(info.code, platform, user, user)

    def say(self, user, text=None, data=None, platform="console", **extra):
        msg = Inbound(platform, user, user, text=text or "", data=data, **extra)
        replies = self.router.handle(msg)
        enqueue_notices(self.sessions, replies, self.clock())
        return replies

    def ask(self, user, question, platform="console"):
        [reply] = self.say(user, question, platform=platform)
        button = next(b for b in reply.buttons if b.data.startswith("team:ask:"))
        return reply, button

    def rows(self):
        with self.sessions() as s:
            return list(s.scalars(select(FaqLog).order_by(FaqLog.id)))

    def outbox(self):
        with self.sessions() as s:
            return list(s.scalars(select(OutboxRow).order_by(OutboxRow.id)))


@pytest.fixture
def world(engine, tmp_path):
    w = World(engine, tmp_path)
    w.admin()
    return w


@pytest.mark.parametrize("lang", ["de", "en"])
def test_round_trip_on_the_console(engine, tmp_path, lang):
    """The console as people use it: the applicant types the question and the button's
    label, the admin answers; both messages travel through the outbox."""
    world = World(engine, tmp_path)
    world.admin()
    question = QUESTION_DE if lang == "de" else QUESTION_EN
    answer = (
        "Ja, am Veranstaltungsort gibt es Fahrradständer."
        if lang == "de"
        else "Yes, dogs are welcome on a lead."
    )
    command = "/antwort" if lang == "de" else "/answer"
    script = f"/als anna\n{question}\n{BUTTON[lang]}\n/als ada\n{command} 1 {answer}\n/als anna\n"
    console = ConsoleAdapter(
        world.router.handle, stdin=io.StringIO(script), stdout=world.out, user_id="ada"
    )
    world.dispatcher.senders["console"] = console
    console.tick = world.dispatcher.tick
    world.router.services.faq.matcher.match("Wann ist Bewerbungsschluss?")  # warm, as when running
    started = time.perf_counter()
    console.run(greeting=None)
    took = time.perf_counter() - started
    print(f"\nround trip on the console ({lang}, {engine.dialect.name}): {took * 1000:.0f} ms")
    text = world.out.getvalue()
    assert BUTTON[lang] in text and ("weiterleiten" in text or "pass your question" in text)
    team_copy = text.index("❓")
    assert "#1" in text[team_copy:] and question in text[team_copy:]
    assert answer in text[team_copy:]
    [row] = world.rows()
    assert (row.state, row.answer, row.lang) == ("answered", answer, lang)
    sent = [r for r in world.outbox() if r.state == "sent"]
    assert {(r.chat_id, r.kind) for r in sent} == {("ada", "team"), ("anna", "team")}
    to_anna = next(r for r in sent if r.chat_id == "anna")
    assert answer in to_anna.text and question in to_anna.text


def test_consent_not_given_sends_and_stores_nothing_more(world):
    reply, button = world.ask("anna", QUESTION_DE)
    assert BUTTON["de"] == button.label
    assert "nur den Text Ihrer Frage" in reply.text  # what would be shared, before the press
    world.say("anna", "Danke!")  # she walks away: the button is ignored
    world.dispatcher.tick()
    [row] = world.rows()
    assert (row.state, row.platform, row.user_id, row.chat_id) == (None, None, None, None)
    assert world.outbox() == []


@pytest.mark.parametrize(
    ("user", "question", "yes", "sent"),
    [
        ("anna", QUESTION_DE, "ja", "Danke! Ihre Frage ist als Nr. 1"),
        ("john", QUESTION_EN, "yes please", "Thanks! Your question is with the Lokalprojekte"),
        ("carl", "Wer zahlt was?", "Ja", "Danke! Ihre Frage ist als Nr. 1"),
    ],
)
def test_a_typed_yes_to_the_offer_forwards_the_question(world, user, question, yes, sent):
    """The offer is asked last, as a question ("Soll ich Ihre Frage … weiterleiten?"),
    so a typed "ja" answers it as the button would – also beside suggestions."""
    reply, button = world.ask(user, question)
    asked = reply.text.rsplit("\n\n", 1)[-1]
    assert asked.startswith(("Soll ich", "Sonst: Soll ich", "Shall I", "If not: shall I"))
    assert "?" in asked and button is reply.buttons[-1]
    [answer] = world.say(user, yes)
    assert answer.text.startswith(sent)
    world.dispatcher.tick()
    [row] = world.rows()
    assert row.question == question and row.chat_id == user
    assert any(r.chat_id == "ada" and question in r.text for r in world.outbox())


def test_a_plain_thanks_to_the_offer_forwards_nothing(world):
    world.ask("anna", QUESTION_DE)
    world.say("anna", "ok danke")
    world.dispatcher.tick()
    assert world.outbox() == []


def test_the_question_back_offers_the_team_too(world):
    [reply] = world.say("anna", "Wer zahlt was?")
    assert "Meinen Sie" in reply.text or "Meinten Sie" in reply.text
    labels = [b.label for b in reply.buttons]
    assert labels[-1] == BUTTON["de"] and len(labels) >= 2


def test_in_a_group_no_hand_off_is_offered(world):
    replies = world.router.handle(Inbound("telegram", "9", "-100", text=QUESTION_DE, private=False))
    assert all(not b.data.startswith("team:") for r in replies for b in r.buttons)


def test_a_forged_or_foreign_button_forwards_nothing(world):
    _, button = world.ask("anna", QUESTION_DE)
    number, _, key = button.data.removeprefix("team:ask:").partition(":")
    [reply] = world.say("anna", data=f"team:ask:{number}:{'0' * len(key)}")
    assert "nicht mehr gültig" in reply.text
    world.say("anna", data=button.data)
    [reply] = world.say("mallory", data=button.data)  # another chat presses anna's button
    assert "nicht mehr gültig" in reply.text
    [again] = world.say("anna", data=button.data)
    assert "schon beim Team" in again.text
    [row] = world.rows()
    assert row.chat_id == "anna"
    assert len([r for r in world.outbox() if r.chat_id == "ada"]) == 1


def test_outside_office_hours_the_question_waits_and_comes_first(engine, tmp_path):
    world = World(engine, tmp_path, now=THURSDAY_10)
    world.admin()
    _, early = world.ask("anna", QUESTION_DE)
    world.say("anna", data=early.data)
    world.clock.now = THURSDAY_22
    _, late = world.ask("john", QUESTION_EN)
    [reply] = world.say("john", data=late.data)
    assert "Nobody is in right now" in reply.text and "(Fri 27 Nov 10:00)" in reply.text
    assert "Mon–Thu 09:00–17:00, Fri 10:00–16:00" in reply.text
    world.dispatcher.tick()
    copies = [r for r in world.outbox() if r.chat_id == "ada"]
    assert [r.state for r in copies] == ["sent", "pending"]  # the late one waits
    assert copies[1].due_at == datetime(2026, 11, 27, 9, 0, tzinfo=UTC)  # Fri 10:00 Berlin
    [listing] = world.say("ada", "/offen")
    waiting = listing.text.split("Weitergeleitet")[1]
    assert waiting.index("#2") < waiting.index("#1")  # the one from the night first
    assert "außerhalb der Sprechzeiten" in waiting
    world.clock.now = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
    world.dispatcher.tick()
    assert "kam außerhalb der Sprechzeiten" in world.out.getvalue()
    # answered before the team's copy went out: the copy is not sent any more
    world.clock.now = THURSDAY_22
    _, night = world.ask("carl", QUESTION_DE)
    world.say("carl", data=night.data)
    world.say("ada", "/antwort 3 Ja.")
    world.clock.now = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
    world.dispatcher.tick()
    states = {r.chat_id: r.state for r in world.outbox() if r.ref == "team:3"}
    assert states == {"ada": "cancelled", "carl": "sent"}


def test_bad_input_gets_clear_answers_and_changes_nothing(world):
    _, button = world.ask("anna", QUESTION_DE)
    world.say("anna", data=button.data)
    assert "/antwort NUMMER IHR TEXT" in world.say("ada", "/antwort")[0].text
    assert "/antwort NUMMER IHR TEXT" in world.say("ada", "/antwort 1")[0].text
    assert "Frage #999 gibt es nicht" in world.say("ada", "/antwort 999 x")[0].text
    # the English command's name: English (a command's name counts like words)
    assert "/answer NUMBER" in world.say("ada", "/answer abc hello")[0].text
    assert "/antwort NUMMER" in world.say("ada", "/antwort abc hallo")[0].text
    refused = world.say("anna", "/antwort 1 Ich antworte mir selbst")[0].text
    assert "Admin" in refused
    assert "wartet jemand" in world.say("ada", "/verwerfen 1")[0].text
    assert "Nummer der Frage" in world.say("ada", "/verwerfen")[0].text
    assert world.rows()[0].state == "forwarded"
    assert "unterwegs" in world.say("ada", "/antwort 1 Ja.")[0].text
    second = world.say("ada", "/antwort 1 Doch nicht.")[0].text
    assert "schon beantwortet" in second
    [row] = world.rows()
    assert (row.state, row.answer) == ("answered", "Ja.")
    assert len([r for r in world.outbox() if r.chat_id == "anna"]) == 1
    _, other = world.ask("bea", "Darf ich meinen Hund zum Kick-off mitbringen?")
    assert "nicht ans Team weitergeleitet" in world.say("ada", "/antwort 2 Ja")[0].text
    too_long = world.say("ada", "/antwort 1 " + "x" * 4001)[0].text
    assert "zu lang" in too_long


def test_the_answer_keeps_its_lines_and_a_reply_answers_too(world):
    _, button = world.ask("anna", QUESTION_DE)
    world.say("anna", data=button.data)
    world.dispatcher.tick()
    copy = next(r for r in world.outbox() if r.chat_id == "ada").text
    [done] = world.say("ada", "Ja.\nAm Eingang stehen Fahrradständer.", reply_to=copy)
    assert "unterwegs" in done.text
    world.dispatcher.tick()
    to_anna = next(r for r in world.outbox() if r.chat_id == "anna")
    assert to_anna.text.endswith("Ja.\nAm Eingang stehen Fahrradständer.")
    [plain] = world.say("ada", "Hallo", reply_to="Eine andere Nachricht des Bots")
    assert "unterwegs" not in plain.text


def test_a_configured_team_chat_gets_the_questions_and_may_answer(engine, tmp_path):
    world = World(engine, tmp_path, team_telegram_chat="-1001")
    world.admin()
    _, button = world.ask("anna", QUESTION_DE)
    world.say("anna", data=button.data)
    world.dispatcher.tick()
    [copy] = world.telegram.sent
    assert copy.chat_id == "-1001" and "/antwort 1" in copy.text
    member = Inbound("telegram", "77", "-1001", text="/antwort 1 Ja, gibt es.", private=False)
    assert "unterwegs" in world.router.handle(member)[0].text
    stranger = Inbound("telegram", "77", "-2002", text="/antwort 1 Nein.", private=False)
    assert "unterwegs" not in world.router.handle(stranger)[0].text
    assert world.rows()[0].answer == "Ja, gibt es."
    chatter = Inbound("telegram", "78", "-1001", text="Wer übernimmt das?", private=False)
    assert world.router.handle(chatter) == []  # the team talks among itself
    elsewhere = Inbound("telegram", "78", "-2002", text="Wann ist die Frist?", private=False)
    assert world.router.handle(elsewhere)  # other groups still get FAQ answers


def test_nobody_to_ask_offers_no_button(engine, tmp_path):
    world = World(engine, tmp_path)  # no admin, no team chat
    [reply] = world.say("anna", QUESTION_DE)
    assert all(not b.data.startswith("team:") for b in reply.buttons)
    assert "weiterleiten" not in reply.text


def test_open_dismiss_delete_and_example(world):
    for user in ("anna", "bea"):
        world.say(user, "Darf ich meinen Hund zum Kick-off mitbringen?")
    _, button = world.ask("carl", QUESTION_DE)
    world.say("carl", data=button.data)
    world.say("ada", "/antwort 3 Ja.")
    world.say("dora", "Gibt es vegetarisches Essen beim Kick-off?")
    [listing] = world.say("ada", "/offen")
    text = listing.text
    assert "#2 „Darf ich meinen Hund" in text and "2× gestellt" in text
    assert "Zuletzt beantwortet" in text and "#3" in text.split("Zuletzt beantwortet")[1]
    assert "Kick-off-Ort" not in text.split("Zuletzt beantwortet")[0]
    assert "abgelegt" in world.say("ada", "/verwerfen 4")[0].text
    assert "schon abgelegt" in world.say("ada", "/verwerfen 4")[0].text
    assert world.rows()[3].state == "dismissed"
    assert "gelöscht (1×" in world.say("ada", "/entfernen 3")[0].text
    assert [r.id for r in world.rows()] == [1, 2, 4]
    assert all(r.state == "erased" or not r.text for r in world.outbox() if r.ref == "team:3")
    # /beispiel: the question becomes an example of an entry; the matcher picks it up
    faq = world.router.services.faq
    hund = "Darf ich meinen Hund zum Kick-off mitbringen?"
    assert not faq.matcher.match(hund, "de").confident
    bad = world.say("ada", "/beispiel 2 kickof")[0].text
    assert "gibt es nicht" in bad and "Meinen Sie: kickoff?" in bad
    nothing_close = world.say("ada", "/beispiel 2 fax")[0].text
    assert "Die Einträge: " in nothing_close and "eligibility" in nothing_close
    assert "Ähnliche" not in nothing_close and "-." not in nothing_close
    assert "Beispielfrage von „kickoff“" in world.say("ada", "/beispiel 2 kickoff")[0].text
    assert "schon eine Beispielfrage" in world.say("ada", "/beispiel 2 kickoff")[0].text
    examples = (world.settings.data_dir / "faq-examples.yaml").read_text(encoding="utf-8")
    assert "entry: kickoff" in examples and hund in examples
    match = faq.matcher.match(hund, "de")
    assert match.confident and match.best.id == "kickoff"
    assert {r.state for r in world.rows() if r.question == hund} == {"added"}
    assert "Beispiel für kickoff" in world.say("ada", "/offen")[0].text
    assert "schon eine Beispielfrage" in world.say("ada", "/verwerfen 2")[0].text
    usage = world.say("ada", "/beispiel 2")[0].text
    assert "/beispiel NUMMER EINTRAG" in usage and "deadline, " in usage  # the ids it needs


def test_the_weekly_digest_comes_once_on_monday(engine, tmp_path):
    world = World(engine, tmp_path)
    world.admin()
    for user in ("anna", "bea", "carl"):
        world.say(user, "Darf ich meinen Hund zum Kick-off mitbringen?")
    world.say("dora", QUESTION_DE)
    assert team_digest(world.router) == 0  # Thursday: no digest
    world.clock.now = datetime(2026, 11, 30, 7, 59, tzinfo=UTC)  # Monday 8:59 in Berlin
    assert team_digest(world.router) == 0
    world.clock.now = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)  # 9:00
    assert team_digest(world.router) == 1
    assert team_digest(world.router) == 0
    restarted = build_router(world.settings, clock=world.clock, sessions=world.sessions)
    world.clock.now += timedelta(hours=3)
    assert team_digest(restarted) == 0  # a restart does not send it again
    world.dispatcher.tick()
    [digest] = [r for r in world.outbox() if r.kind == "digest"]
    assert digest.state == "sent" and digest.chat_id == "ada"
    lines = digest.text.splitlines()
    assert "(3×) „Darf ich meinen Hund" in lines[1] and "Kick-off-Ort" in lines[2]
    world.clock.now = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)  # next Monday: nothing new
    assert team_digest(world.router) == 0


def test_a6_a_question_asked_after_the_digests_moment_waits_for_next_week(engine, tmp_path):
    """Monday 10:05, nothing open before 9:00: an applicant's first question is not
    made into the digest of 9:00 (which would hold only it)."""
    world = World(engine, tmp_path, now=datetime(2026, 11, 30, 9, 5, tzinfo=UTC))
    world.admin()
    world.say("anna", QUESTION_DE)
    assert team_digest(world.router) == 0
    assert [r for r in world.outbox() if r.kind == "digest"] == []
    world.clock.now = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)  # next Monday 9:00: it is in
    assert team_digest(world.router) == 1
    [digest] = [r for r in world.outbox() if r.kind == "digest"]
    assert "Kick-off-Ort" in digest.text


def test_a6_the_admins_digest_waits_for_the_admin_at_the_console(engine, tmp_path):
    """One terminal, several people: the outbox's push for the admin is not printed in
    the applicant's chat; a line says it waits, `/als ada` shows it."""
    world = World(engine, tmp_path)
    world.admin()
    world.say("bea", QUESTION_DE)  # last Thursday
    world.clock.now = datetime(2026, 11, 30, 9, 5, tzinfo=UTC)  # Monday 10:05
    script = "Wann ist der Bewerbungsschluss?\n/als ada\n"
    out = io.StringIO()
    console = ConsoleAdapter(
        world.router.handle, stdin=io.StringIO(script), stdout=out, user_id="anna"
    )
    world.dispatcher.senders["console"] = console

    def tick():
        team_digest(world.router)
        world.dispatcher.tick()

    console.tick = tick
    console.run(greeting=None)
    text = out.getvalue()
    waiting = text.index("eine Nachricht für ada wartet")
    switched = text.index("(Sie schreiben jetzt als ada)")
    assert "Kick-off-Ort" not in text[:switched], text
    assert waiting < switched < text.index("Kick-off-Ort"), text


def test_4_a_question_whose_twin_was_answered_is_not_in_the_digest(world):
    _, button = world.ask("anna", QUESTION_DE)
    world.say("anna", data=button.data)
    world.dispatcher.tick()
    world.say("ada", "/antwort 1 Ja, es gibt Fahrradständer.")
    world.say("bea", QUESTION_DE.lower())  # the same again, not forwarded
    world.say("carl", "Darf ich meinen Hund zum Kick-off mitbringen?")
    world.clock.now = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)  # Monday 9:00
    assert team_digest(world.router) == 1
    [digest] = [r for r in world.outbox() if r.kind == "digest"]
    assert "Hund" in digest.text and "Kick-off-Ort" not in digest.text, digest.text


def test_erasure_removes_forwarded_questions_answers_and_copies(world):
    _, button = world.ask("anna", "Quorkel: gibt es Parkplätze für Lastenräder beim Kick-off?")
    world.say("anna", data=button.data)
    world.dispatcher.tick()
    world.say("ada", "/antwort 1 Quorkel-Antwort: ja.")
    world.dispatcher.tick()
    world.say("bea", "Darf ich meinen Hund zum Kick-off mitbringen?")  # someone else's
    assert any("quorkel" in (r.text or "").lower() for r in world.outbox())
    [letter] = world.say("anna", "/meinedaten")
    assert "Ihre Fragen an das Team\n• Nr. 1" in letter.text and "Quorkel-Antwort" in letter.text
    world.say("anna", "/loeschen ja")
    with world.sessions() as s:
        assert s.scalar(select(func.count()).where(FaqLog.question.contains("Quorkel"))) == 0
        assert s.scalar(select(func.count()).where(FaqLog.user_id == "anna")) == 0
        assert s.scalar(select(func.count()).select_from(FaqLog)) == 1  # bea's stays
    assert not any("quorkel" in (r.text or "").lower() for r in world.outbox())
    assert not any(r.chat_id == "anna" for r in world.outbox())


def test_office_hours_are_read_from_the_contacts():
    hours = parse_office_hours(
        "• A (Montag bis Donnerstag, 9–17 Uhr)\n• B (Montag bis Freitag, 10–16 Uhr)"
    )
    assert hours.describe("de") == "Mo–Do 9–17 Uhr, Fr 10–16 Uhr"
    assert hours.describe("en") == "Mon–Thu 09:00–17:00, Fri 10:00–16:00"
    assert parse_office_hours("Montag bis Freitag von 9 bis 12:30 Uhr").describe("de") == (
        "Mo–Fr 9–12:30 Uhr"
    )
    assert parse_office_hours("keine Zeiten").describe("de") == "Mo–Fr 9–17 Uhr"  # a default


def test_imbot_faq_unanswered_shows_the_states_and_puts_one_aside(
    world, engine, capsys, monkeypatch
):
    from bot import cli

    monkeypatch.setenv("IMBOT_DATABASE_URL", engine.url.render_as_string(hide_password=False))
    world.clock.now = datetime.now(UTC)  # the command looks back from now
    for user in ("anna", "bea"):
        world.say(user, "Darf ich meinen Hund zum Kick-off mitbringen?")
    _, button = world.ask("carl", QUESTION_DE)
    world.say("carl", data=button.data)
    assert cli.main(["faq", "unanswered"]) == 0
    out = capsys.readouterr().out
    dog = next(line for line in out.splitlines() if "Hund" in line)
    bike = next(line for line in out.splitlines() if "Fahrräder" in line)
    assert " 2 " in dog and " open " in dog and " forwarded " in bike
    assert cli.main(["faq", "unanswered", "--state", "forwarded"]) == 0
    assert "Hund" not in capsys.readouterr().out
    assert cli.main(["faq", "unanswered", "--dismiss", "3"]) == 2  # someone waits for it
    assert "waiting for an answer" in capsys.readouterr().err
    assert cli.main(["faq", "unanswered", "--dismiss", "2"]) == 0
    assert "2 stored copies" in capsys.readouterr().out
    assert {r.state for r in world.rows() if "Hund" in r.question} == {"dismissed"}
    assert cli.main(["faq", "unanswered", "--delete", "3"]) == 0
    assert not [r for r in world.outbox() if r.ref == "team:3" and r.text]


def test_my_data_shows_the_forwarded_question_and_an_erased_person_loses_it(world):
    people = world.router.services.people
    _, button = world.ask("erika", QUESTION_DE)  # asked as an applicant, an expert since
    world.say("erika", data=button.data)
    info = people.invite("expert", "Erika Muster")
    people.redeem(info.code, "console", "erika", "erika")
    world.say("ada", "/antwort 1 Ja, am Eingang.")
    [letter] = world.say("erika", "/meinedaten")
    assert "Ihre Fragen an das Team\n• Nr. 1, weitergeleitet" in letter.text
    assert "Antwort" in letter.text and "Ja, am Eingang." in letter.text
    [applicant] = world.say("zoe", "/mydata")
    assert "questions to the team" not in applicant.text
    people.erase_ref("Erika Muster")
    assert world.rows() == []
    assert not any("Fahrräder" in (r.text or "") for r in world.outbox())


def test_a_number_is_never_given_twice_after_an_erasure(world):
    """Anna forwards #1 and erases her data; the next forwarded question must not get
    #1 again, or the team's answer to Anna's question would reach its asker."""
    _, button = world.ask("anna", "Quorkel: gibt es Parkplätze für Lastenräder beim Kick-off?")
    world.say("anna", data=button.data)
    world.say("anna", "/loeschen ja")
    assert world.rows() == []  # Anna's question is gone: no row keeps the number taken
    _, button = world.ask("bea", "Darf ich meinen Hund zum Kick-off mitbringen?")
    world.say("bea", data=button.data)
    [row] = world.rows()
    assert row.id == 2 and row.question.startswith("Darf ich")
    assert "Eine Frage #1 gibt es nicht" in world.say("ada", "/antwort 1 Für Anna.")[0].text
    with world.sessions() as s:
        assert s.scalar(select(FaqLog.state).where(FaqLog.id == 2)) == "forwarded"


def test_a_forwarded_question_asked_again_is_listed_once(world):
    """The team's /offen lists a question that is forwarded and also asked (open)
    once, under "forwarded", with how often it came (try-out 4, K10)."""
    world.say("anna", QUESTION_DE)  # asked, not forwarded: open
    _, button = world.ask("bea", QUESTION_DE)
    world.say("bea", data=button.data)  # the same question, forwarded
    world.say("carl", "Gibt es vegetarisches Essen beim Kick-off?")
    [listing] = world.say("ada", "/offen")
    assert listing.text.count("Kick-off-Ort") == 1, listing.text
    assert "#2 „Gibt es Parkplätze" in listing.text and "2× gestellt" in listing.text
    assert "vegetarisches Essen" in listing.text  # other open questions stay listed


@pytest.mark.parametrize("role", ["expert", "buddy"])
def test_an_expert_or_buddy_is_never_an_applicant_asking_the_team(world, role):
    """What an expert or buddy writes that the FAQ cannot answer is no applicant's
    question: not logged for the digest, no "Ask the team" button, and a button of an
    applicant's question pressed by them forwards nothing."""
    people = world.router.services.people
    people.redeem(people.invite(role, "Emil Expert").code, "console", "emil", "emil")
    [reply] = world.say("emil", QUESTION_EN)
    assert all(not b.data.startswith("team:") for b in reply.buttons)
    assert world.rows() == []
    _, button = world.ask("anna", QUESTION_DE)  # an applicant's: logged, with a button
    [reply] = world.say("emil", data=button.data)
    assert "no longer valid" in reply.text or "nicht mehr gültig" in reply.text
    [row] = world.rows()
    assert row.state is None and [r for r in world.outbox() if r.chat_id == "ada"] == []


def _one_entry_back(world, monkeypatch, question: str, lang: str = "de"):
    from faq.matcher import Match

    faq = world.router.services.faq
    entry = faq.kb.get("next_call")
    one = Match(question, lang, None, 0.3, False, options=(entry,))
    monkeypatch.setattr(faq.matcher, "match", lambda question, lang="de": one)
    return entry


@pytest.mark.parametrize(
    ("user", "question", "yes", "which", "lang"),
    [
        ("anna", "infos zur nächsten runde", "ja bitte", "Meinen Sie „", "de"),
        ("john", "can our county apply together with two towns?", "yes", "Do you mean “", "en"),
    ],
)
def test_a_yes_to_a_question_back_with_one_entry_and_the_offer_asks_which(
    world, monkeypatch, user, question, yes, which, lang
):
    """Try-out 4 T7 (and try-out 8 (3) before it): "Meinen Sie „X“? Sonst: Soll ich Ihre
    Frage weiterleiten?" asks two questions; a bare "ja" / "yes" answers either, so it
    is asked which – never the guess answered silently, nothing forwarded yet. "2"
    then forwards, "1" answers X."""
    entry = _one_entry_back(world, monkeypatch, question, lang)
    [back] = world.say(user, question)
    assert len(back.buttons) == 2 and back.buttons[-1].data.startswith("team:ask:")
    [reply] = world.say(user, yes)
    assert reply.text.startswith(which) and entry.topic[lang] in reply.text
    assert reply.buttons == back.buttons and "Quelle" not in reply.text
    world.dispatcher.tick()
    assert world.outbox() == []
    [sent] = world.say(user, "2")
    assert ("Nr. 1" if lang == "de" else "Lokalprojekte team") in sent.text


def test_one_after_asking_which_answers_the_entry(world, monkeypatch):
    _one_entry_back(world, monkeypatch, "infos zur nächsten runde")
    world.say("anna", "infos zur nächsten runde")
    world.say("anna", "ja")
    [reply] = world.say("anna", "1")
    assert "Quelle:" in reply.text and "Welche" not in reply.text
    assert not any(b.data.startswith("team:ask:") for b in reply.buttons)


def test_ok_to_a_question_back_asks_which(world, monkeypatch):
    """ "ok" to "Meinen Sie … oder …?" is no pick: asked which one, with the choices
    again (README; tryout6 row 21), never "Alles klar." with the question left open.
    (The team away, nothing else is asked; with the offer to forward, see below.)
    "ok" to the suggestions after a refusal lets them go: see tests/unit/test_faq_tryout6.py."""
    monkeypatch.setattr(world.router.services.handoff, "available", lambda: False)
    [back] = world.say("anna", "Wer zahlt was?")
    assert len(back.buttons) >= 2 and not any(b.confirms for b in back.buttons)
    [reply] = world.say("anna", "ok")
    assert reply.text.startswith("Welche Wahl meinen Sie?")
    assert [b.data for b in reply.buttons] == [b.data for b in back.buttons]


def test_ok_to_the_offer_to_forward_asks_which(world):
    """ "Meinen Sie A oder B? Sonst: Soll ich Ihre Frage weiterleiten?" – "ok" may be a
    yes to the forwarding: asked which, nothing forwarded."""
    [back] = world.say("anna", "Wer zahlt was?")
    assert len(back.buttons) >= 3 and back.buttons[-1].confirms
    [reply] = world.say("anna", "ok")
    assert reply.text.startswith("Welche Wahl") and reply.buttons == back.buttons
    world.dispatcher.tick()
    assert world.outbox() == []


@pytest.mark.parametrize(
    "words",
    [
        "zeig mir die offenen fragen",
        "Gibt es neue Fragen?",
        "welche fragen sind noch unbeantwortet",
        "show me the open questions",
        "any new questions?",
    ],
)
def test_the_team_asking_for_open_questions_in_words_gets_the_listing(world, words):
    """Try-out 4 (T2): an admin's "zeig mir die offenen fragen" was answered as an
    applicant's question (the refusal, the offer to forward it to herself) and logged
    as open question #2."""
    world.say("anna", "Darf ich meinen Hund zum Kick-off mitbringen?")
    [listing] = world.say("ada", words)
    assert "Darf ich meinen Hund" in listing.text
    assert not any(b.data.startswith("team:ask:") for b in listing.buttons)
    assert len(world.rows()) == 1


@pytest.mark.parametrize("words", ["Wer zahlt was?", QUESTION_DE, QUESTION_EN])
def test_what_an_admin_writes_is_never_logged_or_offered_to_the_team(world, words):
    """Try-out 4 (T2, T14): the team's own words that the FAQ cannot answer are no
    applicant's question: no "Ask the team" button (she is the team), nothing logged
    for the digest or /offen."""
    world.ask("anna", words)  # an applicant's: logged, with a button
    replies = world.say("ada", words)
    assert all(not b.data.startswith("team:ask:") for r in replies for b in r.buttons)
    assert len(world.rows()) == 1  # the applicant's only


def test_an_answered_twin_closes_the_open_question(world):
    """Try-out 4 E2: "#3 can our county apply together …" stayed open although the same
    question, asked again and forwarded as #4, was answered: listed once, under the
    answer, with how often it came."""
    twin = "Can our county apply together with two neighbouring towns?"
    world.say("john", twin)  # asked, not forwarded (#1)
    _, button = world.ask("john", twin.lower().rstrip("?") + " ?")  # the same words (#2)
    world.say("john", data=button.data)
    world.say("ada", "/answer 2 Yes, as one application.")
    text = world.say("ada", "/offen")[0].text
    assert "Offen, meistgestellte zuerst" not in text
    answered = text.split("Zuletzt beantwortet")[1]
    assert "#2" in answered and "2× gestellt" in answered and "#1 " not in text


def test_an_answered_follow_up_is_no_open_question(world):
    """Try-out 4 E2 (A5/A8): "bis wieviel uhr?" right after the deadline's answer is
    answered from it, so it is not logged as unanswered; one not answered is."""
    world.say("marta", "bis wann muss die bewerbung da sein?")
    [follow] = world.say("marta", "bis wieviel uhr?")
    assert "Uhrzeit" in follow.text and not any(
        b.data.startswith("team:ask:") for b in follow.buttons
    )
    assert [r.question for r in world.rows()] == []
    world.say("marta", "Darf ich meinen Hund zum Kick-off mitbringen?")
    assert [r.question for r in world.rows()] == ["Darf ich meinen Hund zum Kick-off mitbringen?"]
    assert "bis wieviel" not in world.say("ada", "/offen")[0].text


def test_the_listing_says_how_many_more(world):
    """Try-out 4 E2: 13 open questions, 10 shown, "… und 3 weitere"."""
    for n in range(13):
        world.say(f"user{n}", f"Darf ich Tier Nummer {n} zum Kick-off mitbringen?")
    assert len(world.rows()) == 13
    text = world.say("ada", "/offen")[0].text
    assert text.count("• #") == 10 and "… und 3 weitere" in text
    english = world.say("ada", "/open")[0].text
    assert "… and 3 more" in english
