"""Timeline reminders in chat: /erinnerungen subscribes the chat to the active
edition's pushes (also the 🔔 button under dated FAQ answers), /naechste asks to be
told once when the next call opens (also the button under answers and the greeting
when no call is open), /stopp ends both.
Everything planned lives in the outbox; see bot.timeline and jobs.dispatch."""

from __future__ import annotations

import re

from bot.chat.faq_follow import bare
from bot.chat.faq_replies import FOLLOW_UP, NEXT_CALL_DATA, SUBSCRIBE_DATA
from bot.chat.handlers import Callback, Command, Context, Feature
from bot.messages import Button, Outbound
from bot.texts import fmt_day, fmt_when, relative_days, t
from bot.timeline import Subscriber, too_close
from faq.form import bare_follow_up
from jobs.program import CallState, call_closed, call_state, end_phrase, local_today, long_day
from storage.models import Role

__all__ = ["FEATURE", "no_call_open"]

ONLY_THIS = ("nur-diese", "nurdiese", "this-only", "thisonly")


def no_call_open(ctx: Context, *, button: bool = True, said: str = "") -> Outbound | None:
    """When no call is open: say so and offer the next-call message (by its button, or
    with `button` False by its command only); else None – also when `said` (the answer
    just given) says already that the program is over and no next call is known."""
    edition = ctx.services.faq.edition()
    if not call_closed(edition, ctx.now):
        return None
    if said and call_state(edition, local_today(edition, ctx.now)) is CallState.OVER:
        over = t(
            "program_over_note", ctx.lang, edition=edition.name, end=end_phrase(edition, ctx.lang)
        )
        if over in said:
            ctx.state.faq.told_closed_at = ctx.now
            return None
    deadline = edition.milestone("deadline")
    day = long_day(deadline.day, ctx.lang) if deadline else t("date_unknown", ctx.lang)
    ctx.state.faq.told_closed_at = ctx.now  # the FAQ's next "noch bewerben?" says it briefly
    if _watching(ctx):
        return Outbound(t("no_call_open_watching", ctx.lang, edition=edition.name, deadline=day))
    if not button:
        return Outbound(t("no_call_open_command", ctx.lang, edition=edition.name, deadline=day))
    text = t("no_call_open", ctx.lang, edition=edition.name, deadline=day)
    return Outbound(text, (Button(t("next_call_button", ctx.lang), NEXT_CALL_DATA, confirms=True),))


def _subscribed(ctx: Context) -> bool:
    """Whether the sender gets the call's dates now (a subscription not stopped)."""
    subscriptions = ctx.services.timeline.subscriptions_of(ctx.msg.platform, ctx.msg.user_id)
    return any(s.stopped_at is None for s in subscriptions)


def _following(ctx: Context) -> bool:
    """Whether the sender's subscription moves along to the next edition."""
    subscriptions = ctx.services.timeline.subscriptions_of(ctx.msg.platform, ctx.msg.user_id)
    return any(s.stopped_at is None and s.follow for s in subscriptions)


# "welche Erinnerungen hab ich?", "meine Erinnerungen", "gibts meine Erinnerungen noch?",
# "which reminders do I have?", "wann kommt die nächste Erinnerung?": the person's own list
_ASKS_MINE = re.compile(
    r"\b(welche|meine|meiner|my|which|what|gibt'?s|gibts|gibt es)\b.*\b(erinnerung\w*|reminders?)\b"
    r"|\b(erinnerung\w*|reminders?)\b.*\b(hab|habe|have|hast|noch|still|got|bekomme|get)\b"
    r"|\b(wann|when)\b.*\b(nächste|naechste|next)\s+(erinnerung|reminder)\b"
    r"|^\s*(meine|my)\s+(erinnerung\w*|reminders?)\s*\??\s*$",
    re.IGNORECASE,
)


