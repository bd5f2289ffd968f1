"""People and roles: invites, redeeming them, expert-buddy pairs, export and erasure.

Every operation is one transaction (a unit of work): it either happens whole or
not at all. Refusals are `PeopleError`s whose `key` names a text in `bot.texts`.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from storage.models import Availability, ChatIdentity, Invite, Meeting, Pair, Person, Role, Series
from storage.repo import UnitOfWork

__all__ = ["Contact", "InviteInfo", "PairNews", "People", "PeopleError", "PersonRow", "Whois"]

INVITE_DAYS = 14
ROLES_BY_INVITE = (Role.EXPERT, Role.BUDDY, Role.ADMIN)


class PeopleError(Exception):
    def __init__(self, key: str, **fields: object) -> None:
        super().__init__(key)
        self.key = key
        self.fields = fields


@dataclass(frozen=True)
class Whois:
    """Who is writing: enough for the router's role check and language."""

    person_id: int
    name: str
    role: Role
    lang: str
    timezone: str | None = None  # None: the bot's IMBOT_TIMEZONE


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


def _contact(p: Person) -> Contact:
    ident = next((i for i in p.identities if i.unreachable_at is None), None)
    return Contact(p.id, p.name or "", p.lang, ident and ident.platform, ident and ident.chat_id)


@dataclass(frozen=True)
class InviteInfo:
    code: str
    person_id: int
    name: str
    role: Role
    expires_at: datetime


@dataclass(frozen=True)
class PersonRow:
    id: int
    name: str
    role: str
    status: str  # invited | linked | revoked | erased
    platforms: tuple[str, ...]
    partners: tuple[str, ...]  # an expert's buddy, a buddy's experts


