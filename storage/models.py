"""SQLAlchemy 2.0 models. Every timestamp is stored in UTC (`timestamptz` on PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from enum import StrEnum

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    Time,
    TypeDecorator,
    UniqueConstraint,
    false,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

__all__ = [
    "Availability",
    "Base",
    "CalendarFeed",
    "ChatIdentity",
    "ChatStateRow",
    "Conversation",
    "Edition",
    "FaqLog",
    "Invite",
    "Meeting",
    "MeetingCell",
    "FaqCount",
    "MeetingEvent",
    "MeetingState",
    "Milestone",
    "NextCallWatch",
    "OutboxRow",
    "Pair",
    "Person",
    "Role",
    "Series",
    "Subscription",
    "UtcDateTime",
]


class Role(StrEnum):
    APPLICANT = "applicant"
    EXPERT = "expert"
    BUDDY = "buddy"
    ADMIN = "admin"


class MeetingState(StrEnum):
    REQUESTED = "requested"
    CONFIRMED = "confirmed"
    DECLINED = "declined"
    EXPIRED = "expired"
    CANCELLED = "cancelled"


ACTIVE_STATES = (MeetingState.REQUESTED.value, MeetingState.CONFIRMED.value)


class UtcDateTime(TypeDecorator):
    """A timezone-aware datetime stored in UTC; SQLite gives it back aware too."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: pass an aware datetime (UTC)")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    pass


class FaqLog(Base):
    """A question the bot could not answer with confidence. No chat identity is stored."""

    __tablename__ = "faq_log"
    __table_args__ = {"sqlite_autoincrement": True}  # its id is the team's number: never reused

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    asked_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    question: Mapped[str] = mapped_column(Text)
    lang: Mapped[str] = mapped_column(String(2))
    best_guess: Mapped[str | None] = mapped_column(String(64))
    score: Mapped[float] = mapped_column(Float)
    confident: Mapped[bool] = mapped_column(Boolean, default=False)
    # the hand-off to the team (0017): NULL state is an open question; "forwarded" once
    # the asker pressed "Ask the team" (only then the chat is stored, to send the answer
    # back), "answered", "dismissed", "added" (attached as an example question)
    state: Mapped[str | None] = mapped_column(String(12), index=True)
    handoff_key: Mapped[str | None] = mapped_column(String(16))  # the button's secret
    platform: Mapped[str | None] = mapped_column(String(16))
    user_id: Mapped[str | None] = mapped_column(String(255))
    chat_id: Mapped[str | None] = mapped_column(String(255))
    forwarded_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    off_hours: Mapped[bool | None] = mapped_column(Boolean)  # forwarded outside office hours
    answer: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    answered_by: Mapped[int | None] = mapped_column(Integer)  # the admin (people.id)
    example_of: Mapped[str | None] = mapped_column(String(64))  # the entry it was added to


