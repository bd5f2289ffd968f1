"""The FAQ quality gate: measured on questions the knowledge base never saw.

eval.yaml is the development set (thresholds were set on it); test_set*.yaml are the
frozen test sets, written before any tuning. Both gate against regressions at the
levels reached (see benchmarks/faq_bench.py for the figures and the baseline).

The frozen sets' gates on confidently wrong answers and on out-of-scope questions
answered follow one rule (decided 2026-11-28, at the start of a round and before any of
its changes was measured on a frozen set): the issue's goal figure (wrong at most 1 %
of the set's in-scope questions; out of scope refused at least 95 %, i.e. answered at
most floor(5 %) of them) where main met that goal on the set at the start of the round,
otherwise main's count then, so nothing not yet at the goal gets worse. Main 8d6225a
(right/wrong/out of scope answered): set 1 240/2/4 of 255/85, set 2 218/3/1 of 286/88,
set 3 341/3/5 of 411/111, set 4 315/3/5 of 389/129. The gates on right answers are the
levels set when each set was first measured. Gates move only by this rule and only at
the start of a round, never after a change's frozen result is seen."""

from pathlib import Path

import pytest
import yaml

from faq.normalize import tokens

EVAL = yaml.safe_load((Path(__file__).parent / "eval.yaml").read_text(encoding="utf-8"))
IN_SCOPE = [(item["q"], item["id"]) for item in EVAL["in_scope"]]
OUT_OF_SCOPE = EVAL["out_of_scope"]


def _frozen(name: str) -> tuple[dict, list[tuple[str, set[str]]]]:
    """A frozen set and its in-scope questions with the set of entries that answer each."""
    data = yaml.safe_load((Path(__file__).parent / name).read_text(encoding="utf-8"))
    pairs = [
        (i["q"], set(i["id"] if isinstance(i["id"], list) else [i["id"]])) for i in data["in_scope"]
    ]
    return data, pairs


TEST, TEST_IN = _frozen("test_set.yaml")
TEST2, TEST2_IN = _frozen("test_set_2.yaml")
TEST3, TEST3_IN = _frozen("test_set_3.yaml")
TEST4, TEST4_IN = _frozen("test_set_4.yaml")
TEST5, TEST5_IN = _frozen("test_set_5.yaml")


def test_evaluation_set_is_large_enough_and_bilingual():
    assert len(IN_SCOPE) >= 150
    assert len(OUT_OF_SCOPE) >= 50


def test_evaluation_questions_are_not_in_the_knowledge_base(kb):
    known = {tuple(tokens(q)) for e in kb.entries for qs in e.questions.values() for q in qs}
    held = [q for q, _ in IN_SCOPE + TEST_IN + TEST2_IN + TEST3_IN + TEST4_IN + TEST5_IN]
    held += OUT_OF_SCOPE + TEST["out_of_scope"] + TEST2["out_of_scope"] + TEST3["out_of_scope"]
    held += TEST4["out_of_scope"] + TEST5["out_of_scope"]
    leaked = [q for q in held if tuple(tokens(q)) in known]
    assert not leaked, f"evaluation questions pasted into the KB: {leaked}"


def test_frozen_test_set_is_large_and_covers_every_entry(kb):
    assert len(TEST_IN) >= 250 and len(TEST["out_of_scope"]) >= 80
    # entries added after the set was frozen are measured on the development set only
    later = {"next_call"}
    assert {e.id for e in kb.entries} - later <= set().union(*(ids for _, ids in TEST_IN))


def test_second_frozen_test_set_is_large_and_covers_every_entry(kb):
    assert len(TEST2_IN) >= 250 and len(TEST2["out_of_scope"]) >= 80
    assert {e.id for e in kb.entries} <= set().union(*(ids for _, ids in TEST2_IN))
    assert set().union(*(ids for _, ids in TEST2_IN)) <= {e.id for e in kb.entries}


def _counts(matcher, in_scope, out_of_scope) -> tuple[int, int, int]:
    """A frozen set's right and confident, confidently wrong, out-of-scope answered."""
    matches = [(matcher.match(q), ids) for q, ids in in_scope]
    right = sum(m.confident and m.best.id in ids for m, ids in matches)
    wrong = sum(m.confident and m.best.id not in ids for m, ids in matches)
    return right, wrong, sum(matcher.match(q).confident for q in out_of_scope)


