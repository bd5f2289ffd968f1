"""`imbot run`: the chosen chat platforms, the outbox dispatcher and the
health/metrics server in one asyncio process. The platform libraries are
imported here, when the bot starts, and nowhere else."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import os
import signal
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from threadpoolctl import threadpool_limits

from bot.app.config import ConfigError, Settings
from bot.app.health import HealthServer
from bot.app.metrics import METRICS
from bot.app.wiring import (
    apply_retention,
    build_router,
    enqueue_behind,
    enqueue_notices,
    expire_requests,
    open_database,
    plan_meetings_digest,
    showing_choices,
    team_digest,
)
from bot.booking.digest import Weekly
from bot.chat.router import Router
from bot.localtime import Clock, system_clock
from bot.messages import Inbound, Outbound
from jobs.dispatch import Dispatcher, TickStats
from jobs.scheduler import start_ticker
from storage.models import Meeting, OutboxRow

__all__ = ["BotServices", "build_services", "run"]

log = logging.getLogger(__name__)


@dataclass
class BotServices:
    """What `imbot run` runs: the router, the chat adapters, the outbox dispatcher."""

    sessions: sessionmaker[Session]
    router: Router
    dispatcher: Dispatcher | None
    now: Clock
    telegram: Any = None  # bot.adapters.telegram.TelegramAdapter
    application: Any = None  # its telegram.ext.Application
    matrix: Any = None  # bot.adapters.matrix.MatrixAdapter
    digest: Weekly | None = None  # IMBOT_MEETINGS_DIGEST: the admins' weekly Jour Fixe digest

    def tick(self) -> TickStats:
        """One scheduler tick: expire unanswered requests, send what is due, update gauges."""
        enqueue_notices(self.sessions, expire_requests(self.router), self.now())
        plan_meetings_digest(self.router, self.digest)  # once a week, if set
        team_digest(self.router)  # Mondays, once a week (the outbox's dedupe key)
        stats = self.dispatcher.tick()
        self.router.save_chats()  # what the chats were last shown, kept across a restart
        for outcome in ("sent", "retried", "failed", "dropped", "unreachable"):
            METRICS.outbox.labels(outcome=outcome).inc(getattr(stats, outcome))
        for seconds in stats.lateness:
            METRICS.lateness.observe(max(seconds, 0))
        with self.sessions() as s:
            now = self.now()
            METRICS.outbox_due.set(
                s.scalar(
                    select(func.count()).where(
                        OutboxRow.state == "pending", OutboxRow.due_at <= now
                    )
                )
                or 0
            )
            METRICS.outbox_failed.set(
                s.scalar(select(func.count()).where(OutboxRow.state == "failed")) or 0
            )
            for state, n in s.execute(select(Meeting.state, func.count()).group_by(Meeting.state)):
                METRICS.meetings.labels(state=state).set(n)
        apply_retention(self.sessions, self.now())  # delivery records older than 30 days
        return stats

    def ready(self) -> dict[str, bool]:
        checks = {"database": _database_ok(self.sessions)}
        if self.telegram is not None:
            checks["telegram"] = bool(self.telegram.username)
        if self.matrix is not None:
            checks["matrix"] = self.matrix.ready.is_set()
        return checks


def _database_ok(sessions: sessionmaker[Session]) -> bool:
    try:
        with sessions() as s:
            s.execute(select(1))
        return True
    except Exception:
        log.warning("readiness: the database does not answer")
        return False


def build_services(
    settings: Settings,
    *,
    telegram: bool = False,
    matrix: bool = False,
    clock: Clock | None = None,
    **dispatcher_options,
) -> BotServices:
    """Wire the chosen platforms on one database and one outbox dispatcher."""
    if telegram and not settings.telegram_token:
        raise ConfigError("TELEGRAM_TOKEN is not set: the token from @BotFather")
    if matrix and not (settings.matrix_homeserver and settings.matrix_user):
        raise ConfigError(
            "set MATRIX_HOMESERVER and MATRIX_USER (e.g. https://matrix.example.org, @imbot:example.org)"
        )
    if matrix and not (settings.matrix_password or settings.matrix_access_token):
        raise ConfigError("set MATRIX_PASSWORD or MATRIX_ACCESS_TOKEN for the bot's Matrix account")
    now = clock or system_clock
    sessions = open_database(settings)
    router = build_router(settings, clock=clock, sessions=sessions)
    # One BLAS thread: the FAQ's sentence vectors are small, and with several messages
    # handled at once more threads only fight over the cores (a question took 19 ms
    # instead of 5 ms on a busy 2-core machine, benchmarks/load_bench.py).
    threadpool_limits(1, user_api="blas")
    router.services.faq.matcher  # noqa: B018 - built and warmed before the first message

    def handle(inbound: Inbound) -> list[Outbound]:
        METRICS.messages_in.labels(platform=inbound.platform).inc()
        replies = router.handle(inbound)
        METRICS.messages_out.labels(platform=inbound.platform).inc(
            sum(r.to is None for r in replies)
        )
        return replies

    def notify(replies: list[Outbound]) -> None:
        enqueue_notices(sessions, replies, now())

    def behind(replies: list[Outbound], only_if_owed: bool) -> bool:
        return enqueue_behind(sessions, replies, now(), only_if_owed=only_if_owed)

    senders: dict = {}
    services = BotServices(sessions, router, None, now, digest=settings.meetings_digest)
    if telegram:
        from bot.adapters.telegram import TelegramAdapter

        services.telegram = TelegramAdapter(
            handle,
            notify,
            behind=behind,
            token=settings.telegram_token,
            base_url=settings.telegram_base_url,
            menu=router.menu,
            concurrency=settings.concurrent_updates,
            max_rate=settings.telegram_max_rate,
            http_client=settings.telegram_http_client,
        )
        services.application = services.telegram.build()
        senders["telegram"] = services.telegram
    if matrix:
        from bot.adapters.matrix import MatrixAdapter

        services.matrix = MatrixAdapter(
            handle,
            notify,
            behind=behind,
            homeserver=settings.matrix_homeserver,
            user_id=settings.matrix_user,
            password=settings.matrix_password,
            access_token=settings.matrix_access_token,
            store_dir=settings.data_dir / "matrix",
            concurrency=settings.concurrent_updates,
            lang_of=router.language_of,  # the welcome in the first message's language
        )
        senders["matrix"] = services.matrix
    dispatcher_options.setdefault("lease", timedelta(seconds=settings.outbox_lease_seconds))
    dispatcher_options.setdefault("batch", settings.outbox_batch)
    booking = router.services.booking  # reminders read the place and calendar when sent
    dispatcher_options.setdefault("freshen", booking.as_sent if booking is not None else None)
    senders = {name: showing_choices(sender, router) for name, sender in senders.items()}
    services.dispatcher = Dispatcher(sessions, senders, clock=clock, **dispatcher_options)
    return services


def pin_to_one_core(setting: str, pid: int | None = None) -> int | None:
    """Keep every thread of this process on one core (IMBOT_CPU): "auto" picks one of the
    allowed cores (by process id, so replicas on one host spread), a number names it,
    "off" leaves the scheduler free. Returns the core, or None.

    The bot is bound by Python's GIL: its threads take turns, and when they take turns
    across two cores each handover costs more. On the 2-core test machine pinning cut
    the CPU per update from 7.8-8.8 to 5.2-5.8 ms (benchmarks/load_bench.py)."""
    if setting == "off" or not hasattr(os, "sched_setaffinity"):
        return None
    allowed = sorted(os.sched_getaffinity(0))
    if len(allowed) < 2 and setting == "auto":
        return None
    core = allowed[(pid or os.getpid()) % len(allowed)] if setting == "auto" else int(setting)
    for task in os.listdir("/proc/self/task"):  # threads started before (BLAS, logging)
        with contextlib.suppress(OSError):  # a thread that ended meanwhile
            os.sched_setaffinity(int(task), {core})
    return core


def run(settings: Settings, *, telegram: bool, matrix: bool) -> None:
    """SIGTERM: stop taking messages, finish the message in flight, give back
    claimed outbox rows, exit 0."""
    core = pin_to_one_core(settings.cpu)
    if core is not None:
        log.info("running on core %d (IMBOT_CPU=off to let the scheduler choose)", core)
    services = build_services(settings, telegram=telegram, matrix=matrix)
    # what is built by now lives as long as the process: the collector need not scan it
    # again, and collects less often (p95 of a 200-user burst 0.99 vs 1.04 s, median of
    # 6 pairs, benchmarks/load_bench.py; within the noise, +1 MB peak)
    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 20, 100)
    asyncio.run(_serve(settings, services))


async def _serve(settings: Settings, services: BotServices) -> None:
    loop = asyncio.get_running_loop()
    # the handlers run the router in threads (it reads the database): one per message
    # handled at once, and a few for the outbox's sends and the health checks
    loop.set_default_executor(
        ThreadPoolExecutor(settings.concurrent_updates + 4, thread_name_prefix="imbot")
    )
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    booking = services.router.services.booking
    health = HealthServer(
        services.ready,
        settings.http_host,
        settings.http_port,
        feed=booking.feed if booking is not None else None,
    )
    await health.start()
    app, listening = services.application, None
    try:
        if app is not None:
            await app.initialize()
            await app.post_init(app)
            await app.start()
            if settings.telegram_webhook_url:
                path = urlsplit(settings.telegram_webhook_url).path.lstrip("/") or "telegram"
                await app.updater.start_webhook(
                    listen=settings.telegram_webhook_listen,
                    port=settings.telegram_webhook_port,
                    url_path=path,
                    secret_token=settings.telegram_webhook_secret,
                    webhook_url=settings.telegram_webhook_url,
                    allowed_updates=["message", "callback_query"],
                )
            else:
                await app.updater.start_polling(allowed_updates=["message", "callback_query"])
        if services.matrix is not None:
            await services.matrix.connect()
            listening = asyncio.ensure_future(services.matrix.listen())
        scheduler = start_ticker(services.tick, settings.tick_seconds)
        log.info(
            "imbot is running (%s)",
            ", ".join(k for k in ("telegram", "matrix") if getattr(services, k)),
        )
        await stop.wait()
        log.info("stopping: finishing the message in flight")
        services.dispatcher.request_stop()
        await asyncio.to_thread(
            scheduler.shutdown, True
        )  # waits for a running tick; sends need this loop
        released = services.dispatcher.stop()
        log.info("stopped the outbox; %s claimed rows given back", released)
    finally:
        if app is not None and app.running:
            await app.updater.stop()
            await app.stop()
        if app is not None:
            await app.shutdown()
            await app.post_shutdown(app)
        if listening is not None:
            listening.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await listening
            await services.matrix.close()
        await health.stop()
        services.router.save_chats()  # the chats' last choices and /sprache, for the restart
