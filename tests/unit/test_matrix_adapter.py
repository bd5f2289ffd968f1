"""The Matrix adapter without a homeserver: nio's key query race (the flaky
tests/e2e/matrix/test_erasure.py), replies that cannot be sent going to the outbox,
and the concurrency slot held only for the router's work, not for the homeserver.

The key query race, step by step: nio's `sync_forever` checks `should_query_keys`
and starts `keys_query()` as a task (async_client.py, "if self.should_query_keys:
tasks.append(asyncio.ensure_future(self.keys_query()))"). That task runs a step
later; when in that step another key query's answer (the adapter's before it
encrypts a reply) has emptied the users to query, nio's `keys_query` raises
`LocalProtocolError("No key query required.")` inside `sync_forever`, whose loop
ends: the bot hears nothing more from Matrix."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from nio import AsyncClient, AsyncClientConfig, KeysQueryResponse, LocalProtocolError

from bot.adapters.matrix import KeysOnceClient, MatrixAdapter
from bot.messages import Address, Button, Inbound, Outbound
from tests.slow_router import WAIT, SlowRouter

EVE = "@eve:imbot.test"


class Homeserver:
    """Answers key queries when the test says so, and counts them."""

    def __init__(self, client: AsyncClient) -> None:
        self.client, self.answer, self.asked = client, asyncio.Event(), []

    async def send(self, response_class, method, path, data=None, *args, **kwargs):
        assert response_class is KeysQueryResponse, response_class
        users = list(json.loads(data)["device_keys"])
        self.asked.append(users)
        await self.answer.wait()
        resp = KeysQueryResponse({user: {} for user in users}, {})
        await self.client.receive_response(resp)  # as nio's _send: the users are known now
        return resp


def _client(cls, tmp_path) -> tuple[AsyncClient, Homeserver]:
    config = AsyncClientConfig(encryption_enabled=True, store_sync_tokens=False)
    client = cls("http://127.0.0.1:9", "@bot:imbot.test", store_path=str(tmp_path), config=config)
    client.restore_login("@bot:imbot.test", "BOTDEVICE", "token")  # loads the crypto store
    server = Homeserver(client)
    client._send = server.send
    client.olm.users_for_key_query.add(EVE)  # Eve's devices changed: to be asked
    return client, server


async def _race(client: AsyncClient, server: Homeserver):
    """A reply's key query in flight; its answer comes just as sync_forever starts its own."""
    reply = asyncio.ensure_future(client.keys_query())
    await asyncio.sleep(0)
    assert server.asked == [[EVE]] and client.should_query_keys  # asked, not yet answered
    server.answer.set()  # the answer is read in the next step ...
    assert client.should_query_keys  # ... so sync_forever still sees Eve to be asked
    syncing = asyncio.ensure_future(client.keys_query())  # and starts a task, as nio does
    await reply
    assert not client.should_query_keys  # the reply's answer came first
    return await syncing


@pytest.mark.parametrize("cls", [AsyncClient, KeysOnceClient])
def test_a_key_query_started_by_the_sync_loop_after_another_answered(cls, tmp_path):
    async def main():
        client, server = _client(cls, tmp_path)
        try:
            if cls is AsyncClient:  # nio's own client: the sync loop would end here
                # (should a nio update stop raising, this fails: KeysOnceClient may go then)
                with pytest.raises(LocalProtocolError, match="No key query required"):
                    await _race(client, server)
            else:
                assert isinstance(await _race(client, server), KeysQueryResponse)
            assert server.asked == [[EVE]]  # nobody was asked twice
        finally:
            await client.close()

    asyncio.run(main())


def test_concurrent_key_queries_ask_once_and_each_waits_for_the_answer(tmp_path):
    async def main():
        client, server = _client(KeysOnceClient, tmp_path)
        try:
            queries = [asyncio.ensure_future(client.keys_query()) for _ in range(3)]
            for _ in range(5):
                await asyncio.sleep(0)
            assert server.asked == [[EVE]] and not any(q.done() for q in queries)
            server.answer.set()
            answers = await asyncio.gather(*queries)
            assert all(isinstance(a, KeysQueryResponse) for a in answers)
            assert server.asked == [[EVE]] and not client.should_query_keys
        finally:
            await client.close()

    asyncio.run(main())


# -- the adapter with a stand-in for nio's client -------------------------------------


class Sent:
    event_id = "$e"


