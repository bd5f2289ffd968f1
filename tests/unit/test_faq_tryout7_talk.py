"""Applicants' chat from the seventh try-out (tryout7, the conversation's rows): a pick
said with a yes ("ja genau das erste") is that pick; "keins davon" to a question back is
asked what is meant instead, never given topics again; thanks and a good-bye in one
message are a good-bye. Phrasings are our own, German and English."""

from datetime import UTC, datetime

import pytest

from faq.smalltalk import small_talk
from tests.chat import applicant_router, say, text

EVE = datetime(2023, 5, 2, 21, 10, tzinfo=UTC)  # Tue 23:10 in Berlin, the deadline is tomorrow


@pytest.fixture
def eve(matcher, sessions):
    return applicant_router(matcher, sessions, EVE)


def offered(router, question, user="u1"):
    """The topics' buttons of the question back to `question`."""
    replies = say(router, user, question)
    assert "?" in replies[-1].text and len(replies[-1].buttons) >= 2, replies[-1].text
    return [b.data for b in replies[-1].buttons if b.data.startswith("faq:")]


def answer_of(router, data, user="other"):
    return say(router, user, data=data)[0].text


# -- row 4: a pick with a yes before it ---------------------------------------------------


@pytest.mark.parametrize(
    ("question", "pick", "place"),
    [
        ("geld", "ja genau das erste", 0),
        ("geld", "genau, das erste", 0),
        ("geld", "ja das zweite bitte", 1),
        ("geld", "richtig, die letzte", -1),
        ("which funding", "yes the first one", 0),
        ("which funding", "yes exactly, the second one", 1),
    ],
)
def test_a_pick_said_with_a_yes_is_that_pick(eve, question, pick, place):
    topics = offered(eve, question)
    replies = say(eve, "u1", pick)
    assert not any(b.data.startswith("faq:") and "?" in r.text for r in replies for b in r.buttons)
    assert "\n\n".join(r.text for r in replies) == answer_of(eve, topics[place])


# -- row 17: none of the topics offered ---------------------------------------------------


@pytest.mark.parametrize(
    ("question", "none", "said"),
    [
        ("geld", "nein, was anderes", "was möchten Sie stattdessen wissen"),
        ("geld", "keins davon", "was möchten Sie stattdessen wissen"),
        ("geld", "nichts davon passt", "was möchten Sie stattdessen wissen"),
        ("which funding", "none of these", "what would you like to know instead"),
        ("which funding", "no, something else", "what would you like to know instead"),
    ],
)
def test_none_of_the_topics_asks_what_is_meant(eve, question, none, said):
    offered(eve, question)
    replies = say(eve, "u1", none)
    assert len(replies) == 1 and said in replies[0].text
    assert not replies[0].buttons  # the choices close: no new topics
    assert "/kontakt" in replies[0].text or "/contact" in replies[0].text
    after = text(eve, "das erste")  # nothing is open any more
    assert "keine Auswahl offen" in after or "no open choice" in after


def test_none_of_them_with_nothing_offered_is_no_question(eve):
    reply = say(eve, "u1", "keins davon")[0]
    assert not reply.buttons and "keine Auswahl offen" in reply.text


# -- row 26: thanks and a good-bye --------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    ["danke schön tschüss", "danke und tschüss", "vielen Dank, tschüss!", "thanks, bye"],
)
def test_thanks_and_a_good_bye_is_a_good_bye(eve, message):
    assert small_talk(message) == "bye"
    assert text(eve, message) in (
        "Auf Wiedersehen – und viel Erfolg mit Ihrer Bewerbung!",
        "Goodbye – and good luck with your application!",
    )


@pytest.mark.parametrize("message", ["danke schön", "danke sehr"])
def test_danke_schoen_is_thanks(message):
    assert small_talk(message) == "thanks"


def test_schon_alone_is_no_thanks():
    assert small_talk("ja schon") is None


# -- row 15: the console's greeting on a new database -------------------------------------


def _console_router(matcher, sessions):
    from bot.chat.faq_replies import FaqReplies
    from storage.chats import ChatStates
    from tests.chat import make_router
    from tests.clock import Clock

    return make_router(FaqReplies(matcher), clock=Clock(EVE), chats=ChatStates(sessions))


