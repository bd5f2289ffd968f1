"""Upcoming meetings: list them, cancel, move. One numbering: the #N of /termine is
the number in every picker, typed or pressed. Nothing is cancelled without one
confirmation; a meeting of a series offers this one / this and following / the
whole series. Both sides hear of every change, with an updated calendar file."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, date, datetime, timedelta

from bot.booking.answers import NO, NONE, YES, read
from bot.booking.base import BookingError, MeetingView
from bot.booking.buttons import data as jf_data
from bot.booking.timeparse import WEEKDAY, Window, find, find_hour, find_moment
from bot.chat.handlers import Context
from bot.chat.jourfixe.booked import no_move_slots, none_near
from bot.chat.jourfixe.common import (
    BACK_WORDS,
    MORE_WORDS,
    booking,
    both_sides,
    calendar,
    choices_kept,
    day_in,
    ics,
    notice,
    reason_note,
    refusal,
    slot_buttons,
    when,
)
from bot.chat.jourfixe.requests import proposal_buttons, weekday_clash
from bot.messages import Button, Outbound
from bot.texts import fmt_date, t
from storage.models import Role

__all__ = [
    "SCOPES",
    "instead_of_one",
    "shifted",
    "answer_asked",
    "cancel",
    "cancel_all",
    "confirm_all",
    "no_more",
    "cancel_asked",
    "cancel_command",
    "cancel_scope",
    "cant_make_it",
    "close",
    "could_we",
    "keep",
    "asks_next_one",
    "meetings",
    "next_meeting",
    "move",
    "move_command",
    "move_scope",
    "move_picked",
    "move_slots",
    "move_words",
    "move_skip",
    "named_number",
    "names_another",
    "offer_cancel",
    "read_scope",
    "the_meeting",
]

SCOPES = ("one", "following", "series")
PAGE = 8
_ALL = {"alle", "all", "alles", "everything"}


def meetings(ctx: Context) -> list[Outbound]:
    """/termine: the upcoming meetings, then the counter-proposals still open (the
    expert's to accept, with the buttons when there is one; the buddy's waiting)."""
    meetings, proposals = booking(ctx).agenda(ctx.who.person_id)
    if not (ctx.role is Role.EXPERT and len(proposals) == 1):
        _forget(ctx)  # a picker before the list is closed: "3" now is no slot of it
    if not meetings and not proposals:
        return [Outbound(t("meetings_none", ctx.lang))]
    parts = []
    if meetings:
        lines = [
            f"#{m.id}  {when(ctx, m.starts_at)}  {m.other(ctx.who.person_id).name}  "
            f"({t('state_' + m.state, ctx.lang)})"
            for m in meetings
        ]
        parts.append(t("meetings", ctx.lang) + "\n" + "\n".join(lines))
    else:
        parts.append(t("meetings_none", ctx.lang))
    if not proposals:
        return [Outbound(parts[0])]
    expert = ctx.role is Role.EXPERT
    lines = [proposal_line(ctx, p, expert) for p in proposals]
    key = "meetings_proposals_expert" if expert else "meetings_proposals_buddy"
    parts.append(t(key, ctx.lang) + "\n" + "\n".join(f"• {line}" for line in lines))
    buttons: tuple[Button, ...] = ()
    if expert and len(proposals) == 1:  # the last thing shown: a "ja" now takes it
        p = proposals[0]
        parts[-1] += "\n" + t("proposal_take_question", ctx.lang)
        buttons = proposal_buttons(p, ctx.lang, when(ctx, p.proposed_start))
        _ask(ctx, "proposal", {"meeting": p.id})
    return [Outbound("\n\n".join(parts), buttons)]


_NEXT = re.compile(r"\b(nächste[rsn]?|naechste[rsn]?|next)\b")
_PLURAL = re.compile(
    r"\b(termine|meetings|appointments|jour fixes|alle|all|liste|list|übersicht"
    r"|overview|kalender|calendar|schedule|week|woche)\b"
)


def asks_next_one(text: str) -> bool:
    """ "Wann ist mein nächster Termin?", "when is my next meeting?": the next one,
    not the list ("meine nächsten Termine", "my next meetings", "nächste Woche")."""
    low = text.lower()
    return _NEXT.search(low) is not None and _PLURAL.search(low) is None


def next_meeting(ctx: Context) -> list[Outbound]:
    """The next meeting, and how many follow (the whole list one tap away)."""
    ahead, proposals = booking(ctx).agenda(ctx.who.person_id)
    if not ahead or proposals:  # nothing booked, or open proposals to show: the list
        return meetings(ctx)
    m = ahead[0]
    text = t(
        "next_meeting",
        ctx.lang,
        when=when(ctx, m.starts_at),
        other=m.other(ctx.who.person_id).name,
        state=t("state_" + m.state, ctx.lang),
    )
    if len(ahead) == 1:
        return [Outbound(text)]
    text += "\n" + t("next_meeting_more", ctx.lang, n=len(ahead) - 1)
    return [Outbound(text, (Button(t("all_meetings_button", ctx.lang), jf_data("list", 0)),))]


def proposal_line(ctx: Context, p: MeetingView, expert: bool) -> str:
    """ "Vorschlag von Bernd: Do 03.12. 15:00 (statt Di 15.12. 10:00, Serie)"."""
    series = t("proposal_series_mark", ctx.lang) if p.series_id else ""
    fields = {"proposal": when(ctx, p.proposed_start), "when": when(ctx, p.starts_at)}
    if expert:
        line = t("proposal_line_expert", ctx.lang, buddy=p.buddy.name, series=series, **fields)
    else:
        line = t("proposal_line_buddy", ctx.lang, expert=p.expert.name, series=series, **fields)
    if p.proposed_start == p.starts_at:  # a lapsed request proposed again: no "statt" itself
        line = line.replace(
            f"({t('instead_of', ctx.lang)} {fields['when']}", "(" + t("lapsed_again_mark", ctx.lang)
        )
    return line


_SCOPE_WORDS = (
    (1, ("folgend", "following", "ab hier", "from here", "danach", "after")),
    (2, ("ganze", "whole", "alle", "all", "serie", "series", "komplett", "entire")),
    (0, ("nur", "only", "diesen", "this one", "einzeln", "just")),
)


def read_scope(text: str) -> int | None:
    """ "nur diesen" 0, "ab hier alle" / "und folgende" 1, "die ganze Serie" 2 (None:
    not an answer to the scope question; a typed number is a button's). Whole words
    only ("allen", "afternoon" are none), and a short answer: a longer sentence is
    about something else ("erinner mich einen Tag vorher") and picks nothing."""
    low = " ".join(re.findall(r"\w+", text.lower()))
    if len(low.split()) > 6:
        return None
    for scope, words in _SCOPE_WORDS:
        if any(re.search(rf"\b{w}", low) for w in words):  # "folgende", "folgenden"
            return scope
    return None


_ORDINALS = {
    "erste": 0, "ersten": 0, "erster": 0, "first": 0, "zweite": 1, "zweiten": 1, "second": 1,
    "dritte": 2, "dritten": 2, "third": 2, "vierte": 3, "vierten": 3, "fourth": 3,
    "letzte": -1, "letzten": -1, "last": -1,
}  # fmt: skip


def _ordinal(text: str) -> int | None:
    """ "den ersten", "the last one": a position in the list shown (short phrases only)."""
    words = re.findall(r"\w+", text.lower())
    hits = [_ORDINALS[w] for w in words if w in _ORDINALS]
    return hits[0] if len(hits) == 1 and len(words) <= 4 else None


def _picked_in_words(ctx: Context, ids: list[int], text: str) -> int | None:
    """ "the next one", "den nächsten", "the one on thursday", "den am Donnerstag":
    the meeting of the picker shown that the short reply names (None: not clear)."""
    low = text.lower()
    if len(low.split()) > 6 or find(text, ctx.now.astimezone(ctx.tz).replace(tzinfo=None)):
        return None  # "können wir Donnerstag um 15 machen?" picks nothing
    if _NEXT.search(low) and not day_in(text, ctx.now.astimezone(ctx.tz).date(), ctx.lang):
        return ids[0]  # the picker lists them by date
    named = _on_days(ctx, text)
    if named is None:
        return None
    hits = [m.id for m in named[0] if m.id in ids]
    return hits[0] if len(hits) == 1 else None


def _named_in_pick(ctx: Context, data: dict, text: str) -> list[Outbound] | None:
    """ "the one with Emil", "den mit Erika" in a picker of several people's meetings:
    that person's one meeting, or the picker again with only theirs (a day or time
    said with it is read after that, as typed into the smaller picker)."""
    if len(text.split()) > 8:
        return None
    ids, action = data["ids"], data["action"]
    shown = [m for m in booking(ctx).upcoming(ctx.who.person_id, limit=100) if m.id in ids]
    theirs = by_name(ctx, shown, text)
    if not theirs:
        return None
    if len(theirs) == 1:
        m = theirs[0]
        return cancel(ctx, m.id) if action == "cancel" else move_picked(ctx, m.id)
    carry = {k: v for k, v in data.items() if k in ("target", "not", "reason")}
    key = "pick_cancel" if action == "cancel" else "pick_move"
    replies = _pick(ctx, key, action, theirs[:PICK], carry=carry)
    narrowed = {**data, **carry, "ids": [m.id for m in theirs[:PICK]]}
    return _date_in_pick(ctx, narrowed, text) or replies


_MONTHS = r"(?:jan|feb|mar|mär|apr|may|mai|jun|jul|aug|sep|oct|okt|nov|dec|dez)[a-zä]*\.?"
_WRITTEN_DATE = re.compile(  # "12.3.", "12 mar", "march 12th": a date, not only a weekday
    rf"\b\d{{1,2}}\.\d{{1,2}}\b|\b\d{{1,2}}(?:st|nd|rd|th|\.)?\s*(?:of\s+)?{_MONTHS}"
    rf"|\b{_MONTHS}\s*\d{{1,2}}\b"
)


def _date_in_pick(ctx: Context, data: dict, text: str) -> list[Outbound] | None:
    """ "mi 25.10. 10 uhr" typed into "Welchen Termin verschieben?": the meeting of the
    picker at that date and time. For a move, a day and time none of them has is the
    new time: with one meeting to choose from, that one is moved there (asked first);
    else the picker asks again which meeting goes there, and keeps the time. For a
    cancel, a day without a meeting of the picker is said, with the picker again.
    None when the short reply names no day or time."""
    if len(text.split()) > 6:
        return None
    local_now = ctx.now.astimezone(ctx.tz).replace(tzinfo=None)
    found = find(text, local_now)
    named = _on_days(ctx, text)
    if found is None and named is None:
        return None
    ids, action = data["ids"], data["action"]
    shown = [m for m in booking(ctx).upcoming(ctx.who.person_id, limit=100) if m.id in ids]
    at = found.moment if found else None
    weekday = named is not None and named[3]
    if at is not None and (not weekday or _WRITTEN_DATE.search(text.lower())):
        on_day = [m for m in shown if m.starts_at.astimezone(ctx.tz).date() == at.date()]
    else:  # a weekday alone ("Do 15 Uhr"): the next one with a meeting
        on_day = [m for m in named[0] if m.id in ids] if named else []
    exact = [m for m in shown if at and m.starts_at.astimezone(ctx.tz).replace(tzinfo=None) == at]
    if len(exact) == 1:  # the date and time of one of them: that one
        m = exact[0]
        return cancel(ctx, m.id) if action == "cancel" else move_picked(ctx, m.id)
    key = "pick_cancel" if action == "cancel" else "pick_move"
    if action == "cancel":
        if named is None or on_day or not shown:
            return None  # another time on a meeting's day is no cancel
        intro = t("none_on_day", ctx.lang, day=named[1]) + "\n"
        return _pick(ctx, key, action, shown, intro=intro)
    if len(on_day) == 1:  # "Do 15 Uhr": Thursday's meeting, at 15:00 (asked first)
        return move_picked(ctx, on_day[0].id, text)
    if on_day or not shown:
        return None
    if len(shown) == 1:
        return move_picked(ctx, shown[0].id, text)
    new = when(ctx, at.replace(tzinfo=ctx.tz)) if at and named else text.strip()
    _ask(ctx, "pick", {**data, "target": text.strip()})
    buttons = tuple(
        Button(
            f"{when(ctx, m.starts_at)} – {m.other(ctx.who.person_id).name}",
            jf_data(action, m.id),
            number=m.id,
        )
        for m in shown
    )
    return [Outbound(t("pick_move_to", ctx.lang, new=new), buttons)]


def _number(text: str) -> int | None:
    m = re.fullmatch(
        r"(?:nr\.?|no\.?|nummer|number|termin|meeting)?\s*#?\s*(-?\d{1,40})", text.strip()
    )
    return int(m.group(1)) if m else None  # out of range: "no such meeting" (booking)


def _pick(
    ctx: Context,
    key: str,
    action: str,
    meetings: list[MeetingView] | None = None,
    intro: str = "",
    carry: dict | None = None,
) -> list[Outbound]:
    """The upcoming meetings (or those given) as choices, each with its #N (as
    /termine shows them); `carry`: what the sentence said beside the meeting (the
    new time: "can we push to 3pm"), kept for the meeting picked."""
    meetings = booking(ctx).upcoming(ctx.who.person_id) if meetings is None else meetings
    if not meetings:
        return [Outbound(t("meetings_none", ctx.lang))]
    buttons = tuple(
        Button(
            f"{when(ctx, m.starts_at)} – {m.other(ctx.who.person_id).name}",
            jf_data(action, m.id),
            number=m.id,
        )
        for m in meetings
    )
    _ask(ctx, "pick", {"action": action, "ids": [m.id for m in meetings], **(carry or {})})
    return [Outbound(intro + t(key, ctx.lang), buttons)]


def _earliest(ctx: Context) -> datetime:
    """The local moment a weekday in a new time counts from: a move needs the same
    notice as a booking, so "Do 17 Uhr" written on a Thursday means next week."""
    notice = timedelta(hours=booking(ctx).rules.notice_hours)
    return (ctx.now + notice).astimezone(ctx.tz).replace(tzinfo=None)


def _ask(ctx: Context, kind: str, data: dict) -> None:
    booking(ctx).ask(ctx.msg.platform, ctx.msg.chat_id, ctx.who.person_id, kind, data)


def _carried(ctx: Context, meeting_id: int | None = None) -> str:
    """The words a cancel began with ("ich bin krank, kann heute nicht"), kept while
    the meeting, its scope and the confirmation are chosen: the other side reads them
    with the cancellation. "" when the open question is about another meeting."""
    asked = booking(ctx).asked(ctx.msg.platform, ctx.msg.chat_id)
    if asked is None or not asked.data.get("reason"):
        return ""
    ids = asked.data.get("ids") or [asked.data.get("meeting")]
    return asked.data["reason"] if meeting_id is None or meeting_id in ids else ""


def _with_reason(told: list[Outbound], reason: str, name: str, lang_of) -> list[Outbound]:
    """The notices for the other side with the sender's own words after them."""
    if not reason:
        return told
    return [
        dataclasses.replace(r, text=r.text + reason_note(reason, name, lang_of(r))) if r.to else r
        for r in told
    ]


