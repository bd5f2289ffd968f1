"""`imbot run`'s event loop: uvloop by default, asyncio's own on request or where
uvloop is missing."""

from __future__ import annotations

import asyncio
import sys

import pytest
import uvloop

from bot.app.config import ConfigError, Settings
from bot.app.run import loop_factory


def test_uvloop_by_default_and_asyncio_on_request():
    assert Settings.from_env({}).event_loop == "uvloop"
    assert Settings.from_env({"IMBOT_EVENT_LOOP": " AsyncIO "}).event_loop == "asyncio"
    with pytest.raises(ConfigError, match="IMBOT_EVENT_LOOP"):
        Settings.from_env({"IMBOT_EVENT_LOOP": "trio"})


def test_the_loop_is_uvloops_and_runs_what_imbot_run_needs():
    with asyncio.Runner(loop_factory=loop_factory("uvloop")) as runner:
        loop = runner.get_loop()
        assert isinstance(loop, uvloop.Loop)

        async def work():  # a thread, a coroutine from another thread, a signal handler
            running = asyncio.get_running_loop()
            running.add_signal_handler(10, lambda: None)
            running.remove_signal_handler(10)
            inner = asyncio.run_coroutine_threadsafe(asyncio.sleep(0, "from a thread"), running)
            return await asyncio.to_thread(inner.result, 5)

        assert runner.run(work()) == "from a thread"


def test_asyncio_when_asked_or_when_uvloop_is_missing(monkeypatch):
    assert loop_factory("asyncio") is None
    monkeypatch.setitem(sys.modules, "uvloop", None)  # import uvloop raises ImportError
    assert loop_factory("uvloop") is None
