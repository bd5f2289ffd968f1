"""A long message whose question points back at what it said before: "hallo zusammen,
wir sind eine kleine Gemeinde in NRW und haben Probleme bei der Wohnungsvermittlung
für Geflüchtete. Passt das zum Programm?", "We are a district office struggling with
the registration of newcomers. Would that fit?". The question ("passt das?", "would
that fit?", "kommt das in Frage?") has no topic of its own: its topic is the context
before it. That context is asked instead; when it says who is asking (a Gemeinde, a
Stadt, a Landkreis, a municipality), whether they may apply is answered as well."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.chat.faq_follow import without_preamble
from bot.chat.faq_several import joined
from bot.chat.handlers import Context
from bot.messages import Outbound
from faq.form import asks_as_a_person
from faq.normalize import is_stopword, tokens

__all__ = ["ELIGIBILITY", "context_of", "in_context", "says_who"]

ELIGIBILITY = "eligibility"
MAX_QUESTION_WORDS = 8
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_CLAUSE = re.compile(r"[.,;]\s*|\s+(?:und|and|aber|but|weil|because|da)\s+", re.IGNORECASE)
_BACK = frozenset(
    """das dies dieses diese sowas so etwas this that it those these such damit dafur""".split()
)
_FITTING = frozenset(
    """passt passen passend fit fits fitting suit suits suitable eligible qualify qualifies
    geeignet forderfahig frage infrage kommt kommen moglich possible programm program
    programme forderprogramm ausschreibung call funding forderung ins zum zur in for
    into das this that it match matches richtig right gefordert funded wurde would could
    konnte konnten waere ware fur uns us we wir bewerben apply""".split()
)
_WHO = (
    "gemeinde", "stadt", "kommune", "landkreis", "kreis", "behord", "amt", "verwaltung",
    "municipal", "city", "town", "district", "council", "authorit", "administration",
)  # fmt: skip


def context_of(text: str) -> str | None:
    """What a message said before a question that points back at it ("Passt das zum
    Programm?"), without a greeting; None for any other message."""
    parts = [p.strip() for p in _SENTENCE.split(text.strip()) if p.strip()]
    if len(parts) < 2 or not parts[-1].endswith("?"):
        return None
    toks = tokens(parts[-1])
    words = set(toks)
    if not (0 < len(toks) <= MAX_QUESTION_WORDS and words & _BACK):
        return None
    if not all(tok in _FITTING or tok in _BACK or is_stopword(tok) for tok in toks):
        return None
    before = " ".join(parts[:-1])
    if (found := without_preamble(before)) is not None:
        before = found[0]
    return before if len(tokens(before)) >= 3 else None


def says_who(context: str) -> bool:
    """Whether the context says who is asking: a Gemeinde, a Stadt, a municipality."""
    return any(tok.startswith(_WHO) for tok in tokens(context))


def in_context(ctx: Context, text: str, keep: str | None) -> Outbound | None:
    """The answer to the context a pointing-back question asks about, and whether
    whoever the context names may apply; None when the FAQ is not sure of the context
    (then the message is asked as it is)."""
    context = context_of(text)
    if context is None or asks_as_a_person(text):  # a refugee asking to apply: one question
        return None
    faq = ctx.services.faq
    # the whole context, else the clause of it the FAQ is sure of ("… und haben Probleme
    # bei der Wohnungsvermittlung für Geflüchtete")
    clauses = [context, *(c for c in _CLAUSE.split(context) if len(tokens(c)) >= 3)]
    sure = [c for c in clauses if faq.match(c, keep or ctx.lang).confident]
    if not sure:
        return None
    # who is asking ("wir sind eine kleine Gemeinde") is answered below anyway: the
    # clause about what they need comes first
    asked = next(
        (c for c in sure if faq.match(c, keep or ctx.lang).best.id != ELIGIBILITY), sure[0]
    )
    match = faq.match(asked, keep or ctx.lang)
    memory = replace(ctx.state.faq)
    replies = [faq.ask(asked, ctx.lang, ctx.now, keep_lang=keep, memory=memory, record=False)]
    if memory.entry != match.best.id:  # read otherwise in the conversation: not sure
        return None
    who = faq.kb.find(ELIGIBILITY)
    if who is not None and who is not match.best and says_who(context):
        lang = replies[0].lang or ctx.lang
        replies.append(faq.entry_reply(who, lang, ctx.now))
        memory.remember(who, replies[-1], ctx.now)
    ctx.state.faq = memory
    return joined(ctx, replies)