def test_a_login_greeted_before_on_a_new_database_is_greeted_as_new(matcher, sessions, tmp_path):
    from types import SimpleNamespace

    from bot.app.console import _greeting

    (tmp_path / "console-users.txt").write_text("root\n", encoding="utf-8")  # an older run
    settings = SimpleNamespace(data_dir=tmp_path, default_lang="de")
    line, back, choices = _greeting(settings, _console_router(matcher, sessions), "root")
    assert line == "/start" and back is None and not choices  # the first welcome
    assert (tmp_path / "console-users.txt").read_text(encoding="utf-8").split() == ["root"]


def test_a_console_user_with_no_name_known_is_welcomed_back_without_one(
    matcher, sessions, tmp_path
):
    from types import SimpleNamespace

    from bot.app.console import _greeting

    router = _console_router(matcher, sessions)
    say(router, "root", "geld?")
    router.save_chats()
    (tmp_path / "console-users.txt").write_text("root\n", encoding="utf-8")
    settings = SimpleNamespace(data_dir=tmp_path, default_lang="de")
    line, back, _ = _greeting(settings, _console_router(matcher, sessions), "root")
    assert line is None and back.startswith("Willkommen zurück."), back
    assert "root" not in back


# -- row 6: a contact's number or e-mail asked for in chat --------------------------------


@pytest.mark.parametrize(
    ("question", "said", "not_said"),
    [
        ("telefonnummer charlotte", "01511 875 4594", "Prokop"),
        ("nummer von charlotte", "01511 875 4594", "Prokop"),
        ("charlotte email", "charlotte.bock@lokalprojekte.de", "Prokop"),
        ("what is christines phone number", "1522 777 39 29", "Charlotte"),
    ],
)
def test_a_contacts_number_asked_for_comes_with_when_they_are_reachable(
    eve, question, said, not_said
):
    reply = text(eve, question)
    assert said in reply
    assert "erreichbar" in reply or "be reached" in reply, reply
    assert not_said not in reply  # the person asked about, not the whole list


# -- row 11: a person who did not follow the answer ---------------------------------------


@pytest.mark.parametrize(
    ("first", "puzzled", "said"),
    [
        ("was wird gefördert", "hä?", "Kurz gesagt: Die Robert Bosch Stiftung übernimmt"),
        ("was wird gefördert", "versteh ich nicht", "Was genau ist unklar?"),
        ("was wird gefördert", "nochmal bitte einfacher", "Kurz gesagt:"),
        ("was wird gefördert", "ich hab das nicht verstanden", "Was genau ist unklar?"),
        ("what is funded", "huh?", "In short: The Robert Bosch Stiftung covers"),
        ("what is funded", "sorry, I dont get it", "What exactly is unclear?"),
        ("what is funded", "what do you mean?", "What exactly is unclear?"),
    ],
)
def test_not_following_an_answer_gets_its_short_form_and_what_was_unclear(
    eve, first, puzzled, said
):
    text(eve, first)
    reply = text(eve, puzzled)
    assert said in reply
    assert "/kontakt" in reply or "/contact" in reply
    assert "EUR 3.000" not in reply and "EUR 3,000" not in reply  # shorter than the answer


@pytest.mark.parametrize("puzzled", ["hä?", "versteh ich nicht", "huh?"])
def test_not_following_with_no_answer_before_is_asked_what_is_meant(eve, puzzled):
    reply = text(eve, puzzled)
    assert "Dazu kann ich nichts sagen" not in reply and "I can't help" not in reply
    assert "/kontakt" in reply or "/contact" in reply


@pytest.mark.parametrize(
    "question",
    [
        "was heißt wirkungsorientiert",
        "was ist unklar bei der frist",
        "ich verstehe die frist nicht",
    ],
)
def test_a_question_with_such_words_stays_a_question(eve, question):
    assert "Was genau ist unklar" not in text(eve, question)


# -- row 8: the conversation's language, "is" as German chats type it -------------------


@pytest.mark.parametrize("question", ["was is jour fix", "wie is das mit dem jour fixe"])
def test_is_for_ist_in_a_german_chat_is_answered_in_german(eve, question):
    text(eve, "wann ist bewerbungsschluss")
    replies = say(eve, "u1", question)
    assert all(r.lang == "de" for r in replies), [r.text for r in replies]
    assert "Do you mean" not in replies[-1].text


def test_english_words_in_a_german_chat_are_answered_in_english(eve):
    text(eve, "wann ist bewerbungsschluss")
    assert say(eve, "u1", "what is jour fix")[-1].lang == "en"


# -- row 21: "wie viel?" to a question back about money -----------------------------------


