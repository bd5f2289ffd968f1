"""The overview in words that fit a phone (/treffen, /overview), and the weekly digest
for admins through the outbox.

The digest (off unless `IMBOT_MEETINGS_DIGEST` names a weekday and time, e.g.
"mo 08:00") is planned by the scheduler tick: once the week's moment has passed,
each active admin with a chat gets one outbox row whose dedupe key names the ISO
week and the admin. The outbox is the record: a restart, a second process or a
tick every few seconds finds the key and adds nothing, so it goes out once a week.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.booking.base import BookingBase
from bot.booking.overview import NEVER, Overview, PairState, overview
from bot.localtime import local_moment, zone
from bot.texts import fmt_date, fmt_when, plural, t
from storage import outbox
from storage.models import ChatIdentity, OutboxRow, Person, Role

__all__ = ["DIGEST_KIND", "DigestMixin", "Weekly", "digest_text", "pair_lines", "phone_page"]

DIGEST_KIND = "jf_digest"
PAGE_SIZE = 8  # pairs per chat message: about 1,200 characters
NAMES_SHOWN = 8  # experts without a buddy named in the summary
DIGEST_PAIRS = 10  # flagged pairs named in the digest

_DAYS = {
    "mo": 0, "mon": 0, "montag": 0, "monday": 0,
    "di": 1, "tue": 1, "dienstag": 1, "tuesday": 1,
    "mi": 2, "wed": 2, "mittwoch": 2, "wednesday": 2,
    "do": 3, "thu": 3, "donnerstag": 3, "thursday": 3,
    "fr": 4, "fri": 4, "freitag": 4, "friday": 4,
    "sa": 5, "sat": 5, "samstag": 5, "saturday": 5,
    "so": 6, "sun": 6, "sonntag": 6, "sunday": 6,
}  # fmt: skip


@dataclass(frozen=True)
class Weekly:
    """A weekday (0 = Monday) and a local time."""

    weekday: int
    at: time

    @classmethod
    def parse(cls, text: str) -> Weekly | None:
        """ "mo 08:00", "Monday 8:30", "on" (Monday 08:00); "off" or "" is None.
        Raises ValueError with what is allowed."""
        words = text.strip().lower()
        if words in ("", "off", "aus", "no", "nein", "0", "false"):
            return None
        if words in ("on", "an", "yes", "ja", "1", "true"):
            return cls(0, time(8, 0))
        found = re.fullmatch(r"([a-zäöü]+)\.?,?\s+(\d{1,2})(?:[:.](\d{2}))?(?:\s*uhr)?", words)
        if found is None or found[1] not in _DAYS:
            raise ValueError(
                "use a weekday and a time, e.g. 'mo 08:00' or 'friday 14:00', or 'off'"
            )
        hour, minute = int(found[2]), int(found[3] or 0)
        if hour > 23 or minute > 59:
            raise ValueError(f"{hour}:{minute:02d} is no time of day")
        return cls(_DAYS[found[1]], time(hour, minute))

    def moment(self, now: datetime, tz: ZoneInfo) -> tuple[str, datetime]:
        """The ISO week of `now` (local) and this week's moment of the digest."""
        today = now.astimezone(tz).date()
        monday = today - timedelta(days=today.weekday())
        year, week, _ = monday.isocalendar()
        return f"{year}-W{week:02d}", local_moment(
            monday + timedelta(days=self.weekday), self.at, tz
        )


# -- the overview in a chat -------------------------------------------------------------
def _span(weeks: int, lang: str) -> str:
    return plural("ov_weeks", weeks, lang)


def summary_lines(ov: Overview, lang: str, tz: ZoneInfo) -> list[str]:
    """How many pairs, how many flagged and why, the totals, the experts without a buddy."""
    lines = []
    if ov.pairs:
        never = sum(p.flag == NEVER for p in ov.pairs)
        quiet = len(ov.flagged) - never
        why = [t("ov_flag_never", lang, n=never)] if never else []
        if quiet:
            why.append(t("ov_flag_quiet", lang, n=quiet, span=_span(ov.weeks, lang)))
        flagged = t("ov_flagged", lang, n=never + quiet, why=", ".join(why))
        lines.append(
            f"{plural('ov_pairs', len(ov.pairs), lang)}, "
            f"{flagged if why else t('ov_none_flagged', lang)}."
        )
        totals = {k: ov.total(k) for k in ("held", "open", "expired", "declined")}
        lines.append(t("ov_totals", lang, **totals))
    if ov.unpaired:
        names = [u.name for u in ov.unpaired[:NAMES_SHOWN]]
        if len(ov.unpaired) > NAMES_SHOWN:
            names.append(t("ov_and_more", lang, n=len(ov.unpaired) - NAMES_SHOWN))
        lines.append(t("ov_unpaired", lang, n=len(ov.unpaired), names=", ".join(names)))
    return lines


