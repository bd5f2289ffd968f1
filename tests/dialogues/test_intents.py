"""The plain-language intents against their own evaluation set (written before the
table was tuned): at least 90 % mapped right, and nothing mapped to a destructive
intent that was not meant so."""

from pathlib import Path

import yaml

from bot.chat.jourfixe.intents import INTENTS, match_intent

HERE = Path(__file__).parent
EVAL = yaml.safe_load((HERE / "intents.yaml").read_text(encoding="utf-8"))
EVERY_SET = EVAL + [
    row
    for name in ("intents_heldout.yaml", "intents_fresh.yaml", "intents_fourth.yaml")
    for row in yaml.safe_load((HERE / name).read_text(encoding="utf-8"))
]


def test_the_evaluation_set_is_big_and_covers_every_intent():
    assert len(EVAL) >= 100
    assert {intent for _, intent in EVAL} == set(INTENTS) | {"none"}


def test_at_least_nine_in_ten_phrasings_are_mapped_right():
    right = sum((match_intent(text) or "none") == intent for text, intent in EVAL)
    assert right / len(EVAL) >= 0.9, f"{right}/{len(EVAL)}"


def test_nothing_is_read_as_cancel_or_move_that_was_not_meant_so():
    wrong = [
        text
        for text, intent in EVERY_SET
        if match_intent(text) in ("cancel", "move") and match_intent(text) != intent
    ]
    assert wrong == []


def test_the_evaluation_set_is_not_pasted_into_the_table():
    phrases = {p for ps in INTENTS.values() for p in ps}
    copied = [text for text, _ in EVERY_SET if text.lower().strip("?!. ") in phrases]
    assert len(copied) <= len(EVERY_SET) // 10, copied
