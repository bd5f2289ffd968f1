"""Call bundles for tests: the shipped 2023 edition (optionally corrected) written
to a folder with the call's text beside it, as an admin would load it."""

from __future__ import annotations

from pathlib import Path

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
