"""Jour Fixe in chat: buddies say when they are free, experts pick a slot, buddies
confirm by button or by a short answer, either side moves or cancels, and each
chooses when to be reminded.

Handlers return the reply to the sender and, addressed with `to`, the notices
for the other side (with the calendar file where the calendar changes). Button
data is written and read by bot.booking.buttons. Times are shown in each
reader's time zone.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from bot.booking.answers import YES, classify, guess
from bot.booking.base import BookingError, MeetingView, Party
from bot.booking.buttons import PREFIX as JF_PREFIX
from bot.booking.buttons import data as jf_data
from bot.booking.buttons import parse as jf_parse
from bot.booking.ics import jour_fixe_file
from bot.booking.service import JourFixe
from bot.booking.timeparse import TimeParseError, parse_dates, parse_moment, parse_windows
from bot.chat.handlers import BUDDIES, EXPERTS, PAIR_ROLES, Callback, Command, Context, Feature
from bot.messages import Address, Attachment, Button, Outbound
from bot.texts import fmt_date, fmt_duration, fmt_when, t, weekday_name
from storage.models import Role

__all__ = ["FEATURE", "expiry_notices"]


def _jf(ctx: Context) -> JourFixe:
    return ctx.services.booking


def _when(ctx: Context, moment: datetime, reader: Party | None = None) -> str:
    """A moment for the sender, or for `reader` (the other side) in their language and zone."""
    if reader is None:
        return fmt_when(moment, ctx.lang, ctx.tz)
    return fmt_when(moment, reader.lang, reader.tz)


def _refusal(ctx: Context, exc: BookingError | TimeParseError) -> list[Outbound]:
    if isinstance(exc, TimeParseError):
        return [Outbound(t(exc.key, ctx.lang, text=exc.text))]
    if exc.key == "slot_taken":
        if not exc.alternatives:
            return [Outbound(t("slot_taken_none", ctx.lang))]
        return [Outbound(t("slot_taken", ctx.lang), _slot_buttons(ctx, exc.alternatives, "slot"))]
    return [Outbound(t(exc.key, ctx.lang, **exc.fields))]


def _slot_buttons(ctx: Context, slots, *action: str | int) -> tuple[Button, ...]:
    return tuple(Button(_when(ctx, s), jf_data(*action, int(s.timestamp()))) for s in slots)


def _to(party: Party) -> Address | None:
    return Address(party.platform, party.chat_id, party.name) if party.platform else None


def _notice(ctx: Context, party: Party, text: str, **kw) -> list[Outbound]:
    """A message for the other side, or a hint to the sender if they are not linked."""
    to = _to(party)
    if to is None:
        return [Outbound(t("not_linked", ctx.lang, name=party.name))]
    return [Outbound(text, to=to, **kw)]


def _ics(ctx: Context, m: MeetingView, cancelled: bool = False) -> tuple[Attachment, ...]:
    return _calendar(ctx, [m], cancelled)


def _calendar(
    ctx: Context, meetings: list[MeetingView], cancelled: bool = False
) -> tuple[Attachment, ...]:
    """One calendar file for one meeting or a whole series."""
    return (
        Attachment(*jour_fixe_file(meetings, cancelled=cancelled, now=ctx.now, tz=ctx.tz)),
    )


def _series(ctx: Context, meetings: list[MeetingView], lang: str) -> str:
    if len(meetings) < 2:
        return ""
    until = fmt_date(meetings[-1].starts_at.astimezone(ctx.tz).date(), lang)
    return t("series_note", lang, n=len(meetings), until=until)


# -- buddies: free times ---------------------------------------------------------------
def _frei(ctx: Context) -> list[Outbound]:
    jf, buddy = _jf(ctx), ctx.who.person_id
    text = " ".join(ctx.args)
    if text.lower() in ("löschen", "loeschen", "clear"):
        jf.clear_windows(buddy)
        return [Outbound(t("windows_cleared", ctx.lang))]
    if text:
        try:
            jf.set_windows(buddy, parse_windows(text, ctx.now.astimezone(ctx.tz).date()))
        except TimeParseError as exc:
            return _refusal(ctx, exc)
    return [Outbound(_windows_text(ctx))]


def _windows_text(ctx: Context) -> str:
    windows, off = _jf(ctx).availability(ctx.who.person_id)
    if not windows and not off:
        return t("windows_none", ctx.lang)
    lines = []
    for w in windows:
        day = weekday_name(w.weekday, ctx.lang) if w.day is None else fmt_date(w.day, ctx.lang)
        lines.append(f"• {day} {w.start:%H:%M}–{w.end:%H:%M}")
    lines += [
        f"• {t('off', ctx.lang, first=fmt_date(a, ctx.lang), last=fmt_date(b, ctx.lang))}"
        for a, b in off
    ]
    return t("windows_now", ctx.lang, windows="\n".join(lines))


def _dauer(ctx: Context) -> list[Outbound]:
    arg = ctx.args[0] if ctx.args else ""
    if not arg.isdigit():
        return [
            Outbound(t("length_usage", ctx.lang, minutes=_jf(ctx).slot_minutes(ctx.who.person_id)))
        ]
    try:
        _jf(ctx).set_slot_minutes(ctx.who.person_id, int(arg))
    except BookingError as exc:
        return _refusal(ctx, exc)
    return [Outbound(t("length_set", ctx.lang, minutes=int(arg)))]


def _urlaub(ctx: Context) -> list[Outbound]:
    jf = _jf(ctx)
    try:
        first, last = parse_dates(" ".join(ctx.args), ctx.now.astimezone(ctx.tz).date())
    except TimeParseError as exc:
        return _refusal(ctx, exc)
    jf.add_off(ctx.who.person_id, first, last)
    return [Outbound(_windows_text(ctx))]


# -- experts: request ------------------------------------------------------------------
def _jourfixe(ctx: Context) -> list[Outbound]:
    jf = _jf(ctx)
    try:
        slots = jf.slots(ctx.who.person_id, limit=8)
        buddy = jf.buddy(ctx.who.person_id).name
    except BookingError as exc:
        return _refusal(ctx, exc)
    if not slots:
        return [Outbound(t("no_slots", ctx.lang, buddy=buddy))]
    return [Outbound(t("slots", ctx.lang, buddy=buddy, tz=ctx.tz.key), _slot_buttons(ctx, slots, "slot"))]


def _pick_series(ctx: Context, ts: int) -> list[Outbound]:
    moment = datetime.fromtimestamp(ts, UTC)
    buttons = tuple(Button(t(key, ctx.lang), jf_data("book", ts, weeks))
                    for key, weeks in (("series_once", 0), ("series_weekly", 1), ("series_biweekly", 2)))  # fmt: skip
    return [Outbound(t("series_question", ctx.lang, when=_when(ctx, moment)), buttons)]


def _book(ctx: Context, ts: int, weeks: int) -> list[Outbound]:
    if weeks not in (0, 1, 2):
        return [Outbound(t("stale_choice", ctx.lang))]
    try:
        meetings = _jf(ctx).request(ctx.who.person_id, datetime.fromtimestamp(ts, UTC), weeks)
    except BookingError as exc:
        return _refusal(ctx, exc)
    first, buddy = meetings[0], meetings[0].buddy
    replies = [Outbound(t("requested", ctx.lang, buddy=buddy.name, when=_when(ctx, first.starts_at),
                          series=_series(ctx, meetings, ctx.lang)))]  # fmt: skip
    text = t("request_for_buddy", buddy.lang, expert=first.expert.name,
             when=_when(ctx, first.starts_at, buddy), series=_series(ctx, meetings, buddy.lang))  # fmt: skip
    return replies + _notice(ctx, buddy, text, buttons=_decision_buttons(first, buddy.lang))


def _decision_buttons(m: MeetingView, lang: str) -> tuple[Button, ...]:
    return (
        Button(t("confirm", lang), jf_data("yes", m.id), confirms=True),
        Button(t("decline", lang), jf_data("no", m.id)),
    )


# -- buddies: decide -------------------------------------------------------------------
def _decide(ctx: Context, meeting_id: int, accept: bool) -> list[Outbound]:
    try:
        meetings = _jf(ctx).decide(ctx.who.person_id, meeting_id, accept)
    except BookingError as exc:
        return _refusal(ctx, exc)
    first, expert = meetings[0], meetings[0].expert
    if not accept:
        return [Outbound(t("declined_ok", ctx.lang, expert=expert.name))] + _notice(
            ctx, expert, t("declined_for_expert", expert.lang, buddy=first.buddy.name,
                           when=_when(ctx, first.starts_at, expert)))  # fmt: skip
    return _confirmed(ctx, meetings)


def _confirmed(ctx: Context, meetings: list[MeetingView]) -> list[Outbound]:
    """Both sides get the confirmation with a calendar file per meeting."""
    first = meetings[0]
    files = _calendar(ctx, meetings)
    out = []
    for me, other in ((first.buddy, first.expert), (first.expert, first.buddy)):
        text = t("confirmed_for", me.lang, when=_when(ctx, first.starts_at, me), other=other.name,
                 series=_series(ctx, meetings, me.lang))  # fmt: skip
        if me.person_id == ctx.who.person_id:
            out.append(Outbound(text, files=files))
        else:
            out += _notice(ctx, me, text, files=files)
    return out


def _buddy_text(ctx: Context, text: str) -> list[Outbound] | None:
    """A buddy's free text while requests wait: yes, no, a counter-proposal, or a
    question back. None when nothing waits (the text then goes to the FAQ)."""
    if ctx.role is not Role.BUDDY:
        return None
    pending = _jf(ctx).pending(ctx.who.person_id)
    if not pending:
        return None
    answer = classify(text)
    proposal = None
    if answer is None:
        try:
            proposal = parse_moment(text, ctx.now.astimezone(ctx.tz).replace(tzinfo=None))
        except TimeParseError:
            proposal = None
    if answer is None and proposal is None:
        fuzzy = guess(text)
        if fuzzy is None:
            return None
        m = pending[0]
        if len(pending) > 1:
            return [Outbound(t("which_request", ctx.lang), _pending_buttons(ctx, pending))]
        return [Outbound(t("ask_back", ctx.lang, answer=t(f"answer_{fuzzy}", ctx.lang),
                           when=_when(ctx, m.starts_at), expert=m.expert.name),
                         _decision_buttons(m, ctx.lang))]  # fmt: skip
    if len(pending) > 1:
        return [Outbound(t("which_request", ctx.lang), _pending_buttons(ctx, pending))]
    m = pending[0]
    if proposal is not None:
        return _propose(ctx, m, proposal.replace(tzinfo=ctx.tz))
    return _decide(ctx, m.id, answer == YES)


def _pending_buttons(ctx: Context, pending: list[MeetingView]) -> tuple[Button, ...]:
    buttons = []
    for m in pending:
        label = f"{m.expert.name}, {_when(ctx, m.starts_at)}"
        buttons += [Button(f"{t('confirm', ctx.lang)}: {label}", jf_data("yes", m.id)),
                    Button(f"{t('decline', ctx.lang)}: {label}", jf_data("no", m.id))]  # fmt: skip
    return tuple(buttons)


def _propose(ctx: Context, m: MeetingView, start: datetime) -> list[Outbound]:
    try:
        view = _jf(ctx).propose(ctx.who.person_id, m.id, start)
    except BookingError as exc:
        return _refusal(ctx, exc)
    expert = view.expert
    proposal = _when(ctx, start, expert)
    text = t("proposal_for_expert", expert.lang, buddy=view.buddy.name,
             when=_when(ctx, view.starts_at, expert), proposal=proposal)  # fmt: skip
    button = Button(t("proposal_accept", expert.lang, proposal=proposal), jf_data("prop", view.id),
                    confirms=True)
    return [
        Outbound(t("proposal_sent", ctx.lang, proposal=_when(ctx, start), expert=expert.name))
    ] + _notice(ctx, expert, text, buttons=(button,))


def _accept_proposal(ctx: Context, meeting_id: int) -> list[Outbound]:
    try:
        return _confirmed(ctx, [_jf(ctx).accept_proposal(ctx.who.person_id, meeting_id)])
    except BookingError as exc:
        return _refusal(ctx, exc)


# -- both: list, cancel, move ----------------------------------------------------------
def _termine(ctx: Context) -> list[Outbound]:
    meetings = _jf(ctx).upcoming(ctx.who.person_id)
    if not meetings:
        return [Outbound(t("meetings_none", ctx.lang))]
    lines = [f"#{m.id}  {_when(ctx, m.starts_at)}  {m.other(ctx.who.person_id).name}  "
             f"({t('state_' + m.state, ctx.lang)})" for m in meetings]  # fmt: skip
    return [Outbound(t("meetings", ctx.lang) + "\n" + "\n".join(lines))]


def _meeting_arg(ctx: Context) -> int | None:
    arg = ctx.args[0].lstrip("#") if ctx.args else ""
    return int(arg) if arg.isdigit() else None


def _pick(ctx: Context, key: str, action: str) -> list[Outbound]:
    meetings = _jf(ctx).upcoming(ctx.who.person_id)
    if not meetings:
        return [Outbound(t("meetings_none", ctx.lang))]
    buttons = tuple(Button(f"{_when(ctx, m.starts_at)} – {m.other(ctx.who.person_id).name}",
                           jf_data(action, m.id)) for m in meetings)  # fmt: skip
    return [Outbound(t(key, ctx.lang), buttons)]


def _absagen(ctx: Context) -> list[Outbound]:
    meeting_id = _meeting_arg(ctx)
    return _pick(ctx, "pick_cancel", "cancel") if meeting_id is None else _cancel(ctx, meeting_id)


def _cancel(ctx: Context, meeting_id: int) -> list[Outbound]:
    try:
        m = _jf(ctx).cancel(ctx.who.person_id, meeting_id)
    except BookingError as exc:
        return _refusal(ctx, exc)
    return _both(ctx, m, "cancelled_for", _ics(ctx, m, cancelled=True))


def _both(ctx: Context, m: MeetingView, key: str, files, **fields) -> list[Outbound]:
    """The same news for both sides of a meeting, each in their language."""
    me, other = (
        (m.expert, m.buddy) if ctx.who.person_id == m.expert.person_id else (m.buddy, m.expert)
    )
    mine = Outbound(t(key, ctx.lang, when=_when(ctx, m.starts_at), other=other.name, by="",
                      **{k: v(None) for k, v in fields.items()}), files=files)  # fmt: skip
    theirs = t(key, other.lang, when=_when(ctx, m.starts_at, other), other=me.name,
               by=t("by_other", other.lang, name=me.name),
               **{k: v(other) for k, v in fields.items()})  # fmt: skip
    return [mine] + _notice(ctx, other, theirs, files=files)


def _verschieben(ctx: Context) -> list[Outbound]:
    meeting_id = _meeting_arg(ctx)
    return (
        _pick(ctx, "pick_move", "pickmove") if meeting_id is None else _move_slots(ctx, meeting_id)
    )


def _move_slots(ctx: Context, meeting_id: int) -> list[Outbound]:
    jf = _jf(ctx)
    try:
        m = jf.get(ctx.who.person_id, meeting_id)
        slots = [s for s in jf.slots(m.expert.person_id, limit=9, ignore=m.id) if s != m.starts_at][
            :8
        ]
    except BookingError as exc:
        return _refusal(ctx, exc)
    if not slots:
        return [Outbound(t("no_slots", ctx.lang, buddy=m.buddy.name))]
    return [Outbound(t("move_slots", ctx.lang, when=_when(ctx, m.starts_at)),
                     _slot_buttons(ctx, slots, "move", m.id))]  # fmt: skip


def _move(ctx: Context, meeting_id: int, ts: int) -> list[Outbound]:
    jf = _jf(ctx)
    try:
        old = jf.get(ctx.who.person_id, meeting_id)
        m = jf.move(ctx.who.person_id, meeting_id, datetime.fromtimestamp(ts, UTC))
    except BookingError as exc:
        return _refusal(ctx, exc)
    return _both(
        ctx, m, "moved_for", _ics(ctx, m), old=lambda reader: _when(ctx, old.starts_at, reader)
    )


# -- callbacks and expiry ------------------------------------------------------------------
def _choice(ctx: Context, data: str) -> list[Outbound]:
    """A pressed Jour Fixe button. Malformed or forged data gets a polite refusal;
    ownership of meetings is checked by the booking service."""
    parsed = jf_parse(data)
    if parsed is None or ctx.who is None:
        return [Outbound(t("stale_choice", ctx.lang))]
    action, n = parsed
    role = ctx.role
    handlers = {
        ("slot", 1, Role.EXPERT): lambda: _pick_series(ctx, n[0]),
        ("book", 2, Role.EXPERT): lambda: _book(ctx, n[0], n[1]),
        ("yes", 1, Role.BUDDY): lambda: _decide(ctx, n[0], True),
        ("no", 1, Role.BUDDY): lambda: _decide(ctx, n[0], False),
        ("prop", 1, Role.EXPERT): lambda: _accept_proposal(ctx, n[0]),
    }
    handler = handlers.get((action, len(n), role))
    if handler is None and role in PAIR_ROLES:
        handler = {
            ("cancel", 1): lambda: _cancel(ctx, n[0]),
            ("pickmove", 1): lambda: _move_slots(ctx, n[0]),
            ("move", 2): lambda: _move(ctx, n[0], n[1]),
        }.get((action, len(n)))
    return handler() if handler else [Outbound(t("stale_choice", ctx.lang))]


def expiry_notices(booking: JourFixe) -> list[Outbound]:
    """Expire unanswered requests and tell the experts (called on each tick)."""
    out = []
    for m in booking.expire_due():
        if m.expert.platform:
            text = t("expired_for_expert", m.expert.lang, buddy=m.buddy.name,
                     when=fmt_when(m.starts_at, m.expert.lang, m.expert.tz))  # fmt: skip
            out.append(Outbound(text, to=_to(m.expert)))
    return out


# -- reminders before meetings ----------------------------------------------------------
_DURATION = re.compile(r"^(\d{1,3})\s*(d|t|tag|tage|h|std|m|min)$")
_UNIT_MINUTES = {"d": 1440, "t": 1440, "tag": 1440, "tage": 1440, "h": 60, "std": 60, "m": 1, "min": 1}


def _before(ctx: Context) -> list[Outbound]:
    """/vorher 24h 1h – when to be reminded before each Jour Fixe."""
    booking, me = _jf(ctx), ctx.who.person_id
    if not ctx.args:
        current = ", ".join(fmt_duration(m, ctx.lang) for m in booking.reminder_minutes(me))
        return [Outbound(t("before_usage", ctx.lang, current=current or "–"))]
    minutes = []
    for arg in ctx.args[:3]:
        m = _DURATION.match(arg.lower().strip(","))
        if not m or not 0 < int(m.group(1)) * _UNIT_MINUTES[m.group(2)] <= 14 * 1440:
            return [Outbound(t("before_usage", ctx.lang, current=arg))]
        minutes.append(int(m.group(1)) * _UNIT_MINUTES[m.group(2)])
    booking.set_reminders(me, minutes)
    times = ", ".join(fmt_duration(m, ctx.lang) for m in sorted(minutes, reverse=True))
    return [Outbound(t("before_set", ctx.lang, times=times))]


def _help(ctx: Context) -> str | None:
    return t(f"help_{ctx.role.value}", ctx.lang) if ctx.role in PAIR_ROLES else None


FEATURE = Feature(
    name="jourfixe",
    commands=(
        Command(("frei", "free"), _frei, BUDDIES, menu=("frei", "free")),
        Command(("urlaub", "away"), _urlaub, BUDDIES),
        Command(("dauer", "length"), _dauer, BUDDIES),
        Command(("jourfixe", "jf"), _jourfixe, EXPERTS, menu=("jourfixe", "jourfixe")),
        Command(("termine", "meetings"), _termine, PAIR_ROLES, menu=("termine", "meetings")),
        Command(("absagen", "cancel"), _absagen, PAIR_ROLES),
        Command(("verschieben", "move"), _verschieben, PAIR_ROLES),
        Command(("vorher", "before"), _before, PAIR_ROLES),
    ),
    callbacks=(Callback(JF_PREFIX, _choice, PAIR_ROLES),),
    read=_buddy_text,
    help=_help,
    needs=("booking",),
)
