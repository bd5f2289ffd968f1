"""Chat commands about people: redeem an invite, admin commands, privacy.

Which roles may run a command is declared in `COMMANDS`; the router enforces it.
"""

from __future__ import annotations

import dataclasses
import re
import shlex
from datetime import timedelta
from zoneinfo import ZoneInfo

from bot.booking.base import BookingError, MeetingView
from bot.chat.handlers import ADMINS, Callback, Command, Context, Feature
from bot.chat.jourfixe.common import calendar as calendar_files
from bot.chat.jourfixe.common import when
from bot.chat.mydata import format_letter
from bot.chat.people_words import PAIR_PREFIX, REVOKE_PREFIX, pair_or_revoke_in_words
from bot.messages import Address, Button, Outbound
from bot.people import InviteInfo, PairNews, PeopleError, PersonRow
from bot.texts import fmt_date, fmt_when, plural, t, weekday_name
from storage.models import Role

__all__ = [
    "ERASE_PREFIX",
    "PAIR_PREFIX",
    "REVOKE_PREFIX",
    "FEATURE",
    "deep_link",
    "format_people",
    "invite_age",
    "invite_letter",
    "invite_replies",
    "pair_notices",
    "redeem",
]

ERASE_PREFIX = "erase:"
LANG_ARGS = ("lang=", "sprache=")  # /einladen expertin Erika Muster sprache=en
SAME_NAME_ARGS = ("doppelt=", "duplicate=")
MAX_CANCELLED = 200  # meetings with the old buddy cancelled on re-pairing, at most  # a second person with a name already known


def _refusal(ctx: Context, exc: PeopleError) -> list[Outbound]:
    """A refusal in the reader's language; a chat with no language of its own yet (none
    chosen, no conversation) gets the one of the person concerned (an invitee's expired
    code)."""
    lang = ctx.lang if ctx.stored_lang or ctx.state.seen or exc.lang is None else exc.lang
    return [Outbound(t(exc.key, lang, **exc.fields), lang=lang)]


def _unavailable(ctx: Context) -> list[Outbound] | None:
    return None if ctx.services.people else [Outbound(t("people_unavailable", ctx.lang))]


def deep_link(bot: str | None, code: str) -> str | None:
    """The Telegram link that redeems `code`; None without the bot's username
    (TELEGRAM_BOT_USERNAME), where any link would lead nowhere."""
    return f"https://t.me/{bot}?start={code}" if bot else None


def invite_letter(info: InviteInfo, telegram_bot: str | None, tz: ZoneInfo) -> str:
    """The text an admin forwards to the invitee, in the invitee's language: how to
    sign in on Telegram (the deep link, when the bot's username is known) and on
    Matrix (`!start CODE`)."""
    lang = info.lang
    ways = [t("invite_way_matrix", lang, code=info.code)]
    if (link := deep_link(telegram_bot, info.code)) is not None:
        ways.insert(0, t("invite_way_telegram", lang, link=link))
    return t(
        "invite_letter",
        lang,
        name=info.name,
        role=t(f"role_{info.role.value}", lang),
        expires=fmt_date(info.expires_at.astimezone(tz).date(), lang),
        ways="\n".join(ways),
    )


def invite_replies(
    info: InviteInfo, lang: str, telegram_bot: str | None, tz: ZoneInfo, *, new: bool = True
) -> list[Outbound]:
    """For the admin: code, validity and links; then the text to forward as a message
    of its own (forwarded as it is, in the invitee's language)."""
    expires = fmt_when(info.expires_at, lang, tz)
    head = t(
        "invite_created",
        lang,
        name=info.name,
        role=t(f"role_{info.role.value}", lang),
        expires=expires,
        code=info.code,
        link=deep_link(telegram_bot, info.code) or t("invite_no_link", lang),
    )
    language = t(f"language_{info.lang}", lang)
    forward = t("invite_forward", lang, name=info.name, language=language)
    ref = f'"{info.name}"' if " " in info.name else info.name
    if new and info.role in (Role.EXPERT, Role.BUDDY):  # the next step (tryout6 #19)
        head += "\n" + t(f"invite_next_{info.role.value}", lang, ref=ref, name=info.name)
    return [
        Outbound(f"{head}\n\n{forward}", lang=lang),
        Outbound(invite_letter(info, telegram_bot, tz), lang=info.lang),
    ]


