"""Short follow-ups read against the answer just given, before they are a new question.

Right after "Vorgespräche" (10.–17. Mai, 60 bis 90 Minuten), "und wie lange?" asks how
long the talks take – not how long the project lasts; "ist das schon vorbei?" asks
about the talks, "und dann?" for the next step of the timeline, "wie viele?" and
"von wem?" about the thing just answered. A follow-up has no topic of its own: only
question words, pronouns ("die", "das", "it", "the person"), filler and the words of
what it asks (how long, where, over, next, start, what time). What it asks is read
from the last answer's entry and the edition's milestones:

* how long: that entry, when its answer names a duration ("60 bis 90 Minuten",
  "eintägig") or a range of days; for a dated step without one, "the call does not
  say how long";
* where (also "online oder vor Ort?"): that entry, when the call names no place for it;
* over / still on: "Ja"/"Nein" from the step's dates and today;
* when does it start: a step with a range of days itself, else the project's start
  (the kick-off: "wann fängt die Person an?" after choosing the expert);
* next: the entry of the edition's next milestone;
* what time ("and the time?"): that dated entry, asked as what time (the call names
  days, never a time of day);
* a check of its figures ("is it 2 days", "oct to march right?"): "Ja"/"Nein" from the
  answer's own figures (bot.chat.faq_check), not for the deadline (its own form);
* what one gets ("und was kriegt man da so?"): the money, unless the answer names an
  amount – the message implies its own topic;
* anything else short (how many, from whom): the question asked again together with
  the last answer's topic, taken only when the matcher is sure of that.

Two readings need no answer before: "wie viele Tage habe ich noch?" is the deadline,
and "wie reiche ich ein?" is handing in (the call names only by when).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from bot.chat.faq_check import check, names_months
from bot.texts import t
from faq.form import ANYWAY, asks_how_it_goes, question_kind
from faq.kb import Entry, KnowledgeBase
from faq.normalize import QUESTION_WORDS, is_stopword, tokens
from jobs.editions import EditionData
from jobs.program import last_day, long_day, phrase

__all__ = [
    "FollowUp",
    "among",
    "asks_program_state",
    "bare_how",
    "explained",
    "places",
    "bare",
    "hand_in",
    "points_back",
    "POINTERS",
    "asks_over",
    "step_over",
    "program_state",
    "read_follow_up",
    "time_left",
    "days_of_it",
    "without_form_asked",
    "to_whom",
    "own_place",
    "without_preamble",
]

MAX_WORDS = 7  # a follow-up is short ("und wann fängt die Person an?")


def _folded(words: str) -> frozenset[str]:
    """Words as `tokens` folds them ("dauern" -> "daurn", "müssen" -> "mussen")."""
    return frozenset(words.split()) | frozenset(tokens(words))


@dataclass(frozen=True)
class FollowUp:
    """The entry a follow-up is about, the question its answer takes its form from
    ("" for the plain answer), and a text key said before it (or None); `said`: a
    short answer said instead of the entry's whole one ("Das dauert laut
    Ausschreibung 60 bis 90 Minuten."); `sure`: the answer itself holds what is asked
    (a range's first day for "wann fängt das an?"), so no other reading is offered."""

    entry: Entry
    question: str
    lead: str | None = None
    said: str | None = None
    sure: bool = False


_FILLER = _folded(
    """und and also so ok okay aber but denn eigentlich genau exactly noch still schon
    already jetzt now bitte please nochmal again dran gleich ungefähr etwa circa ca roughly
    approximately about"""
)
_PRONOUNS = _folded(
    """das die der dem den des es er sie ihn ihm ihr dies diese dieser dieses das da dort
    that this it they them those these he she him her there person leute people man
    mensch"""
)
_ASKING = _folded(
    """wie wo wann was wer wem wen woher wohin how where when what who whom which welche
    welcher welches viel viele wieviel wieviele many much"""
)
_VERBS = _folded(
    """ist sind war waren wird werden gibt gibts geht gehen ging dauert dauern dauer
    findet finden statt stattfinden lauft laufen kommt kommen passiert passieren is are
    was were will be does do did take takes last lasts go goes run runs happen happens
    happening come comes take place held hat haben bekommen get gets bleibt bleiben stay
    stays"""
)
_LONG = (("wie", "lange"), ("wie", "lang"), ("how", "long"))
_DURATION_WORDS = _folded("lange lang long dauer dauert dauern duration")
_WHERE = _folded(
    """wo where wohin online ort prasenz personlich virtuell virtual remote video
    offline onsite site raum room adresse address location place stadt city hinkommen
    hinfahren anreisen anreise vorbeikommen erscheinen"""
)
# what an amount is asked in ("wieviel ist das in euro?", "how much is that per month?")
_MONEY_WORDS = _folded(
    """euro euros eur geld money betrag amount summe sum brutto netto gross net monat month
    monatlich monthly jahr year jahrlich yearly pro per im a"""
)
_IN_PERSON = re.compile(r"\bin person\b")  # "be there in person?": one word, "persönlich"
OVER = _folded(
    """vorbei over gewesen passed happened happen stattgefunden abgelaufen beendet ended
    finished done rum gelaufen durch yet"""
)
_NEXT = _folded(
    """dann danach then next after afterwards anschliessend nachste nachster schritt step
    weiter"""
)
_START = _folded(
    """fangt fangen anfangen beginnt beginnen startet starten start starts begin begins
    los anfang"""
)
_UNTIL = _folded("bis until till")
_CLOCK = _folded("uhrzeit uhr time spat late")  # a time of day asked ("bis wie viel Uhr?")
_TIME = _UNTIL | _CLOCK | _folded("by")
_WHY = _folded("warum wieso weshalb wozu why")
# an answer that gives its reason ("… um Innovation zu fördern", "to foster …")
_REASON = re.compile(r"\bum\b[^.]*\bzu\b|\bdamit\b|\bweil\b|\bbecause\b|\bso that\b|\bto foster\b")
# undated answers that still name no place: the whole process, the contacts
_PROCESS = "timeline"
_NO_PLACE = frozenset({_PROCESS, "contact"})
_DURATION = re.compile(
    r"\d+\s*(?:bis|to|–|-)\s*\d+\s*(?:minuten|minutes|stunden|hours)"
    r"|\b(?:\d+|ein|eine|einen|zwei|drei|vier|fünf|sechs|one|two|three|four|five|six)\s+"
    r"(?:minuten|minutes|stunden|hours|tagen?|days|wochen|weeks|monaten?|months)\b"
    r"|\b(?:ein|zwei|drei|mehr)tägig|\b(?:one|two|three)-day\b",
    re.IGNORECASE,
)
_WORDS = _FILLER | _PRONOUNS | _ASKING | _VERBS | _DURATION_WORDS | _WHERE | OVER
_WORDS |= _NEXT | _START | _TIME | _WHY


def _short(toks: list[str]) -> bool:
    """No topic of its own: only question words, pronouns, filler and what it asks."""
    return 0 < len(toks) <= MAX_WORDS and all(t in _WORDS or is_stopword(t) for t in toks)


# words that point back at what was just said, whatever is asked of it ("gibts dafür ne
# vorlage", "wer wird dazu eingeladen", "is there a template for it")
POINTERS = _folded(
    """dafür dazu davon damit daran darauf darum dabei dahin hierfür hierzu dafuer hierfuer"""
)


def bare(question: str) -> bool:
    """A question with no topic of its own, or a very short one that points back
    ("wie viele?", "von wem?", "und wer schickt die?")."""
    toks = tokens(question)
    words = set(toks)
    return _short(toks) or (len(toks) <= 4 and bool(words & _PRONOUNS and words & _ASKING))


_IT = _folded("das es dies dieses diese er sie ihn ihm it that this those these he she they them")


def refers_back(question: str) -> bool:
    """Whether a question points at what was just said ("muss man das zurückzahlen?",
    "is it refundable?", "gibts dafür …")."""
    toks = tokens(question)
    return bool(set(toks) & (_IT | POINTERS)) or points_at(question)


_POINTING_PAIRS = {
    (a, b) for a in ("for", "to", "about", "with", "of", "in") for b in ("it", "that", "this")
}


def points_at(question: str) -> bool:
    """A short question about what was just said, by words that point at it ("gibts
    dafür ne vorlage", "wer wird dazu eingeladen", "is there a template for it?")."""
    toks = tokens(question)
    pairs = set(zip(toks, toks[1:], strict=False))
    return len(toks) <= 6 and bool(set(toks) & POINTERS or pairs & _POINTING_PAIRS)


def _amount_of_it(toks: list[str]) -> bool:
    """ "wieviel ist das in euro?", "how much is it a month?": how much, of what was
    just said (a pronoun), in nothing but words of money and time."""
    words = set(toks)
    how_much = {"wieviel", "viel", "much"} & words
    return (
        bool(how_much and words & _PRONOUNS)
        and len(toks) <= MAX_WORDS
        and all(t in _WORDS or t in _MONEY_WORDS or is_stopword(t) for t in toks)
    )


def _has_pair(toks: list[str], pairs) -> bool:
    return bool(set(zip(toks, toks[1:], strict=False)) & set(pairs))


def read_follow_up(
    question: str,
    last: Entry,
    kb: KnowledgeBase,
    edition: EditionData | None,
    today: date,
    answer: str,
    lang: str,
) -> FollowUp | None:
    """What a short follow-up asks about `last` (whose answer read `answer`), or None
    when it is no follow-up to it."""
    if (per := _per_period(question, kb, answer, lang)) is not None:
        return per
    if _PER.match(question.strip()) and "how_much" in last.silent_on:
        # "ist das pro jahr?" right after the pay grade: no amount, so no period either
        return FollowUp(last, "", "silent_how_much")
    m = edition.milestone(last.milestone) if edition and last.milestone else None
    if last.milestone != "deadline" and (verdict := check(question, answer)):
        return _checked(question, last, m, answer, lang, verdict)  # "is it 2 days", "oct to march?"
    toks = tokens(_IN_PERSON.sub("personlich", " ".join(tokens(question))))
    if (received := _received(toks, kb, answer)) is not None:
        return received  # "und was kriegt man da so?" after the deadline: the money
    words = set(toks)
    if "how_much" in last.silent_on and _amount_of_it(toks):
        # "wieviel ist das in euro?" after the pay grade: the amount the call does not name
        return FollowUp(last, "wie viel?" if lang == "de" else "how much?")
    # "wer entscheidet das?" after "morgen früh noch?": the call names nobody
    pointed = len(toks) <= 5 and words & _WHOM and words & _IT
    if last.milestone == "deadline" and pointed and _decides(toks):
        return FollowUp(last, "", "silent_who_decides")
    if not _short(toks):
        return None
    if words & OVER and not words & _ASKING - {"was"}:  # "ist das schon vorbei?"
        return _over(last, m, today)
    if _has_pair(toks, _LONG) or words & _DURATION_WORDS - {"lange", "lang", "long"}:
        return _how_long(last, m, answer, lang)
    if words & _WHERE and ("where" in last.silent_on):
        return FollowUp(last, "wo?" if lang == "de" else "where?")
    if words & _WHERE and (m is not None or last.id in _NO_PLACE):  # "auch online?"
        return FollowUp(last, "", "silent_where")
    if words & _WHY and not words & (_ASKING - {"was", "what"}):  # "warum?", "why?"
        return FollowUp(last, "", None if _REASON.search(answer) else "silent_why")
    if words & _START and words & {"wann", "when", "ab", "from"}:
        if m is not None and (m.until is not None or m.key == "kickoff"):
            return FollowUp(last, "", sure=True)  # its first day is in the answer
        kickoff = kb.at_milestone("kickoff")
        return FollowUp(kickoff, "") if kickoff else None
    if words & _UNTIL and words & {"wann", "when"} and not words & _CLOCK and m and m.until:
        # "und bis wann?" after the sketch phase: its last day, no time of day asked
        until = t("follow_until", lang, end=long_day(m.until, lang))
        return FollowUp(last, "", said=f"{until} {t('follow_days', lang, days=phrase(m, lang))}")
    if words & _TIME and words & {"wann", "when", "uhrzeit", "time", "uhr"} and m is not None:
        # "and the time?": asked as what time, which the call never names
        return FollowUp(last, "um wie viel Uhr?" if lang == "de" else "at what time?")
    if words & _NEXT and not words & (_ASKING - {"was", "what"}) and edition and m:
        later = sorted((x for x in edition.milestones if x.day > m.day), key=lambda x: x.day)
        for step in later:
            if (entry := kb.at_milestone(step.key)) is not None:
                return FollowUp(entry, "")
    elif words & _NEXT and not words & (_ASKING - {"was", "what"}) and m is None:
        # "und dann?" after "Wer kann sich bewerben?": what comes next is the process
        process = kb.find(_PROCESS)
        return FollowUp(process, "") if process is not None and process is not last else None
    return None


def among(
    question: str,
    offered: list[Entry],
    kb: KnowledgeBase,
    edition: EditionData | None,
    today: date,
    answers: dict[str, str],
    lang: str,
) -> FollowUp | None:
    """A follow-up to a question back ("Meinen Sie „Woher kommen die Expert:innen?“,
    „Aufgaben der Expert:innen“ …?" – "wie lange?"): read against each topic offered;
    the one reading that answers it (not "the call does not say"), else None. "wie
    viel?" is the topic whose answer names the most amounts ("Was wird gefördert?":
    the pay group and the EUR 3,000), when one does."""
    toks = tokens(question)
    if _short(toks) and set(toks) & _HOW_MUCH:
        amounts = {e.id: len(_MONEY.findall(answers[e.id])) for e in offered}
        most = max(amounts.values(), default=0)
        top = [e for e in offered if amounts[e.id] == most]
        if most and len(top) == 1:
            return FollowUp(top[0], "")
    found: dict[str, FollowUp] = {}
    for entry in offered:
        follow = read_follow_up(question, entry, kb, edition, today, answers[entry.id], lang)
        if follow is None or _silent(follow):
            continue
        if follow.said:  # "sechs Monate" of which topic offered: said with it
            topic = t("follow_of_topic", lang, topic=entry.topic[lang], said=follow.said)
            follow = replace(follow, said=topic)
        if follow.said or not follow.question or follow.entry.id != entry.id:
            found.setdefault(follow.entry.id, follow)
    # "wie lang?" to the talks, the next call and the timeline: the one reading that says
    # something of its own ("60 bis 90 Minuten"), not an answer given whole again
    saying = [follow for follow in found.values() if follow.said]
    if len(found) > 1 and len(saying) == 1:
        return saying[0]
    return next(iter(found.values())) if len(found) == 1 else None


def _checked(question: str, last: Entry, m, answer: str, lang: str, verdict: str) -> FollowUp:
    """ "Ja"/"Nein" before the answer checked; a "no" to a length (not to months) says
    the one duration the answer names ("Nein. Das dauert laut Ausschreibung einen Tag.")."""
    lead = f"faq_{verdict}"
    if verdict == "no" and names_months(question):
        return FollowUp(last, "", lead)
    if verdict == "no" and (long := _how_long(last, m, answer, lang)) and long.said:
        return FollowUp(last, "", lead, said=long.said)
    return FollowUp(last, "", lead)


_RECEIVE = _folded("kriegt kriegen krieg bekommt bekommen bekomme erhalt erhalten get gets receive")
_WHAT = _folded("was what wieviel much")


def _received(toks: list[str], kb: KnowledgeBase, answer: str) -> FollowUp | None:
    """ "und was kriegt man da so?", "and what do we get?": what one receives is the
    money, whatever was answered before; None when the last answer names an amount
    (then "wie viel?" is about that amount) or the question names more than that."""
    words = set(toks)
    if not (words & _RECEIVE and words & _WHAT) or _MONEY.search(answer):
        return None
    if not _short(toks) and not all(t in _WORDS | _RECEIVE | _MINE for t in toks):
        return None
    money = kb.find(_FUNDING)
    return FollowUp(money, "") if money is not None else None


_FUNDING = "funding"  # what a municipality receives
_MONEY = re.compile(r"EUR|€|Euro|TVöD|Entgeltgruppe|pay group", re.IGNORECASE)
_HOW_MUCH = _folded("viel wieviel much kostet kosten cost costs")
_WHOM = _folded("wer wem wen who whom")
_DECIDING = ("entscheid", "bestimm", "pruf", "beurteil", "decid", "judg", "review", "check")


def _decides(toks: list[str]) -> bool:
    return any(tok.startswith(_DECIDING) for tok in toks)


def points_back(question: str, entry: Entry, answer: str) -> bool:
    """Whether a short question asked again with the topic just answered may be about
    that answer: "und wie viel?" only when it names an amount, "und danach?" only to a
    step of the timeline, "und für wen?" not to the deadline (a date answers no who)."""
    words = set(tokens(question))
    if words & _HOW_MUCH and not _MONEY.search(answer):
        return False
    if words & _NEXT and entry.milestone is None:  # "und danach?" after the funding: no step
        return False
    return not (words & _WHOM and entry.milestone == "deadline")


def _silent(follow: FollowUp) -> bool:
    return bool(follow.lead and follow.lead.startswith("silent"))


def _how_long(last: Entry, m, answer: str, lang: str) -> FollowUp | None:
    """ "wie lange?": the one duration the answer names, in one sentence (with the step's
    days, if it has a range); the days of a step with a range; the time left to apply
    for the deadline (its answer is that); for another dated step "the call does not
    say how long"; None for an undated answer with no duration or several ("Ablauf":
    then it is the project's duration, asked as a new question)."""
    if m is not None and last.milestone == "deadline":  # how long it is still open
        return FollowUp(last, "")
    if _LIST.search(answer):  # "Ablauf": the 60–90 minutes are one step's, not the whole's
        return None
    # (not "in 7 Tagen", "7 days ago": how far the day is from today)
    named = {
        _duration(found.group(0), lang)
        for found in _DURATION.finditer(answer)
        if not _FROM_TODAY.search(answer[: found.start()]) and not _AGO.match(answer[found.end() :])
    }
    days, ranged = "", m is not None and m.until is not None
    if ranged:
        days = {"start": long_day(m.day, lang), "end": long_day(m.until, lang)}
    if len(named) == 1:
        said = t("follow_how_long", lang, duration=named.pop())
        if ranged:
            said = f"{said} {t('follow_days', lang, days=phrase(m, lang))}"
        return FollowUp(last, "", said=said)
    if ranged and not named:  # "Projektskizze": from the first to the last day
        return FollowUp(last, "", said=t("follow_how_long_days", lang, **days))
    if m is not None and not named:
        return FollowUp(last, "", "silent_how_long")
    return None


_FROM_TODAY = re.compile(r"\b(?:in|vor)\s+$")
_AGO = re.compile(r"\s+ago\b")
_LIST = re.compile(r":\s*1\.\s")  # "Ablauf im Überblick: 1. Bewerbungsschluss … 2. …"
_DAYS_WORDS = {
    "ein": "einen Tag",
    "zwei": "zwei Tage",
    "drei": "drei Tage",
    "mehr": "mehrere Tage",
    "one": "one day",
    "two": "two days",
    "three": "three days",
}


def _duration(found: str, lang: str) -> str:
    """A duration as a sentence says it: "eintägig" -> "einen Tag", "one-day" -> "one
    day", "sechs Monaten" -> "sechs Monate"."""
    said = " ".join(found.split())
    if (day := re.fullmatch(r"(\w+?)(?:tägig|-day)", said, re.IGNORECASE)) is not None:
        return _DAYS_WORDS.get(day.group(1).lower(), said)
    return re.sub(r"\b(Monat|Tag)en\b", r"\1e", said)


_PER = re.compile(
    r"^\W*(?:(?:und|and|also|so|ok|aber|but|is\s+that|ist\s+das|is\s+das|sind\s+das"
    r"|das\s+ist)\W+)*"
    r"(?P<period>(?:pro|im|per|a|je)\s+(?:monat|jahr|woche|month|year|week)|monatlich|jährlich"
    r"|wöchentlich|monthly|yearly|annually|weekly)"
    # "pro Monat oder insgesamt?", "pro Jahr oder einmalig?": the choice, answered by the
    # amount and what it is per
    r"(?P<or>\s+(?:oder|or)\s+(?:insgesamt|gesamt|einmalig|einmal|total|in\s+total|overall"
    r"|once|one-off|pro\s+projekt|per\s+project))?\W*$",
    re.IGNORECASE,
)
_AMOUNT = re.compile(r"EUR\s*\d|\d\s*(?:€|Euro)", re.IGNORECASE)


def _per_period(question: str, kb: KnowledgeBase, answer: str, lang: str) -> FollowUp | None:
    """ "pro Monat?", "per month?" right after an answer naming an amount of euros: asks
    whether that amount is per month; the entry that settles it (the call: per project).
    "pro Monat oder insgesamt?": that entry's answer as it is."""
    found = _PER.match(question.strip())
    if found is None or not _AMOUNT.search(answer):
        return None
    period = " ".join(found.group("period").lower().split())
    named = [e for e in kb.entries if _AMOUNT.search(e.answer[lang])]
    said = question.lower()
    settles = next(  # the one whose yes/no terms name that period ("pro Monat": no)
        (e for e in named if any(term.lower() in said for term in (e.polar or {}).get("no", ()))),
        next(iter(named), None),
    )
    if settles is None:
        return None
    if found.group("or"):  # a choice: the amount and what it is for, no "Nein."
        return FollowUp(settles, "")
    amount = _AMOUNT.search(settles.answer[lang]).group(0)
    asked = f"Gibt es die {amount} {period}?" if lang == "de" else f"Is the {amount} {period}?"
    return FollowUp(settles, asked)


def asks_over(question: str) -> list[str] | None:
    """ "sind die Vorgespräche schon vorbei?", "is the kickoff over?": the words besides
    "over" of a question whether something is past; None for any other question."""
    toks = tokens(question)
    if not set(toks) & OVER or set(toks) & _ASKING - {"was"}:
        return None
    return [tok for tok in toks if tok not in OVER]


def step_over(step: Entry, edition: EditionData, today: date) -> FollowUp | None:
    """Whether a dated step is past: Ja once its last day is, else Nein; None for an
    undated step and the deadline (it has its own verdict)."""
    if step.milestone in (None, "deadline"):
        return None
    return _over(step, edition.milestone(step.milestone), today)


def _over(last: Entry, m, today: date) -> FollowUp | None:
    """ "ist das schon vorbei?": Ja once the step's last day is past, else Nein."""
    if m is None:
        return None
    return FollowUp(last, "", "faq_yes" if today > last_day(m) else "faq_no")


# -- no answer before needed -------------------------------------------------------------

_LEFT = _folded("noch left remain remaining remains bleibt bleiben ubrig")
_SPAN = _folded("tage tag days day zeit time wochen weeks stunden hours")
_MINE = _folded("""ich i wir we hab habe haben have has hat uns us mir me man one you du sie got""")


_DAYS_OF_IT = _folded(
    """wie viele wieviele how many tage days tag day sind are is das es that it those these
    insgesamt total in genau exactly und and"""
)


def days_of_it(question: str) -> bool:
    """ "wie viele tage sind das", "how many days is that": the number of days of what
    was just told (not the time left to apply)."""
    words = set(tokens(question))
    counted = words & _folded("viele wieviele many") and words & _folded("tage days")
    pointed = words & _folded("das es that it those these")
    return bool(counted and pointed) and words <= _DAYS_OF_IT


def time_left(question: str) -> bool:
    """ "wie viele Tage habe ich noch?", "how much time do we have left?": the time left
    to apply, and nothing else."""
    toks = tokens(question)
    words = set(toks)
    return (
        0 < len(toks) <= MAX_WORDS + 1
        and bool(words & {"wie", "how", "wieviel", "wieviele"})
        and bool(words & _SPAN)
        and bool(words & _LEFT)
        and all(t in _WORDS | _LEFT | _SPAN | _MINE or is_stopword(t) for t in toks)
    )


_SENDING = ("reich", "einreich", "schick", "send", "submit", "abgeb", "einsend", "hand")
_APPLYING = ("bewerb", "apply", "appli")  # "wie bewerbe ich mich?": how, not who or when
_PAPERS = _folded("bewerbung application unterlagen papers documents antrag es")


# "und per mail oder online?", "by email or via a portal?": ways of handing in, alone
_WAYS = _folded(
    """mail email e post online portal formular form onlineformular webformular upload
    hochladen brief letter papier paper postweg"""
)
_BY_WAY = _folded("per by via oder or und and uber ueber als as ein a einem an im in the")
_GERMAN_WAY = _folded("per oder und uber ueber als ein einem im hochladen brief papier postweg")


# "an wen denn?", "to whom?", "which address?" right after how to hand in
_TO_WHOM = _folded(
    """an wen wem denn dann schicke schick schicken ich es das sie to who whom send it do i
    then und and adresse address which welche welcher email mail e soll sollen muss"""
)


def to_whom(question: str) -> bool:
    """ "an wen denn?", "to whom?", "which address?": where to send it, nothing else."""
    words = set(tokens(question))
    asked = words & _folded("wen wem whom adresse address") or {"who", "to"} <= words
    return bool(asked) and words <= _TO_WHOM


def bare_how(question: str) -> bool:
    """ "und wie?", "and how?", "wie genau denn?": how, and nothing else asked."""
    words = set(tokens(question))
    return bool(words & {"wie", "how"}) and words <= _BARE_HOW


_BARE_HOW = frozenset(
    tokens("und and wie how denn genau exactly so then dann das it that do does i we ich wir geht")
)


def hand_in(question: str) -> str | None:
    """ "wie reiche ich ein?", "and how do I submit?", "und per mail oder online?": how
    to hand in, nothing else; the question the deadline's answer takes its form from
    (where to hand in), else None."""
    toks = tokens(question)
    words = set(toks)
    if words & _WAYS and words & _folded("per by via oder or") and words <= _WAYS | _BY_WAY:
        return (
            "wo reiche ich die Bewerbung ein?" if words & _GERMAN_WAY else "where do I submit it?"
        )
    if not (0 < len(toks) <= MAX_WORDS and toks and {"wie", "how"} & words):
        return None
    # "wie viele können sich bewerben?", "wie lange kann ich mich bewerben?": not how
    if words & (_ASKING - {"wie", "how"}) or words & _DURATION_WORDS:
        return None
    sending = _SENDING + _APPLYING
    if not any(t.startswith(sending) for t in toks):
        return None
    # "wie läuft die Bewerbung ab?", "how does the application process work?": the steps
    # (the timeline), not where to hand in
    if asks_how_it_goes(question) and not any(t.startswith(_SENDING) for t in toks):
        return None
    if not all(
        t in _WORDS | _MINE | _PAPERS or is_stopword(t) or t.startswith(sending) or t == "ein"
        for t in toks
    ):
        return None
    return "wo reiche ich die Bewerbung ein?" if "wie" in toks else "where do I submit it?"


# -- a greeting or a sentence about oneself before the question --------------------------

_GREETING = re.compile(
    r"^\s*(?:(?:hallo|hello|hi|hey|moin|servus|guten\s+(?:tag|morgen|abend)|good\s+"
    r"(?:morning|afternoon|evening)|liebes?\s+team|dear\s+team|(?:sehr\s+geehrte|liebe)\s+"
    r"damen\s+und\s+herren|dear\s+sir\s*(?:or|/)\s*madam"
    # pleased with the answer before: "great, and how many get funded?"
    r"|great|cool|super|prima|perfekt|perfect|toll|klasse|alright|alles\s+klar|wunderbar"
    # sorry for the hour: "sorry for the late msg, is it still ok to send it tonight?"
    r"|sorry(?:\s+(?:for|für|fur)\s+(?:the\s+|die\s+|my\s+|meine\s+)?(?:late\s+|späte\s+|spaete\s+)?"
    r"(?:msg|message|nachricht|störung|stoerung|hour|stunde|uhrzeit))?"
    r"|entschuldigung|entschuldigen\s+sie(?:\s+die\s+(?:späte\s+)?störung)?|tut\s+mir\s+leid)"
    r"\b(?:\s+(?:zusammen|allerseits|everyone|all|there))?[\s,!.:;-]*)+",  # not "Hier …"
    re.IGNORECASE,
)
_ANNOUNCE = re.compile(
    r"^(?:ich\s+(?:hätte|hatte|habe|hab)\s+(?:da\s+)?(?:mal\s+)?(?:noch\s+)?(?:eine|ne)\s+"
    r"(?:kurze\s+|kleine\s+)?frage"
    r"|i\s+(?:have|had|'ve\s+got|got)\s+(?:a|one)\s+(?:quick\s+|short\s+|more\s+)?question"
    r"|(?:noch\s+)?(?:eine\s+)?(?:kurze|kleine)\s+frage|noch\s+(?:eine|ne)\s+frage"
    r"|(?:a\s+)?(?:quick|short)\s+question|one\s+more\s+question"
    r"|(?:darf|kann)\s+ich\s+(?:(?:dich|ihnen|sie|euch)\s+)?(?:mal\s+)?(?:et)?was\s+fragen"
    r"|(?:can|may|could)\s+i\s+ask\s+(?:you\s+)?(?:something|a\s+question))"
    r"(?:\s+(?:zu[rm]?|zu\s+de[rnm]|about|on|regarding)\s+(?P<topic>.+?))?[\s?!.:]*$",
    re.IGNORECASE,
)
# a sentence ends at "." or "!", not at an abbreviation ("bzw.", "z. B.", "Dr.", "e.g.")
_ABBREVIATIONS = (
    "bzw.", "z.B.", "z.", "B.", "d.h.", "u.a.", "ca.", "usw.", "ggf.", "evtl.", "Dr.", "Nr.",
    "Fr.", "Hr.", "e.g.", "i.e.", "vs.", "etc.", "inkl.",
)  # fmt: skip
_NOT_AN_END = "".join(rf"(?<!\b{re.escape(a)})" for a in _ABBREVIATIONS)
# a cry for help before the question ("HILFE …", "sos:", "dringend!"), not "Hilfe bei …"
_ALARM = re.compile(
    r"^(?:(?:HILFE|HELP|SOS)\b|(?i:hilfe|help|sos|dringend|urgent)\s*[!,:.]+)[\s!,:.]*"
)
# the form asked for before the question ("ja oder nein: …", "yes or no - …"): a yes/no
# question's answer starts so anyway, and "oder"/"or" would read as a choice
_FORM_ASKED = re.compile(
    r"^\W*(?:bitte\s+|please\s+)?(?:nur\s+|just\s+)?(?:mit\s+)?(?:ja\s+oder\s+nein|yes\s+or\s+no)"
    r"(?:\s+bitte|\s+please)?\s*[!?,:.–-]+\s*(?=\S)",
    re.IGNORECASE,
)


def without_form_asked(question: str) -> str:
    """The question without "ja oder nein:" before it."""
    return _FORM_ASKED.sub("", question, count=1)


# "an wen wende ich mich, wenn ich noch Rückfragen habe?": having questions is no topic
_ASIDE = re.compile(
    r",?\s*\b(?:wenn|falls|if|in case)\s+(?:ich|wir|i|we)\s+(?:noch\s+|dann\s+)?"
    r"(?:weitere\s+|mehr\s+|more\s+|further\s+|any\s+|other\s+)?"
    r"(?:rück|nach)?(?:fragen|frage|questions?)\s+(?:habe|haben|hab|have)\b",
    re.IGNORECASE,
)
# "der 3. Mai", "am 5. Juni": a day's number ends no sentence (a year's may)
_SENTENCE = re.compile(rf"(?i){_NOT_AN_END}(?<!\b\d\.)(?<!\b\d\d\.)(?<=[.!])\s+")
# "ich bin Integrationsbeauftragte … und hätte zwei Fragen: Können …": what comes before
# the questions announced with a colon
_BEFORE_COLON = re.compile(
    r"^[^?]*?\b(?:fragen?|questions?)\s*(?:dazu|hierzu|about\s+it)?\s*:\s*(?=\S)", re.IGNORECASE
)


# "ok, zurück zum thema: was ist eine Pat:in?": coming back to the call asks nothing
_BACK_TO_IT = re.compile(
    r"^(?:(?:ok|okay|gut|also|so|na gut|alright|anyway|fine)\s*[,.!]?\s*)?"
    r"(?:zurück|zuruck|back)\s+(?:zum|zur|to the|to)\s+(?:thema|ausschreibung|frage|topic|call"
    r"|question|point)\s*[:,.!–-]*\s*(?=\S)",
    re.IGNORECASE,
)


# "mist.", "oh no!", "oje," before the question: a sigh asks nothing
_ALAS = re.compile(
    r"^(?:(?:mist|so ein mist|oh nein|oh no|oh je|oje|ojemine|ach je|ups|oops|uff|shit|damn"
    r"|verdammt|na toll|oh man+|oh mann|oh gott|oh mein gott|omg|oh god|oh my god"
    r"|(?:sorry )?for my (?:bad )?english|(?:sorry )?für mein (?:schlechtes )?deutsch)\s*[.!,…]+"
    r"|(?:oh gott|oh mein gott|omg|oh god|oh my god|oh nein|oh no)\s+)\s*(?=\S)",
    re.IGNORECASE,
)


_QUICK = re.compile(
    r"^(?:quick|short|kurze|kleine|schnelle)\s+(?:q|qu|question|frage)\s*[:,.!?–-]+\s*(?=\S)",
    re.IGNORECASE,
)

# a selection supposed before the question ("and if we are selected, when does the expert
# start?", "falls wir genommen werden, wann …?"): the question is what follows
_IF_SELECTED = re.compile(
    r"^(?:(?:und|and|ok|okay)\s+)?(?:if|falls|wenn)\s+(?:we|wir)\s+(?:are|get|were|re|do\s+get"
    r"|werden|sind)?\s*(?:selected|chosen|accepted|in|ausgew[äa]hlt|genommen|dabei)"
    r"(?:\s+werden|\s+sind)?\s*[,:–-]\s*(?=\S)",
    re.IGNORECASE,
)


# "can you explain the whole timeline in short?", "erklär mir mal den Ablauf",
# "kannst du mir den Zeitplan kurz erklären?": a request to explain a topic, which is
# the question (the words of asking draw the program's summary)
_EXPLAIN = re.compile(
    r"^(?:(?:can|could) you(?: please)?(?: briefly| quickly)? (?:explain|describe|summari[sz]e)"
    r"(?: to me| me)?|(?:please )?(?:briefly )?(?:explain|describe)(?: to me| me)?"
    r"|(?:kannst du|können sie|koennen sie|konnen sie)(?: mir)?(?: (?:bitte|mal|kurz|nochmal))*"
    r"|erkl[äa]r(?:e|en sie)?(?: mir)?(?: (?:bitte|mal|kurz|nochmal))*"
    r"|gib(?: mir)?(?: (?:bitte|mal|kurz))*(?: einen| nen)? (?:überblick|ueberblick|uberblick)"
    r" (?:über|ueber|uber))\s+(?P<topic>.+?)"
    r"(?:\s+(?:in short|briefly|quickly|kurz|bitte|please|erkl[äa]ren|beschreiben))*\s*[?.!]*$",
    re.IGNORECASE,
)


def explained(question: str) -> str | None:
    """The topic a request to explain names ("can you explain the whole timeline in
    short?" → "the whole timeline?"), else None."""
    found = _EXPLAIN.match(question.strip())
    if found is None or len(tokens(found.group("topic"))) > 4:
        return None
    return f"{found.group('topic')}?"


def without_supposition(question: str) -> str | None:
    """The question after a selection supposed before it ("and if we are selected, when
    does the expert start?" → "when does the expert start?"), else None: the words of
    being selected draw the choice of the expert, which is not what is asked."""
    found = _IF_SELECTED.match(question.strip())
    return question.strip()[found.end() :] if found else None


def without_preamble(question: str) -> tuple[str, bool] | None:
    """The question without a greeting or an announcement before it ("guten Abend, ich
    hätte eine Frage zur Förderung" → "Förderung"), and whether only a question was
    announced (nothing asked yet); None when there is nothing to take off."""
    rest = _GREETING.sub("", question, count=1).strip()
    rest = _ALARM.sub("", rest, count=1).strip()  # "HILFE bewerbungsschluss ist …?"
    rest = _ASIDE.sub("", rest).strip()  # "…, wenn ich noch Rückfragen habe?"
    rest = _BACK_TO_IT.sub("", rest, count=1).strip()
    rest = _ALAS.sub("", rest, count=1).strip()  # "mist. und wenn ich es heute nacht …?"
    rest = _QUICK.sub("", rest, count=1).strip()  # "quick q - is the deadline …?"
    greeted = rest != question.strip()
    if found := _ANNOUNCE.match(rest):
        topic = (found.group("topic") or "").strip()
        return (topic, not topic)
    if (said := _BEFORE_COLON.match(rest)) and rest[said.end() :].strip():
        return (rest[said.end() :].strip(), False)
    if greeted and rest:
        return (rest, False)
    return None


AFTER_QUESTION_MARK = re.compile(r"(?<=\?)\s+")  # where one question ends and the next may begin


# thanks and regards after the questions ("Vielen Dank im Voraus.", "Mit freundlichen
# Grüßen, K. Hoffmann", "Best regards")
_SIGN_OFF = re.compile(
    r"^(?:(?:vielen|besten|herzlichen|tausend)\s+)?dank|^danke|^thanks?\b|^many thanks"
    r"|^(?:mit\s+)?(?:freundliche[n]?|beste[n]?|liebe[n]?|herzliche[n]?|viele|schöne)\s+"
    r"gr(?:ü|u|ue)(?:ß|ss)"
    r"|^gr(?:ü|u|ue)(?:ß|ss)|^(?:lg|vg|mfg|bg)\b|^(?:best|kind|warm)?\s*regards|^cheers",
    re.IGNORECASE,
)


def asked_span(message: str) -> str:
    """The message from its first sentence that asks ("Guten Abend, wir sitzen noch an
    der Bewerbung. Ist die Frist morgen …? Vielen Dank!" → "Ist die Frist morgen …?"),
    without the thanks and regards after it: who writes and how they sign off ask
    nothing. A sentence after the last question mark that is no sign-off stays ("nur
    fünf? das ist ja wenig, oder werden es noch mehr")."""
    sentences = [
        q.strip()
        for p in _SENTENCE.split(message.strip())
        for q in AFTER_QUESTION_MARK.split(p)
        if q.strip()
    ]
    asking = [i for i, sentence in enumerate(sentences) if sentence.endswith("?")]
    if not asking:
        return message
    after = range(asking[-1] + 1, len(sentences))
    end = next((i for i in after if _SIGN_OFF.match(sentences[i])), len(sentences))
    return " ".join(sentences[asking[0] : end])


_CLAUSE_BREAK = re.compile(r"\s+[–-]\s+|,\s+")
# who asks, said before the question: what the question is then asked of
_ABOUT_US = re.compile(r"(?i)\b(?:wir|we|we're|ich bin|i am|i'm|i work|unser\w*|our|als)\b")
_ANYWAY_WORDS = ANYWAY | {"still"}
_POINTING = frozenset(
    """wir we us uns unser unsere unseren unserer our ich i me mich mir my mein meine es it
    das that this dies diese dieser they them sie""".split()
)


_EXAMPLE = re.compile(
    r"(?i)(?:z\.\s?b\.|zb\b|zum beispiel|etwa|e\.\s?g\.|eg\b|for example|like|such as)"
)
_DEADLINE_WORDS = _folded("deadline frist bewerbungsschluss stichtag einsendeschluss")
_OURS = _folded("wir uns unser unsere we us our ich i my mein meine")


def last_question(question: str) -> str | None:
    """The last sentence of several when it is a question ("Hello, I work for a district
    office. Whats the deadline?" → "Whats the deadline?"); in one sentence, the last
    clause after a dash or comma ("hab nen alten link gefunden, kann man sich noch
    bewerben?", "Found this on an old website - is the call still open?"; not after who
    asks: "we are a district office, are we eligible?"); else None.
    The caller takes it only when the FAQ is sure of it."""
    parts = [p for p in _SENTENCE.split(question.strip()) if p.strip()]
    if not parts or not parts[-1].rstrip().endswith("?"):
        return None
    if len(parts) >= 2:
        return parts[-1].strip()
    clauses = _CLAUSE_BREAK.split(parts[-1].strip())
    if len(clauses) < 2 or len(tokens(clauses[-1])) < 3:
        return None
    if _EXAMPLE.match(clauses[-1].strip()):  # "…, z.B. vom Landratsamt?": an example of it
        return None
    # "hab die Frist verpasst weil krank, gehts trotzdem noch?": nothing of its own
    if all(is_stopword(tok) or tok in _ANYWAY_WORDS for tok in tokens(clauses[-1])):
        return None
    before = " ".join(clauses[:-1])
    # "we are …, are we …?" asks of who they are; "Our expert starts in October - what
    # exactly is the Buddy program?" asks a question of its own (a question word, and
    # nothing pointing back at them)
    # (not "Können wir mitbestimmen, welche Qualifikationen …?": one question, in two)
    last = tokens(clauses[-1])
    own = last[0] in QUESTION_WORDS and not _POINTING & set(last)
    # ("we are a district office, deadline is tomorrow yes?": of the deadline, not of them)
    own = own or bool(_DEADLINE_WORDS & set(last)) and not (_POINTING | _OURS) & set(last)
    own = own and question_kind(before) is None
    if _ABOUT_US.search(before) and not own or len(tokens(before)) < 3:  # "na, …?"
        return None
    # "Wann ist Bewerbungsschluss, und wer kann sich bewerben?": two questions
    asked_before = any(tok in QUESTION_WORDS for tok in tokens(before))
    if asked_before or tokens(clauses[-1])[0] in ("und", "and", "oder", "or", "sowie"):
        return None
    return clauses[-1].strip()


Rematch = Callable[[str], Entry | None]


# -- whether the programme still runs ---------------------------------------------------

_PROGRAM = _folded(
    """programm program programme programs projekt project projektphase integrationsmacher
    integrationsmacherinnen forderprogramm ganze whole"""
)
_MAKERS = _folded("lokalprojekte robert bosch stiftung rbs")
_RUNNING = _folded(
    """noch still lauft laufen lauft's running run runs ongoing aktiv active existiert
    existieren exists exist gibt gibts weiter continue continues going"""
)


_ALREADY = _folded("schon bereits inzwischen mittlerweile already yet")


def places(kb: KnowledgeBase) -> frozenset[str]:
    """The participants' places as `tokens` folds them ("Torgau", "Burgenlandkreis"):
    "läuft das Projekt in Torgau noch?" asks the programme's state too."""
    entry = kb.find("participants")
    names = entry.polar.get("yes", ()) if entry is not None else ()
    return frozenset(tok for name in names for tok in tokens(name))


# "wir sind in pforzheim, müssen wir …?", "we're from Torgau. when …?": who asks, said first
_OWN_PLACE = re.compile(
    r"^\W*(?:(?:hallo|hi|hey|moin|hello|guten (?:tag|morgen|abend)|good (?:morning|afternoon))"
    r"\W+)?(?:wir sind|wir kommen|ich bin|ich komme|we'?re|we are"
    r"|we come|i'?m|i am|ich arbeite|wir arbeiten|i work|we work)\s+"
    # "I'm the Pat:in in Pforzheim", "ich bin die patin in kalletal"
    r"(?:(?:the|die|der|a|an|eine|ein)\s+)?(?:(?P<role>pat:?in|patin|pate|mentor|expertin|experte"
    r"|expert)\s+)?"
    r"(?:aus|in|von|from|with|for|für|bei|at)\s+(?:der |dem |the )?"
    r"(?:stadt |gemeinde |hansestadt |city of |town of )?(?P<place>[\w-]+)"
    r"(?:\s+und\s+(?:wurden|sind)\s+\w+|\s+and\s+(?:we\s+)?(?:got|were|are)\s+\w+)?"
    r"(?:\s+(?:im|in der|in the)\s+[\w-]+)?"  # "… bei der Stadt Torgau im Integrationsbereich."
    r"\s*[,.;:!–-]+\s*(?=\S)",
    re.IGNORECASE,
)


# "kalletal hier.", "hier ist die Stadt Torgau:", "Pforzheim here –": who asks, said first
_PLACE_HERE = re.compile(
    r"^\W*(?:(?:hallo|hi|hey|moin)\W+)?(?:hier\s+(?:ist|spricht)\s+(?:die\s+|der\s+)?)?"
    r"(?:(?:stadt|gemeinde|hansestadt|landkreis|city\s+of|town\s+of)\s+)?(?P<place>[\w-]+)"
    r"(?:\s+(?:hier|here))?\s*[,.;:!–-]+\s*(?=\S)",
    re.IGNORECASE,
)


def own_place(question: str) -> tuple[str, str] | None:
    """A first clause that says where the asker is from ("wir sind in pforzheim, müssen
    wir die expertin selbst bezahlen?", "kalletal hier. wer sind die anderen?"): that
    place and the question after it, else None."""
    found = _OWN_PLACE.match(question)
    if found is None and (here := _PLACE_HERE.match(question)):
        said = here.group(0).lower()
        found = here if re.search(r"\b(?:hier|here)\b", said) else None
    if found is None:
        return None
    rest = question[found.end() :].strip()
    role = found.groupdict().get("role")
    if role and _FIRST_PERSON & set(tokens(rest)):  # "… Was genau ist meine Rolle?": as her
        rest = f"{rest} ({role})"
    return (found.group("place"), rest) if len(tokens(rest)) >= 2 else None


_FIRST_PERSON = _folded("ich mich mir mein meine meiner meinen i me my")


def asks_program_state(question: str, named: frozenset[str] = frozenset()) -> bool | None:
    """ "läuft das Programm noch?" (False), "is the programme over?" (True): whether
    the question asks if the programme is over; None for any other question. `named`:
    words that may name a project too (the participants' places)."""
    toks = tokens(question)
    words = set(toks)
    # "is Lokalprojekte still running this?": the programme by who runs it (not "gibt es
    # Lokalprojekte noch?": the "es" of "gibt es" is no programme)
    them = {"this", "it", "das", "es"} - ({"es"} if " gibt es " in f" {' '.join(toks)} " else set())
    program = words & _PROGRAM or words & _MAKERS and words & them
    if not (0 < len(toks) <= MAX_WORDS and program and words & (_RUNNING | OVER)):
        return None
    if words & (_ASKING - {"was"}) or not all(
        t in _WORDS | _PROGRAM | _RUNNING | _MAKERS | named or is_stopword(t) for t in toks
    ):
        return None
    return bool(words & OVER - {"yet"}) and not words & (_RUNNING - {"noch", "still"})


def program_state(
    question: str, kb: KnowledgeBase, edition: EditionData | None, today: date
) -> FollowUp | None:
    """The programme's duration with Ja/Nein before it, from its last day (the closing
    event), for a question whether it is still running (`asks_program_state`); before
    the kick-off "läuft es schon?" is a no."""
    asks_over = asks_program_state(question, places(kb))
    if asks_over is None:
        return None
    entry = kb.find("duration")
    entry = entry or kb.at_milestone("closing_event")
    m = edition.milestone(entry.milestone) if edition and entry and entry.milestone else None
    if entry is None or m is None:
        return None
    over = today > last_day(m)
    start = edition.milestone("kickoff") if edition else None
    if start is not None and today < start.day and _ALREADY & set(tokens(question)):
        return FollowUp(entry, "", "faq_no")  # "läuft es schon?" before the kick-off: not yet
    return FollowUp(entry, "", "faq_yes" if over == asks_over else "faq_no")
