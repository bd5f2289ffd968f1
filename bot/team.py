"""The team's tools, the same for the command line (`imbot admin stats|outbox|announce`)
and the admins' chat commands (/statistik, /postausgang, /rundmail): counts,
the outbox's rows and retrying a failed one, the recipients of an announcement and
queueing it. Plain data in, plain data out; the callers word it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.texts import t
from storage import outbox
from storage.models import (
    AnnouncementDraft,
    ChatIdentity,
    FaqCount,
    Invite,
    Meeting,
    OutboxRow,
    Pair,
    Person,
    Subscription,
)

__all__ = [
    "ANNOUNCE_GROUPS",
    "MAX_ANNOUNCEMENT",
    "OUTBOX_STATES",
    "Stats",
    "Team",
    "TeamError",
    "announcement",
    "outbox_counts",
    "outbox_rows",
    "pair_recipients",
    "queue_announcement",
    "recipients",
    "retry",
    "stats",
]

ANNOUNCE_GROUPS = ("applicants", "experts", "buddies")
ROLE_OF_GROUP = {"experts": "expert", "buddies": "buddy"}
MAX_ANNOUNCEMENT = 4000  # characters per language
# every state an outbox row can be in (storage.outbox), in the order they are shown
OUTBOX_STATES = ("pending", "claimed", "failed", "unreachable", "sent", "dropped", "cancelled")
Recipient = tuple[str, str, str]  # platform, chat id, language


class TeamError(Exception):
    """A refusal: the text key and its fields."""

    def __init__(self, key: str, **fields: object) -> None:
        super().__init__(key)
        self.key = key
        self.fields = fields


# -- statistics ---------------------------------------------------------------------
@dataclass(frozen=True)
class Stats:
    roles: dict[str, int]  # active people per role
    subscribers: int
    open_invites: int
    expired_invites: int
    answered: int  # questions since Monday
    unanswered: int
    held: int
    upcoming: int
    cancelled: int
    reminders: dict[str, int]  # timeline and meeting reminders per outbox state


def stats(session: Session, now: datetime) -> Stats:
    """Counts only: nobody's name or message."""
    week = (now - timedelta(days=now.weekday())).date()  # since Monday
    count = select(func.count())
    roles = dict(
        session.execute(
            select(Person.role, func.count())
            .where(Person.erased_at.is_(None), Person.revoked_at.is_(None))
            .group_by(Person.role)
        ).all()
    )
    subscribers = session.scalar(count.where(Subscription.stopped_at.is_(None))) or 0
    unused = (
        select(Invite.expires_at)
        .join(Person)
        .where(Invite.used_at.is_(None), Person.revoked_at.is_(None), Person.erased_at.is_(None))
    )
    invites = list(session.scalars(unused))
    asked = dict(
        session.execute(
            select(FaqCount.confident, func.sum(FaqCount.count))
            .where(FaqCount.day >= week)
            .group_by(FaqCount.confident)
        ).all()
    )
    held = session.scalar(count.where(Meeting.state == "confirmed", Meeting.ends_at <= now)) or 0
    upcoming = session.scalar(
        count.where(Meeting.state.in_(("requested", "confirmed")), Meeting.ends_at > now)
    )
    cancelled = session.scalar(count.where(Meeting.state == "cancelled")) or 0
    box = dict(
        session.execute(
            select(OutboxRow.state, func.count())
            .where(OutboxRow.kind.in_(("timeline", "meeting")))
            .group_by(OutboxRow.state)
        ).all()
    )
    return Stats(
        roles=roles,
        subscribers=subscribers,
        open_invites=len(invites),
        expired_invites=sum(1 for e in invites if e <= now),
        answered=int(asked.get(True) or 0),
        unanswered=int(asked.get(False) or 0),
        held=held,
        upcoming=upcoming or 0,
        cancelled=cancelled,
        reminders=box,
    )


# -- the outbox ---------------------------------------------------------------------
def outbox_counts(session: Session) -> dict[str, int]:
    stmt = select(OutboxRow.state, func.count()).group_by(OutboxRow.state)
    return {state: n for state, n in session.execute(stmt)}


def check_states(states: list[str]) -> list[str]:
    """The states, or TeamError("outbox_bad_state") naming the unknown one."""
    for state in states:
        if state not in OUTBOX_STATES:
            raise TeamError("outbox_bad_state", state=state[:20], known=", ".join(OUTBOX_STATES))
    return states