class Client:
    """nio's AsyncClient as far as sending is concerned; rooms in `slow` wait for `homeserver`."""

    def __init__(self, slow=(), fail=()) -> None:
        self.rooms: dict = {}
        self.homeserver = asyncio.Event()
        self.slow, self.fail = set(slow), set(fail)
        self.sent: list[tuple[str, str]] = []
        self.should_query_keys = False

    async def room_send(self, room_id, message_type, content, **kwargs):
        if content["body"] in self.fail:
            raise OSError("connection reset")
        if room_id in self.slow:
            await self.homeserver.wait()
        self.sent.append((room_id, content["body"]))
        return Sent()


def _adapter(handle, notify=lambda replies: None, concurrency=8, **client) -> MatrixAdapter:
    adapter = MatrixAdapter(
        handle,
        notify,
        homeserver="http://127.0.0.1:9",
        user_id="@bot:imbot.test",
        store_dir=Path("/nonexistent"),
        concurrency=concurrency,
    )
    adapter.client = Client(**client)
    return adapter


def test_a_reply_that_cannot_be_sent_goes_to_the_outbox_with_the_ones_after_it():
    queued: list[Outbound] = []

    def handle(inbound):
        return [Outbound("eins"), Outbound("zwei"), Outbound("drei")]

    async def main():
        adapter = _adapter(handle, queued.extend, fail={"zwei"})
        await adapter._answer(Inbound("matrix", "@eve:x", "!room", text="hallo"), "!room")
        return adapter.client.sent

    sent = asyncio.run(main())
    assert sent == [("!room", "eins")]
    assert [(r.text, r.to) for r in queued] == [
        ("zwei", Address("matrix", "!room")),
        ("drei", Address("matrix", "!room")),
    ]


def test_a_rooms_next_replies_queue_behind_what_the_outbox_owes_it():
    """After a failed reply the room's next replies ask the outbox (the database)
    first: while it owes the room messages they queue behind them, then they are
    sent directly again. On main they overtook the queued ones. The first reply to
    each room asks too (the outbox may owe it messages from before a restart)."""
    owed: dict[str, bool] = {}
    asked: list[tuple[list[str], bool]] = []

    def behind(replies, only_if_owed):
        asked.append(([r.text for r in replies], only_if_owed))
        room = replies[0].to.chat_id
        if not only_if_owed:
            owed[room] = True  # queued: the outbox owes the room these now
        return owed.get(room, False)

    def handle(inbound):
        return [Outbound(f"re {inbound.text}")]

    async def main():
        adapter = MatrixAdapter(
            handle, lambda r: None, behind=behind, homeserver="http://127.0.0.1:9",
            user_id="@bot:imbot.test", store_dir=Path("/nonexistent"),
        )  # fmt: skip
        adapter.client = Client(fail={"re eins"})
        for text in ("eins", "zwei"):
            await adapter._answer(Inbound("matrix", "@eve:x", "!room", text=text), "!room")
        owed["!room"] = False  # the outbox has sent them
        await adapter._answer(Inbound("matrix", "@eve:x", "!room", text="drei"), "!room")
        await adapter._answer(Inbound("matrix", "@eve:x", "!other", text="vier"), "!other")
        return adapter.client.sent

    sent = asyncio.run(main())
    assert asked == [
        (["re eins"], True),  # the first reply after the start: nothing owed
        (["re eins"], False),  # its send failed: queued
        (["re zwei"], True),  # behind it
        (["re drei"], True),  # the outbox has sent them: directly again
        (["re vier"], True),  # another room's first reply
    ]
    assert sent == [("!room", "re drei"), ("!other", "re vier")]


def test_a_slow_room_holds_no_slot_while_its_reply_is_on_the_way():
    """Room 1's homeserver is slow (a big encrypted room); the router is slow for rooms
    2-4. With 2 slots two of them are routed while room 1's reply is still on its way
    (on main room 1 held a slot: only one got in), and room 1's next message waits for
    its first reply."""
    router = SlowRouter()

    async def main():
        adapter = _adapter(router, concurrency=2, slow={"!1"})
        says = [("!1", "hi"), ("!1", "again"), ("!2", "slow"), ("!3", "slow"), ("!4", "slow")]
        tasks = []
        for room, text in says:  # as _in_turn starts them, one task per message
            adapter._in_turn(
                room, adapter._answer(Inbound("matrix", "@p:x", room, text=text), room)
            )
            [task] = adapter._tasks - set(tasks)
            tasks.append(task)
        for _ in range(2):  # room 1's reply waits for the homeserver and holds no slot
            assert await asyncio.to_thread(router.entered.acquire, True, WAIT)
        assert adapter.client.sent == [] and "!1:again" not in router.routed  # room 1 in order
        router.database.set()
        await asyncio.wait_for(asyncio.gather(*tasks[2:]), WAIT)
        assert sorted(adapter.client.sent) == [
            ("!2", "re slow"),
            ("!3", "re slow"),
            ("!4", "re slow"),
        ]
        assert "!1:again" not in router.routed  # while its first reply is on the way
        adapter.client.homeserver.set()
        await asyncio.wait_for(asyncio.gather(*tasks), WAIT)
        return adapter

    adapter = asyncio.run(main())
    assert router.most == 2  # the three slow ones never all at once
    assert [text for room, text in adapter.client.sent if room == "!1"] == ["re hi", "re again"]