def _forget(ctx: Context) -> None:
    booking(ctx).forget(ctx.msg.platform, ctx.msg.chat_id)


def _open(ctx: Context) -> bool:
    """A question of this chat is open (not only a cancel just done, nor the buddy's
    counter-proposal, which waits on its own)."""
    asked = booking(ctx).asked(ctx.msg.platform, ctx.msg.chat_id)
    return asked is not None and asked.kind not in ("cancelled", "proposal")


def close(ctx: Context) -> list[Outbound]:
    """/abbrechen: close what is open (a picker, a move, a confirmation)."""
    if not _open(ctx):
        return [Outbound(t("waiting_after_stop", ctx.lang))]
    _forget(ctx)
    return [Outbound(t("stopped", ctx.lang))]


# -- cancel -----------------------------------------------------------------------------
def cancel_command(ctx: Context) -> list[Outbound]:
    """/absagen [#N | alle]. The English /cancel alone, while a question is open
    (a picker, a move, a confirmation), closes it, as /abbrechen does."""
    arg = " ".join(ctx.args).strip().lower()
    if not arg and ctx.msg.text.strip().lower().startswith("/cancel") and _open(ctx):
        return close(ctx)
    if arg in _ALL:
        return _confirm(ctx, booking(ctx).upcoming(ctx.who.person_id), {"all": True})
    number = _number(arg) if arg else None
    if number is None:
        return _pick(ctx, "pick_cancel", "cancel")
    return cancel(ctx, number)


def cancel(ctx: Context, meeting_id: int) -> list[Outbound]:
    """A meeting chosen to cancel: the scope if it belongs to a series, else the
    confirmation."""
    jf = booking(ctx)
    try:
        m = jf.get(ctx.who.person_id, meeting_id)
        series = jf.group(ctx.who.person_id, meeting_id, "series")
        following = jf.group(ctx.who.person_id, meeting_id, "following")
    except BookingError as exc:
        return refusal(ctx, exc)
    if len(series) < 2:
        return cancel_scope(ctx, meeting_id, 0)
    at = when(ctx, m.starts_at)
    buttons = [Button(t("scope_one", ctx.lang, n=m.id, when=at), jf_data("cscope", m.id, 0))]
    if 1 < len(following) < len(series):
        label = t("scope_following", ctx.lang, n=m.id, count=len(following))
        buttons.append(Button(label, jf_data("cscope", m.id, 1)))
    label = t("scope_series", ctx.lang, count=len(series))
    buttons.append(Button(label, jf_data("cscope", m.id, 2)))
    text = t("scope_question", ctx.lang, n=m.id, when=at, action=t("action_cancel", ctx.lang))
    _ask(ctx, "scope", {"do": "cancel", "meeting": m.id, **_reason_of(ctx, m.id)})
    return [Outbound(text, tuple(buttons))]


def cancel_scope(ctx: Context, meeting_id: int, scope: int) -> list[Outbound]:
    """The meetings a choice covers, and the one question before they are cancelled."""
    if not 0 <= scope < len(SCOPES):
        return [Outbound(t("stale_choice", ctx.lang))]
    try:
        group = booking(ctx).group(ctx.who.person_id, meeting_id, SCOPES[scope])
    except BookingError as exc:
        return refusal(ctx, exc)
    return _confirm(
        ctx, group, {"meeting": meeting_id, "scope": scope, **_reason_of(ctx, meeting_id)}
    )


def _reason_of(ctx: Context, meeting_id: int) -> dict:
    reason = _carried(ctx, meeting_id)
    return {"reason": reason} if reason else {}


_AWAY = ("urlaub", "abwesend", "verreist", "krank", "vacation", "holiday", "away", "sick")


