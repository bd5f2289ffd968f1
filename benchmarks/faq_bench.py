"""FAQ quality and speed, measured against a plain rapidfuzz baseline in the same run.

    python benchmarks/faq_bench.py [--synthetic 5000] [--repeat 3]

Quality on the evaluation set (tests/faq/eval.yaml, never part of the KB):
  right   = in-scope questions answered confidently with the expected entry
  wrong   = in-scope questions answered confidently with another entry
  reject  = out-of-scope questions not answered confidently
Also leave-one-out over the KB's own example questions (each one matched by a
matcher built without it), a check that does not depend on the evaluation set.

Baseline: `rapidfuzz.process.extractOne` (WRatio, default processor) over all
example questions; confident when the score reaches the cutoff (several shown).

Speed: latency p50/p95 per question and questions/s on one core, for the real KB
and for a synthetic KB of N entries built from the real vocabulary.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process, utils

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from faq.kb import Entry, KnowledgeBase, load_default_kb  # noqa: E402
from faq.matcher import Matcher  # noqa: E402

EVAL = yaml.safe_load((ROOT / "tests" / "faq" / "eval.yaml").read_text(encoding="utf-8"))
IN_SCOPE = [(i["q"], i["id"]) for i in EVAL["in_scope"]]
OUT_OF_SCOPE = list(EVAL["out_of_scope"])


def quality(predict) -> tuple[float, float, float]:
    """predict(question) -> (faq_id, confident)."""
    right = wrong = 0
    for q, expected in IN_SCOPE:
        faq_id, confident = predict(q)
        right += confident and faq_id == expected
        wrong += confident and faq_id != expected
    rejected = sum(not predict(q)[1] for q in OUT_OF_SCOPE)
    return right / len(IN_SCOPE), wrong / len(IN_SCOPE), rejected / len(OUT_OF_SCOPE)


def baseline(kb: KnowledgeBase, cutoff: float, scorer=fuzz.WRatio):
    choices, ids = [], []
    for e in kb.entries:
        for qs in e.questions.values():
            choices.extend(qs)
            ids.extend([e.id] * len(qs))

    def predict(q: str):
        hit = process.extractOne(q, choices, scorer=scorer, processor=utils.default_process)
        return (ids[hit[2]], hit[1] >= cutoff) if hit else (None, False)

    return predict


def ours(matcher: Matcher):
    def predict(q: str):
        m = matcher.match(q)
        return (m.best.id if m.best else None, m.confident)

    return predict


def leave_one_out(kb: KnowledgeBase) -> tuple[float, float, int]:
    right = wrong = n = 0
    for idx, entry in enumerate(kb.entries):
        for lang, qs in entry.questions.items():
            for k, q in enumerate(qs):
                reduced = replace(entry, questions={**entry.questions, lang: qs[:k] + qs[k + 1 :]})
                entries = kb.entries[:idx] + (reduced,) + kb.entries[idx + 1 :]
                m = Matcher(KnowledgeBase(entries)).match(q)
                n += 1
                right += m.confident and m.best.id == entry.id
                wrong += m.confident and m.best.id != entry.id
    return right / n, wrong / n, n


def synthetic_kb(kb: KnowledgeBase, size: int, seed: int = 7) -> KnowledgeBase:
    rng = random.Random(seed)
    words = sorted(
        {w for e in kb.entries for qs in e.questions.values() for q in qs for w in q.split()}
    )
    syllables = [
        "ber",
        "tung",
        "lich",
        "pro",
        "ver",
        "sam",
        "kom",
        "mun",
        "an",
        "ge",
        "platz",
        "werk",
    ]

    def word() -> str:
        return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))

    entries = []
    for i in range(size):
        topic = f"{word()} {word()}"
        qs = {
            lang: tuple(" ".join(rng.sample(words, 4) + [word(), word()]) + "?" for _ in range(4))
            for lang in ("de", "en")
        }
        kws = {lang: tuple(word() for _ in range(5)) for lang in ("de", "en")}
        entries.append(
            Entry(
                f"s{i}", {"de": topic, "en": topic}, {"de": topic, "en": topic}, qs, kws, "s", "s"
            )
        )
    return KnowledgeBase(tuple(entries))


def latency(matcher: Matcher, questions: list[str], repeat: int) -> tuple[float, float, float]:
    times = []
    for _ in range(repeat):
        matcher._resolve.cache_clear()  # measure cold token look-ups too
        for q in questions:
            t0 = time.perf_counter()
            matcher.match(q)
            times.append(time.perf_counter() - t0)
    times.sort()
    p50 = statistics.median(times) * 1000
    p95 = times[int(len(times) * 0.95)] * 1000
    return p50, p95, len(times) / sum(times)


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--synthetic", type=int, default=5000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    kb = load_default_kb()
    matcher = Matcher(kb)
    print(
        f"KB: {len(kb)} entries; evaluation: {len(IN_SCOPE)} in scope, {len(OUT_OF_SCOPE)} out of scope\n"
    )
    print(f"{'matcher':34} {'right':>7} {'wrong':>7} {'reject':>7}")
    r, w, j = quality(ours(matcher))
    print(f"{'imbot matcher':34} {r:7.1%} {w:7.1%} {j:7.1%}")
    for name, scorer in (("WRatio", fuzz.WRatio), ("token_sort", fuzz.token_sort_ratio)):
        for cutoff in (70, 80, 90):
            r, w, j = quality(baseline(kb, cutoff, scorer))
            print(f"{f'baseline extractOne {name}>={cutoff}':34} {r:7.1%} {w:7.1%} {j:7.1%}")
    r, w, n = leave_one_out(kb)
    print(f"\nleave-one-out on {n} KB example questions: right {r:.1%}, wrong {w:.1%}")

    questions = [q for q, _ in IN_SCOPE] + OUT_OF_SCOPE
    print(f"\n{'speed (one core)':34} {'p50 ms':>8} {'p95 ms':>8} {'q/s':>8}")
    p50, p95, qps = latency(matcher, questions, args.repeat)
    print(
        f"{f'real KB ({len(kb)} entries)':34} {p50:8.2f} {p95:8.2f} {qps:8.0f}   target p95 < 5 ms"
    )
    t0 = time.perf_counter()
    big_kb = synthetic_kb(kb, args.synthetic)
    big = Matcher(big_kb)
    build = time.perf_counter() - t0
    p50, p95, qps = latency(big, questions, args.repeat)
    print(
        f"{f'synthetic KB ({args.synthetic} entries)':34} {p50:8.2f} {p95:8.2f} {qps:8.0f}   target p95 < 50 ms"
    )
    print(f"  (index build for the synthetic KB: {build:.1f} s)")
    base = baseline(big_kb, 80)
    p50, p95, qps = latency_plain(base, questions, args.repeat)
    print(f"{'baseline on synthetic KB':34} {p50:8.2f} {p95:8.2f} {qps:8.0f}")


def latency_plain(predict, questions: list[str], repeat: int) -> tuple[float, float, float]:
    times = []
    for _ in range(repeat):
        for q in questions:
            t0 = time.perf_counter()
            predict(q)
            times.append(time.perf_counter() - t0)
    times.sort()
    return (
        statistics.median(times) * 1000,
        times[int(len(times) * 0.95)] * 1000,
        len(times) / sum(times),
    )


if __name__ == "__main__":
    main()
