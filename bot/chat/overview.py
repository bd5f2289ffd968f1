"""/treffen (/overview, /jourfixes): the team's overview of every pair's Jour Fixes,
for admins, in pages that fit a phone: the summary and the flagged pairs first.

  /treffen                 page 1: summary, then pairs (flagged first)
  /treffen 2               page 2
  /treffen Bernd           the pairs of a buddy or an expert (name or #number)
  /treffen wochen=6        flag pairs without a Jour Fixe in 6 weeks (default 4)

An admin's plain question about the pairs' Jour Fixes ("Wer hat noch keinen Jour
Fixe?", "overview of the meetings") opens page 1; it only reads, so nothing is guessed.
"""

from __future__ import annotations

import re

from bot.booking.digest import pages, phone_page
from bot.booking.overview import MAX_WEEKS
from bot.chat.handlers import ADMINS, Callback, Command, Context, Feature
from bot.messages import Button, Outbound
from bot.texts import t
from storage.models import Role

__all__ = ["FEATURE", "PREFIX"]

PREFIX = "ov:"  # button data: ov:PAGE:WEEKS:NAME (WEEKS 0: the default)
WEEK_ARGS = ("wochen=", "woche=", "weeks=", "week=")
PAGE_WORDS = ("seite", "page", "s.", "p.")
MAX_BUTTON_DATA = 64  # bytes (Telegram's limit for callback data)
# a plain question of an admin: about Jour Fixes and about who / which pairs / the state
_ABOUT = re.compile(
    r"jour[ -]?fixe|\btreffen\b|\bmeetings?\b|\bmet\b|\bmeet\b|getroffen|\btermine?\b",
    re.IGNORECASE,
)
_OVERVIEW = re.compile(
    r"übersicht|uebersicht|overview|\bpaare?n?\b|\bpairs?\b|noch kein|noch nicht|\bnie\b"
    r"|\bnever\b|not yet|no .{0,20}yet|not booked|wer hat|who has|who hasn|welche paare"
    r"|which pairs|\bstand\b|\bstatus\b",
    re.IGNORECASE,
)


def _parse(args: list[str], lang: str) -> tuple[int, int, str] | Outbound:
    """(weeks or 0, page, name) from the words after the command, or the refusal."""
    weeks, page, words = 0, 1, []
    for i, arg in enumerate(args):
        low = arg.lower()
        if low.startswith(WEEK_ARGS):
            value = low.split("=", 1)[1]
            if not (value.isascii() and value.isdigit() and 1 <= int(value) <= MAX_WEEKS):
                return Outbound(t("ov_bad_weeks", lang, limit=MAX_WEEKS))
            weeks = int(value)
        elif low in PAGE_WORDS:
            continue
        elif arg.isascii() and arg.isdigit() and i == len(args) - 1 and len(arg) <= 6:
            page = max(int(arg), 1)
        else:
            words.append(arg)
    return weeks, page, " ".join(words).strip(" \"'„“”«»")


def _overview(ctx: Context) -> list[Outbound]:
    parsed = _parse(ctx.args, ctx.lang)
    if isinstance(parsed, Outbound):
        return [parsed]
    return _show(ctx, *parsed)


def _show(ctx: Context, weeks: int, page: int, name: str) -> list[Outbound]:
    lang = ctx.lang
    ov = ctx.services.booking.overview(weeks or None, now=ctx.now)
    if not ov.pairs and not ov.unpaired:
        return [Outbound(t("ov_empty", lang))]
    if name:
        ov = ov.only(name)
        if not ov.pairs and not ov.unpaired:
            return [Outbound(t("ov_no_match", lang, ref=name[:60]))]
    total = pages(ov)
    if page > total:
        return [Outbound(t("ov_bad_page", lang, page=page, pages=total))]
    week_word = "wochen" if lang == "de" else "weeks"
    more = " ".join(x for x in (name, f"{week_word}={weeks}" if weeks else "", str(page + 1)) if x)
    text = phone_page(ov, lang, ctx.tz, page, more)
    data = f"{PREFIX}{page + 1}:{weeks}:{name}"
    buttons = ()
    if page < total and len(data.encode()) <= MAX_BUTTON_DATA:
        buttons = (Button(t("ov_more_button", lang), data),)
    return [Outbound(text, buttons)]


def _more(ctx: Context, data: str) -> list[Outbound]:
    """The "More" button: the next page of the same overview, as of now."""
    page, weeks, name = (data.removeprefix(PREFIX).split(":", 2) + ["", ""])[:3]
    if not (page.isdigit() and weeks.isdigit() and int(weeks) <= MAX_WEEKS):
        return [Outbound(t("stale_choice", ctx.lang))]
    return _show(ctx, int(weeks), max(int(page), 1), name)


def _read(ctx: Context, text: str) -> list[Outbound] | None:
    """An admin asking for the overview in their own words gets page 1."""
    if ctx.role is not Role.ADMIN or len(text) > 200 or ctx.services.booking is None:
        return None
    if _ABOUT.search(text) and _OVERVIEW.search(text):
        return _show(ctx, 0, 1, "")
    return None


def _help(ctx: Context) -> str | None:
    return t("ov_help", ctx.lang) if ctx.role is Role.ADMIN else None


FEATURE = Feature(
    name="overview",
    commands=(Command(("treffen", "overview", "jourfixes"), _overview, ADMINS),),
    callbacks=(Callback(PREFIX, _more, ADMINS),),
    read=_read,
    help=_help,
    needs=("booking",),
)