def test_frozen_test_set_quality_does_not_regress(matcher):
    """Regression gates at the level measured once after round 14e's 749 knowledge-base
    examples (91.4 % right, 4 wrong, 8 out-of-scope answered; before them 86.7 %, 2, 6),
    then after round 14f's out-of-scope guard (232 right, 4 wrong, 6 answered: one right
    answer traded for two refusals). Counts only."""
    right, wrong, answered = _counts(matcher, TEST_IN, TEST["out_of_scope"])
    assert right / len(TEST_IN) >= 0.909, f"right and confident: {right}/{len(TEST_IN)}"
    assert wrong <= 2, f"confidently wrong: {wrong}/{len(TEST_IN)}"  # 1 % (module doc)
    assert answered <= 4, f"out of scope answered: {answered}/{len(TEST['out_of_scope'])}"  # 95 %


def test_second_frozen_test_set_quality_does_not_regress(matcher):
    """A regression gate at the level measured once after round 14e's examples (72.7 %
    right, 4 wrong, 2 out-of-scope answered; before them 64.3 %, 2, 0; issue 14's goal,
    95 % right, is not reached). Only counts are reported, never the questions: the set
    must not be tuned on. After round 14f's out-of-scope guard: 208 right, 2 wrong, 1
    answered."""
    right, wrong, answered = _counts(matcher, TEST2_IN, TEST2["out_of_scope"])
    assert right / len(TEST2_IN) >= 0.72, f"right and confident: {right}/{len(TEST2_IN)}"
    assert wrong <= 3, f"confidently wrong: {wrong}/{len(TEST2_IN)}"  # main's 3 > 1 % (2.86)
    assert answered <= 4, f"out of scope answered: {answered}/{len(TEST2['out_of_scope'])}"  # 95 %


def test_expected_ids_exist(kb):
    ids = {e.id for e in kb.entries}
    assert {entry_id for _, entry_id in IN_SCOPE} <= ids


def test_in_scope_accuracy_and_confident_errors(matcher):
    results = [(matcher.match(q), expected) for q, expected in IN_SCOPE]
    right = sum(m.confident and m.best.id == exp for m, exp in results)
    wrong = [(m.question, exp, m.best.id) for m, exp in results if m.confident and m.best.id != exp]
    assert right / len(IN_SCOPE) >= 0.88, f"only {right}/{len(IN_SCOPE)} answered right"
    assert len(wrong) / len(IN_SCOPE) <= 0.01, f"confidently wrong: {wrong}"


def test_out_of_scope_is_not_answered_confidently(matcher):
    confident = [(q, matcher.match(q).best.id) for q in OUT_OF_SCOPE if matcher.match(q).confident]
    # 95 % on the first 110 negatives; the 247 written in round 14d (the call's names and
    # words in unrelated questions) are harder: 93.3 % on all of them, 90.5 % since round
    # 14e's 749 examples made the matcher answer more; the measured level is the gate
    assert 1 - len(confident) / len(OUT_OF_SCOPE) >= 0.90, f"answered: {confident}"


@pytest.mark.parametrize(
    "question", ["Wie viele Einwohner hat Pforzheim?", "Wo finde ich einen Deutschkurs in Torgau?"]
)
def test_names_from_the_call_alone_do_not_make_an_answer(matcher, question):
    assert not matcher.match(question).confident


@pytest.mark.parametrize(
    ("question", "lang"),
    [("Bis wann kann man sich bewerben?", "de"), ("When do applications close?", "en"),
     ("Wie viel Geld gibt's für Software?", "de"), ("Who pays the expert?", "en"),
     ("wann is bewerbungsschluss", "de"), ("wofür is das geld", "de")],
)  # fmt: skip
def test_reply_language_follows_the_question(matcher, question, lang):
    assert matcher.match(question).lang == lang


def test_third_frozen_test_set_is_large_and_covers_every_entry(kb):
    assert len(TEST3_IN) >= 300 and len(TEST3["out_of_scope"]) >= 100
    labelled = set().union(*(ids for _, ids in TEST3_IN))
    assert {e.id for e in kb.entries} <= labelled, "entries without a question in set 3"
    assert labelled <= {e.id for e in kb.entries}, "unknown ids in set 3"


