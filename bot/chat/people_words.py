"""An admin pairing or revoking in words (tryout6 #5): "paar gregor bernd", "bernd soll
auch ivo betreuen", "erika soll jetzt zu berta", "hanna berg hat das programm
verlassen". Like inviting in words, the bot only offers the command ("Meinen Sie
/paar …?") with a button; the button leads to the command's own question or result,
so nothing is done by words alone. Words about pairing or revoking that name nobody
clearly get the command's usage – never the applicants' FAQ fallback."""

from __future__ import annotations

import re
import unicodedata

from bot.chat.handlers import Context
from bot.messages import Button, Outbound
from bot.people import PersonRow
from bot.texts import t
from storage.models import Role

__all__ = ["PAIR_PREFIX", "REVOKE_PREFIX", "pair_or_revoke_in_words"]

PAIR_PREFIX = "pair:"  # pair:replace:EXPERT:BUDDY, pair:ask:EXPERT:BUDDY (from words), pair:keep
REVOKE_PREFIX = "revoke:"  # revoke:yes:PERSON, revoke:ask:PERSON (from words), revoke:no

_PAIR = re.compile(
    r"\b(paar\w*|pair\w*|betreu\w*|zuordn\w*|zugeordnet|zuteil\w*|assign\w*|look\w* after"
    r"|soll\w*\b.*\bzu|soll\w*\b.*\bbei|should\b.*\bgo to|buddy von|buddy of)\b",
    re.IGNORECASE,
)
_REVOKE = re.compile(
    r"\b(sperr\w*|revok\w*|verlass\w*|ausgestiegen|steigt aus|aufgehört|hört auf"
    r"|nicht mehr dabei|no longer|left the|has left|quit\w*|ausgeschieden)\b",
    re.IGNORECASE,
)
_A_FEW = re.compile(r"\b(ein|einige|a)\s+(paar|pair)\b", re.IGNORECASE)
_LONG = 120  # a longer message is something else


def _words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return re.findall(r"\w+", plain)


def _named(text: str, rows: list[PersonRow]) -> list[PersonRow]:
    """The people still taking part whose name the text names: every word of a name
    given in full, or one word (of three letters or more) that only one person has."""
    said = set(_words(text))
    active = [r for r in rows if r.status in ("invited", "linked") and r.name]
    found = []
    for r in active:
        parts = [w for w in _words(r.name) if len(w) >= 3]
        hits = [w for w in parts if w in said]
        if not hits:
            continue
        unique = [w for w in hits if sum(w in _words(o.name) for o in active) == 1]
        if set(parts) <= said or unique:
            found.append(r)
    return found


def _quoted(name: str) -> str:
    return f'"{name}"' if " " in name else name


def pair_or_revoke_in_words(ctx: Context, text: str) -> list[Outbound] | None:
    """The offer of /paar or /sperren for an admin's words, the usage when the words
    are about it but the people are unclear; None for anything else."""
    if ctx.role is not Role.ADMIN or not ctx.msg.private or ctx.services.people is None:
        return None
    if len(text) > _LONG or "?" in text or text.lstrip().startswith(("/", "!")):
        return None
    plain = _A_FEW.sub(" ", text)  # "ein paar Fragen" is no pairing
    pairing, revoking = bool(_PAIR.search(plain)), bool(_REVOKE.search(plain))
    if pairing == revoking:
        return None  # neither, or both: not for this
    named = _named(text, ctx.services.people.people())
    de = ctx.lang == "de"
    if pairing:
        experts = [r for r in named if r.role == "expert"]
        buddies = [r for r in named if r.role == "buddy"]
        if len(experts) != 1 or len(buddies) != 1 or len(named) != 2:
            return [Outbound(t("pair_words_unclear", ctx.lang))] if named else None
        expert, buddy = experts[0], buddies[0]
        command = f"{'/paar' if de else '/pair'} {_quoted(expert.name)} {_quoted(buddy.name)}"
        data = f"{PAIR_PREFIX}ask:{expert.id}:{buddy.id}"
        yes, no = t("pair_words_yes", ctx.lang), f"{PAIR_PREFIX}keep"
    else:
        others = [r for r in named if ctx.who is None or r.id != ctx.who.person_id]
        if len(others) != 1:
            return [Outbound(t("revoke_words_unclear", ctx.lang))] if others else None
        person = others[0]
        command = f"{'/sperren' if de else '/revoke'} {person.name}"
        data = f"{REVOKE_PREFIX}ask:{person.id}"
        yes, no = t("revoke_words_yes", ctx.lang), f"{REVOKE_PREFIX}no"
    buttons = (Button(yes, data, True), Button(t("invite_words_no", ctx.lang), no))
    return [Outbound(t("people_words_offer", ctx.lang, command=command), buttons)]
