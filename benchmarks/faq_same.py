"""Same answers: this checkout's matcher against a baseline's, question by question.

    python benchmarks/faq_same.py [--baseline REV] [--loo [--loo-every K]] [--threads N]

(default baseline: where this branch left main, `git merge-base HEAD main`)

A speed-up of the FAQ matcher must not change what it decides. This runs every
development question (tests/faq/eval.yaml, in and out of scope), every written
out-of-scope question (faq/negatives.yaml) and every example question of the
knowledge base through the baseline's matcher and this checkout's (each in its own
process, the baseline checked out with `git archive` as in faq_bench.py) and compares
the full result: the match (entry, score, confidence, coverage, runner-ups, offered
options, votes, off-topic and about-the-call flags, language) and the rankers' raw
signals (every score, bit for bit). Prints the differences and exits 1 if there are any.

`--loo` adds leave-one-out: each example question of the knowledge base matched by a
matcher built without it, as faq_bench.py's leave-one-out does (2,887 matchers a side,
~10 minutes on a busy machine; `--loo-every K` takes every K-th example only).
Both sides run at once, each in its own process, on `--threads` BLAS threads (default
1, as `imbot run`, `imbot chat` and `imbot ask` do).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def questions() -> list[str]:
    """Development, written out-of-scope and knowledge-base example questions (this
    checkout's), without repeats."""
    sys.path.insert(0, str(ROOT))
    from faq.kb import load_default_kb

    dev = yaml.safe_load((ROOT / "tests" / "faq" / "eval.yaml").read_text(encoding="utf-8"))
    out = [i["q"] for i in dev["in_scope"]] + list(dev["out_of_scope"])
    neg = yaml.safe_load((ROOT / "faq" / "negatives.yaml").read_text(encoding="utf-8"))
    for group in (neg, neg.get("people") or {}, neg.get("about_call") or {}):
        out += [q for lang in ("de", "en") for q in group.get(lang) or ()]
    for entry in load_default_kb().entries:
        out += [q for qs in entry.questions.values() for q in qs]
    return list(dict.fromkeys(out))


def worker(impl: Path, path: Path, loo_every: int) -> None:
    """Match every question with the `faq` package under `impl`; one JSON line each.
    With `loo_every`, then every `loo_every`-th example question of the knowledge
    base with a matcher built without it (key "loo ENTRY LANG K")."""
    sys.path.insert(0, str(impl))
    from faq.kb import KnowledgeBase, load_default_kb
    from faq.matcher import Matcher

    kb = load_default_kb()
    matcher = Matcher(kb)
    for q in json.loads(path.read_text(encoding="utf-8")):
        _report(q, q, matcher)
    if not loo_every:
        return
    n = 0
    for idx, entry in enumerate(kb.entries):
        for lang, qs in entry.questions.items():
            for k, q in enumerate(qs):
                n += 1
                if n % loo_every:
                    continue
                reduced = replace(entry, questions={**entry.questions, lang: qs[:k] + qs[k + 1 :]})
                left = KnowledgeBase(kb.entries[:idx] + (reduced,) + kb.entries[idx + 1 :])
                _report(f"loo {entry.id} {lang} {k}", q, Matcher(left))


def _report(key: str, q: str, matcher) -> None:
    m = matcher.match(q)
    s = matcher.signals(q)
    match = [
        m.lang,
        m.best.id if m.best else None,
        m.score,
        m.confident,
        m.coverage,
        [(c.entry.id, c.score) for c in m.runner_ups],
        [e.id for e in m.options],
        m.votes,
        m.off_topic,
        m.about_call,
        m.answer,
    ]
    signals = [
        s.lang,
        s.cov,
        s.bm,
        s.sem,
        s.clf,
        s.negative,
        s.nearest,
        s.topical,
        s.words,
        s.unknown,
    ]
    print(json.dumps({"q": key, "match": match, "signals": signals}))


def start(impl: Path, path: Path, loo_every: int, threads: int) -> subprocess.Popen:
    cmd = [sys.executable, __file__, "--worker", str(impl), "--questions", str(path)]
    cmd += ["--loo-every", str(loo_every)]
    # one hash seed for both: BM25 adds a question's stems in the order of a set of
    # strings, so its scores differ in the last bits from one process to the next
    env = {
        **os.environ,
        "PYTHONHASHSEED": "0",
        "OPENBLAS_NUM_THREADS": str(threads),
        "OMP_NUM_THREADS": str(threads),
        "MKL_NUM_THREADS": str(threads),
    }
    out = path.with_name(f"{impl.name}.jsonl").open("w", encoding="utf-8")
    return subprocess.Popen(cmd, env=env, stdout=out, text=True)


def rows(impl: Path, path: Path) -> dict[str, dict]:
    lines = path.with_name(f"{impl.name}.jsonl").read_text(encoding="utf-8").splitlines()
    found = [json.loads(line) for line in lines if line.startswith("{")]
    return {r["q"]: r for r in found}


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--baseline")
    ap.add_argument("--loo", action="store_true", help="leave-one-out too")
    ap.add_argument("--loo-every", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--threads", type=int, default=1, help="BLAS threads (default 1)")
    ap.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--questions", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.worker, args.questions, args.loo_every)
        return
    every = (args.loo_every or 1) if args.loo else 0
    if not args.baseline:
        args.baseline = subprocess.run(
            ["git", "-C", str(ROOT), "merge-base", "HEAD", "main"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()[:7]
    qs = questions()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "questions.json"
        path.write_text(json.dumps(qs), encoding="utf-8")
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", args.baseline, "faq"],
            capture_output=True,
            check=True,
        ).stdout
        base_dir = Path(tmp) / "base"
        base_dir.mkdir()
        subprocess.run(["tar", "-x", "-C", str(base_dir)], input=archive, check=True)
        procs = [start(impl, path, every, args.threads) for impl in (base_dir, ROOT)]
        if any(p.wait() for p in procs):
            sys.exit("a worker failed")
        base, ours = rows(base_dir, path), rows(ROOT, path)
    differ = {"match": 0, "signals": 0}
    keys = list(dict.fromkeys([*base, *ours]))
    for q in keys:
        b, o = base.get(q), ours.get(q)
        for part in differ:
            if b is None or o is None or b[part] != o[part]:
                differ[part] += 1
                if differ[part] <= 5:
                    print(
                        f"{part} differs: {q!r}\n  {args.baseline}: {b and b[part]}\n  ours: {o and o[part]}"
                    )
    loo = sum(k.startswith("loo ") for k in keys)
    print(
        f"{len(keys) - loo} questions and {loo} leave-one-out questions against "
        f"{args.baseline} ({args.threads} BLAS thread(s)): {differ['match']} matches and "
        f"{differ['signals']} rankers' signals differ"
    )
    sys.exit(1 if any(differ.values()) else 0)


if __name__ == "__main__":
    main()
