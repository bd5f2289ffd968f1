"""A second lexical ranker of another kind: BM25 (rank-bm25) over Snowball stems.

Where the coverage ranker weighs how much of the question an entry accounts for and
forgives typos, BM25 rewards repeated, specific stems of one entry's document (its
example questions, keywords and topic in both languages). The two fail on different
questions, which is what the agreement rule in `faq.matcher` needs.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import snowballstemmer
from rank_bm25 import BM25Okapi

from faq.kb import LANGS, KnowledgeBase
from faq.normalize import QUESTION_WORDS, is_stopword, tokens

__all__ = ["Bm25Ranker", "stems"]

_GERMAN = snowballstemmer.stemmer("german")
_ENGLISH = snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def _stems(token: str) -> tuple[str, ...]:
    if token in QUESTION_WORDS:
        return (QUESTION_WORDS[token],)
    if is_stopword(token) or len(token) < 2:
        return ()
    return tuple({_GERMAN.stemWord(token), _ENGLISH.stemWord(token)})


def stems(text: str) -> list[str]:
    """Snowball stems (German and English) of a text's content words, question-word
    markers kept."""
    return [s for token in tokens(text) for s in _stems(token)]


class Bm25Ranker:
    def __init__(self, kb: KnowledgeBase) -> None:
        docs = []
        for entry in kb.entries:
            texts = []
            for lang in LANGS:
                texts += [*entry.questions[lang], *entry.keywords[lang], entry.topic[lang]]
            docs.append(stems(" ".join(texts)))
        self._bm25 = BM25Okapi(docs)
        self._vocab = {s for doc in docs for s in doc}
        self._by_stem: dict[str, np.ndarray] = {}  # a known stem's score in every document

    def _known(self, stem: str) -> list[str]:
        """The stem if known, else a German compound split into two known stems
        (bewerbungsberechtigt -> bewerbung + berechtigt), else nothing."""
        if stem in self._vocab:
            return [stem]
        for cut in range(len(stem) - 4, 3, -1):
            head, tail = stem[:cut], stem[cut:]
            if tail not in self._vocab:
                continue
            for base in (head, head[:-1] if head.endswith("s") else None):
                if base and base in self._vocab:
                    return [base, tail]
                if base and _GERMAN.stemWord(base) in self._vocab:
                    return [_GERMAN.stemWord(base), tail]
        return []

    def rank(self, question: str) -> list[tuple[int, float]]:
        """(entry index, score) best first; [] when no stem of the question is known."""
        query = [k for s in stems(question) for k in self._known(s)]
        if not query:
            return []
        scores = np.zeros(len(self._bm25.doc_len))
        for s in query:  # what BM25Okapi.get_scores adds up, each stem's part computed once
            if s not in self._by_stem:
                self._by_stem[s] = self._bm25.get_scores([s])
            scores += self._by_stem[s]
        values = scores.tolist()  # Python floats: the same numbers, compared faster
        order = sorted(range(len(values)), key=values.__getitem__, reverse=True)
        return [(i, values[i]) for i in order if values[i] > 0]
