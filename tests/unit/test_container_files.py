"""The Dockerfile and compose.yaml, linted without Docker: hadolint for the Dockerfile,
the Compose specification's JSON schema (the copy check-jsonschema ships) for
compose.yaml, and what neither linter knows: that the Dockerfile, compose.yaml,
.env.example and the bot's settings agree with each other."""

import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from tests.conftest import REPO

BIN = Path(sys.executable).parent


def _run(*argv: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / argv[0]), *argv[1:]],
        cwd=REPO,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_hadolint_finds_nothing_in_the_dockerfile():
    result = _run("hadolint", "--no-color", "Dockerfile")
    assert result.returncode == 0, result.stdout + result.stderr


def test_hadolint_catches_what_it_should():
    bad = "FROM python:latest\nRUN pip install imbot\nUSER imbot\nCMD imbot run\n"
    result = _run("hadolint", "--no-color", "-", stdin=bad)
    assert result.returncode == 1
    for rule in ("DL3007", "DL3013", "DL3025"):  # unpinned base and package, shell-form CMD
        assert rule in result.stdout, result.stdout


def _schema_check(path: Path | str) -> subprocess.CompletedProcess:
    return _run("check-jsonschema", "--builtin-schema", "vendor.compose-spec", str(path))


def test_compose_file_follows_the_compose_specification():
    result = _schema_check("compose.yaml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_catches_a_wrong_compose_file(tmp_path):
    wrong = tmp_path / "compose.yaml"
    text = (REPO / "compose.yaml").read_text(encoding="utf-8")
    wrong.write_text(text.replace("condition: service_healthy", "condition: when_ready"))
    result = _schema_check(wrong)
    assert result.returncode == 1 and "when_ready" in result.stdout


def _dockerfile(instruction: str) -> list[str]:
    text = (REPO / "Dockerfile").read_text(encoding="utf-8")
    return re.findall(rf"(?m)^{instruction} (.+)$", text)


def _env_example() -> dict[str, str]:
    pairs = {}
    for line in (REPO / ".env.example").read_text(encoding="utf-8").splitlines():
        line = line.strip().removeprefix("# ")
        if re.match(r"[A-Z_]+=", line):
            key, value = line.split("=", 1)
            pairs[key] = value
    return pairs


def test_compose_dockerfile_env_example_and_settings_agree():
    compose = yaml.safe_load((REPO / "compose.yaml").read_text(encoding="utf-8"))
    db, bot = compose["services"]["db"], compose["services"]["bot"]
    # the bot starts when PostgreSQL is healthy, and everything it mounts is declared
    assert bot["depends_on"] == {"db": {"condition": "service_healthy"}} and db["healthcheck"]
    for service in (db, bot):
        for volume in service["volumes"]:
            assert volume.split(":")[0] in compose["volumes"], volume
    # the database URL names the db service, its user and its database
    url = urlsplit(bot["environment"]["IMBOT_DATABASE_URL"])
    assert url.scheme == "postgresql+psycopg" and url.hostname == "db" and url.port == 5432
    assert url.username == db["environment"]["POSTGRES_USER"]
    assert url.path == f"/{db['environment']['POSTGRES_DB']}"
    # data volume and health port are the image's
    data_dir = bot["environment"]["IMBOT_DATA_DIR"]
    assert _dockerfile("VOLUME") == [f'["{data_dir}"]']
    assert f"IMBOT_DATA_DIR={data_dir}" in (REPO / "Dockerfile").read_text(encoding="utf-8")
    assert {f"botdata:{data_dir}"} == set(bot["volumes"])
    (port,) = _dockerfile("EXPOSE")
    assert [p.rsplit(":", 1)[1] for p in bot["ports"]] == [port]
    # every variable .env.example and compose.yaml give is one the bot or PostgreSQL reads
    code = "".join(
        path.read_text(encoding="utf-8")
        for package in ("bot", "storage", "jobs", "faq")
        for path in (REPO / package).rglob("*.py")
    )
    given = set(_env_example()) | set(bot["environment"])
    unknown = {name for name in given if f'"{name}"' not in code} - {"POSTGRES_PASSWORD"}
    assert not unknown, f"set for the bot, but the bot does not read it: {unknown}"
    # every ${VARIABLE} compose.yaml interpolates is in .env.example
    interpolated = set(re.findall(r"\$\{(\w+)", (REPO / "compose.yaml").read_text()))
    assert interpolated <= set(_env_example()), interpolated
