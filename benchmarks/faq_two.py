"""Choose the two-rankers-and-the-classifier rule's values (`Thresholds.two_*`), cross-fitted.

    python benchmarks/faq_two.py [--folds 5] [--margin 1] [--refit]

The rule answers a question the matcher would ask back ("Meinen Sie A, B oder C?":
guarded, close options) when exactly two of the three fused rankers put the winner
first, the trained classifier puts it first too with a lead of at least K over its own
runner-up (its scores), the winner's closest example is C closer than any written
out-of-scope question and the calibrated probability (`calibration_refused`) is at
least P.

On `faq_rows.py`'s rows (leave-one-out, development in and out of scope, the written
counter-examples; never the frozen test sets), cut into folds as `faq_calibrate.py` does
(in-scope rows grouped by entry, out-of-scope rows at random): for each fold (P, K, C) is
chosen on the other folds on a grid, the values that add the most right answers and not
one wrong or out-of-scope answer there (ties: the strictest values), and applied to the
fold. With `--margin 1` the values must also add no wrong or out-of-scope answer one
grid step looser each. Printed: today's answers per source (the baseline: every other
rule as shipped, this one off), the answers with the rule out of fold, the values each
fold chose, the values the same choice makes on all rows, and the first proposal
(P 0.75, K 0.10, C 0.09) on all rows for comparison.

`--refit` also refits the calibrated regression on the other folds, so that no fold's
probability has seen the fold (as `faq_agree.py --refit`).
"""

from __future__ import annotations

import argparse
import collections
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from faq_abstain import _row  # noqa: E402
from faq_agree import counts  # noqa: E402
from faq_calibrate import folds, split_fit, subset, table  # noqa: E402
from faq_rows import load_rows  # noqa: E402

from faq.kb import load_default_kb  # noqa: E402
from faq.matcher import Matcher, Thresholds  # noqa: E402

KEYS = ("p", "clf_lead", "clear")
GRID = {
    "p": np.round(np.arange(0.5, 0.951, 0.05), 3),
    "clf_lead": np.round(np.arange(0.0, 0.301, 0.025), 3),
    "clear": np.round(np.arange(0.0, 0.301, 0.01), 3),
}
PROPOSED = (0.75, 0.1, 0.09)


def decided(kb, rows, thresholds: Thresholds) -> dict[str, np.ndarray]:
    """Today's decision without the rule, and the rule's inputs, per row."""
    m = Matcher(kb, replace(thresholds, two_probability=None))
    out = collections.defaultdict(list)
    for r in rows:
        d = _row(m, r)
        out["src"].append(d["src"])
        out["q"].append(d["q"])
        out["outcome"].append(d["outcome"])
        out["answered"].append(d["answered"])
        out["picker"].append(not d["answered"] and bool(d.get("guarded")) and d["options"] > 0)
        out["two"].append(d.get("votes") == 2 and bool(d.get("clf_first")))
        for k in KEYS:
            out[k].append(d.get(k, 0.0))
    return {k: np.array(v) for k, v in out.items()}


def rule(d, p, clf_lead, clear) -> np.ndarray:
    return (
        d["picker"] & d["two"] & (d["p"] >= p) & (d["clf_lead"] >= clf_lead) & (d["clear"] >= clear)
    )


def added(d, mask) -> dict[str, int]:
    return {o: int((mask & (d["outcome"] == o)).sum()) for o in ("right", "wrong", "out_of_scope")}


