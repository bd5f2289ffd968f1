"""Matrix adapter on matrix-nio: the bot is a Matrix user in direct chats.

No business logic here. It accepts invites to DMs and greets; every text becomes an
`Inbound` for the router (commands with "!" or "/", plain words, numbers for the
numbered choices); replies go out as m.text with a plain body and Matrix HTML;
calendar files are uploaded as m.file (encrypted in encrypted rooms). A 👍 reaction on
a message is a "ja" to it: it presses the one choice that confirms something; on a
message that asks two ways ("Meinen Sie X? Sonst: weiterleiten?") it is asked which,
as a typed "ja" is (never the guess taken silently).

Login by password or access token, with one device id kept in the data dir together
with the crypto store and the sync token: a restart neither replays old messages
nor loses the keys of encrypted rooms. Events from before the first sync are ignored.
The adapter is also the outbox's sender for the platform "matrix", and carries out
erasures: `forget` leaves and forgets the erased person's direct room and removes the
room and the person's devices, keys and sessions from the crypto store.
"""

from __future__ import annotations

import asyncio
import hashlib
import html
import json
import logging
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from nio import (
    AsyncClient,
    AsyncClientConfig,
    ErrorResponse,
    InviteMemberEvent,
    JoinError,
    KeysQueryResponse,
    LoginResponse,
    MatrixRoom,
    MegolmEvent,
    ReactionEvent,
    RoomMessageText,
    RoomSendResponse,
    UploadResponse,
    WhoamiResponse,
)

from bot.adapters.common import (
    Behind,
    Outboxed,
    Parts,
    PerChat,
    beyond,
    confirming,
    from_delivery,
    numbered,
    pressed,
    unclear_yes,
)
from bot.messages import Attachment, Button, Inbound, Outbound
from bot.texts import guess_lang, t
from jobs import dispatch

__all__ = ["KeysOnceClient", "MatrixAdapter"]

log = logging.getLogger(__name__)

THUMBS_UP = ("👍", "👍️", "👍🏻", "👍🏼", "👍🏽", "👍🏾", "👍🏿", "+1")
_MEMORY = 500  # messages whose choices we remember for numbers and reactions
# Rooms worked on at once (each room's messages in order). Most of a message's time is
# the homeserver's (reading a replied-to event, sending, encrypting for a big room),
# which needs no slot of the configured concurrency (that bounds the router's database
# work): as many as nio's HTTP connection pool holds (aiohttp's default, 100).
ROOMS_IN_FLIGHT = 100


