"""The knowledge base: FAQ entries loaded from YAML files in `faq/data/`.

An entry holds one fact of the call for applications, in German and English, with
example questions, keywords and the passage of the call it comes from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
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
    # yes/no questions the call decides: terms that make the answer "yes", "no" or
    # "open" (the call does not decide it); see faq.form
    polar: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # kinds of question (where, how_much, who, how_often) the answer does not contain
    silent_on: frozenset[str] = frozenset()


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
        polar=_polar(raw.get("polar"), where),
        silent_on=_silent_on(raw.get("silent_on"), where),
    )


POLAR_KEYS = ("yes", "no", "open")
SILENT_KINDS = ("where", "how_much", "who", "how_often")


def _polar(raw: object, where: str) -> dict[str, tuple[str, ...]]:
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not set(raw) <= set(POLAR_KEYS):
        raise KnowledgeBaseError(f"{where}: 'polar' maps {'/'.join(POLAR_KEYS)} to lists of terms")
    return {key: tuple(str(term) for term in raw[key]) for key in raw}


def _silent_on(raw: object, where: str) -> frozenset[str]:
    if raw is None:
        return frozenset()
    if not isinstance(raw, list) or not set(raw) <= set(SILENT_KINDS):
        raise KnowledgeBaseError(f"{where}: 'silent_on' lists some of {', '.join(SILENT_KINDS)}")
    return frozenset(raw)


def load_default_kb() -> KnowledgeBase:
    """The knowledge base shipped in the package (`faq/data/*.yaml`)."""
    data = resources.files("faq") / "data"
    paths = [Path(str(p)) for p in data.iterdir() if p.name.endswith(".yaml")]
    return KnowledgeBase.from_files(paths)
