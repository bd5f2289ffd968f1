"""Plain-language requests of experts and buddies ("Wer ist mein Buddy?", "I need
to reschedule") mapped to the Jour Fixe commands: rapidfuzz over a small table of
phrases per intent. Destructive intents (cancel, move) only open the picker; the
confirmation comes after, as with the commands. Text that matches no intent well
enough goes on to the FAQ."""

from __future__ import annotations

import re
from dataclasses import replace

from rapidfuzz import fuzz

from bot.booking.base import BookingError
from bot.chat.handlers import Context
from bot.chat.jourfixe.common import booking, day_in, refusal
from bot.chat.jourfixe.meetings import (
    asks_next_one,
    cancel_command,
    meetings,
    move_command,
    move_words,
    named_number,
    next_meeting,
)
from bot.chat.jourfixe.requests import (
    REGULAR,
    request_slots,
    said_regular,
    said_series,
    slot_page,
)
from bot.chat.jourfixe.settings import free_times
from bot.messages import Outbound
from bot.texts import t
from storage.models import Role

__all__ = ["INTENTS", "match_intent", "read_intent", "reminder_request"]

INTENTS: dict[str, dict[str, int]] = {
    "next": {
        "nächste": 2, "nächster": 2, "nächsten": 2, "nächstes": 2, "next": 2, "upcoming": 3,
        "coming up": 3, "liegt an": 3, "pending": 3, "open requests": 3, "offene anfragen": 3,
        "anstehend": 3, "anstehende": 3, "steht an": 3, "meine termine": 3,
        "meine jour fixes": 3, "my meetings": 3, "my appointments": 3, "my schedule": 3,
        "übersicht": 2, "overview": 2, "kalender": 2, "calendar": 2, "liste": 2,
        "wieder": 2, "again": 2, "wann": 1, "when": 1, "termine": 1, "meetings": 1,
        "appointments": 1, "termin": 1, "meeting": 1, "jour fixe": 1, "jour fixes": 1,
        "zeig": 1, "show": 1, "list": 1, "habe ich": 1, "do i have": 1, "woche": 1, "week": 1,
        "scheduled": 2, "any meetings": 3, "morgen": 1, "tomorrow": 1, "heute": 1, "today": 1,
        "whens": 1, "jf": 1, "jfs": 1, "anything": 1, "this week": 2, "diese woche": 2,
        "dieser woche": 2, "etwas": 1,
    },
    "buddy": {
        "buddy": 2, "wer": 1, "who": 1, "heißt": 1, "name": 1, "betreut": 2, "betreue": 2,
        "zuständig": 3, "responsible": 3, "look after": 3, "assigned": 2, "zugeordnet": 2,
        "ansprechperson": 3, "ansprechpartner": 3, "contact": 2, "kontakt": 2,
        "mit wem": 3, "with whom": 3, "who do i meet": 3,
        "meine expert:innen": 3, "meine expertinnen": 3, "meine experten": 3,
        "my experts": 3, "which experts": 3, "welche expert:innen": 3,
        "expert:innen": 1, "expertinnen": 1, "experten": 1, "experts": 1,
    },
    "book": {
        "buchen": 3, "book": 3, "vereinbaren": 3, "anfragen": 3, "ausmachen": 3,
        "schedule": 3, "request": 2, "appointment": 1, "treffen": 2, "meet": 1,
        "set up": 2, "make": 2, "machen": 2, "möchte": 1, "want": 1, "brauche": 2,
        "need": 2, "hätte gern": 2, "hätte gerne": 2, "würde gern": 1, "würde gerne": 1,
        "mit meinem buddy": 2, "with my buddy": 2, "see my buddy": 3, "like": 1, "neuen": 1,
        "einen termin": 2, "a meeting": 2, "an appointment": 2, "einen jour fixe": 2,
        "uns treffen": 3, "get an appointment": 3,
        "weekly": 2, "wöchentlich": 2, "wöchentlichen": 2, "regelmäßig": 2, "regelmäßigen": 2,
        "regular": 2, "extra": 2, "zusätzlich": 2, "zusätzlichen": 2, "noch einen": 2,
        "another meeting": 3, "one more": 2, "every week": 2, "every two weeks": 2,
        "every 2 weeks": 2, "biweekly": 2, "jede woche": 2, "alle zwei wochen": 2,
        "alle 2 wochen": 2, "every other week": 2, "every second week": 2, "alle 14 tage": 2,
        "fortnightly": 2, "zweiwöchentlich": 2, "14-tägig": 2, "jour fixe": 1, "termin": 1,
        # "ich möchte einen neuen Termin", "neuer JF", "new meeting please"
        "neuer termin": 3, "neuen termin": 3, "neuer jour fixe": 3, "neuen jour fixe": 3,
        "neuer jf": 3, "neuen jf": 3, "new meeting": 3, "new appointment": 3,
        "new jour fixe": 3, "new jf": 3,
        # "termin bitte", "jour fixe bitte", "meeting please" (a short phone message, tryout6 row 9)
        "termin bitte": 3, "termin pls": 3, "jour fixe bitte": 3, "jf bitte": 3,
        "meeting please": 3, "appointment please": 3, "meeting pls": 3,
    },
    "move": {
        "verschieben": 4, "verschoben": 4, "schieben": 4, "verlegen": 4, "verlegt": 4,
        "umlegen": 4, "umbuchen": 4, "reschedule": 4, "move": 4, "postpone": 4,
        "später legen": 4, "change the time": 4, "andere uhrzeit": 4, "anderen termin": 5,
        "another time": 4, "change": 1, "push": 4, "push back": 4, "vorziehen": 4,
        "nach hinten": 3,
    },
    "cancel": {
        "absagen": 5, "stornieren": 5, "streichen": 5, "cancel": 5, "call off": 5,
        "abblasen": 5, "absage": 5, "sage ab": 5, "löschen": 5, "drop": 4, "abbrechen": 4,
        "ausfallen": 5, "fällt aus": 4, "scrap": 4,
    },
    "free": {
        "frei": 3, "freie": 3, "freien": 3, "free": 3, "verfügbar": 3, "verfügbarkeit": 3,
        "availability": 3, "available": 3, "zeit": 3, "zeiten": 2, "times": 2,
        "have time": 3, "hat zeit": 3, "eingetragen": 2, "eintragen": 2, "slots": 1,
        "ändern": 1,
    },
    "more": {
        "mehr": 4, "more": 4, "weitere": 4, "further": 4, "noch andere": 4, "any other": 4,
        "andere termine": 4, "other slots": 4, "later slots": 4, "spätere": 3,
        "weitere freie": 3, "more free": 3, "other free": 3, "andere uhrzeiten": 4,
        "later": 3, "later ones": 4, "next page": 5, "nächste seite": 5,
    },
    "day": {
        "tag": 2, "day": 2, "anderen": 2, "anderer": 2, "another": 2, "different": 2,
        "other": 1, "andere": 1,
    },
}  # fmt: skip
THRESHOLD = 3  # the best intent must score this much ...
MARGIN = 1  # ... and this much more than the next
_WORD = re.compile(r"[\w:'’]+")


