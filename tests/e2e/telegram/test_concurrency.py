"""Many Telegram users at once through unmodified python-telegram-bot: updates are
handled concurrently (up to 256 in flight; the configured bound applies to the router's
database work, tests/unit/test_telegram_slots.py), and every chat's replies come in the
order of its messages (language switches: each reply depends on the one before)."""

from bot.adapters.telegram import UPDATES_IN_FLIGHT, ChatOrderProcessor

USERS = 30
SAYS = ["/sprache en", "/sprache de", "/sprache en", "/sprache de"]
REPLIES = ["I will answer in English now.", "Ich antworte jetzt auf Deutsch."] * 2


def test_many_users_at_once_each_in_order(bot, api):
    processor = bot.service.application.update_processor
    assert isinstance(processor, ChatOrderProcessor) and processor.order.limit == UPDATES_IN_FLIGHT
    for text in SAYS:  # interleaved, as a burst: user 1, 2, ..., 30, then again
        for user in range(1000, 1000 + USERS):
            api.user_says(user, text)
    api.wait_until(lambda: len(api.sent) >= USERS * len(SAYS), timeout=60)
    for user in range(1000, 1000 + USERS):
        assert [s.text for s in api.sent_to(user)] == REPLIES, user
