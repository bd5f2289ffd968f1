"""How well replies and plain-language requests are understood, against main's
behaviour measured in the same run.

    python benchmarks/conversation_bench.py

Replies (tests/dialogues/replies.yaml, real replies with the reading a careful
person gives them): share read right, and the harmful misreadings – an action
(yes/no/time) where a question back or no answer was right, or yes for no.
Baseline: main's reader (exact words, then the whole text as a time, then a fuzzy
guess that is asked back), copied below as it was.

Intents (tests/dialogues/intents.yaml, written before the table was tuned; a second
and a third set, each measured once and then tuned on; a fourth set never tuned on):
share mapped right, and texts mapped to cancel/move that did not mean it. Baselines:
main (no intents: every text goes to the FAQ) and plain rapidfuzz (extractOne,
WRatio, cutoff 80, over the same keywords).
"""

from __future__ import annotations

import re
import sys
import time
from datetime import date, datetime
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.booking.answers import read  # noqa: E402
from bot.booking.timeparse import TimeParseError, parse_moment  # noqa: E402
from bot.chat.jourfixe.intents import INTENTS, match_intent  # noqa: E402

REPLIES = yaml.safe_load((ROOT / "tests/dialogues/replies.yaml").read_text(encoding="utf-8"))
HELD_OUT = yaml.safe_load(
    (ROOT / "tests/dialogues/replies_heldout.yaml").read_text(encoding="utf-8")
)
PHRASINGS = yaml.safe_load((ROOT / "tests/dialogues/intents.yaml").read_text(encoding="utf-8"))
INTENTS_HELD_OUT = yaml.safe_load(
    (ROOT / "tests/dialogues/intents_heldout.yaml").read_text(encoding="utf-8")
)
INTENTS_FOURTH = yaml.safe_load(
    (ROOT / "tests/dialogues/intents_fourth.yaml").read_text(encoding="utf-8")
)
INTENTS_FRESH = yaml.safe_load(
    (ROOT / "tests/dialogues/intents_fresh.yaml").read_text(encoding="utf-8")
)
NOW, DAY = datetime(2026, 3, 2, 9, 0), date(2026, 3, 3)

# -- main's reader, as it was (bot/booking/answers.py before issue 16) -------------------
_YES = set(
    "ja j jo jap jawohl yes y yep yeah ok okay oki passt gerne gern klar sicher bestätigt "
    "bestätige bestätigen confirm confirmed einverstanden geht sure fine perfekt super "
    "👍 ✅ 👌 🙂".split()
) | {"geht klar"}
_NO = set(
    "nein n nö no nope absagen ablehnen abgelehnt decline declined cannot can't 👎 ❌".split()
)
_NO |= {
    "geht nicht", "passt nicht", "leider nicht", "no thanks", "kann nicht", "klappt nicht",
    "geht leider nicht", "passt leider nicht", "not possible",
}  # fmt: skip
_NEG = {"nicht", "nein", "no", "not", "kein", "keine", "leider", "cannot", "can't"}
_YES_WORDS = {w for p in _YES for w in p.split()}
_FILL = {"danke", "thanks", "thank", "you", "bitte", "please", "dann", "also", "das", "the", "it"}


def _norm(text):
    text = re.sub(r"[.,;:!?()\"'„“”]+", " ", text.strip().lower())
    return re.sub(r"\s+", " ", text).strip()


def main_classify(text):
    t = _norm(text)
    if t in _YES:
        return "yes"
    if t in _NO:
        return "no"
    words = [w for w in t.split() if w not in _FILL]
    if not words:
        return None
    if any(w in _NEG for w in words):
        ok = all(w in _NEG or w in _YES_WORDS or w in {"geht", "passt", "klappt"} for w in words)
        return "no" if ok else None
    return "yes" if all(w in _YES_WORDS for w in words) else None


def main_guess(text):
    t = _norm(text)
    if not t or len(t) > 20:
        return None
    y = process.extractOne(t, _YES, scorer=fuzz.ratio)
    n = process.extractOne(t, _NO, scorer=fuzz.ratio)
    by, bn = (y[1] if y else 0), (n[1] if n else 0)
    if max(by, bn) < 70 or abs(by - bn) < 10:
        return None
    return "yes" if by > bn else "no"


def main_read(text):
    answer = main_classify(text)
    if answer:
        return answer
    try:
        parse_moment(text, NOW)
        return "time"
    except TimeParseError:
        pass
    return "ask" if main_guess(text) else "none"


# -- scoring -----------------------------------------------------------------------------
def score_replies(reader, table=REPLIES):
    right = harmful = 0
    for text, expected in table:
        got = reader(text)
        right += got == expected
        acted = got in ("yes", "no", "time")
        harmful += acted and got != expected
    return right, harmful


def plain_rapidfuzz(text):
    keys = [(k, i) for i, ks in INTENTS.items() for k in ks]
    best = process.extractOne(text.lower(), [k for k, _ in keys], scorer=fuzz.WRatio)
    return dict(keys)[best[0]] if best and best[1] >= 80 else None


def score_intents(matcher, table=PHRASINGS):
    right = destructive = 0
    for text, expected in table:
        got = matcher(text) or "none"
        right += got == expected
        destructive += got in ("cancel", "move") and got != expected
    return right, destructive


def main():
    n = len(REPLIES)
    start = time.perf_counter()
    new = score_replies(lambda x: read(x, NOW, DAY).kind)
    per = (time.perf_counter() - start) / n * 1e6
    old = score_replies(main_read)
    print(f"replies ({n}, tests/dialogues/replies.yaml)")
    print(
        f"  issue 16 reader: {new[0]}/{n} = {new[0] / n:.1%} right, {new[1]} harmful "
        f"actions ({per:.0f} µs per reply)"
    )
    print(f"  main's reader:   {old[0]}/{n} = {old[0] / n:.1%} right, {old[1]} harmful actions")
    h = len(HELD_OUT)
    new = score_replies(lambda x: read(x, NOW, DAY).kind, HELD_OUT)
    old = score_replies(main_read, HELD_OUT)
    print(f"held-out replies ({h}, replies_heldout.yaml: first measured 37/42, one fix since)")
    print(f"  issue 16 reader: {new[0]}/{h} = {new[0] / h:.1%} right, {new[1]} harmful actions")
    print(f"  main's reader:   {old[0]}/{h} = {old[0] / h:.1%} right, {old[1]} harmful actions")
    m = len(PHRASINGS)
    rows = [
        ("issue 16 intents", match_intent),
        ("main (no intents)", lambda _: None),
        ("plain rapidfuzz", plain_rapidfuzz),
    ]
    print(f"intents ({m} phrasings, tests/dialogues/intents.yaml)")
    for name, matcher in rows:
        right, bad = score_intents(matcher)
        print(f"  {name:17} {right}/{m} = {right / m:.1%} right, {bad} wrongly cancel/move")
    for label, table in (
        (
            "second set (intents_heldout.yaml: measured once at 60.0 %, then tuned on)",
            INTENTS_HELD_OUT,
        ),
        ("third set (intents_fresh.yaml: measured once at 82.5 %, then tuned on)", INTENTS_FRESH),
        ("fourth set (intents_fourth.yaml: written before that, never tuned on)", INTENTS_FOURTH),
    ):
        k = len(table)
        print(f"{label}, {k} phrasings")
        for name, matcher in rows:
            right, bad = score_intents(matcher, table)
            print(f"  {name:17} {right}/{k} = {right / k:.1%} right, {bad} wrongly cancel/move")


if __name__ == "__main__":
    main()
