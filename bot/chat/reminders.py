"""Timeline reminders in chat: /erinnerungen subscribes the chat to the active
edition's pushes (also the 🔔 button under dated FAQ answers), /stopp ends them.
Everything planned lives in the outbox; see bot.timeline and jobs.dispatch."""

from __future__ import annotations

from bot.chat.faq_replies import SUBSCRIBE_DATA
from bot.chat.handlers import Callback, Command, Context, Feature
from bot.messages import Outbound
from bot.texts import fmt_when, t
from bot.timeline import Subscriber

__all__ = ["FEATURE"]


def _subscribe(ctx: Context) -> list[Outbound]:
    msg = ctx.msg
    edition, pending = ctx.services.timeline.subscribe(
        Subscriber(msg.platform, msg.user_id, msg.chat_id, ctx.lang)
    )
    if edition is None:
        return [Outbound(t("no_edition", ctx.lang))]
    if not pending:
        return [Outbound(t("subscribed_nothing_ahead", ctx.lang, edition=edition.name))]
    lines = [
        f"• {fmt_when(row.due_at, ctx.lang, ctx.tz)} – {row.text.splitlines()[0].split(': ', 1)[-1]}"
        for row in pending
    ]
    text = t("subscribed", ctx.lang, edition=edition.name, n=len(pending), list="\n".join(lines))
    return [Outbound(text)]


def _stop(ctx: Context) -> list[Outbound]:
    timeline, msg = ctx.services.timeline, ctx.msg
    if not any(s.stopped_at is None for s in timeline.subscriptions_of(msg.platform, msg.user_id)):
        return [Outbound(t("not_subscribed", ctx.lang))]
    gone = timeline.unsubscribe(msg.platform, msg.user_id)
    return [Outbound(t("unsubscribed", ctx.lang, n=gone))]


FEATURE = Feature(
    name="reminders",
    commands=(
        Command(
            ("erinnerungen", "erinnerung", "remind", "reminders"),
            _subscribe,
            menu=("erinnerungen", "remind"),
        ),
        Command(("stopp", "stop"), _stop, menu=("stopp", "stop")),
    ),
    callbacks=(Callback(SUBSCRIBE_DATA, lambda ctx, data: _subscribe(ctx)),),
    needs=("timeline",),
)
