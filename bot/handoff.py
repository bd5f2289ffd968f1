"""Ask the team: a question the bot could not answer goes to a person, and back.

The unanswered log (`faq_log`) is the one record. A row is an open question (no
chat identity, as before); when the asker presses "Ask the team" (their consent)
the row gets the chat to answer to and the state `forwarded`, and the question
goes to the team through the outbox: to every admin's chats, or to the team chats
configured (IMBOT_TEAM_TELEGRAM_CHAT, IMBOT_TEAM_MATRIX_ROOM). Outside office
hours (read from the call's contacts) it waits in the outbox until they begin. An
admin's `/antwort N text` sends the text, as written, to the asker's chat through
the outbox and marks the row `answered` (one conditional UPDATE: of two answers at
once exactly one is sent). Admins can dismiss or delete a question, or add it as
an example question to a knowledge-base entry (the examples file, faq.examples).
The short number N is the row's id, as `imbot faq unanswered` shows it.
"""

from __future__ import annotations

import hmac
import re
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from difflib import get_close_matches
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.localtime import Clock, system_clock
from bot.texts import fmt_when, t, weekday_name
from faq.examples import add_example
from faq.kb import KnowledgeBase
from jobs.digest import enqueue_digest
from jobs.program import is_holiday
from storage import outbox
from storage.models import FaqLog
from storage.repo import admin_chats
from storage.text import storable

__all__ = [
    "ADDED",
    "ANSWERED",
    "DISMISSED",
    "FORWARDED",
    "Forwarded",
    "Handoff",
    "HandoffError",
    "Listing",
    "OfficeHours",
    "QuestionRow",
    "new_key",
    "number_in",
    "parse_number",
    "parse_office_hours",
]

FORWARDED, ANSWERED, DISMISSED, ADDED = "forwarded", "answered", "dismissed", "added"
MAX_ANSWER = 4000
MAX_NUMBER_DIGITS = 9
SHOWN_QUESTION = 300  # characters of a question quoted in a message
KIND = "team"  # outbox kind of forwarded questions and answers; ref "team:<id>"


class HandoffError(Exception):
    """Bad input or a state that does not allow it: `key` is a text key, `fields` its fields."""

    def __init__(self, key: str, **fields: object) -> None:
        super().__init__(key)
        self.key, self.fields = key, fields


# -- office hours -----------------------------------------------------------------------------

_DAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
_HOURS = re.compile(
    rf"({'|'.join(_DAYS)})\s+bis\s+({'|'.join(_DAYS)}),?\s*(?:von\s+)?"
    r"(\d{1,2})(?:[:.](\d{2}))?\s*(?:[–-]|bis)\s*(\d{1,2})(?:[:.](\d{2}))?\s*Uhr"
)


@dataclass(frozen=True)
class OfficeHours:
    """When the team is there: per weekday (0 = Monday) the earliest start and latest end."""

    days: dict[int, tuple[time, time]]
    holidays: str | None = "DE"  # closed on this country[-region]'s public holidays

    def _span(self, day: date) -> tuple[time, time] | None:
        return None if is_holiday(self.holidays, day) else self.days.get(day.weekday())

    def is_open(self, local: datetime) -> bool:
        span = self._span(local.date())
        return span is not None and span[0] <= local.time() < span[1]

    def next_opening(self, now: datetime, tz: ZoneInfo) -> datetime | None:
        """None while the team is there; else when it is next (in UTC like `now`)."""
        local = now.astimezone(tz)
        if not self.days or self.is_open(local):
            return None
        for ahead in range(22):  # a week, and the holidays between the years
            day = local.date() + timedelta(days=ahead)
            span = self._span(day)
            if span is None:
                continue
            start = datetime.combine(day, span[0], tzinfo=tz)
            if start > local:
                return start.astimezone(now.tzinfo)
        return None

    def describe(self, lang: str) -> str:
        """ "Mo–Do 9–17 Uhr, Fr 10–16 Uhr" / "Mon–Thu 9:00–17:00, Fri 10:00–16:00"."""
        groups: list[tuple[int, int, tuple[time, time]]] = []
        for day in sorted(self.days):
            span = self.days[day]
            if groups and groups[-1][1] == day - 1 and groups[-1][2] == span:
                groups[-1] = (groups[-1][0], day, span)
            else:
                groups.append((day, day, span))
        parts = []
        for first, last, (start, end) in groups:
            days = weekday_name(first, lang)
            days += "" if first == last else f"–{weekday_name(last, lang)}"
            parts.append(
                t("office_span", lang, days=days, start=_hm(start, lang), end=_hm(end, lang))
            )
        return ", ".join(parts)


