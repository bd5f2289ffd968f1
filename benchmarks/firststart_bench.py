"""First start of many processes on one new PostgreSQL database (pgserver): two
replicas starting together, the CLI while the bot starts.

    python benchmarks/firststart_bench.py [--processes 8] [--trials 20] \\
        [--baseline-imbot /tmp/imbot-base/.venv/bin/imbot]

Each trial makes a new database and starts --processes processes at once, in two
situations: an empty database (nothing migrated), where each process is `imbot chat`
(with nothing to read: it creates the database and ends; the admin commands refuse a
database that does not exist since issue 17), and one migrated by `imbot db upgrade`
but never opened (where main raced; fewer trials by default, the machine is small),
where each is `imbot admin invite --role expert`. A process fails when it exits non-zero or prints a traceback; a trial fails
when any process fails or the database ends up without exactly one edition and one
invite per invite process. Printed per installation and situation: failed trials and
failed processes. With --baseline-imbot an older installation is measured the same
way in the same run (trials interleaved).
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
from pathlib import Path

from runs import add_installation_args, child_env, installations, new_database, start_pg


def trial(exe: Path, tmp: Path, server, name: str, processes: int, upgraded: bool) -> int:
    """Failed processes (or all of them if the database is wrong afterwards)."""
    url = new_database(server, name)
    env = child_env(tmp, url)
    if upgraded:
        subprocess.run([str(exe), "db", "upgrade"], env=env, cwd=tmp, check=True,
                       capture_output=True)  # fmt: skip
    def command(i: int) -> list[str]:
        return ["admin", "invite", "--role", "expert", "--name", f"E{i}"] if upgraded else ["chat"]

    procs = [subprocess.Popen([str(exe), *command(i)], env=env, cwd=tmp, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True) for i in range(processes)]  # fmt: skip
    failed = 0
    for p in procs:
        out = p.communicate(timeout=300)[0]
        failed += p.returncode != 0 or "Traceback" in out
    counts = server.psql(f"\\c {name}\nSELECT (SELECT count(*) FROM editions) || '/' || (SELECT count(*) FROM invites);")  # fmt: skip
    if f"1/{processes if upgraded else 0}" not in counts and not failed:
        failed = processes
    return failed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--processes", type=int, default=8)
    ap.add_argument("--trials", type=int, default=20, help="on an empty database")
    ap.add_argument("--upgraded-trials", type=int, default=5, help="after imbot db upgrade")
    add_installation_args(ap)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        server = start_pg(tmp)
        results: dict[tuple[str, str], list[int]] = {}
        try:
            for t in range(max(args.trials, args.upgraded_trials)):
                for i, (name, exe) in enumerate(installations(args)):
                    for situation, upgraded in (("empty", False), ("after db upgrade", True)):
                        if t >= (args.upgraded_trials if upgraded else args.trials):
                            continue
                        db = f"fs_{t}_{i}_{int(upgraded)}"
                        failed = trial(exe, tmp, server, db, args.processes, upgraded)
                        results.setdefault((name, situation), []).append(failed)
                        server.psql(f"DROP DATABASE {db};")
        finally:
            server.cleanup()
        print(f"{args.processes} processes at once on a new database\n")
        print(f"{'installation':12} {'database':18} {'failed trials':>14} {'failed processes':>17}")
        for (name, situation), fails in results.items():
            print(f"{name:12} {situation:18} {sum(f > 0 for f in fails):>10} / {len(fails):<3}"
                  f"{sum(fails):>10} / {len(fails) * args.processes}")  # fmt: skip


if __name__ == "__main__":
    main()