def redeem(ctx: Context, code: str) -> list[Outbound]:
    if (refusal := _unavailable(ctx)) is not None:
        return refusal
    msg = ctx.msg
    try:
        who = ctx.services.people.redeem(code, msg.platform, msg.user_id, msg.chat_id)
    except PeopleError as exc:
        return _refusal(ctx, exc)
    ctx.state.lang = None  # from now on the person's own language applies
    text = t("welcome_role", who.lang, name=who.name, role=t(f"role_{who.role}", who.lang))
    if who.role is Role.EXPERT and ctx.services.booking is not None:
        try:  # the next step: who the buddy is and how to book
            text += "\n\n" + t(
                "your_buddy", who.lang, buddy=ctx.services.booking.buddy(who.person_id).name
            )
        except BookingError:
            text += "\n\n" + t("welcome_no_buddy_yet", who.lang)
    return [Outbound(text, lang=who.lang)]


def _invite(ctx: Context) -> list[Outbound]:
    def option(arg: str) -> bool:
        return arg.lower().startswith(LANG_ARGS + SAME_NAME_ARGS)

    lang = next((a.split("=", 1)[1] for a in ctx.args if a.lower().startswith(LANG_ARGS)), "de")
    same_name = any(
        a.lower().startswith(SAME_NAME_ARGS) and a.split("=", 1)[1].lower() in ("ja", "yes")
        for a in ctx.args
    )
    words = [a for a in ctx.args if not option(a)]
    people = ctx.services.people
    try:
        if len(words) == 1 and words[0].startswith("#"):  # /einladen #3: renew, another chat
            info = _invite_again(people, words[0])
        elif len(words) < 2:
            return [Outbound(t("invite_usage", ctx.lang))]
        else:
            name = " ".join(words[1:]).strip(" \"'„“”«»")  # /einladen buddy "Berta Beispiel"
            info = people.invite(words[0].lower(), name, lang=lang, same_name=same_name)
    except PeopleError as exc:
        return _refusal(ctx, exc)
    new = not (len(words) == 1 and words[0].startswith("#"))
    return invite_replies(info, ctx.lang, ctx.services.telegram_bot, ctx.tz, new=new)


def _invite_again(people, ref: str) -> InviteInfo:
    """/einladen #3: the person's open invite again (an expired one renewed); for a
    person who has redeemed theirs, a new invite for another chat account."""
    try:
        return people.resend(ref)
    except PeopleError as exc:
        if exc.key != "resend_linked":
            raise
        return people.invite("", person_ref=ref)


def invite_age(age: timedelta, lang: str) -> str:
    """ "heute", "vor 1 Tag", "vor 3 Tagen" / "today", "1 day ago", "3 days ago"."""
    return t("invite_age_today", lang) if age.days < 1 else plural("invite_age", age.days, lang)


def _invites(ctx: Context) -> list[Outbound]:
    """/einladungen: invites nobody has redeemed yet, with their age."""
    rows = ctx.services.people.open_invites()
    if not rows:
        return [Outbound(t("open_invites_none", ctx.lang))]
    lines = [t("open_invites_header", ctx.lang)]
    for r in rows:
        valid_until = fmt_date(r.expires_at.astimezone(ctx.tz).date(), ctx.lang)
        state = (
            t("open_invite_expired", ctx.lang, id=r.person_id)
            if r.expires_at <= ctx.now
            else t("open_invite_valid", ctx.lang, date=valid_until)
        )
        lines.append(
            t(
                "open_invite_row",
                ctx.lang,
                id=r.person_id,
                name=r.name,
                role=t(f"role_{r.role}", ctx.lang),
                age=invite_age(ctx.now - r.created_at, ctx.lang),
                state=state,
            )
        )
    return [Outbound("\n".join(lines))]


def _split(args: list[str]) -> list[str]:
    try:
        return shlex.split(" ".join(args))
    except ValueError:  # an unclosed quote
        return []


def _pair(ctx: Context) -> list[Outbound]:
    refs = _split(ctx.args)
    if len(refs) > 2 and (cut := ctx.services.people.pair_split(refs)) is not None:
        refs = list(cut)  # /paar Fatma Yilmaz Bernd Buddy: the one cut that names both
    if len(refs) != 2:
        return [Outbound(t("pair_usage", ctx.lang))]
    return _paired(ctx, *refs, replace=False)


