"""Why the matcher refuses questions whose fused best guess is right.

    python benchmarks/faq_blocked.py [--source dev|loo|all] [--list] [--cause CAUSE]

On the development set's in-scope questions (tests/faq/eval.yaml) and leave-one-out
over the knowledge base's examples (the rows of `faq_rows.py`, never the frozen test
sets), takes every question whose fused winner is an expected entry but which the
matcher does not answer, and says which condition of `Matcher.decide` blocked it:

  votes         fewer than `votes` rankers put the winner first
  margin        the fused lead is below `margin` (three rankers agree)
  split margin  two of three agree and the lead is below `split_margin`
  coverage      the winner covers less than `min_coverage` of the question's words
                (and the embedding is not `sure_semantic`)
  semantic      the embedding's score is below `min_semantic`
  guard: topical / negative / figure
                the out-of-scope guard vetoed an answer the rule would give: no topic
                word, a written counter-example at least as close, another figure
  calibration   the hand-set rule refuses and the calibrated regression for refused
                questions is not sure enough either (listed with the rule's causes)

A question the hand-set rule refuses often fails several conditions: `sole` counts the
questions where this cause is the only one, `any` every question where it holds.
With `--list` each blocked question is printed with its causes and, for coverage, the
question's terms the winner does not account for (? = unknown to the knowledge base)
and their share of the question's weight.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from faq_rows import load_rows  # noqa: E402

from faq.coverage import CoverageRanker  # noqa: E402
from faq.kb import KnowledgeBase, load_default_kb  # noqa: E402
from faq.matcher import Matcher, Signals  # noqa: E402

RULE = ("votes", "margin", "split margin", "coverage", "semantic")


def causes(m: Matcher, s: Signals) -> list[str]:
    """The conditions of `decide` that keep the (right) fused winner from an answer."""
    t = m.t
    fused, covered, sem_score, votes, _ = m._fuse(s)
    (top, best_i), (second, _) = fused[0], fused[1]
    cov = covered.get(best_i, 0.0)
    out = []
    if votes < t.votes:
        out.append("votes")
    lead = top - second
    if lead < t.margin:
        out.append("margin")
    elif votes == 2 and lead < t.split_margin:
        out.append("split margin")
    if cov < t.min_coverage and sem_score[best_i] < t.sure_semantic:
        out.append("coverage")
    if sem_score[best_i] < t.min_semantic:
        out.append("semantic")
    rule = not out or m._classifier_sure(s, best_i, votes, cov, sem_score)
    weights = t.calibration if rule else t.calibration_refused
    if weights is not None:
        x = m._features(s, *m._fuse(s))
        z = weights[-1] + sum(w * v for w, v in zip(weights[:-1], x, strict=True))
        if z < math.log(t.min_probability / (1 - t.min_probability)):
            out.append("calibration")  # the regression did not lift (or kept) it
    if not s.topical:
        out.append("guard: topical")
    if s.negative >= sem_score[best_i] + t.negative_margin:
        out.append("guard: negative")
    if m._other_figure(s.question, m.kb.entries[best_i]):
        out.append("guard: figure")
    return out


def without(kb: KnowledgeBase, question: str) -> KnowledgeBase:
    """The knowledge base with one example question taken out (as leave-one-out does)."""
    entries = []
    for e in kb.entries:
        qs = {lang: tuple(q for q in e.questions[lang] if q != question) for lang in e.questions}
        entries.append(replace(e, questions=qs) if qs != e.questions else e)
    return KnowledgeBase(tuple(entries))


def uncovered(m: Matcher, s: Signals, cr: CoverageRanker) -> str:
    """The question's terms the winner does not account for, with their weight share
    (`cr`: the coverage ranker the question was matched with)."""
    fused = m._fuse(s)[0]
    best_i = fused[0][1]
    terms = cr.terms(s.question)
    weights = {t: (cr._idf[t] if k else cr._unknown_weight) for t, k in terms}
    total = sum(weights.values()) or 1.0
    missing = [
        f"{t}{'' if k else '?'} {weights[t] / total:.0%}"
        for t, k in terms
        if not (k and best_i in cr._postings[t])
    ]
    return ", ".join(missing)


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--source", choices=("dev", "loo", "all"), default="all")
    ap.add_argument("--list", action="store_true", help="print each blocked question")
    ap.add_argument("--cause", help="list only questions with this cause")
    args = ap.parse_args()
    kb = load_default_kb()
    m = Matcher(kb)
    sources = ("dev", "loo") if args.source == "all" else (args.source,)
    rows = [r for r in load_rows() if r.source in sources]
    for source in sources:
        mine = [r for r in rows if r.source == source]
        blocked, right, wrong = [], 0, 0
        for r in mine:
            d = m.decide(r.signals)
            fused_right = d.best is not None and d.best.id in r.expected
            right += d.confident and fused_right
            wrong += d.confident and not fused_right
            if fused_right and not d.confident:
                blocked.append((r, causes(m, r.signals), d))
        n = len(mine)
        print(
            f"{source}: {n} in scope, answered right {right} ({right / n:.1%}), "
            f"wrong {wrong} ({wrong / n:.1%}); fused winner right but not answered "
            f"{len(blocked)} ({len(blocked) / n:.1%})"
        )
        anyc, sole = Counter(), Counter()
        for _, cs, _ in blocked:
            anyc.update(cs)
            rule = [c for c in cs if c in RULE]
            if len(rule) == 1:
                sole[rule[0]] += 1
            elif not rule:
                sole[" + ".join(cs) or "other (same-date rule?)"] += 1
        print(f"  {'cause':28} {'any':>5} {'sole':>5}")
        for cause in [*RULE, "calibration", "guard: topical", "guard: negative", "guard: figure"]:
            print(f"  {cause:28} {anyc[cause]:5d} {sole[cause]:5d}")
        for cause, k in sole.items():
            if cause not in anyc:
                print(f"  {cause:28} {'':5} {k:5d}")
        if args.list:
            for r, cs, d in blocked:
                if args.cause and args.cause not in cs:
                    continue
                s = r.signals
                cr = CoverageRanker(without(kb, r.question)) if source == "loo" else m.coverage
                print(f"  {r.question!r} -> {d.best.id}: {', '.join(cs)}")
                print(
                    f"      votes {d.votes} cov {d.coverage:.2f} uncovered: {uncovered(m, s, cr)}"
                )


if __name__ == "__main__":
    main()