def cant_make_it(ctx: Context, text: str) -> list[Outbound] | None:
    """ "Ich kann am Donnerstag nicht", "i can't make it next week": the meetings on
    those days, each to cancel or to move (a weekday: the next one with a meeting);
    a buddy away for days also hears of /urlaub. None when the text says no such thing."""
    reading, text_said = read(text), text.strip()
    away = any(word in text.lower() for word in _AWAY)
    source, target = split_target(text)  # "morgen geht nicht, auf Donnerstag 15 Uhr?"
    if not target and (found := _SUGGEST.search(text.lower())):  # "…, how about thu 3pm?"
        rest = text[found.end() :]
        today = ctx.now.astimezone(ctx.tz).date()
        if find(rest, ctx.now.astimezone(ctx.tz).replace(tzinfo=None)) or day_in(
            rest, today, ctx.lang
        ):
            source, target = text[: found.start()], rest
    named = _on_days(ctx, source)
    if named is None and (m := just_reminded(ctx)) is not None:  # "kann leider nicht"
        label = t("on_weekday", ctx.lang, day=when(ctx, m.starts_at).rsplit(" ", 1)[0])
        named = ([m], label, {m.starts_at.astimezone(ctx.tz).date()}, False)
    if named is None or not (away or NO in (reading.kind, reading.leaning)):
        return None
    ahead, label, days, weekday = named
    hint = ""
    if ctx.role is Role.BUDDY and (away or len(days) > 1 and not weekday):
        start, end = min(days), max(days)
        hint = "\n" + t("away_hint", ctx.lang, dates=f"{start:%d.%m.}-{end:%d.%m.}")
    if not ahead:
        return [Outbound(t("cant_none", ctx.lang, day=label) + hint)]
    lines = "\n".join(
        f"#{m.id}  {when(ctx, m.starts_at)}  {m.other(ctx.who.person_id).name}" for m in ahead
    )
    buttons = []
    for m in ahead[:5]:
        at = when(ctx, m.starts_at)
        buttons += [
            Button(t("cancel_this", ctx.lang, when=at), jf_data("cancel", m.id)),
            Button(t("move_this", ctx.lang, when=at), jf_data("pickmove", m.id)),
        ]
    text = t("cant_which", ctx.lang, day=label, list=lines) + hint
    what: dict = {"ids": [m.id for m in ahead[:5]]}  # "absagen" next: of these
    ruled_out = {m.starts_at.astimezone(ctx.tz).date() for m in ahead}
    if not weekday and len(days) <= 14:
        ruled_out |= days
    what["not"] = sorted(d.isoformat() for d in ruled_out)  # never offered to move to
    if target.strip():
        what["target"] = target.strip()
    if reading.reason:  # "ich bin krank, kann heute nicht": for the other side to read
        what["reason"] = text_said[:500]
    _ask(ctx, "cant", what)
    return [Outbound(text, tuple(buttons))]


_SUGGEST = re.compile(
    r"\b(how about|what about|maybe|perhaps|instead|rather|(could|can) we do|lieber|vielleicht"
    r"|stattdessen|wie wäre es mit|wie wäre|ginge)\b"
)
_CANCEL = re.compile(r"absag|sag\w* .*\bab\b|stornier|streich|cancel|call (it )?off|drop")
_MOVE = re.compile(r"verschieb|verleg|umleg|umbuch|\bmove|reschedul|postpone")


def _cant_answer(ctx: Context, ids: list[int], text: str) -> list[Outbound] | None:
    """ "absagen" / "move it" after "cancel or move?" about one meeting: that one
    (the confirmation or the free times follow); None otherwise."""
    low = text.lower()
    cancel_it, move_it = _CANCEL.search(low) is not None, _MOVE.search(low) is not None
    number, _ = named_number(text)
    if number is not None and number not in ids:
        return None  # "cancel #3": another meeting than those asked about
    if number is None and len(ids) != 1 or cancel_it == move_it:
        return None
    one = ids[0] if number is None else number
    if cancel_it:
        return cancel(ctx, one)
    _, target = split_target(text)  # "move it to next tuesday 10am": that time, asked
    return move_picked(ctx, one, target)


def _on_days(ctx: Context, text: str) -> tuple[list[MeetingView], str, set, bool] | None:
    """The upcoming meetings on the days the text names (a weekday: the next one
    with a meeting), how to name those days, the days, and whether a weekday was
    named; None when the text names no day."""
    today = ctx.now.astimezone(ctx.tz).date()
    named = day_in(text, today, ctx.lang)
    if named is None:
        return None
    if named[2].split()[-1] in WEEKDAY and _WRITTEN_DATE.search(text.lower()):
        # "Di 10.3.": the date, not the next Tuesday (the weekday only says it)
        rest = re.sub(rf"\b{re.escape(named[2])}\b\.?", " ", text.lower(), count=1)
        dated = day_in(rest, today, ctx.lang)
        if dated is not None and dated[2].split()[-1] not in WEEKDAY:
            named = dated
    days, label, phrase = named
    local = ctx.tz  # meetings by their local day
    ahead = [
        m
        for m in booking(ctx).upcoming(ctx.who.person_id, limit=100)
        if m.starts_at.astimezone(local).date() in days
    ]
    weekday = phrase.split()[-1] in WEEKDAY
    if ahead and weekday:
        first = ahead[0].starts_at.astimezone(local).date()
        ahead = [m for m in ahead if m.starts_at.astimezone(local).date() == first]
        label = t("on_weekday", ctx.lang, day=when(ctx, ahead[0].starts_at).rsplit(" ", 1)[0])
    return ahead, label, days, weekday


_INSTEAD = re.compile(r"\b(instead|rather|stattdessen|statt dessen|lieber|besser)\b")


def instead_of_one(ctx: Context, text: str) -> bool:
    """ "can we do 17:00 instead today", "können wir morgen lieber um 10 machen?": a
    time said instead, on a day with one meeting of this person, is that meeting moved
    (not a new booking, not the FAQ)."""
    low = text.lower()
    if (
        not _INSTEAD.search(low)
        or find(text, ctx.now.astimezone(ctx.tz).replace(tzinfo=None)) is None
    ):
        return False
    named = _on_days(ctx, text)  # one meeting that day, or one with the person named
    return named is not None and (len(named[0]) == 1 or len(by_name(ctx, named[0], text)) == 1)


_COULD = re.compile(
    r"\b((could|can|shall|should) we (do|make|have|meet|move|go for)|(können|könnten|sollen"
    r"|wollen) wir (\w+ ){0,4}(machen|treffen|sehen|verschieben|legen|nehmen)|(geht|ginge)"
    r"( es)? (auch|stattdessen|vielleicht))\b"
)


def could_we(ctx: Context, text: str) -> list[Outbound] | None:
    """ "could we do thursday at 15?", "können wir Donnerstag um 15 machen?": a day with
    one meeting of this person and another time that day is that meeting moved – asked
    with one button first (a new booking it might also be: never done unasked)."""
    low = text.lower()
    if not _COULD.search(low) or named_number(text)[0] is not None:
        return None
    local = ctx.now.astimezone(ctx.tz).replace(tzinfo=None)
    found = find(text, local)
    named = _on_days(ctx, text)
    if found is None or named is None or len(named[0]) != 1:
        return None
    m = named[0][0]
    day = m.starts_at.astimezone(ctx.tz).date()
    start = datetime.combine(day, found.moment.time()).replace(tzinfo=ctx.tz)
    if start == m.starts_at:
        return None
    return _offer_move(ctx, m, start)


def names_another(ctx: Context, text: str, meeting_id: int) -> bool:
    """The text names another meeting than the one of the open picker: its #N, or a
    day with a meeting (not the target after "auf/to": "verschieb den am 17.12. auf
    Di 15.12." while the 10.12.'s move picker is open): the sentence picks its own
    meeting."""
    number, _ = named_number(text)
    if number is not None:
        return number != meeting_id
    named = _on_days(ctx, split_target(text)[0])
    return bool(named and named[0]) and meeting_id not in {m.id for m in named[0]}


_REF = re.compile(
    r"#\s*(\d{1,6})\b"
    r"|\b(?:termin|meeting|appointment|jour fixe|jf|nr\.?|nummer|number|no\.)\s*#?\s*(\d{1,6})\b"
    r"(?!\s*(?:[.:]\s*\d|uhr\b|h\b|am\b|pm\b|o'?clock|std|stunde|hour|min|tag|day|woche|week))",
    re.IGNORECASE,
)
_TO = re.compile(r"\b(?:auf|to|nach|into|onto)\b", re.IGNORECASE)
_TIME = re.compile(
    r"^\W*(?:\d{1,2}(?::\d{2})?\s*(?:uhr|h|am|pm)\b|\d{1,2}:\d{2}|\d{1,2}\.\d{1,2}\."
    # a bare hour ending the sentence or before the verb: "auf 11 verschieben", "to 11?"
    r"|\d{1,2}\s*(?:$|[?!]|\s(?:verschieben|verlegen|umlegen|schieben|legen|machen|bitte"
    r"|please|instead|stattdessen)\b))"
)
_NEXT_ONE = re.compile(
    r"\b(nächste[nrs]?|naechste[nrs]?|next)\s+(?:\w+\s+)?(termin|meeting|jour fixe|jf|appointment|one|treffen)\b"
)


# one number on its own, for a sentence already known to move or cancel ("absagen 2",
# "3 verschieben"); never one in a date or a time ("absagen am 8.12.", "auf 15 Uhr")
_BARE = re.compile(r"(?<![\w.:/])#?(\d{1,4})(?![\w.:/])")
_TIME_WORDS = re.compile(r"\b(uhr|um|am|at|on|auf|to|nach|bis|until|pm|h)\b|\d[.:]")


def named_number(text: str, *, bare: bool = False) -> tuple[int | None, str]:
    """ "verschiebe #2 auf …", "sag Termin 3 ab", "cancel meeting 4": the #N of the
    meeting the sentence names (as /termine numbers them), and the text without it;
    (None, text) when it names none ("meeting 2 pm" is a time). With `bare`, for a
    sentence that moves or cancels, also its one plain number ("absagen 2")."""
    found = _REF.search(text)
    if found is not None:
        number = int(found[1] or found[2])
        return number, f"{text[: found.start()]} {text[found.end() :]}"
    low = text.lower()
    plain = list(_BARE.finditer(low)) if bare and not _TIME_WORDS.search(low) else []
    if len(plain) != 1:
        return None, text
    return int(plain[0][1]), f"{text[: plain[0].start()]} {text[plain[0].end() :]}"


PICK = 20  # meetings in one picker (as /termine lists them)
REMINDED = timedelta(hours=2)  # a reply this soon after a Jour Fixe reminder is about it