def choose(d, train, margin: int = 0) -> tuple[float, float, float]:
    """The grid point adding the most right answers and no wrong or out-of-scope one on
    `train`, also with every value `margin` grid steps less strict; among equals the
    strictest (highest values, by grid position)."""
    cand = train & d["picker"] & d["two"]
    v = {k: d[k][cand] for k in KEYS}
    right = d["outcome"][cand] == "right"
    bad = ~right
    n = {k: len(g) for k, g in GRID.items()}
    best, best_key = (1.0, 1.0, 1.0), (-1, -1.0)
    for a, p in enumerate(GRID["p"]):
        for b, k in enumerate(GRID["clf_lead"]):
            for c, clear in enumerate(GRID["clear"]):
                loose = (
                    (v["p"] >= GRID["p"][max(a - margin, 0)])
                    & (v["clf_lead"] >= GRID["clf_lead"][max(b - margin, 0)])
                    & (v["clear"] >= GRID["clear"][max(c - margin, 0)])
                )
                if (bad & loose).any():
                    continue
                ok = (v["p"] >= p) & (v["clf_lead"] >= k) & (v["clear"] >= clear)
                strict = a / n["p"] + b / n["clf_lead"] + c / n["clear"]
                key = (int((right & ok).sum()), strict)
                if key > best_key:
                    best, best_key = (float(p), float(k), float(clear)), key
    return best


def show(values) -> str:
    return f"P {values[0]:.2f}  K {values[1]:.3f}  C {values[2]:.2f}"


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--refit", action="store_true", help="refit the regression per fold")
    ap.add_argument("--l2", type=float, default=10.0)
    ap.add_argument(
        "--margin", type=int, default=0, help="grid steps the values must hold with to spare"
    )
    ap.add_argument("--list", action="store_true", help="print the questions the rule adds")
    args = ap.parse_args()
    kb = load_default_kb()
    rows = load_rows()
    t = Thresholds()
    tab = table(kb, rows)
    fold = folds(tab, args.folds)
    today = decided(kb, rows, t)
    print("answered right/wrong/out-of-scope per source")
    print(f"  baseline (rule off)   {counts(today, today['answered'])}")
    if t.two_probability is not None:
        shipped = (t.two_probability, t.two_classifier_lead, t.two_negative_margin)
        print(f"  shipped {show(shipped)}  "
              f"{counts(today, today['answered'] | rule(today, *shipped))}")  # fmt: skip
    candidates = today["picker"] & today["two"]
    print(f"  picker rows with votes 2 and the classifier first: {added(today, candidates)}")
    base = np.zeros(len(rows), dtype=bool)
    ours = np.zeros(len(rows), dtype=bool)
    outcome = today["outcome"]
    for f in range(args.folds):
        train, test = fold != f, fold == f
        d = today
        if args.refit:
            w = split_fit(subset(tab, train), np.ones(int(train.sum())), args.l2)[1]
            d = decided(kb, rows, replace(t, calibration_refused=tuple(map(float, w))))
        assert (d["outcome"] == outcome).all()
        values = choose(d, train, args.margin)
        base[test] = d["answered"][test]
        ours[test] = (d["answered"] | rule(d, *values))[test]
        print(f"  fold {f}: {show(values)}  adds {added(d, test & rule(d, *values))}")
        if args.list:
            for i in np.flatnonzero(test & rule(d, *values) & (outcome != "right")):
                print(f"    adds {outcome[i]} ({d['src'][i]}): {d['q'][i]}  "
                      + "  ".join(f"{k} {d[k][i]:.3f}" for k in KEYS))  # fmt: skip
    label = "refitted" if args.refit else "shipped weights"
    print(f"  out of fold, no rule  {counts(today, base)}   ({label})")
    print(f"  out of fold, rule     {counts(today, ours)}")
    values = choose(today, np.ones(len(rows), dtype=bool), args.margin)
    on_all = rule(today, *values)
    print(f"  on all rows: {show(values)}  {counts(today, today['answered'] | on_all)}")
    proposed = rule(today, *PROPOSED)
    print(f"  proposal {show(PROPOSED)} on all rows  "
          f"{counts(today, today['answered'] | proposed)}")  # fmt: skip
    if args.list:
        for name, mask in (("chosen", on_all), ("proposal", proposed)):
            for i in np.flatnonzero(mask & (outcome != "right")):
                print(f"  {name} adds {outcome[i]} ({today['src'][i]}): {today['q'][i]}  "
                      + "  ".join(f"{k} {today[k][i]:.3f}" for k in KEYS))  # fmt: skip


if __name__ == "__main__":
    main()