def _hm(moment: time, lang: str) -> str:
    if lang == "en":
        return f"{moment:%H:%M}"
    return f"{moment.hour}" if moment.minute == 0 else f"{moment.hour}:{moment.minute:02d}"


DEFAULT_HOURS = OfficeHours({d: (time(9), time(17)) for d in range(5)})


def parse_office_hours(text: str) -> OfficeHours:
    """The union of the hours named in a contact text ("Montag bis Donnerstag, 9–17
    Uhr"); Monday to Friday 9 to 17 when it names none."""
    days: dict[int, tuple[time, time]] = {}
    for first, last, h1, m1, h2, m2 in _HOURS.findall(text):
        try:
            start, end = time(int(h1), int(m1 or 0)), time(int(h2), int(m2 or 0))
        except ValueError:
            continue
        if start >= end:
            continue
        for day in range(_DAYS.index(first), _DAYS.index(last) + 1):
            old = days.get(day)
            days[day] = (min(old[0], start), max(old[1], end)) if old else (start, end)
    return OfficeHours(days) if days else DEFAULT_HOURS


# -- questions ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Forwarded:
    number: int
    already: bool
    opens: datetime | None  # when the team is back; None while it is there
    hours: str  # the office hours, in the asker's language


@dataclass(frozen=True)
class QuestionRow:
    number: int
    question: str
    lang: str
    state: str  # open, forwarded, answered, dismissed, added
    asked_at: datetime
    count: int = 1
    off_hours: bool = False
    answered_at: datetime | None = None
    example_of: str | None = None


@dataclass(frozen=True)
class Listing:
    forwarded: list[QuestionRow]  # waiting for an answer: off-hours ones first, oldest first
    open: list[QuestionRow]  # not forwarded, most asked first
    answered: list[QuestionRow]
    dismissed: list[QuestionRow]  # dismissed and added as examples
    more: dict[str, int] = field(default_factory=dict)  # section -> rows not shown


@dataclass(frozen=True)
class Recipient:
    platform: str
    chat_id: str
    lang: str


def number_in(text: str) -> int | None:
    """The number of a forwarded question in the team's copy ("❓ … #12"), for answers
    given by replying to it."""
    if not text.lstrip().startswith("❓"):
        return None
    found = re.search(r"#(\d{1,9})\b", text)
    return int(found.group(1)) if found else None


def parse_number(text: str) -> int | None:
    """ "12", "#12", "Nr.12" -> 12."""
    raw = text.strip().lower().removeprefix("nr.").removeprefix("no.").lstrip("#").strip()
    if raw.isascii() and raw.isdigit() and len(raw) <= MAX_NUMBER_DIGITS:
        return int(raw)
    return None


