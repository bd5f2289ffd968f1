"""Whole-process start-up of the `imbot` CLI: wall time and peak memory.

    python benchmarks/startup_bench.py --imbot .venv/bin/imbot [--runs 10]
    python benchmarks/startup_bench.py --imbot .venv/bin/imbot \\
        --baseline-imbot /tmp/imbot-baseline/.venv/bin/imbot

Runs `imbot ask "Wann ist Bewerbungsschluss?"` and `imbot --help` N times each as a
child process (after one untimed warm-up) and prints median / min / max wall seconds
and the median max RSS of the child (os.wait4, MB = 1024 KiB) against the goals
(<= 0.6 s, <= 60 MB). With --baseline-imbot a second installation is measured in the
same run (runs interleaved) and the ratio measured / baseline is printed. Last comes
the top 10 cumulative import times of `python -X importtime -c "import bot.cli"`,
using the interpreter next to --imbot. Children get an empty IMBOT_DATA_DIR, a SQLite
IMBOT_DATABASE_URL in a temp dir, no other IMBOT_* or PYTHON* variables, and run in
that temp dir, so the installed code is measured, not the checkout.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COMMANDS = {
    'ask "Wann ist Bewerbungsschluss?"': ["ask", "Wann ist Bewerbungsschluss?"],
    "--help": ["--help"],
}
GOAL_SECONDS, GOAL_MB = 0.6, 60.0


def child_env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "IMBOT_"))}
    (tmp / "data").mkdir(exist_ok=True)
    env["IMBOT_DATA_DIR"] = str(tmp / "data")
    env["IMBOT_DATABASE_URL"] = f"sqlite:///{tmp / 'imbot.db'}"
    return env


def run_once(argv: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """One child process: (wall seconds, max RSS in MB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    err = proc.stderr.read()  # until EOF, so a chatty child cannot block on a full pipe
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    if proc.returncode != 0:
        sys.exit(f"{' '.join(argv)} exited {proc.returncode}:\n{err.decode(errors='replace')}")
    return wall, usage.ru_maxrss / 1024  # ru_maxrss is KiB on Linux


def import_profile(imbot: Path, env: dict[str, str], cwd: Path, top: int = 10) -> str:
    python = imbot.parent / "python"
    cmd = [str(python), "-X", "importtime", "-c", "import bot.cli"]
    done = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, check=True)
    rows = []  # "import time: self [us] | cumulative | imported package"
    for line in done.stderr.splitlines():
        parts = line.removeprefix("import time:").split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            rows.append((int(parts[1]), parts[2].strip()))
    rows.sort(reverse=True)
    return ", ".join(f"{name} {us / 1000:.0f}" for us, name in rows[:top])


def fmt(walls: list[float], rss: list[float]) -> str:
    med, mb = statistics.median(walls), statistics.median(rss)
    verdict = "ok" if med <= GOAL_SECONDS and mb <= GOAL_MB else "OVER GOAL"
    return f"{med:8.3f} {min(walls):8.3f} {max(walls):8.3f} {mb:9.1f}  {verdict}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--imbot", type=Path, required=True, help="imbot script to measure")
    parser.add_argument("--baseline-imbot", type=Path, help="second imbot script to compare")
    parser.add_argument("--runs", type=int, default=10, help="timed runs per command (10)")
    args = parser.parse_args(argv)

    installs = {"measured": args.imbot.absolute()}
    if args.baseline_imbot:
        installs["baseline"] = args.baseline_imbot.absolute()
    for path in installs.values():
        if not os.access(path, os.X_OK):
            parser.error(f"not an executable: {path}")

    with tempfile.TemporaryDirectory(prefix="imbot-startup-") as tmp_name:
        tmp = Path(tmp_name)
        cwds = {name: tmp / name for name in installs}
        envs = {}
        for name, cwd in cwds.items():
            cwd.mkdir()
            envs[name] = child_env(cwd)

        print(f"imbot start-up, {args.runs} runs per command after 1 warm-up")
        print(f"goals: median wall <= {GOAL_SECONDS} s, median max RSS <= {GOAL_MB:.0f} MB")
        for name, path in installs.items():
            print(f"  {name}: {path}")
        for label, cli_args in COMMANDS.items():
            walls = {name: [] for name in installs}
            rss = {name: [] for name in installs}
            for i in range(args.runs + 1):
                for name, path in installs.items():  # interleaved: drift hits both alike
                    wall, mb = run_once([str(path), *cli_args], envs[name], cwds[name])
                    if i:  # run 0 warms the page cache
                        walls[name].append(wall)
                        rss[name].append(mb)
            print(f"\nimbot {label}")
            print(f"  {'':9} {'median s':>8} {'min s':>8} {'max s':>8} {'RSS MB':>9}")
            for name in installs:
                print(f"  {name:9} {fmt(walls[name], rss[name])}")
            if "baseline" in installs:
                ratio_wall = statistics.median(walls["measured"]) / statistics.median(
                    walls["baseline"]
                )
                ratio_rss = statistics.median(rss["measured"]) / statistics.median(rss["baseline"])
                print(
                    f"  {'ratio':9} {ratio_wall:7.2f}x {'':17} {ratio_rss:8.2f}x  measured/baseline"
                )

        profile = import_profile(installs["measured"], envs["measured"], cwds["measured"])
        print(f"\nimport profile (measured, top 10 cumulative ms): {profile}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