def just_reminded(ctx: Context, ahead: list[MeetingView] | None = None) -> MeetingView | None:
    """The meeting whose reminder this chat got in the last two hours, while it is
    still ahead ("kann leider nicht, bitte absagen" right after "⏰ Jour Fixe mit Emil
    morgen um 14:00"), or None."""
    jf = booking(ctx)
    reminded = jf.reminded(ctx.msg.platform, ctx.msg.chat_id, ctx.now - REMINDED)
    if reminded is None:
        return None
    ahead = jf.upcoming(ctx.who.person_id) if ahead is None else ahead
    return next((m for m in ahead if m.id == reminded), None)


def by_name(ctx: Context, meetings: list[MeetingView], text: str) -> list[MeetingView]:
    """The meetings with the person the text names by first name ("den Termin mit
    Emil", "the one with Erika"), when that leaves out others; else []."""
    words = set(re.findall(r"[\wäöüß]+", text.lower()))
    me = ctx.who.person_id
    first = {m.id: (m.other(me).name or "").split()[:1] for m in meetings}
    words |= {w[:-1] for w in words if w.endswith("s")}  # "Emils Termin"
    hits = [m for m in meetings if first[m.id] and first[m.id][0].lower() in words]
    return hits if len(hits) < len(meetings) else []


def split_target(text: str) -> tuple[str, str]:
    """A move's meeting and its new time: "den vom Do auf Di 12.1. 10 Uhr", "move my
    next meeting to thursday" – what follows "auf/to/nach" when it starts with a day or
    a time is the target, never the meeting. (text, "") when there is no such target."""
    for found in _TO.finditer(text):
        rest = text[found.end() :]
        head = " ".join(rest.split()[:4])
        if (
            _TIME.search(head)
            or day_in(head, date(2000, 1, 1), "de")
            or day_in(head, date(2000, 1, 1), "en")
        ):
            return text[: found.start()], rest
    return text, ""


def the_meeting(ctx: Context, text: str, action: str) -> list[Outbound] | None:
    """`_the_meeting`, and a reason said with a cancel kept for the other side (jf12)."""
    replies = _the_meeting(ctx, text, action)
    if action == "cancel":
        _keep_reason(ctx, replies, text)
    return replies


def _the_meeting(ctx: Context, text: str, action: str) -> list[Outbound] | None:
    """ "Können wir den Jour Fixe mit Erika am 10.12. auf 15 Uhr verschieben?",
    "ich muss den Termin am Dienstag absagen", "verschiebe #2 auf Di 12.1. 10 Uhr",
    "move my next meeting to thursday": when the #N, "the next one", or the day (and
    the other person's name) leave one meeting, go straight to it: to cancel it (the
    confirmation follows), or to move it to the time named (else its free slots). A
    day after "auf/to" is the new time, never the meeting. None when it is not that
    clear (the picker asks)."""
    if action == "cancel" and (replies := _from_on(ctx, text)) is not None:
        return replies  # "bitte alle ab Januar absagen": those, one confirmation (jf12)
    if action == "cancel" and (replies := _whole_series(ctx, text)) is not None:
        return replies  # "die ganze Serie absagen": its confirmation, no picker first
    source, target = split_target(text) if action == "move" else (text, "")
    number, source = named_number(source)
    if number is not None:
        try:
            m = booking(ctx).get(ctx.who.person_id, number)
        except BookingError as exc:
            return refusal(ctx, exc)
        if action == "cancel":
            return cancel(ctx, m.id)
        return _move_to(ctx, m, target or source, by_day=bool(target))
    key, pick_action = (
        ("pick_cancel", "cancel") if action == "cancel" else ("pick_move", "pickmove")
    )
    named = _on_days(ctx, source)
    if named is None:
        ahead = booking(ctx).upcoming(ctx.who.person_id, limit=100)
        with_them = by_name(ctx, ahead, source)  # "den Termin mit Emil": only Emil's
        if _NEXT_ONE.search(source.lower()):
            ahead = with_them or ahead
            if not ahead:
                return [Outbound(t("meetings_none", ctx.lang))]
            m = ahead[0]
            if action == "cancel":
                return cancel(ctx, m.id)
            return _move_to(ctx, m, target or source, True)
        if not with_them and (m := just_reminded(ctx, ahead)) is not None:
            with_them = [m]  # "bitte absagen" right after the reminder of one meeting
        if not with_them:
            return None
        if len(with_them) > 1:  # only that person's meetings to choose from
            carry = {"target": target.strip()} if target.strip() else None
            return _pick(ctx, key, pick_action, with_them[:PICK], carry=carry)
        m = with_them[0]
        if action == "cancel":
            return cancel(ctx, m.id)
        return _move_to(ctx, m, target, by_day=True)
    ahead = by_name(ctx, named[0], source) or named[0]
    if not ahead:  # none that day: say so, and offer them all
        intro = t("none_on_day", ctx.lang, day=named[1]) + "\n"
        return _pick(ctx, key, pick_action, intro=intro)
    if len(ahead) > 1:  # only that day's meetings to choose from
        return _pick(ctx, key, pick_action, ahead)
    m = ahead[0]
    if action == "cancel":
        return cancel(ctx, m.id)
    day = m.starts_at.astimezone(ctx.tz).date()
    # the date that picked the meeting is no new time
    return _move_to(ctx, m, target or _without_day(text, day), by_day=bool(target))


_FULL_DAYS = sorted((w for w in WEEKDAY if len(w) > 4), key=len, reverse=True)
_DAYS_RE = "|".join(_FULL_DAYS)
# "die ganze Serie", "the whole series", "alle Dienstagstermine", "all tuesday meetings"
# ("alle Termine" alone is every meeting: /absagen alle)
_ONE_OF = re.compile(r"\b(nur|only|just|einen|one|einzelnen?|single|nächsten?|next)\b")
_WHOLE_SERIES = re.compile(
    rf"\b(serie|series|reihe)\b|\balle\s+(\w+\s+)?({_DAYS_RE})-?\w*termine\b"
    rf"|\ball\s+(the\s+|my\s+|our\s+)?({_DAYS_RE})s?\s+(meetings|jour fixes|jfs)\b"
)


def _whole_series(ctx: Context, text: str) -> list[Outbound] | None:
    """ "ich brauche die ganze Serie nicht mehr", "bitte alle Dienstagstermine absagen",
    "cancel the whole series": the one series meant (by its weekday, if named) goes
    straight to "Wirklich absagen?" for all its meetings ahead. None when no series is
    said, or it is not clear which one (the picker asks)."""
    low = text.lower()
    if not _WHOLE_SERIES.search(low) or _ONE_OF.search(low) or named_number(text)[0]:
        return None  # "nur den einen Termin der Serie", "#3 der Serie": one meeting
    series: dict[int, list[MeetingView]] = {}
    for m in booking(ctx).upcoming(ctx.who.person_id, limit=500):
        if m.series_id:
            series.setdefault(m.series_id, []).append(m)
    day = next((WEEKDAY[w] for w in _FULL_DAYS if w in low), None)
    if day is not None:
        series = {
            k: g for k, g in series.items() if g[0].starts_at.astimezone(ctx.tz).weekday() == day
        }
    names = [m.other(ctx.who.person_id).name.split()[0].lower() for g in series.values() for m in g]
    if len(set(names)) > 1:  # "die Serie mit Erika": the one with that person
        series = {
            k: g
            for k, g in series.items()
            if g[0].other(ctx.who.person_id).name.split()[0].lower() in low.split()
        }
    if len(series) != 1:
        return None
    [group] = series.values()
    return cancel_scope(ctx, group[0].id, SCOPES.index("series"))


_MONTH_NAMES = {
    "januar": 1, "january": 1, "jan": 1, "februar": 2, "february": 2, "feb": 2, "märz": 3,
    "maerz": 3, "march": 3, "april": 4, "apr": 4, "mai": 5, "may": 5, "juni": 6, "june": 6,
    "juli": 7, "july": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11,
    "dezember": 12, "december": 12, "dez": 12, "dec": 12,
}  # fmt: skip
_FROM_ON = re.compile(
    r"\b(?:ab|from|starting(?: from| in| on)?|beginning(?: in| on)?|after)\s+"
    r"(?:dem\s+|the\s+|anfang\s+|beginning of\s+|start of\s+)?"
    r"(?:(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.?(?P<y>\d{2,4})?|(?P<month>[a-zä]+)\b(?:\s+(?P<y2>20\d\d))?)"
)
_ALL_OR_NO_MORE = re.compile(
    r"\b(alle|all|allen|sämtliche|every|keine\w*\s+(\w+\s+){0,3}mehr|no more|any more|anymore)\b"
)


_NO_MORE = re.compile(
    r"\bkeine\w* (\w+ ){0,2}(jour ?fixes?|termine?|treffen|jfs?|meetings?)\b.{0,40}\bmehr\b"
    r"|\b(no|any) (more )?(meetings|jour fixes|jfs)\b"
)


def stops_from(text: str) -> bool:
    """ "ab Februar bitte keine Termine mehr", "no more meetings from january": a
    cancel of every meeting from then on (asked first), never a booking."""
    low = text.lower()
    return len(low) <= 200 and bool(_NO_MORE.search(low)) and bool(_FROM_ON.search(low))


def _all_said(low: str) -> bool:
    words = re.findall(r"[\wäöüß]+", low)
    filler = {"bitte", "please", "absagen", "cancel", "them", "of", "die", "termine", "davon"}
    return bool(words) and any(w in _ALL for w in words) and all(w in _ALL | filler for w in words)


_SLOTS_MEANT = re.compile(
    r"\b(frei\w*|free|available|verfügbar|slots?|gibt es|are there|is there)\b"
)


