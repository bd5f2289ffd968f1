"""The team's tools in the chat, as an admin uses them in the console chat, on SQLite
and PostgreSQL: /rundmail with its preview and confirmation button (both languages,
one pair), /statistik, /postausgang with retry, invites with a text to forward,
/einladungen. The same functions as the command line (bot.team)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, update

from bot.booking.rules import Rules
from bot.booking.service import JourFixe
from bot.chat.faq_replies import FaqReplies
from bot.chat.team import split_languages
from bot.people import People
from bot.team import DRAFT_KEEP, Team
from storage.models import AnnouncementDraft, Invite, OutboxRow
from storage.repo import session_factory
from tests.chat import make_router, say
from tests.clock import Clock

START = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


@pytest.fixture
def world(engine, matcher):
    sessions = session_factory(engine)
    clock = Clock(START)
    people = People(sessions, clock)
    booking = JourFixe(sessions, clock, Rules())
    router = make_router(
        FaqReplies(matcher),
        people=people,
        booking=booking,
        clock=clock,
        team=Team(sessions, clock),
        telegram_bot="imbot_test_bot",
    )
    ids = {}
    for role, name, login, lang in [
        ("admin", "Ada Admin", "ada", "de"),
        ("admin", "Alan Admin", "alan", "en"),
        ("buddy", "Bea Bauer", "bea", "de"),
        ("buddy", "Bob Baker", "bob", "en"),
        ("expert", "Erik Ernst", "erik", "en"),
        ("expert", "Olga Ost", "olga", "de"),
    ]:
        info = people.invite(role, name, lang=lang)
        people.redeem(info.code, "console", login, f"chat-{login}")
        ids[login] = info.person_id
    people.pair(f"#{ids['erik']}", f"#{ids['bea']}")
    return router, sessions, clock, ids


def _outbox(sessions, ref_prefix="announce:"):
    with sessions() as s:
        rows = s.scalars(select(OutboxRow).where(OutboxRow.ref.startswith(ref_prefix)))
        return sorted((r.chat_id, r.text) for r in rows)


def test_announce_with_preview_and_confirmation_in_both_languages(world):
    router, sessions, _, _ = world
    preview = say(
        router, "ada", "/rundmail buddys [de] Morgen ist Teamtreffen.\n[en] Team meeting tomorrow."
    )[0]
    assert "Vorschau – an alle Buddys: 2 Chat(s), 1 auf Deutsch, 1 auf Englisch" in preview.text
    assert "Morgen ist Teamtreffen." in preview.text and "Team meeting tomorrow." in preview.text
    send, cancel = preview.buttons
    assert send.label == "An 2 Chat(s) senden" and send.confirms and cancel.label == "Abbrechen"
    assert _outbox(sessions) == []  # nothing before the button
    done = say(router, "ada", data=send.data)[0].text
    assert "Die Rundmail an 2 Chat(s) liegt im Postausgang" in done
    assert "announce:" not in done  # the outbox key is the team's business, not the admin's
    sent = dict(_outbox(sessions))
    assert set(sent) == {"chat-bea", "chat-bob"}
    assert "Morgen ist Teamtreffen." in sent["chat-bea"] and "Programmteam" in sent["chat-bea"]
    assert "Team meeting tomorrow." in sent["chat-bob"] and "program team" in sent["chat-bob"]
    # pressed again (or by a second device): nothing twice
    assert "nicht mehr aktuell" in say(router, "ada", data=send.data)[0].text
    assert len(_outbox(sessions)) == 2


def test_announce_in_english_to_one_pair_and_cancel(world):
    router, sessions, _, _ = world
    preview = say(router, "alan", '/announce pair "Erik Ernst" Please check /meetings.')[0]
    assert "Preview – to the pair Erik Ernst and Bea Bauer: 2 chat(s)" in preview.text
    assert preview.text.count("Please check /meetings.") == 2  # one text for both languages
    send, cancel = preview.buttons
    assert send.label == "Send to 2 chat(s)"
    assert say(router, "alan", data=cancel.data)[0].text == "Nothing sent."
    assert "no longer current" in say(router, "alan", data=send.data)[0].text
    assert _outbox(sessions) == []
    # a newer preview replaces the older one
    first = say(router, "alan", "/announce pair 5 first")[0].buttons[0]
    second = say(router, "alan", "/announce pair 5 second")[0].buttons[0]
    assert "no longer current" in say(router, "alan", data=first.data)[0].text
    assert "in the outbox" in say(router, "alan", data=second.data)[0].text
    assert {c for c, _ in _outbox(sessions)} == {"chat-erik", "chat-bea"}


def test_announce_refusals(world):
    router, sessions, clock, ids = world
    assert "Bitte so: /rundmail GRUPPE TEXT" in say(router, "ada", "/rundmail")[0].text
    assert "Bitte so" in say(router, "ada", "/rundmail alle Hallo")[0].text
    assert "Bitte so" in say(router, "ada", "/rundmail buddys [de] nur deutsch")[0].text
    assert (
        "Olga Ost hat noch keinen Buddy"
        in say(router, "ada", '/rundmail paar "Olga Ost" x')[0].text
    )
    assert "Bea Bauer ist keine Expert:in" in say(router, "ada", "/rundmail paar #3 x")[0].text
    assert "höchstens 4000" in say(router, "ada", "/rundmail buddys " + "x" * 4001)[0].text.lower()
    assert "niemand" in say(router, "ada", "/rundmail bewerbende Hallo")[0].text  # no subscribers
    # only admins; a buddy pressing a forged button gets nothing sent
    assert "nur für" in say(router, "bea", "/rundmail buddys Hallo")[0].text
    token_button = say(router, "ada", "/rundmail buddys Hallo")[0].buttons[0]
    say(router, "bea", data=token_button.data)
    assert _outbox(sessions) == []
    # an hour later the preview is no longer sent
    clock.now += DRAFT_KEEP + timedelta(minutes=1)
    assert "nicht mehr aktuell" in say(router, "ada", data=token_button.data)[0].text
    assert _outbox(sessions) == []
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(AnnouncementDraft)) == 0
    # a draft nobody answers is removed with the next preview of any admin
    say(router, "ada", "/rundmail buddys Hallo")
    clock.now += DRAFT_KEEP + timedelta(minutes=1)
    say(router, "alan", "/announce buddies Hello")
    with sessions() as s:
        assert list(s.scalars(select(AnnouncementDraft.person_id))) == [ids["alan"]]


def test_an_erased_admin_leaves_no_draft(world):
    router, sessions, _, ids = world
    say(router, "ada", "/rundmail buddys Entwurf mit Text")
    router.services.people.erase(ids["ada"])
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(AnnouncementDraft)) == 0


def test_statistics_in_both_languages(world):
    router, _, _, _ = world
    de = say(router, "ada", "/statistik")[0].text
    assert "Personen: Admin 2, Buddy 2, Expert:in 2" in de and "Offene Einladungen: 0" in de
    en = say(router, "alan", "/stats")[0].text
    assert "People: admin 2, buddy 2, expert 2" in en and "0 held, 0 upcoming" in en
    # tryout6 #17: each line says what it counts, beside the digest and /offen
    assert "/treffen zählt nur die heutigen" in de and "(ans Team weitergeleitete: /offen)" in de
    assert "earlier ones too" in en and "without a sure answer" in en


@pytest.mark.parametrize(
    ("word", "shown"),
    [
        ("statistik", "Offene Einladungen"),
        ("Statistik?", "Offene Einladungen"),
        ("stats", "Open invites"),
    ],
)
def test_an_admins_command_typed_as_a_word_runs(world, word, shown):
    """Try-out 4 (E8): an admin's "statistik" without the slash was an applicant's FAQ
    refusal, stored as an unanswered question. An expert's one word stays a word. The
    word is a command's name: it says its language, as /stats does (lang4)."""
    router, _, _, _ = world
    assert f"{shown}: 0" in say(router, "ada", word)[0].text
    assert shown not in say(router, "olga", word)[0].text


