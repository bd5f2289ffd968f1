"""People and roles: invites, redeeming them, expert-buddy pairs, export and erasure.

Every operation is one transaction (a unit of work): it either happens whole or
not at all. Refusals are `PeopleError`s whose `key` names a text in `bot.texts`.
"""

from __future__ import annotations

import json
import re
import secrets
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import bindparam, delete, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.texts import t
from jobs.render import render
from storage import chats, outbox
from storage.db import scrub_erased
from storage.models import (
    AnnouncementDraft,
    Availability,
    CalendarFeed,
    ChatIdentity,
    Conversation,
    Edition,
    FaqLog,
    Invite,
    Meeting,
    MeetingEvent,
    NextCallWatch,
    OutboxRow,
    Pair,
    Person,
    Role,
    Series,
    Subscription,
)
from storage.repo import UnitOfWork, admin_chats, read_connection
from storage.text import storable

__all__ = [
    "Contact",
    "InviteInfo",
    "Leaving",
    "NewPerson",
    "OpenInvite",
    "PairNews",
    "People",
    "PeopleError",
    "PersonRow",
    "RevokeCheck",
    "Whois",
]

INVITE_DAYS = 14
MAX_INVITE_DAYS = 365
MAX_NAME = 100
ROLES_BY_INVITE = (Role.EXPERT, Role.BUDDY, Role.ADMIN)
# the words an admin may type for a role or a language, in German or English
ROLE_WORDS = {
    "expert": Role.EXPERT, "expertin": Role.EXPERT, "experte": Role.EXPERT,
    "expert:in": Role.EXPERT, "experten": Role.EXPERT, "expertinnen": Role.EXPERT,
    "buddy": Role.BUDDY, "buddys": Role.BUDDY, "buddies": Role.BUDDY,
    "admin": Role.ADMIN, "administratorin": Role.ADMIN, "administrator": Role.ADMIN,
    "administrator:in": Role.ADMIN,
}  # fmt: skip
LANG_WORDS = {
    "de": "de", "deutsch": "de", "german": "de",
    "en": "en", "englisch": "en", "english": "en",
}  # fmt: skip


class PeopleError(Exception):
    """A refusal: the text key and its fields; `lang` is the language of the person it
    concerns when known (an expired invite answers in the invitee's language)."""

    def __init__(self, key: str, *, lang: str | None = None, **fields: object) -> None:
        super().__init__(key)
        self.key = key
        self.lang = lang
        self.fields = fields


# Asked on every message, so a plain (Core) SELECT of the table's columns with its
# parameters bound at run time, run on a pooled connection without a Session (no ORM
# loading step, no session bookkeeping); the statement is built once (0.46 -> 0.24 ms
# of CPU per message on PostgreSQL, benchmarks/update_cost_bench.py).
_people, _identities = Person.__table__, ChatIdentity.__table__
_WHOIS = (
    select(
        _people.c.id,
        _people.c.name,
        _people.c.role,
        _people.c.lang,
        _people.c.timezone,
        _people.c.revoked_at,
        _people.c.lang_chosen,
        _people.c.erased_at,
    )
    .select_from(_people.join(_identities))
    .where(
        _identities.c.platform == bindparam("platform"),
        _identities.c.platform_user_id == bindparam("user_id"),
    )
)


@dataclass(frozen=True)
class Whois:
    """Who is writing: enough for the router's role check and language."""

    person_id: int
    name: str
    role: Role
    lang: str
    timezone: str | None = None  # None: the bot's IMBOT_TIMEZONE
    lang_chosen: bool = False  # set with /sprache; else `lang` follows what they write
    revoked: bool = False  # taken out of the program (/sperren): role is APPLICANT then


@dataclass(frozen=True)
class Contact:
    """Someone to tell something: name, language and chat (None: not linked)."""

    person_id: int
    name: str
    lang: str
    platform: str | None
    chat_id: str | None


@dataclass(frozen=True)
class PairNews:
    expert: Contact
    buddy: Contact
    old_buddy: Contact | None  # re-pairing: the buddy before
    kept: int  # upcoming meetings that stay with the old buddy
    unchanged: bool = False  # they were already paired: nothing to tell anyone


def _contact(p: Person) -> Contact:
    ident = next((i for i in p.identities if i.unreachable_at is None), None)
    return Contact(p.id, p.name or "", p.lang, ident and ident.platform, ident and ident.chat_id)


@dataclass(frozen=True)
class Leaving:
    """A revocation done: the person's name, and the experts it left without a buddy."""

    name: str
    orphans: tuple[str, ...] = ()
    again: bool = False  # revoked before: nothing done
    contact: Contact | None = None  # the person revoked, to be told once


@dataclass(frozen=True)
class RevokeCheck:
    """What revoking a person would do: experts left without their buddy, upcoming
    Jour Fixes cancelled."""

    person_id: int
    name: str
    experts: int
    meetings: int


@dataclass(frozen=True)
class InviteInfo:
    code: str
    person_id: int
    name: str
    role: Role
    expires_at: datetime
    lang: str = "de"  # the invitee's language (the text to forward is in it)


@dataclass(frozen=True)
class NewPerson:
    """One line of a bulk invite (`imbot admin invite --csv`): `buddy` is a buddy's
    number or exact name, in the database or on another line of the same list."""

    line: int
    name: str
    role: str
    lang: str = "de"
    buddy: str = ""


@dataclass(frozen=True)
class OpenInvite:
    """An invite nobody has redeemed yet (expired ones included)."""

    person_id: int
    name: str
    role: str
    created_at: datetime
    expires_at: datetime


