"""The scheduler only ticks: every few seconds it calls the dispatcher, which reads
the outbox. No reminder lives in the scheduler's memory.

Pitfalls avoided: APScheduler 3's misfire grace time defaults to one second and
drops a tick missed while the process was busy; here it is unlimited and missed
ticks are coalesced into one. One job, at most one running instance.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from apscheduler.schedulers.background import BackgroundScheduler

__all__ = ["start_ticker"]

log = logging.getLogger(__name__)


def start_ticker(tick: Callable[[], object], seconds: float = 15) -> BackgroundScheduler:
    """Call `tick` now and then every `seconds` in a background thread."""

    def safe_tick() -> None:
        try:
            tick()
        except Exception:  # a failed tick must not stop the next one
            log.exception("outbox tick failed")

    scheduler = BackgroundScheduler(
        timezone=UTC,
        job_defaults={"misfire_grace_time": None, "coalesce": True, "max_instances": 1},
    )
    scheduler.add_job(
        safe_tick, "interval", seconds=seconds, id="outbox-tick", next_run_time=datetime.now(UTC)
    )
    scheduler.start()
    return scheduler
