from datetime import UTC, datetime

import pytest

from bot.chat.faq_replies import FaqReplies
from bot.messages import Inbound
from tests.chat import make_router

NOW = datetime(2023, 4, 26, 9, 0, tzinfo=UTC)


class RecordingLog:
    def __init__(self):
        self.entries = []

    def __call__(self, match, now):
        self.entries.append((match.question, match.lang, now))


@pytest.fixture
def log():
    return RecordingLog()


@pytest.fixture
def router(matcher, log):
    return make_router(FaqReplies(matcher, log), clock=lambda: NOW)


def say(router, text="", data=None, chat="c1", lang_hint=None):
    return router.handle(Inbound("test", "u1", chat, text=text, data=data, lang_hint=lang_hint))


def test_start_greets_in_german_and_in_english_for_english_clients(router):
    assert "Hallo" in say(router, "/start")[0].text
    assert "Hello" in say(router, "/start", chat="c2", lang_hint="en")[0].text


def test_help_lists_commands_in_both_languages(router):
    assert "/faq" in say(router, "/hilfe")[0].text
    assert "/contact" in say(router, "/help", chat="c2", lang_hint="en")[0].text
    assert "/kontakt" in say(router, "hilfe")[0].text


def test_confident_answer_carries_its_source_section(router, log):
    reply = say(router, "Bis wann läuft die Bewerbungsfrist?")[0]
    assert "3. Mai 2023" in reply.text and "Quelle: Ausschreibung" in reply.text
    assert not reply.buttons and not log.entries


def test_english_question_gets_english_answer(router):
    reply = say(router, "When do applications close?")[0]
    assert "3 May 2023" in reply.text and "Source:" in reply.text


def test_out_of_scope_says_so_offers_suggestions_and_contacts_and_is_logged(router, log):
    reply = say(router, "Welche Partei regiert in Torgau?")[0]
    assert "keine sichere Antwort" in reply.text
    # short enough for a phone: names and e-mail once, the rest behind /kontakt
    assert "Charlotte Bock (charlotte.bock@lokalprojekte.de)" in reply.text
    assert "Prokop-Scheer (christine.prokop@lokalprojekte.de)" in reply.text
    assert "/kontakt" in reply.text and "calendly" not in reply.text
    assert 1 <= len(reply.buttons) <= 3
    assert log.entries == [("Welche Partei regiert in Torgau?", "de", NOW)]


def test_pressing_a_suggestion_answers_that_entry(router):
    reply = say(router, "Wie viele Einwohner hat Pforzheim?")[0]
    chosen = say(router, data=reply.buttons[0].data)[0]
    assert "Quelle: Ausschreibung" in chosen.text


@pytest.mark.parametrize("data", ["faq:de:no_such_entry", "faq:xx:deadline", "garbage", ""])
def test_stale_or_forged_choice_gets_a_polite_refusal(router, data):
    assert "nicht mehr gültig" in say(router, data=data)[0].text


def test_topics_list_every_entry_as_a_choice(router, kb):
    groups = say(router, "/faq")[0].buttons
    opened = [say(router, data=b.data)[0].buttons for b in groups]
    assert sum(len(buttons) for buttons in opened) == len(kb)


def test_language_switch_is_per_chat_and_validated(router):
    assert "English" in say(router, "/lang en")[0].text
    assert "What I can do" in say(router, "/help")[0].text
    assert "Das kann ich" in say(router, "/hilfe", chat="other")[0].text
    assert "/sprache de" in say(router, "/sprache fr", chat="other")[0].text


def test_unknown_command_and_empty_message(router):
    assert "/foo" in say(router, "/foo bar")[0].text
    assert "kenne ich nicht" in say(router, "/")[0].text
    assert "/hilfe" in say(router, "   ")[0].text


def test_matrix_style_prefix_and_telegram_bot_suffix(router):
    assert "Das kann ich" in say(router, "!hilfe")[0].text
    assert "Das kann ich" in say(router, "/hilfe@imbot")[0].text


def test_very_long_message_is_cut_with_a_notice(router):
    replies = say(router, "Bewerbungsfrist? " + "bla " * 600)
    assert len(replies) == 2 and "sehr lang" in replies[0].text


def test_a_failing_handler_never_reaches_the_chat_as_a_trace(matcher):
    class Broken(FaqReplies):
        def ask(self, *args, **kwargs):
            raise RuntimeError("database exploded")

    reply = make_router(Broken(matcher)).handle(Inbound("test", "u", "c", text="Frage?"))[0]
    assert "schiefgelaufen" in reply.text and "exploded" not in reply.text


def test_a_failing_log_still_answers(matcher):
    def broken_log(match, now):
        raise OSError("disk full")

    router = make_router(FaqReplies(matcher, broken_log))
    assert "keine sichere Antwort" in say(router, "Gibt es Parkplätze beim Kick-off?")[0].text
