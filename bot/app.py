"""The one place that wires settings, storage, the FAQ and an adapter together."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import threading
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO
from urllib.parse import urlsplit

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from telegram.ext import Application

from bot import jourfixe_commands
from bot.adapters.console import ConsoleAdapter
from bot.adapters.matrix import MatrixAdapter
from bot.adapters.telegram import TelegramAdapter
from bot.config import ConfigError, Settings
from bot.demo import GUIDE, create_demo
from bot.faq_replies import FaqReplies
from bot.jourfixe import JourFixe
from bot.messages import Inbound, Outbound
from bot.ops import METRICS, HealthServer
from bot.people import People
from bot.router import Clock, Router
from faq.kb import load_default_kb
from faq.matcher import Match, Matcher
from jobs.dispatch import Dispatcher, TickStats
from jobs.editions import default_edition_text
from jobs.scheduler import start_ticker
from jobs.timeline import Timeline
from storage import outbox
from storage.db import make_engine, upgrade
from storage.models import Edition, Meeting, OutboxRow
from storage.repo import UnitOfWork, session_factory

__all__ = [
    "build_matcher", "build_people", "build_router", "offset_clock", "open_database", "run_console",
    "run_demo",
]  # fmt: skip

log = logging.getLogger(__name__)


def build_matcher() -> Matcher:
    return Matcher(load_default_kb())


def open_database(settings: Settings) -> sessionmaker[Session]:
    """Sessions on the configured database, migrated to the newest schema first;
    a new database gets the 2023 edition from the call."""
    engine = make_engine(settings.database_url)
    upgrade(engine)
    sessions = session_factory(engine)
    with sessions() as s:
        empty = s.scalars(select(Edition.id).limit(1)).first() is None
    if empty:
        Timeline(sessions).load(default_edition_text())
    return sessions


def build_people(settings: Settings, *, clock: Clock | None = None) -> People:
    return People(open_database(settings), clock)


def build_router(settings: Settings, *, clock: Clock | None = None,
                 sessions: sessionmaker[Session] | None = None) -> Router:  # fmt: skip
    sessions = sessions or open_database(settings)

    def record(match: Match, now: datetime) -> None:
        """Every question: an anonymous count; the text only when it was not answered."""
        METRICS.faq.labels(confident=str(match.confident).lower()).inc()
        with UnitOfWork(sessions) as uow:
            uow.faq_log.count(day=now.date(), lang=match.lang, confident=match.confident)
            if not match.confident:
                uow.faq_log.add(question=match.question, lang=match.lang, score=match.score, confident=False,
                                best_guess=match.best.id if match.best else None, asked_at=now)  # fmt: skip
            uow.commit()

    faq = FaqReplies(build_matcher(), record, offer_reminders=True, log_every_question=True)
    booking = JourFixe(sessions, clock, settings.rules, tz=settings.timezone)
    return Router(faq, People(sessions, clock), booking, Timeline(sessions, clock),
                  default_lang=settings.default_lang, clock=clock,
                  telegram_bot=settings.telegram_bot)  # fmt: skip


def files_dir(settings: Settings) -> Path:
    return settings.data_dir / "files"


def offset_clock(start: datetime) -> Clock:
    """A clock that starts at `start` and runs on (for `imbot chat --now`)."""
    real_start = datetime.now(UTC)
    return lambda: start + (datetime.now(UTC) - real_start)


def run_console(settings: Settings, *, user: str | None = None, clock: Clock | None = None,
                stdin: TextIO | None = None, stdout: TextIO | None = None,
                tick_seconds: float = 10) -> None:  # fmt: skip
    """The console chat, with an outbox dispatcher that prints due reminders for
    console users (on each input and every `tick_seconds`)."""
    sessions = open_database(settings)
    router = build_router(settings, clock=clock, sessions=sessions)
    console = ConsoleAdapter(
        router.handle, stdin=stdin, stdout=stdout, user_id=user, files_dir=files_dir(settings)
    )
    dispatcher = Dispatcher(sessions, {"console": console}, clock=clock)
    lock = threading.Lock()

    def tick() -> None:
        with lock:
            dispatcher.tick()
            console.send_all(jourfixe_commands.expiry_notices(router.booking))

    console.tick = tick
    scheduler = start_ticker(tick, tick_seconds)
    try:
        console.run()
    finally:
        scheduler.shutdown(wait=False)


def run_demo(settings: Settings) -> tuple[bool, str]:
    """Create the demo people (once); returns (created, guide text)."""
    sessions = open_database(settings)
    created = create_demo(
        People(sessions), JourFixe(sessions, rules=settings.rules, tz=settings.timezone)
    )
    return created, GUIDE


def enqueue_notices(sessions: sessionmaker[Session], replies: list[Outbound], now: datetime) -> int:
    """Messages for other chats (`to=`) go through the outbox: retried, paced, and
    never lost when a platform is down. One row per attached file."""
    drafts = []
    for reply in replies:
        if reply.to is None:
            continue
        key = f"nt:{uuid.uuid4().hex}"
        buttons = tuple((b.label, b.data) for b in reply.buttons)
        files = [(f.filename, f.mime, f.data) for f in reply.files] or [None]
        for i, file in enumerate(files):
            drafts.append(outbox.Draft(kind="notice", dedupe_key=f"{key}:{i}", platform=reply.to.platform,
                                       chat_id=reply.to.chat_id, text=reply.text if i == 0 else "",
                                       due_at=now, buttons=buttons if i == 0 else (), file=file))  # fmt: skip
    if not drafts:
        return 0
    with sessions() as s:
        added = outbox.enqueue(s, drafts, now)
        s.commit()
    return added


@dataclass
class BotServices:
    """What `imbot run` runs: the router, the chat adapters, the outbox dispatcher."""

    sessions: sessionmaker[Session]
    router: Router
    dispatcher: Dispatcher
    now: Clock
    telegram: TelegramAdapter | None = None
    application: Application | None = None
    matrix: MatrixAdapter | None = None

    def tick(self) -> TickStats:
        """One scheduler tick: expire unanswered requests, send what is due, update gauges."""
        enqueue_notices(
            self.sessions, jourfixe_commands.expiry_notices(self.router.booking), self.now()
        )
        stats = self.dispatcher.tick()
        for outcome in ("sent", "retried", "failed", "dropped", "unreachable"):
            METRICS.outbox.labels(outcome=outcome).inc(getattr(stats, outcome))
        for seconds in stats.lateness:
            METRICS.lateness.observe(max(seconds, 0))
        with self.sessions() as s:
            now = self.now()
            METRICS.outbox_due.set(s.scalar(select(func.count()).where(
                OutboxRow.state == "pending", OutboxRow.due_at <= now)) or 0)  # fmt: skip
            METRICS.outbox_failed.set(
                s.scalar(select(func.count()).where(OutboxRow.state == "failed")) or 0
            )
            for state, n in s.execute(select(Meeting.state, func.count()).group_by(Meeting.state)):
                METRICS.meetings.labels(state=state).set(n)
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


def build_services(settings: Settings, *, telegram: bool = False, matrix: bool = False,
                   clock: Clock | None = None, **dispatcher_options) -> BotServices:  # fmt: skip
    """Wire the chosen platforms on one database and one outbox dispatcher."""
    if telegram and not settings.telegram_token:
        raise ConfigError("TELEGRAM_TOKEN is not set: the token from @BotFather")
    if matrix and not (settings.matrix_homeserver and settings.matrix_user):
        raise ConfigError(
            "set MATRIX_HOMESERVER and MATRIX_USER (e.g. https://matrix.example.org, @imbot:example.org)"
        )
    if matrix and not (settings.matrix_password or settings.matrix_access_token):
        raise ConfigError("set MATRIX_PASSWORD or MATRIX_ACCESS_TOKEN for the bot's Matrix account")
    now = clock or (lambda: datetime.now(UTC))
    sessions = open_database(settings)
    router = build_router(settings, clock=clock, sessions=sessions)

    def handle(inbound: Inbound) -> list[Outbound]:
        METRICS.messages_in.labels(platform=inbound.platform).inc()
        replies = router.handle(inbound)
        METRICS.messages_out.labels(platform=inbound.platform).inc(
            sum(r.to is None for r in replies)
        )
        return replies

    def notify(replies: list[Outbound]) -> None:
        enqueue_notices(sessions, replies, now())

    senders: dict = {}
    services = BotServices(sessions, router, None, now)  # dispatcher set below
    if telegram:
        services.telegram = TelegramAdapter(handle, notify, token=settings.telegram_token,
                                            base_url=settings.telegram_base_url)  # fmt: skip
        services.application = services.telegram.build()
        senders["telegram"] = services.telegram
    if matrix:
        services.matrix = MatrixAdapter(handle, notify, homeserver=settings.matrix_homeserver,
                                        user_id=settings.matrix_user, password=settings.matrix_password,
                                        access_token=settings.matrix_access_token,
                                        store_dir=settings.data_dir / "matrix")  # fmt: skip
        senders["matrix"] = services.matrix
    services.dispatcher = Dispatcher(sessions, senders, clock=clock, **dispatcher_options)
    return services


def run(settings: Settings, *, telegram: bool, matrix: bool) -> None:
    """`imbot run`: the chosen platforms, the outbox dispatcher and the health/metrics
    server in one asyncio process. SIGTERM: stop taking messages, finish the message in
    flight, give back claimed outbox rows, exit 0."""
    services = build_services(settings, telegram=telegram, matrix=matrix)
    asyncio.run(_serve(settings, services))


async def _serve(settings: Settings, services: BotServices) -> None:
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    health = HealthServer(services.ready, settings.http_host, settings.http_port)
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
                    listen=settings.telegram_webhook_listen, port=settings.telegram_webhook_port, url_path=path,
                    secret_token=settings.telegram_webhook_secret, webhook_url=settings.telegram_webhook_url,
                    allowed_updates=["message", "callback_query"])  # fmt: skip
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