class Handoff:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        clock: Clock | None = None,
        *,
        tz: ZoneInfo | None = None,
        team_chats: Iterable[tuple[str, str]] = (),
        default_lang: str = "de",
        contacts: Callable[[], str] = lambda: "",
        examples: Path | None = None,
    ) -> None:
        self._sessions = sessions
        self._clock = clock or system_clock
        self.tz = tz or ZoneInfo("Europe/Berlin")
        self.team_chats = tuple(team_chats)
        self.default_lang = default_lang
        self._contacts = contacts  # the call's contact text (German), for the office hours
        self.examples = examples

    # -- who and when -----------------------------------------------------------------------
    def hours(self) -> OfficeHours:
        return parse_office_hours(self._contacts())

    def is_team_chat(self, platform: str, chat_id: str) -> bool:
        return (platform, chat_id) in self.team_chats

    def available(self) -> bool:
        with self._sessions() as s:
            return bool(self._recipients(s))

    def _recipients(self, s: Session) -> list[Recipient]:
        if self.team_chats:
            return [Recipient(p, c, self.default_lang) for p, c in self.team_chats]
        return [Recipient(*row) for row in admin_chats(s)]

    # -- the asker ----------------------------------------------------------------------------
    def forward(
        self, ref: str, *, platform: str, user_id: str, chat_id: str, lang: str
    ) -> Forwarded:
        """The asker pressed "Ask the team" under the refusal of question `ref` ("id:key")."""
        now = self._clock()
        hours = self.hours()
        row_id, _, key = ref.partition(":")
        with self._sessions() as s:
            row = s.get(FaqLog, int(row_id)) if parse_number(row_id) is not None else None
            if row is None or not row.handoff_key or not hmac.compare_digest(row.handoff_key, key):
                raise HandoffError("stale_choice")
            if row.state in (FORWARDED, ANSWERED) and row.chat_id == chat_id:
                return Forwarded(row.id, True, None, hours.describe(lang))
            if row.state in (FORWARDED, ANSWERED):  # another chat's button: never theirs
                raise HandoffError("stale_choice")
            recipients = self._recipients(s)
            if not recipients:
                raise HandoffError("handoff_nobody")
            opens = hours.next_opening(now, self.tz)
            row.state, row.forwarded_at, row.off_hours = FORWARDED, now, opens is not None
            row.platform, row.user_id, row.chat_id = platform, user_id, chat_id
            s.flush()
            drafts = [
                outbox.Draft(
                    kind=KIND,
                    dedupe_key=f"team:{row.id}:q:{r.platform}:{r.chat_id}",
                    platform=r.platform,
                    chat_id=r.chat_id,
                    text=self._team_text(row, r, now),
                    due_at=opens or now,
                    ref=f"team:{row.id}",
                )
                for r in recipients
            ]
            outbox.enqueue(s, drafts, now)
            s.commit()
            return Forwarded(row.id, False, opens, hours.describe(lang))

    def _team_text(self, row: FaqLog, r: Recipient, now: datetime) -> str:
        prefix = "!" if r.platform == "matrix" else "/"
        return t(
            "team_question" + ("_late" if row.off_hours else ""),
            r.lang,
            n=row.id,
            language=t(f"md_lang_{row.lang}", r.lang),
            platform=row.platform.capitalize(),
            when=fmt_when(now, r.lang, self.tz),
            question=_quote(row.question),
            cmd=f"{prefix}{'antwort' if r.lang == 'de' else 'answer'}",
        )

    # -- the team -------------------------------------------------------------------------------
    def answer(self, number: int, text: str, *, by: int | None) -> int:
        """Send `text` to the asker of question `number`; returns the number."""
        text = storable(text).strip()
        if not text:
            raise HandoffError("answer_usage")
        if len(text) > MAX_ANSWER:
            raise HandoffError("answer_too_long", limit=MAX_ANSWER)
        now = self._clock()
        with self._sessions() as s:
            row = self._row(s, number)
            if row.state == ANSWERED:
                raise HandoffError("answer_already", n=number, when=row.answered_at)
            if row.state != FORWARDED or not row.chat_id:
                raise HandoffError("answer_not_forwarded", n=number)
            claimed = s.execute(
                update(FaqLog)
                .where(FaqLog.id == number, FaqLog.state == FORWARDED)
                .values(state=ANSWERED, answer=text, answered_at=now, answered_by=by)
            ).rowcount
            if claimed != 1:  # another admin was faster
                raise HandoffError("answer_already", n=number, when=now)
            # copies for the team still waiting for office hours are not needed any more
            outbox.cancel(s, ref=f"team:{number}", kind=KIND)
            reply = t("team_answer", row.lang, question=_quote(row.question), answer=text)
            outbox.enqueue(
                s,
                [
                    outbox.Draft(
                        kind=KIND,
                        dedupe_key=f"team:{number}:a",
                        platform=row.platform,
                        chat_id=row.chat_id,
                        text=reply,
                        due_at=now,
                        ref=f"team:{number}",
                    )
                ],
                now,
            )
            s.commit()
        return number

    def listing(self, limit: int = 10) -> Listing:
        """The team's /offen: forwarded ones waiting (identical open ones counted with
        them), open ones most asked first (one whose twin was answered is closed by
        that answer, counted there), recently answered, put aside; each section at
        most `limit` rows, `more` says how many were left out."""
        with self._sessions() as s:
            forwarded = list(
                s.scalars(
                    select(FaqLog)
                    .where(FaqLog.state == FORWARDED)
                    .order_by(FaqLog.off_hours.desc(), FaqLog.forwarded_at, FaqLog.id)
                )
            )
            answered = list(
                s.scalars(
                    select(FaqLog)
                    .where(FaqLog.state == ANSWERED)
                    .order_by(FaqLog.answered_at.desc())
                )
            )
            dismissed = list(
                s.scalars(
                    select(FaqLog)
                    .where(FaqLog.state.in_((DISMISSED, ADDED)))
                    .order_by(FaqLog.asked_at.desc())
                )
            )
            count = func.count().label("n")
            open_rows = s.execute(
                select(
                    func.max(FaqLog.id),
                    FaqLog.question,
                    FaqLog.lang,
                    count,
                    func.max(FaqLog.asked_at),
                )
                .where(FaqLog.confident.is_(False), FaqLog.state.is_(None))
                .group_by(FaqLog.question, FaqLog.lang)
                .order_by(count.desc(), func.max(FaqLog.asked_at).desc())
            )
            waiting = [_as_row(r) for r in forwarded]
            done = [_as_row(r) for r in answered]
            # a question forwarded or answered too is listed once, there, with how often
            # it came ("2× gestellt"); identical = the same words, case and spaces aside
            twins: dict[tuple[str, str], tuple[list[QuestionRow], int]] = {}
            for rows in (done, waiting):  # a forwarded one wins over an answered twin
                for i, r in enumerate(rows):
                    twins[_twin(r.question, r.lang)] = (rows, i)
            still_open = []
            for i, q, lang, n, at in open_rows:
                if (found := twins.get(_twin(q, lang))) is not None:
                    rows, at_row = found
                    rows[at_row] = replace(rows[at_row], count=rows[at_row].count + n)
                else:
                    still_open.append(QuestionRow(i, q, lang, "open", at, n))
            shown = {  # every forwarded one waits for the team: more of them shown
                "forwarded": (waiting, limit * 5),
                "open": (still_open, limit),
                "answered": (done, limit),
                "dismissed": ([_as_row(r) for r in dismissed], limit),
            }
            more = {k: len(rows) - n for k, (rows, n) in shown.items() if len(rows) > n}
            return Listing(*(rows[:n] for rows, n in shown.values()), more=more)

    def dismiss(self, number: int) -> int:
        """An open question (with every identical open one) is put aside; rows changed."""
        with self._sessions() as s:
            row = self._row(s, number)
            if row.state in (FORWARDED, ANSWERED):
                raise HandoffError(f"dismiss_{row.state}", n=number)
            if row.state in (DISMISSED, ADDED):
                raise HandoffError(f"dismiss_{row.state}", n=number, entry=row.example_of or "-")
            changed = s.execute(
                update(FaqLog)
                .where(_same(row), FaqLog.state.is_(None) | (FaqLog.id == row.id))
                .values(state=DISMISSED)
            ).rowcount
            s.commit()
            return changed

    def delete(self, number: int) -> int:
        """Delete a question: an open one with every identical open one; a forwarded or
        answered one alone, with its messages in the outbox (cancelled and stripped)."""
        with self._sessions() as s:
            row = self._row(s, number)
            if row.state is None:
                condition = _same(row) & FaqLog.state.is_(None)
            else:
                condition = FaqLog.id == row.id
            ids = list(s.scalars(select(FaqLog.id).where(condition)))
            outbox.forget(s, chats=[], refs=[f"team:{i}" for i in ids], names=[])
            deleted = s.execute(delete(FaqLog).where(FaqLog.id.in_(ids))).rowcount
            s.commit()
            return deleted

    def add_example(self, number: int, entry_id: str, kb: KnowledgeBase, *, by: str = "") -> str:
        """Add the question as an example question of `entry_id` to the examples file
        (the matcher picks it up on the next question); returns the entry's id."""
        if self.examples is None:
            raise HandoffError("example_no_file")
        entry_id = entry_id.strip()
        try:
            kb.get(entry_id)
        except KeyError:
            ids = [e.id for e in kb.entries]
            wanted = entry_id.lower()
            close = [i for i in ids if wanted and (wanted in i or i in wanted)]
            close += [i for i in get_close_matches(wanted, ids, n=5, cutoff=0.6) if i not in close]
            close = close[:5]
            raise HandoffError(
                "example_unknown_entry", entry=entry_id[:64], close=tuple(close), ids=tuple(ids)
            ) from None
        with self._sessions() as s:
            row = self._row(s, number)
            added = add_example(
                self.examples,
                entry=entry_id,
                lang=row.lang,
                question=row.question,
                note=f"#{row.id} {self._clock().date().isoformat()} {by}".strip(),
            )
            if not added:
                raise HandoffError("example_exists", n=number, entry=entry_id)
            s.execute(update(FaqLog).where(_same(row)).values(example_of=entry_id))
            s.execute(
                update(FaqLog)
                .where(_same(row), FaqLog.state.is_(None) | (FaqLog.state == DISMISSED))
                .values(state=ADDED)
            )
            s.commit()
        return entry_id

    def _row(self, s: Session, number: int) -> FaqLog:
        row = s.get(FaqLog, number) if 0 < number < 10**MAX_NUMBER_DIGITS else None
        if row is None or row.confident:
            raise HandoffError("question_unknown", n=number)
        return row

    # -- the weekly digest ----------------------------------------------------------------------
    def digest(self) -> int:
        """The weekly digest of the most asked unanswered questions, for the team,
        once a week (the outbox's dedupe key makes it once, restarts included)."""
        now = self._clock()
        hours = self.hours()
        with self._sessions() as s:
            recipients = [(r.platform, r.chat_id, r.lang) for r in self._recipients(s)]
            added = enqueue_digest(s, now, self.tz, recipients, opens=_first_opening(hours))
            s.commit()
            return added


def _first_opening(hours: OfficeHours) -> time:
    return hours.days[min(hours.days)][0] if hours.days else time(9)


def _same(row: FaqLog):
    return (
        (FaqLog.question == row.question) & (FaqLog.lang == row.lang) & FaqLog.confident.is_(False)
    )


def _twin(question: str, lang: str) -> tuple[str, str]:
    """Identical questions: the same words, case, spaces and end marks aside."""
    return " ".join(question.casefold().split()).strip(" ?!.…"), lang


def _as_row(r: FaqLog) -> QuestionRow:
    return QuestionRow(
        r.id,
        r.question,
        r.lang,
        r.state or "open",
        r.asked_at,
        off_hours=bool(r.off_hours),
        answered_at=r.answered_at,
        example_of=r.example_of,
    )


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHOWN_QUESTION else text[: SHOWN_QUESTION - 1] + "…"


def new_key() -> str:
    """The secret of a refusal's "Ask the team" button (a forged button forwards nothing)."""
    return secrets.token_hex(6)
