"""Upcoming meetings: list them, cancel one, move one to another free slot. Both
sides hear of every change, with an updated calendar file."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.booking.base import BookingError
from bot.booking.buttons import data as jf_data
from bot.chat.handlers import Context
from bot.chat.jourfixe.common import booking, both_sides, ics, refusal, slot_buttons, when
from bot.messages import Button, Outbound
from bot.texts import t

__all__ = ["cancel", "cancel_command", "meetings", "move", "move_command", "move_slots"]


# -- both: list, cancel, move ----------------------------------------------------------
def meetings(ctx: Context) -> list[Outbound]:
    meetings = booking(ctx).upcoming(ctx.who.person_id)
    if not meetings:
        return [Outbound(t("meetings_none", ctx.lang))]
    lines = [
        f"#{m.id}  {when(ctx, m.starts_at)}  {m.other(ctx.who.person_id).name}  "
        f"({t('state_' + m.state, ctx.lang)})"
        for m in meetings
    ]
    return [Outbound(t("meetings", ctx.lang) + "\n" + "\n".join(lines))]


def _meeting_arg(ctx: Context) -> int | None:
    arg = ctx.args[0].lstrip("#") if ctx.args else ""
    return int(arg) if arg.isascii() and arg.isdigit() and len(arg) <= 12 else None


def _pick(ctx: Context, key: str, action: str) -> list[Outbound]:
    meetings = booking(ctx).upcoming(ctx.who.person_id)
    if not meetings:
        return [Outbound(t("meetings_none", ctx.lang))]
    buttons = tuple(
        Button(
            f"{when(ctx, m.starts_at)} – {m.other(ctx.who.person_id).name}", jf_data(action, m.id)
        )
        for m in meetings
    )
    return [Outbound(t(key, ctx.lang), buttons)]


def cancel_command(ctx: Context) -> list[Outbound]:
    meeting_id = _meeting_arg(ctx)
    return _pick(ctx, "pick_cancel", "cancel") if meeting_id is None else cancel(ctx, meeting_id)


def cancel(ctx: Context, meeting_id: int) -> list[Outbound]:
    try:
        m = booking(ctx).cancel(ctx.who.person_id, meeting_id)
    except BookingError as exc:
        return refusal(ctx, exc)
    return both_sides(ctx, m, "cancelled_for", ics(ctx, m, cancelled=True))


def move_command(ctx: Context) -> list[Outbound]:
    meeting_id = _meeting_arg(ctx)
    return (
        _pick(ctx, "pick_move", "pickmove") if meeting_id is None else move_slots(ctx, meeting_id)
    )


def move_slots(ctx: Context, meeting_id: int) -> list[Outbound]:
    jf = booking(ctx)
    try:
        m = jf.get(ctx.who.person_id, meeting_id)
        slots = [s for s in jf.slots(m.expert.person_id, limit=9, ignore=m.id) if s != m.starts_at][
            :8
        ]
    except BookingError as exc:
        return refusal(ctx, exc)
    if not slots:
        return [Outbound(t("no_slots", ctx.lang, buddy=m.buddy.name))]
    return [
        Outbound(
            t("move_slots", ctx.lang, when=when(ctx, m.starts_at)),
            slot_buttons(ctx, slots, "move", m.id),
        )
    ]


def move(ctx: Context, meeting_id: int, ts: int) -> list[Outbound]:
    jf = booking(ctx)
    try:
        old = jf.get(ctx.who.person_id, meeting_id)
        m = jf.move(ctx.who.person_id, meeting_id, datetime.fromtimestamp(ts, UTC))
    except BookingError as exc:
        return refusal(ctx, exc)
    return both_sides(
        ctx, m, "moved_for", ics(ctx, m), old=lambda reader: when(ctx, old.starts_at, reader)
    )