class People:
    def __init__(
        self, sessions: sessionmaker[Session], clock: Callable[[], datetime] | None = None
    ):
        self._sessions = sessions
        self._clock = clock or (lambda: datetime.now(UTC))

    def _uow(self) -> UnitOfWork:
        return UnitOfWork(self._sessions)

    # -- who is writing -----------------------------------------------------------
    def whois(self, platform: str, user_id: str) -> Whois | None:
        with self._uow() as uow:
            p = uow.people.by_identity(platform, user_id)
            if p is None or p.erased_at:
                return None
            return Whois(p.id, p.name or "", p.active_role, p.lang, p.timezone)

    def set_lang(self, person_id: int, lang: str) -> None:
        with self._uow() as uow:
            person = uow.people.get(person_id)
            if person is not None:
                person.lang = lang
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
    ) -> InviteInfo:
        """A new invite: for a new person (role + name), or to link one more chat
        account of an existing person (person_ref)."""
        now = self._clock()
        with self._uow() as uow:
            if person_ref is not None:
                person = _resolve(uow, person_ref)
                if person.revoked_at or person.erased_at:
                    raise PeopleError("person_inactive", name=person.name or f"#{person.id}")
            else:
                if role not in ROLES_BY_INVITE:
                    raise PeopleError("bad_role", role=role)
                if not name or not name.strip():
                    raise PeopleError("name_missing")
                if lang not in ("de", "en"):
                    raise PeopleError("bad_lang", lang=lang)
                person = uow.people.add(
                    Person(name=name.strip(), role=role, lang=lang, created_at=now)
                )
            code = secrets.token_urlsafe(12)  # 16 characters of [A-Za-z0-9_-]: a valid deep link
            expires = now + timedelta(days=days)
            uow.session.add(
                Invite(code=code, person_id=person.id, created_at=now, expires_at=expires)
            )
            info = InviteInfo(code, person.id, person.name or "", Role(person.role), expires)
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
            if invite.used_at is not None:
                raise PeopleError("invite_used")
            if invite.expires_at <= now:
                raise PeopleError("invite_expired")
            person = invite.person
            existing = uow.people.identity(platform, user_id)
            if existing is not None and existing.person_id != person.id:
                raise PeopleError("identity_taken")
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

    def pairing(self, expert_ref: str, buddy_ref: str) -> PairNews:
        """Pair (or re-pair) an expert with a buddy. Meetings already made stay with
        the buddy they were made with; the news says whom to tell what."""
        now = self._clock()
        with self._uow() as uow:
            expert, buddy = _resolve(uow, expert_ref), _resolve(uow, buddy_ref)
            if expert.active_role is not Role.EXPERT:
                raise PeopleError("not_expert", name=expert.name or f"#{expert.id}")
            if buddy.active_role is not Role.BUDDY:
                raise PeopleError("not_buddy", name=buddy.name or f"#{buddy.id}")
            pair = uow.people.pair_of_expert(expert.id)
            old = None
            if pair is None:
                uow.session.add(Pair(expert_id=expert.id, buddy_id=buddy.id, created_at=now))
            elif pair.buddy_id != buddy.id:
                old = uow.session.get(Person, pair.buddy_id)
                pair.buddy_id, pair.created_at = buddy.id, now
            kept = 0
            if old is not None:
                kept = len(
                    uow.session.scalars(
                        select(Meeting.id).where(
                            Meeting.expert_id == expert.id,
                            Meeting.buddy_id == old.id,
                            Meeting.state.in_(("requested", "confirmed")),
                            Meeting.ends_at > now,
                        )
                    ).all()
                )
            news = PairNews(_contact(expert), _contact(buddy), old and _contact(old), kept)
            uow.commit()
            return news

    # -- listing, revoking --------------------------------------------------------
    def people(self) -> list[PersonRow]:
        with self._uow() as uow:
            return [_row(uow, p) for p in uow.people.all()]

    def revoke(self, ref: str) -> str:
        """Take the role away: unlink chat accounts, drop open invites and pairs."""
        with self._uow() as uow:
            person = _resolve(uow, ref)
            person.revoked_at = person.revoked_at or self._clock()
            _unlink(uow, person)
            uow.commit()
            return person.name or f"#{person.id}"

    # -- privacy ------------------------------------------------------------------
    def export(self, person_id: int) -> dict:
        """Everything stored about a person, as plain data."""
        with self._uow() as uow:
            person = uow.people.get(person_id)
            if person is None:
                raise PeopleError("unknown_person", ref=f"#{person_id}")
            return _export(uow, person)

    def export_ref(self, ref: str) -> dict:
        with self._uow() as uow:
            return _export(uow, _resolve(uow, ref))

    def erase(self, person_id: int) -> None:
        """Blank personal data; keep role and dates for anonymous counts."""
        with self._uow() as uow:
            person = uow.people.get(person_id)
            if person is None:
                raise PeopleError("unknown_person", ref=f"#{person_id}")
            _unlink(uow, person)
            for model, columns in (
                (Availability, ("buddy_id",)),
                (Meeting, ("expert_id", "buddy_id")),
                (Series, ("expert_id", "buddy_id")),
            ):
                condition = or_(*(getattr(model, c) == person.id for c in columns))
                uow.session.execute(delete(model).where(condition))
            person.name, person.lang, person.timezone = None, "de", None
            person.erased_at = person.erased_at or self._clock()
            uow.commit()

    def erase_ref(self, ref: str) -> int:
        with self._uow() as uow:
            person_id = _resolve(uow, ref).id
        self.erase(person_id)
        return person_id


def _resolve(uow: UnitOfWork, ref: str) -> Person:
    """A person by id ("3" or "#3") or by exact name (case-insensitive)."""
    ref = ref.strip()
    if ref.lstrip("#").isdigit():
        person = uow.people.get(int(ref.lstrip("#")))
        if person is None:
            raise PeopleError("unknown_person", ref=ref)
        return person
    matches = uow.people.by_name(ref)
    if not matches:
        raise PeopleError("unknown_person", ref=ref)
    if len(matches) > 1:
        raise PeopleError("ambiguous_person", ref=ref, ids=", ".join(f"#{p.id}" for p in matches))
    return matches[0]


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


def _export(uow: UnitOfWork, p: Person) -> dict:
    def iso(ts: datetime | None) -> str | None:
        return ts.isoformat() if ts else None

    pairs = []
    for pair in uow.people.pairs_of(p.id):
        is_expert = pair.expert_id == p.id
        other = pair.buddy if is_expert else pair.expert
        pairs.append(
            {
                "your_role": "expert" if is_expert else "buddy",
                "partner": other.name,
                "since": iso(pair.created_at),
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
        "jour_fixes": [
            {
                "start": iso(m.starts_at),
                "state": m.state,
                "with": (m.buddy if m.expert_id == p.id else m.expert).name,
            }
            for m in uow.session.scalars(
                select(Meeting)
                .where(or_(Meeting.expert_id == p.id, Meeting.buddy_id == p.id))
                .order_by(Meeting.starts_at)
            )
        ],
    }
