"""Fit the calibrated FAQ decision and compare it with the hand-set rule, cross-fitted.

    python benchmarks/faq_calibrate.py [--folds 5]

Training data never includes the frozen test set: the development set's in-scope
questions and its written out-of-scope negatives (tests/faq/eval.yaml), and the
knowledge base's own examples, each matched by a matcher built without it
(leave-one-out). A question is a positive when the fused winner is its entry.

Cross-fitting: the data is cut into folds; each fold is decided by a logistic
regression fitted on the other folds, with the probability threshold chosen on
those other folds too (the lowest one that keeps confidently wrong answers at or
below 1 % and refuses at least 95 % of the negatives). The figures printed are those
out-of-fold decisions next to the hand-set rule on the same questions, and the
weights fitted on all the data, to be put into `faq.matcher.Thresholds` only if the
frozen test set (faq_bench.py) confirms it beats the hand-set rule.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from faq.kb import KnowledgeBase, load_default_kb  # noqa: E402
from faq.matcher import Matcher  # noqa: E402


def rows(kb: KnowledgeBase) -> list[tuple[tuple[float, ...], int, bool, bool]]:
    """(features, label, in_scope, hand-set rule answers) per training question;
    label 1 = the fused winner is the right entry."""
    matcher = Matcher(kb)
    out = []
    dev = yaml.safe_load((ROOT / "tests" / "faq" / "eval.yaml").read_text(encoding="utf-8"))
    for item in dev["in_scope"]:
        signals = matcher.signals(item["q"])
        best, x = matcher.evidence(signals)
        if best is not None:
            out.append((x, int(best.id == item["id"]), True, matcher.decide(signals).confident))
    for q in dev["out_of_scope"]:
        signals = matcher.signals(q)
        best, x = matcher.evidence(signals)
        if best is not None:
            out.append((x, 0, False, matcher.decide(signals).confident))
    for idx, entry in enumerate(kb.entries):
        for lang, qs in entry.questions.items():
            for k, q in enumerate(qs):
                held = replace(entry, questions={**entry.questions, lang: qs[:k] + qs[k + 1 :]})
                m = Matcher(KnowledgeBase(kb.entries[:idx] + (held,) + kb.entries[idx + 1 :]))
                signals = m.signals(q)
                best, x = m.evidence(signals)
                if best is not None:
                    out.append((x, int(best.id == entry.id), True, m.decide(signals).confident))
    return out


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1e-2, steps: int = 3000) -> np.ndarray:
    """Logistic regression by gradient descent on standardised features; weights for
    the raw features with the bias last."""
    mu, sd = x.mean(0), x.std(0) + 1e-9
    z = (x - mu) / sd
    w = np.zeros(z.shape[1] + 1)
    zb = np.hstack([z, np.ones((len(z), 1))])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-zb @ w))
        grad = zb.T @ (p - y) / len(y) + l2 * np.r_[w[:-1], 0]
        w -= 0.5 * grad
    raw = w[:-1] / sd
    return np.r_[raw, w[-1] - (w[:-1] * mu / sd).sum()]


def prob(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(x @ w[:-1] + w[-1])))


def choose(p: np.ndarray, y: np.ndarray, inscope: np.ndarray, agree: np.ndarray) -> float:
    for tau in np.linspace(0.3, 0.99, 70):
        ans = (p >= tau) & agree
        wrong = (ans & (y == 0) & inscope).sum() / inscope.sum()
        refused = 1 - (ans & ~inscope).sum() / max((~inscope).sum(), 1)
        if wrong <= 0.01 and refused >= 0.95:
            return float(tau)
    return 0.99


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args()
    kb = load_default_kb()
    data = rows(kb)
    x = np.array([r[0] for r in data])
    y = np.array([r[1] for r in data])
    inscope = np.array([r[2] for r in data])
    hand = np.array([r[3] for r in data])
    agree = x[:, 2] + x[:, 3] > 0  # two or three rankers agree
    order = list(range(len(data)))
    random.Random(14).shuffle(order)
    fold = np.empty(len(data), dtype=int)
    fold[order] = np.arange(len(data)) % args.folds
    answered = np.zeros(len(data), dtype=bool)
    for f in range(args.folds):
        train, test = fold != f, fold == f
        w = fit(x[train], y[train])
        tau = choose(prob(w, x[train]), y[train], inscope[train], agree[train])
        answered[test] = (prob(w, x[test]) >= tau) & agree[test]
    n_in, n_out = inscope.sum(), (~inscope).sum()
    print(f"development + leave-one-out: {n_in} in-scope questions, {n_out} negatives")
    for name, ans in (("hand-set rule", hand), ("logistic regression (cross-fitted)", answered)):
        right = (ans & (y == 1) & inscope).sum() / n_in
        wrong = (ans & (y == 0) & inscope).sum() / n_in
        refused = 1 - (ans & ~inscope).sum() / n_out
        print(f"  {name:36} right {right:6.1%}  wrong {wrong:5.1%}  refused {refused:6.1%}")
    w = fit(x, y)
    tau = choose(prob(w, x), y, inscope, agree)
    print(f"weights on all data (bias last): {tuple(round(float(v), 4) for v in w)}")
    print(f"probability threshold: {tau:.3f}")


if __name__ == "__main__":
    main()
