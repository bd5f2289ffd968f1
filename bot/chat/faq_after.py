"""What comes after a step: "was passiert nach dem Projekt?" is the project's end (the
closing event, then the scientific evaluation); "was kommt nach den Vorgesprächen?",
"what happens after the sketch phase?" the next step of the edition's timeline. The
step is named in the question ("nach", or "wenn" for the project's end: "was passiert,
wenn das Projekt vorbei ist?"): the project (or programme, placement) is its last
step; any other is the dated entry the FAQ is sure the words after "nach"/"after" are
about. A day ("after march 2024") is left to the FAQ.

Named by nothing ("und dann?", "what happens next?", "wir sind ausgewählt – wie geht es
jetzt weiter?"): the step after the dated answer just given, else the next step from
today (`next_step`). Named by a month ("what happens in august?", "und was ist Ende
März?"): the steps of that month (`in_month`)."""

from __future__ import annotations

import re

from bot.chat.handlers import Context
from bot.messages import Outbound
from bot.texts import t
from faq.figures import month_number
from faq.form import drops_out, speaks_from_the_program
from faq.normalize import tokens
from jobs.program import last_day, local_today

__all__ = ["after_step", "from_now", "in_month", "next_step"]

_AFTER = re.compile(
    r"^\W*(?:(?:und|and|so|also)\s+)?(?:was|what)\s+(?:passiert|geschieht|kommt|folgt|ist|"
    r"happens|happen|comes|follows|is\s+next|is)\s+(?:denn\s+|dann\s+|eigentlich\s+)?"
    r"(?:(?P<after>nach|after|am\s+ende|zum\s+ende|at\s+the\s+end\s+of|by\s+the\s+end\s+of)"
    r"|wenn|when|once|sobald|nachdem)\s+(?P<step>.+?)\W*$",
    re.IGNORECASE,
)
# "wie geht es jetzt weiter nach der Zusage?", "wie geht es nach den Vorgesprächen
# weiter?", "what's next after the talks?": the same, asked of going on
_GOING_ON = re.compile(
    r"^\W*(?:(?:und|and|so|also|ok)\s+)?(?:wie\s+geht\s*(?:es|s)?\s+"
    r"(?:(?:jetzt|dann|denn|eigentlich)\s+)*(?:weiter\s+)?(?P<after>nach)"
    r"|what(?:'s|\s+is|s)?\s+next\s+(?P<after_en>after))\s+(?P<step>.+?)(?:\s+weiter)?\W*$",
    re.IGNORECASE,
)
# "und dann?", "and then?", "was kommt als nächstes?", "wie geht es jetzt weiter?", "what
# happens next?", "what's next?" (after something said before, ending the message)
_NEXT = re.compile(
    r"(?:^|[.!?,:;–-]\s*)(?:(?:und|and|so|also|ok|okay|gut|alles klar)\W+)*(?:"
    r"(?:und\s+)?(?:was\s+)?(?:dann|danach)|(?:and\s+)?(?:what\s+)?then|and after that"
    r"|after that|afterwards"
    r"|(?:was|what)\s+(?:kommt|passiert|folgt|geschieht|comes|happens)\s+(?:denn\s+|jetzt\s+)?"
    r"(?:dann|danach|als\s+n[äa]chstes|jetzt|next|then|now)"
    r"(?:\s+(?:im\s+programm|in\s+the\s+program(?:me)?|f[üu]r\s+uns|for\s+us|bei\s+uns))?"
    r"|what(?:'s|s|\s+is)\s+next|(?:and\s+)?next|wie\s+geht(?:'s|s|\s+es)?\s+"
    r"(?:(?:jetzt|dann|danach|nun|denn|eigentlich)\s+)*weiter"
    r"|what\s+are\s+the\s+next\s+steps|(?:welches\s+sind\s+)?(?:die\s+)?n[äa]chsten\s+schritte"
    r"|(?:was\s+ist\s+)?(?:jetzt\s+|nun\s+)?(?:der\s+|unser\s+)?n[äa]chste\s+schritt"
    r"|what(?:'s|s|\s+is)\s+(?:the\s+|our\s+)?next\s+step"
    # what to do now: "what do we have to do now?", "was müssen wir jetzt tun?"
    r"|what\s+(?:do|should|must)\s+(?:we|i)\s+(?:have\s+to\s+|need\s+to\s+)?do\s+(?:now|next)"
    r"|was\s+(?:m[üu]e?ssen|sollen|soll|muss)\s+(?:wir|ich)\s+(?:jetzt|nun|als\s+n[äa]chstes)"
    r"\s+(?:tun|machen)|was\s+ist\s+(?:jetzt|nun)\s+zu\s+tun"
    # where things stand: "was ist gerade dran?", "was steht jetzt an?", "what's going on now?"
    r"|was\s+ist\s+(?:denn\s+)?(?:gerade|jetzt|aktuell|momentan|nun)\s+dran"
    r"|was\s+steht\s+(?:denn\s+)?(?:gerade|jetzt|aktuell|momentan|nun|als\s+n[äa]chstes)\s+an"
    r"|what(?:'s|s|\s+is)\s+(?:happening|going\s+on|on)\s+(?:right\s+)?now"
    r")\W*$",
    re.IGNORECASE,
)
# "was kommt als nächstes", "what's next now": from today, not from the answer before
_FROM_NOW = re.compile(r"n[äa]chste|\bnext\b|\bjetzt\b|\bnow\b|\bnun\b", re.IGNORECASE)
_NOW_WHAT = re.compile(
    r"(?:^|[.!?,:;–-]|\s)\s*(?:(?:und|and|so|also)\s+)?(?:was\s+(?:jetzt|nun)|what\s+now|now\s+what)"
    r"\W*$",
    re.IGNORECASE,
)
# "what happens in august", "und was passiert Ende März?", "was ist im Oktober?"
_IN_MONTH = re.compile(
    r"^\W*(?:(?:und|and|so|also|ok)\s+)?(?:then\s+)?(?:was|what)\s+(?:passiert|geschieht|ist|"
    r"läuft|laeuft|kommt|steht|happens|is\s+happening|is\s+going\s+on|comes|is)\s+"
    r"(?:denn\s+|eigentlich\s+|dann\s+|so\s+|then\s+)?(?:an\s+)?(?:im|in|at\s+the|at|am|by)?\s*"
    r"(?:(?:anfang|ende|mitte|early|late|mid|end\s+of|the\s+end\s+of|beginning\s+of"
    r"|the\s+beginning\s+of)\s+)?(?P<month>[a-zäöü]+)\.?(?:\s+\d{4})?"
    r"(?:\s+(?:genau|eigentlich|so|exactly))?\W*$",
    re.IGNORECASE,
)
# "und im märz?", "and in march?": the same asked of another month (after "was passiert im
# oktober", or a step's month)
_AND_IN_MONTH = re.compile(
    r"^\W*(?:und|and|what about|how about)\s+(?:dann\s+|then\s+)?(?:im|in)\s+"
    r"(?P<month>[a-zäöü]+)\.?(?:\s+\d{4})?\W*$",
    re.IGNORECASE,
)
# a step named before "was dann?": "wenn die sechs Monate rum sind", "after the talks"
_CONDITION = re.compile(
    r"^\W*(?:(?:und|and|so|also|ok)\s+)?(?P<word>wenn|nachdem|sobald|nach|after|when|once)"
    r"\s+(?P<step>.+?)[\W]*$",
    re.IGNORECASE,
)
_WHOLE = frozenset(
    """projekt projekte projekts projektphase projektende programm programms program programme project
    projects einsatz placement forderung forderphase integrationsmacher ende end sechs
    six monate monaten months""".split()
)
# "after the project ends", "nachdem das Projekt vorbei ist": its end, said with a verb
_ENDING = frozenset(
    """ends ended endet endete is ist over vorbei finished beendet abgeschlossen done zu
    has rum um sind are""".split()
)
_ARTICLES = frozenset("dem der den das die des the of our unserem unser unseres".split())
# handing in, said with a verb: "after we send it", "nachdem wir eingereicht haben"
_HANDED_IN = frozenset(
    tokens(
        """send sent submit submitted apply applied hand handed einreichen eingereicht
        abschicken abgeschickt abgeben abgegeben schicken geschickt bewerben beworben
        absenden abgesendet"""
    )
)
_WE_IT = frozenset(
    tokens("we wir uns i ich have haben hab habe it es sie in ein unsere our my meine")
)


