"""Ask the team, in chat: the asker's "Ask the team" button (their consent), and the
team's commands: /antwort N TEXT (or a reply to the forwarded question), /offen,
/verwerfen N, /entfernen N, /beispiel N EINTRAG.

The team is every admin in their own chat, and everyone in a team chat configured
for it (IMBOT_TEAM_TELEGRAM_CHAT, IMBOT_TEAM_MATRIX_ROOM): there the commands work
although the chat is a group. See bot.handoff for what is stored and sent."""

from __future__ import annotations

import re
from datetime import datetime

from bot.chat.faq_replies import HANDOFF_PREFIX
from bot.chat.handlers import PAIR_ROLES, Callback, Command, Context, Feature
from bot.handoff import HandoffError, Listing, QuestionRow, number_in, parse_number
from bot.messages import Outbound
from bot.texts import fmt_when, t
from storage.models import Role

__all__ = ["FEATURE"]


# the team asking for the questions waiting for it: a word for questions and one for open
_QUESTIONS = re.compile(r"\bfragen?\b|\banfragen?\b|\bquestions?\b|\bqueries\b", re.IGNORECASE)
_OPEN = re.compile(
    r"\boffen\w*|unbeantwort\w*|weitergeleitet\w*|\bneue[nrs]?\b|\bopen\b|unanswered"
    r"|\bpending\b|forwarded|\bnew\b|\bwaiting\b|\bwarten\b",
    re.IGNORECASE,
)


def _is_team(ctx: Context) -> bool:
    team = ctx.services.handoff
    if ctx.msg.private:
        return ctx.role is Role.ADMIN
    return team is not None and team.is_team_chat(ctx.msg.platform, ctx.msg.chat_id)


def _team_only(handler):
    """The team's commands: admins, or anyone in the configured team chat."""

    def guarded(ctx: Context) -> list[Outbound]:
        if not _is_team(ctx):
            if not ctx.msg.private:
                return [Outbound(t("private_only", ctx.lang))]
            shown = ctx.msg.text.split()[0][:40] if ctx.msg.text.strip() else "/"
            return [
                Outbound(t("forbidden", ctx.lang, command=shown, roles=t("role_admin", ctx.lang)))
            ]
        try:
            return handler(ctx)
        except HandoffError as exc:
            return [Outbound(_error(ctx, exc))]

    return guarded


def _error(ctx: Context, exc: HandoffError) -> str:
    if exc.key == "example_unknown_entry":  # the ids close to the typed one, else all of them
        close, ids = exc.fields["close"], exc.fields["ids"]
        key = "example_close" if close else "example_all"
        hint = t(key, ctx.lang, ids=", ".join(close or ids))
        return t(exc.key, ctx.lang, entry=exc.fields["entry"], close=hint)
    fields = {
        k: fmt_when(v, ctx.lang, ctx.tz) if isinstance(v, datetime) else v
        for k, v in exc.fields.items()
    }
    return t(exc.key, ctx.lang, **fields)


def _number(ctx: Context) -> int | None:
    return parse_number(ctx.args[0]) if ctx.args else None


def _by(ctx: Context) -> int | None:
    if ctx.who is not None:
        return ctx.who.person_id
    people = ctx.services.people
    who = people.whois(ctx.msg.platform, ctx.msg.user_id) if people else None
    return who.person_id if who else None


# -- the asker --------------------------------------------------------------------------------


def _forward(ctx: Context, data: str) -> list[Outbound]:
    team = ctx.services.handoff
    msg = ctx.msg
    if ctx.role in PAIR_ROLES:  # an expert's or buddy's words are no applicant's question
        return [Outbound(t("stale_choice", ctx.lang))]
    try:
        done = team.forward(
            data.removeprefix(HANDOFF_PREFIX),
            platform=msg.platform,
            user_id=msg.user_id,
            chat_id=msg.chat_id,
            lang=ctx.lang,
        )
    except HandoffError as exc:
        return [Outbound(_error(ctx, exc))]
    if done.already:
        return [Outbound(t("handoff_already", ctx.lang, n=done.number))]
    if done.opens is None:
        return [Outbound(t("handoff_sent", ctx.lang, n=done.number, hours=done.hours))]
    when = fmt_when(done.opens, ctx.lang, ctx.tz)
    return [Outbound(t("handoff_sent_later", ctx.lang, n=done.number, hours=done.hours, when=when))]


# -- the team ---------------------------------------------------------------------------------


def _answer(ctx: Context) -> list[Outbound]:
    number = _number(ctx)
    text = " ".join(ctx.args[1:])
    if number is None or not text.strip():
        return [Outbound(t("answer_usage", ctx.lang))]
    return _send_answer(ctx, number, _rest(ctx.msg.text, 2) or text)


def _rest(text: str, skip: int) -> str:
    """The message after its first `skip` words, with its own line breaks."""
    rest = text.strip()
    for _ in range(skip):
        parts = rest.split(maxsplit=1)
        rest = parts[1] if len(parts) > 1 else ""
    return rest.strip()