def _normal(text: str) -> str:
    text = re.sub(r"[?!.,;„“\"()]+", " ", text.lower()).replace("’", "'")
    text = re.sub(r"'s\b", "", text)  # "who's", "buddy's"
    return re.sub(r"\s+", " ", text).strip()


def _scores(text: str) -> dict[str, int]:
    """Per intent, the weights of its keywords found in the text: phrases as they
    are, single words by rapidfuzz (a typo or an ending: "verschiebn", "Buddys")."""
    norm = f" {_normal(text)} "
    norm = re.sub(r" (sage|sagen|sag) (.*) ab ", r" \1 \2 sage ab ", norm)  # "sage … ab"
    words = set(_WORD.findall(norm))
    scores: dict[str, int] = {}
    for intent, keywords in INTENTS.items():
        score = sum(w for key, w in keywords.items() if " " in key and f" {key} " in norm)
        for word in words:  # each word counts once, with its best keyword
            score += max(
                (
                    w
                    for key, w in keywords.items()
                    if " " not in key
                    and (word == key or len(key) > 4 and fuzz.ratio(word, key) >= 90)
                ),
                default=0,
            )
        if score:
            scores[intent] = score
    return scores


_REMIND = re.compile(r"\b(erinner\w*|remind\w*|erinnerung\w*)\b")
_COUNT = {"ein": 1, "eine": 1, "einen": 1, "one": 1, "a": 1, "an": 1, "zwei": 2, "two": 2,
          "drei": 3, "three": 3}  # fmt: skip
