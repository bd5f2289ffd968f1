"""Turn FAQ matches into replies, and record what the bot could not answer.

Answers come only from the knowledge base. An unconfident match never shows its
guess as an answer: it offers the closest questions as choices and the contacts.

Answers are rendered for the moment they are read: their dates come from the active
edition (`{deadline}`), their tense from whether that milestone is past, and the
state of the call ({call_status}, {next_call}) from the edition and today.
"""

from __future__ import annotations

import logging
from calendar import monthrange
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from bot.messages import Button, Outbound
from bot.texts import relative_days, t
from faq.kb import LANGS, Entry
from faq.matcher import Match, Matcher
from jobs.editions import EditionData, MilestoneData, default_edition_text, parse_edition
from jobs.program import CallState, call_state, long_day, placeholders, render

__all__ = [
    "FAQ_PREFIX",
    "NEXT_CALL_DATA",
    "FaqReplies",
    "UnansweredLog",
    "answer_text",
    "default_edition",
    "local_today",
]

log = logging.getLogger(__name__)

FAQ_PREFIX = "faq:"
SUGGESTION_FLOOR = 0.25  # candidates below this score are not worth offering
MAX_SUGGESTIONS = 3

UnansweredLog = Callable[[Match, datetime], None]


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
SUBSCRIBE_DATA = "sub:on"
NEXT_CALL_DATA = "nextcall:on"
EditionSource = Callable[[], EditionData | None]


@cache
def default_edition() -> EditionData:
    """The edition shipped with the package (for answers without a database)."""
    return parse_edition(default_edition_text())


def local_today(edition: EditionData | None, now: datetime) -> date:
    return now.astimezone(ZoneInfo(edition.timezone if edition else "Europe/Berlin")).date()


def _last_day(m: MilestoneData) -> date:
    """The day after which a milestone is past, as exact as the call is."""
    if m.precision in ("month", "early_month", "end_month"):
        return m.day.replace(day=monthrange(m.day.year, m.day.month)[1])
    if m.precision == "after":
        return m.day + timedelta(days=14)
    return m.until or m.day


def _status(edition: EditionData | None, today: date, lang: str) -> dict[str, str]:
    state = call_state(edition, today)
    if edition is None or state is None:
        return {"call_status": t("no_edition", lang), "next_call": t("no_edition", lang)}
    deadline = edition.milestone("deadline")
    day = long_day(deadline.day, lang) if deadline else t("date_unknown", lang)
    fields = {"edition": edition.name, "deadline": day, "end": long_day(edition.ends_on, lang)}
    if state is CallState.OPEN and deadline:
        when = relative_days((deadline.day - today).days, lang)
        status = t("call_open", lang, when=when, deadline=day)
    elif state in (CallState.OPEN, CallState.UPCOMING):
        status = t("call_upcoming", lang, starts=long_day(edition.starts_on, lang), **fields)
    else:
        status = t(f"call_{state.value}", lang, **fields)
    is_open = state in (CallState.OPEN, CallState.UPCOMING)
    upcoming = t("next_call_open" if is_open else "next_call_unknown", lang, **fields)
    return {"call_status": status, "next_call": upcoming}


def answer_text(entry: Entry, lang: str, edition: EditionData | None, now: datetime) -> str:
    """The entry's answer as true at `now`: the edition's dates, the right tense, a
    word when the date is near, and a note when the program is over."""
    today = local_today(edition, now)
    m = edition.milestone(entry.milestone) if edition and entry.milestone else None
    past = m is not None and today > _last_day(m)
    template = entry.answer_past[lang] if past and entry.answer_past else entry.answer[lang]
    text = render(template, edition, lang, **_status(edition, today, lang))
    if placeholders(entry.answer[lang]) & {"call_status", "next_call"}:
        return text  # the state of the call is the whole answer
    if m is not None and not past and m.precision == "day" and 0 <= (m.day - today).days <= 7:
        text += " " + t("date_near", lang, when=relative_days((m.day - today).days, lang))
    dated = m is not None or bool(placeholders(entry.answer[lang]))
    if dated and edition and call_state(edition, today) is CallState.OVER:
        end = long_day(edition.ends_on, lang)
        text += "\n\n" + t("program_over_note", lang, edition=edition.name, end=end)
    return text


