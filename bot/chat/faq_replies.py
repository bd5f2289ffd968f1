"""Turn FAQ matches into replies, and record what the bot could not answer.

Answers come only from the knowledge base, in the form of the question: "Ja"/"Nein"
first for yes/no questions the call decides, "the call does not say" where it is
silent. An unconfident match never shows its guess as an answer: when some entries
are close it asks back ("Meinen Sie … oder …?") with them as buttons; when nothing is
close it says so and names the contacts; a question clearly about something else
(the weather, a poem) gets one line saying what the bot answers. Small talk gets a short reply and the help,
and is not recorded as an unanswered question.

Answers are rendered for the moment they are read: their dates come from the active
edition (`{deadline}`), their tense from whether that milestone is past, and the
state of the call ({call_status}, {next_call}) from the edition and today.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from bot.chat.faq_again import asks_meaning, sentence_asked
from bot.chat.faq_follow import (
    POINTERS,
    FollowUp,
    among,
    asks_over,
    asks_program_state,
    bare,
    bare_how,
    days_of_it,
    hand_in,
    last_question,
    places,
    points_at,
    points_back,
    program_state,
    read_follow_up,
    refers_back,
    step_over,
    time_left,
    to_whom,
)
from bot.handoff import OfficeHours, parse_office_hours
from bot.messages import Button, Outbound
from bot.texts import fmt_when, relative_days, t
from faq.figures import (
    MONTH_NAMES,
    WEEKDAY_INDEX,
    WEEKDAY_NAMES,
    confirms,
    days_named,
    figures,
    judge_terms,
    numbers,
    terms,
)
from faq.form import (
    DOUBTING,
    QUESTION_WORDS,
    about_applying,
    about_the_application,
    after_the_program,
    as_list,
    asks_a_task,
    asks_about_data,
    asks_again,
    asks_as_a_person,
    asks_benefit,
    asks_by_when,
    asks_call_language,
    asks_choice_late,
    asks_earlier_editions,
    asks_exact_day,
    asks_extension,
    asks_for_form,
    asks_for_link,
    asks_hours,
    asks_how_it_goes,
    asks_how_much_funding,
    asks_how_to_apply,
    asks_internal_contact,
    asks_its_date,
    asks_language,
    asks_late_handling,
    asks_news,
    asks_other_programs,
    asks_other_than_the_date,
    asks_outcome,
    asks_overlap,
    asks_per_region,
    asks_program_length,
    asks_project_when,
    asks_region_only,
    asks_selection,
    asks_size,
    asks_someone_from_administration,
    asks_source,
    asks_state,
    asks_the_clock,
    asks_the_end,
    asks_to_apply,
    asks_to_become_expert,
    asks_to_move,
    asks_town_size,
    asks_what_about,
    asks_what_if,
    asks_what_is_funded,
    asks_when_told,
    asks_where_to_apply,
    asks_which_bare,
    asks_which_ones,
    asks_who_attends,
    asks_who_employs,
    asks_who_pays_the_expert,
    asks_who_selects,
    asks_who_shortlisted,
    asks_who_the_makers_are,
    asks_who_took_part,
    asks_whom_to_ask,
    asks_whose_name,
    bare_follow_up,
    bare_what_if,
    behind_on,
    choice,
    counts_applicants,
    counts_chosen,
    counts_experts,
    counts_own_staff,
    counts_positions,
    deadline_verdict,
    drops_out,
    echoes_a_number,
    employed_how_long,
    goes_on,
    missed_it,
    named_place,
    names_clock_time,
    names_deadline,
    names_tonight,
    negation,
    no_profiles_yet,
    open_choice,
    paid_to,
    polarity,
    proposes_own_expert,
    question_kind,
    receives_profiles,
    silent_kind,
    state_asked,
    writes_the_profile,
)
from faq.kb import LANGS, Entry, KnowledgeBase
from faq.matcher import Match, Matcher
from faq.normalize import fold, is_stopword, stem, tokens
from faq.semantic import about_call_texts
from faq.smalltalk import small_talk
from jobs.editions import EditionData, default_edition
from jobs.program import (
    CallState,
    answer_text,
    call_closed,
    call_state,
    local_today,
    long_day,
    not_known_yet,
    placeholders,
    render,
)

__all__ = [
    "FAQ_PREFIX",
    "HANDOFF_PREFIX",
    "NEXT_CALL_DATA",
    "FaqMemory",
    "FaqReplies",
    "UnansweredLog",
    "is_short",
]

log = logging.getLogger(__name__)

FAQ_PREFIX = "faq:"
GROUP = "group"  # faq:<lang>:group<N>: the topics of the N-th group
SUGGESTION_FLOOR = 0.25  # candidates below this score are not worth offering
MAX_SUGGESTIONS = 3

SHORT_WORDS = 2  # a message this short tells too little about its language


def _about_the_call(entry: Entry) -> bool:
    """Whether the entry's answer is the state of the call ({call_status}, {next_call})."""
    return bool(placeholders(entry.answer["de"]) & {"call_status", "next_call"})


def is_short(text: str) -> bool:
    """One or two words ("Bewerbungsfrist?", "Ja?", "help me")."""
    return len(tokens(text)) <= SHORT_WORDS


# records a question; for an unanswered one it may return the reference ("id:key") that
# the "Ask the team" button carries
UnansweredLog = Callable[[Match, datetime], str | None]
HANDOFF_PREFIX = "team:ask:"
MATCHES_REMEMBERED = 2048  # per knowledge base: in a deadline week many ask the very same


# Answers about dates of the call offer the timeline reminders as a button.
DATED_ENTRIES = frozenset(
    {
        "deadline",
        "timeline",
        "pre_talks",
        "feedback",
        "sketch_phase",
        "final_sketch_talk",
        "expert_profiles",
        "expert_choice",
        "kickoff",
        "closing_event",
        "duration",
    }
)
# what a "wie viel bekommt …?" asks about, by who receives it: the expert's pay, what a
# municipality gets; asked to one of the money entries, that entry answers instead
PAID_ENTRIES = {"expert": "salary", "municipality": "funding"}
MONEY_ENTRIES = frozenset({"salary", "funding", "project_budget", "number_of_projects"})
# what the expert does, where they come from: "was bekommt die Expertin?" is her pay
EXPERT_ENTRIES = frozenset({"expert_role", "expert_background", "core_team"})
# the answers about the expert or the Pat:in ("wie viele Stunden arbeitet sie?" after them)
_PEOPLE_ENTRIES = EXPERT_ENTRIES | {"employment", "salary", "expert_choice", "expert_profiles"}
_TASKS = ("aufgab", "task", "rolle", "role", "tut", "tun", "macht", "does", "do ", "arbeit")
ELIGIBILITY = "eligibility"  # "kann ich mich bewerben?" while the call is open
CONTACT = "contact"
SALARY = "salary"
EXPERT_CHOICE = "expert_choice"
EXPERT_BACKGROUND = "expert_background"
PARTICIPANTS = "participants"
NUMBER_OF_PROJECTS = "number_of_projects"
SUMMARY = "summary"
EVALUATION = "evaluation"
CORE_TEAM = "core_team"
EMPLOYMENT = "employment"
FINAL_SKETCH_TALK, EXPERT_PROFILES = "final_sketch_talk", "expert_profiles"
FUNDER, FUNDING = "funder", "funding"
_ROLE_ENTRIES = frozenset({FUNDER, FUNDING, "lokalprojekte"})

# a person's own standing, which the bot cannot know: "sind wir in der engeren Auswahl?",
# "wurden wir ausgewählt?", "are we shortlisted?" (the feedback's step); "ist unsere
# Bewerbung angekommen?" (the contacts)
_OURS = frozenset("wir uns unsere unser unserer ich mich mein meine we us our i me my".split())
_CHOSEN = (
    "ausgewahlt", "auswahl", "genommen", "angenommen", "zusage", "absage", "abgelehnt",
    "gewonnen", "shortlist", "selected", "accepted", "chosen", "rejected",
)  # fmt: skip
_COUNTING = frozenset("number anzahl viele wieviele many zahl".split())
# the end of the program and what the call names after it
_THE_END = frozenset({"closing_event", "evaluation", "duration", "next_call", "timeline"})
_CHOOSING = ("expert", "fachkraft", "kandidat", "candidate", "profil", "profile", "bewerber",
             "auswahlen", "aussuchen", "entscheiden")  # fmt: skip  # "bis wann müssen wir auswählen"
_ARRIVED = ("angekommen", "eingegangen", "erhalten", "bekommen", "receiv", "arrived", "got")
_ASKING_WHAT = frozenset("was wann wie wo warum wer what when how where why who".split())
_MODAL = frozenset("kann konnen konnt darf durfen can could may might".split())


def own_status(question: str) -> str | None:
    """'feedback' for a yes/no question about one's own selection, 'contact' for one
    about one's own application arriving, else None (not "können wir ausgewählt
    werden?", which asks who may apply, nor "wie wird ausgewählt?")."""
    toks = tokens(question)
    if _OURS & set(toks) and _NOT_HEARD.search(" ".join(toks)):
        return "feedback"  # "wir haben uns beworben aber noch nix gehört, ist das normal?"
    if no_profiles_yet(question):  # "(wir) haben noch keine Profile bekommen, normal?"
        return "expert_profiles"
    kind = question_kind(question)
    if kind != "yes_no" and not (kind is None and question.rstrip().endswith("?")):
        return None  # "wurden wir ausgewählt?" has no kind of its own
    if not _OURS & set(toks) or _MODAL & set(toks) or {"oder", "or"} & set(toks):
        return None  # "bekommen wir eine Zusage oder Absage?" asks how it goes on
    if _ASKING_WHAT & set(toks):  # "wann wissen wir, ob wir ausgewählt sind?": the step
        return None
    # "wir haben noch keinen Experten ausgewählt": a choice of one's own, not one's status
    chooses = any(tok.startswith(_CHOOSING) for tok in toks)
    if any(tok.startswith(_CHOSEN) for tok in toks) and not chooses:
        return "feedback"
    mentions_application = any(
        tok.startswith(("bewerbung", "antrag", "application")) for tok in toks
    )
    if mentions_application and any(tok.startswith(_ARRIVED) for tok in toks):
        return CONTACT
    return None


# nothing heard back about one's application
_NOT_HEARD = re.compile(
    r"\b(?:noch )?(?:nix|nichts|kein wort) (?:mehr )?(?:gehort|gehoert|bekommen)\b"
    r"|\bkeine (?:ruckmeldung|antwort|nachricht) (?:bekommen|erhalten|gekriegt)\b"
    r"|\b(?:have not|haven t|havent|did not|didn t|not) (?:yet )?(?:heard|been contacted|got a reply)"
    r"|\b(?:were|was) not contacted\b|\bweren t contacted\b|\bno news\b"
    r"|\bnicht kontaktiert\b|\bnicht (?:angerufen|gemeldet)\b"
)
_FUNDS = (
    " forder", " geldgeber", " finanzier", " fund", " sponsor", " zahlt", " bezahlt",
    " pays ", " paying", " finance", " financ", " geld ",
)  # fmt: skip
_RUNS = (
    " durchfuhr", " fuhrt", " trager", " organisier", " veranstalt", " leitet", " betreut",
    " runs ", " run ", " running", " organis", " organiz", " operat", " manag", " host",
)  # fmt: skip
_ROLE = (
    " rolle", " role", " aufgabe", " task", " macht", " tut", " does ", " do ", " what is ",
    " was ist ",
)  # fmt: skip
_FOR = frozenset("fur for".split())
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")  # "wer war 2021 dabei"
_STILL_WORDS = frozenset("still noch anymore weiterhin".split())  # ("nach wie vor": "vor")
# funding a program ("wer hat das finanziert?", "who funded it?") and what is funded
_FUNDING_WORDS = (
    "fund", "finanz", "geford", "ford", "zahl", "bezahl", "pay", "paid", "sponsor", "program",
    "projekt", "project", "dann", "then", "eigentlich", "actually", "damals",
)  # fmt: skip
_AGAIN = frozenset(
    "nochmal nochmals wieder again next nachste nachsten neue neuen new kommt coming kunftig".split()
)
# "und bis wann?", "und wo?": a question word asks something new, no kind of applicant
_ASKING_WORDS = QUESTION_WORDS | {"bis", "until"}
ABOUT_CALL_SIMILARITY = 0.55  # an unknown-words question this close to one about the call
# a follow-up this close to a written everyday question ("wie wird das wetter morgen?")
# is off topic even right after an answer ("muss man das zurückzahlen?" is at 0.38)
EVERYDAY_SIMILARITY = 0.55
_YES_NO_WORDS = frozenset(
    """gibt gibts es there is are any do does we wir uns us ich i man muss mussen must have
    has to need right richtig correct korrekt stimmt stimmts oder gell ne true""".split()
)
# what a yes/no question asks of a cost or a rule ("werden Reisekosten erstattet?")
_ASKED_OF = (
    "kosten", "cost", "ausgab", "expens",
    "erstatt", "ubernomm", "ubernehm", "bezahl", "gezahlt", "finanzier", "gefordert", "notig",
    "notwendig", "erforder", "vorgesehen", "verpflicht", "reimburs", "covered", "paid", "fund",
    "requir", "need", "necessar", "mandator", "oblig", "expected", "leist", "erbring",
    "aufbring", "provid", "contribut", "brauch", "zugelassen", "zulassig", "erlaubt", "allowed",
    "eligib", "berechtigt",
    # a use asked of the money or a role ("das Budget für Laptops nutzen", "mitarbeiten")
    "nutz", "verwend", "einsetz", "ausgeb", "use", "spend", "mitarbeit",
    # what is asked to be part of it ("incl. employer contributions?", "inklusive …?")
    "inkl", "incl", "includ", "inklusiv", "einschlie", "enthalt", "contain",
)  # fmt: skip
# a day or a contact asked of the hours just given ("und morgen früh?", "what about
# tomorrow morning?", "und frau bock?", "is die freitags da?")
_NEAR_DAYS = frozenset("heute morgen ubermorgen today tomorrow tonight".split())
_HOURS_AGAIN = frozenset(
    """und and ok okay what about how wie was ist is mit with auch also dann then die der
    frau herr ms mrs mr dr fruh fruh morning vormittag vormittags nachmittag nachmittags
    afternoon abend evening am on da there im in the jemand someone anyone
    geht klappt das es works work does that it moglich possible ab wann when from um at
    uhrzeit time sie er she he they""".split()
)  # "heute ist sonntag, geht das?": reaching them that day; "und ist sie dienstags da?"
# "und die andere?", "and the other one?" after one contact's hours
_THE_OTHER = frozenset(
    "und and die der the andere anderen other one what about was ist is mit with frau ms".split()
)
_FROM_A_PLACE = frozenset("aus from in im outside ausserhalb".split())
# what comes of a step, asked right after it ("was kommt da raus?"): what the call says
_YIELDS = {
    "final_sketch_talk": "final_sketch_talk", "pre_talks": "feedback",
    "sketch_phase": "final_sketch_talk",
}  # fmt: skip
# someone from somewhere ("jemand aus ner ngo", "someone from a company")
_SOMEONE_FROM = re.compile(
    r"\b(?:jemand\w*|someone|somebody|anyone|person|leute|people|er|sie|he|she)\b"
    r"(?: \w+){0,3} (?:aus|from|von)\b"
)
# "und die anderen?", "and the other ones?" right after one of the five: the rest
_OTHERS = frozenset("andere anderen other others ubrigen restlichen rest".split())
_EVENTS = frozenset({"kickoff", "intro_days", "closing_event"})  # the program's events
_OF_THEM_WORDS = frozenset("was what sind are is ist gibt there mit".split())
_WHO_WHICH = frozenset("wer who welche welcher which".split())
_FIVE_WORDS = ("teilnehm", "particip", "stadt", "stadte", "kommun", "town", "cit", "projekt",
               "project", "gemeind", "municipal", "kreis")  # fmt: skip
_THE_OTHERS = (
    _THE_OTHER
    | _OTHERS
    | frozenset("vier four ones projekte projects teilnehmer participants machen do doing".split())
)
_NOW = frozenset("now jetzt gerade grad right today heute noch still".split())
# "und ihre nummer?", "and her email?" right after one contact's hours
_DETAIL_WORDS = frozenset(
    "nummer telefonnummer handynummer number phone telefon handy mail email adresse address".split()
)
_HER = frozenset("ihre ihr seine sein her his deren their".split())
_DETAIL_FILLER = frozenset(
    "und and what whats s is ist wie lautet die the e noch also auch".split()
)
# "when is she back?", "wann ist sie wieder da?" right after one contact's hours
_BACK = frozenset("back wieder zuruck return returns available erreichbar reachable".split())
_SHE = frozenset("sie er she he they".split())
_BACK_AGAIN = (
    _BACK
    | _SHE
    | frozenset(
        """when wann is ist sind are will wird be sein da there again in office im buro und and ok
    then dann denn so""".split()
    )
)
# what comes next, asked of a step ("was passiert nach der Bewerbung?")
_SEQUENCE = frozenset("nach after danach afterwards weiter next dann then passiert happens".split())
# being among the participants ("ist X dabei?", "is X participating?"), not may one
# what a place asked of does ("was hat Kalletal gemacht", "what did Torgau build")
_DOING = (
    "mach", "gemacht", "entwickel", "gebaut", "bau", "projekt", "project", "did", "do", "made",
    "built", "build", "develop", "work", "arbeit", "idee", "idea", "thema", "topic", "app",
    "und", "and", "denn", "genau", "exactly", "nochmal", "again", "eigentlich",
)  # fmt: skip


# "we're in Torgau, we got selected. what's our project again?": being one of them
_ONE_OF_THEM = frozenset(
    """selected chosen picked accepted got ausgewahlt gewahlt genommen wurden called heisst
    hiess named name""".split()
)


def _is_doing(word: str) -> bool:
    return word.startswith(_DOING)


_TAKING_PART = ("dabei", "teilnehm", "teilgenomm", "mitmach", "participat", "beteilig", "among")
_ONE_OF_THE_FIVE = (
    "take part", "taking part", "takes part", "one of them", "one of the five", "one of those",
    "one of the participants", "einer davon", "eine davon", "einer der funf", "eine der funf",
)  # fmt: skip
# a Land that is one city, none of the five ("ist Hamburg dabei?": Nein)
_CITY_STATES = frozenset(("hamburg", "bremen", "berlin"))
_MAY = frozenset(
    "kann konnen konnte konnten darf durfen wir ich uns can could may might we i us".split()
)
_MUST_BE = frozenset("muss mussen musst must soll sollen sollte should".split())
BERLIN = "Europe/Berlin"
# a question about when someone can be reached ("wann ist Frau Bock erreichbar?")
_AVAILABILITY = (
    "erreich", "anruf", "telefon", "sprechzeit", "sprechstund", "zu sprechen", "available",
    "reachable", "reach", "call", "phone", "ring", "office hours",
)  # fmt: skip
_TITLES = frozenset("dr frau herr ms mrs mr prof".split())