class KeysOnceClient(AsyncClient):
    """nio's AsyncClient with one key query at a time, and nothing to query taken as done.

    nio's `sync_forever` checks `should_query_keys` and then starts `keys_query()` as a
    task of its own, which runs a step later. When in between another key query's answer
    (the adapter's before it encrypts a reply, or `room_send`'s own) or an erasure's purge
    empties the users to query, nio's `keys_query` raises `LocalProtocolError("No key
    query required.")` inside `sync_forever`, and the sync loop ends: the bot no longer
    hears Matrix. Here a query waits for the one in flight, then asks only if someone is
    still to be asked, else answers with an empty `KeysQueryResponse` (no request)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._keys_lock = asyncio.Lock()  # bound to a loop only when it waits

    async def keys_query(self):
        async with self._keys_lock:
            if not self.should_query_keys:
                return KeysQueryResponse({}, {})
            return await super().keys_query()


class MatrixAdapter:
    platform = "matrix"
    rate_per_second = 10  # Synapse's defaults are per user; stay well below
    per_chat_seconds = 0.2
    restart_pause = 1.0  # seconds before the sync loop starts again after an error

    def __init__(
        self,
        handle: Callable[[Inbound], list[Outbound]],
        notify: Callable[[list[Outbound]], None],
        *,
        behind: Behind | None = None,
        homeserver: str,
        user_id: str,
        store_dir: Path,
        password: str | None = None,
        access_token: str | None = None,
        device_name: str = "imbot",
        concurrency: int = 8,
        lang_of: Callable[[str], str | None] | None = None,
    ) -> None:
        self._handle, self._notify = handle, notify
        # the language of a first message (None when unclear): the welcome waits for it
        self._lang_of = lang_of
        self._held: set[str] = set()  # rooms joined on an invite whose welcome waits
        self.homeserver, self.user_id = homeserver.rstrip("/"), user_id
        self._password, self._token, self._device_name = password, access_token, device_name
        self.store_dir = store_dir
        self._choices: dict[str, tuple[Button, ...]] = {}  # room -> last numbered choices
        self._tasks: set[asyncio.Task] = set()
        self._order = PerChat(ROOMS_IN_FLIGHT)  # rooms at once, each room's messages in turn
        self._routing = asyncio.Semaphore(concurrency)  # router calls at once (threads, sessions)
        self._outboxed = Outboxed(self.platform, behind, notify, self._in_thread)
        self._by_event: OrderedDict[str, tuple[str, tuple[Button, ...]]] = OrderedDict()
        # event id -> room, choices
        self._last_event: dict[str, str] = {}  # room -> the bot's last message in it
        self._loop: asyncio.AbstractEventLoop | None = None
        self.client: AsyncClient | None = None
        self.ready = asyncio.Event()

    # -- connect ------------------------------------------------------------------------------
    async def connect(self) -> None:
        self.store_dir.mkdir(parents=True, exist_ok=True)
        config = AsyncClientConfig(
            encryption_enabled=True, store_sync_tokens=True, max_limit_exceeded=3, max_timeouts=3
        )
        creds_file = self.store_dir / "credentials.json"
        creds = json.loads(creds_file.read_text()) if creds_file.exists() else None
        self.client = KeysOnceClient(
            self.homeserver, self.user_id, store_path=str(self.store_dir), config=config
        )
        if creds and creds.get("user_id") == self.user_id:
            self.client.restore_login(creds["user_id"], creds["device_id"], creds["access_token"])
        elif self._token:
            self.client.access_token = self._token
            who = await self.client.whoami()
            if not isinstance(who, WhoamiResponse) or not who.device_id:
                raise RuntimeError(f"MATRIX_ACCESS_TOKEN is not valid for {self.user_id}: {who}")
            self.client.restore_login(self.user_id, who.device_id, self._token)
            self._save(creds_file, who.device_id, self._token)
        else:
            if not self._password:
                raise RuntimeError("set MATRIX_PASSWORD or MATRIX_ACCESS_TOKEN")
            resp = await self.client.login(self._password, device_name=self._device_name)
            if not isinstance(resp, LoginResponse):
                raise RuntimeError(
                    f"Matrix login failed for {self.user_id}: {getattr(resp, 'message', resp)}"
                )
            self._save(creds_file, resp.device_id, resp.access_token)
        self._loop = asyncio.get_running_loop()
        if self.client.should_upload_keys:
            await self.client.keys_upload()
        if not (
            self.client.next_batch or self.client.loaded_sync_token
        ):  # first start: skip history
            await self.client.sync(timeout=0, full_state=True)
            for room in list(self.client.invited_rooms.values()):  # invites are not history
                inviter = next((u for u in room.users if u != self.user_id), "")
                await self._on_invite(room, _Invite(self.user_id, inviter, "invite"))
        self.client.add_event_callback(self._on_invite, InviteMemberEvent)
        self.client.add_event_callback(self._on_text, RoomMessageText)
        self.client.add_event_callback(self._on_reaction, ReactionEvent)
        self.client.add_event_callback(self._on_undecryptable, MegolmEvent)

    def _save(self, path: Path, device_id: str, token: str) -> None:
        path.write_text(
            json.dumps({"user_id": self.user_id, "device_id": device_id, "access_token": token})
        )
        path.chmod(0o600)

    async def listen(self) -> None:
        """Sync until cancelled; the sync token is stored after every batch. An error
        raised in nio's sync loop is logged and the loop started again, after a pause
        that doubles up to a minute (back to the first after an hour without errors):
        the bot never stops hearing Matrix while the process runs."""
        self.ready.set()
        loop, pause = asyncio.get_running_loop(), self.restart_pause
        while True:
            started = loop.time()
            try:
                await self.client.sync_forever(timeout=30_000, full_state=False)
                return
            except Exception:
                if loop.time() - started > 3600:
                    pause = self.restart_pause
                log.exception("the Matrix sync loop failed; it starts again in %.0f s", pause)
            await asyncio.sleep(pause)
            pause = min(pause * 2, 60 * self.restart_pause)

    async def close(self) -> None:
        if self._tasks:  # the messages in flight are answered first
            await asyncio.wait(set(self._tasks), timeout=30)
        if self.client is not None:
            await self.client.close()

    # -- in -------------------------------------------------------------------------------------
    async def _on_invite(self, room: MatrixRoom, event: InviteMemberEvent) -> None:
        if event.state_key != self.user_id or event.membership != "invite":
            return
        joined = await self.client.join(room.room_id)
        if isinstance(joined, JoinError):
            log.warning("could not join an invited room: %s", joined.message)
            return
        self._held.add(room.room_id)  # before any message of the room is read
        task = asyncio.create_task(self._greet_when_joined(room.room_id))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _greet_when_joined(self, room_id: str) -> None:
        """Once the next sync shows the room as joined (sending needs its state): a short
        greeting in both languages, as nothing tells the inviter's language yet (Matrix
        has no client language; German was wrong for English speakers). The welcome
        follows the first message, in its language (`_welcome`), like the console's."""
        for _ in range(300):
            if room_id in self.client.rooms:
                await self._order.run(room_id, self._logged(self._invited(room_id)))
                return
            await asyncio.sleep(0.1)
        log.warning("joined a room but never saw it in a sync; no greeting sent")

    async def _invited(self, room_id: str) -> None:
        if room_id in self._held:  # not if the first message came first (it was welcomed)
            said = "\n\n".join(t("matrix_write_first", lang) for lang in ("de", "en"))
            await self._deliver(room_id, [Outbound(said)])

    async def _welcome(self, room: MatrixRoom, sender: str, text: str) -> str:
        """The first message in a room joined on an invite: the welcome (/start) in its
        language (German when unclear); returns what of the message is still to answer
        ("" when the welcome answers it: /start, /hilfe, /help). A /start with a code
        (an invitation) is the welcome itself."""
        self._held.discard(room.room_id)
        words = text.lower().split()
        command = words[0][1:] if words and words[0][:1] in ("/", "!") else None
        if command == "start" and len(words) > 1:
            return text
        hint = self._lang_of(text) if self._lang_of is not None else None
        welcome = Inbound(
            self.platform,
            sender,
            room.room_id,
            text="/start",
            lang_hint=hint,
            private=_is_direct(room),
        )
        await self._answer(welcome, room.room_id)
        return "" if command in ("start", "hilfe", "help") else text

    def _in_turn(self, room_id: str, work) -> None:
        """Handle a message without holding up the sync loop: rooms at the same time,
        each room's messages in the order they came (a number answers the choices
        of the reply before it, so it waits for that reply)."""
        task = asyncio.create_task(self._order.run(room_id, self._logged(work)))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    @staticmethod
    async def _logged(work) -> None:
        try:
            await work
        except Exception:  # never lost silently; the sync loop goes on
            log.exception("a Matrix message could not be answered")

    async def _on_text(self, room: MatrixRoom, event: RoomMessageText) -> None:
        if event.sender != self.user_id:
            self._in_turn(room.room_id, self._text(room, event))

    async def _text(self, room: MatrixRoom, event: RoomMessageText) -> None:
        text = event.body.strip()
        reply_to = await self._replied_text(room.room_id, event)
        if reply_to is not None:
            text = _without_reply_fallback(text)
        if room.room_id in self._held:
            text = await self._welcome(room, event.sender, text)
            if not text:
                return
        choices = self._choices.get(room.room_id, ())
        button = pressed(text, choices)
        count = beyond(text, choices)
        if count is not None:  # a number that is none of the choices: say which there are
            lang = guess_lang(" ".join(c.label for c in choices), "de")
            await self._deliver(room.room_id, [Outbound(t("choice_beyond", lang, n=count))])
            return
        if (count := unclear_yes(text, choices)) is not None:  # "ja" to several choices
            lang = guess_lang(" ".join(c.label for c in choices), "de")
            await self._deliver(room.room_id, [Outbound(t("choice_which", lang, n=count))])
            return
        private = _is_direct(room)
        if button is not None:  # a choice typed as a reply to its list is that choice
            inbound = Inbound(
                self.platform,
                event.sender,
                room.room_id,
                data=button.data,
                private=private,
                typed=True,
            )
        else:
            inbound = Inbound(
                self.platform,
                event.sender,
                room.room_id,
                text=text,
                private=private,
                reply_to=reply_to,
            )
        await self._answer(inbound, room.room_id)

    async def _replied_text(self, room_id: str, event: RoomMessageText) -> str | None:
        """The text of the bot's own message that `event` replies to (m.relates_to ->
        m.in_reply_to), read from the server (and decrypted in an encrypted room);
        None if it replies to nothing, to someone else, or cannot be read."""
        relates = (event.source.get("content") or {}).get("m.relates_to") or {}
        target = (relates.get("m.in_reply_to") or {}).get("event_id")
        if not isinstance(target, str):
            return None
        resp = await self.client.room_get_event(room_id, target)
        replied = getattr(resp, "event", None)
        if isinstance(replied, MegolmEvent):
            try:
                replied = self.client.decrypt_event(replied)
            except Exception:  # no key for it: read as a plain message
                log.info("could not decrypt the message replied to")
                return None
        if getattr(replied, "sender", None) != self.user_id:
            return None
        body = getattr(replied, "body", None)
        return body if isinstance(body, str) else None

    async def _on_reaction(self, room: MatrixRoom, event: ReactionEvent) -> None:
        if event.sender != self.user_id and event.key in THUMBS_UP:
            self._in_turn(room.room_id, self._reaction(room, event))

    async def _reaction(self, room: MatrixRoom, event: ReactionEvent) -> None:
        """A 👍 says yes to the message: to the one choice that confirms something. On
        one that asks two ways (a guess and the offer to ask the team both confirm) it
        is asked which: the bot's last message reads it as a typed "ja" (the router
        asks in the message's own words), an older one is shown again with its choices."""
        _, choices = self._by_event.get(event.reacts_to, ("", ()))
        if not any(b.confirms for b in choices):
            return  # a 👍 on a list of slots or topics says no choice
        meant = confirming(choices)
        private = _is_direct(room)
        if meant is not None:
            inbound = Inbound(
                self.platform, event.sender, room.room_id, data=meant.data, private=private
            )
        elif self._last_event.get(room.room_id) == event.reacts_to:
            inbound = Inbound(self.platform, event.sender, room.room_id, text="👍", private=private)
        else:
            lang = guess_lang(" ".join(c.label for c in choices), "de")
            which = Outbound(t("choice_which", lang, n=len(choices)), choices)
            await self._deliver(room.room_id, [which])
            return
        await self._answer(inbound, room.room_id)

    async def _on_undecryptable(self, room: MatrixRoom, event: MegolmEvent) -> None:
        log.warning(
            "could not decrypt a message in a room; asking the sender's devices for the key"
        )
        await self.client.request_room_key(event)

    async def _answer(self, inbound: Inbound, room_id: str) -> None:
        replies = await self._in_thread(self._handle, inbound)
        others = [r for r in replies if r.to is not None]
        if others:
            await self._in_thread(self._notify, others)
        await self._deliver(room_id, [r for r in replies if r.to is None])

    async def _in_thread(self, work: Callable, arg):
        """The router and the outbox read and write the database in a thread: at most
        `concurrency` at once (the threads and database sessions `imbot run` keeps).
        Reading from and sending to the homeserver happen outside this bound (still in
        the room's turn), so one slow room never holds a slot that other rooms need."""
        async with self._routing:
            return await asyncio.to_thread(work, arg)

    async def _deliver(self, room_id: str, replies: list[Outbound]) -> None:
        """Send the replies in order; the ones from the first that cannot be sent now
        on go to the outbox, and while it owes the room messages, the room's next
        replies queue behind them (`Outboxed`)."""
        pieces = [piece for reply in replies for piece in _pieces(reply)]
        await self._outboxed.deliver(room_id, pieces, partial(self._send, room_id))

    # -- out ------------------------------------------------------------------------------------
    async def _send(
        self,
        room_id: str,
        reply: Outbound,
        parts: Parts | None = None,
        key: str | None = None,
    ) -> None:
        """A reply's parts (`_pieces`: the text, then each file). With `parts` (an outbox
        message), those delivered by an earlier try are skipped, and each one delivered
        now is counted. With `key` (the outbox row's dedupe key), each part's Matrix
        transaction id is derived from it: a retry of a part the homeserver took although
        its answer was lost (a timeout) is the same transaction, which the homeserver
        answers with the event it has instead of sending it twice."""
        for i, piece in enumerate(_pieces(reply)):
            if parts is not None and i < parts.sent:
                continue
            tx_id = _tx_id(key, i) if key is not None else None
            if piece.files:
                await self._send_file(room_id, piece.files[0], tx_id)
            else:
                await self._send_text(room_id, piece, tx_id)
            if parts is not None:
                parts.sent = i + 1

    async def _send_text(self, room_id: str, reply: Outbound, tx_id: str | None = None) -> None:
        room = self.client.rooms.get(room_id)
        if room is not None and room.encrypted and self.client.should_query_keys:
            await self.client.keys_query()  # know every member's devices before encrypting
        plain, formatted = _render(reply)
        content = {
            "msgtype": "m.text",
            "body": plain,
            "format": "org.matrix.custom.html",
            "formatted_body": formatted,
        }
        resp = await self.client.room_send(
            room_id, "m.room.message", content, tx_id=tx_id, ignore_unverified_devices=True
        )
        _raise_for(resp)
        self._last_event[room_id] = resp.event_id
        if reply.buttons:
            self._choices[room_id] = reply.buttons
            self._by_event[resp.event_id] = (room_id, reply.buttons)
            while len(self._by_event) > _MEMORY:
                self._by_event.popitem(last=False)

    async def _send_file(self, room_id: str, f: Attachment, tx_id: str | None = None) -> None:
        room = self.client.rooms.get(room_id)
        encrypt = bool(room and room.encrypted)
        resp, keys = await self.client.upload(
            lambda *_: f.data,
            content_type=f.mime,
            filename=f.filename,
            filesize=len(f.data),
            encrypt=encrypt,
        )
        if not isinstance(resp, UploadResponse):
            _raise_for(resp)
        content = {
            "msgtype": "m.file",
            "body": f.filename,
            "filename": f.filename,
            "info": {"mimetype": f.mime, "size": len(f.data)},
        }
        if encrypt:
            content["file"] = {**keys, "url": resp.content_uri}
        else:
            content["url"] = resp.content_uri
        _raise_for(
            await self.client.room_send(
                room_id, "m.room.message", content, tx_id=tx_id, ignore_unverified_devices=True
            )
        )

    def send(self, delivery: dispatch.Delivery) -> None:
        """The outbox's sender port: runs on the adapter's event loop, in the room's turn."""
        if self._loop is None or self.client is None or not self.ready.is_set():
            raise dispatch.TransientError("matrix is not connected yet")
        reply = from_delivery(delivery)
        parts = Parts(delivery.parts_sent)  # the text, then the file
        send = self._send(delivery.chat_id, reply, parts, key=delivery.dedupe_key)
        work = self._outbox_turn(delivery.chat_id, send)
        future = asyncio.run_coroutine_threadsafe(work, self._loop)
        try:
            future.result(timeout=90)
        except (TimeoutError, OSError) as exc:
            future.cancel()  # still waiting for its turn: not sent later behind our back
            error = dispatch.TransientError(str(exc))
            error.parts_sent = parts.sent
            raise error from exc
        except Exception as exc:
            exc.parts_sent = parts.sent  # the retry sends only the rest
            raise

    async def _outbox_turn(self, room_id: str, work) -> None:
        """An outbox message in the room's turn (never between the replies to one
        message); a failed one makes the room's next replies ask the outbox first."""
        try:
            await self._order.run(room_id, work)
        except Exception:
            self._outboxed.failed(room_id)
            raise

    # -- erasure ---------------------------------------------------------------------------
    def forget(self, chat_id: str, user_id: str) -> None:
        """The outbox's erasure port (runs on the adapter's event loop, after the
        messages of that room in flight, e.g. the reply that confirms the erasure)."""
        if self._loop is None or self.client is None or not self.ready.is_set():
            raise dispatch.TransientError("matrix is not connected yet")
        work = self._order.run(chat_id, self._forget(chat_id, user_id))
        future = asyncio.run_coroutine_threadsafe(work, self._loop)
        try:
            future.result(timeout=90)
        except (TimeoutError, OSError) as exc:
            raise dispatch.TransientError(str(exc)) from exc

    async def _forget(self, room_id: str, user_id: str) -> None:
        """Leave and forget the erased person's direct room on the server, then remove
        the room and what the client keeps of the person (devices, keys, sessions).
        A room the bot is no longer in counts as left. A room that others have joined
        since is not left (they keep the bot); then only what is the person's alone goes."""
        client = self.client
        room = client.rooms.get(room_id) or client.invited_rooms.get(room_id)
        others = set(room.users) - {self.user_id, user_id} if room is not None else set()
        if others:
            log.warning("an erased person's room has other members now; the bot stays there")
        else:
            _left_or_raise(await client.room_leave(room_id))
            _left_or_raise(await client.room_forget(room_id))
            client.rooms.pop(room_id, None)
            client.invited_rooms.pop(room_id, None)
            client.encrypted_rooms.discard(room_id)
            self._choices.pop(room_id, None)
            self._last_event.pop(room_id, None)
            for event_id in [e for e, (r, _) in self._by_event.items() if r == room_id]:
                del self._by_event[event_id]
        shares = any(user_id in r.users for r in client.rooms.values())
        purge_store(
            client,
            room_id=None if others else room_id,
            user_id=None if shares else user_id,
        )


