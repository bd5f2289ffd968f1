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
from collections.abc import Callable
from datetime import datetime
from functools import lru_cache

from bot.messages import Button, Outbound
from bot.texts import t
from faq.form import as_list, polarity, silent_kind
from faq.kb import LANGS, Entry
from faq.matcher import Match, Matcher, detect_language
from faq.normalize import tokens
from faq.smalltalk import small_talk
from jobs.editions import EditionData, default_edition
from jobs.program import CallState, answer_text, call_state, local_today

__all__ = [
    "FAQ_PREFIX",
    "HANDOFF_PREFIX",
    "NEXT_CALL_DATA",
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
SUBSCRIBE_DATA = "sub:on"
NEXT_CALL_DATA = "nextcall:on"
EditionSource = Callable[[], EditionData | None]
MatcherSource = Callable[[], Matcher]  # the active edition's matcher, read per question
# the active edition and its knowledge base's matcher, read together (one read a question)
ActiveSource = Callable[[], tuple[EditionData | None, Matcher]]
_UNREAD = object()  # entry_reply: the edition was not read yet


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
        return detect_language(text, default, self.matcher.coverage._vocab_lang)

    @staticmethod
    def small_talk_reply(text: str, lang: str, help_text: str) -> Outbound:
        kind = small_talk(text) or "noise"
        reply = t(f"smalltalk_{kind}", lang)
        return Outbound(reply if kind in ("thanks", "bye") else f"{reply}\n\n{help_text}")

    def ask(
        self,
        question: str,
        default_lang: str,
        now: datetime,
        *,
        handoff: Callable[[], bool] | None = None,
        keep_lang: str | None = None,
    ) -> Outbound:
        """The answer; with `handoff` (is the team reachable?), a refusal or a question
        back offers "Ask the team". `keep_lang`: reply in it whatever the question's
        words suggest (a one- or two-word message from someone whose language is known)."""
        edition, matcher = self._active() if self._active else (_UNREAD, self.matcher)
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
        ref = None
        if self._log is not None and (self.log_every_question or not match.confident):
            try:
                ref = self._log(match, now)
            except Exception:  # the answer matters more than the log entry
                log.exception("could not record the question")
        if match.confident and match.best:
            return self.entry_reply(match.best, match.lang, now, question, edition=edition)
        if match.off_topic:  # the weather, a poem: say what the bot is for, nothing more
            return Outbound(t("faq_off_topic", match.lang), lang=match.lang)
        reply = self.clarify_reply(match) if match.options else self.not_sure_reply(match)
        if not (handoff is not None and isinstance(ref, str) and handoff()):
            return reply
        button = Button(t("handoff_button", reply.lang), f"{HANDOFF_PREFIX}{ref}")
        text = f"{reply.text}\n\n{t('handoff_offer', reply.lang)}"
        return Outbound(text, (*reply.buttons, button), lang=reply.lang)

    def entry_reply(
        self, entry: Entry, lang: str, now: datetime, question: str = "", *, edition=_UNREAD
    ) -> Outbound:
        """The entry's answer for this moment, in the form of the question (a pressed
        button has none); `edition` if the caller read it already."""
        if edition is _UNREAD:
            edition = self.edition()
        source = t("source", lang, section=entry.section)
        buttons = ()
        dated = entry.id in DATED_ENTRIES or entry.milestone is not None
        if self.offer_reminders and dated:
            state = call_state(edition, local_today(edition, now))
            if state in (CallState.CLOSED, CallState.OVER):
                buttons = (Button(t("next_call_button", lang), NEXT_CALL_DATA),)
            elif entry.id in DATED_ENTRIES:  # an answer asks nothing: a bare "ja" is no press
                buttons = (Button(t("subscribe_button", lang), SUBSCRIBE_DATA),)
        answer = as_list(answer_text(entry, lang, edition, now))
        if question:
            kind = silent_kind(entry, question)
            form = polarity(entry, question, answer)
            if kind:
                answer = f"{t(f'silent_{kind}', lang)}\n{answer}"
            elif form == "open":
                answer = f"{t('faq_open', lang)}\n{answer}"
            elif form:
                answer = f"{t(f'faq_{form}', lang)} {answer}"
        return Outbound(f"{answer}\n\n{source}", buttons, lang=lang)

    def clarify_reply(self, match: Match) -> Outbound:
        """One short question with the close entries as buttons."""
        lang = match.lang
        names = [
            f"„{e.topic[lang]}“" if lang == "de" else f'"{e.topic[lang]}"' for e in match.options
        ]
        joined = (
            names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {t('or', lang)} {names[-1]}"
        )
        return Outbound(
            t("clarify", lang, options=joined), self._buttons(match.options, lang), lang=lang
        )

    def not_sure_reply(self, match: Match) -> Outbound:
        lang = match.lang
        suggestions = self.suggestions(match)
        parts = [t("not_sure", lang), f"{t('ask_contacts', lang)}\n{self._contacts(lang)}"]
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

    def choice_reply(self, data: str, now: datetime) -> Outbound | None:
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
            return self.entry_reply(self.kb.get(entry_id), lang, now)
        except KeyError:
            return None

    @staticmethod
    def _buttons(entries, lang: str) -> tuple[Button, ...]:
        return tuple(Button(e.topic[lang], f"{FAQ_PREFIX}{lang}:{e.id}") for e in entries)

    def _contacts(self, lang: str) -> str:
        answer = self.kb.get("contact").answer[lang]
        return answer.split("\n", 1)[1] if "\n" in answer else answer
