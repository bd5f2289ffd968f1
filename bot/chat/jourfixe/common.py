"""What the Jour Fixe handlers share: the service, times in the reader's words,
refusals, slot buttons, notices to the other side with calendar files."""

from __future__ import annotations

from datetime import datetime

from bot.booking.base import BookingError, MeetingView, Party
from bot.booking.buttons import data as jf_data
from bot.booking.ics import jour_fixe_file
from bot.booking.service import JourFixe
from bot.booking.timeparse import TimeParseError
from bot.chat.handlers import Context
from bot.messages import Address, Attachment, Button, Outbound
from bot.texts import fmt_date, fmt_when, t

__all__ = [
    "address", "booking", "both_sides", "calendar", "decision_buttons", "ics", "notice",
    "refusal", "series_note", "slot_buttons", "when",
]  # fmt: skip


def booking(ctx: Context) -> JourFixe:
    return ctx.services.booking


def when(ctx: Context, moment: datetime, reader: Party | None = None) -> str:
    """A moment for the sender, or for `reader` (the other side) in their language and zone."""
    if reader is None:
        return fmt_when(moment, ctx.lang, ctx.tz)
    return fmt_when(moment, reader.lang, reader.tz)


def refusal(ctx: Context, exc: BookingError | TimeParseError) -> list[Outbound]:
    if isinstance(exc, TimeParseError):
        return [Outbound(t(exc.key, ctx.lang, text=exc.text))]
    if exc.key == "slot_taken":
        if not exc.alternatives:
            return [Outbound(t("slot_taken_none", ctx.lang))]
        return [Outbound(t("slot_taken", ctx.lang), slot_buttons(ctx, exc.alternatives, "slot"))]
    return [Outbound(t(exc.key, ctx.lang, **exc.fields))]


def slot_buttons(ctx: Context, slots, *action: str | int) -> tuple[Button, ...]:
    return tuple(Button(when(ctx, s), jf_data(*action, int(s.timestamp()))) for s in slots)


def address(party: Party) -> Address | None:
    return Address(party.platform, party.chat_id, party.name) if party.platform else None


def notice(ctx: Context, party: Party, text: str, **kw) -> list[Outbound]:
    """A message for the other side, or a hint to the sender if they are not linked."""
    to = address(party)
    if to is None:
        return [Outbound(t("not_linked", ctx.lang, name=party.name))]
    return [Outbound(text, to=to, **kw)]


def ics(ctx: Context, m: MeetingView, cancelled: bool = False) -> tuple[Attachment, ...]:
    return calendar(ctx, [m], cancelled)


def calendar(
    ctx: Context, meetings: list[MeetingView], cancelled: bool = False
) -> tuple[Attachment, ...]:
    """One calendar file for one meeting or a whole series."""
    return (Attachment(*jour_fixe_file(meetings, cancelled=cancelled, now=ctx.now, tz=ctx.tz)),)


def series_note(ctx: Context, meetings: list[MeetingView], lang: str) -> str:
    if len(meetings) < 2:
        return ""
    until = fmt_date(meetings[-1].starts_at.astimezone(ctx.tz).date(), lang)
    return t("series_note", lang, n=len(meetings), until=until)


def decision_buttons(m: MeetingView, lang: str) -> tuple[Button, ...]:
    return (
        Button(t("confirm", lang), jf_data("yes", m.id), confirms=True),
        Button(t("decline", lang), jf_data("no", m.id)),
    )


def both_sides(ctx: Context, m: MeetingView, key: str, files, **fields) -> list[Outbound]:
    """The same news for both sides of a meeting, each in their language."""
    me, other = (
        (m.expert, m.buddy) if ctx.who.person_id == m.expert.person_id else (m.buddy, m.expert)
    )
    mine = Outbound(
        t(
            key,
            ctx.lang,
            when=when(ctx, m.starts_at),
            other=other.name,
            by="",
            **{k: v(None) for k, v in fields.items()},
        ),
        files=files,
    )
    theirs = t(
        key,
        other.lang,
        when=when(ctx, m.starts_at, other),
        other=me.name,
        by=t("by_other", other.lang, name=me.name),
        **{k: v(other) for k, v in fields.items()},
    )
    return [mine] + notice(ctx, other, theirs, files=files)