def purge_store(client: AsyncClient, *, room_id: str | None, user_id: str | None) -> None:
    """Remove a room and a user from nio's crypto store, on disk and in memory.

    Room: its megolm inbound sessions (with their forwarding chains), its entry among
    the encrypted rooms, outgoing key requests for it, the outbound session. User:
    their devices with their keys and trust state, the olm sessions with those devices,
    megolm sessions they sent in any room, and their lines in the DefaultStore's trust
    files (trusted, blacklisted, ignored devices). A user the bot still shares a room
    with is kept (the room needs their keys; nio would fetch them again). SQLite's
    `secure_delete`, which nio turns on, overwrites the deleted rows in the file."""
    olm, store = client.olm, client.store
    if olm is None or store is None:
        return
    devices = dict(olm.device_store.items()).get(user_id, {}) if user_id else {}
    curve_keys = {d.curve25519 for d in devices.values()}
    db = store.database
    tables = set(db.get_tables())
    with db.atomic():
        if room_id:
            for table in ("megolminboundsessions", "encryptedrooms", "outgoingkeyrequests"):
                db.execute_sql(f"DELETE FROM {table} WHERE room_id = ?", (room_id,))
        if user_id:
            found = db.execute_sql(
                "SELECT k.key FROM keys k JOIN devicekeys d ON k.device_id = d.id"
                " WHERE d.user_id = ? AND k.key_type = 'curve25519'",
                (user_id,),
            )
            curve_keys |= {key for (key,) in found}
            for key in curve_keys:
                for table in ("olmsessions", "megolminboundsessions", "forwardedchains"):
                    db.execute_sql(f"DELETE FROM {table} WHERE sender_key = ?", (key,))
            ids = "SELECT id FROM devicekeys WHERE user_id = ?"
            for table in ("keys", "devicetruststate"):
                if table in tables:
                    db.execute_sql(f"DELETE FROM {table} WHERE device_id IN ({ids})", (user_id,))
            db.execute_sql("DELETE FROM devicekeys WHERE user_id = ?", (user_id,))
            if "trackedusers" in tables:
                db.execute_sql("DELETE FROM trackedusers WHERE user_id = ?", (user_id,))
    if user_id:
        for name in ("trust_db", "blacklist_db", "ignore_db"):  # DefaultStore's text files
            keystore = getattr(store, name, None)
            lines = [k for k in keystore or () if k.user_id == user_id]
            if lines:
                keystore.remove_many(lines)
    # the same in memory, so that nothing is written back later
    if room_id:
        client.encrypted_rooms.discard(room_id)
        olm.outbound_group_sessions.pop(room_id, None)
        olm.inbound_group_store._entries.pop(room_id, None)
        for request_id, request in list(olm.outgoing_key_requests.items()):
            if request.room_id == room_id:
                del olm.outgoing_key_requests[request_id]
    if user_id:
        olm.device_store._entries.pop(user_id, None)
        for key in curve_keys:
            olm.session_store._entries.pop(key, None)
            for senders in olm.inbound_group_store._entries.values():
                senders.pop(key, None)
        olm.tracked_users.discard(user_id)
        olm.users_for_key_query.discard(user_id)


