"""The lock: pinned, hashed versions of every package the bot, its tests and its image
build install.

    .venv/bin/python requirements/refresh.py            # after changing dependencies
    .venv/bin/python requirements/refresh.py --upgrade  # newest versions pyproject.toml allows
    .venv/bin/python requirements/refresh.py --check    # does the lock match pyproject.toml?

uv (pinned in the test extra) resolves pyproject.toml once, for every platform and every
Python the project supports, into `uv.lock`; versions already locked stay as they are
unless `--upgrade` is given. From that one resolution it writes the files pip installs
with `--require-hashes`:

    requirements/runtime.txt  the bot with the PostgreSQL driver: what the image installs
    requirements/test.txt     the same versions plus the test extra: what CI installs
    requirements/build.txt    what builds the wheel in the image (setuptools)

and prints every package whose version changed, for the note of the refresh.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
HEADER = (
    "# Generated from uv.lock by requirements/refresh.py – do not edit.\n"
    "# Refresh: .venv/bin/python requirements/refresh.py\n"
)
# file -> what it holds (uv export options); every file lists exact versions with hashes
EXPORTS = {
    "runtime.txt": ["--no-dev", "--extra", "postgres"],
    "test.txt": ["--no-dev", "--extra", "postgres", "--extra", "test"],
    "build.txt": ["--only-group", "build"],
}
PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^ ;\\]+)(?: ?; ?([^\\]+?))? *\\?$", re.M)


def _pinned_uv() -> str:
    test = REPO / "requirements" / "test.txt"
    found = (
        re.search(r"(?m)^uv==(\S+)", test.read_text(encoding="utf-8")) if test.exists() else None
    )
    return found.group(1) if found else ""


def uv() -> str:
    """The uv of this Python (the test extra pins it: another version may write the
    lock differently)."""
    pinned = _pinned_uv()
    try:
        from uv import find_uv_bin
    except ImportError:
        sys.exit(
            f"uv is missing: {Path(sys.executable).parent / 'pip'} install "
            f"'uv=={pinned}' (the version in requirements/test.txt), then run this again"
        )
    binary = find_uv_bin()
    version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout
    if pinned and version.split()[1:2] != [pinned]:
        print(f"note: {version.strip()} runs, the lock pins uv {pinned}", file=sys.stderr)
    return binary


def export(name: str) -> str:
    """The requirement file `name` as uv writes it from uv.lock (never resolves)."""
    out = subprocess.run(
        [uv(), "export", "--frozen", "--no-emit-project", "--no-header", "--quiet",
         "--format", "requirements-txt", *EXPORTS[name]],
        cwd=REPO, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    return HEADER + out


def pins(text: str) -> dict[str, str]:
    """{"name (marker)": version} of a requirement file."""
    return {
        f"{name.lower()}{f' ({marker.strip()})' if marker else ''}": version
        for name, version, marker in PIN.findall(text)
    }


def changes(old: str, new: str) -> list[str]:
    before, after = pins(old), pins(new)
    lines = []
    for name in sorted(before.keys() | after.keys()):
        a, b = before.get(name), after.get(name)
        if a != b:
            lines.append(f"  {name}: {a or '(new)'} -> {b or '(removed)'}")
    return lines


def check() -> int:
    """0 when uv.lock matches pyproject.toml and every requirement file matches uv.lock."""
    locked = subprocess.run(
        [uv(), "lock", "--check", "--offline", "--quiet"],
        cwd=REPO, capture_output=True, text=True,
    )  # fmt: skip
    problems = []
    if locked.returncode != 0:
        problems.append(
            "uv.lock does not match pyproject.toml (a dependency was added, removed or "
            f"changed since the last refresh). uv says:\n{locked.stderr.strip()}"
        )
    else:
        for name in EXPORTS:
            path = REPO / "requirements" / name
            have = path.read_text(encoding="utf-8") if path.exists() else ""
            if have != export(name):
                problems.append(f"requirements/{name} is not what uv.lock gives")
    if problems:
        print("\n".join(problems), file=sys.stderr)
        print("Refresh the lock: .venv/bin/python requirements/refresh.py", file=sys.stderr)
        return 1
    print("The lock matches pyproject.toml.")
    return 0


def refresh(upgrade: bool) -> int:
    subprocess.run(
        [uv(), "lock", "--quiet", *(["--upgrade"] if upgrade else [])], cwd=REPO, check=True
    )
    changed = []
    for name in EXPORTS:
        path = REPO / "requirements" / name
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        new = export(name)
        path.write_text(new, encoding="utf-8")
        if old != new:
            changed.append(f"requirements/{name}:")
            changed += changes(old, new) or ["  (hashes or order only)"]
    print("\n".join(changed) if changed else "The lock is unchanged.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--upgrade", action="store_true", help="newest versions allowed")
    mode.add_argument("--check", action="store_true", help="only check; exit 1 on a mismatch")
    args = parser.parse_args(argv)
    return check() if args.check else refresh(args.upgrade)


if __name__ == "__main__":
    sys.exit(main())