def _pair_choice(ctx: Context, data: str) -> list[Outbound]:
    """The answer to "replace the expert's buddy?" (pair:replace:EXPERT:BUDDY)."""
    _, answer, *ids = data.split(":")
    answers = ("replace", "ask", "cancel")
    if answer not in answers or len(ids) != 2 or not all(i.isdigit() for i in ids):
        return [Outbound(t("pair_unchanged", ctx.lang))]
    # pair:ask:… is the offer of /paar from words: the command itself, with its question;
    # pair:cancel:… re-pairs and cancels the meetings with the old buddy (tryout6 #12)
    return _paired(
        ctx, f"#{ids[0]}", f"#{ids[1]}", replace=answer != "ask", cancel_old=answer == "cancel"
    )


def _paired(
    ctx: Context, expert: str, buddy: str, *, replace: bool, cancel_old: bool = False
) -> list[Outbound]:
    """Pair them; an expert who has another buddy is only re-paired after a question
    (the same rule as `imbot admin pair`), which asks too whether the meetings made
    with the old buddy stay or are cancelled."""
    try:
        news = ctx.services.people.pairing(expert, buddy, replace=replace)
    except PeopleError as exc:
        if exc.key != "pair_replaces":
            return _refusal(ctx, exc)
        return [_replace_question(ctx, exc)]
    if news.unchanged:
        return [Outbound(t("pair_same", ctx.lang, expert=news.expert.name, buddy=news.buddy.name))]
    text = t("pair_done", ctx.lang, expert=news.expert.name, buddy=news.buddy.name)
    gone: list[MeetingView] = []
    if cancel_old and news.old_buddy is not None and news.kept:
        gone = _cancel_old(ctx, news)
        news = dataclasses.replace(news, kept=news.kept - len(gone))
        if gone:
            text += plural("pair_cancelled", len(gone), ctx.lang, old=news.old_buddy.name)
    if news.old_buddy is not None and news.kept:
        text += plural("pair_kept", news.kept, ctx.lang, old=news.old_buddy.name)
    notices = pair_notices(news, buddy_times=_weekly_times(ctx, news))
    return [Outbound(text)] + (_with_cancelled(ctx, notices, news, gone) if gone else notices)


def _replace_question(ctx: Context, exc: PeopleError) -> Outbound:
    """ "Replace the buddy?" – with meetings still made with the old buddy: keep them
    or cancel them (both sides told), not left for the expert to cancel."""
    ids = f"{exc.fields['expert_id']}:{exc.fields['buddy_id']}"
    kept = int(exc.fields.get("kept") or 0)
    if not kept:
        buttons = (
            Button(t("pair_replace_yes", ctx.lang), f"{PAIR_PREFIX}replace:{ids}", True),
            Button(t("announce_cancel", ctx.lang), f"{PAIR_PREFIX}keep"),
        )
        return Outbound(t("pair_replaces", ctx.lang, **exc.fields), buttons)
    fields = {k: v for k, v in exc.fields.items() if k != "kept"}
    buttons = (
        Button(t("pair_replace_keep", ctx.lang), f"{PAIR_PREFIX}replace:{ids}"),
        Button(t("pair_replace_cancel", ctx.lang), f"{PAIR_PREFIX}cancel:{ids}"),
        Button(t("announce_cancel", ctx.lang), f"{PAIR_PREFIX}keep"),
    )
    return Outbound(plural("pair_replaces_kept", kept, ctx.lang, **fields), buttons)


def _cancel_old(ctx: Context, news: PairNews) -> list[MeetingView]:
    """Cancel the expert's meetings with the old buddy not begun yet (in the old
    buddy's name, who is a party to them); those that cannot be cancelled stay."""
    jf, old = ctx.services.booking, news.old_buddy
    if jf is None or old is None:
        return []
    gone = []
    for m in jf.upcoming(news.expert.person_id, limit=MAX_CANCELLED):
        if m.buddy.person_id != old.person_id or m.starts_at <= ctx.now:
            continue
        try:
            gone.append(jf.cancel(old.person_id, m.id))
        except BookingError:
            continue
    return gone


