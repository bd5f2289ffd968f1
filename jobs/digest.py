"""The weekly digest for the team: the most asked questions the bot could not answer
in the last seven days, once a week on Monday when office hours begin. The outbox is
the record: its dedupe key (`digest:<ISO week>:<chat>`) makes it once per week and
chat, however often the scheduler ticks and whether or not the bot restarted."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.texts import t
from storage import outbox
from storage.models import FaqLog

__all__ = ["DIGEST_DAYS", "DIGEST_TOP", "enqueue_digest", "top_unanswered"]

DIGEST_DAYS = 7
CLOSED = ("answered", "added")  # a twin of these is no open question
DIGEST_TOP = 10
SHOWN = 200


def top_unanswered(
    session: Session, since: datetime, limit: int = DIGEST_TOP, until: datetime | None = None
) -> list[tuple[int, str, int]]:
    """(number, question, times asked) of the open questions asked from `since` until
    before `until` (not forwarded, answered or put aside), identical texts together
    (case, spaces and end marks aside), most asked first. One whose twin was answered
    or added to the knowledge base is closed by that, not listed."""
    count = func.count().label("n")
    when = [FaqLog.asked_at >= since] + ([FaqLog.asked_at < until] if until else [])
    stmt = (
        select(func.max(FaqLog.id), FaqLog.question, FaqLog.lang, count, func.max(FaqLog.asked_at))
        .where(FaqLog.confident.is_(False), FaqLog.state.is_(None), *when)
        .group_by(FaqLog.question, FaqLog.lang)
    )
    closed = {
        _twin(q, lang)
        for q, lang in session.execute(
            select(FaqLog.question, FaqLog.lang).where(FaqLog.state.in_(CLOSED)).distinct()
        )
    }
    merged: dict[tuple[str, str], list] = {}
    for number, question, lang, n, at in session.execute(stmt):
        key = _twin(question, lang)
        if key in closed:
            continue
        if (row := merged.get(key)) is None:
            merged[key] = [number, question, n, at]
            continue
        row[2] += n
        if at > row[3]:
            row[0], row[1], row[3] = number, question, at
    ranked = sorted(merged.values(), key=lambda r: (-r[2], -r[3].timestamp()))
    return [(number, question, n) for number, question, n, _ in ranked[:limit]]


def _twin(question: str, lang: str) -> tuple[str, str]:
    """Identical questions: the same words, case, spaces and end marks aside (as the
    team's /offen counts them)."""
    return " ".join(question.casefold().split()).strip(" ?!.…"), lang


def enqueue_digest(
    session: Session,
    now: datetime,
    tz: ZoneInfo,
    recipients: list[tuple[str, str, str]],
    *,
    opens: time = time(9),
) -> int:
    """On Mondays from `opens` (local time): the digest for each (platform, chat, lang)
    in `recipients`, unless this week's is in the outbox already. Rows added. It is the
    digest of Monday `opens`: of the seven days before then, whenever it is made (a
    question asked at 10:05, the first tick of a bot started then, waits for next week's)."""
    local = now.astimezone(tz)
    if local.weekday() != 0 or local.time() < opens or not recipients:
        return 0
    moment = datetime.combine(local.date(), opens, tzinfo=tz)  # this week's digest is of then
    top = top_unanswered(session, moment - timedelta(days=DIGEST_DAYS), until=moment)
    if not top:
        return 0
    year, week, _ = local.isocalendar()
    drafts = []
    for platform, chat_id, lang in recipients:
        lines = [t("digest_item", lang, n=n, count=c, question=_short(q)) for n, q, c in top]
        text = "\n".join(
            [t("digest_head", lang, days=DIGEST_DAYS), *lines, "", t("digest_foot", lang)]
        )
        drafts.append(
            outbox.Draft(
                kind="digest",
                dedupe_key=f"digest:{year}-W{week:02d}:{platform}:{chat_id}",
                platform=platform,
                chat_id=chat_id,
                text=text,
                due_at=now,
            )
        )
    return outbox.enqueue(session, drafts, now)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"