@pytest.mark.parametrize(
    ("question", "how_much", "said"),
    [
        ("geld", "und wie viel?", ("TVöD Entgeltgruppe 11 Stufe 2", "EUR 3.000")),
        ("geld", "wie viel?", ("TVöD Entgeltgruppe 11 Stufe 2", "EUR 3.000")),
        ("which funding", "how much?", ("pay group 11", "EUR 3,000")),
    ],
)
def test_how_much_to_a_question_back_is_read_against_its_topics(eve, question, how_much, said):
    offered(eve, question)
    replies = say(eve, "u1", how_much)
    assert len(replies) == 1 and not any(b.data.startswith("faq:") for b in replies[0].buttons)
    for amount in said:
        assert amount in replies[0].text


# -- row 5: a new question after an answer is not swallowed by the context -----------------


@pytest.mark.parametrize(
    ("before", "question"),
    [
        (("bis wann muss ich mich bewerben", "frist morgen noch?"), "wie lang dauert das"),
        (("wann ist bewerbungsschluss",), "wie lange dauert das"),
        (("what is the deadline",), "how long does it take"),
    ],
)
def test_a_question_the_answer_before_does_not_fit_is_asked_which(eve, before, question):
    for line in before:
        deadline = text(eve, line).split("\n\n")[0]
    replies = say(eve, "u1", question)
    assert deadline not in replies[-1].text  # not the deadline again, as if asked
    topics = [b.label for b in replies[-1].buttons]
    assert any("Dauer" in label or "Duration" in label for label in topics), topics
    assert any("Bewerbungsschluss" in label or "deadline" in label.lower() for label in topics)
    picked = text(eve, "2")
    assert "sechs Monate" in picked or "six months" in picked


# -- row 30: the next call asked about while this one is open ------------------------------


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("wann ist die nächste frist", "Bewerbungsschluss ist morgen, der 3. Mai 2023"),
        ("when is the next call", "the application deadline is tomorrow, 3 May 2023"),
    ],
)
def test_the_next_call_while_this_one_is_open_says_tomorrow(eve, question, said):
    assert said in text(eve, question)


# -- row 25: "und bis wann?" asks the last day, not a time of day ---------------------------


@pytest.mark.parametrize(
    ("first", "until", "said"),
    [
        ("vorlage skizze", "und bis wann?", "Bis zum 31. Mai 2023."),
        ("vorgespräche", "bis wann?", "Bis zum 17. Mai 2023."),
        ("project sketch", "until when?", "Until 31 May 2023."),
    ],
)
def test_until_when_after_a_step_with_days_is_its_last_day(eve, first, until, said):
    text(eve, first)
    reply = text(eve, until)
    assert reply.startswith(said), reply
    assert "Uhrzeit" not in reply and "time of day" not in reply


def test_until_what_time_is_still_the_time_of_day(eve):
    text(eve, "projektskizze")
    assert "Eine Uhrzeit nennt die Ausschreibung nicht" in text(eve, "bis wie viel uhr?")


# -- row 28: no offer of what the person has already -----------------------------------------


def test_the_reminders_button_goes_once_subscribed(eve):
    bell = "sub:on"
    assert any(b.data == bell for b in say(eve, "u1", "bewerbungsschluss")[-1].buttons)
    say(eve, "u1", "/erinnerungen")
    again = say(eve, "u1", "bewerbungsschluss")[-1]
    assert "3. Mai 2023" in again.text and not any(b.data == bell for b in again.buttons)
    assert any(b.data == bell for b in say(eve, "u2", "bewerbungsschluss")[-1].buttons)


def test_the_next_call_offer_goes_once_asked_for(matcher, sessions):
    later = applicant_router(matcher, sessions, datetime(2026, 11, 28, 9, 0, tzinfo=UTC))
    say(later, "u1", "/naechste")
    for question in ("wann war das kick off", "wann war bewerbungsschluss"):
        other = say(later, "u2", question)[-1]
        assert any(b.data == "nextcall:on" for b in other.buttons), other.text
        again = say(later, "u1", question)[-1]
        assert not any(b.data == "nextcall:on" for b in again.buttons), again.text
        assert "Möchten Sie Bescheid bekommen" not in again.text


@pytest.mark.parametrize(("message", "kind"), [("wie heißt du?", "who"), ("was heißt das?", None)])
def test_asking_the_bots_name_is_no_puzzlement(eve, message, kind):
    text(eve, "was wird gefördert")
    reply = text(eve, message)
    assert ("Kurz gesagt" in reply) is (kind is None), reply
