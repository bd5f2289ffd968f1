"""/sperren asks once before anything is cancelled: "Wirklich sperren? Bea Berger ist
Buddy von 2 Expert:innen, 20 Jour Fixes werden abgesagt." The revoke itself (and
what the others are told) stays with /sperren in bot.chat.people."""

from __future__ import annotations

from bot.chat.handlers import Context
from bot.messages import Button, Outbound
from bot.people import PeopleError
from bot.texts import plural, t
from storage.models import Role

__all__ = ["REVOKE_PREFIX", "revoke_question"]

REVOKE_PREFIX = "revoke:"  # revoke:yes:PERSON, revoke:no


def revoke_question(ctx: Context, ref: str) -> list[Outbound]:
    """ "Wirklich sperren? Bea Berger ist Buddy von 2 Expert:innen, 20 Jour Fixes werden
    abgesagt." with [Ja, sperren] [Nein]: nothing is cancelled without one confirmation
    (the button, a typed "ja", or `/sperren NAME ja`)."""
    try:
        news = ctx.services.people.revoking(ref)
    except PeopleError as exc:
        return [Outbound(t(exc.key, ctx.lang, **exc.fields))]
    if news.revoked:
        return [Outbound(t("revoke_already", ctx.lang, name=news.name))]
    if news.role == Role.BUDDY.value and news.partners:
        pairs = plural("revoke_buddy_of", news.partners, ctx.lang)
    elif news.role == Role.EXPERT.value and news.partners:
        pairs = t("revoke_expert_paired", ctx.lang)
    else:
        pairs = t("revoke_role", ctx.lang, role=t(f"role_{news.role}", ctx.lang))
    text = t(
        "revoke_confirm",
        ctx.lang,
        name=news.name,
        pairs=pairs,
        meetings=plural("revoke_meetings", news.meetings, ctx.lang)
        if news.meetings
        else t("revoke_meetings_none", ctx.lang),
    )
    buttons = (
        Button(t("revoke_yes", ctx.lang), f"{REVOKE_PREFIX}yes:{news.person_id}", True),
        Button(t("revoke_no", ctx.lang), f"{REVOKE_PREFIX}no"),
    )
    return [Outbound(text, buttons)]
