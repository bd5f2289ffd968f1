"""Applicants' chat from the fifth try-out (rows A13/A14/A24/A25, A7/A21/A8, A16): small
talk with a polite extra is still small talk (never refused, never forwarded, never
logged), several questions in one message each get their answer, and only questions
that really went unanswered reach the team's log. Phrasings are our own variations,
German and English."""

from datetime import UTC, datetime

import pytest

from bot.chat.faq_replies import FaqReplies
from faq.smalltalk import asks_how, small_talk
from tests.chat import make_router, say
from tests.clock import Clock

EVE = datetime(2023, 5, 2, 21, 0, tzinfo=UTC)  # Tue 23:00 in Berlin, the deadline is tomorrow
APRIL = datetime(2023, 4, 27, 12, 10, tzinfo=UTC)  # Thu 14:10 in Berlin, the call is open


@pytest.fixture
def logged():
    return []


@pytest.fixture
def router(matcher, logged):
    def record(match, now):
        if not match.confident:
            logged.append(match.question)
            return "1:secret"
        return None

    faq = FaqReplies(matcher, record)
    return make_router(faq, clock=Clock(EVE))


def _all(replies) -> str:
    return "\n\n".join(r.text for r in replies)


# -- small talk with a polite extra ---------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("hallo, sorry für die späte stunde", "greeting"),
        ("Guten Abend, entschuldigen Sie die späte Störung", "greeting"),
        ("hey its late sorry", "greeting"),
        ("hi, sorry to bother you so late", "greeting"),
        ("ok danke, dann mach ich mal weiter", "thanks"),
        ("danke! dann schreib ich jetzt weiter", "thanks"),
        ("thanks, I'll get back to work", "thanks"),
        ("wie gehts dir?", "greeting"),
        ("how are you doing?", "greeting"),
        ("schönen abend noch", "bye"),
        ("einen schönen Tag noch!", "bye"),
        ("gute Nacht", "bye"),
        ("have a nice evening", "bye"),
        ("schönen guten Abend", "greeting"),
    ],
)
def test_small_talk_with_a_polite_extra_is_small_talk(message, kind):
    assert small_talk(message) == kind


@pytest.mark.parametrize(
    "message",
    [
        "hallo, wer kann sich bewerben?",
        "sorry, wer kann sich bewerben?",
        "hallo, sorry, bis wann geht die Frist?",
        "wie geht es weiter?",
        "ok und dann?",
        "ist es noch möglich?",
        "schönen abend, wie viel geld gibt es?",
    ],
)
def test_questions_with_small_talk_words_stay_questions(message):
    assert small_talk(message) is None


def test_how_are_you_is_told_apart():
    assert asks_how("wie gehts dir?") and asks_how("how are you?")
    assert not asks_how("hallo") and not asks_how("wie geht es weiter?")


@pytest.mark.parametrize(
    ("message", "start"),
    [
        ("hallo, sorry für die späte stunde", "Hallo!"),
        ("ok danke, dann mach ich mal weiter", "Gern geschehen"),
        ("wie gehts dir?", "Danke der Nachfrage"),
        ("hey its late sorry", "Hello!"),
        ("schönen abend noch", "Auf Wiedersehen"),
        ("how are you?", "Thanks for asking"),
    ],
)
def test_small_talk_with_an_extra_is_answered_never_logged_nor_forwarded(
    router, logged, message, start
):
    (reply,) = say(router, text=message)
    assert reply.text.startswith(start)
    assert not logged
    assert not any(b.data.startswith("handoff") for b in reply.buttons)
    assert "Team" not in reply.text and "team" not in reply.text


def test_a_question_after_a_greeting_with_an_extra_is_answered(router, logged):
    reply = _all(say(router, text="hallo, sorry für die späte stunde. wer kann sich bewerben?"))
    assert "Städte, Kommunen und Behörden" in reply


# -- several questions in one message -------------------------------------------------------


@pytest.fixture
def april(matcher, sessions):
    from tests.chat import applicant_router

    return applicant_router(matcher, sessions, APRIL)


