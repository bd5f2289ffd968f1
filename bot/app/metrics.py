"""Prometheus metrics of the running bot (served by bot.app.health at /metrics)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

__all__ = ["METRICS"]


class _Metrics:
    def __init__(self) -> None:
        self.registry = r = CollectorRegistry()
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
        self.lateness = Histogram(
            "imbot_outbox_lateness_seconds",
            "Delivery time minus due time",
            buckets=(1, 5, 15, 30, 60, 300, 900, 3600),
            registry=r,
        )
        self.meetings = Gauge("imbot_meetings", "Jour Fixes by state", ["state"], registry=r)


METRICS = _Metrics()