@dataclass
class _Invite:
    """The parts of an InviteMemberEvent that _on_invite reads (for invites found at start)."""

    state_key: str
    sender: str
    membership: str


def _tx_id(key: str, part: int) -> str:
    """The Matrix transaction id of part `part` of the outbox message with dedupe key
    `key`: the same on every try (the key may name a person: only its hash is sent)."""
    return f"imbot-{hashlib.sha256(key.encode()).hexdigest()[:32]}-{part}"


def _pieces(reply: Outbound) -> list[Outbound]:
    """A reply as the events that send it, each an `Outbound` of its own: its text
    (with the choices), then one per file; a failed one goes to the outbox with those
    after it, so nothing sent already is sent again."""
    pieces = [replace(reply, files=())] if reply.text or not reply.files else []
    pieces.extend(Outbound("", files=(f,), lang=reply.lang) for f in reply.files)
    return pieces


def _render(reply: Outbound) -> tuple[str, str]:
    """Plain body and Matrix HTML: text with line breaks, choices as a numbered list."""
    plain = reply.text
    formatted = html.escape(reply.text).replace("\n", "<br>")
    if reply.buttons:
        # a notice from the outbox carries no language: its own words tell
        hint = t("reply_with_number", reply.lang or guess_lang(reply.text, "de"))
        plain += "\n" + "\n".join(numbered(reply.buttons)) + f"\n{hint}"
        items = "".join(f"<li>{html.escape(b.label)}</li>" for b in reply.buttons)
        formatted += f"<ol>{items}</ol><p><i>{html.escape(hint)}</i></p>"
    return plain, formatted