class Person(Base):
    """Someone the bot knows by an invite. Erasure blanks the personal fields and
    keeps the row (role, dates) so anonymous counts stay right."""

    __tablename__ = "people"
    __table_args__ = (
        CheckConstraint("role in ('applicant', 'expert', 'buddy', 'admin')", name="ck_people_role"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    lang: Mapped[str] = mapped_column(String(2), default="de")
    # chosen by the person with /sprache; else `lang` follows the language they write
    lang_chosen: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    timezone: Mapped[str | None] = mapped_column(String(64))  # None: IMBOT_TIMEZONE
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    erased_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    slot_minutes: Mapped[int] = mapped_column(Integer, default=45)  # a buddy's Jour Fixe length
    reminder_minutes: Mapped[str] = mapped_column(
        String(64), default="1440,60"
    )  # before a Jour Fixe

    identities: Mapped[list[ChatIdentity]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True
    )

    @property
    def active_role(self) -> Role:
        """The role the person may act in now (revoked or erased: applicant)."""
        if self.revoked_at or self.erased_at:
            return Role.APPLICANT
        return Role(self.role)


class ChatIdentity(Base):
    """A chat account (Telegram user, Matrix user, console login) linked to a person."""

    __tablename__ = "chat_identities"
    __table_args__ = (
        UniqueConstraint("platform", "platform_user_id", name="uq_identity_platform_user"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    platform: Mapped[str] = mapped_column(String(16))
    platform_user_id: Mapped[str] = mapped_column(String(255))
    chat_id: Mapped[str] = mapped_column(String(255))
    linked_at: Mapped[datetime] = mapped_column(UtcDateTime)
    unreachable_at: Mapped[datetime | None] = mapped_column(UtcDateTime)  # blocked the bot

    person: Mapped[Person] = relationship(back_populates="identities")


class Invite(Base):
    """A single-use code that links a chat identity to a person with a role."""

    __tablename__ = "invites"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    person: Mapped[Person] = relationship()


class Pair(Base):
    """An expert and their Lokalprojekte buddy. One buddy per expert; a buddy has several."""

    __tablename__ = "pairs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    expert_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), unique=True)
    buddy_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    place: Mapped[str | None] = mapped_column(Text)  # where they meet: a video link or an address
    # the place was set for this pair alone (the expert, or the buddy naming them): a
    # buddy's general /ort for all their experts leaves it (unless "für alle")
    place_own: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    expert: Mapped[Person] = relationship(foreign_keys=[expert_id])
    buddy: Mapped[Person] = relationship(foreign_keys=[buddy_id])


class Edition(Base):
    """A program edition (e.g. 2023); its timeline comes with the reminder issue."""

    __tablename__ = "editions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    timezone: Mapped[str] = mapped_column(String(64), default="Europe/Berlin")
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=False)
    remind_time: Mapped[time] = mapped_column(
        Time, default=time(9, 0)
    )  # local time of timeline pushes
    loaded_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    source: Mapped[str | None] = mapped_column(Text)  # the edition file as loaded
    # the call's knowledge base as loaded (NULL: the shipped one), read only when it
    # changes; kb_version (a hash of it) is what the FAQ service checks per answer
    kb_source: Mapped[str | None] = mapped_column(Text, deferred=True)
    kb_version: Mapped[str | None] = mapped_column(String(64))

    milestones: Mapped[list[Milestone]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="Milestone.day"
    )


class Availability(Base):
    """When a buddy is free: weekly (weekday + local times), once (day + local
    times), or off (a day range, e.g. vacation). Local times: the buddy's zone."""

    __tablename__ = "availability"
    __table_args__ = (
        CheckConstraint("kind in ('weekly', 'once', 'off')", name="ck_availability_kind"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    buddy_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(8))
    weekday: Mapped[int | None] = mapped_column(Integer)
    day: Mapped[date | None] = mapped_column(Date)
    day_until: Mapped[date | None] = mapped_column(Date)
    start_time: Mapped[time | None] = mapped_column(Time)
    end_time: Mapped[time | None] = mapped_column(Time)


class Series(Base):
    """Jour Fixes repeated every `interval_weeks` weeks at the same local time."""

    __tablename__ = "series"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    expert_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    buddy_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    interval_weeks: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    uid: Mapped[str | None] = mapped_column(String(80), unique=True, index=True)  # calendar UID


class Meeting(Base):
    """One Jour Fixe. `uid` and `sequence` keep calendar apps on the same event."""

    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(80), unique=True)
    expert_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    buddy_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    series_id: Mapped[int | None] = mapped_column(ForeignKey("series.id", ondelete="SET NULL"))
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    ends_at: Mapped[datetime] = mapped_column(UtcDateTime)
    state: Mapped[str] = mapped_column(String(12), index=True)
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    requested_at: Mapped[datetime] = mapped_column(UtcDateTime)
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    proposed_start: Mapped[datetime | None] = mapped_column(UtcDateTime)  # counter-proposal
    # a series meeting's start as the series planned it (its RECURRENCE-ID once moved)
    occurrence_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(
        Integer
    )  # optimistic lock: concurrent changes fail cleanly

    __mapper_args__ = {"version_id_col": version}

    expert: Mapped[Person] = relationship(foreign_keys=[expert_id])
    buddy: Mapped[Person] = relationship(foreign_keys=[buddy_id])


class MeetingCell(Base):
    """A grid cell (e.g. 15 minutes) of a person's calendar held by an active meeting.
    The primary key (person, cell) makes two overlapping active meetings of one
    person impossible in the database itself, on SQLite and PostgreSQL alike."""

    __tablename__ = "meeting_cells"

    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True
    )
    cell: Mapped[datetime] = mapped_column(UtcDateTime, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )


class MeetingEvent(Base):
    """History of a meeting: requested, confirmed, moved, cancelled, ..."""

    __tablename__ = "meeting_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    action: Mapped[str] = mapped_column(String(16))
    by_person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    old_start: Mapped[datetime | None] = mapped_column(UtcDateTime)
    new_start: Mapped[datetime | None] = mapped_column(UtcDateTime)


class Milestone(Base):
    """A dated step of an edition's timeline, with the days before it to remind."""

    __tablename__ = "milestones"
    __table_args__ = (UniqueConstraint("edition_id", "key", name="uq_milestone_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    edition_id: Mapped[int] = mapped_column(
        ForeignKey("editions.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(64))
    day: Mapped[date] = mapped_column(Date)
    title_de: Mapped[str] = mapped_column(String(200))
    title_en: Mapped[str] = mapped_column(String(200))
    text_de: Mapped[str] = mapped_column(Text)
    text_en: Mapped[str] = mapped_column(Text)
    remind_days: Mapped[str] = mapped_column(String(64))  # e.g. "7,1"


class Subscription(Base):
    """A chat that wants the timeline pushes of an edition (applicants need no invite)."""

    __tablename__ = "subscriptions"
    __table_args__ = (
        UniqueConstraint("edition_id", "platform", "user_id", name="uq_subscription"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    edition_id: Mapped[int] = mapped_column(
        ForeignKey("editions.id", ondelete="CASCADE"), index=True
    )
    platform: Mapped[str] = mapped_column(String(16))
    user_id: Mapped[str] = mapped_column(String(255))
    chat_id: Mapped[str] = mapped_column(String(255))
    lang: Mapped[str] = mapped_column(String(2))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    stopped_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # moved to the next edition when it is activated (/erinnerungen nur-diese: no)
    follow: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())


class NextCallWatch(Base):
    """A chat that wants one message when a new edition (the next call) is activated."""

    __tablename__ = "next_call_watches"
    __table_args__ = (UniqueConstraint("platform", "user_id", name="uq_next_call_watch"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    user_id: Mapped[str] = mapped_column(String(255))
    chat_id: Mapped[str] = mapped_column(String(255))
    lang: Mapped[str] = mapped_column(String(2))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    after_slug: Mapped[str | None] = mapped_column(String(64))  # the edition active then
    notified_at: Mapped[datetime | None] = mapped_column(UtcDateTime)  # fired (once)
    notified_slug: Mapped[str | None] = mapped_column(String(64))


class OutboxRow(Base):
    """One message to send: the single source of truth for every reminder and push.
    `dedupe_key` is unique, so planning the same message twice stores it once;
    a worker claims a row with a lease before it sends it."""

    __tablename__ = "outbox"
    # one chat's pending rows (what the outbox owes it, what waits behind a retry)
    __table_args__ = (Index("ix_outbox_chat", "platform", "chat_id", "state", "due_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # timeline, meeting, pending, announce, notice
    dedupe_key: Mapped[str] = mapped_column(String(200), unique=True)
    ref: Mapped[str | None] = mapped_column(String(255), index=True)  # e.g. meeting:12, sub:2023:…
    platform: Mapped[str] = mapped_column(String(16))
    chat_id: Mapped[str] = mapped_column(String(255))
    text: Mapped[str] = mapped_column(Text)
    buttons: Mapped[str | None] = mapped_column(Text)  # JSON [[label, data], ...]
    file_name: Mapped[str | None] = mapped_column(String(200))
    file_mime: Mapped[str | None] = mapped_column(String(100))
    file_data: Mapped[bytes | None] = mapped_column(LargeBinary)
    due_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    event_at: Mapped[datetime | None] = mapped_column(
        UtcDateTime
    )  # after it, a late reminder is dropped
    state: Mapped[str] = mapped_column(String(12), index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    claimed_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    render: Mapped[str | None] = mapped_column(Text)  # JSON: rendered when sent (jobs.render)
    # parts of the message delivered in earlier tries (a long text's parts, then its
    # files): a retry sends only the rest
    parts_sent: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class Conversation(Base):
    """What a chat is being asked right now (a picker, a confirmation), so that the
    next reply is read in that context. Ids and choices only, no message text."""

    __tablename__ = "conversations"
    __table_args__ = (UniqueConstraint("platform", "chat_id", name="uq_conversation_chat"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    chat_id: Mapped[str] = mapped_column(String(255))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))
    data: Mapped[str] = mapped_column(Text)  # JSON
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ChatStateRow(Base):
    """What a chat keeps between messages and restarts: the language chosen with
    /sprache in it (an applicant has no person to keep it on) and the choices of the
    last reply it was shown, with when (a number typed hours later still picks from
    them). Button labels and data only, no message text."""

    __tablename__ = "chat_states"
    __table_args__ = (UniqueConstraint("platform", "chat_id", name="uq_chat_state_chat"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    chat_id: Mapped[str] = mapped_column(String(255))
    lang: Mapped[str | None] = mapped_column(String(2))  # chosen with /sprache in this chat
    choices: Mapped[str | None] = mapped_column(Text)  # JSON: [[label, data, confirms, number]]
    shown_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class FaqCount(Base):
    """How many questions were answered (or not) per day and language: counts only."""

    __tablename__ = "faq_counts"
    __table_args__ = (UniqueConstraint("day", "lang", "confident", name="uq_faq_count"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date)
    lang: Mapped[str] = mapped_column(String(2))
    confident: Mapped[bool] = mapped_column(Boolean)
    count: Mapped[int] = mapped_column(Integer)


class AnnouncementDraft(Base):
    """An admin's announcement (/rundmail) between its preview and the press of "send":
    kept until sent, cancelled, replaced by the admin's next preview, or erased with
    the admin. One per admin."""

    __tablename__ = "announcement_drafts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token: Mapped[str] = mapped_column(String(32), unique=True)  # in the buttons' data
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), unique=True)
    audience: Mapped[str] = mapped_column(String(16))  # applicants | experts | buddies | pair
    expert_id: Mapped[int | None] = mapped_column(Integer)  # the pair's expert
    text_de: Mapped[str] = mapped_column(Text)
    text_en: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class CalendarFeed(Base):
    """A person's private calendar feed (/calendar/<secret>.ics). Only a SHA-256 hash
    of the secret is stored; renewing replaces it, so the old link stops working."""

    __tablename__ = "calendar_feeds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), unique=True)
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