def no_more(ctx: Context, text: str) -> list[Outbound] | None:
    """jf14: "keine Termine mehr bitte", "no more meetings please" with no date: the
    upcoming meetings to cancel – one of them, or all at once (one confirmation) –
    never more free slots. None for a question about free slots ("gibt es keine
    freien Termine mehr?") or a start said ("ab Februar …", see `stops_from`)."""
    low = text.lower()
    if not _NO_MORE.search(low) or _FROM_ON.search(low) or _SLOTS_MEANT.search(low):
        return None
    if "?" in low and not re.search(r"\b(kann ich|can i|could you|können sie)\b", low):
        return None
    ahead = booking(ctx).upcoming(ctx.who.person_id, limit=100)
    if not ahead:
        return [Outbound(t("meetings_none", ctx.lang))]
    if len(ahead) == 1:
        return cancel(ctx, ahead[0].id)
    [picker] = _pick(ctx, "pick_cancel_or_all", "cancel", ahead[:8], carry=_said_reason(text))
    every = Button(t("cancel_every", ctx.lang, n=len(ahead)), jf_data("askall", 0))
    return [dataclasses.replace(picker, buttons=(*picker.buttons, every))]


def confirm_all(ctx: Context) -> list[Outbound]:
    """ "Alle absagen" chosen: every upcoming meeting, the one confirmation."""
    return _confirm(ctx, booking(ctx).upcoming(ctx.who.person_id, limit=500), {"all": True})


def _from_on(ctx: Context, text: str) -> list[Outbound] | None:
    """ "ich brauch ab Januar keine Jour Fixes mehr, bitte alle ab Januar absagen",
    "cancel all meetings from 9 jan": the meetings from that day (a month: its first
    day) on, straight to the one "Wirklich absagen?" – no picker first. None when no
    such start is said, or no meeting lies after it."""
    low = text.lower()
    found = _FROM_ON.search(low)
    if found is None or not _ALL_OR_NO_MORE.search(low):
        return None
    today = ctx.now.astimezone(ctx.tz).date()
    year = found["y"] or found["y2"]
    try:
        if found["d"]:
            month, day = int(found["m"]), int(found["d"])
        elif found["month"] in _MONTH_NAMES:
            month, day = _MONTH_NAMES[found["month"]], 1
        else:
            return None
        if year:
            first = date(int(year) + (2000 if len(year) == 2 else 0), month, day)
        else:
            first = date(today.year, month, day)
            if first < today.replace(day=1) if not found["d"] else first < today:
                first = first.replace(year=today.year + 1)
    except ValueError:
        return None
    if found[0].startswith("after"):  # "after january": from February; "after the 9th": the 10th
        if found["d"]:
            first += timedelta(days=1)
        else:
            first = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    ahead = booking(ctx).upcoming(ctx.who.person_id, limit=500)
    group = [m for m in ahead if m.starts_at.astimezone(ctx.tz).date() >= first]
    if not group:
        return None
    return _confirm(ctx, group, {"ids": [m.id for m in group], **_said_reason(text)})


_CLAUSE = re.compile(r"[?!;,:]+\s*|(?<!\d)\.(?:\s+|$)|\s+(?=(?:weil|da|because|since)\s)")
_NOT_REASON = re.compile(
    r"absag|sag\w* .*\bab\b|stornier|streich|cancel|call (it )?off|verschieb|\bmove"
    r"|reschedul|termin|jour fixe|\bjf\b|meeting|appointment|\bkann\b.*\bnicht\b"
    r"|\bcan'?t\b|\bcannot\b|\bschaffe?\b.*\bnicht\b|\bwon'?t\b|\bgeht\b.*\bnicht\b"
)
_NO_WORDS = frozenset(
    "bitte danke sorry leider please thanks thank you hi hallo hey ok okay ja nein yes no "
    "tut mir leid dann also und and".split()
)


def said_reason(text: str) -> str:
    """The sender's own reason in a cancel said in words ("bin auf ner konferenz" of
    "kann ich den jour fixe am 2.11. absagen? bin auf ner konferenz"): the parts
    that are not the cancel itself, nor only "bitte"/"sorry"; "" when none is left."""
    parts = [p.strip() for p in _CLAUSE.split(text.strip()) if p and p.strip()]
    kept = []
    for part in parts:
        words = re.findall(r"[\wäöüß']+", part.lower())
        if len(words) < 2 or _NOT_REASON.search(part.lower()):
            continue
        if all(w in _NO_WORDS for w in words):
            continue
        kept.append(part)
    return ", ".join(kept)[:300]


def _said_reason(text: str) -> dict:
    reason = said_reason(text)
    return {"reason": reason} if reason else {}


def _keep_reason(ctx: Context, replies: list[Outbound] | None, text: str) -> None:
    """The reason said with a cancel in words ("… absagen? bin auf ner konferenz"),
    kept with what was asked next (the scope, the confirmation, a picker), so the
    other side reads it with the cancellation (`_carried`)."""
    reason = said_reason(text) if replies else ""
    if not reason:
        return
    asked = booking(ctx).asked(ctx.msg.platform, ctx.msg.chat_id)
    kinds = ("scope", "confirm_cancel", "pick")
    if asked is not None and asked.kind in kinds and not asked.data.get("reason"):
        _ask(ctx, asked.kind, {**asked.data, "reason": reason})


def _move_to(
    ctx: Context, m: MeetingView, target: str, by_day: bool, offer: bool = False
) -> list[Outbound]:
    """Move `m` to the time in `target`: that time (the scope question first for a
    series), that day's free times (`by_day`: the target is a day), or all its free
    times. With `offer` (the time was said before the meeting was picked), the time
    is checked and asked about first."""
    if (shift := shifted(target)) is not None:  # "eine Stunde später"
        return move(ctx, m.id, int((m.starts_at + shift).timestamp()))
    local, day = _earliest(ctx), m.starts_at.astimezone(ctx.tz).date()
    clash = weekday_clash(ctx, target, local, day)
    if clash:  # "auf Do 8.12. 11 Uhr": a Tuesday – ask, with the free times
        [slots] = move_slots(ctx, m.id)
        return [dataclasses.replace(slots, text=f"{clash}\n{slots.text}")]
    moment = find_moment(target, local, day, ctx.now.astimezone(ctx.tz).date())
    if moment is None and by_day and (hour := find_hour(target, local, day)) is not None:
        moment = hour.moment  # "den Termin am Dienstag auf 11 verschieben": 11:00 that day
    not_days = _carried_move(ctx, m.id)[1] if offer else []
    if (
        moment is not None
        and (moment.replace(tzinfo=ctx.tz) == m.starts_at or moment.date().isoformat() in not_days)
        and _NEXT.search(target.lower())
    ):  # "next tuesday" said on Monday about Tuesday's meeting: the Tuesday after
        moment += timedelta(days=7)
    start = moment and moment.replace(tzinfo=ctx.tz)
    if start is None or start == m.starts_at or not _on_named_day(ctx, target, moment):
        if by_day and (replies := _move_to_day(ctx, m, {"meeting": m.id}, target)):
            return replies
        return move_slots(ctx, m.id)
    if offer:
        return _offer_move(ctx, m, start)
    return move(ctx, m.id, int(start.timestamp()))


_SHIFT = re.compile(
    r"\b(\d{1,2}|eine?n?|one|an?)\s*(stunden?|hours?|std|h|minuten?|minutes?|min|tage?n?|days?"
    r"|wochen?|weeks?)\s+(später|spaeter|früher|frueher|eher|later|earlier|sooner)\b"
)
_SHIFT_UNITS = {"s": 60, "h": 60, "m": 1, "t": 1440, "d": 1440, "w": 10080}


def shifted(text: str) -> timedelta | None:
    """ "eine Stunde später", "30 min earlier", "a week later": how far a meeting
    moves from its own time, or None."""
    found = _SHIFT.search(text.lower())
    if found is None:
        return None
    count, unit, way = found.groups()
    n = int(count) if count.isdigit() else 1
    minutes = n * _SHIFT_UNITS[unit[0]]
    earlier = way in ("früher", "frueher", "eher", "earlier", "sooner")
    return timedelta(minutes=-minutes if earlier else minutes)


def _on_named_day(ctx: Context, target: str, moment: datetime) -> bool:
    """Whether the moment read falls on the day the target names ("to dec 10 at 3pm"
    read as 3pm on the meeting's own day is no such move: ask, never guess)."""
    named = day_in(target, ctx.now.astimezone(ctx.tz).date(), ctx.lang)
    if named is None:
        return True
    days, _, phrase = named
    if phrase.split()[-1] in WEEKDAY:  # "Di 12.1.": the weekday, whichever week
        return moment.weekday() in {d.weekday() for d in days}
    return moment.date() in days


def _without_day(text: str, day: date) -> str:
    """The text without the first written date that is `day` ("den am 10.12. auf
    Di 8.12. 11 Uhr": the 8.12. stays, the new time)."""
    for found in re.finditer(r"\b(\d{1,2})\.(\d{1,2})\.(\d{2,4})?", text):
        if (int(found[1]), int(found[2])) == (day.day, day.month):
            return f"{text[: found.start()]} {text[found.end() :]}"
    nth = rf"\b(?:am|den|on the|the|on)\s+0?{day.day}(?:\.|st|nd|rd|th)(?!\d)|\b0?{day.day}(?:st|nd|rd|th)\b"
    return re.sub(nth, " ", text, count=1, flags=re.IGNORECASE)


def offer_cancel(
    ctx: Context, group: list[MeetingView], intro: str, away: tuple[str, str] | None = None
) -> list[Outbound]:
    """Offer to cancel these meetings (e.g. during days away: `away` is the first and
    last day, the reason the other side reads), with the one question."""
    what: dict = {"ids": [m.id for m in group]}
    if away:
        what["away"] = list(away)
    [question] = _confirm(ctx, group, what, key="offer_cancel")
    return [dataclasses.replace(question, text=f"{intro}\n{question.text}")]


