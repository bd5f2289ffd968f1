"""An applicant's chat, seen in the console (talk6): "weiß nicht" after an answer is no
follow-up (the topics, never the answer again); "Können wir Deutsch sprechen?" switches
the language as /sprache does; once the call's deadline has passed every answer from the
call says so (the offer of the next call once); "wer bist du?" in the language asked, and
"?" or "??" the help. Phrasings are our own, German and English; the clock is an input."""

from datetime import UTC, datetime

import pytest

from bot.chat.faq_replies import FAQ_PREFIX, NEXT_CALL_DATA, FaqReplies
from bot.timeline import Timeline
from jobs.editions import default_edition_text
from tests.chat import make_router, say
from tests.clock import Clock

APRIL = datetime(2023, 4, 20, 8, 0, tzinfo=UTC)  # Thu 10:00 in Berlin, the call is open
AUTUMN_2026 = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)  # the 2023/24 call is long closed


def _all(replies) -> str:
    return "\n\n".join(r.text for r in replies)


@pytest.fixture
def logged():
    return []


def _router(matcher, sessions, logged, now, clock=None):
    def record(match, when):
        if not match.confident:
            logged.append(match.question)
            return "1:secret"
        return None

    clock = clock or Clock(now)
    timeline = Timeline(sessions, clock)
    timeline.load(default_edition_text())
    faq = FaqReplies(matcher, record, offer_reminders=True, edition=timeline.active)
    return make_router(faq, timeline=timeline, clock=clock)


@pytest.fixture
def april(matcher, sessions, logged):
    return _router(matcher, sessions, logged, APRIL)


@pytest.fixture
def autumn(matcher, sessions, logged):
    return _router(matcher, sessions, logged, AUTUMN_2026)


# -- 1. "weiß nicht", "no idea" after an answer ------------------------------------------------


@pytest.mark.parametrize("when", ["april", "autumn"])
@pytest.mark.parametrize(
    ("question", "answer", "message", "lang", "start"),
    [
        ("Wer kann sich bewerben?", "Städte, Kommunen", "weiß nicht", "de", "Kein Problem"),
        ("Wer kann sich bewerben?", "Städte, Kommunen", "keine Ahnung", "de", "Kein Problem"),
        ("Wer kann sich bewerben?", "Städte, Kommunen", "hmm, ich weiss es nicht", "de", "Kein"),
        ("Who can apply?", "municipalities and public", "I don't know", "en", "No problem"),
        ("Who can apply?", "municipalities and public", "no idea", "en", "No problem"),
        ("Who can apply?", "municipalities and public", "dunno", "en", "No problem"),
    ],
)
def test_dont_know_after_an_answer_offers_the_topics(
    request, logged, when, question, answer, message, lang, start
):
    router = request.getfixturevalue(when)
    say(router, text=question)
    (reply,) = say(router, text=message)
    assert reply.text.startswith(start)
    assert answer not in reply.text  # not the last answer again
    assert reply.lang == lang
    groups = [b for b in reply.buttons if b.data.startswith(f"{FAQ_PREFIX}{lang}:")]
    assert len(groups) >= 3  # the topic picker, as /faq shows it
    assert not logged


def test_dont_know_with_nothing_asked_offers_the_topics_too(april, logged):
    (reply,) = say(april, text="keine ahnung")
    assert reply.text.startswith("Kein Problem") and reply.buttons
    assert not logged


@pytest.mark.parametrize(
    ("question", "expect"),
    [
        ("ich weiß nicht, ob sich ein Landkreis bewerben kann", "Städte, Kommunen"),
        ("I don't know who can apply", "municipalities and public authorities"),
    ],
)
def test_dont_know_inside_a_question_is_a_question(april, question, expect):
    assert expect in _all(say(april, text=question))


# -- 2. "Können wir Deutsch sprechen?" ---------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "lang", "said"),
    [
        ("Can we talk in German?", "de", "Ich antworte jetzt auf Deutsch."),
        ("Können wir Deutsch sprechen?", "de", "Ich antworte jetzt auf Deutsch."),
        ("Bitte auf Deutsch", "de", "Ich antworte jetzt auf Deutsch."),
        ("could we switch to German please?", "de", "Ich antworte jetzt auf Deutsch."),
        ("in English please", "en", "I will answer in English now."),
        ("Können Sie Englisch?", "en", "I will answer in English now."),
        ("Können wir auf Englisch weitermachen?", "en", "I will answer in English now."),
        ("do you speak english?", "en", "I will answer in English now."),
    ],
)
def test_asking_for_a_language_switches_as_sprache_does(april, logged, message, lang, said):
    other = "en" if lang == "de" else "de"
    say(april, text=f"/sprache {other}")
    (reply,) = say(april, text=message)
    assert reply.text == said
    assert not logged
    # the same effect as /sprache: small talk in the other language is answered in this one
    (thanks,) = say(april, text="thanks" if lang == "de" else "danke")
    assert thanks.text.startswith("Gern geschehen" if lang == "de" else "You're welcome")


