"""The applicants' FAQ in chat: any plain message that no other feature claimed is
a question; /faq lists the topics, /kontakt the contacts; a pressed topic or
suggestion answers that entry."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.chat.faq_after import after_step, in_month, next_step
from bot.chat.faq_context import in_context
from bot.chat.faq_extension import CALLBACK as EXTENSION_CALLBACK
from bot.chat.faq_extension import extension
from bot.chat.faq_follow import (
    explained,
    last_question,
    own_place,
    places,
    without_form_asked,
    without_preamble,
    without_supposition,
)
from bot.chat.faq_replies import CONTACT, FAQ_PREFIX, NEXT_CALL_DATA, SUBSCRIBE_DATA, is_short
from bot.chat.faq_several import several
from bot.chat.handlers import PAIR_ROLES, Callback, Command, Context, Feature
from bot.chat.reminders import no_call_open
from bot.chat.talk import only_a_time, small_talk_reply
from bot.messages import Outbound
from bot.texts import t
from faq.coverage import language_hints
from faq.form import asks_region_only, asks_what_now, of_us, speaks_from_the_program
from faq.kb import LANGS
from faq.normalize import tokens
from jobs.program import CallState, call_closed, call_state, local_today
from storage.models import Role

__all__ = ["FEATURE", "MAX_QUESTION_CHARS"]

MAX_QUESTION_CHARS = 1000


def _ask(ctx: Context, text: str) -> list[Outbound]:
    memory, held = ctx.state.faq, ctx.state.closed_held
    answers = memory.answers
    own = None
    if found := _one_of_five(ctx, text):  # "wir sind in pforzheim, müssen wir …?"
        memory.place, own = found  # which of the five asks, and the question
    if ctx.role is Role.APPLICANT and (speaks_from_the_program(text) or own is not None):
        memory.in_program = True  # "wann fängt unsere Expertin an?": no next call offered
    if memory.in_program:
        ctx.state.closed_held = False
        return [_without_next_call(r) for r in _answer(ctx, text, own)]
    replies = _held_notice(ctx, _answer(ctx, text, own))
    if held or memory.answers == answers:  # the notice said it; or no answer from the call
        return replies
    return _closed_note(ctx, replies)


def _one_of_five(ctx: Context, text: str) -> tuple[str, str] | None:
    """ "wir sind in pforzheim, …", "we're from Torgau. …": one of the five says who asks
    – the place and the question after it, else None (the knowledge base, which reads
    the active edition, only for a message of that shape)."""
    own = own_place(text)
    return own if own and set(tokens(own[0])) <= places(ctx.services.faq.kb) else None


def _without_next_call(reply: Outbound) -> Outbound:
    """The reply without the button to hear of the next call (a button only, not an
    offer asked in words)."""
    if any(b.data == NEXT_CALL_DATA and b.confirms for b in reply.buttons):
        return reply
    return replace(reply, buttons=tuple(b for b in reply.buttons if b.data != NEXT_CALL_DATA))


def _closed_note(ctx: Context, replies: list[Outbound]) -> list[Outbound]:
    """An applicant's answer from the call of an edition whose deadline has passed ("wer
    kann sich bewerben?" in 2026) gets a short line that it was that call and its
    deadline has passed, every time: the first one in a conversation with the offer to
    hear of the next call (not to someone waiting for it already, nor when the chat was
    just told). Not under an answer about a date of the call (those say it themselves)
    nor the contacts (true whenever read)."""
    memory = ctx.state.faq
    if ctx.role is not Role.APPLICANT or not replies or memory.entry is None:
        return replies
    if any(b.data == NEXT_CALL_DATA for r in replies for b in r.buttons):
        memory.told_closed_at = ctx.now  # the answer offered the next call itself
        return replies
    kb = ctx.services.faq.kb
    entry = kb.find(memory.entry)
    if entry is None or entry.milestone is not None or _contacts(entry, kb):
        return replies
    edition = ctx.services.faq.edition()
    if not call_closed(edition, ctx.now):
        return replies
    lang = replies[-1].lang or ctx.lang
    if memory.recent(memory.told_closed_at, ctx.now):
        key = "closed_note_again"  # the next call was offered in this conversation
    else:
        key = "closed_note_watching" if _hears_of_next_call(ctx) else "closed_note"
        memory.told_closed_at = ctx.now
    if call_state(edition, local_today(edition, ctx.now)) is CallState.CLOSED:
        key = f"{key}_running"  # the program still runs: what the call says still holds
    note = t(key, lang, edition=edition.name)
    last = replies[-1]
    return [*replies[:-1], replace(last, text=f"{last.text}\n\n{note}")]


def _hears_of_next_call(ctx: Context) -> bool:
    """Whether the sender will hear of the next call anyway: waiting for its message
    (/naechste), or subscribed to reminders that move along to it."""
    timeline, msg = ctx.services.timeline, ctx.msg
    if timeline is None:
        return False
    if timeline.watching_next_call(msg.platform, msg.user_id):
        return True
    return any(
        s.stopped_at is None and s.follow
        for s in timeline.subscriptions_of(msg.platform, msg.user_id)
    )


def _contacts(entry, kb) -> bool:
    """Whether the entry is one of the contacts (its group is the contact entry's)."""
    contact = kb.find(CONTACT)
    return entry.id == CONTACT or (
        contact is not None and entry.group is not None and entry.group == contact.group
    )


def _held_notice(ctx: Context, replies: list[Outbound]) -> list[Outbound]:
    """After the answer to the question the welcome was held for (the console), that no
    call is open, where the answer does not say so itself (with the offer to hear of the
    next one): "wann ist das Kick-off?" gets it, "kann ich mich noch bewerben?" not."""
    if not ctx.state.closed_held or not replies:
        return replies
    ctx.state.closed_held = False
    if any(b.data == NEXT_CALL_DATA and b.confirms for r in replies for b in r.buttons):
        ctx.state.faq.told_closed_at = ctx.now  # the answer said it, and offered the next call
        return replies
    ctx.lang = replies[-1].lang or ctx.lang
    # a question back ("Meinen Sie …?") stays last with its numbered topics, the only
    # [1] on the screen: the notice before it, its offer by command
    asks_back = any(b.data.startswith(FAQ_PREFIX) for r in replies for b in r.buttons)
    said = "\n\n".join(r.text for r in replies)  # ("… ist seit Ende März 2024 beendet")
    if (notice := no_call_open(ctx, button=not asks_back, said=said)) is None:
        return replies
    notice = replace(notice, lang=ctx.lang)
    if asks_back:
        return [*replies[:-1], notice, replies[-1]]
    # the notice's button, once: not under the answer too
    said = [
        replace(r, buttons=tuple(b for b in r.buttons if b.data != NEXT_CALL_DATA)) for r in replies
    ]
    return [*said, notice]


def _answer(ctx: Context, text: str, own: str | None = None) -> list[Outbound]:
    replies = []
    if len(text) > MAX_QUESTION_CHARS:
        replies.append(Outbound(t("too_long", ctx.lang, limit=MAX_QUESTION_CHARS)))
        text = text[:MAX_QUESTION_CHARS]
    faq = ctx.services.faq
    known = _known_language(ctx)
    memory = ctx.state.faq
    acked, memory.acked = memory.acked, False
    # "und morgen?" right after the contacts' hours: that day's, not a greeting
    text = faq.hours_again(text, memory, ctx.now, known, ctx.lang)
    if (
        picked := _picked(ctx, text, known)
    ) is not None:  # "das erste", "beides" to "Meinen Sie …?"
        return replies + picked
    if (other := _none_of_them(ctx, text, known)) is not None:  # "keins davon"
        return replies + [other]
    if (lang := _dont_know(text)) is not None:  # "weiß nicht", "no idea": the topics
        ctx.lang = lang = ctx.state.lang or lang
        topics = faq.topics_reply(lang)
        replies.append(Outbound(t("faq_dont_know", lang), topics.buttons, lang=lang))
    elif really := _really(ctx, text, known):
        replies.append(really)
    elif unclear := _unclear(ctx, text, known):
        replies.append(unclear)
    elif faq.is_small_talk(text):
        # "help me" in a new German chat: English; "Hallo" or "Ja?" from someone who
        # writes English: still English (one word does not make a language)
        reply = small_talk_reply(ctx, text, known)
        if reply.text == t("smalltalk_ack", ctx.lang):  # "ok": a second one says less
            memory.acked = True
            reply = Outbound(t("smalltalk_ack_again", ctx.lang)) if acked else reply
        replies.append(reply)
    elif (asked := _without_preamble(ctx, text, known, own)) == "":
        # "guten Abend, ich hätte eine Frage": a question announced, none asked yet
        lang = known or faq.language(text, ctx.lang)
        ctx.lang = lang
        replies.append(Outbound(t("faq_what_about", lang), lang=lang))
    else:
        said, text = text, asked or text  # the whole message, and its question
        text = of_us(text)  # "what about us? we're a Landratsamt": of a Landratsamt
        if asks_region_only(said) and not asks_region_only(text):
            # "wir sind eine Marktgemeinde in Oberösterreich. Können wir uns heute noch
            # bewerben?": where they are is what the question turns on
            text = said
        team = ctx.services.handoff
        handoff = team.available if ctx.msg.private and team is not None else None
        # "ok?", "Tue 1 Dec 11:00": too little to change a known language
        # "per mail ok?" in a German chat: no word that only English uses; the chat's
        # language stays (a known word of the call's English text says too little)
        keep = (
            known
            if known and (is_short(text) or only_a_time(text, ctx) or not _says_other(text, known))
            else None
        )
        # a language chosen in this chat (/sprache, "auf Englisch bitte: …") is kept
        keep = ctx.state.lang or keep
        # experts', buddies' and the team's own words are no applicant's question: never
        # logged for the team's digest of unanswered questions, never offered to be
        # forwarded to the team (an admin is the team)
        record = ctx.role not in PAIR_ROLES and ctx.role is not Role.ADMIN
        # "kann man verlängern?" (the deadline or the placement?), "was passiert nach
        # dem Projekt?" (its end, then the evaluation)
        # ("Habe gesehen, dass die Frist morgen ist. Kann man Verlängerung beantragen?":
        # the deadline, named before the question)
        read = extension(ctx, text, keep, said=said if said != text else None)
        read = read or after_step(ctx, text, keep)
        read = read or next_step(ctx, text, keep) or in_month(ctx, text, keep)
        if read is not None:  # "und dann?", "what happens in august?"
            replies.append(_for_reader(ctx, read))
            return replies
        # "Wann ist die Frist und wie viel Geld gibt es?": each part's answer; "wir sind
        # eine Gemeinde und … Passt das zum Programm?": the answer to what was said before
        joint = several(ctx, text, keep, record=record) or in_context(ctx, said, keep)
        if joint is not None:
            replies.append(_for_reader(ctx, joint))
            return replies
        reply = faq.ask(
            text,
            ctx.lang,
            ctx.now,
            handoff=handoff if record else None,
            keep_lang=keep,
            memory=memory,
            record=record,
        )
        replies.append(_for_reader(ctx, reply))
    return replies


def _without_preamble(
    ctx: Context, text: str, known: str | None, own: str | None = None
) -> str | None:
    """The question without what comes before it, when the whole message is not one the
    matcher is sure of: a greeting and an announcement ("Guten Abend, ich hätte eine
    Frage zur Förderung" → "Förderung"; "" when only a question is announced), or a
    sentence about oneself ("Hello, I work for a district office. Whats the deadline?"
    → "Whats the deadline?"), or the form asked for ("ja oder nein: …"); None to ask the
    message as it is."""
    faq = ctx.services.faq
    lang = known or ctx.lang
    if (plain := without_form_asked(text)) != text:  # "ja oder nein: …"
        return plain
    if own is not None:  # "wir sind in pforzheim, müssen wir …?": one of the five asks
        whole = faq.match(text, lang)
        # ("I'm the Pat:in in Pforzheim. What do I do?": the place drew the five; "we are
        # from Torgau, what's our project?" asks of it)
        drawn = whole.best is not None and whole.best.id == "participants"
        of_it = re.search(r"\b(?:unser\w*|our)\s+(?:projekt|project)", own.lower())
        if not whole.confident or drawn and not of_it:
            return own
    if (supposed := without_supposition(text)) is not None:
        return supposed  # "falls wir ausgewählt werden, wann fängt die Expertin an?"
    if (topic := explained(text)) is not None and faq.match(topic, lang).confident:
        return topic  # "can you explain the whole timeline in short?": the timeline
    found = without_preamble(text)
    if found is None and last_question(text) is None:
        return None  # nothing before the question (and no second read of the edition)
    if found is not None and found[1]:  # "kurze Frage": only a question announced
        return ""
    if faq.match(text, lang).confident:
        return None
    asked = text
    if found is not None:
        rest, announced = found
        if announced:
            return ""
        asked = rest
    # "Our expert candidate withdrew. what now?": the case is the question, not "what now"
    if (
        (last := last_question(asked))
        and not asks_what_now(last)
        and faq.match(last, lang).confident
    ):
        return last
    return asked if asked != text else None


def _says_other(text: str, known: str) -> bool:
    """Whether a message's own words (not the call's vocabulary) are in the other
    language than the one the chat is known to read. In a German chat "is" is German
    as people type it ("was is jour fix", "wie is das"): no English word there."""
    de, en = language_hints(text)
    if known == "de":
        en -= sum(tok in _GERMAN_TOO for tok in tokens(text))
    other, mine = (en, de) if known == "de" else (de, en)
    return other > mine


_GERMAN_TOO = frozenset({"is"})  # English hints that German chats type too ("is" for "ist")


_REALLY = frozenset(
    "ja yes wirklich echt sicher really sure ernsthaft stimmt true so tatsachlich".split()
)


def _really(ctx: Context, text: str, known: str | None) -> Outbound | None:
    """ "ja?" or "wirklich?" right after an answer asks whether it is so: the answer's
    gist again, and an invitation to say what else is meant."""
    memory = ctx.state.faq
    words = tokens(text)
    if not (text.rstrip().endswith("?") and words and set(words) <= _REALLY):
        return None
    if memory.entry is None or not memory.recent(memory.at, ctx.now):
        return None
    lang = known or ctx.lang
    ctx.lang = lang
    return Outbound(t("faq_really", lang, gist=memory.gist), lang=lang)


# "weiß nicht", "keine Ahnung", "I don't know", "no idea", "not sure": the person has no
# question (or none in mind) – never a follow-up to the last answer, never a question
_DONT_KNOW = {
    "de": (
        (frozenset({"weiss", "weis"}), frozenset({"nicht", "nich", "net", "ned"})),
        (frozenset({"keine", "kein", "null"}), frozenset({"ahnung", "idee", "plan", "schimmer"})),
        (frozenset({"nicht"}), frozenset({"sicher"})),
    ),
    "en": (
        (frozenset({"don", "dont", "not", "didn", "didnt"}), frozenset({"know", "sure"})),
        (frozenset({"no"}), frozenset({"idea", "clue"})),
        (frozenset({"idk", "dunno"}), frozenset({"idk", "dunno"})),
    ),
}
_DONT_KNOW_FILLER = frozenset(
    """ich i es das so recht genau auch leider hmm hm na tja also well um uh erm sorry really
    actually eigentlich bin mir am m do t noch gerade grad yet hab habe have was what fragen
    frage ask soll sollte should to wirklich ehrlich gesagt honestly ok okay ja yes nein
    no""".split()
)


def _dont_know(text: str) -> str | None:
    """The language of "weiß nicht", "keine Ahnung", "I don't know", "no idea" (with
    fillers: "hmm, ich weiß es nicht so recht"); None for anything else ("ich weiß nicht,
    ob ein Landkreis sich bewerben kann" is a question)."""
    words = set(tokens(text))
    if not words or len(tokens(text)) > 10:
        return None
    for lang, pairs in _DONT_KNOW.items():
        for first, then in pairs:
            if words & first and words & then and words <= first | then | _DONT_KNOW_FILLER:
                return lang
    return None


# "hä?", "versteh ich nicht", "nochmal bitte einfacher", "what do you mean?": the person
# did not follow the last answer (never a question about the call, never off topic)
_PUZZLED = frozenset(
    """ha hah hae haeh huh versteh verstehe verstehen verstanden kapier kapiere kapiert
    unklar unverstandlich kompliziert complicated confusing unclear einfacher simpler simply
    nochmal again understand mean meinst bedeutet heisst means explain erklaren erklar
    erklare pardon""".split()
)
_PUZZLED_FILLER = frozenset(
    """ich i das it that this es du sie dich you bitte please nicht not nix dont don t do
    didn didnt does dos doesn sorry ok okay aber but und and so zu too mir me noch mal einmal
    once more in einfachen simple plain words worten sagen say kannst can could konnen
    damit genau get follow hm hmm eh oh habe hab have was what wie how is ist war""".split()
)
_PUZZLED_ALONE = frozenset({"was", "what", "wie bitte", "bitte was", "sorry", "come again"})


_SENTENCE_END = re.compile(r"(?<=[^\W\d_]{3}[.!])\s+(?=[A-ZÄÖÜ])")


def _puzzled(text: str) -> bool:
    """ "hä?", "versteh ich nicht", "nochmal bitte einfacher", "huh?", "what?": the
    person did not follow; "was heißt wirkungsorientiert?" is a question."""
    words = tokens(text)
    if not words or len(words) > 8:
        return False
    if " ".join(words) in _PUZZLED_ALONE:
        return text.rstrip().endswith("?")
    said = set(words)
    if "heisst" in said and said & {"du", "sie", "ihr"}:
        return False  # "wie heißt du?" asks the bot's name; "was heißt das?" the answer
    not_got = "get" in said and bool(
        said & {"dont", "don", "didnt", "didn", "not"}
    )  # "I dont get it"
    return bool(said & _PUZZLED or not_got) and said <= _PUZZLED | _PUZZLED_FILLER


def _unclear(ctx: Context, text: str, known: str | None) -> Outbound | None:
    """A person who did not follow: right after an answer, its gist once more and what
    was unclear; else what they would like to know. The contacts are named either way."""
    if not _puzzled(text):
        return None
    memory = ctx.state.faq
    lang = ctx.lang = known or ctx.lang
    if memory.entry is not None and memory.recent(memory.at, ctx.now) and memory.gist:
        sentences = _SENTENCE_END.split(memory.gist, 2)  # its first sentence: shorter
        # (after a bare "Nein." its sentence too: "Nein. Die Einstellung … erfolgt …")
        verdict = len(tokens(sentences[0])) <= 1 and len(sentences) > 1
        short = " ".join(sentences[:2]) if verdict else sentences[0]
        return Outbound(t("faq_unclear", lang, gist=short), lang=lang)
    return Outbound(t("faq_unclear_nothing", lang), lang=lang)


# "das erste", "die zweite", "the last one", "nein, die 2": a topic offered by place
_PLACES = {
    **dict.fromkeys("erste ersten erster erstes first 1st eins 1".split(), 0),
    **dict.fromkeys("zweite zweiten zweiter zweites second 2nd zwei two 2".split(), 1),
    **dict.fromkeys("dritte dritten dritter drittes third 3rd drei three 3".split(), 2),
    **dict.fromkeys("letzte letzten letzter letztes last".split(), -1),
}
_EVERY = frozenset("beides beide both alle alles all".split())  # "beides", "both please"
_HOW_MANY = frozenset("zwei drei two three 2 3".split())
_PICK_FILLER = frozenset(
    """das die der den dem the one ones option thema topic punkt nummer nr number no
    bitte please pls plz ok okay ja yes nein nee ich meine meinte i mean meant nehme take lieber
    eher dann then davon of them und and gern gerne also so mal hmm eigentlich von
    antwort answer frage question
    genau richtig exakt jo jep jap yeah yep yup sure exactly right correct that s it is
    ist war wäre ware gemeint nimm passt wollte would be""".split()
)  # "ja genau das erste", "yes exactly, the first one", "das erste war gemeint"


def _picked(ctx: Context, text: str, known: str | None = None) -> list[Outbound] | None:
    """ "das erste", "die zweite", "the last one", "beides" right after the FAQ offered
    topics ("Meinen Sie „A“ oder „B“?"): that topic's answer (each one's, for
    "beides"); with no choice open at all, that none is ("the second one" is no
    question about the call); None for anything else (a new question, "nein, ich
    meine die Frist")."""
    words = re.findall(r"\w+", text.lower())
    if not words or len(words) > 6 or not ctx.msg.private:
        return None
    every = set(words) & _EVERY
    places = [w for w in words if w in _PLACES and not (every and w in _HOW_MANY)]  # "alle drei"
    if len(places) + bool(every) != 1 or not set(words) <= _PICK_FILLER | _EVERY | _PLACES.keys():
        return None
    choices, stale = ctx.open_choices()
    offered = [b for b in choices if b.data.startswith(FAQ_PREFIX)]
    # nothing offered, or only a button beside an answer ("🔔 Fristen-Erinnerungen"):
    # "das erste" names no topic (a typed "1" still presses the button)
    beside = all(b.data in (SUBSCRIBE_DATA, NEXT_CALL_DATA) for b in choices)
    if beside and not stale and not all(w.isdigit() for w in words):
        lang = ctx.lang = known or ctx.services.faq.language(text, ctx.lang)
        return [Outbound(t("smalltalk_noise", lang), lang=lang)]
    if stale or len(offered) < 2:
        return None
    if every:
        if len(offered) > 3:  # "alle" to the whole topic list: too many answers at once
            return None
        picked = offered
    else:
        place = _PLACES[places[0]]
        if place >= len(offered):  # "das dritte" to two: not one of them
            return None
        picked = [offered[place]]
    ctx.picked = True
    return [reply for button in picked for reply in ctx.press(button.data)]


# "keins davon", "nein, was anderes", "none of these", "something else": none of the
# topics offered is meant
_NONE = frozenset(
    """kein keins keine keiner keinen keines keinem nichts none neither weder""".split()
)
_OTHER = frozenset("anders anderes andere anderen anderer else different other".split())
_NONE_FILLER = _PICK_FILLER | frozenset(
    """was etwas something these those this noch nor dabei nicht not among there here hier
    davon sorry leider ganz wirklich really fragen ask wanted want wollte meinte
    thema themen topics questions fragen all alle passt fits""".split()
)


def _none_of_them(ctx: Context, text: str, known: str | None) -> Outbound | None:
    """ "keins davon", "nein, was anderes", "none of these" right after the FAQ offered
    topics: none is meant – asked what is (the choices close), never topics again."""
    words = re.findall(r"\w+", text.lower())
    if not words or len(words) > 8 or not ctx.msg.private:
        return None
    if not set(words) & (_NONE | _OTHER) or not set(words) <= _NONE | _OTHER | _NONE_FILLER:
        return None
    if set(words) & _PLACES.keys():  # "nicht das erste, das zweite": a pick
        return None
    choices, stale = ctx.open_choices()
    lang = known or ctx.services.faq.language(text, ctx.lang)
    # "und die anderen?" right after one of the five: the other four, asked of that answer
    memory = ctx.state.faq
    after_one = memory.entry == "participants" and memory.recent(memory.at, ctx.now)
    going_on = {"und", "and", "about"} & set(words) and not _NONE & set(words)
    if not choices and not stale and going_on and after_one:
        return None
    if not choices and not stale:  # nothing offered: "keins davon" is no question either
        ctx.lang = lang
        return Outbound(t("smalltalk_noise", lang), lang=lang)
    if stale or not any(b.data.startswith(FAQ_PREFIX) for b in choices):
        return None
    ctx.lang = lang
    return Outbound(t("faq_none_of_them", lang), lang=lang)


_APPLICANTS_ONLY = frozenset({SUBSCRIBE_DATA, NEXT_CALL_DATA})


def _for_reader(ctx: Context, reply: Outbound) -> Outbound:
    """The call's reminders and the next-call message are the applicants' business:
    experts, buddies and admins get the answer without those buttons; an applicant who
    has them already (subscribed, or waiting for the next call) is not offered them
    again, nor asked whether they would like the next call's message."""
    if ctx.role is Role.APPLICANT:
        had = _had(ctx, {b.data for b in reply.buttons} & _APPLICANTS_ONLY)
        if not had:
            return reply
        text = reply.text
        if NEXT_CALL_DATA in had:  # "Möchten Sie Bescheid bekommen …?": they will be
            text = text.removesuffix(f"\n\n{t('next_call_offer', reply.lang or ctx.lang)}")
        return replace(
            reply, text=text, buttons=tuple(b for b in reply.buttons if b.data not in had)
        )
    return replace(reply, buttons=tuple(b for b in reply.buttons if b.data not in _APPLICANTS_ONLY))


def _had(ctx: Context, offered: set[str]) -> set[str]:
    """Of the offers `offered` (the reminders, the next call's message), those the
    sender has already."""
    timeline, msg = ctx.services.timeline, ctx.msg
    if not offered or timeline is None or not msg.private:
        return set()
    had = set()
    if SUBSCRIBE_DATA in offered and any(
        s.stopped_at is None for s in timeline.subscriptions_of(msg.platform, msg.user_id)
    ):
        had.add(SUBSCRIBE_DATA)
    if NEXT_CALL_DATA in offered and timeline.watching_next_call(msg.platform, msg.user_id):
        had.add(NEXT_CALL_DATA)
    return had


def _known_language(ctx: Context) -> str | None:
    """The language this person is known to read: chosen with /sprache or stored for
    them, their client's, or the one this chat last wrote in; None in a new chat."""
    hint = ctx.msg.lang_hint if ctx.msg.lang_hint in LANGS else None
    return ctx.stored_lang or hint or ctx.state.seen


def _choice(ctx: Context, data: str) -> list[Outbound]:
    memory = ctx.state.faq
    answers = memory.answers
    reply = ctx.services.faq.choice_reply(data, ctx.now, memory)
    if reply is None:
        return [Outbound(t("stale_choice", ctx.lang))]
    if memory.answers == answers:  # a group of topics opened: no answer yet
        return [_for_reader(ctx, reply)]
    return _closed_note(ctx, [_for_reader(ctx, reply)])


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
    callbacks=(Callback(FAQ_PREFIX, _choice, in_groups=True), EXTENSION_CALLBACK),
    read=_ask,
    in_groups=True,
)
