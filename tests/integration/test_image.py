"""The image's recipe, checked without a Docker daemon.

The steps of the Dockerfile's build stage run here, read from the Dockerfile itself: a
temporary directory stands for the image's file system and a fresh interpreter for the
base image's Python. Then what the runtime stage starts is started, with the image's
environment variables plus those compose.yaml gives the bot (its env_file taken from
.env.example): `imbot run` on PostgreSQL (pgserver) and the fake Telegram Bot API. The
image's HEALTHCHECK must pass, a question must be answered (the knowledge base and the
migrations came with the wheel), `imbot doctor` must be all good and name the locked
chat-library versions, and the STOPSIGNAL must end the bot with exit code 0.

What Docker adds and this test cannot: the base image's Debian and its Python 3.11.10
(here: this machine's Python), the user created by the runtime stage's RUN, the
container's network. An instruction this test does not know fails it, so a change to
the recipe cannot slip past unchecked. One difference on purpose: pip keeps its cache
here (the image sets PIP_NO_CACHE_DIR); what is installed is checked against the same
hashes either way.
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
import tomllib
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from packaging.markers import Marker
from packaging.utils import canonicalize_name

from tests.conftest import REPO
from tests.e2e.telegram.fake_bot_api import FakeBotAPI, _free_port

# absolute paths of the image that the recipe uses; they move under the test's root
IMAGE_PATHS = re.compile(r"(?<![\w.-])/(?:opt/imbot|wheels|src|data)(?![\w.-])")
NOT_IN_THE_BUILD_ENV = {"VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "PIP_NO_CACHE_DIR"}


def instructions(text: str) -> list[list[tuple[str, str]]]:
    """The Dockerfile's stages, each a list of (INSTRUCTION, arguments)."""
    lines, pending = [], ""
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("#") or not (line or pending):
            continue
        if line.endswith("\\"):
            pending += line[:-1].strip() + " "
            continue
        lines.append(pending + line)
        pending = ""
    stages: list[list[tuple[str, str]]] = []
    for line in lines:
        keyword, _, rest = line.partition(" ")
        if keyword.upper() == "FROM":
            stages.append([])
        stages[-1].append((keyword.upper(), rest.strip()))
    return stages


def _expand(value: str, env: dict[str, str]) -> str:
    return re.sub(r"\$\{?(\w+)\}?", lambda m: env.get(m.group(1), ""), value)


def _env_pairs(arguments: str, env: dict[str, str], root: Path) -> dict[str, str]:
    pairs = {}
    for item in shlex.split(arguments):
        assert "=" in item, f"ENV {arguments}: only the KEY=value form is understood"
        key, value = item.split("=", 1)
        pairs[key] = _expand(_in_root(root, value), env)
    return pairs


def _in_root(root: Path, text: str) -> str:
    return IMAGE_PATHS.sub(lambda m: f"{root}{m.group(0)}", text)


def _dockerignore() -> list[str]:
    lines = (REPO / ".dockerignore").read_text(encoding="utf-8").splitlines()
    return [line.strip().removeprefix("**/") for line in lines if line.strip()]


def _copy(sources: list[str], destination: Path, many: bool) -> None:
    ignored = _dockerignore()

    def ignore(_directory, names):
        return [n for n in names if any(fnmatch.fnmatch(n, p) for p in ignored)]

    for source in sources:
        path = REPO / source
        target = destination / path.name if many else destination
        if path.is_dir():
            shutil.copytree(path, target, ignore=ignore)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)


def build_stage(stage: list[tuple[str, str]], root: Path, log: list[str]) -> None:
    """Run the build stage's instructions under `root`, with a fresh interpreter as `python`."""
    base = root / "usr" / "local"
    subprocess.run([sys.executable, "-m", "venv", str(base)], check=True)
    env = {k: v for k, v in os.environ.items() if k not in NOT_IN_THE_BUILD_ENV}
    env["PATH"] = f"{base / 'bin'}{os.pathsep}{os.environ['PATH']}"
    workdir = root
    for keyword, arguments in stage:
        if keyword == "FROM":
            assert re.fullmatch(r"python:\d+\.\d+\.\d+-slim-\w+ AS build", arguments), arguments
        elif keyword == "ENV":
            pairs = _env_pairs(arguments, env, root)
            env.update({k: v for k, v in pairs.items() if k not in NOT_IN_THE_BUILD_ENV})
        elif keyword == "WORKDIR":
            workdir = Path(_in_root(root, arguments))
            workdir.mkdir(parents=True, exist_ok=True)
        elif keyword == "COPY":
            *sources, target = shlex.split(arguments)
            assert not any(s.startswith("--") for s in sources), arguments
            many = len(sources) > 1 or target.endswith("/")
            _copy(sources, (workdir / target).resolve(), many)
        elif keyword == "RUN":
            started = time.monotonic()
            done = subprocess.run(["/bin/sh", "-c", _in_root(root, arguments)], cwd=workdir,
                                  env=env, capture_output=True, text=True, timeout=900)  # fmt: skip
            assert done.returncode == 0, f"RUN {arguments}\n{done.stdout}\n{done.stderr}"
            log.append(f"{time.monotonic() - started:5.1f} s  RUN {arguments[:80]}")
        else:
            raise AssertionError(
                f"the build stage has an instruction this test does not know: {keyword}"
            )


