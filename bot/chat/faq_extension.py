"""Asking for an extension: of what? "Kann man die Frist verlängern?" is the deadline
(the FAQ's own form: the call says nothing of an extension, and when it ends); "kann
man den Einsatz verlängern?" and "can the placement be extended?" are the expert's six
months, of which the call names no extension either. "kann man verlängern?" with
nothing named is asked back with both as buttons; right after an answer about the
placement (or the project's end) it is the placement, right after the deadline's the
deadline; "wir sind noch nicht fertig, gibt's eine Verlängerung?" the deadline too."""

from __future__ import annotations

from bot.chat.faq_follow import last_question
from bot.chat.faq_replies import FAQ_PREFIX
from bot.chat.handlers import Callback, Context
from bot.messages import Button, Outbound
from bot.texts import t
from faq.form import asks_extension
from faq.kb import LANGS
from faq.normalize import is_stopword, tokens

__all__ = ["CALLBACK", "extension"]

PREFIX = f"{FAQ_PREFIX}extend:"  # a FAQ choice: "das erste" picks it as any other
DEADLINE, PLACEMENT = "deadline", "duration"  # the entries each reading is answered by
# answers about the placement: "kann man das verlängern?" after them is its six months;
# after the deadline's answer it is the deadline; after any other, which one is asked
_ABOUT_PLACEMENT = frozenset({"duration", "expert_role", "employment", "salary", "closing_event"})
_ABOUT_DEADLINE = frozenset({"deadline", "next_call", "eligibility", "timeline"})
_EXTENDING = ("verlanger", "extend", "extension", "verschieb", "postpone", "nachfrist")
_DEADLINE_WORDS = ("frist", "deadline", "bewerb", "apply", "applica", "einreich", "abgab")
# "wir sind noch nicht fertig, gibt's eine Verlängerung?": the application is not ready
_NOT_READY = ("fertig", "ready", "finish", "schaff", "rechtzeitig", "knapp")
_PLACEMENT_WORDS = (
    "einsatz", "placement", "stelle", "projekt", "project", "phase", "laufzeit", "zeitraum",
    "programm", "program", "expert", "monat", "month", "vertrag", "contract", "dauer",
)  # fmt: skip


def _reading(text: str) -> str | None:
    """'deadline', 'placement' or 'open' (nothing named) for a question about an
    extension; None for any other question, or one naming something else too."""
    if not asks_extension(text):
        return None
    said = tokens(text)
    toks = [tok for tok in said if not tok.startswith(_EXTENDING)]
    # a "Nachfrist" is a deadline's, whatever else is named
    if any(tok.startswith(("nachfrist", "grace")) for tok in said):
        return "deadline"
    if any(tok.startswith(_DEADLINE_WORDS) for tok in toks):
        return "deadline"
    if any(tok.startswith(_PLACEMENT_WORDS) for tok in toks):
        return "placement"
    if any(tok.startswith(_NOT_READY) for tok in toks):
        return "not_ready"
    return "open" if all(is_stopword(tok) for tok in toks) else None


def extension(
    ctx: Context, text: str, known: str | None, *, said: str | None = None
) -> Outbound | None:
    """The placement's answer for an extension of it; the question which one is
    meant, with both as buttons, for "kann man verlängern?" asked out of the blue;
    None where the FAQ answers (the deadline). `known`: the language the person is
    known to read. `said`: the whole message, when `text` is its question ("Habe
    gesehen, dass die Frist morgen ist. Kann man Verlängerung beantragen?": the
    deadline, named before the question)."""
    reading = _reading(text)
    if reading in (None, "open") and said is not None and _reading(said) == "deadline":
        reading = "not_ready"  # the deadline, though the question does not name it
    elif reading == "deadline" and last_question(text) not in (None, text):
        reading = "not_ready"  # named before the question: the FAQ reads only one
    if reading in (None, "deadline"):
        return None
    # the language known, else the question's (read only now: most questions ask no extension)
    lang = ctx.lang = known or ctx.services.faq.language(text, ctx.lang)
    memory = ctx.state.faq
    last = memory.entry if memory.entry and memory.recent(memory.at, ctx.now) else None
    if reading == "open" and last in _ABOUT_PLACEMENT:
        reading = "placement"
    if reading == "open" and last in _ABOUT_DEADLINE:  # "kann man das verlängern?" after it
        return None
    if reading == "placement":
        return _placement(ctx, lang)
    if reading == "not_ready":  # the deadline, though the message does not name it
        return _deadline(ctx, lang)
    memory.entry, memory.offered, memory.at = None, (DEADLINE, PLACEMENT), ctx.now
    buttons = (
        Button(t("which_extension_deadline", lang), f"{PREFIX}{lang}:{DEADLINE}"),
        Button(t("which_extension_placement", lang), f"{PREFIX}{lang}:{PLACEMENT}"),
    )
    return Outbound(t("which_extension", lang), buttons, lang=lang)


def _placement(ctx: Context, lang: str) -> Outbound | None:
    faq = ctx.services.faq
    entry = faq.kb.find(PLACEMENT)
    if entry is None:
        return None
    reply = faq.entry_reply(entry, lang, ctx.now, lead="silent_extension")
    ctx.state.faq.remember(entry, reply, ctx.now)
    return reply


def _deadline(ctx: Context, lang: str) -> Outbound | None:
    """The deadline's answer to "Kann man die Frist verlängern?" (the call names none)."""
    faq = ctx.services.faq
    entry = faq.kb.find(DEADLINE)
    if entry is None:
        return None
    asked = "Kann man die Frist verlängern?" if lang == "de" else "Can the deadline be extended?"
    reply = faq.entry_reply(entry, lang, ctx.now, asked)
    ctx.state.faq.remember(entry, reply, ctx.now)
    return reply


def _pressed(ctx: Context, data: str) -> list[Outbound]:
    lang, _, which = data.removeprefix(PREFIX).partition(":")
    lang = lang if lang in LANGS else ctx.lang
    reply = None
    if which == DEADLINE:
        reply = _deadline(ctx, lang)
    elif which == PLACEMENT:
        reply = _placement(ctx, lang)
    return [reply or Outbound(t("stale_choice", lang))]


CALLBACK = Callback(PREFIX, _pressed, in_groups=True)
