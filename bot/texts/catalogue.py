"""The catalogue: every text key with its German and English wording, merged from
one module per area; `t` fills a text in."""

from __future__ import annotations

from bot.texts import (
    calendar,
    conversation,
    core,
    faqform,
    follow,
    handoff,
    jourfixe,
    mydata,
    overview,
    people,
    platform,
    program,
    reminders,
    talk,
    team,
)

__all__ = ["LANGS", "TEXTS", "t"]

LANGS = ("de", "en")


def _merge(*modules) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for module in modules:
        twice = merged.keys() & module.TEXTS.keys()
        if twice:
            raise ValueError(f"text keys defined twice: {sorted(twice)}")
        merged.update(module.TEXTS)
    return merged


TEXTS = _merge(
    core, people, jourfixe, reminders, platform, program, conversation, mydata, team, calendar,
    overview, handoff, talk, faqform, follow,
)  # fmt: skip


def t(key: str, lang: str, **fields: object) -> str:
    """The text `key` in `lang` (German if the language is unknown), fields filled in."""
    texts = TEXTS[key]
    return texts.get(lang, texts["de"]).format(**fields)
