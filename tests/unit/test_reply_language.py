"""One language per person and per reply (lang3): a reply is in the language of the
message it answers; a message that carries none ("2", "ja", "hi" after the welcome)
keeps the conversation's; pushed messages and lists of stored things come in the
person's current language, wholly in one language. (The dialogues are in
tests/dialogues/scripts/lang3.yaml.)"""

from __future__ import annotations

import io
from datetime import UTC, datetime, time

import pytest

from bot.adapters.console import ConsoleAdapter
from bot.booking.rules import Rules
from bot.booking.service import JourFixe
from bot.booking.timeparse import Window
from bot.chat.faq_replies import FaqReplies
from bot.people import People
from bot.timeline import Timeline
from tests.chat import make_router, say
from tests.clock import Clock
from tests.unit.test_editions import EDITION
from tests.unit.test_one_language import leaks


@pytest.fixture
def applicants(matcher, sessions):
    clock = Clock(datetime(2026, 3, 1, 12, 0, tzinfo=UTC))
    timeline = Timeline(sessions, clock)
    timeline.load(EDITION)
    faq = FaqReplies(matcher, offer_reminders=True, edition=timeline.active)
    return make_router(faq, people=People(sessions, clock), timeline=timeline, clock=clock)


def test_f12_reminders_asked_again_in_english_list_every_item_in_english(applicants):
    german = say(applicants, "anna", "/erinnerungen")[0].text
    assert "Bewerbungsschluss" in german
    english = say(applicants, "anna", "remind me of the deadline")[0].text
    assert english.startswith("You are already"), english
    assert "Bewerbungsschluss" not in english and "in 7 Tagen" not in english, english
    assert "Application deadline" in english or "deadline" in english.lower()
    assert not leaks(english, "en"), english
    # the pushes ahead come in English too
    subs = applicants.services.timeline.subscriptions_of("console", "anna")
    assert [s.lang for s in subs] == ["en"]


def test_f12_and_back_in_german(applicants):
    say(applicants, "anna", "/remind", lang_hint="en")
    german = say(applicants, "anna", "/erinnerungen")[0].text
    assert german.startswith("Sie sind schon angemeldet."), german
    assert not leaks(german, "de"), german


def test_f11_a_language_switch_before_a_question_answers_it_in_that_language(applicants):
    replies = say(applicants, "anna", "ok und auf englisch bitte: who are the contacts")
    text = "\n".join(r.text for r in replies)
    assert "English" in replies[0].text, text
    # the question itself is read (the matcher asks "who are the contacts" back alone too)
    assert "charlotte.bock@lokalprojekte.de" in text, text
    assert "I can't find" not in text and "Did you mean" not in text, text
    assert all(r.lang == "en" for r in replies)
    assert not leaks(text, "en"), text


def test_f11_the_same_in_german(applicants):
    say(applicants, "tom", "/remind", lang_hint="en")
    replies = say(applicants, "tom", "in german please: wer sind die ansprechpartner?")
    text = "\n".join(r.text for r in replies)
    assert "charlotte.bock@lokalprojekte.de" in text, text
    assert all(r.lang == "de" for r in replies), text


def held(matcher, lines: str) -> str:
    """The console as `imbot chat` runs it: the welcome waits for the first line."""
    router = make_router(FaqReplies(matcher))
    out = io.StringIO()
    ConsoleAdapter(
        router.handle,
        stdin=io.StringIO(lines),
        stdout=out,
        user_id="me",
        lang_of=router.language_of,
    ).run()
    return out.getvalue()


def test_f13_hi_as_the_first_line_is_answered_in_the_welcomes_language(matcher):
    out = held(matcher, "hi\n")
    assert out.startswith("Hallo!"), out[:80]
    assert not leaks(out, "de"), out


def test_f13_hello_in_english_is_all_english(matcher):
    out = held(matcher, "hello, when is the deadline?\nhi\n")
    assert out.startswith("Hello!"), out[:80]
    assert not leaks(out, "en"), out


@pytest.fixture
def pair(matcher, sessions):
    clock = Clock(datetime(2026, 3, 2, 8, 0, tzinfo=UTC))
    people, booking = People(sessions, clock), JourFixe(sessions, clock, Rules())
    router = make_router(FaqReplies(matcher), people=people, booking=booking, clock=clock)
    ids = {}
    for role, name, login in [("buddy", "Bernd Buddy", "bernd"), ("expert", "Erika E", "erika")]:
        info = people.invite(role, name)
        people.redeem(info.code, "console", login, login)
        ids[login] = info.person_id
    people.pair(f"#{ids['erika']}", f"#{ids['bernd']}")
    booking.set_windows(
        ids["bernd"], [Window(time(10), time(12), weekday=1), Window(time(14), time(16), weekday=3)]
    )
    return router, people, ids


