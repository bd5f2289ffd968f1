"""/ort: where a pair meets (a video link or an address), set by either side and
shown in confirmations, reminders and calendar files. /kalender: the private
calendar feed's link (webcal), renewed or switched off on request."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bot.booking.base import BookingError
from bot.chat.handlers import Context
from bot.chat.jourfixe.common import booking, calendar, notice, refusal
from bot.messages import Outbound
from bot.texts import fmt_date, t
from storage.text import storable

__all__ = ["calendar_feed", "place"]

_CLEAR = {"löschen", "loeschen", "entfernen", "clear", "delete", "remove", "none", "keiner"}
_RENEW = {"neu", "erneuern", "new", "renew", "reset"}
# "/ort alle: Rathaus", "/ort für alle Rathaus", "/place for everyone: …": every pair,
# the experts' own places too
_ALL = r"(?:alle|all|everyone|everybody)"
_FOR_ALL = re.compile(
    rf"(?:(?:für|fuer|an|for|to)\s+{_ALL}(?:\s*:\s*|\s+|$)"
    rf"|{_ALL}(?:\s*:\s*|$|\s+(?=(?:{'|'.join(sorted(_CLEAR))})\b)))",
    re.IGNORECASE,
)
_OFF = {"aus", "off", "stop", "stopp", "abschalten", "löschen", "loeschen", "delete"}


def place(ctx: Context) -> list[Outbound]:
    """/ort – show; /ort TEXT – set for the pair (a buddy: for all their experts, or
    "/ort Erika: TEXT" / "/ort Erika TEXT" for one; a place set for one stays when the
    buddy sets a general one, unless "/ort alle: TEXT"); /ort [Erika] löschen – remove."""
    jf, me = booking(ctx), ctx.who.person_id
    text = re.sub(r"\s+", " ", storable(" ".join(ctx.args))).strip()
    pairs = jf.places(me)
    if not pairs:
        return [Outbound(t("no_pair", ctx.lang))]
    if not text:
        if all(p is None for _, p in pairs):
            others = ", ".join(o.name for o, _ in pairs)
            return [Outbound(t("place_none", ctx.lang, others=others))]
        lines = "\n".join(f"• {o.name}: {p or t('place_unset', ctx.lang)}" for o, p in pairs)
        return [Outbound(t("place_now", ctx.lang, list=lines))]
    everyone = _FOR_ALL.match(text)
    if everyone:  # "/ort alle: Rathaus": the experts' own places too
        text = text[everyone.end() :].strip()
        partner, problem = None, None
    else:
        partner, text, problem = _named(ctx, [o for o, _ in pairs], text)
    if problem is not None:
        return [Outbound(problem)]
    value = None if text.lower().strip(" .!") in _CLEAR else text
    if everyone and not text:  # "/ort alle" and nothing after it: every pair's place
        lines = "\n".join(f"• {o.name}: {p or t('place_unset', ctx.lang)}" for o, p in pairs)
        return [Outbound(t("place_now", ctx.lang, list=lines))]
    if value == "":  # "/ort Erika:" and nothing after it: that pair's place
        now = dict((o.person_id, p) for o, p in pairs)[partner.person_id]
        if now is None:
            return [Outbound(t("place_none", ctx.lang, others=partner.name))]
        return [Outbound(t("place_now", ctx.lang, list=f"• {partner.name}: {now}"))]
    try:
        others, kept = jf.set_place(
            me, value, partner.person_id if partner else None, for_all=bool(everyone)
        )
    except BookingError as exc:
        return refusal(ctx, exc)
    names = ", ".join(o.name for o in others)
    key = "place_set" if value else "place_cleared"
    # an expert's own place stays when the buddy sets one for all (tryout6 #25)
    stays = [t("place_kept", ctx.lang, name=o.name, place=p) for o, p in kept]
    if stays:
        hint = t("place_kept_hint", ctx.lang, again=value) if value else None
        stays.append(hint or t("place_kept_hint_clear", ctx.lang))
    if not others:  # every pair has its own place: nothing changed
        return [Outbound("\n".join([t("place_kept_nothing", ctx.lang), *stays]))]
    # the meetings ahead with the new place, as a calendar file for each side
    concerned = {o.person_id for o in others}
    ahead = [m for m in jf.upcoming(me, limit=500) if m.other(me).person_id in concerned]
    mine = ()
    if ahead:
        first = ahead[0]
        mine = calendar(ctx, ahead)(first.expert if first.expert.person_id == me else first.buddy)
    said = "\n".join([t(key, ctx.lang, others=names, place=value or ""), *stays])
    out = [Outbound(said, files=mine)]
    for other in others:
        if value:
            news = t("place_for_other", other.lang, name=ctx.who.name, place=value)
        else:
            news = t("place_cleared_for_other", other.lang, name=ctx.who.name)
        theirs = [m for m in ahead if m.other(me).person_id == other.person_id]
        kw = {"files": calendar(ctx, theirs)(other)} if theirs else {}
        out += [r for r in notice(ctx, other, news, **kw) if r.to is not None]
    return out


def _named(ctx: Context, partners: list, text: str):
    """(partner, the place, None) when the text starts with one of the person's
    partners' names ("Erika: Rathaus", "Erika Expertin löschen", "emil Büro 3"), else
    (None, text, None); (None, "", a refusal) when it names someone else or several.
    A name is never part of the place."""
    head, sep, rest = text.partition(":")
    if sep and not rest.startswith("//") and head.strip():
        chosen = [o for o in partners if _names(o.name, head)]
        if len(chosen) == 1:
            return chosen[0], rest.strip(), None
        if len(chosen) > 1:
            names = ", ".join(o.name for o in chosen)
            return None, "", t("place_ambiguous", ctx.lang, name=head.strip(), names=names)
        if booking(ctx).person_named(head.strip()):
            others = ", ".join(o.name for o in partners)
            return None, "", t("place_not_partner", ctx.lang, name=head.strip(), others=others)
    words = text.split(" ")
    for n in (2, 1):  # the full name first, then the first name
        if len(words) < n:
            continue
        chosen = [o for o in partners if _names(o.name, " ".join(words[:n]))]
        if len(chosen) == 1:
            return chosen[0], " ".join(words[n:]).lstrip(" :").strip(), None
        if len(chosen) > 1:
            names = ", ".join(o.name for o in chosen)
            return None, "", t("place_ambiguous", ctx.lang, name=words[0], names=names)
    return None, text, None


def _names(name: str, head: str) -> bool:
    head, name = head.strip().lower(), name.strip().lower()
    return bool(head) and (head == name or head == name.split(" ")[0])


def calendar_feed(ctx: Context) -> list[Outbound]:
    """/kalender – the feed link (made now if there is none); /kalender neu – a new
    secret, the old link stops working; /kalender aus – switched off."""
    jf, me = booking(ctx), ctx.who.person_id
    arg = " ".join(ctx.args).strip().lower()
    if arg in _OFF:
        key = "calendar_off" if jf.end_feed(me) else "calendar_none"
        return [Outbound(t(key, ctx.lang))]
    if arg and arg not in _RENEW:
        return [Outbound(t("calendar_usage", ctx.lang))]
    if not ctx.services.calendar_public:  # a link to this computer would not work for them
        return [Outbound(t("calendar_unavailable", ctx.lang))]
    since = jf.feed_since(me)
    if since is not None and not arg:
        day = fmt_date(since.astimezone(ctx.tz).date(), ctx.lang)
        return [Outbound(t("calendar_exists", ctx.lang, since=day))]
    secret = jf.new_feed_secret(me)
    base = ctx.services.calendar_base.rstrip("/")
    https = f"{base}/calendar/{secret}.ics"
    parts = urlsplit(https)
    webcal = parts._replace(scheme="webcal").geturl()
    text = t("calendar_link", ctx.lang, webcal=webcal, https=https)
    if since is not None:
        text = t("calendar_renewed", ctx.lang) + text
    return [Outbound(text)]
