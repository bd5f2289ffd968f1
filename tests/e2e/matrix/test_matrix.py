"""End to end through a real Synapse: invites, FAQ, Jour Fixe with a 👍, reminders,
encrypted DMs, and a restart that neither loses nor repeats a message."""

import asyncio
from datetime import UTC, datetime, time

from bot.booking.timeparse import Window
from bot.timeline import Timeline
from tests.e2e.matrix.conftest import PASSWORD
from tests.unit.test_editions import EDITION


def run(coro):
    return asyncio.run(coro)


def test_invite_join_greet_and_answer(bot, human):
    anna = human("anna")

    async def scenario():
        await anna.login()
        room = await anna.open_dm(bot.user_id)
        await anna.wait_for("Hallo! Ich bin der Bot", room)
        await anna.say(room, "Bis wann kann man sich bewerben?")
        _, body = await anna.wait_for("Quelle: Ausschreibung", room)
        assert "3. Mai 2023" in body  # the greeting's "no call open" mentions it too
        await anna.say(room, "!hilfe")
        await anna.wait_for("Das kann ich", room)
        await anna.say(room, "Welche Partei regiert in Torgau?")
        _, miss = await anna.wait_for("keine sichere Antwort", room)
        assert "1. " in miss and "(Antworten Sie mit der Nummer)" in miss
        before = len(anna.received)
        await anna.say(room, "1")
        await anna.wait_for("Quelle: Ausschreibung", room, after=before)
        await anna.close()

    run(scenario())


def test_an_english_speaker_is_welcomed_in_english_after_the_invite(bot, human):
    """Matrix tells nothing of the inviter's language: the bot greets in both languages
    at the invite, and the welcome follows the first message, in its language (on main:
    the whole welcome in German at the invite)."""
    tom = human("tom")

    async def scenario():
        await tom.login()
        room = await tom.open_dm(bot.user_id)
        _, greeting = await tom.wait_for("Write me your question", room)
        assert "Hallo!" in greeting  # both languages, short
        await tom.say(room, "hello, when is the application deadline?")
        await tom.wait_for("Hello! I am the bot of the program", room)
        _, answer = await tom.wait_for("Source:", room)
        assert "May 2023" in answer
        assert tom.count("Ich bin der Bot der „Integrationsmacher:innen – ") == 0  # no German
        await tom.close()

    run(scenario())


def test_invite_code_redeemed_with_bang_start(bot, human):
    code = bot.people.invite("buddy", "Bernd Buddy").code
    bernd = human("bernd")

    async def scenario():
        await bernd.login()
        room = await bernd.open_dm(bot.user_id)
        await bernd.say(room, f"!start {code}")
        await bernd.wait_for("Willkommen, Bernd Buddy! Sie sind jetzt als Buddy angemeldet", room)
        await bernd.close()

    run(scenario())
    assert bot.people.whois("matrix", bernd.user_id).name == "Bernd Buddy"


def test_jour_fixe_requested_and_confirmed_with_a_thumbs_up(bot, human):
    erika, bernd = human("erika"), human("bernd")

    async def scenario():
        rooms = {}
        for person, role, name in ((erika, "expert", "Erika"), (bernd, "buddy", "Bernd")):
            await person.login()
            rooms[name] = await person.open_dm(bot.user_id)
            await person.say(rooms[name], f"!start {bot.people.invite(role, name).code}")
            await person.wait_for(f"Willkommen, {name}", rooms[name])
        bot.people.pair("Erika", "Bernd")
        bot.booking.set_windows(bot.people.whois("matrix", bernd.user_id).person_id,
                                [Window(time(10), time(12), weekday=1)])  # fmt: skip
        await erika.say(rooms["Erika"], "!jourfixe")
        await erika.wait_for("1. Di 03.03. 10:00", rooms["Erika"])
        await erika.say(rooms["Erika"], "1")
        await erika.wait_for("einmalig oder regelmäßig", rooms["Erika"])
        await erika.say(rooms["Erika"], "1")
        await erika.wait_for("Anfrage an Bernd geschickt", rooms["Erika"])
        await asyncio.to_thread(bot.tick)  # the request goes through the outbox
        request_id, _ = await bernd.wait_for(
            "Erika möchte einen Jour Fixe mit Ihnen", rooms["Bernd"]
        )
        await bernd.react(rooms["Bernd"], request_id)
        await bernd.wait_for("Jour Fixe bestätigt: Di 03.03. 10:00 mit Erika", rooms["Bernd"])
        await bernd.until(lambda: bernd.files, "the calendar file")
        assert bernd.files[0]["msgtype"] == "m.file" and bernd.files[0]["body"].endswith(".ics")
        await asyncio.to_thread(bot.tick)
        await erika.wait_for("Jour Fixe bestätigt: Di 03.03. 10:00 mit Bernd", rooms["Erika"])
        for person in (erika, bernd):
            await person.close()

    run(scenario())


