"""Operations: Prometheus metrics, the health/metrics HTTP server, structured logs.

/healthz   the process runs (200)
/readyz    database reachable and every chat platform connected (200), else 503
/metrics   Prometheus text format
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from datetime import UTC, datetime

from aiohttp import web
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)

__all__ = ["HealthServer", "METRICS", "setup_logging"]


class _Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.messages_in = Counter(
            "imbot_messages_in", "Messages and button presses received", ["platform"], registry=r
        )
        self.messages_out = Counter(
            "imbot_messages_out", "Replies sent directly", ["platform"], registry=r
        )
        self.faq = Counter(
            "imbot_faq_questions", "FAQ questions by outcome", ["confident"], registry=r
        )
        self.outbox = Counter(
            "imbot_outbox", "Outbox rows settled by outcome", ["outcome"], registry=r
        )
        self.outbox_due = Gauge("imbot_outbox_due", "Outbox rows due and not yet sent", registry=r)
        self.outbox_failed = Gauge(
            "imbot_outbox_failed", "Outbox rows that failed for good", registry=r
        )
        self.lateness = Histogram("imbot_outbox_lateness_seconds", "Delivery time minus due time",
                                  buckets=(1, 5, 15, 30, 60, 300, 900, 3600), registry=r)  # fmt: skip
        self.meetings = Gauge("imbot_meetings", "Jour Fixes by state", ["state"], registry=r)


METRICS = _Metrics()


class JsonFormatter(logging.Formatter):
    """One JSON object per line (for log collectors)."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {"time": datetime.fromtimestamp(record.created, UTC).isoformat(), "level": record.levelname,
                 "logger": record.name, "message": record.getMessage()}  # fmt: skip
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def setup_logging(level: str, json_logs: bool | None = None) -> None:
    """Plain text on a terminal, JSON lines otherwise. Libraries that log URLs with
    tokens (httpx) or every tick (apscheduler) stay at WARNING."""
    handler = logging.StreamHandler()
    use_json = not sys.stderr.isatty() if json_logs is None else json_logs
    handler.setFormatter(JsonFormatter() if use_json else logging.Formatter(
        "%(asctime)s %(levelname)s %(name)s: %(message)s"))  # fmt: skip
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("httpx", "apscheduler", "aiohttp.access", "nio", "peewee"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))


class HealthServer:
    def __init__(self, ready: Callable[[], dict[str, bool]], host: str, port: int) -> None:
        self._ready, self.host, self.port = ready, host, port
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/healthz", self._healthz)
        app.router.add_get("/readyz", self._readyz)
        app.router.add_get("/metrics", self._metrics)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, self.host, self.port).start()

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _healthz(self, request: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    async def _readyz(self, request: web.Request) -> web.Response:
        import asyncio

        checks = await asyncio.to_thread(self._ready)
        ok = all(checks.values())
        return web.json_response({"ready": ok, "checks": checks}, status=200 if ok else 503)

    async def _metrics(self, request: web.Request) -> web.Response:
        return web.Response(
            body=generate_latest(METRICS.registry), headers={"Content-Type": CONTENT_TYPE_LATEST}
        )
