"""Call bundles for tests: the shipped 2023 edition (optionally corrected) written
to a folder with the call's text beside it, as an admin would load it; with
`write_call_bundle`, its knowledge base too (corrected in text and answers)."""

from __future__ import annotations

from pathlib import Path

from faq.kb import load_default_kb
from jobs.editions import default_edition_path, default_edition_text

CALL_FILE = "call-2023.de.txt"


def shipped_text(*changes: tuple[str, str]) -> str:
    """The shipped edition with each (old, new) replaced; every old must be there."""
    text = default_edition_text()
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new)
    return text


def write_bundle(folder: Path, *changes: tuple[str, str], name: str = "edition.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    call = (default_edition_path().parent / CALL_FILE).read_text(encoding="utf-8")
    (folder / CALL_FILE).write_text(call, encoding="utf-8")
    path = folder / name
    path.write_text(shipped_text(*changes), encoding="utf-8")
    return path


SIX = [  # a corrected call: six projects, not five (text, answers and yes/no terms)
    ("deutschlandweit fünf Projekte", "deutschlandweit sechs Projekte"),
    ("Five projects across Germany are funded", "Six projects across Germany are funded"),
    (
        '"no": ["mehr", "more", "zehn", "ten", "sechs", "six"]\n    "yes": ["fünf", "five", "5",',
        '"no": ["mehr", "more", "zehn", "ten", "fünf", "five"]\n    "yes": ["sechs", "six", "6",',
    ),
]


def shipped_kb_text() -> str:
    kb = Path(__file__).resolve().parents[1] / "faq" / "data" / "call-2023.yaml"
    assert len(load_default_kb()) > 0
    return kb.read_text(encoding="utf-8")


def write_call_bundle(folder: Path, kb_changes=(), call_changes=(), edition_changes=()) -> Path:
    """A bundle folder: edition.yaml naming call-2023.de.txt and call-2023.yaml beside it."""
    kb_line = (
        "  text: call-2023.de.txt\n",
        "  text: call-2023.de.txt\n  knowledge_base: kb.yaml\n",
    )
    path = write_bundle(folder, kb_line, *edition_changes)
    call = (folder / CALL_FILE).read_text(encoding="utf-8")
    kb = shipped_kb_text()
    for old, new in call_changes:
        assert old in call, old
        call = call.replace(old, new)
    for old, new in kb_changes:
        assert old in kb, old
        kb = kb.replace(old, new)
    (folder / CALL_FILE).write_text(call, encoding="utf-8")
    (folder / "kb.yaml").write_text(kb, encoding="utf-8")
    return path