def _confirm(
    ctx: Context, group: list[MeetingView], what: dict, key: str = "confirm_cancel"
) -> list[Outbound]:
    if not group:
        return [Outbound(t("meetings_none", ctx.lang))]
    others = sorted({m.other(ctx.who.person_id).name for m in group})
    lines = "\n".join(
        f"#{m.id}  {when(ctx, m.starts_at)}  {m.other(ctx.who.person_id).name}" for m in group
    )
    _ask(ctx, "confirm_cancel", what)
    if len(others) > 1:  # "Emil und Erika werden benachrichtigt"
        key += "_many"
        names = t("name_list", ctx.lang, names=", ".join(others[:-1]), last=others[-1])
    else:
        names = others[0]
    text = t(key, ctx.lang, other=names, list=lines)
    return [Outbound(text, _confirm_buttons(ctx, what))]


def _confirm_buttons(ctx: Context, what: dict) -> tuple[Button, ...]:
    if what.get("all"):
        data = jf_data("cdoall", 1)
    elif "ids" in what:
        data = jf_data("cdoids", 1)
    else:
        data = jf_data("cdo", what["meeting"], what["scope"])
    return (
        Button(t("yes_cancel", ctx.lang), data, confirms=True),
        Button(t("keep", ctx.lang), jf_data("keep", 0)),
    )


def _scope_in_confirm(ctx: Context, data: dict, scope: int) -> list[Outbound]:
    """ "nur den einen" to "Wirklich absagen?": the same meetings asked again, saying
    what the yes does (and that the rest of the series stays); another scope ("die
    ganze Serie") asks about those meetings instead. Nothing is cancelled unasked."""
    if scope != data.get("scope", 0):
        return cancel_scope(ctx, data["meeting"], scope)
    jf = booking(ctx)
    try:
        m = jf.get(ctx.who.person_id, data["meeting"])
        group = jf.group(ctx.who.person_id, m.id, SCOPES[scope])
        series = jf.group(ctx.who.person_id, m.id, "series")
    except BookingError as exc:
        return refusal(ctx, exc)
    fields = {"n": m.id, "when": when(ctx, m.starts_at), "count": len(group)}
    key = "confirm_means_one" if scope == 0 else "confirm_means_many"
    text = t(key, ctx.lang, **fields)
    if len(series) > len(group):
        text += " " + t("confirm_means_rest", ctx.lang, count=len(series) - len(group))
    _ask(ctx, "confirm_cancel", data)
    return [Outbound(f"{text}\n{t('confirm_means_ask', ctx.lang)}", _confirm_buttons(ctx, data))]


def keep(ctx: Context) -> list[Outbound]:
    _forget(ctx)
    return [Outbound(t("kept", ctx.lang))]


def cancel_all(
    ctx: Context, ids: list[int] | None = None, away: list[str] | None = None, reason: str = ""
) -> list[Outbound]:
    """Every upcoming meeting (or those of `ids`), after the one confirmation: one
    message per person (with the reason when the sender is away: `away`)."""
    jf, me = booking(ctx), ctx.who.person_id
    done: dict[int, list[MeetingView]] = {}
    for m in jf.upcoming(me, limit=500):
        if ids is not None and m.id not in ids:
            continue
        try:
            [view] = jf.cancel_group(me, m.id, "one")
        except BookingError:
            continue  # cancelled meanwhile by the other side
        done.setdefault(view.other(me).person_id, []).append(view)
    if done:
        _ask(ctx, "cancelled", {})  # "und Silvester auch": one more to cancel
    else:
        _forget(ctx)
    out = []
    for group in done.values():
        if len(group) == 1:
            told = both_sides(ctx, group[0], "cancelled_for", ics(ctx, group[0], cancelled=True))
        else:
            told = _cancelled_many(ctx, group)
        if away:  # the other side reads why: the sender is away
            first, last = (date.fromisoformat(d) for d in away)
            lang = group[0].other(me).lang
            why = t(
                "cancel_reason_away",
                lang,
                name=ctx.who.name,
                first=fmt_date(first, lang),
                last=fmt_date(last, lang),
            )
            told = [dataclasses.replace(r, text=r.text + why) if r.to else r for r in told]
        lang = group[0].other(me).lang
        out += _with_reason(told, reason, ctx.who.name, lambda _, lang=lang: lang)
    return out or [Outbound(t("meetings_none", ctx.lang))]


def cancel_asked(ctx: Context) -> list[Outbound]:
    """The "yes, cancel" button of a list of meetings (kept in the conversation state)."""
    asked = booking(ctx).asked(ctx.msg.platform, ctx.msg.chat_id)
    if asked is None or asked.kind != "confirm_cancel" or "ids" not in asked.data:
        return [Outbound(t("stale_choice", ctx.lang))]
    return cancel_all(
        ctx, asked.data["ids"], asked.data.get("away"), asked.data.get("reason") or ""
    )


def do_cancel(ctx: Context, meeting_id: int, scope: int) -> list[Outbound]:
    """Cancel, after the confirmation: both sides are told, with the calendar file."""
    if not 0 <= scope < len(SCOPES):
        return [Outbound(t("stale_choice", ctx.lang))]
    reason = _carried(ctx, meeting_id)
    try:
        group = booking(ctx).cancel_group(ctx.who.person_id, meeting_id, SCOPES[scope])
    except BookingError as exc:
        return refusal(ctx, exc)
    _ask(ctx, "cancelled", {})  # "und Silvester auch": one more to cancel
    if len(group) == 1:
        told = both_sides(ctx, group[0], "cancelled_for", ics(ctx, group[0], cancelled=True))
    else:
        told = _cancelled_many(ctx, group)
    other = group[0].other(ctx.who.person_id)
    return _with_reason(told, reason, ctx.who.name, lambda _: other.lang) + _day_off_offer(
        ctx, group, reason
    )


_ILL = re.compile(r"\b(krank\w*|erkältet|fieber|grippe|migräne|sick|ill|unwell|flu|fever)\b")


def _day_off_offer(ctx: Context, group: list[MeetingView], reason: str) -> list[Outbound]:
    """tryout5 J11: a buddy who cancels because of illness ("bin krank, kann morgen
    nicht") is asked whether the whole day is off – else its freed time is offered to
    another expert that same day. One button enters the day as away (/urlaub)."""
    if ctx.role is not Role.BUDDY or not reason or not _ILL.search(reason.lower()):
        return []
    days = {m.starts_at.astimezone(ctx.tz).date() for m in group}
    if len(days) != 1:
        return []
    [day] = days
    if any(first <= day <= last for first, last in booking(ctx).availability(ctx.who.person_id)[1]):
        return []
    label = f"{day:%d.%m.}"
    data = jf_data("dayoff", int(f"{day:%Y%m%d}"))
    button = Button(t("day_off_button", ctx.lang, day=label), data)
    return [Outbound(t("day_off_ask", ctx.lang, day=label), (button,))]


def _cancelled_many(ctx: Context, group: list[MeetingView]) -> list[Outbound]:
    return _many(ctx, group, "cancelled_many_for", calendar(ctx, group, cancelled=True))


def _many(ctx: Context, group: list[MeetingView], key: str, files) -> list[Outbound]:
    """The same news about several meetings for both sides, each in their words."""
    first = group[0]
    me_id = ctx.who.person_id
    me, other = (
        (first.expert, first.buddy)
        if me_id == first.expert.person_id
        else (first.buddy, first.expert)
    )

    def text(lang, reader, by, name):
        lines = "\n".join(f"#{m.id}  {when(ctx, m.starts_at, reader)}" for m in group)
        return t(key, lang, count=len(group), other=name, by=by, list=lines)

    mine = Outbound(text(ctx.lang, None, "", other.name), files=files(me))
    by = t("by_other", other.lang, name=me.name)
    return [mine] + notice(ctx, other, text(other.lang, other, by, me.name), files=files(other))


# -- move -------------------------------------------------------------------------------
def move_command(ctx: Context) -> list[Outbound]:
    arg = " ".join(ctx.args).strip()
    number = _number(arg) if arg else None
    if number is None and arg and (named := named_number(arg))[0] is not None:
        return _move_named(ctx, *named)  # "/verschieben #115 Do 26.10. 14:00"
    return _pick(ctx, "pick_move", "pickmove") if number is None else move_slots(ctx, number)


def _move_named(ctx: Context, meeting_id: int, target: str) -> list[Outbound]:
    """/verschieben #N and a time (or a day): that meeting to that time, checked as
    any move (tryout6 row 14), or that day's free times around it."""
    try:
        m = booking(ctx).get(ctx.who.person_id, meeting_id)
    except BookingError as exc:
        return refusal(ctx, exc)
    if not target.strip():
        return move_slots(ctx, meeting_id)
    return _move_to(ctx, m, target.strip(), by_day=True)


def move_slots(ctx: Context, meeting_id: int, offset: int = 0) -> list[Outbound]:
    """Free slots around the meeting's own date, with its own buddy; a time can be
    typed too ("Do 17.12. 14:00"). Never on a day the person just said they cannot
    make ("cant make it tomorrow" -> "move it")."""
    jf = booking(ctx)
    not_days = _carried_move(ctx, meeting_id)[1]
    try:
        m = jf.get(ctx.who.person_id, meeting_id)
        closest = _not_on(ctx, jf.move_slots(ctx.who.person_id, meeting_id), not_days)
    except BookingError as exc:
        return refusal(ctx, exc)
    page = sorted(closest[offset : offset + PAGE])
    if not page and not offset:  # booked out: a typed time, or ask the buddy
        return no_move_slots(ctx, m, _ask)
    if not page:
        key = "no_more_slots" if offset else "no_slots"
        return [Outbound(t(key, ctx.lang, buddy=m.buddy.name))]
    buttons = slot_buttons(ctx, page, "move", m.id)
    if len(closest) > offset + PAGE:
        buttons += (Button(t("more_slots", ctx.lang), jf_data("mmore", m.id, offset + PAGE)),)
    if offset > 0:
        back = jf_data("mmore", m.id, max(0, offset - PAGE))
        buttons += (Button(t("back_slots", ctx.lang), back),)
    kept = {"not": not_days} if not_days else {}
    _ask(ctx, "move", {"meeting": m.id, "offset": offset, **kept, **choices_kept(buttons)})
    return [Outbound(t("move_slots", ctx.lang, when=when(ctx, m.starts_at)), buttons)]


