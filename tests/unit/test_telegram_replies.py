"""The Telegram adapter's replies, Bot API call by call (a fake bot, no server): the
outbox gets exactly what was not sent (a long text's later parts, a file whose text
went out), and an outbox message goes out in its chat's turn, never between the
replies to one message."""

from __future__ import annotations

import asyncio

from telegram import Update

from bot.adapters.telegram import TelegramAdapter
from bot.messages import Address, Attachment, Button, Outbound
from jobs.dispatch import Delivery

ICS = Attachment("termin.ics", "text/calendar", b"BEGIN:VCALENDAR")


class Bot:
    """Sends instantly, except: the `fail`-th call raises; a call whose text is in
    `hold` waits for `go`."""

    id = 1

    def __init__(self, fail: int | None = None, hold: str | None = None) -> None:
        self.calls, self.sent, self.fail, self.hold = 0, [], fail, hold
        self.go = asyncio.Event()

    async def send_message(self, chat_id, text, parse_mode=None, reply_markup=None):
        await self._call(chat_id, text, reply_markup)

    async def send_document(self, chat_id, document):
        await self._call(chat_id, f"file {document.filename}", None)

    async def _call(self, chat_id, text, markup):
        self.calls += 1
        if self.calls == self.fail:
            raise OSError("Telegram is away")
        if text == self.hold:
            await self.go.wait()
        self.sent.append((chat_id, text, bool(markup)))


def _adapter(replies: list[Outbound], queued: list[Outbound]) -> TelegramAdapter:
    return TelegramAdapter(lambda inbound: replies, queued.extend, token="1:A")


def _update(chat: int, text: str) -> Update:
    return Update.de_json({"update_id": 1, "message": {
        "message_id": 1, "date": 1700000000, "text": text,
        "chat": {"id": chat, "type": "private"},
        "from": {"id": chat, "is_bot": False, "first_name": "U"}}}, None)  # fmt: skip


def _say(adapter: TelegramAdapter, bot: Bot, chat: int, text: str):
    context = type("Context", (), {"bot": bot})()
    return adapter._on_message(_update(chat, text), context)


def test_a_long_text_that_fails_halfway_queues_only_its_unsent_parts_and_what_follows():
    long = "Absatz <eins> & mehr.\n\n" * 300  # escaped: three parts below 4,000 characters
    ok = Button("OK", "ok")
    queued: list[Outbound] = []
    adapter = _adapter([Outbound(long, (ok,)), Outbound("danach")], queued)
    bot = Bot(fail=2)
    asyncio.run(_say(adapter, bot, 7, "hallo"))
    [(chat, first, _)] = bot.sent
    assert chat == 7 and first.count("&lt;eins&gt; &amp;") == first.count("Absatz")
    assert [r.to for r in queued] == [Address("telegram", "7")] * 3
    rest = [r.text for r in queued[:2]]  # unescaped: escaped once when the outbox sends
    assert "&amp;" not in "".join(rest) and "<eins> &" in rest[0]
    assert (first + "".join(rest)).count("Absatz") == 300  # every part once
    assert [r.buttons for r in queued] == [(), (ok,), ()]  # the buttons with the last part
    assert queued[2].text == "danach"


def test_a_calendar_file_that_fails_is_queued_without_the_text_sent_before_it():
    queued: list[Outbound] = []
    adapter = _adapter([Outbound("Ihr Termin", files=(ICS,))], queued)
    bot = Bot(fail=2)
    asyncio.run(_say(adapter, bot, 7, "ja"))
    assert bot.sent == [(7, "Ihr Termin", False)]
    [piece] = queued
    assert (piece.text, piece.files) == ("", (ICS,))

    async def outbox_sends_it():  # as the outbox's sender port does, from the row
        later = Bot()
        await adapter._send(later, 7, Outbound("", files=(ICS,)))
        return later.sent

    assert asyncio.run(outbox_sends_it()) == [(7, "file termin.ics", False)]  # no empty text


def test_an_outbox_message_goes_out_in_its_chats_turn():
    """Chat 7's two replies are on their way (the first waits for Telegram) when the
    outbox sends the chat a reminder: it comes after both (on main: before them)."""
    queued: list[Outbound] = []
    adapter = _adapter([Outbound("eins"), Outbound("zwei")], queued)
    processor = adapter.build().update_processor
    bot = Bot(hold="eins")

    async def main():
        adapter._loop, adapter._outbox_bot = asyncio.get_running_loop(), bot
        update = _update(7, "hallo")
        answering = asyncio.create_task(
            processor.process_update(update, _say(adapter, bot, 7, "hallo"))
        )
        while not bot.calls:  # the first reply is on its way
            await asyncio.sleep(0)
        reminder = Delivery("k", "telegram", "7", "Erinnerung")
        outbox = asyncio.ensure_future(asyncio.to_thread(adapter.send, reminder))
        for _ in range(1000):  # the outbox's send waits for the chat (or, on main, is sent)
            if bot.sent or processor.order._chats[7][1] == 2:
                break
            await asyncio.sleep(0.001)
        bot.go.set()
        await asyncio.wait_for(asyncio.gather(answering, outbox), 10)

    asyncio.run(main())
    assert [text for _, text, _ in bot.sent] == ["eins", "zwei", "Erinnerung"]
    assert queued == []


def test_the_first_reply_after_a_start_asks_what_the_outbox_still_owes_the_chat():
    """A restart forgets which chats a send failed to; the database still knows: the
    first reply to each chat asks it and queues behind what it owes, later ones (the
    chat owed nothing) go out directly."""
    owed = {"7"}  # rows for chat 7 from before the restart, still waiting in the outbox
    asked: list[tuple[str, bool]] = []
    queued: list[Outbound] = []

    def behind(replies: list[Outbound], only_if_owed: bool) -> bool:
        chat = replies[0].to.chat_id
        asked.append((chat, only_if_owed))
        if only_if_owed and chat not in owed:
            return False
        queued.extend(replies)
        return True

    adapter = TelegramAdapter(lambda inbound: [Outbound("Antwort")], queued.extend,
                              token="1:A", behind=behind)  # fmt: skip
    bot = Bot()
    asyncio.run(_say(adapter, bot, 7, "hallo"))
    assert bot.sent == [] and [r.to for r in queued] == [Address("telegram", "7")]
    asyncio.run(_say(adapter, bot, 8, "hallo"))
    asyncio.run(_say(adapter, bot, 8, "noch was"))
    assert [chat for chat, _, _ in bot.sent] == [8, 8]
    assert asked == [("7", True), ("8", True)]  # chat 8 asked once, then known clear