def _mine(ctx: Context) -> list[Outbound]:
    """The person's own reminders: the list (/erinnerungen) when subscribed, else that
    there are none, with the offer (or, when no call is open, the next-call offer)."""
    if _subscribed(ctx):
        return _subscribe(ctx)
    if (offer := no_call_open(ctx)) is not None:
        return [offer]
    button = Button(t("subscribe_button", ctx.lang), SUBSCRIBE_DATA, confirms=True)
    return [Outbound(t("reminders_none", ctx.lang), (button,))]


def _watching(ctx: Context) -> bool:
    """Whether the sender waits for the next call's message."""
    return ctx.services.timeline.watching_next_call(ctx.msg.platform, ctx.msg.user_id)


def _subscribe(ctx: Context) -> list[Outbound]:
    msg = ctx.msg
    already = _subscribed(ctx)
    if already:  # asked again in another language: the pushes ahead come in this one
        ctx.services.timeline.set_lang(msg.platform, msg.user_id, ctx.lang)
    edition, pending = ctx.services.timeline.subscribe(
        Subscriber(msg.platform, msg.user_id, msg.chat_id, ctx.lang)
    )
    if edition is None:
        return [Outbound(t("no_edition", ctx.lang))]
    if not pending and already and _following(ctx):  # 2026, subscribed in 2023: still on
        deadline = edition.milestone("deadline")
        day = long_day(deadline.day, ctx.lang) if deadline else t("date_unknown", ctx.lang)
        ctx.state.faq.told_closed_at = ctx.now
        return [Outbound(t("subscribed_moves_along", ctx.lang, edition=edition.name, deadline=day))]
    if not pending:
        offer = no_call_open(ctx)
        nothing = Outbound(t("subscribed_nothing_ahead", ctx.lang, edition=edition.name))
        return [offer] if offer else [nothing]
    only_this = bool(ctx.args) and ctx.args[0].lower() in ONLY_THIS
    ctx.services.timeline.follow(msg.platform, msg.user_id, not only_this)
    follow = t("follow_off" if only_this else "follow_on", ctx.lang)
    lines = [
        f"• {fmt_when(row.due_at, ctx.lang, ctx.tz)} – {row.text.splitlines()[0].split(': ', 1)[-1]}"
        for row in pending
    ]
    text = t(
        "subscribed_already" if already else "subscribed",
        ctx.lang,
        edition=edition.name,
        n=len(pending),
        list="\n".join(lines),
        follow=follow,
    )
    today = local_today(edition, ctx.now)
    close = [
        t(
            "too_close",
            ctx.lang,
            title=m.title[ctx.lang],
            when=relative_days((m.day - today).days, ctx.lang),
            day=fmt_day(m.day, ctx.lang),
        )
        for m in too_close(edition, ctx.now)
    ]
    return [Outbound("\n\n".join([text, *close]))]


def _next_call(ctx: Context) -> list[Outbound]:
    msg = ctx.msg
    new = ctx.services.timeline.watch_next_call(
        Subscriber(msg.platform, msg.user_id, msg.chat_id, ctx.lang)
    )
    return [Outbound(t("next_call_subscribed" if new else "next_call_already", ctx.lang))]


def _stop(ctx: Context) -> list[Outbound]:
    subscribed, watching = _subscribed(ctx), _watching(ctx)
    if not subscribed and not watching:
        return [Outbound(t("not_subscribed", ctx.lang))]
    # ends the next-call watch too
    gone = ctx.services.timeline.unsubscribe(ctx.msg.platform, ctx.msg.user_id)
    if not subscribed:
        return [Outbound(t("next_call_stopped", ctx.lang))]
    return [Outbound(t("unsubscribed", ctx.lang, n=gone))]


