"""A fake Telegram Bot API server for end-to-end tests (aiohttp, 127.0.0.1, free port).

It speaks the real HTTP protocol closely enough for unmodified python-telegram-bot:
getMe, getUpdates (offset, long-poll timeout), sendMessage, editMessageText,
editMessageReplyMarkup, answerCallbackQuery, sendDocument (multipart), setMyCommands,
getMyCommands, deleteMyCommands, setWebhook, deleteWebhook, getWebhookInfo, and
Telegram-shaped errors (400, 403, 429 with retry_after).

Test hooks (thread-safe, called from the test thread): `user_says`, `user_presses`,
`fail_next` (a Telegram error, a 5xx), `drop_next` (the connection closed without an
answer), `stall_next` (no answer for a while: the bot's read times out),
`take_then_stall_next` (the message sent, but its answer never comes), `wait_for_sent`,
and the `sent` log of everything the bot sent.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import socket
import threading
import time
from dataclasses import dataclass, field

from aiohttp import web

BOT = {"id": 4242, "is_bot": True, "first_name": "imbot", "username": "imbot_test_bot",
       "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": False}  # fmt: skip


DROP, STALL, TAKE_STALL = -1, -2, -3  # failures besides an HTTP status (0: a body not JSON)


@dataclass
class Sent:
    method: str
    chat_id: int
    text: str = ""
    buttons: list[tuple[str, str]] = field(default_factory=list)
    document: bytes | None = None
    filename: str | None = None
    message_id: int = 0
    parse_mode: str | None = None


class FakeBotAPI:
    def __init__(self, token: str = "123:TEST") -> None:
        self.token = token
        self.sent: list[Sent] = []
        self.calls: list[str] = []
        self.commands: dict[str, list[dict]] = {}
        self.answered: list[str] = []
        self.webhook: dict = {"url": ""}
        self._updates: list[dict] = []
        self._ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._messages: dict[tuple[int, int], dict] = {}
        self._errors: list[tuple[str, int | None, int, dict]] = []
        self._cond = threading.Condition()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._new_update: asyncio.Event | None = None
        self._closing = False
        self.port = _free_port()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    # -- lifecycle ------------------------------------------------------------------------
    def start(self) -> FakeBotAPI:
        ready = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(ready,), daemon=True)
        self._thread.start()
        if not ready.wait(10):
            raise RuntimeError("fake Bot API did not start")
        return self

    def _run(self, ready: threading.Event) -> None:
        self._loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self._loop)
        self._new_update = asyncio.Event()
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app)
        self._loop.run_until_complete(self._runner.setup())
        self._loop.run_until_complete(web.TCPSite(self._runner, "127.0.0.1", self.port).start())
        ready.set()
        self._loop.run_forever()

    def stop(self) -> None:
        if self._loop:
            asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop).result(10)
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)

    async def _shutdown(self) -> None:
        """Answer pending long polls first: aiohttp's cleanup waits for running handlers,
        and the long poll of a bot that has already stopped would hold it for its timeout."""
        self._closing = True
        self._new_update.set()
        await self._runner.cleanup()

    # -- test hooks -----------------------------------------------------------------------
    def user_says(self, user_id: int, text: str, *, chat_id: int | None = None, chat_type: str = "private",
                  lang: str = "de", first_name: str = "Test", reply_to: int | None = None) -> None:  # fmt: skip
        """`reply_to`: the id of a message sent to this chat that this one replies to."""
        chat_id = chat_id or user_id
        message = {"message_id": next(self._message_ids), "date": int(time.time()),
                   "chat": {"id": chat_id, "type": chat_type, **({"title": "Gruppe"} if chat_type != "private" else {})},
                   "from": _user(user_id, lang, first_name), "text": text}  # fmt: skip
        if reply_to is not None:
            message["reply_to_message"] = self._messages[(chat_id, reply_to)]
        if text.startswith("/"):
            message["entities"] = [
                {"type": "bot_command", "offset": 0, "length": len(text.split()[0])}
            ]
        self._push({"message": message})

    def user_presses(self, user_id: int, data: str, *, message_id: int | None = None,
                     lang: str = "de") -> None:  # fmt: skip
        """Press a button: of the message `message_id`, or the last message sent to the user."""
        if message_id is None:
            message_id = next(
                s.message_id for s in reversed(self.sent) if s.chat_id == user_id and s.buttons
            )
        message = self._messages.get((user_id, message_id)) or {
            "message_id": message_id, "date": int(time.time()), "chat": {"id": user_id, "type": "private"},
            "from": BOT, "text": "?"}  # fmt: skip
        self._push({"callback_query": {"id": str(next(self._ids)), "from": _user(user_id, lang, "Test"),
                                       "chat_instance": f"ci-{user_id}", "data": data, "message": message}})  # fmt: skip

    def fail_next(self, method: str, code: int, *, chat_id: int | None = None, retry_after: int = 0,
                  description: str = "", skip: int = 0) -> None:  # fmt: skip
        """The next call of `method` (to `chat_id`, if given) fails with `code`; with
        `skip`, the call after that many such calls (the 2nd part of a long text: 1)."""
        params = {"retry_after": retry_after} if code == 429 else {}
        if skip:
            params["skip"] = skip
        text = description or {400: "Bad Request: chat not found", 403: "Forbidden: bot was blocked by the user",
                               429: f"Too Many Requests: retry after {retry_after}",
                               500: "Internal Server Error", 502: "Bad Gateway"}[code]  # fmt: skip
        with self._cond:
            self._errors.append(
                (method, chat_id, code, {"description": text, "parameters": params})
            )

    def drop_next(self, method: str, *, chat_id: int | None = None) -> None:
        """The next call of `method` (to `chat_id`, if given) loses its connection
        before an answer: python-telegram-bot raises `NetworkError`. Nothing is sent."""
        with self._cond:
            self._errors.append((method, chat_id, DROP, {}))

    def stall_next(self, method: str, seconds: float, *, chat_id: int | None = None) -> None:
        """The next call of `method` (to `chat_id`, if given) gets no answer for
        `seconds` (then a 500): longer than the bot's read timeout, it raises `TimedOut`.
        Nothing is sent."""
        with self._cond:
            self._errors.append((method, chat_id, STALL, {"seconds": seconds}))

    def take_then_stall_next(self, method: str, seconds: float, *, chat_id: int | None = None
                             ) -> None:  # fmt: skip
        """The next call of `method` (to `chat_id`, if given) is carried out (the message
        is sent) but its answer does not come for `seconds` (then the connection closes):
        the bot's read times out although Telegram took the message."""
        with self._cond:
            self._errors.append((method, chat_id, TAKE_STALL, {"seconds": seconds}))

    def failures_left(self) -> int:
        """Failures set up with the hooks above that no call has met yet."""
        with self._cond:
            return len(self._errors)

    def garble_next(self, method: str, *, chat_id: int | None = None) -> None:
        """The next call of `method` (to `chat_id`, if given) gets a reply that is not
        JSON (a broken proxy): python-telegram-bot raises its base `TelegramError`."""
        with self._cond:
            self._errors.append((method, chat_id, 0, {}))

    def sent_to(self, chat_id: int) -> list[Sent]:
        with self._cond:
            return [s for s in self.sent if s.chat_id == chat_id]

    def wait_for_sent(self, predicate, timeout: float = 10.0) -> Sent:
        """Block until the bot has sent a message matching `predicate`."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for s in self.sent:
                    if predicate(s):
                        return s
                left = deadline - time.monotonic()
                if left <= 0:
                    texts = [f"{s.method} {s.chat_id}: {s.text[:60]}" for s in self.sent[-8:]]
                    raise AssertionError(
                        f"the bot sent nothing matching within {timeout} s; last: {texts}"
                    )
                self._cond.wait(left)

    def wait_until(self, condition, timeout: float = 10.0) -> None:
        """Block until `condition()` holds (re-checked whenever the bot sends)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while not condition():
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"condition not met within {timeout} s")
                self._cond.wait(left)

    def wait_for_text(self, chat_id: int, fragment: str, timeout: float = 10.0) -> Sent:
        return self.wait_for_sent(lambda s: s.chat_id == chat_id and fragment in s.text, timeout)

    # -- protocol -------------------------------------------------------------------------
    def _push(self, update: dict) -> None:
        def add():
            update["update_id"] = next(self._ids)
            self._updates.append(update)
            self._new_update.set()

        self._loop.call_soon_threadsafe(add)

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _error(401, "Unauthorized")
        method = request.match_info["method"]
        params = await _params(request)
        with self._cond:
            self.calls.append(method)
            self._cond.notify_all()
        error = self._take_error(method, params.get("chat_id"))
        if error and error[2] == 0:
            return web.Response(text="<html>502 Bad Gateway</html>", content_type="text/html")
        if error and error[2] == DROP:
            request.transport.close()
            return web.Response(status=500)
        if error and error[2] == STALL:
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.sleep(error[3]["seconds"])
            return _error(500, "Internal Server Error")
        if error and error[2] == TAKE_STALL:
            result = getattr(self, f"_m_{method}")(params)
            if asyncio.iscoroutine(result):
                await result
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.sleep(error[3]["seconds"])
            request.transport.close()
            return web.Response(status=500)
        if error:
            return _error(error[2], error[3]["description"], error[3]["parameters"])
        handler = getattr(self, f"_m_{method}", None)
        if handler is None:
            return _error(404, f"Not Found: method {method} is not in the fake")
        try:
            result = handler(params)
            if asyncio.iscoroutine(result):
                result = await result
        except ApiError as exc:
            return _error(exc.code, exc.description)
        return web.json_response({"ok": True, "result": result})

    def _take_error(self, method: str, chat_id) -> tuple | None:
        with self._cond:
            for i, (m, c, _code, info) in enumerate(self._errors):
                if m == method and (c is None or str(c) == str(chat_id)):
                    if info.get("parameters", {}).get("skip"):
                        info["parameters"]["skip"] -= 1  # this call still goes through
                        if not info["parameters"]["skip"]:
                            del info["parameters"]["skip"]
                        return None
                    return self._errors.pop(i)
        return None

    def _m_getMe(self, p):
        return BOT

    def _m_logOut(self, p):
        return True

    def _m_close(self, p):
        return True

    async def _m_getUpdates(self, p):
        offset, timeout = int(p.get("offset") or 0), float(p.get("timeout") or 0)
        self._updates = [u for u in self._updates if u["update_id"] >= offset]
        if not self._updates and timeout > 0 and not self._closing:
            self._new_update.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._new_update.wait(), timeout)
        self._updates = [u for u in self._updates if u["update_id"] >= offset]
        return self._updates[: int(p.get("limit") or 100)]

    def _record(self, sent: Sent) -> dict:
        sent.message_id = sent.message_id or next(self._message_ids)
        message = {"message_id": sent.message_id, "date": int(time.time()), "from": BOT,
                   "chat": {"id": sent.chat_id, "type": "private"}}  # fmt: skip
        if sent.text:
            message["text"] = sent.text
        if sent.buttons:
            message["reply_markup"] = {
                "inline_keyboard": [[{"text": t, "callback_data": d}] for t, d in sent.buttons]
            }
        if sent.document is not None:
            message["document"] = {"file_id": f"f{sent.message_id}", "file_unique_id": f"u{sent.message_id}",
                                   "file_name": sent.filename, "mime_type": "text/calendar",
                                   "file_size": len(sent.document)}  # fmt: skip
        self._messages[(sent.chat_id, sent.message_id)] = message
        with self._cond:
            self.sent.append(sent)
            self._cond.notify_all()
        return message

    def _m_sendMessage(self, p):
        if len(p["text"]) > 4096:
            raise ApiError(400, "Bad Request: message is too long")
        return self._record(Sent("sendMessage", int(p["chat_id"]), p["text"], _buttons(p),
                                 parse_mode=p.get("parse_mode")))  # fmt: skip

    def _m_sendDocument(self, p):
        doc = p["document"]
        return self._record(Sent("sendDocument", int(p["chat_id"]), p.get("caption", ""), document=doc[1],
                                 filename=doc[0]))  # fmt: skip

    def _m_editMessageText(self, p):
        return self._record(Sent("editMessageText", int(p["chat_id"]), p["text"], _buttons(p),
                                 message_id=int(p["message_id"]), parse_mode=p.get("parse_mode")))  # fmt: skip

    def _m_editMessageReplyMarkup(self, p):
        old = self._messages.get((int(p["chat_id"]), int(p["message_id"])), {})
        return self._record(Sent("editMessageReplyMarkup", int(p["chat_id"]), old.get("text", ""), _buttons(p),
                                 message_id=int(p["message_id"])))  # fmt: skip

    def _m_answerCallbackQuery(self, p):
        self.answered.append(p["callback_query_id"])
        return True

    def _m_setMyCommands(self, p):
        self.commands[p.get("language_code", "") + "|" + json.dumps(p.get("scope", {}))] = (
            json.loads(p["commands"])
        )
        return True

    def _m_getMyCommands(self, p):
        return self.commands.get(p.get("language_code", "") + "|{}", [])

    def _m_deleteMyCommands(self, p):
        return True

    def _m_setWebhook(self, p):
        self.webhook = {"url": p["url"], "secret_token": p.get("secret_token")}
        return True

    def _m_deleteWebhook(self, p):
        self.webhook = {"url": ""}
        return True

    def _m_getWebhookInfo(self, p):
        return {
            "url": self.webhook["url"],
            "has_custom_certificate": False,
            "pending_update_count": 0,
        }


