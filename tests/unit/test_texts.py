"""The text catalogue: every text in German and English with the same placeholders,
and every key the code asks for exists."""

import ast
import string

import pytest

from bot.texts import LANGS, TEXTS, fmt_duration, plural, t, time_before
from tests.conftest import REPO


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_every_text_has_both_languages_with_the_same_placeholders(key):
    texts = TEXTS[key]
    assert set(texts) == set(LANGS), f"{key}: languages {sorted(texts)}"
    assert all(texts[lang].strip() for lang in LANGS), f"{key}: an empty text"
    assert _placeholders(texts["de"]) == _placeholders(texts["en"]), key


def _keys_asked_for() -> tuple[set[str], set[str]]:
    """Literal keys and the literal prefixes of f-string keys in calls of t(...), and
    the keys of refusals (BookingError, PeopleError, TimeParseError) shown with t()."""
    keys, prefixes = set(), set()
    callers = {"t", "plural", "BookingError", "PeopleError", "TimeParseError"}
    for path in (REPO / "bot").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) in callers):
                continue
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                if node.func.id == "plural":
                    keys |= {f"{first.value}_one", f"{first.value}_other"}
                else:
                    keys.add(first.value)
            elif isinstance(first, ast.JoinedStr) and isinstance(first.values[0], ast.Constant):
                prefixes.add(first.values[0].value)
    return keys, prefixes


def test_every_key_the_code_asks_for_exists():
    keys, prefixes = _keys_asked_for()
    assert len(keys) > 100 and {"role_", "help_", "menu_"} <= prefixes
    assert sorted(keys - TEXTS.keys()) == []
    assert [p for p in prefixes if not any(k.startswith(p) for k in TEXTS)] == []


def test_plurals_and_relative_times():
    assert plural("n_days", 1, "de") == "1 Tag" and plural("n_days", 2, "en") == "2 days"
    assert [time_before(m, "de") for m in (1440, 2880, 60, 120, 30)] == [
        "morgen", "in 2 Tagen", "in 1 Stunde", "in 2 Stunden", "in 30 Minuten",
    ]  # fmt: skip
    assert [fmt_duration(m, "en") for m in (1440, 4320, 60, 90)] == [
        "1 day",
        "3 days",
        "1 h",
        "90 min",
    ]


def test_unknown_language_falls_back_to_german():
    assert t("today", "fr") == "heute"