def outbox_rows(session: Session, states: list[str], limit: int) -> list[OutboxRow]:
    """Rows in these states, the oldest due first."""
    stmt = (
        select(OutboxRow)
        .where(OutboxRow.state.in_(check_states(states)))
        .order_by(OutboxRow.due_at, OutboxRow.id)
        .limit(limit)
    )
    return list(session.scalars(stmt))


def retry(session: Session, row_id: int, now: datetime) -> None:
    """A failed row is due again, with its attempts counted from zero (commit after).
    TeamError when there is no such row or it did not fail."""
    row = session.get(OutboxRow, row_id)
    if row is None:
        raise TeamError("outbox_unknown", id=row_id)
    if row.state != outbox.FAILED:
        raise TeamError("outbox_not_failed", id=row_id, state=row.state)
    session.execute(
        update(OutboxRow)
        .where(OutboxRow.id == row_id, OutboxRow.state == outbox.FAILED)
        .values(state=outbox.PENDING, attempts=0, due_at=now, last_error=None)
    )


# -- announcements ------------------------------------------------------------------
def recipients(session: Session, group: str) -> list[Recipient]:
    """(platform, chat_id, language) of a group: subscribed applicants, or linked
    experts/buddies that have not blocked the bot. A chat is listed once."""
    if group == "applicants":
        stmt = select(Subscription.platform, Subscription.chat_id, Subscription.lang).where(
            Subscription.stopped_at.is_(None)
        )
    else:
        stmt = (
            select(ChatIdentity.platform, ChatIdentity.chat_id, Person.lang)
            .join(Person)
            .where(
                Person.role == ROLE_OF_GROUP[group],
                Person.revoked_at.is_(None),
                Person.erased_at.is_(None),
                ChatIdentity.unreachable_at.is_(None),
            )
        )
    return _once(session.execute(stmt).all())


def pair_recipients(session: Session, expert_id: int) -> tuple[str, str, list[Recipient]]:
    """The expert's and their buddy's names and chats; TeamError if there is no buddy."""
    pair = session.scalars(select(Pair).where(Pair.expert_id == expert_id)).first()
    expert = session.get(Person, expert_id)
    name = (expert.name if expert else None) or f"#{expert_id}"
    if pair is None:
        raise TeamError("announce_no_buddy", name=name)
    stmt = (
        select(ChatIdentity.platform, ChatIdentity.chat_id, Person.lang)
        .join(Person)
        .where(
            Person.id.in_((pair.expert_id, pair.buddy_id)),
            Person.revoked_at.is_(None),
            Person.erased_at.is_(None),
            ChatIdentity.unreachable_at.is_(None),
        )
    )
    buddy = session.get(Person, pair.buddy_id)
    return name, (buddy.name if buddy else None) or "?", _once(session.execute(stmt).all())


def _once(rows) -> list[Recipient]:
    chats: dict[tuple[str, str], str] = {}
    for platform, chat_id, lang in sorted(rows):
        chats.setdefault((platform, chat_id), lang if lang in ("de", "en") else "de")
    return [(p, c, lang) for (p, c), lang in chats.items()]


def announcement(text: str, group: str, lang: str) -> str:
    """The message as a recipient reads it: who sends it, the text, how to stop."""
    stop = {"applicants": "announce_stop_applicants", "buddies": "announce_stop_staff"}.get(
        group, "announce_stop_members"
    )  # the buddies are Lokalprojekte's staff: no "erase your data to stop" (tryout6 #26)
    return f"{t('announce_from', lang)}\n\n{text}\n\n{t(stop, lang)}"


def queue_announcement(
    session: Session,
    group: str,
    texts: dict[str, str],
    targets: list[Recipient],
    now: datetime,
) -> str:
    """One outbox row per chat, in its language (commit after); returns the rows' ref."""
    ref = f"announce:{now:%Y%m%d%H%M%S}-{uuid.uuid4().hex[:6]}"
    drafts = [
        outbox.Draft(
            kind="announce",
            dedupe_key=f"{ref}:{p}:{c}",
            platform=p,
            chat_id=c,
            text=announcement(texts[lang], group, lang),
            due_at=now,
            ref=ref,
        )
        for p, c, lang in targets
    ]
    outbox.enqueue(session, drafts, now)
    return ref