def after_step(ctx: Context, text: str, known: str | None) -> Outbound | None:
    """The answer about the step after the one named ("was passiert nach dem
    Projekt?"), or None when the question is no such one or names no known step.
    `known`: the language the person is known to read, else the question's."""
    found = _AFTER.match(text.strip()) or _GOING_ON.match(text.strip())
    if found is None:
        return None
    faq = ctx.services.faq
    lang = known or faq.language(text, ctx.lang)
    edition = faq.edition()
    if edition is None:
        return None
    steps = sorted(edition.milestones, key=lambda m: m.day)
    words = [w for w in tokens(found.group("step")) if w not in _ARTICLES]
    if not words:
        return None
    whole = set(words) <= _WHOLE | _ENDING and set(words) & _WHOLE
    handed_in = set(words) <= _HANDED_IN | _WE_IT and set(words) & _HANDED_IN
    if whole:  # the project is over with its last step ("after the project ends")
        entry = faq.kb.at_milestone(steps[-1].key)
    elif handed_in:  # "what happens after we send it?": the steps after handing in
        entry = faq.kb.find("timeline")
    elif not (found.groupdict().get("after") or found.groupdict().get("after_en")):
        # "was passiert, wenn wir die Frist verpassen?"
        return None
    else:
        match = faq.match(found.group("step"), lang)
        named = match.best if match.confident else None
        if named is None or named.milestone is None:
            return None
        later = [m for m in steps if m.day > edition.milestone(named.milestone).day]
        entry = next((e for m in later if (e := faq.kb.at_milestone(m.key)) is not None), None)
    if entry is None:
        return None
    reply = faq.entry_reply(entry, lang, ctx.now)
    ctx.state.faq.remember(entry, reply, ctx.now)
    ctx.lang = lang
    return reply


