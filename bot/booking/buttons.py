"""The data behind Jour Fixe buttons, in one place: the chat feature writes and
reads it (bot.chat.jourfixe), the buddy's pending reminder carries it.

    jf:slot:<ts>  jf:book:<ts>:<weeks>  jf:yes:<id>  jf:no:<id>  jf:prop:<id>
    jf:cancel:<id>  jf:pickmove:<id>  jf:move:<id>:<ts>
    jf:more:<offset>  jf:mmore:<id>:<offset>  jf:offer:<id>:<ts>  jf:propno:<id>
    jf:propser:<id>:<0|1>  jf:cscope:<id>:<scope>  jf:cdo:<id>:<scope>  jf:cdoall:1  jf:keep:0
    jf:cdoids:1  jf:list:0  jf:mscope:<id>:<ts>:<scope>  jf:mskip:<id>:<ts>:<scope>
    jf:addfree:<weekday>:<start min>:<end min>[:…]  jf:setfree:…  jf:dayfree:… (free times said in words;
    dayfree replaces those weekdays' times only)
"""

from __future__ import annotations

__all__ = ["PREFIX", "data", "parse"]

PREFIX = "jf:"


def data(action: str, *numbers: int) -> str:
    return PREFIX + ":".join([action, *(str(n) for n in numbers)])


MAX_NUMBER = 2**32 - 1  # ids and Unix times (until 2106) fit; larger ones are forged


def parse(raw: str) -> tuple[str, list[int]] | None:
    """(action, numbers), or None for data that is malformed or forged."""
    if len(raw) > 64:  # Telegram's limit for button data
        return None
    action, *numbers = raw.removeprefix(PREFIX).split(":")
    if not numbers or not all(n.isascii() and n.isdigit() and len(n) <= 10 for n in numbers):
        return None
    values = [int(n) for n in numbers]
    return (action, values) if all(v <= MAX_NUMBER for v in values) else None
