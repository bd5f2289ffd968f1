"""The knowledge base: FAQ entries loaded from YAML files in `faq/data/`.

An entry holds one fact of the call for applications, in German and English, with
example questions, keywords and the passage of the call it comes from.

`KnowledgeBase.from_files` is the entry for these files: UTF-8 text of at most
MAX_FILE_BYTES, no key twice in a mapping, at most MAX_ENTRIES entries and
MAX_ITEMS questions or keywords per language, texts of at most MAX_TEXT characters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

__all__ = ["LANGS", "Entry", "KnowledgeBase", "KnowledgeBaseError", "load_default_kb"]

LANGS = ("de", "en")
MAX_FILE_BYTES = 2_000_000
MAX_ENTRIES = 2000
MAX_ITEMS = 200
MAX_TEXT = 4000


class _StrictLoader(yaml.SafeLoader):
    """A safe loader that refuses a key appearing twice in one mapping."""


def _unique_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> dict:
    seen: set = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if isinstance(key, str | int) and key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key {key!r} appears twice", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=True)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)


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
    milestone: str | None = None  # the edition's milestone the answer is about (its tense)
    answer_past: dict[str, str] | None = None  # the answer once that milestone is past
    # what holds only from a milestone on (the five chosen are known once the selected
    # sketch their projects): before its first day, `answer_before` is the answer
    known_from: str | None = None
    answer_before: dict[str, str] | None = None
    group: dict[str, str] | None = None  # the group /faq lists the entry under (de, en)

    def all_answers(self) -> list[tuple[str, str]]:
        """(lang, text) of every answer text, the past-tense ones too."""
        texts = list(self.answer.items())
        texts += list((self.answer_past or {}).items())
        return texts + list((self.answer_before or {}).items())


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

    def find(self, entry_id: str | None) -> Entry | None:
        """The entry with this id, or None (a chat's memory may name one no longer there)."""
        return next((e for e in self.entries if e.id == entry_id), None)

    def at_milestone(self, key: str) -> Entry | None:
        """The entry about a timeline milestone: the one named after it, else the first
        dated by it (the duration is dated by the closing event too), or None."""
        dated = [e for e in self.entries if e.milestone == key]
        return next((e for e in dated if e.id == key), dated[0] if dated else None)

    def __len__(self) -> int:
        return len(self.entries)

    @classmethod
    def from_files(cls, paths: list[Path]) -> KnowledgeBase:
        entries: list[Entry] = []
        for path in sorted(paths):
            entries.extend(_entries(path.read_bytes(), path.name, len(entries)))
        return cls(tuple(entries))

    @classmethod
    def from_bytes(cls, data: bytes, name: str) -> KnowledgeBase:
        """One knowledge-base file's content (a call bundle's), with the same limits."""
        return cls(tuple(_entries(data, name, 0)))


def _entries(data: bytes, name: str, before: int) -> list[Entry]:
    if len(data) > MAX_FILE_BYTES:
        raise KnowledgeBaseError(f"{name}: larger than {MAX_FILE_BYTES} bytes")
    try:
        raw = yaml.load(data.decode("utf-8"), Loader=_StrictLoader)  # noqa: S506 - safe
    except UnicodeDecodeError as exc:
        raise KnowledgeBaseError(f"{name}: byte {exc.start} is not UTF-8") from None
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(f"{name}: not valid YAML: {exc}") from exc
    if not isinstance(raw, list):
        raise KnowledgeBaseError(f"{name}: expected a list of entries")
    if before + len(raw) > MAX_ENTRIES:
        raise KnowledgeBaseError(f"{name}: more than {MAX_ENTRIES} entries in all")
    return [_parse_entry(item, f"{name} entry {i + 1}") for i, item in enumerate(raw)]


def _bilingual(raw: dict, key: str, where: str, *, many: bool) -> dict:
    value = raw.get(key)
    if not isinstance(value, dict) or any(lang not in value for lang in LANGS):
        raise KnowledgeBaseError(f"{where}: {key!r} needs both 'de' and 'en'")
    if many:
        out = {}
        for lang in LANGS:
            items = value[lang]
            if not isinstance(items, list) or not items or len(items) > MAX_ITEMS:
                raise KnowledgeBaseError(
                    f"{where}: {key}.{lang} must be a list of 1 to {MAX_ITEMS} texts"
                )
            out[lang] = tuple(_short(item, where, key) for item in items)
        return out
    return {lang: _short(value[lang], where, key) for lang in LANGS}


def _short(value: object, where: str, key: str) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise KnowledgeBaseError(f"{where}: {key} must hold texts")
    text = str(value).strip()
    if len(text) > MAX_TEXT:
        raise KnowledgeBaseError(f"{where}: a {key} text is longer than {MAX_TEXT} characters")
    return text


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
        known_from=_optional_key(raw, "known_from", where),
        answer_before=_bilingual(raw, "answer_before", where, many=False)
        if "answer_before" in raw
        else None,
        polar=_polar(raw.get("polar"), where),
        silent_on=_silent_on(raw.get("silent_on"), where),
        group=_bilingual(raw, "group", where, many=False) if "group" in raw else None,
    )


def _optional_key(raw: dict, key: str, where: str) -> str | None:
    value = raw.get(key)
    if value is not None and not (isinstance(value, str) and value.strip()):
        raise KnowledgeBaseError(f"{where}: {key!r} must be a milestone key like deadline")
    return value.strip() if value else None


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
