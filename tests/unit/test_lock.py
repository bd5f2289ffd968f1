"""The lock (uv.lock and requirements/*.txt) matches pyproject.toml, and CI installs it:
a dependency added without refreshing the lock fails here."""

import re
import shutil
import subprocess
import sys
import tomllib

import pytest

from tests.conftest import REPO

REFRESH = "requirements/refresh.py"


def _check(root) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(root / REFRESH), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_lock_matches_pyproject():
    result = _check(REPO)
    assert result.returncode == 0, result.stderr


@pytest.fixture
def copy(tmp_path):
    """pyproject.toml, README.md, uv.lock and requirements/ in a directory of their own."""
    for name in ("pyproject.toml", "README.md", "uv.lock"):
        shutil.copy(REPO / name, tmp_path / name)
    shutil.copytree(REPO / "requirements", tmp_path / "requirements")
    return tmp_path


def test_a_dependency_added_without_refreshing_fails_the_check(copy):
    pyproject = copy / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    pyproject.write_text(text.replace('    "httpx>=', '    "packaging>=24",\n    "httpx>=', 1))
    result = _check(copy)
    assert result.returncode == 1
    assert "uv.lock does not match pyproject.toml" in result.stderr
    assert "requirements/refresh.py" in result.stderr


def test_a_hand_edited_requirement_file_fails_the_check(copy):
    runtime = copy / "requirements" / "runtime.txt"
    text = runtime.read_text(encoding="utf-8")
    edited = re.sub(r"(?m)^sqlalchemy==\S+", "sqlalchemy==2.0.0", text)
    assert edited != text
    runtime.write_text(edited, encoding="utf-8")
    result = _check(copy)
    assert result.returncode == 1 and "requirements/runtime.txt" in result.stderr


def test_every_locked_requirement_has_hashes():
    for name in ("runtime.txt", "test.txt", "build.txt"):
        text = (REPO / "requirements" / name).read_text(encoding="utf-8")
        entries = re.split(r"\n(?=[A-Za-z])", text.split("\n", 2)[2])
        assert entries, name
        for entry in entries:
            assert re.match(r"[A-Za-z0-9._-]+==\S+", entry), entry
            assert "--hash=sha256:" in entry, entry


def _pins(name: str) -> dict[str, str]:
    text = (REPO / "requirements" / name).read_text(encoding="utf-8")
    return dict(re.findall(r"(?m)^([a-z0-9._-]+)==([^ ;\\]+)", text))


def test_runtime_versions_are_the_tested_versions():
    runtime, test = _pins("runtime.txt"), _pins("test.txt")
    assert {name: test.get(name) for name in runtime} == runtime
    for package in ("python-telegram-bot", "matrix-nio", "sqlalchemy", "apscheduler"):
        assert package in runtime
    assert "pytest" in test and "pytest" not in runtime


def test_ci_and_the_image_install_the_lock():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "pip install -q --require-hashes -r requirements/test.txt" in readme
    assert ".venv/bin/python requirements/refresh.py" in readme
    dockerfile = (REPO / "Dockerfile").read_text(encoding="utf-8")
    assert "--require-hashes -r requirements/runtime.txt" in dockerfile
    assert "--require-hashes -r requirements/build.txt" in dockerfile


def test_the_image_builds_the_wheel_with_what_the_build_system_asks_for():
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["dependency-groups"]["build"] == pyproject["build-system"]["requires"]


def test_upper_bounds_where_a_major_release_breaks_the_api():
    dependencies = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "dependencies"
    ]
    bounded = {
        re.split(r"[\[<>=]", dep, maxsplit=1)[0].lower(): dep for dep in dependencies if "<" in dep
    }
    for package in ("apscheduler", "python-telegram-bot", "sqlalchemy", "matrix-nio", "aiohttp",
                    "httpx"):  # fmt: skip
        assert package in bounded, f"{package} needs an upper bound"
