"""The knowledge base covers how people ask: at least ten example questions per entry
and language, and each example is found again by a matcher built without it
(leave-one-out), with at most 1 % answered confidently with another entry."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from faq.kb import LANGS, KnowledgeBase
from faq.matcher import Matcher

MIN_EXAMPLES = 10


def test_every_entry_has_ten_examples_per_language(kb):
    short = [
        (e.id, lang, len(e.questions[lang]))
        for e in kb.entries
        for lang in LANGS
        if len(e.questions[lang]) < MIN_EXAMPLES
    ]
    assert not short, f"entries with fewer than {MIN_EXAMPLES} example questions: {short}"


def leave_one_out(kb: KnowledgeBase):
    for idx, entry in enumerate(kb.entries):
        for lang, questions in entry.questions.items():
            for k, question in enumerate(questions):
                held_out = replace(
                    entry, questions={**entry.questions, lang: questions[:k] + questions[k + 1 :]}
                )
                entries = kb.entries[:idx] + (held_out,) + kb.entries[idx + 1 :]
                yield entry.id, Matcher(KnowledgeBase(entries)).match(question)


def test_leave_one_out_is_rarely_confidently_wrong(kb):
    results = list(leave_one_out(kb))
    wrong = [
        (m.question, expected, m.best.id)
        for expected, m in results
        if m.confident and m.best.id != expected
    ]
    right = sum(m.confident and m.best.id == expected for expected, m in results)
    pairs = Counter(tuple(sorted((expected, got))) for _, expected, got in wrong)
    report = (
        f"leave-one-out over {len(results)} examples: right {right / len(results):.1%}, "
        f"wrong {len(wrong) / len(results):.1%}\nmost confusable entry pairs: "
        f"{pairs.most_common(8)}\nconfidently wrong: {wrong}"
    )
    print(report)
    assert len(wrong) / len(results) <= 0.01, report
