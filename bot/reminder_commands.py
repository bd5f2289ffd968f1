"""Reminder commands: timeline pushes for everyone, Jour Fixe reminder times for
experts and buddies. Everything planned lives in the outbox (see jobs/)."""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo

from bot.commands import Command, Context
from bot.faq_replies import SUBSCRIBE_DATA
from bot.messages import Outbound
from bot.texts import fmt_when, t
from jobs.timeline import Subscriber
from storage.models import Role

__all__ = ["COMMANDS", "SUBSCRIBE_DATA", "subscribe"]

_DURATION = re.compile(r"^(\d{1,3})\s*(d|t|tag|tage|h|std|m|min)$")
_UNIT_MINUTES = {
    "d": 1440,
    "t": 1440,
    "tag": 1440,
    "tage": 1440,
    "h": 60,
    "std": 60,
    "m": 1,
    "min": 1,
}


def _subscriber(ctx: Context) -> Subscriber:
    return Subscriber(ctx.msg.platform, ctx.msg.user_id, ctx.msg.chat_id, ctx.lang)


def subscribe(ctx: Context) -> list[Outbound]:
    timeline = ctx.router.timeline
    edition, pending = timeline.subscribe(_subscriber(ctx))
    if edition is None:
        return [Outbound(t("no_edition", ctx.lang))]
    if not pending:
        return [Outbound(t("subscribed_nothing_ahead", ctx.lang, edition=edition.name))]
    tz = ZoneInfo(edition.timezone)
    lines = [f"• {fmt_when(row.due_at, ctx.lang, tz)} – {row.text.splitlines()[0].split(': ', 1)[-1]}"
             for row in pending]  # fmt: skip
    return [
        Outbound(
            t("subscribed", ctx.lang, edition=edition.name, n=len(pending), list="\n".join(lines))
        )
    ]


def _stop(ctx: Context) -> list[Outbound]:
    timeline = ctx.router.timeline
    if not any(
        s.stopped_at is None for s in timeline.subscriptions_of(ctx.msg.platform, ctx.msg.user_id)
    ):
        return [Outbound(t("not_subscribed", ctx.lang))]
    gone = timeline.unsubscribe(ctx.msg.platform, ctx.msg.user_id)
    return [Outbound(t("unsubscribed", ctx.lang, n=gone))]


def _before(ctx: Context) -> list[Outbound]:
    """/vorher 24h 1h – when to be reminded before each Jour Fixe."""
    booking = ctx.router.booking
    if not ctx.args:
        current = ", ".join(
            _duration(m, ctx.lang) for m in booking.reminder_minutes(ctx.who.person_id)
        )
        return [Outbound(t("before_usage", ctx.lang, current=current or "–"))]
    minutes = []
    for arg in ctx.args[:3]:
        m = _DURATION.match(arg.lower().strip(","))
        if not m or not 0 < int(m.group(1)) * _UNIT_MINUTES[m.group(2)] <= 14 * 1440:
            return [Outbound(t("before_usage", ctx.lang, current=arg))]
        minutes.append(int(m.group(1)) * _UNIT_MINUTES[m.group(2)])
    booking.set_reminders(ctx.who.person_id, minutes)
    return [
        Outbound(
            t(
                "before_set",
                ctx.lang,
                times=", ".join(_duration(m, ctx.lang) for m in sorted(minutes, reverse=True)),
            )
        )
    ]


def _duration(minutes: int, lang: str) -> str:
    if minutes % 1440 == 0:
        n = minutes // 1440
        return (
            f"{n} Tag{'e' if n > 1 else ''}" if lang == "de" else f"{n} day{'s' if n > 1 else ''}"
        )
    return f"{minutes // 60} h" if minutes % 60 == 0 else f"{minutes} min"


COMMANDS = (
    Command(("erinnerungen", "erinnerung", "remind", "reminders"), subscribe),
    Command(("stopp", "stop"), _stop),
    Command(("vorher", "before"), _before, frozenset({Role.EXPERT, Role.BUDDY})),
)