def _with_cancelled(
    ctx: Context, notices: list[Outbound], news: PairNews, gone: list[MeetingView]
) -> list[Outbound]:
    """The expert's and the old buddy's pairing notice name the meetings cancelled,
    with one calendar file that removes them."""
    files = calendar_files(ctx, gone, cancelled=True)
    out = []
    for o in notices:
        party = next(
            (p for p in (gone[0].expert, gone[0].buddy) if o.to and p.chat_id == o.to.chat_id),
            None,
        )
        if party is None:
            out.append(o)
            continue
        other = gone[0].buddy if party is gone[0].expert else gone[0].expert
        lines = "\n".join(f"#{m.id}  {when(ctx, m.starts_at, party)}" for m in gone)
        extra = plural("pair_cancelled_for", len(gone), party.lang, other=other.name)
        out.append(dataclasses.replace(o, text=f"{o.text}\n\n{extra}\n{lines}", files=files(party)))
    return out


def _weekly_times(ctx: Context, news: PairNews) -> str | None:
    """The new buddy's weekly free times in the buddy's language ("Di 10:00–12:00,
    Do 14:00–16:00"), for the pairing notice; None without any (tryout6 #18)."""
    if news.unchanged or ctx.services.booking is None:
        return None
    try:
        windows = ctx.services.booking.availability(news.buddy.person_id)[0]
    except BookingError:
        return None
    lang = news.buddy.lang
    times = [
        f"{weekday_name(w.weekday, lang)} {w.start:%H:%M}–{w.end:%H:%M}"
        for w in windows
        if w.day is None
    ]
    return ", ".join(times) or None


def pair_notices(news: PairNews, *, buddy_times: str | None = None) -> list[Outbound]:
    """Both people hear of a pairing with their next step; on re-pairing the old
    buddy hears it too, and the expert and the old buddy read that the meetings
    already made stay with the old buddy."""
    if news.unchanged:
        return []
    expert, buddy, old = news.expert, news.buddy, news.old_buddy
    for_expert = t("pair_for_expert", expert.lang, buddy=buddy.name)
    if old is not None and news.kept:
        for_expert += plural("pair_expert_kept", news.kept, expert.lang, old=old.name)
    for_buddy = (
        t("pair_for_buddy_times", buddy.lang, expert=expert.name, times=buddy_times)
        if buddy_times
        else t("pair_for_buddy", buddy.lang, expert=expert.name)
    )
    out = [(expert, for_expert), (buddy, for_buddy)]
    if old is not None:
        text = t("pair_for_old_buddy", old.lang, expert=expert.name, buddy=buddy.name)
        if news.kept:
            text += plural("pair_old_buddy_kept", news.kept, old.lang, expert=expert.name)
        out.append((old, text))
    return [
        Outbound(text, to=Address(c.platform, c.chat_id, c.name), lang=c.lang)
        for c, text in out
        if c.platform
    ]


def _revoke(ctx: Context) -> list[Outbound]:
    """/sperren PERSON asks first, saying what it cancels and whom it leaves without a
    buddy (one confirmation before anything is cancelled); /sperren PERSON ja acts."""
    refs = _split(ctx.args)
    sure = len(refs) > 1 and refs[-1].lower() in ("ja", "yes")  # /sperren #5 ja: no question
    ref = " ".join(refs[:-1] if sure else refs)  # /sperren Bea Berger (no quotes) too
    if not ref:
        return [Outbound(t("revoke_usage", ctx.lang))]
    return _revoke_ask(ctx, ref, sure=sure)


def _revoke_ask(ctx: Context, ref: str, *, sure: bool = False) -> list[Outbound]:
    try:
        ask = ctx.services.people.revoke_check(ref)
    except PeopleError as exc:
        return _refusal(ctx, exc)
    if sure:
        return _revoked(ctx, ask.person_id)
    text = t("revoke_confirm", ctx.lang, name=ask.name)
    if ask.experts:
        text += plural("revoke_ask_experts", ask.experts, ctx.lang)
    if ask.meetings:
        text += plural("revoke_ask_meetings", ask.meetings, ctx.lang)
    buttons = (
        Button(t("revoke_yes", ctx.lang), f"{REVOKE_PREFIX}yes:{ask.person_id}", True),
        Button(t("revoke_no", ctx.lang), f"{REVOKE_PREFIX}no"),
    )
    return [Outbound(text, buttons)]


