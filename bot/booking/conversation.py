"""What a chat is being asked right now, kept in the database: a picker of
meetings, a choice of scope (this one / this and following / the whole series), a
confirmation before cancelling, a page of free slots. The next reply of that chat
is read against it first. A question left unanswered for an hour is forgotten."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import bindparam, delete, select

from bot.booking.base import BookingBase
from storage.db import dialect_insert
from storage.models import Conversation
from storage.repo import UnitOfWork

__all__ = ["Asked", "ConversationMixin"]

KEEP = timedelta(hours=1)


@dataclass(frozen=True)
class Asked:
    kind: str  # e.g. "pick_cancel", "pick_move", "scope_cancel", "confirm_cancel", "slots"
    data: dict


# every booking made forgets what its chat was asked: the statement is built once
_FORGET = delete(Conversation).where(
    Conversation.platform == bindparam("platform"), Conversation.chat_id == bindparam("chat_id")
)


class ConversationMixin(BookingBase):
    def asked(self, platform: str, chat_id: str) -> Asked | None:
        with UnitOfWork(self._sessions, read_only=True) as uow:  # one SELECT
            row = uow.session.scalars(
                select(Conversation).where(
                    Conversation.platform == platform, Conversation.chat_id == chat_id
                )
            ).first()
            if row is None or row.updated_at <= self._clock() - KEEP:
                return None
            return Asked(row.kind, json.loads(row.data))

    def ask(self, platform: str, chat_id: str, person_id: int, kind: str, data: dict) -> None:
        """Remember what this chat is asked now (replacing what it was asked before):
        one upsert on the chat, whole by itself, so no transaction around it."""
        row = {"person_id": person_id, "kind": kind, "data": json.dumps(data)}
        row["updated_at"] = self._clock()
        with UnitOfWork(self._sessions, autocommit=True) as uow:
            stmt = dialect_insert(uow.session, Conversation.__table__).values(
                platform=platform, chat_id=chat_id, **row
            )
            uow.session.execute(
                stmt.on_conflict_do_update(index_elements=["platform", "chat_id"], set_=row)
            )
            uow.commit()

    def forget(self, platform: str, chat_id: str) -> None:
        with UnitOfWork(self._sessions, autocommit=True) as uow:  # one DELETE
            uow.session.execute(_FORGET, {"platform": platform, "chat_id": chat_id})
            uow.commit()
