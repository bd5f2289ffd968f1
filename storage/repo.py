"""Repositories and a unit of work around SQLAlchemy sessions.

Callers do `with UnitOfWork(sessions) as uow: ...; uow.commit()`; leaving the
block without commit rolls back, so nothing is ever half-written.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection, Engine, bindparam, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker

from storage import outbox
from storage.models import ChatIdentity, FaqCount, FaqLog, Invite, Pair, Person, Role
from storage.text import storable

__all__ = [
    "FaqLogRepository",
    "PeopleRepository",
    "UnansweredQuestion",
    "UnitOfWork",
    "admin_chats",
    "read_connection",
    "read_session",
    "session_factory",
]


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def read_session(factory: sessionmaker[Session]) -> Session:
    """A session for one read that needs no transaction (a single SELECT): its
    connection runs in autocommit, so the driver sends no BEGIN before the query and
    no ROLLBACK after it (one round trip instead of three on PostgreSQL). The pool
    resets the connection's isolation level when it is returned. Not for writes, nor
    for reads that must see one snapshot across statements."""
    bind = factory.kw.get("bind")
    if not isinstance(bind, Engine):
        return factory()
    return factory(bind=_autocommit(bind))


def _autocommit(bind: Engine) -> Engine:
    autocommit = bind.__dict__.get("_imbot_autocommit")
    if autocommit is None:  # one option engine per engine (it shares the engine's pool)
        autocommit = bind.__dict__["_imbot_autocommit"] = bind.execution_options(
            isolation_level="AUTOCOMMIT"
        )
    return autocommit


@contextlib.contextmanager
def read_connection(factory: sessionmaker[Session]) -> Iterator[Connection | Session]:
    """For one Core statement (table columns, no ORM objects) that needs no transaction:
    a pooled connection in autocommit as `read_session`'s, without a Session around it
    (its bookkeeping cost about a fifth of the CPU of such a read on PostgreSQL: 0.23 vs
    0.29 ms). Use only `execute(statement, parameters)`; a factory bound to something
    other than an Engine gives a Session, which has the same method."""
    bind = factory.kw.get("bind")
    if not isinstance(bind, Engine):
        with factory() as session:
            yield session
        return
    with _autocommit(bind).connect() as conn:
        yield conn


@functools.cache
def admin_chats(s: Session) -> list[tuple[str, str, str]]:
    """(platform, chat id, language) of every chat of an admin still taking part that
    can be reached: the team when no team chats are configured."""
    stmt = (
        select(ChatIdentity.platform, ChatIdentity.chat_id, Person.lang)
        .join(Person, Person.id == ChatIdentity.person_id)
        .where(
            Person.role == Role.ADMIN.value,
            Person.revoked_at.is_(None),
            Person.erased_at.is_(None),
            ChatIdentity.unreachable_at.is_(None),
        )
        .order_by(ChatIdentity.id)
    )
    return [(p, c, lang) for p, c, lang in s.execute(stmt)]


def _count_upsert(dialect: str):
    table = FaqCount.__table__
    stmt = (postgresql if dialect == "postgresql" else sqlite).insert(table)
    stmt = stmt.values(
        day=bindparam("day"), lang=bindparam("lang"), confident=bindparam("confident"), count=1
    )
    return stmt.on_conflict_do_update(
        index_elements=["day", "lang", "confident"], set_={"count": table.c.count + 1}
    )


@dataclass(frozen=True)
class UnansweredQuestion:
    id: int  # the newest row of the group; `delete_group(id)` deletes the whole group
    question: str
    lang: str
    best_guess: str | None
    score: float
    count: int
    last_asked: datetime
    state: str = "open"  # open, forwarded, answered, dismissed, added (see bot.handoff)


class FaqLogRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(
        self,
        *,
        question: str,
        lang: str,
        best_guess: str | None,
        score: float,
        confident: bool,
        asked_at: datetime,
        handoff_key: str | None = None,
    ) -> FaqLog:
        row = FaqLog(
            question=storable(question),
            lang=lang,
            best_guess=best_guess,
            score=score,
            confident=confident,
            asked_at=asked_at,
            handoff_key=handoff_key,
        )
        self.session.add(row)
        return row

    def count(self, *, day: date, lang: str, confident: bool) -> None:
        """Add one to the day's anonymous count (an upsert, safe for concurrent bots).
        Every question does this: the statement is built once per database, and runs
        as plain SQL with the values as parameters (no ORM bulk step)."""
        stmt = _count_upsert(self.session.get_bind().dialect.name)
        self.session.execute(stmt, {"day": day, "lang": lang, "confident": confident})

    def unanswered(
        self, *, since: datetime | None = None, limit: int = 50, state: str | None = None
    ) -> list[UnansweredQuestion]:
        """Unconfident questions, identical texts in one state grouped, most asked
        first; `state` ("open", "forwarded", …) keeps that state only."""
        last = func.max(FaqLog.asked_at).label("last_asked")
        count = func.count().label("n")
        stmt = (
            select(
                func.max(FaqLog.id),
                FaqLog.question,
                FaqLog.lang,
                func.max(FaqLog.best_guess),
                func.max(FaqLog.score),
                count,
                last,
                FaqLog.state,
            )
            .where(FaqLog.confident.is_(False))
            .group_by(FaqLog.question, FaqLog.lang, FaqLog.state)
            .order_by(count.desc(), last.desc())
            .limit(limit)
        )
        if since is not None:
            stmt = stmt.where(FaqLog.asked_at >= since)
        if state == "open":
            stmt = stmt.where(FaqLog.state.is_(None))
        elif state is not None:
            stmt = stmt.where(FaqLog.state == state)
        rows = self.session.execute(stmt)
        return [UnansweredQuestion(*row[:7], state=row[7] or "open") for row in rows]

    def delete_group(self, row_id: int) -> int:
        """Delete the question of row `row_id` with every identical one, and the team's
        messages about them (forwarded copies, answers: cancelled and stripped); rows
        deleted."""
        row = self.session.get(FaqLog, row_id)
        if row is None:
            return 0
        same = (FaqLog.question == row.question) & (FaqLog.lang == row.lang)
        ids = list(self.session.scalars(select(FaqLog.id).where(same)))
        outbox.forget(self.session, chats=[], refs=[f"team:{i}" for i in ids], names=[])
        return self.session.execute(delete(FaqLog).where(same)).rowcount

    def delete_older(self, before: datetime) -> int:
        """Delete the questions asked before `before`; rows deleted."""
        return self.session.execute(delete(FaqLog).where(FaqLog.asked_at < before)).rowcount


class PeopleRepository:
    """People, their chat identities, invites and expert-buddy pairs."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, person: Person) -> Person:
        self.session.add(person)
        self.session.flush()
        return person

    def get(self, person_id: int) -> Person | None:
        return self.session.get(Person, person_id)

    def by_name(self, name: str) -> list[Person]:
        stmt = select(Person).where(func.lower(Person.name) == name.strip().lower())
        return list(self.session.scalars(stmt.order_by(Person.id)))

    def all(self) -> list[Person]:
        return list(self.session.scalars(select(Person).order_by(Person.id)))

    def by_identity(self, platform: str, platform_user_id: str) -> Person | None:
        stmt = (
            select(Person)
            .join(ChatIdentity)
            .where(ChatIdentity.platform == platform)
            .where(ChatIdentity.platform_user_id == platform_user_id)
        )
        return self.session.scalars(stmt).first()

    def identity(self, platform: str, platform_user_id: str) -> ChatIdentity | None:
        stmt = select(ChatIdentity).where(
            ChatIdentity.platform == platform, ChatIdentity.platform_user_id == platform_user_id
        )
        return self.session.scalars(stmt).first()

    def invite(self, code: str) -> Invite | None:
        return self.session.scalars(select(Invite).where(Invite.code == code)).first()

    def claim_invite(self, invite_id: int, now: datetime) -> bool:
        """Mark an invite used if it still is unused and valid. One conditional UPDATE,
        so of two simultaneous claims (on SQLite or PostgreSQL) exactly one wins."""
        stmt = (
            update(Invite)
            .where(Invite.id == invite_id, Invite.used_at.is_(None), Invite.expires_at > now)
            .values(used_at=now)
        )
        return self.session.execute(stmt).rowcount == 1

    def invites_of(self, person_id: int) -> list[Invite]:
        stmt = select(Invite).where(Invite.person_id == person_id).order_by(Invite.id)
        return list(self.session.scalars(stmt))

    def pair_of_expert(self, expert_id: int) -> Pair | None:
        return self.session.scalars(select(Pair).where(Pair.expert_id == expert_id)).first()

    def pairs_of(self, person_id: int) -> list[Pair]:
        stmt = select(Pair).where((Pair.expert_id == person_id) | (Pair.buddy_id == person_id))
        return list(self.session.scalars(stmt.order_by(Pair.id)))

    def delete(self, obj: object) -> None:
        self.session.delete(obj)


class UnitOfWork:
    def __init__(
        self, factory: sessionmaker[Session], *, read_only: bool = False, autocommit: bool = False
    ) -> None:
        self._factory = factory
        # read_only: one SELECT, no transaction (see read_session); autocommit: one
        # statement that is whole by itself (a single DELETE, an upsert), committed
        # as it runs; no BEGIN and COMMIT around it
        self._read_only = read_only or autocommit

    def __enter__(self) -> UnitOfWork:
        self.session = read_session(self._factory) if self._read_only else self._factory()
        self.faq_log = FaqLogRepository(self.session)
        self.people = PeopleRepository(self.session)
        return self

    def commit(self) -> None:
        self.session.commit()

    def __exit__(self, *exc) -> None:
        self.session.rollback()
        self.session.close()