@pytest.mark.parametrize(
    ("message", "expect"),
    [
        (
            "moin, kurze fragen: wer kann sich bewerben und bis wann?",
            ["Städte, Kommunen und Behörden", "3. Mai 2023"],
        ),
        (
            "hallo, zwei fragen: wer kann sich bewerben? und bis wann?",
            ["Städte, Kommunen und Behörden", "3. Mai 2023"],
        ),
        (
            "hello, quick q: who can apply and what is the deadline?",
            ["municipalities and public authorities", "3 May 2023"],
        ),
        (
            "quick question - who can apply and until when?",
            ["municipalities and public authorities", "3 May 2023"],
        ),
    ],
)
def test_each_part_is_answered_never_asked_back(april, message, expect):
    reply = _all(say(april, text=message))
    for part in expect:
        assert part in reply
    assert "Meinen Sie" not in reply and "Do you mean" not in reply


def test_a_part_answered_by_another_part_is_not_asked_back(april):
    reply = _all(say(april, text="welche themen sind gefragt? wohnen?"))
    assert "Wohnen, Arbeit" in reply
    assert "Meinen Sie" not in reply


# -- only what went unanswered is logged ----------------------------------------------------


@pytest.mark.parametrize(
    ("first", "follow_up"),
    [
        ("Wann ist Bewerbungsschluss?", "ist morgen noch ok?"),
        ("Wann ist Bewerbungsschluss?", "und wenn ich übermorgen schicke?"),
        ("when is the deadline?", "is tomorrow still fine?"),
    ],
)
def test_a_follow_up_answered_is_not_logged(router, logged, first, follow_up):
    say(router, text=first)
    reply = _all(say(router, text=follow_up))
    assert reply.startswith(("Ja", "Nein", "Yes", "No"))
    assert follow_up not in logged


def test_an_unanswered_question_is_still_logged_and_offered_to_the_team(router, logged):
    say(router, text="Welche Partei regiert in Torgau?")
    assert logged == ["Welche Partei regiert in Torgau?"]


# -- answers from a closed call say so, once ------------------------------------------------

AUTUMN_2026 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)  # the 2023/24 call is long closed


@pytest.fixture
def autumn(matcher, sessions):
    from tests.chat import applicant_router

    return applicant_router(matcher, sessions, AUTUMN_2026)


@pytest.mark.parametrize(
    ("question", "note"),
    [
        ("wer kann sich bewerben?", "Das galt für die Ausschreibung „Integrationsmacher:innen"),
        ("was bekommen wir an geld?", "die Bewerbungsfrist ist vorbei – Bescheid zur nächsten"),
        ("how much money do we get", 'That was the call "Integrationsmacher:innen'),
    ],
)
def test_an_answer_from_a_closed_call_says_so(autumn, question, note):
    assert note in _all(say(autumn, text=question))


def test_the_closed_call_offer_comes_once_in_a_conversation(autumn):
    # every answer says it was that call (talk6); the offer of the next call comes once
    first = _all(say(autumn, text="wer kann sich bewerben?"))
    assert "Das galt für" in first and "/naechste" in first
    for question in ("was bekommen wir an geld?", "was macht der experte"):
        reply = _all(say(autumn, text=question))
        assert "Das galt für" in reply and "/naechste" not in reply


def test_a_date_answer_of_a_closed_call_needs_no_note(autumn):
    reply = _all(say(autumn, text="wann ist bewerbungsschluss?"))
    assert "vorbei" in reply and "Das galt für" not in reply and "Das gilt für" not in reply


def test_an_open_call_gets_no_note(april):
    said = _all(say(april, text="wer kann sich bewerben?"))
    assert "Das galt für" not in said and "Das gilt für" not in said


# -- one's own reminders, asked in words ----------------------------------------------------


@pytest.fixture
def clocked(matcher, sessions):
    from tests.chat import applicant_router

    clock = Clock(APRIL)
    return applicant_router(matcher, sessions, clock=clock), clock


@pytest.fixture
def years_later(clocked, sessions):
    """Moves the clock to November 2026, every reminder of the 2023/24 call sent."""
    from jobs.dispatch import Dispatcher
    from tests.dialogues.script import Console

    def move():
        clocked[1].now = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
        Dispatcher(sessions, {"console": Console()}, clock=clocked[1]).tick()

    return move


