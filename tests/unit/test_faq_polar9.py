"""Yes/no questions about another time than the call's (tryout9): whether a project runs
yet or still, and what may happen after the program. The call's yes/no terms are
timeless ("Torgau" is one of the five, the foundation pays the expert's position), so
they give no "Ja"/"Nein" to these; the entry's answer comes without a verdict."""

from datetime import UTC, datetime

import pytest

from bot.chat.faq_follow import without_preamble
from bot.chat.faq_replies import SUBSCRIBE_DATA, FaqReplies
from faq.form import asks_size, polarity
from faq.smalltalk import small_talk
from tests.chat import applicant_router, say, text

OPEN_CALL = datetime(2023, 4, 20, 8, 0, tzinfo=UTC)
TODAY = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def faq(matcher):
    return FaqReplies(matcher)


@pytest.mark.parametrize(
    "question, now",
    [
        ("Können wir die Expertin nach Ende der Förderung übernehmen?", OPEN_CALL),
    ],
)
def test_no_yes_or_no_for_another_time(faq, question, now):
    first = faq.ask(question, "de", now, record=False).text.split()[0]
    assert first not in ("Ja.", "Yes.", "Nein.", "No.", "Nein", "No")


@pytest.mark.parametrize(
    "entry_id, question, side",
    [
        ("participants", "Ist Torgau dabei?", "yes"),
        ("participants", "Läuft das Projekt in Torgau noch?", None),
        ("participants", "Is Torgau still running?", None),
        ("funding", "Übernimmt die Stiftung die Personalkosten der Expertin?", "yes"),
        ("funding", "Zahlt die Stiftung das Gehalt auch nach Ende des Programms?", None),
        ("funding", "Can we keep the expert's position after the program ends?", None),
    ],
)
def test_the_terms_settle_only_the_calls_time(kb, entry_id, question, side):
    assert polarity(kb.get(entry_id), question) == side


def test_one_of_the_five_is_still_a_yes_in_chat(faq):
    chosen = datetime(2023, 6, 20, 8, 0, tzinfo=UTC)  # the five are known from 19 May 2023
    assert faq.ask("Ist Torgau dabei?", "de", chosen, record=False).text.startswith("Ja.")


# tryout9 rows 11-12: a longer thank-you and "wer bist du eigentlich?" are small talk
@pytest.mark.parametrize(
    "text, kind",
    [
        ("Herzlichen Dank für Ihre Geduld, Sie waren mir eine große Hilfe!", "thanks"),
        ("vielen Dank, das hat mir sehr geholfen", "thanks"),
        ("danke für die Hilfe", "thanks"),
        ("Thank you so much for your patience, you were a great help!", "thanks"),
        ("thanks, that was really helpful, bye", "bye"),
        ("wer bist du eigentlich?", "who"),
        ("who are you actually?", "who"),
        # a question beside the thanks stays a question
        ("danke, wer kann sich bewerben?", None),
        ("thanks, is there help with the application?", None),
        ("Danke! Gibt es Hilfe bei der Bewerbung?", None),
    ],
)
def test_longer_thanks_and_who_are_small_talk(text, kind):
    assert small_talk(text) == kind


NIGHT_BEFORE = datetime(2023, 5, 2, 21, 30, tzinfo=UTC)  # 23:30 in Berlin


# tryout9 row 20: the question of the night before the deadline, as typed at 23:30
@pytest.mark.parametrize(
    "question",
    [
        "hallo kurze frage bis wann genau muss die bewerbng drin sein??",
        "bis wann muss die bewerbung bei euch eingegangen sein",
        "quick question, by when does the application have to be received?",
    ],
)
def test_by_when_it_must_be_in_is_the_deadline(faq, question):
    text = faq.ask(question, "de", NIGHT_BEFORE, record=False).text
    assert "3. Mai 2023" in text or "3 May 2023" in text
    assert "keine sichere Antwort" not in text and "reliable answer" not in text


# tryout9 row 5: how long a text may be is no question of the deadline (the call names
# no size): said so, with the contacts; how long the program lasts is still answered
@pytest.mark.parametrize(
    "question",
    [
        "wie lang darf die bewerbung sein",
        "Wie lang soll die Projektskizze sein?",
        "how long should the application be?",
        "Wie viele Seiten hat die Projektskizze?",
    ],
)
def test_the_size_of_a_text_is_not_in_the_call(faq, question):
    text = faq.ask(question, "de", NIGHT_BEFORE, record=False).text
    assert text.startswith(("Das sagt die Ausschreibung nicht.", "The call for applications"))
    assert "3. Mai" not in text and "3 May" not in text


@pytest.mark.parametrize(
    "question, size",
    [
        ("wie lang darf die bewerbung sein", True),
        ("how many pages?", True),
        ("gibt es eine Seitenbegrenzung", True),
        ("wie lange soll die Expertin bei uns sein", False),
        ("wie lange muss die Bewerbung offen sein", False),
        ("how long is the program?", False),
    ],
)
def test_asks_size(question, size):
    assert asks_size(question) is size


# tryout9 row 14: "das erste" after an answer whose only button is the reminders' offer
# names no topic: no choice is open for it (not a picker of unrelated topics); a typed
# "1" still presses the button
@pytest.fixture
def april(matcher, sessions):
    return applicant_router(matcher, sessions, OPEN_CALL)


def test_a_pick_beside_an_answer_names_no_topic(april):
    answer = say(april, "u1", "Wie lange dauert das Programm?")[-1]
    assert [b.data for b in answer.buttons] == [SUBSCRIBE_DATA]
    replies = say(april, "u1", "das erste")
    assert len(replies) == 1 and "keine Auswahl offen" in replies[0].text
    assert not replies[0].buttons
    say(april, "u1", "Wie lange dauert das Programm?")
    assert "Erinnerungen" in text(april, "1")


# tryout9 row 7: a polite letter with the questions after a colon gets each answered
def test_questions_announced_with_a_colon_are_each_answered(april):
    replies = say(
        april,
        "u1",
        "Sehr geehrte Damen und Herren, ich bin Integrationsbeauftragte einer Kreisstadt "
        "und hätte zwei Fragen: Können sich auch Landkreise bewerben, und wie viele "
        "Kommunen werden am Ende ausgewählt?",
    )
    said = " ".join(r.text for r in replies)
    assert "Städte, Kommunen und Behörden" in said and "fünf Projekte" in said
    replies = say(
        april, "u2", "Dear Sir or Madam, two questions: who can apply and how much is funded?"
    )
    said = " ".join(r.text for r in replies)
    assert "Cities, municipalities" in said and "3,000" in said


@pytest.mark.parametrize(
    "message, rest",
    [
        ("Sehr geehrte Damen und Herren, wer kann sich bewerben?", "wer kann sich bewerben?"),
        ("ich hätte zwei Fragen: wann ist die Frist?", "wann ist die Frist?"),
        ("Ich habe eine Frage zur Förderung: wie viel gibt es?", "Förderung: wie viel gibt es"),
    ],
)
def test_what_comes_before_the_questions(message, rest):
    found = without_preamble(message)
    assert (found[0] if found else None) == rest