def pair_lines(p: PairState, lang: str, tz: ZoneInfo) -> list[str]:
    """Two or three short lines: who, when (last / next), and the counts."""
    lines = [f"{p.expert} – {p.buddy}"]
    if p.flag == NEVER:
        when = [t("ov_never", lang, since=fmt_date(p.paired_at.astimezone(tz).date(), lang))]
    else:
        if p.last:
            when = [t("ov_quiet" if p.flag else "ov_last", lang, when=fmt_when(p.last, lang, tz))]
        else:  # none held yet, one confirmed ahead
            when = [("⚠ " if p.flag else "") + t("ov_no_last", lang)]
    if p.next:
        when.append(t("ov_next", lang, when=fmt_when(p.next, lang, tz)))
    elif p.flag != NEVER:
        when.append(t("ov_no_next", lang))
    lines.append("   " + " · ".join(when))
    counts = [t("ov_held", lang, n=p.held)] if p.held else []
    for key in ("open", "expired", "declined", "cancelled"):
        if n := getattr(p, key):
            counts.append(t(f"ov_{key}", lang, n=n))
    unlinked = [n for n, ok in ((p.expert, p.expert_linked), (p.buddy, p.buddy_linked)) if not ok]
    counts += [t("ov_not_linked", lang, name=n) for n in unlinked]
    if counts:
        lines.append("   " + " · ".join(counts))
    return lines


def pages(ov: Overview) -> int:
    return max(1, -(-len(ov.pairs) // PAGE_SIZE))


def phone_page(ov: Overview, lang: str, tz: ZoneInfo, page: int, more: str) -> str:
    """Page `page` (from 1): the summary on the first page, then the pairs, flagged
    first; `more` is what to type after the command for the next page."""
    total = pages(ov)
    when = fmt_when(ov.now, lang, tz)
    if total == 1:
        lines = [t("ov_title", lang, when=when)]
    else:
        lines = [t("ov_title_page", lang, when=when, page=page, pages=total)]
    if page == 1:
        lines += summary_lines(ov, lang, tz)
    for p in ov.pairs[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]:
        lines += ["", *pair_lines(p, lang, tz)]
    lines.append("")
    lines.append(t("ov_more", lang, args=more) if page < total else t("ov_hint", lang))
    return "\n".join(lines)


def digest_text(ov: Overview, lang: str, tz: ZoneInfo) -> str:
    """The weekly digest: the summary and the flagged pairs, one line each."""
    lines = [t("ov_digest_title", lang, when=fmt_when(ov.now, lang, tz))]
    lines += summary_lines(ov, lang, tz)
    lines.append("")
    flagged = ov.flagged
    if flagged:
        lines.append(t("ov_digest_flagged", lang))
        for p in flagged[:DIGEST_PAIRS]:
            who, when = pair_lines(p, lang, tz)[:2]
            lines.append(f"{who}: {when.strip().removeprefix('⚠ ')}")
        if len(flagged) > DIGEST_PAIRS:
            lines.append(t("ov_and_more", lang, n=len(flagged) - DIGEST_PAIRS))
    else:
        lines.append(t("ov_digest_none_flagged", lang))
    lines.append(t("ov_digest_more", lang))
    return "\n".join(lines)


# -- the weekly digest ------------------------------------------------------------------
class DigestMixin(BookingBase):
    def plan_digest(self, when: Weekly, now: datetime | None = None) -> int:
        """Queue this week's digest for every active admin with a chat, once the
        week's moment has passed and unless it is queued already. Returns rows added."""
        now = now or self._clock()
        week, due = when.moment(now, self.tz)
        if now < due:
            return 0
        with self._uow() as uow:
            s = uow.session
            admins = s.execute(
                select(
                    Person.id,
                    Person.lang,
                    Person.timezone,
                    ChatIdentity.platform,
                    ChatIdentity.chat_id,
                )
                .join(ChatIdentity, ChatIdentity.person_id == Person.id)
                .where(
                    Person.role == Role.ADMIN.value,
                    Person.revoked_at.is_(None),
                    Person.erased_at.is_(None),
                    ChatIdentity.unreachable_at.is_(None),
                )
                .order_by(Person.id, ChatIdentity.id)
            ).all()
            first = {}
            for row in admins:  # one chat per admin: the first linked one
                first.setdefault(row.id, row)
            keys = {f"{DIGEST_KIND}:{week}:{pid}": row for pid, row in first.items()}
            if not keys:
                return 0
            done = set(
                s.scalars(select(OutboxRow.dedupe_key).where(OutboxRow.dedupe_key.in_(keys)))
            )
            todo = {k: row for k, row in keys.items() if k not in done}
            if not todo:
                return 0
            ov = overview(s, now, self.rules.overview_weeks, self.rules.request_ttl_hours)
            drafts = []
            for key, row in todo.items():
                tz = zone(row.timezone, self.tz)
                drafts.append(
                    outbox.Draft(
                        kind=DIGEST_KIND,
                        dedupe_key=key,
                        platform=row.platform,
                        chat_id=row.chat_id,
                        text=digest_text(ov, row.lang, tz),
                        due_at=now,
                    )
                )
            added = outbox.enqueue(s, drafts, now)
            uow.commit()
            return added