def _carried_move(ctx: Context, meeting_id: int) -> tuple[str, list[str]]:
    """What the open question keeps for moving this meeting: the new time the
    sentence named ("can we push to 3pm", asked which meeting first) and the days
    ruled out ("cant make it tomorrow"), as ISO dates."""
    asked = booking(ctx).asked(ctx.msg.platform, ctx.msg.chat_id)
    if asked is None or asked.kind not in ("pick", "cant", "move"):
        return "", []
    ids = asked.data.get("ids") or [asked.data.get("meeting")]
    if meeting_id not in ids:
        return "", []
    target = asked.data.get("target", "") if asked.kind != "move" else ""
    return target, list(asked.data.get("not", []))


def _not_on(ctx: Context, slots, not_days: list[str]) -> list[datetime]:
    if not not_days:
        return list(slots)
    return [s for s in slots if s.astimezone(ctx.tz).date().isoformat() not in not_days]


def move_picked(ctx: Context, meeting_id: int, said: str = "") -> list[Outbound]:
    """A meeting picked to move (a button, "the next one", "2"): to the time the
    person named with it ("can we push to 3pm", "move it to next tuesday 10am"),
    checked and offered with one button; else its free times."""
    target, _ = _carried_move(ctx, meeting_id)
    target = said.strip() or target
    if not target:
        return move_slots(ctx, meeting_id)
    try:
        m = booking(ctx).get(ctx.who.person_id, meeting_id)
    except BookingError as exc:
        return refusal(ctx, exc)
    return _move_to(ctx, m, target, by_day=True, offer=True)


def move_words(ctx: Context, text: str) -> list[Outbound]:
    """ "can we push to 3pm", "können wir auf Donnerstag 15 Uhr?" with no meeting
    named: the one meeting ahead, or which one (the time named is kept for it)."""
    _, target = split_target(text)
    if not target.strip():
        return _pick(ctx, "pick_move", "pickmove")
    ahead = booking(ctx).upcoming(ctx.who.person_id)
    if len(ahead) == 1:
        return _move_to(ctx, ahead[0], target, by_day=True, offer=True)
    return _pick(ctx, "pick_move", "pickmove", carry={"target": target.strip()})


def _offer_move(ctx: Context, m: MeetingView, start: datetime) -> list[Outbound]:
    """A new time named for a meeting picked after it: checked, and offered with one
    button ("Auf Do 19.10. 15:00 verschieben?"), or why not (too soon, taken – by whom,
    if one may know –, not a free time) with the free times nearest to it."""
    jf = booking(ctx)
    not_days = _carried_move(ctx, m.id)[1]
    try:
        check = jf.move_check(ctx.who.person_id, m.id, start)
    except BookingError as exc:
        return refusal(ctx, exc)
    fields = {"when": when(ctx, m.starts_at), "new": when(ctx, start)}
    kept = {"not": not_days} if not_days else {}
    if check is None:
        ts = int(start.timestamp())
        buttons = (
            Button(t("move_offer_yes", ctx.lang, **fields), jf_data("move", m.id, ts)),
            Button(t("move_offer_other", ctx.lang), jf_data("mmore", m.id, 0)),
        )
        _ask(ctx, "move", {"meeting": m.id, "offset": 0, "offer": ts, **kept})
        return [Outbound(t("move_offer", ctx.lang, **fields), buttons)]
    why, name, near = check
    near = sorted(_not_on(ctx, near, not_days))[:4]
    moment, hours = fields["new"], jf.rules.notice_hours
    if why == "too_soon":
        text = t("move_too_soon", ctx.lang, when=moment, hours=hours)
    elif why == "slot_taken":
        key = "move_taken_with" if name else "move_taken"
        text = t(key, ctx.lang, when=moment, name=name)
    else:
        text = _not_free(ctx, m, start, moment)
    opening = _open_button(ctx, m, start) if why == "not_free" else None
    if opening is not None and not near:  # the buddy's own free times: open it for this one
        text = _open_text(ctx, m, start)
    if not near:
        _ask(ctx, "move", {"meeting": m.id, "offset": 0, **kept})
        if opening is not None:
            return [Outbound(text, (opening,))]
        return [Outbound(text + "\n" + t("move_none_near", ctx.lang))]
    buttons = slot_buttons(ctx, near, "move", m.id)
    buttons += (Button(t("move_offer_other", ctx.lang), jf_data("mmore", m.id, 0)),)
    if opening is not None:  # last: the free times nearby come first
        buttons = (*buttons, opening)
    _ask(ctx, "move", {"meeting": m.id, "offset": 0, **kept, **choices_kept(buttons)})
    return [Outbound(text, buttons)]


def _open_button(ctx: Context, m: MeetingView, start: datetime) -> Button | None:
    """For a buddy whose own free times leave out the new time (tryout5 J5, J6): one
    button that opens that time on that day only (as /frei 03.11. 12-13 does) and
    moves the meeting there. None for an expert, a day away, or a time that would end
    another day."""
    if ctx.role is not Role.BUDDY or m.buddy.person_id != ctx.who.person_id:
        return None
    if _away(ctx, m, start) is not None:  # away that day (/urlaub): opening it would not help
        return None
    local = start.astimezone(ctx.tz)
    if (start + (m.ends_at - m.starts_at)).astimezone(ctx.tz).date() != local.date():
        return None
    label = t("move_open_button", ctx.lang, new=when(ctx, start))
    return Button(label, jf_data("openmove", m.id, int(start.timestamp())))


def _open_text(ctx: Context, m: MeetingView, start: datetime) -> str:
    """ "Di 03.03. 12:00 liegt nicht in Ihren freien Zeiten. Sie können die Zeit für
    diesen Tag freigeben (wie /frei 03.03. 12-13) …"."""
    local, end = start.astimezone(ctx.tz), (start + (m.ends_at - m.starts_at)).astimezone(ctx.tz)
    span = f"{local:%H:%M}-{end:%H:%M}".replace(":00", "")
    return t("move_open_alone", ctx.lang, when=when(ctx, start), day=f"{local:%d.%m.}", span=span)


def open_and_move(ctx: Context, meeting_id: int, ts: int) -> list[Outbound]:
    """The buddy pressed "open <time> and move": that time is added to the buddy's
    free times for that day only, and this one meeting moves there."""
    jf = booking(ctx)
    try:
        m = jf.get(ctx.who.person_id, meeting_id)
    except BookingError as exc:
        return refusal(ctx, exc)
    start = datetime.fromtimestamp(ts, UTC)
    if _open_button(ctx, m, start) is None:
        return [Outbound(t("stale_choice", ctx.lang))]
    local, end = start.astimezone(ctx.tz), (start + (m.ends_at - m.starts_at)).astimezone(ctx.tz)
    check = jf.move_check(ctx.who.person_id, meeting_id, start)
    if check is not None and check[0] == "not_free":
        jf.set_windows(ctx.who.person_id, [Window(local.time(), end.time(), day=local.date())])
    return move_scope(ctx, meeting_id, ts, 0)


def move(ctx: Context, meeting_id: int, ts: int) -> list[Outbound]:
    """A new time chosen: for a meeting of a series, first which meetings move (the
    time is checked for this meeting before: a time that is not free says so first)."""
    jf = booking(ctx)
    try:
        m = jf.get(ctx.who.person_id, meeting_id)
        series = jf.group(ctx.who.person_id, meeting_id, "series")
        following = jf.group(ctx.who.person_id, meeting_id, "following")
    except BookingError as exc:
        return refusal(ctx, exc)
    too_soon = datetime.fromtimestamp(ts, UTC) < ctx.now + timedelta(hours=jf.rules.notice_hours)
    if len(series) < 2 or too_soon:  # too soon for any of them: say so before asking which
        return move_scope(ctx, meeting_id, ts, 0)
    try:  # tryout5 J6: "nicht frei" before "nur diesen oder die Serie?"
        check = jf.move_check(ctx.who.person_id, meeting_id, datetime.fromtimestamp(ts, UTC))
    except BookingError as exc:
        return refusal(ctx, exc)
    if check is not None and check[0] == "not_free" and ctx.role is Role.BUDDY:
        return _offer_move(ctx, m, datetime.fromtimestamp(ts, UTC))
    if check is not None:  # this one cannot move there: said before the scope (tryout6 row 3)
        return move_scope(ctx, meeting_id, ts, 0)
    at, new = when(ctx, m.starts_at), when(ctx, datetime.fromtimestamp(ts, UTC))
    buttons = [Button(t("scope_one", ctx.lang, n=m.id, when=at), jf_data("mscope", m.id, ts, 0))]
    if 1 < len(following) < len(series):
        label = t("scope_following", ctx.lang, n=m.id, count=len(following))
        buttons.append(Button(label, jf_data("mscope", m.id, ts, 1)))
    label = t("scope_series", ctx.lang, count=len(series))
    buttons.append(Button(label, jf_data("mscope", m.id, ts, 2)))
    _ask(ctx, "scope", {"do": "move", "meeting": m.id, "ts": ts})
    text = t("move_scope_question", ctx.lang, n=m.id, when=at, new=new)
    return [Outbound(text, tuple(buttons))]


def move_scope(
    ctx: Context, meeting_id: int, ts: int, scope: int, skip: bool = False
) -> list[Outbound]:
    if not 0 <= scope < len(SCOPES):
        return [Outbound(t("stale_choice", ctx.lang))]
    jf = booking(ctx)
    try:
        olds = jf.group(ctx.who.person_id, meeting_id, SCOPES[scope])
        moved = jf.move_group(
            ctx.who.person_id, meeting_id, datetime.fromtimestamp(ts, UTC), SCOPES[scope], skip
        )
    except BookingError as exc:
        return _not_moved(ctx, meeting_id, ts, scope, exc)
    _forget(ctx)
    if len(moved) == 1:
        old = next(o for o in olds if o.id == moved[0].id)
        m = moved[0]
        return both_sides(
            ctx, m, "moved_for", ics(ctx, m), old=lambda reader: when(ctx, old.starts_at, reader)
        )
    return _many(ctx, moved, "moved_many_for", calendar(ctx, moved))


