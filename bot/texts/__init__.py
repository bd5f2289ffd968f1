"""Every user-facing text, in German and English, and the helpers that format
dates, times and durations for a reader.

A leaf package: it imports nothing of the project, so the chat features, the
reminder planning (booking, timeline) and the adapters all take their words from
here. `t(key, lang, **fields)` fills in a text; a test checks that every key has
both languages with the same placeholders.
"""

from __future__ import annotations

from bot.texts.catalogue import LANGS, TEXTS, t
from bot.texts.format import (
    fmt_date,
    fmt_day,
    fmt_duration,
    fmt_when,
    plural,
    relative_days,
    time_before,
    weekday_name,
)
from bot.texts.words import command_lang, guess_lang, talk_lang

__all__ = [
    "LANGS",
    "TEXTS",
    "command_lang",
    "fmt_date",
    "fmt_day",
    "fmt_duration",
    "fmt_when",
    "guess_lang",
    "plural",
    "relative_days",
    "t",
    "talk_lang",
    "time_before",
    "weekday_name",
]