def test_outbox_lists_failed_rows_and_retries_one(world):
    router, sessions, clock, _ = world
    assert say(router, "ada", "/postausgang")[0].text == "Der Postausgang ist leer."
    now = clock()
    with sessions() as s:
        for key, state in (("a", "failed"), ("b", "sent"), ("c", "pending")):
            s.add(
                OutboxRow(kind="notice", dedupe_key=key, platform="telegram", chat_id="5",
                          text="Hallo", due_at=now, state=state, attempts=6 if state == "failed" else 0,
                          last_error="NetworkError" if state == "failed" else None, created_at=now)
            )  # fmt: skip
        s.commit()
        failed = s.scalar(select(OutboxRow.id).where(OutboxRow.state == "failed"))
    text = say(router, "ada", "/postausgang")[0].text
    assert "Postausgang: wartend 1, fehlgeschlagen 1, gesendet 1" in text
    assert f"#{failed} fehlgeschlagen" in text and "Fehler: NetworkError" in text
    assert "/postausgang nochmal NUMMER" in text and "gesendet," not in text.split("\n", 1)[1]
    assert "Unknown" not in say(router, "alan", "/outbox bogus")[0].text
    assert "Please use: /outbox" in say(router, "alan", "/outbox bogus")[0].text
    assert "will be sent again" in say(router, "alan", f"/outbox retry {failed}")[0].text
    with sessions() as s:
        row = s.get(OutboxRow, failed)
        assert (row.state, row.attempts) == ("pending", 0)
    again = say(router, "ada", f"/postausgang nochmal #{failed}")[0].text
    assert (
        again
        == f"Nachricht #{failed} ist wartend: nur fehlgeschlagene Nachrichten werden erneut gesendet."
    )
    assert "keine Nachricht #999" in say(router, "ada", "/postausgang nochmal 999")[0].text


