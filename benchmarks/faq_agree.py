"""Choose the every-ranker-agrees rule's values (`Thresholds.agree_*`), cross-fitted.

    python benchmarks/faq_agree.py [--folds 5] [--margin 1] [--refit]

The rule answers a question the matcher would ask back ("Meinen Sie A, B oder C?":
guarded, close options) when the three fused rankers and the trained classifier put the
winner first, the calibrated probability is at least P, the winner's closest example is
C closer than any written out-of-scope question and its fused lead is at least L.

On `faq_rows.py`'s rows (leave-one-out, development in and out of scope, the written
counter-examples; never the frozen test sets), cut into folds as `faq_calibrate.py` does
(in-scope rows grouped by entry, out-of-scope rows at random): for each fold (P, C, L)
is chosen on the other folds on a grid, the values that add the most right answers and
not one wrong or out-of-scope answer there (ties: the strictest values), and applied to
the fold. With `--margin 1` the values must also add no wrong or out-of-scope answer one
grid step looser each (the shipped values: without it the folds chose values that
answered two development out-of-scope questions out of fold). Printed: the answers added out of fold per source next to today's counts, the
values each fold chose, and the values the same choice makes on all rows.

`--refit` also refits the calibrated regression (`calibration_refused`) on the other
folds, so that no fold's probability has seen the fold; without it the shipped weights
give the probability (fitted on earlier rows of the same questions).
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
from faq_calibrate import folds, split_fit, subset, table  # noqa: E402
from faq_rows import load_rows  # noqa: E402

from faq.kb import load_default_kb  # noqa: E402
from faq.matcher import Matcher, Thresholds  # noqa: E402

SOURCES = ("loo", "dev", "dev_out", "neg")
GRID = {
    "p": np.round(np.arange(0.3, 0.951, 0.05), 3),
    "clear": np.round(np.arange(0.0, 0.401, 0.025), 3),
    "lead": np.round(np.arange(0.0, 0.121, 0.01), 3),
}


def decided(kb, rows, thresholds: Thresholds) -> dict[str, np.ndarray]:
    """Today's decision without the rule, and the rule's inputs, per row."""
    m = Matcher(kb, replace(thresholds, agree_probability=None))
    out = collections.defaultdict(list)
    for r in rows:
        d = _row(m, r)
        out["src"].append(d["src"])
        out["outcome"].append(d["outcome"])
        out["answered"].append(d["answered"])
        out["picker"].append(not d["answered"] and bool(d.get("guarded")) and d["options"] > 0)
        out["agree"].append(d.get("votes") == 3 and bool(d.get("clf_first")))
        for k in ("p", "clear", "lead"):
            out[k].append(d.get(k, 0.0))
    return {k: np.array(v) for k, v in out.items()}


def added(d, mask) -> dict[str, int]:
    """Answers the rule adds on `mask` rows: right, wrong, out of scope."""
    hit = mask & d["picker"] & d["agree"]
    return {o: int((hit & (d["outcome"] == o)).sum()) for o in ("right", "wrong", "out_of_scope")}


def rule(d, p, clear, lead) -> np.ndarray:
    return d["picker"] & d["agree"] & (d["p"] >= p) & (d["clear"] >= clear) & (d["lead"] >= lead)


def choose(d, train, margin: int = 0) -> tuple[float, float, float]:
    """The grid point adding the most right answers and no wrong or out-of-scope one on
    `train`, also with every value `margin` grid steps less strict; among equals the
    strictest (highest values, by grid position)."""
    cand = train & d["picker"] & d["agree"]
    right = cand & (d["outcome"] == "right")
    bad = cand & (d["outcome"] != "right")
    best, best_key = (1.0, 1.0, 1.0), (-1, -1)
    n = {k: len(v) for k, v in GRID.items()}
    for a, p in enumerate(GRID["p"]):
        for b, c in enumerate(GRID["clear"]):
            for e, lead in enumerate(GRID["lead"]):
                ok = (d["p"] >= p) & (d["clear"] >= c) & (d["lead"] >= lead)
                loose = (
                    (d["p"] >= GRID["p"][max(a - margin, 0)])
                    & (d["clear"] >= GRID["clear"][max(b - margin, 0)])
                    & (d["lead"] >= GRID["lead"][max(e - margin, 0)])
                )
                if (bad & loose).any():
                    continue
                strict = a / n["p"] + b / n["clear"] + e / n["lead"]
                key = (int((right & ok).sum()), strict)
                if key > best_key:
                    best, best_key = (float(p), float(c), float(lead)), key
    return best


def counts(d, answered) -> str:
    parts = []
    for src in SOURCES:
        m = d["src"] == src
        c = collections.Counter(d["outcome"][m & answered])
        parts.append(f"{src} " + "/".join(str(c[o]) for o in ("right", "wrong", "out_of_scope")))
    return "  ".join(parts)


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
    args = ap.parse_args()
    kb = load_default_kb()
    rows = load_rows()
    t = Thresholds()
    tab = table(kb, rows)
    fold = folds(tab, args.folds)
    today = decided(kb, rows, t)
    print("answered right/wrong/out-of-scope per source")
    print(f"  today (no rule)       {counts(today, today['answered'])}")
    shipped = rule(today, t.agree_probability, t.agree_negative_margin, t.agree_lead)
    print(f"  shipped values        {counts(today, today['answered'] | shipped)}")
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
        print(f"  fold {f}: P {values[0]:.2f}  C {values[1]:.3f}  L {values[2]:.2f}  adds "
              + ", ".join(f"{k} {v}" for k, v in added(d, test & rule(d, *values)).items()))  # fmt: skip
    label = "refitted" if args.refit else "shipped weights"
    print(f"  out of fold, no rule  {counts(today, base)}   ({label})")
    print(f"  out of fold, rule     {counts(today, ours)}")
    values = choose(today, np.ones(len(rows), dtype=bool), args.margin)
    print(f"  on all rows: P {values[0]:.2f}  C {values[1]:.3f}  L {values[2]:.2f}  "
          f"{counts(today, today['answered'] | rule(today, *values))}")  # fmt: skip


if __name__ == "__main__":
    main()
