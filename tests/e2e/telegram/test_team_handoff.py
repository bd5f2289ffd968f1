"""Ask the team in Telegram, end to end (unmodified python-telegram-bot against the
fake Bot API): the applicant presses "Frage ans Team weiterleiten", the admin gets the
question through the outbox and answers by replying to it (German) or with /answer
(English); the answer reaches the applicant through the outbox. The round trip is
timed and printed (run with -s); nothing asserts on time."""

from __future__ import annotations

import time

ADA, ANNA, JOHN = 100, 200, 300


def _admin(bot) -> None:
    bot.service.router.services.faq.matcher.match("Wann ist Bewerbungsschluss?")  # warm
    info = bot.people.invite("admin", "Ada Admin")
    bot.people.redeem(info.code, "telegram", str(ADA), str(ADA))


def _forward(api, user: int, question: str, button: str, lang: str):
    api.user_says(user, question, lang=lang)
    refusal = api.wait_for_sent(
        lambda s: s.chat_id == user and any(label == button for label, _ in s.buttons)
    )
    data = next(d for label, d in refusal.buttons if label == button)
    api.user_presses(user, data, message_id=refusal.message_id, lang=lang)
    return refusal


def test_round_trip_in_german_by_replying_to_the_forwarded_question(bot, api):
    _admin(bot)
    started = time.perf_counter()  # the baseline: one question answered by the bot
    api.user_says(ANNA, "Bis wann kann man sich bewerben?")
    api.wait_for_text(ANNA, "3. Mai 2023")
    print(
        f"\none FAQ answer in Telegram (baseline): {(time.perf_counter() - started) * 1000:.0f} ms"
    )
    started = time.perf_counter()
    refusal = _forward(api, ANNA, "Gibt es Parkplätze am Kick-off-Ort für Fahrräder?",
                       "Frage ans Team weiterleiten", "de")  # fmt: skip
    assert "nur den Text Ihrer Frage" in refusal.text
    api.wait_for_text(ANNA, "Ihre Frage ist als Nr. 1 beim Team")
    bot.tick()  # the outbox sends the question to the team
    copy = api.wait_for_text(ADA, "❓ Frage #1")
    assert "Fahrräder" in copy.text and "/antwort 1" in copy.text
    api.user_says(
        ADA, "Ja, direkt am Eingang.\nBitte Schloss mitbringen.", reply_to=copy.message_id
    )
    api.wait_for_text(ADA, "Ihre Antwort auf Frage #1 ist unterwegs")
    bot.tick()  # the outbox sends the answer to the applicant
    answer = api.wait_for_text(ANNA, "Antwort vom Team")
    took = time.perf_counter() - started
    print(f"\nround trip in Telegram (de, reply): {took * 1000:.0f} ms")
    assert "Ja, direkt am Eingang.\nBitte Schloss mitbringen." in answer.text
    api.user_says(ADA, "/antwort 1 Noch eine Antwort")
    api.wait_for_text(ADA, "schon beantwortet")


def test_round_trip_in_english_with_the_answer_command(bot, api):
    _admin(bot)
    started = time.perf_counter()
    _forward(api, JOHN, "Can we bring a dog to the kick-off?", "Ask the team", "en")
    api.wait_for_text(JOHN, "Your question is with the Lokalprojekte team as no. 1")
    bot.tick()
    api.wait_for_text(ADA, "❓ Frage #1")  # Ada reads German; the question stays as asked
    api.user_says(ADA, "/answer 1 Yes, dogs on a lead are welcome.")
    api.wait_for_text(ADA, "on its way")  # an English command and text: answered in English
    bot.tick()
    answer = api.wait_for_text(JOHN, "answer to your question")
    took = time.perf_counter() - started
    print(f"\nround trip in Telegram (en, /answer): {took * 1000:.0f} ms")
    assert "dog to the kick-off" in answer.text
    assert answer.text.endswith("Yes, dogs on a lead are welcome.")


def test_a_non_admin_cannot_answer_and_a_reply_to_anything_else_is_a_question(bot, api):
    _admin(bot)
    _forward(api, ANNA, "Gibt es Parkplätze am Kick-off-Ort für Fahrräder?",
             "Frage ans Team weiterleiten", "de")  # fmt: skip
    api.wait_for_text(ANNA, "Nr. 1")
    api.user_says(ANNA, "/antwort 1 Ich antworte mir selbst")
    api.wait_for_text(ANNA, "ist nur für Admin")
    bot.tick()
    assert not [s for s in api.sent_to(ANNA) if "Antwort vom Team" in s.text]