_CALLING = ("call", "phone", "ring")  # "the call" is the call for applications too
# a contact's details asked for: "telefonnummer", "handynummer", "email", "adresse"
_DETAILS = ("nummer", "number", "handy", "mobil", "mail", "adress", "kontaktdat", "durchwahl")


_HOW_TO_REACH = re.compile(
    r"(?i)\b(?:wie|how)\b.*\b(?:erreich\w*|kontaktier\w*|reach|contact|get in touch)\b"
)


def asks_details(question: str) -> bool:
    """Whether a question asks for a number, an e-mail or an address ("telefonnummer
    charlotte", "charlotte email", "what is christine's number"); one that names it
    already asks whether it is right ("ist die adresse charlotte.bock@…?")."""
    if "@" in question or re.search(r"\d{4}", question):
        return False
    if _HOW_TO_REACH.search(question):  # "wie erreiche ich Frau Bock?": by which way
        return True
    return any(
        tok.startswith(_DETAILS) or tok.endswith(("nummer", "mail")) for tok in tokens(question)
    )


def _asks_availability(question: str, *, calling: bool = True) -> bool:
    """ "erreichbar", "anrufen", "available"; `calling`: "call", "phone" count too (they
    say it of a person named, not of a day alone: "is the call open on monday")."""
    text = f" {' '.join(tokens(question))} "
    return any(f" {w}" in text for w in _AVAILABILITY if calling or w not in _CALLING)


def _named(toks: list[str], name: str) -> bool:
    """Whether the question names this person ("frau bock", "charlotte", "prokop",
    "christines")."""
    parts = [p for p in tokens(name) if p not in _TITLES and len(p) >= 4]
    return any(
        len(tok) >= 4 and any(p == tok or p.startswith(tok) or f"{p}s" == tok for p in parts)
        for tok in toks
        if tok not in _TITLES
    )


# a person's being there, besides "erreichbar", "anrufen": "ist sie da?", "around"
_PRESENT = frozenset("da there around available erreichbar".split())
# a time of day a question names: "ab 9", "um 9:30", "bis 17 Uhr", "at 9am", "after 4pm"
_ASKED_TIME = re.compile(
    r"\b(ab|um|gegen|bis|vor|nach|at|from|after|before|until|till|by)?\s*"
    r"(\d{1,2})(?:[:.](\d{2}))?\s*(uhr|h|am|pm)?\b(?![.,]\d)"
)


def _at_hours(question: str, span) -> bool:
    """Whether a time of day the question names ("ab 9", "bis 17 Uhr", "at 3pm") fits
    the office hours `span` (start, end); True when it names none."""
    for m in _ASKED_TIME.finditer(question.lower()):
        word, hour, minute, unit = m.groups()
        if not (word or unit):  # a bare number: a day or a count, not a time of day
            continue
        hour = int(hour) + (12 if unit == "pm" and int(hour) < 12 else 0)
        if hour > 24 or (minute and int(minute) > 59):
            continue
        asked = time(hour % 24, int(minute or 0))
        start, end = span
        if word in ("bis", "until", "till", "by", "vor", "before"):
            if asked > end or asked <= start:
                return False
        elif word in ("ab", "from", "nach", "after"):
            if asked < start or asked >= end:
                return False
        elif not start <= asked < end:
            return False
    return True


def _has_any(text: str, words: tuple[str, ...]) -> bool:
    return any(w in text for w in words)


def _lone_no(close: list[Entry], question: str) -> Entry | None:
    """The one close entry whose terms settle a yes/no question (not a choice), when it
    answers "Nein" and no other close entry settles it. Who asks is not what is asked of
    ("can we apply": "we" is the salary's term for the municipality paying)."""
    if choice(question):
        return None
    asked = _ASKER.sub("", question)
    settled = [(e, verdict) for e in close if (verdict := polarity(e, asked)) is not None]
    if len(settled) > 1:
        # "ist der buddy ein mitarbeiter der robert bosch stiftung?": the one whose topic
        # the question names (the buddy), not the funder its object names
        named = [(e, v) for e, v in settled if _topic_named(e, question)]
        settled = named if len(named) == 1 else settled
    if len(settled) != 1 or settled[0][1] != "no":
        return None
    return settled[0][0]


def _barred(entry: Entry, question: str) -> bool:
    """ "Können wir uns ohne digitales Projekt bewerben?", "can a university apply?": the
    lone "Nein" (`_lone_no`) to a question about applying (the call names who and what
    may apply); entries with a date are the timeline's ("nach dem 3. Mai bewerben?")."""
    if not any(tok.startswith(_TAKE_PART) for tok in tokens(question)):
        return False
    if _APPLY_FOR.search(question):  # "apply for EU funding": asking for money elsewhere
        return False
    return entry.milestone is None


def _topic_named(entry: Entry, question: str) -> bool:
    """Whether the question names a word of the entry's German topic ("der buddy":
    "Buddy-Programm und Jour Fixes")."""
    toks = {stem(tok) for tok in tokens(question) if len(tok) > 3}
    topic = tokens(entry.topic["de"].replace("-", " "))
    return bool(toks & {stem(w) for w in topic if len(w) > 3})


def _by_phrase(entry: Entry, close: list[Entry], match: Match, question: str) -> bool:
    """ "kommt die expertin aus der verwaltung?": the lone "Nein" (`_lone_no`) is the
    best guess, the first of the close entries, and a phrase of its no terms is in the
    question ("aus der Verwaltung"). Never a "Ja": a name ("Does Robert Bosch make
    washing machines?") is a yes term of the funder."""
    if entry is not close[0] or question_kind(question) != "yes_no":
        return False
    if match.best is not entry and not _topic_named(entry, question):
        return False
    text = f" {' '.join(tokens(_ASKER.sub('', question)))} "
    phrases = [tokens(term) for term in entry.polar.get("no", ())]
    return any(len(p) > 1 and f" {' '.join(p)} " in text for p in phrases)


def _asked_words(toks: list[str]) -> list[str]:
    """The words a yes/no question asks about, besides asking ("gibt es", "werden …
    erstattet", "zugelassen"), pointing back ("dafür") and numbers (a figure is judged
    against the answer's own: "Gemeinden unter 5000 Einwohnern?")."""
    return [
        tok
        for tok in toks
        if not (
            is_stopword(tok)
            or tok.isdigit()
            or numbers(tok)  # "zwei Gemeinden": a number in words too
            or tok in _YES_NO_WORDS | POINTERS
            or tok.startswith(_ASKED_OF)
        )
    ]


# words the stemmer cuts shorter than their plural's stem ("expert" -> "exper", "experts"
# -> "expert"): read as the plural
_STEMMED_SHORT = {"expert": "expert"}


def _only_terms(
    content: list[str],
    toks: list[str],
    entry: Entry,
    *,
    keywords: bool = False,
    topic: bool = False,
) -> bool:
    """Whether each word of `content` is (part of) one of the entry's `polar` terms, or
    with `keywords` one of its keywords or topic words (with `topic` its topic's)."""
    text = f" {' '.join(toks)} "
    words = [term for side in entry.polar.values() for term in side]
    if keywords:
        words += [w for lang in LANGS for w in (*entry.keywords[lang], entry.topic[lang])]
    elif topic:
        words += [entry.topic[lang] for lang in LANGS]
    covered, stems = set(), set()
    for word in words:
        parts = tokens(word)
        if len(parts) > 1 and f" {' '.join(parts)} " in text:
            covered.update(parts)
        stems.update(stem(p) for p in parts)
    return all(
        tok in covered
        or stem(tok) in stems
        or any(len(s) >= 4 and stem(tok).startswith(s) for s in stems)
        or tok in _STEMMED_SHORT
        and _STEMMED_SHORT[tok] in stems  # "expert" is "exper"
        for tok in content
    )


# a cost of the town's own asked for (the call names none)
_COSTS_US = re.compile(
    r"\b(?:kostet (?:uns|es uns|das uns)|kosten fur uns|was zahlen wir|(?:mussen|muss) (?:wir|man)"
    r" (?:was|etwas|selbst|selber) (?:dazu)?(?:zahlen|bezahlen)|dazuzahlen|eigenanteil"
    r"|eigenbeteiligung|kofinanzierung|costs? us|do we (?:have to )?pay|co financ)"
)
_PAYING = ("bezahl", "zahl", "pay", "paid", "gehalt", "salary", "verdien", "vergut", "lohn")
_SIZE_WORDS = (
    "einwohner", "population", "inhabitant", "mindestgr", "minimum", "residents", "gross",
    "big", "large", "klein", "small",
)  # fmt: skip
_UNITS = ("monat", "month", "jahr", "year", "woche", "week", "tag", "day", "euro", "eur")


def _projects(entry: Entry, lang: str) -> list[str]:
    """The participants' lines ("Stadt Torgau – „Webwegweiser Integration“", …)."""
    return entry.answer[lang].split(": ", 1)[-1].rstrip(".").split("; ")


def _project_line(entry: Entry, toks: list[str], lang: str) -> str | None:
    """The participants' line of the one project the words name, by its place or a word
    of its title no other line has ("Torgau", "Webwegweiser")."""
    items = _projects(entry, lang)
    words = [set(tokens(item)) for item in items]
    own = [{w for w in ws if len(w) >= 4 and sum(w in o for o in words) == 1} for ws in words]
    named = [i for i, ws in enumerate(own) if ws & set(toks)]
    return f"{items[named[0]]}." if len(named) == 1 else None


# a kind of place asked of among the five ("gab es auch einen Landkreis?"), by the
# word its line names it with ("Burgenlandkreis", "Gemeinde Kalletal")
_KINDS = {
    "landkreis": "kreis", "kreis": "kreis", "district": "district", "county": "district",
    "gemeinde": "gemeinde", "municipality": "municipality", "stadt": "stadt",
    "city": "city", "hansestadt": "hansestadt", "landkreise": "kreis", "districts": "district",
    "counties": "district", "gemeinden": "gemeinde", "municipalities": "municipality",
    "stadte": "stadt", "cities": "city",
}  # fmt: skip
_AMONG = frozenset(
    "gab gibt war waren dabei there among were was did any which welche welcher welches".split()
)  # "which one is a district?"


def _of_a_kind(entry: Entry, toks: list[str], lang: str) -> list[str]:
    """The participants' lines of the kind of place the words ask of ("gab es auch
    einen Landkreis?": the Burgenlandkreis), none if they ask of no kind."""
    kinds = {_KINDS[tok] for tok in toks if tok in _KINDS}
    going_on = 0 < len(toks) <= 3 and toks[0] in ("und", "and")  # "und eine gemeinde?"
    if len(kinds) != 1 or not (_AMONG & set(toks) or going_on):
        return []
    kind = kinds.pop()
    return [item for item in _projects(entry, lang) if any(kind in w for w in tokens(item))]


def _figure_agreed(options, question: str, content: list[str], toks: list[str]) -> bool:
    """A yes/no question naming a length or an amount ("arbeitet der experte 6 monate?")
    that the first option's answer names, and that no other option's answer names
    otherwise, asked in nothing but the options' words: that first option's "Ja"."""
    asked = {k: v for k, v in figures(question).items() if k in ("months", "euro")}
    if not asked:
        return False
    for i, option in enumerate(options):
        told = figures(option.answer["de"])
        for kind, values in asked.items():
            if (kind in told or i == 0) and not values <= told.get(kind, set()):
                return False
    return all(
        tok.startswith(_UNITS) or any(_only_terms([tok], toks, o, keywords=True) for o in options)
        for tok in content
    )


def _named_option(match: Match, question: str) -> Entry | None:
    """The best guess of a picker when the question names its topic and no other
    option's ("wann sollten die Vorgespräche gewesen sein": the talks, not the decision
    after them), else None."""
    toks = tokens(question)
    if _COUNTING & set(toks):  # "wie viele Expertinnen stehen zur Auswahl": a count asked
        return None
    asked = {stem(tok) for tok in toks if not is_stopword(tok) and len(tok) > 3}
    named = [
        option for option in match.options
        if asked & {stem(w) for lang in LANGS for w in tokens(option.topic[lang]) if len(w) > 3}
    ]  # fmt: skip
    best = match.options[0]
    return best if named == [best] and best is match.best else None


def _names_its_figure(options: Sequence[Entry], question: str) -> Entry | None:
    """The one option whose answer names a figure the question names ("how much is EG 11
    Stufe 2 in euros?": the pay, not the EUR 3,000), else None."""
    asked = {k: v for k, v in figures(question).items() if k in ("pay_group", "euro", "email")}
    if not asked:
        return None
    naming = [
        o for o in options
        if any(v & figures(o.answer["de"]).get(k, set()) for k, v in asked.items())
    ]  # fmt: skip
    return naming[0] if len(naming) == 1 else None


def _open_in(entry: Entry, toks: list[str]) -> bool:
    """Whether the question names a term the entry says the call leaves open."""
    text = f" {' '.join(toks)} "
    for term in entry.polar.get("open", ()):
        parts = tokens(term)
        if len(parts) > 1 and f" {' '.join(parts)} " in text:
            return True
        if len(parts) == 1 and any(
            tok == parts[0] or len(parts[0]) >= 4 and tok.startswith(parts[0]) for tok in toks
        ):
            return True
    return False


# what "wann startet / endet / lief das Projekt?" asks for
_PROJECT_DATES = {"start": "kickoff", "end": "closing_event", "span": "duration"}
# the program's course told, of which "und am ende?" asks the end
_THE_COURSE = frozenset(
    """intro_days kickoff accompanying_program duration learning_platform buddy_program
    employment timeline""".split()
)
_EXACT_WORDS = QUESTION_WORDS | {"genau", "exactly", "exakt", "precisely", "konkret", "denn"}


def _months(answer: str) -> set[str]:
    """The month names (any language, any spelling) of the months an answer names."""
    named = figures(answer).get("month", set())
    return {name for name in MONTH_NAMES if figures(f"im {name}").get("month", set()) & named}


def _unknown(matcher: Matcher, question: str) -> set[str]:
    """The question's terms that the knowledge base does not know (stemmed)."""
    return {term for term, known in matcher.coverage.terms(question) if not known}


def _clock(moment, lang: str) -> str:
    if lang == "en":
        return f"{moment:%H:%M}"
    return f"{moment.hour}" if moment.minute == 0 else f"{moment.hour}:{moment.minute:02d}"


SUBSCRIBE_DATA = "sub:on"
NEXT_CALL_DATA = "nextcall:on"
EditionSource = Callable[[], EditionData | None]
MatcherSource = Callable[[], Matcher]  # the active edition's matcher, read per question
# the active edition and its knowledge base's matcher, read together (one read a question)
ActiveSource = Callable[[], tuple[EditionData | None, Matcher]]
_UNREAD = object()  # entry_reply: the edition was not read yet
FOLLOW_UP = timedelta(minutes=30)  # a short question this soon after an answer may be about it
FOLLOW_UP_WORDS = 6
_FILLER = frozenset("und genau denn eigentlich dann also ok okay and exactly then so".split())
_VERDICTS = frozenset({"yes", "no", "partly"})
_SIZES = re.compile(r"(?i)\b(seite|zeichen|wörter|worte|umfang|page|word|character|length)")
_CLOCK_WORDS = ("mitternacht", "midnight", "noon", "pm", "uhr", "da", "sein", "ankommen", "eod",
                "end", "business", "close", "cob", "working", "dienstschluss", "feierabend")  # fmt: skip
_CHOICE_WORDS = ("oder", "or")
# "bis wie viel Uhr kann ich morgen noch einreichen?": the hour to hand in by, asked
# with handing in named ("um wie viel Uhr?" alone is a follow-up, or nothing)
_HOUR_WORDS = ("wie", "viel", "wieviel", "uhr", "uhrzeit", "what", "which", "time", "genau")
_HANDING = ("einreich", "abgeb", "abschick", "schick", "submit", "send", "bewerb", "apply",
            "hochlad", "upload")  # fmt: skip


def _hour_to_hand_in(question: str) -> bool:
    named = any(tok.startswith(_HANDING) for tok in tokens(question))
    return named and about_applying(question, _HOUR_WORDS)


_TO_APPLY = ("bewerb", "apply", "appli")  # "bis wann kann ich mich bewerben?": the deadline
_APPLY_FOR = re.compile(
    r"(?i)\b(?:apply|applying|bewerben)\s+(?:for|um)\b"
    r"(?=.*\b(?:eu|fund\w*|money|grants?|geld\w*|förder\w*|fördergeld\w*|mittel|zuschu\w*)\b)"
)
_ARTICLES = frozenset(
    "ein eine einer einen einem a an ne nem ner nen".split()
)  # ("aus nem verein")
_ASKER = re.compile(r"(?i)\b(?:wir|uns|ich|man|we|us|i)\b")
_TAKE_PART = (*_TO_APPLY, "mitmach", "teilnehm", "particip", "join")  # apply or take part
_LATE_WORDS = (
    "nachreich", "nachgereicht", "nachliefer", "nachschick", "supplement", "missing", "fehlend",
    "erganz", "passiert", "happen", "wenn", "if", "falls", "was", "what", "werd", "wird",
    "dont", "don", "not", "nicht", "time",
)  # fmt: skip
# the days of a month that "Anfang"/"Ende" of it leave open (a milestone's precision)
_PARTS = {"early_month": (1, 10), "end_month": (21, 31), "month": (1, 31)}


# "wir sind ein Jobcenter, dürfen wir?", "we are a job centre, can we?": a kind of
# applicant named ("wir sind ein …", "als …") and a short yes/no about being allowed
_WE_ARE = re.compile(
    r"\b(wir sind|we are|we re|ich bin|i am|i m|als|as)\s+"
    r"(ein|eine|einer|ne|nen|a|an|die|der|das|the)?\s*[a-zäöüß][\w-]+",
    re.IGNORECASE,
)
_MAY_WE = re.compile(  # at the end, with or without "?" ("… geht das" typed on a phone)
    r"\b(dürfen|duerfen|darf|können|koennen|kann|geht|gehts|geht das|passt|may|can|are we"
    r"|is that|eligible|allowed|ok|okay|antragsberechtigt|berechtigt|worth applying"
    r"|lohnt (?:sich )?(?:das|eine bewerbung)|lohnt sich das)\b(\s+(wir|ich|man|we|i|das|that|it|so))?"
    r"(\s+(uns|auch|mitmachen|teilnehmen|bewerben|apply|take part|join|too|also|dabei"
    r"|überhaupt|ueberhaupt|denn|eigentlich|even|at all))*"
    r"\s*(?:\?|$)",
    re.IGNORECASE,
)


