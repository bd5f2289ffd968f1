"""How long the running bot takes to switch to a new call's knowledge base.

    python benchmarks/kb_switch_bench.py [--questions 50]

When the active edition's knowledge base changes (`imbot admin edition load` of a
bundle), the FAQ service notices on the next question (it reads the active edition's
knowledge-base version, one small query per question) and builds a matcher for the
new knowledge base: coverage, BM25 and the sentence-embedding index. Printed, in one
run on one SQLite database:
  - the baseline: one question answered by a built matcher (median);
  - the version check each question now costs (median);
  - the first matcher of a process (the encoder model is loaded, the vector cache is
    empty), for comparison;
  - the switch to a new call: a knowledge base none of whose texts were embedded
    before (the running bot has its encoder loaded);
  - the switch, warm: a corrected knowledge base whose example questions were
    embedded before (a corrected answer, the usual correction).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="imbot-kb-bench-")  # cold vector cache

from bot.app.wiring import ActiveMatcher, warmed  # noqa: E402
from bot.timeline import Timeline  # noqa: E402
from faq.kb import KnowledgeBase  # noqa: E402
from faq.matcher import Matcher  # noqa: E402
from jobs.editions import default_edition_text  # noqa: E402
from storage.db import make_engine, upgrade  # noqa: E402
from storage.repo import session_factory  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
QUESTIONS = ["Wann ist Bewerbungsschluss?", "Wie viele Projekte werden gefördert?",
             "Who can apply?", "Was verdienen die Expert:innen?"]  # fmt: skip


def renamed(kb: KnowledgeBase) -> KnowledgeBase:
    """The knowledge base with every example question and topic changed: nothing of it
    was embedded before."""

    def new(texts):
        return tuple(f"{t} (2027)" for t in texts)

    return KnowledgeBase(
        tuple(
            dataclasses.replace(
                e,
                questions={lang: new(q) for lang, q in e.questions.items()},
                topic={lang: f"{t} (2027)" for lang, t in e.topic.items()},
            )
            for e in kb.entries
        )
    )


def seconds(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--questions", type=int, default=50)
    args = parser.parse_args()
    shipped = (REPO / "faq" / "data" / "call-2023.yaml").read_bytes()
    tmp = Path(tempfile.mkdtemp(prefix="imbot-kb-bench-db-"))
    engine = make_engine(f"sqlite:///{tmp / 'imbot.db'}")
    upgrade(engine)
    sessions = session_factory(engine)
    timeline = Timeline(sessions)
    timeline.load(default_edition_text())

    cold_kb = renamed(KnowledgeBase.from_bytes(shipped, "call-2023.yaml"))
    start = time.perf_counter()
    built = warmed(Matcher(KnowledgeBase.from_bytes(shipped, "call-2023.yaml")))
    first = time.perf_counter() - start
    cold = seconds(lambda: warmed(Matcher(cold_kb)))
    corrected = shipped.replace("fünf Projekte".encode(), b"sechs Projekte")
    warm = seconds(lambda: warmed(Matcher(KnowledgeBase.from_bytes(corrected, "c.yaml"))))

    active = ActiveMatcher(timeline)
    active()
    answer, check = [], []
    for i in range(args.questions):
        q = QUESTIONS[i % len(QUESTIONS)]
        answer.append(seconds(lambda q=q: built.match(q)))
        check.append(seconds(timeline.kb_version))
    print(f"knowledge base: {len(built.kb)} entries, "
          f"{sum(len(e.questions['de']) + len(e.questions['en']) for e in built.kb.entries)} "
          "example questions")  # fmt: skip
    print(f"baseline: one question answered by a built matcher: "
          f"{statistics.median(answer) * 1000:.1f} ms (median of {args.questions})")  # fmt: skip
    print(f"version check per question (SQLite): {statistics.median(check) * 1000:.2f} ms "
          f"(median; {statistics.median(check) / statistics.median(answer):.1%} of the baseline)")  # fmt: skip
    print(f"first matcher of a process (encoder model loaded, empty vector cache): {first:.2f} s")
    print(f"switch to a new knowledge base (none of its texts embedded before): {cold:.2f} s "
          f"= {cold / statistics.median(answer):.0f} questions")  # fmt: skip
    print(f"switch to a corrected knowledge base, warm (questions embedded): {warm:.2f} s")
    engine.dispose()


if __name__ == "__main__":
    main()