def test_a_reminder_is_delivered_by_the_outbox(bot, human, clock):
    Timeline(bot.service.sessions, clock).load(EDITION)
    anna = human("anna")

    async def scenario():
        await anna.login()
        room = await anna.open_dm(bot.user_id)
        await anna.say(room, "!erinnerungen")
        await anna.wait_for("Erinnerungen zu „Test edition“ (3)", room)
        clock.now = datetime(2026, 3, 24, 8, 0, tzinfo=UTC)
        stats = await asyncio.to_thread(bot.tick)
        assert stats.sent == 1
        await anna.wait_for("⏰ Erinnerung: Bewerbungsschluss – in 7 Tagen", room)
        assert (await asyncio.to_thread(bot.tick)).sent == 0
        await anna.close()

    run(scenario())


def test_a_room_the_bot_is_not_in_fails_alone_and_finally(bot, human, clock):
    """nio raises LocalProtocolError for a room the bot is not in (an exception type the
    adapter does not map): that row fails after its tries, the ten others arrive once."""
    from datetime import timedelta

    from sqlalchemy import select

    from storage import outbox
    from storage.models import OutboxRow

    anna = human("anna")

    async def scenario():
        await anna.login()
        room = await anna.open_dm(bot.user_id)
        await anna.wait_for("Hallo! Ich bin der Bot", room)  # the bot knows the room now
        drafts = [
            outbox.Draft("notice", f"t:{i}", "matrix", room, f"Nachricht {i}", clock())
            for i in range(10)
        ]
        drafts.insert(
            5, outbox.Draft("notice", "t:gone", "matrix", "!gone:imbot.test", "x", clock())
        )
        with bot.service.sessions() as s:
            outbox.enqueue(s, drafts, clock())
            s.commit()
        first = await asyncio.to_thread(bot.tick)
        assert (first.sent, first.retried) == (10, 1)
        for _ in range(8):
            clock.now += timedelta(hours=1)
            await asyncio.to_thread(bot.tick)
        for i in range(10):
            await anna.wait_for(f"Nachricht {i}", room)
        assert len([b for _, _, b in anna.received if b.startswith("Nachricht")]) == 10
        with bot.service.sessions() as s:
            bad = s.scalars(select(OutboxRow).where(OutboxRow.dedupe_key == "t:gone")).one()
        assert (bad.state, bad.attempts) == ("failed", 6)
        assert bad.last_error == "unexpected LocalProtocolError"
        await anna.close()

    run(scenario())


def test_an_outbox_message_tried_again_after_the_homeserver_took_it_arrives_once(bot, human):
    """A retry of an outbox message whose answer was lost (a timeout after Synapse took
    it) is the same Matrix transaction: Synapse answers with the event it has and sends
    nothing twice. Shown by sending the same row twice (on main: it arrived twice)."""
    from jobs.dispatch import Delivery

    anna = human("anna")

    async def scenario():
        await anna.login()
        room = await anna.open_dm(bot.user_id)
        await anna.wait_for("Hallo!", room)  # the bot knows the room now
        reminder = Delivery("meeting:7:24h", "matrix", room, "Erinnerung: Jour Fixe morgen")
        for _ in range(2):
            await asyncio.to_thread(bot.service.matrix.send, reminder)
        await asyncio.to_thread(
            bot.service.matrix.send, Delivery("notice:8", "matrix", room, "Danach")
        )
        await anna.wait_for("Danach", room)
        assert anna.count("Erinnerung: Jour Fixe morgen") == 1
        await anna.close()

    run(scenario())


def test_the_faq_round_trip_in_an_encrypted_dm(bot_process, human):
    eve = human("eve", encrypted=True)

    async def scenario():
        await eve.login()
        room = await eve.open_dm(bot_process.user_id, encrypted=True)
        assert eve.client.rooms[room].encrypted
        await eve.wait_for("Hallo! Ich bin der Bot", room)  # the bot's greeting, decrypted
        await eve.say(room, "Wer kann sich bewerben?")
        await eve.wait_for("Städte, Kommunen und Behörden", room)
        await eve.close()

    run(scenario())
    assert bot_process.stop() == 0, bot_process.output


