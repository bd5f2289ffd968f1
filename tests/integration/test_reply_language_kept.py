"""The reply language around invites, codes and team members, and the conversation's
language across a restart (lang4; rows T18, T19, T20, T32 of the newcomer's try-out):

- an invitee's "/start CODE" as the first line of the console is their welcome alone,
  in their language: not an applicant's welcome with "no call open" before it;
- a code refused ("used", "unknown") is refused in the chat's language;
- one English sentence of a team member (a pasted applicant question) is answered in
  English, but neither their next "ok" or "einladungen" nor their stored language
  follow it; experts and buddies still change theirs after two clear messages;
- the language of the bot's last reply (the conversation's) is kept in chat_states:
  a "ja" or "/start code" after a restart is answered in it, and `/loeschen` keeps
  nothing of it."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from bot.adapters.console import ConsoleAdapter
from bot.app import wiring
from bot.app.config import Settings
from bot.messages import Inbound
from storage.models import ChatStateRow
from tests.unit.test_one_language import leaks

START = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)  # no call open then


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def world(engine, tmp_path):
    url = engine.url.render_as_string(hide_password=False)
    settings = Settings(database_url=url, data_dir=tmp_path)
    sessions = wiring.open_database(settings)
    clock = Clock()

    def start():
        return wiring.build_router(settings, clock=clock, sessions=sessions)

    router = start()
    people = router.services.people
    admin = people.invite("admin", "Ada Admin")
    people.redeem(admin.code, "console", "ada", "ada")
    expert = people.invite("expert", "Erika Expertin")
    people.redeem(expert.code, "console", "erika", "erika")
    yield start, router, sessions, clock
    sessions.kw["bind"].dispose()


def say(router, user, text="", data=None):
    replies = router.handle(Inbound("console", user, user, text=text, data=data))
    router.save_chats()  # as the console does after each line
    return replies


def console(router, user: str, lines: str) -> str:
    """The console as `imbot chat` runs it the first time: the welcome waits for the
    first line."""
    out = io.StringIO()

    def handle(inbound):
        replies = router.handle(inbound)
        router.save_chats()
        return replies

    ConsoleAdapter(
        handle, stdin=io.StringIO(lines), stdout=out, user_id=user, lang_of=router.language_of
    ).run()
    return out.getvalue()


# -- T18, T19: an invitee's first line is "/start CODE" ------------------------------------
@pytest.mark.parametrize(("role", "name"), [("expert", "Fatma Yilmaz"), ("buddy", "Bea Berger")])
def test_an_invitees_first_start_with_a_code_is_their_welcome_alone(world, role, name):
    _, router, _, _ = world
    code = router.services.people.invite(role, name, lang="en").code
    out = console(router, "fatma", f"/start {code}\n")
    assert out.startswith(f"Welcome, {name}! You are now signed in as {role}"), out[:200]
    assert "Ausschreibung" not in out and "next call" not in out, out
    assert not leaks(out, "en"), out


def test_an_invitee_in_german_is_welcomed_in_german_alone(world):
    _, router, _, _ = world
    code = router.services.people.invite("expert", "Gero Graf").code
    out = console(router, "gero", f"/start {code}\n")
    assert out.startswith("Willkommen, Gero Graf!"), out[:200]
    assert "Ausschreibung" not in out and "Hallo!" not in out, out


def test_a_first_line_without_a_code_is_still_welcomed(world):
    _, router, _, _ = world
    out = console(router, "nina", "/start\n")
    assert out.startswith("Hallo!") and "Ausschreibung" in out, out[:300]


# -- T20: a refused code in the chat's language --------------------------------------------
def test_a_used_and_an_unknown_code_are_refused_in_the_chats_english(world):
    start, router, _, _ = world
    used = router.services.people.invite("expert", "Hanna Holz").code  # invited in German
    say(router, "hanna", f"/start {used}")
    assert say(router, "john", "hello, when is the deadline?")[0].lang == "en"
    [again] = say(router, "john", f"/start {used}")
    assert again.text.startswith("This invite code has already been used"), again.text
    [unknown] = say(router, "john", "/start falschercode")
    assert unknown.text.startswith("I don't know this invite code"), unknown.text
    # after a restart too: the conversation's language is kept
    [later] = say(start(), "john", "/start falschercode")
    assert later.text.startswith("I don't know this invite code"), later.text


def test_a_fresh_chat_gets_an_expired_code_in_the_invitees_language(world):
    _, router, _, clock = world
    people = router.services.people
    info = people.invite("expert", "Ian Ives", lang="en")
    [refused] = say(router, "ian", "/start nonsense")
    assert refused.text.startswith("Diesen Einladungscode kenne"), refused.text  # none known
    clock.now = info.expires_at  # the code ran out
    [expired] = say(router, "ivo", f"/start {info.code}")
    assert expired.lang == "en" and "expired" in expired.text, expired.text


# -- T32: a team member's English sentence -------------------------------------------------
def test_an_admins_english_sentence_is_answered_in_english_and_changes_nothing_else(world):
    start, router, _, _ = world
    people = router.services.people
    first = say(router, "ada", "can an association from austria apply for the program?")
    assert first[0].lang == "en", first[0].text
    [invites] = say(router, "ada", "einladungen")  # the team's command word: German
    assert invites.lang == "de" and not leaks(invites.text, "de"), invites.text
    [ack] = say(router, "ada", "ok")
    assert ack.text.startswith("Alles klar"), ack.text
    say(router, "ada", "and what about a small town in switzerland, can they apply?")
    say(router, "ada", "and may a school in poland apply as well, please?")
    assert people.whois("console", "ada").lang == "de"  # only /sprache changes hers
    [stats] = say(start(), "ada", "statistik")  # after a restart too
    assert stats.lang == "de", stats.text


def test_an_admins_number_answers_the_english_question_it_picks_from(world):
    # a question the bot asks back about ("can an association from austria apply?" is
    # answered "No." since the call bars both)
    _, router, _, _ = world
    asked = say(router, "ada", "can we apply without an expert?")[-1]
    assert asked.buttons and asked.lang == "en", asked.text
    [answer, *_] = say(router, "ada", "1")
    assert answer.lang == "en", answer.text


def test_an_admins_english_command_word_is_english(world):
    _, router, _, _ = world
    [invites] = say(router, "ada", "invites")
    assert invites.lang == "en", invites.text


def test_an_admin_who_chose_english_keeps_it(world):
    _, router, _, _ = world
    say(router, "ada", "/sprache en")
    [ack] = say(router, "ada", "ok")
    assert ack.lang == "en", ack.text


def test_an_expert_still_changes_after_two_clear_messages(world):
    _, router, _, _ = world
    people = router.services.people
    assert say(router, "erika", "hello, who is my buddy please?")[0].lang == "en"
    assert people.whois("console", "erika").lang == "de"  # one message: the reply only
    say(router, "erika", "and when is our next meeting please?")
    assert people.whois("console", "erika").lang == "en"


# -- the conversation's language across a restart ------------------------------------------
def test_the_conversations_language_is_kept_across_a_restart(world):
    start, router, sessions, _ = world
    assert say(router, "erika", "hello, who is my buddy please?")[0].lang == "en"
    [ack] = say(start(), "erika", "ok")
    assert ack.lang == "en" and ack.text.startswith("All right"), ack.text
    assert say(router, "anna", "hello, when is the deadline?")[0].lang == "en"
    [ack] = say(start(), "anna", "ok")
    assert ack.lang == "en", ack.text


def test_the_conversations_language_is_erased_with_the_chat(world):
    start, router, sessions, _ = world
    say(router, "anna", "hello, when is the deadline?")
    say(router, "anna", "/delete")
    say(router, "anna", "/delete yes")
    with sessions() as s:
        count = s.scalar(select(func.count()).where(ChatStateRow.chat_id == "anna"))
    assert count == 0
    [ack] = say(start(), "anna", "ok")
    assert ack.lang == "de", ack.text  # nothing kept: the default


def test_a_notice_makes_the_readers_own_language_the_chats_again_after_a_restart(world):
    start, router, sessions, _ = world
    people = router.services.people
    say(router, "erika", "hello, who is my buddy please?")  # erika's chat: English
    buddy = people.invite("buddy", "Bernd Buddy")
    people.redeem(buddy.code, "console", "bernd", "bernd")
    [paired, *notices] = say(router, "ada", '/paar "Erika Expertin" "Bernd Buddy"')
    assert any(n.to is not None and n.to.chat_id == "erika" for n in notices), notices
    [ack] = say(start(), "erika", "ok")  # the notice was German, her own: so is "ok"
    assert ack.lang == "de", ack.text


def test_the_console_welcome_back_is_in_the_conversations_language(world, tmp_path):
    """T11: an applicant who only wrote English is welcomed back in English."""
    from types import SimpleNamespace

    from bot.app.console import _greeting

    start, router, _, _ = world
    say(router, "john", "hello, when is the deadline?")
    assert not say(router, "john", "ok")[0].buttons  # nothing open to guess from
    (tmp_path / "console-users.txt").write_text("john\n", encoding="utf-8")
    settings = SimpleNamespace(data_dir=tmp_path, default_lang="de")
    line, back, _ = _greeting(settings, start(), "john")
    assert line is None and back.startswith("Welcome back."), back  # no name known (tryout7)


@pytest.mark.parametrize("first", ["hallo, wann ist mein nächster termin?", "/language en"])
def test_a_revoked_person_is_not_welcomed_back_to_carry_on(world, tmp_path, first):
    """tryout6: a revoked expert starting the console again is told only that she no
    longer takes part (in her chat's language), not "Welcome back … just carry on"."""
    from types import SimpleNamespace

    from bot.app.console import _greeting

    start, router, _, _ = world
    say(router, "erika", first)
    asked = say(router, "ada", "/sperren erika")[-1]
    assert asked.buttons, asked.text
    say(router, "ada", "ja")
    (tmp_path / "console-users.txt").write_text("erika\n", encoding="utf-8")
    settings = SimpleNamespace(data_dir=tmp_path, default_lang="de")
    line, back, choices = _greeting(settings, start(), "erika")
    assert line is None and not choices
    if first.startswith("hallo"):
        assert back.startswith("Sie nehmen nicht mehr am Programm"), back
    else:
        assert back.startswith("You no longer take part"), back
    assert "zurück" not in back and "back" not in back.lower(), back


def test_a_push_with_buttons_makes_its_language_the_conversations(world):
    """A reminder or request the outbox delivered is the bot's last message in the chat:
    an "ok" to it (after a restart too) is in its language, not in an English line's of
    the day before."""
    from jobs.dispatch import Delivery
    from tests.senders import Recorder

    start, router, _, _ = world
    assert say(router, "erika", "hello, who is my buddy please?")[0].lang == "en"
    sender = wiring.showing_choices(Recorder(), router)
    buttons = (("Ja", "jf:nothing:1", True), ("Nein", "jf:nothing:2", False))
    text = "⏰ Erinnerung: Ihr Jour Fixe ist morgen. Findet er statt?"
    sender.send(Delivery("k", "console", "erika", text, buttons, None))
    router.save_chats()
    [which] = say(start(), "erika", "ok")
    assert which.text.startswith("Welche Wahl"), which.text


def test_mydata_shows_the_kept_conversation_language(world):
    """What is kept is shown: an applicant's chat row with only the conversation's
    language is listed in /mydata (not "nothing stored")."""
    _, router, _, _ = world
    say(router, "john", "hello, when is the deadline?")
    say(router, "john", "ok")
    letter = say(router, "john", "/mydata")[0].text
    assert "Language of our conversation in" in letter and "English" in letter, letter