def test_outbox_says_how_many_rows_it_did_not_show(world):
    router, sessions, clock, _ = world
    now = clock()
    with sessions() as s:
        for i in range(23):
            s.add(
                OutboxRow(kind="notice", dedupe_key=f"k{i}", platform="telegram", chat_id="5",
                          text="Hallo", due_at=now, state="pending", created_at=now)
            )  # fmt: skip
        s.commit()
    text = say(router, "ada", "/postausgang")[0].text
    assert text.count(" wartend, ") == 20
    assert (
        "… und 3 weitere (alle: imbot admin outbox --state failed,unreachable,pending,claimed --limit 23)"
        in text
    )
    assert "… and 3 more" in say(router, "alan", "/outbox")[0].text


def test_invite_in_chat_comes_with_a_text_to_forward(world):
    router, sessions, _, _ = world
    head, letter = say(router, "ada", "/einladen expertin Nora Neu sprache=en")
    assert (
        "Einladung für Nora Neu" in head.text
        and "Zum Weiterleiten an Nora Neu (Englisch)" in head.text
    )
    code = head.text.split("Code: ")[1].split()[0]
    assert letter.lang == "en" and letter.text.startswith("Hello Nora Neu")
    assert re.search(r"until \d{1,2} [A-Z][a-z]{2} 20\d\d:", letter.text)  # not 10.12.2026
    assert f"https://t.me/imbot_test_bot?start={code}" in letter.text
    assert f"!start {code}" in letter.text
    # the same name again needs doppelt=ja; /einladen #N gives the open invite again
    again = say(router, "ada", "/einladen expertin Nora Neu")[0].text
    assert "Es gibt schon #7" in again and "doppelt=ja" in again
    assert (
        "Es gibt schon" not in say(router, "ada", "/einladen expertin Nora Neu doppelt=ja")[0].text
    )
    head, letter = say(router, "ada", "/einladen #7")
    assert f"Code: {code}" in head.text and letter.text.startswith("Hello Nora Neu")
    # without the bot's username there is no unusable link
    router.services.telegram_bot = None
    head, letter = say(router, "alan", "/invite buddy Ben Bell")
    assert "<bot>" not in head.text and "TELEGRAM_BOT_USERNAME is not set" in head.text
    assert "t.me" not in letter.text and "!start" in letter.text and letter.lang == "de"


