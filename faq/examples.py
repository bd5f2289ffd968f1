"""Example questions the team adds from the unanswered log (`/beispiel N entry`).

They live in a YAML file of their own next to the knowledge base (by default
`$IMBOT_DATA_DIR/faq-examples.yaml`), one item per question:

    - entry: eligibility
      lang: de
      question: Kann sich auch ein Landkreis bewerben?
      note: "#12 2026-11-26 Ada"

The matcher loads them with the knowledge base (`apply_examples`), so a question
added here is recognised from the next question on. The file is meant to be read
like code: it is plain, sorted by when it was added, and can be copied into a call
bundle's knowledge base after review. The evaluation sets are never touched.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from faq.kb import LANGS, KnowledgeBase

__all__ = ["Example", "add_example", "apply_examples", "examples_stamp", "load_examples"]

log = logging.getLogger(__name__)

MAX_EXAMPLES_BYTES = 1_000_000
HEADER = (
    "# Example questions the team added with /beispiel (imbot). Each item adds one\n"
    "# question to an entry of the knowledge base; the bot loads this file with it.\n"
)


@dataclass(frozen=True)
class Example:
    entry: str
    lang: str
    question: str
    note: str = ""


def load_examples(path: Path | None) -> list[Example]:
    """The examples in `path`; none if it does not exist. A broken file is logged and
    ignored (the bot answers from the knowledge base alone), never fatal."""
    if path is None or not path.is_file():
        return []
    try:
        data = path.read_bytes()
        if len(data) > MAX_EXAMPLES_BYTES:
            raise ValueError(f"larger than {MAX_EXAMPLES_BYTES} bytes")
        raw = yaml.safe_load(data.decode("utf-8")) or []
        if not isinstance(raw, list):
            raise ValueError("expected a list of examples")
    except (OSError, ValueError, yaml.YAMLError) as exc:
        log.warning("the examples file %s is not used: %s", path, exc)
        return []
    examples = []
    for item in raw:
        if not isinstance(item, dict):
            continue
        entry, lang, question = item.get("entry"), item.get("lang"), item.get("question")
        if (
            isinstance(entry, str)
            and lang in LANGS
            and isinstance(question, str)
            and question.strip()
        ):
            examples.append(Example(entry, lang, question.strip(), str(item.get("note") or "")))
    return examples


def examples_stamp(path: Path | None) -> str | None:
    """Changes when the file changes (the matcher is rebuilt then)."""
    try:
        info = path.stat() if path is not None else None
    except OSError:
        return None
    return f"{info.st_mtime_ns}:{info.st_size}" if info else None


def apply_examples(kb: KnowledgeBase, examples: list[Example]) -> KnowledgeBase:
    """The knowledge base with the examples added to their entries' questions
    (examples of entries it does not have are left out)."""
    if not examples:
        return kb
    extra: dict[str, dict[str, list[str]]] = {}
    for ex in examples:
        extra.setdefault(ex.entry, {}).setdefault(ex.lang, []).append(ex.question)
    entries = []
    for entry in kb.entries:
        more = extra.pop(entry.id, None)
        if more:
            questions = {
                lang: entry.questions[lang]
                + tuple(
                    q for q in dict.fromkeys(more.get(lang, ())) if q not in entry.questions[lang]
                )
                for lang in LANGS
            }
            entry = dataclasses.replace(entry, questions=questions)
        entries.append(entry)
    if extra:
        log.warning("examples for entries the knowledge base does not have: %s", sorted(extra))
    return KnowledgeBase(tuple(entries))


def add_example(path: Path, *, entry: str, lang: str, question: str, note: str = "") -> bool:
    """Append one example (False if the entry has it already). Written to a temporary
    file and renamed, so a reader never sees half a file."""
    question = " ".join(question.split())
    examples = load_examples(path)
    if any(e.entry == entry and e.lang == lang and e.question == question for e in examples):
        return False
    examples.append(Example(entry, lang, question, note))
    items = [dataclasses.asdict(e) for e in examples]
    text = HEADER + yaml.safe_dump(items, allow_unicode=True, sort_keys=False, width=100)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
    return True
