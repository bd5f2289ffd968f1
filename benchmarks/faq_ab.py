"""FAQ latency, baseline and this checkout in lockstep: for a shared, busy machine.

    python benchmarks/faq_ab.py [--baseline REV] [--repeat 3]

faq_bench.py measures the baseline and this checkout one after the other, so a load
that comes or goes in between moves one column and not the other. Here both matchers
run at once in two processes on the same core, and the development questions
(tests/faq/eval.yaml) are put to them in turn, question by question (who goes first
alternates), so both see the same load. Each repeat starts with cold word look-ups and
no question read before, as in faq_bench.py. Prints the thread's CPU time per
question (p50, p95, mean) of each.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def worker(impl: str) -> None:
    """Match the development questions the driver names, one index a line; "clear"
    forgets word look-ups and questions read."""
    sys.path.insert(0, impl)
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from faq_bench import load_set

    from faq.kb import load_default_kb
    from faq.matcher import Matcher

    matcher = Matcher(load_default_kb())
    in_scope, out_of_scope = load_set("eval.yaml")
    questions = [q for q, _ in in_scope] + out_of_scope
    for q in questions:  # loads the model, fills the per-word caches
        matcher.match(q)
    questions_read = getattr(sys.modules["faq.normalize"], "_tokens", None)
    print(len(questions), flush=True)
    for line in sys.stdin:
        if line.strip() == "clear":
            matcher.coverage._resolve.cache_clear()
            if questions_read is not None:
                questions_read.cache_clear()
            print("ok", flush=True)
            continue
        q = questions[int(line)]
        start = time.thread_time()
        matcher.match(q)
        print(time.thread_time() - start, flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--baseline", default="main")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.worker)
        return
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    core = str(min(os.sched_getaffinity(0)))
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", args.baseline, "faq"],
            capture_output=True,
            check=True,
        ).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        procs = {
            name: subprocess.Popen(
                ["taskset", "-c", core, sys.executable, __file__, "--worker", impl],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                env=env,
            )
            for name, impl in ((args.baseline, tmp), ("ours", str(ROOT)))
        }

        def ask(name: str, line: str) -> str:
            procs[name].stdin.write(line + "\n")
            procs[name].stdin.flush()
            return procs[name].stdout.readline()

        (n,) = {int(p.stdout.readline()) for p in procs.values()}
        cpu: dict[str, list[float]] = {name: [] for name in procs}
        names = list(procs)
        for r in range(args.repeat):
            for name in names:
                ask(name, "clear")
            for i in range(n):
                for name in names if (i + r) % 2 else names[::-1]:
                    cpu[name].append(float(ask(name, str(i))))
        for p in procs.values():
            p.stdin.close()
            p.wait()
    for name, times in cpu.items():
        times.sort()
        print(
            f"{name:9} CPU p50 {times[len(times) // 2] * 1000:5.2f} ms  "
            f"p95 {times[int(len(times) * 0.95)] * 1000:5.2f} ms  "
            f"mean {sum(times) / len(times) * 1000:5.2f} ms  ({len(times)} questions timed)"
        )


if __name__ == "__main__":
    main()