def test_the_sync_loop_starts_again_after_an_error(caplog):
    """Whatever nio raises in its sync loop, the bot keeps hearing Matrix."""

    class Syncing:
        def __init__(self) -> None:
            self.calls = 0

        async def sync_forever(self, **kwargs):
            self.calls += 1
            if self.calls < 3:
                raise LocalProtocolError("No key query required.")

    async def main():
        adapter = _adapter(lambda inbound: [])
        adapter.restart_pause = 0
        adapter.client = Syncing()
        await asyncio.wait_for(adapter.listen(), WAIT)  # returns once sync_forever does
        return adapter

    adapter = asyncio.run(main())
    assert adapter.client.calls == 3 and adapter.ready.is_set()
    assert caplog.text.count("the Matrix sync loop failed") == 2


# -- a message in parts: the text, then its calendar file ------------------------------


class FilesClient(Client):
    """Uploads files too; the first `fail_uploads` uploads fail (the connection drops)."""

    def __init__(self, fail_uploads: int = 0) -> None:
        super().__init__()
        self.fail_uploads = fail_uploads

    async def upload(self, data_provider, content_type, filename, filesize, encrypt):
        if self.fail_uploads:
            self.fail_uploads -= 1
            raise OSError("connection reset")
        from nio import UploadResponse

        return UploadResponse(f"mxc://imbot.test/{filename}"), None