def _revoke_choice(ctx: Context, data: str) -> list[Outbound]:
    """The answer to "revoke X?" (revoke:yes:ID, revoke:no); revoke:ask:ID, the offer of
    /sperren from words, asks the command's question."""
    _, answer, *ids = data.split(":")
    if answer not in ("yes", "ask") or len(ids) != 1 or not ids[0].isdigit():
        return [Outbound(t("pair_unchanged", ctx.lang))]
    if answer == "ask":
        return _revoke_ask(ctx, f"#{ids[0]}")
    return _revoked(ctx, int(ids[0]))


def _revoked(ctx: Context, person_id: int) -> list[Outbound]:
    try:
        done = ctx.services.people.revoking(f"#{person_id}")
    except PeopleError as exc:
        return _refusal(ctx, exc)
    if done.again:
        return [Outbound(t("revoke_already", ctx.lang, name=done.name))]
    text = t("revoke_done", ctx.lang, name=done.name)
    if done.orphans:  # the experts were told; the team pairs them again
        text += t("revoke_orphans", ctx.lang, names=", ".join(done.orphans))
    out = [Outbound(text)]
    if (c := done.contact) is not None and c.platform and c.chat_id:  # told once (tryout6 #8)
        to = Address(c.platform, c.chat_id, c.name)
        out.append(Outbound(t("revoked_notice", c.lang), to=to, lang=c.lang))
    return out


def format_people(rows: list[PersonRow], lang: str) -> str:
    """A plain-text table: id, name, role, status, chat platforms, partners."""
    num, name, role, status, chats, partners = t("people_columns", lang).split("|")
    lines = [f"{num:>4}  {name:24} {role:11} {status:10} {chats:16} {partners}"]
    for r in rows:
        role_name, state = t(f"role_{r.role}", lang), t(f"status_{r.status}", lang)
        lines.append(
            f"{r.id:>4}  {r.name[:24]:24} {role_name:11} {state:10} "
            f"{','.join(t('md_platform_console', lang) if p == 'console' else p for p in r.platforms) or '-':16} {', '.join(r.partners) or '-'}"
        )
    return "\n".join(lines)


def _people(ctx: Context) -> list[Outbound]:
    rows = ctx.services.people.people()
    return [Outbound(format_people(rows, ctx.lang) if rows else t("people_empty", ctx.lang))]


def _chat(ctx: Context) -> tuple[str, str, str]:
    return (ctx.msg.platform, ctx.msg.user_id, ctx.msg.chat_id)


def _stored(ctx: Context) -> dict:
    """Everything stored about the sender: as a person, or as a chat account."""
    people = ctx.services.people
    if people is None:
        return {}
    if ctx.who is not None:
        return people.export(ctx.who.person_id, chat=_chat(ctx))
    return people.export_chat(*_chat(ctx))


def _mydata(ctx: Context) -> list[Outbound]:
    data = _stored(ctx)
    if not data:
        return [Outbound(t("mydata_nothing", ctx.lang))]
    return [Outbound(f"{t('mydata_header', ctx.lang)}\n\n{format_letter(data, ctx.lang, ctx.tz)}")]


def _delete(ctx: Context) -> list[Outbound]:
    if not _stored(ctx):
        return [Outbound(t("mydata_nothing", ctx.lang))]
    token = f"{ERASE_PREFIX}yes:{ctx.who.person_id if ctx.who else 'chat'}"
    if ctx.args and ctx.args[0].lower() in ("ja", "yes"):
        return erase_choice(ctx, token)
    buttons = (
        Button(t("delete_yes", ctx.lang), token, confirms=True),
        Button(t("delete_no", ctx.lang), f"{ERASE_PREFIX}no"),
    )
    return [Outbound(t("delete_confirm", ctx.lang), buttons)]


