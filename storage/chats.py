"""What a chat keeps between messages and restarts (`chat_states`): the language chosen
with /sprache in it, the choices of the last reply it was shown, with when, and the
language of the conversation (the bot's last reply there: a "2" or "ja" after a
restart is answered in it), kept in the JSON of the choices column ("seen").

The router keeps this in memory and writes the chats that changed in one transaction
(`save`, called after a console line and on every tick of `imbot run`), so an update
costs no statement for it; it reads a chat's row only when a message needs it (a
number or a "ja" typed with nothing in memory, a message that says no language) and
the chosen languages once at the start (`langs`)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select, tuple_, update
from sqlalchemy.orm import Session, sessionmaker

from storage.db import dialect_insert
from storage.models import ChatStateRow
from storage.repo import UnitOfWork, read_connection

__all__ = ["ChatStates", "Choice", "SavedChat", "close_naming", "export", "forget"]

Choice = tuple[str, str, bool, int | None]  # label, data, confirms, number
_CHUNK = 400  # chats per DELETE (two parameters each)


@dataclass(frozen=True)
class SavedChat:
    platform: str
    chat_id: str
    lang: str | None
    choices: tuple[Choice, ...]
    shown_at: datetime | None
    prompt: str = ""  # the text of the message that showed the choices
    # an open question whose choices a later list replaced before it was answered
    replaced: tuple[Choice, ...] = ()
    replaced_prompt: str = ""
    seen: str | None = None  # the conversation's language: of the bot's last reply here


class ChatStates:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def langs(self) -> dict[tuple[str, str], str]:
        """The languages chosen with /sprache, per (platform, chat): one SELECT."""
        stmt = select(ChatStateRow.platform, ChatStateRow.chat_id, ChatStateRow.lang).where(
            ChatStateRow.lang.is_not(None)
        )
        with read_connection(self._sessions) as conn:
            return {(p, c): lang for p, c, lang in conn.execute(stmt)}

    def load(self, platform: str, chat_id: str) -> SavedChat | None:
        stmt = select(ChatStateRow).where(
            ChatStateRow.platform == platform, ChatStateRow.chat_id == chat_id
        )
        with UnitOfWork(self._sessions, read_only=True) as uow:
            row = uow.session.scalars(stmt).first()
            if row is None:
                return None
            return SavedChat(
                platform,
                chat_id,
                row.lang,
                _choices(row.choices),
                row.shown_at,
                _prompt(row.choices),
                _choices(row.choices, "replaced"),
                _prompt(row.choices, "replaced_prompt"),
                _seen(row.choices),
            )

    def save(self, chats: Iterable[SavedChat], now: datetime) -> None:
        """Write these chats' states (an upsert each) in one transaction."""
        chats = list(chats)
        if not chats:
            return
        with UnitOfWork(self._sessions) as uow:
            forget(uow.session, [(c.platform, c.chat_id) for c in chats if _empty(c)])
            for chat in (c for c in chats if not _empty(c)):
                row = {
                    "lang": chat.lang,
                    "choices": _dump(chat) if chat.choices or chat.seen else None,
                    "shown_at": chat.shown_at if chat.choices else None,
                    "updated_at": now,
                }
                stmt = dialect_insert(uow.session, ChatStateRow.__table__).values(
                    platform=chat.platform, chat_id=chat.chat_id, **row
                )
                uow.session.execute(
                    stmt.on_conflict_do_update(index_elements=["platform", "chat_id"], set_=row)
                )
            uow.commit()


def forget(session: Session, chats: Iterable[tuple[str, str]]) -> None:
    """Erase what these chats keep (inside the caller's transaction)."""
    chats = [(p, c) for p, c in chats if c]
    key = tuple_(ChatStateRow.platform, ChatStateRow.chat_id)
    for i in range(0, len(chats), _CHUNK):  # below every database's limit of parameters
        session.execute(delete(ChatStateRow).where(key.in_(chats[i : i + _CHUNK])))


def close_naming(session: Session, names: Iterable[str]) -> None:
    """Close the open choices of every chat whose kept question names one of these
    people (an erased person's request in their buddy's chat); the chat's chosen
    language stays, the conversation's goes with the choices (inside the caller's
    transaction)."""
    for name in names:
        for form in {name, json.dumps(name)[1:-1]}:  # as written in the JSON ("J\u00fcrgen")
            session.execute(
                update(ChatStateRow)
                .where(ChatStateRow.choices.contains(form, autoescape=True))
                .values(choices=None, shown_at=None)
            )


def export(session: Session, chats: Iterable[tuple[str, str]]) -> list[dict]:
    """What these chats keep, as plain data (for /meinedaten)."""
    chats = [(p, c) for p, c in chats if c]
    if not chats:
        return []
    key = tuple_(ChatStateRow.platform, ChatStateRow.chat_id)
    rows = session.scalars(select(ChatStateRow).where(key.in_(chats)).order_by(ChatStateRow.id))
    return [
        {
            "platform": r.platform,
            "lang": r.lang,
            "last_choices": [c[0] for c in _choices(r.choices)],
            "last_choices_message": _prompt(r.choices) or None,
            # a question still open that a later list replaced (asked back if picked from it)
            "replaced_choices": [c[0] for c in _choices(r.choices, "replaced")],
            "shown_at": r.shown_at.isoformat() if r.shown_at and r.choices else None,
            # the language of the bot's last reply in this chat ("2" or "ja" are answered in it)
            "conversation_lang": _seen(r.choices),
        }
        for r in rows
    ]


def _empty(chat: SavedChat) -> bool:
    return chat.lang is None and not chat.choices and chat.seen is None


PROMPT_CHARS = 1000  # of the message that showed the choices, kept with them


def _dump(chat: SavedChat) -> str:
    """The choices as a JSON list; with the message that showed them, an object
    {"prompt": …, "choices": […]} (rows written before hold the bare list), and
    with an open question a later list replaced, its choices and text as well
    ("replaced", "replaced_prompt"), and the conversation's language ("seen"; alone
    when no choices are open)."""
    if not chat.prompt and not chat.replaced and not chat.seen:
        return json.dumps(chat.choices)
    found: dict = {"choices": chat.choices}
    if chat.choices:
        found["prompt"] = chat.prompt[:PROMPT_CHARS]
    if chat.choices and chat.replaced:
        found["replaced"] = chat.replaced
        found["replaced_prompt"] = chat.replaced_prompt[:PROMPT_CHARS]
    if chat.seen:
        found["seen"] = chat.seen
    return json.dumps(found)


def _seen(raw: str | None) -> str | None:
    """The conversation's language kept with the choices (None in older rows)."""
    try:
        found = json.loads(raw) if raw else None
    except ValueError:
        return None
    seen = found.get("seen") if isinstance(found, dict) else None
    return seen if seen in ("de", "en") else None


def _prompt(raw: str | None, key: str = "prompt") -> str:
    try:
        found = json.loads(raw) if raw else None
    except ValueError:
        return ""
    prompt = found.get(key) if isinstance(found, dict) else None
    return prompt if isinstance(prompt, str) else ""


def _choices(raw: str | None, key: str = "choices") -> tuple[Choice, ...]:
    if not raw:
        return ()
    try:
        rows = json.loads(raw)
        if isinstance(rows, dict):
            rows = rows.get(key) or []
        elif key != "choices":
            return ()
        return tuple(
            (str(r[0]), str(r[1]), bool(r[2]), r[3] if isinstance(r[3], int) else None)
            for r in rows
        )
    except (ValueError, TypeError, IndexError):  # a row written by hand: no choices
        return ()
