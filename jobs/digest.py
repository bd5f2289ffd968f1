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
DIGEST_TOP = 10
SHOWN = 200


def top_unanswered(
    session: Session, since: datetime, limit: int = DIGEST_TOP
) -> list[tuple[int, str, int]]:
    """(number, question, times asked) of the open questions since `since` (not
    forwarded, answered or put aside), identical texts together, most asked first."""
    count = func.count().label("n")
    stmt = (
        select(func.max(FaqLog.id), FaqLog.question, count)
        .where(
            FaqLog.confident.is_(False),
            FaqLog.asked_at >= since,
            FaqLog.state.is_(None),
        )
        .group_by(FaqLog.question, FaqLog.lang)
        .order_by(count.desc(), func.max(FaqLog.asked_at).desc())
        .limit(limit)
    )
    return [(n, q, c) for n, q, c in session.execute(stmt)]


def enqueue_digest(
    session: Session,
    now: datetime,
    tz: ZoneInfo,
    recipients: list[tuple[str, str, str]],
    *,
    opens: time = time(9),
) -> int:
    """On Mondays from `opens` (local time): the digest for each (platform, chat, lang)
    in `recipients`, unless this week's is in the outbox already. Rows added."""
    local = now.astimezone(tz)
    if local.weekday() != 0 or local.time() < opens or not recipients:
        return 0
    top = top_unanswered(session, now - timedelta(days=DIGEST_DAYS))
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