def test_open_invites_with_age_and_renewal(world):
    router, sessions, clock, _ = world
    assert "Keine offenen Einladungen" in say(router, "ada", "/einladungen")[0].text
    head, _ = say(router, "ada", "/einladen buddy Nina Nord")
    clock.now += timedelta(days=20)  # the invite (14 days) has expired
    text = say(router, "ada", "/einladungen")[0].text
    assert "#7 Nina Nord (Buddy) – eingeladen vor 20 Tagen, abgelaufen – neu: /einladen #7" in text
    head, letter = say(router, "ada", "/einladen #7")
    assert "Hallo Nina Nord" in letter.text
    with sessions() as s:
        invites = list(s.scalars(select(Invite).where(Invite.person_id == 7)))
    assert len(invites) == 1 and invites[0].expires_at > clock()
    en = say(router, "alan", "/invites")[0].text
    assert "#7 Nina Nord (buddy) – invited today, valid until" in en


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hallo alle", {"de": "Hallo alle", "en": "Hallo alle"}),
        ("[DE] Hallo\n[en] Hello", {"de": "Hallo", "en": "Hello"}),
        ("[en] Hello [de] Hallo", {"de": "Hallo", "en": "Hello"}),
        ("[de] Hallo", None),
        ("vorher [de] Hallo [en] Hello", None),
        ("", None),
    ],
)
def test_split_languages(text, expected):
    assert split_languages(text) == expected


def test_retry_only_changes_a_failed_row(engine):
    sessions = session_factory(engine)
    now = START
    with sessions() as s:
        s.add(OutboxRow(kind="notice", dedupe_key="x", platform="console", chat_id="c", text="t",
                        due_at=now - timedelta(days=1), state="failed", attempts=6, created_at=now))  # fmt: skip
        s.commit()
    team = Team(sessions, lambda: now)
    team.retry(1)
    with sessions() as s:
        s.execute(update(OutboxRow).values(state="sent"))
        s.commit()
    with pytest.raises(Exception) as exc:
        team.retry(1)
    assert exc.value.key == "outbox_not_failed"


def test_replacing_a_buddy_pressed_twice_tells_them_once(world):
    router, sessions, clock, ids = world
    [question] = say(router, "ada", f"/paar #{ids['erik']} #{ids['bob']}")
    replace = question.buttons[0]
    first = say(router, "ada", data=replace.data)
    second = say(router, "ada", data=replace.data)  # a stale button, or "1" typed again
    assert [r.to.chat_id for r in first if r.to] == ["chat-erik", "chat-bob", "chat-bea"]
    assert [r.to for r in second] == [None]
    assert "schon als Buddy" in second[0].text


def test_outbox_names_the_person_a_message_is_for(world):
    """tryout6 #16: a row says whom it is for (the person's name), not only the platform;
    an applicant's chat stays the platform alone."""
    router, sessions, clock, _ = world
    now = clock()
    with sessions() as s:
        for key, chat in (("to-bea", "chat-bea"), ("to-applicant", "chat-someone")):
            s.add(
                OutboxRow(kind="notice", dedupe_key=key, platform="console", chat_id=chat,
                          text="Hallo", due_at=now, state="pending", created_at=now)
            )  # fmt: skip
        s.commit()
    rows = say(router, "ada", "/postausgang")[0].text.split("\n")[1:]
    assert any("notice an Bea Bauer (console)" in r for r in rows)
    assert any(r.endswith("notice an console, 0 Versuch(e)") for r in rows)


def test_announce_preview_shows_only_languages_read_and_a_footer_for_staff(world):
    """tryout6 #26: no English version for 0 English readers; the buddies (Lokalprojekte's
    staff) are not told to erase their data to stop the messages."""
    router, sessions, _, _ = world
    preview = say(router, "ada", "/rundmail expert:innen Bitte Urlaube eintragen.")[0]
    assert "1 auf Deutsch, 1 auf Englisch" in preview.text and "— Englisch —" in preview.text
    say(router, "ada", data=preview.buttons[1].data)
    say(router, "ada", "/sperren bob ja")  # the English buddy: only German readers left
    preview = say(router, "ada", "/rundmail buddys Bitte tragt eure Urlaube bis Freitag ein.")[0]
    assert "1 Chat(s), 1 auf Deutsch, 0 auf Englisch" in preview.text
    assert "— Deutsch —" in preview.text and "— Englisch —" not in preview.text
    assert "/loeschen" not in preview.text and "als Buddy im Programm" in preview.text
    say(router, "ada", data=preview.buttons[0].data)
    [(chat, text)] = _outbox(sessions)
    assert chat == "chat-bea" and "/loeschen" not in text
