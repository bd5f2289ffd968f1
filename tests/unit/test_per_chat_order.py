"""Concurrent handling with each chat in order: `PerChat` and the Telegram update
processor built on it. The first message of every chat is held back until all
others had their chance: without the per-chat order the later messages of a chat
would overtake it; without concurrency the other chats would wait for it."""

import asyncio

import pytest
from telegram import Update

from bot.adapters.common import PerChat
from bot.adapters.telegram import ChatOrderProcessor


class Work:
    def __init__(self):
        self.gate = asyncio.Event()  # holds back the first message of every chat
        self.running = self.most = 0
        self.done: list[tuple[int, int]] = []

    async def message(self, chat: int, n: int) -> None:
        self.running += 1
        self.most = max(self.most, self.running)
        if n == 0:
            await self.gate.wait()
        for _ in range(3):
            await asyncio.sleep(0)  # handlers await the database and the network
        self.running -= 1
        self.done.append((chat, n))


async def _settle() -> None:
    for _ in range(50):
        await asyncio.sleep(0)


def _in_chat_order(done, chats, per_chat):
    return all([n for c, n in done if c == chat] == list(range(per_chat)) for chat in range(chats))


@pytest.mark.parametrize(("chats", "limit"), [(10, 4), (3, 4)])
def test_each_chat_in_order_and_chats_at_the_same_time(chats, limit):
    async def main():
        work, order = Work(), PerChat(limit)
        tasks = [asyncio.create_task(order.run(chat, work.message(chat, n)))
                 for n in range(3) for chat in range(chats)]  # fmt: skip  # arrival: interleaved
        await _settle()
        # as many chats at once as the limit allows, each held at its first message;
        # a free slot does not go to a later message of a held chat
        assert work.done == [] and work.running == min(chats, limit)
        work.gate.set()
        await asyncio.gather(*tasks)
        return work, order

    work, order = asyncio.run(main())
    assert work.most == min(chats, limit)  # the limit is used and kept
    assert len(work.done) == 3 * chats and _in_chat_order(work.done, chats, 3)
    assert order.chats_waiting == 0  # no lock kept for quiet chats


def test_a_busy_chat_does_not_hold_the_slots_of_others():
    async def main():
        work, order = Work(), PerChat(limit=2)
        busy = [asyncio.create_task(order.run("busy", work.message("busy", n))) for n in range(20)]
        other = asyncio.create_task(order.run("other", work.message("other", 1)))
        await _settle()
        assert work.done == [("other", 1)]  # answered while the busy chat's first waits
        work.gate.set()
        await asyncio.gather(*busy, other)
        return work

    work = asyncio.run(main())
    assert [n for c, n in work.done if c == "busy"] == list(range(20))


def test_telegram_update_processor_keeps_each_chat_in_order():
    def update(update_id: int, chat: int) -> Update:
        return Update.de_json({"update_id": update_id, "message": {
            "message_id": update_id, "date": 1700000000, "text": "hallo",
            "chat": {"id": chat, "type": "private"},
            "from": {"id": chat, "is_bot": False, "first_name": "U"}}}, None)  # fmt: skip

    async def main():
        work, processor = Work(), ChatOrderProcessor(limit=3)
        assert processor.max_concurrent_updates > 1  # PTB starts a task per update
        arrivals = [(n, chat) for n in range(4) for chat in range(6)]
        tasks = [
            asyncio.create_task(
                processor.process_update(update(i, 100 + chat), work.message(chat, n))
            )
            for i, (n, chat) in enumerate(arrivals)
        ]
        await _settle()
        assert work.running == 3 and work.done == []
        work.gate.set()
        await asyncio.gather(*tasks)
        return work

    work = asyncio.run(main())
    assert work.most == 3 and _in_chat_order(work.done, 6, 4)


def test_a_limit_below_one_is_refused():
    with pytest.raises(ValueError, match="at least 1"):
        PerChat(0)
