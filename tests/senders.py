"""A fake sender for the outbox dispatcher."""

from __future__ import annotations

import threading


class Recorder:
    """Records deliveries (thread-safe); can be told to fail: each `send` raises the
    next exception in `failures` while there is one."""

    platform = "test"
    rate_per_second = None
    per_chat_seconds = None

    def __init__(self):
        self.sent, self.failures, self.lock = [], [], threading.Lock()

    def send(self, delivery):
        with self.lock:
            if self.failures:
                raise self.failures.pop(0)
            self.sent.append(delivery)
