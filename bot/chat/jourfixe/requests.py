"""Requests and answers: an expert picks a slot (once or as a series), the buddy
confirms, declines or proposes another time by button or in their own words, the
expert accepts a proposal; unanswered requests expire on the tick."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.booking.answers import YES, classify, guess
from bot.booking.base import BookingError, MeetingView
from bot.booking.buttons import data as jf_data
from bot.booking.service import JourFixe
from bot.booking.timeparse import TimeParseError, parse_moment
from bot.chat.handlers import Context
from bot.chat.jourfixe.common import (
    address,
    booking,
    calendar,
    decision_buttons,
    notice,
    refusal,
    series_note,
    slot_buttons,
    when,
)
from bot.messages import Button, Outbound
from bot.texts import fmt_when, t
from storage.models import Role

__all__ = [
    "accept_proposal",
    "book",
    "decide",
    "expiry_notices",
    "pick_series",
    "read_reply",
    "request_slots",
]


# -- experts: request ------------------------------------------------------------------
def request_slots(ctx: Context) -> list[Outbound]:
    jf = booking(ctx)
    try:
        slots = jf.slots(ctx.who.person_id, limit=8)
        buddy = jf.buddy(ctx.who.person_id).name
    except BookingError as exc:
        return refusal(ctx, exc)
    if not slots:
        return [Outbound(t("no_slots", ctx.lang, buddy=buddy))]
    return [
        Outbound(t("slots", ctx.lang, buddy=buddy, tz=ctx.tz.key), slot_buttons(ctx, slots, "slot"))
    ]


def pick_series(ctx: Context, ts: int) -> list[Outbound]:
    moment = datetime.fromtimestamp(ts, UTC)
    buttons = tuple(
        Button(t(key, ctx.lang), jf_data("book", ts, weeks))
        for key, weeks in (("series_once", 0), ("series_weekly", 1), ("series_biweekly", 2))
    )
    return [Outbound(t("series_question", ctx.lang, when=when(ctx, moment)), buttons)]


def book(ctx: Context, ts: int, weeks: int) -> list[Outbound]:
    if weeks not in (0, 1, 2):
        return [Outbound(t("stale_choice", ctx.lang))]
    try:
        meetings = booking(ctx).request(ctx.who.person_id, datetime.fromtimestamp(ts, UTC), weeks)
    except BookingError as exc:
        return refusal(ctx, exc)
    first, buddy = meetings[0], meetings[0].buddy
    replies = [
        Outbound(
            t(
                "requested",
                ctx.lang,
                buddy=buddy.name,
                when=when(ctx, first.starts_at),
                series=series_note(ctx, meetings, ctx.lang),
            )
        )
    ]
    text = t(
        "request_for_buddy",
        buddy.lang,
        expert=first.expert.name,
        when=when(ctx, first.starts_at, buddy),
        series=series_note(ctx, meetings, buddy.lang),
    )
    return replies + notice(ctx, buddy, text, buttons=decision_buttons(first, buddy.lang))


# -- buddies: decide -------------------------------------------------------------------
def decide(ctx: Context, meeting_id: int, accept: bool) -> list[Outbound]:
    try:
        meetings = booking(ctx).decide(ctx.who.person_id, meeting_id, accept)
    except BookingError as exc:
        return refusal(ctx, exc)
    first, expert = meetings[0], meetings[0].expert
    if not accept:
        return [Outbound(t("declined_ok", ctx.lang, expert=expert.name))] + notice(
            ctx,
            expert,
            t(
                "declined_for_expert",
                expert.lang,
                buddy=first.buddy.name,
                when=when(ctx, first.starts_at, expert),
            ),
        )
    return _confirmed(ctx, meetings)


def _confirmed(ctx: Context, meetings: list[MeetingView]) -> list[Outbound]:
    """Both sides get the confirmation with a calendar file per meeting."""
    first = meetings[0]
    files = calendar(ctx, meetings)
    out = []
    for me, other in ((first.buddy, first.expert), (first.expert, first.buddy)):
        text = t(
            "confirmed_for",
            me.lang,
            when=when(ctx, first.starts_at, me),
            other=other.name,
            series=series_note(ctx, meetings, me.lang),
        )
        if me.person_id == ctx.who.person_id:
            out.append(Outbound(text, files=files))
        else:
            out += notice(ctx, me, text, files=files)
    return out


def read_reply(ctx: Context, text: str) -> list[Outbound] | None:
    """A buddy's free text while requests wait: yes, no, a counter-proposal, or a
    question back. None when nothing waits (the text then goes to the FAQ)."""
    if ctx.role is not Role.BUDDY:
        return None
    pending = booking(ctx).pending(ctx.who.person_id)
    if not pending:
        return None
    answer = classify(text)
    proposal = None
    if answer is None:
        try:
            proposal = parse_moment(text, ctx.now.astimezone(ctx.tz).replace(tzinfo=None))
        except TimeParseError as exc:
            if exc.key in ("date_past", "date_far"):  # a time, but not one to propose
                return refusal(ctx, exc)
            proposal = None
    if answer is None and proposal is None:
        fuzzy = guess(text)
        if fuzzy is None:
            return None
        m = pending[0]
        if len(pending) > 1:
            return [Outbound(t("which_request", ctx.lang), _pending_buttons(ctx, pending))]
        return [
            Outbound(
                t(
                    "ask_back",
                    ctx.lang,
                    answer=t(f"answer_{fuzzy}", ctx.lang),
                    when=when(ctx, m.starts_at),
                    expert=m.expert.name,
                ),
                decision_buttons(m, ctx.lang),
            )
        ]
    if len(pending) > 1:
        return [Outbound(t("which_request", ctx.lang), _pending_buttons(ctx, pending))]
    m = pending[0]
    if proposal is not None:
        return _propose(ctx, m, proposal.replace(tzinfo=ctx.tz))
    return decide(ctx, m.id, answer == YES)


def _pending_buttons(ctx: Context, pending: list[MeetingView]) -> tuple[Button, ...]:
    buttons = []
    for m in pending:
        label = f"{m.expert.name}, {when(ctx, m.starts_at)}"
        buttons += [
            Button(f"{t('confirm', ctx.lang)}: {label}", jf_data("yes", m.id)),
            Button(f"{t('decline', ctx.lang)}: {label}", jf_data("no", m.id)),
        ]
    return tuple(buttons)


def _propose(ctx: Context, m: MeetingView, start: datetime) -> list[Outbound]:
    try:
        view = booking(ctx).propose(ctx.who.person_id, m.id, start)
    except BookingError as exc:
        return refusal(ctx, exc)
    expert = view.expert
    proposal = when(ctx, start, expert)
    text = t(
        "proposal_for_expert",
        expert.lang,
        buddy=view.buddy.name,
        when=when(ctx, view.starts_at, expert),
        proposal=proposal,
    )
    button = Button(
        t("proposal_accept", expert.lang, proposal=proposal),
        jf_data("prop", view.id),
        confirms=True,
    )
    return [
        Outbound(t("proposal_sent", ctx.lang, proposal=when(ctx, start), expert=expert.name))
    ] + notice(ctx, expert, text, buttons=(button,))


def accept_proposal(ctx: Context, meeting_id: int) -> list[Outbound]:
    try:
        return _confirmed(ctx, [booking(ctx).accept_proposal(ctx.who.person_id, meeting_id)])
    except BookingError as exc:
        return refusal(ctx, exc)


def expiry_notices(booking: JourFixe) -> list[Outbound]:
    """Expire unanswered requests and tell the experts (called on each tick)."""
    out = []
    for m in booking.expire_due():
        if m.expert.platform:
            text = t(
                "expired_for_expert",
                m.expert.lang,
                buddy=m.buddy.name,
                when=fmt_when(m.starts_at, m.expert.lang, m.expert.tz),
            )
            out.append(Outbound(text, to=address(m.expert)))
    return out
