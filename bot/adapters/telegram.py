"""Telegram adapter on python-telegram-bot 22: Telegram updates in, neutral replies out.

No business logic here: a message or a pressed button becomes an `Inbound` for the
router; the router's `Outbound` replies become sendMessage (HTML, escaped, split
below 4,096 characters), inline keyboards and sendDocument. Replies for other
chats (`to=`) go to `notify`, which puts them in the outbox.

The adapter is also the outbox's sender for the platform "telegram": `send` runs on
the application's event loop with a bot of its own (no rate limiter, so 429s reach
the dispatcher, which reschedules instead of sleeping) and maps Telegram errors to
the dispatcher's RetryAfter / Unreachable / TransientError / Rejected.

No reply is lost, doubled or overtaken: a direct reply that Telegram does not take
(a 5xx, a timeout, a network error, a 429 longer than `MAX_RETRY_WAIT`, a 403) goes
to the outbox from the Bot API call that failed on (a long text's parts already sent
are not sent again), with the replies after it (`behind`). While the outbox owes the
chat a message, the chat's next replies queue behind it. An outbox message is sent
in its chat's turn, never between the replies to one message.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging
from collections.abc import Callable
from datetime import timedelta
from functools import partial

from telegram import (
    Bot,
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    Update,
)
from telegram.constants import ChatType, ParseMode
from telegram.error import (
    BadRequest,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.ext import (
    AIORateLimiter,
    Application,
    BaseUpdateProcessor,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.adapters.common import Behind, Outboxed, Parts, PerChat, from_delivery
from bot.adapters.telegram_http import AiohttpRequest
from bot.messages import Button, Inbound, Outbound
from bot.texts import LANGS, t
from jobs import dispatch

__all__ = [
    "MAYBE_SENT",
    "ChatOrderProcessor",
    "TelegramAdapter",
    "WaitingRateLimiter",
    "maybe_sent",
    "split_text",
]

log = logging.getLogger(__name__)

MAX_TEXT = 4000  # below Telegram's 4,096, room for HTML entities
MAX_CALLBACK_BYTES = 64
# Updates worked on at once (each chat's in order). Most of an update's time is its 1-4
# Bot API calls, which need no slot of the configured concurrency (that bounds the
# router's database work): as many as the Bot API connection pool holds (256,
# `telegram_http`), so no send waits for a connection. Further updates wait in
# python-telegram-bot's queue as small tasks (1,000 users at once: 744 waiting).
UPDATES_IN_FLIGHT = 256
# A 429 on a direct reply is waited for up to this long (python-telegram-bot's rate
# limiter holds every send of the bot while it waits); a longer one goes to the outbox,
# which waits Telegram's time for that chat while the others are answered.
MAX_RETRY_WAIT = 5.0
# A timeout before the request reached Telegram (no free connection, no connection)
# sent nothing; after it (no answer in time) Telegram may have taken the message.
_NOT_SENT = ("PoolTimeout", "ConnectTimeout", "ConnectionTimeoutError")
MAYBE_SENT = "maybe delivered already (no answer in time)"


def maybe_sent(exc: TimedOut) -> bool:
    """Whether Telegram may have taken the request that timed out: not when waiting for
    a connection or connecting timed out (httpx's or aiohttp's error is its cause)."""
    cause = exc.__cause__
    return not (
        type(cause).__name__ in _NOT_SENT or "not* sent" in str(exc) or "not sent" in str(exc)
    )


def split_text(text: str, limit: int = MAX_TEXT) -> list[str]:
    """Split at paragraph or line ends, never inside an HTML entity, below `limit`."""
    chunks, rest = [], text
    while len(rest) > limit:
        cut = max(rest.rfind("\n\n", 0, limit), rest.rfind("\n", 0, limit))
        if cut <= 0:
            cut = rest.rfind(" ", 0, limit)
        if cut <= 0:
            cut = limit
            amp = rest.rfind("&", cut - 10, cut)
            if amp != -1 and ";" not in rest[amp:cut]:
                cut = amp
        chunks.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return [*chunks, rest] if rest else chunks or [""]


def _keyboard(buttons: tuple[Button, ...]) -> InlineKeyboardMarkup | None:
    rows = []
    for b in buttons:
        if len(b.data.encode()) > MAX_CALLBACK_BYTES:
            log.error("callback data over 64 bytes dropped: %r", b.data[:20])
            continue
        label = f"#{b.number} {b.label}" if b.number is not None else b.label
        rows.append([InlineKeyboardButton(label[:64], callback_data=b.data)])
    return InlineKeyboardMarkup(rows) if rows else None


def _seconds(exc: RetryAfter) -> float:
    seconds = exc.retry_after
    return seconds.total_seconds() if isinstance(seconds, timedelta) else float(seconds)


class _WaitTooLong(Exception):
    def __init__(self, error: RetryAfter) -> None:
        super().__init__(str(error))
        self.error = error


class WaitingRateLimiter(AIORateLimiter):
    """python-telegram-bot's rate limiter, which waits out a 429 of at most `max_wait`
    seconds (and tries again, `max_retries` times); a longer one is raised at once."""

    def __init__(self, *, max_wait: float = MAX_RETRY_WAIT, **kwargs) -> None:
        super().__init__(**kwargs)
        self._max_wait = max_wait

    async def process_request(self, callback, args, kwargs, endpoint, data, rate_limit_args):
        async def once(*a, **kw):
            try:
                return await callback(*a, **kw)
            except RetryAfter as exc:
                if _seconds(exc) > self._max_wait:
                    raise _WaitTooLong(exc) from exc
                raise

        try:
            return await super().process_request(
                once, args, kwargs, endpoint, data, rate_limit_args
            )
        except _WaitTooLong as exc:
            raise exc.error from None


def _pieces(reply: Outbound) -> list[Outbound]:
    """A reply as the Bot API calls that send it, each an `Outbound` of its own: the
    parts of its text (the buttons with the last), then one per file."""
    pieces = []
    if reply.text or not reply.files:
        chunks = split_text(html.escape(reply.text))
        for i, chunk in enumerate(chunks):
            buttons = reply.buttons if i == len(chunks) - 1 else ()
            pieces.append(Outbound(html.unescape(chunk), buttons, lang=reply.lang))
    pieces.extend(Outbound("", files=(f,), lang=reply.lang) for f in reply.files)
    return pieces


def _chat_key(chat_id: int | str) -> int | str:
    """A chat id as python-telegram-bot's updates carry it (an int)."""
    try:
        return int(chat_id)
    except ValueError:
        return chat_id


