"""The one place that wires settings, storage, the FAQ and an adapter together."""

from __future__ import annotations

import asyncio
import logging
import signal
import threading
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO
from urllib.parse import urlsplit

from sqlalchemy import select
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
from bot.messages import Outbound
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
from storage.models import Edition
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

    def log_unanswered(match: Match, now: datetime) -> None:
        with UnitOfWork(sessions) as uow:
            uow.faq_log.add(
                question=match.question,
                lang=match.lang,
                best_guess=match.best.id if match.best else None,
                score=match.score,
                confident=match.confident,
                asked_at=now,
            )
            uow.commit()

    faq = FaqReplies(build_matcher(), log_unanswered, offer_reminders=True)
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
    router = build_router(settings, clock=clock)
    console = ConsoleAdapter(
        router.handle, stdin=stdin, stdout=stdout, user_id=user, files_dir=files_dir(settings)
    )
    dispatcher = Dispatcher(open_database(settings), {"console": console}, clock=clock)
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
class TelegramService:
    """Everything `imbot run --telegram` runs: the PTB application and the outbox."""

    sessions: sessionmaker[Session]
    router: Router
    adapter: TelegramAdapter
    application: Application
    dispatcher: Dispatcher
    now: Clock

    def tick(self) -> TickStats:
        """One scheduler tick: expire unanswered requests, then send what is due."""
        enqueue_notices(
            self.sessions, jourfixe_commands.expiry_notices(self.router.booking), self.now()
        )
        return self.dispatcher.tick()


def telegram_service(
    settings: Settings, *, clock: Clock | None = None, **dispatcher_options
) -> TelegramService:
    if not settings.telegram_token:
        raise ConfigError("TELEGRAM_TOKEN is not set: the token from @BotFather")
    now = clock or (lambda: datetime.now(UTC))
    sessions = open_database(settings)
    router = build_router(settings, clock=clock, sessions=sessions)
    adapter = TelegramAdapter(router.handle, lambda replies: enqueue_notices(sessions, replies, now()),
                              token=settings.telegram_token, base_url=settings.telegram_base_url)  # fmt: skip
    dispatcher = Dispatcher(sessions, {"telegram": adapter}, clock=clock, **dispatcher_options)
    return TelegramService(sessions, router, adapter, adapter.build(), dispatcher, now)


def run_telegram(settings: Settings) -> None:
    """`imbot run --telegram`: long polling (or a webhook if TELEGRAM_WEBHOOK_URL is set),
    and the outbox dispatcher ticking in the background. Blocks until SIGINT/SIGTERM."""
    service = telegram_service(settings)
    scheduler = start_ticker(service.tick, settings.tick_seconds)
    try:
        if settings.telegram_webhook_url:
            path = urlsplit(settings.telegram_webhook_url).path.lstrip("/") or "telegram"
            service.application.run_webhook(
                listen=settings.telegram_webhook_listen, port=settings.telegram_webhook_port, url_path=path,
                secret_token=settings.telegram_webhook_secret, webhook_url=settings.telegram_webhook_url)  # fmt: skip
        else:
            service.application.run_polling(allowed_updates=["message", "callback_query"])
    finally:
        scheduler.shutdown(wait=False)


@dataclass
class MatrixService:
    """Everything `imbot run --matrix` runs: the nio client and the outbox."""

    sessions: sessionmaker[Session]
    router: Router
    adapter: MatrixAdapter
    dispatcher: Dispatcher
    now: Clock

    def tick(self) -> TickStats:
        enqueue_notices(
            self.sessions, jourfixe_commands.expiry_notices(self.router.booking), self.now()
        )
        return self.dispatcher.tick()


def matrix_service(
    settings: Settings, *, clock: Clock | None = None, **dispatcher_options
) -> MatrixService:
    if not (settings.matrix_homeserver and settings.matrix_user):
        raise ConfigError(
            "set MATRIX_HOMESERVER and MATRIX_USER (e.g. https://matrix.example.org, @imbot:example.org)"
        )
    if not (settings.matrix_password or settings.matrix_access_token):
        raise ConfigError("set MATRIX_PASSWORD or MATRIX_ACCESS_TOKEN for the bot's Matrix account")
    now = clock or (lambda: datetime.now(UTC))
    sessions = open_database(settings)
    router = build_router(settings, clock=clock, sessions=sessions)
    adapter = MatrixAdapter(router.handle, lambda replies: enqueue_notices(sessions, replies, now()),
                            homeserver=settings.matrix_homeserver, user_id=settings.matrix_user,
                            password=settings.matrix_password, access_token=settings.matrix_access_token,
                            store_dir=settings.data_dir / "matrix")  # fmt: skip
    dispatcher = Dispatcher(sessions, {"matrix": adapter}, clock=clock, **dispatcher_options)
    return MatrixService(sessions, router, adapter, dispatcher, now)


def run_matrix(settings: Settings) -> None:
    """`imbot run --matrix`: sync with the homeserver until SIGINT/SIGTERM."""
    service = matrix_service(settings)

    async def main() -> None:
        loop = asyncio.get_running_loop()
        listening = asyncio.current_task()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, listening.cancel)
        await service.adapter.connect()
        scheduler = start_ticker(service.tick, settings.tick_seconds)
        try:
            await service.adapter.listen()
        except asyncio.CancelledError:
            log.info("matrix: stopping")
        finally:
            scheduler.shutdown(wait=False)
            await service.adapter.close()

    asyncio.run(main())