_SPAN = re.compile(
    r"\b(\d{1,3}|ein|eine|einen|one|a|an|zwei|two|drei|three)\s*"
    r"(tage?n?|days?|stunden?|std|hours?|h|minuten?|minutes?|min)\b"
)


def reminder_request(text: str) -> str | None:
    """ "erinner mich einen Tag vorher", "remind me 2 hours before": the /vorher
    arguments ("1 Tag 2 Stunden" as minutes: "1440 min"), or None."""
    low = text.lower()
    if len(low) > 160 or not _REMIND.search(low):
        return None
    spans = []
    for count, unit in _SPAN.findall(low):
        n = int(count) if count.isdigit() else _COUNT[count]
        per = 1440 if unit[0] in "td" else 60 if unit[0] in "shh" else 1
        spans.append(f"{n * per} min")
    return " ".join(spans) or None


def match_intent(text: str) -> str | None:
    """The intent `text` asks for, or None."""
    if len(text) > 160:
        return None
    ranked = sorted(_scores(text).items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < THRESHOLD:
        return None
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < MARGIN:
        return None
    return ranked[0][0]


def read_intent(ctx: Context, text: str) -> list[Outbound] | None:
    intent = match_intent(text)
    if intent is None:
        return None
    plain = replace(ctx, args=[])
    expert = ctx.role is Role.EXPERT
    if intent == "next":
        return next_meeting(plain) if asks_next_one(text) else meetings(plain)
    if intent == "buddy":
        return _who(ctx)
    if intent in ("move", "cancel") and (number := named_number(text, bare=True)[0]) is not None:
        plain = replace(ctx, args=[f"#{number}"])  # "verschieben 2", "Termin #3 absagen"
    if intent == "move":  # "can we push to 3pm": the time is kept for the meeting picked
        return move_command(plain) if plain.args else move_words(plain, text)
    if intent == "cancel":
        return cancel_command(plain)  # the picker, then one confirmation
    if not expert:  # book, free times, more, another day: a buddy's free times
        return free_times(plain)
    if intent == "more":
        asked = booking(ctx).asked(ctx.msg.platform, ctx.msg.chat_id)
        if asked is not None and asked.kind == "slots":
            return slot_page(ctx, asked.data["offset"] + 8, asked.data.get("filter", ""))
    # "i want a weekly jour fixe", "alle zwei Wochen": the slot picked is booked with it
    weeks = said_series(text) if intent == "book" else None
    if intent == "book" and weeks is None and said_regular(text):
        weeks = REGULAR  # "einen regelmäßigen Termin": then only "which rhythm?"
    if intent in ("day", "free", "more", "book"):  # "einen Termin nächste Woche"
        today = ctx.now.astimezone(ctx.tz).date()
        named = day_in(_normal(text), today, ctx.lang)
        if named is not None:
            return slot_page(ctx, 0, named[2], weeks)
    return slot_page(ctx, 0, "", weeks) if weeks is not None else request_slots(plain)


def _who(ctx: Context) -> list[Outbound]:
    jf = booking(ctx)
    try:
        if ctx.role is Role.EXPERT:
            return [Outbound(t("your_buddy", ctx.lang, buddy=jf.buddy(ctx.who.person_id).name))]
        names = jf.experts(ctx.who.person_id)
    except BookingError as exc:
        return refusal(ctx, exc)
    if not names:
        return [Outbound(t("your_experts_none", ctx.lang))]
    return [Outbound(t("your_experts", ctx.lang, names=", ".join(names)))]
