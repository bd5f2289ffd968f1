"""Logs: plain text on a terminal, one JSON object per line otherwise.

Above DEBUG, a logged exception shows its type and where it happened, never its
message: messages of library errors can quote what a person wrote or their name
(SQL errors carry no parameters anyway: engines use `hide_parameters`)."""

from __future__ import annotations

import json
import logging
import sys
import traceback
from datetime import UTC, datetime

__all__ = ["JsonFormatter", "PlainFormatter", "log_to_file", "setup_logging"]


class _NoExceptionMessages:
    """A formatter mixin: tracebacks without exception messages unless at DEBUG."""

    def format(self, record: logging.LogRecord) -> str:
        record.exc_text = None  # logging caches it; another handler may have shown more
        return super().format(record)

    def formatException(self, ei) -> str:  # noqa: N802 - logging's name
        if logging.getLogger().isEnabledFor(logging.DEBUG):
            return super().formatException(ei)
        _type, exc, tb = ei
        lines = ["Traceback (most recent call last):\n", *traceback.format_tb(tb)]
        chain: list[BaseException] = []
        while exc is not None and exc not in chain and len(chain) < 10:
            chain.append(exc)
            exc = exc.__cause__ or exc.__context__
        for seen in chain:
            lines.append(f"{type(seen).__module__}.{type(seen).__qualname__} (message hidden)\n")
        return "".join(lines).rstrip()


class PlainFormatter(_NoExceptionMessages, logging.Formatter):
    pass


class JsonFormatter(_NoExceptionMessages, logging.Formatter):
    """One JSON object per line (for log collectors)."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def setup_logging(level: str, json_logs: bool | None = None) -> None:
    """Plain text on a terminal, JSON lines otherwise. Libraries that log URLs with
    tokens (httpx) or every tick (apscheduler) stay at WARNING."""
    handler = logging.StreamHandler()
    use_json = not sys.stderr.isatty() if json_logs is None else json_logs
    plain = PlainFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    handler.setFormatter(JsonFormatter() if use_json else plain)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("httpx", "apscheduler", "aiohttp.access", "nio", "peewee"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))


def log_to_file(path) -> None:
    """Logs into a file instead of the terminal: in `imbot chat` the terminal is the
    chat, and no log line may appear in its transcript."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().handlers[:] = [handler]
