"""The chat layer remembers the matcher's outcome for a question asked again, and
forgets it when the knowledge base (the matcher) changes."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.app.wiring import build_matcher
from bot.chat.faq_replies import FaqReplies

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


class Counting:
    """A matcher (the shipped one underneath) that counts the questions it matched."""

    def __init__(self) -> None:
        self.inner = build_matcher()
        self.asked: list[tuple[str, str]] = []
        self.kb, self.coverage = self.inner.kb, self.inner.coverage

    def match(self, question: str, default_lang: str = "de"):
        self.asked.append((question, default_lang))
        return self.inner.match(question, default_lang)


def test_an_identical_question_is_matched_once_per_knowledge_base():
    active = [Counting()]
    faq = FaqReplies(lambda: active[0])
    first = faq.ask("Wer kann sich bewerben?", "de", NOW)
    again = faq.ask("Wer kann sich bewerben?", "de", NOW)
    assert again == first
    assert active[0].asked == [("Wer kann sich bewerben?", "de")]
    faq.ask("Who can apply?", "de", NOW)
    faq.ask("Wer kann sich bewerben?", "en", NOW)  # another default language: matched anew
    assert len(active[0].asked) == 3

    old = active[0]
    active[0] = Counting()  # another edition's knowledge base, or new team examples
    assert faq.ask("Wer kann sich bewerben?", "de", NOW) == first
    assert active[0].asked == [("Wer kann sich bewerben?", "de")] and len(old.asked) == 3