class FaqReplies:
    def __init__(
        self,
        matcher: Matcher,
        unanswered_log: UnansweredLog | None = None,
        *,
        offer_reminders: bool = False,
        log_every_question: bool = False,
        edition: EditionSource | None = None,
    ) -> None:
        self.matcher = matcher
        self.edition = edition or default_edition  # the active edition, read per answer
        self.kb = matcher.kb
        self._log = unanswered_log
        self.offer_reminders = offer_reminders
        self.log_every_question = log_every_question  # the log then counts answered ones too

    def ask(self, question: str, default_lang: str, now: datetime) -> Outbound:
        match = self.matcher.match(question, default_lang)
        log.info(
            "faq match faq_id=%s score=%.3f confident=%s lang=%s",
            match.best and match.best.id,
            match.score,
            match.confident,
            match.lang,
        )
        if self._log is not None and (self.log_every_question or not match.confident):
            try:
                self._log(match, now)
            except Exception:  # the answer matters more than the log entry
                log.exception("could not record the question")
        if match.confident and match.best:
            return self.entry_reply(match.best, match.lang, now)
        return self.not_sure_reply(match)

    def entry_reply(self, entry: Entry, lang: str, now: datetime) -> Outbound:
        edition = self.edition()
        source = t("source", lang, section=entry.section)
        buttons = ()
        dated = entry.id in DATED_ENTRIES or entry.milestone is not None
        if self.offer_reminders and dated:
            state = call_state(edition, local_today(edition, now))
            if state in (CallState.CLOSED, CallState.OVER):
                buttons = (Button(t("next_call_button", lang), NEXT_CALL_DATA, confirms=True),)
            elif entry.id in DATED_ENTRIES:
                buttons = (Button(t("subscribe_button", lang), SUBSCRIBE_DATA, confirms=True),)
        return Outbound(f"{answer_text(entry, lang, edition, now)}\n\n{source}", buttons)

    def not_sure_reply(self, match: Match) -> Outbound:
        lang = match.lang
        suggestions = self.suggestions(match)
        parts = [t("not_sure", lang), f"{t('ask_contacts', lang)}\n{self._contacts(lang)}"]
        if suggestions:
            parts.append(t("did_you_mean", lang))
        return Outbound("\n\n".join(parts), self._buttons(suggestions, lang))

    def suggestions(self, match: Match) -> list[Entry]:
        """Up to three closest entries worth offering (best guess first)."""
        if match.best is None:
            return []
        scored = [(match.best, match.score), *((c.entry, c.score) for c in match.runner_ups)]
        return [e for e, s in scored if s >= SUGGESTION_FLOOR][:MAX_SUGGESTIONS]

    def topics_reply(self, lang: str) -> Outbound:
        return Outbound(t("topics", lang), self._buttons(self.kb.entries, lang))

    def contact_reply(self, lang: str) -> Outbound:
        return Outbound(self._contacts(lang))

    def choice_reply(self, data: str, now: datetime) -> Outbound | None:
        """The answer for a pressed `faq:<lang>:<id>` button; None if it is not valid."""
        lang, _, entry_id = data.removeprefix(FAQ_PREFIX).partition(":")
        if lang not in LANGS:
            return None
        try:
            return self.entry_reply(self.kb.get(entry_id), lang, now)
        except KeyError:
            return None

    @staticmethod
    def _buttons(entries, lang: str) -> tuple[Button, ...]:
        return tuple(Button(e.topic[lang], f"{FAQ_PREFIX}{lang}:{e.id}") for e in entries)

    def _contacts(self, lang: str) -> str:
        answer = self.kb.get("contact").answer[lang]
        return answer.split("\n", 1)[1] if "\n" in answer else answer