ICS = ("termin.ics", "text/calendar", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")


def test_an_outbox_message_whose_file_fails_is_retried_without_its_text():
    """The reminder's text went out, its calendar file did not: the error tells the
    dispatcher one part was delivered, and the retry (`parts_sent=1`) sends only the
    file. On main the retry sent the text again."""
    from jobs.dispatch import Delivery, TransientError

    async def main():
        adapter = _adapter(lambda inbound: [])
        adapter.client = FilesClient(fail_uploads=1)
        adapter._loop = asyncio.get_running_loop()
        adapter.ready.set()
        delivery = Delivery("k", "matrix", "!room", "Erinnerung: Jour Fixe", file=ICS)
        with pytest.raises(TransientError) as failed:
            await asyncio.to_thread(adapter.send, delivery)
        assert failed.value.parts_sent == 1
        retry = Delivery("k", "matrix", "!room", "Erinnerung: Jour Fixe", file=ICS, parts_sent=1)
        await asyncio.to_thread(adapter.send, retry)
        return adapter.client.sent

    assert asyncio.run(main()) == [("!room", "Erinnerung: Jour Fixe"), ("!room", "termin.ics")]


def test_a_reply_whose_file_fails_queues_only_the_file():
    """A direct reply with a calendar file: the text is sent, the file that failed goes
    to the outbox alone (on main the whole reply, the text twice)."""
    from bot.messages import Attachment

    queued: list[Outbound] = []

    def handle(inbound):
        return [Outbound("Gebucht.", files=(Attachment(*ICS),)), Outbound("Noch etwas?")]

    async def main():
        adapter = _adapter(handle, queued.extend)
        adapter.client = FilesClient(fail_uploads=1)
        await adapter._answer(Inbound("matrix", "@eve:x", "!room", text="ja"), "!room")
        return adapter.client.sent

    assert asyncio.run(main()) == [("!room", "Gebucht.")]
    assert [(r.text, [f.filename for f in r.files]) for r in queued] == [
        ("", ["termin.ics"]),
        ("Noch etwas?", []),
    ]


# -- the welcome after an invite: in the first message's language ----------------------


def _event(body: str, sender: str = EVE):
    from types import SimpleNamespace

    return SimpleNamespace(body=body, sender=sender, source={"content": {}})


def _welcomed(*bodies: str, greet_first: bool = False):
    """A room joined on an invite; `bodies` are its first messages. Returns what the
    router was asked (text, language hint) and what the room got."""
    from nio import MatrixRoom

    asked: list[tuple[str, str | None]] = []

    def handle(inbound):
        asked.append((inbound.text, inbound.lang_hint))
        return [Outbound(f"re {inbound.text}")]

    def lang_of(text):  # the router's language_of, as far as these lines go
        return {"hello, when is the deadline?": "en", "/help": "en"}.get(text)

    async def main():
        adapter = _adapter(handle)
        adapter._lang_of = lang_of
        room = MatrixRoom("!room", "@bot:imbot.test")
        adapter.client.rooms["!room"] = room
        adapter._held.add("!room")
        if greet_first:
            await adapter._invited("!room")
        for body in bodies:
            await adapter._text(room, _event(body))
        await adapter._invited("!room")  # a greeting that comes late says nothing
        return adapter.client.sent

    sent = asyncio.run(main())
    return asked, [body for _, body in sent]


def test_the_welcome_after_an_invite_comes_in_the_first_messages_language():
    asked, sent = _welcomed("hello, when is the deadline?", "and who can apply?")
    assert asked == [
        ("/start", "en"),  # on main: /start at the invite, without a hint: German
        ("hello, when is the deadline?", None),
        ("and who can apply?", None),  # welcomed once
    ]
    assert sent == ["re /start", "re hello, when is the deadline?", "re and who can apply?"]


def test_an_unclear_first_message_is_welcomed_in_german():
    asked, _ = _welcomed("hi")
    assert asked == [("/start", None), ("hi", None)]


def test_a_first_command_is_answered_by_the_welcome_or_is_the_welcome():
    assert _welcomed("/help")[0] == [("/start", "en")]  # the welcome shows what it can do
    assert _welcomed("!start")[0] == [("/start", None)]  # not twice
    assert _welcomed("!start ABC123")[0] == [("!start ABC123", None)]  # an invitation


def test_the_greeting_at_the_invite_is_in_both_languages():
    _, sent = _welcomed("hi", greet_first=True)
    greeting = sent[0]
    assert "Hallo! Ich bin der Bot" in greeting and "Hello! I am the bot" in greeting
    assert sent[1:] == ["re /start", "re hi"]


# -- a 👍 on a message: a "ja" to it ------------------------------------------------------


class NumberedClient(Client):
    """Each message sent gets its own event id ($1, $2, …)."""

    async def room_send(self, room_id, message_type, content, **kwargs):
        await super().room_send(room_id, message_type, content, **kwargs)
        from types import SimpleNamespace

        return SimpleNamespace(event_id=f"${len(self.sent)}")


GUESS = "Meinen Sie „Fristen“?\n\nSonst: Soll ich Ihre Frage an das Team weiterleiten?"


def _thumbs_up(*replies: Outbound, on: int):
    """The bot sends `replies` (one per message of the person); a 👍 on the `on`-th.
    Returns what the router was asked after the 👍 and what the room got after it."""
    from types import SimpleNamespace

    from nio import MatrixRoom

    asked: list[Inbound] = []
    queue = list(replies)

    def handle(inbound):
        asked.append(inbound)
        return [queue.pop(0)] if queue else [Outbound("ok")]

    async def main():
        adapter = _adapter(handle)
        adapter.client = NumberedClient()
        room = MatrixRoom("!room", "@bot:imbot.test")
        adapter.client.rooms["!room"] = room
        for i in range(len(replies)):
            await adapter._text(room, _event(f"frage {i}"))
        before = len(adapter.client.sent)
        reaction = SimpleNamespace(sender=EVE, key="👍", reacts_to=f"${on}")
        await adapter._reaction(room, reaction)
        return asked[len(replies) :], [body for _, body in adapter.client.sent[before:]]

    return asyncio.run(main())


def test_a_thumbs_up_on_a_guess_with_the_team_offer_is_asked_which_not_the_guess():
    both = (Button("Fristen", "faq:de:deadline", True), Button("Ans Team", "team:ask:x", True))
    asked, sent = _thumbs_up(Outbound(GUESS, both), on=1)
    # the router reads it as a typed "ja" (and asks which, in the message's words)
    assert [(a.text, a.data) for a in asked] == [("👍", None)]


def test_a_thumbs_up_on_an_older_two_way_question_shows_it_again_asking_which():
    both = (Button("Fristen", "faq:de:deadline", True), Button("Ans Team", "team:ask:x", True))
    asked, sent = _thumbs_up(Outbound(GUESS, both), Outbound("Gern."), on=1)
    assert asked == []  # nothing taken
    assert len(sent) == 1 and "Fristen" in sent[0] and "Ans Team" in sent[0], sent


def test_a_thumbs_up_presses_the_one_choice_that_confirms():
    one = (Button("Fristen", "faq:de:deadline"), Button("Ans Team", "team:ask:x", True))
    asked, _ = _thumbs_up(Outbound("Meinten Sie …? Soll ich weiterleiten?", one), on=1)
    assert [(a.text, a.data) for a in asked] == [("", "team:ask:x")]