@pytest.mark.parametrize(
    "question",
    ["welche erinnerungen hab ich?", "meine erinnerungen", "hallo, gibts meine erinnerungen noch?"],
)
def test_own_reminders_asked_in_words_list_them(clocked, question):
    router, _ = clocked
    say(router, text="/erinnerungen")
    reply = _all(say(router, text=question))
    assert reply.startswith("Sie sind schon angemeldet") and "Bewerbungsschluss" in reply


def test_own_reminders_in_english(clocked):
    router, _ = clocked
    say(router, text="/remind")
    reply = _all(say(router, text="which reminders do I have?"))
    assert reply.startswith("You are already subscribed") and "deadline" in reply.lower()


def test_no_reminders_yet_says_so_and_offers_them(clocked):
    router, _ = clocked
    (reply,) = say(router, text="welche erinnerungen hab ich?")
    assert reply.text.startswith("Sie haben keine Erinnerungen abonniert")
    assert [b.label for b in reply.buttons] == ["🔔 Fristen-Erinnerungen"]


@pytest.mark.parametrize("question", ["hallo, gibts meine erinnerungen noch?", "/erinnerungen"])
def test_a_subscriber_years_later_is_told_the_subscription_moves_along(
    clocked, years_later, question
):
    router, _ = clocked
    say(router, text="/erinnerungen")
    years_later()
    reply = _all(say(router, text=question))
    assert (
        reply.startswith("Sie sind angemeldet.") and "zieht zur nächsten Ausschreibung mit" in reply
    )
    assert "Möchten Sie Bescheid bekommen" not in reply


def test_only_this_edition_years_later_gets_the_next_call_offer(clocked, years_later):
    router, _ = clocked
    say(router, text="/erinnerungen nur-diese")
    years_later()
    reply = _all(say(router, text="meine erinnerungen"))
    assert "Möchten Sie Bescheid bekommen" in reply and "zieht" not in reply


# -- a kind of applicant named with a short "dürfen wir?" -----------------------------------


@pytest.mark.parametrize(
    ("question", "expect"),
    [
        ("wir sind ein jobcenter, dürfen wir?", "Städte, Kommunen und Behörden"),
        ("als landratsamt, geht das?", "Städte, Kommunen und Behörden"),
        ("we are a job centre, can we?", "municipalities and public authorities"),
    ],
)
def test_a_kind_of_applicant_with_may_we_gets_the_eligibility_answer(april, question, expect):
    reply = _all(say(april, text=question))
    assert expect in reply
    assert "ich beantworte Fragen zur Ausschreibung" not in reply


def test_a_kind_the_call_rules_out_still_gets_its_no(april):
    assert _all(say(april, text="wir sind ein verein, dürfen wir mitmachen?")).startswith("Nein.")


@pytest.mark.parametrize(
    "question", ["wir sind ein jobcenter", "wann ist die frist?", "wir sind eine stadt, wann?"]
)
def test_may_we_needs_a_kind_and_a_question(question):
    from bot.chat.faq_replies import names_kind_and_asks_may

    assert not names_kind_and_asks_may(question)


# -- a refusal is not shown again after a "danke" -------------------------------------------


def test_thanks_with_an_extra_closes_the_refusals_choices(router):
    (refused,) = say(router, text="Welche Partei regiert in Torgau?")
    assert refused.buttons  # the topics and the offer to forward
    assert router.last_choices("console", "u1")
    say(router, text="ok danke, dann mach ich mal weiter")
    assert router.last_choices("console", "u1") == ()  # nothing to show at the next start


@pytest.mark.parametrize("thanks", ["ok danke", "ok thanks"])
def test_thanks_to_suggestions_is_thanks_not_which_one(router, thanks):
    (asked,) = say(router, text="sorry nochmal: wer wählt die kommunen aus?")
    assert len(asked.buttons) >= 2
    (reply,) = say(router, text=thanks)
    assert reply.text.startswith(("Gern geschehen", "You're welcome"))
    assert not reply.buttons
