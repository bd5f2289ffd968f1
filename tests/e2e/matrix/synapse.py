"""A real Synapse homeserver for tests: 127.0.0.1, a free port, fresh SQLite, rate
limits raised for test users, users registered through the shared-secret admin API."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

SECRET = "imbot-test-registration-secret"
SERVER_NAME = "imbot.test"
_LIMIT = {"per_second": 1000, "burst_count": 1000}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _config(folder: Path, port: int) -> str:
    limits = {key: _LIMIT for key in ("rc_message", "rc_registration", "rc_joins_per_room", "rc_3pid_validation",
                                      "rc_invites", "rc_admin_redaction", "rc_key_requests", "rc_presence")}  # fmt: skip
    limits["rc_login"] = {"address": _LIMIT, "account": _LIMIT, "failed_attempts": _LIMIT}
    limits["rc_joins"] = {"local": _LIMIT, "remote": _LIMIT}
    limits["rc_invites"] = {"per_room": _LIMIT, "per_user": _LIMIT, "per_issuer": _LIMIT}
    config = {
        "server_name": SERVER_NAME,
        "pid_file": str(folder / "homeserver.pid"),
        "report_stats": False,
        "listeners": [{"port": port, "bind_addresses": ["127.0.0.1"], "type": "http", "tls": False,
                       "x_forwarded": False, "resources": [{"names": ["client"], "compress": False}]}],
        "database": {"name": "sqlite3", "args": {"database": str(folder / "homeserver.db")}},
        "media_store_path": str(folder / "media"),
        "signing_key_path": str(folder / "signing.key"),
        "log_config": str(folder / "log.yaml"),
        "registration_shared_secret": SECRET,
        "enable_registration": False,
        "trusted_key_servers": [],
        "suppress_key_server_warning": True,
        "presence": {"enabled": False},
        "bcrypt_rounds": 4,
        "url_preview_enabled": False,
        "macaroon_secret_key": "imbot-test-macaroon",
        "form_secret": "imbot-test-form",
        **limits,
    }  # fmt: skip
    return json.dumps(config)  # JSON is YAML


class Synapse:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None

    def start(self, timeout: float = 60) -> Synapse:
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / "homeserver.yaml").write_text(_config(self.folder, self.port))
        (self.folder / "log.yaml").write_text(json.dumps({
            "version": 1, "formatters": {"f": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
            "handlers": {"file": {"class": "logging.FileHandler", "filename": str(self.folder / "homeserver.log"),
                                  "formatter": "f"}},
            "root": {"level": "WARNING", "handlers": ["file"]}, "disable_existing_loggers": False}))  # fmt: skip
        cmd = [
            sys.executable,
            "-m",
            "synapse.app.homeserver",
            "-c",
            str(self.folder / "homeserver.yaml"),
        ]
        env = {**os.environ, "NO_PROXY": "127.0.0.1,localhost"}
        # what `--generate-keys` would write, without a second Synapse start-up (~1.3 s):
        # an ed25519 signing key as "ed25519 KEY_ID SEED", the seed in unpadded base64
        seed = base64.b64encode(os.urandom(32)).decode().rstrip("=")
        (self.folder / "signing.key").write_text(f"ed25519 a_test {seed}\n")
        self.proc = subprocess.Popen(
            cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"synapse exited: {self.proc.stderr.read().decode()[-2000:]}")
            try:
                with _open(f"{self.url}/_matrix/client/versions", timeout=1):
                    return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("synapse did not answer in time")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()

    def register(self, user: str, password: str, admin: bool = False) -> str:
        """Register through /_synapse/admin/v1/register (HMAC-SHA1 nonce flow)."""
        endpoint = f"{self.url}/_synapse/admin/v1/register"
        with _open(endpoint) as response:
            nonce = json.load(response)["nonce"]
        body = {"nonce": nonce, "username": user, "password": password, "admin": admin,
                "mac": _mac(nonce, user, password, admin)}  # fmt: skip
        request = urllib.request.Request(
            endpoint, json.dumps(body).encode(), {"Content-Type": "application/json"}
        )
        with _open(request) as response:
            return json.load(response)["user_id"]


def _mac(nonce: str, user: str, password: str, admin: bool) -> str:
    mac = hmac.new(SECRET.encode(), digestmod=hashlib.sha1)
    mac.update(nonce.encode() + b"\x00" + user.encode() + b"\x00" + password.encode() + b"\x00")
    mac.update(b"admin" if admin else b"notadmin")
    return mac.hexdigest()


def _open(target, timeout: float = 10):
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never through a proxy
    return opener.open(target, timeout=timeout)
