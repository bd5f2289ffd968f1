"""The applicants' FAQ in chat: any plain message that no other feature claimed is
a question; /faq lists the topics, /kontakt the contacts; a pressed topic or
suggestion answers that entry."""

from __future__ import annotations

from bot.chat.faq_replies import FAQ_PREFIX
from bot.chat.handlers import Callback, Command, Context, Feature
from bot.messages import Outbound
from bot.texts import t

__all__ = ["FEATURE", "MAX_QUESTION_CHARS"]

MAX_QUESTION_CHARS = 1000


def _ask(ctx: Context, text: str) -> list[Outbound]:
    replies = []
    if len(text) > MAX_QUESTION_CHARS:
        replies.append(Outbound(t("too_long", ctx.lang, limit=MAX_QUESTION_CHARS)))
        text = text[:MAX_QUESTION_CHARS]
    faq = ctx.services.faq
    if faq.is_small_talk(text):
        ctx.lang = faq.language(text, ctx.lang)  # "help me" in a German chat: English
        replies.append(faq.small_talk_reply(text, ctx.lang, ctx.help_text()))
    else:
        team = ctx.services.handoff
        handoff = team.available if ctx.msg.private and team is not None else None
        replies.append(faq.ask(text, ctx.lang, ctx.now, handoff=handoff))
    return replies


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