def _is_direct(room: MatrixRoom) -> bool:
    """A room of the bot and one person (joined or invited) is a private chat."""
    return room.member_count <= 2


def _left_or_raise(resp) -> None:
    """Leaving or forgetting a room: done, also when the bot is no longer in it."""
    if isinstance(resp, ErrorResponse) and resp.status_code in ("M_FORBIDDEN", "M_NOT_FOUND"):
        log.info("leaving an erased person's room: the bot is not in it (%s)", resp.status_code)
        return
    _raise_for(resp)


def _raise_for(resp) -> None:
    """Map a nio error response to the dispatcher's errors."""
    if isinstance(resp, RoomSendResponse | UploadResponse) or not isinstance(resp, ErrorResponse):
        return
    code = resp.status_code or ""
    if code == "M_LIMIT_EXCEEDED":
        raise dispatch.RetryAfter((resp.retry_after_ms or 1000) / 1000)
    if code in ("M_FORBIDDEN", "M_UNKNOWN_TOKEN", "M_NOT_FOUND"):
        raise dispatch.Unreachable(f"{code}: {resp.message}")
    raise dispatch.TransientError(f"{code}: {resp.message}")


def _without_reply_fallback(body: str) -> str:
    """A reply's own text: clients that quote the message replied to ("> <@bot> …"
    lines, then an empty line) put that quote first in the body."""
    lines = body.splitlines()
    if not lines or not lines[0].startswith(">"):
        return body
    while lines and lines[0].startswith(">"):
        lines.pop(0)
    return "\n".join(lines).strip()
