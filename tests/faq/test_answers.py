"""Issue 14's examples, each as a test: the answer fits the question's form, close
entries are asked back instead of guessed, small talk is small talk and none of it is
recorded as an unanswered question."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.chat.faq_replies import FaqReplies
from tests.chat import make_router, say

NOW = datetime(2023, 4, 20, 9, 0, tzinfo=UTC)


@pytest.fixture
def logged():
    return []


@pytest.fixture
def faq(matcher, logged) -> FaqReplies:
    return FaqReplies(matcher, lambda match, now: logged.append(match.question))


@pytest.fixture
def router(faq):
    return make_router(faq)


def ask(faq: FaqReplies, question: str) -> str:
    return faq.ask(question, "de", NOW).text


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Was passiert nach der Bewerbung?", "timeline"),  # was refused although right
        ("Wer ist Ansprechpartner?", "contact"),  # was refused, then listed the contacts
        ("What does the expert actually do in our team?", "expert_role"),  # was refused
    ],
)
def test_questions_once_refused_are_answered_or_one_click_away(faq, matcher, question, entry):
    match = matcher.match(question)
    if match.confident:
        assert match.best.id == entry
    else:
        assert entry in {e.id for e in match.options}
        assert "Lokalprojekte" not in faq.ask(question, "de", NOW).text  # no refusal block


@pytest.mark.parametrize(
    ("question", "wrong"),
    [
        ("Wie werden die Expertinnen ausgewählt?", "number_of_projects"),
        ("Wie viele Bewerbungen gibt es?", "expert_profiles"),
    ],
)
def test_questions_once_answered_wrongly_are_not(matcher, question, wrong):
    match = matcher.match(question)
    assert not (match.confident and match.best.id == wrong)


@pytest.mark.parametrize(
    ("question", "entry"),
    [("whens the deadline", "deadline"), ("gibts ne vorlage für die skizze", "sketch_phase"),
     ("whos behind the program", "funder")],
)  # fmt: skip
def test_contractions_typed_without_apostrophe_are_answered(matcher, question, entry):
    match = matcher.match(question)
    assert match.confident and match.best.id == entry


def test_how_experts_are_chosen_is_answered_or_asked_back(matcher):
    match = matcher.match("Wie werden die Expertinnen ausgewählt?")
    offered = {match.best.id} if match.confident else {e.id for e in match.options}
    assert offered & {"expert_choice", "expert_profiles"}


def test_the_other_participants_are_answered_or_offered(matcher):
    match = matcher.match("Wer sind die anderen Teilnehmer?")
    offered = {match.best.id} if match.confident else {e.id for e in match.options}
    assert offered & {"participants", "networking"}


def test_yes_no_question_the_call_decides_starts_with_no(faq):
    text = ask(faq, "Können wir uns als Verein bewerben?")
    assert text.startswith("Nein.") and "Städte, Kommunen und Behörden" in text


@pytest.mark.parametrize(
    ("question", "start"),
    [("Kann sich ein Landkreis bewerben?", "Ja."), ("Can a private person apply?", "No.")],
)
def test_yes_no_follows_the_question(faq, kb, question, start):
    entry = kb.get("eligibility")
    lang = "en" if start == "No." else "de"
    assert faq.entry_reply(entry, lang, NOW, question).text.startswith(start)


def test_only_questions_get_no_plain_yes(faq):
    assert not ask(faq, "Ist das Programm nur für Städte?").startswith(("Ja", "Nein"))


def test_where_the_call_is_silent_it_says_so(faq):
    text = ask(faq, "Wo findet das Kick-off statt?")
    assert (
        text.startswith("Einen Ort nennt die Ausschreibung dafür nicht") and "Oktober 2023" in text
    )


def test_what_the_call_does_not_decide_is_said(faq):
    text = ask(faq, "Bekommen wir die 3000 Euro auch für Software-Lizenzen?")
    assert text.startswith("Das legt die Ausschreibung nicht fest") and "EUR 3.000" in text


def test_a_plain_question_gets_the_plain_answer(faq, kb):
    assert ask(faq, "Wer kann sich bewerben?").startswith(kb.get("eligibility").answer["de"])


def test_close_entries_are_asked_back_with_buttons(faq, matcher):
    question = next(
        q
        # ("Wann startet das Programm?" was one: it is the kick-off's now)
        for q in ("Wie werden die Expertinnen ausgewählt?", "Wer ist dann Vorgesetzte der Expertin?")
        if matcher.match(q).options
    )
    reply = faq.ask(question, "de", NOW)
    assert reply.text.startswith("Meinen Sie ") and reply.text.endswith("?")
    assert "Lokalprojekte" not in reply.text  # no refusal block with contacts
    assert 1 <= len(reply.buttons) <= 3 and all(b.data.startswith("faq:de:") for b in reply.buttons)


def test_refusal_with_contacts_only_when_nothing_is_close(faq, matcher):
    question = "Welche Partei regiert in Torgau?"
    match = matcher.match(question)
    assert not match.confident and not match.options
    assert "charlotte.bock@lokalprojekte.de" in ask(faq, question)


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("Hallo", "Hallo!"),
        ("Danke!", "Gern geschehen"),
        ("Wer bist du?", "Ich bin der Bot"),
        ("Hilfe!", "Gern!"),
        ("help me", "Sure!"),
        ("Thanks a lot", "You're welcome"),
    ],
)
def test_small_talk_gets_a_short_friendly_reply(router, logged, text, expect):
    (reply,) = say(router, text=text)
    assert reply.text.startswith(expect)
    assert "Quelle:" not in reply.text and "Source:" not in reply.text
    assert not logged


@pytest.mark.parametrize("text", ["Hallo", "Hilfe!", "help me", "wer bist du"])
def test_small_talk_comes_with_the_help(router, text):  # a greeting: where the help is
    (reply,) = say(router, text=text)
    assert "/faq" in reply.text


@pytest.mark.parametrize("text", ["ja", "1", "mehr", "nein", "ok"])
def test_booking_words_are_not_unanswered_questions(router, logged, text):
    (reply,) = say(router, text=text)
    assert "Auswahl" in reply.text or "choice" in reply.text or "Alles klar" in reply.text
    assert not logged


def test_a_question_after_a_greeting_is_still_a_question(router, logged):
    (reply,) = say(router, text="Hallo, wann ist Bewerbungsschluss?")
    assert "3. Mai 2023" in reply.text


def test_refused_questions_are_still_logged(router, logged):
    say(router, text="Welche Partei regiert in Torgau?")
    assert logged == ["Welche Partei regiert in Torgau?"]


def test_a_name_from_the_call_in_an_unrelated_question_is_never_answered(faq, matcher):
    match = matcher.match("Wie viele Einwohner hat Pforzheim?")
    assert not match.confident
    assert not ask(faq, "Wie viele Einwohner hat Pforzheim?").startswith("Die fünf")


def test_lists_come_as_lists(faq, kb):
    chosen = datetime(2023, 6, 20, 8, 0, tzinfo=UTC)  # the five are known from 19 May
    text = faq.entry_reply(kb.get("participants"), "de", chosen).text
    bullets = [line for line in text.splitlines() if line.startswith("• ")]
    assert len(bullets) == 5 and bullets[0].startswith("• Hansestadt Stralsund")
    steps = faq.entry_reply(kb.get("timeline"), "en", NOW).text.splitlines()
    assert [line[:2] for line in steps[1:10]] == [f"{n}." for n in range(1, 10)]


def test_an_answer_without_a_list_is_left_alone(kb):
    from faq.form import as_list

    answer = kb.get("deadline").answer["de"]
    assert as_list(answer) == answer


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Does the solution have to be digital?", "yes"),
        ("Can the project be non-digital?", "no"),
        ("Does our project have to be an app?", "open"),
        ("Muss es eine App sein?", "open"),
        ("Was ist ein digitales Werkzeug?", None),  # not a yes/no question
    ],
)
def test_polarity_in_both_languages(kb, question, expected):
    from faq.form import polarity

    assert polarity(kb.get("digital_tools"), question) == expected


def test_numbered_steps_with_dates_inside_and_a_note_after_come_as_a_list():
    from faq.form import as_list

    answer = (
        "Ablauf im Überblick: 1. Bewerbungsschluss 3. Mai 2023. 2. Vorgespräche 10. bis 17. "
        "Mai 2023. 3. Rückmeldung zur Teilnahme.\n\nDas Programm ist seit Ende März 2024 "
        "beendet."
    )
    assert as_list(answer) == (
        "Ablauf im Überblick:\n1. Bewerbungsschluss 3. Mai 2023.\n2. Vorgespräche 10. bis 17. "
        "Mai 2023.\n3. Rückmeldung zur Teilnahme.\n\nDas Programm ist seit Ende März 2024 "
        "beendet."
    )
    assert (
        as_list("Am 3. Mai und am 4. Juni, dann 5. Juli.")
        == "Am 3. Mai und am 4. Juni, dann 5. Juli."
    )


@pytest.mark.parametrize(
    ("question", "entry", "lang"),
    [
        ("gibt es 5000 euro?", "project_budget", "de"),
        ("do we get 5000 euros?", "project_budget", "en"),
        ("bekommt die expertin tvöd 13?", "salary", "de"),
        ("does the expert get tvöd 13?", "salary", "en"),
        ("Wird die Expertin nach EG 13 bezahlt?", "salary", "de"),
        ("ist das kick off im september?", "kickoff", "de"),
        ("ist der bewerbungsschluss am 5.3.?", "deadline", "de"),
        ("is the deadline on 3 march?", "deadline", "en"),
        ("dauert das projekt ein jahr?", "duration", "de"),
        ("is the project one year long?", "duration", "en"),
    ],
)
def test_a_yes_no_question_with_a_figure_the_answer_contradicts_gets_no(
    faq, kb, question, entry, lang
):
    text = faq.entry_reply(kb.get(entry), lang, NOW, question).text
    assert text.startswith("Nein." if lang == "de" else "No."), text


@pytest.mark.parametrize(
    ("question", "entry", "lang"),
    [
        ("gibt es 3000 euro?", "project_budget", "de"),  # the call's own figure
        ("Gibt es mehr als 5000 Euro?", "project_budget", "de"),  # a bound, not a claim
        ("Wird die Expertin nach TVöD 11 bezahlt?", "salary", "de"),
        ("Kann ich mich nach dem 5.3. noch bewerben?", "deadline", "de"),
        ("Kann sich eine Stadt mit 50.000 Einwohnern bewerben?", "eligibility", "de"),
        ("Is the kick-off on 15 October?", "kickoff", "en"),  # the call names the month only
    ],
)
def test_a_figure_that_fits_or_is_a_bound_never_gets_no(faq, kb, question, entry, lang):
    text = faq.entry_reply(kb.get(entry), lang, NOW, question).text
    assert not text.startswith(("Nein.", "No.")), text


def test_a_compared_figure_gets_neither_yes_nor_no(faq, kb):
    text = faq.entry_reply(kb.get("project_budget"), "de", NOW, "Gibt es mehr als 5000 Euro?").text
    assert not text.startswith(("Ja.", "Nein.")) and "3.000" in text


def test_the_night_before_the_deadline_after_the_deadline_is_still_no(faq, kb):
    night = datetime(2023, 5, 2, 21, 0, tzinfo=UTC)
    question = "kann ich die bewerbung auch nach dem 3.5. schicken"
    assert faq.entry_reply(kb.get("deadline"), "de", night, question).text.startswith("Nein.")


# "Ja?" right after an answer asks whether it is so (try-out, issue 14): the gist again
@pytest.mark.parametrize(("text", "expect"), [("Hallo", "Hello!"), ("Ja?", "That is what")])
def test_a_one_word_message_keeps_the_language_the_chat_writes_in(router, text, expect):
    say(router, text="When is the application deadline?")  # the chat writes English now
    (reply,) = say(router, text=text)
    assert reply.text.startswith(expect)
    assert reply.lang == "en"


def test_a_one_word_message_keeps_the_client_language(router):
    (reply,) = say(router, text="Hallo", lang_hint="en")
    assert reply.text.startswith("Hello!")


def test_a_short_question_is_answered_in_the_known_language(router):
    say(router, text="Who can apply?")
    (reply,) = say(router, text="Bewerbungsschluss?")
    assert reply.lang == "en" and "Source:" in reply.text


def test_a_full_question_is_answered_in_its_own_language(router):
    say(router, text="Who can apply?")
    (reply,) = say(router, text="Bis wann kann man sich bewerben?")
    assert reply.lang == "de" and "Quelle:" in reply.text


def test_in_a_new_chat_a_short_message_still_shows_its_language(router):
    (reply,) = say(router, text="help me")
    assert reply.text.startswith("Sure!")


def test_who_selects_the_municipalities_is_not_the_expert_choice(matcher):
    """The towns are chosen after Lokalprojekte's talks with the shortlist; the expert
    choice (the town picks one of 1-3 profiles) is another selection."""
    match = matcher.match("wer entscheidet welche kommunen genommen werden")
    offered = {match.best.id} if match.confident else {e.id for e in match.options}
    assert offered & {"pre_talks", "feedback"} and "expert_choice" not in offered
