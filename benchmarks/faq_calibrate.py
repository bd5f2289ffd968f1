"""Fit the calibrated FAQ decision and compare it with the hand-set rule, cross-fitted.

    python benchmarks/faq_calibrate.py [--folds 5] [--mode alone|union]

Training data never includes the frozen test sets (`faq_rows.py`): the knowledge
base's own examples, each matched by a matcher built without it (leave-one-out), the
development set (tests/faq/eval.yaml, in and out of scope) and the written
counter-examples (faq/negatives.yaml). A question is a positive when the fused
winner is one of its entries; an out-of-scope question is always a negative.

Cross-fitting: the rows are cut into folds, in-scope rows grouped by their entry (so
the near-duplicate examples of one entry never sit on both sides) and out-of-scope rows
at random. Each fold is decided by a logistic regression fitted on the other folds,
with the probability threshold chosen on those other folds too: the lowest one that
answers no more wrong in-scope questions and no more out-of-scope questions than the
hand-set rule does there. The figures printed are those out-of-fold decisions next to
the hand-set rule on the same questions, per source; then the weights and threshold
fitted on all the rows, in the form `faq.matcher.Thresholds` takes them.

`--mode union` answers when the hand-set rule does or the regression is sure; `alone`
lets the regression decide (the guard's vetoes apply either way).
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from faq_rows import load_rows  # noqa: E402

from faq.kb import load_default_kb  # noqa: E402
from faq.matcher import Matcher, Thresholds  # noqa: E402

SOURCES = ("loo", "dev", "dev_out", "neg")
HAND = Thresholds(calibration=None, calibration_refused=None)


def table(kb, rows):
    """Per row: features, label, in scope, hand-set answer, always-answer-able parts."""
    matcher = Matcher(kb, HAND)
    n = len(matcher.evidence(next(r.signals for r in rows if r.signals.sem))[1])
    no = (0.0,) * n + (-1e9,)
    never = Matcher(kb, replace(HAND, calibration=no, calibration_refused=no))
    xs, y, inscope, hand, base, guard, click_if_refused, group, source = ([] for _ in range(9))
    ids = {e.id: k for k, e in enumerate(kb.entries)}
    for r in rows:
        best, x = matcher.evidence(r.signals)
        m = matcher.decide(r.signals)
        refuse = never.decide(r.signals)
        xs.append(x if best is not None else (0.0,) * n)
        y.append(int(best is not None and best.id in r.expected))
        inscope.append(bool(r.expected))
        hand.append(m.confident)
        base.append(refuse.confident)  # answered by the same-date rule alone
        guard.append(best is not None and matcher.guarded(r.signals))
        click_if_refused.append(bool(r.expected & {e.id for e in refuse.options}))
        group.append(ids[min(r.expected)] if r.expected else -1)
        source.append(r.source)
    return {
        "x": np.array(xs),
        "y": np.array(y),
        "inscope": np.array(inscope),
        "hand": np.array(hand),
        "base": np.array(base),
        "guard": np.array(guard),
        "click": np.array(click_if_refused),
        "group": np.array(group),
        "source": np.array(source),
    }


def fit(x: np.ndarray, y: np.ndarray, weight: np.ndarray, l2: float = 1.0) -> np.ndarray:
    """Weighted logistic regression by Newton's method on standardised features;
    weights for the raw features with the bias last."""
    mu, sd = x.mean(0), x.std(0) + 1e-9
    z = np.hstack([(x - mu) / sd, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    reg = l2 * np.eye(z.shape[1])
    reg[-1, -1] = 0.0
    for _ in range(30):
        p = 1 / (1 + np.exp(-np.clip(z @ w, -30, 30)))
        grad = z.T @ (weight * (p - y)) + reg @ w
        hess = (z * (weight * p * (1 - p))[:, None]).T @ z + reg
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    raw = w[:-1] / sd
    return np.r_[raw, w[-1] - (w[:-1] * mu / sd).sum()]


def prob(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-np.clip(x @ w[:-1] + w[-1], -30, 30)))


def split_fit(d, weight, l2):
    """One regression for the rows the hand-set rule answers, one for the rest."""
    h = d["hand"]
    return fit(d["x"][h], d["y"][h], weight[h], l2), fit(d["x"][~h], d["y"][~h], weight[~h], l2)


def split_prob(ws, d, add_only=False):
    """The probability that the winner is right; with `add_only` the hand-set rule's
    answers are kept as they are (probability 1) and the regression only adds answers."""
    kept = np.ones(len(d["x"])) if add_only else prob(ws[0], d["x"])
    return np.where(d["hand"], kept, prob(ws[1], d["x"]))


def decide(p, tau, d):
    return ((p >= tau) & d["guard"]) | d["base"]


def choose(p, d, slack_wrong=0.001) -> float:
    """The lowest threshold that answers no more out-of-scope questions than the
    hand-set rule on these rows, and at most `slack_wrong` (a share of the in-scope
    questions) more wrong ones."""
    ins, outs = d["inscope"], ~d["inscope"]
    hand_wrong = (d["hand"] & (d["y"] == 0) & ins).sum() + slack_wrong * ins.sum()
    hand_out = (d["hand"] & outs).sum()
    for tau in np.linspace(0.5, 0.995, 100):
        ans = decide(p, tau, d)
        if (ans & (d["y"] == 0) & ins).sum() <= hand_wrong and (ans & outs).sum() <= hand_out:
            return float(tau)
    return 0.999


def subset(d, mask):
    return {k: v[mask] for k, v in d.items()}


def report(name, ans, d):
    parts = []
    for src in SOURCES:
        m = d["source"] == src
        if not m.any():
            continue
        if d["inscope"][m].any():
            ok = ans[m] & (d["y"][m] == 1)
            wrong = ans[m] & (d["y"][m] == 0)
            click = ok | (~ans[m] & d["click"][m])
            parts.append(f"{src} {ok.mean():6.1%} / {wrong.mean():4.1%} / {click.mean():5.1%}")
        else:
            parts.append(f"{src} answered {ans[m].sum():3d}/{m.sum()}")
    print(f"  {name:22} " + "   ".join(parts))


def folds(d, k: int) -> np.ndarray:
    """In-scope rows by entry (near-duplicates stay together), out-of-scope at random."""
    rng = random.Random(14)
    entries = sorted(set(d["group"][d["group"] >= 0].tolist()))
    rng.shuffle(entries)
    entry_fold = {e: n % k for n, e in enumerate(entries)}
    return np.array([entry_fold[g] if g >= 0 else rng.randrange(k) for g in d["group"].tolist()])


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--l2", type=float, default=10.0)
    ap.add_argument("--out-weight", type=float, default=1.0, help="weight of out-of-scope rows")
    ap.add_argument("--slack-wrong", type=float, default=0.001)
    ap.add_argument("--threshold", type=float, default=None, help="print the weights for this")
    ap.add_argument("--add-only", action="store_true", help="keep the hand-set rule's answers")
    args = ap.parse_args()
    kb = load_default_kb()
    d = table(kb, load_rows())
    n = len(d["y"])
    weight = np.where(d["inscope"], 1.0, args.out_weight)
    fold = folds(d, args.folds)
    p = np.zeros(n)
    taus = []
    for f in range(args.folds):
        train, test = fold != f, fold == f
        ws = split_fit(subset(d, train), weight[train], args.l2)
        tr, te = subset(d, train), subset(d, test)
        taus.append(choose(split_prob(ws, tr, args.add_only), tr, args.slack_wrong))
        p[test] = split_prob(ws, te, args.add_only)
    print(f"{n} rows: " + ", ".join(f"{s} {(d['source'] == s).sum()}" for s in SOURCES))
    print("right / wrong / 1-click per in-scope source; out-of-scope answered")
    report("hand-set rule", d["hand"], d)
    chosen = np.zeros(n, dtype=bool)
    for f, tau in enumerate(taus):
        chosen[fold == f] = decide(p[fold == f], tau, subset(d, fold == f))
    report("cross-fitted, own tau", chosen, d)
    print(f"  (thresholds chosen on the training folds: {', '.join(f'{t:.3f}' for t in taus)})")
    for tau in (0.8, 0.85, 0.9, 0.93, 0.95):
        report(f"cross-fitted at {tau}", decide(p, tau, d), d)
    ws = split_fit(d, weight, args.l2)
    tau = args.threshold or choose(split_prob(ws, d, args.add_only), d, args.slack_wrong)
    report(f"in-sample at {tau:.3f}", decide(split_prob(ws, d, args.add_only), tau, d), d)
    kept = None if args.add_only else tuple(round(float(v), 4) for v in ws[0])
    print(f"calibration = {kept}")
    print(f"calibration_refused = {tuple(round(float(v), 4) for v in ws[1])}")
    print(f"min_probability = {tau:.3f}")


if __name__ == "__main__":
    main()
