"""Several questions in one message: "Wann ist die Frist und wie viel Geld gibt es?",
"whats the deadline and how much funding do we get?", "wann ist der kick-off und
wo?", "Wann ist die Frist? Wer kann sich bewerben?".

A message is cut where a new question begins: after a question mark, or at "und",
"and", "oder", "or" (or a comma before one of them) when a question word follows
("… und wie viel …", "… and where?"). "Wer zahlt Gehalt und Sachkosten?" is one
question: no question word follows its "und". Each part is then asked on its own,
in order, so a bare "wo?" after "wann ist der kick-off" is a follow-up to the kick-off
(bot.chat.faq_follow); the chat (bot.chat.faq) keeps the answers only when every part
got one."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.chat.faq_after import from_now, next_step
from bot.chat.faq_follow import AFTER_QUESTION_MARK, asked_span, without_preamble
from bot.chat.handlers import Context
from bot.messages import Outbound
from bot.texts import t
from faq.form import asks_as_a_person

__all__ = ["MAX_PARTS", "joined", "questions", "several"]

MAX_PARTS = 3
_ASKING = (
    r"wie|wo|wann|was|wer|wem|wen|welche[rsnm]?|wieviele?|wozu|warum|wieso|woher|wohin|how|"
    r"where|when|what|whats|what's|who|whom|which|why"
)
_VERBS = (
    r"gibt|kann|können|konnen|muss|müssen|ist|sind|darf|dürfen|durfen|soll|sollen|wird|werden"
    r"|is|are|can|do|does|will|may|should"
)
# "… und wie viel …", "… and is it …"; after "oder" only a question word: "Gibt es ein
# Formular oder muss ich eine Mail schreiben?" is one question with two choices
# "… und bis wann?", "… and until when?": a question word after a preposition
_WHEN = r"(?:bis|ab|seit|until|till|by|since|from)\s+(?:wann|when)"
# "… und in welcher Form …", "… and in which format …": a question word after another
# preposition
_BY_WHICH = (
    r"(?:in|an|mit|bei|für|fur|zu|von|auf|aus|über|uber|with|for|to|from|at|on|about)\s+"
    r"(?:welche[rsnm]?|wem|wen|which|what|whom)"
)
_JOINED = re.compile(
    r",?\s+(?:(?:und|and)\s+(?:(?:dann|then|also|auch|noch)\s+)?"
    rf"(?=(?:{_ASKING}|{_VERBS}|{_WHEN}|{_BY_WHICH})\b)|(?:oder|or)\s+(?=(?:{_ASKING}|{_WHEN})\b))"
    # "wie bewerbe ich mich, gibts ein Formular?": a comma, then "is there …?"
    r"|,\s+(?=(?:gibts|gibt\s+es|is\s+there|are\s+there)\b)",
    re.IGNORECASE,
)
# "kurze Fragen:", "quick q:", "two questions:" before the questions: no part of the first
_HEADING = re.compile(
    r"^\s*(?:(?:noch\s+)?(?:zwei|drei|ein\s+paar|paar|kurze|kleine|eine|1|2|3)\s+)*(?:kurze\s+)?"
    r"(?:frage|fragen|q|qs|question|questions|dinge|sachen)\s*[:\-–]\s*"
    r"|^\s*(?:(?:a\s+)?(?:quick|short|two|three|couple\s+of|few|small|1|2|3)\s+)+"
    r"(?:q|qs|question|questions|ones|things)\s*[:\-–]\s*",
    re.IGNORECASE,
)
_NUMBERED = re.compile(r"(?:^|(?<=[.!:;]\s))\s*(?:\d{1,2}|[a-cA-C])\)\s*")
_WORD = re.compile(r"\w+")
_ASKS = re.compile(_ASKING, re.IGNORECASE)


_ACK = frozenset(
    "ok okay gut alles klar super danke thanks thx alright so also fine cool prima".split()
)


def questions(text: str) -> list[str] | None:
    """The questions of a message with two or three ("Wann ist die Frist?", "wie viel
    Geld gibt es?"), each as asked; None for one question (or more than three)."""
    parts = []
    for sentence in AFTER_QUESTION_MARK.split(text.strip()):
        asked = [p.strip(" ,;") for p in _JOINED.split(sentence) if p.strip(" ,;")]
        if sentence.rstrip().endswith("?"):  # "Wann ist die Frist und wie …?": each asks
            asked = [p if p.endswith("?") else f"{p}?" for p in asked]
        parts += [_NUMBERED.sub("", p) or p for p in asked]  # "1) Frist? 2) …": no "2)"
    # "ok, and how many projects get funded?": an "ok" before the question asks nothing
    while parts and {w.lower() for w in _WORD.findall(parts[0])} <= _ACK:
        parts = parts[1:]
    if not 2 <= len(parts) <= MAX_PARTS:
        return None
    if any(not _WORD.search(p) for p in parts):
        return None
    # "Wie und wo?": two question words and nothing else is one question about one thing
    # ("bewerbungsschluss und wie viele werden gefördert?": a topic, then a question)
    first = _WORD.findall(parts[0])
    if len(first) < 2 and (not first or _ASKS.fullmatch(first[0])):
        return None
    # "…, deadline was end of august right? problem?": a word alone asks of what came
    # before it, unless it is a question word ("… und wo?")
    if any(len(w := _WORD.findall(p)) == 1 and not _ASKS.fullmatch(w[0]) for p in parts[1:]):
        return None
    return parts


def _step_from_today(ctx: Context, part: str, keep: str | None, memory) -> Outbound | None:
    """ "What do we have to do now?" as one of the parts ("we got accepted. What do we
    have to do now? When is the kick-off?"): the next step, as asked alone (`next_step`),
    read on the trial memory."""
    if not from_now(part):  # ("und dann?" as a part follows the part before it)
        return None
    trial = replace(ctx, state=replace(ctx.state, faq=memory))
    reply = next_step(trial, part, keep)
    if reply is not None:
        ctx.lang = trial.lang
    return reply


def several(ctx: Context, text: str, keep: str | None, *, record: bool = False) -> Outbound | None:
    """Two or three questions in one message ("Wann ist die Frist und wie viel Geld
    gibt es?"): each one's answer, in one message, when each got an answer of its own
    (one of them may be asked back, "Meinen Sie …?", said last with its buttons) and
    no two are about the same thing; a part the call says nothing of (or of which it
    has no sure answer) is said so, after the answers (`record`: such a part is logged
    for the team, as an unanswered question asked alone would be); None to ask the
    message as one question (also when one part is off topic). What comes before the
    first question and after the last (a greeting, who writes, the thanks) is no part."""
    faq = ctx.services.faq
    if asks_as_a_person(text):  # "ich bin selbst geflüchtet … kann ich mich bewerben?": one
        return None
    asked = asked_span(text)  # not who writes nor the thanks around the questions
    if (found := without_preamble(asked)) is not None and found[0]:
        asked = found[0]
    asked = _HEADING.sub("", asked, count=1) or asked
    parts = questions(asked)
    if parts is None:
        return None
    memory = replace(ctx.state.faq)  # tried on a copy: kept only if every part is answered
    answers, entries, back, silent, refused = [], [], [], [], []
    for part in parts:
        memory.silent_at = None  # set again by this part's "the call does not say"
        missed = memory.missed_at  # (a part before may have been refused a moment ago)
        reply = _step_from_today(ctx, part, keep, memory) or faq.ask(
            part, ctx.lang, ctx.now, keep_lang=keep, memory=memory, record=False
        )
        if memory.entry is not None and memory.at == ctx.now:
            answers.append(reply)
            entries.append(memory.entry)
        elif memory.silent_at == ctx.now:  # "muss sie auf Deutsch sein?": not in the call
            silent.append(
                replace(
                    reply,
                    text=t("follow_of_topic", reply.lang or ctx.lang, topic=part, said=reply.text),
                )
            )
        elif memory.offered and memory.at == ctx.now:  # "Meinen Sie „A“ oder „B“?"
            lang = reply.lang or ctx.lang
            if (titled := _titled(faq.kb, part, memory.offered, lang)) is not None:
                # "who can apply?" is an offered entry's very title: its answer, not "Do
                # you mean „Who can apply?“?"
                answer = faq.entry_reply(titled, lang, ctx.now, part)
                memory.remember(titled, answer, ctx.now)
                answers.append(answer)
                entries.append(titled.id)
                continue
            said = t("follow_of_topic", lang, topic=part, said=reply.text)
            back.append((memory.offered, replace(reply, text=said)))
        elif memory.missed_at == ctx.now != missed:  # "do we have to provide a desk?": no sure
            refused.append(part)  # answer: said so with the contacts, after the answers
        else:  # off topic: the message is asked as one question
            return None
    # "welche Themen sind gefragt? wohnen?": a part asked back about an entry another
    # part got answered is answered already
    back = [said for offered, said in back if not set(offered) & set(entries)]
    if not answers or len(back) > 1:
        return None
    if refused and _answered_whole(ctx, asked, keep):
        return None  # "pre-talks when and how long": one question after all
    lang = answers[-1].lang or ctx.lang
    for part in refused:  # in the answers' language ("job ad?" alone reads as German)
        again = replace(memory, missed_at=None)  # the contacts in full: not named yet
        reply = faq.ask(part, lang, ctx.now, keep_lang=lang, memory=again, record=record)
        said = reply.text.split("\n\n")[0]  # (not the suggestions for that part alone)
        silent.append(Outbound(t("follow_of_topic", lang, topic=part, said=said), lang=lang))
    # "wann ist der Kick-off und wo?": one answer about one thing, the one in the form
    # that says more ("Einen Ort nennt die Ausschreibung nicht. Sie sagt dazu: …")
    fullest: dict[str, Outbound] = {}
    for entry, reply in zip(entries, answers, strict=True):
        if len(reply.text) > len(fullest.get(entry, Outbound("")).text):
            fullest[entry] = reply
    ctx.state.faq = memory
    # what the call does not say after the answers, the question back last by its buttons
    return joined(ctx, [*fullest.values(), *silent, *back])


def _answered_whole(ctx: Context, text: str, keep: str | None) -> bool:
    """Whether the message asked as one question gets an answer (tried on a copy)."""
    memory = replace(ctx.state.faq)
    ctx.services.faq.ask(text, ctx.lang, ctx.now, keep_lang=keep, memory=memory, record=False)
    return memory.entry is not None and memory.at == ctx.now


def _titled(kb, part: str, offered: tuple[str, ...], lang: str):
    """The offered entry whose topic title the part is ("who can apply?"), if any."""
    said = _plain(part)
    for entry in kb.entries:
        if entry.id in offered and any(_plain(title) == said for title in entry.topic.values()):
            return entry
    return None


def _plain(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def joined(ctx: Context, replies: list[Outbound]) -> Outbound:
    """Several answers as one message, each one's buttons once (the last one's language)."""
    buttons = tuple({b.data: b for r in replies for b in r.buttons}.values())
    lang = replies[-1].lang or ctx.lang
    ctx.lang = lang
    return Outbound("\n\n".join(r.text for r in replies), buttons, lang=lang)