def names_kind_and_asks_may(question: str) -> bool:
    """A short question that names what the asker is and asks whether they may take
    part ("wir sind ein Jobcenter, dürfen wir?", "als Landratsamt, geht das?")."""
    return len(question.split()) <= 16 and bool(
        _WE_ARE.search(question) and _MAY_WE.search(question)
    )


@dataclasses.dataclass
class FaqMemory:
    """What one chat was last told (kept in its chat state): the entry answered last
    and its gist, so that "bis wieviel Uhr?" or "ja?" right after it are read against it;
    when the last refusal came (a second one in a row names the contacts only by
    /kontakt); when the call's state was told (the welcome says a call is closed, so
    "kann ich mich noch bewerben?" then gets one short line, not the same paragraph)."""

    entry: str | None = None
    at: datetime | None = None
    gist: str = ""
    missed_at: datetime | None = None
    told_closed_at: datetime | None = None
    acked: bool = False  # the last message was an "ok" answered "Alles klar."
    offered: tuple[str, ...] = ()  # the entries "Meinen Sie …?" offered last (no answer since)
    silent_at: datetime | None = None  # when it was last said that the call does not say
    answers: int = 0  # how many answers were remembered (one more: this message answered)
    in_program: bool = False  # the chat spoke as one of the five ("unsere Expertin")
    place: str = ""  # which of the five, said by the chat ("kalletal hier. …")
    # the entry answered before a question that got no answer: "wie lange dauern die" after
    # the talks and "muss da der Bürgermeister dabei sein?" (not in the call) is the talks'
    before: str | None = None

    def recent(self, when: datetime | None, now: datetime) -> bool:
        return when is not None and timedelta(0) <= now - when <= FOLLOW_UP

    def remember(self, entry: Entry, reply: Outbound, now: datetime) -> None:
        self.entry, self.at, self.offered, self.before = entry.id, now, (), None
        self.answers += 1
        lines = reply.text.split("\n\n", 1)[0].splitlines()  # the answer, not its source
        first = lines[1] if len(lines) > 1 and lines[0].endswith(":") else lines[0]
        if len(lines) > 2 and re.match(r"\d+\. ", first):  # a list ("Ablauf"): all of it
            first = " ".join(lines)
        self.gist = first if len(first) <= 300 else first[:300].rsplit(" ", 1)[0] + " …"


@dataclasses.dataclass
class _Question:
    """One question on its way to a reply (`FaqReplies.ask`): as read and as written,
    what the matcher and the chat's memory say of it, and what the rules have settled
    so far: the entry, the lead before its answer ("faq_open": the call does not
    decide), the answer's own text, a note, a contact's hours."""

    text: str  # as read: respelled, a day it names filled in, a follow-up's meaning
    written: str  # as typed
    match: Match
    memory: FaqMemory
    now: datetime
    matcher: Matcher
    record: bool
    edition: object = _UNREAD  # EditionData | None once read (`FaqReplies._read`)
    last: Entry | None = None  # the entry answered a moment ago
    entry: Entry | None = None
    lead: str | None = None
    said: str | None = None
    note: str = ""
    hours: str | None = None
    not_the_date: bool = False  # close to the deadline, asking what its date does not say

    @property
    def kb(self) -> KnowledgeBase:
        return self.matcher.kb

    @property
    def lang(self) -> str:
        return self.match.lang


