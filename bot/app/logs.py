"""Logs: plain text on a terminal, one JSON object per line otherwise."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime

__all__ = ["JsonFormatter", "log_to_file", "setup_logging"]


class JsonFormatter(logging.Formatter):
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
    plain = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
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
