"""What the whole-process benchmarks share (load_bench, recovery_bench,
firststart_bench): a PostgreSQL from pgserver, the fake Telegram Bot API of the
tests (with the arrival time of every message the bot sends), and `imbot`
processes of one or two installations (today's checkout and a baseline checkout,
each in its own venv) with a clean environment."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.e2e.telegram.fake_bot_api import FakeBotAPI, Sent, _free_port  # noqa: E402


class TimedBotAPI(FakeBotAPI):
    """The tests' fake Bot API; also notes when each message arrived."""

    def __init__(self, latency: float = 0.0) -> None:
        super().__init__()
        self.arrived: list[tuple[float, Sent]] = []
        self.latency = latency  # seconds before each answer, as over the internet

    async def _handle(self, request):
        if self.latency and request.match_info["method"] != "getUpdates":
            await asyncio.sleep(self.latency)
        return await super()._handle(request)

    def _record(self, sent: Sent) -> dict:
        self.arrived.append((time.monotonic(), sent))
        return super()._record(sent)

    def reset(self) -> None:
        with self._cond:
            self.sent.clear()
            self.arrived.clear()
            self.calls.clear()


def installations(args) -> list[tuple[str, Path]]:
    """(name, imbot executable): the old baseline, the baseline, then today's."""
    found = []
    if getattr(args, "old_baseline_imbot", None):
        found.append(("old baseline", Path(args.old_baseline_imbot)))
    if args.baseline_imbot:
        found.append(("baseline", Path(args.baseline_imbot)))
    found.append(("today", Path(args.imbot)))
    for _, exe in found:
        if not exe.exists():
            sys.exit(f"no imbot at {exe}")
    return found


def add_installation_args(ap) -> None:
    ap.add_argument("--imbot", default=str(ROOT / ".venv/bin/imbot"), help="today's imbot")
    ap.add_argument("--baseline-imbot", help="an older installation measured in the same run")
    ap.add_argument("--old-baseline-imbot", help="a still older one (e.g. before concurrency)")


def start_pg(tmp: Path):
    import pgserver

    server = pgserver.get_server(tmp / "pg", cleanup_mode="stop")
    return server


def new_database(server, name: str) -> str:
    server.psql(f"DROP DATABASE IF EXISTS {name}; CREATE DATABASE {name};")
    uri = server.get_uri().replace("postgresql://", "postgresql+psycopg://", 1)
    return uri.replace("/postgres?", f"/{name}?", 1)


def child_env(tmp: Path, url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "IMBOT_", "TELEGRAM_", "MATRIX_"))}  # fmt: skip
    data = tmp / "data"
    data.mkdir(exist_ok=True)
    env.update(IMBOT_DATA_DIR=str(data), IMBOT_DATABASE_URL=url, NO_PROXY="127.0.0.1,localhost")
    env.update(extra)
    return env


def start_bot(exe: Path, tmp: Path, url: str, api: FakeBotAPI, **extra: str) -> subprocess.Popen:
    env = child_env(tmp, url, TELEGRAM_TOKEN=api.token, TELEGRAM_BASE_URL=api.base_url,
                    IMBOT_HTTP_HOST="127.0.0.1", IMBOT_HTTP_PORT=str(_free_port()), **extra)  # fmt: skip
    log = open(tmp / f"bot-{time.monotonic_ns()}.log", "w")  # noqa: SIM115 - closed with the process
    return subprocess.Popen([str(exe), "run", "--telegram"], env=env, cwd=tmp, stdout=log,
                            stderr=subprocess.STDOUT)  # fmt: skip


def stop_bot(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


RAISED_LIMIT = """\
# written by benchmarks/runs.py: python-telegram-bot's AIORateLimiter at 1000 replies/s
import functools
import telegram.ext

_init = telegram.ext.AIORateLimiter.__init__


@functools.wraps(_init)
def __init__(self, *args, **kwargs):
    kwargs["overall_max_rate"] = 1000
    _init(self, *args, **kwargs)


telegram.ext.AIORateLimiter.__init__ = __init__
"""


def raised_limit_env(tmp: Path) -> dict[str, str]:
    """For an installation without TELEGRAM_MAX_RATE (the baseline): the same 1000/s
    through a sitecustomize module, so both are measured without Telegram's limit."""
    folder = tmp / "raised-limit"
    folder.mkdir(exist_ok=True)
    (folder / "sitecustomize.py").write_text(RAISED_LIMIT)
    return {"PYTHONPATH": str(folder)}


def rss_mb(pid: int) -> tuple[float, float]:
    """(current RSS, peak RSS) of a running process in MB (1024 KiB)."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0]) / 1024
    return fields["VmRSS"], fields["VmHWM"]


def wait_for(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.02)