def next_step(ctx: Context, text: str, known: str | None) -> Outbound | None:
    """ "und dann?" right after a dated answer: the step after it ("und dann?" after the
    project period: its end, the closing event and the evaluation; after the last step:
    that no step is named after it); "was kommt als nächstes?" with none: the next step
    from today. None when the question is no such one, the answer just given has no
    date, or nothing is to come."""
    found = _NEXT.search(text.strip()) if len(text) <= 160 else None
    if found is None and len(text) <= 160 and speaks_from_the_program(text):
        # "Wir sind ausgewählt worden 🎉 was jetzt?": a step behind them, what comes now
        # (not "our expert withdrew, what now?": a case the call does not cover)
        found = None if drops_out(text) else _NOW_WHAT.search(text.strip())
    if found is None:
        return None
    before = text.strip()[: found.start()]
    if when := _CONDITION.match(before):
        # "und wenn die sechs Monate rum sind, was dann?": after the step named
        return after_step(ctx, f"was passiert {when.group('word')} {when.group('step')}", known)
    if (timeline := _timeline(ctx)) is None:
        return None
    faq, edition, steps = timeline
    kb, memory = faq.kb, ctx.state.faq
    last = kb.find(memory.entry) if memory.entry and memory.recent(memory.at, ctx.now) else None
    if last is not None and last.id == "timeline":  # after all the steps: what comes now
        last = None
    entry, lead = None, None
    if last is not None:
        after = edition.milestone(last.milestone) if last.milestone else None
        if after is None:
            return None  # "und dann?" after the funding: not a step of the timeline
        ending = kb.at_milestone(after.key)  # the project period: its end is the next
        later = [m for m in steps if m.day > after.day]
        today = local_today(edition, ctx.now)
        ahead = [m for m in later if last_day(m) >= today]
        if ahead and _FROM_NOW.search(text) and last_day(after) < today:
            # "was kommt als nächstes?" in June after the (past) sketch: the next step from
            # today, not the past one after it ("und dann?" walks on from the answer)
            later, ending = ahead, None
        if ending is not None and ending is not last:
            entry = ending
        else:
            entry = next((e for m in later if (e := kb.at_milestone(m.key)) is not None), None)
        if entry is None:  # "und danach?" after the closing event: nothing more is named
            entry, lead = last, "faq_last_step"
    else:
        today = local_today(edition, ctx.now)
        # "wir haben die Bewerbung abgeschickt, wie geht es weiter?" on the deadline's day:
        # what comes after it (today's step is behind whoever says so)
        behind = ctx.state.faq.in_program or speaks_from_the_program(text)
        ahead = [m for m in steps if last_day(m) > today or last_day(m) == today and not behind]
        if behind:  # "hab grad abgeschickt! was passiert jetzt?" the day before: not the deadline
            ahead = [m for m in ahead if m.key != "deadline"]
        entry = next((e for m in ahead if (e := kb.at_milestone(m.key)) is not None), None)
        if not ahead:  # "was ist gerade dran?" once the program is over: the next call
            entry = kb.find("next_call")
    if entry is None:
        return None
    lang = known or faq.language(text, ctx.lang)
    reply = faq.entry_reply(entry, lang, ctx.now, lead=lead)
    memory.remember(entry, reply, ctx.now)
    ctx.lang = lang
    return reply