@dataclass(frozen=True)
class PersonRow:
    id: int
    name: str
    role: str
    status: str  # invited | linked | revoked | erased
    platforms: tuple[str, ...]
    partners: tuple[str, ...]  # an expert's buddy, a buddy's experts


EndMeetings = Callable[..., int]  # (session, person_id, now, *, erased) -> meetings cancelled
# (platform, user id) of the erased accounts, and the erased names
ForgetFiles = Callable[[list[tuple[str, str]], list[str]], None]


class People:
    """`end_meetings` (the booking service's `end_all`) cancels a leaving person's
    Jour Fixes inside the revocation or erasure; `forget_files` removes what an
    adapter keeps on disk for an erased account (the console's calendar files)."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        clock: Callable[[], datetime] | None = None,
        *,
        end_meetings: EndMeetings | None = None,
        forget_files: ForgetFiles | None = None,
        team_chats: Iterable[tuple[str, str]] = (),
        team_lang: str = "de",
    ):
        self._sessions = sessions
        self._clock = clock or (lambda: datetime.now(UTC))
        self._end_meetings = end_meetings
        self._forget_files = forget_files
        self._team_chats = tuple(team_chats)  # none: every admin's own chats
        self._team_lang = team_lang

    def _uow(self, *, read_only: bool = False) -> UnitOfWork:
        return UnitOfWork(self._sessions, read_only=read_only)

    # -- who is writing -----------------------------------------------------------
    def whois(self, platform: str, user_id: str) -> Whois | None:
        """Every message asks: one SELECT of the columns it needs (no Person object
        for the session to track), no transaction."""
        with read_connection(self._sessions) as conn:
            p = conn.execute(_WHOIS, {"platform": platform, "user_id": user_id}).first()
        if p is None or p.erased_at:
            return None
        role = Role.APPLICANT if p.revoked_at else Role(p.role)  # as Person.active_role
        return Whois(
            p.id, p.name or "", role, p.lang, p.timezone, bool(p.lang_chosen), bool(p.revoked_at)
        )

    def set_lang(self, person_id: int, lang: str, *, chosen: bool = True) -> None:
        """The person's language: chosen with /sprache (kept until they choose again),
        or `chosen=False`, the language they write in (only if they never chose one)."""
        with self._uow() as uow:
            person = uow.people.get(person_id)
            if person is not None and (chosen or not person.lang_chosen):
                if person.lang != lang:
                    _reword(uow.session, _accounts(person, None), lang)
                person.lang, person.lang_chosen = lang, chosen
                uow.commit()

    # -- invites ------------------------------------------------------------------
    def invite(
        self,
        role: str,
        name: str | None = None,
        *,
        lang: str = "de",
        person_ref: str | None = None,
        days: int = INVITE_DAYS,
        same_name: bool = True,
    ) -> InviteInfo:
        """A new invite: for a new person (role + name), or to link one more chat
        account of an existing person (person_ref). `same_name=False` refuses a new
        person whose name someone not erased already has (`PeopleError("same_name")`:
        a second invite for the same person is usually meant as `person_ref`)."""
        now = self._clock()
        if not 1 <= days <= MAX_INVITE_DAYS:
            raise PeopleError("bad_days", limit=MAX_INVITE_DAYS)
        name = " ".join(storable(name or "").split())  # one line, single spaces, no controls
        if len(name) > MAX_NAME:
            raise PeopleError("name_too_long", limit=MAX_NAME)
        with self._uow() as uow:
            if person_ref is not None:
                person = _resolve(uow, person_ref)
                if person.revoked_at or person.erased_at:
                    raise PeopleError("person_inactive", name=person.name or f"#{person.id}")
            else:
                if (word := ROLE_WORDS.get(str(role).strip().lower())) is None:
                    raise PeopleError("bad_role", role=str(role)[:20])
                role = word.value
                if not name:
                    raise PeopleError("name_missing")
                if (code := LANG_WORDS.get(lang.strip().lower())) is None:
                    raise PeopleError("bad_lang", value=lang[:20])
                lang = code
                if not same_name and (twins := _namesakes(uow, name)):
                    raise PeopleError("same_name", name=name, ids=twins)
                person = uow.people.add(Person(name=name, role=role, lang=lang, created_at=now))
            code = secrets.token_urlsafe(12)  # 16 characters of [A-Za-z0-9_-]: a valid deep link
            expires = now + timedelta(days=days)
            uow.session.add(
                Invite(code=code, person_id=person.id, created_at=now, expires_at=expires)
            )
            info = InviteInfo(
                code, person.id, person.name or "", Role(person.role), expires, person.lang
            )
            uow.commit()
            return info

    def invite_many(
        self, rows: list[NewPerson], *, days: int = INVITE_DAYS
    ) -> tuple[list[InviteInfo], list[PairNews]]:
        """Invites (and pairs, for experts with a buddy) for a whole list, in one
        transaction. Every line is checked first; any problem raises
        `PeopleError("bulk_problems")` with all of them (`problems`: line, key, fields)
        and nothing is written."""
        now = self._clock()
        if not 1 <= days <= MAX_INVITE_DAYS:
            raise PeopleError("bad_days", limit=MAX_INVITE_DAYS)
        with self._uow() as uow:
            checked, problems = _check_rows(uow, rows)
            if problems:
                raise PeopleError("bulk_problems", problems=problems, n=len(problems))
            made: dict[int, Person] = {}
            infos = []
            for row, role, lang in checked:
                person = uow.people.add(Person(name=row.name, role=role, lang=lang, created_at=now))
                uow.session.flush()
                made[row.line] = person
                code = secrets.token_urlsafe(12)
                expires = now + timedelta(days=days)
                uow.session.add(
                    Invite(code=code, person_id=person.id, created_at=now, expires_at=expires)
                )
                infos.append(InviteInfo(code, person.id, row.name, Role(role), expires, lang))
            news = []
            names = {r.name.lower(): made[r.line] for r, role, _ in checked if role == "buddy"}
            for row, role, _ in checked:
                if role != "expert" or not row.buddy:
                    continue
                expert = made[row.line]
                buddy = names.get(row.buddy.strip().lower()) or _resolve(uow, row.buddy)
                uow.session.add(Pair(expert_id=expert.id, buddy_id=buddy.id, created_at=now))
                news.append(PairNews(_contact(expert), _contact(buddy), None, 0))
            uow.commit()
            return infos, news

    def open_invites(self) -> list[OpenInvite]:
        """Invites not redeemed yet, of people not revoked or erased, oldest first."""
        with self._uow() as uow:
            stmt = (
                select(Invite, Person)
                .join(Person)
                .where(
                    Invite.used_at.is_(None),
                    Person.revoked_at.is_(None),
                    Person.erased_at.is_(None),
                )
                .order_by(Invite.created_at, Invite.id)
            )
            return [
                OpenInvite(p.id, p.name or "", p.role, i.created_at, i.expires_at)
                for i, p in uow.session.execute(stmt)
            ]

    def resend(self, ref: str, *, days: int = INVITE_DAYS) -> InviteInfo:
        """The invite of a person who has not redeemed theirs: a still valid code is
        given again; an expired one is replaced by a new code valid `days` days."""
        now = self._clock()
        if not 1 <= days <= MAX_INVITE_DAYS:
            raise PeopleError("bad_days", limit=MAX_INVITE_DAYS)
        with self._uow() as uow:
            person = _resolve(uow, ref)
            label = person.name or f"#{person.id}"
            if person.revoked_at or person.erased_at:
                raise PeopleError("person_inactive", name=label)
            unused = [i for i in uow.people.invites_of(person.id) if i.used_at is None]
            if not unused and person.identities:
                raise PeopleError("resend_linked", name=label, id=person.id)
            valid = [i for i in unused if i.expires_at > now]
            role = Role(person.role)
            if valid:
                newest = max(valid, key=lambda i: i.expires_at)
                return InviteInfo(
                    newest.code, person.id, label, role, newest.expires_at, person.lang
                )
            for old in unused:  # expired: replaced by the new one
                uow.people.delete(old)
            code, expires = secrets.token_urlsafe(12), now + timedelta(days=days)
            uow.session.add(
                Invite(code=code, person_id=person.id, created_at=now, expires_at=expires)
            )
            info = InviteInfo(code, person.id, label, role, expires, person.lang)
            uow.commit()
            return info

    def redeem(self, code: str, platform: str, user_id: str, chat_id: str) -> Whois:
        """Link this chat account to the invited person. The invite is claimed with
        one conditional UPDATE, so of two simultaneous redeems exactly one succeeds."""
        now = self._clock()
        with self._uow() as uow:
            invite = uow.people.invite(code.strip())
            if invite is None:
                raise PeopleError("invite_unknown")
            invitee_lang = invite.person.lang if invite.person is not None else None
            if invite.used_at is not None:
                raise PeopleError("invite_used", lang=invitee_lang)
            if invite.expires_at <= now:
                raise PeopleError("invite_expired", lang=invitee_lang)
            person = invite.person
            existing = uow.people.identity(platform, user_id)
            if existing is not None and existing.person_id != person.id:
                if existing.person.active_role is not Role.APPLICANT:
                    raise PeopleError("identity_taken")
                uow.people.delete(existing)  # a revoked person's account, invited anew
                uow.session.flush()
                existing = None
            if not uow.people.claim_invite(invite.id, now):
                raise PeopleError("invite_used")
            if existing is None:
                uow.session.add(
                    ChatIdentity(
                        person_id=person.id,
                        platform=platform,
                        platform_user_id=user_id,
                        chat_id=chat_id,
                        linked_at=now,
                    )
                )
            who = Whois(
                person.id, person.name or "", person.active_role, person.lang, person.timezone
            )
            try:
                uow.commit()
            except IntegrityError as exc:  # the same account linked at the same moment
                raise PeopleError("identity_taken") from exc
            return who

    # -- pairs --------------------------------------------------------------------
    def pair(self, expert_ref: str, buddy_ref: str) -> tuple[str, str]:
        news = self.pairing(expert_ref, buddy_ref)
        return news.expert.name, news.buddy.name

    def pair_split(self, words: list[str]) -> tuple[str, str] | None:
        """Two names written without quotes ("Fatma Yilmaz Bernd Buddy"): the one way
        to cut the words into an expert and a buddy that both name one active person
        (as /paar reads a name); None when no cut or several do."""
        fits = []
        with self._uow() as uow:
            for i in range(1, len(words)):
                expert, buddy = " ".join(words[:i]), " ".join(words[i:])
                try:
                    e = _resolve(uow, expert, Role.EXPERT, loose=True)
                    b = _resolve(uow, buddy, Role.BUDDY, loose=True)
                except PeopleError:
                    continue
                if e.active_role is Role.EXPERT and b.active_role is Role.BUDDY:
                    fits.append((expert, buddy))
        return fits[0] if len(fits) == 1 else None

    def pairing(self, expert_ref: str, buddy_ref: str, *, replace: bool = True) -> PairNews:
        """Pair (or re-pair) an expert with a buddy. Meetings already made stay with
        the buddy they were made with; the news says whom to tell what.
        `replace=False` refuses to take an expert's buddy away
        (`PeopleError("pair_replaces")`), so the caller can ask first."""
        now = self._clock()
        with self._uow() as uow:
            expert = _resolve(uow, expert_ref, Role.EXPERT, loose=True)
            buddy = _resolve(uow, buddy_ref, Role.BUDDY, loose=True)
            if expert.active_role is not Role.EXPERT:
                raise PeopleError("not_expert", name=expert.name or f"#{expert.id}")
            if buddy.active_role is not Role.BUDDY:
                raise PeopleError("not_buddy", name=buddy.name or f"#{buddy.id}")
            pair = uow.people.pair_of_expert(expert.id)
            old = None
            if pair is not None and pair.buddy_id == buddy.id:  # pressed or typed twice
                return PairNews(_contact(expert), _contact(buddy), None, 0, unchanged=True)
            if pair is None:
                uow.session.add(Pair(expert_id=expert.id, buddy_id=buddy.id, created_at=now))
            elif pair.buddy_id != buddy.id:
                old = uow.session.get(Person, pair.buddy_id)
                if not replace:
                    raise PeopleError(
                        "pair_replaces",
                        expert=expert.name or f"#{expert.id}",
                        old=old.name or f"#{old.id}",
                        buddy=buddy.name or f"#{buddy.id}",
                        expert_id=expert.id,
                        buddy_id=buddy.id,
                        kept=_kept(uow.session, expert.id, old.id, now),
                    )
                pair.buddy_id, pair.created_at = buddy.id, now
            kept = 0 if old is None else _kept(uow.session, expert.id, old.id, now)
            news = PairNews(_contact(expert), _contact(buddy), old and _contact(old), kept)
            uow.commit()
            return news

    def expert_id(self, ref: str) -> int:
        """The id of the expert `ref` (number, name or a part of it that fits one);
        PeopleError otherwise."""
        with self._uow() as uow:
            person = _resolve(uow, ref, Role.EXPERT, loose=True)
            if person.active_role is not Role.EXPERT:
                raise PeopleError("not_expert", name=person.name or f"#{person.id}")
            return person.id

    # -- listing, revoking --------------------------------------------------------
    def people(self) -> list[PersonRow]:
        with self._uow() as uow:
            return [_row(uow, p) for p in uow.people.all()]

    def revoke_check(self, ref: str) -> RevokeCheck:
        """What `revoking(ref)` would do, for the question before it; PeopleError when
        it cannot be done (unknown, the last admin, revoked or erased already)."""
        now = self._clock()
        with self._uow(read_only=True) as uow:
            person = _resolve(uow, ref, loose=True)
            name = person.name or f"#{person.id}"
            if person.revoked_at is not None or person.erased_at is not None:
                raise PeopleError("revoke_already", name=name)
            if person.active_role is Role.ADMIN and _active_admins(uow) <= 1:
                raise PeopleError("last_admin", name=name)
            ahead = select(func.count()).where(
                or_(Meeting.expert_id == person.id, Meeting.buddy_id == person.id),
                Meeting.state.in_(("requested", "confirmed")),
                Meeting.starts_at > now,
            )
            meetings = uow.session.scalar(ahead) or 0
            return RevokeCheck(person.id, name, len(_orphans(uow.session, person)), meetings)

    def revoke(self, ref: str) -> str:
        return self.revoking(ref).name

    def revoking(self, ref: str) -> Leaving:
        """Take the role away: future Jour Fixes are cancelled (the partners told),
        every unsent message to the person's chats is cancelled, open invites and
        pairs are dropped and timeline pushes stop. The chat links stay, so the
        person can still see (`/meinedaten`) and erase (`/loeschen`) their data."""
        now = self._clock()
        with self._uow() as uow:
            person = _resolve(uow, ref, loose=True)
            if person.active_role is Role.ADMIN and _active_admins(uow) <= 1:
                raise PeopleError("last_admin", name=person.name or f"#{person.id}")
            if person.revoked_at is not None:  # done before: its news stays as it is
                return Leaving(person.name or f"#{person.id}", again=True)
            person.revoked_at = now
            outbox.cancel_naming(uow.session, person.name or "")  # news about them, unsent
            orphans = _orphans(uow.session, person)
            if self._end_meetings is not None:
                self._end_meetings(uow.session, person.id, now, erased=False)
            s = uow.session
            for ident in person.identities:
                outbox.cancel(s, platform=ident.platform, chat_id=ident.chat_id)
                s.execute(
                    update(Subscription)
                    .where(
                        Subscription.platform == ident.platform,
                        Subscription.user_id == ident.platform_user_id,
                        Subscription.stopped_at.is_(None),
                    )
                    .values(stopped_at=now)
                )
            for obj in [*uow.people.invites_of(person.id), *uow.people.pairs_of(person.id)]:
                uow.people.delete(obj)
            s.execute(delete(CalendarFeed).where(CalendarFeed.person_id == person.id))
            contact = _contact(person)
            uow.commit()
            return Leaving(person.name or f"#{person.id}", orphans, contact=contact)

    # -- privacy ------------------------------------------------------------------
    def export(self, person_id: int, *, chat: tuple[str, str, str] | None = None) -> dict:
        """Everything stored about a person, as plain data: the person, chat links,
        invites, pairs, free times, Jour Fixes with their history, reminder
        subscriptions and the messages queued for or sent to them."""
        with self._uow() as uow:
            person = uow.people.get(person_id)
            if person is None:
                raise PeopleError("unknown_person", ref=f"#{person_id}")
            return _export(uow, person, chat)

    def export_ref(self, ref: str) -> dict:
        with self._uow() as uow:
            return _export(uow, _resolve(uow, ref), None)

    def export_chat(self, platform: str, user_id: str, chat_id: str) -> dict:
        """What is stored about a chat account that belongs to no person."""
        with self._uow() as uow:
            accounts = [(platform, user_id, chat_id)]
            data = {
                "chat_state": chats.export(uow.session, [(platform, chat_id)]),
                "reminder_subscriptions": _subscriptions(uow.session, accounts),
                "questions_to_team": _questions_to_team(uow.session, accounts),
                "messages": _messages(uow.session, accounts),
            }
            return {k: v for k, v in data.items() if v}

    def erase(self, person_id: int, *, chat: tuple[str, str, str] | None = None) -> None:
        """Erase everything that names or reaches the person, in one transaction:
        future Jour Fixes are cancelled (the partners told, without the name),
        meetings and their history, free times, subscriptions and chat links are
        deleted, outbox rows to or about the person are cancelled and stripped,
        unanswered questions naming them deleted. The row keeps role and dates for
        anonymous counts. `chat` (platform, user id, chat id) adds a chat account
        that is not linked to the person (an applicant's subscription)."""
        now = self._clock()
        with self._uow() as uow:
            person = uow.people.get(person_id)
            if person is None:
                raise PeopleError("unknown_person", ref=f"#{person_id}")
            accounts = _accounts(person, chat)
            names = [person.name or ""]
            if orphans := _orphans(uow.session, person):  # the team pairs them again
                self._tell_team(uow.session, "left_team_erased", now, names=", ".join(orphans))
            if self._end_meetings is not None:
                self._end_meetings(uow.session, person.id, now, erased=True)
            _forget(uow.session, accounts, names, person.id, now)
            _unlink(uow, person)
            for model, columns in (
                (Availability, ("buddy_id",)),
                (CalendarFeed, ("person_id",)),  # the calendar link stops working
                (Meeting, ("expert_id", "buddy_id")),
                (Series, ("expert_id", "buddy_id")),
            ):
                condition = or_(*(getattr(model, c) == person.id for c in columns))
                uow.session.execute(delete(model).where(condition))
            person.name, person.lang, person.timezone = None, "de", None
            person.lang_chosen = False
            person.reminder_minutes, person.slot_minutes = "1440,60", 45
            person.erased_at = person.erased_at or now
            uow.commit()
        self._scrub()
        if self._forget_files is not None:
            self._forget_files([(p, u) for p, u, _ in accounts], names)

    def erase_chat(self, platform: str, user_id: str, chat_id: str) -> None:
        """Erase what is stored about a chat account that belongs to no person (an
        applicant's subscriptions and the messages to it)."""
        accounts = [(platform, user_id, chat_id)]
        with self._uow() as uow:
            _forget(uow.session, accounts, [], None, self._clock())
            uow.commit()
        self._scrub()
        if self._forget_files is not None:
            self._forget_files([(platform, user_id)], [])

    def _tell_team(self, s: Session, key: str, now: datetime, **fields: object) -> None:
        """A notice to the team: the configured team chats, or every admin's chats."""
        if self._team_chats:
            chats = [(p, c, self._team_lang) for p, c in self._team_chats]
        else:
            chats = admin_chats(s)
        token = secrets.token_hex(8)  # each leaving is news of its own
        drafts = [
            outbox.Draft(
                kind="notice",
                dedupe_key=f"team:{key}:{token}:{platform}:{chat_id}",
                platform=platform,
                chat_id=chat_id,
                text=t(key, lang, cmd="!" if platform == "matrix" else "/", **fields),
                due_at=now,
            )
            for platform, chat_id, lang in chats
        ]
        outbox.enqueue(s, drafts, now)

    def _scrub(self) -> None:
        with self._sessions() as s:
            scrub_erased(s)

    def erase_ref(self, ref: str) -> int:
        with self._uow() as uow:
            person_id = _resolve(uow, ref).id
        self.erase(person_id)
        return person_id


def _resolve(uow: UnitOfWork, ref: str, role: Role | None = None, *, loose: bool = False) -> Person:
    """A person by id ("3" or "#3") or by exact name (case-insensitive). `loose` (the
    admin's /paar, /sperren, /rundmail paar): else by a part of the name ("Fatma",
    "yilmaz", "Bea Berger" for "Bea Berger-Hahn"; case and accents aside) when one
    person still active fits – `role` first among several."""
    ref = storable(ref).strip()[:MAX_NAME]
    number = ref.lstrip("#")
    if number.isascii() and number.isdigit():
        person = uow.people.get(int(number)) if len(number) <= 9 else None
        if person is None:
            raise PeopleError("unknown_person", ref=ref)
        return person
    exact = uow.people.by_name(ref)
    matches = exact or (_by_part(uow, ref, role) if loose else [])
    if not matches:
        raise PeopleError("unknown_person", ref=ref)
    if len(matches) > 1:  # namesakes by their number; parts of names with the names
        ids = ", ".join(f"#{p.id}" if exact else f"#{p.id} {p.name}" for p in matches)
        raise PeopleError("ambiguous_person", ref=ref, ids=ids)
    return matches[0]


def _by_part(uow: UnitOfWork, ref: str, role: Role | None) -> list[Person]:
    """The active people whose name has every word of `ref` as a whole word, case and
    accents aside ("fatma", "Jose" for "José Ruiz"); of several, those with `role` if
    any."""
    words = _name_words(ref)
    if not words:
        return []
    found = [
        p
        for p in uow.people.all()
        if p.name and p.erased_at is None and p.revoked_at is None
        and set(words) <= set(_name_words(p.name))
    ]  # fmt: skip
    if len(found) > 1 and role is not None:
        found = [p for p in found if p.role == role.value] or found
    return found


_LETTERS = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe"})
_DIGRAPHS = re.compile(r"(?<=[a-z])([aou])e")  # "Mueller" = "Müller" = "Muller"


def _name_words(name: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", name.casefold().translate(_LETTERS))
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return re.findall(r"\w+", _DIGRAPHS.sub(r"\1", plain))


def _kept(s: Session, expert_id: int, buddy_id: int, now: datetime) -> int:
    """The pair's meetings not over yet (asked for or confirmed)."""
    stmt = select(func.count()).where(
        Meeting.expert_id == expert_id,
        Meeting.buddy_id == buddy_id,
        Meeting.state.in_(("requested", "confirmed")),
        Meeting.ends_at > now,
    )
    return s.scalar(stmt) or 0


def _orphans(s: Session, person: Person) -> tuple[str, ...]:
    """The experts (still taking part) whose buddy is `person`: leaving, it leaves
    them without one."""
    stmt = (
        select(Person.name)
        .join(Pair, Pair.expert_id == Person.id)
        .where(
            Pair.buddy_id == person.id,
            Person.revoked_at.is_(None),
            Person.erased_at.is_(None),
        )
        .order_by(Person.name)
    )
    return tuple(n for n in s.scalars(stmt) if n)


def _namesakes(uow: UnitOfWork, name: str) -> str:
    """The people not erased who have this name, as "#3, #7"; or ""."""
    found = [p for p in uow.people.by_name(name) if p.erased_at is None]
    return ", ".join(f"#{p.id}" for p in found)


Problem = tuple[int, str, dict]  # line, text key, its fields


def _check_rows(
    uow: UnitOfWork, rows: list[NewPerson]
) -> tuple[list[tuple[NewPerson, str, str]], list[Problem]]:
    """Each row with its role and language, and every problem of every row."""
    problems: list[Problem] = []
    checked = []
    seen: dict[str, int] = {}  # name -> first line
    for row in rows:
        name = " ".join(storable(row.name).split()).strip(" \"'„“”«»")
        row = NewPerson(row.line, name, row.role, row.lang, " ".join(row.buddy.split()))
        found = len(problems)
        role = ROLE_WORDS.get(row.role.strip().lower())
        lang = LANG_WORDS.get((row.lang or "de").strip().lower())
        if not name:
            problems.append((row.line, "name_missing", {}))
        elif len(name) > MAX_NAME:
            problems.append((row.line, "name_too_long", {"limit": MAX_NAME}))
        elif name.lower() in seen:
            problems.append((row.line, "bulk_twice", {"name": name, "other": seen[name.lower()]}))
        elif twins := _namesakes(uow, name):
            problems.append((row.line, "same_name", {"name": name, "ids": twins}))
        seen.setdefault(name.lower(), row.line)
        if role is None:
            problems.append((row.line, "bad_role", {"role": row.role[:20]}))
        if lang is None:
            problems.append((row.line, "bad_lang", {"value": row.lang[:20]}))
        if row.buddy and role is not Role.EXPERT:
            problems.append((row.line, "bulk_buddy_not_expert", {"name": name}))
        if len(problems) == found and role is not None and lang is not None:
            checked.append((row, role.value, lang))
    buddies_here = {r.name.lower() for r, role, _ in checked if role == Role.BUDDY.value}
    for row, role, _ in checked:
        if role != Role.EXPERT.value or not row.buddy or row.buddy.lower() in buddies_here:
            continue
        try:
            buddy = _resolve(uow, row.buddy)
        except PeopleError as exc:
            problems.append((row.line, exc.key, exc.fields))
            continue
        if buddy.active_role is not Role.BUDDY:
            problems.append((row.line, "not_buddy", {"name": buddy.name or f"#{buddy.id}"}))
    return checked, sorted(problems, key=lambda p: p[0])


def _active_admins(uow: UnitOfWork) -> int:
    stmt = select(func.count()).where(
        Person.role == Role.ADMIN.value, Person.revoked_at.is_(None), Person.erased_at.is_(None)
    )
    return uow.session.scalar(stmt) or 0


Account = tuple[str, str, str]  # platform, user id, chat id


def _accounts(person: Person, chat: Account | None) -> list[Account]:
    found = [(i.platform, i.platform_user_id, i.chat_id) for i in person.identities]
    if chat is not None and chat not in found:
        found.append(chat)
    return found


def _sub_refs(s: Session, accounts: list[Account]) -> list[str]:
    """The outbox refs of the timeline pushes of these accounts (see bot.timeline)."""
    slugs = list(s.scalars(select(Edition.slug)))
    return [f"sub:{slug}:{p}:{u}" for slug in slugs for p, u, _ in accounts]


def _meeting_refs(s: Session, person_id: int | None) -> list[str]:
    if person_id is None:
        return []
    stmt = select(Meeting.id).where(
        or_(Meeting.expert_id == person_id, Meeting.buddy_id == person_id)
    )
    return [f"meeting:{i}" for i in s.scalars(stmt)]


# Platforms whose adapter keeps its own store of a chat (Matrix: the crypto store with
# the person's device keys and sessions, the room): an erasure tells it to forget.
FORGET_PLATFORMS = ("matrix",)


def _forget(
    s: Session,
    accounts: list[Account],
    names: list[str],
    person_id: int | None,
    now: datetime,
) -> None:
    """Outbox rows, subscriptions and unanswered questions that reach or name someone;
    and, in the same transaction, a forget instruction for each account on a platform
    whose adapter keeps a store (carried out by the running bot, whichever process
    erased: the outbox keeps it until it is done)."""
    asked = _forwarded_questions(s, accounts)  # "ask the team": question, answer, copies
    outbox.forget(
        s,
        chats=[(p, c) for p, _, c in accounts],
        refs=_sub_refs(s, accounts) + _meeting_refs(s, person_id) + [f"team:{i}" for i in asked],
        names=names,
    )
    if asked:
        s.execute(delete(FaqLog).where(FaqLog.id.in_(asked)))
    drafts = [
        outbox.Draft(
            kind=outbox.FORGET,
            dedupe_key=f"forget:{secrets.token_hex(8)}",
            platform=p,
            chat_id=c,
            text=u,
            due_at=now,
        )
        for p, u, c in accounts
        if p in FORGET_PLATFORMS and u and c
    ]
    outbox.enqueue(s, drafts, now)
    for p, u, _ in accounts:
        s.execute(delete(Subscription).where(Subscription.platform == p, Subscription.user_id == u))
        s.execute(
            delete(NextCallWatch).where(NextCallWatch.platform == p, NextCallWatch.user_id == u)
        )
    for p, _, c in accounts:
        s.execute(delete(Conversation).where(Conversation.platform == p, Conversation.chat_id == c))
    chats.forget(s, [(p, c) for p, _, c in accounts])  # its language, its last choices
    if person_id is not None:
        s.execute(delete(Conversation).where(Conversation.person_id == person_id))
        s.execute(delete(AnnouncementDraft).where(AnnouncementDraft.person_id == person_id))
    for name in (n.strip() for n in names if n and len(n.strip()) >= 3):
        s.execute(
            delete(FaqLog).where(
                func.lower(FaqLog.question).contains(name.lower(), autoescape=True)
            )
        )
    # other chats' open questions that name them ("Fatma Yilmaz möchte einen Jour Fixe …"
    # with its buttons, kept for the buddy's next visit): closed
    chats.close_naming(s, [n.strip() for n in names if n and len(n.strip()) >= 3])


def _forwarded_questions(s: Session, accounts: list[Account]) -> list[int]:
    """The questions these accounts forwarded to the team (the only ones with a chat)."""
    conditions = [(FaqLog.platform == p) & (FaqLog.user_id == u) for p, u, _ in accounts if u]
    conditions += [(FaqLog.platform == p) & (FaqLog.chat_id == c) for p, _, c in accounts if c]
    return list(s.scalars(select(FaqLog.id).where(or_(*conditions)))) if conditions else []


def _questions_to_team(s: Session, accounts: list[Account]) -> list[dict]:
    """The questions these accounts forwarded to the team, with the team's answers."""
    ids = _forwarded_questions(s, accounts)
    if not ids:
        return []
    rows = s.scalars(select(FaqLog).where(FaqLog.id.in_(ids)).order_by(FaqLog.id))
    return [
        {
            "number": r.id,
            "question": r.question,
            "asked": _iso(r.asked_at),
            "forwarded": _iso(r.forwarded_at),
            "state": r.state,
            "answer": r.answer,
            "answered": _iso(r.answered_at),
        }
        for r in rows
    ]


def _unlink(uow: UnitOfWork, person: Person) -> None:
    for obj in [
        *person.identities,
        *uow.people.invites_of(person.id),
        *uow.people.pairs_of(person.id),
    ]:
        uow.people.delete(obj)


def _row(uow: UnitOfWork, p: Person) -> PersonRow:
    if p.erased_at:
        status = "erased"
    elif p.revoked_at:
        status = "revoked"
    else:
        status = "linked" if p.identities else "invited"
    partners = []
    for pair in uow.people.pairs_of(p.id):
        other = pair.buddy if pair.expert_id == p.id else pair.expert
        partners.append(other.name or f"#{other.id}")
    platforms = tuple(sorted({i.platform for i in p.identities}))
    return PersonRow(p.id, p.name or "-", p.role, status, platforms, tuple(partners))


def _iso(ts: datetime | None) -> str | None:
    return ts.isoformat() if ts else None


def _subscriptions(s: Session, accounts: list[Account]) -> list[dict]:
    found = []
    for p, u, _ in accounts:
        stmt = (
            select(Subscription, Edition.slug, Edition.name)
            .join(Edition)
            .where(Subscription.platform == p, Subscription.user_id == u)
            .order_by(Subscription.id)
        )
        found += [
            {
                "edition": slug,
                "edition_name": name,
                "platform": sub.platform,
                "chat_id": sub.chat_id,
                "lang": sub.lang,
                "since": _iso(sub.created_at),
                "stopped": _iso(sub.stopped_at),
            }
            for sub, slug, name in s.execute(stmt)
        ]
        watches = select(NextCallWatch).where(
            NextCallWatch.platform == p, NextCallWatch.user_id == u
        )
        found += [
            {
                "next_call": "yes",
                "platform": w.platform,
                "chat_id": w.chat_id,
                "lang": w.lang,
                "since": _iso(w.created_at),
                "sent": _iso(w.notified_at),
            }
            for w in s.scalars(watches.order_by(NextCallWatch.id))
        ]
    return found


def _reword(s: Session, accounts: list[Account], lang: str) -> None:
    """The Jour Fixe reminders still to be sent to these chats, worded in `lang` (the
    person's language changed): pushes come in the language the person reads now, and
    /meinedaten lists them in one language. Worded as they will read when due."""
    conditions = [(OutboxRow.platform == p) & (OutboxRow.chat_id == c) for p, _, c in accounts if c]
    if not conditions:
        return
    stmt = select(OutboxRow).where(
        or_(*conditions),
        OutboxRow.state == outbox.PENDING,
        OutboxRow.kind == "meeting",
        OutboxRow.render.is_not(None),
    )
    for row in s.scalars(stmt):
        try:
            raw = json.loads(row.render)
        except ValueError:
            continue
        if not str(raw.get("key", "")).startswith("meeting_reminder") or raw.get("lang") == lang:
            continue
        due = row.due_at if row.due_at.tzinfo else row.due_at.replace(tzinfo=UTC)
        row.render = json.dumps({**raw, "lang": lang})
        row.text = render(row.render, row.text, due)


def _messages(s: Session, accounts: list[Account]) -> list[dict]:
    """Outbox rows to the accounts' chats, queued or sent, oldest first."""
    conditions = [(OutboxRow.platform == p) & (OutboxRow.chat_id == c) for p, _, c in accounts if c]
    if not conditions:
        return []
    stmt = select(OutboxRow).where(or_(*conditions)).order_by(OutboxRow.due_at, OutboxRow.id)
    return [
        {
            "kind": r.kind,
            "state": r.state,
            "platform": r.platform,
            "chat_id": r.chat_id,
            "due": _iso(r.due_at),
            "sent": _iso(r.sent_at),
            "text": r.text,
            "file": r.file_name,
        }
        for r in s.scalars(stmt)
    ]


def _export(uow: UnitOfWork, p: Person, chat: Account | None) -> dict:
    iso = _iso
    accounts = _accounts(p, chat)

    pairs = []
    for pair in uow.people.pairs_of(p.id):
        is_expert = pair.expert_id == p.id
        other = pair.buddy if is_expert else pair.expert
        pairs.append(
            {
                "your_role": "expert" if is_expert else "buddy",
                "partner": other.name,
                "since": iso(pair.created_at),
                "place": pair.place,
            }
        )
    return {
        "person": {
            "id": p.id,
            "name": p.name,
            "role": p.role,
            "lang": p.lang,
            "timezone": p.timezone,
            "created_at": iso(p.created_at),
            "revoked_at": iso(p.revoked_at),
            "erased_at": iso(p.erased_at),
            "jour_fixe_minutes": p.slot_minutes,
            "reminders_before_minutes": p.reminder_minutes,
        },
        "chat_identities": [
            {
                "platform": i.platform,
                "user_id": i.platform_user_id,
                "chat_id": i.chat_id,
                "linked_at": iso(i.linked_at),
            }
            for i in p.identities
        ],
        "invites": [
            {
                "created_at": iso(i.created_at),
                "expires_at": iso(i.expires_at),
                "used_at": iso(i.used_at),
            }
            for i in uow.people.invites_of(p.id)
        ],
        "pairs": pairs,
        "chat_state": chats.export(uow.session, [(a, c) for a, _, c in accounts]),
        "free_times": [
            {
                "kind": a.kind,
                "weekday": a.weekday,
                "day": a.day and a.day.isoformat(),
                "until": a.day_until and a.day_until.isoformat(),
                "from": a.start_time and a.start_time.isoformat("minutes"),
                "to": a.end_time and a.end_time.isoformat("minutes"),
            }
            for a in uow.session.scalars(select(Availability).where(Availability.buddy_id == p.id))
        ],
        "open_questions": [  # what a chat is being asked now (a picker, a confirmation)
            {
                "platform": c.platform,
                "chat_id": c.chat_id,
                "kind": c.kind,
                "since": iso(c.updated_at),
            }
            for c in uow.session.scalars(select(Conversation).where(Conversation.person_id == p.id))
        ],
        "jour_fixes": [
            {
                "id": m.id,
                "start": iso(m.starts_at),
                "end": iso(m.ends_at),
                "state": m.state,
                "with": (m.buddy if m.expert_id == p.id else m.expert).name,
                "history": [
                    {
                        "at": iso(e.at),
                        "action": e.action,
                        "old_start": iso(e.old_start),
                        "new_start": iso(e.new_start),
                    }
                    for e in uow.session.scalars(
                        select(MeetingEvent)
                        .where(MeetingEvent.meeting_id == m.id)
                        .order_by(MeetingEvent.id)
                    )
                ],
            }
            for m in uow.session.scalars(
                select(Meeting)
                .where(or_(Meeting.expert_id == p.id, Meeting.buddy_id == p.id))
                .order_by(Meeting.starts_at)
            )
        ],
        "jour_fixe_series": [
            {"id": x.id, "every_weeks": x.interval_weeks, "since": iso(x.created_at)}
            for x in uow.session.scalars(
                select(Series)
                .where(or_(Series.expert_id == p.id, Series.buddy_id == p.id))
                .order_by(Series.id)
            )
        ],
        "calendar_feed": [  # the link itself is not stored, only a hash of its secret
            {"since": iso(f.created_at)}
            for f in uow.session.scalars(select(CalendarFeed).where(CalendarFeed.person_id == p.id))
        ],
        "reminder_subscriptions": _subscriptions(uow.session, accounts),
        "questions_to_team": _questions_to_team(uow.session, accounts),
        "messages": _messages(uow.session, accounts),
    }