def _book(router, n: int) -> None:
    slots = say(router, "erika", "/jourfixe")[0]
    pick = say(router, "erika", data=slots.buttons[n].data)[0]
    say(router, "erika", data=pick.buttons[0].data)  # once
    say(router, "bernd", "ja")


def test_j11_mydata_lists_the_planned_reminders_in_one_language(pair):
    router, people, ids = pair
    _book(router, 0)  # planned while Erika reads German
    say(router, "erika", "hello, where do we meet with my buddy?")
    say(router, "erika", "thanks, and when is our next meeting please?")
    assert people.whois("console", "erika").lang == "en"  # she writes English now
    _book(router, 3)  # planned in English
    letter = say(router, "erika", "/mydata")[0].text
    assert letter.count("Reminder: Jour Fixe") >= 2, letter
    assert "Erinnerung: Jour Fixe" not in letter, letter


def test_j11_the_pushes_ahead_go_out_in_the_current_language(pair, sessions):
    from storage.models import OutboxRow

    router, people, ids = pair
    _book(router, 0)
    people.set_lang(ids["erika"], "en", chosen=False)
    with sessions() as s:
        texts = [
            r.text for r in s.query(OutboxRow).filter_by(chat_id="erika", kind="meeting").all()
        ]
    assert texts and all(x.startswith("⏰ Reminder") for x in texts), texts


def test_j19_ja_to_a_german_question_after_english_is_german(pair):
    router, _, _ = pair
    _book(router, 0)
    say(router, "erika", "hello, where do we meet with my buddy?")
    say(router, "erika", "thanks, and when is our next meeting please?")
    asked = say(router, "erika", "/absagen #1")[0]
    assert asked.text.startswith("Wirklich absagen?"), asked.text
    done = say(router, "erika", "ja")
    assert done[0].text.startswith("Jour Fixe") and "abgesagt" in done[0].text, done[0].text
    assert done[0].lang == "de"


def test_j10_a_greeting_after_english_is_english(pair):
    router, _, _ = pair
    say(router, "erika", "hello, where do we meet with my buddy?")
    greeting = say(router, "erika", "/start")[0]
    assert greeting.lang == "en" and greeting.text.startswith("Hello"), greeting.text


def test_j10_the_console_welcome_back_is_in_the_open_questions_language(pair, tmp_path):
    from types import SimpleNamespace

    from bot.app.console import _greeting

    router, _, _ = pair
    asked = say(router, "erika", "hello, I would like to book a jour fixe please")[-1]
    assert asked.buttons and asked.lang == "en", asked.text
    (tmp_path / "console-users.txt").write_text("erika\n", encoding="utf-8")
    settings = SimpleNamespace(data_dir=tmp_path, default_lang="de")
    line, back, choices = _greeting(settings, router, "erika")
    assert line is None and choices
    assert back.startswith("Welcome back"), back
    assert not leaks(back, "en"), back


def test_j18_an_expert_writing_german_again_gets_german_again(pair):
    """English three times, then German lines that are short but clear ("termin am
    30.2.?") and some that say nothing ("einmalig", a command): German is hers again."""
    router, people, _ = pair
    for line in ("when is my next meeting?", "where do we meet?", "thx"):
        say(router, "erika", line)
    assert people.whois("console", "erika").lang == "en"
    say(router, "erika", "/jourfixe")
    say(router, "erika", "ich bin nächste woche krank")
    assert people.whois("console", "erika").lang == "en"  # one line: the reply only
    say(router, "erika", "einmalig")  # says nothing: neither counts nor ends the row
    reply = say(router, "erika", "termin am 30.2.?")[0]
    assert reply.lang == "de", reply.text
    assert people.whois("console", "erika").lang == "de"
    letter = say(router, "erika", "/meinedaten")[0].text
    assert "Sprache: Deutsch" in letter, letter


def test_j18_a_clear_line_in_the_own_language_ends_the_row(pair):
    router, people, _ = pair
    say(router, "erika", "hello, where do we meet with my buddy?")
    say(router, "erika", "wo treffen wir uns denn?")
    say(router, "erika", "and when is our next meeting please?")
    assert people.whois("console", "erika").lang == "de"


@pytest.mark.parametrize(
    ("setup", "line", "lang", "said"),
    [
        ("when is my next meeting?", "termin am 30.2.?", "de", "Einen 30.2. gibt es nicht."),
        ("wann ist mein nächster termin?", "meeting on 31.4.?", "en", "There is no 31.4."),
    ],
)
def test_j17_an_impossible_date_in_the_slot_picker_is_told_in_its_language(
    pair, setup, line, lang, said
):
    router, _, _ = pair
    say(router, "erika", setup)
    say(router, "erika", "/jourfixe")
    reply = say(router, "erika", line)[0]
    assert reply.lang == lang and reply.text.startswith(said), reply.text
    assert reply.buttons, reply.text  # the picker stays open
    assert not leaks(reply.text, lang), reply.text