def test_third_frozen_test_set_quality_does_not_regress(matcher):
    """A regression gate at the level measured once after round 14e's examples (77.1 %
    right, 5 wrong, 10 out-of-scope answered; when set 3 was merged 68.6 %, 7, 7; the goal
    is not reached); after round 14f's out-of-scope guard 315 right, 5 wrong, 6 answered
    (two right answers traded for four refusals). Counts only: the set must not be tuned
    on."""
    right, wrong, answered = _counts(matcher, TEST3_IN, TEST3["out_of_scope"])
    assert right / len(TEST3_IN) >= 0.766, f"right and confident: {right}/{len(TEST3_IN)}"
    assert wrong <= 4, f"confidently wrong: {wrong}/{len(TEST3_IN)}"  # 1 % (module doc)
    assert answered <= 5, f"out of scope answered: {answered}/{len(TEST3['out_of_scope'])}"  # 95 %


def test_fourth_frozen_test_set_is_large_and_covers_every_entry(kb):
    """Set 4 (helper t4, written from the call text only; its gate is below, set at the
    level measured once after merging). Never tune on it."""
    assert len(TEST4_IN) >= 320 and len(TEST4["out_of_scope"]) >= 110
    labelled = set().union(*(ids for _, ids in TEST4_IN))
    assert {e.id for e in kb.entries} <= labelled, "entries without a question in set 4"
    assert labelled <= {e.id for e in kb.entries}, "unknown ids in set 4"
    questions = [tuple(tokens(q)) for q, _ in TEST4_IN] + [
        tuple(tokens(q)) for q in TEST4["out_of_scope"]
    ]
    assert len(questions) == len(set(questions)), "a question stands twice in set 4"


def test_fourth_frozen_test_set_quality_does_not_regress(matcher):
    """A regression gate at the level measured once when set 4 was merged, after round 14f
    (293 of 389 right and confident = 75.3 %, 3 wrong, 5 of 129 out of scope answered;
    main 54cad38 in the same run: 294, 3, 6; the goal is not reached). Counts only: the
    set must not be tuned on."""
    right, wrong, answered = _counts(matcher, TEST4_IN, TEST4["out_of_scope"])
    assert right / len(TEST4_IN) >= 0.75, f"right and confident: {right}/{len(TEST4_IN)}"
    assert wrong <= 3, f"confidently wrong: {wrong}/{len(TEST4_IN)}"  # 1 % (module doc)
    assert answered <= 6, f"out of scope answered: {answered}/{len(TEST4['out_of_scope'])}"  # 95 %


def test_fifth_frozen_test_set_is_large_and_covers_every_entry(kb):
    """Set 5 (helper set5, 2026-11-28, written from the call text only, de-duplicated by
    tokens against the knowledge base and every earlier set). Never tune on it."""
    assert len(TEST5_IN) >= 300 and len(TEST5["out_of_scope"]) >= 100
    labelled = set().union(*(ids for _, ids in TEST5_IN))
    assert {e.id for e in kb.entries} <= labelled, "entries without a question in set 5"
    assert labelled <= {e.id for e in kb.entries}, "unknown ids in set 5"
    questions = [tuple(tokens(q)) for q, _ in TEST5_IN] + [
        tuple(tokens(q)) for q in TEST5["out_of_scope"]
    ]
    assert len(questions) == len(set(questions)), "a question stands twice in set 5"


def test_fifth_frozen_test_set_quality_does_not_regress(matcher):
    """Gates by the module doc's rule, from main 8d6225a measured once when set 5 was
    merged: 263 of 341 right and confident (77.1 %), 6 wrong (above the goal's 1 %, so
    main's count), 1 of 109 out of scope answered (the goal: at most 5). Counts only: the
    set must not be tuned on."""
    right, wrong, answered = _counts(matcher, TEST5_IN, TEST5["out_of_scope"])
    assert right / len(TEST5_IN) >= 0.766, f"right and confident: {right}/{len(TEST5_IN)}"
    assert wrong <= 6, f"confidently wrong: {wrong}/{len(TEST5_IN)}"  # main's 6 > 1 % (3.41)
    assert answered <= 5, f"out of scope answered: {answered}/{len(TEST5['out_of_scope'])}"
