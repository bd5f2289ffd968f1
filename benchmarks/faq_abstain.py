"""Where the FAQ decision abstains although the fused winner is right, on the cached rows.

    python benchmarks/faq_abstain.py [--jobs 2]

Reads `faq_rows.py`'s rows (computing them first if this content has none: leave-one-out
takes minutes) and decides every row with today's `faq.matcher`. Prints, per set, how
many are answered right / wrong and left open, and for the leave-one-out questions whose
fused winner is right but that are not answered: whether the guard vetoed them, nothing
was close (refusal) or the picker offered them, with the picker's rankers' agreement,
calibrated probability, distance to the counter-examples and most frequent (winner,
runner-up) pairs. A candidate rule for the picker rows is measured by the counts it
would add per set (`--rule "votes == 3 and clf_first and p >= 0.6"`; names as in `_row`).
"""

from __future__ import annotations

import argparse
import collections
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from faq_rows import load_rows  # noqa: E402

from faq.matcher import Matcher, _logit  # noqa: E402


def _row(m: Matcher, r) -> dict:
    s = r.signals
    d = m.decide(s)
    out = {"src": r.source, "q": r.question, "answered": d.confident, "options": len(d.options)}
    out["best"] = d.best.id if d.best else None
    out["outcome"] = (
        ("right" if out["best"] in r.expected else "wrong") if r.expected else "out_of_scope"
    )
    if not s.sem:
        return out
    fused, covered, sem_score, votes, scores = m._fuse(s)
    (top, best_i), (second, second_i) = fused[0], fused[1]
    weights = m.t.calibration_refused
    z = _logit(0.5)
    if weights is not None:
        x = m._features(s, fused, covered, sem_score, votes, scores)
        z = weights[-1] + sum(w * v for w, v in zip(weights[:-1], x, strict=True))
    out.update(
        p=1 / (1 + math.exp(-z)),
        votes=votes,
        clf_first=bool(s.clf) and s.clf[0][0] == best_i,
        clf_lead=s.clf[0][1] - s.clf[1][1] if len(s.clf) > 1 else 0.0,
        lead=top - second,
        clear=sem_score[best_i] - s.negative,
        unknown=s.unknown,
        guarded=m._guarded(s, best_i, sem_score),
        pair=(m.kb.entries[best_i].id, m.kb.entries[second_i].id),
    )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, default=1, help="processes for missing rows")
    ap.add_argument("--rule", action="append", default=[], help="a condition on picker rows")
    args = ap.parse_args()
    from faq.kb import load_default_kb

    m = Matcher(load_default_kb())
    rows = [_row(m, r) for r in load_rows(args.jobs)]
    for src in ("loo", "dev", "dev_out", "neg"):
        rs = [r for r in rows if r["src"] == src]
        c = collections.Counter(r["outcome"] if r["answered"] else "open" for r in rs)
        print(f"{src:8} {len(rs):5}  " + "  ".join(f"{k} {v}" for k, v in sorted(c.items())))
    lost = [r for r in rows if r["src"] == "loo" and not r["answered"] and r["outcome"] == "right"]
    where = collections.Counter(
        "guard vetoes"
        if not r.get("guarded")
        else "picker"
        if r["options"]
        else "refused (nothing close)"
        for r in lost
    )
    print(f"\nleave-one-out, fused winner right, not answered: {len(lost)}  {dict(where)}")
    picker = [r for r in lost if r.get("guarded") and r["options"]]

    def hist(key, f=lambda v: v) -> list:
        return sorted(collections.Counter(f(r[key]) for r in picker).items())

    print("picker: options", hist("options"))
    agree = collections.Counter((r["votes"], r["clf_first"]) for r in picker)
    print("picker: (votes, classifier first)", sorted(agree.items()))
    print("picker: calibrated p", hist("p", lambda v: math.floor(v * 10) / 10))
    print("picker: winner - nearest negative", hist("clear", lambda v: math.floor(v * 10) / 10))
    print(
        "picker: (winner, runner-up)",
        collections.Counter(r["pair"] for r in picker).most_common(10),
    )
    candidates = [r for r in rows if not r["answered"] and r.get("guarded") and r["options"]]
    for rule in args.rule:
        hit = [r for r in candidates if eval(rule, {}, r)]  # a measuring aid: trusted input
        c = collections.Counter((r["src"], r["outcome"]) for r in hit)
        print(
            f"\n{rule}: would add " + ", ".join(f"{s} {o} {n}" for (s, o), n in sorted(c.items()))
        )


if __name__ == "__main__":
    main()