class ChatOrderProcessor(BaseUpdateProcessor):
    """python-telegram-bot's update processor: updates of different chats at the same
    time (at most `limit` at once), each chat's updates in the order they came.
    PTB's own bound only limits how many updates may wait (it takes its slot before
    the chat's turn), so it is set high and `PerChat` does the real limiting."""

    def __init__(self, limit: int, waiting: int = 10_000) -> None:
        super().__init__(max(waiting, limit, 2))  # > 1: PTB starts a task per update
        self.order = PerChat(limit)

    async def do_process_update(self, update: object, coroutine) -> None:
        chat = update.effective_chat if isinstance(update, Update) else None
        await self.order.run(chat.id if chat else None, coroutine)

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass


class TelegramAdapter:
    platform = "telegram"
    rate_per_second = 30  # Telegram: about 30 messages per second overall ...
    per_chat_seconds = 1.0  # ... and one per second per chat

    def __init__(
        self,
        handle: Callable[[Inbound], list[Outbound]],
        notify: Callable[[list[Outbound]], None],
        *,
        behind: Behind | None = None,
        token: str,
        base_url: str | None = None,
        menu: Callable[[str], list[tuple[str, str]]] | None = None,
        concurrency: int = 8,
        max_rate: int = 30,
        http_client: str = "aiohttp",
    ) -> None:
        self._handle = handle
        self._max_rate = max_rate  # replies per second overall
        self._concurrency = concurrency  # router calls at once (threads, database sessions)
        self._routing = asyncio.Semaphore(concurrency)  # bound to a loop only when it waits
        self._menu = menu  # (command, description) per language, from the router
        self._notify = notify
        self._outboxed = Outboxed(self.platform, behind, notify, self._in_thread)
        self._order: PerChat | None = None  # each chat's turn (of the update processor)
        self._token = token
        self._base_url = base_url
        self._loop: asyncio.AbstractEventLoop | None = None
        self._outbox_bot: Bot | None = None
        self._http_client = http_client  # "aiohttp" (lighter), or PTB's own "httpx"
        self.username = ""

    def _requests(self) -> dict:
        """The Bot API client: aiohttp (`telegram_http`), or PTB's default httpx."""
        if self._http_client == "httpx":
            return {}
        return {
            "request": AiohttpRequest(),
            "get_updates_request": AiohttpRequest(connection_pool_size=1),
        }

    def build(self) -> Application:
        processor = ChatOrderProcessor(max(UPDATES_IN_FLIGHT, self._concurrency))
        self._order = processor.order
        builder = (
            Application.builder()
            .token(self._token)
            .rate_limiter(WaitingRateLimiter(overall_max_rate=self._max_rate, max_retries=2))
            .concurrent_updates(processor)
        )
        for name, request in self._requests().items():
            builder = getattr(builder, name)(request)
        if self._base_url:
            builder = builder.base_url(self._base_url).base_file_url(
                self._base_url.replace("/bot", "/file/bot")
            )
        app = builder.post_init(self._post_init).post_shutdown(self._post_shutdown).build()
        app.add_handler(CallbackQueryHandler(self._on_callback))
        app.add_handler(MessageHandler(filters.TEXT & ~filters.UpdateType.EDITED, self._on_message))
        app.add_error_handler(self._on_error)
        return app

    async def _post_init(self, app: Application) -> None:
        self._loop = asyncio.get_running_loop()
        self.username = app.bot.username or ""
        kwargs = {"base_url": self._base_url} if self._base_url else {}
        self._outbox_bot = Bot(self._token, **kwargs, **self._requests())
        await self._outbox_bot.initialize()
        for lang in LANGS if self._menu else ():
            await app.bot.set_my_commands(
                [BotCommand(c, d) for c, d in self._menu(lang)],
                language_code=None if lang == "de" else lang,
            )

    async def _post_shutdown(self, app: Application) -> None:
        if self._outbox_bot is not None:
            await self._outbox_bot.shutdown()

    # -- in -----------------------------------------------------------------------------------
    async def _on_message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        msg, chat, user = update.effective_message, update.effective_chat, update.effective_user
        if msg is None or chat is None or user is None or user.is_bot:
            return
        text = msg.text or ""
        reply_to = _reply_to_bot(msg, context.bot.id)
        if chat.type != ChatType.PRIVATE:  # in groups: only commands, mentions, replies to it
            mention = f"@{self.username}"
            if not text.startswith("/") and mention.lower() not in text.lower() and not reply_to:
                return
            text = text.replace(mention, "").strip() if not text.startswith("/") else text
        inbound = Inbound(
            self.platform,
            str(user.id),
            str(chat.id),
            text=text,
            lang_hint=_lang(user.language_code),
            private=chat.type == ChatType.PRIVATE,
            reply_to=reply_to,
        )
        await self._answer(context.bot, inbound, chat.id)

    async def _on_callback(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query, user = update.callback_query, update.effective_user
        chat_id = query.message.chat.id if query.message else user.id
        private = query.message is None or query.message.chat.type == ChatType.PRIVATE
        inbound = Inbound(
            self.platform,
            str(user.id),
            str(chat_id),
            data=query.data or "",
            lang_hint=_lang(user.language_code),
            private=private,
        )
        # The router starts at once (in a thread: it reads the database) while the button
        # stops spinning and the pressed message shows the choice: two calls to Telegram
        # that the router no longer waits for. The two go out at once (over the internet
        # each is a round trip the reply waited for: p95 of a 200-user burst with 50 ms
        # per call 3.17 vs 3.44 s, median of 4 pairs, benchmarks/load_bench.py). Both are
        # cosmetic: when one fails, the other is still made, and the choice still counts
        # and is answered.
        handled = asyncio.ensure_future(self._in_thread(self._handle, inbound))
        for failed in await asyncio.gather(
            query.answer(), self._show_choice(query), return_exceptions=True
        ):
            if isinstance(failed, TelegramError):
                log.warning("could not acknowledge a pressed button: %s", failed)
            elif isinstance(failed, BaseException):
                raise failed
        await self._deliver(context.bot, await handled, chat_id)

    async def _show_choice(self, query) -> None:
        """Edit the message of a pressed button: keyboard gone, the choice shown."""
        message = query.message
        if message is None or not getattr(message, "text", None):
            return
        markup = message.reply_markup
        label = next(
            (
                b.text
                for row in (markup.inline_keyboard if markup else ())
                for b in row
                if b.callback_data == query.data
            ),
            None,
        )
        text = html.escape(message.text) + (f"\n\n→ <b>{html.escape(label)}</b>" if label else "")
        try:
            await query.edit_message_text(split_text(text)[-1], parse_mode=ParseMode.HTML)
        except BadRequest as exc:  # e.g. "message is not modified", or too old to edit
            log.info("could not edit the pressed message: %s", exc.message)

    async def _answer(self, bot: Bot, inbound: Inbound, chat_id: int) -> None:
        replies = await self._in_thread(self._handle, inbound)
        await self._deliver(bot, replies, chat_id)

    async def _in_thread(self, work: Callable, arg):
        """The router and the outbox read and write the database in a thread: at most
        `concurrency` at once (the threads and database sessions `imbot run` keeps).
        The replies' Bot API calls are made outside this bound, so a slot is never held
        while Telegram answers (benchmarks/load_bench.py --api-latency 0.05)."""
        async with self._routing:
            return await asyncio.to_thread(work, arg)

    async def _deliver(self, bot: Bot, replies: list[Outbound], chat_id: int) -> None:
        mine = [r for r in replies if r.to is None]
        others = [r for r in replies if r.to is not None]
        if others:
            await self._in_thread(self._notify, others)
        pieces = [piece for reply in mine for piece in _pieces(reply)]
        await self._outboxed.deliver(chat_id, pieces, partial(self._send_piece, bot, chat_id))

    async def _send(
        self, bot: Bot, chat_id: int | str, reply: Outbound, parts: Parts | None = None
    ) -> None:
        """A reply's Bot API calls; with `parts`, those it delivered already are
        skipped, and each one delivered now is counted."""
        for i, piece in enumerate(_pieces(reply)):
            if parts is not None and i < parts.sent:
                continue
            await self._send_piece(bot, chat_id, piece)
            if parts is not None:
                parts.sent = i + 1

    async def _send_piece(self, bot: Bot, chat_id: int | str, piece: Outbound) -> None:
        """One Bot API call: a part of a text (with the reply's buttons, if it is the
        last), or a file."""
        for f in piece.files:
            await bot.send_document(chat_id, InputFile(f.data, filename=f.filename))
        if not piece.files:
            await bot.send_message(
                chat_id,
                html.escape(piece.text),
                parse_mode=ParseMode.HTML,
                reply_markup=_keyboard(piece.buttons),
            )

    async def _on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Never a stack trace in chat: log it, apologise in the user's language."""
        log.error(
            "telegram update failed: %s", type(context.error).__name__, exc_info=context.error
        )
        if isinstance(update, Update) and update.effective_chat:
            lang = _lang(update.effective_user.language_code) if update.effective_user else None
            with contextlib.suppress(TelegramError):
                await context.bot.send_message(update.effective_chat.id, t("error", lang or "de"))

    # -- out: the outbox's sender port -------------------------------------------------------
    def send(self, delivery: dispatch.Delivery) -> None:
        """Runs on the application's event loop, in the chat's turn: never between the
        replies to one of its messages, never at the same time as another of its sends."""
        if self._loop is None or self._outbox_bot is None:
            raise dispatch.TransientError("telegram is not connected yet")
        reply = from_delivery(delivery)
        parts = Parts(delivery.parts_sent)  # a long text's parts, then the file
        future = asyncio.run_coroutine_threadsafe(
            self._in_turn(
                delivery.chat_id, self._send(self._outbox_bot, delivery.chat_id, reply, parts)
            ),
            self._loop,
        )
        try:
            future.result(timeout=60)
        except Exception as exc:
            if isinstance(exc, NetworkError | TimeoutError):
                future.cancel()  # still waiting for its turn: not sent later behind our back
            error = _outbox_error(exc)
            error.parts_sent = parts.sent  # the retry sends only the rest
            if error is exc:
                raise
            raise error from exc

    async def _in_turn(self, chat_id: str, work) -> None:
        """An outbox send in the chat's turn; a failed one tells the chat's next replies
        to ask whether the outbox owes it messages (they queue behind them)."""
        try:
            if self._order is None:
                await work
            else:
                await self._order.run(_chat_key(chat_id), work)
        except Exception:
            self._outboxed.failed(chat_id)
            raise


def _outbox_error(exc: Exception) -> Exception:
    """A Telegram error as the dispatcher's error (an unforeseen one as it is).

    A timeout is tried again (`TransientError`), also a read timeout after Telegram may
    have taken the message: the Bot API has no idempotency key and a bot cannot read its
    chat, so whether it arrived is unknowable; a message possibly twice is the lesser
    harm than a reminder or an answer lost (python-telegram-bot itself retries nothing:
    it raises `TimedOut`). Its error says so (`MAYBE_SENT`) in `imbot admin outbox`."""
    if isinstance(exc, RetryAfter):
        return dispatch.RetryAfter(_seconds(exc))
    if isinstance(exc, Forbidden):
        return dispatch.Unreachable(exc.message)
    if isinstance(exc, BadRequest):
        if "chat not found" in exc.message.lower():
            return dispatch.Unreachable(exc.message)
        return dispatch.Rejected(exc.message)
    if isinstance(exc, TimedOut) and maybe_sent(exc):
        return dispatch.TransientError(f"{MAYBE_SENT}: {exc}")
    if isinstance(exc, NetworkError | TimeoutError):
        return dispatch.TransientError(str(exc))
    return exc


def _lang(code: str | None) -> str | None:
    return code[:2].lower() if code else None


def _reply_to_bot(msg, bot_id: int) -> str | None:
    """The text of the bot's message that `msg` replies to (Telegram's reply_to_message);
    None if it replies to nothing or to someone else."""
    replied = msg.reply_to_message
    if replied is None or replied.from_user is None or replied.from_user.id != bot_id:
        return None
    return replied.text or replied.caption or None
