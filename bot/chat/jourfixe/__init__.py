"""Jour Fixe in chat: buddies say when they are free, experts pick a slot, buddies
confirm by button or by a short answer, either side moves or cancels, and each
chooses when to be reminded.

  settings.py  /frei, /urlaub, /dauer, /vorher
  calendar.py  /ort (where the pair meets), /kalender (the private calendar feed)
  requests.py  /jourfixe (pages, days), series, answers in words, counter-proposals
  meetings.py  /termine, /absagen, /verschieben (one numbering, scopes, confirmation)
  context.py   every plain message read in its context first (from the database)
  intents.py   plain-language requests ("Wer ist mein Buddy?") mapped to the commands
  common.py    what they share

Handlers return the reply to the sender and, addressed with `to`, the notices
for the other side (with the calendar file where the calendar changes). Button
data is written and read by bot.booking.buttons. Times are shown in each
reader's time zone.
"""

from __future__ import annotations

import dataclasses

from bot.booking.buttons import PREFIX as JF_PREFIX
from bot.booking.buttons import parse as jf_parse
from bot.chat.handlers import BUDDIES, EXPERTS, PAIR_ROLES, Callback, Command, Context, Feature
from bot.chat.jourfixe.booked import ask_buddy
from bot.chat.jourfixe.calendar import calendar_feed, place
from bot.chat.jourfixe.context import read_reply
from bot.chat.jourfixe.meetings import (
    cancel,
    cancel_all,
    cancel_asked,
    cancel_command,
    cancel_scope,
    close,
    confirm_all,
    do_cancel,
    keep,
    meetings,
    move,
    move_command,
    move_picked,
    move_scope,
    move_skip,
    move_slots,
    open_and_move,
)
from bot.chat.jourfixe.natural import reoffer
from bot.chat.jourfixe.requests import (
    accept_proposal,
    book,
    decide,
    decline_proposal,
    expiry_notices,
    offer,
    pick_series,
    request_instead,
    request_slots,
    slot_page,
)
from bot.chat.jourfixe.settings import add_free, away, day_off, free_times, length, reminder_times
from bot.messages import Outbound
from bot.texts import t
from storage.models import Role

__all__ = ["FEATURE", "expiry_notices"]


def _choice(ctx: Context, data: str) -> list[Outbound]:
    """A pressed Jour Fixe button. Malformed or forged data gets a polite refusal;
    ownership of meetings is checked by the booking service."""
    parsed = jf_parse(data)
    if parsed is None or ctx.who is None:
        return [Outbound(t("stale_choice", ctx.lang))]
    action, n = parsed
    role = ctx.role
    handlers = {
        ("slot", 1, Role.EXPERT): lambda: pick_series(ctx, n[0]),
        ("book", 2, Role.EXPERT): lambda: book(ctx, n[0], n[1]),
        ("yes", 1, Role.BUDDY): lambda: decide(ctx, n[0], True),
        ("no", 1, Role.BUDDY): lambda: decide(ctx, n[0], False),
        ("more", 1, Role.EXPERT): lambda: slot_page(ctx, n[0]),
        ("prop", 1, Role.EXPERT): lambda: accept_proposal(ctx, n[0]),
        ("propser", 2, Role.EXPERT): lambda: accept_proposal(ctx, n[0], n[1]),
        ("propno", 1, Role.EXPERT): lambda: decline_proposal(ctx, n[0]),
        ("offer", 2, Role.BUDDY): lambda: offer(ctx, n[0], n[1]),
        ("reoffer", 1, Role.BUDDY): lambda: reoffer(ctx, n[0]),  # a lapsed request again
        ("openmove", 2, Role.BUDDY): lambda: open_and_move(ctx, n[0], n[1]),  # jf12
        ("dayoff", 1, Role.BUDDY): lambda: day_off(ctx, n[0]),  # jf12: ill that day
        ("propother", 2, Role.EXPERT): lambda: request_instead(ctx, n[0], n[1]),
        ("askbuddy", 1, Role.EXPERT): lambda: ask_buddy(ctx, n[0]),  # booked out
    }
    if action in ("addfree", "setfree", "dayfree") and role is Role.BUDDY:  # three a window
        return add_free(ctx, n, action != "addfree", action == "dayfree")
    handler = handlers.get((action, len(n), role))
    if handler is None and role in PAIR_ROLES:
        handler = {
            ("cancel", 1): lambda: cancel(ctx, n[0]),
            ("cscope", 2): lambda: cancel_scope(ctx, n[0], n[1]),
            ("cdo", 2): lambda: do_cancel(ctx, n[0], n[1]),
            ("cdoall", 1): lambda: cancel_all(ctx),
            ("askall", 1): lambda: confirm_all(ctx),  # jf14: "Alle absagen", asked first
            ("cdoids", 1): lambda: cancel_asked(ctx),
            ("keep", 1): lambda: keep(ctx),
            ("list", 1): lambda: meetings(dataclasses.replace(ctx, args=[])),
            ("pickmove", 1): lambda: move_picked(ctx, n[0]),
            ("mmore", 2): lambda: move_slots(ctx, n[0], n[1]),
            ("move", 2): lambda: move(ctx, n[0], n[1]),
            ("mscope", 3): lambda: move_scope(ctx, n[0], n[1], n[2]),
            ("mskip", 3): lambda: move_skip(ctx, n[0], n[1], n[2]),
        }.get((action, len(n)))
    return handler() if handler else [Outbound(t("stale_choice", ctx.lang))]


def _declines(data: str) -> bool:
    """Declining a request or a suggestion: done at once, without a question before."""
    parsed = jf_parse(data)
    return parsed is not None and parsed[0] in ("no", "propno")


def _help(ctx: Context) -> str | None:
    if ctx.role not in PAIR_ROLES:
        return None
    # /kalender only where its link works; elsewhere the calendar files of each booking
    feed = t("help_calendar", ctx.lang) if ctx.services.calendar_public else ""
    return t(f"help_{ctx.role.value}", ctx.lang, calendar=feed)


FEATURE = Feature(
    name="jourfixe",
    commands=(
        Command(("frei", "free"), free_times, BUDDIES, menu=("frei", "free")),
        Command(("urlaub", "away"), away, BUDDIES),
        Command(("dauer", "length"), length, BUDDIES),
        Command(("jourfixe", "jf"), request_slots, EXPERTS, menu=("jourfixe", "jourfixe")),
        Command(("termine", "meetings"), meetings, PAIR_ROLES, menu=("termine", "meetings")),
        Command(("absagen", "cancel"), cancel_command, PAIR_ROLES),
        Command(("verschieben", "move"), move_command, PAIR_ROLES),
        Command(("abbrechen",), close, PAIR_ROLES),
        Command(("vorher", "before"), reminder_times, PAIR_ROLES),
        Command(("ort", "place"), place, PAIR_ROLES),
        Command(("kalender", "calendar"), calendar_feed, PAIR_ROLES),
    ),
    callbacks=(Callback(JF_PREFIX, _choice, PAIR_ROLES, declines=_declines),),
    read=read_reply,
    help=_help,
    needs=("booking",),
)
