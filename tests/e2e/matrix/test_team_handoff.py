"""Ask the team through a real Synapse: the applicant types "Frage ans Team
weiterleiten" under the refusal, the admin gets the question in her DM through the
outbox and answers by replying to it (Matrix m.relates_to / m.in_reply_to: without a
quote as Element sends it today, and with the quote older clients put in the body),
the answer reaches the applicant's DM through the outbox. German and English; the
round trip is timed and printed (run with -s), nothing asserts on time."""

import asyncio
import time

QUESTION = {
    "de": ("Gibt es Parkplätze am Kick-off-Ort für Fahrräder?", "Frage ans Team weiterleiten"),
    "en": ("Can we bring a dog to the kick-off?", "Ask the team"),
}


async def _reply(person, room: str, event_id: str, text: str, quoted: str = "") -> None:
    body = f"> <{quoted}>\n\n{text}" if quoted else text
    content = {"msgtype": "m.text", "body": body,
               "m.relates_to": {"m.in_reply_to": {"event_id": event_id}}}  # fmt: skip
    await person.client.room_send(room, "m.room.message", content, ignore_unverified_devices=True)


def test_round_trip_in_german_and_english_by_replying(bot, human):
    code = bot.people.invite("admin", "Ada Admin").code
    bot.service.router.services.faq.matcher.match("Wann ist Bewerbungsschluss?")  # warm
    ada, anna, john = human("ada"), human("anna"), human("john")
    took = {}

    async def scenario():
        await ada.login()
        ada_room = await ada.open_dm(bot.user_id)
        await ada.wait_for("Write me your question", ada_room)  # the greeting in both languages
        await ada.say(ada_room, f"!start {code}")
        await ada.wait_for("Willkommen, Ada Admin", ada_room)
        for n, (person, lang) in enumerate(((anna, "de"), (john, "en")), 1):
            question, button = QUESTION[lang]
            await person.login()
            room = await person.open_dm(bot.user_id)
            await person.wait_for("Write me your question", room)  # the greeting (de + en)
            started = time.perf_counter()
            await person.say(room, question)
            _, refusal = await person.wait_for(button, room)
            took[f"{lang}, baseline: the refusal alone"] = time.perf_counter() - started
            assert ("nur den Text" if lang == "de" else "only the text") in refusal
            await person.say(room, button)
            await person.wait_for(f"Nr. {n}" if lang == "de" else f"no. {n}", room)
            before = len(ada.received)
            await asyncio.to_thread(bot.tick)  # the outbox sends the question to the team
            event_id, copy = await ada.wait_for(f"❓ Frage #{n}", ada_room, after=before)
            assert question in copy and f"!antwort {n}" in copy
            answer = (
                "Ja, am Eingang.\nBitte Schloss mitbringen." if lang == "de" else "Yes, on a lead."
            )
            quoted = "" if lang == "de" else f"{bot.user_id}> {copy.splitlines()[0]}"
            await _reply(ada, ada_room, event_id, answer, quoted)
            await ada.wait_for(f"Ihre Antwort auf Frage #{n} ist unterwegs", ada_room)
            mine = len(person.received)
            await asyncio.to_thread(bot.tick)  # the outbox sends the answer
            heading = "Antwort vom Team" if lang == "de" else "team's answer"
            _, body = await person.wait_for(heading, room, after=mine)
            took[f"{lang}, round trip by reply"] = time.perf_counter() - started
            assert body.endswith(answer) and question in body
        await ada.say(ada_room, "!antwort 1 Noch einmal")
        await ada.wait_for("schon beantwortet", ada_room)
        for person in (ada, anna, john):
            await person.close()

    asyncio.run(scenario())
    for lang, seconds in took.items():
        print(f"\nMatrix ({lang}): {seconds * 1000:.0f} ms")
