"""The Telegram adapter's two bounds, through its own update processor: at most
`concurrency` router calls (threads with a database session) at once, while the
replies of other updates are sent without a slot; each chat still in order.

Telegram is slow for chat 1 (its send waits for `telegram`), the router is slow for
chats 2-4 (it waits for `database`): with 2 slots two of them are routed while
chat 1's reply is still on its way, and chat 1's next message waits for it."""

import asyncio

from telegram import Update

from bot.adapters.telegram import UPDATES_IN_FLIGHT, ChatOrderProcessor, TelegramAdapter
from tests.slow_router import WAIT, SlowRouter


def _update(update_id: int, chat: int, text: str) -> Update:
    return Update.de_json({"update_id": update_id, "message": {
        "message_id": update_id, "date": 1700000000, "text": text,
        "chat": {"id": chat, "type": "private"},
        "from": {"id": chat, "is_bot": False, "first_name": "U"}}}, None)  # fmt: skip


class Bot:
    id = 1

    def __init__(self):
        self.telegram = asyncio.Event()  # chat 1's sends wait for it
        self.sent: list[tuple[int, str]] = []

    async def send_message(self, chat_id, text, **kwargs):
        if chat_id == 1:
            await self.telegram.wait()
        self.sent.append((chat_id, text))


def test_router_calls_bounded_while_other_replies_are_sent():
    router = SlowRouter()

    async def main():
        adapter = TelegramAdapter(router, lambda replies: None, token="1:A", concurrency=2)
        processor = adapter.build().update_processor
        assert isinstance(processor, ChatOrderProcessor)
        assert processor.order.limit == UPDATES_IN_FLIGHT  # updates in flight, not slots
        bot = Bot()
        context = type("Context", (), {"bot": bot})()
        says = [(1, "hi"), (1, "again"), (2, "slow"), (3, "slow"), (4, "slow")]
        tasks = [
            asyncio.create_task(
                processor.process_update(
                    update := _update(i, chat, text), adapter._on_message(update, context)
                )
            )
            for i, (chat, text) in enumerate(says)
        ]
        # chat 1's reply waits for Telegram and holds no slot: two slow ones get in
        for _ in range(2):
            assert await asyncio.to_thread(router.entered.acquire, True, WAIT)
        assert bot.sent == [] and "1:again" not in router.routed  # chat 1 still in order
        router.database.set()
        await asyncio.wait_for(asyncio.gather(*tasks[2:]), WAIT)
        assert sorted(bot.sent) == [(2, "re slow"), (3, "re slow"), (4, "re slow")]
        assert "1:again" not in router.routed  # while its first reply is on the way
        bot.telegram.set()
        await asyncio.wait_for(asyncio.gather(*tasks), WAIT)
        return bot

    bot = asyncio.run(main())
    assert router.most == 2  # the three slow ones never all at once
    assert [text for chat, text in bot.sent if chat == 1] == ["re hi", "re again"]