@dataclass
class Runtime:
    """What the runtime stage leaves: environment, user, ports, and how it starts and stops."""

    env: dict[str, str] = field(default_factory=dict)
    venv: str = ""
    user: str = ""
    volumes: list[str] = field(default_factory=list)
    exposed: list[str] = field(default_factory=list)
    healthcheck: list[str] = field(default_factory=list)
    stopsignal: str = "SIGTERM"
    entrypoint: list[str] = field(default_factory=list)
    command: list[str] = field(default_factory=list)


def runtime_stage(stage: list[tuple[str, str]], root: Path, build_from: str) -> Runtime:
    image = Runtime(env={"PATH": os.environ["PATH"], "HOME": str(root / "home" / "imbot")})
    for keyword, arguments in stage:
        if keyword == "FROM":
            assert arguments == build_from.removesuffix(" AS build"), "build and run on one base"
        elif keyword == "ENV":
            image.env.update(_env_pairs(arguments, image.env, root))
        elif keyword == "COPY":
            flag, source, target = shlex.split(arguments)
            assert flag == "--from=build" and source == target, (
                "a venv works only where it was made"
            )
            image.venv = _in_root(root, target)
        elif keyword == "RUN":  # creates the user and the data directory
            for step in arguments.split("&&"):
                assert step.split()[0] in {"groupadd", "useradd", "mkdir", "chown"}, step
            Path(image.env["HOME"]).mkdir(parents=True)
        elif keyword == "USER":
            image.user = arguments
        elif keyword == "VOLUME":
            image.volumes = [_in_root(root, v) for v in json.loads(arguments)]
        elif keyword == "EXPOSE":
            image.exposed = arguments.split()
        elif keyword == "HEALTHCHECK":
            image.healthcheck = json.loads(arguments.split(" CMD ", 1)[1])
        elif keyword == "STOPSIGNAL":
            image.stopsignal = arguments
        elif keyword == "ENTRYPOINT":
            image.entrypoint = json.loads(arguments)
        elif keyword == "CMD":
            image.command = json.loads(arguments)
        else:
            raise AssertionError(
                f"the runtime stage has an instruction this test does not know: {keyword}"
            )
    return image


def compose_bot_env(root: Path, database_url: str) -> tuple[dict[str, str], list[str]]:
    """The environment compose.yaml adds for the bot (env_file from .env.example, the
    database URL pointed at the test's PostgreSQL) and the bot's command."""
    bot = yaml.safe_load((REPO / "compose.yaml").read_text(encoding="utf-8"))["services"]["bot"]
    assert bot["env_file"] == ".env"
    env = {}
    for line in (REPO / ".env.example").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, value = line.split("=", 1)
            env[key.strip()] = value.strip()
    for key, value in bot["environment"].items():
        if key == "IMBOT_DATABASE_URL":
            assert value.startswith("postgresql+psycopg://"), value  # the driver the image has
            value = database_url
        env[key] = _in_root(root, str(value))
    return env, bot["command"]


def _get(url: str) -> tuple[int, str]:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(url, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def _locked_for_this_platform() -> dict[str, str]:
    text = (REPO / "requirements" / "runtime.txt").read_text(encoding="utf-8")
    return {
        canonicalize_name(name): version
        for name, version, marker in re.findall(r"(?m)^([\w.-]+)==([^ ;\\]+)(?: ; ([^\\]+))?", text)
        if not marker or Marker(marker.strip()).evaluate()
    }


def _project_version() -> str:
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)["project"]["version"]


