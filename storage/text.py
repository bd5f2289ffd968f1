"""Text that the databases can store and terminals can show safely.

`storable` is applied before anything a person typed reaches the database: NUL
(which PostgreSQL refuses in text), other control characters except tab and
newline, lone surrogates (not encodable as UTF-8) and the bidirectional
overrides that make a name read backwards are removed. `printable` shows stored
text on a terminal with every control character escaped (`\\x1b`, `\\u202e`), so
a question cannot send escape sequences to the team's terminal.
"""

from __future__ import annotations

import unicodedata

__all__ = ["printable", "storable"]

_BIDI = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F)}
_KEEP = {"\n", "\t"}


def _unsafe(ch: str) -> bool:
    if ch in _KEEP:
        return False
    return ch in _BIDI or unicodedata.category(ch) in ("Cc", "Cs")


_ESCAPED = ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")  # controls, formats, unassigned, …


def _escape(ch: str) -> str:
    code = ord(ch)
    return (
        f"\\x{code:02x}"
        if code < 0x100
        else f"\\u{code:04x}"
        if code < 0x10000
        else f"\\U{code:08x}"
    )


def storable(text: str) -> str:
    """`text` without the characters that break storage or fool readers."""
    if text.isprintable():  # the usual case, checked in C
        return text
    return "".join(ch for ch in text if not _unsafe(ch))


def printable(text: str) -> str:
    """`text` for a terminal: control and formatting characters escaped, one line."""
    out = []
    for ch in text:
        if ch == "\n":
            out.append("\\n")
        elif unicodedata.category(ch) in _ESCAPED:
            out.append(_escape(ch))
        else:
            out.append(ch)
    return "".join(out)