def test_a_restarted_bot_answers_the_next_message_once_and_no_old_one_twice(bot, human):
    anna = human("anna")
    credentials = bot.data_dir / "matrix" / "credentials.json"

    async def scenario():
        await anna.login()
        room = await anna.open_dm(bot.user_id)
        await anna.say(room, "Wann ist der Kick-off?")
        await anna.wait_for("Kick-off-Event", room)
        device = credentials.read_text()
        await asyncio.to_thread(bot.stop)
        await anna.say(room, "Wie lange dauert das Programm?")  # while the bot is down
        await asyncio.to_thread(bot.start)
        assert credentials.read_text() == device  # the same device: no new login, keys kept
        await anna.wait_for("sechs Monate", room)
        await anna.say(room, "!kontakt")
        await anna.wait_for("Charlotte Bock", room)
        assert anna.count("Kick-off-Event") == 1 and anna.count("sechs Monate") == 1  # none twice
        await anna.close()

    run(scenario())


def test_imbot_run_matrix_as_a_user_starts_it(bot_process, human):
    anna = human("anna")

    async def scenario():
        await anna.login()
        room = await anna.open_dm(bot_process.user_id)
        await anna.wait_for("Hallo! Ich bin der Bot", room)
        await anna.say(room, "Wann ist Bewerbungsschluss?")
        await anna.wait_for("3. Mai 2023", room)
        await anna.close()

    run(scenario())
    assert bot_process.stop() == 0, bot_process.output
    output = bot_process.output
    assert (
        "Traceback" not in output and PASSWORD not in output and "Bewerbungsschluss" not in output
    )


def test_matrix_rate_limit_and_forbidden_map_to_outbox_policies():
    import pytest
    from nio import RoomSendError

    from bot.adapters.matrix import _raise_for
    from jobs import dispatch

    with pytest.raises(dispatch.RetryAfter) as exc:
        _raise_for(RoomSendError("Too Many Requests", "M_LIMIT_EXCEEDED", retry_after_ms=2500))
    assert exc.value.seconds == 2.5
    with pytest.raises(dispatch.Unreachable):
        _raise_for(RoomSendError("You are not in this room", "M_FORBIDDEN"))
    with pytest.raises(dispatch.TransientError):
        _raise_for(RoomSendError("oops", "M_UNKNOWN"))


def test_in_a_room_of_three_no_invite_is_redeemed_but_the_faq_answers(bot, human):
    anna, tom = human("anna"), human("tom")
    code = bot.people.invite("expert", "Anna Gruppe").code

    async def scenario():
        await anna.login()
        await tom.login()
        resp = await anna.client.room_create(invite=[bot.user_id, tom.user_id])
        room = resp.room_id
        await tom.client.join(room)
        await anna.until(
            lambda: room in anna.client.rooms and len(anna.client.rooms[room].users) == 3,
            "the bot and Tom join",
        )
        await anna.say(room, f"!start {code}")
        await anna.wait_for("nur im privaten Chat", room)
        assert bot.people.whois("matrix", anna.user_id) is None
        await anna.say(room, "Bis wann kann man sich bewerben?")
        await anna.wait_for("3. Mai 2023", room)
        for person in (anna, tom):
            await person.close()

    run(scenario())


def test_a_room_of_three_is_a_group_and_a_dm_is_private():
    from nio import MatrixRoom

    from bot.adapters.matrix import _is_direct

    room = MatrixRoom("!r:imbot.test", "@imbot:imbot.test")
    room.add_member("@imbot:imbot.test", "imbot", None)
    room.add_member("@anna:imbot.test", "Anna", None)
    assert _is_direct(room)
    room.add_member("@tom:imbot.test", "Tom", None)
    assert not _is_direct(room)


def test_messages_of_one_room_are_answered_in_order_while_rooms_run_at_once(bot, human):
    """Two people write bursts at the same time; each room's replies follow its messages."""
    anna, tom = human("anna"), human("tom")
    says = ["!sprache en", "!sprache de", "!sprache en", "!sprache de"]
    replies = ["I will answer in English now.", "Ich antworte jetzt auf Deutsch."] * 2

    async def scenario():
        rooms = {}
        for person in (anna, tom):
            await person.login()
            rooms[person] = await person.open_dm(bot.user_id)
            await person.wait_for("Hallo! Ich bin der Bot", rooms[person])
        for text in says:  # interleaved, without waiting for answers
            for person in (anna, tom):
                await person.say(rooms[person], text)
        for person in (anna, tom):
            await person.until(
                lambda p=person: sum(p.count(r) for r in set(replies)) >= 4, "4 replies"
            )
            got = [b for r, _, b in person.received if r == rooms[person] and b in replies]
            assert got == replies
            await person.close()

    run(scenario())