# "pls remind me", "erinnere mich bitte an die Frist", "kannst du mich erinnern?",
# "Erinnerungen bitte", "I'd like reminders": the applicant asks for /erinnerungen
_ASKS_REMINDING = re.compile(
    r"\berinner\w*\s+(\w+\s+){0,3}?(mich|uns)\b|\b(mich|uns)\s+(\w+\s+){0,6}?erinner"
    r"|\berinner\w*\s+lassen\b|\bremind\s+(\w+\s+){0,2}?(me|us)\b|\b(me|us)\s+(\w+\s+){0,2}?reminded\b"
    r"|\b(erinnerung|erinnerungen|reminders?)\b.*\b(bitte|gerne?|möchte|moechte|hätte|haette"
    r"|will|wollen|abonnieren|please|pls|plz|want|like|get|subscribe|sign me up)\b"
    r"|\b(bitte|gerne?|möchte|moechte|hätte gern\w*|will|please|pls|plz|want|like|get"
    r"|subscribe to|kriegen|krieg|kriegt|bekommen|bekomme|bekommt)\b.*\b(erinnerung|erinnerungen"
    r"|reminders?)\b",
    re.IGNORECASE,
)
# "benachrichtige mich, wenn es was Neues gibt", "notify me about the next call", "sagt mir
# Bescheid, wenn die nächste Ausschreibung kommt": the next-call message (/naechste)
# "kann ich mich für die nächste Runde vormerken lassen?", "put me on the list for the
# next round": the same, the round named first
_SIGN_ME = (
    r"(benachrichtig\w*|(sag|sagt|sagen sie|gib|gebt|geben sie) (mir|uns) bescheid|notify"
    r"|let me know|let us know|inform me|tell me when|melde dich|meldet euch|melden sie sich"
    r"|vormerk\w*|vorgemerkt|keep me (posted|informed|updated)|put me on|sign me up"
    r"|auf die liste|in den verteiler)"
)
_NEXT_ROUND = (
    r"(nächst\w*|naechst\w*|neu\w*|next|new|wieder|again|künftig\w*|kuenftig\w*"
    r"|zukünftig\w*|zukuenftig\w*|future|kommend\w*|upcoming)"
)
_ASKS_NEXT_CALL = re.compile(
    rf"\b{_SIGN_ME}\b.*\b{_NEXT_ROUND}\b|\b{_NEXT_ROUND}\b.*\b{_SIGN_ME}\b", re.IGNORECASE
)
# "ok benachrichtige mich bitte", "yes please notify me": asked alone, the sign-up that
# fits the day (the next call's message once the call is closed, else its dates)
_SIGN_ME_ALONE = re.compile(
    r"^\W*(?:(?:ok|okay|ja|yes|gut|gerne?|bitte|please|pls|dann|then|so)\W+)*"
    rf"{_SIGN_ME}"
    r"(?:\W+(?:mich|me|uns|us|bitte|please|pls|gerne?|dann|then|ja|yes))*\W*$",
    re.IGNORECASE,
)
# "ok, wie kann ich benachrichtigt werden?", "how do I get notified?" once the call is
# closed: the next call's message (not "wie werden wir informiert, ob wir dabei sind?")
_HOW_NOTIFIED = re.compile(
    r"^\W*(?:(?:ok|okay|ja|yes|gut|und|and|so|also)\W+)*(?:wie|how)\b[\w\s]{0,30}?\b"
    r"(?:benachrichtigt|informiert|erinnert|notified|informed|reminded"
    r"|benachrichtigungen|notifications?)\b(?:\W+(?:werden|be|sein|bekommen|kriegen|get"
    r"|erhalten|bitte|please))*\W*$",
    re.IGNORECASE,
)
_NOT_ASKING = re.compile(r"\b(nicht|keine|kein|not|no|don'?t|stop\w*|stopp\w*|abbestell\w*)\b")


# "please stop the reminders", "no more reminders please", "unsubscribe", "bitte keine
# Erinnerungen mehr schicken", "Erinnerungen abbestellen": what people answer a push with
_PUSHES = r"(erinnerung\w*|benachrichtigung\w*|nachrichten|reminders?|notifications?|messages)"
_ASKS_STOPPING = re.compile(
    r"^\s*(bitte\s+|please\s+)?(unsubscribe|abbestellen|abmelden)\b"
    rf"|\b(keine|no|stop\w*|stopp\w*|beenden|end|cancel)\s+(\w+\s+){{0,2}}?{_PUSHES}"
    rf"|{_PUSHES}\s+(\w+\s+){{0,3}}?(abbestell\w*|abmelden|abstellen|stoppen|beenden"
    r"|ausschalten|unsubscribe|stop|off)\b",
    re.IGNORECASE,
)