def _locked(name: str) -> str:
    text = (REPO / "requirements" / "runtime.txt").read_text(encoding="utf-8")
    return re.search(rf"(?m)^{re.escape(name)}==(\S+)", text).group(1)


def test_the_image_recipe_builds_and_runs_on_postgresql(fresh_pg, tmp_path):
    root = tmp_path / "image"
    build, run = instructions((REPO / "Dockerfile").read_text(encoding="utf-8"))
    log: list[str] = []
    build_stage(build, root, log)
    wheels = sorted(p.name for p in (root / "wheels").iterdir())
    assert len(wheels) == 1 and re.fullmatch(r"imbot-[\w.]+-py3-none-any\.whl", wheels[0]), wheels
    image = runtime_stage(run, root, build[0][1])
    # only the venv goes into the runtime image
    for leftover in ("src", "wheels", "usr"):
        shutil.rmtree(root / leftover)

    assert re.fullmatch(r"[1-9]\d*:[1-9]\d*", image.user), "a numeric, non-root user"
    assert image.volumes == [image.env["IMBOT_DATA_DIR"]]
    assert image.exposed == [image.env["IMBOT_HTTP_PORT"]]
    assert image.stopsignal == "SIGTERM" and image.entrypoint == ["imbot"]
    assert image.env["PATH"].startswith(f"{image.venv}/bin")

    compose_env, compose_command = compose_bot_env(root, fresh_pg())
    assert compose_command == image.command == ["run"]
    api = FakeBotAPI().start()
    port = _free_port()
    env = {**image.env, **compose_env, "TELEGRAM_TOKEN": api.token,
           "TELEGRAM_BOT_USERNAME": "imbot_test_bot",  # doctor fails without it (invite links)
           "TELEGRAM_BASE_URL": api.base_url, "IMBOT_HTTP_HOST": "127.0.0.1",
           "IMBOT_HTTP_PORT": str(port), "NO_PROXY": "127.0.0.1,localhost"}  # fmt: skip
    Path(env["IMBOT_DATA_DIR"]).mkdir(parents=True, exist_ok=True)
    home = env["HOME"]

    # the venv holds exactly the lock's packages for this platform, the bot's wheel and pip
    installed = json.loads(
        subprocess.run(
            ["python", "-m", "pip", "list", "--format=json"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout  # fmt: skip
    )
    have = {canonicalize_name(p["name"]): p["version"] for p in installed}
    assert have == {**_locked_for_this_platform(), "imbot": _project_version(), "pip": have["pip"]}

    where = subprocess.run(["python", "-c", "import bot, faq; print(bot.__file__, faq.__file__)"],
                           env=env, cwd=home, capture_output=True, text=True, check=True)  # fmt: skip
    assert all(path.startswith(f"{image.venv}/lib/") for path in where.stdout.split()), where.stdout

    proc = subprocess.Popen([*image.entrypoint, *compose_command], env=env, cwd=home,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)  # fmt: skip
    try:
        deadline = time.monotonic() + 90
        while subprocess.run(image.healthcheck, env=env, capture_output=True).returncode != 0:
            assert proc.poll() is None, proc.stdout.read()
            assert time.monotonic() < deadline, "the HEALTHCHECK never passed"
            time.sleep(0.2)
        assert _get(f"http://127.0.0.1:{port}/healthz")[0] == 200
        deadline = time.monotonic() + 60
        while (ready := _get(f"http://127.0.0.1:{port}/readyz"))[0] != 200:
            assert time.monotonic() < deadline, ready
            time.sleep(0.1)
        assert '"telegram": true' in ready[1] and '"database": true' in ready[1]
        api.user_says(4711, "Wann ist Bewerbungsschluss?")
        api.wait_for_text(4711, "3. Mai 2023", timeout=30)

        doctor = subprocess.run([*image.entrypoint, "doctor"], env=env, cwd=home,
                                capture_output=True, text=True, timeout=120)  # fmt: skip
        assert doctor.returncode == 0, doctor.stdout + doctor.stderr
        assert "All good." in doctor.stdout and "✓ migrations: up to date" in doctor.stdout
        for name in ("python-telegram-bot", "matrix-nio", "vodozemac"):
            assert f"{name} {_locked(name)}" in doctor.stdout, doctor.stdout
    finally:
        proc.send_signal(getattr(signal, image.stopsignal))
        try:
            output, _ = proc.communicate(timeout=60)
        finally:
            api.stop()
    assert proc.returncode == 0, output
    assert api.token not in output
    print("\n".join(log))  # the time each build step took (pytest -s shows it)
