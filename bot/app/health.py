"""The health and metrics HTTP server of `imbot run`.

/healthz   the process runs (200)
/readyz    database reachable and every chat platform connected (200), else 503
/metrics   Prometheus text format
/calendar/<secret>.ics   a person's private calendar feed (404 for any unknown secret)
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from bot.app.metrics import METRICS

__all__ = ["HealthServer"]


class HealthServer:
    def __init__(
        self,
        ready: Callable[[], dict[str, bool]],
        host: str,
        port: int,
        feed: Callable[[str], bytes | None] | None = None,
    ) -> None:
        self._ready, self.host, self.port = ready, host, port
        self._feed = feed  # a secret -> the calendar, or None
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/healthz", self._healthz)
        app.router.add_get("/readyz", self._readyz)
        app.router.add_get("/metrics", self._metrics)
        if self._feed is not None:
            app.router.add_get("/calendar/{name}", self._calendar)
        self._runner = web.AppRunner(app, access_log=None)  # no access log: URLs hold secrets
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        if self.port == 0:  # a free port chosen by the system (tests, benchmarks)
            self.port = site._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _healthz(self, request: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    async def _readyz(self, request: web.Request) -> web.Response:
        checks = await asyncio.to_thread(self._ready)
        ok = all(checks.values())
        return web.json_response({"ready": ok, "checks": checks}, status=200 if ok else 503)

    async def _calendar(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        secret = name.removesuffix(".ics") if name.endswith(".ics") else ""
        data = await asyncio.to_thread(self._feed, secret) if secret else None
        if data is None:
            return web.Response(status=404, text="not found\n")
        return web.Response(
            body=data,
            headers={
                "Content-Type": "text/calendar; charset=utf-8",
                "Content-Disposition": 'inline; filename="jourfixe.ics"',
                "Cache-Control": "private, no-cache",
                "X-Robots-Tag": "noindex",
            },
        )

    async def _metrics(self, request: web.Request) -> web.Response:
        return web.Response(
            body=generate_latest(METRICS.registry), headers={"Content-Type": CONTENT_TYPE_LATEST}
        )