@pytest.mark.parametrize(
    "question",
    [
        "Muss die Bewerbung auf Deutsch sein?",
        "Können wir uns auf Englisch bewerben?",
        "Can we apply in English?",
        "Where can I learn German?",
    ],
)
def test_a_question_in_or_about_a_language_is_no_switch(april, question):
    reply = _all(say(april, text=question))
    assert "antworte jetzt" not in reply and "answer in English now" not in reply


# -- 3. a closed call: every answer says so ----------------------------------------------------


def test_every_answer_of_a_closed_call_says_so_the_offer_once(autumn):
    first = _all(say(autumn, text="Wer kann sich bewerben?"))
    assert "Das galt für die Ausschreibung „Integrationsmacher:innen 2023/24“" in first
    assert "/naechste" in first
    for question in ("Wie viel Geld gibt es?", "Was macht die Expertin?", "who can apply?"):
        reply = _all(say(autumn, text=question))
        assert "Integrationsmacher:innen 2023/24" in reply, question
        assert "/naechste" not in reply and "/next" not in reply, question
        assert not any(b.data == NEXT_CALL_DATA for r in say(autumn, text="ok") for b in r.buttons)


def test_the_closed_call_line_is_in_the_answers_language(autumn):
    say(autumn, text="Wer kann sich bewerben?")
    reply = _all(say(autumn, text="how much money do we get"))
    assert 'the call "Integrationsmacher:innen 2023/24"' in reply
    assert "deadline has passed" in reply


def test_a_next_call_watcher_is_never_offered_it(autumn):
    say(autumn, text="/naechste")
    for question in ("Wer kann sich bewerben?", "Wie viel Geld gibt es?"):
        reply = _all(say(autumn, text=question))
        assert "Integrationsmacher:innen 2023/24" in reply
        assert "/naechste" not in reply and "Möchten Sie Bescheid" not in reply


def test_contacts_and_small_talk_of_a_closed_call_get_no_line(autumn):
    say(autumn, text="Wer kann sich bewerben?")
    assert "2023/24" not in _all(say(autumn, text="Wen kann ich kontaktieren?"))
    assert "2023/24" not in _all(say(autumn, text="danke"))
    assert "2023/24" not in _all(say(autumn, text="/kontakt"))


def test_an_open_call_gets_no_line(april):
    for question in ("Wer kann sich bewerben?", "Wie viel Geld gibt es?"):
        said = _all(say(april, text=question))
        assert "Das galt für" not in said and "Das gilt für" not in said


# -- 4. "wer bist du?", "?" --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "message", "start"),
    [
        ("Wer kann sich bewerben?", "who are you?", "I am the bot"),
        ("Wer kann sich bewerben?", "are you a human?", "I am the bot"),
        ("Who can apply?", "Wer bist du?", "Ich bin der Bot"),
        ("Who can apply?", "Bist du ein Mensch?", "Ich bin der Bot"),
        ("", "who are you?", "I am the bot"),
        ("", "Wer sind Sie?", "Ich bin der Bot"),
    ],
)
def test_who_are_you_in_the_language_asked(april, logged, first, message, start):
    if first:
        say(april, text=first)
    reply = _all(say(april, text=message))
    assert reply.startswith(start)
    assert not logged


@pytest.mark.parametrize("first", ["", "Wer kann sich bewerben?", "Wie viel Geld?", "/faq"])
@pytest.mark.parametrize("message", ["?", "??", "???", " ? "])
def test_question_marks_alone_get_the_help(april, logged, first, message):
    if first:
        say(april, text=first)
    before = list(logged)
    reply = _all(say(april, text=message))
    assert "/faq" in reply and "/kontakt" in reply and "/hilfe" in reply  # the help
    assert logged == before


@pytest.mark.parametrize("message", ["?", "??"])
def test_question_marks_alone_in_english_get_the_english_help(april, message):
    say(april, text="Who can apply?")
    reply = _all(say(april, text=message))
    assert "/help" in reply and "/contact" in reply


@pytest.mark.parametrize("message", ["?", "??"])
def test_imbot_ask_question_marks_alone(capsys, message):
    from bot import cli

    assert cli.main(["ask", message]) == 0
    assert "Traceback" not in capsys.readouterr().err


def test_a_subscriber_whose_reminders_move_along_is_not_offered_the_next_call(
    matcher, sessions, logged
):
    clock = Clock(APRIL)
    router = _router(matcher, sessions, logged, APRIL, clock)
    say(router, text="/erinnerungen")
    clock.now = AUTUMN_2026
    reply = _all(say(router, text="Wer kann sich bewerben?"))
    assert "Integrationsmacher:innen 2023/24" in reply
    assert "/naechste" not in reply and "Möchten Sie Bescheid" not in reply


def test_a_topic_pressed_from_a_closed_call_says_so_too(autumn):
    say(autumn, text="Wer kann sich bewerben?")
    (topics,) = say(autumn, text="/faq")
    (group,) = say(autumn, data=topics.buttons[1].data)  # "Förderung und Kosten"
    assert "2023/24" not in group.text  # a list of topics: no answer yet
    (answer,) = say(autumn, data=group.buttons[0].data)
    assert "(Das galt für die Ausschreibung „Integrationsmacher:innen 2023/24“" in answer.text