def from_now(text: str) -> bool:
    """Whether a question of what comes next asks from today ("was kommt jetzt?", "what
    do we have to do now?"), not from the answer before it ("und dann?")."""
    return bool(_FROM_NOW.search(text))


def in_month(ctx: Context, text: str, known: str | None) -> Outbound | None:
    """ "what happens in august?": the steps of the timeline in that month (the profiles
    and the choice of the expert), each with its answer; None when the question is no
    such one or no step falls in the month."""
    found = _IN_MONTH.match(text.strip()) or _AND_IN_MONTH.match(text.strip())
    month = month_number(found.group("month")) if found else None
    if month is None:
        return None
    if (timeline := _timeline(ctx)) is None:
        return None
    faq, _, steps = timeline
    kb, memory = faq.kb, ctx.state.faq
    found_ids = [e.id for m in steps if month in {m.day.month, last_day(m).month}
                 if (e := kb.at_milestone(m.key)) is not None]  # fmt: skip
    entries = [kb.get(i) for i in dict.fromkeys(found_ids)]
    lang = known or faq.language(text, ctx.lang)
    if not entries and (overview := kb.find("timeline")) is not None:
        # "was passiert im Dezember?": no step of its own, the whole timeline
        reply = faq.entry_reply(overview, lang, ctx.now)
        memory.remember(overview, reply, ctx.now)
        ctx.lang = lang
        said = t("faq_no_step_in_month", lang, month=found.group("month").capitalize())
        return Outbound(f"{said}\n{reply.text}", reply.buttons, lang=reply.lang)
    if not entries:
        return None
    replies = [faq.entry_reply(e, lang, ctx.now) for e in entries]
    memory.remember(entries[-1], replies[-1], ctx.now)
    ctx.lang = lang
    text_all = "\n\n".join(r.text for r in replies)
    return Outbound(text_all, replies[-1].buttons, lang=replies[-1].lang)


def _timeline(ctx: Context):
    """The FAQ, the active edition and its steps in order, or None without an edition."""
    faq = ctx.services.faq
    edition = faq.edition()
    if edition is None:
        return None
    return faq, edition, sorted(edition.milestones, key=lambda m: m.day)
