"""A router stand-in for the adapters' concurrency tests: "slow" waits for `database`
(in the router's thread, as a database call would); every call is counted."""

from __future__ import annotations

import threading

from bot.messages import Inbound, Outbound

WAIT = 30  # seconds at most for a thread to get somewhere; never reached when it works


class SlowRouter:
    def __init__(self) -> None:
        self.database = threading.Event()  # the slow messages wait for it
        self.entered = threading.Semaphore(0)  # released by every slow message that came in
        self.lock = threading.Lock()
        self.running = self.most = 0
        self.routed: list[str] = []

    def __call__(self, inbound: Inbound) -> list[Outbound]:
        with self.lock:
            self.running += 1
            self.most = max(self.most, self.running)
            self.routed.append(f"{inbound.chat_id}:{inbound.text}")
        try:
            if inbound.text == "slow":
                self.entered.release()
                assert self.database.wait(WAIT)
            return [Outbound(f"re {inbound.text}")]
        finally:
            with self.lock:
                self.running -= 1
