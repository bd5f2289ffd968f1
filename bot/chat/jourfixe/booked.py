"""When the buddy's free times are all booked (tryout6 rows 2, 3, 7): say so (never
"has no free times entered"), let the buddy type any new time for his own meeting,
and let the expert ask the buddy for a time with one button."""

from __future__ import annotations

from datetime import timedelta

from bot.booking.base import BookingError, MeetingView, Party
from bot.booking.buttons import data as jf_data
from bot.chat.handlers import Context
from bot.chat.jourfixe.common import booking, notice, refusal, when
from bot.messages import Button, Outbound
from bot.texts import t
from storage.models import Role

__all__ = ["ask_buddy", "no_move_slots", "no_slots", "none_near"]

_BOOK = 0  # the ask-buddy button's number when no meeting is to be moved


def _has_times(ctx: Context, party: Party) -> bool:
    try:
        return bool(booking(ctx).availability(party.person_id)[0])
    except BookingError:
        return False


def _weeks(ctx: Context) -> int:
    return max(1, booking(ctx).rules.horizon_days // 7)


def _ask_button(ctx: Context, buddy: str, meeting_id: int) -> tuple[Button, ...]:
    return (Button(t("ask_buddy_button", ctx.lang, buddy=buddy), jf_data("askbuddy", meeting_id)),)


def no_slots(ctx: Context, party: Party) -> list[Outbound]:
    """/jourfixe with no free slot: the buddy's times are booked (and a button to ask
    him for a time), or he has entered none."""
    if not _has_times(ctx, party):
        return [Outbound(t("no_slots", ctx.lang, buddy=party.name))]
    text = t("booked_out", ctx.lang, buddy=party.name, weeks=_weeks(ctx))
    return [Outbound(text, _ask_button(ctx, party.name, _BOOK))]


def no_move_slots(ctx: Context, m: MeetingView, ask) -> list[Outbound]:
    """The move picker with no free slot: the buddy moving his own meeting types the
    new time (any time he is free; the typed reply is read by the open "move"
    question, kept with `ask`); the expert is told the buddy's times are booked and
    may ask him for a time."""
    example = when(ctx, m.starts_at + timedelta(days=1))
    if ctx.role is Role.BUDDY:
        ask(ctx, "move", {"meeting": m.id, "offset": 0})
        text = t("booked_move_own", ctx.lang, when=when(ctx, m.starts_at), example=example)
        return [Outbound(text)]
    if not _has_times(ctx, m.buddy):
        return [Outbound(t("no_slots", ctx.lang, buddy=m.buddy.name))]
    ask(ctx, "move", {"meeting": m.id, "offset": 0})  # a typed time is still checked
    text = t("booked_move", ctx.lang, buddy=m.buddy.name, when=when(ctx, m.starts_at))
    return [Outbound(text, _ask_button(ctx, m.buddy.name, m.id))]


def ask_buddy(ctx: Context, meeting_id: int) -> list[Outbound]:
    """The expert's "ask the buddy for a time": the buddy reads who found no free
    time, and how to give one (more free times, or the meeting moved by him)."""
    jf = booking(ctx)
    try:
        if meeting_id == _BOOK:
            buddy = jf.slot_offer(ctx.who.person_id)[0]
            key, fields = "buddy_asked_book", {}
        else:
            m = jf.get(ctx.who.person_id, meeting_id)
            buddy = m.buddy
            fields = {"when": when(ctx, m.starts_at, buddy), "id": m.id}
            key = "buddy_asked_move"
    except BookingError as exc:
        return refusal(ctx, exc)
    text = t(key, buddy.lang, expert=ctx.who.name, weeks=_weeks(ctx), **fields)
    told = notice(ctx, buddy, text)
    return [Outbound(t("asked_buddy", ctx.lang, buddy=buddy.name)), *told]


def none_near(ctx: Context, m: MeetingView, text: str) -> list[Outbound]:
    """Why a move cannot happen when nothing is free nearby: the reason without its
    heading ("Freie Zeiten in der Nähe:"), and for the expert whose buddy's times are
    booked, the button to ask him for a time."""
    if text.endswith(":") and ". " in text:
        text = text.rsplit(". ", 1)[0] + "."
    if ctx.role is Role.EXPERT and _has_times(ctx, m.buddy):
        booked = t("booked_move", ctx.lang, buddy=m.buddy.name, when=when(ctx, m.starts_at))
        return [Outbound(f"{text}\n{booked}", _ask_button(ctx, m.buddy.name, m.id))]
    return [Outbound(text + "\n" + t("move_none_near", ctx.lang))]