# -- the service the chat commands use ----------------------------------------------
DRAFT_KEEP = timedelta(hours=1)  # a preview older than this is not sent any more


class Team:
    """The team's tools for the admins' chat commands, on the same functions as the
    command line. Every call is one transaction."""

    def __init__(self, sessions: sessionmaker[Session], clock: Callable[[], datetime]) -> None:
        self._sessions = sessions
        self._clock = clock

    def stats(self) -> Stats:
        with self._sessions() as s:
            return stats(s, self._clock())

    def outbox(self, states: list[str], limit: int = 20) -> tuple[dict[str, int], list[OutboxRow]]:
        with self._sessions() as s:
            return outbox_counts(s), outbox_rows(s, states, limit)

    def recipients_named(self, chats: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
        """The names of the people these (platform, chat id) belong to; a chat of no
        person (an applicant) or of an erased one is left out."""
        if not chats:
            return {}
        with self._sessions() as s:
            stmt = (
                select(ChatIdentity.platform, ChatIdentity.chat_id, Person.name)
                .join(Person)
                .where(
                    ChatIdentity.chat_id.in_({c for _, c in chats}),
                    Person.erased_at.is_(None),
                )
            )
            wanted = set(chats)
            return {(p, c): n for p, c, n in s.execute(stmt) if (p, c) in wanted and n}

    def retry(self, row_id: int) -> None:
        with self._sessions() as s:
            retry(s, row_id, self._clock())
            s.commit()

    def targets(self, audience: str, expert_id: int | None) -> tuple[dict, list[Recipient]]:
        """Who would get it: the fields that name the group, and the chats."""
        with self._sessions() as s:
            if audience == "pair":
                expert, buddy, chats = pair_recipients(s, expert_id or 0)
                return {"expert": expert, "buddy": buddy}, chats
            return {}, recipients(s, audience)

    def keep_draft(
        self, person_id: int, audience: str, expert_id: int | None, texts: dict[str, str]
    ) -> str:
        """Store the previewed announcement (replacing the admin's previous one); its token."""
        token, now = uuid.uuid4().hex[:16], self._clock()
        with self._sessions() as s:
            s.execute(  # the admin's previous draft, and anyone's draft too old to be sent
                delete(AnnouncementDraft).where(
                    (AnnouncementDraft.person_id == person_id)
                    | (AnnouncementDraft.created_at <= now - DRAFT_KEEP)
                )
            )
            s.add(
                AnnouncementDraft(
                    token=token,
                    person_id=person_id,
                    audience=audience,
                    expert_id=expert_id,
                    text_de=texts["de"],
                    text_en=texts["en"],
                    created_at=now,
                )
            )
            s.commit()
        return token

    def drop_draft(self, person_id: int, token: str) -> bool:
        with self._sessions() as s:
            gone = s.execute(
                delete(AnnouncementDraft).where(
                    AnnouncementDraft.person_id == person_id, AnnouncementDraft.token == token
                )
            ).rowcount
            s.commit()
        return bool(gone)

    def send_draft(self, person_id: int, token: str) -> tuple[str, int] | None:
        """Queue the admin's draft `token` for its recipients as they are now, and
        delete it, in one transaction: (the outbox ref, chats). None if the draft is
        gone (sent, cancelled, replaced) or older than DRAFT_KEEP: nothing is sent."""
        now = self._clock()
        with self._sessions() as s:
            draft = s.scalars(
                select(AnnouncementDraft).where(
                    AnnouncementDraft.person_id == person_id, AnnouncementDraft.token == token
                )
            ).first()
            if draft is None:
                return None
            claimed = s.execute(
                delete(AnnouncementDraft).where(AnnouncementDraft.id == draft.id)
            ).rowcount  # of two presses at once, one deletes it and sends
            if not claimed or draft.created_at <= now - DRAFT_KEEP:
                s.commit()
                return None
            if draft.audience == "pair":
                chats = pair_recipients(s, draft.expert_id or 0)[2]
            else:
                chats = recipients(s, draft.audience)
            texts = {"de": draft.text_de, "en": draft.text_en}
            ref = queue_announcement(s, draft.audience, texts, chats, now)
            s.commit()
            return ref, len(chats)
