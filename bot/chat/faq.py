"""The applicants' FAQ in chat: any plain message that no other feature claimed is
a question; /faq lists the topics, /kontakt the contacts; a pressed topic or
suggestion answers that entry."""

from __future__ import annotations

from bot.chat.faq_replies import FAQ_PREFIX, is_short
from bot.chat.handlers import Callback, Command, Context, Feature
from bot.messages import Outbound
from bot.texts import t
from faq.kb import LANGS

__all__ = ["FEATURE", "MAX_QUESTION_CHARS"]

MAX_QUESTION_CHARS = 1000


def _ask(ctx: Context, text: str) -> list[Outbound]:
    replies = []
    if len(text) > MAX_QUESTION_CHARS:
        replies.append(Outbound(t("too_long", ctx.lang, limit=MAX_QUESTION_CHARS)))
        text = text[:MAX_QUESTION_CHARS]
    faq = ctx.services.faq
    known = _known_language(ctx)
    if faq.is_small_talk(text):
        # "help me" in a new German chat: English; "Hallo" or "Ja?" from someone who
        # writes English: still English (one word does not make a language)
        ctx.lang = known or faq.language(text, ctx.lang)
        replies.append(faq.small_talk_reply(text, ctx.lang, ctx.help_text()))
    else:
        team = ctx.services.handoff
        handoff = team.available if ctx.msg.private and team is not None else None
        keep = known if known and is_short(text) else None
        replies.append(faq.ask(text, ctx.lang, ctx.now, handoff=handoff, keep_lang=keep))
    return replies


def _known_language(ctx: Context) -> str | None:
    """The language this person is known to read: chosen with /sprache or stored for
    them, their client's, or the one this chat last wrote in; None in a new chat."""
    hint = ctx.msg.lang_hint if ctx.msg.lang_hint in LANGS else None
    return ctx.stored_lang or hint or ctx.state.seen


def _choice(ctx: Context, data: str) -> list[Outbound]:
    reply = ctx.services.faq.choice_reply(data, ctx.now)
    return [reply or Outbound(t("stale_choice", ctx.lang))]


FEATURE = Feature(
    name="faq",
    commands=(
        Command(
            ("faq", "themen", "topics"),
            lambda c: [c.services.faq.topics_reply(c.lang)],
            menu=("faq", "faq"),
            in_groups=True,
        ),
        Command(
            ("kontakt", "contact"),
            lambda c: [c.services.faq.contact_reply(c.lang)],
            menu=("kontakt", "contact"),
            in_groups=True,
        ),
    ),
    callbacks=(Callback(FAQ_PREFIX, _choice, in_groups=True),),
    read=_ask,
    in_groups=True,
)