def _send_answer(ctx: Context, number: int, text: str) -> list[Outbound]:
    number = ctx.services.handoff.answer(number, text, by=_by(ctx))
    return [Outbound(t("answer_sent", ctx.lang, n=number))]


def _read(ctx: Context, text: str) -> list[Outbound] | None:
    """A reply to the team's copy of a forwarded question is the answer to it, and the
    team asking for the open questions in its own words ("zeig mir die offenen
    Fragen") gets /offen. In the configured team chat the team talks among itself: the
    bot answers only commands and such replies there (no FAQ answers to what the team
    writes)."""
    team_chat = not ctx.msg.private and _is_team(ctx)
    reply_to = ctx.msg.reply_to
    if ctx.services.handoff is None or not _is_team(ctx):
        return None
    if not reply_to and len(text) <= 200 and _QUESTIONS.search(text) and _OPEN.search(text):
        return _open(ctx)
    if not reply_to:
        return [] if team_chat else None
    number = number_in(reply_to)
    if number is None:
        return [] if team_chat else None
    try:
        return _send_answer(ctx, number, text)
    except HandoffError as exc:
        return [Outbound(_error(ctx, exc))]


def _open(ctx: Context) -> list[Outbound]:
    return [Outbound(_listing(ctx, ctx.services.handoff.listing()))]


def _listing(ctx: Context, listing: Listing) -> str:
    lang = ctx.lang
    waiting = len(listing.forwarded) + listing.more.get("forwarded", 0)
    sections = [
        ("forwarded", t("open_forwarded", lang, count=waiting), listing.forwarded),
        ("open", t("open_open", lang), listing.open),
        ("answered", t("open_answered", lang), listing.answered),
        ("dismissed", t("open_dismissed", lang), listing.dismissed),
    ]
    parts = [t("open_head", lang)]
    for key, head, rows in sections:
        if rows:
            lines = [f"• {_item(ctx, r)}" for r in rows]
            if more := listing.more.get(key):  # "… und 4 weitere"
                lines.append(t("open_more", lang, n=more))
            parts.append(head + "\n" + "\n".join(lines))
    if len(parts) == 1:
        parts.append(t("open_none", lang))
    parts.append(t("open_foot", lang))
    return "\n\n".join(parts)


def _item(ctx: Context, row: QuestionRow) -> str:
    lang = ctx.lang
    extra = ""
    if row.count > 1:
        extra += t("open_item_count", lang, count=row.count)
    if row.off_hours and row.state == "forwarded":
        extra += t("open_item_late", lang)
    if row.example_of:
        extra += t("open_item_example", lang, entry=row.example_of)
    question = " ".join(row.question.split())
    question = question if len(question) <= 120 else question[:119] + "…"
    when = fmt_when(row.answered_at or row.asked_at, lang, ctx.tz)
    return t(
        "open_item",
        lang,
        n=row.number,
        question=question,
        language=row.lang,
        when=when,
        extra=extra,
    )


def _with_number(action):
    def handler(ctx: Context) -> list[Outbound]:
        number = _number(ctx)
        if number is None:
            name = ctx.msg.text.strip().split()[0][1:].lower() if ctx.msg.text.strip() else ""
            return [Outbound(t("team_number_usage", ctx.lang, command=name[:20]))]
        return action(ctx, number)

    return handler


def _dismiss(ctx: Context, number: int) -> list[Outbound]:
    count = ctx.services.handoff.dismiss(number)
    return [Outbound(t("dismissed_done", ctx.lang, n=number, count=count))]


def _delete(ctx: Context, number: int) -> list[Outbound]:
    count = ctx.services.handoff.delete(number)
    return [Outbound(t("deleted_done", ctx.lang, n=number, count=count))]


def _example(ctx: Context) -> list[Outbound]:
    number = _number(ctx)
    if number is None or len(ctx.args) != 2:
        ids = ", ".join(e.id for e in ctx.services.faq.kb.entries)
        return [Outbound(t("example_usage", ctx.lang, entries=ids))]
    team = ctx.services.handoff
    who = ctx.who.name if ctx.who and ctx.who.name else ""
    entry = team.add_example(number, ctx.args[1], ctx.services.faq.kb, by=who)
    return [Outbound(t("example_added", ctx.lang, n=number, entry=entry, file=team.examples))]


def _help(ctx: Context) -> str | None:
    return t("help_handoff", ctx.lang) if _is_team(ctx) else None


def _team_command(names: tuple[str, ...], handler) -> Command:
    return Command(names, _team_only(handler), in_groups=True)


FEATURE = Feature(
    name="team",
    commands=(
        _team_command(("antwort", "answer"), _answer),
        _team_command(("offen", "open"), _open),
        _team_command(("verwerfen", "dismiss"), _with_number(_dismiss)),
        _team_command(("entfernen", "remove"), _with_number(_delete)),
        _team_command(("beispiel", "example"), _example),
    ),
    callbacks=(Callback(HANDOFF_PREFIX, _forward),),
    read=_read,
    help=_help,
    needs=("team",),
    in_groups=True,
)
