"""The knowledge base: FAQ entries loaded from YAML files in `faq/data/`.

An entry holds one fact of the call for applications, in German and English, with
example questions, keywords and the passage of the call it comes from.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

__all__ = ["LANGS", "Entry", "KnowledgeBase", "KnowledgeBaseError", "load_default_kb"]

LANGS = ("de", "en")


class KnowledgeBaseError(ValueError):
    """A knowledge base file is malformed; the message says which file and entry."""


@dataclass(frozen=True)
class Entry:
    id: str
    topic: dict[str, str]
    answer: dict[str, str]
    questions: dict[str, tuple[str, ...]]
    keywords: dict[str, tuple[str, ...]]
    section: str
    source: str
    milestone: str | None = None  # the edition's milestone the answer is about (its tense)
    answer_past: dict[str, str] | None = None  # the answer once that milestone is past

    def all_answers(self) -> list[tuple[str, str]]:
        """(lang, text) of every answer text, the past-tense ones too."""
        texts = list(self.answer.items())
        return texts + list((self.answer_past or {}).items())


@dataclass(frozen=True)
class KnowledgeBase:
    entries: tuple[Entry, ...]

    def __post_init__(self) -> None:
        seen: set[str] = set()
        for entry in self.entries:
            if entry.id in seen:
                raise KnowledgeBaseError(f"duplicate FAQ id {entry.id!r}")
            seen.add(entry.id)

    def get(self, entry_id: str) -> Entry:
        for entry in self.entries:
            if entry.id == entry_id:
                return entry
        raise KeyError(entry_id)

    def __len__(self) -> int:
        return len(self.entries)

    @classmethod
    def from_files(cls, paths: list[Path]) -> KnowledgeBase:
        entries: list[Entry] = []
        for path in sorted(paths):
            try:
                raw = yaml.safe_load(path.read_text(encoding="utf-8"))
            except yaml.YAMLError as exc:
                raise KnowledgeBaseError(f"{path.name}: not valid YAML: {exc}") from exc
            if not isinstance(raw, list):
                raise KnowledgeBaseError(f"{path.name}: expected a list of entries")
            entries.extend(
                _parse_entry(item, f"{path.name} entry {i + 1}") for i, item in enumerate(raw)
            )
        return cls(tuple(entries))


def _bilingual(raw: dict, key: str, where: str, *, many: bool) -> dict:
    value = raw.get(key)
    if not isinstance(value, dict) or any(lang not in value for lang in LANGS):
        raise KnowledgeBaseError(f"{where}: {key!r} needs both 'de' and 'en'")
    if many:
        out = {}
        for lang in LANGS:
            items = value[lang]
            if not isinstance(items, list) or not items:
                raise KnowledgeBaseError(f"{where}: {key}.{lang} must be a non-empty list")
            out[lang] = tuple(str(item) for item in items)
        return out
    return {lang: str(value[lang]).strip() for lang in LANGS}


def _parse_entry(raw: object, where: str) -> Entry:
    if not isinstance(raw, dict):
        raise KnowledgeBaseError(f"{where}: expected a mapping")
    for key in ("id", "section", "source"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise KnowledgeBaseError(f"{where}: missing {key!r}")
    where = f"{where} ({raw['id']})"
    return Entry(
        id=raw["id"],
        topic=_bilingual(raw, "topic", where, many=False),
        answer=_bilingual(raw, "answer", where, many=False),
        questions=_bilingual(raw, "questions", where, many=True),
        keywords=_bilingual(raw, "keywords", where, many=True),
        section=raw["section"].strip(),
        source=raw["source"].strip(),
        milestone=_optional_key(raw, "milestone", where),
        answer_past=_bilingual(raw, "answer_past", where, many=False)
        if "answer_past" in raw
        else None,
    )


def _optional_key(raw: dict, key: str, where: str) -> str | None:
    value = raw.get(key)
    if value is not None and not (isinstance(value, str) and value.strip()):
        raise KnowledgeBaseError(f"{where}: {key!r} must be a milestone key like deadline")
    return value.strip() if value else None


def load_default_kb() -> KnowledgeBase:
    """The knowledge base shipped in the package (`faq/data/*.yaml`)."""
    data = resources.files("faq") / "data"
    paths = [Path(str(p)) for p in data.iterdir() if p.name.endswith(".yaml")]
    return KnowledgeBase.from_files(paths)
