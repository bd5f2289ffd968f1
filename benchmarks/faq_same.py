"""Same answers: this checkout's matcher against a baseline's, question by question.

    python benchmarks/faq_same.py [--baseline REV]

(default baseline: where this branch left main, `git merge-base HEAD main`)

A speed-up of the FAQ matcher must not change what it decides. This runs every
development question (tests/faq/eval.yaml, in and out of scope), every written
out-of-scope question (faq/negatives.yaml) and every example question of the
knowledge base through the baseline's matcher and this checkout's (each in its own
process, the baseline checked out with `git archive` as in faq_bench.py) and compares
the full result: the match (entry, score, confidence, coverage, runner-ups, offered
options, votes, off-topic and about-the-call flags, language) and the rankers' raw
signals (every score, bit for bit). Prints the differences and exits 1 if there are any.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
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


def worker(impl: Path, path: Path) -> None:
    """Match every question with the `faq` package under `impl`; one JSON line each."""
    sys.path.insert(0, str(impl))
    from faq.kb import load_default_kb
    from faq.matcher import Matcher

    matcher = Matcher(load_default_kb())
    for q in json.loads(path.read_text(encoding="utf-8")):
        m = matcher.match(q)
        s = matcher.signals(q)
        print(
            json.dumps(
                {
                    "q": q,
                    "match": [
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
                    ],
                    "signals": [
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
                    ],  # fmt: skip
                }
            )
        )


def run(impl: Path, path: Path) -> dict[str, dict]:
    cmd = [sys.executable, __file__, "--worker", str(impl), "--questions", str(path)]
    # one hash seed for both: BM25 adds a question's stems in the order of a set of
    # strings, so its scores differ in the last bits from one process to the next
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    rows = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    return {r["q"]: r for r in rows}


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--baseline")
    ap.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--questions", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.worker, args.questions)
        return
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
        base, ours = run(base_dir, path), run(ROOT, path)
    differ = {"match": 0, "signals": 0}
    for q in qs:
        b, o = base[q], ours[q]
        for part in differ:
            if b[part] != o[part]:
                differ[part] += 1
                if differ[part] <= 5:
                    print(f"{part} differs: {q!r}\n  {args.baseline}: {b[part]}\n  ours: {o[part]}")
    print(
        f"{len(qs)} questions against {args.baseline}: {differ['match']} matches and "
        f"{differ['signals']} rankers' signals differ"
    )
    sys.exit(1 if any(differ.values()) else 0)


if __name__ == "__main__":
    main()