class ApiError(Exception):
    def __init__(self, code: int, description: str) -> None:
        super().__init__(description)
        self.code, self.description = code, description


def _user(user_id: int, lang: str, first_name: str) -> dict:
    return {"id": user_id, "is_bot": False, "first_name": first_name, "language_code": lang}


def _buttons(p: dict) -> list[tuple[str, str]]:
    markup = p.get("reply_markup")
    if not markup:
        return []
    markup = json.loads(markup) if isinstance(markup, str) else markup
    return [
        (b["text"], b.get("callback_data", ""))
        for row in markup.get("inline_keyboard", [])
        for b in row
    ]


async def _params(request: web.Request) -> dict:
    """Form data (numbers as strings, nested objects as JSON strings), multipart files
    as (filename, bytes), or a JSON body."""
    if request.content_type == "application/json":
        return await request.json()
    out = {}
    form = await request.post()
    for key, value in form.items():
        if hasattr(value, "file"):
            out[key] = (value.filename, value.file.read())
        else:
            out[key] = value
    for key, value in request.query.items():
        out.setdefault(key, value)
    return out


def _error(code: int, description: str, parameters: dict | None = None) -> web.Response:
    body = {"ok": False, "error_code": code, "description": description}
    if parameters:
        body["parameters"] = parameters
    return web.json_response(body, status=code)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
