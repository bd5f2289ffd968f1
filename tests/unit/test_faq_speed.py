"""The FAQ's shortcuts for speed compute what the plain way computes, bit for bit
(benchmarks/faq_same.py compares whole matches against the baseline)."""

from __future__ import annotations


from rapidfuzz import fuzz, process

from faq.coverage import CoverageRanker
from faq.kb import LANGS
from faq.normalize import content_terms

QUESTIONS = [
    "Wer kann sich bewerben?",
    "Bis wann läuft die Bewerbungsfrist für Expert:innen?",
    "who cna apply for the programme",
    "Gibt es 5000 Euro für die Kommune?",
    "Wie viel Geld bekommt man pro Monat? – und ab wann?",
    "Café, Ärger, naïve façade, ÉCOLE, straße, İstanbul",
    "Kick-off per E-Mail oder „How to Verwaltung“?",
    "wie lang dauert ein integrationskus",
]


def test_coverage_similarity_is_token_sort_ratio_to_the_closest_example(kb):
    ranker = CoverageRanker(kb)
    for question in QUESTIONS:
        terms = ranker.terms(question)
        query = " ".join(t for t, _ in terms)
        for i, score, cov in ranker.rank(question):
            entry = kb.entries[i]
            examples = [" ".join(content_terms(q)) for lang in LANGS for q in entry.questions[lang]]
            best = process.extractOne(query, examples, scorer=fuzz.token_sort_ratio)[1]
            w = ranker.similarity_weight
            assert score == (1 - w) * cov + w * (best / 100), (question, i)
