"""Several processes open a new database at the same moment (two replicas starting,
the CLI while the bot starts): one migrates and loads the default edition, the
others wait for it; none fails, nothing is there twice. SQLite and PostgreSQL."""

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from storage.db import make_engine
from storage.models import Edition, Invite
from storage.repo import session_factory

PROCESSES = 4


def test_parallel_first_starts_on_a_new_database(empty_engine, tmp_path):
    """`imbot db upgrade` creates a database (the admin commands refuse a database
    that does not exist: a mistyped path)."""
    _start_at_once(empty_engine, tmp_path, ["db", "upgrade"])


def test_parallel_first_starts_after_imbot_db_upgrade(engine, tmp_path):
    """Migrated, but no edition loaded yet: where main raced (UniqueViolation)."""
    _start_at_once(engine, tmp_path)


def _start_at_once(engine, tmp_path, command: list[str] | None = None):
    url = engine.url.render_as_string(hide_password=False)
    env = {**os.environ, "IMBOT_DATABASE_URL": url, "IMBOT_DATA_DIR": str(tmp_path)}
    imbot = Path(sys.executable).with_name("imbot")
    procs = [
        subprocess.Popen([str(imbot), *(command or ["admin", "invite", "--role", "expert", "--name", f"Erika {i}"])],
                         env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for i in range(PROCESSES)
    ]  # fmt: skip
    outputs = [p.communicate(timeout=120)[0] for p in procs]
    assert [p.returncode for p in procs] == [0] * PROCESSES, outputs
    assert not any("Traceback" in out for out in outputs)
    with session_factory(engine)() as s:
        assert s.scalar(select(func.count()).select_from(Edition)) == 1
        assert s.scalar(select(func.count()).select_from(Invite)) == (0 if command else PROCESSES)


def test_a_process_kept_waiting_too_long_gets_a_clear_error(engine):
    """While another process holds the first-use lock (a long migration), a process
    that may not wait gets a DatabaseError that says so, not a traceback."""
    import pytest

    from storage.db import DatabaseError, first_use_lock

    other = make_engine(engine.url.render_as_string(hide_password=False))
    try:
        with (
            first_use_lock(other),
            pytest.raises(DatabaseError) as raised,
            first_use_lock(engine, wait=0.05),
        ):
            pass
    finally:
        other.dispose()
    assert "another imbot process has been preparing" in str(raised.value)
    with first_use_lock(engine, wait=0.05):  # free again once the other is done
        pass
