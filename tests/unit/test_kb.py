import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from faq.kb import LANGS, KnowledgeBase, KnowledgeBaseError
from jobs.editions import default_edition
from jobs.program import answer_text

REQUIRED_TOPICS = {
    "deadline", "eligibility", "funding", "salary", "project_budget", "number_of_projects",
    "participants", "duration", "expert_background", "core_team", "accompanying_program",
    "learning_platform", "buddy_program", "intro_days", "kickoff", "closing_event", "pre_talks",
    "feedback", "sketch_phase", "final_sketch_talk", "expert_profiles", "expert_choice",
    "employment", "evaluation", "topics", "networking", "contact",
}  # fmt: skip


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_kb_covers_every_fact_the_issue_lists(kb):
    assert {e.id for e in kb.entries} >= REQUIRED_TOPICS


def test_every_source_passage_is_quoted_from_the_call(kb, call_text):
    call = _squash(call_text)
    missing = [e.id for e in kb.entries if _squash(e.source) not in call]
    assert not missing, f"source passages not found in the call: {missing}"


def test_entries_are_bilingual_with_several_examples(kb):
    for entry in kb.entries:
        for lang in LANGS:
            assert entry.answer[lang], entry.id
            assert len(entry.questions[lang]) >= 3, (entry.id, lang)
            assert entry.keywords[lang], (entry.id, lang)


@pytest.mark.parametrize(
    ("fact", "entry_id"),
    [("3. Mai 2023", "deadline"), ("TVöD Entgeltgruppe 11 Stufe 2", "funding"),
     ("EUR 3.000", "project_budget"), ("60 bis 90 Minuten", "pre_talks"),
     ("Arbeitnehmerüberlassung", "employment"), ("Montag bis Donnerstag, 9–17 Uhr", "contact"),
     ("Montag bis Freitag, 10–16 Uhr", "contact"), ("Anfang August", "expert_profiles")],
)  # fmt: skip
def test_answers_carry_the_facts_of_the_call(kb, fact, entry_id):
    # dates come from the edition: the answer says {deadline}, the edition the day
    before_the_deadline = datetime(2023, 4, 20, 10, 0, tzinfo=UTC)
    assert fact in answer_text(kb.get(entry_id), "de", default_edition(), before_the_deadline)


def test_malformed_file_names_file_and_entry(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("- id: x\n  section: s\n  source: s\n  topic: {de: a}\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"bad.yaml entry 1 \(x\).*topic"):
        KnowledgeBase.from_files([bad])
    broken = tmp_path / "broken.yaml"
    broken.write_text("- id: [unclosed\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="broken.yaml: not valid YAML"):
        KnowledgeBase.from_files([broken])


def test_duplicate_ids_are_refused(kb):
    with pytest.raises(KnowledgeBaseError, match="duplicate"):
        KnowledgeBase(kb.entries[:1] * 2)


def test_answer_form_fields_are_checked(tmp_path: Path):
    base = (
        "- id: x\n  section: s\n  source: s\n  topic: {de: a, en: a}\n  answer: {de: a, en: a}\n"
        "  questions: {de: [q], en: [q]}\n  keywords: {de: [k], en: [k]}\n"
    )
    bare_yes = tmp_path / "bare.yaml"
    bare_yes.write_text(base + "  polar: {yes: [Stadt]}\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="polar"):
        KnowledgeBase.from_files([bare_yes])
    silent = tmp_path / "silent.yaml"
    silent.write_text(base + "  silent_on: [why]\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="silent_on"):
        KnowledgeBase.from_files([silent])
    good = tmp_path / "good.yaml"
    good.write_text(base + '  polar: {"no": [Verein]}\n  silent_on: [where]\n', encoding="utf-8")
    (entry,) = KnowledgeBase.from_files([good]).entries
    assert entry.polar == {"no": ("Verein",)} and entry.silent_on == {"where"}


def test_find_and_the_entry_of_a_milestone(kb):
    assert kb.find("contact").id == "contact"
    assert kb.find("no such entry") is None and kb.find(None) is None
    # the duration is dated by the closing event too: the closing event's own entry
    # answers for it (a reply to its reminder is read against the event, not the period)
    assert kb.at_milestone("closing_event").id == "closing_event"
    assert kb.at_milestone("deadline").id == "deadline"
    assert kb.at_milestone("no such step") is None
