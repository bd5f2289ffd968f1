"""The dialogues run on SQLite and on a real PostgreSQL: the database fixtures of the
integration tests, shared."""

from tests.integration.conftest import (  # noqa: F401 (fixtures)
    engine,
    fresh_pg,
    pg_admin,
    pg_server,
    pg_template,
)