class FaqReplies:
    def __init__(
        self,
        matcher: Matcher | MatcherSource,
        unanswered_log: UnansweredLog | None = None,
        *,
        offer_reminders: bool = False,
        log_every_question: bool = False,
        edition: EditionSource | None = None,
        active: ActiveSource | None = None,
    ) -> None:
        # a matcher, or where to get the active edition's one (a new call's knowledge
        # base is picked up without a restart)
        self._matcher = matcher
        self.edition = edition or default_edition  # the active edition, read per answer
        self._log = unanswered_log
        self.offer_reminders = offer_reminders
        self.log_every_question = log_every_question  # the log then counts answered ones too
        self._matches: tuple[Matcher, Callable[[str, str], Match]] | None = None
        self._active = active  # a question reads edition and matcher at once

    def match(self, question: str, default_lang: str) -> Match:
        """The matcher's outcome, remembered for an identical question (and default
        language) while the knowledge base stays the same: a new matcher (another
        edition's knowledge base, changed team examples) starts with none. A Match is
        frozen and the matcher reads nothing but the question, so sharing it is safe."""
        return self._match_with(self.matcher, question, default_lang)

    def _match_with(self, matcher: Matcher, question: str, default_lang: str) -> Match:
        matches = self._matches
        if matches is None or matches[0] is not matcher:
            matches = self._matches = (matcher, lru_cache(MATCHES_REMEMBERED)(matcher.match))
        return matches[1](question, default_lang)

    @property
    def matcher(self) -> Matcher:
        return self._matcher if isinstance(self._matcher, Matcher) else self._matcher()

    @property
    def kb(self):
        return self.matcher.kb

    @staticmethod
    def is_small_talk(text: str) -> bool:
        """A greeting, thanks, "wer bist du", "hilfe" or a stray booking word ("ja", "1"):
        no question about the call, and nothing to record as unanswered."""
        return small_talk(text) is not None

    def language(self, text: str, default: str) -> str:
        """The language of a text by the knowledge base last read (no second read of the
        active edition per message: its vocabulary changes with a new edition only)."""
        matcher = self._matches[0] if self._matches is not None else self.matcher
        return matcher.coverage.language(text, default)

    @staticmethod
    def small_talk_reply(text: str, lang: str, help_text: str) -> Outbound:
        kind = small_talk(text) or "noise"
        plain = kind in ("thanks", "bye") or not help_text  # "" : the list was just shown
        # "was kannst du alles": the list says how to ask, once ("Gern!" before it)
        key = "smalltalk_help_short" if kind == "help" and not plain else f"smalltalk_{kind}"
        reply = t(key, lang)
        return Outbound(reply if plain else f"{reply}\n\n{help_text}")

    def ask(
        self,
        question: str,
        default_lang: str,
        now: datetime,
        *,
        handoff: Callable[[], bool] | None = None,
        keep_lang: str | None = None,
        memory: FaqMemory | None = None,
        record: bool = True,
    ) -> Outbound:
        """The answer; with `handoff` (is the team reachable?), a refusal or a question
        back offers "Ask the team". `keep_lang`: reply in it whatever the question's
        words suggest (a one- or two-word message from someone whose language is known).
        `memory`: what this chat was told last (read and updated). `record`: False for
        what an expert or buddy writes (no applicant's question: not logged).

        The question passes the stages below in turn; each may answer it at once or
        settle the entry (and its lead and text), and the later ones read what the
        earlier ones left open. The order is the rules' priority."""
        q = self._question(question, default_lang, now, keep_lang, memory, record)
        reply = self._from_the_chat(q)
        if reply is None:
            reply = self._outside_the_call(q)
        if reply is not None:
            return reply
        self._what_it_names(q)
        self._the_matchers_pick(q)
        self._what_its_form_asks(q)
        self._whose_hours(q)
        if q.entry is not None:
            return self._answered(q)
        return self._unanswered(q, handoff)

    def _question(
        self,
        question: str,
        default_lang: str,
        now: datetime,
        keep_lang: str | None,
        memory: FaqMemory | None,
        record: bool,
    ) -> _Question:
        """The question as read: matched against the active edition's knowledge base,
        in the language kept, its typos respelled and a day it names filled in."""
        edition, matcher = self._active() if self._active else (_UNREAD, self.matcher)
        question = state_asked(question) or question  # "frist verpasst, was nun": verpasst?
        match = self._match_with(matcher, question, default_lang)
        if keep_lang in LANGS and match.lang != keep_lang:
            match = dataclasses.replace(match, lang=keep_lang)
        log.info(
            "faq match faq_id=%s score=%.3f confident=%s lang=%s",
            match.best and match.best.id,
            match.score,
            match.confident,
            match.lang,
        )
        memory = memory if memory is not None else FaqMemory()
        # "kann man sich nohc bewerben", "hwo often": read as meant by what follows too
        written, question = question, matcher.coverage.respell(question)
        question = self._asked_day(question, memory, now, edition)
        kb = matcher.kb  # the knowledge base of the edition read above (no read again)
        last = kb.find(memory.entry) if memory.entry and memory.recent(memory.at, now) else None
        return _Question(question, written, match, memory, now, matcher, record, edition, last)

    def _logged(self, q: _Question, answered: bool) -> str | None:
        """The question in the log once its outcome is known: answered (also by a
        follow-up the matcher alone was unsure of) only counted, never its text;
        unanswered with its text (and the reference for "Ask the team")."""
        if not q.record or self._log is None or answered and not self.log_every_question:
            return None
        # unanswered: never counted as confident (a close match not taken, "welche
        # Unterlagen" near the deadline), so its text is kept for "Ask the team"
        said = dataclasses.replace(q.match, confident=answered)
        try:
            return self._log(said, q.now)
        except Exception:  # the answer matters more than the log entry
            log.exception("could not record the question")
            return None

    def _read(self, q: _Question) -> EditionData | None:
        """The active edition, read once per question and only when a rule needs it."""
        if q.edition is _UNREAD:
            q.edition = self.edition()
        return q.edition

    def _plain(self, q: _Question, entry: Entry) -> str:
        """The entry's answer as it stands in the call, for a lead of its own before it
        ("not decided", "no day named")."""
        return as_list(answer_text(entry, q.lang, self._read(q), q.now))

    def _from_the_chat(self, q: _Question) -> Outbound | None:
        """What the chat so far settles: a follow-up to the last answer ("und wann
        genau?", "und landkreise?"), "woher weißt du das", and handing in."""
        match, memory, now, kb, last = q.match, q.memory, q.now, q.kb, q.last
        if asks_earlier_editions(q.text):  # "has this program run before?": not "Yes." with
            memory.entry, memory.offered = None, ()  # the project phase (is it running)
            memory.missed_at = memory.silent_at = now
            self._logged(q, answered=False)
            return self.silent_reply(q.lang, "faq_earlier_years")
        about = kb.find(SUMMARY) if asks_what_about(q.text) else None  # "what was it about?"
        if about is None and last is not None and asks_source(q.text):
            # "echt? woher weißt du das": from the call, the answer just given
            answer = self._plain(q, last)
            reply = self.entry_reply(
                last, q.lang, now, edition=q.edition, lead="faq_from_the_call", said=answer
            )
            memory.remember(last, reply, now)
            self._logged(q, answered=True)
            return reply
        dated_last = last is not None and last.milestone not in (None, "deadline")
        if (behind := behind_on(q.text)) and (step := kb.find(behind)) is not None:
            # "wir haben unsere Skizze noch nicht fertig, ist das schlimm?": after its
            # days the call does not say what then; before them its days are the answer
            edition = self._read(q)
            m = edition.milestone(step.milestone) if edition and step.milestone else None
            q.entry = step
            if m is not None and local_today(edition, now) > (m.until or m.day):
                q.lead, q.said = "silent_then", self._plain(q, step)
                return None
        case = drops_out(q.text)  # "our expert candidate withdrew": not covered
        if case or dated_last and missed_it(q.text):  # "we missed it" right after a step
            q.entry = kb.find(case) if case else last
            if q.entry is not None:
                q.lead, q.said = "silent_then", self._plain(q, q.entry)
                return None
        follow = None if about else self._read_follow_up(q.text, match, memory, now, q.edition, kb)
        if follow and (other := self._taken_alone(follow, match, memory, now)):
            # "wie lang dauert das" after the deadline: the deadline again, or the
            # project's six months the question alone is sure of? Asked which (tryout7)
            memory.entry, memory.offered, memory.at = None, (follow.entry.id, other.id), now
            self._logged(q, answered=True)
            return self.clarify_reply(dataclasses.replace(match, options=(follow.entry, other)))
        if follow:
            q.entry, q.text, q.lead, q.said = (
                follow.entry,
                follow.question,
                follow.lead,
                follow.said,
            )
        elif about:
            q.entry = about
        elif also := self._and_also(q.text, memory, now, kb, q.lang, match.confident):
            q.entry, q.text = also  # "und landkreise?" after "Wer kann sich bewerben?"
        else:
            q.entry = self._follow_up(q.text, memory, now, q.edition)
        question = q.text
        if q.entry is None and q.lead is None and dated_last and asks_to_move(question):
            # "geht der Termin auch später?" right after the talks: not the deadline's
            # "Nein", but that the call does not say
            q.entry, q.lead, q.said = last, "faq_open", self._plain(q, last)
        place = named_place(question) if last is not None and "where" in last.silent_on else None
        if q.entry is None and place and len(tokens(question)) <= 3:
            # "in stuttgart?" right after the kick-off's date: where, which it does not say
            q.entry, q.lead, q.said = last, "silent_where", self._plain(q, last)
        counted = last is not None and last.id == NUMBER_OF_PROJECTS
        if q.entry is None and counted and asks_which_bare(question):
            q.entry = kb.find(PARTICIPANTS)  # "welche denn?" right after "fünf Projekte"
        if q.entry is None and dated_last and asks_its_date(question):
            q.entry = last  # "what was the deadline for that" right after the choice
        if q.entry is None and dated_last and asks_exact_day(question):
            # "und wann genau im Mai?" right after the talks: those, named by their month
            toks = tokens(question)
            rest = [w for w in _asked_words(toks) if w not in MONTH_NAMES | _EXACT_WORDS]
            told = _months(answer_text(last, q.lang, self._read(q), now))
            if not rest and {w for w in toks if w in MONTH_NAMES} <= told:
                q.entry = last
        if q.entry is None:  # "bis wann genau", "can we submit online": nothing but handing
            # in, whatever else is close; to a contact too ("can I email my application
            # to charlotte?": the call names no way of handing in, nor her for it)
            asked = self._without_contacts(question, kb)
            q.entry = self._handing_in(asked, memory, now, kb)
            if q.entry is not None:
                q.text = asked
        return None

    def _without_contacts(self, question: str, kb: KnowledgeBase) -> str:
        """The question without the contacts' names ("an frau bock", "to charlotte")."""
        names = {
            part
            for name, _, _ in self._contact_lines("de", kb)
            for part in tokens(name)
            if part not in _TITLES and len(part) >= 4
        }
        kept = [
            word
            for word in question.split()
            if not (toks := tokens(word))
            or not all(
                tok in _TITLES or tok in names or tok.removesuffix("s") in names for tok in toks
            )
        ]
        return " ".join(kept)

    def _outside_the_call(self, q: _Question) -> Outbound | None:
        """What the call says nothing of, whatever topic is close (a reply at once):
        two dates that overlap, the clock, data, hours, a task, other programs, the
        application's language, a link. And the project's own dates."""
        match, memory, now, question = q.match, q.memory, q.now, q.text
        dated = q.entry is None or self._dated(q.entry)
        if dated and asks_overlap(question):  # "überschneiden sich Skizze und Besprechung?"
            overlap = self._overlap(question, match, now, self._read(q))
            if overlap is not None:
                memory.entry, memory.offered = None, ()
                self._logged(q, answered=True)
                return overlap
        if q.entry is None and asks_the_clock(question):  # "wie spät ist es?": not the deadline's
            edition = self._read(q)
            tz = ZoneInfo(edition.timezone if edition else BERLIN)
            memory.entry, memory.offered = None, ()  # the last answer is the time now
            return Outbound(t("faq_clock", q.lang, when=fmt_when(now, q.lang, tz)))
        silent = None  # what the call says nothing of, whatever topic is close
        if q.entry is None and asks_about_data(question):  # "was passiert mit unseren daten"
            silent = "faq_no_privacy"
        # "Wie viel Zeit muss die Patin …?", "wie viele Stunden arbeitet sie?" right after
        # the expert's employment
        person = q.last is not None and q.last.id in _PEOPLE_ENTRIES
        if q.entry is None and asks_hours(question, of_a_person=person, alone=q.last is None):
            silent = silent or "faq_no_hours"  # (not the talks' 60–90 minutes)
        if silent:
            memory.entry, memory.offered = None, ()
            memory.missed_at = memory.silent_at = now  # (a part of several: said so)
            self._logged(q, answered=False)
            return self.silent_reply(q.lang, silent)
        pointed = q.last is not None and q.last.id in _PROJECT_DATES.values()
        sure = match.confident and not pointed  # the matcher's own answer stands
        # (but "we're one of the selected towns. when does our expert start?" is not
        # the expert's choice that "selected" drew: the project's start)
        chose = match.best is not None and match.best.id == EXPERT_CHOICE
        when = None if sure and not chose else asks_project_when(question, pointed=pointed)
        if q.entry is None and q.lead is None and when:
            # "wann startet das Projekt?": the kick-off; "und wann ist Schluss?" right after
            # it: the closing event (not the deadline the matcher reads in "Schluss")
            q.entry = q.kb.find(_PROJECT_DATES[when])
        course = q.last is not None and q.last.id in _THE_COURSE
        if q.entry is None and q.lead is None and course and asks_the_end(question):
            q.entry = q.kb.find(_PROJECT_DATES["end"])  # "und am ende?" after the intro days
        if q.entry is not None:
            return None
        edition = self._read(q) if _YEAR.search(question) else None
        if edition and any(int(y) < edition.starts_on.year for y in _YEAR.findall(question)):
            # "wer war 2021 dabei": a year before this call, of which it says nothing
            memory.entry, memory.offered = None, ()
            memory.missed_at = memory.silent_at = now
            self._logged(q, answered=False)
            return self.silent_reply(q.lang, "faq_earlier_years")
        later = edition and any(int(y) > edition.ends_on.year for y in _YEAR.findall(question))
        if later and about_applying(question, ("kann", "man", "konnen", "wir", "can", "we")):
            # "kann man sich 2027 bewerben?": a later call, which this one cannot tell
            q.entry = q.kb.find("next_call")
            return None
        if asks_a_task(question):  # "kannst du mir einen Text schreiben?"
            memory.entry, memory.offered = None, ()
            return Outbound(t("faq_no_task", q.lang), lang=q.lang)
        if asks_other_programs(question):  # "any other funding programs?"
            silent = "faq_no_other_programs"
        elif asks_language(question):  # "can we apply in English?"
            silent = "faq_no_language"
        elif asks_call_language(question):  # "gibt es die Ausschreibung auf Englisch?"
            silent = "faq_call_language"
        elif asks_for_link(question):  # the call's text has only "[LINK]"
            memory.entry, memory.offered = None, ()
            self._logged(q, answered=False)
            return self.silent_reply(q.lang, "faq_no_link")
        if silent:
            memory.entry, memory.offered = None, ()
            memory.missed_at = memory.silent_at = now  # (a part of several: said so)
            self._logged(q, answered=False)
            return self.silent_reply(q.lang, silent)
        return None

    def _what_it_names(self, q: _Question) -> None:
        """What the question's own words settle before the matcher's pick: applying
        now, a number just said echoed, a term the call leaves open, a region, the
        selection, five projects per region."""
        match, memory, now, kb, question = q.match, q.memory, q.now, q.kb, q.text
        if q.entry is None and asks_to_apply(question):  # "kann ich mich bewerben?"
            q.entry, q.note = self._applying(q.lang, now, self._read(q), kb)
        near = (match.best, *match.options)
        deadline_near = any(e is not None and e.milestone == "deadline" for e in near)
        again = _AGAIN & set(tokens(question))  # "kommt nochmal ein call?": the next one
        if q.entry is None and q.lead is None and deadline_near and not again:
            # "hab die Ausschreibung gefunden. Ist die noch aktuell?": whether it is open;
            # "hab die Frist verpasst weil krank, gehts trotzdem noch?": late, not said
            late = asks_state(question) or asks_late_handling(question)
            q.entry = kb.at_milestone("deadline") if late else None
        just_said = memory.gist if memory.entry and memory.recent(memory.at, now) else ""
        echoed = just_said and echoes_a_number(question, just_said)
        if q.entry is None and q.lead is None and echoed and (entry := kb.find(memory.entry)):
            # "nur 5??" right after "fünf Projekte": Ja, and the answer again
            q.entry, q.lead, q.said = entry, "faq_yes", self._plain(q, entry)
        if q.entry is None:  # "gibt es dafür Unterstützung?", "wirklich gar keine Kosten?"
            q.entry = self._pointed_back(question, memory, now, kb)
        background = q.last is not None and q.last.id == EXPERT_BACKGROUND
        unsure = q.entry is None or q.entry.id == ELIGIBILITY  # (who may apply: not experts)
        if unsure and background and _SOMEONE_FROM.search(" ".join(tokens(question))):
            # "kann auch jemand aus ner ngo sein?", "darf es auch jemand aus einer anderen
            # Behörde sein?" right after where experts come from
            q.entry = q.last
        if q.entry is None and q.last is not None and bare_what_if(question):
            # "was passiert wenn wir keins kriegen" right after the talks: not said
            q.entry, q.lead, q.said = q.last, "faq_open", self._plain(q, q.last)
        if q.entry is None and match.confident:  # "do we need our own IT staff?"
            q.entry = self._open_phrase(match, question, kb)
        elif q.entry is None and q.lead is None and (unsure := self._open_named(question, kb)):
            # "can one town send two applications?": a picker, though one entry says the
            # call leaves just that open (its form says so)
            q.entry = unsure
        if q.entry is None and q.lead is None and (term := self._open_term(question, kb)):
            q.entry, q.lead = term, "faq_open"  # "eigenanteil?": what the call leaves open
        applying = q.entry is None or q.entry.milestone == "deadline"  # "… heute noch bewerben?"
        if applying and q.lead is None and asks_region_only(question):
            # "nur in Bayern oder bundesweit?", "open to Austria?": Nein, all of Germany
            # (not "Ja." from the five projects' "bundesweit", nor a picker)
            q.entry, q.lead = kb.find(ELIGIBILITY), "faq_no"
            q.said = self._plain(q, q.entry) if q.entry else None
        size = asks_town_size(question) if q.lead is None else None
        if size == "asked" or q.entry is None and size:
            q.entry = kb.find(ELIGIBILITY)  # "auch für große Städte?": open to any size
            if size == "asked" and q.entry is not None:  # "wie groß muss die gemeinde sein"
                q.lead, q.said = "faq_no_size", self._plain(q, q.entry)
        who = q.entry is None and q.lead is None and asks_who_selects(question)
        # ("nach welchen kriterien?" right after the expert's choice asks of hers)
        of_hers = q.last is not None and q.last.id in (EXPERT_CHOICE, EXPERT_PROFILES)
        selection = q.entry is None and q.lead is None and not of_hers and asks_selection(question)
        if who or selection:
            # "nach welchen Kriterien wird ausgewählt?": none named, only the talks with
            # the shortlist and the decision after them ("wer entscheidet über die
            # auswahl" before the towns are told: who decides is not named either)
            talks, told = kb.at_milestone("pre_talks"), kb.at_milestone("feedback")
            edition = self._read(q) if talks is not None else None
            decided = edition is None or (
                (m := edition.milestone("feedback")) is not None
                and local_today(edition, now) > (m.until or m.day)
            )
            if talks is not None and not (who and decided):
                q.entry, q.lead = talks, "silent_who_decides" if who else "silent_criteria"
                q.said = " ".join(answer_text(e, q.lang, edition, now) for e in (talks, told) if e)
        if q.entry is None and q.lead is None and asks_per_region(question):
            # "is it 5 projects total or per federal state?": five in all of Germany
            q.entry = kb.find(NUMBER_OF_PROJECTS)
            yes_no = question_kind(question) == "yes_no" and not choice(question)
            q.lead = "faq_no" if yes_no else None
            q.said = self._plain(q, q.entry) if q.entry else None

    def _the_matchers_pick(self, q: _Question) -> None:
        """The matcher's answer when it is sure (and not a date the question does not
        ask), else what settles one of the topics it offers: the chat going on, the
        terms of an entry, the one option the question names, a kind of applicant."""
        match, memory, now, matcher, question = q.match, q.memory, q.now, q.matcher, q.text
        # "welche Unterlagen brauche ich für die Bewerbung": close to the deadline's
        # examples, but not asking for its date: what the call does not say (and the team
        # may answer), never the date as if it were the answer
        if q.entry is None and match.confident and match.best:
            q.not_the_date = self._not_its_date(match.best, question)
            q.entry = None if q.not_the_date else match.best
        elif q.entry is None and match.best and question_kind(question) != "yes_no":
            # "welche unterlagen brauche ich": unsure, but closest to the deadline and
            # asking what its date does not answer: not in the call (never a picker);
            # "was genau muss rein in die bewerbung": the deadline offered, the
            # application named ("was passiert nach der Bewerbung?" asks what comes next)
            named = about_the_application(question) and not _SEQUENCE & set(tokens(question))
            near = [match.best, *(match.options if named else ())]
            deadline = next((e for e in near if e.milestone == "deadline"), None)
            q.not_the_date = deadline is not None and self._not_its_date(deadline, question)
        entry = q.entry
        # "gibts dafür eine vorlage?" right after a question the call had no answer for:
        # "dafür" is that question's topic, not the one topic the matcher half offers
        unresolved = memory.entry is None and memory.recent(memory.missed_at, now)
        if entry is None and unresolved and points_at(question) and not match.confident:
            return
        if (
            (entry is None or entry.id in (ELIGIBILITY, "lokalprojekte"))
            and q.lead is None
            and asks_state(question)
        ):
            # "können sich Kommunen noch bewerben?": whether the call is still open (in
            # 2026 "Nein", not "Ja" with who may apply); "nimmt Lokalprojekte noch
            # Bewerbungen an?" (a picker)
            entry = q.kb.at_milestone("deadline") or entry
        if entry is None:  # "als gGmbH?" after "Wer kann sich bewerben?"
            entry = self._going_on(question, memory, now)
        if entry is None:  # "wie viele?" after "Profile": asked with that topic
            entry = self._asked_again(question, match, memory, now, matcher)
        just = memory.entry is not None and memory.recent(memory.at, now)
        if entry is None and just and [e.id for e in match.options] == [memory.entry]:
            # "und was verdient der so ca" right after the pay: the one topic offered is
            # the one just answered, not "Meinen Sie „Vergütung“?"
            entry = match.options[0]
        if entry is None:  # "reicht es übermorgen?" may look off topic to the matcher
            entry = self._decided(match, question, now, q.edition)
        if entry is None:  # "gibt es einen Eigenanteil?": the entry whose terms settle it
            entry = self._settled(match, question, matcher, now, q.edition, memory)
            if entry is not None and q.lead is None and asks_what_if(question):
                # "what if we don't like any of them?": not said
                q.lead, q.said = "faq_open", self._plain(q, entry)
        offered = bool(match.options) and not match.off_topic
        if entry is None and offered:
            entry = self._the_dated_one(match, question, matcher)
        if entry is None and len(match.options) == 1 and match.options[0] is match.best:
            # "where can I read the evaluation results?": the one topic offered, asked what
            # its answer does not say (said so, with what it says)
            # (not "wie viel Urlaub hat man im TVöD?": an amount of something else)
            silent = silent_kind(match.best, question) in ("where", "who", "how_often")
            entry = match.best if silent and not match.off_topic else None
        if entry is None and not match.off_topic and asks_when_told(question):
            # "wenn wir morgen einreichen, wann hören wir dann was?": the decision (of the
            # options, or the best guess: "wann hör ich was?")
            guesses = match.options or ([match.best] if match.best else [])
            entry = next((e for e in guesses if e.milestone == "feedback"), None)
        if entry is None and match.options and not match.off_topic:
            entry = _names_its_figure(match.options, question)  # "EG 11 Stufe 2 in euros?"
        if entry is None and offered:
            # "wann sollten die Vorgespräche sein?" (not "was ist ein Buddy bei der
            # Bundeswehr": a word the knowledge base does not know asks of something else)
            # (nor a word read as a guess at another: "Feiertag" is no "Freitag")
            unsure = _unknown(matcher, question) or matcher.coverage.guessed(q.written)
            entry = None if unsure else _named_option(match, question)
        if entry is None and match.options and asks_program_length(question):
            # "wie lange lief das programm insgesamt": its six months, not its end
            entry = next((e for e in match.options if e.id == "duration"), None)
        if entry is None and match.options and asks_how_it_goes(question):
            # "wie läuft die Bewerbung ab": the timeline of the options, not the deadline
            entry = next((e for e in match.options if e.id == "timeline"), None)
        if entry is None and match.options and asks_who_employs(question):
            # "wer stellt die person dann ein, wir?": who hires the expert, of the options
            entry = next((e for e in match.options if e.id == EMPLOYMENT), None)
        if entry is None and names_kind_and_asks_may(question):
            # "wir sind ein Jobcenter, dürfen wir?": whether that kind of applicant may
            # apply is the eligibility question (never the off-topic line)
            entry = q.kb.find(ELIGIBILITY)
        if q.not_the_date and entry is match.best:  # the deadline again, by another way
            entry = None
        q.entry = entry
        besides = asks_over(question) if q.lead is None and not match.off_topic else None
        step = entry or match.best
        if besides is not None and step and question_kind(question) == "yes_no":
            # "sind die Vorgespräche schon vorbei?" in June: Ja, as the day says (a guess
            # only when the question is nothing but its words and "vorbei")
            edition = self._read(q)
            over = step_over(step, edition, local_today(edition, now)) if edition else None
            asked = entry or _only_terms(_asked_words(besides), besides, step, keywords=True)
            if over and asked:
                q.entry, q.lead = step, over.lead

    def _what_its_form_asks(self, q: _Question) -> None:
        """What the question's form asks of the topic: what is funded and who pays,
        a role, which towns took part, a count, a name, whom to ask, news."""
        self._money_and_roles(q)
        self._towns_and_people(q)
        self._outcome(q)

    def _money_and_roles(self, q: _Question) -> None:
        match, now, kb, question = q.match, q.now, q.kb, q.text
        offered = {e.id for e in match.options}
        money = {FUNDER, FUNDING, SALARY, "project_budget", "lokalprojekte"}
        free = q.entry is None and q.lead is None
        if free and _COSTS_US.search(" ".join(tokens(question))) and (funding := kb.find(FUNDING)):
            # "und was kostet uns das?", "müssen wir was dazuzahlen, also eigenanteil?": no
            # cost of the town's is named; what the program pays
            q.entry, q.lead, q.said = funding, "faq_open", self._plain(q, funding)
            return
        # "who funded it?": who, not what (not "wer zahlt die Sozialabgaben?": a cost named)
        asked = _asked_words(tokens(question))
        named = [w for w in asked if w not in QUESTION_WORDS and not w.startswith(_FUNDING_WORDS)]
        named += [w for w in asked if w in QUESTION_WORDS and w not in ("wer", "who")]  # "was"
        if free and not named and FUNDER in offered <= money and question_kind(question) == "who":
            q.entry = kb.find(FUNDER)
        # (not "was fördert die Bertelsmann Stiftung?": a name the knowledge base does
        # not know is another funder)
        funded = q.lead is None and asks_what_is_funded(question)
        # (a name in a sentence before the question is who asks: "I'm the integration
        # officer in Offenbach. What does this program fund exactly?")
        funded = funded and not _unknown(q.matcher, last_question(question) or question)
        if q.entry is None and q.lead is None and asks_how_much_funding(question):
            # "how much funding is there per project?": the pay and the EUR 3,000, not a
            # picker of the two and the number of projects
            # ("how much did the foundation fund per project?": the money's entries offered)
            funded = bool(
                {FUNDING, FUNDER, SALARY, "project_budget"} & {e.id for e in match.options}
            )
        if (q.entry is None or q.entry.id == FUNDER) and funded:
            # "What does the foundation fund?": what the money is for, not who gives it
            q.entry = kb.find(FUNDING) or q.entry
        role = None  # "is Lokalprojekte the funder?" (not "is Lokalprojekte still running
        # this?": whether the program still runs, which is no role of theirs)
        still = _STILL_WORDS & set(tokens(question)) or "nach wie vor" in " ".join(tokens(question))
        if q.lead is None and not still and (q.entry is None or q.entry.id in _ROLE_ENTRIES):
            role = self._role(question, kb)
        if role:
            edition = self._read(q)
            q.entry, q.lead, more = role
            q.said = as_list(answer_text(q.entry, q.lang, edition, now))
            if more is not None:  # what the funder pays
                q.said = f"{q.said}\n{answer_text(more, q.lang, edition, now)}"

    def _towns_and_people(self, q: _Question) -> None:
        match, kb, question = q.match, q.kb, q.text
        toks = tokens(question)
        of_people = q.last is not None and q.last.id in _PEOPLE_ENTRIES
        from_where = "woher" in toks or {"where", "from"} <= set(toks)
        if q.entry is None and of_people and from_where and bare(question):
            # "woher kommt die?" right after what the expert does: where experts come from
            q.entry = kb.find(EXPERT_BACKGROUND) or q.entry
        chosen = q.entry is None or q.entry.id in (EXPERT_CHOICE, EXPERT_PROFILES)
        choosing = kb.find(EXPERT_CHOICE)
        if q.lead is None and chosen and choosing and proposes_own_expert(question):
            # "Können wir auch jemand eigenen als Expertin vorschlagen?": not settled – what
            # the call says of the choice (not the profiles' date)
            q.entry, q.lead, q.said = choosing, "faq_open", self._plain(q, choosing)
        employed = q.entry is None or q.entry.id == EMPLOYMENT
        if employed and q.lead is None and employed_how_long(question):
            q.entry = kb.find("duration") or q.entry  # "wie lange ist die angestellt?"
        if q.lead is None and chosen and writes_the_profile(question):
            # "können wir das Profil für den Experten selbst schreiben?": worked out with
            # Lokalprojekte in the final sketch talk (not the candidates' profiles)
            q.entry = kb.find(FINAL_SKETCH_TALK) or q.entry
        close = {e.id for e in (match.best, *match.options) if e is not None}
        # "what were the five projects?", "wer wurde ausgewählt?": the five, by name
        near = set(close)  # "welche städte wurden gefördert?": the count first, the five next
        if match.best is not None and match.best.id == NUMBER_OF_PROJECTS:
            near |= {c.entry.id for c in match.runner_ups}
        counting = bool(_COUNTING & set(tokens(question)))  # "what number of towns …?"
        free = q.lead is None
        which = free and PARTICIPANTS in near and not counting and asks_which_ones(question)
        which = which or (free and q.entry is None and asks_who_took_part(question))
        # "wer war 2023 dabei": not the kick-off, whose examples name the year
        took_part = free and asks_who_took_part(question, alone=True)
        settled = q.entry is not None and q.entry.id not in (NUMBER_OF_PROJECTS, "feedback")
        if took_part or (which and not settled):
            q.entry = kb.find(PARTICIPANTS) or q.entry
        alone = [e.id for e in match.options] == [PARTICIPANTS]
        asked = q.entry if q.entry is not None else match.options[0] if alone else None
        if (
            q.lead is None
            and q.said is None
            and (one := self._one_of_five(question, asked, q.lang))
        ):
            q.entry, q.said = asked, one  # "was hat kalletal gemacht", "und stralsund": its project
        just = q.last is not None and q.last.id == PARTICIPANTS and q.lead is None
        if just and q.said is None and question_kind(question) in ("yes_no", None):
            kind = _of_a_kind(q.last, toks, q.lang)
            if kind:  # "gab es auch einen landkreis?" right after the five: that one
                # ("which one is a district?" asks no yes)
                which = {"which", "welche", "welcher", "welches"} & set(toks)
                q.entry, q.lead = q.last, None if which else "faq_yes"
                q.said = f"{kind[0]}." if len(kind) == 1 else "\n".join(f"• {k}" for k in kind)
        one = not q.memory.gist.startswith("•")  # one of them told, not the list's first line
        if just and one and q.said is None and _OTHERS & set(toks) and set(toks) <= _THE_OTHERS:
            items = _projects(q.last, q.lang)  # "und die anderen?" after one of them
            rest = [item for item in items if item not in q.memory.gist]
            if 0 < len(rest) < len(items):
                listed = "\n".join(f"• {item}" for item in rest)
                q.entry, q.said = q.last, f"{t('faq_the_others', q.lang)}\n{listed}"
        # ("wir sind aus Torgau. was machen die anderen Städte?": its last sentence asks)
        if q.said is None and self._asks_the_others(tokens(last_question(question) or question)):
            self._the_others(q, toks, kb)
        events = q.last is not None and q.last.id in _EVENTS
        if events and q.lead is None and q.said is None and asks_who_attends(question):
            # "und wer muss da hin?" right after the kick-off: not said; the program is
            # the core team's
            q.entry, q.lead = kb.find("accompanying_program") or q.entry, "silent_attend"
        member = None  # "ist Leipzig dabei?": not among the five
        # (not "was ist dabei rausgekommen?": no place, what came of it)
        placed = q.lead is None and not asks_outcome(question)
        if placed and (q.entry is None or q.entry.id == PARTICIPANTS):
            member = self._member(question, match, q.matcher)
        if member:
            q.entry, place = member
            listed = self._plain(q, q.entry)
            q.said = f"{t('faq_not_participant', q.lang, place=place)}\n{listed}"
        status = own_status(question) if q.lead is None else None
        if status and (mine := kb.find(status)):
            q.entry, q.lead = mine, f"own_status_{status}"  # "sind wir in der engeren Auswahl?"
        if q.lead is None:
            self._who_is_paid(q, close)
        sketch_talk = q.entry is not None and q.entry.id == FINAL_SKETCH_TALK
        in_picker = q.entry is None and any(e.id == EXPERT_PROFILES for e in match.options)
        if receives_profiles(question) and (sketch_talk or in_picker):
            # "when do we get the expert profiles?": the profiles sent, not the one derived
            # (nor a picker of the two and the choice)
            q.entry = kb.find(EXPERT_PROFILES) or q.entry
        if q.lead is not None:  # every rule below holds only for a question without one
            return
        if (role_of := asks_whose_name(question)) and kb.find(role_of):
            # "wer ist mein Buddy?", "wer wird unser Experte?": no name, how one is found
            q.entry, q.lead = kb.find(role_of), "silent_name"
            return
        if asks_internal_contact(question):
            # "wer ist seine Ansprechperson bei uns?": the Pat:in, not Lokalprojekte's
            q.entry = kb.find(CORE_TEAM) or q.entry
        if asks_someone_from_administration(question):
            # "can it be someone from another city administration?": the expert's background
            q.entry = kb.find(EXPERT_BACKGROUND) or q.entry
        late = asks_choice_late(question) and (q.entry is None or self._dated(q.entry))
        if late and (choice_ := kb.find(EXPERT_CHOICE)) is not None:
            # "haven't picked an expert, too late?": the choice and its date, no verdict
            q.entry, q.said = choice_, self._plain(q, choice_)
        if counts_own_staff(question):
            q.entry = kb.find(CORE_TEAM) or q.entry  # "wie viele Leute aus unserer Verwaltung?"
        if asks_who_the_makers_are(question):
            # "wer sind die integrationsmacher": the core team, as the call names it
            q.entry = kb.find(CORE_TEAM) or q.entry
        if self._after_it(q.entry, question) and (end := kb.at_milestone("closing_event")):
            # "gibt es nach dem Programm noch Unterstützung?": not the support during it
            q.entry, q.lead = end, "silent_after"
        if q.lead is None and asks_as_a_person(question) and (who := kb.find(ELIGIBILITY)):
            q.entry, q.lead = who, "faq_not_a_person"  # "ich bin selbst geflüchtet, kann ich …"
        bg = kb.find(EXPERT_BACKGROUND) if asks_to_become_expert(question) else None
        if q.lead is None and bg is not None and polarity(bg, question) is None:
            # "und als Expertin? ich bin Softwareentwicklerin" (not "kann ich als Beamter
            # Expertin werden?": where experts come from says no)
            q.entry, q.lead = bg, "silent_become_expert"
        if q.lead is None and asks_who_shortlisted(question) and (talks := kb.find("pre_talks")):
            q.entry, q.lead = talks, "silent_shortlist"  # "wer ist in der engeren Auswahl?"
        again = q.lead is None and asks_again(question) and (nxt := kb.find("next_call"))
        if again and call_closed(self._read(q), q.now):
            q.entry = nxt  # "fördert die Stiftung wieder fünf Kommunen?" in 2026: not known
        if asks_benefit(question):  # "was bringt uns das?": what a town gets
            q.entry = kb.find(FUNDING) or q.entry
        if counts_chosen(question):
            q.entry = kb.find(NUMBER_OF_PROJECTS) or q.entry  # "wie viele Gemeinden nehmen sie?"
        if counts_applicants(question):
            # "wie viele kommen in die engere Auswahl?": not given, only the five funded
            q.entry = kb.find(NUMBER_OF_PROJECTS) or q.entry
            if q.entry and q.entry.id == NUMBER_OF_PROJECTS:
                q.lead = "silent_applicants"
                return
        # (not "who do I email my application to?": where to hand in, which the call
        # does not say – the contacts are for questions)
        handing_in = q.entry is not None and q.entry.milestone == "deadline"
        if (
            asks_whom_to_ask(question)
            and not handing_in
            and CONTACT in close | {q.entry and q.entry.id}
        ):
            q.entry = kb.find(CONTACT) or q.entry  # "wen kann ich fragen", "who can I call now?"
        if q.entry is None and asks_news(question):
            q.entry = kb.find("next_call")  # "2026 gibts nix neues?": whether a call has come

    def _outcome(self, q: _Question) -> None:
        """ "was ist aus der Webwegweiser-Sache in Torgau geworden?", "what came out of
        the evaluation?": the call names no results (it was written before them), and
        what it says: that town's project, the five, the evaluation."""
        if q.lead is not None or not asks_outcome(q.text):
            return
        best, toks = q.match.best, tokens(q.text)
        step = _YIELDS.get(q.last.id) if q.last is not None else None
        if step and len(toks) <= FOLLOW_UP_WORDS and (yielded := q.kb.find(step)):
            # "was kommt da raus?" right after the final sketch talk: what the call says
            # comes of it (the expert's profile), not results it cannot name
            q.entry = yielded
            return
        # "und was ist daraus geworden?" right after the five: those
        last = q.last if q.last is not None and q.last.id in (PARTICIPANTS, EVALUATION) else None
        if q.match.off_topic and not (last and len(toks) <= FOLLOW_UP_WORDS):
            return  # (but "hat das funktioniert?" right after Stralsund's project asks of it)
        entry = q.entry or (last if len(toks) <= FOLLOW_UP_WORDS else None) or best
        projects = any(tok.startswith(("projekt", "project")) for tok in toks)
        if q.entry is None and projects and (entry is None or entry.id != PARTICIPANTS):
            entry = q.kb.find(PARTICIPANTS)  # "What were the results of the 2023 projects?"
        short = len(toks) <= FOLLOW_UP_WORDS
        if short and (entry is None or entry.id not in (PARTICIPANTS, EVALUATION)):
            entry = q.kb.find(EVALUATION)  # "what were the results?": of nothing named
            q.entry = None  # (not the feedback's step that "results" drew)
        if entry is None or entry.id not in (PARTICIPANTS, EVALUATION):
            return
        line = _project_line(entry, toks, q.lang) if entry.id == PARTICIPANTS else None
        gist = q.memory.gist
        if line is None and last is entry and entry.id == PARTICIPANTS and not gist.startswith("•"):
            # "hat das funktioniert?" right after Stralsund's project: of that one
            told = [item for item in _projects(entry, q.lang) if item in gist]
            line = f"{told[0]}." if len(told) == 1 else None
        # the best guess only when the question names what it asks of: a town of the
        # five (or its project), the evaluation
        named = (
            line is not None
            or projects
            or short
            or entry.id == EVALUATION
            and any(tok.startswith(("evalu", "auswert", "begleitforsch")) for tok in toks)
        )
        if q.entry is None and entry is not last and not named:
            return
        q.entry, q.lead = entry, "silent_outcome"
        q.said = line or q.said or self._plain(q, entry)

    def _who_is_paid(self, q: _Question, close: set[str]) -> None:
        """Who pays whom and how many: the expert's pay, one expert per project, five
        positions."""
        match, kb, question = q.match, q.kb, q.text
        money = close & MONEY_ENTRIES
        funder = q.entry is not None and q.entry.id == FUNDER  # "wer bezahlt die person"
        if (money and q.entry is None or funder) and asks_who_pays_the_expert(question):
            q.entry = kb.find(SALARY)  # "wer zahlt den expertn": the pay the foundation covers
        toks = tokens(question)
        of_people = q.last is not None and q.last.id in _PEOPLE_ENTRIES - {SALARY}
        open_ = q.entry is None and SALARY in close or funder
        paying = any(tok.startswith(_PAYING) for tok in toks)
        if open_ and of_people and len(toks) <= 4 and q.lead is None and paying:
            # "und bezahlen?", "und wer zahlt die?" right after what the expert does: her
            # pay (which the foundation covers), not the program's funder
            q.entry = kb.find(SALARY)
        if paid := self._paid(question, q.entry, match, kb):
            q.entry = paid  # "wie viel kriegt der Experte?": the pay, not the project money
        if counts_experts(question) and (q.entry is None or q.entry.id == SALARY):
            # "wieviel expertinnen bekommt man": one expert per project, not the pay
            q.entry = kb.find(EXPERT_CHOICE) or q.entry
        if counts_positions(question) and (count := kb.find(NUMBER_OF_PROJECTS)):
            # "wieviel stellen gibts insgesamt": five projects, each with its expert
            edition = self._read(q)
            team = kb.find(CORE_TEAM)
            q.entry = count
            q.said = " ".join(answer_text(e, q.lang, edition, q.now) for e in (count, team) if e)

    def _whose_hours(self, q: _Question) -> None:
        """ "wann ist Frau Bock erreichbar?": her hours on the day asked (or who she is);
        and "was wenn wir noch keine Patin haben": the call does not say."""
        kb, question = q.kb, q.text
        if q.entry is None or q.entry.id == CONTACT:
            if q.edition is _UNREAD and _asks_availability(question):
                self._read(q)
            edition = q.edition
            tz = ZoneInfo(edition.timezone if edition and edition is not _UNREAD else BERLIN)
            details = asks_details(question)  # "telefonnummer charlotte": her number too
            hours = self.person_hours(question, q.lang, q.now, tz, kb=kb, details=details)
            asks_who = {"wer", "who"} & set(tokens(question)) and len(tokens(question)) <= 6
            # "wer ist charlotte bock?": one of the contacts, with her details
            if not hours and asks_who and (card := self._person_lines(question, q.lang, kb)):
                hours = f"{t('contact_who', q.lang)}\n{card}"
            if hours and any(e.id == CONTACT for e in kb.entries):
                q.entry = kb.get(CONTACT)
                if details and (card := self._person_lines(question, q.lang, kb)):
                    hours = f"{card}\n\n{hours}"
            q.hours = hours
        case_left_open = q.entry is not None and q.lead is None and q.said is None
        if case_left_open and asks_what_if(question) and _open_in(q.entry, tokens(question)):
            # "was wenn wir noch keine Patin haben": the call does not say
            q.lead, q.said = "faq_open", self._plain(q, q.entry)

    def _answered(self, q: _Question) -> Outbound:
        """The entry settled, in the form of the question (or the hours asked for)."""
        entry, memory, now = q.entry, q.memory, q.now
        brief = memory.recent(memory.told_closed_at, now)
        reply = self.entry_reply(
            entry, q.lang, now, q.text, edition=q.edition, brief=brief, lead=q.lead,
            said=q.said, note=q.note,
        )  # fmt: skip
        if q.hours:  # the hours asked for, not the whole contact list after them
            source = t("source", q.lang, section=entry.section)
            reply = dataclasses.replace(reply, text=f"{q.hours}\n\n{source}")
        elif q.said is None and memory.entry == entry.id and memory.recent(memory.at, now):
            reply = self._said_again(q.text, entry, reply, q.lang, now, q.edition)
        memory.remember(entry, reply, now)
        self._logged(q, answered=True)
        return reply

    def _unanswered(self, q: _Question, handoff: Callable[[], bool] | None) -> Outbound:
        """No entry settled: the call does not say (with the contacts), "Meinen Sie …?"
        with the close topics, the off-topic line, or nothing close; with the offer to
        ask the team when it is reachable."""
        match, memory, now, matcher, question = q.match, q.memory, q.now, q.matcher, q.text
        ref = self._logged(q, answered=False)
        # just answered, or just asked about the call and not answered ("können Expert:innen
        # aus dem Ausland kommen?" said so, then "gibt es eine Altersgrenze?")
        talked = memory.entry is not None and memory.recent(memory.at, now)
        offered = bool(memory.offered) and memory.recent(memory.at, now)
        talked = talked or memory.recent(memory.missed_at, now) or offered
        if memory.entry is not None and memory.recent(memory.at, now):
            memory.before = memory.entry
        memory.entry, memory.offered = None, ()
        # "wie viele Bewerbungen gab es?", "muss man Englisch können?": about the program,
        # not in the call (said so, with the contacts)
        about_call = q.not_the_date or match.about_call or self._about_call(match, matcher)
        about_call = about_call or asks_size(question)  # "wie lang darf die Skizze sein?"
        # "muss der Bürgermeister unterschreiben?": about applying, though no word of the
        # call's: said that the call does not say, with the contacts and the team's offer
        about_call = about_call or (match.off_topic and about_the_application(question))
        # "muss man das zurückzahlen, wenn was übrig bleibt?" right after the budget, "gibt
        # es eine altersgrenze?" right after the experts: about what was just answered,
        # which the call does not settle (not the off-topic line)
        short_yes_no = len(tokens(question)) <= 6 and question_kind(question) == "yes_no"
        asked_on = refers_back(question) or short_yes_no
        if match.off_topic and talked and asked_on and not about_call:
            about_call = not self._everyday(match, matcher)
        if match.off_topic and not about_call:  # the weather, a poem: what the bot is for
            return Outbound(t("faq_off_topic", match.lang), lang=match.lang)
        again = memory.recent(memory.missed_at, now)  # the contacts were named a moment ago
        if about_call:
            reply = self.silent_reply(match.lang, again=again)
            memory.missed_at = memory.silent_at = now
        elif match.options:
            reply = self.clarify_reply(match)
            memory.offered, memory.at = tuple(e.id for e in match.options), now
        else:
            reply = self.not_sure_reply(match, again=again)
            memory.missed_at = now
        if not (handoff is not None and isinstance(ref, str) and handoff()):
            return reply
        # the offer is asked last, next to its button: a typed "ja" / "yes" forwards the
        # question (the one choice that confirms), also beside suggestions; beside one
        # suggestion ("Meinen Sie X? Sonst: Soll ich …?") two questions were asked and
        # both confirm, so a bare yes is asked which (never the guess answered silently)
        label = t("handoff_button", reply.lang)
        button = Button(label, f"{HANDOFF_PREFIX}{ref}", confirms=True)
        offer = t("handoff_offer_or" if reply.buttons else "handoff_offer", reply.lang)
        return Outbound(f"{reply.text}\n\n{offer}", (*reply.buttons, button), lang=reply.lang)

    @staticmethod
    def _not_its_date(entry: Entry, question: str) -> bool:
        """Whether `question`, matched to the deadline (the state of the call), asks
        something else about the application ("welche Unterlagen brauche ich für die
        Bewerbung", "which documents do we need?"), not its date or whether it is open;
        and, matched to any entry, how long a text may be ("wie lang darf die Bewerbung
        sein?") when its answer names no size."""
        if asks_size(question) and not _SIZES.search(" ".join(entry.answer.values())):
            return True
        if entry.milestone != "deadline" or "next_call" in placeholders(entry.answer["de"]):
            return False
        return asks_other_than_the_date(question)

    @staticmethod
    def _paid(question: str, entry: Entry | None, match: Match, kb) -> Entry | None:
        """The entry for how much someone receives ("wie viel Kohle kriegt der Experte?"
        is the pay, "wieviel bekommt die Kommune?" what is funded), when the question
        went to another money entry (or to none): never the project money for the
        expert's pay, never the number of projects for a municipality's money."""
        paid = paid_to(question)
        wanted = PAID_ENTRIES.get(paid or "")
        if wanted is None:
            return None
        # the pay, not what the expert does ("was bekommt die Expertin?"), unless a task
        # is asked of ("was bekommt sie für Aufgaben?")
        overridden = MONEY_ENTRIES | (EXPERT_ENTRIES if paid == "expert" else frozenset())
        tasks = _has_any(f" {' '.join(tokens(question))} ", _TASKS)
        if entry is not None and (entry.id == wanted or entry.id not in overridden or tasks):
            return None
        if entry is None and not any(
            e.id in MONEY_ENTRIES for e in (match.best, *match.options) if e is not None
        ):
            return None
        try:
            return kb.get(wanted)
        except KeyError:
            return None

    def _applying(self, lang: str, now: datetime, edition, kb) -> tuple[Entry | None, str]:
        """ "kann ich mich bewerben?": while the call is open who may apply, and by when;
        before it opens and after its deadline the deadline's answer (not yet, closed
        on its day), with no guess about who is asking."""
        deadline = kb.at_milestone("deadline")
        today = local_today(edition, now)
        state = call_state(edition, today)
        m = edition.milestone("deadline") if edition else None
        if state is not CallState.OPEN or m is None:
            return deadline, ""
        try:
            entry = kb.get(ELIGIBILITY)
        except KeyError:
            return deadline, ""
        last = m.until or m.day
        when = relative_days((last - today).days, lang)
        return entry, t("faq_apply_until", lang, when=when, deadline=long_day(last, lang))

    def _follow_up(self, question: str, memory: FaqMemory, now: datetime, edition) -> Entry | None:
        """The entry answered just before, when a short question asks what its answer
        does not say ("bis wieviel Uhr?" after the deadline, "und wo?" after the kick-off)."""
        if memory.entry is None or not memory.recent(memory.at, now):
            return None
        if not bare_follow_up(question):  # "Wo ist das Abschlussevent?" has its own topic
            return None
        if len([w for w in tokens(question) if w not in _FILLER]) > FOLLOW_UP_WORDS:
            return None
        try:
            entry = self.kb.get(memory.entry)
        except KeyError:
            return None
        kind = question_kind(question)
        silent = kind in entry.silent_on or (kind == "what_time" and self._dated(entry))
        return entry if silent else None

    def _read_follow_up(
        self, question: str, match: Match, memory: FaqMemory, now: datetime, edition, kb
    ) -> FollowUp | None:
        """A short follow-up read against the answer just given ("und wie lange?",
        "ist das schon vorbei?", "und dann?", "wie viele?"), before it is a new
        question (bot.chat.faq_follow); the time left to apply and how to hand in."""
        deadline = kb.at_milestone("deadline")
        last = None
        if memory.entry is not None and memory.recent(memory.at, now):
            last = kb.find(memory.entry)
        elif memory.before and memory.recent(memory.missed_at, now) and bare(question):
            last = kb.find(memory.before)  # "wie lange dauern die" after a question unanswered
        if last is not None:
            if edition is _UNREAD:  # read only for a follow-up (a question reads it once)
                edition = self.edition()
            today = local_today(edition, now)
            answer = answer_text(last, match.lang, edition, now)
            if found := read_follow_up(question, last, kb, edition, today, answer, match.lang):
                return found
            if last is deadline and (to_whom(question) or bare_how(question)):
                # "an wen denn?", "und wie?" right after the deadline: how to hand in
                return FollowUp(deadline, hand_in("wie reiche ich ein?") or "")
            if days_of_it(question) and re.search(r"(?i)tag|day", answer):
                return FollowUp(last, "", sure=True)  # "wie viele tage sind das": intro days
        elif memory.offered and memory.recent(memory.at, now):  # "wie lange?" to "Meinen Sie …?"
            offered = [e for e in kb.entries if e.id in memory.offered]
            if edition is _UNREAD:
                edition = self.edition()
            today = local_today(edition, now)
            answers = {e.id: answer_text(e, match.lang, edition, now) for e in offered}
            if found := among(question, offered, kb, edition, today, answers, match.lang):
                return found
        if asks_program_state(question, places(kb)) is not None:  # "läuft das Programm noch?"
            if edition is _UNREAD:
                edition = self.edition()
            if state := program_state(question, kb, edition, local_today(edition, now)):
                return state
        if deadline is not None and time_left(question):
            return FollowUp(deadline, "")
        if deadline is not None and (asked := hand_in(question)):
            return FollowUp(deadline, asked)
        return None

    @staticmethod
    def _taken_alone(
        follow: FollowUp, match: Match, memory: FaqMemory, now: datetime
    ) -> Entry | None:
        """The entry the question alone is sure of, when reading it as a follow-up only
        gives the last answer again and the question is more than a bare one ("wie lang
        dauert das" after the deadline: the duration, "wie lange?" the time left): then
        neither reading is clearly better. None otherwise."""
        if follow.said or follow.lead or follow.question or follow.sure:
            return None
        if memory.entry != follow.entry.id or not memory.recent(memory.at, now):
            return None
        if not match.confident or match.best is None or match.best.id == follow.entry.id:
            return None
        return match.best

    def _asked_again(
        self, question: str, match: Match, memory: FaqMemory, now: datetime, matcher: Matcher
    ) -> Entry | None:
        """ "wie viele?", "von wem?" after "Profile", which the matcher is not sure of:
        asked again together with the topic just answered; that entry if it is sure then."""
        if memory.entry is None or not memory.recent(memory.at, now):
            return None
        pointing = not bare(question) and points_at(question)
        if not (bare(question) or pointing):
            return None
        last = matcher.kb.find(memory.entry)
        if last is None:
            return None
        if match.confident:
            return None
        # "wer ist die ansprechperson" after the feedback: words the knowledge base knows
        # of other topics, not the feedback's again
        terms = matcher.coverage.terms(question)
        named = [known for term, known in terms if not term.startswith("_")]  # not "wie viele"
        close = {e.id for e in (match.best, *match.options) if e is not None}
        if named and all(named) and last.id not in close:
            return None
        asked = f"{question} {last.topic[match.lang]}"
        again = self._match_with(matcher, asked, match.lang)
        if not again.confident or again.best is None:
            return None
        # "gibts dafür ne vorlage" after the sketch: "Ja."; "gibt es dafür eine
        # Abrechnung?" after the budget is nothing its answer decides (not taken)
        if pointing and question_kind(question) == "yes_no" and polarity(again.best, asked) is None:
            return None
        if again.best.id == last.id:  # "und wie viel?" after the deadline: not its date
            answer = answer_text(last, match.lang, self.edition(), now)
            if not points_back(question, last, answer):
                return None
        return again.best

    @staticmethod
    def _open_phrase(match: Match, question: str, kb: KnowledgeBase) -> Entry | None:
        """A yes/no question in nothing but another entry's terms, one of them a phrase
        that entry says the call leaves open ("do we need our own IT staff?": the
        experts' role, not "Yes." with the funding that names staff): that entry."""
        if question_kind(question) != "yes_no":
            return None
        toks = tokens(question)
        text = f" {' '.join(toks)} "
        content = _asked_words(toks)
        for entry in kb.entries:
            phrases = [tokens(term) for term in entry.polar.get("open", ())]
            named = any(len(p) > 1 and f" {' '.join(p)} " in text for p in phrases)
            if entry is not match.best and named and content and _only_terms(content, toks, entry):
                return entry
        return None

    @staticmethod
    def _the_others(q: _Question, toks: list[str], kb: KnowledgeBase) -> None:
        """ "kalletal hier. wer sind die anderen Teilnehmer?": the four besides the place
        the chat named; "wer sind die anderen Teilnehmer?" with none named: the five, not
        the networking the word "andere" draws."""
        five = kb.find(PARTICIPANTS)
        if five is None:
            return
        mine = _project_line(five, tokens(q.memory.place), q.lang) if q.memory.place else None
        rest = [item for item in _projects(five, q.lang) if f"{item}." != mine]
        if mine and len(rest) == 4:
            listed = "\n".join(f"• {item}" for item in rest)
            q.entry, q.said = five, f"{t('faq_the_others', q.lang)}\n{listed}"
        elif q.entry is not None and q.entry.id == "networking" and _WHO_WHICH & set(toks):
            q.entry = five

    @staticmethod
    def _asks_the_others(toks: list[str]) -> bool:
        """ "wer sind die anderen Teilnehmer?", "what are the other towns doing?": the
        others of the five, asked by one of them."""
        if not (_OTHERS & set(toks) and any(tok.startswith(_FIVE_WORDS) for tok in toks)):
            return False
        # nothing else asked of them ("is the kick-off together with the other four?")
        return all(
            is_stopword(tok) or tok in _THE_OTHERS | _WHO_WHICH | _OF_THEM_WORDS
            or tok.startswith(_FIVE_WORDS)
            for tok in toks
        )  # fmt: skip

    @staticmethod
    def _after_it(entry: Entry | None, question: str) -> bool:
        """Whether a yes/no question asks of the time after the program about a part of it
        that the entry's terms do not decide (the expert staying on is the duration's
        "open"), and the entry is no step of the end."""
        if entry is None or entry.id in _THE_END or not after_the_program(question):
            return False
        return polarity(entry, question) is None

    @staticmethod
    def _open_named(question: str, kb: KnowledgeBase) -> Entry | None:
        """The one entry whose open phrases with a figure a yes/no question names ("two
        applications": the number of projects), or None (none, or several)."""
        if question_kind(question) != "yes_no":
            return None
        text = f" {' '.join(tokens(question))} "
        naming = [
            e
            for e in kb.entries
            if any(
                len(p := tokens(term)) > 1 and terms(term) and f" {' '.join(p)} " in text
                for term in e.polar.get("open", ())
            )
        ]
        return naming[0] if len(naming) == 1 else None

    @staticmethod
    def _open_term(question: str, kb: KnowledgeBase) -> Entry | None:
        """A question that is nothing but a term an entry says the call leaves open
        ("eigenanteil?", "Teilzeit?", "kofinanzierung?"): that entry ("Is there an
        interview?" asks more than the word)."""
        toks = tokens(question)
        if not 0 < len(toks) <= 2 or not question.rstrip().endswith("?"):
            return None
        said = " ".join(toks)
        for entry in kb.entries:
            if any(" ".join(tokens(term)) == said for term in entry.polar.get("open", ())):
                return entry
        return None

    def _pointed_back(self, question: str, memory: FaqMemory, now: datetime, kb) -> Entry | None:
        """ "gibt es dafür Unterstützung?" right after the sketch, "wirklich gar keine
        Kosten?" right after the funding: a short yes/no question that points back or
        doubts what was just said, and that the last entry's terms decide, is that
        entry's, however sure the matcher is of another topic's support."""
        if memory.entry is None or not memory.recent(memory.at, now):
            return None
        toks = tokens(question)
        doubts = 1 < len(toks) <= 6 and toks[0] in DOUBTING
        # "is it mandatory?" after the learning platform, "sind die online?" after the
        # buddy's Jour Fixes: a pronoun for what was just said
        # ("sind die online?" – not "ist der buddy online?", which names its subject)
        them = len(toks) <= 3 and toks[1:2] in (["die"], ["der"])
        short = len(toks) <= 5 and refers_back(question) or them
        if (bare(question) and not short) or not (points_at(question) or doubts or short):
            return None
        if question_kind(question) != "yes_no":
            return None
        last = kb.find(memory.entry)
        return last if last is not None and polarity(last, question) is not None else None

    def _asked_day(self, question: str, memory: FaqMemory, now: datetime, edition) -> str:
        """A day and nothing else right after the deadline's answer ("morgen früh",
        "tmrw morning") asks whether that day is in time: read as if it ended in "?"."""
        if question.rstrip().endswith("?") or memory.entry is None:
            return question
        if not memory.recent(memory.at, now):
            return question
        entry = self.kb.find(memory.entry)
        if entry is None or entry.milestone != "deadline":
            return question
        if edition is _UNREAD:
            edition = self.edition()
        if not (days_named(question, local_today(edition, now)) and about_applying(question)):
            return question
        return f"{question.rstrip(' .!')}?"

    def _and_also(
        self,
        question: str,
        memory: FaqMemory,
        now: datetime,
        kb: KnowledgeBase,
        lang: str,
        sure: bool = False,
    ) -> tuple[Entry, str] | None:
        """ "und Landkreise?", "and counties?" right after an entry that settles yes/no
        questions, when that entry's terms settle the thing named: the question before
        with it in its place, asked as "auch als Landkreise?" (answered "Ja."/"Nein.", or
        that the call does not decide it: "und ein Landesministerium?"). Only "und"/"and"
        and at most three words besides an article, no question word or verb: "und das
        Geld?" names nothing the entry settles and stays a new question. `sure`: the
        matcher is sure of the question alone ("und die Frist?")."""
        if memory.entry is None or not memory.recent(memory.at, now):
            return None
        # "und ein Ministerium?", "und für Landkreise?"
        toks = [tok for tok in tokens(question) if tok not in _ARTICLES and tok not in _FOR]
        if len(toks) < 2 or len(toks) > 4 or toks[0] not in ("und", "and"):
            return None
        # "und das ist monatlich?": a verb (not "und gemeinden aus österreich?")
        if any(is_stopword(tok) and tok not in _FROM_A_PLACE for tok in toks[1:]):
            return None
        if not question.rstrip().endswith("?") or question_kind(question) is not None:
            return None
        entry = kb.find(memory.entry)
        if entry is None or not entry.polar:
            return None
        asked = f"{'also as' if lang == 'en' else 'auch als'} {' '.join(toks[1:])}?"
        if polarity(entry, asked) in ("yes", "no", "open"):
            return entry, asked
        # "und ein Jobcenter?" after who may apply, a kind its terms do not name and the
        # question alone is nothing the FAQ knows: who may apply, for the reader to judge
        if entry.id == ELIGIBILITY and not sure and not _ASKING_WORDS & set(toks):
            return entry, asked
        return None

    def _going_on(self, question: str, memory: FaqMemory, now: datetime) -> Entry | None:
        """The entry answered just before, when a question without a verb goes on from
        it ("Können wir uns als Stiftung bewerben?" – "als Verein?", "and as a charity?")
        and that entry settles yes/no questions."""
        if memory.entry is None or not memory.recent(memory.at, now):
            return None
        if not goes_on(question):
            return None
        try:
            entry = self.kb.get(memory.entry)
        except KeyError:
            return None
        return entry if entry.polar else None

    def _handing_in(self, question: str, memory: FaqMemory, now: datetime, kb) -> Entry | None:
        """A question with no topic but handing in: "bis wann genau?" asks by when (the
        dated entry answered just before, else the deadline; "bis wann kann ich mich
        bewerben?" names the application: the deadline whatever came before), "wo schick
        ich das hin?" where (the deadline's answer says the call does not name it)."""
        if not (
            asks_by_when(question)
            or asks_where_to_apply(question)
            or asks_how_to_apply(question)
            or asks_for_form(question)
            or (asks_late_handling(question) and about_applying(question, _LATE_WORDS))
            or (names_clock_time(question) and about_applying(question, _CLOCK_WORDS))
            or (question_kind(question) == "what_time" and _hour_to_hand_in(question))
            or (names_deadline(question) and about_applying(question, _CHOICE_WORDS))
        ):
            return None
        names_applying = any(tok.startswith(_TO_APPLY) for tok in tokens(question))
        recent = memory.entry is not None and memory.recent(memory.at, now)
        if asks_for_form(question) and not names_applying and memory.recent(memory.at, now):
            # "gibt es eine vorlage" right after the sketch (answered or offered): "Ja."
            # with the sketch's template, not the application's form
            for said in (memory.entry, *memory.offered):
                entry = kb.find(said) if said else None
                if entry is not None and polarity(entry, question) == "yes":
                    return entry
        if recent and points_at(question) and not names_applying:
            return None  # "is there a template for it?" after the sketch: the sketch's
        if asks_by_when(question) and not names_applying and memory.entry:
            try:
                entry = kb.get(memory.entry)
            except KeyError:
                entry = None
            if entry is not None and self._dated(entry) and memory.recent(memory.at, now):
                return entry
        return kb.at_milestone("deadline")

    def _decided(self, match: Match, question: str, now: datetime, edition) -> Entry | None:
        """An entry the matcher was not sure of, when a yes/no question's own words
        decide it: the deadline, when the question is about nothing but handing in on
        a day ("ist der 5.5. noch ok?", "geht das am Wochenende?") or about an extension,
        and no close entry gives that day; a figure that each close entry naming its
        kind contradicts ("10 Projekte?" against five): the closest of them."""
        if question_kind(question) != "yes_no":
            return None
        close = list({e.id: e for e in [*match.options, *self.suggestions(match)]}.values())
        if edition is _UNREAD:
            edition = self.edition()
        lang = match.lang
        texts = {e.id: answer_text(e, lang, edition, now) for e in close}
        asked = figures(question)
        deadline = self.kb.at_milestone("deadline")
        today = local_today(edition, now)
        if (
            deadline is not None
            and (days_named(question, today) or asks_extension(question) or asks_state(question))
            and about_applying(question)  # not "Kann ich Sie am 5.5. anrufen?"
            and not any(
                asked.get("day", set()) & figures(texts[e.id]).get("day", set())
                for e in close
                if e is not deadline
            )
        ):
            _, verdict = self._formed(deadline, lang, now, question, edition)
            if verdict in _VERDICTS or asks_extension(question):
                return deadline
        if not close:  # nothing worth offering: nothing to decide between
            return None
        # "können sich auch unis bewerben?", "kommt die expertin aus der verwaltung?"
        lone = _lone_no(close, question)
        if lone is not None and (
            _barred(lone, question) or _by_phrase(lone, close, match, question)
        ):
            return lone
        # the close entries whose answers name a kind of figure the question names
        # ("10 Projekte?": the number of projects, not the talks offered first); each
        # may be the one meant, so all must say no ("5 Profile?": the profiles and the
        # choice of the expert both say 1–3), and the closest is answered
        asked = terms(question).keys()
        naming = [e for e in close if asked & terms(texts[e.id]).keys()]
        if not naming or any(judge_terms(question, texts[e.id])[0] != "no" for e in naming):
            return None
        toks = tokens(question)
        if any(_open_in(e, toks) for e in close):
            return None  # "can two municipalities apply together?": their own case, no claim
        return naming[0]

    def _overlap(self, question: str, match: Match, now: datetime, edition) -> Outbound | None:
        """ "überschneiden sich Skizze und Besprechung?": the two closest steps of the
        timeline that the call dates as ranges or days, Ja or Nein from their days, and
        both answers; None unless two such steps are close."""
        if edition is None:
            return None
        scored = [(match.best, match.score), *((c.entry, c.score) for c in match.runner_ups)]
        steps = []
        for entry, score in scored:
            m = edition.milestone(entry.milestone) if entry and entry.milestone else None
            if m is not None and m.precision == "day" and score >= SUGGESTION_FLOOR:
                steps.append((entry, m))
        if len(steps) < 2:
            return None
        (a, ma), (b, mb) = sorted(steps[:2], key=lambda step: step[1].day)
        overlap = mb.day <= (ma.until or ma.day)
        lang = match.lang
        lead = t("faq_overlap" if overlap else "faq_no_overlap", lang)
        answers = "\n".join(answer_text(e, lang, edition, now) for e in (a, b))
        source = t("source", lang, section=f"{a.section} / {b.section}")
        return Outbound(f"{lead}\n{answers}\n\n{source}", lang=lang)

    @staticmethod
    def _about_call(match: Match, matcher: Matcher) -> bool:
        """A question of words the knowledge base does not know at all ("muss man
        Englisch können?", "ist das seriös?"), read by meaning: closest to a written
        question about the program that the call says nothing of."""
        if not match.off_topic or match.best is not None:
            return False
        sim, nearest = matcher.semantic.nearest_negative(matcher.semantic.vector(match.question))
        return sim >= ABOUT_CALL_SIMILARITY and nearest in about_call_texts()

    @staticmethod
    def _everyday(match: Match, matcher: Matcher) -> bool:
        """Whether a question is close to a written question about everyday life (the
        weather tomorrow), whatever was said before it."""
        sim, _ = matcher.semantic.nearest_negative(matcher.semantic.vector(match.question))
        return sim >= EVERYDAY_SIMILARITY

    def _settled(
        self,
        match: Match,
        question: str,
        matcher: Matcher,
        now: datetime,
        edition,
        memory: FaqMemory | None = None,
    ) -> Entry | None:
        """A yes/no question the matcher was not sure of, when an entry's `polar` terms
        settle it: the closest entry, if it is the best guess and its terms decide the
        question ("Is the salary covered fully?", "we are a district office, are we
        eligible?"); with nothing close, an entry whose terms say the call does not
        decide it, when the knowledge base knows every word of the question ("Gibt es
        einen Eigenanteil?", "gibt es Reisekosten?"); a choice between two things the
        best guess's terms leave open, asked in nothing but its words ("Abschlussevent
        online oder vor Ort?")."""
        toks = tokens(question)
        content = _asked_words(toks)
        what_if = asks_what_if(question)  # a case: only what the call leaves open
        if what_if:  # "what if …": the case, not the words asking it
            content = [tok for tok in content if tok not in QUESTION_WORDS]
        best = match.best
        if best is not None and not match.off_topic and open_choice(best, question):
            return best if _only_terms(content, toks, best, keywords=True) else None
        place = named_place(question)
        if best is not None and place and "where" in best.silent_on and not match.off_topic:
            # "ist das Kick-off in Stuttgart?": where, which the call does not say (the
            # place is a word the knowledge base need not know)
            rest = [tok for tok in content if tok != place]
            return best if rest and _only_terms(rest, toks, best, keywords=True) else None
        if question_kind(question) != "yes_no" and not what_if:
            return None
        first = None
        if len(match.options) == 1 and not match.off_topic:  # "Meinen Sie „Vergütung“?"
            first = match.options[0] if match.options[0] is match.best else None
        elif memory is not None and memory.entry and memory.recent(memory.at, now):
            # "oct to march right?" right after the project period: that answer, if it is
            # the best guess
            first = match.best if match.best and match.best.id == memory.entry else None
        elif len(match.options) > 1 and not match.off_topic:
            if match.options[0] is match.best and _figure_agreed(
                match.options, question, content, toks
            ):
                return match.best  # "arbeitet der experte 6 monate?": both say six months
            first = self._first_settles(match, question, toks, content)
        if first is not None:
            if edition is _UNREAD:
                edition = self.edition()
            answer = answer_text(first, match.lang, edition, now)
            # an address asked back, or nothing but the entry's own words ("salary",
            # "district", "Saxony", a month the answer names): "a template for a rental
            # contract?" is not the sketch's
            content_ = [
                tok for tok in content if not (tok in MONTH_NAMES and tok in _months(answer))
            ]
            sure = confirms(question, first.answer["de"]) or (
                first.polar and _only_terms(content_, toks, first, keywords=True)
            )
            # a figure it contradicts is `_decided`'s (other close entries may name it)
            verdict = polarity(first, question, answer) if sure else None
            if what_if:
                verdict = "open" if _open_in(first, toks) else None
            if verdict is not None and judge_terms(question, answer)[0] != "no":
                return first
        for entry in matcher.kb.entries:
            if not entry.polar.get("open"):
                continue
            if not _open_in(entry, toks) if what_if else polarity(entry, question) != "open":
                continue
            # nothing but the entry's terms ("Eigenanteil", "Reisekosten"): "gibt es eine
            # App zum Deutschlernen?" is about something else, "müssen wir etwas leisten?"
            # about nothing named; the best guess's topic counts for moving its date ("kann
            # man das Vorgespräch verschieben?")
            moved = entry is best and asks_to_move(question)
            if content and _only_terms(content, toks, entry, topic=moved):
                return entry
        return None

    def _the_dated_one(self, match: Match, question: str, matcher: Matcher) -> Entry | None:
        """ "ab wann arbeitet die person bei uns", "wann bekomme ich bescheid ob wir dabei
        sind?": a when-question whose options hold one entry with a date, the best guess,
        that entry (the others cannot answer when); not with a name the knowledge base
        does not know ("Wann ist die Frist für Kommune Innovativ?" asks of another
        program)."""
        if "_when" not in {term for term, _ in matcher.coverage.terms(question)}:
            return None
        dated = [e for e in match.options if self._dated(e)]
        # the best guess ("wann wurde Lokalprojekte gegründet?" is Lokalprojekte's, and
        # the kick-off beside it no answer)
        if len(dated) != 1 or not dated[0] is match.options[0] is match.best:
            return None
        unknown = _unknown(matcher, question)
        written = re.findall(r"\w+", question)[1:]  # not the first word: any word starts so
        if any(w[:1].isupper() and stem(fold(w)) in unknown for w in written):
            return None
        return dated[0]

    @staticmethod
    def _first_settles(
        match: Match, question: str, toks: list[str], content: list[str]
    ) -> Entry | None:
        """ "Werden die Personalkosten komplett übernommen?" among the pay, what is funded
        and the EUR 3,000: the best guess, when the question holds nothing but its terms
        and it decides the question (or says the call leaves it open: "können sich zwei
        Gemeinden gemeinsam bewerben?"), and every other option whose terms hold the whole
        question too decides it the same way (the pay and what is funded both say "Ja")."""
        best = match.options[0]
        if best is not match.best or not content or not best.polar:
            return None
        if not _only_terms(content, toks, best, keywords=True):
            return None
        verdict = polarity(best, question)
        if verdict not in ("yes", "no", "open"):
            return None
        others = [o for o in match.options[1:] if _only_terms(content, toks, o, keywords=True)]
        return best if all(polarity(o, question) == verdict for o in others) else None

    @staticmethod
    def _role(question: str, kb) -> tuple[Entry, str | None, Entry | None] | None:
        """Who funds and who runs the program, asked of one of the two: "is Lokalprojekte
        the funder?" (Nein), "führt Lokalprojekte das Programm durch?" (Ja), "was ist die
        Rolle der Robert Bosch Stiftung?" (the funder, and what it pays). The funder's
        entry, the lead ("faq_yes", "faq_no" or None) and an entry to add (or None)."""
        toks = tokens(question)
        text = f" {' '.join(toks)} "
        bosch = "bosch" in toks or "rbs" in toks  # not "die Mercator Stiftung"
        lokal = any(tok.startswith("lokalprojekt") for tok in toks)
        if bosch == lokal:  # neither, or both ("fördert Bosch oder Lokalprojekte?")
            return None
        funds, runs = _has_any(text, _FUNDS), _has_any(text, _RUNS)
        try:
            funder = kb.get(FUNDER)
        except KeyError:
            return None
        if question_kind(question) == "yes_no" and funds != runs:
            return funder, "faq_yes" if bosch == funds else "faq_no", None
        if bosch and not (funds or runs) and _has_any(text, _ROLE):
            more = kb.find(FUNDING)
            return funder, None, more
        return None

    def _member(self, question: str, match: Match, matcher: Matcher) -> tuple[Entry, str] | None:
        """ "ist Leipzig dabei?", "macht München mit", "is Leipzig taking part": a place
        asked to be among the participants that is none of them (a word the knowledge
        base does not know), with the place as written; None for anything else (one of
        the five is the entry's "Ja", "können wir mitmachen?" is who may apply)."""
        if question_kind(question) != "yes_no" and not question.rstrip().endswith("?"):
            return None
        toks = tokens(question)
        text = f" {' '.join(toks)} "
        taking_part = any(tok.startswith(_TAKING_PART) for tok in toks) or any(
            f" {p} " in text for p in _ONE_OF_THE_FIVE
        )
        if toks[:1] in (["macht"], ["machen"]) and toks[-1] == "mit":
            taking_part = True
        # "muss der Bürgermeister dabei sein?" asks who has to attend, not who takes part
        if not taking_part or set(toks) & (_MAY | _MUST_BE):
            return None
        try:
            entry = matcher.kb.get(PARTICIPANTS)
        except KeyError:
            return None
        if polarity(entry, question) is not None:  # one of the five
            return None
        # a word no entry's terms name either: a Land ("NRW", "Sachsen") has participants
        named = {stem(p) for e in matcher.kb.entries for side in e.polar.values() for term in side
                 for p in tokens(term)}  # fmt: skip
        unknown = _unknown(matcher, question) - named
        words = [
            w
            for w in re.findall(r"[^\W\d_](?:[\w-]*\w)?", question)
            if stem(fold(w)) in unknown or fold(w) in _CITY_STATES
        ]
        if not words:
            return None
        return entry, " ".join(w[:1].upper() + w[1:] for w in words)

    def _said_again(
        self, question: str, entry: Entry, reply: Outbound, lang: str, now: datetime, edition
    ) -> Outbound:
        """The answer just given, asked for again ("sprache auch?", "und arbeit?" after the
        topics): the sentence that names what was asked; "was heißt
        Arbeitnehmerüberlassung?": that the call explains no more, with its sentence and
        the contacts. The reply as it is otherwise."""
        if edition is _UNREAD:
            edition = self.edition()
        answer = answer_text(entry, lang, edition, now)
        if answer not in reply.text:  # a formed answer ("Ja, bis morgen …"): its own words
            return reply
        one = sentence_asked(question, answer)
        if asks_meaning(question):
            said = f"{t('faq_no_more', lang)}\n{one or answer}"
            text = f"{reply.text.replace(answer, said, 1)}\n\n{t('faq_ask_more', lang)}"
            return dataclasses.replace(reply, text=text, buttons=())
        if one is None:
            return reply
        return dataclasses.replace(reply, text=reply.text.replace(answer, one, 1))

    @staticmethod
    def _one_of_five(question: str, entry: Entry | None, lang: str) -> str | None:
        """ "was hat kalletal gemacht", "und stralsund": the participants answered or
        offered alone, and a question that names one of them and asks nothing but what it
        does: that one's project ("wie viele Einwohner hat Pforzheim?" asks something
        else, "ist Torgau dabei?" whether it takes part)."""
        if entry is None or entry.id != PARTICIPANTS:
            return None
        places = {fold(p): p for p in entry.polar.get("yes", ())}

        def place_of(tok: str) -> str | None:  # "stralsund-app" is one word "stralsundapp"
            if tok in places:
                return tok
            return next((p for p in places if tok.startswith(p) and _is_doing(tok[len(p) :])), None)

        toks = tokens(question)
        named = [place for tok in toks if (place := place_of(tok))]
        rest = [tok for tok in toks if not place_of(tok)]
        # (being chosen said, not asked: "ist stralsund schon ausgewählt?" asks it)
        chosen = _ONE_OF_THEM if question_kind(question) != "yes_no" else frozenset()
        if len(named) != 1 or not all(
            is_stopword(tok) or tok in QUESTION_WORDS or _is_doing(tok) or tok in chosen
            for tok in rest
        ):
            return None
        line = next((i for i in _projects(entry, lang) if places[named[0]] in i), None)
        return f"{line}." if line else None

    def _dated(self, entry: Entry) -> bool:
        return entry.id in DATED_ENTRIES or entry.milestone is not None

    def entry_reply(
        self,
        entry: Entry,
        lang: str,
        now: datetime,
        question: str = "",
        *,
        edition=_UNREAD,
        brief: bool = False,
        lead: str | None = None,
        said: str | None = None,
        note: str = "",
    ) -> Outbound:
        """The entry's answer for this moment, in the form of the question (a pressed
        button has none); `edition` if the caller read it already. `brief`: the chat
        was just told the call is closed, so a "no" about applying is one line. `note`:
        a line after the answer (the deadline, to "kann ich mich bewerben?")."""
        if edition is _UNREAD:
            edition = self.edition()
        source = t("source", lang, section=entry.section)
        buttons, offer = (), ""
        state = call_state(edition, local_today(edition, now))
        if state is CallState.UPCOMING and _about_the_call(entry):
            # "startet in Kürze" is the call's heading "Bewerbungsphase – STARTING SOON"
            source = t("call_upcoming_source", lang, section=entry.section)
        if self.offer_reminders and self._dated(entry):
            if state in (CallState.CLOSED, CallState.OVER) and _about_the_call(entry):
                # the state of the call is the answer: the offer is asked, so a "ja"
                # (or "yes please") to it puts the person on the list
                buttons = (Button(t("next_call_button", lang), NEXT_CALL_DATA, confirms=True),)
                offer = t("next_call_offer", lang)
            elif state in (CallState.CLOSED, CallState.OVER):
                buttons = (Button(t("next_call_button", lang), NEXT_CALL_DATA),)
            elif entry.id in DATED_ENTRIES:  # an answer asks nothing: a bare "ja" is no press
                buttons = (Button(t("subscribe_button", lang), SUBSCRIBE_DATA),)
        if not_known_yet(entry, edition, local_today(edition, now)):
            # "ist Torgau dabei?" in April: nobody is chosen yet – the answer before it,
            # in no form of the question (no "Ja")
            answer, verdict = as_list(answer_text(entry, lang, edition, now)), None
            lead = said = None
        else:
            answer, verdict = self._formed(entry, lang, now, question, edition, brief)
        answer = said or answer  # a follow-up's short answer ("60 bis 90 Minuten")
        if lead:  # "Nein." before the talks' dates; "no duration named" on its own line
            said_first = t(lead, lang)
            inline = lead.startswith("faq_") and not said_first.endswith(":")
            answer = f"{said_first}{' ' if inline else chr(10)}{answer}"
        answer = self._against_negation(answer, question, lang)
        if note:
            answer = f"{answer}\n{note}"
        if brief and verdict == "brief":
            return Outbound(answer, lang=lang)
        if offer:
            return Outbound(f"{answer}\n\n{source}\n\n{offer}", buttons, lang=lang)
        return Outbound(f"{answer}\n\n{source}", buttons, lang=lang)

    @staticmethod
    def _any_size(entry: Entry, question: str) -> bool:
        """A kind of applicant the call names, of a size it sets no minimum for: the
        question without its size ("mit 4000 Einwohnern") is answered "Ja"."""
        words = [
            word
            for word in question.split()
            if not any(tok.isdigit() or tok.startswith(_SIZE_WORDS) for tok in tokens(word))
        ]
        return len(words) < len(question.split()) and polarity(entry, " ".join(words)) == "yes"

    @staticmethod
    def _against_negation(answer: str, question: str, lang: str) -> str:
        """The answer's "Ja"/"Nein" as it reads after a negated question: "Das stimmt
        (nicht)" to "Vereine dürfen nicht, stimmt das?", "Doch" to "Können Landkreise
        sich nicht bewerben?" (the verdict is about the thing itself: may districts); none
        after "auch nicht …?"."""
        negated = negation(question) if question else None
        if negated is None:
            return answer
        words = {t(key, lang).rstrip("."): key for key in ("faq_yes", "faq_no")}
        word = next((w for w in words if re.match(rf"{w}(?:[.,]| –)", answer)), None)
        if word is None:
            return answer
        rest = answer[len(word) :]
        if negated == "either":  # "auch nicht die 3000 Euro?": the answer says which
            return rest.lstrip(".,– ")
        if negated == "statement":  # "Ja, bis morgen …": "Das stimmt nicht: bis morgen …"
            instead = t("faq_not_right" if words[word] == "faq_yes" else "faq_right", lang)
            return instead + (":" + rest[1:] if rest.startswith(",") else rest)
        if words[word] == "faq_yes":  # "Können Landkreise sich nicht bewerben?": "Doch."
            return t("faq_doch", lang) + rest
        return answer

    def _formed(
        self, entry: Entry, lang: str, now: datetime, question: str, edition, brief: bool = False
    ) -> tuple[str, str | None]:
        """The answer in the form of the question, and the form it took ('yes', 'no',
        'partly', 'open', 'silent', 'brief' or None)."""
        answer = as_list(answer_text(entry, lang, edition, now))
        if not question:
            return answer, None
        # "gibt es eine nächste Ausschreibung?" is not judged against the deadline
        deadline = entry.milestone == "deadline" and "next_call" not in placeholders(
            entry.answer[lang]
        )
        if deadline and asks_for_form(question):  # "Bewerbungsformular?": none in the call
            doubt = self._in_doubt(lang, now, edition)
            state = call_state(edition, local_today(edition, now))
            if state not in (CallState.UPCOMING, CallState.OPEN):  # the sketch is past too
                return f"{t('silent_form', lang)}\n{answer}\n{doubt}", "silent"
            later = render(
                t("form_sketch_later", lang, sketch_phase="{sketch_phase}"), edition, lang
            )
            return f"{t('silent_form', lang)}\n{answer}\n{later}\n{doubt}", "silent"
        if deadline and asks_late_handling(question):  # "Unterlagen nachreichen?": not said
            doubt = self._in_doubt(lang, now, edition)
            return f"{t('silent_late', lang)}\n{answer}\n{doubt}", "silent"
        if deadline and asks_how_to_apply(question):  # "per Post?", "an wen?": not in the call
            doubt = self._in_doubt(lang, now, edition)
            return f"{t('silent_where_deadline', lang)}\n{answer}\n{doubt}", "silent"
        formed = deadline and self._deadline_formed(question, lang, now, edition, answer, brief)
        clock = names_clock_time(question)  # "bis 24 Uhr?": the call names no time of day
        if formed and (formed[1] == "no" or not clock):
            return formed
        m = edition.milestone(entry.milestone) if edition and entry.milestone else None
        span = m is not None and (m.precision != "day" or m.until is not None)
        if span and not deadline and asks_exact_day(question):
            # "wann genau im Oktober ist das Kick-off?": no day named, only the month (or,
            # for the talks, the span of days)
            key = "silent_exact" if m.until is None else "silent_exact_span"
            return f"{t(key, lang)}\n{answer}", "silent"
        kind = silent_kind(entry, question)
        if clock and self._dated(entry) and kind is None:
            kind_asked = "what_time"
        else:
            kind_asked = question_kind(question)
        if kind is None and kind_asked == "what_time" and self._dated(entry):
            doubt = self._in_doubt(lang, now, edition)
            m = edition.milestone(entry.milestone) if edition and entry.milestone else None
            key = "silent_exact" if m is not None and m.precision != "day" else "silent_what_time"
            return f"{t(key, lang)}\n{answer}\n{doubt}", "silent"
        exact = self._day_form(entry, question, edition)
        if exact == "silent":  # "am 1. Oktober?" when the call says "im Oktober"
            return f"{t('silent_exact', lang)}\n{answer}", "silent"
        if exact == "no":  # "am 5. März?" when the call says "Ende März"
            return f"{t('faq_no', lang)} {answer}", "no"
        form = polarity(entry, question, answer)
        if kind == "where" and deadline:  # "und wo?": where to hand in is not in the call
            doubt = self._in_doubt(lang, now, edition)
            return f"{t('silent_where_deadline', lang)}\n{answer}\n{doubt}", "silent"
        if kind:
            return f"{t(f'silent_{kind}', lang)}\n{answer}", "silent"
        if form == "open" and entry.id == ELIGIBILITY and self._any_size(entry, question):
            # "wir sind ne kleine Gemeinde mit 4000 Einwohnern, können wir uns bewerben?"
            big = asks_town_size(question) == "big"  # "auch für große Städte?"
            return (
                f"{t('faq_yes_any_size_big' if big else 'faq_yes_any_size', lang)} {answer}",
                "yes",
            )
        if form == "open":
            return f"{t('faq_open', lang)}\n{answer}", form
        if form:
            return f"{t(f'faq_{form}', lang)} {answer}", form
        return answer, None

    @staticmethod
    def _day_form(entry: Entry, question: str, edition) -> str | None:
        """'silent' for a yes/no question naming a day of a step the call dates less
        exactly ("Ist der Kick-off am 1. Oktober?" to "im Oktober 2023", "Do we hear
        back on 18 May?" to "after the talks"), 'no' when that day cannot be it ("am
        5. März?" to "Ende März", "am 15. Mai?" to "after 17 May"); None otherwise."""
        m = edition.milestone(entry.milestone) if edition and entry.milestone else None
        if m is None or m.precision == "day" or question_kind(question) != "yes_no":
            return None
        days = []
        for day, month in figures(question).get("day", ()):
            try:
                days.append(date(m.day.year, month, day))
            except ValueError:
                continue
        if not days:
            return None
        if m.precision == "after":
            possible = [d for d in days if d > (m.until or m.day)]
        else:
            first, last = _PARTS.get(m.precision, (1, 31))
            possible = [d for d in days if d.month == m.day.month and first <= d.day <= last]
        return "silent" if possible else "no"

    def _deadline_formed(
        self, question: str, lang: str, now: datetime, edition, answer: str, brief: bool
    ) -> tuple[str, str] | None:
        """A yes/no question about applying, judged against the deadline on the day
        it is read: "Ja, bis morgen, 3. Mai 2023 – …", "Nein, Bewerbungsschluss ist …"."""
        m = edition.milestone("deadline") if edition else None
        today = local_today(edition, now)
        state = call_state(edition, today)
        # "kann ich mich schon bewerben?", "läuft die Bewerbungsphase?": not yet
        if (
            state is CallState.UPCOMING
            and question_kind(question) == "yes_no"
            and not days_named(question, today)
            and not asks_extension(question)
        ):
            return f"{t('call_not_yet', lang)} {answer}", "no"
        if m is None or state not in (CallState.OPEN, CallState.CLOSED, CallState.OVER):
            return None
        last = m.until or m.day
        day, open_ = long_day(last, lang), state is CallState.OPEN
        if asks_extension(question):
            if open_:
                when = relative_days((last - today).days, lang)
                return t("faq_extension_open", lang, when=when, deadline=day), "open"
            doubt = self._in_doubt(lang, now, edition)
            return f"{t('faq_extension_closed', lang, deadline=day)}\n{doubt}", "no"
        verdict = deadline_verdict(question, today, last)
        if verdict is None and not open_ and asks_to_apply(question):  # "kann ich mich bewerben?"
            verdict = "no"
        if verdict is None or (verdict == "partly" and not open_):
            return None
        if open_ and not days_named(question, today):  # "noch offen?", "verpasst?": the state
            return f"{t(f'faq_{verdict}', lang)} {answer}", verdict
        if open_ and verdict == "no" and last == today:
            # "hab die frist verpasst. geht das noch morgen?" on the day: today still is
            return t("faq_deadline_no_today", lang, deadline=day), verdict
        if open_ and verdict == "no":
            when = relative_days((last - today).days, lang)
            return t("faq_deadline_no", lang, deadline=day, when=when), verdict
        if open_:
            # "heute oder morgen?" with both days in time: not "Ja", but both
            form = "both" if verdict == "yes" and choice(question) else verdict
            said = t(f"faq_deadline_{form}", lang, until=self._until(last, today, lang))
            if form == "yes" and last == today and names_tonight(question):
                said = f"{said} {t('faq_no_hour', lang)}"  # "heute nacht noch?" on the day
            return said, verdict
        if brief and verdict == "no":
            return t("faq_deadline_closed_brief", lang, deadline=day), "brief"
        return f"{t(f'faq_{verdict}', lang)} {answer}", verdict

    @staticmethod
    def _until(last: date, today: date, lang: str) -> str:
        """ "morgen, 3. Mai 2023", "Freitag, 5. Mai 2023", "zum 20. Mai 2023"."""
        n, day = (last - today).days, long_day(last, lang)
        if n == 0:
            return t("until_today", lang, day=day)
        if n == 1:
            return t("until_tomorrow", lang, day=day)
        if 1 < n < 7:
            weekday = t("weekdays_full", lang).split(",")[last.weekday()]
            return t("until_weekday", lang, weekday=weekday, day=day)
        return t("until_day", lang, day=day)

    def _in_doubt(self, lang: str, now: datetime, edition) -> str:
        """ "Im Zweifel fragen Sie bei Lokalprojekte nach (…) – erreichbar ab Mi 03.05. 09:00." """
        tz = ZoneInfo(edition.timezone if edition else "Europe/Berlin")
        opens = parse_office_hours(self.kb.get("contact").answer["de"]).next_opening(now, tz)
        reach = (
            t("reach_now", lang)
            if opens is None
            else t("reach_from", lang, when=fmt_when(opens, lang, tz))
        )
        names = ", ".join(name for name, _ in self._contact_people(lang))
        return t("faq_ask_in_doubt", lang, names=names, reach=reach)

    def clarify_reply(self, match: Match) -> Outbound:
        """One short question with the close entries as buttons."""
        return self.ask_which(match.options, match.lang)

    def ask_which(self, entries: Sequence[Entry], lang: str) -> Outbound:
        """ "Meinen Sie „…“ oder „…“?" with the entries as buttons."""
        names = [f"„{e.topic[lang]}“" if lang == "de" else f'"{e.topic[lang]}"' for e in entries]
        joined = (
            names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {t('or', lang)} {names[-1]}"
        )
        return Outbound(t("clarify", lang, options=joined), self._buttons(entries, lang), lang=lang)

    def person_hours(
        self,
        question: str,
        lang: str,
        now: datetime,
        tz: ZoneInfo,
        *,
        today_too: bool = True,
        kb: KnowledgeBase | None = None,
        details: bool = False,
    ) -> str | None:
        """When a contact named in the question can be reached on the day asked ("wann
        ist Frau Bock erreichbar?" on a Friday: not today, and who can), or who can be
        reached on a day named ("whos available on friday"); None when the question asks
        neither. Each person's own office hours from the contact answer. `today_too`:
        False where the team's state now is said anyway ("ist heute jemand erreichbar?"
        names no one: None). `kb`: the knowledge base the caller read already.
        `details`: the question asks for a contact's number or e-mail ("charlotte email"):
        when that person can be reached goes with it."""
        people = self._people_hours(kb)
        toks = tokens(question)
        named = [p for p in people if _named(toks, p[0])]
        # "ist christine montags da?", "is charlotte around on friday": of a person named
        present = named and bool(_PRESENT & set(toks))
        if not (_asks_availability(question) or present or details and named):
            return None
        local = now.astimezone(tz)
        today = local.date()
        day, every = self._day_asked(question, toks, today)
        if not named and not _asks_availability(question, calling=False):
            return None
        if not named and (day is None or (day == today and not every and not today_too)):
            return None
        day = day or today
        weekday = t("weekdays_full", lang).split(",")[day.weekday()]
        if every:
            phrase = t("day_every", lang, weekday=weekday if lang == "en" else weekday.lower())
        elif day == today:
            phrase = t("day_today", lang)
        elif day == today + timedelta(days=1):
            phrase = t("day_tomorrow", lang)
        else:
            phrase = t("day_on", lang, weekday=weekday)
        capital = phrase[:1].upper() + phrase[1:]
        later_today = day == today and not every
        spans = {name: hours._span(day) for name, hours in people}
        # who can be reached that day (today: only who is still to come or there now)
        there = {
            name: t(
                "hours_span", lang, name=name, start=_clock(sp[0], lang), end=_clock(sp[1], lang)
            )
            for name, sp in spans.items()
            if sp is not None and not (later_today and local.time() >= sp[1])
        }
        joined = f" {t('or', lang)} ".join
        if not named:
            if not there:  # "heute nicht mehr" when someone was there earlier today
                if later_today and any(spans.values()):  # back at the next opening
                    opens = min(o for _, h in people if (o := h.next_opening(now, tz)))
                    when = fmt_when(opens, lang, tz)
                    return t("hours_nobody_more", lang, day=capital, when=when)
                return t("hours_nobody", lang, day=capital)
            return t("hours_others", lang, day=capital, people=joined(there.values()))
        lines = []
        asked_yes_no = question_kind(question) == "yes_no"
        for name, hours in named:
            span, told = spans[name], hours.describe(lang)
            if asked_yes_no:  # "kann ich sie freitags anrufen?": Ja or Nein first
                # "jetzt noch erreichen?" after today's hours: Nein (a mail may still go)
                gone = later_today and span is not None and local.time() >= span[1]
                yes = span is not None and _at_hours(question, span)
                yes = yes and not (gone and _asks_availability(question))
                lines.append(t("faq_yes" if yes else "faq_no", lang))
            opens = hours.next_opening(now, tz)
            when = fmt_when(opens, lang, tz) if opens else ""
            if span is not None and later_today and span[0] <= local.time() < span[1]:
                end = _clock(span[1], lang)
                lines.append(t("hours_person_now", lang, name=name, end=end, hours=told))
            elif span is not None and later_today and local.time() >= span[1]:
                lines.append(t("hours_person_over", lang, name=name, hours=told, when=when))
            elif span is not None:
                start, end = _clock(span[0], lang), _clock(span[1], lang)
                lines.append(
                    t("hours_person_open", lang, name=name, day=phrase, start=start, end=end,
                      hours=told)
                )  # fmt: skip
            else:
                key = "hours_person_closed_today" if later_today and when else "hours_person_closed"
                lines.append(t(key, lang, name=name, day=phrase, hours=told, when=when))
                if others := [text for n, text in there.items() if n != name]:
                    lines.append(t("hours_others", lang, day=capital, people=joined(others)))
        return " ".join(lines)

    @staticmethod
    def _day_asked(question: str, toks: list[str], today: date) -> tuple[date | None, bool]:
        """The day a question asks about, and whether it asks about that weekday in
        general ("freitags", "on Fridays")."""
        for tok in toks:
            if tok.endswith("s") and tok[:-1] in WEEKDAY_NAMES:
                ahead = (WEEKDAY_INDEX[tok[:-1]] - today.weekday()) % 7
                return today + timedelta(days=ahead), True
        named = days_named(question, today)
        if named and named[0].first == named[0].last:
            return named[0].first, False
        return None, False

    def hours_again(
        self, question: str, memory: FaqMemory, now: datetime, known: str | None, default: str
    ) -> str:
        """ "und morgen?", "und freitags?", "und frau bock?", "ok what about tomorrow
        morning?" right after the contacts' hours: the same asked of that day or person
        ("… erreichbar?", which the hours answer); else the question as it is. `known`:
        the language the person reads, if known (else the question's, else `default`)."""
        if memory.entry != CONTACT or not memory.recent(memory.at, now):
            return question
        toks = tokens(question)
        people = [name for name, _ in self._people_hours()]
        names = {t for name in people for t in tokens(name.replace("-", " "))}
        days = {tok for tok in toks if tok in _NEAR_DAYS or tok.rstrip("s") in WEEKDAY_NAMES}

        def available(*who: str) -> str:  # "… erreichbar?", which the hours answer
            # ("when then?" is too short to tell: the language of the hours just given)
            lang = known or self.language(question if len(toks) > 3 else memory.gist, default)
            both = f" {'und' if lang == 'de' else 'and'} ".join(who)
            return f"{both} {'erreichbar' if lang == 'de' else 'available'}?"

        if {"andere", "anderen", "other"} & set(toks) and set(toks) <= _THE_OTHER | days:
            # "und die andere?" after one contact's hours: the other one's
            said = sorted((memory.gist.find(n), n) for n in people if n in memory.gist)
            if len(people) == 2 and said:
                other = next(n for n in people if n != said[0][1])
                return available(" ".join([other, *(tok for tok in toks if tok in days)]))
        # "und ihre nummer?", "and her email?" after one contact's hours: that one's details
        detail = _DETAIL_WORDS & set(toks)
        if detail and _HER & set(toks) and set(toks) <= _DETAIL_WORDS | _HER | _DETAIL_FILLER:
            named = [n for n in people if n in memory.gist]
            if len(named) == 1:
                return f"{named[0]} {' '.join(sorted(detail))}"
        # "when is she back?", "und wann wieder?" after one contact's hours; "wann sind sie
        # wieder da?", "when then?" after both or nobody: both
        # ("are they available now?", "ist sie gerade erreichbar?" too)
        when = {"wann", "when", "available", "erreichbar", "reachable"} & set(toks)
        when = when and set(toks) <= _BACK_AGAIN | _NOW
        if when and ((_BACK | _SHE) & set(toks) or len(toks) <= 3):
            named = [n for n in people if n in memory.gist]
            both = {"sind", "they", "are"} & set(toks) or not named
            return available(*(people if both else named[:1]))
        if not toks or len(toks) > 7 or not (days or names & set(toks)):
            return question
        if not set(toks) <= _HOURS_AGAIN | names | days:
            return question
        return available(" ".join(re.sub(r"[,.;:!?]+", " ", question).split()))  # one question

    def _people_hours(self, kb: KnowledgeBase | None = None) -> list[tuple[str, OfficeHours]]:
        """Each contact's name and own office hours (the line after their name)."""
        return [(name, parse_office_hours(rest)) for name, rest, _ in self._contact_lines("de", kb)]

    def silent_reply(
        self, lang: str, key: str = "faq_call_silent", *, again: bool = False
    ) -> Outbound:
        """A question about the program that the call says nothing of (how many applied,
        which documents): it says so and names the contacts, never a neighbouring fact;
        by /kontakt only when the contacts were named a moment ago (`again`). `key`: what
        exactly it does not say ("faq_no_link")."""
        if again:
            return Outbound(f"{t(key, lang)} {t('silent_contacts_again', lang)}", lang=lang)
        text = f"{t(key, lang)} {t('not_sure_contacts', lang, names=self._names(lang))}"
        return Outbound(text, lang=lang)

    def _names(self, lang: str) -> str:
        """The contacts with their addresses, for a line ("Charlotte Bock (…) oder …")."""
        return f" {t('or', lang)} ".join(
            f"{name} ({mail})" if mail else name for name, mail in self._contact_people(lang)
        )

    def not_sure_reply(self, match: Match, *, again: bool = False) -> Outbound:
        """The refusal: short enough for a phone, the contacts named once (by /kontakt
        only when the last refusal was a moment ago), the suggestions' question last."""
        lang = match.lang
        suggestions = self.suggestions(match)
        if again:
            parts = [t("not_sure_again", lang)]
        else:
            names = self._names(lang)
            parts = [f"{t('not_sure', lang)} {t('not_sure_contacts', lang, names=names)}"]
        if suggestions:
            parts.append(t("did_you_mean", lang))
        return Outbound("\n\n".join(parts), self._buttons(suggestions, lang), lang=lang)

    def suggestions(self, match: Match) -> list[Entry]:
        """Up to three closest entries worth offering (best guess first)."""
        if match.best is None:
            return []
        scored = [(match.best, match.score), *((c.entry, c.score) for c in match.runner_ups)]
        return [e for e, s in scored if s >= SUGGESTION_FLOOR][:MAX_SUGGESTIONS]

    def topics_reply(self, lang: str) -> Outbound:
        """The knowledge base's groups as choices (each opens its topics); a knowledge
        base without groups lists its topics at once."""
        groups = self._groups(lang)
        if len(groups) < 2:
            return Outbound(t("topics", lang), self._buttons(self.kb.entries, lang), lang=lang)
        buttons = tuple(
            Button(name, f"{FAQ_PREFIX}{lang}:{GROUP}{i}") for i, name in enumerate(groups)
        )
        return Outbound(t("topic_groups", lang), buttons, lang=lang)

    def _groups(self, lang: str) -> dict[str, list[Entry]]:
        groups: dict[str, list[Entry]] = {}
        for e in self.kb.entries:
            name = e.group[lang] if e.group else t("topic_group_other", lang)
            groups.setdefault(name, []).append(e)
        return groups

    def contact_reply(self, lang: str) -> Outbound:
        return Outbound(self._contacts(lang), lang=lang)

    def choice_reply(
        self, data: str, now: datetime, memory: FaqMemory | None = None
    ) -> Outbound | None:
        """The answer for a pressed `faq:<lang>:<id>` button; None if it is not valid."""
        lang, _, entry_id = data.removeprefix(FAQ_PREFIX).partition(":")
        if lang not in LANGS:
            return None
        if entry_id.startswith(GROUP):
            groups = list(self._groups(lang).items())
            number = entry_id.removeprefix(GROUP)
            if not (number.isascii() and number.isdigit() and int(number) < len(groups)):
                return None
            name, entries = groups[int(number)]
            text = t("topics_of_group", lang, group=name)
            return Outbound(text, self._buttons(entries, lang), lang=lang)
        try:
            entry = self.kb.get(entry_id)
        except KeyError:
            return None
        reply = self.entry_reply(entry, lang, now)
        if memory is not None:
            memory.remember(entry, reply, now)
        return reply

    @staticmethod
    def _buttons(entries, lang: str) -> tuple[Button, ...]:
        # one entry offered ("Meinen Sie „Nächste Ausschreibung“?"): a yes takes it
        one = len(entries) == 1
        return tuple(
            Button(e.topic[lang], f"{FAQ_PREFIX}{lang}:{e.id}", confirms=one) for e in entries
        )

    def _person_lines(self, question: str, lang: str, kb: KnowledgeBase | None) -> str:
        """The contact lines ("• Charlotte Bock – mail, number, …") of the people the
        question names; "" when it names none."""
        toks = tokens(question)
        return "\n".join(
            line for name, _, line in self._contact_lines(lang, kb) if _named(toks, name)
        )

    def _contact_people(self, lang: str) -> list[tuple[str, str]]:
        """(name, e-mail) of each contact ("• Charlotte Bock – charlotte.bock@…, …")."""
        people = []
        for name, rest, _ in self._contact_lines(lang):
            mail = re.search(r"[\w.+-]+@[\w.-]+\w", rest)
            people.append((name, mail.group(0) if mail else ""))
        return people

    def _contact_lines(
        self, lang: str, kb: KnowledgeBase | None = None
    ) -> list[tuple[str, str, str]]:
        """(name, the rest, the whole line) of each contact line of the contact answer
        ("• Charlotte Bock – charlotte.bock@…, …"); lines without a name are left out."""
        lines = []
        for line in self._contacts(lang, kb).splitlines():
            name, _, rest = line.lstrip("•").strip().partition(" – ")
            if name:
                lines.append((name, rest, line))
        return lines

    def _contacts(self, lang: str, kb: KnowledgeBase | None = None) -> str:
        answer = (kb or self.kb).get("contact").answer[lang]
        return answer.split("\n", 1)[1] if "\n" in answer else answer