def _asks_stopping(ctx: Context, lower: str) -> bool:
    """Words asking to end the pushes, from someone who gets them (or an applicant,
    told they get none): an expert's "keine Erinnerungen mehr" about Jour Fixe
    reminders is not about the call's dates."""
    if not _ASKS_STOPPING.search(lower):
        return False
    return ctx.role is Role.APPLICANT or _watching(ctx) or _subscribed(ctx)


def _after_push(ctx: Context, text: str) -> None:
    """A short reply right after a call-date push ("danke, und bis wie viel Uhr?") is
    read against that push as a follow-up is read against an FAQ answer: the push
    counts as the last answer (the entry of its step), when it came after that."""
    faq = ctx.services.faq
    if len(text) > 80 or faq is None or not (bare(text) or bare_follow_up(text)):
        return  # a question with its own topic needs no push to be read against
    memory = ctx.state.faq
    since = ctx.now - FOLLOW_UP
    pushed = ctx.services.timeline.last_push(ctx.msg.platform, ctx.msg.chat_id, since)
    if pushed is None or memory.at is not None and memory.at >= pushed[1]:
        return
    entry = faq.kb.at_milestone(pushed[0])
    if entry is not None:
        memory.entry, memory.at, memory.offered = entry.id, pushed[1], ()


def _read(ctx: Context, text: str) -> list[Outbound] | None:
    """An applicant asking in words to be reminded of the call's dates: /erinnerungen
    (after the deadline that says no call is open and offers the next-call message);
    asking in words to stop them: /stopp. Before the FAQ: a reply to a push just sent
    is read against it."""
    if not ctx.msg.private or len(text) > 160:
        return None
    _after_push(ctx, text)
    lower = text.lower()
    if _asks_stopping(ctx, lower):
        return _stop(ctx)
    if ctx.role is not Role.APPLICANT:
        return None
    if _ASKS_MINE.search(lower) and not _NOT_ASKING.search(lower):
        if not ctx.stored_lang:
            ctx.lang = ctx.services.faq.language(text, ctx.state.seen or ctx.lang)
        return _mine(ctx)
    if _ASKS_NEXT_CALL.search(lower) and not _NOT_ASKING.search(lower):
        if not ctx.stored_lang:
            ctx.lang = ctx.services.faq.language(text, ctx.state.seen or ctx.lang)
        return _next_call(ctx)
    alone = _SIGN_ME_ALONE.match(lower)
    if (alone or _HOW_NOTIFIED.match(lower)) and not _NOT_ASKING.search(lower):
        # (the edition is read only for such a message, not for every one)
        closed = call_closed(ctx.services.faq.edition(), ctx.now)
        if alone or closed:
            if not ctx.stored_lang:
                ctx.lang = ctx.services.faq.language(text, ctx.state.seen or ctx.lang)
            return _next_call(ctx) if closed else _subscribe(ctx)
    if not _ASKS_REMINDING.search(lower) or _NOT_ASKING.search(lower):
        return None
    if not ctx.stored_lang:  # "pls remind me" in a new chat: English
        ctx.lang = ctx.services.faq.language(text, ctx.state.seen or ctx.lang)
    return _subscribe(ctx)


FEATURE = Feature(
    name="reminders",
    read=_read,
    commands=(
        Command(
            ("erinnerungen", "erinnerung", "remind", "reminders"),
            _subscribe,
            menu=("erinnerungen", "remind"),
        ),
        Command(("naechste", "nächste", "next"), _next_call, menu=("naechste", "next")),
        Command(("stopp", "stop"), _stop, menu=("stopp", "stop")),
    ),
    callbacks=(
        Callback(SUBSCRIBE_DATA, lambda ctx, data: _subscribe(ctx)),
        Callback(NEXT_CALL_DATA, lambda ctx, data: _next_call(ctx)),
    ),
    needs=("timeline",),
)