def erase_choice(ctx: Context, data: str) -> list[Outbound]:
    """The confirmation button: erase only the sender's own data."""
    answer = data.removeprefix(ERASE_PREFIX)
    if answer == "no":
        return [Outbound(t("delete_cancelled", ctx.lang))]
    if answer != f"yes:{ctx.who.person_id if ctx.who else 'chat'}":
        return [Outbound(t("stale_choice", ctx.lang))]
    lang = ctx.lang
    people = ctx.services.people
    if people is None:
        return [Outbound(t("people_unavailable", lang))]
    if ctx.who is not None:
        people.erase(ctx.who.person_id, chat=_chat(ctx))
    else:
        people.erase_chat(*_chat(ctx))
    ctx.state.lang, ctx.state.erased = None, True  # not even the reply's language is kept
    return [Outbound(t("delete_done", lang))]


# "ich möchte alle meine Daten löschen", "delete my data", "lösch mein Konto": /loeschen;
# "was speichert ihr über mich?", "show me my data": /meinedaten
_MINE = r"(mein\w*|mich|my|me|about me|über mich|ueber mich)"
_DATA = r"(daten|data|konto|account|profil\w*|alles|everything)"
_ERASE = r"(lösch\w*|loesch\w*|delete\w*|erase\w*|entfern\w*|wipe|remove)"
_ASKS_ERASING = re.compile(
    rf"\b{_ERASE}\s+(\w+\s+){{0,2}}?{_MINE}\s+(\w+\s+){{0,1}}?{_DATA}\b"
    rf"|\b{_MINE}\s+(\w+\s+){{0,1}}?{_DATA}\b.{{0,30}}\b{_ERASE}"
    rf"|\b{_DATA}\s+{_MINE}\b.{{0,20}}\b{_ERASE}|^\s*{_ERASE}\s+(me|mich)\b",
    re.IGNORECASE,
)
_ASKS_DATA = re.compile(
    r"\b(was|welche\w*|what)\b.{0,30}\b(speicher\w*|wisst|weißt|weisst|stor\w*|know|keep|hold)"
    r"\b.{0,30}\b(über mich|ueber mich|von mir|about me|on me|of me)\b"
    r"|\b(zeig\w*|show)\s+(\w+\s+){0,2}?(meine|my)\s+(gespeicherten\s+|stored\s+)?(daten|data)\b",
    re.IGNORECASE,
)


def _read(ctx: Context, text: str) -> list[Outbound] | None:
    """Asking in words to see or erase one's data: /meinedaten or /loeschen (with its
    confirmation: nothing is erased by words alone)."""
    if not ctx.msg.private or len(text) > 160 or ctx.services.people is None:
        return _revoked_reply(ctx)
    if _ASKS_ERASING.search(text):
        return _delete(ctx)
    if _ASKS_DATA.search(text):
        return _mydata(ctx)
    if (offer := pair_or_revoke_in_words(ctx, text)) is not None:
        return offer  # "paar gregor bernd", "hanna hat das programm verlassen" (tryout6 #5)
    return _revoked_reply(ctx)


def _revoked_reply(ctx: Context) -> list[Outbound] | None:
    """A revoked person writing: that they no longer take part (and what is left to
    them), not the applicants' FAQ and no question for the team (tryout6 #8)."""
    if ctx.who is None or not ctx.who.revoked or not ctx.msg.private:
        return None
    return [Outbound(t("revoked_notice", ctx.lang))]


def _help(ctx: Context) -> str:
    lines = [t("help_privacy", ctx.lang)]
    if ctx.role is Role.ADMIN and ctx.services.people is not None:
        lines.append(t("help_admin", ctx.lang))
    return "\n".join(lines)


FEATURE = Feature(
    name="people",
    commands=(
        Command(("invite", "einladen"), _invite, ADMINS),
        Command(("pair", "paar"), _pair, ADMINS),
        Command(("people", "personen"), _people, ADMINS),
        Command(("invites", "einladungen"), _invites, ADMINS),
        Command(("revoke", "sperren"), _revoke, ADMINS),
        Command(("meinedaten", "mydata"), _mydata, menu=("meinedaten", "mydata")),
        Command(("loeschen", "löschen", "delete"), _delete, menu=("loeschen", "delete")),
    ),
    callbacks=(
        Callback(ERASE_PREFIX, lambda ctx, data: erase_choice(ctx, data)),
        Callback(PAIR_PREFIX, _pair_choice, ADMINS),
        Callback(REVOKE_PREFIX, _revoke_choice, ADMINS),
    ),
    read=_read,
    help=_help,
)
