"""The training and measuring rows of the FAQ decision, computed once per content.

    python benchmarks/faq_rows.py [--jobs 2]   # compute (or load) and print the counts

A row is one question with the rankers' raw output (`faq.matcher.Signals`) about it:

* loo      every example question of the knowledge base, matched by a matcher built
           without it (leave-one-out: the best large proxy for unseen in-scope questions)
* dev      the development set's in-scope questions (tests/faq/eval.yaml)
* dev_out  the development set's out-of-scope questions
* neg      the written counter-examples (faq/negatives.yaml), each with its own
           similarity to the counter-examples taken out (otherwise it would be 1.0)

Never the frozen test sets. Leave-one-out takes minutes, so the rows are kept in the
user's cache folder under a hash of everything they depend on (the `faq` package's
code and data, the development set); `faq_calibrate.py` reads them.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import io
import multiprocessing
import pickle
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import platformdirs
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from faq.kb import KnowledgeBase, load_default_kb  # noqa: E402
from faq.matcher import Matcher, Signals  # noqa: E402
from faq.semantic import embed_cached, negative_texts  # noqa: E402


@dataclass(frozen=True)
class Row:
    source: str  # loo, dev, dev_out, neg
    question: str
    expected: frozenset[str]  # entry ids; empty when out of scope
    signals: Signals
    vector: np.ndarray | None = None  # the question's embedding (None: no known word)


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if name == "Row":  # saved by this module run as a script (__main__)
            return Row
        return super().find_class(module, name)


def _digest() -> str:
    """What the cached rows depend on: the rankers and the knowledge base (not the
    decision in matcher.py, not the counter-examples: those are applied at load)."""
    h = hashlib.sha256()
    files = sorted((ROOT / "faq").rglob("*.py")) + sorted((ROOT / "faq" / "data").rglob("*"))
    for p in [*files, ROOT / "tests" / "faq" / "eval.yaml"]:
        if p.name not in ("matcher.py", "negatives.yaml") and p.is_file():
            h.update(p.read_bytes())
    return h.hexdigest()[:20]


def _row(m: Matcher, source: str, q: str, expected: frozenset[str]) -> Row:
    s = m.signals(q)
    return Row(source, q, expected, s, m.semantic.vector(q) if s.sem else None)


def _held_out(kb: KnowledgeBase, part: int, parts: int) -> list[Row]:
    """The leave-one-out rows of every `parts`-th example, starting at `part`."""
    out, n = [], 0
    for idx, entry in enumerate(kb.entries):
        for lang, qs in entry.questions.items():
            for k, q in enumerate(qs):
                n += 1
                if (n - 1) % parts != part:
                    continue
                held = replace(entry, questions={**entry.questions, lang: qs[:k] + qs[k + 1 :]})
                m = Matcher(KnowledgeBase(kb.entries[:idx] + (held,) + kb.entries[idx + 1 :]))
                out.append(_row(m, "loo", q, frozenset({entry.id})))
    return out


def _compute(kb: KnowledgeBase, jobs: int = 1) -> list[Row]:
    matcher = Matcher(kb)
    dev = yaml.safe_load((ROOT / "tests" / "faq" / "eval.yaml").read_text(encoding="utf-8"))
    out = []
    for item in dev["in_scope"]:
        ids = item["id"] if isinstance(item["id"], list) else [item["id"]]
        out.append(_row(matcher, "dev", item["q"], frozenset(ids)))
    for q in dev["out_of_scope"]:
        out.append(_row(matcher, "dev_out", q, frozenset()))
    return out + _every_held_out(kb, jobs)


def _every_held_out(kb: KnowledgeBase, jobs: int) -> list[Row]:
    """All leave-one-out rows in the knowledge base's order, computed by `jobs` worker
    processes (each loads the model once; example n goes to worker n % jobs). The
    same rows as one process computes, but for the classifier's scores in the last
    digits (~1e-9: a least-squares solve in another process)."""
    if jobs <= 1:
        return _held_out(kb, 0, 1)
    # the function by its module name: the workers import it also when this file runs
    # as a script
    held_out = importlib.import_module("faq_rows")._held_out
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
        parts = list(pool.map(held_out, [kb] * jobs, range(jobs), [jobs] * jobs))
    return [p[n] for n in range(max(map(len, parts))) for p in parts if n < len(p)]


def load_rows(jobs: int = 1) -> list[Row]:
    """The cached rows with today's counter-examples applied, and the counter-examples'
    own rows (each without itself); `jobs` processes compute missing rows."""
    kb = load_default_kb()
    path = Path(platformdirs.user_cache_dir("imbot")) / f"faq-rows-{_digest()}.pickle"
    if path.exists():
        rows = _Unpickler(io.BytesIO(path.read_bytes())).load()
    else:
        rows = _compute(kb, jobs)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(rows))
    negatives = list(negative_texts())
    matrix = embed_cached(negatives)
    out = [
        replace(r, signals=replace(r.signals, negative=float((matrix @ r.vector).max())))
        if r.vector is not None
        else r
        for r in rows
    ]
    matcher = Matcher(kb)
    for k, q in enumerate(negatives):
        r = _row(matcher, "neg", q, frozenset())
        if r.vector is not None:
            own = float((np.delete(matrix, k, axis=0) @ r.vector).max())
            r = replace(r, signals=replace(r.signals, negative=own))
        out.append(r)
    return out


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, default=1, help="processes for leave-one-out")
    rows = load_rows(ap.parse_args().jobs)
    for source in ("loo", "dev", "dev_out", "neg"):
        print(source, sum(r.source == source for r in rows))