def _not_free(ctx: Context, m: MeetingView, start: datetime, moment: str) -> str:
    """Why a time is not free: the buddy is away then (/urlaub, with the days), else
    it is outside the buddy's free times."""
    if (away := _away(ctx, m, start)) is not None:
        days = {"first": fmt_date(away[0], ctx.lang), "last": fmt_date(away[1], ctx.lang)}
        key = f"move_away_{ctx.role.value}"
        return t(key, ctx.lang, when=moment, buddy=m.buddy.name, **days)
    return t(f"move_not_free_{ctx.role.value}", ctx.lang, when=moment, buddy=m.buddy.name)


def _away(ctx: Context, m: MeetingView, start: datetime):
    """The buddy's days away (/urlaub) that hold this time's day, or None."""
    try:
        _, away = booking(ctx).availability(m.buddy.person_id)
    except BookingError:
        return None
    day = start.astimezone(ctx.tz).date()
    return next(((first, last) for first, last in away if first <= day <= last), None)


def _not_moved(
    ctx: Context, meeting_id: int, ts: int, scope: int, exc: BookingError
) -> list[Outbound]:
    """Why a move did not happen, with what can be done instead: other free times
    to move to (as move buttons), or for a series "all except these"."""
    if exc.key in ("slot_taken", "not_free", "too_soon"):
        try:
            m = booking(ctx).get(ctx.who.person_id, meeting_id)
        except BookingError as gone:
            return refusal(ctx, gone)
        name = exc.fields.get("name") or ""  # taken: with whom, if one may know
        taken = "move_taken_with" if name else "move_taken"
        key = {"slot_taken": taken, "too_soon": "move_too_soon"}.get(
            exc.key, f"move_not_free_{ctx.role.value}"
        )
        moment = when(ctx, datetime.fromtimestamp(ts, UTC))
        hours = booking(ctx).rules.notice_hours
        text = t(key, ctx.lang, when=moment, buddy=m.buddy.name, hours=hours, name=name)
        start = datetime.fromtimestamp(ts, UTC)
        if exc.key == "not_free":
            text = _not_free(ctx, m, start, moment)
        near = _not_on(ctx, exc.alternatives, _carried_move(ctx, meeting_id)[1])
        opening = _open_button(ctx, m, start) if exc.key == "not_free" and scope == 0 else None
        if opening is not None and not near:
            text = _open_text(ctx, m, start)
        if not near:
            if opening is not None:
                return [Outbound(text, (opening,))]
            return none_near(ctx, m, text)  # never the heading with nothing under it
        buttons = slot_buttons(ctx, near, "move", meeting_id)
        return [Outbound(text, tuple(buttons) + ((opening,) if opening else ()))]
    if exc.key != "move_conflict":
        return refusal(ctx, exc)
    lines = []
    for target, why, name in exc.fields["blocked"]:
        reason = t("blocked_with", ctx.lang, name=name) if name else t(f"blocked_{why}", ctx.lang)
        lines.append(f"• {when(ctx, target)} – {reason}")
    movable, n = exc.fields["movable"], exc.fields["n"]
    text = t("move_conflict_list", ctx.lang, n=n, list="\n".join(lines), movable=movable)
    buttons = [Button(t("pick_other_time", ctx.lang), jf_data("pickmove", meeting_id))]
    if movable:
        key = "move_all_but_one" if len(lines) == 1 else "move_all_but_many"
        label = t(key, ctx.lang, count=movable, blocked=len(lines))
        buttons.insert(0, Button(label, jf_data("mskip", meeting_id, ts, scope)))
        _ask(ctx, "move_skip", {"meeting": meeting_id, "ts": ts, "scope": scope})
    return [Outbound(text, tuple(buttons))]


_BUT_WORDS = (
    "außer",
    "ausser",
    "ohne",
    "except",
    "but not",
    "all but",
    "the others",
    "die anderen",
)


def move_skip(ctx: Context, meeting_id: int, ts: int, scope: int) -> list[Outbound]:
    """ "All except these": the meetings whose new time is free move, the others stay."""
    return move_scope(ctx, meeting_id, ts, scope, skip=True)


# -- replies to what was asked ----------------------------------------------------------
def _move_to_day(ctx: Context, m: MeetingView, data: dict, text: str) -> list[Outbound] | None:
    """ "lieber Freitag?", "next week" while the move picker is open: that day's free
    times around the meeting, or that there are none, with the picker again."""
    named = day_in(text, ctx.now.astimezone(ctx.tz).date(), ctx.lang)
    if named is None:
        return None
    days, label, _ = named
    try:
        closest = booking(ctx).move_slots(ctx.who.person_id, m.id)
    except BookingError as exc:
        return refusal(ctx, exc)
    closest = _not_on(ctx, closest, _carried_move(ctx, m.id)[1])
    fits = sorted(s for s in closest if s.astimezone(ctx.tz).date() in days)[:PAGE]
    fields = {"day": label, "when": when(ctx, m.starts_at)}
    if fits:
        _ask(ctx, "move", {**data, "offset": 0})
        text = t("move_slots_day", ctx.lang, **fields)
        return [Outbound(text, slot_buttons(ctx, fits, "move", m.id))]
    none = t("move_no_slots_day", ctx.lang, buddy=m.buddy.name, **fields)
    [slots] = move_slots(ctx, m.id, data.get("offset", 0))
    return [dataclasses.replace(slots, text=f"{none}\n{slots.text}")]


def answer_asked(ctx: Context, kind: str, data: dict, text: str) -> list[Outbound] | None:
    """A typed reply to a picker, a page of slots or a confirmation; None if the text
    does not answer it (it goes on)."""
    low = text.strip().lower().strip(" .!")
    if kind == "pick":
        number = _number(low)
        ordinal = _ordinal(low)
        if (
            number is None
            and ordinal is not None
            and -len(data["ids"]) <= ordinal < len(data["ids"])
        ):
            number = data["ids"][ordinal]  # "den ersten", "the last one": of the list shown
        if number is None:
            number = _picked_in_words(ctx, data["ids"], text)
        if number is None and data["action"] == "cancel" and _all_said(low):
            return confirm_all(ctx)  # "alle" to "Welchen Termin absagen?" (jf14)
        if number is None:
            return _named_in_pick(ctx, data, text) or _date_in_pick(ctx, data, text)
        if number not in data["ids"]:
            numbers = ", ".join(f"#{n}" for n in data["ids"])
            return [Outbound(t("unknown_number", ctx.lang, n=number, numbers=numbers))]
        return cancel(ctx, number) if data["action"] == "cancel" else move_picked(ctx, number)
    if kind == "cant":
        return _cant_answer(ctx, data["ids"], text)
    if kind == "move":
        if low in MORE_WORDS:
            return move_slots(ctx, data["meeting"], data["offset"] + PAGE)
        if low in BACK_WORDS:
            return move_slots(ctx, data["meeting"], max(0, data["offset"] - PAGE))
        if (
            data.get("offer")
            and find(text, ctx.now.astimezone(ctx.tz).replace(tzinfo=None)) is None
        ):
            reading = read(text)  # "ja" to "Auf Do 15:00 verschieben?" ("nein" closes it)
            if reading.kind == YES and not reading.reason:
                return move(ctx, data["meeting"], data["offer"])
        local = _earliest(ctx)
        try:
            old = booking(ctx).get(ctx.who.person_id, data["meeting"])
        except BookingError as exc:
            return refusal(ctx, exc)
        day = old.starts_at.astimezone(ctx.tz).date()
        moment = find_moment(text, local, day, ctx.now.astimezone(ctx.tz).date())
        if moment is None:
            return _move_to_day(ctx, old, data, text)
        if clash := weekday_clash(ctx, text, local, day):  # ask again, with the free times
            [slots] = move_slots(ctx, data["meeting"], data["offset"])
            return [dataclasses.replace(slots, text=f"{clash}\n{slots.text}")]
        start = moment.replace(tzinfo=ctx.tz)
        return move(ctx, data["meeting"], int(start.timestamp()))
    if kind == "scope":
        scope = read_scope(text)
        if scope is None:
            no = read(text)  # a plain "nein" keeps everything; more words go on
            return keep(ctx) if no.kind == NO and not no.reason else None
        if data["do"] == "move":
            return move_scope(ctx, data["meeting"], data["ts"], scope)
        return cancel_scope(ctx, data["meeting"], scope)
    if kind == "move_skip":  # "alle außer diesem?"
        reading = read(text)
        if any(w in low for w in _BUT_WORDS) or reading.kind == YES:
            return move_scope(ctx, data["meeting"], data["ts"], data["scope"], skip=True)
        if reading.kind == NO:
            return keep(ctx)
        return None
    if kind == "confirm_cancel":
        reading = read(text)
        scope = read_scope(text) if "meeting" in data else None
        if scope is not None and (scope != data.get("scope", 0) or reading.kind != YES):
            return _scope_in_confirm(ctx, data, scope)  # "nur den einen", "die ganze Serie"
        if reading.kind == NONE:
            return None
        if reading.kind == NO:
            return keep(ctx)
        if reading.kind == YES:
            if data.get("all"):
                return cancel_all(ctx)
            if "ids" in data:
                return cancel_all(ctx, data["ids"], data.get("away"), data.get("reason") or "")
            return do_cancel(ctx, data["meeting"], data["scope"])
        return [Outbound(t("ask_cancel", ctx.lang), _confirm_buttons(ctx, data))]
    return None
